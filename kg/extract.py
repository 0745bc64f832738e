"""Run the extractors over papers: mentions with evidence, grouped per paper."""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from paperkg import extractors
from paperkg.extractors import PROPOSES_KEY, SPANS_KEY
from paperkg.extractors.base import doc_text, make_doc, span_evidence

from .aliases import AliasTable
from .core.model import ENTITY_TYPES, Mention, Paper, PaperEntities, normalize_key
from .resolve import DisjointSets

__all__ = [
    "extract_papers",
    "mentions_of",
    "group_mentions",
    "gold_record",
    "apply_aliases",
    "recognise_corpus_names",
    "STRONG_RULES",
    "CORPUS_CONFIDENCE",
]

#: Extractor rules (the part after ``component:``) that name an entity with a cue strong
#: enough to recognise the name in every other abstract: a title's "Name:", an acronym
#: definition, a cue noun ("the X benchmark"); names a paper proposes count too.
STRONG_RULES = frozenset({"title", "definition", "cue"})
#: Confidence of a name found only because another abstract named it with a strong cue.
CORPUS_CONFIDENCE = 0.5


def mentions_of(doc: Doc, paper: Paper, sentences: list[Span] | None = None) -> list[Mention]:
    """The doc's entity spans as :class:`~paperkg.core.model.Mention` records with their sentences.

    ``sentences`` are ``list(doc.sents)``, when the caller has them already.

    Examples
    --------
    >>> paper = Paper("X", "Intro. We train GPT-4 here.")
    >>> [(m.text, m.sentence, m.sentence_start) for m in mentions_of(extractors.make_pipeline()(paper.text), paper)]
    [('GPT-4', 'We train GPT-4 here.', 10)]
    """
    spans = doc.spans.get(SPANS_KEY, [])
    if not len(spans):
        return []
    text = doc_text(doc)
    # ``span.sent`` walks the tokens back to the sentence start and ``.text`` joins them
    # again; the sentence holding a span's first token is looked up instead.
    sentences = list(doc.sents) if sentences is None else sentences
    sentence_starts = [sentence.start for sentence in sentences]
    # One string per sentence, shared by its mentions: pickled once per record, held once in memory.
    sentence_texts: dict[int, str] = {}
    found = []
    for span in spans:
        sentence = sentences[bisect.bisect_right(sentence_starts, span.start) - 1]
        start, end, sentence_start = span.start_char, span.end_char, sentence.start_char
        if sentence_start not in sentence_texts:
            sentence_texts[sentence_start] = text[sentence_start : sentence.end_char]
        rule, confidence, canonical, alias_of = span_evidence(doc, start, end)
        found.append(
            Mention(
                paper_id=paper.id,
                type=span.label_.lower(),
                text=text[start:end],
                start=start,
                end=end,
                sentence=sentence_texts[sentence_start],
                sentence_start=sentence_start,
                rule=rule,
                confidence=round(float(confidence), 4),
                canonical=canonical,
                alias_of=alias_of,
            )
        )
    return found


# The same names recur in every paper and across papers: each is normalized once.
_key = lru_cache(maxsize=1 << 16)(normalize_key)


def _name(mention: Mention) -> str:
    return mention.canonical or mention.text


def group_mentions(mentions: list[Mention]) -> dict[str, list[list[str]]]:
    """Group one paper's mentions into entities by normalized name and alias links.

    Each entity takes the type its mentions carry with the most total
    confidence; names are listed most specific first: the short name an alias
    points to, then by first appearance.

    Examples
    --------
    >>> m = lambda text, start, **kw: Mention("p", kw.pop("type", "model"), text, start,
    ...     start + len(text), "", 0, "test", kw.pop("confidence", 0.9), **kw)
    >>> group_mentions([
    ...     m("Large Vision Diffusion Transformer", 0, alias_of="LaVin-DiT"),
    ...     m("LaVin-DiT", 40), m("Lavin-DiT", 90), m("ImageNet", 120, type="dataset"),
    ... ])
    {'model': [['LaVin-DiT', 'Lavin-DiT', 'Large Vision Diffusion Transformer']], 'dataset': [['ImageNet']], 'benchmark': [], 'metric': [], 'repo': []}
    """
    sets = DisjointSets()
    for mention in mentions:
        key = _key(_name(mention))
        sets.find(key)
        if mention.alias_of and _key(mention.alias_of):
            sets.union(key, _key(mention.alias_of))

    _link_expanded_abbreviations(mentions, sets)
    _link_modified_measures(mentions, sets)

    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: m.start):
        groups[sets.find(_key(_name(mention)))].append(mention)

    entities: dict[str, list[list[str]]] = {t: [] for t in ENTITY_TYPES}
    for root, members in groups.items():
        weight: dict[str, float] = defaultdict(float)
        for mention in members:
            weight[mention.type] += mention.confidence
        entity_type = max(ENTITY_TYPES, key=lambda t: weight.get(t, 0.0))
        pointed_to = {_key(m.alias_of) for m in members if m.alias_of}
        names: list[str] = []
        for mention in sorted(members, key=lambda m: (_key(_name(m)) not in pointed_to, m.start)):
            if _name(mention) not in names:
                names.append(_name(mention))
        entities[entity_type].append(names)
    return entities


