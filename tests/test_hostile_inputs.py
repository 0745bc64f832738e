"""Hostile inputs and output folders (issue #17): one line and exit 2, or the record skipped with a warning.

Each case runs ``paperkg build`` (or ``eval``) and checks the exit status,
that the output is one ``Error:`` line (or warnings naming the file and line),
that no traceback is printed and that no output folder is left behind. Cases
the operating system refuses to root (unreadable files and folders) use the
real permission bits when the tests run as another user and the same
``OSError`` raised where the reader meets it when they run as root; read-only
and full file systems are real ones, mounted in a private mount namespace
(``unshare -m``) where the machine allows it.
"""
from __future__ import annotations

import errno
import gzip
import json
import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pandas  # noqa: F401  (the CSV reader imports it on first use: loaded here, it is no part of a traced peak)
import pytest
from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.core.errors import InputError, printable
from paperkg.readers import MAX_LINE_BYTES, read_papers

from .conftest import DATA, one_error_line

GOOD = "We fine-tune BERT on ImageNet and report accuracy."
GOOD_LINE = json.dumps({"title": "Good Paper", "abstract": GOOD})
ROOT_USER = os.geteuid() == 0


def build(*args, quiet=True):
    result = CliRunner().invoke(cli, ["build", *map(str, args), "--formats", "csv", *(["-q"] if quiet else [])])
    return result


def warnings_of(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("warning: ")]


