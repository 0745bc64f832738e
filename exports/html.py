"""A self-contained interactive viewer: one HTML file, WebGL, no network request.

The page draws the **entity map**: models, datasets, benchmarks, metrics and
repos sized by the papers that mention them, linked by what the papers say
(a model evaluated on a benchmark, compared with or outperforming another,
a variant of another, two entities named in the same papers). Papers come on
demand. The layout is computed here, once, with a fixed seed, so the page
paints the final picture at once.

sigma.js and graphology are inlined from ``exports/vendor/`` (a bundle that
``tools/viewer/rebuild.sh`` makes from npm), and the data goes in one
``<script type="application/json">`` element, never into code, with ``<``,
``>``, ``&``, U+2028 and U+2029 escaped. Every string from the input reaches
the page through ``textContent``, never as markup, so a hostile title shows
as text; a Content-Security-Policy forbids any request.

:class:`HtmlSink` gathers, batch by batch, only what the page shows (see
:mod:`paperkg.exports.sink`) and writes the page at ``close()``.
"""
from __future__ import annotations

import hashlib
import json
import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import networkx as nx

from paperkg.core.atomic import write_chunks
from paperkg.core.schema import ENTITY_TYPES, KIND_COLORS, RELATIONS

from .sink import entity_batch, write_graph

__all__ = ["DEFAULT_MAX_NODES", "EVIDENCE_PER_ENTITY", "HtmlSink", "rule_in_words", "generate_html", "write_html"]

