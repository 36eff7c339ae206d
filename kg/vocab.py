"""Closed vocabularies: entity categories and relation types, each mapped to Biolink 4.

Neo4j labels and relationship types are taken *only* from these enums, so no
label or type in a Cypher statement ever comes from input data.
"""

from __future__ import annotations

import re
from enum import Enum


class Category(str, Enum):
    """Entity categories; the value is also the Neo4j label."""

    CELL = "Cell"
    CHEMICAL = "ChemicalEntity"
    GENE = "GeneOrGeneProduct"
    DISEASE = "Disease"
    PHENOTYPE = "PhenotypicFeature"
    ANATOMY = "AnatomicalEntity"
    CELLULAR_COMPONENT = "CellularComponent"
    PROCESS = "BiologicalProcess"
    ORGANISM = "OrganismTaxon"
    ROUTE = "RouteOfAdministration"
    PROCEDURE = "Procedure"
    CELL_LINE = "CellLine"
    VARIANT = "SequenceVariant"
    ENTITY = "NamedThing"  # fallback when nothing better is known

    @property
    def biolink(self) -> str:
        return _BIOLINK_CATEGORY[self]


_BIOLINK_CATEGORY: dict[Category, str] = {
    Category.CELL: "biolink:Cell",
    Category.CHEMICAL: "biolink:ChemicalEntity",
    Category.GENE: "biolink:GeneOrGeneProduct",
    Category.DISEASE: "biolink:Disease",
    Category.PHENOTYPE: "biolink:PhenotypicFeature",
    Category.ANATOMY: "biolink:AnatomicalEntity",
    Category.CELLULAR_COMPONENT: "biolink:CellularComponent",
    Category.PROCESS: "biolink:BiologicalProcess",
    Category.ORGANISM: "biolink:OrganismTaxon",
    # Biolink 4 has no class for a route of administration ("has route" is a
    # node property of exposure events), so routes export as NamedThing.
    Category.ROUTE: "biolink:NamedThing",
    Category.PROCEDURE: "biolink:Procedure",
    Category.CELL_LINE: "biolink:CellLine",
    Category.VARIANT: "biolink:SequenceVariant",
    Category.ENTITY: "biolink:NamedThing",
}


class RelationType(str, Enum):
    """Relation types; the value is also the Neo4j relationship type."""

    DECREASES = "DECREASES"
    INCREASES = "INCREASES"
    REGULATES = "REGULATES"
    TREATS = "TREATS"
    CAUSES = "CAUSES"
    PREVENTS = "PREVENTS"
    ASSOCIATED_WITH = "ASSOCIATED_WITH"
    DERIVED_FROM = "DERIVED_FROM"
    ADMINISTERED_VIA = "ADMINISTERED_VIA"
    LOCATED_IN = "LOCATED_IN"
    IS_A = "IS_A"
    DIFFERENTIATES_INTO = "DIFFERENTIATES_INTO"
    INTERACTS_WITH = "INTERACTS_WITH"

    @property
    def biolink_predicate(self) -> str:
        return _BIOLINK_PREDICATE[self][0]

    @property
    def biolink_qualifiers(self) -> dict[str, str]:
        return dict(_BIOLINK_PREDICATE[self][1])

    @property
    def symmetric(self) -> bool:
        return self in (RelationType.ASSOCIATED_WITH, RelationType.INTERACTS_WITH)


_BIOLINK_PREDICATE: dict[RelationType, tuple[str, dict[str, str]]] = {
    # Biolink 4 expresses direction of effect with qualifiers on "affects".
    RelationType.DECREASES: ("biolink:affects", {"object_direction_qualifier": "decreased"}),
    RelationType.INCREASES: ("biolink:affects", {"object_direction_qualifier": "increased"}),
    RelationType.REGULATES: ("biolink:regulates", {}),
    RelationType.TREATS: ("biolink:treats", {}),
    RelationType.CAUSES: ("biolink:causes", {}),
    RelationType.PREVENTS: ("biolink:preventative_for_condition", {}),
    RelationType.ASSOCIATED_WITH: ("biolink:associated_with", {}),
    RelationType.DERIVED_FROM: ("biolink:derives_from", {}),
    # No Biolink predicate links an agent to its route; keep our type on the edge.
    RelationType.ADMINISTERED_VIA: ("biolink:related_to", {}),
    RelationType.LOCATED_IN: ("biolink:located_in", {}),
    RelationType.IS_A: ("biolink:subclass_of", {}),
    RelationType.DIFFERENTIATES_INTO: ("biolink:develops_into", {}),
    RelationType.INTERACTS_WITH: ("biolink:interacts_with", {}),
}

# Labels every node carries besides its category label.
ENTITY_LABEL = "Entity"
DOCUMENT_LABEL = "Document"
EVIDENCE_LABEL = "Evidence"
# Evidence nodes carry ``edge_id`` (the id of the relationship they support) and
# link to their document; entities link to the documents that mention them.
FROM_DOCUMENT_TYPE = "FROM_DOCUMENT"  # (:Evidence)-[:FROM_DOCUMENT]->(:Document)
MENTIONED_IN_TYPE = "MENTIONED_IN"  # (:Entity)-[:MENTIONED_IN {count}]->(:Document)


# A protein's measured form, written before its name ("cleaved caspase-3", "phosphorylated ERK"): part
# of the mention, not of the protein's identity.
PROTEIN_STATES = frozenset({"cleaved", "phosphorylated", "acetylated", "ubiquitinated"})

# Adjectives that grade a class without naming a narrower one ("a selective TLR4 inhibitor" is a TLR4
# inhibitor): the NLP stage leaves them out of a class mention, the relation stage reads past them.
GRADING_ADJECTIVES = frozenset({
    "selective", "potent", "key", "major", "inducible", "redox-sensitive", "novel", "well-known", "important",
    "critical", "master", "endogenous", "natural", "powerful", "specific", "classical", "classic", "main",
    "principal", "central", "pivotal", "crucial", "highly", "pleiotropic", "prototypical", "resident", "first-line"})

# Count words that open a plural class phrase in apposition: "TNF-α and IL-1β, two pro-inflammatory cytokines".
CLASS_COUNTS = frozenset({"two", "three", "both"})

# MicroRNA names follow a nomenclature no list enumerates ("miR-146a-5p", "microRNA-21"); the NLP stage
# reads them into mentions by it, the relation stage recognizes a microRNA antecedent by it.
MICRORNA = re.compile(r"(?<![\w-])(?:(?:hsa|mmu|rno)-)?(?:[Mm]iR|[Mm]icroRNA|miRNA)-?(?P<id>\d+[a-z]?(?:-\d)?(?:-[35]p)?)(?![\w-])")

# What a control arm is called ("compared with placebo", "vehicle-injected"): never the agent of a claim.
CONTROL_ARM_NAMES = frozenset({"placebo", "vehicle", "saline", "sham", "pbs", "phosphate-buffered saline", "control"})

# Bare symptom words the lexicon names on their own and a text qualifies ("osteoarthritic knee pain")
# or refers back to ("attenuated this allodynia").
SYMPTOM_HEADS = frozenset({"pain", "neuropathy", "neuralgia", "allodynia", "hyperalgesia", "hypersensitivity"})
