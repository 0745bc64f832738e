"""Extraction on a process pool gives what one process gives, through compact records."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.graph import build_graph
import paperkg.parallel
from paperkg.core.records import from_record, to_record
from paperkg.parallel import extract_parallel

from .conftest import DATA


def graph_contents(graph):
    """Nodes with attributes and edges with keys and attributes, comparable with ``==``."""
    nodes = dict(graph.nodes(data=True))
    edges = {(u, v, key): data for u, v, key, data in graph.edges(keys=True, data=True)}
    return nodes, edges


def test_two_worker_pool_builds_the_single_process_graph(sample_papers, sample_graph):
    pooled = list(extract_parallel(sample_papers, 2, chunk_size=50))
    assert [found.paper for found in pooled] == sample_papers
    assert graph_contents(build_graph(pooled)) == graph_contents(sample_graph)


def test_records_survive_json_and_stay_small(sample_extracted):
    for found in sample_extracted:
        record = json.loads(json.dumps(to_record(found)))
        assert from_record(found.paper, record) == found
    # Workers send records, not spaCy docs: a record is a few KB however rich the paper.
    sizes = [len(json.dumps(to_record(found))) for found in sample_extracted]
    assert max(sizes) < 20 * max(len(found.paper.text) for found in sample_extracted)
    assert sum(len(found.mentions) for found in sample_extracted) > len(sample_extracted)


def test_build_command_with_two_workers_writes_the_same_files(tmp_path):
    paper_file = DATA / "002_580fc155f03476d3.txt"
    for name, extra in (("one", ()), ("two", ("--workers", "2"))):
        result = CliRunner().invoke(cli, ["build", str(paper_file), "-o", str(tmp_path / name), "--formats", "csv",
                                          "-q", *extra], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    for file in ("nodes.csv", "edges.csv"):
        assert (tmp_path / "one" / file).read_bytes() == (tmp_path / "two" / file).read_bytes()


@pytest.mark.parametrize("workers", [1, 2])
def test_fresh_pipelines_take_over_with_the_same_results(monkeypatch, sample_papers, sample_extracted, workers):
    # Every PIPELINE_PAPERS papers a new pipeline (a new worker process) takes over, so spaCy's
    # vocabulary cannot grow with the corpus; the results must not notice.
    monkeypatch.setattr(paperkg.parallel, "PIPELINE_PAPERS", 64)
    papers = iter(sample_papers)  # a stream, read as it is extracted
    assert list(extract_parallel(papers, workers, chunk_size=16)) == sample_extracted
