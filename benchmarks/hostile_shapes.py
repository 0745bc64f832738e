"""Time and output size of one hostile record through a whole build, against a normal record of its length.

The shapes are issue #17's: a run of numbers with metric names (the result
finder), thousands of names around one comparison cue, many distinct "the X
benchmark" cues, many distinct acronym definitions; and those that made single
patterns slow: hyphenated codes, runs of spaces and blank lines, a list of numbers. Each goes through
:func:`paperkg.pipeline.run` (every format but the viewer) at each size,
beside real abstracts of the same length cut from ``data/``; the table gives
each step's seconds and the output's bytes. ``tests/test_linear_cost.py``
holds the same shapes to 10x of the normal record.

Usage::

    python benchmarks/hostile_shapes.py                    # 25, 50 and 100 KB
    python benchmarks/hostile_shapes.py --sizes 25000
"""
from __future__ import annotations

import argparse
import datetime
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Every format but the viewer, which caps its own size.
FORMATS = ["turtle", "jsonld", "ntriples", "graphml", "csv", "parquet", "store"]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _names_around_a_cue(size: int) -> str:
    names = [f"Net{i}" for i in range(size // 12)]
    half = len(names) // 2
    return " ".join(names[:half]) + " outperforms " + " ".join(names[half:]) + "."


#: Each hostile shape: the abstract of ``size`` characters it makes.
HOSTILE: dict[str, Callable[[int], str]] = {
    "numbers and metric names": lambda size: _repeat("12.5% 3.2 FID 4.5 BLEU, ", size),
    "names around one cue": _names_around_a_cue,
    "distinct benchmark cues": lambda size: "".join(
        f"We evaluate on the Bench{i} benchmark. " for i in range(size // 30))[:size],
    "distinct acronym definitions": lambda size: "".join(
        f"We use {a} {b} {c} ({a[0]}{b[0]}{c[0]}{i}). "
        for i, (a, b, c) in enumerate(("alpha beta gamma".split(),) * (size // 30)))[:size],
    # Name shapes read a capitalised word letter by letter: one word as long as the record.
    "one word of capitals": lambda size: "A" * size,
    "one camel-case word": lambda size: _repeat("Ab", size),
    # ... and initials joined by full stops before a split of data, a word starting after each: one read of the
    # run, not one per letter.
    "dotted initials before test data": lambda size: _repeat("A.", size - 10) + " test data",
    # A pattern that can split a run two ways backtracks exponentially ("ABC-" 25 times took minutes);
    # one that scans a run from each of its positions is quadratic, cubic when tried at each.
    "hyphenated codes": lambda size: _repeat("ABC-", size),
    "spaces": lambda size: " " * size,
    "blank lines": lambda size: "\n" * size,
    "a value far from its amount": lambda size: "Accuracy is 5%" + " " * (size - 18) + "by 3",
    "a list of numbers": lambda size: _repeat("1.2, ", size),
    # A sentence that never ends, naming a measure every few words: each is judged by its sentence.
    "measures in one endless sentence": lambda size: _repeat("the model accuracy { ", size),
    "numbers joined by slashes": lambda size: _repeat("12.34/", size),
    "own names defined, no full stop": lambda size: " ".join(
        f"our Zorb Quux Net{i} (ZQN{i})" for i in range(size // 26))[:size],
    "proposals, no full stop": lambda size: " and ".join(f"we propose ZorbNet{i}" for i in range(size // 22))[:size],
    "titled names on one line": lambda size: " ".join(f"Zorb{i} Dataset and" for i in range(size // 18))[:size],
    "costs in one sentence": lambda size: _repeat("reduces the memory footprint and ", size),
    "one endless list of names": lambda size: _repeat("GPT-4, LASER, ", size),
    "measures joined in one sentence": lambda size: _repeat("accuracy and communication cost, 3% ", size),
    "coined names given values": lambda size: _repeat("a MinDCF of 0.03 ", size),
    "math copied rendered then as TeX": lambda size: _repeat("188×188\\times 2.9%2.9\\% ", size),
    "names in parentheses before their noun": lambda size: _repeat("code (ZorbNet and PyZ) datasets ", size),
    "factors written out": lambda size: _repeat("by more than fivefold, three times faster ", size),
    "markup around names": lambda size: _repeat('<small xmlns:xlink="x">ZALL-E</small>', size),
}


def normal_abstract(size: int) -> str:
    """``size`` characters of the sample corpus's real abstracts."""
    from paperkg.readers import read_papers

    text = " ".join(paper.abstract for paper in read_papers([ROOT / "data"]))
    return _repeat(text + " ", size)


def build_one(abstract: str, folder: Path) -> tuple[dict[str, float], int]:
    """Each step's seconds (and the total) and the bytes written, for a build of one record."""
    from paperkg.core.model import Paper
    from paperkg.pipeline import run

    start = time.perf_counter()
    result = run([Paper("A long record", abstract)], folder, formats=FORMATS, on_warning=lambda problem: None)
    seconds = dict(result.seconds, total=round(time.perf_counter() - start, 3))
    return seconds, sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="25000,50000,100000", help="comma-separated record sizes (characters)")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results")
    options = parser.parse_args()
    lines = [f"# Hostile records through a build, {datetime.date.today().isoformat()}", "",
             f"`python benchmarks/hostile_shapes.py --sizes {options.sizes}`; formats: {', '.join(FORMATS)}.", "",
             "| size | record | total s | slowest step | output MB |", "|---|---|---|---|---|"]
    for size in map(int, options.sizes.split(",")):
        for name, make in {"normal abstracts": normal_abstract, **HOSTILE}.items():
            with tempfile.TemporaryDirectory() as folder:
                seconds, size_out = build_one(make(size), Path(folder))
            total = seconds.pop("total")
            step = max(seconds, key=seconds.get)
            lines.append(f"| {size // 1000} KB | {name} | {total:.2f} | {step} {seconds[step]:.2f} s | "
                         f"{size_out / 1e6:.2f} |")
            print(lines[-1], flush=True)
    options.results.mkdir(parents=True, exist_ok=True)
    path = options.results / f"{datetime.date.today().isoformat()}-hostile-shapes.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {path}")


if __name__ == "__main__":
    main()
