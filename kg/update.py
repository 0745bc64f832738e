"""What a build remembers, so ``paperkg build --update`` extracts only new papers.

Every build keeps, in ``OUTDIR/.paperkg/papers.jsonl``, one line per paper:
the paper (title, abstract, metadata, sources), a hash of the text the
extractors read, and the extraction result (:func:`paperkg.core.records.to_record`).
An update reads that file, merges the new records in exactly as the readers
merge duplicate records, and re-extracts only the papers whose text hash is
not in the file; resolution, the graph and the exports are then redone over
all papers, so the result equals a full rebuild over all the inputs.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .core.errors import InputError
from .core.model import Paper, PaperEntities
from .core.records import STATE_DIR, read_results, state_path, text_hash, write_results
from .readers import merge_papers

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

    Sources the previous build already read are left out (and records with
    no other source), so giving the same file again adds nothing. Returns the merged papers
    (previous ones first, in their order) and the previous results by text
    hash; a paper whose hash is not among them needs extracting.
    """
    previous = dict(read_state(output_dir))
    known_sources = {source for found in previous.values() for source in found.paper.sources}
    fresh = []
    for paper in new_papers:
        unseen = [source for source in paper.sources if source not in known_sources]
        if paper.sources and not unseen:
            continue
        paper.sources = unseen
        fresh.append(paper)
    papers = merge_papers([found.paper for found in previous.values()] + fresh, strict=strict,
                          on_warning=on_warning)
    return papers, previous
