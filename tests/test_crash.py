"""Crashes and concurrency: a killed build leaves whole files, a second build is refused, writers are atomic."""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
import rdflib
from click.testing import CliRunner

import paperkg.core.atomic
from paperkg.cli import cli
from paperkg.core.lock import LOCK_NAME

from .conftest import DATA
from .test_determinism import start_build
from .test_properties import graph_data_of_html

SMALL = DATA / "002_580fc155f03476d3.txt"


def read_outputs(folder: Path) -> dict[str, int]:
    """Parse every output with a reader of its format; the count of items each holds."""
    sizes = {}
    for name, syntax in (("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")):
        sizes[name] = len(rdflib.Graph().parse(folder / name, format=syntax))
    sizes["graph.graphml"] = nx.read_graphml(folder / "graph.graphml").number_of_nodes()
    page = (folder / "graph.html").read_text(encoding="utf-8")
    assert page.rstrip().endswith("</html>")
    sizes["graph.html"] = len(graph_data_of_html(page)["nodes"])
    for name in ("nodes.csv", "edges.csv"):
        sizes[name] = len(pd.read_csv(folder / name, dtype=str, keep_default_na=False))
    assert all(sizes.values()), sizes
    return sizes


def temporaries(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def wait_for(condition, process: subprocess.Popen, what: str, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert process.poll() is None, f"the build ended before {what}: {process.communicate()}"
        assert time.monotonic() < deadline, f"no {what} after {timeout} s"
        time.sleep(0.005)


def test_every_output_file_is_renamed_into_place_by_atomic_write(tmp_path, monkeypatch):
    renamed = []

    def recording_replace(source, target, _replace=os.replace):
        renamed.append(Path(target).name)
        _replace(source, target)

    monkeypatch.setattr(paperkg.core.atomic.os, "replace", recording_replace)
    result = CliRunner().invoke(cli, ["build", str(SMALL), "-o", str(tmp_path / "out"), "-q"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    written = sorted(path.name for path in (tmp_path / "out").rglob("*") if path.is_file())
    assert written and set(written) <= set(renamed), set(written) - set(renamed)


def test_a_killed_build_leaves_whole_files_and_a_second_build_is_refused(tmp_path):
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(SMALL), "-o", str(out), "-q"], catch_exceptions=False).exit_code == 0
    before = read_outputs(out)
    turtle_before = (out / "graph.ttl").stat().st_ino

    big = start_build([DATA], out, hash_seed=0)
    # Stop it once the new Turtle file is in place and the next file is half-written: a build
    # started now is refused, and the kill lands there whatever either process's speed.
    wait_for(lambda: (out / LOCK_NAME).exists() and (out / "graph.ttl").stat().st_ino != turtle_before
             and temporaries(out), big, "half-written export")
    big.send_signal(signal.SIGSTOP)
    second = start_build([SMALL], out, hash_seed=0)
    _, refused = second.communicate(timeout=600)
    assert second.returncode == 2
    assert refused.strip() == (f"Error: {out}: another paperkg build (pid {big.pid}) is writing into this folder; "
                               "wait for it to finish or choose another --output")
    big.send_signal(signal.SIGKILL)
    big.wait(timeout=60)
    assert big.returncode == -signal.SIGKILL
    after_kill = read_outputs(out)
    # Each file whole, and either the old build's or the new one's: never a mix, never cut short.
    # (How many files were new when the kill landed depends on the machine's load.)
    assert runner.invoke(cli, ["build", str(DATA), "-o", str(tmp_path / "new"), "-q"]).exit_code == 0
    after_build = read_outputs(tmp_path / "new")
    assert after_kill["graph.ttl"] == after_build["graph.ttl"] != before["graph.ttl"]
    assert all(after_kill[name] in (before[name], after_build[name]) for name in before), after_kill

    result = runner.invoke(cli, ["build", str(SMALL), "-o", str(out), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert temporaries(out) == [] and not (out / LOCK_NAME).exists()
    assert read_outputs(out) == before


def test_query_changes_nothing_without_allow_update(tmp_path):
    if "query" not in cli.commands:
        pytest.skip("paperkg query is not in this build")
    runner = CliRunner()
    out = tmp_path / "out"
    assert runner.invoke(cli, ["build", str(SMALL), "-o", str(out), "--formats", "ntriples", "-q"]).exit_code == 0
    triples = (out / "graph.nt").read_bytes()
    count = ["query", str(out), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv"]
    before = runner.invoke(cli, count)
    update = runner.invoke(cli, ["query", str(out), "INSERT DATA { <http://x.org/a> <http://x.org/b> 1 }"])
    assert update.exit_code == 2 and "--allow-update" in update.output
    after = runner.invoke(cli, count)
    assert before.exit_code == after.exit_code == 0 and after.output == before.output
    assert (out / "graph.nt").read_bytes() == triples
