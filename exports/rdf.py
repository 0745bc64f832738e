"""The graph as RDF triples, streamed: the one mapping every RDF format shares.

Papers are ``schema:ScholarlyArticle`` with ``dcterms:title`` and
``dcterms:abstract``; entities carry ``skos:prefLabel``/``skos:altLabel``;
each edge is a direct triple plus an evidence node (an ``oa:Annotation`` whose
``oa:TextPositionSelector`` gives the offsets in the paper text, and
``rdf:subject``/``rdf:predicate``/``rdf:object`` say which triple it supports).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from urllib.parse import quote

import networkx as nx
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .vocab import DCAT, DCTERMS, DEFAULT_BASE_IRI, MLS, OA, PKG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

__all__ = ["generate_triples", "node_iri", "ENTITY_CLASSES", "RELATION_PROPERTIES"]

Triple = tuple[Node, Node, Node]

#: Classes of each node kind (the first is the primary one).
ENTITY_CLASSES = {
    "paper": (SCHEMA.ScholarlyArticle,),
    "model": (PKG.Model, MLS.Model),
    "dataset": (SCHEMA.Dataset, DCAT.Dataset),
    "benchmark": (PKG.Benchmark, SCHEMA.Dataset),
    "metric": (MLS.EvaluationMeasure,),
    "repo": (SCHEMA.SoftwareSourceCode,),
}

RELATION_PROPERTIES = {
    "mentions": PKG.mentions,
    "proposes": PKG.proposes,
    "evaluated_on": PKG.evaluatedOn,
    "uses_dataset": PKG.usesDataset,
    "has_code": PKG.hasCode,
    "reports_metric": PKG.reportsMetric,
    "compared_with": PKG.comparedWith,
}


def node_iri(node: str, kind: str, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    """A stable IRI for a graph node, safe whatever characters the node id has.

    Examples
    --------
    >>> node_iri("model:llama2", "model")
    rdflib.term.URIRef('https://w3id.org/paperkg/id/model/llama2')
    >>> node_iri("p-0ea83918854b", "paper", "http://example.org/kg/")
    rdflib.term.URIRef('http://example.org/kg/paper/p-0ea83918854b')
    """
    local = node.split(":", 1)[1] if kind != "paper" else node
    return URIRef(f"{base_iri}{kind}/{quote(local, safe='')}")


def _literal(value: object) -> Literal:
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(repr(value), datatype=XSD.decimal)
    return Literal(str(value))


def _node_triples(node: str, data: dict, base_iri: str) -> Iterator[Triple]:
    kind = data["kind"]
    subject = node_iri(node, kind, base_iri)
    for cls in ENTITY_CLASSES[kind]:
        yield subject, RDF.type, cls
    yield subject, RDFS.label, _literal(data["label"])
    if kind == "paper":
        yield subject, DCTERMS.title, _literal(data["title"])
        yield subject, DCTERMS.abstract, _literal(data["abstract"])
        if data.get("arxiv_id"):
            yield subject, SCHEMA.identifier, _literal(data["arxiv_id"])
            yield subject, SCHEMA.url, URIRef(f"https://arxiv.org/abs/{quote(data['arxiv_id'], safe='/.')}")
        for key, predicate in (("authors", DCTERMS.creator), ("categories", DCTERMS.subject),
                               ("update_date", DCTERMS.modified)):
            if data.get(key):
                yield subject, predicate, _literal(data[key])
        for source in data.get("sources", []):
            yield subject, PROV.hadPrimarySource, _literal(source)
        return
    yield subject, SKOS.prefLabel, _literal(data["label"])
    for alias in data.get("aliases", []):
        yield subject, SKOS.altLabel, _literal(alias)
    yield subject, PKG.mentionCount, _literal(data["mention_count"])
    if kind == "repo":
        yield subject, SCHEMA.codeRepository, URIRef("https://" + quote(data["label"], safe="/:@.-_~"))


def _edge_triples(u: str, v: str, key: str, data: dict, graph: nx.MultiDiGraph, base_iri: str) -> Iterator[Triple]:
    """The evidence for one edge; the edge's own triple is yielded by the caller, once."""
    subject = node_iri(u, graph.nodes[u]["kind"], base_iri)
    obj = node_iri(v, graph.nodes[v]["kind"], base_iri)
    predicate = RELATION_PROPERTIES[data["relation"]]
    paper = data.get("paper", u)
    digest = hashlib.sha1(f"{u}|{v}|{key}".encode()).hexdigest()[:16]
    evidence = URIRef(f"{base_iri}evidence/{digest}")
    selector = BNode(f"sel{digest}")
    target = BNode(f"tgt{digest}")
    yield evidence, RDF.type, OA.Annotation
    yield evidence, RDF.type, PKG.Evidence
    yield evidence, RDF.subject, subject
    yield evidence, RDF.predicate, predicate
    yield evidence, RDF.object, obj
    yield evidence, OA.hasTarget, target
    yield target, OA.hasSource, node_iri(paper, "paper", base_iri)
    yield target, OA.hasSelector, selector
    yield selector, RDF.type, OA.TextPositionSelector
    yield selector, OA.start, _literal(data["start"])
    yield selector, OA.end, _literal(data["end"])
    yield evidence, PKG.sentence, _literal(data["sentence"])
    yield evidence, PKG.mentionText, _literal(data["mention"])
    yield evidence, PKG.rule, _literal(data["rule"])
    yield evidence, PKG.confidence, _literal(float(data["confidence"]))


def generate_triples(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> Iterator[Triple]:
    """Every triple of the graph, nodes then edges, in a deterministic order.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("model:gpt4", kind="model", label="GPT-4", aliases=["gpt4"], mention_count=2)
    >>> triples = list(generate_triples(g))
    >>> (node_iri("model:gpt4", "model"), SKOS.altLabel, Literal("gpt4")) in triples
    True
    >>> sorted(o.n3() for _, p, o in triples if p == RDF.type)
    ['<http://www.w3.org/ns/mls#Model>', '<https://w3id.org/paperkg/vocab#Model>']
    """
    for node in sorted(graph.nodes):
        yield from _node_triples(node, graph.nodes[node], base_iri)
    for u, v in sorted(set(graph.edges())):
        subject = node_iri(u, graph.nodes[u]["kind"], base_iri)
        obj = node_iri(v, graph.nodes[v]["kind"], base_iri)
        for relation in sorted({data["relation"] for data in graph.get_edge_data(u, v).values()}):
            yield subject, RELATION_PROPERTIES[relation], obj
        for key, data in sorted(graph.get_edge_data(u, v).items()):
            yield from _edge_triples(u, v, key, data, graph, base_iri)
