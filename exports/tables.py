"""Node, edge and mention tables: CSV files for spreadsheets, pandas frames for notebooks.

The files store evidence once (:mod:`paperkg.exports.evidence`): ``nodes.csv``
(papers with their text, results, entities), ``edges.csv`` (one row per edge,
one ``mentions`` row per paper and entity, ``evidence`` the id of a mention)
and ``mentions.csv`` (each mention once: paper, node, offsets of the mention
and of its sentence in the paper text, rule, confidence), joined by id.

Cells a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, tab or carriage return) are written with a leading ``'``, the
OWASP advice, so opening the CSV runs nothing.

The frames (:func:`nodes_frame`, :func:`edges_frame`) are the in-memory
graph as it is, every attribute of every node and edge, evidence on each edge.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace

from typing import TYPE_CHECKING

import networkx as nx

from .evidence import (DEFAULT_EVIDENCE, EDGE_COLUMNS, MENTION_COLUMNS, NODE_COLUMNS, edge_records,
                       mention_records, node_records)
from .graphml import flat_edges, flat_nodes
from .sink import FileSink, write_graph

if TYPE_CHECKING:  # pandas is imported by the functions that make frames: a build never needs it
    import pandas as pd

__all__ = ["nodes_frame", "edges_frame", "node_rows", "edge_rows", "columns_of", "csv_lines", "record_lines",
           "generate_csv", "write_tables", "table_records", "TablesSink", "NODE_COLUMNS", "EDGE_COLUMNS", "MENTION_COLUMNS",
           "TABLES"]

#: The tables of an export, each with its columns, in file order.
TABLES = {"nodes": NODE_COLUMNS, "edges": EDGE_COLUMNS, "mentions": MENTION_COLUMNS}

# The frames' columns: every attribute of the in-memory graph, evidence on each edge.
_FRAME_NODE_COLUMNS = ("id", "kind", "label", "aliases", "mention_count", "paper_count",
                       "arxiv_id", "authors", "categories", "update_date", "sources",
                       "abstract", "baseline", "benchmark", "confidence", "dataset", "end", "metric", "model", "rule",
                       "sentence", "sentence_start", "start", "title", "unit", "value")
_FRAME_EDGE_COLUMNS = ("source", "target", "relation", "paper", "mention", "sentence", "start", "end",
                       "sentence_start", "rule", "confidence")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def columns_of(known: tuple[str, ...], rows: list[dict]) -> list[str]:
    """The known columns, then any other attribute the rows have, in name order.

    Examples
    --------
    >>> columns_of(("id", "label"), [{"id": 1, "zeta": 2, "label": 3, "alpha": 4}])
    ['id', 'label', 'alpha', 'zeta']
    """
    extra = sorted({key for row in rows for key in row} - set(known))
    return [*known, *extra]


def node_rows(graph: nx.MultiDiGraph) -> list[dict]:
    """One flat record per node, every attribute (see :func:`exports.graphml.flat_graph`), ``id`` first."""
    return [{"id": node, **data} for node, data in flat_nodes(graph)]


def edge_rows(graph: nx.MultiDiGraph) -> list[dict]:
    """One flat record per edge, every attribute and its evidence; ``paper`` is the paper the edge comes from."""
    return [{"source": u, "target": v, **data, "paper": data.get("paper", u)} for u, v, _, data in flat_edges(graph)]


def nodes_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per node (papers, entities, results), lists joined with `` | ``; attributes beyond
    the known ones follow as extra columns.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("model:gpt4", kind="model", label="GPT-4", aliases=["GPT 4"], mention_count=2)
    >>> nodes_frame(g)[["id", "label", "aliases"]].to_dict("records")
    [{'id': 'model:gpt4', 'label': 'GPT-4', 'aliases': 'GPT 4'}]
    """
    import pandas as pd

    rows = node_rows(graph)
    return pd.DataFrame(rows, columns=columns_of(_FRAME_NODE_COLUMNS, rows)).convert_dtypes()


