"""RDF in JSON-LD, with a context that keeps paperkg's prefixes short."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from kg.atomic import write_chunks

from .turtle import to_rdflib
from .vocab import DEFAULT_BASE_IRI, PREFIXES

__all__ = ["generate_jsonld", "write_jsonld"]


def generate_jsonld(graph: nx.MultiDiGraph, *, base_iri: str = DEFAULT_BASE_IRI) -> Iterator[str]:
    """JSON-LD text with an ``@context`` of paperkg's prefixes.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
    >>> document = json.loads("".join(generate_jsonld(g)))
    >>> document["@context"]["skos"]
    'http://www.w3.org/2004/02/skos/core#'
    """
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    document = json.loads(to_rdflib(graph, base_iri=base_iri).serialize(format="json-ld", context=context))
    yield json.dumps(_sorted(document), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _sorted(value: object) -> object:
    """JSON-LD arrays (without ``@list``) are sets: sorting them makes output byte-stable."""
    if isinstance(value, dict):
        return {key: _sorted(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def write_jsonld(graph: nx.MultiDiGraph, path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Write the graph as JSON-LD to ``path``."""
    write_chunks(path, generate_jsonld(graph, base_iri=base_iri))
