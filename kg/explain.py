"""Why the graph holds an entity: its names, type, and every sentence and rule behind it."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import networkx as nx

from .core.errors import PaperkgError
from .core.model import ENTITY_TYPES
from .resolve import entity_key

__all__ = ["Evidence", "Explanation", "explain", "format_explanation"]


@dataclass(frozen=True)
class Evidence:
    """One edge that involves the entity, with the sentence, rule and confidence behind it."""

    relation: str
    paper: str
    statement: str | None  # "DeiT outperforms ViT" for an edge between two entities
    mention: str
    sentence: str
    rule: str
    confidence: float
    start: int


@dataclass
class Explanation:
    """An entity node and the evidence for it, mentions first, in paper and text order."""

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
    >>> found.label, found.type, [(e.relation, e.rule) for e in found.evidence]
    ('ViT', 'model', [('mentions', 'paperkg_model:gazetteer'), ('outperforms', 'cue:outperforms')])
    >>> explain(graph, "DeiT-B")
    Traceback (most recent call last):
    ...
    paperkg.core.errors.PaperkgError: no entity named 'DeiT-B' in the graph; did you mean 'DeiT'?
    """
    node = _find(graph, name)
    data = graph.nodes[node]
    found = Explanation(node, data["label"], data["kind"], list(data.get("aliases", [])),
                        data.get("mention_count", 0), data.get("paper_count", 0))
    edges = [(u, v, d) for u, v, d in graph.in_edges(node, data=True)] + list(graph.out_edges(node, data=True))
    for u, v, edge in edges:
        paper = edge.get("paper", u)
        statement = None if u == paper else f"{graph.nodes[u]['label']} {edge['relation']} {graph.nodes[v]['label']}"
        found.evidence.append(Evidence(
            relation=edge["relation"], paper=graph.nodes[paper]["label"], statement=statement,
            mention=edge.get("mention", ""),
            sentence=edge.get("sentence", ""), rule=edge.get("rule", ""),
            confidence=float(edge.get("confidence", 0.0)), start=edge.get("start", 0),
        ))
    found.evidence.sort(key=lambda e: (e.relation != "mentions", e.paper, e.start, e.relation))
    for _, result in sorted(graph.nodes(data=True)):
        if result.get("kind") == "result" and node in (result.get("model"), result.get("dataset"),
                                                       result.get("benchmark"), result.get("metric")):
            found.results.append(result["label"])
    return found


def format_explanation(found: Explanation) -> str:
    """The explanation as text: a header, then one block per piece of evidence.

    Examples
    --------
    >>> found = Explanation("model:vit", "ViT", "model", ["Vision Transformer"], 2, 1, [Evidence(
    ...     "mentions", "DeiT", None, "ViT", "DeiT outperforms ViT.", "paperkg_model:gazetteer", 0.85, 6)])
    >>> print(format_explanation(found))
    ViT (model, model:vit)
      aliases: Vision Transformer
      2 mention(s) in 1 paper(s)
    <BLANKLINE>
    [mentions] DeiT
      "ViT" in: DeiT outperforms ViT.
      rule paperkg_model:gazetteer, confidence 0.85
    """
    lines = [f"{found.label} ({found.type}, {found.node})",
             f"  aliases: {', '.join(found.aliases) if found.aliases else '(none)'}",
             f"  {found.mention_count} mention(s) in {found.paper_count} paper(s)"]
    for evidence in found.evidence:
        lines += ["", f"[{evidence.relation}] {evidence.paper}"]
        if evidence.statement:
            lines.append(f"  {evidence.statement}")
        lines += [
                  f"  \"{evidence.mention}\" in: {' '.join(evidence.sentence.split())}",
                  f"  rule {evidence.rule}, confidence {evidence.confidence:g}"]
    if found.results:
        lines += ["", "results: " + "; ".join(found.results)]
    return "\n".join(lines)
