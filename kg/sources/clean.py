"""Text hygiene shared by every reader.

What the models see must be stable and readable: NFC-normalized, without invisible
format characters (zero-width spaces, soft hyphens, BOMs, bidi marks) or control
characters (newlines kept, tabs and odd spaces become plain spaces), with Latin
typographic ligatures spelled out (``ﬁ`` -> ``fi``; NFKC is applied to those only,
so Greek letters, ``µ`` and ``²`` stay as written). Nothing is truncated.

``clean_aligned`` also returns where each input character went, so readers of
annotated corpora (PubTator, BioC) can move gold offsets onto the cleaned text.
"""

from __future__ import annotations

import functools
import unicodedata

# Planes holding every control, format, surrogate, space and ligature character.
_SCAN_RANGES = (range(0x0, 0x20000), range(0xE0000, 0xE1000))
_SPACE_LIKE_CONTROLS = "\t\v\f\x1c\x1d\x1e\x1f\x85"


@functools.cache
def _translation() -> dict[int, str | None]:
    """``str.translate`` table: drop, re-space or spell out characters (lengths may change)."""
    table: dict[int, str | None] = {}
    for block in _SCAN_RANGES:
        for cp in block:
            ch = chr(cp)
            category = unicodedata.category(ch)
            if ch == "\n":
                continue
            if ch in _SPACE_LIKE_CONTROLS:
                table[cp] = " "
            elif ch == "\r":
                table[cp] = "\n"  # "\r\n" is folded to one "\n" before translating
            elif category in ("Cc", "Cf", "Cs"):
                table[cp] = None
            elif category == "Zs" and ch != " ":
                table[cp] = " "
            elif category in ("Zl", "Zp"):
                table[cp] = "\n"
            elif (cp & 0xFFFE) == 0xFFFE or 0xFDD0 <= cp <= 0xFDEF:
                table[cp] = None  # noncharacters
            elif (
                category in ("Ll", "Lu")
                and unicodedata.decomposition(ch).startswith("<compat>")
                and "LIGATURE" in unicodedata.name(ch, "")
            ):
                table[cp] = unicodedata.normalize("NFKC", ch)
    return table


@functools.cache
def _joins_previous() -> frozenset[str]:
    """Characters that NFC may combine with (or reorder around) the character before them.

    Non-starters (canonical combining class > 0), starters that are the second half of a
    canonical pair (Hangul vowel/trailing jamo, some Indic vowel signs) and starters whose
    decomposition begins with a non-starter. Every other character starts a chunk that
    normalizes independently, which is what lets ``clean_aligned`` keep an offset map.
    """
    joins: set[str] = set()
    for block in _SCAN_RANGES:
        for cp in block:
            ch = chr(cp)
            if unicodedata.combining(ch):
                joins.add(ch)
                continue
            decomposition = unicodedata.decomposition(ch)
            if decomposition and not decomposition.startswith("<"):
                parts = [chr(int(p, 16)) for p in decomposition.split()]
                if len(parts) == 2 and not unicodedata.combining(parts[1]):
                    joins.add(parts[1])
                if unicodedata.combining(unicodedata.normalize("NFD", ch)[0]):
                    joins.add(ch)
    joins.update(chr(cp) for cp in range(0x1161, 0x1176))  # Hangul vowel jamo
    joins.update(chr(cp) for cp in range(0x11A8, 0x11C3))  # Hangul trailing jamo
    return frozenset(joins)


def _fold_newlines(text: str) -> str:
    return text.replace("\r\n", "\n") if "\r\n" in text else text


def clean_text(text: str) -> str:
    """The cleaned text (same result as ``clean_aligned(text)[0]``, without the map)."""
    return unicodedata.normalize("NFC", _fold_newlines(text).translate(_translation()))


def needs_cleaning(text: str) -> bool:
    return text.translate(_translation()) != text or "\r\n" in text or not unicodedata.is_normalized("NFC", text)


def clean_aligned(text: str) -> tuple[str, list[int]]:
    """Cleaned text and ``where``: ``where[i]`` is the cleaned offset of input offset ``i``.

    ``where`` has ``len(text) + 1`` entries and never decreases, so a span ``[s, e)``
    of the input is ``[where[s], where[e])`` of the output.
    """
    if not needs_cleaning(text):
        return text, list(range(len(text) + 1))
    table = _translation()
    # Pass 1: per-character translation (and "\r\n" -> "\n").
    filtered: list[str] = []
    first_map: list[int] = []
    position = 0
    i = 0
    while i < len(text):
        first_map.append(position)
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            first_map.append(position)  # the "\n" joins the "\r" into one newline
            filtered.append("\n")
            position += 1
            i += 2
            continue
        replacement = table.get(ord(ch), ch)
        if replacement:
            filtered.append(replacement)
            position += len(replacement)
        i += 1
    first_map.append(position)
    middle = "".join(filtered)

    # Pass 2: NFC chunk by chunk; a chunk is a starter and everything that may join it.
    joins = _joins_previous()
    output: list[str] = []
    second_map: list[int] = []
    position = 0
    start = 0
    while start < len(middle):
        end = start + 1
        while end < len(middle) and middle[end] in joins:
            end += 1
        chunk = middle[start:end]
        normalized = unicodedata.normalize("NFC", chunk)
        if normalized == chunk:
            second_map.extend(range(position, position + len(chunk)))
        else:
            second_map.extend([position] * len(chunk))
        output.append(normalized)
        position += len(normalized)
        start = end
    second_map.append(position)
    return "".join(output), [second_map[j] for j in first_map]


def squash_spaces(text: str) -> str:
    """Trim each line and collapse runs of spaces (for free text, where offsets do not matter)."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


# --- bytes -----------------------------------------------------------------------------

_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP/Office",
    b"\x1f\x8b": "gzip",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\x7fELF": "ELF executable",
    b"BZh": "bzip2",
    b"\xfd7zXZ": "xz",
    b"{\\rtf": "RTF",
    b"\xd0\xcf\x11\xe0": "OLE2/MS Office",
}


def binary_kind(head: bytes) -> str | None:
    """Why the first bytes of a file are not UTF-8 text, or None when they may be."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 encoded text (re-save it as UTF-8)"
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            return f"binary file ({name})"
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    if len(head) >= 256:  # too few bytes say nothing about a share
        controls = sum(1 for b in head if b < 0x20 and b not in b"\t\n\r\f\v\x08\x1b")
        if controls / len(head) > 0.1:
            return "binary file (mostly control bytes)"
    return None


def decode_utf8(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason naming the byte and line where UTF-8 decoding failed)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, (
            f"not UTF-8: invalid byte 0x{data[exc.start]:02x} at byte {exc.start} (line {line})"
        )
