"""Exporters: golden files, round trips for every registered format, evidence stored once, the viewer's safety."""
from __future__ import annotations

import difflib
import functools
import gc
import json
import os
import re
import tracemalloc
import xml.etree.ElementTree as ElementTree
from decimal import Decimal
from pathlib import Path

import hashlib
from collections import Counter

import networkx as nx
import pandas as pd
import pyoxigraph
import pytest
import pyshacl
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef

from paperkg import exports
from paperkg.core.errors import PaperkgError
from paperkg.exports.evidence import EVIDENCE_LEVELS, mention_id
from paperkg.exports.graphml import _NOT_XML, generate_graphml
from paperkg.exports.ntriples import generate_ntriples
from paperkg.exports.rdf import RELATION_PROPERTIES, generate_triples, mention_iri, node_iri
from paperkg.exports.turtle import to_rdflib
from paperkg.exports.vocab import MLS, OA, PKG, PROV, RDF, RDFS, XSD, load_vocabulary
from paperkg.core.model import RELATIONS
from paperkg.core.schema import ENTITY_TYPES

GOLDEN = Path(__file__).parent / "golden"
UPDATE_GOLDEN = os.environ.get("PAPERKG_UPDATE_GOLDEN") == "1"


def small_graph() -> nx.MultiDiGraph:
    """A hand-made graph with every node kind and relation, and awkward strings."""
    g = nx.MultiDiGraph()
    title = 'FlowAR: "Scale-wise" <Autoregressive> Generation & Flow'
    sentence = "FlowAR outperforms VAR on ImageNet-256 with FID 1.97; code: github.com/OliverRensu/FlowAR."
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
    start = offset + sentence.index("1.97")
    result = dict(sentence=sentence, start=start, end=start + 4, sentence_start=offset, rule="result:metric-before",
                  confidence=0.8)
    g.add_node("result:p-0000000000aa:0", kind="result", label="FlowAR FID 1.97 on ImageNet-256", model="model:flowar",
               benchmark="benchmark:imagenet256", dataset=None, metric="metric:fid", value=1.97, unit=None,
               baseline="model:var", **result)
    g.add_edge("p-0000000000aa", "result:p-0000000000aa:0", key="has_result", relation="has_result",
               mention="1.97", **result)
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


@functools.cache
def _shapes() -> rdflib.Graph:
    return load_vocabulary("shapes")


def assert_conforms(rdf: rdflib.Graph) -> None:
    conforms, _, report = pyshacl.validate(rdf, shacl_graph=_shapes(), inference="none")
    assert conforms, report


def canonical(triples) -> set:
    """The triples with each blank node named by where it hangs: a parser names blank nodes anew.

    A target or selector is the object of one triple (its annotation's, its
    target's); a statement is the object of none and is named by its triples.
    """
    triples = list(triples)
    parent = {}
    outgoing: dict = {}
    for s, p, o in triples:
        if isinstance(o, BNode):
            parent[o] = (s, p)
        if isinstance(s, BNode):
            outgoing.setdefault(s, []).append((p, o))
    names: dict = {}

    def name(node):
        if not isinstance(node, BNode):
            return node
        if node not in names:
            if node in parent:
                s, p = parent[node]
                key = f"in {name(s)} {p}"
            else:
                key = "out " + " ".join(sorted(f"{p} {name(o)}" for p, o in outgoing[node]))
            names[node] = URIRef("urn:blank:" + hashlib.sha1(key.encode()).hexdigest())
        return names[node]

    return {(name(s), p, name(o)) for s, p, o in triples}


_EXPECTED: dict[int, tuple[nx.MultiDiGraph, set]] = {}


def _expected_triples(graph: nx.MultiDiGraph) -> set:
    """The graph's triples, computed once per graph object (the sample corpus has three RDF round trips)."""
    if id(graph) not in _EXPECTED:
        _EXPECTED[id(graph)] = (graph, canonical(generate_triples(graph)))  # holding the graph keeps its id unique
    return _EXPECTED[id(graph)][1]


