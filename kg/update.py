"""What a build remembers, so ``paperkg build --update`` extracts only new papers.

Every build keeps, in ``OUTDIR/.paperkg/papers.jsonl``, one line per paper:
the paper (title, abstract, metadata, sources), a hash of the text the
extractors read, and the extraction result (:func:`paperkg.core.records.to_record`).
An update reads that file, replaces the records of every file given again
by what that file holds now, merges the new records in exactly as the
readers merge duplicate records, and re-extracts only the papers whose text
hash is not in the file (new papers, and papers whose text changed);
resolution, the graph and the exports are then redone over all papers, so
the result equals a full rebuild over all the inputs.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .core.errors import InputError, reading
from .core.model import Paper, PaperEntities
from .core.records import STATE_DIR, read_results, state_path, text_hash, write_results
from .readers import iter_papers, merge_papers

__all__ = ["write_state", "read_state", "plan_update"]


def write_state(output_dir: str | Path, extracted: Iterable[PaperEntities]) -> Path:
    """Write one line per paper (paper, text hash, extraction result), streamed."""
    return write_results(state_path(output_dir), extracted)


def read_state(output_dir: str | Path) -> Iterator[tuple[str, PaperEntities]]:
    """``(text hash, result)`` for every paper a previous build in ``output_dir`` kept.

    Examples
    --------
    >>> import tempfile
    >>> from paperkg.extract import extract_papers
    >>> folder = tempfile.mkdtemp()
    >>> found = list(extract_papers([Paper("ViT", "We train ViT on ImageNet.")]))
    >>> _ = write_state(folder, found)
    >>> [(h == text_hash(f.paper), f == found[0]) for h, f in read_state(folder)]
    [(True, True)]
    """
    path = state_path(output_dir)
    if not path.is_file():
        raise InputError(output_dir, f"no previous build to update (no {STATE_DIR}/{path.name}); "
                                     "build it once without --update")
    return read_results(path)


def plan_update(output_dir: str | Path, new_papers: Iterable[Paper], *, strict: bool = False,
                on_warning=None) -> tuple[list[Paper], dict[str, PaperEntities]]:
    """All papers after adding ``new_papers`` to a previous build, and the results to reuse.

    A file given again replaces what the previous build read from it: its
    records now are the ones that count, so an edited line is a new text
    (re-extracted), a deleted line leaves the build, and an unchanged file
    adds nothing. A previous paper that also had records in files not given
    again keeps those, read afresh from their files, so the merged paper is
    the one a full rebuild over all the inputs would make. Returns the merged
    papers (previous ones first, in their order) and the previous results by
    text hash; a paper whose hash is not among them needs extracting.

    Examples
    --------
    >>> import tempfile
    >>> from paperkg.extract import extract_papers
    >>> folder = tempfile.mkdtemp()
    >>> _ = write_state(folder, extract_papers([Paper("ViT", "We train ViT.", sources=["a.txt:1"]),
    ...                                        Paper("DeiT", "DeiT is small.", sources=["b.txt:1"])]))
    >>> papers, previous = plan_update(folder, [Paper("ViT", "We train ViT on ImageNet.", sources=["a.txt:1"])])
    >>> [(paper.title, paper.abstract, text_hash(paper) in previous) for paper in papers]
    [('DeiT', 'DeiT is small.', True), ('ViT', 'We train ViT on ImageNet.', False)]
    """
    with reading(state_path(output_dir)):
        previous = dict(read_state(output_dir))
    new_papers = list(new_papers)
    given_again = {_file_key(source) for paper in new_papers for source in paper.sources}
    remaining = [[source for source in found.paper.sources if _file_key(source) not in given_again]
                 for found in previous.values()]
    now = _records_now({source.rpartition(":")[0] for found, sources in zip(previous.values(), remaining)
                        if len(sources) < len(found.paper.sources) for source in sources})
    carried: list[Paper] = []  # in the previous build's order, so the merged papers keep it
    for found, sources in zip(previous.values(), remaining):
        if len(sources) == len(found.paper.sources):
            carried.append(found.paper)
        elif all(source in now for source in sources):
            carried.extend(now[source] for source in sources)
        else:  # a file gone or unreadable since: keep what the previous build read there
            carried.append(replace(found.paper, sources=sources))
    papers = merge_papers(carried + new_papers, strict=strict, on_warning=on_warning)
    return papers, previous


def _file_key(source: str) -> str:
    """The file a ``file:line`` source names, as one spelling whichever way the user wrote its path."""
    return os.path.realpath(source.rpartition(":")[0])


def _records_now(files: set[str]) -> dict[str, Paper]:
    """Every record of ``files`` as they are now, by its ``file:line`` source; none from a file that fails."""
    records: dict[str, Paper] = {}
    for file in sorted(files):
        try:
            records.update((record.sources[0], record) for record in iter_papers([file]))
        except InputError:
            pass
    return records
