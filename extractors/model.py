"""Named models, architectures and methods: ``GPT-4``, ``LLaVA-NeXT``, ``LoRA``, a paper's own ``COSMO``."""
from __future__ import annotations

import bisect
import re
from collections.abc import Container, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from paperkg.core.model import normalize_key

from .abbreviations import acronym_definitions, add_definitions, kind_after
from .base import CANDIDATES_KEY, add_candidate, candidate_offsets, doc_text, title_span
from .gazetteer import Gazetteer
from .lexicon import (
    DATA_HEAD_WORD,
    HEADS,
    PART_KINDS,
    PARTS_LISTED,
    PASSIVE_PROPOSAL,
    PROPOSAL_CUE,
    SECOND_PROPOSAL_VERB,
    YEAR,
    co_listed_names,
    continues_word,
    extend_name,
    introduced_names,
    is_generic,
    is_name_shaped,
    known_keys,
    load_names,
    name_shaped_words,
    names_task,
    sentence_start,
    without_descriptor,
)

__all__ = ["ModelExtractor", "is_survey", "title_name", "title_label", "title_name_mentions", "listed_models", "sized_names", "MODEL_HEADS"]

#: Last words of a long form that make it a model or method ("... Transformer (T2T-ViT)").
MODEL_HEADS = frozenset(
    "model network networks net transformer transformers former encoder decoder autoencoder "
    "architecture algorithm method framework optimizer attention module mechanism layer layers "
    "unit units machine machines estimation estimator activation activations tuning tokenization "
    "learning modeling modelling pretraining training sampling search decoding forgetting "
    "alignment prior embedding embeddings agent system pipeline paradigm policy optimization regularization "
    "distillation scan".split()
)
# Agent nouns of a pipeline's part, a model when the paper builds it in ("We incorporate a Text-Semantics-Aware
# Patch Selector (TSPS) into ..."), a generic part when the text speaks of others' ("the Visual Prompt Generator
# (VPG) of existing methods").
_PART_HEADS = frozenset(
    "selector predictor extractor generator aggregator adapter adaptor projector connector router planner "
    "scheduler sampler compressor merger tokenizer retriever refiner resampler fuser classifier".split()
)
_WE = re.compile(r"\b[Ww]e\b")
# A last part that names data, after a hyphen or a space.
_DATA_PART = re.compile(r"[- ]" + DATA_HEAD_WORD + r"$", re.IGNORECASE)
# Words of an organization's name, which a long form may spell out as it does a model's.
_ORGANIZATION_WORDS = frozenset(
    "centre center institute institution university laboratory laboratories agency organization organisation "
    "foundation association council committee consortium society corporation company ministry department".split()
)

# A noun of software, hardware or a resource after a coined word: the word names a tool, no model ("JetBrains IDEs",
# "WebSocket APIs", "the VirtualHome simulator", "the ActivityPrograms knowledge base").
_TOOL_AFTER = re.compile(r"[\s-]+(?:library|libraries|toolkit|toolbox|package|plugin|IDEs?|APIs?|SDKs?|simulator|platform|"
                         r"knowledge base|license|hardware|device|app)\b")
# A company's coined name: "LumaLabs", "ElevenLabs" (the guidelines: companies are no models).
_COMPANY_WORD = re.compile(r"[a-z0-9]Labs?$")
# A surname, as the authors of a test or a finding are cited: "McNemar's test", "first observed by McCloskey".
_SURNAME = re.compile(r"Mc[A-Z][a-z]+$")
# A year that ends a coined word: the edition of an event or a dataset ("SemEval-2025", "ICDAR2015").
_EDITION_YEAR = re.compile(r"[A-Za-z]-?" + YEAR + "$")
# A plural class noun after a name's words: "latent diffusion models", "vision transformer architectures".
_CLASS_NOUN_AFTER = re.compile(r"\s+(?:models|networks|architectures|methods|approaches|frameworks|systems|families)\b")

# "Name: subtitle" at the start of the title: the usual place for a paper's own name.
# (a space may be lost after the colon; a dash set off by spaces stands for one: "GECToR – Grammatical Error ...")
_TITLE_NAME = re.compile(r"(?P<name>[^:\n]{2,60}?)"
                         r"(?::(?:\s|(?<=\w{3}:)(?=[A-Z][a-z]+ ))|\s+(?:[–—]|--?)\s+(?=[A-Z]))")
_TITLE_NAME_WORD = re.compile(r"[A-Z0-9][\w.+-]*|[a-z]+-?[A-Z0-9][\w.+-]*|v\d[\w.]*")
_FUNCTION_WORDS = frozenset("of for and the to in with on a an is are".split())
_GERUND_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*ing")  # ("Fine-Tuning X: ...", hyphenated too)
# Verbs that make a title's opening a sentence, the way titles put a claim: "Quantization Meets Reasoning",
# "Rotation Matters", "Context Misleads LLMs". (Its name, if any, the abstract defines: "Perception Helps
# Planning (PHP)".)
_TITLE_CLAIM_VERBS = frozenset("meets meet matters matter helps needs makes misleads beats fools".split())


def _in_capitals(title: str) -> bool:
    """Whether a title is written in capitals: four words in five at least, a plural's "s" aside ("LLMs MEET VLMS")."""
    words = [word.removesuffix("s") for word in re.findall(r"[A-Za-z][\w-]*", title)]
    return len(words) >= 3 and sum(word.isupper() for word in words) >= 0.8 * len(words)


_CAPITALS_IN_WORD = re.compile(r"[A-Z]{2}")
_NOT_TITLE_NAMES = frozenset(
    "the a an you we our your towards toward on beyond rethinking revisiting when why how what can is are do no "
    "does making understanding exploring unveiling improving learning".split()
)
# A subtitle that studies rather than presents: its title's head is the topic ("Document AI: A Comparative
# Study of ...", "Talking Heads: Understanding Inter-layer Communication in ...").
_STUDY = re.compile(r"\s*(?:(?:an?|the)\s+(?:\w+\s+)?(?:study|analysis|investigation|comparison|evaluation|examination)\b|"
                    r"(?:understanding|analy[sz]ing|investigating|probing|examining|characteri[sz]ing|demystifying|"
                    r"dissecting|interpreting|explaining|revisiting|rethinking)\b)", re.IGNORECASE)
# A survey's title: "A Survey of X", "X: A Comprehensive Review", "Mamba-360: Survey of X" (not "Peer Review Generation").
# (A word hyphenated on modifies: "with Survey-Mined Questions".)
_REVIEW_WORD = (r"(?:advances|progress|opportunities|challenges|solutions|benefits|trends|insights|lessons|"
                r"perspectives|promises|pitfalls|applications|frontiers|directions|prospects|outlook|perils|"
                r"limitations|examples|problems|questions)")
_SURVEY = re.compile(r"(?:^|:\s*|\b(?:an?|the)\s+(?:[\w-]+\s+){0,2})(?:survey|review|overview|tutorial)\b(?!-)"
                     r"|\b(?:survey|position paper)\b(?!-)|^(?:position|perspective|opinion|commentary)\s*:"
                     # or a subtitle of a review's words: "X: Opportunities and Challenges", "X: Insights from 1000
                     # Papers"
                     r"|:\s*(?:(?:recent|research|current|key)\s+){0,2}" + _REVIEW_WORD + r"(?:,\s*" + _REVIEW_WORD
                     + r")*,?\s+(?:and|&)\s+(?:(?:future|open|practical)\s+)?" + _REVIEW_WORD + r"\s*[.?!]?$"
                     r"|:\s*insights from \d", re.IGNORECASE)


