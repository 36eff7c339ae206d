"""Shared fixtures.

Bolt server: integration tests use the server whose URI is in ``KG_TEST_BOLT_URI``
(user root, password ``KG_TEST_BOLT_PASSWORD``, database ``KG_TEST_BOLT_DATABASE``),
started by ``.ci/run``. Without it, a throw-away embedded ArcadeDB server is started for
the session; ``KG_TEST_BOLT_URI=skip`` (or no arcadedb-embedded) skips them with a reason.

    bolt_settings   StoreSettings for that server (skips when unset)
    bolt_store      a StoreConnection to it (session-wide)
    clean_store     the same connection with the database emptied first
    make_graph      builds small, fully-populated kg.types.Graph objects
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg.types import DocumentRecord, Edge, Entity, Epistemics, Evidence, Graph
from kg.vocab import Category, RelationType

SHARED_DIR = Path(os.environ.get("KG_SHARED_DIR") or Path(__file__).resolve().parents[1].parent / "shared")


def _bolt_env() -> tuple[str, str, str | None] | None:
    uri = os.environ.get("KG_TEST_BOLT_URI")
    password = os.environ.get("KG_TEST_BOLT_PASSWORD")
    if not uri or password is None:
        return None
    return uri, password, os.environ.get("KG_TEST_BOLT_DATABASE") or None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DIR} (set KG_SHARED_DIR)")
    return SHARED_DIR


@pytest.fixture(scope="session")
def bolt_settings(tmp_path_factory):
    """The server from the environment; without one, a throw-away embedded ArcadeDB server
    for this test session (set KG_TEST_BOLT_URI=skip to skip integration tests instead)."""
    from kg.store import StoreSettings

    env = _bolt_env()
    if os.environ.get("KG_TEST_BOLT_URI") == "skip":
        pytest.skip("integration tests disabled (KG_TEST_BOLT_URI=skip)")
    if env is None and os.environ.get("KG_TEST_BOLT_URI"):
        pytest.skip("KG_TEST_BOLT_URI is set but KG_TEST_BOLT_PASSWORD is not")
    if env is not None:
        uri, password, database = env
        yield StoreSettings(uri=uri, user=os.environ.get("KG_TEST_BOLT_USER", "root"), password=password,
                            database=database, max_transaction_retry_time=5.0)
        return
    try:
        import arcadedb_embedded  # noqa: F401
    except ImportError:
        pytest.skip("no Bolt server: set KG_TEST_BOLT_URI and KG_TEST_BOLT_PASSWORD (bash .ci/run does), "
                    "or install arcadedb-embedded for a throw-away server")
    from kg.store.embedded import EmbeddedServer

    server = EmbeddedServer(tmp_path_factory.mktemp("bolt-server"), heap="512m")
    info = server.start()
    try:
        yield StoreSettings(uri=info.bolt_uri, user=server.user, password=server.password(),
                            database=server.database, max_transaction_retry_time=5.0)
    finally:
        server.stop(info)


@pytest.fixture(scope="session")
def bolt_store(bolt_settings) -> Iterator:
    from kg.store import open_store

    with open_store(bolt_settings) as store:
        yield store


def clear_database(store) -> None:
    """Delete everything (constraints and indexes stay; they are idempotent)."""
    while True:
        rows = store.query(
            "MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS deleted", write=True
        )
        if not rows or rows[0]["deleted"] == 0:
            return


@pytest.fixture()
def clean_store(bolt_store):
    clear_database(bolt_store)
    yield bolt_store


def build_graph(
    n_entities: int = 6,
    n_edges: int = 5,
    docs: tuple[str, ...] = ("PMID:1",),
    evidence_per_doc: int = 1,
    score: float = 0.6,
    prefix: str = "kg:e",
    synonyms_suffix: str = "",
) -> Graph:
    """A small graph with every field filled: entities over several categories, edges of
    several types (one negated), evidence per document, documents and mentions."""
    categories = list(Category)
    types = list(RelationType)
    graph = Graph()
    for i in range(n_entities):
        eid = f"{prefix}{i}"
        graph.entities[eid] = Entity(
            id=eid, name=f"entity {i}", category=categories[i % len(categories)],
            synonyms=[f"E{i}", f"ent-{i}{synonyms_suffix}"], xrefs=[f"MESH:D{i:06d}"],
            mention_count=len(docs), documents=list(docs),
        )
        for doc in docs:
            graph.mentions[(eid, doc)] = 1 + i % 2
    for doc in docs:
        graph.documents[doc] = DocumentRecord(id=doc, title=f"Title of {doc}", year=2020, source="test")
    for j in range(n_edges):
        subject, obj = f"{prefix}{j % n_entities}", f"{prefix}{(j + 1) % n_entities}"
        rel_type = types[j % len(types)]
        negated = j == 3
        edge = Edge(subject=subject, type=rel_type, object=obj, negated=negated)
        for doc in docs:
            for k in range(evidence_per_doc):
                sentence = f"In {doc}, entity {j} {rel_type.value.lower()} entity {j + 1} ({k})."
                object_start = sentence.index(f" entity {j + 1} ") + 1
                edge.evidence.append(Evidence(
                    # each claim in its own sentence, so every evidence key is distinct
                    doc_id=doc, sentence=sentence, sentence_index=j * evidence_per_doc + k,
                    subject_text=f"entity {j}", object_text=f"entity {j + 1}",
                    subject_span=(len(f"In {doc}, "), len(f"In {doc}, entity {j}")),
                    object_span=(object_start, object_start + len(f"entity {j + 1}")),
                    trigger=rel_type.value.lower(), extractor="test", score=score,
                    epistemics=Epistemics(negated=negated, hedged=k % 2 == 1, cues=["not"] if negated else []),
                ))
        graph.edges[edge.key] = edge
    return graph


@pytest.fixture()
def make_graph() -> Callable[..., Graph]:
    return build_graph
