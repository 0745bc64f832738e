"""Named datasets and benchmarks: ``ImageNet``, ``LAION-5B``, ``MMLU``, ``the X benchmark``.

The two types share their rules and differ in their gazetteer and cue
nouns, so one class serves both factories, ``paperkg_dataset`` and
``paperkg_benchmark``. A cue noun beats the gazetteer: "on the ImageNet-256
benchmark" is a benchmark although ImageNet is listed as a dataset, since
the guidelines follow how each abstract uses a name.
"""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from spacy.language import Language
from spacy.tokens import Doc

from .abbreviations import acronym_definitions, add_definitions
from .base import add_candidate, candidate_offsets, doc_text
from .gazetteer import Gazetteer
from .lexicon import (
    DATA_HEAD_WORD,
    DATA_HEADS,
    HEADS,
    YEAR,
    co_listed_names,
    finditer_at_words,
    introduced_names,
    is_generic,
    is_name_shaped,
    judged_per_part,
    language_names,
    known_keys,
    line_bounds,
    load_names,
    name_shaped_words,
    names_task,
    sentence_start,
    without_descriptor,
    word_automaton,
)
from .model import title_name_mentions
from .roles import reports_experiments_before, role_before

__all__ = ["DataExtractor", "cued_names", "listed_names", "titled_names"]

# A name word: capitalised, all-caps, with digits, or lower-case with inner capitals (kMaX).
# A dot only inside a word, so "on ImageNet. We" ends at the full stop.
_NAME_WORD = r"(?:(?:[A-Z0-9]|[a-z]{1,6}[A-Z])(?:[\w+/-]|\.(?=\w)){0,30}|v\d+(?:\.\d+)*)"  # (or a version: "NAVSIM v2")
# In a list read forwards, lower case with digits too ("..., Kinetics-400, sstv2"); read backwards from a
# cue noun, where every lower-case letter would start a try, it stays out.
_LISTED_WORD = r"(?:[A-Z0-9]|[a-z]{1,6}[A-Z]|[a-z]{2,8}\d)(?:[\w+/-]|\.(?=\w)){0,30}"
# Up to four name words right before a cue noun, or a list item before it.
_NAME_BEFORE = re.compile(r"(?:" + _NAME_WORD + r" ){0,3}" + _NAME_WORD
                          + r"(?: \d{2,4} ?[x×*] ?\d{2,4})?\s*$")  # (a resolution after it: "ImageNet 512 x 512")
# Up to three lower-case words between a name and its noun, none of them a joining word.
_TASK_WORDS = re.compile(
    r"(?<= )(?:(?!(?:and|or|of|on|in|for|to|with|across|from|by|at|as|the|its|their)\b)[a-z][a-z-]+ ){1,3}"
    r"(?P<acronym>[A-Z]{2,5} )?$"  # the last may be a task's acronym: "the SROIE receipt OCR dataset"
)
# Words that make "X several benchmarks" a description rather than "X prediction benchmarks".
_VAGUE_WORDS = frozenset(
    "this these that our a an each both all new several multiple various existing standard popular public "
    "large small extensive challenging diverse many most other two three four five six seven eight nine ten "
    "different common widely used well-known downstream academic".split()
)
_LIST_JOINER = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)(?:the\s+)?$")
_LIST_AFTER = re.compile(
    r"\s*\((?=[A-Za-z])(?:e\.g\.,?\s*|i\.e\.,?\s*)?"  # "three datasets (LVU, COIN and Breakfast)"
    r"|\s*(?:,\s*|\s)(?:such as|including|like|namely|e\.g\.,?|i\.e\.,?|for (?:example|instance),?)?\s*:?\s*"
    r"|\s*:\s*"  # "four face anti-spoofing databases: CASIA, REPLAY-ATTACK, ..."
)
# A name after a cue noun and a bare comma that a lower-case word follows, not a list's end: a subject and its verb.
_SUBJECT_AFTER = re.compile(r"\s+(?!(?:and|or|respectively|datasets?|benchmarks?)\b)[a-z]")
# Examples a few words on, in the same clause: "benchmarks, particularly ones that involve spatial
# understanding (e.g., RefCOCO, OCID-Ref, TallyQA)", "datasets with complex motions, such as CLCD1 and CLCD2".
_EXAMPLES_LATER = re.compile(r"[^.;:()]{1,100}?(?:\((?:e\.g\.|i\.e\.|such as|including|for example)[,:]?"
                             r"|,\s+(?:such as|including|for example,|for instance,))\s*")
# A coined name with a year is an edition of shared data or a shared task ("CoNLL-2003",
# "ACE 2005", "VOC2007"), which models are not named after; it outranks the name alone.
_EDITION = re.compile(r"(?P<name>[A-Z](?<![\w-][A-Z])(?:[a-z]{0,30}[A-Z][A-Za-z]{0,30}|[A-Z]{1,30}))[- ]?" + YEAR
                      + r"(?![\w-])")
# An edition that opens a longer name is an event's or a programme's: "ICDAR 2023 Competition on ...", "SemEval-2025
# Task 4", "the ISCSLP 2024 Inspirational ... Challenge", "FIRE 2021 conference".
_EVENT_AFTER = re.compile(r" (?:[A-Z]|(?:conference|workshop|competition|challenge|track|task|curriculum)\b)")
_VENUE_BEFORE = re.compile(r"\b(?:[Ww]orkshop|[Cc]onference|[Ss]ymposium|[Pp]roceedings)\b[^.;]{0,80}\($")
# (a version goes on a listed name: "i.e., THUMOS14 and ActivityNet v1.3")
_NAME_AFTER = re.compile(_LISTED_WORD + r"(?: (?:" + _LISTED_WORD + r"|v\d+(?:\.\d+)*(?![\w-]))){0,3}")
# Between list items, optionally after the item's task ("X image classification and Y segmentation").
_JOINER_AFTER = re.compile(
    r"(?:\s*\([A-Za-z][\w^+-]{0,15}\)|\s*\(\d[^()]{0,24}\))?"  # an item's short form: "Long Range Arena (LRA),
    # WikiText, ...", or its score: "ActivityNet-1.3 (40.01% mAP), HACS Segments (38.39% mAP)"
    r"(?:\s+(?:(?!(?:and|or|of|on|in|for|to|with|the|as)\b)[a-z][a-z-]+\s+){0,3}?(?<=\s)(?=(?:and|or|&)\s)|"
    r"(?:\s+(?!(?:and|or|of|on|in|for|to|with|the|as)\b)[a-z][a-z-]+){0,3}?(?=,))?"
    r"(?: ?,\s*(?:and\s+|or\s+)?|\s*(?:and|or|&)\s+)"  # (a space before a comma where a citation was cut)
)
# A list joiner that is a comma alone (perhaps after an aside), with no "and" or "or".
_BARE_COMMA = re.compile(r"(?:\s*\([^)]*\))? ?,\s*")
# Capitalised words that begin a sentence or describe, not name, a dataset.
_NOT_NAMES = frozenset(
    "the this these that our a an each both all new several multiple various existing standard popular "
    "public large small extensive challenging diverse real synthetic video image text audio code "
    "larger smaller bigger longer shorter largest smallest biggest "
    "three two four five six several seven eight nine ten many most other english chinese multilingual "
    "bilingual vision speech language visual textual robotics medical "
    # Pronouns before a verb that is also a cue noun: "We benchmark X".
    "we it they you i one "
    # Words that open a clause: "Since collecting summarization datasets is costly, ...".
    "since while although though because when whereas if unlike despite given after before "
    # A sentence may open with the preposition before a name: "On ImageNet 256x256 benchmark, ...".
    "on in for with across from at to by of via using as".split()
)


