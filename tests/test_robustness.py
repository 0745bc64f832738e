"""Broken and hostile input through ``paperkg build``: right output or one clear error, never a traceback.

Cases already covered elsewhere (an unknown extension, Latin-1 in a .txt file,
a JSON array cut short, a NUL byte in JSON Lines, a table with neither column,
an empty .jsonl file, a record with no abstract) live in tests/test_readers.py
and tests/test_cli.py; this table holds the rest.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.readers import MAX_LINE_BYTES, MAX_RECORD_CHARS

GOOD = b"We fine-tune BERT on ImageNet and report accuracy."
HUGE_LINE = b"We use BERT. " * (5_000_000 // 13)  # a 5 MB line: over the line limit, skipped unread
LONG_LINE = b"We use BERT. " * (150_000 // 13)  # under the line limit, over the record limit


def ok(titles: list[str], warning: str | None = None) -> dict:
    return {"titles": titles, "warning": warning}


def error(message: str) -> dict:
    return {"error": message}


CASES = [
    ("empty.txt", b"", error("empty.txt: no papers found")),
    ("empty.csv", b"", error("empty.csv: not a readable table: No columns to parse")),
    ("header-only.txt", b"new\n\nSubscribe\n\nbyAK and the research community\n\nMar 12\n",
     error("header-only.txt: no papers found")),
    ("header-only.csv", b"title,abstract\n", error("header-only.csv: no papers found")),
    ("title-no-abstract.txt", b"Mar 12\n\nGood Paper\n\n" + GOOD + b"\n\nA Title Left Alone\n",
     ok(["Good Paper"], "title-no-abstract.txt:7: title with no abstract after it")),
    ("abstract-no-title.jsonl", json.dumps({"abstract": GOOD.decode()}).encode(),
     error("abstract-no-title.jsonl: no papers found")),
    ("duplicates.jsonl",
     b'{"title": "Same Paper", "abstract": "Short."}\n{"title": "same paper!", "abstract": "' + GOOD + b'"}\n',
     ok(["same paper!"], "duplicates.jsonl:1: same paper as ")),
    ("crlf.txt", b"Mar 12\r\n\r\nCRLF Paper\r\n\r\n" + GOOD + b"\r\n", ok(["CRLF Paper"])),
    ("old-mac.txt", b"CR Paper\r\r" + GOOD + b"\r", ok(["CR Paper"])),
    ("bom.txt", b"\xef\xbb\xbfBOM Paper\n\n" + GOOD + b"\n", ok(["BOM Paper"])),
    ("bom.csv", b"\xef\xbb\xbftitle,abstract\nBOM Table Paper," + GOOD + b"\n", ok(["BOM Table Paper"])),
    ("latin1.csv", "title,abstract\nCaf\xe9 Paper,x\n".encode("latin-1"), error("latin1.csv:2: not UTF-8 text")),
    ("nul.txt", b"Paper\n\nAn abs\x00tract\n", error("nul.txt:3: contains a NUL byte")),
    ("binary.txt", bytes(range(256)) * 64, error("binary.txt:1: contains a NUL byte")),
    ("binary.csv", bytes(range(256)) * 64, error("binary.csv:2: not UTF-8 text (byte 0x80")),
    ("png.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", error("png.csv:1: not UTF-8 text (byte 0x89")),
    ("huge-line.txt", b"Good Paper\n\n" + GOOD + b"\n\nHuge Paper\n\n" + HUGE_LINE + b"\n",
     ok(["Good Paper"], f"huge-line.txt:7: line longer than {MAX_LINE_BYTES:,} bytes")),
    ("long-line.txt", b"Good Paper\n\n" + GOOD + b"\n\nLong Paper\n\n" + LONG_LINE + b"\n",
     ok(["Good Paper"], f"long-line.txt:5: record has {len(LONG_LINE.strip() + b'Long Paper'):,} characters")),
    ("huge-line.jsonl", json.dumps({"title": "Huge", "abstract": HUGE_LINE.decode()}).encode(),
     error("huge-line.jsonl: no papers found")),
    ("truncated.jsonl", b'{"title": "Whole Paper", "abstract": "' + GOOD + b'"}\n{"title": "Cut Paper", "abst',
     ok(["Whole Paper"], "truncated.jsonl:2: not JSON: Unterminated string")),
    ("string.json", b'"a paper"', error("string.json:1: expected an array of paper objects, got a string")),
    ("number.jsonl", b"42\n", error("number.jsonl: no papers found")),
    ("mixed-array.json", b'[1, null, {"title": "Array Paper", "abstract": "' + GOOD + b'"}]',
     ok(["Array Paper"], "mixed-array.json: item 0 is a number, not a JSON object")),
    ("object.json", b'{\n  "title": "Pretty Paper",\n  "abstract": "' + GOOD + b'"\n}\n', ok(["Pretty Paper"])),
    ("line-separator.jsonl", json.dumps({"title": "Split\u2028Title", "abstract": GOOD.decode()},
                                        ensure_ascii=False).encode(), ok(["Split Title"])),
    ("quoted-newlines.csv", b'title,abstract\n"Multi\nLine Title","' + GOOD + b'\nSecond line, with a comma."\n',
     ok(["Multi Line Title"])),
    ("missing-column.csv", b"title,year\nA Paper,2024\n", error("missing-column.csv:1: no abstract column")),
    ("short-row.csv", b"title,abstract\nShort Row\nFull Row," + GOOD + b"\n",
     ok(["Full Row"], "short-row.csv:2: record has no abstract")),
    ("long-first-row.csv", b"title,abstract\nA Paper," + GOOD + b",extra\n",
     error("long-first-row.csv:2: more fields than the header has columns")),
    ("long-later-row.csv", b"title,abstract\nA Paper,Fine.\nB Paper,Not,fine\n",
     error("long-later-row.csv:3: not a readable table: Error tokenizing data")),
    ("unclosed-quote.csv", b'title,abstract\n"A Paper,' + GOOD + b"\n",
     error("unclosed-quote.csv: not a readable table")),
]


@pytest.fixture
def build(tmp_path):
    runner = CliRunner()

    def run(path, *options):
        output = tmp_path / "out"
        result = runner.invoke(cli, ["build", str(path), "-o", str(output), "--formats", "csv", *options],
                               catch_exceptions=False)
        return result, output

    return run


def test_the_long_lines_are_over_their_limits():
    assert len(HUGE_LINE) > MAX_LINE_BYTES and MAX_RECORD_CHARS < len(LONG_LINE) < MAX_LINE_BYTES


@pytest.mark.parametrize(("name", "content", "expected"), CASES, ids=[case[0] for case in CASES])
def test_bad_input_gives_the_right_graph_or_one_error_line(tmp_path, build, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    result, output = build(path, "--quiet") if "error" in expected else build(path)
    assert "Traceback" not in result.output
    if "error" in expected:
        assert result.exit_code == 2
        [line] = result.output.splitlines()  # --quiet: the error line and nothing else
        assert line.startswith(f"Error: {tmp_path}/") and expected["error"] in line
        assert not output.exists()
        return
    assert result.exit_code == 0, result.output
    nodes = pd.read_csv(output / "nodes.csv", keep_default_na=False)
    assert sorted(nodes.loc[nodes["kind"] == "paper", "label"]) == sorted(expected["titles"])
    warnings = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    if expected["warning"] is None:
        assert warnings == []
        return
    assert any(expected["warning"] in line for line in warnings), result.output
    strict, _ = build(path, "--strict", "--quiet")
    assert strict.exit_code == 2 and expected["warning"] in strict.output


ADVERSARIAL_UNITS = {
    "A-A-A chain": "A-",
    "nested brackets": None,  # "((((…))))", built below
    "mixed brackets": "([{<",
    "brackets and stops": ").",
    "possessives": "'s",
    "repeated URL prefix": "https://github.com/",
    "capitalised words": "Large Vision Diffusion Transformer Model ",
    "hyphen chain": "Tokens-to-",
    "acronym definitions": "Vision Transformer (ViT) ",
}


def test_extraction_time_stays_linear_on_adversarial_text(sample_papers):
    """Every hostile 100 KB text extracts within 10x the time of 100 KB of real abstracts."""
    import time

    from paperkg.extractors import make_pipeline

    size = 100_000
    nlp = make_pipeline()

    def seconds(text: str) -> float:
        start = time.perf_counter()
        nlp(text)
        return time.perf_counter() - start

    normal = " ".join(paper.abstract for paper in sample_papers)[:size]
    assert len(normal) == size
    ratios = {}
    for name, unit in ADVERSARIAL_UNITS.items():
        text = "(" * (size // 2) + ")" * (size // 2) if unit is None else (unit * (size // len(unit) + 1))[:size]
        # Each shape against a baseline taken beside it, the best of three: other processes on the
        # machine slow single runs down (one run alone flaked at 10.4-13.0x), a quadratic step does not go away.
        ratios[name] = round(min(seconds(text) / seconds(normal) for _ in range(3)), 1)
        if ratios[name] > 10:
            break
    assert max(ratios.values()) <= 10, ratios
