"""The command line, through click's runner: every command, its help, and bad input."""
from __future__ import annotations

import io
import json
import re
import sys

import pytest
from click.testing import CliRunner

from paperkg import exports
from paperkg.cli import cli, format_seconds, progress_bars
from paperkg.core.records import STATE_DIR

from .conftest import DATA, GOLD, ROOT


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
    assert f"open {tmp_path / 'out' / 'graph.html'} in a browser" in result.output
    # Not a terminal: no progress bar, only the summary.
    assert "it/s" not in result.output and "%|" not in result.output


def test_build_summary_gives_each_steps_time(tmp_path):
    from paperkg.api import build

    built = build([DATA / "002_580fc155f03476d3.txt"], tmp_path, formats=["csv", "ntriples"])
    assert {"read", "extract"} <= built.seconds.keys() and all(s >= 0 for s in built.seconds.values())
    timing = format_seconds(built.seconds)
    assert all(f"{step} " in timing for step in built.seconds) and "; total " in timing
    result = CliRunner().invoke(cli, ["build", str(DATA / "002_580fc155f03476d3.txt"), "-o", str(tmp_path / "b"),
                                      "--formats", "csv,ntriples"])
    time_line = next(line for line in result.output.splitlines() if line.startswith("time: "))
    assert all(f"{step} " in time_line for step in built.seconds)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_a_bar_per_step_on_a_terminal_and_nothing_when_quiet(tmp_path, monkeypatch):
    from paperkg.api import build

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    built = build([DATA], tmp_path / "a", formats=["csv"], progress=progress_bars(quiet=False))
    shown = {line.split(":")[0].strip() for line in terminal.getvalue().replace("\r", "\n").splitlines()
             if ":" in line}
    assert {"read", "extract", "resolve", "graph"} <= shown <= set(built.seconds)
    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    build([DATA], tmp_path / "b", formats=["csv"], progress=progress_bars(quiet=True))
    assert quiet.getvalue() == ""


def test_build_selected_formats(run, tmp_path):
    result = run("build", DATA / "002_580fc155f03476d3.txt", "-o", tmp_path, "--formats", "graphml,csv", "-q")
    assert result.exit_code == 0
    assert {p.name for p in tmp_path.iterdir()} == {STATE_DIR, *exports.EXPORTERS["graphml"].files,
                                                    *exports.EXPORTERS["csv"].files}
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


def test_eval_spans_scores_by_containment(run, tmp_path):
    gold = tmp_path / "spans.jsonl"
    sentences = [
        {"text": "We report BLEU on the Europarl corpus.", "spans": [
            {"start": 10, "end": 14, "label": "METRIC"}, {"start": 22, "end": 37, "label": "DATASET"},
            {"start": 0, "end": 2, "label": "TASK"}]},
        {"text": "It was tested on FooBar-7 and PropBank.", "spans": [{"start": 17, "end": 25, "label": "DATASET"}]},
    ]
    gold.write_text("".join(json.dumps(s) + "\n" for s in sentences), encoding="utf-8")
    result = run("eval-spans", gold, "--json", "-q")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)["scores"]
    assert set(scores) == {"DATASET", "METRIC"}  # TASK is not a type of ours
    assert scores["METRIC"]["p"] == scores["METRIC"]["r"] == 1.0  # "BLEU"
    # "Europarl" inside "Europarl corpus" matches, as does FooBar-7; PropBank is no gold span here.
    assert (scores["DATASET"]["gold"], scores["DATASET"]["pred"], scores["DATASET"]["r"]) == (2, 3, 1.0)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "short", "spans": [{"start": 3, "end": 99, "label": "METRIC"}]}\n', encoding="utf-8")
    result = run("eval-spans", bad)
    assert result.exit_code == 2 and "bad.jsonl:1: expected" in result.output


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


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_takes_quiet(run, command):
    assert "--quiet" in run(command, "--help").output


def _options(command: str) -> set[str]:
    return {name for param in cli.commands[command].params if not getattr(param, "hidden", False)
            for name in param.opts if name.startswith("--")}


def test_option_names_keep_one_meaning_across_commands():
    inputs = {command for command in cli.commands if "--input-format" in _options(command)}
    assert inputs == {"build", "extract", "results"}
    assert _options("query") >= {"--output-format"}
    assert not any("--format" in _options(command) for command in cli.commands)
    helps = {param.help for command in cli.commands.values() for param in command.params
             if "--strict" in getattr(param, "opts", ())}
    assert len(helps) == 1  # the same words wherever an option appears


def test_old_format_spelling_still_works_unlisted(run, tmp_path):
    source = tmp_path / "papers.data"
    source.write_text('{"title": "ViT", "abstract": "We train ViT on ImageNet."}\n', encoding="utf-8")
    old = run("extract", source, "-o", tmp_path / "old.jsonl", "--format", "jsonl", "-q")
    new = run("extract", source, "-o", tmp_path / "new.jsonl", "--input-format", "jsonl", "-q")
    assert old.exit_code == new.exit_code == 0
    assert (tmp_path / "old.jsonl").read_text() == (tmp_path / "new.jsonl").read_text()
    assert "--format " not in run("extract", "--help").output


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_files_a_help_cites_are_in_the_repository(run, command):
    for cited in re.findall(r"[\w./-]+\.(?:md|jsonl|rq)\b", run(command, "--help").output):
        if "/" in cited and not cited.startswith(("out/", "new-")):
            assert (ROOT / cited).exists() or cited.startswith("docs/"), cited


def test_eval_and_eval_results_are_quiet_under_quiet(run):
    for command, gold in (("eval", GOLD), ("eval-results", ROOT / "tests" / "data" / "results-dev.jsonl")):
        result = run(command, gold, "--json", "--quiet")
        assert result.exit_code == 0 and json.loads(result.output)["papers"] > 0


def test_an_os_error_the_library_did_not_name_is_one_line(monkeypatch, tmp_path):
    import errno

    from paperkg import api

    def failing_build(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error", str(tmp_path / "graph.ttl"))

    monkeypatch.setattr(api, "build", failing_build)
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"Error: {tmp_path / 'graph.ttl'}: cannot write: input/output error"]
