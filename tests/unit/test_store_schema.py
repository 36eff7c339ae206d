"""The schema file, the loader's statements and the vocabularies agree (no server)."""

from __future__ import annotations

import re
from pathlib import Path

from kg.sinks.neo4j import SCHEMA_STATEMENTS, _edge_statement, _entity_statement, _relabel_statement
from kg.vocab import Category, RelationType

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schemas" / "neo4j-schema.cypher"


def test_schema_file_matches_loader():
    text = SCHEMA_FILE.read_text(encoding="utf-8")
    statements = [s.strip() for s in re.sub(r"//[^\n]*", "", text).split(";") if s.strip()]
    assert statements == list(SCHEMA_STATEMENTS)


def test_every_relation_type_has_an_id_index():
    for rel_type in RelationType:
        assert any(f"[r:{rel_type.value}]" in s and "ON (r.id)" in s for s in SCHEMA_STATEMENTS)


def test_schema_statements_are_idempotent_and_portable():
    for statement in SCHEMA_STATEMENTS:
        assert "IF NOT EXISTS" in statement
        assert "$(" not in statement  # no dynamic labels (ArcadeDB/Neo4j < 5.26)


def test_statements_use_only_vocabulary_labels_and_parameters():
    """Labels and types in loader Cypher come from the enums; data only via $rows/$ids."""
    known = {c.value for c in Category} | {t.value for t in RelationType} | {
        "Entity", "Document", "Evidence", "FROM_DOCUMENT", "MENTIONED_IN"}
    statements = [_entity_statement(c) for c in Category] + [_relabel_statement(c) for c in Category]
    statements += [_edge_statement(t) for t in RelationType]
    for statement in statements:
        for name in re.findall(r"[:]([A-Za-z_]+)(?=[\s{)\]:])", statement):
            assert name in known, (name, statement)
        assert "$(" not in statement
        assert "'" not in statement and '"' not in statement  # no literals at all
