"""Write files so that readers only ever see a whole old file or a whole new one."""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import OutputError, os_error, writing

__all__ = ["atomic_write", "write_chunks", "make_folder", "remove_stale_temporaries"]

_UMASK = os.umask(0)
os.umask(_UMASK)
# ".graph.ttl.k3j_x9a2.tmp": a dot, the target's name, mkstemp's eight random characters, ".tmp".
_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


@contextmanager
def atomic_write(path: str | Path, mode: str = "w", *, encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside ``path``; rename it into place only on success.

    If the block raises (or the process dies), ``path`` keeps its previous
    content and the temporary file is removed (or, after a kill, left with a
    ``.tmp`` suffix for :func:`remove_stale_temporaries` to clear). A folder
    that cannot be made or written, or a full disk, raises one
    :class:`~paperkg.core.errors.OutputError` naming the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_write(target) as f:
    ...     _ = f.write("whole")
    >>> try:
    ...     with atomic_write(target) as f:
    ...         _ = f.write("half")
    ...         raise RuntimeError("disk on fire")
    ... except RuntimeError:
    ...     pass
    >>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
    ('whole', ['out.txt'])
    """
    path = Path(path)
    make_folder(path.parent)
    with writing(path.parent):
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    binary = "b" in mode
    try:
        os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp's 0600 would hide outputs from other users
        with os.fdopen(descriptor, mode, **({} if binary else {"encoding": encoding, "newline": ""})) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        if error.filename not in (None, temporary, str(path)):
            raise  # the block's own trouble with another file: not ours to describe
        raise os_error(path, error, write=True) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def make_folder(folder: str | Path) -> Path:
    """Make ``folder`` and its parents if missing; one :class:`~paperkg.core.errors.OutputError` if it cannot be.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> afile = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
    >>> _ = afile.write_text("")
    >>> make_folder(afile / "out")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    paperkg.core.errors.OutputError: .../notes.txt/out: cannot write: .../notes.txt is not a folder
    """
    folder = Path(folder)
    with writing(folder):
        for parent in (folder, *folder.parents):
            if parent.exists():
                if not parent.is_dir():
                    raise OutputError(folder, f"cannot write: {parent} is not a folder")
                break
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_chunks(path: str | Path, chunks: Iterable[str]) -> None:
    """Write streamed text chunks to ``path`` atomically."""
    with atomic_write(path) as handle:
        handle.writelines(chunks)


def remove_stale_temporaries(folder: str | Path) -> list[Path]:
    """Delete the temporary files killed writers left in ``folder``; returns them.

    Only call this while no other process writes into ``folder`` (paperkg's
    build holds :func:`paperkg.core.lock.output_lock` when it does).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in (".graph.ttl.k3j_x9a2.tmp", "graph.ttl", "notes.tmp"):
    ...     _ = (folder / name).write_text("")
    >>> [p.name for p in remove_stale_temporaries(folder)], sorted(p.name for p in folder.iterdir())
    (['.graph.ttl.k3j_x9a2.tmp'], ['graph.ttl', 'notes.tmp'])
    """
    stale = sorted(path for path in Path(folder).iterdir() if _TEMPORARY.match(path.name) and path.is_file())
    for path in stale:
        path.unlink(missing_ok=True)
    return stale
