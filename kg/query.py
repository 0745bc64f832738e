"""SPARQL over an export folder, through an embedded Oxigraph store kept beside the export.

The first query on ``OUTDIR`` bulk-loads ``OUTDIR/graph.nt`` into
``OUTDIR/store/db`` and notes which ``graph.nt`` it was built from; later
queries reuse it, and rebuild it when ``graph.nt`` has changed since. Queries
open the store read-only; updates (``INSERT``/``DELETE``) need
``allow_update=True``. paperkg's prefixes (``pkg:``, ``schema:``,
``skos:``, ... :data:`paperkg.exports.vocab.PREFIXES`) are declared for
every query; a query's own ``PREFIX`` lines take precedence.

Queries stay inside the build and end. Before a query is parsed,
:func:`check_query` refuses one longer than :data:`MAX_QUERY_CHARS`, nested
deeper than :data:`MAX_QUERY_DEPTH` (Oxigraph's parser recurses once per level
and overflows its stack at a few thousand), using an undeclared prefix, or
reaching outside the store (``SERVICE``, ``LOAD``) unless ``allow_service``.
:func:`query_folder` then runs it in a child process
(:mod:`paperkg.query_worker`) with a time limit
(:data:`DEFAULT_TIMEOUT`), an address-space limit (:data:`DEFAULT_MEMORY_MB`)
and a limit on the size of its results (:data:`DEFAULT_OUTPUT_MB`), so a
runaway query is stopped with one line of explanation and a crash of the
engine cannot take the caller with it. CSV results are formula-neutralised
as the CSV exports are.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from paperkg.exports.tables import csv_lines
from paperkg.exports.vocab import PREFIXES

from .core.errors import OutputError, PaperkgError, os_problem, printable, reading, writing
from .core.generation import recover
from .core.lock import output_lock

__all__ = ["OUTPUT_FORMATS", "MAX_QUERY_CHARS", "MAX_QUERY_DEPTH", "DEFAULT_TIMEOUT",
           "DEFAULT_MEMORY_MB", "DEFAULT_OUTPUT_MB", "check_query", "read_query_file", "open_store", "run_query",
           "format_results", "query_folder"]

OUTPUT_FORMATS = ("table", "csv", "json")
#: Longest query accepted, in characters; paperkg's own queries are under 1,000.
MAX_QUERY_CHARS = 100_000
#: Deepest nesting of ``{}``, ``()`` and ``[]`` accepted; Oxigraph's parser crashed at 3,000 here.
MAX_QUERY_DEPTH = 200
#: Seconds a query may run before it is stopped (``paperkg query --timeout``).
DEFAULT_TIMEOUT = 60.0
#: Address space a query may use, in megabytes (its process starts at about 600, most of it reserved, not used).
DEFAULT_MEMORY_MB = 2048
#: Largest result a query may write, in megabytes of SPARQL JSON (about a million rows of three columns).
DEFAULT_OUTPUT_MB = 256

_PREFIX_IRIS = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
_SOURCE = "graph.nt"
_STAMP = "built-from.json"
_TABLE_CELL = 80
# An update is a request whose first keyword after its PREFIX/BASE prologue is an update operation.
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*"
                     r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
# SPARQL's lexical tokens, as far as the checks need them: what is inside a comment, a string or an
# IRI is never a keyword, a bracket or a prefix; names may hold any letter beyond ASCII. A string left
# open runs to the end of its line (or, long, of the query), so no text is scanned twice.
# (A word takes the dotted run it starts, "x.y.z": the prefixed name, tried first, reads the run to its end looking for
# a colon, and a word of "x" alone would have it read the run again from each part.)
_TOKENS = re.compile(r'''
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*(?:""")?|\'\'\'(?:[^'\\]|\\.|'(?!''))*(?:\'\'\')?
               |"(?:[^"\\\n\r]|\\.)*"?|'(?:[^'\\\n\r]|\\.)*'?)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<variable>[?$][\w\u00b7-\uffff]*)
  | (?P<blank>_:[\w.\-\u00b7-\uffff]*)
  | (?P<prefixed>(?:[^\W\d_][\w.\-\u00b7-\uffff]*)?:(?:[\w.\-:%\\\u00b7-\uffff]*))
  | (?P<word>[^\W\d][\w\-]*(?:\.[\w\-]+)*)
  | (?P<open>[({\[])
  | (?P<close>[)}\]])
  | (?P<other>.)
