"""Typed records that flow between the stages.

sources -> Document -> nlp -> AnnotatedDoc -> relations -> Relation -> assembly -> Graph -> sinks
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from kg.vocab import Category, RelationType


def stable_hash(*parts: object, length: int = 16) -> str:
    """Deterministic short hash (same on every machine and Python run)."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


class DroppedSegment(BaseModel):
    """Part of a record's text that was not fed to the models, and why."""

    reason: str  # e.g. "non-English (zh)", "citation header"
    chars: int
    preview: str = ""


class Document(BaseModel):
    """One abstract (or other text) with a stable id such as ``PMID:123``."""

    id: str
    title: str = ""
    abstract: str = ""
    year: int | None = None
    source: str = ""  # path (and record) it came from
    dropped: list[DroppedSegment] = Field(default_factory=list)
    metadata: dict[str, str] = Field(default_factory=dict)

    @property
    def text(self) -> str:
        """Title and abstract as the models see them: one separator char, so offsets match PubTator's."""
        if self.title and self.abstract:
            return f"{self.title}\n{self.abstract}"
        return self.title or self.abstract

    @property
    def pmid(self) -> str | None:
        return self.id.split(":", 1)[1] if self.id.startswith("PMID:") else None


class Skipped(BaseModel):
    """A record that was read but not built, with the reason (never silently lost)."""

    source: str
    record: str | None = None
    reason: str


class Candidate(BaseModel):
    curie: str
    name: str
    score: float


# ``Mention.found_by`` of a part named inside another mention's words: the source tissue of
# "Adipose-derived stem cells", the cause and the condition of "Bortezomib-induced peripheral
# neuropathy (BIPN)". It overlaps that mention, so it is no entity of its own in the text's entity list.
EMBEDDED = "embedded"
# ``Mention.found_by`` of a class an entity is said to belong to ("a transcription factor").
CLASS = "class"
# ``Mention.found_by`` of a scaffold named by what it carries ("BMSC-seeded chitosan conduits").
SCAFFOLD = "scaffold"
# ``Mention.found_by`` of vesicles named by how they were made ("SOD2-Exo", "Vec-Exo", "Hypo-Exos").
ENGINEERED = "engineered"


class Mention(BaseModel):
    """An entity mention; offsets are character offsets into ``Document.text``."""

    doc_id: str
    start: int
    end: int
    text: str
    category: Category
    label: str = ""  # raw label of the component that found it (model or lexicon)
    sentence_index: int = 0
    curie: str | None = None  # normalized id; None until linked
    name: str | None = None  # preferred name for ``curie``
    candidates: list[Candidate] = Field(default_factory=list)
    found_by: str = ""  # "lexicon", "ner:bc5cdr", "abbreviation", ...
    long_form: str | None = None  # the long form when this mention is an abbreviation


class Sentence(BaseModel):
    index: int
    start: int
    end: int
    text: str


