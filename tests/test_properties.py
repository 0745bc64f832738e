"""Property tests: whatever a title or abstract holds, every export parses back to the same text.

Texts mix arbitrary Unicode with the characters that break formats (markup,
quotes, backslashes, line ends, control characters, right-to-left marks,
formula starts) and names the extractors find, so hostile text also reaches
the evidence sentences and entity labels, not only the paper node.
"""
from __future__ import annotations

import csv
import io
import json
import re
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paperkg import exports
from paperkg.exports.ntriples import ntriples_term
from paperkg.exports.rdf import ENTITY_CLASSES, node_iri
from paperkg.exports.tables import generate_csv
from paperkg.exports.vocab import INSTANCE_KINDS, PREFIXES
from paperkg.extractors import make_pipeline
from paperkg.core.errors import InputError
from paperkg.core.schema import ENTITY_TYPES
from paperkg.extract import extract_papers
from paperkg.graph import build_graph
from paperkg.readers import clean_text, read_papers

HOSTILE = ["<", ">", "&", '"', "'", "\\", "\n", "\r\n", "\t", "\x00", "\x0b", "\x1f", "\x7f", "\x85", "\u2028",
           "\u200f", "\u202e", "\ufeff", "\ufffe", "\ud800", "=", "+", "-", "@", "{", "}", "|", "^", "`", " ",
           "</script>", "<!--", "]]>", "&amp;", "\\u003c", '"""', "@prefix", "_:b0", "<http://x/>",
           "=HYPERLINK(\"http://evil\")", "BERT", "ImageNet", "GPT-4", " on ImageNet.", "https://github.com/a/b "]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8)), max_size=12).map("".join)
