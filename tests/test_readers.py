"""Readers: each format, folders, merging duplicates, and each kind of bad input."""
from __future__ import annotations

import json
import shutil

import pytest

from paperkg.core.errors import InputError
from paperkg.readers import iter_papers, read_papers

from .conftest import DATA

ARXIV_RECORD = {
    "id": "2106.09685", "title": "LoRA: Low-Rank  Adaptation of Large Language Models",
    "abstract": "We propose Low-Rank Adaptation, or LoRA.\n It freezes the weights.",
    "authors": "Edward J. Hu and others", "categories": "cs.CL cs.LG", "update_date": "2021-10-18",
    "journal-ref": None, "versions": [{"version": "v1"}],
}


def test_daily_pages_skip_the_header_and_pair_titles_with_abstracts():
    papers = list(iter_papers([DATA / "000_d19c32d15f532ca7.txt"]))
    first = papers[0]
    assert first.title.startswith("COSMO: COntrastive Streamlined MultimOdal Model")
    assert first.abstract.startswith("In the evolution of Vision-Language Pre-training")
    assert first.sources == [f"{DATA / '000_d19c32d15f532ca7.txt'}:11"]
    assert all(p.title and p.abstract and p.title != p.abstract for p in papers)
    assert not any(p.title.startswith(("Subscribe", "Get trending", "byAK")) for p in papers)


def test_arxiv_jsonl_keeps_metadata_and_ignores_other_keys(tmp_path):
    path = tmp_path / "arxiv.jsonl"
    path.write_text(json.dumps(ARXIV_RECORD) + "\n\n", encoding="utf-8")
    [paper] = read_papers([path])
    assert paper.title == "LoRA: Low-Rank Adaptation of Large Language Models"
    assert paper.abstract == "We propose Low-Rank Adaptation, or LoRA. It freezes the weights."
    assert (paper.arxiv_id, paper.categories, paper.update_date) == ("2106.09685", "cs.CL cs.LG", "2021-10-18")
    assert not hasattr(paper, "versions")


def test_json_array_and_csv_and_tsv(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([ARXIV_RECORD]), encoding="utf-8")
    (tmp_path / "b.csv").write_text('title,abstract\n"Paper B","An abstract, with a comma\nand a newline"\n',
                                    encoding="utf-8")
    (tmp_path / "c.tsv").write_text("Title\tAbstract\tyear\nPaper C\tThird abstract\t2024\n", encoding="utf-8")
    papers = read_papers([tmp_path])
    assert [p.title for p in papers] == [ARXIV_RECORD["title"].replace("  ", " "), "Paper B", "Paper C"]
    assert papers[1].abstract == "An abstract, with a comma and a newline"


def test_folders_are_read_recursively_and_duplicates_merge(tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    shutil.copy(DATA / "000_d19c32d15f532ca7.txt", nested / "page.txt")
    shutil.copy(DATA / "000_d19c32d15f532ca7.txt", tmp_path / "same-page.txt")
    (tmp_path / "notes.md").write_text("not a paper")
    once = read_papers([DATA / "000_d19c32d15f532ca7.txt"])
    twice = read_papers([tmp_path])
    assert len(twice) == len(once)
    assert all(len(p.sources) == 2 for p in twice)


def test_format_override_reads_any_extension(tmp_path):
    path = tmp_path / "papers.data"
    path.write_text(json.dumps({"title": "T", "abstract": "A"}) + "\n")
    assert [p.title for p in read_papers([path], format="jsonl")] == ["T"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.docx", b"x", "unknown input format '.docx'"),
        ("latin1.txt", "Caf\xe9\n".encode("latin-1"), "latin1.txt:1: not UTF-8 text"),
        ("array.json", b'[{"title": "T", "abstract": "A"},\n {"title": ', "array.json:2: not JSON"),
        ("binary.jsonl", b'{"title": "T"}\n\x00\x01\x02', "binary.jsonl:2: contains a NUL byte"),
        ("table.csv", b"name,text\nx,y\n", "table.csv:1: no title or abstract column"),
    ],
)
def test_bad_files_raise_one_line_errors_naming_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_papers([path])
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_missing_input_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        read_papers([tmp_path / "nope.jsonl"])


def test_bad_records_are_skipped_with_warnings_unless_strict(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"title": "Good", "abstract": "Fine."}\n{"title": "Broken"\n'
                    '{"title": "No abstract"}\n[1, 2]\n', encoding="utf-8")
    warnings = []
    papers = read_papers([path], on_warning=warnings.append)
    assert [p.title for p in papers] == ["Good"]
    assert [w.line for w in warnings] == [2, 3, 4]
    assert "not JSON" in str(warnings[0]) and "no abstract" in str(warnings[1])
    with pytest.raises(InputError, match=r"mixed.jsonl:2: not JSON"):
        read_papers([path], strict=True)


@pytest.mark.parametrize("content", [
    "\ufeffa\nb\r\nc\rd\r\r\ne\u2028f\n\nlast",  # BOM, every line end, U+2028 inside a line
    "one line, no line end",
    "\n\r\n\r",
    "x" * 20_000 + "\ny",  # a line longer than a read buffer
])
def test_line_reader_splits_as_the_whole_text_splits(tmp_path, content):
    # JSON Lines are read a line at a time (a 4 GB arXiv dump never sits in memory), with the
    # line numbers the whole-text split gives, so sources stay "file:line" either way.
    from paperkg.readers import _lines, _read_lines, _read_text

    path = tmp_path / "records.jsonl"
    path.write_bytes(content.encode("utf-8"))
    lines = _lines(_read_text(path))
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # the split's remainder after the last line end is no line
    assert list(_read_lines(path)) == list(enumerate(lines, 1))
