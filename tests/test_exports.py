"""Exporters: golden files, round trips for every registered format, the viewer's safety."""
from __future__ import annotations

import difflib
import json
import os
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
import rdflib
from rdflib.compare import isomorphic

import exports
from exports.turtle import to_rdflib

GOLDEN = Path(__file__).parent / "golden"
UPDATE_GOLDEN = os.environ.get("PAPERKG_UPDATE_GOLDEN") == "1"


def small_graph() -> nx.MultiDiGraph:
    """A hand-made graph with every node kind and relation, and awkward strings."""
    g = nx.MultiDiGraph()
    title = 'FlowAR: "Scale-wise" <Autoregressive> Generation & Flow'
    sentence = "FlowAR outperforms VAR on ImageNet-256 in FID; code: github.com/OliverRensu/FlowAR."
    g.add_node("p-0000000000aa", kind="paper", label=title, title=title, abstract=sentence + "\nSecond line.",
               arxiv_id="2412.15205", authors=None, categories="cs.CV", update_date=None,
               sources=["data/a.txt:11", "data/b.txt:7"])
    entities = [("model:flowar", "model", "FlowAR", ["Flow-AR"]), ("model:var", "model", "VAR", []),
                ("benchmark:imagenet256", "benchmark", "ImageNet-256", []), ("metric:fid", "metric", "FID", []),
                ("repo:githubcomoliverrensuflowar", "repo", "github.com/OliverRensu/FlowAR", [])]
    for node, kind, label, aliases in entities:
        g.add_node(node, kind=kind, label=label, aliases=aliases, mention_count=1, paper_count=1)
    offset = len(title) + 2
    for node, _, label, _ in entities:
        start = offset + sentence.index(label)
        evidence = dict(mention=label, sentence=sentence, start=start, end=start + len(label),
                        sentence_start=offset, rule="test", confidence=0.9)
        g.add_edge("p-0000000000aa", node, key=f"mentions@{start}", relation="mentions", **evidence)
    relations = {"model:flowar": "proposes", "benchmark:imagenet256": "evaluated_on", "metric:fid": "reports_metric",
                 "repo:githubcomoliverrensuflowar": "has_code"}
    for node, relation in relations.items():
        data = next(iter(g.get_edge_data("p-0000000000aa", node).values()))
        g.add_edge("p-0000000000aa", node, key=relation, **{**data, "relation": relation})
    data = next(iter(g.get_edge_data("p-0000000000aa", "model:var").values()))
    g.add_edge("model:flowar", "model:var", key="compared_with@p-0000000000aa",
               **{**data, "relation": "compared_with", "paper": "p-0000000000aa", "rule": "cue:outperforms"})
    return g


def _golden_compare(path: Path, produced: str) -> None:
    golden = GOLDEN / path.name
    if UPDATE_GOLDEN or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
        if not UPDATE_GOLDEN:
            pytest.fail(f"golden file {golden} was missing and has been written; check it in")
    expected = golden.read_text(encoding="utf-8")
    if produced != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), produced.splitlines(True),
                                            f"golden/{golden.name}", f"produced/{golden.name}"))
        pytest.fail(f"{golden.name} differs from its golden file "
                    f"(PAPERKG_UPDATE_GOLDEN=1 rewrites it):\n{diff}")


GOLDEN_FORMATS = ["turtle", "jsonld", "ntriples", "graphml", "csv"]


@pytest.mark.parametrize("name", GOLDEN_FORMATS)
def test_golden_files(tmp_path, name):
    for path in exports.export(small_graph(), tmp_path, [name])[name]:
        _golden_compare(path, path.read_text(encoding="utf-8"))


def _rdf_round_trip(graph, folder, name, rdf_format):
    [path] = exports.export(graph, folder, [name])[name]
    parsed = rdflib.Graph().parse(path, format=rdf_format)
    assert len(parsed) > graph.number_of_nodes()
    assert isomorphic(parsed, to_rdflib(graph))


def check_turtle(graph, folder):
    _rdf_round_trip(graph, folder, "turtle", "turtle")


def check_ntriples(graph, folder):
    _rdf_round_trip(graph, folder, "ntriples", "nt")


