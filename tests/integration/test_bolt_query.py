"""kg query / StoreConnection.query against the real server: read-only by default."""

from __future__ import annotations

import json

import pytest

from kg.errors import WriteRefused

pytestmark = pytest.mark.integration


def node_count(store) -> int:
    return store.query("MATCH (n) RETURN count(n) AS n")[0]["n"]


def test_read_only_query_refuses_writes(clean_store):
    for cypher in ("CREATE (n:X) RETURN n", "MATCH (n) DETACH DELETE n", "MERGE (n:Entity {id: 'x'})",
                   "MATCH (n) SET n.x = 1 RETURN n"):
        with pytest.raises(WriteRefused):
            clean_store.query(cypher)
    assert node_count(clean_store) == 0
    assert clean_store.query("CREATE (n:Scratch {v: $v}) RETURN n.v AS v", {"v": 3}, write=True) == [{"v": 3}]
    assert node_count(clean_store) == 1


def test_write_that_slips_past_the_scan_is_rolled_back(clean_store, monkeypatch):
    """Second and third layers: READ access mode and rollback, even if the scan missed it."""
    import kg.store.query as query_mod
    from kg.errors import StoreError

    monkeypatch.setattr(query_mod, "check_read_only", lambda cypher: None)
    try:
        clean_store.query("CREATE (n:Sneaky) RETURN n")
    except (WriteRefused, StoreError):
        pass  # Neo4j refuses a write in a READ transaction
    assert clean_store.query("MATCH (n:Sneaky) RETURN count(n) AS n")[0]["n"] == 0


def test_rows_convert_nodes_relationships_paths(clean_store, make_graph):
    clean_store.load(make_graph(n_entities=3, n_edges=1))
    row = clean_store.query("MATCH p=(a:Entity)-[r:DECREASES]->(b:Entity) RETURN a, r, p, a.name AS name")[0]
    assert row["a"]["_labels"] == sorted(["Entity", "Cell"]) and row["a"]["id"] == "kg:e0"
    assert row["r"]["_type"] == "DECREASES" and row["r"]["evidence_count"] == 1
    assert [n["id"] for n in row["p"]["nodes"]] == ["kg:e0", "kg:e1"]
    assert row["name"] == "entity 0"
    json.dumps(row)  # plain JSON-able values


@pytest.fixture()
def cli(bolt_settings, monkeypatch):
    """Invoke kg commands against the test server (password through the environment)."""
    from typer.testing import CliRunner

    import kg.cli.store_cmds  # noqa: F401 - registers commands
    from kg.cli.app import app

    monkeypatch.setenv("NEO4J_URI", bolt_settings.uri)
    monkeypatch.setenv("NEO4J_USER", bolt_settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", bolt_settings.password)
    if bolt_settings.database:
        monkeypatch.setenv("NEO4J_DATABASE", bolt_settings.database)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args))

    return invoke


def test_cli_load_query_stats(clean_store, make_graph, cli, tmp_path, bolt_settings):
    from kg.sinks.kgx import KgxSink

    graph = make_graph(n_entities=8, n_edges=6, docs=("PMID:1", "PMID:2"))
    KgxSink(tmp_path).write(graph)

    result = cli("load", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert bolt_settings.password not in result.output
    result = cli("load", str(tmp_path), "--batch-size", "3")
    assert result.exit_code == 0, result.output
    stats = json.loads(cli("stats", "--json").stdout)
    assert stats["entities"] == 8 and stats["documents"] == 2 and stats["evidence"] == 12
    direct = clean_store.query("MATCH ()-[r]->() WHERE r.id IS NOT NULL "
                               "RETURN r.id AS id, r.confidence AS c, r.evidence_count AS n ORDER BY id")
    clean_store.load(graph)  # KGX round trip loads the same graph as the Graph itself
    assert json.loads(cli("stats", "--json").stdout) == stats
    assert clean_store.query("MATCH ()-[r]->() WHERE r.id IS NOT NULL "
                             "RETURN r.id AS id, r.confidence AS c, r.evidence_count AS n ORDER BY id") == direct
    result = cli("load", str(tmp_path / "missing"))
    assert result.exit_code != 0 and "missing" in str(result.exception)

    result = cli("query", "MATCH (a)-[:DECREASES]->(b) RETURN a.name, b.name")
    assert result.exit_code == 0 and "entity 0" in result.stdout and "1 row" in result.stdout
    result = cli("query", "MATCH (n:Entity) WHERE n.name = $name RETURN n.id AS id", "--param", "name=entity 3", "--json")
    assert json.loads(result.stdout) == [{"id": "kg:e3"}]
    result = cli("query", "MATCH (n) DETACH DELETE n")
    assert isinstance(result.exception, WriteRefused)
    assert json.loads(cli("stats", "--json").stdout)["entities"] == 8
    result = cli("query", "MATCH (n:Entity {id: 'kg:e0'}) SET n.flag = true RETURN n.flag AS f", "--write", "--json")
    assert json.loads(result.stdout) == [{"f": True}]


def test_cli_saved_query(clean_store, make_graph, cli):
    from kg.queries import saved_query

    clean_store.load(make_graph(n_entities=3, n_edges=1))  # kg:e0 DECREASES kg:e1
    query = saved_query("what_decreases")
    assert "target" in query.params
    result = cli("query", "--saved", "what_decreases", "--param", "target=entity 1", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and "entity 0" in json.dumps(rows)
    result = cli("query", "MATCH (n) RETURN n", "--saved", "what_decreases")
    assert result.exit_code != 0
