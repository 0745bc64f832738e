"""Extraction on a Dask cluster: partitions of papers go to workers, Parquet comes back.

Each partition of papers is extracted on a worker (:func:`paperkg.parallel.extract_chunk`)
and sent back as two Parquet files in memory: the mentions, one row each, and
the per-paper results (entities, proposes, ...), so no Python object and no
shared file system crosses the cluster. The client merges the parts, in input
order, into the same :class:`~paperkg.extract.PaperEntities` a single process gives.

Without a scheduler address a ``LocalCluster`` on this machine is started
(loopback only); with ``tcp://HOST:PORT`` an existing cluster is used, whose
workers need paperkg installed (``pip install 'paperkg[dask]'``).
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import contextmanager

from .core.errors import PaperkgError
from .core.model import Paper, PaperEntities
from .core.records import MENTION_FIELDS, chunked, from_record
from .parallel import extract_chunk

__all__ = ["extract_partition", "read_partition", "dask_client", "extract_dask"]


def extract_partition(papers: list[Paper]) -> tuple[bytes, bytes]:
    """Extract a partition on a worker: ``(mentions.parquet, papers.parquet)`` as bytes.

    Examples
    --------
    >>> papers = [Paper("ViT", "We train ViT on ImageNet."), Paper("Nothing", "No names here.")]
    >>> results = read_partition(papers, *extract_partition(papers))
    >>> [found.entities["dataset"] for found in results]
    [[['ImageNet']], []]
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = extract_chunk(papers)
    mention_rows = [dict(zip(("paper_index", *MENTION_FIELDS), (index, *values)))
                    for index, record in enumerate(records) for values in record["mentions"]]
    paper_rows = [{"paper_index": index,
                   "result": json.dumps({k: v for k, v in record.items() if k != "mentions"}, ensure_ascii=False)}
                  for index, record in enumerate(records)]
    parts = []
    for rows, schema in ((mention_rows, _mention_schema()), (paper_rows, None)):
        buffer = io.BytesIO()
        table = pa.Table.from_pylist(rows, schema=schema) if schema else pa.Table.from_pylist(rows)
        pq.write_table(table, buffer)
        parts.append(buffer.getvalue())
    return parts[0], parts[1]


def _mention_schema():
    import pyarrow as pa

    types = {"start": pa.int64(), "end": pa.int64(), "sentence": pa.int64(), "sentence_start": pa.int64(),
             "confidence": pa.float64()}
    return pa.schema([("paper_index", pa.int64())] + [(name, types.get(name, pa.string())) for name in MENTION_FIELDS])


def read_partition(papers: list[Paper], mentions_part: bytes, papers_part: bytes) -> list[PaperEntities]:
    """The results of one partition from its two Parquet parts."""
    import pyarrow.parquet as pq

    results = [json.loads(row["result"]) for row in pq.read_table(io.BytesIO(papers_part)).to_pylist()]
    for result in results:
        result["mentions"] = []
    for row in pq.read_table(io.BytesIO(mentions_part)).to_pylist():
        results[row["paper_index"]]["mentions"].append(tuple(row[name] for name in MENTION_FIELDS))
    return [from_record(paper, result) for paper, result in zip(papers, results)]


@contextmanager
def dask_client(scheduler: str | None = None, *, workers: int = 2, processes: bool = True):
    """A Dask client: on the cluster at ``scheduler``, or on a new loopback ``LocalCluster``."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise PaperkgError("the Dask engine needs Dask: pip install 'paperkg[dask]'") from None
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as error:
            raise PaperkgError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        with client:
            yield client
        return
    # Worker processes listen on loopback only; thread workers talk in-process (no socket at all).
    where = {"host": "127.0.0.1"} if processes else {}
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes, dashboard_address=None,
                      **where) as cluster, Client(cluster) as client:
        yield client


def extract_dask(papers: list[Paper], *, scheduler: str | None = None, workers: int = 2,
                 partition_size: int = 256, processes: bool = True) -> Iterator[PaperEntities]:
    """Extract papers on Dask, in input order; the same results as one process gives."""
    partitions = list(chunked(papers, partition_size))
    with dask_client(scheduler, workers=workers, processes=processes) as client:
        futures = client.map(extract_partition, partitions, pure=False)
        for partition, future in zip(partitions, futures):
            yield from read_partition(partition, *future.result())
            future.release()