class AnnotatedDoc(BaseModel):
    """NLP output for one document. ``spacy_doc`` keeps the parse for the relation stage."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    document: Document
    sentences: list[Sentence]
    mentions: list[Mention]
    spacy_doc: Any = Field(default=None, exclude=True, repr=False)


class Epistemics(BaseModel):
    """INDRA-style epistemics of one piece of evidence."""

    negated: bool = False
    hedged: bool = False
    cues: list[str] = Field(default_factory=list)


class Evidence(BaseModel):
    """One sentence that supports one claim. Spans are offsets into ``sentence``."""

    doc_id: str
    sentence: str
    sentence_index: int
    subject_text: str
    object_text: str
    subject_span: tuple[int, int]
    object_span: tuple[int, int]
    trigger: str = ""
    extractor: str
    score: float = Field(ge=0.0, le=1.0)
    epistemics: Epistemics = Field(default_factory=Epistemics)

    def key(self, relation_type: RelationType) -> str:
        """Stable id: the same claim in the same place is one evidence, however often it is built."""
        return "ev:" + stable_hash(
            self.doc_id, self.sentence_index, self.subject_span, self.object_span,
            relation_type.value, self.epistemics.negated,
        )


class Relation(BaseModel):
    """One claim found in one sentence."""

    subject: Mention
    object: Mention
    type: RelationType
    evidence: Evidence


class Entity(BaseModel):
    """A node: mentions merged by id (a CURIE, or a kg-local id)."""

    id: str
    name: str
    category: Category
    synonyms: list[str] = Field(default_factory=list)
    xrefs: list[str] = Field(default_factory=list)
    mention_count: int = 0


class Edge(BaseModel):
    """A relationship keyed by (subject, type, object, negated) with all its evidence."""

    subject: str
    type: RelationType
    object: str
    negated: bool = False
    # A list, or a lazy sequence streamed from disk for large runs (kg.assembly.spool).
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = 0.0

    @field_serializer("evidence")
    def _dump_evidence(self, evidence) -> list[Evidence]:
        return list(evidence)

    @property
    def key(self) -> tuple[str, str, str, bool]:
        return (self.subject, self.type.value, self.object, self.negated)

    @property
    def id(self) -> str:
        return "edge:" + stable_hash(*self.key)

    @property
    def publications(self) -> list[str]:
        return sorted({e.doc_id for e in self.evidence})

    @property
    def hedged(self) -> bool:
        """True when every piece of evidence is hedged."""
        return bool(self.evidence) and all(e.epistemics.hedged for e in self.evidence)


def best_score_per_document(evidence) -> dict[str, float]:
    best: dict[str, float] = {}
    for ev in evidence:
        best[ev.doc_id] = max(best.get(ev.doc_id, 0.0), ev.score)
    return best


def confidence_from_scores(best_per_document: dict[str, float]) -> float:
    """Noisy-or over the best score of each document (sorted, so the result is order-free)."""
    disbelief = 1.0
    for score in sorted(best_per_document.values()):
        disbelief *= 1.0 - score
    return round(1.0 - disbelief, 6)


def confidence_from_evidence(evidence) -> float:
    """Belief in a claim from independent documents (noisy-or over the best score per document).

    Two sentences of one abstract are not independent, so each document counts once
    with its strongest evidence; more documents raise confidence towards 1.
    """
    return confidence_from_scores(best_score_per_document(evidence))


class DocumentRecord(BaseModel):
    """A built document as the graph stores it."""

    id: str
    title: str = ""
    year: int | None = None
    source: str = ""


class Graph(BaseModel):
    """An assembled graph: nodes by id, edges by key, and the documents they came from."""

    entities: dict[str, Entity] = Field(default_factory=dict)
    edges: dict[tuple[str, str, str, bool], Edge] = Field(default_factory=dict)
    documents: dict[str, DocumentRecord] = Field(default_factory=dict)
    # (entity id, document id) -> number of mentions, for (:Entity)-[:MENTIONED_IN]->(:Document)
    # A dict, or a lazy mapping streamed from disk for large runs (kg.assembly.spool).
    mentions: dict[tuple[str, str], int] = Field(default_factory=dict)

    @field_serializer("mentions")
    def _dump_mentions(self, mentions) -> dict[tuple[str, str], int]:
        return dict(mentions.items())

    def to_networkx(self, *, documents: bool = False):
        """The graph as a ``networkx.MultiDiGraph`` (see ``kg.api.to_networkx``)."""
        from kg.api import to_networkx

        return to_networkx(self, documents=documents)


class RunReport(BaseModel):
    """What a run read, built and skipped. The counts always add up."""

    documents_read: int = 0
    documents_built: int = 0
    duplicates: int = 0
    skipped: list[Skipped] = Field(default_factory=list)
    dropped_segments: list[dict[str, Any]] = Field(default_factory=list)
    entities_per_category: dict[str, int] = Field(default_factory=dict)
    edges_per_type: dict[str, int] = Field(default_factory=dict)
    mentions: int = 0
    relations: int = 0
    seconds: float = 0.0

    def count_entities(self, entities: list[Entity]) -> None:
        self.entities_per_category = dict(Counter(e.category.value for e in entities))

    def count_edges(self, edges: list[Edge]) -> None:
        self.edges_per_type = dict(Counter(e.type.value for e in edges))
