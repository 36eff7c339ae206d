"""Loader row building, evidence pooling and failure behaviour without a server."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError, StoreError
from kg.sinks.neo4j import Neo4jSink, aggregate_evidence, edge_row, entity_row, evidence_row
from kg.store.embedded import free_port
from kg.types import Edge, Entity, Epistemics, Evidence, Graph, confidence_from_evidence
from kg.vocab import Category, RelationType


def _evidence(doc: str, score: float, index: int = 0, hedged: bool = False) -> Evidence:
    return Evidence(doc_id=doc, sentence=f"sentence {doc} {index}", sentence_index=index, subject_text="a",
                    object_text="b", subject_span=(0, 1), object_span=(2, 3), extractor="test", score=score,
                    epistemics=Epistemics(hedged=hedged))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["PMID:1", "PMID:2", "PMID:3"]),
                          st.floats(0, 1), st.integers(0, 5), st.booleans()), max_size=12))
def test_aggregates_match_confidence_from_evidence(items):
    evidence = [_evidence(d, s, i, h) for d, s, i, h in items]
    agg = aggregate_evidence((e.doc_id, e.score, e.epistemics.hedged, e.sentence, e.sentence_index) for e in evidence)
    assert agg["confidence"] == pytest.approx(confidence_from_evidence(evidence), abs=1e-6)
    assert agg["evidence_count"] == len(evidence)
    assert agg["publications"] == sorted({e.doc_id for e in evidence})
    assert agg["hedged"] == (bool(evidence) and all(e.epistemics.hedged for e in evidence))
    assert len(agg["supporting_text"]) <= 5
    assert len(set(agg["supporting_text"])) == len(agg["supporting_text"])


def test_aggregates_do_not_depend_on_order():
    rows = [("PMID:1", 0.5, False, "s1", 0), ("PMID:2", 0.9, True, "s2", 1), ("PMID:1", 0.7, False, "s3", 2)]
    assert aggregate_evidence(rows) == aggregate_evidence(list(reversed(rows)))
    assert aggregate_evidence(rows)["supporting_text"] == ["s2", "s3", "s1"]
    assert aggregate_evidence(rows, limit=1)["supporting_text"] == ["s2"]


def test_rows_carry_the_documented_properties():
    entity = Entity(id="CL:0000134", name="MSC", category=Category.CELL, synonyms=["MSCs", "MSCs"], xrefs=["x"])
    assert entity_row(entity) == {
        "id": "CL:0000134", "name": "MSC", "category": "Cell", "biolink_category": "biolink:Cell",
        "synonyms": ["MSCs"], "xrefs": ["x"], "mention_count": 0,
    }
    edge = Edge(subject="CL:0000134", type=RelationType.DECREASES, object="CHEBI:26523",
                evidence=[_evidence("PMID:1", 0.8)])
    row = edge_row(edge)
    assert row["id"] == edge.id and row["subject"] == edge.subject and row["object"] == edge.object
    assert row["props"] == {"type": "DECREASES", "predicate": "biolink:affects", "negated": False,
                            "object_direction_qualifier": "decreased"}
    assert row["initial"]["evidence_count"] == 1 and row["initial"]["confidence"] == 0.8
    ev = evidence_row(edge.evidence[0], edge)
    assert ev["id"] == edge.evidence[0].key(RelationType.DECREASES)
    assert set(ev["props"]) == {
        "edge_id", "doc_id", "sentence", "sentence_index", "subject_text", "object_text", "subject_start",
        "subject_end", "object_start", "object_end", "trigger", "extractor", "score", "negated", "hedged", "cues",
    }
    assert ev["props"]["edge_id"] == edge.id


def test_down_server_retries_then_clear_store_error():
    from neo4j import GraphDatabase

    uri = f"bolt://127.0.0.1:{free_port()}"  # nothing listens there
    graph = Graph(entities={"a": Entity(id="a", name="a", category=Category.CELL)})
    with GraphDatabase.driver(uri, auth=("root", "secret-password"), max_transaction_retry_time=0.2,
                              connection_timeout=1.0) as driver:
        sink = Neo4jSink(driver, uri=uri, retries=2, backoff_s=0.05)
        started = time.monotonic()
        with pytest.raises(StoreError) as info:
            sink.load(graph)
    message = str(info.value)
    assert uri in message and "gave up after 3 attempts" in message
    assert "secret-password" not in message
    assert sink._counts.retries == 2
    assert time.monotonic() - started < 30


def test_edge_to_unknown_entity_is_an_input_error_not_a_silent_drop():
    from neo4j import GraphDatabase

    uri = f"bolt://127.0.0.1:{free_port()}"
    graph = Graph(entities={"a": Entity(id="a", name="a", category=Category.CELL)})
    edge = Edge(subject="a", type=RelationType.CAUSES, object="missing")
    graph.edges[edge.key] = edge
    with GraphDatabase.driver(uri, auth=("root", "x"), max_transaction_retry_time=0.2,
                              connection_timeout=1.0) as driver:
        # The store cannot be asked, so the missing endpoint is reported from the graph alone.
        with pytest.raises((InputError, StoreError)):
            Neo4jSink(driver, uri=uri, retries=0).load(graph)


def test_batch_size_must_be_positive():
    with pytest.raises(ValueError):
        Neo4jSink(object(), batch_size=0)
