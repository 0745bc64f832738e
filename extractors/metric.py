"""Measures results are reported in: ``FID``, ``BLEU``, ``top-1 accuracy``, ``perplexity``.

Coined metric names (``FID``, ``mIoU``, ``CIDEr``) count wherever they
appear. Names that are also plain English (``accuracy``, ``latency``,
``throughput``) count only in a sentence that reports a result: one with a
number or a word of comparison ("improves accuracy by 3%", "lower latency"),
and keep their modifiers ("average token count"). Measures no list names
come from the grammar of :mod:`~extractors.measures` ("human preference
rate", "tokens per second") and from frames that call a phrase a measure
("reduces X by 50%", "in terms of X", "the metric of X").
"Performance", "efficiency" and "quality" are never metrics, so they are not
in the gazetteer at all.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from paperkg.core.model import normalize_key

from .abbreviations import acronym_definitions, add_definitions, kind_after
from .base import add_candidate, candidate_offsets, doc_text
from .gazetteer import Gazetteer
from .lexicon import (HEADS, SENTENCE_REACH, TASK_HEADS, is_generic, is_name_shaped, judged_per_part, known_keys,
                      line_bounds, load_names, sentence_start)
from .measures import (CHANGE_NOUN, CHOOSING, HEAD_AFTER, framed, in_measurement_context, is_measure_head,
                       measure_phrases, measure_start, names_a_setting)

__all__ = ["MetricExtractor", "reports_result", "result_measures", "RESULT_FRAMES"]

# A number, or a word that compares or changes a measured value.
_RESULT_CONTEXT = re.compile(
    r"\d|%|\b(?:improv\w*|higher|lower|better|worse|gains?|reduc\w*|increas\w*|decreas\w*|boost\w*|"
    r"outperform\w*|surpass\w*|achiev\w*|attain\w*|drops?|degrad\w*|measured|in terms of|"
    r"faster|slower|speed\w*|state-of-the-art|competitive|comparable|matches|maintain\w*|"
    r"preserv\w*|retain\w*|sacrific\w*|trade-?off|at the cost of|measur\w*|metrics?)\b",
    re.IGNORECASE,
)


# A measure word or phrase: one to five words, letters with inner hyphens (``on-device GPU memory usage``).
_FUNCTION_WORD = (
    r"(?!(?:and|or|of|by|to|in|on|for|with|while|from|at|as|since|that|which|when|where|than|is|are|was|were|be|"
    r"a|an|we|it|they|this|these|those|them|both|even|not|only|over|under|up|across|between|among|within|without|against|"
    r"compared|such|like|including|can|could|may|might|will|would|should|must|has|have|had|do|does|did|respectively|"
    r"etc|alongside|besides|despite|unlike)(?![\w-]))"
)


def _measure_words(most: int) -> str:
    """A measure of one word to ``most`` words, none a function word."""
    return (_FUNCTION_WORD + r"[A-Za-z0-9][A-Za-z0-9–-]*(?: " + _FUNCTION_WORD + r"[A-Za-z][A-Za-z0-9–-]*){0,"
            + str(most - 1) + "}")


_MEASURE = _measure_words(5)
# A list item's short form after it, in brackets: optional in a list, cut from the item's end.
_SHORT_FORM_WORD = r" \([A-Za-z][\w-]{0,8}\)"
_SHORT_FORM = "(?:" + _SHORT_FORM_WORD + ")?"
_SHORT_FORM_AFTER = re.compile(_SHORT_FORM_WORD + "$")
_SHORT_MEASURE = _measure_words(3)  # an item of a list read back from its noun
_CHANGE_VERB = r"(?:reduc|improv|increas|decreas|lower|boost|rais|cut|halv|doubl|accelerat)\w*"
# Measures listed before the word: "in ROUGE, BERTScore and faithfulness metrics". Three or more, or one of them
# coined: "automatic and human metrics" are kinds of metric, not metrics.
_LISTED_BEFORE_METRICS = re.compile(
    r"(?<![\w–-])(?P<measures>(?:" + _SHORT_MEASURE + r", ){2,5}(?:and )?" + _SHORT_MEASURE + r"|[A-Z](?=[\w-]*?[A-Z0-9])"
    r"[\w-]*(?:, " + _SHORT_MEASURE + r")*,? and " + _SHORT_MEASURE + r"|" + _SHORT_MEASURE
    + r",? and [A-Z](?=[\w-]*?[A-Z0-9])[\w-]*) metrics\b")
#: Frames that make whatever they hold a measure of results: "reduces X by 50%",
#: "X as a metric", "in terms of X and Y". Each captures the measures in ``measures``.
RESULT_FRAMES = (
    re.compile(
        r"\b" + _CHANGE_VERB + r"\s+"
        r"(?:(?:by\s+)?up to \d[\d.]*x?\s+)?(?:the |its |their |our )?(?:[\w-]+'s )?(?P<measures>" + _MEASURE
        + r"(?:,? and " + _MEASURE + r")?)(?: of [^.;()]{1,80}?)? by (?:up to |over |about |nearly |almost |more than "
        r"|an average of |a factor of |roughly )?(?:\d|half\b)"
    ),
    re.compile(r"\b(?:using|use|uses|with|adopt\w*) (?P<measures>" + _MEASURE + r") as (?:an? |the )(?:\w+ )?(?:metric|measure)\b"),
    re.compile(r"\bin terms of (?:the )?(?P<measures>" + _MEASURE + r"(?:(?:,| and|, and) " + _MEASURE + r"){0,3})"),
    # An amount of change in it: "a 50% reduction in resource utilization", "3x improvement in energy efficiency".
    re.compile(r"\d(?:[\d.,]*\d)?\s?(?:%|x|×|-?fold| times)?\s+(?:relative |absolute |average |overall )?(?:" + CHANGE_NOUN
               + r"|saving|speed-?up)s? in (?:the |its |their |both )?(?P<measures>" + _MEASURE
               + r"(?:,? and " + _MEASURE + r")?)"),
    # The text calling it so: "the metric of next-word prediction", "metrics such as X and Y", "metrics: X, Y
    # and Z", "metrics (X, Y, Z)", "metrics, including traffic light compliance (TL), lane-keeping ability (LK)".
    re.compile(r"\bmetrics?(?:,? (?:of|such as|like|including|namely|encompassing|covering|spanning) |: | \((?:(?:e\.g\.|i\.e\.),? )?)(?P<measures>"
               + _MEASURE + _SHORT_FORM + r"(?:(?:,| and|, and) " + _MEASURE + _SHORT_FORM + r"){0,5})"),
    _LISTED_BEFORE_METRICS,
)
# Words every match of each frame holds.
_FRAME_WORDS = ((" by ",), ("metric", "measure"), ("in terms of ",), (" in ",), ("metric",), ("metrics",))
# Whether a frame holds anything measured ("reduces X by 50%", "in terms of X"), so that X must have a measure's
# head ("in terms of revolutionizing work" names none), or calls X a metric itself.
_FRAME_NEEDS_HEAD = (True, False, True, True, False, False)
# Words that open a measure phrase without belonging to the name.
_MEASURE_OPENERS = frozenset("overall average mean the its their our".split()) | CHOOSING
# Loose words, never metrics (the guidelines), and words that end a phrase too early to name a measure.
_NOT_MEASURES = frozenset(
    "performance efficiency quality results result effectiveness robustness capability capabilities "
    "generalization scalability applicability interpretability flexibility accuracy-efficiency "
    "complexity computation computations redundancy number amount need gap "
    "metric metrics measure measures desiderata responses".split()
)
# Words that make "X, Y and Z metrics" an amount or a kind of metrics, not a list of them.
_KINDS_OF_METRICS = frozenset("various several multiple many different other some new standard common existing "
                              "additional diverse numerous".split())
_OBJECTIVE_AFTER = re.compile(r"\)?\s+(?:loss|losses|objective|regression|matching|criterion|term|penalty)\b")
# Heads of a measure of cost.
_COST_HEADS = frozenset("time times latency latencies footprint usage consumption speedup speedups".split())
# Loose alone, a measure with the word that says which: "communication cost", "computation overhead".
_LOOSE_ALONE = frozenset("cost costs overhead overheads".split())


def _frame_matches(frame: re.Pattern, words: tuple[str, ...], text: str) -> Iterator[re.Match]:
    # A frame's words missing from the text spare it the regex's scan; a list that ends at its noun is
    # looked for only in the stretch before each "metrics".
    if not any(word in text for word in words):
        return iter(())
    if frame is not _LISTED_BEFORE_METRICS:
        return frame.finditer(text)
    return (match for noun in re.finditer(r"\bmetrics\b", text)
            for match in frame.finditer(text, max(0, noun.start() - 150), noun.end()))


def result_measures(text: str) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, called)`` of each measure a result frame names ("reduces X by 50%", "in terms of X").

    ``called``: the frame calls it a metric ("X as a metric", "metrics such as X"), not only measured.

    Examples
    --------
    >>> text = "It reduces hallucination rates by up to 62.3% and wins in terms of accuracy and convergence rates."
    >>> [text[s:e] for s, e, _ in result_measures(text)]
    ['hallucination rates', 'accuracy', 'convergence rates']
    >>> list(result_measures("It improves performance by 3% and ViT-L by 2%."))
    []
    >>> text = "It wins in terms of accuracy and latency, and can be applied widely."
    >>> [text[s:e] for s, e, _ in result_measures(text)]
    ['accuracy', 'latency']
    >>> list(result_measures("It helps in terms of revolutionizing work and study methods."))  # no measure's head
    []
    """
    for frame, words, needs_head in zip(RESULT_FRAMES, _FRAME_WORDS, _FRAME_NEEDS_HEAD):
        for match in _frame_matches(frame, words, text):
            if frame is _LISTED_BEFORE_METRICS and match["measures"].rsplit(None, 1)[-1].lower() in _KINDS_OF_METRICS:
                continue  # "mainstream simulators, high-impact datasets, and various metrics": no list of measures
            position = match.start("measures")
            for part in re.split(r",? and |, ", match["measures"]):
                start = text.index(part, position)
                position = start + len(part)
                part = _SHORT_FORM_AFTER.sub("", part)  # "lane-keeping ability (LK)": the measure, not its short form
                end = start + len(part)
                words = part.split()
                # "lowers X and cuts Y by 12%": the second verb opens the second measure.
                while words and (words[0].lower() in _MEASURE_OPENERS or re.fullmatch(_CHANGE_VERB, words[0])):
                    start += len(words.pop(0)) + 1
                # Coined names ("improves ViT-L by 2%") are models; coined metrics are in the gazetteer.
                if not words or not words[0][0].islower() or any(is_name_shaped(w) for w in words):
                    continue
                if needs_head and not is_measure_head(words[-1], part):
                    continue
                # (efficiency is loose alone, a measure with the word that says of what: "sample efficiency")
                if ((words[-1].lower() not in _NOT_MEASURES or (len(words) > 1 and words[-1].lower() == "efficiency"))
                        and not (len(words) == 1 and words[0].lower() in _LOOSE_ALONE)
                        and not is_generic(" ".join(words)) and not names_a_setting(part)):
                    yield start, end, not needs_head


