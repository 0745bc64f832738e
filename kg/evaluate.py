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

__all__ = ["Score", "load_gold", "score_records", "format_table", "LENIENT", "MICRO", "SPAN_LABELS", "load_spans",
           "score_spans", "sentence_mentions"]

LENIENT = "dataset+benchmark"
MICRO = f"micro ({len(ENTITY_TYPES)} types)"


@dataclass
class Score:
    tp: int = 0
    gold: int = 0
    pred: int = 0
    #: Gold items matched, where matching is not one to one (span containment); else ``tp``.
    gold_tp: int | None = None

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return (self.tp if self.gold_tp is None else self.gold_tp) / self.gold if self.gold else 1.0

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
    return _json_lines(path, lambda record: isinstance(record, dict) and "title" in record,
                       "expected an object with a title", "no gold records (one JSON object per line)")


def _json_lines(path: str | Path, valid, expected: str, nothing: str) -> list[dict]:
    """The JSON objects of a file, one per line; ``expected`` is the error for a line ``valid`` refuses."""
    records = []
    for number, line in enumerate(text_lines(path), 1):
        if not line.strip():
            continue
        record, problem = json_value(line)
        if problem:
            raise InputError(path, problem, line=number)
        if not valid(record):
            raise InputError(path, expected, line=number)
        records.append(record)
    if not records:
        raise InputError(path, nothing)
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


#: The span labels of corpora others annotated (TDMSci's, for one), and the types of ours each stands for;
#: a label not here (TASK) is not scored.
SPAN_LABELS = {"DATASET": ("dataset", "benchmark"), "METRIC": ("metric",), "MODEL": ("model",)}


def load_spans(path: str | Path) -> list[dict]:
    """Sentences with gold spans, one JSON object per line: ``{"text": ..., "spans": [{"start", "end", "label"}]}``."""
    return _json_lines(path, _is_span_record, 'expected {"text": ..., "spans": [{"start": ..., "end": ..., '
                       '"label": ...}]} with offsets inside the text', "no sentences (one JSON object per line)")


def _is_span_record(record) -> bool:
    text = record.get("text") if isinstance(record, dict) else None
    spans = record.get("spans") if isinstance(record, dict) else None
    return isinstance(text, str) and isinstance(spans, list) and all(
        isinstance(span, dict) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int)
        and 0 <= span["start"] < span["end"] <= len(text) for span in spans)


def score_spans(records: list[dict], found: list[list[tuple[str, int, int]]]) -> dict[str, Score]:
    """Per gold label of :data:`SPAN_LABELS`: spans matched when one contains the other, as others score them.

    ``found`` holds, per record, ``(type, start, end)`` of each mention, offsets into the record's text.
    Precision counts the predicted spans that match a gold one, recall the gold spans matched.

    Examples
    --------
    >>> records = [{"text": "BLEU on the Europarl corpus", "spans": [
    ...     {"start": 0, "end": 4, "label": "METRIC"}, {"start": 12, "end": 27, "label": "DATASET"},
    ...     {"start": 0, "end": 4, "label": "TASK"}]}]
    >>> scores = score_spans(records, [[("metric", 0, 4), ("dataset", 12, 20), ("benchmark", 12, 20)]])
    >>> {label: (s.tp, s.gold_tp, s.gold, s.pred) for label, s in scores.items()}
    {'DATASET': (1, 1, 1, 1), 'METRIC': (1, 1, 1, 1)}
    """
    labels = [label for label in SPAN_LABELS if any(span.get("label") == label for r in records for span in r["spans"])]
    scores = {label: Score(gold_tp=0) for label in labels}
    for record, mentions in zip(records, found):
        for label in labels:
            gold = {(span["start"], span["end"]) for span in record["spans"] if span.get("label") == label}
            pred = {(start, end) for kind, start, end in mentions if kind in SPAN_LABELS[label]}
            scores[label].add(sum(1 for p in pred if any(_contains(p, g) for g in gold)), len(gold), len(pred))
            scores[label].gold_tp += sum(1 for g in gold if any(_contains(g, p) for p in pred))
    return scores


def sentence_mentions(records: list[dict], extracted) -> list[list[tuple[str, int, int]]]:
    """``(type, start, end)`` of each mention, offsets into its record's text, from papers extracted from the texts.

    Each record's text was extracted as the abstract of a paper with no title (``Paper("", text)``), so its
    offsets start where the paper's text has the abstract.
    """
    per_record = []
    for record, found in zip(records, extracted):
        shift = len(found.paper.text) - len(record["text"])
        per_record.append([(m.type, m.start - shift, m.end - shift) for m in found.mentions])
    return per_record


def _contains(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
