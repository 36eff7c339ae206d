"""`kg train ner|parser` and `kg eval ner|parser`: our own spaCy models, trained and scored on the
public corpora in ../shared/data (see kg/train and kg/eval)."""

from __future__ import annotations

import json
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from kg.cli.app import eval_app, train_app
from kg.errors import ConfigError, InputError

console = Console()


class NerCorpus(str, Enum):
    bc5cdr = "bc5cdr"
    bionlp13cg = "bionlp13cg"
    anatem = "anatem"
    craft = "craft"
    jnlpba = "jnlpba"


class Split(str, Enum):
    dev = "dev"
    test = "test"


CorporaDir = Annotated[Optional[Path], typer.Option(
    "--corpora-dir", help="IOB corpora folder (default $KG_CORPORA_DIR or ../shared/data/corpora).")]
Overrides = Annotated[Optional[list[str]], typer.Option(
    "--set", help="Config override SECTION.KEY=VALUE (JSON value), e.g. --set training.dropout=0.25; repeatable.")]


def _parse_overrides(items: list[str] | None) -> dict:
    parsed = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or "." not in key:
            raise ConfigError(f"--set expects SECTION.KEY=VALUE, got {item!r}")
        try:
            parsed[key] = json.loads(value)
        except json.JSONDecodeError:
            parsed[key] = value
    return parsed


TreebanksDir = Annotated[Optional[Path], typer.Option(
    "--treebanks-dir", help="Treebanks folder (default $KG_TREEBANKS_DIR or ../shared/data/treebanks).")]


def _corpora_dir(path: Path | None) -> Path:
    from kg.train.corpora import default_corpora_dir

    path = path or default_corpora_dir()
    if not path.is_dir():
        raise InputError("corpora folder not found (pass --corpora-dir or set KG_CORPORA_DIR)", path=str(path))
    return path


def _treebanks_dir(path: Path | None) -> Path:
    from kg.train.corpora import default_treebanks_dir

    path = path or default_treebanks_dir()
    if not path.is_dir():
        raise InputError("treebanks folder not found (pass --treebanks-dir or set KG_TREEBANKS_DIR)", path=str(path))
    return path