# A purpose of evaluation right after a defined name.
_TO_EVALUATE = re.compile(r",?\s+(?:(?:designed|built|intended|meant|used)\s+)?(?:to|for)\s+(?:evaluat|assess|measur|test|"
                          r"benchmark|prob|quantif|diagnos)\w*\b")
# One thing of a kind named right after a defined name: "the Brain Tumor Segmentation (BraTS) challenge". (Not a
# plural: "out-of-distribution (OOD) benchmarks" are a class of them.)
_KIND_AFTER = {
    "DATASET": re.compile(r"\s+(?:dataset|database|corpus)\b(?!-)"),
    "BENCHMARK": re.compile(r"\s+(?:benchmark|challenge|competition|leaderboard|shared task)\b(?!-)", re.IGNORECASE),
}
# A name with two capitals or a digit ("VQA", "NLVR^2", "ImageNet-1K"), and a sentence opening on a list of them.
_OPENER_NAME = re.compile(r"(?<![\w^-])(?=[\w^+.-]*[A-Z0-9^][\w^+.-]*[A-Z0-9])[A-Z][\w^+.-]*[\w^+]")


def _on_openers(text: str) -> list[re.Match]:
    """Each sentence or clause that opens on "On X and Y,", found from "On " or a clause's "on " (a string search,
    then the pattern): "On VQA, ALBEF ...", "...; on CIRR, it boosts R@1 by 9.6%; and on CIRCO, it ..."."""
    found = []
    for opening, pattern in (("On ", _ON_OPENER), ("; ", _CLAUSE_ON_OPENER)):
        at = text.find(opening)
        while at >= 0:
            # ("On" where a sentence starts; a clause's "; on" opens wherever it stands)
            opens = opening == "; " or at == 0 or text[at - 1] == "\n" or (
                text[at - 1] == " " and text[at - 2 : at - 1] in (".", "!", "?"))
            if opens and (match := pattern.match(text, at)) is not None:
                found.append(match)
            at = text.find(opening, at + len(opening))
    return found


_ON_NAMES = (r"(?:the )?(?P<names>(?:[A-Z][\w^+.-]*)(?:(?:, | and |, and )(?:the )?[A-Z][\w^+.-]*){0,5})"
             r"(?: (?:benchmarks?|datasets?))?,\s")
_ON_OPENER = re.compile(r"On " + _ON_NAMES)
_CLAUSE_ON_OPENER = re.compile(r"; (?:and |while |whereas )?on " + _ON_NAMES)
# A coined name described in apposition as one thing of a kind: "HaystackCraft, a new NIAH benchmark built on ...",
# "PolyRefuse, a multilingual safety dataset created by ...", "GLVC (Grounding Long Video Clues), a long video
# question-answering dataset",
# "ZorbQA, the largest dataset of ..." (the kind heads the description: not "X, a reward-guided dataset distillation
# framework", nor "X, the best model in the Y dataset").
_DESCRIBED_AS_KIND = re.compile(
    r"(?<![\w-])(?P<name>[A-Z](?=[\w^+-]*?[A-Z0-9])[\w^+-]*|[A-Z][a-z]+[A-Z][\w^+-]*)"
    r"(?: \([^()]{1,80}\))?, (?:a|an|the) "  # (its long form or short form between: "GLVC (Grounding Long Video Clues), a")
    r"(?P<modifiers>(?:(?!(?:in|on|of|for|with|from|by|at)\b)[\w-]+,? ){0,5}?)"
    r"(?P<kind>" + DATA_HEAD_WORD + r")"
    r"(?=\s*[,.;:(]|\s+(?:for|of|that|which|with|built|designed|to|where|and|in|on|from|[a-z]+ing|[a-z]{3,}ed)\b)")
_CAPITALISED_WORD_BEFORE = re.compile(r"[A-Z][\w-]* $")
# A coined name and its kind, capitalised as a title: "the RAFT Benchmark", "the VSPW Dataset" (a name of two capitals
# or digits at least, not a phrase's word: "A Benchmark", "Noisy Dataset", "Multiple-Choice Benchmarks"). A "Corpus" or
# "Challenge" so written is part of the name ("the CodeSearchNet Challenge"), left to the shape.
_NAME_THEN_TITLED_KIND = re.compile(r"(?<![\w^+.-])(?!(?:[A-Z][a-z]+-)+[A-Z][a-z]+ )"
                                    r"(?P<name>(?=[\w^+.-]*[A-Z0-9][\w^+.-]*[A-Z0-9])[A-Z][\w^+.-]*[\w^+]) "
                                    r"(?P<kind>Benchmark|Dataset)\b")
# A name right before the split of data it gives: "the NTCIR-9 test data", "NIST03 evaluation data" (a word with
# capitals and a digit or two capitals; "test data" alone, or "True ... test data", names nothing).
# (Its characters are a word's and hyphens only, and it starts after none of them: a run of "A.A.A." or of
# capitals is read once, not from each of its letters.)
_SPLIT_DATA_AFTER = re.compile(r"(?<![\w.-])(?P<name>[A-Z](?=[\w-]*[A-Z0-9])[\w-]*[A-Za-z0-9])\s+(?:test|evaluation|development|dev)"
                               r"\s+data\b")
# A name in parentheses right after a score: "25.5% (MIMIC-CXR)", "an FID of 7.5 (ImageNet)".
# (Found from " (", which the regex engine skips to fast, then the score looked for before it.)
_AFTER_SCORE = re.compile(r" \((?P<name>[A-Z][\w-]*[A-Za-z0-9](?: [A-Z0-9][\w-]*){0,2})\)")
_SCORE_BEFORE = re.compile(r"\d(?:\.\d+)?\s?(?:%|\\%|x|×)?$")
# A word that modifies the noun after it, whatever it is made of: "KG-based", "LiDAR-only", "CLIP-guided".
_MODIFIER_ENDING = re.compile(r"-(?:based|like|style|aware|guided|driven|free|specific|centric|level|wise|oriented|"
                              r"powered|enhanced|augmented|only|inspired|sized|type)$")
