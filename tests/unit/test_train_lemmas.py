"""The lookup lemmatizer keeps biomedical tokens intact; the tag->POS patterns come from the data."""

from __future__ import annotations


import pytest

from kg.train.corpora import ParsedSentence
from kg.train.lemmas import PROTECTED, build_lemma_table, tag_to_pos_patterns


def _sentence(pairs: list[tuple[str, str, str, str]]) -> ParsedSentence:
    words, lemmas, upos, tags = map(list, zip(*pairs))
    n = len(words)
    return ParsedSentence(words, [True] * n, lemmas, upos, tags, list(range(n)), ["dep"] * n)


# Gold lemmas as a treebank gives them: lower-cased, and "species" wrongly singularised here.
SENTENCES = [
    _sentence([("ROS", "ros", "NOUN", "NNS"), ("species", "specie", "NOUN", "NNS"), ("cells", "cell", "NOUN", "NNS"),
               ("MSCs", "msc", "NOUN", "NNS"), ("reduced", "reduce", "VERB", "VBD"), ("IL-6", "il-6", "NOUN", "NN")]),
    _sentence([("cells", "cell", "NOUN", "NNS"), ("were", "be", "AUX", "VBD"), ("mice", "mouse", "NOUN", "NNS")]),
]


def test_table_holds_only_lowercase_words_and_skips_protected():
    table = build_lemma_table(SENTENCES)
    assert table == {"cells": "cell", "reduced": "reduce", "were": "be", "mice": "mouse"}
    assert "species" in PROTECTED


def _lemmatizer_pipeline(table: dict[str, str]):
    import spacy
    from spacy.lookups import Lookups

    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lookups = Lookups()
    lookups.add_table("lemma_lookup", table)
    lemmatizer.initialize(lookups=lookups)
    return nlp


def test_lookup_lemmatizer_keeps_acronyms_and_species():
    nlp = _lemmatizer_pipeline(build_lemma_table(SENTENCES))
    doc = nlp("ROS species cells MSCs reduced mice IL-6")
    assert [t.lemma_ for t in doc] == ["ROS", "species", "cell", "MSCs", "reduce", "mouse", "IL-6"]


def test_tag_to_pos_patterns_pick_the_majority_upos():
    patterns = tag_to_pos_patterns(SENTENCES)
    by_tag = {p["patterns"][0][0]["TAG"]: p["attrs"]["POS"] for p in patterns}
    assert by_tag == {"NNS": "NOUN", "NN": "NOUN", "VBD": "VERB"}  # VBD: VERB once, AUX once -> first seen wins ties


def test_lemma_lookups_registry_reads_json(tmp_path):
    import json

    from kg.train.spacy_registry import lemma_lookups

    path = tmp_path / "table.json"
    path.write_text(json.dumps({"cells": "cell"}))
    assert lemma_lookups(str(path)).get_table("lemma_lookup")["cells"] == "cell"


def test_stop_after_minutes_raises_only_after_the_budget(monkeypatch):
    from kg.train import spacy_registry

    clock = [1000.0]
    monkeypatch.setattr(spacy_registry.time, "monotonic", lambda: clock[0])
    check = spacy_registry.stop_after_minutes(2)
    check(None, {"step": 1, "epoch": 0})
    clock[0] += 121
    with pytest.raises(spacy_registry.TrainingTimeUp, match="step 7"):
        check(None, {"step": 7, "epoch": 0})
    unlimited = spacy_registry.stop_after_minutes(0)
    clock[0] += 10_000
    unlimited(None, {"step": 8, "epoch": 0})
