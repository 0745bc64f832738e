"""RDF in Turtle, streamed: one statement block per run of triples with the same subject.

rdflib's Turtle writer holds the whole graph and sorts it (about 17 s for the
sample corpus's 53,000 triples); this writer emits triples as
:func:`~exports.rdf.generate_triples` yields them, with paperkg's prefixes, so
memory stays flat and the output is byte-stable.
"""
from __future__ import annotations

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
from .vocab import DEFAULT_BASE_IRI, PREFIXES, RDF, compact_iri

__all__ = ["to_rdflib", "turtle_term", "turtle_statement", "turtle_chunks", "generate_turtle", "write_turtle"]


def to_rdflib(graph: nx.MultiDiGraph, *, base_iri: str = DEFAULT_BASE_IRI) -> rdflib.Graph:
    """The graph as an in-memory ``rdflib.Graph`` with paperkg's prefixes bound."""
    rdf = rdflib.Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace)
    for triple in generate_triples(graph, base_iri):
        rdf.add(triple)
    return rdf


def turtle_term(term: Node) -> str:
    """A term in Turtle: a prefixed name where one fits, else its N-Triples form.

    Examples
    --------
    >>> turtle_term(RDF.type), turtle_term(URIRef("https://example.org/x y"))
    ('rdf:type', '<https://example.org/x y>')
    """
    term_type = type(term)  # exact types first: isinstance goes through ABCMeta
    if term_type is URIRef or term_type is not Literal and isinstance(term, URIRef):
        return compact_iri(term) or ntriples_term(term)
    if term_type is Literal or isinstance(term, Literal):
        return _literal_term(term)
    return ntriples_term(term)


@lru_cache(maxsize=1 << 13)  # generate_triples repeats literal objects (numbers, sentences, rule names)
def _literal_term(term: Literal) -> str:
    if term.datatype and compact_iri(term.datatype):
        return ntriples_term(term).rsplit("^^", 1)[0] + "^^" + compact_iri(term.datatype)
    return ntriples_term(term)


@lru_cache(maxsize=1 << 10)  # predicates are a few dozen vocabulary terms
def _predicate_term(predicate: URIRef) -> str:
    return "a" if predicate == RDF.type else turtle_term(predicate)


def turtle_statement(run: list[Triple]) -> str:
    """The Turtle statement block of a run of triples with one subject (see :func:`exports.rdf.subject_runs`).

    Examples
    --------
    >>> print(turtle_statement([(URIRef("https://example.org/x"), RDF.type, RDF.Property),
    ...                         (URIRef("https://example.org/x"), RDF.value, Literal(1))]), end="")
    <BLANKLINE>
    <https://example.org/x> a rdf:Property ;
        rdf:value "1"^^xsd:integer .
    """
    predicate_objects = " ;\n    ".join([f"{_predicate_term(predicate)} {turtle_term(obj)}" for _, predicate, obj in run])
    return f"\n{turtle_term(run[0][0])} {predicate_objects} .\n"


def turtle_chunks(runs: Iterable[list[Triple]]) -> Iterator[str]:
    """Turtle text: prefixes, then one statement block per run of triples with one subject."""
    yield "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in PREFIXES.items())
    for run in runs:
        yield turtle_statement(run)


def generate_turtle(graph: nx.MultiDiGraph, *, base_iri: str = DEFAULT_BASE_IRI) -> Iterator[str]:
    """Turtle text: prefixes, then statement blocks in the order of the triples.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
    >>> print("".join(generate_turtle(g)).split("\\n\\n")[1], end="")
    <https://w3id.org/paperkg/id/metric/fid> a mls:EvaluationMeasure ;
        skos:prefLabel "FID" ;
        pkg:mentionCount "1"^^xsd:integer .
    """
    return turtle_chunks(subject_runs(generate_triples(graph, base_iri)))


def write_turtle(graph: nx.MultiDiGraph, path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Stream the graph as Turtle to ``path``."""
    write_chunks(path, generate_turtle(graph, base_iri=base_iri))
