"""Every module's docstring examples, run against the installed ``paperkg`` package.

pytest's ``--doctest-modules`` would import ``kg/build.py`` as ``kg.build``: a second
copy of the package beside ``paperkg``, registering every spaCy factory twice. The
examples run here instead, from the modules as users import them.
"""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import paperkg

#: The packages, each walked from its own folder: an editable install maps paperkg.extractors and
#: paperkg.exports to folders outside paperkg's, where walking paperkg alone would not find them.
PACKAGES = ("paperkg", "paperkg.extractors", "paperkg.exports")
MODULES = sorted({info.name for package in PACKAGES
                  for info in pkgutil.walk_packages(importlib.import_module(package).__path__, package + ".")
                  if info.name != "paperkg.__main__"} | set(PACKAGES))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name, monkeypatch, request):
    monkeypatch.chdir(request.config.rootpath)  # examples read the sample corpus as data/
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(module, name, globs=vars(module).copy()):
        runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, f"{results.failed} of {results.attempted} examples failed in {name}"


def test_only_paperkg_is_imported():
    """The installed package never reaches for the repository's folder names."""
    import sys

    for name in MODULES:
        importlib.import_module(name)
    assert not {"kg", "extractors", "exports"} & sys.modules.keys(), {n: sys.modules[n] for n in {"kg", "extractors", "exports"} & sys.modules.keys()}
