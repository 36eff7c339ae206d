"""The linker on a tiny store: ranking, category preference, kg-local ids, abbreviations, lexicon ids."""

from pathlib import Path

import pytest

from kg.linking.build import add_file, corpus_terms
from kg.linking.linker import Linker, local_id
from kg.linking.store import TermStore
from kg.types import AnnotatedDoc, Document, Mention
from kg.vocab import Category

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "linking" / "mini_terms.tsv"
PREFERRED = {
    Category.CELL.value: ["CL", "MESH"],
    Category.CHEMICAL.value: ["CHEBI", "MESH"],
    Category.GENE.value: ["NCBIGene", "HGNC"],
    Category.DISEASE.value: ["MONDO", "DOID", "MESH"],
}


@pytest.fixture()
def store_path(tmp_path):
    path = tmp_path / "terms.sqlite"
    with TermStore(path) as store:
        store.set_meta("preferred_prefixes", PREFERRED)
        add_file(store, FIXTURE)
    return path


@pytest.fixture()
def linker(store_path):
    lk = Linker.open(store_path, build_if_missing=False)
    yield lk
    lk.close()


def _doc(*mentions: tuple[str, Category, str | None]) -> AnnotatedDoc:
    text = " ".join(m[0] for m in mentions)
    out, pos = [], 0
    for surface, category, long_form in mentions:
        out.append(Mention(doc_id="PMID:1", start=pos, end=pos + len(surface), text=surface,
                           category=category, long_form=long_form))
        pos += len(surface) + 1
    return AnnotatedDoc(document=Document(id="PMID:1", title=text), sentences=[], mentions=out)


def test_spelling_variants_link_to_one_concept(linker):
    doc = linker.link(_doc(("MSCs", Category.CELL, None), ("mesenchymal stromal cells", Category.CELL, None),
                           ("Mesenchymal stem cells", Category.CELL, None)))
    assert {m.curie for m in doc.mentions} == {"CL:0000134"}
    assert all(m.name == "mesenchymal stem cell" for m in doc.mentions)


def test_greek_letters_and_inverted_labels(linker):
    assert linker.resolve("TNF-α", Category.GENE).curie == "NCBIGene:7124"
    assert linker.resolve("tumour necrosis factor-α", Category.GENE).curie == "NCBIGene:7124"
    assert linker.resolve("neuropathic pain", Category.DISEASE).curie == "MESH:D009437"


def test_preferred_prefix_for_category_and_xref_kept(linker):
    res = linker.resolve("reactive oxygen species", Category.CHEMICAL)
    assert res.curie == "CHEBI:26523"
    assert "MESH:D017382" in {c.curie for c in res.candidates}
    assert linker.xrefs("CHEBI:26523") == ["MESH:D017382"]


def test_prefer_override_puts_mesh_first(store_path):
    lk = Linker.open(store_path, build_if_missing=False, prefer={Category.CHEMICAL: ("MESH",)})
    assert lk.resolve("ROS", Category.CHEMICAL).curie == "MESH:D017382"


def test_category_breaks_ambiguity(linker):
    assert linker.resolve("cold", Category.DISEASE).curie == "MESH:D003139"
    assert linker.resolve("cold", Category.GENE).curie == "NCBIGene:999"
    ranked = linker.lookup("cold", Category.DISEASE)
    assert [c.curie for c in ranked][:2] == ["MESH:D003139", "NCBIGene:999"]
    assert ranked[0].score > ranked[1].score


def test_exact_label_outranks_nothing_and_scores_are_bounded(linker):
    res = linker.resolve("Aspirin", Category.CHEMICAL)
    assert res.curie == "MESH:D001241" and res.score == 1.0
    assert linker.resolve("acetylsalicylic acid", Category.CHEMICAL).score < 1.0


def test_unknown_name_gets_stable_local_id(linker, tmp_path):
    doc = linker.link(_doc(("Chronic constriction injuries", Category.PROCEDURE, None)))
    mention = doc.mentions[0]
    assert mention.curie == "kg:chronic_constriction_injury" == local_id("chronic constriction injury")
    assert mention.name == "Chronic constriction injuries"
    # Another linker (another run, another document) gives the same id.
    other = Linker.open(linker.store.path, build_if_missing=False)
    assert other.resolve("chronic constriction injury", Category.PROCEDURE).curie == mention.curie


