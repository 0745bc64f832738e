"""GraphML for Gephi, Cytoscape and ``networkx.read_graphml``.

GraphML holds only scalar attributes of one declared type per column, so
lists (aliases, sources) are joined with `` | ``, missing values are left out,
characters XML 1.0 forbids are dropped, and an attribute whose values mix
types gets one type for all of them (integers and floats become ``double``,
anything else mixed becomes ``string``). Every node has ``label`` (the column
Gephi shows as the node's name) and ``kind``; keys get GraphML's usual
``d0, d1, ...`` ids, so a node and an edge attribute may share a name.
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


def _common_types(records: list[dict]) -> dict[str, type]:
    """One Python type per attribute: the type of all its values, ``float`` for ints with floats, else ``str``."""
    seen: dict[str, set[type]] = {}
    for record in records:
        for key, value in record.items():
            seen.setdefault(key, set()).add(type(value))
    common = {}
    for key, types in seen.items():
        if len(types) == 1:
            common[key] = types.pop()
        else:
            common[key] = float if types <= {int, float} else str
    return common


def _typed(records: list[dict]) -> list[dict]:
    types = _common_types(records)
    return [{key: value if type(value) is types[key] else types[key](value) for key, value in record.items()}
            for record in records]


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with scalar, XML-safe attribute values of one type per attribute, nodes and edges sorted.

    Every node gets a ``label`` (its id when it has none).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("model:x", kind="model", label="X\\x00", aliases=["a", "b"], arxiv_id=None)
    >>> g.add_node("result:1", kind="result", value=2)
    >>> g.add_node("result:2", kind="result", value=0.5)
    >>> [dict(data) for _, data in flat_graph(g).nodes(data=True)]
    [{'kind': 'model', 'label': 'X', 'aliases': 'a | b'}, {'kind': 'result', 'value': 2.0, 'label': 'result:1'}, {'kind': 'result', 'value': 0.5, 'label': 'result:2'}]
    """
    nodes = sorted(graph.nodes)
    node_records = _typed([{k: _flat(v) for k, v in graph.nodes[node].items() if v is not None} for node in nodes])
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])
    edge_records = _typed([{k: _flat(v) for k, v in data.items() if v is not None} for *_, data in edges])
    flat = nx.MultiDiGraph()
    for node, record in zip(nodes, node_records):
        flat.add_node(node, **record)
        flat.nodes[node].setdefault("label", str(node))
    for (u, v, key, _), record in zip(edges, edge_records):
        flat.add_edge(u, v, key=key, **record)
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
    for line in nx.generate_graphml(flat_graph(graph), edge_id_from_attribute=None):
        yield line + "\n"


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the graph as GraphML to ``path``."""
    write_chunks(path, generate_graphml(graph))
