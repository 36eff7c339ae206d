"""Linking evaluation: PubTator reading and the document-level concept scores."""

from pathlib import Path

import pytest

from kg.errors import ConfigError, InputError
from kg.eval.linking import corpus_path, read_pubtator, score_documents, shared_dir, training_pairs

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "linking" / "mini.pubtator"


def test_read_pubtator_offsets_composites_and_no_id():
    docs = list(read_pubtator(FIXTURE))
    assert [d.pmid for d in docs] == ["1", "2"]
    first = docs[0]
    assert first.text.startswith("Cisplatin nephrotoxicity in rats. Cisplatin (CDDP)")
    composite = [m for m in first.mentions if m.text == "ocular and auditory toxicity"][0]
    assert composite.ids == ("MESH:D014786", "MESH:D006311")
    no_id = [m for m in docs[1].mentions if m.text == "X-123"][0]
    assert no_id.ids == () and no_id.type == "Chemical"


def test_read_pubtator_rejects_bad_offsets(tmp_path):
    bad = tmp_path / "bad.pubtator"
    bad.write_text("9|t|Aspirin works.\n9|a|Yes.\n9\t1\t7\tAspirin\tChemical\tD001241\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        list(read_pubtator(bad))


def test_document_level_scores():
    gold = {"1": {("Chemical", "MESH:A"), ("Disease", "MESH:B"), ("Disease", "MESH:C")}, "2": {("Disease", "MESH:B")}}
    pred = {"1": {("Chemical", "MESH:A"), ("Disease", "MESH:B"), ("Disease", "MESH:X")}, "2": set()}
    counts = score_documents(gold, pred, ("Chemical", "Disease"))
    assert (counts["Chemical"].tp, counts["Chemical"].fp, counts["Chemical"].fn) == (1, 0, 0)
    assert (counts["Disease"].tp, counts["Disease"].fp, counts["Disease"].fn) == (1, 1, 2)
    scores = counts["Disease"].as_dict()
    assert scores["precision"] == 50.0 and scores["recall"] == pytest.approx(33.33) and scores["f1"] == 40.0


def test_training_pairs_never_come_from_test():
    if shared_dir() is None:
        pytest.skip("../shared/data is absent (set KG_SHARED_DIR)")
    train = corpus_path("bc5cdr", "train")
    assert train.name == "CDR_TrainingSet.PubTator.txt"
    pairs = list(training_pairs("bc5cdr"))
    assert len(pairs) > 9000
    test_pmids = {d.pmid for d in read_pubtator(corpus_path("bc5cdr", "test"))}
    train_pmids = {d.pmid for d in read_pubtator(train)}
    assert not test_pmids & train_pmids
    assert all(curie.startswith("MESH:") for _, curie, _ in pairs)
    # The final system scored on test also learns from dev; the test split is refused outright.
    assert len(list(training_pairs("bc5cdr", splits=("train", "dev")))) > len(pairs)
    with pytest.raises(ConfigError, match="test split"):
        list(training_pairs("bc5cdr", splits=("train", "test")))


@pytest.mark.slow
def test_end_to_end_mentions_from_the_whole_nlp_stage():
    """`kg eval linking --pipeline` (BioRED's default): mentions come from the kg NLP stage, typed by
    category, at the gold file's offsets."""
    from kg.eval.linking import _pipeline_mentions

    docs = list(read_pubtator(FIXTURE))
    found = list(_pipeline_mentions(docs, "default"))
    assert len(found) == len(docs)
    mentions, _ = found[0]
    assert {("Cisplatin", "Chemical"), ("nephrotoxicity", "Disease"), ("acute renal failure", "Disease")} <= {
        (m.text, m.type) for m in mentions}
    assert all(docs[0].text[m.start:m.end] == m.text for m in mentions)
