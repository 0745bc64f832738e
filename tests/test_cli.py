"""The command line, through click's runner: every command, its help, and bad input."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from paperkg import exports
from paperkg.cli import cli
from paperkg.core.records import STATE_DIR

from .conftest import DATA, GOLD


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_build_writes_every_format_and_prints_a_summary(run, tmp_path):
    result = run("build", DATA, "-o", tmp_path / "out", "--quiet")
    assert result.exit_code == 0 and result.output == ""
    result = run("build", DATA, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "papers: 223" in result.output
    for name in ("entities:", "edges:", "top:"):
        assert name in result.output
    expected = {file for exporter in exports.EXPORTERS.values() for file in exporter.files}
    assert {p.name for p in (tmp_path / "out").iterdir()} == expected | {STATE_DIR}
    for file in expected:
        assert str(tmp_path / "out" / file) in result.output


def test_build_selected_formats(run, tmp_path):
    result = run("build", DATA / "002_580fc155f03476d3.txt", "-o", tmp_path, "--formats", "graphml,csv", "-q")
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [STATE_DIR, "edges.csv", "graph.graphml", "nodes.csv"]
    result = run("build", DATA, "-o", tmp_path / "x", "--formats", "pdf")
    assert result.exit_code == 2 and "unknown format(s) pdf" in result.output


def test_extract_writes_gold_format_lines(run, tmp_path):
    output = tmp_path / "entities.jsonl"
    result = run("extract", DATA / "000_d19c32d15f532ca7.txt", "-o", output)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert records and all(set(r) == {"title", "entities", "proposes"} for r in records)
    assert set(records[0]["entities"]) == {"model", "dataset", "benchmark", "metric", "repo"}
    mambaout = next(r for r in records if r["title"].startswith("MambaOut"))
    assert mambaout["entities"]["repo"] == ["github.com/yuweihao/MambaOut"]


def test_eval_prints_scores_per_type(run):
    result = run("eval", GOLD, "--json")
    assert result.exit_code == 0
    scores = json.loads(result.output)["scores"]
    assert {"model", "dataset", "benchmark", "metric", "repo", "proposes", "micro (5 types)"} <= set(scores)
    assert scores["repo"]["f1"] >= 0.95
    table = run("eval", GOLD).output
    assert table.splitlines()[1].split() == ["type", "gold", "pred", "tp", "P", "R", "F1"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.json", '[{"title": "a", "abstract": "b"},\n{', "broken.json:2: not JSON"),
        ("paper.docx", "x", "unknown input format '.docx'"),
        ("latin1.txt", "Caf\xe9".encode("latin-1"), "latin1.txt:1: not UTF-8 text"),
        ("empty.jsonl", "", "no papers found"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(run, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    for command, target in (("build", tmp_path / "out"), ("extract", tmp_path / "out.jsonl")):
        result = run(command, path, "-o", target)
        assert result.exit_code == 2
        assert message in result.output and len(result.output.strip().splitlines()) == 1
        assert not target.exists()


def test_missing_input_file(run, tmp_path):
    result = run("build", tmp_path / "nope.jsonl", "-o", tmp_path / "out")
    assert result.exit_code == 2 and "nope.jsonl: no such file or folder" in result.output


def test_bad_records_warn_and_strict_fails(run, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"title": "Good paper", "abstract": "We use BERT."}\n{"title": "No abstract"}\n')
    result = run("extract", path, "-o", tmp_path / "a.jsonl")
    assert result.exit_code == 0 and "skipped 1 bad record(s)" in result.output
    result = run("extract", path, "-o", tmp_path / "b.jsonl", "--strict")
    assert result.exit_code == 2 and "mixed.jsonl:2: record has no abstract" in result.output
    assert not (tmp_path / "b.jsonl").exists()


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Example" in result.output and "paperkg " + command in result.output