def check_jsonld(graph, folder):
    _rdf_round_trip(graph, folder, "jsonld", "json-ld")


def check_graphml(graph, folder):
    [path] = exports.export(graph, folder, ["graphml"])["graphml"]
    assert path.read_text(encoding="utf-8").startswith("<?xml version='1.0' encoding='utf-8'?>")
    ElementTree.parse(path)  # strict XML
    back = nx.read_graphml(path, force_multigraph=True)
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    for node, data in graph.nodes(data=True):
        assert back.nodes[node]["kind"] == data["kind"]
        assert back.nodes[node]["label"] == data["label"]
        if data["kind"] != "paper":
            assert back.nodes[node]["mention_count"] == data["mention_count"]
            assert back.nodes[node].get("aliases", "") == " | ".join(data["aliases"])
    relations = sorted(d["relation"] for _, _, d in back.edges(data=True))
    assert relations == sorted(d["relation"] for _, _, d in graph.edges(data=True))


def check_csv(graph, folder):
    nodes_path, edges_path = exports.export(graph, folder, ["csv"])["csv"]
    nodes, edges = pd.read_csv(nodes_path), pd.read_csv(edges_path)
    assert sorted(nodes["id"]) == sorted(graph.nodes)
    assert len(edges) == graph.number_of_edges()
    assert set(edges["relation"]) == {d["relation"] for _, _, d in graph.edges(data=True)}


def check_html(graph, folder):
    [path] = exports.export(graph, folder, ["html"])["html"]
    page = path.read_text(encoding="utf-8")
    external = re.findall(r"<(?:script|link)[^>]+(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page, re.IGNORECASE)
    assert external == []
    data = json.loads(re.search(r'<script id="graph-data" type="application/json">(.*?)</script>',
                                page, re.DOTALL)[1])
    assert sorted(n["id"] for n in data["nodes"]) == sorted(graph.nodes)
    assert len(data["edges"]) == graph.number_of_edges()


ROUND_TRIPS = {"turtle": check_turtle, "ntriples": check_ntriples, "jsonld": check_jsonld,
               "graphml": check_graphml, "csv": check_csv, "html": check_html}


def test_every_registered_exporter_has_a_round_trip_test():
    assert set(ROUND_TRIPS) == set(exports.EXPORTERS)


@pytest.mark.parametrize("name", sorted(ROUND_TRIPS))
def test_round_trip_small_graph(tmp_path, name):
    ROUND_TRIPS[name](small_graph(), tmp_path)


@pytest.mark.parametrize("name", sorted(ROUND_TRIPS))
def test_round_trip_sample_corpus(tmp_path, sample_graph, name):
    ROUND_TRIPS[name](sample_graph, tmp_path)


def test_hostile_title_is_data_not_markup(tmp_path):
    graph = small_graph()
    hostile = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"
    graph.nodes["p-0000000000aa"]["label"] = hostile
    [path] = exports.export(graph, tmp_path, ["html"])["html"]
    page = path.read_text(encoding="utf-8")
    assert "<img src=x" not in page and "</script><script>alert(2)" not in page
    data = json.loads(re.search(r'type="application/json">(.*?)</script>', page, re.DOTALL)[1])
    assert hostile in [n["label"] for n in data["nodes"]]


def test_csv_cells_cannot_run_as_formulas(tmp_path):
    graph = small_graph()
    graph.nodes["model:var"]["label"] = "=HYPERLINK(\"http://evil\",\"x\")"
    nodes_path, _ = exports.export(graph, tmp_path, ["csv"])["csv"]
    labels = pd.read_csv(nodes_path)["label"].tolist()
    assert "'=HYPERLINK(\"http://evil\",\"x\")" in labels


def test_base_iri_changes_every_resource(tmp_path):
    [path] = exports.export(small_graph(), tmp_path, ["ntriples"], base_iri="http://example.org/kg/")["ntriples"]
    text = path.read_text(encoding="utf-8")
    assert "<http://example.org/kg/paper/p-0000000000aa>" in text
    assert "https://w3id.org/paperkg/id/" not in text


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        exports.export(small_graph(), tmp_path, ["docx"])
