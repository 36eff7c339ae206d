"""Run spaCy training with a wall-clock budget and ship the best checkpoint as a kg model."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ConfigError
from kg.resources import package_path

SEED = 0
MODEL_CARD = "kg-model.json"


def training_config_path(name: str) -> Path:
    """A config under pipelines/training/ (shipped as kg.pipelines/training)."""
    from kg.resources import pipelines_dir

    path = pipelines_dir() / "training" / name
    if not path.is_file():
        raise ConfigError(f"training config not found: {path}")
    return path


def default_work_dir(name: str) -> Path:
    base = os.environ.get("KG_TRAIN_WORK_DIR") or Path.home() / ".cache" / "kg-train"
    return Path(base) / name


def default_model_dir(name: str) -> Path:
    return package_path("models", name)


@dataclass
class TrainingResult:
    best_dir: Path
    seconds: float
    stopped_by_time: bool
    best_dev_scores: dict = field(default_factory=dict)


def train_spacy(config: Path, work_dir: Path, overrides: dict, max_minutes: float) -> TrainingResult:
    """Train with spaCy's own loop; a ``before_update`` hook stops it after ``max_minutes``.

    spaCy saves ``model-best`` whenever the dev score improves, so stopping early keeps the best
    checkpoint seen so far.
    """
    import spacy
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train
    from spacy.util import load_config

    import kg.train.spacy_registry as registry  # registers the callbacks the configs name

    # OpenBLAS/MKL threads compete with thinc's single-threaded BLIS kernels on small machines.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    spacy.util.fix_random_seed(SEED)
    overrides = {**overrides, "training.before_update.minutes": max_minutes, "system.seed": SEED}
    cfg = load_config(config, overrides=overrides, interpolate=False)
    nlp = init_nlp(cfg, use_gpu=-1)
    work_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    stopped = False
    try:
        train(nlp, work_dir, use_gpu=-1)
    except registry.TrainingTimeUp:
        stopped = True
    seconds = time.monotonic() - started
    best = work_dir / "model-best"
    meta = json.loads((best / "meta.json").read_text()) if (best / "meta.json").is_file() else {}
    return TrainingResult(best, seconds, stopped, meta.get("performance", {}))


def tokenizer_card(tokenizer: Callable) -> str:
    """How a model card names the tokenizer ``tokenizer(nlp)`` builds."""
    return f"kg.train.spacy_registry.{tokenizer.__name__} (rules serialized in tokenizer/)"


def ship_model(best_dir: Path, output: Path, tokenizer: Callable) -> int:
    """Save a trained pipeline to ``output`` (replacing it) with the tokenizer ``tokenizer(nlp)``
    builds (kg.train.spacy_registry); returns its size in bytes. The tokenizer has no weights, so
    it can be refreshed after training."""
    import spacy

    nlp = spacy.load(best_dir)
    nlp.tokenizer = tokenizer(nlp)
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    return sum(p.stat().st_size for p in output.rglob("*") if p.is_file())


def write_model_card(output: Path, card: dict) -> Path:
    path = output / MODEL_CARD
    path.write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def read_model_card(output: Path) -> dict:
    path = output / MODEL_CARD
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
