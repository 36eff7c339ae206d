"""Relation evaluation: BioRED pair scoring on a handmade example (hand-computed P/R/F1), the
type mapping, the gold-file scorer, and the BioRED reader on the shared corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.eval.relations import (
    GoldEdge,
    PairScorer,
    bare_id,
    evaluate_gold_file,
    predicted_pairs,
    read_gold_file,
    score_gold,
)
from kg.relations.biored import mention_ids
from kg.types import Epistemics, Evidence, Mention, Relation
from kg.vocab import Category, RelationType

SHARED = Path(os.environ.get("KG_SHARED_DIR") or Path(__file__).resolve().parents[2].parent / "shared")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "relations"


def mention(text: str, curie: str | None, category: Category = Category.CHEMICAL, name: str | None = None,
            long_form: str | None = None) -> Mention:
    return Mention(doc_id="d", start=0, end=len(text), text=text, category=category, curie=curie, name=name,
                   long_form=long_form)


def relation(subject: Mention, rtype: RelationType, obj: Mention, score: float = 0.5, negated: bool = False) -> Relation:
    return Relation(subject=subject, object=obj, type=rtype, evidence=Evidence(
        doc_id="d", sentence="s", sentence_index=0, subject_text=subject.text, object_text=obj.text,
        subject_span=(0, 1), object_span=(0, 1), extractor="test", score=score,
        epistemics=Epistemics(negated=negated)))


def test_pair_scores_by_hand():
    gold = {frozenset("AB"): "Positive_Correlation", frozenset("AC"): "Association",
            frozenset("BD"): "Negative_Correlation"}
    predicted = {frozenset("AB"): "Positive_Correlation", frozenset("AC"): "Negative_Correlation",
                 frozenset("CD"): "Association"}
    scorer = PairScorer()
    scorer.add(gold, predicted)
    # pairs: AB, AC right; CD wrong; BD missed -> P = R = 2/3
    assert scorer.pair.as_dict().items() >= {"precision": 66.67, "recall": 66.67, "f1": 66.67, "tp": 2, "fp": 1, "fn": 1}.items()
    # pair+type: only AB -> P = R = 1/3
    assert (scorer.pair_type.tp, scorer.pair_type.fp, scorer.pair_type.fn) == (1, 2, 2)
    assert scorer.pair_type.f1 == pytest.approx(100 / 3)
    # a second document accumulates (micro average): one gold pair, not found
    scorer.add({frozenset("XY"): "Bind"}, {})
    assert scorer.pair.recall == pytest.approx(50.0) and scorer.pair.precision == pytest.approx(200 / 3)
    assert scorer.as_dict()["pair"]["f1"] == pytest.approx(57.14, abs=0.01)


def test_predicted_pairs_map_types_ids_and_keep_the_best_score():
    drug, disease = mention("cisplatin", "MESH:D002945"), mention("nephrotoxicity", "MESH:D007674")
    gene = mention("MODY", "3172,3651", Category.GENE)
    rels = [
        relation(drug, RelationType.CAUSES, disease, 0.4),
        relation(disease, RelationType.ASSOCIATED_WITH, drug, 0.9),  # same pair, better score: wins
        relation(drug, RelationType.DECREASES, gene, 0.5),  # composite ids: two pairs
        relation(drug, RelationType.LOCATED_IN, gene, 0.99),  # no BioRED counterpart: ignored
    ]
    ids = lambda m: [bare_id(m.curie)] if m.curie.startswith("MESH:") else mention_ids(m)  # noqa: E731
    assert predicted_pairs(rels, ids) == {
        frozenset(("D002945", "D007674")): "Association",
        frozenset(("D002945", "3172")): "Negative_Correlation",
        frozenset(("D002945", "3651")): "Negative_Correlation",
    }
    assert bare_id("NCBIGene:3175") == "3175" and bare_id("OMIM:604370") == "OMIM:604370"


def test_gold_file_scorer_by_hand():
    items = [
        ("BMSCs did not reduce thermal hyperalgesia, but reduced TNF-α.",
         [GoldEdge("BMSCs", RelationType.DECREASES, "thermal hyperalgesia", True),
          GoldEdge("BMSCs", RelationType.DECREASES, "tnf-α", False)]),
        ("Oxaliplatin induced oxidative stress.", [GoldEdge("oxaliplatin", RelationType.CAUSES, "oxidative stress", False)]),
    ]
    bmsc = mention("BMSCs", "CL:0002540", Category.CELL, name="bone marrow mesenchymal stem cell",
                   long_form="bone marrow mesenchymal stem cells")
    hyper = mention("thermal hyperalgesia", "HP:0012", Category.PHENOTYPE)
    tnf = mention("TNF-α", "NCBIGene:7124", Category.GENE)
    oxa, ox = mention("Oxaliplatin", "CHEBI:1"), mention("oxidative stress", None, Category.PROCESS)
    predicted = [
        [relation(bmsc, RelationType.DECREASES, hyper, negated=False),  # negation lost: wrong, and counted
         relation(bmsc, RelationType.DECREASES, tnf),
         relation(bmsc, RelationType.DECREASES, tnf)],  # duplicate evidence counts once
        [relation(oxa, RelationType.CAUSES, ox)],
    ]
    result = score_gold(items, predicted)
    # gold 3, found 2 (TNF-α, oxidative stress); predicted 3 distinct, 2 right
    assert (result["gold_edges"], result["found"], result["predicted_edges"]) == (3, 2, 3)
    assert result["recall"] == pytest.approx(66.67) and result["precision"] == pytest.approx(66.67)
    assert result["negated_stored_as_positive"] == 1
    assert result["misses"] == [{"line": 1, "edge": ["BMSCs", "DECREASES", "thermal hyperalgesia", True],
                                 "text": items[0][0]}]
    # the subject may be named by its linked name or long form too
    named = [(items[0][0], [GoldEdge("bone marrow mesenchymal stem cells", RelationType.DECREASES, "TNF-α", False)])]
    assert score_gold(named, [[relation(bmsc, RelationType.DECREASES, tnf)]])["found"] == 1
    # one text standing for two agents ("Both treatments reduced TNF-α") is two claims
    both = [mention("treatments", "CHEBI:2", Category.CHEMICAL, long_form="apocynin"),
            mention("treatments", "CL:0002540", Category.CELL, long_form="BMSCs")]
    pair = [("Both treatments reduced TNF-α.", [GoldEdge("apocynin", RelationType.DECREASES, "TNF-α", False),
                                                 GoldEdge("BMSCs", RelationType.DECREASES, "TNF-α", False)])]
    scored = score_gold(pair, [[relation(agent, RelationType.DECREASES, tnf) for agent in both]])
    assert (scored["found"], scored["predicted_edges"]) == (2, 2)


def test_gold_file_reader(tmp_path):
    items = read_gold_file(FIXTURES / "gold_small.jsonl")
    assert len(items) >= 8 and all(edges for _, edges in items)
    assert any(edge.negated for _, edges in items for edge in edges)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "x", "edges": [["a", "CAUSES", "b", False]]}) + "\n"
                   + json.dumps({"text": "y", "edges": [["a", "HEALS", "b", False]]}) + "\n")
    with pytest.raises(InputError, match="line 2"):
        read_gold_file(bad)
    with pytest.raises(InputError):
        read_gold_file(tmp_path / "absent.jsonl")


def test_biored_reader_on_the_shared_corpus():
    path = SHARED / "data" / "corpora" / "biored" / "Dev.PubTator"
    if not path.is_file():
        pytest.skip(f"BioRED not found at {path} (set KG_SHARED_DIR)")
    from kg.relations.biored import read_pubtator

    docs = list(read_pubtator(path))
    assert len(docs) == 100
    assert sum(len(d.relations) for d in docs) == 1162
    for d in docs[:10]:
        ids = {i for m in d.mentions for i in mention_ids(m)}
        assert all(r.id1 in ids and r.id2 in ids for r in d.relations)
        assert all(d.document.text[m.start:m.end] == m.text for m in d.mentions)


def test_calibration_by_hand():
    from kg.eval.relations import calibration

    result = calibration([0.15, 0.15, 0.85, 0.85], [False, True, True, True], bins=10)
    # bin 0.1-0.2: confidence 0.15, observed 0.5; bin 0.8-0.9: confidence 0.85, observed 1.0
    assert result["ece"] == pytest.approx(0.5 * 0.35 + 0.5 * 0.15)
    assert [row["n"] for row in result["reliability"]] == [2, 2]


def test_gene_causing_a_disease_is_a_biored_association():
    from kg.relations.classifier import to_biored

    gene, disease = mention("NPHS2", "7827", Category.GENE), mention("nephrotic syndrome", "D009404", Category.DISEASE)
    drug = mention("cisplatin", "D002945")
    assert to_biored(relation(gene, RelationType.CAUSES, disease)) == "Association"
    assert to_biored(relation(drug, RelationType.CAUSES, disease)) == "Positive_Correlation"
    assert to_biored(relation(drug, RelationType.DERIVED_FROM, gene)) is None


def test_gold_edge_matches_any_text_of_the_same_entity_in_the_document():
    from kg.eval.relations import document_aliases

    long_form = mention("Bone marrow mesenchymal stem cells", "CL:0002540", Category.CELL)
    short_form = mention("BMSCs", "CL:0002540", Category.CELL)
    tnf = mention("TNF-α", "NCBIGene:7124", Category.GENE)
    items = [("Bone marrow mesenchymal stem cells (BMSCs) suppressed TNF-α.",
              [GoldEdge("BMSCs", RelationType.DECREASES, "TNF-α", False)])]
    predicted = [[relation(long_form, RelationType.DECREASES, tnf)]]
    assert score_gold(items, predicted)["found"] == 0
    aliases = [document_aliases([long_form, short_form, tnf])]
    assert score_gold(items, predicted, aliases)["found"] == 1


def test_gold_edge_matches_the_word_another_mention_of_the_entity_is_written_in():
    """ "ADSC-Exos" names the exosomes the route sentence calls "Exosomes"; another concept's
    words never match ("mechanical allodynia" is not "thermal hyperalgesia")."""
    from kg.eval.relations import document_aliases

    text = "Exosomes from adipose-derived stem cells (ADSC-Exos) were given intravenously."
    exosomes = mention("Exosomes", "GO:0070062", Category.CELLULAR_COMPONENT)
    exos = Mention(doc_id="d", start=text.index("Exos)"), end=text.index("Exos)") + 4, text="Exos",
                   category=Category.CELLULAR_COMPONENT, curie="GO:0070062")
    route = mention("intravenously", "MESH:D007275", Category.ROUTE)
    items = [(text, [GoldEdge("ADSC-Exos", RelationType.ADMINISTERED_VIA, "intravenously", False)])]
    predicted = [[relation(exosomes, RelationType.ADMINISTERED_VIA, route)]]
    assert score_gold(items, predicted, [document_aliases([exosomes, exos, route])])["found"] == 0
    assert score_gold(items, predicted, [document_aliases([exosomes, exos, route], text)])["found"] == 1


def test_a_compound_word_names_its_head_not_the_source_written_first():
    """ "BMSC-CM" is the conditioned medium: a claim of the BMSCs never matches a gold edge about the
    medium (here its denial would count as stored positive)."""
    from kg.eval.relations import document_aliases

    text = "Bone marrow MSCs lowered IL-1β, but conditioned medium (BMSC-CM) did not reduce IL-1β."
    cells = mention("Bone marrow MSCs", "CL:0002540", Category.CELL)
    start = text.index("BMSC-CM")
    source = Mention(doc_id="d", start=start, end=start + 4, text="BMSC", category=Category.CELL, curie="CL:0002540")
    medium = Mention(doc_id="d", start=start + 5, end=start + 7, text="CM", category=Category.CELLULAR_COMPONENT,
                     curie="MESH:D017077")
    il1b = mention("IL-1β", "NCBIGene:3553", Category.GENE)
    items = [(text, [GoldEdge("BMSC-CM", RelationType.DECREASES, "IL-1β", True),
                     GoldEdge("Bone marrow MSCs", RelationType.DECREASES, "IL-1β", False)])]
    predicted = [[relation(cells, RelationType.DECREASES, il1b)]]
    result = score_gold(items, predicted, [document_aliases([cells, source, medium, il1b], text)])
    assert result["found"] == 1
    assert result["negated_stored_as_positive"] == 0
    assert "bmsc-cm" in document_aliases([cells, source, medium, il1b], text)["MESH:D017077"]


def test_gold_edge_matches_a_cells_product_written_as_a_spaced_compound():
    """ "BMSC exosomes" is the spelling of "BMSC-exosomes" without the hyphen; the cell before a
    non-product ("MSCs reduced TNF-α") never widens a name."""
    from kg.eval.relations import document_aliases

    text = "BMSC exosomes reduced TNF-α."
    cells = Mention(doc_id="d", start=0, end=4, text="BMSC", category=Category.CELL, curie="CL:0002540")
    exosomes = Mention(doc_id="d", start=5, end=13, text="exosomes", category=Category.CELLULAR_COMPONENT,
                       curie="GO:0070062")
    tnf = Mention(doc_id="d", start=22, end=27, text="TNF-α", category=Category.GENE, curie="NCBIGene:7124")
    items = [(text, [GoldEdge("BMSC exosomes", RelationType.DECREASES, "TNF-α", False)])]
    predicted = [[relation(exosomes, RelationType.DECREASES, tnf)]]
    assert score_gold(items, predicted, [document_aliases([exosomes, tnf], text)])["found"] == 0
    assert score_gold(items, predicted, [document_aliases([cells, exosomes, tnf], text)])["found"] == 1
    assert "bmsc exosomes" not in document_aliases([cells, exosomes, tnf], text)["CL:0002540"]


def test_gold_edge_matches_with_or_without_a_leading_species_word():
    text = "Human amniotic MSCs reduced TNF-α."
    cells = Mention(doc_id="d", start=0, end=19, text="Human amniotic MSCs", category=Category.CELL)
    tnf = Mention(doc_id="d", start=28, end=33, text="TNF-α", category=Category.GENE)
    predicted = [[relation(cells, RelationType.DECREASES, tnf)]]
    for name in ("amniotic MSCs", "human amniotic MSCs"):
        assert score_gold([(text, [GoldEdge(name, RelationType.DECREASES, "TNF-α", False)])], predicted)["found"] == 1
    assert score_gold([(text, [GoldEdge("MSCs", RelationType.DECREASES, "TNF-α", False)])], predicted)["found"] == 0


def test_gold_edge_matches_a_protein_with_or_without_its_measured_form():
    text = "Exosomes reduced cleaved caspase-3."
    exosomes = Mention(doc_id="d", start=0, end=8, text="Exosomes", category=Category.CELLULAR_COMPONENT)
    for written in ("cleaved caspase-3", "caspase-3"):
        casp3 = Mention(doc_id="d", start=17, end=34, text=written, category=Category.GENE)
        predicted = [[relation(exosomes, RelationType.DECREASES, casp3)]]
        for name in ("cleaved caspase-3", "caspase-3"):
            gold = [(text, [GoldEdge("Exosomes", RelationType.DECREASES, name, False)])]
            assert score_gold(gold, predicted)["found"] == 1
        gold = [(text, [GoldEdge("Exosomes", RelationType.DECREASES, "caspase-1", False)])]
        assert score_gold(gold, predicted)["found"] == 0


def test_gold_edge_matches_a_cells_name_after_the_source_tissue_that_opens_it():
    """ "MSCs" names the cells of "umbilical cord MSCs" and "placenta-derived MSCs" when the NLP stage
    found the tissue inside the name (the graph states it as DERIVED_FROM); without it, it does not."""
    from kg.eval.relations import document_aliases
    from kg.types import EMBEDDED

    for written, tissue in (("umbilical cord MSCs", "umbilical cord"), ("placenta-derived MSCs", "placenta")):
        text = f"{written} reduced TNF-α."
        cells = Mention(doc_id="d", start=0, end=len(written), text=written, category=Category.CELL, curie="kg:cells")
        source = Mention(doc_id="d", start=0, end=len(tissue), text=tissue, category=Category.ANATOMY,
                         curie="kg:tissue", found_by=EMBEDDED)
        tnf = Mention(doc_id="d", start=len(written) + 9, end=len(written) + 14, text="TNF-α",
                      category=Category.GENE, curie="NCBIGene:7124")
        items = [(text, [GoldEdge("MSCs", RelationType.DECREASES, "TNF-α", False)])]
        predicted = [[relation(cells, RelationType.DECREASES, tnf)]]
        assert score_gold(items, predicted, [document_aliases([cells, source, tnf], text)])["found"] == 1
        assert score_gold(items, predicted, [document_aliases([cells, tnf], text)])["found"] == 0


def test_gold_edge_matches_an_abbreviation_in_the_singular_or_the_plural():
    text = "MSC infusion lowered pain scores."
    cells = Mention(doc_id="d", start=0, end=3, text="MSC", category=Category.CELL)
    scores = Mention(doc_id="d", start=21, end=32, text="pain scores", category=Category.PHENOTYPE)
    predicted = [[relation(cells, RelationType.DECREASES, scores)]]
    for name, found in (("MSCs", 1), ("MSC", 1), ("MSCss", 0), ("mesenchymal stem cells", 0)):
        edge = GoldEdge(name, RelationType.DECREASES, "pain scores", False)
        assert score_gold([(text, [edge])], predicted)["found"] == found, name
    # a lower-case word's plural is another word ("pain score" is not "pain scores")
    assert score_gold([(text, [GoldEdge("MSC", RelationType.DECREASES, "pain score", False)])], predicted)["found"] == 0


def test_gold_edge_names_a_class_with_or_without_its_grading_adjective():
    text = "PGC-1α, a master regulator of mitochondrial biogenesis, rose."
    gene = Mention(doc_id="d", start=0, end=6, text="PGC-1α", category=Category.GENE)
    cls = Mention(doc_id="d", start=17, end=54, text="regulator of mitochondrial biogenesis", category=Category.ENTITY)
    predicted = [[relation(gene, RelationType.IS_A, cls)]]
    for name, found in (("master regulator of mitochondrial biogenesis", 1), ("regulator of mitochondrial biogenesis", 1),
                        ("negative regulator of mitochondrial biogenesis", 0), ("master", 0)):
        edge = GoldEdge("PGC-1α", RelationType.IS_A, name, False)
        assert score_gold([(text, [edge])], predicted)["found"] == found, name


def test_gold_edge_names_an_inflammasome_by_its_sensor():
    text = "BMSCs suppressed NLRP3 inflammasome activation."
    cells = Mention(doc_id="d", start=0, end=5, text="BMSCs", category=Category.CELL)
    complex_ = Mention(doc_id="d", start=17, end=35, text="NLRP3 inflammasome", category=Category.CELLULAR_COMPONENT)
    predicted = [[relation(cells, RelationType.DECREASES, complex_)]]
    for name, found in (("NLRP3", 1), ("NLRP3 inflammasome", 1), ("inflammasome", 0), ("NLRP1", 0)):
        edge = GoldEdge("BMSCs", RelationType.DECREASES, name, False)
        assert score_gold([(text, [edge])], predicted)["found"] == found, name


def test_gold_edge_names_a_route_without_the_act_of_giving():
    text = "Patients received subcutaneous injections of SVF."
    route = Mention(doc_id="d", start=18, end=41, text="subcutaneous injections", category=Category.ROUTE,
                    name="Injections, Subcutaneous")
    cells = Mention(doc_id="d", start=45, end=48, text="SVF", category=Category.CELL)
    predicted = [[relation(cells, RelationType.ADMINISTERED_VIA, route)]]
    for name, found in (("subcutaneous", 1), ("subcutaneous injections", 1), ("injections", 0), ("intravenous", 0)):
        edge = GoldEdge("SVF", RelationType.ADMINISTERED_VIA, name, False)
        assert score_gold([(text, [edge])], predicted)["found"] == found, name


def test_gold_file_command_never_stores_a_negated_claim_as_positive():
    from typer.testing import CliRunner

    from kg.cli.main import _register
    from kg.cli.app import app
    from kg.relations.classifier import default_model_path

    extractors = "patterns,classifier" if default_model_path().is_file() else "patterns"
    _register()
    result = CliRunner().invoke(app, ["eval", "relations", "--gold", str(FIXTURES / "gold_small.jsonl"),
                                      "--extractors", extractors, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout[result.stdout.index("{"):])
    assert report["gold_edges"] == 15 and report["texts"] == 8
    assert report["negated_stored_as_positive"] == 0
    assert 0 < report["found"] <= report["gold_edges"]
    assert len(report["misses"]) == report["gold_edges"] - report["found"]


def test_end_to_end_scoring_of_biored_train_is_refused(tmp_path):
    """End to end, the linker learns names from BioRED Train; scoring Train itself would leak them."""
    from typer.testing import CliRunner

    from kg.cli.main import _register
    from kg.cli.app import app

    corpora = tmp_path / "data" / "corpora"
    (corpora / "biored").mkdir(parents=True)
    (corpora / "biored" / "Train.PubTator").write_text((FIXTURES / "mini_biored.PubTator").read_text())
    _register()
    result = CliRunner().invoke(app, ["eval", "relations", "--split", "train", "--corpora-dir", str(corpora)])
    assert result.exit_code != 0
    assert "names learned from it" in str(result.exception) + result.output


def test_biored_eval_on_a_small_file_with_gold_entities():
    from kg.relations.classifier import default_model_path

    if not default_model_path().is_file():
        pytest.skip("relation classifier weights absent; run `kg train relations`")
    from kg.eval.relations import evaluate_biored

    result = evaluate_biored(FIXTURES / "mini_biored.PubTator", gold_entities=True)
    assert result["documents"] == 1
    assert set(result["by_extractor"]) == {"classifier", "patterns", "combined"}
    for scores in result["by_extractor"].values():
        for level in ("pair", "pair_type"):
            assert scores[level]["tp"] + scores[level]["fn"] == 4  # four gold relations
            assert all(0.0 <= scores[level][k] <= 100.0 for k in ("precision", "recall", "f1"))
    assert result["pair"] == result["by_extractor"]["combined"]["pair"]
    # the drug-induced disease is stated in the title: the classifier must find that pair
    assert result["by_extractor"]["classifier"]["pair"]["tp"] >= 1
    assert 0.0 <= result["classifier_calibration"]["pair"]["ece"] <= 1.0


def test_scoring_id_picks_one_biored_vocabulary_id():
    from kg.eval.relations import scoring_id

    assert scoring_id("CHEBI:15765", ["MESH:D007980", "DRUGBANK:DB01235"]) == "D007980"
    assert scoring_id("MESH:D010300", []) == "D010300"
    assert scoring_id("NCBIGene:3175", ["HGNC:5024"]) == "3175"
    assert scoring_id("kg:rigidity", []) is None  # no id BioRED could hold: not a scorable prediction
    assert scoring_id("CL:0000134", ["MESH:D059630"]) == "D059630"


# Stem-cell / pain / oxidative-stress texts written blind to the extractor (kg/relations/README.md):
# the development set the rules were written against; sets a-z and za-zj, each first scored blind and then
# studied (zk and zl, scored blind at session 15's end, then studied; zm and zn, written and scored blind at
# session 16's start, then studied; zo and zp likewise in session 17, zq and zr in session 18, zs (review prose)
# and zt (dense methods and results) in session 19, zu (structured abstracts, legends) and zv (comparative
# discussion prose) in session 20, zw (clinical and translational) and zx (mechanistic results) in session 21,
# zy (animal-model results with numbers) and zz (engineered and preconditioned products) in session 22,
# zza (whole abstracts) and zzb (antioxidant compounds beside MSCs) in session 23, zzc (results sections:
# groups, blocking experiments, pathways) and zzd (clinical and translational prose) in session 24, zze
# (preclinical abstracts in miniature) and zzf (mechanism and review prose) in session 25).
# Sets g-zb annotate a
# cell's source tissue for "bone marrow-derived MSCs (BMSCs)", zc-zf also for "umbilical cord MSCs" and
# "dental pulp stem cells", a-f never: the graph states it for both kinds of name, hence the lower
# precision floors of a-l. Floors sit three points under the figures measured when each was last changed.
@pytest.mark.parametrize("name, min_recall, min_precision", [
    ("gold_domain_dev.jsonl", 91.0, 87.0),
    ("gold_domain_a.jsonl", 85.0, 81.0),
    ("gold_domain_b.jsonl", 83.0, 77.0),
    ("gold_domain_c.jsonl", 82.0, 71.0),
    ("gold_domain_d.jsonl", 78.0, 76.0),
    ("gold_domain_e.jsonl", 91.0, 77.0),
    ("gold_domain_f.jsonl", 80.0, 68.0),
    ("gold_domain_g.jsonl", 88.0, 80.0),
    ("gold_domain_h.jsonl", 88.0, 82.0),
    ("gold_domain_i.jsonl", 79.0, 78.0),
    ("gold_domain_j.jsonl", 83.0, 65.0),
    ("gold_domain_k.jsonl", 76.0, 74.0),
    ("gold_domain_l.jsonl", 80.0, 70.0),
    ("gold_domain_m.jsonl", 84.0, 77.0),
    ("gold_domain_n.jsonl", 81.0, 79.0),
    ("gold_domain_o.jsonl", 73.0, 72.0),
    ("gold_domain_p.jsonl", 74.0, 78.0),
    ("gold_domain_q.jsonl", 78.0, 82.0),
    ("gold_domain_r.jsonl", 69.0, 78.0),
    ("gold_domain_s.jsonl", 75.0, 84.0),
    ("gold_domain_t.jsonl", 69.0, 77.0),
    ("gold_domain_u.jsonl", 82.0, 82.0),
    ("gold_domain_v.jsonl", 74.0, 80.0),
    ("gold_domain_w.jsonl", 78.0, 83.0),
    ("gold_domain_x.jsonl", 79.0, 83.0),
    ("gold_domain_y.jsonl", 71.0, 77.0),
    ("gold_domain_z.jsonl", 69.0, 81.0),
    ("gold_domain_za.jsonl", 78.0, 77.0),
    ("gold_domain_zb.jsonl", 81.0, 83.0),
    ("gold_domain_zc.jsonl", 69.0, 75.0),
    ("gold_domain_zd.jsonl", 69.0, 83.0),
    ("gold_domain_ze.jsonl", 72.0, 81.0),
    ("gold_domain_zf.jsonl", 53.0, 71.0),
    ("gold_domain_zg.jsonl", 71.0, 72.0),
    ("gold_domain_zh.jsonl", 72.0, 78.0),
    ("gold_domain_zi.jsonl", 75.0, 71.0),
    ("gold_domain_zj.jsonl", 59.0, 76.0),
    ("gold_domain_zk.jsonl", 60.0, 78.0),
    ("gold_domain_zl.jsonl", 61.0, 70.0),
    ("gold_domain_zm.jsonl", 53.0, 72.0),
    ("gold_domain_zn.jsonl", 65.0, 72.0),
    ("gold_domain_zo.jsonl", 67.0, 72.0),
    ("gold_domain_zp.jsonl", 52.0, 60.0),
    ("gold_domain_zq.jsonl", 68.0, 69.0),
    ("gold_domain_zr.jsonl", 69.0, 67.0),
    ("gold_domain_zs.jsonl", 58.0, 74.0),
    ("gold_domain_zt.jsonl", 68.0, 76.0),
    ("gold_domain_zu.jsonl", 73.0, 77.0),
    ("gold_domain_zv.jsonl", 61.0, 73.0),
    ("gold_domain_zw.jsonl", 72.0, 82.0),
    ("gold_domain_zx.jsonl", 68.0, 73.0),
    ("gold_domain_zy.jsonl", 77.0, 83.0),
    ("gold_domain_zz.jsonl", 71.0, 72.0),
    ("gold_domain_zza.jsonl", 71.0, 73.0),
    ("gold_domain_zzb.jsonl", 79.0, 82.0),
    ("gold_domain_zzc.jsonl", 74.0, 73.0),
    ("gold_domain_zzd.jsonl", 72.0, 78.0),
    ("gold_domain_zze.jsonl", 81.0, 83.0),
    ("gold_domain_zzf.jsonl", 71.0, 76.0),
])
def test_domain_gold_sets_keep_their_recall_and_never_store_a_negated_claim_as_positive(name, min_recall, min_precision):
    result = evaluate_gold_file(FIXTURES / name)
    assert result["negated_stored_as_positive"] == 0
    assert result["recall"] >= min_recall, result["misses"][:5]
    assert result["precision"] >= min_precision, result["unexpected"][:5]


def test_a_mention_matches_the_word_it_is_written_in():
    from kg.eval.relations import enclosing_word
    text = "Exosomes (MSC-EVs) reduced ROS."
    start = text.index("EVs")
    assert enclosing_word(text, start, start + 3) == "MSC-EVs"
    assert enclosing_word(text, 0, 8) == "Exosomes"
