"""What every paperkg extractor shares: span extensions, span keys, candidate spans.

Extractors are spaCy components. Each one adds *candidate* spans to
``doc.spans[CANDIDATES_KEY]``; the ``paperkg_span_resolver`` component then
keeps the best non-overlapping ones in ``doc.spans[SPANS_KEY]`` and
``doc.ents``. Every span carries the rule that produced it and a confidence in
its ``._`` extensions, so a graph edge can always say why it exists.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from paperkg.core.schema import LABELS as SCHEMA_LABELS

__all__ = [
    "make_doc",
    "CANDIDATES_KEY",
    "SPANS_KEY",
    "PROPOSES_KEY",
    "LABELS",
    "add_candidate",
    "candidate_offsets",
    "span_evidence",
    "span_extension",
    "evidence_table",
    "EVIDENCE",
    "doc_text",
    "title_span",
]

CANDIDATES_KEY = "paperkg_candidates"
SPANS_KEY = "paperkg"
PROPOSES_KEY = "paperkg_proposes"
#: The spaCy labels the extractors assign, one per entity type of the schema.
LABELS = tuple(SCHEMA_LABELS.values())

#: What a span's ``._`` extensions say, in order, with their defaults: the rule that produced
#: it, its confidence, its canonical name when it differs from the text (repos), and the
#: text of the span it is another name for.
EVIDENCE = (
    ("paperkg_rule", None),
    ("paperkg_confidence", 0.0),
    ("paperkg_canonical", None),
    ("paperkg_alias_of", None),
)
_DEFAULTS = dict(EVIDENCE)
_NO_EVIDENCE = tuple(_DEFAULTS.values())
# Every span's evidence lives in one dict on the doc, ``doc._.paperkg_evidence``, keyed by the
# span's character offsets (so a candidate's evidence stays with the entity made of it); the
# span extensions read and write it through getters and setters.
if not Doc.has_extension("paperkg_evidence"):
    Doc.set_extension("paperkg_evidence", default=None)


def _evidence_getter(position: int):
    def get(span: Span):
        return span_evidence(span.doc, span.start_char, span.end_char)[position]

    return get


def _evidence_setter(position: int):
    def set_value(span: Span, value) -> None:
        table = evidence_table(span.doc)
        values = list(table.get((span.start_char, span.end_char), _NO_EVIDENCE))
        values[position] = value
        table[span.start_char, span.end_char] = tuple(values)

    return set_value


for _position, (_name, _default) in enumerate(EVIDENCE):
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=_evidence_getter(_position), setter=_evidence_setter(_position))


def evidence_table(doc: Doc) -> dict[tuple[int, int], tuple]:
    """``doc._.paperkg_evidence``: each span's evidence (as :data:`EVIDENCE`) by character offsets.

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("We train GPT-4 here.")
    >>> doc[2:3]._.paperkg_rule = "by hand"
    >>> evidence_table(doc)
    {(9, 14): ('by hand', 0.0, None, None)}
    """
    global _last_table
    if _last_table[0] is doc:  # every candidate of a doc asks in turn: spare each an ``Underscore``
        return _last_table[1]
    underscore = doc._
    table = underscore.paperkg_evidence
    if table is None:
        table = underscore.paperkg_evidence = {}
    _last_table = (doc, table)
    return table


_last_table: tuple[Doc | None, dict] = (None, {})


def add_candidate(
    doc: Doc,
    start_char: int,
    end_char: int,
    label: str,
    *,
    rule: str,
    confidence: float,
    canonical: str | None = None,
    alias_of: str | None = None,
) -> Span | None:
    """Add a candidate span over the given characters; ``None`` if no tokens fit.

    The span is widened to whole tokens, so regex matches that end inside a
    token still land on the token grid.

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("We train GPT-4 here.")
    >>> span = add_candidate(doc, 9, 14, "MODEL", rule="example", confidence=0.9)
    >>> span.text, span.label_, span._.paperkg_rule
    ('GPT-4', 'MODEL', 'example')
    >>> [s.text for s in doc.spans[CANDIDATES_KEY]]
    ['GPT-4']

    A more confident candidate over the same characters replaces the other:

    >>> _ = add_candidate(doc, 9, 14, "DATASET", rule="other", confidence=0.95)
    >>> [(s.label_, s._.paperkg_rule) for s in doc.spans[CANDIDATES_KEY]]
    [('DATASET', 'other')]

    A less confident one is dropped, but the name it links the span to stays:

    >>> add_candidate(doc, 9, 14, "MODEL", rule="definition", confidence=0.8, alias_of="G4") is None
    True
    >>> [(s._.paperkg_rule, s._.paperkg_alias_of) for s in doc.spans[CANDIDATES_KEY]]
    [('other', 'G4')]
    """
    span = doc.char_span(start_char, end_char, label=label, alignment_mode="expand")
    if span is None:
        return None
    start, end = span.start_char, span.end_char
    text = doc_text(doc)[start:end]
    # A LaTeX macro left in the text ("\\ModelName") stands for a name but is none (the guidelines); a word of
    # a link ("github.io/Android-Agent-Arena/") is the link's, which only a repository may be (whose token may
    # open on the macro that wraps it: "\\url{https://github.com/...").
    if not text.strip() or (label != "REPO" and (text.startswith("\\") or "://" in text or "www." in text)):
        return None
    # Evidence is keyed by character offsets alone, so two candidates over the same
    # characters would share one rule and confidence: keep the more confident candidate only.
    table = evidence_table(doc)
    previous = table.get((start, end))
    candidates = doc.spans.get(CANDIDATES_KEY)
    if previous is not None:
        if previous[1] >= confidence:
            # A lower-confidence rule may still know what the span is another name for
            # ("Vision Transformer (ViT)" over two gazetteer names): keep that link.
            if alias_of is not None and previous[3] is None:
                table[start, end] = (*previous[:3], alias_of)
            return None
        # Drop the old candidate from the spans kept beside the group, by offsets, then set the group from
        # them: reading the group back made a Span of every candidate at each replacement (quadratic for a
        # record naming thousands of things).
        kept = _candidate_spans(doc, candidates)
        del kept[start, end]
        doc.spans[CANDIDATES_KEY] = list(kept.values())
        candidates = doc.spans[CANDIDATES_KEY]
        # What the span is another name for stays known, whichever rule wins it.
        alias_of = alias_of if alias_of is not None else previous[3]
    table[start, end] = (rule, confidence, canonical, alias_of)
    if candidates is None:
        doc.spans[CANDIDATES_KEY] = [span]
    else:
        candidates.append(span)
    kept = doc._.paperkg_candidate_spans
    if kept is not None:
        kept[start, end] = span
    return span


if not Doc.has_extension("paperkg_candidate_spans"):
    Doc.set_extension("paperkg_candidate_spans", default=None)


def _candidate_spans(doc: Doc, candidates) -> dict[tuple[int, int], Span]:
    """The doc's candidates by character offsets, in their order, kept beside the group as it changes."""
    kept = doc._.paperkg_candidate_spans
    if kept is None or len(kept) != len(candidates):  # first replacement, or the group was set from outside
        kept = doc._.paperkg_candidate_spans = {(span.start_char, span.end_char): span for span in candidates}
    return kept


