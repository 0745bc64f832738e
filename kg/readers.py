"""Read papers from daily-papers pages, JSON Lines / JSON, and CSV / TSV files.

The format is chosen from the file extension unless given. Folders are read
recursively (files with a known extension only). The same paper read twice
(same normalized title) becomes one :class:`~paperkg.core.model.Paper` that lists
every source it came from.

Problems with a whole file (missing, unknown format, undecodable, not JSON
at all, a table row with more fields than the header) raise
:class:`~paperkg.core.errors.InputError`. Problems with one record (a malformed JSON
line, a missing title or abstract, a record longer than
:data:`MAX_RECORD_CHARS`, a second copy of a paper with another abstract) are
reported through ``on_warning`` and the record is skipped, unless ``strict``
is set, which makes them errors too.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .core.errors import InputError
from .core.model import Paper

__all__ = ["FORMATS", "MAX_RECORD_CHARS", "clean_text", "format_of", "input_files", "iter_papers", "merge_papers", "read_papers"]

#: Format name → the file extensions it is chosen for.
FORMATS = {
    "daily": (".txt",),
    "jsonl": (".jsonl", ".ndjson"),
    "json": (".json",),
    "csv": (".csv",),
    "tsv": (".tsv", ".tab"),
}
_FORMAT_OF_SUFFIX = {suffix: name for name, suffixes in FORMATS.items() for suffix in suffixes}
_METADATA_KEYS = ("authors", "categories", "update_date")

#: Longest title plus abstract read, in characters. arXiv caps abstracts at 1,920
#: characters; anything near this limit is a dump of a whole text, not a paper record,
#: and would only slow extraction down (spaCy refuses a doc over a million characters).
MAX_RECORD_CHARS = 100_000

# Line ends only: str.splitlines() also splits at U+2028, U+0085 and other characters
# a JSON string or a title may legitimately hold.
_LINE_END = re.compile(r"\r\n|\r|\n")
# Characters a title never needs and some formats cannot hold: control characters that are
# not whitespace (XML 1.0 forbids them), lone surrogates (JSON "\ud800" escapes make them;
# UTF-8 cannot encode them) and the noncharacters U+FFFE and U+FFFF.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_JSON_KINDS = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number",
               bool: "true or false", type(None): "null"}

# Lines a daily-papers page starts with before its first title.
_DAILY_HEADER = re.compile(
    r"^(new|get trending papers.*|subscribe|by\s*ak and the research community|"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}(, \d{4})?)$",
    re.IGNORECASE,
)

Warn = Callable[[InputError], None]


def format_of(path: Path, override: str | None = None) -> str:
    """The reader format for a file: ``override`` if given, else from its extension.

    Examples
    --------
    >>> format_of(Path("arxiv-metadata.jsonl"))
    'jsonl'
    >>> format_of(Path("notes.docx"))
    Traceback (most recent call last):
    paperkg.core.errors.InputError: notes.docx: unknown input format '.docx'; expected one of .csv, .json, .jsonl, .ndjson, .tab, .tsv, .txt (or pass --format)
    """
    if override:
        if override not in FORMATS:
            raise InputError(path, f"unknown format {override!r}; choose one of {', '.join(FORMATS)}")
        return override
    try:
        return _FORMAT_OF_SUFFIX[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(_FORMAT_OF_SUFFIX))
        raise InputError(path, f"unknown input format {path.suffix!r}; expected one of {known} (or pass --format)") from None


def input_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders (recursively, known extensions only) and check files exist."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _FORMAT_OF_SUFFIX))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(path, "no such file or folder")
    return files


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _not_utf8(path, data, error, data[: error.start].count(b"\n") + 1, 0) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise _binary(path, line)
    return text


def _read_lines(path: Path) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` of a UTF-8 file, a line at a time, as :func:`_lines` splits its text.

    A file of millions of JSON Lines never sits in memory whole; a file that
    is not UTF-8 text fails at the line at fault, as :func:`_read_text` does.
    """
    number, offset = 0, 0
    with path.open("rb") as handle:
        for chunk in handle:  # split at "\n" only; a lone "\r" is split below
            try:
                text = chunk.decode("utf-8-sig" if offset == 0 else "utf-8")
            except UnicodeDecodeError as error:
                raise _not_utf8(path, chunk, error, number + 1 + chunk[: error.start].count(b"\r"), offset) from None
            offset += len(chunk)
            pieces = _LINE_END.split(text)
            if len(pieces) > 1 and pieces[-1] == "":
                pieces.pop()  # what follows the line end belongs to the next chunk
            for piece in pieces:
                number += 1
                if "\x00" in piece:
                    raise _binary(path, number)
                yield number, piece


