"""Crashes and concurrency: a build killed at any moment leaves one generation, a second build is refused."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import paperkg.core.atomic
from paperkg.cli import cli
from paperkg.core.generation import JOURNAL, STAGING_PREFIX
from paperkg.core.lock import LOCK_NAME
from paperkg.core.records import STATE_DIR

from .conftest import DATA
from .test_determinism import start_build

SMALL = DATA / "002_580fc155f03476d3.txt"


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
    # The store (RocksDB's own files and its stamp) is a folder moved into place whole, by the switch.
    written = sorted(path.name for path in (tmp_path / "out").rglob("*")
                     if path.is_file() and path.relative_to(tmp_path / "out").parts[0] != "store")
    assert written and set(written) <= set(renamed), set(written) - set(renamed)
    assert "store" in renamed


# Every format (the default): the store is a folder, the others are files.
GENERATION_FORMATS: tuple[str, ...] = ()
NEW_INPUTS = (SMALL, DATA / "000_d19c32d15f532ca7.txt")
# Run the command with os.replace counted (argv[1] = "count") or fatal before its K-th call (argv[1] = K).
KILLING_BUILD = """
import json, os, signal, sys
from paperkg.cli import main
kill_at, calls, real_replace = sys.argv[1], [], os.replace
def replace(source, target, **kwargs):
    calls.append(os.fspath(target))
    if kill_at != "count" and len(calls) == int(kill_at):
        os.kill(os.getpid(), signal.SIGKILL)
    return real_replace(source, target, **kwargs)
os.replace = replace
sys.argv = ["paperkg", *sys.argv[2:]]
try:
    main()
finally:
    print(json.dumps(calls))
"""


def generation_of(folder: Path) -> dict[str, bytes]:
    """Every file a build leaves, by path, as a reader sees it (a half-done switch finished first).

    The store's database files differ from build to build (RocksDB logs), so the
    store is checked by what it holds: as many triples as graph.nt has lines.
    """
    import pyoxigraph as ox

    from paperkg.core.generation import recover

    recover(folder)
    files = {}
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        # Not outputs: the store's database files, the lock file, and the staging folders and temporary files
        # a killed build leaves (the next build removes them).
        if path.is_file() and parts[:2] != ("store", "db") and parts[0] != LOCK_NAME and not (
                parts[0] == STATE_DIR and parts[1].startswith(STAGING_PREFIX)) and not (
                path.name.startswith(".") and path.name.endswith(".tmp")):
            files["/".join(parts)] = path.read_bytes()
    store = ox.Store.read_only(str(folder / "store" / "db"))
    files["store: triples"] = str(len(store)).encode()
    del store
    assert int(files["store: triples"]) == files["graph.nt"].count(b"\n")
    return files


def killing_build(kill_at: int | str, output: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILLING_BUILD, str(kill_at), "build", *map(str, NEW_INPUTS), "-o",
                           str(output), "-q", *GENERATION_FORMATS], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)})


@pytest.fixture(scope="module")
def generations(tmp_path_factory):
    """The old build's folder, and the os.replace calls the new build makes over it."""
    root = tmp_path_factory.mktemp("generations")
    old = root / "old"
    assert CliRunner().invoke(cli, ["build", str(SMALL), "-o", str(old), "-q", *GENERATION_FORMATS]).exit_code == 0
    counted = root / "counted"
    shutil.copytree(old, counted)
    result = killing_build("count", counted)
    assert result.returncode == 0, result.stderr
    return old, json.loads(result.stdout.splitlines()[-1])


@pytest.mark.parametrize("moment", ["first write", "half the exports written", "journal written",
                                    "first file switched in", "last file switched in"])
def test_a_build_killed_at_any_moment_leaves_exactly_one_generation(tmp_path, generations, moment):
    old, calls = generations
    # The new generation as this very code makes it (a whole build beside, just before the killed one).
    assert killing_build("count", tmp_path / "new").returncode == 0
    new = generation_of(tmp_path / "new")
    journal = next(i for i, target in enumerate(calls, 1) if target.endswith(f"{STATE_DIR}/{JOURNAL}"))
    kill_at = {"first write": 1, "half the exports written": journal // 2, "journal written": journal,
               "first file switched in": journal + 1, "last file switched in": len(calls)}[moment]
    out = tmp_path / "out"
    shutil.copytree(old, out)
    killed = killing_build(kill_at, out)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    seen = generation_of(out)
    # Killed before its journal is in place, the build never happened; after, readers finish it.
    assert seen == (generation_of(old) if kill_at <= journal else new), moment
    again = CliRunner().invoke(cli, ["build", *map(str, NEW_INPUTS), "-o", str(out), "-q", *GENERATION_FORMATS])
    assert again.exit_code == 0, again.output
    assert generation_of(out) == new
    leftovers = [path.name for path in out.rglob("*") if path.name.endswith(".tmp") or path.name == LOCK_NAME
                 or path.name.startswith(STAGING_PREFIX)]
    assert leftovers == []


def test_a_second_build_is_refused_while_one_runs(tmp_path):
    out = tmp_path / "out"
    big = start_build([DATA], out, hash_seed=0)
    # (held and written: the file exists a moment before its holder writes its pid in)
    lock = out / LOCK_NAME
    wait_for(lambda: lock.exists() and lock.read_text().strip(), big, "the first build's lock")
    big.send_signal(signal.SIGSTOP)
    try:
        second = start_build([SMALL], out, hash_seed=0)
        _, refused = second.communicate(timeout=600)
        assert second.returncode == 2
        assert refused.strip() == (f"Error: {out}: another paperkg build (pid {big.pid}) is writing into this "
                                   "folder; wait for it to finish or choose another --output")
    finally:
        big.send_signal(signal.SIGKILL)
        big.wait(timeout=60)


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
