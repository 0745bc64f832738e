"""Find a gazetteer's names in a doc: one Aho-Corasick pass, checked against the tokens.

The file format (``=`` case-sensitive entries, ``~`` common-noun entries) is
described in :mod:`extractors.lexicon`, which loads the files.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc

from .base import doc_text
from .lexicon import extend_name

__all__ = ["Gazetteer"]


class Gazetteer:
    """Known names of one type, found as spaCy's PhraseMatcher would and widened over suffixes.

    A name matches a run of whole tokens with its tokens' texts (``=`` names)
    or their lower case (the others), as a PhraseMatcher matches. The runs are
    found in one Aho-Corasick pass over the lower-cased text and checked
    against the tokens, which costs a fraction of matching token by token.
    Names fused with a version (``LLaMA2``, ``ResNet50``, ``Llama-2``) are one
    token to spaCy, so a second pass looks the letters before such a suffix
    up in the same list.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> gazetteer = Gazetteer(nlp, ["LLaMA", "Stable Diffusion", "=CLIP"])
    >>> doc = nlp("LLaMA2-13B beats stable diffusion; a clip of CLIP.")
    >>> [(doc.text[s:e], known) for s, e, known in gazetteer.find(doc)]
    [('CLIP', True), ('stable diffusion', True), ('LLaMA2-13B', True)]
    """

    def __init__(self, nlp: Language, names: Iterable[str]):
        names = list(names)
        self._repeated = {n[1:].casefold() for n in names if n.startswith("~")}
        names = [n.lstrip("~") for n in names]
        exact = [n[1:] for n in names if n.startswith("=")]
        folded = [n for n in names if not n.startswith("=")]
        # Each spelling of a name, lower-cased, maps to (exact, the tokens to check).
        self._automaton = ahocorasick.Automaton()
        for is_exact, group in ((True, exact + _plurals(exact)), (False, folded + _plurals(folded))):
            for pattern in nlp.tokenizer.pipe(group):
                words = tuple(t.text if is_exact else t.lower_ for t in pattern)
                if not words:
                    continue
                for spelling in _spellings(words):
                    key = _fold(spelling)
                    length, entries = self._automaton.get(key, (len(key), []))
                    entries.append((is_exact, words))
                    self._automaton.add_word(key, (length, entries))
        self._automaton.make_automaton()
        self._folded_stems = {n.casefold() for n in folded}
        self._exact_stems = set(exact)

    def __contains__(self, text: str) -> bool:
        return text.casefold() in self._folded_stems or text in self._exact_stems

    def _matches(self, doc: Doc, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Character offsets of the exact and of the case-folded names' token runs."""
        found = ([], [])
        for last, (length, entries) in self._automaton.iter(_fold(text)):
            span = doc.char_span(last + 1 - length, last + 1)  # None unless it starts and ends with tokens
            if span is None:
                continue
            start, end = span.start_char, span.end_char
            for is_exact, words in entries:
                if len(span) == len(words) and all(
                    (t.text if is_exact else t.lower_) == word for t, word in zip(span, words)
                ):
                    found[0 if is_exact else 1].append((start, end))
        return found

    def find(self, doc: Doc) -> list[tuple[int, int, bool]]:
        """``(start, end, known)`` for every name in ``doc``, widened over prefixes and suffixes.

        ``known`` is false when a prefix made a new name (``KG-LLaVA``), which
        may be the paper's own; versions (``LLaMA-2-13B``) stay known.
        """
        seen = set()
        text = doc_text(doc)
        found = []
        for matches in self._matches(doc, text):
            # The longest name at each start: "Swin Transformers" rather than "Swin".
            for start, end in sorted(matches, key=lambda m: (m[0], -m[1])):
                if start not in seen:
                    seen.add(start)
                    found.append(self._widen(text, start, end))
        for start, end, stem, folded in _fused_stems(text):
            if start not in seen and (folded in self._folded_stems or stem in self._exact_stems):
                seen.add(start)
                found.append(self._widen(text, start, end))
        return self._drop_lone_common_nouns(text, found) if self._repeated else found

    def _drop_lone_common_nouns(self, text: str, found: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
        """Without the ``~`` names used on their own fewer than twice."""

        def common(start: int, end: int) -> bool:
            return _stem(text[start:end]).casefold() in self._repeated

        def inside_another(start: int, end: int) -> bool:
            return any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in found)

        alone = [(s, e) for s, e, _ in found if common(s, e) and not inside_another(s, e)]
        if len(alone) >= 2:
            return found
        return [(s, e, known) for s, e, known in found if not common(s, e)]

    def _widen(self, text: str, start: int, end: int) -> tuple[int, int, bool]:
        # A version of a known name is still known; a new prefix makes a new name.
        prefix = _NAME_PREFIX.search(text, max(0, start - 16), start)
        known = prefix is None or prefix.end() != start
        if not known:
            start = prefix.start()
        return start, extend_name(text, end), known


def _spellings(words: tuple[str, ...]) -> list[str]:
    """The texts a run of these tokens can have: each joined to the next with a space or nothing."""
    spellings = [words[0]]
    for word in words[1:]:
        spellings = [spelling + joint + word for spelling in spellings for joint in ("", " ")]
    return spellings


@lru_cache(maxsize=8)  # every gazetteer searches the same doc text
def _fold(text: str) -> str:
    """``text`` lower-cased character by character, so offsets stay those of ``text``.

    Examples
    --------
    >>> _fold("İ GPT-4"), len(_fold("İ GPT-4"))
    ('İ gpt-4', 7)
    """
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    # A few characters lower-case to two ("İ"); they are in no name, so they may stay.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@lru_cache(maxsize=8)  # every gazetteer searches the same doc text
def _fused_stems(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """``(start, end, letters, casefolded letters)`` of every word's letters before a version or plural suffix."""
    return tuple((m.start(), m.end(), m.group(), m.group().casefold()) for m in _FUSED_STEM.finditer(text))


def _plurals(names: list[str]) -> list[str]:
    """Plurals of several-word names ("Swin Transformers"): spaCy keeps the ``s`` on the last token."""
    return [name + "s" for name in names if " " in name and name[-1:].isalpha() and not name.endswith("s")]


def _stem(name: str) -> str:
    """A name without its plural ``s`` or version suffix: what the gazetteer lists."""
    match = _FUSED_STEM.match(name)
    return match.group() if match and match.end() < len(name) else name


# Letters directly followed by a version or plural: the stem of a fused name.
_FUSED_STEM = re.compile(r"(?<![\w./-])[A-Za-z][A-Za-z]{1,29}(?=-?v?\d|s(?![\w-]))")
# A capitalised word hyphenated onto a known name: "KG-LLaVA", "Video-LLaVA". Anchored at the
# name, so an earlier hyphenated word ("GPT-2; and Bio-LLaVA") is not taken for its prefix.
_NAME_PREFIX = re.compile(r"(?<![\w-])[A-Z0-9][A-Za-z0-9]{0,14}-$")
