"""Choose among overlapping candidate spans: the final entities of a doc."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .base import CANDIDATES_KEY, EVIDENCE, SPANS_KEY, evidence_table

__all__ = ["SpanResolver"]


class SpanResolver:
    """Keep the most confident, then longest, of each set of overlapping candidates.

    The kept spans go to ``doc.spans["paperkg"]`` and, when ``set_ents`` is on,
    to ``doc.ents`` so that displaCy and other spaCy tools see them. Entities an
    earlier component set stay, and the spans they overlap stay out of ``doc.ents``,
    unless ``overwrite_ents`` is on (as spaCy's ``entity_ruler`` does).

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

    An entity set before is kept:

    >>> doc = nlp("We fine-tune Llama 2 7B on COCO today.")
    >>> doc.ents = [doc.char_span(13, 18, label="ORG")]
    >>> _ = add_candidate(doc, 13, 23, "MODEL", rule="b", confidence=0.9)
    >>> _ = add_candidate(doc, 27, 31, "DATASET", rule="c", confidence=0.9)
    >>> [(s.text, s.label_) for s in nlp.get_pipe("paperkg_span_resolver")(doc).ents]
    [('Llama', 'ORG'), ('COCO', 'DATASET')]
    """

    def __init__(self, nlp: Language, name: str, *, set_ents: bool, overwrite_ents: bool = False):
        self.name = name
        self.set_ents = set_ents
        self.overwrite_ents = overwrite_ents

    def __call__(self, doc: Doc) -> Doc:
        candidates = list(doc.spans.get(CANDIDATES_KEY, []))
        table = evidence_table(doc)
        # filter_spans prefers longer spans; sorting by confidence first makes the
        # most confident span win, and the longest among equally confident ones.
        ranked = sorted(
            candidates,
            key=lambda span: (table.get((span.start_char, span.end_char), _NO_CONFIDENCE)[_CONFIDENCE], len(span)),
            reverse=True,
        )
        kept = _non_overlapping(ranked)
        kept.sort(key=lambda s: (s.start, s.end))
        doc.spans[SPANS_KEY] = kept
        if self.set_ents:
            if doc.ents and not self.overwrite_ents:
                earlier = list(doc.ents)
                doc.set_ents(sorted(earlier + _non_overlapping(kept, earlier), key=lambda s: s.start))
            else:
                # Already without overlaps, in order: what filter_spans would return. (``doc.ents = kept``
                # does the same after building each span again.)
                doc.set_ents(kept)
        return doc


_CONFIDENCE = [name for name, _ in EVIDENCE].index("paperkg_confidence")
_NO_CONFIDENCE = tuple(default for _, default in EVIDENCE)


def _non_overlapping(ranked: list[Span], taken_spans: list[Span] = ()) -> list[Span]:
    """The spans, best first, that overlap neither a better one nor any of ``taken_spans``."""
    taken: set[int] = {i for span in taken_spans for i in range(span.start, span.end)}
    kept = []
    for span in ranked:
        tokens = range(span.start, span.end)
        if taken.isdisjoint(tokens):
            kept.append(span)
            taken.update(tokens)
    return kept


@Language.factory(
    "paperkg_span_resolver",
    default_config={"set_ents": True, "overwrite_ents": False},
    requires=["doc.spans"],
    assigns=["doc.spans", "doc.ents", "token.ent_iob", "token.ent_type"],
)
def make_span_resolver(nlp: Language, name: str, set_ents: bool, overwrite_ents: bool) -> SpanResolver:
    return SpanResolver(nlp, name, set_ents=set_ents, overwrite_ents=overwrite_ents)