#: pyoxigraph's name of each RDF format: the second parser.
OXIGRAPH_FORMATS = {"turtle": pyoxigraph.RdfFormat.TURTLE, "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
                    "jsonld": pyoxigraph.RdfFormat.JSON_LD}


def _rdf_round_trip(graph, folder, name, rdf_format):
    [path] = exports.export(graph, folder, [name])[name]
    parsed = rdflib.Graph().parse(path, format=rdf_format)
    assert len(parsed) > graph.number_of_nodes()
    assert canonical(parsed) == _expected_triples(graph)
    assert len(parsed) == len(_expected_triples(graph))
    store = pyoxigraph.Store()
    store.load(path=str(path), format=OXIGRAPH_FORMATS[name])
    assert len(store) == len(parsed), "rdflib and Oxigraph read different triple counts"
    assert_conforms(parsed)


def check_turtle(graph, folder):
    _rdf_round_trip(graph, folder, "turtle", "turtle")


def check_ntriples(graph, folder):
    _rdf_round_trip(graph, folder, "ntriples", "nt")


def check_jsonld(graph, folder):
    _rdf_round_trip(graph, folder, "jsonld", "json-ld")


def _relation_edges(graph) -> Counter:
    """(source, target, relation) of each edge a flat format writes: one ``mentions`` edge per pair."""
    edges = Counter((u, v, d["relation"]) for u, v, d in graph.edges(data=True) if d["relation"] != "mentions")
    edges.update({(u, v, "mentions") for u, v, d in graph.edges(data=True) if d["relation"] == "mentions"})
    return edges


def check_graphml(graph, folder):
    [path] = exports.export(graph, folder, ["graphml"])["graphml"]
    assert path.read_text(encoding="utf-8").startswith("<?xml version='1.0' encoding='utf-8'?>")
    keys = ElementTree.parse(path).getroot().findall("{http://graphml.graphdrawing.org/xmlns}key")  # strict XML
    assert all(key.get("attr.type") in {"string", "long", "double", "boolean"} for key in keys)
    assert len({key.get("id") for key in keys}) == len(keys)
    columns = [(key.get("for"), key.get("attr.name")) for key in keys]
    assert len(set(columns)) == len(columns) and {("node", "label"), ("node", "kind")} <= set(columns)
    back = nx.read_graphml(path, force_multigraph=True)
    assert sorted(back.nodes) == sorted(graph.nodes)
    for node, data in graph.nodes(data=True):
        assert back.nodes[node]["kind"] == data["kind"]
        assert back.nodes[node]["label"] == data["label"]
        if "mention_count" in data:
            assert back.nodes[node]["mention_count"] == data["mention_count"]
        if "aliases" in data:
            assert back.nodes[node].get("aliases", "") == " | ".join(data["aliases"])
        if data["kind"] == "result":
            assert back.nodes[node]["value"] == data["value"]
            assert back.nodes[node].get("model") == data["model"] and back.nodes[node].get("unit") == data["unit"]
    assert Counter((u, v, d["relation"]) for u, v, d in back.edges(data=True)) == _relation_edges(graph)
    evidence = ElementTree.parse(path).getroot().findall("{http://graphml.graphdrawing.org/xmlns}graph")[1]
    mentions = {node.get("id") for node in evidence}
    pointed = {d["evidence"] for _, _, d in back.edges(data=True) if "evidence" in d}
    assert pointed and pointed <= mentions


def check_csv(graph, folder):
    nodes_path, edges_path, mentions_path = exports.export(graph, folder, ["csv"])["csv"]
    _check_tables(graph, *(pd.read_csv(path, keep_default_na=False, na_values=[""])
                           for path in (nodes_path, edges_path, mentions_path)))


def check_parquet(graph, folder):
    paths = exports.export(graph, folder, ["parquet"])["parquet"]
    _check_tables(graph, *map(pd.read_parquet, paths))


