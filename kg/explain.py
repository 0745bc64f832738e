"""Why the graph holds an entity: its names, type, and every sentence and rule behind it.

``paperkg explain NAME OUTDIR`` reads the graph of a build folder
(:func:`paperkg.pipeline.load_graph`, no re-extraction) and prints, paper by
paper, each sentence that names the entity once, then each mention in it
with its offsets and the relations it is evidence for.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby

import networkx as nx

from .core.errors import PaperkgError
from .core.schema import ENTITY_TYPES
from .resolve import entity_key

__all__ = ["Evidence", "Explanation", "explain", "format_explanation", "title_split"]


@dataclass(frozen=True)
class Evidence:
    """One edge that involves the entity, with the sentence, offsets, rule and confidence behind it.

    ``start``/``end`` are the mention's offsets in the paper text (title,
    blank line, abstract); ``sentence`` is its sentence, never the title and
    the abstract's first sentence run together.
    """

    relation: str
    paper: str
    statement: str | None  # "DeiT outperforms ViT" for an edge between two entities
    mention: str
    sentence: str
    rule: str
    confidence: float
    start: int
    end: int = 0


@dataclass
class Explanation:
    """An entity node and the evidence for it, in paper and text order."""

    node: str
    label: str
    type: str
    aliases: list[str]
    mention_count: int
    paper_count: int
    evidence: list[Evidence] = field(default_factory=list)
    results: list[str] = field(default_factory=list)


def _find(graph: nx.MultiDiGraph, name: str) -> str:
    key = entity_key(name)
    labels = {}
    for node, data in graph.nodes(data=True):
        if data.get("kind") not in ENTITY_TYPES:
            continue
        names = [data["label"], *data.get("aliases", [])]
        if key in {entity_key(n) for n in names}:
            return node
        labels.update((n, node) for n in names)
    close = difflib.get_close_matches(name, list(labels), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise PaperkgError(f"no entity named {name!r} in the graph{hint}")


def title_split(title: str, sentence: str, sentence_start: int, offset: int) -> str:
    """The part of ``sentence`` that holds ``offset``: the title is a sentence of its own.

    A title without final punctuation runs into the abstract's first sentence
    in the extractors' sentences; the paper text puts a blank line between them.

    Examples
    --------
    >>> sentence = "Tiny Models for Edge Devices\\n\\nWe propose EdgeNet. It is small."
    >>> title_split("Tiny Models for Edge Devices", sentence, 0, 41)
    'We propose EdgeNet. It is small.'
    >>> title_split("Tiny Models for Edge Devices", sentence, 0, 5)
    'Tiny Models for Edge Devices'
    """
    boundary = len(title) - sentence_start
    if not 0 < boundary < len(sentence):
        return sentence
    return sentence[:boundary] if offset < len(title) else sentence[boundary:].lstrip()


def explain(graph: nx.MultiDiGraph, name: str) -> Explanation:
    """The entity ``name`` resolves to (any alias, any spelling) and all its evidence.

    Raises :class:`~paperkg.core.errors.PaperkgError` naming close matches when no
    entity has that name.

    Examples
    --------
    >>> from paperkg import Paper, extract_papers
    >>> from paperkg.graph import build_graph
    >>> graph = build_graph(extract_papers([Paper("DeiT", "DeiT outperforms ViT on ImageNet.")]))
    >>> found = explain(graph, "vit")
    >>> found.label, found.type, [(e.relation, e.rule, e.start, e.end) for e in found.evidence]
    ('ViT', 'model', [('mentions', 'paperkg_model:gazetteer', 23, 26), ('outperforms', 'cue:outperforms', 23, 26)])
    >>> explain(graph, "DeiT-B")
    Traceback (most recent call last):
    ...
    paperkg.core.errors.PaperkgError: no entity named 'DeiT-B' in the graph; did you mean 'DeiT'?
    """
    node = _find(graph, name)
    data = graph.nodes[node]
    found = Explanation(node, data["label"], data["kind"], list(data.get("aliases", [])),
                        data.get("mention_count", 0), data.get("paper_count", 0))
    edges = [*graph.in_edges(node, data=True), *graph.out_edges(node, data=True)]
    for u, v, edge in edges:
        paper = edge.get("paper", u)
        statement = None if u == paper else f"{graph.nodes[u]['label']} {edge['relation']} {graph.nodes[v]['label']}"
        start = edge.get("start", 0)
        sentence = title_split(graph.nodes[paper].get("title", ""), edge.get("sentence", ""),
                               edge.get("sentence_start", 0), start)
        found.evidence.append(Evidence(
            relation=edge["relation"], paper=paper, statement=statement, mention=edge.get("mention", ""),
            sentence=" ".join(sentence.split()), rule=edge.get("rule", ""),
            confidence=float(edge.get("confidence", 0.0)), start=start, end=edge.get("end", start),
        ))
    found.evidence.sort(key=lambda e: (e.paper, e.start, e.relation != "mentions", e.relation, e.statement or ""))
    for _, result in sorted(graph.nodes(data=True)):
        if result.get("kind") == "result" and node in (result.get("model"), result.get("dataset"),
                                                       result.get("benchmark"), result.get("metric")):
            found.results.append(result["label"])
    return found


def _paper_heading(graph: nx.MultiDiGraph | None, paper: str) -> str:
    data = graph.nodes[paper] if graph is not None and paper in graph else {}
    arxiv = f", arXiv {data['arxiv_id']}" if data.get("arxiv_id") else ""
    return f"{data.get('title', paper)} ({paper}{arxiv})"


def _blocks(found: Explanation, graph: nx.MultiDiGraph | None) -> Iterator[str]:
    for paper, in_paper in groupby(found.evidence, key=lambda e: e.paper):
        yield ""
        yield _paper_heading(graph, paper)
        shown_sentence = None
        for (start, end), at_offset in groupby(in_paper, key=lambda e: (e.start, e.end)):
            at_offset = list(at_offset)
            if at_offset[0].sentence != shown_sentence:
                shown_sentence = at_offset[0].sentence
                yield f"  | {shown_sentence}"
            yield f"    \"{at_offset[0].mention}\" at {start}-{end}"
            for evidence in at_offset:
                what = evidence.statement or evidence.relation
                yield f"      {what}: rule {evidence.rule}, confidence {evidence.confidence:g}"


def format_explanation(found: Explanation, graph: nx.MultiDiGraph | None = None) -> str:
    """The explanation as text: a header, then per paper each sentence once and its mentions.

    ``graph`` (the one :func:`explain` searched) gives the papers' titles and arXiv ids.

    Examples
    --------
    >>> found = Explanation("model:vit", "ViT", "model", ["Vision Transformer"], 2, 1, [
    ...     Evidence("mentions", "p-1", None, "ViT", "ViT beats ViT-S.", "paperkg_model:gazetteer", 0.85, 6, 9),
    ...     Evidence("mentions", "p-1", None, "ViT", "ViT beats ViT-S.", "paperkg_model:gazetteer", 0.85, 16, 19)])
    >>> print(format_explanation(found))
    ViT (model, model:vit)
      aliases: Vision Transformer
      2 mention(s) in 1 paper(s)
    <BLANKLINE>
    p-1 (p-1)
      | ViT beats ViT-S.
        "ViT" at 6-9
          mentions: rule paperkg_model:gazetteer, confidence 0.85
        "ViT" at 16-19
          mentions: rule paperkg_model:gazetteer, confidence 0.85
    """
    lines = [f"{found.label} ({found.type}, {found.node})",
             f"  aliases: {', '.join(found.aliases) if found.aliases else '(none)'}",
             f"  {found.mention_count} mention(s) in {found.paper_count} paper(s)",
             *_blocks(found, graph)]
    if found.results:
        lines += ["", "results: " + "; ".join(found.results)]
    return "\n".join(lines)