@pytest.mark.parametrize(("name", "bad_line", "warning"), [
    ("big-int.jsonl", '{"title": "T", "abstract": "A", "n": ' + "9" * 5000 + "}", "JSON number with more than 4,300 digits"),
    ("deep.jsonl", '{"title": "T", "abstract": "A", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "JSON nested deeper than paperkg reads"),
    ("big-int.json", '{"title": "T", "abstract": "A", "n": ' + "9" * 5000 + "}", "JSON number with more than 4,300"),
])
def test_json_lines_past_the_readers_limits_are_skipped_with_a_warning(tmp_path, name, bad_line, warning):
    path = tmp_path / name
    path.write_text(GOOD_LINE + "\n" + bad_line + "\n", encoding="utf-8")
    result = build(path, "-o", tmp_path / "out", quiet=False)
    assert result.exit_code == 0, result.output
    assert any(f"{name}:2: {warning}" in line for line in warnings_of(result)), result.output
    assert "Good Paper" in (tmp_path / "out" / "nodes.csv").read_text(encoding="utf-8")
    strict = build(path, "-o", tmp_path / "strict", "--strict")
    one_error_line(strict, f"{name}:2: {warning}")


@pytest.mark.parametrize(("content", "message"), [
    ("[" + GOOD_LINE + ", " + "[" * 100_000 + "]" * 100_000 + "]", "JSON nested deeper than paperkg reads"),
    ("[\n" + GOOD_LINE + ",\n" + "9" * 5000 + "\n]", "JSON number with more than 4,300 digits"),
])
def test_a_json_document_past_the_readers_limits_is_one_error(tmp_path, content, message):
    path = tmp_path / "papers.json"
    path.write_text(content, encoding="utf-8")
    one_error_line(build(path, "-o", tmp_path / "out"), "papers.json", message)
    assert not (tmp_path / "out").exists()


def test_a_line_with_no_end_is_passed_over_a_block_at_a_time(tmp_path):
    path = tmp_path / "papers.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(GOOD_LINE + "\n")
        handle.write('{"title": "Huge", "abstract": "' + "x" * (30 * MAX_LINE_BYTES) + '"}\n')
        handle.write(GOOD_LINE.replace("Good Paper", "After The Huge One") + "\n")
    warnings = []
    tracemalloc.start()
    papers = read_papers([path], on_warning=warnings.append)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [paper.title for paper in papers] == ["Good Paper", "After The Huge One"]
    assert [str(w) for w in warnings] == [f"{path}:2: line longer than {MAX_LINE_BYTES:,} bytes, more than a paper "
                                          "record could be; skipped"]
    assert peak < 4 * MAX_LINE_BYTES, f"{peak:,} bytes for a {30 * MAX_LINE_BYTES:,}-byte line"


@pytest.mark.parametrize("name", ["sparse.jsonl", "sparse.txt", "sparse.csv", "sparse.json"])
def test_a_large_file_of_nul_bytes_fails_at_its_first_block(tmp_path, name):
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(256 * MAX_LINE_BYTES)  # 256 MiB of NUL bytes and no line end, sparse on disk
    tracemalloc.start()
    with pytest.raises(InputError, match=f"{name}:1: contains a NUL byte"):
        read_papers([path])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 8 * MAX_LINE_BYTES


def test_a_fifo_named_as_input_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "papers.txt"
    os.mkfifo(fifo)
    one_error_line(build(fifo, "-o", tmp_path / "out"), "papers.txt: not a regular file (a FIFO)")
    assert not (tmp_path / "out").exists()


def test_proc_self_mem_is_one_line(tmp_path):
    one_error_line(build("/proc/self/mem", "--input-format", "daily", "-o", tmp_path / "out"),
                   "/proc/self/mem: cannot read: input/output error")


def test_files_in_a_folder_that_cannot_be_opened_are_skipped_with_a_warning(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.jsonl").write_text(GOOD_LINE + "\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.jsonl")
    (folder / "dangling.jsonl").symlink_to(tmp_path / "gone.jsonl")
    result = build(folder, "-o", tmp_path / "out", quiet=False)
    assert result.exit_code == 0, result.output
    assert warnings_of(result)[:2] == [f"warning: {folder}/dangling.jsonl: cannot read: no such file or folder; skipped",
                                       f"warning: {folder}/pipe.jsonl: not a regular file (a FIFO); skipped"]
    one_error_line(build(folder, "-o", tmp_path / "strict", "--strict"), "dangling.jsonl: cannot read")


def _deny(monkeypatch, target, *, listing=False):
    """Make ``target`` unreadable: by its permission bits, or (as root, whom they do not stop) at the OS call."""
    if not ROOT_USER:
        os.chmod(target, 0)
        return
    denied = PermissionError(errno.EACCES, "Permission denied", str(target))
    if listing:
        real = os.scandir

        def scandir(path="."):
            if not isinstance(path, int) and os.fspath(path) == str(target):
                raise denied
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        real_open = os.open

        def os_open(path, flags, *args, **kwargs):
            if not isinstance(path, int) and os.fspath(path) == str(target):
                raise denied
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", os_open)


def test_an_unreadable_file_in_a_folder_is_a_warning_and_named_alone_an_error(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.jsonl").write_text(GOOD_LINE + "\n", encoding="utf-8")
    secret = folder / "secret.jsonl"
    secret.write_text(GOOD_LINE + "\n", encoding="utf-8")
    _deny(monkeypatch, secret)
    result = build(folder, "-o", tmp_path / "out", quiet=False)
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert f"warning: {secret}: cannot read: permission denied; skipped" in warnings_of(result)
    one_error_line(build(secret, "-o", tmp_path / "alone"), f"{secret}: cannot read: permission denied")


def test_an_unreadable_subfolder_is_skipped_with_a_warning(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.jsonl").write_text(GOOD_LINE + "\n", encoding="utf-8")
    (folder / "locked" / "more.jsonl").write_text(GOOD_LINE + "\n", encoding="utf-8")
    _deny(monkeypatch, folder / "locked", listing=True)
    result = build(folder, "-o", tmp_path / "out", quiet=False)
    assert result.exit_code == 0, result.output
    assert any(f"{folder / 'locked'}: cannot read this folder (permission denied); skipped" in line
               for line in warnings_of(result)), result.output


@pytest.mark.parametrize(("name", "content"), [
    ("papers.jsonl.gz", GOOD_LINE + "\n"),
    ("papers.json.gz", "[" + GOOD_LINE + "]"),
    ("papers.csv.gz", f"title,abstract\nGood Paper,{GOOD}\n"),
    ("page.txt.gz", f"Good Paper\n\n{GOOD}\n"),
])
def test_gzipped_inputs_read_as_their_inner_format(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode("utf-8")))
    [paper] = read_papers([path])
    assert (paper.title, paper.abstract, paper.sources) == ("Good Paper", GOOD, [f"{path}:{1 if 'csv' not in name else 2}"])
    folder = tmp_path / "folder"
    folder.mkdir()
    shutil.copy(path, folder / name)
    assert [p.title for p in read_papers([folder])] == ["Good Paper"]


@pytest.mark.parametrize(("content", "message"), [
    (b"not gzip at all", "cannot read: not a gzipped file"),
    (gzip.compress(((GOOD_LINE + "\n") * 1000).encode())[:200], "cannot read: the compressed file is cut short"),
])
def test_a_broken_gzip_is_one_line(tmp_path, content, message):
    path = tmp_path / "papers.jsonl.gz"
    path.write_bytes(content)
    one_error_line(build(path, "-o", tmp_path / "out"), "papers.jsonl.gz", message)


def test_control_characters_in_a_path_are_escaped_in_the_message(tmp_path):
    path = tmp_path / "evil\n\x1b[31mname.docx"
    path.write_text("x")
    line = one_error_line(build(path, "-o", tmp_path / "out"), "evil\\n\\x1b[31mname.docx")
    assert "\x1b" not in line
    assert printable(str(path)) in line


@pytest.mark.parametrize("where", ["under a regular file", "under /proc", "under /sys"])
def test_an_output_folder_that_cannot_be_made_is_one_line(tmp_path, where):
    afile = tmp_path / "afile"
    afile.write_text("x")
    output = {"under a regular file": afile / "out", "under /proc": "/proc/paperkg-out",
              "under /sys": "/sys/paperkg-out"}[where]
    line = one_error_line(build(DATA / "000_d19c32d15f532ca7.txt", "-o", output), f"{output}: cannot write")
    assert {"under a regular file": f"{afile} is not a folder", "under /proc": "no such file or folder",
            "under /sys": "operation not permitted"}[where] in line


@pytest.mark.parametrize("command", ["aliases", "eval"])
def test_an_alias_or_gold_file_that_is_a_fifo_or_a_device_is_refused_without_blocking(tmp_path, command):
    fifo = tmp_path / "side.txt"
    os.mkfifo(fifo)
    runner = CliRunner()
    for path, kind in ((fifo, "a FIFO"), (Path("/dev/zero"), "a character device")):
        args = (["build", str(DATA / "000_d19c32d15f532ca7.txt"), "-o", str(tmp_path / "out"), "--aliases", str(path)]
                if command == "aliases" else ["eval", str(path)])
        one_error_line(runner.invoke(cli, args), f"{path}: not a regular file ({kind})")
    assert not (tmp_path / "out").exists()


def test_eval_refuses_an_empty_or_binary_gold_file(tmp_path):
    runner = CliRunner()
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "binary.jsonl").write_bytes(bytes(range(256)) * 8)
    for name, message in (("empty.jsonl", "no gold records"), ("binary.jsonl", "a binary file")):
        one_error_line(runner.invoke(cli, ["eval", str(tmp_path / name)]), name, message)


def _in_mount_namespace(script: str, *paths) -> subprocess.CompletedProcess:
    """Run ``script`` (sh) in a private mount namespace, or skip the test where the machine allows none."""
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("no private mount namespace here (unshare -m)")
    return subprocess.run(["unshare", "-m", "sh", "-e", "-c", script, "sh", *map(str, paths)], capture_output=True,
                          text=True, env=dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p)))


