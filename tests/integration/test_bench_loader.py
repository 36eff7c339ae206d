"""kg bench's loader-vs-raw measurement against the real Bolt server (figures not asserted)."""

from __future__ import annotations

import pytest

from kg import bench

pytestmark = pytest.mark.integration


def test_loader_and_raw_write_the_same_graph(clean_store, make_graph):
    graph = make_graph(n_entities=12, n_edges=10, docs=("PMID:1", "PMID:2"), evidence_per_doc=2)
    rows = bench.load_rows(graph)
    bench.raw_load(clean_store.driver, clean_store.database, rows, batch_size=7)
    raw_stats = clean_store.stats()
    bench.clear_store(clean_store)
    clean_store.load(graph)
    loader_stats = clean_store.stats()
    for key in ("nodes", "relationships", "nodes_per_label", "relationships_per_type"):
        assert raw_stats[key] == loader_stats[key], key
    bench.clear_store(clean_store)

    timing = bench.time_loader(graph, clean_store, batch_size=7, rounds=1)
    assert timing["rows"] == bench.count_rows(rows)
    assert 0 < timing["loader_vs_raw"] <= 1
    assert set(timing["raw_phase_seconds"]) == {"documents", "entities", "edges", "evidence", "mentions"}
    assert clean_store.query("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0  # left empty


def test_time_loader_refuses_a_database_with_data(clean_store, make_graph):
    from kg.errors import StoreError

    graph = make_graph()
    clean_store.load(graph)
    with pytest.raises(StoreError, match="empty database"):
        bench.time_loader(graph, clean_store)
    assert clean_store.stats()["entities"] == len(graph.entities)  # nothing deleted
