"""Build the knowledge graph: papers, resolved entities, and edges with evidence."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

import networkx as nx

from .aliases import AliasTable
from .core.model import ENTITY_TYPES, Mention, PaperEntities
from .core.schema import DATA_TYPES, IMPLIED_RELATIONS, NODE_KINDS
from .resolve import ResolvedEntity, Resolver

__all__ = ["build_graph", "resolve_entities", "entity_attributes", "first_mention", "entity_variants", "variant_edges",
           "summarize", "most_mentioned"]


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


#: How much less sure a dataset/benchmark relation is when only the entity's type implies it.
TYPE_ONLY_FACTOR = 0.6


def resolve_entities(extracted: Iterable[PaperEntities], *, aliases: AliasTable | None = None,
                     resolver: Resolver | None = None) -> Resolver:
    """Add every name the papers use to ``resolver`` (a new one by default) and return it.

    Examples
    --------
    >>> from paperkg import Paper, extract_papers
    >>> resolver = resolve_entities(extract_papers([Paper("ViT", "We train ViT-B on ImageNet.")]))
    >>> [e.node_id for e in resolver.entities()]
    ['dataset:imagenet', 'model:vit', 'model:vitb']
    """
    aliases = aliases or AliasTable()
    resolver = resolver or Resolver(preferred=set(aliases.canonical.values()))
    for found in extracted:
        counts = Counter(m.canonical or m.text for m in found.mentions)
        for entity_type, groups in found.entities.items():
            for names in groups:
                canonical = {aliases.canonical_of(name) for name in names} - {None} - set(names)
                names = names + sorted(canonical)
                resolver.add(found.paper.id, entity_type, names, mentions=sum(counts[n] for n in names) or 1)
    return resolver


def entity_attributes(entity: ResolvedEntity) -> dict:
    """The node attributes of a resolved entity."""
    return {"kind": entity.type, "label": entity.name, "aliases": entity.aliases,
            "mention_count": entity.mention_count, "paper_count": len(entity.papers)}


def build_graph(extracted: Iterable[PaperEntities], *, aliases: AliasTable | None = None,
                resolver: Resolver | None = None) -> nx.MultiDiGraph:
    """A typed ``MultiDiGraph`` of papers and the entities they name.

    Nodes have a ``kind`` (``paper`` or an entity type) and a ``label``. Every
    edge has a ``relation`` (see :data:`paperkg.core.model.RELATIONS`) and its evidence:
    the ``sentence``, the mention's ``start``/``end`` offsets in the paper text
    (title, blank line, abstract), the extractor ``rule`` and a ``confidence``.
    Each mention is its own ``mentions`` edge; other relations are one edge per
    pair, with the first mention as evidence. A cue ("trained on X", "results
    on X") decides ``uses_dataset`` / ``evaluated_on``; without one the type
    does, at lower confidence. Reported numbers become ``result`` nodes (see
    :mod:`paperkg.results`), linked by ``has_result``. ``aliases`` merges the names
    an alias file groups, under its canonical name.

    ``resolver``, when given, has resolved a larger corpus that ``extracted``
    is one batch of (:mod:`paperkg.stream`): the graph then holds the batch's papers
    and only the entities they name, and no ``variant_of`` edges, which need
    every entity (see :func:`variant_edges`).

    Examples
    --------
    >>> from paperkg import Paper, extract_papers
    >>> papers = [Paper("MambaOut: Do We Really Need Mamba?", "Code: https://github.com/yuweihao/MambaOut.")]
    >>> graph = build_graph(extract_papers(papers))
    >>> [(u[:2], v, d["relation"]) for u, v, d in graph.edges(data=True) if d["relation"] == "has_code"]
    [('p-', 'repo:githubcomyuweihaomambaout', 'has_code')]
    """
    # Paper-id order, not input order: the same papers give the same graph whatever order they come in.
    extracted = sorted(extracted, key=lambda found: found.paper.id)
    whole_corpus = resolver is None
    if whole_corpus:
        resolver = resolve_entities(extracted, aliases=aliases)
        entities = resolver.entities()
    else:
        named = {entity.node_id: entity for entity in (resolver.lookup(m.canonical or m.text)
                                                        for found in extracted for m in found.mentions)}
        entities = [named[node] for node in sorted(named)]

    graph = nx.MultiDiGraph()
    for entity in entities:
        graph.add_node(entity.node_id, **entity_attributes(entity))
    for found in extracted:
        _add_paper(graph, found, resolver)
    if whole_corpus:
        for variant, base, attributes in variant_edges(graph, lambda node: first_mention(graph, node)):
            graph.add_edge(variant, base, key="variant_of", **attributes)
    return graph


def _add_paper(graph: nx.MultiDiGraph, found: PaperEntities, resolver: Resolver) -> None:
    """A paper's node, an edge per mention, the relations its sentences state, and its results."""
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
    cued = _add_data_relations(graph, paper.id, found.mentions, node_of)
    _add_implied_relations(graph, paper.id, first, cued)
    for name in found.proposes:
        node = resolver.lookup(name).node_id
        if node in first:
            graph.add_edge(paper.id, node, key="proposes", relation="proposes",
                           **_evidence(first[node], rule="proposes"))
    _add_comparisons(graph, paper.id, found.mentions, node_of)
    _add_results(graph, found, node_of)


def _add_data_relations(graph: nx.MultiDiGraph, paper: str, mentions: list[Mention],
                        node_of: dict[Mention, str]) -> set[str]:
    """``uses_dataset``/``evaluated_on`` edges a cue in the sentence states; returns the nodes cued."""
    from .relations import data_relations  # here: relations and results load spaCy, which reading a graph never needs

    cued = set()
    for cue in data_relations(mentions):
        node = node_of[cue.mention]
        if graph.nodes[node]["kind"] in DATA_TYPES:
            cued.add(node)
            if not graph.has_edge(paper, node, key=cue.relation):
                graph.add_edge(paper, node, key=cue.relation, relation=cue.relation,
                               **_evidence(cue.mention, rule=cue.rule, confidence=cue.confidence))
    return cued


def _add_implied_relations(graph: nx.MultiDiGraph, paper: str, first: dict[str, Mention], cued: set[str]) -> None:
    """The relation each entity type implies (:data:`~paperkg.core.schema.IMPLIED_RELATIONS`), where no cue spoke."""
    for node, mention in first.items():
        kind = graph.nodes[node]["kind"]
        relation = IMPLIED_RELATIONS.get(kind)
        if relation and node not in cued:
            confidence = round(mention.confidence * TYPE_ONLY_FACTOR, 4) if kind in DATA_TYPES else None
            graph.add_edge(paper, node, key=relation, relation=relation,
                           **_evidence(mention, rule=NODE_KINDS[kind].implied_rule, confidence=confidence))


#: Most model → model comparison edges one paper adds: a listing of names around "outperforms"
#: would otherwise add one for every pair.
MAX_COMPARISONS_PER_PAPER = 200


def _add_comparisons(graph: nx.MultiDiGraph, paper: str, mentions: list[Mention],
                     node_of: dict[Mention, str]) -> None:
    """``compared_with``/``outperforms`` edges between the paper's models, one per pair and paper."""
    from .relations import comparisons

    added = 0
    for relation in comparisons(mentions):
        source, target = node_of[relation.source], node_of[relation.target]
        # A name tagged model here may resolve to a node of another type (mIoU is mostly a metric).
        both_models = graph.nodes[source]["kind"] == graph.nodes[target]["kind"] == "model"
        key = f"{relation.relation}@{paper}"
        if source != target and both_models and not graph.has_edge(source, target, key=key):
            graph.add_edge(source, target, key=key, relation=relation.relation,
                           paper=paper, **_evidence(relation.target, rule=relation.rule,
                                                    confidence=relation.confidence))
            added += 1
            if added == MAX_COMPARISONS_PER_PAPER:
                return


#: Most result nodes one paper adds (a results table pasted into an abstract stays bounded).
MAX_RESULTS_PER_PAPER = 200


def _add_results(graph: nx.MultiDiGraph, found: PaperEntities, node_of: dict[Mention, str]) -> None:
    """One ``result`` node per reported number; its entities are node ids (``None`` when unnamed)."""
    from .results import extract_results, without_split

    node_by_name = {mention.canonical or mention.text: node for mention, node in node_of.items()}
    paper = found.paper

    def node_of_kind(name: str | None, *kinds: str) -> str | None:
        # A name tagged one type may resolve to a node of another (ViT-L named as a metric); a split
        # is of its data's node ("COCO test-dev").
        node = node_by_name.get(name) or (node_by_name.get(without_split(name)) if name else None)
        return node if node and graph.nodes[node]["kind"] in kinds else None

    for number, result in enumerate(islice(extract_results(found), MAX_RESULTS_PER_PAPER)):
        node = f"result:{paper.id}:{number}"
        dataset = node_of_kind(result.dataset_or_benchmark, *DATA_TYPES)
        kind = graph.nodes[dataset]["kind"] if dataset else None
        graph.add_node(node, kind="result", label=result.label, model=node_of_kind(result.model, "model"),
                       benchmark=dataset if kind == "benchmark" else None,
                       dataset=dataset if kind == "dataset" else None,
                       metric=node_of_kind(result.metric, "metric"), value=result.value, unit=result.unit,
                       baseline=node_of_kind(result.baseline, "model"), sentence=result.sentence, start=result.start,
                       end=result.end, sentence_start=result.sentence_start, rule=result.rule,
                       confidence=result.confidence)
        graph.add_edge(paper.id, node, key="has_result", relation="has_result",
                       mention=paper.text[result.start:result.end], sentence=result.sentence, start=result.start,
                       end=result.end, sentence_start=result.sentence_start, rule=result.rule,
                       confidence=result.confidence)


def first_mention(graph: nx.MultiDiGraph, node: str) -> tuple[str, int, dict] | None:
    """``(paper, start, evidence)`` of the earliest ``mentions`` edge into ``node``, by paper id and offset."""
    mentions = [(u, data["start"], data) for u, _, data in graph.in_edges(node, data=True)
                if data["relation"] == "mentions"]
    return min(mentions, key=lambda item: item[:2], default=None)


def entity_variants(entities: Iterable[tuple[str, str, list[str]]]) -> list[tuple[str, str]]:
    """``(variant, base)`` node pairs (``Qwen2-VL-7B`` of ``Qwen2-VL``), sorted, among entities given as
    ``(node id, kind, names)``."""
    from .relations import variant_pairs

    return sorted((variant, base) for variant, base, _ in variant_pairs(entities))


def variant_edges(graph: nx.MultiDiGraph, first: Callable[[str], tuple[str, int, dict] | None]
                  ) -> Iterator[tuple[str, str, dict]]:
    """``(variant, base, attributes)`` of each ``variant_of`` edge among the graph's entities.

    ``first(node)`` gives a node's first mention (see :func:`first_mention`),
    the evidence of the edge; variants never mentioned get no edge.
    """
    named = [(node, data["kind"], [data["label"], *data["aliases"]])
             for node, data in graph.nodes(data=True) if data["kind"] in ENTITY_TYPES]
    for variant, base in entity_variants(named):
        mention = first(variant)
        if mention is not None:
            paper, _, evidence = mention
            yield variant, base, {"paper": paper, **evidence, "relation": "variant_of", "rule": "name:variant",
                                  "confidence": 0.8}


def summarize(graph: nx.MultiDiGraph, *, top: int = 5) -> dict:
    """Counts of papers, entities per type and edges per relation, and top entities.

    Examples
    --------
    >>> summarize(nx.MultiDiGraph())["papers"]
    0
    """
    kinds = Counter(kind for _, kind in graph.nodes(data="kind"))
    relations = Counter(relation for _, _, relation in graph.edges(data="relation"))
    entities = [{"name": data["label"], "type": data["kind"], "mentions": data["mention_count"]}
                for _, data in graph.nodes(data=True) if data["kind"] in ENTITY_TYPES]
    return {
        "papers": kinds.get("paper", 0),
        "entities": {t: kinds.get(t, 0) for t in ENTITY_TYPES},
        "edges": dict(sorted(relations.items())),
        "top": most_mentioned(entities, top),
    }


def most_mentioned(entities: Iterable[dict], top: int = 5) -> list[dict]:
    """The ``top`` entity entries (``name``, ``type``, ``mentions``) by mentions, then name."""
    return sorted(entities, key=lambda entity: (-entity["mentions"], entity["name"]))[:top]