def test_abbreviation_uses_long_form(linker):
    doc = linker.link(_doc(("DM", Category.DISEASE, "diabetes mellitus")))
    assert doc.mentions[0].curie == "MESH:D003920"
    # Without the long form the short form is unknown.
    assert linker.resolve("DM", Category.DISEASE).curie == "kg:dm"
    # A local id for an unknown abbreviation is keyed by its long form, so both spellings merge.
    assert linker.resolve("CCI", Category.PROCEDURE, "chronic constriction injury").curie == local_id(
        "chronic constriction injury")


def test_lexicon_id_kept_unless_store_prefers_another_space(linker):
    doc = _doc(("mesenchymal stem cells", Category.CELL, None), ("aspirin", Category.CHEMICAL, None))
    doc.mentions[0].curie = "MESH:D059630"
    doc.mentions[1].curie = "MESH:D001241"
    linker.link(doc)
    assert doc.mentions[0].curie == "CL:0000134"
    assert "MESH:D059630" in {c.curie for c in doc.mentions[0].candidates}
    assert doc.mentions[1].curie == "MESH:D001241"
    assert doc.mentions[1].name == "Aspirin"


def test_synonyms_include_cross_referenced_names(linker):
    names = linker.synonyms("CL:0000134")
    assert names[0] == "mesenchymal stem cell"
    assert "Mesenchymal Stem Cells" in names and "MSC" in names


def test_corpus_names_weighted_by_frequency(store_path):
    pairs = [("head cold", "MESH:D003139", Category.DISEASE)] * 3 + [("head cold", "NCBIGene:999", Category.GENE)]
    pairs += [("cold-1", "NCBIGene:999", Category.GENE)] * 3 + [("cold-1", "MESH:D003139", Category.DISEASE)]
    with TermStore(store_path) as store:
        store.add_terms(corpus_terms(pairs), source="corpus:test")
    lk = Linker.open(store_path, build_if_missing=False)
    assert lk.resolve("head colds").curie == "MESH:D003139"
    assert lk.resolve("cold 1").curie == "NCBIGene:999"
    assert [c.curie for c in lk.lookup("cold 1")] == ["NCBIGene:999", "MESH:D003139"]


def test_corpus_convention_outranks_labels_only_with_factor(store_path):
    with TermStore(store_path) as store:
        store.add_terms(corpus_terms([("aspirin", "MESH:C000001", Category.CHEMICAL)]), source="corpus:test")
    assert Linker.open(store_path, build_if_missing=False).resolve("aspirin", Category.CHEMICAL).curie == "MESH:D001241"
    boosted = Linker.open(store_path, build_if_missing=False, kind_factor={"corpus": 1.1})
    assert boosted.resolve("aspirin", Category.CHEMICAL).curie == "MESH:C000001"


def test_short_form_defined_once_applies_to_the_whole_document(linker):
    doc = _doc(("diabetes mellitus", Category.DISEASE, None), ("DM", Category.DISEASE, "diabetes mellitus"),
               ("DM", Category.DISEASE, None))
    linker.link(doc)
    assert [m.curie for m in doc.mentions] == ["MESH:D003920"] * 3


def test_head_of_an_unknown_phrase_is_a_weaker_match(linker):
    res = linker.resolve("severe type 2 diabetes mellitus", Category.DISEASE)
    assert res.curie == "MESH:D003920" and 0.5 <= res.score < 0.9
    # A single generic head word is not enough.
    assert linker.resolve("heart cold", Category.DISEASE).curie == "kg:heart_cold"


def test_missing_store_is_built_once_with_a_message(tmp_path, monkeypatch):
    import kg.linking.build as build

    built, messages = [], []

    def fake_build(path, progress=None):
        built.append(path)
        with TermStore(path) as store:
            add_file(store, FIXTURE)
        return path

    monkeypatch.setattr(build, "build_default_store", fake_build)
    monkeypatch.setenv("KG_HOME", str(tmp_path / "home"))
    lk = Linker.open(progress=messages.append)
    assert lk.resolve("MSC", Category.CELL).curie.startswith("CL:")
    Linker.open(progress=messages.append)
    assert len(built) == 1 and len(messages) == 1 and "terminology store" in messages[0]


def test_opening_a_missing_or_foreign_store_is_a_clear_error(tmp_path):
    from kg.errors import ConfigError

    with pytest.raises(ConfigError, match="kg terms build"):
        Linker.open(tmp_path / "absent.sqlite", build_if_missing=False)
    foreign = tmp_path / "foreign.sqlite"
    foreign.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ConfigError, match="kg terms build"):
        Linker.open(foreign, build_if_missing=False)


