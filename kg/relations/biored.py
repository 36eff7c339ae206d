"""BioRED / BC5CDR PubTator reading: documents, gold mentions with ids, document-level relations.

Used to train the relation classifier and by the relation benchmark. PubTator lines:
``PMID|t|title``, ``PMID|a|abstract``, mention lines ``PMID<TAB>start<TAB>end<TAB>text<TAB>type<TAB>ids``
(offsets into title + one character + abstract) and relation lines ``PMID<TAB>Type<TAB>id1<TAB>id2[<TAB>novelty]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.types import Document, Mention
from kg.vocab import Category

# BioRED (and BC5CDR) entity types -> our categories.
PUBTATOR_CATEGORY: dict[str, Category] = {
    "GeneOrGeneProduct": Category.GENE,
    "DiseaseOrPhenotypicFeature": Category.DISEASE,
    "Disease": Category.DISEASE,
    "ChemicalEntity": Category.CHEMICAL,
    "Chemical": Category.CHEMICAL,
    "OrganismTaxon": Category.ORGANISM,
    "SequenceVariant": Category.VARIANT,
    "CellLine": Category.CELL_LINE,
}

# BC5CDR's only relation type, expressed in BioRED's vocabulary (chemical induces disease).
CDR_RELATION_AS_BIORED = {"CID": "Positive_Correlation"}


@dataclass
class GoldRelation:
    type: str  # BioRED type
    id1: str
    id2: str
    novelty: str = ""

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.id1, self.id2))


@dataclass
class GoldDocument:
    document: Document
    mentions: list[Mention] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)


def mention_ids(mention: Mention) -> list[str]:
    """The gold ids of a mention (composite BioRED ids such as ``3172,3651`` give several)."""
    if not mention.curie:
        return []
    return [part.strip() for part in mention.curie.replace(";", ",").split(",") if part.strip() not in ("", "-")]


def read_pubtator(path: str | Path) -> Iterator[GoldDocument]:
    """Stream the documents of a PubTator file with their gold mentions and relations.

    Parsing is kg.sources' PubTator reader; this adapts its records to the relation stage's
    types. Ids are kept as written (``D003924``, ``3175``) so relation lines match mention lines.
    A record the reader cannot use is an error here: a benchmark must not silently lose gold.
    """
    # corpus reading, for training and evaluation
    from kg.sources import complete_records, read_pubtator_annotations

    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such PubTator file", path=str(path))
    for item in complete_records(read_pubtator_annotations(path), path):
        document = item.document
        yield GoldDocument(
            document=document,
            mentions=[
                Mention(doc_id=document.id, start=m.start, end=m.end, text=m.text,
                        category=PUBTATOR_CATEGORY.get(m.type, Category.ENTITY), label=m.type,
                        curie=m.identifier if m.identifier not in ("", "-") else None, found_by="gold")
                for m in item.mentions
            ],
            relations=[GoldRelation(CDR_RELATION_AS_BIORED.get(r.type, r.type), r.arg1, r.arg2,
                                    r.extra[0] if r.extra else "") for r in item.relations],
        )
