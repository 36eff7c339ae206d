"""A cell product named with its source is an entity of its own (kg/relations/products.py)."""

from __future__ import annotations

import pytest

from kg.assembly import Assembler
from kg.config import load_pipeline
from kg.eval.relations import GoldEdge, document_aliases, score_gold
from kg.nlp import NlpPipeline
from kg.relations import RelationStage
from kg.relations.products import is_qualified, qualify_products
from kg.types import AnnotatedDoc, Document, Epistemics, Evidence, Mention, Relation
from kg.vocab import Category, RelationType

BMSC_EXOSOMES = "kg:GO_0070062_from_CL_0002540"
ADSC_EXOSOMES = "kg:GO_0070062_from_CL_0002570"


@pytest.fixture(scope="module")
def annotate_and_extract():
    from kg.linking import Linker

    config = load_pipeline("default")
    nlp, stage, linker = NlpPipeline.from_config(config), RelationStage.from_config(config), Linker.open()

    def run(text: str):
        adoc = linker.link(nlp.annotate(Document(id="PMID:1", abstract=text)))
        return adoc, stage.extract(adoc)

    return run


def claims(relations):
    return {(r.subject.curie, r.type.value, r.object.text, r.evidence.epistemics.negated) for r in relations}


def test_two_sources_give_two_products_so_a_denial_never_meets_the_claim(annotate_and_extract):
    _, relations = annotate_and_extract(
        "Exosomes from bone marrow MSCs (BMSC-Exos) and adipose MSCs (ADSC-Exos) were injected intrathecally. "
        "BMSC-Exos reduced ROS, whereas ADSC-Exos did not alter ROS levels.")
    found = claims(relations)
    assert (BMSC_EXOSOMES, "DECREASES", "ROS", False) in found
    assert (ADSC_EXOSOMES, "REGULATES", "ROS", True) in found
    assert not any(s == ADSC_EXOSOMES and not negated for s, _, o, negated in found if o == "ROS")
    assert (BMSC_EXOSOMES, "DERIVED_FROM", "BMSC", False) in found
    assert (ADSC_EXOSOMES, "DERIVED_FROM", "ADSC", False) in found


def test_products_are_qualified_in_every_compound_form(annotate_and_extract):
    for text in ("Exosomes secreted by BMSCs suppressed NLRP3.", "BMSC-derived exosomes suppressed NLRP3.",
                 "BMSC exosomes suppressed NLRP3."):
        _, relations = annotate_and_extract(text)
        assert (BMSC_EXOSOMES, "DECREASES", "NLRP3", False) in claims(relations), text


def test_an_abbreviation_defined_for_the_compound_names_the_same_product(annotate_and_extract):
    _, relations = annotate_and_extract(
        "In CCI rats, intravenous BMSC-derived extracellular vesicles (EVs) suppressed spinal IL-1β. "
        "EVs alone, however, had no effect on IL-10 levels.")
    found = claims(relations)
    bmsc_vesicles = "kg:GO_1903561_from_CL_0002540"
    assert (bmsc_vesicles, "DECREASES", "IL-1β", False) in found
    assert (bmsc_vesicles, "REGULATES", "IL-10", True) in found


def test_a_product_named_apart_from_its_source_keeps_the_generic_term(annotate_and_extract):
    _, relations = annotate_and_extract("Exosomes reduced ROS in DRG neurons.")
    assert ("GO:0070062", "DECREASES", "ROS", False) in claims(relations)


def _mention(text: str, start: int, category: Category, curie: str) -> Mention:
    return Mention(doc_id="d", start=start, end=start + len(text), text=text, category=category, curie=curie)


def _relation(subject: Mention, rtype: RelationType, obj: Mention) -> Relation:
    evidence = Evidence(doc_id="d", sentence="s", sentence_index=0, subject_text=subject.text, object_text=obj.text,
                        subject_span=(subject.start, subject.end), object_span=(obj.start, obj.end),
                        extractor="patterns:hyphen", score=0.9, epistemics=Epistemics())
    return Relation(subject=subject, object=obj, type=rtype, evidence=evidence)


def test_one_product_with_two_sources_stays_generic():
    text = "BMSC- and ADSC-derived exosomes reduced ROS."
    exosomes = _mention("exosomes", text.index("exosomes"), Category.CELLULAR_COMPONENT, "GO:0070062")
    bmsc = _mention("BMSC", 0, Category.CELL, "CL:0002540")
    adsc = _mention("ADSC", text.index("ADSC"), Category.CELL, "CL:0002570")
    ros = _mention("ROS", text.index("ROS"), Category.CHEMICAL, "CHEBI:26523")
    relations = [_relation(exosomes, RelationType.DERIVED_FROM, bmsc), _relation(exosomes, RelationType.DERIVED_FROM, adsc),
                 _relation(exosomes, RelationType.DECREASES, ros)]
    assert not any(is_qualified(r.subject) for r in qualify_products(relations, text))


