"""GraphML for Gephi, Cytoscape and ``networkx.read_graphml``.

GraphML holds only scalar attributes, so lists (aliases, sources) are joined
with `` | ``, missing values are left out, and characters XML 1.0 forbids are
dropped.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from kg.atomic import write_chunks

__all__ = ["flat_graph", "generate_graphml", "write_graphml", "LIST_SEPARATOR"]

LIST_SEPARATOR = " | "
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _flat(value: object) -> object:
    if isinstance(value, (list, tuple, set)):
        value = LIST_SEPARATOR.join(map(str, value))
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    return value


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar, XML-safe attribute values, nodes and edges sorted.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("model:x", kind="model", label="X\\x00", aliases=["a", "b"], arxiv_id=None)
    >>> dict(flat_graph(g).nodes["model:x"])
    {'kind': 'model', 'label': 'X', 'aliases': 'a | b'}
    """
    flat = nx.MultiDiGraph()
    for node in sorted(graph.nodes):
        flat.add_node(node, **{k: _flat(v) for k, v in graph.nodes[node].items() if v is not None})
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        flat.add_edge(u, v, key=key, **{k: _flat(value) for k, value in data.items() if value is not None})
    return flat


def generate_graphml(graph: nx.MultiDiGraph) -> Iterator[str]:
    """GraphML lines, starting with the XML declaration.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", mention_count=2)
    >>> lines = list(generate_graphml(g))
    >>> lines[0]
    "<?xml version='1.0' encoding='utf-8'?>\\n"
    >>> any('attr.name="mention_count" attr.type="long"' in line for line in lines)
    True
    """
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    for line in nx.generate_graphml(flat_graph(graph), named_key_ids=True, edge_id_from_attribute=None):
        yield line + "\n"


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the graph as GraphML to ``path``."""
    write_chunks(path, generate_graphml(graph))
