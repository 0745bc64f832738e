"""An Oxigraph store filled during the build, so the first query costs what later ones do.

:class:`StoreSink` turns each batch into N-Triples (the very text ``graph.nt``
holds) and bulk-loads it into ``OUTDIR/store/db``, some megabytes at a time:
a batch is never split, so the blank nodes of a mention stay one node. At
:meth:`~StoreSink.close` it notes, in ``store/built-from.json``, that the
build wrote it and how many bytes of N-Triples it holds: ``paperkg query``
(:func:`paperkg.query.open_store`) then opens it as it is, instead of loading
``graph.nt`` on the first query. The store is written in a folder beside its
place and moved there at close; :meth:`~StoreSink.abort` removes it.

Examples
--------
>>> import tempfile, networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("metric:fid", kind="metric", label="FID", aliases=[], mention_count=1)
>>> folder = Path(tempfile.mkdtemp())
>>> write_store(g, folder / "store")
>>> len(ox.Store.read_only(str(folder / "store" / "db")))  # its class, name and mention count
3
"""
from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from paperkg.core.errors import PaperkgError

from .evidence import DEFAULT_EVIDENCE
from .ntriples import ntriples_chunks
from .rdf import generate_triples, rule_triples, subject_runs
from .sink import write_graph
from .vocab import DEFAULT_BASE_IRI

__all__ = ["StoreSink", "write_store", "STORE_STAMP", "LOAD_BYTES"]

#: The file beside ``db`` saying what the store was built from (read by :mod:`paperkg.query`).
STORE_STAMP = "built-from.json"
#: N-Triples gathered before each bulk load: each load writes new files, so not one per paper.
LOAD_BYTES = 8 << 20


class StoreSink:
    """The Oxigraph store of a build, bulk-loaded a few megabytes of whole batches at a time."""

    def __init__(self, path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI, evidence: str = DEFAULT_EVIDENCE) -> None:
        self.paths = [Path(path)]
        self._base_iri, self._evidence = base_iri, evidence
        self._rules: set[str] = set()
        self._pending: list[str] = []
        self._pending_bytes = 0
        self._loaded_bytes = 0
        self.paths[0].parent.mkdir(parents=True, exist_ok=True)
        self._building = Path(tempfile.mkdtemp(dir=self.paths[0].parent, prefix=".store-"))
        self._building.chmod(0o755)  # mkdtemp's 0700 would keep other users from querying the build
        self._store: ox.Store | None = ox.Store(str(self._building / "db"))

    def write(self, batch: nx.MultiDiGraph, *, entities: bool = False) -> None:
        triples = generate_triples(batch, self._base_iri, entities=entities, rules=self._rules,
                                   evidence=self._evidence)
        self.add_text("".join(ntriples_chunks(subject_runs(triples))))

    def add_text(self, text: str) -> None:
        """Add the N-Triples text of one write (never part of one: a mention's blank nodes are one load's)."""
        size = len(text.encode("utf-8")) if not text.isascii() else len(text)
        self._pending.append(text)
        self._pending_bytes += size
        if self._pending_bytes >= LOAD_BYTES:
            self._load()

    def _load(self) -> None:
        if self._pending:
            data = "".join(self._pending).encode("utf-8")
            # lenient: the text is ours, its IRIs already checked as they were made; about 10% faster.
            self._store.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES, lenient=True)
            self._loaded_bytes += len(data)
        self._pending, self._pending_bytes = [], 0

    def close(self) -> None:
        try:
            self.add_text("".join(ntriples_chunks(subject_runs(rule_triples(self._rules, self._base_iri)))))
            self._load()
            self._store.flush()
            self._store = None  # closes the database, releasing its lock
            stamp = {"file": "graph.nt", "size": self._loaded_bytes, "written_by": "build"}
            (self._building / STORE_STAMP).write_text(json.dumps(stamp), encoding="utf-8")
            retired = self._building.with_name(self._building.name + "-retired")
            if self.paths[0].exists():
                self.paths[0].rename(retired)
            self._building.rename(self.paths[0])
            shutil.rmtree(retired, ignore_errors=True)
        except OSError as error:
            self.abort()
            raise PaperkgError(f"{self.paths[0]}: cannot write the store: {error}") from None
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        self._store, self._pending = None, []
        shutil.rmtree(self._building, ignore_errors=True)


def write_store(graph: nx.MultiDiGraph, path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI,
                evidence: str = DEFAULT_EVIDENCE) -> None:
    """Fill a new store at ``path`` (a folder: ``db`` and its stamp) with the graph's triples."""
    write_graph(StoreSink(path, base_iri=base_iri, evidence=evidence), graph)
