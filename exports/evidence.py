"""Evidence stored once: each mention written once, located by offsets, and edges pointing at it.

The graph (:func:`paperkg.graph.build_graph`) keeps each edge's evidence on
the edge: the mention's text, its sentence, offsets, rule and confidence, so
an edge built from a mention repeats what its ``mentions`` edge says. The
exports write that evidence once instead:

* a **mention** is one record (:class:`MentionRecord`): the paper, the node it
  names, its offsets in the paper text (title, blank line, abstract), the
  offsets of its sentence in that text, its rule and confidence; its id is
  :func:`mention_id`. The text itself is written once, with the paper.
* a **relation edge** points at the mention it was read from (:func:`evidence_id`)
  and keeps only what is its own: its relation, rule and confidence.
* a **result** (a reported number) is a mention of the result node.

``evidence`` chooses how much is written (:data:`EVIDENCE_LEVELS`): ``full``,
every mention; ``first``, one supporting mention per edge (the first mention
of an entity in a paper, and the mention each other edge was read from);
``none``, no mentions, and edges without evidence, rule or confidence.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("p-1", kind="paper"); g.add_node("model:vit", kind="model")
>>> for start in (0, 20):
...     _ = g.add_edge("p-1", "model:vit", key=f"mentions@{start}", relation="mentions", mention="ViT",
...                sentence="ViT is a model.", start=start, end=start + 3, sentence_start=start, rule="r",
...                confidence=0.9)
>>> _ = g.add_edge("p-1", "model:vit", key="proposes", relation="proposes", mention="ViT",
...                sentence="ViT is a model.", start=20, end=23, sentence_start=20, rule="proposes", confidence=0.9)
>>> [m.id for m in batch_mentions(g, "full")], [m.id for m in batch_mentions(g, "first")]
(['p-1-0-3', 'p-1-20-23'], ['p-1-0-3', 'p-1-20-23'])
>>> [evidence_id(u, v, d) for u, v, d in g.edges(data=True) if d["relation"] == "proposes"]
['p-1-20-23']
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx

from paperkg.core.errors import PaperkgError
from paperkg.core.schema import ENTITY_TYPES

__all__ = ["EVIDENCE_LEVELS", "DEFAULT_EVIDENCE", "MentionRecord", "mention_id", "evidence_id", "mention_of_edge",
           "mention_of_result", "batch_mentions", "relation_edges", "check_evidence", "node_records", "edge_records",
           "mention_records", "NODE_COLUMNS", "EDGE_COLUMNS", "MENTION_COLUMNS", "COLUMN_TYPES", "LIST_SEPARATOR"]

#: How much evidence an export writes: every mention, one per edge, or none.
EVIDENCE_LEVELS = ("full", "first", "none")
DEFAULT_EVIDENCE = "full"

#: The flat formats' columns (tables, Parquet, GraphML attributes): fixed, so every batch's rows line up.
#: Node columns: every attribute paperkg gives papers, entities and results; a paper's label is its title.
NODE_COLUMNS = ("id", "kind", "label", "aliases", "mention_count", "paper_count", "arxiv_id", "authors",
                "categories", "update_date", "sources", "abstract", "model", "benchmark", "dataset", "metric",
                "value", "unit", "baseline", "evidence")
#: Edge columns: ``paper`` for an edge between two entities (an edge from a paper is that paper's),
#: ``evidence`` the id of the mention the edge was read from, ``rule`` and ``confidence`` the edge's own.
EDGE_COLUMNS = ("source", "target", "relation", "paper", "evidence", "rule", "confidence")
#: Mention columns: ``node`` is what the mention names; offsets are into the paper text (title, blank line, abstract).
MENTION_COLUMNS = ("id", "paper", "node", "text", "start", "end", "sentence_start", "sentence_end", "rule",
                   "confidence")
#: The one type of each column that is not text.
COLUMN_TYPES = {"mention_count": int, "paper_count": int, "value": float, "confidence": float, "start": int,
                "end": int, "sentence_start": int, "sentence_end": int}
#: How list attributes (aliases, sources) are joined into one cell.
LIST_SEPARATOR = " | "


def check_evidence(level: str) -> str:
    """``level`` if it is one of :data:`EVIDENCE_LEVELS`, else :class:`PaperkgError`.

    Examples
    --------
    >>> check_evidence("first")
    'first'
    >>> check_evidence("some")
    Traceback (most recent call last):
    ...
    paperkg.core.errors.PaperkgError: evidence must be one of full, first, none, not 'some'
    """
    if level not in EVIDENCE_LEVELS:
        raise PaperkgError(f"evidence must be one of {', '.join(EVIDENCE_LEVELS)}, not {level!r}")
    return level


@dataclass(frozen=True, order=True)
class MentionRecord:
    """One mention, written once: ``node`` is what it names (an entity, or a result for a reported number)."""

    paper: str
    start: int
    end: int
    node: str
    text: str | None
    sentence_start: int | None
    sentence_end: int | None
    rule: str | None
    confidence: float | None

    @property
    def id(self) -> str:
        return mention_id(self.paper, self.start, self.end)

    def row(self) -> dict:
        """The record as a table row under :data:`MENTION_COLUMNS`."""
        return {column: getattr(self, column) for column in MENTION_COLUMNS}


def mention_id(paper: str, start: int, end: int) -> str:
    """The id of the mention at ``start:end`` of ``paper``'s text: unique in a graph, the same in every format.

    Examples
    --------
    >>> mention_id("p-0ea83918854b", 120, 128)
    'p-0ea83918854b-120-128'
    """
    return f"{paper}-{start}-{end}"


def _paper_of(u: str, data: dict) -> str:
    return data.get("paper", u)


def evidence_id(u: str, v: str, data: dict) -> str | None:
    """The id of the mention an edge was read from, or ``None`` when the edge has no offsets."""
    if data.get("start") is None or data.get("end") is None:
        return None
    return mention_id(_paper_of(u, data), data["start"], data["end"])


def _record(paper: str, node: str, data: dict) -> MentionRecord:
    sentence, sentence_start = data.get("sentence"), data.get("sentence_start")
    has_sentence = sentence is not None and sentence_start is not None
    confidence = data.get("confidence")
    return MentionRecord(paper, data["start"], data["end"], node, data.get("mention"),
                         sentence_start if has_sentence else None,
                         sentence_start + len(sentence) if has_sentence else None,
                         data.get("rule"), None if confidence is None else float(confidence))


def mention_of_edge(u: str, v: str, data: dict) -> MentionRecord | None:
    """The mention a ``mentions`` edge is (``None`` without offsets)."""
    if evidence_id(u, v, data) is None:
        return None
    return _record(_paper_of(u, data), v, data)


def mention_of_result(graph: nx.MultiDiGraph, node: str, data: dict) -> MentionRecord | None:
    """The mention of a result node: the number in its paper's text (``None`` without offsets or paper)."""
    if data.get("start") is None or data.get("end") is None:
        return None
    paper = data.get("paper") or next((u for u in graph.predecessors(node) if graph.nodes[u]["kind"] == "paper"),
                                      None)
    if paper is None:
        return None
    text = data.get("mention")
    if text is None and "title" in graph.nodes[paper]:
        paper_text = f"{graph.nodes[paper]['title']}\n\n{graph.nodes[paper].get('abstract', '')}"
        text = paper_text[data["start"]:data["end"]]
    return _record(paper, node, {**data, "mention": text})


