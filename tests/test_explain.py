"""``paperkg explain NAME OUTDIR``: every name, sentence and rule behind an entity, read from a build."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.core.schema import ENTITY_TYPES
from paperkg.explain import explain, format_explanation

from .conftest import DATA


def test_explain_gathers_all_evidence(sample_graph):
    found = explain(sample_graph, "llava v1.5")
    assert found.label == "LLaVA-1.5" and found.type == "model"
    mentions = [e for e in found.evidence if e.relation == "mentions"]
    assert len(mentions) == found.mention_count >= 1
    for evidence in found.evidence:
        assert evidence.mention and evidence.mention in evidence.sentence and evidence.rule
        assert evidence.end - evidence.start == len(evidence.mention)
        assert 0 < evidence.confidence <= 1
    assert any(e.relation == "variant_of" and e.statement == "LLaVA-1.5 variant_of LLaVA" for e in found.evidence)


def _entities(graph):
    return [data["label"] for _, data in graph.nodes(data=True) if data["kind"] in ENTITY_TYPES]


def test_each_mention_is_shown_once_with_its_offsets_and_each_sentence_once(sample_graph):
    # An entity named twice in one sentence: the case that used to print the sentence twice.
    twice = next(label for label in _entities(sample_graph)
                 if any(n > 1 for n in Counter((e.paper, e.sentence) for e in explain(sample_graph, label).evidence
                                               if e.relation == "mentions").values()))
    found = explain(sample_graph, twice)
    text = format_explanation(found, sample_graph)
    offsets = re.findall(r'^    ".*" at (\d+-\d+)$', text, re.MULTILINE)
    assert len(offsets) == len(set(offsets)) == len({(e.start, e.end) for e in found.evidence})
    for paper_block in text.split("\n\n")[1:]:
        sentences = re.findall(r"^  \| (.*)$", paper_block, re.MULTILINE)
        assert len(sentences) == len(set(sentences))
    assert sum(1 for e in found.evidence if e.relation == "mentions") == found.mention_count


def test_a_title_is_never_glued_to_the_first_sentence(sample_graph):
    titles = {node: data["title"] for node, data in sample_graph.nodes(data=True) if data["kind"] == "paper"}
    unpunctuated = {node for node, title in titles.items() if not title.rstrip().endswith((".", "?", "!"))}
    checked = 0
    for label in _entities(sample_graph)[:150]:
        for evidence in explain(sample_graph, label).evidence:
            if evidence.paper not in unpunctuated:
                continue
            title = " ".join(titles[evidence.paper].split())
            checked += 1
            if evidence.start < len(titles[evidence.paper]):
                assert evidence.sentence == title
            else:
                assert not evidence.sentence.startswith(title)
    assert checked > 20


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("explain") / "out"
    result = CliRunner().invoke(cli, ["build", str(DATA / "000_d19c32d15f532ca7.txt"), "-o", str(folder),
                                      "--formats", "csv", "-q"])
    assert result.exit_code == 0, result.output
    return folder


def test_explain_command_reads_the_build_without_extracting(built, monkeypatch):
    import paperkg.extractors

    monkeypatch.setattr(paperkg.extractors, "make_pipeline", lambda: pytest.fail("explain ran the extractors"))
    runner = CliRunner()
    result = runner.invoke(cli, ["explain", "mambaout", str(built)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("MambaOut (model, model:mambaout)")
    assert "MambaOut: Do We Really Need Mamba for Vision? (p-" in result.output
    assert "rule paperkg_model:" in result.output and "proposes: rule" in result.output
    assert re.search(r'"MambaOut" at 0-8\n', result.output)
    result = runner.invoke(cli, ["explain", "No Such Model", str(built)])
    assert result.exit_code == 2 and "no entity named 'No Such Model'" in result.output


def test_explain_of_inputs_instead_of_a_build_says_what_to_do(tmp_path):
    result = CliRunner().invoke(cli, ["explain", "mambaout", str(DATA)])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert "not a paperkg build folder" in result.output and "paperkg build" in result.output