#: The entity map shows at most this many entities (the most-mentioned, every type kept).
DEFAULT_MAX_NODES = 50_000
#: Evidence sentences kept per entity (the panel pages through them, 20 at a time).
EVIDENCE_PER_ENTITY = 60
#: The relation every named entity has; the weakest a paper can have with an entity.
_GENERIC = "mentions"
#: How the viewer names the link of two entities named in the same papers (coloured as mentions).
CO_MENTION = "co_mention"
_LAYOUT_SEED = 7
_LAYOUT_ITERATIONS = 300
_ARXIV_ID = re.compile(r"\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
# Paper -> entity relations in order of what they tell: the paper's own thing first, a bare mention last.
_STRENGTH = {name: rank for rank, name in enumerate(sorted(RELATIONS, key=lambda name: name == _GENERIC))}


def rule_in_words(rule: str) -> str:
    """What an extractor rule name means, in plain words, for the viewer's evidence.

    Examples
    --------
    >>> rule_in_words("cue:compared to")
    'the words "compared to" say so'
    >>> rule_in_words("paperkg_model:gazetteer")
    'a known model name'
    >>> rule_in_words("type:benchmark")
    'named in the paper; no cue word says more'
    >>> rule_in_words("result:value+own-model")
    "a number with its unit; the model is the paper's own"
    """
    head, _, tail = rule.partition(":")
    if head == "cue":
        return f'the words "{tail}" say so'
    if head == "type":
        return "named in the paper; no cue word says more"
    if head == "name":
        return "its name extends the other's (a size, edition or version)"
    if head == "proposes":
        return "the paper presents it as its own"
    if head == "result":
        shape, _, model = tail.partition("+")
        words = _RESULT_SHAPES.get(shape, f"a reported number ({shape})")
        return f"{words}; {_RESULT_MODELS[model]}" if model in _RESULT_MODELS else words
    if head.startswith("paperkg_"):
        kind = head.removeprefix("paperkg_")
        return _EXTRACTOR_RULES.get(tail, "{kind} rule " + tail).format(kind=kind)
    return rule


_EXTRACTOR_RULES = {
    "gazetteer": "a known {kind} name",
    "variant": "a variant of a known {kind} name",
    "title": "named in the title as the paper's {kind}",
    "introduced": "introduced by the paper (\"we introduce ...\")",
    "definition": "defined in the text (\"X, a new {kind}\")",
    "shape": "shaped like a {kind} name",
    "cue": "a cue word before it names a {kind}",
    "frame": "the measure a result phrase names",
    "url": "a code link",
}
_RESULT_SHAPES = {
    "value": "a number with its unit", "value-phrase": "a number in a phrase of change",
    "metric-before": "a number after the metric's name", "metric-after": "a number before the metric's name",
    "metric-carried": "a number whose metric an earlier one named", "changed-by": "a change by a number",
    "comparative": "a number with a comparative (faster, fewer)", "in-phrase": "a number in an \"in ...\" phrase",
    "share-of": "a share of a quantity",
}
_RESULT_MODELS = {"own-model": "the model is the paper's own", "subject": "the model is the sentence's subject",
                  "compared": "the model is the one compared"}


@dataclass(frozen=True, order=True)
class _Evidence:
    """One sentence saying something about an entity; ordered as the panel lists them."""

    key: tuple  # (own mention first, stronger relation, surer, paper, offsets): never depends on batches
    paper: str
    sentence: str
    start: int
    end: int
    relation: str
    rule: str
    confidence: float
    other: str | None  # the entity at the other end of an entity-entity link


@dataclass
class _Entity:
    kind: str
    label: str
    aliases: tuple[str, ...]
    mentions: int
    papers: int
    evidence: list[_Evidence] = field(default_factory=list)


def _year(data: dict) -> int | None:
    found = _YEAR.match(str(data.get("update_date") or ""))
    if found:
        return int(found[0])
    arxiv = str(data.get("arxiv_id") or "")
    return 2000 + int(arxiv[:2]) if re.match(r"\d{4}\.", arxiv) else None


class HtmlSink:
    """The viewer as a sink: gathers what the page shows, batch by batch, and writes it at :meth:`close`.

    What it keeps: each entity's name, aliases and counts with at most
    ``evidence_per_entity`` evidence sentences; each paper's title, arXiv id
    and year; which entities each paper names and how; the links between
    entities; the results (model, metric, value) reported on each benchmark
    or dataset. No abstract, no edge attributes beyond these. The page is the
    same whatever the batches were.

    Parameters
    ----------
    path
        The HTML file to write.
    max_nodes
        At most this many entities on the map: the most-mentioned ones, at
        least a share of each type; the page says how many were left out.
    evidence_per_entity
        Evidence sentences kept per entity: its own mentions first (the
        paper's own, then cued relations, then the surest), then its links.
    layout_seed
        The seed of the layout: the same graph and seed draw the same map.

    Examples
    --------
    >>> import tempfile
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p-1", kind="paper", label="</script><b>X</b>", arxiv_id="2405.07992")
    >>> g.add_node("model:x", kind="model", label="X", aliases=[], mention_count=1, paper_count=1)
    >>> _ = g.add_edge("p-1", "model:x", relation="mentions", sentence="We use X.", start=7, end=8,
    ...                sentence_start=0, rule="paperkg_model:gazetteer", confidence=0.9, mention="X")
    >>> path = Path(tempfile.mkdtemp()) / "graph.html"
    >>> write_graph(HtmlSink(path), g)
    >>> page = path.read_text(encoding="utf-8")
    >>> "<b>X</b>" in page, "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003eX" in page
    (False, True)
    """

    def __init__(self, path: str | Path, *, max_nodes: int = DEFAULT_MAX_NODES,
                 evidence_per_entity: int = EVIDENCE_PER_ENTITY, layout_seed: int = _LAYOUT_SEED) -> None:
        self.paths = [Path(path)]
        self._max_nodes, self._evidence_cap, self._seed = max_nodes, evidence_per_entity, layout_seed
        self._entities: dict[str, _Entity] = {}
        self._papers: dict[str, tuple[str, str | None, int | None]] = {}
        self._named: dict[str, dict[str, int]] = {}  # paper -> entity -> bit set of relations
        self._links: dict[tuple[str, str, str], set[str]] = {}  # (source, target, relation) -> papers saying it
        self._results: dict[str, tuple] = {}

    def write(self, batch: nx.MultiDiGraph, *, entities: bool = False) -> None:
        nodes = batch.nodes
        for node, data in batch.nodes(data=True):
            kind = data["kind"]
            if kind in ENTITY_TYPES and node not in self._entities:
                self._entities[node] = _Entity(kind, str(data["label"]), tuple(data.get("aliases") or ()),
                                               int(data.get("mention_count") or 0), int(data.get("paper_count") or 0))
            elif kind == "paper":
                arxiv = str(data.get("arxiv_id") or "")
                self._papers[node] = (str(data.get("label", node)), arxiv if _ARXIV_ID.fullmatch(arxiv) else None,
                                      _year(data))
        touched = set()
        for source, target, key, data in batch.edges(keys=True, data=True):
            relation, source_kind, target_kind = data["relation"], nodes[source]["kind"], nodes[target]["kind"]
            if source_kind == "paper" and target_kind == "result":
                self._add_result(source, target, nodes[target])
            elif source_kind == "paper" and target_kind in ENTITY_TYPES:
                named = self._named.setdefault(source, {})
                named[target] = named.get(target, 0) | 1 << _STRENGTH[relation]
                self._add_evidence(target, source, data, None)
                touched.add(target)
            elif source_kind in ENTITY_TYPES and target_kind in ENTITY_TYPES:
                paper = data.get("paper", key)
                self._links.setdefault((source, target, relation), set()).add(paper)
                self._add_evidence(source, paper, data, target)
                self._add_evidence(target, paper, data, source)
                touched.update((source, target))
        for node in touched:
            self._trim(node)

    def _add_result(self, paper: str, node: str, data: dict) -> None:
        target = data.get("benchmark") or data.get("dataset")
        if target or data.get("model"):
            self._results[node] = (paper, data.get("model"), target, data.get("metric"), data.get("value"),
                                   data.get("unit") or "")

    def _add_evidence(self, node: str, paper: str, data: dict, other: str | None) -> None:
        if data.get("sentence") is None or data.get("start") is None:
            return
        offset = data.get("sentence_start", 0)
        confidence = float(data.get("confidence") or 0)
        relation = data["relation"]
        start, end = data["start"] - offset, data["end"] - offset
        key = (other is not None, _STRENGTH[relation], -confidence, paper, start, end, relation, other or "")
        self._entities[node].evidence.append(_Evidence(key, paper, data["sentence"], start, end, relation,
                                                       str(data.get("rule", "")), confidence, other))

    def _trim(self, node: str) -> None:
        evidence = self._entities[node].evidence
        if len(evidence) > 2 * self._evidence_cap:
            self._entities[node].evidence = _best_evidence(evidence, self._evidence_cap)

    def close(self) -> None:
        write_chunks(self.paths[0], _page(self._viewer_data()))
        self.abort()

    def abort(self) -> None:
        self._entities, self._papers, self._named, self._links, self._results = {}, {}, {}, {}, {}

    def _viewer_data(self) -> dict:
        return viewer_data(self._entities, self._papers, self._named, self._links, self._results,
                           max_nodes=self._max_nodes, evidence_cap=self._evidence_cap, seed=self._seed)


def _best_evidence(evidence: Iterable[_Evidence], cap: int) -> list[_Evidence]:
    """The first ``cap`` evidence items in panel order, one per mention and relation (keeps the stronger)."""
    best, seen = [], set()
    for item in sorted(evidence):
        mention = (item.paper, item.start, item.end, item.other)
        if mention not in seen:
            seen.add(mention)
            best.append(item)
            if len(best) == cap:
                break
    return best


def kept_entities(entities: dict[str, _Entity], max_nodes: int) -> list[str]:
    """The entities the map shows: all, or the ``max_nodes`` most-mentioned with a share for each type.

    Each type present keeps at least its ``max_nodes // (2 * types)`` most
    mentioned (at least one), so no type disappears; the rest of the places
    go to the most-mentioned of any type. Returned in rank order.
    """
    ranked = sorted(entities, key=lambda node: (-entities[node].papers, -entities[node].mentions, node))
    if len(ranked) <= max_nodes:
        return ranked
    by_type: dict[str, list[str]] = {}
    for node in ranked:
        by_type.setdefault(entities[node].kind, []).append(node)
    share = max(1, max_nodes // (2 * len(by_type)))
    kept = {node for nodes in by_type.values() for node in nodes[:share]}
    for node in ranked:
        if len(kept) >= max_nodes:
            break
        kept.add(node)
    return [node for node in ranked if node in kept]


def _entity_links(entities: list[str], index: dict[str, int], named: dict[str, dict[str, int]],
                  links: dict[tuple[str, str, str], set[str]], results: dict[str, tuple]) -> dict:
    """``(a, b) -> {relation: papers}`` between shown entities (a < b by index): the links the map draws.

    Besides the graph's own entity links (compared with, outperforms, variant
    of), a model is evaluated on a benchmark or dataset when a result says so
    or when a paper proposes the model and is evaluated on the other; any two
    entities a paper names are co-mentioned.
    """
    pairs: dict[tuple[int, int], Counter] = {}

    def add(a: int, b: int, relation: str, count: int = 1) -> None:
        pairs.setdefault((a, b) if a < b else (b, a), Counter())[relation] += count

    for (source, target, relation), papers in links.items():
        if source in index and target in index and source != target:
            add(index[source], index[target], relation, len(papers))
    evaluated = set()
    proposes, evaluated_on = 1 << _STRENGTH["proposes"], 1 << _STRENGTH["evaluated_on"]
    for paper, by_entity in named.items():
        shown = sorted(index[node] for node in by_entity if node in index)
        for position, a in enumerate(shown):
            for b in shown[position + 1:]:
                add(a, b, CO_MENTION)
        own = [node for node, bits in by_entity.items() if bits & proposes and node in index]
        on = [node for node, bits in by_entity.items() if bits & evaluated_on and node in index]
        evaluated.update((paper, model, target) for model in own for target in on if model != target)
    for paper, model, target, *_ in results.values():
        if model in index and target in index:
            evaluated.add((paper, model, target))
    for _, model, target in evaluated:
        add(index[model], index[target], "evaluated_on")
    return pairs


def _layout(count: int, pairs: dict, seed: int) -> list[tuple[float, float]]:
    """Positions of ``count`` nodes linked by ``pairs``: Fruchterman-Reingold (igraph, in C), seeded.

    Links pull by the log of how many papers make them, so a hub named in
    thousands of papers does not swallow its neighbours.
    """
    import igraph

    if count == 0:
        return []
    edges = sorted(pairs)
    weights = [1 + math.log(sum(pairs[edge].values())) for edge in edges]
    graph = igraph.Graph(n=count, edges=edges)
    # igraph draws its start and its moves from Python's random module unless told otherwise: give it
    # its own seeded one. The grid variant repels only nodes in nearby cells: linear in the nodes.
    igraph.set_random_number_generator(random.Random(seed))
    try:
        layout = graph.layout_fruchterman_reingold(weights=weights or None, niter=_LAYOUT_ITERATIONS, grid=True)
    finally:
        igraph.set_random_number_generator(random)
    return [(x, y) for x, y in layout.coords]


def _scaled(positions: list[tuple[float, float]], extent: float = 1000.0) -> list[tuple[float, float]]:
    """Positions centred and scaled to ``extent``, rounded; outliers drawn in towards the rest.

    Entities linked to nothing float far from the map; beyond twice the
    median distance from the centre they are brought into a band just
    outside it, so the first view spends the screen on the map rather than
    on its stragglers.
    """
    if not positions:
        return []
    cx = sorted(x for x, _ in positions)[len(positions) // 2]
    cy = sorted(y for _, y in positions)[len(positions) // 2]
    radii = sorted(math.hypot(x - cx, y - cy) for x, y in positions)
    core = 2 * radii[len(radii) // 2] or 1.0
    squashed = []
    for x, y in positions:
        radius = math.hypot(x - cx, y - cy)
        factor = 1.0 if radius <= core else core * (1 + 0.3 * math.tanh((radius - core) / core)) / radius
        squashed.append(((x - cx) * factor / core * extent, (y - cy) * factor / core * extent))
    return [(round(x, 1), round(y, 1)) for x, y in squashed]


def _jitter(name: str, radius: float) -> tuple[float, float]:
    """A small offset fixed by ``name``: papers sit around the entities they name, never on one point."""
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    angle = int.from_bytes(digest[:4]) / 2 ** 32 * 2 * math.pi
    distance = radius * math.sqrt(int.from_bytes(digest[4:]) / 2 ** 32)
    return distance * math.cos(angle), distance * math.sin(angle)


def viewer_data(entities: dict[str, _Entity], papers: dict[str, tuple], named: dict[str, dict[str, int]],
                links: dict[tuple[str, str, str], set[str]], results: dict[str, tuple], *,
                max_nodes: int = DEFAULT_MAX_NODES, evidence_cap: int = EVIDENCE_PER_ENTITY,
                seed: int = _LAYOUT_SEED) -> dict:
    """The page's data, as compact JSON-ready lists (indices into tables rather than repeated strings)."""
    shown = kept_entities(entities, max_nodes)
    index = {node: number for number, node in enumerate(shown)}
    pairs = _entity_links(shown, index, named, links, results)
    positions = _scaled(_layout(len(shown), pairs, seed))

    relation_names = [*RELATIONS, CO_MENTION]
    relation_index = {name: number for number, name in enumerate(relation_names)}
    kinds = [*ENTITY_TYPES, "paper"]
    kind_index = {kind: number for number, kind in enumerate(kinds)}

    paper_ids = sorted(paper for paper, by_entity in named.items() if any(node in index for node in by_entity))
    paper_index = {paper: number for number, paper in enumerate(paper_ids)}
    entity_papers: list[list[int]] = [[] for _ in shown]
    paper_rows = []
    for paper in paper_ids:
        by_entity = named[paper]
        mine = sorted((index[node], bits) for node, bits in by_entity.items() if node in index)
        for node, bits in mine:
            strongest = min(_STRENGTH_ORDER[bit] for bit in _bits(bits))
            entity_papers[node] += [paper_index[paper], relation_index[strongest]]
        x = sum(positions[node][0] for node, _ in mine) / len(mine)
        y = sum(positions[node][1] for node, _ in mine) / len(mine)
        dx, dy = _jitter(paper, 25.0)
        title, arxiv, year = papers.get(paper, (paper, None, None))
        paper_rows.append([paper, title, arxiv, year, round(x + dx, 1), round(y + dy, 1)])

    sentences: dict[str, int] = {}
    rules: dict[str, int] = {}
    entity_rows = []
    for number, node in enumerate(shown):
        entity = entities[node]
        evidence = [[paper_index.get(item.paper, -1), sentences.setdefault(item.sentence, len(sentences)),
                     item.start, item.end, relation_index[item.relation], rules.setdefault(item.rule, len(rules)),
                     round(item.confidence, 3), index.get(item.other, -1) if item.other else -1]
                    for item in _best_evidence(entity.evidence, evidence_cap)]
        x, y = positions[number]
        entity_rows.append([node, kind_index[entity.kind], entity.label, list(entity.aliases), entity.papers,
                            entity.mentions, x, y, entity_papers[number], evidence])

    names: dict[str, int] = {}
    result_rows = []
    for paper, model, target, metric, value, unit in sorted(results.values(), key=_result_order):
        if target in index or model in index:
            result_rows.append([paper_index.get(paper, -1), _name_of(model, entities, names),
                                index.get(target, -1), index.get(model, -1), _name_of(metric, entities, names),
                                value, unit])
    # Every pair places the layout; the map draws what a paper says and what two papers or more share.
    link_rows = [[a, b, *[item for name, count in sorted(relations.items(), key=lambda rc: relation_index[rc[0]])
                          for item in (relation_index[name], count)]]
                 for (a, b), relations in sorted(pairs.items()) if len(relations) > 1 or relations[CO_MENTION] != 1]

    totals = Counter(entity.kind for entity in entities.values())
    return {
        "kinds": [{"name": kind, "color": KIND_COLORS[kind]} for kind in kinds],
        "relations": [{"name": name, "label": name.replace("_", " ") if name != CO_MENTION else "named together",
                       "color": RELATIONS[name].color if name in RELATIONS else RELATIONS[_GENERIC].color,
                       "description": RELATIONS[name].description if name in RELATIONS
                       else "entities named in the same papers (how many: the link's weight)"}
                      for name in relation_names],
        "totals": {**{kind: totals.get(kind, 0) for kind in ENTITY_TYPES}, "paper": len(papers)},
        "entities": entity_rows,
        "papers": paper_rows,
        "links": link_rows,
        "results": result_rows,
        "names": list(names),
        "sentences": list(sentences),
        "rules": [[rule, rule_in_words(rule)] for rule in rules],
        "evidence_cap": evidence_cap,
    }


_STRENGTH_ORDER = {rank: name for name, rank in _STRENGTH.items()}


def _bits(bits: int) -> Iterator[int]:
    rank = 0
    while bits:
        if bits & 1:
            yield rank
        bits >>= 1
        rank += 1


def _result_order(result: tuple) -> tuple:
    paper, model, target, metric, value, unit = result
    return (target or "", metric or "", model or "", paper, value if isinstance(value, (int, float)) else 0, unit)


def _name_of(node: str | None, entities: dict[str, _Entity], names: dict[str, int]) -> int:
    if node is None or node not in entities:
        return -1
    return names.setdefault(entities[node].label, len(names))


def _script_safe_json(value: object) -> str:
    """JSON that cannot end or confuse the ``<script>`` element it sits in: ``<``, ``>``, ``&``, U+2028/9 escaped.

    Examples
    --------
    >>> _script_safe_json(["</script>", "a & b", "\\u2028"])
    '["\\\\u003c/script\\\\u003e","a \\\\u0026 b","\\\\u2028"]'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                          ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _vendor_script() -> str:
    folder = resources.files(__package__).joinpath("vendor")
    manifest = json.loads(folder.joinpath("sigma-graphology.json").read_text(encoding="utf-8"))
    return folder.joinpath(manifest["file"]).read_text(encoding="utf-8")


def _page(data: dict) -> Iterator[str]:
    template = resources.files(__package__).joinpath("templates", "viewer.html").read_text(encoding="utf-8")
    # Split the template first, then put the parts in: nothing in the data or the bundle is ever searched.
    head, rest = template.split("/*VENDOR_JS*/")
    middle, tail = rest.split("/*GRAPH_DATA*/")
    yield head
    yield _vendor_script().replace("</script", "<\\/script")
    yield middle
    yield _script_safe_json(data)
    yield tail


def generate_html(graph: nx.MultiDiGraph, **options: object) -> Iterator[str]:
    """The viewer page of a whole graph, as text chunks; ``options`` as for :class:`HtmlSink`.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p-1", kind="paper", label="<script>alert(1)</script>")
    >>> page = "".join(generate_html(g))
    >>> "<script>alert(1)</script>" in page, "default-src 'none'" in page
    (False, True)
    """
    sink = HtmlSink("unused.html", **options)
    sink.write(graph)
    sink.write(entity_batch(graph), entities=True)
    yield from _page(sink._viewer_data())


def write_html(graph: nx.MultiDiGraph, path: str | Path, **options: object) -> None:
    """Write the viewer page of a whole graph to ``path``; ``options`` as for :class:`HtmlSink`."""
    write_graph(HtmlSink(path, **options), graph)
