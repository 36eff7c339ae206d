"""Everything the installed package needs is declared for the wheel."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_every_kg_package_is_listed_for_the_wheel():
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "kg").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert config["package-dir"] == {"kg.pipelines": "pipelines", "kg.schemas": "schemas"}


def test_pipeline_configs_and_data_resolve_from_the_package():
    from kg.config import available_pipelines, load_pipeline
    from kg.resources import pipelines_dir, schemas_dir

    assert "default" in available_pipelines()
    config = load_pipeline("default")
    for lexicon in config.nlp.lexicon:
        assert config.resolve(lexicon).is_file()
    assert (pipelines_dir() / "relations" / "triggers.toml").is_file()
    assert (schemas_dir() / "graph-schema.md").is_file()
