"""Shared vocabulary machinery: gazetteer files, the stoplist, name shapes and cues.

Every typed extractor matches a gazetteer file (``gazetteers/<name>.txt``,
one name per line, ``#`` comments; a leading ``=`` makes an entry match
case-sensitively, for names that are also English words such as ``=CLIP``;
a leading ``~`` marks a name that is also a common noun, such as
``~Transformer``: it counts only when the text uses it on its own at least
twice, since one passing "transformer layers" does not name the architecture).
:class:`~extractors.gazetteer.Gazetteer` finds them; matches are widened over version and size suffixes (``Llama`` → ``Llama-2-7B``,
``LLaVA`` → ``LLaVA-NeXT``, ``ResNet`` → ``ResNet50``) because new variants
of well-known families appear faster than any list can follow.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Container, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

import ahocorasick

from paperkg.core.model import normalize_key

__all__ = [
    "GAZETTEER_DIR",
    "co_listed_names",
    "co_listed_runs",
    "load_names",
    "YEAR",
    "known_keys",
    "language_names",
    "SENTENCE_REACH",
    "line_bounds",
    "judged_per_part",
    "continues_word",
    "stoplist",
    "is_generic",
    "extend_name",
    "VARIANT_WORDS",
    "without_descriptor",
    "is_name_shaped",
    "name_shaped_words",
    "HEADS",
    "DATA_HEADS",
    "DATA_HEAD_WORD",
    "PART_KINDS",
    "PARTS_LISTED",
    "TASK_HEADS",
    "names_task",
    "PROPOSAL_CUE",
    "SECOND_PROPOSAL_VERB",
    "SECOND_PROPOSAL_OPENINGS",
    "PASSIVE_PROPOSAL",
    "proposal_cues",
    "introduced_names",
    "OWN_KIND",
    "OWN_THING",
    "SENTENCE_END",
    "sentence_start",
    "word_automaton",
    "finditer_at_words",
]

GAZETTEER_DIR = Path(__file__).parent / "gazetteers"

# Tiers of a hosted model, written after its name and version: "Claude 3 Opus".
_TIERS = ("Pro", "Ultra", "Flash", "Nano", "Opus", "Sonnet", "Haiku", "Turbo", "Max", "Plus", "Mini", "mini", "Lite",
          "Scout", "Maverick")
# Tunings and modalities written after a name and its size: "Qwen 2.5 VL 3B", "Llama 3.1 8B Instruct".
_TUNINGS = ("VL", "Vision", "Instruct", "Chat")
#: A year an edition of an event or of data carries ("SemEval-2025", "ICDAR 2023"), as a pattern.
YEAR = r"(?:19[89]\d|20[0-4]\d)"
# One suffix segment at a time (the caller loops), so no pattern nests quantifiers.
_SUFFIX_SEGMENTS = (
    re.compile(r"-?v?\d+(?:\.\d+)?[A-Za-z]{0,3}(?![\w])"),  # -2, 3.2, -13B, 21K, v2
    re.compile(r"-?v?\d+(?:\.\d+)?(?=-)"),  # Qwen2-VL: the digits before a hyphen
    re.compile(r" [vV]?\d(?:\.\d)?(?![\w%-]|\.\d)"),  # "Llama 2", "SD v2.1", "Point Transformer V2" but not "MMLU 68.9"
    re.compile(r" \d{1,3}(?:\.\d)?[BM](?![\w])"),  # "LLaMA 7B"
    re.compile(r" (?:" + "|".join(_TIERS) + r")(?![\w-])"),  # "Gemini 1.5 Pro", "GPT-4o mini"
    # a tuning or a modality after a space, where no noun follows that it describes ("Qwen 2.5 VL 3B", "Gemini Pro
    # Vision", "Llama 3.1 8B Instruct"; not "the CLIP Vision encoder")
    re.compile(r" (?:" + "|".join(_TUNINGS) + r")(?![\w-])"
               r"(?!\s+(?!(?:and|or|with|as|to|on|in|for|by|is|are|was|were|which|that)\b)[a-z])"),
    # "XLM-R large", "BERT base": a size word, where no noun follows that it would describe instead ("base model")
    # (capitalised too before a version or an aside: "Whisper Large v3", "GPT-3 Medium (334M parameters)")
    re.compile(r" (?:[Bb]ase|[Ll]arge|[Ss]mall|[Tt]iny|[Hh]uge|[Gg]iant|[Mm]edium|xl|xxl|XL|XXL)"
               r"(?=\s*[,.;:()]|\s+(?:and|or|with|as|to|on|in|for|by)\b|\s+[vV]?\d)"),
    _HYPHEN_WORD := re.compile(r"-[A-Za-z][A-Za-z0-9.]{0,15}"),  # -NeXT, -VL, -Base; checked below
    re.compile(r"/\d{1,3}(?![\w])"),  # ViT-B/16
    _PLURAL := re.compile(r"s(?![\w-])"),  # plural: ResNets, Transformers
)
# Lower-case words that continue a name ("GPT-4-turbo", "BERT-base").
_SIZE_WORDS = frozenset(
    "small base large tiny mini medium chat instruct hf it xl xxl huge giant pro plus turbo lite "
    "nano micro vision preview ft sft high low".split()  # ("o4-mini-high": a reasoning model's effort)
)
#: Words after a name that say which of its sizes, tiers or tunings it is ("Llama-2-Chat", "GPT-4-Turbo").
VARIANT_WORDS = _SIZE_WORDS | {tier.lower() for tier in _TIERS} | {"coder", "math", "code", "distill"}
# Capitalised hyphenated words that describe a name rather than continue it ("BERT-Based").
_NOT_SUFFIXES = frozenset(
    "based like style free aware guided level only specific generated scale sized size "
    "type fashion inspired driven centric agnostic conditioned augmented enhanced derived "
    "native friendly compatible powered assisted enabled annotated labeled labelled pretrained trained finetuned "
    "and or to of the as in on".split()
)


def without_descriptor(text: str, start: int, end: int) -> int:
    """Where a name ends without a descriptive suffix hyphenated onto it ("MatFormer-based").

    Examples
    --------
    >>> text = "a MatFormer-based ViT and COCO-style data from ST-LLM"
    >>> [text[s:without_descriptor(text, s, e)] for s, e in ((2, 17), (26, 36), (47, 53))]
    ['MatFormer', 'COCO', 'ST-LLM']
    """
    hyphen = text.rfind("-", start + 1, end)
    if hyphen > start and text[hyphen + 1 : end].lower() in _NOT_SUFFIXES:
        return hyphen
    return end


# A subset or an edition of shared data after its name: "GPQA Diamond", "SWE-bench Verified", "AIME 2024".
_EDITION_SEGMENT = re.compile(r" (?:(?:19|20)\d\d|['’]\d\d|v\d+(?:\.\d+)?|Diamond|Verified|Lite|Hard|Easy|Full"
                              r"|Extended"
                              r"|\d{2,4} ?[x×*] ?\d{2,4})(?![\w%-]|\.\d)")  # or its resolution: "ImageNet 512 x 512"


def extend_name(text: str, end: int, *, limit: int = 5, spaced: bool = True, editions: bool = False) -> int:
    """Where a name that ends at ``end`` really ends, after version and size suffixes.

    ``spaced=False`` leaves suffixes after a space ("Llama 2", "Gemini Pro") out: a
    number after a metric's name is its value ("FID 8.3"). ``editions``: a subset or a
    year after a space continues the name too, as data's do ("GPQA Diamond", "AIME 2024").

    Examples
    --------
    >>> text = "We fine-tune LLaMA-2-13B and LLaVA-NeXT, not BERT-based models."
    >>> text[13:extend_name(text, 18)], text[29:extend_name(text, 34)], text[45:extend_name(text, 49)]
    ('LLaMA-2-13B', 'LLaVA-NeXT', 'BERT')
    >>> text = "Llama 2 7B reaches 68.9 on MMLU 5-shot."
    >>> text[:extend_name(text, 5)], text[27:extend_name(text, 31)]
    ('Llama 2 7B', 'MMLU')
    >>> text = "It starts from XLM-R large and beats mBART-ft, not BERT large language models."
    >>> text[15:extend_name(text, 20)], text[37:extend_name(text, 42)], text[51:extend_name(text, 55)]
    ('XLM-R large', 'mBART-ft', 'BERT')
    >>> text = "beats Whisper Large v3 (1.5B) and a GPT-3 Medium (334M parameters)"
    >>> text[6:extend_name(text, 13)], text[36:extend_name(text, 41)]
    ('Whisper Large v3', 'GPT-3 Medium')
    >>> text = "Gemini 1.5 Pro and GPT-4o mini and MobileNet V2"
    >>> text[:extend_name(text, 6)], text[19:extend_name(text, 25)], text[35:extend_name(text, 44)]
    ('Gemini 1.5 Pro', 'GPT-4o mini', 'MobileNet V2')
    >>> text = "FID-50K of 2.1 and FID 8.3"
    >>> text[:extend_name(text, 3, spaced=False)], text[19:extend_name(text, 22, spaced=False)]
    ('FID-50K', 'FID')
    >>> text = "47.5% on GPQA Diamond and AIME 2024, 2.1 on ImageNet 512 x 512, 30% on AIME '24"
    >>> [text[s:extend_name(text, e, editions=True)] for s, e in ((9, 13), (26, 30), (44, 52), (71, 75))]
    ['GPQA Diamond', 'AIME 2024', 'ImageNet 512 x 512', "AIME '24"]
    """
    for _ in range(limit):
        if editions and text[end : end + 1] == " " and (edition := _EDITION_SEGMENT.match(text, end)) is not None:
            end = edition.end()
            continue
        if not _may_continue(text, end) or (not spaced and text[end : end + 1] == " "):
            return end
        for segment in _SUFFIX_SEGMENTS:
            match = segment.match(text, end)
            if match is None:
                continue
            word = match.group().strip("-").rstrip(".")
            if segment is _HYPHEN_WORD and (
                word.lower() in _NOT_SUFFIXES or (word[:1].islower() and word not in _SIZE_WORDS)
            ):
                continue
            if segment is _PLURAL and text[end - 1 : end].isdigit():
                continue
            end = match.start() + len(match.group().rstrip("."))
            break
        else:
            return end
    return end


def _may_continue(text: str, end: int) -> bool:
    """Whether one of :data:`_SUFFIX_SEGMENTS` may match at ``end``, from its first characters.

    Most names end before a space and a word, or before punctuation: this test
    spares them the seven regexes. (``isdigit`` holds for every ``\\d`` and a few more.)
    """
    char = text[end : end + 1]
    if char == " ":
        after = text[end + 1 : end + 2]
        return after.isdigit() or after in "vV" or after in _TIER_STARTS or after in _SIZE_STARTS
    return char in _SEGMENT_STARTS or char.isdigit()


# What each of _SUFFIX_SEGMENTS starts with, besides a digit or a space.
_SEGMENT_STARTS = frozenset("-v/s")
_TIER_STARTS = frozenset(tier[0] for tier in _TIERS + _TUNINGS)
_SIZE_STARTS = frozenset("bstlhgx")  # of the size words after a space


def load_names(name: str) -> list[str]:
    """The entries of ``gazetteers/<name>.txt`` and of its generated ``<name>.registry.txt``.

    Entries are stripped, without comments or blanks. The registry files are written by
    ``tools/gazetteers/build.py`` from maintained packages' own lists of names.

    Examples
    --------
    >>> "ImageNet" in load_names("datasets"), "MambaOut" in load_names("models")
    (True, True)
    """
    names = []
    for path in (GAZETTEER_DIR / f"{name}.txt", GAZETTEER_DIR / f"{name}.registry.txt"):
        if not path.exists() and path.name.endswith(".registry.txt"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                names.append(line)
    return names


@lru_cache(maxsize=8)
def known_keys(name: str) -> frozenset[str]:
    """Normalized keys of the names in ``gazetteers/<name>.txt`` and its registry file.

    Examples
    --------
    >>> "miou" in known_keys("metrics"), "miou" in known_keys("models")
    (True, False)
    """
    return frozenset(normalize_key(entry.lstrip("=")) for entry in load_names(name))


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    """Normalized keys of generic terms that are never entities (``LLMs``, ``SOTA``, ``RAG``), and of languages."""
    return frozenset(normalize_key(name) for name in load_names("stoplist")) | language_names()


@lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """Normalized names of the languages spaCy supports, read from its language classes (``class Arabic(Language)``).

    A language describes data ("the Arabic KHATT dataset", "Low-Resource Greek Finance"); alone it names none.

    Examples
    --------
    >>> {"arabic", "vietnamese", "ancientgreek"} <= language_names(), "english" in language_names()
    (True, True)
    """
    lang = resources.files("spacy.lang")
    names = set()
    for entry in lang.iterdir():
        init = entry / "__init__.py"
        if entry.is_dir() and init.is_file():
            names.update(_LANGUAGE_CLASS.findall(init.read_text(encoding="utf-8")))
    return frozenset(normalize_key(name) for name in names if name != "MultiLanguage")


_LANGUAGE_CLASS = re.compile(r"^class (\w+)\(Language\)", re.MULTILINE)


def is_generic(text: str, known: Container[str] = ()) -> bool:
    """Whether ``text`` is a generic term: stoplisted, or a plural acronym like ``SAEs``.

    A plural acronym of a ``known`` name is that name's plural (``LSTMs``).

    Examples
    --------
    >>> is_generic("LLMs"), is_generic("Vision-Language Models"), is_generic("SAEs"), is_generic("LLaVA")
    (True, True, True, False)
    >>> is_generic("SoTAs")  # the plural of a stoplisted term
    True
    >>> is_generic("LSTMs"), is_generic("LSTMs", known={"LSTM"})
    (True, False)
    >>> is_generic("kHz"), is_generic("GB"), is_generic("3D"), is_generic("1.7TB"), is_generic("160B-token")
    (True, True, True, True, True)
    >>> is_generic("dB"), is_generic("DiT")
    (True, False)
    >>> is_generic("CVPR2024"), is_generic("COCO2017"), is_generic("CNN-RNN"), is_generic("CNN-LSTM")
    (True, False, True, False)
    >>> is_generic("Task4"), is_generic("Track 2"), is_generic("Stage-II"), is_generic("Step1X")
    (True, True, True, False)
    >>> is_generic("abilities.111The"), is_generic("website111Project"), is_generic("BY-NC-SA 4.0")
    (True, True, True)
    >>> is_generic("Qwen2.5"), is_generic("FP32"), is_generic("W4A16")
    (False, True, True)
    >>> is_generic("BLSTM-based"), is_generic("GPT-style"), is_generic("Llama-Guard")
    (True, True, False)
    >>> is_generic("VideoLLMs"), is_generic("KD-FedLLMs"), is_generic("VideoLLM"), is_generic("g-SAEs")  # a class
    (True, True, False, False)
    >>> is_generic("non-CoT"), is_generic("CoT-annotated"), is_generic("NoCoT")
    (True, True, False)
    """
    return (_stoplisted(text) or (_PLURAL_ACRONYM.fullmatch(text) is not None and text[:-1] not in known)
            or _UNIT.fullmatch(text) is not None or _QUANTITY.fullmatch(text) is not None
            or _NUMBER_FORMAT.fullmatch(text) is not None
            # generic classes joined are one still: "CNN-RNN", "LLM-MLLM collaboration"
            or ("-" in text and all(part and _stoplisted(part) for part in text.split("-")))
            # a class named by a field before a class in the plural: "VideoLLMs", "FinLLMs", "KD-FedLLMs"
            or ((plural := _CLASS_PLURAL_END.search(text)) is not None and _stoplisted(plural.group()))
            # a word that describes by a name is no name: "BLSTM-based", "GPT-style"; nor one that negates it: "non-CoT"
            or ("-" in text and (text.rsplit("-", 1)[1].lower() in _NOT_SUFFIXES or text[:4].lower() == "non-")))


@lru_cache(maxsize=1 << 16)  # the same names recur in every paper, and each extractor asks
def _stoplisted(text: str) -> bool:
    key = normalize_key(text)
    return (not key or key in stoplist() or key.isdigit() or (key.endswith("s") and key[:-1] in stoplist())
            # A venue with its year, written as one word: "CVPR2024", "NeurIPS-2023".
            or ((year := _YEAR_ENDING.search(key)) is not None and key[:year.start()] in stoplist())
            or "%" in text  # a percentage, or one garbled by a converter ("50%percent5050\\%50"), is never a name
            # (and shapes that name nothing; here, where the answer for a text is cached)
            or _NUMBERED_PART.fullmatch(text) is not None or _FOOTNOTE_GLUED.fullmatch(text) is not None
            or _LICENCE.fullmatch(text) is not None)


_YEAR_ENDING = re.compile(r"(?:(?:19|20)\d|(?<=[a-z])[12])\d$")  # "CVPR2024", "CVPR23"


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,6}s")
_CLASS_PLURAL_END = re.compile(r"(?<=[a-z])[A-Z]{2,6}s$")
# A sentence's last word glued by a footnote mark to the next one's first, as PDF text has it: "abilities.111The",
# "website111Project" (a mark rendered as one digit thrice).
_FOOTNOTE_GLUED = re.compile(r"[A-Za-z]+[.,;:]\d+[A-Z][a-z]*|[a-z]{3,}(\d)\1\1[A-Z][a-z]+")
# A licence, which a release names: "CC BY-NC-SA 4.0", "MPL 2.0".
_LICENCE = re.compile(r"(?:CC[- ])?BY(?:-(?:NC|SA|ND))+(?:[- ]\d\.\d)?|(?:MPL|L?GPL|AGPL)[- ]?v?\d(?:\.\d)?")
# A numbered part of a challenge, a method or a paper, named by its number alone: "Task4", "Track 2", "Stage-II".
_NUMBERED_PART = re.compile(r"(?:[Ss]ub-?)?(?:[Tt]ask|Track|Phase|Stage|Round|Part|Level|Fold|Section|Table|"
                            r"Fig(?:ure)?)[ -]?(?:\d{1,2}|[IVX]{1,4}|[A-D])")
# A dimension or an amount, which describes data rather than names it: "3D", "1.7TB", "160B-token", "6-year",
# "56-scenario".
_QUANTITY = re.compile(r"\d+(?:\.\d+)?\s?(?:D|[KMBT]|[KMGT]B)?(?:-[a-z]+)?")
# A number format or a quantization setting: "FP8", "BF16", "INT4", "MXFP4", "W4A16", "E4M3".
_NUMBER_FORMAT = re.compile(r"(?:(?:MX|NV)?FP|BF|U?INT)\d{1,2}|W\d{1,2}A\d{1,2}|E\dM\d")
# A unit with its SI prefix, which has a name's inner capital: "kHz", "GB", "Mbps", "kWh"; and decibels ("dB").
_UNIT = re.compile(r"[kMGTP]?(?:Hz|bps|Wh?)|[kKMGTP]i?B|dB[mi]?")

# A hyphenated word: the unit names are made of (separators anchor each part), but only one
# with a digit, a hyphen or an inner capital, which every name-shaped word has: testing for
# them in the regex spares most words a Python call.
# (Not part of a word glued to a percent sign or a backslash, which a page's garbled LaTeX leaves:
# "50%percent5050\\%50".)
_SHAPE_CANDIDATE = re.compile(
    r"(?<![\w^@/.%\\-])(?=[A-Za-z0-9.-]*?(?:[0-9]|[-.][A-Za-z0-9]|[a-z][A-Z]|[A-Z]{2}[a-z]{1,2}[A-Z]|[A-Z]{2}[a-z]{3}))"
    r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+){0,4}(?![\w^@%\\-])"
)
# Where a name-shaped word may be: an inner capital, a letter next to a digit, capitals or
# digits on both sides of a hyphen. Anchored on a capital or digit, which the regex engine
# looks for fast, and completed by lookbehinds.
_SHAPE_HINT = re.compile(r"[A-Z0-9](?:(?<=[a-z][A-Z])|(?<=[A-Za-z]\d)|(?<=\d)[A-Za-z]|-[A-Z0-9]|(?<=[A-Z]{2})(?=[a-z]{3}))")
# A run of the characters the candidate pattern's lookbehind excludes, read backwards.
_RUN = re.compile(r"[\w^@/.%\\-]*")
# (or capitals before a capitalised word: "LLMLingua", "QKFormer", not a plural "LLMs")
_MIXED_CASE = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]{1,2}[A-Z]|[A-Z]{2}[a-z]{3}")
_LETTERS_DIGITS = re.compile(r"[A-Za-z]{2}\d|[A-Za-z][a-z]\d|\d[A-Za-z]{2}")
_CAPS_DIGITS = re.compile(r"[A-Z]{1,3}\d+[A-Z]?|\d+[BMKbmk]|v\d+")
# A LaTeX macro that lost its backslash, or a word that lost its space, before a number:
# "sim0.6" ($\sim$0.6), "to1.5B", "log2" are not coined names; nor is a data split ("val2017").
_FUSED_TO_NUMBER = re.compile(
    r"(?:sim|approx|times|pm|leq|geq|cdot|log|exp|to|of|by|at|in|and|or|than|about|train|val|test|dev)\d")


def is_name_shaped(word: str) -> bool:
    """Whether a word looks like a coined name rather than an English word.

    Inner capitals (``LLaVA``, ``HorNet``), letters fused with digits
    (``ConvS5``, ``Qwen2``) or hyphenated all-caps parts (``ST-LLM``) make a
    name; hardware and number formats (``A100``, ``FP16``, ``7B``) do not,
    and a lone all-caps word (``CPPD`` or ``GPU``) needs a cue elsewhere.

    Examples
    --------
    >>> [w for w in "LLaVA HorNet ConvS5 ST-LLM A100 FP16 Vision-Language mIoU LLMs GPU sim0.6 val2017 QKFormer".split()
    ...  if is_name_shaped(w)]
    ['LLaVA', 'HorNet', 'ConvS5', 'ST-LLM', 'mIoU', 'QKFormer']
    >>> [w for w in "Search-R1 R1-Searcher COVID-19 Tesla-V100 Type-C".split() if is_name_shaped(w)]
    ['Search-R1', 'R1-Searcher']
    """
    if _FUSED_TO_NUMBER.match(word):
        return False
    parts = word.split("-")
    if any(_MIXED_CASE.search(part) for part in parts):
        return True
    if any(_LETTERS_DIGITS.search(part) and not _CAPS_DIGITS.fullmatch(part) for part in parts):
        return True
    if len(parts) == 2 and any(_LETTER_DIGIT.fullmatch(part) for part in parts) \
            and any(_CAPITALISED.fullmatch(part) for part in parts):
        return True  # a word hyphenated to a letter and digit: "Search-R1", "R1-Searcher", "Liquid-S4"
    caps = [part for part in parts if part.isupper() and len(part) >= 2]
    return len(parts) >= 2 and len(caps) >= 2 and len(caps) == len(parts)


_LETTER_DIGIT = re.compile(r"[A-Z]\d")
_CAPITALISED = re.compile(r"[A-Z][a-z]{2,}")


# Capitals, then lower case: "LLMLingua", or a word capitalised to spell an acronym ("QUAdruped Robot Dataset").
_CAPITALS_THEN_LOWER = re.compile(r"[A-Z]{2,}[a-z]+")


def _spelled_word(word: str, text: str) -> bool:
    """Whether ``word`` is a plain word of ``text`` written with capitals that spell an acronym ("ADAptive")."""
    if not _CAPITALS_THEN_LOWER.fullmatch(word):
        return False
    counts = _word_counts(text)
    return word.lower() in counts or word.capitalize() in counts


# A host name, which names a page, not a model: "cupid3d.github.io".
_WEB_ADDRESS = re.compile(r"\.(?:github\.io|io|com|org|net|ai|dev|app|html?)$")


@lru_cache(maxsize=8)  # the model, dataset and benchmark extractors read the same doc text
def name_shaped_words(text: str) -> tuple[re.Match, ...]:
    """Every word of ``text`` that :func:`is_name_shaped`, as regex matches.

    Examples
    --------
    >>> [m.group() for m in name_shaped_words("We fine-tune LLaVA and ST-LLM on 8 A100s, not GPT-4/ViT.")]
    ['LLaVA', 'ST-LLM']
    """
    # A name-shaped word has an inner capital, a letter next to a digit or two capitalised
    # parts, and each of those has a hint; the few words around hints get the full pattern.
    # A candidate word starts where its run of word characters does (the pattern's
    # lookbehind), so matching there finds what scanning the whole text would.
    found = []
    reversed_text = text[::-1]
    run_end = 0
    for hint in _SHAPE_HINT.finditer(text):
        if hint.start() < run_end:
            continue  # one candidate per run, and each run is read once: linear time
        before = len(text) - hint.start()
        run = hint.start() - (_RUN.match(reversed_text, before).end() - before)
        run_end = _RUN.match(text, hint.start()).end()
        match = _SHAPE_CANDIDATE.match(text, run)
        if match is not None and not _plain_word(match.group()) and is_name_shaped(match.group()) \
                and not _WEB_ADDRESS.search(match.group()) and not _spelled_word(match.group(), text):
            found.append(match)
    return tuple(found)


def _plain_word(word: str) -> bool:
    """A word of letters in lower or title case: never name-shaped, and most words are (a fast exit)."""
    return word.isalpha() and (word.islower() or word.istitle())


#: Last words of a long form that say what kind of thing it names.
HEADS = {
    "DATASET": frozenset("dataset datasets corpus corpora collection".split()),
    "BENCHMARK": frozenset("benchmark benchmarks bench suite arena challenge leaderboard testbed".split()),
    "METRIC": frozenset("score distance error rate accuracy ratio metric index divergence similarity".split()),
}
#: The nouns that end a dataset's or a benchmark's name, and a regex of any one of them (the longest first).
DATA_HEADS = HEADS["DATASET"] | HEADS["BENCHMARK"]
DATA_HEAD_WORD = "(?:" + "|".join(sorted(DATA_HEADS, key=len, reverse=True)) + ")"

#: Nouns of one part of a system, said after its definition: "the Masked Static (MS) module".
PART_KINDS = frozenset("module block layer unit mechanism strategy scheme component branch".split())

#: The start of a list of the parts something is made of, up to a point in it: "three key components: (1) a ...",
#: "consists of three modules: A (SA), B (SB), and ".
PARTS_LISTED = re.compile(r"\b(?:(?:two|three|four|five|six|several|key|main|core|novel|new|specialized)\s+){1,3}"
                          r"(?:[\w-]+\s+)?(?:modules|components|parts|blocks|innovations|designs|branches|units)"
                          r"\s*:[^.;:]*$")
#: Last words of a task's or a field's name, which an abstract defines as often as a model's: "visual question
#: answering (VQA)", "statistical machine translation (SMT)", "Low-Light Image Enhancement (LLIE)".
TASK_HEADS = frozenset(
    "answering understanding extraction linking translation forecasting recognition detection segmentation "
    "enhancement super-resolution resolution generation retrieval classification processing discovery captioning "
    "summarization reasoning grounding completion tracking localization synthesis editing inpainting restoration "
    "navigation manipulation verification tagging labeling interaction control forgetting prediction predictions "
    "analysis identification imputation counting estimation assessment spotting diarization repair".split()
)

#: The passive of a proposal cue, after the proposed name: "adaptive draft sampling (ADS) is introduced".
PASSIVE_PROPOSAL = re.compile(r"(?:is|are)\s+(?:first\s+|further\s+|then\s+|also\s+|hereby\s+)?"
                              r"(?:proposed|introduced|presented|developed|designed|devised)\b")

# A naming verb that points back at what it names: "we refer to it as X", "refer to the resulting model as X".
_REFER_TO_AS = r"refer(?:red)? to (?:it |this |them |(?:the|this|our|these) (?:[\w-]+ ){0,3}?)?as"
# The verbs by which a paper gives what it introduces, as stems.
_PROPOSAL_VERBS = ("propos", "introduc", "present", "develop", "design", "releas", "construct", "build", "curat", "collect",
                   "creat", "contribut", "devis", r"put(?:ting|s)? forward", "establish", "offer", "launch", "unveil",
                   r"open[- ]?sourc")
_PROPOSAL_STEM = "(?:" + "|".join(_PROPOSAL_VERBS) + ")"
#: A second verb of the paper's, its subject left before: "We observe ... and propose X", "..., then construct X".
SECOND_PROPOSAL_VERB = r"\b(?:and|then)\s+" + _PROPOSAL_STEM + r"(?:es|e|s)?\b"
#: Where a :data:`SECOND_PROPOSAL_VERB` starts, for :func:`word_automaton`: "and propos", "then put", ...
SECOND_PROPOSAL_OPENINGS = tuple(f"{first} {re.match('[a-z]+', verb).group()}"
                                 for first in ("and", "then") for verb in _PROPOSAL_VERBS)

#: A paper introducing something: the cue before a proposed name.
PROPOSAL_CUE = re.compile(
    # An adverb or auxiliary may stand between: "we first propose", "we are releasing", "we further introduce".
    # ("This motivates us to propose X" and a single author's "I present X" give a name too.)
    r"\b(?:we|I|us to|this (?:paper|work|study|article|letter)|our (?:paper|work|study))\s+"
    r"(?:(?:\w+ly|first|also|further|then|here|now|thus|hence|"
    r"therefore|finally|additionally|are|have|will|can)\s+){0,2}"
    + _PROPOSAL_STEM + r"(?:es|e|s|ed|ing)?\b"
    # (not what experiments give: "we present results on two datasets")
    r"(?!\s+(?:(?:our|the|some|extensive|experimental|empirical|new)\s+)?(?:results?|experiments?|findings|"
    r"evaluations?|analys[ie]s|comparisons?|observations?|evidence)\b"
    # (nor the study of something else: "I present a detailed study on StructFormer (SF)")
    r"|\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:study|survey|review|overview|investigation|analysis)\s+(?:on|of|into)\b)"
    # ("named entities", the task's noun, names nothing)
    r"|\b(?:called|named(?! entit)|dubbed|termed|coined|" + _REFER_TO_AS + r")\b"
    r"|\b(?:the|our) (?:newly )?proposed\b",
    re.IGNORECASE,
)

def word_automaton(words: Iterable[str]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton of ``words`` for :func:`finditer_at_words`."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def finditer_at_words(pattern: re.Pattern, words: ahocorasick.Automaton, text: str, start: int = 0) -> list[re.Match]:
    """``list(pattern.finditer(text, start))``, trying the pattern only where one of its opening words is.

    Every match of ``pattern`` must start a word (``\\b``) with one of ``words`` (lower
    case; the pattern may match them in any case), so a word found inside another
    ("rate" in "generate") is not tried. A case-insensitive pattern whose branches
    open with ``\\b`` tries every position of the text, several times slower than
    one Aho-Corasick pass. Text beyond ASCII is scanned in full: some of its letters
    (the dotless i) match ASCII ones case-insensitively.

    Examples
    --------
    >>> cues = finditer_at_words(PROPOSAL_CUE, _PROPOSAL_CUE_WORDS, "We  propose X, called Y; we were not.")
    >>> [cue.group() for cue in cues]
    ['We  propose', 'called']
    """
    if not text.isascii():
        return list(pattern.finditer(text, start))
    found, end = [], start
    starts = {last + 1 - length for last, length in words.iter(_lower(text), start)}
    for at in sorted(at for at in starts if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")):
        if at >= end and (match := pattern.match(text, at)) is not None:
            found.append(match)
            end = match.end()
    return found


@lru_cache(maxsize=8)  # the cue, noun and measure searches of one doc read the same text
def _lower(text: str) -> str:
    return text.lower()


# Where a PROPOSAL_CUE match starts: the first words of its branches.
_PROPOSAL_CUE_WORDS = word_automaton(
    ["we", "i", "us to", "this paper", "this work", "this study", "this article", "this letter", "our paper", "our work",
     "our study",
     "called", "named", "dubbed", "termed", "coined", "refer"]
    + [f"{owner} {newly}proposed" for owner in ("the", "our") for newly in ("", "newly ")]
)


# Where an _OUR_NAMED match starts.
_OUR_WORD = word_automaton(["our "])


@lru_cache(maxsize=8)  # the model extractors and the proposes detector read the same doc text
def proposal_cues(text: str, start: int = 0) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of each :data:`PROPOSAL_CUE` in ``text``, as ``PROPOSAL_CUE.finditer(text, start)``.

    The whole text is scanned once; later ``start`` offsets reuse that scan.

    Examples
    --------
    >>> text = "Title\\n\\nWe propose X, called Y."
    >>> [text[s:e] for s, e in proposal_cues(text, 6)]
    ['We propose', 'called']
    """
    if start == 0:
        return tuple(cue.span() for cue in finditer_at_words(PROPOSAL_CUE, _PROPOSAL_CUE_WORDS, text))
    cues = proposal_cues(text)
    if any(cue_start < start < cue_end for cue_start, cue_end in cues):
        # A cue across ``start`` hid what a scan from there finds.
        return tuple(cue.span() for cue in finditer_at_words(PROPOSAL_CUE, _PROPOSAL_CUE_WORDS, text, start))
    return tuple(cue for cue in cues if cue[0] >= start)


