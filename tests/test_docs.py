"""docs/ keeps its word: links resolve, options match --help, tables match the schema, every query and snippet runs."""
from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from paperkg.cli import cli
from paperkg.core.schema import NODE_KINDS, RELATIONS
from paperkg.exports.vocab import PREFIXES
from paperkg.query import query_folder

from .conftest import ROOT
from .snippets import blocks, run_python, run_shell, shell_lines, workspace

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
QUERIES = sorted((DOCS / "queries").glob("*.rq"))


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("page", [ROOT / "README.md", ROOT / "CHANGELOG.md", *PAGES], ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_resolves(page):
    text = re.sub(r"```.*?```", "", _text(page), flags=re.DOTALL)
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+://", target):
            continue
        path, _, anchor = target.partition("#")
        resolved = (page.parent / path).resolve() if path else page
        assert resolved.exists(), f"{page.name}: {target} does not exist"
        if anchor and resolved.suffix == ".md":
            prose = re.sub(r"```.*?```", "", _text(resolved), flags=re.DOTALL)
            headings = re.findall(r"^#+ (.*)$", prose, re.MULTILINE)
            assert anchor in {_anchor(h) for h in headings}, f"{page.name}: no heading for #{anchor} in {path}"


def test_the_index_lists_every_page():
    index = _text(DOCS / "README.md")
    for page in PAGES:
        if page.name != "README.md":
            assert f"({page.name})" in index, f"docs/README.md does not link {page.name}"


def _help_options(command: str) -> set[str]:
    return {name for param in cli.commands[command].params if not getattr(param, "hidden", False)
            for name in param.opts if name.startswith("-")} | {"-h", "--help"}


def test_commands_page_lists_exactly_the_options_of_each_command():
    sections = re.split(r"^## paperkg ", _text(DOCS / "commands.md"), flags=re.MULTILINE)[1:]
    documented = {}
    for section in sections:
        command = section.split("\n", 1)[0].strip()
        rows = re.findall(r"^\| (`-.*?) \|", section, re.MULTILINE)
        documented[command] = {name for row in rows for name in re.findall(r"`(--?[\w-]+)", row)}
    assert set(documented) == set(cli.commands)
    for command, options in documented.items():
        assert options == _help_options(command) - {"-h", "--help"}, command


@pytest.mark.parametrize("page", [ROOT / "README.md", *PAGES], ids=lambda p: str(p.relative_to(ROOT)))
def test_every_option_a_page_gives_a_command_is_in_its_help(page):
    for block in blocks(_text(page)):
        if block.lang != "sh":
            continue
        for line in shell_lines(block.code):
            for command_line in re.findall(r"paperkg ([\w-]+)([^|>&]*)", line):
                command, arguments = command_line
                assert command in cli.commands, f"{page.name}: no command {command}"
                for option in re.findall(r"(?<![\w\"'])(--?[a-z][\w-]*)", arguments):
                    assert option in _help_options(command), f"{page.name}: {command} has no {option}"


def _table(page: str, first_header: str) -> list[list[str]]:
    text = _text(DOCS / page)
    table = text.split(f"| {first_header} |", 1)[1].split("\n\n", 1)[0]
    return [[cell.strip() for cell in row.strip().strip("|").split("|")] for row in table.splitlines()[2:]]


def _ticked(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def test_graph_page_tables_agree_with_the_schema():
    kinds = {row[0].strip("`"): row for row in _table("graph.md", "kind")}
    assert list(kinds) == list(NODE_KINDS)
    for name, kind in NODE_KINDS.items():
        _, _, classes, implies, colour = kinds[name]
        assert tuple(_ticked(classes)) == kind.classes and _ticked(colour) == [kind.color]
        assert _ticked(implies) == ([kind.implies] if kind.implies else [])
    relations = {row[0].strip("`"): row for row in _table("graph.md", "relation")}
    assert list(relations) == list(RELATIONS)
    for name, relation in RELATIONS.items():
        assert relations[name][1:] == [f"`{relation.property}`", relation.description]
    prefixes = {row[0].strip("`").rstrip(":"): row[1].strip("`") for row in _table("graph.md", "prefix")}
    assert prefixes == {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def test_every_query_file_is_in_the_cookbook_verbatim():
    cookbook = _text(DOCS / "sparql.md")
    assert QUERIES
    for query in QUERIES:
        assert f"```sparql\n{_text(query)}```" in cookbook, query.name
        assert f"(queries/{query.name})" in cookbook
        assert re.match(r"# [A-Z].*: .+\n", _text(query)), f"{query.name} opens with '# Title: what it answers'"


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_every_query_answers_on_the_sample_build(query, sample_build):
    rows = list(csv.DictReader(io.StringIO(query_folder(sample_build, _text(query), "csv"))))
    assert rows and all(any(value for value in row.values()) for row in rows)


def test_the_rdf_pages_turtle_example_is_what_the_sample_build_writes(sample_build):
    examples = re.findall(r"```turtle\n(.*?)```", _text(DOCS / "rdf.md"), re.S)
    written = _text(sample_build / "graph.ttl")
    assert examples
    for statement in (block for example in examples for block in example.strip().split("\n\n")):
        assert f"\n{statement}\n" in written, statement


def test_query_file_through_the_command(sample_build):
    query = DOCS / "queries" / "most-mentioned-models.rq"
    result = CliRunner().invoke(cli, ["query", str(sample_build), _text(query), "--output-format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.output.rstrip("\n").splitlines()
    assert lines[0] == "model,papers,mentions" and len(lines) == 11


@pytest.fixture(scope="module")
def built_workspace(tmp_path_factory, sample_build):
    def make(page: str) -> Path:
        folder = workspace(tmp_path_factory.mktemp(Path(page).stem))
        shutil.copytree(sample_build, folder / "out")
        return folder

    return make


@pytest.mark.parametrize("page", [page.name for page in PAGES])
def test_every_command_and_snippet_of_the_page_runs(page, built_workspace):
    """Blocks run in page order, the Python ones in one namespace, as a reader following the page would."""
    folder = built_workspace(page)
    namespace: dict = {}
    for block in blocks(_text(DOCS / page)):
        if block.skip or block.lang not in ("sh", "python"):
            continue
        if block.lang == "sh":
            for line in shell_lines(block.code):
                run_shell(line, folder)
        else:
            run_python(block.code, folder, namespace)


def test_python_page_examples_print_what_they_say(built_workspace, capsys):
    folder = built_workspace("python-check")
    [in_pandas, no_files, spacy_pipeline] = [b.code for b in blocks(_text(DOCS / "python.md")) if b.lang == "python"]
    built = run_python(in_pandas, folder)["built"]
    assert set(built.results.columns) >= {"title", "arxiv_id", "model", "metric", "value"}
    graph = run_python(no_files, folder)["graph"]
    assert {"FlowAR", "ImageNet", "VAR"} <= {data["label"] for _, data in graph.nodes(data=True)}
    doc = run_python(spacy_pipeline, folder)["doc"]
    assert ("ImageNet", "DATASET") in [(ent.text, ent.label_) for ent in doc.ents]
    capsys.readouterr()


def test_changelog_has_an_unreleased_section():
    changelog = _text(ROOT / "CHANGELOG.md")
    assert changelog.startswith("# Changelog") and "\n## Unreleased\n" in changelog
