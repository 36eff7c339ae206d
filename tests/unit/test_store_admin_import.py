"""neo4j-admin CSV export read back and compared with the Graph (no server)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from kg.sinks.admin_import import FALLBACK_ARRAY_DELIMITER, write_admin_import
from kg.types import Epistemics, Evidence, confidence_from_evidence


def read_admin_csv(path: Path, delimiter: str) -> list[dict]:
    """Parse a CSV the way neo4j-admin does: typed columns, arrays, :LABEL/:TYPE/ID columns."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        head = next(reader)
        rows = []
        for line in reader:
            row = {}
            for column, raw in zip(head, line, strict=True):
                name, _, kind = column.partition(":")
                if column == ":LABEL":
                    row[":LABEL"] = set(raw.split(delimiter))
                    continue
                if name == "" or "(" in kind:  # :START_ID(...), :END_ID(...), :TYPE, id:ID(...)
                    row[column] = raw
                    continue
                if raw == "":
                    row[name] = None
                elif kind == "int":
                    row[name] = int(raw)
                elif kind == "float":
                    row[name] = float(raw)
                elif kind == "boolean":
                    assert raw in ("true", "false")
                    row[name] = raw == "true"
                elif kind == "string[]":
                    row[name] = raw.split(delimiter)
                else:
                    assert kind == "", column
                    row[name] = raw
            rows.append(row)
        return rows


def _check_against_graph(graph, out: Path, result) -> None:
    d = result.array_delimiter
    entities = {r["id:ID(Entity)"]: r for r in read_admin_csv(out / "entities.csv", d)}
    assert set(entities) == set(graph.entities)
    for eid, entity in graph.entities.items():
        row = entities[eid]
        assert row[":LABEL"] == {"Entity", entity.category.value}
        assert row["name"] == entity.name and row["category"] == entity.category.value
        assert row["biolink_category"] == entity.category.biolink
        assert row["synonyms"] == (list(dict.fromkeys(entity.synonyms)) or None)
        assert row["xrefs"] == (entity.xrefs or None)
        assert row["mention_count"] == entity.mention_count

    documents = {r["id:ID(Document)"]: r for r in read_admin_csv(out / "documents.csv", d)}
    assert set(graph.documents) <= set(documents)
    for doc_id, doc in graph.documents.items():
        assert documents[doc_id][":LABEL"] == {"Document"}
        assert (documents[doc_id]["title"], documents[doc_id]["year"]) == (doc.title, doc.year)

    edges = {r["id"]: r for r in read_admin_csv(out / "edges.csv", d)}
    assert set(edges) == {e.id for e in graph.edges.values()}
    for edge in graph.edges.values():
        row = edges[edge.id]
        assert (row[":START_ID(Entity)"], row[":TYPE"], row[":END_ID(Entity)"]) == (
            edge.subject, edge.type.value, edge.object)
        assert row["type"] == edge.type.value and row["predicate"] == edge.type.biolink_predicate
        assert row["negated"] == edge.negated and row["hedged"] == edge.hedged
        assert row["evidence_count"] == len(edge.evidence)
        assert row["publications"] == edge.publications
        assert row["confidence"] == pytest.approx(confidence_from_evidence(edge.evidence))
        assert set(row["supporting_text"]) <= {ev.sentence for ev in edge.evidence}
        if edge.type.value == "DECREASES":
            assert row["object_direction_qualifier"] == "decreased"

    evidence = {r["id:ID(Evidence)"]: r for r in read_admin_csv(out / "evidence.csv", d)}
    expected = {ev.key(edge.type): (ev, edge) for edge in graph.edges.values() for ev in edge.evidence}
    assert set(evidence) == set(expected)
    for key, (ev, edge) in expected.items():
        row = evidence[key]
        assert row[":LABEL"] == {"Evidence"}
        assert row["edge_id"] == edge.id and row["doc_id"] == ev.doc_id and row["sentence"] == ev.sentence
        assert (row["subject_start"], row["subject_end"]) == ev.subject_span
        assert (row["object_start"], row["object_end"]) == ev.object_span
        assert row["score"] == ev.score and row["negated"] == ev.epistemics.negated
        assert row["hedged"] == ev.epistemics.hedged and row["cues"] == (ev.epistemics.cues or None)

    from_doc = read_admin_csv(out / "from_document.csv", d)
    assert {(r[":START_ID(Evidence)"], r[":END_ID(Document)"]) for r in from_doc} == {
        (k, ev.doc_id) for k, (ev, _) in expected.items()}
    assert {r[":TYPE"] for r in from_doc} <= {"FROM_DOCUMENT"}
    mentions = read_admin_csv(out / "mentioned_in.csv", d)
    assert {(r[":START_ID(Entity)"], r[":END_ID(Document)"]): r["count"] for r in mentions} == graph.mentions

    assert result.counts == {"entities": len(entities), "documents": len(documents), "evidence": len(evidence),
                             "edges": len(edges), "from_document": len(from_doc), "mentioned_in": len(mentions)}
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"] == result.counts and manifest["array_delimiter"] == d


