"""Relation phenomena in small realistic sentences: type, direction, negation, hedging."""

from __future__ import annotations

import pytest

from kg.config import load_pipeline
from kg.nlp import NlpPipeline
from kg.relations import RelationStage
from kg.types import Document


@pytest.fixture(scope="module")
def extract():
    config = load_pipeline("default")
    nlp, stage = NlpPipeline.from_config(config), RelationStage.from_config(config)

    def run(text: str) -> set[tuple[str, str, str, bool]]:
        adoc = nlp.annotate(Document(id="t", abstract=text))
        return {(r.subject.text, r.type.value, r.object.text, r.evidence.epistemics.negated) for r in stage.extract(adoc)}

    def run_full(text: str):
        return stage.extract(nlp.annotate(Document(id="t", abstract=text)))

    run.full = run_full
    return run


def test_coordinated_verbs_share_their_subject(extract):
    edges = extract("MSCs can reduce inflammation, scavenge reactive oxygen species (ROS), "
                    "promote nerve regeneration, and modulate pain signaling pathways.")
    assert ("MSCs", "DECREASES", "inflammation", False) in edges
    assert ("MSCs", "DECREASES", "reactive oxygen species", False) in edges
    assert ("MSCs", "INCREASES", "nerve regeneration", False) in edges
    assert ("MSCs", "REGULATES", "pain signaling pathways", False) in edges
    assert not any(s in ("inflammation", "reactive oxygen species") for s, *_ in edges)


def test_passive_voice_puts_the_agent_first(extract):
    edges = extract("SOD activity was increased by BMSCs in CCI rats.")
    assert ("BMSCs", "INCREASES", "SOD", False) in edges
    assert not any(s == "SOD" and t == "INCREASES" for s, t, _, _ in edges)


def test_negation_is_kept_never_stored_as_positive(extract):
    edges = extract("BMSCs did not reduce thermal hyperalgesia.")
    assert ("BMSCs", "DECREASES", "thermal hyperalgesia", True) in edges
    assert ("BMSCs", "DECREASES", "thermal hyperalgesia", False) not in edges
    assert ("MSCs", "DECREASES", "mechanical allodynia", True) in extract("MSCs failed to attenuate mechanical allodynia.")
    assert ("Oxidative stress", "ASSOCIATED_WITH", "allodynia", True) in extract(
        "Oxidative stress was not associated with allodynia.")


def test_negation_elsewhere_in_the_sentence_does_not_negate(extract):
    edges = extract("Although vehicle had no effect, MSCs reduced TNF-α levels.")
    assert ("MSCs", "DECREASES", "TNF-α", False) in edges


def test_hedging_is_marked(extract):
    rels = extract.full("These findings suggest that MSCs may inhibit microglial activation.")
    assert rels and all(r.evidence.epistemics.hedged for r in rels)
    assert {"may", "suggest"} <= set(rels[0].evidence.epistemics.cues)
    plain = extract.full("MSCs inhibited microglial activation.")
    assert plain and not plain[0].evidence.epistemics.hedged


def test_nominalizations(extract):
    assert ("MSCs", "DECREASES", "ROS", False) in extract("The reduction of ROS by MSCs was marked.")
    edges = extract("MSC-mediated suppression of TNF-α was observed.")
    assert ("MSC", "DECREASES", "TNF-α", False) in edges
    assert not any(t == "INCREASES" for _, t, _, _ in edges)


def test_derived_and_secreted(extract):
    assert ("extracellular vesicles", "DERIVED_FROM", "MSC", False) in extract(
        "MSC-derived extracellular vesicles (EVs) represent a cell-free alternative.")
    edges = extract("Exosomes secreted by MSCs reduced IL-1β and TNF-α levels.")
    assert ("Exosomes", "DERIVED_FROM", "MSCs", False) in edges
    assert ("Exosomes", "DECREASES", "IL-1β", False) in edges
    assert ("Exosomes", "DECREASES", "TNF-α", False) in edges
    assert not any(s == "MSCs" and t == "DECREASES" for s, t, _, _ in edges)


def test_relative_clause_and_second_passive(extract):
    edges = extract("Catalase activity that had been reduced by oxaliplatin was restored by BMSCs.")
    assert ("oxaliplatin", "DECREASES", "Catalase", False) in edges
    assert ("BMSCs", "INCREASES", "Catalase", False) in edges


def test_comparison_arm_gets_nothing(extract):
    edges = extract("MSCs reduced pain compared with placebo.")
    assert ("MSCs", "DECREASES", "pain", False) in edges
    assert not any("placebo" in (s, o) for s, _, o, _ in edges)


def test_hyphen_heads(extract):
    edges = extract("This review explores MSCs in alleviating oxidative stress-mediated neuropathic pain.")
    assert ("oxidative stress", "CAUSES", "neuropathic pain", False) in edges
    assert ("MSCs", "TREATS", "neuropathic pain", False) in edges
    assert ("Paclitaxel", "CAUSES", "neuropathic pain", False) in extract("Paclitaxel-induced neuropathic pain was studied.")


def test_routes_and_other_types(extract):
    assert ("BMSCs", "ADMINISTERED_VIA", "intrathecally", False) in extract(
        "BMSCs were injected intrathecally into rats with spared nerve injury.")
    assert ("MSCs", "DIFFERENTIATES_INTO", "Schwann-like cells", False) in extract("MSCs differentiate into Schwann-like cells.")
    assert ("Nrf2", "INTERACTS_WITH", "HO-1", False) in extract("Nrf2 binds to HO-1.")
    assert ("ROS", "LOCATED_IN", "microglia", False) in extract("ROS in microglia promote inflammation.")
    assert ("ROS", "INCREASES", "inflammation", False) in extract("ROS in microglia promote inflammation.")


def test_intransitive_verb_takes_no_object_from_a_subordinate_clause(extract):
    edges = extract("TNF-α levels decreased after MSCs reduced ROS.")
    assert ("MSCs", "DECREASES", "ROS", False) in edges
    assert not any(s == "TNF-α" for s, *_ in edges)


def test_evidence_spans_point_into_the_sentence(extract):
    for rel in extract.full("SOD activity was increased by BMSCs in CCI rats."):
        ev = rel.evidence
        assert ev.sentence[ev.subject_span[0]:ev.subject_span[1]] == ev.subject_text
        assert ev.sentence[ev.object_span[0]:ev.object_span[1]] == ev.object_text
        assert 0 < ev.score <= 1 and ev.extractor.startswith("patterns")


def test_subject_carries_over_object_head_nouns(extract):
    edges = extract("Nrf2 activation increased HO-1 expression and decreased ROS production.")
    assert ("Nrf2", "INCREASES", "HO-1", False) in edges
    assert ("Nrf2", "DECREASES", "ROS", False) in edges
    assert not any(s == "HO-1" for s, *_ in edges)


def test_adjectival_participle_is_not_a_claim(extract):
    edges = extract("Peripheral neuropathy was associated with elevated IL-6.")
    assert ("Peripheral neuropathy", "ASSOCIATED_WITH", "IL-6", False) in edges
    assert not any(t == "INCREASES" for _, t, _, _ in edges)


def test_relative_clause_subject_is_the_antecedent(extract):
    edges = extract("MSCs reduced ROS which increased IL-10.")
    assert ("ROS", "INCREASES", "IL-10", False) in edges
    assert ("MSCs", "INCREASES", "IL-10", False) not in edges


def test_route_phrase_does_not_take_the_agents_place(extract):
    edges = extract("Intrathecal injection of bone marrow mesenchymal stem cells (BMSCs) significantly "
                    "attenuated mechanical allodynia in rats.")
    assert ("bone marrow mesenchymal stem cells", "DECREASES", "mechanical allodynia", False) in edges
    assert ("bone marrow mesenchymal stem cells", "ADMINISTERED_VIA", "Intrathecal injection", False) in edges


def test_by_gerund_shares_the_main_verbs_subject(extract):
    edges = extract("BMSCs may relieve neuropathic pain by inhibiting oxidative stress.")
    assert ("BMSCs", "TREATS", "neuropathic pain", False) in edges
    assert ("BMSCs", "DECREASES", "oxidative stress", False) in edges
    assert not any(s == "neuropathic pain" for s, *_ in edges)


def test_modified_heads_nouns_and_longer_coordinated_objects(extract):
    assert ("Exosomes", "TREATS", "peripheral neuropathy", False) in extract(
        "Exosomes derived from human umbilical cord MSCs alleviated peripheral neuropathy in mice.")
    edges = extract("The exosomes inhibited NLRP3 inflammasome activation and reduced ROS production.")
    assert ("exosomes", "DECREASES", "ROS", False) in edges
    edges = extract("Pretreatment with N-acetylcysteine prevented the increase of ROS.")
    assert ("N-acetylcysteine", "DECREASES", "ROS", False) in edges
    assert not any(t == "INCREASES" for _, t, _, _ in edges)


# -- domain phenomena measured on stem-cell / pain / oxidative-stress abstracts ------------------------
def test_route_goes_to_the_agent_it_governs_only(extract):
    edges = extract("Intraperitoneal administration of BMSC-conditioned medium decreased TNF-α levels in "
                    "paclitaxel-treated rats.")
    routed = {s for s, t, _, _ in edges if t == "ADMINISTERED_VIA"}
    assert routed == {"conditioned medium"}
    assert ("conditioned medium", "DECREASES", "TNF-α", False) in edges
    assert ("hUC-MSCs", "ADMINISTERED_VIA", "Intravenous", False) in extract(
        "Intravenous hUC-MSCs reduced TNF-α levels after paclitaxel treatment.")
    assert ("BMSCs", "ADMINISTERED_VIA", "intrathecal", False) in extract(
        "BMSCs were given via the intrathecal route and reduced IL-6.")


def test_location_of_an_effect_is_not_a_located_in_claim(extract):
    edges = extract("BMSCs decreased TNF-α expression in the dorsal root ganglion.")
    assert ("BMSCs", "DECREASES", "TNF-α", False) in edges
    assert not any(t == "LOCATED_IN" for _, t, _, _ in edges)
    assert ("NOX2", "LOCATED_IN", "microglia", False) in extract("NOX2 was predominantly localized in microglia.")
    located = extract("Labelled BMSCs were detected in the dorsal root ganglion and spinal cord.")
    assert {("BMSCs", "LOCATED_IN", "dorsal root ganglion", False), ("BMSCs", "LOCATED_IN", "spinal cord", False)} <= located


def test_passive_with_listed_patients_and_a_routed_agent(extract):
    edges = extract("Superoxide dismutase (SOD) and catalase activities were significantly restored by intrathecal "
                    "injection of BMSCs.")
    assert ("BMSCs", "INCREASES", "catalase", False) in edges
    assert ("BMSCs", "INCREASES", "Superoxide dismutase", False) in edges
    assert ("hUC-MSCs", "DECREASES", "p38 MAPK", False) in extract(
        "Spinal levels of p38 MAPK were likewise decreased by pretreatment with hUC-MSCs.")


def test_but_not_negates_that_object_only(extract):
    edges = extract("MSC-derived EVs lowered IL-1β and IL-6 but not TNF-α in the spinal cord.")
    assert ("EVs", "DECREASES", "IL-6", False) in edges
    assert ("EVs", "DECREASES", "TNF-α", True) in edges
    assert ("EVs", "DECREASES", "TNF-α", False) not in edges


def test_subject_carries_over_a_location_and_into_a_negated_verb(extract):
    assert ("Exosomes", "DECREASES", "IL-1β", False) in extract(
        "Exosomes regulated NF-κB signalling in BV2 microglia and inhibited IL-1β release.")
    edges = extract("In the DRG, BMSCs downregulated TRPV1 expression but did not reduce IL-6.")
    assert ("BMSCs", "DECREASES", "IL-6", True) in edges
    assert not any(s in ("DRG", "TRPV1") for s, *_ in edges)


def test_pronoun_subject_takes_the_previous_agent(extract):
    edges = extract("MSC secretome did not ameliorate neuropathic pain, although it modestly reduced serum TNF-α.")
    assert ("secretome", "TREATS", "neuropathic pain", True) in edges
    assert ("secretome", "DECREASES", "TNF-α", False) in edges
    edges = extract("Although ADSCs reduced mechanical allodynia, they had no analgesic effect on cold allodynia.")
    assert ("ADSCs", "DECREASES", "cold allodynia", True) in edges
    assert ("ADSCs", "DECREASES", "cold allodynia", False) not in edges


def test_cell_products_named_after_their_source(extract):
    for text, product, source in (("MSC-EVs reduced ROS.", "EVs", "MSC"),
                                  ("BMSC-Exos reduced ROS.", "Exos", "BMSC"),
                                  ("ADSC-conditioned medium reduced ROS.", "conditioned medium", "ADSC"),
                                  ("The MSC secretome reduced ROS.", "secretome", "MSC")):
        edges = extract(text)
        assert (product, "DERIVED_FROM", source, False) in edges, text
        assert (product, "DECREASES", "ROS", False) in edges, text


def test_effects_reported_on_treated_groups(extract):
    edges = extract("Compared with vehicle-treated controls, rats receiving perineural ADSCs displayed significantly "
                    "less thermal hyperalgesia.")
    assert ("ADSCs", "DECREASES", "thermal hyperalgesia", False) in edges
    assert not any("vehicle" in (s, o) for s, _, o, _ in edges)
    edges = extract("The levels of IL-1β and IL-6 were significantly lower in the BMSC group than in the CCI group.")
    assert {("BMSC", "DECREASES", "IL-1β", False), ("BMSC", "DECREASES", "IL-6", False)} <= edges
    assert not any(s in ("IL-6", "CCI") or o == "BMSC" for s, _, o, _ in edges)
    assert ("BMSC", "DECREASES", "MDA", False) in extract("MDA content was markedly reduced in BMSC-treated rats.")


def test_protection_against_and_effects_on(extract):
    assert ("Exosomes", "PREVENTS", "oxidative damage", False) in extract(
        "Exosomes protected Schwann cells against oxidative damage.")
    assert ("BMSCs", "DECREASES", "microglial activation", False) in extract(
        "BMSCs exerted an inhibitory effect on microglial activation.")
    assert ("Gabapentin", "REGULATES", "IL-6", True) in extract("Gabapentin had no effect on IL-6 levels.")


def test_wrapped_agents_and_microrna_products(extract):
    edges = extract("Co-culture with BMSCs enhanced the secretion of nerve growth factor.")
    assert ("BMSCs", "INCREASES", "nerve growth factor", False) in edges
    edges = extract("Exosomal miR-146a-5p derived from hUC-MSCs suppressed NF-κB activation.")
    assert ("miR-146a-5p", "DERIVED_FROM", "hUC-MSCs", False) in edges
    assert ("miR-146a-5p", "DECREASES", "NF-κB", False) in edges


def test_subject_behind_a_location_or_a_time(extract):
    edges = extract("DPSC-EVs injected locally into the trigeminal ganglion inhibited TLR4 signaling.")
    assert ("EVs", "DECREASES", "TLR4", False) in edges
    assert not any(s == "trigeminal ganglion" for s, *_ in edges)
    edges = extract("Pretreatment with intravenous ADSCs before the first oxaliplatin dose protected against the "
                    "development of cold allodynia.")
    assert ("ADSCs", "PREVENTS", "cold allodynia", False) in edges
    assert not any(s == "oxaliplatin" for s, *_ in edges)


def test_passive_subject_carries_into_the_next_verb(extract):
    edges = extract("Nrf2 was activated by MSC conditioned medium and induced HO-1 in Schwann cells.")
    assert ("conditioned medium", "INCREASES", "Nrf2", False) in edges
    assert ("Nrf2", "INCREASES", "HO-1", False) in edges


def test_object_before_by_is_not_a_passive(extract):
    edges = extract("TSG-6 reduced TNF-α secretion by macrophages.")
    assert ("TSG-6", "DECREASES", "TNF-α", False) in edges
    assert not any(s == "macrophages" for s, *_ in edges)


def test_trigger_words_inside_names_and_losses(extract):
    edges = extract("Neural progenitor cells derived from induced pluripotent stem cells reduced allodynia.")
    assert not any(t == "CAUSES" for _, t, _, _ in edges)
    edges = extract("ADSCs prevented intraepidermal nerve fiber loss.")
    assert not any(t in ("DECREASES", "PREVENTS") and o.startswith("intraepidermal") for _, t, o, _ in edges)
    edges = extract("Knockdown of Nrf2 abolished the antiallodynic effect of the EVs.")
    assert not any(s == "Nrf2" for s, *_ in edges)


def test_mediated_phrase_agent_acts_for_the_phrase(extract):
    edges = extract("Exosome-mediated inhibition of NLRP3 activation reduced spinal IL-1β.")
    assert ("Exosome", "DECREASES", "NLRP3", False) in edges
    assert ("Exosome", "DECREASES", "IL-1β", False) in edges
    assert not any(s == "NLRP3" for s, *_ in edges)


def test_secreting_cells_and_listed_modified_objects(extract):
    edges = extract("Adipose stem cells, which secrete abundant GDNF, restored paw withdrawal latency.")
    assert ("GDNF", "DERIVED_FROM", "Adipose stem cells", False) in edges
    assert ("Adipose stem cells", "INCREASES", "paw withdrawal latency", False) in edges
    edges = extract("UC-MSCs lowered WOMAC pain subscores and synovial fluid malondialdehyde, and increased synovial "
                    "SOD activity.")
    assert {("UC-MSCs", "DECREASES", "malondialdehyde", False), ("UC-MSCs", "INCREASES", "SOD", False)} <= edges


def test_neither_nor_and_without(extract):
    edges = extract("Resveratrol neither raised the paw withdrawal threshold nor lowered spinal TNF-α.")
    assert ("Resveratrol", "DECREASES", "TNF-α", True) in edges
    edges = extract("DPSCs elevated IL-10 without affecting IL-6.")
    assert ("DPSCs", "INCREASES", "IL-10", False) in edges
    assert ("DPSCs", "REGULATES", "IL-6", True) in edges


def test_routes_skip_comparators_and_read_doses(extract):
    edges = extract("Patients received oral N-acetylcysteine (NAC, 1200 mg/day) or placebo.")
    assert not any(s == "placebo" for s, t, _, _ in edges if t == "ADMINISTERED_VIA")
    edges = extract("Rats were treated with adipose-derived stem cells (ADSCs, 2 × 10^6 cells, intramuscular).")
    assert ("adipose-derived stem cells", "ADMINISTERED_VIA", "intramuscular", False) in edges


def test_route_words_name_administration_only_where_the_sentence_says_so(extract):
    edges = extract("Various administration routes, including intravenous and intrathecal, have been investigated "
                    "to optimize MSC delivery.")
    assert {("MSC", "ADMINISTERED_VIA", "intravenous", False), ("MSC", "ADMINISTERED_VIA", "intrathecal", False)} <= edges
    edges = extract("Low back pain is associated with elevated intradiscal levels of pro-inflammatory cytokines.")
    assert not any(t == "ADMINISTERED_VIA" for _, t, _, _ in edges)


def test_relative_which_and_without_after_a_passive(extract):
    edges = extract("ERK1/2 phosphorylation in the spinal dorsal horn was inhibited by exosomes from adipose-derived "
                    "MSCs, which also reduced CCL2 release.")
    assert ("exosomes", "DECREASES", "ERK1/2", False) in edges
    assert ("exosomes", "DECREASES", "CCL2", False) in edges
    edges = extract("Superoxide production was significantly decreased by the BMSC secretome, without affecting "
                    "catalase activity.")
    assert ("secretome", "REGULATES", "catalase", True) in edges
    assert not any(s == "Superoxide" for s, *_ in edges)


def test_second_adjective_and_places_are_no_agents(extract):
    edges = extract("Chronic pain was associated with elevated nitric oxide and reduced catalase activity.")
    assert not any(t == "DECREASES" for _, t, _, _ in edges)
    edges = extract("Neuropathic pain induced by partial sciatic nerve ligation was relieved by DPSCs.")
    assert not any(s == "sciatic nerve" for s, *_ in edges)
    edges = extract("HMGB1 binds to TLR4 on spinal macrophages and activates NF-κB signalling.")
    assert ("HMGB1", "INCREASES", "NF-κB", False) in edges


def test_products_of_cells_and_conclusions_about_treatment(extract):
    edges = extract("Apoptosis was prevented by pretreatment with the secretome of Wharton's jelly MSCs.")
    assert ("secretome", "DERIVED_FROM", "Wharton's jelly MSCs", False) in edges
    edges = extract("hUC-MSCs may therefore be a useful adjunct for the treatment of painful diabetic neuropathy.")
    assert any(s == "hUC-MSCs" and t == "TREATS" for s, t, _, _ in edges)
    edges = extract("Intravenous placenta-derived MSCs given before the first paclitaxel dose prevented the development "
                    "of mechanical hypersensitivity.")
    assert ("placenta-derived MSCs", "PREVENTS", "mechanical hypersensitivity", False) in edges
    edges = extract("We tested whether melatonin enhances the efficacy of intravenously infused BMSCs.")
    assert ("BMSCs", "ADMINISTERED_VIA", "intravenously", False) in edges
    assert not any(o == "BMSCs" for _, _, o, _ in edges)


def test_conditioned_medium_is_its_own_node_and_abbreviated_products_derive(extract):
    rels = extract.full("Conditioned medium from human dental pulp stem cells (DPSC-CM) was delivered intrathecally. "
                        "DPSC-CM attenuated thermal hyperalgesia.")
    edges = {(r.subject.text, r.type.value, r.object.text, r.evidence.epistemics.negated) for r in rels}
    assert ("Conditioned medium", "DERIVED_FROM", "dental pulp stem cells", False) in edges
    assert ("CM", "DERIVED_FROM", "DPSC", False) in edges
    assert ("CM", "DECREASES", "thermal hyperalgesia", False) in edges
    media = {r.subject.curie for r in rels if r.subject.text in ("Conditioned medium", "CM")}
    cells = {r.object.curie for r in rels if r.type.value == "DERIVED_FROM"}
    assert media and media.isdisjoint(cells)  # the medium is never merged with the cells that made it


def test_a_control_arm_is_never_an_agent(extract):
    edges = extract("BMSCs attenuated mechanical allodynia, whereas vehicle injection had no effect on paw "
                    "withdrawal thresholds. Intra-articular saline had no effect on knee pain.")
    assert ("BMSCs", "DECREASES", "mechanical allodynia", False) in edges
    assert not any(s.lower() in ("vehicle", "saline") for s, *_ in edges)


def test_the_cells_and_these_vesicles_refer_back_to_the_treatment(extract):
    rels = extract.full("Intrathecally delivered BMSCs suppressed astrocyte activation in the dorsal horn. "
                        "The cells also raised IL-10 concentrations in cerebrospinal fluid.")
    bmscs = next(r.subject for r in rels if r.subject.text == "BMSCs")
    raised = next(r for r in rels if r.object.text == "IL-10")
    assert raised.type.value == "INCREASES" and raised.subject.text == "cells"  # the sentence's own words
    assert raised.subject.curie == bmscs.curie and raised.evidence.subject_text == "cells"
    rels = extract.full("Extracellular vesicles were isolated from dental pulp stem cells and delivered "
                        "intrathecally. These vesicles decreased GFAP in spinal astrocytes.")
    vesicles = next(r for r in rels if r.object.text == "GFAP")
    assert vesicles.type.value == "DECREASES"
    assert vesicles.subject.curie == next(r.subject.curie for r in rels if r.subject.text == "Extracellular vesicles")


