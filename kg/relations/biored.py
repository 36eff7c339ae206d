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

    Ids are kept as written (``D003924``, ``3175``) so relation lines match mention lines.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such PubTator file", path=str(path))
    title: dict[str, str] = {}
    current: GoldDocument | None = None
    pmid = ""
    abstract = ""

    def start(doc_pmid: str, doc_title: str, doc_abstract: str) -> GoldDocument:
        return GoldDocument(document=Document(id=f"PMID:{doc_pmid}", title=doc_title, abstract=doc_abstract,
                                              source=str(path)))

    with path.open(encoding="utf-8") as handle:
        for line_no, raw in enumerate(handle, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                if current is not None:
                    yield current
                    current = None
                continue
            if "|t|" in line[:20]:
                if current is not None:
                    yield current
                    current = None
                pmid, text = line.split("|t|", 1)
                title[pmid] = text
                continue
            if "|a|" in line[:20]:
                pmid, abstract = line.split("|a|", 1)
                current = start(pmid, title.pop(pmid, ""), abstract)
                continue
            if current is None:
                raise InputError(f"{path}:{line_no}: annotation before the document text", path=str(path),
                                 record=line[:40])
            cols = line.split("\t")
            text = current.document.text
            if len(cols) >= 5 and cols[1].isdigit():
                start_off, end_off = int(cols[1]), int(cols[2])
                category = PUBTATOR_CATEGORY.get(cols[4], Category.ENTITY)
                if text[start_off:end_off] != cols[3]:
                    raise InputError(f"{path}:{line_no}: mention text does not match offsets",
                                     path=str(path), record=cols[0])
                curie = cols[5] if len(cols) > 5 and cols[5] not in ("", "-") else None
                current.mentions.append(Mention(doc_id=current.document.id, start=start_off, end=end_off,
                                                text=cols[3], category=category, label=cols[4], curie=curie,
                                                found_by="gold"))
            elif len(cols) >= 4:
                rel_type = CDR_RELATION_AS_BIORED.get(cols[1], cols[1])
                current.relations.append(GoldRelation(rel_type, cols[2], cols[3], cols[4] if len(cols) > 4 else ""))
            else:
                raise InputError(f"{path}:{line_no}: unreadable PubTator line", path=str(path), record=line[:40])
    if current is not None:
        yield current
