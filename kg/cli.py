"""The ``paperkg`` command: a thin layer over the library (:mod:`paperkg.api`).

Every error a user can fix prints one line (``Error: FILE:LINE: problem``)
and exits with status 2, leaving no partial output behind. Option names keep
one meaning across commands: ``--input-format`` is the format of the inputs,
``--output-format`` the format of what a command prints, ``--quiet`` silences
progress, warnings and summaries everywhere.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

import click
from tqdm import tqdm

from paperkg import exports
from paperkg.exports.evidence import EVIDENCE_LEVELS
from paperkg.exports.tables import generate_csv

from . import api
from .aliases import load_aliases
from .core.atomic import atomic_write, write_chunks
from .core.errors import EXIT_USAGE, InputError, PaperkgError, os_error
from .core.model import Paper
from .evaluate import format_table, load_gold, load_spans, score_records, score_spans, sentence_mentions
from . import pipeline
from .pipeline import ENGINES
from .query import DEFAULT_TIMEOUT, OUTPUT_FORMATS, query_folder, read_query_file
from .readers import FORMATS

__all__ = ["main", "cli"]


class _UserError(click.ClickException):
    exit_code = EXIT_USAGE


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PaperkgError as error:
            raise _UserError(str(error)) from None
        except OSError as error:  # one the library did not name a path for: name the file the OS named
            raise _UserError(str(os_error(error.filename or "paperkg", error, write=True))) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="paperkg")
def cli() -> None:
    """Build knowledge graphs of ML papers: models, datasets, benchmarks, metrics, code.

    \b
    Example:
        paperkg build data/ -o out/
    """


_inputs = click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))


def _input_format(command):
    """``--input-format``; ``--format``, its old name, still works but is not shown."""
    choice = click.Choice(sorted(FORMATS))
    command = click.option("--format", "input_format", type=choice, hidden=True)(command)
    return click.option("--input-format", "input_format", type=choice,
                        help="Format of every input file (default: from each file's extension).")(command)


def _output_format(command):
    """``--output-format``; ``--format``, its old name on ``query``, still works but is not shown."""
    choice = click.Choice(OUTPUT_FORMATS)
    command = click.option("--format", "output_format", type=choice, hidden=True)(command)
    return click.option("--output-format", "output_format", type=choice, default="table", show_default=True,
                        help="table for reading; csv or json (SPARQL 1.1 results formats) for other programs.")(command)


_strict = click.option("--strict", is_flag=True, help="Treat a bad record as an error instead of skipping it.")
_quiet = click.option("-q", "--quiet", is_flag=True, help="Print no progress, warnings or summary; only results "
                                                          "and errors.")
_aliases = click.option("--aliases", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
                        callback=lambda ctx, param, value: load_aliases(value) if value else None,
                        help="Alias file: 'canonical = alias | alias' merges names, '!name' blocks one "
                             "(see docs/commands.md).")
_corpus_pass = click.option("--corpus-pass", is_flag=True,
                            help="Second pass: find names other papers give with a strong cue in every paper.")


#: What each step's progress counts.
_UNITS = {"read": "record", "extract": "paper", "graph": "batch"}


def progress_bars(quiet: bool):
    """``progress(step, iterable, total)``: a bar per step on stderr, kept when done; silent when piped or quiet."""
    def progress(step: str, iterable: Iterable, total: int | None) -> Iterable:
        return tqdm(iterable, total=total, desc=f"{step:>8}", unit=_UNITS.get(step, "it"),
                    disable=True if quiet else None, file=sys.stderr, leave=True, dynamic_ncols=True)

    return progress


def _warnings(quiet: bool):
    """Print each skipped record's problem as it comes, and count them."""
    problems: list[InputError] = []

    def warn(problem: InputError) -> None:
        problems.append(problem)
        if not quiet:
            click.echo(f"warning: {problem}", err=True)

    return warn, problems


def _report_skipped(problems: list, quiet: bool) -> None:
    if problems and not quiet:
        click.echo(f"warning: skipped {len(problems)} bad record(s); --strict makes them errors", err=True)