def _check_tables(graph, nodes, edges, mentions):
    """The tables hold the graph, each mention once, and every edge's evidence is a mention of its paper's text."""
    assert sorted(nodes["id"]) == sorted(graph.nodes)
    assert Counter(zip(edges["source"], edges["target"], edges["relation"])) == _relation_edges(graph)
    assert len(mentions) == mentions["id"].nunique() == sum(
        1 for *_, d in graph.edges(data=True) if d["relation"] == "mentions") + sum(
        1 for _, d in graph.nodes(data=True) if d["kind"] == "result" and d.get("start") is not None)
    assert set(edges["evidence"].dropna()) <= set(mentions["id"])
    text = {node: f"{d['title']}\n\n{d['abstract']}" for node, d in graph.nodes(data=True) if d["kind"] == "paper"}
    for row in mentions.itertuples():
        assert text[row.paper][row.start:row.end] == row.text
        assert row.sentence_start <= row.start < row.end <= row.sentence_end


def check_store(graph, folder):
    [path] = exports.export(graph, folder, ["store", "ntriples"])["store"]
    store = pyoxigraph.Store.read_only(str(path / "db"))
    assert len(store) == len(_expected_triples(graph))
    assert json.loads((path / "built-from.json").read_text())["size"] == (folder / "graph.nt").stat().st_size


def check_html(graph, folder):
    """The page fetches nothing and carries its data as JSON; what the map shows is tests/test_viewer.py's."""
    [path] = exports.export(graph, folder, ["html"])["html"]
    page = path.read_text(encoding="utf-8")
    external = re.findall(r"<(?:script|link)[^>]+(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page, re.IGNORECASE)
    assert external == []
    data = json.loads(re.search(r'<script id="graph-data" type="application/json">(.*?)</script>',
                                page, re.DOTALL)[1])
    entities = sum(1 for _, kind in graph.nodes(data="kind") if kind in ENTITY_TYPES)
    assert len(data["entities"]) == min(entities, exports.html.DEFAULT_MAX_NODES)


ROUND_TRIPS = {"turtle": check_turtle, "ntriples": check_ntriples, "jsonld": check_jsonld,
               "graphml": check_graphml, "csv": check_csv, "parquet": check_parquet, "store": check_store,
               "html": check_html}


def test_every_registered_exporter_has_a_round_trip_test():
    assert set(ROUND_TRIPS) == set(exports.EXPORTERS)


@pytest.mark.parametrize("name", sorted(ROUND_TRIPS))
def test_round_trip_small_graph(tmp_path, name):
    ROUND_TRIPS[name](small_graph(), tmp_path)


@pytest.mark.parametrize("name", sorted(ROUND_TRIPS))
def test_round_trip_sample_corpus(tmp_path, sample_graph, name):
    ROUND_TRIPS[name](sample_graph, tmp_path)


def test_jsonld_text_is_what_json_dumps_writes(tmp_path, sample_graph):
    """The JSON-LD writer formats node objects itself; the text must be json.dumps's, byte for byte."""
    for graph in (small_graph(), sample_graph):
        exports.export(graph, tmp_path, ["jsonld"])
        text = (tmp_path / "graph.jsonld").read_text(encoding="utf-8")
        document = json.loads(text)
        nodes = ",".join("\n  " + json.dumps(node, ensure_ascii=False) for node in document["@graph"])
        assert text == f'{{"@context": {json.dumps(document["@context"], indent=1)},\n "@graph": [{nodes}\n ]\n}}\n'


def test_export_makes_no_reference_cycles_and_restores_the_collector(tmp_path, sample_graph):
    """export pauses the cyclic garbage collector, which is only sound while exporters make no cycles."""
    gc.collect()
    exports.export(sample_graph, tmp_path)
    assert gc.isenabled()
    assert gc.collect() == 0


def test_hostile_title_is_data_not_markup(tmp_path):
    graph = small_graph()
    hostile = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"
    graph.nodes["p-0000000000aa"]["label"] = hostile
    [path] = exports.export(graph, tmp_path, ["html"])["html"]
    page = path.read_text(encoding="utf-8")
    assert "<img src=x" not in page and "</script><script>alert(2)" not in page
    data = json.loads(re.search(r'type="application/json">(.*?)</script>', page, re.DOTALL)[1])
    assert hostile in json.dumps(data, ensure_ascii=False)


def test_a_title_holding_the_templates_placeholders_is_only_data(tmp_path):
    graph = small_graph()
    title = "Ours /*VENDOR_JS*/ beats /*GRAPH_DATA*/ and /*VIS_JS*/"
    graph.nodes["p-0000000000aa"]["label"] = graph.nodes["p-0000000000aa"]["title"] = title
    [path] = exports.export(graph, tmp_path, ["html"])["html"]
    page = path.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page,
                                re.DOTALL)[1])
    assert title in json.dumps(data, ensure_ascii=False)
    assert page.count('<script id="graph-data"') == 1


