"""RDF in Turtle, streamed: one statement block per run of triples with the same subject.

rdflib's Turtle writer holds the whole graph and sorts it (about 17 s for the
sample corpus's 53,000 triples); this writer emits triples as
:func:`~exports.rdf.generate_triples` yields them, with paperkg's prefixes, so
memory stays flat and the output is byte-stable.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import networkx as nx
import rdflib
from rdflib import Literal, URIRef
from rdflib.term import Node

from paperkg.core.atomic import write_chunks

from .ntriples import ntriples_term
from .rdf import Triple, generate_triples, subject_runs
from .vocab import DEFAULT_BASE_IRI, PREFIXES, RDF, XSD, InstanceNames, compact_iri, document_prefixes

__all__ = ["to_rdflib", "turtle_term", "turtle_statement", "turtle_chunks", "generate_turtle", "write_turtle"]


def to_rdflib(graph: nx.MultiDiGraph, *, base_iri: str = DEFAULT_BASE_IRI) -> rdflib.Graph:
    """The graph as an in-memory ``rdflib.Graph`` with paperkg's prefixes bound."""
    rdf = rdflib.Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace)
    for triple in generate_triples(graph, base_iri):
        rdf.add(triple)
    return rdf


def turtle_term(term: Node, names: InstanceNames | None = None) -> str:
    """A term in Turtle: a prefixed name where one fits (a vocabulary term, or one of ``names``), else its
    N-Triples form.

    Examples
    --------
    >>> turtle_term(RDF.type), turtle_term(URIRef("https://example.org/x y"))
    ('rdf:type', '<https://example.org/x y>')
    >>> turtle_term(URIRef("https://w3id.org/paperkg/id/model/llama2"), InstanceNames())
    'model:llama2'
    """
    term_type = type(term)  # exact types first: isinstance goes through ABCMeta
    if term_type is URIRef or term_type is not Literal and isinstance(term, URIRef):
        return compact_iri(term) or (names and names.compact(term)) or ntriples_term(term)
    if term_type is Literal or isinstance(term, Literal):
        return _literal_term(term)
    return ntriples_term(term)


#: Numbers Turtle writes bare: its INTEGER is an xsd:integer, its DECIMAL (with a ".") an xsd:decimal.
_BARE_NUMBER = {XSD.integer: re.compile(r"[+-]?[0-9]+\Z"), XSD.decimal: re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")}


@lru_cache(maxsize=1 << 13)  # generate_triples repeats literal objects (numbers, sentences, rule names)
def _literal_term(term: Literal) -> str:
    bare = _BARE_NUMBER.get(term.datatype)
    if bare is not None and bare.match(term):
        return str(term)
    if term.datatype and compact_iri(term.datatype):
        return ntriples_term(term).rsplit("^^", 1)[0] + "^^" + compact_iri(term.datatype)
    return ntriples_term(term)


@lru_cache(maxsize=1 << 10)  # predicates are a few dozen vocabulary terms
def _predicate_term(predicate: URIRef) -> str:
    return "a" if predicate == RDF.type else turtle_term(predicate)


def turtle_statement(run: list[Triple], names: InstanceNames | None = None) -> str:
    """The Turtle statement block of a run of triples with one subject (see :func:`exports.rdf.subject_runs`).

    Examples
    --------
    >>> print(turtle_statement([(URIRef("https://example.org/x"), RDF.type, RDF.Property),
    ...                         (URIRef("https://example.org/x"), RDF.value, Literal(1))]), end="")
    <BLANKLINE>
    <https://example.org/x> a rdf:Property ;
        rdf:value 1 .
    """
    predicate_objects = " ;\n    ".join([f"{_predicate_term(predicate)} {turtle_term(obj, names)}"
                                       for _, predicate, obj in run])
    return f"\n{turtle_term(run[0][0], names)} {predicate_objects} .\n"


def turtle_chunks(runs: Iterable[list[Triple]], *, base_iri: str = DEFAULT_BASE_IRI) -> Iterator[str]:
    """Turtle text: prefixes (the vocabularies', and one for each kind of IRI under ``base_iri``), then one
    statement block per run of triples with one subject."""
    names = InstanceNames(base_iri)
    yield "".join(f"@prefix {prefix}: {ntriples_term(URIRef(namespace))} .\n"
                  for prefix, namespace in document_prefixes(base_iri).items())
    for run in runs:
        yield turtle_statement(run, names)


def generate_turtle(graph: nx.MultiDiGraph, *, base_iri: str = DEFAULT_BASE_IRI) -> Iterator[str]:
    """Turtle text: prefixes, then statement blocks in the order of the triples.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
    >>> print("".join(generate_turtle(g)).split("\\n\\n")[1], end="")
    metric:fid a mls:EvaluationMeasure ;
        skos:prefLabel "FID" ;
        pkg:mentionCount 1 .
    """
    return turtle_chunks(subject_runs(generate_triples(graph, base_iri)), base_iri=base_iri)


def write_turtle(graph: nx.MultiDiGraph, path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Stream the graph as Turtle to ``path``."""
    write_chunks(path, generate_turtle(graph, base_iri=base_iri))