def candidate_offsets(doc: Doc, label: str) -> set[tuple[int, int]]:
    """Character offsets of the doc's candidates of one label so far.

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("We fine-tune GPT-4 on COCO.")
    >>> _ = add_candidate(doc, 13, 18, "MODEL", rule="r", confidence=0.9)
    >>> candidate_offsets(doc, "MODEL"), candidate_offsets(doc, "DATASET")
    ({(13, 18)}, set())
    """
    return {(span.start_char, span.end_char) for span in doc.spans.get(CANDIDATES_KEY, ()) if span.label_ == label}


def span_evidence(doc: Doc, start_char: int, end_char: int) -> tuple[str | None, float, str | None, str | None]:
    """``span._`` rule, confidence, canonical name and alias link of the span over these characters.

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("We train GPT-4 here.")
    >>> span = add_candidate(doc, 9, 14, "MODEL", rule="example", confidence=0.9)
    >>> span_evidence(doc, 9, 14) == (span._.paperkg_rule, 0.9, None, None)
    True
    >>> span_evidence(doc, 0, 2)
    (None, 0.0, None, None)
    """
    return evidence_table(doc).get((start_char, end_char), _NO_EVIDENCE)


def span_extension(doc: Doc, span: Span, name: str):
    """``span._.<name>`` for one of paperkg's extensions (:data:`EVIDENCE`).

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("We train GPT-4 here.")
    >>> span = add_candidate(doc, 9, 14, "MODEL", rule="example", confidence=0.9)
    >>> span_extension(doc, span, "paperkg_rule"), span_extension(doc, doc[0:1], "paperkg_confidence")
    ('example', 0.0)
    """
    found = evidence_table(doc).get((span.start_char, span.end_char))
    return _DEFAULTS[name] if found is None else found[_POSITIONS[name]]


_POSITIONS = {name: position for position, (name, _) in enumerate(EVIDENCE)}


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy rebuilds it from every token on each access.

    Examples
    --------
    >>> import spacy
    >>> doc_text(spacy.blank("en")("We train GPT-4."))
    'We train GPT-4.'
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = ("paperkg", "text")


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenize ``text`` into a doc whose :func:`doc_text` is ``text`` with no rebuilding.

    Rebuilding the text from tokens costs more than tokenizing it, so callers
    that have the text pass docs made here to ``nlp.pipe``.

    Examples
    --------
    >>> import spacy
    >>> doc = make_doc(spacy.blank("en"), "We train GPT-4.")
    >>> doc_text(doc) == doc.text == "We train GPT-4."
    True
    """
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT_KEY] = text
    return doc


def title_span(doc: Doc) -> Span:
    """The title: the doc's first line (paperkg feeds ``title + "\\n\\n" + abstract``).

    Examples
    --------
    >>> import spacy
    >>> title_span(spacy.blank("en")("COSMO: a model\\n\\nWe propose COSMO.")).text
    'COSMO: a model'
    """
    text = doc_text(doc)
    newline = text.find("\n")
    end = len(text) if newline < 0 else newline
    return doc.char_span(0, end, alignment_mode="contract") or doc[0:0]
