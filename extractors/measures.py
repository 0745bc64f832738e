"""A grammar of measures: a head word ("latency", "rate", "count") with the words that modify it.

A measure in an abstract is usually a noun phrase of ordinary words: "peak
memory usage", "human preference rate", "average token count", "tokens per
second". Without a tagger, the phrase is read from the head backwards: up to
three modifier words, each a plain noun or adjective, not a function word,
not an evaluating adjective ("high", "faster"), not a verb or adverb. A head
that is a measure by itself ("latency", "perplexity") may stand alone; a
head that is also an everyday noun ("time", "memory", "count") needs a
modifier. Either counts only in a *measurement context*: a number next to
it, an evaluating word right before it ("low recall", "fast inference
speed"), a verb of change ("reduces the average token count by 75%") or a
frame such as "in terms of".
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .lexicon import finditer_at_words, word_automaton

__all__ = ["CHANGE_NOUN", "CHOOSING", "HEAD_AFTER", "framed", "is_measure_head", "measure_phrases", "measure_start",
           "in_measurement_context", "names_a_setting"]

#: Heads that name a measure on their own.
STANDALONE_HEADS = frozenset(
    "accuracy accuracies latency latencies throughput speedup speedups speed-up speed-ups perplexity "
    "recall precision runtime runtimes entropy agreement coverage correlation correlations".split()
)
#: Heads that are also everyday nouns: a measure only with a modifier ("training time", "win rate").
MODIFIED_HEADS = frozenset(
    "error errors rate rates ratio ratios speed speeds footprint usage consumption "
    "time count coherence consistency loss losses emissions coefficient coefficients "
    "divergence divergences distance distances parameters score scores success completion utilization".split()
)
# Heads a measure may end in besides the grammar's: what it costs, and how well two things agree.
_OTHER_HEADS = frozenset(
    "cost costs overhead overheads alignment fidelity similarity index match matching curve".split())
# Abstract nouns of a quality: "factuality", "faithfulness", "consistency"; not "entities", "identity".
_QUALITY_SUFFIX = re.compile(r"(?<!ent)(?:ity|ities|ness|cy|cies)$")
# Every head of the grammar, in the singular and the plural.
_MEASURE_HEADS = STANDALONE_HEADS | MODIFIED_HEADS
# Standalone heads that are also loose words of relation: measured only with a number in their clause ("a higher
# correlation with human judgments, with improvements of 29.6%"), not evaluated alone ("stronger correlations
# with adjacent tokens").
_RELATIONS = frozenset("agreement coverage correlation correlations".split())
# Modifier + head pairs that name a setting, not a measure.
_NOT_MEASURES = frozenset({"learning rate", "dropout rate", "sampling rate", "frame rate", "mask ratio",
                           "masking ratio", "aspect ratio", "real time", "same time", "first time", "long time",
                           "test time",
                           # a model's internal quantities, which it computes rather than is scored in
                           "attention score", "confidence score", "importance score", "relevance score", "saliency score"})
# Words that evaluate or compare a measure rather than name it; they mark a measurement context.
_EVALUATIVE = frozenset(
    "high higher highest low lower lowest fast faster fastest slow slower slowest good better best poor worse worst "
    "strong stronger weak weaker significant significantly competitive comparable superior inferior improved "
    "reduced increased decreased enhanced boosted substantial considerable remarkable impressive notable "
    "marginal minimal negligible similar same light lighter heavy heavier small smaller smallest large larger "
    "largest great greater little less more much new overall relative absolute reasonable acceptable "
    "state-of-the-art sota leading top-tier excellent outstanding high-quality robust consistent "
    "limited moderate modest minimum maximum fewer fewest most least important unsatisfactory satisfactory "
    "lesser".split()
)
#: A noun of change in a measured value, as a pattern: "a 40% decline in recall", "a 24% lift in accuracy".
CHANGE_NOUN = r"(?:reduction|improvement|gain|increase|decrease|drop|boost|decline|rise|lift|jump)"
#: A measure's head right after a measure word, which then modifies it: "recall rate", "Dice scores".
HEAD_AFTER = re.compile(r"[ -](?:rates?|scores?|ratios?)\b(?!-)")
#: Adjectives that say which measure, not how much: never modifiers, and no measurement either.
CHOOSING = frozenset("total optimal traditional conventional standard existing original final desired required fixed "
                      "potential unprecedented novel".split())
# Words that are verbs or the thing measured, never part of the measure's name: "can increase accuracy",
# "model perplexity" (the model's perplexity).
_NOT_MODIFIERS = frozenset(
    "can could may might will would shall should must do does did increase reduce improve boost lower raise cut "
    "halve double accelerate minimize minimise maximize maximise save enhance achieve attain deliver report "
    "measure yield obtain reach trade sacrifice preserve maintain retain match exceed surpass outperform drop "
    "degrade harm hurt affect impact hinder limit bound show demonstrate compare evaluate model models method "
    "methods system systems approach paper work point points percentage percent enable ensure revisit like "
    "unlike including include "
    "thousand thousands million millions billion billions trillion trillions".split()
)
# Verbs of change or report before a measure: "reduces X", "savings in X", "measured by X".
_CHANGE_WORDS = re.compile(
    r"\b(?:improv|increas|reduc|decreas|boost|lower|rais|cut|halv|doubl|accelerat|minimi[sz]|maximi[sz]|sav|"
    r"enhanc|achiev|attain|deliver|report|measur|yield|obtain|reach|speed(?:s|ing)? up|trad(?:e|es|ing) off|"
    r"sacrific|preserv|maintain|retain|match|exceed|surpass|outperform|drop|degrad|harm|hurt)\w*"
    r"(?:\s+(?:in|of|on|the|its|their|our|both|up|by))*\s*$",
    re.IGNORECASE,
)
_FUNCTION_WORDS = frozenset(
    "and or of by to in on for with while from at as since that which when where than is are was were be been "
    "a an the we it they this these those both even not only over under up its their our his her my your "
    "per via into onto across between among against without within using use uses used no any each every all "
    "such other another some most many few several along alongside besides despite through toward towards about around "
    "beyond upon amid".split()
)
# Nouns in -ing that modify a measure ("training time", "decoding speed").
_ING_NOUNS = frozenset(
    "training decoding sampling processing running prefilling pre-filling encoding rendering reasoning matching "
    "ranking tracking grounding retrieval serving loading generation".split()
)
# Capitalised modifiers: hardware and memory words ("GPU memory usage", "KV cache size").
_CAPITAL_MODIFIERS = frozenset("GPU CPU TPU NPU KV DRAM HBM VRAM I/O".split())
_TOP_K = re.compile(r"[Tt]op-?\d{1,3}|[A-Za-z]{1,10}@\d{1,3}")  # "top-1 accuracy", "pass@1 accuracy"
_HEAD = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, _MEASURE_HEADS), key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)
# Where a _HEAD match starts: its words, for one Aho-Corasick pass instead of a case-blind scan.
_HEAD_WORDS = word_automaton(_MEASURE_HEADS)
# "tokens per second", "images per GPU hour": a count over a unit.
_PER_UNIT = re.compile(
    r"(?<![\w-])[a-z]{3,}s per (?:second|sec|minute|hour|day|GPU(?: hour)?|dollar|token|image|sample|step|query|"
    r"request|watt|joule)(?![\w-])"
)
# Memory is a measure when aggregated ("60GB peak memory"), not as a faculty ("human-like memory").
_AGGREGATED_MEMORY = re.compile(r"\b(?:peak|average|maximum|max|total|mean)\s+(?:(?:GPU|CPU|KV)\s+)?memory\b"
                                r"(?!\s+(?:usage|footprint|consumption))", re.IGNORECASE)
# The word before a point on its line: a title's last word does not modify the abstract's first.
_WORD_BEFORE = re.compile(r"([\w/'@-]+)[^\S\n]+$")
# "to" before a verb, not the preposition of "due to", "compared to", "up to"; an adverb may sit between.
_VERB_BEFORE = re.compile(
    r"(?:(?<!due )(?<!compared )(?<!relative )(?<!up )(?<!close )(?<!similar )(?<!equal )(?<!leads )(?<!lead )"
    r"(?<!according )(?<!led )(?<!contributes )(?<!contribute )\bto|\b(?:can|could|may|might|will|would|should|must|cannot))"
    r"\s+(?:(?:better|further|also|not|only|\w+ly)\s+)?$",
    re.IGNORECASE,
)
_NUMBER_NEAR = re.compile(r"[^,]*?(?<![\w.-])\d[\d.,]*\s*(?:%|x|×|times|ms|s|fps|points?|pp|GB|MB|TB|\\%)?(?![\w-])")
_FRAME_BEFORE = re.compile(r"\b(?:in terms of|terms of|(?:measured|evaluated|assessed|computed) (?:by|in|as|using|with)|"
                           r"(?:comput|estimat|evaluat|measur|assess)(?:e|es|ed|ing)|"
                           r"(?:we |and )report(?:ed)?|metrics? (?:of|such as|like|including)|"
                           r"savings? in|gains? in|improvements? in|reductions? in|drops? in|increases? in)\s+(?:the\s+)?"
                           # the list the frame opens: "measured using precision, recall, and F-measure"
                           r"(?:(?:their\s+|its\s+)?[\w-]+(?:\s[\w-]+){0,2},?\s+(?=and\b|[\w-]+,)){0,3}(?:and\s+)?(?:their\s+|its\s+)?$",
                           re.IGNORECASE)
# Measures that are measures wherever they stand, and the joiners of a list of measures.
_PARTNER = r"(?:precision|recall|F1|F-?measure|F-?score|BLEU|ROUGE(?:-\w+)?|accuracy)"
_PARTNER_BEFORE = re.compile(r"\b" + _PARTNER + r"\s*(?:,|and|&|/|-)\s*(?:and\s+)?$", re.IGNORECASE)
_PARTNER_AFTER = re.compile(r"\s*(?:,|and|&|/|-)\s*(?:and\s+)?" + _PARTNER + r"\b", re.IGNORECASE)
_NUMBER_IN = re.compile(r"(?<![\w.-])\d")
_VALUE_AFTER = re.compile(r"\s*+(?:of|is|was|=|:|at|to|by|reaches|reaching|below|above|under|over)?\s*+(?:about|around|"
                          r"only|just|merely|roughly|nearly|approximately|up to|over|above|below|under|a|an|>|<|~|≈)?\s*+\d")
_BY_AMOUNT = re.compile(r"(?:[^.;:()]{0,60}?)\bby\s+(?:up to |over |about |nearly |almost |more than |an average of |a factor of |roughly )?\d")
_CLAUSE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)[.;:!?]\s|[.;:!?]$|\n")  # ("e.g. 40 times faster" goes on)
# Measures listed after the word that compares them all: "a better word error rate, speaker similarity, and ...".
_COMPARING = sorted({word for word in _EVALUATIVE if word.endswith(("er", "est"))}
                   | {"better", "best", "worse", "worst", "superior", "inferior", "improved"}, key=len, reverse=True)
_EVALUATED_LIST = re.compile(r"\b(?:" + "|".join(map(re.escape, _COMPARING))
                             + r")\s+(?:[\w-]+\s+){0,3}[\w-]+,\s+(?:(?:[\w-]+\s+){0,3}[\w-]+,\s+){0,3}(?:and\s+)?$")


# What stands before a sentence's first word: its end, or the start of the text or a line.
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?]\s+|\n)$")


def _is_modifier(word: str, sentence_start: bool = False) -> bool:
    """Whether a word may modify a measure's head (a noun or adjective, not an evaluation).

    ``sentence_start``: the word opens a sentence, where a capital says nothing ("Energy consumption").
    """
    lower = word.lower()
    if sentence_start and word.istitle() and word.isalpha():
        word = lower
    if word in _CAPITAL_MODIFIERS or _TOP_K.fullmatch(word):
        return True
    if not word[:1].islower() or not re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", word):
        return False
    if lower in _FUNCTION_WORDS or lower in _EVALUATIVE or lower in CHOOSING or lower in _NOT_MODIFIERS:
        return False
    if lower.endswith("ed") and (lower[:-1] in _NOT_MODIFIERS or lower[:-2] in _NOT_MODIFIERS):
        return False  # a verb in the past: "our model achieved accuracies of 48.8%", "obtained precision"
    if lower.endswith("ly"):
        return False
    if lower.endswith("ing") and lower not in _ING_NOUNS:
        return False  # a verb: "reducing latency", "achieving accuracy"
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return False  # a verb ("achieves accuracy") or a plural subject
    return True


_TITLED_MODIFIER = re.compile(r"[A-Z][a-z]{2,}|[A-Z]{2,6}")
_NOUN_SLOT_BEFORE = re.compile(r"\b(?:in|of|the|its|their|our|higher|lower|better|average|mean)\s+$")
_EPONYM = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:'s)?")
_EPONYMOUS_HEAD = re.compile(r"(?:correlations?|coefficients?|divergences?|distances?)\b")


def measure_start(text: str, head_start: int, limit: int = 3) -> int:
    """Where the measure whose head starts at ``head_start`` starts: before up to ``limit`` modifiers.

    Examples
    --------
    >>> text = "It cuts on-device GPU memory usage and reduces latency, with strong human preference rate."
    >>> [text[measure_start(text, text.index(h)):text.index(h) + len(h)] for h in ("usage", "latency", "rate")]
    ['on-device GPU memory usage', 'latency', 'human preference rate']
    >>> text = "Models Improve Accuracy" + chr(10) + "We achieved a Strict Accuracy level and a CLIP Aesthetic Score."
    >>> [text[measure_start(text, text.index(h)):text.index(h) + len(h)] for h in ("Accuracy", "Accuracy l", "Score")]
    ['Accuracy', 'Strict Accuracy l', 'CLIP Aesthetic Score']
    >>> text = "It brings gains in driving scores while reducing latency and achieving accuracy; it achieved recall."
    >>> heads = ("scores", "latency", "accuracy", "recall")
    >>> [text[measure_start(text, text.index(h)):text.index(h) + len(h)] for h in heads]
    ['driving scores', 'latency', 'accuracy', 'recall']
    """
    start = head_start
    for _ in range(limit):
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        opens = before is not None and before[1][:1].isupper() and _SENTENCE_OPENS.search(
            text, max(0, before.start(1) - 3), before.start(1)) is not None
        # A statistic named after its author: "Spearman('s rank) correlation", "Jensen-Shannon divergence".
        eponym = (before is not None and not opens and _EPONYM.fullmatch(before[1]) is not None
                  and _EPONYMOUS_HEAD.match(text, head_start) is not None)
        # A word in -ing after "in", "of" or a determiner is a noun: "improvements in driving scores".
        noun_ing = (before is not None and before[1].endswith("ing") and before[1].isalpha() and before[1].islower()
                    and _NOUN_SLOT_BEFORE.search(text, max(0, before.start(1) - 12), before.start(1)) is not None
                    and _CHANGE_WORDS.search(before[1] + " ") is None)
        # A measure named in Title Case keeps its capitalised words: "a Strict Accuracy level", "CLIP Aesthetic Score"
        # (not in a title, all of whose words are capitalised: "Can Reasoning Models Improve Accuracy on ...").
        titled = (before is not None and not opens and text[head_start:head_start + 1].isupper()
                  and _TITLED_MODIFIER.fullmatch(before[1]) is not None and text.rfind("\n", 0, head_start) >= 0)
        if before is None or not (eponym or noun_ing or titled or _is_modifier(before[1], opens)):
            break
        if _VERB_BEFORE.search(text, max(0, before.start(1) - 30), before.start(1)):
            break  # "to better represent time": a verb, with what it acts on
        start = before.start(1)
    return start


_CLAUSE_REACH = 400


def in_measurement_context(text: str, start: int, end: int) -> bool:
    """Whether the measure at ``text[start:end]`` is used to measure: a value, an evaluation, a change.

    Examples
    --------
    >>> text = "Latency matters. It has low recall and an accuracy of 91%; we reduce memory usage by 30%."
    >>> [in_measurement_context(text, text.index(w), text.index(w) + len(w)) for w in ("Latency", "recall", "accuracy", "memory usage")]
    [False, True, True, True]
    >>> text = "It improves inference speed."  # a goal, with no amount
    >>> in_measurement_context(text, 12, 27)
    False
    """
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 200), start)), default=max(0, start - 200))
    # (A clause is read at most _CLAUSE_REACH characters on: one with no end would be read to the text's end from
    # each measure in it.)
    clause_end_match = _CLAUSE_END.search(text, end, end + _CLAUSE_REACH)
    clause_end = clause_end_match.start() if clause_end_match else min(len(text), end + _CLAUSE_REACH)
    before = text[clause_start:start]
    word = _WORD_BEFORE.search(before)
    if word is not None and word[1].lower() in _EVALUATIVE and (
            (" " not in text[start:end] and text[start:end].lower() not in _RELATIONS)
            or _NUMBER_IN.search(text, clause_start, clause_end)):
        return True  # "low recall", "a higher win rate of 61%", not "strong temporal consistency"
    if _FRAME_BEFORE.search(before[-90:]):
        return True
    if _EVALUATED_LIST.search(before[-120:]):
        return True
    # Listed with a measure that is one wherever it stands: "precision and recall", "F-measure, Precision, Recall".
    if _PARTNER_BEFORE.search(before[-40:]) or _PARTNER_AFTER.match(text, end, min(clause_end, end + 40)):
        return True
    # A verb of change counts with the amount it changes by: "reduces X by 75%", not "improves X".
    if _CHANGE_WORDS.search(before[-60:]) and _BY_AMOUNT.match(text, end, min(clause_end, end + 80)):
        return True
    if _VALUE_AFTER.match(text, end, min(clause_end, end + 40)):
        return True
    # A value right before: "75.6% win rate", "84.1% Top1-acc", "2x lower latency", "$4\times$ speed-up".
    if re.search(r"\d[\d.,]*\s*(?:%|\\%\$?|x|×|\\?times\$?|points?|pp|[KMGT]B|ms)?\s+(?:(?:\w+\s+){0,1})$", before[-30:]):
        return True
    # "X and Y of 3.2 and 4.5 points", a value later in the clause, close enough to be this measure's.
    return _NUMBER_NEAR.match(text, end, min(clause_end, end + 60)) is not None


# The frames that name what is measured, as opposed to the verbs that may ("evaluate X", "compute X"), with the
# list they open.
_NAMING_FRAME_BEFORE = re.compile(r"\b(?:in terms of|(?:savings?|gains?|improvements?|reductions?|drops?|increases?)"
                                  r" in|(?:measured|evaluated|assessed) (?:by|using|with))\s+(?:the\s+|both\s+)?"
                                  r"(?:[\w-]+(?:\s[\w-]+){0,2},?\s+(?=and\b|[\w-]+,)){0,3}(?:and\s+)?$", re.IGNORECASE)


def framed(text: str, start: int) -> bool:
    """Whether a frame that names what is measured stands right before ``text[start]``: "in terms of", "savings in".

    Examples
    --------
    >>> text = "It wins in terms of diversity and has low recall."
    >>> framed(text, text.index("diversity")), framed(text, text.index("recall"))
    (True, False)
    """
    return _NAMING_FRAME_BEFORE.search(text, max(0, start - 90), start) is not None


def is_measure_head(word: str, phrase: str = "", *, qualities: bool = True) -> bool:
    """Whether ``word``, the last of ``phrase``, can end the name of a measure.

    The grammar's heads, a cost or an agreement, an abstract noun of a quality, or a rate per unit.

    Examples
    --------
    >>> [is_measure_head(w) for w in ("usage", "factuality", "work", "entities", "costs")]
    [True, True, False, False, True]
    >>> is_measure_head("second", "frames per second")
    True
    """
    lower = word.lower()
    return (lower in _MEASURE_HEADS or lower in _OTHER_HEADS
            or (qualities and _QUALITY_SUFFIX.search(lower) is not None) or _PER_UNIT.search(phrase) is not None)


def names_a_setting(phrase: str) -> bool:
    """Whether a measure-like phrase names a setting instead ("learning rate", "mask ratios").

    Examples
    --------
    >>> names_a_setting("the learning rates"), names_a_setting("win rate")
    (True, False)
    """
    phrase = phrase.lower().rstrip("s")
    return any(phrase == setting or phrase.endswith(" " + setting) for setting in _NOT_MEASURES)


def measure_phrases(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each measure phrase of the grammar used in a measurement context.

    Examples
    --------
    >>> text = ("Our approach reduces the average token count by 75%, savings in training time, and reaches "
    ...         "76 frames per second; human preference rate is strong. The time is right.")
    >>> [text[s:e] for s, e in measure_phrases(text)]
    ['average token count', 'training time', 'frames per second']
    """
    for head in finditer_at_words(_HEAD, _HEAD_WORDS, text):
        if head.group().lower() in STANDALONE_HEADS and HEAD_AFTER.match(text, head.end()):
            continue  # "low recall rate": the head after it makes the measure
        start = measure_start(text, head.start())
        if start == head.start() and head.group().lower() not in STANDALONE_HEADS:
            continue
        if names_a_setting(text[start : head.end()]):
            continue
        if _VERB_BEFORE.search(text, max(0, start - 30), start):
            continue  # "used to recall items": the head is a verb
        if in_measurement_context(text, start, head.end()):
            yield start, head.end()
    for aggregated in _AGGREGATED_MEMORY.finditer(text) if "memory" in text else ():
        if in_measurement_context(text, *aggregated.span()):
            yield aggregated.span()
    for per_unit in _PER_UNIT.finditer(text) if " per " in text else ():
        if in_measurement_context(text, per_unit.start(), per_unit.end()):
            yield per_unit.span()
