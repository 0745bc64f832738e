"""Find a gazetteer's names in a doc: one Aho-Corasick pass, checked against the tokens.

The file format (``=`` case-sensitive entries, ``~`` common-noun entries) is
described in :mod:`extractors.lexicon`, which loads the files.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc

from .base import doc_text
from .lexicon import extend_name

__all__ = ["Gazetteer"]


_LOWER_THEN_CAPITALS = re.compile(r"[a-z]{1,2}[A-Z]{2,}")
# A Title Case word right before or after another: "Health Records", "Records at Health".
_TITLE_CASE_BEFORE = re.compile(r"(?<![\w-])[A-Z][a-z]+ $")
_TITLE_CASE_AFTER = re.compile(r" (?:(?:at|of|for|in|and|the) )?[A-Z][a-z]+(?![\w-])")
# A capitalised word that modifies the next one ("Diffusion Transformer", "Graph-Aware Transformer"): not a
# function word nor a verb's "-ing" form, before which a name stands alone ("The Transformer", "Using Transformers").
_CAPITALISED_MODIFIER = re.compile(
    r"(?<![\w-])(?!(?:The|A|An|Our|This|These|Its|Their|Each|Every|All|Both|Any|With|Without|For|In|On|Of|By|To|"
    r"From|Via|And|Or|Versus|Vs|Than|Beyond|Towards?|Into|Over|Under|Is|Are|Do|Does|Can|When|Why|How|What)"
    r" )[A-Z][\w-]*[a-z0-9](?<!ing) $")
# A domain or kind of data before a common-noun name in lower case: the phrase names a class of models ("vision
# transformers", "a diffusion transformer", "graph transformers"), not the architecture.
_DOMAIN_MODIFIER = re.compile(r"(?<![\w-])(?:vision|visual|graph|diffusion|video|image|audio|speech|point|spatial|temporal|"
                              r"latent|linear|causal) $")


class Gazetteer:
    """Known names of one type, found as spaCy's PhraseMatcher would and widened over suffixes.

    A name matches a run of whole tokens with its text (``=`` names) or its
    lower case (the others), spaces between tokens aside, as a PhraseMatcher
    matches, whatever the tokens inside the run. The runs are
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
    >>> doc = nlp("We serve with vLLM, unlike VLLMs.")
    >>> [doc.text[s:e] for s, e, _ in Gazetteer(nlp, ["vLLM"]).find(doc)]
    ['vLLM']
    >>> doc = nlp("Results on ADE20k and ADE20K here.")
    >>> [doc.text[s:e] for s, e, _ in Gazetteer(nlp, ["ADE20K"]).find(doc)]
    ['ADE20k', 'ADE20K']
    >>> doc = nlp("We record brain activity in Electronic Health Records and test on ReCoRD.")
    >>> [doc.text[s:e] for s, e, _ in Gazetteer(nlp, ["ReCoRD"], lower_case_words=False).find(doc)]
    ['ReCoRD']
    """

    def __init__(self, nlp: Language, names: Iterable[str], *, spaced_versions: bool = True,
                 lower_case_words: bool = True, editions: bool = False):
        # Whether a version after a space is the name's ("Llama 2"), as for models and data;
        # a metric's next number is its value ("FID 8.3").
        self._spaced_versions = spaced_versions
        # Whether a plain lower-case word names what the list spells with capitals, as a model's
        # name may be written ("flamingo"); data's rarely is ("record brain activity" is no ReCoRD).
        self._lower_case_words = lower_case_words
        # Whether a subset or a year after a space is the name's, as shared data's are ("AIME 2024").
        self._editions = editions
        names = list(names)
        self._repeated = {n[1:].casefold() for n in names if n.startswith("~")}
        names = [n.lstrip("~") for n in names]
        # A name that opens on lower case before capitals ("vLLM", "xLSTM") is that spelling: in capitals it is
        # another word ("VLLMs", vision LLMs).
        as_spelled = {n for n in names if _LOWER_THEN_CAPITALS.match(n)}
        exact = [n[1:] for n in names if n.startswith("=")] + [n for n in names if n in as_spelled]
        folded = [n for n in names if not n.startswith("=") and n not in as_spelled]
        # Each spelling of a name, lower-cased, maps to (exact, the tokens to check).
        spellings: dict[str, tuple[int, list[tuple[bool, tuple[str, ...]]]]] = {}
        for is_exact, group in ((True, exact + _plurals(exact)), (False, folded + _plurals(folded))):
            for pattern in nlp.tokenizer.pipe(group):
                words = tuple(t.text if is_exact else t.lower_ for t in pattern)
                if not words:
                    continue
                for spelling in _spellings(words):
                    key = _fold(spelling)
                    spellings.setdefault(key, (len(key), []))[1].append((is_exact, words))
        self._folded_stems = {n.casefold() for n in folded}
        # One-word names with capitals in them ("ReCoRD", "GLUE", "Whisper"), which a plain lower-case word is not.
        # (A "~" name is a common noun as well: "transformer" names Transformer when the text repeats it.)
        self._capitalised_words = {n.casefold() for n in folded if n.isalpha() and not n.islower()} - self._repeated
        # ... and those in mixed case ("ReCoRD", not "GLUE" nor "Whisper"), which a Title Case word is not either
        # where it stands among others ("Electronic Health Records").
        self._mixed_case_words = {n.casefold() for n in folded if n.isalpha() and not n[1:].islower()
                                  and not n.isupper()} - self._repeated
        self._exact_stems = set(exact)
        # The stems are found by the same search, before the check that they are fused to a suffix.
        for stem in self._folded_stems | {n.lower() for n in exact}:
            if _STEM_LETTERS.fullmatch(stem):
                spellings.setdefault(stem, (len(stem), []))
        self._spellings = spellings
        self._id = _SHARED.register(spellings)

    def __setstate__(self, state: dict) -> None:
        # Another process has its own shared automaton: the names join it there.
        self.__dict__.update(state)
        self._id = _SHARED.register(self._spellings)

    def __contains__(self, text: str) -> bool:
        return text.casefold() in self._folded_stems or text in self._exact_stems

    def _matches(self, doc: Doc, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
        """Character offsets of the exact and of the case-folded names' token runs, and of fused stems.

        A fused stem is what ``_FUSED_STEM`` finds at a word's start ("LLaMA" in "LLaMA2")
        when it is one of the names.
        """
        found = ([], [], [])
        for last, by_gazetteer in _SHARED.hits(_fold(text)):
            if self._id not in by_gazetteer:
                continue
            length, entries = by_gazetteer[self._id]
            stem = text[last + 1 - length : last + 1]
            if stem.casefold() in self._folded_stems or stem in self._exact_stems:
                fused = _FUSED_STEM.match(text, last + 1 - length)
                if fused is not None and fused.end() == last + 1:
                    found[2].append(fused.span())
            if not entries:
                continue
            span = doc.char_span(last + 1 - length, last + 1)  # None unless it starts and ends with tokens
            if span is None:
                continue
            start, end = span.start_char, span.end_char
            # The tokens inside may split otherwise than the name's ("ADE20K" is "ADE20", "K";
            # "ADE20k" one token): the run's text, spaces aside, is what must match.
            joined = text[start:end].replace(" ", "")
            for is_exact, words in entries:
                if (joined if is_exact else joined.lower()) == "".join(words):
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
        exact, folded, fused = self._matches(doc, text)
        for matches in (exact, folded):
            # The longest name at each start: "Swin Transformers" rather than "Swin".
            for start, end in sorted(matches, key=lambda m: (m[0], -m[1])):
                if matches is folded and self._plain_word_written(text, start, end):
                    continue
                if start not in seen:
                    seen.add(start)
                    found.append(self._widen(text, start, end))
        for start, end in sorted(fused):  # one stem at most starts at each character
            if self._plain_word_written(text, start, end):
                continue  # "medical records" (the stem "record" and its plural) names no ReCoRD either
            if start not in seen:
                seen.add(start)
                found.append(self._widen(text, start, end))
        return self._drop_lone_common_nouns(text, found) if self._repeated else found

    def _plain_word_written(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is a plain lower-case word where data's list has a name with capitals."""
        # "record brain activity" names no ReCoRD, "a whisper" no Whisper (but "tiny-imagenet" does name one).
        return (not self._lower_case_words and text[start - 1 : start] != "-" and text[end : end + 1] != "-"
                and (self._plain_word_for(text[start:end], self._capitalised_words, str.islower)
                     or (self._plain_word_for(text[start:end], self._mixed_case_words, str.istitle)
                         and (_TITLE_CASE_BEFORE.search(text, max(0, start - 30), start) is not None
                              or _TITLE_CASE_AFTER.match(text, end) is not None))))

    @staticmethod
    def _plain_word_for(written: str, names: set[str], written_so: Callable[[str], bool]) -> bool:
        """Whether a plain word, written so, stands where the list has one of ``names``, or its plural."""
        if not (written.isalpha() and written_so(written)):
            return False
        written = written.casefold()
        return written in names or (written.endswith("s") and written[:-1] in names)

    def _drop_lone_common_nouns(self, text: str, found: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
        """Without the ``~`` names used on their own fewer than twice."""

        title_end = text.find("\n")

        def common(start: int, end: int) -> bool:
            # (Capitalised, the name stands alone: "on Transformer architectures"; in lower case it is the class.)
            return text[start].islower() and _stem(text[start:end]).casefold() in self._repeated

        def compound_head(start: int, end: int) -> bool:
            # Capitalised after a capitalised modifier in the title, where every word is capitalised, it is the class
            # the phrase names: "Diffusion Transformer", "Graph Transformers".
            return (start < title_end and text[start].isupper() and _stem(text[start:end]).casefold() in self._repeated
                    and _CAPITALISED_MODIFIER.search(text, max(0, start - 40), start) is not None)

        def domain_class(start: int, end: int) -> bool:
            return common(start, end) and _DOMAIN_MODIFIER.search(text, max(0, start - 20), start) is not None

        found = [(s, e, known) for s, e, known in found if not compound_head(s, e)]
        inside = _inside_another(found)
        alone = [(s, e) for s, e, _ in found if common(s, e) and (s, e) not in inside]
        if len(alone) >= 2:
            return [(s, e, known) for s, e, known in found if not domain_class(s, e)]
        return [(s, e, known) for s, e, known in found if not common(s, e)]

    def _widen(self, text: str, start: int, end: int) -> tuple[int, int, bool]:
        # A version of a known name is still known; a new prefix makes a new name.
        end = extend_name(text, end, spaced=self._spaced_versions, editions=self._editions)
        if text[start - 1 : start] != "-":  # _NAME_PREFIX ends in one: no need to search
            return start, end, True
        prefix = _NAME_PREFIX.search(text, max(0, start - 16), start)
        known = prefix is None or prefix.end() != start
        if not known:
            start = prefix.start()
        elif (identifier := _IDENTIFIER_HEAD.search(text, max(0, start - 60), start)) is not None:
            # A known name at the end of a lower-case identifier is that identifier's part: the whole
            # is the name ("paraphrase-multilingual-mpnet-base-v2"), a known one's variant.
            start = identifier.start()
        return start, end, known


class _SharedAutomaton:
    """One Aho-Corasick automaton for the names of every distinct gazetteer.

    A pass over a text costs about as much for one gazetteer as for all of
    them, and a pipeline has four: each text is searched once, and each
    gazetteer picks its own names from the hits. A gazetteer with the same
    spellings as an earlier one (every pipeline built in a process has the
    same four) shares its entries.
    """

    def __init__(self) -> None:
        self._automaton = ahocorasick.Automaton()
        self._ids: dict[tuple, int] = {}
        self._searched: dict[str, tuple] = {}

    def register(self, spellings: dict[str, tuple[int, list]]) -> int:
        """The id under which ``spellings`` (folded spelling -> (length, entries)) are found."""
        content = tuple(sorted((key, length, tuple(entries)) for key, (length, entries) in spellings.items()))
        if content in self._ids:
            return self._ids[content]
        gazetteer_id = self._ids[content] = len(self._ids)
        for key, value in spellings.items():
            by_gazetteer = self._automaton.get(key, {})
            by_gazetteer[gazetteer_id] = value
            self._automaton.add_word(key, by_gazetteer)
        self._automaton.make_automaton()
        self._searched.clear()
        return gazetteer_id

    def hits(self, folded_text: str) -> tuple[tuple[int, dict[int, tuple[int, list]]], ...]:
        """``(last character, {gazetteer id: (length, entries)})`` of every spelling in the text."""
        found = self._searched.get(folded_text)
        if found is None:
            if len(self._searched) >= 8:  # the gazetteers of one pipeline ask about the same doc text
                self._searched.clear()
            found = self._searched[folded_text] = tuple(self._automaton.iter(folded_text))
        return found


_SHARED = _SharedAutomaton()


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


def _plurals(names: list[str]) -> list[str]:
    """Plurals of several-word names ("Swin Transformers"): spaCy keeps the ``s`` on the last token."""
    return [name + "s" for name in names if " " in name and name[-1:].isalpha() and not name.endswith("s")]


def _inside_another(found: list[tuple[int, int, bool]]) -> set[tuple[int, int]]:
    """The ``(start, end)`` of every span of ``found`` lying inside another, different one: one sorted sweep.

    Examples
    --------
    >>> sorted(_inside_another([(0, 10, True), (2, 5, True), (2, 5, False), (12, 14, True)]))
    [(2, 5)]
    """
    inside, reach = set(), -1
    # By start, the longer first: every span that could hold this one comes before it.
    for start, end in sorted({(start, end) for start, end, _ in found}, key=lambda span: (span[0], -span[1])):
        if reach >= end:
            inside.add((start, end))
        reach = max(reach, end)
    return inside


def _stem(name: str) -> str:
    """A name without its plural ``s`` or version suffix: what the gazetteer lists."""
    match = _FUSED_STEM.match(name)
    return match.group() if match and match.end() < len(name) else name


# Letters directly followed by a version or plural: the stem of a fused name.
_FUSED_STEM = re.compile(r"(?<![\w./-])[A-Za-z][A-Za-z]{1,29}(?=-?v?\d|s(?![\w-]))")
_STEM_LETTERS = re.compile(r"[a-z]{2,30}")
# A capitalised word hyphenated onto a known name: "KG-LLaVA", "Video-LLaVA". Anchored at the
# name, so an earlier hyphenated word ("GPT-2; and Bio-LLaVA") is not taken for its prefix.
# Two lower-case words or more joined by hyphens right before a name, with nothing before them but a space or a bracket.
_IDENTIFIER_HEAD = re.compile(r"(?<![\w./-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+-$")
# A prefix that makes a new name of a known one: capitals ("KG-LLaVA"), a size ("tiny-imagenet") or one lower-case
# letter ("m-MMLU", "e-SNLI": multilingual, explained).
_NAME_PREFIX = re.compile(r"(?<![\w-])(?:[A-Z0-9][A-Za-z0-9]{0,14}|tiny|mini|micro|nano|small|[a-z])-$")
