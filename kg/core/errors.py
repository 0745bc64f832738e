"""Every error a user can act on, in one place.

Each error names the file (and line, when there is one) at fault, so that the
CLI can print it on one line and exit with status 2. The operating system's
and the decoder's errors become such one-line errors here (:func:`os_error`,
:func:`reading`, :func:`writing`), and every path a message names goes
through :func:`printable`, so a file name holding a newline or a terminal
escape can neither split the line nor drive the terminal.
"""
from __future__ import annotations

import errno
import re
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["PaperkgError", "InputError", "OutputError", "EXIT_USAGE", "printable", "os_problem", "os_error",
           "reading", "writing"]

#: Exit status for bad input or bad usage, as click uses for usage errors.
EXIT_USAGE = 2

# Control characters (C0, DEL, C1), line and paragraph separators, the bidirectional controls that can
# reorder what a terminal shows (U+200E-F, U+202A-E, U+2066-9), and lone surrogates, which is how
# Python spells the bytes of a file name that are not UTF-8.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

_PROBLEMS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a parent of it is not a folder",
    errno.EISDIR: "is a folder",
    errno.EEXIST: "already exists",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EFBIG: "file too large",
    errno.EIO: "input/output error",
    errno.ENAMETOOLONG: "name too long",
    errno.ELOOP: "too many levels of symbolic links",
    errno.ENXIO: "no such device",
    errno.ENODEV: "no such device",
    errno.EMFILE: "too many open files",
}


def printable(text: object) -> str:
    """``text`` with control characters escaped, safe to print inside a one-line message.

    Examples
    --------
    >>> print(printable("papers\\n\\x1b[31mred.txt"))
    papers\\n\\x1b[31mred.txt
    >>> printable("caf\\udce9.txt")  # the byte 0xe9 of a Latin-1 file name
    'caf\\\\xe9.txt'
    """
    def escape(match: re.Match) -> str:
        char = match[0]
        if "\udc80" <= char <= "\udcff":
            return f"\\x{ord(char) - 0xdc00:02x}"
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or (
            f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")

    return _UNPRINTABLE.sub(escape, str(text))


def _one_line(problem: str) -> str:
    return printable(" ".join(problem.split()))


class PaperkgError(Exception):
    """Base class for errors the user can fix; ``str()`` is the one-line message."""


class InputError(PaperkgError):
    """A problem with one input file, optionally at one line.

    Examples
    --------
    >>> str(InputError("papers.jsonl", "not JSON: Expecting value", line=3))
    'papers.jsonl:3: not JSON: Expecting value'
    >>> str(InputError("notes.docx", "unknown format; use --format"))
    'notes.docx: unknown format; use --format'
    """

    def __init__(self, path: object, problem: str, *, line: int | None = None):
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = printable(self.path) if line is None else f"{printable(self.path)}:{line}"
        super().__init__(f"{where}: {_one_line(problem)}")


class OutputError(PaperkgError):
    """A file or folder paperkg cannot write.

    Examples
    --------
    >>> str(OutputError("out/graph.nt", "cannot write: no space left on the device"))
    'out/graph.nt: cannot write: no space left on the device'
    """

    def __init__(self, path: object, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{printable(self.path)}: {_one_line(problem)}")


def os_problem(error: OSError) -> str:
    """What went wrong, in a few words, without the path (the message names it once).

    Examples
    --------
    >>> os_problem(OSError(errno.ENOSPC, "No space left on device"))
    'no space left on the device'
    >>> os_problem(OSError("invalid format"))
    'invalid format'
    """
    if error.errno in _PROBLEMS:
        return _PROBLEMS[error.errno]
    return " ".join((error.strerror or str(error) or type(error).__name__).split()).lower()


def os_error(path: object, error: OSError | UnicodeDecodeError | EOFError, *, write: bool = False) -> PaperkgError:
    """The one-line error for an operating-system or decoding failure on ``path``.

    Reading gives an :class:`InputError`, writing an :class:`OutputError`.

    Examples
    --------
    >>> print(os_error("papers.jsonl", PermissionError(errno.EACCES, "Permission denied")))
    papers.jsonl: cannot read: permission denied
    >>> print(os_error("out", FileExistsError(errno.EEXIST, "File exists"), write=True))
    out: cannot write: already exists
    >>> print(os_error("gold.jsonl", UnicodeDecodeError("utf-8", b"\\x89PNG", 0, 1, "invalid start byte")))
    gold.jsonl: not UTF-8 text (byte 0x89 at offset 0)
    """
    if isinstance(error, UnicodeDecodeError):
        return InputError(path, f"not UTF-8 text (byte {error.object[error.start]:#04x} at offset {error.start})")
    if isinstance(error, EOFError):
        return InputError(path, "cannot read: the compressed file is cut short")
    if write:
        return OutputError(path, f"cannot write: {os_problem(error)}")
    return InputError(path, f"cannot read: {os_problem(error)}")


@contextmanager
def reading(path: object) -> Iterator[None]:
    """Turn operating-system and decoding errors inside the block into one :class:`InputError` naming ``path``.

    Examples
    --------
    >>> with reading("/no/such/file"):
    ...     open("/no/such/file")
    Traceback (most recent call last):
    paperkg.core.errors.InputError: /no/such/file: cannot read: no such file or folder
    """
    try:
        yield
    except (OSError, UnicodeDecodeError, EOFError) as error:
        raise os_error(path, error) from None


@contextmanager
def writing(path: object) -> Iterator[None]:
    """Turn operating-system errors inside the block into one :class:`OutputError` naming ``path``.

    Examples
    --------
    >>> with writing("/proc/paperkg-out"):
    ...     open("/proc/paperkg-out/graph.nt", "w")
    Traceback (most recent call last):
    paperkg.core.errors.OutputError: /proc/paperkg-out: cannot write: no such file or folder
    """
    try:
        yield
    except OSError as error:
        raise os_error(path, error, write=True) from None
