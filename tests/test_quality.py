"""Extraction quality on hand-annotated papers, pinned so that a change cannot quietly lower it.

The gold files: ``gold-dev.jsonl`` (60 papers, the rules were tuned on it),
``gold-heldout.jsonl`` (40 other corpus papers, annotated by hand before any
rule was written on them, their errors read since), ``gold-untuned.jsonl``
(40 more, annotated before any score, read since issue #16's second round),
``gold-blind-{a,b,c}.jsonl`` (the rest of the corpus, three annotators
apart), ``gold-web-{1,...,18}.jsonl`` (2,738 papers from outside the corpus,
eighty-three annotators apart; web-2 to web-10 and web-12 to web-15 each scored
before it was read: the estimates for unseen abstracts, tests/data/README-web.md;
web-11 and web-16 to web-18 never read) and TDMSci's training sentences
(others' spans, scored by containment). The floors sit a
little under the figures measured when they were pinned (dev: model P .920 /
F1 .925, dataset F1 .977, benchmark F1 .933, lenient F1 .962, metric P .889 /
F1 .941, proposes F1 .920, micro F1 .941; held-out: micro F1 .919, precision
.800 or more for every type), so that an honest trade-off between types still passes.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from paperkg.evaluate import LENIENT, MICRO, load_gold, load_spans, score_records, score_spans, sentence_mentions
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
    # Annotated before any score was run on it; read for development since issue #16's second round.
    untuned = _scores("gold-untuned.jsonl")
    assert untuned[MICRO].f1 >= 0.85 and untuned[MICRO].precision >= 0.90
    assert untuned["repo"].f1 >= 0.98


@pytest.mark.parametrize("name, micro_floor, repo_precision", [
    # tests/data/README-blind.md: a read for development (micro F1 0.847 when pinned), b never read (0.767),
    # c scored once (0.817) and then read for regressions (0.840). Floors, never targets.
    ("gold-blind-a.jsonl", 0.82, 0.98), ("gold-blind-b.jsonl", 0.74, 0.98), ("gold-blind-c.jsonl", 0.81, 0.98),
    # tests/data/README-web.md: web-1 read for development (0.836 when pinned), web-2 scored once (0.784 at
    # 27d6568), then read (0.807 when pinned); web-3 scored once (0.736 at 2b013f3), then read (0.779 when
    # pinned); web-4 scored once (0.802 at 105beb5), then read (0.815 when pinned); web-5 scored once (0.753 at
    # 66a13dc), then read (0.807 when pinned); web-6 scored at 53d00d4 (0.781), then read in the seventh round
    # (0.798 when pinned); web-7 scored at fc36c72 (0.806), then read in the eighth round (0.839 when pinned);
    # web-8 scored at 532cede (0.761), then read (0.796 when pinned); web-9 scored at 532cede (0.771) and at
    # 39da8f6 (0.776), then read in the ninth round (0.792 when pinned); it has one predicted repo its gold does not
    # list (precision 0.952). web-10 scored at 8de520b (0.803), then read in the tenth round (0.819 when pinned);
    # web-12 scored in the tenth round (0.791 at 006759a), then read at its end (0.813 when pinned, 0.826 in the
    # eleventh); web-13 scored at ce21b86 (0.809), then read in the eleventh round (0.829 when pinned); web-14 scored
    # in the eleventh round (0.811 at 438f4d6), then read in the twelfth (0.822 when pinned); web-15 scored in the
    # twelfth round (0.778 at ec8894e), then read in the thirteenth (0.790 when pinned); web-11 (0.797), web-16
    # (0.802, 167 papers, the thirteenth round's estimate), web-17 (0.765, 176 papers) and web-18 (0.789, 175
    # papers; the fourteenth round's two) never read. web-17 has one link its gold does not list and misses one
    # (0.950 at 1e6be0b and when pinned); web-18 has one its gold does not list (0.969).
    # One web-3 link lost its underscore to the page's conversion ("github.com/mitmedialab/medical hallucination"):
    # no rule reads past a space in a path, so that link is cut short there, one miss in 21.
    ("gold-web-1.jsonl", 0.81, 0.98), ("gold-web-2.jsonl", 0.78, 0.98), ("gold-web-3.jsonl", 0.75, 0.95),
    ("gold-web-4.jsonl", 0.79, 0.98), ("gold-web-5.jsonl", 0.79, 0.98), ("gold-web-6.jsonl", 0.77, 0.98),
    ("gold-web-7.jsonl", 0.81, 0.98), ("gold-web-8.jsonl", 0.77, 0.98), ("gold-web-9.jsonl", 0.76, 0.95),
    ("gold-web-10.jsonl", 0.79, 0.98), ("gold-web-11.jsonl", 0.76, 0.98), ("gold-web-12.jsonl", 0.80, 0.98),
    ("gold-web-13.jsonl", 0.80, 0.98), ("gold-web-14.jsonl", 0.79, 0.95), ("gold-web-15.jsonl", 0.77, 0.98),
    ("gold-web-16.jsonl", 0.78, 0.98), ("gold-web-17.jsonl", 0.74, 0.95), ("gold-web-18.jsonl", 0.76, 0.95),
])
def test_blind_splits_micro_f1_and_repo(name, micro_floor, repo_precision):
    blind = _scores(name)
    assert blind[MICRO].f1 >= micro_floor
    assert blind["repo"].precision >= repo_precision


def test_external_spans_of_tdmsci_reach_the_pinned_floors():
    # tests/data/external/README.md: sentences of NLP papers others annotated, scored by containment as they
    # score them. Pinned a little under DATASET F1 0.631 and METRIC F1 0.798 (0.565 and 0.706 before the
    # mechanisms it was read for: annotated banks, measures a measuring verb or a partner measure frames).
    records = load_spans(DATA / "external" / "tdmsci-train.jsonl")
    found = extract_papers([Paper("", record["text"]) for record in records])
    spans = score_spans(records, sentence_mentions(records, found))
    assert spans["DATASET"].f1 >= 0.61 and spans["METRIC"].f1 >= 0.78


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