def test_kg_local_lexicon_id_gives_way_to_a_standard_curie(linker):
    doc = _doc(("Aspirin", Category.CHEMICAL, None), ("stromal cells", Category.CELL, None))
    doc.mentions[0].curie = "kg:aspirin"
    doc.mentions[1].curie = "kg:multipotent_stromal_cell"
    linker.link(doc)
    assert doc.mentions[0].curie == "MESH:D001241"
    assert "kg:aspirin" in {c.curie for c in doc.mentions[0].candidates}
    assert doc.mentions[1].curie == "kg:multipotent_stromal_cell"  # nothing better known
    # The linker's own local ids follow the lexicon's spelling of kg-local ids.
    assert local_id("multipotent stromal cells") == "kg:multipotent_stromal_cell"


def test_a_short_form_of_a_lexicon_entry_links_where_its_name_does(linker):
    doc = _doc(("ASA", Category.CHEMICAL, None))
    doc.mentions[0].curie, doc.mentions[0].name = "kg:aspirin", "Aspirin"
    linker.link(doc)
    assert doc.mentions[0].curie == "MESH:D001241"


def test_rewrites_organ_adjectives_prepositions_and_adjectives_for_conditions(linker):
    assert linker.resolve("renal failure", Category.DISEASE).curie == "MESH:D051437"
    res = linker.resolve("failure of the kidneys", Category.DISEASE)
    assert res.curie == "MESH:D051437" and res.score < 1.0
    assert linker.resolve("diabetes mellitic", Category.DISEASE).curie == "kg:diabetes_mellitic"
    assert linker.resolve("neuralgic", Category.DISEASE).curie == "MESH:D009437"  # -ic -> -ia


def test_store_from_another_kg_version_is_rebuilt_or_refused(tmp_path, monkeypatch):
    import kg.linking.build as build
    from kg.errors import ConfigError

    def fake_build(path, progress=None):
        path.unlink(missing_ok=True)
        with TermStore(path) as store:
            store.add_terms(build.sources.simple_tsv_terms(FIXTURE), source="curated", origin="default")
        return path

    monkeypatch.setattr(build, "build_default_store", fake_build)
    path = fake_build(tmp_path / "terms.sqlite")
    with TermStore(path) as store:
        store.db.execute("UPDATE meta SET value = '0' WHERE key = 'key_version'")
    with pytest.raises(ConfigError, match="another kg version"):
        Linker.open(path, build_if_missing=False)
    messages: list[str] = []
    assert Linker.open(path, progress=messages.append).resolve("MSC", Category.CELL).curie == "CL:0000134"
    assert "rebuilding" in messages[0]
    # A store holding the user's own additions is not silently replaced.
    with TermStore(path) as store:
        add_file(store, FIXTURE, source="mine")
        store.db.execute("UPDATE meta SET value = '0' WHERE key = 'key_version'")
    with pytest.raises(ConfigError, match="mine"):
        Linker.open(path)


@pytest.fixture()
def linker_of(tmp_path):
    """A linker over a store built from TSV text (header + rows); closed after the test."""
    opened = []

    def build(tsv: str) -> Linker:
        terms = tmp_path / "terms.tsv"
        terms.write_text(tsv, encoding="utf-8")
        path = tmp_path / "terms.sqlite"
        with TermStore(path) as store:
            add_file(store, terms)
        opened.append(Linker.open(path, build_if_missing=False))
        return opened[-1]

    yield build
    for lk in opened:
        lk.close()


def test_a_name_in_the_mentions_own_number_wins_a_tie(linker_of):
    # MeSH has both the drug ("Amphetamine") and the class ("Amphetamines"); plural folding makes
    # both match either mention, and the grammatical number decides.
    lk = linker_of("curie\tname\tcategory\nMESH:D000661\tAmphetamine\tChemicalEntity\n"
                   "MESH:D000662\tAmphetamines\tChemicalEntity\n")
    assert lk.resolve("amphetamines", Category.CHEMICAL).curie == "MESH:D000662"
    assert lk.resolve("amphetamine", Category.CHEMICAL).curie == "MESH:D000661"
    assert lk.resolve("Amphetamine", Category.CHEMICAL).score == 1.0


def test_a_mesh_heading_wins_a_tie_with_a_supplementary_concept(linker_of):
    # "glycopyrronium" names both the heading Glycopyrrolate and the salt glycopyrronium tosylate.
    lk = linker_of("curie\tname\tsynonyms\tcategory\n"
                   "MESH:C000629920\tglycopyrronium tosylate\tglycopyrronium\tChemicalEntity\n"
                   "MESH:D006024\tGlycopyrrolate\tglycopyrronium\tChemicalEntity\n")
    assert lk.resolve("Glycopyrronium", Category.CHEMICAL).curie == "MESH:D006024"
    assert lk.resolve("glycopyrronium tosylate", Category.CHEMICAL).curie == "MESH:C000629920"


