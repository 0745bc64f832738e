"""Extraction on several processes.

Workers run the spaCy pipeline on chunks of papers and send back records
(:mod:`paperkg.core.records`), never spaCy ``Doc`` objects.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator

from .core.model import Paper, PaperEntities
from .core.records import chunked, from_record, to_record
from .extract import extract_papers

__all__ = ["PIPELINE_PAPERS", "extract_chunk", "extract_parallel"]

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
