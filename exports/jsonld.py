"""RDF in JSON-LD, streamed: one node object per run of triples with the same subject.

A subject may appear in more than one node object; JSON-LD processors merge
them, so the writer never has to hold the graph. Terms in paperkg's prefixes
are written compact (``skos:prefLabel``), with the prefixes in ``@context``.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.atomic import write_chunks

from .rdf import Triple, generate_triples, subject_runs
from .vocab import DEFAULT_BASE_IRI, PREFIXES, RDF, XSD, compact_iri

__all__ = ["jsonld_chunks", "generate_jsonld", "write_jsonld"]


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


def _node_object(node_id: str, run: list[Triple], into: dict | None = None) -> dict:
    node_object = {"@id": node_id} if into is None else into
    for _, predicate, obj in run:
        if predicate == RDF.type:
            node_object.setdefault("@type", []).append(_iri(obj))
        else:
            node_object.setdefault(_iri(predicate), []).append(_value(obj))
    return node_object


def jsonld_chunks(runs: Iterable[list[Triple]]) -> Iterator[str]:
    """A JSON-LD document from runs of triples with one subject (see :func:`exports.rdf.subject_runs`).

    One chunk per run (empty while a node object is still growing), so writers
    fed the same runs keep step; runs whose subjects compact to the same id
    make one node object.
    """
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    yield '{"@context": ' + json.dumps(context, indent=1) + ',\n "@graph": ['
    separator = "\n  "
    current: dict | None = None
    for run in runs:
        node_id = _iri(run[0][0])
        if current is not None and current["@id"] == node_id:
            _node_object(node_id, run, current)
            yield ""
            continue
        if current is None:
            yield ""
        else:
            yield separator + json.dumps(current, ensure_ascii=False)
            separator = ",\n  "
        current = _node_object(node_id, run)
    if current is not None:
        yield separator + json.dumps(current, ensure_ascii=False)
    yield "\n ]\n}\n"


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
    return jsonld_chunks(subject_runs(generate_triples(graph, base_iri)))


def write_jsonld(graph: nx.MultiDiGraph, path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Stream the graph as JSON-LD to ``path``."""
    write_chunks(path, generate_jsonld(graph, base_iri=base_iri))