# A name in every text, so hostile characters also reach entity labels and evidence sentences.
paper_text = st.tuples(hostile_text, st.sampled_from(["BERT", "ImageNet", "FID", "x"]), hostile_text).map("".join)
# Text the graph can hold: the readers drop lone surrogates, which no UTF-8 file can carry.
graph_text = hostile_text.map(lambda text: re.sub("[\ud800-\udfff]", "", text))
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|\\^`]')
GRAPH_DATA = re.compile(r'<script id="graph-data" type="application/json">(.*?)</script>', re.DOTALL)

few = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
many = settings(max_examples=100, deadline=None)


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def graph_data_of_html(page: str) -> dict:
    """The graph JSON the viewer page embeds (and draws with ``textContent`` only)."""
    [data] = GRAPH_DATA.findall(page)
    assert "<" not in data, "raw '<' inside the script element could end it early"
    return json.loads(data)


@many
@given(title=hostile_text, abstract=hostile_text)
def test_json_lines_and_csv_records_read_back_as_their_cleaned_text(title, abstract):
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / "papers.jsonl"]
        # Raw characters where UTF-8 can hold them (U+2028 once split JSON lines), escapes where not.
        writable = not re.search("[\ud800-\udfff]", title + abstract)
        record = json.dumps({"title": title, "abstract": abstract}, ensure_ascii=not writable)
        paths[0].write_text(record + "\n", encoding="utf-8")
        if writable and "\x00" not in title + abstract:  # a CSV file cannot hold a NUL (it reads as binary)
            paths.append(Path(folder) / "papers.csv")
            with paths[1].open("w", encoding="utf-8", newline="") as handle:
                csv.writer(handle).writerows([("title", "abstract"), (title, abstract)])
        warnings = []
        read = {path.suffix: read_papers([path], on_warning=warnings.append) for path in paths}
    expected = (clean_text(title), clean_text(abstract))
    for papers in read.values():
        if all(expected):
            assert [(p.title, p.abstract) for p in papers] == [expected]
        else:
            assert papers == [] and all("record has no" in str(w) for w in warnings)
    for text in expected:
        assert text == text.strip() and "  " not in text
        assert not re.search("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]", text)


@many
@given(line=st.binary(max_size=64))
def test_any_bytes_read_as_papers_or_fail_with_one_line(line):
    with tempfile.TemporaryDirectory() as folder:
        for name in ("page.txt", "papers.jsonl", "papers.json", "papers.csv"):
            path = Path(folder) / name
            path.write_bytes(line)
            try:
                papers = read_papers([path], on_warning=lambda problem: None)
            except InputError as error:
                assert "\n" not in str(error) and str(path) in str(error)
            else:
                assert all(p.title and p.abstract for p in papers)


@few
@given(records=st.lists(st.tuples(paper_text, paper_text), min_size=1, max_size=3))
def test_every_export_parses_back_to_the_same_text(nlp, records):
    papers = read_papers_from(records)
    graph = build_graph(extract_papers(papers, nlp))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        exports.export(graph, out)
        files = {path.name: path.read_text(encoding="utf-8") for path in out.iterdir()
                 if path.is_file() and path.suffix != ".parquet"}
        parquet_labels = sorted(pd.read_parquet(out / "nodes.parquet")["label"])
    titles = sorted(p.title for p in papers)
    labels = sorted(data["label"] for _, data in graph.nodes(data=True))

    rdf_graphs = {}
    for name, syntax in (("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")):
        rdf_graphs[name] = rdflib.Graph().parse(data=files[name], format=syntax)
        found = sorted(str(o) for o in rdf_graphs[name].objects(None, rdflib.DCTERMS.title))
        assert found == titles, name
        for term in {t for triple in rdf_graphs[name] for t in triple if isinstance(t, rdflib.URIRef)}:
            assert not IRI_FORBIDDEN.search(term), f"{name}: bad IRI {term!r}"
    assert len({len(g) for g in rdf_graphs.values()}) == 1, "the three RDF files hold different triple counts"

    ElementTree.fromstring(files["graph.graphml"].encode("utf-8"))
    graphml = nx.read_graphml(io.StringIO(files["graph.graphml"]))
    assert sorted(data["label"] for _, data in graphml.nodes(data=True)) == labels

    nodes = pd.read_csv(io.StringIO(files["nodes.csv"]), dtype=str, keep_default_na=False)
    neutralised = ["'" + label if label.startswith(FORMULA_START) else label for label in labels]
    assert sorted(nodes["label"]) == sorted(neutralised)
    assert parquet_labels == labels  # Parquet holds values, not spreadsheet text: nothing to neutralise
    pd.read_csv(io.StringIO(files["edges.csv"]), dtype=str, keep_default_na=False)

    viewer = graph_data_of_html(files["graph.html"])  # the entity map: entities, and the papers naming them
    entity_labels = sorted(data["label"] for _, data in graph.nodes(data=True) if data["kind"] in ENTITY_TYPES)
    assert sorted(row[2] for row in viewer["entities"]) == entity_labels
    assert {row[1] for row in viewer["papers"]} <= set(titles)
    assert set(viewer["sentences"]) <= {data["sentence"] for _, _, data in graph.edges(data=True)}


def read_papers_from(records: list[tuple[str, str]]):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "papers.jsonl"
        path.write_text("".join(json.dumps({"title": t, "abstract": a}) + "\n" for t, a in records), encoding="utf-8")
        return read_papers([path], on_warning=lambda problem: None)


@many
@given(cells=st.lists(graph_text, min_size=1, max_size=6))
def test_no_csv_cell_starts_a_spreadsheet_formula(cells):
    text = "".join(generate_csv(pd.DataFrame({"label": cells, "aliases": cells[::-1]})))
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["label", "aliases"] and len(rows) == len(cells) + 1
    for row in rows[1:]:
        assert not any(cell.startswith(FORMULA_START) for cell in row)
        assert all(cell in cells or cell.startswith("'") and cell[1:] in cells for cell in row)


@many
@given(local=st.text(), kind=st.sampled_from(sorted(ENTITY_CLASSES)), base=st.sampled_from(
    ["https://w3id.org/paperkg/id/", "http://example.org/kg/"]))
def test_node_iris_are_valid_whatever_the_name(local, kind, base):
    iri = node_iri(f"{kind}:{local}", kind, base)
    assert not IRI_FORBIDDEN.search(iri) and iri.startswith(base + kind + "/")
    line = f"{ntriples_term(iri)} <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n"
    [(subject, _, _)] = rdflib.Graph().parse(data=line, format="nt")
    assert subject == iri


# Queries: whatever a user types, a result or one PaperkgError line; nothing reaches outside.
SPARQL_PIECES = ["SELECT * WHERE { ?s ?p ?o }", "SELECT ?o WHERE { ?s skos:prefLabel ?o", "ASK { ?s ?p ?o }", "}",
                 "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "(", ")", "[", "]", "?s", "?p", "?o",
                 "*", ".", ";", ",", "a", "FILTER", "OPTIONAL", "UNION", "MINUS", "VALUES", "BIND", "AS", "LIMIT 3",
                 "ORDER BY", "GROUP BY", "COUNT(*)", "SERVICE", "SERVICE SILENT", "service", "LOAD", "INSERT DATA",
                 "PREFIX ex: <http://example.org/>", "ex:x", "undeclared:x", "skos:prefLabel", "pkg:mentions",
                 '"=HYPERLINK(1)"', '"""x"""', "'", '"', "<http://127.0.0.1:9/sparql>", "<file:///etc/passwd>",
                 "#", "\n", " ", "\\", "\x00", "\u202e", "1", "-1", "true", "@en", "^^xsd:integer", "_:b", "$x"]
sparql_text = st.one_of(
    st.lists(st.one_of(st.sampled_from(SPARQL_PIECES), st.text(max_size=4)), max_size=24).map(" ".join),
    # Well-formed queries with hostile text where a query holds text: results, not only errors.
    st.tuples(hostile_text, st.sampled_from(["!=", "=", "<"])).map(
        lambda parts: f"SELECT ?s ?o (CONCAT(?o, {json.dumps(parts[0])}) AS ?x) WHERE {{ ?s ?p ?o "
                      f"FILTER(?o {parts[1]} {json.dumps(parts[0])}) }}"))


@pytest.fixture(scope="module")
def small_store():
    import pyoxigraph as ox

    store = ox.Store()
    for number, label in enumerate(["=SUM(1)", "BERT", "+cmd"]):
        store.add(ox.Quad(ox.NamedNode(f"https://w3id.org/paperkg/id/model/{number}"),
                          ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), ox.Literal(label)))
    return store


@pytest.fixture(scope="module")
def listener():
    """A TCP port on 127.0.0.1 that counts the connections made to it."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    connections = []

    def accept():
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            connections.append(connection)

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1], connections
    server.close()


@many
@given(sparql=sparql_text, output_format=st.sampled_from(["table", "csv", "json"]))
def test_any_query_gives_results_or_one_error_line_and_stays_inside(small_store, listener, sparql, output_format):
    from paperkg.core.errors import PaperkgError
    from paperkg.query import format_results, run_query

    port, connections = listener
    sparql = sparql.replace("127.0.0.1:9", f"127.0.0.1:{port}")
    try:
        text = format_results(run_query(small_store, sparql), output_format)
    except PaperkgError as error:
        assert "\n" not in str(error) and "\x1b" not in str(error) and "..=" not in str(error)
    else:
        assert isinstance(text, str)
        if output_format == "csv":
            for row in list(csv.reader(io.StringIO(text, newline="")))[1:]:
                assert not any(cell.startswith(FORMULA_START) for cell in row)
    assert connections == []


# Options: a base IRI is refused with one line, or every IRI made from it is a valid IRI.
iri_like = st.lists(st.one_of(st.sampled_from(["http://", "https://", "urn:", "x", "/", "#", "%", "%2F", ":", "?",
                                               "example.org", " ", "<", ">", '"', "{", "}", "|", "\\", "^", "`",
                                               "\n", "\t", "\x00", "\u202e", "\u00e9", "\ud800", "\ufffe"]),
                              st.text(max_size=3)), max_size=10).map("".join)
