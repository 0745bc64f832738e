"""Same papers in, same bytes out: whatever the file order, record order or hash seed.

Each build runs in its own ``python -m kg`` process, so ``PYTHONHASHSEED``
really differs between them (set and dict order of strings would leak into
the output if anything iterated one unsorted). The two builds of a pair run
side by side.
"""
from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

from paperkg.readers import iter_papers

from .conftest import DATA, ROOT


def start_build(inputs: list[Path | str], output: Path, *, hash_seed: int, cwd: Path = ROOT) -> subprocess.Popen:
    environment = {**os.environ, "PYTHONHASHSEED": str(hash_seed),
                   "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-m", "paperkg", "build", *map(str, inputs), "-o", str(output), "--quiet"],
                            cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(*builds: subprocess.Popen) -> None:
    for build in builds:
        _, errors = build.communicate(timeout=600)
        assert build.returncode == 0, errors


def output_files(folder: Path) -> dict[str, bytes]:
    """The build's files by name; a Parquet file as its rows in JSON, so its text can be compared."""
    return {path.name: _parquet_rows(path) if path.suffix == ".parquet" else path.read_bytes()
            for path in sorted(folder.iterdir()) if path.is_file()}


def _parquet_rows(path: Path) -> bytes:
    import pyarrow.parquet

    return json.dumps(pyarrow.parquet.read_table(path).to_pylist(), ensure_ascii=False, default=str).encode()


def test_file_order_and_hash_seed_change_no_byte(tmp_path):
    files = sorted(DATA.glob("*.txt"))
    # The sample pages share 32 papers, so file order decides which copy is read first.
    assert len(files) == 3 and len({p.key for p in iter_papers(files)}) < sum(1 for _ in iter_papers(files))
    finish(start_build(files, tmp_path / "forward", hash_seed=1),
           start_build(files[::-1], tmp_path / "backward", hash_seed=2024))
    forward, backward = output_files(tmp_path / "forward"), output_files(tmp_path / "backward")
    assert {"graph.ttl", "graph.jsonld", "graph.nt", "graph.graphml", "graph.html", "nodes.csv"} <= set(forward)
    assert forward.keys() == backward.keys()
    for name in forward:
        assert forward[name] == backward[name], f"{name} differs with the input files in another order"
        assert date.today().isoformat().encode() not in forward[name], f"{name} holds today's date"


def test_record_order_changes_nothing_but_source_line_numbers(tmp_path):
    """Shuffled JSON Lines copies of the corpus give the same graph.

    A paper's ``sources`` say which line of the file it came from, and that
    line moves with the shuffle, so those numbers are masked before comparing;
    every other byte (labels, aliases, edges, evidence, order) must be equal.
    """
    # 120 records keep the test quick; the file-order test above already reorders every paper.
    records = [{"title": p.title, "abstract": p.abstract} for p in iter_papers([DATA])][:120]
    builds = []
    for seed in (1, 2):
        folder = tmp_path / f"shuffle-{seed}"
        folder.mkdir()
        random.Random(seed).shuffle(records)
        lines = [json.dumps(record, ensure_ascii=False) + "\n" for record in records]
        (folder / "corpus.jsonl").write_text("".join(lines), encoding="utf-8")
        builds.append(start_build(["corpus.jsonl"], Path("out"), hash_seed=seed, cwd=folder))
    finish(*builds)
    first, second = (output_files(tmp_path / f"shuffle-{seed}" / "out") for seed in (1, 2))
    assert first.keys() == second.keys() and first
    line_numbers = re.compile(rb"corpus\.jsonl:\d+")
    differing = []
    for name in first:
        assert line_numbers.sub(b"corpus.jsonl:N", first[name]) == line_numbers.sub(b"corpus.jsonl:N", second[name]), \
            f"{name} differs beyond source line numbers"
        differing += [name] if first[name] != second[name] else []
    assert "nodes.csv" in differing  # the masking hid real differences, so the comparison compared something