# An all-capital word of three to eight letters, perhaps with digits after ("GPQA", "AIME24").
# (The capital comes before the lookbehind: the regex engine skips to capitals fast.)
_ACRONYM = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{2,7}\d{0,4}(?![\w-])"
                      # or a code of capitals and digits, hyphenated parts too: "XM3600", "FSS-1000", "T-IC13"
                      # (not hardware, one capital and digits: "A100")
                      r"|[A-Z](?<![\w-][A-Z])(?:[A-Z]+\d+[A-Z]?|[A-Z]{0,7}(?>-[A-Z0-9]{0,2}[A-Za-z0-9]{1,7})+)(?![\w-])")
# What stands right before an evaluation target: its preposition, or a list it continues.
_RIGHT_BEFORE_TARGET = (" on ", " on the ", " across ", " over ", " in ", ", ", " and ", " or ", " as ", " including ",
                        " like ", "e.g., ")
# A lower-case word after it: the acronym modifies a noun ("MRI scans", "NLP tasks").
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|with|in|on|for|to|by|as|at|from|while|where|which|that|than|across|over|"
                         r"using|benchmarks?|datasets?|respectively)\b)[a-z]")
# ... unless it is the verb of a report on the one name "on" gives: "Experiments on IEMOCAP show that ...".
_REPORTED_ON = re.compile(r"(?<!\s)\s+(?:show|shows|showed|demonstrate|demonstrates|demonstrated|reveal|reveals|revealed|"
                          r"indicate|indicates|confirm|confirms|suggest|suggests|verify|verifies|validate|validates)\b")


# A capitalised compound of plain words describes, not names: "a Multi-ability, Multi-range benchmark".
_COMPOUND_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)+")


@lru_cache(maxsize=8)  # the dataset and the benchmark extractor ask of the same doc text
def _described_short_forms(text: str) -> frozenset[str]:
    """Short forms the text defines with plain words for something else: "Math word problem (MWP) solving".

    "eight MWP datasets" are then datasets of such problems, no dataset named MWP.

    Examples
    --------
    >>> sorted(_described_short_forms("Math word problem (MWP) solving, on the Foo Bar Corpus (FBC). "
    ...                               "Video Question Answering (VideoQA) is hard."))
    ['MWP', 'VideoQA']
    """
    described = set()
    for long_start, long_end, short_start, short_end in acronym_definitions(text):
        long_form = text[long_start:long_end]
        # (A sentence may open on the long form; a task's name may be in Title Case: "Video Question Answering".)
        if ((long_form[1:].islower() or names_task(text, long_form, min(long_start, short_start)))
                and long_form.rsplit(None, 1)[-1].lower() not in DATA_HEADS
                # (unless one thing of a kind follows: "the Brain Tumor Segmentation (BraTS) challenge")
                and not any(kind.match(text, short_end + 1) for kind in _KIND_AFTER.values())):
            described.add(text[short_start:short_end])
    return frozenset(described)


# A challenge's edition is part of its name: "the 2018 DCASE challenge", "MICCAI 2024 X challenge", "X Challenge 2023".
_EDITION_BEFORE = re.compile(r"(?<![\w-])(?:[A-Z]{2,8}[ -]?)?(?:19|20)\d\d $")
_EDITION_AFTER = re.compile(r" (?:19|20)\d\d(?![\w-])")


