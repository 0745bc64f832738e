"""Generate gazetteer files from the field's own registries: names that maintained packages list.

Reads the wheels of a few packages as zip files (never imports or installs them):

* ``transformers``: the model families of ``transformers/models/<family>/configuration_*.py``
  (the docstring's display name, "LLaMA model configuration", else the config class's name);
* ``timm``: the architecture class named after each ``timm/models/<family>.py`` (``ConvNeXt``);
* ``torchvision``: model classes of ``torchvision/models`` and dataset classes of
  ``torchvision.datasets.__all__``;
* ``lm-eval``: the title of each task's ``README.md`` (``# HellaSwag``): benchmarks;
* ``lighteval``: each task module's ``name:``, as the module's ``abstract:`` spells it
  (``name: Agieval`` is "AGIEval"): benchmarks, since lighteval's tasks exist to rank models;
* ``lmms-eval``: each task folder's id as the task's files and its Hugging Face repository spell it
  (``mathvista`` is "MathVista"): benchmarks, the sets multimodal models are ranked on;
* ``mteb``: the suites of ``mteb/benchmarks/benchmarks`` (``BEIR``, ``MTEB(eng, v2)`` as "MTEB") and
  each task's ``TaskMetadata(name=...)`` as its description or its paper's title writes it
  (``TRECCOVID`` is "TREC-COVID"). MTEB's tasks are evaluation sets that exist to rank embedding
  models, so they are *benchmarks* (the guidelines' "exists mainly to rank systems"); the abstracts
  that train on one (NFCorpus, SciFact) are told apart by the extractor's cue nouns, and scoring's
  lenient figure counts the two types as one. A task name the description never writes is MTEB's own
  id ("AROCocoOrder"), and one ending in its kind, language or version ("SciFactRetrieval",
  "NQ-PL", "STS17.v2") is MTEB's label of a variant: neither is kept;
* ``tensorflow-datasets``: each builder (``datasets/<id>/`` or ``<category>/<id>.py``) and
  builder config, as the builder's own prose spells its id: the README, the citations' titles, the
  ``_DESCRIPTION`` and ``description=`` strings (``cnn_dailymail`` is "CNN/DailyMail", GLUE's config
  ``sst2`` "SST-2"). Docstrings are templates of the id ("Pneumonia Mnist dataset."), so they do
  not count, and an id no prose writes with a capital is dropped rather than written as an id.
  Datasets, or benchmarks when the description's first sentence calls the data one ("GLUE ... benchmark");
* ``torchmetrics``: metric classes of ``torchmetrics.__all__``, written as words
  (``WordErrorRate`` -> "word error rate");
* ``nltk``: the corpora NLTK reads (each ``LazyCorpusLoader`` id of ``nltk/corpus``), as the reader's
  module and NLTK's corpus how-to (``nltk/test/corpus.doctest``) spell the id (``framenet_v17`` is
  "FrameNet", ``europarl_raw`` "Europarl"): the classic corpora and lexicons of NLP papers.

(HF ``evaluate`` holds no metric in its wheel, only the code that loads them from the Hub.)

Each name is filtered: no name shorter than three characters, no three-character name without
a digit or mixed case, no name with fewer than two letters (a year, a size), nothing the hand-made
lists or the stoplist already hold, and a name that is an English word (``/usr/share/dict/words``,
Debian's ``wamerican``) is kept only as a case-sensitive entry (``=Falcon``), or dropped when its only
spelling is lower case. Names read from prose count derived words and compounds as English too
("Summarization", "Newsroom", "MovieLens" -> ``=MovieLens``); several capitalised English words are a
case-sensitive name (``=Universal Dependencies``), two of them only when the prose defines an
abbreviation for them ("Smart Buildings" stays a phrase). A name has one kind: a name of another
type in a hand list ("GPT3" is the model GPT-3) or in an earlier source (``SOURCES`` is in order of
trust) is not added; dataset and benchmark are one kind to the hand lists.
The files ``extractors/gazetteers/<type>.registry.txt`` say in their header which package,
version and licence each source is, and each entry names its source. These packages are never
runtime dependencies: run this by hand when refreshing the lists, then commit the files::

    mkdir -p /tmp/wheels && cd /tmp/wheels
    for p in transformers timm torchvision lm-eval torchmetrics lighteval lmms-eval mteb tensorflow-datasets nltk; do
        pip download --no-deps $p
    done
    python tools/gazetteers/build.py /tmp/wheels
"""
from __future__ import annotations

