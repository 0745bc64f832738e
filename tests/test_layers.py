"""The layers stay layers: core at the bottom, extractors and exports on it, orchestration on top.

Read from the source's import statements (``ast``), so a violation fails here
whether or not any test happens to execute the offending import.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Folder → import name, as pyproject.toml maps them.
PACKAGES = {"kg/core": "paperkg.core", "extractors": "paperkg.extractors", "exports": "paperkg.exports"}
#: What each layer may import of paperkg, besides itself.
ALLOWED = {
    "paperkg.core": set(),
    "paperkg.extractors": {"paperkg.core"},
    "paperkg.exports": {"paperkg.core"},
}


def _imports(path: Path, package: str) -> set[str]:
    """The paperkg modules a source file imports, absolute."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("paperkg")}


@pytest.mark.parametrize("folder", sorted(PACKAGES))
def test_a_layer_imports_only_the_layers_below_it(folder):
    layer = PACKAGES[folder]
    allowed = ALLOWED[layer] | {layer}
    wrong = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        for name in _imports(path, layer):
            if not any(name == ok or name.startswith(ok + ".") for ok in allowed) and name != "paperkg":
                wrong.setdefault(str(path.relative_to(ROOT)), set()).add(name)
            elif name == "paperkg" and layer != "paperkg":
                wrong.setdefault(str(path.relative_to(ROOT)), set()).add(name)
    assert not wrong, f"imports from above {layer}: {wrong}"


def test_the_model_and_the_readers_load_no_spacy():
    script = "import sys, paperkg.core.model, paperkg.core.records, paperkg.readers; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          cwd=ROOT.parent).stdout.strip() == "False"
