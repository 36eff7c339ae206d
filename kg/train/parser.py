"""`kg train parser`: CRAFT CoNLL-U -> tagger + dependency parser + lookup lemmatizer."""

from __future__ import annotations

import json
from pathlib import Path

from kg.train.corpora import convert_conllu, read_conllu
from kg.train.lemmas import build_lemma_table, tag_to_pos_patterns, write_lemma_table
from kg.train.runner import TrainingResult, default_work_dir, train_spacy, training_config_path

PARSER_CONFIG = "parser_cnn.cfg"
CNN_MINUTES = 30.0  # default wall-clock budget of a CNN run (`kg train parser --max-minutes`)
TREEBANK_FILES = {"train": "craft-train.conllu", "dev": "craft-dev.conllu", "test": "craft-test.conllu"}


def treebank_path(treebanks_dir: Path, split: str) -> Path:
    return treebanks_dir / "craft" / TREEBANK_FILES[split]


def train_parser(treebanks_dir: Path, corpora_dir: Path, max_minutes: float, work_dir: Path | None = None,
                 config_name: str = PARSER_CONFIG, log=print, extra_overrides: dict | None = None) -> TrainingResult:
    from kg.train.ner import prepare_vectors

    work_dir = work_dir or default_work_dir("craft_parser")
    data = work_dir / "corpus"
    for split in ("train", "dev"):
        count = convert_conllu(treebank_path(treebanks_dir, split), data / f"{split}.spacy")
        log(f"CRAFT treebank {split}: {count} sentences")
    train_sentences = list(read_conllu(treebank_path(treebanks_dir, "train")))
    table = write_lemma_table(build_lemma_table(train_sentences), data / "lemma_lookup.json")
    patterns = data / "tag_to_pos.json"
    patterns.write_text(json.dumps(tag_to_pos_patterns(train_sentences)), encoding="utf-8")
    vectors = prepare_vectors(corpora_dir, work_dir.parent)
    overrides = {"paths.train": str(data / "train.spacy"), "paths.dev": str(data / "dev.spacy"),
                 "paths.vectors": str(vectors), "paths.lemma_table": str(table), "paths.pos_patterns": str(patterns),
                 **(extra_overrides or {})}
    return train_spacy(training_config_path(config_name), work_dir / "training", overrides, max_minutes)
