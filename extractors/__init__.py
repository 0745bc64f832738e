"""spaCy components that find models, datasets, benchmarks, metrics and repos.

The components are declared to spaCy through the ``spacy_factories`` entry point
(and the tokenizer through ``spacy_tokenizers``), so any pipeline can add them by
name (``nlp.add_pipe("paperkg_repo")``) and ``spacy.load`` rebuilds a saved one
without importing paperkg first; importing this package registers them too.
:func:`make_pipeline` assembles paperkg's own pipeline on ``spacy.blank("en")``.
"""
from __future__ import annotations

import spacy
from spacy.language import Language

# The keys come first: the components import paperkg.core.model, and kg imports them from here.
from .base import CANDIDATES_KEY, LABELS, PROPOSES_KEY, SPANS_KEY
from . import abbreviations, data, metric, model, proposes, repeats, repo, sentences, span_resolver  # noqa: F401,E402  (registers the factories)
from . import tokenizer  # noqa: F401,E402  (registers paperkg.BoundedTokenizer.v1)

__all__ = ["make_pipeline", "PIPELINE", "SPANS_KEY", "CANDIDATES_KEY", "PROPOSES_KEY", "LABELS"]

#: Component factories in pipeline order, after the sentencizer. The extractors only
#: add candidates, the resolver chooses among them, and ``paperkg_proposes`` picks
#: from the chosen entities.
PIPELINE = (
    "paperkg_abbreviations",
    "paperkg_repo",
    "paperkg_model",
    "paperkg_dataset",
    "paperkg_benchmark",
    "paperkg_metric",
    "paperkg_repeats",
    "paperkg_span_resolver",
    "paperkg_proposes",
)


# Abbreviations abstracts write mid-sentence; not "etc." or "No.", which also end sentences, nor "min." (minutes).
ABBREVIATIONS = ("al.", "Fig.", "Figs.", "fig.", "Eq.", "Eqs.", "eq.", "Sec.", "Tab.", "Ref.", "Refs.", "Alg.", "Thm.",
                 "App.", "approx.", "Approx.", "avg.", "Avg.", "resp.", "cf.", "Cf.", "incl.", "esp.", "viz.", "w.r.t.")


def make_pipeline() -> Language:
    """A blank English pipeline with a sentencizer and every paperkg extractor.

    Examples
    --------
    >>> nlp = make_pipeline()
    >>> doc = nlp("MambaOut\\n\\nCode is at https://github.com/yuweihao/MambaOut")
    >>> [(e.label_, e._.paperkg_canonical) for e in doc.ents]
    [('MODEL', None), ('REPO', 'github.com/yuweihao/MambaOut')]

    A full stop after a name ends the sentence, not the name:

    >>> [t.text for t in nlp.tokenizer("We propose MuE. It beats ViT.")][-3:]
    ['beats', 'ViT', '.']
    """
    # (Abbreviations keep their full stop, which ends no sentence: "Lewis et al., 2020", "96.3% avg. SR on X".)
    # spaCy leaves a full stop on a word that ends in a capital or digit ("ViT.",
    # "13B."), which then hides both the name and the sentence end from every rule.
    # A bracket fused to the word before it ("Vision Transformers(ViT)") opens a word of its own, and
    # a slash between sizes ("LLaVA-NeXT-7B/13B") ends the first name, and a closing quote or bracket with a
    # dash after it ('"FaceScanGemma"--a tuned model', "(pLM)-based") ends the word before it; an equals sign
    # before a number ends a measure's name ("recall@1=71%"), and so does a citation glued to a name ("PointNeXt[20]");
    # markup copied with a page ends and opens words ('xlink">VALL-E</small>', "[Uncaptioned image]RepoCod").
    tokenizer = {"@tokenizers": "paperkg.BoundedTokenizer.v1", "extra_suffixes": [r"(?<=[A-Z0-9])\."],
                 "extra_infixes": [r"(?<=[A-Za-z])\((?=[A-Za-z])", r"(?<=\d[BMK])/(?=\d)",
                                   r"(?<=\w)[\"'”]-{1,3}(?=\w)", r"(?<=\w)\)(?=-\w)",
                                   r"(?<=[\w@])=(?=[-−+]?\d)", r"(?<=[A-Za-z])\[(?=\w)",
                                   r"(?<=\w)</?(?=\w)", r"(?<=[\w\"'])>(?=\w)", r"(?<=\w)\](?=[A-Za-z])"],
                 "abbreviations": ABBREVIATIONS}
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": tokenizer}})
    nlp.add_pipe("paperkg_sentencizer")
    for factory in PIPELINE:
        nlp.add_pipe(factory)
    return nlp
