"""Build the knowledge graph: papers, resolved entities, and edges with evidence."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import networkx as nx

from .extract import PaperEntities
from .model import ENTITY_TYPES, Mention
from .relations import TYPE_RELATIONS, comparisons
from .resolve import Resolver

__all__ = ["build_graph", "summarize"]


def _evidence(mention: Mention, *, rule: str | None = None, confidence: float | None = None) -> dict:
    return {
        "mention": mention.text,
        "sentence": mention.sentence,
        "start": mention.start,
        "end": mention.end,
        "sentence_start": mention.sentence_start,
        "rule": rule or mention.rule,
        "confidence": mention.confidence if confidence is None else confidence,
    }


def build_graph(extracted: Iterable[PaperEntities]) -> nx.MultiDiGraph:
    """A typed ``MultiDiGraph`` of papers and the entities they name.

    Nodes have a ``kind`` (``paper`` or an entity type) and a ``label``. Every
    edge has a ``relation`` (see :data:`kg.model.RELATIONS`) and its evidence:
    the ``sentence``, the mention's ``start``/``end`` offsets in the paper text
    (title, blank line, abstract), the extractor ``rule`` and a ``confidence``.
    Each mention is its own ``mentions`` edge; other relations are one edge per
    pair, with the first mention as evidence.

    Examples
    --------
    >>> from kg import Paper, extract_papers
    >>> papers = [Paper("MambaOut: Do We Really Need Mamba?", "Code: https://github.com/yuweihao/MambaOut.")]
    >>> graph = build_graph(extract_papers(papers))
    >>> [(u[:2], v, d["relation"]) for u, v, d in graph.edges(data=True) if d["relation"] == "has_code"]
    [('p-', 'repo:githubcomyuweihaomambaout', 'has_code')]
    """
    # Paper-id order, not input order: the same papers give the same graph whatever order they come in.
    extracted = sorted(extracted, key=lambda found: found.paper.id)
    resolver = Resolver()
    for found in extracted:
        counts = Counter(m.canonical or m.text for m in found.mentions)
        for entity_type, groups in found.entities.items():
            for names in groups:
                resolver.add(found.paper.id, entity_type, names, mentions=sum(counts[n] for n in names) or 1)

    graph = nx.MultiDiGraph()
    for entity in resolver.entities():
        graph.add_node(entity.node_id, kind=entity.type, label=entity.name, aliases=entity.aliases,
                       mention_count=entity.mention_count, paper_count=len(entity.papers))

    for found in extracted:
        paper = found.paper
        graph.add_node(paper.id, kind="paper", label=paper.title, title=paper.title, abstract=paper.abstract,
                       arxiv_id=paper.arxiv_id, authors=paper.authors, categories=paper.categories,
                       update_date=paper.update_date, sources=list(paper.sources))
        node_of = {}
        for mention in found.mentions:
            node = resolver.lookup(mention.canonical or mention.text).node_id
            node_of[mention] = node
            graph.add_edge(paper.id, node, key=f"mentions@{mention.start}", relation="mentions", **_evidence(mention))

        first: dict[str, Mention] = {}
        for mention in found.mentions:
            first.setdefault(node_of[mention], mention)
        for node, mention in first.items():
            relation = TYPE_RELATIONS.get(graph.nodes[node]["kind"])
            if relation:
                graph.add_edge(paper.id, node, key=relation, relation=relation,
                               **_evidence(mention, rule=f"type:{graph.nodes[node]['kind']}"))
        for name in found.proposes:
            node = resolver.lookup(name).node_id
            if node in first:
                graph.add_edge(paper.id, node, key="proposes", relation="proposes",
                               **_evidence(first[node], rule="proposes"))
        for relation in comparisons(found.mentions):
            source, target = node_of[relation.source], node_of[relation.target]
            if source != target and not graph.has_edge(source, target, key=f"compared_with@{paper.id}"):
                graph.add_edge(source, target, key=f"compared_with@{paper.id}", relation=relation.relation,
                               paper=paper.id, **_evidence(relation.target, rule=relation.rule,
                                                           confidence=relation.confidence))
    return graph


def summarize(graph: nx.MultiDiGraph, *, top: int = 5) -> dict:
    """Counts of papers, entities per type and edges per relation, and top entities.

    Examples
    --------
    >>> summarize(nx.MultiDiGraph())["papers"]
    0
    """
    kinds = Counter(kind for _, kind in graph.nodes(data="kind"))
    relations = Counter(relation for _, _, relation in graph.edges(data="relation"))
    ranked = sorted(
        ((data["mention_count"], data["label"], data["kind"]) for _, data in graph.nodes(data=True)
         if data["kind"] != "paper"),
        key=lambda item: (-item[0], item[1]),
    )
    return {
        "papers": kinds.get("paper", 0),
        "entities": {t: kinds.get(t, 0) for t in ENTITY_TYPES},
        "edges": dict(sorted(relations.items())),
        "top": [{"name": name, "type": kind, "mentions": count} for count, name, kind in ranked[:top]],
    }
