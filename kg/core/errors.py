"""Every error a user can act on, in one place.

Each error names the file (and line, when there is one) at fault, so that the
CLI can print it on one line and exit with status 2.
"""
from __future__ import annotations

__all__ = ["PaperkgError", "InputError", "EXIT_USAGE"]

#: Exit status for bad input or bad usage, as click uses for usage errors.
EXIT_USAGE = 2


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
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {problem}")
