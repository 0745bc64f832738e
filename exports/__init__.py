"""Exporters, one module per format, in one registry keyed by format name.

Each format module offers ``generate_X(graph)`` (streamed text) and
``write_X(graph, path)`` for a whole graph; the registry opens each format's
:class:`~paperkg.exports.sink.Sink`, which a build writes a batch at a time.
:data:`EXPORTERS` is the only list of formats: the CLI's choices, the build's
defaults and the tests derive from it. The RDF formats share one pass over
each batch's triples (:class:`~paperkg.exports.sink.RdfSink`).
"""
from __future__ import annotations

import gc
import inspect
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from paperkg.core.errors import PaperkgError

from . import graphml, html, jsonld, ntriples, parquet, store, tables, turtle
from .evidence import DEFAULT_EVIDENCE, check_evidence
from .sink import RdfSink, Sink, write_graph
from .vocab import DEFAULT_BASE_IRI, base_iri_problem

__all__ = ["Exporter", "EXPORTERS", "export", "open_sinks", "check_options"]


@dataclass(frozen=True)
class Exporter:
    """A registered output format: the files it writes and how to open its sink.

    ``open(paths, **options)`` returns the format's sink writing ``paths``
    (the files named by ``files``, in a folder). An RDF format also has
    ``text_of_runs``: its text from runs of triples with one subject and the
    base IRI (``text_of_runs(runs, base_iri=...)``), so that all the RDF
    formats of a build share one :class:`RdfSink`.
    """

    name: str
    files: tuple[str, ...]
    description: str
    open: Callable[..., Sink]
    text_of_runs: Callable[..., Iterator[str]] | None = None

    def options(self) -> set[str]:
        """The keyword options the format takes."""
        return {p.name for p in inspect.signature(self.open).parameters.values() if p.kind is p.KEYWORD_ONLY}


def _open_rdf(text_of_runs: Callable[..., Iterator[str]]) -> Callable[..., Sink]:
    def open_rdf(paths: list[Path], *, base_iri: str = DEFAULT_BASE_IRI, evidence: str = DEFAULT_EVIDENCE) -> Sink:
        return RdfSink({paths[0]: text_of_runs}, base_iri=base_iri, evidence=evidence)

    return open_rdf


def _ntriples_text(runs: Iterable, *, base_iri: str = DEFAULT_BASE_IRI) -> Iterator[str]:
    yield ""  # N-Triples has no header, and writes every IRI in full whatever the base
    yield from ntriples.ntriples_chunks(runs)


def _open_html(paths: list[Path], *, max_nodes: int = html.DEFAULT_MAX_NODES) -> Sink:
    return html.HtmlSink(paths[0], max_nodes=max_nodes)


EXPORTERS: dict[str, Exporter] = {
    exporter.name: exporter
    for exporter in (
        Exporter("turtle", ("graph.ttl",), "RDF in Turtle, for triple stores", _open_rdf(turtle.turtle_chunks),
                 turtle.turtle_chunks),
        Exporter("jsonld", ("graph.jsonld",), "RDF in JSON-LD, for web tools", _open_rdf(jsonld.jsonld_chunks),
                 jsonld.jsonld_chunks),
        Exporter("ntriples", ("graph.nt",), "RDF in N-Triples, streamed; for bulk loading",
                 _open_rdf(_ntriples_text), _ntriples_text),
        Exporter("graphml", ("graph.graphml",), "GraphML, for Gephi, Cytoscape and networkx",
                 lambda paths, *, evidence=DEFAULT_EVIDENCE: graphml.GraphMLSink(*paths, evidence=evidence)),
        Exporter("html", ("graph.html",), "interactive viewer that works offline", _open_html),
        Exporter("csv", ("nodes.csv", "edges.csv", "mentions.csv"),
                 "node, edge and mention tables, for pandas and spreadsheets",
                 lambda paths, *, evidence=DEFAULT_EVIDENCE: tables.TablesSink(*paths, evidence=evidence)),
        Exporter("parquet", ("nodes.parquet", "edges.parquet", "mentions.parquet"),
                 "the same tables as Parquet, for pandas, polars and DuckDB",
                 lambda paths, *, evidence=DEFAULT_EVIDENCE: parquet.ParquetSink(*paths, evidence=evidence)),
        Exporter("store", ("store",), "Oxigraph store, filled during the build, for paperkg query",
                 lambda paths, *, base_iri=DEFAULT_BASE_IRI, evidence=DEFAULT_EVIDENCE:
                 store.StoreSink(*paths, base_iri=base_iri, evidence=evidence)),
    )
}


