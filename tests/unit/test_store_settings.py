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


def test_embedded_command_keeps_the_password_off_the_command_line(tmp_path):
    pytest.importorskip("arcadedb_embedded")
    from kg.store.embedded import EmbeddedServer

    server = EmbeddedServer(tmp_path)
    password = server.password()
    assert (tmp_path / "store" / "password").stat().st_mode & 0o077 == 0
    assert server.password() == password  # generated once, then reused
    command = server.command(7001, 7002, 7003)
    assert password not in " ".join(command)
    assert f"-Darcadedb.server.rootPasswordPath={server.password_file}" in command
    assert f"-Darcadedb.server.rootPath={server.root}" in command
    assert "-Darcadedb.bolt.host=127.0.0.1" in command and "-Darcadedb.bolt.port=7001" in command
    assert server.running() is None  # nothing started
