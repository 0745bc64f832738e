"""What `pip install .` installs: one import package, paperkg, with its data files."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(folder), str(ROOT)],
                   check=True, capture_output=True)
    [built] = folder.glob("paperkg-*.whl")
    return zipfile.ZipFile(built)


def test_only_paperkg_lands_top_level(wheel):
    top = {name.split("/", 1)[0] for name in wheel.namelist()}
    assert {name for name in top if not name.endswith(".dist-info")} == {"paperkg"}


def test_the_three_folders_install_under_paperkg_with_their_data(wheel):
    names = set(wheel.namelist())
    for module in ("paperkg/pipeline.py", "paperkg/core/schema.py", "paperkg/extractors/__init__.py",
                   "paperkg/exports/__init__.py", "paperkg/exports/ontology/paperkg.ttl",
                   "paperkg/exports/ontology/shapes.ttl"):
        assert module in names
    assert any(name.startswith("paperkg/extractors/gazetteers/") and name.endswith(".txt") for name in names)
    assert any(name.startswith("paperkg/exports/templates/") for name in names)


def test_the_command_is_declared(wheel):
    [entry_points] = [name for name in wheel.namelist() if name.endswith(".dist-info/entry_points.txt")]
    assert "paperkg = paperkg.cli:main" in wheel.read(entry_points).decode()