def is_survey(title: str) -> bool:
    """Whether a title says the paper surveys its field, which then proposes nothing.

    Examples
    --------
    >>> [is_survey(t) for t in ("A Comprehensive Review of Protein Models", "Foo: A Review", "Peer Review Generation",
    ...                         "Position: Memory Is What Agents Miss", "FooQA: QA with Survey-Mined Questions",
    ...                         "Zorb Learning: Opportunities and Challenges",
    ...                         "ZorbNet: Advancing Detection and Tracking")]
    [True, True, False, True, False, True, False]
    """
    return _SURVEY.search(title) is not None


@lru_cache(maxsize=8)  # the model extractor and the proposes detector read the same title
def title_name(title: str) -> tuple[int, int] | None:
    """Character offsets of the name before a title's colon, if it looks like a name.

    A name has at most three words, each capitalised or name-shaped, and
    does not open like a sentence ("The ...", "You Need ..."); survey titles
    name no new thing.

    Examples
    --------
    >>> title = "LaVin-DiT: Large Vision Diffusion Transformer"
    >>> start, end = title_name(title); title[start:end]
    'LaVin-DiT'
    >>> title_name("Autoregressive Models in Vision: A Survey") is None
    True
    >>> title_name("Sparse then Prune: Toward Efficient Vision Transformers") is None
    True
    >>> title_name("VLSP2022-EVJVQA Challenge: Multilingual Visual Question Answering") is None
    True
    >>> title_name("Video RWKV:Video Action Recognition"), title_name("Re:Invent of Things")  # a space lost
    ((0, 10), None)
    >>> title_name("fine-CLIP: Zero-Shot Surgical Action Recognition"), title_name("non-linear: A Study")
    ((0, 9), None)
    >>> [title_name(t) for t in ("Reformulating Sequential Recommendation: X", "LLMs MEET VLMS: BOOST DETECTION",
    ...                          "MMIE: A BENCHMARK", "MambaOut: Do We Really Need Mamba for Vision?")]
    [None, None, (0, 4), (0, 8)]
    >>> title = "Arcee's MergeKit: A Toolkit for Merging Large Language Models"  # whose it is, then the name
    >>> start, end = title_name(title); title[start:end]
    'MergeKit'
    """
    match = _TITLE_NAME.match(title)
    if match is None or is_survey(title) or _STUDY.match(title, match.end()):
        return None
    # Whose it is comes before the name: "Arcee's MergeKit: A Toolkit ...".
    owner = _OWNER_BEFORE.match(match["name"])
    start = match.start("name") + (owner.end() if owner else 0)
    name = title[start : match.end("name")]
    words = name.split()
    if len(words) > 3 or not all(_TITLE_NAME_WORD.fullmatch(word) for word in words):
        return None
    if words[0].lower() in _NOT_TITLE_NAMES or any(w in _FUNCTION_WORDS for w in words):
        return None
    if any(w.lower() in _TITLE_CLAIM_VERBS for w in words[1:]):
        return None
    if len(words) > 1 and (_in_capitals(title) or _GERUND_WORD.fullmatch(words[0])):
        return None  # a phrase: a title in capitals ("LLMs MEET VLMS: ..."), or opening on a verb in -ing
    if not words[0][:1].isupper() and not is_name_shaped(words[0]) and not _CAPITALS_IN_WORD.search(words[0]):
        return None  # (a lower-case start with capitals in it is a name: "fine-CLIP", "mPLUG")
    if is_generic(name):
        return None
    if any(words[-1].lower() in heads for heads in HEADS.values()):
        return None  # "VLSP2022-EVJVQA Challenge:", "X Benchmark:" name data, not a model
    return start, match.end("name")


_OWNER_BEFORE = re.compile(r"[A-Z][\w-]*['’]s\s+(?=\S)")
# A subtitle opening on evaluating others: the name before it is what they are evaluated with.
_EVALUATING = re.compile(r"\s*(?:benchmarking|evaluating|assessing|measuring|testing)\b", re.IGNORECASE)
# A name made with a benchmark's word: "NaturalCodeBench", "Zorb-Eval", "Agent Arena".
_BENCHMARK_SHAPED = re.compile(r"[a-z-](?:Bench|Eval|Arena)\s*$")
# A head noun and a version that end a title's name: "DeepQuest Bench II", "Foo Benchmark v2".
_VERSIONED_HEAD = re.compile(r"\b(?P<head>[A-Za-z]+)(?: (?:[IVX]+|v?\d[\w.]*))+\s*$")
# Words that end a subtitle's opening phrase: "X: A Benchmark for ..." names X, "X: Better
# Reasoning on Math Benchmarks" does not.
_SUBTITLE_WORD = re.compile(r"[\w'-]+")
_PHRASE_ENDS = frozenset("for on with of in to via by from at as using towards toward through".split())


@lru_cache(maxsize=8)
def title_label(title: str) -> str:
    """What a title's name is: ``BENCHMARK`` or ``DATASET`` when its subtitle opens by saying so, else ``MODEL``.

    Examples
    --------
    >>> title_label("MMIE: Massive Multimodal Interleaved Comprehension Benchmark for LVLMs")
    'BENCHMARK'
    >>> title_label("ST-Align: A Dataset and Benchmark for Spatial-Temporal Grounding")
    'DATASET'
    >>> title_label("Foo: Better Reasoning on Math Benchmarks"), title_label("LaVin-DiT: Large Vision Diffusion Transformer")
    ('MODEL', 'MODEL')

    A name ending in the word and a version says so itself:

    >>> title_label("DeepQuest Bench II: Diagnosing Research Agents"), title_label("Dataset Decomposition: Faster Training")
    ('BENCHMARK', 'MODEL')
    >>> title_label("DiscoveryBench: Towards Data-Driven Discovery"), title_label("Zorb-Eval: Judging Judges")
    ('BENCHMARK', 'BENCHMARK')
    >>> title_label("Zorb-Diff: Benchmarking LLM Agents on API Tasks"), title_label("Zorb: Evaluating LLMs on Math")
    ('BENCHMARK', 'BENCHMARK')
    """
    name, _, subtitle = title.partition(":")
    versioned = _VERSIONED_HEAD.search(name)
    for label in ("BENCHMARK", "DATASET"):
        if versioned and versioned["head"].lower() in HEADS[label]:
            return label
    if _BENCHMARK_SHAPED.search(name):
        return "BENCHMARK"  # "DiscoveryBench: Towards Data-Driven Discovery": a benchmark by its name's shape
    if _EVALUATING.match(subtitle):
        return "BENCHMARK"  # "Agent-Diff: Benchmarking LLM Agents on ...": what the title's name does is evaluate
    for word in _SUBTITLE_WORD.findall(subtitle)[:12]:
        word = word.lower()
        if word in _PHRASE_ENDS:
            break
        for label in ("BENCHMARK", "DATASET"):
            if word in HEADS[label]:
                return label
    return "MODEL"


# One capitalised word hyphenated on a word, and nothing more: the "-Ensemble" of "PAN-Ensemble" (found from the
# hyphen, which the regex engine skips to fast), and the word before it.
_HYPHENED_WORD = re.compile(r"-[A-Z][A-Za-z0-9]*(?![\w-])")
_STEM_BEFORE = re.compile(r"(?<![\w-])[\w^+]+$")


def _variants_of(text: str, names: Container[str]) -> Iterator[tuple[int, int]]:
    """Where one of ``names`` occurs with a capitalised word hyphenated on: "PAN-Ensemble" of "PAN".

    One pass over the text, whatever the number of names.

    Examples
    --------
    >>> text = "We propose PAN. PAN-Ensemble and PAN-Unified win; PAN-based and PANs do not count."
    >>> [text[s:e] for s, e in _variants_of(text, {"PAN"})]
    ['PAN-Ensemble', 'PAN-Unified']
    """
    for match in _HYPHENED_WORD.finditer(text) if "-" in text else ():
        stem = _STEM_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if stem is not None and stem.group() in names:
            yield stem.start(), match.end()


