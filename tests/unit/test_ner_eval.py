"""CoNLL exact-span scoring on handmade examples, and evaluate_ner on gold tokens with a rule pipeline."""

from __future__ import annotations

import pytest

from kg.eval.ner import PRF, evaluate_ner, score_spans
from kg.train.corpora import TaggedSentence


def test_exact_span_scores_by_hand():
    gold = {(0, 1, "CHEMICAL"), (3, 6, "DISEASE"), (8, 9, "DISEASE")}
    predicted = {(0, 1, "CHEMICAL"), (3, 5, "DISEASE"), (8, 9, "CHEMICAL"), (10, 11, "DISEASE")}
    scores = score_spans([(gold, predicted)])
    # one exact match out of 4 predictions and 3 gold spans; a wrong boundary or label is both FP and FN
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (1, 3, 2)
    assert scores.overall.precision == pytest.approx(25.0)
    assert scores.overall.recall == pytest.approx(100 / 3)
    assert scores.overall.f1 == pytest.approx(2 * 25 * (100 / 3) / (25 + 100 / 3))
    assert scores.per_type["CHEMICAL"].as_dict()["precision"] == 50.0
    assert scores.per_type["DISEASE"].recall == 0.0


def test_empty_counts_score_zero():
    assert (PRF().precision, PRF().recall, PRF().f1) == (0.0, 0.0, 0.0)


def test_evaluate_ner_uses_gold_tokens_and_ignores_foreign_labels():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "CHEMICAL", "pattern": "cisplatin"},
        {"label": "DISEASE", "pattern": [{"LOWER": "renal"}, {"LOWER": "failure"}]},
        {"label": "GENE", "pattern": "TNF"},
    ])
    sentences = [
        # The default tokenizer would split "Cisplatin-induced"; the gold token must stay whole.
        TaggedSentence(["Cisplatin-induced", "acute", "renal", "failure"], ["O", "B-DISEASE", "I-DISEASE", "I-DISEASE"]),
        TaggedSentence(["cisplatin", "and", "TNF"], ["B-CHEMICAL", "O", "O"]),
    ]
    result = evaluate_ner(nlp, sentences)
    # predictions: "renal failure" (wrong boundary), "cisplatin" (correct); TNF's label is not scored
    assert (result["precision"], result["recall"], result["f1"]) == (50.0, 50.0, 50.0)
    assert result["per_type"]["DISEASE"]["f1"] == 0.0 and result["per_type"]["CHEMICAL"]["f1"] == 100.0
    assert result["ignored_predicted_labels"] == {"GENE": 1}
    assert result["words"] == 7 and result["words_per_second"] > 0
