"""The hostile cases of issue #17 through the ``paperkg`` command: exit status, time, memory, output size.

Each case runs ``python -m paperkg ...`` in a child process, killed after
``--limit`` seconds, and records its exit status (``-9`` when killed at the
limit, ``-11`` for a segmentation fault), wall seconds, peak RSS, bytes
written to stdout and to the output folder, the number of stderr lines,
whether a traceback was printed, and what a local HTTP server on 127.0.0.1
received. ``--pythonpath`` runs another source tree (an older commit laid out
as an importable ``paperkg``), so one run of this script measures "before"
and another "after" on the same machine.

Usage::

    python benchmarks/hostile.py                               # this checkout
    python benchmarks/hostile.py --pythonpath /tmp/before/pkg --label before
    python benchmarks/hostile.py --only nested,service
"""
from __future__ import annotations

import argparse
import datetime
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD = "We fine-tune BERT on ImageNet and report accuracy."


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def _answer(self) -> None:
        type(self).requests.append(f"{self.command} {self.path}")
        self.send_response(404)
        self.end_headers()

    do_GET = do_POST = _answer

    def log_message(self, *args) -> None:
        pass


def _folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else 0


def run(args: list[str], *, env: dict, limit: float, cwd: Path, out: Path | None = None) -> dict:
    """Run ``python -m paperkg ARGS``; what it did, within ``limit`` seconds."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        child = subprocess.Popen([sys.executable, "-m", "paperkg", *args], stdout=stdout, stderr=stderr,
                                 stdin=subprocess.DEVNULL, env=env, cwd=cwd)
        deadline = start + limit
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        child.returncode = code
        stdout.seek(0, 2)
        stderr.seek(0)
        errors = stderr.read().decode("utf-8", "replace")
        return {"exit": code, "seconds": round(seconds, 2), "rss_mb": round(usage.ru_maxrss / 1024),
                "stdout_bytes": stdout.tell(), "stderr_lines": len(errors.splitlines()),
                "traceback": "Traceback" in errors, "message": (errors.strip().splitlines() or [""])[-1][:160],
                "folder_bytes": _folder_bytes(out) if out else None}


def cases(work: Path, port: int) -> dict[str, tuple[list[str], Path | None]]:
    """Every case: the paperkg arguments, and the folder whose size to report."""
    store = work / "store-out"
    hostile_titles = work / "hostile.jsonl"
    hostile_titles.write_text("".join(json.dumps({"title": t, "abstract": GOOD}) + "\n" for t in
                                      ['=HYPERLINK("http://evil/","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)"]))
    injected = work / "injected"
    int_line = work / "big-int.jsonl"
    int_line.write_text(json.dumps({"title": "Fine Paper", "abstract": GOOD}) + "\n"
                        + '{"title": "T", "abstract": "A", "n": ' + "9" * 5000 + "}\n")
    deep = work / "deep.jsonl"
    deep.write_text(json.dumps({"title": "Fine Paper", "abstract": GOOD}) + "\n"
                    + '{"title": "T", "abstract": "A", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    sparse = work / "two-gb.jsonl"
    with sparse.open("wb") as handle:
        handle.truncate(2 << 30)  # 2 GiB of NUL bytes, no line end: sparse, so nothing is written to disk
    fifo = work / "fifo.txt"
    if not fifo.exists():
        os.mkfifo(fifo)
    afile = work / "afile"
    afile.write_text("x")
    binary_gold = work / "gold.bin.jsonl"
    binary_gold.write_bytes(bytes(range(256)) * 8)
    empty_gold = work / "empty-gold.jsonl"
    empty_gold.write_text("")
    server = f"http://127.0.0.1:{port}/sparql"
    nested_braces = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    nested_parens = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 50_000 + "1" + ")" * 50_000 + ") }"
    q = ["query", str(store)]
    return {
        "query: 5,000 nested {": (q + [nested_braces], None),
        "query: 50,000 nested ( in FILTER": (q + [nested_parens], None),
        "query: SERVICE to 127.0.0.1": (q + [f"SELECT * WHERE {{ SERVICE <{server}> {{ ?s ?p ?o }} }}"], None),
        "query: SERVICE SILENT to 127.0.0.1": (q + [f"SELECT * WHERE {{ SERVICE SILENT <{server}> {{ ?s ?p ?o }} }}"],
                                               None),
        "query: SERVICE <file:///etc/passwd>": (q + ["SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }"],
                                                None),
        "query: LOAD from 127.0.0.1 (--allow-update)": (q + [f"LOAD <{server}>", "--allow-update"], None),
        "query: 3-way cartesian COUNT": (q + ["SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"],
                                         None),
        "query: SELECT * over a 2-way product": (q + ["SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"], None),
        "query: undeclared skos: prefix": (q + ['SELECT ?x WHERE { ?x skos:prefLabel "BERT" }'], None),
        "query: csv of formula titles": (["query", str(work / "formula-out"),
                                          "SELECT ?t WHERE { ?p <http://purl.org/dc/terms/title> ?t } ORDER BY ?t",
                                          "--format", "csv"], None),
        "build: --base-iri with an injected triple": (
            ["build", str(hostile_titles), "-o", str(injected), "--formats", "ntriples", "-q", "--base-iri",
             'http://x/> <http://evil/p> "INJECTED" .\n<http://x/'], injected),
        "build: --base-iri http://x (no / or #)": (["build", str(hostile_titles), "-o", str(work / "no-slash"),
                                                   "--formats", "ntriples", "-q", "--base-iri", "http://x"],
                                                  work / "no-slash"),
        "build: integer of 5,000 digits in a .jsonl line": (["build", str(int_line), "-o", str(work / "int-out"),
                                                              "--formats", "csv"], work / "int-out"),
        "build: JSON nested 100,000 deep in an ignored field": (["build", str(deep), "-o", str(work / "deep-out"),
                                                                 "--formats", "csv"], work / "deep-out"),
        "build: 2 GiB one-line file of NUL bytes": (["build", str(sparse), "-o", str(work / "sparse-out"), "-q",
                                                     "--formats", "csv"], work / "sparse-out"),
        "build: a FIFO as input": (["build", str(fifo), "-o", str(work / "fifo-out"), "-q"], work / "fifo-out"),
        "build: /proc/self/mem as input": (["build", "/proc/self/mem", "--format", "daily", "-o",
                                            str(work / "mem-out"), "-q"], work / "mem-out"),
        "build: -o under a regular file": (["build", str(hostile_titles), "-o", str(afile / "out"), "-q"], None),
        "build: -o under /proc": (["build", str(hostile_titles), "-o", "/proc/paperkg-out", "-q"], None),
        "eval: binary gold file": (["eval", str(binary_gold)], None),
        "eval: empty gold file": (["eval", str(empty_gold)], None),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pythonpath", help="an importable paperkg tree to run instead of this checkout")
    parser.add_argument("--label", default="after", help="name of this run in the results file")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before a case is killed")
    parser.add_argument("--only", help="comma-separated substrings of the case names to run")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results",
                        help="folder for the dated results file")
    options = parser.parse_args(argv)
    env = dict(os.environ, PYTHONPATH=options.pythonpath or "", NO_COLOR="1")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        table = cases(work, server.server_address[1])
        for name, source in (("store-out", ROOT / "data"), ("formula-out", work / "hostile.jsonl")):
            built = run(["build", str(source), "-o", str(work / name), "--formats", "ntriples", "-q"], env=env,
                        limit=600, cwd=work)
            assert built["exit"] == 0, built
        for name, (args, out) in table.items():
            if options.only and not any(part in name for part in options.only.split(",")):
                continue
            _Recorder.requests.clear()
            result = run(args, env=env, limit=options.limit, cwd=work, out=out)
            result["server_requests"] = len(_Recorder.requests)
            if "formula" in name:
                result["formula_cells"] = None  # filled below from a second run's stdout
                shown = subprocess.run([sys.executable, "-m", "paperkg", *args], env=env, capture_output=True,
                                       text=True, cwd=work).stdout.splitlines()
                result["formula_cells"] = sum(line.startswith(("=", "+", "-", "@")) for line in shown)
            if "injected" in name and (out / "graph.nt").exists():
                result["injected_triples"] = (out / "graph.nt").read_text().count("INJECTED")
            rows.append((name, result))
            print(f"{name}: {json.dumps(result)}", flush=True)
    server.shutdown()
    stamp = datetime.date.today().isoformat()
    options.results.mkdir(parents=True, exist_ok=True)
    target = options.results / f"{stamp}-hostile-{options.label}.md"
    lines = [f"# Hostile cases ({options.label}), {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
             "", f"`python benchmarks/hostile.py {' '.join(argv if argv is not None else sys.argv[1:])}`"
             f" (killed after {options.limit:g} s)", "",
             "| case | exit | s | RSS MB | stdout B | folder B | stderr lines | traceback | HTTP requests | message |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in rows:
        extra = "".join(f" {key}={r[key]}" for key in ("formula_cells", "injected_triples") if key in r)
        lines.append(f"| {name} | {r['exit']} | {r['seconds']} | {r['rss_mb']} | {r['stdout_bytes']} | "
                     f"{r['folder_bytes'] if r['folder_bytes'] is not None else ''} | {r['stderr_lines']} | "
                     f"{'yes' if r['traceback'] else 'no'} | {r['server_requests']} | "
                     f"{r['message'].replace('|', '/')}{extra} |")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
