"""The README's promises: one screen for users, CI runs its test command verbatim, every command and snippet runs
and prints what the README shows."""
from __future__ import annotations

import re

import pytest

from .conftest import ROOT
from .snippets import blocks, run_python, run_shell, shell_lines, workspace

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_readme_is_one_screen_for_users():
    assert len(README.splitlines()) <= 200
    for diary in ("FAIL", "PASS", "of mine", "this session", "a hair"):
        assert diary not in README
    image = re.search(r"!\[[^\]]+\]\((docs/img/[^)]+\.png)\)", README)
    assert image and (ROOT / image[1]).stat().st_size > 10_000


def test_ci_runs_exactly_the_readme_test_command():
    ci_command = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    quick_start = _section("Quick start")
    assert ci_command in re.findall(r"```sh\n(.*?)\n```", quick_start.replace("   ", ""), re.DOTALL)


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    """A folder where the quick start's build has run, as a user's checkout after step 1."""
    folder = workspace(tmp_path_factory.mktemp("readme"))
    [build] = shell_lines(blocks(_section("Quick start"))[0].code)
    assert build == "paperkg build data/ -o out/"
    printed = run_shell(build, folder)
    return folder, printed


def _shown_output(section: str, after: int) -> str:
    return [block.code for block in blocks(section) if block.lang == "text"][after]


def test_the_build_prints_what_the_readme_shows(checkout):
    folder, printed = checkout
    shown = _shown_output(_section("What a build prints and writes"), 0).splitlines()
    actual = printed.splitlines()
    assert [line.split(":")[0] for line in shown] == [line.split(":")[0] for line in actual]
    for line in shown:
        if line.startswith("time:"):  # seconds vary from run to run; the steps and their order do not
            shown_steps = [step.split(" ")[0] for step in line.removesuffix(", ...").split(", ")]
            printed_line = next(printed_line for printed_line in actual if printed_line.startswith("time:"))
            assert [step.split(" ")[0] for step in printed_line.split(", ")][:len(shown_steps)] == shown_steps
        else:  # counts too: when extraction changes them, the README shows the new ones
            assert any(a.startswith(line.removesuffix(", ...")) for a in actual), line
    assert (folder / "out" / "graph.html").is_file()


def test_explain_prints_what_the_readme_shows(checkout):
    folder, _ = checkout
    section = _section("What a build prints and writes")
    [command] = shell_lines(next(block.code for block in blocks(section) if block.lang == "sh"))
    shown = _shown_output(section, 1).rstrip("\n").removesuffix("...").rstrip("\n")
    assert run_shell(command, folder).startswith(shown)


def test_python_example_runs_on_the_build(checkout, capsys):
    folder, _ = checkout
    [code] = [block.code for block in blocks(_section("Python")) if block.lang == "python"]
    assert len(code.strip().splitlines()) <= 5
    namespace = run_python(code, folder)
    built = namespace["built"]
    printed = capsys.readouterr().out
    top_model = built.nodes[built.nodes["kind"] == "model"].nlargest(1, "mention_count")["label"].iloc[0]
    assert top_model in printed and len(built.results) > 0 and built.results["title"].notna().all()


def test_spacy_example_runs_and_finds_entities(capsys):
    [code] = [block.code for block in blocks(_section("spaCy")) if block.lang == "python"]
    assert len(code.strip().splitlines()) <= 5
    namespace = run_python(code, ROOT)
    found = [(ent.text, ent.label_, ent._.paperkg_rule, ent._.paperkg_confidence) for ent in namespace["doc"].ents]
    assert ("https://github.com/OliverRensu/FlowAR", "REPO") in [(text, label) for text, label, *_ in found]
    assert ("ImageNet", "DATASET") in [(text, label) for text, label, *_ in found]
    assert all(rule and 0 < confidence <= 1 for *_, rule, confidence in found)
    assert "ImageNet" in capsys.readouterr().out


def test_sparql_example_prints_what_the_readme_shows(checkout):
    folder, _ = checkout
    section = _section("SPARQL")
    [command] = shell_lines(next(block.code for block in blocks(section) if block.lang == "sh"))
    assert run_shell(command, folder) == _shown_output(section, 0)