def test_the_mentions_own_number_outranks_a_corpus_convention(linker_of, tmp_path):
    # A corpus that annotated "Amphetamine" (the drug) must not pull "amphetamines" (the class,
    # which MeSH names in the plural) away from the class.
    lk = linker_of("curie\tname\tcategory\nMESH:D000661\tAmphetamine\tChemicalEntity\n"
                   "MESH:D000662\tAmphetamines\tChemicalEntity\n")
    with TermStore(tmp_path / "terms.sqlite") as store:
        store.add_terms(corpus_terms([("Amphetamine", "MESH:D000661", Category.CHEMICAL)]), source="corpus:test")
    boosted = Linker.open(tmp_path / "terms.sqlite", build_if_missing=False, kind_factor={"corpus": 1.1})
    assert boosted.resolve("amphetamines", Category.CHEMICAL).curie == "MESH:D000662"
    assert boosted.resolve("amphetamine", Category.CHEMICAL).curie == "MESH:D000661"
    boosted.close()


@pytest.mark.parametrize("text", ["[3H]spiperone", "[125I]-spiperone", "[99mTc]spiperone"])
def test_a_radiolabelled_tracer_links_to_its_compound(linker_of, text):
    lk = linker_of("curie\tname\tcategory\nMESH:D013134\tSpiperone\tChemicalEntity\n")
    assert lk.resolve(text, Category.CHEMICAL).curie == "MESH:D013134"
    assert lk.resolve("[3H]", Category.CHEMICAL).curie.startswith("kg:")


def test_a_tagged_molecule_named_exactly_as_a_body_fluid_is_anatomy(linker):
    """ "synovial fluid IL-1β": the tagger's gene label on "synovial fluid" gives way to the store's
    anatomy, so the relation stage reads it as the place of IL-1β, not as a molecule."""
    doc = linker.link(_doc(("synovial fluid", Category.GENE, None), ("Aspirin", Category.GENE, None),
                           ("Synovial fluid", Category.DISEASE, None)))
    fluid, drug, as_disease = doc.mentions
    assert fluid.curie == "MESH:D013582" and fluid.category is Category.ANATOMY
    assert as_disease.category is Category.ANATOMY
    assert drug.category is Category.GENE  # only anatomy overrides the tagger


def test_a_tagged_body_part_named_exactly_as_a_cell_component_is_one(linker_of):
    """ "The vesicles, but not gabapentin, reduced IL-1β": a tagger's anatomy label on "vesicles"
    gives way to the store's cellular component, so the vesicles can be an agent."""
    lk = linker_of("curie\tname\tsynonyms\tcategory\nGO:0031982\tvesicle\tvesicles\tCellularComponent\n"
                   "UBERON:0002240\tspinal cord\t\tAnatomicalEntity\n")
    doc = lk.link(_doc(("vesicles", Category.ANATOMY, None), ("spinal cord", Category.ANATOMY, None),
                       ("vesicles of the dorsal horn", Category.ANATOMY, None)))
    vesicles, cord, longer = doc.mentions
    assert vesicles.curie == "GO:0031982" and vesicles.category is Category.CELLULAR_COMPONENT
    assert cord.category is Category.ANATOMY
    assert longer.category is Category.ANATOMY  # only an exact name changes the tagger's category


def test_a_proteins_measured_form_is_looked_up_as_the_protein():
    from kg.linking.linker import synonym_variants

    assert "caspase-3" in synonym_variants("cleaved caspase-3")
    assert "p38 MAPK" in synonym_variants("phosphorylated p38 MAPK")
    assert synonym_variants("cleaved") == []


def test_an_alias_shared_with_a_noncoding_locus_links_to_the_protein_coding_gene(tmp_path):
    from kg.linking.sources import hgnc_gene_terms

    # "PAR1" is an alias of F2R (the thrombin receptor) and of PWAR1 (a Prader-Willi region RNA).
    wanted = {"NCBIGene:2149", "NCBIGene:145624"}
    path = tmp_path / "terms.sqlite"
    with TermStore(path) as store:
        store.set_meta("preferred_prefixes", PREFERRED)
        store.add_terms((t for t in hgnc_gene_terms() if t.curie in wanted), source="hgnc-genes")
    linker = Linker.open(path, build_if_missing=False)
    try:
        assert linker.resolve("PAR1", Category.GENE).curie == "NCBIGene:2149"
        assert linker.resolve("PWAR1", Category.GENE).curie == "NCBIGene:145624"
    finally:
        linker.close()
