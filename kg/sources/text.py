"""Plain text: one document per file.

A citation header (authors, affiliations, the journal/DOI line, as in a copy from PubMed)
and trailer (DOI:, PMID:, copyright lines) are metadata, not abstract text: they are
parsed into ``Document.metadata`` and reported as dropped segments. Paragraphs in another
language (a translation after the English abstract) are dropped and reported too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.sources.base import (
    Source,
    DOI_PATTERN,
    build_free_text_document,
    normalize_doi,
    preview,
)
from kg.sources.clean import clean_text
from kg.sources.language import UNDETERMINED, detect_language, is_english
from kg.types import Document, DroppedSegment, Skipped

_MAX_HEADER_LINE = 500
_MAX_TITLE = 300

_CITATION = re.compile(
    r"^(?:\d+\.\s+)?(?P<journal>[^\W\d_][^.\n]{0,150}?)\.\s+(?P<year>(?:1[89]|20)\d\d)\b"
)
_AFFILIATION = re.compile(
    r"\b(?:Universit\w*|Institut\w*|Department|Dept\.?|School|Hospital|College|Cent(?:er|re)|"
    r"Laborator\w*|Faculty|Academy|Clinic|Foundation|Inc\.|Ltd|"
    r"Electronic address|Corresponding)\b|@",
    re.IGNORECASE,
)
_MARKER = re.compile(r"^\(\d+\)\s*|\(\d+(?:\s*,\s*\d+)*\)|[*†‡§¶#]+|\b\d+(?:,\d+)*$")
_LABEL = re.compile(
    r"^(?:author information|abstract|summary|authors?|affiliations?|correspondence)\s*:?\s*$",
    re.IGNORECASE,
)
_PMID_LINE = re.compile(r"^PMID:\s*(\d+)", re.IGNORECASE)
_PMCID_LINE = re.compile(r"^PMCID:\s*(PMC\d+)", re.IGNORECASE)
_TRAILER = re.compile(
    r"^(?:DOI:|PMID:|PMCID:|NIHMSID:|©|\(c\)|Copyright\b|Conflict of interest|"
    r"Keywords?:|Trial registration:|Erratum in|Comment (?:in|on)|Update (?:in|of))",
    re.IGNORECASE,
)
_NAME_PARTICLES = {"de", "del", "della", "der", "den", "van", "von", "da", "di", "dos", "du",
                   "la", "le", "bin", "al", "el", "ten", "ter", "y"}
_FUNCTION_WORDS = {"the", "of", "and", "in", "to", "is", "was", "were", "with", "for", "by",
                   "that", "as", "on", "from", "this", "which", "are", "be", "a", "an"}
_SECTION_HEADINGS = {"abstract", "background", "introduction", "methods", "results",
                     "conclusion", "conclusions", "objective", "objectives", "summary",
                     "purpose", "aims", "discussion"}


def _function_words(line: str, words: set[str] = _FUNCTION_WORDS) -> int:
    return sum(1 for w in re.findall(r"[a-z]+", line.lower()) if w in words)


def _is_name(item: str) -> bool:
    tokens = item.split()
    if not 1 <= len(tokens) <= 5:
        return False
    for token in tokens:
        core = token.strip(".,'’-")
        if not core:
            return False
        if core.lower() in _NAME_PARTICLES:
            continue
        if not core[0].isupper() or any(ch.isdigit() for ch in core):
            return False
    return True


def _is_authors(line: str) -> bool:
    if len(line) > _MAX_HEADER_LINE * 2 or _function_words(line) > 2:
        return False
    body = _MARKER.sub("", line.rstrip(".;")).strip()
    items = [p.strip() for p in re.split(r",|;|\band\b|&", body) if p.strip()]
    return bool(items) and all(_is_name(_MARKER.sub("", item).strip()) for item in items)


def _is_citation(line: str) -> bool:
    if len(line) > _MAX_HEADER_LINE or _function_words(line) > 3:
        return False
    return bool(DOI_PATTERN.search(line)) or bool(_CITATION.match(line))


def _is_affiliation(line: str) -> bool:
    # Addresses are comma-separated names, not sentences: few function words besides of/and.
    if len(line) > _MAX_HEADER_LINE or _function_words(line) - _function_words(line, {"of", "and"}) > 2:
        return False
    if re.match(r"^\(\d+\)\s*\S", line):
        return True
    if "@" in line and len(line) <= 200:  # "Electronic address: jane@example.org."
        return True
    return "," in line and bool(_AFFILIATION.search(line))


def _classify(line: str) -> str | None:
    """The kind of header line, or None for text that is not header material."""
    if _LABEL.match(line):
        return "label"
    if _PMID_LINE.match(line) or _PMCID_LINE.match(line):
        return "ids"
    if _is_citation(line):
        return "citation"
    if _is_authors(line):
        return "authors"
    if _is_affiliation(line):
        return "affiliation"
    return None


@dataclass
class _Line:
    number: int  # 1-based line number in the file
    text: str
    block: int  # blank-line separated block index


@dataclass
class _Parsed:
    title: str = ""
    header: list[_Line] = field(default_factory=list)
    trailer: list[_Line] = field(default_factory=list)
    body: list[_Line] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    block = 0
    previous_blank = False
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = " ".join(raw.split())
        if not stripped:
            previous_blank = True
            continue
        if previous_blank and lines:
            block += 1
        previous_blank = False
        lines.append(_Line(number, stripped, block))
    return lines


def _split_header(lines: list[_Line]) -> tuple[list[_Line], str, int]:
    """(header lines, title found inside the header, index of the first body line)."""
    header: list[_Line] = []
    title = ""
    kinds: set[str] = set()
    i = 0
    while i < len(lines):
        kind = _classify(lines[i].text)
        if kind is None and not title and i + 1 < len(lines) and len(lines[i].text) <= _MAX_TITLE:
            # PubMed's text layout puts the title between the journal line and the authors.
            following = _classify(lines[i + 1].text)
            if header and following in ("authors", "affiliation", "label"):
                title = lines[i].text
                i += 1
                continue
        if kind is None:
            break
        kinds.add(kind)
        header.append(lines[i])
        i += 1
    # Names and a label alone are too weak: a title-case title looks like an author list.
    if not kinds & {"citation", "affiliation", "ids"}:
        return [], "", 0
    return header, title, i


def _split_trailer(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    end = len(lines)
    while end > 0 and _TRAILER.match(lines[end - 1].text) and len(lines[end - 1].text) <= 2000:
        end -= 1
    return lines[:end], lines[end:]


def _metadata(header: list[_Line], trailer: list[_Line]) -> dict[str, str]:
    metadata: dict[str, str] = {}
    authors: list[str] = []
    in_affiliations = False  # "MA, USA." continuing an affiliation looks like names
    for line in header + trailer:
        text = line.text
        kind = _classify(text) if line in header else None
        in_affiliations = in_affiliations or kind in ("affiliation", "label")
        if "doi" not in metadata and (match := DOI_PATTERN.search(text)):
            metadata["doi"] = normalize_doi(match.group(1))
        if match := _PMID_LINE.match(text):
            metadata["pmid"] = match.group(1)
        if match := _PMCID_LINE.match(text):
            metadata["pmcid"] = match.group(1).upper()
        if line in header and _is_citation(text) and (match := _CITATION.match(text)):
            metadata.setdefault("journal", match.group("journal").strip())
            metadata.setdefault("year", match.group("year"))
        if kind == "authors" and not in_affiliations:
            body = _MARKER.sub("", text.rstrip(".;"))
            authors.extend(
                _MARKER.sub("", p).strip() for p in re.split(r",|;|\band\b|&", body) if p.strip()
            )
        if match := re.match(r"^Keywords?:\s*(.+)", text, re.IGNORECASE):
            metadata["keywords"] = match.group(1).rstrip(".")
    if authors:
        metadata["authors"] = "; ".join(a for a in authors if a)
    return metadata


def parse_plain_text(text: str) -> _Parsed:
    """Split a cleaned text into header, title, body and trailer lines, with metadata."""
    lines = _lines(text)
    header, title, body_start = _split_header(lines)
    body, trailer = _split_trailer(lines[body_start:])
    parsed = _Parsed(title=title, header=header, trailer=trailer, body=body)
    parsed.metadata = _metadata(header, trailer)
    if not parsed.title and len(body) > 1:
        first = body[0]
        alone = sum(1 for line in body if line.block == first.block) == 1
        if (
            alone
            and len(first.text) <= _MAX_TITLE
            and not first.text.endswith(":")
            and first.text.lower().rstrip(".: ") not in _SECTION_HEADINGS
            and any(line.block != first.block and is_english(line.text) for line in body)
        ):
            parsed.title = first.text
            parsed.body = body[1:]
    return parsed


def _join_body(body: list[_Line]) -> str:
    """Lines of one block that wrap a sentence are joined by a space, other breaks kept."""
    out: list[str] = []
    previous: _Line | None = None
    previous_language = ""
    for line in body:
        language = detect_language(line.text)
        if previous is None:
            out.append(line.text)
        elif (
            line.block == previous.block
            and not previous.text.endswith((".", "!", "?", ":"))
            and (language == previous_language or UNDETERMINED in (language, previous_language))
        ):
            out.append(" " + line.text)
        else:
            out.append("\n" + line.text)
        previous, previous_language = line, language
    return "".join(out)


class TextSource(Source):
    """A ``.txt`` file holding one abstract (optionally with a citation header)."""

    format = "text"
    suffixes = (".txt", ".text")

    @classmethod
    def sniff(cls, head: str) -> bool:
        return bool(head.strip())

    def records(self) -> Iterator[Document | Skipped]:
        text = self.read_text()
        yield text if isinstance(text, Skipped) else self.document_from_text(text)

    def document_from_text(self, raw_text: str) -> Document | Skipped:
        parsed = parse_plain_text(clean_text(raw_text))
        metadata = dict(parsed.metadata)
        dropped: list[DroppedSegment] = []
        for lines, reason in ((parsed.header, "citation header"), (parsed.trailer, "citation trailer")):
            if lines:
                text = "\n".join(line.text for line in lines)
                dropped.append(DroppedSegment(reason=reason, chars=len(text), preview=preview(text)))
        if "pmid" in metadata:
            doc_id = f"PMID:{int(metadata['pmid'])}"
        elif "doi" in metadata:
            doc_id = f"DOI:{metadata['doi']}"
        else:
            doc_id = f"file:{self.path.stem}"
        year = int(metadata.pop("year")) if "year" in metadata else None
        metadata["format"] = self.format
        return build_free_text_document(
            self,
            doc_id=doc_id,
            title=parsed.title,
            abstract=_join_body(parsed.body),
            record=None,
            year=year,
            metadata=metadata,
            dropped=dropped,
        )