def reports_result(sentence: str) -> bool:
    """Whether a sentence reports a measured result.

    Examples
    --------
    >>> reports_result("It improves top-1 accuracy by 2.1%."), reports_result("Accuracy matters in medicine.")
    (True, False)
    """
    return _RESULT_CONTEXT.search(sentence) is not None


# The loose words the guidelines name, never metrics, hyphenated to a measure.
_LOOSE = r"(?:performance|efficiency|quality)"
_LOOSE_PARTNER = re.compile(_LOOSE + r"-$", re.IGNORECASE)
_LOOSE_PARTNER_AFTER = re.compile(r"-" + _LOOSE + r"\b", re.IGNORECASE)
# An adjective hyphened to a measure that a noun then follows makes one adjective of them: "low-latency interactive
# applications", "Low-Latency Object Detection" describe, not measure.
_ADJECTIVE = r"(?:low|high|lower|higher|fast|slow|ultra-low|ultra-high)-"
_ADJECTIVE_HYPHENED = re.compile(r"(?<![\w-])" + _ADJECTIVE + "$", re.IGNORECASE)
_OPENS_ON_ADJECTIVE = re.compile(_ADJECTIVE + r"(?=[A-Za-z])", re.IGNORECASE)  # (the name found with it: "Low-Latency")
_NOUN_FOLLOWS = re.compile(r" [A-Za-z]")
_AGGREGATES = frozenset("average mean peak overall total maximum minimum median".split())
_AVERAGING_BEFORE = re.compile(r"(?<![\w-])(?:macro|micro|weighted|balanced)-$", re.IGNORECASE)
# The word a coined measure's value is called by, written after its name or as part of it: "BLEU score(s)", "F1-scores".
_SCORE_WORD = re.compile(r"[\s-](?:scores?|ratings?)\b", re.IGNORECASE)
# A ratio of one quantity to another: "signal-to-noise ratio", "Signal to Distortion Ratio", "peak signal-to-noise ratio".
_TO_RATIO = re.compile(r"\b(?:[Pp]eak[ -])?(?!(?:compared|due|close|up|leads?|led|relative|equal|similar|according|"
                       r"and|or|from|is|are)\b)[A-Za-z]+[ -]to[ -][A-Za-z]+[ -][Rr]atios?\b")