# What follows a name the text describes in apposition as data: ", a modern REC benchmark".
_DESCRIBED_AS_DATA = re.compile(r"(?:\s*\([^()]{1,40}\))?,\s+(?:a|an|the)\s+(?:[\w-]+,?\s+){0,5}?(?P<kind>"
                                + DATA_HEAD_WORD + r")\b(?!-)")


@lru_cache(maxsize=8)  # the model, dataset and benchmark extractors ask of the same title name
def _described_label(text: str, name: str) -> str | None:
    """The kind of data the text calls ``name`` in apposition, if any: "we introduce Ref-Adv, a modern REC benchmark".

    Examples
    --------
    >>> _described_label("Zorb: Probing Reasoning. We introduce Zorb, a diverse, modern benchmark that ...", "Zorb")
    'BENCHMARK'
    >>> _described_label("Zorb: Fast Decoding. We introduce Zorb, a decoding method for ...", "Zorb") is None
    True
    """
    start = text.find(name)
    while start >= 0:
        described = (None if continues_word(text[start - 1 : start], "-")
                     else _DESCRIBED_AS_DATA.match(text, start + len(name)))
        if described is not None:
            return "DATASET" if described["kind"] in HEADS["DATASET"] else "BENCHMARK"
        start = text.find(name, start + 1)
    return None


def title_name_mentions(doc: Doc, label: str) -> list[tuple[int, int]]:
    """Where the title's name (see :func:`title_name`) occurs in the doc, if the name is a ``label``.

    The paper's own variants come with it: "Ziya-VL-Base", "COSMO-7B".
    """
    text = doc_text(doc)
    title = title_span(doc)
    title_text = text[title.start_char : title.end_char]  # Span.text would join its tokens again
    found = title_name(title_text)
    if found is None:
        return []
    name = text[title.start_char + found[0] : title.start_char + found[1]]
    if (_described_label(text, name) or title_label(title_text)) != label:
        return []
    mentions = []
    for start in _standalone(text, name, joiners_after=""):
        end = start + len(name)
        if text[end : end + 1] == "-":
            end = extend_name(text, end)
        if not continues_word(text[end : end + 1], "-"):
            mentions.append((start, end))
    return mentions


def _standalone(text: str, name: str, joiners_after: str = "-") -> Iterator[int]:
    """Where ``name`` occurs in ``text`` as a word of its own, like ``(?<![\\w/.-])name(?![\\w-])``.

    ``joiners_after`` are the characters besides ``\\w`` that may not follow the name.

    A string search: the name differs in every doc, and compiling a regex for it costs more.

    Examples
    --------
    >>> list(_standalone("COSMO, xCOSMO, COSMO-2 and COSMO.", "COSMO"))
    [0, 27]
    >>> list(_standalone("COSMO, xCOSMO, COSMO-2 and COSMO.", "COSMO", joiners_after=""))
    [0, 15, 27]
    """
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        before, after = text[start - 1 : start], text[end : end + 1]
        if not continues_word(before, "/.-") and not continues_word(after, joiners_after):
            yield start
            start = text.find(name, end)
        else:
            start = text.find(name, start + 1)


