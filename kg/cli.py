"""The ``paperkg`` command: a thin layer over the library.

Every error a user can fix prints one line (``Error: FILE:LINE: problem``)
and exits with status 2, leaving no partial output behind.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from tqdm import tqdm

from paperkg.exports.tables import generate_csv

from .aliases import load_aliases
from .core.atomic import atomic_write, write_chunks
from .core.errors import EXIT_USAGE, InputError, PaperkgError
from .evaluate import format_table, load_gold, score_records
from .build import ENGINES
from .build import build as build_outputs
from .extract import extract_papers, gold_record
from .explain import explain as explain_entity
from .explain import format_explanation
from .graph import build_graph
from .core.lock import output_lock
from .core.model import Paper
from .query import OUTPUT_FORMATS, query_folder
from .readers import FORMATS, read_papers
from .results import results_frame, score_results
from .stream import build_streamed

__all__ = ["main", "cli"]


class _UserError(click.ClickException):
    exit_code = EXIT_USAGE


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PaperkgError as error:
            raise _UserError(str(error)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="paperkg")
def cli() -> None:
    """Build knowledge graphs of ML papers: models, datasets, benchmarks, metrics, code.

    \b
    Example:
        paperkg build data/ -o out/
    """


_inputs = click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
_format = click.option("--format", "input_format", type=click.Choice(sorted(FORMATS)),
                       help="Input format for every file (default: from each file's extension).")
_strict = click.option("--strict", is_flag=True, help="Treat a bad record as an error instead of skipping it.")
_quiet = click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
_aliases = click.option("--aliases", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
                        callback=lambda ctx, param, value: load_aliases(value) if value else None,
                        help="Alias file: 'canonical = alias | alias' merges names, '!name' blocks one (see README).")
_corpus_pass = click.option("--corpus-pass", is_flag=True,
                            help="Second pass: find names other papers give with a strong cue in every paper.")


def load_inputs(inputs: tuple[Path, ...], input_format: str | None, strict: bool, quiet: bool) -> list[Paper]:
    """Read the inputs, reporting skipped records; no papers at all is an error."""
    problems: list[InputError] = []
    papers = read_papers(inputs, format=input_format, strict=strict, on_warning=problems.append)
    report_problems(problems, quiet)
    if not papers:
        raise InputError(", ".join(map(str, inputs)), "no papers found")
    return papers


def report_problems(problems: list[InputError], quiet: bool) -> None:
    """Print the skipped records' problems and how many there were."""
    for problem in problems if not quiet else ():
        click.echo(f"warning: {problem}", err=True)
    if problems and not quiet:
        click.echo(f"warning: skipped {len(problems)} bad record(s); --strict makes them errors", err=True)


def progress(iterable, *, total: int, quiet: bool, unit: str = "paper"):
    """A progress bar on stderr for interactive runs; silent when piped or ``--quiet``."""
    return tqdm(iterable, total=total, unit=unit, disable=True if quiet else None, file=sys.stderr, leave=False)


def _formats(ctx, param, value: str | None) -> list[str]:
    from paperkg import exports

    if not value:
        return None  # the build's default: every format, or every streamed one
    chosen = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in exports.EXPORTERS]
    if unknown:
        raise click.BadParameter(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(exports.EXPORTERS)}")
    return chosen


@cli.command()
@_inputs
@click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the graph files into (created if missing).")
@click.option("--update", "update_dir", type=click.Path(file_okay=False, path_type=Path), metavar="OUTDIR",
              help="Add the papers of INPUTS that the build in OUTDIR has not seen, and rewrite its files.")
@click.option("--formats", callback=_formats, metavar="LIST",
              help="Comma-separated formats: turtle,jsonld,ntriples,graphml,html,csv (default: all).")
@click.option("--base-iri", default=None, metavar="IRI", help="Base IRI for papers and entities in RDF.")
@click.option("--html-max-nodes", type=click.IntRange(min=1), default=None, metavar="N",
              help="Largest graph the HTML viewer draws whole; above it, the N best-connected nodes (default: 5000).")
@click.option("-w", "--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extraction processes (or Dask workers for a local cluster).")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="Where extraction runs: here, or on Dask (pip install 'paperkg[dask]').")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Dask scheduler of an existing cluster (implies --engine dask).")
@click.option("--stream", is_flag=True,
              help="Flat memory for corpora larger than memory (millions of papers): papers, results and the "
                   "graph pass through disk in batches; writes ntriples and csv.")