def _paperkg(*args) -> str:
    return " ".join([sys.executable, "-m", "paperkg", *args])


def test_a_read_only_output_folder_is_one_line(tmp_path):
    (tmp_path / "ro").mkdir()
    result = _in_mount_namespace(
        'mount -t tmpfs tmpfs "$1"; mount -o remount,ro "$1"; '
        + _paperkg("build", '"$2"', "-o", '"$1/out"', "-q", "--formats", "csv"), tmp_path / "ro",
        DATA / "000_d19c32d15f532ca7.txt")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.splitlines() == [f"Error: {tmp_path / 'ro' / 'out'}: cannot write: read-only file system"]


def test_a_full_disk_during_the_exports_is_one_line(tmp_path):
    (tmp_path / "small").mkdir()
    result = _in_mount_namespace(
        'mount -t tmpfs -o size=256k tmpfs "$1"; '
        + _paperkg("build", '"$2"', "-o", '"$1/out"', "-q"), tmp_path / "small", DATA)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: {tmp_path / 'small' / 'out'}") and "no space left on the device" in line, line


def test_a_json_array_is_read_an_item_at_a_time(tmp_path):
    from paperkg.readers import iter_papers

    records = [{"title": f"Paper {n}", "abstract": GOOD, "n": n * 1.5, "ids": list(range(n % 7))}
               for n in range(100_000)]
    path = tmp_path / "papers.json"
    path.write_text(json.dumps(records), encoding="utf-8")  # one line of 12 MB
    assert path.stat().st_size > 10 * MAX_LINE_BYTES
    tracemalloc.start()
    count, last = 0, None
    for paper in iter_papers([path]):
        count, last = count + 1, paper.title
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (count, last) == (len(records), records[-1]["title"])
    assert peak < 8 * MAX_LINE_BYTES, f"{peak:,} bytes held for a {path.stat().st_size:,}-byte array"
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(records[:500], indent=2), encoding="utf-8")
    assert [paper.title for paper in iter_papers([pretty])] == [record["title"] for record in records[:500]]


