"""The Bolt loader against the real server: idempotence, evidence pooling, reachability,
set-union merging of entity fields, and injection strings stored verbatim."""

from __future__ import annotations

import pytest

from kg.sinks.neo4j import Neo4jSink
from kg.types import DocumentRecord, Edge, Entity, Epistemics, Evidence, Graph, confidence_from_evidence
from kg.vocab import Category, RelationType

pytestmark = pytest.mark.integration


def counts(store) -> dict:
    s = store.stats()
    s["evidence_total"] = store.query("MATCH ()-[r]->() WHERE r.evidence_count IS NOT NULL "
                                      "RETURN sum(r.evidence_count) AS n")[0]["n"]
    return s


def expected_counts(graph: Graph) -> dict:
    evidence = {ev.key(e.type) for e in graph.edges.values() for ev in e.evidence}
    docs = set(graph.documents) | {ev.doc_id for e in graph.edges.values() for ev in e.evidence}
    return {
        "entities": len(graph.entities), "documents": len(docs), "evidence": len(evidence),
        "relationships": len(graph.edges) + len(evidence) + len(graph.mentions),
    }


def test_reload_is_idempotent(clean_store, make_graph):
    graph = make_graph(n_entities=30, n_edges=40, docs=("PMID:1", "PMID:2"), evidence_per_doc=2)
    sink = Neo4jSink(clean_store.driver, database=clean_store.database, batch_size=7, uri=clean_store.uri)
    first = sink.load(graph)
    assert first.batches > 10  # several UNWIND batches per kind
    after_first = counts(clean_store)
    assert {k: after_first[k] for k in expected_counts(graph)} == expected_counts(graph)
    sink.load(graph)
    assert counts(clean_store) == after_first
    edge_props = clean_store.query("MATCH ()-[r]->() WHERE r.id IS NOT NULL "
                                   "RETURN r.id AS id, r.confidence AS c, r.evidence_count AS n ORDER BY id")
    sink.load(graph)
    assert clean_store.query("MATCH ()-[r]->() WHERE r.id IS NOT NULL "
                             "RETURN r.id AS id, r.confidence AS c, r.evidence_count AS n ORDER BY id") == edge_props


def test_second_graph_adds_evidence(clean_store, make_graph):
    first = make_graph(docs=("PMID:1",), score=0.5)
    second = make_graph(docs=("PMID:2",), score=0.5)  # same entities and edges, new evidence
    clean_store.load(first)
    before = counts(clean_store)
    old_evidence = {r["id"] for r in clean_store.query("MATCH (e:Evidence) RETURN e.id AS id")}
    clean_store.load(second)
    after = counts(clean_store)
    assert after["evidence"] == before["evidence"] * 2
    assert after["documents"] == 2 and after["entities"] == before["entities"]
    assert after["evidence_total"] == before["evidence_total"] * 2
    # Old evidence kept, edges not duplicated.
    now = {r["id"] for r in clean_store.query("MATCH (e:Evidence) RETURN e.id AS id")}
    assert old_evidence < now
    rel_types = [t.value for t in RelationType]
    per_type_before = {k: v for k, v in before["relationships_per_type"].items() if k in rel_types}
    per_type_after = {k: v for k, v in after["relationships_per_type"].items() if k in rel_types}
    assert per_type_before == per_type_after
    # Aggregates recomputed over both documents: noisy-or of 0.5 and 0.5.
    for edge in second.edges.values():
        row = clean_store.query(
            "MATCH (s:Entity {id: $s})-[r]->(o:Entity {id: $o}) WHERE r.id = $id "
            "RETURN r.confidence AS c, r.evidence_count AS n, r.publications AS pubs, r.supporting_text AS text",
            {"s": edge.subject, "o": edge.object, "id": edge.id})[0]
        merged = first.edges[edge.key].evidence + edge.evidence
        assert row["c"] == pytest.approx(confidence_from_evidence(merged)) == pytest.approx(0.75)
        assert row["n"] == 2 and row["pubs"] == ["PMID:1", "PMID:2"]
        assert set(row["text"]) == {ev.sentence for ev in merged}
    # Reloading the first graph again takes nothing away.
    clean_store.load(first)
    assert counts(clean_store) == after


