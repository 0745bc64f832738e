"""What a build remembers, so ``paperkg build --update`` extracts only new papers.

Every build keeps, in ``OUTDIR/.paperkg/papers.jsonl``, one line per paper:
the paper (title, abstract, metadata, sources), a hash of the text the
extractors read, and the extraction result (:func:`paperkg.parallel.to_record`).
An update reads that file, merges the new records in exactly as the readers
merge duplicate records, and re-extracts only the papers whose text hash is
not in the file; resolution, the graph and the exports are then redone over
all papers, so the result equals a full rebuild over all the inputs.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path

from .atomic import atomic_write
from .errors import InputError
from .extract import PaperEntities
from .model import Paper
from .parallel import from_record, to_record
from .readers import merge_papers

__all__ = ["STATE_DIR", "SCRATCH_PREFIX", "state_path", "text_hash", "write_state", "write_results", "read_state",
           "read_results", "plan_update"]

#: Folder inside a build's output folder that holds what the build remembers.
STATE_DIR = ".paperkg"
#: Prefix of the scratch folders a streamed build sorts and spills into, inside :data:`STATE_DIR`.
SCRATCH_PREFIX = "scratch-"


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


def write_state(output_dir: str | Path, extracted: Iterable[PaperEntities]) -> Path:
    """Write one line per paper (paper, text hash, extraction result), streamed."""
    return write_results(state_path(output_dir), extracted)


def write_results(path: str | Path, extracted: Iterable[PaperEntities]) -> Path:
    """Write one state line per paper to ``path`` (atomically), streamed."""
    with atomic_write(path) as handle:
        for found in extracted:
            line = {"hash": text_hash(found.paper), "paper": asdict(found.paper), "result": to_record(found)}
            handle.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    return Path(path)


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
