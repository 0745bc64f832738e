"""The one runner: batches, streaming, engines and updates write the same files as one batch in memory."""
from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from paperkg import exports
from paperkg.core.errors import PaperkgError
from paperkg.core.generation import JOURNAL
from paperkg.core.records import STATE_DIR
from paperkg.graph import summarize
from paperkg.pipeline import load_graph, run
from paperkg.readers import iter_papers

from .conftest import DATA

FIRST = DATA / "000_d19c32d15f532ca7.txt"
SECOND = DATA / "002_580fc155f03476d3.txt"
ALL_FORMATS = list(exports.EXPORTERS)


#: Folders holding a database, compared by their content: a database's own files differ run to run.
DATABASES = ("store",)


def _outputs(folder: Path) -> dict[str, bytes]:
    """Every file a build wrote, by path relative to its folder; a database as its sorted N-Quads."""
    files = {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*"))
             if path.is_file() and path.relative_to(folder).parts[0] not in DATABASES}
    for name in DATABASES:
        if (folder / name).is_dir():
            files[name] = _database_quads(folder / name)
    return files


def _database_quads(folder: Path) -> bytes:
    """The store's quads, sorted, blank nodes written as ``_:b`` (a store names them anew at each load)."""
    import pyoxigraph

    [database] = [path.parent for path in folder.rglob("CURRENT")]
    store = pyoxigraph.Store.read_only(str(database))

    def term(node) -> str:
        return "_:b" if isinstance(node, pyoxigraph.BlankNode) else str(node)

    return "\n".join(sorted(" ".join(map(term, (q.subject, q.predicate, q.object))) for q in store)).encode()


def _assert_same_files(left: Path, right: Path) -> None:
    ours, theirs = _outputs(left), _outputs(right)
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert not differing, f"files differ between {left.name} and {right.name}: {differing}"


@pytest.fixture(scope="module")
def one_batch(tmp_path_factory, sample_papers):
    folder = tmp_path_factory.mktemp("one-batch")
    return folder, run(sample_papers, folder)


@pytest.fixture(scope="module")
def batches_of_seven(tmp_path_factory, sample_papers):
    folder = tmp_path_factory.mktemp("batches-of-7")
    return folder, run(sample_papers, folder, batch_size=7)


def test_every_format_is_byte_identical_in_one_batch_and_in_batches_of_seven(one_batch, batches_of_seven):
    (folder, result), (batched, _) = one_batch, batches_of_seven
    assert sorted(result.written) == sorted(ALL_FORMATS)
    _assert_same_files(folder, batched)


def test_a_streamed_build_writes_what_a_build_in_memory_writes(one_batch, tmp_path):
    folder, in_memory = one_batch
    # Small sorted runs and batches, so copies of a paper sit in different runs and entities span batches.
    streamed = run([DATA], tmp_path / "streamed", stream=True, batch_size=40, run_size=60)
    assert streamed.graph is None and streamed.summary == in_memory.summary
    _assert_same_files(folder, tmp_path / "streamed")


def test_the_build_counts_what_its_graph_holds(one_batch, sample_graph):
    _, result = one_batch
    assert result.summary == summarize(result.graph) == summarize(sample_graph)
    assert sum(1 for _ in iter_papers([DATA])) > result.papers  # the sample pages repeat papers


def test_the_graph_loaded_from_a_build_is_the_graph_it_built(one_batch):
    folder, result = one_batch
    loaded = load_graph(folder)
    assert sorted(loaded.nodes(data=True)) == sorted(result.graph.nodes(data=True))
    assert sorted(loaded.edges(keys=True)) == sorted(result.graph.edges(keys=True))


def test_every_step_is_timed(one_batch):
    _, result = one_batch
    steps = set(result.seconds)
    assert {"read", "extract", "resolve", "graph", "state"} <= steps
    assert {name for step in steps if step.startswith("export:") for name in step[7:].split("+")} == set(ALL_FORMATS)


