"""RDF in JSON-LD, streamed: one node object per run of triples with the same subject.

A subject may appear in more than one node object; JSON-LD processors merge
them, so the writer never has to hold the graph. Terms in paperkg's prefixes
are written compact (``skos:prefLabel``), with the prefixes in ``@context``.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.atomic import write_chunks

from .rdf import generate_triples
from .vocab import DEFAULT_BASE_IRI, PREFIXES, RDF, XSD, compact_iri

__all__ = ["generate_jsonld", "write_jsonld"]


def _iri(term: URIRef) -> str:
    return compact_iri(term) or str(term)


def _value(term: Node) -> object:
    if isinstance(term, Literal):
        if term.language:
            return {"@value": str(term), "@language": term.language}
        if term.datatype and term.datatype != XSD.string:
            return {"@value": str(term), "@type": _iri(term.datatype)}
        return str(term)
    return {"@id": _iri(term)}


def _node_objects(graph: nx.MultiDiGraph, base_iri: str) -> Iterator[dict]:
    current: dict | None = None
    for subject, predicate, obj in generate_triples(graph, base_iri):
        if current is None or current["@id"] != _iri(subject):
            if current is not None:
                yield current
            current = {"@id": _iri(subject)}
        if predicate == RDF.type:
            current.setdefault("@type", []).append(_iri(obj))
        else:
            current.setdefault(_iri(predicate), []).append(_value(obj))
    if current is not None:
        yield current


def generate_jsonld(graph: nx.MultiDiGraph, *, base_iri: str = DEFAULT_BASE_IRI) -> Iterator[str]:
    """A JSON-LD document: ``@context`` of paperkg's prefixes, then ``@graph``, one node a line.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
    >>> document = json.loads("".join(generate_jsonld(g)))
    >>> document["@context"]["skos"], document["@graph"][0]["skos:prefLabel"]
    ('http://www.w3.org/2004/02/skos/core#', ['FID'])
    """
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    yield '{"@context": ' + json.dumps(context, indent=1) + ',\n "@graph": ['
    separator = "\n  "
    for node_object in _node_objects(graph, base_iri):
        yield separator + json.dumps(node_object, ensure_ascii=False)
        separator = ",\n  "
    yield "\n ]\n}\n"


def write_jsonld(graph: nx.MultiDiGraph, path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Stream the graph as JSON-LD to ``path``."""
    write_chunks(path, generate_jsonld(graph, base_iri=base_iri))
