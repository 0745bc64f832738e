"""The one runner: read → extract → transform → resolve → graph → sinks, for every kind of build.

:func:`run` is what ``paperkg build`` and :func:`paperkg.build` run. The
variations are its options, never other copies of the pipeline:

* **engines** (:data:`ENGINES`) decide where extraction runs: this process or
  a pool of ``workers`` processes (``local``), or Dask (``dask``);
* ``stream`` keeps memory flat for corpora larger than memory: papers are
  sorted on disk and extraction results spill to disk, to be read back a
  batch at a time (``batch_size`` papers);
* ``update`` puts a filter of already-extracted papers in front of the engine;
* ``aliases`` and ``corpus_pass`` are transforms applied to the results on
  their way to resolution and the graph, never to what the build keeps;
* every export format is a sink (:mod:`paperkg.exports.sink`), written a batch
  at a time, so a build in one batch and one in many write the same bytes.

Options are checked in one place (:func:`check_build`) before anything is
read or written. A build into a folder holds the folder's lock, stages its
whole generation (exports and state) and switches it in at the end
(:mod:`paperkg.core.generation`): an error or a kill leaves the old outputs.
"""
from __future__ import annotations

import gc
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

import networkx as nx

from .aliases import AliasTable
from .core.errors import PaperkgError
from .core.generation import clear_stale, discard, recover, stage, switch
from .core.lock import output_lock
from .core.model import Paper, PaperEntities
from .core.records import STATE_DIR, chunked, read_results, result_line, state_path, text_hash, write_results
from .core.schema import ENTITY_TYPES
from .graph import (build_graph, entity_attributes, entity_variants, first_mention, most_mentioned, resolve_entities,
                    summarize, variant_edges)
from .readers import read_papers
from .resolve import Resolver
from .stream import sorted_papers
from .update import plan_update

__all__ = ["ENGINES", "BuildResult", "StepClock", "Progress", "check_build", "run", "extract", "extract_with",
           "transform", "bounded", "load_graph", "BUILD_FILE", "STREAM_BATCH", "MAX_MENTIONS_PER_PAPER", "MAX_MENTIONS_PER_SENTENCE"]

#: ``progress(step, items, total)`` wraps the items a step goes through (a progress bar); returns them.
Progress = Callable[[str, Iterable, "int | None"], Iterable]
#: What a build records of its options, for :func:`load_graph`: ``OUTDIR/.paperkg/build.json``.
BUILD_FILE = "build.json"


def _extract_local(papers: Iterable[Paper], *, workers: int, scheduler: str | None) -> Iterator[PaperEntities]:
    # Extraction loads spaCy: imported when a build extracts, never when it is only configured.
    from .parallel import extract_parallel

    return extract_parallel(papers, workers)


def _extract_dask(papers: Iterable[Paper], *, workers: int, scheduler: str | None) -> Iterator[PaperEntities]:
    from .distributed import extract_dask

    return extract_dask(list(papers), scheduler=scheduler, workers=workers)


#: Where extraction runs: each engine turns papers into results, in input order.
ENGINES: dict[str, Callable[..., Iterator[PaperEntities]]] = {"local": _extract_local, "dask": _extract_dask}


@dataclass
class BuildResult:
    """What a build made: the graph, the files per format, how many papers it extracted.

    ``graph`` is ``None`` for a streamed build (the graph is in its files);
    ``seconds`` gives the wall time of each step (read, extract, resolve,
    graph, one ``export:FORMAT`` per format, state); ``summary`` counts
    papers, entities and edges (:func:`paperkg.graph.summarize`).
    """

    graph: nx.MultiDiGraph | None
    written: dict[str, list[Path]] = field(default_factory=dict)
    papers: int = 0
    extracted: int = 0
    reused: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    summary: dict = field(default_factory=dict)


