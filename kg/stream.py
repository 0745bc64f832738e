"""Builds larger than memory: papers, extraction results and the graph pass through disk.

:func:`build_streamed` (``paperkg build --stream``) keeps memory flat however
many papers it reads (the arXiv metadata snapshot has 2.7 million):

1. Records are read one at a time and sorted by paper id on disk (sorted runs
   of ``run_size`` records, then merged), so the copies of a paper arrive
   together and merge as :func:`paperkg.readers.merge_papers` merges them.
2. Papers are extracted in that order (on ``workers`` processes); each result
   is written to disk as it comes, and only its names go on to the resolver.
3. The results are read back ``batch_size`` papers at a time; each batch
   becomes a graph (:func:`paperkg.graph.build_graph` with the corpus-wide
   resolver) whose papers, results and edges are appended to the files. The
   entities, with corpus-wide counts, and the ``variant_of`` edges come last.

The files hold the same triples and rows as a build in memory, batch by batch
rather than in one sorted order. Only the formats written line by line are
streamed: N-Triples and CSV (:data:`STREAMED_FORMATS`). The results file
becomes the build state, so ``paperkg build --update`` works on a streamed
build as on any other.
"""
from __future__ import annotations

import heapq
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import asdict
from itertools import groupby
from pathlib import Path

import networkx as nx

from .aliases import AliasTable
from .core.atomic import atomic_write
from .build import BuildResult, Progress, StepClock
from .core.errors import InputError
from .extract import apply_aliases
from .graph import (build_graph, entity_attributes, entity_variants, first_mention, most_mentioned, resolve_entities,
                    summarize, variant_edges)
from .core.model import ENTITY_TYPES, Paper
from .core.records import SCRATCH_PREFIX, STATE_DIR, chunked, read_results, state_path, write_results
from .parallel import extract_parallel
from .readers import iter_papers, merge_papers
from .resolve import Resolver

__all__ = ["STREAMED_FORMATS", "build_streamed", "sorted_papers"]

#: The formats a streamed build writes: those written line by line.
STREAMED_FORMATS = ("ntriples", "csv")


def sorted_papers(paths: Iterable[str | Path], folder: str | Path, *, run_size: int = 50_000,
                  input_format: str | None = None, strict: bool = False, on_warning=None) -> Iterator[Paper]:
    """The papers of the inputs in paper-id order, copies merged, sorted on disk in ``folder``.

    Memory holds one run of ``run_size`` records while sorting, and one
    record per run while merging.

    Examples
    --------
    >>> papers = list(sorted_papers(["data/"], tempfile.mkdtemp(), run_size=100))
    >>> [p.id for p in papers] == sorted(p.id for p in papers), len(papers)
    (True, 223)
    """
    runs = []
    for number, run in enumerate(chunked(iter_papers(paths, format=input_format, strict=strict,
                                                     on_warning=on_warning), run_size)):
        runs.append(Path(folder) / f"run-{number}.jsonl")
        with runs[-1].open("w", encoding="utf-8") as handle:
            for paper in sorted(run, key=lambda paper: paper.id):
                handle.write(json.dumps(asdict(paper), ensure_ascii=False) + "\n")
    with ExitStack() as stack:
        readers = [map(_paper_of, stack.enter_context(run.open(encoding="utf-8"))) for run in runs]
        for _, copies in groupby(heapq.merge(*readers, key=lambda paper: paper.id), key=lambda paper: paper.id):
            yield from merge_papers(copies, strict=strict, on_warning=on_warning)


def _paper_of(line: str) -> Paper:
    return Paper(**json.loads(line))