import argparse
import re
import sys
import zipfile
from collections.abc import Iterator, Set
from functools import lru_cache
from email.parser import Parser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GAZETTEERS = ROOT / "extractors" / "gazetteers"
DICTIONARY = Path("/usr/share/dict/words")

# Class and family names that name a kind of thing, not one (torchvision's ImageFolder, timm's helpers).
_NOT_NAMES = frozenset(
    "ImageFolder DatasetFolder FakeData VisionDataset LSUNClass SBDataset Metric MetricCollection MetricTracker "
    "BootStrapper ClasswiseWrapper MultioutputWrapper MultitaskWrapper CatMetric MaxMetric MinMetric MeanMetric "
    "SumMetric MinMaxMetric RunningMean RunningSum StatScores ConfusionMatrix Auto "
    # A website named as where data comes from ("posts from Reddit"); TFDS itself; an acronym that
    # neuroscience papers use for the fMRI signal ("BOLD responses"), not lighteval's bias dataset.
    # NLTK's table of language tags (BCP-47), a standard it ships as data.
    "Reddit TFDS BOLD BCP-47".split()
)
# Last words (or word endings) of a class that names a part or a task of a thing, not the thing.
_PART_SUFFIX = re.compile(
    r"(?:Text|Vision|Audio|Video|Encoder|Decoder|Tokenizer|Head|Block|Layer|Attention|Aux|Model|Config|"
    r"Classification|Detection|Segmentation|Captions|Stereo|Flow|Pairs|People|Leaderboard|Light|evaluations|"
    r"[Dd]atasets?|[Bb]enchmark|Bias|Task-name|Inception[A-E]|"
    # A builder's variant of its data, written onto the name ("Imagenet2012Corrupted", "MNISTCorrupted").
    r"Corrupted|Subset|Fewshot|Subtypes)$"
)
# Last words of a torchmetrics class that make it a measure results are reported in.
_MEASURE_HEADS = frozenset(
    "score rate ratio distance error index similarity divergence coefficient quality precision recall "
    "accuracy match kappa correlation".split()
)
_CAMEL_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z]|\d|$)|[A-Z]?[a-z]+|\d+")
_CONFIG_DOC = re.compile(r'^"""(?P<name>[^"\n]{2,40}?) model configuration', re.MULTILINE)
_CONFIG_CLASS = re.compile(r"^class (?P<name>\w+?)Config\(", re.MULTILINE)


def wheel(folder: Path, project: str) -> zipfile.ZipFile:
    """The one wheel of ``project`` in ``folder``."""
    found = sorted(folder.glob(project.replace("-", "_") + "-*.whl"))
    if not found:
        sys.exit(f"Error: no wheel of {project} in {folder} (pip download --no-deps {project})")
    return zipfile.ZipFile(found[-1])


def provenance(archive: zipfile.ZipFile) -> tuple[str, str, str]:
    """``(name, version, licence)`` from the wheel's METADATA."""
    metadata_path = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    metadata = Parser().parsestr(archive.read(metadata_path).decode("utf-8", "replace"))
    licence = metadata.get("License-Expression") or metadata.get("License") or ""
    if not licence or len(licence) > 40:
        licence = next((c.split("::")[-1].strip() for c in metadata.get_all("Classifier") or []
                        if c.startswith("License ::")), licence[:40])
    return metadata["Name"], metadata["Version"], licence


def transformers_models(archive: zipfile.ZipFile) -> Iterator[str]:
    for path in sorted(archive.namelist()):
        family = re.fullmatch(r"transformers/models/(\w+)/configuration_\w+\.py", path)
        if not family:
            continue
        source = archive.read(path).decode("utf-8", "replace")
        # The family's own config class (LlamaConfig in llama/), not its parts' (Aimv2VisionConfig).
        key = family[1].replace("_", "")
        own = [m for m in _CONFIG_CLASS.finditer(source) if m["name"].lower() == key]
        found = _CONFIG_DOC.search(source) or (own[0] if own else None)
        if found:
            yield re.sub(r"\s*\(.*?\)", "", found["name"]).strip()


