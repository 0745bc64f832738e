"""spaCy's tokenizer, kept linear in time on any text.

spaCy strips a word's prefixes and suffixes one character at a time and
searches for a suffix across the whole rest of the word each time, so a word of
n brackets costs about n² (20 KB of "((((" took over a minute). Here suffix
searches look at the last :data:`SUFFIX_WINDOW` characters only (every suffix
rule matches a few characters), and a word longer than :data:`LONGEST_WORD`
characters, which no title or abstract has, is tokenized in pieces of that
length. A link glued to the characters before it (a footnote mark, another link:
"RELEASE,222https://...") starts a piece of its own, so spaCy's URL rule, which
takes a whole word or nothing, sees it alone. The doc's text is the input text
either way.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy import util
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

__all__ = ["LONGEST_WORD", "SUFFIX_WINDOW", "create_bounded_tokenizer"]

LONGEST_WORD = 256
SUFFIX_WINDOW = 64
_LONG_WORD = re.compile(r"(\S{%d,})\s*" % (LONGEST_WORD + 1))
# A scheme right after a word or the punctuation that ends one (an opening bracket or quote before it is a prefix
# spaCy splits off anyway).
_GLUED_LINK = re.compile(r"(?<=[\w,;:.])https?://")


class _BoundedTokenizer(Tokenizer):
    def __call__(self, text: str) -> Doc:
        # str.split breaks at the whitespace ``\s`` matches, and costs a fraction of the regex.
        long_words = max(map(len, text.split()), default=0) > LONGEST_WORD
        if not long_words and ("://" not in text or not _GLUED_LINK.search(text)):
            return super().__call__(text)
        cuts = {link.start() for link in _GLUED_LINK.finditer(text)}
        for word in _LONG_WORD.finditer(text) if long_words else ():
            # The space after a piece stays with it, as spaCy keeps it on the word's last token.
            cuts |= {word.start(), *range(word.start() + LONGEST_WORD, word.end(1), LONGEST_WORD)}
        bounds = [0, *sorted(cuts - {0}), len(text)]
        return Doc.from_docs([super(_BoundedTokenizer, self).__call__(text[start:end])
                              for start, end in zip(bounds, bounds[1:]) if start < end], ensure_whitespace=False)

    def pipe(self, texts, batch_size=1000):
        for text in texts:
            yield self(text)

    def from_bytes(self, bytes_data, *, exclude=tuple()):
        # spaCy compiles the saved suffix pattern into a plain search (``from_disk`` comes here
        # too): a tokenizer loaded with ``spacy.load`` searches a window again.
        super().from_bytes(bytes_data, exclude=exclude)
        if self.suffix_search is not None and not isinstance(self.suffix_search, _WindowedSearch):
            self.suffix_search = _WindowedSearch(self.suffix_search)
        return self


class _WindowedSearch:
    """A suffix search over a word's last characters; ``__self__`` is the regex, which spaCy serialises."""

    def __init__(self, search) -> None:
        self.search = search
        self.__self__ = search.__self__

    def __call__(self, text: str):
        return self.search(text[-SUFFIX_WINDOW:])


@registry.tokenizers("paperkg.BoundedTokenizer.v1")
def create_bounded_tokenizer(extra_suffixes: Sequence[str] = (), extra_infixes: Sequence[str] = (),
                             abbreviations: Sequence[str] = ()) -> Callable[[Language], Tokenizer]:
    """spaCy's tokenizer for the language, with ``extra_suffixes`` and ``extra_infixes``, linear on hostile text.

    ``abbreviations``: words written with a full stop that stays on them ("al.", "Fig."), so that it ends no
    sentence.

    Registered as ``paperkg.BoundedTokenizer.v1`` for a pipeline's config, so the
    tokenizer is built once with its final rules (each rule change reloads
    every special case, which dominates making a pipeline).

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "paperkg.BoundedTokenizer.v1"}}})
    >>> doc = nlp("See (((" + "(" * 5000 + "x) now.")
    >>> doc.text == "See (((" + "(" * 5000 + "x) now.", [t.text for t in doc][-3:]
    (True, [')', 'now', '.'])
    """

    def make_tokenizer(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        suffixes = [*(defaults.suffixes or ()), *extra_suffixes]
        infixes = [*(defaults.infixes or ()), *extra_infixes]
        return _BoundedTokenizer(
            nlp.vocab,
            rules={**defaults.tokenizer_exceptions, **{word: [{ORTH: word}] for word in abbreviations}},
            prefix_search=util.compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
            suffix_search=_WindowedSearch(util.compile_suffix_regex(suffixes).search) if suffixes else None,
            infix_finditer=util.compile_infix_regex(infixes).finditer if infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return make_tokenizer