def test_admin_import_roundtrip(make_graph, tmp_path):
    graph = make_graph(n_entities=20, n_edges=15, docs=("PMID:1", "PMID:2"), evidence_per_doc=2)
    result = write_admin_import(graph, tmp_path)
    assert result.array_delimiter == ";"
    _check_against_graph(graph, tmp_path, result)
    script = (tmp_path / "import.sh").read_text()
    assert "database import full" in script
    for name in ("entities.csv", "documents.csv", "evidence.csv"):
        assert f"--nodes={name}" in script
    for name in ("edges.csv", "from_document.csv", "mentioned_in.csv"):
        assert f"--relationships={name}" in script
    assert "--array-delimiter=';'" in script and '"$DATABASE"' in script
    assert (tmp_path / "schema.cypher").read_text().count("CREATE") >= 3


def test_semicolons_quotes_and_newlines_survive(make_graph, tmp_path):
    graph = make_graph(n_entities=4, n_edges=3)
    edge = next(iter(graph.edges.values()))
    edge.evidence.append(Evidence(
        doc_id="PMID:9", sentence='MSCs; "reduced" ROS,\nand, notably; pain', sentence_index=4,
        subject_text="MSCs", object_text="ROS", subject_span=(0, 4), object_span=(17, 20),
        extractor="test", score=0.9, epistemics=Epistemics(hedged=True, cues=["may;might"]),
    ))
    graph.entities[edge.subject].synonyms.append("a;b")
    result = write_admin_import(graph, tmp_path)
    assert result.array_delimiter == FALLBACK_ARRAY_DELIMITER
    assert "--array-delimiter=U+001F" in (tmp_path / "import.sh").read_text()
    _check_against_graph(graph, tmp_path, result)
    docs = {r["id:ID(Document)"] for r in read_admin_csv(tmp_path / "documents.csv", result.array_delimiter)}
    assert "PMID:9" in docs  # evidence from a document without a record still has its node


def test_cli_export_matches_kgx_files(make_graph, tmp_path):
    """kg export admin-import reads kg build's KGX folder; compare the CSVs with those files."""
    from typer.testing import CliRunner

    import kg.cli.store_cmds  # noqa: F401 - registers the command
    from kg.cli.app import app
    from kg.sinks.kgx import KgxSink

    graph = make_graph(n_entities=12, n_edges=10, docs=("PMID:1", "PMID:2"))
    kgx_dir, out = tmp_path / "kgx", tmp_path / "csv"
    KgxSink(kgx_dir).write(graph)
    result = CliRunner().invoke(app, ["export", "admin-import", str(out), "--from", str(kgx_dir)])
    assert result.exit_code == 0, result.output
    assert "neo4j-admin database import full" in result.stdout

    nodes = [json.loads(line) for line in (kgx_dir / "nodes.jsonl").read_text().splitlines()]
    edges = [json.loads(line) for line in (kgx_dir / "edges.jsonl").read_text().splitlines()]
    manifest = json.loads((out / "manifest.json").read_text())
    d = manifest["array_delimiter"]
    entities = {r["id:ID(Entity)"]: r for r in read_admin_csv(out / "entities.csv", d)}
    assert {n["id"]: {"Entity", n["kg_category"]} for n in nodes} == {k: r[":LABEL"] for k, r in entities.items()}
    assert {n["id"]: n["name"] for n in nodes} == {k: r["name"] for k, r in entities.items()}
    assert {n["id"]: n["synonym"] for n in nodes} == {k: r["synonyms"] for k, r in entities.items()}
    assert {n["id"]: n["category"][0] for n in nodes} == {k: r["biolink_category"] for k, r in entities.items()}
    csv_edges = {r["id"]: r for r in read_admin_csv(out / "edges.csv", d)}
    assert {e["id"]: (e["subject"], e["type"], e["object"]) for e in edges} == {
        k: (r[":START_ID(Entity)"], r[":TYPE"], r[":END_ID(Entity)"]) for k, r in csv_edges.items()}
    for e in edges:
        row = csv_edges[e["id"]]
        assert (row["predicate"], row["negated"], row["publications"]) == (e["predicate"], e["negated"], e["publications"])
        assert row["evidence_count"] == len(e["kg_evidence"])
        assert row["confidence"] == pytest.approx(confidence_from_evidence([Evidence(**x) for x in e["kg_evidence"]]))
    assert manifest["counts"]["entities"] == len(nodes) and manifest["counts"]["edges"] == len(edges)
    assert manifest["counts"]["evidence"] == sum(len(e["kg_evidence"]) for e in edges)
