"""RDF in JSON-LD, streamed: one node object per run of triples with the same subject.

A subject may appear in more than one node object; JSON-LD processors merge
them, so the writer never has to hold the graph. Terms in paperkg's prefixes
are written compact (``skos:prefLabel``), with the prefixes in ``@context``.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from json.encoder import encode_basestring as _json_string  # the very escaping json.dumps(ensure_ascii=False) does
from pathlib import Path

import networkx as nx
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from paperkg.core.atomic import write_chunks

from .rdf import Triple, generate_triples, subject_runs
from .vocab import DEFAULT_BASE_IRI, PREFIXES, RDF, XSD, compact_iri

__all__ = ["jsonld_chunks", "generate_jsonld", "write_jsonld"]


def _iri(term: URIRef | BNode) -> str:
    if type(term) is BNode:
        return f"_:{term}"
    return compact_iri(term) or str(term)


#: The key of ``rdf:type``, as ``json.dumps`` writes it.
_TYPE_KEY = _json_string("@type")


@lru_cache(maxsize=1 << 10)  # predicates are a few dozen vocabulary terms
def _key(predicate: URIRef) -> str:
    """The JSON key (already encoded) a predicate's values go under."""
    return _TYPE_KEY if predicate == RDF.type else _json_string(_iri(predicate))


@lru_cache(maxsize=1 << 10)  # classes are a few vocabulary terms
def _type_value(term: Node) -> str:
    return _json_string(_iri(term))


@lru_cache(maxsize=1 << 13)  # generate_triples repeats literal objects (numbers, sentences, rule names)
def _literal_value(term: Literal) -> str:
    text = _json_string(str(term))
    if term.language:
        return f'{{"@value": {text}, "@language": {_json_string(term.language)}}}'
    if term.datatype and term.datatype != XSD.string:
        return f'{{"@value": {text}, "@type": {_json_string(_iri(term.datatype))}}}'
    return text


def _value(term: Node) -> str:
    term_type = type(term)  # exact types first: isinstance goes through ABCMeta
    if term_type is Literal or term_type is not URIRef and isinstance(term, Literal):
        return _literal_value(term)
    return f'{{"@id": {_json_string(_iri(term))}}}'


def _node_object(node_id: str, runs: list[list[Triple]]) -> str:
    """The node object of runs of triples with one subject, as ``json.dumps(..., ensure_ascii=False)`` writes it.

    Written straight from the encoded keys and values: building a dict of the
    values for ``json.dumps`` took half of the writer's time.

    Examples
    --------
    >>> x = URIRef("https://example.org/x")
    >>> text = _node_object("https://example.org/x", [[(x, RDF.type, RDF.Property), (x, RDF.value, Literal(1)),
    ...                                                (x, RDF.value, Literal("é"))]])
    >>> text
    '{"@id": "https://example.org/x", "@type": ["rdf:Property"], "rdf:value": [{"@value": "1", "@type": "xsd:integer"}, "é"]}'
    >>> text == json.dumps(json.loads(text), ensure_ascii=False)
    True
    """
    values: dict[str, list[str]] = {}
    for run in runs:
        for _, predicate, obj in run:
            key = _key(predicate)
            values.setdefault(key, []).append(_type_value(obj) if key is _TYPE_KEY else _value(obj))
    members = "".join(f", {key}: [{', '.join(texts)}]" for key, texts in values.items())
    return f'{{"@id": {_json_string(node_id)}{members}}}'


def jsonld_chunks(runs: Iterable[list[Triple]]) -> Iterator[str]:
    """A JSON-LD document from runs of triples with one subject (see :func:`exports.rdf.subject_runs`).

    One chunk per run (empty while a node object is still growing), so writers
    fed the same runs keep step; runs whose subjects compact to the same id
    make one node object.
    """
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    yield '{"@context": ' + json.dumps(context, indent=1) + ',\n "@graph": ['
    separator = "\n  "
    node_id, pending = "", []
    for run in runs:
        run_id = _iri(run[0][0])
        if pending and run_id == node_id:
            pending.append(run)
            yield ""
            continue
        if pending:
            yield separator + _node_object(node_id, pending)
            separator = ",\n  "
        else:
            yield ""
        node_id, pending = run_id, [run]
    if pending:
        yield separator + _node_object(node_id, pending)
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
