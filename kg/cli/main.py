"""Entry point of the ``kg`` command: user mistakes print one line, never a traceback."""

from __future__ import annotations

import importlib
import sys

from rich.console import Console

from kg.cli.app import app
from kg.errors import KgError

# Each module registers its commands on the apps in kg.cli.app.
COMMAND_MODULES = (
    "kg.cli.build_cmds",
    "kg.cli.store_cmds",
    "kg.cli.ner_cmds",
    "kg.cli.terms_cmds",
    "kg.cli.relations_cmds",
    "kg.cli.explore_cmds",
)


def _register() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name)


def run() -> None:
    _register()
    try:
        app()
    except KgError as exc:
        Console(stderr=True).print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        Console(stderr=True).print("[yellow]interrupted[/]")
        sys.exit(130)


if __name__ == "__main__":
    run()
