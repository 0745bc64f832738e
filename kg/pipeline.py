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
from .extract import apply_aliases, group_mentions, recognise_corpus_names
from .graph import (build_graph, entity_attributes, entity_variants, first_mention, most_mentioned, resolve_entities,
                    summarize, variant_edges)
from .parallel import extract_parallel
from .readers import read_papers
from .resolve import Resolver
from .stream import sorted_papers
from .update import plan_update

__all__ = ["ENGINES", "BuildResult", "StepClock", "Progress", "check_build", "run", "extract", "extract_with",
           "transform", "bounded", "load_graph", "BUILD_FILE", "MAX_MENTIONS_PER_PAPER", "MAX_MENTIONS_PER_SENTENCE"]

#: ``progress(step, items, total)`` wraps the items a step goes through (a progress bar); returns them.
Progress = Callable[[str, Iterable, "int | None"], Iterable]
#: What a build records of its options, for :func:`load_graph`: ``OUTDIR/.paperkg/build.json``.
BUILD_FILE = "build.json"


def _extract_local(papers: Iterable[Paper], *, workers: int, scheduler: str | None) -> Iterator[PaperEntities]:
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

    Examples
    --------
    >>> clock = StepClock()
    >>> with clock.timing("export:csv"):
    ...     pass
    >>> clock.lap("graph")
    >>> sorted(clock.laps)
    ['export:csv', 'graph']
    """

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()
        self._running = 0.0  # time of the running step, before its timed blocks

    def _add(self, name: str, seconds: float) -> None:
        self.laps[name] = round(self.laps.get(name, 0.0) + seconds, 3)

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self._add(name, self._running + now - self._last)
        self._running, self._last = 0.0, now

    @contextmanager
    def timing(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        self._running += start - self._last
        try:
            yield
        finally:
            self._last = time.perf_counter()
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
    transformed = [apply_aliases(bounded(found, on_warning), aliases) for found in results]
    return recognise_corpus_names(transformed) if corpus_pass else transformed


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
    graph and the sinks at a time (default: all at once; 5,000 when
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
            result = _run(inputs, output_dir, staged, chosen, export_options, engine=engine, workers=workers,
                          scheduler=scheduler, stream=stream, batch_size=batch_size, run_size=run_size,
                          update=update, aliases=aliases, corpus_pass=corpus_pass, input_format=input_format,
                          strict=strict, on_warning=on_warning, progress=progress)
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


def _run(inputs, output_dir, staged: Path | None, formats: list[str], export_options: dict, *, engine, workers,
         scheduler, stream, batch_size, run_size, update, aliases, corpus_pass, input_format, strict, on_warning,
         progress) -> BuildResult:
    clock = StepClock()
    inputs = [inputs] if isinstance(inputs, (str, Path)) else list(inputs) if not stream else inputs
    paths_given = stream or _is_paths(inputs)
    scratch = stage(output_dir) if stream else None
    try:
        # 1. Read (a streamed build sorts on disk as extraction pulls the papers).
        if stream:
            papers: Iterable[Paper] = sorted_papers(inputs, scratch, run_size=run_size, input_format=input_format,
                                                    strict=strict, on_warning=on_warning)
        elif paths_given:
            papers = read_papers(progress("read", inputs, len(inputs)), format=input_format, strict=strict,
                                 on_warning=on_warning)
        else:
            papers = inputs
        previous: dict[str, PaperEntities] = {}
        if update:
            papers, previous = plan_update(output_dir, papers, strict=strict, on_warning=on_warning)
        clock.lap("read")

        # 2. Extract what is new, on the engine; a streamed build spills results to disk as they come.
        if stream:
            results = _SpilledResults(scratch / "results.jsonl")
        else:
            papers = list(papers)
            if not papers:
                raise PaperkgError(", ".join(map(str, inputs)) + ": no papers found" if paths_given
                                   else "no papers to build")
            results = _MemoryResults()
        resolver = Resolver(preferred=set(aliases.canonical.values()))
        todo = (paper for paper in papers if text_hash(paper) not in previous) if previous else papers
        fresh = {text_hash(found.paper): found
                 for found in progress("extract", extract_with(todo, engine=engine, workers=workers,
                                                               scheduler=scheduler),
                                       None if stream else len(papers) - len(previous))} if not stream else None
        if stream:
            for found in progress("extract", extract_with(papers, workers=workers), None):
                results.add(found)
                resolve_entities(transform([found], aliases=aliases, on_warning=on_warning), aliases=aliases,
                                 resolver=resolver)
            if not results.count:
                raise PaperkgError(", ".join(map(str, inputs)) + ": no papers found")
        else:
            for paper in papers:
                digest = text_hash(paper)
                # A reused result takes the merged paper, whose sources and metadata may have grown.
                results.add(fresh[digest] if digest in fresh else replace(previous[digest], paper=paper))
        clock.lap("extract")
        extracted = len(fresh) if fresh is not None else results.count

        # 3. Transform and resolve (a streamed build resolved as it extracted).
        if not stream:
            # Paper-id order, as a streamed build meets them: the same papers resolve the same whatever their order.
            transformed = sorted(transform(results, aliases=aliases, corpus_pass=corpus_pass, on_warning=on_warning),
                                 key=lambda found: found.paper.id)
            resolve_entities(transformed, aliases=aliases, resolver=resolver)
            batches_of = lambda size: chunked(transformed, size)
        else:
            batches_of = lambda size: (
                transform(batch, aliases=aliases) for batch in chunked(results.in_paper_order(), size))
        clock.lap("resolve")

        # 4. The graph, a batch at a time, into every sink.
        sinks = _open_sinks(staged, formats, export_options)
        graph, summary = _write_graph(batches_of(batch_size or (5_000 if stream else 1 << 62)), resolver, aliases,
                                      sinks, clock, keep=not stream, progress=progress)
        summary["papers"] = results.count

        # 5. What the build remembers: its results for --update, and its options for load_graph.
        if staged is not None:
            results.save(state_path(staged))
            aliases_saved = {"canonical": aliases.canonical, "blocked": sorted(aliases.blocked)}
            (staged / STATE_DIR / BUILD_FILE).write_text(json.dumps(
                {"aliases": aliases_saved, "corpus_pass": corpus_pass}, ensure_ascii=False, sort_keys=True),
                encoding="utf-8")
        clock.lap("state")
    finally:
        if scratch is not None:
            discard(scratch)
    return BuildResult(graph, {name: [staged / file for file in _files(name)] for name in sinks} if staged else {},
                       papers=results.count, extracted=extracted, reused=results.count - extracted,
                       seconds=clock.laps, summary=summary)


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
    """Write the papers' graph a batch at a time, then the entities, then the links between them.

    Returns the whole graph when ``keep`` (else ``None``) and the build's summary.
    """
    from .exports import collector_paused
    from .exports.sink import entity_batch

    out = _TimedSinks(sinks, clock)
    whole = nx.MultiDiGraph() if keep else None
    relations: Counter = Counter()
    variants = entity_variants((e.node_id, e.type, [e.name, *e.aliases]) for e in resolver.entities())
    firsts: dict[str, tuple | None] = {node: None for pair in variants for node in pair}
    try:
        with collector_paused():
            for batch in progress("graph", batches, None):
                # One graph per paper: what a sink writes of a paper cannot depend on its batch-mates.
                graphs = [build_graph([found], aliases=aliases, resolver=resolver) for found in batch]
                clock.lap("graph")
                for graph in graphs:
                    for node in firsts.keys() & graph.nodes:
                        # Papers come in paper-id order, so an entity's first mention is in its first paper.
                        firsts[node] = firsts[node] or first_mention(graph, node)
                    relations.update(relation for _, _, relation in graph.edges(data="relation"))
                    out.write(graph)
                    if keep:
                        _add_to(whole, graph)
            summary = {"entities": Counter(), "top": []}
            linked = nx.MultiDiGraph()  # the variants and their bases, for the variant_of edges
            for entities in chunked(resolver.entities(), 5_000):
                graph = nx.MultiDiGraph()
                graph.add_nodes_from((entity.node_id, entity_attributes(entity)) for entity in entities)
                linked.add_nodes_from((node, graph.nodes[node]) for node in firsts.keys() & graph.nodes)
                part = summarize(graph)
                summary["entities"].update(part["entities"])
                summary["top"] = most_mentioned(summary["top"] + part["top"])
                clock.lap("graph")
                out.write(entity_batch(graph), entities=True)
                if keep:
                    _add_to(whole, graph)
            for variant, base, attributes in variant_edges(linked, firsts.get):
                linked.add_edge(variant, base, key="variant_of", **attributes)
            relations.update(relation for _, _, relation in linked.edges(data="relation"))
            clock.lap("graph")
            out.write(linked)
            out.close()
    except BaseException:
        out.abort()
        raise
    if keep:
        _add_to(whole, linked)
    summary["entities"] = {kind: summary["entities"][kind] for kind in ENTITY_TYPES}
    summary["edges"] = dict(sorted(relations.items()))
    return whole, summary


def _add_to(whole: nx.MultiDiGraph, part: nx.MultiDiGraph) -> None:
    whole.add_nodes_from(part.nodes(data=True))
    whole.add_edges_from(part.edges(keys=True, data=True))


class _MemoryResults:
    """Extraction results held in memory, in input order."""

    def __init__(self) -> None:
        self._results: list[PaperEntities] = []

    def add(self, found: PaperEntities) -> None:
        self._results.append(found)

    def __iter__(self) -> Iterator[PaperEntities]:
        return iter(self._results)

    @property
    def count(self) -> int:
        return len(self._results)

    def save(self, path: Path) -> None:
        write_results(path, self._results)


class _SpilledResults:
    """Extraction results spilled to a file as they come (in paper-id order: the papers were sorted)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._handle = path.open("w", encoding="utf-8")
        self.count = 0

    def add(self, found: PaperEntities) -> None:
        self._handle.write(result_line(found))
        self.count += 1

    def in_paper_order(self) -> Iterator[PaperEntities]:
        self._handle.close()
        return (found for _, found in read_results(self._path))

    def save(self, path: Path) -> None:
        self._handle.close()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._path.replace(path)


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