def load_inputs(inputs: tuple[Path, ...], input_format: str | None, strict: bool, quiet: bool) -> list[Paper]:
    """Read the inputs, reporting skipped records; no papers at all is an error."""
    warn, problems = _warnings(quiet)
    papers = api.read(inputs, input_format=input_format, strict=strict, on_warning=warn,
                      progress=progress_bars(quiet))
    _report_skipped(problems, quiet)
    if not papers:
        raise InputError(", ".join(map(str, inputs)), "no papers found")
    return papers


def _formats(ctx, param, value: str | None) -> list[str] | None:
    if not value:
        return None  # the build's default: every format, or every streamed one
    chosen = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in exports.EXPORTERS]
    if unknown:
        raise click.BadParameter(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(exports.EXPORTERS)}")
    return chosen


def format_seconds(seconds: dict[str, float]) -> str:
    """Each step's wall time and the total, as the build summary prints them.

    Examples
    --------
    >>> format_seconds({"read": 0.21, "extract": 4.5, "csv": 0.05})
    'read 0.2 s, extract 4.5 s, csv 0.1 s; total 4.8 s'
    """
    steps = ", ".join(f"{step} {value:.1f} s" for step, value in seconds.items())
    return f"{steps}; total {sum(seconds.values()):.1f} s"


def print_summary(result, *, update: bool) -> None:
    """What the build made: counts, top entities, each file written, each step's time."""
    summary = result.summary
    if update:
        click.echo(f"extracted {result.extracted} new paper(s), reused {result.reused}")
    click.echo(f"papers: {summary['papers']}")
    click.echo("entities: " + ", ".join(f"{t} {n}" for t, n in summary["entities"].items()))
    click.echo("edges: " + ", ".join(f"{r} {n}" for r, n in summary["edges"].items()))
    click.echo("top: " + ", ".join(f"{e['name']} ({e['type']}, {e['mentions']})" for e in summary["top"]))
    for name, paths in result.written.items():
        click.echo(f"{name:>9}: " + ", ".join(map(str, paths)))
    click.echo(f"time: {format_seconds(result.seconds)}")
    if "html" in result.written:
        click.echo(f"open {result.written['html'][0]} in a browser to explore the graph")


@cli.command()
@_inputs
@click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the graph files into (created if missing).")
@click.option("--update", "update_dir", type=click.Path(file_okay=False, path_type=Path), metavar="OUTDIR",
              help="Add the papers of INPUTS that the build in OUTDIR has not seen, and rewrite its files.")
@click.option("--formats", callback=_formats, metavar="LIST",
              help=f"Comma-separated formats: {','.join(exports.EXPORTERS)} (default: all).")
@click.option("--base-iri", default=None, metavar="IRI", help="Base IRI for papers and entities in RDF.")
@click.option("--evidence", type=click.Choice(EVIDENCE_LEVELS), default=None,
              help="Evidence written: every mention (full, the default), one per edge (first), or none.")
@click.option("--html-max-nodes", type=click.IntRange(min=1), default=None, metavar="N",
              help="Most entities on the viewer's map: above it, the N most-mentioned ones, and the page says so "
                   "(default: 50000).")
@click.option("-w", "--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extraction processes (or Dask workers for a local cluster).")
@click.option("--engine", type=click.Choice(list(ENGINES)), default="local", show_default=True,
              help="Where extraction runs: here, or on Dask (pip install 'paperkg[dask]').")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Dask scheduler of an existing cluster (implies --engine dask).")
@click.option("--stream", is_flag=True,
              help="Flat memory for corpora larger than memory (millions of papers): papers, results and the "
                   "graph pass through disk in batches; writes ntriples and csv.")
