"""SPARQL over an export: the cookbook's queries (docs/queries) on the sample corpus, the store's life cycle, the CLI."""
from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter

import pytest
from click.testing import CliRunner

from paperkg import exports
from paperkg.cli import cli
from paperkg.core.errors import PaperkgError
from paperkg.query import open_store, query_folder, read_query_file, run_query

from .conftest import ROOT


@pytest.fixture(scope="module")
def export_folder(tmp_path_factory, sample_graph):
    folder = tmp_path_factory.mktemp("export")
    exports.export(sample_graph, folder, ["ntriples"])
    return folder


def _rows(folder, sparql):
    return list(csv.DictReader(io.StringIO(query_folder(folder, sparql, "csv"))))


def cookbook(name: str) -> str:
    """A query of the SPARQL cookbook (docs/queries/NAME.rq), as ``paperkg query -f`` reads it."""
    return read_query_file(ROOT / "docs" / "queries" / f"{name}.rq")


def _label(graph, node):
    return graph.nodes[node]["label"]


def test_papers_evaluated_on_a_benchmark(export_folder, sample_graph):
    rows = _rows(export_folder, cookbook("papers-evaluated-on-imagenet"))
    expected = sorted(sample_graph.nodes[u]["title"] for u, v, d in sample_graph.edges(data=True)
                      if d["relation"] == "evaluated_on" and _label(sample_graph, v) == "ImageNet")
    assert len(rows) >= 3 and sorted(row["title"] for row in rows) == expected


def test_models_compared_with_a_model(export_folder, sample_graph):
    rows = _rows(export_folder, cookbook("models-compared-with-mamba"))
    expected = Counter((_label(sample_graph, u), _label(sample_graph, v)) for u, v, d in sample_graph.edges(data=True)
                       if d["relation"] in ("compared_with", "outperforms") and "Mamba" in
                       (_label(sample_graph, u), _label(sample_graph, v)))
    assert rows and Counter((row["model"], row["other"]) for row in rows) == expected


def test_code_of_papers_that_propose_a_dataset(export_folder, sample_graph):
    rows = _rows(export_folder, cookbook("code-of-new-datasets"))
    expected = set()
    for paper, entity, data in sample_graph.edges(data=True):
        if data["relation"] == "proposes" and sample_graph.nodes[entity]["kind"] in ("dataset", "benchmark"):
            expected |= {(_label(sample_graph, entity), "https://" + _label(sample_graph, repo))
                         for _, repo, d in sample_graph.out_edges(paper, data=True) if d["relation"] == "has_code"}
    assert rows and {(row["dataset"], row["repository"]) for row in rows} == expected


def test_most_mentioned_models(export_folder, sample_graph):
    rows = _rows(export_folder, cookbook("most-mentioned-models"))
    mentions = Counter(_label(sample_graph, v) for _, v, d in sample_graph.edges(data=True)
                       if d["relation"] == "mentions" and sample_graph.nodes[v]["kind"] == "model")
    assert [(row["model"], int(row["mentions"])) for row in rows] == \
        sorted(mentions.items(), key=lambda item: (-item[1], item[0]))[:10]


def test_evidence_for_an_edge(export_folder, sample_graph):
    [row] = _rows(export_folder, cookbook("evidence-for-an-edge"))
    paper = next(u for u, v, d in sample_graph.edges(data=True)
                 if d["relation"] == "proposes" and _label(sample_graph, v) == "MambaOut")
    text = sample_graph.nodes[paper]["title"] + "\n\n" + sample_graph.nodes[paper]["abstract"]
    assert text[int(row["start"]):int(row["end"])] == row["mention"] == "MambaOut"
    assert row["mention"] in row["sentence"] and row["rule"] == "proposes"


def test_store_is_reused_and_rebuilt_when_the_export_changes(tmp_path, sample_graph):
    exports.export(sample_graph, tmp_path, ["ntriples"])
    triples = len(open_store(tmp_path))
    stamp = tmp_path / "store" / "built-from.json"
    built = stamp.stat().st_mtime_ns
    open_store(tmp_path)
    assert stamp.stat().st_mtime_ns == built  # reused, not rebuilt
    source = tmp_path / "graph.nt"
    source.write_text(source.read_text(encoding="utf-8").splitlines(True)[0], encoding="utf-8")
    os.utime(source, ns=(built + 10**9, built + 10**9))
    assert len(open_store(tmp_path)) == 1 < triples


def test_store_is_read_only_unless_updates_are_allowed(tmp_path, sample_graph):
    exports.export(sample_graph, tmp_path, ["ntriples"])
    insert = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    ask = "ASK { <http://example.org/a> ?p ?o }"
    with pytest.raises(PaperkgError, match="read-only"):
        run_query(open_store(tmp_path), insert)
    with pytest.raises(RuntimeError, match="read-write"):  # bypassing the check, the store itself refuses
        open_store(tmp_path).update(insert)
    assert query_folder(tmp_path, ask) == "false"
    assert query_folder(tmp_path, insert, allow_update=True) == "update done"
    assert query_folder(tmp_path, ask) == "true"


def test_cli_query_formats_and_errors(export_folder, tmp_path):
    runner = CliRunner()
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://schema.org/ScholarlyArticle> }"
    table = runner.invoke(cli, ["query", str(export_folder), count])
    assert table.exit_code == 0 and table.output.splitlines()[2].strip() == "223"
    as_json = json.loads(runner.invoke(cli, ["query", str(export_folder), count, "--format", "json"]).output)
    assert as_json["results"]["bindings"][0]["n"]["value"] == "223"
    for args, message in ((["query", str(tmp_path), count], "no graph.nt here"),
                          (["query", str(export_folder), "SELECT ?x WHERE {"], "not valid SPARQL")):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2 and message in result.output and len(result.output.strip().splitlines()) == 1
