"""The shipped NER models load from the package, cut raw text as their training corpora are cut and tag it.

Marked slow (they load ~20 MB pipelines); skipped with a reason where a model dir is absent.
"""

from __future__ import annotations

import json

import pytest

from kg.resources import models_dir

pytestmark = pytest.mark.slow

SAMPLE = ("Nephrotoxicity in C57BL/6 mice was reduced by TNF-alpha blockade (p<0.05), "
          "e.g. with IL-6 and 5-FU at 10mg/kg i.v. in dose-dependent and anti-inflammatory ways.")


def _load(name: str):
    import spacy

    path = models_dir() / name
    if not (path / "config.cfg").is_file():
        pytest.skip(f"model {name} not trained/shipped yet ({path}); run `kg train`")
    return spacy.load(path)


@pytest.fixture(scope="module")
def bc5cdr():
    return _load("bc5cdr")


def test_bc5cdr_tags_chemical_and_disease_on_raw_text(bc5cdr):
    doc = bc5cdr("Cisplatin-induced nephrotoxicity")
    assert {(e.text, e.label_) for e in doc.ents} == {("Cisplatin", "CHEMICAL"), ("nephrotoxicity", "DISEASE")}


def test_saved_tokenizer_cuts_raw_text_as_the_training_iob_files_do(bc5cdr):
    """The models learn from the corpora's IOB tokens (every punctuation character alone), so raw
    text is cut the same way; scispaCy's tokenizer would keep "C57BL/6" or "Ca(2+)" whole."""
    import re

    assert bc5cdr.tokenizer(SAMPLE).text == SAMPLE
    assert [t.text for t in bc5cdr.tokenizer(SAMPLE) if not t.is_space] == re.findall(r"[^\W_]+|[^\w\s]|_", SAMPLE)


def test_entities_inside_a_longer_word_are_tagged(bc5cdr):
    doc = bc5cdr("Patients received amlodipine/benazapril for hypertension.")
    assert {(e.text, e.label_) for e in doc.ents} >= {("amlodipine", "CHEMICAL"), ("benazapril", "CHEMICAL")}
    doc = bc5cdr("Dipyridamole-thallium-201 imaging")
    assert ("thallium", "CHEMICAL") in {(e.text, e.label_) for e in doc.ents}


@pytest.mark.parametrize("name", ["bc5cdr", "bionlp13cg"])
def test_model_card_matches_labels(name):
    nlp = _load(name)
    card = json.loads((models_dir() / name / "kg-model.json").read_text())
    assert sorted(nlp.get_pipe("ner").labels) == card["labels"]
    assert card["corpus"] == name and 0 < card["scores"]["test"]["f1"] <= 100
    assert sum(p.stat().st_size for p in (models_dir() / name).rglob("*") if p.is_file()) < 25_000_000


def test_bionlp13cg_finds_genes_and_cells():
    nlp = _load("bionlp13cg")
    doc = nlp("Expression of p53 was reduced in MCF-7 breast cancer cells.")
    labels = {e.label_ for e in doc.ents}
    assert "GENE_OR_GENE_PRODUCT" in labels and ("CELL" in labels or "CANCER" in labels)


def test_official_scispacy_model_through_eval_when_installed():
    import spacy.util

    if not spacy.util.is_package("en_ner_bc5cdr_md"):
        pytest.skip("en_ner_bc5cdr_md is not installed (scispaCy models download from S3)")
    from kg.eval.ner import evaluate_ner, resolve_model
    from kg.train.corpora import TaggedSentence

    import spacy

    nlp = spacy.load(resolve_model("en_ner_bc5cdr_md", "bc5cdr"))
    result = evaluate_ner(nlp, [TaggedSentence(["Cisplatin", "nephrotoxicity"], ["B-CHEMICAL", "B-DISEASE"])])
    assert result["f1"] > 0


def test_short_form_and_its_repeats_are_tagged_in_the_shipped_model(bc5cdr):
    # The CNN alone tags only "Bisphenol A" here; document consistency adds every "BPA".
    assert bc5cdr.pipe_names[-1] == "kg_doc_consistency"
    doc = bc5cdr("The negative effects of Bisphenol A (BPA) on neurodevelopment and behaviors have been well "
                 "established. This study investigated behavioral phenotypes in male mice following BPA exposure "
                 "during puberty. Anxiety-like behavior was increased in mice exposed to BPA.")
    chemicals = [e.text for e in doc.ents if e.label_ == "CHEMICAL"]
    assert chemicals == ["Bisphenol A", "BPA", "BPA", "BPA"]
