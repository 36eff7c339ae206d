"""Relation classifier: features, the BioRED -> our type mapping, the combination rule, and the
shipped model on realistic sentences (skipped when the weights are absent)."""

from __future__ import annotations

import pytest

from kg.relations.classifier import (
    OUR_TO_BIORED,
    default_model_path,
    map_biored_type,
    pair_epistemics,
    subject_first,
)
from kg.relations.combine import combine, noisy_or
from kg.relations.features import pair_instances
from kg.types import AnnotatedDoc, Document, Epistemics, Evidence, Mention, Relation, Sentence
from kg.vocab import Category, RelationType


def annotated(title: str, abstract: str, entities: list[tuple[str, Category, str | None]]) -> AnnotatedDoc:
    """An AnnotatedDoc with one sentence per '. '-separated piece and a mention at every occurrence
    of each entity string."""
    doc = Document(id="PMID:1", title=title, abstract=abstract)
    text = doc.text
    sentences, start = [], 0
    for piece in [title, *abstract.split(". ")]:
        begin = text.index(piece, start)
        sentences.append(Sentence(index=len(sentences), start=begin, end=begin + len(piece), text=piece))
        start = begin + len(piece)
    mentions = []
    for surface, category, curie in entities:
        at = text.find(surface)
        while at >= 0:
            mentions.append(Mention(doc_id=doc.id, start=at, end=at + len(surface), text=surface,
                                    category=category, curie=curie))
            at = text.find(surface, at + 1)
    mentions.sort(key=lambda m: m.start)
    return AnnotatedDoc(document=doc, sentences=sentences, mentions=mentions)


CISPLATIN = ("cisplatin", Category.CHEMICAL, "D002945")
NEPHRO = ("nephrotoxicity", Category.DISEASE, "D007674")
KIM1 = ("KIM-1", Category.GENE, "3930")


@pytest.fixture()
def doc() -> AnnotatedDoc:
    return annotated(
        "Protective effect of resveratrol",
        "In rats, cisplatin induced nephrotoxicity and raised KIM-1 levels. Resveratrol reduced nephrotoxicity",
        [CISPLATIN, NEPHRO, KIM1, ("Resveratrol", Category.CHEMICAL, "D000077185"),
         ("resveratrol", Category.CHEMICAL, "D000077185"), ("rats", Category.ORGANISM, "10116")],
    )


def test_features_of_a_same_sentence_pair(doc):
    by_key = {frozenset(i.key): i for i in pair_instances(doc)}
    pair = by_key[frozenset(("D002945", "D007674"))]
    # chemical before disease by class precedence; features name the words between and the trigger group
    assert (pair.a.key, pair.b.key) == ("D002945", "D007674")
    assert pair.features["tp=Chem>Dis"] == 1.0
    assert pair.features["bw=induced"] == 1.0
    assert pair.features["trig=pos"] == 1.0
    assert pair.features["d_tp=Chem-Dis"] == 1.0
    # the same disease entity is mentioned twice: one group, so its frequency bucket is 2
    assert pair.features["d_freq_b=2"] == 1.0
    # one pair in the same sentence, one across the sentence boundary (kept apart with "x:")
    assert sorted(mp.window[1] - mp.window[0] for mp in pair.mention_pairs) == [0, 1]
    assert pair.features["x:sdist=1"] == 1.0


def test_other_entities_are_masked_and_organisms_are_not_candidates(doc):
    instances = pair_instances(doc)
    keys = {frozenset(i.key) for i in instances}
    assert not any("10116" in k for k in keys)  # organisms are left to the patterns
    chem_gene = next(i for i in instances if frozenset(i.key) == frozenset(("D002945", "3930")))
    assert chem_gene.features["bw=@Dis"] == 1.0  # "nephrotoxicity" between them is masked by its class
    assert "bw=nephrotoxicity" not in chem_gene.features


def test_cross_sentence_pairs_carry_prefixed_features(doc):
    instances = {frozenset(i.key): i for i in pair_instances(doc, window=1)}
    resveratrol_kim1 = instances[frozenset(("D000077185", "3930"))]
    assert resveratrol_kim1.features.get("x:sdist=1") == 1.0
    assert "sdist=1" not in resveratrol_kim1.features
    assert frozenset(("D000077185", "3930")) not in {frozenset(i.key) for i in pair_instances(doc, window=0)}


