"""Extraction quality on hand-annotated papers, pinned so that a change cannot quietly lower it.

Three gold files: ``gold-dev.jsonl`` (60 papers, the rules were tuned on it),
``gold-heldout.jsonl`` (40 other corpus papers, annotated by hand before any
rule was written on them, their errors read since) and ``gold-untuned.jsonl``
(40 more, never read for a rule: the honest estimate for unseen abstracts,
micro F1 .868 when pinned). The floors sit a
little under the figures measured when they were pinned (dev: model P .920 /
F1 .925, dataset F1 .977, benchmark F1 .933, lenient F1 .962, metric P .889 /
F1 .941, proposes F1 .920, micro F1 .941; held-out: micro F1 .919, precision
.800 or more for every type), so that an honest trade-off between types still passes.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from paperkg.evaluate import LENIENT, MICRO, load_gold, score_records
from paperkg.extract import extract_papers, gold_record
from paperkg.core.model import Paper

DATA = Path(__file__).parent / "data"


def _scores(name: str):
    gold = load_gold(DATA / name)
    papers = [Paper(record["title"], record.get("abstract", "")) for record in gold]
    return score_records(gold, [gold_record(found) for found in extract_papers(papers)])


@pytest.fixture(scope="module")
def scores():
    return _scores("gold-dev.jsonl")


@pytest.fixture(scope="module")
def heldout_scores():
    return _scores("gold-heldout.jsonl")


def test_micro_f1(scores):
    assert scores[MICRO].f1 >= 0.93


def test_repo_f1(scores):
    assert scores["repo"].f1 >= 0.98


@pytest.mark.parametrize("entity_type", ["model", "dataset", "benchmark", "metric", "repo"])
def test_precision_per_type(scores, entity_type):
    assert scores[entity_type].precision >= 0.87


@pytest.mark.parametrize(
    "name, floor",
    [("model", 0.91), ("dataset", 0.96), ("benchmark", 0.92), ("metric", 0.93), (LENIENT, 0.95), ("proposes", 0.91)],
)
def test_f1_floors(scores, name, floor):
    assert scores[name].f1 >= floor


def test_heldout_micro_f1_and_repo(heldout_scores):
    assert heldout_scores[MICRO].f1 >= 0.90
    assert heldout_scores["repo"].f1 >= 0.98


@pytest.mark.parametrize("entity_type", ["model", "dataset", "benchmark", "metric", "repo"])
def test_heldout_precision_per_type(heldout_scores, entity_type):
    assert heldout_scores[entity_type].precision >= 0.78


def test_untuned_micro_f1_and_repo():
    # Annotated before any score was run on it and never read for a rule: a floor, never a target.
    untuned = _scores("gold-untuned.jsonl")
    assert untuned[MICRO].f1 >= 0.85 and untuned[MICRO].precision >= 0.90
    assert untuned["repo"].f1 >= 0.98


# Issue #3's target table on the dev gold: (row, F1 at least, precision at least).
ISSUE_3_TARGETS = [
    ("repo", 0.98, 0.98),
    ("model", 0.85, 0.85),
    (LENIENT, 0.80, 0.80),
    ("dataset", 0.70, 0.70),
    ("benchmark", 0.70, 0.70),
    ("metric", 0.85, 0.85),
    ("proposes", 0.90, 0.90),
]


@pytest.mark.parametrize("name, f1, precision", ISSUE_3_TARGETS)
def test_issue_3_target_table(scores, name, f1, precision):
    assert scores[name].f1 >= f1 and scores[name].precision >= precision
