"""GraphML for Gephi, Cytoscape and ``networkx.read_graphml``, written a batch at a time.

GraphML holds only scalar attributes of one declared type per key, so the
keys are the export's fixed columns (:mod:`paperkg.exports.evidence`), declared
up front: lists (aliases, sources) are joined with `` | ``, missing values are
left out, characters XML 1.0 forbids are dropped. Every node has ``label``
(the column Gephi shows as the node's name) and ``kind``; keys get GraphML's
usual ``d0, d1, ...`` ids, so a node and an edge attribute may share a name.
Evidence is stored once: the mentions are the nodes of a second graph
(``networkx.read_graphml`` and Gephi read the first), and each edge's
``evidence`` is the id of one of them.

:func:`flat_nodes` and :func:`flat_edges` give every attribute of the
in-memory graph, evidence repeated on every edge, for the pandas frames of
:mod:`paperkg.exports.tables`.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import networkx as nx

from .evidence import (COLUMN_TYPES, DEFAULT_EVIDENCE, EDGE_COLUMNS, LIST_SEPARATOR, MENTION_COLUMNS, NODE_COLUMNS,
                       edge_records, mention_records, node_records)
from .sink import FileSink, write_graph

__all__ = ["flat_nodes", "flat_edges", "flat_graph", "graphml_chunks", "generate_graphml", "write_graphml",
           "GraphMLSink", "LIST_SEPARATOR"]
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


def _as_written(chunk: str) -> str:
    if not chunk.isascii():
        chunk = chunk.encode("ascii", "xmlcharrefreplace").decode("ascii")
    if _LINE_BREAK.search(chunk):
        chunk = "".join(line + "\n" for line in chunk.splitlines())
    return chunk


#: The GraphML keys, fixed up front from the columns of the export (:mod:`paperkg.exports.evidence`):
#: ``(scope, attribute)`` -> key id. Mention nodes, in the second graph, have the mention columns.
_GRAPHML_TYPES = {str: "string", int: "long", float: "double"}
_KEYS = {}
for _scope, _columns in (("node", NODE_COLUMNS[1:]), ("node", MENTION_COLUMNS[1:]), ("edge", EDGE_COLUMNS[2:])):
    for _column in _columns:
        _KEYS.setdefault((_scope, _column), f"d{len(_KEYS)}")
_KEY_LINES = "".join(
    f'  <key id="{key}" for="{scope}" attr.name="{name}" attr.type="{_GRAPHML_TYPES[COLUMN_TYPES.get(name, str)]}" />\n'
    for (scope, name), key in _KEYS.items())
_EVIDENCE_GRAPH = '  <graph id="evidence" edgedefault="directed">\n'


def _value_text(value: object) -> str:
    return _text(_xml_safe(value) if isinstance(value, str) else str(value))


def _element(opening: str, record: dict, scope: str, skip: int) -> str:
    data = []
    for name, value in list(record.items())[skip:]:
        key = _KEYS.get((scope, name))
        if key is not None:
            text = _value_text(value)
            data.append(f'      <data key="{key}">{text}</data>\n' if text else f'      <data key="{key}" />\n')
    tag = opening.split(" ", 1)[0]
    return _as_written(f"    <{opening}>\n{''.join(data)}    </{tag}>\n" if data else f"    <{opening} />\n")


def _node_element(record: dict) -> str:
    return _element(f'node id="{_attribute(_xml_safe(str(record["id"])))}"', record, "node", 1)


def _edge_element(record: dict) -> str:
    u, v, key = (_attribute(_xml_safe(str(record[name]))) for name in ("source", "target", "key"))
    return _element(f'edge source="{u}" target="{v}" id="{key}"', record, "edge", 3)


def graphml_chunks(batch: nx.MultiDiGraph, *, entities: bool = False,
                   evidence: str = DEFAULT_EVIDENCE) -> tuple[list[str], list[str]]:
    """The elements of one batch: for the graph of papers and entities, and for the graph of mentions."""
    main = [_node_element(record) for record in node_records(batch, entities=entities, evidence=evidence)]
    if entities:
        return main, []
    main += [_edge_element(record) for record in edge_records(batch, evidence=evidence)]
    mentions = [_node_element({"id": record["id"], "kind": "mention", **record})
                for record in mention_records(batch, evidence=evidence)]
    return main, mentions


_HEADER_TEXT = "<?xml version='1.0' encoding='utf-8'?>\n" + _HEADER + _KEY_LINES + '  <graph edgedefault="directed">\n'


def _footer(mentions: bool) -> str:
    return "  </graph>\n</graphml>\n" if mentions else "</graphml>\n"


class GraphMLSink(FileSink):
    """``graph.graphml`` written a batch at a time under keys declared up front.

    The first ``<graph>`` holds papers, results, entities and edges (one
    ``mentions`` edge per paper and entity); each edge's ``evidence`` names a
    node of the second ``<graph id="evidence">``, the mentions, with their
    offsets, rule and confidence. Mentions wait in a file beside the output
    until the first graph is closed, so memory stays flat.
    """

    def __init__(self, path: str | Path, *, evidence: str = DEFAULT_EVIDENCE) -> None:
        super().__init__([path])
        self._evidence = evidence
        self._mentions = self._stack.enter_context(
            tempfile.TemporaryFile("w+", encoding="utf-8", dir=self.paths[0].parent, prefix=".graphml-mentions-"))
        self._any_mention = False
        self.emit(0, [_HEADER_TEXT])

    def write(self, batch: nx.MultiDiGraph, *, entities: bool = False) -> None:
        main, mentions = graphml_chunks(batch, entities=entities, evidence=self._evidence)
        self.emit(0, main)
        if mentions:
            self._any_mention = True
            self._mentions.writelines(mentions)

    def finish(self) -> None:
        self.emit(0, ["  </graph>\n"])
        if self._any_mention:
            self.emit(0, [_EVIDENCE_GRAPH])
            self._mentions.seek(0)
            shutil.copyfileobj(self._mentions, self.handles[0])
        self.emit(0, [_footer(self._any_mention)])


def generate_graphml(graph: nx.MultiDiGraph, *, evidence: str = DEFAULT_EVIDENCE) -> Iterator[str]:
    """GraphML text of a whole graph, as :class:`GraphMLSink` writes it from one batch.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", mention_count=2)
    >>> chunks = list(generate_graphml(g))
    >>> chunks[0].splitlines()[0]
    "<?xml version='1.0' encoding='utf-8'?>"
    >>> 'attr.name="mention_count" attr.type="long"' in chunks[0]
    True
    """
    yield _HEADER_TEXT
    main, mentions = graphml_chunks(graph, evidence=evidence)
    yield from main
    yield from graphml_chunks(graph, entities=True, evidence=evidence)[0]
    yield "  </graph>\n"
    if mentions:
        yield _EVIDENCE_GRAPH
        yield from mentions
    yield _footer(bool(mentions))


def write_graphml(graph: nx.MultiDiGraph, path: str | Path, *, evidence: str = DEFAULT_EVIDENCE) -> None:
    """Write the graph as GraphML to ``path``."""
    write_graph(GraphMLSink(path, evidence=evidence), graph)
