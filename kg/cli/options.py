"""Options and helpers shared by the commands that talk to a graph store."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kg.errors import ConfigError

NeoOpt = Annotated[str | None, typer.Option("--neo4j", help="Bolt URI (default: $NEO4J_URI, else the embedded store).", show_default=False)]
UserOpt = Annotated[str | None, typer.Option("--user", help="User name (default: $NEO4J_USER or neo4j).", show_default=False)]
DbOpt = Annotated[str | None, typer.Option("--database", help="Database name (default: $NEO4J_DATABASE or the server's default).", show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def store_settings(neo4j: str | None, user: str | None, database: str | None):
    """Connection settings; asks for the password (hidden) when a URI has none in the env."""
    from kg.store import StoreSettings  # noqa: PLC0415

    settings = StoreSettings.resolve(uri=neo4j, user=user, database=database)
    if not settings.embedded and settings.password is None:
        if not sys.stdin.isatty():
            raise ConfigError(f"no password for {settings.uri}: set NEO4J_PASSWORD")
        settings = settings.with_password(typer.prompt(f"Password for {settings.user or 'neo4j'} at {settings.uri}",
                                                       hide_input=True))
    return settings


def console(stderr: bool = False):
    from rich.console import Console  # noqa: PLC0415

    return Console(stderr=stderr, highlight=False)