def _not_utf8(path: Path, data: bytes, error: UnicodeDecodeError, line: int, offset: int) -> InputError:
    return InputError(path, f"not UTF-8 text (byte {data[error.start]:#04x} at offset {offset + error.start})",
                      line=line)


def _binary(path: Path, line: int) -> InputError:
    return InputError(path, "contains a NUL byte; is this a binary file?", line=line)


def clean_text(value: object) -> str:
    """The text with invisible characters dropped and each run of whitespace one space.

    Every string a record gives goes through this, so each export format
    carries the same text (GraphML, say, could not hold a control character).

    Examples
    --------
    >>> clean_text(" Caf\\u00e9\\x00 \\t\\r\\n\\u2028 BERT\\ud800 ")
    'Café BERT'
    """
    return " ".join(_INVISIBLE.sub("", str(value)).split())


def _lines(text: str) -> list[str]:
    return _LINE_END.split(text)


def _paper(record: dict, path: Path, line: int, warn: Warn) -> Paper | None:
    title = clean_text(record.get("title") or "")
    abstract = clean_text(record.get("abstract") or "")
    missing = [name for name, value in (("title", title), ("abstract", abstract)) if not value]
    if missing:
        warn(InputError(path, f"record has no {' or '.join(missing)}; skipped", line=line))
        return None
    if len(title) + len(abstract) > MAX_RECORD_CHARS:
        warn(InputError(path, f"record has {len(title) + len(abstract):,} characters, more than a title and "
                              f"abstract could ({MAX_RECORD_CHARS:,}); skipped", line=line))
        return None
    metadata = {key: clean_text(_flat(record[key])) for key in _METADATA_KEYS if record.get(key) not in (None, "")}
    arxiv_id = clean_text(record["id"]) if record.get("id") not in (None, "") else None
    return Paper(title, abstract, arxiv_id=arxiv_id or None, sources=[f"{path}:{line}"],
                 **{key: value for key, value in metadata.items() if value})


