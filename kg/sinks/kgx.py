"""KGX JSON Lines: ``nodes.jsonl`` and ``edges.jsonl`` (Biolink 4), read and written.

Besides the KGX fields, each edge keeps our ``type``, ``negated``, ``hedged``, ``confidence``
and the full evidence records (``kg_evidence``), so ``kg load`` rebuilds the whole graph
from these files. Documents go to ``documents.jsonl``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from kg.errors import InputError
from kg.types import DocumentRecord, Edge, Entity, Evidence, Graph
from kg.vocab import Category, RelationType

NODES = "nodes.jsonl"
EDGES = "edges.jsonl"
DOCUMENTS = "documents.jsonl"
KNOWLEDGE_SOURCE = "infores:kg-text-mining"
SUPPORTING_TEXT_LIMIT = 5


def node_record(entity: Entity, mentioned_in: list[list]) -> dict:
    return {
        "id": entity.id,
        "name": entity.name,
        "category": [entity.category.biolink],
        "synonym": entity.synonyms,
        "xref": entity.xrefs,
        "provided_by": [KNOWLEDGE_SOURCE],
        "kg_category": entity.category.value,
        "kg_mention_count": entity.mention_count,
        "kg_mentioned_in": mentioned_in,
    }


def edge_record(edge: Edge) -> dict:
    record = {
        "id": edge.id,
        "subject": edge.subject,
        "predicate": edge.type.biolink_predicate,
        "object": edge.object,
        **edge.type.biolink_qualifiers,
        "negated": edge.negated,
        "type": edge.type.value,
        "hedged": edge.hedged,
        "confidence": edge.confidence,
        "publications": edge.publications,
        "supporting_text": [e.sentence for e in edge.evidence[:SUPPORTING_TEXT_LIMIT]],
        "knowledge_level": "not_provided",
        "agent_type": "text_mining_agent",
        "primary_knowledge_source": KNOWLEDGE_SOURCE,
        "kg_evidence": [e.model_dump(mode="json") for e in edge.evidence],
    }
    return record


class KgxSink:
    """Writes a Graph as KGX JSON Lines into a directory (atomically per file)."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def write(self, graph: Graph) -> dict[str, int]:
        self.directory.mkdir(parents=True, exist_ok=True)
        mentioned: dict[str, list[list]] = {}
        for (entity_id, doc_id), count in graph.mentions.items():
            mentioned.setdefault(entity_id, []).append([doc_id, count])
        self._write_lines(NODES, (node_record(e, mentioned.get(e.id, [])) for e in graph.entities.values()))
        self._write_lines(EDGES, (edge_record(e) for e in graph.edges.values()))
        self._write_lines(DOCUMENTS, (d.model_dump(mode="json") for d in graph.documents.values()))
        return {"nodes": len(graph.entities), "edges": len(graph.edges), "documents": len(graph.documents)}

    def _write_lines(self, name: str, records: Iterator[dict]) -> None:
        tmp = self.directory / f".{name}.tmp"
        with tmp.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        tmp.replace(self.directory / name)


def _lines(path: Path) -> Iterator[tuple[int, dict]]:
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield line_no, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"invalid JSON: {exc}", path=str(path), record=f"line {line_no}") from exc


def read_graph(directory: Path) -> Graph:
    """Rebuilds a Graph from the files KgxSink wrote."""
    directory = Path(directory)
    nodes, edges = directory / NODES, directory / EDGES
    for required in (nodes, edges):
        if not required.is_file():
            raise InputError("missing KGX file (expected nodes.jsonl and edges.jsonl)", path=str(required))
    graph = Graph()
    try:
        for line_no, rec in _lines(nodes):
            entity = Entity(
                id=rec["id"], name=rec.get("name") or rec["id"],
                category=Category(rec.get("kg_category") or "NamedThing"),
                synonyms=rec.get("synonym", []), xrefs=rec.get("xref", []),
                mention_count=rec.get("kg_mention_count", 0),
            )
            graph.entities[entity.id] = entity
            for doc_id, count in rec.get("kg_mentioned_in", []):
                graph.mentions[(entity.id, doc_id)] = count
        for line_no, rec in _lines(edges):
            edge = Edge(
                subject=rec["subject"], type=RelationType(rec["type"]), object=rec["object"],
                negated=bool(rec.get("negated", False)),
                evidence=[Evidence(**e) for e in rec.get("kg_evidence", [])],
                confidence=rec.get("confidence", 0.0),
            )
            graph.edges[edge.key] = edge
    except (KeyError, ValueError, ValidationError) as exc:
        raise InputError(f"not a kg KGX record: {exc}", path=str(directory), record=f"line {line_no}") from exc
    documents = directory / DOCUMENTS
    if documents.is_file():
        for _, rec in _lines(documents):
            doc = DocumentRecord(**rec)
            graph.documents[doc.id] = doc
    return graph