def test_csv_cells_cannot_run_as_formulas(tmp_path):
    graph = small_graph()
    graph.nodes["model:var"]["label"] = "=HYPERLINK(\"http://evil\",\"x\")"
    nodes_path, *_ = exports.export(graph, tmp_path, ["csv"])["csv"]
    labels = pd.read_csv(nodes_path)["label"].tolist()
    assert "'=HYPERLINK(\"http://evil\",\"x\")" in labels


def test_base_iri_changes_every_resource(tmp_path):
    [path] = exports.export(small_graph(), tmp_path, ["ntriples"], base_iri="http://example.org/kg/")["ntriples"]
    text = path.read_text(encoding="utf-8")
    assert "<http://example.org/kg/paper/p-0000000000aa>" in text
    assert "https://w3id.org/paperkg/id/" not in text


@pytest.mark.parametrize(("formats", "options", "problem"), [
    (["docx"], {}, "unknown export format"),
    (["csv"], {"colour": "red"}, "unknown export option 'colour'"),
    (["csv"], {"base_iri": "https://example.org/kg/"}, "base_iri applies to turtle"),
    (["csv"], {"evidence": "some"}, "evidence must be one of full, first, none"),
    (["turtle"], {"base_iri": "example.org/kg"}, "must be absolute"),
])
def test_what_an_export_cannot_honour_is_refused_before_writing(tmp_path, formats, options, problem):
    with pytest.raises(PaperkgError, match=problem):
        exports.export(small_graph(), tmp_path, formats, **options)
    assert list(tmp_path.iterdir()) == []


def test_every_graph_relation_has_its_own_rdf_property():
    assert set(RELATIONS) == set(RELATION_PROPERTIES)


def test_every_pkg_term_an_export_uses_is_defined_in_the_vocabulary(sample_graph):
    vocabulary = load_vocabulary("paperkg")
    used = {term for graph in (small_graph(), sample_graph) for triple in generate_triples(graph)
            for term in triple if isinstance(term, URIRef) and term.startswith(str(PKG))}
    assert {PKG.hasResult, PKG.comparedWith, PKG.evidence, PKG.sentence, PKG.baseline} <= used
    undescribed = sorted(term for term in used
                         if vocabulary.value(term, RDFS.label) is None or vocabulary.value(term, RDFS.comment) is None)
    assert undescribed == []


def test_result_is_an_ml_schema_model_evaluation():
    rdf = to_rdflib(small_graph())
    result = node_iri("result:p-0000000000aa:0", "result")
    assert (result, RDF.type, MLS.ModelEvaluation) in rdf
    value = rdf.value(result, MLS.hasValue)
    assert value.datatype == XSD.decimal and value.toPython() == Decimal("1.97")
    assert rdf.value(result, MLS.specifiedBy) == node_iri("metric:fid", "metric")
    assert rdf.value(result, PKG.baseline) == node_iri("model:var", "model")
    run = rdf.value(predicate=MLS.hasOutput, object=result)
    assert (run, RDF.type, MLS.Run) in rdf
    assert set(rdf.objects(run, MLS.hasInput)) == {node_iri("model:flowar", "model"),
                                                   node_iri("benchmark:imagenet256", "benchmark")}
    paper = node_iri("p-0000000000aa", "paper")
    assert (paper, PKG.hasResult, result) in rdf and rdf.value(result, PROV.wasDerivedFrom) == paper
    evidence = rdf.value(predicate=OA.hasBody, object=result)
    selector = rdf.value(rdf.value(evidence, OA.hasTarget), OA.hasSelector)
    start, end = rdf.value(selector, OA.start).toPython(), rdf.value(selector, OA.end).toPython()
    text = small_graph().nodes["p-0000000000aa"]["title"] + "\n\n" + small_graph().nodes["p-0000000000aa"]["abstract"]
    assert text[start:end] == "1.97"


