"""Seconds per export format, and for every format in one :func:`exports.export` call.

Builds ~500 varied abstracts from ``data/`` with the corpus builder of
``benchmarks/throughput.py``, extracts them and builds the graph once, then
times :func:`exports.export` for each format alone and for all of them
together (where formats can share work), the best of ``--repeats`` runs each,
and prints wall and CPU seconds, the ratio to N-Triples (the simplest
streamed writer), and the kilobytes each format writes per paper and per CPU second. ``--graph FILE`` keeps the built graph as a pickle and reuses it on the
next run, so a run compares exporters on the very same graph even while the
extractors change; ``--keep DIR`` leaves the files of the last run there, for
``cmp`` against an earlier version's; ``--profile`` prints the functions each
format spends most time in.

Usage::

    python benchmarks/export_speed.py                          # 500 abstracts
    python benchmarks/export_speed.py --abstracts 2000 --graph /tmp/g2000.pickle --keep /tmp/out
    python benchmarks/export_speed.py --formats graphml --profile
"""
from __future__ import annotations

import argparse
import cProfile
import pickle
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, make_corpus  # noqa: E402  (the scale benchmark's corpus builder)

sys.path.insert(0, str(ROOT))

__all__ = ["benchmark_graph", "export_seconds", "main"]


def benchmark_graph(abstracts: int, cache: Path | None = None):
    """The graph of ``abstracts`` made-up papers, read from ``cache`` when that pickle exists."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    from paperkg.extract import extract_papers
    from paperkg.graph import build_graph
    from paperkg.readers import read_papers

    with tempfile.TemporaryDirectory() as scratch:
        corpus = make_corpus(abstracts, Path(scratch) / "corpus.jsonl")
        graph = build_graph(extract_papers(read_papers([corpus])))
    if cache is not None:
        cache.write_bytes(pickle.dumps(graph, protocol=pickle.HIGHEST_PROTOCOL))
    return graph


def export_seconds(graph, formats: list[str], folder: Path, *, repeats: int = 2, **options) -> tuple[float, float]:
    """The best wall time and the best CPU time of ``repeats`` calls of :func:`exports.export`.

    CPU time (this process's) moves far less than wall time when other jobs share the cores.
    """
    from paperkg import exports

    wall = cpu = float("inf")
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        exports.export(graph, folder, formats, **options)
        wall, cpu = min(wall, time.perf_counter() - start), min(cpu, time.process_time() - start_cpu)
    return wall, cpu


def _bytes(path: Path) -> int:
    """A file's size, or a folder's (the store): the sum of its files."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def main(argv: list[str] | None = None) -> None:
    from paperkg import exports

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--abstracts", type=int, default=500)
    parser.add_argument("--formats", default=",".join(exports.EXPORTERS), help="comma-separated format names")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--graph", type=Path, help="pickle of the graph: read if it exists, else written")
    parser.add_argument("--keep", type=Path, help="write the exports into this folder and leave them")
    parser.add_argument("--profile", action="store_true", help="print the top functions of each format")
    parser.add_argument("--evidence", default="full", help="evidence level: full, first or none")
    args = parser.parse_args(argv)

    graph = benchmark_graph(args.abstracts, args.graph)
    formats = args.formats.split(",")
    print(f"{graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges")
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        options = {} if args.evidence == "full" else {"evidence": args.evidence}
        seconds = {name: export_seconds(graph, [name], folder, repeats=args.repeats,
                                        **(options if "evidence" in exports.EXPORTERS[name].options() else {}))
                   for name in formats}
        together = export_seconds(graph, formats, folder, repeats=args.repeats, **options) if len(formats) > 1 else None
        if args.profile:
            for name in formats:
                profile = cProfile.Profile()
                profile.runcall(exports.export, graph, folder, [name])
                print(f"--- {name}")
                pstats.Stats(profile).sort_stats("tottime").print_stats(12)
        kilobytes = {name: sum(_bytes(folder / file) for file in exports.EXPORTERS[name].files) / 1000
                     for name in formats}
    papers = sum(1 for _, kind in graph.nodes(data="kind") if kind == "paper")
    reference = seconds.get("ntriples")
    print(f"{'format':10s} {'wall s':>7s} {'CPU s':>7s} {'KB/paper':>9s} {'MB/CPU s':>9s}")

    def row(name: str, wall: float, cpu: float, written: float) -> str:
        return f"{name:10s} {wall:7.3f} {cpu:7.3f} {written / papers:9.1f} {written / 1000 / cpu:9.1f}"

    for name, (wall, cpu) in seconds.items():
        ratio = f"{cpu / reference[1]:5.2f} x ntriples (CPU)" if reference else ""
        print(f"{row(name, wall, cpu, kilobytes[name])}  {ratio}")
    print(row("sum", sum(w for w, _ in seconds.values()), sum(c for _, c in seconds.values()), sum(kilobytes.values())))
    if together is not None:
        print(f"{row('together', *together, sum(kilobytes.values()))}  (one export call of {', '.join(formats)})")

if __name__ == "__main__":
    main()