class StepClock:
    """Wall time of each step, in seconds, in ``laps``.

    :meth:`lap` ends the running step; time inside a :meth:`timing` block
    goes to that block's name instead, and the running step keeps the rest.
    Steps are listed in the order they ran, a block after the step it ran in.

    Examples
    --------
    >>> clock = StepClock()
    >>> with clock.timing("export:csv"):
    ...     pass
    >>> clock.lap("graph")
    >>> list(clock.laps)
    ['graph', 'export:csv']
    """

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()
        self._running = 0.0  # time of the running step, before its timed blocks
        self._blocks_first_seen: list[str] = []  # blocks first timed inside the running step

    def _add(self, name: str, seconds: float) -> None:
        self.laps[name] = round(self.laps.get(name, 0.0) + seconds, 3)

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        blocks = {block: self.laps.pop(block) for block in self._blocks_first_seen} if name not in self.laps else {}
        self._add(name, self._running + now - self._last)
        self.laps.update(blocks)
        self._running, self._last, self._blocks_first_seen = 0.0, now, []

    @contextmanager
    def timing(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        self._running += start - self._last
        try:
            yield
        finally:
            self._last = time.perf_counter()
            if name not in self.laps:
                self._blocks_first_seen.append(name)
            self._add(name, self._last - start)


def extract_with(papers: Iterable[Paper], *, engine: str = "local", workers: int = 1,
                 scheduler: str | None = None) -> Iterator[PaperEntities]:
    """Extract papers, in input order, on the chosen engine.

    Examples
    --------
    >>> [f.entities["repo"] for f in extract_with([Paper("X", "See github.com/a/b.")])]
    [[['github.com/a/b']]]
    """
    if engine not in ENGINES:
        raise PaperkgError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    return ENGINES[engine](papers, workers=workers, scheduler=scheduler)


def transform(results: Iterable[PaperEntities], *, aliases: AliasTable | None = None, corpus_pass: bool = False,
              on_warning: Callable[[Exception], None] | None = None) -> list[PaperEntities]:
    """The transforms between extraction and the graph, in input order: bounds, an alias file, the corpus pass.

    Every command that shows what a build would find (``extract``,
    ``results``, ``eval``) applies exactly these, as :func:`run` does.

    Examples
    --------
    >>> from paperkg.aliases import parse_aliases
    >>> found = extract([Paper("X", "We compare GPT-4 with BERT.")], aliases=parse_aliases(["!BERT"]))
    >>> found[0].entities["model"]
    [['GPT-4']]
    """
    from .extract import apply_aliases, recognise_corpus_names

    transformed = [apply_aliases(bounded(found, on_warning), aliases) for found in results]
    return recognise_corpus_names(transformed) if corpus_pass else transformed


#: Papers a streamed build reads back at a time, for the graph and the sinks: what it holds besides the
#: resolution (the bytes written never depend on it).
STREAM_BATCH = 1_000
#: Entity nodes written to the sinks at a time, after the papers (the bytes never depend on it).
ENTITY_BATCH = 1_000

#: Most mentions a paper keeps, and a sentence: real abstracts name a few dozen things, and a record
#: listing thousands of names would otherwise cost time and output quadratic in its length.
MAX_MENTIONS_PER_PAPER = 1_000
MAX_MENTIONS_PER_SENTENCE = 100


def bounded(found: PaperEntities, on_warning: Callable[[Exception], None] | None = None) -> PaperEntities:
    """``found`` with at most :data:`MAX_MENTIONS_PER_SENTENCE` mentions a sentence and
    :data:`MAX_MENTIONS_PER_PAPER` a paper (the first ones); a warning names a paper that had more.

    Examples
    --------
    >>> listing = " ".join(f"Net{i}" for i in range(150)) + "."
    >>> found = bounded(next(extract_with([Paper("Hostile", listing)])), on_warning=print)
    Hostile: 150 mentions in one sentence; kept the first 100
    >>> len(found.mentions), len(found.entities["model"])
    (100, 100)
    """
    kept, per_sentence = [], Counter()
    for mention in found.mentions:
        if per_sentence[mention.sentence_start] < MAX_MENTIONS_PER_SENTENCE and len(kept) < MAX_MENTIONS_PER_PAPER:
            kept.append(mention)
        per_sentence[mention.sentence_start] += 1
    if len(kept) == len(found.mentions):
        return found
    from .extract import group_mentions

    if on_warning is not None:
        crowded = max(per_sentence.values())
        problem = (f"{crowded} mentions in one sentence; kept the first {MAX_MENTIONS_PER_SENTENCE}"
                   if crowded > MAX_MENTIONS_PER_SENTENCE else
                   f"{len(found.mentions)} mentions; kept the first {MAX_MENTIONS_PER_PAPER}")
        on_warning(PaperkgError(f"{found.paper.sources[0] if found.paper.sources else found.paper.title}: {problem}"))
    return replace(found, mentions=kept, entities=group_mentions(kept),
                   proposes=[name for name in found.proposes if any(m.text == name for m in kept)])


def extract(inputs: Iterable[Paper] | Iterable[str | Path], *, aliases: AliasTable | None = None,
            corpus_pass: bool = False, engine: str = "local", workers: int = 1, scheduler: str | None = None,
            input_format: str | None = None, strict: bool = False,
            on_warning: Callable[[Exception], None] | None = None,
            progress: Progress | None = None) -> list[PaperEntities]:
    """What a build's graph is made of, without the graph: papers read, extracted on the engine, transformed.

    Results come in input order (papers read from files: in reading order, copies merged).
    """
    progress = progress or (lambda step, items, total: items)
    inputs = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    papers = (read_papers(progress("read", inputs, len(inputs)), format=input_format, strict=strict,
                          on_warning=on_warning) if _is_paths(inputs) else inputs)
    found = progress("extract", extract_with(papers, engine=engine, workers=workers, scheduler=scheduler),
                     len(papers))
    return transform(found, aliases=aliases, corpus_pass=corpus_pass, on_warning=on_warning)


def check_build(*, output_dir: str | Path | None, formats: Iterable[str] | None, export_options: dict,
                engine: str, workers: int, scheduler: str | None, stream: bool, update: bool,
                corpus_pass: bool, batch_size: int | None) -> list[str]:
    """Check a build's options together; returns the formats to write. Raises :class:`PaperkgError`.

    Examples
    --------
    >>> check_build(output_dir="out", formats=["csv"], export_options={}, engine="local", workers=1,
    ...             scheduler=None, stream=True, update=False, corpus_pass=True, batch_size=None)
    Traceback (most recent call last):
    ...
    paperkg.core.errors.PaperkgError: a streamed build cannot take --corpus-pass: it needs every paper in memory
    """
    from . import exports

    if engine not in ENGINES:
        raise PaperkgError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if workers < 1 or (batch_size is not None and batch_size < 1):
        raise PaperkgError("workers and batch size must be at least 1")
    if stream:
        for given, option, why in ((corpus_pass, "--corpus-pass", "it needs every paper in memory"),
                                   (update, "--update", "it keeps no extraction in memory to reuse"),
                                   (engine != "local" or scheduler, "--engine dask", "it extracts on this machine")):
            if given:
                raise PaperkgError(f"a streamed build cannot take {option}: {why}")
    if output_dir is None:
        if formats or export_options or update:
            raise PaperkgError("formats, export options and --update need an output folder")
        return []
    return exports.check_options(exports.EXPORTERS if formats is None else formats, export_options)


def run(
    inputs: Iterable[Paper] | Iterable[str | Path],
    output_dir: str | Path | None = None,
    *,
    formats: Iterable[str] | None = None,
    export_options: dict | None = None,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    stream: bool = False,
    batch_size: int | None = None,
    run_size: int = 50_000,
    update: bool = False,
    aliases: AliasTable | None = None,
    corpus_pass: bool = False,
    input_format: str | None = None,
    strict: bool = False,
    on_warning: Callable[[Exception], None] | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the graph of ``inputs`` (papers, or files and folders to read) and write it to ``output_dir``.

    With no ``output_dir`` the graph is only returned. ``update`` adds the
    papers of ``inputs`` that the build in ``output_dir`` has not extracted
    and rewrites its files over all papers. ``batch_size`` papers go to the
    graph and the sinks at a time (default: all at once; :data:`STREAM_BATCH` when
    streamed). See the module docstring for the rest.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> vit = Paper("ViT", "We train ViT on ImageNet.", sources=["a.txt:1"])
    >>> deit = Paper("DeiT", "DeiT beats ViT on ImageNet.", sources=["b.txt:1"])
    >>> first = run([vit], folder, formats=["csv"])
    >>> again = run([deit], folder, formats=["csv"], update=True)
    >>> (first.extracted, again.extracted, again.reused, again.papers)
    (1, 1, 1, 2)
    >>> sorted(again.graph.nodes)[:3]
    ['dataset:imagenet', 'model:deit', 'model:vit']
    """
    export_options = dict(export_options or {})
    chosen = check_build(output_dir=output_dir, formats=formats, export_options=export_options, engine=engine,
                         workers=workers, scheduler=scheduler, stream=stream, update=update,
                         corpus_pass=corpus_pass, batch_size=batch_size)
    aliases = aliases or AliasTable()
    progress = progress or (lambda step, items, total: items)
    locked = output_lock(output_dir) if output_dir is not None else nullcontext()
    with locked:
        staged = None
        if output_dir is not None:
            clear_stale(output_dir)
            staged = stage(output_dir)
        try:
            settings = _Settings(aliases, corpus_pass, engine, workers, scheduler, input_format, strict, on_warning,
                                 progress)
            result = _run(inputs, output_dir, staged, chosen, export_options, stream=stream, batch_size=batch_size,
                          run_size=run_size, update=update, settings=settings)
        except BaseException:
            if staged is not None:
                discard(staged)
            raise
        if staged is not None:
            switch(output_dir, staged)
            result.written = {name: [Path(output_dir) / path.relative_to(staged) for path in paths]
                              for name, paths in result.written.items()}
    return result


def _is_paths(inputs: Iterable) -> bool:
    return isinstance(inputs, (str, Path)) or any(isinstance(item, (str, Path)) for item in inputs)


@dataclass
class _Settings:
    """The options every step of a build reads."""

    aliases: AliasTable
    corpus_pass: bool
    engine: str
    workers: int
    scheduler: str | None
    input_format: str | None
    strict: bool
    on_warning: Callable[[Exception], None] | None
    progress: Progress

    def read(self, paths: list) -> list[Paper]:
        return read_papers(self.progress("read", paths, len(paths)), format=self.input_format, strict=self.strict,
                           on_warning=self.on_warning)

    def extract(self, papers: Iterable[Paper], total: int | None) -> Iterable[PaperEntities]:
        return self.progress("extract", extract_with(papers, engine=self.engine, workers=self.workers,
                                                     scheduler=self.scheduler), total)

    def transform(self, results: Iterable[PaperEntities], *, warn: bool = True) -> list[PaperEntities]:
        return transform(results, aliases=self.aliases, corpus_pass=self.corpus_pass,
                         on_warning=self.on_warning if warn else None)

    def new_resolver(self) -> Resolver:
        return Resolver(preferred=set(self.aliases.canonical.values()))


def _no_papers(inputs: list) -> PaperkgError:
    return PaperkgError(", ".join(map(str, inputs)) + ": no papers found" if _is_paths(inputs) else "no papers to build")


class _InMemory:
    """A corpus that fits in memory: every paper read, what is new extracted, all resolved in paper-id order."""

    def __init__(self, settings: _Settings) -> None:
        self._settings = settings
        self.results: list[PaperEntities] = []
        self.extracted = 0

    def read(self, inputs: list, output_dir: Path | None, update: bool) -> None:
        papers = self._settings.read(inputs) if _is_paths(inputs) else inputs
        self._previous: dict[str, PaperEntities] = {}
        if update:
            papers, self._previous = plan_update(output_dir, papers, strict=self._settings.strict,
                                                 on_warning=self._settings.on_warning)
        if not papers:
            raise _no_papers(inputs)
        self._papers = papers

    def extract(self) -> None:
        todo = [paper for paper in self._papers if text_hash(paper) not in self._previous]
        fresh = {text_hash(found.paper): found for found in self._settings.extract(todo, len(todo))}
        # A reused result takes the merged paper, whose sources and metadata may have grown.
        self.results = [fresh.get(digest) or replace(self._previous[digest], paper=paper)
                        for paper, digest in ((paper, text_hash(paper)) for paper in self._papers)]
        self.extracted = len(fresh)

    def resolve(self) -> Resolver:
        # Paper-id order, as a streamed build meets them: the same papers resolve the same whatever their order.
        self._transformed = sorted(self._settings.transform(self.results), key=lambda found: found.paper.id)
        return resolve_entities(self._settings.progress("resolve", self._transformed, len(self._transformed)),
                                aliases=self._settings.aliases, resolver=self._settings.new_resolver())

    def batches(self, size: int | None) -> Iterator[list[PaperEntities]]:
        return chunked(self._transformed, size or len(self._transformed))

    @property
    def count(self) -> int:
        return len(self.results)

    def save(self, path: Path) -> None:
        # Paper-id order, as a streamed build keeps it: the state does not depend on the order of the inputs.
        write_results(path, sorted(self.results, key=lambda found: found.paper.id))


class _Streamed:
    """A corpus larger than memory: papers sorted on disk, results spilled as they come and resolved on the way."""

    def __init__(self, settings: _Settings, scratch: Path, run_size: int) -> None:
        self._settings, self._scratch, self._run_size = settings, scratch, run_size
        self._spill = scratch / "results.jsonl"
        self.count = self.extracted = 0

    def read(self, inputs: list, output_dir: Path | None, update: bool) -> None:
        self._inputs = inputs
        self._papers = sorted_papers(inputs, self._scratch, run_size=self._run_size,
                                     input_format=self._settings.input_format, strict=self._settings.strict,
                                     on_warning=self._settings.on_warning)

    def extract(self) -> None:
        self._resolver = self._settings.new_resolver()
        with self._spill.open("w", encoding="utf-8") as spill:
            for found in self._settings.extract(self._papers, None):
                spill.write(result_line(found))
                resolve_entities(self._settings.transform([found]), aliases=self._settings.aliases,
                                 resolver=self._resolver)
                self.count += 1
        if not self.count:
            raise _no_papers(self._inputs)
        self.extracted = self.count

    def resolve(self) -> Resolver:
        return self._resolver

    def batches(self, size: int | None) -> Iterator[list[PaperEntities]]:
        results = (found for _, found in read_results(self._spill))
        # The same transform as at resolution, whose warnings were given then.
        return (self._settings.transform(batch, warn=False) for batch in chunked(results, size or STREAM_BATCH))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._spill.replace(path)


def _save_options(staged: Path, aliases: AliasTable, corpus_pass: bool) -> None:
    """Record what :func:`load_graph` needs to rebuild the graph the build wrote."""
    saved = {"aliases": {"canonical": aliases.canonical, "blocked": sorted(aliases.blocked)},
             "corpus_pass": corpus_pass}
    (staged / STATE_DIR / BUILD_FILE).write_text(json.dumps(saved, ensure_ascii=False, sort_keys=True),
                                                  encoding="utf-8")


def _run(inputs, output_dir: Path | None, staged: Path | None, formats: list[str], export_options: dict, *,
         stream: bool, batch_size: int | None, run_size: int, update: bool, settings: _Settings) -> BuildResult:
    clock = StepClock()
    inputs = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    scratch = stage(output_dir) if stream else None
    try:
        corpus = _Streamed(settings, scratch, run_size) if stream else _InMemory(settings)
        corpus.read(inputs, output_dir, update)  # a streamed build sorts on disk as extraction pulls the papers
        clock.lap("read")
        corpus.extract()
        clock.lap("extract")
        resolver = corpus.resolve()
        clock.lap("resolve")
        sinks = _open_sinks(staged, formats, export_options)
        graph, summary = _write_graph(corpus.batches(batch_size), resolver, settings.aliases, sinks, clock,
                                      keep=not stream, progress=settings.progress)
        summary["papers"] = corpus.count
        if staged is not None:
            corpus.save(state_path(staged))
            _save_options(staged, settings.aliases, settings.corpus_pass)
        clock.lap("state")
    finally:
        if scratch is not None:
            discard(scratch)
    written = {name: [staged / file for file in _files(name)] for name in sinks} if staged else {}
    return BuildResult(graph, written, papers=corpus.count, extracted=corpus.extracted,
                       reused=corpus.count - corpus.extracted, seconds=clock.laps, summary=summary)


def _files(name: str) -> tuple[str, ...]:
    from . import exports

    return exports.EXPORTERS[name].files


def _open_sinks(staged: Path | None, formats: list[str], export_options: dict) -> dict:
    from . import exports

    return exports.open_sinks(staged, formats, **export_options) if staged is not None else {}


class _TimedSinks:
    """Every distinct sink of a build (the RDF formats share one), each write timed under its formats' names."""

    def __init__(self, sinks: dict, clock: StepClock) -> None:
        self._clock = clock
        self._sinks: dict[int, tuple[str, object]] = {}
        for name, sink in sinks.items():
            names = self._sinks.get(id(sink), ("", sink))[0]
            self._sinks[id(sink)] = (f"{names}+{name}" if names else name, sink)

    def _each(self, action: Callable[[object], None]) -> None:
        for names, sink in self._sinks.values():
            with self._clock.timing(f"export:{names}"):
                action(sink)

    def write(self, batch: nx.MultiDiGraph, *, entities: bool = False) -> None:
        self._each(lambda sink: sink.write(batch, entities=entities))

    def close(self) -> None:
        self._each(lambda sink: sink.close())

    def abort(self) -> None:
        for _, sink in self._sinks.values():
            sink.abort()


def _write_graph(batches: Iterable[list[PaperEntities]], resolver: Resolver, aliases: AliasTable, sinks: dict,
                 clock: StepClock, *, keep: bool, progress: Progress) -> tuple[nx.MultiDiGraph | None, dict]:
    """Write the papers' graphs, then the entities, then the links between them, into every sink.

    Returns the whole graph when ``keep`` (else ``None``) and the build's summary.
    """
    from .exports import collector_paused

    out = _TimedSinks(sinks, clock)
    written = _Written(keep)
    variants = entity_variants((e.node_id, e.type, [e.name, *e.aliases]) for e in resolver.entities())
    firsts: dict[str, tuple | None] = {node: None for pair in variants for node in pair}
    try:
        with collector_paused():
            # One bar for the graph and the sinks: every format is written a paper at a time as the graph grows.
            for batch in progress("graph", batches, None):
                # One graph per paper: what a sink writes of a paper cannot depend on its batch-mates. Each is
                # written as soon as it is built, so a batch holds its results, never its graphs.
                for found in batch:
                    graph = build_graph([found], aliases=aliases, resolver=resolver)
                    for node in firsts.keys() & graph.nodes:
                        # Papers come in paper-id order, so an entity's first mention is in its first paper.
                        firsts[node] = firsts[node] or first_mention(graph, node)
                    out.write(graph)  # the time outside the sinks goes to the graph step
                    written.add(graph)
                graph = batch = None
                if not keep:
                    # A networkx graph is a reference cycle (its cached edge view points back at it), so with
                    # the collector paused every paper's graph would stay in memory to the end of the build:
                    # 16 KB a paper. The youngest generations hold only what this batch made.
                    gc.collect(1)
                clock.lap("graph")
            linked = nx.MultiDiGraph()  # the variants and their bases, for the variant_of edges
            for entities in chunked(resolver.entities(), ENTITY_BATCH):
                graph = nx.MultiDiGraph()
                graph.add_nodes_from((entity.node_id, entity_attributes(entity)) for entity in entities)
                linked.add_nodes_from((node, graph.nodes[node]) for node in firsts.keys() & graph.nodes)
                clock.lap("graph")
                out.write(graph, entities=True)
                written.add(graph, entities=True)
            for variant, base, attributes in variant_edges(linked, firsts.get):
                linked.add_edge(variant, base, key="variant_of", **attributes)
            clock.lap("graph")
            out.write(linked)
            written.add(linked)
            out.close()
    except BaseException:
        out.abort()
        raise
    return written.graph, written.summary()


class _Written:
    """What went to the sinks, counted for the summary, and gathered into one graph when kept."""

    def __init__(self, keep: bool) -> None:
        self.graph = nx.MultiDiGraph() if keep else None
        self._relations: Counter = Counter()
        self._entities: Counter = Counter()
        self._top: list[dict] = []

    def add(self, graph: nx.MultiDiGraph, *, entities: bool = False) -> None:
        if entities:
            part = summarize(graph)
            self._entities.update(part["entities"])
            self._top = most_mentioned(self._top + part["top"])
        else:
            self._relations.update(relation for _, _, relation in graph.edges(data="relation"))
        if self.graph is not None:
            self.graph.add_nodes_from(graph.nodes(data=True))
            self.graph.add_edges_from(graph.edges(keys=True, data=True))

    def summary(self) -> dict:
        return {"entities": {kind: self._entities[kind] for kind in ENTITY_TYPES}, "top": self._top,
                "edges": dict(sorted(self._relations.items()))}


def _alias_table(saved: dict) -> AliasTable:
    return AliasTable(canonical=dict(saved.get("canonical", {})), blocked=set(saved.get("blocked", [])))


def load_graph(output_dir: str | Path) -> nx.MultiDiGraph:
    """The graph of the build in ``output_dir``, rebuilt from its kept results: nothing is extracted again.

    The aliases and corpus pass the build used apply again, so the graph is the one the build wrote.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> built = run([Paper("ViT", "We train ViT on ImageNet.")], folder, formats=["csv"])
    >>> sorted(load_graph(folder).nodes) == sorted(built.graph.nodes)
    True
    """
    output_dir = Path(output_dir)
    recover(output_dir)
    path = state_path(output_dir)
    if not path.is_file():
        raise PaperkgError(f"{output_dir}: not a paperkg build folder (no {STATE_DIR}/{path.name}); "
                           f"build it with `paperkg build INPUT -o {output_dir}`")
    try:
        saved = json.loads((output_dir / STATE_DIR / BUILD_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        saved = {}
    except ValueError as error:
        raise PaperkgError(f"{output_dir / STATE_DIR / BUILD_FILE}: unreadable ({error})") from None
    aliases = _alias_table(saved.get("aliases", {}))
    extracted = transform((found for _, found in read_results(path)), aliases=aliases,
                          corpus_pass=bool(saved.get("corpus_pass")))
    return build_graph(extracted, aliases=aliases)
