"""The child process :func:`paperkg.query.query_folder` runs one SPARQL request in, within limits.

It imports Oxigraph and nothing of paperkg's exports (which load pandas and
rdflib), so it starts in a few hundredths of a second. It reads one request
(JSON) on stdin, limits its own address space and the size of the file it
may write, opens the store, runs the query and writes the raw results to the
given file: SPARQL JSON results for ``SELECT`` and ``ASK``, N-Triples for
``CONSTRUCT`` and ``DESCRIBE``. It prints what it wrote (``solutions``,
``boolean``, ``triples`` or ``update``) on stdout; a failure prints one JSON
object (``{"syntax": message}`` or ``{"error": message}``) on stderr and
exits with status 2. The parent checks the query before, and formats the
results after.
"""
from __future__ import annotations

import errno
import json
import resource
import signal
import sys

import pyoxigraph as ox

__all__ = ["main"]


def _run(request: dict) -> str:
    database, sparql, prefixes = request["database"], request["sparql"], request["prefixes"]
    store = ox.Store(database) if request["update"] else ox.Store.read_only(database)
    if request["update"]:
        store.update(sparql, prefixes=prefixes)
        return "update"
    results = store.query(sparql, prefixes=prefixes)
    if isinstance(results, ox.QueryTriples):
        results.serialize(request["output"], format=ox.RdfFormat.N_TRIPLES)
        return "triples"
    results.serialize(request["output"], format=ox.QueryResultsFormat.JSON)
    return "boolean" if isinstance(results, ox.QueryBoolean) else "solutions"


def main() -> None:
    request = json.load(sys.stdin)
    memory, output = request["memory_mb"] << 20, request["output_mb"] << 20
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_FSIZE, (output, output))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the size limit fails with EFBIG instead
    try:
        print(_run(request))
    except SyntaxError as error:
        failure = {"syntax": str(error)}
    except OSError as error:
        failure = {"too_large": True} if error.errno == errno.EFBIG or "File too large" in str(error) else \
            {"error": str(error)}
    except (RuntimeError, ValueError) as error:
        failure = {"error": str(error)}
    except MemoryError:
        failure = {"memory": True}
    else:
        return
    print(json.dumps(failure), file=sys.stderr)
    sys.exit(2)


if __name__ == "__main__":
    main()
