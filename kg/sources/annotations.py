"""Gold annotations of annotated corpora (PubTator, BioC): mentions and relations per document.

The document text is built exactly as every other reader builds it (``Document.text``), and
gold offsets are moved onto it, so an evaluation compares spans in one coordinate system.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field

from kg.errors import InputError
from kg.sources.base import EMPTY_REASON, Source
from kg.sources.clean import clean_aligned, clean_text
from kg.types import Document, Skipped

# Variant identifiers contain "|" themselves (BioRED "c|DEL|1314_1328|"): never split those.
_VARIANT_TYPE = re.compile(r"variant|mutation|snp", re.IGNORECASE)


def split_identifiers(identifier: str, mention_type: str = "") -> list[str]:
    """Identifiers of one mention: BC5CDR composites use ``|``, BioRED lists use ``,`` or ``;``.

    ``-1`` and empty mean "no identifier".
    """
    separators = r"[,;]" if _VARIANT_TYPE.search(mention_type) else r"[,;|]"
    return [part.strip() for part in re.split(separators, identifier or "") if part.strip() not in ("", "-1")]


class GoldMention(BaseModel):
    """An annotated span; ``start``/``end`` are offsets into ``Document.text``."""

    start: int
    end: int
    text: str
    type: str
    identifier: str = ""  # as written in the corpus
    ids: list[str] = Field(default_factory=list)  # ``identifier`` split into single ids
    id: str | None = None  # annotation id (BioC)
    locations: list[tuple[int, int]] = Field(default_factory=list)  # discontinuous spans (BioC)
    extra: list[str] = Field(default_factory=list)  # further PubTator columns
    infons: dict[str, str] = Field(default_factory=dict)


class GoldRelation(BaseModel):
    """A document-level relation between two identifiers (BioRED, BC5CDR CID)."""

    type: str
    arg1: str
    arg2: str
    novel: str | None = None  # BioRED novelty ("Novel" / "No")
    id: str | None = None
    extra: list[str] = Field(default_factory=list)
    infons: dict[str, str] = Field(default_factory=dict)


class AnnotatedDocument(BaseModel):
    document: Document
    mentions: list[GoldMention] = Field(default_factory=list)
    relations: list[GoldRelation] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)  # annotation lines that could not be used


def complete_records(items: Iterable[AnnotatedDocument | Skipped], path: str | Path) -> Iterator[AnnotatedDocument]:
    """The annotated documents, raising on a skipped record or an unusable annotation line.

    For training and evaluation: a benchmark must not silently lose gold annotations.
    """
    for item in items:
        if isinstance(item, Skipped):
            raise InputError(item.reason, path=str(path), record=item.record)
        if item.warnings:
            raise InputError("; ".join(item.warnings), path=str(path), record=item.document.id)
        yield item


@dataclass
class Segment:
    """A piece of raw text at a raw offset (a PubTator title/abstract, a BioC passage)."""

    offset: int
    text: str
    is_title: bool = False


@dataclass
class _Placed:
    raw_start: int
    raw_end: int
    doc_start: int
    where: list[int]


@dataclass
class OffsetMap:
    """Moves raw corpus offsets onto ``Document.text``."""

    placed: list[_Placed] = field(default_factory=list)

    def __call__(self, raw: int, *, is_end: bool = False) -> int:
        if not self.placed:
            return 0
        starts = [p.raw_start for p in self.placed]
        index = max(bisect.bisect_right(starts, raw - (1 if is_end else 0)) - 1, 0)
        placed = self.placed[index]
        local = min(max(raw - placed.raw_start, 0), placed.raw_end - placed.raw_start)
        return placed.doc_start + placed.where[local]


def assemble_document(
    source: Source,
    doc_id: str,
    segments: list[Segment],
    *,
    record: str,
    metadata: dict[str, str],
) -> tuple[Document, OffsetMap] | Skipped:
    """Title from the title segment, abstract from the rest joined by one space (PubTator's layout).

    Text is cleaned (``kg.sources.clean``) but never re-spaced or stripped, so the offsets of
    an untouched corpus document are the corpus offsets.
    """
    cleaned = [(segment, *clean_aligned(segment.text)) for segment in segments]
    title_parts = [(s, text, where) for s, text, where in cleaned if s.is_title][:1]
    title_segment = title_parts[0][0] if title_parts else None
    body_parts = [(s, text, where) for s, text, where in cleaned if s is not title_segment and text]
    title = title_parts[0][1] if title_parts else ""
    abstract = " ".join(text for _, text, _ in body_parts)
    if not title.strip() and not abstract.strip():
        return source.skipped(EMPTY_REASON, record)
    document = Document(id=doc_id, title=title, abstract=abstract, source=source.name, metadata=metadata)
    offsets = OffsetMap()
    if title_parts:
        segment, text, where = title_parts[0]
        offsets.placed.append(_Placed(segment.offset, segment.offset + len(segment.text), 0, where))
    position = len(document.text) - len(abstract)
    for segment, text, where in body_parts:
        offsets.placed.append(
            _Placed(segment.offset, segment.offset + len(segment.text), position, where)
        )
        position += len(text) + 1
    offsets.placed.sort(key=lambda p: p.raw_start)
    return document, offsets


def place_mention(
    document: Document,
    offsets: OffsetMap,
    spans: list[tuple[int, int]],
    *,
    text: str,
    mention_type: str,
    identifier: str,
    **fields,
) -> tuple[GoldMention, str | None]:
    """A GoldMention on ``document.text`` and a warning when its text does not match the span."""
    placed = [(offsets(s), offsets(e, is_end=True)) for s, e in spans]
    start = min(s for s, _ in placed)
    end = max(e for _, e in placed)
    text = clean_text(text)
    mention = GoldMention(
        start=start,
        end=end,
        text=text,
        type=mention_type,
        identifier=identifier,
        ids=split_identifiers(identifier, mention_type),
        locations=placed if len(placed) > 1 else [],
        **fields,
    )
    warning = None
    if len(placed) == 1 and document.text[start:end] != text:
        warning = f"mention {text!r} does not match the text at {start}-{end}"
    return mention, warning