@_aliases
@_corpus_pass
@_input_format
@_strict
@_quiet
def build(inputs, output_dir, update_dir, formats, base_iri, evidence, html_max_nodes, workers, engine, scheduler, stream,
          aliases, corpus_pass, input_format, strict, quiet):
    """Build the knowledge graph of the papers and write it in every format.

    \b
    Prints a progress bar per step (read, extract, resolve, graph, each
    export) on stderr, then a summary: counts, files written, each step's time.
    Example:
        paperkg build data/ -o out/
        paperkg build arxiv.jsonl -o out/ --formats turtle,graphml --workers 2
        paperkg build data/ -o out/ --aliases aliases.txt
        paperkg build --update out/ new-papers.jsonl
        paperkg build arxiv.jsonl -o out/ --engine dask --scheduler tcp://scheduler.example.org:8786
        paperkg build arxiv-metadata-oai-snapshot.json -o out/ --stream --workers 2
    """
    if (output_dir is None) == (update_dir is None):
        raise click.UsageError("give either -o OUTDIR (a new build) or --update OUTDIR (add to a build)")
    output_dir = output_dir or update_dir
    export_options = {name: value for name, value in (("base_iri", base_iri), ("evidence", evidence),
                                                      ("max_nodes", html_max_nodes))
                      if value is not None}
    warn, problems = _warnings(quiet)
    # The runner holds the folder's lock: a second build into the same folder fails at once.
    result = api.build(inputs, output_dir, formats=formats, export_options=export_options, engine=engine,
                       workers=workers, scheduler=scheduler, stream=stream, update=update_dir is not None,
                       aliases=aliases, corpus_pass=corpus_pass, input_format=input_format, strict=strict,
                       on_warning=warn, progress=progress_bars(quiet))
    _report_skipped(problems, quiet)
    if not quiet:
        print_summary(result, update=update_dir is not None)


@cli.command()
@_inputs
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="JSON Lines file to write, one line per paper.")
@_aliases
@_corpus_pass
@_input_format
@_strict
@_quiet
def extract(inputs, output, aliases, corpus_pass, input_format, strict, quiet):
    """Extract entities from papers into JSON Lines in the gold annotation format.

    \b
    Each line: {"title", "entities": {type: ["name | alias", ...]}, "proposes"}.
    Example:
        paperkg extract data/ -o entities.jsonl
        paperkg extract data/ -o entities.jsonl --aliases aliases.txt --corpus-pass
    """
    from .extract import gold_record  # here, not at start-up: it loads spaCy, which --help never needs

    papers = load_inputs(inputs, input_format, strict, quiet)
    records = [gold_record(found) for found in pipeline.extract(
        papers, aliases=aliases, corpus_pass=corpus_pass, on_warning=_warnings(quiet)[0], progress=progress_bars(quiet))]
    with atomic_write(output) as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if not quiet:
        click.echo(f"{len(records)} papers → {output}")


def _echo_scores(scores: dict, counted: str, count: int, as_json: bool) -> None:
    """Print per-type scores of ``count`` papers or sentences, as a table or as JSON."""
    if as_json:
        table = {name: {"tp": s.tp, "gold": s.gold, "pred": s.pred, "p": s.precision, "r": s.recall, "f1": s.f1}
                 for name, s in scores.items()}
        click.echo(json.dumps({counted: count, "scores": table}, indent=1))
    else:
        click.echo(f"{counted}: {count}")
        click.echo(format_table(scores))


def _gold_papers(gold: Path, quiet: bool):
    records = load_gold(gold)
    papers = [Paper(r["title"], r.get("abstract", "")) for r in records]
    return records, pipeline.extract(papers, on_warning=_warnings(quiet)[0], progress=progress_bars(quiet))


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@_quiet
def evaluate(gold, as_json, quiet):
    """Extract entities from the papers of a gold file and score them against it.

    \b
    Prints precision, recall and F1 per type; docs/quality.md gives the
    matching rules and the figures.
    Example:
        paperkg eval tests/data/gold-dev.jsonl
    """
    from .extract import gold_record

    records, found = _gold_papers(gold, quiet)
    _echo_scores(score_records(records, [gold_record(paper) for paper in found]), "papers", len(records), as_json)


