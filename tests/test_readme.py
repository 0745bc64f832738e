"""The README's promises: CI runs its test command verbatim, and its code example runs."""
from __future__ import annotations

import re

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_exactly_the_readme_test_command():
    ci_command = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert ci_command in re.findall(r"```sh\n(.*?)\n```", quick_start.replace("   ", ""), re.DOTALL)


def test_spacy_pipeline_example_runs_and_finds_entities():
    section = README.split("## Using the extractors in your own spaCy pipeline", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)[1]
    *statements, last = code.strip().splitlines()
    namespace: dict = {}
    exec("\n".join(statements), namespace)
    found = eval(last, namespace)
    assert ("https://github.com/OliverRensu/FlowAR", "REPO") in [(text, label) for text, label, *_ in found]
    assert ("ImageNet", "DATASET") in [(text, label) for text, label, *_ in found]
    assert all(rule and 0 < confidence <= 1 for *_, rule, confidence in found)
