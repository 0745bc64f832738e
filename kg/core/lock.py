"""One build at a time per output folder, so two runs never interleave their files.

The lock is an ``flock`` on ``OUTDIR/.paperkg.core.lock``. The kernel drops it when
the process ends, however it ends, so a killed build never leaves the folder
locked; a finished build removes the lock file so the folder holds only outputs.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .atomic import make_folder, remove_stale_temporaries
from .records import STATE_DIR
from .errors import PaperkgError, writing

__all__ = ["LOCK_NAME", "OutputLocked", "output_lock"]

LOCK_NAME = ".paperkg.core.lock"


class OutputLocked(PaperkgError):
    """Another process holds the lock on the output folder."""


def _acquire(path: Path) -> int:
    """A descriptor of ``path`` holding its exclusive lock."""
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(descriptor, 32).decode("ascii", "replace").strip() or "unknown"
            os.close(descriptor)
            raise OutputLocked(f"{path.parent}: another paperkg build (pid {holder}) is writing into this folder; "
                               "wait for it to finish or choose another --output") from None
        try:
            same_file = os.fstat(descriptor).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same_file = False
        if same_file:
            return descriptor
        # The previous holder removed the file between our open and our lock: lock the new one.
        os.close(descriptor)


@contextmanager
def output_lock(folder: str | Path) -> Iterator[Path]:
    """Hold the lock on ``folder`` (created if missing) for the block.

    A second holder fails at once with :class:`OutputLocked`, a one-line error;
    a folder that cannot be made or written is one
    :class:`~paperkg.core.errors.OutputError`.
    When the block succeeds, temporary files of killed writers are removed.
    If the block fails and the folder was created for it and is still empty,
    the folder is removed again, so a failed build leaves nothing behind.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
    >>> with output_lock(out):
    ...     with output_lock(out):  # doctest: +ELLIPSIS
    ...         pass
    Traceback (most recent call last):
    paperkg.core.lock.OutputLocked: .../out: another paperkg build (pid ...) is writing into this folder; wait for it to finish or choose another --output
    >>> out.exists()
    False
    """
    folder = Path(folder)
    created = not folder.exists()
    make_folder(folder)
    path = folder / LOCK_NAME
    try:
        with writing(folder):
            descriptor = _acquire(path)
    except BaseException:
        _remove_if_empty(folder, created)
        raise
    try:
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode())
        yield folder
        _remove_leftovers(folder)
    finally:
        # Unlink before unlocking: a waiter that opened the old file sees it is gone and retries.
        path.unlink(missing_ok=True)
        os.close(descriptor)
        _remove_if_empty(folder, created)


def _remove_leftovers(folder: Path) -> None:
    """Clear the temporary files killed writers left, here and in the build state.

    (Staging folders of killed builds go when the next build starts: :func:`paperkg.core.generation.clear_stale`.)
    """
    remove_stale_temporaries(folder)
    state = folder / STATE_DIR
    if state.is_dir():
        remove_stale_temporaries(state)


def _remove_if_empty(folder: Path, created: bool) -> None:
    if created:
        try:
            folder.rmdir()
        except OSError:  # not empty: it holds outputs, or another build's lock
            pass
