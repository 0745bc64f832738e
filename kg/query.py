"""SPARQL over an export folder, through an embedded Oxigraph store kept beside the export.

The first query on ``OUTDIR`` bulk-loads ``OUTDIR/graph.nt`` into
``OUTDIR/store/db`` and notes which ``graph.nt`` it was built from; later
queries reuse it, and rebuild it when ``graph.nt`` has changed since. Queries
open the store read-only; updates (``INSERT``/``DELETE``) need
``allow_update=True``.
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from paperkg.exports.vocab import PREFIXES

from .core.errors import PaperkgError
from .core.lock import output_lock

__all__ = ["EXAMPLE_QUERIES", "OUTPUT_FORMATS", "open_store", "run_query", "format_results", "query_folder"]

_PREFIX_LINES = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items()
                        if prefix in ("pkg", "schema", "dcterms", "skos", "oa", "prov", "rdf"))

#: Queries the README shows, by what they answer; tests run each one on the sample corpus.
EXAMPLE_QUERIES = {
    "papers evaluated on a benchmark": _PREFIX_LINES + """\
SELECT ?title WHERE {
  ?benchmark skos:prefLabel "ImageNet" .
  ?paper pkg:evaluatedOn ?benchmark ; dcterms:title ?title .
} ORDER BY ?title""",
    "models compared with a model": _PREFIX_LINES + """\
SELECT ?model ?relation ?other ?title WHERE {
  ?subject skos:prefLabel "Mamba" .
  ?evidence rdf:subject ?a ; rdf:predicate ?relation ; rdf:object ?b ; prov:wasDerivedFrom ?paper .
  FILTER(?relation IN (pkg:comparedWith, pkg:outperforms) && (?a = ?subject || ?b = ?subject))
  ?a skos:prefLabel ?model . ?b skos:prefLabel ?other . ?paper dcterms:title ?title .
} ORDER BY ?model ?other""",
    "code of papers that propose a dataset": _PREFIX_LINES + """\
SELECT ?dataset ?repository ?title WHERE {
  ?paper pkg:proposes ?proposed ; pkg:hasCode ?code ; dcterms:title ?title .
  ?proposed a schema:Dataset ; skos:prefLabel ?dataset .
  ?code schema:codeRepository ?repository .
} ORDER BY ?dataset ?repository""",
    "most-mentioned models": _PREFIX_LINES + """\
SELECT ?model (COUNT(DISTINCT ?paper) AS ?papers) (COUNT(?paper) AS ?mentions) WHERE {
  ?entity a pkg:Model ; skos:prefLabel ?model .
  ?evidence rdf:predicate pkg:mentions ; rdf:object ?entity ; prov:wasDerivedFrom ?paper .
} GROUP BY ?model ORDER BY DESC(?mentions) ?model LIMIT 10""",
    "evidence for an edge": _PREFIX_LINES + """\
