"""Build a knowledge graph end to end: extract, resolve, write every export.

:func:`build` is what ``paperkg build`` runs. Extraction runs in this
process, on a pool of worker processes (``workers``), or on Dask
(``engine="dask"``); the result is the same graph whichever runs it. Every
build also keeps its papers and extraction results in the output folder
(:mod:`paperkg.update`), so a later ``update=True`` build extracts only the papers
it has not seen and still writes what a full rebuild over all inputs would.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import networkx as nx

from .aliases import AliasTable
from .extract import PaperEntities, apply_aliases, recognise_corpus_names
from .graph import build_graph, summarize
from .core.model import Paper
from .parallel import extract_parallel
from .core.records import text_hash
from .update import plan_update, write_state

__all__ = ["ENGINES", "BuildResult", "StepClock", "build", "extract_with"]

#: Where extraction can run: ``local`` (this process or a process pool) or ``dask``.
ENGINES = ("local", "dask")

Progress = Callable[[Iterable, int], Iterable]


@dataclass
class BuildResult:
    """What a build made: the graph, the files per format, how many papers it extracted.

    ``seconds`` gives the wall time of each step (extract, graph, export, state);
    ``summary`` counts papers, entities and edges (:func:`paperkg.graph.summarize`).
    """

    graph: nx.MultiDiGraph | None  # None for a streamed build (paperkg.stream): the graph is in its files
    written: dict[str, list[Path]] = field(default_factory=dict)
    papers: int = 0
    extracted: int = 0
    reused: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    summary: dict = field(default_factory=dict)


def extract_with(papers: list[Paper], *, engine: str = "local", workers: int = 1,
                 scheduler: str | None = None) -> Iterator[PaperEntities]:
    """Extract papers, in input order, on the chosen engine.

    Examples
    --------
    >>> [f.entities["repo"] for f in extract_with([Paper("X", "See github.com/a/b.")])]
    [[['github.com/a/b']]]
    """
    if engine == "dask" or scheduler:
        from .distributed import extract_dask

        return extract_dask(papers, scheduler=scheduler, workers=workers)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    return extract_parallel(papers, workers)


def build(
    papers: list[Paper],
    output_dir: str | Path,
    *,
    formats: Iterable[str] | None = None,
    export_options: dict | None = None,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    update: bool = False,
    strict: bool = False,
    on_warning=None,
    progress: Progress | None = None,
    aliases: AliasTable | None = None,
    corpus_pass: bool = False,
) -> BuildResult:
    """Extract the papers, build the graph and write it to ``output_dir`` in each format.

    With ``update``, ``papers`` are *new* records for the build already in
    ``output_dir``: only papers whose text that build did not extract are
    extracted; the graph and exports are rebuilt over all papers.
    ``progress(iterable, total)`` may wrap the extraction (a progress bar).
    ``aliases`` (an alias file) and ``corpus_pass`` (see
    :func:`paperkg.extract.recognise_corpus_names`) apply to the graph, not to the
    extraction kept for updates, so an update may change either.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> vit = Paper("ViT", "We train ViT on ImageNet.", sources=["a.txt:1"])
    >>> deit = Paper("DeiT", "DeiT beats ViT on ImageNet.", sources=["b.txt:1"])
    >>> first = build([vit], folder, formats=["csv"])
    >>> again = build([deit], folder, formats=["csv"], update=True)
    >>> (first.extracted, again.extracted, again.reused, again.papers)
    (1, 1, 1, 2)
    """
    from paperkg import exports

    clock = StepClock()
    previous: dict[str, PaperEntities] = {}
    if update:
        papers, previous = plan_update(output_dir, papers, strict=strict, on_warning=on_warning)
    hashes = [text_hash(paper) for paper in papers]
    todo = [paper for paper, digest in zip(papers, hashes) if digest not in previous]
    fresh = extract_with(todo, engine=engine, workers=workers, scheduler=scheduler) if todo else iter(())
    if progress:
        fresh = progress(fresh, len(todo))
    new_results = {text_hash(found.paper): found for found in fresh}
    # A reused result takes the merged paper, whose sources and metadata may have grown.
    extracted = [new_results[digest] if digest in new_results else replace(previous[digest], paper=paper)
                 for paper, digest in zip(papers, hashes)]
    clock.lap("extract")
    for_graph = [apply_aliases(found, aliases) for found in extracted]
    graph = build_graph(recognise_corpus_names(for_graph) if corpus_pass else for_graph, aliases=aliases)
    clock.lap("graph")
    written = exports.export(graph, output_dir, formats, **(export_options or {}))
    clock.lap("export")
    write_state(output_dir, extracted)
    clock.lap("state")
    return BuildResult(graph, written, papers=len(papers), extracted=len(todo), reused=len(papers) - len(todo),
                       seconds=clock.laps, summary=summarize(graph))


class StepClock:
    """Wall time of each step of a build, in seconds, in ``laps``."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 3)
        self._last = now
