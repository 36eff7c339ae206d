"""IOB / CoNLL-U reading and DocBin conversion on tiny handmade files."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.train.corpora import (
    convert_conllu,
    convert_ner_split,
    corpus_labels,
    iob_spans,
    read_conllu,
    read_iob,
    sentences_to_docs,
)

IOB = "Cisplatin\tB-Chemical\n-\tO\ninduced\tO\nacute\tB-Disease\nrenal\tI-Disease\nfailure\tI-Disease\n.\tO\n\n" \
      "Nephrotoxicity\tI-Disease\nwas\tO\nseen\tO\n\n"

CONLLU = """# sent_id = 1
# text = ROS levels rose.
1\tROS\tros\tNOUN\tNNS\t_\t2\tcompound\t_\t_
2\tlevels\tlevel\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\trose\trise\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

"""


def _corpus(tmp_path: Path, text: str = IOB) -> Path:
    folder = tmp_path / "bionlp13cg"
    folder.mkdir()
    (folder / "train.tsv").write_text(text, encoding="utf-8")
    return tmp_path


def test_read_iob_uppercases_labels_and_repairs_leading_inside_tags(tmp_path):
    sentences = list(read_iob(_corpus(tmp_path) / "bionlp13cg" / "train.tsv"))
    assert [s.words[:2] for s in sentences] == [["Cisplatin", "-"], ["Nephrotoxicity", "was"]]
    assert sentences[0].tags == ["B-CHEMICAL", "O", "O", "B-DISEASE", "I-DISEASE", "I-DISEASE", "O"]
    assert sentences[1].tags[0] == "B-DISEASE"  # an I- tag after O starts an entity, as conlleval reads it
    assert corpus_labels(sentences) == ["CHEMICAL", "DISEASE"]


def test_iob_spans_are_exclusive_end_token_spans():
    assert iob_spans(["B-A", "I-A", "B-A", "O", "B-B", "I-A"]) == {(0, 2, "A"), (2, 3, "A"), (4, 5, "B"), (5, 6, "A")}


def test_malformed_line_names_file_and_line(tmp_path):
    corpus = _corpus(tmp_path, "Cisplatin\tB-Chemical\nbroken line without tab\n")
    with pytest.raises(InputError, match=r"train\.tsv.*line 2"):
        list(read_iob(corpus / "bionlp13cg" / "train.tsv"))


def test_docbin_groups_sentences_and_keeps_entities(tmp_path):
    import spacy
    from spacy.tokens import DocBin

    corpus = _corpus(tmp_path, IOB * 7)  # 14 sentences -> docs of 10 and 4
    out = tmp_path / "train.spacy"
    assert convert_ner_split(corpus, "bionlp13cg", "train", out) == 14
    nlp = spacy.blank("en")
    docs = list(DocBin().from_disk(out).get_docs(nlp.vocab))
    assert [len(list(d.sents)) for d in docs] == [10, 4]
    assert [(e.text, e.label_) for e in docs[0].ents][:3] == [
        ("Cisplatin", "CHEMICAL"), ("acute renal failure", "DISEASE"), ("Nephrotoxicity", "DISEASE")]


def test_sentences_to_docs_marks_sentence_starts():
    import spacy

    nlp = spacy.blank("en")
    from kg.train.corpora import TaggedSentence

    docs = list(sentences_to_docs(nlp.vocab, [TaggedSentence(["a", "b"], ["O", "O"]),
                                              TaggedSentence(["c"], ["B-X"])], per_doc=10))
    assert len(docs) == 1 and [s.text for s in docs[0].sents] == ["a b", "c"]


def test_read_and_convert_conllu(tmp_path):
    path = tmp_path / "t.conllu"
    path.write_text(CONLLU * 3, encoding="utf-8")
    (sentence, *_) = list(read_conllu(path))
    assert sentence.words == ["ROS", "levels", "rose", "."]
    assert sentence.heads == [1, 2, 2, 2] and sentence.deps[2] == "ROOT"
    assert sentence.spaces == [True, True, False, True]
    out = tmp_path / "t.spacy"
    assert convert_conllu(path, out) == 3

    import spacy
    from spacy.tokens import DocBin

    (doc,) = DocBin().from_disk(out).get_docs(spacy.blank("en").vocab)
    assert [t.head.i for t in doc[:4]] == [1, 2, 2, 2] and doc[2].dep_ == "ROOT" and doc[4].is_sent_start


@pytest.mark.parametrize("final_steps", [None, 1800])
def test_final_model_trains_on_train_and_dev_for_fixed_steps(tmp_path, monkeypatch, final_steps):
    import spacy

    import kg.train.ner as ner

    corpus = _corpus(tmp_path, IOB * 2)
    (corpus / "bionlp13cg" / "devel.tsv").write_text(IOB, encoding="utf-8")
    seen = {}

    def fake_train(config, work_dir, overrides, max_minutes):
        corpus_reader = spacy.training.Corpus(overrides["paths.train"])
        seen["train_docs"] = len(list(corpus_reader(spacy.blank("en"))))
        seen["overrides"] = overrides
        return None

    monkeypatch.setattr(ner, "train_spacy", fake_train)
    monkeypatch.setattr(ner, "prepare_vectors", lambda corpora_dir, work_root: tmp_path / "vectors")
    ner.train_ner("bionlp13cg", corpus, 1.0, tmp_path / "work", final_steps=final_steps)
    if final_steps:  # both splits' documents, a fixed number of steps, no early stopping on dev
        assert seen["train_docs"] == 2
        assert {k: seen["overrides"][k] for k in ("training.max_steps", "training.patience")} == {
            "training.max_steps": 1800, "training.patience": 0}
    else:
        assert seen["train_docs"] == 1 and "training.max_steps" not in seen["overrides"]
