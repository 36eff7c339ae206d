"""`kg train ner`: corpus -> DocBin -> spaCy NER pipeline with scispaCy's tokenizer."""

from __future__ import annotations

from pathlib import Path

from kg.train.corpora import convert_ner_split, default_treebanks_dir
from kg.train.runner import TrainingResult, default_work_dir, train_spacy, training_config_path
from kg.train.vectors import build_vectors

NER_CONFIG = "ner_cnn.cfg"


def prepare_vectors(corpora_dir: Path, work_root: Path, log=print) -> Path:
    """Word2vec vectors shared by all NER models (built once per work root)."""
    path = work_root / "vectors"
    if not (path / "vocab" / "vectors").exists():
        log(f"training word2vec vectors -> {path}")
        log(str(build_vectors(corpora_dir, default_treebanks_dir(), path)))
    return path


def train_ner(corpus: str, corpora_dir: Path, max_minutes: float, work_dir: Path | None = None,
              config_name: str = NER_CONFIG, log=print, extra_overrides: dict | None = None) -> TrainingResult:
    work_dir = work_dir or default_work_dir(corpus)
    data = work_dir / "corpus"
    for split in ("train", "dev"):
        count = convert_ner_split(corpora_dir, corpus, split, data / f"{split}.spacy")
        log(f"{corpus} {split}: {count} sentences")
    vectors = prepare_vectors(corpora_dir, work_dir.parent)
    overrides = {"paths.train": str(data / "train.spacy"), "paths.dev": str(data / "dev.spacy"),
                 "paths.vectors": str(vectors), **(extra_overrides or {})}
    return train_spacy(training_config_path(config_name), work_dir / "training", overrides, max_minutes)
