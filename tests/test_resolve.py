"""Entity resolution and the graph built from the sample corpus."""
from __future__ import annotations

import pytest

from paperkg.graph import build_graph, summarize
from paperkg.core.model import ENTITY_TYPES, RELATIONS
from paperkg.resolve import Resolver, entity_key


@pytest.mark.parametrize(
    "names",
    [("LLaMA-2", "LlaMA-2", "Llama 2", "LLaMA v2"), ("LLaVA-1.5", "LLaVA v1.5", "llava-v1.5"),
     ("Qwen2-VL-7B", "Qwen2 VL 7B"), ("GPT-4o", "GPT 4o", "gpt-4o")],
)
def test_spelling_variants_share_a_key(names):
    assert len({entity_key(n) for n in names}) == 1


@pytest.mark.parametrize(("a", "b"), [("GPT-4", "GPT-4o"), ("LLaMA-2-7B", "LLaMA-2-13B"), ("DeepSeek-VL", "DeepSeek-L")])
def test_distinct_variants_stay_apart(a, b):
    assert entity_key(a) != entity_key(b)


def test_acronym_and_long_form_join_across_papers():
    resolver = Resolver()
    resolver.add("p1", "model", ["ViT", "Vision Transformer"], mentions=2)
    resolver.add("p2", "model", ["Vision Transformer"], mentions=1)
    resolver.add("p3", "model", ["vit"], mentions=1)
    [entity] = resolver.entities()
    assert (entity.name, entity.mention_count, entity.papers) == ("ViT", 4, ["p1", "p2", "p3"])
    assert set(entity.aliases) == {"Vision Transformer", "vit"}


def test_type_follows_the_majority_of_mentions():
    resolver = Resolver()
    resolver.add("p1", "benchmark", ["ImageNet"], mentions=1)
    resolver.add("p2", "dataset", ["ImageNet"], mentions=3)
    assert resolver.lookup("imagenet").type == "dataset"


def test_sample_graph_has_evidence_on_every_edge(sample_graph):
    assert sample_graph.number_of_edges() > 0
    for u, v, data in sample_graph.edges(data=True):
        assert data["relation"] in RELATIONS
        sentence = data["sentence"]
        start, end = data["start"] - data["sentence_start"], data["end"] - data["sentence_start"]
        assert sentence[start:end] == data["mention"], (u, v, data)
        assert data["rule"] and 0 < data["confidence"] <= 1


def test_sample_graph_papers_and_entities(sample_graph, sample_papers):
    summary = summarize(sample_graph)
    assert summary["papers"] == len(sample_papers)
    assert summary["entities"]["repo"] == sum(1 for _, k in sample_graph.nodes(data="kind") if k == "repo") > 50
    for node, data in sample_graph.nodes(data=True):
        if data["kind"] in ENTITY_TYPES:
            assert data["mention_count"] >= 1 and sample_graph.in_degree(node) >= 1


def test_graph_is_the_same_whatever_the_paper_order(sample_extracted):
    forward = build_graph(sample_extracted)
    backward = build_graph(list(reversed(sample_extracted)))
    assert sorted(forward.nodes(data="label")) == sorted(backward.nodes(data="label"))
    assert sorted(forward.edges(keys=True)) == sorted(backward.edges(keys=True))
