"""The role a sentence gives a dataset or benchmark: trained on, or evaluated on.

The cues are shared by the extractors, which type a name no list knows by its
role ("results on FooQA" names a benchmark, "pre-trained on FooCorpus-1M" a
dataset), and by the relations between papers and data (``uses_dataset``,
``evaluated_on``), which read the same cues.
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["TRAIN_CUE", "SOURCE_CUE", "EVAL_CUE", "PLAIN_ON", "CUE_WINDOW", "reports_experiments_before", "role_before"]

#: How far before a name its cue may start, in characters.
CUE_WINDOW = 110

# What stands right before a dataset name it trains on: "pre-trained on (the)", "fine-tuned with".
TRAIN_CUE = re.compile(
    r"\b(?P<cue>(?:pre-?|post-?)?train(?:ed|ing|s)?|fine-?tun(?:ed|ing|es|e)|finetun(?:ed|ing|es|e)|"
    r"instruction-tun(?:ed|ing)|distill(?:ed|ing)?|learn(?:ed|t|ing|s)?)\s+(?:\w+\s+){0,3}?"
    # Not "from": "trained from base LLaMA-13B", "distilled from GPT-4" name the model it starts from.
    r"(?:on|with|using)\s+(?:the\s+|a\s+|our\s+)?(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)
# Data named as the source of examples: "unlabeled audio from AudioSet", "images of X".
SOURCE_CUE = re.compile(
    r"\b(?:data|images|videos|audio|clips|texts?|documents|samples|examples|pairs|annotations|questions|"
    r"recordings|tokens|articles|posts|captions)\s+(?:\w+\s+)?(?:from|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# What stands right before a dataset or benchmark a paper reports results on.
EVAL_CUE = re.compile(
    r"(?:\b(?P<cue>evaluat\w*|test(?:ed|ing|s)?|validat\w*|results?|experiments?|performance|accuracy|"
    r"achiev\w*|outperform\w*|surpass\w*|state[- ]of[- ]the[- ]art|sota|scores?|benchmark(?:ed|ing)?)\b"
    r"[^.;:]{0,50}?\b(?:on|across|over|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"|\b(?P<list>benchmarks?|datasets?)\s*(?:,\s*)?(?:such as|including|like|e\.g\.,?|namely)\s+"
    # A measured value reported on it: "an FID of 5.47 on X", "84.1% Top1-acc on X".
    r"|(?<![\w.])(?P<value>\d+(?:\.\d+)?\s?%|\d+\.\d+)(?:\s+[\w@-]+){0,3}?\s+(?:on|across)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
PLAIN_ON = re.compile(r"\bon\s+(?:the\s+)?(?:[\w-]+\s+){0,1}?$", re.IGNORECASE)


_CUE_END = re.compile(r"\b(?:on|across|over|in|with|using|from|as|including|like|namely|e\.g\.,?)\s", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|our|its|their|this|these)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1024)  # the dataset and benchmark extractors ask about the same words
def role_before(text: str, start: int, sentence_start: int = 0) -> str | None:
    """``"train"`` or ``"eval"`` when a cue stands right before ``text[start:]``, else ``None``.

    Examples
    --------
    >>> text = "Pre-trained on FooCorpus, it reports results on BarQA. It runs on GPUs."
    >>> [role_before(text, text.index(name)) for name in ("FooCorpus", "BarQA", "GPUs")]
    ['train', 'eval', None]
    >>> role_before("It joins the pre-trained LLaVA model with KG-RAG.", 40)
    """
    window = _cue_window(text, start, sentence_start)
    # Every cue ends in a preposition or a listing word a few words before the name: most names
    # have none, and this look spares them the cues' searches.
    if not _CUE_END.search(window, max(0, len(window) - 40)):
        return None
    train = TRAIN_CUE.search(window)
    # "the pre-trained LLaVA model with X": an adjective, not the verb that trains on X.
    if train and not _DETERMINER_BEFORE.search(window, 0, train.start()):
        return "train"
    if (" from " in window or " of " in window) and SOURCE_CUE.search(window):
        return "train"
    if EVAL_CUE.search(window):
        return "eval"
    return None


@lru_cache(maxsize=1024)
def reports_experiments_before(text: str, start: int, sentence_start: int = 0) -> bool:
    """Whether the evaluation cue before ``text[start:]`` reports experiments, not a score or a ranking.

    "Experiments on X, Y and Z show ..." runs experiments on data; "achieves 61% on X" and "state-of-the-art on
    X" rank systems on a benchmark.

    Examples
    --------
    >>> text = "Experiments on GaitZ show gains. It sets a new state of the art on ZorbQA."
    >>> reports_experiments_before(text, text.index("GaitZ")), reports_experiments_before(text, text.index("ZorbQA"))
    (True, False)
    """
    cue = EVAL_CUE.search(_cue_window(text, start, sentence_start))
    return cue is not None and (cue["cue"] or "").lower().startswith(("experiment", "result"))


def _cue_window(text: str, start: int, sentence_start: int) -> str:
    """The words before ``text[start:]`` where its cue may stand, without the list items it ends."""
    window = text[max(sentence_start, start - CUE_WINDOW) : start]
    if window.endswith((", ", " and ", " or ")):
        window = _without_list(window)  # a later item takes the cue of its list: "results on GPQA, X and Y"
    return window


def _without_list(window: str) -> str:
    """The window before the list items it ends with: "results on GPQA, AIME and " -> "results on ".

    Examples
    --------
    >>> _without_list("pre-trained on BookCorpus, Pile, and "), _without_list("We use A and ")
    ('pre-trained on ', 'We use ')
    """
    for _ in range(8):
        stripped = window.rstrip()
        if stripped.endswith(","):
            stripped = stripped[:-1]
        elif stripped.endswith((" and", " or")):
            stripped = stripped.rsplit(None, 1)[0].rstrip().rstrip(",")
        else:
            break
        cut = stripped.rfind(" ")
        if cut < 0:
            break
        window = stripped[: cut + 1]
    return window