def test_evidence_reachable_from_edge_endpoints(clean_store, make_graph):
    graph = make_graph(docs=("PMID:7", "PMID:8"))
    clean_store.load(graph)
    rows = clean_store.query(
        "MATCH (a:Entity)-[r:DECREASES]->(b:Entity) "
        # Portable form. ArcadeDB returns no rows for the inline map {edge_id: r.id} right
        # after a MATCH without WHERE that binds r (schemas/graph-schema.md).
        "MATCH (ev:Evidence)-[:FROM_DOCUMENT]->(d:Document) WHERE ev.edge_id = r.id "
        "RETURN a.id AS a, b.id AS b, ev.sentence AS sentence, ev.subject_start AS ss, ev.subject_end AS se, "
        "ev.negated AS negated, ev.hedged AS hedged, ev.extractor AS extractor, ev.score AS score, d.id AS doc "
        "ORDER BY doc")
    edge = next(e for e in graph.edges.values() if e.type is RelationType.DECREASES)
    assert [r["doc"] for r in rows] == ["PMID:7", "PMID:8"]
    for row, ev in zip(rows, edge.evidence, strict=True):
        assert (row["a"], row["b"]) == (edge.subject, edge.object)
        assert row["sentence"] == ev.sentence and (row["ss"], row["se"]) == ev.subject_span
        assert row["extractor"] == "test" and row["score"] == ev.score
    negated = clean_store.query("MATCH ()-[r]->() WHERE r.negated = true RETURN r.type AS t, count(*) AS n")
    assert negated == [{"t": list(graph.edges.values())[3].type.value, "n": 1}]
    labels = clean_store.query("MATCH (n:Entity {id: $id}) RETURN labels(n) AS labels, n.biolink_category AS b",
                               {"id": edge.subject})[0]
    assert sorted(labels["labels"]) == sorted(["Entity", graph.entities[edge.subject].category.value])
    mentioned = clean_store.query("MATCH (e:Entity {id: $id})-[m:MENTIONED_IN]->(d:Document) "
                                  "RETURN d.id AS doc, m.count AS n ORDER BY doc", {"id": edge.subject})
    assert mentioned == [{"doc": d, "n": graph.mentions[(edge.subject, d)]} for d in ("PMID:7", "PMID:8")]


def test_entity_fields_merge_as_sets_and_category_moves(clean_store, make_graph):
    first = make_graph(n_entities=3, n_edges=1)
    clean_store.load(first)
    second = make_graph(n_entities=3, n_edges=1, synonyms_suffix="-v2")
    moved = second.entities["kg:e0"]
    moved.category = Category.DISEASE
    moved.xrefs.append("DOID:4")
    clean_store.load(second)
    row = clean_store.query("MATCH (n:Entity {id: 'kg:e0'}) RETURN labels(n) AS labels, n.synonyms AS syn, "
                            "n.xrefs AS xrefs, n.category AS category")[0]
    assert sorted(row["labels"]) == ["Disease", "Entity"] and row["category"] == "Disease"
    assert row["syn"] == ["E0", "ent-0", "ent-0-v2"]
    assert row["xrefs"] == ["MESH:D000000", "DOID:4"]
    assert clean_store.query("MATCH (n:Cell) RETURN count(n) AS n")[0]["n"] == 0
    assert clean_store.stats()["entities"] == 3