''', re.VERBOSE | re.DOTALL)
# Oxigraph's "error at LINE:COLUMN: expected one of ..." and the alternatives it lists: quoted
# tokens and keywords, or character classes in brackets, which say no more than "a name".
_SYNTAX_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_ALTERNATIVES = re.compile(r"\[(?:[^\]'\\]|'(?:[^'\\]|\\.)*'|\\.)*\]|\"(?:[^\"\\]|\\.)*\"|[^,\[\]\"]+")
_SHOWN_ALTERNATIVES = 12


def _position(sparql: str, offset: int) -> str:
    line = sparql.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (sparql.rfind(chr(10), 0, offset) + 1) + 1}"


def check_query(sparql: str, *, allow_update: bool = False, allow_service: bool = False) -> bool:
    """Refuse a query paperkg will not run, before it is parsed; whether it is an update.

    Raises :class:`~paperkg.core.errors.PaperkgError` (one line, with the
    line and column) for a query over :data:`MAX_QUERY_CHARS` characters or
    nested over :data:`MAX_QUERY_DEPTH` deep, an update without
    ``allow_update``, ``SERVICE`` or ``LOAD`` without ``allow_service``, or
    a prefix neither the query nor paperkg declares.

    Examples
    --------
    >>> check_query('SELECT ?x WHERE { ?x skos:prefLabel "SERVICE" }  # LOAD')
    False
    >>> check_query("SELECT * WHERE { SERVICE <http://127.0.0.1/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    paperkg.core.errors.PaperkgError: SERVICE at line 1, column 18 would send the query to another server; paperkg's queries stay inside the build unless --allow-service is given
    >>> check_query("SELECT * WHERE " + "{" * 5000 + "}" * 5000)
    Traceback (most recent call last):
    paperkg.core.errors.PaperkgError: query nests brackets more than 200 deep (at line 1, column 216); paperkg accepts 200
    >>> check_query("SELECT ?x WHERE { ?x ex:name ?y }")
    Traceback (most recent call last):
    paperkg.core.errors.PaperkgError: prefix 'ex:' at line 1, column 22 is not declared; add PREFIX ex: <...> or use paperkg's: pkg, schema, mls, oa, dcat, dcterms, prov, rdf, rdfs, skos, xsd
    """
    if len(sparql) > MAX_QUERY_CHARS:
        raise PaperkgError(f"query has {len(sparql):,} characters; paperkg accepts {MAX_QUERY_CHARS:,}")
    is_update = _UPDATE.match(sparql) is not None
    if is_update and not allow_update:
        raise PaperkgError("the store is opened read-only: updates need --allow-update")
    depth, declared, used, previous_word = 0, set(), {}, ""
    for token in _TOKENS.finditer(sparql):
        kind, text = token.lastgroup, token[0]
        if kind == "open":
            depth += 1
            if depth > MAX_QUERY_DEPTH:
                raise PaperkgError(f"query nests brackets more than {MAX_QUERY_DEPTH} deep "
                                   f"(at {_position(sparql, token.start())}); paperkg accepts {MAX_QUERY_DEPTH}")
        elif kind == "close":
            depth = max(depth - 1, 0)
        elif kind == "word" and text.upper() in ("SERVICE", "LOAD") and not allow_service:
            reach = "send the query to another server" if text.upper() == "SERVICE" else "fetch a document"
            raise PaperkgError(f"{text.upper()} at {_position(sparql, token.start())} would {reach}; paperkg's "
                               "queries stay inside the build unless --allow-service is given")
        elif kind == "prefixed":
            prefix = text.split(":", 1)[0]
            if previous_word == "PREFIX":
                declared.add(prefix)
            else:
                used.setdefault(prefix, token.start())
        if kind not in ("space", "comment"):
            previous_word = text.upper() if kind == "word" else ""
    for prefix, offset in used.items():
        if prefix not in declared and prefix not in _PREFIX_IRIS:
            raise PaperkgError(f"prefix {printable(prefix)!r}:".replace("':", ":'") +
                               f" at {_position(sparql, offset)} is not declared; add PREFIX {printable(prefix)}: <...> "
                               f"or use paperkg's: {', '.join(_PREFIX_IRIS)}")
    return is_update


def _readable_syntax_error(message: str, sparql: str) -> str:
    """Oxigraph's syntax error as one line: where, what is there, and which tokens could come instead."""
    match = _SYNTAX_ERROR.match(message)
    if not match:
        return f"not valid SPARQL: {_one_line(message)}"
    line, column, problem = int(match[1]), int(match[2]), match[3]
    lines = sparql.split("\n")
    here = lines[line - 1][column - 1:column + 19] if line <= len(lines) else ""
    near = f" near {printable(here.strip())!r}" if here.strip() else " at the end"
    if problem.startswith("expected one of "):
        alternatives = [item.strip() for item in _ALTERNATIVES.findall(problem[len("expected one of "):])]
        words = [item for item in alternatives if item and not item.startswith("[") and item != "Prefix not found"]
        named = len(words) < len([item for item in alternatives if item])
        shown = ", ".join(words[:_SHOWN_ALTERNATIVES]) + (", …" if len(words) > _SHOWN_ALTERNATIVES else "")
        problem = "expected " + (f"one of {shown}" if shown else "") + (" or a name" if named and shown else
                                                                           "a name" if named else "")
    return f"not valid SPARQL at line {line}, column {column}{near}: {_one_line(problem)}"


def read_query_file(path: str | Path) -> str:
    """The query in a ``.rq`` file: UTF-8 text no longer than :data:`MAX_QUERY_CHARS` characters.

    Examples
    --------
    >>> import tempfile
    >>> query = Path(tempfile.mkdtemp()) / "count.rq"
    >>> _ = query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    >>> read_query_file(query)
    'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    >>> read_query_file(query.parent / "none.rq")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    paperkg.core.errors.InputError: .../none.rq: cannot read: no such file or folder
    """
    from .readers import open_input

    with reading(path), open_input(path) as handle:
        data = handle.read(4 * MAX_QUERY_CHARS + 1)
        if len(data) > 4 * MAX_QUERY_CHARS:
            raise PaperkgError(f"{printable(path)}: longer than a query can be ({MAX_QUERY_CHARS:,} characters)")
        return data.decode("utf-8-sig")


def _source_stamp(source: Path) -> dict:
    status = source.stat()
    return {"file": _SOURCE, "size": status.st_size, "mtime_ns": status.st_mtime_ns}


def _store_is_current(store_dir: Path, source: Path) -> bool:
    try:
        built_from = json.loads((store_dir / _STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    # A store the build filled (paperkg.exports.store) holds the very N-Triples graph.nt holds, if it is there.
    by_build = built_from.get("written_by") == "build" and (
        not source.is_file() or source.stat().st_size == built_from.get("size"))
    return (by_build or source.is_file() and built_from == _source_stamp(source)) and (store_dir / "db").is_dir()


def _build_store(folder: Path, source: Path) -> None:
    """Load ``graph.nt`` into a new store beside the old one, then swap it in: a failed build changes nothing."""
    building = Path(tempfile.mkdtemp(dir=folder, prefix=".store-"))
    try:
        building.chmod(0o755)  # mkdtemp's 0700 would keep other users from querying the build
        stamp = _source_stamp(source)
        store = ox.Store(str(building / "db"))
        with reading(source):
            store.bulk_load(path=str(source), format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        del store  # closes the database, releasing its lock
        (building / _STAMP).write_text(json.dumps(stamp), encoding="utf-8")
        shutil.rmtree(folder / "store", ignore_errors=True)
        building.rename(folder / "store")
    except SyntaxError as error:
        raise PaperkgError(f"{printable(source)}: not valid N-Triples: {_one_line(error)}") from None
    finally:
        shutil.rmtree(building, ignore_errors=True)


def _current_store(folder: str | Path) -> Path:
    """The database of ``folder``'s store, built or rebuilt from its ``graph.nt`` when needed."""
    folder = Path(folder)
    with writing(folder):
        recover(folder)  # a build killed while switching its outputs in: finish it, so the query sees one generation
    source = folder / _SOURCE
    if not source.is_file() and not _store_is_current(folder / "store", source):
        raise PaperkgError(f"{printable(folder)}: no {_SOURCE} here; run `paperkg build INPUT -o {printable(folder)}` "
                           "with the ntriples format first")
    if not _store_is_current(folder / "store", source):
        try:
            with output_lock(folder):
                if not _store_is_current(folder / "store", source):
                    _build_store(folder, source)
        except OutputError as error:
            raise OutputError(folder, f"no query store yet, and cannot make one: {error.problem}") from None
        except OSError as error:
            raise OutputError(folder, f"no query store yet, and cannot make one: {os_problem(error)}") from None
    return folder / "store" / "db"


def open_store(folder: str | Path, *, allow_update: bool = False) -> ox.Store:
    """The store of an export folder, built or rebuilt from its ``graph.nt`` when needed.

    Examples
    --------
    >>> import tempfile, networkx as nx; from paperkg import exports
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
    >>> folder = tempfile.mkdtemp()
    >>> _ = exports.export(g, folder, ["ntriples"])
    >>> len(open_store(folder)) == len((Path(folder) / "graph.nt").read_text().splitlines())
    True
    >>> sorted(p.name for p in (Path(folder) / "store").iterdir())
    ['built-from.json', 'db']
    """
    database = _current_store(folder)
    try:
        return ox.Store(str(database)) if allow_update else ox.Store.read_only(str(database))
    except OSError as error:
        raise PaperkgError(f"{printable(database.parent)}: cannot open the store: {_one_line(error)}") from None


def _one_line(error: object) -> str:
    text = printable(" ".join(str(error).split()))
    return text if len(text) <= 300 else text[:299] + "…"


def run_query(store: ox.Store, sparql: str, *, allow_update: bool = False, allow_service: bool = False):
    """Run a SPARQL query (or, with ``allow_update``, an update) on the store, in this process.

    The query is checked first (:func:`check_query`); paperkg's prefixes are
    declared for it. Results are lazy: errors met while reading them come
    from :func:`format_results`. :func:`query_folder` adds the time and
    memory limits.

    Examples
    --------
    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("1")))
    >>> [[term.value for term in row] for row in run_query(store, "SELECT ?o WHERE { ?s ?p ?o }")]
    [['1']]
    >>> run_query(store, "PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }")
    Traceback (most recent call last):
    ...
    paperkg.core.errors.PaperkgError: the store is opened read-only: updates need --allow-update
    >>> run_query(store, "SELECT ?x WHERE { ?x skos:prefLabel ?y ")
    Traceback (most recent call last):
    ...
    paperkg.core.errors.PaperkgError: not valid SPARQL at line 1, column 40 at the end: expected one of ",", ".", ";", "{", "{|", "}", "~" or a name
    """
    is_update = check_query(sparql, allow_update=allow_update, allow_service=allow_service)
    try:
        if is_update:
            store.update(sparql, prefixes=_PREFIX_IRIS)
            return None
        return store.query(sparql, prefixes=_PREFIX_IRIS)
    except SyntaxError as error:
        raise PaperkgError(_readable_syntax_error(str(error), sparql)) from None
    except (OSError, RuntimeError, ValueError) as error:
        raise PaperkgError(f"query failed: {_one_line(error)}") from None


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(str(namespace)):
                return f"{prefix}:{term.value[len(str(namespace)):]}"
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    text = " ".join(term.value.split())
    return text if len(text) <= _TABLE_CELL else text[:_TABLE_CELL - 1] + "…"


def _csv_value(term: object) -> str | None:
    """A term as SPARQL's CSV results give it: IRIs and literals by their text, blank nodes as ``_:``."""
    if term is None:
        return None
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _table(header: list[str], rows: list[list[str]]) -> Iterator[str]:
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(header)]
    yield "  ".join(name.ljust(width) for name, width in zip(header, widths)).rstrip()
    yield "  ".join("-" * width for width in widths)
    for row in rows:
        yield "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
    yield f"({len(rows)} row{'s' if len(rows) != 1 else ''})"


def _chunks(results, output_format: str) -> Iterator[str]:
    if results is None:
        yield "update done"
    elif isinstance(results, ox.QueryTriples):
        yield results.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    elif output_format == "json":
        yield results.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
    elif isinstance(results, ox.QueryBoolean):
        yield "true" if bool(results) else "false"
    elif output_format == "csv":
        header = [variable.value for variable in results.variables]
        rows = ([_csv_value(solution[name]) for name in header] for solution in results)
        for line in csv_lines(rows, header):
            yield line[:-2] + "\n"  # the writer ends lines with "\r\n"; a terminal wants "\n"
    else:
        header = [variable.value for variable in results.variables]
        rows = [[_cell(solution[name]) for name in header] for solution in results]
        yield "\n".join(_table(header, rows))


def format_results(results, output_format: str = "table") -> str:
    """Query results as an aligned table (IRIs shortened by paperkg's prefixes), CSV or SPARQL JSON.

    ``CONSTRUCT``/``DESCRIBE`` results are N-Triples whatever the format. CSV
    is SPARQL's CSV results format with every cell that a spreadsheet would
    take for a formula (``=``, ``+``, ``-``, ``@``, tab or CR first) quoted
    with a leading ``'``, as the CSV exports do.

    Examples
    --------
    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("https://w3id.org/paperkg/vocab#x"), ox.NamedNode("http://x/p"), ox.Literal("1")))
    >>> print(format_results(store.query("SELECT ?s ?o WHERE { ?s ?p ?o }")))
    s      o
    -----  -
    pkg:x  1
    (1 row)
    >>> print(format_results(store.query("SELECT ?s ?o WHERE { ?s ?p ?o }"), "csv"), end="")
    s,o
    https://w3id.org/paperkg/vocab#x,1
    >>> print(format_results(store.query('SELECT ?t WHERE { VALUES ?t { "=HYPERLINK(1)" } }'), "csv"), end="")
    t
    '=HYPERLINK(1)
    """
    try:
        return "".join(_chunks(results, output_format))
    except (OSError, RuntimeError, ValueError) as error:  # lazy results fail while being read
        raise PaperkgError(f"query failed: {_one_line(error)}") from None


def query_folder(folder: str | Path, sparql: str, output_format: str = "table", *, allow_update: bool = False,
                 allow_service: bool = False, timeout: float = DEFAULT_TIMEOUT, memory_mb: int = DEFAULT_MEMORY_MB,
                 output_mb: int = DEFAULT_OUTPUT_MB) -> str:
    """Run ``sparql`` on the export in ``folder`` and format the results, within time, memory and size limits.

    The query is checked here (:func:`check_query`), run in a child process
    (:mod:`paperkg.query_worker`), and its results formatted here. A query
    that runs longer than ``timeout`` seconds is stopped; one that needs more
    than ``memory_mb`` megabytes of address space or whose results pass
    ``output_mb`` megabytes fails; each with one
    :class:`~paperkg.core.errors.PaperkgError` line, as does a crash of the
    engine.

    Examples
    --------
    >>> import tempfile, networkx as nx; from paperkg import exports
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
    >>> folder = tempfile.mkdtemp()
    >>> _ = exports.export(g, folder, ["ntriples"])
    >>> print(query_folder(folder, "SELECT ?name WHERE { ?m skos:prefLabel ?name }"))
    name
    ----
    FID
    (1 row)
    """
    if output_format not in OUTPUT_FORMATS:
        raise PaperkgError(f"unknown output format {output_format!r}; choose from {', '.join(OUTPUT_FORMATS)}")
    if not timeout > 0:
        raise PaperkgError(f"timeout must be a positive number of seconds, not {timeout!r}")
    is_update = check_query(sparql, allow_update=allow_update, allow_service=allow_service)
    database = _current_store(folder)
    with tempfile.TemporaryDirectory(prefix="paperkg-query-") as scratch:
        output = Path(scratch) / "results"
        request = {"database": str(database), "sparql": sparql, "update": is_update, "prefixes": _PREFIX_IRIS,
                   "output": str(output), "memory_mb": memory_mb, "output_mb": output_mb}
        # The child imports this very paperkg, whatever put it on the path.
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(path for path in sys.path if path))
        child = subprocess.Popen([sys.executable, "-m", "paperkg.query_worker"], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        try:
            kind, errors = child.communicate(json.dumps(request).encode("utf-8"), timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            raise PaperkgError(f"query stopped after {timeout:g} s; narrow it (a LIMIT, fewer unbound "
                               "patterns) or give it longer with --timeout") from None
        if child.returncode != 0:
            raise PaperkgError(_child_failure(child.returncode, errors, sparql, memory_mb, output_mb))
        kind = kind.decode().strip()
        if kind == "update":
            return format_results(None)
        if kind == "triples":
            return output.read_text(encoding="utf-8")
        if output_format == "json":
            return output.read_text(encoding="utf-8") + "\n"
        return format_results(ox.parse_query_results(path=str(output), format=ox.QueryResultsFormat.JSON),
                              output_format)


# What the engine's native code prints as it aborts for want of memory under the child's address-space limit:
# Rust's allocator, C++'s, and a thread whose stack cannot be mapped ("Resource temporarily unavailable").
_OUT_OF_MEMORY = ("memory allocation", "bad_alloc", "Cannot allocate memory", "Resource temporarily unavailable")


def _child_failure(status: int, errors: bytes, sparql: str, memory_mb: int, output_mb: int) -> str:
    """The one line that says why the query's child process failed."""
    text = errors.decode("utf-8", "replace").strip()
    try:
        failure = json.loads(text.splitlines()[-1])
    except (ValueError, IndexError):
        failure = {}
    if not isinstance(failure, dict):
        failure = {}
    if "syntax" in failure:
        return _readable_syntax_error(failure["syntax"], sparql)
    if "error" in failure:
        return f"query failed: {_one_line(failure['error'])}"
    if failure.get("too_large"):
        return f"query results exceed {output_mb:,} MB; narrow the query (a LIMIT, fewer variables)"
    if failure.get("memory") or any(sign in text for sign in _OUT_OF_MEMORY):
        return f"query needs more than {memory_mb:,} MB of memory; narrow it (a LIMIT, fewer unbound patterns)"
    how = f"signal {signal.Signals(-status).name}" if status < 0 else f"exit status {status}"
    return f"the query engine failed on this query ({how}); simplify it"
