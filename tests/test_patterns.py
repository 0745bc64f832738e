"""Every regular expression paperkg compiles tries a match at one position of hostile text in linear time.

A pattern that can match one stretch of text in many ways backtracks exponentially when the match then
fails ("ABC-ABC-...", where a hyphenated part could split its capitals two ways, took minutes at 100
characters); one whose run of spaces can be shared between two quantifiers takes quadratic time at one
position, so cubic when tried at each. ``test_robustness`` times the whole pipeline on a few such texts
(and so the patterns scanned along a text); this test tries each pattern on its own, on many short
repeated units, so that a new pattern with the flaw fails here whatever text it needs.
"""
from __future__ import annotations

import importlib
import itertools
import pkgutil
import re
import time

import pytest

import paperkg
import paperkg.extractors
from paperkg.extractors import make_pipeline

from .time_limit import TimeLimitExceeded, time_limit

# Units repeated to fill a text: pairs and triples of the characters names, numbers and lists are made of,
# and the shapes of abstracts' names, values and lists.
_PAIRED = ["A", "a", "1", "-", " ", ".", ",", "(", ")", "%", "x", "\\", "'", "/", "\n", "@"]
_TRIPLED = ["A", "a", "1", "-", " ", ".", ","]
_SHAPES = ["AB-", "ABC-", "Ab-", "A1-", "AB1-", "Ab-Cd-", "Ab ", "AB ", "Ab Cd ", "of ", "and ", "the ", "1.2, ",
           "by 3% and ", "Ab, Cd and ", "(A) ", "A (B) ", "Ab (AB), ", "1.5x ", "e.g., ", "a-b ", "Foo-Bar ", "$"]
UNITS = sorted({a + b for a, b in itertools.product(_PAIRED, repeat=2)}
               | {"".join(t) for t in itertools.product(_TRIPLED, repeat=3)} | set(_SHAPES))


def _patterns() -> dict[str, re.Pattern]:
    """The compiled patterns of paperkg's modules (alone or in a tuple, list or dict) and pipeline components."""
    modules = [importlib.import_module(f"{package.__name__}.{info.name}")
               for package in (paperkg, paperkg.extractors) for info in pkgutil.iter_modules(package.__path__)
               if info.name not in ("__main__", "cli")]  # (importing those runs the command line)
    found = {}
    for owner, values in [(m.__name__, vars(m)) for m in modules] + [
            (name, vars(component)) for name, component in make_pipeline().pipeline]:
        for name, value in values.items():
            items = value.values() if isinstance(value, dict) else value if isinstance(value, (tuple, list)) else [value]
            for index, item in enumerate(items):
                for pattern in (item if isinstance(item, tuple) else (item,)):
                    if isinstance(pattern, re.Pattern):
                        found[f"{owner}.{name}[{index}]"] = pattern
    return found


PATTERNS = _patterns()


def _seconds(pattern: re.Pattern, text: str) -> float:
    """How long a match of ``pattern`` at the start of ``text`` takes; infinite past a second."""
    try:
        with time_limit(1.0):
            start = time.perf_counter()
            pattern.match(text)
            return time.perf_counter() - start
    except TimeLimitExceeded:
        return float("inf")


def test_the_patterns_are_found():
    # The search reaches the modules' patterns, those in tables, and those components compile from their config.
    assert len(PATTERNS) > 300
    assert {"paperkg.results._VALUE_THEN_METRIC[0]", "paperkg.extractors.metric.RESULT_FRAMES[0]",
            "paperkg_benchmark.shape[0]"} <= set(PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_repeated_text(name):
    pattern = PATTERNS[name]
    slow = []
    for unit in UNITS:
        short, long = (unit * 80)[:60], (unit * 160)[:240]
        # Four times the text may take four times as long, not the sixteen of a quadratic scan (the best of
        # three long runs, as one may be slowed by the machine; under 2 ms is too short to tell).
        ratio_base = _seconds(pattern, short)
        took = min(_seconds(pattern, long) for _ in range(3)) if ratio_base < 1 else float("inf")
        if took > 0.002 and took > 8 * max(ratio_base, 1e-5):
            slow.append((unit, round(took, 4)))
    assert not slow, (pattern.pattern[:200], slow)
