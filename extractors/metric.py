"""Measures results are reported in: ``FID``, ``BLEU``, ``top-1 accuracy``, ``perplexity``.

Coined metric names (``FID``, ``mIoU``, ``CIDEr``) count wherever they
appear. Names that are also plain English (``accuracy``, ``latency``,
``throughput``) count only in a sentence that reports a result: one with a
number or a word of comparison ("improves accuracy by 3%", "lower latency").
"Performance", "efficiency" and "quality" are never metrics, so they are not
in the gazetteer at all.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .base import add_candidate, doc_text
from .lexicon import HEADS, Gazetteer, acronym_definitions, is_generic, load_names

__all__ = ["MetricExtractor", "reports_result"]

# A number, or a word that compares or changes a measured value.
_RESULT_CONTEXT = re.compile(
    r"\d|%|\b(?:improv\w*|higher|lower|better|worse|gains?|reduc\w*|increas\w*|decreas\w*|boost\w*|"
    r"outperform\w*|surpass\w*|achiev\w*|attain\w*|drops?|degrad\w*|measured|in terms of|"
    r"faster|slower|speed\w*|state-of-the-art|competitive|comparable|matches|maintain\w*|"
    r"preserv\w*|retain\w*|sacrific\w*|trade-?off|at the cost of)\b",
    re.IGNORECASE,
)


def reports_result(sentence: str) -> bool:
    """Whether a sentence reports a measured result.

    Examples
    --------
    >>> reports_result("It improves top-1 accuracy by 2.1%."), reports_result("Accuracy matters in medicine.")
    (True, False)
    """
    return _RESULT_CONTEXT.search(sentence) is not None


def _is_plain_word(name: str) -> bool:
    """A lower-case word or phrase of English, as opposed to a coined name like ``mIoU``."""
    return name.replace(" ", "").replace("-", "").isalpha() and name.islower()


class MetricExtractor:
    """Find metrics by gazetteer (plain words only in result sentences) and definitions.

    Examples
    --------
    >>> import spacy, extractors
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> _ = nlp.add_pipe("paperkg_metric")
    >>> doc = nlp("Accuracy matters. We cut FID to 2.1 and raise accuracy by 3%, keeping good performance.")
    >>> [(s.text, s._.paperkg_rule) for s in doc.spans["paperkg_candidates"]]
    [('FID', 'paperkg_metric:gazetteer'), ('accuracy', 'paperkg_metric:gazetteer')]
    """

    def __init__(self, nlp: Language, name: str, *, gazetteer: str, confidence: float, word_confidence: float):
        self.name = name
        self.gazetteer = Gazetteer(nlp, load_names(gazetteer))
        self.confidence = confidence
        self.word_confidence = word_confidence

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        for start, end, _ in self.gazetteer.find(doc):
            name = text[start:end]
            confidence = self.confidence
            if _is_plain_word(name.lower()):
                if not reports_result(self._sentence(doc, text, start)):
                    continue
                confidence = self.word_confidence
            add_candidate(doc, start, end, "METRIC", rule=f"{self.name}:gazetteer", confidence=confidence)
        for long_start, long_end, short_start, short_end in acronym_definitions(text):
            long_form, short = text[long_start:long_end], text[short_start:short_end]
            if long_form.rsplit(None, 1)[-1].lower() in HEADS["METRIC"] and not is_generic(short):
                rule = f"{self.name}:definition"
                add_candidate(doc, short_start, short_end, "METRIC", rule=rule, confidence=self.confidence)
                add_candidate(doc, long_start, long_end, "METRIC", rule=rule, confidence=self.confidence, alias_of=short)
        return doc

    @staticmethod
    def _sentence(doc: Doc, text: str, start_char: int) -> str:
        # Without a sentencizer upstream, the line (title or abstract) is the context.
        token = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
        if token is not None and doc.has_annotation("SENT_START"):
            return token.sent.text
        line_start = text.rfind("\n", 0, start_char) + 1
        line_end = text.find("\n", start_char)
        return text[line_start : line_end if line_end >= 0 else len(text)]


@Language.factory(
    "paperkg_metric",
    default_config={"gazetteer": "metrics", "confidence": 0.9, "word_confidence": 0.7},
)
def make_metric_extractor(
    nlp: Language, name: str, gazetteer: str, confidence: float, word_confidence: float
) -> MetricExtractor:
    return MetricExtractor(nlp, name, gazetteer=gazetteer, confidence=confidence, word_confidence=word_confidence)
