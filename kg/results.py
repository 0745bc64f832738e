"""Result tuples: (model, dataset or benchmark, metric, value, unit, baseline) read from sentences.

A result is a number an abstract reports as the outcome of an experiment:
a score ("an FID of 1.97 on ImageNet", "58.0% PQ"), a gain or a cut
("reduces memory by 23%", "from 57.2% to 65%") or a speed-up ("8x faster
than X"). Sizes of models and data ("7B", "1.1M"), counts, resolutions and
enumerations are not results, so a number counts only with a unit of
measure (``%``, ``x``, ``ms``, ...) or right next to a metric's name.

Each value then takes, from its own sentence, the model it is about (the one
before a comparison cue, or the first one; the paper's own proposed model
when the sentence says "our" / "we"), the metric (the metric named next to
it, the noun phrase a verb changes "by" it, or the quantity a comparative
names: "faster" is speed), the dataset or benchmark (the one it is "on",
the only one before it, or the one in the same place of a "respectively"
list) and the baseline (the model after the comparison cue).

All by the sentence's structure: the subject after an opening phrase or a
"show that"; "our ..." and "the proposed ..." as the paper's own (a name
inside it first; the title's own name when nothing else names the work);
models and values listed in the same order; a list of gains with no measure
of its own paired with the results before it; "from A to B" keeps A as the
result the change started from; a measure with the words that say which
("mean IoU"); a benchmark's "X score of N"; settings ("at a ratio of 50%")
and sizes ("1024 times 1024") are no results.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from heapq import merge
from itertools import accumulate, groupby
from dataclasses import asdict, dataclass, replace

from .core.model import Mention, PaperEntities, normalize_key
from .core.schema import DATA_TYPES
from .evaluate import Score
from .relations import COMPARISON_CUE
from paperkg.extractors.abbreviations import acronym_definitions
from paperkg.extractors.lexicon import OWN_KIND
from paperkg.extractors.measures import CHANGE_NOUN, is_measure_head
from paperkg.extractors.model import title_label
from paperkg.extractors.roles import role_before

__all__ = ["Result", "extract_results", "results_frame", "result_matches", "score_results", "score_predictions",
           "without_split", "RESULT_COLUMNS"]

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# A length of time as a unit: "seconds", "GPU hours", "milliseconds".
_DURATION_UNIT = r"(?:GPU[- ])?(?:milli)?(?:seconds?|minutes?|hours?|days?)"
# Units right after a number; multipliers all become "x".
_UNITS = (
    # "11.77 percentage points" is a difference in points, not a percentage.
    (re.compile(r"(?:\s?|-)(?:percentage[- ]|absolute\s)points?\b|-points?\b"), "point"),
    # "65.\\%": a number whose decimals were lost keeps its unit.
    (re.compile(r"(?:\.(?=\\?%))?\s?(?:\\?%|percent\b)"), "%"),
    (re.compile(r"\s?[x×X](?![\w×*]|\s?\d)"), "x"),
    # "5\times", "5times" (a \times that lost its backslash), "6-to-10-times"
    (re.compile(r"(?:-fold\b|-times\b|\s?\\?(?:times|fold)\b)"), "x"),
    (re.compile(r"[\s~]?(ms|mm|FPS|fps|dB|pp|points?)\b"), None),  # ("200~ms": LaTeX's tie for a space)
    (re.compile(r"[\s~]?(GB|MB|TB|KB|GiB|MiB)\b"), "memory"),
    (re.compile(r"[\s~]?(" + _DURATION_UNIT + r")\b"), "duration"),
    # A count written out with its prefix: "15.1 PetaFLOPs" is FLOPs, counted in peta.
    (re.compile(r"\s?((?:Kilo|Mega|Giga|Tera|Peta|Exa)FLOP[Ss]?)\b"), "prefixed"),
)
_SPEEDUP_AFTER = re.compile(r"(?:\s?(?:[-–~]|to)\s?\d+(?:\.\d+)?)?\s+(?:[a-z-]+\s+)?speed-?ups?\b", re.IGNORECASE)
# A number times another: a resolution or a shape, written out ("1024 times 1024", "512 x 512").
_TIMES_NUMBER = re.compile(r"\s?\$?\\?(?:times|[x×X])\$?\s?\d")
_TIMES_BEFORE = re.compile(r"\d\s?\$?\\?(?:times|[x×X])\$?\s?$")
# A unit in LaTeX math of its own after the number: "2.1$\times$", "45.2$\%$".
_MATH_UNIT = re.compile(r"\$(?=\\(?:times|%))")
# A value in math copied from an arXiv HTML page: as rendered, then as its TeX ("188×188\times memory efficiency",
# "2.9%2.9\% in ..."). The TeX copy is read, as if written alone.
_RENDERED_THEN_TEX = re.compile(r"(?<![\d.])(?P<number>\d+(?:\.\d+)?)[×%](?P=number)(?=\\(?:times|%))")
# The setting a value is measured at, not a result: "at the exit ratio of 10-15%", "at 50% sparsity".
_SETTING_BEFORE = re.compile(
    r"\bat\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,3}?(?:ratio|sparsity|pruning|compression|level|resolution|budget|"
    r"threshold|temperature)s?\s+of\s+(?:about\s+|around\s+|only\s+|up to\s+)?$"
    # or listed in brackets after them: "three sparsity rates (25%, 37.5%, and 50%)"
    r"|\b(?:sparsity|pruning|compression|masking|quantization)\s+(?:rate|ratio|level)s\s*\(\s*$", re.IGNORECASE)
# The settings listed after one: "at pruning ratios of 50%, 66% and 75%".
_SETTINGS_LISTED = re.compile(r"(?:(?:,\s*(?:and\s+)?|\s+and\s+)\d+(?:\.\d+)?\s?(?:\\?%|[x×])){1,20}")
_SETTING_AT = re.compile(r"\bat\s+(?:only\s+|just\s+|least\s+)?$", re.IGNORECASE)
# A threshold given by its measure's value: "Average Precision at IoU=0.5".
_SETTING_EQUALS = re.compile(r"\bat\s+[A-Za-z][\w@.-]{0,12}\s?=\s?$")
_SETTING_AFTER = re.compile(r"\s*(?:sparsity|pruning|compression(?: ratio)?|(?:pruning|compression|sparsity|masking) ratio)\b",
                            re.IGNORECASE)
# The share of the data a system is given, not a result: "using only 10% of the labeled data", "with 1% labels"
# (but "using 70% less data" is a saving).
# ... or of its tokens: "at 0.02% pre-training tokens", "less than 0.4% of the pretraining tokens". (A share of the
# parameters trained is a result of its own, "achieves state-of-the-art with 0.1% trainable parameters", as is one of
# the tokens a method drops, "90% of the tokens can be dropped".)
_DATA_SHARE_BEFORE = re.compile(r"\b(?:using|with|on|at|pruning)\s+(?:only\s+|just\s+|merely\s+|less than\s+)?$",
                                re.IGNORECASE)
_DATA_SHARE_AFTER = re.compile(r"\s*(?!less\b|fewer\b|more\b)(?:of\s+(?:the\s+|its\s+)?)?(?:[\w-]+\s+){0,3}?(?:data|samples|examples|labels|"
                               r"annotations|tokens)\b", re.IGNORECASE)
_SHARE_OF_DATA = re.compile(r"\s*of\s+(?:the\s+|its\s+|their\s+)?(?:(?:training\s+|labell?ed\s+|unlabell?ed\s+)?"
                            r"(?:data|samples|examples|labels|annotations|parameters)|pre-?training\s+tokens)\b",
                            re.IGNORECASE)
# A LaTeX "about" whose backslash was lost, fused to the number: "sim0.6", "approx5".
_LOST_MACRO = re.compile(r"(?<![A-Za-z\\])(?:sim|approx)\s?$")
_MEMORY_UNITS = frozenset({"GB", "MB", "TB", "KB", "GiB", "MiB"})
# A bound rather than a result: "70 or higher", "20% or fewer".
_OR_BEYOND = re.compile(r"\s?%?\s+or\s+(?:higher|more|above|greater|better|lower|less|below|fewer)\b")
_THRESHOLD = re.compile(r"\(\s*(?:[<>≤≥]=?|\\[lg]eq?\s*)\s*$")
# A plus-minus sign, in Unicode, LaTeX or ASCII: the number after it is the spread of the value before it.
_PLUS_MINUS = r"(?:±|\\pm|\+/-|\+-)"
_SPREAD_BEFORE = re.compile(_PLUS_MINUS + r"\s*\$?\s*$")
_NEGATIVE = re.compile(r"(?:^|(?<=[\s(=]))[-−]$")
_DURATION = re.compile(_DURATION_UNIT)
# How long a run takes: "completed in 4.0 GPU hours", "within less than 500 milliseconds", "0.12 seconds per frame".
_TOOK_BEFORE = re.compile(r"\b(?:in|within|takes?|took|requires?|required)\s+(?:only\s+|just\s+|under\s+|less than\s+|"
                          r"about\s+|approximately\s+|around\s+|roughly\s+)?$", re.IGNORECASE)
# A time that changes: "reduces evaluation time from 8 hours to 10 minutes".
_CHANGED_FROM_TO = re.compile(r"\b(?:from|to)\s+(?:about\s+|around\s+|only\s+|just\s+|under\s+)?$", re.IGNORECASE)
_TRAINED_BEFORE = re.compile(r"\btrain(?:ed|s|ing)?\b[^.;,]{0,50}$", re.IGNORECASE)
_PER_ITEM = re.compile(r"\s*(?:per\s+|/\s*)(?:frame|image|sample|video|query|step|iteration|token|scene|shape)\b")
_FACTOR_OF = re.compile(r"factor of\s*$", re.IGNORECASE)
# Patterns used with ``match(text, pos)`` have no ``^``: it would anchor at the string's start, not at pos.
# Between a metric's name and its value: "FID of 1.97", "accuracy: 85.6%".
_METRIC_THEN_VALUE = re.compile(
    r"^\s*(?:\([A-Za-z][\w@-]{0,11}\)\s*)?"  # its short form: "attack success rate (ASR) of 92%"
    # What it is measured on, before a verb: "pass rate on hidden tests is 67%".
    # Its words may hold digits ("of OPT-13B from ..."), but none is another value.
    r"(?:(?:on|in|for|across|against|with|of)\s+(?:(?![\d.]+\s|(?:and|or|but|while|whereas)\s)[^\s,;:()%]+\s+){1,6}?"
    r"(?=(?:is|was|are|were|reaches|rises|drops|improves|increases|decreases|from|to)\b))?"
    r"(?:(?:scores?|metrics?|values?)(?=[\s:=])\s*)?"
    r"(?:(?:degradation|improvement|gain|drop|reduction|increase|decrease|loss)s?\s+)?"
    # The metric as the subject of its change: "recall@20 improves by 6 points", "the acceptance rate rises to 0.82",
    # "F1 score improves from 0.212 to 0.543", "a PIF metric that drops from 0.81".
    r"(?:(?:that\s+|which\s+)?(?:(?:is|are|was|were)\s+)?(?:rise|rose|risen|increase|improve|grow|grew|grown|drop|fall|"
    r"fell|fallen|decrease|decline|jump|climb|reduce|boost|lower|raise|go(?:es)? up|go(?:es)? down|went up|went down)\w*"
    r"\s+(?:by|to|from)\b)?"
    r"\s*(?:of|is|=|:|at|reaches|reaching|to|from|within)?\s*(?:(?:about|around|near|only|just|roughly|nearly|"
    r"approximately|over|above|up to|below|under|a|an|>|<|~|≈)\s*){0,2}"
    r"\(?[-−+]?$",  # "the best accuracy (87.8%)", "a correlation of -0.42"
    re.IGNORECASE,
)
# Between a value and the metric it measures: "58.0% PQ", "85.6% top-1 accuracy", "2.4× higher throughput".
_VALUE_THEN_METRIC = re.compile(r"^\)?\s*(?:\([^()]{0,20}\)\s*)?"
                                r"(?:" + _PLUS_MINUS + r"\s*\$?\s*[\d.]+\s*\$?\s*(?:\\?%\s*)?)?"  # a spread: "± 0.2"
                                r"(?:(?:absolute|relative|higher|lower|better|more|less|gains?|improvements?|"
                                r"increases?|reductions?|drops?)\s+)?(?:(?:in|of|on)\s+)?"
                                r"(?:(?:the|its|their|our)\s+)?(?:(?:total|overall|average|mean)\s+)?$", re.IGNORECASE)
# The measure a value qualifies, written right after it: "84.1% Top1-acc on ImageNet", "0.1% trainable
# parameters and ...", "5x training/inference speedup compared to ...": up to three words before a
# preposition, a conjunction or the clause's end.
_NOT_QUALIFYING = (r"(?:of|the|a|an|on|in|at|for|with|and|or|to|by|than|over|while|compared|vs|versus|across|using|when|from|as|"
                   r"is|are|was|were|via|per|both|all|each|these|those|its|their|our|only|up|about|nearly|more|less|"
                   r"without|within|after|before|under|through|against|despite|among|"
                   r"fewer|faster|slower|higher|lower|better|worse|larger|smaller|respectively|improvements?|gains?|"
                   r"reductions?|increases?|decreases?|drops?|margins?|performance|efficiency|quality|results?|data)\b")
_QUALIFIED = re.compile(
    # (A verb in -ing ends the measure, not its last word: "47% SR competing with ..."; nor is an abbreviation
    # with stops a measure: "0.7% w.r.t. monolingual ASR".)
    r"\s+(?![A-Za-z]\.[A-Za-z])(?P<phrase>(?:(?!" + _NOT_QUALIFYING + r")[A-Za-z][\w/-]*\s+){0,2}"
    r"(?!" + _NOT_QUALIFYING + r"|[a-z]+ing\b)"
    r"[A-Za-z][\w/-]*"
    # A loose word made a measure by the one that says which: "76% scaling efficiency".
    r"|(?:(?!" + _NOT_QUALIFYING + r")[A-Za-z][\w/-]*\s+){1,2}efficiency)"
    r"(?=\s+(?:on|in|at|for|with|and|compared|over|than|while|across|using|when|via|[a-z]+ing)\b|\s*[,.;)]|\s*$)"
)
_BY_VALUE = re.compile(r"\bby\s+(?:up to|over|about|around|nearly|almost|approximately|more than|less than|an average of|"
                       r"on average|only|just|at least|as much as|(?:up to\s+)?a factor of|"
                       r"an? (?:large |wide |significant |substantial |clear |notable |considerable )?margin of|a|>|<|~)?"
                       r"\s*(?:up to\s+)?[+]?$", re.IGNORECASE)
_CHANGE_VERB = re.compile(
    r"\b(?:improv|increas|reduc|decreas|boost|lower|rais|cut|enhanc|outperform|surpass|degrad|accelerat|"
    r"speed(?:s|ing)? up|shrink|sav|drop|exceed|beat)\w*\s+(?:up\s+)?", re.IGNORECASE)
_COMPARATIVE = re.compile(r"\s*(faster|slower|cheaper|smaller|larger|longer|shorter|higher|lower|more|less|lesser|greater|"
                          r"fewer|better)\b\s*",
                          re.IGNORECASE)
_COMPARATIVE_QUANTITY = {"faster": "speed", "slower": "speed", "cheaper": "cost", "smaller": "size", "larger": "size",
                         "longer": "length", "shorter": "length"}
# What a comparison may be "in" besides a measure of the grammar: "smaller in the model size", "3x less in memory".
_COMPARED_QUANTITIES = frozenset(_COMPARATIVE_QUANTITY.values()) | {"memory"}
# Adjectives a comparative makes of a measure, and the measure's name.
_ADJECTIVE_MEASURE = {"accurate": "accuracy", "precise": "precision", "efficient": "efficiency",
                      "coherent": "coherence", "fluent": "fluency", "diverse": "diversity", "consistent": "consistency",
                      "robust": "robustness", "faithful": "faithfulness", "stable": "stability"}
_PHRASE = re.compile(r"\s*(?:in\s+|of\s+)?((?:[A-Za-z][\w-]*\s+){0,5}[A-Za-z][\w-]*)")
# "40% sequence reduction": a value followed by a short phrase ending in a word of change.
_CHANGE_PHRASE = re.compile(r"\s+((?:[A-Za-z][\w-]*\s+){0,2}(?:" + CHANGE_NOUN + r"|speed-?up|saving|compression)s?)\b",
                            re.IGNORECASE)
# A bare number as an amount of change: "4.2, 11.0, and 4.0 improvements on TextVQA", "surpass them by 2.7".
_CHANGE_AFTER = re.compile(r"\s+(?:(?:absolute|relative|average|overall)\s+)?" + CHANGE_NOUN + r"s?\b", re.IGNORECASE)
_IN_PHRASE = re.compile(r"\s+in\s+")
_TERMS_OF = re.compile(r"terms\s+of\s+")
# Between a dataset's name and the score it gives in brackets: "ActivityNet-1.3 (" of "ActivityNet-1.3 (40.01% mAP)".
_SCORE_IN_BRACKETS = re.compile(r"\s*\(\s*(?:[A-Za-z@-]+\s*(?:of|=|:)?\s*)?")
# Between a value and the one it is set against: "2.74 vs. 3.04", "2.74 versus 3.04".
_SET_AGAINST = re.compile(r"\s*+\(?\s*+(?:vs\.?|versus|,?\s*+compared (?:with|to))\s*+(?:e\.g\.,?\s*+)?")
# Between two values each on what follows it, in one measure: "an AUC of 0.856 for books and 0.678 for papers",
# "1.20 on ImageNet-64x64 and 8.20 on COCO2014".
_PARALLEL_ITEM = re.compile(r"\s+(?:for|on|in)\s+(?:(?![\d.]+\s)[^\s;:,()]+\s+){0,4}?(?![\d.]+[\s,])[^\s;:,()]+"
                            r"(?:,\s*(?:and\s+)?|\s+and\s+)")
# A measure, what it is of, then a colon before its values: "FID scores for one-step image generation: 1.20 on ...".
_MEASURE_THEN_COLON = re.compile(r"(?:\s+scores?)?(?:\s+(?:for|on|in|of|across)\s+[^.;:()\d%]{1,50}?)?\s*:\s*")
# The system a value set against another is, named right after it: "0.5425 compared with 0.2790, the best baseline".
_APPOSED_SYSTEM = re.compile(r",\s+the\s+(?P<system>(?:[\w-]+\s+){0,2}?(?:baseline|method|model|system|approach)s?)\b")
# "on" the data after a value, past an aside set against it: "0.228 (vs 0.514) on KIT-ML".
_ON_DATA_AFTER = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+on\s+(?:the\s+)?")
# A verb that reports a score, or the list of scores a value continues, right before a bare number.
_REPORTED_BEFORE = re.compile(r"\b(?:achiev\w*|obtain\w*|reach\w*|scor\w*|attain\w*|gets?|yields?|records?|sets?)"
                              r"(?:\s+(?:an?|the)?\s*(?:average|overall|mean|new|best)?\s*(?:score|accuracy)?\s*(?:of)?)?\s*$"
                              r"|\d[^,.;:]{0,30}(?:,\s+(?:and\s+)?|\s+and\s+)$", re.IGNORECASE)
_CHANGE_IN = re.compile(r"\s+(?:in|of)\s+(?:terms\s+of\s+)?(?:the\s+|its\s+|their\s+)?(?=[A-Za-z])")
_LOOSE_CHANGE = re.compile(r"(?:overall\s+)?(?:performance|efficiency|quality)\s+" + CHANGE_NOUN + r"s?", re.IGNORECASE)
_BARE_CHANGE = re.compile(r"(?:relative\s+|absolute\s+|average\s+|overall\s+)?" + CHANGE_NOUN + r"s?", re.IGNORECASE)
_OWN_VALUE = re.compile(r"\s*\(\s*")
_QUANTIFIERS = frozenset("most many all some several each every both various these those this that such few".split())
_SPEED_VERB = re.compile(r"(?:accelerat|speed)", re.IGNORECASE)
_OUTPERFORM = re.compile(r"(?:outperform|surpass|beat|exceed)", re.IGNORECASE)
# A count or share of something is measured with it: "the number of visual tokens".
_COUNT_OF = re.compile(r"(?:number|amount|count|fraction|proportion|share)\s+of\s+", re.IGNORECASE)
_PHRASE_STOP = re.compile(r"\b(?:than|while|with|and|on|in|for|across|compared|over|by|when|at|to|from|as|"
                          r"without|using|which|that|of|vs|versus|respectively|(?<=\w )(?:the|a|an)|"
                          # a verb ends it too: "90% of the data can be dropped"
                          r"can|could|may|might|will|would|should|must|is|are|was|were|be|been|has|have|had)\b(?!-).*$",
                          re.IGNORECASE)
_DETERMINER = re.compile(r"^(?:the|its|their|our|a|an)\s+", re.IGNORECASE)
_FROM_TO = re.compile(r"\s*to\s+\d")
# The paper speaking of its own system: "our", "we", "the proposed", or a sentence opening "It" / "This".
_OWN_WORK = re.compile(r"\b(?:our|we|proposed)\b|^(?:it|this)\b", re.IGNORECASE)
_STANDALONE_NUMBER = re.compile(r"(?<![\w.-])\d")  # another value, not the 1 of "top-1"
_ON_END = re.compile(r"\b(?:on|across|over)\s+(?:the\s+)?$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:while|whereas|but|which|respectively)\b|\bon\b(?=.*\bon\b)", re.IGNORECASE)
_ON_BEFORE_NAME = re.compile(r"\b(?:on|in|for|over|across|using)\b", re.IGNORECASE)
# Between values listed together: "50% and 40%", "+5.7 and +5.0", "2x to 5x".
# (A setting in brackets may follow each value: "98.0% (normal), 97.5% (bag)"; slashes: see _slashed_scores.)
_LIST_JOINER = re.compile(r"^(?:\s*\([a-z][^()\d]{0,30}\))?(?:\s*,\s*|\s+(?:and|to)\s+|\s*,\s*and\s+|\s*[-–]\s*|/)"
                          r"[+~≈-]?$")

#: Columns of :func:`results_frame`, in order.
RESULT_COLUMNS = ("paper_id", "title", "arxiv_id", "model", "dataset_or_benchmark", "metric", "value", "unit",
                  "baseline", "sentence", "start", "end", "sentence_start", "rule", "confidence")


@dataclass(frozen=True)
class Result:
    """One reported number with what it measures, as written in the paper.

    ``model``, ``dataset_or_benchmark``, ``metric`` and ``baseline`` are
    names as the paper spells them (``None`` when the sentence gives none,
    unless the paper names one dataset or benchmark, or one metric, in all);
    ``start``/``end`` are the value's offsets in the paper text.
    """

    paper_id: str
    model: str | None
    dataset_or_benchmark: str | None
    metric: str | None
    value: float
    unit: str | None
    baseline: str | None
    sentence: str
    start: int
    end: int
    sentence_start: int
    rule: str
    confidence: float

    @property
    def label(self) -> str:
        """A short reading: ``FlowAR FID 1.97 on ImageNet``."""
        number = f"{self.value:g}{self.unit or ''}"
        words = [self.model, self.metric, number, f"on {self.dataset_or_benchmark}" if self.dataset_or_benchmark else None]
        return " ".join(w for w in words if w)


@dataclass
class _Value:
    start: int
    end: int
    value: float
    unit: str | None


# A thousand or a million written apart from its number: "46.8 k trainable parameters", "2.5 M images".
_SPACED_MAGNITUDE = re.compile(r" [kKMB] [a-z]")


def _unit_after(text: str, end: int) -> tuple[str | None, int] | None:
    """The unit after a number ending at ``end`` and where it ends; ``None`` if the number is a size or name."""
    if _TIMES_NUMBER.match(text, end):
        return None  # "1024 times 1024": a resolution
    if _MATH_UNIT.match(text, end):
        end += 1
    for pattern, unit in _UNITS:
        match = pattern.match(text, end)
        if match:
            if unit == "memory":  # as written, in capitals: GB, MiB
                return match.group(1)[:-1].upper() + match.group(1)[-1], match.end()
            if unit in ("prefixed", "duration"):  # as written: PetaFLOPs, GPU hours
                return match.group(1), match.end()
            if unit is None:  # "points" and "pp" (percentage points) are a "point"; "ms" and "fps" keep their s
                unit = match.group(1).lower()
                unit = "point" if unit in ("points", "pp") else unit
            return unit, match.end()
    if end < len(text) and (text[end].isalpha() or text[end] in "×*^" or _SPACED_MAGNITUDE.match(text, end)):
        return None  # 7B, 2D, 256×256, 1e-3, "46.8 k parameters": sizes, dimensions, resolutions
    if _SPEEDUP_AFTER.match(text, end):
        return "x", end  # "5-24 inference speedups": a speed-up is a factor
    return (None, end)


class _Spans:
    """Mentions (or any spans) sorted by start, looked up by position in logarithmic time."""

    def __init__(self, spans: list) -> None:
        self.spans = spans
        self.starts = [span.start for span in spans]

    def starting(self, low: int, high: int) -> list:
        """The spans that start in ``[low, high]``, in order."""
        return self.spans[bisect_left(self.starts, low) : bisect_right(self.starts, high)]


# A confidence interval, "(95% CI, 58 to 64%)": its level and bounds are no results.
_INTERVAL = re.compile(r"\(\s*\d{2}(?:\.\d+)?\s?%\s*(?:CI|confidence interval)\b[^()]{0,60}\)", re.IGNORECASE)


# The upper bound of a range and its unit right after a number: "2.3-3.6x", "2–4×", "5 to 10%", "2–3 points".
_RANGE_UNIT = re.compile(r"\s?(?:-to-|[-–~]|to)\s?\d+(?:\.\d+)?"
                         r"(?=\s?(?:\\?%|[x×](?![\w×*])|-fold\b|[\s-]?\\?times\b|"
                         r"(?:percentage )?points?\b|pp\b))")
# A measure's name of one or two words, then "points": the unit of the number before it.
_POINTS_OF_MEASURE = re.compile(r"\s+(?:[\w@-]+\s+){1,2}points?\b")
# The lower bound of a range, standing on its own: "2.3-" of "2.3-3.6x" (not the "4-" of "GPT-4-").
_RANGE_START = re.compile(r"(?<![\w.-])\d+(?:\.\d+)?(?:x|×|%)?-(?:to-)?$")  # (with its unit too: "1.4x-2.6x")
# The next item and its unit after a bare number in a list: "2.1 and 3.4 points", "1.5, 2.0 and 3.1%".
# (At most twenty items: a value read at each number of a longer run would rescan the run each time.)
_LISTED_UNIT = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:\d+(?:\.\d+)?(?:,\s*(?:and\s+)?|\s+and\s+)){0,20}\d+(?:\.\d+)?"
                          r"(?=\s?(?:\\?%|[x×](?![\w×*])|(?:percentage )?points?\b|pp\b|\\?times\b|-fold\b))")
# A memory size that names the hardware it is on.
_HARDWARE_AFTER = re.compile(r"\s*(?:of\s+)?(?:\w+\s+)?(?:GPUs?|cards?|devices?|VRAM|A100s?|H100s?|V100s?|RTX|TPUs?)\b")


# Values joined by slashes after as many names joined so: "PSNR/SSIM/LPIPS of 26.243/0.964/0.084". (A run longer
# than _SLASHED_REACH characters is no such list: read from each of its numbers, it would be read whole each time.)
_SLASHED_NUMBERS = re.compile(r"\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?){1,12}")
_SLASHED_REACH = 120
_SLASHED_NAMES_BEFORE = re.compile(r"(?<![\w/-])((?:[A-Za-z][\w-]*/)+[A-Za-z][\w-]*)\s+(?:scores?\s+)?(?:of|:|=|are|were|is|at|"
                                   r"reach\w*|achiev\w*)?\s*$")


def _slashed_scores(text: str, position: int) -> bool:
    """Whether the number at ``position`` is one of a slash-joined list of values, one per slash-joined name before it."""
    run_start, floor = position, max(0, position - _SLASHED_REACH)
    while run_start > floor and (text[run_start - 1].isdigit() or text[run_start - 1] in "./"):
        run_start -= 1
    if run_start == floor > 0 and (text[floor - 1].isdigit() or text[floor - 1] in "./"):
        return False
    run = _SLASHED_NUMBERS.match(text, run_start)
    names = _SLASHED_NAMES_BEFORE.search(text, max(0, run_start - 80), run_start) if run else None
    return names is not None and names.group(1).count("/") == run.group().count("/")


# A factor written out: "a fivefold speed", "by more than threefold", "three times faster" (not "two-fold: (1) ...",
# a count of parts, nor "run three times", a count of runs).
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "twenty": 20, "fifty": 50, "hundred": 100}
_WRITTEN_FACTOR = re.compile(
    r"\b(?P<by>by (?:more than |up to |about |over |nearly |almost |roughly )?)?(?P<number>" + "|".join(_NUMBER_WORDS)
    + r")(?P<fold>[- ]?fold)?(?(fold)| times(?= (?:faster|slower|more|less|fewer|higher|lower|larger|smaller|greater|"
    r"better)\b))\b", re.IGNORECASE)
# What a fold factor qualifies, when no "by" gives it: a noun after it ("a fivefold speed"), not a clause ("two-fold:").
_QUALIFIED_AFTER = re.compile(r" (?!(?:and|or|to|as|in|of|with)\b)[a-z]")


def _written_factors(text: str, start: int, end: int) -> Iterator[_Value]:
    for match in _WRITTEN_FACTOR.finditer(text, start, end):
        if match["fold"] and not match["by"] and not _QUALIFIED_AFTER.match(text, match.end()):
            continue
        yield _Value(match.start("number"), match.end(), float(_NUMBER_WORDS[match["number"].lower()]), "x")


def _values(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> Iterator[_Value]:
    """The values between ``start`` and ``end``, in order: numbers with their units, and factors written out."""
    factors = list(_written_factors(text, start, end))  # (read once; most sentences have none)
    if not factors:
        return _numbers(text, start, end, taken)
    return merge(_numbers(text, start, end, taken), factors, key=lambda value: value.start)


def _numbers(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> Iterator[_Value]:
    # Whether a number lies inside a mention: the mentions starting at or before it, by the
    # furthest end among them (one bisection, not a scan of every mention per number).
    if "%" in text[start:end]:
        intervals = [m.span() for m in _INTERVAL.finditer(text, start, end)]
        taken = sorted(taken + intervals) if intervals else taken
    taken_starts = [s for s, _ in taken]
    furthest_end = list(accumulate((e for _, e in taken), max))
    skip_until = start
    tex_copies = {copied.end() - len(copied["number"]) for copied in _RENDERED_THEN_TEX.finditer(text, start, end)}
    for match in _NUMBER.finditer(text, start, end):
        if match.end() + 1 in tex_copies:
            continue  # the rendered copy: its TeX follows
        before = " " if match.start() in tex_copies else text[max(0, match.start() - 2):match.start()]
        if (lost := _LOST_MACRO.search(text, max(start, match.start() - 8), match.start())) is not None:
            if text[lost.start() - 1:lost.start()] == "(":
                continue  # "low-sparsity regions (sim50%)": the range a setting names, as "(>80%)" is
            before = " "  # "a merely sim0.6 point drop": a \\sim that lost its backslash, not a name
        if before[-1:].isalnum() or before[-1:] in ".^_" or (before[-1:] == "-" and before[:1].isalnum()
                                                             and not _RANGE_START.search(text, max(0, match.start() - 12), match.start())):
            continue  # part of a name or a formula: GPT-4, CIFAR-100, O(N^2); "2.3-3.6x" is a range
        last = bisect_right(taken_starts, match.start()) - 1
        if last >= 0 and furthest_end[last] > match.start():
            continue
        if (text.startswith("/", match.end()) or text[match.start() - 1:match.start()] == "/") \
                and not _slashed_scores(text, match.start()):
            continue  # "by 1/3 to 2/3": a fraction's parts are no values of their own
        if _THRESHOLD.search(text, max(start, match.start() - 4), match.start()):
            continue  # "high-sparsity regions (>80%)": a threshold that names a setting
        if _SPREAD_BEFORE.search(text, max(start, match.start() - 8), match.start()):
            continue  # "62.53% (± 1.59)", "48.3 $\\pm$ 0.8": a value's spread, not a result of its own
        if _OR_BEYOND.match(text, match.end()):
            continue  # "scores of 70 or higher", "20% or fewer visual tokens": a bound, no result
        if match.start() < skip_until or (match.start() not in tex_copies
                                          and _TIMES_BEFORE.search(text, max(start, match.start() - 8), match.start())):
            continue  # the upper bound of a setting's range; the second side of "1024 times 1024"
        after = _unit_after(text, match.end())
        if after is None:
            continue
        unit, stop = after
        if text.startswith("$", stop):
            stop += 1  # "$19.3\times$ reduction in TTFT", "$4.10$ FID": the value's LaTeX closes with it
        if unit is None and (shared := _RANGE_UNIT.match(text, match.end()) or _LISTED_UNIT.match(text, match.end())):
            # "2.3-3.6x", "2-4x", "by 2.1 and 3.4 points": a range's bounds and a list's items share its unit
            unit = _unit_after(text, shared.end())[0]
        if unit is None and _POINTS_OF_MEASURE.match(text, stop):
            unit = "point"  # "+10 accuracy points", "2.1 mIoU points": points of the measure named between
        if unit in _MEMORY_UNITS and _HARDWARE_AFTER.match(text, stop):
            continue  # "a single 48GB GPU", "80 GB A100s": the hardware, not a result
        if text[match.start() - 1:match.start()] == "(" and text[match.end():match.end() + 1] == ")" and "." not in match.group():
            continue  # (1) enumerations; "(51.1)" is a score
        if unit in _MEMORY_UNITS and not (_CHANGE_VERB.search(text, max(start, match.start() - 120), match.start())
                                          or _COMPARATIVE.match(text, stop)):
            continue  # "a single 32GB GPU" is hardware; "reduces memory by 5.93 GB" is a result
        if unit and _DURATION.fullmatch(unit) and not (
                (_TOOK_BEFORE.search(text, max(start, match.start() - 30), match.start())
                 and not _TRAINED_BEFORE.search(text, max(start, match.start() - 60), match.start()))
                or _PER_ITEM.match(text, stop)
                or (_CHANGED_FROM_TO.search(text, max(start, match.start() - 16), match.start())
                    and _CHANGE_VERB.search(text, max(start, match.start() - 80), match.start()))):
            # "100,000 hours of audio", "10-second clips": how long the data is, not how long a run takes; "trained
            # in 5.7 days": the budget a model was given, a setting
            continue
        if _FACTOR_OF.search(text, max(0, match.start() - 12), match.start()):
            unit = "x"
        if unit not in ("ms", "fps") and (
                _SETTING_BEFORE.search(text, max(start, match.start() - 80), match.start())
                or (_SETTING_AT.search(text, max(start, match.start() - 12), match.start())
                    and _SETTING_AFTER.match(text, stop))
                or _SETTING_EQUALS.search(text, max(start, match.start() - 20), match.start())):
            # The condition a result holds at: "even at the exit ratio of 10-15% of layers", "at 50% sparsity".
            ranged = (_RANGE_UNIT.match(text, match.end()) or _RANGE_UNIT.match(text, stop)
                      or _SETTINGS_LISTED.match(text, stop))
            skip_until = ranged.end() if ranged else skip_until
            continue
        if unit == "%" and (_DATA_SHARE_BEFORE.search(text, max(start, match.start() - 16), match.start())
                            and _DATA_SHARE_AFTER.match(text, stop) or _SHARE_OF_DATA.match(text, stop)):
            continue  # "using only 10% instruction tuning data", "90% of the data": how much data, a setting
        number = float(match.group().replace(",", ""))
        if _NEGATIVE.search(text, max(start, match.start() - 2), match.start()):
            number = -number  # "coefficients near -0.998": a sign of its own, not a hyphen in a name or range
        yield _Value(match.start(), stop, number, unit)


# How far a metric's name may stand from its value for the words between to join them.
_NEAR = 120


def _metric_for(text: str, value: _Value, metrics: _Spans, sentence_start: int,
                names: _Spans | None = None, restated: bool = True) -> tuple[str | None, str]:
    """The metric a value measures, and the rule that found it; ``names`` are the sentence's other mentions."""
    comparative = _COMPARATIVE.match(text, value.end)
    if comparative and value.unit and (measured := _measure_in(text, comparative.end(1))):
        return measured, "comparative"  # "25.3 times smaller in the model size", "3.1x faster in running speed"
    if comparative and value.unit == "x" and comparative.group(1).lower() in ("faster", "slower"):
        # "3x faster": the speed is what is measured, or the measure named right after ("10x faster runtime"), or
        # the speed the sentence names ("the fastest inference speed (e.g. 40 times faster than SeeSR)").
        named_speed = next((metric for metric in metrics.starting(sentence_start, value.end + _NEAR)
                            if metric.text.lower().endswith(("speed", "speeds"))), None)
        return (_measure_at(text, metrics, comparative.end(), sentence_start)
                or (_measure(text, named_speed, sentence_start) if named_speed else "speed")), "comparative"
    if value.unit and (prefixed := _PREFIXED_UNIT.fullmatch(value.unit)):
        return prefixed.group(1), "unit"  # "15.1 PetaFLOPs": the unit is a count of FLOPs
    for metric in reversed(metrics.starting(value.start - 2 * _NEAR, value.start)):  # the nearest first
        if value.start - _NEAR <= metric.end <= value.start and (_METRIC_THEN_VALUE.match(text[metric.end:value.start])
                                                                 or (_MEASURE_THEN_COLON.fullmatch(text, metric.end, value.start)
                                                                     and not text.startswith(")", value.end))):
            return _measure(text, metric, sentence_start), "metric-before"
    # "82.9% ImageNet zero-shot accuracy": the data it is on may stand between a value and its measure.
    between = _data_right_after(text, value, names)
    after = between.end if between is not None else value.end
    for metric in metrics.starting(value.end, value.end + _NEAR):
        if metric.start >= after and _VALUE_THEN_METRIC.match(text[after:metric.start]):
            if text.startswith(")", value.end):
                # "15x (11.5x) FLOPs (latency) reduction": the value in parentheses measures the name in parentheses.
                other = next((m for m in metrics.starting(metric.end, metric.end + 3)
                              if text[metric.end:m.start].strip() == "(" and text.startswith(")", m.end)), None)
                metric = other or metric
            return _measure(text, metric, sentence_start), "metric-after"
    # "10.8 compared to SOTA perplexity of 15.8": the value is in the measure of the one it is set against.
    for metric in metrics.starting(value.end, value.end + 60):
        if _COMPARED_TO_METRIC.fullmatch(text, value.end, metric.start) and _METRIC_THEN_NUMBER.match(text, metric.end):
            return _measure(text, metric, sentence_start), "metric-compared"
        break
    # "by 1.14 points (6.7%)": a value in parentheses right after another restates it in another unit.
    if restated and (before := _RESTATED.search(text, max(sentence_start, value.start - 30), value.start)) is not None:
        earlier = _Value(before.start("value"), before.end("unit") if before.group("unit") else before.end("value"), 0.0,
                         before.group("unit"))
        metric, rule = _metric_for(text, earlier, metrics, sentence_start, names, restated=False)
        if metric:
            return metric, rule
    comparative = _COMPARATIVE.match(text, value.end)
    if comparative and value.unit:
        word = comparative.group(1).lower()
        if word in _COMPARATIVE_QUANTITY:
            return _COMPARATIVE_QUANTITY[word], "comparative"
        if named := _measure_at(text, metrics, comparative.end(), sentence_start):
            return named, "comparative"  # "2x lesser peak memory usage"
        phrase = _noun_phrase(text[comparative.end():comparative.end() + 60])
        if phrase:
            # "43% more accurate": the adjective's measure.
            return _ADJECTIVE_MEASURE.get(phrase.lower(), phrase), "comparative"
    by = _BY_VALUE.search(text, max(sentence_start, value.start - 40), value.start)
    if by:
        verb = None
        for verb in _CHANGE_VERB.finditer(text, max(sentence_start, by.start() - 120), by.start()):
            pass
        if verb is not None:
            inside = [m for m in metrics.starting(verb.end(), by.start()) if m.end <= by.start()]
            if inside:
                return _measure(text, inside[-1], sentence_start), "changed-by"
            # "outperforming ConvLLaVA by 8.4 points": what a comparison verb takes is the other system.
            compared = _OUTPERFORM.match(verb.group()) is not None
            if _SPEED_VERB.match(verb.group()):
                return "speedup", "changed-by"  # "speeds up inference by 2.3x", "accelerates training by 40%"
            phrase = None if compared else _noun_phrase(text[verb.end():by.start()])
            if phrase:
                return phrase, "changed-by"
    if value.unit:
        change = _CHANGE_PHRASE.match(text, value.end)
        if change:
            # "a 3.2x improvement in time-to-first-token": the measure the change is in; a bare change
            # ("a 5.1% gain over ...") names none.
            measured = _CHANGE_IN.match(text, change.end())
            # Not a system or dataset ("drop of ViT-MAE-H") nor a quantifier ("gains in most cases").
            if measured is not None and not (names and names.starting(measured.end(), measured.end() + 1)):
                named = metrics.starting(measured.end(), measured.end() + 1)
                phrase = _measure(text, named[0], sentence_start) if named else _noun_phrase(text[measured.end():measured.end() + 60])
                if phrase and phrase.split()[0].lower() not in _QUANTIFIERS:
                    return phrase, "change-in"
            # (Nor one in a loose word: "a 30% performance gain" names no measure.)
            if not _BARE_CHANGE.fullmatch(change.group(1)) and not _LOOSE_CHANGE.fullmatch(change.group(1)):
                return change.group(1), "value-phrase"
        within = _IN_PHRASE.match(text, value.end)
        if within is not None and (terms := _TERMS_OF.match(text, within.end())) is not None:
            within = terms  # "91.4% in terms of the top-1 recognition accuracy": the measure after the frame
        # (Not the data the value is on: "8.9 mm in NYU datasets".)
        on_data = within is not None and names is not None and any(
            m.type in DATA_TYPES for m in names.starting(within.end(), within.end()))
        # (not what is not a measure, "99% in large-scale setups", nor a language or a place, "70% in English")
        phrase = _headed_phrase(text, within.end()) if within and not on_data else None
        if phrase and not (phrase.istitle() and phrase.isalpha()):
            return phrase, "in-phrase"
    if value.unit and (subject := _SUBJECT_IS.search(text, max(sentence_start, value.start - 60), value.start)):
        return subject.group(1), "subject-is"  # "our training cost is merely 1%"
    if value.unit:
        qualified = _QUALIFIED.match(text, value.end)
        # Not a model or dataset named after the value: "by 2% ViT-L on ..." measures nothing called ViT-L.
        if qualified and not (names and names.starting(value.end, qualified.end() - 1)):
            return qualified["phrase"], "qualified"
    if value.unit == "%":
        of = _PHRASE.match(text, value.end)
        owner = names.starting(of.start(1), of.start(1) + 5) if (of and names) else []
        possessive = _POSSESSIVE.match(text, owner[0].end) if owner else None
        if possessive and text[value.end:owner[0].start].strip() in ("of", "of the"):
            # "10.8% of Stable Diffusion v1.5's training time": the measure is the system's, after its name.
            phrase = _noun_phrase(text[possessive.end():possessive.end() + 60])
            if phrase:
                return phrase, "share-of"
        if of and text[value.end:of.start(1)].strip() == "of":
            phrase = _noun_phrase(of.group(1))
            if phrase:
                return phrase, "share-of"
    # "0.44 in F1-score and 0.40 in BLEU-4": values listed each "in" its measure; the later measures may be
    # names the lexicon lacks, but they stand where the first one does.
    listed_in = _LISTED_IN_AFTER.match(text, value.end)
    if listed_in is not None and not (names and any(m.type in DATA_TYPES for m in names.starting(listed_in.start(1),
                                                                                                 listed_in.start(1)))):
        for metric in reversed(metrics.starting(value.start - 60, value.start)):
            if _JOINER_BEFORE.fullmatch(text, metric.end, value.start) and _IN_BEFORE.search(
                    text, max(sentence_start, metric.start - 20), metric.start):
                return listed_in.group(1), "metric-listed-in"
            break
    return None, "value"


