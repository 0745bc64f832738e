"""Abbreviations a text defines, "Long Form (LF)", found once and shared by every extractor.

The ``paperkg_abbreviations`` component finds each pair in the manner of
Schwartz and Hearst (2003), as scispaCy's ``AbbreviationDetector`` does, and
keeps the short forms in ``doc.spans["paperkg_abbreviations"]`` with their long
form in ``span._.paperkg_long_form``. The typed extractors then claim the pairs
that are theirs with :func:`add_definitions`: each decides from the long form
(its head noun, its context) whether the pair names one of its things.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from .base import CANDIDATES_KEY, add_candidate, doc_text
from .lexicon import without_descriptor

__all__ = ["ABBREVIATIONS_KEY", "AbbreviationDetector", "acronym_definitions", "add_definitions", "kind_after"]

ABBREVIATIONS_KEY = "paperkg_abbreviations"
# The noun right after "Long Form (SF)", matched where the long form ends: what the pair names ("... (GPD) paradigm",
# "... (SME) Module").
_KIND_AFTER = re.compile(r" \([^()]{1,20}\) (?P<kind>[a-z]+|[A-Z][a-z]+)\b")
if not Span.has_extension("paperkg_long_form"):
    Span.set_extension("paperkg_long_form", default=None)


def kind_after(text: str, long_end: int) -> str | None:
    """The noun, in lower case, right after the short form of the long form that ends at ``long_end``.

    Examples
    --------
    >>> text = "the Sparse Motion Encoding (SME) Module and a Gated Recurrent Unit (GRU) layer"
    >>> kind_after(text, text.index(" (SME)")), kind_after(text, text.index(" (GRU)")), kind_after(text, 3)
    ('module', 'layer', None)
    """
    kind = _KIND_AFTER.match(text, long_end)
    return kind["kind"].lower() if kind else None

# An acronym in parentheses: short, starts with a letter, has a capital.
_PAREN_ACRONYM = re.compile(r"\((?P<short>(?:[A-Za-z]|\d[A-Za-z]+-)[\w^.+-]{0,19})\)")  # ("4D-STraG" too)
_WORD = re.compile(r"[\w^'-]+")


@lru_cache(maxsize=8)  # every typed extractor asks about the same doc text
def acronym_definitions(text: str) -> tuple[tuple[int, int, int, int], ...]:
    """``(long_start, long_end, short_start, short_end)`` for each "Long Form (LF)" in ``text``.

    The long form is the shortest run of preceding words whose initials (and
    inner capitals) spell the acronym in order, in the manner of Schwartz and
    Hearst (2003), so "a novel Context Perception Parallel Decoder (CPPD)"
    keeps only the four words that make up the acronym.

    The other order, "SF (Long Form)", counts too, as in Schwartz and Hearst, and
    so does a short form before a colon and a Title Case long form whose
    capitals spell it: "a new alignment stage, DCR: Discernment via Contrastive
    Refinement".

    Examples
    --------
    >>> text = "We propose a Large Vision Diffusion Transformer (LaVin-DiT) here."
    >>> [(text[a:b], text[c:d]) for a, b, c, d in acronym_definitions(text)]
    [('Large Vision Diffusion Transformer', 'LaVin-DiT')]
    >>> list(acronym_definitions("trained on ImageNet (1.2M images)"))
    []
    >>> text = "a loss to ALign the image and text representations BEfore Fusing (ALBEF)"
    >>> [(text[a:b], text[c:d]) for a, b, c, d in acronym_definitions(text)]
    [('ALign the image and text representations BEfore Fusing', 'ALBEF')]
    >>> text = "we propose LoGAH (Low-rank GrAph Hypernetworks), tested on COCO (Lin et al.)"
    >>> [(text[a:b], text[c:d]) for a, b, c, d in acronym_definitions(text)]
    [('Low-rank GrAph Hypernetworks', 'LoGAH')]
    >>> list(acronym_definitions("the error falls to 35% (LRS2) and 45.7% (LRS3)"))
    []
    >>> text = "we propose M3: Matryoshka Multimodal Models, and two losses: (1) Hyp-PC: Hyperbolic Pairwise Confusion"
    >>> [(text[a:b], text[c:d]) for a, b, c, d in acronym_definitions(text)]
    [('Matryoshka Multimodal Models', 'M3'), ('Hyperbolic Pairwise Confusion', 'Hyp-PC')]
    """
    pairs = [*_acronym_definitions(text), *_short_form_first(text), *_shared_first_word(text), *_colon_first(text)]
    return tuple(sorted(pairs, key=lambda pair: pair[2]))


def _acronym_definitions(text: str) -> Iterator[tuple[int, int, int, int]]:
    for match in _PAREN_ACRONYM.finditer(text):
        short = match["short"]
        if not any(c.isupper() for c in short) or short.count("-") > 2:
            continue
        # No long form runs back over another bracket: "35% (LRS2) and 45.7% (LRS3)" defines nothing.
        window_start = max(0, match.start() - 160, text.rfind(")", 0, match.start()) + 1,
                           text.rfind("(", 0, match.start()) + 1)
        words = list(_WORD.finditer(text, window_start, match.start()))
        # (the digit of a short form that opens on one is spelled too: "4D Scene Trajectory Generator (4D-STraG)")
        letters = [c.lower() for c in short if c.isalpha() or (c.isdigit() and short[0].isdigit())]
        if len(letters) < 2:
            first = _counted_initials(short, words)
            if first is not None:
                yield words[first].start(), words[-1].end(), match.start("short"), match.end("short")
            continue
        for first in range(len(words) - 1, max(-1, len(words) - len(letters) - 4), -1):
            long_form = text[words[first].start() : words[-1].end()]
            if _spells(letters, [w.group() for w in words[first:]]):
                if long_form.casefold() != short.casefold() and "\n" not in long_form:
                    yield words[first].start(), words[-1].end(), match.start("short"), match.end("short")
                break
        else:
            # Capitals picked out of a phrase: "ALign the image ... BEfore Fusing (ALBEF)".
            first = _capitals_spelling(short, words)
            if first is not None:
                yield words[first].start(), words[-1].end(), match.start("short"), match.end("short")


# A short form of two words, the first one the long form's own: "Swin UNEt TRansformers (Swin UNETR)".
_PAREN_TWO_WORDS = re.compile(r"\((?P<first>[A-Z][\w-]*) (?P<short>[A-Z][\w^.+-]{1,19})\)")


def _shared_first_word(text: str) -> Iterator[tuple[int, int, int, int]]:
    """Pairs whose short form keeps the long form's first word and abbreviates the rest.

    Examples
    --------
    >>> text = "a model termed Swin UNEt TRansformers (Swin UNETR) and Mask Region CNN (Mask R-CNN)."
    >>> [(text[a:b], text[c:d]) for a, b, c, d in _shared_first_word(text)]
    [('Swin UNEt TRansformers', 'Swin UNETR'), ('Mask Region CNN', 'Mask R-CNN')]
    >>> list(_shared_first_word("trained on Common Crawl (Common Core)"))
    []
    """
    for match in _PAREN_TWO_WORDS.finditer(text) if " (" in text else ():
        first, short = match["first"], match["short"]
        words = list(_WORD.finditer(text, max(0, match.start() - 160), match.start()))
        letters = [c.lower() for c in short if c.isalpha()]
        for at in range(len(words) - 2, max(-1, len(words) - len(letters) - 5), -1):
            if words[at].group() != first:
                continue
            rest = words[at + 1 :]
            if _spells(letters, [w.group() for w in rest]) or _capitals_spelling(short, rest) == 0:
                yield words[at].start(), words[-1].end(), match.start("first"), match.end("short")
            break


# A short form with a capital, then its long form in parentheses: "LoGAH (Low-rank GrAph Hypernetworks)".
# Tried only at each " (", the short form read backwards from there.
_SHORT_BEFORE = re.compile(r"(?<![\w-])[A-Za-z][\w^.+-]{1,19}$")
_LONG_INSIDE = re.compile(r"[A-Za-z][\w'-]*(?: [A-Za-z0-9][\w'-]*){1,7}(?=\))")
# A word that marks the letters it lends a short form with capitals: "LEarning", "DEtector", "huMan", "iNteraction".
_MNEMONIC_WORD = re.compile(r"(?<![\w-])(?:[A-Z]{2,}[a-z]{2,}|[a-z]+[A-Z][a-z]+)")


def _spelled_by_capitals(short: str, long_form: str) -> int | None:
    """Where a long form whose words mark their letters with capitals ends, when those capitals, in order, spell the
    short form: after the word that lends its last letter (``None`` when they do not spell it).

    Examples
    --------
    >>> long_form = "LEarning 3D huMan-Object iNteraction relation"
    >>> long_form[:_spelled_by_capitals("LEMON", long_form)]
    'LEarning 3D huMan-Object iNteraction'
    >>> long_form = "COntinuous-to-Discrete Adaptation for Tokenizers"
    >>> long_form[:_spelled_by_capitals("CODA", long_form)]
    'COntinuous-to-Discrete Adaptation'
    >>> _spelled_by_capitals("CNN", "Convolutional Neural Network"), _spelled_by_capitals("XYZ", "LEarning Rates")
    (None, None)
    """
    if _MNEMONIC_WORD.search(long_form) is None:
        return None
    capitals = ((at, c) for at, c in enumerate(long_form) if c.isupper())
    last = None
    for letter in (c.upper() for c in short if c.isalpha()):
        last = next((at for at, c in capitals if c == letter), None)
        if last is None:
            return None
    word_end = long_form.find(" ", last)
    return len(long_form) if word_end < 0 else word_end


def _around(text: str, separator: str, short_before: re.Pattern, long_after: re.Pattern,
            reach: int) -> Iterator[tuple[re.Match, re.Match]]:
    """At each ``separator``, the short form ending right before it (within ``reach``) and the long form after it."""
    at = text.find(separator)
    while at >= 0:
        short_match = short_before.search(text, max(0, at - reach), at)
        long_match = long_after.match(text, at + len(separator)) if short_match else None
        at = text.find(separator, at + len(separator))
        if long_match is not None:
            yield short_match, long_match


def _short_form_first(text: str) -> Iterator[tuple[int, int, int, int]]:
    for short_match, long_match in _around(text, " (", _SHORT_BEFORE, _LONG_INSIDE, 21):
        short, long_form = short_match.group(), long_match.group()
        letters = [c.lower() for c in short if c.isalpha()]
        if len(letters) == 1 and short[:1].isupper():
            # "M6 (MultiModality-to-MultiModality Multitask Mega-transformer)": all its words, counted.
            words = list(_WORD.finditer(long_form))
            if _counted_initials(short, words) == 0:
                yield long_match.start(), long_match.end(), short_match.start(), short_match.end()
            continue
        if not any(c.isupper() for c in short) or len(letters) < 2 or short.count("-") > 2:
            continue
        if _spells(letters, long_form.split()) and long_form.casefold() != short.casefold():
            yield long_match.start(), long_match.end(), short_match.start(), short_match.end()
        elif _spelled_by_capitals(short, long_form) is not None:  # (the brackets bound the long form)
            yield long_match.start(), long_match.end(), short_match.start(), short_match.end()


# A short form and a colon, then Title Case words (and the small words between them) up to the last capitalised one;
# tried only at each ": ", the short form read backwards from there.
_SHORT_BEFORE_COLON = re.compile(r"(?<![\w^.+-])[A-Za-z][\w^.+-]{0,19}$")
_TITLED_AFTER_COLON = re.compile(r"[A-Z][\w'-]*"
                                 r"(?: (?:(?:of|for|via|with|and|the|in|to|on|from|by|through|a|an) )*"
                                 r"(?:[A-Z]|[a-z]+(?=[A-Z]))[\w'-]*){1,7}")  # (or a word marking a letter: "rEwards")


def _colon_first(text: str) -> Iterator[tuple[int, int, int, int]]:
    """Pairs "SF: Long Form" whose long form's capitals spell the short form's, or count its letter ("M3")."""
    for short_match, long_match in _around(text, ": ", _SHORT_BEFORE_COLON, _TITLED_AFTER_COLON, 20):
        short, words = short_match.group(), list(_WORD.finditer(long_match.group()))
        if _COUNTED_SHORT.fullmatch(short):
            spelled = _counted_initials(short, words) == 0
        else:
            capitals = "".join(c for c in short if c.isupper())
            spelled = len(capitals) >= 2 and "".join(w.group()[0] for w in words if w.group()[0].isupper()) == capitals
        if spelled:
            yield long_match.start(), long_match.end(), short_match.start(), short_match.end()
        elif (end := _spelled_by_capitals(short, long_match.group())) is not None:
            yield long_match.start(), long_match.start() + end, short_match.start(), short_match.end()


# A letter with the count of words it initials: "T5" (Text-to-Text Transfer Transformer), "S4", "M6".
_COUNTED_SHORT = re.compile(r"[A-Z][2-9]")
# The parts of a word that may lend an initial: "MultiModality-to-MultiModality" has five.
_WORD_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _counted_initials(short: str, words: list[re.Match]) -> int | None:
    """The first of ``words`` from which on as many parts start with the letter of ``short`` as its digit says.

    The first of those words starts with the letter; at most three words lend none.

    Examples
    --------
    >>> text = "a Text-to-Text Transfer Transformer"
    >>> words = list(_WORD.finditer(text))
    >>> text[words[_counted_initials("T5", words)].start():]
    'Text-to-Text Transfer Transformer'
    >>> _counted_initials("T6", words) is None, _counted_initials("X5", words) is None
    (True, True)
    """
    if _COUNTED_SHORT.fullmatch(short) is None:
        return None
    letter, wanted = short[0].lower(), int(short[1])
    count = 0
    for first in range(len(words) - 1, max(-1, len(words) - wanted - 4), -1):
        count += sum(part[0].lower() == letter for part in _WORD_PART.findall(words[first].group()))
        if count > wanted:
            return None
        if count == wanted and words[first].group()[:1].lower() == letter:
            return first
    return None


def _capitals_spelling(short: str, words: list[re.Match]) -> int | None:
    """The first of ``words`` from which on the capitals spell ``short`` exactly, if any (12 words at most)."""
    wanted = "".join(c for c in short if c.isalpha()).upper()
    if len(wanted) < 3 or not short.isupper():
        return None
    capitals = ""
    for first in range(len(words) - 1, max(-1, len(words) - 13), -1):
        capitals = "".join(c for c in words[first].group() if c.isupper()) + capitals
        if capitals == wanted:
            return first if words[first].group()[:1].isupper() else None
        if not wanted.endswith(capitals):
            return None
    return None


# How words open that an acronym's "X" stands for.
_X_OPENINGS = ("ex", "cross", "trans")


def _spells(letters: list[str], words: list[str]) -> bool:
    """Whether the acronym's letters appear in order, its first one starting the first word.

    An "X" stands for the "ex", "cross" or "trans" a word opens on, as the field writes it ("eXtreme").

    Examples
    --------
    >>> _spells(list("xsb"), ["Exaggerated", "Safety", "Benchmark"]), _spells(list("xsb"), ["Safety", "Benchmark"])
    (True, False)
    """
    if not words or not words[0]:
        return False
    opening = words[0].lower()
    if opening[0] != letters[0] and not (letters[0] == "x" and opening.startswith(_X_OPENINGS)):
        return False
    joined = " ".join(words).lower()
    position = 0
    for letter in letters:
        position = joined.find(letter, position)
        if position < 0:
            return False
        position += 1
    # Every word after the first should lend the acronym a letter, or it is not part of it.
    return len(words) <= len(letters) + 1


def add_definitions(
    doc: Doc,
    label: str,
    *,
    rule: str,
    confidence: float,
    accepts: Callable[[str, str, int], bool],
    add: Callable[..., object] | None = None,
) -> None:
    """Add the short and the long form of each pair ``accepts(long_form, short, long_start)`` as ``label``.

    The long form is another name for the short one (``alias_of``). ``add``
    replaces :func:`~extractors.base.add_candidate` for an extractor that checks
    its candidates further (its signature, less the label).

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("We use the Word Error Rate (WER) and a Vision Transformer (ViT).")
    >>> add_definitions(doc, "METRIC", rule="m:definition", confidence=0.9,
    ...                 accepts=lambda long_form, short, at: long_form.endswith("Rate"))
    >>> [(s.text, s._.paperkg_alias_of) for s in doc.spans["paperkg_candidates"]]
    [('WER', None), ('Word Error Rate', 'WER')]
    """
    text = doc_text(doc)
    definitions = acronym_definitions(text)
    # The names lists know, by start, read once: a long form looks only at those it may hold.
    known = sorted((span.start_char, span.end_char, span._.paperkg_confidence)
                   for span in (doc.spans.get(CANDIDATES_KEY, ()) if definitions else ())
                   if span.label_ == label and span._.paperkg_rule.endswith(":gazetteer"))
    known_starts = [start for start, _, _ in known]
    for long_start, long_end, short_start, short_end in definitions:
        long_form, short = text[long_start:long_end], text[short_start:short_end]
        if not accepts(long_form, short, long_start):
            continue
        if doc.char_span(short_start, short_end) is None:
            # "(DPO)-like": the short form is part of a descriptive word, no name of its own there.
            short_start = short_end = None
        # The long form the short one spells is the whole name: it wins over a name a list knows inside it
        # ("Segment Anything Model (SAM)", not "Segment Anything"), unless it describes by that name, which is
        # then a name of its own ("MatFormer-based ViT (MatViT)").
        composed = any(without_descriptor(word, 0, len(word)) < len(word) for word in long_form.split())
        inner = [] if composed else [
            known_confidence for start, end, known_confidence in known[bisect_left(known_starts, long_start):
                                                                       bisect_left(known_starts, long_end)]
            if end <= long_end and (start, end) != (long_start, long_end)]
        long_confidence = max([confidence, *(c + 0.01 for c in inner)])
        if add is None:
            if short_start is not None:
                add_candidate(doc, short_start, short_end, label, rule=rule, confidence=confidence)
            add_candidate(doc, long_start, long_end, label, rule=rule, confidence=long_confidence, alias_of=short)
        else:
            if short_start is not None:
                add(doc, text, short_start, short_end, rule, confidence)
            add(doc, text, long_start, long_end, rule, long_confidence, alias_of=short)


class AbbreviationDetector:
    """Find every "Long Form (LF)" pair: short forms in ``doc.spans["paperkg_abbreviations"]``.

    Each short form's ``span._.paperkg_long_form`` is the long form's span.

    Examples
    --------
    >>> import spacy; from paperkg import extractors
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("paperkg_abbreviations")
    >>> doc = nlp("We propose adaptive draft sampling (ADS), tested on ImageNet (1.2M images).")
    >>> [(s.text, s._.paperkg_long_form.text) for s in doc.spans["paperkg_abbreviations"]]
    [('ADS', 'adaptive draft sampling')]
    """

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        shorts = []
        for long_start, long_end, short_start, short_end in acronym_definitions(doc_text(doc)):
            short = doc.char_span(short_start, short_end, alignment_mode="expand")
            long_form = doc.char_span(long_start, long_end, alignment_mode="expand")
            if short is None or long_form is None:
                continue
            short._.paperkg_long_form = long_form
            shorts.append(short)
        doc.spans[ABBREVIATIONS_KEY] = shorts
        return doc


@Language.factory("paperkg_abbreviations", assigns=["doc.spans", "span._.paperkg_long_form"])
def make_abbreviation_detector(nlp: Language, name: str) -> AbbreviationDetector:
    return AbbreviationDetector(nlp, name)
