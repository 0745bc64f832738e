"""``paperkg build --update``: only new papers are extracted, and the files equal a full rebuild."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.core.records import STATE_DIR

from .conftest import DATA

FIRST = DATA / "000_d19c32d15f532ca7.txt"
SECOND = DATA / "002_580fc155f03476d3.txt"
# N-Triples holds every triple Turtle and JSON-LD hold (they are slow to write, and the same mapping).
FORMATS = ("--formats", "ntriples,graphml,csv,html")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def contents(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def full_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("full")
    assert run("build", FIRST, SECOND, "-o", folder, "-q", *FORMATS).exit_code == 0
    return folder


def test_update_equals_a_full_rebuild_and_extracts_only_new_papers(full_build, tmp_path):
    assert run("build", FIRST, "-o", tmp_path, "-q", *FORMATS).exit_code == 0
    before = contents(tmp_path)
    result = run("build", "--update", tmp_path, SECOND, *FORMATS)
    assert result.exit_code == 0, result.output
    extracted, reused = [int(word) for word in result.output.split() if word.isdigit()][:2]
    first_only = sum(1 for _ in (tmp_path / STATE_DIR / "papers.jsonl").open()) - extracted
    assert reused == first_only and extracted > 0
    assert before != contents(tmp_path)
    assert contents(tmp_path) == contents(full_build)

    # The same input again adds nothing and changes no byte.
    again = run("build", "--update", tmp_path, SECOND, FIRST, *FORMATS)
    assert "extracted 0 new paper(s)" in again.output
    assert contents(tmp_path) == contents(full_build)


def test_update_needs_a_previous_build(tmp_path):
    result = run("build", "--update", tmp_path / "nothing", FIRST)
    assert result.exit_code == 2
    assert "no previous build to update" in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "nothing" / "graph.ttl").exists()


def test_output_and_update_are_exclusive(tmp_path):
    result = run("build", FIRST, "-o", tmp_path, "--update", tmp_path)
    assert result.exit_code == 2 and "either -o OUTDIR" in result.output
