"""Every saved query against the real Bolt server, on the graph built from the seed example
plus a follow-up abstract (tests/fixtures/explore) that negates one seed claim and adds an
MSC-derived product that treats neuropathic pain by a route."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.queries import render_params, saved_queries, saved_query

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed_msc_neuropathic_pain.txt"
FOLLOWUP = REPO / "tests" / "fixtures" / "explore" / "followup_abstracts.jsonl"
SEED_DOC = "DOI:10.34172/bi.30648"
MSC, ROS = "CL:0000134", "CHEBI:26523"


def _clear(store) -> None:
    while store.query("MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n", write=True)[0]["n"]:
        pass


@pytest.fixture(scope="module")
def seed_store(bolt_store, tmp_path_factory):
    from kg.run import build

    result = build([SEED, FOLLOWUP], "default", out_dir=tmp_path_factory.mktemp("seed-out"))
    _clear(bolt_store)
    bolt_store.load(result.graph)
    yield bolt_store
    _clear(bolt_store)


def run(store, name: str, **params):
    query = saved_query(name)
    return store.query(query.cypher, render_params(query, params))


def test_every_saved_query_runs_with_its_defaults(seed_store):
    for name, query in saved_queries().items():
        rows = seed_store.query(query.cypher, render_params(query))
        assert rows, f"{name} returned nothing on the seed graph"


@pytest.mark.parametrize("target", ["reactive oxygen species", "ROS", "Reactive Oxygen Species", ROS])
def test_what_decreases_matches_names_synonyms_and_ids(seed_store, target):
    rows = run(seed_store, "what_decreases", target=target)
    assert {r["subject_id"] for r in rows} == {MSC}
    assert all(r["target"] == "reactive oxygen species" for r in rows)
    assert rows[0]["publications"] == [SEED_DOC]  # the negated follow-up claim is not counted


def test_what_decreases_inflammation_and_limit(seed_store):
    assert [r["subject"] for r in run(seed_store, "what_decreases", target="inflammation")] == ["mesenchymal stem cell"]
    assert run(seed_store, "what_decreases", target="no such entity") == []
    assert len(run(seed_store, "top_entities", limit=3)) == 3


def test_what_increases(seed_store):
    rows = run(seed_store, "what_increases", target="nerve regeneration")
    assert [(r["subject_id"], r["target"]) for r in rows] == [(MSC, "nerve regeneration")]


def test_msc_products_treat(seed_store):
    rows = run(seed_store, "msc_products_treat", source="MSCs")
    product = [r for r in rows if r["derived_from"] == "mesenchymal stem cell"]
    assert ("extracellular vesicle from mesenchymal stem cell", "TREATS", "neuropathic pain") in {
        (r["agent"], r["effect"], r["target"]) for r in product}
    ev = next(r for r in product if r["target"] == "neuropathic pain")
    assert any("intrathecal" in route for route in ev["routes"])
    own = {(r["effect"], r["target"]) for r in rows if r["derived_from"] is None}
    assert {("TREATS", "neuropathic pain"), ("DECREASES", "reactive oxygen species")} <= own
    assert all(r["agent"] == "mesenchymal stem cell" for r in rows if r["derived_from"] is None)
    own_routes = " ".join(next(r for r in rows if r["derived_from"] is None)["routes"])
    assert "intravenous" in own_routes and "intrathecal" in own_routes


def test_edge_evidence_returns_both_sides_with_sentences(seed_store):
    rows = run(seed_store, "edge_evidence", subject="msc", object="ros", type="decreases")
    by_doc = {r["document"]: r for r in rows}
    assert set(by_doc) == {SEED_DOC, "PMID:90000001"}
    assert by_doc[SEED_DOC]["negated"] is False and "scavenge reactive oxygen species" in by_doc[SEED_DOC]["sentence"]
    assert by_doc["PMID:90000001"]["negated"] is True and "did not reduce" in by_doc["PMID:90000001"]["sentence"]
    assert all(r["type"] == "DECREASES" for r in rows)
    assert run(seed_store, "edge_evidence", subject="ROS", object="MSCs") == []  # direction matters


def test_conflicting_claims(seed_store):
    rows = run(seed_store, "conflicting_claims")
    conflicts = {(r["subject"], r["type"], r["object"]) for r in rows}
    assert ("mesenchymal stem cell", "DECREASES", "reactive oxygen species") in conflicts
    row = next(r for r in rows if r["object"] == "reactive oxygen species")
    assert row["asserting_documents"] == [SEED_DOC] and row["negating_documents"] == ["PMID:90000001"]
    assert run(seed_store, "conflicting_claims", entity="ROS") == [row]
    assert run(seed_store, "conflicting_claims", entity="neuropathic pain") == []


def test_neighbourhood_one_and_two_hops(seed_store):
    one = run(seed_store, "neighbourhood", entity="MSCs", hops=1)
    assert all(MSC in (r["subject_id"], r["object_id"]) for r in one)
    triples = {(r["subject_id"], r["type"], r["object_id"]) for r in one}
    assert ("kg:GO_1903561_from_CL_0000134", "DERIVED_FROM", MSC) in triples and (MSC, "DECREASES", ROS) in triples
    assert len({r["edge_id"] for r in one}) == len(one)
    two = run(seed_store, "neighbourhood", entity="MSCs", hops=2)
    assert {r["edge_id"] for r in one} < {r["edge_id"] for r in two}
    assert any(MSC not in (r["subject_id"], r["object_id"]) for r in two)
    paths = run(seed_store, "neighbourhood_graph", entity=MSC, hops=1)
    assert len(paths) == len(one) and all(p["p"]["relationships"] for p in paths)


def test_top_entities(seed_store):
    by_degree = run(seed_store, "top_entities")
    assert by_degree[0]["id"] == MSC and by_degree[0]["degree"] >= 8
    degrees = [r["degree"] for r in by_degree]
    assert degrees == sorted(degrees, reverse=True)
    by_mentions = run(seed_store, "top_entities", by="mentions")
    mentions = [r["mentions"] for r in by_mentions]
    assert mentions == sorted(mentions, reverse=True)
    cells = run(seed_store, "top_entities", category="Cell")
    assert cells and all(r["category"] == "Cell" for r in cells)


def test_document_claims(seed_store):
    seed = run(seed_store, "document_claims", document=SEED_DOC)
    assert {r["document"] for r in seed} == {SEED_DOC}
    assert ("mesenchymal stem cell", "DECREASES", "reactive oxygen species", False) in {
        (r["subject"], r["type"], r["object"], r["negated"]) for r in seed}
    indexes = [r["sentence_index"] for r in seed]
    assert indexes == sorted(indexes)
    followup = run(seed_store, "document_claims", document=90000001)  # a bare PMID
    assert followup and {r["document"] for r in followup} == {"PMID:90000001"}
    assert run(seed_store, "document_claims", document="PMID:1") == []


def test_graph_overview(seed_store):
    rows = run(seed_store, "graph_overview")
    labels = {r["name"]: r["count"] for r in rows if r["kind"] == "label"}
    types = {r["name"]: r["count"] for r in rows if r["kind"] == "relationship"}
    assert labels["Document"] == 2 and labels["Entity"] >= 16
    assert types["DECREASES"] >= 3 and types["FROM_DOCUMENT"] == labels["Evidence"]


def test_python_api_against_the_server(seed_store, bolt_settings):
    import kg

    with kg.connect(bolt_settings.uri, bolt_settings.user, bolt_settings.password, bolt_settings.database) as conn:
        g = conn.neighbourhood("MSCs", hops=1)
        assert g.nodes[MSC]["name"] == "mesenchymal stem cell"
        assert any(d["type"] == "DERIVED_FROM" for _, _, d in g.in_edges(MSC, data=True))
        evidence = conn.evidence("MSCs", "DECREASES", "ROS")
        assert {r["negated"] for r in evidence} == {True, False}
        assert conn.query("MATCH (e:Entity {id: $id}) RETURN e.name AS name", id=ROS) == [
            {"name": "reactive oxygen species"}]
        assert conn.saved("what_decreases", target="ROS")[0]["subject_id"] == MSC
        assert conn.stats()["documents"] == 2


def test_a_product_named_with_its_source_is_a_node_with_the_generic_term_in_its_xrefs(seed_store):
    # the README's query: "Extracellular vesicles derived from MSCs" is the MSCs' own EV node
    rows = seed_store.query(
        "MATCH (p:Entity)-[r]->(target:Entity) WHERE p.id = $term OR $term IN p.xrefs "
        "OPTIONAL MATCH (p)-[:DERIVED_FROM]->(source:Cell) "
        "RETURN p.id AS id, collect(DISTINCT source.name) AS sources, type(r) AS type, r.negated AS negated, "
        "target.name AS target", {"term": "GO:1903561"})
    treats = [r for r in rows if r["type"] == "TREATS" and r["target"] == "neuropathic pain"]
    assert [(r["id"], r["sources"], r["negated"]) for r in treats] == [
        ("kg:GO_1903561_from_CL_0000134", ["mesenchymal stem cell"], False)]
