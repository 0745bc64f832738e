"""Papers sorted on disk, for builds larger than memory (``paperkg build --stream``).

Records are read one at a time and sorted by paper id on disk (sorted runs of
``run_size`` records, then merged), so the copies of a paper arrive together
and merge as :func:`paperkg.readers.merge_papers` merges them, and a streamed
build (:func:`paperkg.pipeline.run` with ``stream=True``) meets the papers in
the order its graph batches need.
"""
from __future__ import annotations

import heapq
import json
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import asdict
from itertools import groupby
from pathlib import Path

from .core.model import Paper
from .core.records import chunked
from .readers import iter_papers, merge_papers

__all__ = ["sorted_papers"]


def sorted_papers(paths: Iterable[str | Path], folder: str | Path, *, run_size: int = 50_000,
                  input_format: str | None = None, strict: bool = False, on_warning=None) -> Iterator[Paper]:
    """The papers of the inputs in paper-id order, copies merged, sorted on disk in ``folder``.

    Memory holds one run of ``run_size`` records while sorting, and one
    record per run while merging.

    Examples
    --------
    >>> papers = list(sorted_papers(["data/"], tempfile.mkdtemp(), run_size=100))
    >>> [p.id for p in papers] == sorted(p.id for p in papers), len(papers)
    (True, 223)
    """
    runs = []
    for number, run in enumerate(chunked(iter_papers(paths, format=input_format, strict=strict,
                                                     on_warning=on_warning), run_size)):
        runs.append(Path(folder) / f"run-{number}.jsonl")
        with runs[-1].open("w", encoding="utf-8") as handle:
            for paper in sorted(run, key=lambda paper: paper.id):
                handle.write(json.dumps(asdict(paper), ensure_ascii=False) + "\n")
    with ExitStack() as stack:
        readers = [map(_paper_of, stack.enter_context(run.open(encoding="utf-8"))) for run in runs]
        for _, copies in groupby(heapq.merge(*readers, key=lambda paper: paper.id), key=lambda paper: paper.id):
            yield from merge_papers(copies, strict=strict, on_warning=on_warning)


def _paper_of(line: str) -> Paper:
    return Paper(**json.loads(line))