def _with_edition(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a challenge's name with the venue and year before it or the year after it.

    Examples
    --------
    >>> text = "Task 4 of the 2018 DCASE challenge; the PVUW Challenge 2023; the MICCAI 2024 UWF4DR challenge."
    >>> [text[slice(*_with_edition(text, text.index(n), text.index(n) + len(n)))]
    ...  for n in ("DCASE challenge", "PVUW Challenge", "UWF4DR challenge")]
    ['2018 DCASE challenge', 'PVUW Challenge 2023', 'MICCAI 2024 UWF4DR challenge']
    """
    before = _EDITION_BEFORE.search(text, max(0, start - 14), start)
    after = _EDITION_AFTER.match(text, end)
    return (before.start() if before else start), (after.end() if after else end)


@lru_cache(maxsize=8)
def _evaluates_on_datasets_only(text: str) -> bool:
    """Whether the abstract calls its data "datasets" and never says "benchmark"."""
    return "benchmark" not in text.lower() and _DATASETS_WORD.search(text) is not None


def _as_kind(role: str | None, eval_role: str) -> str | None:
    """The extractor role a cue's role stands for: an evaluation is the datasets' in an abstract of datasets only."""
    return eval_role if role == "eval" else role


_DATASETS_WORD = re.compile(r"\bdatasets?\b")
_PLAIN_TITLE_WORD = re.compile(r"[A-Z][a-z]+[.,;:]?")
# A name of capitals past its first letter or with a digit: "KHATT", "MLT-17".
_CODED_NAME = re.compile(r".[\w-]*[A-Z0-9][\w-]*")
# A size, not a name: "a curated 1M dataset", "a 10K corpus".
_SIZE = re.compile(r"\d[\d.,]*[KMBkmbx×]?\+?|\d{2,5}\s?[x×*]\s?\d{2,5}(?:\s?px)?"  # or a resolution: "256x256",
                   r"|\d+(?:st|nd|rd|th)|[Vv]\d+(?:\.\d+)*")  # an ordinal ("1st on X"), a version alone ("V2")


# A unit after a number before a name: "16 kHz", "44.1 kHz", "256 px".
_UNIT_WORD = re.compile(r"(?:[kMG]?Hz|px|fps|[KMGT]B|[kKM]|hours?|h)")


# A name of its own on each side of a slash: capitals or a digit and letters, not a number ("DiT-XL/2" is one name).
_SLASHED_PART = re.compile(r"(?=[\w+-]*[A-Z])[A-Za-z][\w+-]+")


def _slashed_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names joined by slashes in ``text[start:end]``, if every part is one: "RefCOCO/RefCOCOg/RefCOCO+".

    Examples
    --------
    >>> text = "on RefCOCO/RefCOCOg/RefCOCO+ and DiT-XL/2"
    >>> [text[s:e] for s, e in _slashed_names(text, 3, 28)], _slashed_names(text, 33, 41)
    (['RefCOCO', 'RefCOCOg', 'RefCOCO+'], [])
    """
    parts, at = [], start
    for part in text[start:end].split("/"):
        if not _SLASHED_PART.fullmatch(part):
            return []
        parts.append((at, at + len(part)))
        at += len(part) + 1
    return parts if len(parts) > 1 else []


def _clean(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading descriptive words; keep the rest if it looks like a name (and describes no other).

    Examples
    --------
    >>> text = "On ImageNet 256x256 and 36 NLP and COCO-style and 1M and 16 kHz LibriTTS and 8K Zorb-Zero"
    >>> [_clean(text, 0, 19), _clean(text, 24, 30), _clean(text, 35, 45), _clean(text, 50, 52), _clean(text, 57, 73),
    ...  _clean(text, 77, 89)]
    [(3, 19), None, None, None, (64, 72), (80, 89)]
    """
    words = list(re.finditer(r"\S+", text[start:end]))
    dropped = []
    while words and words[0].group().lower() in _NOT_NAMES:
        dropped.append(words.pop(0))
    if len(words) > 1 and words[0].group().casefold() in language_names() and _CODED_NAME.fullmatch(words[1].group()):
        del words[0]  # "the Arabic KHATT dataset": the data's language, before a coined name
    if len(words) > 2 and words[0].group().isdigit() and _UNIT_WORD.fullmatch(words[1].group()):
        del words[:2]  # "the 16 kHz LibriTTS dataset": a setting of the data, not its name
    elif len(words) > 1 and _SIZE.fullmatch(words[0].group()) and not words[1].group()[:1].isdigit():
        del words[0]  # "the 8K SimpleRL-Zero dataset": its size
    if not words:
        return None
    if dropped and len(words) == 1 and dropped[-1].group()[:1].isupper() and _PLAIN_TITLE_WORD.fullmatch(words[0].group()):
        words.insert(0, dropped[-1])  # "Visual Genome": a plain word alone is no name; the word before is part of it
    start, end = start + words[0].start(), start + words[-1].end()
    name = text[start:end].rstrip(".,;:)")
    end = start + len(name)
    # "36 NLP datasets": a count before a generic word.
    counted = name.split(" ", 1)
    if not name or is_generic(name) or _SIZE.fullmatch(name) or (counted[0].isdigit() and is_generic(counted[-1])):
        return None
    words_of_name = name.split()
    if len(words_of_name) > 1 and is_generic(words_of_name[-1]) and all(w.istitle() and w.isalpha() for w in words_of_name[:-1]):
        return None  # "Legal NLP benchmarks": a field, plain words before a generic term
    if without_descriptor(text, start, end) != end or _COMPOUND_ADJECTIVE.fullmatch(name):
        return None  # "COCO-style benchmarks" are benchmarks like COCO, not one named; "Multi-task" describes one
    return start, end


@lru_cache(maxsize=8)
def _noun_pattern(nouns: frozenset[str]) -> tuple[re.Pattern, ahocorasick.Automaton]:
    """The cue nouns as one pattern, and its words for :func:`finditer_at_words`, built once per extractor."""
    return re.compile(r"\b(?:" + "|".join(sorted(nouns)) + r")\b"), word_automaton({noun.lower() for noun in nouns})


# A cue noun paired with a noun of the other kind ("benchmarks/datasets such as X") says nothing of X's kind.
_DATA_NOUN = r"(?:datasets?|benchmarks?|corpus|corpora|suites?|collections?)"
# ... or modifies it: "benchmark datasets like X".
_AS_THE = re.compile(r"\s+as\s+(?:the|a|an|our)\s+(?:[a-z-]+\s+){0,2}$")
_SHARED_BEFORE = re.compile(_DATA_NOUN + r"\s*(?:/|,|\band\b|\bor\b|&|(?=\s))\s*$", re.IGNORECASE)
_SHARED_AFTER = re.compile(r"\s*(?:/|\band\b|\bor\b|&)\s*" + _DATA_NOUN + r"\b", re.IGNORECASE)


# A cue noun used as a noun, after a determiner or a preposition ("on benchmark BEHAVE"), not as a verb ("we
# benchmark X").
_NOUN_AFTER_DETERMINER = re.compile(r"\b(?:the|a|an|our|this|its|their|on|of|in|from|using)\s+(?:[\w-]+\s+){0,2}$",
                                    re.IGNORECASE)
# A cue noun that modifies the data noun after it: "benchmark datasets".
_HEAD_NOUN_AFTER = re.compile(r" " + _DATA_NOUN + r"\b", re.IGNORECASE)
# A cue noun in the plural, which a list of names can end.
_PLURAL = re.compile(r"(?<!corpu)s$|corpora$")
# A short aside in parentheses after a listed name, saying what it is for.
_ASIDE_BEFORE = re.compile(r"\s*\([a-z][^()]{0,60}\)\s*$")
# Names in parentheses between a word and the noun they are of: "indoor (NYUv2) benchmarks", "code (BugNet and
# PyTorrent) datasets" (not one name in capitals, which the words before may define: "out-of-distribution (OOD)
# benchmarks").
_PARENTHESISED_NAMES_BEFORE = re.compile(
    r"(?<=[a-z] )\((?![A-Z0-9]+\))(?=[\w^+.-]*[A-Z0-9])[\w^+.-]+(?:(?:, (?:and )?| and | or )(?=[\w^+.-]*[A-Z0-9])[\w^+.-]+)*"
    r"(?P<close>\))\s*$")


def cued_names(text: str, nouns: frozenset[str]) -> list[tuple[int, int, bool | None]]:
    """Names a cue noun marks: "X, Y and Z benchmarks", "datasets such as X and Y".

    Each is ``(start, end, adjacent)``: ``adjacent`` when the name stands
    right before its noun ("the ST-Bench benchmark"), the strongest cue;
    list items further away are only as sure as the list's reading, and
    ``None`` when the noun shares the list with the other kind's noun
    ("benchmarks/datasets such as GLUE"), which leaves the kind open.

    Examples
    --------
    >>> text = "We test on GLUE, MMLU and the ST-Bench benchmarks, and on datasets such as COCO and LVIS."
    >>> [(text[s:e], adjacent) for s, e, adjacent in cued_names(text, frozenset({"benchmarks"}))]
    [('ST-Bench', True), ('MMLU', False), ('GLUE', False)]
    >>> [text[s:e] for s, e, _ in cued_names(text, frozenset({"datasets"}))]
    ['COCO', 'LVIS']
    >>> text = "on three benchmarks, FooScenes, BarSIM, and the Quux end-to-end dataset"
    >>> [text[s:e] for s, e, _ in cued_names(text, frozenset({"dataset"}))]
    ['Quux']
    >>> text = "tasks from the ZorbGLUE benchmark, including SST-9, MRPC-Z and CoLA-Z"  # its parts, of no kind it says
    >>> [text[s:e] for s, e, _ in cued_names(text, frozenset({"benchmark"}))]
    ['ZorbGLUE']
    >>> text = "gains on benchmarks, mainly ones of spatial skill (e.g., RefCOCO, TallyQA, VSR)."
    >>> [text[s:e] for s, e, _ in cued_names(text, frozenset({"benchmarks"}))]
    ['RefCOCO', 'TallyQA', 'VSR']
    >>> text = "on three video datasets (LVU, COIN and Breakfast) and a dataset (1.2M images)"
    >>> [text[s:e] for s, e, _ in cued_names(text, frozenset({"datasets", "dataset"}))]
    ['LVU', 'COIN', 'Breakfast']
    >>> text = "records on benchmarks, including ImageNet image classification and ADE20K segmentation"
    >>> [text[s:e] for s, e, _ in cued_names(text, frozenset({"benchmarks"}))]
    ['ImageNet', 'ADE20K']
    >>> text = "on ZorbRad (tumor segmentation) and Gizmo-Echo (heart tracking) datasets"
    >>> [text[s:e] for s, e, _ in cued_names(text, frozenset({"datasets"}))]
    ['Gizmo-Echo', 'ZorbRad']
    >>> text = "on outdoor and indoor (NYUv2) benchmarks, and code (BugNet and PyTorrent) datasets"
    >>> [text[s:e] for s, e, _ in cued_names(text, frozenset({"benchmarks", "datasets"}))]
    ['NYUv2', 'PyTorrent', 'BugNet']
    >>> text = "on benchmark datasets, including Kvasir and ETIS-Larib"
    >>> cued_names(text, frozenset({"benchmark"})), len(cued_names(text, frozenset({"datasets"})))
    ([], 2)
    >>> text = "across NLP and CV benchmarks/datasets such as GLUE and CIFAR-10"
    >>> [(text[s:e], adjacent) for s, e, adjacent in cued_names(text, frozenset({"datasets"}))]
    [('GLUE', None), ('CIFAR-10', None)]
    """
    found = []
    # Lower case only: a capitalised "Dataset" is part of a name, left to the definitions.
    for noun in finditer_at_words(*_noun_pattern(nouns), text):
        # Backwards: the name right before the noun (past task words: "the UCF101 video
        # generation benchmark"), then any list it ends.
        end = noun.start()
        task_words = _TASK_WORDS.search(text, max(0, end - 60), end)
        if (as_the := _AS_THE.search(text, max(0, end - 60), end)) is not None:
            end = as_the.start()  # "We use IEMOCAP as the source dataset"
        elif task_words is not None and _VAGUE_WORDS.isdisjoint(task_words.group().split()) and (
                not task_words["acronym"] or _NAME_BEFORE.search(text, max(0, task_words.start() - 120),
                                                                 task_words.start() - 1)):
            # (The acronym is the name when no name stands before the words: "the synthetic GTA dataset".)
            end = task_words.start()
        if text[end - 2 : end].rstrip().endswith(")") and (
                parenthesised := _PARENTHESISED_NAMES_BEFORE.search(text, max(0, end - 120), end)) is not None:
            end = parenthesised.start("close")
        adjacent_end = end
        for _ in range(8):
            if text[end - 2 : end].rstrip().endswith(")") and (aside := _ASIDE_BEFORE.search(text, max(0, end - 70), end)):
                end = aside.start()  # "TrackRad2025 (tumor segmentation) and EchoNet (tracking) datasets"
            before = _NAME_BEFORE.search(text, max(0, end - 120), end)
            if before is None:
                break
            name = _clean(text, before.start(), before.end())
            if name is None:
                break
            found.append((*name, end == adjacent_end))
            if not _PLURAL.search(noun.group()):
                break  # "nuScenes, NAVSIM, and the Waymo end-to-end dataset": a singular noun names one
            joiner = _LIST_JOINER.search(text, max(0, before.start() - 12), before.start())
            if joiner is None:
                break
            end = joiner.start()
        # Forwards: "benchmarks such as X, Y, and Z", or examples later in the clause. Not from a noun that
        # modifies another ("benchmark datasets, including X"): the list is of the head noun's kind.
        if _HEAD_NOUN_AFTER.match(text, noun.end()):
            continue
        shared = _SHARED_BEFORE.search(text, max(0, noun.start() - 20), noun.start()) or _SHARED_AFTER.match(text, noun.end())
        for after in (_LIST_AFTER.match(text, noun.end()), _EXAMPLES_LATER.match(text, noun.end())):
            # (A bare space too, when a list of two or more names follows: "two emotion databases IEMOCAP and
            # RAVDESS".)
            bare_space = after is not None and after.group() == " "
            listed = listed_names(text, after.end()) if after and (after.group().strip() or bare_space) else []
            if bare_space and len(listed) < 2 and (noun.group().endswith("s") or not _NOUN_AFTER_DETERMINER.search(
                    text, max(0, noun.start() - 40), noun.start())):
                listed = []  # (a singular noun names its one item so too: "on benchmark BEHAVE"; a verb does not:
                #            "we benchmark MHNpath")
            if listed and after.group().strip() == "," and _SUBJECT_AFTER.match(text, listed[-1][1]):
                listed = []  # "On the X benchmark, PAR achieves ...": the sentence's subject, not an item
            if len(listed) > 1 and not _PLURAL.search(noun.group()) and after.end() - noun.end() < 20:
                listed = []  # "the GLUE benchmark, including SST-2, MRPC and CoLA": its parts, of no kind it says
            found += [(start, end, None) for start, end, _ in listed] if shared else listed
            if listed:
                break
    return found


# A name of plain capitalised words keeps its head noun: "the Colossal Clean Crawled Corpus", "MIT-BIH Arrhythmia
# Database". A coined word alone before the noun is the name without it ("the FLIP Benchmark"), left to the cues.
_TITLED_HEADS = ("Dataset", "Database", "Corpus", "Treebank", "Benchmark")
_HEAD_WORD = r"(?:" + "|".join(_TITLED_HEADS) + r")"
_TITLED_NAME = re.compile(r"[A-Z](?<![\w-][A-Z])[\w-]*(?: (?:and |& )?(?!" + _HEAD_WORD + r"\b)[A-Z][\w-]*){0,7} "
                          + _HEAD_WORD + r"(?![\w-])")
_PLAIN_CAPITALISED = re.compile(r"[A-Z][a-z]{2,}")
_TITLE_CASE_FILLERS = frozenset("a an the of for and or in on with to via from by at as is are vs".split())


def _in_title_case(line: str) -> bool:
    """Whether ``line`` is written in title case (a title), where capitals make no name."""
    words = [word for word in re.findall(r"[A-Za-z][\w'-]*", line) if word not in _TITLE_CASE_FILLERS]
    return len(words) >= 3 and all(word[0].isupper() for word in words)


@lru_cache(maxsize=8)  # the dataset and the benchmark extractor ask of the same doc text
def titled_names(text: str) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, label)`` of each name of capitalised words ending in its head noun.

    Leading words no name starts with are dropped; at least one plain capitalised word must remain before
    the noun. A line in title case (a title) has none.

    Examples
    --------
    >>> text = "We release the Customer Review Dataset and test on the FLIP Benchmark and MIT-BIH Arrhythmia Database."
    >>> [(text[s:e], label) for s, e, label in titled_names(text)]
    [('Customer Review Dataset', 'DATASET'), ('MIT-BIH Arrhythmia Database', 'DATASET')]
    >>> text = "We test on COCO and Long Video Benchmark, and release the Post-OCR Parsing and Receipt Understanding Dataset"
    >>> [text[s:e] for s, e, _ in titled_names(text)]
    ['Long Video Benchmark', 'Post-OCR Parsing and Receipt Understanding Dataset']
    """
    found = []
    in_title_case = judged_per_part(text, line_bounds(text), _in_title_case)
    for match in _TITLED_NAME.finditer(text):
        if text.startswith((" (", "("), match.end()) or text.endswith("(", 0, match.start()):
            continue  # "the X Dataset (XD)", "XD (X Dataset)": a definition, resolved as one
        if in_title_case(match.start()):
            continue
        words = list(re.finditer(r"\S+", match.group()))
        # A list, not one name: "ImageNet and Z Dataset".
        joiner = next((i for i, word in enumerate(words) if word.group() == "and"), None)
        if joiner is not None and joiner < 2:
            del words[: joiner + 1]
        while len(words) > 1 and words[0].group().lower() in _NOT_NAMES:
            words.pop(0)
        *name_words, head = words
        if any(_PLAIN_CAPITALISED.fullmatch(word.group()) for word in name_words):
            label = "BENCHMARK" if head.group() == "Benchmark" else "DATASET"
            found.append((match.start() + name_words[0].start(), match.end(), label))
    return tuple(found)


# What joins two items of a list: ", ", ", and ", " or ".
_ITEM_JOINER = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
# A plain capitalised word between two list joiners, an item of the list: ", Citeseer, and ".
_ONE_ITEM_BETWEEN = re.compile(r",\s*(?P<name>[A-Z][a-z]{2,}(?:-?\d+)?)" + _ITEM_JOINER)
_KIN_AFTER = re.compile(_ITEM_JOINER + r"(?:the\s+)?(?P<name>" + _NAME_WORD + r")")
_KIN_BEFORE = re.compile(r"(?<![\w-])(?P<name>" + _NAME_WORD + r")" + _ITEM_JOINER + r"(?:the\s+)?$")


def _listed_beside(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The coined names listed right before and right after ``text[start:end]``: "DanceTrack and SportsMOT".

    Examples
    --------
    >>> text = "on SportsMOT, DanceTrack and ZorbMOT, and on Wikipedia"
    >>> [text[s:e] for s, e in _listed_beside(text, text.index("Dance"), text.index(" and Z"))]
    ['SportsMOT', 'ZorbMOT']
    """
    found = []
    if (before := _KIN_BEFORE.search(text, max(0, start - 40), start)) is not None:
        found.append(before.span("name"))
    if (after := _KIN_AFTER.match(text, end)) is not None:
        found.append(after.span("name"))
    return [(s, e) for s, e in found if is_name_shaped(text[s:e])]


_CITED = re.compile(r"\s+et\s+al\b")


def listed_names(text: str, position: int) -> list[tuple[int, int, bool]]:
    """The names of a list that starts at ``position``: "X, Y, and Z"."""
    listed = []
    closed = False  # by "and" or "or", which join a list's last item
    for _ in range(8):
        item = _NAME_AFTER.match(text, position)
        name = item and _clean(text, item.start(), item.end())
        if not name or _CITED.match(text, name[1]):
            break  # (nor an author cited: "benchmarks (Huang et al., 2024)")
        listed.append((*name, False))
        joiner = _JOINER_AFTER.match(text, name[1])
        bare = joiner is not None and _BARE_COMMA.fullmatch(joiner.group()) is not None
        if joiner is None or (closed and bare):
            break  # "for example, X and Y, AIDE achieves ...": the list ended at Y
        closed = not bare
        position = joiner.end()
    return listed


@lru_cache(maxsize=1)
def _known_other_keys() -> frozenset[str]:
    """Keys of known names of kinds data never shares a list with: models and measures."""
    return known_keys("models") | known_keys("metrics")


class DataExtractor:
    """Find named datasets (or benchmarks) by gazetteer, cue nouns, the title and acronym definitions.

    The title's name counts when its subtitle opens by calling it one ("MMIE: A Benchmark for ...";
    :func:`~extractors.model.title_label`); the model extractor then leaves it alone.

    Examples
    --------
    >>> import spacy; from paperkg import extractors
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("paperkg_dataset")
    >>> _ = nlp.add_pipe("paperkg_benchmark")
    >>> doc = nlp("Trained on LAION-5B and the new QUAdruped Robot Dataset (QUARD), it tops MMBench.")
    >>> sorted((s.text, s.label_) for s in doc.spans["paperkg_candidates"])
    [('LAION-5B', 'DATASET'), ('MMBench', 'BENCHMARK'), ('QUARD', 'DATASET'), ('QUAdruped Robot Dataset', 'DATASET')]
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        label: str,
        gazetteer: str,
        nouns: list[str],
        shape: str,
        gazetteer_confidence: float,
        cue_confidence: float,
        list_confidence: float,
        definition_confidence: float,
        shape_confidence: float,
        shared_confidence: float = 0.75,
        role: str = "",
        role_confidence: float = 0.6,
        kin_confidence: float = 0.6,
    ):
        self.name = name
        self.label = label
        self.gazetteer = Gazetteer(nlp, load_names(gazetteer), lower_case_words=False, editions=True)
        self.nouns = frozenset(nouns)
        self.gazetteer_confidence = gazetteer_confidence
        self.cue_confidence = cue_confidence
        self.list_confidence = list_confidence
        self.shared_confidence = shared_confidence
        self.role = role
        self._described_here: frozenset[str] = frozenset()
        self.role_confidence = role_confidence
        self.kin_confidence = kin_confidence
        self.shape = re.compile(shape) if shape else None
        self.shape_confidence = shape_confidence
        self.definition_confidence = definition_confidence

    def _add(self, doc: Doc, text: str, start: int, end: int, rule: str, confidence: float, alias_of=None):
        # ``text`` is the doc's text, passed in rather than rebuilt per candidate.
        if "/" in text[start:end] and (parts := _slashed_names(text, start, end)):
            for part_start, part_end in parts:  # "RefCOCO/RefCOCOg/RefCOCO+": three datasets, one each
                self._add(doc, text, part_start, part_end, rule, confidence)
            return
        if not is_generic(text[start:end]) and text[start:end] not in self._described_here:
            add_candidate(doc, start, end, self.label, rule=f"{self.name}:{rule}", confidence=confidence, alias_of=alias_of)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        self._described_here = _described_short_forms(text)
        previous_end = None
        for start, end, known in self.gazetteer.find(doc):
            self._add(doc, text, start, end, "gazetteer" if known else "variant", self.gazetteer_confidence)
            for kin_start, kin_end in _listed_beside(text, start, end) if known else ():
                # "scenarios like DanceTrack and SportsMOT": a coined name listed with a known one is of its kind.
                self._add(doc, text, kin_start, kin_end, "listed", self.kin_confidence)
            between = _ONE_ITEM_BETWEEN.fullmatch(text, previous_end, start) if known and previous_end else None
            if between is not None:
                # "on Cora, Citeseer, and PubMed": a plain word listed between two known names is one too.
                self._add(doc, text, between.start("name"), between.end("name"), "listed", self.kin_confidence)
            previous_end = end if known else None
        for start, end in title_name_mentions(doc, self.label):
            self._add(doc, text, start, end, "title", self.cue_confidence)
        for start, end, adjacent in cued_names(text, self.nouns):
            if _PLAIN_TITLE_WORD.fullmatch(text, start, end) and not text[sentence_start(text, start) : start].strip():
                continue  # a sentence's first word, capitalised as such: "Recent video benchmarks", "Besides, the X dataset"
            confidence = self.cue_confidence if adjacent else self.list_confidence if adjacent is False else self.shared_confidence
            self._add(doc, text, start, end, "cue", confidence)
        for start, end, label in titled_names(text):
            if label == self.label:
                self._add(doc, text, start, end, "titled", self.cue_confidence)
        for start, end, label in introduced_names(text):
            if label == self.label:
                self._add(doc, text, start, end, "introduced", self.cue_confidence)
        for match in _DESCRIBED_AS_KIND.finditer(text) if ", " in text else ():
            # "PixelHumor, a benchmark dataset of ..." is a benchmark; "Bench II, a benchmark" has its name before.
            kind = "benchmark" if "benchmark " in match["modifiers"] else match["kind"]
            if (kind in HEADS[self.label] and not is_generic(match["name"])
                    and not _CAPITALISED_WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())):
                self._add(doc, text, match.start("name"), match.end("name"), "described", self.cue_confidence)
        for match in _NAME_THEN_TITLED_KIND.finditer(text) if " Benchmark" in text or " Dataset" in text else ():
            if (match["kind"].lower() in HEADS[self.label] and not is_generic(match["name"])
                    and not _CAPITALISED_WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())):
                self._add(doc, text, match.start("name"), match.end("name"), "cue", self.cue_confidence)
        for match in self.shape.finditer(text) if self.shape else ():
            # A name that carries its cue noun ("the NEJM Image Challenge") is as sure as a cue.
            cued = match.group().lower().endswith(("challenge", "competition"))
            start, end = _with_edition(text, match.start(), match.end()) if cued else match.span()
            self._add(doc, text, start, end, "shape", self.cue_confidence if cued else self.shape_confidence)
        # An abstract that calls what it evaluates on "datasets" and never a benchmark types the coined names it
        # reports results on as datasets: the guidelines follow the abstract's own use. (A task's acronym, below,
        # names its benchmark whatever the abstract calls it.)
        eval_role = "train" if _evaluates_on_datasets_only(text) else "eval"
        for match in _EDITION.finditer(text) if self.role else ():
            # Data by its shape, of the kind its role says (training data by default); a venue with
            # its year is none: a stoplisted one ("NeurIPS 2023"), one a paper appeared at ("at CoNLL
            # 2023"), or the short form of a workshop or conference ("... Processing (VLSP 2022)").
            if (_as_kind(role_before(text, match.start()) or "train", eval_role) == self.role
                    and not is_generic(match["name"]) and not text.endswith("at ", 0, match.start())
                    and not _VENUE_BEFORE.search(text, max(0, match.start() - 100), match.start())
                    and not _EVENT_AFTER.match(text, match.end())):
                self._add(doc, text, match.start(), match.end(), "edition", self.role_confidence + 0.01)
        if self.role:
            # A coined name no list knows takes its kind from its role: "results on FooQA", "trained on Bar-1M".
            for match in name_shaped_words(text):
                role = _as_kind(role_before(text, match.start()), eval_role)
                if role == "eval" and reports_experiments_before(text, match.start()):
                    role = "train"  # "Experiments on GaitZ, ...": data experimented on, not a benchmark ranked on
                if role == self.role:
                    self._add(doc, text, match.start(), match.end(), "role", self.role_confidence)
            if self.role == "train" and " data" in text:
                for match in _SPLIT_DATA_AFTER.finditer(text):
                    if not is_generic(match["name"]):
                        self._add(doc, text, match.start("name"), match.end("name"), "cue", self.cue_confidence)
            if self.role == "train" and "(" in text:
                # "25.5% (MIMIC-CXR), 8.8% (DeepEyeNet)": a name in parentheses after a score is the data it
                # was scored on (typed as data by default: no cue says which kind).
                for match in _AFTER_SCORE.finditer(text):
                    if _SCORE_BEFORE.search(text, max(0, match.start() - 12), match.start()) and not is_generic(match["name"]):
                        self._add(doc, text, match.start("name"), match.end("name"), "role", self.role_confidence)
            if self.role == "eval" and ("On " in text or "; " in text):
                # A sentence that opens on its evaluation targets: "On VQA and NLVR^2, ALBEF achieves ...".
                # A task's acronym names its benchmark there, so the stoplist gives way to the frame.
                for opener in _on_openers(text):
                    for name in _OPENER_NAME.finditer(text, opener.start("names"), opener.end("names")):
                        if name.group().isupper() or not is_generic(name.group()):
                            add_candidate(doc, name.start(), name.end(), self.label, rule=f"{self.name}:role",
                                          confidence=self.role_confidence)
            # An acronym no list knows, reported on and standing as a name ("results on GPQA and AIME"), not as a
            # modifier ("on MRI scans"), is an evaluation target; data when the frame reports experiments on it
            # ("Experiments on IEMOCAP show that ...").
            # (data only in a text that reports on something with one of the report's verbs)
            for match in _ACRONYM.finditer(text) if self.role in ("eval", eval_role) or _REPORTED_ON.search(text) else ():
                # The cheap tests first: most capitals are known names, classes or modifiers.
                before = text[max(0, match.start() - 10) : match.start()]
                reported = before.endswith((" on ", " on the ")) and _REPORTED_ON.match(text, match.end()) is not None
                if (before.endswith(_RIGHT_BEFORE_TARGET)
                        and (reported or not _NOUN_AFTER.match(text, match.end()))
                        and match.group() not in self.gazetteer and not _MODIFIER_ENDING.search(match.group())
                        and not is_generic(match.group()) and role_before(text, match.start()) == "eval"):
                    # (what experiments are reported on is data they ran on, not a benchmark ranked on)
                    ran_on = reported and reports_experiments_before(text, match.start())
                    if ("train" if ran_on else eval_role) == self.role:
                        self._add(doc, text, match.start(), match.end(), "role", self.role_confidence)
        add_definitions(doc, self.label, rule="definition", confidence=self.definition_confidence,
                        accepts=lambda long_form, short, long_start: self._defines(text, long_form, short, long_start),
                        add=self._add)
        # Names a list gives beside two of this kind: "on 3DPW, MPII3D, and H36M".
        mates = candidate_offsets(doc, self.label)
        for start, end in co_listed_names(text, mates, _known_other_keys()) if len(mates) >= 2 else ():
            self._add(doc, text, start, end, "co-listed", self.kin_confidence)
        return doc

    def _defines(self, text: str, long_form: str, short: str, long_start: int) -> bool:
        if long_form.rsplit(None, 1)[-1].lower() in HEADS[self.label]:
            return True
        if is_generic(short) or is_generic(long_form):
            return False  # "deep neural networks (DNNs) to test ...": a class, whatever it is for
        after = text.find(")", long_start) + 1
        if after > 0 and _KIND_AFTER[self.label].match(text, after):
            return True
        # What a paper proposes in order to evaluate is a benchmark: "we propose Chronologically
        # Accurate Retrieval (CAR) to evaluate the chronological understanding of the models".
        return self.role == "eval" and after > 0 and _TO_EVALUATE.match(text, after) is not None