# A value's measure written "in" it, then the clause goes on or ends: " in BLEU on ...", " in ROUGE-L.".
_LISTED_IN_AFTER = re.compile(r"\s+in\s+([A-Z][\w@-]*)(?=\s+(?:on|for|and|in|at|over|across)\b|\s*[,.;)]|\s*$)")
_JOINER_BEFORE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_IN_BEFORE = re.compile(r"\d\s?%?\s+in\s+(?:the\s+)?$")


_PREFIXED_UNIT = re.compile(r"(?:Kilo|Mega|Giga|Tera|Peta|Exa)(FLOP[Ss]?)")
# Between a value and the measure of what it is set against: " compared to SOTA ", " (vs. the best ".
# The words that set one value against another.
_VERSUS = r"(?:compared (?:to|with)|vs\.?|versus|against)"
_COMPARED_TO_METRIC = re.compile(r"\s*+,?\s*+\(?" + _VERSUS + r"\s+(?:(?:the|a|an)\s+)?"
                                 r"(?:[\w-]+\s+){0,3}?", re.IGNORECASE)
_METRIC_THEN_NUMBER = re.compile(r"\s*+(?:of|is|was|=|:|at)?\s*+[-−+]?\d", re.IGNORECASE)
# A value then another in parentheses right behind it: "1.14 points (" before "6.7%)".
_RESTATED = re.compile(r"(?<![\w.-])(?P<value>\d+(?:\.\d+)?)\s?(?P<unit>\\?%|[x×]|points?|pp|percentage points)?\s*\(\s*$",
                       re.IGNORECASE)


