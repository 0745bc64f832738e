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
    "span_evidence",
    "span_extension",
    "doc_text",
    "title_span",
]

CANDIDATES_KEY = "paperkg_candidates"
SPANS_KEY = "paperkg"
PROPOSES_KEY = "paperkg_proposes"
#: The spaCy labels the extractors assign, one per entity type of the schema.
LABELS = tuple(SCHEMA_LABELS.values())

# Extension values for spans live in doc.user_data, keyed by span offsets.
_EXTENSIONS = (
    ("paperkg_rule", None),  # which extractor rule produced the span
    ("paperkg_confidence", 0.0),
    ("paperkg_canonical", None),  # canonical name when it differs from the text (repos)
    ("paperkg_alias_of", None),  # text of the span this one is another name for
)
for _name, _default in _EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)


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
    # A LaTeX macro left in the text ("\\ModelName") stands for a name but is none (the guidelines).
    if not text.strip() or text.startswith("\\"):
        return None
    # spaCy keys span extensions by character offsets alone, so two candidates
    # over the same characters would share one rule and confidence: keep the
    # more confident candidate only.
    user_data = doc.user_data
    previous = user_data.get(_extension_key("paperkg_confidence", start, end))
    candidates = doc.spans.get(CANDIDATES_KEY)
    if previous is not None:
        if previous >= confidence:
            # A lower-confidence rule may still know what the span is another name for
            # ("Vision Transformer (ViT)" over two gazetteer names): keep that link.
            alias_key = _extension_key("paperkg_alias_of", start, end)
            if alias_of is not None and user_data.get(alias_key) is None:
                user_data[alias_key] = alias_of
            return None
        doc.spans[CANDIDATES_KEY] = [s for s in candidates if (s.start_char, s.end_char) != (start, end)]
        candidates = doc.spans[CANDIDATES_KEY]
    # Written where ``span._`` writes them, without building an ``Underscore`` for each value.
    user_data[_extension_key("paperkg_rule", start, end)] = rule
    user_data[_extension_key("paperkg_confidence", start, end)] = confidence
    user_data[_extension_key("paperkg_canonical", start, end)] = canonical
    user_data[_extension_key("paperkg_alias_of", start, end)] = alias_of
    if candidates is None:
        doc.spans[CANDIDATES_KEY] = [span]
    else:
        candidates.append(span)
    return span


def span_evidence(doc: Doc, start_char: int, end_char: int) -> tuple[str | None, float, str | None, str | None]:
    """``span._`` rule, confidence, canonical name and alias link of the span over these characters.

    They are read where ``span._`` keeps them, without building an ``Underscore`` for each value.

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
    user_data = doc.user_data
    return tuple(user_data.get(("._.", name, start_char, end_char), default) for name, default in _EXTENSIONS)


def span_extension(doc: Doc, span: Span, name: str):
    """``span._.<name>`` for one of paperkg's extensions, read where spaCy keeps it.

    Building an ``Underscore`` for each span costs more than the rest of a lookup.

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("We train GPT-4 here.")
    >>> span = add_candidate(doc, 9, 14, "MODEL", rule="example", confidence=0.9)
    >>> span_extension(doc, span, "paperkg_rule"), span_extension(doc, doc[0:1], "paperkg_confidence")
    ('example', 0.0)
    """
    return doc.user_data.get(_extension_key(name, span.start_char, span.end_char), _DEFAULTS[name])


_DEFAULTS = dict(_EXTENSIONS)


def _extension_key(name: str, start_char: int, end_char: int) -> tuple[str, str, int, int]:
    """Where spaCy keeps the value of ``span._.<name>`` in ``doc.user_data``."""
    return ("._.", name, start_char, end_char)


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
