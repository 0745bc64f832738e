"""The graph as RDF triples, streamed: the one mapping every RDF format shares.

Papers are ``schema:ScholarlyArticle`` with ``dcterms:title`` and
``dcterms:abstract`` (the paper text, written once); entities carry
``skos:prefLabel``/``skos:altLabel``; result nodes are ``mls:ModelEvaluation``
(value as ``xsd:decimal``, measure by ``mls:specifiedBy``, model and dataset as
inputs of the ``mls:Run`` that output it). Each edge is a direct triple.

Evidence is written once (:mod:`paperkg.exports.evidence`): each mention is
one Web Annotation (``oa:hasBody`` the entity, or the result for a reported
number; ``oa:hasTarget`` the paper with an ``oa:TextPositionSelector``;
``pkg:sentence`` the sentence, itself a selector of the paper text written
once; ``prov:wasGeneratedBy`` the extraction rule, a ``prov:Activity``;
``pkg:confidence``). A relation edge other than ``mentions`` and
``has_result`` has a statement (``rdf:subject``/``rdf:predicate``/``rdf:object``)
pointing at its mention with ``pkg:evidence``, with the edge's own rule and
confidence; a ``mentions`` edge's evidence is the annotations of the entity in
the paper, a ``has_result`` edge's the result's, and so is the evidence of a
relation the entity's type implies (rule ``type:<kind>``, read from its first
mention, its confidence derived from that mention's). Annotations, sentences and
rules have IRIs; targets, selectors and statements are blank nodes, labelled
from what they describe so that every batching writes the same text.
"""
from __future__ import annotations

import hashlib
import math
from functools import lru_cache
from collections.abc import Iterable, Iterator
from decimal import Decimal
from urllib.parse import quote

import networkx as nx
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from paperkg.core.schema import ENTITY_TYPES, NODE_KINDS, RELATIONS

from .evidence import DEFAULT_EVIDENCE, MentionRecord, batch_mentions, evidence_id
from .vocab import DCTERMS, DEFAULT_BASE_IRI, MLS, OA, PKG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, expand_iri, instance_iri

__all__ = ["generate_triples", "rule_triples", "subject_runs", "node_iri", "mention_iri", "sentence_iri", "relation_property",
           "ENTITY_CLASSES", "RELATION_PROPERTIES", "IRI_PROPERTIES", "DECIMAL_PROPERTIES"]

Triple = tuple[Node, Node, Node]

#: Classes of each node kind (the first is the primary one), from the schema.
ENTITY_CLASSES = {name: tuple(map(expand_iri, kind.classes)) for name, kind in NODE_KINDS.items()}

#: The property of each relation, from the schema.
RELATION_PROPERTIES = {name: expand_iri(relation.property) for name, relation in RELATIONS.items()}

#: The properties this mapping gives IRIs (or blank nodes) as values, and those it gives xsd:decimal values:
#: JSON-LD declares them in its context, so that their values are written as plain strings.
IRI_PROPERTIES = frozenset({RDF.subject, RDF.predicate, RDF.object, OA.hasBody, OA.hasTarget, OA.hasSource,
                            OA.hasSelector, PKG.sentence, PKG.evidence, PROV.wasGeneratedBy, PROV.wasDerivedFrom,
                            MLS.specifiedBy, MLS.hasInput, MLS.hasOutput, PKG.baseline, SCHEMA.url,
                            SCHEMA.codeRepository, *RELATION_PROPERTIES.values()})
DECIMAL_PROPERTIES = frozenset({PKG.confidence, MLS.hasValue})

#: Result attributes naming the nodes that went into the evaluation run.
_RUN_INPUTS = ("model", "benchmark", "dataset")


def relation_property(relation: str) -> URIRef:
    """The property of an edge relation; a relation not yet mapped gets ``pkg:`` + its camelCase name.

    Examples
    --------
    >>> relation_property("evaluated_on")
    rdflib.term.URIRef('https://w3id.org/paperkg/vocab#evaluatedOn')
    >>> relation_property("fine_tuned_from")
    rdflib.term.URIRef('https://w3id.org/paperkg/vocab#fineTunedFrom')
    """
    if relation in RELATION_PROPERTIES:
        return RELATION_PROPERTIES[relation]
    first, *rest = relation.split("_")
    return PKG[first + "".join(word.capitalize() for word in rest)]


