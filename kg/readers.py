"""Read papers from daily-papers pages, JSON Lines / JSON, and CSV / TSV files.

The format is chosen from the file extension unless given; a ``.gz`` file
(``papers.jsonl.gz``) is read as the format of its inner extension. Folders
are read recursively (regular files with a known extension only). The same
paper read twice (same normalized title) becomes one
:class:`~paperkg.core.model.Paper` that lists every source it came from.

Files are read a line (or a block) at a time, and a line longer than
:data:`MAX_LINE_BYTES` is never held whole: it is skipped, or refused where
a line cannot be skipped (tables), before any parsing.

Problems with a whole file (missing, unreadable, not a regular file, unknown
format, undecodable, not JSON at all, a table row with more fields than the
header) raise :class:`~paperkg.core.errors.InputError`. Problems with one
record (a malformed JSON line, one nested deeper than the JSON reader goes or
holding a number of more than 4,300 digits, a missing title or abstract, a
record longer than :data:`MAX_RECORD_CHARS` or a line longer than
:data:`MAX_LINE_BYTES`, a second copy of a paper with another abstract) are
reported through ``on_warning`` and the record is skipped, unless ``strict``
is set, which makes them errors too. So is a file or a subfolder inside an
input folder that cannot be read: it is skipped with a warning (a file named
on its own that cannot be read is an error).
"""
from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .core.errors import InputError, os_error, os_problem
from .core.model import Paper

__all__ = ["FORMATS", "MAX_RECORD_CHARS", "MAX_LINE_BYTES", "clean_text", "format_of", "input_files", "open_input",
           "text_lines", "json_value",
           "iter_papers", "merge_papers", "read_papers"]

#: Format name → the file extensions it is chosen for (each also read gzipped, with ``.gz`` after it).
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
#: Longest line read, in bytes: a record of :data:`MAX_RECORD_CHARS` characters with room for JSON
#: escapes and metadata. A longer line is passed over a block at a time, never held whole, so a
#: 2 GB file with no line end costs a megabyte of memory, not gigabytes.
MAX_LINE_BYTES = 1 << 20
_BLOCK = 1 << 20
_TABLE_ROWS = 5_000  # rows of a CSV or TSV file parsed at a time
_FILE_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
               stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}

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
    >>> format_of(Path("arxiv-metadata.jsonl.gz"))
    'jsonl'
    >>> format_of(Path("notes.docx"))
    Traceback (most recent call last):
    paperkg.core.errors.InputError: notes.docx: unknown input format '.docx'; expected one of .csv, .json, .jsonl, .ndjson, .tab, .tsv, .txt, each also gzipped (.gz), or pass --input-format
    """
    if override:
        if override not in FORMATS:
            raise InputError(path, f"unknown format {override!r}; choose one of {', '.join(FORMATS)}")
        return override
    try:
        return _FORMAT_OF_SUFFIX[_inner_suffix(path)]
    except KeyError:
        known = ", ".join(sorted(_FORMAT_OF_SUFFIX))
        raise InputError(path, f"unknown input format {_inner_suffix(path)!r}; expected one of {known}, "
                               "each also gzipped (.gz), or pass --input-format") from None


def _inner_suffix(path: Path) -> str:
    """The extension that names the format: ``.jsonl`` for ``papers.jsonl`` and for ``papers.jsonl.gz``."""
    suffix = path.suffix.lower()
    return Path(path.stem).suffix.lower() if suffix == ".gz" else suffix


def input_files(paths: Iterable[str | Path], *, on_warning: Warn | None = None) -> list[Path]:
    """Expand folders (recursively, regular files with known extensions only) and check the paths exist.

    A subfolder that cannot be listed is reported through ``on_warning`` and skipped.
    """
    return [path for path, _ in _input_files(paths, on_warning or (lambda problem: None))]


def _input_files(paths: Iterable[str | Path], warn: Warn) -> Iterator[tuple[Path, bool]]:
    """``(file, whether it was found inside a folder)`` for every input file, in order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            def skip_folder(error: OSError) -> None:
                warn(InputError(error.filename or path, f"cannot read this folder ({os_problem(error)}); skipped"))

            found = []
            for folder, subfolders, names in os.walk(path, onerror=skip_folder):
                subfolders.sort()
                found.extend(Path(folder) / name for name in names if _inner_suffix(Path(name)) in _FORMAT_OF_SUFFIX)
            yield from ((file, True) for file in sorted(found))  # not a regular file: a warning when opened
        elif path.exists():
            yield path, False
        else:
            raise InputError(path, "no such file or folder")


