"""Document consistency: a name the model tagged once is tagged wherever it repeats in the abstract."""

import pytest
import spacy
from spacy.tokens import Span


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("kg_doc_consistency")
    return pipeline


def run(nlp, text: str, tagged: list[tuple[int, int, str]]):
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in tagged]
    doc = nlp.get_pipe("kg_doc_consistency")(doc)
    return [(e.text, e.start, e.label_) for e in doc.ents]


def test_repeats_of_a_tagged_name_get_its_label_whatever_their_case(nlp):
    text = "Dobutamine caused torsade. We stopped dobutamine and the arrhythmia ended."
    assert run(nlp, text, [(0, 1, "CHEMICAL")]) == [("Dobutamine", 0, "CHEMICAL"), ("dobutamine", 6, "CHEMICAL")]


def test_case_carrying_names_stay_case_sensitive(nlp):
    # "NO" (nitric oxide) tagged; the word "no" is not.
    text = "NO levels rose. There was no change in NO release."
    assert run(nlp, text, [(0, 1, "CHEMICAL")]) == [("NO", 0, "CHEMICAL"), ("NO", 9, "CHEMICAL")]


def test_a_name_with_two_labels_in_one_doc_is_left_alone(nlp):
    text = "Depression of reflexes and depression in patients; depression again."
    tagged = [(0, 1, "DISEASE"), (4, 5, "CHEMICAL")]
    assert run(nlp, text, tagged) == [("Depression", 0, "DISEASE"), ("depression", 4, "CHEMICAL")]


def test_never_overrides_or_splits_an_entity(nlp):
    text = "Cisplatin nephrotoxicity was seen; cisplatin was stopped."
    tagged = [(0, 2, "DISEASE"), (5, 6, "CHEMICAL")]  # the first "Cisplatin" sits inside another entity
    assert run(nlp, text, tagged) == [("Cisplatin nephrotoxicity", 0, "DISEASE"), ("cisplatin", 5, "CHEMICAL")]


def test_short_form_of_a_tagged_long_form_is_tagged(nlp):
    text = "Reactive oxygen species (ROS) damage neurons. MSCs lowered ROS in the cord."
    result = run(nlp, text, [(0, 3, "CHEMICAL")])
    assert ("ROS", 4, "CHEMICAL") in result and ("ROS", 11, "CHEMICAL") in result


def test_single_letters_and_numbers_are_not_spread(nlp):
    text = "T and 5 mg; T again and 5 mg again."
    assert run(nlp, text, [(0, 1, "CHEMICAL"), (2, 3, "CHEMICAL")]) == [("T", 0, "CHEMICAL"), ("5", 2, "CHEMICAL")]