def _is_plain_word(name: str) -> bool:
    """A lower-case word or phrase of English, as opposed to a coined name like ``mIoU``."""
    return name.replace(" ", "").replace("-", "").isalpha() and name.islower()


# A measure at a cut-off of the ranking: "HIT@10", "MRR@5", "pass@k" (not an address: "name@host.org").
_AT_K = re.compile(r"(?<![\w@.-])[A-Za-z][A-Za-z0-9-]{0,12}@(?:\d{1,4}|[kKN])(?![\w@]|\.\w)")
# A coined word (letters with digits or inner capitals) right after a percentage, before a preposition
# or the clause's end. (The digit comes before the lookbehind: the regex engine skips to digits fast.)
_COINED_AFTER_VALUE = re.compile(
    r"\d(?<![\w.]\d)\d*(?:\.\d+)?\s?%\s+(?P<name>[A-Za-z][A-Za-z-]*\d[\w@-]*|(?:[a-z]+|[A-Z][a-z]+)[A-Z][\w@-]*"
    r"|[A-Z]{2,6})"
    r"(?=\s+(?:on|in|at|for|and|with|across)\b|\s*[,.;()])"
)


# Plain words between a percentage and the data it is on: "71.2% visual matching on SimplerEnv" (not a change,
# "5% improvement on X", nor what the value counts, "74.6% of bugs on X").
_PLAIN_WORDS_AFTER_VALUE = (r"(?P<name>(?!(?:of|on|in|for|at|to|and|or|over|than|more|less|higher|lower|better|worse|"
                            r"relative|absolute|overall|average|respectively|" + CHANGE_NOUN + r")\b)"
                            r"[a-z][a-z-]+(?:\s(?!on\b)[a-z][a-z-]+){0,2}?)")
_PHRASE_AFTER_PERCENT = re.compile(r"\d%\s+" + _PLAIN_WORDS_AFTER_VALUE + r"\s+on\s+(?:the\s+)?[A-Z]")
# Values listed each with the words of its measure: "85.0% accuracy, 76.2% sensitivity, and 91.2% specificity".
_VALUE_AND_WORDS = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s?(?:\\?%|points?)?\s+" + _PLAIN_WORDS_AFTER_VALUE
                              + r"(?=\s*[,;.)]|\s+(?:and|on|at|in|for|with|across)\b|\s*$)")
