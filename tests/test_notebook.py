"""notebooks/explore.ipynb explores a build through the Python API, from any working directory, stored without outputs."""
from __future__ import annotations

import re

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from .conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def _notebook():
    return nbformat.read(NOTEBOOK, as_version=4)


def _code(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def _run(notebook, cwd, monkeypatch, build=None):
    if build is None:
        monkeypatch.delenv("PAPERKG_BUILD", raising=False)
    else:
        monkeypatch.setenv("PAPERKG_BUILD", str(build))
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return notebook


def _text(cell) -> str:
    return "".join(output.get("text", "") + output.get("data", {}).get("text/plain", "") for output in cell.outputs)


def test_notebook_is_stored_without_outputs():
    code = _code(_notebook())
    assert code and all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert "parameters" in code[0].metadata.get("tags", [])


def test_notebook_uses_only_the_python_api():
    source = "\n".join(cell.source for cell in _code(_notebook()))
    called = set(re.findall(r"(?<!from )\bpaperkg\.([\w.]+)", source))
    imported = set(re.findall(r"from (paperkg[\w.]*) import", source))
    # Besides the API: the schema's colours, and the neighbourhood drawing for notebooks.
    assert called <= {"build", "load", "read", "nlp"}, called
    assert imported <= {"paperkg.core.schema", "paperkg.exports.pyvis"}, imported


@pytest.fixture(scope="module")
def executed(tmp_path_factory, sample_build):
    """The notebook run outside any checkout on the sample build, as a user would with their own build."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    with pytest.MonkeyPatch.context() as patch:
        return _run(_notebook(), elsewhere, patch, build=sample_build)


def test_notebook_explores_a_build_from_any_folder(executed, sample_build):
    import paperkg

    built = paperkg.load(sample_build)
    code = _code(executed)
    assert not any(output.get("output_type") == "error" for cell in code for output in cell.outputs)
    assert "'paper': 223" in _text(code[1])
    top_model = built.nodes[built.nodes["kind"] == "model"].nlargest(1, "mention_count")["label"].iloc[0]
    assert top_model in _text(code[2])
    [entity_map] = [cell for cell in code if any("image/png" in o.get("data", {}) for o in cell.outputs)]
    labels, overlapping = map(int, re.search(r"(\d+) labels, (\d+) overlapping", _text(entity_map)).groups())
    assert 10 <= labels <= 40 and overlapping == 0
    neighbourhood = next(cell for cell in code if "neighbourhood_network(" in cell.source)
    assert re.search(r"\w.*: \d+ nodes, \d+ edges", _text(neighbourhood))
    assert any("text/html" in output.get("data", {}) for output in neighbourhood.outputs)
    assert f"{len(built.results)} results" in _text(code[-1])
    assert built.results["title"].iloc[0][:20] in _text(code[-1]) or "title" in _text(code[-1])


def test_without_a_build_outside_a_checkout_it_says_what_to_set(tmp_path, monkeypatch):
    notebook = _notebook()
    notebook.cells = [cell for cell in notebook.cells if cell.cell_type == "code"][:2]
    with pytest.raises(CellExecutionError, match="set BUILD"):
        _run(notebook, tmp_path, monkeypatch)


def test_without_a_build_inside_the_checkout_it_builds_the_sample_corpus(monkeypatch):
    notebook = _notebook()
    notebook.cells = [cell for cell in notebook.cells if cell.cell_type == "code"][:2]
    ran = _run(notebook, NOTEBOOK.parent, monkeypatch)
    assert "'paper': 223" in _text(ran.cells[1])
