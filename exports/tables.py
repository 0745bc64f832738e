"""Node and edge tables: pandas frames for notebooks, CSV files for spreadsheets.

Cells a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, tab or carriage return) are written with a leading ``'``, the
OWASP advice, so opening the CSV runs nothing.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pandas as pd

from kg.atomic import write_chunks

from .graphml import flat_graph

__all__ = ["nodes_frame", "edges_frame", "generate_csv", "write_tables", "NODE_COLUMNS", "EDGE_COLUMNS"]

NODE_COLUMNS = ("id", "kind", "label", "aliases", "mention_count", "paper_count",
                "arxiv_id", "authors", "categories", "update_date", "sources")
EDGE_COLUMNS = ("source", "target", "relation", "paper", "mention", "sentence", "start", "end",
                "sentence_start", "rule", "confidence")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _columns(known: tuple[str, ...], rows: list[dict]) -> list[str]:
    """The known columns, then any other attribute the graph has (result values, ...) in name order."""
    extra = sorted({key for row in rows for key in row} - set(known))
    return [*known, *extra]


def nodes_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per node (papers, entities, results), lists joined with `` | ``; attributes beyond
    :data:`NODE_COLUMNS` (a result's ``value``, ``metric``, ...) follow as extra columns.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("model:gpt4", kind="model", label="GPT-4", aliases=["GPT 4"], mention_count=2)
    >>> nodes_frame(g)[["id", "label", "aliases"]].to_dict("records")
    [{'id': 'model:gpt4', 'label': 'GPT-4', 'aliases': 'GPT 4'}]
    """
    flat = flat_graph(graph)
    rows = [{"id": node, **data} for node, data in flat.nodes(data=True)]
    return pd.DataFrame(rows, columns=_columns(NODE_COLUMNS, rows)).convert_dtypes()


def edges_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per edge, with its evidence; ``paper`` is the paper the edge comes from."""
    flat = flat_graph(graph)
    rows = [{"source": u, "target": v, **data, "paper": data.get("paper", u)}
            for u, v, data in flat.edges(data=True)]
    return pd.DataFrame(rows, columns=_columns(EDGE_COLUMNS, rows)).convert_dtypes()


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def generate_csv(frame: pd.DataFrame) -> Iterator[str]:
    """CSV lines for a frame, formula-neutralised.

    Examples
    --------
    >>> "".join(generate_csv(pd.DataFrame({"label": ["=HYPERLINK(1)", "BLEU"]})))
    "label\\r\\n'=HYPERLINK(1)\\r\\nBLEU\\r\\n"
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(frame.columns)
    yield buffer.getvalue()
    for row in frame.itertuples(index=False):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(["" if pd.isna(cell) else _safe(cell) for cell in row])
        yield buffer.getvalue()


def write_tables(graph: nx.MultiDiGraph, nodes_path: str | Path, edges_path: str | Path) -> None:
    """Write ``nodes.csv`` and ``edges.csv``."""
    write_chunks(nodes_path, generate_csv(nodes_frame(graph)))
    write_chunks(edges_path, generate_csv(edges_frame(graph)))
