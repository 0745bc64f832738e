"""The vocabularies paperkg's RDF uses, each declared once, and paperkg's own terms.

Standard vocabularies carry what they can: schema.org and DCAT for articles,
code and datasets, Dublin Core for titles and abstracts, SKOS for names,
ML-Schema (``mls:``) for evaluation results, PROV-O for where each statement
came from and Web Annotation (``oa:``) for sentence offsets. The few relations
none of them has are ``pkg:`` terms, each described in ``ontology/paperkg.ttl``;
``ontology/shapes.ttl`` holds the SHACL shapes every export conforms to.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

import rdflib
from rdflib import Namespace, namespace

from paperkg.core.errors import PaperkgError, printable
from paperkg.core.schema import NODE_KINDS

__all__ = ["Vocabulary", "PKG", "SCHEMA", "MLS", "OA", "DCAT", "DCTERMS", "PROV", "RDF", "RDFS", "SKOS", "XSD",
           "DEFAULT_BASE_IRI", "PREFIXES", "compact_iri", "expand_iri", "base_iri_problem", "check_base_iri",
           "vocabulary_path", "load_vocabulary", "INSTANCE_KINDS", "instance_iri", "instance_prefixes", "document_prefixes",
           "InstanceNames"]


class Vocabulary(Namespace):
    """A namespace whose terms are made once.

    rdflib makes (and checks) a new ``URIRef`` on every attribute access,
    which an export of millions of triples would repeat millions of times.

    Examples
    --------
    >>> RDF.type is RDF.type, str(RDF.type)
    (True, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type')
    """

    def __getattr__(self, name: str):
        if name.startswith("__"):  # copy, pickle and friends probe for special methods
            raise AttributeError(name)
        term = self.__dict__[name] = self.term(name)
        return term


#: paperkg's own terms, for relations no standard vocabulary has.
PKG = Vocabulary("https://w3id.org/paperkg/vocab#")
SCHEMA = Vocabulary("https://schema.org/")
MLS = Vocabulary("http://www.w3.org/ns/mls#")
OA = Vocabulary("http://www.w3.org/ns/oa#")
DCAT, DCTERMS, PROV, RDF, RDFS, SKOS, XSD = (
    Vocabulary(str(standard)) for standard in (namespace.DCAT, namespace.DCTERMS, namespace.PROV, namespace.RDF,
                                               namespace.RDFS, namespace.SKOS, namespace.XSD))

#: Where paper and entity IRIs live unless the user names another base.
DEFAULT_BASE_IRI = "https://w3id.org/paperkg/id/"

PREFIXES = {"pkg": PKG, "schema": SCHEMA, "mls": MLS, "oa": OA, "dcat": DCAT, "dcterms": DCTERMS,
            "prov": PROV, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "xsd": XSD}


#: The kinds of IRI paperkg mints under the base, each ``BASE + kind + "/" + name``: the graph's node
#: kinds, and the evaluation runs, mentions, sentences and extraction rules of the evidence.
INSTANCE_KINDS: tuple[str, ...] = (*NODE_KINDS, "run", "mention", "sentence", "rule")


def instance_iri(kind: str, name: str, base_iri: str = DEFAULT_BASE_IRI) -> rdflib.URIRef:
    """The IRI of ``name`` (already percent-encoded) of one of :data:`INSTANCE_KINDS` under ``base_iri``.

    Examples
    --------
    >>> instance_iri("mention", "p-1-0-3")
    rdflib.term.URIRef('https://w3id.org/paperkg/id/mention/p-1-0-3')
    """
    return rdflib.URIRef(f"{base_iri}{kind}/{name}")


def instance_prefixes(base_iri: str = DEFAULT_BASE_IRI) -> dict[str, str]:
    """A prefix for each of :data:`INSTANCE_KINDS` (``mention:`` is ``BASE/mention/``), for Turtle and JSON-LD.

    Examples
    --------
    >>> instance_prefixes("http://example.org/kg/")["model"]
    'http://example.org/kg/model/'
    """
    return {kind: f"{base_iri}{kind}/" for kind in INSTANCE_KINDS}


def document_prefixes(base_iri: str = DEFAULT_BASE_IRI) -> dict[str, str]:
    """Every prefix a Turtle or JSON-LD document declares: the vocabularies', then :func:`instance_prefixes`.

    Examples
    --------
    >>> prefixes = document_prefixes()
    >>> prefixes["skos"], prefixes["mention"]
    ('http://www.w3.org/2004/02/skos/core#', 'https://w3id.org/paperkg/id/mention/')
    """
    return {**{prefix: str(namespace) for prefix, namespace in PREFIXES.items()}, **instance_prefixes(base_iri)}


# A local name every syntax takes as it is: Turtle's PN_LOCAL without escapes (no "-" or "." first, no "." last);
# paperkg percent-encodes names, so a "%" is always one of PN_LOCAL's escapes.
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_%](?:[A-Za-z0-9_.%-]*[A-Za-z0-9_%-])?\Z")


class InstanceNames:
    """Compact names for the IRIs paperkg mints under one base (``mention:p-1-0-3``), ``None`` for others.

    Examples
    --------
    >>> names = InstanceNames("http://example.org/kg/")
    >>> names.compact("http://example.org/kg/model/llama2"), names.compact("http://example.org/kg/model/-x")
    ('model:llama2', None)
    >>> names.compact("https://github.com/a/b") is None
    True
    """

    def __init__(self, base_iri: str = DEFAULT_BASE_IRI) -> None:
        self.base_iri = base_iri
        self.prefixes = instance_prefixes(base_iri)
        self.compact = lru_cache(maxsize=1 << 16)(self._compact)  # an entity is named by many triples

    def _compact(self, iri: str) -> str | None:
        if not iri.startswith(self.base_iri):
            return None
        kind, slash, local = iri[len(self.base_iri):].partition("/")
        if slash and kind in self.prefixes and _PLAIN_LOCAL.match(local):
            return f"{kind}:{local}"
        return None


# What an IRI may not hold: space and controls (C0, DEL, C1), what IRIREF excludes, lone surrogates and the
# noncharacters, and the bidirectional controls and line separators that would hide what an IRI says.
_IRI_FORBIDDEN = re.compile('[\x00-\x20\x7f-\x9f<>"{}|\\\\^`\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069'
                            '\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]')
_IRI_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")

_PREFIX_OF = {str(namespace): prefix for prefix, namespace in PREFIXES.items()}
# Longest namespace first; the local part limited to characters every RDF syntax takes unescaped.
_COMPACTABLE = re.compile(
    "(" + "|".join(re.escape(ns) for ns in sorted(_PREFIX_OF, key=len, reverse=True)) + r")([A-Za-z_][A-Za-z0-9_-]*)\Z"
)


@lru_cache(maxsize=1 << 14)  # the same predicates, classes and datatypes in almost every triple
def compact_iri(iri: str) -> str | None:
    """``prefix:local`` for an IRI in one of :data:`PREFIXES`, else ``None``.

    Examples
    --------
    >>> compact_iri("http://www.w3.org/2004/02/skos/core#prefLabel")
    'skos:prefLabel'
    >>> compact_iri("https://w3id.org/paperkg/id/model/llama2") is None
    True
    """
    match = _COMPACTABLE.match(iri)
    return f"{_PREFIX_OF[match[1]]}:{match[2]}" if match else None


def expand_iri(compact: str) -> rdflib.URIRef:
    """The term a compact IRI of the schema (``pkg:evaluatedOn``) names.

    Examples
    --------
    >>> expand_iri("schema:Dataset")
    rdflib.term.URIRef('https://schema.org/Dataset')
    """
    prefix, local = compact.split(":", 1)
    return getattr(PREFIXES[prefix], local)


def base_iri_problem(base_iri: str) -> str | None:
    """Why ``base_iri`` cannot prefix node IRIs, or ``None`` when it can.

    Node IRIs are the base followed by ``kind/local-name``, and the base is
    written into N-Triples, Turtle and JSON-LD as it is, so it must be an
    absolute IRI (a scheme, and a host after ``//`` if it has ``//``) that
    ends with ``/`` or ``#``, with no space, control character or any of
    ``<>"{}|\\^``` ``, at most one ``#``, and ``%`` only before two hex digits
    (an ``http`` or ``https`` IRI also needs a host).

    Examples
    --------
    >>> base_iri_problem("http://example.org/kg/") is None, base_iri_problem("urn:paperkg:id#") is None
    (True, True)
    >>> base_iri_problem("example.org/kg")
    "base IRI 'example.org/kg' must be absolute: it has no scheme (http:, https:, urn:, ...)"
    >>> base_iri_problem("http://x")
    "base IRI 'http://x' must end with '/' or '#', so that node IRIs (base + kind/name) stay inside it"
    >>> print(base_iri_problem("http://x/\\n<http://evil/"))
    base IRI 'http://x/\\n<http://evil/' must not contain '\\n'
    """
    if not isinstance(base_iri, str) or not base_iri:
        return f"base IRI {base_iri!r} is empty; give an absolute IRI such as {DEFAULT_BASE_IRI}"
    shown = f"'{printable(base_iri)}'"
    forbidden = _IRI_FORBIDDEN.search(base_iri)
    if forbidden:
        return f"base IRI {shown} must not contain '{printable(forbidden[0])}'"
    scheme = _IRI_SCHEME.match(base_iri)
    if not scheme:
        return f"base IRI {shown} must be absolute: it has no scheme (http:, https:, urn:, ...)"
    if scheme[1].lower() in ("http", "https") and not (base_iri[scheme.end():].startswith("//")
                                                       and urlsplit(base_iri).netloc):
        return f"base IRI {shown} must be absolute: it has no host (scheme://host/...)"
    if scheme[1] in PREFIXES or scheme[1] in INSTANCE_KINDS:
        # JSON-LD would read such an IRI as a compact name with that prefix.
        return f"base IRI {shown} must not have a scheme named like one of paperkg's prefixes ({scheme[1]}:)"
    if not base_iri.endswith(("/", "#")):
        return f"base IRI {shown} must end with '/' or '#', so that node IRIs (base + kind/name) stay inside it"
    if base_iri.count("#") > 1:
        return f"base IRI {shown} has more than one '#'"
    if re.search(r"%(?![0-9A-Fa-f]{2})", base_iri):
        return f"base IRI {shown} has a '%' not followed by two hex digits"
    return None


def check_base_iri(base_iri: str) -> str:
    """``base_iri`` if it can prefix node IRIs; else :class:`~paperkg.core.errors.PaperkgError` saying why.

    Examples
    --------
    >>> check_base_iri("http://x/{a}/")
    Traceback (most recent call last):
    paperkg.core.errors.PaperkgError: base IRI 'http://x/{a}/' must not contain '{'
    """
    problem = base_iri_problem(base_iri)
    if problem:
        raise PaperkgError(problem)
    return base_iri


def vocabulary_path(name: str):
    """The packaged Turtle file ``exports/ontology/<name>.ttl`` (``paperkg`` or ``shapes``)."""
    return resources.files(__package__).joinpath("ontology", f"{name}.ttl")


def load_vocabulary(name: str) -> rdflib.Graph:
    """The packaged Turtle file ``name`` parsed into an ``rdflib.Graph``.

    Examples
    --------
    >>> terms = load_vocabulary("paperkg")
    >>> str(terms.value(PKG.comparedWith, RDFS.label))
    'compared with'
    """
    return rdflib.Graph().parse(data=vocabulary_path(name).read_text(encoding="utf-8"), format="turtle")