SELECT ?title ?sentence ?mention ?start ?end ?rule ?confidence WHERE {
  ?model skos:prefLabel "MambaOut" .
  ?evidence rdf:predicate pkg:proposes ; rdf:object ?model ; rdf:subject ?paper ;
            pkg:sentence ?sentence ; pkg:mentionText ?mention ; pkg:rule ?rule ; pkg:confidence ?confidence ;
            oa:hasTarget/oa:hasSelector ?selector .
  ?selector oa:start ?start ; oa:end ?end .
  ?paper dcterms:title ?title .
}""",
}

OUTPUT_FORMATS = ("table", "csv", "json")
_SOURCE = "graph.nt"
_STAMP = "built-from.json"
_TABLE_CELL = 80
# An update is a request whose first keyword after its PREFIX/BASE prologue is an update operation.
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*"
                     r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)


def _source_stamp(source: Path) -> dict:
    status = source.stat()
    return {"file": _SOURCE, "size": status.st_size, "mtime_ns": status.st_mtime_ns}


def _store_is_current(store_dir: Path, source: Path) -> bool:
    try:
        built_from = json.loads((store_dir / _STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return built_from == _source_stamp(source) and (store_dir / "db").is_dir()


def _build_store(folder: Path, source: Path) -> None:
    """Load ``graph.nt`` into a new store beside the old one, then swap it in: a failed build changes nothing."""
    building = Path(tempfile.mkdtemp(dir=folder, prefix=".store-"))
    try:
        stamp = _source_stamp(source)
        store = ox.Store(str(building / "db"))
        store.bulk_load(path=str(source), format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        del store  # closes the database, releasing its lock
        (building / _STAMP).write_text(json.dumps(stamp), encoding="utf-8")
        shutil.rmtree(folder / "store", ignore_errors=True)
        building.rename(folder / "store")
    except SyntaxError as error:
        raise PaperkgError(f"{source}: not valid N-Triples: {error}") from None
    finally:
        shutil.rmtree(building, ignore_errors=True)


def open_store(folder: str | Path, *, allow_update: bool = False) -> ox.Store:
    """The store of an export folder, built or rebuilt from its ``graph.nt`` when needed.

    Examples
    --------
    >>> import tempfile, networkx as nx; from paperkg import exports
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
    >>> folder = tempfile.mkdtemp()
    >>> _ = exports.export(g, folder, ["ntriples"])
    >>> len(open_store(folder))
    4
    >>> sorted(p.name for p in (Path(folder) / "store").iterdir())
    ['built-from.json', 'db']
    """
    folder = Path(folder)
    source = folder / _SOURCE
    if not source.is_file():
        raise PaperkgError(f"{folder}: no {_SOURCE} here; run `paperkg build INPUT -o {folder}` "
                           "with the ntriples format first")
    if not _store_is_current(folder / "store", source):
        with output_lock(folder):
            if not _store_is_current(folder / "store", source):
                _build_store(folder, source)
    database = str(folder / "store" / "db")
    try:
        return ox.Store(database) if allow_update else ox.Store.read_only(database)
    except OSError as error:
        raise PaperkgError(f"{folder / 'store'}: cannot open the store: {error}") from None


def _one_line(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text if len(text) <= 200 else text[:199] + "…"


def run_query(store: ox.Store, sparql: str, *, allow_update: bool = False):
    """Run a SPARQL query (or, with ``allow_update``, an update) on the store.

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
    """
    is_update = _UPDATE.match(sparql) is not None
    if is_update and not allow_update:
        raise PaperkgError("the store is opened read-only: updates need --allow-update")
    try:
        if is_update:
            store.update(sparql)
            return None
        return store.query(sparql)
    except SyntaxError as error:
        raise PaperkgError(f"not valid SPARQL: {_one_line(error)}") from None
    except OSError as error:
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


def _table(header: list[str], rows: list[list[str]]) -> Iterator[str]:
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(header)]
    yield "  ".join(name.ljust(width) for name, width in zip(header, widths)).rstrip()
    yield "  ".join("-" * width for width in widths)
    for row in rows:
        yield "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
    yield f"({len(rows)} row{'s' if len(rows) != 1 else ''})"


def format_results(results, output_format: str = "table") -> str:
    """Query results as an aligned table (IRIs shortened by paperkg's prefixes), SPARQL CSV or SPARQL JSON.

    ``CONSTRUCT``/``DESCRIBE`` results are N-Triples whatever the format.

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
    """
    if results is None:
        return "update done"
    if isinstance(results, ox.QueryTriples):
        return results.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if output_format == "csv":
        return results.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8").replace("\r\n", "\n")
    if output_format == "json":
        return results.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
    if isinstance(results, ox.QueryBoolean):
        return "true" if bool(results) else "false"
    header = [variable.value for variable in results.variables]
    rows = [[_cell(solution[name]) for name in header] for solution in results]
    return "\n".join(_table(header, rows))


def query_folder(folder: str | Path, sparql: str, output_format: str = "table", *,
                 allow_update: bool = False) -> str:
    """Run ``sparql`` on the export in ``folder`` and format the results."""
    if output_format not in OUTPUT_FORMATS:
        raise PaperkgError(f"unknown output format {output_format!r}; choose from {', '.join(OUTPUT_FORMATS)}")
    store = open_store(folder, allow_update=allow_update)
    return format_results(run_query(store, sparql, allow_update=allow_update), output_format)
