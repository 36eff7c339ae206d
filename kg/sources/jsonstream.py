"""Decode a JSON document collection one document at a time.

BioC JSON (``{"documents": [...]}``), PubTator3 API output, a list of collections, or a
plain JSON array of records: each element is decoded on its own with
``json.JSONDecoder.raw_decode``, so a file cut off in its 900th document still gives
the 899 before it, and the error names the position where decoding stopped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DOCUMENT_LISTS = ("documents", "PubTator3")


class JsonStreamError(ValueError):
    """Invalid JSON at ``position`` (a character offset into the text)."""

    def __init__(self, message: str, position: int):
        super().__init__(message)
        self.position = position


def iter_json_documents(text: str) -> Iterator[tuple[int, Any]]:
    """(position, raw document) pairs; a collection's document list is decoded item by item."""
    decoder = json.JSONDecoder()

    def skip(pos: int) -> int:
        return _WHITESPACE.match(text, pos).end()

    def value(pos: int) -> tuple[Any, int]:
        try:
            return decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise JsonStreamError(exc.msg, exc.pos) from None
        except RecursionError:
            raise JsonStreamError("nested too deeply", pos) from None

    def expect(pos: int, char: str) -> int:
        pos = skip(pos)
        if not text.startswith(char, pos):
            found = text[pos : pos + 1] or "end of file"
            raise JsonStreamError(f"expected {char!r}, found {found!r}", pos)
        return pos + 1

    def documents(pos: int):
        """The array at ``pos``, one element at a time; returns the position after it."""
        pos = expect(pos, "[")
        if text.startswith("]", skip(pos)):
            return skip(pos) + 1
        while True:
            pos = skip(pos)
            item, end = value(pos)
            if isinstance(item, dict) and isinstance(item.get("documents"), list):
                yield from ((pos, doc) for doc in item["documents"])  # a list of collections
            else:
                yield pos, item
            pos = skip(end)
            if text.startswith("]", pos):
                return pos + 1
            pos = expect(pos, ",")

    def collection(pos: int):
        """Members of the object at ``pos``; returns the position after it, or None for a document."""
        pos = expect(pos, "{")
        if text.startswith("}", skip(pos)):
            return skip(pos) + 1
        while True:
            key, pos = value(skip(pos))
            pos = skip(expect(pos, ":"))
            if key in _DOCUMENT_LISTS and text.startswith("[", pos):
                pos = yield from documents(pos)
            elif key == "passages":
                return None
            else:
                _, pos = value(pos)
            pos = skip(pos)
            if text.startswith("}", pos):
                return pos + 1
            pos = expect(pos, ",")

    start = skip(0)
    if text.startswith("[", start):
        end = yield from documents(start)
    else:
        end = yield from collection(start)
        if end is None:  # a single document, not a collection
            item, end = value(start)
            yield start, item
    rest = skip(end)
    if rest < len(text):
        raise JsonStreamError("extra data after the collection", rest)
