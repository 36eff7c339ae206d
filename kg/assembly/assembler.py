"""Merges per-document results into one Graph.

Entities are keyed by the mention's CURIE, or a stable kg-local id from the normalized name
when nothing linked it, so the same name merges across documents and runs. Edges are keyed
by (subject, type, object, negated): a negated claim never merges into the positive one.
Evidence is pooled, never replaced; an edge's confidence grows with independent documents
(kg.types.confidence_from_evidence). Given a spool path, evidence and mention counts go to
disk as they arrive (kg.assembly.spool), so memory does not grow with the number of documents.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from kg.assembly.spool import Spool, SpooledEvidence, SpooledMentions
from kg.types import (
    AnnotatedDoc, DocumentRecord, Edge, Entity, Evidence, Graph, Mention, Relation, best_score_per_document,
    confidence_from_scores, stable_hash,
)
from kg.vocab import Category, RelationType

_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa", "μ": "mu", "ε": "epsilon"}


def normalize_name(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    for letter, name in _GREEK.items():
        text = text.replace(letter, name)
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


def local_id(text: str) -> str:
    """Deterministic kg-local id for a name no terminology knows: 'kg:' + normalized name."""
    return "kg:" + (normalize_name(text) or "unnamed")


def entity_id(mention: Mention) -> str:
    if mention.curie:
        return mention.curie
    return local_id(mention.long_form or mention.text)


class _EntityDraft:
    def __init__(self, entity_id: str):
        self.id = entity_id
        self.names: Counter[str] = Counter()
        self.preferred: str | None = None
        self.categories: Counter[Category] = Counter()
        self.synonyms: set[str] = set()
        self.xrefs: set[str] = set()
        self.mentions = 0

    def add(self, m: Mention) -> None:
        self.mentions += 1
        self.categories[m.category] += 1
        self.synonyms.add(m.text)
        if m.long_form:
            self.synonyms.add(m.long_form)
            self.names[m.long_form] += 1
        elif len(m.text) > 5 or not m.text.isupper():
            self.names[m.text] += 1
        if m.name and not self.preferred:
            self.preferred = m.name
        self.xrefs.update(c.curie for c in m.candidates if c.curie != self.id and c.score >= 0.95)

    def build(self) -> Entity:
        name = self.preferred or (self.names.most_common(1)[0][0] if self.names else min(self.synonyms))
        return Entity(
            id=self.id, name=name, category=self.categories.most_common(1)[0][0],
            synonyms=sorted(self.synonyms - {name}), xrefs=sorted(self.xrefs), mention_count=self.mentions,
        )


class _EdgeDraft:
    def __init__(self, subject: str, rtype: RelationType, obj: str, negated: bool):
        self.subject, self.type, self.object, self.negated = subject, rtype, obj, negated
        self.id = "edge:" + stable_hash(subject, rtype.value, obj, negated)
        self.evidence: list[Evidence] = []  # in-memory mode only; the spool keeps it otherwise
        self.count = 0


def _swap(evidence: Evidence) -> Evidence:
    return evidence.model_copy(update={
        "subject_text": evidence.object_text, "object_text": evidence.subject_text,
        "subject_span": evidence.object_span, "object_span": evidence.subject_span,
    })


class Assembler:
    """Feed it documents with their relations; ``graph()`` returns the merged Graph."""

    def __init__(self, spool_path: Path | None = None) -> None:
        self._spool = Spool(spool_path) if spool_path else None
        self._entities: dict[str, _EntityDraft] = {}
        self._edges: dict[tuple[str, str, str, bool], _EdgeDraft] = {}
        self._evidence_keys: set[str] = set()  # in-memory mode; the spool dedupes on disk
        self._documents: dict[str, DocumentRecord] = {}
        self._mentions: Counter[tuple[str, str]] = Counter()

    def add(self, adoc: AnnotatedDoc, relations: list[Relation]) -> None:
        doc = adoc.document
        self._documents[doc.id] = DocumentRecord(id=doc.id, title=doc.title, year=doc.year, source=doc.source)
        for m in adoc.mentions:
            self._add_mention(m, doc.id)
        known = {(m.start, m.end, entity_id(m)) for m in adoc.mentions}
        for rel in relations:
            # The relation stage may refine an endpoint's identity (a product qualified by its source
            # cell, kg.relations.products): that entity is mentioned in the document too.
            for m in (rel.subject, rel.object):
                key = (m.start, m.end, entity_id(m))
                if key not in known:
                    known.add(key)
                    self._add_mention(m, doc.id)
            self.add_relation(rel)

    def _add_mention(self, m: Mention, doc_id: str) -> None:
        eid = entity_id(m)
        self._entities.setdefault(eid, _EntityDraft(eid)).add(m)
        if self._spool:
            self._spool.add_mention(eid, doc_id)
        else:
            self._mentions[(eid, doc_id)] += 1

    def add_relation(self, rel: Relation) -> None:
        subject, obj = entity_id(rel.subject), entity_id(rel.object)
        if subject == obj:
            return
        for mention, eid in ((rel.subject, subject), (rel.object, obj)):
            if eid not in self._entities:
                self._entities[eid] = _EntityDraft(eid)
                self._entities[eid].add(mention)
        evidence = rel.evidence
        if rel.type.symmetric and obj < subject:  # one edge for "A with B" and "B with A"
            subject, obj, evidence = obj, subject, _swap(evidence)
        key = (subject, rel.type.value, obj, evidence.epistemics.negated)
        edge = self._edges.get(key)
        if edge is None:
            edge = self._edges[key] = _EdgeDraft(subject, rel.type, obj, evidence.epistemics.negated)
        ev_key = evidence.key(rel.type)
        if self._spool:
            if self._spool.add_evidence(edge.id, ev_key, evidence):
                edge.count += 1
        elif ev_key not in self._evidence_keys:
            self._evidence_keys.add(ev_key)
            edge.count += 1
            edge.evidence.append(evidence)

    def _edge(self, draft: _EdgeDraft, confidence: float) -> Edge:
        if self._spool:
            # Constructed without validation: the evidence is a lazy view of the spool.
            return Edge.model_construct(subject=draft.subject, type=draft.type, object=draft.object,
                                        negated=draft.negated, confidence=confidence,
                                        evidence=SpooledEvidence(self._spool, draft.id, draft.count))
        evidence = sorted(draft.evidence, key=lambda e: (e.doc_id, e.sentence_index, e.subject_span))
        return Edge(subject=draft.subject, type=draft.type, object=draft.object, negated=draft.negated,
                    evidence=evidence, confidence=confidence)

    def graph(self) -> Graph:
        entities = {eid: draft.build() for eid, draft in sorted(self._entities.items())}
        if self._spool:
            self._spool.commit()
            confidence = {edge_id: confidence_from_scores(best) for edge_id, best in self._spool.best_scores()}
        else:
            confidence = {d.id: confidence_from_scores(best_score_per_document(d.evidence)) for d in self._edges.values()}
        edges = {key: self._edge(draft, confidence.get(draft.id, 0.0)) for key, draft in sorted(self._edges.items())}
        documents = dict(sorted(self._documents.items()))
        if self._spool:
            return Graph.model_construct(entities=entities, edges=edges, documents=documents,
                                         mentions=SpooledMentions(self._spool))
        return Graph(entities=entities, edges=edges, documents=documents, mentions=dict(sorted(self._mentions.items())))