@cli.command()
@_inputs
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="CSV file to write, one row per result.")
@_aliases
@_input_format
@_strict
@_quiet
def results(inputs, output, aliases, input_format, strict, quiet):
    """Extract reported results (model, dataset, metric, value, unit, baseline) into a CSV table.

    \b
    Values are numbers; each row also gives the paper's id, title and arXiv
    id (when known), the sentence, offsets, rule and confidence.
    Example:
        paperkg results data/ -o results.csv
    """
    from .results import results_frame

    papers = load_inputs(inputs, input_format, strict, quiet)
    frame = results_frame(pipeline.extract(papers, aliases=aliases, on_warning=_warnings(quiet)[0],
                                           progress=progress_bars(quiet)))
    write_chunks(output, generate_csv(frame))
    if not quiet:
        click.echo(f"{len(frame)} results from {len(papers)} papers → {output}")


@cli.command(name="eval-results")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the score as JSON.")
@_quiet
def eval_results(gold, as_json, quiet):
    """Extract results from the papers of a results gold file and score them against it.

    \b
    A result matches when its value (within 1e-6) and unit are equal and its
    metric, model and dataset match the gold's wherever the gold gives them.
    Example:
        paperkg eval-results tests/data/results-dev.jsonl
    """
    from .results import score_results

    records, found = _gold_papers(gold, quiet)
    score = score_results(records, found)
    figures = {"papers": len(records), "tp": score.tp, "gold": score.gold, "pred": score.pred,
               "p": score.precision, "r": score.recall, "f1": score.f1}
    if as_json:
        click.echo(json.dumps(figures, indent=1))
    else:
        click.echo(" ".join(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}" for k, v in figures.items()))


@cli.command(name="eval-spans")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@_quiet
def eval_spans(gold, as_json, quiet):
    """Extract entities from sentences others annotated with spans and score them as they do.

    \b
    GOLD has one sentence per line, {"text": ..., "spans": [{"start", "end",
    "label"}]}; DATASET (our datasets and benchmarks), METRIC and MODEL spans
    are scored, a prediction matching when one span contains the other.
    Example:
        paperkg eval-spans tests/data/external/tdmsci-train.jsonl
    """
    records = load_spans(gold)
    papers = [Paper("", record["text"]) for record in records]
    found = pipeline.extract(papers, on_warning=_warnings(quiet)[0], progress=progress_bars(quiet))
    _echo_scores(score_spans(records, sentence_mentions(records, found)), "sentences", len(records), as_json)


@cli.command()
@click.argument("name")
@click.argument("outdir", type=click.Path(path_type=Path))
@_quiet
def explain(name, outdir, quiet):
    """Show why an entity is in a built graph: names, type, every sentence and rule behind it.

    \b
    Reads the build in OUTDIR (nothing is extracted again), finds NAME under
    any of its spellings or aliases, and prints, paper by paper, each
    sentence once and each mention in it with its offsets, relations, rules
    and confidences.
    Example:
        paperkg build data/ -o out/
        paperkg explain "LLaVA-1.5" out/
    """
    from .explain import explain as explain_entity
    from .explain import format_explanation

    graph = pipeline.load_graph(outdir)
    click.echo(format_explanation(explain_entity(graph, name), graph))


@cli.command()
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.rq",
              help="Read the query from a file instead of the SPARQL argument.")
@_output_format
@click.option("--allow-update", is_flag=True, help="Open the store writable so INSERT/DELETE updates run.")
@click.option("--allow-service", is_flag=True,
              help="Let SERVICE and LOAD reach other servers and files (refused by default).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT, show_default=True,
              metavar="SECONDS", help="Stop a query that runs longer.")
@_quiet
def query(outdir, sparql, query_file, output_format, allow_update, allow_service, timeout, quiet):
    """Run a SPARQL query on a built graph (OUTDIR/graph.nt), through a store kept in OUTDIR/store.

    \b
    The store is built on the first query and rebuilt when graph.nt changes;
    it is opened read-only unless --allow-update is given. docs/queries/
    holds example queries.
    Example:
        paperkg query out/ "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }"
        paperkg query out/ -f models.rq --output-format csv > models.csv
    """
    if (sparql is None) == (query_file is None):
        raise click.UsageError("give the query either as SPARQL or with -f FILE.rq")
    sparql = read_query_file(query_file) if query_file else sparql
    click.echo(query_folder(outdir, sparql, output_format, allow_update=allow_update, allow_service=allow_service,
                            timeout=timeout))


def main() -> None:
    cli(prog_name="paperkg")
