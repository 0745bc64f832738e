"""RDF in Turtle."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import rdflib

from kg.atomic import write_chunks

from .rdf import generate_triples
from .vocab import DEFAULT_BASE_IRI, PREFIXES

__all__ = ["to_rdflib", "generate_turtle", "write_turtle"]


def to_rdflib(graph: nx.MultiDiGraph, *, base_iri: str = DEFAULT_BASE_IRI) -> rdflib.Graph:
    """The graph as an in-memory ``rdflib.Graph`` with paperkg's prefixes bound."""
    rdf = rdflib.Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace)
    for triple in generate_triples(graph, base_iri):
        rdf.add(triple)
    return rdf


def generate_turtle(graph: nx.MultiDiGraph, *, base_iri: str = DEFAULT_BASE_IRI) -> Iterator[str]:
    """Turtle text (rdflib groups triples by subject, so this is built whole, then yielded).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
    >>> text = "".join(generate_turtle(g))
    >>> "skos:prefLabel \\"FID\\"" in text
    True
    """
    yield to_rdflib(graph, base_iri=base_iri).serialize(format="turtle")


def write_turtle(graph: nx.MultiDiGraph, path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Write the graph as Turtle to ``path``."""
    write_chunks(path, generate_turtle(graph, base_iri=base_iri))
