"""JSON Lines: one ``{"id", "title", "abstract", ...}`` object per line, read line by line.

A ``.json`` file holding one array of such objects is read too, element by element.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from kg.sources.base import (
    SNIFF_BYTES,
    Source,
    build_free_text_document,
    document_id,
    parse_year,
)
from kg.sources.clean import binary_kind, decode_utf8
from kg.sources.jsonstream import JsonStreamError, iter_json_documents
from kg.types import Document, Skipped, stable_hash

ID_FIELDS = ("id", "pmid", "PMID", "doc_id", "docid", "_id", "pmcid", "doi")
TITLE_FIELDS = ("title", "ArticleTitle")
ABSTRACT_FIELDS = ("abstract", "text", "AbstractText", "body")
YEAR_FIELDS = ("year", "pub_year", "pubyear", "date", "pub_date")


def _text_field(record: dict, names: tuple[str, ...]) -> tuple[str, str | None]:
    """(text, None) from the first present field, or ("", reason) when it is not text."""
    for name in names:
        if name not in record or record[name] is None:
            continue
        value = record[name]
        if isinstance(value, str):
            return value, None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return " ".join(value), None  # abstract sections given as a list
        return "", f"field '{name}' is {type(value).__name__}, expected text"
    return "", None


def _metadata_value(value: object) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return "; ".join(str(v) for v in value)
    return None


class JsonLinesSource(Source):
    format = "jsonl"
    suffixes = (".jsonl", ".ndjson", ".jsonlines")

    @classmethod
    def sniff(cls, head: str) -> bool:
        first = head.lstrip().split("\n", 1)[0].strip()
        if first.startswith("[") and any(f'"{key}"' in head for key in TITLE_FIELDS + ABSTRACT_FIELDS):
            return True  # a JSON array of records
        if not first.startswith("{"):
            return False
        try:
            return isinstance(json.loads(first), dict)
        except ValueError:
            return False

    def records(self) -> Iterator[Document | Skipped]:
        handle = self.open_binary()
        if isinstance(handle, Skipped):
            yield handle
            return
        with handle:
            try:
                head = handle.read(SNIFF_BYTES)
                if why := binary_kind(head):
                    yield self.skipped(why)
                    return
                named_lines = self.path.name.lower().endswith(self.suffixes)
                if not named_lines and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
                    yield from self._array()
                    return
                handle.seek(0)
                for number, raw in enumerate(handle, start=1):
                    if raw.strip():
                        yield self._record(number, raw)
            except OSError as exc:
                yield self.skipped(f"read error: {exc.strerror or exc}", "after last good line")

    def _record(self, number: int, raw: bytes) -> Document | Skipped:
        where = f"line {number}"
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            return self.skipped(
                f"not UTF-8: invalid byte 0x{raw[exc.start]:02x} at column {exc.start + 1}", where
            )
        try:
            record = json.loads(line.strip())
        except json.JSONDecodeError as exc:
            return self.skipped(f"invalid JSON: {exc.msg} at column {exc.colno}", where)
        except RecursionError:
            return self.skipped("invalid JSON: nested too deeply", where)
        return self._from_object(record, where)

    def _array(self) -> Iterator[Document | Skipped]:
        """A ``.json`` file holding one array of records instead of one record per line."""
        with self.path.open("rb") as handle:
            text, why = decode_utf8(handle.read())
        if text is None:
            yield self.skipped(why or "not UTF-8")
            return
        try:
            for position, record in iter_json_documents(text):
                yield self._from_object(record, f"line {text.count(chr(10), 0, position) + 1}")
        except JsonStreamError as exc:
            line = text.count("\n", 0, exc.position) + 1
            yield self.skipped(f"invalid JSON, rest of file not read: {exc}", f"line {line}")

    def _from_object(self, record: object, where: str) -> Document | Skipped:
        if not isinstance(record, dict):
            return self.skipped(f"expected a JSON object, got {type(record).__name__}", where)

        title, title_problem = _text_field(record, TITLE_FIELDS)
        abstract, abstract_problem = _text_field(record, ABSTRACT_FIELDS)
        if title_problem or abstract_problem:
            return self.skipped(title_problem or abstract_problem or "", where)

        doc_id = None
        for name in ID_FIELDS:
            if (doc_id := document_id(record.get(name))) is not None:
                break
        metadata = {
            key: text
            for key, value in record.items()
            if key not in ID_FIELDS + TITLE_FIELDS + ABSTRACT_FIELDS + YEAR_FIELDS
            and (text := _metadata_value(value)) is not None
        }
        metadata["format"] = self.format
        metadata["record"] = where
        if doc_id is None:
            # No id given: the content is the identity, so a re-run finds the same document.
            doc_id = "text:" + stable_hash(title, abstract)
            metadata["id_from"] = "content hash (record had no id)"
        year = next((y for f in YEAR_FIELDS if (y := parse_year(record.get(f))) is not None), None)
        return build_free_text_document(
            self, doc_id=doc_id, title=title, abstract=abstract, record=f"{where} ({doc_id})", year=year,
            metadata=metadata,
        )