class ModelExtractor:
    """Find named models with a gazetteer, the title's "Name:", acronym definitions and name shapes.

    Rules, most to least confident: a known name (``gazetteer``, widened over
    versions), the title's name before a colon (``title``), a long form with
    its acronym when the long form ends in a model word or sits in a
    "we propose" sentence (``definition``, the long form an alias of the
    acronym), a name the text gives a new thing ("called X", "we launch X,
    an ...", ``introduced``) and any coined-looking word such as ``SlimFit``
    or ``KG-LLaVA`` (``shape``). Generic terms from the stoplist never count.

    Examples
    --------
    >>> import spacy; from paperkg import extractors
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("paperkg_model")
    >>> doc = nlp("SlimFit: Memory-Efficient Fine-Tuning\\n\\nUnlike LLMs, SlimFit tunes BERT and ViT-B/16.")
    >>> sorted({(s.text, s._.paperkg_rule) for s in doc.spans["paperkg_candidates"]})
    [('BERT', 'paperkg_model:gazetteer'), ('SlimFit', 'paperkg_model:title'), ('ViT-B/16', 'paperkg_model:gazetteer')]
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        gazetteer: str,
        gazetteer_confidence: float,
        title_confidence: float,
        definition_confidence: float,
        introduced_confidence: float,
        shape_confidence: float,
        listed_confidence: float = 0.6,
    ):
        self.name = name
        names = load_names(gazetteer)
        self.gazetteer = Gazetteer(nlp, names)
        # Names matched case-sensitively because they are also words ("=Gemini"), in capitals: "GEMINI"
        # is no English word.
        self._common_nouns = tuple(name[1:].casefold() for name in names if name.startswith("~"))
        self._capitalised = frozenset(name[1:].upper() for name in names
                                      if name.startswith("=") and len(name) > 4 and not name[1:].isupper())
        self.gazetteer_confidence = gazetteer_confidence
        self.title_confidence = title_confidence
        self.definition_confidence = definition_confidence
        self.introduced_confidence = introduced_confidence
        self.shape_confidence = shape_confidence
        self.listed_confidence = listed_confidence
        self._generic_here: frozenset[str] = frozenset()
        self._survey = False

    def _add(self, doc: Doc, text: str, start: int, end: int, rule: str, confidence: float, alias_of=None):
        # ``text`` is the doc's text, passed in rather than rebuilt per candidate.
        text = text[start:end]
        if text in self._generic_here or (rule != "gazetteer" and _measure_key(text) in known_keys("metrics")):
            return  # (a known measure is no model's name: "mIoU")
        if rule != "gazetteer" and _DATA_PART.search(text):
            return  # a name that says it is data: "MMC-Benchmark", "Foo-Dataset"
        # A plural ("Transformers", "ConvSSMs") names the same entity as its singular.
        if alias_of is None and text.endswith("s") and (text[-2:-1].isupper() or text[:-1] in self.gazetteer):
            alias_of = text[:-1]
        if not is_generic(text, known=self.gazetteer):
            add_candidate(doc, start, end, "MODEL", rule=f"{self.name}:{rule}", confidence=confidence, alias_of=alias_of)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        title = text[: max(0, text.find("\n"))]
        self._generic_here = _generic_short_forms(text, self.gazetteer) | _survey_name(title)
        self._survey = is_survey(title)
        listed_with = _listed_definitions(text, lambda long_form, short, long_start: self._defines_model(
            text, long_form, short, long_start))

        decided: dict[tuple[int, str], bool] = {}  # the long forms below, then every definition, ask the same

        def accepts(long_form: str, short: str, long_start: int) -> bool:
            if (long_start, short) not in decided:
                decided[long_start, short] = long_start in listed_with or self._defines_model(
                    text, long_form, short, long_start)
            return decided[long_start, short]

        # A common-noun name (or a new prefix on one) inside a model's long form is part of that name: "Generative
        # Pre-trained Transformer 4 with Vision (GPT-4V)" has no "Transformer 4", "... Mega-transformer (M6)" none.
        long_forms = [(a, b) for a, b, c, d in acronym_definitions(text) if accepts(text[a:b], text[c:d], a)]
        known_names = self.gazetteer.find(doc)
        for start, end, known in known_names:
            if _CLASS_NOUN_AFTER.match(text, end) and " " in text[start:end] and text[start:end].islower():
                continue  # "latent diffusion models": a known name's words, written as the class they describe
            if (not known or text[start:end].casefold().startswith(self._common_nouns)) and any(
                    a <= start and end <= b and (a, b) != (start, end) for a, b in long_forms):
                continue  # (a proper name keeps its mention: "a MatFormer-based ViT (MatViT)" uses ViT)
            if (parts := self._hybrid_parts(text, start, end)) is not None:
                for part_start, part_end in parts:  # "a hybrid Mamba-Transformer": two architectures, not one name
                    self._add(doc, text, part_start, part_end, "gazetteer", self.gazetteer_confidence)
                continue
            self._add(doc, text, start, end, "gazetteer" if known else "variant", self.gazetteer_confidence)
        if self._capitalised:
            for word in _CAPITAL_WORD.finditer(text):
                if word.group() in self._capitalised:
                    self._add(doc, text, word.start(), word.end(), "gazetteer", self.gazetteer_confidence)
        for start, end in title_name_mentions(doc, "MODEL"):
            self._add(doc, text, start, end, "title", self.title_confidence)
        add_definitions(doc, "MODEL", rule="definition", confidence=self.definition_confidence,
                        accepts=accepts, add=self._add)
        for match in _QUOTED_NAME.finditer(text) if "''" in text or '"' in text else ():
            # "This ``Post-Hoc debias'' approach": a quoted name the text calls a method.
            if not is_generic(match["name"]):
                self._add(doc, text, match.start("name"), match.end("name"), "quoted", self.introduced_confidence)
        known_spans = sorted((s, e) for s, e, _ in known_names)
        known_starts = [s for s, _ in known_spans]
        introduced_words: dict[str, float] = {}
        for start, end, label in introduced_names(text):
            if label == "MODEL":
                # A new name built around a known one ("a novel TEmporal Swin Attention block") is the new thing.
                inside = known_spans[bisect.bisect_left(known_starts, start) : bisect.bisect_left(known_starts, end)]
                around_known = any(e <= end and (s, e) != (start, end) for s, e in inside)
                confidence = self.gazetteer_confidence + 0.01 if around_known else self.introduced_confidence
                self._add(doc, text, start, end, "introduced", confidence)
                if " " not in text[start:end]:
                    introduced_words[text[start:end]] = confidence
        # Variants named on an introduced name: "two variants: PAN-Ensemble, ... and PAN-Unified".
        for start, end in _variants_of(text, introduced_words) if introduced_words else ():
            self._add(doc, text, start, end, "variant", introduced_words[text[start:end].partition("-")[0]])
        for start, end in sized_names(text):
            # A word with a parameter count is a model, known or not: "Zorbex-7B", "Osprey-8x7B", "Kestrel (7B)".
            self._add(doc, text, start, extend_name(text, end), "sized", self.listed_confidence)
        for start, end in listed_models(text):
            self._add(doc, text, start, end, "listed", self.listed_confidence)
        spelled = _spelled_out_acronyms(text)
        # A title in capitals makes every hyphenated word look coined ("IN-CONTEXT PROMPT EDITING"): no shape there.
        shapeless_to = len(title) if _in_capitals(title) else 0
        for match in name_shaped_words(text):
            if match.start() < shapeless_to or any(start <= match.start() < end for start, end in spelled):
                continue
            end = without_descriptor(text, match.start(), match.end())
            if end != match.end() and not is_name_shaped(text[match.start() : end]):
                continue
            if (self._coined_verb(match.group()) or _EDITION_YEAR.search(match.group()) or _TOOL_AFTER.match(text, end)
                    or _COMPANY_WORD.search(match.group()) or _SURNAME.match(match.group())):
                # (an edition, "SemEval-2025", names an event or its data; "JetBrains IDEs" a tool; "LumaLabs" a company;
                # "McNemar" a person)
                continue
            # A coined name keeps its version: "BiTimeBERT 2.0".
            self._add(doc, text, match.start(), extend_name(text, end), "shape", self.shape_confidence)
        if "B/" in text or "M/" in text:
            self._elided_sizes(doc, text)
        if "/" in text:
            self._slashed_names(doc, text)
        self._co_listed(doc, text)
        return doc

    def _co_listed(self, doc: Doc, text: str) -> None:
        """The names a list gives beside two models found ("LaBSE, LASER, and XLM-R"), unless it lists known data
        or measures too."""
        models = candidate_offsets(doc, "MODEL")
        for start, end in co_listed_names(text, models, _known_other_keys()) if len(models) >= 2 else ():
            self._add(doc, text, start, end, "co-listed", self.listed_confidence)

    def _hybrid_parts(self, text: str, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The two known names of "hybrid A-B" (or "A-B hybrid"), where the text mixes two architectures.

        Examples
        --------
        >>> import spacy; extractor = ModelExtractor(spacy.blank("en"), "m", gazetteer="models", gazetteer_confidence=0,
        ...     title_confidence=0, definition_confidence=0, introduced_confidence=0, shape_confidence=0)
        >>> text = "a hybrid Mamba-Transformer and an xLSTM-UNet"
        >>> [text[s:e] for s, e in extractor._hybrid_parts(text, 9, 26)], extractor._hybrid_parts(text, 34, 44)
        (['Mamba', 'Transformer'], None)
        """
        hyphen = text.find("-", start, end)
        if hyphen < 0 or not (text[max(0, start - 7) : start].lower() == "hybrid " or
                              text[end : end + 7].lower() == " hybrid"):
            return None
        if text[start:hyphen] in self.gazetteer and text[hyphen + 1 : end] in self.gazetteer:
            return (start, hyphen), (hyphen + 1, end)
        return None

    def _coined_verb(self, word: str) -> bool:
        """A verb made of a name, or its noun ("LLaMAfy a ViT", "BERTized", "MoEfication"): the name is there, the word
        names nothing.

        Examples
        --------
        >>> import spacy; extractor = ModelExtractor(spacy.blank("en"), "m", gazetteer="models", gazetteer_confidence=0,
        ...     title_confidence=0, definition_confidence=0, introduced_confidence=0, shape_confidence=0)
        >>> [extractor._coined_verb(w) for w in ("LLaMAfy", "BERTized", "GPTfying", "Mixtify", "MoEfication", "BERTization")]
        [True, True, True, False, True, True]
        """
        verb = _VERB_SUFFIX.search(word)
        if verb is None:
            return False
        stem = word[: verb.start()]
        return stem in self.gazetteer or (stem[-1:].isupper() and is_name_shaped(stem))

    def _elided_sizes(self, doc: Doc, text: str) -> None:
        """"LLaVA-NeXT-7B/13B": the second size names LLaVA-NeXT-13B, written in full as its canonical name."""
        ends = {span.end_char: span for span in doc.spans.get(CANDIDATES_KEY, []) if span.label_ == "MODEL"}
        for size in _ELIDED_SIZE.finditer(text):
            named = ends.get(size.start())
            first = _LAST_SIZE.search(text, named.start_char, named.end_char) if named is not None else None
            if first is not None:
                canonical = text[named.start_char : first.start()] + size["size"]
                add_candidate(doc, size.start("size"), size.end("size"), "MODEL", rule=f"{self.name}:elided",
                              confidence=self.gazetteer_confidence, canonical=canonical)

    def _slashed_names(self, doc: Doc, text: str) -> None:
        """"DiT-XL/SiT-XL (675M)": a name after a model's slash is a model too, if it looks like one or is known (not
        a size, "7B/13B", nor a patch size, "ViT-B/16")."""
        ends = {span.end_char for span in doc.spans.get(CANDIDATES_KEY, []) if span.label_ == "MODEL"}
        for match in _SLASHED_NAME.finditer(text):
            name = match["name"]
            if match.start() in ends and (is_name_shaped(name) or name in self.gazetteer) and not is_generic(name):
                add_candidate(doc, match.start("name"), extend_name(text, match.end("name")), "MODEL",
                              rule=f"{self.name}:slashed", confidence=self.shape_confidence)

    def _defines_model(self, text: str, long_form: str, short: str, long_start: int) -> bool:
        # A coined word in the long form ("Graph HyperNetworks (GHNs)") makes it a name, its plural too.
        coined = not long_form.islower() and any(is_name_shaped(word) for word in long_form.split())
        known = {short[:-1]} if coined and short.endswith("s") else self.gazetteer
        if is_generic(short, known=known) or _generic_phrase(long_form) or short in self._generic_here:
            return False
        if not _ORGANIZATION_WORDS.isdisjoint(long_form.lower().split()):
            return False  # "European Centre for Medium-range Weather Forecasts (ECMWF)": who, not what
        kind = kind_after(text, long_start + len(long_form))
        if kind in PART_KINDS and long_form[:1].isupper() and not long_form.isupper():
            # A part named in capitals, whatever its last word: "the Surface Normal Similarity (SNS) module", "a
            # Recursive Refinement (RR) module", "an Adaptive Masking Ratio (AMR) strategy".
            return True
        head = long_form.rsplit(None, 1)[-1].lower()
        if any(head in heads for heads in HEADS.values()) or head in _LOSS_HEADS:
            return False
        opening = sentence_start(text, long_start)
        if long_form[:1].isupper() and len(short) >= 3 and PARTS_LISTED.search(text, opening, long_start) is not None:
            # A part in a list of the parts something is made of: "The regressor consists of three modules: Temporal
            # Inverse Kinematics (TIK), Bone-guided Shape Fitting (BSF), and ...".
            return True
        if short[1:].islower() and any(word.lower().startswith(short.lower()) for word in long_form.split()):
            return False  # "reading order prediction (Order)": a word of the long form as its label, no acronym
        if not known_keys("metrics").isdisjoint((normalize_key(short), normalize_key(long_form))):
            return False  # a known measure defined: "temporal mean intersection-over-union (mIoU)"
        if _TASK_NAMED.search(text, opening, long_start):
            return False  # "a new task, Reasoning Temporal Localization (RTL)": a task's name, no model's
        # A short form of the long form's initials in mixed case ("Internet of Things (IoT)", "Structure from Motion
        # (SfM)") is an abbreviation, not a coined name.
        if short in self.gazetteer or (is_name_shaped(short) and not _initialism(short, long_form)) or coined:
            return True
        if head in _FAMILY_HEADS:
            # A family of techniques or a class of systems ("Graph Contrastive Learning (GCL)", "Conversational
            # Recommender System (CRS)"): a model only where the paper introduces it, calls it new or its own ("a
            # novel ... for Contrastive Learning (KCL)"), or names what it is ("a self-regularization learning (SRL)
            # scheme").
            return (_NEW_OR_OWN.search(text, opening, long_start) is not None
                    or kind in PART_KINDS | MODEL_HEADS
                    or self._introduced(text, long_form, long_start, opening))
        if head in MODEL_HEADS and (len(short) >= 3 or not long_form.islower()):
            return True  # ("contrastive decoding (CD)": two letters for lower-case words are a technique's)
        # (In the plural, only parts: "Hierarchical Gait Decomposer (HGD) modules", not "Vision-Language
        # Pre-training (VLP) models", a class.)
        if (kind in MODEL_HEADS or kind in _PARTS_PLURAL) \
                and len(short) >= 3 and not long_form.islower():
            return True  # the noun after the pair says what it is: "the Generative Pre-trained Diffusion (GPD) paradigm"
        if head in _PART_HEADS and len(short) >= 3 and _WE.search(text, opening, long_start):
            return True
        proposed = self._introduced(text, long_form, long_start, opening)
        if len(short) < 3:
            # Two letters name a thing only when the paper introduces it under a proper name
            # ("we introduce Phantom Optimization (PO)"), not "reinforcement learning (RL)".
            words = long_form.split()
            return proposed and len(words) >= 2 and all(w[:1].isupper() for w in words) and (
                head in MODEL_HEADS or self._cue_right_before(text, long_start, opening))
        return proposed

    def _introduced(self, text: str, long_form: str, long_start: int, opening: int) -> bool:
        """The paper introducing a defined name, or saying its own idea is it: "Our key idea is progressive token
        pruning (PTP)", "We observe ... and propose Hierarchical Semantic Guidance (HSG)"."""
        second_verb = _SECOND_VERB_CUE.search(text, max(opening, long_start - 40), long_start)
        return not self._survey and (PROPOSAL_CUE.search(text, opening, long_start) is not None
                                     or _OUR_IDEA_IS.match(text, opening, long_start) is not None
                                     or second_verb is not None
                                     or _PROPOSED_AFTER.match(text, long_start + len(long_form)) is not None)

    @staticmethod
    def _cue_right_before(text: str, long_start: int, opening: int) -> bool:
        """A proposal cue right before the long form, an article or "new" at most between: "We present Position
        Interpolation (PI)"."""
        cue = PROPOSAL_CUE.search(text, max(opening, long_start - 80), long_start)
        return ((cue is not None and _ARTICLE_BETWEEN.fullmatch(text, cue.end(), long_start) is not None)
                or _SECOND_VERB_CUE.search(text, max(opening, long_start - 40), long_start) is not None)