_DEFAULTS = {
    "gazetteer_confidence": 0.8,
    "cue_confidence": 0.9,
    # Above the other type's gazetteer: "benchmarks such as ImageNet" uses ImageNet as a benchmark.
    "list_confidence": 0.82,
    # Below it when the noun is shared with the other kind ("benchmarks/datasets such as X").
    "shared_confidence": 0.75,
    # A coined name in the kind's role ("results on FooQA"): above the model extractor's name shape
    # and the other kind's ("FooQA" looks like a dataset, "results on FooQA" makes it a benchmark).
    "role_confidence": 0.72,
    "definition_confidence": 0.85,
    "shape_confidence": 0.7,
    # A coined name listed beside a known one ("DanceTrack and SportsMOT"): above the model extractor's name
    # shape, below every other reading.
    "kin_confidence": 0.6,
}


@Language.factory(
    "paperkg_dataset",
    default_config={
        "label": "DATASET",
        "gazetteer": "datasets",
        "role": "train",
        # A split names its data: "on COCO val set", "the Cityscapes test split".
        "nouns": ["dataset", "datasets", "database", "databases", "corpus", "corpora", "collection", "collections",
                  "data set", "data sets", "val set", "test set", "val sets", "test sets",
                  "validation set", "dev set", "training set", "train set", "test split", "val split"],
        # Sized collections ("HumanCaption-10M", "WebVid-10M") and QA sets ("TallyQA").
        # (The capital comes before the lookbehind that it starts a word: the regex engine
        # skips to capitals fast, and tries a leading lookbehind at every character.)
        # ... and annotated banks ("PropBank", "CCGbank", "Penn Treebank", "Chinese Tree-Bank").
        "shape": r"[A-Z](?<![\w-][A-Z])[\w-]{1,30}(?:-\d{1,4}[MK]|[a-z]QA|-QA|[A-Za-z][Bb]ank)(?![\w-])"
                 r"|[A-Z](?<![\w-][A-Z])[a-z]+ Tree-?[Bb]ank(?![\w-])",
        **_DEFAULTS,
    },
    assigns=["doc.spans", "span._.paperkg_rule", "span._.paperkg_confidence", "span._.paperkg_alias_of"],
)
@Language.factory(
    "paperkg_benchmark",
    default_config={
        "label": "BENCHMARK",
        "gazetteer": "benchmarks",
        "role": "eval",
        "nouns": ["benchmark", "benchmarks", "leaderboard", "suite", "suites"],
        # Coined benchmark names: "MMBench", "VideoChatGPT-Bench", "AlpacaEval".
        # ... and challenges, which keep the word in their name: "the NEJM Image Challenge", "BabyLM challenge",
        # and in capitals after "the", plain words: "the Expression Classification Challenge".
        "shape": r"[A-Z](?<![\w-][A-Z])[\w-]{0,30}(?:Bench|-Eval|Eval|Arena)(?![\w-])"
                 r"|[A-Z](?<![\w-][A-Z])[A-Za-z]{0,30}[A-Z0-9][\w-]{0,30}(?: (?:[A-Z][\w-]{0,30}|(?:19|20)\d\d)){0,2}"
                 r" [Cc]hallenge\b"
                 r"|[A-Z](?<=\bthe [A-Z])[\w-]{0,30}(?: [A-Z][\w-]{0,30}){1,4} (?:Challenge|Competition)\b",
        **_DEFAULTS,
    },
    assigns=["doc.spans", "span._.paperkg_rule", "span._.paperkg_confidence", "span._.paperkg_alias_of"],
)
def make_data_extractor(
    nlp: Language,
    name: str,
    label: str,
    gazetteer: str,
    nouns: list[str],
    shape: str,
    gazetteer_confidence: float,
    cue_confidence: float,
    list_confidence: float,
    definition_confidence: float,
    shape_confidence: float,
    shared_confidence: float,
    role: str,
    role_confidence: float,
    kin_confidence: float,
) -> DataExtractor:
    return DataExtractor(
        nlp,
        name,
        label=label,
        gazetteer=gazetteer,
        nouns=nouns,
        shape=shape,
        gazetteer_confidence=gazetteer_confidence,
        cue_confidence=cue_confidence,
        list_confidence=list_confidence,
        definition_confidence=definition_confidence,
        shape_confidence=shape_confidence,
        shared_confidence=shared_confidence,
        role=role,
        role_confidence=role_confidence,
        kin_confidence=kin_confidence,
    )
