"""Relations between a paper's entities, read from cue words in its sentences."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Mention

__all__ = ["TYPE_RELATIONS", "Relation", "comparisons"]

#: The paper → entity relation each entity type implies (besides ``mentions``).
TYPE_RELATIONS = {
    "benchmark": "evaluated_on",
    "dataset": "uses_dataset",
    "repo": "has_code",
    "metric": "reports_metric",
}

# Words that put what follows them in comparison with what comes before.
_COMPARISON_CUE = re.compile(
    r"\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?|"
    r"compared (?:to|with)|comparison (?:to|with)|against|than|over|versus|vs\.?|rival(?:s|ing)?|"
    r"on par with|matches|matching)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Relation:
    """A directed relation between two mentions, with the sentence as evidence."""

    relation: str
    source: Mention
    target: Mention
    rule: str
    confidence: float


def comparisons(mentions: list[Mention]) -> Iterator[Relation]:
    """``compared_with`` relations: model before a comparison cue → model after it.

    Examples
    --------
    >>> s = "Our Giraffe outperforms LLaMA 2 on long contexts."
    >>> m = lambda text: Mention("p", "model", text, s.index(text), s.index(text) + len(text), s, 0, "t", 0.9)
    >>> [(r.source.text, r.target.text, r.rule) for r in comparisons([m("Giraffe"), m("LLaMA 2")])]
    [('Giraffe', 'LLaMA 2', 'cue:outperforms')]
    """
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        if mention.type == "model":
            by_sentence.setdefault(mention.sentence_start, []).append(mention)
    for sentence_start, models in by_sentence.items():
        if len(models) < 2:
            continue
        sentence = models[0].sentence
        for cue in _COMPARISON_CUE.finditer(sentence):
            cue_at = sentence_start + cue.start()
            before = [m for m in models if m.end <= cue_at]
            after = [m for m in models if m.start >= cue_at + len(cue[0])]
            if not before or not after:
                continue
            subject = before[-1]
            for other in after:
                if other.text != subject.text:
                    confidence = round(min(subject.confidence, other.confidence) * 0.8, 4)
                    yield Relation("compared_with", subject, other, f"cue:{cue[0].lower()}", confidence)
            break
