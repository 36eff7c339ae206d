"""Bulk export for ``neo4j-admin database import full`` (Neo4j 5).

Writes node and relationship CSV files with neo4j-admin header conventions
(``id:ID(Entity)``, ``:LABEL``, ``:START_ID(Entity)``, ``:END_ID(Document)``, ``:TYPE``,
typed columns such as ``score:float`` and arrays such as ``synonyms:string[]``), a
``schema.cypher`` with the constraints and indexes, and ``import.sh`` holding the exact
command. Properties are those the Bolt loader writes (same row builders), so a bulk
import and ``kg load`` give the same graph for one input.

Array elements are joined with ``;``. When any element itself contains ``;`` (evidence
sentences often do), the whole export uses the ASCII unit separator U+001F instead, so
no element is ever split; import.sh passes whichever delimiter was used.
"""

from __future__ import annotations

import csv
import json
import shlex
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.sinks.neo4j import SCHEMA_STATEMENTS, edge_row, entity_row, evidence_row
from kg.types import Graph
from kg.vocab import (
    DOCUMENT_LABEL,
    ENTITY_LABEL,
    EVIDENCE_LABEL,
    FROM_DOCUMENT_TYPE,
    MENTIONED_IN_TYPE,
    RelationType,
)

DEFAULT_ARRAY_DELIMITER = ";"
FALLBACK_ARRAY_DELIMITER = "\x1f"

# (column, neo4j-admin type or None for string, array?) per file; order = CSV column order.
ENTITY_COLUMNS = [
    ("name", None), ("category", None), ("biolink_category", None),
    ("synonyms", "string[]"), ("xrefs", "string[]"), ("mention_count", "int"),
]
DOCUMENT_COLUMNS = [("title", None), ("year", "int"), ("source", None)]
EVIDENCE_COLUMNS = [
    ("edge_id", None), ("doc_id", None), ("sentence", None), ("sentence_index", "int"),
    ("subject_text", None), ("object_text", None),
    ("subject_start", "int"), ("subject_end", "int"), ("object_start", "int"), ("object_end", "int"),
    ("trigger", None), ("extractor", None), ("score", "float"),
    ("negated", "boolean"), ("hedged", "boolean"), ("cues", "string[]"),
]
QUALIFIER_COLUMNS = sorted({q for t in RelationType for q in t.biolink_qualifiers})
EDGE_COLUMNS = [
    ("id", None), ("type", None), ("predicate", None),
    *((q, None) for q in QUALIFIER_COLUMNS),
    ("negated", "boolean"), ("hedged", "boolean"), ("confidence", "float"),
    ("evidence_count", "int"), ("publications", "string[]"), ("supporting_text", "string[]"),
]
MENTION_COLUMNS = [("count", "int")]

FILES = {
    "entities": "entities.csv",
    "documents": "documents.csv",
    "evidence": "evidence.csv",
    "edges": "edges.csv",
    "from_document": "from_document.csv",
    "mentioned_in": "mentioned_in.csv",
}
NODE_FILES = ("entities", "documents", "evidence")
RELATIONSHIP_FILES = ("edges", "from_document", "mentioned_in")


@dataclass
class AdminImportExport:
    """What was written: files, row counts, the array delimiter and the import command."""

    directory: Path
    array_delimiter: str
    counts: dict[str, int] = field(default_factory=dict)
    command: str = ""

    @property
    def files(self) -> dict[str, Path]:
        return {kind: self.directory / name for kind, name in FILES.items()}


def header(columns: list[tuple[str, str | None]]) -> list[str]:
    return [f"{name}:{kind}" if kind else name for name, kind in columns]


def _cell(value: Any, kind: str | None, delimiter: str) -> str:
    if value is None:
        return ""
    if kind and kind.endswith("[]"):
        return delimiter.join(str(v) for v in value)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "float":
        return repr(float(value))
    return str(value)


def _values(props: dict[str, Any], columns: list[tuple[str, str | None]], delimiter: str) -> list[str]:
    return [_cell(props.get(name), kind, delimiter) for name, kind in columns]


def _rows(graph: Graph) -> dict[str, list[dict[str, Any]]]:
    """Property rows per file, built with the Bolt loader's own row builders."""
    missing = sorted({e for edge in graph.edges.values() for e in (edge.subject, edge.object)
                      if e not in graph.entities})
    if missing:
        raise InputError(f"{len(missing)} edge endpoint(s) are not entities of the graph: {', '.join(missing[:5])}")
    entities = [entity_row(e) for e in graph.entities.values()]
    documents = {d.id: {"id": d.id, "title": d.title, "year": d.year, "source": d.source}
                 for d in graph.documents.values()}
    edges, evidence = [], {}
    for edge in graph.edges.values():
        row = edge_row(edge)
        edges.append({"start": edge.subject, "end": edge.object, "rel_type": edge.type.value,
                      "id": row["id"], **row["props"], **row["initial"]})
        for ev in edge.evidence:
            ev_row = evidence_row(ev, edge)
            evidence[ev_row["id"]] = {"id": ev_row["id"], **ev_row["props"]}
    mentions = [{"start": entity_id, "end": doc_id, "count": count}
                for (entity_id, doc_id), count in graph.mentions.items() if entity_id in graph.entities]
    # Relationships may point at documents the graph has no record for: the Bolt loader
    # MERGEs a bare Document for them, and neo4j-admin needs the node to exist.
    for doc_id in [ev["doc_id"] for ev in evidence.values()] + [m["end"] for m in mentions]:
        documents.setdefault(doc_id, {"id": doc_id, "title": None, "year": None, "source": None})
    return {
        "entities": entities,
        "documents": list(documents.values()),
        "evidence": list(evidence.values()),
        "edges": edges,
        "from_document": [{"start": ev["id"], "end": ev["doc_id"]} for ev in evidence.values()],
        "mentioned_in": mentions,
    }


