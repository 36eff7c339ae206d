"""The NLP stage: tokenization, sentences, lexicon, abbreviations and the entity-layer rule."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from kg.config import load_pipeline
from kg.nlp import NlpPipeline
from kg.nlp.entity_layer import EntityLayer
from kg.nlp.lexicon import LEXICON_SPANS, number_variants
from kg.nlp.tokenizer import scispacy_tokenizer
from kg.types import EMBEDDED, Document
from kg.vocab import Category


@pytest.fixture(scope="module")
def nlp():
    return NlpPipeline.from_config(load_pipeline("default"))


def test_relational_hyphen_is_split_but_other_hyphens_are_kept():
    nlp = spacy.blank("en")
    nlp.tokenizer = scispacy_tokenizer(nlp)
    words = [t.text for t in nlp("MSC-derived EVs reduced TNF-α and IL-1β in stress-mediated pain")]
    assert words[:3] == ["MSC", "-", "derived"]
    assert "TNF-α" in words and "IL-1β" in words
    assert words[-4:] == ["stress", "-", "mediated", "pain"]


def test_number_variants():
    assert "extracellular vesicle" in number_variants("extracellular vesicles")
    assert "cytokines" in number_variants("cytokine")
    assert number_variants("oxidative stress") == {"oxidative stress"}


def test_seed_entities_have_the_right_categories(nlp):
    text = ("Mesenchymal stem cells (MSCs) reduce inflammation, scavenge reactive oxygen species (ROS), promote nerve "
            "regeneration and relieve neuropathic pain caused by oxidative stress. MSC-derived extracellular vesicles "
            "(EVs) were given intrathecal or intravenous.")
    got = {(m.text, m.category) for m in nlp.annotate(Document(id="d", abstract=text)).mentions}
    expected = {
        ("MSCs", Category.CELL), ("Mesenchymal stem cells", Category.CELL), ("ROS", Category.CHEMICAL),
        ("neuropathic pain", Category.DISEASE), ("extracellular vesicles", Category.CELLULAR_COMPONENT),
        ("EVs", Category.CELLULAR_COMPONENT), ("inflammation", Category.PROCESS),
        ("nerve regeneration", Category.PROCESS), ("oxidative stress", Category.PROCESS),
        ("intrathecal", Category.ROUTE), ("intravenous", Category.ROUTE),
    }
    assert expected <= got


def test_abbreviation_takes_long_form_id_and_category(nlp):
    adoc = nlp.annotate(Document(id="d", abstract="Chronic constriction injury (CCI) was induced. CCI rats were studied."))
    ccis = [m for m in adoc.mentions if m.text == "CCI"]
    assert len(ccis) == 2
    assert all(m.long_form == "Chronic constriction injury" and m.category is Category.DISEASE for m in ccis)
    long = next(m for m in adoc.mentions if m.text == "Chronic constriction injury")
    assert {m.curie for m in ccis} == {long.curie}


def test_a_short_form_defined_before_a_hyphen_is_an_abbreviation(nlp):
    # scispaCy's tokenizer keeps "(NTG)" whole before "-induced": the short form then had no long
    # form, and the entity's text kept its parentheses.
    text = "Nitroglycerin (NTG)-induced hypotension was reduced. NTG was given."
    adoc = nlp.annotate(Document(id="d", abstract=text))
    ntg = [m for m in adoc.mentions if m.text.strip("()") == "NTG"]
    assert [(m.text, m.long_form, m.category) for m in ntg] == [("NTG", "Nitroglycerin", Category.CHEMICAL)] * 2
    assert ntg[0].start == text.index("NTG")
    # A parenthesis inside a name stays in it.
    assert [t.text for t in nlp.nlp("Ca(2+)-free and (+)-catechin")] == ["Ca(2+)-free", "and", "(+)-catechin"]


def test_title_is_its_own_sentence_and_offsets_are_exact(nlp):
    doc = Document(id="d", title="MSCs in neuropathic pain", abstract="ROS cause pain. MSCs reduce ROS.")
    adoc = nlp.annotate(doc)
    assert [s.text for s in adoc.sentences] == ["MSCs in neuropathic pain", "ROS cause pain.", "MSCs reduce ROS."]
    for m in adoc.mentions:
        assert doc.text[m.start:m.end] == m.text
        sentence = adoc.sentences[m.sentence_index]
        assert sentence.start <= m.start < sentence.end


def test_a_sentence_may_open_with_a_lower_case_symbol(nlp):
    """The parser takes its sentences from punctuation: a symbol in lower case ("hUC-MSC-CM", "p38")
    still opens one; a plain lower-case word after a full stop does not."""
    adoc = nlp.annotate(Document(id="s", abstract=(
        "Mice received hUC-MSC-CM or control medium. hUC-MSC-CM prevented cold allodynia. "
        "p38 phosphorylation fell by approx. half in treated mice.")))
    assert [s.text for s in adoc.sentences] == [
        "Mice received hUC-MSC-CM or control medium.", "hUC-MSC-CM prevented cold allodynia.",
        "p38 phosphorylation fell by approx. half in treated mice."]


def test_a_time_unit_with_a_full_stop_ends_its_sentence(nlp):
    adoc = nlp.annotate(Document(id="u", abstract=(
        "Thresholds rose within 48 h. The higher dose also lowered MDA. Levels were stable at 2 h. after injection.")))
    assert [s.text for s in adoc.sentences] == [
        "Thresholds rose within 48 h.", "The higher dose also lowered MDA.", "Levels were stable at 2 h. after injection."]


def test_a_units_full_stop_ends_its_sentence(nlp):
    adoc = nlp.annotate(Document(id="u", abstract="Exosomes raised it to 9.7 ± 1.1 g. Gabapentin reversed allodynia."))
    assert [s.text for s in adoc.sentences] == ["Exosomes raised it to 9.7 ± 1.1 g.", "Gabapentin reversed allodynia."]


def mentions_of(nlp, text: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.category.value, m.curie) for m in nlp.annotate(Document(id="u", abstract=text)).mentions}


def test_a_modified_cells_own_short_form_keeps_it_apart_from_the_cells(nlp):
    found = mentions_of(nlp, "Bone marrow MSCs (BMSCs) were compared with hypoxia-preconditioned BMSCs (HP-BMSCs). "
                             "HP-BMSCs raised SOD, whereas BMSCs did not.")
    assert found["hypoxia-preconditioned BMSCs"][0] == "Cell"
    assert found["HP-BMSCs"][1] != found["BMSCs"][1]  # another concept: no id of the native cells


def test_engineered_vesicles_are_mentions_of_their_own_but_source_products_are_not(nlp):
    found = mentions_of(nlp, "Exosomes from SOD2-overexpressing BMSCs (SOD2-Exo) or empty-vector BMSCs (Vec-Exo) "
                             "were compared with BMSC-Exos and Hypo-Exos.")
    for word in ("SOD2-Exo", "Vec-Exo", "Hypo-Exos"):
        assert found[word] == ("CellularComponent", None)
    assert "BMSC-Exos" not in found and found["Exos"][0] == "CellularComponent"  # BMSC's product, read by the relation stage
    assert "Vec" not in found and "SOD2" not in found


def test_cells_named_by_their_route_are_cells_not_the_route(nlp):
    found = mentions_of(nlp, "BMSCs were given either intravenously (IV-BMSCs) or intrathecally (IT-BMSCs). "
                             "IT-BMSCs homed to the DRG. NAD(P)H quinone oxidoreductase 1 (NQO1) rose.")
    assert found["IV-BMSCs"][0] == found["IT-BMSCs"][0] == "Cell"
    assert found["NQO1"][0] == "GeneOrGeneProduct"  # a name may hold parentheses of its own


def test_an_engineered_cell_is_a_cell_whatever_a_model_tagged(nlp):
    assert mentions_of(nlp, "Nrf2-DPSCs upregulated HO-1.")["Nrf2-DPSCs"][0] == "Cell"


def test_a_ratio_is_one_measure(nlp):
    found = mentions_of(nlp, "Nrf2-DPSCs raised the GSH/GSSG ratio and lowered the Bax/Bcl-2 ratio.")
    assert found["GSH/GSSG ratio"][0] == found["Bax/Bcl-2 ratio"][0] == "PhenotypicFeature"
    assert "GSSG" not in found and "GSH" not in found


def test_a_readout_is_named_by_the_words_before_its_head(nlp):
    found = mentions_of(nlp, "ADSCs shortened the acetone response duration, reduced paw thickness and paw lifts, "
                             "and increased paw licking time at the same time without changing the cell cycle or "
                             "the restriction fragment length polymorphism.")
    for readout in ("acetone response duration", "paw thickness", "paw lifts", "paw licking time"):
        assert found[readout][0] == "PhenotypicFeature"
    assert "acetone" not in found and "same time" not in found
    assert not any(name.endswith(("cycle", "length")) for name in found)


def test_a_sign_is_named_with_the_body_part_before_it(nlp):
    found = mentions_of(nlp, "CFA caused paw swelling and joint inflammation; hPMSCs reduced synovial inflammation "
                             "and raised sciatic nerve blood flow, while spinal inflammation persisted.")
    for sign in ("paw swelling", "joint inflammation", "synovial inflammation", "sciatic nerve blood flow"):
        assert found[sign][0] == "PhenotypicFeature"
    assert "paw" not in found and "joint" not in found
    assert "inflammation" in found  # "spinal" places the measure, it names no sign


def test_a_proteins_measured_form_is_part_of_its_mention(nlp):
    found = mentions_of(nlp, "Exosomes reduced cleaved caspase-3 and phosphorylated p38 MAPK.")
    assert {"cleaved caspase-3", "phosphorylated p38 MAPK"} <= set(found)


def _span_doc():
    from spacy.tokens import Doc

    words = ["TNF-alpha", "levels", "rose", "in", "bone", "marrow", "derived", "MSCs"]
    return Doc(spacy.blank("en").vocab, words=words)


def test_entity_layer_rule_lexicon_then_length_then_category():
    doc = _span_doc()
    doc.spans[LEXICON_SPANS] = [Span(doc, 7, 8, label="Cell", kb_id="CL:0000134")]
    doc.spans["ner:a"] = [Span(doc, 0, 1, label="Disease"), Span(doc, 4, 8, label="Cell")]
    doc.spans["ner:b"] = [Span(doc, 0, 1, label="GeneOrGeneProduct")]
    doc = EntityLayer(["ner:a", "ner:b"])(doc)
    ents = {(e.text, e.label_) for e in doc.ents}
    # A model's DISEASE on TNF-alpha loses to the gene label; the lexicon's "MSCs" beats the longer model span.
    assert ("TNF-alpha", "GeneOrGeneProduct") in ents
    assert ("MSCs", "Cell") in ents
    assert ("bone marrow derived MSCs", "Cell") not in ents


def test_entity_layer_equal_spans_go_to_a_gene_label_then_to_the_model_listed_first():
    from spacy.tokens import Doc

    words = ["hypokalemia", "and", "cardiomyopathy", "after", "thallium", "and", "TNF-alpha"]
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.spans["ner:bc5cdr"] = [Span(doc, 0, 1, label="Disease"), Span(doc, 2, 3, label="Disease"),
                               Span(doc, 4, 5, label="ChemicalEntity"), Span(doc, 6, 7, label="Disease")]
    doc.spans["ner:bionlp"] = [Span(doc, 0, 1, label="ChemicalEntity"), Span(doc, 2, 3, label="OrganismTaxon"),
                               Span(doc, 4, 5, label="Disease"), Span(doc, 6, 7, label="GeneOrGeneProduct")]
    doc = EntityLayer(["ner:bc5cdr", "ner:bionlp"])(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("hypokalemia", "Disease"), ("cardiomyopathy", "Disease"), ("thallium", "ChemicalEntity"),
        ("TNF-alpha", "GeneOrGeneProduct")]


def test_entity_layer_a_longer_model_disease_beats_the_lexicon_and_an_opening_route_splits_off():
    from spacy.tokens import Doc

    words = ["colon", "cancer", "and", "bone", "marrow", "MSCs", "on", "oral", "contraceptives", "or", "oral", "MSCs"]
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.spans[LEXICON_SPANS] = [Span(doc, 1, 2, label="Disease", kb_id="MESH:D009369"),
                                Span(doc, 5, 6, label="Cell", kb_id="CL:0000134"),
                                Span(doc, 7, 8, label="RouteOfAdministration", kb_id="MESH:D000284"),
                                Span(doc, 10, 11, label="RouteOfAdministration", kb_id="MESH:D000284"),
                                Span(doc, 11, 12, label="Cell", kb_id="CL:0000134")]
    doc.spans["ner:a"] = [Span(doc, 0, 2, label="Disease"), Span(doc, 3, 6, label="Cell"),
                          Span(doc, 7, 9, label="ChemicalEntity")]
    doc = EntityLayer(["ner:a"])(doc)
    # "oral contraceptives": the route stands and the model's entity starts after it
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("colon cancer", "Disease"), ("MSCs", "Cell"), ("oral", "RouteOfAdministration"),
        ("contraceptives", "ChemicalEntity"), ("oral", "RouteOfAdministration"), ("MSCs", "Cell")]


def test_annotate_with_gold_mentions_keeps_them(nlp):
    from kg.types import Mention

    doc = Document(id="d", abstract="Cisplatin caused nephrotoxicity in rats.")
    gold = [Mention(doc_id="d", start=0, end=9, text="Cisplatin", category=Category.CHEMICAL, curie="MESH:D002945"),
            Mention(doc_id="d", start=17, end=31, text="nephrotoxicity", category=Category.DISEASE, curie="MESH:D007674")]
    adoc = nlp.annotate_with_mentions(doc, gold)
    assert [m.curie for m in adoc.mentions] == ["MESH:D002945", "MESH:D007674"]
    assert [e.text for e in adoc.spacy_doc.ents] == ["Cisplatin", "nephrotoxicity"]


def test_ner_slot_grows_a_part_word_entity_only_over_digits_and_punctuation():
    """A model that cuts finer than our tokenizer may tag part of one of our tokens: "thallium" of
    "thallium-201" becomes the whole token; "cell" of "cell-free" and "amlodipine" of
    "amlodipine/benazapril" are dropped, as the rest of the token names something else."""
    from kg.nlp.ner_slot import NerSlot
    from kg.train.spacy_registry import corpus_tokenizer

    ours = spacy.blank("en")
    ours.tokenizer = scispacy_tokenizer(ours)
    model = spacy.blank("en")
    model.tokenizer = corpus_tokenizer(model)
    text = "A thallium-201 scan, a cell-free therapy and amlodipine/benazapril."
    predicted = model(text)
    predicted.ents = [Span(predicted, i, i + 1, label="CHEMICAL") for i, t in enumerate(predicted)
                      if t.text in ("thallium", "cell", "amlodipine")]
    slot = NerSlot("fake", {"CHEMICAL": Category.CHEMICAL}, model)
    doc = slot._transfer(ours(text), predicted)
    assert [s.text for s in doc.spans[slot.group]] == ["thallium-201"]


def test_definition_with_modifiers_is_one_mention(nlp):
    adoc = nlp.annotate(Document(id="d", abstract="Dental pulp stem cells (DPSCs) and human umbilical cord MSCs "
                                                   "(hUC-MSCs) were compared with stem cells."))
    texts = [m.text for m in adoc.mentions]
    assert "Dental pulp stem cells" in texts and "human umbilical cord MSCs" in texts
    by_text = {m.text: m for m in adoc.mentions}
    # the lexicon knows hUC-MSCs: its definition takes that identity, not the generic MSC's
    assert by_text["human umbilical cord MSCs"].curie == by_text["hUC-MSCs"].curie != by_text["stem cells"].curie
    assert by_text["Dental pulp stem cells"].curie != by_text["stem cells"].curie


def test_microrna_names_are_genes(nlp):
    adoc = nlp.annotate(Document(id="d", abstract="MicroRNA-21 and miR-146a-5p were enriched in EVs."))
    found = {m.text: m for m in adoc.mentions}
    assert found["miR-146a-5p"].category is Category.GENE and found["MicroRNA-21"].category is Category.GENE
    assert found["miR-146a-5p"].curie != found["MicroRNA-21"].curie


def test_no_lexicon_id_is_another_lexicon_concepts_cross_reference():
    """Two lexicon entries that the curated terms call one concept would merge into one node
    (the secretome once carried the MeSH id of mesenchymal stem cells)."""
    import csv
    from pathlib import Path

    import kg
    from kg.nlp.lexicon import read_lexicon
    from kg.resources import pipelines_dir

    entries = [e for e in read_lexicon(pipelines_dir() / "lexicon" / "domain.jsonl") if e.id]
    ids = {e.id for e in entries}
    curated = Path(kg.__file__).parent / "linking" / "data" / "curated.tsv"
    rows = csv.reader((line for line in curated.open(encoding="utf-8") if not line.startswith("#")), delimiter="\t")
    next(rows)
    clashes = [(row[0], xref) for row in rows if len(row) > 4 and row[0] in ids
               for xref in row[4].split("|") if xref in ids and xref != row[0]]
    assert not clashes


def test_a_qualified_symptom_is_named_whole(nlp):
    """Curators name the pain a study treats with its qualifiers ("osteoarthritic knee pain"); a
    qualified pain is a condition, a qualified allodynia a sign; an "X-induced" cause is no qualifier."""
    adoc = nlp.annotate(Document(id="q", abstract=(
        "AD-MSCs may relieve osteoarthritic knee pain and at-level neuropathic pain. "
        "MSC-EVs prevented periorbital allodynia but not paclitaxel-induced neuropathic pain.")))
    found = {(m.text, m.category) for m in adoc.mentions}
    assert ("osteoarthritic knee pain", Category.DISEASE) in found
    assert ("at-level neuropathic pain", Category.DISEASE) in found
    # The parser reads "at-level" after "less" as a preposition; it still qualifies the symptom.
    less = nlp.annotate(Document(id="l", abstract="Treated rats displayed markedly less at-level allodynia."))
    assert "at-level allodynia" in {m.text for m in less.mentions}
    assert ("periorbital allodynia", Category.PHENOTYPE) in found
    assert ("neuropathic pain", Category.DISEASE) in found
    assert not any(m.text.endswith("induced neuropathic pain") for m in adoc.mentions)


def test_a_model_disease_around_a_lexicon_phenotype_is_the_condition(nlp):
    adoc = nlp.annotate(Document(id="i", abstract="PD-MSCs relieve inflammatory pain in rats."))
    assert ("inflammatory pain", Category.DISEASE) in {(m.text, m.category) for m in adoc.mentions}


def test_pain_tests_by_modality_are_concepts_of_their_own():
    """MeSH folds "mechanical allodynia" and "thermal hyperalgesia" into Hyperalgesia as entry terms;
    linked there, "reduced mechanical allodynia but not thermal hyperalgesia" would put a claim and
    its negation on one node."""
    from kg.linking import Linker

    linker = Linker.open()
    ids = {name: linker.resolve(name, Category.PHENOTYPE).curie
           for name in ("mechanical allodynia", "thermal hyperalgesia", "cold allodynia", "hyperalgesia")}
    assert len(set(ids.values())) == 4
    assert ids["hyperalgesia"] == "MESH:D006930"


def test_a_lone_place_adjective_is_no_entity_but_a_named_cell_source_is(nlp):
    adoc = nlp.annotate(Document(id="a", abstract=(
        "Microglial NLRP3 inflammasome activation drives IL-1β maturation. rBMSC-Exos increased Nrf2 nuclear "
        "accumulation. The secretome of placenta MSCs and adipose MSC-derived exosomes reduced pain.")))
    texts = {m.text for m in adoc.mentions}
    assert not texts & {"Microglial", "nuclear"}
    assert {"NLRP3 inflammasome", "placenta MSCs", "adipose MSC"} <= texts



def test_a_tissue_opening_a_stem_cells_name_is_its_named_source(nlp):
    adoc = nlp.annotate(Document(id="s", abstract=(
        "Human umbilical cord MSCs, adipose MSCs, dental pulp stem cells and bone marrow mononuclear cells "
        "reduced pain. Spinal microglia and DRG neurons were counted.")))
    sources = {m.text for m in adoc.mentions if m.found_by == EMBEDDED}
    assert sources == {"umbilical cord", "adipose", "dental pulp", "bone marrow"}
    assert all(m.category is Category.ANATOMY for m in adoc.mentions if m.found_by == EMBEDDED)


def test_a_lone_adjective_is_no_gene_but_a_symbol_tagged_as_one_is(nlp):
    adoc = nlp.annotate(Document(id="a", abstract=(
        "CXCR4-BMSCs lowered spinal IL-6 and synovial NOX4. TSG-6 suppressed NF-κB signaling and "
        "peroxynitrite production in microglia. Curcumin-preconditioned MSCs survived longer and decreased "
        "spinal 8-hydroxy-2′-deoxyguanosine (8-OHdG) and TNF-α levels.")))
    found = {(m.text, m.category.value) for m in adoc.mentions}
    # "8-hydroxy-2′-deoxyguanosine" is tagged as a number (CD); "spinal" still only modifies it.
    assert not {text for text, _ in found} & {"spinal", "synovial"}
    assert {("IL-6", "GeneOrGeneProduct"), ("NOX4", "GeneOrGeneProduct"), ("NF-κB", "GeneOrGeneProduct"),
            ("peroxynitrite", "ChemicalEntity")} <= found

def test_slash_joined_symbols_are_each_an_entity_but_units_stay_whole():
    tokenizer = scispacy_tokenizer(spacy.blank("en"))
    assert [t.text for t in tokenizer("Nrf2/HO-1 and PI3K/Akt at 10 mg/kg in stem/stromal cells")] == [
        "Nrf2", "/", "HO-1", "and", "PI3K", "/", "Akt", "at", "10", "mg/kg", "in", "stem/stromal", "cells"]


def test_the_pain_of_a_named_condition_and_a_source_named_after_its_head(nlp):
    adoc = nlp.annotate(Document(id="p", abstract=(
        "Knee osteoarthritis (OA) is common. UC-MSCs may relieve OA pain and bone cancer pain. "
        "MSCs isolated from Wharton's jelly (WJ-MSCs) reduced IL-1β. Mesenchymal stem cells derived from "
        "induced pluripotent stem cells (iPSC-MSCs) were grafted.")))
    found = {(m.text, m.category) for m in adoc.mentions}
    assert ("OA pain", Category.DISEASE) in found and ("bone cancer pain", Category.DISEASE) in found
    wj = [m for m in adoc.mentions if m.text in ("MSCs", "WJ-MSCs")]
    assert len(wj) == 2 and len({m.curie for m in wj}) == 1  # the head takes the short form's identity
    assert any(m.text == "iPSC-MSCs" and m.category is Category.CELL for m in adoc.mentions)


def test_a_short_form_after_a_bare_source_names_the_head_only_when_it_ends_with_it(nlp):
    adoc = nlp.annotate(Document(id="f", abstract=(
        "MSCs from human amniotic membrane (hAMSCs) lowered MDA. MSCs from bone marrow (BM) reduced ROS.")))
    amniotic = [m for m in adoc.mentions if m.text in ("MSCs", "hAMSCs") and m.start < 40]
    assert len(amniotic) == 2 and len({m.curie for m in amniotic}) == 1
    bm = next(m for m in adoc.mentions if m.text == "BM")
    assert bm.category is Category.ANATOMY  # "BM" is the source's short form, not the cells'
    assert next(m for m in adoc.mentions if m.text == "MSCs" and m.start > 40).curie != amniotic[0].curie


def test_a_definition_whose_entity_only_modifies_its_head_lends_no_identity(nlp):
    found = mentions_of(nlp, "Tumor necrosis factor-stimulated gene-6 (TSG-6) is secreted by MSCs. Tumor necrosis "
                             "factor alpha (TNF-α) was measured.")
    assert found["TSG-6"][1] != found["TNF-α"][1]  # TSG-6 is TNFAIP6, not TNF
    assert found["TNF-α"][1] == found["Tumor necrosis factor alpha"][1]
    short = next(m for m in nlp.annotate(Document(id="t", abstract="Tumor necrosis factor-stimulated gene-6 (TSG-6) "
                                                                      "was measured.")).mentions if m.text == "TSG-6")
    assert short.long_form == "Tumor necrosis factor-stimulated gene-6"  # the linker looks it up by its definition


def test_a_short_form_naming_its_parts_in_another_order_is_defined(nlp):
    adoc = nlp.annotate(Document(id="c", abstract=(
        "In SCI mice, curcumin-loaded exosomes (Exo-Cur) reduced microglial M1 polarization. Exo-Cur also "
        "increased arginase-1.")))
    long = next(m for m in adoc.mentions if m.text == "curcumin-loaded exosomes")
    shorts = [m for m in adoc.mentions if m.text == "Exo-Cur"]
    assert len(shorts) == 2 and all(m.curie == long.curie and m.category is long.category for m in shorts)


def test_modified_cells_and_loaded_vesicles_are_named_whole(nlp):
    adoc = nlp.annotate(Document(id="m", abstract=(
        "Intrathecal delivery of miR-146a-loaded exosomes suppressed TLR4. H2O2-preconditioned BMSCs lowered "
        "MDA. ADSCs preconditioned with hypoxia (HP-ADSCs) reduced thermal hyperalgesia. SOD2-MSCs reduced ROS. "
        "GFP-labelled cells were tracked.")))
    found = {(m.text, m.category) for m in adoc.mentions}
    assert ("miR-146a-loaded exosomes", Category.CELLULAR_COMPONENT) in found
    assert ("H2O2-preconditioned BMSCs", Category.CELL) in found
    assert ("ADSCs preconditioned with hypoxia", Category.CELL) in found and ("HP-ADSCs", Category.CELL) in found
    assert ("SOD2-MSCs", Category.CELL) in found
    assert ("cells", Category.CELL) in found  # labelled cells are the same cells


def test_a_short_form_the_detector_cannot_pair_names_the_modified_cells_before_it(nlp):
    adoc = nlp.annotate(Document(id="h", abstract=(
        "Intrathecal injection of HO-1-overexpressing bone marrow MSCs (HO-1-BMSCs) attenuated allodynia.")))
    short = next(m for m in adoc.mentions if m.text == "HO-1-BMSCs")
    assert short.category is Category.CELL and short.long_form == "HO-1-overexpressing bone marrow MSCs"


def test_a_short_form_defined_with_a_dose_in_its_parentheses_is_an_abbreviation(nlp):
    adoc = nlp.annotate(Document(id="q", abstract=(
        "Rats received intravenous umbilical cord MSCs (UC-MSCs; 2 × 10^6), daily N-acetylcysteine (NAC, "
        "150 mg/kg) or vehicle. UC-MSCs decreased spinal MDA.")))
    shorts = [m for m in adoc.mentions if m.text == "UC-MSCs"]
    assert len(shorts) == 2 and all(m.long_form == "umbilical cord MSCs" for m in shorts)
    long_form = next(m for m in adoc.mentions if m.text == "umbilical cord MSCs")
    assert long_form.curie == shorts[0].curie == shorts[1].curie
    assert next(m for m in adoc.mentions if m.text == "NAC").long_form == "N-acetylcysteine"


def test_marked_cells_and_symptom_measures_are_named_whole(nlp):
    adoc = nlp.annotate(Document(id="c", abstract=(
        "Exosomes lowered ATF3-positive neurons and CD68+ macrophages in the DRG, and BMSCs differentiated "
        "into S100-positive Schwann-like cells. hUC-MSCs reduced neuropathic pain scores, and IL-6 "
        "correlated with pain relief. Heat-inactivated ADSCs failed to act.")))
    found = {(m.text, m.category) for m in adoc.mentions}
    assert ("ATF3-positive neurons", Category.CELL) in found and ("CD68+ macrophages", Category.CELL) in found
    assert ("Schwann-like cells", Category.CELL) in found  # a named cell type keeps its name
    assert ("neuropathic pain scores", Category.PHENOTYPE) in found
    assert ("pain relief", Category.PHENOTYPE) in found and ("pain", Category.PHENOTYPE) not in found
    assert ("Heat-inactivated ADSCs", Category.CELL) in found


def test_an_antagomir_is_named_whole_and_a_mimic_by_its_microrna(nlp):
    adoc = nlp.annotate(Document(id="a", abstract=(
        "EVs pre-loaded with a miR-21-5p antagomir prevented allodynia. miR-146a mimics decreased TRAF6.")))
    found = {m.text for m in adoc.mentions}
    assert "miR-21-5p antagomir" in found and "miR-146a" in found and "miR-146a mimics" not in found


def test_an_evaluative_adjective_does_not_name_a_new_condition(nlp):
    adoc = nlp.annotate(Document(id="n", abstract="MSCs are promising candidates for novel pain management strategies."))
    assert "novel pain" not in {m.text for m in adoc.mentions}


def test_a_word_the_parser_reads_as_a_verb_is_no_entity():
    """A tagger's Chemical on "scavenge" in "MSCs can reduce inflammation, scavenge ROS" would hide the
    claim's verb; the same label on a noun stays."""
    from spacy.tokens import Doc

    words = ["MSCs", "can", "reduce", "inflammation", ",", "scavenge", "ROS", "and", "release", "exosomes"]
    tags = ["NNS", "MD", "VB", "NN", ",", "VB", "NN", "CC", "VB", "NNS"]
    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags)
    doc.spans["ner:a"] = [Span(doc, 5, 6, label="ChemicalEntity"), Span(doc, 6, 7, label="ChemicalEntity"),
                          Span(doc, 9, 10, label="CellularComponent")]
    doc = EntityLayer(["ner:a"])(doc)
    assert [e.text for e in doc.ents] == ["ROS", "exosomes"]


