"""Paths to data shipped inside the package (pipeline configs, lexicons, schemas, models)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def package_path(*parts: str) -> Path:
    """A path inside the installed ``kg`` package (works for editable and wheel installs)."""
    root = resources.files("kg")
    return Path(str(root.joinpath(*parts)))


def pipelines_dir() -> Path:
    return Path(str(resources.files("kg.pipelines")))


def schemas_dir() -> Path:
    return Path(str(resources.files("kg.schemas")))


def models_dir() -> Path:
    return package_path("models")
