"""Paths to data shipped inside the package (pipeline configs, lexicons, schemas, models)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def package_path(*parts: str) -> Path:
    """A path inside the installed ``kg`` package (works for editable and wheel installs)."""
    root = resources.files("kg")
    return Path(str(root.joinpath(*parts)))


def _data_package(name: str) -> Path:
    """``pipelines/`` and ``schemas/`` install as ``kg.pipelines`` / ``kg.schemas``; a source
    checkout that is not installed reads them from the repository root."""
    try:
        return Path(str(resources.files(f"kg.{name}")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / name


def pipelines_dir() -> Path:
    return _data_package("pipelines")


def schemas_dir() -> Path:
    return _data_package("schemas")


def models_dir() -> Path:
    return package_path("models")
