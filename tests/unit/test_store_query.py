"""Read-only guard of kg query, parameter parsing and result conversion (no server)."""

from __future__ import annotations

import pytest

from kg.errors import ConfigError, WriteRefused
from kg.store.query import check_read_only, write_clauses


@pytest.mark.parametrize("cypher", [
    "MATCH (a)-[:DECREASES]->(b) RETURN a.name, b.name",
    "MATCH (n) WHERE n.name = 'CREATE (x)' RETURN n",
    'MATCH (n) WHERE n.name = "a \\" DELETE n" RETURN n',
    "MATCH (n:`SET`) RETURN n",
    "MATCH (n) RETURN n.set, n.create, $merge // DELETE everything\n",
    "MATCH (n) /* MERGE (x) */ RETURN count(n)",
    "CALL db.labels() YIELD label RETURN label",
    "MATCH (n) CALL { WITH n MATCH (n)--(m) RETURN count(m) AS c } RETURN n, c",
    "SHOW INDEXES",
    "MATCH (n) WHERE n.offset > 3 RETURN n.dataset, n.settings",
])
def test_read_queries_pass(cypher):
    assert write_clauses(cypher) == []
    check_read_only(cypher)


@pytest.mark.parametrize(("cypher", "expected"), [
    ("CREATE (n:X) RETURN n", "CREATE"),
    ("match (n) detach delete n", "DETACH"),
    ("MATCH (n) SET n.x = 1", "SET"),
    ("MATCH (n) REMOVE n:Cell", "REMOVE"),
    ("MERGE (n:Entity {id: 'x'})", "MERGE"),
    ("DROP INDEX entity_name", "DROP"),
    ("LOAD CSV FROM 'file:///x' AS row RETURN row", "LOAD"),
    ("MATCH (n) FOREACH (x IN [1] | CREATE (:Y))", "FOREACH"),
    ("MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS", "IN TRANSACTIONS"),
    ("CALL apoc.create.node(['X'], {}) YIELD node RETURN node", "CALL apoc.create.node"),
    ("MATCH (n) WHERE n.name = 'a' DELETE n", "DELETE"),
    ("RETURN 'it''s' AS x UNION MATCH (n) DELETE n RETURN 1 AS x", "DELETE"),
])
def test_write_queries_refused(cypher, expected):
    assert expected in write_clauses(cypher)
    with pytest.raises(WriteRefused):
        check_read_only(cypher)


def test_unterminated_literal_refused():
    with pytest.raises(WriteRefused, match="unterminated"):
        check_read_only("MATCH (n) WHERE n.name = 'abc RETURN n")


def test_parse_params():
    from kg.cli.store_cmds import parse_params

    assert parse_params(["name=ROS", "n=5", "ids=[1,2]", 'q="5"', "flag=true", "empty="]) == {
        "name": "ROS", "n": 5, "ids": [1, 2], "q": "5", "flag": True, "empty": "",
    }
    with pytest.raises(ConfigError):
        parse_params(["novalue"])
    with pytest.raises(ConfigError):
        parse_params(["bad key=1"])


def test_to_python_plain_values():
    from kg.store.query import to_python

    assert to_python({"a": [1, (2, 3)], "b": None}) == {"a": [1, [2, 3]], "b": None}


def test_query_command_refuses_write_before_connecting(monkeypatch):
    """--write is needed; the refusal happens before any server is contacted or started."""
    from typer.testing import CliRunner

    import kg.cli.store_cmds  # noqa: F401 - registers the commands
    from kg.cli.app import app

    def no_store(*args, **kwargs):
        raise AssertionError("must not connect")

    monkeypatch.setattr("kg.store.open_store", no_store)
    result = CliRunner().invoke(app, ["query", "MATCH (n) DETACH DELETE n"])
    assert result.exit_code != 0
    assert isinstance(result.exception, WriteRefused)


def test_query_needs_cypher_or_saved():
    from typer.testing import CliRunner

    import kg.cli.store_cmds  # noqa: F401
    from kg.cli.app import app

    result = CliRunner().invoke(app, ["query"])
    assert isinstance(result.exception, ConfigError)