@pytest.mark.parametrize(("content", "message"), [
    ('[{"title": "T", "abstract": "' + "x" * (2 * MAX_LINE_BYTES) + '"}]', "or an item longer than"),
    ('[{"title": "T", "abstract": "A"} {"title": "U"}]', "expecting ',' or ']'"),
    ('[{"title": "T", "abstract": "A"},', "not JSON: Expecting value"),
    ('[{"title": "T", "abstract": "A"}', "found the end of the file"),
    ('[{"title": "T", "abstract": "A"}] []', "extra data after the array"),
])
def test_a_broken_or_huge_json_array_is_one_error_read_in_bounded_memory(tmp_path, content, message):
    path = tmp_path / "papers.json"
    path.write_text(content, encoding="utf-8")
    tracemalloc.start()
    with pytest.raises(InputError, match=message):
        read_papers([path])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 8 * MAX_LINE_BYTES


def test_a_table_is_read_a_chunk_of_rows_at_a_time(tmp_path):
    from paperkg.readers import iter_papers

    def table(rows: int) -> Path:
        path = tmp_path / f"papers-{rows}.csv"
        path.write_text("title,abstract\n" + "".join(f"Paper {n},{GOOD} Row {n}.\n" for n in range(rows)),
                        encoding="utf-8")
        return path

    path = table(120_000)  # 9 MB
    tracemalloc.start()
    count = sum(1 for _ in iter_papers([path]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 120_000 and peak < 8 * MAX_LINE_BYTES < path.stat().st_size, f"{peak:,} bytes held"
    broken = table(25_000)  # the bad row is in the sixth chunk of rows: its line is still the file's
    with broken.open("a", encoding="utf-8") as handle:
        handle.write("Broken,row,with three fields\n")
    with pytest.raises(InputError, match=f"{broken.name}:25002: not a readable table"):
        list(iter_papers([broken]))
