"""Run Cypher with parameters; read-only unless the caller asks to write.

Three layers keep ``kg query`` from changing the graph by accident:
1. a conservative keyword scan (outside string literals, comments and backtick names)
   refuses write clauses and procedure calls not known to be read-only;
2. the query runs in a READ transaction (Neo4j rejects writes there);
3. that transaction is rolled back, never committed (ArcadeDB ignores the access
   mode, so a write that slipped past the scan is still discarded).
"""

from __future__ import annotations

import datetime as _dt
import re
import time
from typing import Any

from kg.errors import StoreError, WriteRefused

WRITE_KEYWORDS = (
    "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH", "LOAD",
    "ALTER", "GRANT", "DENY", "REVOKE", "RENAME", "TERMINATE", "ENABLE", "DEALLOCATE",
    "INSERT", "UPDATE", "TRUNCATE", "START", "STOP",
)
# Procedures that only read (Neo4j 5 names); any other CALL of a procedure is refused.
READ_ONLY_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "db.info", "db.ping",
    "dbms.components", "db.indexes", "db.constraints",
})

_MASK = re.compile(
    r"""
      '(?:[^'\\]|\\.)*'          # single-quoted string
    | "(?:[^"\\]|\\.)*"          # double-quoted string
    | `(?:[^`]|``)*`             # backtick identifier
    | //[^\n]*                   # line comment
    | /\*.*?\*/                  # block comment
    """,
    re.VERBOSE | re.DOTALL,
)
_WORD = re.compile(r"(?<![\w$.])([A-Za-z_]\w*)")
_CALL = re.compile(r"(?<![\w$.])CALL\s+([A-Za-z_][\w.]*)\s*\(?", re.IGNORECASE)
_UNCLOSED = re.compile(r"""['"`]|/\*""")


def _strip_literals(cypher: str) -> str:
    masked = _MASK.sub(" ", cypher)
    # An unterminated quote hides the rest of the query from the scan: refuse it.
    if _UNCLOSED.search(masked):
        raise WriteRefused("query has an unterminated string, name or comment; refusing to run it read-only")
    return masked


def write_clauses(cypher: str) -> list[str]:
    """Write keywords and non-allowlisted procedure calls found in ``cypher`` (code only)."""
    code = _strip_literals(cypher)
    found = [m.group(1).upper() for m in _WORD.finditer(code) if m.group(1).upper() in WRITE_KEYWORDS]
    if re.search(r"(?<![\w$.])IN\s+TRANSACTIONS\b", code, re.IGNORECASE):
        found.append("IN TRANSACTIONS")
    for m in _CALL.finditer(code):
        name = m.group(1)
        if name.lower() not in READ_ONLY_PROCEDURES:
            found.append(f"CALL {name}")
    return list(dict.fromkeys(found))


def check_read_only(cypher: str) -> None:
    found = write_clauses(cypher)
    if found:
        raise WriteRefused(
            f"query contains {', '.join(found)}; kg query is read-only unless --write is given"
        )


def to_python(value: Any) -> Any:
    """Driver values -> plain JSON-friendly Python (nodes and relationships become dicts)."""
    from neo4j.graph import Node, Path, Relationship  # noqa: PLC0415

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: to_python(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: to_python(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {
            "nodes": [to_python(n) for n in value.nodes],
            "relationships": [to_python(r) for r in value.relationships],
        }
    if isinstance(value, dict):
        return {k: to_python(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_python(v) for v in value]
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    return value


def run_query(
    driver,
    cypher: str,
    params: dict[str, Any] | None = None,
    *,
    database: str | None = None,
    write: bool = False,
    uri: str = "the graph store",
    attempts: int = 3,
) -> list[dict[str, Any]]:
    """Rows of ``cypher`` as a list of dicts (keys in RETURN order)."""
    import neo4j  # noqa: PLC0415
    from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired  # noqa: PLC0415

    if not write:
        check_read_only(cypher)
    params = dict(params or {})

    def collect(result) -> list[dict[str, Any]]:
        keys = result.keys()
        return [{k: to_python(record[k]) for k in keys} for record in result]

    for attempt in range(1, attempts + 1):
        try:
            if write:
                with driver.session(database=database) as session:
                    return session.execute_write(lambda tx: collect(tx.run(cypher, params)))
            with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
                tx = session.begin_transaction()
                try:
                    return collect(tx.run(cypher, params))
                finally:
                    tx.rollback()  # a read query has nothing to commit
        except (ServiceUnavailable, SessionExpired) as exc:
            if attempt == attempts:
                raise StoreError(f"graph store at {uri} is unavailable: {exc}") from exc
            time.sleep(0.5 * 2 ** (attempt - 1))
        except Neo4jError as exc:
            code = exc.code or ""
            if not write and (code.endswith(".AccessMode") or ".Security.Forbidden" in code):
                raise WriteRefused(f"the server refused a write in a read-only query: {exc.message}") from exc
            raise StoreError(f"query failed at {uri}: {exc.message or exc}") from exc
    raise AssertionError("unreachable")
