"""Code and model repository links: ``github.com/owner/name`` and friends."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .base import add_candidate, doc_text

__all__ = ["RepoExtractor", "canonical_repo", "REPO_HOSTS"]

#: Code hosts, and mirrors that stand for one of them (the daily-papers pages
#: show Hugging Face links through a proxy).
REPO_HOSTS = {
    "github.com": "github.com",
    "gitlab.com": "gitlab.com",
    "bitbucket.org": "bitbucket.org",
    "huggingface.co": "huggingface.co",
    "hf.co": "huggingface.co",
    "hf-proxy-cf.effarig.site": "huggingface.co",
    "codeberg.org": "codeberg.org",
    "gitee.com": "gitee.com",
    # Anonymous copies of repositories for review: anonymous.4open.science/r/<name>
    "anonymous.4open.science": "anonymous.4open.science",
}

# Bounded repetition and no nested quantifiers: linear on any input.
_REPO_URL = re.compile(
    r"(?<![\w.-])(?:https?://)?(?:www\.)?"
    # (A page's conversion may put a space after a dot of the host or after its slash: "https://github. com/o/n",
    # "https://github.com/ o/n".)
    r"(?P<host>" + "|".join(re.escape(h).replace(r"\.", r"\.\s?") for h in REPO_HOSTS) + r")"
    # (A LaTeX source escapes an underscore: "github.com/owner/const\\_layout" is "const_layout".)
    r"/ ?(?P<owner>[A-Za-z0-9](?:[\w.-]|\\_){0,99})/(?P<name>(?:[\w.-]|\\_){1,100})"
    r"(?:/(?P<section_name>(?:[\w.-]|\\_){1,100}))?",
    re.IGNORECASE,
)
# What every link to a host holds, whatever its spacing: the host's first label and its dot.
_HOST_LABELS = tuple({host.split(".")[0] + "." for host in REPO_HOSTS})
# Paths that are site sections, not owners.
_NOT_OWNERS = {"datasets", "spaces", "papers", "docs", "blog", "models", "orgs", "features", "topics", "sponsors",
               "collections"}
# Hugging Face sections whose repositories are named ``section/owner/name``.
_HF_SECTIONS = {"datasets", "spaces", "collections"}


def canonical_repo(host: str, owner: str, name: str, section_name: str | None = None) -> str | None:
    """``host/owner/name`` with the mirror resolved and ``.git``/punctuation dropped.

    A Hugging Face dataset, Space or collection keeps its section: ``huggingface.co/datasets/owner/name``
    (``owner`` is then the section, ``name`` the owner and ``section_name`` the name).

    Examples
    --------
    >>> canonical_repo("GitHub.com", "OliverRensu", "FlowAR.git.")
    'github.com/OliverRensu/FlowAR'
    >>> canonical_repo("hf-proxy-cf.effarig.site", "IDEA-CCNL", "Ziya-BLIP2-14B-Visual-v1.")
    'huggingface.co/IDEA-CCNL/Ziya-BLIP2-14B-Visual-v1'
    >>> canonical_repo("github.com", "features", "copilot") is None
    True
    >>> canonical_repo("hf.co", "datasets", "HuggingFaceFW", "fineweb."), canonical_repo("github.com", "datasets", "x")
    ('huggingface.co/datasets/HuggingFaceFW/fineweb', None)
    >>> canonical_repo("github. com", "Euphoria16", "DocMark")  # a space the page's conversion put in
    'github.com/Euphoria16/DocMark'
    >>> canonical_repo("github.com", "ktrk115", "const\\\\_layout")  # an underscore LaTeX escaped
    'github.com/ktrk115/const_layout'
    """
    host = "".join(host.split()).lower()
    owner, name, section_name = (part.replace("\\_", "_") if part else part for part in (owner, name, section_name))
    if REPO_HOSTS[host] == "huggingface.co" and owner.lower() in _HF_SECTIONS and section_name:
        owner, name = f"{owner.lower()}/{name}", section_name
    name = name.rstrip(".-_")
    if name.lower().endswith(".git"):
        name = name[:-4].rstrip(".-_")
    owner = owner.rstrip(".")
    if not name or owner.lower() in _NOT_OWNERS:
        return None
    return f"{REPO_HOSTS[host]}/{owner}/{name}"


class RepoExtractor:
    """Find repository URLs with a regex and label them ``REPO``.

    The span covers the link as written; ``span._.paperkg_canonical`` holds
    its ``host/owner/name`` form, with a mirror resolved to the host it mirrors.

    Examples
    --------
    >>> import spacy; from paperkg import extractors
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("paperkg_repo")
    >>> doc = nlp("Code: https://github.com/yuweihao/MambaOut.")
    >>> [(s.label_, s._.paperkg_canonical) for s in doc.spans["paperkg_candidates"]]
    [('REPO', 'github.com/yuweihao/MambaOut')]
    """

    def __init__(self, nlp: Language, name: str, *, confidence: float):
        self.name = name
        self.confidence = confidence

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        # Most abstracts link to no host: a substring test spares them the regex. (Only for
        # ASCII, where lower-casing is the regex's case-insensitivity.)
        lowered = text.lower()
        if text.isascii() and not any(label in lowered for label in _HOST_LABELS):
            return doc
        for match in _REPO_URL.finditer(text):
            canonical = canonical_repo(match["host"], match["owner"], match["name"], match["section_name"])
            if canonical is None:
                continue
            # The link ends at its name, or at the name after a Hugging Face section.
            sectioned = canonical.count("/") == 3
            add_candidate(
                doc,
                match.start(),
                match.end("section_name" if sectioned else "name"),
                "REPO",
                rule=f"{self.name}:url",
                confidence=self.confidence,
                canonical=canonical,
            )
        return doc


@Language.factory(
    "paperkg_repo",
    default_config={"confidence": 0.99},
    assigns=["doc.spans", "span._.paperkg_rule", "span._.paperkg_confidence", "span._.paperkg_canonical"],
)
def make_repo_extractor(nlp: Language, name: str, confidence: float) -> RepoExtractor:
    return RepoExtractor(nlp, name, confidence=confidence)