def build_streamed(
    inputs: Iterable[str | Path],
    output_dir: str | Path,
    *,
    formats: Iterable[str] | None = None,
    export_options: dict | None = None,
    workers: int = 1,
    input_format: str | None = None,
    strict: bool = False,
    on_warning=None,
    progress: Progress | None = None,
    aliases: AliasTable | None = None,
    batch_size: int = 5_000,
    run_size: int = 50_000,
) -> BuildResult:
    """Build the graph of the papers in ``inputs`` with flat memory; write N-Triples and CSV.

    ``formats`` may name any of :data:`STREAMED_FORMATS` (default: both).
    The result has no ``graph`` (it is in the files, and would not fit in
    memory); its ``summary`` counts the whole build.

    Examples
    --------
    >>> folder = tempfile.mkdtemp()
    >>> result = build_streamed(["data/"], folder, batch_size=50)
    >>> result.summary["papers"], sorted(p.name for p in Path(folder).iterdir())
    (223, ['.paperkg', 'edges.csv', 'graph.nt', 'nodes.csv'])
    """
    from paperkg import exports
    from paperkg.exports.ntriples import ntriples_chunks
    from paperkg.exports.rdf import generate_triples, rule_triples, subject_runs
    from paperkg.exports.tables import EDGE_COLUMNS, NODE_COLUMNS, edge_rows, node_rows, record_lines

    formats = list(STREAMED_FORMATS if formats is None else formats)
    unsupported = [name for name in formats if name not in STREAMED_FORMATS]
    if unsupported:
        raise ValueError(f"a streamed build writes {' and '.join(STREAMED_FORMATS)} only, not {', '.join(unsupported)}")
    rdf_options = {k: v for k, v in (export_options or {}).items() if k == "base_iri"}
    aliases = aliases or AliasTable()
    clock = StepClock()
    output_dir = Path(output_dir)
    (output_dir / STATE_DIR).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output_dir / STATE_DIR, prefix=SCRATCH_PREFIX) as scratch:
        papers = sorted_papers(inputs, scratch, run_size=run_size, input_format=input_format, strict=strict,
                               on_warning=on_warning)
        resolver = Resolver(preferred=set(aliases.canonical.values()))
        results = Path(scratch) / "results.jsonl"
        count = 0

        def resolved(extracted: Iterable) -> Iterator:
            nonlocal count
            for found in extracted:
                resolve_entities([apply_aliases(found, aliases)], aliases=aliases, resolver=resolver)
                count += 1
                yield found

        extracted = extract_parallel(papers, workers)
        write_results(results, resolved(progress(extracted, None) if progress else extracted))
        if not count:
            raise InputError(", ".join(map(str, inputs)), "no papers found")
        clock.lap("extract")

        variants = entity_variants((e.node_id, e.type, [e.name, *e.aliases]) for e in resolver.entities())
        firsts: dict[str, tuple[str, int, dict] | None] = {node: None for node, _ in variants}
        relations: Counter = Counter()
        rules: set[str] = set()
        with ExitStack() as stack:
            files = {name: [stack.enter_context(atomic_write(output_dir / file))
                            for file in exports.EXPORTERS[name].files] for name in formats}

            def write(graph: nx.MultiDiGraph, *, entities: bool, header: bool = False) -> None:
                relations.update(relation for _, _, relation in graph.edges(data="relation"))
                if "ntriples" in files:
                    triples = generate_triples(graph, **rdf_options, entities=entities, rules=rules)
                    files["ntriples"][0].writelines(ntriples_chunks(subject_runs(triples)))
                if "csv" in files:
                    nodes = [row for row in node_rows(graph) if entities or row["kind"] not in ENTITY_TYPES]
                    files["csv"][0].writelines(record_lines(nodes, list(NODE_COLUMNS), header=header))
                    files["csv"][1].writelines(record_lines(edge_rows(graph), list(EDGE_COLUMNS), header=header))

            for number, batch in enumerate(chunked(read_results(results), batch_size)):
                graph = build_graph([apply_aliases(found, aliases) for _, found in batch], aliases=aliases,
                                    resolver=resolver)
                for node in firsts.keys() & graph.nodes:
                    # Batches come in paper-id order, so a variant's first mention is in its first batch.
                    firsts[node] = firsts[node] or first_mention(graph, node)
                write(graph, entities=False, header=number == 0)
            # The entities, a batch at a time too: for millions of papers a graph of them all would not fit.
            summary = {"papers": count, "entities": Counter(), "top": []}
            linked = nx.MultiDiGraph()  # the variants and their bases, for the variant_of edges
            ends = {node for pair in variants for node in pair}
            for entities in chunked(resolver.entities(), batch_size):
                graph = nx.MultiDiGraph()
                for entity in entities:
                    graph.add_node(entity.node_id, **entity_attributes(entity))
                    if entity.node_id in ends:
                        linked.add_node(entity.node_id, **entity_attributes(entity))
                write(graph, entities=True)
                part = summarize(graph)
                summary["entities"].update(part["entities"])
                summary["top"] = most_mentioned(summary["top"] + part["top"])
            for variant, base, attributes in variant_edges(linked, firsts.get):
                linked.add_edge(variant, base, key="variant_of", **attributes)
            write(linked, entities=False)
            if "ntriples" in files:
                files["ntriples"][0].writelines(ntriples_chunks(subject_runs(rule_triples(rules, **rdf_options))))
            clock.lap("graph and export")
        os.replace(results, state_path(output_dir))
    summary["entities"] = {kind: summary["entities"][kind] for kind in ENTITY_TYPES}
    summary["edges"] = dict(sorted(relations.items()))
    written = {name: [output_dir / file for file in exports.EXPORTERS[name].files] for name in formats}
    return BuildResult(None, written, papers=count, extracted=count, seconds=clock.laps, summary=summary)
