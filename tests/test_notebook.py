"""notebooks/explore.ipynb runs top to bottom on the sample corpus, and is committed without outputs."""
from __future__ import annotations

import os

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.outputs == [] and cell.execution_count is None for cell in code)


@pytest.fixture(scope="module")
def executed():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as patch:
        # The kernel imports this checkout's paperkg even where it is not pip-installed.
        patch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        NotebookClient(notebook, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return notebook


def _text(cell) -> str:
    parts = []
    for output in cell.outputs:
        parts.append(output.get("text", ""))
        parts.append(output.get("data", {}).get("text/plain", ""))
    return "".join(parts)


def test_notebook_runs_top_to_bottom_on_the_sample_corpus(executed, sample_graph):
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert not any(output.get("output_type") == "error" for cell in code for output in cell.outputs)
    text = "\n".join(_text(cell) for cell in code)
    assert "'papers': 223" in text
    most_mentioned_model = max((d for _, d in sample_graph.nodes(data=True) if d["kind"] == "model"),
                               key=lambda d: d["mention_count"])["label"]
    assert most_mentioned_model in _text(code[1])
    assert any("image/png" in output.get("data", {}) for cell in code for output in cell.outputs)
    results = sum(1 for _, kind in sample_graph.nodes(data="kind") if kind == "result")
    assert f"{results} results" in _text(code[-1])