# Words that say which of a measure is meant, written before its name: "mean IoU", "average accuracy",
# "zero-shot accuracy", "wall-clock speedup", "on-device memory usage", "top-5 error".
_MODIFIER_BEFORE = re.compile(r"(?:\b(?:mean|average|avg\.?|median|macro|micro|weighted|expected|peak|end-to-end|"
                              r"wall[- ]clock|on-device|per-token|(?:zero|few|one|\d+)-shot|top-?\d+)\s+)+$", re.IGNORECASE)
# A comparative the name took with it: "60% fewer FLOPs" measures FLOPs.
_COMPARATIVE_WORD = re.compile(r"^(?:fewer|more|less|higher|lower|better|worse|smaller|larger)\s+", re.IGNORECASE)


_POSSESSIVE = re.compile(r"['’]s?\s+")
# A measure as the subject its value completes: "our training cost is merely 1%".
_SUBJECT_IS = re.compile(r"\b(?:our|its|their)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+(?:is|was|are|were)\s+"
                         r"(?:(?:merely|only|just|about|around|roughly|nearly|approximately|below|under|over|above)\s+)?$")


def _data_right_after(text: str, value: _Value, names: _Spans | None) -> Mention | None:
    """A dataset or benchmark named right after a value, before its measure: "75.1% ImageNet top-1 accuracy"."""
    if names is None:
        return None
    return next((m for m in names.starting(value.end, value.end + 2) if m.type in DATA_TYPES
                 and not text[value.end:m.start].strip()), None)