def test_evidence_says_which_paper_and_rule_it_came_from(sample_graph):
    rdf = to_rdflib(sample_graph)
    u, v, data = next((u, v, d) for u, v, d in sample_graph.edges(data=True) if d["relation"] == "compared_with")
    statements = set(rdf.subjects(RDF.predicate, PKG.comparedWith))
    statement = next(e for e in statements if rdf.value(e, RDF.subject) == node_iri(u, "model")
                     and rdf.value(e, RDF.object) == node_iri(v, "model"))
    mention = rdf.value(statement, PKG.evidence)
    assert (mention, RDF.type, OA.Annotation) in rdf and rdf.value(mention, OA.hasBody) == node_iri(v, "model")
    assert rdf.value(rdf.value(mention, OA.hasTarget), OA.hasSource) == node_iri(data["paper"], "paper")
    activity = rdf.value(statement, PROV.wasGeneratedBy)
    assert (activity, RDF.type, PROV.Activity) in rdf and str(rdf.value(activity, RDFS.label)) == data["rule"]
    sentence = rdf.value(mention, PKG.sentence)
    paper = sample_graph.nodes[data["paper"]]
    text = f"{paper['title']}\n\n{paper['abstract']}"
    assert text[rdf.value(sentence, OA.start).toPython():rdf.value(sentence, OA.end).toPython()] == data["sentence"]


def test_a_type_implied_relation_is_evidenced_by_its_entitys_annotations_not_a_statement(sample_graph):
    rdf = to_rdflib(sample_graph)
    implied = [(u, v, d) for u, v, d in sample_graph.edges(data=True) if d.get("rule") == "type:metric"]
    assert implied, "the sample corpus has metrics no cue relates to their paper"
    statement_rules = {str(rdf.value(rdf.value(e, PROV.wasGeneratedBy), RDFS.label))
                       for e in rdf.subjects(RDF.predicate, PKG.reportsMetric)}
    assert "type:metric" not in statement_rules
    for u, v, data in implied:
        paper, metric = node_iri(u, "paper"), node_iri(v, "metric")
        assert (paper, PKG.reportsMetric, metric) in rdf
        # The edge's own evidence, its first mention, is an annotation of the metric in that paper.
        mention = mention_iri(mention_id(u, data["start"], data["end"]))
        assert rdf.value(mention, OA.hasBody) == metric
        assert rdf.value(rdf.value(mention, OA.hasTarget), OA.hasSource) == paper


@pytest.mark.parametrize("breakage", ["value as string", "evidence without target", "compared with a metric"])
def test_shapes_reject_broken_rdf(breakage):
    rdf = to_rdflib(small_graph())
    result = node_iri("result:p-0000000000aa:0", "result")
    if breakage == "value as string":
        rdf.set((result, MLS.hasValue, Literal("1.97")))
    elif breakage == "evidence without target":
        rdf.remove((rdf.value(predicate=OA.hasBody, object=result), OA.hasTarget, None))
    else:
        rdf.add((node_iri("model:flowar", "model"), PKG.comparedWith, node_iri("metric:fid", "metric")))
    conforms, _, _ = pyshacl.validate(rdf, shacl_graph=_shapes(), inference="none")
    assert not conforms


def test_ntriples_streams_in_memory_far_below_its_output(sample_graph):
    tracemalloc.start()
    try:
        written = sum(len(line) for line in generate_ntriples(sample_graph))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < written / 5, (peak, written)


def test_rdf_formats_written_together_match_each_written_alone(tmp_path, sample_graph):
    together = exports.export(sample_graph, tmp_path / "together", ["jsonld", "ntriples", "turtle"])
    for name, paths in together.items():
        [alone] = exports.export(sample_graph, tmp_path / name, [name])[name]
        assert paths[0].read_bytes() == alone.read_bytes(), name


