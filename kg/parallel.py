"""Extraction on several processes, and the compact records results travel in.

Workers run the spaCy pipeline on chunks of papers and send back plain
records (tuples, lists and dicts of strings and numbers), never spaCy
``Doc`` objects: pickling a ``Doc`` back costs as much as parsing it. The same
records are what :mod:`paperkg.update` keeps on disk and what :mod:`paperkg.distributed`
ships as Parquet, so there is one encoding of an extraction result.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import fields
from itertools import islice

from .extract import PaperEntities, extract_papers
from .model import Mention, Paper

__all__ = ["PIPELINE_PAPERS", "MENTION_FIELDS", "to_record", "from_record", "extract_chunk", "extract_parallel",
           "chunked"]

#: Field names of a mention record, in order.
MENTION_FIELDS = tuple(f.name for f in fields(Mention))
# Fields of PaperEntities besides the paper and its mentions (entities, proposes, ...).
_RESULT_FIELDS = tuple(f.name for f in fields(PaperEntities) if f.name not in ("paper", "mentions"))
# Those typed list[tuple[...]]: JSON and Parquet hand their items back as lists.
_TUPLE_LISTS = {f.name for f in fields(PaperEntities) if str(f.type).startswith("list[tuple")}


def to_record(found: PaperEntities) -> dict:
    """One paper's extraction result as plain data (JSON- and pickle-friendly), without the paper.

    Examples
    --------
    >>> paper = Paper("MambaOut", "Code: https://github.com/yuweihao/MambaOut")
    >>> found = next(extract_papers([paper]))
    >>> record = to_record(found)
    >>> [m[MENTION_FIELDS.index("text")] for m in record["mentions"]]
    ['MambaOut', 'https://github.com/yuweihao/MambaOut']
    >>> from_record(paper, record) == found
    True
    """
    record = {name: getattr(found, name) for name in _RESULT_FIELDS}
    record["mentions"] = [tuple(getattr(m, name) for name in MENTION_FIELDS) for m in found.mentions]
    return record


def from_record(paper: Paper, record: dict) -> PaperEntities:
    """The :class:`~paperkg.extract.PaperEntities` a :func:`to_record` record describes.

    The record may have been through JSON (lists where tuples were).
    """
    values = {name: record[name] for name in _RESULT_FIELDS if name in record}
    for name in _TUPLE_LISTS & values.keys():
        values[name] = [tuple(item) for item in values[name]]
    mentions = [Mention(*values) for values in record["mentions"]]
    return PaperEntities(paper, mentions, **values)


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


# One pipeline per worker thread (Dask may run several threads in one process), built once.
_worker = threading.local()


#: Papers one pipeline extracts before a fresh one takes over: spaCy keeps every new word it
#: sees in its vocabulary, which over millions of abstracts (new names, new numbers) would
#: grow without end. A pipeline takes about a quarter of a second to make.
PIPELINE_PAPERS = 50_000


def _start_worker() -> None:
    from paperkg import extractors

    # The pool forks workers from a process that may hold a corpus' worth of names; frozen,
    # they are never visited by this worker's garbage collector, so their pages stay shared.
    gc.freeze()
    _worker.nlp = extractors.make_pipeline()


def extract_chunk(papers: list[Paper]) -> list[dict]:
    """Extraction records for a chunk of papers, with this worker's pipeline."""
    if getattr(_worker, "nlp", None) is None:
        _start_worker()
    return [to_record(found) for found in extract_papers(papers, _worker.nlp)]


def extract_parallel(papers: Iterable[Paper], workers: int | None = None, *,
                     chunk_size: int = 128) -> Iterator[PaperEntities]:
    """Extract papers on ``workers`` processes (default: one per core), in input order.

    One worker runs in this process, with no pool. Results are the same as
    :func:`paperkg.extract.extract_papers` gives, paper for paper. Papers are read
    from ``papers`` only a few chunks ahead of the results, so a stream of
    any length extracts in flat memory.

    Examples
    --------
    >>> papers = [Paper(f"Paper {i}", "We evaluate on ImageNet.") for i in range(3)]
    >>> [f.entities["dataset"] for f in extract_parallel(papers, 2, chunk_size=2)]
    [[['ImageNet']], [['ImageNet']], [['ImageNet']]]
    """
    workers = workers or os.cpu_count() or 1
    if workers == 1:
        for share in chunked(papers, PIPELINE_PAPERS):
            yield from extract_papers(share)
        return
    # fork starts a worker in milliseconds; spawn re-imports spaCy (seconds) but is the safe choice elsewhere.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with context.Pool(workers, initializer=_start_worker,
                      maxtasksperchild=max(1, PIPELINE_PAPERS // chunk_size)) as pool:
        pending: deque = deque()
        for chunk in chunked(papers, chunk_size):
            pending.append((chunk, pool.apply_async(extract_chunk, (chunk,))))
            # Enough chunks queued to keep every worker busy, and no more: Pool.imap would read all input at once.
            if len(pending) > 2 * workers:
                chunk, records = pending.popleft()
                yield from map(from_record, chunk, records.get())
        while pending:
            chunk, records = pending.popleft()
            yield from map(from_record, chunk, records.get())