# A joiner of two measures, and a word of the measure after it; a measure ends where no word of it follows.
_JOINER_AFTER = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)(?:the\s+)?")
_PHRASE_WORD = re.compile(r"[A-Za-z][\w-]*")
_NEXT_WORD = re.compile(r" (?!(?:and|or|on|in|at|for|with|across|of|than|over|compared|while|when|as|by|to|are|is|"
                        r"were|was|from|under|metrics?|respectively|but|without|per)\b)[A-Za-z]")
_ITEM_JOINER = re.compile(r"\s*(?:,|;)\s*(?:and\s+)?|\s+and\s+")


# What a text evaluates by: "We evaluate the quality of our structure prediction by RMSD", "assessed using GDT-TS and
# lDDT".
_CAPITALS_NAME = r"[a-z]?[A-Z]{2,}(?:[-_][A-Z]{2,})*[a-z]?"
_EVALUATED_BY = re.compile(r"\b(?:evaluat|measur|assess|quantif)\w*\s+(?:[\w-]+\s+){0,6}?(?:by|using|with|via)\s+"
                           r"(?:the\s+)?(?P<measures>" + _CAPITALS_NAME
                           + r"(?:(?:,|,? and|,? or) " + _CAPITALS_NAME + r"){0,3})"
                           r"(?![\w-])")
_CAPITALS_ITEM = re.compile(_CAPITALS_NAME + r"(?![\w-])")


# An acronym given a decimal value or a percentage, or changed to or by a value: "an IS of 316.9", "TAR=89.59%",
# "improves IS to 316.9" (not a setting, "LR=0.001", nor a label, "PED: 0.65").
# (The capital comes first, with one letter behind it: the regex engine skips to capitals fast.)
_ACRONYM_BEFORE_DECIMAL = re.compile(r"(?P<name>[A-Z](?<![\w-][A-Z])[A-Z]{1,5}s?)(?![\w-])"
                                     r"(?:\s*(?:of\s+(?:about\s+)?\d+\.\d|=\s*\d+(?:\.\d+)?\s?%)"
                                     r"|(?P<changed>\s+(?:to|from|by)\s+\d))")
_CHANGED_BEFORE = re.compile(r"\b(?:improv|reduc|rais|lower|increas|decreas|boost|cut)\w*\s+$")
# An acronym right after a decimal value (a score, not a count: "3 GPUs"), before a preposition or the clause's end.
_ACRONYM_AFTER_DECIMAL = re.compile(r"\d(?<![\w.]\d)\d*\.\d+\s+(?P<name>[A-Z]{2,6})"
                                    r"(?=\s+(?:on|in|at|for|and|with|across)\b|\s*[,.;()])")
# A number that could be a value: not a year ("Farquhar et al., 2024").
_DIGIT = re.compile(r"(?<!\d)(?!(?:19|20)\d\d\b)\d")
# Where a sentence ends after a measure (not at "e.g. 40 times faster").
_SENTENCE_STOP = re.compile(r"(?<!\be\.g)(?<!\bi\.e)[.!?](?:\s|$)|\n")
# A known measure with a letter or two before it that say which: "gFID" (generation), "mDice" (mean), "rFID", or
# a word after a value: "31.68 PartIoU". (The capital comes first, with one letter behind it: the regex engine skips to
# capitals fast.)
_PREFIXED_MEASURE = re.compile(r"[A-Z](?<=[a-z][A-Z])[A-Za-z0-9]*(?![\w-])")
_LOWER_PREFIX = re.compile(r"(?<![\w-])[a-z]{1,2}$")
# A word before a measure of three letters or more, in a value's measure (not "InferEM" or "GizmoNLL 2000", names).
_WORD_PREFIX = re.compile(r"(?<=\d )[A-Z][a-z]{2,8}$")
# A coined word the text calls a metric or gives a score to: "the mDice metric", "a ViSQOL score of 4.30",
# "PESQ and ViSQOL scores of 2.87 and 4.04"; found back from the noun.
_METRIC_OR_SCORE = re.compile(r"\b(?:(?P<metric>metrics?)\b|scores?(?:\s+of\s+|\s*[=:]\s*|\s+)(?:about |around |up to "
                              r"|nearly |over )?\d)")
# A name the text calls a metric: in apposition ("GE-Score, a novel five-dimensional metric"), after the
# noun ("an improved metric, Acc+, which", "two human evaluation metrics: Clarity and Linking") or with "as"
# ("Multilingual Consistency (MLC) as a complementary metric"). Capitalised words, not opening a sentence.
_CAPITALISED_WORDS = r"[A-Z][\w+-]*(?: [A-Z][\w+-]*){0,3}"
_DESCRIBED_METRIC = re.compile(
    r"(?<=[a-z,;] )(?P<name>" + _CAPITALISED_WORDS + r")"
    r"(?:\s*\((?P<short>[A-Za-z][\w+-]{0,15})\))?(?:,\s+an?|\s+as\s+an?)\s+(?:[\w-]+\s+){0,4}?metric\b"
    r"|\bmetrics?(?:,|:)\s+(?:called\s+|named\s+)?(?P<listed>" + _CAPITALISED_WORDS + r")"
    r"(?:\s+and\s+(?P<second>[A-Z][\w+-]*))?(?=\s*(?:\(|,|\.|;|and\b|or\b|which\b|that\b|to\b|as\b))")