def test_the_source_a_product_refers_back_to_is_the_treatment(extract):
    rels = extract.full("Intrathecal BMSCs reversed mechanical allodynia within one week. Their analgesic effect may "
                        "be mediated by TGF-β1 secreted by these cells.")
    bmscs = next(r.subject for r in rels if r.subject.text == "BMSCs")
    secreted = next(r for r in rels if r.type.value == "DERIVED_FROM" and r.subject.text == "TGF-β1")
    assert secreted.object.text == "cells" and secreted.object.curie == bmscs.curie


def test_a_generic_noun_that_does_not_refer_back_is_left_alone(extract):
    rels = extract.full("MSCs (1 x 10^6 cells) reduced TNF-α.")
    assert all(r.subject.text != "cells" for r in rels)


def test_acting_on_a_decline_is_the_opposite_effect(extract):
    edges = extract("hUC-MSCs reversed the reduction in paw withdrawal threshold. "
                    "BMSCs prevented the depletion of glutathione and SOD. "
                    "ADSCs attenuated the reduction in catalase activity and the increase in TNF-α.")
    assert ("hUC-MSCs", "INCREASES", "paw withdrawal threshold", False) in edges
    assert ("BMSCs", "INCREASES", "glutathione", False) in edges
    assert ("BMSCs", "INCREASES", "SOD", False) in edges
    assert ("ADSCs", "INCREASES", "catalase", False) in edges
    assert not any(o in ("paw withdrawal threshold", "glutathione", "SOD", "catalase") and t == "DECREASES"
                   for _, t, o, _ in edges)


def test_an_equivalence_arm_shares_the_claim_a_comparison_arm_does_not(extract):
    edges = extract("WJ-MSCs reduced cold allodynia as effectively as pregabalin and, in addition, decreased RAGE "
                    "expression in the DRG. DPSCs increased the paw withdrawal threshold to a degree comparable "
                    "with gabapentin. BMSCs reduced pain compared with pregabalin.")
    assert ("pregabalin", "DECREASES", "cold allodynia", False) in edges
    assert ("WJ-MSCs", "DECREASES", "RAGE", False) in edges  # the arm does not take the next verb
    assert not any(s == "pregabalin" and o in ("RAGE", "pain") for s, _, o, _ in edges)
    assert ("gabapentin", "INCREASES", "paw withdrawal threshold", False) in edges


def test_a_sentence_opening_with_they_continues_the_previous_agent(extract):
    rels = extract.full("Adipose tissue-derived MSCs (AT-MSCs) increased GSH levels in the sciatic nerve. However, "
                        "they failed to reverse the loss of intraepidermal nerve fiber density. It is known that "
                        "ROS drive pain.")
    agent = next(r.subject for r in rels if r.object.text == "GSH")
    failed = next(r for r in rels if r.object.text == "intraepidermal nerve fiber density")
    assert (failed.subject.text, failed.type.value, failed.evidence.epistemics.negated) == ("they", "INCREASES", True)
    assert failed.subject.curie == agent.curie
    assert not any(r.subject.text == "It" for r in rels)  # "It is known": no agent


def test_they_after_these_vesicles_is_the_vesicles_named_first(extract):
    rels = extract.full("Extracellular vesicles isolated from human dental pulp stem cells were delivered "
                        "intrathecally. These vesicles decreased GFAP in spinal astrocytes. They also raised the "
                        "mechanical threshold of the ipsilateral hind paw.")
    first = next(r.subject for r in rels if r.subject.text == "Extracellular vesicles")
    raised = next(r for r in rels if r.object.text == "mechanical threshold")
    assert raised.type.value == "INCREASES" and raised.subject.curie == first.curie


def test_a_means_is_not_an_object(extract):
    edges = extract("MSCs inhibit spinal inflammasome activation through IL-10. rBMSC-Exos increased Nrf2 "
                    "nuclear accumulation and decreased 4-HNE in the spinal cord.")
    assert not any(o == "IL-10" for _, _, o, _ in edges)
    assert ("Exos", "DECREASES", "4-HNE", False) in edges  # the exosomes, not "nuclear"


def test_a_slash_joined_pathway_is_each_of_its_members(extract):
    edges = extract("Intrathecal MSCs further enhanced Nrf2/HO-1 signalling in DRG neurons.")
    assert {("MSCs", "INCREASES", "Nrf2", False), ("MSCs", "INCREASES", "HO-1", False)} <= edges


def test_treated_groups_written_as_recipients_or_with_a_singular_short_form(extract):
    rels = extract.full("Rats received 2 x 10^6 adipose stromal cells (ASCs) or saline. ASC-treated knees displayed "
                        "lower synovial IL-1β concentrations. BM-MSC recipients showed reduced microglial activation.")
    asc = next(r for r in rels if r.object.text == "IL-1β")
    assert asc.type.value == "DECREASES" and asc.subject.text == "ASC" and asc.subject.category.value == "Cell"
    assert asc.subject.curie == "CL:0002570"  # the ASCs of the definition, not the gene ASC (PYCARD)
    assert any(r.subject.text == "BM-MSC" and r.type.value == "DECREASES" and r.object.text == "microglial activation"
               for r in rels)


def test_a_subject_listed_before_an_x_derived_subject_also_acts(extract):
    edges = extract("Both N-acetylcysteine (NAC) and DPSC-derived extracellular vesicles (DPSC-EVs) lowered "
                    "4-hydroxynonenal in the sciatic nerve.")
    assert ("N-acetylcysteine", "DECREASES", "4-hydroxynonenal", False) in edges
    assert ("extracellular vesicles", "DECREASES", "4-hydroxynonenal", False) in edges
    assert not any(s == "DPSC" and t == "DECREASES" for s, t, _, _ in edges)


@pytest.mark.parametrize("text, positive, negated", [
    ("Gabapentin, but not BMSC-derived exosomes, reversed cold allodynia in oxaliplatin-treated rats.",
     ("Gabapentin", "DECREASES", "cold allodynia"), ("exosomes", "DECREASES", "cold allodynia")),
    ("BMSCs reduced IL-1β, but not IL-10, in the ipsilateral DRG of SNI rats.",
     ("BMSCs", "DECREASES", "IL-1β"), ("BMSCs", "DECREASES", "IL-10")),
    ("Gabapentin, but not MSC-conditioned medium, reversed mechanical hyperalgesia.",
     ("Gabapentin", "DECREASES", "mechanical hyperalgesia"), ("conditioned medium", "DECREASES", "mechanical hyperalgesia")),
    ("Moreover, MSC-Exos, unlike NAC, enhanced glutathione peroxidase (GPx) activity in the DRG.",
     ("Exos", "INCREASES", "glutathione peroxidase"), ("NAC", "INCREASES", "glutathione peroxidase")),
])
def test_but_not_and_unlike_negate_only_the_subject_or_object_they_name(extract, text, positive, negated):
    edges = extract(text)
    assert (*positive, False) in edges
    assert (*negated, True) in edges and (*negated, False) not in edges


def test_the_treatment_and_they_after_a_sentence_that_only_names_the_treatment(extract):
    rels = extract.full("Adipose-derived stem cells (ASCs) were injected into mice after spared nerve injury. "
                        "They failed to raise the paw withdrawal threshold.")
    failed = next(r for r in rels if r.object.text == "paw withdrawal threshold")
    assert failed.type.value == "INCREASES" and failed.evidence.epistemics.negated
    assert failed.subject.curie == "CL:0002570"
    rels = extract.full("BMSCs were delivered intrathecally after CCI. The treatment reduced GFAP expression in "
                        "the dorsal horn. Prophylactic ADSCs prevented thermal hyperalgesia. Therapeutic "
                        "administration of the same cells failed to reverse hyperalgesia.")
    gfap = next(r for r in rels if r.object.text == "GFAP")
    assert gfap.subject.text == "treatment" and gfap.subject.curie == next(
        r.subject.curie for r in rels if r.subject.text == "BMSCs")
    late = next(r for r in rels if r.object.text == "hyperalgesia")
    assert late.evidence.epistemics.negated and late.subject.curie == "CL:0002570"


def test_a_reversal_brought_about_is_a_decrease_and_a_design_comparison_is_no_arm(extract):
    edges = extract("Intravenously infused adipose-derived MSCs (AD-MSCs) produced a sustained reversal of "
                    "mechanical allodynia in SNI mice. In a contusion model, we compared intrathecal human "
                    "umbilical cord MSCs (hUCMSCs) with apocynin. Perineural injection of BMSCs around the "
                    "injured sciatic nerve increased catalase activity.")
    assert ("adipose-derived MSCs", "DECREASES", "mechanical allodynia", False) in edges
    assert not any(t == "CAUSES" and o == "mechanical allodynia" for _, t, o, _ in edges)
    assert ("human umbilical cord MSCs", "ADMINISTERED_VIA", "intrathecal", False) in edges
    assert ("BMSCs", "INCREASES", "catalase", False) in edges


def test_cells_named_with_their_source_tissue_derive_from_it(extract):
    rels = extract.full("Adipose-derived stem cells (ASCs) were injected. We delivered human adipose tissue-derived "
                        "stromal cells intravenously. MSCs harvested from bone marrow reduced pain.")
    derived = {(r.subject.text, r.object.text) for r in rels if r.type.value == "DERIVED_FROM"}
    assert ("Adipose-derived stem cells", "Adipose") in derived
    assert ("stromal cells", "adipose tissue") in derived or ("human adipose tissue-derived stromal cells",
                                                             "adipose tissue") in derived
    assert ("MSCs", "bone marrow") in derived
    source = next(r for r in rels if r.object.text == "Adipose")
    assert source.evidence.object_span == (0, len("Adipose")) and source.object.category.value == "AnatomicalEntity"


def test_a_change_noun_after_the_trigger_sets_the_direction(extract):
    edges = extract("Intraperitoneal ADSC exosomes prevented the paclitaxel-induced increase of NOX4 in DRG neurons. "
                    "UC-MSCs decreased spinal MDA and produced a sustained elevation of the paw withdrawal threshold. "
                    "Intrathecal BMSCs attenuated mechanical allodynia in rats with chronic constriction injury (CCI) "
                    "and lowered spinal MDA content. WJ-MSCs elevated catalase activity and curtailed lipid peroxidation.")
    assert ("exosomes", "DECREASES", "NOX4", False) in edges
    assert not any(o == "paclitaxel" for s, _, o, _ in edges if s == "exosomes")
    assert ("UC-MSCs", "INCREASES", "paw withdrawal threshold", False) in edges
    assert ("BMSCs", "DECREASES", "MDA", False) in edges
    assert not any(s in ("chronic constriction injury", "CCI") and t == "DECREASES" for s, t, _, _ in edges)
    assert ("WJ-MSCs", "DECREASES", "lipid peroxidation", False) in edges


def test_a_symptom_referred_back_to_is_the_one_named_before(extract):
    rels = extract.full("Oxaliplatin evoked cold allodynia in rats. MSC-derived small EVs attenuated this allodynia.")
    back = next(r for r in rels if r.object.text == "allodynia")
    named = next(r for r in rels if r.object.text == "cold allodynia")
    assert back.type.value == "DECREASES" and back.object.curie == named.object.curie
    assert back.evidence.object_text == "allodynia"  # the sentence's own words stay


@pytest.mark.parametrize("text, agent, route", [
    ("We isolated extracellular vesicles (EVs) from human umbilical cord MSCs and delivered them intrathecally.",
     "extracellular vesicles", "intrathecally"),
    ("Small extracellular vesicles (sEVs) were isolated from BMSCs by ultracentrifugation and injected "
     "intrathecally into rats.", "Small extracellular vesicles", "intrathecally"),
    ("Rats received a single intrathecal dose of 1 × 10^6 dental pulp stem cells (DPSCs) or gabapentin "
     "(100 mg/kg) after CCI.", "dental pulp stem cells", "intrathecal"),
    ("Mice were treated with extracellular vesicles from bone marrow MSCs or saline by intraperitoneal injection.",
     "extracellular vesicles", "intraperitoneal injection"),
])
def test_routes_reach_their_agent_past_pronouns_amounts_and_control_arms(extract, text, agent, route):
    edges = extract(text)
    assert (agent, "ADMINISTERED_VIA", route, False) in edges
    assert not any(t == "ADMINISTERED_VIA" and s.lower() in ("gabapentin", "saline") for s, t, _, _ in edges)


@pytest.mark.parametrize("text, cause, condition", [
    ("Bortezomib-induced peripheral neuropathy (BIPN) restricts the dose of myeloma therapy.",
     "Bortezomib", "peripheral neuropathy"),
    ("Oral NAC failed to prevent chemotherapy-induced neuropathy.", "chemotherapy", "neuropathy"),
    ("HO-1-MSCs shortened the duration of incision-induced mechanical hyperalgesia.", "incision",
     "mechanical hyperalgesia"),
    ("Paclitaxel frequently causes painful peripheral neuropathy.", "Paclitaxel", "peripheral neuropathy"),
])
def test_the_cause_named_with_a_condition_causes_it(extract, cause, condition, text):
    assert (cause, "CAUSES", condition, False) in extract(text)


@pytest.mark.parametrize("text, member, cls", [
    ("Nrf2, a redox-sensitive transcription factor, was activated by MSC-derived exosomes.", "Nrf2", "transcription factor"),
    ("Superoxide dismutase (SOD) is a key antioxidant enzyme.", "SOD", "antioxidant enzyme"),
    ("Combining BMSCs with the antioxidant N-acetylcysteine reduced hyperalgesia.", "N-acetylcysteine", "antioxidant"),
    ("Pretreatment with TAK-242, a selective TLR4 inhibitor, occluded the MSC effect.", "TAK-242", "TLR4 inhibitor"),
])
def test_the_class_an_entity_is_said_to_belong_to(extract, text, member, cls):
    edges = extract(text)
    assert (member, "IS_A", cls, False) in edges
    assert not any(o == cls and t != "IS_A" for _, t, o, _ in edges)  # a class is no object of a claim


def test_the_place_an_agent_was_put_and_a_partner_added_with_plus(extract):
    rels = extract.full("Local injection of WJ-MSCs around the wound reduced IL-6 levels. "
                        "BM-MSCs plus gabapentin reversed mechanical allodynia.")
    edges = {(r.subject.text, r.type.value, r.object.text) for r in rels}
    assert ("WJ-MSCs", "DECREASES", "IL-6") in edges and not any(s == "wound" for s, _, _ in edges)
    assert ("BM-MSCs", "DECREASES", "mechanical allodynia") in edges


def test_unlike_x_at_the_start_says_the_opposite_of_x_for_its_clause_only(extract):
    edges = extract("Unlike gabapentin, BMSC-conditioned medium did not reduce thermal hyperalgesia in SNI mice, "
                    "although it attenuated mechanical allodynia. Melatonin is a well-known inhibitor of IL-1β. "
                    "Both resveratrol and intraperitoneally injected DPSCs raised SOD activity.")
    assert ("gabapentin", "DECREASES", "thermal hyperalgesia", False) in edges
    assert ("conditioned medium", "DECREASES", "thermal hyperalgesia", True) in edges
    assert not any(s == "gabapentin" and o == "mechanical allodynia" for s, _, o, _ in edges)
    assert ("Melatonin", "DECREASES", "IL-1β", False) in edges
    assert ("resveratrol", "INCREASES", "SOD", False) in edges and ("DPSCs", "INCREASES", "SOD", False) in edges


def test_but_not_leaves_the_first_subjects_claim_positive(extract):
    edges = extract("hADSC-conditioned medium, but not pregabalin, decreased P2X3 expression in DRG neurons.")
    assert ("conditioned medium", "DECREASES", "P2X3", False) in edges
    assert ("pregabalin", "DECREASES", "P2X3", True) in edges


def test_a_microrna_targeting_a_gene_interacts_with_it(extract):
    edges = extract("Exosomal miR-200a, which is abundant in ADSC-derived exosomes, was shown to target Keap1. "
                    "miR-146a-5p directly targets TRAF6.")
    assert ("miR-200a", "INTERACTS_WITH", "Keap1", False) in edges
    assert ("miR-146a-5p", "INTERACTS_WITH", "TRAF6", False) in edges
    assert not any(t == "REGULATES" for _, t, _, _ in edges)


def test_a_route_before_listed_alternatives_belongs_to_the_first_only(extract):
    edges = extract("Rats received intravenous umbilical cord MSCs (UC-MSCs; 2 × 10^6), daily "
                    "N-acetylcysteine (NAC; 150 mg/kg) or vehicle for 14 days.")
    assert ("umbilical cord MSCs", "ADMINISTERED_VIA", "intravenous", False) in edges
    assert not any(s in ("N-acetylcysteine", "vehicle") and t == "ADMINISTERED_VIA" for s, t, _, _ in edges)


def test_neither_nor_subjects_are_both_negated(extract):
    edges = extract("Neither BMSCs nor their conditioned medium altered baseline nociceptive thresholds in naive rats.")
    assert ("BMSCs", "REGULATES", "nociceptive thresholds", True) in edges
    assert ("conditioned medium", "REGULATES", "nociceptive thresholds", True) in edges
    assert not any(not negated for _, t, _, negated in edges if t != "DERIVED_FROM")
    assert ("conditioned medium", "DERIVED_FROM", "BMSCs", False) in edges  # "their": the cells' medium
    # The negation belongs to that claim: a later clause with one of the agents is positive.
    edges = extract("Neither BMSCs nor their conditioned medium altered mechanical thresholds, but BMSCs "
                    "reduced spinal IL-6 levels.")
    assert ("BMSCs", "REGULATES", "mechanical thresholds", True) in edges
    assert ("BMSCs", "DECREASES", "IL-6", False) in edges and ("BMSCs", "DECREASES", "IL-6", True) not in edges


def test_thereby_results_belong_to_the_sentence_agent(extract):
    edges = extract("hUC-MSCs transferred functional mitochondria to injured spinal neurons via tunneling "
                    "nanotubes, thereby increasing ATP production and reducing mitochondrial ROS.")
    assert ("hUC-MSCs", "DECREASES", "mitochondrial ROS", False) in edges
    assert not any(s == "nanotubes" for s, *_ in edges)


def test_a_participle_aside_is_no_subject_and_a_second_comparative_starts_a_claim(extract):
    edges = extract("Pretreatment with BMSC-derived EVs, given intravenously 24 h before the first oxaliplatin "
                    "dose, prevented the onset of mechanical allodynia.")
    assert ("EVs", "PREVENTS", "mechanical allodynia", False) in edges
    assert ("EVs", "ADMINISTERED_VIA", "intravenously", False) in edges
    assert not any(s == "oxaliplatin" for s, *_ in edges)
    edges = extract("Rats receiving hUC-MSCs exhibited lower MDA content and higher catalase and GPx activities.")
    assert ("hUC-MSCs", "DECREASES", "MDA", False) in edges
    assert ("hUC-MSCs", "INCREASES", "catalase", False) in edges and ("hUC-MSCs", "INCREASES", "GPx", False) in edges
    assert ("hUC-MSCs", "DECREASES", "catalase", False) not in edges


def test_tool_compounds_and_markers_are_classes(extract):
    edges = extract("Pretreatment with the Nrf2 inhibitor ML385 abolished the effect. ADSCs lowered 8-OHdG, "
                    "a marker of oxidative DNA damage.")
    assert ("ML385", "IS_A", "Nrf2 inhibitor", False) in edges
    assert ("8-OHdG", "IS_A", "marker of oxidative DNA damage", False) in edges
    assert ("ADSCs", "DECREASES", "8-OHdG", False) in edges


def test_where_administered_cells_and_vesicles_went(extract):
    edges = extract("Placenta-derived MSCs (PD-MSCs) injected intravenously homed to the injured sciatic nerve. "
                    "Within the DRG, the exosomes were taken up by satellite glial cells rather than by neurons. "
                    "GFP-labeled hAMSCs were found in the epineurium but not in the DRG.")
    assert ("Placenta-derived MSCs", "LOCATED_IN", "sciatic nerve", False) in edges
    assert ("exosomes", "LOCATED_IN", "satellite glial cells", False) in edges
    assert ("exosomes", "LOCATED_IN", "neurons", True) in edges
    assert ("hAMSCs", "LOCATED_IN", "epineurium", False) in edges and ("hAMSCs", "LOCATED_IN", "DRG", True) in edges
    assert ("hAMSCs", "LOCATED_IN", "DRG", False) not in edges


def test_a_coordinated_verb_keeps_or_shares_the_negation_by_its_form(extract):
    edges = extract("Intravenous ADSCs suppressed NOX4 but not NOX2 expression and alleviated thermal hyperalgesia.")
    assert ("ADSCs", "DECREASES", "thermal hyperalgesia", False) in edges
    assert ("ADSCs", "DECREASES", "NOX2", True) in edges
    edges = extract("Intramuscular ADSC injection did not significantly reduce pain scores or improve nerve "
                    "conduction velocity.")
    assert ("ADSC", "INCREASES", "nerve conduction velocity", True) in edges
    edges = extract("BMSCs failed to reduce TNF-α and restore SOD activity. MSCs did not reduce IL-6 but increased IL-10.")
    assert ("BMSCs", "INCREASES", "SOD", True) in edges
    assert ("MSCs", "INCREASES", "IL-10", False) in edges


def test_only_one_agent_did_what_the_other_did_not(extract):
    edges = extract("Both ADSCs and NAC restored SOD activity, but only ADSCs reversed cold allodynia.")
    assert ("NAC", "INCREASES", "SOD", False) in edges and ("ADSCs", "DECREASES", "cold allodynia", False) in edges
    assert ("NAC", "DECREASES", "cold allodynia", True) in edges
    assert ("NAC", "DECREASES", "cold allodynia", False) not in edges
    edges = extract("ADSCs reduced mechanical allodynia to a similar extent as pregabalin, but only ADSCs "
                    "improved intraepidermal nerve fiber density.")
    assert ("pregabalin", "DECREASES", "mechanical allodynia", False) in edges
    assert ("pregabalin", "INCREASES", "intraepidermal nerve fiber density", True) in edges


def test_a_model_drug_causes_what_the_treated_animals_develop(extract):
    edges = extract("Oxaliplatin-treated mice developed cold allodynia. Apocynin-treated rats exhibited less "
                    "cold allodynia than vehicle-treated rats.")
    assert ("Oxaliplatin", "CAUSES", "cold allodynia", False) in edges
    assert ("Apocynin", "DECREASES", "cold allodynia", False) in edges
    assert ("Apocynin", "CAUSES", "cold allodynia", False) not in edges
    edges = extract("Diabetic rats treated with ADSCs showed faster nerve conduction velocity, greater "
                    "intraepidermal nerve fiber density and higher paw withdrawal thresholds than vehicle-treated rats.")
    assert {("ADSCs", "INCREASES", o, False) for o in ("nerve conduction velocity", "paw withdrawal thresholds",
                                                        "intraepidermal nerve fiber density")} <= edges


def test_an_object_is_never_read_past_the_next_coordinated_verb(extract):
    edges = extract("Exosomes from ADSCs reversed all of these changes and increased PGC-1α expression.")
    assert ("Exosomes", "INCREASES", "PGC-1α", False) in edges
    assert ("Exosomes", "DECREASES", "PGC-1α", False) not in edges


def test_apposed_classes_and_named_kinds(extract):
    edges = extract("Nrf2, a master transcription factor controlling antioxidant responses, was activated by BMSCs. "
                    "N-acetylcysteine (NAC), a glutathione precursor, was compared with BMSCs. Dental pulp stem "
                    "cells (DPSCs), a population of neural crest-derived MSCs isolated from the tooth pulp, were used.")
    assert ("Nrf2", "IS_A", "transcription factor", False) in edges
    assert ("NAC", "IS_A", "glutathione precursor", False) in edges
    assert ("Dental pulp stem cells", "IS_A", "MSCs", False) in edges