# A name a naming verb gives: a capitalised or coined run of words, or a short
# lower-case phrase that ends the clause ("a process we refer to as hyperfitting --").
_NAMING = re.compile(
    # "named" also opens "named entities": it gives a capitalised name only.
    # (a sentence may open on the verb: "Termed as VGTR, our approach ...")
    r"\b(?:[Cc]alled|[Dd]ubbed|named(?=\s+(?:as\s+)?(?:the\s+)?[A-Za-z]*[A-Z])|[Tt]ermed|coined|"
    + _REFER_TO_AS + r"|we call(?: it| this)?|"
    r"[Ww]e name (?:it|this|them|(?:our|the|these|this) [\w-]+(?: [\w-]+)?))"
    r"\s+(?:as\s+)?(?:the\s+)?(?P<name>"
    r"(?:[A-Z][\w^+-]*|[a-z]+[A-Z][\w^+-]*)(?: (?:[A-Z][\w^+-]*|[a-z]+[A-Z][\w^+-]*)){0,3}(?![\w-])"
    # (a lower-case name opens on no function word: "we call for more research" names nothing)
    r"|(?!(?:for|upon|on|the|and|with|from|into|our|their|its|this|that|these|those|such|more|some|any|all)\b)"
    r"[a-z][a-z-]{2,}(?: [a-z][a-z-]{2,}){0,2}(?=\s*(?:[,.;:)]|--|$)|\s(?:and|that|which|to|for|with|as|in|on|is|was|\()\b))"
)
# The paper speaking of its own work: what gives a lower-case phrase a name of the paper's making ("a process we refer
# to as hyperfitting", "a novel component called spatio-temporal adaptive embedding").
_PAPER_SPEAKING = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Nn]ovel|[Nn]ew|[Pp]ropos\w*|[Ii]ntroduc\w*|[Pp]resent\w*)\b")
# A lower-case word that carries a phrase on after its first, capitalised word.
_PHRASE_GOES_ON = re.compile(r" (?!(?:and|or|to|for|with|which|that|as|in|on|is|are|was|were|by|from|at|of)\b)[a-z]")
# Every match of _NAMING holds one of these.
_NAMING_VERBS = ("alled", "ubbed", "named", "ermed", "coined", "refer", "we call", "e name ")
# One word a cue may name: coined (a second capital or a digit, or lower case with an inner capital)
# or capitalised. (Each word is read one way only, the whole word: two quantifiers that could share its
# letters made a match's failure quadratic in the word's length.)
_NAME_WORD = r"(?:[A-Z](?=[\w^+-]*?[A-Z0-9])[\w^+-]*+|[A-Z][a-z]{2,}+[\w^+-]*+|[a-z]+[A-Z][\w^+-]*+)"
# What sets an apposition off: a comma, or a dash between spaces ("we present EMMET - an ... algorithm").
_SET_OFF = r"(?:,|\s[-–—]{1,2})\s+"
# The paper's new thing in apposition: "We launch EVE, an encoder-free model", "the SNARE, the first ... benchmark".
_APPOSITIVE = re.compile(
    r"(?P<name>(?<![\w-])" + _NAME_WORD +
    # (or Title Case words, described at once: "Liger Attention, an intra-layer hybrid attention mechanism")
    r"(?:\s[A-Z][a-z]+[\w^+-]*(?=(?:\s[A-Z][a-z]+[\w^+-]*){0,2}" + _SET_OFF + r"(?:a|an)\s)){0,3})"
    # (its short form may come first: "NaturalCodeBench (NCB), a challenging code benchmark")
    r"(?:(?:\s+\([^()]{1,20}\))?" + _SET_OFF + r"(?:a|an|the)\s+(?P<description>[^,.;:()]{0,120})| (?P<head>framework|model|method|approach|"
    r"architecture|system|dataset|benchmark|corpus)\b)"
)
_ONE_WORD_NAME = r"(?P<name>" + _NAME_WORD + ")"
# "a ... framework, namely Ligandformer, for ...": one word set off by commas (a list after "namely" is no name).
_NAMELY = re.compile(r",\s+namely,?\s+" + _ONE_WORD_NAME + r"(?=\s*[,(])")
# That word right after the cue, then the clause goes on: "we introduce Fusioner, with ...".
_CUED_NAME = re.compile(_ONE_WORD_NAME + r"(?=\s*[,;(]|\s+(?:which|that|to|for)\b)")
# ... and described in the clause it opens: "we propose LANCER, which leverages ...".
_WHICH_AFTER = re.compile(r",\s+(?:which|that)\s+(?!is\b|are\b)[a-z]+s\b")
# Lower-case names the paper counts out after its cue: "we propose two modifications to the
# attention mechanism - clipped softmax and gated attention." The count must match the items.
_LOWER_NAME = r"[a-z][a-z-]+(?: [a-z][a-z-]+){0,3}"
_COUNTED_LIST = re.compile(
    r"\s+[^.:;]{0,40}?\b(?P<count>two|three|four)\b[^.:;]{0,80}?(?::|\s--?\s|\s\u2014\s)\s*"
    rf"(?P<items>{_LOWER_NAME}(?:, {_LOWER_NAME}){{0,2}},? and {_LOWER_NAME})(?=\s*[.;(])"
)
_COUNTS = {"two": 2, "three": 3, "four": 4}
_LIST_SEPARATOR = re.compile(r",? and |, ")
# One of two methods in turn, set off by commas: "One, hidden state optimization, can ... The other, ...".
_ENUMERATED_NAME = re.compile(r"(?:^|(?<=[.!?] ))(?:One|The other|The first|The second), (?P<name>[a-z][a-z-]+(?: [a-z][a-z-]+){1,3}), ")
# A lower-case name right after the cue, in apposition: "we introduce temporary forgetting, a ...".
_LOWER_APPOSITIVE = re.compile(
    # (not a verb in -ing: "We propose using diffusion models, a class of ...")
    r"\s+(?!(?:a|an|the|our|new|novel|simple|several|various|two|three|four|many|some|this|these)\b|[a-z]+ing\b)"
    r"(?P<name>[a-z][a-z-]{2,}(?: [a-z][a-z-]{2,}){1,2}), (?:a|an) "
)
#: What a paper calls its own thing after "our" ("our method", "our graph transformer variant"), and its kind alone.
OWN_KIND = r"(?:method|model|approach|framework|system|algorithm|architecture|agent|pipeline|variant)"
OWN_THING = r"(?:[a-z-]+ ){0,2}?" + OWN_KIND
# The paper's own thing named after what it is: "our method, SRR, ...", "our agent DreamSmooth".
# Only a coined-looking name (capitals inside or digits): "our model, Transformer-based, ..." is none.
# A Title Case name of two to four words, set off by a comma or ending the clause: "Rotary Major Scan".
_TITLE_CASE_NAME = (r"(?:[A-Z](?=[a-zA-Z^+-]*?[a-z])[a-zA-Z^+-]* ){1,3}[A-Z](?=[a-zA-Z^+-]*?[a-z])[a-zA-Z^+-]*"
                    r"(?=[,.;:)]| and\b(?! [A-Z][a-z]+ [A-Z])| which\b| that\b| to\b)")