#: Longest short form the abbreviation link expands ("ViT", "T2T", not "Tokens-to-Token").
_ABBREVIATION_MAX = 8


def _link_expanded_abbreviations(mentions: list[Mention], sets: DisjointSets) -> None:
    """Join names that differ only in a short form the paper defines: "T2T-ViT" and "Tokens-to-Token ViT".

    Every short form an alias link gives ("Vision Transformer" → "ViT") is
    written out in each name; names whose written-out forms normalize alike
    are one entity.

    Examples
    --------
    >>> m = lambda text, start, alias_of=None: Mention("p", "model", text, start, start + len(text), "", 0,
    ...     "test", 0.9, alias_of=alias_of)
    >>> group_mentions([m("Tokens-to-Token ViT", 0), m("Vision Transformer", 30, "ViT"), m("ViT", 50),
    ...     m("Tokens-to-Token", 60, "T2T"), m("T2T", 80), m("T2T-ViT", 90)])["model"]
    [['Tokens-to-Token ViT', 'T2T-ViT'], ['ViT', 'Vision Transformer'], ['T2T', 'Tokens-to-Token']]
    """
    long_forms = {
        m.alias_of: _name(m) for m in mentions
        if m.alias_of and len(m.alias_of) <= _ABBREVIATION_MAX and " " not in m.alias_of
        and len(re.findall(r"[^\W_]+", _name(m))) > 1
    }
    if not long_forms:
        return
    short_form = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, long_forms)) + r")(?![^\W_])")
    by_expansion: dict[str, str] = {}
    for mention in mentions:
        name = _name(mention)
        expanded = _key(short_form.sub(lambda found: long_forms[found.group()], name))
        key = _key(name)
        if expanded == key and expanded not in by_expansion:
            by_expansion[expanded] = key
            continue
        sets.union(key, by_expansion.setdefault(expanded, key))


def _link_modified_measures(mentions: list[Mention], sets: DisjointSets) -> None:
    """Join a metric to the one longer metric of the paper that is it with modifiers added.

    "average accuracy" and "accuracy", "on-device GPU memory usage" and "on-device
    memory usage" are one measure written twice; when two longer names qualify
    ("top-1 accuracy", "top-5 accuracy"), the short one stays apart.

    Examples
    --------
    >>> m = lambda text, start: Mention("p", "metric", text, start, start + len(text), "", 0, "test", 0.7)
    >>> group_mentions([m("accuracy", 0), m("average accuracy", 20), m("on-device GPU memory usage", 40),
    ...                 m("on-device memory usage", 80)])["metric"]
    [['accuracy', 'average accuracy'], ['on-device GPU memory usage', 'on-device memory usage']]
    >>> group_mentions([m("accuracy", 0), m("top-1 accuracy", 20), m("top-5 accuracy", 40)])["metric"]
    [['accuracy'], ['top-1 accuracy'], ['top-5 accuracy']]
    >>> group_mentions([m("CLIP Aesthetic Score", 0), m("CLIP Score", 30)])["metric"]  # a named measure of its own
    [['CLIP Aesthetic Score'], ['CLIP Score']]
    >>> defined = Mention("p", "metric", "conversational DER", 40, 58, "", 0, "test", 0.9, alias_of="CDER")
    >>> group_mentions([m("DER", 0), defined, m("CDER", 60)])["metric"]  # a long form with a short form of its own
    [['DER'], ['CDER', 'conversational DER']]
    """
    words = {_key(_name(m)): _name(m).lower().split() for m in mentions if m.type == "metric"}
    named = {_key(_name(m)) for m in mentions
             if m.type == "metric" and " " in _name(m) and all(word[:1].isupper() for word in _name(m).split())}
    # A longer name the paper gives a short form of its own names its own measure: "conversational DER (CDER)"
    # beside "DER".
    short_form_of = {_key(_name(m)): _key(m.alias_of) for m in mentions if m.type == "metric" and m.alias_of}
    for key, short in words.items():
        if key in named:
            continue  # a measure named in Title Case is one of its own: "CLIP Score" beside "CLIP Aesthetic Score"
        longer = [other for other, long_words in words.items()
                  if len(long_words) > len(short) and long_words[-1] == short[-1] and _subsequence(short, long_words)
                  and short_form_of.get(other, key) == key]
        if len(longer) == 1:
            sets.union(longer[0], key)