def test_the_agent_of_a_timed_administration_and_an_explicit_negation_win(extract):
    edges = extract("BMSCs delivered within one week of nerve injury attenuated pain hypersensitivity.")
    assert ("BMSCs", "DECREASES", "pain hypersensitivity", False) in edges
    assert not any(s == "nerve injury" for s, *_ in edges)
    edges = extract("BM-MSCs plus gabapentin reversed mechanical allodynia faster than either monotherapy and "
                    "reduced spinal IL-1β levels, whereas gabapentin alone did not reduce IL-1β.")
    assert ("BM-MSCs", "DECREASES", "IL-1β", False) in edges and ("gabapentin", "DECREASES", "IL-1β", True) in edges
    assert ("gabapentin", "DECREASES", "IL-1β", False) not in edges
    edges = extract("HO-1-modified ADSCs suppressed NOX4 in the DRG more effectively than native ADSCs and "
                    "relieved oxaliplatin-induced neuropathic pain.")
    assert ("HO-1-modified ADSCs", "TREATS", "neuropathic pain", False) in edges
    assert ("oxaliplatin", "CAUSES", "neuropathic pain", False) in edges
    assert ("NOX4", "TREATS", "neuropathic pain", False) not in edges


def test_participle_clauses_pronouns_and_the_treatment_name_the_sentence_agent(extract):
    edges = extract("Intrathecal BMSCs shifted spinal microglia from an M1 to an M2 phenotype, decreasing iNOS.")
    assert ("BMSCs", "DECREASES", "iNOS", False) in edges
    assert not any(s == "microglia" for s, *_ in edges)
    edges = extract("Intravenously administered hUC-MSCs failed to reach the injured sciatic nerve; nevertheless, "
                    "they reduced serum TNF-α and elevated IL-10 in CCI mice.")
    assert ("hUC-MSCs", "DECREASES", "TNF-α", False) in edges and ("hUC-MSCs", "INCREASES", "IL-10", False) in edges
    edges = extract("SOD2-overexpressing ADSCs restored superoxide dismutase activity in the DRG of paclitaxel-treated "
                    "rats and prevented the development of mechanical allodynia.")
    assert ("SOD2-overexpressing ADSCs", "PREVENTS", "mechanical allodynia", False) in edges


def test_a_route_is_never_negated_and_the_model_is_no_treatment(extract):
    edges = extract("Microglial activation in the spinal cord was not altered by local injection of ADSCs into the nerve.")
    assert ("ADSCs", "ADMINISTERED_VIA", "local injection", False) in edges
    run = extract.full("Carrageenan-induced paw edema was attenuated by intravenous ADSCs. The treatment also "
                       "restored paw GSH levels.")
    restored = [r for r in run if r.object.text == "GSH"]
    assert restored and all(r.subject.long_form == "ADSCs" or r.subject.text == "ADSCs" for r in restored)


def test_an_unnamed_agents_object_is_no_subject_and_a_gerund_by_names_the_agent(extract):
    edges = extract("However, the seeded conduits reduced TNF-α in the nerve and attenuated thermal hyperalgesia.")
    assert not any(s == "TNF-α" and t == "DECREASES" for s, t, *_ in edges)
    edges = extract("ROS scavenging by N-acetylcysteine (NAC) mimicked the analgesic effect of BMSCs in CCI rats.")
    assert ("N-acetylcysteine", "DECREASES", "ROS", False) in edges
    assert not any(s == "ROS" for s, *_ in edges)


def test_the_subject_is_the_vesicle_not_its_cargo_nor_the_site_of_injection(extract):
    edges = extract("hUC-MSC exosomes (hucMSC-Exos) carrying miR-124-3p reversed GPX4 loss and decreased ACSL4.")
    assert ("exosomes", "DECREASES", "ACSL4", False) in edges
    # the cargo is in the vesicles and acts on nothing itself
    assert {(t, o) for s, t, o, _ in edges if s == "miR-124-3p"} == {("LOCATED_IN", "exosomes")}
    edges = extract("Pretreatment with MSC-EVs pre-loaded with a miR-21-5p antagomir prevented the development of allodynia.")
    assert ("EVs", "PREVENTS", "allodynia", False) in edges
    edges = extract("MiR-181c-5p enriched in EVs from hypoxia-preconditioned ADSCs directly targeted PTEN.")
    assert ("MiR-181c-5p", "INTERACTS_WITH", "PTEN", False) in edges
    edges = extract("A single perineural injection of hUC-MSC-derived EVs at the site of spinal nerve ligation (SNL) "
                    "produced a sustained elevation of paw withdrawal threshold.")
    assert ("EVs", "INCREASES", "paw withdrawal threshold", False) in edges
    edges = extract("Mice received tail-vein injections of exosomes secreted by human ADSCs, which inhibited NLRP3.")
    assert ("exosomes", "DECREASES", "NLRP3", False) in edges and not any(s == "ADSCs" and t == "DECREASES"
                                                                            for s, t, *_ in edges)


def test_where_cells_got_to(extract):
    edges = extract("When administered intravenously, BMSCs were largely trapped in the lungs. Intranasally "
                    "administered MSC-EVs reached the brainstem within 1 h.")
    assert ("BMSCs", "LOCATED_IN", "lungs", False) in edges and ("EVs", "LOCATED_IN", "brainstem", False) in edges


def test_an_excepted_agent_with_its_adjective_and_a_lost_capacity_are_negated(extract):
    edges = extract("Hypoxia-preconditioned MSCs (HP-MSCs), but not normoxic MSCs, reduced spinal HMGB1 expression.")
    # "spinal" says where: the object is HMGB1 (the BioNLP13CG CNN named "spinal HMGB1" whole)
    assert ("Hypoxia-preconditioned MSCs", "DECREASES", "HMGB1", False) in edges
    assert ("MSCs", "DECREASES", "HMGB1", True) in edges
    assert ("MSCs", "DECREASES", "HMGB1", False) not in edges
    edges = extract("LPS-primed MSCs lost their capacity to reduce CFA-induced inflammatory pain.")
    assert ("LPS-primed MSCs", "DECREASES", "inflammatory pain", True) in edges


def test_the_vesicles_refer_to_the_named_exosomes_and_a_joined_passive_clause_is_the_agents(extract):
    run = extract.full("Exosomes released by human umbilical cord MSCs (hUC-MSCs) suppressed NLRP3 inflammasome "
                       "activation in spinal microglia. The vesicles also increased the expression of IL-10.")
    raised = next(r for r in run if r.object.text == "IL-10")
    exosomes = next(r for r in run if r.subject.text == "Exosomes")
    assert raised.subject.curie == exosomes.subject.curie  # not the inflammasome, a cellular component too
    edges = extract("BMSC treatment attenuated mechanical allodynia and reduced MDA content in the spinal cord, "
                    "whereas superoxide dismutase (SOD) activity was restored.")
    assert ("BMSC", "INCREASES", "superoxide dismutase", False) in edges
    edges = extract("BMSCs reduced TNF-α, whereas IL-6 was reduced in the vehicle group.")
    assert not any(o == "IL-6" for _, _, o, _ in edges)


def test_neither_and_no_before_the_subject_negate_and_rescue_raises(extract):
    edges = extract("Neither intrathecal nor intravenous delivery of exosomes derived from hUC-MSCs altered IL-10 "
                    "levels in the DRG.")
    assert ("exosomes", "REGULATES", "IL-10", True) in edges
    assert ("exosomes", "DERIVED_FROM", "hUC-MSCs", False) in edges  # what the exosomes are stays true
    edges = extract("Neither cell preparation altered rotarod performance.")
    assert all(negated for *_, negated in edges) and edges
    edges = extract("MitoQ and DPSC-derived exosomes each reduced mitochondrial ROS, but only the exosomes rescued "
                    "intraepidermal nerve fiber density.")
    assert ("exosomes", "INCREASES", "intraepidermal nerve fiber density", False) in edges
    assert ("MitoQ", "INCREASES", "intraepidermal nerve fiber density", True) in edges
    edges = extract("Intravenous ADSCs markedly reduced NOX2 expression and superoxide generation, yet failed to "
                    "lower blood glucose.")
    assert ("ADSCs", "DECREASES", "blood glucose", True) in edges


def test_a_utr_names_its_gene_leading_to_reduced_decreases_and_an_introduced_pronoun(extract):
    edges = extract("Luciferase assays showed that miR-21-5p binds to the 3'UTR of TLR4.")
    assert ("miR-21-5p", "INTERACTS_WITH", "TLR4", False) in edges
    edges = extract("Exosomal miR-150-5p inhibited the expression of CXCR4 by directly binding its 3'UTR, leading to "
                    "reduced ERK phosphorylation in the dorsal horn.")
    assert ("miR-150-5p", "INTERACTS_WITH", "CXCR4", False) in edges
    assert ("miR-150-5p", "DECREASES", "ERK", False) in edges and ("miR-150-5p", "INCREASES", "ERK", False) not in edges
    run = extract.full("Dental pulp stem cells differentiated into neuron-like cells in vitro. After transplantation "
                       "into the injured spinal cord, they decreased IL-6.")
    decreased = next(r for r in run if r.object.text == "IL-6")
    assert decreased.subject.long_form == "Dental pulp stem cells"


def test_an_excepted_condition_named_with_its_cause_is_the_negated_object(extract):
    edges = extract("MSC-EVs prevented periorbital allodynia but not paclitaxel-induced neuropathic pain.")
    assert ("EVs", "PREVENTS", "neuropathic pain", True) in edges
    assert ("paclitaxel", "CAUSES", "neuropathic pain", False) in edges
    assert not any(obj == "paclitaxel" for _, _, obj, _ in edges)


def test_a_passive_on_its_change_acts_on_the_opening_subject(extract):
    """ "X ..., and its upregulation was reversed by Y": Y lowers X; reversing a loss raises it."""
    rise = extract("CX3CR1 was expressed in the spinal dorsal horn, and its upregulation after nerve injury "
                   "was reversed by intrathecal BMSC exosomes.")
    assert ("exosomes", "DECREASES", "CX3CR1", False) in rise
    assert not any(o == "nerve injury" and s == "exosomes" for s, _, o, _ in rise)
    decline = extract("SOD2 was abundant in DRG neurons, and its loss after paclitaxel was prevented by hUC-MSCs.")
    assert ("hUC-MSCs", "INCREASES", "SOD2", False) in decline
    negated = extract("TRPV1 was expressed in DRG neurons, and its upregulation was not reversed by ADSCs.")
    assert ("ADSCs", "DECREASES", "TRPV1", True) in negated
    assert ("ADSCs", "DECREASES", "TRPV1", False) not in negated


def test_reversing_these_changes_counters_each_change_just_claimed(extract):
    """ "both changes were reversed by BMSCs": BMSCs raise what the insult lowered and lower what it raised."""
    same = extract("Oxaliplatin depleted glutathione (GSH) and increased lipid peroxidation in the sciatic nerve; "
                   "both changes were reversed by co-treatment with BMSCs.")
    assert {("BMSCs", "INCREASES", "glutathione", False), ("BMSCs", "DECREASES", "lipid peroxidation", False)} <= same
    before = extract("High glucose increased mitochondrial ROS and reduced mitochondrial membrane potential in DRG "
                     "neurons. Exosomes from ADSCs reversed all of these changes.")
    assert {("Exosomes", "DECREASES", "mitochondrial ROS", False),
            ("Exosomes", "INCREASES", "mitochondrial membrane potential", False)} <= before
    assert not any(s == "ADSCs" and t in ("INCREASES", "DECREASES") for s, t, _, _ in before)
    negated = extract("Paclitaxel increased NOX4 in DRG neurons. These changes were not reversed by BMSCs.")
    assert ("BMSCs", "DECREASES", "NOX4", True) in negated and ("BMSCs", "DECREASES", "NOX4", False) not in negated
    # Both sentences are the evidence of a claim on the sentence before.
    evidence = next(r.evidence for r in extract.full("Paclitaxel increased NOX4 in DRG neurons. These changes were "
                                                     "reversed by BMSCs.") if r.subject.text == "BMSCs")
    assert evidence.sentence == "Paclitaxel increased NOX4 in DRG neurons. These changes were reversed by BMSCs."
    assert evidence.sentence[slice(*evidence.object_span)] == "NOX4"
    assert evidence.sentence[slice(*evidence.subject_span)] == "BMSCs"


def test_an_inhibitor_reversing_a_cell_therapys_changes_blocks_it_and_counters_nothing(extract):
    edges = extract("BMSC exosomes increased Nrf2 and decreased NF-κB p65 in microglia. Both changes were reversed "
                    "by the PI3K inhibitor LY294002.")
    assert not any(s in ("PI3K inhibitor", "LY294002") and o in ("Nrf2", "NF-κB p65") for s, _, o, _ in edges)


def test_a_pronoun_object_is_what_the_claim_before_acted_on(extract):
    """ "..., whereas hUC-MSCs boosted it": the new agent acts on the object of the sentence's last claim."""
    it = extract("Gabapentin did not influence spinal SOD activity, whereas hUC-MSCs boosted it 2.1-fold.")
    assert ("hUC-MSCs", "INCREASES", "SOD", False) in it
    both = extract("Pregabalin reduced thermal hyperalgesia but did not lower spinal MDA, whereas hUC-MSC "
                   "transplantation decreased both.")
    assert {("hUC-MSC", "DECREASES", "thermal hyperalgesia", False), ("hUC-MSC", "DECREASES", "MDA", False)} <= both
    # the agent goes on to the next coordinated verb; the insult that named the symptom does not
    carried = extract("Vincristine-induced mechanical hyperalgesia was not reversed by pregabalin, whereas ADSCs "
                      "fully reversed it and lowered spinal CGRP.")
    assert {("ADSCs", "DECREASES", "mechanical hyperalgesia", False), ("ADSCs", "DECREASES", "CGRP", False)} <= carried
    assert not any(s == "Vincristine" and o == "CGRP" for s, _, o, _ in carried)
    # no agent named: a condition is not one
    unnamed = extract("Infusion of hUC-MSCs before paclitaxel prevented peripheral neuropathy, whereas infusion "
                      "after neuropathy was established failed to reverse it.")
    assert not any(s == "neuropathy" for s, _, _, _ in unnamed)


def test_an_elided_verb_phrase_repeats_the_last_claim_for_its_agent(extract):
    """ "; NAC did not", "whereas intact exosomes did", "failed to do so": negated as its own words say."""
    negative = extract("Only EVs reduced oxaliplatin-induced mechanical hyperalgesia; NAC did not.")
    assert ("NAC", "DECREASES", "mechanical hyperalgesia", True) in negative
    assert ("NAC", "DECREASES", "mechanical hyperalgesia", False) not in negative
    positive = extract("Neither heat-inactivated BMSCs nor conditioned medium reduced IL-1β secretion from "
                       "microglia, whereas intact exosomes did.")
    assert ("exosomes", "DECREASES", "IL-1β", False) in positive
    failed = extract("sEVs restored mitochondrial membrane potential in DRG neurons, whereas curcumin failed to do so.")
    assert ("curcumin", "INCREASES", "mitochondrial membrane potential", True) in failed
    # "did not, however, alter NOX2": the auxiliary has a verb of its own
    own_verb = extract("Co-culture with ADSCs increased SOD2 expression; the cells did not, however, alter NOX2 levels.")
    assert not any(s == "cells" and o == "SOD2" for s, _, o, _ in own_verb)


def test_a_cell_product_compound_states_its_source_inside_an_attribute_phrase(extract):
    """ "a dose of umbilical cord MSC-derived exosomes", "the effect of BMSC exosomes": the name still
    says where the vesicles come from."""
    dose = extract("A single intrathecal dose of umbilical cord MSC-derived exosomes suppressed TNF-α release.")
    assert ("exosomes", "DERIVED_FROM", "umbilical cord MSC", False) in dose
    effect = extract("Knockdown of Nrf2 abrogated the ability of hUC-MSC exosomes to limit ROS production.")
    assert ("exosomes", "DERIVED_FROM", "hUC-MSC", False) in effect


def test_more_effective_than_another_arm_at_doing_something_is_a_claim_for_the_agent(extract):
    """ "A were more effective than B in reversing Y": A reverses Y; the "-induced" name inside the arm
    still says what caused Y; "no better than placebo at reducing Y" says A did not."""
    better = extract("Hypoxia-preconditioned MSCs were more effective than naive MSCs in reversing "
                     "vincristine-induced mechanical hyperalgesia.")
    assert ("Hypoxia-preconditioned MSCs", "DECREASES", "mechanical hyperalgesia", False) in better
    assert ("vincristine", "CAUSES", "mechanical hyperalgesia", False) in better
    as_good = extract("Intravenous hUC-MSCs were no more effective than pregabalin in raising paw withdrawal "
                      "latency in rats.")
    assert ("hUC-MSCs", "INCREASES", "paw withdrawal latency", False) in as_good
    placebo = extract("Intra-articular AD-MSCs were no better than placebo at reducing knee pain at 6 months.")
    assert ("AD-MSCs", "DECREASES", "knee pain", True) in placebo
    assert ("AD-MSCs", "DECREASES", "knee pain", False) not in placebo


def test_cells_made_to_express_a_gene_are_the_agent(extract):
    edges = extract("ADSCs overexpressing IL-10 reduced mechanical allodynia.")
    assert ("ADSCs", "DECREASES", "mechanical allodynia", False) in edges
    assert not any(s == "IL-10" for s, _, _, _ in edges)


def test_cargo_enriched_in_vesicles_is_located_in_them_either_way_round(extract):
    relative = extract("Exosomal miR-21-5p, which was enriched in hUC-MSC exosomes, targeted PTEN in Schwann cells.")
    assert ("miR-21-5p", "LOCATED_IN", "exosomes", False) in relative
    assert ("miR-21-5p", "LOCATED_IN", "hUC-MSC", False) not in relative
    # the vesicles act in the main clause; the relative clause's verb keeps its own subject
    container = extract("BMSC exosomes enriched in miR-23a-3p, which targets NOX2, reduced superoxide generation "
                        "and IL-6 release in the dorsal horn.")
    assert {("miR-23a-3p", "LOCATED_IN", "exosomes", False), ("miR-23a-3p", "INTERACTS_WITH", "NOX2", False),
            ("exosomes", "DECREASES", "superoxide", False), ("exosomes", "DECREASES", "IL-6", False)} <= container
    assert not any(s == "miR-23a-3p" and o in ("superoxide", "IL-6") for s, _, o, _ in container)
    # a participle aside is a coordinated verb, not a relative clause: the agent goes on
    listed = extract("Systemic administration of hUC-MSCs inhibited Iba-1 immunoreactivity, suppressed NLRP3 and "
                     "caspase-1, and reduced IL-18 in the spinal cord.")
    assert ("hUC-MSCs", "DECREASES", "IL-18", False) in listed


def test_a_comparable_effect_repeats_the_claim_for_its_agent(extract):
    same = extract("Conditioned medium from hUC-MSCs reduced ROS production in DRG neurons; N-acetylcysteine (NAC) "
                   "had a comparable effect.")
    assert ("N-acetylcysteine", "DECREASES", "ROS", False) in same
    negated = extract("BMSCs reduced IL-6 in microglia, and apocynin did not have a similar effect.")
    assert ("apocynin", "DECREASES", "IL-6", True) in negated
    assert ("apocynin", "DECREASES", "IL-6", False) not in negated


def test_where_products_come_from(extract):
    """Origins written past an apposition, a source material, a verb's "to", a transfer, a secretion."""
    cases = {
        "TSG-6, an anti-inflammatory glycoprotein secreted by MSCs, inhibits NF-κB activation in microglia.":
            ("TSG-6", "DERIVED_FROM", "MSCs", False),
        "Exosomes were isolated from the culture supernatant of human bone marrow MSCs by ultracentrifugation.":
            ("Exosomes", "DERIVED_FROM", "bone marrow MSCs", False),
        "Mechanistically, exosomal miR-130b-3p from BMSCs bound to the 3′-UTR of TRIM46.":
            ("miR-130b-3p", "DERIVED_FROM", "BMSCs", False),
        "Transfer of mitochondria from MSCs to injured DRG neurons has been proposed as a mechanism.":
            ("mitochondria", "DERIVED_FROM", "MSCs", False),
        "Hypoxic preconditioning boosted the secretion of VEGF by MSCs.": ("VEGF", "DERIVED_FROM", "MSCs", False),
    }
    for text, edge in cases.items():
        assert edge in extract(text), text


def test_passives_past_adverbs_lists_and_a_second_agent(extract):
    listed = extract("Spinal IL-1β, IL-6 and TNF-α were all decreased by BMSC transplantation, whereas IL-10 was elevated.")
    assert {("BMSC", "DECREASES", "IL-1β", False), ("BMSC", "DECREASES", "IL-6", False),
            ("BMSC", "DECREASES", "TNF-α", False), ("BMSC", "INCREASES", "IL-10", False)} <= listed
    excepted = extract("Spinal TNF-α, however, was reduced by the exosomes and not by gabapentin.")
    assert {("exosomes", "DECREASES", "TNF-α", False), ("gabapentin", "DECREASES", "TNF-α", True)} <= excepted
    assert ("gabapentin", "DECREASES", "TNF-α", False) not in excepted
    # the process in a place is the patient, not the place's cells
    process = extract("NLRP3 inflammasome activation in spinal astrocytes was triggered by vincristine.")
    assert ("vincristine", "INCREASES", "NLRP3 inflammasome", False) in process
    assert not any(o == "astrocytes" for _, _, o, _ in process)


def test_an_agentless_passive_takes_the_agent_of_its_time_clause(extract):
    edges = extract("Catalase activity in the sciatic nerve, which was depressed by chronic constriction injury, "
                    "was restored after BMSCs were injected locally.")
    assert ("BMSCs", "INCREASES", "Catalase", False) in edges
    wrapped = extract("Spinal GFAP expression was markedly reduced following intrathecal injection of ADSCs.")
    assert ("ADSCs", "DECREASES", "GFAP", False) in wrapped


def test_a_time_adjunct_does_not_break_a_coordinated_verb(extract):
    edges = extract("Conditioned medium collected from ADSCs increased Schwann cell viability after H2O2 challenge "
                    "and decreased intracellular ROS.")
    assert ("Conditioned medium", "DECREASES", "ROS", False) in edges
    assert not any(s == "viability" for s, _, _, _ in edges)


def test_cells_engineered_to_express_a_gene_are_the_agent(extract):
    edges = extract("Intrathecal transplantation of BMSCs engineered to overexpress GDNF reversed mechanical "
                    "allodynia after spinal cord injury.")
    assert ("BMSCs", "DECREASES", "mechanical allodynia", False) in edges
    assert not any(s == "GDNF" for s, _, _, _ in edges)


def test_both_and_neither_stand_for_the_two_treatments_named_before(extract):
    edges = extract.full("Rats with post-herpetic neuralgia received apocynin, a NADPH oxidase inhibitor, or "
                         "hUC-MSCs. Both treatments reduced ROS production in the DRG.")
    # one claim for each agent, each evidenced by the words "treatments"
    reduced = [r for r in edges if r.object.text == "ROS" and r.type.value == "DECREASES"]
    assert {r.subject.long_form for r in reduced} == {"apocynin", "hUC-MSCs"}
    assert {r.evidence.subject_text for r in reduced} == {"treatments"}
    later = extract.full("ADSCs and gabapentin were compared in oxaliplatin-treated rats. Both increased the cold "
                         "withdrawal latency. Neither treatment, however, lowered spinal TNF-α.")
    negated = {r.subject.long_form for r in later if r.object.text == "TNF-α" and r.evidence.epistemics.negated}
    assert negated == {"ADSCs", "gabapentin"}
    assert not any(r.object.text == "TNF-α" and not r.evidence.epistemics.negated for r in later)
    # the model's drug and a product's source are not among the treatments
    assert not any(r.subject.long_form == "oxaliplatin" for r in later if r.object.text == "cold withdrawal latency")