def test_a_source_outside_the_compound_does_not_qualify():
    text = "Exosomes were isolated, purified and characterized, and BMSCs were cultured."
    exosomes = _mention("Exosomes", 0, Category.CELLULAR_COMPONENT, "GO:0070062")
    bmsc = _mention("BMSCs", text.index("BMSCs"), Category.CELL, "CL:0002540")
    (relation,) = qualify_products([_relation(exosomes, RelationType.DERIVED_FROM, bmsc)], text)
    assert relation.subject.curie == "GO:0070062"


def test_the_graph_keeps_the_generic_term_as_an_xref_and_the_document_mention(annotate_and_extract):
    adoc, relations = annotate_and_extract("BMSC-derived exosomes suppressed NLRP3.")
    assembler = Assembler()
    assembler.add(adoc, relations)
    graph = assembler.graph()
    product = graph.entities[BMSC_EXOSOMES]
    assert "GO:0070062" in product.xrefs
    assert product.category is Category.CELLULAR_COMPONENT
    assert "from" in product.name and "exosome" in product.name
    assert graph.mentions[(BMSC_EXOSOMES, "PMID:1")] == 1
    assert (BMSC_EXOSOMES, "DECREASES", "NCBIGene:114548", False) in graph.edges


def test_gold_names_match_the_product_of_their_own_source_only(annotate_and_extract):
    text = ("The AD-MSC secretome and the UC-MSC secretome both increased superoxide dismutase, "
            "but only the UC-MSC secretome decreased NOX4 expression.")
    adoc, relations = annotate_and_extract(text)
    gold = [GoldEdge("UC-MSC secretome", RelationType.DECREASES, "NOX4", False),
            GoldEdge("AD-MSC secretome", RelationType.DECREASES, "NOX4", True),
            GoldEdge("secretome", RelationType.DERIVED_FROM, "AD-MSC", False)]
    result = score_gold([(text, gold)], [relations], [document_aliases(adoc.mentions, text, relations)])
    assert result["negated_stored_as_positive"] == 0
    assert [m["edge"][1:3] for m in result["misses"]] == [["DECREASES", "NOX4"]]  # only the unstated denial
    assert result["found"] == 2


def test_these_vesicles_refer_back_to_the_one_product_named_before(annotate_and_extract):
    _, relations = annotate_and_extract("Extracellular vesicles were isolated from BMSCs and injected intrathecally. "
                                        "These vesicles decreased GFAP in spinal astrocytes.")
    assert ("kg:GO_1903561_from_CL_0002540", "DECREASES", "GFAP", False) in claims(relations)
    _, relations = annotate_and_extract("BMSC-Exos and ADSC-Exos were injected intrathecally. "
                                        "These exosomes reduced ROS in the DRG.")
    assert ("GO:0070062", "DECREASES", "ROS", False) in claims(relations)  # which of the two, the text does not say


def test_short_forms_defined_respectively_are_the_products_of_their_own_sources(annotate_and_extract):
    _, relations = annotate_and_extract(
        "Conditioned media from bone marrow, adipose and umbilical cord MSCs (BM-CM, AT-CM and UC-CM, "
        "respectively) were applied to LPS-activated microglia. Only UC-CM decreased CD86. AT-CM increased "
        "CD206, whereas BM-CM did not affect CD206 levels.")
    by_text = {(r.evidence.subject_text, r.type.value, r.object.text, r.evidence.epistemics.negated): r.subject.curie
               for r in relations if r.object.text in ("CD86", "CD206")}
    assert len(set(by_text.values())) == 3  # three products, so the denial never meets the claim
    increased = next(c for (_, t, o, n), c in by_text.items() if t == "INCREASES")
    denied = next(c for (_, t, o, n), c in by_text.items() if n)
    assert increased != denied and all(c.startswith("kg:MESH_D017077_from_") for c in by_text.values())


def test_an_engineered_products_definition_is_that_product(annotate_and_extract):
    adoc, relations = annotate_and_extract(
        "BMSC-Exos reduced MMP-9. Exosomes from BMSCs transfected with a miR-124-3p inhibitor (inhibitor-Exos) "
        "failed to reduce MMP-9.")
    engineered = next(m.curie for m in adoc.mentions if m.text == "inhibitor-Exos")
    assert (engineered, "DECREASES", "MMP-9", True) in claims(relations)
    assert (engineered, "DECREASES", "MMP-9", False) not in claims(relations)
    assert (BMSC_EXOSOMES, "DECREASES", "MMP-9", False) in claims(relations)
    assert (BMSC_EXOSOMES, "DECREASES", "MMP-9", True) not in claims(relations)