_EPONYMOUS_STATISTIC = re.compile(r"(?<![\w-])[A-Z][a-z]+['’]s?\s+(?:alpha|kappa|tau|rho|AC[12]|W)\b"
                                  r"|(?<![\w-])(?:Spearman|Pearson|Kendall)(?=\s?[=:]\s?[-+−]?\d)")
# (The second capital looked ahead for: two quantifiers that could share the word made a failed match quadratic.)
_COINED = r"(?<![\w-])(?:[A-Z](?=[\w-]*?[A-Z])[\w-]*|[a-z]{1,3}[A-Z][\w-]*)"
# A coined name an article gives a decimal or a percentage: "a MinDCF of 0.0358", "a normalized minDCF of 0.072", "an
# average GDT_TS of 61.4". A system or a dataset is not "of" a score; the article keeps out "ResNet of 50.2M".
_NAME_GIVEN_VALUE = re.compile(r"(?<![\w-])[Aa]n?\s+(?:[a-z]+\s+){0,2}(?P<name>" + _COINED + r")"
                               r"(?=\s+of\s+(?:about\s+|only\s+|up\s+to\s+)?\d+(?:\.\d+)?\s?\\?%"
                               r"|\s+of\s+(?:about\s+|only\s+)?\d*\.\d+(?![\w.]))")
_CALLED_BEFORE = re.compile(r"(?P<name>" + _COINED + r")(?:\s*(?:,|/|and|, and)\s*(?P<second>" + _COINED + r"))?\s+$")
# Coined names that end like a benchmark's: a score on them is on that benchmark ("a FooBench score of 71").
_BENCHMARK_ENDING = re.compile(r"(?:Bench|Eval|Arena|QA)$")