GRAPHML_HOSTILE = ["<", ">", "&", '"', "'", "\n", "\r", "\r\n", "\t", "\x0b", "\x1c", "\x85", "\u2028", "é", "😀",
                   "\ufffe", " ", "]]>", "&amp;"]
graphml_text = st.lists(st.one_of(st.sampled_from(GRAPHML_HOSTILE), st.text(max_size=4)), max_size=6).map("".join)


@settings(max_examples=80, deadline=None)
@given(names=st.lists(graphml_text, min_size=1, max_size=4, unique_by=lambda name: _NOT_XML.sub("", name)),
       label=graphml_text,
       aliases=st.lists(graphml_text, max_size=3), value=st.one_of(st.integers(), st.floats(allow_nan=False)))
def test_graphml_reads_back_whatever_the_text(names, label, aliases, value):
    """Hostile ids, labels and aliases go through escaping and come back from strict XML and networkx."""
    graph = nx.MultiDiGraph()
    for name in names:
        graph.add_node(f"model:{name}", kind="model", label=label, aliases=aliases, mention_count=1)
    graph.add_node("result:1", kind="result", label=label, value=value, model=f"model:{names[0]}")
    text = "".join(generate_graphml(graph))
    root = ElementTree.fromstring(text.split("\n", 1)[1])
    assert len(root.findall("{http://graphml.graphdrawing.org/xmlns}graph")) == 1
    back = nx.parse_graphml(text, force_multigraph=True)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.nodes["result:1"]["value"] == float(value)


@pytest.fixture(scope="module")
def evidence_exports(tmp_path_factory, sample_graph):
    """The sample corpus in every format at each evidence level: {level: folder}."""
    folders = {}
    for level in EVIDENCE_LEVELS:
        folders[level] = tmp_path_factory.mktemp(f"evidence-{level}")
        exports.export(sample_graph, folders[level], [name for name in exports.EXPORTERS if name != "html"],
                       evidence=level)
    return folders


def _size(folder: Path, name: str) -> int:
    return sum(path.stat().st_size for path in (folder / file for file in exports.EXPORTERS[name].files)
               if path.is_file())


@pytest.mark.parametrize("name", ["turtle", "jsonld", "ntriples", "graphml", "csv", "parquet"])
def test_less_evidence_writes_less(evidence_exports, name):
    full, first, none = (_size(evidence_exports[level], name) for level in ("full", "first", "none"))
    assert full > first > none