def _flat(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(" ".join(map(str, v)) if isinstance(v, list) else str(v) for v in value)
    return str(value)


def _daily(path: Path, warn: Warn) -> Iterator[Paper]:
    lines = [(n, line.strip()) for n, line in enumerate(_lines(_read_text(path)), 1) if line.strip()]
    start = 0
    while start < len(lines) and _DAILY_HEADER.match(lines[start][1]):
        start += 1
    body = lines[start:]
    for i in range(0, len(body) - 1, 2):
        (line, title), (_, abstract) = body[i], body[i + 1]
        paper = _paper({"title": title, "abstract": abstract}, path, line, warn)
        if paper:
            yield paper
    if len(body) % 2:
        warn(InputError(path, "title with no abstract after it; skipped", line=body[-1][0]))


def _jsonl(path: Path, warn: Warn) -> Iterator[Paper]:
    yield from _json_lines(path, _read_lines(path), warn)


def _json_lines(path: Path, lines: Iterable[tuple[int, str]], warn: Warn) -> Iterator[Paper]:
    for line, raw in lines:
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as error:
            warn(InputError(path, f"not JSON: {error.msg} (column {error.colno})", line=line))
            continue
        if not isinstance(record, dict):
            warn(InputError(path, f"expected a JSON object, got {_JSON_KINDS[type(record)]}", line=line))
            continue
        paper = _paper(record, path, line, warn)
        if paper:
            yield paper


def _opens_json_lines(path: Path) -> bool:
    """Whether the file's first non-blank line is a whole JSON object, as in JSON Lines."""
    first = next((line for _, line in _read_lines(path) if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def _json(path: Path, warn: Warn) -> Iterator[Paper]:
    if _opens_json_lines(path):
        # Many ".json" dumps are JSON Lines (arXiv's metadata snapshot is), read a line at a time;
        # a one-line JSON object reads the same either way.
        yield from _json_lines(path, _read_lines(path), warn)
        return
    text = _read_text(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(path, f"not JSON: {error.msg} (column {error.colno})", line=error.lineno) from None
    records = [document] if isinstance(document, dict) else document
    if not isinstance(records, list):
        raise InputError(path, f"expected an array of paper objects, got {_JSON_KINDS[type(document)]}", line=1)
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            warn(InputError(path, f"item {index} is {_JSON_KINDS[type(record)]}, not a JSON object; skipped"))
            continue
        paper = _paper(record, path, index + 1, warn)
        if paper:
            yield paper


def _table(path: Path, warn: Warn, sep: str) -> Iterator[Paper]:
    import io

    import pandas as pd

    try:
        frame = pd.read_csv(io.StringIO(_read_text(path)), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        line = re.search(r"\bline (\d+)", str(error))
        raise InputError(path, f"not a readable table: {str(error).strip()}",
                         line=int(line[1]) if line else None) from None
    if not isinstance(frame.index, pd.RangeIndex):
        # pandas takes surplus leading fields of the first row as an index and shifts every column.
        raise InputError(path, "more fields than the header has columns; quote fields that hold the separator",
                         line=2)
    columns = {column.strip().lower(): column for column in frame.columns}
    missing = [name for name in ("title", "abstract") if name not in columns]
    if missing:
        raise InputError(path, f"no {' or '.join(missing)} column (columns: {', '.join(frame.columns)})", line=1)
    for index, row in enumerate(frame.to_dict("records")):
        record = {key: row[column] for key, column in columns.items()}
        paper = _paper(record, path, index + 2, warn)  # line 1 is the header
        if paper:
            yield paper


_READERS = {
    "daily": _daily,
    "jsonl": _jsonl,
    "json": _json,
    "csv": lambda path, warn: _table(path, warn, ","),
    "tsv": lambda path, warn: _table(path, warn, "\t"),
}


def _warner(strict: bool, on_warning: Warn | None) -> Warn:
    def warn(problem: InputError) -> None:
        if strict:
            raise problem
        if on_warning:
            on_warning(problem)

    return warn


def iter_papers(
    paths: Iterable[str | Path],
    *,
    format: str | None = None,
    strict: bool = False,
    on_warning: Warn | None = None,
) -> Iterator[Paper]:
    """Yield every paper record in the inputs, in file order, duplicates included."""
    warn = _warner(strict, on_warning)
    for path in input_files(paths):
        yield from _READERS[format_of(path, format)](path, warn)


def _source_order(source: str) -> tuple[str, int]:
    path, _, line = source.rpartition(":")
    return path, int(line)


def _preference(paper: Paper) -> tuple:
    # The longest abstract wins (daily pages cut abstracts short); the rest only breaks ties,
    # so the choice never depends on the order files or records come in.
    return -len(paper.abstract), paper.abstract, paper.title, min(map(_source_order, paper.sources))


def read_papers(
    paths: Iterable[str | Path],
    *,
    format: str | None = None,
    strict: bool = False,
    on_warning: Warn | None = None,
) -> list[Paper]:
    """Read all papers, merging records of the same paper into one, in first-seen order.

    Of the records of one paper, the one with the longest abstract gives the
    title, abstract and metadata (others fill metadata it lacks), whatever
    order the records come in; ``sources`` lists every record's ``file:line``
    in file and line order. A copy with a different abstract is reported.

    Examples
    --------
    >>> papers = read_papers(["data/"])
    >>> len(papers) > 100, papers[0].sources[0].startswith("data/")
    (True, True)
    """
    records = iter_papers(paths, format=format, strict=strict, on_warning=on_warning)
    return merge_papers(records, strict=strict, on_warning=on_warning)


def merge_papers(papers: Iterable[Paper], *, strict: bool = False, on_warning: Warn | None = None) -> list[Paper]:
    """Merge records of the same paper into one, as :func:`read_papers` does.

    Records may already be merged papers (several sources), so a merged
    corpus can take new records later (``paperkg build --update``).
    """
    warn = _warner(strict, on_warning)
    records: dict[str, list[Paper]] = {}
    for paper in papers:
        records.setdefault(paper.key, []).append(paper)
    merged = []
    for copies in records.values():
        copies.sort(key=_preference)
        kept = copies[0]
        for other in copies[1:]:
            for key in ("arxiv_id", *_METADATA_KEYS):
                if getattr(kept, key) is None:
                    setattr(kept, key, getattr(other, key))
            if other.abstract != kept.abstract:
                path, line = _source_order(other.sources[0])
                warn(InputError(path, f"same paper as {kept.sources[0]} with a different abstract; "
                                      "kept the longer abstract", line=line))
        kept.sources = sorted((source for copy in copies for source in copy.sources), key=_source_order)
        merged.append(kept)
    return merged
