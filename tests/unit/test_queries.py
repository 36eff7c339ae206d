"""The saved-query catalogue (schemas/queries), its parameters, the Browser style and guide."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from kg.errors import ConfigError
from kg.queries import REQUIRED, parse_saved_query, queries_dir, render_params, saved_queries, saved_query
from kg.resources import schemas_dir
from kg.store.query import check_read_only
from kg.vocab import DOCUMENT_LABEL, ENTITY_LABEL, EVIDENCE_LABEL, FROM_DOCUMENT_TYPE, MENTIONED_IN_TYPE, Category, RelationType

EXPECTED = {"what_decreases", "what_increases", "msc_products_treat", "edge_evidence", "conflicting_claims",
            "neighbourhood", "neighbourhood_graph", "top_entities", "document_claims", "graph_overview"}

GOOD = """// name: demo
// description: First line
// description: second line.
// param: target = "ROS"  # what to look for
// param: hops = 1
// param: flag = false
// param: must
MATCH (n:Entity) WHERE n.name = $target AND '$notaparam' <> "" AND $must IS NOT NULL AND $flag = false
RETURN n LIMIT $hops
"""


def test_catalogue_has_every_query_and_each_parses():
    catalogue = saved_queries()
    assert set(catalogue) == EXPECTED
    assert len(list(queries_dir().glob("*.cypher"))) == len(catalogue)
    for name, query in catalogue.items():
        assert query.path.stem == name, "file name and query name must agree"
        assert query.description and query.cypher
        assert not query.required, f"{name}: every shipped query runs with its defaults"
        for key in query.params:
            assert f"${key}" in query.cypher


def test_saved_queries_are_read_only():
    for query in saved_queries().values():
        check_read_only(query.cypher)  # kg query refuses writes; the catalogue must pass


def test_queries_use_only_vocabulary_labels_and_types():
    labels = {c.value for c in Category} | {ENTITY_LABEL, DOCUMENT_LABEL, EVIDENCE_LABEL}
    types = {t.value for t in RelationType} | {FROM_DOCUMENT_TYPE, MENTIONED_IN_TYPE}
    for query in saved_queries().values():
        for found in re.findall(r"\(\w*((?::\w+)+)", query.cypher):
            assert set(found.strip(":").split(":")) <= labels, (query.name, found)
        for found in re.findall(r"\[\w*:([A-Z_|]+)", query.cypher):
            assert set(found.split("|")) <= types, (query.name, found)


def test_neighbourhood_follows_every_relation_type():
    for name in ("neighbourhood", "neighbourhood_graph"):
        pattern = re.search(r"\[:([A-Z_|]+)\*1\.\.2\]", saved_query(name).cypher)
        assert pattern, name
        assert set(pattern.group(1).split("|")) == {t.value for t in RelationType}


def test_parse_header_and_body():
    query = parse_saved_query(GOOD)
    assert query.name == "demo"
    assert query.description == "First line second line."
    assert query.params == {"target": "ROS", "hops": 1, "flag": False, "must": REQUIRED}
    assert query.help["target"] == "what to look for"
    assert query.required == ["must"]
    assert query.cypher.startswith("MATCH (n:Entity)")
    assert "--param must=VALUE" in query.usage() and "--param target=ROS" in query.usage()


@pytest.mark.parametrize("text, message", [
    ("MATCH (n) RETURN n", "name"),
    ("// name: Bad-Name\nRETURN 1", "name"),
    ("// name: x\n// param: a = 1\n", "no Cypher"),
    ("// name: x\nRETURN $a", "undeclared ['a']"),
    ("// name: x\n// param: a = 1\nRETURN 1", "unused ['a']"),
    ("// name: x\n// param: a = 1\n// param: a = 2\nRETURN $a", "twice"),
    ("// name: x\n// param: a = not json\nRETURN $a", "not JSON"),
    ("// name: x\n// param: 1a = 1\nRETURN 1", "expected"),
])
def test_parse_errors_name_the_problem(text, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_saved_query(text)


def test_render_params_defaults_overrides_and_coercion():
    query = parse_saved_query(GOOD)
    assert render_params(query, {"must": "x"}) == {"target": "ROS", "hops": 1, "flag": False, "must": "x"}
    assert render_params(query, {"must": 1, "hops": "2", "flag": "TRUE", "target": "ros"}) == {
        "target": "ros", "hops": 2, "flag": True, "must": 1}
    with pytest.raises(ConfigError, match="needs --param must"):
        render_params(query, {})
    with pytest.raises(ConfigError, match="no parameter nope"):
        render_params(query, {"must": 1, "nope": 2})
    with pytest.raises(ConfigError, match="expects int"):
        render_params(query, {"must": 1, "hops": "two"})
    with pytest.raises(ConfigError, match="expects bool"):
        render_params(query, {"must": 1, "flag": "maybe"})


def test_null_default_accepts_any_value():
    query = saved_query("edge_evidence")
    assert render_params(query, {"type": "DECREASES"})["type"] == "DECREASES"
    assert render_params(query)["type"] is None
    assert render_params(query, {"type": "null"})["type"] is None  # the CLI passes strings


def test_unknown_saved_query_lists_known_names():
    with pytest.raises(ConfigError, match="known: .*what_decreases"):
        saved_query("what_cures_everything")


def test_catalogue_reads_a_directory(tmp_path):
    (tmp_path / "a.cypher").write_text("// name: a\nRETURN 1 AS one\n", encoding="utf-8")
    (tmp_path / "b.cypher").write_text("// name: a\nRETURN 2 AS two\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="also used by"):
        saved_queries(tmp_path)


def _grass_rules(text: str) -> dict[str, dict[str, str]]:
    rules = {}
    for selector, body in re.findall(r'([\w.]+)\s*\{((?:[^{}"]|"[^"]*")*)\}', text):
        props = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+);", body))
        rules[selector] = {k: v.strip() for k, v in props.items()}
    return rules


def test_grass_style_colours_every_category_and_captions():
    text = (schemas_dir() / "kg.grass").read_text(encoding="utf-8")
    assert "/*" not in text, "Neo4j Browser's GRASS parser does not take comments"
    assert text.count("{") == text.count("}")
    rules = _grass_rules(text)
    colours = set()
    for category in Category:
        rule = rules[f"node.{category.value}"]
        assert rule["caption"] == '"{name}"'
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", rule["color"])
        colours.add(rule["color"].upper())
    assert len(colours) == len(Category), "each category its own colour"
    assert rules["node.Document"]["caption"] in ('"{title}"', '"{id}"')
    assert rules["node.Evidence"]["caption"]
    assert rules["relationship"]["caption"] == '"<type>"'
    for selector, rule in rules.items():
        if selector.startswith("relationship."):
            assert selector.split(".", 1)[1] in {t.value for t in RelationType} | {FROM_DOCUMENT_TYPE, MENTIONED_IN_TYPE}
            assert rule.get("caption", '"<type>"') == '"<type>"'


def test_browser_guide_covers_every_saved_query():
    guide = (schemas_dir() / "browser-guide.md").read_text(encoding="utf-8")
    for name in saved_queries():
        assert f"`{name}`" in guide, f"{name} missing from schemas/browser-guide.md"
    assert "kg.grass" in guide and ":style" in guide and "kg serve" in guide


def test_kg_queries_command_lists_and_shows():
    from kg.cli.main import _register, app

    _register()
    runner = CliRunner()
    listed = runner.invoke(app, ["queries", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)
    assert {r["name"] for r in rows} == EXPECTED
    shown = runner.invoke(app, ["queries", "what_decreases"])
    assert shown.exit_code == 0, shown.output
    assert "MATCH (s:Entity)-[r:DECREASES]->(t)" in shown.output
    assert "kg query --saved what_decreases" in shown.output