def test_an_update_equals_a_full_build(tmp_path):
    run([FIRST], tmp_path / "grown", formats=["csv", "ntriples"])
    again = run([SECOND], tmp_path / "grown", formats=["csv", "ntriples"], update=True)
    run([FIRST, SECOND], tmp_path / "full", formats=["csv", "ntriples"])
    assert again.extracted < again.papers
    for name in ("nodes.csv", "edges.csv", "graph.nt"):
        assert (tmp_path / "grown" / name).read_bytes() == (tmp_path / "full" / name).read_bytes()


@pytest.mark.parametrize(("options", "problem"), [
    ({"stream": True, "corpus_pass": True}, "cannot take --corpus-pass"),
    ({"stream": True, "engine": "dask"}, "cannot take --engine dask"),
    ({"engine": "spark"}, "unknown engine"),
    ({"formats": ["csv"], "export_options": {"max_nodes": 10}}, "max_nodes applies to html"),
    ({"export_options": {"base_iri": "http://x/> <http://evil/p> \"INJECTED\" .\n<http://x/"}}, "base IRI"),
])
def test_options_a_build_cannot_honour_are_refused_before_anything_is_written(tmp_path, options, problem):
    out = tmp_path / "out"
    with pytest.raises(PaperkgError, match=problem):
        run([FIRST], out, **options)
    assert not out.exists()


def test_a_failed_build_leaves_the_previous_generation_whole(tmp_path, monkeypatch):
    run([FIRST], tmp_path, formats=["csv", "ntriples"])
    before = _outputs(tmp_path)

    def failing_close(self):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exports.tables.TablesSink, "close", failing_close)
    with pytest.raises(OSError):
        run([FIRST, SECOND], tmp_path, formats=["csv", "ntriples"])
    assert _outputs(tmp_path) == before


def test_a_switch_killed_half_way_is_finished_by_the_next_reader(tmp_path):
    """Kill the build between moving its first and its last file into place: readers see one generation."""
    run([FIRST], tmp_path, formats=["csv", "ntriples"])
    script = f"""
import os, signal
import paperkg.core.generation as generation
from paperkg.pipeline import run
real_replace, moved = os.replace, []
journal = os.path.join({str(tmp_path)!r}, ".paperkg", "switch.json")
def replace_then_die(source, target):
    real_replace(source, target)
    if os.path.exists(journal):  # the switch itself, not the files' own atomic writes
        moved.append(target)
        if len(moved) == 2:
            os.kill(os.getpid(), signal.SIGKILL)
generation.os.replace = replace_then_die
run([{str(FIRST)!r}, {str(SECOND)!r}], {str(tmp_path)!r}, formats=["csv", "ntriples"])
"""
    killed = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    assert (tmp_path / STATE_DIR / JOURNAL).exists()
    graph = load_graph(tmp_path)  # finishes the switch before reading
    assert not (tmp_path / STATE_DIR / JOURNAL).exists()
    fresh = run([FIRST, SECOND], tmp_path / "fresh", formats=["csv", "ntriples"])
    assert sorted(graph.nodes) == sorted(fresh.graph.nodes)
    for name in ("nodes.csv", "edges.csv", "graph.nt", f"{STATE_DIR}/papers.jsonl"):
        assert (tmp_path / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name


@pytest.mark.parametrize("stream", [False, True])
def test_a_paper_over_the_bounds_is_warned_about_once(tmp_path, stream):
    listing = tmp_path / "listing.jsonl"
    listing.write_text('{"title": "A listing", "abstract": "' + " ".join(f"Net{i}" for i in range(300)) + '."}\n',
                       encoding="utf-8")
    warnings = []
    run([listing], tmp_path / "out", formats=["csv"], stream=stream, on_warning=warnings.append)
    assert [str(warning) for warning in warnings] == [f"{listing}:1: 300 mentions in one sentence; kept the first 100"]