def test_a_dose_aside_after_a_lexicon_name_keeps_its_identity(nlp):
    # the detector also pairs the name's last word "MSCs" with the aside "UC-MSCs; 1 × 10^6 cells/kg"
    adoc = nlp.annotate(Document(id="q", abstract=(
        "Patients were randomized to intravenous umbilical cord-derived MSCs (UC-MSCs; 1 × 10^6 cells/kg) or saline.")))
    cells = [m for m in adoc.mentions if m.category is Category.CELL]
    assert {m.text for m in cells} == {"umbilical cord-derived MSCs", "UC-MSCs"}
    assert {m.curie for m in cells} == {"kg:umbilical_cord_mesenchymal_stem_cell"}


def test_a_cell_abbreviation_takes_the_species_letter(nlp):
    adoc = nlp.annotate(Document(id="q", abstract="hBMSCs, rBMSCs and ADMSCs reduced ROS, as did hADSC-Exos."))
    curies = {m.text: m.curie for m in adoc.mentions}
    assert curies["hBMSCs"] == curies["rBMSCs"] == "CL:0002540"
    assert curies["ADMSCs"] == curies["hADSC"] == "CL:0002570"
    assert next(m for m in adoc.mentions if m.text == "ROS").category is Category.CHEMICAL


def test_csf_is_the_fluid_but_not_inside_a_factor_name(nlp):
    adoc = nlp.annotate(Document(id="f", abstract="CSF IL-10 rose after UC-MSCs, whereas serum G-CSF was unchanged."))
    found = {(m.text, m.category) for m in adoc.mentions}
    assert ("CSF", Category.ANATOMY) in found
    assert not any(m.text == "CSF" and m.start > 20 for m in adoc.mentions)