def relation_edges(batch: nx.MultiDiGraph) -> Iterator[tuple[str, str, str, dict]]:
    """The edges a format writes, sorted: every edge but ``mentions``, then one ``mentions`` edge per
    (paper, entity) pair, the one of its first mention (the pair's others are only evidence)."""
    firsts: dict[tuple[str, str], tuple] = {}
    others = []
    for u, v, key, data in batch.edges(keys=True, data=True):
        if data.get("relation") == "mentions":
            order = (data.get("start") is None, data.get("start") or 0, str(key))
            if (u, v) not in firsts or order < firsts[u, v][0]:
                firsts[u, v] = (order, key, data)
        else:
            others.append((u, v, key, data))
    edges = others + [(u, v, key, data) for (u, v), (_, key, data) in firsts.items()]
    return iter(sorted(edges, key=lambda edge: (edge[0], edge[1], str(edge[2]))))


def batch_mentions(batch: nx.MultiDiGraph, level: str) -> list[MentionRecord]:
    """The mentions a batch writes at ``level``, sorted by paper and offsets.

    ``full``: every ``mentions`` edge and every result. ``first``: per
    (paper, entity) the first mention, the mention each other edge of the
    batch points at, and every result. ``variant_of`` edges point at a first
    mention, written with its paper.
    """
    if level == "none":
        return []
    found: dict[tuple, MentionRecord] = {}

    def add(record: MentionRecord | None) -> None:
        if record is not None:
            found.setdefault((record.paper, record.start, record.end, record.node), record)

    for node, data in batch.nodes(data=True):
        if data.get("kind") == "result":
            add(mention_of_result(batch, node, data))
    if level == "full":
        for u, v, data in batch.edges(data=True):
            if data.get("relation") == "mentions":
                add(mention_of_edge(u, v, data))
    else:
        pointed = set()
        for u, v, _, data in relation_edges(batch):
            if data.get("relation") == "mentions":
                add(mention_of_edge(u, v, data))
            elif data.get("relation") not in ("has_result", "variant_of"):
                pointed.add(evidence_id(u, v, data))
        for u, v, data in batch.edges(data=True):
            if data.get("relation") == "mentions" and evidence_id(u, v, data) in pointed:
                add(mention_of_edge(u, v, data))
    return [found[key] for key in sorted(found)]  # by paper, offsets, node: faster than comparing records


