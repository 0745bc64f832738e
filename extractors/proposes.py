"""What a paper introduces: the title's "Name:" and the names after "we propose/introduce".

This component runs after ``paperkg_span_resolver`` and picks among the
final entity spans, so a proposed name is always one of the paper's
entities. Known names from a gazetteer (``GPT-4``, ``ImageNet``) are what
papers build on, not what they introduce, so only the title's own name
may be a known one.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import ahocorasick

from spacy.language import Language
from spacy.tokens import Doc, Span

from paperkg.core.model import normalize_key

from .abbreviations import acronym_definitions, kind_after
from .base import PROPOSES_KEY, SPANS_KEY, doc_text, evidence_table, span_extension, title_span
from .lexicon import (DATA_HEAD_WORD, OWN_KIND, OWN_THING, PART_KINDS, PARTS_LISTED, PASSIVE_PROPOSAL,
                      SECOND_PROPOSAL_OPENINGS, SECOND_PROPOSAL_VERB, SENTENCE_END, SENTENCE_REACH, VARIANT_WORDS,
                      continues_word, finditer_at_words, known_keys, proposal_cues, sentence_start, word_automaton)
from .model import is_survey, title_name
from .roles import role_before

__all__ = ["ProposesDetector"]

# Where a proposal's names end: the end of its sentence, or where it turns to
# what the new thing builds on or is compared with.
_PROPOSAL_END = re.compile(
    r"[.!?](?:\s|$)|\n|\b(?:using|utiliz\w*|employ\w*|based on|built on|with|leverag\w*|on top of|than|outperform\w*|"
    r"compared|such as|including|from|via|by|match(?:es|ing)?|akin to|similar to|comparable to|rival\w*|beat(?:s|ing)?|"
    r"surpass\w*|(?:an?|the) fine-tuned)\b"
)
# Cues the shared PROPOSAL_CUE leaves out because they name no subject: a second verb of
# the paper's ("..., and introduce X"), "our research introduces X", "three new tasks (X, Y)",
# "the result is X" naming what the paper's design led to, "One, X, ... The other, Y, ...",
# "our method, SRR, ...".
_MORE_CUES = re.compile(
    SECOND_PROPOSAL_VERB + r"|\bour (?:research|study) (?:introduce|propose|present)s\b"
    r"|\b(?:new|novel|innovative)\b(?! (?:state|sota|record|best|high|low|level|insight|perspective))"
    r"|\bthe (?:end )?result is(?=(?-i: [A-Z]))|(?-i:\b(?:One|The other|The first|The second), (?=[a-z]))"
    r"|\bour " + OWN_THING + r",? (?=(?-i:[A-Z]|[a-z]+[A-Z]))"
    r"|\bour (?:key |main |core |central )?(?:idea|insight|contribution|solution)s? (?:is|are) (?:an? |the )?"
    # "At the core of our approach is FlexFormer", "The core of AccSamp is the ... Operation (AlignOp)"
    r"|\b(?:at )?the (?:core|heart) of (?:our |this |the proposed )?[\w-]+(?: [\w-]+)? (?:is|lies) (?:an? |the )?",
    re.IGNORECASE,
)
# Where a _MORE_CUES match starts: the first words of its branches.
_MORE_CUE_WORDS = word_automaton(
    list(SECOND_PROPOSAL_OPENINGS)
    + ["our research ", "our study ", "new", "novel", "innovative", "the result is", "the end result is"]
    + ["one, ", "the other, ", "the first, ", "the second, ", "our ", "at the core of", "the core of",
       "at the heart of", "the heart of"]
)
# A sentence that opens on the paper's own system: "Our model, ...", "Our framework integrates ...".
_OUR_OPENING = re.compile(r"\s*(?:[^,.;:]{0,40},\s*)?[Oo]ur (?:[\w-]+ ){0,2}?(?:model|method|framework|approach|system|"
                          r"architecture|network|pipeline|agent)s?\b")
# A preposition before a name and its determiner and modifiers: what a system uses or is compared with.
_USED_BEFORE = re.compile(r"\b(?:using|use|uses|with|from|on|in|of|via|as|like|than|over|to)\s+(?:the\s+|a\s+|an\s+)?"
                          r"(?:[\w-]+\s+){0,3}$")
# Verbs that say what a system is made of.
_MADE_OF = re.compile(r"\b(?:contain|consist|compris|compos|includ|introduc|adopt|integrat|incorporat|featur|employ|"
                      r"equip|cascad)\w*\b")
# A name described as a part, or followed by its kind: "FlexFuse, an adaptive event-frame fusion module", "the
# AnyLength mechanism".
_CALLED_PART = re.compile(r"(?:,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}?|\s+)(?:" + "|".join(sorted(PART_KINDS)) + r")\b")
# The paper's own system as the text calls it: "our network", "our proposed framework".
_OUR_SYSTEM = re.compile(r"\b[Oo]ur (?:[\w-]+ ){0,2}?(?:" + OWN_KIND + r"|network)s?\b")
# "We introduce three frameworks: A, which ...; B, a ...; and C, ...": each clause of a
# semicolon list opens with one more proposed name, past where the first clause's proposal ended.
_NEXT_CLAUSE = re.compile(r";\s+(?:and\s+|or\s+)?")
# A known short form the paper defines in parentheses ("a novel Selective S4 (i.e., S5) model")
# is the paper's own name, even though a gazetteer knows it.
_DEFINED_SHORT_FORM = re.compile(r"\((?:i\.e\.,?\s*|or\s+)?$")
_OUR_DEFINED = re.compile(r"[Oo]ur (?:(?P<long>(?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*)\s+\([A-Za-z][\w^+-]{0,15}\)"
                          # or its kind, then the name in brackets: "our 4B model (LMT-60-4B)"
                          r"|(?:[\w-]+\s+){0,3}?" + OWN_KIND
                          + r"s?\s+\((?P<named>[A-Za-z][\w^+.-]{1,30})\))")
# The text calling a measure new, or what the proposal is: "a novel five-dimensional metric", "a new metric, X",
# "X, a simple yet effective evaluation metric", "X as a complementary metric", "the X (SF) metric".
_CALLED_METRIC = re.compile(r"\b(?:new|novel|proposed)\s+(?:[\w-]+\s+){0,3}?(?:\([\w-]{1,20}\)\s+)?(?:evaluation\s+)?"
                            r"(?:metric|measure)s?\b|\bmetric,|\([\w-]{1,20}\)\s+(?:evaluation\s+)?metric\b(?![\w-])"
                            r"|(?:,|\bas)\s+an?\s+(?:[\w-]+\s+){0,5}?(?:metric|measure)\b", re.IGNORECASE)


def _our_defined(text: str) -> list[re.Match]:
    """Each "our Long Form (SF)", tried only where "our " stands (a string search, not the pattern's scan)."""
    found = []
    for opener in ("our ", "Our "):
        at = text.find(opener)
        while at >= 0:
            if at == 0 or not text[at - 1].isalnum():
                match = _OUR_DEFINED.match(text, at)
                if match is not None:
                    found.append(match)
            at = text.find(opener, at + 4)
    return found


def _passive_proposals(text: str) -> list[int]:
    """Where "is proposed" / "are introduced" (and the like) start, found from " is " / " are " (string searches)."""
    found = []
    for verb in (" is ", " are "):
        at = text.find(verb)
        while at >= 0:
            if PASSIVE_PROPOSAL.match(text, at + 1):
                found.append(at + 1)
            at = text.find(verb, at + len(verb))
    return found
# The words of a long form, a name's hyphenated descriptor left off: "MatFormer-based ViT" has "MatFormer".
_NAME_WORD = re.compile(r"[\w^+.]+")
# The paper building a part into its system.
_BUILT_IN = re.compile(r"\b[Ww]e (?:(?:\w+ly|then|also|further|first) )?(?:incorporat|attach|integrat|insert|equip|plug)\w*\b")
_RIGHT_AFTER_CUE = re.compile(r"\s+(?:the\s+)?")
_PREPOSITION = re.compile(r"\b(?:on|in|with|for|to|from|by|over|across|using|against|than)\b", re.IGNORECASE)
# A name, known or not, that the paper calls its own thing: "Our resulting model, LLaMA-Clinic, ...".
_CALLED_OURS = re.compile(r"\bour " + OWN_THING + r",? $", re.IGNORECASE)
# The verb of a proposal right before a name: "we propose", "this paper introduces the".
_PROPOSED_RIGHT_BEFORE = re.compile(r"\b(?:we|this (?:paper|work))\s+(?:(?:first|further|also|then)\s+)?"
                                    r"(?:propose|present|introduce)[sd]?\s+(?:the\s+)?$", re.IGNORECASE)
_DESCRIBED = re.compile(r",\s+(?:a|an)\s|\s+\((?![\w\s.,]*\d{4})")  # not "X (Smith et al., 2023)"
# A name set off and called new: "HaystackCraft, a new NIAH benchmark built on ...", "X (SF), a novel approach".
_CALLED_NEW = re.compile(r"\s*(?:\([^()]{1,20}\))?,\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:new|novel|newly)\b")
# Data the paper calls its own, before or after the name: "our newly compiled benchmark dataset, FreshWiki-2024",
# "our custom xNot360 dataset", "DocAssist, our constructed dataset".
_OUR_DATA_BEFORE = re.compile(r"\b[Oo]ur\s+(?:(?:(?!(?:on|in|of|for|with|to|from|by|at|over|across)\b)[\w-]+\s+){0,3}?"
                              + DATA_HEAD_WORD + r"s?\s*,\s*"
                              r"|(?:(?:own|custom|new|newly|curated|constructed|collected|compiled|proposed)\s+)+)$")
_DATA_NOUN_AFTER = re.compile(r"\s+" + DATA_HEAD_WORD + r"s?\b")
_OUR_DATA_AFTER = re.compile(r"\s*,\s+our\s+(?:[\w-]+\s+){0,3}?" + DATA_HEAD_WORD + r"s?\b")
# A Title Case name right after a cue, defined with its short form in brackets.
_CUE_DEFINES = re.compile(r"\s+(?:an?\s+|the\s+)?(?:novel\s+|new\s+)?(?P<long>[A-Z][\w-]*(?:\s+[\w-]+){1,7}?)"
                          r"\s+\((?P<short>[A-Za-z][\w^+.-]{1,15})\)")
# A hyphenated word in a known name and version: "-Legal" in "Phi-2-Legal", "Mistral-Legal-7B".
_HYPHENATED_WORD = re.compile(r"-([A-Z][a-z]{2,})(?![\w])")
# "X (ours)" in a results sentence also marks the paper's own system.
_OURS = re.compile(r"\(\s*ours\s*\)", re.IGNORECASE)
# A size or version after a proposed name: "-32B", "-7B-Chat", "-v2", "-Large".
_VARIANT_SUFFIX = re.compile(r"(?:-(?:v?\d+(?:\.\d+)?[BMK]?|[A-Z][a-z]+|[A-Z]{1,2}))+")
# "Our Mixed-CoT-RL model": the name between "our" and a noun for what the paper built.
_OUR_NAME_THEN_NOUN = re.compile(r"\b[Oo]ur $")
_AFTER_OUR_NAME = re.compile(r" (?:model|method|framework|approach|system|agent|pipeline|architecture)s?\b"
                              # or the verb of a sentence about it: "Our LiteFlowNet2 outperforms FlowNet2"
                              r"| (?:\w+ly )?(?:achiev|outperform|surpass|improv|reach|yield|obtain|reduc|deliver|"
                              r"attain|exceed|beat|optimi[sz])\w*\b")


def _known(label: str) -> frozenset[str]:
    """The normalized names the gazetteer of ``label`` knows (``known_keys`` keeps them once loaded)."""
    return known_keys(_GAZETTEER_OF[label]) if label in _GAZETTEER_OF else frozenset()


_OURS_BEFORE = re.compile(r"\b[Oo]ur\s+(?:[\w-]+\s+){0,4}(?:\()?$")
_SHORT_FORM_AFTER = re.compile(r"\s*\((?P<short>[^()\s]{2,20})\)")
_GAZETTEER_OF = {"MODEL": "models", "DATASET": "datasets", "BENCHMARK": "benchmarks", "METRIC": "metrics"}


class ProposesDetector:
    """Write the spans of entities the paper introduces to ``doc.spans["paperkg_proposes"]``.

    Examples
    --------
    >>> from paperkg import extractors
    >>> nlp = extractors.make_pipeline()
    >>> doc = nlp("COSMO: a model\\n\\nWe propose COSMO and the ST-Align dataset, built with GPT-4.")
    >>> [s.text for s in doc.spans["paperkg_proposes"]]
    ['COSMO', 'COSMO', 'ST-Align']
    """

    def __init__(self, nlp: Language, name: str, *, labels: list[str], window: int):
        self.name = name
        self.labels = frozenset(labels)
        self.window = window

    def __call__(self, doc: Doc) -> Doc:
        spans = [s for s in doc.spans.get(SPANS_KEY, []) if s.label_ in self.labels]
        proposed: list[Span] = []
        text = doc_text(doc)
        title = title_span(doc)
        if is_survey(text[title.start_char : title.end_char]):  # (Span.text would join its tokens again)
            doc.spans[PROPOSES_KEY] = []
            return doc
        found = title_name(text[title.start_char : title.end_char])
        if found is not None:
            start, end = title.start_char + found[0], title.start_char + found[1]
            proposed += [s for s in spans if s.start_char < end and s.end_char > start]
            # The title name's own variants ("Ziya-VL-Chat") are the model extractor's title rule.
            proposed += [s for s in spans if s.start_char >= end and self._rule(doc, s).endswith(":title")]
        starts = [s.start_char for s in spans]  # spans come sorted by position
        more_cues = (cue.end() for cue in finditer_at_words(_MORE_CUES, _MORE_CUE_WORDS, text, title.end_char))
        for cue_end in sorted({end for _, end in proposal_cues(text, title.end_char)}.union(more_cues)):
            stop = _PROPOSAL_END.search(text, cue_end, cue_end + self.window + 1)  # (not to the text's end: once a cue)
            limit = min(cue_end + self.window, stop.start() if stop else len(text))
            first, last = bisect_left(starts, cue_end), bisect_left(starts, limit)
            # After "our proposed", only the names of the thing it describes, not what a preposition then
            # gives it ("our proposed approaches on two databases IEMOCAP and RAVDESS").
            described_only = text.endswith("proposed", 0, cue_end)
            proposed += [s for s in spans[first:last] if (self._novel(doc, s) or self._defined_here(text, s)
                         or self._named_by_cue(text, cue_end, s) or self._renamed(s.text)
                         or _CALLED_OURS.search(text, max(0, s.start_char - 60), s.start_char) is not None)
                         and not (described_only and _PREPOSITION.search(text, cue_end, s.start_char))]
            if (defined := _CUE_DEFINES.match(text, cue_end)) is not None:
                # "we propose Symbolic Music Diffusion with Mamba (SMDIM)": a name the cue defines, whatever its
                # words (a "with" in it ends no proposal), and its short form.
                at = bisect_left(starts, defined.start("long"))
                proposed += [s for s in spans[at : bisect_left(starts, defined.end())]
                             if s.start_char in (defined.start("long"), defined.start("short")) and self._novel(doc, s)]
            sentence_end = SENTENCE_END.search(text, cue_end, cue_end + SENTENCE_REACH)
            clauses_end = sentence_end.start() if sentence_end else min(len(text), cue_end + SENTENCE_REACH)
            for clause in _NEXT_CLAUSE.finditer(text, limit, clauses_end):
                at = bisect_left(starts, clause.end())
                proposed += [s for s in spans[at : at + 1] if s.start_char == clause.end() and self._novel(doc, s)]
        for ours in _our_defined(text):
            # "our Diffusion Transformers (DiTs)": a name the paper defines as its own.
            if ours["named"]:
                at = bisect_left(starts, ours.start("named"))
                proposed += [s for s in spans[at : at + 1]
                             if s.start_char == ours.start("named") and self._novel(doc, s)]
                continue
            at = bisect_left(starts, ours.start("long"))
            proposed += [s for s in spans[at : bisect_left(starts, ours.end())]
                         if self._novel(doc, s) or self._defined_here(text, s)]
        scanned = 0
        for cue in _BUILT_IN.finditer(text):
            # "We incorporate a Text-Semantics-Aware Patch Selector (TSPS) into ... and attach a ... Decoder (PAD)":
            # a part the paper builds into its system and defines there, to the end of the sentence, is its own.
            if cue.end() < scanned:
                continue  # its sentence was read from an earlier cue: each span once, so linear
            sentence_end = SENTENCE_END.search(text, cue.end())
            scanned = sentence_end.start() if sentence_end else len(text)
            first, last = bisect_left(starts, cue.end()), bisect_left(starts, scanned)
            known = {s.text for s in spans[first:last] if not self._novel(doc, s)}
            # (the long form of a known short form is that known name: "Diffusion Transformer (DiT)")
            proposed += [s for s in spans[first:last] if s.label_ == "MODEL" and self._novel(doc, s)
                         and self._rule(doc, s).endswith(":definition")
                         and span_extension(doc, s, "paperkg_alias_of") not in known]
        for verb_at in _passive_proposals(text):
            # "In this work, adaptive draft sampling (ADS) is introduced to ...": the passive of the cue.
            at = bisect_left(starts, verb_at)
            ends_here = [s for s in spans[max(0, at - 3) : at] if verb_at - 40 <= s.end_char <= verb_at]
            proposed += [s for s in ends_here if self._novel(doc, s) or self._defined_here(text, s)]
        for span in spans if "our " in text or "Our " in text else ():
            # (A later use of a name the abstract coined counts too: "a hyper-graph convolutional network
            # (Hyper-GCN) ... our Hyper-GCN adaptively optimises ...", not of one a list knows: "our LLaVA model".)
            if (_OUR_NAME_THEN_NOUN.search(text, max(0, span.start_char - 4), span.start_char)
                    and _AFTER_OUR_NAME.match(text, span.end_char) and span.label_ == "MODEL"
                    and (self._novel(doc, span) or (self._rule(doc, span).endswith(":repeat")
                                                    and normalize_key(span.text) not in _known(span.label_)))):
                proposed.append(span)
        for ours in _OURS.finditer(text):
            before = spans[max(0, bisect_left(starts, ours.start()) - 1) : bisect_left(starts, ours.start())]
            proposed += [s for s in before if 0 <= ours.start() - s.end_char <= 2 and self._novel(doc, s)]
        called_own = []
        for span in spans:
            # Called new where it stands, or data the paper calls its own (even trained on: "fine-tuned on DocAssist,
            # our constructed dataset").
            if self._novel(doc, span) and (
                    _CALLED_NEW.match(text, span.end_char) or _OUR_DATA_AFTER.match(text, span.end_char)
                    or ((ours := _OUR_DATA_BEFORE.search(text, max(0, span.start_char - 60), span.start_char))
                        and (ours.group().rstrip().endswith(",") or _DATA_NOUN_AFTER.match(text, span.end_char)))):
                called_own.append(span)
        # A name the text gives a new thing ("..., Phantom, which ...", "a method called X") is the paper's.
        table = evidence_table(doc)  # one lookup per span, not an extension getter each
        proposed += [s for s in spans if ((table.get((s.start_char, s.end_char)) or ("",))[0] or "").endswith(":introduced")]
        if not proposed:
            proposed += self._recurring_subject(doc, spans)
        proposed += self._parts_of_own(doc, text, spans, proposed)
        proposed += self._own_variants(text, spans, starts, proposed)
        # Data a cue's sentence trains or evaluates on is used, not released: "To verify the proposed method, we
        # conduct experiments on the IEMOCAP database", "achieves competitive results on datasets: N-MNIST and SHD".
        proposed = [s for s in proposed if s.label_ == "MODEL" or self._rule(doc, s).endswith(":title")
                    or role_before(text, s.start_char, sentence_start(text, s.start_char)) is None] + called_own
        # A measure is the paper's own only where the text calls it a new one: "we propose GE-Score, a novel
        # five-dimensional metric" (not "we propose X, which improves mean relative error").
        proposed = [s for s in proposed if s.label_ != "METRIC"
                    or _CALLED_METRIC.search(text, max(0, s.start_char - 60), s.end_char + 60)]
        # A known name the text defines is the one the field knows, not the paper's: "trained with Group Relative
        # Policy Optimization (GRPO)", "an optimized Diffusion Transformer (DiT)".
        proposed = [s for s in proposed if not self._known_definition(doc, s)]
        # A span the title rule and a cue both give is one proposal.
        doc.spans[PROPOSES_KEY] = sorted({(s.start, s.end): s for s in proposed}.values(), key=lambda s: s.start)
        return doc

    @staticmethod
    def _own_variants(text: str, spans: list[Span], starts: list[int], proposed: list[Span]) -> list[Span]:
        """Short forms the paper defines on its own proposed name: "a 2.6B MatFormer language model (MatLM)".

        A variant named after the paper's thing is the paper's too, wherever the text defines it, and so
        are its sizes and versions.
        """
        names = {s.text for s in proposed if s.label_ == "MODEL" and len(s.text) > 2}
        if not names:
            return []
        # Its sizes and versions: "OREAL" and "OREAL-32B" (read from the text: a span's .text joins its tokens again);
        # the name is what stands before one of the span's hyphens, so each span is read once, not once a name.
        found = [s for s in spans if s.label_ == "MODEL" and any(
            text[s.start_char:hyphen] in names and _VARIANT_SUFFIX.fullmatch(text, hyphen, s.end_char)
            for hyphen in range(s.start_char + 1, s.end_char) if text[hyphen] == "-")]
        for long_start, long_end, short_start, short_end in acronym_definitions(text):
            words = set(_NAME_WORD.findall(text, long_start, long_end))
            if words & names and text[short_start:short_end] not in names:
                at = bisect_left(starts, short_start)
                found += [s for s in spans[at : at + 1] if (s.start_char, s.end_char) == (short_start, short_end)]
        return found

    def _parts_of_own(self, doc: Doc, text: str, spans: list[Span], proposed: list[Span]) -> list[Span]:
        """Names a sentence about the paper's own system defines: "PoseAnimate contains three key components:
        1) a Pose-Aware Control Module (PACM) ...", "Our model, the Rendered Intrinsics Network (RIN), ..."."""
        own = {s.text for s in proposed if s.label_ == "MODEL"}
        # The own names found by one pass over a sentence's opening, and each name's spans by position: a record
        # naming thousands of systems would otherwise try every name, or scan every later span, at each span.
        own_names = word_automaton(own) if own else None
        spans_named: dict[str, list[Span]] = {}
        for span in spans:
            spans_named.setdefault(span.text, []).append(span)
        starts_named = {name: [s.start_char for s in named] for name, named in spans_named.items()}
        found = []
        for span in spans:
            if (span.label_ == "MODEL" and self._novel(doc, span) and _CALLED_PART.match(text, span.end_char)
                    and self._about_own(text, span, own_names)):
                found.append(span)  # "Our approach consists of two key components: FlexFuse, an adaptive ... module"
                continue
            # The long form, defined there; not one the sentence's system uses ("... using the ACM Computing
            # Classification System (CCS) ontology").
            if (span.label_ != "MODEL" or not self._rule(doc, span).endswith(":definition") or not self._novel(doc, span)
                    or span_extension(doc, span, "paperkg_alias_of") is None
                    or _USED_BEFORE.search(text, max(0, span.start_char - 40), span.start_char)):
                continue
            own_part = own and span.text.rsplit(None, 1)[-1].lower().removesuffix("s") in PART_KINDS
            named_part = (kind_after(text, span.end_char) in PART_KINDS and span.text[:1].isupper()) or own_part
            if named_part:
                # A part named in capitals: "a Structural Priors Representation (SPR) module"; or, in a paper with a
                # system of its own, a part whose last word says so: "The Conditional Information Enhancement Module
                # (CIEM)", "a scale-aware module (SAM)" (not a known one's long form: "a Gated Recurrent Unit (GRU)
                # layer").
                alias = span_extension(doc, span, "paperkg_alias_of")
                named = spans_named.get(alias, [])
                later = bisect_right(starts_named.get(alias, []), span.end_char)
                short = named[later] if later < len(named) else None
                if short is None or self._novel(doc, short):
                    found.append(span)
                continue
            if self._about_own(text, span, own_names):
                found.append(span)
        return found

    @staticmethod
    def _about_own(text: str, span: Span, own: ahocorasick.Automaton | None) -> bool:
        """Whether the sentence of ``span`` opens on the paper's own system ("Our model, ...") or names it, then a
        verb of what it is made of: "PoseFoo contains ...", "The key components in our network include ...", "we
        propose DaAIR, a restorer employing ..." (not "PoseFoo is a ... (GPT)"); "It employs a Deformable Spatial
        Enhancement (DSE) module" ("It" is the paper's own, once it has one). ``own``: the paper's own names, if any."""
        opening = text[sentence_start(text, span.start_char) : span.start_char][:120].lstrip()
        if _OUR_OPENING.match(opening) or (own is not None and PARTS_LISTED.search(opening) is not None):
            return True  # (or, once the paper has a system, its parts listed: "The regressor consists of three ...")
        owner = _OUR_SYSTEM.search(opening)
        # (the end of an own name written whole there: not "PoseFoo" in "PoseFoo-2")
        named = (last + 1 for last, _ in own.iter(opening)
                 if not continues_word(opening[last + 1 : last + 2], "-")) if own is not None else ()
        owner_end = owner.end() if owner else min(named, default=None)
        if owner_end is None and own is not None and opening.startswith(("It ", "This ")):
            owner_end = 2
        return owner_end is not None and _MADE_OF.search(opening, owner_end) is not None

    def _recurring_subject(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """With no cue, the coined model no list knows that opens two sentences or more is the paper's own.

        "SGD-SaI is a simple ... SGD-SaI performs ... SGD-SaI excels in ...": an abstract keeps
        returning to what it introduces.
        """
        openers: dict[str, list[Span]] = {}
        text = doc_text(doc)
        for span in spans:
            # After a sentence's end or a line break (the title's), read in the text: no sentencizer needed.
            before = text[max(0, span.start_char - 4) : span.start_char].rstrip(" ")
            opens = not before or before[-1] in ".!?\n"
            if span.label_ == "MODEL" and opens and self._novel(doc, span):
                openers.setdefault(span.text, []).append(span)
        return [s for group in openers.values() if len(group) >= 2 for s in group[:1]]

    @staticmethod
    def _named_by_cue(text: str, cue_end: int, span: Span) -> bool:
        # A known name the cue itself introduces, described right after: "We introduce StreamingLLM, an
        # efficient framework ..." (a list of names grows faster than papers reuse them).
        return (_RIGHT_AFTER_CUE.fullmatch(text, cue_end, span.start_char) is not None
                and _DESCRIBED.match(text, span.end_char) is not None)

    @staticmethod
    def _known_definition(doc: Doc, span: Span) -> bool:
        """Whether ``span`` is a known name the text defines in plain brackets, or the long form of one: "an optimized
        Diffusion Transformer (DiT)" (not a name the text gives "i.e.": "a novel Selective S4 (i.e., S5) model")."""
        text = doc_text(doc)
        if _OURS_BEFORE.search(text, max(0, span.start_char - 60), span.start_char):
            return False  # "our Diffusion Transformers (DiTs)": the paper's own, whatever the field calls it
        if _PROPOSED_RIGHT_BEFORE.search(text, max(0, span.start_char - 40), span.start_char):
            return False  # "we propose conservative Q-learning (CQL)": the paper that made the name known
        rule = ProposesDetector._rule(doc, span)
        if rule.endswith(":gazetteer"):
            return ProposesDetector._defined_here(text, span) and text.endswith("(", 0, span.start_char)
        if not rule.endswith(":definition"):
            return False
        bracketed = _SHORT_FORM_AFTER.match(text, span.end_char)
        names = (span.text, span_extension(doc, span, "paperkg_alias_of") or "",
                 bracketed["short"] if bracketed else "")
        return any(normalize_key(name) in _known(span.label_) for name in names if name)

    @staticmethod
    def _renamed(name: str) -> bool:
        """Whether a known name and version carries a word of the paper's own: "Phi-2-Legal", "Mistral-Legal-7B" (not
        a size or a tier, "Llama-2-Chat"; nor a name's own word, "U-Net", "MT-Bench")."""
        return any(c.isdigit() for c in name) and any(
            word.lower() not in VARIANT_WORDS for word in _HYPHENATED_WORD.findall(name))

    @staticmethod
    def _defined_here(text: str, span: Span) -> bool:
        before = text[max(0, span.start_char - 8) : span.start_char]
        return _DEFINED_SHORT_FORM.search(before) is not None and text[span.end_char : span.end_char + 1] == ")"

    @staticmethod
    def _novel(doc: Doc, span: Span) -> bool:
        # A known name, or a later use of a name the abstract established elsewhere (whose
        # own mention decides whether it is proposed).
        return not ProposesDetector._rule(doc, span).endswith((":gazetteer", ":repeat"))

    @staticmethod
    def _rule(doc: Doc, span: Span) -> str:
        return span_extension(doc, span, "paperkg_rule") or ""


@Language.factory(
    "paperkg_proposes",
    default_config={"labels": ["MODEL", "DATASET", "BENCHMARK", "METRIC"], "window": 150},
    requires=["doc.spans", "span._.paperkg_rule"],
    assigns=["doc.spans"],
)
def make_proposes_detector(nlp: Language, name: str, labels: list[str], window: int) -> ProposesDetector:
    return ProposesDetector(nlp, name, labels=labels, window=window)