def timm_models(archive: zipfile.ZipFile) -> Iterator[str]:
    for path in sorted(archive.namelist()):
        family = re.fullmatch(r"timm/models/([a-z][a-z0-9_]*)\.py", path)
        if not family:
            continue
        source = archive.read(path).decode("utf-8", "replace")
        key = family[1].replace("_", "")
        yield from (name for name in re.findall(r"^class (\w+)\(", source, re.MULTILINE) if name.lower() == key)


def torchvision_models(archive: zipfile.ZipFile) -> Iterator[str]:
    for path in sorted(archive.namelist()):
        family = re.fullmatch(r"torchvision/models/([a-z][a-z0-9_]*)\.py", path)
        if family:
            source = archive.read(path).decode("utf-8", "replace")
            key = family[1].replace("_", "")
            yield from (name for name in re.findall(r"^class (\w+)\(nn\.Module\)", source, re.MULTILINE)
                        if name.lower().startswith(key[:4]))


def _all_names(archive: zipfile.ZipFile, path: str) -> list[str]:
    source = archive.read(path).decode("utf-8", "replace")
    return re.findall(r'"([A-Za-z]\w+)"', source[source.find("__all__"):])


def torchvision_datasets(archive: zipfile.ZipFile) -> Iterator[str]:
    yield from (name for name in _all_names(archive, "torchvision/datasets/__init__.py") if name[0].isupper())


def lm_eval_tasks(archive: zipfile.ZipFile) -> Iterator[str]:
    for path in sorted(archive.namelist()):
        if re.fullmatch(r"lm_eval/tasks/[^/]+/README\.md", path):
            for line in archive.read(path).decode("utf-8", "replace").splitlines():
                if line.startswith("# "):
                    title = line[2:].strip().strip("`*")
                    # "# MMLU", "# HellaSwag"; not a sentence ("# Task-name", "# Multilingual ARC").
                    if re.fullmatch(r"[\w.+-]+(?: [\w.+-]+){0,2}", title):
                        yield title
                    break


def torchmetrics_measures(archive: zipfile.ZipFile) -> Iterator[str]:
    for name in _all_names(archive, "torchmetrics/__init__.py"):
        parts = _CAMEL_PART.findall(name.replace("CorrCoef", "CorrelationCoefficient"))
        words: list[str] = []
        for part in parts:  # a number belongs to the word before it: F1Score is "F1 score"
            if part.isdigit() and words:
                words[-1] += part
            else:
                words.append(part if part.isupper() and len(part) > 1 else part.lower())
        if len(words) >= 2 and words[-1].lower() in _MEASURE_HEADS and words[0].lower() != "retrieval":
            yield " ".join(words)


_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z0-9]+)?")
# What may stand between the words of one name: "CNN/DailyMail", "CNN / Daily Mail", "SST-2", "WMT 14".
_WORD_GAP = re.compile(r" ?[-/] ?| ")


def _key(name: str) -> str:
    """A name without case, spaces or punctuation: the form ids and spellings are compared in."""
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def spellings(key: str, text: str) -> list[str]:
    """How ``text`` writes the name whose :func:`_key` is ``key``: runs of words with a capital.

    A registry's id (``cnn_dailymail``, ``squad``) is no spelling; its documentation writes the
    name as people do. Runs in lower case only are code or paths, not names.

    Examples
    --------
    >>> spellings("cnndailymail", "CNN/DailyMail non-anonymized data, see cnn_dailymail.")
    ['CNN/DailyMail']
    >>> spellings("wmt14", "WMT'14 and WMT 14, or wmt14"), spellings("squad", "SQuAD: questions; squad")
    (["WMT'14", 'WMT 14'], ['SQuAD'])
    """
    found = []
    words = list(_WORD.finditer(text))
    for i, first in enumerate(words):
        joined = _key(first.group())
        if not key.startswith(joined) or not joined:
            continue
        j = i
        while joined != key and j + 1 < len(words) and _WORD_GAP.fullmatch(text, words[j].end(), words[j + 1].start()):
            j += 1
            joined += _key(words[j].group())
            if not key.startswith(joined):
                break
        spelling = text[first.start() : words[j].end()]
        if joined == key and any(c.isupper() for c in spelling):
            found.append(spelling)
    return found