def test_changes_accompanying_a_claim_are_its_agents(extract):
    """ "This analgesic effect was accompanied by reduced activation of microglia": the agent's change;
    the bare association "accompanied by" gives way to it."""
    effect = extract("BMSCs reduced thermal hyperalgesia in CCI rats. This analgesic effect was accompanied by "
                     "reduced activation of microglia and astrocytes in the spinal dorsal horn.")
    assert {("This", "DECREASES", "microglia", False), ("This", "DECREASES", "astrocytes", False)} <= effect
    assert not any(t in ("INCREASES", "ASSOCIATED_WITH") for _, t, o, _ in effect if o in ("microglia", "astrocytes"))
    this = extract.full("BMSCs were injected intrathecally in CCI rats. This was accompanied by increased IL-10 "
                        "secretion and reduced iNOS expression.")
    assert {(r.subject.long_form, r.type.value, r.object.text) for r in this if r.object.text in ("IL-10", "iNOS")} \
        == {("BMSCs", "INCREASES", "IL-10"), ("BMSCs", "DECREASES", "iNOS")}
    model = extract("Vincristine-treated mice developed robust mechanical allodynia accompanied by elevated ROS "
                    "in the sciatic nerve.")
    assert ("Vincristine", "INCREASES", "ROS", False) in model
    # what accompanies a named condition ("Paclitaxel-induced allodynia, which was accompanied by") is no
    # claim of the drug that named it
    named = extract("Paclitaxel-induced mechanical allodynia, which was accompanied by elevated NOX4 expression in "
                    "the DRG, was prevented by pretreatment with hUC-MSCs.")
    assert ("Paclitaxel", "INCREASES", "NOX4", False) not in named


def test_changes_reported_for_treated_animals_are_the_treatments(extract):
    opening = extract("In oxaliplatin-treated rats, spinal glutathione fell by 40%.")
    assert ("oxaliplatin", "DECREASES", "glutathione", False) in opening
    listed = extract("In BMSC-treated rats, IL-6 levels declined and IL-10 rose.")
    assert {("BMSC", "DECREASES", "IL-6", False), ("BMSC", "INCREASES", "IL-10", False)} <= listed
    place = extract("Nrf2, a redox-sensitive transcription factor, was downregulated in the DRG of "
                    "paclitaxel-treated rats.")
    assert ("paclitaxel", "DECREASES", "Nrf2", False) in place
    # control animals treat nothing
    control = extract("In vehicle-treated rats, spinal glutathione fell by 40%.")
    assert not any(t == "DECREASES" for _, t, _, _ in control)
    transitive = extract("In oxaliplatin-treated sensory neurons, secretome from adipose MSCs increased PGC-1α expression.")
    assert not any(s == "oxaliplatin" and t == "INCREASES" for s, t, _, _ in transitive)


def test_a_wrapped_agent_is_the_subject_past_the_modifiers_after_it(extract):
    """ "Injection of X (...) on day 7 after the last paclitaxel dose reversed Y": X acts, not the drug
    or the model named in the wrapper's modifiers."""
    timed = extract("Intrathecal injection of bone marrow MSC-derived exosomes (BMSC-Exos, 10 μg) on day 7 after "
                    "the last paclitaxel dose reversed mechanical allodynia and suppressed NLRP3 inflammasome "
                    "activation in the L4–L5 DRG.")
    assert {("exosomes", "DECREASES", "mechanical allodynia", False),
            ("exosomes", "DECREASES", "NLRP3 inflammasome", False)} <= timed
    assert not any(s == "paclitaxel" for s, t, _, _ in timed if t == "DECREASES")
    placed = extract("Intra-articular injection of umbilical cord MSC exosomes (20 μg) into rats with "
                     "monoiodoacetate (MIA)-induced knee osteoarthritis reduced weight-bearing asymmetry and "
                     "decreased synovial IL-6.")
    assert {("exosomes", "DECREASES", "weight-bearing asymmetry", False), ("exosomes", "DECREASES", "IL-6", False)} <= placed
    assert not any(s == "knee osteoarthritis" for s, _, _, _ in placed)
    dosed = extract("In rats subjected to chronic constriction injury (CCI), a single intravenous dose of "
                    "1 × 10^6 umbilical cord MSCs (UC-MSCs) attenuated thermal hyperalgesia.")
    assert ("umbilical cord MSCs", "DECREASES", "thermal hyperalgesia", False) in dosed
    assert not any(s == "chronic constriction injury" for s, t, _, _ in dosed if t == "DECREASES")
    # what the cells are exposed to acts; a verb between ends the wrapper's reach
    exposed = extract("Brief exposure of BMSCs to sublethal H2O2 (100 μM) upregulated Nrf2.")
    assert ("H2O2", "INCREASES", "Nrf2", False) in exposed
    delivered = extract("Intrathecal injection of exosomes from dental pulp stem cells delivered miR-124-3p to "
                        "spinal microglia, where it bound to the 3′-UTR of EZH2.")
    assert ("miR-124-3p", "INTERACTS_WITH", "EZH2", False) in delivered


def test_a_class_noun_after_a_mention_hands_over_to_the_members_it_names(extract):
    edges = extract("Intrathecal DPSC-CM decreased the M1 microglial markers CD86 and iNOS and increased the M2 "
                    "markers Arg-1 and CD206 in the spinal cord.")
    assert {("CM", "INCREASES", "Arg-1", False), ("CM", "INCREASES", "CD206", False)} <= edges
    assert not any(o == "M2" for _, _, o, _ in edges)
    genes = extract("BMSCs reduced the NF-κB target genes COX-2 and iNOS.")
    assert {("BMSCs", "DECREASES", "COX-2", False), ("BMSCs", "DECREASES", "iNOS", False)} <= genes
    assert ("BMSCs", "DECREASES", "NF-κB", False) not in genes


def test_normalized_moves_a_thing_against_the_change_the_text_gave_it(extract):
    stated = extract("Sciatic nerve MDA levels rose after CCI, and catalase activity fell by 46%; local perineural "
                     "injection of ADSCs normalized MDA but did not significantly restore catalase activity.")
    assert ("ADSCs", "DECREASES", "MDA", False) in stated
    assert ("ADSCs", "INCREASES", "catalase", True) in stated
    relative = extract("Se-MSCs normalized GPx activity, which had been depressed by sciatic nerve crush.")
    assert ("Se-MSCs", "INCREASES", "GPx", False) in relative
    adjective = extract("DPSC grafts normalized the depressed catalase activity and heightened IL-10 expression.")
    assert ("DPSC", "INCREASES", "catalase", False) in adjective
    assert ("DPSC", "INCREASES", "IL-10", False) in adjective  # "heightened" is the second verb here
    # unsaid: a symptom falls, a listed oxidant falls, a listed defence rises, anything else is REGULATES
    unsaid = extract("BMSCs normalized cold allodynia, NOX2 and SOD activity and spinal CGRP.")
    assert {("BMSCs", "DECREASES", "cold allodynia", False), ("BMSCs", "DECREASES", "NOX2", False),
            ("BMSCs", "INCREASES", "SOD", False), ("BMSCs", "REGULATES", "CGRP", False)} <= unsaid
    passive = extract("In contrast, the elevated NOX2 expression was not normalized by the exosomes.")
    assert ("exosomes", "DECREASES", "NOX2", True) in passive


def test_a_stem_cell_named_after_its_tissue_derives_from_it(extract):
    edges = extract("Adipose MSCs and umbilical cord MSCs reduced pain. Dental pulp stem cells were grafted.")
    assert {("Adipose MSCs", "DERIVED_FROM", "Adipose", False),
            ("umbilical cord MSCs", "DERIVED_FROM", "umbilical cord", False),
            ("Dental pulp stem cells", "DERIVED_FROM", "Dental pulp", False)} <= edges


def test_an_abbreviations_full_stop_inside_a_parenthesis_ends_no_sentence(extract):
    dosed = extract("Paclitaxel (2 mg/kg, i.p., on days 0, 2, 4 and 6) induced mitochondrial swelling and "
                    "vacuolization in DRG neurons and decreased ATP production by 37%.")
    assert ("Paclitaxel", "DECREASES", "ATP production", False) in dosed
    # the first verb ("induced mitochondrial swelling and vacuolization") still hands on its subject
    assert ("DRG neurons", "DECREASES", "ATP production", False) not in dosed
    routed = extract("Systemic administration of adipose MSCs (2 × 10^6 cells, i.v.) raised IL-10 back to baseline.")
    assert ("adipose MSCs", "INCREASES", "IL-10", False) in routed


def test_a_clause_between_commas_that_a_contrast_ends_is_no_apposition(extract):
    edges = extract("In rats subjected to chronic constriction injury (CCI) of the sciatic nerve, a single intravenous "
                    "dose of 1 × 10^6 umbilical cord MSCs (UC-MSCs) attenuated thermal hyperalgesia from day 3 to "
                    "day 21, whereas gabapentin (100 mg/kg) relieved it only transiently.")
    assert ("umbilical cord MSCs", "DECREASES", "thermal hyperalgesia", False) in edges
    assert not any(s == "chronic constriction injury" for s, t, _, _ in edges if t == "DECREASES")
    # an apposition opened by "a" still is one
    apposed = extract("Nrf2, a redox-sensitive transcription factor, was upregulated by BMSC-derived exosomes.")
    assert ("exosomes", "INCREASES", "Nrf2", False) in apposed


def test_animals_treated_with_a_drug_show_what_it_causes(extract):
    assert ("vincristine", "CAUSES", "mechanical allodynia", False) in extract(
        "Mice treated with vincristine developed marked mechanical allodynia.")
    assert not any(t == "CAUSES" for _, t, _, _ in extract("Rats treated with saline developed no allodynia."))
    assert ("apocynin", "CAUSES", "allodynia", False) not in extract("Rats treated with apocynin exhibited less allodynia.")


def test_what_vesicles_carry_is_in_them(extract):
    carried = extract("Exosomes secreted by hypoxia-preconditioned MSCs carried higher levels of miR-21-5p, which bound "
                      "the 3′UTR of TLR4 mRNA.")
    assert ("miR-21-5p", "LOCATED_IN", "Exosomes", False) in carried
    assert ("miR-21-5p", "INTERACTS_WITH", "TLR4", False) in carried
    assert ("CD73", "LOCATED_IN", "extracellular vesicles", False) in extract(
        "Serum levels of MSC-derived extracellular vesicles carrying CD73 were correlated with pain scores.")
    # cells that carry a gene are not its container
    assert not any(t == "LOCATED_IN" for _, t, _, _ in extract("BMSCs carrying a GFP reporter reduced TNF-α."))
    assert ("Mitochondria", "DERIVED_FROM", "BMSCs", False) in extract(
        "Mitochondria donated by co-cultured BMSCs were detected in injured DRG neurons.")


def test_a_route_in_an_adjunct_of_administration_goes_to_the_clauses_agent(extract):
    fronted = extract("After intramuscular injection into the hindlimb, MSCs restored intraepidermal nerve fiber "
                      "density and increased sciatic nerve GSH content.")
    assert ("MSCs", "ADMINISTERED_VIA", "intramuscular injection", False) in fronted
    trailing = extract("Conditioned medium from dental pulp stem cells (DPSC-CM) prevented cold allodynia in "
                       "oxaliplatin-treated mice when given intraperitoneally before each chemotherapy cycle.")
    assert ("Conditioned medium", "ADMINISTERED_VIA", "intraperitoneally", False) in trailing
    timed = extract("Exosomes derived from hUC-MSCs accumulated in the ipsilateral DRG within 24 h of intrathecal "
                    "injection.")
    assert {r for r in timed if r[1] == "ADMINISTERED_VIA"} == {("Exosomes", "ADMINISTERED_VIA", "intrathecal injection", False)}
    # the cells engineered to overexpress a gene were given, not the gene
    engineered = extract("Umbilical cord MSCs engineered to overexpress interleukin-10 (IL-10-MSCs) were injected "
                         "intravenously into rats with CCI.")
    assert {r for r in engineered if r[1] == "ADMINISTERED_VIA"} == {
        ("Umbilical cord MSCs", "ADMINISTERED_VIA", "intravenously", False)}
    # a route naming a place is no administration
    assert not any(t == "ADMINISTERED_VIA" for _, t, _, _ in extract(
        "Intrathecal levels of IL-6 rose, and BMSCs reduced them."))


def test_a_pronoun_object_before_an_adverb_and_genotyped_cells_named_whole(extract):
    edges = extract("UC-MSCs attenuated thermal hyperalgesia, whereas gabapentin relieved it only transiently.")
    assert ("gabapentin", "DECREASES", "thermal hyperalgesia", False) in edges
    knockout = extract("In contrast to wild-type MSCs, IL-10-deficient MSCs failed to attenuate thermal hyperalgesia.")
    assert ("IL-10-deficient MSCs", "DECREASES", "thermal hyperalgesia", True) in knockout
    assert not any(s == "MSCs" for s, _, _, _ in knockout)


def test_what_an_agent_does_not_reach_across_a_new_clause_or_an_attribute(extract):
    action = extract("Conclusion: The Nrf2/HO-1 pathway may underlie the antinociceptive action of BMSCs in CCI rats.")
    assert not any(o == "BMSCs" for _, _, o, _ in action)
    clause = extract("Hypoxic preconditioning of ADSCs enhanced their secretion of VEGF, and conditioned medium from "
                     "these cells alleviated thermal hyperalgesia.")
    assert not any(o == "conditioned medium" for _, t, o, _ in clause if t == "INCREASES")
    stimulated = extract("BMSCs placed in Transwell inserts suppressed the proliferation of LPS-stimulated astrocytes "
                         "and lowered their secretion of CXCL1 and CCL2.")
    assert {("BMSCs", "DECREASES", "CXCL1", False), ("BMSCs", "DECREASES", "CCL2", False)} <= stimulated
    assert not any(s == "astrocytes" or o == "LPS" for s, _, o, _ in stimulated)
    nested = extract("Inhibition of Nrf2 with ML385 abolished the MSC-exosome-induced upregulation of HO-1 in spinal "
                     "neurons and reinstated mechanical allodynia.")
    assert {("ML385", "DECREASES", "HO-1", False), ("ML385", "INCREASES", "mechanical allodynia", False)} <= nested
    assert not any(o == "MSC" for _, t, o, _ in nested if t != "DERIVED_FROM")


def test_cells_in_culture_show_what_their_exposure_did(extract):
    edges = extract("RSC96 Schwann cells cultured in high glucose (35 mM) for 48 h showed increased malondialdehyde "
                    "(MDA) and decreased superoxide dismutase (SOD) activity. Conditioned medium from "
                    "placenta-derived MSCs reversed both changes.")
    assert {("high glucose", "INCREASES", "malondialdehyde", False), ("high glucose", "DECREASES", "superoxide dismutase", False),
            ("Conditioned medium", "DECREASES", "malondialdehyde", False),
            ("Conditioned medium", "INCREASES", "superoxide dismutase", False)} <= edges
    assert not any(s == "Schwann cells" for s, *_ in edges)
    assert ("oxaliplatin", "INCREASES", "CXCL1", False) in extract(
        "Astrocytes exposed to oxaliplatin displayed elevated connexin 43 (Cx43) and CXCL1.")


def test_a_class_named_after_a_target_says_what_its_member_does(extract):
    edges = extract("The protective effect of ADSC-CM on H2O2-challenged Schwann cells was abolished by the HO-1 "
                    "inhibitor zinc protoporphyrin IX (ZnPP) but not by the PI3K inhibitor LY294002.")
    assert {("zinc protoporphyrin IX", "IS_A", "HO-1 inhibitor", False), ("zinc protoporphyrin IX", "DECREASES", "HO-1", False),
            ("LY294002", "DECREASES", "PI3K", False)} <= edges
    assert ("nigericin", "INCREASES", "NLRP3", False) in extract("The NLRP3 activator nigericin reversed this.")
    # the act named before its agent: "HO-1 inhibition with ZnPP", "Nrf2 silencing by siRNA"
    assert ("zinc protoporphyrin IX", "DECREASES", "HO-1", False) in extract(
        "HO-1 inhibition with zinc protoporphyrin IX (ZnPP) partially reversed the suppression of allodynia by DPSC exosomes.")
    assert ("siRNA", "DECREASES", "Nrf2", False) in extract("Nrf2 silencing by siRNA reduced GPX4 levels.")
    # a class without a named target says nothing more than IS_A
    assert {t for _, t, _, _ in extract("HO-1, an antioxidant enzyme, was upregulated by exosomes.")} == {"INCREASES", "IS_A"}


def test_asides_places_and_sizes_do_not_part_a_claim_from_its_agent(extract):
    assert ("CM", "REGULATES", "catalase", True) in extract("ADSC-CM, however, had no effect on catalase activity.")
    assert ("PD-MSCs", "REGULATES", "p38 MAPK", True) in extract(
        "Phosphorylation of spinal p38 MAPK, by contrast, was not affected by PD-MSCs.")
    assert ("exosomes", "INCREASES", "HO-1", False) in extract(
        "HO-1 was upregulated in DRG neurons by exosomes from gingival MSCs.")
    assert ("BMSCs", "DECREASES", "TNF-α", False) in extract("TNF-α was reduced in the DRG of CCI rats by BMSCs.")
    sized = extract("Over 6 months, the MSCs decreased pain scores on a visual analogue scale (VAS) by 48% and "
                    "reduced serum IL-17 levels.")
    assert ("MSCs", "DECREASES", "IL-17", False) in sized
    assert not any(s == "pain scores" for s, *_ in sized)
    assert ("AD-MSCs", "DECREASES", "8-hydroxy-2'-deoxyguanosine", False) in extract(
        "AD-MSCs reduced cartilage levels of 8-hydroxy-2'-deoxyguanosine (8-OHdG) by 42%.")


def test_unaffected_is_a_negated_claim(extract):
    assert ("BMSCs", "REGULATES", "TNF-α", True) in extract("Serum TNF-α was unaffected by BMSCs.")
    edges = extract("Hind paw lipid peroxidation and TNF-α were lowered by ADMSC-CM, whereas IL-10 was unaffected.")
    assert ("CM", "REGULATES", "IL-10", True) in edges
    assert ("CM", "REGULATES", "IL-10", False) not in edges


def test_model_slips_on_plain_words_hide_no_claim(extract):
    scavenged = extract("Human umbilical cord Wharton's jelly MSCs (WJ-MSCs) inhibited NADPH oxidase activity, "
                        "scavenged superoxide anions and upregulated glutathione peroxidase 1 (GPx1).")
    assert ("Wharton's jelly MSCs", "DECREASES", "superoxide anions", False) in scavenged
    assert not any(s == "superoxide anions" for s, *_ in scavenged)
    assert ("Bone marrow MSCs", "DECREASES", "IL-6", False) in extract(
        "Bone marrow MSCs lowered paw IL-6 levels in the formalin test.")


def test_products_and_agents_referred_to_again(extract):
    assert ("conditioned medium", "DERIVED_FROM", "BMSCs", False) in extract(
        "Neither BMSCs nor their conditioned medium altered baseline nociceptive thresholds in naive rats.")
    medium = extract.full("BMSC-conditioned medium did not alter GFAP in the dorsal horn. The medium nonetheless "
                          "reduced spinal MDA levels and increased glutathione peroxidase (GPx) activity.")
    reduced = [r for r in medium if r.type.value == "DECREASES" and r.object.text == "MDA"]
    assert reduced and reduced[0].subject.curie == next(r.subject.curie for r in medium if r.subject.text == "conditioned medium")
    # the agent of a passive the lexicon does not type is no subject of the verb after it
    uptake = extract("Exosomes from human umbilical cord MSCs were delivered intrathecally after spinal nerve ligation. "
                     "These vesicles were taken up by neurons and microglia in the ipsilateral dorsal root ganglion "
                     "and attenuated both mechanical allodynia and thermal hyperalgesia.")
    assert ("vesicles", "DECREASES", "mechanical allodynia", False) in uptake
    assert not any(s in ("neurons", "microglia") for s, t, _, _ in uptake if t == "DECREASES")


def test_cargo_named_before_or_far_from_its_vesicles(extract):
    carried = extract("miR-146a-5p carried by ADSC-derived exosomes binds to the 3′UTR of TRAF6, thereby inhibiting "
                      "NF-κB activation in synovial macrophages.")
    assert {("miR-146a-5p", "LOCATED_IN", "exosomes", False), ("miR-146a-5p", "INTERACTS_WITH", "TRAF6", False)} <= carried
    assert not any(s == "exosomes" and t == "INTERACTS_WITH" for s, t, _, _ in carried)
    assert ("miR-21-5p", "LOCATED_IN", "small EVs", False) in extract(
        "In SNL rats, small EVs derived from DPSCs were enriched in miR-21-5p, which binds the 3′-UTR of PTEN mRNA.")
    contained = extract("However, exosomes released by the preconditioned cells contained higher levels of SOD2 and catalase.")
    assert {("SOD2", "LOCATED_IN", "exosomes", False), ("catalase", "LOCATED_IN", "exosomes", False)} <= contained


def test_the_agent_a_negated_claim_is_contrasted_with_did_it(extract):
    edges = extract("The antioxidant N-acetylcysteine (NAC) mimicked the anti-allodynic action of BMSCs, but NAC, "
                    "unlike BMSCs, did not suppress spinal IL-1β.")
    assert {("NAC", "DECREASES", "IL-1β", True), ("BMSCs", "DECREASES", "IL-1β", False)} <= edges
    assert ("BMSCs", "DECREASES", "IL-1β", True) not in edges
    pregabalin = extract("Pregabalin, unlike ADSC secretome, failed to reduce spinal TNF-α in CCI mice.")
    assert {("Pregabalin", "DECREASES", "TNF-α", True), ("secretome", "DECREASES", "TNF-α", False)} <= pregabalin
    assert {("Exos", "INCREASES", "GPx", False), ("NAC", "INCREASES", "GPx", True)} <= extract("MSC-Exos, unlike NAC, enhanced GPx.")
    later = extract("In paclitaxel-treated DRG cultures, BMSC exosomes (50 μg/mL) lowered ROS as effectively as NAC "
                    "(1 mM) and, unlike dexamethasone (1 μM), did not impair neurite outgrowth.")
    assert {("exosomes", "DECREASES", "neurite outgrowth", True), ("dexamethasone", "DECREASES", "neurite outgrowth", False)} <= later
    assert not any(s == "ROS" for s, *_ in later)
    # the contrast does not undo what the contrasted agent's own clause says
    own = extract("Unlike gabapentin, which only transiently raised the paw withdrawal threshold, BMSCs produced a "
                  "sustained increase in paw withdrawal threshold.")
    assert ("gabapentin", "INCREASES", "paw withdrawal threshold", False) in own
    assert not any(o == "BMSCs" for _, _, o, _ in own)


def test_a_gerund_clause_names_its_agent_after_the_object(extract):
    edges = extract("Heme oxygenase-1 (HO-1), a cytoprotective enzyme, was strongly induced in Schwann cells exposed "
                    "to BMSC-EVs, and blocking HO-1 with ZnPP abrogated the EV-mediated reduction in lipid peroxidation.")
    assert ("ZnPP", "DECREASES", "HO-1", False) in edges
    assert not any(s == "Schwann cells" for s, *_ in edges)
    compared = extract("Conditioned medium from these hypoxic cells accelerated remyelination of the crushed sciatic "
                       "nerve and was more effective than normoxic medium in raising paw withdrawal threshold.")
    assert ("Conditioned medium", "INCREASES", "paw withdrawal threshold", False) in compared
    assert not any(s == "remyelination" for s, *_ in compared)


