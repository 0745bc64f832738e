"""Cue-based relations, variants, the alias file and the corpus second pass."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from paperkg import Paper, extract_papers
from paperkg.aliases import load_aliases
from paperkg.cli import cli
from paperkg.core.errors import InputError
from paperkg.extract import CORPUS_CONFIDENCE, recognise_corpus_names
from paperkg.graph import build_graph


def _edges(graph, relation):
    return {(u, v): d for u, v, d in graph.edges(data=True) if d["relation"] == relation}


def test_cues_decide_dataset_relations_and_beat_the_type_fallback():
    paper = Paper("Zed", "Zed is pre-trained on LAION-5B. We report results on ImageNet and COCO. "
                         "We also release the FooBench benchmark.")
    graph = build_graph(extract_papers([paper]))
    uses, evaluated = _edges(graph, "uses_dataset"), _edges(graph, "evaluated_on")
    assert uses[paper.id, "dataset:laion5b"]["rule"] == "cue:pre-trained on"
    assert {v for _, v in evaluated} >= {"dataset:imagenet", "dataset:coco"}
    assert (paper.id, "dataset:imagenet") not in uses  # the cue wins over the dataset type
    fallback = [d for d in {**uses, **evaluated}.values() if d["rule"].startswith("type:")]
    cued = [d for d in {**uses, **evaluated}.values() if d["rule"].startswith("cue:")]
    assert cued and max(d["confidence"] for d in fallback or [{"confidence": 0}]) < min(d["confidence"] for d in cued)


def test_outperforms_and_compared_with():
    paper = Paper("X", "GPT-4 outperforms LLaMA-2 and Mistral-7B. BERT is compared to RoBERTa. "
                       "BERT needs more than GPT-2 does.")
    graph = build_graph(extract_papers([paper]))
    assert set(_edges(graph, "outperforms")) == {("model:gpt4", "model:llama2"), ("model:gpt4", "model:mistral7b")}
    assert all(d["rule"] == "cue:outperforms" for d in _edges(graph, "outperforms").values())
    assert set(_edges(graph, "compared_with")) == {("model:bert", "model:roberta")}  # "more than" is no comparison


def test_variants_link_to_the_entity_they_extend(sample_graph):
    variants = {(sample_graph.nodes[u]["label"], sample_graph.nodes[v]["label"])
                for u, v, d in sample_graph.edges(data=True) if d["relation"] == "variant_of"}
    assert ("LLaVA-1.5", "LLaVA") in variants
    for variant, base in variants:
        assert len(base) < len(variant)
    paper = Paper("Q", "We compare Qwen2-VL-7B, Qwen2-VL and LLaVA-NeXT.")
    assert set(_edges(build_graph(extract_papers([paper])), "variant_of")) == {("model:qwen2vl7b", "model:qwen2vl")}


def test_alias_file_merges_and_blocks(tmp_path):
    aliases = tmp_path / "aliases.txt"
    aliases.write_text("# mine\nLLaMA-2 = Llama2-Chat\n!BERT\n", encoding="utf-8")
    source = tmp_path / "papers.jsonl"
    source.write_text('{"title": "A", "abstract": "We compare GPT-4 with BERT, LLaMA-2 and Llama2-Chat."}\n'
                      '{"title": "B", "abstract": "Llama2-Chat is tuned."}\n', encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["build", str(source), "-o", str(tmp_path / "out"), "--formats", "csv",
                                 "--aliases", str(aliases)])
    assert result.exit_code == 0, result.output
    nodes = (tmp_path / "out" / "nodes.csv").read_text(encoding="utf-8")
    assert "model:bert" not in nodes and "Llama2-Chat" in nodes
    graph = build_graph(extract_papers([Paper("B", "Llama2-Chat is tuned.")], aliases=load_aliases(aliases)),
                        aliases=load_aliases(aliases))
    assert [d["label"] for _, d in graph.nodes(data=True) if d["kind"] == "model"] == ["LLaMA-2"]
    aliases.write_text("LLaMA-2\n", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(source), "-o", str(tmp_path / "x.jsonl"), "--aliases", str(aliases)])
    assert result.exit_code == 2 and "aliases.txt:1: expected 'canonical = alias | alias'" in result.output
    with pytest.raises(InputError, match="no such alias file"):
        load_aliases(tmp_path / "missing.txt")


def test_corpus_pass_finds_strongly_cued_names_elsewhere_at_lower_confidence():
    papers = [Paper("Zorro: a fast model", "We propose Zorro."), Paper("Other", "We compare with Zorro and zorro.")]
    second = recognise_corpus_names(list(extract_papers(papers)))[1]
    assert [(m.text, m.confidence) for m in second.mentions] == [("Zorro", CORPUS_CONFIDENCE)]
    assert second.entities["model"] == [["Zorro"]]
