"""``paperkg build --stream``: the same triples and rows as a build in memory, batch by batch."""
from __future__ import annotations

import csv
from collections import Counter

import pytest
from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.graph import summarize
from paperkg.readers import iter_papers
from paperkg.stream import build_streamed
from paperkg.core.records import SCRATCH_PREFIX, STATE_DIR
from paperkg.update import read_state

from .conftest import DATA

FIRST = DATA / "000_d19c32d15f532ca7.txt"
SECOND = DATA / "002_580fc155f03476d3.txt"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def in_memory(tmp_path_factory):
    folder = tmp_path_factory.mktemp("memory")
    assert run("build", DATA, "-o", folder, "-q", "--formats", "ntriples,csv").exit_code == 0
    return folder


@pytest.fixture(scope="module")
def streamed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("streamed")
    # Small runs and batches, so copies of a paper sit in different sorted runs and entities span batches.
    result = build_streamed([DATA], folder, batch_size=40, run_size=60)
    return folder, result


def rows(path):
    with path.open(newline="", encoding="utf-8") as handle:
        header, *body = csv.reader(handle)
    return header, Counter(map(tuple, body))


def test_streamed_build_writes_the_triples_of_a_build_in_memory(in_memory, streamed):
    folder, _ = streamed
    lines = (folder / "graph.nt").read_text(encoding="utf-8").splitlines()
    expected = (in_memory / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)), "a triple written twice (an entity or rule in two batches)"
    assert set(lines) == set(expected)


@pytest.mark.parametrize("name", ["nodes.csv", "edges.csv"])
def test_streamed_build_writes_the_rows_of_a_build_in_memory(in_memory, streamed, name):
    folder, _ = streamed
    assert rows(folder / name) == rows(in_memory / name)


def test_streamed_build_counts_what_a_build_in_memory_counts(streamed, sample_graph):
    _, result = streamed
    assert result.summary == summarize(sample_graph)


def test_streamed_build_merges_copies_across_sorted_runs_and_keeps_a_state(in_memory, streamed):
    folder, result = streamed
    records = sum(1 for _ in iter_papers([DATA]))
    assert records > result.papers == result.summary["papers"]  # the sample corpus repeats papers across pages
    assert {digest for digest, _ in read_state(folder)} == {digest for digest, _ in read_state(in_memory)}


def test_update_of_a_streamed_build_equals_a_full_build(tmp_path):
    assert run("build", FIRST, "-o", tmp_path / "both", "-q", "--formats", "csv").exit_code == 0
    assert run("build", FIRST, "-o", tmp_path / "grown", "-q", "--stream", "--formats", "csv").exit_code == 0
    assert run("build", "--update", tmp_path / "grown", SECOND, "-q", "--formats", "csv").exit_code == 0
    assert run("build", FIRST, SECOND, "-o", tmp_path / "full", "-q", "--formats", "csv").exit_code == 0
    for name in ("nodes.csv", "edges.csv"):
        assert (tmp_path / "grown" / name).read_bytes() == (tmp_path / "full" / name).read_bytes()


@pytest.mark.parametrize("options, message", [
    (["--formats", "turtle"], "a streamed build writes ntriples and csv only, not turtle"),
    (["--corpus-pass"], "--stream makes a new build on this machine"),
])
def test_stream_refuses_what_it_cannot_write(tmp_path, options, message):
    result = run("build", FIRST, "-o", tmp_path, "--stream", *options)
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "graph.nt").exists() and not (tmp_path / "graph.ttl").exists()


def test_next_build_clears_what_a_killed_streamed_build_left(tmp_path):
    # What a kill -9 mid-build leaves: a scratch folder of sorted runs and a half-written state file.
    scratch = tmp_path / STATE_DIR / f"{SCRATCH_PREFIX}k3j_x9a2"
    scratch.mkdir(parents=True)
    (scratch / "run-0.jsonl").write_text("{}\n")
    (tmp_path / STATE_DIR / ".papers.jsonl.k3j_x9a2.tmp").write_text("{")
    assert run("build", FIRST, "-o", tmp_path, "-q", "--stream").exit_code == 0
    assert sorted(path.name for path in (tmp_path / STATE_DIR).iterdir()) == ["papers.jsonl"]