_CUED_TITLE_CASE = re.compile(_TITLE_CASE_NAME)
_OUR_NAMED = re.compile(
    r"\b[Oo]ur " + OWN_THING
    + r",? (?:called |named |dubbed )?(?P<name>[A-Z](?=[\w^+-]*?[A-Z0-9])[\w^+-]*(?![\w-])|[a-z]+[A-Z][\w^+-]*(?![\w-])|"
    + _TITLE_CASE_NAME + ")"
)
# "a novel TEmporal Swin Attention block": a Title Case or coined name before the kind of thing it is.
_NAMED_KIND = (
    r"(?P<name>(?:[A-Z][a-zA-Z^+-]* ){1,3}[A-Z][a-zA-Z^+-]*"
    r"|[A-Z][a-z]+(?:-[A-Z][a-z]+){2,}) "  # or one word of three capitalised parts: "a new Distill-Retrieve-Read framework"
    r"(?:block|module|layer|mechanism|framework|architecture|method|approach|algorithm|network|strategy|technique|"
    r"objective|loss|operator|scheme)s?\b"
)
# ... or a Title Case name that ends in its capitalised kind: "a new Context-Adaptive Proposal Module".
_NAMED_WITH_KIND = (r"(?P<titled>(?:[A-Z][a-zA-Z^+-]* ){1,4}(?:Block|Module|Layer|Mechanism|Network|Unit|Encoder|"
                    r"Decoder|Adapter)s?)(?![\w-]| [A-Z])")