_VALUE_RIGHT_BEFORE = re.compile(r"\d[\d.,]*\$?\s?(?:%|x|×|\\%|\\?times)?\$?\s*$")  # (or in TeX: "4\times speed-up")


def _value_by(text: str, metric: Mention) -> int | None:
    """Where the number right by a metric starts, the one it measures: "runs at 24 FPS", "an FID of 2.1"."""
    if (before := _VALUE_RIGHT_BEFORE.search(text, max(0, metric.start - 12), metric.start)) is not None:
        return before.start()
    if (after := _METRIC_THEN_NUMBER.match(text, metric.end)) is not None:
        return after.end() - 1
    return None


# What joins the items of a list of metrics, and what may stand between the list and its values.
_METRIC_JOINER = re.compile(r"\s*(?:/|,|,?\s*and|&)\s*")
_LIST_THEN_VALUES = re.compile(r"\s*(?:scores?|values?|results?)?\s*(?:of|:|=|are|were|is|reach\w*|at|by)?\s*"
                               r"(?:about |around )?$")
# What may stand between a list of values and the measures listed after them ("8.62 and a 14.27 increase in"), and
# the word that may close those measures ("... ROUGE-L scores, respectively").
_VALUES_THEN_LIST = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:in|on|of|for)\s+(?:the\s+|terms of\s+)?")
_SCORES_WORD = re.compile(r"(?:\s+(?:scores?|metrics?))?")


def _listed_metrics(text: str, metrics: _Spans, group: list[_Value], since: int, until: int) -> list[Mention] | None:
    """The metrics listed right before a list of as many values, each the measure of the value in its place.

    Or right after it, when "respectively" closes them: "32.1 and 0.91 in PSNR and SSIM, respectively".
    """
    before = metrics.starting(since, group[0].start - 1)[-len(group):]
    if len(before) == len(group) and _LIST_THEN_VALUES.match(text[before[-1].end:group[0].start]):
        listed = before
    else:
        listed = metrics.starting(group[-1].end, until)[:len(group)]
        if (len(listed) != len(group) or not _VALUES_THEN_LIST.fullmatch(text, group[-1].end, listed[0].start)
                or not _RESPECTIVELY_AFTER.match(text, _SCORES_WORD.match(text, listed[-1].end).end())):
            return None
    if not all(_METRIC_JOINER.fullmatch(text, a.end, b.start) for a, b in zip(listed, listed[1:])):
        return None
    return listed


def _measure_at(text: str, metrics: _Spans, at: int, floor: int) -> str | None:
    """The measure of the metric that starts at ``at``, if one does."""
    named = metrics.starting(at, at)
    return _measure(text, named[0], floor) if named else None


def _measure(text: str, metric: Mention, floor: int) -> str:
    """A metric's name as the value's measure: with the words before it that say which, without a comparative."""
    # Values in "ROUGE-2 scores of 8.1 and 7.9" are each a ROUGE-2; "an FID score of 16.67" is an FID (an acronym's
    # score is the acronym; "F1 score" is a name of its own).
    scored = metric.alias_of and re.search(r"[\s-]score(s?)$", metric.text, re.IGNORECASE)
    by_name = scored and (scored.group(1) or re.search(r"[A-Z][^A-Z]*[A-Z]", metric.alias_of))
    name = _COMPARATIVE_WORD.sub("", metric.alias_of if by_name else _singular(metric.text))
    modifiers = _MODIFIER_BEFORE.search(text, max(floor, metric.start - 40), metric.start)
    if modifiers and modifiers.end() == metric.start and not name.lower().startswith(modifiers.group().split()[-1].lower()):
        return text[modifiers.start():metric.start] + name
    return name


def _singular(name: str) -> str:
    """A coined metric's name without its plural s: "FIDs" is "FID"; "FLOPs" and "MACs" are names as they stand."""
    return name[:-1] if name.endswith("s") and name[:-1].isupper() and not name.endswith(("OPs", "ACs")) else name


def _headed_phrase(text: str, at: int, heads: frozenset[str] = frozenset()) -> str | None:
    """The noun phrase at ``text[at:]`` when a measure word of the grammar, or one of ``heads``, heads it."""
    phrase = _noun_phrase(text[at:at + 60])
    head = phrase.rsplit(None, 1)[-1] if phrase else ""
    return phrase if phrase and (is_measure_head(head, phrase) or head in heads) else None


def _measure_in(text: str, at: int) -> str | None:
    """The measure "in" which a comparison ending at ``at`` holds, when a measure word or a quantity a comparative
    names heads it: "in the running speed", "in the model size" (not "in practice")."""
    within = _IN_PHRASE.match(text, at)
    return _headed_phrase(text, within.end(), _COMPARED_QUANTITIES) if within else None


def _noun_phrase(text: str) -> str | None:
    """A short noun phrase at the start of ``text``: up to four words, before any joining word."""
    match = _PHRASE.match(text)
    if not match:
        return None
    words = _DETERMINER.sub("", match.group(1))
    if (count := _COUNT_OF.match(words)) and (counted := _noun_phrase(words[count.end():])):
        return count.group() + counted
    phrase = _PHRASE_STOP.sub("", match.group(1)).strip()
    while _DETERMINER.match(phrase):
        phrase = _DETERMINER.sub("", phrase)
    return phrase or None


# Where a list of values goes on to the one dataset they are all measured on: "... and 92.2% (coat) on the".
_LIST_ON_DATA = re.compile(r"(?:\s*\([^()]{1,30}\))?\s+on\s+(?:the\s+)?")


