"""tools/gazetteers/build.py: each registry reader on a small wheel built here, and the filters.

The real wheels are never needed: each test writes the few files a reader looks at into an
in-memory zip, in the layout of the package, and checks the names the reader makes of them.
"""
from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "tools" / "gazetteers" / "build.py"
_SPEC = importlib.util.spec_from_file_location("gazetteers_build", _PATH)
build = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(build)

needs_dictionary = pytest.mark.skipif(not build.DICTIONARY.exists(), reason="needs /usr/share/dict/words")


def _wheel(files: dict[str, str]) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


_CNN_MODULE = '''"""Cnn Dailymail dataset."""

_DESCRIPTION = """\\
CNN/DailyMail non-anonymized summarization dataset.
"""

_CITATION = """\\
@article{see2017,
  author    = {Abigail See and Peter J. Liu},
  title     = {Get To The Point: Summarization with Pointer-Generator Networks},
}
"""

class CnnDailymail(tfds.core.GeneratorBasedBuilder):
  """Cnn Dailymail: the class docstring is a template, no spelling."""
'''

_GLUE_MODULE = '''"""The General Language Understanding Evaluation (GLUE) benchmark."""

_GLUE_DESCRIPTION = """\\
GLUE, the General Language Understanding Evaluation benchmark is a collection of resources.
"""

BUILDER_CONFIGS = [
    GlueConfig(name="sst2", description="The Stanford Sentiment Treebank (SST-2) of movie reviews."),
    GlueConfig(name="bangla", description="Sentences in Bangla, a language, not a dataset."),
]
'''


@needs_dictionary
def test_tfds_names_are_spelled_by_the_builders_prose_not_their_ids():
    archive = _wheel({
        # Newer layout: a folder per builder, with README and citations.
        "tensorflow_datasets/datasets/squad/README.md": "Stanford Question Answering Dataset (SQuAD) is a reading "
                                                         "comprehension dataset. See squad/ for SQuAD files.\n",
        "tensorflow_datasets/datasets/squad/CITATIONS.bib": '@article{r, title = "{SQuAD: 100,000+ Questions}",}\n',
        "tensorflow_datasets/datasets/squad/squad_dataset_builder.py": '"""SQUAD: a docstring."""\n',
        # A builder whose prose never spells its id with a capital: no name.
        "tensorflow_datasets/datasets/foo_bar/README.md": "data at http://x/foo_bar and foobar.\n",
        # Older layout: one module per builder, with _DESCRIPTION and _CITATION.
        "tensorflow_datasets/summarization/cnn_dailymail.py": _CNN_MODULE,
        "tensorflow_datasets/text/glue.py": _GLUE_MODULE,
        "tensorflow_datasets/text/glue_test.py": '_DESCRIPTION = "MRPC is in a test, not a builder."\n',
        "tensorflow_datasets/core/registered.py": '_DESCRIPTION = "Core code names no data: Registered."\n',
    })
    assert sorted(build.tfds_datasets(archive)) == ["CNN/DailyMail", "SQuAD", "SST-2"]
    # GLUE's own prose calls it a benchmark in its first sentence; its configs stay data.
    assert list(build.tfds_benchmarks(archive)) == ["GLUE"]


def test_spellings_join_the_words_of_one_name_and_skip_lower_case_ids():
    text = "WMT'14 and WMT 14 data (wmt14); CNN / Daily Mail."
    assert build.spellings("wmt14", text) == ["WMT'14", "WMT 14"]
    assert build.spellings("cnndailymail", text) == ["CNN / Daily Mail"]
    assert build.spellings("squad", "squad_v2 and squad") == []


_MTEB_TASKS = '''
class SciFact(AbsTaskRetrieval):
    metadata = TaskMetadata(
        name="SciFact",
        dataset={"path": "mteb/scifact"},
        description="SciFact verifies scientific claims using evidence from the research literature.",
        bibtex_citation=r"""@inproceedings{w, title = {Fact or Fiction: Verifying Scientific Claims},}""",
    )


class TRECCOVID(AbsTaskRetrieval):
    metadata = TaskMetadata(
        name="TRECCOVID",
        description="TREC-COVID is an ad hoc search challenge based on the CORD-19 dataset.",
    )


class SciFactPL(AbsTaskRetrieval):
    metadata = TaskMetadata(
        name="SciFact-PL",
        description="SciFact-PL, SciFact translated to Polish.",
    )


class SciFactRetrieval(AbsTaskRetrieval):
    metadata = TaskMetadata(
        name="SciFactRetrieval",
        description="SciFactRetrieval: the task's kind written onto the name.",
    )


class Internal(AbsTaskClassification):
    metadata = TaskMetadata(
        name="AROCocoOrder",
        description="An id its description never writes.",
    )
'''

