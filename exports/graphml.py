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
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import networkx as nx

from paperkg.core.atomic import write_chunks

__all__ = ["flat_nodes", "flat_edges", "flat_graph", "generate_graphml", "write_graphml", "LIST_SEPARATOR"]

LIST_SEPARATOR = " | "
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _flat(value: object) -> object:
    if isinstance(value, str):
        return _xml_safe(value)
    if isinstance(value, (list, tuple, set)):
        return _xml_safe(LIST_SEPARATOR.join(map(str, value)))
    return value


@lru_cache(maxsize=1 << 12)  # sentences, rule names, relations and node ids repeat across edges
def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _common_types(records: list[dict]) -> dict[str, type]:
    """One Python type per attribute whose values mix types: ``float`` for ints with floats, else ``str``."""
    seen: dict[str, set[type]] = defaultdict(set)
    for record in records:
        for key, value in record.items():
            seen[key].add(type(value))
    return {key: float if types <= {int, float} else str for key, types in seen.items() if len(types) > 1}


def _typed(records: list[dict]) -> list[dict]:
    """The records, each value of a mixed-type attribute converted (in place) to that attribute's one type."""
    for key, common in _common_types(records).items():
        for record in records:
            if key in record and type(record[key]) is not common:
                record[key] = common(record[key])
    return records


FlatNode = tuple[str, dict]
FlatEdge = tuple[str, str, object, dict]


def flat_nodes(graph: nx.MultiDiGraph) -> list[FlatNode]:
    """The nodes of :func:`flat_graph`, in its order, as ``(node, record)``.

    Examples
    --------
    >>> flat_nodes(nx.MultiDiGraph([("b", "a")]))
    [('a', {'label': 'a'}), ('b', {'label': 'b'})]
    """
    nodes = sorted(graph.nodes)
    records = _typed([{k: _flat(v) for k, v in graph.nodes[node].items() if v is not None} for node in nodes])
    for node, record in zip(nodes, records):
        record.setdefault("label", str(node))
    return list(zip(nodes, records))


def flat_edges(graph: nx.MultiDiGraph) -> list[FlatEdge]:
    """The edges of :func:`flat_graph`, in its order (sorted by source, target, key), as ``(u, v, key, record)``.

    Examples
    --------
    >>> flat_edges(nx.MultiDiGraph([("b", "a", {"start": 1}), ("a", "b", {"start": 2.5})]))
    [('a', 'b', 0, {'start': 2.5}), ('b', 'a', 0, {'start': 1.0})]
    """
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])
    records = _typed([{k: _flat(v) for k, v in data.items() if v is not None} for *_, data in edges])
    return [(u, v, key, record) for (u, v, key, _), record in zip(edges, records)]


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
    flat = nx.MultiDiGraph()
    for node, record in flat_nodes(graph):
        flat.add_node(node, **record)
    for u, v, key, record in flat_edges(graph):
        flat.add_edge(u, v, key=key, **record)
    return flat


# The bytes networkx.generate_graphml writes (ElementTree, indented, serialised as US-ASCII with
# character references, split into lines), made element by element instead of as one tree in memory.
_HEADER = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
_XML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
# What str.splitlines breaks on that survives escaping, besides "\n".
_LINE_BREAK = re.compile("[\r\x0b\x0c\x1c-\x1e]")


def _text(value: str) -> str:
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


def _attribute(value: str) -> str:
    value = _text(value)
    for character, reference in (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if character in value:
            value = value.replace(character, reference)
    return value


def _key_ids(nodes: list[FlatNode], edges: list[FlatEdge]) -> dict[tuple[str, str, str], str]:
    """``d0, d1, ...`` for each (attribute, GraphML type, node or edge), numbered as first met."""
    keys: dict[tuple[str, str, str], str] = {}
    for scope, records in (("node", (record for _, record in nodes)), ("edge", (edge[3] for edge in edges))):
        for record in records:
            for name, value in record.items():
                if type(value) not in _XML_TYPES:
                    raise nx.NetworkXError(f"GraphML writer does not support {type(value)} as data values.")
                keys.setdefault((str(name), _XML_TYPES[type(value)], scope), f"d{len(keys)}")
    return keys


def _element(opening: str, record: dict, scope: str, keys: dict) -> str:
    if not record:
        return f"    <{opening} />\n"
    data = []
    for name, value in record.items():
        key = keys[str(name), _XML_TYPES[type(value)], scope]
        text = _text(str(value))
        data.append(f'      <data key="{key}">{text}</data>\n' if text else f'      <data key="{key}" />\n')
    tag = opening.split(" ", 1)[0]
    return f"    <{opening}>\n{''.join(data)}    </{tag}>\n"


def _as_written(chunk: str) -> str:
    if not chunk.isascii():
        chunk = chunk.encode("ascii", "xmlcharrefreplace").decode("ascii")
    if _LINE_BREAK.search(chunk):
        chunk = "".join(line + "\n" for line in chunk.splitlines())
    return chunk


def generate_graphml(graph: nx.MultiDiGraph) -> Iterator[str]:
    """GraphML text, starting with the XML declaration, one node or edge element a chunk.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", mention_count=2)
    >>> chunks = list(generate_graphml(g))
    >>> chunks[0]
    "<?xml version='1.0' encoding='utf-8'?>\\n"
    >>> any('attr.name="mention_count" attr.type="long"' in chunk for chunk in chunks)
    True
    """
    nodes, edges = flat_nodes(graph), flat_edges(graph)
    keys = _key_ids(nodes, edges)
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    yield _as_written(_HEADER + "".join(
        f'  <key id="{key}" for="{scope}" attr.name="{_attribute(name)}" attr.type="{xml_type}" />\n'
        for (name, xml_type, scope), key in reversed(keys.items())))
    if not nodes and not edges:
        yield '  <graph edgedefault="directed" />\n</graphml>\n'
        return
    yield '  <graph edgedefault="directed">\n'
    for node, record in nodes:
        yield _as_written(_element(f'node id="{_attribute(str(node))}"', record, "node", keys))
    for u, v, key, record in edges:
        opening = f'edge source="{_attribute(str(u))}" target="{_attribute(str(v))}" id="{_attribute(str(key))}"'
        yield _as_written(_element(opening, record, "edge", keys))
    yield "  </graph>\n</graphml>\n"


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write the graph as GraphML to ``path``."""
    write_chunks(path, generate_graphml(graph))
