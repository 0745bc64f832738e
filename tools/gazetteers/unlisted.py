"""Score a gold file as if no list knew its names: how far the rules reach without the gazetteers.

The lists (``extractors/gazetteers/*.txt`` and the generated ``*.registry.txt``) know most
names of the dev and held-out gold, so their tables say little about a paper whose models
and datasets are new. This script takes every model, dataset and benchmark name of the
gold file (each alias) out of the lists before the pipeline is built, extracts the gold
papers and prints the usual table: what is still found comes from the rules alone
(definitions, cue nouns, roles, name shapes, lists a sentence makes). Classic names
(``Transformer``, ``ImageNet``) go too, so the figures are a pessimistic proxy for
unseen abstracts. Metrics and repos keep their lists.

Usage::

    python tools/gazetteers/unlisted.py tests/data/gold-heldout.jsonl
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from paperkg.core.model import Paper, normalize_key
from paperkg.evaluate import format_table, load_gold, score_records

HIDDEN_TYPES = ("model", "dataset", "benchmark")


def gold_keys(path: Path) -> set[str]:
    """Normalized keys of every model, dataset and benchmark alias of a gold file."""
    keys = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            for entity_type in HIDDEN_TYPES:
                for names in record.get("entities", {}).get(entity_type, []):
                    keys.update(normalize_key(alias) for alias in names.split(" | "))
    return keys - {""}


def hide_names(keys: set[str]) -> None:
    """Make every list loader of the extractors leave out names whose key is in ``keys``."""
    from paperkg.extractors import data, lexicon, metric, model

    original = lexicon.load_names

    def load_names(name: str) -> list[str]:
        names = original(name)
        if name in ("stoplist", "metrics"):
            return names
        return [entry for entry in names if normalize_key(entry.lstrip("=~")) not in keys]

    for module in (lexicon, data, metric, model):
        module.load_names = load_names


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="a gold file (tests/data/gold-*.jsonl)")
    args = parser.parse_args(argv)
    hide_names(gold_keys(args.gold))
    from paperkg.extract import extract_papers, gold_record  # the pipeline is built after the lists shrank

    records = load_gold(args.gold)
    found = extract_papers([Paper(record["title"], record.get("abstract", "")) for record in records])
    print(f"papers: {len(records)} (gold model, dataset and benchmark names taken out of the lists)")
    print(format_table(score_records(records, [gold_record(paper) for paper in found])))


if __name__ == "__main__":
    main()