@lru_cache(maxsize=1 << 16)  # an entity's IRI is asked for by every edge into it
def node_iri(node: str, kind: str, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    """A stable IRI for a graph node, safe whatever characters the node id has.

    Examples
    --------
    >>> node_iri("model:llama2", "model")
    rdflib.term.URIRef('https://w3id.org/paperkg/id/model/llama2')
    >>> node_iri("p-0ea83918854b", "paper", "http://example.org/kg/")
    rdflib.term.URIRef('http://example.org/kg/paper/p-0ea83918854b')
    >>> node_iri("model:<a b>/\\"c\\"", "model")
    rdflib.term.URIRef('https://w3id.org/paperkg/id/model/%3Ca%20b%3E%2F%22c%22')
    """
    local = node.split(":", 1)[1] if kind != "paper" and ":" in node else node
    return instance_iri(kind, quote(local, safe=''), base_iri)


def _decimal(value: float) -> Literal | None:
    """``xsd:decimal`` in plain notation (``1e-05`` is no decimal); ``None`` for NaN or infinity."""
    if not math.isfinite(value):
        return None
    return Literal(format(Decimal(repr(float(value))), "f"), datatype=XSD.decimal)


def _literal(value: object) -> Literal:
    if isinstance(value, str):
        return _text_literal(value)
    return _scalar_literal(value)


@lru_cache(maxsize=1 << 13)  # a sentence, a mention, a rule name: each is the evidence of many edges
def _text_literal(value: str) -> Literal:
    return Literal(value)


@lru_cache(maxsize=1 << 14, typed=True)  # offsets, counts and confidences repeat across millions of triples
def _scalar_literal(value: object) -> Literal:
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return _decimal(value)
    return Literal(str(value))


def _node_ref(graph: nx.MultiDiGraph, node: str, base_iri: str) -> URIRef:
    return node_iri(node, graph.nodes[node]["kind"], base_iri)


def _entity_triples(subject: URIRef, kind: str, data: dict, base_iri: str) -> Iterator[Triple]:
    if kind == "paper":
        yield subject, RDFS.label, _literal(data["title"])
        yield subject, DCTERMS.title, _literal(data["title"])
        yield subject, DCTERMS.abstract, _literal(data["abstract"])
        if data.get("arxiv_id"):
            yield subject, SCHEMA.identifier, _literal(data["arxiv_id"])
            yield subject, SCHEMA.url, URIRef(f"https://arxiv.org/abs/{quote(data['arxiv_id'], safe='/.')}")
        for key, predicate in (("authors", DCTERMS.creator), ("categories", DCTERMS.subject),
                               ("update_date", DCTERMS.modified)):
            if data.get(key):
                yield subject, predicate, _literal(data[key])
        for source in data.get("sources", []):
            yield subject, PROV.hadPrimarySource, _literal(source)
        return
    # No rdfs:label: skos:prefLabel is a sub-property of it, and one name a line is what scale asks.
    yield subject, SKOS.prefLabel, _literal(data["label"])
    for alias in data.get("aliases", []):
        yield subject, SKOS.altLabel, _literal(alias)
    for key, predicate in (("mention_count", PKG.mentionCount), ("paper_count", PKG.paperCount)):
        if data.get(key) is not None:
            yield subject, predicate, _literal(data[key])
    if kind == "repo":
        yield subject, SCHEMA.codeRepository, URIRef("https://" + quote(data["label"], safe="/:@.-_~"))


def _source_paper(graph: nx.MultiDiGraph, node: str, data: dict) -> str | None:
    if data.get("paper"):
        return data["paper"]
    return next((u for u in graph.predecessors(node) if graph.nodes[u]["kind"] == "paper"), None)


def _result_triples(graph: nx.MultiDiGraph, node: str, subject: URIRef, data: dict,
                    base_iri: str) -> Iterator[Triple]:
    yield subject, RDFS.label, _literal(data["label"])
    value = _decimal(data["value"]) if data.get("value") is not None else None
    if value is not None:
        yield subject, MLS.hasValue, value
    if data.get("metric"):
        yield subject, MLS.specifiedBy, _node_ref(graph, data["metric"], base_iri)
    if data.get("unit"):
        yield subject, PKG.unit, _literal(data["unit"])
    if data.get("baseline"):
        yield subject, PKG.baseline, _node_ref(graph, data["baseline"], base_iri)
    paper = _source_paper(graph, node, data)
    if paper is not None:
        yield subject, PROV.wasDerivedFrom, node_iri(paper, "paper", base_iri)
    run = instance_iri("run", str(subject).rsplit('/', 1)[1], base_iri)
    yield run, RDF.type, MLS.Run
    yield run, MLS.hasOutput, subject
    for key in _RUN_INPUTS:
        if data.get(key):
            yield run, MLS.hasInput, _node_ref(graph, data[key], base_iri)


def _node_triples(graph: nx.MultiDiGraph, node: str, data: dict, base_iri: str) -> Iterator[Triple]:
    kind = data["kind"]
    subject = node_iri(node, kind, base_iri)
    for cls in ENTITY_CLASSES[kind]:
        yield subject, RDF.type, cls
    if kind == "result":
        yield from _result_triples(graph, node, subject, data, base_iri)
    elif kind == "paper" or data.get("label") is not None:
        yield from _entity_triples(subject, kind, data, base_iri)


def mention_iri(mention: str, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    """The IRI of a mention's annotation, from its id (:func:`~paperkg.exports.evidence.mention_id`).

    Examples
    --------
    >>> mention_iri("p-0ea83918854b-120-128")
    rdflib.term.URIRef('https://w3id.org/paperkg/id/mention/p-0ea83918854b-120-128')
    """
    return instance_iri("mention", quote(mention, safe=''), base_iri)


def sentence_iri(paper: str, start: int, end: int, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    """The IRI of a sentence: a ``oa:TextPositionSelector`` of the paper text, shared by its mentions."""
    return instance_iri("sentence", f"{quote(paper, safe='')}-{start}-{end}", base_iri)


def _blank_label(key: str) -> str:
    # A label made from what the node describes: the same in every batching, unique in the file.
    return hashlib.sha1(key.encode()).hexdigest()[:16]


@lru_cache(maxsize=1 << 10)  # a few dozen rules, each named by thousands of annotations
def _rule_activity(rule: str, base_iri: str) -> URIRef:
    return instance_iri("rule", quote(rule, safe=''), base_iri)


def _provenance(subject: Node, rule: str | None, confidence: float | None, base_iri: str,
                rules: set[str]) -> Iterator[Triple]:
    if rule is not None:
        rules.add(rule)
        yield subject, PROV.wasGeneratedBy, _rule_activity(rule, base_iri)
    if confidence is not None:
        yield subject, PKG.confidence, _literal(float(confidence))


def _mention_triples(graph: nx.MultiDiGraph, mention: MentionRecord, base_iri: str, rules: set[str],
                     sentences: set) -> Iterator[Triple]:
    """A mention as one Web Annotation: body the node it names, target the paper at its offsets."""
    annotation = mention_iri(mention.id, base_iri)
    paper = node_iri(mention.paper, "paper", base_iri)
    sentence = None
    if mention.sentence_start is not None:
        sentence = sentence_iri(mention.paper, mention.sentence_start, mention.sentence_end, base_iri)
        if sentence not in sentences:
            sentences.add(sentence)
            yield sentence, RDF.type, OA.TextPositionSelector
            yield sentence, OA.start, _literal(mention.sentence_start)
            yield sentence, OA.end, _literal(mention.sentence_end)
    label = _blank_label(mention.id)
    target, selector = BNode("t" + label), BNode("s" + label)
    yield annotation, RDF.type, OA.Annotation
    yield annotation, OA.hasBody, _node_ref(graph, mention.node, base_iri)
    yield annotation, OA.hasTarget, target
    if sentence is not None:
        yield annotation, PKG.sentence, sentence
    yield from _provenance(annotation, mention.rule, mention.confidence, base_iri, rules)
    yield target, OA.hasSource, paper
    yield target, OA.hasSelector, selector
    yield selector, RDF.type, OA.TextPositionSelector
    yield selector, OA.start, _literal(mention.start)
    yield selector, OA.end, _literal(mention.end)


def _statement_triples(u: str, v: str, key: str, data: dict, graph: nx.MultiDiGraph, base_iri: str,
                       rules: set[str]) -> Iterator[Triple]:
    """The statement of one relation edge: which triple, the mention it was read from, its own rule."""
    pointed = evidence_id(u, v, data)
    if pointed is None:
        return
    statement = BNode("e" + _blank_label(f"{u}|{v}|{key}"))
    yield statement, RDF.subject, _node_ref(graph, u, base_iri)
    yield statement, RDF.predicate, relation_property(data["relation"])
    yield statement, RDF.object, _node_ref(graph, v, base_iri)
    yield statement, PKG.evidence, mention_iri(pointed, base_iri)
    yield from _provenance(statement, data.get("rule"), data.get("confidence"), base_iri, rules)


def rule_triples(rules: set[str], base_iri: str = DEFAULT_BASE_IRI) -> Iterator[Triple]:
    """The ``prov:Activity`` of each extraction rule named, labelled with the rule's name."""
    for rule in sorted(rules):
        activity = _rule_activity(rule, base_iri)
        yield activity, RDF.type, PROV.Activity
        yield activity, RDFS.label, Literal(rule)


#: Relations whose evidence needs no statement: the annotations of the entity or result say it all.
_ANNOTATED = ("mentions", "has_result")


def _needs_statement(graph: nx.MultiDiGraph, v: str, data: dict) -> bool:
    """Whether an edge's evidence is a statement: not when the entity's annotations say it all, as for a
    ``mentions`` edge, a ``has_result`` edge, or a relation implied by the entity's type alone (its rule
    and mention follow from the entity's first annotation in the paper)."""
    if data["relation"] in _ANNOTATED:
        return False
    kind = NODE_KINDS.get(graph.nodes[v].get("kind"))
    return not (kind is not None and data["relation"] == kind.implies and data.get("rule") == kind.implied_rule)


def generate_triples(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI, *, entities: bool = True,
                     rules: set[str] | None = None, evidence: str = DEFAULT_EVIDENCE) -> Iterator[Triple]:
    """Every triple of the graph: nodes, edges with their statements, mentions, then rules; deterministic.

    Memory beyond the graph itself is the set of rule names (a few dozen) and
    the batch's mentions, so streaming writers stay flat however large the export.

    A graph written in batches (:mod:`paperkg.exports.sink`) passes ``entities=False``,
    leaving out the triples of entity nodes (written once, with the whole
    corpus's counts), and a ``rules`` set that collects the rule names instead
    of yielding their triples (:func:`rule_triples` writes them once, at the end).
    ``evidence`` is ``full``, ``first`` or ``none`` (see :mod:`paperkg.exports.evidence`).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("model:gpt4", kind="model", label="GPT-4", aliases=["gpt4"], mention_count=2)
    >>> triples = list(generate_triples(g))
    >>> (node_iri("model:gpt4", "model"), SKOS.altLabel, Literal("gpt4")) in triples
    True
    >>> sorted(o.n3() for _, p, o in triples if p == RDF.type)
    ['<http://www.w3.org/ns/mls#Model>', '<https://w3id.org/paperkg/vocab#Model>']
    >>> g.add_node("metric:acc", kind="metric", label="accuracy", mention_count=1)
    >>> g.add_node("result:1", kind="result", label="r", model="model:gpt4", metric="metric:acc", value=1e-05)
    >>> [o.n3() for s, p, o in generate_triples(g) if p == MLS.hasValue]
    ['"0.00001"^^<http://www.w3.org/2001/XMLSchema#decimal>']
    """
    collect = rules is not None
    rules = set() if rules is None else rules
    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        if not entities and data["kind"] in ENTITY_TYPES:
            continue
        yield from _node_triples(graph, node, data, base_iri)
    for u, v in sorted(set(graph.edges())):
        subject = _node_ref(graph, u, base_iri)
        obj = _node_ref(graph, v, base_iri)
        edges = graph.get_edge_data(u, v)
        for relation in sorted({data["relation"] for data in edges.values()}):
            yield subject, relation_property(relation), obj
        if evidence != "none":
            for key, data in sorted(edges.items(), key=lambda item: str(item[0])):
                if _needs_statement(graph, v, data):
                    yield from _statement_triples(u, v, key, data, graph, base_iri, rules)
    sentences: set = set()
    for mention in batch_mentions(graph, evidence):
        yield from _mention_triples(graph, mention, base_iri, rules, sentences)
    if not collect:
        yield from rule_triples(rules, base_iri)


def subject_runs(triples: Iterable[Triple]) -> Iterator[list[Triple]]:
    """Runs of consecutive triples with the same subject: a Turtle statement block, a JSON-LD node object.

    Every RDF format of an export is written from the same runs, so
    :func:`exports.export` generates the triples once for all of them.

    Examples
    --------
    >>> a, b = URIRef("https://example.org/a"), URIRef("https://example.org/b")
    >>> [len(run) for run in subject_runs([(a, RDF.type, b), (a, RDFS.label, Literal("A")), (b, RDF.type, a)])]
    [2, 1]
    """
    run: list[Triple] = []
    for triple in triples:
        # Most subjects repeat as the very same object; rdflib's own == is far slower than ``is``,
        # and a term is a str: the same type and text are the same term.
        subject = triple[0]
        if run and subject is not run[0][0] and (type(subject) is not type(run[0][0]) or str.__ne__(subject, run[0][0])):
            yield run
            run = []
        run.append(triple)
    if run:
        yield run
