"""Choose among overlapping candidate spans: the final entities of a doc."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .base import CANDIDATES_KEY, SPANS_KEY, span_extension

__all__ = ["SpanResolver"]


class SpanResolver:
    """Keep the most confident, then longest, of each set of overlapping candidates.

    The kept spans go to ``doc.spans["paperkg"]`` and, when ``set_ents`` is on,
    to ``doc.ents`` so that displaCy and other spaCy tools see them.

    Examples
    --------
    >>> import spacy; from paperkg import extractors
    >>> from paperkg.extractors.base import add_candidate
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("We fine-tune Llama 2 7B today.")
    >>> _ = add_candidate(doc, 13, 20, "MODEL", rule="a", confidence=0.9)
    >>> _ = add_candidate(doc, 13, 23, "MODEL", rule="b", confidence=0.9)
    >>> _ = add_candidate(doc, 13, 18, "DATASET", rule="c", confidence=0.5)
    >>> doc = nlp.add_pipe("paperkg_span_resolver")(doc)
    >>> [(s.text, s.label_, s._.paperkg_rule) for s in doc.ents]
    [('Llama 2 7B', 'MODEL', 'b')]
    """

    def __init__(self, nlp: Language, name: str, *, set_ents: bool):
        self.name = name
        self.set_ents = set_ents

    def __call__(self, doc: Doc) -> Doc:
        candidates = list(doc.spans.get(CANDIDATES_KEY, []))
        # filter_spans prefers longer spans; sorting by confidence first makes the
        # most confident span win, and the longest among equally confident ones.
        ranked = sorted(candidates, key=lambda span: (span_extension(doc, span, "paperkg_confidence"), len(span)),
                        reverse=True)
        kept = _non_overlapping(ranked)
        kept.sort(key=lambda s: (s.start, s.end))
        doc.spans[SPANS_KEY] = kept
        if self.set_ents:
            # Already without overlaps, in order: what filter_spans would return. (``doc.ents = kept``
            # does the same after building each span again.)
            doc.set_ents(kept)
        return doc


def _non_overlapping(ranked: list[Span]) -> list[Span]:
    taken: set[int] = set()
    kept = []
    for span in ranked:
        tokens = range(span.start, span.end)
        if taken.isdisjoint(tokens):
            kept.append(span)
            taken.update(tokens)
    return kept


@Language.factory("paperkg_span_resolver", default_config={"set_ents": True})
def make_span_resolver(nlp: Language, name: str, set_ents: bool) -> SpanResolver:
    return SpanResolver(nlp, name, set_ents=set_ents)