def edges_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per edge, with its evidence; ``paper`` is the paper the edge comes from."""
    import pandas as pd

    rows = edge_rows(graph)
    return pd.DataFrame(rows, columns=columns_of(_FRAME_EDGE_COLUMNS, rows)).convert_dtypes()


def _cell(value: object) -> object:
    """What the CSV writer gets for a cell: text formula-neutralised, missing values (NA, NaN) empty."""
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    # pandas' NA (whose ``!=`` is NA again) by its type, NaN by ``value != value``: far cheaper than
    # pd.isna on millions of cells, and no pandas import for a build.
    return "" if type(value).__name__ == "NAType" or value != value else value


def csv_lines(rows: Iterable[Iterable], header: Iterable[str] | None = None) -> Iterator[str]:
    """CSV lines for rows of cells (an optional header first), formula-neutralised; missing cells empty.

    Examples
    --------
    >>> "".join(csv_lines([["=HYPERLINK(1)", None], ["BLEU", 0.5]], header=["label", "value"]))
    "label,value\\r\\n'=HYPERLINK(1),\\r\\nBLEU,0.5\\r\\n"
    """
    # writerow returns what the file's write returns: here the line itself.
    line = csv.writer(SimpleNamespace(write=str)).writerow
    if header is not None:
        yield line(header)
    for row in rows:
        # Most cells are None, which the writer leaves empty without a call of _cell.
        yield line([None if cell is None else _cell(cell) for cell in row])


def record_lines(records: Iterable[dict], columns: list[str], *, header: bool = True) -> Iterator[str]:
    """CSV lines for dict records under ``columns`` (keys outside them are left out)."""
    return csv_lines(([record.get(column) for column in columns] for record in records),
                     columns if header else None)


def generate_csv(frame: pd.DataFrame) -> Iterator[str]:
    """CSV lines for a frame, formula-neutralised.

    Examples
    --------
    >>> import pandas as pd
    >>> "".join(generate_csv(pd.DataFrame({"label": ["=HYPERLINK(1)", "BLEU"], "value": [pd.NA, 0.5]})))
    "label,value\\r\\n'=HYPERLINK(1),\\r\\nBLEU,0.5\\r\\n"
    """
    return csv_lines(frame.itertuples(index=False), frame.columns)


def table_records(batch: nx.MultiDiGraph, *, entities: bool, evidence: str) -> dict[str, list[dict]]:
    """The rows a batch adds to each table (:data:`TABLES`)."""
    if entities:
        return {"nodes": node_records(batch, entities=True, evidence=evidence), "edges": [], "mentions": []}
    return {"nodes": node_records(batch, entities=False, evidence=evidence),
            "edges": edge_records(batch, evidence=evidence), "mentions": mention_records(batch, evidence=evidence)}


class TablesSink(FileSink):
    """``nodes.csv``, ``edges.csv`` and ``mentions.csv`` written a batch at a time, under the fixed columns.

    Columns are those of :data:`TABLES` whatever the batch, so every batch's
    rows line up under the one header; ``evidence`` is ``full``, ``first`` or
    ``none`` (see :mod:`paperkg.exports.evidence`).
    """

    def __init__(self, nodes_path: str | Path, edges_path: str | Path, mentions_path: str | Path, *,
                 evidence: str = DEFAULT_EVIDENCE) -> None:
        super().__init__([nodes_path, edges_path, mentions_path])
        self._evidence = evidence
        for index, columns in enumerate(TABLES.values()):
            self.emit(index, csv_lines([], columns))

    def write(self, batch: nx.MultiDiGraph, *, entities: bool = False) -> None:
        rows = table_records(batch, entities=entities, evidence=self._evidence)
        for index, (table, columns) in enumerate(TABLES.items()):
            if rows[table]:
                self.emit(index, record_lines(rows[table], list(columns), header=False))


def write_tables(graph: nx.MultiDiGraph, nodes_path: str | Path, edges_path: str | Path, mentions_path: str | Path,
                 *, evidence: str = DEFAULT_EVIDENCE) -> None:
    """Write ``nodes.csv``, ``edges.csv`` and ``mentions.csv``: papers and results first, then entities.

    Examples
    --------
    >>> import tempfile
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_tables(g, *(folder / f"{name}.csv" for name in TABLES))
    >>> (folder / "nodes.csv").read_text().splitlines()[1][:20]
    'metric:fid,metric,FI'
    """
    write_graph(TablesSink(nodes_path, edges_path, mentions_path, evidence=evidence), graph)