# (not named like one of paperkg's prefixes or node kinds, which JSON-LD would read as a compact IRI: refused)
scheme = st.from_regex(r"[a-z][a-z0-9+.-]{0,6}", fullmatch=True).filter(
    lambda name: name not in PREFIXES and name not in INSTANCE_KINDS)
host = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?(\.[a-z]{2,6}){0,2}", fullmatch=True)
segment = st.from_regex(r"([A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-F]{2}|[\u00e9\u4e2d]){0,8}", fullmatch=True)


@many
@given(base=iri_like, kind=st.sampled_from(sorted(ENTITY_CLASSES)), local=st.text(max_size=8))
def test_a_base_iri_is_refused_in_one_line_or_makes_valid_iris(base, kind, local):
    from paperkg.exports.vocab import base_iri_problem

    problem = base_iri_problem(base)
    if problem is not None:
        assert "\n" not in problem and not re.search("[\x00-\x1f\x7f-\x9f\ud800-\udfff]", problem)
        return
    iri = node_iri(f"{kind}:{local}", kind, base)
    assert iri.startswith(base) and not IRI_FORBIDDEN.search(iri)
    line = f"{ntriples_term(iri)} <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n"
    [(subject, _, _)] = rdflib.Graph().parse(data=line, format="nt")
    assert subject == iri


@many
@given(scheme=scheme, host=host, path=st.lists(segment, max_size=3), end=st.sampled_from(["/", "#"]))
def test_a_well_formed_base_iri_is_accepted(scheme, host, path, end):
    from paperkg.exports.vocab import base_iri_problem

    base = f"{scheme}://{host}/" + "/".join(path) + end
    assert base_iri_problem(base) is None, base