def _best_spelling(key: str, texts: list[str]) -> str | None:
    """The spelling of ``key`` the texts use most (the first of equals), if any."""
    counts: dict[str, int] = {}
    for text in texts:
        for spelling in spellings(key, text):
            counts[spelling] = counts.get(spelling, 0) + 1
    if not counts:
        return None
    best = max(counts, key=counts.get)  # max keeps the first of equal counts
    # Two capitalised English words may be a phrase in a title ("Smart Buildings"): a name only when
    # its prose defines an abbreviation for it, "Universal Dependencies (UD)".
    words = best.split()
    if len(words) == 2 and all(w.istitle() and w.isalpha() and w.casefold() in _dictionary() for w in words):
        defined = re.compile(re.escape(best) + r"\s*\([A-Z][A-Za-z0-9-]*\)")
        if not any(defined.search(text) for text in texts):
            return None
    return best


# Trailing parts of a TFDS builder id that name its packaging, not the data ("imdb_reviews" is IMDB's).
_TFDS_PACKAGING = re.compile(r"(?:_(?:dataset|subset|translate|small|cropped|reviews|full|wiki|builder))+$")
_TFDS_CATEGORY = re.compile(r"tensorflow_datasets/([a-z_0-9]+)/([a-z][a-z0-9_]*)\.py")
_TFDS_FOLDER = re.compile(r"tensorflow_datasets/datasets/([a-z][a-z0-9_]*)/(?:README\.md|CITATIONS\.bib|\1_dataset_builder\.py)")
_BIB_TITLE = re.compile(r"^\s*title\s*=\s*[{\"](.+?)[}\"]?,?\s*$", re.MULTILINE | re.IGNORECASE)
_CONFIG_NAMES = re.compile(r"""\bname\s*=\s*["']([a-z][a-z0-9_]{2,30})["']""")


# Prose assigned in a builder's code: ``_DESCRIPTION = """..."""``, ``description="..."``, ``_CITATION``.
_PY_PROSE = re.compile(
    r'(?:\b_?[A-Z_]*(?:DESCRIPTION|CITATION)[A-Z_]*|\bdescription)\s*=\s*(?:textwrap\.dedent\()?\s*'
    r'(?:"""\\?(.*?)"""|"((?:[^"\\\n]|\\.)*)")',
    re.DOTALL,
)


def _tfds_texts(archive: zipfile.ZipFile) -> dict[str, tuple[list[str], list[str]]]:
    """The prose about each TFDS builder (README, citation titles, descriptions) and its config names.

    Two layouts hold builders: ``datasets/<id>/`` (README, CITATIONS.bib, ``<id>_dataset_builder.py``)
    and the older ``<category>/<id>.py``. Docstrings are not prose here: they are templates
    filled with the id ("Pneumonia Mnist dataset.") or deprecation notes naming the class.
    """
    texts: dict[str, tuple[list[str], list[str]]] = {}
    for path in sorted(archive.namelist()):
        folder = _TFDS_FOLDER.fullmatch(path)
        module = _TFDS_CATEGORY.fullmatch(path)
        if folder:
            builder = folder[1]
        elif module and module[1] not in {"core", "testing", "scripts", "proto", "datasets"} and not (
            module[2].endswith(("_test", "_utils")) or module[2].startswith("_")
        ):
            builder = module[2]
        else:
            continue
        prose, configs = texts.setdefault(builder, ([], []))
        source = archive.read(path).decode("utf-8", "replace")
        if path.endswith(".py"):
            configs += _CONFIG_NAMES.findall(source)
            for long, short in _PY_PROSE.findall(source):
                text = long or short
                prose.append(_citation_titles(text) if "@" in text else text)
        else:
            prose.append(_citation_titles(source) if path.endswith(".bib") else source)
    return texts


def _citation_titles(bibtex: str) -> str:
    """The titles of a BibTeX text, without its authors, venues and addresses."""
    return "\n".join(_BIB_TITLE.findall(bibtex))


def _calls_itself_benchmark(texts: list[str]) -> bool:
    """Whether a description's first sentence calls the data a benchmark (GLUE), as the guidelines do."""
    # "a benchmark dataset", "a benchmark archive" are data: the guidelines' ImageNet.
    return any(re.search(r"\bbenchmark\b(?! (?:dataset|archive|data|collection|corpus))",
                         re.split(r"(?<=\.)\s", text.strip(), maxsplit=1)[0], re.IGNORECASE)
               for text in texts if text.strip())