def _subsequence(short: list[str], long: list[str]) -> bool:
    """Whether ``short``'s words appear in ``long`` in order."""
    remaining = iter(long)
    return all(word in remaining for word in short)


def extract_papers(
    papers: Iterable[Paper],
    nlp: Language | None = None,
    *,
    batch_size: int = 64,
    aliases: AliasTable | None = None,
    corpus_pass: bool = False,
) -> Iterator[PaperEntities]:
    """Extract every paper's entities, in input order.

    ``aliases`` applies a user's alias file (:func:`apply_aliases`);
    ``corpus_pass`` adds the second pass of :func:`recognise_corpus_names`,
    which reads all papers before yielding the first.

    Examples
    --------
    >>> paper = Paper("MambaOut: Do We Really Need Mamba for Vision?",
    ...               "Code: https://github.com/yuweihao/MambaOut")
    >>> found = next(extract_papers([paper]))
    >>> found.entities["repo"]
    [['github.com/yuweihao/MambaOut']]
    """
    nlp = nlp or extractors.make_pipeline()
    papers = list(papers) if not isinstance(papers, list) else papers
    texts = ((make_doc(nlp, paper.text), paper) for paper in papers)
    first_pass = (
        apply_aliases(_paper_entities(doc, paper), aliases)
        for doc, paper in nlp.pipe(texts, as_tuples=True, batch_size=batch_size)
    )
    if corpus_pass:
        yield from recognise_corpus_names(list(first_pass))
    else:
        yield from first_pass


def _paper_entities(doc: Doc, paper: Paper) -> PaperEntities:
    sentences = list(doc.sents)
    mentions = mentions_of(doc, paper, sentences)
    entities = group_mentions(mentions)
    return PaperEntities(paper, mentions, entities, _proposed_names(doc, entities),
                         [(sentence.start_char, sentence.end_char) for sentence in sentences])


def apply_aliases(found: PaperEntities, aliases: AliasTable | None) -> PaperEntities:
    """Drop the names an alias file blocks and group each alias with its canonical name.

    Examples
    --------
    >>> from paperkg.aliases import parse_aliases
    >>> found = next(extract_papers([Paper("X", "We compare GPT-4 with BERT, LLaMA-2 and Llama2-Chat.")]))
    >>> found.entities["model"]
    [['GPT-4'], ['BERT'], ['LLaMA-2'], ['Llama2-Chat']]
    >>> apply_aliases(found, parse_aliases(["!BERT", "LLaMA-2 = Llama2-Chat"])).entities["model"]
    [['GPT-4'], ['LLaMA-2', 'Llama2-Chat']]
    """
    if not aliases:
        return found
    kept = []
    for mention in found.mentions:
        name = mention.canonical or mention.text
        if aliases.is_blocked(name) or (mention.alias_of and aliases.is_blocked(mention.alias_of)):
            continue  # (a name for a blocked one, "BERTs" for BERT, is blocked with it)
        canonical = aliases.canonical_of(name)
        if canonical and mention.alias_of is None and normalize_key(canonical) != normalize_key(name):
            mention = replace(mention, alias_of=canonical)
        kept.append(mention)
    entities = group_mentions(kept)
    proposes = [name for name in found.proposes if not aliases.is_blocked(name)]
    return replace(found, mentions=kept, entities=entities, proposes=proposes)


def _strong_names(found: PaperEntities) -> Iterator[tuple[str, tuple[str, str]]]:
    """``(name, (type, rule))`` for the paper's entities named with a strong cue or proposed."""
    proposed = {normalize_key(name) for name in found.proposes}
    for mention in found.mentions:
        rule = mention.rule or ""
        name = mention.canonical or mention.text
        if mention.type in ("model", "dataset", "benchmark") and len(name) > 1 and (
            rule.rpartition(":")[2] in STRONG_RULES or normalize_key(name) in proposed
        ):
            yield name, (mention.type, rule)


