"""arXiv on a laptop: output size, build speed, streamed build and first query, against the targets of issue #15.

Makes corpora of made-up papers from the sample data (the corpus builder of
``benchmarks/throughput.py``: sentences recombined, numbers changed, a new
model name per paper), then in one run measures and prints, each target row
with its measured value and PASS or FAIL:

* bytes per paper of every format, and triples per paper, of a full build
  (all formats, one worker) of ``--size-papers`` papers (default 5,000), at
  each evidence level (``full``, ``first``, ``none``);
* a full build's papers per second against ``spacy.blank("en")`` tokenizing
  the same texts, each a fresh process timed from start to exit (both cold:
  start-up, imports and reading included), on the sample corpus: real
  abstracts the tokenizer has never seen (the made-up papers repeat the
  sample's sentences, so their tokenizer runs warm; that ratio is given too);
* a streamed build on 2 workers of ``--papers`` papers (default 100,000), of
  half and of a tenth of them: its time, extrapolated linearly to 2.7 million
  papers, and its peak memory (its own and its workers'), extrapolated to 1
  million from the two largest sizes;
* the first query on a build of ``--query-papers`` papers (default 20,000):
  its time and peak memory in a fresh process, with the store the build
  filled, and (for comparison) with only ``graph.nt``, loaded on that query;
  the first query is the cookbook's lookup of the evidence for an edge, and
  an aggregate over every mention is timed beside it.

Every build and query runs in its own subprocess, so its time and peak memory
are its alone. The results are printed as a Markdown table and written to
``benchmarks/results/DATE-scale[-SECTIONS][-TAG].md`` (``--tag``); an existing
results file is never overwritten: the name takes a number instead.

Usage::

    python benchmarks/scale.py                            # the targets' sizes: about 20 minutes on 2 cores
    python benchmarks/scale.py --papers 10000 --query-papers 5000 --size-papers 2000   # a quick run
    python benchmarks/scale.py --sections stream --papers 20000 --tag after   # one section, its own file
"""
from __future__ import annotations

import argparse
import datetime
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, make_corpus  # noqa: E402  (the corpus builder of the scale benchmarks)

__all__ = ["main", "run"]

#: The six formats the issue's size targets count.
SIX_FORMATS = ("turtle", "jsonld", "ntriples", "graphml", "html", "csv")
#: The formats of the streamed build: every one written batch by batch (the viewer draws a few thousand nodes).
STREAMED_FORMATS = ("turtle", "jsonld", "ntriples", "graphml", "csv", "parquet", "store")
ARXIV_PAPERS = 2_700_000
#: The first query timed (docs/queries/<QUERY>.rq): a lookup, whose cost is the store's opening, not its size.
QUERY = "evidence-for-an-edge"
#: A query over every mention of the corpus, timed too for what a large aggregate costs.
AGGREGATE = "most-mentioned-models"


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)  # Linux gives KiB


def _child(*args: str) -> dict:
    """Run one measurement in a fresh Python process; what it printed last (JSON), with ``process_seconds``,
    the process's whole wall time (start-up and imports included: cold)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"measurement {args} failed:\n{done.stderr[-3000:]}")
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "process_seconds": time.perf_counter() - start}


def child_build(corpus: str, output: str, workers: str, stream: str, formats: str, evidence: str) -> dict:
    from paperkg.pipeline import run

    start = time.perf_counter()
    # evidence=full is the default: no option, so the benchmark also runs on code older than the option.
    result = run([corpus], output, workers=int(workers), stream=stream == "stream", formats=formats.split(","),
                 export_options={} if evidence == "full" else {"evidence": evidence})
    return {"papers": result.papers, "seconds": time.perf_counter() - start, "peak_mb": _peak_mb(),
            "steps": result.seconds}


def child_tokenize(corpus: str) -> dict:
    import spacy

    from paperkg.readers import read_papers

    start = time.perf_counter()
    texts = [paper.text for paper in read_papers([corpus])]
    nlp = spacy.blank("en")
    for _ in nlp.pipe(texts):
        pass
    return {"papers": len(texts), "seconds": time.perf_counter() - start}


def child_query(folder: str, name: str) -> dict:
    """A fresh process's first run of query ``name`` on ``folder``, then its second."""
    from paperkg.query import query_folder, read_query_file

    sparql = read_query_file(Path(__file__).resolve().parent.parent / "docs" / "queries" / f"{name}.rq")
    start = time.perf_counter()
    rows = query_folder(folder, sparql, "csv").count("\n") - 1
    first = time.perf_counter() - start
    start = time.perf_counter()
    query_folder(folder, sparql, "csv")
    return {"seconds": first, "again": time.perf_counter() - start, "peak_mb": _peak_mb(), "rows": rows}


