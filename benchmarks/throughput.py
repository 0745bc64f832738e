"""Throughput, scaling and memory of paperkg builds, against the targets of issue #5.

Makes a corpus of N abstracts from the sample data in ``data/`` (sentences
recombined across abstracts, numbers changed, new model names in titles, so
no cache flatters a rerun), then in one run measures and prints, each target
with its measured value and PASS or FAIL:

* extraction throughput against ``spacy.blank("en")`` tokenization of the same texts;
* a full build (extract, resolve, graph, every export) against the same;
* ``--workers 2`` against one worker (extraction of ``--workers-abstracts`` papers,
  10,000 by default: a throughput is a steady rate, and each worker's start-up,
  a pipeline to make, is a fixed cost that a few thousand papers still show);
* time and peak memory of streamed builds (``paperkg build --stream``, N-Triples
  and CSV) at two sizes (default 500 and 5,000), growth per 10x;
* peak memory of the largest size against 4 GB (meant for ``--sizes 10000,1000000``);
* ``build --update`` with k new papers against the full build.

Every build runs in its own subprocess, so its peak memory (its own and its
worker processes', from ``getrusage``) is its alone.

Usage::

    python benchmarks/throughput.py                      # defaults: a few minutes on 2 cores
    python benchmarks/throughput.py --abstracts 1000 --new 100 --sizes 10000,100000
    python benchmarks/throughput.py --sizes 100000,1000000      # the 1M memory target (hours)
    python benchmarks/throughput.py --markdown           # also print the README table
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

__all__ = ["make_corpus", "measure_build", "measure_extraction", "main"]

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_SYLLABLES = ("ka", "zo", "ri", "mu", "tex", "vor", "lin", "qa", "dra", "sel", "bo", "nix", "fer", "gal", "um", "pra")


def _new_name(index: int) -> str:
    """A made-up model name per paper (``Zorivex-3``), unique for each index."""
    parts = []
    while True:
        index, digit = divmod(index, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
        if not index:
            break
    return "".join(parts).capitalize() + f"-{len(parts) + 1}"


def make_corpus(count: int, path: Path, *, seed: int = 5, offset: int = 0) -> Path:
    """Write ``count`` varied papers as JSON Lines to ``path``, built from the sample corpus."""
    from paperkg.readers import read_papers

    rng = random.Random(seed + offset)
    papers = read_papers([ROOT / "data"])
    sentences = [s for paper in papers for s in _SENTENCE.split(paper.abstract) if len(s) > 20]
    subtitles = [paper.title.split(":", 1)[-1].strip() for paper in papers]

    def perturb(text: str) -> str:
        return _NUMBER.sub(lambda m: str(round(float(m[0]) * rng.uniform(0.8, 1.25), 1 if "." in m[0] else 0))
                           .removesuffix(".0"), text)

    with path.open("w", encoding="utf-8") as handle:
        for index in range(offset, offset + count):
            name = _new_name(index + len(_SYLLABLES) ** 2)
            body = " ".join(perturb(s) for s in rng.sample(sentences, rng.randint(4, 9)))
            abstract = f"We propose {name}. {body}"
            record = {"id": f"bench.{index:07d}", "title": f"{name}: {rng.choice(subtitles)}", "abstract": abstract}
            handle.write(json.dumps(record) + "\n")
    return path


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, workers) / 1024, 1)  # Linux gives KiB


def measure_extraction(corpus: Path) -> dict:
    """Papers per second of tokenization alone and of extraction, same texts, same process."""
    import spacy

    from paperkg import extractors
    from paperkg.extract import extract_papers, gold_record
    from paperkg.readers import read_papers

    papers = read_papers([corpus])
    texts = [paper.text for paper in papers]
    blank, nlp = spacy.blank("en"), extractors.make_pipeline()
    list(blank.pipe(texts[:50]))  # load lookup tables and gazetteers outside the timing: steady-state rates
    list(extract_papers(papers[:50], nlp))
    start = time.perf_counter()
    for _ in blank.pipe(texts):
        pass
    tokenize = time.perf_counter() - start
    start = time.perf_counter()
    records = [gold_record(found) for found in extract_papers(papers, nlp)]
    extract = time.perf_counter() - start
    return {"papers": len(records), "tokenize_per_s": len(texts) / tokenize, "extract_per_s": len(records) / extract}


def measure_build(corpus: list[Path], output: Path, workers: int, formats: list[str] | None, update: bool,
                  stream: bool = False) -> dict:
    """Time and peak memory of one build (or update, or streamed build) of ``corpus`` into ``output``."""
    from paperkg.pipeline import run

    start = time.perf_counter()
    result = run(corpus, output, formats=formats, workers=workers, update=update, stream=stream)
    seconds = time.perf_counter() - start
    return {"papers": result.papers, "extracted": result.extracted, "seconds": seconds,
            "steps": result.seconds, "peak_mb": _peak_mb()}


def _spin(count: int) -> int:
    total = 0
    for number in range(count):
        total += number * number
    return total


def parallel_capacity(workers: int, count: int = 10_000_000) -> float:
    """Speed-up this machine gives right now to ``workers`` processes of pure Python.

    The baseline for the ``--workers`` target: on a machine shared with other
    jobs, no program gets more than this.
    """
    import multiprocessing

    start = time.perf_counter()
    for _ in range(workers):
        _spin(count)
    alone = time.perf_counter() - start
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pool.map(_spin, [count] * workers)
    return alone / (time.perf_counter() - start)


def _child(*args: str) -> dict:
    """Run one measurement in a fresh Python process and return what it printed."""
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"measurement {args} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _build(files: list[Path], output: Path, workers: int = 1, formats: str = "", update: bool = False,
           stream: bool = False) -> dict:
    args = ["build", "--output", str(output), "--workers", str(workers), *map(str, files)]
    return _child(*args, *(["--formats", formats] if formats else []), *(["--update"] if update else []),
                  *(["--stream"] if stream else []))


def _check(rows: list, name: str, measured: str, target: str, passed: bool | None) -> None:
    verdict = "not run" if passed is None else ("PASS" if passed else "FAIL")
    rows.append((name, measured, target, verdict))
    print(f"{verdict:>7}  {name}: {measured} (target {target})", flush=True)


def run(args: argparse.Namespace) -> list:
    work = Path(tempfile.mkdtemp(prefix="paperkg-bench-"))
    rows: list = []
    base = make_corpus(args.abstracts, work / "base.jsonl")
    new = make_corpus(args.new, work / "new.jsonl", offset=args.abstracts)
    print(f"corpus: {args.abstracts} abstracts + {args.new} new, in {work}", flush=True)

    speed = _child("extract", str(base))
    ratio = speed["extract_per_s"] / speed["tokenize_per_s"]
    print(f"tokenize {speed['tokenize_per_s']:.0f}/s, extract {speed['extract_per_s']:.1f}/s", flush=True)
    _check(rows, "extraction vs blank tokenizer", f"{speed['extract_per_s']:.1f}/s = {ratio:.3f}x "
           f"of {speed['tokenize_per_s']:.0f}/s", ">= 0.6x", ratio >= 0.6)

    single = _build([base], work / "one")
    print(f"build, 1 worker: {single}", flush=True)
    full_rate = single["papers"] / single["seconds"]
    ratio = full_rate / speed["tokenize_per_s"]
    _check(rows, "full build (all exports) vs blank tokenizer", f"{full_rate:.1f}/s = {ratio:.3f}x", ">= 0.4x",
           ratio >= 0.4)

    # Workers only change extraction: compare it on a corpus big enough to hide their start-up, CSV export only.
    larger = make_corpus(args.workers_abstracts, work / "workers.jsonl", offset=10 * args.abstracts)
    capacity = parallel_capacity(2)
    alone = _build([larger], work / "workers-1", formats="csv")
    double = _build([larger], work / "workers-2", workers=2, formats="csv")
    print(f"{args.workers_abstracts} papers, 1 worker: {alone}\n2 workers: {double}", flush=True)
    speedup = alone["steps"]["extract"] / double["steps"]["extract"]
    overall = alone["seconds"] / double["seconds"]
    _check(rows, f"--workers 2 vs 1, extraction of {args.workers_abstracts:,}",
           f"{speedup:.2f}x (whole build {overall:.2f}x; 2 pure-Python processes got {capacity:.2f}x just before)",
           ">= 1.7x", speedup >= 1.7)

    update = _build([new], work / "one", update=True)
    print(f"update with {args.new} new papers: {update}", flush=True)
    _check(rows, f"update +{args.new} papers vs full build of {args.abstracts}",
           f"{update['seconds']:.1f} s vs {single['seconds']:.1f} s (extract {update['steps']['extract']:.1f} s "
           f"vs {single['steps']['extract']:.1f} s)", "extracts only new papers",
           update["extracted"] == args.new)

    grown = {}
    for size in args.sizes:
        corpus = make_corpus(size, work / f"size-{size}.jsonl")
        grown[size] = _build([corpus], work / f"size-{size}", workers=args.workers, formats=args.growth_formats,
                             stream=True)
        print(f"build of {size}: {grown[size]}", flush=True)
        corpus.unlink()
        shutil.rmtree(work / f"size-{size}")  # a million papers write tens of GB
    small, large = min(grown), max(grown)
    factor = large / small
    time_growth = grown[large]["seconds"] / grown[small]["seconds"]
    memory_growth = grown[large]["peak_mb"] / grown[small]["peak_mb"]
    limit = 1.1 * factor
    _check(rows, f"time {large:,} vs {small:,} abstracts", f"{time_growth:.2f}x ({grown[large]['seconds']:.0f} s)",
           f"<= {limit:.1f}x", time_growth <= limit)
    _check(rows, f"peak memory {large:,} vs {small:,} abstracts",
           f"{memory_growth:.2f}x ({grown[large]['peak_mb']:.0f} MB)", f"<= {limit:.1f}x", memory_growth <= limit)
    million = grown.get(1_000_000)
    _check(rows, "peak memory, 1,000,000 abstracts",
           f"{million['peak_mb']:.0f} MB" if million else f"not run (largest: {large:,} at {grown[large]['peak_mb']:.0f} MB)",
           "<= 4096 MB", None if million is None else million["peak_mb"] <= 4096)
    return rows


def _markdown(rows: list, command: str) -> str:
    lines = [f"`{command}`", "", "| target | measured | goal | result |", "|---|---|---|---|"]
    lines += [f"| {name} | {measured} | {target} | {verdict} |" for name, measured, target, verdict in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--abstracts", type=int, default=500, help="corpus size for the throughput targets")
    parser.add_argument("--workers-abstracts", type=int, default=10_000, help="corpus size for the --workers target")
    parser.add_argument("--new", type=int, default=50, help="new papers for the update measurement")
    parser.add_argument("--sizes", default="500,5000", help="two or more corpus sizes for the growth targets")
    parser.add_argument("--workers", type=int, default=2, help="extraction workers for the growth builds")
    parser.add_argument("--growth-formats", default="ntriples,csv",
                        help="formats of the growth builds, which are streamed builds (paperkg build --stream)")
    parser.add_argument("--markdown", action="store_true", help="print the results as a Markdown table too")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_run_child(args.child)))
        return
    args.sizes = sorted({int(size) for size in args.sizes.split(",")})
    rows = run(args)
    if args.markdown:
        print(_markdown(rows, "python benchmarks/throughput.py " + " ".join(argv if argv is not None else sys.argv[1:])))


def _run_child(argv: list[str]) -> dict:
    if argv[0] == "extract":
        return measure_extraction(Path(argv[1]))
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--formats", default="")
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--stream", action="store_true")
    options = parser.parse_args(argv[1:])
    formats = options.formats.split(",") if options.formats else None
    return measure_build(options.files, options.output, options.workers, formats, options.update, options.stream)


if __name__ == "__main__":
    main()