def test_a_short_form_names_its_whole_definition_once_that_is_one_mention(nlp):
    # "neuralgia" alone is a lexicon term when the abbreviation is read; the definition is widened later
    adoc = nlp.annotate(Document(id="h", abstract=(
        "SVF was injected for post-herpetic neuralgia (PHN). PHN pain declined over 6 months.")))
    short_forms = [m for m in adoc.mentions if m.text == "PHN"]
    assert short_forms and all(m.long_form == "post-herpetic neuralgia" for m in short_forms)
    assert all(m.curie != "MESH:D009437" for m in short_forms)  # not Neuralgia


def test_a_phospho_short_form_is_defined_by_the_phosphorylated_protein(nlp):
    adoc = nlp.annotate(Document(id="p", abstract=(
        "SNL increased phosphorylated p38 MAPK (p-p38) in the dorsal horn. BMSCs reduced p-p38 by 61%.")))
    short_forms = [m for m in adoc.mentions if m.text == "p-p38"]
    assert len(short_forms) == 2 and all(m.long_form == "phosphorylated p38 MAPK" for m in short_forms)


def test_cells_named_by_their_marker_are_one_population(nlp):
    found = mentions_of(nlp, "ADSC-Exos reduced CD86+ M1 microglia and TUNEL-positive cells, and increased "
                             "NLRP3+/Iba1+ cells.")
    for name in ("CD86+ M1 microglia", "TUNEL-positive cells", "NLRP3+/Iba1+ cells"):
        assert found[name][0] == "Cell", name
    assert "CD86" not in found  # the marker alone is not what changed