def test_the_changes_given_as_evidence_for_a_claim_are_its_agents(extract):
    edges = extract("Activation of the Nrf2/HO-1 pathway by BMSC-EVs was confirmed by increased nuclear Nrf2, reduced "
                    "cytoplasmic Keap1 and elevated NQO1 and HO-1 protein levels in the sciatic nerve.")
    assert {("EVs", "DECREASES", "Keap1", False), ("EVs", "INCREASES", "NQO1", False), ("EVs", "INCREASES", "HO-1", False)} <= edges
    assert not any(s == "Keap1" for s, *_ in edges)
    assert ("Schwann cell-like cells", "INCREASES", "MBP", False) in extract(
        "Transplantation of Schwann cell-like cells derived from BMSCs enhanced remyelination, as shown by increased "
        "MBP levels in the regenerating nerve.")
    # a method is no evidence of a change
    assert {t for _, t, _, _ in extract("Exosomes reduced IL-6, as confirmed by ELISA, and reduced pain.")} == {"DECREASES"}
    # the agent of an act the sentence names in passing: "the conditioned medium acts by inhibiting ERK1/2"
    acts = extract("Blocking ERK1/2 with U0126 reproduced the antinociceptive effect of BMSC-derived conditioned medium, "
                   "suggesting that the conditioned medium acts by inhibiting ERK1/2 in the dorsal horn.")
    assert {("U0126", "DECREASES", "ERK1/2", False), ("conditioned medium", "DECREASES", "ERK1/2", False)} <= acts


def test_normalized_reads_the_change_named_before_a_list_and_left_unchanged_is_negated(extract):
    edges = extract("Astrocytes isolated from the spinal cord of CCI rats displayed elevated connexin 43 (Cx43) and "
                    "CXCL1; incubation with MSC-EVs for 24 h normalized Cx43 but not CXCL1.")
    assert {("EVs", "DECREASES", "Cx43", False), ("EVs", "DECREASES", "CXCL1", True)} <= edges
    # a verb of an earlier clause is no change of the next mention's
    assert ("ADSCs", "DECREASES", "MDA", False) in extract("Spinal GPx fell and MDA rose; ADSCs normalized MDA.")
    left = extract("NOX2 was upregulated in microglia; the secretome of MSCs normalized NOX2 but left p47phox unchanged.")
    assert {("secretome", "DECREASES", "NOX2", False), ("secretome", "REGULATES", "p47phox", True)} <= left
    assert ("secretome", "REGULATES", "p47phox", False) not in left
    channel = extract("In DRG explants from rats with CCI, exosome treatment reduced the expression of the "
                      "voltage-gated sodium channel Nav1.7 and of TRPV1.")
    assert {("exosome", "DECREASES", "Nav1.7", False), ("exosome", "DECREASES", "TRPV1", False)} <= channel


def test_treated_groups_relative_passives_and_doses_name_the_agent(extract):
    assert ("Exos", "DECREASES", "mechanical allodynia", False) in extract(
        "Consequently, mechanical allodynia was attenuated in CCI mice treated with DPSC-Exos.")
    after = extract("SVF relieved post-herpetic neuralgia more effectively than pregabalin, and serum IL-6 declined "
                    "after SVF but not after pregabalin.")
    assert {("SVF", "DECREASES", "IL-6", False), ("pregabalin", "DECREASES", "IL-6", True)} <= after
    assert not any(o == "TNF-α" for _, _, o, _ in extract("TNF-α declined after MSCs reduced ROS."))
    assert ("ADSCs", "DECREASES", "thermal hyperalgesia", False) in extract(
        "Vehicle-treated CCI rats continued to display thermal hyperalgesia, which was attenuated by ADSCs from day 7 onward.")
    assert ("ADSCs", "DECREASES", "paw edema", False) in extract(
        "Carrageenan-induced paw edema was markedly attenuated by a single intravenous dose of ADSCs.")


def test_a_question_yields_to_its_negated_answer(extract):
    edges = extract("Whether MSCs modulate the expression of the antioxidant enzyme peroxiredoxin-6 in the dorsal horn "
                    "remains unclear. In our model, MSC transplantation did not change peroxiredoxin-6 protein levels.")
    assert ("MSC", "REGULATES", "peroxiredoxin-6", True) in edges
    assert not any(t == "REGULATES" and not negated for _, t, _, negated in edges)
    # unanswered, the question stays a hedged claim
    asked = extract.full("We tested whether exosomes could prevent vincristine-induced peripheral neuropathy (VIPN).")
    prevents = [r for r in asked if r.type.value == "PREVENTS"]
    assert prevents and prevents[0].evidence.epistemics.hedged and not prevents[0].evidence.epistemics.negated


def test_contrasts_lists_and_mimicked_effects(extract):
    contrast = extract("In contrast to wild-type MSCs, IL-10-deficient MSCs failed to attenuate thermal hyperalgesia, "
                       "although they still lowered TNF-α to a similar extent.")
    assert {("IL-10-deficient MSCs", "DECREASES", "thermal hyperalgesia", True),
            ("wild-type MSCs", "DECREASES", "thermal hyperalgesia", False),
            ("IL-10-deficient MSCs", "DECREASES", "TNF-α", False)} <= contrast
    assert ("NAC", "INCREASES", "catalase", False) in extract(
        "NAC and the exosomes each increased spinal catalase activity, but NAC alone failed to reverse thermal hyperalgesia.")
    assert ("tempol", "DECREASES", "mechanical allodynia", False) in extract(
        "Intravenous MSCs relieved mechanical allodynia in SNL rats, and this effect was mimicked by the SOD mimetic tempol.")
    assert ("gabapentin", "DECREASES", "allodynia", True) in extract(
        "MSCs relieved allodynia, and this effect was not mimicked by gabapentin.")


def test_a_change_after_a_model_or_drug_is_its_effect(extract):
    assert ("paclitaxel", "INCREASES", "Connexin 43", False) in extract(
        "Connexin 43 (Cx43), which was localized in GFAP-positive astrocytes of the dorsal horn, was upregulated "
        "2.4-fold after paclitaxel treatment.")
    assert ("CCI", "INCREASES", "MDA", False) in extract(
        "Sciatic nerve MDA levels rose from 2.1 ± 0.3 to 5.8 ± 0.6 nmol/mg protein after CCI.")


def test_a_scaffold_named_by_its_cargo_is_the_agent(extract):
    conduits = extract("hUC-MSC-seeded silk fibroin conduits reduced TNF-α and thermal hyperalgesia.")
    assert {("hUC-MSC-seeded silk fibroin conduits", "DECREASES", "TNF-α", False),
            ("hUC-MSC-seeded silk fibroin conduits", "DECREASES", "thermal hyperalgesia", False)} <= conduits
    hydrogel = extract("An exosome-loaded hydrogel reduced mechanical allodynia and IL-1β.")
    assert ("exosome-loaded hydrogel", "DECREASES", "IL-1β", False) in hydrogel
    assert ("exosome", "LOCATED_IN", "exosome-loaded hydrogel", False) in hydrogel
    assert not any(s == "exosome" and t == "DECREASES" for s, t, _, _ in hydrogel)
    # a scaffold named otherwise is no mention of this kind
    assert not any("hydrogel" in s for s, *_ in extract("Exosomes were loaded into a hydrogel and reduced IL-6."))


def test_an_agentless_result_after_a_treatments_claim_is_its_effect(extract):
    edges = extract("Spared nerve injury (SNI) was performed in C57BL/6 mice. BMSCs (2 x 10^5) or PBS were injected "
                    "intrathecally on day 4. BMSCs increased paw withdrawal threshold for 3 weeks. Mitochondrial "
                    "superoxide in DRG neurons decreased.")
    assert ("BMSCs", "DECREASES", "Mitochondrial superoxide", False) in edges
    assert ("BMSCs", "DECREASES", "IL-6", True) in extract("BMSCs reduced allodynia. However, IL-6 was not reduced.")
    # another group's result is not the treatment's
    assert not any(o == "MDA" for _, _, o, _ in extract(
        "BMSCs reduced allodynia. In vehicle-treated rats, MDA levels were higher."))
    assert ("PMSC", "INCREASES", "Heme oxygenase-1", False) in extract(
        "PMSC treatment alleviated the pain within 3 days. Heme oxygenase-1 (HO-1) was, in addition, upregulated in "
        "the spinal cord of PMSC-treated animals.")


def test_the_agent_of_an_agentless_passive_after_its_place(extract):
    assert ("conditioned medium", "INCREASES", "Heme oxygenase-1", False) in extract(
        "Heme oxygenase-1 (HO-1), an antioxidant enzyme, was upregulated in the DRG following treatment with "
        "BMSC-conditioned medium.")
    assert ("EVs", "INCREASES", "Heme oxygenase-1", False) in extract(
        "Heme oxygenase-1 (HO-1), a cytoprotective enzyme, was strongly induced in Schwann cells exposed to BMSC-EVs.")


def test_a_cause_named_with_its_abbreviation_before_induced(extract):
    edges = extract("In rats with monosodium iodoacetate (MIA)-induced knee osteoarthritis, intra-articular injection "
                    "of exosomes from synovial MSCs attenuated weight-bearing asymmetry.")
    assert ("monosodium iodoacetate", "CAUSES", "knee osteoarthritis", False) in edges
    edges = extract("Exosomes protected these cells against high glucose (HG)-induced apoptosis.")
    assert ("high glucose", "CAUSES", "apoptosis", False) in edges
    assert ("Exosomes", "PREVENTS", "apoptosis", False) in edges
    assert not any(o == "high glucose" for _, _, o, _ in edges)  # the compound's head is what they act on


def test_a_clause_between_commas_is_no_apposition(extract):
    edges = extract("Contrary to our hypothesis, a single intravenous dose of MSC-derived extracellular vesicles did "
                    "not reduce daily pain scores in patients with post-herpetic neuralgia compared with placebo at "
                    "week 8, nor did it lower serum IL-6.")
    assert {("extracellular vesicles", "DECREASES", "pain scores", True),
            ("extracellular vesicles", "DECREASES", "IL-6", True)} <= edges


def test_a_time_after_a_wrapped_agent_names_no_agent(extract):
    edges = extract("Pre-emptive intravenous administration of umbilical cord MSCs one day before paclitaxel "
                    "prevented the development of mechanical allodynia.")
    assert ("umbilical cord MSCs", "PREVENTS", "mechanical allodynia", False) in edges
    assert not any(s == "paclitaxel" for s, *_ in edges)


def test_coordinated_passives_share_their_subject(extract):
    edges = extract("SOD activity was significantly decreased in CCI rats (p < 0.01) and was restored by ADSCs.")
    assert ("ADSCs", "INCREASES", "SOD", False) in edges
    assert not any(o == "rats" for _, _, o, _ in edges)


def test_a_change_a_treated_group_showed(extract):
    assert ("MSC", "DECREASES", "WOMAC pain scores", False) in extract(
        "At 6 months, the MSC group showed a greater reduction in WOMAC pain scores.")
    assert ("ADSCs", "DECREASES", "thermal hyperalgesia", False) in extract(
        "Rats receiving ADSCs showed a significant improvement in thermal hyperalgesia.")
    edges = extract("At 12 weeks, MSC recipients reported a greater reduction in neuropathic pain scores than the "
                    "placebo group.")
    assert ("MSC", "DECREASES", "neuropathic pain scores", False) in edges
    assert not any(s == "placebo" for s, *_ in edges)
    assert not any(t == "INCREASES" for _, t, _, _ in edges)  # "greater" grades the reduction


def test_the_first_arm_of_a_trial_treats_the_patients_disease(extract):
    edges = extract("Patients with knee osteoarthritis (Kellgren–Lawrence grade II–III; n = 60) were randomized to a "
                    "single intra-articular injection of umbilical cord-derived MSCs or hyaluronic acid.")
    assert ("umbilical cord-derived MSCs", "TREATS", "knee osteoarthritis", False) in edges
    assert not any(s == "hyaluronic acid" for s, *_ in edges)
    edges = extract("Twenty patients with type 2 diabetes and painful DPN received intramuscular injections of "
                    "autologous adipose-derived mesenchymal stem cells (AD-MSCs).")
    assert ("adipose-derived mesenchymal stem cells", "TREATS", "DPN", False) in edges
    assert not any(o == "type 2 diabetes" for _, _, o, _ in edges)
    assert not any(t == "TREATS" for _, t, _, _ in extract(
        "Forty patients with diabetic neuropathy received placebo or pregabalin."))


def test_changes_referred_back_to_by_a_passive(extract):
    edges = extract("Spinal nerve ligation (SNL) up-regulated astrocytic connexin-43 and CXCL1, and both increases "
                    "were reversed by intrathecal ADSCs.")
    assert {("ADSCs", "DECREASES", "connexin-43", False), ("ADSCs", "DECREASES", "CXCL1", False)} <= edges
    assert {("Exos", "INCREASES", "SOD", False), ("Exos", "INCREASES", "GSH", False)} <= extract(
        "Paclitaxel decreased SOD and GSH, and these changes were prevented by BMSC-Exos.")


def test_their_ability_to_names_the_owner_of_the_effect(extract):
    edges = extract("Knockdown of TSG-6 in umbilical cord MSCs abolished their ability to decrease spinal IL-6 and "
                    "thermal hyperalgesia after CCI.")
    assert {("umbilical cord MSCs", "DECREASES", "IL-6", False),
            ("umbilical cord MSCs", "DECREASES", "thermal hyperalgesia", False)} <= edges


def test_silencing_reagents_and_passive_instruments(extract):
    assert ("siRNA", "DECREASES", "IL-10", False) in extract(
        "Pretreating the cells with IL-10 siRNA abolished this analgesia.")
    assert ("shRNA", "DECREASES", "Nrf2", False) in extract(
        "BMSC-conditioned medium lowered MDA content; knock-down of Nrf2 by shRNA abolished this effect.")
    # the scope of "lost" ends before the passive's patient
    assert ("nicotinamide", "DECREASES", "SIRT1", False) in extract(
        "MSCs raised SIRT1 expression; this benefit was lost when SIRT1 was inhibited with nicotinamide.")
    # a culture set-up is no claim
    assert not any(o == "microglia" for _, _, o, _ in extract(
        "BV2 microglia were stimulated with lipopolysaccharide and co-cultured with bone marrow MSCs."))


def test_cells_named_in_an_object_do_not_act_in_the_next_verb(extract):
    edges = extract("BMSC-conditioned medium restored the viability of RSC96 Schwann cells exposed to H2O2 and "
                    "lowered their MDA content.")
    assert ("conditioned medium", "DECREASES", "MDA", False) in edges
    assert not any(s == "Schwann cells" for s, *_ in edges)


def test_only_one_of_two_agents_with_one_name_is_no_contrast(extract):
    edges = extract("NAC lowered sciatic nerve MDA to a similar extent as gingiva-derived MSCs, yet only the "
                    "MSC-treated rats showed recovery of motor nerve conduction velocity.")
    assert ("MSC", "INCREASES", "motor nerve conduction velocity", False) in edges
    assert ("NAC", "INCREASES", "motor nerve conduction velocity", True) in edges
    assert not any(s == "gingiva-derived MSCs" and neg for s, _, _, neg in edges)


def test_a_symbol_tagged_once_is_the_same_entity_where_it_recurs(extract):
    edges = extract("BMSCs transduced with a lentiviral vector encoding interleukin-10 (IL-10-BMSCs) secreted more "
                    "IL-10. Intrathecal IL-10-BMSCs reduced mechanical allodynia for 28 days after SNL and decreased "
                    "spinal phosphorylated p38 MAPK.")
    assert {("IL-10-BMSCs", "DECREASES", "mechanical allodynia", False),
            ("IL-10-BMSCs", "DECREASES", "phosphorylated p38 MAPK", False)} <= edges


def test_a_measured_potential_is_no_hedge_and_tsg6_is_its_own_gene(extract):
    rels = extract.full("High glucose reduced mitochondrial membrane potential and suppressed SIRT1 in Schwann cells.")
    sirt1 = next(r for r in rels if r.object.text == "SIRT1")
    assert not sirt1.evidence.epistemics.hedged
    rels = extract.full("TNF-α-stimulated gene 6 (TSG-6), an anti-inflammatory protein secreted by MSCs, binds CXCL8.")
    assert {r.subject.curie for r in rels if r.type.value == "INTERACTS_WITH"} == {"NCBIGene:7130"}


def test_both_treatments_after_a_comparison_and_only_one_named_again(extract):
    text = ("The analgesic efficacy of BMSC-derived exosomes was compared with that of pregabalin. Both treatments "
            "increased paw withdrawal threshold in bortezomib-treated mice; however, only the exosomes suppressed "
            "the expression of ATF3.")
    edges = extract(text)
    assert {("treatments", "INCREASES", "paw withdrawal threshold", False),
            ("exosomes", "DECREASES", "ATF3", False), ("treatments", "DECREASES", "ATF3", True)} <= edges
    negated = {r.subject.long_form for r in extract.full(text) if r.object.text == "ATF3" and r.evidence.epistemics.negated}
    assert negated == {"pregabalin"}  # "treatments" standing for pregabalin, never for the exosomes


def test_a_concomitant_change_and_a_change_brought_about_are_the_agents(extract):
    edges = extract("MSCs reduced allodynia, with a parallel decrease in spinal IL-1β.")
    assert ("MSCs", "DECREASES", "IL-1β", False) in edges
    assert not any(s == "allodynia" for s, *_ in edges)
    assert ("ADSCs", "INCREASES", "paw withdrawal threshold", False) in extract(
        "ADSCs brought about a sustained rise in paw withdrawal threshold.")


def test_changes_in_a_co_culture_setting_are_the_co_cultured_treatments(extract):
    edges = extract("When LPS-activated BV2 microglia were co-cultured with BMSCs, the production of TNF-α, IL-6 and "
                    "nitric oxide declined, whereas IL-10 secretion rose.")
    assert {("BMSCs", "DECREASES", "TNF-α", False), ("BMSCs", "DECREASES", "IL-6", False),
            ("BMSCs", "INCREASES", "IL-10", False)} <= edges


def test_a_pronoun_after_a_quantified_opening_agent(extract):
    assert ("cells", "DECREASES", "CGRP", False) in extract(
        "MSCs were infused into mice. Most of these cells accumulated in the lungs within 24 h; nevertheless, they "
        "markedly reduced CGRP expression in the DRG.")


def test_residents_and_the_most_abundant_cargo_are_located(extract):
    assert ("Microglia", "LOCATED_IN", "central nervous system", False) in extract(
        "Microglia, the resident immune cells of the central nervous system, are activated by nerve injury.")
    assert ("Microglia", "LOCATED_IN", "spinal dorsal horn", False) in extract(
        "Microglia reside in the spinal dorsal horn and respond rapidly to peripheral injury.")
    assert ("miR-21-5p", "LOCATED_IN", "exosomes", False) in extract(
        "Small RNA sequencing revealed that miR-21-5p was the most abundant species in ADSC exosomes.")
    assert ("hepatocyte growth factor", "LOCATED_IN", "secretome", False) in extract(
        "Proteomic analysis identified hepatocyte growth factor (HGF) among the most abundant proteins in the "
        "ADSC secretome.")


def test_a_route_after_a_passive_chain_past_the_subjects_source(extract):
    edges = extract("Extracellular vesicles (EVs) released by synovial mesenchymal stem cells (SMSCs) were loaded "
                    "with miR-124 and administered intrathecally to rats with chronic constriction injury (CCI).")
    assert ("Extracellular vesicles", "ADMINISTERED_VIA", "intrathecally", False) in edges
    # a mention of its own before "were" is another subject, not the source of the first
    assert not any(t == "ADMINISTERED_VIA" and s == "cell" for s, t, _, _ in extract(
        "To prolong cell retention, adipose-derived stem cells (ADSCs) were encapsulated in a hydrogel and "
        "delivered locally around the injured sciatic nerve."))


def test_a_passive_on_a_possessed_state_acts_on_its_possessor(extract):
    assert ("resveratrol", "INCREASES", "Nrf2", False) in extract(
        "Nrf2 was expressed in satellite glial cells of the dorsal root ganglion, and its nuclear translocation was "
        "enhanced by resveratrol.")


def test_a_participle_phrase_after_the_agent_names_no_agent(extract):
    edges = extract("Adipose-derived stem cells (ADSCs) injected into the sciatic nerve of SNI mice lowered "
                    "MDA and raised catalase activity.")
    assert ("ADSCs", "DECREASES", "MDA", False) in edges or ("Adipose-derived stem cells", "DECREASES", "MDA", False) in edges
    assert not any(s in ("mice", "SNI", "sciatic nerve") for s, *_ in edges)
    edges = extract("Umbilical cord MSCs co-cultured with LPS-stimulated microglia decreased their IL-1β release.")
    assert ("Umbilical cord MSCs", "DECREASES", "IL-1β", False) in edges
    assert not any(s == "microglia" and t == "DECREASES" for s, t, _, _ in edges)


def test_a_pronoun_after_an_opening_adverb_or_despite_this(extract):
    text = "Few DPSCs were detected in the spinal cord after intravenous infusion. {} they reduced spinal GFAP."
    for opener in ("Despite this,", "Nevertheless,", "In contrast,"):
        assert ("they", "DECREASES", "GFAP", False) in extract(text.format(opener)), opener


def test_coordinated_changes_with_a_magnitude(extract):
    edges = extract("BMSC-derived exosomes produced a 2.1-fold decrease in NOX2 and a 1.6-fold decrease in NOX4.")
    assert ("exosomes", "DECREASES", "NOX4", False) in edges
    assert not any(s == "NOX2" for s, *_ in edges)


def test_no_effect_after_a_long_object_keeps_the_subject(extract):
    edges = extract("MSC-conditioned medium reduced lipid peroxidation in the dorsal root ganglia of "
                    "vincristine-treated rats, but had no effect on catalase activity.")
    assert ("conditioned medium", "REGULATES", "catalase", True) in edges
    assert not any(o == "catalase" and not neg for _, _, o, neg in edges)


def test_a_product_after_its_cell_and_abbreviation(extract):
    edges = extract("Umbilical cord mesenchymal stem cell (UC-MSC) secretome lowered IL-6.")
    assert ("secretome", "DERIVED_FROM", "Umbilical cord mesenchymal stem cell", False) in edges
    assert ("secretome", "DECREASES", "IL-6", False) in edges


def test_a_place_adjective_is_not_part_of_a_molecule(extract):
    edges = extract("Intrathecal BMSCs reduced spinal c-Fos in CCI rats.")
    assert ("BMSCs", "DECREASES", "c-Fos", False) in edges
    assert not any(o.lower().startswith("spinal") for _, _, o, _ in edges)


def test_changes_stated_without_an_agent_are_countered(extract):
    edges = extract("Vincristine-induced neuropathy was accompanied by elevated 4-HNE and reduced GSH in the "
                    "sciatic nerve. Gingival MSC exosomes normalized both changes.")
    assert ("exosomes", "DECREASES", "4-HNE", False) in edges
    assert ("exosomes", "INCREASES", "GSH", False) in edges
    edges = extract("After SNL, rats developed thermal hyperalgesia together with a 2-fold increase in spinal "
                    "TNF-α. Intrathecal BMSCs reversed these changes.")
    assert ("BMSCs", "DECREASES", "thermal hyperalgesia", False) in edges
    assert ("BMSCs", "DECREASES", "TNF-α", False) in edges
    assert not any(s == "thermal hyperalgesia" for s, *_ in edges)


def test_routes_listed_with_neither_nor_share_the_agent(extract):
    edges = extract("Neither intrathecal nor intraperitoneal ADSCs altered body weight.")
    assert ("ADSCs", "ADMINISTERED_VIA", "intrathecal", False) in edges
    assert ("ADSCs", "ADMINISTERED_VIA", "intraperitoneal", False) in edges