@_aliases
@_corpus_pass
@_format
@_strict
@_quiet
def build(inputs, output_dir, update_dir, formats, base_iri, html_max_nodes, workers, engine, scheduler, stream,
          aliases, corpus_pass, input_format, strict, quiet):
    """Build the knowledge graph of the papers and write it in every format.

    \b
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
    export_options = {name: value for name, value in (("base_iri", base_iri), ("max_nodes", html_max_nodes))
                      if value is not None}
    on_warning = None if quiet else lambda problem: click.echo(f"warning: {problem}", err=True)

    def show_progress(items, total):
        return progress(items, total=total, quiet=quiet)

    with output_lock(output_dir):  # a second build into the same folder fails at once, never interleaves
        if stream:
            if update_dir or engine != "local" or scheduler or corpus_pass:
                raise click.UsageError("--stream makes a new build on this machine: no --update, --engine dask, "
                                       "--scheduler or --corpus-pass")
            problems: list[InputError] = []
            try:
                result = build_streamed(inputs, output_dir, formats=formats, export_options=export_options,
                                        workers=workers, input_format=input_format, strict=strict,
                                        on_warning=problems.append, progress=show_progress, aliases=aliases)
            except ValueError as error:
                raise click.UsageError(str(error)) from None
            report_problems(problems, quiet)
        else:
            papers = load_inputs(inputs, input_format, strict, quiet)
            result = build_outputs(
                papers, output_dir, formats=formats, export_options=export_options,
                engine=engine, workers=workers, scheduler=scheduler, update=update_dir is not None, strict=strict,
                on_warning=on_warning, progress=show_progress, aliases=aliases, corpus_pass=corpus_pass)
    if quiet:
        return
    written, summary = result.written, result.summary
    if update_dir:
        click.echo(f"extracted {result.extracted} new paper(s), reused {result.reused}")
    click.echo(f"papers: {summary['papers']}")
    click.echo("entities: " + ", ".join(f"{t} {n}" for t, n in summary["entities"].items()))
    click.echo("edges: " + ", ".join(f"{r} {n}" for r, n in summary["edges"].items()))
    click.echo("top: " + ", ".join(f"{e['name']} ({e['type']}, {e['mentions']})" for e in summary["top"]))
    for name, paths in written.items():
        click.echo(f"{name:>9}: " + ", ".join(map(str, paths)))


@cli.command()
@_inputs
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="JSON Lines file to write, one line per paper.")
@_aliases
@_corpus_pass
@_format
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
    papers = load_inputs(inputs, input_format, strict, quiet)
    found = extract_papers(papers, aliases=aliases, corpus_pass=corpus_pass)
    records = [gold_record(paper) for paper in progress(found, total=len(papers), quiet=quiet)]
    with atomic_write(output) as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if not quiet:
        click.echo(f"{len(records)} papers → {output}")


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold, as_json):
    """Extract entities from the papers of a gold file and score them against it.

    \b
    Prints precision, recall and F1 per type, as GUIDELINES.md defines them.
    Example:
        paperkg eval tests/data/gold-dev.jsonl
    """
    records = load_gold(gold)
    papers = [Paper(r["title"], r.get("abstract", "")) for r in records]
    predicted = [gold_record(found) for found in extract_papers(papers)]
    scores = score_records(records, predicted)
    if as_json:
        table = {name: {"tp": s.tp, "gold": s.gold, "pred": s.pred, "p": s.precision, "r": s.recall, "f1": s.f1}
                 for name, s in scores.items()}
        click.echo(json.dumps({"papers": len(records), "scores": table}, indent=1))
    else:
        click.echo(f"papers: {len(records)}")
        click.echo(format_table(scores))


@cli.command()
@_inputs
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="CSV file to write, one row per result.")
@_aliases
@_format
@_strict
@_quiet
def results(inputs, output, aliases, input_format, strict, quiet):
    """Extract reported results (model, dataset, metric, value, unit, baseline) into a CSV table.

    \b
    Values are numbers; each row also gives the sentence, offsets, rule and confidence.
    Example:
        paperkg results data/ -o results.csv
    """
    papers = load_inputs(inputs, input_format, strict, quiet)
    found = progress(extract_papers(papers, aliases=aliases), total=len(papers), quiet=quiet)
    frame = results_frame(found)
    write_chunks(output, generate_csv(frame))
    if not quiet:
        click.echo(f"{len(frame)} results from {len(papers)} papers → {output}")


@cli.command(name="eval-results")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the score as JSON.")
def eval_results(gold, as_json):
    """Extract results from the papers of a results gold file and score them against it.

    \b
    A result matches when its value (within 1e-6) and unit are equal and its
    metric, model and dataset match the gold's wherever the gold gives them.
    Example:
        paperkg eval-results tests/data/results-dev.jsonl
    """
    records = load_gold(gold)
    score = score_results(records, extract_papers([Paper(r["title"], r.get("abstract", "")) for r in records]))
    figures = {"papers": len(records), "tp": score.tp, "gold": score.gold, "pred": score.pred,
               "p": score.precision, "r": score.recall, "f1": score.f1}
    if as_json:
        click.echo(json.dumps(figures, indent=1))
    else:
        click.echo(" ".join(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}" for k, v in figures.items()))


@cli.command()
@click.argument("name")
@_inputs
@_aliases
@_format
@_strict
@_quiet
def explain(name, inputs, aliases, input_format, strict, quiet):
    """Show why an entity is in the graph: names, type, every sentence and rule behind it.

    \b
    Extracts the INPUT papers afresh (as build would), finds NAME under any
    of its spellings or aliases, and prints each piece of evidence.
    Example:
        paperkg explain "LLaVA-1.5" data/
    """
    papers = load_inputs(inputs, input_format, strict, quiet)
    graph = build_graph(extract_papers(papers, aliases=aliases), aliases=aliases)
    click.echo(format_explanation(explain_entity(graph, name)))


@cli.command()
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.argument("sparql")
@click.option("--format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True,
              help="table for reading; csv or json (SPARQL 1.1 results formats) for other programs.")
@click.option("--allow-update", is_flag=True, help="Open the store writable so INSERT/DELETE updates run.")
def query(outdir, sparql, output_format, allow_update):
    """Run a SPARQL query on a built graph (OUTDIR/graph.nt), through a store kept in OUTDIR/store.

    \b
    The store is built on the first query and rebuilt when graph.nt changes;
    it is opened read-only unless --allow-update is given. The README lists
    example queries.
    Example:
        paperkg query out/ "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }"
        paperkg query out/ "$(cat models.rq)" --format csv > models.csv
    """
    click.echo(query_folder(outdir, sparql, output_format, allow_update=allow_update))


def main() -> None:
    cli(prog_name="paperkg")
