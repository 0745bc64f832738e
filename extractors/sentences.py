"""Sentence boundaries by spaCy's sentencizer rule, found from the text rather than token by token.

spaCy's ``sentencizer`` walks the doc a token object at a time, which costs
about as much as tokenizing. The rule is the same here: a token that is one of
the sentence-final characters (``.``, ``!``, ``?`` and their kin in other
scripts) ends a sentence, and the next token that is neither punctuation nor
such a character starts the next one. Only the few tokens after a
sentence-final character found in the text are looked at, so the boundaries
are identical at a fraction of the cost. One boundary is added: a blank line
(between a title and its abstract) ends a sentence whatever precedes it.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from .base import doc_text

__all__ = ["SentenceSplitter"]

_FINAL_CHARS = frozenset(Sentencizer.default_punct_chars)
_FINAL = re.compile("[" + "".join(re.escape(c) for c in sorted(_FINAL_CHARS)) + "]")
# The same search for ASCII text, fifteen times faster: a class with characters beyond
# the Basic Multilingual Plane makes the regex engine slow on every character.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_FINAL_ASCII = re.compile("[" + "".join(re.escape(c) for c in sorted(_FINAL_CHARS) if c.isascii()) + "]")


class SentenceSplitter:
    """Set ``token.is_sent_start`` as spaCy's ``sentencizer`` does, without a per-token loop.

    Like the sentencizer, it leaves boundaries an earlier component set alone
    (it hands such docs to the sentencizer itself).

    Examples
    --------
    >>> import spacy; from paperkg import extractors
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("paperkg_sentencizer")
    >>> [s.text for s in nlp("We propose a model. It beats Y by 3.5% (e.g. on COCO)! Really?").sents]
    ['We propose a model.', 'It beats Y by 3.5% (e.g. on COCO)!', 'Really?']
    >>> [s.text for s in nlp("A Title Without a Stop\\n\\nWe propose a model.").sents]
    ['A Title Without a Stop', '\\n\\nWe propose a model.']
    """

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self._sentencizer = Sentencizer()

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or doc.has_annotation("SENT_START"):
            return self._sentencizer(doc)
        starts = numpy.full(len(doc), -1, dtype=numpy.int64)
        starts[0] = 1
        scanned = 0  # tokens before this were looked at already: a run of "!!!!" costs linear time
        text = doc_text(doc)
        for final in (_FINAL_ASCII if text.isascii() else _FINAL).finditer(text):
            token = doc.char_span(final.start(), final.end())  # None inside a word: "3.5", "e.g."
            if token is None or token.start < scanned:
                continue
            # The first word after it starts a sentence; brackets and quotes in between do not.
            # (Indexing: iterating a slice of the doc would build every token to its end.)
            scanned = token.end
            while scanned < len(doc) and (doc[scanned].is_punct or doc[scanned].text in _FINAL_CHARS):
                scanned += 1
            if scanned < len(doc):
                starts[scanned] = 1
        # A blank line ends a paragraph, and a title without a full stop with it: the next sentence starts
        # at the line break, as it does after a full stop (the sentencizer starts it at the white space).
        for paragraph in _PARAGRAPH_BREAK.finditer(text):
            space = doc.char_span(paragraph.start(), paragraph.start() + 1, alignment_mode="expand")
            if space is not None and space.start > 0 and paragraph.end() < len(text):
                starts[space.start] = 1
        # spaCy's columns are unsigned: -1 (not a start) travels as its two's complement.
        doc.from_array([SENT_START], starts.astype(numpy.uint64).reshape(-1, 1))
        return doc


@Language.factory("paperkg_sentencizer", assigns=["token.is_sent_start", "doc.sents"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
