"""RDF in JSON-LD, streamed: one node object per run of triples with the same subject.

A subject may appear in more than one node object; JSON-LD processors merge
them, so the writer never has to hold the graph. The ``@context`` names
paperkg's vocabulary prefixes and one prefix per kind of IRI under the base
(``mention:``, ``model:``, ...), and declares which properties take IRIs and
which decimals, so that a value is mostly a plain string: ``"oa:hasBody":
"model:llama2"``. A property with one value has no array; a whole number is a
JSON number (an ``xsd:integer``). Whatever does not fit what the context
declares is written in full (``{"@id": ...}``, ``{"@value": ..., "@type": ...}``).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from json.encoder import encode_basestring as _json_string  # the very escaping json.dumps(ensure_ascii=False) does
from pathlib import Path

import networkx as nx
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from paperkg.core.atomic import write_chunks

from .rdf import DECIMAL_PROPERTIES, IRI_PROPERTIES, Triple, generate_triples, subject_runs
from .vocab import DEFAULT_BASE_IRI, RDF, XSD, InstanceNames, compact_iri, document_prefixes

__all__ = ["jsonld_context", "jsonld_chunks", "generate_jsonld", "write_jsonld"]

#: What the context declares of a property's values: IRIs, or decimals written as their lexical form.
_COERCIONS = {**{prop: "@id" for prop in IRI_PROPERTIES}, **{prop: "xsd:decimal" for prop in DECIMAL_PROPERTIES}}
#: A whole number JSON carries as it is (within a double's exact integers, which some readers parse into).
_JSON_INTEGER = re.compile(r"-?(0|[1-9][0-9]{0,14})\Z")


def jsonld_context(base_iri: str = DEFAULT_BASE_IRI) -> dict:
    """The ``@context`` of paperkg's JSON-LD: prefixes, then the properties' value types.

    Examples
    --------
    >>> context = jsonld_context()
    >>> context["mention"], context["oa:hasBody"], context["pkg:confidence"]
    ('https://w3id.org/paperkg/id/mention/', {'@type': '@id'}, {'@type': 'xsd:decimal'})
    """
    context: dict = document_prefixes(base_iri)
    for prop, kind in sorted(_COERCIONS.items()):
        if compact := compact_iri(prop):
            context[compact] = {"@type": kind}
    return context


@lru_cache(maxsize=1 << 10)  # predicates are a few dozen vocabulary terms
def _key(predicate: URIRef) -> tuple[str, str | None]:
    """The JSON key (already encoded) a predicate's values go under, and the value type the context gives it."""
    if predicate == RDF.type:
        return _json_string("@type"), "@vocab"
    compact = compact_iri(predicate)
    return _json_string(compact or str(predicate)), _COERCIONS.get(predicate) if compact else None


@lru_cache(maxsize=1 << 13)  # generate_triples repeats literal objects (numbers, sentences, rule names)
def _literal_value(term: Literal, coercion: str | None) -> str:
    text = _json_string(str(term))
    datatype = term.datatype
    if coercion is not None and coercion != "@id" and datatype is not None and compact_iri(datatype) == coercion:
        return text
    if coercion is None and datatype == XSD.integer and _JSON_INTEGER.match(term):
        return str(term)
    if term.language:
        return f'{{"@value": {text}, "@language": {_json_string(term.language)}}}'
    if datatype and datatype != XSD.string:
        return f'{{"@value": {text}, "@type": {_json_string(compact_iri(datatype) or str(datatype))}}}'
    return text if coercion is None else f'{{"@value": {text}}}'


class _Writer:
    """Node objects for one base IRI's compact names."""

    def __init__(self, base_iri: str) -> None:
        self._names = InstanceNames(base_iri)

    def id_of(self, term: URIRef | BNode) -> str:
        if type(term) is BNode:
            return f"_:{term}"
        return compact_iri(term) or self._names.compact(term) or str(term)

    def _value(self, obj: Node, coercion: str | None) -> str:
        obj_type = type(obj)  # exact types first: isinstance goes through ABCMeta
        if obj_type is Literal or obj_type is not URIRef and obj_type is not BNode and isinstance(obj, Literal):
            return _literal_value(obj, coercion)
        text = _json_string(self.id_of(obj))
        return text if coercion in ("@id", "@vocab") else f'{{"@id": {text}}}'

    def node_object(self, node_id: str, runs: list[list[Triple]]) -> str:
        """The node object of runs of triples with one subject, as ``json.dumps(..., ensure_ascii=False)``
        writes it, straight from the encoded keys and values (building a dict for ``json.dumps`` took half
        of the writer's time).

        Examples
        --------
        >>> x = URIRef("https://w3id.org/paperkg/id/model/x")
        >>> writer = _Writer(DEFAULT_BASE_IRI)
        >>> text = writer.node_object("model:x", [[(x, RDF.type, RDF.Property), (x, RDF.value, Literal(1)),
        ...                                         (x, RDF.value, Literal("é")), (x, RDF.subject, x)]])
        >>> text
        '{"@id": "model:x", "@type": "rdf:Property", "rdf:value": [1, "é"], "rdf:subject": "model:x"}'
        >>> text == json.dumps(json.loads(text), ensure_ascii=False)
        True
        """
        values: dict[str, list[str]] = {}
        for run in runs:
            for _, predicate, obj in run:
                key, coercion = _key(predicate)
                values.setdefault(key, []).append(self._value(obj, coercion))
        members = "".join(f", {key}: {texts[0]}" if len(texts) == 1 else f", {key}: [{', '.join(texts)}]"
                          for key, texts in values.items())
        return f'{{"@id": {_json_string(node_id)}{members}}}'


def jsonld_chunks(runs: Iterable[list[Triple]], *, base_iri: str = DEFAULT_BASE_IRI) -> Iterator[str]:
    """A JSON-LD document from runs of triples with one subject (see :func:`exports.rdf.subject_runs`).

    One chunk per run (empty while a node object is still growing), so writers
    fed the same runs keep step; runs whose subjects compact to the same id
    make one node object.
    """
    writer = _Writer(base_iri)
    yield '{"@context": ' + json.dumps(jsonld_context(base_iri), indent=1) + ',\n "@graph": ['
    separator = "\n  "
    node_id, pending = "", []
    for run in runs:
        run_id = writer.id_of(run[0][0])
        if pending and run_id == node_id:
            pending.append(run)
            yield ""
            continue
        if pending:
            yield separator + writer.node_object(node_id, pending)
            separator = ",\n  "
        else:
            yield ""
        node_id, pending = run_id, [run]
    if pending:
        yield separator + writer.node_object(node_id, pending)
    yield "\n ]\n}\n"


def generate_jsonld(graph: nx.MultiDiGraph, *, base_iri: str = DEFAULT_BASE_IRI) -> Iterator[str]:
    """A JSON-LD document: ``@context`` of paperkg's prefixes, then ``@graph``, one node a line.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
    >>> document = json.loads("".join(generate_jsonld(g)))
    >>> document["@context"]["skos"], document["@graph"][0]["skos:prefLabel"]
    ('http://www.w3.org/2004/02/skos/core#', 'FID')
    """
    return jsonld_chunks(subject_runs(generate_triples(graph, base_iri)), base_iri=base_iri)


def write_jsonld(graph: nx.MultiDiGraph, path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Stream the graph as JSON-LD to ``path``."""
    write_chunks(path, generate_jsonld(graph, base_iri=base_iri))
