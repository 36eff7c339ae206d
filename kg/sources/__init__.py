"""Sources: input files -> ``Document`` stream (or ``Skipped`` with a reason, never silence).

=========================  ====================================  ===========================
format                     suffixes (content is sniffed too)     reader
=========================  ====================================  ===========================
plain text, one per file   .txt .text                            ``TextSource``
JSON Lines / JSON array    .jsonl .ndjson (.json)                ``JsonLinesSource``
PubMed/MEDLINE XML         .xml .xml.gz                          ``PubMedXmlSource``
PubTator                   .pubtator .pubtator.txt (.txt)        ``PubTatorSource``
BioC XML                   .bioc.xml (.xml)                      ``BioCXmlSource``
BioC JSON                  .bioc.json (.json)                    ``BioCJsonSource``
=========================  ====================================  ===========================

Annotated corpora (PubTator, BioC) also give their gold mentions and relations through
``read_annotations`` / ``read_pubtator_annotations`` / ``read_bioc_annotations``, with
offsets into ``Document.text``.

``read_documents(paths)`` is the entry point: it expands directories (sorted, so every run
reads in the same order), picks a reader per file by suffix and content, passes each
document id once, and turns any failure of a file or record into a ``Skipped``.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.sources.annotations import AnnotatedDocument, GoldMention, GoldRelation, complete_records
from kg.sources.base import SNIFF_BYTES, Source
from kg.sources.bioc import BioCJsonSource, BioCXmlSource, read_bioc_annotations
from kg.sources.clean import binary_kind
from kg.sources.jsonl import JsonLinesSource
from kg.sources.pubmed import PubMedXmlSource
from kg.sources.pubtator import PubTatorSource, read_pubtator_annotations
from kg.sources.text import TextSource
from kg.types import Document, Skipped

__all__ = [
    "AnnotatedDocument",
    "BioCJsonSource",
    "BioCXmlSource",
    "DUPLICATE_REASON",
    "GoldMention",
    "GoldRelation",
    "JsonLinesSource",
    "PubMedXmlSource",
    "PubTatorSource",
    "SOURCES",
    "Source",
    "TextSource",
    "complete_records",
    "detect_source",
    "expand_paths",
    "read_annotations",
    "read_bioc_annotations",
    "read_documents",
    "read_pubtator_annotations",
]

SOURCES: tuple[type[Source], ...] = (
    PubTatorSource,
    BioCXmlSource,
    BioCJsonSource,
    PubMedXmlSource,
    JsonLinesSource,
    TextSource,
)
DUPLICATE_REASON = "duplicate id, first read from"
NO_RECORDS_REASON = "no documents found in file"


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if head[:2] == b"\x1f\x8b":
        # A streaming decompressor also shows the start of a truncated archive.
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
        except zlib.error:
            return b""
    return head


def _detect(path: Path) -> Source | str:
    """The reader for ``path``, or why there is none."""
    name = path.name.lower()
    if not path.is_file():
        return "not a regular file"
    try:
        with path.open("rb") as handle:
            gzipped = handle.read(2) == b"\x1f\x8b"
        head_bytes = _head(path)
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    head = head_bytes.decode("utf-8", "replace").lstrip("\ufeff")
    if gzipped:
        if PubMedXmlSource.sniff(head):
            return PubMedXmlSource(path)
        return "gzip file that is not PubMed XML (only .xml.gz PubMed files may be compressed)"
    if not head_bytes.strip():
        return "empty file"
    # Suffixes that name one format.
    for source in (PubTatorSource, BioCXmlSource, BioCJsonSource, JsonLinesSource):
        if name.endswith(source.suffixes):
            return source(path)
    # Shared suffixes (.xml, .json, .txt) and unknown ones: the content decides.
    stripped = head.lstrip()
    if stripped.startswith("<"):
        for source in (BioCXmlSource, PubMedXmlSource):
            if source.sniff(head):
                return source(path)
        if name.endswith(".xml"):
            return "XML that is neither PubMed (PubmedArticleSet) nor BioC (collection)"
    if stripped.startswith(("{", "[")):
        if BioCJsonSource.sniff(head):
            return BioCJsonSource(path)
        if JsonLinesSource.sniff(head):
            return JsonLinesSource(path)
        if name.endswith(".json"):
            return "JSON that is neither BioC JSON nor JSON Lines of objects"
    if PubTatorSource.sniff(head):
        return PubTatorSource(path)
    if name.endswith(TextSource.suffixes):
        return TextSource(path)  # the text reader reports binary or non-UTF-8 content itself
    kind = binary_kind(head_bytes)
    known = ", ".join(sorted({s for source in SOURCES for s in source.suffixes}))
    return f"unknown format ({kind or 'no known suffix or content'}); known suffixes: {known}"


def detect_source(path: str | Path) -> Source:
    """The reader for one file, chosen by suffix and by sniffing its first bytes."""
    result = _detect(Path(path))
    if isinstance(result, str):
        raise InputError(result, path=str(path))
    return result


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named or found under the named directories, sorted; hidden files are ignored."""
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / n for n in names if not n.startswith("."))
            files.extend(sorted(found, key=lambda p: p.relative_to(path).as_posix()))
        elif path.exists():
            files.append(path)
        else:
            raise InputError("no such file or directory", path=str(given))
    return files


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document | Skipped]:
    """Every document of every input, each id once; failures come out as ``Skipped``.

    Missing paths raise ``InputError`` at once (a user mistake, before anything is read);
    after that nothing raises.
    """
    return _read(expand_paths(paths))


def _location(document: Document) -> str:
    record = document.metadata.get("record")
    return f"{document.source} ({record})" if record else document.source


def _read(files: list[Path]) -> Iterator[Document | Skipped]:
    first_seen: dict[str, str] = {}
    for path in files:
        source = _detect(path)
        if isinstance(source, str):
            yield Skipped(source=str(path), reason=source)
            continue
        count = 0
        try:
            for item in source.records():
                count += 1
                if isinstance(item, Document):
                    if (first := first_seen.get(item.id)) is not None:
                        yield Skipped(
                            source=source.name,
                            record=item.id if "record" not in item.metadata
                            else f"{item.id} ({item.metadata['record']})",
                            reason=f"{DUPLICATE_REASON} {first}",
                        )
                        continue
                    first_seen[item.id] = _location(item)
                yield item
        except Exception as exc:  # noqa: BLE001 - one broken file must not end the run
            yield Skipped(
                source=source.name,
                record=f"after record {count}",
                reason=f"reader failed, rest of file not read: {type(exc).__name__}: {exc}",
            )
            continue
        if count == 0:
            yield Skipped(source=source.name, reason=NO_RECORDS_REASON)


def read_annotations(path: str | Path) -> Iterator[AnnotatedDocument | Skipped]:
    """Gold-annotated documents of a PubTator or BioC (XML/JSON) file."""
    source = detect_source(path)
    if not isinstance(source, (PubTatorSource, BioCXmlSource, BioCJsonSource)):
        raise InputError(f"{source.format} files carry no annotations", path=str(path))
    return source.annotated_records()