INJECTIONS = [
    "x'}) MATCH (n) DETACH DELETE n //",
    'x"}) DETACH DELETE n RETURN 1 //',
    "`) CREATE (:Pwned) //",
    "$rows; DROP CONSTRAINT entity_id",
    "Robert'); MATCH (n) SET n.pwned = true; --",
    "{id: 'x'}",
    "\u200bzero\u00a0width\u2028line",
    "ROS ∆ αβ ligature ﬁ 🙂",
]


def test_injection_strings_are_stored_verbatim_and_harmless(clean_store):
    graph = Graph()
    for i, text in enumerate(INJECTIONS):
        eid = f"kg:{text}:{i}"
        graph.entities[eid] = Entity(id=eid, name=text, category=Category.CHEMICAL, synonyms=[text])
        graph.documents[text] = DocumentRecord(id=text, title=text, source=text)
        graph.mentions[(eid, text)] = 1
    ids = list(graph.entities)
    for i in range(len(ids) - 1):
        edge = Edge(subject=ids[i], type=RelationType.INTERACTS_WITH, object=ids[i + 1])
        edge.evidence.append(Evidence(
            doc_id=INJECTIONS[i], sentence=INJECTIONS[i], sentence_index=0, subject_text=INJECTIONS[i],
            object_text=INJECTIONS[i + 1], subject_span=(0, 1), object_span=(1, 2), trigger=INJECTIONS[i],
            extractor="test", score=0.5, epistemics=Epistemics(cues=[INJECTIONS[i]])))
        graph.edges[edge.key] = edge
    clean_store.load(graph)
    clean_store.load(graph)
    names = {r["name"] for r in clean_store.query("MATCH (n:Entity) RETURN n.name AS name")}
    assert names == set(INJECTIONS)
    docs = {r["id"] for r in clean_store.query("MATCH (d:Document) RETURN d.id AS id")}
    assert docs == set(INJECTIONS)
    sentences = {r["s"] for r in clean_store.query("MATCH (e:Evidence) RETURN e.sentence AS s")}
    assert sentences == set(INJECTIONS[:-1])
    assert clean_store.query("MATCH (n:Pwned) RETURN count(n) AS n")[0]["n"] == 0
    assert clean_store.query("MATCH (n) WHERE n.pwned IS NOT NULL RETURN count(n) AS n")[0]["n"] == 0
    assert clean_store.stats()["entities"] == len(INJECTIONS)
    # Query parameters are just as inert.
    found = clean_store.query("MATCH (n:Entity) WHERE n.name = $name RETURN n.id AS id", {"name": INJECTIONS[0]})
    assert found == [{"id": f"kg:{INJECTIONS[0]}:0"}]
    constraints = clean_store.query("SHOW CONSTRAINTS")
    assert any(c.get("name") == "entity_id" for c in constraints)


def test_edges_may_point_at_stored_entities_but_never_at_unknown_ones(clean_store, make_graph):
    from kg.errors import InputError

    clean_store.load(make_graph(n_entities=3, n_edges=1))
    only_edge = Graph()
    edge = Edge(subject="kg:e2", type=RelationType.CAUSES, object="kg:e0")
    edge.evidence.append(Evidence(doc_id="PMID:5", sentence="e2 causes e0", sentence_index=0, subject_text="e2",
                                  object_text="e0", subject_span=(0, 2), object_span=(10, 12), extractor="test",
                                  score=0.9))
    only_edge.edges[edge.key] = edge
    clean_store.load(only_edge)  # endpoints already in the store
    assert clean_store.query("MATCH (:Entity {id: 'kg:e2'})-[r:CAUSES]->(:Entity {id: 'kg:e0'}) "
                             "RETURN r.evidence_count AS n")[0]["n"] == 1
    before = clean_store.stats()
    dangling = Graph()
    bad = Edge(subject="kg:e2", type=RelationType.CAUSES, object="kg:nowhere")
    dangling.edges[bad.key] = bad
    with pytest.raises(InputError, match="kg:nowhere"):
        clean_store.load(dangling)
    assert clean_store.stats() == before
