"""Sinks: every export format written from batches of the graph, with one interface.

A build hands each format's sink the graph a batch at a time, in this order:

1. ``write(paper)`` once per paper, in paper-id order: the graph of one
   paper, the result nodes it reports, the entity nodes it names (their
   attributes already the whole corpus's) and every edge among them. The
   sink writes every node that is not an entity and every edge; entity nodes
   are there to be looked up, not written. (A whole graph, as
   :func:`write_graph` hands it, may hold many papers.)
2. ``write(batch, entities=True)`` once per batch of entity nodes: graphs of
   entity nodes only, no edges. The sink writes these nodes.
3. ``write(links)`` once: entity nodes (not to be written) and the edges
   between them that need the whole corpus (``variant_of``).
4. ``close()`` finishes the files (footers, totals) and moves each into
   place atomically; ``abort()`` removes what was written instead.

Because a paper's output depends only on that paper, a build in one batch
and a build in batches of seven papers write the same bytes. Anything that
needs the whole corpus goes in a header or is written at ``close()``.

Examples
--------
>>> import tempfile, networkx as nx
>>> from paperkg.exports import EXPORTERS
>>> g = nx.MultiDiGraph()
>>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
>>> sink = EXPORTERS["ntriples"].open([Path(tempfile.mkdtemp()) / "graph.nt"])
>>> write_graph(sink, g)
>>> sum(1 for _ in open(sink.paths[0]))
3
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import IO, Protocol

import networkx as nx

from paperkg.core.atomic import atomic_write
from paperkg.core.records import chunked
from paperkg.core.schema import ENTITY_TYPES

from .evidence import DEFAULT_EVIDENCE
from .ntriples import ntriples_chunks
from .rdf import generate_triples, rule_triples, subject_runs
from .vocab import DEFAULT_BASE_IRI

__all__ = ["Sink", "FileSink", "RdfSink", "TextLoader", "write_graph", "entity_batch", "chunks_fed"]


class Sink(Protocol):
    """What every export format offers a build: batches in, files out."""

    paths: list[Path]

    def write(self, batch: nx.MultiDiGraph, *, entities: bool = False) -> None: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


def entity_batch(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The entity nodes of ``graph`` with their attributes, and no edges: a step-2 batch."""
    entities = nx.MultiDiGraph()
    entities.add_nodes_from((node, data) for node, data in graph.nodes(data=True) if data["kind"] in ENTITY_TYPES)
    return entities


def write_graph(sink: Sink, graph: nx.MultiDiGraph) -> None:
    """Write a whole graph through ``sink`` as a build of one batch would, and close it (abort on failure)."""
    try:
        sink.write(graph)
        sink.write(entity_batch(graph), entities=True)
    except BaseException:
        sink.abort()
        raise
    sink.close()


class FileSink:
    """A sink writing text files atomically: each opened at once, moved into place at :meth:`close`.

    Subclasses write their text with :meth:`emit` (one handle per path).
    """

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = [Path(path) for path in paths]
        self._stack = ExitStack()
        self.handles: list[IO] = [self._stack.enter_context(atomic_write(path)) for path in self.paths]

    def emit(self, index: int, chunks: Iterable[str]) -> None:
        self.handles[index].writelines(chunks)

    def write(self, batch: nx.MultiDiGraph, *, entities: bool = False) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Write what comes after the last batch (a footer); called by :meth:`close`."""

    def close(self) -> None:
        try:
            self.finish()
        except BaseException:
            self.abort()
            raise
        self._stack.close()

    def abort(self) -> None:
        # atomic_write removes its temporary file when the block ends in an exception.
        self._stack.__exit__(RuntimeError, RuntimeError("export aborted"), None)


class RdfSink(FileSink):
    """Every RDF format of a build from one pass over each batch's triples.

    ``writers`` maps each file to its text from runs of triples with one
    subject (:func:`~paperkg.exports.rdf.subject_runs`) and the base IRI
    (``make_chunks(runs, base_iri=...)``), one chunk per run, after a header
    chunk. The runs of a few hundred subjects go to each file
    in one write.
    """

    _RUNS_PER_WRITE = 512

    def __init__(self, writers: dict[Path, Callable[[Iterator], Iterator[str]]], *,
                 base_iri: str = DEFAULT_BASE_IRI, evidence: str = DEFAULT_EVIDENCE,
                 store: TextLoader | None = None, store_text: Path | None = None) -> None:
        super().__init__(writers)
        self._base_iri, self._evidence = base_iri, evidence
        self._rules: set[str] = set()  # written once, at the end, as their prov:Activity
        self._feeds = []
        for index, make_chunks in enumerate(writers.values()):
            header, feed, end = chunks_fed(partial(make_chunks, base_iri=base_iri))
            self.emit(index, [header])
            self._feeds.append((feed, end))
        # The store takes the N-Triples text of each write: the very chunks of store_text's file when it is
        # one of ours (its text is N-Triples), else made from the same runs. Its triples are never made twice.
        self._store = store
        self._store_index = list(self.paths).index(Path(store_text)) if store_text in writers else None

    def write(self, batch: nx.MultiDiGraph, *, entities: bool = False) -> None:
        self._write_runs(subject_runs(generate_triples(batch, self._base_iri, entities=entities, rules=self._rules,
                                                      evidence=self._evidence)))

    def _write_runs(self, runs: Iterable[list]) -> None:
        loaded: list[str] = []
        for some in chunked(runs, self._RUNS_PER_WRITE):
            for index, (feed, _) in enumerate(self._feeds):
                chunks = [feed(run) for run in some]
                self.emit(index, chunks)
                if index == self._store_index:
                    loaded += chunks
            if self._store is not None and self._store_index is None:
                loaded += ntriples_chunks(some)
        if self._store is not None:
            self._store.add_text("".join(loaded))  # one write's text at once: its blank nodes stay one load's

    def finish(self) -> None:
        self._write_runs(subject_runs(rule_triples(self._rules, self._base_iri)))
        for index, (_, end) in enumerate(self._feeds):
            self.emit(index, [end()])

    def close(self) -> None:
        super().close()  # on failure, aborts the store too
        if self._store is not None:
            self._store.close()

    def abort(self) -> None:
        super().abort()
        if self._store is not None:
            self._store.abort()


class TextLoader(Protocol):
    """What :class:`RdfSink` feeds besides its files: N-Triples text, a write at a time (the store)."""

    def add_text(self, text: str) -> None: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


def chunks_fed(make_chunks: Callable[[Iterator], Iterator[str]]) -> tuple[str, Callable[[object], str], Callable[[], str]]:
    """Drive a chunk generator that turns each input item into exactly one chunk, an item at a time.

    ``make_chunks(items)`` is a writer such as :func:`~paperkg.exports.turtle.turtle_chunks`:
    a header chunk first, then one chunk per item, then whatever it writes
    after the last. Returns ``(header, feed, end)``: ``feed(item)`` gives the
    item's chunk, ``end()`` the text after the last item.

    Examples
    --------
    >>> def bracketed(items):
    ...     yield "["
    ...     for item in items:
    ...         yield str(item)
    ...     yield "]"
    >>> header, feed, end = chunks_fed(bracketed)
    >>> header + feed(1) + feed(2) + end()
    '[12]'
    """
    pending: list = []
    finished = False

    def items() -> Iterator:
        while pending or not finished:
            yield pending.pop()

    chunks = make_chunks(items())
    header = next(chunks)

    def feed(item: object) -> str:
        pending.append(item)
        return next(chunks)

    def end() -> str:
        nonlocal finished
        finished = True
        return "".join(chunks)

    return header, feed, end
