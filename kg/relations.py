"""Relations between a paper's entities, read from cue words in its sentences and from names.

* ``outperforms`` / ``compared_with``: model before a comparison cue → model after it
  ("X outperforms Y", "compared to Y", "X vs Y");
* ``evaluated_on`` / ``uses_dataset``: paper → dataset or benchmark named right after an
  evaluation cue ("results on X", "evaluate on X", "benchmarks such as X") or a training
  cue ("trained on X", "pre-trained on X", "fine-tuned on X");
* ``variant_of``: entity → entity whose name it extends by a size, edition or version
  ("Qwen2-VL-7B" → "Qwen2-VL", "LLaVA-1.5" → "LLaVA").
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .core.model import Mention
from paperkg.extractors.roles import CUE_WINDOW as _CUE_WINDOW
from paperkg.extractors.roles import EVAL_CUE as _EVAL_CUE
from paperkg.extractors.roles import PLAIN_ON as _PLAIN_ON
from paperkg.extractors.roles import TRAIN_CUE as _TRAIN_CUE

from .core.schema import DATA_TYPES
from .resolve import entity_key

__all__ = [
    "COMPARISON_CUE",
    "Relation",
    "DataRelation",
    "comparisons",
    "data_relations",
    "strip_variant",
    "variant_pairs",
]

# Cues that rank what comes before them above what follows.
_OUTPERFORM = re.compile(r"^(?:outperform|surpass|beat|exceed|outshin)", re.IGNORECASE)

#: Words that put what follows them in comparison with what comes before.
COMPARISON_CUE = re.compile(
    r"\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?|"
    r"outshin(?:es|ed|ing)|compar(?:ed|ing) (?:to|with)|comparison (?:to|with)|against|versus|vs\.?|"
    r"(?<!more )(?<!less )(?<!fewer )(?<!rather )(?<!other )(?<!greater )(?<!larger )(?<!smaller )than|over|"
    r"rival(?:s|ing)?|on par with|matches|matching)\b",
    re.IGNORECASE,
)

_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)(?:the\s+)?$")


@dataclass(frozen=True)
class Relation:
    """A directed relation between two mentions, with the sentence as evidence."""

    relation: str
    source: Mention
    target: Mention
    rule: str
    confidence: float


@dataclass(frozen=True)
class DataRelation:
    """A paper → dataset/benchmark relation a cue before the mention supports."""

    relation: str
    mention: Mention
    rule: str
    confidence: float


def comparisons(mentions: list[Mention]) -> Iterator[Relation]:
    """``outperforms`` or ``compared_with`` relations: model before a cue → models after it.

    Examples
    --------
    >>> s = "Our Giraffe outperforms LLaMA 2 on long contexts, compared to MPT."
    >>> m = lambda text: Mention("p", "model", text, s.index(text), s.index(text) + len(text), s, 0, "t", 0.9)
    >>> [(r.relation, r.source.text, r.target.text, r.rule) for r in comparisons([m("Giraffe"), m("LLaMA 2")])]
    [('outperforms', 'Giraffe', 'LLaMA 2', 'cue:outperforms')]
    >>> s = "SOLO performs comparably to LLaVA-v1.5-7B vs. Fuyu."
    >>> [(r.relation, r.target.text) for r in comparisons([m("SOLO"), m("Fuyu")])]
    [('compared_with', 'Fuyu')]
    """
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        if mention.type == "model":
            by_sentence.setdefault(mention.sentence_start, []).append(mention)
    for sentence_start, models in by_sentence.items():
        if len(models) < 2:
            continue
        sentence = models[0].sentence
        for cue in COMPARISON_CUE.finditer(sentence):
            cue_at = sentence_start + cue.start()
            before = [m for m in models if m.end <= cue_at]
            after = [m for m in models if m.start >= cue_at + len(cue[0])]
            if not before or not after:
                continue
            subject = before[-1]
            relation = "outperforms" if _OUTPERFORM.match(cue[0]) else "compared_with"
            for other in after:
                if other.text != subject.text:
                    confidence = round(min(subject.confidence, other.confidence) * 0.8, 4)
                    yield Relation(relation, subject, other, f"cue:{cue[0].lower()}", confidence)
            break


def data_relations(mentions: list[Mention]) -> Iterator[DataRelation]:
    """``uses_dataset`` / ``evaluated_on`` for data mentions right after a training or evaluation cue.

    A list continues its head's cue ("trained on COCO, CC3M and LAION" gives
    all three); a bare "on X" is an evaluation cue, weaker than a named one.

    Examples
    --------
    >>> s = "Pre-trained on LAION-5B and CC3M, it reports results on MMBench; benchmarks such as GQA."
    >>> m = lambda text, t="dataset": Mention("p", t, text, s.index(text), s.index(text) + len(text), s, 0, "t", 0.9)
    >>> [(r.relation, r.mention.text, r.rule) for r in data_relations(
    ...     [m("LAION-5B"), m("CC3M"), m("MMBench", "benchmark"), m("GQA", "benchmark")])]
    [('uses_dataset', 'LAION-5B', 'cue:pre-trained on'), ('uses_dataset', 'CC3M', 'cue:pre-trained on'), ('evaluated_on', 'MMBench', 'cue:results on'), ('evaluated_on', 'GQA', 'cue:benchmarks such as')]
    """
    data = sorted((m for m in mentions if m.type in DATA_TYPES), key=lambda m: m.start)
    previous: DataRelation | None = None
    for mention in data:
        local = mention.start - mention.sentence_start
        window = mention.sentence[max(0, local - _CUE_WINDOW):local]
        found = _cue_relation(mention, window)
        if found is None and previous is not None and previous.mention.sentence_start == mention.sentence_start:
            gap = mention.sentence[previous.mention.end - mention.sentence_start:local]
            if _LIST_GAP.match(gap):
                found = DataRelation(previous.relation, mention, previous.rule, previous.confidence)
        if found is not None:
            yield found
        previous = found


def _cue_relation(mention: Mention, window: str) -> DataRelation | None:
    train = _TRAIN_CUE.search(window)
    if train:
        words = " ".join(train[0].split()[:1] + [w for w in train[0].split()[1:] if w.lower() in ("on", "with", "using", "from")][:1])
        return DataRelation("uses_dataset", mention, f"cue:{words.lower()}", mention.confidence)
    evaluation = _EVAL_CUE.search(window)
    if evaluation:
        words = evaluation[0].split()
        cue = evaluation["cue"] or evaluation["list"] or "value"  # "an FID of 5.47 on X"
        tail = [w for w in words if w.lower() in ("on", "across", "over", "in", "such", "as", "including", "like",
                                                   "namely", "e.g.", "e.g.,")]
        return DataRelation("evaluated_on", mention, f"cue:{cue.lower()} {' '.join(tail[:2]).lower()}".strip(),
                            mention.confidence)
    if _PLAIN_ON.search(window):
        return DataRelation("evaluated_on", mention, "cue:on", round(mention.confidence * 0.85, 4))
    return None


# A trailing size, edition or version: -7B, -13B, -XL, -Base, -Chat, -Instruct, v1.5, -2, 2.0.
_VARIANT_SUFFIX = re.compile(
    r"(?:[\s_-]+(?:\d+(?:\.\d+)?[kKmMbBtT]|X{0,2}L|Base|Large|Small|Tiny|Huge|Giant|Mini|Medium|Chat|Instruct|"
    r"Pro|Plus|Turbo|Lite|Flash|Ultra|HD|It)|[\s_-]*[vV]?\d+(?:\.\d+)*|(?<=[a-z])\d+(?:\.\d+)*)$"
)


def strip_variant(name: str) -> Iterator[str]:
    """Ever shorter forms of a name, one size / edition / version suffix off at a time.

    Examples
    --------
    >>> list(strip_variant("Qwen2-VL-7B-Instruct"))
    ['Qwen2-VL-7B', 'Qwen2-VL']
    >>> list(strip_variant("LLaVA-v1.5")), list(strip_variant("ResNet50")), list(strip_variant("S4"))
    (['LLaVA'], ['ResNet'], [])
    """
    current = name.strip()
    while True:
        shorter = _VARIANT_SUFFIX.sub("", current).rstrip(" -_")
        if shorter == current or len(entity_key(shorter)) < 2 or not re.search(r"[A-Za-z]{2}", shorter):
            return
        yield shorter
        current = shorter


def variant_pairs(entities: Iterable[tuple[str, str, list[str]]]) -> Iterator[tuple[str, str, str]]:
    """``(variant node, base node, variant name)`` for entities whose name extends another's.

    ``entities`` gives ``(node id, kind, names)``; a variant links to the
    closest shorter name that is itself an entity of the same kind.

    Examples
    --------
    >>> nodes = [("model:qwen2vl7b", "model", ["Qwen2-VL-7B"]), ("model:qwen2vl", "model", ["Qwen2-VL"]),
    ...          ("model:llava15", "model", ["LLaVA-1.5"]), ("model:llava", "model", ["LLaVA"]),
    ...          ("dataset:llava", "dataset", ["LLaVA-Instruct"])]
    >>> sorted(variant_pairs(nodes))
    [('model:llava15', 'model:llava', 'LLaVA-1.5'), ('model:qwen2vl7b', 'model:qwen2vl', 'Qwen2-VL-7B')]
    """
    entities = list(entities)
    node_of: dict[tuple[str, str], str] = {}
    for node, kind, names in entities:
        for name in names:
            node_of.setdefault((kind, entity_key(name)), node)
    for node, kind, names in entities:
        for name in names:
            base = next((node_of[kind, entity_key(s)] for s in strip_variant(name) if (kind, entity_key(s)) in node_of), None)
            if base is not None and base != node:
                yield node, base, name
                break
