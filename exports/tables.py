"""Node and edge tables: pandas frames for notebooks, CSV files for spreadsheets.

Cells a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, tab or carriage return) are written with a leading ``'``, the
OWASP advice, so opening the CSV runs nothing.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import pandas as pd

from paperkg.core.schema import ENTITY_TYPES

from .graphml import flat_edges, flat_nodes
from .sink import FileSink, write_graph

__all__ = ["nodes_frame", "edges_frame", "node_rows", "edge_rows", "columns_of", "csv_lines", "record_lines",
           "generate_csv", "write_tables", "TablesSink", "NODE_COLUMNS", "EDGE_COLUMNS"]

#: Node columns: every attribute paperkg gives papers, entities and results, so the
#: table has the same columns whatever the corpus (and whichever batch of it).
NODE_COLUMNS = ("id", "kind", "label", "aliases", "mention_count", "paper_count",
                "arxiv_id", "authors", "categories", "update_date", "sources",
                "abstract", "baseline", "benchmark", "confidence", "dataset", "end", "metric", "model", "rule",
                "sentence", "sentence_start", "start", "title", "unit", "value")
EDGE_COLUMNS = ("source", "target", "relation", "paper", "mention", "sentence", "start", "end",
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
    """One flat record per node (see :func:`exports.graphml.flat_graph`), ``id`` first."""
    return [{"id": node, **data} for node, data in flat_nodes(graph)]


def edge_rows(graph: nx.MultiDiGraph) -> list[dict]:
    """One flat record per edge, with its evidence; ``paper`` is the paper the edge comes from."""
    return [{"source": u, "target": v, **data, "paper": data.get("paper", u)} for u, v, _, data in flat_edges(graph)]


def nodes_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per node (papers, entities, results), lists joined with `` | ``; attributes beyond
    :data:`NODE_COLUMNS` follow as extra columns.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("model:gpt4", kind="model", label="GPT-4", aliases=["GPT 4"], mention_count=2)
    >>> nodes_frame(g)[["id", "label", "aliases"]].to_dict("records")
    [{'id': 'model:gpt4', 'label': 'GPT-4', 'aliases': 'GPT 4'}]
    """
    rows = node_rows(graph)
    return pd.DataFrame(rows, columns=columns_of(NODE_COLUMNS, rows)).convert_dtypes()


def edges_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per edge, with its evidence; ``paper`` is the paper the edge comes from."""
    rows = edge_rows(graph)
    return pd.DataFrame(rows, columns=columns_of(EDGE_COLUMNS, rows)).convert_dtypes()


def _cell(value: object) -> object:
    """What the CSV writer gets for a cell: text formula-neutralised, missing values (NA, NaN) empty."""
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    # ``value != value`` is NaN's test, far cheaper than pd.isna on millions of cells.
    return "" if value is pd.NA or value != value else value


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
    >>> "".join(generate_csv(pd.DataFrame({"label": ["=HYPERLINK(1)", "BLEU"]})))
    "label\\r\\n'=HYPERLINK(1)\\r\\nBLEU\\r\\n"
    """
    return csv_lines(frame.itertuples(index=False), frame.columns)


class TablesSink(FileSink):
    """``nodes.csv`` and ``edges.csv`` written a batch at a time, under the fixed columns.

    Columns are :data:`NODE_COLUMNS` and :data:`EDGE_COLUMNS` whatever the
    batch, so every batch's rows line up under the one header.
    """

    def __init__(self, nodes_path: str | Path, edges_path: str | Path) -> None:
        super().__init__([nodes_path, edges_path])
        self.emit(0, csv_lines([], NODE_COLUMNS))
        self.emit(1, csv_lines([], EDGE_COLUMNS))

    def write(self, batch: nx.MultiDiGraph, *, entities: bool = False) -> None:
        nodes = [row for row in node_rows(batch) if (row["kind"] in ENTITY_TYPES) == entities]
        self.emit(0, record_lines(nodes, list(NODE_COLUMNS), header=False))
        if not entities:
            self.emit(1, record_lines(edge_rows(batch), list(EDGE_COLUMNS), header=False))


def write_tables(graph: nx.MultiDiGraph, nodes_path: str | Path, edges_path: str | Path) -> None:
    """Write ``nodes.csv`` and ``edges.csv``: papers and results first, then entities.

    Examples
    --------
    >>> import tempfile
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_tables(g, folder / "nodes.csv", folder / "edges.csv")
    >>> (folder / "nodes.csv").read_text().splitlines()[1][:20]
    'metric:fid,metric,FI'
    """
    write_graph(TablesSink(nodes_path, edges_path), graph)