def _data_after_list(text: str, group: list[_Value], data: _Spans) -> Mention | None:
    """The one dataset named right after a list of values, which all are measured on, if any."""
    on = _LIST_ON_DATA.match(text, group[-1].end)
    if on is None or not (after := data.starting(on.end(), on.end())):
        return None
    # (Not the first of a list of data: "on CelebA and FFHQ" pairs its items with the values, if any.)
    return None if data.starting(after[0].end, after[0].end + 8) else after[0]


def _groups(values: list[_Value], text: str) -> list[list[_Value]]:
    """Values listed together ("50% and 40%"), which share a metric and may pair with a list of datasets."""
    groups: list[list[_Value]] = []
    for value in values:
        if groups and value.unit == groups[-1][-1].unit and _LIST_JOINER.match(text[groups[-1][-1].end:value.start]):
            groups[-1].append(value)
        else:
            groups.append([value])
    return groups


# Words that join clauses or open a noun phrase: no part of a described system's name ("The results demonstrate that
# the model achieved ..." describes no "demonstrate that the model").
_CLAUSE_WORD = r"(?:that|which|the|a|an|of|to|and|or|in|on|for|with|by|from)\b"
# A system the text describes rather than names, as the subject of a reported value: "the lung-segmented ViT
# reaching 96.6%", "a carefully prompted lightweight monitor achieves 93%" (the paper's own, "our"/"proposed" one
# is the paper's name, looked up apart).
_DESCRIBED_SUBJECT = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?] )|(?<=, )|(?<=, and )|(?<=\bwith )|(?<=\bwhile )|(?<=\bwhereas )|(?<=\bthat ))"
    r"(?:even\s+)?(?:[Tt]he|[Tt]his|[Aa]n?)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:\w+(?:ly|ed)\s+)?"  # "a carefully prompt engineered lightweight monitor": after its verb
    r"(?P<name>(?!(?:proposed|same|resulting|new)\b)(?:(?!\w+(?:ly|ed)\b|" + _CLAUSE_WORD + r")[\w-]+\s+){0,3}?"
    r"(?:model|network|system|monitor|predictor|"
    r"baseline|counterpart|ensemble|classifier|variant|detector|ViT|CNN)s?)\s*"
    # named in an apposition: "The best-performing model, Multimodal Bard, achieves only 58%"
    r"(?:,\s+(?P<appositive>[A-Z][\w.-]*(?:\s+[A-Z0-9][\w.-]*){0,3}),\s+)?(?:\w+ly\s+)?"
    r"(?:achiev|reach|attain|scor|obtain|has\b|have\b|improv|outperform|yield|record|gets?\b|is\b|are\b|shows?\b|"
    r"exceed|surpass|deliver|perform|address|match|lead)")


# Systems the text counts or ranks rather than names, as the subject of a reported value: "all other evaluated models
# achieve accuracy below 16%", "even powerful LLMs as evaluators show error rates above 50%".
_QUANTIFIED_SUBJECT = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?] )|(?<=, ))(?:even\s+)?"
    r"(?P<name>(?:all|most|many|other|several|existing|current|powerful|strong|leading|state-of-the-art)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:models|methods|LLMs|MLLMs|VLMs|LVLMs|baselines|approaches|systems|agents))\s+"
    r"(?:(?:as|like|such as)\s+[\w-]+\s+)?(?:\w+ly\s+)?"
    r"(?:achiev|show|scor|reach|obtain|attain|perform|exhibit|fail|struggl|remain|yield|record|gets?\b|have\b)",
    re.IGNORECASE)


# Between "we" and the system it names: "we introduce Liger Attention, which recovers ...".
_INTRODUCING = re.compile(r"\s+(?:\w+ly\s+)?(?:introduce|propose|present|develop|design)\w*\s+(?:the\s+)?")
_MODIFIER_SUFFIX = re.compile(r"-(?:style|like|inspired|sized|level|type)\b")


# A system named by its kind alone, which says nothing of which: "The model achieves ..." (the paper's own).
_BARE_SYSTEM = frozenset({"model", "network", "system"})


def _with_described_subjects(text: str, start: int, end: int, models: list[Mention]) -> list[Mention]:
    """``models`` and the systems the sentence describes as the subject of a value, by position."""
    subjects = [(match, "appositive" if match["appositive"] else "name")
                for match in _DESCRIBED_SUBJECT.finditer(text, start, end)]
    subjects = [(match, named) for match, named in subjects if match[named].lower().rstrip("s") not in _BARE_SYSTEM]
    subjects += [(match, "name") for match in _QUANTIFIED_SUBJECT.finditer(text, start, end)]
    described = [Mention("", "model", match[named], match.start(named), match.end(named), "", start, "described", 0.5)
                 for match, named in subjects if not any(match.start() <= m.start < match.end() for m in models)]
    return sorted(models + described, key=lambda m: m.start) if described else models