_MTEB_BENCHMARKS = '''
MTEB_ENG = Benchmark(
    name="MTEB(eng, v2)",
    tasks=get_tasks(),
)
BEIR = Benchmark(name="BEIR", tasks=get_tasks())
BRIGHT_LONG = Benchmark(name="BRIGHT (long)", tasks=get_tasks())
'''


@needs_dictionary
def test_mteb_tasks_are_the_names_their_descriptions_write():
    archive = _wheel({
        "mteb/tasks/retrieval/eng/scifact.py": _MTEB_TASKS,
        "mteb/benchmarks/benchmarks/benchmarks.py": _MTEB_BENCHMARKS,
        "mteb/models/model_implementations/foo.py": 'TaskMetadata(name="NotATask", description="NotATask")',
    })
    # The description's spelling ("TREC-COVID"), never a language variant or a task-kind label.
    assert list(build.mteb_tasks(archive)) == ["SciFact", "TREC-COVID"]
    # Suites, without the version or subset in brackets.
    assert list(build.mteb_benchmarks(archive)) == ["MTEB", "BEIR", "BRIGHT"]


def _lighteval_task(name: str, abstract: str) -> str:
    return f'"""\nname:\n{name}\n\ndataset:\nowner/data\n\nabstract:\n{abstract}\n\nlanguages:\nenglish\n"""\n\nimport x\n'


@needs_dictionary
def test_lighteval_tasks_are_spelled_by_their_abstracts():
    archive = _wheel({
        "lighteval/tasks/tasks/agieval.py": _lighteval_task("Agieval", "AGIEval is a human-centric benchmark."),
        "lighteval/tasks/tasks/gsm_plus.py": _lighteval_task("Gsm Plus", "GSM-Plus is an adversarial GSM8K."),
        # An abstract generated from the name is no evidence of how the name is written.
        "lighteval/tasks/multilingual/tasks/cmmlu.py": _lighteval_task("Cmmlu", "Cmmlu multilingual benchmark."),
        # Words written together are the task's id, not a name.
        "lighteval/tasks/tasks/civil.py": _lighteval_task("Civil Comments", "The CivilComments benchmark."),
        "lighteval/tasks/tasks/ifeval/main.py": _lighteval_task("IFEval", "IFEval tests instruction following."),
        "lighteval/metrics/metrics.py": _lighteval_task("Exact Match", "Exact Match compares strings."),
    })
    assert list(build.lighteval_tasks(archive)) == ["AGIEval", "GSM-Plus", "IFEval"]


@needs_dictionary
def test_lmms_eval_tasks_are_spelled_by_their_files_and_repositories():
    archive = _wheel({
        # The config's Hugging Face repository spells the folder's id.
        "lmms_eval/tasks/mathvista/mathvista_test.yaml": "dataset_path: AI4Math/MathVista\ntask: mathvista_test\n",
        "lmms_eval/tasks/seedbench_2_plus/README.md": "# SEED-Bench-2-Plus\nText-rich visual comprehension.\n",
        # Nothing writes the id with a capital; a task described in words; a helper folder.
        "lmms_eval/tasks/gigaspeech/utils.py": "def gigaspeech_doc_to_text(doc): return doc['text']\n",
        "lmms_eval/tasks/refcoco_grounding/README.md": "RefCOCO grounding with boxes.\n",
        "lmms_eval/tasks/_task_utils/README.md": "Task Utils shared by tasks.\n",
    })
    assert sorted(build.lmms_eval_tasks(archive)) == ["MathVista", "SEED-Bench-2-Plus"]


