"""Options pasted into outputs (issue #17): an invalid --base-iri is one line, exit 2, and nothing is written."""
from __future__ import annotations

import pytest
import rdflib
from click.testing import CliRunner

from paperkg.cli import cli

from .conftest import DATA

PAGE = DATA / "000_d19c32d15f532ca7.txt"


@pytest.mark.parametrize(("base_iri", "why"), [
    ('http://x/> <http://evil/p> "INJECTED" .\n<http://x/', "must not contain '>'"),
    ("http://x/ y", "must not contain ' '"),
    ("http://x/>", "must not contain '>'"),
    ("http://x/{a}/", "must not contain '{'"),
    ("http://x/\n", "must not contain '\\n'"),
    ("", "is empty"),
    ("relative/", "must be absolute"),
    ("http://x", "must end with '/' or '#'"),
    ("http:///kg/", "no host"),
    ("http://x/\u202e/", "must not contain '\\u202e'"),
    ("model:kg/", "scheme named like one of paperkg's prefixes (model:)"),
    ("pkg:kg/", "scheme named like one of paperkg's prefixes (pkg:)"),
])
def test_an_invalid_base_iri_is_one_line_and_writes_nothing(tmp_path, base_iri, why):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(PAGE), "-o", str(out), "--formats", "ntriples", "-q",
                                      "--base-iri", base_iri])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    [line] = result.output.splitlines()
    assert line.startswith("Error: base IRI '") and why in line, line
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("base_iri", ["https://example.org/kg/", "http://example.org/kg#", "urn:example:kg/",
                                      "https://example.org/k%C3%A9/"])
def test_a_valid_base_iri_prefixes_every_node(tmp_path, base_iri):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(PAGE), "-o", str(out), "--formats", "ntriples,turtle,jsonld",
                                      "-q", "--base-iri", base_iri])
    assert result.exit_code == 0, result.output
    subjects = {line.split(" ", 1)[0] for line in (out / "graph.nt").read_text(encoding="utf-8").splitlines()}
    assert subjects and all(subject.startswith(f"<{base_iri}") or subject.startswith("_:") for subject in subjects)
    # Turtle and JSON-LD name the same IRIs through prefixes made from the base: read back, the same triples.
    named = [{triple for triple in rdflib.Graph().parse(out / file, format=syntax)
              if not any(isinstance(term, rdflib.BNode) for term in triple)}
             for file, syntax in (("graph.nt", "nt"), ("graph.ttl", "turtle"), ("graph.jsonld", "json-ld"))]
    assert named[0] and named[0] == named[1] == named[2]
