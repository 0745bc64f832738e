"""One hostile record costs what a normal record of its length costs, step by step, in time and in output.

The shapes are the ones issue #17 found quadratic: a long run of numbers with
metric names (the result finder), thousands of names around one comparison
cue (the comparison edges), many distinct "the X benchmark" cues, many
distinct acronym definitions. Each 100 KB abstract goes through a whole build
(every format); every step, and the output's size, must stay within 10x of
a build of 100 KB of real abstracts, made in the same run. A step is given at
least a quarter of a second of allowance, so a step that takes milliseconds
on normal text does not fail on timer noise.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from paperkg import exports
from paperkg.core.model import Paper
from paperkg.pipeline import run

SIZE = 100_000
FACTOR = 10
FLOOR_SECONDS = 0.25


def _repeat(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


def _names_around_a_cue() -> str:
    names = [f"Net{i}" for i in range(SIZE // 12)]
    half = len(names) // 2
    return " ".join(names[:half]) + " outperforms " + " ".join(names[half:]) + "."


HOSTILE = {
    "numbers and metric names": lambda: _repeat("12.5% 3.2 FID 4.5 BLEU, "),
    "names around one cue": _names_around_a_cue,
    "distinct benchmark cues": lambda: "".join(f"We evaluate on the Bench{i} benchmark. " for i in range(SIZE // 30))[:SIZE],
    "distinct acronym definitions": lambda: "".join(
        f"We use {a} {b} {c} ({a[0]}{b[0]}{c[0]}{i}). " for i, (a, b, c) in
        enumerate(("alpha beta gamma".split(),) * (SIZE // 30)))[:SIZE],
}
FORMATS = [name for name in exports.EXPORTERS if name != "html"]  # the viewer caps its own size


def _build(abstract: str, folder: Path) -> tuple[dict[str, float], int]:
    start = time.perf_counter()
    result = run([Paper("A long record", abstract)], folder, formats=FORMATS, on_warning=lambda problem: None)
    seconds = dict(result.seconds, total=time.perf_counter() - start)
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    return seconds, size


@pytest.fixture(scope="module")
def normal(tmp_path_factory, sample_papers):
    text = " ".join(paper.abstract for paper in sample_papers)[:SIZE]
    assert len(text) == SIZE
    return _build(text, tmp_path_factory.mktemp("normal"))


@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_a_hostile_record_costs_what_a_normal_one_of_its_length_costs(normal, shape, tmp_path):
    (normal_seconds, normal_size), abstract = normal, HOSTILE[shape]()
    seconds, size = _build(abstract, tmp_path)
    slow = {step: round(value, 2) for step, value in seconds.items()
            if value > FACTOR * max(normal_seconds.get(step, 0.0), FLOOR_SECONDS)}
    assert not slow, f"steps over {FACTOR}x a normal record's: {slow} (normal: {normal_seconds})"
    assert size <= FACTOR * normal_size, f"{size:,} bytes of output against {normal_size:,} for a normal record"
