"""Pipeline settings, loaded from a TOML file in ``pipelines/`` (shipped as ``kg.pipelines``)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from kg.errors import ConfigError
from kg.resources import pipelines_dir
from kg.vocab import Category


class NerModelConfig(BaseModel):
    """One NER model in the slot: ``kg:NAME`` (shipped with kg) or an installed spaCy/scispaCy package."""

    model: str
    # Maps the model's own labels to our categories; unmapped labels are dropped.
    labels: dict[str, Category] = Field(default_factory=dict)
    # Required models fail the build when absent; optional ones are skipped with a warning.
    required: bool = False


class NlpConfig(BaseModel):
    tokenizer: str = "scispacy"  # "scispacy" (combined rule tokenizer) or "spacy"
    # Pipeline giving tagger/parser/lemmatizer: "kg:craft" (shipped), "en_core_sci_sm", or None.
    base_model: str | None = None
    ner: list[NerModelConfig] = Field(default_factory=list)
    lexicon: list[str] = Field(default_factory=lambda: ["lexicon/domain.jsonl"])
    abbreviations: bool = True
    variants: bool = True  # dbSNP ids and HGVS-style mutations (kg/nlp/variants.py)
    linker: bool = True
    batch_size: int = 32
    max_chars: int = 200_000  # longer texts are skipped and reported, not truncated silently


class RelationsConfig(BaseModel):
    extractors: list[str] = Field(default_factory=lambda: ["patterns"])
    min_score: float = 0.0


class PipelineConfig(BaseModel):
    name: str
    description: str = ""
    nlp: NlpConfig = Field(default_factory=NlpConfig)
    relations: RelationsConfig = Field(default_factory=RelationsConfig)
    path: str = ""  # file it was read from, to resolve relative data paths

    def resolve(self, relative: str) -> Path:
        """A data path from the config: relative to the config file, then to ``kg.pipelines``."""
        candidate = Path(relative)
        if candidate.is_absolute():
            return candidate
        if self.path:
            local = Path(self.path).parent / candidate
            if local.exists():
                return local
        return pipelines_dir() / candidate


DEFAULT_PIPELINE = "default"


def available_pipelines() -> list[str]:
    return sorted(p.stem for p in pipelines_dir().glob("*.toml"))


def load_pipeline(name_or_path: str | Path = DEFAULT_PIPELINE) -> PipelineConfig:
    """Load a named pipeline (``default``, ``fast``, ...) or a TOML file path."""
    path = Path(name_or_path)
    if not path.suffix:
        path = pipelines_dir() / f"{name_or_path}.toml"
    if not path.is_file():
        raise ConfigError(
            f"pipeline '{name_or_path}' not found; available: {', '.join(available_pipelines())}"
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        data.setdefault("name", path.stem)
        return PipelineConfig(**data, path=str(path))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise ConfigError(f"{path}: invalid pipeline config: {exc}") from exc
