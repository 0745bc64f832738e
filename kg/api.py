"""The Python API in four calls: read papers, build a graph, load a build, get the spaCy pipeline.

``paperkg.read``, ``paperkg.build``, ``paperkg.load`` and ``paperkg.nlp`` are
these functions; the ``paperkg`` command is a thin layer over them.

Examples
--------
>>> import paperkg, tempfile
>>> out = tempfile.mkdtemp()
>>> result = paperkg.build("data/", out, formats=["csv", "ntriples"])
>>> built = paperkg.load(out)
>>> built.graph.number_of_nodes() == result.graph.number_of_nodes()
True
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .core.errors import InputError
from .core.model import Paper

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from spacy.language import Language

    from .aliases import AliasTable
    from .pipeline import BuildResult, Progress

__all__ = ["Build", "read", "build", "load", "nlp", "results_table"]

PathLike = str | Path


def read(paths: PathLike | Iterable[PathLike], *, input_format: str | None = None, strict: bool = False,
         on_warning: Callable[[InputError], None] | None = None, progress: Progress | None = None) -> list[Paper]:
    """Read papers from files and folders, merging the records of one paper.

    Parameters
    ----------
    paths
        A file or folder, or several. Folders are read recursively.
    input_format
        ``daily``, ``jsonl``, ``json``, ``csv`` or ``tsv`` for every file
        (default: chosen from each file's extension).
    strict
        Raise :class:`~paperkg.core.errors.InputError` on a bad record instead
        of skipping it.
    on_warning
        Called with each skipped record's problem.
    progress
        ``progress("read", records, None)`` wraps the records as they are read.

    Returns
    -------
    list of Paper
        One per distinct title, in first-seen order.

    Examples
    --------
    >>> import paperkg
    >>> papers = paperkg.read("data/")
    >>> len(papers), papers[0].sources[0]
    (223, 'data/000_d19c32d15f532ca7.txt:11')
    """
    from .readers import iter_papers, merge_papers

    records = iter_papers(_paths(paths), format=input_format, strict=strict, on_warning=on_warning)
    return merge_papers(progress("read", records, None) if progress else records, strict=strict,
                        on_warning=on_warning)


def _paths(paths: PathLike | Iterable[PathLike]) -> list[PathLike]:
    return [paths] if isinstance(paths, str | Path) else list(paths)


def build(papers_or_paths: PathLike | Iterable[PathLike] | Iterable[Paper], out: PathLike | None = None, *,
          formats: Iterable[str] | None = None, input_format: str | None = None,
          aliases: PathLike | AliasTable | None = None, corpus_pass: bool = False, workers: int = 1,
          engine: str = "local", scheduler: str | None = None, stream: bool = False, update: bool = False,
          strict: bool = False, export_options: dict | None = None,
          on_warning: Callable[[InputError], None] | None = None, progress: Progress | None = None) -> BuildResult:
    """Extract entities, build the graph and write it to ``out`` in each format.

    Parameters
    ----------
    papers_or_paths
        :class:`~paperkg.core.model.Paper` objects, or files and folders to
        :func:`read`.
    out
        Folder to write into; ``None`` builds the graph in memory only.
    formats
        Export formats (``turtle``, ``jsonld``, ``ntriples``, ``graphml``,
        ``html``, ``csv``); default all.
    input_format, strict, on_warning
        As for :func:`read`.
    aliases
        An alias file (or a parsed :class:`~paperkg.aliases.AliasTable`).
    corpus_pass
        Find, in every paper, names other papers give with a strong cue.
    workers, engine, scheduler
        Extraction processes; ``engine="dask"`` or a Dask ``scheduler``
        address runs extraction on Dask.
    stream
        Flat memory for corpora larger than memory (N-Triples and CSV only).
    update
        Add the papers to the build already in ``out``; only new papers are
        extracted.
    export_options
        ``base_iri`` for the RDF formats, ``max_nodes`` for the viewer.
    progress
        ``progress(step, iterable, total)`` wraps each step (a progress bar).

    Returns
    -------
    BuildResult
        ``.graph`` (``None`` when streamed), ``.written`` files per format,
        ``.papers``/``.extracted``/``.reused`` counts, ``.seconds`` per step
        and ``.summary``.

    Examples
    --------
    >>> import paperkg
    >>> result = paperkg.build([paperkg.Paper("FlowAR", "FlowAR beats VAR on ImageNet.")])
    >>> result.summary["entities"]["model"], result.written
    (2, {})
    """
    from .aliases import AliasTable, load_aliases
    from .pipeline import run

    if aliases is not None and not isinstance(aliases, AliasTable):
        aliases = load_aliases(aliases)
    inputs = _paths(papers_or_paths) if isinstance(papers_or_paths, str | Path) else list(papers_or_paths)
    started = time.perf_counter()
    if not stream and not all(isinstance(item, Paper) for item in inputs):
        # Read before the runner takes the output folder: bad input leaves no folder behind.
        inputs = read(inputs, input_format=input_format, strict=strict, on_warning=on_warning, progress=progress)
        if not inputs:
            raise InputError(", ".join(map(str, _paths(papers_or_paths))), "no papers found")
    reading = time.perf_counter() - started
    result = run(inputs, out, formats=formats, export_options=export_options, engine=engine, workers=workers,
               scheduler=scheduler, stream=stream, update=update, aliases=aliases, corpus_pass=corpus_pass,
               input_format=input_format, strict=strict, on_warning=on_warning, progress=progress)
    result.seconds["read"] = round(result.seconds.get("read", 0.0) + reading, 3)
    return result


@dataclass
class Build:
    """A build folder loaded back: its graph, and pandas tables of its nodes, edges and results.

    The tables are made on first use.
    """

    folder: Path
    graph: nx.MultiDiGraph = field(repr=False)

    @cached_property
    def nodes(self) -> pd.DataFrame:
        """One row per node: ``id``, ``kind``, ``label``, ``aliases``, counts, paper metadata."""
        from paperkg.exports.tables import nodes_frame

        return nodes_frame(self.graph)

    @cached_property
    def edges(self) -> pd.DataFrame:
        """One row per edge: ``source``, ``target``, ``relation``, ``paper`` and the evidence."""
        from paperkg.exports.tables import edges_frame

        return edges_frame(self.graph)

    @cached_property
    def results(self) -> pd.DataFrame:
        """One row per reported result (see :func:`results_table`)."""
        return results_table(self.graph)


def load(outdir: PathLike) -> Build:
    """Load a build folder: the graph and its nodes, edges and results as pandas tables.

    Parameters
    ----------
    outdir
        A folder ``paperkg build`` (or :func:`build`) wrote. Its graph is
        rebuilt from the extraction results the build keeps, with the alias
        file and corpus pass the build used; nothing is extracted again.

    Returns
    -------
    Build
        ``.graph`` (a NetworkX ``MultiDiGraph``), ``.nodes``, ``.edges`` and
        ``.results`` (pandas ``DataFrame``), ``.folder``.

    Examples
    --------
    >>> import paperkg, tempfile
    >>> out = tempfile.mkdtemp()
    >>> _ = paperkg.build([paperkg.Paper("T2T-ViT", "T2T-ViT reaches 83.3% top-1 accuracy on ImageNet.")], out,
    ...                   formats=["csv"])
    >>> built = paperkg.load(out)
    >>> built.results[["title", "model", "metric", "value", "unit"]].to_dict("records")
    [{'title': 'T2T-ViT', 'model': 'T2T-ViT', 'metric': 'top-1 accuracy', 'value': 83.3, 'unit': '%'}]
    >>> sorted(built.nodes["kind"])
    ['dataset', 'metric', 'model', 'paper', 'result']
    """
    from .pipeline import load_graph

    return Build(Path(outdir), load_graph(outdir))


def results_table(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """The graph's result nodes as a table, one row each, with their paper's title and arXiv id.

    Entities are given by their labels; the columns are those of
    :data:`paperkg.results.RESULT_COLUMNS`.
    """
    import pandas as pd

    from .results import RESULT_COLUMNS

    nodes = graph.nodes
    rows = []
    for paper, node in sorted((u, v) for u, v, relation in graph.edges(data="relation") if relation == "has_result"):
        data = nodes[node]
        label = {name: nodes[data[name]]["label"] if data.get(name) else None
                 for name in ("model", "dataset", "benchmark", "metric", "baseline")}
        rows.append({**data, **label, "paper_id": paper, "title": nodes[paper]["title"],
                     "arxiv_id": nodes[paper].get("arxiv_id"),
                     "dataset_or_benchmark": label["benchmark"] or label["dataset"]})
    return pd.DataFrame(rows, columns=list(RESULT_COLUMNS)).astype({"value": float})


def nlp() -> Language:
    """paperkg's spaCy pipeline: ``spacy.blank("en")``, a sentencizer and every extractor.

    Entities come out in ``doc.ents`` with their rule and confidence in
    ``ent._.paperkg_rule`` and ``ent._.paperkg_confidence``.

    Examples
    --------
    >>> import paperkg
    >>> doc = paperkg.nlp()("FlowAR\\n\\nFlowAR beats VAR on ImageNet; code: https://github.com/OliverRensu/FlowAR")
    >>> [(ent.text, ent.label_) for ent in doc.ents]  # doctest: +NORMALIZE_WHITESPACE
    [('FlowAR', 'MODEL'), ('FlowAR', 'MODEL'), ('VAR', 'MODEL'), ('ImageNet', 'DATASET'),
     ('https://github.com/OliverRensu/FlowAR', 'REPO')]
    """
    from paperkg import extractors

    return extractors.make_pipeline()
