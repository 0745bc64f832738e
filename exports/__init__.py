"""Exporters, one module per format, in one registry keyed by format name.

Each format module offers ``generate_X(graph)`` (streamed text) and
``write_X(graph, path)``; the registry knows which files a format writes and
which options (``base_iri``, ...) it takes, so :func:`export` can write any
selection of formats into a folder.
"""
from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from . import graphml, html, jsonld, ntriples, tables, turtle

__all__ = ["Exporter", "EXPORTERS", "export"]


@dataclass(frozen=True)
class Exporter:
    """A registered output format: the files it writes and the function that writes them."""

    name: str
    files: tuple[str, ...]
    description: str
    write: Callable[..., None]

    def options(self) -> set[str]:
        """The keyword options the writer accepts."""
        return {p.name for p in inspect.signature(self.write).parameters.values() if p.kind is p.KEYWORD_ONLY}


EXPORTERS: dict[str, Exporter] = {
    exporter.name: exporter
    for exporter in (
        Exporter("turtle", ("graph.ttl",), "RDF in Turtle, for triple stores", turtle.write_turtle),
        Exporter("jsonld", ("graph.jsonld",), "RDF in JSON-LD, for web tools", jsonld.write_jsonld),
        Exporter("ntriples", ("graph.nt",), "RDF in N-Triples, streamed; for bulk loading", ntriples.write_ntriples),
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
    written = {}
    for name in selected:
        exporter = EXPORTERS[name]
        paths = [folder / file for file in exporter.files]
        exporter.write(graph, *paths, **{k: v for k, v in options.items() if k in exporter.options()})
        written[name] = paths
    return written
