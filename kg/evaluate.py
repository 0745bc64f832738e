"""Score extraction against hand-annotated gold with the guidelines' matching rules.

A predicted entity matches a gold one when the normalized form of any of its
names equals the normalized form of any of the gold entity's aliases; counts
are summed over papers (micro average), per type, for datasets and benchmarks
taken as one type (lenient), and for ``proposes``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .core.errors import InputError
from .core.model import ENTITY_TYPES, normalize_key
from .readers import json_value, text_lines

__all__ = ["Score", "load_gold", "score_records", "format_table", "LENIENT", "MICRO"]

LENIENT = "dataset+benchmark"
MICRO = f"micro ({len(ENTITY_TYPES)} types)"


@dataclass
class Score:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, gold: int, pred: int) -> None:
        self.tp += tp
        self.gold += gold
        self.pred += pred


def load_gold(path: str | Path) -> list[dict]:
    """Gold records, one per line; a line that is not a JSON object, an unreadable file or no records is an error."""
    records = []
    for number, line in enumerate(text_lines(path), 1):
        if not line.strip():
            continue
        record, problem = json_value(line)
        if problem:
            raise InputError(path, problem, line=number)
        if not isinstance(record, dict) or "title" not in record:
            raise InputError(path, "expected an object with a title", line=number)
        records.append(record)
    if not records:
        raise InputError(path, "no gold records (one JSON object per line)")
    return records


def _alias_keys(names: Iterable[str]) -> list[set[str]]:
    groups: list[set[str]] = []
    for name in names:
        keys = {normalize_key(alias) for alias in str(name).split(" | ")} - {""}
        if keys and keys not in groups:
            groups.append(keys)
    return groups


def match_counts(gold_names: list[str], pred_names: list[str]) -> tuple[int, int, int]:
    """(true positives, gold count, prediction count) for one paper and type.

    Examples
    --------
    >>> match_counts(["LaVin-DiT | Large Vision Diffusion Transformer", "DiT"], ["lavin dit", "GPT-4"])
    (1, 2, 2)
    """
    gold, pred = _alias_keys(gold_names), _alias_keys(pred_names)
    used: set[int] = set()
    tp = 0
    for keys in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and keys & p), None)
        if hit is not None:
            used.add(hit)
            tp += 1
    return tp, len(gold), len(pred)


def _expand_proposes(names: list[str], entities: dict[str, list[str]]) -> list[str]:
    full = {normalize_key(n.split(" | ")[0]): n for group in entities.values() for n in group}
    return [full.get(normalize_key(n), n) for n in names]


def score_records(gold: list[dict], predicted: list[dict]) -> dict[str, Score]:
    """Scores per type, lenient dataset+benchmark, proposes, and the micro average."""
    by_title = {normalize_key(p["title"]): p for p in predicted}
    scores = {name: Score() for name in (*ENTITY_TYPES, LENIENT, "proposes", MICRO)}
    for record in gold:
        pred = by_title.get(normalize_key(record["title"]), {})
        gold_entities, pred_entities = record.get("entities", {}), pred.get("entities", {})
        for entity_type in ENTITY_TYPES:
            counts = match_counts(gold_entities.get(entity_type, []), pred_entities.get(entity_type, []))
            scores[entity_type].add(*counts)
            scores[MICRO].add(*counts)
        scores[LENIENT].add(*match_counts(
            gold_entities.get("dataset", []) + gold_entities.get("benchmark", []),
            pred_entities.get("dataset", []) + pred_entities.get("benchmark", []),
        ))
        scores["proposes"].add(*match_counts(
            _expand_proposes(record.get("proposes", []), gold_entities), pred.get("proposes", [])
        ))
    return scores


def format_table(scores: dict[str, Score]) -> str:
    """The scores as a fixed-width text table."""
    rows = [f"{'type':<20}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for name, s in scores.items():
        rows.append(f"{name:<20}{s.gold:>6}{s.pred:>6}{s.tp:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    return "\n".join(rows)
