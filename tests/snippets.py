"""Run the code blocks of a Markdown page as a user would: shell commands, then Python.

A block preceded by ``<!-- not run: why -->`` is skipped (a Dask cluster the tests lack).
Shell lines run in a workspace that holds the repository's ``data/``, ``docs/``, ``tests/`` and
``exports/`` (links), so relative paths work as in a checkout; ``pip install`` and the test
command are left to CI (``.ci/run``), which runs the README's verbatim.
"""
from __future__ import annotations

import contextlib
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from paperkg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
_BLOCK = re.compile(r"(?:<!-- not run: (?P<skip>.*?) -->\n)?```(?P<lang>\w*)\n(?P<code>.*?)```", re.DOTALL)
_SHELL_SYNTAX = re.compile(r"\$\(|[|<>;]|&&")


@dataclass
class Block:
    lang: str
    code: str
    skip: str | None


def blocks(text: str) -> list[Block]:
    """The fenced code blocks of a page, with the reason one is not run."""
    return [Block(m["lang"], m["code"], m["skip"]) for m in _BLOCK.finditer(text)]


def workspace(folder: Path) -> Path:
    """``folder`` with links to the checkout's folders the pages name."""
    for name in ("data", "docs", "tests", "exports"):
        (folder / name).symlink_to(ROOT / name)
    return folder


def shell_lines(code: str) -> list[str]:
    """Commands of a shell block, continuation lines joined, comments and CI's install steps left out."""
    lines = []
    for line in code.replace("\\\n", " ").splitlines():
        line = line.strip()
        if line.startswith("pip install ") and " && " in line:
            line = line.split(" && ", 1)[1]
        if line and not line.startswith(("#", "pip ", "python -m pytest")):
            lines.append(line)
    return lines


@contextlib.contextmanager
def _cwd(folder: Path):
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def run_shell(line: str, cwd: Path) -> str:
    """Run one command line in ``cwd``: ``paperkg`` in process when it is a plain command, else through bash."""
    if line.startswith("paperkg ") and not _SHELL_SYNTAX.search(line):
        with _cwd(cwd):
            result = CliRunner().invoke(cli, shlex.split(line)[1:], catch_exceptions=False)
        assert result.exit_code == 0, f"{line!r} failed:\n{result.output}"
        return result.output
    environment = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])}
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", line], cwd=cwd, env=environment, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, f"{line!r} failed:\n{done.stdout}{done.stderr}"
    return done.stdout


def run_python(code: str, cwd: Path, namespace: dict | None = None) -> dict:
    """Execute a Python block in ``cwd`` (in ``namespace``, to follow earlier blocks); returns the namespace."""
    namespace = {} if namespace is None else namespace
    with _cwd(cwd):
        exec(compile(code, "<markdown>", "exec"), namespace)
    return namespace