def check_options(formats: Iterable[str], options: dict[str, object]) -> list[str]:
    """The formats to write, checked with their options; raises :class:`PaperkgError` on any problem.

    An unknown format, an option no chosen format takes, and an invalid
    ``base_iri`` are errors, so a build never silently ignores what it was asked.

    Examples
    --------
    >>> check_options(["csv", "turtle"], {"base_iri": "https://example.org/kg/"})
    ['csv', 'turtle']
    >>> check_options(["csv"], {"base_iri": "https://example.org/kg/"})
    Traceback (most recent call last):
    ...
    paperkg.core.errors.PaperkgError: base_iri applies to turtle, jsonld, ntriples, store, none of which is being written
    """
    selected = list(dict.fromkeys(formats))
    unknown = [name for name in selected if name not in EXPORTERS]
    if unknown:
        raise PaperkgError(f"unknown export format(s) {', '.join(unknown)}; choose from {', '.join(EXPORTERS)}")
    for option in options:
        takers = [name for name, exporter in EXPORTERS.items() if option in exporter.options()]
        if not takers:
            raise PaperkgError(f"unknown export option {option!r}")
        if not set(takers) & set(selected):
            raise PaperkgError(f"{option} applies to {', '.join(takers)}, none of which is being written")
    if "base_iri" in options and (problem := base_iri_problem(str(options["base_iri"]))):
        raise PaperkgError(problem)
    if "evidence" in options:
        check_evidence(options["evidence"])
    return selected


def open_sinks(folder: str | Path, formats: Iterable[str] | None = None, **options: object) -> dict[str, Sink]:
    """Open a sink for each format, writing into ``folder``; the RDF formats share one.

    Options are checked first (:func:`check_options`); nothing is opened if one is wrong.
    """
    folder = Path(folder)
    selected = check_options(EXPORTERS if formats is None else formats, options)
    sinks: dict[str, Sink] = {}
    rdf = {folder / EXPORTERS[name].files[0]: EXPORTERS[name].text_of_runs
           for name in selected if EXPORTERS[name].text_of_runs}
    rdf_options = {k: v for k, v in options.items() if k in ("base_iri", "evidence")}
    try:
        shared = None
        if rdf:
            # The store loads the triples the RDF files are written from, in the same pass (the N-Triples
            # text itself when graph.nt is written), instead of making them again.
            store_sink = (store.StoreSink(folder / EXPORTERS["store"].files[0], **rdf_options)
                          if "store" in selected else None)
            try:
                shared = RdfSink(rdf, **rdf_options, store=store_sink,
                                 store_text=folder / EXPORTERS["ntriples"].files[0])
            except BaseException:
                if store_sink is not None:
                    store_sink.abort()
                raise
        for name in selected:
            exporter = EXPORTERS[name]
            if exporter.text_of_runs or (name == "store" and shared is not None):
                sinks[name] = shared
            else:
                taken = {key: value for key, value in options.items() if key in exporter.options()}
                sinks[name] = exporter.open([folder / file for file in exporter.files], **taken)
    except BaseException:
        for sink in {id(sink): sink for sink in sinks.values()}.values():
            sink.abort()
        raise
    return sinks


def export(graph: nx.MultiDiGraph, folder: str | Path, formats: Iterable[str] | None = None,
           **options: object) -> dict[str, list[Path]]:
    """Write the graph in each format into ``folder``; returns the files per format.

    Examples
    --------
    >>> import tempfile
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
    >>> written = export(g, tempfile.mkdtemp(), ["csv", "ntriples"])
    >>> {name: [p.name for p in paths] for name, paths in written.items()}
    {'csv': ['nodes.csv', 'edges.csv', 'mentions.csv'], 'ntriples': ['graph.nt']}
    """
    sinks = open_sinks(folder, formats, **options)
    with collector_paused():
        for sink in {id(sink): sink for sink in sinks.values()}.values():
            write_graph(sink, graph)
    return {name: [Path(folder) / file for file in EXPORTERS[name].files] for name in sinks}


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block, then restore it as it was.

    Exporters make no reference cycles (reference counting frees their records
    and lines), but the many records alive at once (GraphML's, the tables')
    set off full collections, each walking every object of the graph: 0.13
    CPU s of an export of 500 papers that took about 1 s.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
