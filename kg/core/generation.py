"""A build folder changes as a whole: the new generation is staged, then switched in by a journal.

A build writes every file of its generation into a staging folder inside
``OUTDIR/.paperkg/``. :func:`switch` then writes a journal naming every
file, moves each into place, and removes the journal. If the process dies
during the moves, the journal survives, and :func:`recover` (run by every
later build, ``load`` and ``query`` before they read) finishes them, so the
folder is never seen with files of two generations; if it dies before the
journal is written, the old generation is untouched and the staging folder
is removed as a leftover.

Examples
--------
>>> import tempfile
>>> out = Path(tempfile.mkdtemp())
>>> _ = (out / "a.txt").write_text("old")
>>> staged = stage(out)
>>> _ = (staged / "a.txt").write_text("new")
>>> _ = (staged / "b.txt").write_text("new")
>>> switch(out, staged)
>>> sorted(p.name for p in out.iterdir()), (out / "a.txt").read_text()
(['.paperkg', 'a.txt', 'b.txt'], 'new')
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from .atomic import atomic_write
from .records import STATE_DIR

__all__ = ["STAGING_PREFIX", "JOURNAL", "stage", "switch", "recover", "clear_stale", "discard"]

#: Prefix of the folders a generation is staged in, inside ``OUTDIR/.paperkg``.
STAGING_PREFIX = "next-"
#: The journal of a switch in progress, inside ``OUTDIR/.paperkg``.
JOURNAL = "switch.json"


def stage(output_dir: str | Path) -> Path:
    """A new, empty staging folder for the next generation of ``output_dir``."""
    state = Path(output_dir) / STATE_DIR
    state.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=state, prefix=STAGING_PREFIX))


def _staged_files(staged: Path) -> list[str]:
    """Paths relative to ``staged`` of what it holds: files, and folders moved whole (a store)."""
    moves = []
    for entry in sorted(staged.rglob("*")):
        relative = entry.relative_to(staged)
        if any(str(relative).startswith(done + os.sep) for done in moves):
            continue
        if entry.is_file() or (entry.is_dir() and not _is_plain_folder(entry, staged)):
            moves.append(str(relative))
    return moves


def _is_plain_folder(entry: Path, staged: Path) -> bool:
    # Only .paperkg itself is merged file by file; any other folder (the query store) moves whole.
    return entry == staged / STATE_DIR


def switch(output_dir: str | Path, staged: str | Path) -> None:
    """Move everything in ``staged`` into ``output_dir``, replacing what is there, as one generation."""
    output_dir, staged = Path(output_dir), Path(staged)
    journal = output_dir / STATE_DIR / JOURNAL
    with atomic_write(journal) as handle:
        json.dump({"staged": staged.name, "moves": _staged_files(staged)}, handle)
    recover(output_dir)


def recover(output_dir: str | Path) -> bool:
    """Finish a switch a killed process left half done; returns whether there was one."""
    output_dir = Path(output_dir)
    journal = output_dir / STATE_DIR / JOURNAL
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    staged = output_dir / STATE_DIR / plan["staged"]
    for relative in plan["moves"]:
        source, target = staged / relative, output_dir / relative
        if not source.exists():
            continue  # moved before the kill, or by a reader finishing the switch at the same time
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            if target.is_dir():
                # rename() will not replace a folder that has files: retire the old one first.
                retired = staged.with_name(staged.name + "-retired")
                shutil.rmtree(retired, ignore_errors=True)
                os.replace(target, retired)
                os.replace(source, target)
                shutil.rmtree(retired, ignore_errors=True)
            else:
                os.replace(source, target)
        except FileNotFoundError:
            continue
    journal.unlink(missing_ok=True)
    shutil.rmtree(staged, ignore_errors=True)
    return True


def clear_stale(output_dir: str | Path) -> None:
    """Finish any interrupted switch, then remove staging folders no journal names.

    Only for a process holding the output lock: a staging folder may be a
    build's work in progress.
    """
    recover(output_dir)
    for leftover in (Path(output_dir) / STATE_DIR).glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)


def discard(staged: str | Path) -> None:
    """Remove a staging folder whose generation will not be switched in."""
    shutil.rmtree(staged, ignore_errors=True)
