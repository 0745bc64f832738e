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


GOOD = "We fine-tune BERT on ImageNet and report accuracy against ViT."
# Formats whose bytes the update must reproduce; the state (.paperkg/papers.jsonl) is compared too.
PLAIN = ("--formats", "ntriples,csv")


def daily(*papers: tuple[str, str]) -> str:
    return "".join(f"{title}\n\n{abstract}\n\n" for title, abstract in papers)


@pytest.mark.parametrize("edit", ["changed abstract", "deleted record", "shorter copy of a paper in another file"])
def test_update_with_an_edited_file_equals_a_full_rebuild(tmp_path, edit):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(daily(("Shared Paper", "Short: BERT."), ("Only First", GOOD)))
    second.write_text(daily(("Shared Paper", "A longer abstract: we train RoBERTa on GLUE."), ("Only Second", GOOD),
                            ("Third Paper", "We propose DeiT for ImageNet.")))
    updated, rebuilt = tmp_path / "updated", tmp_path / "rebuilt"
    assert run("build", first, second, "-o", updated, "-q", *PLAIN).exit_code == 0
    text = second.read_text()
    second.write_text({"changed abstract": text.replace("We propose DeiT", "We propose Swin"),
                       "deleted record": text.replace("Third Paper\n\nWe propose DeiT for ImageNet.\n\n", ""),
                       "shorter copy of a paper in another file": text.replace(
                           "A longer abstract: we train RoBERTa on GLUE.", "BERT.")}[edit])
    result = run("build", "--update", updated, second, *PLAIN)
    assert result.exit_code == 0, result.output
    extracted = int(result.output.split("extracted ")[1].split()[0])
    assert extracted == {"changed abstract": 1, "deleted record": 0, "shorter copy of a paper in another file": 1}[edit]
    assert run("build", first, second, "-o", rebuilt, "-q", *PLAIN).exit_code == 0
    assert contents(updated) == contents(rebuilt)
    papers = (updated / "nodes.csv").read_text()
    assert ("Swin" in papers) == (edit == "changed abstract")
    assert ("Third Paper" in papers) == (edit != "deleted record")
    assert ("RoBERTa" in papers) == (edit != "shorter copy of a paper in another file")


def test_update_with_the_same_files_again_changes_nothing(tmp_path):
    first = tmp_path / "first.txt"
    first.write_text(daily(("Only First", GOOD)))
    out = tmp_path / "out"
    assert run("build", first, "-o", out, "-q", *PLAIN).exit_code == 0
    before = contents(out)
    again = run("build", "--update", out, tmp_path / "." / "first.txt", *PLAIN)
    assert "extracted 0 new paper(s)" in again.output and contents(out) == before