# A task noun right before a definition, or before a list of definitions it begins: "a new task, Reasoning
# Temporal Localization (RTL)", "tasks, which include Spatial Video Grounding (SVG), Event Captioning (EC) and ...".
_TASK_NAMED = re.compile(
    r"\b(?:sub)?tasks?(?:,|:| called| named| termed| dubbed|,? (?:which|that) includes?|,? such as|,? like|,? including|"
    r",? namely)?\s+(?:the\s+)?(?:[^.;()]{1,80}\([^()]{1,20}\)\s*,?\s*(?:and\s+)?)*$"
)
_measure_key = lru_cache(maxsize=1 << 14)(normalize_key)
# A word in capitals: "GEMINI".
# (The capital comes before the lookbehind: the regex engine skips to capitals fast.)
_CAPITAL_WORD = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z0-9]{3,}(?![\w-])")
# The ending of a verb made of a name: "LLaMAfy", "BERTized".
_VERB_SUFFIX = re.compile(r"(?<=[A-Za-z0-9])(?:i?f(?:y|ie[sd]|ying|ication)|i[sz](?:e[sd]?|ing|ation))$")


_PARTS_PLURAL = frozenset({"modules", "blocks", "layers", "units"})
# Last words of a definition that name a family of techniques or a class of systems, not one of them.
_FAMILY_HEADS = frozenset({"learning", "system", "systems", "quantization", "pruning", "compression", "adaptation",
                           "merging", "augmentation", "guidance"})
# What calls a thing new or the paper's own, earlier in its sentence.
_NEW_OR_OWN = re.compile(r"\b(?:novel|new|proposed|[Oo]ur|component)\b")


def _initialism(short: str, long_form: str) -> bool:
    """Whether ``short`` spells the first letters of the words of ``long_form``, and nothing else.

    Examples
    --------
    >>> [_initialism(s, l) for s, l in (("IoT", "Internet of Things"), ("MP-GNNs", "message-passing graph neural networks"),
    ...  ("LoRA", "Low-Rank Adaptation"), ("HazeGen", "Hazy Image Generation"))]
    [True, True, False, False]
    """
    letters = re.sub(r"[^a-z0-9]", "", short.lower())
    initials = "".join(word[0] for word in re.split(r"[\s-]+", long_form.lower()) if word)
    return letters in (initials, initials + "s") or letters.removesuffix("s") == initials


