"""The data model: papers, the mentions found in them, and what one paper names."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .schema import ENTITY_TYPES, RELATIONS

__all__ = [
    "ENTITY_TYPES",
    "RELATIONS",
    "Paper",
    "Mention",
    "PaperEntities",
    "normalize_key",
    "paper_key",
    "paper_id",
]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalize_key(text: str) -> str:
    """Case-folded text with everything but letters and digits removed.

    This is the matching rule of the annotation guidelines, so names that
    differ only in case, spaces or punctuation share a key.

    Examples
    --------
    >>> normalize_key("LLaMA-2") == normalize_key("Llama 2") == normalize_key("LlaMA-2")
    True
    >>> normalize_key("  Tokens-to-Token ViT ")
    'tokenstotokenvit'
    """
    return _NON_ALNUM.sub("", text.casefold())


def paper_key(title: str) -> str:
    """The key that makes two records one paper: :func:`normalize_key` of the title.

    A title with no ASCII letter or digit (Chinese, Russian, only symbols)
    would have an empty key and merge with every other such title, so it
    keys on its own case-folded letters and digits, or words, instead.

    Examples
    --------
    >>> paper_key("Attention Is All You Need!") == paper_key("attention is all you need")
    True
    >>> paper_key("大型语言模型的研究") != paper_key("图像生成"), paper_key("Ωμέγα") == paper_key("ΩΜΈΓΑ")
    (True, True)
    """
    return normalize_key(title) or "".join(c for c in title.casefold() if c.isalnum()) or " ".join(title.split())


@lru_cache(maxsize=1 << 16)  # the graph step asks for each paper's id many times
def paper_id(title: str) -> str:
    """A stable identifier for a paper, derived from its normalized title.

    Examples
    --------
    >>> paper_id("Attention Is All You Need") == paper_id("attention is all you need!")
    True
    >>> paper_id("Attention Is All You Need")
    'p-0ea83918854b'
    """
    return "p-" + hashlib.sha1(paper_key(title).encode()).hexdigest()[:12]


@dataclass
class Paper:
    """A paper's title and abstract, with whatever metadata its source gave.

    ``sources`` lists every ``file:line`` the paper was read from; the same
    paper read twice is one paper that remembers both.
    """

    title: str
    abstract: str
    arxiv_id: str | None = None
    authors: str | None = None
    categories: str | None = None
    update_date: str | None = None
    sources: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return paper_key(self.title)

    @property
    def id(self) -> str:
        return paper_id(self.title)

    @property
    def text(self) -> str:
        """The text the extractors read: the title line, a blank line, the abstract."""
        return f"{self.title}\n\n{self.abstract}"


@dataclass(frozen=True)
class Mention:
    """One entity mention found in a paper, with the evidence for it.

    Offsets are character offsets into :attr:`Paper.text`; ``sentence_start``
    is where the evidence sentence begins in that text.
    """

    paper_id: str
    type: str
    text: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    rule: str
    confidence: float
    canonical: str | None = None
    alias_of: str | None = None


@dataclass
class PaperEntities:
    """What one paper names: its mentions, grouped into entities, and what it proposes.

    ``entities`` maps each type to groups of surface forms, one group per
    entity, the most specific name first (the annotation guidelines' format).
    """

    paper: Paper
    mentions: list[Mention]
    entities: dict[str, list[list[str]]] = field(default_factory=dict)
    proposes: list[str] = field(default_factory=list)
    #: ``(start, end)`` offsets of every sentence in :attr:`Paper.text`.
    sentences: list[tuple[int, int]] = field(default_factory=list)
