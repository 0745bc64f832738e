"""Extraction on a two-worker Dask LocalCluster (loopback, threads) builds the same graph."""
from __future__ import annotations

import pytest

pytest.importorskip("dask.distributed")

from paperkg.distributed import extract_dask, extract_partition, read_partition  # noqa: E402
from paperkg.graph import build_graph  # noqa: E402

from .test_scale import graph_contents  # noqa: E402


def test_dask_local_cluster_builds_the_single_process_graph(sample_papers, sample_graph):
    found = list(extract_dask(sample_papers, workers=2, partition_size=60, processes=False))
    assert [f.paper for f in found] == sample_papers
    assert graph_contents(build_graph(found)) == graph_contents(sample_graph)


def test_partition_parquet_parts_round_trip(sample_papers, sample_extracted):
    papers = sample_papers[:25]
    mentions_part, papers_part = extract_partition(papers)
    assert mentions_part[:4] == papers_part[:4] == b"PAR1"
    assert read_partition(papers, mentions_part, papers_part) == sample_extracted[:25]
