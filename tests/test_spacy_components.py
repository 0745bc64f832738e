"""paperkg's components as spaCy components: found by name, saved and loaded, polite to other components."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import spacy

from paperkg import extractors
from paperkg.core.model import Paper
from paperkg.readers import iter_papers

DATA = Path(__file__).resolve().parent.parent / "data"
TITLE = "Neighboring Autoregressive Modeling for Efficient Visual Generation"


def _paper_text() -> str:
    """A real abstract from the sample corpus that names entities of every type."""
    return next(paper for paper in iter_papers([DATA]) if paper.title == TITLE).text


def _run_fresh(script: str, *args: str) -> str:
    """Run ``script`` in a new interpreter; fail the test if it imports paperkg by itself."""
    script = "import sys\n" + textwrap.dedent(script)
    imported = {alias.name for node in ast.walk(ast.parse(script)) if isinstance(node, (ast.Import, ast.ImportFrom))
                for alias in node.names} | {node.module for node in ast.walk(ast.parse(script))
                                            if isinstance(node, ast.ImportFrom)}
    assert not any(name.startswith("paperkg") for name in imported), "the script must reach paperkg through spaCy only"
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _entities(doc) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e._.paperkg_rule) for e in doc.ents]


def test_a_saved_pipeline_loads_in_a_fresh_process_without_importing_paperkg(tmp_path):
    nlp = extractors.make_pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    text = _paper_text()
    expected = _entities(nlp(text))
    assert {label for _, label, _ in expected} == set(extractors.LABELS)
    (tmp_path / "text.txt").write_text(text, encoding="utf-8")
    found = _run_fresh(
        """
        import json, spacy
        nlp = spacy.load(sys.argv[1])
        doc = nlp(open(sys.argv[2], encoding="utf-8").read())
        print(json.dumps({"ents": [(e.text, e.label_, e._.paperkg_rule) for e in doc.ents],
                          "pipeline": nlp.pipe_names,
                          "tokens": [t.text for t in nlp.tokenizer("We propose MuE. It beats ViT.")]}))
        """,
        str(tmp_path / "pipeline"),
        str(tmp_path / "text.txt"),
    )
    loaded = json.loads(found)
    assert [tuple(e) for e in loaded["ents"]] == expected
    assert loaded["pipeline"] == ["paperkg_sentencizer", *extractors.PIPELINE]
    # The loaded tokenizer keeps paperkg's rule that a full stop after a capital ends the sentence.
    assert loaded["tokens"][-3:] == ["beats", "ViT", "."]


def test_components_are_added_by_name_without_importing_paperkg():
    found = _run_fresh(
        """
        import json, spacy
        nlp = spacy.blank("en")
        nlp.add_pipe("paperkg_model")
        nlp.add_pipe("paperkg_span_resolver")
        doc = nlp("We fine-tune LLaMA-2 and compare it with GPT-4.")
        print(json.dumps([(e.text, e.label_) for e in doc.ents]))
        """
    )
    assert json.loads(found) == [["LLaMA-2", "MODEL"], ["GPT-4", "MODEL"]]


def test_every_component_declares_what_it_assigns_and_nothing_is_missing():
    nlp = extractors.make_pipeline()
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    for name in nlp.pipe_names:
        assert nlp.get_pipe_meta(name).assigns, name
    assert "span._.paperkg_long_form" in nlp.get_pipe_meta("paperkg_abbreviations").assigns


def test_entities_set_earlier_are_kept_unless_overwrite_ents():
    text = "We fine-tune LLaMA-2 on COCO and ImageNet."

    def entities(overwrite: bool) -> list[tuple[str, str]]:
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": "ORG", "pattern": "COCO"}])
        for factory in extractors.PIPELINE:
            nlp.add_pipe(factory, config={"overwrite_ents": overwrite} if factory == "paperkg_span_resolver" else {})
        return [(e.text, e.label_) for e in nlp(text).ents]

    assert entities(False) == [("LLaMA-2", "MODEL"), ("COCO", "ORG"), ("ImageNet", "DATASET")]
    assert entities(True) == [("LLaMA-2", "MODEL"), ("COCO", "DATASET"), ("ImageNet", "DATASET")]


def test_span_evidence_goes_through_the_extension_api():
    nlp = extractors.make_pipeline()
    doc = nlp(Paper("X", "Code: https://github.com/yuweihao/MambaOut").text)
    (repo,) = doc.ents
    assert (repo._.paperkg_rule, repo._.paperkg_canonical) == ("paperkg_repo:url", "github.com/yuweihao/MambaOut")
    repo._.paperkg_confidence = 0.5  # a later component may revise it, through the same API
    assert doc.ents[0]._.paperkg_confidence == 0.5
    assert not any(key[:1] == ("._.",) and key[1].startswith("paperkg_rule") for key in doc.user_data)
