"""The one encoding of an extraction result, and where a build keeps them.

Workers send records back instead of spaCy ``Doc`` objects (pickling a ``Doc``
costs as much as parsing it); the same records are what a build keeps in
``OUTDIR/.paperkg/papers.jsonl`` for ``--update`` and what the Dask engine
ships as Parquet. Records are plain data: tuples, lists and dicts of strings
and numbers.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields
from itertools import islice
from pathlib import Path

from .atomic import atomic_write
from .errors import InputError
from .model import Mention, Paper, PaperEntities

__all__ = ["STATE_DIR", "MENTION_FIELDS", "state_path", "text_hash", "to_record", "from_record",
           "result_line", "write_results", "read_results", "chunked"]

#: Folder inside a build's output folder that holds what the build remembers.
STATE_DIR = ".paperkg"
#: Field names of a mention record, in order.
MENTION_FIELDS = tuple(f.name for f in fields(Mention))
# Fields of PaperEntities besides the paper and its mentions (entities, proposes, ...).
_RESULT_FIELDS = tuple(f.name for f in fields(PaperEntities) if f.name not in ("paper", "mentions"))
# Those typed list[tuple[...]]: JSON and Parquet hand their items back as lists.
_TUPLE_LISTS = {f.name for f in fields(PaperEntities) if str(f.type).startswith("list[tuple")}


def state_path(output_dir: str | Path) -> Path:
    """Where a build in ``output_dir`` keeps its papers and their extraction results."""
    return Path(output_dir) / STATE_DIR / "papers.jsonl"


def text_hash(paper: Paper) -> str:
    """A hash of the text the extractors read: same hash, same extraction result.

    Examples
    --------
    >>> text_hash(Paper("A", "B")) == text_hash(Paper("A", "B", sources=["x.txt:3"]))
    True
    >>> text_hash(Paper("A", "B")) == text_hash(Paper("A", "B!"))
    False
    """
    return hashlib.sha1(paper.text.encode()).hexdigest()


def to_record(found: PaperEntities) -> dict:
    """One paper's extraction result as plain data (JSON- and pickle-friendly), without the paper.

    Examples
    --------
    >>> paper = Paper("MambaOut", "Code: github.com/yuweihao/MambaOut")
    >>> mention = Mention(paper.id, "repo", "github.com/yuweihao/MambaOut", 16, 44, paper.abstract, 10, "repo:url", 1.0)
    >>> found = PaperEntities(paper, [mention], {"repo": [["github.com/yuweihao/MambaOut"]]})
    >>> record = to_record(found)
    >>> record["mentions"][0][MENTION_FIELDS.index("text")], record["mentions"][0][MENTION_FIELDS.index("sentence")]
    ('github.com/yuweihao/MambaOut', 34)
    >>> from_record(paper, json.loads(json.dumps(record))) == found
    True
    """
    record = {name: getattr(found, name) for name in _RESULT_FIELDS}
    text = found.paper.text
    # A mention's sentence is a slice of the paper's text: the record keeps its length, not a copy,
    # so a record grows with the paper, not with its mentions times its sentence lengths.
    for mention in found.mentions:
        if not text.startswith(mention.sentence, mention.sentence_start):
            raise ValueError(f"{found.paper.title!r}: the sentence of {mention.text!r} is not in the paper's text")
    record["mentions"] = [tuple(len(m.sentence) if name == "sentence" else getattr(m, name) for name in MENTION_FIELDS)
                          for m in found.mentions]
    return record


def from_record(paper: Paper, record: dict) -> PaperEntities:
    """The :class:`~paperkg.core.model.PaperEntities` a :func:`to_record` record describes.

    The record may have been through JSON (lists where tuples were).
    """
    values = {name: record[name] for name in _RESULT_FIELDS if name in record}
    for name in _TUPLE_LISTS & values.keys():
        values[name] = [tuple(item) for item in values[name]]
    text, at = paper.text, MENTION_FIELDS.index("sentence")
    start = MENTION_FIELDS.index("sentence_start")
    mentions = [Mention(*fields[:at], text[fields[start]:fields[start] + fields[at]], *fields[at + 1:])
                for fields in record["mentions"]]
    return PaperEntities(paper, mentions, **values)


def result_line(found: PaperEntities) -> str:
    """One paper's line of a results file: its text hash, the paper, its extraction record."""
    line = {"hash": text_hash(found.paper), "paper": asdict(found.paper), "result": to_record(found)}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_results(path: str | Path, extracted: Iterable[PaperEntities]) -> Path:
    """Write one :func:`result_line` per paper to ``path`` atomically, streamed."""
    with atomic_write(path) as handle:
        handle.writelines(map(result_line, extracted))
    return Path(path)


def read_results(path: str | Path) -> Iterator[tuple[str, PaperEntities]]:
    """``(text hash, result)`` for every line :func:`write_results` wrote to ``path``, streamed."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                record = json.loads(line)
                yield record["hash"], from_record(Paper(**record["paper"]), record["result"])
            except (ValueError, KeyError, TypeError) as error:
                raise InputError(path, f"unreadable build state ({error}); rebuild without --update",
                                 line=number) from None


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last may be shorter).

    Examples
    --------
    >>> list(chunked(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
