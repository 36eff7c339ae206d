"""Open the graph store (a Bolt URI or the embedded store) as one connection object."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from kg.errors import ConfigError, StoreError
from kg.store.embedded import EmbeddedServer, ServerInfo
from kg.store.query import run_query
from kg.store.settings import DEFAULT_USER, StoreSettings

if TYPE_CHECKING:
    from kg.types import Graph


class StoreConnection:
    """A driver bound to one database, plus where it points (for messages, never secrets)."""

    def __init__(self, driver, *, uri: str, database: str | None, settings: StoreSettings,
                 server: ServerInfo | None = None):
        self.driver = driver
        self.uri = uri
        self.database = database
        self.settings = settings
        self.server = server  # set when this is the embedded store

    def __repr__(self) -> str:
        return f"StoreConnection(uri={self.uri!r}, database={self.database!r})"

    def query(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        """Rows as dicts. Read-only (refuses write clauses) unless ``write=True``."""
        return run_query(self.driver, cypher, params, database=self.database, write=write, uri=self.uri)

    def load(self, graph: Graph, *, batch_size: int = 1000):
        """Load a Graph idempotently; returns the loader's counts."""
        from kg.sinks.neo4j import Neo4jSink  # noqa: PLC0415 - wiring, kept lazy

        return Neo4jSink(self.driver, database=self.database, batch_size=batch_size, uri=self.uri).load(graph)

    def stats(self) -> dict[str, Any]:
        """Nodes per label, relationships per type, evidence and document counts."""
        labels = self.query("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label")
        types = self.query("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type")
        nodes = self.query("MATCH (n) RETURN count(n) AS count")[0]["count"]
        rels = self.query("MATCH ()-[r]->() RETURN count(r) AS count")[0]["count"]
        by_label = {row["label"]: row["count"] for row in labels}
        return {
            "nodes": nodes,
            "relationships": rels,
            "nodes_per_label": by_label,
            "relationships_per_type": {row["type"]: row["count"] for row in types},
            "entities": by_label.get("Entity", 0),
            "documents": by_label.get("Document", 0),
            "evidence": by_label.get("Evidence", 0),
        }

    def close(self) -> None:
        self.driver.close()


def _driver(uri: str, auth, settings: StoreSettings):
    from neo4j import GraphDatabase  # noqa: PLC0415

    return GraphDatabase.driver(
        uri, auth=auth,
        max_transaction_retry_time=settings.max_transaction_retry_time,
        connection_timeout=settings.connection_timeout,
    )


def _verify(driver, uri: str, user: str | None, database: str | None) -> None:
    from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable  # noqa: PLC0415

    try:
        driver.execute_query("RETURN 1", database_=database)
    except AuthError as exc:
        raise StoreError(f"authentication failed for user {user!r} at {uri} (check NEO4J_USER / NEO4J_PASSWORD)") from exc
    except ServiceUnavailable as exc:
        raise StoreError(f"cannot reach the graph store at {uri}: {exc}") from exc
    except (DriverError, Neo4jError, OSError, ValueError) as exc:
        raise StoreError(f"graph store at {uri} refused the connection: {exc}") from exc


@contextlib.contextmanager
def open_store(settings: StoreSettings | None = None) -> Iterator[StoreConnection]:
    """Connect to ``settings.uri``, or to the embedded store (started if needed, stopped after)."""
    settings = settings or StoreSettings.resolve()
    if settings.embedded:
        server = EmbeddedServer(settings.home)
        info, started_here = server.ensure_running()
        try:
            driver = _driver(info.bolt_uri, (server.user, server.password()), settings)
            try:
                _verify(driver, info.bolt_uri, server.user, server.database)
                conn = StoreConnection(driver, uri=info.bolt_uri, database=settings.database or server.database,
                                       settings=settings, server=info)
                yield conn
            finally:
                driver.close()
        finally:
            if started_here:
                server.stop(info)
        return

    user = settings.user or DEFAULT_USER
    if settings.password is None:
        raise ConfigError(f"no password for {settings.uri}: set NEO4J_PASSWORD (or answer the prompt)")
    try:
        driver = _driver(settings.uri, (user, settings.password), settings)
    except ValueError as exc:  # malformed URI
        raise ConfigError(f"invalid Bolt URI {settings.uri!r}: {exc}") from exc
    try:
        _verify(driver, settings.uri, user, settings.database)
        yield StoreConnection(driver, uri=settings.uri, database=settings.database, settings=settings)
    finally:
        driver.close()
