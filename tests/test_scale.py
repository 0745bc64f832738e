"""Extraction on a process pool gives what one process gives, through compact records."""
from __future__ import annotations

import json

from kg.graph import build_graph
from kg.parallel import extract_parallel, from_record, to_record


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
