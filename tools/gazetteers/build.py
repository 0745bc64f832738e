"""Generate gazetteer files from the field's own registries: names that maintained packages list.

Reads the wheels of a few packages as zip files (never imports or installs them):

* ``transformers``: the model families of ``transformers/models/<family>/configuration_*.py``
  (the docstring's display name, "LLaMA model configuration", else the config class's name);
* ``timm``: the architecture class named after each ``timm/models/<family>.py`` (``ConvNeXt``);
* ``torchvision``: model classes of ``torchvision/models`` and dataset classes of
  ``torchvision.datasets.__all__``;
* ``lm-eval``: the title of each task's ``README.md`` (``# HellaSwag``): benchmarks;
* ``torchmetrics``: metric classes of ``torchmetrics.__all__``, written as words
  (``WordErrorRate`` -> "word error rate").

Each name is filtered: no name shorter than three characters, no three-character name without
a digit or mixed case, nothing the hand-made lists or the stoplist already hold, and a name that
is an English word (``/usr/share/dict/words``, Debian's ``wamerican``) is kept only as a
case-sensitive entry (``=Falcon``), or dropped when its only spelling is lower case.
The files ``extractors/gazetteers/<type>.registry.txt`` say in their header which package,
version and licence each source is, and each entry names its source. These packages are never
runtime dependencies: run this by hand when refreshing the lists, then commit the files::

    mkdir -p /tmp/wheels && cd /tmp/wheels
    for p in transformers timm torchvision lm-eval torchmetrics; do pip download --no-deps $p; done
    python tools/gazetteers/build.py /tmp/wheels
"""
from __future__ import annotations

import argparse
import re
import sys
import zipfile
from collections.abc import Iterator
from email.parser import Parser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GAZETTEERS = ROOT / "extractors" / "gazetteers"
DICTIONARY = Path("/usr/share/dict/words")

# Class and family names that name a kind of thing, not one (torchvision's ImageFolder, timm's helpers).
_NOT_NAMES = frozenset(
    "ImageFolder DatasetFolder FakeData VisionDataset LSUNClass SBDataset Metric MetricCollection MetricTracker "
    "BootStrapper ClasswiseWrapper MultioutputWrapper MultitaskWrapper CatMetric MaxMetric MinMetric MeanMetric "
    "SumMetric MinMaxMetric RunningMean RunningSum StatScores ConfusionMatrix Auto".split()
)
# Last words (or word endings) of a class that names a part or a task of a thing, not the thing.
_PART_SUFFIX = re.compile(
    r"(?:Text|Vision|Audio|Video|Encoder|Decoder|Tokenizer|Head|Block|Layer|Attention|Aux|Model|Config|"
    r"Classification|Detection|Segmentation|Captions|Stereo|Flow|Pairs|People|Leaderboard|Light|evaluations|"
    r"Datasets?|Benchmark|Bias|Task-name|Inception[A-E])$"
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


#: (output type, package, reader)
SOURCES = (
    ("models", "transformers", transformers_models),
    ("models", "timm", timm_models),
    ("models", "torchvision", torchvision_models),
    ("datasets", "torchvision", torchvision_datasets),
    ("benchmarks", "lm-eval", lm_eval_tasks),
    ("metrics", "torchmetrics", torchmetrics_measures),
)


def _hand_made() -> set[str]:
    """Case-folded entries of the hand-made lists and the stoplist: left to them."""
    known = set()
    for path in GAZETTEERS.glob("*.txt"):
        if path.name.endswith(".registry.txt"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = line.split("#", 1)[0].strip().lstrip("=~")
            if entry:
                known.add(entry.casefold())
    return known


def _dictionary() -> set[str]:
    if not DICTIONARY.exists():
        sys.exit(f"Error: {DICTIONARY} is missing (apt-get install wamerican): it filters English words")
    return {word.strip().casefold() for word in DICTIONARY.read_text(encoding="utf-8", errors="replace").splitlines()}


def entry(name: str, english: set[str]) -> str | None:
    """The gazetteer line for a registry name, or ``None`` when it is too ambiguous to list.

    Examples
    --------
    >>> words = {"falcon", "bark", "chameleon"}
    >>> [entry(n, words) for n in ("LLaMA", "Falcon", "BARK", "chameleon", "Dac", "CvT", "AB", "ConvNeXt")]
    ['LLaMA', None, '=BARK', None, None, '=CvT', None, 'ConvNeXt']
    >>> [entry(n, words) for n in ("Aimv2Vision", "CocoDetection", "mmlu_pro", "InceptionB")]
    [None, None, None, None]
    """
    name = name.strip()
    letters = name.replace(" ", "")
    if len(letters) < 3 or name in _NOT_NAMES or "_" in name or _PART_SUFFIX.search(name):
        return None
    mixed = any(c.isupper() for c in letters[1:]) and any(c.islower() for c in letters)
    if len(letters) == 3:
        return f"={name}" if mixed or any(c.isdigit() for c in letters) else None
    if name.casefold() in english or all(word.casefold() in english for word in name.split()):
        # An English word counts in its registry's own capitals only, and never when they are a
        # sentence's ("Falcon", "Arithmetic" open sentences as words): "=BARK", "=BiT".
        return f"={name}" if any(c.isupper() for w in name.split() for c in w[1:]) else None
    return name


def build(wheels: Path) -> dict[str, list[str]]:
    """The text of each ``<type>.registry.txt`` file."""
    english, known = _dictionary(), _hand_made()
    headers: dict[str, list[str]] = {}
    entries: dict[str, dict[str, str]] = {}
    for kind, project, reader in SOURCES:
        archive = wheel(wheels, project)
        name, version, licence = provenance(archive)
        headers.setdefault(kind, []).append(f"# source: {name} {version} (licence: {licence}), {reader.__name__}")
        for found in reader(archive):
            line = entry(found, english)
            if line is None or line.lstrip("=").casefold() in known:
                continue
            entries.setdefault(kind, {}).setdefault(line.lstrip("=").casefold(), f"{line}  # {name}")
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
