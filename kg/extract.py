"""Run the extractors over papers: mentions with evidence, grouped per paper."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

import extractors
from extractors import PROPOSES_KEY, SPANS_KEY

from .model import ENTITY_TYPES, Mention, Paper, normalize_key

__all__ = ["PaperEntities", "extract_papers", "mentions_of", "group_mentions", "gold_record"]


@dataclass
class PaperEntities:
    """What one paper names: its mentions, grouped into entities, and what it proposes.

    ``entities`` maps each type to groups of surface forms, one group per
    entity, the most specific name first (the annotation guidelines' format).
    """

    paper: Paper
    mentions: list[Mention]
    entities: dict[str, list[list[str]]] = field(default_factory=dict)
    proposes: list[str] = field(default_factory=list)


def mentions_of(doc: Doc, paper: Paper) -> list[Mention]:
    """The doc's entity spans as :class:`~kg.model.Mention` records with their sentences."""
    found = []
    for span in doc.spans.get(SPANS_KEY, []):
        sentence = span.sent
        found.append(
            Mention(
                paper_id=paper.id,
                type=span.label_.lower(),
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                sentence=sentence.text,
                sentence_start=sentence.start_char,
                rule=span._.paperkg_rule,
                confidence=round(float(span._.paperkg_confidence), 4),
                canonical=span._.paperkg_canonical,
                alias_of=span._.paperkg_alias_of,
            )
        )
    return found


def _name(mention: Mention) -> str:
    return mention.canonical or mention.text


def group_mentions(mentions: list[Mention]) -> dict[str, list[list[str]]]:
    """Group one paper's mentions into entities by normalized name and alias links.

    Each entity takes the type its mentions carry with the most total
    confidence; names are listed most specific first: the short name an alias
    points to, then by first appearance.

    Examples
    --------
    >>> m = lambda text, start, **kw: Mention("p", kw.pop("type", "model"), text, start,
    ...     start + len(text), "", 0, "test", kw.pop("confidence", 0.9), **kw)
    >>> group_mentions([
    ...     m("Large Vision Diffusion Transformer", 0, alias_of="LaVin-DiT"),
    ...     m("LaVin-DiT", 40), m("Lavin-DiT", 90), m("ImageNet", 120, type="dataset"),
    ... ])
    {'model': [['LaVin-DiT', 'Lavin-DiT', 'Large Vision Diffusion Transformer']], 'dataset': [['ImageNet']], 'benchmark': [], 'metric': [], 'repo': []}
    """
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for mention in mentions:
        key = normalize_key(_name(mention))
        find(key)
        if mention.alias_of and normalize_key(mention.alias_of):
            parent[find(key)] = find(normalize_key(mention.alias_of))

    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: m.start):
        groups[find(normalize_key(_name(mention)))].append(mention)

    entities: dict[str, list[list[str]]] = {t: [] for t in ENTITY_TYPES}
    for root, members in groups.items():
        weight: dict[str, float] = defaultdict(float)
        for mention in members:
            weight[mention.type] += mention.confidence
        entity_type = max(ENTITY_TYPES, key=lambda t: weight.get(t, 0.0))
        pointed_to = {normalize_key(m.alias_of) for m in members if m.alias_of}
        names: list[str] = []
        for mention in sorted(members, key=lambda m: (normalize_key(_name(m)) not in pointed_to, m.start)):
            if _name(mention) not in names:
                names.append(_name(mention))
        entities[entity_type].append(names)
    return entities


def extract_papers(
    papers: Iterable[Paper], nlp: Language | None = None, *, batch_size: int = 64
) -> Iterator[PaperEntities]:
    """Extract every paper's entities, in input order.

    Examples
    --------
    >>> paper = Paper("MambaOut: Do We Really Need Mamba for Vision?",
    ...               "Code: https://github.com/yuweihao/MambaOut")
    >>> found = next(extract_papers([paper]))
    >>> found.entities["repo"]
    [['github.com/yuweihao/MambaOut']]
    """
    nlp = nlp or extractors.make_pipeline()
    papers = list(papers) if not isinstance(papers, list) else papers
    texts = ((paper.text, paper) for paper in papers)
    for doc, paper in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        mentions = mentions_of(doc, paper)
        entities = group_mentions(mentions)
        proposes = _proposed_names(doc, entities)
        yield PaperEntities(paper, mentions, entities, proposes)


def _proposed_names(doc: Doc, entities: dict[str, list[list[str]]]) -> list[str]:
    """First names of the entities the paper proposes, as spelled in ``entities``."""
    first_name = {normalize_key(name): group[0] for groups in entities.values() for group in groups for name in group}
    proposed: list[str] = []
    for span in doc.spans.get(PROPOSES_KEY, []):
        name = first_name.get(normalize_key(span._.paperkg_canonical or span.text))
        if name and name not in proposed:
            proposed.append(name)
    return proposed


def gold_record(found: PaperEntities) -> dict:
    """One line of the annotation guidelines' JSON Lines format."""
    return {
        "title": found.paper.title,
        "entities": {t: [" | ".join(names) for names in found.entities[t]] for t in ENTITY_TYPES},
        "proposes": found.proposes,
    }
