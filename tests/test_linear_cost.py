"""One hostile record costs what a normal record of its length costs, step by step, in time and in output.

The shapes are the ones issue #17 found quadratic: a long run of numbers with
metric names (the result finder), thousands of names around one comparison
cue (the comparison edges), many distinct "the X benchmark" cues, many
distinct acronym definitions; one word as long as the record, which
name shapes read letter by letter; and the shapes that made single patterns
exponential, quadratic or cubic (hyphenated codes, runs of spaces and blank
lines, a value far from its amount, a list of numbers). A build past twice
the allowance is stopped, so such a step fails the test instead of hanging it. Each 100 KB abstract goes through a whole build
(every format); every step, and the output's size, must stay within 10x of
a build of 100 KB of real abstracts, made in the same run. A step is given at
least a quarter of a second of allowance, so a step that takes milliseconds
on normal text does not fail on timer noise.
"""
from __future__ import annotations

import pytest

from benchmarks.hostile_shapes import HOSTILE, build_one, normal_abstract

from .time_limit import TimeLimitExceeded, time_limit

SIZE = 100_000
FACTOR = 10
FLOOR_SECONDS = 0.25


@pytest.fixture(scope="module")
def normal(tmp_path_factory):
    return build_one(normal_abstract(SIZE), tmp_path_factory.mktemp("normal"))


@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_a_hostile_record_costs_what_a_normal_one_of_its_length_costs(normal, shape, tmp_path):
    (normal_seconds, normal_size), abstract = normal, HOSTILE[shape](SIZE)
    # An exponential or cubic step would run for hours: past the allowance the build is stopped.
    limit = FACTOR * max(normal_seconds["total"], FLOOR_SECONDS) * 2
    try:
        with time_limit(limit):
            seconds, size = build_one(abstract, tmp_path)
    except TimeLimitExceeded:
        pytest.fail(f"over {limit:.1f} s, {FACTOR}x twice a normal record's build")
    slow = {step: round(value, 2) for step, value in seconds.items()
            if value > FACTOR * max(normal_seconds.get(step, 0.0), FLOOR_SECONDS)}
    assert not slow, f"steps over {FACTOR}x a normal record's: {slow} (normal: {normal_seconds})"
    assert size <= FACTOR * normal_size, f"{size:,} bytes of output against {normal_size:,} for a normal record"

