"""Connection settings: options over env, secrets never shown (no server)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import ConfigError
from kg.store.settings import StoreSettings, kg_home


def test_env_and_options(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://env-host:7687")
    monkeypatch.setenv("NEO4J_USER", "envuser")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-from-env")
    monkeypatch.setenv("NEO4J_DATABASE", "envdb")
    s = StoreSettings.resolve()
    assert (s.uri, s.user, s.password, s.database) == ("bolt://env-host:7687", "envuser", "s3cret-from-env", "envdb")
    s = StoreSettings.resolve(uri="neo4j://cli:7687", user="cli", database="clidb")
    assert (s.uri, s.user, s.database) == ("neo4j://cli:7687", "cli", "clidb")
    assert not s.embedded
    for text in (repr(s), str(s), s.describe()):
        assert "s3cret-from-env" not in text


def test_no_uri_means_embedded(monkeypatch, tmp_path):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("KG_HOME", str(tmp_path))
    s = StoreSettings.resolve()
    assert s.embedded
    assert str(tmp_path) in s.describe()
    assert kg_home() == tmp_path


def test_default_home_is_platform_data_dir(monkeypatch):
    monkeypatch.delenv("KG_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    home = kg_home()
    assert home.name == "kg" and str(Path.home()) in str(home)


def test_bad_uri_is_a_config_error(monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with pytest.raises(ConfigError, match="not a Bolt URI"):
        StoreSettings.resolve(uri="localhost")


def test_remote_without_password_in_non_interactive_cli(monkeypatch):
    from typer.testing import CliRunner

    import kg.cli.store_cmds  # noqa: F401
    from kg.cli.app import app

    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    result = CliRunner().invoke(app, ["stats", "--neo4j", "bolt://127.0.0.1:1"])
    assert isinstance(result.exception, ConfigError)
    assert "NEO4J_PASSWORD" in str(result.exception)