def _results_in_sentence(found: PaperEntities, start: int, end: int, own_model: str | None,
                         inside: list[Mention], own_data: str | None = None, only_data: str | None = None,
                         only_metric: str | None = None) -> Iterator[Result]:
    """The results of one sentence; ``inside`` are its mentions, sorted by start.

    ``only_data`` and ``only_metric``: the paper's one dataset or benchmark and its one metric, what a
    value is measured on and in when its sentence names none.
    """
    text = found.paper.text
    taken = [(m.start, m.end) for m in inside]
    metric_mentions = _Spans([m for m in inside if m.type == "metric"])
    names = _Spans([m for m in inside if m.type != "metric"])
    values = []
    for listed in _groups(list(_values(text, start, end, taken)), text):
        # A bare number counts next to a metric, or listed with one that is: "+5.7 and +5.0 mAP".
        if any(_metric_for(text, v, metric_mentions, start, names)[0] for v in listed):
            values += listed
        else:
            # Or reported on a dataset the sentence names: "obtains 80.9 on DPG-Bench", "... and 2.84 on X".
            # Or named as a benchmark's score: "a GenEval score of 0.58".
            changed = _CHANGE_AFTER.match(text, listed[-1].end) is not None or (
                _BY_VALUE.search(text, max(start, listed[0].start - 40), listed[0].start) is not None
                and _CHANGE_VERB.search(text, max(start, listed[0].start - 80), listed[0].start) is not None)
            values += [v for v in listed if v.unit or changed or _scored_data(text, v, names) is not None
                       or _compared_owner(text, v, names, start) is not None
                       # after a value in a measure, the change by which it wins, or the value it is set against:
                       # "attains 1.97 gFID, outperforming X by 4.21", "(gFID 2.74 vs. 3.04)"
                       or (values and (_BY_VALUE.search(text, max(start, v.start - 40), v.start) is not None
                                       or _SET_AGAINST.fullmatch(text, values[-1].end, v.start) is not None
                                       or _PARALLEL_ITEM.fullmatch(text, values[-1].end, v.start) is not None))
                       or (values and _bracketed_owner(text, v, names) is not None) or (
                _ON_DATA_AFTER.match(text, v.end) and names.starting(_ON_DATA_AFTER.match(text, v.end).end(),
                                                                     _ON_DATA_AFTER.match(text, v.end).end())
                and _REPORTED_BEFORE.search(text, max(start, v.start - 40), v.start))]
    if not values:
        return
    # (Not a name that modifies another word: "a VGG-style architecture", "TPUv6e-like hardware"; a "GPT-4-based
    # agent" is GPT-4, as annotators take it.)
    models = _with_described_subjects(text, start, end, [m for m in inside if m.type == "model"
                                                         and not _MODIFIER_SUFFIX.match(text, m.end)])
    names_data = any(m.type in DATA_TYPES for m in inside)
    # Data the sentence trains on before its results ("Trained on WebVid-10M, it ...") is not what they are measured on.
    data = _Spans([_with_split(text, m) for m in inside if m.type in DATA_TYPES
                   and not (m.end <= values[0].start and role_before(text, m.start, start) == "train")])
    data_names = {normalize_key(m.text) for m in data.spans}
    sentence = text[start:end]
    cues = [(start + c.start(), start + c.end(), c[0].lower()) for c in COMPARISON_CUE.finditer(sentence)]
    cue_ends = [c[1] for c in cues]
    # "Experiments on X show that <subject> ...": the subject is the reported clause's.
    frame = _REPORT_FRAME.match(text, start, min(end, start + 160))
    subject_at = frame.end() if frame else start
    model, model_rule = _subject(models, cues[0][0] if cues else None, start, text)
    if frame and (after := [m for m in models if m.start >= subject_at]):
        model, model_rule = _subject(after, cues[0][0] if cues and cues[0][0] >= subject_at else None, subject_at, text)
        model, model_rule = (model, model_rule) if model_rule == "subject" else _subject(
            models, cues[0][0] if cues else None, start, text)
    own_subject = _OWN_SUBJECT.match(text, subject_at, end)
    if own_subject is not None:
        # "Our method improves LLaVA-1.5 by 3.2%": the paper's own system is the subject, the named one its
        # object; unless named right there ("our base model, xAR-B (172M), outperforms ...", "our Zeta-L model").
        # (a system the sentence describes inside the subject is the subject itself: "the proposed second model")
        named = next((m for m in models if own_subject.start("own") <= m.start and m.rule != "described" and (
            m.start - own_subject.end() <= 2 or _INTRODUCING.fullmatch(text, own_subject.end(), m.start))), None)
        described = _DESCRIBED_OWN.match(own_subject["own"]) and _OWN_KIND_END.search(own_subject["own"])
        if named is not None:
            model, model_rule = named.text, "own-subject"
        elif described and _SINGLED_OUT.search(own_subject["own"]):
            # One of the paper's systems singled out: "Our 3B models achieve ...", "our best zero-shot system".
            model, model_rule = _OUR.sub("", own_subject["own"]), "own-described"
        elif own_model and (not described or not _title_opening_only(found, own_model)):
            model, model_rule = own_model, "own-subject"
        elif described:
            # Nothing named (or only the title's opening words, a task more often than a system): the paper's own
            # system as the text calls it ("our ensemble", "the proposed framework", "Our multi-modal model").
            model, model_rule = own_subject["own"], "own-described"
    proposed_here = [m for m in models if (m.canonical or m.text) in found.proposes and m.start < values[0].start]
    if model is not None and proposed_here and (model not in found.proposes or (
            model == own_model and model_rule == "own-subject" and own_subject["own"].lower() in _OWN_PRONOUNS)):
        # "with GPT-3.5-Turbo and I^3C-Select, we achieve ...", "EVOLVE ...: applied to Llama-3.1-8B, it
        # surpasses ...", "we introduce Liger Attention, which recovers 93% ...": the paper's own system, named
        # before the numbers, is what they measure.
        model, model_rule = proposed_here[-1].canonical or proposed_here[-1].text, "own-named"
    if model is None and own_model:
        # A result no model opens is the paper's own: "our method", "it", or a sentence of the
        # experiments that names no system at all ("Experiments show a 12% gain ...").
        model, model_rule = own_model, "own-model" if _OWN_WORK.search(sentence) else "paper-model"
    if model is None and (described := _DESCRIBED_OWN_ANYWHERE.search(sentence)) is not None:
        # Nor a name for the paper's own: as the sentence calls it ("the effectiveness of our approach, yielding
        # improvements of +9.04% ...").
        model, model_rule = described.group(), "own-described"
    if model is None and own_subject is not None and own_subject["own"].lower() in _OWN_PRONOUNS and (
            earlier := list(_DESCRIBED_OWN_ANYWHERE.finditer(text, max(0, start - _PRONOUN_REACH), start))):
        # "... our system exhibits excellent performance. Moreover, it shows RTFs of 0.13": the pronoun's system, as
        # the text last called it.
        model, model_rule = earlier[-1].group(), "own-described"
    if model is None and (pointed := _POINTED_SUBJECT.match(text, subject_at, end)) is not None:
        model, model_rule = pointed["own"], "own-described"  # "This simple approach outperforms ..."
    baselines = _Baselines(models, cues, model)
    # Each metric with the number right by it that it measures ("24 FPS", "an FID of 2.1"), if any.
    owned_metrics: dict[int, list[Mention]] = {}
    unowned_metrics = []
    for metric_mention in metric_mentions.spans:
        if (at := _value_by(text, metric_mention)) is None:
            unowned_metrics.append(metric_mention)
        else:
            owned_metrics.setdefault(at, []).append(metric_mention)
    respectively = "respectively" in sentence
    previous_end, previous_data = start, None
    emitted: list[Result] = []
    carried: dict[str | None, str] = {}  # the last metric named for each unit, for lists of results
    last_metric = None
    gapped: tuple[int, str] | None = None  # where the "to" value of a gapped clause starts, and its system
    model_spans = _Spans(models)
    for group in _groups(values, text):
        # A second clause with a subject of its own: "X reaches 2.2x, while Y improves it to 3.6x".
        clause_subject = next((m for m in reversed(model_spans.starting(previous_end, group[0].start - 1))
                               if _CLAUSE_SUBJECT.search(text, max(start, m.start - 12), m.start)
                               and not any(m.end <= c[0] < group[0].start for c in cues)), None)
        if clause_subject is not None and clause_subject.text != model:
            model, model_rule = clause_subject.text, "clause-subject"
            baselines = _Baselines(models, cues, model)
        metrics = [_metric_for(text, v, metric_mentions, start, names) for v in group]
        if len(group) > 1 and (paired := _listed_metrics(text, metric_mentions, group, previous_end, end)) is not None:
            # "PESQ and ViSQOL scores of 2.87 and 4.04, respectively", "PSNR/SSIM/LPIPS of 26.2/0.96/0.08": in order.
            metrics = [(_measure(text, m, start), "metric-listed") for m in paired]
        # "X-S and X-L achieve 81.2% and 84.6% ..., respectively": as many models listed before the values.
        # Not when the data after the values take the "respectively": "with X and Y, we achieve 96.0 and 94.1 on A
        # and B, respectively" (one system, two benchmarks).
        data_after = [m for m in data.spans if m.start >= group[-1].end][:len(group)]
        data_take_it = len(data_after) == len(group) and _RESPECTIVELY_AFTER.match(text, data_after[-1].end)
        listed_models = (_listed_before(model_spans, previous_end, group, text, cue_ends, subject_at)
                         if respectively and len(group) > 1 and not data_take_it else None)
        if len(group) > 1 and listed_models is None:
            listed_models = _obtained_by(model_spans, group, text)
        shared = next((m for m in metrics if m[0]), (None, "value"))
        # "84.1% top-1 on X, 51.3% AP on Y, ..., outperforming Z by 0.5%, 1.0% and ...": a list with no measure
        # of its own, as long as the results the sentence has reported so far, goes with them in order.
        parallel = emitted[-len(group):] if (len(group) > 1 and len(emitted) == len(group) and shared[0] is None
                                             and not _scored_data(text, group[0], names)) else None
        for position, (value, (metric, metric_rule)) in enumerate(zip(group, metrics)):
            metric, metric_rule = (metric, metric_rule) if metric else shared
            if parallel is not None:
                metric, metric_rule = parallel[position].metric, "metric-parallel"
            if metric is None and value.unit in carried:
                metric, metric_rule = carried[value.unit], "metric-carried"
            if metric is None and emitted and emitted[-1].metric \
                    and (change_end := _FROM_TO.match(text, emitted[-1].end)) and change_end.end() - 1 == value.start:
                # "reduces evaluation time from 8 hours to 10 minutes": where a change ends is in the measure it
                # started in, whatever the unit
                metric, metric_rule = emitted[-1].metric, "metric-carried"
            if metric is None and last_metric and (value.unit == "point" or _BY_VALUE.search(
                    text, max(start, value.start - 40), value.start)):
                # A change by an amount in what the sentence measured: "64.5 accuracy, ahead of X by 8.4 points".
                metric, metric_rule = last_metric, "metric-changed"
            if metric is None and value.unit == "fps":
                metric, metric_rule = "FPS", "unit-measure"  # "runs at 24 FPS": the unit is what it measures
            free = unowned_metrics + owned_metrics.get(value.start, [])
            if metric is None and len(free) == 1 and value.unit in _SCORE_UNITS:
                # The one measure the sentence names and no other number has: "On linear-probe accuracy, our
                # model improves by 4%, and it runs at 24 FPS".
                metric, metric_rule = _measure(text, free[0], start), "metric-of-sentence"
            if metric is None and only_metric and value.unit in _SCORE_UNITS and not metric_mentions.spans \
                    and not names_data:
                metric, metric_rule = only_metric, "metric-of-paper"  # the one measure the paper reports in
            if metric:
                carried[value.unit] = last_metric = metric
            # "X and Y ... 2.4% and 3.8%", "... on X and Y, respectively": one dataset for each value.
            # "of 2.1 and 3.5 on CelebA and FFHQ", "4.2 and 11.0 improvements on X and Y"
            change_noun = _CHANGE_AFTER.match(text, group[-1].end)
            on_list = _ON_DATA_AFTER.match(text, change_noun.end() if change_noun else group[-1].end)
            if len(group) > 1 and len(data.spans) == len(group) and (
                    respectively or data.spans[-1].end <= group[0].start
                    or (on_list is not None and data.spans[0].start == on_list.end())):
                dataset = data.spans[position].text
            elif len(group) > 1 and (shared_data := _data_after_list(text, group, data)) is not None:
                dataset = shared_data.text  # "98.0% (normal), 97.5% (bag) and 92.2% (coat) on the X dataset"
            elif (scored := _scored_data(text, value, names)) is not None:
                dataset = scored.text  # "a GenEval score of 0.58"
            elif parallel is not None and parallel[position].dataset_or_benchmark:
                dataset = parallel[position].dataset_or_benchmark
            else:
                dataset = _dataset_for(text, value, data, data_names, previous_end, previous_data)
            if dataset is None and own_data and not data.spans and _UNNAMED_SPLIT.search(sentence):
                dataset = own_data  # "on the private test set" of a paper that releases its own benchmark
            elif dataset is None and own_data and own_model is None and not data.spans \
                    and value.unit in _SCORE_UNITS and not (metric and _COST_MEASURE.search(metric)):
                # A paper whose work is a benchmark, not a system: the scores it reports, on data it leaves
                # unnamed, are on it ("even the best-performing model achieved only 63.50% on this benchmark").
                dataset = own_data
            elif dataset is None and only_data and not names_data and value.unit in _SCORE_UNITS \
                    and not (metric and _COST_MEASURE.search(metric)):
                dataset = only_data  # the one dataset or benchmark the paper names: what its scores are on
            if not data.spans and (
                    described := _DESCRIBED_DATA.match(text, value.end, min(end, value.end + 90))) is not None:
                dataset = described["data"]  # "a 4% gain on out-of-domain datasets": data described, not named
            previous_data = dataset
            # "surpassing ViT-H (85.4%)": a value in parentheses right after a system is that system's.
            owner = next((m for m in model_spans.starting(value.start - 40, value.start)
                          if _OWN_VALUE.fullmatch(text, m.end, value.start)), None)
            value_model = owner.text if owner is not None else model
            if owner is None and (related := next((m for m in model_spans.starting(value.start - 160, value.start)
                                                   if _RELATIVE_SCORE.fullmatch(text, m.end, value.start)), None)):
                value_model = related.text  # "surpassing OneNet, a ... baseline that achieves only 23.7%"
            elif owner is None and (related := _DESCRIBED_RELATIVE.search(text, max(start, value.start - 160),
                                                                          value.start)) is not None:
                value_model = related["system"]  # "outperforming the base model, which scores 80.53%"
            if (compared := _compared_owner(text, value, model_spans, start)) is not None:
                value_model = compared.text  # "3.5 FID, compared to 5.1 for DiT-XL"
            elif listed_models is not None:
                value_model = listed_models[position].text  # "X and Y reach 81.2% and 84.6%, respectively"
            if emitted and compared is None and _SET_AGAINST.fullmatch(text, emitted[-1].end, value.start):
                # "outperforms DiT-XL/2 (gFID 2.74 vs. 3.04)": the other system's, the nearest named before the pair.
                value_model = next((m.text for m in reversed(model_spans.starting(start, emitted[-1].start - 1))
                                    if m.text != emitted[-1].model), None)
                if (apposed := _APPOSED_SYSTEM.match(text, value.end)) is not None:
                    value_model = apposed["system"]
            if _FROM_TO.match(text, value.end) and _FROM_BEFORE.search(text, max(start, value.start - 8), value.start):
                # "improves FID from 18.65 to 1.80": the first is where the change started, the result of the
                # system it was made on ("the accuracy of OPT-13B from ..."), else of what it is compared with.
                of = next((m for m in reversed(model_spans.starting(value.start - 60, value.start))
                           if _OF_NAME_FROM.fullmatch(text, m.end, value.start)), None)
                value_model = of.text if of is not None else baselines.of(value)
                if value_model is None and (against := _last_match(_DESCRIBED_BASELINE, text, start, value.start)):
                    value_model = against["system"]  # "Compared to the strongest baselines, it improves ... from"
                if of is not None and _GAPPED_BEFORE.search(text, max(start, of.start - 8), of.start):
                    # "X improves it from 63.2% to 80.5% and Y from 69.7% to 74.2%": a clause with its verb left
                    # out; Y is where both of its values are.
                    gapped = (_FROM_TO.match(text, value.end).end() - 1, of.text)
            elif gapped is not None and value.start == gapped[0]:
                value_model = gapped[1]
            confidence = 0.5 + 0.15 * bool(metric) + 0.1 * bool(value.unit) + 0.1 * bool(model) + 0.05 * bool(dataset)
            baseline = baselines.of(value)
            result = Result(
                paper_id=found.paper.id, model=value_model, dataset_or_benchmark=dataset, metric=metric,
                value=value.value, unit=value.unit, sentence=sentence,
                baseline=None if baseline == value_model else baseline,
                start=value.start, end=value.end, sentence_start=start,
                rule=f"result:{metric_rule}" + (f"+{model_rule}" if model_rule else ""),
                confidence=round(confidence, 4),
            )
            emitted.append(result)
            yield result
        previous_end = group[-1].end


# A clause about the system named before it that gives its score: "the base model, which scores 80.53%", "OneNet,
# a state-of-the-art zero-shot baseline that achieves only 23.7%".
_RELATIVE_SCORE = re.compile(r"(?:\s*\([^()]{0,40}\))?,\s+(?:(?:a|an|the)\s+[^,.;()]{0,60}?\s+)?(?:which|that|who)\s+"
                             r"(?:only\s+|still\s+)?(?:achiev|scor|obtain|reach|get|got|attain|yield)\w*\s+"
                             r"(?:only\s+|just\s+|merely\s+)?(?:an?\s+(?:[\w@-]+\s+){1,3}?of\s+)?")
# ... about a system the text describes: "the base model, which scores 80.53%".
_DESCRIBED_RELATIVE = re.compile(r"(?<![\w-])(?P<system>(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:baseline|model|method|system|"
                                 r"approach|network)s?)" + _RELATIVE_SCORE.pattern + "$", re.IGNORECASE)


# A sentence whose subject is the paper's own work: "Our method ...", "On X, the proposed approach ...", "It ...",
# "Its inference speed ...", "Our instantiation of this approach ..." (any noun after "our" but the report's own: "our
# experiments show").
_OWN_SUBJECT = re.compile(r"(?:[^,.;:]{0,100},\s*){0,2}(?P<own>(?:our|the proposed|this)\s+(?:[\w-]+\s+){0,2}?"
                          + OWN_KIND
                          + r"s?\b|(?:our|the proposed)\s+(?!(?:experiment|result|analys|evaluation|finding|stud|ablation|empirical|"
                          r"extensive|experimental|comprehensive|thorough|code|data|work)\w*\b)[\w-]+|(?:its?|we)\b)",
                          re.IGNORECASE)
# The pronouns that stand for the paper's own system as a sentence's subject.
_OWN_PRONOUNS = frozenset({"we", "it", "its"})
# Words that single out one of the paper's systems: its best, its largest, one size.
_SINGLED_OUT = re.compile(r"(?<![\w-])(?:best|strongest|largest|smallest|first|second|third|final|\d+(?:\.\d+)?[BMK])"
                          r"(?![\w-])")
_OUR = re.compile(r"^our\s+", re.IGNORECASE)
# What the paper calls its own system by: "our", "the proposed".
_OWN_DETERMINER = r"(?:our|the\s+proposed)"
# The paper's own system described, not named: "our method", "the proposed framework" (written so, determiner and all,
# as the text calls it).
_DESCRIBED_OWN = re.compile(r"^" + _OWN_DETERMINER + r"\s", re.IGNORECASE)
# ... ending on the kind of thing it is, not cut short ("the proposed structure-aware" of a longer phrase).
_OWN_KIND_END = re.compile(r"\b(?:" + OWN_KIND + r"|ensemble|network)s?$",
                           re.IGNORECASE)
# The paper's own system as a sentence calls it, anywhere in it: "our approach", "the proposed framework".
_DESCRIBED_OWN_ANYWHERE = re.compile(r"\b" + _OWN_DETERMINER + r"\s+(?:[\w-]+\s+){0,2}?" + OWN_KIND + r"s?\b")
# How far back a pronoun's system may be named, in characters (a sentence or two).
_PRONOUN_REACH = 400
# The subject a sentence points to by its kind alone, when no system is named for its result: "The method
# outperforms ...", "this simple approach achieves ...", "tool augmentation improves ...", "The trained GNN
# achieves ..." (up to three words before the kind, none a function word: "most of the methods" is no subject; a
# plural kind alone, "Models reach ...", is no system of the paper's).
_SUBJECT_MODIFIER = (r"(?!(?:of|the|a|an|and|or|to|that|which|is|are|has|have|with|for|in|on|by|we|it|no|none|all|"
                     r"each|every|most|many|some|any|both|several|few|other|such)\b)[\w-]+\s+")
_POINTED_SUBJECT = re.compile(r"(?:[^,.;:]{0,100},\s*)?(?P<own>(?:(?:the|this|these|our)\s+(?:" + _SUBJECT_MODIFIER
                              + r"){0,3}?|(?:" + _SUBJECT_MODIFIER + r"){1,3}?)"
                              r"(?:" + OWN_KIND + r"|technique|strategy|solution|module|network|features|representations|"
                              r"augmentation|student|classifier|detector|predictor|judge|monitor|GNN)s?"
                              + r")(?=\s+(?:\w+ly\s+)?"
                              r"(?:achiev|reach|attain|scor|obtain|improv|outperform|yield|surpass|exceed|deliver|reduc|boost|increas|"
                              r"cut|lower|recover|retain|gain)"
                              r"\w*\b)",
                              re.IGNORECASE)
