"""Score another commit's result tuples with today's matching: how much a scorer change moves a figure.

An older commit's ``paperkg eval-results`` scores its tuples with the matching of its day; this
script extracts them with that commit's code (its own Python, where it is installed) and matches
them with today's :func:`paperkg.results.result_matches`, so two commits compare like with like.

Usage::

    git worktree add /tmp/old 0826ff9 && python -m venv /tmp/oldvenv && /tmp/oldvenv/bin/pip install /tmp/old
    python tools/rescore_results.py /tmp/oldvenv/bin/python tests/data/results-blind-b.jsonl
"""
from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

from paperkg.evaluate import Score, load_gold
from paperkg.results import Result, score_predictions

# Run in the other commit's Python: its package was "kg" before it became "paperkg".
_DUMP = """
import json, sys
try:
    from paperkg.core.model import Paper
    from paperkg.extract import extract_papers
    from paperkg.results import extract_results
except ImportError:
    from kg.model import Paper
    from kg.extract import extract_papers
    from kg.results import extract_results
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
for found in extract_papers([Paper(r["title"], r.get("abstract", "")) for r in records]):
    print(json.dumps([[r.model, r.dataset_or_benchmark, r.metric, r.value, r.unit] for r in extract_results(found)]))
"""


def rescore(python: str, gold_path: Path) -> Score:
    """Today's strict score of the result tuples ``python``'s paperkg extracts from the gold file's papers."""
    # Run outside the repository: ``python -c`` puts its folder first on the path, where ``kg/`` would
    # shadow the other commit's installed package.
    dumped = subprocess.run([python, "-c", _DUMP, str(gold_path)], capture_output=True, text=True, check=True,
                            cwd="/").stdout.splitlines()
    predicted = [[Result("", model, data, metric, value, unit, None, "", 0, 0, 0, "", 0.0)
                  for model, data, metric, value, unit in json.loads(line)] for line in dumped]
    return score_predictions(load_gold(gold_path), predicted)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("python", help="the Python of a venv where the other commit is installed")
    parser.add_argument("gold", type=Path, help="a results gold file (tests/data/results-*.jsonl)")
    args = parser.parse_args(argv)
    score = rescore(args.python, args.gold.resolve())
    print(f"tp: {score.tp} gold: {score.gold} pred: {score.pred} "
          f"p: {score.precision:.3f} r: {score.recall:.3f} f1: {score.f1:.3f}")


if __name__ == "__main__":
    main()
