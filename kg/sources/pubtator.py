"""PubTator: ``PMID|t|title``, ``PMID|a|abstract``, then tab-separated mentions and relations.

Mention lines are ``PMID start end text type identifier [more...]`` with offsets into
title + one character + abstract; relation lines are ``PMID type arg1 arg2 [more...]``
(BioRED adds novelty, BC5CDR writes ``CID chemical disease``). Documents are separated by
blank lines; a new ``|t|`` line also starts a new document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.sources.annotations import (
    AnnotatedDocument,
    GoldRelation,
    Segment,
    assemble_document,
    place_mention,
)
from kg.sources.base import SNIFF_BYTES, Source, document_id
from kg.sources.clean import binary_kind
from kg.types import Document, Skipped

_OFFSET = re.compile(r"[0-9]+")
_TEXT_LINE = re.compile(r"^([^\s|]+)\|([ta])\|(.*)$", re.DOTALL)


@dataclass
class _Block:
    raw_id: str
    first_line: int
    title: str | None = None
    abstract: str | None = None
    lines: list[tuple[int, list[str]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class PubTatorSource(Source):
    format = "pubtator"
    suffixes = (".pubtator.txt", ".pubtator", ".pubtator.tsv")

    @classmethod
    def sniff(cls, head: str) -> bool:
        first = next((line for line in head.splitlines() if line.strip()), "")
        return bool(re.match(r"^[^\s|]+\|t\|", first))

    def records(self) -> Iterator[Document | Skipped]:
        for item in self.annotated_records():
            yield item.document if isinstance(item, AnnotatedDocument) else item

    def annotated_records(self) -> Iterator[AnnotatedDocument | Skipped]:
        """Documents with their gold mentions and relations."""
        for item in self._blocks():
            yield self._build(item) if isinstance(item, _Block) else item

    def _blocks(self) -> Iterator[_Block | Skipped]:
        handle = self.open_binary()
        if isinstance(handle, Skipped):
            yield handle
            return
        with handle:
            if why := binary_kind(handle.read(SNIFF_BYTES)):
                yield self.skipped(why)
                return
            handle.seek(0)
            block: _Block | None = None
            for number, raw in enumerate(handle, start=1):
                encoding = "utf-8-sig" if number == 1 else "utf-8"
                problem = None
                try:
                    line = raw.decode(encoding)
                except UnicodeDecodeError as exc:
                    # Decoded leniently only to keep the document structure; the document is skipped.
                    problem = f"line {number} is not UTF-8 (invalid byte 0x{raw[exc.start]:02x})"
                    line = raw.decode(encoding, "replace")
                line = line.rstrip("\r\n")
                if not line.strip():
                    if block is not None:
                        yield block
                    block = None
                    continue
                if match := _TEXT_LINE.match(line):
                    raw_id, kind, text = match.groups()
                    if block is not None and (
                        raw_id != block.raw_id or (kind == "t" and block.title is not None)
                        or (kind == "a" and block.abstract is not None)
                    ):
                        yield block
                        block = None
                    if block is None:
                        block = _Block(raw_id, number)
                    if problem:
                        block.problems.append(problem)
                    if kind == "t":
                        block.title = text
                    else:
                        block.abstract = text
                    continue
                fields = line.split("\t")
                if block is not None and fields[0] == block.raw_id and len(fields) >= 4:
                    block.lines.append((number, fields))
                    if problem:
                        block.problems.append(problem)
                    continue
                record = f"line {number}"
                if problem:
                    yield self.skipped(problem, record)
                elif block is not None and fields[0] != block.raw_id:
                    yield self.skipped(
                        f"annotation for {fields[0]!r} inside document {block.raw_id!r}", record
                    )
                else:
                    yield self.skipped(f"not a PubTator line: {line[:60]!r}", record)
            if block is not None:
                yield block

    def _build(self, block: _Block) -> AnnotatedDocument | Skipped:
        doc_id = document_id(block.raw_id)
        record = f"{doc_id or block.raw_id} (line {block.first_line})"
        if doc_id is None:
            return self.skipped("missing document id", record)
        if block.problems:
            return self.skipped("; ".join(block.problems), record)
        title = block.title or ""
        segments = [Segment(0, title, is_title=True), Segment(len(title) + 1, block.abstract or "")]
        built = assemble_document(
            self, doc_id, segments, record=record,
            metadata={"format": self.format, "record": f"line {block.first_line}"},
        )
        if isinstance(built, Skipped):
            return built
        document, offsets = built
        annotated = AnnotatedDocument(document=document)
        for number, fields in block.lines:
            if _OFFSET.fullmatch(fields[1]) and _OFFSET.fullmatch(fields[2]) and len(fields) >= 5:
                start, end = int(fields[1]), int(fields[2])
                if start > end:
                    annotated.warnings.append(f"line {number}: start {start} after end {end}")
                    continue
                mention, warning = place_mention(
                    document, offsets, [(start, end)],
                    text=fields[3], mention_type=fields[4],
                    identifier=fields[5] if len(fields) > 5 else "",
                    extra=fields[6:],
                )
                annotated.mentions.append(mention)
                if warning:
                    annotated.warnings.append(f"line {number}: {warning}")
            elif not _OFFSET.fullmatch(fields[1]):
                rest = fields[4:]
                novel = rest[0] if rest and rest[0] in ("Novel", "No") else None
                annotated.relations.append(
                    GoldRelation(type=fields[1], arg1=fields[2], arg2=fields[3], novel=novel, extra=rest)
                )
            else:
                annotated.warnings.append(f"line {number}: unreadable annotation line")
        return annotated


def read_pubtator_annotations(path: str | Path) -> Iterator[AnnotatedDocument | Skipped]:
    """Gold mentions (offsets into ``Document.text``) and relations of a PubTator file."""
    return PubTatorSource(path).annotated_records()
