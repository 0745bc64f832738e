"""Exporters, one module per format, in one registry keyed by format name.

Each format module offers ``generate_X(graph)`` (streamed text) and
``write_X(graph, path)``; the registry knows which files a format writes and
which options (``base_iri``, ...) it takes, so :func:`export` can write any
selection of formats into a folder. The RDF formats also write text from runs
of triples (``X_chunks(runs)``), so one export generates the triples once for
all of them.
"""
from __future__ import annotations

import gc
import inspect
import itertools
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from paperkg.core.atomic import atomic_write

from . import graphml, html, jsonld, ntriples, tables, turtle
from .rdf import Triple, generate_triples, subject_runs

__all__ = ["Exporter", "EXPORTERS", "export"]

#: Runs of triples whose text goes to the RDF files in one write each.
_RUNS_PER_WRITE = 512


@dataclass(frozen=True)
class Exporter:
    """A registered output format: the files it writes and the function that writes them.

    An RDF format also has ``text_of_runs``: its text from runs of triples with
    one subject (:func:`exports.rdf.subject_runs`), one chunk per run.
    """

    name: str
    files: tuple[str, ...]
    description: str
    write: Callable[..., None]
    text_of_runs: Callable[[Iterable[list[Triple]]], Iterator[str]] | None = None

    def options(self) -> set[str]:
        """The keyword options the writer accepts."""
        return {p.name for p in inspect.signature(self.write).parameters.values() if p.kind is p.KEYWORD_ONLY}


EXPORTERS: dict[str, Exporter] = {
    exporter.name: exporter
    for exporter in (
        Exporter("turtle", ("graph.ttl",), "RDF in Turtle, for triple stores", turtle.write_turtle,
                 turtle.turtle_chunks),
        Exporter("jsonld", ("graph.jsonld",), "RDF in JSON-LD, for web tools", jsonld.write_jsonld,
                 jsonld.jsonld_chunks),
        Exporter("ntriples", ("graph.nt",), "RDF in N-Triples, streamed; for bulk loading", ntriples.write_ntriples,
                 ntriples.ntriples_chunks),
        Exporter("graphml", ("graph.graphml",), "GraphML, for Gephi, Cytoscape and networkx", graphml.write_graphml),
        Exporter("html", ("graph.html",), "interactive viewer that works offline", html.write_html),
        Exporter("csv", ("nodes.csv", "edges.csv"), "node and edge tables, for pandas and spreadsheets",
                 tables.write_tables),
    )
}


def export(graph: nx.MultiDiGraph, folder: str | Path, formats: Iterable[str] | None = None,
           **options: object) -> dict[str, list[Path]]:
    """Write the graph in each format into ``folder``; returns the files per format.

    Options a format does not take are ignored by it (``base_iri`` only
    concerns the RDF formats).

    Examples
    --------
    >>> import tempfile
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
    >>> written = export(g, tempfile.mkdtemp(), ["csv", "ntriples"])
    >>> {name: [p.name for p in paths] for name, paths in written.items()}
    {'csv': ['nodes.csv', 'edges.csv'], 'ntriples': ['graph.nt']}
    """
    folder = Path(folder)
    selected = list(EXPORTERS) if formats is None else list(formats)
    unknown = [name for name in selected if name not in EXPORTERS]
    if unknown:
        raise ValueError(f"unknown export format(s) {', '.join(unknown)}; choose from {', '.join(EXPORTERS)}")
    written = {name: [folder / file for file in EXPORTERS[name].files] for name in selected}
    rdf_formats = [name for name in selected if EXPORTERS[name].text_of_runs is not None]
    shared = rdf_formats if len(rdf_formats) > 1 else []
    with _collector_paused():
        for name in selected:
            exporter = EXPORTERS[name]
            exporter_options = {k: v for k, v in options.items() if k in exporter.options()}
            if name not in shared:
                exporter.write(graph, *written[name], **exporter_options)
            elif name == shared[0]:
                _write_rdf(graph, {name: written[name][0] for name in shared}, **exporter_options)
    return written


@contextmanager
def _collector_paused() -> Iterator[None]:
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


def _write_rdf(graph: nx.MultiDiGraph, paths: dict[str, Path], **options: object) -> None:
    """Write every RDF format named in ``paths`` from one pass over the graph's triples.

    Each writer turns a run into exactly one chunk, so pulling a chunk from
    each in turn keeps them in step and the runs in between stay few. The
    chunks of a few hundred runs go to each file in one write (a write per
    run and file was 92,000 writes for 500 papers).
    """
    copies = itertools.tee(subject_runs(generate_triples(graph, **options)), len(paths))
    with ExitStack() as stack:
        handles = [stack.enter_context(atomic_write(path)) for path in paths.values()]
        texts = [EXPORTERS[name].text_of_runs(runs) for name, runs in zip(paths, copies)]
        steps = itertools.zip_longest(*texts, fillvalue="")
        while batch := list(itertools.islice(steps, _RUNS_PER_WRITE)):
            for handle, chunks in zip(handles, zip(*batch)):
                handle.write("".join(chunks))