def test_a_class_presupposes_no_claim_the_text_denies(extract):
    edges = extract("The exosomes lowered P2X3 protein in the DRG, whereas the P2X3 antagonist A-317491 did not.")
    assert ("A-317491", "DECREASES", "P2X3", True) in edges
    assert ("A-317491", "DECREASES", "P2X3", False) not in edges


def test_the_induced_expression_of_a_gene_is_the_object(extract):
    edges = extract("MSC-derived exosomes suppressed lipopolysaccharide (LPS)-induced expression of CD80 in BV2 cells.")
    assert ("exosomes", "DECREASES", "CD80", False) in edges
    assert ("lipopolysaccharide", "INCREASES", "CD80", False) in edges
    assert not any(o in ("LPS", "lipopolysaccharide") for _, t, o, _ in edges if t == "DECREASES")


def test_an_agent_of_an_untyped_passive_before_a_cell_lines_name(extract):
    edges = extract("The exosomes were taken up by BV2 microglia and suppressed TNF-α release.")
    assert ("exosomes", "DECREASES", "TNF-α", False) in edges
    assert not any(s == "microglia" for s, *_ in edges)


def test_a_passive_past_a_qualified_place_and_listed_patients(extract):
    edges = extract("Nrf2 nuclear accumulation and HO-1 protein were increased in spinal astrocytes by ADSC exosomes.")
    assert ("exosomes", "INCREASES", "Nrf2", False) in edges
    assert ("exosomes", "INCREASES", "HO-1", False) in edges
    edges = extract("Glutathione peroxidase activity as well as GSH in the sciatic nerve was restored by BMSCs.")
    assert ("BMSCs", "INCREASES", "Glutathione peroxidase", False) in edges
    assert ("BMSCs", "INCREASES", "GSH", False) in edges


def test_a_model_named_with_a_time_and_its_abbreviation_after_the_change(extract):
    edges = extract("P2X4 was upregulated in small-diameter DRG neurons 7 days after spared nerve injury (SNI).")
    assert ("spared nerve injury", "INCREASES", "P2X4", False) in edges


def test_a_marker_tagged_as_the_cells_takes_its_noun(extract):
    edges = extract("GFP-labelled ADSCs were injected into the tail vein. Three days later, GFP+ cells were "
                    "detected in the lung and spleen.")
    assert ("GFP+ cells", "LOCATED_IN", "lung", False) in edges


def test_the_clause_after_an_opening_phrase_is_no_apposition(extract):
    edges = extract("In mice with oxaliplatin-induced neuropathy, a single intrathecal dose of GMSC exosomes restored "
                    "catalase activity, lowered MDA and raised GSH more effectively than fibroblast exosomes.")
    assert ("exosomes", "INCREASES", "catalase", False) in edges
    assert ("exosomes", "DECREASES", "MDA", False) in edges
    assert not any(s in ("neuropathy", "oxaliplatin") for s, t, _, _ in edges if t in ("INCREASES", "DECREASES"))


def test_objects_listed_with_as_well_as_and_a_second_head(extract):
    edges = extract("Dexamethasone lowered iNOS as well as CD86 in BV2 cells.")
    assert ("Dexamethasone", "DECREASES", "CD86", False) in edges
    edges = extract("Intrathecal EVs dampened spinal p38 phosphorylation and the release of IL-1β and IL-6, "
                    "and enhanced IL-10.")
    assert {("EVs", "DECREASES", "IL-1β", False), ("EVs", "DECREASES", "IL-6", False),
            ("EVs", "INCREASES", "IL-10", False)} <= edges
    assert not any(s in ("IL-1β", "IL-6") for s, *_ in edges)


def test_both_before_a_class_noun_refers_to_the_objects_named_before(extract):
    edges = extract("Minocycline reduced Iba1 but failed to decrease GFAP, whereas BMSC exosomes lowered both "
                    "markers in the CCI spinal cord.")
    assert ("exosomes", "DECREASES", "Iba1", False) in edges
    assert ("exosomes", "DECREASES", "GFAP", False) in edges
    assert not any(o == "CCI" for _, _, o, _ in edges)


def test_a_coordinated_negated_place_keeps_the_located_subject(extract):
    edges = extract("PKH26-labelled ADSCs were detected in the lung and liver but were not found in the spinal cord.")
    assert ("ADSCs", "LOCATED_IN", "lung", False) in edges
    assert ("ADSCs", "LOCATED_IN", "spinal cord", True) in edges
    assert ("ADSCs", "LOCATED_IN", "spinal cord", False) not in edges


def test_a_treated_group_names_the_agent_of_its_results(extract):
    assert ("UC-MSCs", "DECREASES", "VAS scores", False) in extract(
        "Patients treated with intrathecal UC-MSCs showed lower VAS scores.")
    assert ("BMSC", "DECREASES", "VAS scores", False) in extract("BMSC-treated patients showed a 40% reduction in VAS scores.")
    edges = extract("In patients receiving BMSCs, serum MDA decreased and SOD increased.")
    assert {("BMSCs", "DECREASES", "MDA", False), ("BMSCs", "INCREASES", "SOD", False)} <= edges
    assert not any(s == "MDA" for s, *_ in edges)  # "decreased and SOD increased": SOD is no object
    assert extract("In patients receiving placebo, serum MDA decreased.") == set()


def test_promoting_a_degradation_lowers_the_protein(extract):
    assert ("brusatol", "DECREASES", "Nrf2", False) in extract("Co-injection of brusatol, which promotes Nrf2 degradation, blunted it.")
    assert ("Sulforaphane", "INCREASES", "Nrf2", False) in extract("Sulforaphane inhibited Nrf2 degradation.")


def test_the_host_condition_with_its_cause_does_not_part_coordinated_verbs(extract):
    edges = extract("Intra-articular ADSCs attenuated knee joint pain in rats with monosodium iodoacetate-induced "
                    "osteoarthritis and lowered synovial 4-HNE.")
    assert ("ADSCs", "DECREASES", "4-HNE", False) in edges
    assert not any(s == "osteoarthritis" for s, *_ in edges)


def test_a_class_after_a_dose_aside_is_the_agents(extract):
    edges = extract("Pretreatment with ML385 (30 mg/kg, i.p.), a selective Nrf2 inhibitor, abolished the effect.")
    assert ("ML385", "IS_A", "Nrf2 inhibitor", False) in edges
    assert not any(s == "i.p." and t == "IS_A" for s, t, *_ in edges)
    edges = extract("Peroxynitrite (ONOO−), a potent oxidant, inactivates manganese superoxide dismutase (MnSOD).")
    assert {s for s, t, o, _ in edges if (t, o) == ("IS_A", "oxidant")} & {"Peroxynitrite", "ONOO−"}
    assert ("Peroxynitrite", "DECREASES", "manganese superoxide dismutase", False) in edges


def test_this_mirna_is_the_microrna_named_before(extract):
    rels = extract.full("The effect of BMSC-derived exosomes on NOX2 was lost after miR-146a knockdown, suggesting that "
                        "this miRNA, which directly targets TRAF6, mediates it.")
    targets = next(r for r in rels if r.object.text == "TRAF6")
    assert targets.type.value == "INTERACTS_WITH"
    assert (targets.subject.long_form, targets.subject.category.value) == ("miR-146a", "GeneOrGeneProduct")
    assert extract("miR-21 and NOX2 were measured. The miRNA family is large.") == set()


def test_agentless_results_after_a_colon_and_unchanged_amounts_are_the_claims_agents(extract):
    edges = extract("In the DRG of rats with spinal nerve ligation (SNL), adipose-derived stem cells (ADSCs) shifted "
                    "macrophages from an M1 to an M2 phenotype: CD68 and iNOS were reduced, whereas CD206 and Arg-1 "
                    "were increased.")
    for marker, rtype in (("CD68", "DECREASES"), ("iNOS", "DECREASES"), ("CD206", "INCREASES"), ("Arg-1", "INCREASES")):
        assert ("adipose-derived stem cells", rtype, marker, False) in edges
    edges = extract("Intra-articular adipose-derived MSCs reduced WOMAC pain scores compared with saline placebo at "
                    "6 months, whereas synovial fluid IL-1β was unchanged.")
    assert ("adipose-derived MSCs", "REGULATES", "IL-1β", True) in edges
    assert ("adipose-derived MSCs", "REGULATES", "IL-1β", False) not in edges
    edges = extract("Intrathecal BMSCs reduced CXCL1 in the dorsal horn, whereas microglial Iba1 remained unchanged.")
    assert ("BMSCs", "REGULATES", "Iba1", True) in edges


def test_treated_groups_past_a_dose_aside_and_cells_that_secrete_more(extract):
    edges = extract("Compared with saline-treated SNL rats, those injected intrathecally with BMSC exosomes "
                    "(BMSC-Exos; 20 μg on days 1, 3 and 5) showed less astrocyte activation, lower GFAP and "
                    "p-STAT3, and reduced CXCL1 in the L5 spinal dorsal horn.")
    for obj in ("GFAP", "p-STAT3", "CXCL1"):
        assert any(s.endswith("exosomes") and (t, o, n) == ("DECREASES", obj, False) for s, t, o, n in edges)
    assert not any(s == "astrocyte activation" for s, *_ in edges)
    edges = extract("Macrophages cultured with BMSC-conditioned medium for 48 h secreted more IL-10 and less TNF-α.")
    assert ("conditioned medium", "INCREASES", "IL-10", False) in edges
    assert ("conditioned medium", "DECREASES", "TNF-α", False) in edges
    assert ("MSC", "DECREASES", "pain scores", False) in extract(
        "At 6 months, pain scores fell by 3.2 points in the MSC arm.")


def test_a_clause_of_its_own_after_and_is_neither_object_nor_listed_subject(extract):
    edges = extract("Bone marrow MSCs suppressed IL-6 and adipose MSCs induced IL-10.")
    assert ("Bone marrow MSCs", "DECREASES", "IL-6", False) in edges
    assert ("adipose MSCs", "INCREASES", "IL-10", False) in edges
    assert not any(s == "IL-6" or o == "adipose MSCs" for s, _, o, _ in edges)
    # a reduced passive after the list keeps both objects
    edges = extract("BMSCs reduced IL-6 and TNF-α induced by LPS.")
    assert {("BMSCs", "DECREASES", "IL-6", False), ("BMSCs", "DECREASES", "TNF-α", False)} <= edges


def test_passive_agents_listed_with_or(extract):
    edges = extract("Chemotherapy-induced peripheral neuropathy (CIPN) caused by paclitaxel, oxaliplatin, vincristine "
                    "or bortezomib is common.")
    for drug in ("paclitaxel", "oxaliplatin", "vincristine", "bortezomib"):
        assert any(s == drug and t == "CAUSES" for s, t, *_ in edges)


def test_a_class_apposition_with_a_relative_clause(extract):
    edges = extract("Nrf2, a transcription factor that controls antioxidant genes, was upregulated.")
    assert ("Nrf2", "IS_A", "transcription factor", False) in edges
    edges = extract("GAP-43, a growth-associated protein expressed by regenerating axons, may serve as a marker.")
    assert ("GAP-43", "IS_A", "growth-associated protein", False) in edges


def test_a_function_word_ends_a_class_phrase(extract):
    # "the release of the chemokine CXCL1" once made two overlapping class mentions and crashed the NLP stage
    edges = extract("Exosomes released by human placental MSCs were internalized by spinal astrocytes, where they "
                    "decreased connexin 43 expression and the release of the chemokine CXCL1.")
    assert ("CXCL1", "IS_A", "chemokine", False) in edges


def test_cells_differentiated_from_their_source_and_the_model_of_a_condition(extract):
    edges = extract("A collagen conduit seeded with Schwann-like cells differentiated from BMSCs bridged the gap.")
    assert ("BMSCs", "DIFFERENTIATES_INTO", "Schwann-like cells", False) in edges
    edges = extract("In the monosodium iodoacetate (MIA) model of osteoarthritis pain, intra-articular MSCs reduced "
                    "weight-bearing asymmetry.")
    assert ("monosodium iodoacetate", "CAUSES", "osteoarthritis pain", False) in edges
    assert ("nitroglycerin", "CAUSES", "migraine", False) in extract(
        "In the nitroglycerin model of migraine, BMSCs reduced allodynia.")
    assert extract("We used a rat model of neuropathic pain.") == set()  # an organism makes no model
    assert not any(s == "porcine" for s, *_ in extract("In a porcine model of spinal nerve ligation (SNL), BMSCs "
                                                       "raised the mechanical withdrawal threshold."))
    edges = extract("The chronic post-ischemia pain (CPIP) model of CRPS-I was used.")
    assert not any(t == "CAUSES" for _, t, _, _ in edges)  # a condition modelling another causes nothing


def test_agent_nouns_of_a_change_and_efficacy_against_a_disease(extract):
    edges = extract("Bone marrow MSCs were the most potent suppressors of IL-6 release from BV2 microglia; adipose "
                    "MSCs were the strongest inducers of IL-10.")
    assert ("Bone marrow MSCs", "DECREASES", "IL-6", False) in edges
    assert ("adipose MSCs", "INCREASES", "IL-10", False) in edges
    edges = extract("Intrathecal BMSCs have shown efficacy against chemotherapy-induced peripheral neuropathy.")
    assert ("BMSCs", "TREATS", "chemotherapy-induced peripheral neuropathy", False) in edges


def test_results_after_a_sentence_that_says_what_was_given(extract):
    edges = extract("Eight patients with painful diabetic neuropathy received two intravenous infusions of "
                    "umbilical cord MSCs (UC-MSCs). At 3 months, neuropathic pain decreased in five patients, "
                    "serum IL-6 fell by 30% and edema resolved, whereas HbA1c remained unchanged.")
    assert ("UC-MSCs", "DECREASES", "neuropathic pain", False) in edges or \
        ("umbilical cord MSCs", "DECREASES", "neuropathic pain", False) in edges
    assert any(t == "DECREASES" and o == "IL-6" for _, t, o, n in edges)
    assert any(t == "DECREASES" and o == "edema" for _, t, o, n in edges)
    assert any(t == "REGULATES" and o == "HbA1c" and n for _, t, o, n in edges)
    # a change verb used without an object takes none from the next clause
    edges = extract("Pain decreased in six patients and CSF levels of IL-10 rose.")
    assert not any(s.lower() == "pain" for s, *_ in edges)


def test_a_reagent_that_blocks_a_microrna_is_named_whole(extract):
    edges = extract("Transfection with a miR-155-5p inhibitor lowered iNOS and raised Arg-1 in BV2 cells.")
    assert ("miR-155-5p inhibitor", "DECREASES", "iNOS", False) in edges
    assert not any(s == "miR-155-5p" for s, *_ in edges)  # the inhibitor does the opposite of the microRNA


def test_the_agent_of_an_act_done_to_cells_with_it(extract):
    edges = extract("Transfection of RSC96 Schwann cells with a miR-21 mimic reduced PTEN protein.")
    assert not any(s == "Schwann cells" for s, *_ in edges)
    edges = extract("Treatment of PC12 cells with ADSC-conditioned medium lowered MDA.")
    assert not any(o == "PC12 cells" for _, _, o, _ in edges)
    edges = extract("Co-administration of BMSCs with morphine attenuated morphine tolerance.")
    assert any(s == "BMSCs" for s, *_ in edges) and not any(s == "morphine" for s, *_ in edges)


def test_a_mention_in_the_time_phrase_of_a_given_agent_is_no_subject(extract):
    edges = extract("Exosomes given intravenously before each paclitaxel dose prevented mechanical allodynia.")
    assert ("Exosomes", "PREVENTS", "mechanical allodynia", False) in edges
    assert not any(s == "paclitaxel" and t == "PREVENTS" for s, t, *_ in edges)


def test_an_engineered_cell_short_form_is_one_mention(extract):
    edges = extract("IL-4-BMSCs lowered spinal TNF-α.")
    assert ("IL-4-BMSCs", "DECREASES", "TNF-α", False) in edges


def test_the_effect_of_an_agent(extract):
    edges = extract("The antinociceptive effect of intrathecal DPSCs on trigeminal neuralgia lasted 3 weeks.")
    assert ("DPSCs", "TREATS", "trigeminal neuralgia", False) in edges
    edges = extract("Silencing Nrf2 abolished the protective effect of BMSC secretome on Schwann cells.")
    assert not any(o == "secretome" for _, _, o, _ in edges)  # the effect is blocked, not the secretome
    assert extract("The analgesic effect of ADSCs in SNL rats was dose-dependent.") == set()  # the model, no object


def test_changes_a_claim_was_made_through_and_an_effect_associated_with_a_change(extract):
    edges = extract("ADSC exosomes relieved allodynia via inhibition of NLRP3.")
    assert ("exosomes", "DECREASES", "NLRP3", False) in edges or ("ADSC exosomes", "DECREASES", "NLRP3", False) in edges
    edges = extract("Thermal hyperalgesia was reversed by BMSCs, an effect that was associated with increased "
                    "expression of BDNF.")
    assert ("BMSCs", "INCREASES", "BDNF", False) in edges


def test_unchanged_in_a_joined_clause_and_by_the_treatment(extract):
    edges = extract("DPSCs lowered VAS scores, yet neither serum IL-6 nor CRP changed significantly.")
    assert ("DPSCs", "REGULATES", "IL-6", True) in edges and ("DPSCs", "REGULATES", "CRP", True) in edges
    edges = extract("UC-MSCs reduced NRS scores, whereas fasting glucose was not affected by the treatment.")
    assert any(s == "UC-MSCs" and t == "REGULATES" and n for s, t, _, n in edges)


def test_a_trial_arm_is_no_body_part(extract):
    edges = extract("The ADSC arm showed greater reductions in NRS than the placebo arm.")
    assert ("ADSC", "DECREASES", "NRS", False) in edges


def test_a_route_in_the_dose_aside_of_a_compared_drug(extract):
    edges = extract("Intrathecal BMSCs produced analgesia comparable to daily pregabalin (30 mg/kg, i.p.) from day 5.")
    assert ("pregabalin", "ADMINISTERED_VIA", "i.p.", False) in edges
    assert ("BMSCs", "ADMINISTERED_VIA", "i.p.", False) not in edges


def test_a_participle_before_the_subject_of_a_new_clause_is_an_adjective(extract):
    edges = extract("ADSCs did not lower mean NRS, but elevated baseline serum IL-6 was associated with a greater "
                    "NRS reduction.")
    assert not any(s == "ADSCs" and o == "IL-6" for s, _, o, _ in edges)


def test_a_dose_stands_for_the_treatment_given(extract):
    edges = extract("Thirty patients received intra-articular injections of UC-MSCs at a low or a high dose. Only the "
                    "high dose reduced WOMAC pain scores.")
    assert any(t == "DECREASES" and o == "WOMAC pain scores" for _, t, o, _ in edges)
    edges = extract("BMSCs attenuated allodynia, whereas fibroblasts injected at the same dose failed to attenuate it.")
    assert not any(s == "BMSCs" and n for s, _, _, n in edges)  # "at the same dose" names no agent


def test_binding_as_the_means_and_a_target_of_a_microrna(extract):
    edges = extract("miR-223 lowered NLRP3 by direct binding.")
    assert ("miR-223", "INTERACTS_WITH", "NLRP3", False) in edges
    edges = extract("TRAF6 was identified as a direct target of miR-146a.")
    assert ("miR-146a", "INTERACTS_WITH", "TRAF6", False) in edges
    edges = extract("NOX2 is a plausible target of MSC therapy.")
    assert not any(t == "INTERACTS_WITH" for _, t, _, _ in edges)  # a therapy's goal binds nothing
    edges = extract("miR-146a reduced NF-κB activation by targeting TRAF6.")
    assert not any(s == "TRAF6" and o == "NF-κB" for s, _, o, _ in edges)  # the gerund is the means, no agent


def test_what_a_located_molecule_goes_on_to_do(extract):
    edges = extract("circHIPK3 was enriched in ADSC-derived exosomes and sponged miR-124.")
    assert ("circHIPK3", "INTERACTS_WITH", "miR-124", False) in edges


def test_treated_cells_named_as_the_place_of_a_result(extract):
    edges = extract("ATP content was restored in paclitaxel-exposed DRG neurons co-cultured with BMSCs.")
    assert ("BMSCs", "INCREASES", "ATP", False) in edges


def test_a_verb_after_a_time_aside_shares_the_subject(extract):
    edges = extract("UC-MSCs differentiated into Schwann-like cells and, after injection into the injured nerve, "
                    "increased BDNF levels.")
    assert ("UC-MSCs", "INCREASES", "BDNF", False) in edges


def test_an_effect_or_a_response_names_no_object(extract):
    assert not any(o == "secretome" for _, _, o, _ in extract(
        "To test whether Nrf2 mediates the antioxidant effect, ADSC secretome was applied to PC12 cells."))
    assert not any(o == "BMSCs" for _, _, o, _ in extract(
        "The MEK inhibitor U0126 had no influence on the analgesic response to BMSCs."))


def test_a_compared_drug_shares_no_presupposed_cause_and_a_modified_source_heads_nothing(extract):
    edges = extract("Injection of BMSC-conditioned medium into rats with CFA-induced arthritis reduced paw edema as "
                    "effectively as dexamethasone.")
    assert ("dexamethasone", "DECREASES", "paw edema", False) in edges
    assert not any(s == "dexamethasone" and t == "CAUSES" for s, t, _, _ in edges)
    edges = extract("Exosomes from TSG-6-knockdown MSCs no longer reduced IL-1β.")
    assert any(s == "Exosomes" and o == "IL-1β" and n for s, _, o, n in edges)
    assert not any(s == "MSCs" and o == "IL-1β" for s, _, o, _ in edges)


def test_refractory_to_a_drug_and_the_development_a_possessive_refers_to(extract):
    edges = extract("Eight patients with postherpetic neuralgia refractory to gabapentin received intrathecal UC-MSCs.")
    assert ("gabapentin", "TREATS", "postherpetic neuralgia", True) in edges
    edges = extract("BMSC exosomes did not reverse established cold allodynia, but they prevented its development "
                    "when given before oxaliplatin.")
    assert any(t == "PREVENTS" and o == "cold allodynia" and not n for _, t, o, n in edges)


def test_each_molecule_listed_after_a_hyphen_head(extract):
    edges = extract("ADSC exosomes suppressed the LPS-induced production of IL-6 and CCL2 in BV2 cells.")
    assert ("LPS", "INCREASES", "IL-6", False) in edges and ("LPS", "INCREASES", "CCL2", False) in edges


def test_a_time_span_between_coordinated_verbs_keeps_the_subject(extract):
    edges = extract("ADSC-EVs raised the withdrawal threshold from day 2 to day 10 post-injection and lowered "
                    "spinal IL-6 levels.")
    assert any(s != "withdrawal threshold" and t == "DECREASES" and o == "IL-6" for s, t, o, _ in edges)
    assert not any(s == "withdrawal threshold" for s, _, _, _ in edges)


def test_a_model_after_a_passive_change_behind_an_apposition_or_a_statistics_aside(extract):
    edges = extract("Catalase, the main scavenger of hydrogen peroxide in neurons, was reduced in the DRG after CCI.")
    assert ("CCI", "DECREASES", "Catalase", False) in edges
    edges = extract("Spinal NOX4 and 4-HNE adducts were increased 3-fold after SNL (p < 0.05 vs. sham).")
    assert ("SNL", "INCREASES", "NOX4", False) in edges and ("SNL", "INCREASES", "4-HNE", False) in edges