def _generic_phrase(phrase: str) -> bool:
    """Whether ``phrase`` is generic, or lower-case words before a plural generic class of two words or more.

    A technique's name ("long-short masked contrastive learning") may end in a generic one's words;
    a class in the plural ("vision large language models") stays a class.

    Examples
    --------
    >>> [_generic_phrase(p) for p in ("vision large language models", "sparse contrastive learning", "LLMs")]
    [True, False, True]
    """
    if is_generic(phrase):
        return True
    words = phrase.split()
    return (phrase.islower() and phrase.endswith("s")
            and any(is_generic(" ".join(words[i:])) for i in range(1, len(words) - 1)))


def _survey_name(title: str) -> frozenset[str]:
    """The name a survey's title gives itself ("Mamba-360: Survey of State Space Models"): the survey's, no model's.

    Examples
    --------
    >>> _survey_name("Zorb-360: Survey of Foo Models"), _survey_name("Zorb-360: A Fast Foo Model")
    (frozenset({'Zorb-360'}), frozenset())
    """
    name, colon, subtitle = title.partition(":")
    if colon and _SURVEY.search(subtitle) and len(name.split()) == 1:
        return frozenset({name.strip()})
    return frozenset()


# Last words of a long form that make it a training loss, which is no model: "the bag-of-words loss (BoW)".
_LOSS_HEADS = frozenset("loss losses objective objectives criterion".split())


# A verb introducing what follows, with or without its "we": "we address X and introduce Y (SF)".
_INTRODUCING = re.compile(r"\b(?:propos|introduc|present|develop)\w*", re.IGNORECASE)


def _introduced_at(text: str, long_start: int, long_end: int) -> bool:
    """Whether the paper introduces the long form at ``text[long_start:long_end]``: "we propose X (XS)", "our key
    idea is X (XS)", "an X (XS) algorithm is proposed"."""
    opening = sentence_start(text, long_start)
    # (The verb close before it: "proposes an architecture with monolithic 3D (M3D) memories" introduces no M3D.)
    return (_INTRODUCING.search(text, max(opening, long_start - 50), long_start) is not None
            or _OUR_IDEA_IS.match(text, opening, long_start) is not None
            or _PROPOSED_AFTER.match(text, long_end) is not None)


def _generic_short_forms(text: str, known: Container[str] = ()) -> frozenset[str]:
    """The short forms ``text`` defines for a generic class, a loss or a task, singular and plural: no model anywhere in it.

    A class is also what the text counts in the plural, when lower-case words define it, no list
    knows it and the paper does not introduce it: "protein language model (pLM) ... LMs and pLMs".
    A task's name stays one unless a list knows it or the paper gives it to its own method: "Video
    Question Answering (VideoQA) requires ...", but "we propose Future Token Prediction (FTP)".

    Examples
    --------
    >>> sorted(_generic_short_forms("multimodal large language models (MM-LLMs) and Foo Nets (FNs)"))
    ['MM-LLM', 'MM-LLMs']
    >>> sorted(_generic_short_forms("the bag-of-words loss (BoW)"))
    ['BoW', 'BoWs']
    >>> sorted(_generic_short_forms("a protein language model (pLM) and other pLMs; a Foo Net (FN) and FNs"))
    ['pLM', 'pLMs']
    >>> sorted(_generic_short_forms("Video Question Answering (VideoQA) is hard. We propose Token Prediction (TP)."))
    ['VideoQA', 'VideoQAs']
    >>> sorted(_generic_short_forms("It reads a whole-slide image (WSI) through a first-in-first-out (FIFO) queue."))
    ['FIFO', 'FIFOs', 'WSI', 'WSIs']
    >>> sorted(_generic_short_forms("Existing zero-shot CIR (ZS-CIR) methods are slow."))
    ['ZS-CIR', 'ZS-CIRs']
    >>> sorted(_generic_short_forms("TTMBA: Towards Audio\\nWe propose a method for binaural audio generation (TTMBA)."))
    []
    """
    found = set()
    # The name before the title's colon is the paper's own, whatever its long form reads like ("TTMBA: Towards ...",
    # "... binaural audio generation (TTMBA)").
    title = text[: max(0, text.find("\n"))]
    title_at = title_name(title) if title else None
    own = title[title_at[0] : title_at[1]] if title_at else None
    for long_start, long_end, short_start, short_end in acronym_definitions(text):
        long_form = text[long_start:long_end]
        short = text[short_start:short_end]
        if short == own:
            continue
        counted = (long_form[1:].islower() and not short.endswith("s")  # (a sentence may open on it) and short not in known
                   and any(True for _ in _standalone(text, short + "s", joiners_after=""))
                   and not _introduced_at(text, long_start, long_end))
        task = short not in known and names_task(text, long_form, min(long_start, short_start))
        head = long_form.rsplit(None, 1)[-1].lower()
        # Lower-case words abbreviated by their initials name an idea, not a system, unless the paper introduces
        # it or its head is a model's: "multiple instance learning (MIL)", "first-in-first-out (FIFO)".
        abbreviated = (long_form[1:].islower() and short.removesuffix("s") not in known and _initialism(short, long_form)
                       and head.removesuffix("s") not in MODEL_HEADS
                       and not _introduced_at(text, long_start, long_end)
                       and long_form.lower() not in title.lower())  # (nor the title's subject)
        # A short form the text writes before the plural of a kind names the class: "zero-shot CIR (ZS-CIR)
        # methods", "Task-oriented dialogue (ToD) systems".
        end = max(long_end, short_end)
        class_of = text.startswith(")", end) and short not in known and _CLASS_NOUN_AFTER.match(text, end + 1)
        if counted or task or abbreviated or class_of or _generic_phrase(long_form) or head in _LOSS_HEADS:
            found.update((short, short[:-1]) if short.endswith("s") else (short, short + "s"))
    return frozenset(found)


def _listed_definitions(text: str, accepts) -> set[int]:
    """Where the long forms start of Title Case definitions listed with one ``accepts`` takes.

    "objectives: Time-Aware Masked Language Modeling (TAMLM), Document Dating (DD), and Time-Sensitive
    Entity Replacement (TSER)": the items of one list are things of one kind.

    Examples
    --------
    >>> text = "three objectives: Masked Language Modeling (MLM), Document Dating (DD), and Entity Swap (ES)."
    >>> [text[at:at + 14] for at in sorted(_listed_definitions(text, lambda lf, sf, at: sf == "MLM"))]
    ['Document Datin', 'Entity Swap (E']
    """
    pairs = acronym_definitions(text)
    if len(pairs) < 2:
        return set()
    chained = [False] * len(pairs)
    for index in range(1, len(pairs)):
        gap = text[pairs[index - 1][3] : pairs[index][0]]
        chained[index] = _LIST_GAP.fullmatch(gap) is not None
    listed: set[int] = set()
    # Runs of chained pairs: each Title Case item of a run with an accepted one is listed with it.
    run: list[int] = []
    for index in range(len(pairs) + 1):
        if index < len(pairs) and (not run or chained[index]):
            run.append(index)
            continue
        if len(run) > 1 and any(accepts(text[pairs[i][0] : pairs[i][1]], text[pairs[i][2] : pairs[i][3]], pairs[i][0])
                                for i in run):
            listed.update(pairs[i][0] for i in run if _title_case(text[pairs[i][0] : pairs[i][1]])
                          and not is_generic(text[pairs[i][2] : pairs[i][3]]))  # not "Convolutional Neural Networks (CNNs)"
        run = [index]
    return listed


_LIST_GAP = re.compile(r"\),?\s*(?:and\s+|or\s+)?")


def _title_case(phrase: str) -> bool:
    return all(word[:1].isupper() for word in phrase.replace("-", " ").split())