def _rdf(folder: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(folder / "graph.nt", format="nt")


def _relations_in_rdf(rdf: rdflib.Graph) -> set:
    properties = set(RELATION_PROPERTIES.values())
    return {(s, p, o) for s, p, o in rdf if p in properties}


def test_every_level_keeps_the_same_entities_and_relations(evidence_exports, sample_graph):
    expected = {(node_iri(u, sample_graph.nodes[u]["kind"]), RELATION_PROPERTIES[d["relation"]],
                 node_iri(v, sample_graph.nodes[v]["kind"])) for u, v, d in sample_graph.edges(data=True)}
    for level, folder in evidence_exports.items():
        assert _relations_in_rdf(_rdf(folder)) == expected, level
        edges = pd.read_csv(folder / "edges.csv")
        assert Counter(zip(edges["source"], edges["target"], edges["relation"])) == _relation_edges(sample_graph)
        nodes = pd.read_csv(folder / "nodes.csv")
        assert sorted(nodes["id"]) == sorted(sample_graph.nodes)


def test_first_writes_one_mention_per_edge_and_every_one_pointed_at(evidence_exports, sample_graph):
    folder = evidence_exports["first"]
    mentions, edges = pd.read_csv(folder / "mentions.csv"), pd.read_csv(folder / "edges.csv")
    assert set(edges["evidence"].dropna()) <= set(mentions["id"])
    pairs = {(u, v) for u, v, d in sample_graph.edges(data=True) if d["relation"] == "mentions"}
    pointed = set(edges.loc[edges["relation"] != "mentions", "evidence"].dropna())
    named = mentions[~mentions["node"].str.startswith("result:")]
    assert set(zip(named["paper"], named["node"])) == pairs
    assert all(count == 1 or any(i in pointed for i in ids)
               for (_, ids), count in zip(named.groupby(["paper", "node"])["id"],
                                          named.groupby(["paper", "node"]).size()))
    assert len(mentions) < len(pd.read_csv(evidence_exports["full"] / "mentions.csv"))
    rdf = _rdf(folder)
    annotations = set(rdf.subjects(RDF.type, OA.Annotation))
    assert set(rdf.objects(None, PKG.evidence)) <= annotations
    assert_conforms(rdf)


def test_none_writes_no_evidence(evidence_exports):
    folder = evidence_exports["none"]
    rdf = _rdf(folder)
    assert not set(rdf.subjects(RDF.type, OA.Annotation)) and not set(rdf.subjects(RDF.predicate, None))
    assert not set(rdf.subjects(RDF.type, PROV.Activity))
    assert len(pd.read_csv(folder / "mentions.csv")) == 0
    assert pd.read_csv(folder / "edges.csv")[["evidence", "rule", "confidence"]].isna().all().all()
    graphml = nx.read_graphml(folder / "graph.graphml", force_multigraph=True)
    assert not any("evidence" in d or "rule" in d for *_, d in graphml.edges(data=True))
    assert '<graph id="evidence"' not in (folder / "graph.graphml").read_text(encoding="utf-8")
    assert_conforms(rdf)


def test_full_evidence_is_what_the_graph_says_of_every_edge(evidence_exports, sample_graph):
    """Each edge's sentence, offsets, mention, rule and confidence come back from the tables by joining on ids."""
    folder = evidence_exports["full"]
    nodes = pd.read_csv(folder / "nodes.csv", keep_default_na=False, na_values=[""]).set_index("id")
    edges = pd.read_csv(folder / "edges.csv", keep_default_na=False, na_values=[""])
    mentions = pd.read_csv(folder / "mentions.csv", keep_default_na=False, na_values=[""]).set_index("id")
    written = {(row.source, row.target, row.relation, row.evidence) for row in edges.itertuples()}
    for u, v, d in sample_graph.edges(data=True):
        paper = d.get("paper", u)
        mention = mentions.loc[f"{paper}-{d['start']}-{d['end']}"]
        text = f"{nodes.at[paper, 'label']}\n\n{nodes.at[paper, 'abstract']}"
        assert text[mention.sentence_start:mention.sentence_end] == d["sentence"]
        assert text[mention.start:mention.end] == d["mention"] == mention.text
        if d["relation"] == "mentions":
            assert (mention.rule, mention.confidence) == (d["rule"], d["confidence"])
        else:
            assert (u, v, d["relation"], f"{paper}-{d['start']}-{d['end']}") in written


def test_a_build_writes_the_same_bytes_in_one_batch_and_in_batches_of_seven(tmp_path, sample_papers):
    from paperkg.pipeline import run

    formats = ["ntriples", "graphml", "csv", "parquet"]
    for level in ("full", "first"):
        run(sample_papers, tmp_path / f"one-{level}", formats=formats, export_options={"evidence": level})
        run(sample_papers, tmp_path / f"seven-{level}", formats=formats, export_options={"evidence": level},
            batch_size=7)
        for name in formats:
            for file in exports.EXPORTERS[name].files:
                one = (tmp_path / f"one-{level}" / file).read_bytes()
                assert one == (tmp_path / f"seven-{level}" / file).read_bytes(), (level, file)


def test_a_store_the_build_filled_is_queried_as_it_is(tmp_path, sample_papers):
    from paperkg.pipeline import run
    from paperkg.query import open_store

    run(sample_papers, tmp_path, formats=["ntriples", "store"])
    stamp = tmp_path / "store" / "built-from.json"
    written = stamp.stat().st_mtime_ns
    lines = sum(1 for _ in (tmp_path / "graph.nt").open(encoding="utf-8"))
    assert len(open_store(tmp_path)) == lines
    assert stamp.stat().st_mtime_ns == written  # opened, not rebuilt from graph.nt
    (tmp_path / "graph.nt").unlink()
    assert len(open_store(tmp_path)) == lines  # a store without graph.nt is queried as it is