def test_mapping_table_follows_categories():
    assert map_biored_type("Positive_Correlation", "Chem", "Dis") is RelationType.CAUSES
    assert map_biored_type("Positive_Correlation", "Var", "Dis") is RelationType.CAUSES
    assert map_biored_type("Positive_Correlation", "Gene", "Dis") is RelationType.ASSOCIATED_WITH
    assert map_biored_type("Positive_Correlation", "Gene", "Gene") is RelationType.INCREASES
    assert map_biored_type("Positive_Correlation", "Chem", "Gene") is RelationType.INCREASES
    assert map_biored_type("Negative_Correlation", "Chem", "Dis") is RelationType.TREATS
    assert map_biored_type("Negative_Correlation", "Var", "Dis") is RelationType.PREVENTS
    assert map_biored_type("Negative_Correlation", "Chem", "Gene") is RelationType.DECREASES
    assert map_biored_type("Association", "Gene", "Dis") is RelationType.ASSOCIATED_WITH
    assert map_biored_type("Bind", "Chem", "Gene") is RelationType.INTERACTS_WITH
    assert map_biored_type("Cotreatment", "Chem", "Chem") is None
    assert map_biored_type("Comparison", "Chem", "Chem") is None
    # a disease is always the object; otherwise text order, reversed by a passive agent marker
    assert subject_first("Chem", "Dis", a_first_in_text=False)
    assert not subject_first("Dis", "Gene", a_first_in_text=True)
    assert subject_first("Gene", "Gene", a_first_in_text=True)
    assert not subject_first("Gene", "Gene", a_first_in_text=False)
    assert subject_first("Gene", "Chem", a_first_in_text=True, between=["activation", "decreased"])
    assert not subject_first("Chem", "Gene", a_first_in_text=True, between=["production", "was", "decreased", "by"])
    # every BioRED type we emit maps back to itself in the evaluation table
    for biored, s, o in [("Positive_Correlation", "Chem", "Dis"), ("Negative_Correlation", "Gene", "Gene"),
                         ("Association", "Var", "Dis"), ("Bind", "Gene", "Gene")]:
        assert OUR_TO_BIORED[map_biored_type(biored, s, o)] == biored


def test_pair_epistemics_scope():
    text = "HNF-6 variants were not associated with type II diabetes."
    negated = pair_epistemics(text, 0, 5, text.index("type II"))
    assert negated.negated and "not" in negated.cues
    text = "Although no toxicity was seen, cisplatin induced nephrotoxicity."
    assert not pair_epistemics(text, text.index("cisplatin"), text.index("cisplatin") + 9,
                               text.index("nephro")).negated
    text = "Cisplatin may induce nephrotoxicity."
    assert pair_epistemics(text, 0, 9, text.index("nephro")).hedged
    # a negated relation noun in front of the pair negates it; a negation about something else does not
    text = "There was no significant association between the C677T variant and male infertility."
    at = text.index("C677T")
    assert pair_epistemics(text, at, at + 5, text.index("male")).negated
    text = "Although vehicle had no effect, cisplatin induced nephrotoxicity."
    at = text.index("cisplatin")
    assert not pair_epistemics(text, at, at + 9, text.index("nephro")).negated


# -- combination rule -------------------------------------------------------------------------
def relation(subject: Mention, rtype: RelationType, obj: Mention, score: float, extractor: str,
             negated: bool = False) -> Relation:
    return Relation(subject=subject, object=obj, type=rtype, evidence=Evidence(
        doc_id="PMID:1", sentence="s", sentence_index=0, subject_text=subject.text, object_text=obj.text,
        subject_span=(0, 1), object_span=(2, 3), extractor=extractor, score=score,
        epistemics=Epistemics(negated=negated, cues=["not"] if negated else [])))


def mention(text: str, category: Category, curie: str | None = None) -> Mention:
    return Mention(doc_id="PMID:1", start=0, end=len(text), text=text, category=category, curie=curie)


DRUG = mention("cisplatin", Category.CHEMICAL, "MESH:D002945")
DISEASE = mention("nephrotoxicity", Category.DISEASE, "MESH:D007674")
GENE = mention("KIM-1", Category.GENE)


