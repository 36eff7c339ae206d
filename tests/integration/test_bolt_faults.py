"""The server dies mid-load (kill -9); after a restart on the same rootPath a re-run of
the load completes, and the graph equals an uninterrupted load."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from kg.errors import StoreError
from kg.sinks.neo4j import Neo4jSink
from kg.store.embedded import EmbeddedServer

pytestmark = pytest.mark.integration


def snapshot(driver, database) -> dict:
    def rows(q):
        records, _, _ = driver.execute_query(q, database_=database)
        return [r.data() for r in records]

    return {
        "labels": rows("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n ORDER BY l"),
        "types": rows("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n ORDER BY t"),
        "edges": rows("MATCH ()-[r]->() WHERE r.id IS NOT NULL RETURN r.id AS id, r.evidence_count AS n, "
                      "r.confidence AS c, r.publications AS p ORDER BY id"),
        "mention_counts": rows("MATCH (e:Entity) RETURN e.id AS id, e.mention_count AS n ORDER BY id"),
    }


@pytest.fixture()
def own_server(bolt_settings, tmp_path):
    """A server of our own to kill (never the shared CI server). Needs the CI env to run."""
    server = EmbeddedServer(tmp_path / "home", heap="512m")
    info = server.start()
    state = {"info": info}
    yield server, state
    server.stop(state["info"])


def driver_for(server, info):
    from neo4j import GraphDatabase

    return GraphDatabase.driver(info.bolt_uri, auth=(server.user, server.password()),
                                max_transaction_retry_time=1.0, connection_timeout=2.0)


def test_kill_during_load_then_rerun_equals_uninterrupted(own_server, clean_store, make_graph):
    server, state = own_server
    graph = make_graph(n_entities=300, n_edges=500, docs=("PMID:1", "PMID:2"), evidence_per_doc=1)

    # Reference: the same graph loaded without interruption on the CI server.
    Neo4jSink(clean_store.driver, database=clean_store.database, batch_size=250, uri=clean_store.uri).load(graph)
    expected = snapshot(clean_store.driver, clean_store.database)

    info = state["info"]
    outcome: dict = {}
    with driver_for(server, info) as driver:
        sink = Neo4jSink(driver, database=server.database, batch_size=40, uri=info.bolt_uri,
                         retries=2, backoff_s=0.2)

        def run():
            try:
                outcome["counts"] = sink.load(graph)
            except BaseException as exc:  # noqa: BLE001 - reported below
                outcome["error"] = exc

        loader = threading.Thread(target=run)
        loader.start()
        deadline = time.monotonic() + 120
        with driver_for(server, info) as probe:
            while time.monotonic() < deadline and loader.is_alive():
                records, _, _ = probe.execute_query("MATCH (e:Entity) RETURN count(e) AS n", database_=server.database)
                if records[0]["n"] > 0:  # the first batches are committed, most of the load is not
                    break
                time.sleep(0.05)
        os.kill(info.pid, signal.SIGKILL)
        loader.join(timeout=120)
    assert not loader.is_alive()
    assert isinstance(outcome.get("error"), StoreError), f"load was not interrupted: {outcome}"
    assert info.bolt_uri in str(outcome["error"])

    # Restart on the same rootPath and run the same load again.
    state["info"] = info = server.start()
    with driver_for(server, info) as driver:
        partial = snapshot(driver, server.database)
        assert partial != expected  # the first run really was cut short
        Neo4jSink(driver, database=server.database, batch_size=40, uri=info.bolt_uri).load(graph)
        assert snapshot(driver, server.database) == expected