def _overlaps(span: tuple[int, int], spans: set[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in spans)


def _qualified_by_values(text: str) -> Iterator[re.Match]:
    """Each name a value qualifies, in group ``name``, pattern by pattern: "84.1% Top1-acc", "47% SR" (a coined word
    or an acronym after a percentage); "an IS of 316.9", "TAR=89.59%", "improves IS to 316.9" (an acronym given a
    value, or changed to one after a verb of change); "281.9 IS" (an acronym after a decimal); "a MinDCF of 0.0358"
    (a coined name an article gives a value).

    Examples
    --------
    >>> text = "It gets 47% SR, 281.9 ZS on X, a ZQ of 3.5 and improves AB to 2, with LR=0.001 and FOO to 3."
    >>> [m["name"] for m in _qualified_by_values(text)]  # (a pattern's name may be another's too: "a ZQ of 3.5")
    ['SR', 'ZQ', 'AB', 'ZS', 'ZQ']
    >>> [m["name"] for m in _qualified_by_values("It has a MinZCF of 0.03 and a ZorbNet of 7 layers.")]
    ['MinZCF']
    """
    if "%" in text:
        yield from _COINED_AFTER_VALUE.finditer(text)
        yield from _PHRASE_AFTER_PERCENT.finditer(text)
    for match in _ACRONYM_BEFORE_DECIMAL.finditer(text):
        if not match["changed"] or _CHANGED_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            yield match
    if "." in text:
        yield from _ACRONYM_AFTER_DECIMAL.finditer(text)
    if " of " in text:
        yield from _NAME_GIVEN_VALUE.finditer(text)


def _defines_metric(text: str, long_form: str, short: str, long_start: int) -> bool:
    """Whether "Long Form (SF)" defines a measure: its head says so, unless the noun after it names another kind.

    Examples
    --------
    >>> text = "the Surface Normal Similarity (SNS) module; semantic textual similarity (STS) tasks; Dice Score (DS)"
    >>> [_defines_metric(text, lf, sf, text.index(lf)) for lf, sf in (("Surface Normal Similarity", "SNS"),
    ...  ("semantic textual similarity", "STS"), ("Dice Score", "DS"))]
    [False, False, True]
    """
    if is_generic(short):
        return False
    if _NAMED_AS_MEASURE.match(text, long_start + len(long_form)):
        return True
    if long_form.rsplit(None, 1)[-1].lower() not in HEADS["METRIC"]:
        return False
    # (the short form followed by a task's noun: "CTR prediction")
    used_as = re.finditer(r"(?<![\w-])" + re.escape(short) + r"\s+(?P<noun>[a-z]+)", text)
    if any(use["noun"] in TASK_HEADS for use in used_as):
        return False  # "Click-Through Rate (CTR) ... CTR prediction": what a task predicts, not a measure of results
    return kind_after(text, long_start + len(long_form)) not in _OTHER_KINDS


# What makes "Long Form (SF)" a measure whatever its head: the noun "metric" after it, or a value given to it ("a
# normalized minimum detection cost function (minDCF) of 0.072"); not "metrics", a family named before its members.
_NAMED_AS_MEASURE = re.compile(r" \([^()]{1,20}\)(?: (?:evaluation )?metric\b(?![\w-])"
                               r"| (?:score )?of (?:about |up to |only )?\d*\.?\d+\s?(?:\\?%)?(?![\w.]))")
# The nouns after "Long Form (SF)" that make it a part, a task or data rather than a measure.
_OTHER_KINDS = frozenset("module modules block blocks layer layers network networks task tasks benchmark benchmarks "
                         "dataset datasets model models framework mechanism loss head heads strategy".split())


class MetricExtractor:
    """Find metrics by gazetteer (plain words only in result sentences) and definitions.

    Examples
    --------
    >>> import spacy; from paperkg import extractors
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> _ = nlp.add_pipe("paperkg_metric")
    >>> doc = nlp("Accuracy matters. We cut FID to 2.1 and raise accuracy by 3%, keeping good performance.")
    >>> [(s.text, s._.paperkg_rule) for s in doc.spans["paperkg_candidates"]]
    [('FID', 'paperkg_metric:gazetteer'), ('accuracy', 'paperkg_metric:gazetteer')]
    """

    def __init__(self, nlp: Language, name: str, *, gazetteer: str, confidence: float, word_confidence: float,
                 called_confidence: float = 0.69):
        self.name = name
        self.called_confidence = called_confidence
        self.gazetteer = Gazetteer(nlp, load_names(gazetteer), spaced_versions=False)
        self.confidence = confidence
        self.word_confidence = word_confidence

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        # "electron microscopy (EM)": the abstract's own meaning of letters a metric also has.
        redefined = {
            text[short_start:short_end]
            for long_start, long_end, short_start, short_end in acronym_definitions(text)
            if text[long_start:long_end].rsplit(None, 1)[-1].lower() not in HEADS["METRIC"]
            and text[long_start:long_end] not in self.gazetteer
        }
        # Whether the sentence at a position reports a result: judged once a sentence, its bounds read once.
        reports_here = judged_per_part(text, self._sentences(doc, text), reports_result)
        for start, end, known in self.gazetteer.find(doc):
            name = text[start:end]
            # "ReST-EM" is a coined method, not the EM metric; "Macro-F1" is a metric.
            if name in redefined or (not known and is_name_shaped(name.split("-", 1)[0])):
                continue
            if _OBJECTIVE_AFTER.match(text, end):
                continue  # "MSE loss", "MSE matching": what a model is trained with, not scored in
            if (_ADJECTIVE_HYPHENED.search(text, max(0, start - 12), start) or _OPENS_ON_ADJECTIVE.match(name)) \
                    and _NOUN_FOLLOWS.match(text, end):
                continue
            first, _, second = name.partition("-")
            if second and first in self.gazetteer and second in self.gazetteer:
                # Two measures hyphenated ("accuracy-MACs trade-offs"): the first here, the second on its own.
                end, name = start + len(first), first
            confidence = self.confidence
            alias_of_word = None
            # "Accuracy" opening a sentence is a plain word; "CLIP score" and "FID" are coined names.
            if _is_plain_word(name[:1].lower() + name[1:]):
                # Paired with a loose word, a measure names a tension, not what results are reported in:
                # "an efficiency-accuracy trade-off" (but "accuracy-throughput trade-offs" are two measures).
                if _LOOSE_PARTNER.search(text, max(0, start - 12), start) or _LOOSE_PARTNER_AFTER.match(text, end):
                    continue
                if not reports_here(start):
                    continue
                # A cost named with what it is of, in a sentence of no value, is a goal: "reduces the memory
                # footprint", "less favorable training times" (not "savings in training time").
                if " " in name and name.rsplit(None, 1)[-1].lower() in _COST_HEADS \
                        and not self._numbered(text, start, end):
                    continue
                # The measure's own modifiers stay with it: "average token count", "GPU memory footprint";
                # led by a coined measure ("pass@1 accuracy"), it is as sure as that one.
                head_start, start = start, measure_start(text, start)
                led_by_known = start < head_start and text[start:head_start].split()[0] in self.gazetteer
                confidence = self.confidence if led_by_known else self.word_confidence
                # ... and the head it modifies, the word alone its other name: "low recall rate", "Dice scores".
                if (headed := HEAD_AFTER.match(text, end)) is not None:
                    end, alias_of_word = headed.end(), name
            elif known:
                # A coined measure keeps the one plain word that says which ("box AP", "mask AP"), not
                # one that aggregates it ("average Top-1 accuracy", "peak FLOPs").
                start = self._with_modifier(text, start)
                # An averaging joined to it names a measure of its own: "macro-F1", "weighted-F1".
                averaged = _AVERAGING_BEFORE.search(text, max(0, start - 10), start)
                start = averaged.start() if averaged else start
            # A plural of a coined name ("FIDs") is that name.
            alias_of = (name[:-1] if name.endswith("s") and name[-2:-1].isupper() and not name.endswith(("OPs", "ACs"))
                        and name[:-1] in self.gazetteer else alias_of_word)  # ("FLOPs" and "MACs" are names as they stand)
            if known and not _is_plain_word(name[:1].lower() + name[1:]):
                # "BLEU scores", "F1-Macro score": the coined measure, called by its value's word.
                scored = _SCORE_WORD.match(text, end)
                if scored is not None:
                    end, alias_of = scored.end(), name
                elif (word := _SCORE_WORD.search(name)) is not None and word.end() == len(name) \
                        and name[: word.start()] in self.gazetteer:
                    alias_of = name[: word.start()]
            add_candidate(doc, start, end, "METRIC", rule=f"{self.name}:gazetteer", confidence=confidence,
                          alias_of=alias_of)
        for match in _PREFIXED_MEASURE.finditer(text):
            prefix = (_LOWER_PREFIX.search(text, max(0, match.start() - 3), match.start())
                      or (_WORD_PREFIX.search(text, max(0, match.start() - 10), match.start())
                          if len(match.group()) >= 3 else None))
            if prefix is not None and match.group() in self.gazetteer:
                add_candidate(doc, prefix.start(), match.end(), "METRIC", rule=f"{self.name}:prefixed",
                              confidence=self.confidence)
        for cue in _METRIC_OR_SCORE.finditer(text) if "metric" in text or "score" in text else ():
            if (match := _CALLED_BEFORE.search(text, max(0, cue.start() - 60), cue.start())) is None:
                continue
            for group in ("name", "second"):
                # A family of metrics, not one: "BEV metrics", "VQA-based metrics" (a list of them is theirs).
                family = cue["metric"] == "metrics" and not match["second"]
                if match[group] and not family and not match[group].endswith("-based") \
                        and not _BENCHMARK_ENDING.search(match[group]):
                    # The noun is a cue as sure as a known name; a score, a reading a benchmark's name may also have.
                    add_candidate(doc, match.start(group), match.end(group), "METRIC", rule=f"{self.name}:called",
                                  confidence=self.confidence if cue["metric"] else self.called_confidence)
        for match in _DESCRIBED_METRIC.finditer(text) if "metric" in text else ():
            for group in ("name", "listed", "second", "short"):
                if match[group] and not is_generic(match[group]):
                    # (the short form defined with the name is the same metric: "... Calibration (PDC) as a metric")
                    add_candidate(doc, match.start(group), match.end(group), "METRIC", rule=f"{self.name}:described",
                                  confidence=self.confidence, alias_of=match["name"] if group == "short" else None)
        for match in _EPONYMOUS_STATISTIC.finditer(text) if "'" in text or "’" in text or "=" in text else ():
            # "Krippendorff's alpha", "Gwet's AC2", "Spearman = 0.390": a statistic named after its author.
            add_candidate(doc, match.start(), match.end(), "METRIC", rule=f"{self.name}:eponym",
                          confidence=self.confidence)
        for match in _TO_RATIO.finditer(text) if "atio" in text else ():
            if in_measurement_context(text, *match.span()) and not names_a_setting(match.group()):
                add_candidate(doc, *match.span(), "METRIC", rule=f"{self.name}:ratio", confidence=self.word_confidence)
        for match in _AT_K.finditer(text) if "@" in text else ():
            add_candidate(doc, self._with_modifier(text, match.start()), match.end(), "METRIC",
                          rule=f"{self.name}:at-k", confidence=self.confidence)
        for start, end, called in result_measures(text):
            if not called and " " not in text[start:end] and not self._numbered(text, start, end):
                continue  # "in terms of expressivity": a single word only measured, in no sentence of values, is loose
            add_candidate(doc, start, end, "METRIC", rule=f"{self.name}:frame", confidence=self.word_confidence)
        for match in _EVALUATED_BY.finditer(text) if "valuat" in text or "measur" in text or "assess" in text else ():
            # "We evaluate the quality of our structure prediction by RMSD": what a text evaluates by is a measure,
            # unless a list knows it as a model ("evaluated using GPT-4").
            for name in _CAPITALS_ITEM.finditer(text, match.start("measures"), match.end("measures")):
                if not is_generic(name.group()) and normalize_key(name.group()) not in known_keys("models"):
                    add_candidate(doc, name.start(), name.end(), "METRIC", rule=f"{self.name}:evaluated",
                                  confidence=self.confidence)
        for match in _qualified_by_values(text):
            # (not a generic word, "95% CI", nor its plural, "LLMs of 1.5 KB"; a measure's is one: "RTFs of 0.13")
            if not is_generic(match["name"].removesuffix("s")):
                add_candidate(doc, match.start("name"), match.end("name"), "METRIC", rule=f"{self.name}:qualified",
                              confidence=self.word_confidence)
        for start, end in measure_phrases(text):
            # A measure of several words the grammar reads counts in a sentence that reports a value, not in one
            # that names a goal ("lower inference latency", "enhance temporal coherence").
            several = " " in text[start:end]
            if not is_generic(text[start:end]) and (not several or self._numbered(text, start, end)):
                # "meteor scores": a measure called by its value's word is the measure before it (not so the
                # words of a "driving score", which measure nothing alone).
                scored = _SCORE_WORD.search(text, start, end)
                before = text[start:scored.start()] if scored and scored.end() == end else ""
                alias_of = before if before and (before in self.gazetteer or before.lower() in self.gazetteer
                                                 or is_measure_head(before.rsplit(None, 1)[-1], before)) else None
                add_candidate(doc, start, end, "METRIC", rule=f"{self.name}:measure", confidence=self.word_confidence,
                              alias_of=alias_of)
        self._add_listed_partners(doc, text)
        self._add_coordinated(doc, text)
        add_definitions(doc, "METRIC", rule=f"{self.name}:definition", confidence=self.confidence,
                        # (two known measures defined as one are one: "mean average precision (mAP)")
                        # (not one a loss is named after: "mean squared error (MSE) loss")
                        accepts=lambda long_form, short, long_start: _defines_metric(text, long_form, short, long_start)
                        or (short in self.gazetteer and long_form in self.gazetteer
                            and kind_after(text, long_start + len(long_form)) not in _OTHER_KINDS))
        return doc

    def _add_listed_partners(self, doc: Doc, text: str) -> None:
        """The measures listed, each after its value, with one another rule found: "85.0% accuracy, 76.2%
        sensitivity, and 91.2% specificity" (a list of values names its measures alike)."""
        found = candidate_offsets(doc, "METRIC")
        items = list(_VALUE_AND_WORDS.finditer(text)) if found else []
        run: list[re.Match] = []
        for item in [*items, None]:
            if item is not None and run and _ITEM_JOINER.fullmatch(text, run[-1].end(), item.start()):
                run.append(item)
                continue
            if len(run) > 1 and any(_overlaps(listed.span("name"), found) for listed in run):
                for listed in run:
                    start, end = listed.span("name")
                    # (read as a measure by the grammar, from its last word: not "fewer parameters")
                    head_start = text.rfind(" ", start, end) + 1
                    if not _overlaps((start, end), found) and measure_start(text, head_start) <= start \
                            and not is_generic(listed["name"]):
                        add_candidate(doc, start, end, "METRIC", rule=f"{self.name}:listed",
                                      confidence=self.word_confidence)
            run = [item]

    def _add_coordinated(self, doc: Doc, text: str) -> None:
        """The measure joined to a found one by "and", "or" or a comma, in a frame or a sentence of values: "in terms
        of test accuracy and communication cost" (a phrase the grammar reads as a measure, from its head; not a
        quality, "accuracy and robustness"; nor a problem named, "longer outputs increase latency, memory usage")."""
        for end in sorted({end for _, end in candidate_offsets(doc, "METRIC")}):  # (each end once)
            joined = _JOINER_AFTER.match(text, end)
            if joined is None:
                continue
            words = list(_PHRASE_WORD.finditer(text, joined.end(), min(len(text), joined.end() + 60)))
            for count, word in enumerate(words[:4], 1):
                if count > 1 and text[words[count - 2].end():word.start()] != " ":
                    break
                phrase = text[joined.end():word.end()]
                if not is_measure_head(word.group(), phrase, qualities=False) or _NEXT_WORD.match(text, word.end()):
                    continue
                if measure_start(text, word.start()) == joined.end() and not is_generic(phrase) \
                        and not names_a_setting(phrase) and self._numbered(text, joined.end(), word.end()):
                    add_candidate(doc, joined.end(), word.end(), "METRIC", rule=f"{self.name}:coordinated",
                                  confidence=self.word_confidence)
                break

    @staticmethod
    def _with_modifier(text: str, start: int) -> int:
        """Where a coined measure starting at ``start`` starts with the one plain word that says which ("box AP",
        "answer recall@2"), not one that aggregates it ("average Top-1 accuracy", "peak FLOPs")."""
        widened = measure_start(text, start, limit=1)
        return start if text[widened:start].strip().lower() in _AGGREGATES else widened

    @staticmethod
    def _numbered(text: str, start: int, end: int) -> bool:
        """Whether the sentence of ``text[start:end]`` holds a number outside it, or a frame names it measured.

        (The sentence read from the text: a full stop or a line break ends it; a cheaper look than the doc's. Both
        ways at most SENTENCE_REACH characters, as :func:`sentence_start` reads back.)
        """
        reach = min(len(text), end + SENTENCE_REACH)
        sentence_end = _SENTENCE_STOP.search(text, end, reach)
        return (_DIGIT.search(text, sentence_start(text, start), start) is not None
                or _DIGIT.search(text, end, sentence_end.start() if sentence_end else reach) is not None
                or framed(text, start))

    @staticmethod
    def _sentences(doc: Doc, text: str) -> list[tuple[int, int]]:
        """Where each sentence of ``text`` starts and ends, in order."""
        if doc.has_annotation("SENT_START"):
            return [(sentence.start_char, sentence.end_char) for sentence in doc.sents]
        return line_bounds(text)  # without a sentencizer upstream, each line (title or abstract) is the context


@Language.factory(
    "paperkg_metric",
    # A coined word given a score: above a model's name shape, below a benchmark's ("FooEval score").
    default_config={"gazetteer": "metrics", "confidence": 0.9, "word_confidence": 0.7, "called_confidence": 0.69},
    assigns=["doc.spans", "span._.paperkg_rule", "span._.paperkg_confidence", "span._.paperkg_alias_of"],
)
def make_metric_extractor(
    nlp: Language, name: str, gazetteer: str, confidence: float, word_confidence: float, called_confidence: float
) -> MetricExtractor:
    return MetricExtractor(nlp, name, gazetteer=gazetteer, confidence=confidence, word_confidence=word_confidence,
                           called_confidence=called_confidence)
