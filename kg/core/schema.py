"""The schema of a paperkg graph, declared once: node kinds and edge relations.

Everything else derives from these two tables: the spaCy labels, the entity
types the evaluation scores, the relation a type implies, the RDF classes and
properties (as compact IRIs; ``paperkg.exports.vocab`` expands them), the
viewer's colours and legend. Adding an entity type or a relation means adding
a row here, its extractor or rule, and its tests.

Examples
--------
>>> ENTITY_TYPES
('model', 'dataset', 'benchmark', 'metric', 'repo')
>>> LABELS["benchmark"], IMPLIED_RELATIONS["benchmark"], NODE_KINDS["benchmark"].implied_rule, DATA_TYPES
('BENCHMARK', 'evaluated_on', 'type:benchmark', ('dataset', 'benchmark'))
>>> RELATIONS["evaluated_on"].property
'pkg:evaluatedOn'
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["NodeKind", "Relation", "NODE_KINDS", "ENTITY_TYPES", "DATA_TYPES", "LABELS", "KIND_COLORS",
           "IMPLIED_RELATIONS", "RELATIONS", "RELATION_DESCRIPTIONS"]


@dataclass(frozen=True)
class NodeKind:
    """A kind of node: a paper, an entity type the extractors find, or a result.

    ``classes`` are compact RDF class IRIs, the first the primary one;
    ``implies`` is the paper → entity relation a mention implies when no cue
    in the sentence says more; ``data`` marks the types a paper trains or
    evaluates on (their relation is decided by the sentence's cue).
    """

    name: str
    classes: tuple[str, ...]
    color: str
    entity: bool = False
    implies: str | None = None
    data: bool = False

    @property
    def label(self) -> str:
        """The spaCy entity label (``MODEL``)."""
        return self.name.upper()

    @property
    def implied_rule(self) -> str | None:
        """The rule named by the relation this type implies (``type:benchmark``): read from a mention alone."""
        return f"type:{self.name}" if self.implies else None


@dataclass(frozen=True)
class Relation:
    """An edge relation: its RDF property (compact IRI), a plain-words label, what it links, its colour."""

    name: str
    property: str
    description: str
    color: str

    @property
    def label(self) -> str:
        """The relation in plain words (``evaluated on``)."""
        return self.name.replace("_", " ")


NODE_KINDS: dict[str, NodeKind] = {kind.name: kind for kind in (
    NodeKind("paper", ("schema:ScholarlyArticle",), "#9e9e9e"),
    NodeKind("model", ("pkg:Model", "mls:Model"), "#1f77b4", entity=True),
    NodeKind("dataset", ("schema:Dataset", "dcat:Dataset"), "#2ca02c", entity=True, implies="uses_dataset",
             data=True),
    NodeKind("benchmark", ("pkg:Benchmark", "schema:Dataset"), "#ff7f0e", entity=True, implies="evaluated_on",
             data=True),
    NodeKind("metric", ("mls:EvaluationMeasure",), "#9467bd", entity=True, implies="reports_metric"),
    NodeKind("repo", ("schema:SoftwareSourceCode",), "#d62728", entity=True, implies="has_code"),
    NodeKind("result", ("mls:ModelEvaluation",), "#17becf"),
)}

RELATIONS: dict[str, Relation] = {relation.name: relation for relation in (
    Relation("mentions", "pkg:mentions", "paper → any entity named in its title or abstract", "#b0b0b0"),
    Relation("proposes", "pkg:proposes", "paper → entity the paper itself introduces", "#e377c2"),
    Relation("evaluated_on", "pkg:evaluatedOn", "paper → benchmark (or dataset) it reports results on", "#ff7f0e"),
    Relation("uses_dataset", "pkg:usesDataset", "paper → dataset it trains or tests on", "#2ca02c"),
    Relation("has_code", "pkg:hasCode", "paper → code or model repository", "#d62728"),
    Relation("reports_metric", "pkg:reportsMetric", "paper → metric its results are given in", "#9467bd"),
    Relation("compared_with", "pkg:comparedWith", "model → model it is compared with in the same paper", "#8c564b"),
    Relation("outperforms", "pkg:outperforms", "model → model the paper says it outperforms (surpasses, beats)",
             "#bcbd22"),
    Relation("variant_of", "pkg:variantOf", "entity → entity whose name it extends by a size, edition or version",
             "#7f7f7f"),
    Relation("has_result", "pkg:hasResult", "paper → result (a reported value with its model, dataset, metric)",
             "#17becf"),
)}

#: Entity types, in the order reports list them.
ENTITY_TYPES: tuple[str, ...] = tuple(name for name, kind in NODE_KINDS.items() if kind.entity)
#: The entity types a paper trains or evaluates on.
DATA_TYPES: tuple[str, ...] = tuple(name for name, kind in NODE_KINDS.items() if kind.data)
#: The spaCy label of each entity type.
LABELS: dict[str, str] = {name: NODE_KINDS[name].label for name in ENTITY_TYPES}
#: The viewer's colour of each node kind.
KIND_COLORS: dict[str, str] = {name: kind.color for name, kind in NODE_KINDS.items()}
#: The paper → entity relation each entity type implies when no cue says more.
IMPLIED_RELATIONS: dict[str, str] = {name: kind.implies for name, kind in NODE_KINDS.items() if kind.implies}
#: Each relation and what it links, in words.
RELATION_DESCRIPTIONS: dict[str, str] = {name: relation.description for name, relation in RELATIONS.items()}