# What reports a finding before the clause that holds the result: "Experiments on X show that ", "We find that ".
_REPORT_FRAME = re.compile(r"[^.;:]{0,140}?\b(?:show|demonstrat|reveal|indicat|suggest|confirm|find|found|verif|prove)\w*"
                           r"\s+that\s+", re.IGNORECASE)
# What opens a clause of its own before its subject: ", while X ...", "; X ...", ", whereas the X ...".
_CLAUSE_SUBJECT = re.compile(r"(?:[,;]\s*(?:while|whereas|but|and)|;|\bwhile|\bwhereas)\s+(?:the\s+|our\s+)?$", re.IGNORECASE)


# What may stand before a sentence's grammatical subject: nothing, or an opening phrase set off
# by a comma ("Empirically, X achieves ...", "On ImageNet, X ...", "In particular, X ...").
_BEFORE_SUBJECT = re.compile(r"(?P<opening>[^,.;:]{0,60},\s*)?(?:(?:the|our|a|an)\s+(?:[\w-]+\s+){0,2}?)?$", re.IGNORECASE)


def _subject(models: list[Mention], first_cue: int | None, sentence_start: int = 0,
             text: str = "") -> tuple[str | None, str | None]:
    """The model a sentence reports on.

    Its grammatical subject when a model opens the sentence ("SGD-SaI achieves ... for GPT-2
    ... compared to AdamW"); else the last one before its first comparison cue, else the first one.
    """
    # The first model, or the first after an opening phrase that names one ("When applied to ResNet-50, X ...").
    for model in models[:3]:
        before = _BEFORE_SUBJECT.fullmatch(text, sentence_start, model.start) if text else None
        # Before any comparison, or after one in the opening phrase ("Compared to GPT-4, X reaches ...").
        if before and (first_cue is None or model.end <= first_cue
                       or (before.group("opening") and first_cue < sentence_start + len(before.group("opening")))):
            return model.text, "subject"
    if first_cue is not None:
        before = [m for m in models if m.end <= first_cue]
        return (before[-1].text, "compared") if before else (None, None)
    return (models[0].text, "first-model") if models else (None, None)


class _Baselines:
    """The model each value of a sentence is measured against, looked up by position."""

    def __init__(self, models: list[Mention], cues: list[tuple[int, int, str]], subject: str | None) -> None:
        self.models = _Spans(models)
        self.cues = cues
        self.cue_starts = [c[0] for c in cues]
        self.cue_ends = [c[1] for c in cues]  # cues do not overlap: their ends are in order too
        # For each model, the first model from it on that is not the subject.
        self.next_other: list[int] = [len(models)] * (len(models) + 1)
        for index in range(len(models) - 1, -1, -1):
            self.next_other[index] = index if models[index].text != subject else self.next_other[index + 1]

    def of(self, value: _Value) -> str | None:
        """After a "than" right behind the value, else after the last cue before it."""
        than = next((c for c in self.cues[bisect_left(self.cue_starts, value.end):bisect_right(self.cue_starts, value.end + 30)]
                     if c[2] == "than"), None)
        last_before = bisect_right(self.cue_ends, value.start) - 1
        cue = than or (self.cues[last_before] if last_before >= 0 else None)
        if cue is None:
            return None
        other = self.next_other[bisect_left(self.models.starts, cue[1])]
        return self.models.spans[other].text if other < len(self.models.spans) else None


# Between a benchmark's name and the score it gives: "a GenEval score of 0.58", "its MME-P score is 1265.8".
_SCORE_OF = re.compile(r"\s+scores?\s*(?:of|is|was|=|:|at|reaching)?\s*(?:about\s+|around\s+|only\s+|over\s+)?$",
                       re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|only\s+)?$", re.IGNORECASE)
# What sets a name off as a clause whose verb is left out: "... and Y from 69.7% to 74.2%".
_GAPPED_BEFORE = re.compile(r"(?:,|\band)\s+$")
# Systems a value is set against, described rather than named: "compared to the strongest baselines", "over pooled
# baselines".
_DESCRIBED_BASELINE = re.compile(r"\b(?:compared (?:to|with)|over|than|against|relative to)\s+(?:the\s+|a\s+)?"
                                 r"(?P<system>(?:[\w-]+\s+){0,2}?(?:baselines?|methods|approaches|counterparts?))\b",
                                 re.IGNORECASE)


def _last_match(pattern: re.Pattern, text: str, start: int, end: int) -> re.Match | None:
    return next(reversed(list(pattern.finditer(text, start, end))), None)


# Between a system and the start of its change: "the accuracy of OPT-13B from 61.2% ...".
_OF_NAME_FROM = re.compile(r"\s+from\s+(?:about\s+|around\s+|only\s+)?", re.IGNORECASE)


# A value set against another system's: "compared to 5.1 for DiT-XL", "versus 71.3% of GPT-4".
_VERSUS_BEFORE = re.compile(r"\b(?:" + _VERSUS + r"|than)\s+(?:only\s+|just\s+|e\.g\.,?\s+)?$", re.IGNORECASE)
_ACHIEVED_BY = re.compile(r"\s+(?:as\s+)?(?:achieved|obtained|attained|reached|reported|scored|set)\s+by\s+(?:the\s+)?",
                          re.IGNORECASE)
_FOR_NAME = re.compile(r"\s+(?:for|of|by|from|with)\s+(?:the\s+)?", re.IGNORECASE)
# Between models listed together: "X-S and X-L", "A, B, and C".
_NAME_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|/)\s*")


def _bracketed_owner(text: str, value: _Value, names: _Spans) -> Mention | None:
    """The model a bare value in parentheses right after it belongs to: "such as LLaVA-NeXT-34B (51.1)"."""
    if not text.startswith(")", value.end):
        return None
    return next((m for m in names.starting(value.start - 40, value.start)
                 if m.type == "model" and _OWN_VALUE.fullmatch(text, m.end, value.start)), None)


def _compared_owner(text: str, value: _Value, names: _Spans, start: int) -> Mention | None:
    """The model a value set against the result is of ("compared to 5.1 for DiT-XL"), if any."""
    achieved = _ACHIEVED_BY.match(text, value.end)
    if achieved:  # "surpassing 82.0% achieved by EVA-E"
        return next((m for m in names.starting(achieved.end(), achieved.end()) if m.type == "model"), None)
    if not _VERSUS_BEFORE.search(text, max(start, value.start - 20), value.start):
        return None
    after = _FOR_NAME.match(text, value.end)
    return next((m for m in names.starting(after.end(), after.end()) if m.type == "model"), None) if after else None


_RESPECTIVELY_AFTER = re.compile(r"\s*,?\s*respectively\b")


def _listed_before(models: _Spans, since: int, group: list[_Value], text: str, cue_ends: list[int],
                   subject_at: int) -> list[Mention] | None:
    """As many models as ``group`` has values, listed together before them, if the sentence names so many there;
    not the systems a comparison takes ("X outperforms A and B by 2% and 3%, respectively")."""
    # Only the last few before the values: a bisection, not a slice of every model since.
    low, high = bisect_left(models.starts, since), bisect_right(models.starts, group[0].start - 1)
    if high - low < len(group):
        return None
    before = models.spans[max(low, high - len(group) - 1):high]
    listed = before[-len(group):]
    if not all(_NAME_JOINER.fullmatch(text, a.end, b.start) for a, b in zip(listed, listed[1:])):
        return None
    if _BEFORE_SUBJECT.fullmatch(text, subject_at, listed[0].start):
        return listed  # the clause's subject: "Compared to GPT-4, X-S and X-L reach ..."
    if bisect_left(cue_ends, listed[0].start - 25) < bisect_right(cue_ends, group[0].start):
        return None
    if high - low == len(group) or not _NAME_JOINER.fullmatch(text, before[-len(group) - 1].end, listed[0].start):
        return listed  # "evaluated on LLaMA-7B and LLaMA-13B, with speedups of 2.1x and 2.4x, respectively"
    return None


_BY_AFTER = re.compile(r"\s*+,?\s*+(?:(?:were|was|are|is)\s+)?(?:obtained|achieved|attained|reached|scored|reported|"
                       r"held|set)\s+by\s+(?:the\s+)?")


def _obtained_by(models: _Spans, group: list[_Value], text: str) -> list[Mention] | None:
    """As many models as ``group`` has values, listed right after them as who obtained them ("~41%, ~36% and ~27%,
    obtained by A, B and C")."""
    by = _BY_AFTER.match(text, group[-1].end)
    if by is None:
        return None
    after = models.starting(by.end(), by.end() + 200)[: len(group)]
    if len(after) != len(group) or after[0].start != by.end():
        return None
    return after if all(_NAME_JOINER.fullmatch(text, a.end, b.start) for a, b in zip(after, after[1:])) else None


def _scored_data(text: str, value: _Value, names: _Spans) -> Mention | None:
    """The dataset or benchmark whose score a value is, named right before it ("a GenEval score of 0.58")."""
    return next((m for m in reversed(names.starting(value.start - 40, value.start)) if m.type in DATA_TYPES
                 and m.end <= value.start and _SCORE_OF.fullmatch(text, m.end, value.start)), None)


def _dataset_for(text: str, value: _Value, data: _Spans, names: set[str], previous_end: int,
                 previous_data: str | None):
    """The dataset a value is on: "… on X" or "(X)" right after it, else the only one since the last value."""
    for mention in data.starting(value.start - 40, value.start):
        if _SCORE_IN_BRACKETS.fullmatch(text, mention.end, value.start):
            return mention.text  # "ActivityNet-1.3 (40.01% mAP), HACS Segments (38.39% mAP)"
    for mention in data.starting(value.end, value.end + 3):
        if text[value.end:mention.start].strip() == "(" and text[mention.end:mention.end + 1] == ")":
            return mention.text  # "25.5% (MIMIC-CXR), 8.8% (DeepEyeNet)"
        if value.unit and not text[value.end:mention.start].strip():
            return mention.text  # "82.9% ImageNet zero-shot accuracy"
    for mention in data.starting(value.end, value.end + 120):
        gap = text[value.end:mention.start]
        # (not across a semicolon: "by 7.5% over baselines; on CIRR, it boosts ..." opens the next clause's data)
        if _ON_BEFORE_NAME.search(gap) and not _STANDALONE_NUMBER.search(gap) and len(gap) <= 60 and ";" not in gap:
            return mention.text
        if _ON_BEFORE_NAME.search(gap) and _ON_END.search(gap) and not _CLAUSE_BREAK.search(gap):
            # "51.3% AP and 45.4% AP for detection and segmentation on COCO": the values listed in one
            # clause before "on X" are all on X.
            return mention.text
    since = data.starting(previous_end, value.start - 1)
    if since:
        # The first of several since the last value: "on the ViDoRe and SEC-Filings datasets, X achieves ...".
        return since[0].text
    if previous_data:
        return previous_data
    return data.spans[0].text if len(names) == 1 else None


# The split a benchmark's name goes on with: "COCO test-dev", "ADE20K val" (not "the COCO val set", where the
# split is a word of the phrase the name modifies).
# Units of a score, which the paper's one metric may measure (not a factor, a time or a size).
_SCORE_UNITS = frozenset({"%", "point", None})
# Measures of a cost, which no dataset is the place of: "30% less memory", "20% lower latency".
_COST_MEASURE = re.compile(r"\b(?:memory|latency|throughput|speed|speed-?ups?|time|runtime|flops|macs|costs?|"
                           r"parameters|params|size|tokens|energy|footprint|usage|consumption|length|steps)\b",
                           re.IGNORECASE)
_SPLIT = r"(?:test-dev|test-std|test-challenge|minival|val|valid|validation|test|dev)"
_SPLIT_AFTER = re.compile(r"\s(" + _SPLIT + r")\b(?!-)"
                          r"(?=\s*[,.;:)\]]|\s*$|\s+(?:and|or|with|while|using|for|on|in|at|by|to|from|as|when|where|which|"
                          r"respectively|compared|than|without|over)\b)", re.IGNORECASE)


_TRAILING_SPLIT = re.compile(r"\s" + _SPLIT + r"$", re.IGNORECASE)


def without_split(name: str) -> str:
    """The data a result names, without the split written after it.

    Examples
    --------
    >>> without_split("COCO test-dev"), without_split("ADE20K val"), without_split("MMLU")
    ('COCO', 'ADE20K', 'MMLU')
    """
    return _TRAILING_SPLIT.sub("", name)


def _with_split(text: str, mention: Mention) -> Mention:
    """A dataset or benchmark mention with the split written right after its name, if any."""
    split = _SPLIT_AFTER.match(text, mention.end)
    if split is None:
        return mention
    return replace(mention, text=f"{mention.text} {split.group(1)}", end=split.end())


# A split named by no name of its own: "on the private test set", "on the held-out test split".
_UNNAMED_SPLIT = re.compile(r"\b(?:on|in)\s+(?:the|its|our)\s+(?:[\w-]+\s+){0,2}?(?:test|dev|validation|evaluation)\s+"
                            r"(?:set|split)s?\b", re.IGNORECASE)


# Data a value is on, described rather than named: "on out-of-domain datasets", "across several grounding
# benchmarks" (without the quantifier).
_DESCRIBED_DATA = re.compile(r"(?:\s*(?:%|points?|x))?[^.;:,()\d]{0,40}?\b(?:on|across|over)\s+"
                             r"(?:the\s+|several\s+|various\s+|multiple\s+|many\s+|all\s+)?"
                             r"(?P<data>(?:[\w-]+\s+){0,3}(?:datasets|benchmarks|test sets))\b")