@contextmanager
def open_input(path: str | Path) -> Iterator[BinaryIO]:
    """A regular file opened for reading bytes, decompressed when its name ends in ``.gz``.

    A FIFO, a device or a socket is refused without waiting on it (a FIFO
    would block the open, a device might never end), and every
    operating-system or decompression error, opening or reading, becomes one
    :class:`~paperkg.core.errors.InputError` naming the file.

    Examples
    --------
    >>> with open_input("/dev/zero") as handle:
    ...     handle.read(1)
    Traceback (most recent call last):
    paperkg.core.errors.InputError: /dev/zero: not a regular file (a character device)
    """
    path = Path(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO with no writer must not block
        try:
            kind = stat.S_IFMT(os.fstat(descriptor).st_mode)
            if kind != stat.S_IFREG:
                raise InputError(path, f"not a regular file ({_FILE_KINDS.get(kind, 'a special file')})")
            os.set_blocking(descriptor, True)
            raw = os.fdopen(descriptor, "rb")
        except BaseException:
            os.close(descriptor)
            raise
        with raw, (gzip.GzipFile(fileobj=raw, mode="rb") if path.name.lower().endswith(".gz") else raw) as handle:
            yield handle
    except (OSError, EOFError) as error:
        raise os_error(path, error) from None
    except zlib.error as error:
        raise InputError(path, f"cannot read: not a valid gzip file ({error})") from None


def _read_text(path: Path, *, max_line: int | None = None) -> str:
    """The whole UTF-8 text of a file (see :func:`_text_blocks`)."""
    return "".join(_text_blocks(path, max_line=max_line))


def _text_blocks(path: Path, *, max_line: int | None = None) -> Iterator[str]:
    """The UTF-8 text of a file, a block at a time, failing at the first block at fault.

    A NUL byte or a byte that is not UTF-8 stops the read where it is met,
    not after the whole file is in memory; with ``max_line``, so does a line
    longer than ``max_line`` bytes.
    """
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    line, offset, line_bytes = 1, 0, 0
    with open_input(path) as handle:
        while block := handle.read(_BLOCK):
            try:
                text = decoder.decode(block)
            except UnicodeDecodeError as error:
                start = min(max(error.start - (len(error.object) - len(block)), 0), len(block) - 1)
                raise _not_utf8(path, block, line + block.count(b"\n", 0, start), offset, start) from None
            if b"\x00" in block:
                raise _binary(path, line + block.count(b"\n", 0, block.index(b"\x00")))
            last = block.rfind(b"\n")
            line_bytes = line_bytes + len(block) if last < 0 else len(block) - last - 1
            line += block.count(b"\n")
            offset += len(block)
            if max_line is not None and line_bytes > max_line:
                raise InputError(path, f"line longer than {max_line:,} bytes; is this a file of papers?", line=line)
            yield text
        try:
            yield decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise InputError(path, "not UTF-8 text (the file ends inside a character)", line=line) from None


def _read_lines(path: Path) -> Iterator[tuple[int, str | None]]:
    """``(line number, line)`` of a UTF-8 file, a line at a time, as :func:`_lines` splits its text.

    A file of millions of JSON Lines never sits in memory whole; a file that
    is not UTF-8 text fails at the line at fault, as :func:`_read_text` does.
    A line longer than :data:`MAX_LINE_BYTES` comes as ``None``: it is read
    past a block at a time, never held whole.
    """
    number, offset = 0, 0
    with open_input(path) as handle:
        while chunk := handle.readline(MAX_LINE_BYTES + 1):  # split at "\n" only; a lone "\r" is split below
            if len(chunk) > MAX_LINE_BYTES and not chunk.endswith(b"\n"):
                number += 1
                while chunk:
                    if b"\x00" in chunk:
                        raise _binary(path, number)
                    offset += len(chunk)
                    if chunk.endswith(b"\n"):
                        break
                    chunk = handle.readline(_BLOCK)
                yield number, None
                continue
            try:
                text = chunk.decode("utf-8-sig" if offset == 0 else "utf-8")
            except UnicodeDecodeError as error:
                raise _not_utf8(path, chunk, number + 1 + chunk[: error.start].count(b"\r"), offset,
                                error.start) from None
            offset += len(chunk)
            pieces = _LINE_END.split(text)
            if len(pieces) > 1 and pieces[-1] == "":
                pieces.pop()  # what follows the line end belongs to the next chunk
            for piece in pieces:
                number += 1
                if "\x00" in piece:
                    raise _binary(path, number)
                yield number, piece


def text_lines(path: str | Path) -> Iterator[str]:
    """The lines of a UTF-8 text file that is not a paper source (an alias file, a gold file), read as
    inputs are: only a regular file, a line at a time, an :class:`~paperkg.core.errors.InputError` naming
    the line at fault for bytes that are not UTF-8 text or a line over :data:`MAX_LINE_BYTES`.

    Examples
    --------
    >>> list(text_lines("/dev/zero"))
    Traceback (most recent call last):
    paperkg.core.errors.InputError: /dev/zero: not a regular file (a character device)
    """
    path = Path(path)
    for number, line in _read_lines(path):
        if line is None:
            raise InputError(path, f"line longer than {MAX_LINE_BYTES:,} bytes", line=number)
        yield line


def _not_utf8(path: Path, data: bytes, line: int, offset: int, start: int) -> InputError:
    return InputError(path, f"not UTF-8 text (byte {data[start]:#04x} at offset {offset + start})", line=line)


def _binary(path: Path, line: int) -> InputError:
    return InputError(path, "contains a NUL byte; is this a binary file?", line=line)


def _too_long(path: Path, line: int) -> InputError:
    return InputError(path, f"line longer than {MAX_LINE_BYTES:,} bytes, more than a paper record could be; "
                            "skipped", line=line)


def json_value(text: str) -> tuple[object, str | None]:
    """The JSON value of ``text``, or why it has none (a syntax error, a limit of Python's reader).

    Examples
    --------
    >>> json_value('{"a": 1}'), json_value("{")[1]
    (({'a': 1}, None), 'not JSON: Expecting property name enclosed in double quotes (column 2)')
    """
    try:
        return json.loads(text), None
    except json.JSONDecodeError as error:
        return None, f"not JSON: {error.msg} (column {error.colno})"
    except RecursionError:
        return None, "JSON nested deeper than paperkg reads (about 1,000 levels)"
    except ValueError as error:  # an integer of more than sys.get_int_max_str_digits() digits
        digits = re.search(r"limit \((\d+) digits\)", str(error))
        return None, f"JSON number with more than {int(digits[1]) if digits else 4300:,} digits"


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
    lines = ((n, line if line is None else line.strip()) for n, line in _read_lines(path))
    body = (item for item in lines if item[1] is None or item[1])
    pending = None  # the title line waiting for its abstract
    in_header = True
    for number, line in body:
        if in_header and line is not None and _DAILY_HEADER.match(line):
            continue
        in_header = False
        if pending is None:
            pending = (number, line)
            continue
        (title_line, title), pending = pending, None
        if title is None or line is None:
            warn(_too_long(path, title_line if title is None else number))
            continue
        paper = _paper({"title": title, "abstract": line}, path, title_line, warn)
        if paper:
            yield paper
    if pending is not None:
        warn(InputError(path, "title with no abstract after it; skipped", line=pending[0]))


def _jsonl(path: Path, warn: Warn) -> Iterator[Paper]:
    yield from _json_lines(path, _read_lines(path), warn)


def _json_lines(path: Path, lines: Iterable[tuple[int, str | None]], warn: Warn) -> Iterator[Paper]:
    for line, raw in lines:
        if raw is None:
            warn(_too_long(path, line))
            continue
        if not raw.strip():
            continue
        record, problem = json_value(raw)
        if problem:
            warn(InputError(path, f"{problem}; skipped", line=line))
            continue
        if not isinstance(record, dict):
            warn(InputError(path, f"expected a JSON object, got {_JSON_KINDS[type(record)]}", line=line))
            continue
        paper = _paper(record, path, line, warn)
        if paper:
            yield paper


def _opens_json_lines(path: Path) -> bool:
    """Whether the file's first non-blank line is a whole JSON object, as in JSON Lines."""
    first = next((line for _, line in _read_lines(path) if line is None or line.strip()), None)
    return first is not None and isinstance(json_value(first)[0], dict)


def _json(path: Path, warn: Warn) -> Iterator[Paper]:
    if _opens_json_lines(path):
        # Many ".json" dumps are JSON Lines (arXiv's metadata snapshot is), read a line at a time;
        # a one-line JSON object reads the same either way.
        yield from _json_lines(path, _read_lines(path), warn)
        return
    items = _json_items(path)
    document = next(items)
    if document is not _ARRAY:
        if not isinstance(document, dict):
            raise InputError(path, f"expected an array of paper objects, got {_JSON_KINDS[type(document)]}", line=1)
        items = iter([document])
    for index, record in enumerate(items):
        if not isinstance(record, dict):
            warn(InputError(path, f"item {index} is {_JSON_KINDS[type(record)]}, not a JSON object; skipped"))
            continue
        paper = _paper(record, path, index + 1, warn)
        if paper:
            yield paper


_ARRAY = object()  # what _json_items yields first for a document that is an array
_JSON_SPACE = re.compile(r"[ \t\n\r]*")


class _JsonCursor:
    """A position in a JSON document read a block at a time: the text not yet consumed, and its line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._blocks, self._decoder = _text_blocks(path), json.JSONDecoder()
        self.text, self.start, self._first_line, self.ended = "", 0, 1, False  # _first_line: the line of text[0]

    def more(self) -> bool:
        """Append the next block, dropping what was consumed; ``False`` at the end of the file."""
        block = next(self._blocks, None)
        if block is None:
            self.ended = True
            return False
        self._first_line += self.text.count("\n", 0, self.start)
        self.text, self.start = self.text[self.start:] + block, 0
        return True

    def error(self, message: str, position: int) -> InputError:
        return InputError(self.path, message, line=self._first_line + self.text.count("\n", 0, position))

    def skip_space(self) -> None:
        while True:
            self.start = _JSON_SPACE.match(self.text, self.start).end()
            if self.start < len(self.text) or self.ended or not self.more():
                return

    def peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        self.skip_space()
        return self.text[self.start:self.start + 1]

    def value(self) -> object:
        """The next JSON value: memory holds it and one block, and it may be no longer than MAX_LINE_BYTES."""
        self.skip_space()
        while True:
            try:
                item, end = self._decoder.raw_decode(self.text, self.start)
            except json.JSONDecodeError as error:
                if len(self.text) - self.start <= MAX_LINE_BYTES and not self.ended and self.more():
                    continue  # the item goes on in the next block
                longer = f", or an item longer than {MAX_LINE_BYTES:,} bytes" if not self.ended else ""
                raise self.error(f"not JSON{longer}: {error.msg}", error.pos) from None
            except (ValueError, RecursionError):
                problem = json_value(self.text[self.start:self.start + MAX_LINE_BYTES])[1] or "not JSON"
                raise self.error(problem, self.start) from None
            if end == len(self.text) and not self.ended and self.more():
                continue  # a number at the block's end may go on in the next one
            self.start = end
            return item

    def take(self, what: str) -> str:
        """The next character that is not white space, consumed; ``what`` says what was expected there."""
        if not self.peek():
            raise self.error(f"not JSON: expecting {what}, found the end of the file", self.start)
        self.start += 1
        return self.text[self.start - 1]

    def expect_end(self, after: str) -> None:
        if self.peek():
            raise self.error(f"not JSON: extra data after the {after}", self.start)


def _json_items(path: Path) -> Iterator[object]:
    """A JSON document read a block at a time: :data:`_ARRAY` then each item of a top-level array, or the value.

    Memory holds one item and one block, never the whole document: an item
    (or a document that is no array) longer than :data:`MAX_LINE_BYTES`, like
    invalid JSON, is an :class:`~paperkg.core.errors.InputError` at its line.
    """
    cursor = _JsonCursor(path)
    if cursor.peek() != "[":
        document = cursor.value()
        cursor.expect_end("document")
        yield document
        return
    cursor.take("'['")
    yield _ARRAY
    if cursor.peek() == "]":
        cursor.take("']'")
    else:
        while True:
            yield cursor.value()
            separator = cursor.take("',' or ']'")
            if separator == "]":
                break
            if separator != ",":
                raise cursor.error(f"not JSON: expecting ',' or ']', found {separator!r}", cursor.start - 1)
    cursor.expect_end("array")


class _TextStream(io.TextIOBase):
    """Text blocks as a file pandas can read from, a block at a time."""

    def __init__(self, blocks: Iterator[str]) -> None:
        self._blocks, self._pending = blocks, ""

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:
        while size is None or size < 0 or len(self._pending) < size:
            block = next(self._blocks, None)
            if block is None:
                break
            self._pending += block
        cut = len(self._pending) if size is None or size < 0 else size
        text, self._pending = self._pending[:cut], self._pending[cut:]
        return text


def _table(path: Path, warn: Warn, sep: str) -> Iterator[Paper]:
    import pandas as pd

    def not_readable(error: Exception) -> InputError:
        line = re.search(r"\bline (\d+)", str(error))
        return InputError(path, f"not a readable table: {str(error).strip()}", line=int(line[1]) if line else None)

    # Rows come a chunk at a time, so a table is never in memory whole; its lines are bounded too.
    stream = _TextStream(_text_blocks(path, max_line=MAX_LINE_BYTES))
    try:
        frames = pd.read_csv(stream, sep=sep, dtype=str, keep_default_na=False, chunksize=_TABLE_ROWS)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise not_readable(error) from None
    first, rows = True, 0
    while True:
        try:
            frame = next(frames, None)
        except pd.errors.ParserError as error:
            raise not_readable(error) from None
        if frame is None:
            return
        if first:
            if not isinstance(frame.index, pd.RangeIndex):
                # pandas takes surplus leading fields of the first row as an index and shifts every column.
                raise InputError(path, "more fields than the header has columns; quote fields that hold the "
                                       "separator", line=2)
            columns = {column.strip().lower(): column for column in frame.columns}
            missing = [name for name in ("title", "abstract") if name not in columns]
            if missing:
                raise InputError(path, f"no {' or '.join(missing)} column (columns: {', '.join(frame.columns)})",
                                 line=1)
            first = False
        for row in frame.to_dict("records"):
            rows += 1
            paper = _paper({key: row[column] for key, column in columns.items()}, path, rows + 1, warn)  # 1: header
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
    """Yield every paper record in the inputs, in file order, duplicates included.

    A file inside an input folder that cannot be opened (unreadable, not a
    regular file) is reported through ``on_warning`` and skipped.
    """
    warn = _warner(strict, on_warning)
    for path, in_folder in _input_files(paths, warn):
        reader = _READERS[format_of(path, format)]
        if in_folder:
            try:
                with open_input(path):
                    pass
            except InputError as problem:
                warn(InputError(path, f"{problem.problem}; skipped"))
                continue
        yield from reader(path, warn)


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
