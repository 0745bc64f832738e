"""Shared fixtures: the sample corpus read, extracted and built once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from paperkg.extract import extract_papers
from paperkg.graph import build_graph
from paperkg.readers import read_papers

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GOLD = ROOT / "tests" / "data" / "gold-dev.jsonl"


@pytest.fixture(scope="session")
def sample_papers():
    return read_papers([DATA])


@pytest.fixture(scope="session")
def sample_extracted(sample_papers):
    return list(extract_papers(sample_papers))


@pytest.fixture(scope="session")
def sample_graph(sample_extracted):
    return build_graph(sample_extracted)


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """A build folder of the sample corpus, as ``paperkg build data/ -o OUT --formats turtle,ntriples,csv,parquet``
    writes it."""
    from paperkg.api import build

    folder = tmp_path_factory.mktemp("sample-build")
    build([DATA], folder, formats=["turtle", "ntriples", "csv", "parquet"])
    return folder


def one_error_line(result, *fragments) -> str:
    """The one ``Error: ...`` line a command that exits 2 printed, holding every fragment; no traceback."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    [line] = result.output.splitlines()
    assert line.startswith("Error: ")
    for fragment in fragments:
        assert fragment in line, line
    return line