def test_a_definition_an_entity_crosses_is_read_without_error(nlp):
    # the merge of "human adipose-derived MSCs" leaves the spans as found; the short form still names the cells
    adoc = nlp.annotate(Document(id="c", abstract=(
        "In rats with chronic constriction injury of the infraorbital nerve (CCI-ION), human adipose-derived MSCs "
        "(hAD-MSCs) injected perineurally reduced facial mechanical hypersensitivity.")))
    short = [m for m in adoc.mentions if m.text == "hAD-MSCs"]
    assert short and short[0].category.value == "Cell"


def test_named_cell_deaths_and_tnf_written_with_alpha_are_what_they_are(nlp):
    found = mentions_of(nlp, "Ferroptosis, mitophagy and pyroptosis were studied; BMSCs lowered tumor necrosis "
                             "factor-α (TNF-α).")
    for name in ("Ferroptosis", "mitophagy", "pyroptosis"):
        assert found[name][0] == "BiologicalProcess", name
    assert found["tumor necrosis factor-α"][0] == "GeneOrGeneProduct"
    assert "tumor" not in found and "necrosis" not in found


def test_a_process_named_by_its_head_is_one_mention(nlp):
    found = mentions_of(nlp, "Neither BM-MSCs nor AT-MSCs altered CD3-positive T-cell infiltration. Blocking TNT "
                             "formation with cytochalasin D abolished it, BM-MSCs did not cause tumour formation, and "
                             "BMSC-CM blocked calcium influx. Paclitaxel induced marked infiltration of macrophages. "
                             "BMSCs did not change tumor burden.")
    for name in ("CD3-positive T-cell infiltration", "TNT formation", "tumour formation", "calcium influx", "tumor burden"):
        assert found[name][0] == "BiologicalProcess", name
    assert "Blocking TNT formation" not in found  # an act on the process
    assert "marked infiltration" not in found  # how much, not what


def test_modified_cells_stay_whole_after_their_cells_short_form(nlp):
    found = mentions_of(nlp, "Hypoxic preconditioning enhanced the paracrine capacity of umbilical cord MSCs (UC-MSCs). "
                             "Hypoxia-preconditioned UC-MSCs reduced spinal ROS.")
    assert found["Hypoxia-preconditioned UC-MSCs"][0] == "Cell"
    assert found["Hypoxia-preconditioned UC-MSCs"][1] != found["UC-MSCs"][1]  # another concept