# A quoted name the text calls a method: ``Post-Hoc debias'' approach, "Debias Sampling" method.
_QUOTED_NAME = re.compile(
    r"(?:``|\")(?P<name>[A-Z][\w-]*(?: [\w-]+){0,3})(?:''|\")\s+(?:approach|method|strategy|step|technique|module|"
    r"mechanism|algorithm|framework|model|loss|objective)\b"
)


# The second size of "X-7B/13B", and the size a name ends with.
_ELIDED_SIZE = re.compile(r"(?<=\d[BM])/(?P<size>\d+(?:\.\d+)?[BM])(?![\w/])")
_LAST_SIZE = re.compile(r"\d+(?:\.\d+)?[BM]$")
_SLASHED_NAME = re.compile(r"/(?P<name>[A-Za-z][\w.+-]*[\w+])(?![\w/-])")

# The pair and its kind, then the passive of a cue: "an iterative surface fitting (ISF) algorithm is proposed".
_PROPOSED_AFTER = re.compile(r"\s*\([^()]{1,20}\)(?:\s+[a-z][\w-]*){0,2}\s+" + PASSIVE_PROPOSAL.pattern)
# The paper's second verb giving the name: "We observe ... and propose X (SF)".
_SECOND_VERB_CUE = re.compile(SECOND_PROPOSAL_VERB + r"\s+(?:an?\s+|the\s+)?(?:novel\s+|new\s+)?$")
_ARTICLE_BETWEEN = re.compile(r"\s+(?:an?\s+|the\s+)?(?:novel\s+|new\s+)?")
_OUR_IDEA_IS = re.compile(r"\s*(?:[^.;:]{0,40},\s*)?[Oo]ur\b[^.;:]{0,60}?\b(?:is|are)\s+(?:an?\s+|the\s+)?$")


# A capitalised word with a parameter count: hyphenated on ("Zorbex-7B", "Osprey-8x7B", "Heron-2-13B") or in
# parentheses after it ("Kestrel (7B)"); or with a "v" version ("Heron-v1.5").
# Found from the size, the rarer part, backwards to the word.
# (Each opens with a literal, which the regex engine skips to fast.)
_SIZE_SUFFIXES = (
    re.compile(r"-(?:v?\d+(?:\.\d+)?-)?(?:\d+x)?\d+(?:\.\d+)?B(?![\w])|-v\d+(?:\.\d+)*(?![\w])"),
    re.compile(r" \((?P<apart>)\d+(?:\.\d+)?B(?: parameters)?\)"),
)
_SIZED_WORD = re.compile(r"(?<![\w./-])[A-Z][A-Za-z]{2,}(?:-[A-Z][A-Za-z]+)?$")
# Capitalised words a size follows without naming a model: "Table (2B)" is rare, but these are common.
_NOT_SIZED = frozenset("Table Figure Section Appendix Total Up About Only Over Under With From".split())

