"""RDF in N-Triples, written line by line so memory does not grow with the graph."""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from paperkg.core.atomic import write_chunks

from .rdf import Triple, generate_triples, subject_runs
from .vocab import DEFAULT_BASE_IRI, XSD

__all__ = ["generate_ntriples", "ntriples_chunks", "write_ntriples", "ntriples_term"]

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r\t\x00-\x1f\x7f]')


def _escape(text: str) -> str:
    return _NEEDS_ESCAPE.sub(lambda m: _ESCAPES.get(m[0], f"\\u{ord(m[0]):04X}"), text)


def ntriples_term(term: Node) -> str:
    """One RDF term in N-Triples syntax.

    Examples
    --------
    >>> ntriples_term(Literal('a "quoted"\\nline'))
    '"a \\\\"quoted\\\\"\\\\nline"'
    >>> ntriples_term(Literal(3))
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    term_type = type(term)  # exact types first: isinstance goes through ABCMeta
    if term_type is URIRef or term_type is not Literal and isinstance(term, URIRef):
        return _iri_term(term)
    if term_type is Literal or isinstance(term, Literal):
        return _literal_term(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


@lru_cache(maxsize=1 << 16)  # papers, entities and mentions are named by several triples each
def _iri_term(term: URIRef) -> str:
    return f"<{term}>"


@lru_cache(maxsize=1 << 13)  # generate_triples repeats literal objects (numbers, sentences, rule names)
def _literal_term(term: Literal) -> str:
    quoted = f'"{_escape(str(term))}"'
    if term.language:
        return f"{quoted}@{term.language}"
    if term.datatype and term.datatype != XSD.string:
        return f"{quoted}^^<{term.datatype}>"
    return quoted


#: Predicates are a few dozen vocabulary terms, each in thousands of triples.
_predicate_term = lru_cache(maxsize=1 << 10)(ntriples_term)


def ntriples_chunks(runs: Iterable[list[Triple]]) -> Iterator[str]:
    """N-Triples text, one chunk per run of triples with one subject (see :func:`exports.rdf.subject_runs`)."""
    for run in runs:
        subject = ntriples_term(run[0][0])
        yield "".join([f"{subject} {_predicate_term(predicate)} {ntriples_term(obj)} .\n" for _, predicate, obj in run])


def generate_ntriples(graph: nx.MultiDiGraph, *, base_iri: str = DEFAULT_BASE_IRI) -> Iterator[str]:
    """N-Triples text in a deterministic order, a chunk per subject: its lines."""
    return ntriples_chunks(subject_runs(generate_triples(graph, base_iri)))


def write_ntriples(graph: nx.MultiDiGraph, path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Stream the graph as N-Triples to ``path``."""
    write_chunks(path, generate_ntriples(graph, base_iri=base_iri))