def _array_values(rows: dict[str, list[dict[str, Any]]]) -> Iterator[str]:
    for kind, columns in (("entities", ENTITY_COLUMNS), ("evidence", EVIDENCE_COLUMNS), ("edges", EDGE_COLUMNS)):
        arrays = [name for name, k in columns if k and k.endswith("[]")]
        for row in rows[kind]:
            for name in arrays:
                yield from (str(v) for v in row.get(name) or ())


def _write_csv(path: Path, head: list[str], lines: Iterable[list[str]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(head)
        for line in lines:
            writer.writerow(line)
            n += 1
    return n


def import_command(array_delimiter: str, database: str = "$DATABASE") -> str:
    delim = "U+001F" if array_delimiter == FALLBACK_ARRAY_DELIMITER else array_delimiter
    parts = ["neo4j-admin", "database", "import", "full"]
    parts += [f"--nodes={FILES[k]}" for k in NODE_FILES]
    parts += [f"--relationships={FILES[k]}" for k in RELATIONSHIP_FILES]
    parts += [f"--array-delimiter={shlex.quote(delim)}", "--multiline-fields=true",
              "--id-type=string", "--overwrite-destination=false"]
    return " ".join(parts) + f' "{database}"'


def write_admin_import(graph: Graph, directory: Path | str) -> AdminImportExport:
    """Write the CSV files, schema.cypher and import.sh for ``graph`` into ``directory``."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    rows = _rows(graph)
    delimiter = DEFAULT_ARRAY_DELIMITER
    if any(DEFAULT_ARRAY_DELIMITER in v for v in _array_values(rows)):
        delimiter = FALLBACK_ARRAY_DELIMITER
    result = AdminImportExport(directory=out, array_delimiter=delimiter)
    files = result.files

    result.counts["entities"] = _write_csv(
        files["entities"], [f"id:ID({ENTITY_LABEL})", ":LABEL", *header(ENTITY_COLUMNS)],
        # neo4j-admin splits :LABEL on the array delimiter too.
        ([r["id"], f"{ENTITY_LABEL}{delimiter}{r['category']}", *_values(r, ENTITY_COLUMNS, delimiter)]
         for r in rows["entities"]),
    )
    result.counts["documents"] = _write_csv(
        files["documents"], [f"id:ID({DOCUMENT_LABEL})", ":LABEL", *header(DOCUMENT_COLUMNS)],
        ([r["id"], DOCUMENT_LABEL, *_values(r, DOCUMENT_COLUMNS, delimiter)] for r in rows["documents"]),
    )
    result.counts["evidence"] = _write_csv(
        files["evidence"], [f"id:ID({EVIDENCE_LABEL})", ":LABEL", *header(EVIDENCE_COLUMNS)],
        ([r["id"], EVIDENCE_LABEL, *_values(r, EVIDENCE_COLUMNS, delimiter)] for r in rows["evidence"]),
    )
    result.counts["edges"] = _write_csv(
        files["edges"], [f":START_ID({ENTITY_LABEL})", f":END_ID({ENTITY_LABEL})", ":TYPE", *header(EDGE_COLUMNS)],
        ([r["start"], r["end"], r["rel_type"], *_values(r, EDGE_COLUMNS, delimiter)] for r in rows["edges"]),
    )
    result.counts["from_document"] = _write_csv(
        files["from_document"], [f":START_ID({EVIDENCE_LABEL})", f":END_ID({DOCUMENT_LABEL})", ":TYPE"],
        ([r["start"], r["end"], FROM_DOCUMENT_TYPE] for r in rows["from_document"]),
    )
    result.counts["mentioned_in"] = _write_csv(
        files["mentioned_in"],
        [f":START_ID({ENTITY_LABEL})", f":END_ID({DOCUMENT_LABEL})", ":TYPE", *header(MENTION_COLUMNS)],
        ([r["start"], r["end"], MENTIONED_IN_TYPE, *_values(r, MENTION_COLUMNS, delimiter)]
         for r in rows["mentioned_in"]),
    )

    (out / "schema.cypher").write_text("".join(f"{s};\n" for s in SCHEMA_STATEMENTS), encoding="utf-8")
    result.command = import_command(delimiter)
    script = out / "import.sh"
    script.write_text(
        "#!/usr/bin/env bash\n"
        "# Bulk-load this folder into a new, empty Neo4j 5 database with neo4j-admin.\n"
        "# Run it on the Neo4j host with the database stopped (or not yet created):\n"
        "#   bash import.sh [DATABASE]        (default database: neo4j)\n"
        "# Set NEO4J_ADMIN to the neo4j-admin binary if it is not on PATH.\n"
        "set -euo pipefail\n"
        'cd "$(dirname "$0")"\n'
        'DATABASE="${1:-neo4j}"\n'
        f'"${{NEO4J_ADMIN:-neo4j-admin}}"{result.command.removeprefix("neo4j-admin")}\n'
        'echo "Imported. Start the database, then create constraints and indexes:"\n'
        'echo "  cypher-shell -d $DATABASE -f schema.cypher"\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    (out / "manifest.json").write_text(json.dumps({
        "array_delimiter": delimiter, "counts": result.counts, "files": FILES,
        "command": result.command,
    }, indent=2), encoding="utf-8")
    return result