def test_agreement_boosts_the_pattern_relation():
    pattern = relation(DRUG, RelationType.CAUSES, DISEASE, 0.8, "patterns:svo")
    # the classifier's evidence points the other way round; pairs match without order
    predicted = relation(DISEASE, RelationType.CAUSES, DRUG, 0.5, "classifier")
    out = combine([pattern], [predicted])
    assert len(out) == 1
    assert out[0].subject.text == "cisplatin" and out[0].type is RelationType.CAUSES
    assert out[0].evidence.score == pytest.approx(noisy_or(0.8, 0.5)) == pytest.approx(0.9)
    assert out[0].evidence.extractor == "patterns:svo+classifier"


def test_conflict_keeps_the_pattern_and_drops_the_classifier():
    pattern = relation(DRUG, RelationType.TREATS, DISEASE, 0.7, "patterns:svo")
    predicted = relation(DRUG, RelationType.CAUSES, DISEASE, 0.9, "classifier")
    out = combine([pattern], [predicted])
    assert [(r.type, r.evidence.score, r.evidence.extractor) for r in out] == [
        (RelationType.TREATS, 0.7, "patterns:svo")]


def test_negated_pattern_is_kept_and_never_boosted_or_overridden():
    pattern = relation(DRUG, RelationType.CAUSES, DISEASE, 0.7, "patterns:svo", negated=True)
    predicted = relation(DRUG, RelationType.CAUSES, DISEASE, 0.9, "classifier")
    out = combine([pattern], [predicted])
    assert len(out) == 1 and out[0].evidence.epistemics.negated and out[0].evidence.score == 0.7


def test_classifier_fills_gaps_above_its_threshold():
    pattern = relation(DRUG, RelationType.CAUSES, DISEASE, 0.7, "patterns:svo")
    confident = relation(DRUG, RelationType.INCREASES, GENE, 0.6, "classifier")
    weak = relation(GENE, RelationType.ASSOCIATED_WITH, DISEASE, 0.1, "classifier")
    out = combine([pattern], [confident, weak], min_classifier_score=0.3)
    assert [(r.subject.text, r.type, r.object.text) for r in out] == [
        ("cisplatin", RelationType.CAUSES, "nephrotoxicity"), ("cisplatin", RelationType.INCREASES, "KIM-1")]
    # unlinked mentions pair by their text, case-insensitively
    kim = mention("kim-1", Category.GENE)
    assert len(combine([relation(DRUG, RelationType.INCREASES, kim, 0.7, "patterns:svo")], [confident])) == 1


# -- the shipped model -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def classifier():
    if not default_model_path().is_file():
        pytest.skip(f"relation classifier weights absent ({default_model_path()}); run `kg train relations`")
    from kg.relations.classifier import RelationClassifier

    return RelationClassifier.load()


def test_shipped_model_finds_a_drug_induced_disease(classifier):
    adoc = annotated(
        "Doxorubicin-induced cardiotoxicity in women with breast cancer",
        "Doxorubicin caused cardiotoxicity in 12 of 80 patients. Dexrazoxane reduced the incidence of "
        "cardiotoxicity",
        [("Doxorubicin", Category.CHEMICAL, "D004317"), ("cardiotoxicity", Category.DISEASE, "D066126"),
         ("Dexrazoxane", Category.CHEMICAL, "D064730"), ("breast cancer", Category.DISEASE, "D001943")],
    )
    relations = classifier.predict(adoc)
    found = {(r.subject.text, r.type, r.object.text) for r in relations}
    assert ("Doxorubicin", RelationType.CAUSES, "cardiotoxicity") in found
    for r in relations:
        assert r.evidence.extractor == "classifier" and 0.0 < r.evidence.score <= 1.0
        s, e = r.evidence.subject_span
        assert r.evidence.sentence[s:e] == r.subject.text
        s, e = r.evidence.object_span
        assert r.evidence.sentence[s:e] == r.object.text


def test_fast_vectorize_equals_dictvectorizer(doc):
    from sklearn.feature_extraction import DictVectorizer

    from kg.relations.classifier import vectorize

    rows = [i.features for i in pair_instances(doc)]
    vectorizer = DictVectorizer().fit(rows[:-1])  # the last row may hold unseen features: dropped by both
    expected = vectorizer.transform(rows)
    got = vectorize(vectorizer, rows)
    assert got.shape == expected.shape and (got != expected).nnz == 0
