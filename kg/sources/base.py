"""The ``Source`` contract and helpers every reader shares.

A source turns one file into a stream of ``Document`` (built) or ``Skipped`` (read but
not built, with a reason naming the file and the record). Readers never raise for bad
content; ``kg.sources.read_documents`` additionally turns any unexpected reader error
into a ``Skipped`` so one broken file cannot stop a run.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from kg.sources.clean import binary_kind, clean_text, decode_utf8, squash_spaces
from kg.sources.language import detect_language, ENGLISH, UNDETERMINED
from kg.types import Document, DroppedSegment, Skipped

EMPTY_REASON = "empty: no title or abstract text"
PREVIEW_CHARS = 80
SNIFF_BYTES = 8192


class Source(ABC):
    """One input file in one format."""

    format: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]]  # lower-case, longest first where they overlap

    def __init__(self, path: str | Path):
        self.path = Path(path)

    @abstractmethod
    def records(self) -> Iterator[Document | Skipped]:
        """Every record of the file, in file order, as a Document or a Skipped."""

    @classmethod
    def sniff(cls, head: str) -> bool:
        """True when the decoded first bytes of a file look like this format."""
        return False

    def __iter__(self) -> Iterator[Document | Skipped]:
        return self.records()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.path)!r})"

    @property
    def name(self) -> str:
        return str(self.path)

    def skipped(self, reason: str, record: str | None = None) -> Skipped:
        return Skipped(source=self.name, record=record, reason=reason)

    def open_binary(self):
        """The file opened for reading bytes, or why it cannot be opened."""
        try:
            return self.path.open("rb")
        except OSError as exc:
            return self.skipped(f"unreadable: {exc.strerror or exc}")

    def read_text(self) -> str | Skipped:
        """The whole file as UTF-8 text, or why it cannot be read (unreadable, binary, not UTF-8)."""
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            return self.skipped(f"unreadable: {exc.strerror or exc}")
        if why := binary_kind(data[:SNIFF_BYTES]):
            return self.skipped(why)
        text, why = decode_utf8(data)
        return self.skipped(why or "not UTF-8") if text is None else text


# --- ids --------------------------------------------------------------------------------

_ASCII_DIGITS = re.compile(r"[0-9]+")
_PMID = re.compile(r"(?:pmid|pubmed)\s*[:_ ]?\s*([0-9]+)", re.IGNORECASE)
DOI_PATTERN = re.compile(r"(?:doi\s*:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)", re.IGNORECASE)


def normalize_doi(doi: str) -> str:
    """DOIs are case-insensitive: one spelling, without trailing sentence punctuation."""
    return doi.strip().rstrip(".,;)]").lower()


def document_id(raw: object) -> str | None:
    """A stable document id from a raw id: bare numbers and ``pmid:N`` are PubMed ids."""
    if raw is None or isinstance(raw, bool):
        return None
    text = " ".join(clean_text(str(raw)).split())
    if not text:
        return None
    if _ASCII_DIGITS.fullmatch(text):
        return f"PMID:{int(text)}"
    if match := _PMID.fullmatch(text):
        return f"PMID:{int(match.group(1))}"
    if match := DOI_PATTERN.fullmatch(text):
        return f"DOI:{normalize_doi(match.group(1))}"
    return text


# --- text helpers for free-text readers ---------------------------------------------------


def preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"


def non_english_segment(text: str, language: str) -> DroppedSegment:
    return DroppedSegment(reason=f"non-English ({language})", chars=len(text), preview=preview(text))


def keep_english(text: str, dropped: list[DroppedSegment]) -> str:
    """The English paragraphs (lines) of ``text``; the others are recorded in ``dropped``."""
    kept: list[str] = []
    for paragraph in text.split("\n"):
        language = detect_language(paragraph)
        if language in (ENGLISH, UNDETERMINED):
            kept.append(paragraph)
        else:
            dropped.append(non_english_segment(paragraph, language))
    return "\n".join(kept).strip()


def build_free_text_document(
    source: Source,
    *,
    doc_id: str,
    title: str,
    abstract: str,
    record: str | None,
    year: int | None = None,
    metadata: dict[str, str] | None = None,
    dropped: list[DroppedSegment] | None = None,
) -> Document | Skipped:
    """Clean title and abstract, drop non-English paragraphs, and refuse an empty record."""
    dropped = list(dropped or [])
    title = squash_spaces(clean_text(title)).replace("\n", " ")
    abstract = squash_spaces(clean_text(abstract))
    if title:
        # A short title rarely decides alone; judged with its abstract it does.
        language = detect_language(title)
        if language == UNDETERMINED:
            language = detect_language(f"{title}\n{abstract}")
        if language not in (ENGLISH, UNDETERMINED):
            dropped.append(non_english_segment(title, language))
            title = ""
    abstract = keep_english(abstract, dropped)
    if not title and not abstract:
        languages = sorted({d.reason for d in dropped if d.reason.startswith("non-English")})
        why = f"no English text ({', '.join(languages)})" if languages else EMPTY_REASON
        if not languages and dropped:
            why += f" (dropped: {', '.join(sorted({d.reason for d in dropped}))})"
        return source.skipped(why, record or doc_id)
    return Document(
        id=doc_id,
        title=title,
        abstract=abstract,
        year=year,
        source=source.name,
        dropped=dropped,
        metadata={k: v for k, v in (metadata or {}).items() if v},
    )


_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


def parse_year(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1600 <= value <= 2100 else None
    if isinstance(value, str) and (match := _YEAR.search(value)):
        return int(match.group(1))
    return None