def _tfds_names(archive: zipfile.ZipFile) -> Iterator[tuple[str, bool]]:
    """``(name, is_benchmark)`` for each TFDS builder and builder config its own prose spells."""
    for builder, (texts, configs) in _tfds_texts(archive).items():
        builders = {_key(builder), _key(_TFDS_PACKAGING.sub("", builder))}
        benchmark = _calls_itself_benchmark(texts)
        for key in dict.fromkeys([*builders, *(_key(config) for config in configs)]):
            spelling = _best_spelling(key, texts)
            # Builder configs spelled in the same prose: GLUE's "sst2" is written "SST-2" there. A config
            # is often a language, a split or a format ("Bangla", "ByClass", "JavaScript"): only an
            # acronym-like spelling, with two capitals or a digit, and no words written together.
            if spelling and key not in builders and (
                sum(c.isupper() for c in spelling) < 2 and not any(c.isdigit() for c in spelling)
                or _joined_words(spelling, _dictionary())
            ):
                continue
            if spelling:
                yield spelling, benchmark and key in builders


def tfds_datasets(archive: zipfile.ZipFile) -> Iterator[str]:
    yield from (name for name, benchmark in _tfds_names(archive) if not benchmark)


def tfds_benchmarks(archive: zipfile.ZipFile) -> Iterator[str]:
    yield from (name for name, benchmark in _tfds_names(archive) if benchmark)


# MTEB's task names end in the task's kind ("SciFactRetrieval", "Banking77Classification"), a
# language or variant ("NQ-PL", "FiQA2018-NL", "STS17.v2"): MTEB's own labels, not the data's name.
_MTEB_LABEL = re.compile(
    r"(?:Retrieval|Reranking|Clust(?:e)?ring|Classification|Mining|PC|STS|ZeroShot|S2S|P2P|QA?Retrieval|"
    r"HardNegatives|Instructions?|Summarization|Compositionality|Understanding)$|"
    r"[-_.](?:[A-Za-z]{2,3}|v\d+|[a-z][a-z-]*)$|^Nano[A-Z]|[()]|"
    # a subset in lower case after a space: "IFIR fiqa", "TempReason l1"
    r" [a-z][\w-]*$"
)
_TITLE_WORD = re.compile(r"[A-Z][a-z]+")


def _mteb_names(archive: zipfile.ZipFile) -> Iterator[str]:
    english = _dictionary()
    for path in sorted(archive.namelist()):
        if not re.fullmatch(r"mteb/tasks/.+\.py", path):
            continue
        source = archive.read(path).decode("utf-8", "replace")
        for block in re.split(r"\bTaskMetadata\(", source)[1:]:
            name = re.search(r'^\s*name="([^"]+)"', block)
            if not name or _MTEB_LABEL.search(name[1]) or _joined_words(name[1], english):
                continue
            # Only a name its description or its paper's title writes ("TREC-COVID" for "TRECCOVID"):
            # the others are MTEB's own ids ("AROCocoOrder", "SynPerChatbotConvSAAnger").
            description = re.search(r'description=\(?\s*((?:"(?:[^"\\]|\\.)*"\s*)+)', block)
            citation = re.search(r'bibtex_citation=r?"""(.*?)"""', block, re.DOTALL)
            texts = [description[1] if description else "", _citation_titles(citation[1]) if citation else ""]
            spelling = _best_spelling(_key(name[1]), texts)
            if spelling and not _MTEB_LABEL.search(spelling):
                yield spelling


def mteb_tasks(archive: zipfile.ZipFile) -> Iterator[str]:
    yield from _mteb_names(archive)


def mteb_benchmarks(archive: zipfile.ZipFile) -> Iterator[str]:
    """MTEB's named suites (``Benchmark(name="BEIR")``), without the version in brackets ("MTEB(eng, v2)")."""
    for path in sorted(archive.namelist()):
        if re.fullmatch(r"mteb/benchmarks/benchmarks/\w+\.py", path):
            source = archive.read(path).decode("utf-8", "replace")
            for name in re.findall(r'\bBenchmark\(\s*name="([^"]+)"', source):
                name = re.sub(r"\s*\(.*", "", name)
                if re.fullmatch(r"[\w-]+", name) and not _MTEB_LABEL.search(name):
                    yield name