def _ship(result, name: str, output: Path | None, card: dict, tokenizer) -> None:
    from kg.train.runner import default_model_dir, ship_model, tokenizer_card, write_model_card

    if not (result.best_dir / "config.cfg").is_file():
        raise ConfigError(f"training produced no model-best in {result.best_dir}")
    output = output or default_model_dir(name)
    size = ship_model(result.best_dir, output, tokenizer)
    card = {**card, "size_bytes": size, "training_seconds": round(result.seconds, 1),
            "stopped_by_time_limit": result.stopped_by_time, "seed": 0,
            "tokenizer": tokenizer_card(tokenizer),
            "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    write_model_card(output, card)
    console.print(f"saved {output} ({size / 1e6:.1f} MB)")
    if size > 25_000_000:
        console.print("[yellow]warning: model is over 25 MB[/]")


class Encoder(str, Enum):
    cnn = "cnn"
    minilm = "minilm"


@train_app.command("ner")
def train_ner_cmd(
    corpus: Annotated[NerCorpus, typer.Option(help="Corpus to train on (train split; dev for model selection).")],
    corpora_dir: CorporaDir = None,
    output: Annotated[Optional[Path], typer.Option(help="Where to save the pipeline (default kg/models/<corpus>).")] = None,
    max_minutes: Annotated[Optional[float], typer.Option(
        help="Wall-clock training budget; 0 = none (default: 35 for the CNN, none for MiniLM, whose "
             "final model must run all its epochs).")] = None,
    work_dir: Annotated[Optional[Path], typer.Option(help="Scratch folder (default ~/.cache/kg-train/<corpus>).")] = None,
    overrides: Overrides = None,
    final_steps: Annotated[Optional[int], typer.Option(
        help="CNN: train on train + dev for exactly this many steps (take it from a dev-selected run); "
             "dev scores in the model card are then not held out.")] = None,
    encoder: Annotated[Encoder, typer.Option(
        help="cnn: spaCy CNN (pipelines/training/ner_cnn.cfg). minilm: all-MiniLM-L6-v2 fine-tuned, shipped "
             "as int8 ONNX (pipelines/training/ner_minilm.toml; needs the train-transformer extra).")] = Encoder.cnn,
    final_epochs: Annotated[Optional[int], typer.Option(
        help="minilm: train on train + dev for exactly this many epochs (the best epoch of a dev-selected run).")] = None,
) -> None:
    """Train a NER pipeline and ship it: the CNN (best checkpoint on dev) or the MiniLM encoder (best epoch on dev)."""
    corpora = _corpora_dir(corpora_dir)
    extra = _parse_overrides(overrides)
    if encoder is Encoder.minilm:
        from kg.train.runner import default_work_dir, training_config_path
        from kg.train.transformer_ner import MINILM_CONFIG, read_settings, train_transformer_pipeline

        if final_steps:
            raise ConfigError("--final-steps is for the CNN; the MiniLM encoder takes --final-epochs")
        settings = read_settings(training_config_path(MINILM_CONFIG), extra)
        work = work_dir or default_work_dir(f"{corpus.value}_minilm")
        result = train_transformer_pipeline(corpus.value, corpora, work, settings, final_epochs, max_minutes or 0,
                                            log=console.print)
        finish_ner_training(corpus.value, corpora, result, output, MINILM_CONFIG, extra, final_epochs=final_epochs,
                            training=result.best_dev_scores)
        return
    if final_epochs:
        raise ConfigError("--final-epochs is for --encoder minilm; the CNN takes --final-steps")
    from kg.train.ner import CNN_MINUTES, NER_CONFIG, train_ner

    result = train_ner(corpus.value, corpora, CNN_MINUTES if max_minutes is None else max_minutes, work_dir,
                       log=console.print, extra_overrides=extra, final_steps=final_steps)
    finish_ner_training(corpus.value, corpora, result, output, NER_CONFIG, extra, final_steps)


def _score_dev_test(nlp, corpus: str, corpora: Path, dev_in_training: bool = False) -> dict:
    """Model-card fields: dev and test scores and the NER speed on test."""
    from kg.eval.ner import evaluate_ner
    from kg.train.corpora import corpus_split_path, read_iob

    scores = {}
    for split in ("dev", "test"):
        scores[split] = evaluate_ner(nlp, list(read_iob(corpus_split_path(corpora, corpus, split))))
        console.print(f"{split}: P {scores[split]['precision']:.2f} R {scores[split]['recall']:.2f} "
                      f"F1 {scores[split]['f1']:.2f}")
    card_scores = {split: {k: s[k] for k in ("precision", "recall", "f1", "per_type")} for split, s in scores.items()}
    if dev_in_training:
        card_scores["dev"]["note"] = "dev was part of the training data: not a held-out score"
    return {"scores": card_scores, "ner_words_per_second": scores["test"]["words_per_second"]}


def finish_ner_training(corpus: str, corpora: Path, result, output: Path | None, config_name: str,
                        overrides: dict | None = None, final_steps: int | None = None,
                        final_epochs: int | None = None, training: dict | None = None) -> None:
    """Score the best checkpoint on dev and test and ship it with its model card."""
    import spacy

    from kg.train.corpora import corpus_labels, corpus_split_path, read_iob
    from kg.train.dictionary import finish_ner_pipeline
    from kg.train.spacy_registry import corpus_tokenizer

    final = final_steps or final_epochs
    nlp = spacy.load(result.best_dir)
    dictionary = finish_ner_pipeline(nlp, corpus, corpora)
    nlp.to_disk(result.best_dir)  # the added components ship with the model
    scored = _score_dev_test(nlp, corpus, corpora, dev_in_training=bool(final))
    labels = corpus_labels(list(read_iob(corpus_split_path(corpora, corpus, "train"))))
    card = {"name": corpus, "corpus": corpus, "labels": labels, "config": f"pipelines/training/{config_name}",
            "config_overrides": overrides or {}, "pipeline": nlp.pipe_names, **scored}
    if dictionary:
        card["dictionary"] = dictionary
    card["trained_on"] = "train+dev" if final else "train (dev selects the checkpoint)"
    if final_steps:
        card["final_steps"] = final_steps
    if final_epochs:
        card["final_epochs"] = final_epochs
    if training:
        card["training"] = training
    _ship(result, corpus, output, card, corpus_tokenizer)


@train_app.command("parser")
def train_parser_cmd(
    treebanks_dir: TreebanksDir = None,
    corpora_dir: CorporaDir = None,
    output: Annotated[Optional[Path], typer.Option(help="Where to save (default kg/models/craft_parser).")] = None,
    max_minutes: Annotated[Optional[float], typer.Option(
        help="Wall-clock training budget; 0 = none (default: 30 for the CNN, none for MiniLM).")] = None,
    work_dir: Annotated[Optional[Path], typer.Option(help="Scratch folder (default ~/.cache/kg-train/craft_parser).")] = None,
    overrides: Overrides = None,
    encoder: Annotated[Encoder, typer.Option(
        help="cnn: spaCy tagger + transition parser (pipelines/training/parser_cnn.cfg). minilm: biaffine parser "
             "and tagger on a fine-tuned all-MiniLM-L6-v2, shipped as int8 ONNX "
             "(pipelines/training/parser_minilm.toml; needs the train-transformer extra; the shipped one).")] = Encoder.minilm,
) -> None:
    """Train tagger + dependency parser + lookup lemmatizer on the CRAFT treebank; ship the epoch or checkpoint dev picks."""
    treebanks = _treebanks_dir(treebanks_dir)
    extra = _parse_overrides(overrides)
    if encoder is Encoder.minilm:
        from kg.train.runner import default_work_dir, training_config_path
        from kg.train.transformer_ner import read_settings
        from kg.train.transformer_parser import (MINILM_PARSER_CONFIG, TransformerParserSettings,
                                                 train_transformer_parser_pipeline)

        config = MINILM_PARSER_CONFIG
        settings = read_settings(training_config_path(config), extra, TransformerParserSettings)
        result = train_transformer_parser_pipeline(treebanks, work_dir or default_work_dir("craft_parser_minilm"),
                                                   settings, max_minutes or 0, log=console.print)
    else:
        from kg.train.parser import CNN_MINUTES, PARSER_CONFIG, train_parser

        config = PARSER_CONFIG
        corpora = _corpora_dir(corpora_dir)  # raw text for the word vectors
        result = train_parser(treebanks, corpora, CNN_MINUTES if max_minutes is None else max_minutes, work_dir,
                              log=console.print, extra_overrides=extra)
    finish_parser_training(result, treebanks, output, encoder.value, config, extra)


def finish_parser_training(result, treebanks: Path, output: Path | None, encoder: str, config: str,
                           overrides: dict) -> None:
    """Score the trained parser on CRAFT dev and test and ship it with its model card."""
    import spacy

    from kg.eval.parser import evaluate_parser
    from kg.train.corpora import read_conllu
    from kg.train.parser import treebank_path
    from kg.train.spacy_registry import biomedical_tokenizer

    nlp = spacy.load(result.best_dir)
    scores = {}
    for split in ("dev", "test"):
        scores[split] = evaluate_parser(nlp, list(read_conllu(treebank_path(treebanks, split))))
        console.print(f"{split}: UAS {scores[split]['uas']} LAS {scores[split]['las']} tag {scores[split]['tag_acc']}")
    parser = nlp.get_pipe("parser")
    # The MiniLM parser tags too (no separate tagger).
    tags = nlp.get_pipe("tagger").labels if nlp.has_pipe("tagger") else parser.model.tags
    card = {"name": output.name if output else "craft_parser",
            "corpus": "CRAFT v4 treebank (craft-train.conllu; dev for selection)",
            "encoder": encoder, "labels": {"tagger": list(tags), "parser": list(parser.labels)},
            "config": f"pipelines/training/{config}", "config_overrides": overrides, "pipeline": nlp.pipe_names,
            "scores": {split: {k: s[k] for k in ("uas", "las", "tag_acc", "pos_acc", "lemma_acc")} for split, s in scores.items()},
            "words_per_second": scores["test"]["words_per_second"]}
    if result.best_dev_scores:
        card["training"] = result.best_dev_scores
    _ship(result, "craft_parser", output, card, biomedical_tokenizer)


def _print_ner(result: dict) -> None:
    table = Table(title=f"NER {result['corpus']} {result['split']} ({result['model']})")
    for column in ("type", "P", "R", "F1", "gold", "pred"):
        table.add_column(column, justify="left" if column == "type" else "right")
    rows = [*result["per_type"].items(), ("overall", result)]
    for label, s in rows:
        table.add_row(label, f"{s['precision']:.2f}", f"{s['recall']:.2f}", f"{s['f1']:.2f}",
                      str(s["support"]), str(s["predicted"]))
    console.print(table)
    console.print(f"NER step: {result['words_per_second']:.0f} words/s, {result['docs_per_second']:.1f} docs/s "
                  f"({result['docs']} docs of 10 sentences)")
    if result["ignored_predicted_labels"]:
        console.print(f"predicted labels outside the corpus's set (not scored): {result['ignored_predicted_labels']}")


@eval_app.command("ner")
def eval_ner_cmd(
    corpus: Annotated[NerCorpus, typer.Option(help="Corpus whose split is scored.")],
    split: Annotated[Split, typer.Option(help="dev or test.")] = Split.test,
    model: Annotated[Optional[str], typer.Option(
        help="kg:NAME (shipped model, default kg:<corpus>), a pipeline path, or an installed package "
             "such as en_ner_bc5cdr_md.")] = None,
    corpora_dir: CorporaDir = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (precision/recall/f1 on 0-100).")] = False,
) -> None:
    """Exact-span (CoNLL) precision, recall and F1 overall and per type, on the corpus's own tokens."""
    from kg.eval.ner import evaluate_ner_corpus

    result = evaluate_ner_corpus(corpus.value, split.value, model, _corpora_dir(corpora_dir))
    if as_json:
        typer.echo(json.dumps(result, indent=2))
    else:
        _print_ner(result)


@eval_app.command("parser")
def eval_parser_cmd(
    split: Annotated[Split, typer.Option(help="dev or test.")] = Split.test,
    model: Annotated[Optional[str], typer.Option(help="kg:NAME (default kg:craft_parser), a path or a package.")] = None,
    treebanks_dir: TreebanksDir = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (scores on 0-100).")] = False,
) -> None:
    """UAS, LAS (punctuation excluded), tag/POS/lemma accuracy on the CRAFT treebank."""
    from kg.eval.parser import evaluate_parser_treebank
    from kg.train.parser import treebank_path

    path = treebank_path(_treebanks_dir(treebanks_dir), split.value)
    if not path.is_file():
        raise InputError("treebank file not found", path=str(path))
    result = evaluate_parser_treebank(path, model, split.value)
    if as_json:
        typer.echo(json.dumps(result, indent=2))
    else:
        console.print(f"CRAFT {split.value} ({result['model']}): UAS {result['uas']}  LAS {result['las']}  "
                      f"tag acc {result['tag_acc']}  POS acc {result['pos_acc']}  lemma acc {result['lemma_acc']}  "
                      f"({result['words_per_second']:.0f} words/s)")


@train_app.command("dictionary")
def train_dictionary_cmd(
    corpus: Annotated[NerCorpus, typer.Option(help="Corpus whose train split teaches the stoplist.")] = NerCorpus("bc5cdr"),
    model: Annotated[Optional[Path], typer.Option(help="NER pipeline to extend in place (default kg/models/<corpus>).")] = None,
    corpora_dir: CorporaDir = None,
) -> None:
    """Refit what follows ``ner`` on a trained model (corpus tokenizer, MeSH dictionary NER, document
    consistency) and rescore it on dev and test."""
    import spacy

    from kg.train.dictionary import DICTIONARY_LABELS, finish_ner_pipeline
    from kg.train.runner import default_model_dir, read_model_card, tokenizer_card, write_model_card
    from kg.train.spacy_registry import corpus_tokenizer

    if corpus.value not in DICTIONARY_LABELS:
        raise ConfigError(f"no dictionary label map for corpus {corpus.value!r} (have: {', '.join(DICTIONARY_LABELS)})")
    corpora = _corpora_dir(corpora_dir)
    path = model or default_model_dir(corpus.value)
    nlp = spacy.load(path)
    fitted = finish_ner_pipeline(nlp, corpus.value, corpora)
    console.print(f"dictionary: {fitted['names']} MeSH names, {fitted['stopped']} stopped by the {corpus.value} train split")
    card = read_model_card(path)
    scored = _score_dev_test(nlp, corpus.value, corpora, dev_in_training="final_steps" in card)
    nlp.to_disk(path)
    card.update({"pipeline": nlp.pipe_names, "dictionary": fitted, **scored,
                 "tokenizer": tokenizer_card(corpus_tokenizer)})
    write_model_card(path, card)
    console.print(f"saved {path}")
