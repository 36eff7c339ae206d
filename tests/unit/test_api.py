"""The Python API without a server: networkx conversion, lazy exports, Connection logic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.api import Connection, rows_to_networkx, to_networkx
from kg.errors import ConfigError, KgError
from kg.types import Graph

REPO = Path(__file__).resolve().parents[2]


def test_to_networkx_keeps_nodes_edges_and_attributes(make_graph):
    graph: Graph = make_graph(n_entities=6, n_edges=5, docs=("PMID:1", "PMID:2"))
    g = to_networkx(graph)
    assert g.is_directed() and g.is_multigraph()
    assert set(g.nodes) == set(graph.entities)
    assert g.number_of_edges() == len(graph.edges)
    for edge in graph.edges.values():
        data = g.get_edge_data(edge.subject, edge.object, key=edge.id)
        assert data["type"] == edge.type.value
        assert data["negated"] is edge.negated
        assert data["evidence_count"] == len(edge.evidence) == 2
        assert data["publications"] == ["PMID:1", "PMID:2"]
    entity = graph.entities["kg:e0"]
    assert g.nodes["kg:e0"]["name"] == entity.name
    assert g.nodes["kg:e0"]["category"] == entity.category.value
    assert any(d["negated"] for _, _, d in g.edges(data=True))


def test_to_networkx_parallel_edges_stay_apart(make_graph):
    graph = make_graph(n_entities=2, n_edges=0)
    from kg.types import Edge
    from kg.vocab import RelationType

    for negated in (False, True):
        e = Edge(subject="kg:e0", type=RelationType.DECREASES, object="kg:e1", negated=negated)
        graph.edges[e.key] = e
    g = to_networkx(graph)
    assert g.number_of_edges("kg:e0", "kg:e1") == 2


def test_to_networkx_with_documents(make_graph):
    graph = make_graph(n_entities=3, n_edges=2, docs=("PMID:7",))
    g = to_networkx(graph, documents=True)
    assert g.nodes["PMID:7"]["kind"] == "Document"
    mentions = [(u, v, d) for u, v, d in g.edges(data=True) if d["type"] == "MENTIONED_IN"]
    assert len(mentions) == len(graph.mentions)
    assert all(v == "PMID:7" and d["count"] >= 1 for _, v, d in mentions)


def test_rows_to_networkx():
    rows = [
        {"subject_id": "A", "subject": "a", "subject_category": "Cell", "type": "DECREASES",
         "object_id": "B", "object": "b", "object_category": "ChemicalEntity", "edge_id": "edge:1",
         "negated": False, "confidence": 0.8},
        {"subject_id": "A", "subject": "a", "subject_category": "Cell", "type": "DECREASES",
         "object_id": "B", "object": "b", "object_category": "ChemicalEntity", "edge_id": "edge:2",
         "negated": True, "confidence": 0.5},
    ]
    g = rows_to_networkx(rows)
    assert g.nodes["B"] == {"name": "b", "category": "ChemicalEntity", "kind": "Entity"}
    assert g.get_edge_data("A", "B", key="edge:2") == {"type": "DECREASES", "negated": True, "confidence": 0.5}


def test_import_kg_is_light_and_exports_lazily():
    code = ("import sys, kg; heavy = [m for m in ('spacy', 'neo4j', 'networkx', 'pandas') if m in sys.modules]; "
            "print(heavy); assert not heavy, heavy; assert callable(kg.build) and callable(kg.connect); "
            "assert kg.Graph.__name__ == 'Graph'; assert kg.__version__")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    with pytest.raises(AttributeError):
        kg.no_such_thing  # noqa: B018


class FakeStore:
    """Records what Connection sends; answers from a canned list."""

    def __init__(self, rows):
        self.rows = rows
        self.calls = []
        self.uri = "bolt://fake"

    def query(self, cypher, params=None, *, write=False):
        self.calls.append((cypher, params, write))
        return self.rows


def _connection(rows) -> tuple[Connection, FakeStore]:
    from kg.store import StoreSettings

    conn = Connection(StoreSettings(uri="bolt://fake", password="x"))
    store = FakeStore(rows)
    conn._store = store
    return conn, store


def test_saved_fills_defaults_and_checks_names():
    conn, store = _connection([])
    conn.saved("what_decreases", target="ROS")
    cypher, params, write = store.calls[-1]
    assert "[r:DECREASES]" in cypher and params == {"target": "ROS", "limit": 25} and write is False
    with pytest.raises(ConfigError, match="no parameter"):
        conn.saved("what_decreases", tagret="ROS")


def test_query_passes_parameters_and_write_commits():
    conn, store = _connection([{"n": 1}])
    assert conn.query("RETURN $x AS n", x=1) == [{"n": 1}]
    assert store.calls[-1] == ("RETURN $x AS n", {"x": 1}, False)
    conn.write("CREATE (n:Entity {id: $id})", id="a")
    assert store.calls[-1][2] is True


def test_query_df_and_evidence():
    pytest.importorskip("pandas")
    conn, store = _connection([{"a": 1, "b": "x"}, {"a": 2, "b": "y"}])
    df = conn.query_df("RETURN 1")
    assert list(df.columns) == ["a", "b"] and len(df) == 2
    conn.evidence("MSCs", "decreases", "ROS")
    _, params, _ = store.calls[-1]
    assert params["subject"] == "MSCs" and params["object"] == "ROS" and params["type"] == "DECREASES"
    with pytest.raises(ConfigError):
        conn.evidence("MSCs", "DECREASES")


def test_neighbourhood_builds_a_multidigraph_and_rejects_bad_hops():
    rows = [{"subject_id": "A", "subject": "a", "subject_category": "Cell", "type": "TREATS",
             "object_id": "B", "object": "b", "object_category": "Disease", "edge_id": "edge:9"}]
    conn, store = _connection(rows)
    g = conn.neighbourhood("a", hops=2)
    assert list(g.edges(keys=True)) == [("A", "B", "edge:9")]
    assert store.calls[-1][1]["hops"] == 2
    with pytest.raises(ConfigError, match="hops"):
        conn.neighbourhood("a", hops=3)


def test_neighbourhood_of_unknown_entity_is_an_error():
    conn, _ = _connection([])  # no rows, and the existence check answers nothing either
    conn._store.rows = []
    with pytest.raises(KgError, match="no entity named"):
        conn.neighbourhood("nothing")


def test_closed_connection_refuses_queries():
    from kg.store import StoreSettings

    conn = Connection(StoreSettings(uri="bolt://fake", password="x"))
    with pytest.raises(KgError, match="closed"):
        conn.query("RETURN 1")
    assert "closed" in repr(conn)


def test_connect_to_uri_without_password_is_a_config_error(monkeypatch):
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    with pytest.raises(ConfigError, match="no password"):
        kg.connect("bolt://127.0.0.1:1")
    with pytest.raises(ConfigError, match="not a Bolt URI"):
        kg.connect("localhost")


def test_build_without_load_returns_the_graph(tmp_path):
    seed = REPO / "examples" / "seed_msc_neuropathic_pain.txt"
    result = kg.build(seed, out=tmp_path / "out", load=False)
    assert (tmp_path / "out" / "nodes.jsonl").is_file()
    names = {e.id: e.name for e in result.graph.entities.values()}
    claims = {(names[e.subject], e.type.value, names[e.object]) for e in result.graph.edges.values() if not e.negated}
    assert ("mesenchymal stem cell", "DECREASES", "reactive oxygen species") in claims
    g = to_networkx(result.graph)
    assert g.number_of_nodes() == len(result.graph.entities)
    with pytest.raises(KgError, match="input not found"):
        kg.build(tmp_path / "missing.txt", load=False)