_LIGHTEVAL_DOC = re.compile(r'\A\s*"""\s*name:\s*\n(?P<name>.+?)\n(?:.|\n)*?abstract:\s*\n(?P<abstract>(?:.|\n)*?)\n\s*\n')


def lighteval_tasks(archive: zipfile.ZipFile) -> Iterator[str]:
    """Each task module's name, as its abstract spells it (``name: Agieval``, "AGIEval is ..."): benchmarks.

    The ``name:`` field is the file name in title case ("Mgsm"), and many abstracts are generated from
    it ("Mgsm multilingual benchmark."): neither is evidence of a spelling.
    """
    for path in sorted(archive.namelist()):
        if not re.fullmatch(r"lighteval/tasks/(?:multilingual/)?tasks/\w+(?:/main)?\.py", path):
            continue
        doc = _LIGHTEVAL_DOC.match(archive.read(path).decode("utf-8", "replace"))
        if not doc:
            continue
        name, abstract = doc["name"].strip(), doc["abstract"]
        if re.match(re.escape(name) + r" multilingual benchmark\.", abstract):
            continue
        spelling = _best_spelling(_key(name), [abstract])
        # "ChineseSquad", "CivilComments": the task's id in camel case, not the data's name.
        if spelling and not _joined_words(spelling, _dictionary()):
            yield spelling


_LMMS_EVAL_TASK_FILE = re.compile(r"lmms_eval/tasks/(?P<task>[^/_][^/]*)/.+\.(?:md|ya?ml|py)")
_DATASET_PATH = re.compile(r"""dataset_path:\s*["']?(?:[\w.-]+/)?(?P<repo>[\w.-]+)""")


def lmms_eval_tasks(archive: zipfile.ZipFile) -> Iterator[str]:
    """Each task folder's name, as its files spell it (``mathvista`` is "MathVista"): benchmarks.

    lmms-eval's tasks are the evaluation sets multimodal models are ranked on. The folder's id is
    spelled by the task's README, configs and code, and by the Hugging Face repository its configs
    load (``dataset_path: AI4Math/MathVista``); an id none of them writes with a capital is dropped.
    """
    texts: dict[str, list[str]] = {}
    for path in sorted(archive.namelist()):
        if (match := _LMMS_EVAL_TASK_FILE.fullmatch(path)) is not None:
            texts.setdefault(match["task"], []).append(archive.read(path).decode("utf-8", "replace"))
    for task, files in texts.items():
        repos = [found["repo"] for text in files for found in _DATASET_PATH.finditer(text)]
        spelling = _best_spelling(_key(task), files + repos)
        # "RefCOCO grounding", "Video Detail Description": a task described in words, not a set's name.
        words = spelling.split() if spelling else []
        if words and len(words) < 3 and not any(word.isalpha() and word.islower() for word in words):
            yield spelling


# A corpus NLTK reads: ``LazyCorpusLoader("framenet_v17", FramenetCorpusReader, ...)``.
_NLTK_LOADER = re.compile(r'LazyCorpusLoader\(\s*"(?P<id>[^"]+)"\s*,\s*(?P<reader>\w+)')
# What an NLTK corpus id adds to the corpus's name: a version, a sub-folder, its raw form ("europarl_raw").
_NLTK_ID_SUFFIX = re.compile(r"(?:_v\d+|\.\d[\d.]*|_raw)$")


def nltk_corpora(archive: zipfile.ZipFile) -> Iterator[str]:
    """The corpora NLTK reads, as the reader's module (its header and docstrings) and NLTK's corpus
    how-to spell each id; an id none of them writes with a capital is no name."""
    modules = {}
    for path in archive.namelist():
        if re.fullmatch(r"nltk/corpus/reader/\w+\.py", path):
            source = archive.read(path).decode("utf-8", "replace")
            modules.update(dict.fromkeys(re.findall(r"^class (\w+)\(", source, re.MULTILINE), source))
    howto = archive.read("nltk/test/corpus.doctest").decode("utf-8", "replace")
    for path in sorted(archive.namelist()):
        if not re.fullmatch(r"nltk/corpus/\w+\.py", path):
            continue
        source = archive.read(path).decode("utf-8", "replace")
        # (The package's own module lists every corpus: no prose of one.)
        own = "" if path.endswith("/__init__.py") else source
        for loader in _NLTK_LOADER.finditer(source):
            key = _key(_NLTK_ID_SUFFIX.sub("", loader["id"].split("/")[0]))
            spelling = _best_spelling(key, [modules.get(loader["reader"], ""), own, howto])
            if spelling:
                yield spelling