_NOVEL_NAMED = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Oo]ur) (?:novel|new|proposed|innovative) (?:" + _NAMED_KIND + "|"
                          + _NAMED_WITH_KIND + ")")
# The same right after a proposal cue, which says it is new: "we introduce a Dual-Image Enhanced CLIP approach".
# (unless a name follows: "a Bottom-Up Patch Summarization approach named BUS" is BUS's description)
_CUED_NAMED_KIND = re.compile(r"\s+(?:a|an|the)\s+(?:" + _NAMED_KIND + "|" + _NAMED_WITH_KIND
                              + r")(?!,?\s+(?:named|called|dubbed|termed)\b)")


def _named_kind_group(match: re.Match) -> str:
    """Which group of a _NAMED_KIND-or-_NAMED_WITH_KIND match holds the name."""
    return "name" if match["name"] else "titled"
# The kind first, then the name in apposition: "we propose a novel token compression method, GlobalCom^2,
# tailored for ...", "we introduce a new benchmark, FooBench, which ...", "a mathematics dataset called "X"".
_NOT_PARTS = r"(?:task|problem|setting|challenge|perspective|insight|finding|direction|question|view)"
_KIND_THEN_NAME = re.compile(
    r"\s+(?:(?:and|then)\s+\w+\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?(?P<kind>method|framework|model|approach|architecture|"
    r"system|algorithm|technique|strategy|scheme|pipeline|paradigm|agent|family|network|module|dataset|benchmark|"
    r"corpus|suite|testbed"
    # (any noun the text calls new but a task's or an idea's: "we propose a novel vision-language projector, PVTC.")
    r"|(?:(?<=\bnovel )|(?<=\bnew ))(?:[\w-]+\s+){0,3}?(?!" + _NOT_PARTS + r"s?,)[a-z][\w-]*[a-z](?=,\s))s?"
    r"(?:,\s+(?:(?:named|called|dubbed|termed)\s+)?|\s+(?:named|called|dubbed|termed)\s+)"
    r"[\"“]?"
    r"(?P<name>(?:[A-Z][\w^+-]*|[a-z]+[A-Z][\w^+-]*)(?: (?:[A-Z][\w^+-]*|[a-z]+[A-Z][\w^+-]*)){0,3})[\"”]?"
    r"(?=\s*[,.;:(]|\s+(?:which|that|to|for|with|as|tailored|designed|built|where|and|sourced|collected)\b)"
)
# A name set off by commas before "which"/"that", later in the cue's sentence.
_LATER_APPOSITIVE = re.compile(r",\s+" + _ONE_WORD_NAME + r"\s*,\s+(?:which|that)\b")
#: Where a sentence ends, for rules that read to the end of one.
SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_ARTICLE_WORDS = word_automaton([f"{article} {new} " for article in ("a", "an", "the", "our")
                                 for new in ("novel", "new", "proposed", "innovative")])