@needs_dictionary
def test_nltk_corpora_are_spelled_by_their_readers_and_the_corpus_howto():
    archive = _wheel({
        "nltk/corpus/__init__.py": (
            'framenet = LazyCorpusLoader(\n    "framenet_v17",\n    FramenetCorpusReader,\n    ["frameIndex.xml"],\n)\n'
            'propbank = LazyCorpusLoader("propbank", PropbankCorpusReader, "prop.txt")\n'
            # An id no prose writes with a capital; the package's own module spells nothing.
            'abc = LazyCorpusLoader("abc", PlaintextCorpusReader, r"(?!\\.).*\\.txt")\n'),
        "nltk/corpus/europarl_raw.py": ('# Natural Language Toolkit: Europarl Corpus Readers\n'
                                        'danish = LazyCorpusLoader("europarl_raw/danish", EuroparlCorpusReader, "x")\n'),
        "nltk/corpus/reader/framenet.py": '"""Corpus reader for the FrameNet 1.7 lexicon and corpus."""\n'
                                          "class FramenetCorpusReader(XMLCorpusReader):\n    pass\n",
        "nltk/corpus/reader/plaintext.py": "class PlaintextCorpusReader(CorpusReader):\n    pass\n",
        "nltk/test/corpus.doctest": "The PropBank corpus annotates the Penn Treebank; see the abc corpus.\n",
    })
    assert sorted(build.nltk_corpora(archive)) == ["Europarl", "FrameNet", "PropBank"]


@needs_dictionary
def test_prose_names_that_are_english_phrases_are_case_sensitive_or_dropped():
    english = build._dictionary()
    # "summarization" and "newsroom" are not in the dictionary, but are English for names read from prose.
    assert build.entry("Summarization", english, prose=True) is None
    assert build.entry("Newsroom", english, prose=True) is None
    assert build.entry("MovieLens", english, prose=True) == "=MovieLens"
    assert build.entry("Universal Dependencies", english, prose=True) == "=Universal Dependencies"
    assert build.entry("Universal Dependencies", english) is None  # a class's words stay dropped
    # Hyphens join a phrase's words too: as a name, only in its capitals.
    assert build.entry("Schema-Guided Dialogue", english, prose=True) == "=Schema-Guided Dialogue"
    assert build.entry("Reddit", english, prose=True) is None
    assert build.entry("ArguAna", english, prose=True) == "ArguAna"


@needs_dictionary
def test_two_english_words_are_a_name_only_where_the_prose_defines_them():
    defined = ["Universal Dependencies (UD) is a framework for treebanks."]
    assert build._best_spelling("universaldependencies", defined) == "Universal Dependencies"
    assert build._best_spelling("smartbuildings", ["Smart Buildings data from offices."]) is None


@needs_dictionary
def test_build_gives_a_name_one_type_and_keeps_the_hand_lists(tmp_path, monkeypatch):
    wheels = {
        "lm_eval-1.0-py3-none-any.whl": {"lm_eval/tasks/hellaswag/README.md": "# HellaSwag\n"},
        "tensorflow_datasets-1.0-py3-none-any.whl": {
            "tensorflow_datasets/datasets/hellaswag/README.md": "HellaSwag: commonsense completions.\n",
            "tensorflow_datasets/datasets/gpt3/README.md": "Arithmetic tasks from the GPT3 paper.\n",
            "tensorflow_datasets/datasets/movielens/README.md": "MovieLens ratings.\n",
            "tensorflow_datasets/datasets/scan/README.md": "SCAN: compositional navigation commands.\n",
        },
    }
    for name, files in wheels.items():
        project = name.split("-")[0].replace("_", "-")
        metadata = f"Name: {project}\nVersion: 1.0\nLicense-Expression: MIT\n"
        files = {**files, f"{name.split('-')[0]}-1.0.dist-info/METADATA": metadata}
        with zipfile.ZipFile(tmp_path / name, "w") as archive:
            for path, text in files.items():
                archive.writestr(path, text)
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "models.txt").write_text("GPT-3\n", encoding="utf-8")
    monkeypatch.setattr(build, "GAZETTEERS", lists)
    monkeypatch.setattr(build, "SOURCES", (
        ("benchmarks", "lm-eval", build.lm_eval_tasks),
        ("datasets", "tensorflow-datasets", build.tfds_datasets),
    ))
    files = build.build(tmp_path)
    entries = {kind: [line for line in lines if not line.startswith("#")] for kind, lines in files.items()}
    # HellaSwag stays the benchmark lm-eval lists; "GPT3" is the hand list's model GPT-3, not data;
    # "SCAN", a word in capitals, is an acronym too many projects coin to type as data.
    assert entries == {"benchmarks": ["HellaSwag  # lm-eval"], "datasets": ["=MovieLens  # tensorflow-datasets"]}
    assert "# source: tensorflow-datasets 1.0 (licence: MIT), tfds_datasets" in files["datasets"]
