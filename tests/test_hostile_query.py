"""Hostile queries (issue #17): nothing leaves the build, nothing crashes or runs forever, every failure one line.

A local HTTP server on 127.0.0.1, started here, records every request it
gets: no query may reach it without ``--allow-service`` (and one with it
does, so the server would notice). Nesting, time, memory and result size
are bounded; CSV cells cannot start a spreadsheet formula; paperkg's
prefixes are declared; syntax errors read as one line with a position.
"""
from __future__ import annotations

import csv
import http.server
import io
import os
import subprocess
import sys
import threading
import time

import networkx as nx
import pytest
from click.testing import CliRunner

from paperkg import exports
from paperkg.cli import cli
from paperkg.core.errors import PaperkgError
from paperkg.query import MAX_QUERY_CHARS, MAX_QUERY_DEPTH, _child_failure, query_folder

from .conftest import one_error_line

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HOSTILE_TITLES = ['=HYPERLINK("http://evil/","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\tTabbed",
                  "Plain Title"]
COPIES = 400  # 2,400 papers: a product of two triple patterns has some 10^8 rows


class Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def _answer(self) -> None:
        type(self).requests.append(f"{self.command} {self.path}")
        self.send_response(404)
        self.end_headers()

    do_GET = do_POST = do_HEAD = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/sparql"
    httpd.shutdown()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A build of papers with hostile titles, and enough triples for a product to take a while."""
    graph = nx.MultiDiGraph()
    for number, title in enumerate(HOSTILE_TITLES * COPIES):
        graph.add_node(f"paper:{number}", kind="paper", label=title, title=title, abstract=f"Abstract {number}.",
                       sources=[f"papers.jsonl:{number + 1}"])
    out = tmp_path_factory.mktemp("hostile-query")
    exports.export(graph, out, ["ntriples"])
    return out


def query(*args):
    return CliRunner().invoke(cli, ["query", *map(str, args)])


REACHING_OUT = {
    "SERVICE": "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SERVICE SILENT": "SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
    "service in lower case": "select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
    "SERVICE after a comment line": "# a comment\nSELECT * WHERE {{ ?x ?y ?z . SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SERVICE in an OPTIONAL": "SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ SERVICE SILENT <{url}> {{ ?a ?p ?o }} }} }}",
    "SERVICE from VALUES": "SELECT * WHERE {{ VALUES ?u {{ <{url}> }} SERVICE ?u {{ ?s ?p ?o }} }} LIMIT 1",
    "LOAD": "LOAD <{url}>",
    "LOAD SILENT INTO": "LOAD SILENT <{url}> INTO GRAPH <http://x/g>",
}


@pytest.mark.parametrize("name", list(REACHING_OUT))
def test_no_query_reaches_a_server_without_allow_service(folder, server, name):
    Recorder.requests.clear()
    sparql = REACHING_OUT[name].format(url=server)
    result = query(folder, sparql, *(["--allow-update"] if "LOAD" in name else []))
    one_error_line(result, "queries stay inside the build unless --allow-service is given")
    time.sleep(0.2)
    assert Recorder.requests == []


def test_with_allow_service_the_server_is_reached(folder, server):
    """The server would see a request: the test above can fail."""
    Recorder.requests.clear()
    result = query(folder, REACHING_OUT["SERVICE SILENT"].format(url=server), "--allow-service")
    assert result.exit_code == 0, result.output
    assert Recorder.requests and Recorder.requests[0].startswith(("POST /sparql", "GET /sparql"))


def test_a_service_reading_a_local_file_is_one_line_even_when_allowed(folder):
    one_error_line(query(folder, "SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
                         "--allow-service"), "query failed")


def test_keywords_inside_strings_iris_and_comments_are_not_refused(folder):
    result = query(folder, 'SELECT ?t WHERE { ?p dcterms:title ?t FILTER(?t != "SERVICE <http://x/> LOAD") '
                           "FILTER(?p != <http://x/SERVICE>) } # SERVICE LOAD\nLIMIT 1")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("sparql", "fragment"), [
    ("SELECT * WHERE " + "{" * 5000 + "}" * 5000, f"nests brackets more than {MAX_QUERY_DEPTH} deep"),
    ("SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 40_000 + "1" + ")" * 40_000 + ") }",
     f"nests brackets more than {MAX_QUERY_DEPTH} deep"),
    ("SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 50_000 + "1" + ")" * 50_000 + ") }", "paperkg accepts"),
    ("SELECT * WHERE { ?s ?p ?o }" + " " * MAX_QUERY_CHARS, f"paperkg accepts {MAX_QUERY_CHARS:,}"),
])
def test_a_deep_or_huge_query_is_refused_before_parsing(folder, sparql, fragment):
    one_error_line(query(folder, sparql), fragment)


def test_a_deep_query_through_the_command_exits_2_not_sigsegv(folder):
    deep = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    result = subprocess.run([sys.executable, "-m", "paperkg", "query", str(folder), deep], capture_output=True,
                            text=True, env=dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p)))
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "nests brackets" in result.stderr


def test_a_long_query_is_stopped_at_its_timeout(folder):
    start = time.perf_counter()
    result = query(folder, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                   "--timeout", "1.5")
    elapsed = time.perf_counter() - start
    one_error_line(result, "query stopped after 1.5 s", "--timeout")
    assert elapsed < 30, elapsed  # stopped, not run to its end (minutes on this build)


@pytest.mark.parametrize("stderr", [
    b"memory allocation of 240 bytes failed\nstack backtrace:\n",
    # A thread of the engine whose stack cannot be mapped under the limit, once in a few dozen runs.
    b"terminate called after throwing an instance of 'std::system_error'\n  what():  Resource temporarily unavailable",
])
def test_an_engine_that_aborts_for_want_of_memory_says_so(stderr):
    assert _child_failure(-6, stderr, "SELECT * {}", 700, 1).startswith("query needs more than 700 MB of memory")
    assert _child_failure(-6, b"", "SELECT * {}", 700, 1).startswith("the query engine failed")


def test_memory_and_result_size_are_bounded(folder):
    product = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
    with pytest.raises(PaperkgError, match="query needs more than 700 MB of memory"):
        query_folder(folder, product + " LIMIT 1", memory_mb=700)
    with pytest.raises(PaperkgError, match="query results exceed 1 MB"):
        query_folder(folder, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", "csv", output_mb=1)


def test_csv_results_cannot_start_a_formula(folder):
    result = query(folder, "SELECT DISTINCT ?title WHERE { ?p dcterms:title ?title } ORDER BY ?title",
                   "--output-format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output.strip("\n"), newline="")))
    cells = [row[0] for row in rows[1:]]
    assert rows[0] == ["title"] and len(cells) == len(HOSTILE_TITLES)
    assert not any(cell.startswith(FORMULA_START) for cell in cells)
    assert sorted(cell[1:] if cell.startswith("'") else cell for cell in cells) == sorted(HOSTILE_TITLES)


def test_paperkgs_prefixes_are_declared_and_a_querys_own_win(folder):
    declared = query(folder, "SELECT (COUNT(?p) AS ?n) WHERE { ?p a schema:ScholarlyArticle ; dcterms:title ?t }")
    assert declared.exit_code == 0 and declared.output.splitlines()[2].strip() == str(COPIES * len(HOSTILE_TITLES))
    own = query(folder, "PREFIX schema: <http://example.org/nothing#> "
                        "SELECT (COUNT(?p) AS ?n) WHERE { ?p a schema:ScholarlyArticle }")
    assert own.exit_code == 0 and own.output.splitlines()[2].strip() == "0"


def test_an_undeclared_prefix_is_named(folder):
    line = one_error_line(query(folder, "SELECT ?x WHERE { ?x ex:name ?y }"), "prefix 'ex:'", "line 1, column 22",
                          "PREFIX ex: <...>")
    assert "..=" not in line


@pytest.mark.parametrize(("sparql", "position"), [
    ("SELECT ?x WHERE {", "line 1, column 18"),
    ("SELECT ?x\nWHERE { ?x ?p ?o . FILTER(?x = ) }", "line 2, column"),
    ("SELEC ?x WHERE { ?x ?p ?o }", "line 1, column 1"),
])
def test_syntax_errors_are_one_readable_line(folder, sparql, position):
    line = one_error_line(query(folder, sparql), "not valid SPARQL at " + position, "expected")
    assert "..=" not in line and "\\u{" not in line and len(line) < 400


def test_a_query_file(folder, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("# papers\nSELECT (COUNT(?p) AS ?n) WHERE { ?p a schema:ScholarlyArticle }\n", encoding="utf-8")
    result = query(folder, "-f", path)
    assert result.exit_code == 0 and result.output.splitlines()[2].strip() == str(COPIES * len(HOSTILE_TITLES))
    one_error_line(query(folder, "-f", tmp_path / "missing.rq"), "missing.rq: cannot read: no such file or folder")
    os.mkfifo(tmp_path / "pipe.rq")
    one_error_line(query(folder, "-f", tmp_path / "pipe.rq"), "pipe.rq: not a regular file (a FIFO)")
    (tmp_path / "binary.rq").write_bytes(b"\x89PNG\r\n")
    one_error_line(query(folder, "-f", tmp_path / "binary.rq"), "binary.rq: not UTF-8 text")
    both = query(folder, "SELECT * WHERE { ?s ?p ?o }", "-f", path)
    assert both.exit_code == 2 and "either as SPARQL or with -f" in both.output
    assert query(folder).exit_code == 2


def test_a_read_only_folder_with_no_store_yet_is_one_line(folder, tmp_path):
    (tmp_path / "ro").mkdir()
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("no private mount namespace here (unshare -m)")
    script = ('mount -t tmpfs tmpfs "$1"; cp "$2/graph.nt" "$1/"; mount -o remount,ro "$1"; '
              f'{sys.executable} -m paperkg query "$1" "SELECT * WHERE {{ ?s ?p ?o }} LIMIT 1"')
    result = subprocess.run(["unshare", "-m", "sh", "-e", "-c", script, "sh", str(tmp_path / "ro"), str(folder)],
                            capture_output=True, text=True,
                            env=dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p)))
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.splitlines() == [f"Error: {tmp_path / 'ro'}: no query store yet, and cannot make one: "
                                          "cannot write: read-only file system"]


@pytest.mark.parametrize("unit", ['"\\', "'\\", '"""\\"', "<a", "\\", 'PREFIX a: <', "?", "_:", "x."])
def test_the_query_check_reads_a_hostile_100_kb_query_once(unit):
    """Strings left open run to their line's end: a scan that restarted at each quote took 36 s here; a dotted run of
    names with no colon is one word, not a prefixed name looked for again from each of its parts (36 s)."""
    from paperkg.query import check_query

    sparql = (unit * (MAX_QUERY_CHARS // len(unit) + 1))[:MAX_QUERY_CHARS]
    start = time.perf_counter()
    try:
        check_query(sparql)
    except PaperkgError as error:
        assert "\n" not in str(error)
    assert time.perf_counter() - start < 10


def test_a_read_only_build_with_its_store_answers(tmp_path):
    from .conftest import DATA

    build = tmp_path / "build"
    made = CliRunner().invoke(cli, ["build", str(DATA / "002_580fc155f03476d3.txt"), "-o", str(build), "-q",
                                    "--formats", "ntriples,store"])
    assert made.exit_code == 0, made.output
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        pytest.skip("no private mount namespace here (unshare -m)")
    (tmp_path / "ro").mkdir()
    script = ('mount --bind "$1" "$2"; mount -o remount,ro,bind "$2"; '
              f'{sys.executable} -m paperkg query "$2" "SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }}" '
              "--output-format csv")
    result = subprocess.run(["unshare", "-m", "sh", "-e", "-c", script, "sh", str(build), str(tmp_path / "ro")],
                            capture_output=True, text=True,
                            env=dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p)))
    assert result.returncode == 0, result.stderr
    lines = (build / "graph.nt").read_text(encoding="utf-8").count("\n")
    assert result.stdout.split() == ["n", str(lines)]