def recognise_corpus_names(extracted: list[PaperEntities]) -> list[PaperEntities]:
    """Find, in every paper, the names any paper of the corpus gives with a strong cue.

    A strong cue is one of :data:`STRONG_RULES` or a name the paper proposes;
    each new mention gets the rule ``corpus:`` + the cue's rule and
    :data:`CORPUS_CONFIDENCE`. Names are matched case-sensitively on whole
    tokens, never over a mention the paper already has.

    Examples
    --------
    >>> papers = [Paper("Zorro: a model", "We propose Zorro."), Paper("Other", "Zorro is fast.")]
    >>> [(m.text, m.rule) for m in recognise_corpus_names(list(extract_papers(papers)))[1].mentions]
    [('Zorro', 'corpus:paperkg_model:title')]
    """
    strong: dict[str, tuple[str, str]] = {}
    for found in extracted:
        for name, cue in _strong_names(found):
            strong.setdefault(name, cue)
    tokenizer = spacy.blank("en")
    matcher = PhraseMatcher(tokenizer.vocab, attr="ORTH")
    for name in strong:
        matcher.add(name, [tokenizer.make_doc(name)])
    return [_add_corpus_mentions(found, tokenizer, matcher, strong) for found in extracted]


def _add_corpus_mentions(found: PaperEntities, tokenizer: Language, matcher: PhraseMatcher,
                         strong: dict[str, tuple[str, str]]) -> PaperEntities:
    text = found.paper.text
    doc = tokenizer.make_doc(text)
    sentences = found.sentences
    starts = [start for start, _ in sentences]
    taken = [(m.start, m.end) for m in found.mentions]
    added = []
    for match_id, start, end in matcher(doc):
        span = doc[start:end]
        if any(span.start_char < e and s < span.end_char for s, e in taken):
            continue
        taken.append((span.start_char, span.end_char))
        entity_type, rule = strong[tokenizer.vocab.strings[match_id]]
        sentence_start, sentence_end = sentences[max(0, bisect.bisect_right(starts, span.start_char) - 1)]
        added.append(Mention(found.paper.id, entity_type, span.text, span.start_char, span.end_char,
                             text[sentence_start:sentence_end], sentence_start, f"corpus:{rule}", CORPUS_CONFIDENCE))
    if not added:
        return found
    mentions = sorted(found.mentions + added, key=lambda m: m.start)
    return replace(found, mentions=mentions, entities=group_mentions(mentions))


def _proposed_names(doc: Doc, entities: dict[str, list[list[str]]]) -> list[str]:
    """First names of the entities the paper proposes, as spelled in ``entities``."""
    first_name = {_key(name): group[0] for groups in entities.values() for group in groups for name in group}
    proposed: list[str] = []
    text = doc_text(doc)
    for span in doc.spans.get(PROPOSES_KEY, []):
        canonical = span_evidence(doc, span.start_char, span.end_char)[2]
        name = first_name.get(_key(canonical or text[span.start_char : span.end_char]))
        if name and name not in proposed:
            proposed.append(name)
    return proposed


def gold_record(found: PaperEntities) -> dict:
    """One line of the annotation guidelines' JSON Lines format.

    An entity's names include those its aliases point to that the text never
    writes: "BLEU scores" is BLEU, "FIDs" is FID.

    Examples
    --------
    >>> found = next(extract_papers([Paper("X", "It cuts FIDs by 2 and lifts BLEU scores by 3 points.")]))
    >>> gold_record(found)["entities"]["metric"]
    ['FIDs | FID', 'BLEU scores | BLEU']
    """
    pointed_to = defaultdict(list)
    for mention in found.mentions:
        if mention.alias_of:
            pointed_to[_key(_name(mention))].append(mention.alias_of)

    def all_names(names: list[str]) -> str:
        written = {_key(name) for name in names}
        unwritten = [target for name in names for target in pointed_to.get(_key(name), ()) if _key(target) not in written]
        return " | ".join(names + list(dict.fromkeys(unwritten)))

    return {
        "title": found.paper.title,
        "entities": {t: [all_names(names) for names in found.entities[t]] for t in ENTITY_TYPES},
        "proposes": found.proposes,
    }