def test_each_change_noun_types_its_own_object(extract):
    edges = extract("Vincristine caused a marked decrease in SOD activity and an increase in MDA in the sciatic nerve.")
    assert ("Vincristine", "DECREASES", "SOD", False) in edges
    assert ("Vincristine", "INCREASES", "MDA", False) in edges


def test_class_appositions_plural_with_and_named(extract):
    edges = extract("IL-6 and CCL2, two pro-inflammatory cytokines, activate spinal microglia.")
    assert ("IL-6", "IS_A", "pro-inflammatory cytokines", False) in edges
    assert ("CCL2", "IS_A", "pro-inflammatory cytokines", False) in edges
    assert ("SOD1", "IS_A", "enzyme", False) in extract(
        "SOD1, an inducible enzyme with antioxidant activity, was restored by BMSCs.")
    assert ("Docetaxel", "IS_A", "taxane", False) in extract(
        "Docetaxel, a semisynthetic taxane, causes painful peripheral neuropathy.")


def test_a_dose_detail_in_the_short_form_parenthesis_keeps_the_agent(extract):
    edges = extract.full("A single intravenous dose of adipose-derived MSCs (ADSCs; 1 × 10^6 cells) attenuated cold "
                         "allodynia within 48 h.")
    assert any(r.type.value == "DECREASES" and r.object.text == "cold allodynia" and "MSC" in r.subject.text
               for r in edges)


def test_the_reversal_was_accompanied_by_is_the_agents_change(extract):
    edges = extract("Intrathecal DPSCs reversed mechanical allodynia. The reversal was accompanied by reduced "
                    "p38 phosphorylation, with lower TNF-α in the dorsal horn.")
    assert any(t == "DECREASES" and o == "p38" for _, t, o, _ in edges)
    assert any(t == "DECREASES" and o == "TNF-α" and s != "p38" for s, t, o, _ in edges)
    assert not any(s == "p38" for s, _, _, _ in edges)


def test_but_instead_carries_the_subject_past_a_route_word_in_the_object(extract):
    edges = extract("Grafted DPSCs did not become Schwann cells but instead increased the local secretion of GDNF.")
    assert ("DPSCs", "INCREASES", "GDNF", False) in edges


def test_each_agent_takes_the_route_in_its_own_dose_parenthesis(extract):
    edges = extract("Mice were randomized to saline, ADSC exosomes (50 μg, intravenous) or duloxetine (30 mg/kg, p.o.), "
                    "and thresholds were measured weekly.")
    assert ("duloxetine", "ADMINISTERED_VIA", "p.o.", False) in edges
    assert ("exosomes", "ADMINISTERED_VIA", "intravenous", False) in edges
    assert not any(s == "exosomes" and o == "p.o." for s, _, o, _ in edges)


def test_a_microrna_silences_its_target_and_a_class_in_apposition_lets_its_member_act(extract):
    edges = extract("miR-29b, which is enriched in ADSC exosomes, is thought to silence DNMT3A and thereby activate "
                    "Nrf2 signalling.")
    assert ("miR-29b", "DECREASES", "DNMT3A", False) in edges and ("miR-29b", "INCREASES", "Nrf2", False) in edges
    assert not any(s == "DNMT3A" for s, _, _, _ in edges)
    edges = extract("BMSCs release tumor necrosis factor-stimulated gene 6 (TSG-6), an anti-inflammatory glycoprotein "
                    "that suppresses microglial activation.")
    assert ("TSG-6", "DECREASES", "microglial activation", False) in edges


def test_a_gerund_after_a_passive_by_names_no_agent(extract):
    edges = extract("EVs raised GSH and catalase activity in Schwann cells, effects that were abrogated by silencing Nrf2.")
    assert not any(o == "Nrf2" for _, _, o, _ in edges)


def test_a_change_that_coincided_with_another_is_the_agents(extract):
    edges = extract("ADSC exosomes lowered spinal NOX2 expression. The decrease in NOX2 coincided with lower "
                    "4-HNE levels.")
    assert any(t == "DECREASES" and o == "4-HNE" and s != "NOX2" for s, t, o, _ in edges)
    assert not any(s == "NOX2" or s == "4-HNE" for s, _, _, _ in edges)


def test_no_difference_between_arms_is_a_negated_change_by_the_treatment(extract):
    edges = extract("Plasma MDA and IL-1β did not differ between the ADSC and saline arms at 6 months.")
    assert ("ADSC", "REGULATES", "MDA", True) in edges and ("ADSC", "REGULATES", "IL-1β", True) in edges
    edges = extract("Patients given UC-MSCs reported lower VAS scores than the placebo group, whereas serum CRP did "
                    "not differ between groups.")
    assert ("UC-MSCs", "REGULATES", "CRP", True) in edges
    assert not any(s == "placebo" for s, _, _, _ in edges)


def test_a_verb_joined_by_and_keeps_its_subject_past_the_first_verbs_object(extract):
    edges = extract("Hydrogen peroxide induced apoptosis of cultured Schwann cells and decreased catalase activity.")
    assert ("Hydrogen peroxide", "DECREASES", "catalase", False) in edges
    assert not any(s == "apoptosis" for s, _, _, _ in edges)
    edges = extract("Hypoxic ADSCs secreted more HGF than normoxic cells and reversed thermal hyperalgesia.")
    assert any(t == "DECREASES" and o == "thermal hyperalgesia" and "ADSCs" in s for s, t, o, _ in edges)
    assert not any(s == "HGF" and o == "thermal hyperalgesia" for s, _, o, _ in edges)


def test_a_transitive_verb_after_a_treated_setting_is_the_agents_claim(extract):
    edges = extract("In paclitaxel-treated mice, BMSC-EVs decreased spinal IL-6.")
    assert ("EVs", "DECREASES", "IL-6", False) in edges
    assert not any(s == "paclitaxel" for s, _, _, _ in edges)


def test_the_time_of_a_model_injury_names_no_agent(extract):
    edges = extract("Pretreatment with intravenous umbilical cord MSCs (UC-MSCs) one day before spinal nerve ligation "
                    "(SNL) prevented mechanical allodynia.")
    assert any(t == "PREVENTS" and o == "mechanical allodynia" and "MSCs" in s for s, t, o, _ in edges)
    assert not any(s in ("spinal nerve ligation", "SNL") for s, _, _, _ in edges)
    edges = extract("ADSCs given intraplantarly at the time of carrageenan injection reduced paw IL-6.")
    assert ("ADSCs", "DECREASES", "IL-6", False) in edges
    assert not any(s == "carrageenan" for s, _, _, _ in edges)


def test_the_treated_group_is_the_treatment_named_before(extract):
    relations = extract.full("Adipose MSCs (ADSCs) were injected locally one day after CFA. At two weeks, the "
                             "transplanted group showed a 40% reduction in Iba1-positive microglia. The treated group "
                             "also showed decreased IL-6 in the paw.")
    claims = {(r.evidence.subject_text, r.subject.long_form, r.type.value, r.object.text) for r in relations}
    assert ("transplanted", "Adipose MSCs", "DECREASES", "Iba1-positive microglia") in claims
    assert ("treated", "Adipose MSCs", "DECREASES", "IL-6") in claims


def test_named_classes_with_dashes_modifiers_and_of_phrases(extract):
    edges = extract("Duloxetine, a serotonin–noradrenaline reuptake inhibitor, is widely prescribed for painful "
                    "diabetic neuropathy.")
    assert ("Duloxetine", "IS_A", "serotonin–noradrenaline reuptake inhibitor", False) in edges
    assert ("Duloxetine", "TREATS", "painful diabetic neuropathy", False) in edges
    edges = extract("Curcumin, a polyphenol with poor solubility, was loaded into BMSC exosomes.")
    assert ("Curcumin", "IS_A", "polyphenol", False) in edges
    edges = extract("Curcumin, a polyphenol from Curcuma longa, binds to TRPV1.")
    assert ("Curcumin", "IS_A", "polyphenol", False) in edges
    edges = extract("BMSC-EVs restored PGC-1α and TFAM, two key regulators of mitochondrial biogenesis, in DRG neurons.")
    assert ("TFAM", "IS_A", "regulators of mitochondrial biogenesis", False) in edges
    assert ("PGC-1α", "IS_A", "regulators of mitochondrial biogenesis", False) in edges


def test_both_cell_types_and_the_former_and_the_latter_name_the_two_agents(extract):
    relations = extract.full("Bone marrow MSCs (BM-MSCs) and adipose MSCs (AD-MSCs) were compared in CCI rats. Both "
                             "cell types were injected intrathecally on day 7. The former lowered spinal IL-1β, whereas "
                             "the latter raised IL-10.")
    claims = {(r.subject.long_form or r.subject.text, r.type.value, r.object.text) for r in relations}
    assert ("Bone marrow MSCs", "ADMINISTERED_VIA", "intrathecally") in claims
    assert ("adipose MSCs", "ADMINISTERED_VIA", "intrathecally") in claims
    assert ("Bone marrow MSCs", "DECREASES", "IL-1β") in claims and ("adipose MSCs", "INCREASES", "IL-10") in claims
    assert ("adipose MSCs", "DECREASES", "IL-1β") not in claims


def test_this_cytokine_is_the_cytokine_named_before(extract):
    relations = extract.full("Only BMSCs lowered spinal IL-1β; gabapentin had no effect on this cytokine.")
    assert any(r.subject.text == "gabapentin" and r.type.value == "REGULATES" and r.evidence.epistemics.negated
               and r.object.long_form == "IL-1β" for r in relations)


def test_an_agent_that_reproduces_the_effect_of_the_sentence_before_makes_its_claims(extract):
    edges = extract("Intrathecal UCMSC exosomes decreased NF-κB p65 and NLRP3 in the spinal cord. These effects were "
                    "reproduced by BAY 11-7082.")
    assert ("BAY 11-7082", "DECREASES", "NLRP3", False) in edges
    edges = extract("BMSC-CM reduced NOX2 expression in BV2 microglia, and apocynin, a NOX inhibitor, reproduced this "
                    "effect.")
    assert ("apocynin", "DECREASES", "NOX2", False) in edges


def test_what_makes_a_disease_model_causes_its_condition(extract):
    edges = extract("Diabetes was induced in rats with streptozotocin (STZ, 60 mg/kg, i.p.).")
    assert ("streptozotocin", "CAUSES", "Diabetes", False) in edges
    edges = extract("Monosodium iodoacetate (MIA) was injected into the right knee to induce osteoarthritis.")
    assert ("Monosodium iodoacetate", "CAUSES", "osteoarthritis", False) in edges
    edges = extract("Bone cancer pain was established by intratibial inoculation of Walker 256 carcinoma cells.")
    assert ("Walker 256 carcinoma cells", "CAUSES", "Bone cancer pain", False) in edges


def test_results_after_an_infusion_compared_with_a_control_are_the_infused_treatments(extract):
    edges = extract("Following intravenous infusion of 2 × 10^6 GFP-labelled BMSCs into SNL rats, GFP+ cells were "
                    "detected in the L5 DRG. Mechanical allodynia was attenuated from day 3 onwards (P < 0.05 vs. PBS).")
    assert ("BMSCs", "ADMINISTERED_VIA", "intravenous infusion", False) in edges
    assert ("BMSCs", "DECREASES", "Mechanical allodynia", False) in edges
    assert not any(s == "PBS" for s, _, _, _ in edges)
    edges = extract("BMSCs were injected intrathecally into SNL rats. In vehicle-treated rats, MDA levels were higher.")
    assert not any(o == "MDA" for _, _, o, _ in edges)


def test_the_second_verb_of_a_relative_clause_has_the_antecedent_as_its_subject(extract):
    edges = extract("Loss of Keap1 released Nrf2, which translocated to the nucleus and induced HO-1 and NQO1.")
    assert ("Nrf2", "INCREASES", "HO-1", False) in edges and ("Nrf2", "INCREASES", "NQO1", False) in edges
    assert not any(s == "nucleus" for s, _, _, _ in edges)


def test_percutaneous_and_intratumoral_are_routes(extract):
    edges = extract("Eight patients received a single percutaneous injection of autologous ADSCs at the trigeminal "
                    "ganglion. Intratumoral BMSCs reduced cancer pain.")
    assert ("ADSCs", "ADMINISTERED_VIA", "percutaneous injection", False) in edges \
        or ("ADSCs", "ADMINISTERED_VIA", "percutaneous", False) in edges
    assert ("BMSCs", "ADMINISTERED_VIA", "Intratumoral", False) in edges


def test_an_agent_like_another_and_both_treatments_after_it(extract):
    edges = extract("The SOD mimetic Tempol, like MSC-derived extracellular vesicles (MSC-EVs), reversed cold "
                    "hypersensitivity. Both treatments also decreased TRPA1 expression in DRG neurons.")
    assert ("Tempol", "DECREASES", "cold hypersensitivity", False) in edges
    assert ("extracellular vesicles", "DECREASES", "cold hypersensitivity", False) in edges
    assert not any(s == "MSC" and o == "cold hypersensitivity" for s, _, o, _ in edges)
    both = extract.full("The SOD mimetic Tempol, like MSC-derived extracellular vesicles (MSC-EVs), reversed cold "
                        "hypersensitivity. Both treatments also decreased TRPA1 expression in DRG neurons.")
    agents = [r.subject for r in both if r.subject.text == "treatments" and r.object.text == "TRPA1"]
    assert len({(a.curie, a.long_form) for a in agents}) == 2 and any(a.long_form == "Tempol" for a in agents)
    assert any("extracellular vesicle" in (a.name or "") for a in agents)


def test_a_place_named_after_mainly_or_predominantly(extract):
    edges = extract("Nuclear Nrf2 was localized mainly in NeuN-positive DRG neurons.")
    assert ("Nrf2", "LOCATED_IN", "NeuN-positive DRG neurons", False) in edges


def test_only_one_of_both_treatments_denies_the_claim_for_the_other(extract):
    edges = extract("Rats were assigned to SNI + BMSC-EVs or SNI + pregabalin, and von Frey thresholds and spinal "
                    "malondialdehyde were assessed on day 14. Both treatments raised von Frey thresholds, but only "
                    "BMSC-EVs lowered malondialdehyde.")
    assert ("EVs", "DECREASES", "malondialdehyde", False) in edges
    assert ("treatments", "DECREASES", "malondialdehyde", True) in edges  # pregabalin did not
    assert not any(t == "DERIVED_FROM" and n for _, t, _, n in edges)


def test_trigger_causes_a_process_and_raises_a_molecule(extract):
    edges = extract("Spared nerve injury triggered ferroptosis in dorsal horn neurons, and oxaliplatin triggered ROS "
                    "production.")
    assert ("Spared nerve injury", "CAUSES", "ferroptosis", False) in edges
    assert not any(t == "INCREASES" and o == "ferroptosis" for _, t, o, _ in edges)


def test_treated_animals_that_developed_neither_symptom_were_protected(extract):
    edges = extract("hUC-MSC-treated rats developed neither mechanical allodynia nor thermal hyperalgesia.")
    assert ("hUC-MSC", "PREVENTS", "mechanical allodynia", False) in edges
    assert ("hUC-MSC", "PREVENTS", "thermal hyperalgesia", False) in edges
    assert not any(t == "CAUSES" for _, t, _, _ in edges)


def test_a_state_the_cells_showed_makes_no_claim_between_its_readouts(extract):
    edges = extract("Nrf2-BMSCs displayed higher NQO1 and HO-1 levels and lower intracellular ROS than control cells.")
    assert not any(s in ("NQO1", "HO-1") for s, _, _, _ in edges)


def test_verbs_after_a_verb_that_makes_no_claim_keep_its_subject(extract):
    edges = extract("Human BM-MSCs transferred labelled mitochondria to the neurons, restored mitochondrial membrane "
                    "potential and increased ATP production.")
    assert any(t == "INCREASES" and o == "ATP production" and "MSCs" in s for s, t, o, _ in edges)
    assert not any(s in ("mitochondria", "neurons") for s, _, _, _ in edges)
    edges = extract("Exosomes from hypoxia-preconditioned MSCs carried miR-124-3p, promoted M2 polarization and "
                    "lowered IL-1β release.")
    assert ("Exosomes", "DECREASES", "IL-1β", False) in edges
    assert not any(s == "miR-124-3p" for s, t, _, _ in edges if t != "LOCATED_IN")


def test_a_participle_lacking_something_does_not_negate_the_verb(extract):
    edges = extract("A Keap1 overexpression plasmid lacking the 3′-UTR blunted Nrf2 nuclear accumulation.")
    assert ("Keap1", "DECREASES", "Nrf2", False) in edges
    assert ("Keap1", "DECREASES", "Nrf2", True) not in edges


def test_local_is_a_route_only_for_an_administration(extract):
    edges = extract("Intramuscular transplantation of adipose-derived MSCs improved MNCV. "
                    "The grafts raised local VEGF and bFGF levels.")
    assert not any(t == "ADMINISTERED_VIA" and o.lower() == "local" for _, t, o, _ in edges)
    assert ("grafts", "INCREASES", "VEGF", False) in edges
    edges = extract("Connexin 43 upregulation in satellite glial cells was abrogated by local MSC injection.")
    assert ("MSC", "ADMINISTERED_VIA", "local", False) in edges


def test_listed_subjects_skip_the_sample_they_were_measured_in(extract):
    edges = extract("Serum CRP and synovial fluid TNF-α decreased after exosome injection.")
    assert ("exosome", "DECREASES", "CRP", False) in edges
    assert ("exosome", "DECREASES", "TNF-α", False) in edges


def test_a_listed_product_acts_not_its_source(extract):
    edges = extract("In paclitaxel-treated mice, exosomes secreted by adipose-derived stem cells (ADSC-Exos) and "
                    "duloxetine reduced mechanical hypersensitivity to a similar degree.")
    assert ("exosomes", "DECREASES", "mechanical hypersensitivity", False) in edges
    assert ("duloxetine", "DECREASES", "mechanical hypersensitivity", False) in edges
    assert ("adipose-derived stem cells", "DECREASES", "mechanical hypersensitivity", False) not in edges


def test_a_place_before_a_measured_head_is_no_object(extract):
    edges = extract("ADSC-Exos also lowered DRG expression of ATF3.")
    assert ("Exos", "DECREASES", "ATF3", False) in edges


def test_a_regimen_and_a_pair_of_preparations_refer_back(extract):
    edges = extract("Mice were given intravenous hUC-MSCs 24 h before the first dose of vincristine. "
                    "This regimen prevented the development of mechanical allodynia.")
    assert ("regimen", "PREVENTS", "mechanical allodynia", False) in edges
    rels = extract.full("Rats received BMSC exosomes or ADSC exosomes. Both preparations decreased caspase-3. "
                        "Neither preparation altered the expression of Bax.")
    lowered = {r.subject.curie for r in rels if r.type.value == "DECREASES" and r.object.text == "caspase-3"}
    assert lowered == {"kg:GO_0070062_from_CL_0002540", "kg:GO_0070062_from_CL_0002570"}
    unaltered = {r.subject.curie for r in rels if r.type.value == "REGULATES" and r.object.text == "Bax"
                 and r.evidence.epistemics.negated}
    assert unaltered == lowered


def test_a_change_after_the_second_infusion_is_the_infused_treatment(extract):
    rels = extract.full("Patients with CRPS received intravenous infusions of BM-MSCs. "
                        "Circulating TNF-α and IL-6 declined after the second infusion.")
    lowered = {(r.subject.curie, r.object.text) for r in rels if r.type.value == "DECREASES"}
    assert lowered == {("CL:0002540", "TNF-α"), ("CL:0002540", "IL-6")}


def test_a_single_patient_and_treatments_given_for_a_disease(extract):
    edges = extract("A 42-year-old woman with complex regional pain syndrome (CRPS), refractory to conventional "
                    "therapy, received intravenous infusions of BM-MSCs.")
    assert ("BM-MSCs", "TREATS", "complex regional pain syndrome", False) in edges
    edges = extract("Eleven patients with trigeminal neuralgia (TN) were given a single percutaneous injection of "
                    "autologous bone marrow MSCs.")
    assert ("bone marrow MSCs", "TREATS", "trigeminal neuralgia", False) in edges
    edges = extract("This meta-analysis pooled 14 trials of intra-articular MSC injections for knee osteoarthritis.")
    assert ("MSC", "TREATS", "knee osteoarthritis", False) in edges


def test_both_or_neither_marker_stands_for_the_two_things_acted_on_before(extract):
    rels = extract.full("However, only BMSCs lowered spinal TNF-α and Iba-1 expression; gabapentin changed neither marker.")
    denied = {(r.object.curie, r.evidence.epistemics.negated) for r in rels
              if r.subject.text == "gabapentin" and r.type.value == "REGULATES"}
    assert denied == {("NCBIGene:7124", True), ("NCBIGene:199", True)}
    rels = extract.full("Placenta-derived MSCs raised the mechanical withdrawal threshold from day 7 and reduced IL-6 "
                        "from day 14, whereas fibroblasts did not alter either measure.")
    assert {r.object.long_form for r in rels if r.subject.text == "fibroblasts" and r.evidence.epistemics.negated} \
        == {"mechanical withdrawal threshold", "IL-6"}


def test_a_product_named_again_by_its_short_form_is_one_of_the_pair(extract):
    rels = extract.full("Prior reports indicate that intranasal delivery of MSC-derived small extracellular vesicles (sEVs) "
                        "reduces thermal hyperalgesia as effectively as pregabalin (30 mg/kg) in diabetic mice, although, "
                        "unlike pregabalin, sEVs also lower malondialdehyde (MDA) in the DRG. Neither treatment "
                        "restored intraepidermal nerve fibre density.")
    denied_by = {r.subject.curie: r.subject.long_form for r in rels
                 if r.object.text == "intraepidermal nerve fibre density" and r.evidence.epistemics.negated}
    assert len(denied_by) == 2 and "kg:GO_1903561_from_CL_0000134" in denied_by
    assert "pregabalin" in denied_by.values()


def test_changes_given_as_evidence_are_the_agents_not_the_objects(extract):
    edges = extract("After SCI, exosomes from human umbilical cord MSCs suppressed NLRP3 inflammasome activation in "
                    "microglia, as evidenced by lower levels of cleaved caspase-1 and mature IL-18.")
    assert ("exosomes", "DECREASES", "cleaved caspase-1", False) in edges
    assert ("exosomes", "DECREASES", "IL-18", False) in edges
    assert not any(s == "NLRP3 inflammasome" for s, *_ in edges)


def test_a_verb_coordinated_in_turn_keeps_the_relative_clauses_subject(extract):
    edges = extract("Exosomes from SHED were enriched in miR-21-5p, which silenced PTEN and in turn enhanced "
                    "Akt phosphorylation in DRG neurons.")
    assert ("miR-21-5p", "INCREASES", "Akt", False) in edges
    assert ("PTEN", "INCREASES", "Akt", False) not in edges


def test_a_participle_clause_takes_the_subject_past_its_short_form(extract):
    edges = extract("Conversely, the HO-1 inducer cobalt protoporphyrin (CoPP) mimicked ADSC treatment, "
                    "increasing HO-1 and reducing MDA.")
    assert ("cobalt protoporphyrin", "DECREASES", "MDA", False) in edges
    assert not any(s == "ADSC" for s, *_ in edges)


def test_normalizing_both_parameters_undoes_the_rise_named_before(extract):
    rels = extract.full("High glucose heightened mitochondrial ROS and cleaved caspase-3 in cultured Schwann cells. "
                        "Transwell co-culture with ADSCs normalized both parameters.")
    assert {(r.type.value, r.object.long_form) for r in rels if r.subject.text == "ADSCs"} == {
        ("DECREASES", "mitochondrial ROS"), ("DECREASES", "cleaved caspase-3")}