CHILDREN = {"build": child_build, "tokenize": child_tokenize, "query": child_query}


def _size(folder: Path, name: str) -> int:
    from paperkg import exports

    total = 0
    for file in exports.EXPORTERS[name].files:
        path = folder / file
        total += sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size
    return total


class Table:
    """The rows printed and written: what, measured, target, verdict."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def check(self, name: str, measured: str, target: str, passed: bool | None) -> None:
        verdict = "info" if passed is None else ("PASS" if passed else "FAIL")
        self.rows.append((name, measured, target, verdict))
        print(f"{verdict:>5}  {name}: {measured}" + (f" (target {target})" if target else ""), flush=True)

    def markdown(self) -> str:
        lines = ["| what | measured | target | result |", "|---|---|---|---|"]
        return "\n".join(lines + [f"| {' | '.join(row)} |" for row in self.rows])


def run(args: argparse.Namespace) -> Table:
    """Measure the chosen sections (``args.sections``) and return the table of targets."""
    work = Path(tempfile.mkdtemp(prefix="paperkg-scale-"))
    table = Table()
    try:
        if "sizes" in args.sections:
            _sizes_and_build(args, work, table)
        if "query" in args.sections:
            _first_query(args, work, table)
        if "stream" in args.sections:
            _streamed(args, work, table)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return table


def _sizes_and_build(args: argparse.Namespace, work: Path, table: Table) -> None:
    """Sizes, triples and the full build on one corpus at each evidence level; the tokenizer on its texts."""
    from paperkg import exports

    corpus = make_corpus(args.size_papers, work / "size.jsonl")
    formats = [name for name in exports.EXPORTERS if name not in args.skip]
    six_formats = [name for name in SIX_FORMATS if name in formats]
    left_out = f" (without {', '.join(sorted(set(SIX_FORMATS) - set(six_formats)))})" if len(six_formats) < 6 else ""
    sizes: dict[str, dict[str, float]] = {}
    builds = {}
    for level in args.levels:
        folder = work / f"size-{level}"
        builds[level] = _child("build", str(corpus), str(folder), "1", "memory", ",".join(formats), level)
        sizes[level] = {name: _size(folder, name) / args.size_papers for name in formats}
        triples = sum(1 for _ in (folder / "graph.nt").open(encoding="utf-8")) / args.size_papers
        sizes[level]["triples"] = triples
        shutil.rmtree(folder)
    full = sizes["full"]
    for name in formats:
        table.check(f"{name}, bytes per paper ({' / '.join(sizes)})",
                    " / ".join(f"{sizes[level][name] / 1000:.1f} KB" for level in sizes), "", None)
    others = [level for level in sizes if level != "full"]

    def also(measure) -> str:
        return f" ({', '.join(f'{level} {measure(sizes[level])}' for level in others)})" if others else ""

    six = sum(full[name] for name in six_formats)
    table.check(f"all six formats{left_out}, bytes per paper, evidence full", f"{six / 1000:.1f} KB"
                + also(lambda size: f"{sum(size[n] for n in six_formats) / 1000:.1f} KB"), "<= 20 KB", six <= 20_000)
    table.check("N-Triples bytes per paper, full", f"{full['ntriples'] / 1000:.1f} KB", "<= 8 KB",
                full["ntriples"] <= 8_000)
    table.check("triples per paper, full", f"{full['triples']:.0f}" + also(lambda size: f"{size['triples']:.0f}"),
                "<= 100", full["triples"] <= 100)

    but = f" but {', '.join(args.skip)}" if args.skip else ""
    _cold_build_ratio(formats, but, work, table)
    tokenize = _child("tokenize", str(corpus))
    build = builds["full"]
    build_rate = build["papers"] / build["process_seconds"]
    token_rate = tokenize["papers"] / tokenize["process_seconds"]
    steps = ", ".join(f"{step} {seconds:.1f}" for step, seconds in build["steps"].items()
                      if not step.startswith("export:"))
    # The made-up papers recombine the sample's sentences, so the tokenizer's cache is warm: an upper bound
    # on the tokenizer's speed, given for how the build's time splits, not the target.
    table.check(f"  the same on {args.size_papers:,} made-up papers (sentences repeat: a warm tokenizer)",
                f"{build_rate:.0f}/s vs {token_rate:.0f}/s = {build_rate / token_rate:.2f}x "
                f"(processes of {build['process_seconds']:.1f} s and {tokenize['process_seconds']:.1f} s; "
                f"timed inside them {build['seconds']:.1f} s and {tokenize['seconds']:.1f} s = "
                f"{tokenize['seconds'] / build['seconds']:.2f}x; build steps {steps})", "", None)
    exporting = {step.removeprefix("export:"): seconds for step, seconds in build["steps"].items()
                 if step.startswith("export:")}
    table.check("  export seconds by sink", ", ".join(f"{name} {seconds:.1f}" for name, seconds
                                                      in sorted(exporting.items(), key=lambda kv: -kv[1])),
                "", None)
    corpus.unlink()


#: Runs of each cold process for the build/tokenizer ratio: its median is reported.
COLD_RUNS = 3


def _cold_build_ratio(formats: list[str], but: str, work: Path, table: Table) -> None:
    """The full build against the blank tokenizer on the sample corpus: real abstracts, each process fresh.

    Both cold, as the target asks: a fresh process over text it has never
    seen, timed from start to exit (start-up, imports and reading included).
    The runs alternate, and the median ratio is reported.
    """
    corpus = str(ROOT / "data")
    ratios, builds, tokenizers = [], [], []
    for run_number in range(COLD_RUNS):
        folder = work / f"cold-{run_number}"
        builds.append(_child("build", corpus, str(folder), "1", "memory", ",".join(formats), "full"))
        tokenizers.append(_child("tokenize", corpus))
        ratios.append(tokenizers[-1]["process_seconds"] / builds[-1]["process_seconds"])
        shutil.rmtree(folder)
    middle = sorted(range(COLD_RUNS), key=ratios.__getitem__)[COLD_RUNS // 2]
    build, tokenize = builds[middle], tokenizers[middle]
    table.check(f"full build, all formats{but}, 1 worker, vs blank tokenizer, both cold (the sample corpus, "
                f"{build['papers']} papers; median of {COLD_RUNS})",
                f"{build['papers'] / build['process_seconds']:.0f}/s vs "
                f"{tokenize['papers'] / tokenize['process_seconds']:.0f}/s = {ratios[middle]:.2f}x "
                f"(processes of {build['process_seconds']:.2f} s and {tokenize['process_seconds']:.2f} s; "
                f"all ratios {', '.join(f'{ratio:.2f}' for ratio in ratios)})", ">= 0.7x", ratios[middle] >= 0.7)


def _first_query(args: argparse.Namespace, work: Path, table: Table) -> None:
    """The first query, with the store the build filled and with graph.nt only."""
    from paperkg import exports

    corpus = make_corpus(args.query_papers, work / "query.jsonl", offset=10_000_000)
    folder = work / "query"
    has_store = "store" in exports.EXPORTERS  # not before issue #15
    _child("build", str(corpus), str(folder), "2", "stream", "ntriples,store" if has_store else "ntriples", "full")
    first = _child("query", str(folder), QUERY)
    table.check(f"first query on a {args.query_papers:,}-paper build ({QUERY}.rq), "
                + ("store filled by the build" if has_store else "no store: loaded on the query"),
                f"{first['seconds']:.2f} s, {first['peak_mb']:.0f} MB (the same query again: {first['again']:.2f} s)",
                "<= 3 s, <= 1 GB", first["seconds"] <= 3 and first["peak_mb"] <= 1024)
    aggregate = _child("query", str(folder), AGGREGATE)
    table.check(f"  {AGGREGATE}.rq, a count over every mention, first and again",
                f"{aggregate['seconds']:.2f} s and {aggregate['again']:.2f} s, {aggregate['peak_mb']:.0f} MB", "", None)
    shutil.rmtree(folder / "store")
    loading = _child("query", str(folder), QUERY)
    table.check(f"  {QUERY}.rq with graph.nt only (the store loaded on that query)",
                f"{loading['seconds']:.2f} s, {loading['peak_mb']:.0f} MB", "", None)
    shutil.rmtree(folder)
    corpus.unlink()


def _streamed(args: argparse.Namespace, work: Path, table: Table) -> None:
    """Streamed builds on 2 workers: time extrapolated to 2.7M papers, peak memory to 1M."""
    from paperkg import exports

    formats = [name for name in args.stream_formats.split(",") if name in exports.EXPORTERS]
    streamed = {}
    # Three sizes: the growth is measured between the two largest, past the first thousands of papers, where
    # fixed-size buffers and caches (a row group, the term caches, one batch read back) fill up.
    for papers in sorted({max(1, args.papers // 10), max(1, args.papers // 2), args.papers}):
        corpus = make_corpus(papers, work / f"stream-{papers}.jsonl", offset=20_000_000)
        folder = work / f"stream-{papers}"
        streamed[papers] = _child("build", str(corpus), str(folder), "2", "stream",
                                  ",".join(formats), "full")
        shutil.rmtree(folder)
        corpus.unlink()
        print(f"streamed build of {papers:,}: {streamed[papers]['seconds']:.0f} s, "
              f"{streamed[papers]['peak_mb']:.0f} MB", flush=True)
    small, large = sorted(streamed)[-2:] if len(streamed) > 1 else (args.papers, args.papers)
    hours = streamed[large]["seconds"] / large * ARXIV_PAPERS / 3600
    table.check(f"streamed build, 2 workers, {large:,} papers ({', '.join(formats)}), extrapolated to 2.7M",
                f"{streamed[large]['seconds']:.0f} s = {large / streamed[large]['seconds']:.0f}/s -> {hours:.2f} h",
                "<= 1 h", hours <= 1)
    per_paper = (streamed[large]["peak_mb"] - streamed[small]["peak_mb"]) / max(1, large - small)
    million = streamed[large]["peak_mb"] + max(0.0, per_paper) * (1_000_000 - large)
    peaks = ", ".join(f"{streamed[size]['peak_mb']:.0f} MB at {size:,}" for size in sorted(streamed))
    table.check(f"peak memory, streamed build, extrapolated to 1M papers from {small:,} and {large:,}",
                f"{million:.0f} MB ({peaks})", "<= 2048 MB", million <= 2048)


def _new_path(path: Path) -> Path:
    """``path``, or the first of ``NAME-2.md``, ``NAME-3.md``, ... that does not exist: results are never overwritten."""
    number = 1
    while path.exists():
        number += 1
        path = path.with_name(f"{path.stem.rsplit('-', 1)[0] if number > 2 else path.stem}-{number}{path.suffix}")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=100_000, help="papers of the streamed 2-worker build")
    parser.add_argument("--query-papers", type=int, default=20_000, help="papers of the build the first query runs on")
    parser.add_argument("--size-papers", type=int, default=5_000, help="papers of the full builds measured for size")
    parser.add_argument("--sections", default="sizes,query,stream",
                        help="what to measure: sizes (and the full build), query, stream")
    parser.add_argument("--stream-formats", default=",".join(STREAMED_FORMATS),
                        help="formats of the streamed builds (those the code has)")
    parser.add_argument("--levels", default="full,first,none", help="evidence levels of the size builds")
    parser.add_argument("--skip", default="", help="comma-separated formats to leave out of the full builds")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results",
                        help="folder of the dated results file ('-' for none)")
    parser.add_argument("--tag", default="", help="a word added to the results file's name")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.skip = [name for name in args.skip.split(",") if name]
    args.levels = args.levels.split(",")
    args.sections = args.sections.split(",")
    if args.child:
        print(json.dumps(CHILDREN[args.child[0]](*args.child[1:])))
        return
    table = run(args)
    command = "python benchmarks/scale.py " + " ".join(argv if argv is not None else sys.argv[1:])
    report = f"`{command.strip()}`\n\n{table.markdown()}\n"
    print("\n" + report)
    if str(args.results) != "-":
        part = "" if set(args.sections) == {"sizes", "query", "stream"} else "-" + "-".join(args.sections)
        part += f"-{args.tag}" if args.tag else ""
        path = _new_path(args.results / f"{datetime.date.today().isoformat()}-scale{part}.md")
        path.parent.mkdir(parents=True, exist_ok=True)
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=False).stdout.strip()
        path.write_text(f"# Scale benchmark (issue #15), {datetime.date.today().isoformat()}, at {commit}\n\n"
                        f"{report}", encoding="utf-8")
        print(f"written to {path}")


if __name__ == "__main__":
    main()
