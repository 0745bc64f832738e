"""The Python API: paperkg.read, paperkg.build, paperkg.load, paperkg.nlp, as a user calls them."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

import paperkg
from paperkg import api
from paperkg.core.errors import PaperkgError

from .conftest import DATA


def test_the_four_calls_are_the_api_module_s_and_load_lazily():
    assert (paperkg.read, paperkg.build, paperkg.load, paperkg.nlp) == (api.read, api.build, api.load, api.nlp)
    probe = "import sys, paperkg; paperkg.read, paperkg.build, paperkg.load; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip() == "False"


def test_read_takes_a_path_or_several_and_reports_progress():
    steps = []

    def progress(step, items, total):
        steps.append(step)
        return items

    one = paperkg.read(str(DATA), progress=progress)
    assert len(one) == 223 and steps == ["read"]
    two = paperkg.read([DATA / "000_d19c32d15f532ca7.txt", DATA / "002_580fc155f03476d3.txt"])
    assert 0 < len(two) < len(one) and {p.title for p in two} <= {p.title for p in one}


def _edges(graph):
    return sorted((u, v, k) for u, v, k in graph.edges(keys=True))


def test_build_in_memory_and_into_a_folder_make_the_same_graph(tmp_path, sample_graph):
    in_memory = paperkg.build(paperkg.read(DATA))
    assert in_memory.written == {} and not any(tmp_path.iterdir())
    written = paperkg.build(DATA, tmp_path / "out", formats=["csv"])
    assert [p.name for p in written.written["csv"]] == ["nodes.csv", "edges.csv", "mentions.csv"]
    assert _edges(in_memory.graph) == _edges(written.graph) == _edges(sample_graph)
    assert {"read", "extract", "graph"} <= written.seconds.keys()


def test_build_takes_an_alias_file_by_path_and_load_applies_it_again(tmp_path):
    aliases = tmp_path / "aliases.txt"
    aliases.write_text("Vision Transformer = ViT\n!BERT\n", encoding="utf-8")
    built = paperkg.build(DATA, tmp_path / "out", formats=["csv"], aliases=aliases)
    for graph in (built.graph, paperkg.load(tmp_path / "out").graph):  # the build remembers its alias file
        labels = {data["label"] for _, data in graph.nodes(data=True)}
        assert "Vision Transformer" in labels and "ViT" not in labels and "BERT" not in labels


@pytest.fixture(scope="module")
def arxiv_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("arxiv")
    source = folder / "arxiv.jsonl"
    records = [{"id": "2405.07992", "title": "MambaOut: Do We Really Need Mamba for Vision?",
                "abstract": "MambaOut reaches 84.1% top-1 accuracy on ImageNet, beating Mamba."},
               {"title": "A paper without an id", "abstract": "We train ViT on ImageNet and report 80.1% accuracy."}]
    source.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    built = paperkg.build(source, folder / "out", formats=["csv"])
    return built, folder / "out"


def test_load_gives_back_the_build_s_graph_and_tables(arxiv_build):
    built, out = arxiv_build
    loaded = paperkg.load(out)
    assert _edges(loaded.graph) == _edges(built.graph) and loaded.folder == out
    assert len(loaded.nodes) == built.graph.number_of_nodes() and len(loaded.edges) == built.graph.number_of_edges()
    assert {"id", "kind", "label", "mention_count"} <= set(loaded.nodes.columns)
    assert {"source", "target", "relation", "sentence", "rule", "confidence"} <= set(loaded.edges.columns)


def test_results_rows_carry_title_and_arxiv_id(arxiv_build):
    results = paperkg.load(arxiv_build[1]).results
    by_title = {row.title: row for row in results.itertuples()}
    mambaout = by_title["MambaOut: Do We Really Need Mamba for Vision?"]
    assert (mambaout.arxiv_id, mambaout.model, mambaout.value, mambaout.unit) == ("2405.07992", "MambaOut", 84.1, "%")
    assert mambaout.metric == "top-1 accuracy" and mambaout.dataset_or_benchmark == "ImageNet"
    other = by_title["A paper without an id"]
    assert pd.isna(other.arxiv_id) and other.value == 80.1


def test_results_command_rows_carry_title_and_arxiv_id(tmp_path, arxiv_build):
    import csv

    from click.testing import CliRunner

    from paperkg.cli import cli

    output = tmp_path / "results.csv"
    result = CliRunner().invoke(cli, ["results", str(arxiv_build[1].parent / "arxiv.jsonl"), "-o", str(output), "-q"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(output.open(encoding="utf-8")))
    assert {(row["title"][:8], row["arxiv_id"]) for row in rows} == {("MambaOut", "2405.07992"), ("A paper ", "")}


def test_load_of_a_folder_that_is_no_build_is_one_line(tmp_path):
    with pytest.raises(PaperkgError, match="not a paperkg build folder") as error:
        paperkg.load(tmp_path)
    assert "\n" not in str(error.value)


def test_nlp_is_the_pipeline_with_every_component():
    from paperkg import extractors

    nlp = paperkg.nlp()
    assert set(extractors.PIPELINE) <= set(nlp.pipe_names)
    doc = nlp("FlowAR\n\nFlowAR beats VAR on ImageNet.")
    assert ("ImageNet", "DATASET") in [(ent.text, ent.label_) for ent in doc.ents]
