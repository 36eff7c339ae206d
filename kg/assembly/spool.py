"""Disk-backed evidence and mention counts, so assembly memory stays flat as input grows.

The entities and edges of a graph are bounded by its vocabulary; the evidence and the
(entity, document) mention counts grow with every document. A run with an output folder
keeps those two in a SQLite file there and hands them to the sinks as lazy, read-only
views (``SpooledEvidence``, ``SpooledMentions``) that stream rows back in a fixed order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from kg.types import Evidence

COMMIT_EVERY = 5000


class Spool:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for stale in (self.path, self.path.with_name(self.path.name + "-journal")):
            stale.unlink(missing_ok=True)
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        self._db.executescript("""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE evidence (key TEXT PRIMARY KEY, edge TEXT NOT NULL, doc_id TEXT, sentence_index INTEGER,
                                   s_start INTEGER, s_end INTEGER, score REAL, body TEXT NOT NULL);
            CREATE INDEX evidence_edge ON evidence (edge, doc_id, sentence_index, s_start, s_end);
            CREATE TABLE mentions (entity TEXT, doc TEXT, count INTEGER, PRIMARY KEY (entity, doc));
        """)
        self._pending = 0

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        self._db.commit()
        self._pending = 0

    def add_evidence(self, edge_id: str, key: str, evidence: Evidence) -> bool:
        """Stores one evidence for an edge; False when that evidence key is already there."""
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (key, edge_id, evidence.doc_id, evidence.sentence_index, evidence.subject_span[0],
             evidence.subject_span[1], evidence.score, evidence.model_dump_json()),
        )
        self._tick()
        return cursor.rowcount == 1

    def evidence(self, edge_id: str) -> Iterator[Evidence]:
        rows = self._db.execute(
            "SELECT body FROM evidence WHERE edge = ? ORDER BY doc_id, sentence_index, s_start, s_end", (edge_id,)
        )
        for (body,) in rows:
            yield Evidence.model_validate_json(body)

    def best_scores(self) -> Iterator[tuple[str, dict[str, float]]]:
        """(edge id, {document: best score}) for every edge, one edge at a time."""
        rows = self._db.execute(
            "SELECT edge, doc_id, max(score) FROM evidence GROUP BY edge, doc_id ORDER BY edge, doc_id"
        )
        current, best = None, {}
        for edge, doc_id, score in rows:
            if edge != current and current is not None:
                yield current, best
                best = {}
            current = edge
            best[doc_id] = score
        if current is not None:
            yield current, best

    def add_mention(self, entity_id: str, doc_id: str) -> None:
        self._db.execute(
            "INSERT INTO mentions VALUES (?, ?, 1) ON CONFLICT (entity, doc) DO UPDATE SET count = count + 1",
            (entity_id, doc_id),
        )
        self._tick()

    def mentions(self) -> Iterator[tuple[tuple[str, str], int]]:
        for entity, doc, count in self._db.execute("SELECT entity, doc, count FROM mentions ORDER BY entity, doc"):
            yield (entity, doc), count

    def mention_count(self, entity_id: str, doc_id: str) -> int | None:
        row = self._db.execute("SELECT count FROM mentions WHERE entity = ? AND doc = ?", (entity_id, doc_id)).fetchone()
        return row[0] if row else None

    def mention_pairs(self) -> int:
        return self._db.execute("SELECT count(*) FROM mentions").fetchone()[0]


class SpooledEvidence(Sequence[Evidence]):
    """An edge's evidence, read from the spool each time it is iterated (never cached)."""

    def __init__(self, spool: Spool, edge_id: str, count: int):
        self._spool, self._edge_id, self._count = spool, edge_id, count

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Evidence]:
        return self._spool.evidence(self._edge_id)

    def __getitem__(self, index):
        return list(self)[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"SpooledEvidence({self._edge_id}, {self._count} items)"


class SpooledMentions(Mapping[tuple[str, str], int]):
    """(entity id, document id) -> mention count, read from the spool."""

    def __init__(self, spool: Spool):
        self._spool = spool
        self._size = spool.mention_pairs()

    def __getitem__(self, key: tuple[str, str]) -> int:
        count = self._spool.mention_count(*key)
        if count is None:
            raise KeyError(key)
        return count

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return (key for key, _ in self._spool.mentions())

    def items(self):  # streamed, in (entity, document) order
        return self._spool.mentions()

    def __len__(self) -> int:
        return self._size

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())
