"""The graph store: connection settings, the embedded ArcadeDB store, and read-only queries.

    from kg.store import StoreSettings, open_store
    with open_store(StoreSettings.resolve()) as store:   # no URI: embedded store
        store.load(graph)
        rows = store.query("MATCH (a)-[:DECREASES]->(b) RETURN a.name, b.name")
"""

from kg.store.connection import StoreConnection, open_store
from kg.store.embedded import EmbeddedServer, ServerInfo
from kg.store.query import check_read_only, run_query, write_clauses
from kg.store.settings import StoreSettings, kg_home

__all__ = [
    "EmbeddedServer", "ServerInfo", "StoreConnection", "StoreSettings", "check_read_only",
    "kg_home", "open_store", "run_query", "write_clauses",
]
