"""The schema (paperkg.core.schema) is the one declaration: vocabulary files and shapes must agree with it."""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import SH

from paperkg.core.schema import ENTITY_TYPES, NODE_KINDS, RELATIONS
from paperkg.exports.vocab import PKG, expand_iri, load_vocabulary


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary("paperkg")


@pytest.fixture(scope="module")
def shapes():
    return load_vocabulary("shapes")


@pytest.mark.parametrize("relation", sorted(RELATIONS))
def test_every_relation_has_a_described_property(vocabulary, relation):
    term = expand_iri(RELATIONS[relation].property)
    if str(term).startswith(str(PKG)):
        assert (term, RDF.type, RDF.Property) in vocabulary, f"{term} is not declared in ontology/paperkg.ttl"
        assert vocabulary.value(term, RDFS.label) is not None and vocabulary.value(term, RDFS.comment) is not None


@pytest.mark.parametrize("kind", sorted(NODE_KINDS))
def test_every_paperkg_class_of_the_schema_is_declared(vocabulary, kind):
    for term in map(expand_iri, NODE_KINDS[kind].classes):
        if str(term).startswith(str(PKG)):
            assert (term, RDF.type, RDFS.Class) in vocabulary, f"{term} is not declared in ontology/paperkg.ttl"


@pytest.mark.parametrize("kind", ENTITY_TYPES)
def test_the_shapes_check_every_entity_type(shapes, kind):
    targets = set(shapes.objects(None, SH.targetClass))
    assert targets & set(map(expand_iri, NODE_KINDS[kind].classes)), f"no SHACL shape targets a {kind}"


def test_the_vocabulary_declares_no_relation_the_schema_lacks(vocabulary):
    declared = {term for term in vocabulary.subjects(RDF.type, RDF.Property)
                if isinstance(term, URIRef) and vocabulary.value(term, RDFS.domain) is not None
                and str(vocabulary.value(term, RDFS.domain)).endswith("ScholarlyArticle")}
    assert declared <= {expand_iri(relation.property) for relation in RELATIONS.values()}
