"""spaCy components that find models, datasets, benchmarks, metrics and repos.

Importing this package registers the components with spaCy, so they can be
added to any pipeline by name (``nlp.add_pipe("paperkg_repo")``).
:func:`make_pipeline` assembles paperkg's own pipeline on ``spacy.blank("en")``.
"""
from __future__ import annotations

import spacy
from spacy.language import Language

from . import repo, resolver  # noqa: F401  (registers the factories)
from .base import CANDIDATES_KEY, LABELS, PROPOSES_KEY, SPANS_KEY

__all__ = ["make_pipeline", "PIPELINE", "SPANS_KEY", "CANDIDATES_KEY", "PROPOSES_KEY", "LABELS"]

#: Component factories in pipeline order, after the sentencizer.
PIPELINE = ("paperkg_repo", "paperkg_span_resolver")


def make_pipeline() -> Language:
    """A blank English pipeline with a sentencizer and every paperkg extractor.

    Examples
    --------
    >>> nlp = make_pipeline()
    >>> doc = nlp("MambaOut\\n\\nCode is at https://github.com/yuweihao/MambaOut")
    >>> [(e.label_, e._.paperkg_canonical) for e in doc.ents]
    [('REPO', 'github.com/yuweihao/MambaOut')]
    """
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for factory in PIPELINE:
        nlp.add_pipe(factory)
    return nlp
