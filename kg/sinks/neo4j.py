"""Load a Graph into Neo4j 5 or ArcadeDB through the official driver.

Graph model (schemas/graph-schema.md):
    (:Entity:<Category> {id, name, category, biolink_category, synonyms, xrefs, mention_count})
    (:Document {id, title, year, source})
    (:Entity)-[:<RelationType> {id, type, predicate, negated, hedged, confidence,
                                evidence_count, publications, supporting_text}]->(:Entity)
    (:Evidence {id, edge_id, doc_id, sentence, ...})-[:FROM_DOCUMENT]->(:Document)
    (:Entity)-[:MENTIONED_IN {count}]->(:Document)

Every write is ``UNWIND $rows ... MERGE`` keyed on a stable id, so loading the same
graph twice changes nothing and a load cut short can simply be run again. Labels and
relationship types are never data: rows are grouped by category / relation type and
each group uses a static statement built from the closed vocabularies in kg.vocab.
Edge aggregates are recomputed from the evidence stored in the database, so a second
graph with new evidence for an existing edge adds to it instead of overwriting it.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.errors import InputError, StoreError
from kg.types import Edge, Entity, Evidence, Graph, confidence_from_scores
from kg.vocab import (
    DOCUMENT_LABEL,
    ENTITY_LABEL,
    EVIDENCE_LABEL,
    FROM_DOCUMENT_TYPE,
    MENTIONED_IN_TYPE,
    Category,
    RelationType,
)

log = logging.getLogger(__name__)

SUPPORTING_TEXT_LIMIT = 5

# Constraints and indexes, portable to Neo4j 5 (Community) and ArcadeDB. Mirrored in
# schemas/neo4j-schema.cypher (a unit test keeps the two equal).
SCHEMA_STATEMENTS: tuple[str, ...] = (
    f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{ENTITY_LABEL}) REQUIRE n.id IS UNIQUE",
    f"CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:{DOCUMENT_LABEL}) REQUIRE n.id IS UNIQUE",
    f"CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:{EVIDENCE_LABEL}) REQUIRE n.id IS UNIQUE",
    f"CREATE INDEX evidence_edge_id IF NOT EXISTS FOR (n:{EVIDENCE_LABEL}) ON (n.edge_id)",
    f"CREATE INDEX evidence_doc_id IF NOT EXISTS FOR (n:{EVIDENCE_LABEL}) ON (n.doc_id)",
    f"CREATE INDEX entity_name IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON (n.name)",
    *(
        f"CREATE INDEX rel_{t.value.lower()}_id IF NOT EXISTS FOR ()-[r:{t.value}]-() ON (r.id)"
        for t in RelationType
    ),
)

_UNION = "reduce(acc = coalesce({old}, []), x IN {new} | CASE WHEN x IN acc THEN acc ELSE acc + x END)"


def _entity_statement(category: Category) -> str:
    # Both labels in the MERGE pattern: ArcadeDB implements a label change as a record
    # copy that trips the Entity.id constraint inside an explicit transaction, so a new
    # node is created with its category label at once (see _relabel_statement).
    return (
        "UNWIND $rows AS row "
        f"MERGE (n:{ENTITY_LABEL}:{category.value} {{id: row.id}}) "
        "ON CREATE SET n.mention_count = row.mention_count "
        "SET n.name = row.name, n.category = row.category, n.biolink_category = row.biolink_category, "
        f"n.synonyms = {_UNION.format(old='n.synonyms', new='row.synonyms')}, "
        f"n.xrefs = {_UNION.format(old='n.xrefs', new='row.xrefs')}"
    )


def _relabel_statement(category: Category) -> str:
    """Move existing entities to ``category``: exactly one category label per entity."""
    others = "".join(f":{c.value}" for c in Category if c is not category)
    return (
        "UNWIND $ids AS id "
        f"MATCH (n:{ENTITY_LABEL} {{id: id}}) "
        f"SET n:{category.value} REMOVE n{others} "
        "SET n.category = $category"
    )


EXISTING_CATEGORIES = (
    f"UNWIND $ids AS id MATCH (n:{ENTITY_LABEL} {{id: id}}) RETURN n.id AS id, n.category AS category"
)


def _edge_statement(rel_type: RelationType) -> str:
    return (
        "UNWIND $rows AS row "
        f"MATCH (s:{ENTITY_LABEL} {{id: row.subject}}) "
        f"MATCH (o:{ENTITY_LABEL} {{id: row.object}}) "
        # Did the edge exist before this load? Only those need their aggregates recomputed
        # from the store (a new edge's evidence is exactly this graph's).
        f"OPTIONAL MATCH (s)-[old:{rel_type.value}]->(o) WHERE old.id = row.id "
        "WITH s, o, row, count(old) > 0 AS existed "
        f"MERGE (s)-[r:{rel_type.value} {{id: row.id}}]->(o) "
        "ON CREATE SET r += row.initial "
        "SET r += row.props "
        "RETURN row.id AS id, existed"
    )


def _edge_aggregate_statement(rel_type: RelationType) -> str:
    return (
        "UNWIND $rows AS row "
        f"MATCH (s:{ENTITY_LABEL} {{id: row.subject}})-[r:{rel_type.value} {{id: row.id}}]->(o:{ENTITY_LABEL} {{id: row.object}}) "
        "SET r += row.aggregates"
    )


DOCUMENT_STATEMENT = (
    "UNWIND $rows AS row "
    f"MERGE (d:{DOCUMENT_LABEL} {{id: row.id}}) "
    "SET d += row.props"
)
EVIDENCE_STATEMENT = (
    "UNWIND $rows AS row "
    f"MERGE (ev:{EVIDENCE_LABEL} {{id: row.id}}) "
    "SET ev += row.props "
    f"MERGE (d:{DOCUMENT_LABEL} {{id: row.props.doc_id}}) "
    f"MERGE (ev)-[:{FROM_DOCUMENT_TYPE}]->(d)"
)
MENTION_STATEMENT = (
    "UNWIND $rows AS row "
    f"MATCH (e:{ENTITY_LABEL} {{id: row.entity}}) "
    f"MERGE (d:{DOCUMENT_LABEL} {{id: row.doc}}) "
    f"MERGE (e)-[m:{MENTIONED_IN_TYPE}]->(d) "
    "SET m.count = row.count"
)
EVIDENCE_OF_EDGES = (
    "UNWIND $ids AS edge_id "
    f"MATCH (ev:{EVIDENCE_LABEL} {{edge_id: edge_id}}) "
    "RETURN ev.edge_id AS edge_id, ev.doc_id AS doc_id, ev.score AS score, ev.hedged AS hedged, "
    "ev.sentence AS sentence, ev.sentence_index AS sentence_index"
)
# An entity's mention_count is the sum over its documents once MENTIONED_IN is known.
MENTION_COUNT_STATEMENT = (
    "UNWIND $ids AS entity_id "
    f"MATCH (e:{ENTITY_LABEL} {{id: entity_id}}) "
    f"OPTIONAL MATCH (e)-[m:{MENTIONED_IN_TYPE}]->(:{DOCUMENT_LABEL}) "
    "WITH e, count(m) AS docs, sum(m.count) AS total "
    "WHERE docs > 0 "
    "SET e.mention_count = total"
)
ANY_ENTITY = f"MATCH (n:{ENTITY_LABEL}) RETURN n.id AS id LIMIT 1"
EXISTING_ENTITIES = f"UNWIND $ids AS id MATCH (e:{ENTITY_LABEL} {{id: id}}) RETURN e.id AS id"


@dataclass
class LoadCounts:
    """Rows written per kind (MERGEd, so re-loads count the same rows again)."""

    documents: int = 0
    entities: int = 0
    edges: int = 0
    evidence: int = 0
    mentions: int = 0
    batches: int = 0
    retries: int = 0
    seconds: float = 0.0
    per_type: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def __str__(self) -> str:
        return (f"{self.documents} documents, {self.entities} entities, {self.edges} edges, "
                f"{self.evidence} evidence, {self.mentions} mentions in {self.seconds:.1f} s")


def aggregate_evidence(rows: Iterable[tuple[str, float, bool, str, int]],
                       limit: int = SUPPORTING_TEXT_LIMIT) -> dict[str, Any]:
    """Edge aggregates from stored evidence rows ``(doc_id, score, hedged, sentence, sentence_index)``.

    Confidence follows kg.types.confidence_from_evidence: noisy-or over the best score of
    each document. Supporting text is the best ``limit`` distinct sentences, in an order
    that does not depend on load order.
    """
    rows = list(rows)
    best: dict[str, float] = {}
    for doc_id, score, _hedged, _sentence, _index in rows:
        best[doc_id] = max(best.get(doc_id, 0.0), float(score or 0.0))
    texts: list[str] = []
    for _doc, _score, _hedged, sentence, _index in sorted(
        rows, key=lambda r: (-(r[1] or 0.0), r[0], r[4] if r[4] is not None else -1, r[3] or "")
    ):
        if sentence and sentence not in texts:
            texts.append(sentence)
        if len(texts) == limit:
            break
    return {
        "evidence_count": len(rows),
        "publications": sorted(best),
        "confidence": confidence_from_scores(best),
        "hedged": bool(rows) and all(bool(r[2]) for r in rows),
        "supporting_text": texts,
    }


def entity_row(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "category": entity.category.value,
        "biolink_category": entity.category.biolink,
        "synonyms": list(dict.fromkeys(entity.synonyms)),
        "xrefs": list(dict.fromkeys(entity.xrefs)),
        "mention_count": entity.mention_count,
    }


def edge_row(edge: Edge, limit: int = SUPPORTING_TEXT_LIMIT) -> dict[str, Any]:
    props: dict[str, Any] = {
        "type": edge.type.value,
        "predicate": edge.type.biolink_predicate,
        "negated": edge.negated,
    }
    props.update(edge.type.biolink_qualifiers)  # e.g. object_direction_qualifier for DECREASES
    # One row per evidence key, as in the store (the same claim built twice is one Evidence).
    unique = {e.key(edge.type): e for e in edge.evidence}.values()
    initial = aggregate_evidence(
        ((e.doc_id, e.score, e.epistemics.hedged, e.sentence, e.sentence_index) for e in unique), limit
    )
    if not edge.evidence:  # nothing to pool: keep what assembly computed
        initial["confidence"] = edge.confidence
    return {"id": edge.id, "subject": edge.subject, "object": edge.object, "props": props, "initial": initial}


def evidence_row(evidence: Evidence, edge: Edge) -> dict[str, Any]:
    return {
        "id": evidence.key(edge.type),
        "props": {
            "edge_id": edge.id,
            "doc_id": evidence.doc_id,
            "sentence": evidence.sentence,
            "sentence_index": evidence.sentence_index,
            "subject_text": evidence.subject_text,
            "object_text": evidence.object_text,
            "subject_start": evidence.subject_span[0],
            "subject_end": evidence.subject_span[1],
            "object_start": evidence.object_span[0],
            "object_end": evidence.object_span[1],
            "trigger": evidence.trigger,
            "extractor": evidence.extractor,
            "score": evidence.score,
            "negated": evidence.epistemics.negated,
            "hedged": evidence.epistemics.hedged,
            "cues": list(evidence.epistemics.cues),
        },
    }


def _chunks(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


class Neo4jSink:
    """Idempotent, batched loader of a :class:`kg.types.Graph`.

    ``driver`` is a ``neo4j.Driver``; its own retry (``max_transaction_retry_time``)
    covers transient errors inside each batch transaction. On top of that, a batch
    that fails because the server is gone is retried ``retries`` times with
    exponential backoff, then the load stops with a StoreError naming ``uri``.
    """

    def __init__(
        self,
        driver,
        *,
        database: str | None = None,
        batch_size: int = 1000,
        uri: str = "the graph store",
        retries: int = 3,
        backoff_s: float = 1.0,
        max_backoff_s: float = 8.0,
        supporting_text_limit: int = SUPPORTING_TEXT_LIMIT,
        progress: Callable[[str, int], None] | None = None,
    ):
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        self.driver = driver
        self.database = database
        self.batch_size = batch_size
        self._fresh = False  # set per load: True when the store held no entities
        self.uri = uri
        self.retries = retries
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self.supporting_text_limit = supporting_text_limit
        self.progress = progress
        self._counts = LoadCounts()

    # -- transport -----------------------------------------------------------------------
    def _read(self, work: Callable[[Any], Any], what: str) -> Any:
        return self._execute(work, what, read=True)

    def _execute(self, work: Callable[[Any], Any] | None, what: str, *, read: bool = False,
                 autocommit: tuple[str, dict[str, Any]] | None = None) -> Any:
        """Run ``work(tx)`` in a managed transaction (or one auto-commit statement),
        riding out server restarts."""
        from neo4j.exceptions import (  # noqa: PLC0415
            ConstraintError,
            Neo4jError,
            ServiceUnavailable,
            SessionExpired,
        )

        attempt = 0
        while True:
            try:
                with self.driver.session(database=self.database) as session:
                    if autocommit is not None:
                        return session.run(*autocommit).consume()
                    if read:
                        return session.execute_read(work)
                    return session.execute_write(work)
            except (ServiceUnavailable, SessionExpired) as exc:
                attempt += 1
                if attempt > self.retries:
                    raise StoreError(
                        f"graph store at {self.uri} is unavailable ({what}); gave up after "
                        f"{attempt} attempts: {exc}. The load is idempotent: run it again when the server is back."
                    ) from exc
                delay = min(self.backoff_s * 2 ** (attempt - 1), self.max_backoff_s)
                log.warning("store at %s unavailable during %s; retry %d/%d in %.1fs",
                            self.uri, what, attempt, self.retries, delay)
                self._counts.retries += 1
                time.sleep(delay)
            except ConstraintError as exc:
                # ArcadeDB fails (rather than waits) when two writers MERGE the same key at
                # once; the batch is idempotent, so run it again.
                attempt += 1
                if attempt > self.retries:
                    raise StoreError(f"graph store at {self.uri} refused {what}: {exc.code}: {exc.message} "
                                     "(is another load writing the same graph?)") from exc
                self._counts.retries += 1
                time.sleep(min(self.backoff_s * 2 ** (attempt - 1), self.max_backoff_s))
            except Neo4jError as exc:
                raise StoreError(f"graph store at {self.uri} refused {what}: {exc.code}: {exc.message}") from exc

    def _write_rows(self, statement: str, rows: Sequence[dict[str, Any]], what: str,
                    collect: str | None = None) -> set[str]:
        """Write ``rows`` in batches; with ``collect``, return the ids of result rows whose
        ``collect`` column is true."""
        collected: set[str] = set()

        def work(tx, chunk):
            result = tx.run(statement, rows=list(chunk))
            if collect is None:
                result.consume()
                return set()
            return {rec["id"] for rec in result if rec[collect]}

        for chunk in _chunks(rows, self.batch_size):
            collected |= self._execute(lambda tx, c=chunk: work(tx, c), what)
            self._counts.batches += 1
            if self.progress:
                self.progress(what, len(chunk))
        return collected

    # -- public --------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        """Constraints and indexes first, so every MERGE below is an index lookup."""
        from neo4j.exceptions import Neo4jError  # noqa: PLC0415

        for statement in SCHEMA_STATEMENTS:
            try:
                self._execute(lambda tx, s=statement: tx.run(s).consume(), "schema")
            except StoreError as exc:
                cause = exc.__cause__
                # An equivalent index under another name (e.g. created by hand) is fine.
                if isinstance(cause, Neo4jError) and "EquivalentSchemaRule" in (cause.code or ""):
                    continue
                raise

    def load(self, graph: Graph) -> LoadCounts:
        self._counts = counts = LoadCounts()
        started = time.perf_counter()
        self._check_endpoints(graph)
        self.ensure_schema()
        # Into an empty store (the usual first, bulk load) nothing can need relabelling and
        # the mention counts written on creation are final: skip those lookups.
        self._fresh = not self._read(lambda tx: tx.run(ANY_ENTITY).single() is not None, "store check")

        documents = [
            {"id": d.id, "props": {"title": d.title, "year": d.year, "source": d.source}}
            for d in graph.documents.values()
        ]
        self._write_rows(DOCUMENT_STATEMENT, documents, "documents")
        counts.documents = len(documents)

        mention_totals: dict[str, int] = defaultdict(int)
        for (entity_id, _), count in graph.mentions.items():
            mention_totals[entity_id] += count
        by_category: dict[Category, list[dict[str, Any]]] = defaultdict(list)
        for entity in graph.entities.values():
            row = entity_row(entity)
            # The stored count is always the sum over MENTIONED_IN (what later loads recompute).
            row["mention_count"] = mention_totals.get(entity.id, row["mention_count"])
            by_category[entity.category].append(row)
        for category in Category:  # enum order: deterministic
            for chunk in _chunks(by_category.get(category, []), self.batch_size):
                self._load_entities(category, chunk)
        counts.entities = len(graph.entities)

        edges_by_type: dict[RelationType, list[dict[str, Any]]] = defaultdict(list)
        preexisting: set[str] = set()
        for edge in graph.edges.values():
            edges_by_type[edge.type].append(edge_row(edge, self.supporting_text_limit))
        for rel_type in RelationType:
            if edges_by_type.get(rel_type):
                existed = self._write_rows(_edge_statement(rel_type), edges_by_type[rel_type],
                                           f"{rel_type.value} edges", collect="existed")
                preexisting.update(existed)
                counts.per_type[rel_type.value] = len(edges_by_type[rel_type])
        counts.edges = len(graph.edges)

        # Evidence is streamed edge by edge in batches (a large run's evidence is read from
        # disk, never held whole). The same evidence key twice is one node: counts mean nodes.
        written: set[str] = set()
        batch: list[dict[str, Any]] = []
        for edge in graph.edges.values():
            for ev in edge.evidence:
                row = evidence_row(ev, edge)
                if row["id"] not in written:
                    written.add(row["id"])
                    batch.append(row)
                if len(batch) >= self.batch_size:
                    self._write_rows(EVIDENCE_STATEMENT, batch, "evidence")
                    batch = []
        if batch:
            self._write_rows(EVIDENCE_STATEMENT, batch, "evidence")
        counts.evidence = len(written)

        mentions = [
            {"entity": entity_id, "doc": doc_id, "count": count}
            for (entity_id, doc_id), count in graph.mentions.items()
            if entity_id in graph.entities
        ]
        self._write_rows(MENTION_STATEMENT, mentions, "mentions")
        counts.mentions = len(mentions)

        self._refresh_edges({t: [r for r in rows if r["id"] in preexisting] for t, rows in edges_by_type.items()})
        if mentions and not self._fresh:  # counts pooled over every load, not just this one
            ids = sorted({m["entity"] for m in mentions})
            for chunk in _chunks(ids, self.batch_size):
                self._execute(lambda tx, c=chunk: tx.run(MENTION_COUNT_STATEMENT, ids=list(c)).consume(),
                              "mention counts")
        counts.seconds = round(time.perf_counter() - started, 3)
        return counts

    # -- helpers -------------------------------------------------------------------------
    def _load_entities(self, category: Category, rows: Sequence[dict[str, Any]]) -> None:
        ids = [row["id"] for row in rows]
        existing = {} if self._fresh else self._read(
            lambda tx: {r["id"]: r["category"] for r in tx.run(EXISTING_CATEGORIES, ids=ids)}, "entity lookup")
        moved = [i for i in ids if i in existing and existing[i] != category.value]
        if moved:
            # Auto-commit, not a transaction function: the only form in which ArcadeDB
            # accepts a label change on a uniquely-constrained node. Idempotent.
            self._execute(None, f"{category.value} relabel",
                          autocommit=(_relabel_statement(category), {"ids": moved, "category": category.value}))
        self._execute(lambda tx: tx.run(_entity_statement(category), rows=list(rows)).consume(),
                      f"{category.value} entities")
        self._counts.batches += 1
        if self.progress:
            self.progress(f"{category.value} entities", len(rows))

    def _check_endpoints(self, graph: Graph) -> None:
        """Every edge endpoint must be in the graph or already in the store: nothing silently dropped."""
        missing = sorted({
            end for edge in graph.edges.values() for end in (edge.subject, edge.object)
            if end not in graph.entities
        })
        if not missing:
            return

        def read(tx):
            return {r["id"] for r in tx.run(EXISTING_ENTITIES, ids=missing)}

        from neo4j.exceptions import Neo4jError  # noqa: PLC0415

        try:
            present = self._read(read, "endpoint check")
        except StoreError as exc:
            if not isinstance(exc.__cause__, Neo4jError):
                raise
            present = set()  # e.g. a store that has never seen the Entity label
        absent = [m for m in missing if m not in present]
        if absent:
            preview = ", ".join(absent[:5]) + (" ..." if len(absent) > 5 else "")
            raise InputError(f"{len(absent)} edge endpoint(s) are neither in the graph nor in the store: {preview}")

    def _refresh_edges(self, edges_by_type: dict[RelationType, list[dict[str, Any]]]) -> None:
        """Recompute aggregates of the touched edges from *all* their stored evidence."""
        rows = [(t, row) for t in RelationType for row in edges_by_type.get(t, ())]
        for chunk in _chunks(rows, self.batch_size):
            self._execute(lambda tx, c=chunk: self._refresh_chunk(tx, c), "edge aggregates")

    def _refresh_chunk(self, tx, chunk: Sequence[tuple[RelationType, dict[str, Any]]]) -> None:
        ids = [row["id"] for _, row in chunk]
        stored: dict[str, list[tuple]] = defaultdict(list)
        for rec in tx.run(EVIDENCE_OF_EDGES, ids=ids):
            stored[rec["edge_id"]].append(
                (rec["doc_id"], rec["score"], rec["hedged"], rec["sentence"], rec["sentence_index"])
            )
        updates: dict[RelationType, list[dict[str, Any]]] = defaultdict(list)
        for rel_type, row in chunk:
            if stored.get(row["id"]):
                updates[rel_type].append({
                    "id": row["id"], "subject": row["subject"], "object": row["object"],
                    "aggregates": aggregate_evidence(stored[row["id"]], self.supporting_text_limit),
                })
        for rel_type, rows in updates.items():
            tx.run(_edge_aggregate_statement(rel_type), rows=rows).consume()
