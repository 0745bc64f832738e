"""The vocabularies paperkg's RDF uses, each declared once."""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, SKOS, XSD

__all__ = ["PKG", "SCHEMA", "MLS", "OA", "DCAT", "DCTERMS", "PROV", "RDF", "RDFS", "SKOS", "XSD",
           "DEFAULT_BASE_IRI", "PREFIXES"]

#: paperkg's own terms, for relations no standard vocabulary has.
PKG = Namespace("https://w3id.org/paperkg/vocab#")
SCHEMA = Namespace("https://schema.org/")
MLS = Namespace("http://www.w3.org/ns/mls#")
OA = Namespace("http://www.w3.org/ns/oa#")

#: Where paper and entity IRIs live unless the user names another base.
DEFAULT_BASE_IRI = "https://w3id.org/paperkg/id/"

PREFIXES = {"pkg": PKG, "schema": SCHEMA, "mls": MLS, "oa": OA, "dcat": DCAT, "dcterms": DCTERMS,
            "prov": PROV, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "xsd": XSD}
