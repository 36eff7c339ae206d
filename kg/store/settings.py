"""Where the graph store is and how to log in.

Values come from CLI options first, then the environment (``NEO4J_URI``,
``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``). No URI at all means the
zero-config embedded store (see :mod:`kg.store.embedded`). The password never
appears in ``repr`` or log lines.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.errors import ConfigError

DEFAULT_USER = "neo4j"
EMBEDDED_USER = "root"
EMBEDDED_DATABASE = "kg"


def kg_home() -> Path:
    """The user's kg data directory: ``$KG_HOME`` or the platform's data dir."""
    explicit = os.environ.get("KG_HOME")
    if explicit:
        return Path(explicit).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "kg"


@dataclass(frozen=True)
class StoreSettings:
    """Connection settings. ``uri=None`` selects the embedded store in ``home``."""

    uri: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    database: str | None = None
    home: Path | None = None  # embedded store only; default kg_home()
    # How long the driver keeps retrying one transaction on transient errors.
    max_transaction_retry_time: float = 15.0
    connection_timeout: float = 10.0

    @classmethod
    def resolve(
        cls,
        uri: str | None = None,
        user: str | None = None,
        database: str | None = None,
        password: str | None = None,
        **extra,
    ) -> StoreSettings:
        """Options given explicitly win over the environment."""
        uri = uri or os.environ.get("NEO4J_URI") or None
        if uri is not None and "://" not in uri:
            raise ConfigError(f"not a Bolt URI: {uri!r} (expected e.g. bolt://localhost:7687 or neo4j://host:7687)")
        return cls(
            uri=uri,
            user=user or os.environ.get("NEO4J_USER") or None,
            password=password if password is not None else os.environ.get("NEO4J_PASSWORD"),
            database=database or os.environ.get("NEO4J_DATABASE") or None,
            **extra,
        )

    @property
    def embedded(self) -> bool:
        return self.uri is None

    def with_password(self, password: str) -> StoreSettings:
        return replace(self, password=password)

    def describe(self) -> str:
        """A one-line description safe to print (never the password)."""
        where = self.uri or f"embedded store in {self.home or kg_home()}"
        db = f", database {self.database}" if self.database else ""
        return f"{where}{db}"
