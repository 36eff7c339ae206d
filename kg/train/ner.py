"""`kg train ner`: corpus -> DocBin -> spaCy NER pipeline with scispaCy's tokenizer."""

from __future__ import annotations

from pathlib import Path

from kg.train.corpora import convert_ner_split, default_treebanks_dir
from kg.train.runner import TrainingResult, default_work_dir, train_spacy, training_config_path
from kg.train.vectors import build_vectors

NER_CONFIG = "ner_cnn.cfg"
CNN_MINUTES = 35.0  # default wall-clock budget of a CNN run (`kg train ner --max-minutes`)


def prepare_vectors(corpora_dir: Path, work_root: Path, log=print) -> Path:
    """Word2vec vectors shared by all NER models (built once per work root)."""
    path = work_root / "vectors"
    if not (path / "vocab" / "vectors").exists():
        log(f"training word2vec vectors -> {path}")
        log(str(build_vectors(corpora_dir, default_treebanks_dir(), path)))
    return path


def train_ner(corpus: str, corpora_dir: Path, max_minutes: float, work_dir: Path | None = None,
              config_name: str = NER_CONFIG, log=print, extra_overrides: dict | None = None,
              final_steps: int | None = None) -> TrainingResult:
    """Train on the train split, keeping the checkpoint that scores best on dev.

    ``final_steps``: train on train + dev for exactly that many steps instead (the usual final
    model once a dev-selected run has shown where the score peaks); dev no longer selects anything.
    """
    work_dir = work_dir or default_work_dir(corpus)
    data = work_dir / "corpus" / "splits"
    for split in ("train", "dev"):
        count = convert_ner_split(corpora_dir, corpus, split, data / split / f"{split}.spacy")
        log(f"{corpus} {split}: {count} sentences")
    vectors = prepare_vectors(corpora_dir, work_dir.parent)
    # spaCy reads every .spacy file under a directory: train + dev is both split folders' parent.
    train_path = data if final_steps else data / "train"
    overrides = {"paths.train": str(train_path), "paths.dev": str(data / "dev"), "paths.vectors": str(vectors)}
    if final_steps:
        overrides |= {"training.max_steps": final_steps, "training.eval_frequency": final_steps,
                      "training.patience": 0}
    overrides |= extra_overrides or {}
    return train_spacy(training_config_path(config_name), work_dir / "training", overrides, max_minutes)