#: (output type, package, reader)
SOURCES = (
    ("models", "transformers", transformers_models),
    ("models", "timm", timm_models),
    ("models", "torchvision", torchvision_models),
    ("benchmarks", "lm-eval", lm_eval_tasks),
    ("benchmarks", "lighteval", lighteval_tasks),
    ("benchmarks", "lmms-eval", lmms_eval_tasks),
    ("benchmarks", "mteb", mteb_benchmarks),
    ("datasets", "torchvision", torchvision_datasets),
    ("benchmarks", "tensorflow-datasets", tfds_benchmarks),
    ("datasets", "tensorflow-datasets", tfds_datasets),
    ("benchmarks", "mteb", mteb_tasks),
    ("metrics", "torchmetrics", torchmetrics_measures),
    ("datasets", "nltk", nltk_corpora),
)
# The types a name may have at once: a dataset is a benchmark where an abstract uses it as one.
_KIND = {"datasets": "data", "benchmarks": "data"}
# Readers whose names are spelled by prose (a description, an abstract), not by a class or a file.
_PROSE_READERS = frozenset({lighteval_tasks, lmms_eval_tasks, mteb_benchmarks, tfds_benchmarks, tfds_datasets, mteb_tasks,
                            nltk_corpora})


def _hand_made() -> tuple[set[str], dict[str, set[str]]]:
    """The hand-made lists' and the stoplist's entries, case-folded (left to them), and the types of each
    entry's :func:`_key` (``"stoplist"`` for the stoplist's)."""
    known, types = set(), {}
    for path in GAZETTEERS.glob("*.txt"):
        if path.name.endswith(".registry.txt"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = line.split("#", 1)[0].strip().lstrip("=~")
            if entry:
                known.add(entry.casefold())
                types.setdefault(_key(entry), set()).add(path.stem)
    return known, types


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    if not DICTIONARY.exists():
        sys.exit(f"Error: {DICTIONARY} is missing (apt-get install wamerican): it filters English words")
    return frozenset(word.strip().casefold() for word in DICTIONARY.read_text(encoding="utf-8", errors="replace").splitlines())


def _english(word: str, english: Set[str], *, prose: bool = False) -> bool:
    """Whether ``word`` is English; for names read from prose, its derived forms and compounds too.

    The dictionary lacks "summarization" and "newsroom"; a name spelled by a registry's prose
    ("Newsroom", "Summarization") may be such a word, where a class name ("Longformer") is coined.

    Examples
    --------
    >>> words = {"summarize", "news", "room", "long", "former"}
    >>> [_english(w, words, prose=True) for w in ("Summarization", "Newsroom", "Gigaword", "news")]
    [True, True, False, True]
    >>> _english("Longformer", words)
    False
    """
    word = word.casefold()
    if word in english:
        return True
    if not prose or not word.isalpha():
        return False
    for suffix, stem_ending in (("ization", "ize"), ("isation", "ise"), ("ation", "ate"), ("ation", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + stem_ending in english:
            return True
    return any(word[:i] in english and word[i:] in english for i in range(3, len(word) - 2))


def _joined_words(name: str, english: Set[str]) -> bool:
    """Whether ``name`` is English words written together: an id ("TwentyNewsgroups"), not a name.

    Examples
    --------
    >>> words = {"twenty", "newsgroups", "civil", "comments", "fever"}
    >>> [_joined_words(n, words) for n in ("TwentyNewsgroups", "CivilComments", "ClimateFEVER", "Civil")]
    [True, True, False, False]
    """
    parts = _TITLE_WORD.findall(name)
    return len(parts) >= 2 and "".join(parts) == name and all(_english(part, english, prose=True) for part in parts)


def entry(name: str, english: Set[str], *, prose: bool = False) -> str | None:
    """The gazetteer line for a registry name, or ``None`` when it is too ambiguous to list.

    ``prose`` says the name was spelled by a registry's prose rather than a class: see :func:`_english`.

    Examples
    --------
    >>> words = {"falcon", "bark", "chameleon"}
    >>> [entry(n, words) for n in ("LLaMA", "Falcon", "BARK", "chameleon", "Dac", "CvT", "AB", "ConvNeXt")]
    ['LLaMA', None, '=BARK', None, None, '=CvT', None, 'ConvNeXt']
    >>> [entry(n, words) for n in ("Aimv2Vision", "CocoDetection", "mmlu_pro", "InceptionB")]
    [None, None, None, None]
    >>> [entry(n, words) for n in ("2018", "A-100", "C# Eval", "STSbenchmark", "Falconization")]
    [None, None, None, None, 'Falconization']
    >>> entry("Summarization", {"summarize"}), entry("Summarization", {"summarize"}, prose=True)
    ('Summarization', None)
    """
    name = name.strip()
    letters = name.replace(" ", "")
    if len(letters) < 3 or name in _NOT_NAMES or "_" in name or "#" in name or _PART_SUFFIX.search(name):
        return None
    if sum(c.isalpha() for c in name) < 2:  # a number, a year, a size
        return None
    mixed = any(c.isupper() for c in letters[1:]) and any(c.islower() for c in letters)
    if len(letters) == 3:
        return f"={name}" if mixed or any(c.isdigit() for c in letters) else None
    # Prose writes phrases with hyphens too ("Schema-Guided Dialogue" is a task's words).
    words = re.split(r"[ -]", name) if prose else name.split()
    if _english(name, english, prose=prose) or all(_english(w, english, prose=prose) for w in words if w):
        # An English word counts in its registry's own capitals only, and never when they are a
        # sentence's ("Falcon", "Arithmetic" open sentences as words): "=BARK", "=BiT".
        if any(c.isupper() for w in name.split() for c in w[1:]):
            return f"={name}"
        # Several capitalised words that a registry's prose writes as one name ("Universal Dependencies"):
        # in a sentence the phrase would be lower case. Never a class's words ("Vision Transformer").
        words = name.split()
        if prose and len(words) >= 2 and all(w[0].isupper() and len(w) > 2 for w in words):
            return f"={name}"
        return None
    return name


def build(wheels: Path) -> dict[str, list[str]]:
    """The text of each ``<type>.registry.txt`` file."""
    english = _dictionary()
    known, types = _hand_made()
    registered: dict[str, str] = {}
    headers: dict[str, list[str]] = {}
    entries: dict[str, dict[str, str]] = {}
    for kind, project, reader in SOURCES:
        archive = wheel(wheels, project)
        name, version, licence = provenance(archive)
        headers.setdefault(kind, []).append(f"# source: {name} {version} (licence: {licence}), {reader.__name__}")
        for found in reader(archive):
            line = entry(found, english, prose=reader in _PROSE_READERS)
            folded = line.lstrip("=").casefold() if line else ""
            if line is None or folded in known:
                continue
            # A word in capitals ("SCAN", "RAFT", "BRIGHT") is an acronym many projects coin: as data it
            # would type every other project's system or task of that name. Model names keep theirs
            # ("=BARK"): a registry of architectures has few, each long settled.
            if kind != "models" and line.startswith("=") and line[1:].isupper() and line[1:].isalpha():
                continue
            # One kind of thing per name, whatever its punctuation: "GPT3" is the model GPT-3, not TFDS's
            # data; a registry's name is of the first registry's type (SOURCES is in order of trust).
            # Dataset and benchmark are one kind to the hand lists (a name is used both ways); another
            # spelling of the same type adds what it matches ("CIFAR10" beside "CIFAR-10").
            if {_KIND.get(t, t) for t in types.get(_key(folded), ())} - {_KIND.get(kind, kind)}:
                continue
            if registered.setdefault(_key(folded), kind) != kind:
                continue
            entries.setdefault(kind, {}).setdefault(folded, f"{line}  # {name}")
    files = {}
    for kind, lines in headers.items():
        files[kind] = [
            f"# Generated by tools/gazetteers/build.py from package registries; do not edit by hand.",
            "# Each entry names its source. '=' entries match case-sensitively (English words).",
            *lines,
            *sorted(entries.get(kind, {}).values(), key=str.casefold),
        ]
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheels", type=Path, help="folder holding the downloaded wheels")
    parser.add_argument("--output", type=Path, default=GAZETTEERS, help="where the .registry.txt files go")
    args = parser.parse_args(argv)
    for kind, lines in build(args.wheels).items():
        path = args.output / f"{kind}.registry.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{path}: {sum(1 for line in lines if not line.startswith('#'))} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
