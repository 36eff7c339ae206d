"""The terminology store: one SQLite file of concepts, their names (indexed by match key) and xrefs.

SQLite keeps start-up instant and memory flat: nothing is loaded up front, each lookup is an
indexed query. The file lives under the user's data directory (``$KG_HOME`` or the platform's
data dir, e.g. ``~/.local/share/kg/terms.sqlite``).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from kg.errors import ConfigError
from kg.linking.normalize import KEY_VERSION, match_key
from kg.mesh import uninvert
from kg.resources import data_dir
from kg.vocab import Category

# Bump when the tables or the default sources change: stores built before are rebuilt on next use.
SCHEMA_VERSION = "2"
STORE_FILE = "terms.sqlite"

# Weight of a name by how it names the concept; a lookup's score starts from it.
KIND_WEIGHT = {"label": 1.0, "synonym": 0.95, "corpus": 0.93, "abbreviation": 0.9, "related": 0.8}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    name TEXT PRIMARY KEY, version TEXT, origin TEXT, terms INTEGER, names INTEGER, xrefs INTEGER,
    seconds REAL, added_at TEXT);
CREATE TABLE IF NOT EXISTS terms (
    curie TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT, source TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL, curie TEXT NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    weight REAL NOT NULL, source TEXT, PRIMARY KEY (key, curie)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_curie ON names (curie);
CREATE TABLE IF NOT EXISTS xrefs (
    curie TEXT NOT NULL, xref TEXT NOT NULL, source TEXT, PRIMARY KEY (curie, xref)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS xrefs_xref ON xrefs (xref);
"""


def default_store_path() -> Path:
    return data_dir() / STORE_FILE


@dataclass
class Term:
    """One concept as a source gives it."""

    curie: str
    name: str
    category: Category | None = None
    synonyms: list[str] = field(default_factory=list)
    kind: str = "synonym"  # kind of the synonyms (``related`` for broad/narrow ones)
    xrefs: list[str] = field(default_factory=list)
    weight: float | None = None  # overrides the synonyms' kind weight (corpus frequencies)
    index_name: bool = True  # False: ``name`` is only a display name, the synonyms carry the keys


@dataclass
class NameHit:
    curie: str
    text: str  # the stored name that matched
    kind: str
    weight: float
    name: str  # the concept's preferred name
    category: Category | None


@dataclass
class SourceInfo:
    name: str
    version: str
    origin: str
    terms: int
    names: int
    xrefs: int
    seconds: float
    added_at: str


def curie_prefix(curie: str) -> str:
    return curie.split(":", 1)[0] if ":" in curie else ""


