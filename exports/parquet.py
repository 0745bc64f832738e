"""The tables as Parquet, for pandas, polars and DuckDB users at millions of rows.

The same three tables and columns as the CSV files (:mod:`paperkg.exports.tables`),
each column with one Arrow type (text, 64-bit integer or double), compressed
with zstd. Rows wait in memory until a row group of :data:`ROW_GROUP_ROWS` is
full, so the bytes written never depend on where the build's batches begin
and end, and memory holds at most one row group per table.

Examples
--------
>>> import tempfile, networkx as nx, pandas as pd
>>> g = nx.MultiDiGraph()
>>> g.add_node("metric:fid", kind="metric", label="FID", aliases=["Frechet"], mention_count=1)
>>> folder = Path(tempfile.mkdtemp())
>>> write_parquet(g, *(folder / f"{name}.parquet" for name in TABLES))
>>> pd.read_parquet(folder / "nodes.parquet")[["id", "aliases", "mention_count"]].to_dict("records")
[{'id': 'metric:fid', 'aliases': 'Frechet', 'mention_count': 1}]
"""
from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq

from paperkg.core.atomic import atomic_write

from .evidence import COLUMN_TYPES, DEFAULT_EVIDENCE
from .sink import write_graph
from .tables import TABLES, table_records

__all__ = ["ParquetSink", "write_parquet", "ROW_GROUP_ROWS", "SCHEMAS"]

#: Rows per row group: large enough for fast scans, small enough to hold one per table in memory.
ROW_GROUP_ROWS = 16_384

_ARROW_TYPES = {str: pa.string(), int: pa.int64(), float: pa.float64()}
#: The Arrow schema of each table.
SCHEMAS = {name: pa.schema([(column, _ARROW_TYPES[COLUMN_TYPES.get(column, str)]) for column in columns])
           for name, columns in TABLES.items()}


class ParquetSink:
    """``nodes.parquet``, ``edges.parquet`` and ``mentions.parquet``, written a row group at a time.

    Each file is written to a temporary file beside it and moved into place
    at :meth:`close`; :meth:`abort` removes them instead.
    """

    def __init__(self, nodes_path: str | Path, edges_path: str | Path, mentions_path: str | Path, *,
                 evidence: str = DEFAULT_EVIDENCE) -> None:
        self.paths = [Path(nodes_path), Path(edges_path), Path(mentions_path)]
        self._evidence = evidence
        self._stack = ExitStack()
        self._writers = {}
        self._pending: dict[str, list[dict]] = {name: [] for name in TABLES}
        try:
            for name, path in zip(TABLES, self.paths):
                handle = self._stack.enter_context(atomic_write(path, "wb"))
                self._writers[name] = pq.ParquetWriter(handle, SCHEMAS[name], compression="zstd")
        except BaseException:
            self.abort()
            raise

    def write(self, batch: nx.MultiDiGraph, *, entities: bool = False) -> None:
        for name, rows in table_records(batch, entities=entities, evidence=self._evidence).items():
            pending = self._pending[name]
            pending.extend(rows)
            while len(pending) >= ROW_GROUP_ROWS:
                self._write_group(name, pending[:ROW_GROUP_ROWS])
                del pending[:ROW_GROUP_ROWS]

    def _write_group(self, name: str, rows: list[dict]) -> None:
        table = pa.Table.from_pylist(rows, schema=SCHEMAS[name])
        self._writers[name].write_table(table, row_group_size=ROW_GROUP_ROWS)

    def close(self) -> None:
        try:
            for name, rows in self._pending.items():
                if rows:
                    self._write_group(name, rows)
                self._writers.pop(name).close()
        except BaseException:
            self.abort()
            raise
        self._pending = {}
        self._stack.close()

    def abort(self) -> None:
        self._pending = {}
        for writer in self._writers.values():
            try:
                writer.close()  # its file is removed below; an open writer would write to it when collected
            except (OSError, ValueError):
                pass
        self._writers = {}
        # atomic_write removes its temporary file when the block ends in an exception.
        self._stack.__exit__(RuntimeError, RuntimeError("export aborted"), None)


def write_parquet(graph: nx.MultiDiGraph, nodes_path: str | Path, edges_path: str | Path,
                  mentions_path: str | Path, *, evidence: str = DEFAULT_EVIDENCE) -> None:
    """Write the graph's three tables as Parquet files."""
    write_graph(ParquetSink(nodes_path, edges_path, mentions_path, evidence=evidence), graph)