# What calls a name the paper's own model: "Our model, X, ...", "our final system X".
_OUR_MODEL_BEFORE = re.compile(r"\bour\s+(?:final\s+|resulting\s+|full\s+)?(?:model|system|agent|network)\s*,?\s*"
                               r"(?:called\s+|named\s+|dubbed\s+)?$", re.IGNORECASE)


# A title's name for the work: its words before a colon, or its opening phrase before the task it is for.
_TITLE_HEAD = re.compile(r"\s*(?P<name>[A-Z][^:]{0,60}?)\s*:\s")
# A title head that describes or asks: "Monitoring Decomposition Attacks", "What's in a Video", "Do LLMs Plan?".
_DESCRIBING_HEAD = re.compile(r"[A-Z][a-z]+ing\b|(?:What|How|Why|When|Where|Which|Who|Is|Are|Do|Does|Can|Should)\b")
_TITLE_OPENING = re.compile(r"\s*(?P<name>(?:[A-Z][\w-]*\s+){1,4}?[A-Z][\w-]*)\s+(?:for|via|with|in|on|of|to|by|using|from|as)\s")


_CALLED_OWN_BEFORE = re.compile(r"\b(?:our|the proposed)\s+$", re.IGNORECASE)


def _title_opening_only(found: PaperEntities, own_model: str) -> bool:
    """Whether ``own_model`` is only the title's opening words: no name before its colon, proposal or model."""
    head = _TITLE_HEAD.match(found.paper.title)
    return not ((head and head["name"] == own_model) or own_model in found.proposes
                or any(m.type == "model" and own_model in (m.text, m.canonical) for m in found.mentions))


def _title_name(title: str, abstract: str) -> str | None:
    """The name a title gives the paper's own work, if any: "Learn Your Tokens" of "Learn Your Tokens: Word-Pooled ...",
    "Continuous Speculative Decoding" of "Continuous Speculative Decoding for ..." that the abstract calls its own."""
    head = _TITLE_HEAD.match(title)
    if head and len(head["name"].split()) <= 5 and not _DESCRIBING_HEAD.match(head["name"]):
        return head["name"]
    opening = _TITLE_OPENING.match(title)
    # (only where the abstract calls it its own: "our continuous speculative decoding"; a title opening on a task or
    # a description, "Video Object Segmentation using ...", "Improved Techniques for ...", names no system)
    if opening is None:
        return None
    lowered, name = abstract.lower(), opening["name"].lower()
    at = lowered.find(name)
    while at >= 0:  # (a string search, and one compiled pattern before each use: no pattern made per paper)
        if _CALLED_OWN_BEFORE.search(abstract, max(0, at - 40), at):
            return opening["name"]
        at = lowered.find(name, at + 1)
    return None


# Data named by pointing back at the data named before: "on these two datasets", "across both benchmarks".
_DATA_POINTED_BACK = re.compile(r"(?:these|those|both|the\s+(?:two|three|four|five|same))\b.*"
                                r"\b(?:datasets?|benchmarks?|tasks?|sets?)$", re.IGNORECASE)


def _with_data_named_before(found: PaperEntities, results: list[Result]) -> list[Result]:
    """Scores whose sentence names no data take the data of the last sentence before that names any: its one dataset
    or benchmark ("We evaluate on Defects4J. D4C repairs 180 bugs, 40% more than ..."; not costs: "10% fewer
    steps"), or its several in order when the sentence gives as many scores in one measure ("... 2.51 and 3.25 on
    CIFAR-10 and ImageNet respectively. Two-step sampling reduces FID to 2.24 and 2.77 on these two datasets").
    """
    data = sorted((m for m in found.mentions if m.type in DATA_TYPES), key=lambda m: m.start)
    data_starts = [m.start for m in data]
    named = []  # (sentence start, its data names in order), for the sentences that name any; one bisection each
    for start, end in found.sentences:
        inside = data[bisect_left(data_starts, start) : bisect_left(data_starts, end)]
        if inside:
            named.append((start, list(dict.fromkeys(m.canonical or m.text for m in inside))))
    starts = [start for start, _ in named]
    texts = {m.canonical or m.text: m.text for m in data}
    carried = []
    for sentence_start, sentence_results in groupby(results, key=lambda result: result.sentence_start):
        group = list(sentence_results)
        earlier = bisect_left(starts, sentence_start) - 1
        names_data = earlier + 1 < len(starts) and starts[earlier + 1] == sentence_start
        open_results = [result for result in group if result.unit in _SCORE_UNITS
                        and (result.dataset_or_benchmark is None
                             or _DATA_POINTED_BACK.match(result.dataset_or_benchmark))
                        and not (result.metric and _COST_MEASURE.search(result.metric))]
        before = named[earlier][1] if earlier >= 0 and not names_data else []
        if len(before) == 1:
            filled = {id(result): before[0] for result in open_results if result.dataset_or_benchmark is None}
        elif len(before) > 1 and len(open_results) == len(before) and len({r.metric for r in open_results}) == 1:
            filled = {id(result): name for result, name in zip(open_results, before)}
        else:
            filled = {}
        carried += [replace(result, dataset_or_benchmark=texts[filled[id(result)]]) if id(result) in filled else result
                    for result in group]
    return carried


def extract_results(found: PaperEntities) -> list[Result]:
    """Every result the paper's sentences report, in text order.

    Examples
    --------
    >>> from paperkg import Paper, extract_papers
    >>> paper = Paper("FlowAR: Scale-wise Autoregressive Image Generation",
    ...               "We propose FlowAR. FlowAR achieves an FID of 1.97 on ImageNet. "
    ...               "It runs 2.4× faster than VAR with 10% fewer steps.")
    >>> for r in extract_results(next(extract_papers([paper]))):
    ...     print(r.label, "| baseline:", r.baseline)
    FlowAR FID 1.97 on ImageNet | baseline: None
    FlowAR speed 2.4x | baseline: VAR
    FlowAR steps 10% | baseline: VAR
    """
    proposed = [name for name in found.proposes
                if any(m.type == "model" and (m.canonical or m.text) == name for m in found.mentions)]
    # Of several proposed, the one the abstract calls "our model" ("we introduce X ... Our model, X-LLaVA, ...").
    text = found.paper.text
    called = {m.canonical or m.text for m in found.mentions if m.type == "model"
              and _OUR_MODEL_BEFORE.search(text, max(0, m.start - 40), m.start)}
    own_model = next((name for name in proposed if name in called), proposed[0] if proposed else None)
    if own_model is None:
        # Nothing proposed: the one model the title names is what the paper reports on
        # ("Sparse then Prune: Toward Efficient Vision Transformers").
        # Named as its entity is, by the group's first name ("Vision Transformer | Vision Transformers").
        first = {name: group[0] for group in found.entities.get("model", []) for name in group}
        in_title = {first.get(m.canonical or m.text, m.canonical or m.text) for m in found.mentions
                    if m.type == "model" and m.end <= len(found.paper.title)}
        own_model = in_title.pop() if len(in_title) == 1 else None
    if own_model is None:
        # Nor that: the name the title gives the work, before its colon ("Dataset Decomposition: Faster ..."), or
        # the title's opening phrase when the abstract calls it so ("our continuous speculative decoding").
        own_model = _title_name(found.paper.title, found.paper.abstract)
    # The dataset or benchmark the paper itself releases: what its unnamed "test set" is.
    # Not a name the paper also gives a system ("FORGE", the method and its data).
    model_named = {m.canonical or m.text for m in found.mentions if m.type == "model"}
    own_data = next((name for name in found.proposes if name not in model_named
                     and any(m.type in DATA_TYPES and (m.canonical or m.text) == name for m in found.mentions)), None)
    data_named = {m.canonical or m.text for m in found.mentions if m.type in DATA_TYPES}
    model_entities = {name for group in found.entities.get("model", []) for name in group}
    if own_model in data_named and (title_label(found.paper.title) != "MODEL" or own_model not in model_entities):
        # "MathVista: Evaluating ...": the title names a benchmark, which scores others; "LEAN-GitHub: Compiling
        # GitHub LEAN repositories ...": the paper's data, not a system of it
        own_model = None
    data_names = [group[0] for kind in DATA_TYPES for group in found.entities.get(kind, [])]
    # A score with no measure named is in the paper's one measure of scores; its measures of cost (time, memory)
    # take factors and sizes, not the percentages and points of a score.
    metric_names = [group[0] for group in found.entities.get("metric", []) if not _COST_MEASURE.search(group[0])]
    mentions = _Spans(sorted(found.mentions, key=lambda m: m.start))
    results: list[Result] = []
    for start, end in found.sentences:
        results.extend(_results_in_sentence(
            found, start, end, own_model, mentions.starting(start, end - 1), own_data,
            only_data=data_names[0] if len(data_names) == 1 else None,
            only_metric=metric_names[0] if len(metric_names) == 1 else None))
    results = _with_data_named_before(found, results)
    # A measure the paper defines with a short form goes by it: "word error rate (WER)" is WER, the name
    # annotators give it whichever form the sentence uses.
    short_forms = {text[long_start:long_end].lower(): text[short_start:short_end]
                   for long_start, long_end, short_start, short_end in acronym_definitions(text)}
    return [replace(result, metric=short_forms[result.metric.lower()])
            if result.metric and result.metric.lower() in short_forms else result for result in results]


def results_frame(extracted: Iterable[PaperEntities]):
    """A pandas ``DataFrame`` of every paper's results, one row each, ``value`` as float.

    Examples
    --------
    >>> from paperkg import Paper, extract_papers
    >>> paper = Paper("T2T-ViT", "T2T-ViT reaches 83.3% top-1 accuracy on ImageNet.")
    >>> results_frame(extract_papers([paper]))[["model", "metric", "value", "unit"]].to_dict("records")
    [{'model': 'T2T-ViT', 'metric': 'top-1 accuracy', 'value': 83.3, 'unit': '%'}]
    """
    import pandas as pd

    rows = [{**asdict(result), "title": found.paper.title, "arxiv_id": found.paper.arxiv_id}
            for found in extracted for result in extract_results(found)]
    return pd.DataFrame(rows, columns=list(RESULT_COLUMNS)).astype({"value": float})


def _keys(names: str | None) -> set[str]:
    return {normalize_key(name) for name in (names or "").split(" | ")} - {""}


def _unit_key(unit: str | None) -> str | None:
    # Annotators write a unit in the singular or the plural, and in either case.
    if unit is None:
        return None
    key = unit.strip().lower().replace("×", "x")
    return key[:-1] if len(key) > 2 and key.endswith("s") else key


def result_matches(gold: dict, predicted: Result) -> bool:
    """Whether a predicted result matches a gold one (``tests/data/results-dev.jsonl`` format).

    The values must be equal within 1e-6 and the units equal (case and a
    plural aside: "points" is "point", "X" is "x"); the metric,
    model and dataset/benchmark must match (normalized, any ``" | "`` alias)
    whenever the gold gives them, and are not checked when the gold leaves
    them ``null``. The baseline is not scored.

    Examples
    --------
    >>> found = Result("p", "kMaX-DeepLab", "COCO", "PQ", 58.0, "%", None, "", 0, 0, 0, "t", 0.9)
    >>> gold = {"model": "kMaX-DeepLab", "dataset_or_benchmark": "COCO val | COCO", "metric": "PQ",
    ...         "value": 58.0, "unit": "%"}
    >>> result_matches(gold, found), result_matches({**gold, "metric": "mIoU"}, found)
    (True, False)
    >>> result_matches({**gold, "model": None, "dataset_or_benchmark": None}, found)
    True
    >>> in_points = Result("p", "kMaX-DeepLab", "COCO", "PQ", 58.0, "point", None, "", 0, 0, 0, "t", 0.9)
    >>> result_matches({**gold, "unit": "points"}, in_points), result_matches({**gold, "unit": "Points"}, in_points)
    (True, True)
    """
    if abs(float(gold["value"]) - predicted.value) > 1e-6 or _unit_key(gold.get("unit")) != _unit_key(predicted.unit):
        return False
    for field_name in ("metric", "model", "dataset_or_benchmark"):
        wanted = _keys(gold.get(field_name))
        if wanted and normalize_key(getattr(predicted, field_name) or "") not in wanted:
            return False
    return True


def score_results(gold_records: list[dict], extracted: Iterable[PaperEntities]) -> Score:
    """Micro precision / recall / F1 of the extracted results against gold records, by :func:`result_matches`.

    Each gold result matches at most one predicted result of the same paper
    (by normalized title), and each prediction at most one gold result.
    """
    by_title = {normalize_key(found.paper.title): extract_results(found) for found in extracted}
    return score_predictions(gold_records, [by_title.get(normalize_key(r["title"]), []) for r in gold_records])


def score_predictions(gold_records: list[dict], predicted: list[list[Result]]) -> Score:
    """:func:`score_results` for results already extracted, one list per gold record in its order."""
    score = Score()
    for record, found in zip(gold_records, predicted):
        used: set[int] = set()
        for gold in record.get("results", []):
            hit = next((i for i, p in enumerate(found) if i not in used and result_matches(gold, p)), None)
            if hit is not None:
                used.add(hit)
        score.add(len(used), len(record.get("results", [])), len(found))
    return score