def _cell(column: str, value: object) -> object:
    if isinstance(value, (list, tuple, set)):
        return LIST_SEPARATOR.join(map(str, value))
    kind = COLUMN_TYPES.get(column, str)
    return value if type(value) is kind or kind is str and isinstance(value, str) else kind(value)


def node_records(batch: nx.MultiDiGraph, *, entities: bool, evidence: str) -> list[dict]:
    """The batch's nodes to write, as records under :data:`NODE_COLUMNS` (missing values left out), by id.

    Entity nodes only when ``entities`` (a step-2 batch), else papers and results;
    a result's ``evidence`` is its mention's id.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("model:x", kind="model", label="X", aliases=["a", "b"], mention_count=2, arxiv_id=None)
    >>> node_records(g, entities=True, evidence="full")
    [{'id': 'model:x', 'kind': 'model', 'label': 'X', 'aliases': 'a | b', 'mention_count': 2}]
    """
    records = []
    for node in sorted(batch.nodes):
        data = batch.nodes[node]
        if (data.get("kind") in ENTITY_TYPES) != entities:
            continue
        record = {"id": node}
        for column in NODE_COLUMNS[1:-1]:
            if data.get(column) is not None:
                record[column] = _cell(column, data[column])
        record.setdefault("label", str(node))
        if data.get("kind") == "result" and evidence != "none":
            mention = mention_of_result(batch, node, data)
            if mention is not None:
                record["evidence"] = mention.id
        records.append(record)
    return records


def edge_records(batch: nx.MultiDiGraph, *, evidence: str) -> list[dict]:
    """The batch's edges as records under :data:`EDGE_COLUMNS`, one ``mentions`` edge per (paper, entity).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("p-1", "model:x", key="proposes", relation="proposes", start=0, end=1, rule="proposes",
    ...            confidence=0.9)
    'proposes'
    >>> edge_records(g, evidence="full"), edge_records(g, evidence="none")
    ([{'source': 'p-1', 'target': 'model:x', 'key': 'proposes', 'relation': 'proposes', 'evidence': 'p-1-0-1', 'rule': 'proposes', 'confidence': 0.9}], [{'source': 'p-1', 'target': 'model:x', 'key': 'proposes', 'relation': 'proposes'}])
    """
    records = []
    for u, v, key, data in relation_edges(batch):
        record = {"source": u, "target": v, "key": key, "relation": data.get("relation")}
        if data.get("paper") is not None:
            record["paper"] = data["paper"]
        if evidence != "none":
            pointed = evidence_id(u, v, data)
            if pointed is not None:
                record["evidence"] = pointed
            if data.get("relation") != "mentions":
                for column in ("rule", "confidence"):
                    if data.get(column) is not None:
                        record[column] = _cell(column, data[column])
        records.append(record)
    return records


def mention_records(batch: nx.MultiDiGraph, *, evidence: str) -> list[dict]:
    """The batch's mentions at level ``evidence`` as records under :data:`MENTION_COLUMNS`."""
    return [{k: v for k, v in mention.row().items() if v is not None} for mention in batch_mentions(batch, evidence)]