class TermStore:
    """Read/write access to one terminology SQLite file."""

    def __init__(self, path: Path, *, readonly: bool = False):
        self.path = Path(path)
        if readonly:
            if not self.path.is_file():
                raise ConfigError(f"terminology store {self.path} does not exist; run `kg terms build`")
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            if not self.is_current():
                raise ConfigError(
                    f"terminology store {self.path} was built by another kg version; rebuild it "
                    "(`kg terms build`, or `--rebuild` for evaluation stores)"
                )
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, check_same_thread=False)
            self.db.executescript(_SCHEMA)
            self.db.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
            )
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('key_version', ?)", (KEY_VERSION,))
            self.db.commit()
        self.readonly = readonly

    def is_current(self) -> bool:
        """Whether this store's schema and match keys are the ones this kg writes."""
        try:
            rows = dict(self.db.execute(
                "SELECT key, value FROM meta WHERE key IN ('schema_version', 'key_version')").fetchall())
        except sqlite3.DatabaseError:
            return False
        return rows.get("schema_version") == SCHEMA_VERSION and rows.get("key_version") == KEY_VERSION

    @staticmethod
    def file_is_current(path: Path) -> bool:
        if not Path(path).is_file():
            return False
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            probe = TermStore.__new__(TermStore)
            probe.db = db
            return probe.is_current()
        finally:
            db.close()

    @classmethod
    def open(cls, path: Path | None = None, *, readonly: bool = True) -> TermStore:
        return cls(path or default_store_path(), readonly=readonly)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> TermStore:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.readonly:
            self.db.commit()
        self.close()

    # ---- writing -----------------------------------------------------------------------------

    def add_terms(
        self, terms: Iterable[Term], *, source: str, version: str = "", origin: str = ""
    ) -> SourceInfo:
        """Add concepts with names and xrefs; names already present keep their highest weight.

        A concept already in the store keeps its preferred name; its category is filled in
        when it had none (e.g. a MeSH descriptor that a corpus shows to be a Disease).
        """
        started = time.perf_counter()
        n_terms = n_names = n_xrefs = 0
        cur = self.db.cursor()
        for term in terms:
            category = term.category.value if term.category else None
            cur.execute(
                "INSERT INTO terms VALUES (?, ?, ?, ?) ON CONFLICT (curie) DO UPDATE SET "
                "category = coalesce(terms.category, excluded.category)",
                (term.curie, term.name, category, source),
            )
            n_terms += 1
            rows = list(_name_rows(term, source))
            cur.executemany(
                "INSERT INTO names VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key, curie) DO UPDATE SET "
                "weight = max(names.weight, excluded.weight), "
                # A corpus annotation of an existing name marks it as the corpus's convention.
                "kind = CASE WHEN excluded.weight > names.weight OR excluded.kind = 'corpus' "
                "THEN excluded.kind ELSE names.kind END",
                rows,
            )
            n_names += len(rows)
            xref_rows = [(term.curie, x, source) for x in term.xrefs if x and x != term.curie]
            cur.executemany("INSERT OR IGNORE INTO xrefs VALUES (?, ?, ?)", xref_rows)
            n_xrefs += len(xref_rows)
        info = SourceInfo(
            name=source, version=version, origin=origin, terms=n_terms, names=n_names,
            xrefs=n_xrefs, seconds=round(time.perf_counter() - started, 2),
            added_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )
        cur.execute(
            "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (info.name, info.version, info.origin, info.terms, info.names, info.xrefs,
             info.seconds, info.added_at),
        )
        self.db.commit()
        return info

    def add_xrefs(self, pairs: Iterable[tuple[str, str]], *, source: str, origin: str = "") -> SourceInfo:
        """Add exact-match mappings (SSSOM) between concepts."""
        started = time.perf_counter()
        rows = [(a, b, source) for a, b in pairs if a and b and a != b]
        self.db.executemany("INSERT OR IGNORE INTO xrefs VALUES (?, ?, ?)", rows)
        info = SourceInfo(source, "", origin, 0, 0, len(rows), round(time.perf_counter() - started, 2),
                          datetime.now(timezone.utc).isoformat(timespec="seconds"))
        self.db.execute(
            "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (info.name, info.version, info.origin, info.terms, info.names, info.xrefs,
             info.seconds, info.added_at),
        )
        self.db.commit()
        return info

    def set_meta(self, key: str, value: object) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value)))
        self.db.commit()

    # ---- reading -----------------------------------------------------------------------------

    def meta(self, key: str, default: object = None) -> object:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def names_for_keys(self, keys: Iterable[str]) -> list[NameHit]:
        keys = list(dict.fromkeys(k for k in keys if k))
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            "SELECT n.curie, n.text, n.kind, n.weight, coalesce(t.name, n.text), t.category "
            f"FROM names n LEFT JOIN terms t ON t.curie = n.curie WHERE n.key IN ({marks})",
            keys,
        ).fetchall()
        return [NameHit(c, text, kind, w, name, Category(cat) if cat else None)
                for c, text, kind, w, name, cat in rows]

    def term(self, curie: str) -> tuple[str, Category | None] | None:
        row = self.db.execute("SELECT name, category FROM terms WHERE curie = ?", (curie,)).fetchone()
        if not row:
            return None
        return row[0], Category(row[1]) if row[1] else None

    def direct_xrefs(self, curie: str) -> set[str]:
        rows = self.db.execute(
            "SELECT xref FROM xrefs WHERE curie = ? UNION SELECT curie FROM xrefs WHERE xref = ?",
            (curie, curie),
        ).fetchall()
        return {r[0] for r in rows}

    def names_of(self, curie: str) -> list[str]:
        rows = self.db.execute(
            "SELECT text FROM names WHERE curie = ? ORDER BY weight DESC, text", (curie,)
        ).fetchall()
        return list(dict.fromkeys(r[0] for r in rows))

    def sources(self) -> list[SourceInfo]:
        rows = self.db.execute("SELECT * FROM sources ORDER BY added_at, name").fetchall()
        return [SourceInfo(*r) for r in rows]

    def counts(self) -> dict[str, int]:
        out = {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # table names are ours
               for t in ("terms", "names", "xrefs")}
        out["prefixes"] = self.db.execute(
            "SELECT count(DISTINCT substr(curie, 1, instr(curie, ':'))) FROM terms"
        ).fetchone()[0]
        return out

    def prefix_counts(self) -> dict[str, int]:
        rows = self.db.execute(
            "SELECT substr(curie, 1, instr(curie, ':') - 1) AS p, count(*) FROM terms GROUP BY p ORDER BY 2 DESC"
        ).fetchall()
        return dict(rows)

    def iter_curies(self) -> Iterator[str]:
        for (curie,) in self.db.execute("SELECT curie FROM terms"):
            yield curie


def _name_rows(term: Term, source: str) -> Iterator[tuple[str, str, str, str, float, str]]:
    """(key, curie, text, kind, weight, source) rows for a term's label and synonyms."""
    seen: set[str] = set()
    synonym_weight = term.weight if term.weight is not None else KIND_WEIGHT.get(term.kind, 0.8)
    entries = [(term.name, "label", KIND_WEIGHT["label"])] if term.index_name else []
    entries += [(s, term.kind, synonym_weight) for s in term.synonyms]
    for text, kind, base_weight in entries:
        if not text:
            continue
        variants = [(text, base_weight)]
        natural = uninvert(text)
        if natural:
            variants.append((natural, base_weight - 0.01))
        for variant, weight in variants:
            key = match_key(variant)
            if key and key not in seen:
                seen.add(key)
                yield key, term.curie, variant, kind, weight, source
