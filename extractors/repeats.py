"""A name the abstract establishes once is the same name wherever it appears again.

An acronym definition, the title's "Name:", a cue noun or a naming verb find a
name at one place ("Autoregressive Representation Alignment (ARRA)"); later
sentences use it bare ("ARRA reduces FID by 25.5%"), where no rule fires. The
``paperkg_repeats`` component adds those occurrences as candidates of the same
type, so every sentence about the thing has its mention (result tuples and
relations read them).
"""
from __future__ import annotations

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc

from .base import CANDIDATES_KEY, add_candidate, doc_text, evidence_table
from .lexicon import extend_name

__all__ = ["RepeatFinder"]

# Rules (the part after "component:") that establish a name in the doc.
_ESTABLISHING = frozenset({"definition", "title", "cue", "introduced", "listed", "sized"})


class RepeatFinder:
    """Add every other standalone occurrence of a name an establishing rule found.

    Examples
    --------
    >>> import spacy; from paperkg import extractors
    >>> nlp = spacy.blank("en")
    >>> for name in ("paperkg_model", "paperkg_repeats"):
    ...     _ = nlp.add_pipe(name)
    >>> doc = nlp("We propose Autoregressive Representation Alignment (ARRA). ARRA cuts FID; xARRA does not; "
    ...           "ARRA-Lite does.")
    >>> [(s.text, s._.paperkg_rule) for s in doc.spans["paperkg_candidates"] if s.text.startswith("ARRA")]
    [('ARRA', 'paperkg_model:definition'), ('ARRA', 'paperkg_repeats:repeat'), ('ARRA-Lite', 'paperkg_repeats:variant')]
    """

    def __init__(self, nlp: Language, name: str, *, confidence: float):
        self.name = name
        self.confidence = confidence

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        table = evidence_table(doc)
        established: dict[str, tuple[str, float]] = {}
        for span in doc.spans.get(CANDIDATES_KEY, []):
            rule, confidence = table.get((span.start_char, span.end_char), (None, 0.0))[:2]
            if rule and rule.rpartition(":")[2] in _ESTABLISHING and len(span.text) > 1:
                established.setdefault(text[span.start_char : span.end_char], (span.label_, confidence))
        for start, name in _occurrences(text, established):
            end = start + len(name)
            label, confidence = established[name]
            if _standalone(text, start, end) and (start, end) not in table:
                add_candidate(doc, start, end, label, rule=f"{self.name}:repeat",
                              confidence=min(confidence, self.confidence))
            elif (label != "METRIC" and text[end : end + 1] == "-" and not _joined_before(text, start)
                  and (variant_end := extend_name(text, end)) > end + 1 and (start, variant_end) not in table):
                # A variant named after it: "STC introduces two accelerators: STC-Cacher, ... and STC-Pruner".
                add_candidate(doc, start, variant_end, label, rule=f"{self.name}:variant",
                              confidence=min(confidence, self.confidence))
        return doc


def _occurrences(text: str, names) -> list[tuple[int, str]]:
    """``(start, name)`` of every occurrence of the names in ``text``.

    A string search per name for the few names an abstract establishes; one Aho-Corasick
    pass when there are many, so a text naming thousands stays linear.
    """
    if len(names) <= 8:
        found = []
        for name in names:
            start = text.find(name)
            while start >= 0:
                found.append((start, name))
                start = text.find(name, start + 1)
        return found
    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, name)
    automaton.make_automaton()
    return [(last + 1 - len(name), name) for last, name in automaton.iter(text)]


def _standalone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a word of its own: no word character or hyphen joins it."""
    after = text[end : end + 1]
    return not _joined_before(text, start) and not (after.isalnum() or after in "_-")


def _joined_before(text: str, start: int) -> bool:
    """Whether a word character, a hyphen or a slash joins ``text[start:]`` to what comes before."""
    before = text[start - 1 : start]
    return before.isalnum() or before in "_-/"


@Language.factory(
    "paperkg_repeats",
    default_config={"confidence": 0.75},
    requires=["doc.spans"],
    assigns=["doc.spans", "span._.paperkg_rule", "span._.paperkg_confidence"],
)
def make_repeat_finder(nlp: Language, name: str, confidence: float) -> RepeatFinder:
    return RepeatFinder(nlp, name, confidence=confidence)