def sized_names(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of capitalised words with a parameter count or a "v" version.

    Examples
    --------
    >>> text = "Zorbex-7B, Osprey-8x7B, Kestrel (7B), Heron-v1.5, LLaMA-2-7B, not Table-2B."
    >>> [text[s:e] for s, e in sized_names(text)]
    ['Zorbex-7B', 'Osprey-8x7B', 'Kestrel', 'Heron-v1.5', 'LLaMA-2-7B']
    >>> text = "QUX-H beats ZOR-XL and ZORB-3.5, not Plan-B, RGB-D, CIFAR-10 or COVID-19."
    >>> [text[s:e] for s, e in sized_names(text)]
    ['QUX-H', 'ZOR-XL', 'ZORB-3.5']
    """
    found = []
    for suffix in _SIZE_SUFFIXES:
        for size in suffix.finditer(text) if "B" in text or "-v" in text else ():
            word = _SIZED_WORD.search(text, max(0, size.start() - 40), size.start())
            if word is not None and word.group() not in _NOT_SIZED and not is_generic(word.group()):
                found.append((word.start(), size.start() if size.groupdict().get("apart") is not None else size.end()))
    for version in _CAPITALS_VERSION.finditer(text):
        # A name in capitals with a one-digit version: "GPT-2", "XLM-3.5" (not "CIFAR-10", "COVID-19").
        if not is_generic(version["stem"]):
            found.append(version.span())
    for size in _SIZE_LETTER.finditer(text) if "-" in text else ():
        # A size letter after a name in capitals ("EVA-E", "SAM-H"); mixed case ones are name-shaped already.
        word = _CAPITALS_BEFORE.search(text, max(0, size.start() - 20), size.start())
        if word is not None and not is_generic(word.group()):
            found.append((word.start(), size.end()))
    return sorted(found)


# (The capital comes before the lookbehind: the regex engine skips to capitals fast.)
_CAPITALS_VERSION = re.compile(r"(?P<stem>[A-Z](?<![\w./-][A-Z])[A-Z][A-Z0-9]*)-\d(?:\.\d)?[a-z]?(?![\w-]|\.\d)")
# The size letters of a model family (base, large, huge, giant, enormous), after a hyphen.
_SIZE_LETTER = re.compile(r"-(?:[BLHGE]|XX?L)(?![\w-])")
_CAPITALS_BEFORE = re.compile(r"(?<![\w./-])[A-Z]{2,}\d*$")


# A noun for models, then the names it lists: "retrieval functions such as BM25", "open LLMs, e.g., Qwen and Yi".
_MODEL_NOUNS = (r"(?:models?|baselines?|methods?|architectures?|LLMs|VLMs|MLLMs|LMMs|LVLMs|retrievers?|detectors?|"
                r"optimi[sz]ers?|encoders?|backbones?|networks?|algorithms?|approaches|functions?|agents?|chatbots?|"
                r"generators?|tokeni[sz]ers?|classifiers?|policies|frameworks?|systems)")
# Found from the listing words, the rarer part (a string search each): the noun for models right before them.
_LISTING_WORDS = ("such as", "including", "like", "e.g.", "namely", "i.e.")
_AFTER_LISTING = re.compile(r",?\s+")
_MODEL_NOUN_BEFORE = re.compile(r"\b" + _MODEL_NOUNS + r"\s*,?\s*\(?$")


# Found from each ", " (a string search), the rarer part: a noun for models before it, a name after it.
_MODEL_NOUN_RIGHT_BEFORE = re.compile(r"\b" + _MODEL_NOUNS + r"$")
_APPOSED_NAME = re.compile(r", (?P<name>[A-Z][\w^+.-]*[\w^+]),")
_SENTENCE_START_WORDS = frozenset("However Thus Therefore Moreover Furthermore Additionally Finally First Second "
                                  "Third Then Also Specifically Notably Instead Meanwhile Hence Overall".split())


@lru_cache(maxsize=1)
def _known_other_keys() -> frozenset[str]:
    """Keys of known names of kinds models never share a list with: data and measures."""
    return known_keys("datasets") | known_keys("benchmarks") | known_keys("metrics")


def listed_models(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the names a noun for models lists: "retrieval functions such as BM25 and QL".

    Examples
    --------
    >>> text = "Classic retrieval functions such as BM25 and QL-Dir remain strong, like our tasks such as VQA."
    >>> [text[s:e] for s, e in listed_models(text)]
    ['BM25', 'QL-Dir']
    >>> text = "We compare two models (FOOX and BarNet) with a larger model, ZORB, and models (Lee et al., 2020)."
    >>> [text[s:e] for s, e in listed_models(text)]
    ['FOOX', 'BarNet', 'ZORB']
    """
    from .data import listed_names  # data imports this module

    found = []
    for word in _LISTING_WORDS:
        at = text.find(word)
        while at >= 0:
            after = _AFTER_LISTING.match(text, at + len(word))
            if after is not None and _MODEL_NOUN_BEFORE.search(text, max(0, at - 24), at):
                found += listed_names(text, after.end())
            at = text.find(word, at + len(word))
    # In parentheses: "two models (SLIP and SimCLR)", a list of two or more closed right after its last item.
    paren = text.find(" (")
    while paren >= 0:
        if _MODEL_NOUN_BEFORE.search(text, max(0, paren - 24), paren):
            items = listed_names(text, paren + 2)
            if len(items) >= 2 and text[items[-1][1] : items[-1][1] + 1] == ")":
                found += items
        paren = text.find(" (", paren + 2)
    # Set off by commas after the noun: "a larger SOTA model, RAPHAEL, costs ...".
    comma = text.find(", ")
    while comma >= 0:
        apposed = _APPOSED_NAME.match(text, comma)
        if (apposed is not None and apposed["name"] not in _SENTENCE_START_WORDS
                and _MODEL_NOUN_RIGHT_BEFORE.search(text, max(0, comma - 16), comma)):
            found.append((*apposed.span("name"), False))
        comma = text.find(", ", comma + 2)
    # Counted by a noun for models after them: "outperforms CRISS and m2m-100, two strong NMT systems".
    for counted in _COUNTED_APPOSITION.finditer(text) if ", two " in text or ", three " in text or ", both " in text else ():
        found += _names_counted_before(text, counted.start(), _COUNTS.get(counted["count"], 2))
    # One word each, or words with a coined one: "Recurrent Neural Network" spells out a class.
    return [(start, end) for start, end, _ in found
            if " " not in text[start:end] or any(is_name_shaped(w) or not w.isalpha() for w in text[start:end].split())]


_COUNTED_APPOSITION = re.compile(r", (?P<count>two|three|both) (?:[\w-]+ ){0,4}?(?:" + _MODEL_NOUNS + r"|systems)\b")
_COUNTS = {"two": 2, "three": 3, "both": 2}
_COUNTED_ITEM = re.compile(r"(?:(?<=\s)|^)(?P<name>[A-Za-z0-9][\w.+-]*[\w+])(?P<joiner>,\s*(?:and\s+)?|\s+and\s+|$)")


def _names_counted_before(text: str, end: int, count: int) -> list[tuple[int, int, bool]]:
    """The ``count`` one-word names listed right before ``end`` ("X and Y" for two), or none if not so many.

    Examples
    --------
    >>> text = "It beats CRISS and m2m-100, two strong systems, and large models, two of them."
    >>> [text[s:e] for s, e, _ in _names_counted_before(text, 26, 2)], _names_counted_before(text, 63, 2)
    (['CRISS', 'm2m-100'], [])
    """
    window_start = max(0, end - 160)
    items = list(_COUNTED_ITEM.finditer(text[window_start:end]))[-count:]
    if len(items) < count or any(item.end() != nxt.start() for item, nxt in zip(items, items[1:])):
        return []
    names = [item["name"] for item in items]
    if not all(_NAME_LIKE.search(name) and not is_generic(name) for name in names):
        return []
    return [(window_start + item.start("name"), window_start + item.end("name"), False) for item in items]


_NAME_LIKE = re.compile(r"[A-Z0-9]")
# "SOLO, a single transformer for Scalable visiOn-Language mOdeling": capitals picked out of
# plain words to spell the acronym make those words look coined, but they are not names.
# (The first capital comes before the word-start lookbehind: the regex engine skips to capitals fast.)
_ACRONYM_GLOSS = re.compile(r"(?P<short>[A-Z](?<![\w-][A-Z])[A-Z]{2,7}), (?:a|an|the) (?P<gloss>[^.;:()]{8,120})")
_CAPITALS = re.compile(r"[A-Z]")
_ALL_CAPITALS = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{2,7}(?![\w-])")  # (the capital first: a fast skip to it)
_GLOSS_WORD = re.compile(r"[A-Za-z][\w-]*")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def _word_start(text: str, at: int) -> int:
    """Where the word holding ``text[at]`` starts (letters, digits, ``_`` and ``-`` make a word), 80 back at most."""
    floor = max(0, at - 80)
    while at > floor and (text[at - 1].isalnum() or text[at - 1] in "_-"):
        at -= 1
    return at


def _spelled_out_acronyms(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each gloss whose capitals spell the acronym before it, or an acronym of the text.

    Examples
    --------
    >>> text = "We present SOLO, a single transformer for Scalable visiOn-Language mOdeling. GPT-4 fails."
    >>> [text[s:e] for s, e in _spelled_out_acronyms(text)]
    ['single transformer for Scalable visiOn-Language mOdeling']
    >>> text = ("A framework, termed OREAL, pursues Outcome REwArd-based reinforcement Learning. HorNet fails. "
    ...         "READ aids REAsoning of where to attenD.")
    >>> [text[s:e] for s, e in _spelled_out_acronyms(text)]
    ['Outcome REwArd-based reinforcement Learning', 'REAsoning of where to attenD']
    """
    spans = [
        match.span("gloss")
        for match in _ACRONYM_GLOSS.finditer(text)
        if "".join(_CAPITALS.findall(match["gloss"])) == match["short"]
    ]
    acronyms = {match.group() for match in _ALL_CAPITALS.finditer(text)}
    if not acronyms:
        return spans
    # A word with a capital inside ("REwArd") in a run of words whose capitals spell an acronym the text uses:
    # only a word whose own capitals are part of such an acronym is looked at, within a few words around it.
    spelled = "\n".join(acronyms)
    glossed = sorted(spans)
    covered_to = 0  # the runs found below come in text order
    for inner in _INNER_CAPITAL.finditer(text):
        if inner.start() < covered_to:
            continue  # each word once
        odd = _GLOSS_WORD.match(text, max(covered_to, _word_start(text, inner.start())))
        if odd is None:
            continue
        covered_to = odd.end()
        if "".join(_CAPITALS.findall(odd.group())) not in spelled:
            continue
        at = bisect.bisect_right(glossed, (odd.start(), len(text))) - 1
        if at >= 0 and glossed[at][0] <= odd.start() < glossed[at][1]:
            continue
        window_start = max(0, odd.start() - 80)
        words = list(_GLOSS_WORD.finditer(text, window_start, min(len(text), odd.end() + 80)))
        i = next(k for k, word in enumerate(words) if word.start() >= odd.start())
        found = next(((words[first].start(), words[last].end())
                      for first in range(max(0, i - 5), i + 1) if not words[first].group().islower()
                      for last in range(max(i, first + 1), min(len(words), first + 8))
                      if not words[last].group().islower()
                      and "".join(_CAPITALS.findall(text, words[first].start(), words[last].end())) in acronyms), None)
        if found is not None:
            spans.append(found)
            covered_to = found[1]
    return spans


@Language.factory(
    "paperkg_model",
    default_config={
        "gazetteer": "models",
        "gazetteer_confidence": 0.85,
        "title_confidence": 0.88,
        "definition_confidence": 0.8,
        # Below the dataset and benchmark name shapes: "We release X-10M, a ..." is data.
        "introduced_confidence": 0.65,
        "shape_confidence": 0.55,
    },
    assigns=["doc.spans", "span._.paperkg_rule", "span._.paperkg_confidence", "span._.paperkg_alias_of"],
)
def make_model_extractor(
    nlp: Language,
    name: str,
    gazetteer: str,
    gazetteer_confidence: float,
    title_confidence: float,
    definition_confidence: float,
    introduced_confidence: float,
    shape_confidence: float,
) -> ModelExtractor:
    return ModelExtractor(
        nlp,
        name,
        gazetteer=gazetteer,
        gazetteer_confidence=gazetteer_confidence,
        title_confidence=title_confidence,
        definition_confidence=definition_confidence,
        introduced_confidence=introduced_confidence,
        shape_confidence=shape_confidence,
    )