def test_a_dose_in_parentheses_gives_its_route_to_the_drug_before_it(extract):
    edges = extract("Combining intravenous BMSCs with gabapentin (50 mg/kg, i.p.) produced a greater anti-allodynic effect.")
    assert ("gabapentin", "ADMINISTERED_VIA", "i.p.", False) in edges
    assert ("BMSCs", "ADMINISTERED_VIA", "i.p.", False) not in edges
    assert ("BMSCs", "ADMINISTERED_VIA", "intravenous", False) in edges


def test_a_drug_class_in_apposition_is_a_class_not_a_second_agent(extract):
    edges = extract("Patients received intradiscal triamcinolone acetonide, a corticosteroid. Dexamethasone, a "
                    "synthetic corticosteroid given on the same schedule, failed to prevent allodynia.")
    assert ("triamcinolone acetonide", "IS_A", "corticosteroid", False) in edges
    assert ("Dexamethasone", "IS_A", "corticosteroid", False) in edges
    assert ("corticosteroid", "ADMINISTERED_VIA", "intradiscal", False) not in edges
    routes = {o for _, t, o, _ in extract("Patients received paravertebral injections of UC-MSC-CM.") if t == "ADMINISTERED_VIA"}
    assert routes == {"paravertebral injections"}


def test_an_induced_condition_of_a_place_or_cell_is_the_condition(extract):
    edges = extract("In rats with complete Freund's adjuvant (CFA)-induced paw inflammation, intraplantar hUC-MSCs "
                    "reduced paw oedema. Oxaliplatin-induced DRG neuron apoptosis was reduced by MSCs.")
    # the sign is named with its body part ("paw inflammation"), as the gold sets name it; the paw alone is no condition
    assert ("complete Freund's adjuvant", "CAUSES", "paw inflammation", False) in edges
    assert not any(o == "paw" for _, _, o, _ in edges)
    assert ("Oxaliplatin", "CAUSES", "apoptosis", False) in edges
    assert not any(s == "Oxaliplatin" and o.startswith("DRG") for s, _, o, _ in edges)


def test_a_time_phrase_after_a_given_agent_is_not_the_subject(extract):
    edges = extract("BMSCs (5 × 10^5 cells) given by intraplantar injection 1 day after CFA increased "
                    "Hargreaves withdrawal latency from day 3 onward.")
    assert ("BMSCs", "INCREASES", "withdrawal latency", False) in edges
    assert not any(s == "CFA" for s, *_ in edges)


def test_they_after_two_introductory_clauses_is_the_treatment_before(extract):
    rels = extract.full("Pretreatment with intravenous BMSCs prevented mechanical allodynia. When the same cells were "
                        "given on day 21, after allodynia had been established, they raised von Frey thresholds.")
    raised = [r for r in rels if r.object.text == "von Frey thresholds"]
    assert [(r.subject.curie, r.type.value) for r in raised] == [("CL:0002540", "INCREASES")]


def test_what_was_done_to_the_animals_is_no_object(extract):
    edges = extract("DPSC-Exos produced robust conditioned place preference in oxaliplatin-treated rats. "
                    "Exosomes reduced IL-6 in LPS-stimulated BV2 cells.")
    assert not any(o in ("oxaliplatin", "LPS") for _, _, o, _ in edges)
    assert ("Exosomes", "DECREASES", "IL-6", False) in edges


def test_normalized_after_another_agents_change_moves_back(extract):
    edges = extract("Paclitaxel increased TRPV1 and TRPA1 expression in DRG neurons. Intravenous ADSCs normalized "
                    "TRPV1 expression but had no effect on TRPA1. Cisplatin reduced print area. DPSCs normalized "
                    "print area.")
    assert ("ADSCs", "DECREASES", "TRPV1", False) in edges
    assert ("ADSCs", "REGULATES", "TRPA1", True) in edges
    assert ("DPSCs", "INCREASES", "print area", False) in edges


def test_improving_a_symptom_lowers_it(extract):
    edges = extract("Cisplatin induced thermal hypoalgesia and cold allodynia. Duloxetine did not improve thermal "
                    "hypoalgesia, whereas hPMSCs improved thermal hypoalgesia and nerve conduction velocity.")
    assert ("Duloxetine", "DECREASES", "thermal hypoalgesia", True) in edges
    assert ("hPMSCs", "DECREASES", "thermal hypoalgesia", False) in edges
    assert ("hPMSCs", "INCREASES", "nerve conduction velocity", False) in edges


def test_a_verb_after_and_with_its_auxiliary_keeps_its_own_object(extract):
    edges = extract("UC-MSCs did not cause any serious adverse events and did not change HbA1c.")
    assert ("UC-MSCs", "REGULATES", "HbA1c", True) in edges
    assert not any(t == "INCREASES" for _, t, _, _ in edges)


def test_a_reporting_clause_after_and_is_not_a_listed_object(extract):
    edges = extract("In PC12 cells, the exosomes reduced apoptosis and cleaved caspase-3, and luciferase reporter "
                    "assays confirmed that miR-21-5p targets PTEN.")
    assert not any(o == "luciferase" for _, _, o, _ in edges)
    assert ("miR-21-5p", "INTERACTS_WITH", "PTEN", False) in edges


def test_the_head_of_an_apposition_is_what_was_detected(extract):
    edges = extract("TNF-stimulated gene 6 (TSG-6), an anti-inflammatory glycoprotein secreted by BMSCs, was "
                    "detected in the cerebrospinal fluid after intrathecal BMSC injection.")
    assert ("BMSCs", "LOCATED_IN", "cerebrospinal fluid", False) not in edges
    assert any(t == "LOCATED_IN" and s.startswith("TNF-stimulated") for s, t, _, _ in edges)


def test_the_unmodified_arm_of_a_list_is_listed(extract):
    edges = extract("H2O2-preconditioned ADSCs (H-ADSCs) and naive ADSCs were injected perineurally after crush.")
    assert {s for s, t, _, _ in edges if t == "ADMINISTERED_VIA"} == {"H2O2-preconditioned ADSCs", "ADSCs"}


def test_a_groups_second_comparative_past_an_aside_is_the_groups(extract):
    edges = extract("At day 14, the ADSC group showed fewer spontaneous lifts than the vehicle group (3.1 ± 0.6 vs. "
                    "7.4 ± 1.1 per 2 min, p < 0.01) and lower spinal GFAP expression.")
    assert ("ADSC", "DECREASES", "GFAP", False) in edges
    assert not any(s == "spontaneous lifts" for s, *_ in edges)


def test_it_after_a_units_full_stop_is_the_object_before(extract):
    edges = extract("Intrathecal BMSCs raised the PWT to 10.2 ± 0.9 g at day 21, and BMSC-derived exosomes "
                    "(BMSC-Exos; 20 μg) raised it to 9.7 ± 1.1 g. Gabapentin reversed allodynia.")
    assert ("exosomes", "INCREASES", "PWT", False) in edges
    assert not any(o == "Gabapentin" for _, _, o, _ in edges)


def test_what_a_preparation_lacks_is_no_claim_of_it(extract):
    edges = extract("Exosomes depleted of miR-200a failed to decrease Keap1 expression.")
    assert ("Exosomes", "DECREASES", "miR-200a", False) not in edges
    assert ("Exosomes", "DECREASES", "Keap1", True) in edges


def test_cargo_after_a_defined_short_form_is_in_that_product(extract):
    edges = extract("Exosomes derived from human umbilical cord MSCs (hucMSC-Exo) carrying miR-26a-5p were examined.")
    assert ("miR-26a-5p", "LOCATED_IN", "Exo", False) in edges


def test_markers_cells_express_are_in_them(extract):
    edges = extract("ADSCs differentiated into Schwann cell-like cells that expressed GFAP and p75NTR. Human "
                    "gingiva-derived MSCs (GMSCs) expressed CD73 but not CD34. Macrophages expressed less iNOS, and "
                    "BMSCs engineered to express GDNF reduced pain.")
    assert {("GFAP", "LOCATED_IN", "Schwann cell-like cells", False), ("p75NTR", "LOCATED_IN", "Schwann cell-like cells", False),
            ("CD73", "LOCATED_IN", "gingiva-derived MSCs", False), ("CD34", "LOCATED_IN", "gingiva-derived MSCs", True)} <= edges
    assert not any(t == "LOCATED_IN" and s in ("iNOS", "GDNF") for s, t, _, _ in edges)


def test_sodium_channels_are_genes_and_a_place_before_them_is_no_object(extract):
    # the tagger alone misses "Nav1.7" in this sentence; the lexicon names the channels
    edges = extract("In oxaliplatin-treated rats, intrathecal ADSC exosomes did not alter DRG Nav1.7 or Nav1.8 "
                    "expression, indicating that their analgesic effect was not due to sodium channel downregulation.")
    assert {("exosomes", "REGULATES", "Nav1.7", True), ("exosomes", "REGULATES", "Nav1.8", True)} <= edges
    assert not any(o == "DRG" for _, t, o, _ in edges if t != "DERIVED_FROM")


def test_nouns_and_infinitives_that_look_like_triggers_make_no_claim(extract):
    assert not extract("Local macrophages are increasingly viewed as therapeutic targets in inflammatory pain.")
    edges = extract("Trigeminal neuropathic pain is difficult to manage and is accompanied by neuroinflammation.")
    assert {t for _, t, _, _ in edges} == {"ASSOCIATED_WITH"}
    # the verb acts on nothing named; "in parallel with" states an association only
    edges = extract("Pain behavior improved in parallel with NLRP3 inhibition.")
    assert not any(o == "NLRP3" and t != "ASSOCIATED_WITH" for _, t, o, _ in edges)


def test_research_on_a_treatment_is_no_change_of_it_and_nothing_acts_on_itself(extract):
    edges = extract("At 6 months, UC-MSCs had reduced serum interleukin-6 (IL-6). No serious adverse events were "
                    "attributed to the cells, supporting controlled trials of UC-MSCs for PDPN.")
    assert ("UC-MSCs", "DECREASES", "interleukin-6", False) in edges
    assert not any(o == "UC-MSCs" for _, _, o, _ in edges)
    edges = extract("HP-BMSCs expressed higher levels of HIF-1α than normoxic cells. Silencing HIF-1α abrogated the "
                    "superiority of HP-BMSCs.")
    assert not any(o == "HP-BMSCs" and t == "DECREASES" for _, t, o, _ in edges)


def test_a_comparative_adverb_keeps_the_coordinated_verb_with_its_subject(extract):
    edges = extract("Compared with free vesicles, the hydrogel-embedded MSC-sEVs prolonged the rise in paw withdrawal "
                    "threshold from 7 to 21 days and more effectively suppressed macrophage infiltration into the nerve.")
    assert ("sEVs", "DECREASES", "macrophage infiltration", False) in edges
    assert not any(s == "paw withdrawal threshold" for s, _, _, _ in edges)


def test_a_tight_phrase_after_a_relative_pronoun_belongs_to_its_antecedent(extract):
    edges = extract("DPSC transplantation lowered the spinal level of NADPH oxidase 2 (NOX2), which was located "
                    "predominantly in Iba1-positive microglia.")
    assert ("NADPH oxidase 2", "LOCATED_IN", "Iba1-positive microglia", False) in edges



def test_a_verb_the_parse_joins_to_an_earlier_verb_takes_no_subject_from_that_verbs_object(extract):
    edges = extract("BMSC-Exos decreased TLR4 expression and the nuclear translocation of NF-κB p65 in spinal tissue, "
                    "reduced the proportion of M1 macrophages and increased that of M2 macrophages.")
    assert ("Exos", "DECREASES", "M1 macrophages", False) in edges
    assert ("Exos", "INCREASES", "M2 macrophages", False) in edges
    assert not any(s == "NF-κB p65" for s, *_ in edges)
    # an agent we do not name leaves the second verb without a subject
    assert not any(s == "microvessel density" for s, *_ in extract(
        "A VEGF-neutralizing antibody abolished the increase in microvessel density and partly reduced the "
        "sciatic functional index."))
    edges = extract("In contrast, MSC-Exos had no effect on mitochondrial DNA copy number and did not reduce "
                    "high-glucose-induced caspase-3 activation.")
    assert ("Exos", "DECREASES", "caspase-3", True) in edges
    assert not any(s == "DNA" for s, *_ in edges)
    # a clause of its own keeps its subject
    assert ("MCC950", "DECREASES", "mechanical allodynia", False) in extract(
        "NLRP3 was expressed predominantly in spinal microglia, and MCC950, a selective inflammasome inhibitor, "
        "reversed mechanical allodynia in SNI mice.")


def test_a_treatment_named_before_for_is_given_for_the_disease_after_it(extract):
    assert ("MSCs", "TREATS", "knee osteoarthritis", False) in extract(
        "A meta-analysis of 14 randomized controlled trials of MSCs for knee osteoarthritis found that MSCs "
        "reduced VAS pain.")
    assert ("adipose-derived mesenchymal stem cells", "TREATS", "knee osteoarthritis", False) in extract(
        "This randomized trial evaluated adipose-derived mesenchymal stem cells (AD-MSCs) for knee osteoarthritis (KOA).")
    assert ("MSC therapy", "TREATS", "chronic low back pain", False) in extract(
        "Pooling nine trials of MSC therapy for chronic low back pain, we found that MSC therapy lowered ODI scores.")
    # "for" after a treatment that is not followed by a disease names no treatment
    edges = extract("BMSCs were cultured for 3 days and screened for mycoplasma before injection into CCI rats.")
    assert not any(t == "TREATS" for _, t, _, _ in edges)


def test_an_object_list_ends_where_a_new_clause_has_its_own_verb(extract):
    edges = extract("Intrathecal BMSCs prevented paclitaxel-induced mechanical allodynia, and this protection "
                    "required IL-10 secreted by BMSCs.")
    assert ("BMSCs", "PREVENTS", "mechanical allodynia", False) in edges
    assert not any(o == "IL-10" and t in ("DECREASES", "PREVENTS") for _, t, o, _ in edges)


def test_a_class_named_for_both_members_listed_before_it(extract):
    edges = extract("Pregabalin and gabapentin, both gabapentinoids, cause dose-limiting dizziness in many patients "
                    "with painful diabetic neuropathy.")
    assert {("Pregabalin", "IS_A", "gabapentinoids", False), ("gabapentin", "IS_A", "gabapentinoids", False),
            ("Pregabalin", "CAUSES", "dizziness", False), ("gabapentin", "CAUSES", "dizziness", False)} <= edges
    assert not any(s == "gabapentinoids" and t == "CAUSES" for s, t, _, _ in edges)


def test_the_imaging_a_readout_was_measured_on_takes_no_part_in_a_claim(extract):
    assert ("BM-MSCs", "REGULATES", "Disc height", True) in extract("Disc height on MRI was not altered by BM-MSCs.")
    for text in ("Disc herniation size on follow-up MRI was not affected by WJ-MSCs.",
                 "Pain relief was associated with smaller high-intensity zones on follow-up MRI."):
        assert not any("MRI" in (s, o) for s, _, o, _ in extract(text))
    # a procedure "by" names is an agent
    assert ("MSC therapy", "INCREASES", "SOD2", False) in extract("Spinal SOD2 was increased by MSC therapy.")


def test_an_association_between_two_changes_is_one_between_the_things_that_changed(extract):
    assert ("MDA", "ASSOCIATED_WITH", "NRS scores", False) in extract(
        "The decline in MDA correlated with the reduction in NRS scores (r = 0.61, p = 0.002).")
    # "serum" names where MDA was measured, not what changed
    assert ("VAS", "ASSOCIATED_WITH", "MDA", False) in extract("The decline in VAS correlated with the fall in serum MDA.")
    edges = extract("Serum TNF-α and IL-6 fell in parallel with pain scores, suggesting an anti-inflammatory mechanism.")
    assert {("TNF-α", "ASSOCIATED_WITH", "pain scores", False), ("IL-6", "ASSOCIATED_WITH", "pain scores", False)} <= edges


def test_a_route_governs_the_cells_a_source_names_before_them(extract):
    edges = extract("Patients received intradiscal bone marrow-derived mesenchymal precursor cells (MPCs) suspended in "
                    "hyaluronic acid.")
    assert ("mesenchymal precursor cells", "ADMINISTERED_VIA", "intradiscal", False) in edges
    assert ("mesenchymal precursor cells", "DERIVED_FROM", "bone marrow", False) in edges


def test_no_evidence_that_a_claim_holds_negates_it(extract):
    edges = extract("MRI at 2 years showed no evidence that BM-MSCs caused tumour formation.")
    assert ("BM-MSCs", "CAUSES", "tumour formation", True) in edges
    assert ("BM-MSCs", "CAUSES", "tumour formation", False) not in edges
    # the frame ends with its clause
    edges = extract("There was no evidence that MSCs induced tumours, but MSCs reduced pain scores.")
    assert ("MSCs", "CAUSES", "tumours", True) in edges and ("MSCs", "DECREASES", "pain scores", False) in edges


def test_by_and_a_number_is_the_size_of_a_change_not_its_agent(extract):
    edges = extract("Blocking nanotube formation with cytochalasin B decreased mitochondrial transfer by 80% and "
                    "reduced ATP levels in the co-cultured neurons.")
    assert not any(s == "ATP" for s, *_ in edges)
    assert ("BMSCs", "DECREASES", "MDA", False) in extract("MDA was reduced by BMSCs by 40%.")


def test_a_placing_verb_joined_to_a_homing_verb_shares_its_cells(extract):
    edges = extract("BMSCs injected intravenously into CCI rats homed to the injured sciatic nerve and the ipsilateral "
                    "DRG within 3 days, but were not detected in the spinal cord.")
    assert ("BMSCs", "LOCATED_IN", "DRG", False) in edges
    assert ("BMSCs", "LOCATED_IN", "spinal cord", True) in edges


def test_a_condition_that_times_a_treatment_is_not_its_agent(extract):
    edges = extract("Exosomal miR-21 bound PTEN mRNA in cultured neurons, and exosome treatment after SCI decreased "
                    "the number of TUNEL-positive cells by 46%.")
    assert ("exosome", "DECREASES", "TUNEL-positive cells", False) in edges
    assert not any(s == "SCI" for s, *_ in edges)


def test_an_aside_in_parentheses_adds_no_distance_to_the_wrapped_agent(extract):
    edges = extract("Intrathecal injection of exosomes derived from human umbilical cord MSCs (hUCMSC-Exos) into "
                    "paclitaxel-treated rats restored spinal GPX4 and SLC7A11 expression and lowered ACSL4.")
    assert ("exosomes", "INCREASES", "GPX4", False) in edges
    assert ("exosomes", "INCREASES", "SLC7A11", False) in edges
    assert ("exosomes", "DECREASES", "ACSL4", False) in edges
    assert not any(s in ("rats", "paclitaxel") for s, *_ in edges)


def test_cells_a_first_verb_acted_in_do_not_act_in_the_verb_joined_to_it(extract):
    edges = extract("BMSC-CM neither blocked AITC-evoked calcium influx in cultured DRG neurons nor reduced TRPA1 "
                    "expression.")
    assert ("CM", "DECREASES", "TRPA1", True) in edges
    edges = extract("These vesicles instead increased SLC7A11 in oxaliplatin-treated DRG neurons without changing GPX4 "
                    "mRNA.")
    assert ("vesicles", "REGULATES", "GPX4", True) in edges
    assert not any(s == "DRG neurons" for s, *_ in edges)


def test_implicated_in_states_an_association_and_used_for_a_treatment(extract):
    edges = extract("Purinergic P2X4 and P2X7 receptors have been implicated in diabetic neuropathic pain.")
    assert ("P2X4", "ASSOCIATED_WITH", "diabetic neuropathic pain", False) in edges
    assert not any(t == "CAUSES" for _, t, _, _ in edges)
    edges = extract("Ferroptosis, an iron-dependent form of regulated cell death, has been implicated in spinal cord "
                    "injury.")
    assert ("Ferroptosis", "ASSOCIATED_WITH", "spinal cord injury", False) in edges
    assert ("Pregabalin", "TREATS", "neuropathic pain", False) in extract(
        "Pregabalin is widely used for neuropathic pain but often causes sedation.")


def test_a_copula_before_a_verb_names_no_class(extract):
    edges = extract("Mitophagy, a selective form of autophagy, is thought to limit mitochondrial ROS in sensory neurons.")
    assert ("Mitophagy", "IS_A", "autophagy", False) in edges
    assert not any(t == "IS_A" and o == "mitochondrial ROS" for _, t, o, _ in edges)
    edges = extract("Ferroptosis, which is driven by lipid peroxidation, is increasingly recognized after spinal cord "
                    "injury.")
    assert not any(t == "IS_A" for _, t, _, _ in edges)


def test_a_change_word_inside_a_name_does_not_turn_the_claim(extract):
    edges = extract("Compared with vehicle, PD-MSCs increased reduced glutathione (GSH) and catalase activity in the "
                    "sciatic nerve.")
    assert ("PD-MSCs", "INCREASES", "catalase", False) in edges
    assert not any(t == "DECREASES" for _, t, _, _ in edges)


def test_members_listed_before_both_secreted_by_come_from_the_source_and_act(extract):
    edges = extract("STC1 and HGF, both secreted by MSCs, have been reported to activate Nrf2.")
    assert {("STC1", "DERIVED_FROM", "MSCs", False), ("HGF", "DERIVED_FROM", "MSCs", False),
            ("STC1", "INCREASES", "Nrf2", False), ("HGF", "INCREASES", "Nrf2", False)} <= edges
    assert not any(s == "MSCs" for s, *_ in edges)


def test_only_one_agent_leaves_out_the_cause_a_disease_name_presupposes(extract):
    edges = extract("Both treatments reduced mitochondrial superoxide in spinal neurons of rats with oxaliplatin-induced "
                    "neuropathy, but only sEVs decreased IL-1β in microglia.")
    assert ("sEVs", "DECREASES", "IL-1β", False) in edges
    assert not any(s == "oxaliplatin" and o == "IL-1β" for s, _, o, _ in edges)


def test_a_class_word_before_a_name_names_the_kind_and_the_name_is_the_cargo(extract):
    edges = extract("In CCI rats, exosomes from BMSCs were enriched in the lncRNA MALAT1, which sponged miR-155-5p and "
                    "de-repressed spinal Nrf2.")
    assert ("MALAT1", "LOCATED_IN", "exosomes", False) in edges
    assert ("MALAT1", "IS_A", "lncRNA", False) in edges
    assert ("MALAT1", "INCREASES", "Nrf2", False) in edges
    assert not any(s == "lncRNA" for s, *_ in edges)
    assert ("catalase", "DECREASES", "hydrogen peroxide", False) in extract(
        "Engrafted DPSCs also expressed high levels of catalase, which may degrade hydrogen peroxide.")


def test_an_apposition_before_a_copula_gives_the_defined_short_form(extract):
    edges = extract("Tumor necrosis factor-stimulated gene-6 (TSG-6), an anti-inflammatory glycoprotein, is abundantly "
                    "secreted by MSCs.")
    assert ("TSG-6", "DERIVED_FROM", "MSCs", False) in edges
    assert not any(s == "glycoprotein" for s, *_ in edges)


def test_a_receptor_adaptor_or_toxin_named_before_or_beside_a_name_is_its_class(extract):
    edges = extract("Reactive oxygen species activate the irritant receptor TRPA1. Miro1, a mitochondrial Rho GTPase, "
                    "binds the motor adaptor TRAK1. Rotenone, a mitochondrial toxin, decreased ATP.")
    assert {("TRPA1", "IS_A", "irritant receptor", False), ("TRAK1", "IS_A", "motor adaptor", False),
            ("Rotenone", "IS_A", "mitochondrial toxin", False), ("Miro1", "INTERACTS_WITH", "TRAK1", False),
            ("Reactive oxygen species", "INCREASES", "TRPA1", False)} <= edges