# The rest of a long form made of listed words, then its acronym: ", Eliminate, and Track (PET)".
_LISTED_LONG_FORM = re.compile(r"(?:,\s+(?:and\s+)?[A-Z][\w-]*){1,4}\s+\([A-Z][\w-]{1,10}\)")
# Last words of a name that states an idea, not a system or data: "the Byte-Token Representation Lemma".
_NOT_SYSTEMS = frozenset("lemma theorem law principle hypothesis conjecture problem paradox effect phenomenon".split())
# Between the cue and the name: "we design and release the SNARE".
_WORDS_BEFORE_NAME = re.compile(r"\s+(?:and \w+\s+)?(?:the |a |an |our )?")


@lru_cache(maxsize=8)  # every typed extractor asks about the same doc text
def introduced_names(text: str) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, label)`` of names the text gives a new thing: "called X", "we propose X, a ...".

    The label is ``DATASET`` or ``BENCHMARK`` when the description calls the
    thing so ("SNARE, the first ... benchmark"), ``MODEL`` otherwise.

    Examples
    --------
    >>> text = ("We launch EVE, an encoder-free model. Our new stage called locality alignment, which helps. "
    ...         "We release the SNARE, the first large-scale probing benchmark.")
    >>> [(text[s:e], label) for s, e, label in introduced_names(text)]
    [('locality alignment', 'MODEL'), ('EVE', 'MODEL'), ('SNARE', 'BENCHMARK')]
    >>> text = "We propose two fixes to attention: clipped softmax and gated attention. One, soft capping, helps."
    >>> [text[s:e] for s, e, _ in introduced_names(text)]
    ['clipped softmax', 'gated attention', 'soft capping']
    >>> text = "With our method, SRR, and our graph transformer variant GT-Lite, a model, Mamba, helps."
    >>> [text[s:e] for s, e, _ in introduced_names(text)]
    ['SRR', 'GT-Lite']
    >>> text = "We build a graph framework, namely Ligandformer, for molecules. Ligandformer reads two tasks, namely QA, and MT."
    >>> [(text[s:e], label) for s, e, label in introduced_names(text)]
    [('Ligandformer', 'MODEL')]
    >>> text = "We propose Token Recycling. Token Recycling stores tokens; we present Long Contexts, which help."
    >>> [text[s:e] for s, e, _ in introduced_names(text)]
    ['Token Recycling']
    >>> text = "We propose the Knowledge Filter. We propose Instructed Temporal Grounding to test it."
    >>> [text[s:e] for s, e, _ in introduced_names(text)]
    ['Knowledge Filter']
    >>> text = "It uses our token rearrangement method, Rotary Major Scan, and a novel TEmporal Swin Attention block."
    >>> [text[s:e] for s, e, _ in introduced_names(text)]
    ['Rotary Major Scan', 'TEmporal Swin Attention']
    >>> text = "We propose a new Distill-Retrieve-Read framework, not a new Bayesian framework."
    >>> [text[s:e] for s, e, _ in introduced_names(text)]
    ['Distill-Retrieve-Read']
    >>> text = "It adds a new Context-Adaptive Proposal Module and an innovative Fake-Proposal Generation Block."
    >>> [text[s:e] for s, e, _ in introduced_names(text)]
    ['Context-Adaptive Proposal Module', 'Fake-Proposal Generation Block']
    """
    return tuple(_introduced_names(text))


# What stands between a proposal cue and the name it gives: a few words, none a preposition ("we propose a
# video retrieval augmented generation (VRAG)", not "we introduce X for abstractive event extraction (AEE)").
_CUE_THEN_NAME = re.compile(r"\s+(?:(?!(?:for|of|on|in|with|to|and|from|by|at|as)\b)[\w-]+\s+){0,4}\(?$", re.IGNORECASE)


# The noun "task" right after a definition: a new task is still a task.
_TASK_AFTER = re.compile(r"\s*\([^()]{1,20}\)\s+(?:[Ss]ub)?(?:[Tt]ask|[Pp]roblem)s?\b")
# A noun of one method right after a definition: "... estimation (NME) method".
# (Not "model" or "system", which a task's name qualifies as often: "speech recognition (ASR) systems".)
_METHOD_AFTER = re.compile(r"\s*\([^()]{1,20}\)\s+(?:method|framework|algorithm|module|architecture|scheme|mechanism|"
                           r"optimizer)\b")

# ... or right before it, setting it off: "a novel method, X (SF)", "a framework called X (SF)".
_METHOD_BEFORE = re.compile(r"\b(?:method|framework|algorithm|approach|architecture|scheme|network)"
                            r"(?:,|:|\s+(?:called|named|termed|dubbed|namely))\s+(?:the\s+)?$")


def names_task(text: str, long_form: str, at: int) -> bool:
    """Whether the definition of ``long_form`` at ``text[at]`` names a task or a field, not the paper's own method.

    Its last word is a task's (:data:`TASK_HEADS`), and no proposal cue gives it as a name right before.

    Examples
    --------
    >>> text = "Video Question Answering (VideoQA) is hard. We propose Future Token Prediction (FTP)."
    >>> names_task(text, "Video Question Answering", 0), names_task(text, "Future Token Prediction", text.index("Fu"))
    (True, False)
    >>> text = "We propose a model called PTS (Page-specific Target-text alignment Summarization)."
    >>> names_task(text, "Page-specific Target-text alignment Summarization", text.index("PTS"))
    False
    >>> text = "It develops a new Nesterov momentum estimation (NME) method."
    >>> names_task(text, "Nesterov momentum estimation", text.index("Nest"))
    False
    >>> text = "This paper presents a novel method, Zero-Reference Deep Curve Estimation (Zero-DCE), for it."
    >>> names_task(text, "Zero-Reference Deep Curve Estimation", text.index("Zero"))
    False
    >>> text = "We introduce a more fine-grained Aspect-Opinion Triplet Extraction (AOTE) Task."
    >>> names_task(text, "Aspect-Opinion Triplet Extraction", text.index("Asp"))
    True
    """
    if long_form.rsplit(None, 1)[-1].lower().rsplit("-", 1)[-1] not in TASK_HEADS:
        return False
    if _TASK_AFTER.match(text, at + len(long_form)):
        return True  # "we introduce a more fine-grained Aspect-Sentiment-Opinion Triplet Extraction (ASOTE) Task"
    if _METHOD_AFTER.match(text, at + len(long_form)) or _METHOD_BEFORE.search(text, max(0, at - 40), at):
        return False  # "a new Nesterov momentum estimation (NME) method", "a novel method, Zero-Reference Deep Curve
        # Estimation (Zero-DCE)": the noun beside it says what it is
    return not any(_CUE_THEN_NAME.match(text, cue_end, at) for _, cue_end in proposal_cues(text, sentence_start(text, at)))


#: How far back a sentence is read from a point in it: farther than any real sentence runs, and a bound on what
#: each name costs in a record that never ends a sentence (read from each name, the text would be read whole).
SENTENCE_REACH = 1000


def sentence_start(text: str, at: int) -> int:
    """Where the sentence (or line) holding ``text[at]`` starts: after the last full stop or line break before it,
    at most :data:`SENTENCE_REACH` characters back.

    Examples
    --------
    >>> text = "A title\\nWe use it. Then X (SF) helps."
    >>> text[sentence_start(text, text.index("X")):text.index("X")], sentence_start(text, 3)
    (' Then ', 0)
    >>> sentence_start("word " * 1000, 4000)
    3000
    """
    floor = max(0, at - SENTENCE_REACH)
    return max(text.rfind(".", floor, at), text.rfind("\n", floor, at)) + 1 or floor


def line_bounds(text: str) -> list[tuple[int, int]]:
    """Where each line of ``text`` starts and ends (before its line break), in order.

    Examples
    --------
    >>> line_bounds("A title\\nAn abstract.")
    [(0, 7), (8, 20)]
    """
    starts = [0] + [newline.end() for newline in re.finditer("\n", text)]
    return [(start, end - 1) for start, end in zip(starts, starts[1:])] + [(starts[-1], len(text))]


def judged_per_part(text: str, bounds: list[tuple[int, int]], judge: Callable[[str], bool]) -> Callable[[int], bool]:
    """``judge`` of the part of ``text`` that holds a position, each part (a line, a sentence: ``bounds``, in order)
    judged once: a record of one line or sentence naming thousands would otherwise be read whole at each name.

    Examples
    --------
    >>> text = "A title" + chr(10) + "A longer abstract."
    >>> long_line = judged_per_part(text, line_bounds(text), lambda part: len(part) > 10)
    >>> long_line(3), long_line(12)
    (False, True)
    """
    starts = [start for start, _ in bounds]
    verdicts: dict[int, bool] = {}

    def of(position: int) -> bool:
        part = bisect_right(starts, position) - 1
        if part not in verdicts:
            verdicts[part] = judge(text[slice(*bounds[part])])
        return verdicts[part]

    return of


def continues_word(char: str, joiners: str = "") -> bool:
    """Whether ``char`` would continue a word: a regex word character (``\\w``) or one of ``joiners``.

    Examples
    --------
    >>> continues_word("a"), continues_word("-"), continues_word("-", "-"), continues_word("")
    (True, False, True, False)
    """
    return char != "" and (char.isalnum() or char == "_" or char in joiners)


_DETERMINERS = frozenset("a an the this these our its their".split())
# Nouns of what is not a system, which a naming verb after them names: a task, a setting, a problem or a law.
_NOT_SYSTEM_KINDS = _NOT_SYSTEMS | frozenset("task tasks setting settings problems phenomena effects".split())


def _words_before(text: str, at: int) -> list[str]:
    """The words before ``text[at]`` in its sentence, nearest first, six at most."""
    return text[sentence_start(text, at) : at].split()[-6:][::-1]


def _names_no_system(words_before: list[str]) -> bool:
    """Whether the noun phrase before a naming verb (its :func:`_words_before`) is of a task or an idea, not a system.

    Examples
    --------
    >>> text = "We pose a novel task called online video editing, a streamlined baseline called ZorbEdit."
    >>> [_names_no_system(_words_before(text, text.index(verb))) for verb in ("called", "called Z")]
    [True, False]
    """
    for word in words_before:
        word = word.lower().strip(",.;:()")
        if word in _NOT_SYSTEM_KINDS:
            return True
        if word in _DETERMINERS:
            return False  # the phrase's start: "a streamlined baseline called X" after "the ... problem"
    return False


def _label_before(text: str, at: int) -> str:
    # The noun nearest ``at`` in its sentence says what is named: "a novel paradigm called X", "a metric termed X".
    return _label_of(_words_before(text, at))


def _introduced_names(text: str) -> Iterator[tuple[int, int, str]]:
    # Most texts have no naming verb: looking for the words is cheaper than the regex's scan.
    namings = _NAMING.finditer(text) if any(verb in text for verb in _NAMING_VERBS) else ()
    for match in namings:
        if match["name"][0].islower() and not _PAPER_SPEAKING.search(text, sentence_start(text, match.start()),
                                                                     match.start()):
            continue  # a plain phrase the field uses: "a problem called hallucinations", "labels, called pseudo-labels"
        if match["name"].istitle() and match["name"].isalpha() and _PHRASE_GOES_ON.match(text, match.end("name")):
            continue  # the first word of a phrase in sentence case: "named Contrastive learning with ... (CBiT)"
        before = _words_before(text, match.start())
        if _names_no_system(before):
            continue  # "a novel task called online video editing", "a phenomenon we call X"
        yield match.start("name"), match.end("name"), _label_of(before)
    for _, cue_end in proposal_cues(text):
        lead = _WORDS_BEFORE_NAME.match(text, cue_end)
        found = lead and _APPOSITIVE.match(text, lead.end())
        if found is not None and not is_generic(found["name"]) and found["name"] not in _SENTENCE_WORDS \
                and found["name"].rsplit(None, 1)[-1].lower() not in _NOT_SYSTEMS:
            description = (found["description"] or found["head"] or "").split()
            yield found.start("name"), found.end("name"), _label_of(description)
        elif lead is not None and (named := _CUED_NAME.match(text, lead.end())) is not None:
            # "we introduce Fusioner, with a lightweight ... Fusioner demonstrates ...": a name the cue
            # gives that the text uses again (not the first word of a list its acronym spells: "the Plan,
            # Eliminate, and Track (PET) framework").
            name = named["name"]
            if (name not in _SENTENCE_WORDS and not _LISTED_LONG_FORM.match(text, named.end("name"))
                    and not is_generic(name) and (_word_counts(text).get(name, 0) >= 2
                                                  or _WHICH_AFTER.match(text, named.end("name")))):
                yield named.start("name"), named.end("name"), "MODEL"
        elif lead is not None and (named := _CUED_TITLE_CASE.match(text, lead.end())) is not None:
            # "we propose Token Recycling. ... Token Recycling requires ...": Title Case words the cue names
            # and the text uses again, or once when they name no task, evaluation or idea ("we propose the
            # Knowledge Filter.", not "We propose Instructed Temporal Grounding, a task ...").
            last = named.group().rsplit(None, 1)[-1].lower()
            if not is_generic(named.group()) and (text.count(named.group()) >= 2 or (
                    last not in TASK_HEADS and last not in _NOT_SYSTEMS and last != "evaluation")):
                yield named.start(), named.end(), "MODEL"
        yield from _counted_names(text, cue_end)
        sentence_end = SENTENCE_END.search(text, cue_end, cue_end + 300)
        later = _LATER_APPOSITIVE.search(text, cue_end, sentence_end.start() if sentence_end else cue_end + 300)
        if later is not None and not is_generic(later["name"]) and later["name"] not in _SENTENCE_WORDS:
            # "we present a new efficient LLVM family with model sizes of 0.5B, ..., and 7B parameters,
            # Phantom, which ...": the name set off by commas after a description that has commas itself.
            yield later.start("name"), later.end("name"), "MODEL"
        kind_first = _KIND_THEN_NAME.match(text, cue_end)
        if kind_first is not None and not is_generic(kind_first["name"]) and kind_first["name"] not in _SENTENCE_WORDS:
            yield kind_first.start("name"), kind_first.end("name"), _label_of([kind_first["kind"]])
        named_kind = _CUED_NAMED_KIND.match(text, cue_end)
        if named_kind is not None and not is_generic(named_kind[group := _named_kind_group(named_kind)]):
            yield named_kind.start(group), named_kind.end(group), "MODEL"
        lower = _LOWER_APPOSITIVE.match(text, cue_end)
        if lower is not None and not is_generic(lower["name"]):
            yield lower.start("name"), lower.end("name"), "MODEL"
    if "our " in text or "Our " in text:
        for match in finditer_at_words(_OUR_NAMED, _OUR_WORD, text):
            if not is_generic(match["name"]):
                yield match.start("name"), match.end("name"), "MODEL"
    if "novel " in text or "new " in text or "proposed " in text or "innovative " in text:
        for match in finditer_at_words(_NOVEL_NAMED, _ARTICLE_WORDS, text):
            if not is_generic(match[group := _named_kind_group(match)]):
                yield match.start(group), match.end(group), "MODEL"
    if "namely" in text:
        for match in _NAMELY.finditer(text):
            name = match["name"]
            if name not in _SENTENCE_WORDS and not is_generic(name) and _word_counts(text).get(name, 0) >= 2:
                yield match.start("name"), match.end("name"), _label_before(text, match.start())
    if "One, " in text or "The other, " in text or "The first, " in text or "The second, " in text:
        for match in _ENUMERATED_NAME.finditer(text):
            if not is_generic(match["name"]):
                yield match.start("name"), match.end("name"), "MODEL"


@lru_cache(maxsize=8)
def _word_counts(text: str) -> dict[str, int]:
    """How often each word stands in ``text``, counted once for the doc (a name's other uses)."""
    counts: dict[str, int] = {}
    for word in _TEXT_WORD.findall(text):
        counts[word] = counts.get(word, 0) + 1
    return counts


_TEXT_WORD = re.compile(r"[\w^+-]+")


def _counted_names(text: str, cue_end: int) -> Iterator[tuple[int, int, str]]:
    counted = _COUNTED_LIST.match(text, cue_end)
    if counted is None:
        return
    separators = list(_LIST_SEPARATOR.finditer(text, counted.start("items"), counted.end("items")))
    if len(separators) + 1 != _COUNTS[counted["count"]]:
        return
    bounds = [counted.start("items")] + [sep.end() for sep in separators]
    ends = [sep.start() for sep in separators] + [counted.end("items")]
    for start, end in zip(bounds, ends):
        if not is_generic(text[start:end]):
            yield start, end, "MODEL"


_SENTENCE_WORDS = frozenset("The This These That It Its We Our A An In On To For With".split())


# Nouns for a model, and for things that are not one (a measure, a training objective), that
# decide a named thing's kind when they come before any data noun among its words.
_MODEL_KINDS = frozenset(
    "model models method methods framework approach architecture network algorithm system paradigm module "
    "technique strategy agent pipeline mechanism scheme layer block encoder decoder variant".split()
)
_NOT_MODEL_KINDS = HEADS["METRIC"] | frozenset("metrics measure loss losses objective objectives criterion".split())


def _label_of(words: list[str]) -> str:
    """What ``words`` (nearest first) call a named thing.

    The first of them that is a noun for a model (``MODEL``) or for a measure or a loss
    (``METRIC``) decides, unless a data noun comes before it: then ``BENCHMARK`` or
    ``DATASET`` when one of the words is such a head noun, else ``MODEL``.

    Examples
    --------
    >>> _label_of("metric additional an".split()), _label_of("paradigm novel a".split())
    ('METRIC', 'MODEL')
    >>> _label_of("the first probing benchmark for models".split()), _label_of(["corpus"])
    ('BENCHMARK', 'DATASET')
    """
    for word in words:
        word = word.lower().strip(",.;:()")
        if word in _NOT_MODEL_KINDS:
            return "METRIC"
        if word in _MODEL_KINDS:
            return "MODEL"
        if word in HEADS["DATASET"] or word in HEADS["BENCHMARK"]:
            break
    for label in ("BENCHMARK", "DATASET"):
        if any(word.lower().strip(",") in HEADS[label] for word in words):
            return label
    return "MODEL"


# A list's word: a name's, with a capital or a digit (a lower-case word ends the list).
_LIST_WORD = re.compile(r"(?<![\w.+-])(?=[\w.+-]*[A-Z0-9])[A-Za-z0-9][\w.+-]*[\w+](?![\w+-])")
_LIST_JOINER = re.compile(r" ?,\s(?:and\s|or\s)?|\s(?:and|or)\s")  # (" ," where a citation was cut)
# A name a list may give: capitals past its first letter, or a digit ("LASER", "DMD", "H36M"), not "Guidance".
_CO_LISTED_NAME = re.compile(r"[A-Za-z0-9][\w.+-]*(?:[A-Z]|\d)[\w.+-]*")


@lru_cache(maxsize=8)  # the model and both data extractors read the same text's lists
def co_listed_runs(text: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Each list of three or more one-word names (with a capital or a digit) joined by commas, "and" or "or", as
    ``(start, end)`` spans.

    Examples
    --------
    >>> text = "We compare LaBSE , LASER, and XLM-R, ZorbNet wins. Then CQL or IQL, on tasks."
    >>> [[text[s:e] for s, e in run] for run in co_listed_runs(text)]
    [['LaBSE', 'LASER', 'XLM-R']]
    """
    runs = []
    run: list[tuple[int, int]] = []
    closed = False  # the item after "and" or "or" is a list's last: "A, B, and C, D wins" lists three
    for word in _LIST_WORD.finditer(text):
        joiner = _LIST_JOINER.fullmatch(text, run[-1][1], word.start()) if run and not closed else None
        if joiner is not None:
            run.append(word.span())
            closed = joiner.group().rstrip().endswith(("and", "or"))
            continue
        if len(run) >= 3:
            runs.append(tuple(run))
        run, closed = [word.span()], False
    if len(run) >= 3:
        runs.append(tuple(run))
    return tuple(runs)


def co_listed_names(text: str, found: Container[tuple[int, int]], other_kinds: Container[str]) -> list[tuple[int, int]]:
    """The names a list gives beside two ``found`` spans, as one of their kind: "on 3DPW, MPII3D, and H36M".

    A list with a name of ``other_kinds`` (normalized keys) lists things of several kinds and gives none; a plain
    capitalised word ("Guidance, Outlines") or a generic one is no name.

    Examples
    --------
    >>> text = "Results on 3DPW, MPII3D, and H36M, and tools like Guidance, Outlines and XGrammar."
    >>> found = {(11, 15), (17, 23)}
    >>> [text[s:e] for s, e in co_listed_names(text, found, frozenset())]
    ['H36M']
    >>> co_listed_names(text, found, frozenset({"mpii3d"}))
    []
    """
    names = []
    for run in co_listed_runs(text):
        if sum(item in found for item in run) < 2 or any(normalize_key(text[s:e]) in other_kinds for s, e in run):
            continue
        names += [(start, end) for start, end in run if (start, end) not in found
                  and _CO_LISTED_NAME.fullmatch(text, start, end) and not is_generic(text[start:end])]
    return names
