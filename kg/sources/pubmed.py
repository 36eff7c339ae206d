"""PubMed/MEDLINE XML (``PubmedArticleSet``, plain or gzipped), streamed with lxml iterparse.

Each ``PubmedArticle`` (or ``PubmedBookArticle``) is built and then cleared, so memory
stays flat on baseline files of 30 000 articles. When the XML breaks (a truncated
download), the articles before the break are kept and one ``Skipped`` names the line and
the parser's message for the rest of the file.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from lxml import etree

from kg.sources.base import Source, build_free_text_document, normalize_doi, parse_year
from kg.types import Document, DroppedSegment, Skipped

ARTICLE_TAGS = ("PubmedArticle", "PubmedBookArticle")


def _text(element: etree._Element | None) -> str:
    """All text inside an element, inline markup (<i>, <sup>, <sub>) included."""
    return "".join(element.itertext()) if element is not None else ""


def _abstract(abstract: etree._Element | None) -> str:
    """Structured sections joined the way PubMed shows them: ``LABEL: text LABEL: text``."""
    if abstract is None:
        return ""
    sections = []
    for section in abstract.iterfind("AbstractText"):
        text = " ".join(_text(section).split())
        label = (section.get("Label") or "").strip()
        if label and text:
            sections.append(f"{label}: {text}")
        elif text:
            sections.append(text)
    return " ".join(sections)


def _year(root: etree._Element) -> int | None:
    for path in (
        ".//Journal/JournalIssue/PubDate/Year",
        ".//Journal/JournalIssue/PubDate/MedlineDate",
        ".//Book/PubDate/Year",
        ".//ArticleDate/Year",
        ".//DateCompleted/Year",
    ):
        if (year := parse_year(root.findtext(path))) is not None:
            return year
    return None


def _authors(root: etree._Element) -> str:
    names = []
    for author in root.iterfind(".//AuthorList/Author"):
        collective = author.findtext("CollectiveName")
        if collective:
            names.append(" ".join(collective.split()))
            continue
        last = author.findtext("LastName") or ""
        first = author.findtext("ForeName") or author.findtext("Initials") or ""
        name = " ".join(f"{last} {first}".split())
        if name:
            names.append(name)
    return "; ".join(names)


def _article_id(root: etree._Element, kind: str) -> str | None:
    for element in root.iterfind(".//PubmedData/ArticleIdList/ArticleId"):
        if element.get("IdType") == kind and element.text:
            return element.text.strip()
    return None


class _EndOnError:
    """A byte stream that ends where reading fails (a cut-off .gz), remembering why.

    lxml reads ahead in large blocks; ending the stream instead of raising lets it hand
    out every article that was complete before the damage.
    """

    def __init__(self, stream: BinaryIO):
        self._stream = stream
        self.error: Exception | None = None

    def read(self, size: int = -1) -> bytes:
        if self.error is not None:
            return b""
        try:
            # read1 hands out what was decompressed before a failure; read() would drop it.
            return self._stream.read1(size if 0 < size <= 1 << 16 else 1 << 16)
        except (OSError, EOFError, zlib.error) as exc:
            self.error = exc
            return b""

    def __enter__(self) -> _EndOnError:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stream.close()


class PubMedXmlSource(Source):
    format = "pubmed-xml"
    suffixes = (".xml.gz", ".xml")

    @classmethod
    def sniff(cls, head: str) -> bool:
        return "<PubmedArticleSet" in head or "<PubmedArticle>" in head or "pubmed_" in head[:300]

    def _open(self) -> _EndOnError:
        with self.path.open("rb") as probe:
            gzipped = probe.read(2) == b"\x1f\x8b"
        return _EndOnError(gzip.open(self.path, "rb") if gzipped else self.path.open("rb"))

    def records(self) -> Iterator[Document | Skipped]:
        last_good: str | None = None
        handle = None
        try:
            with self._open() as handle:
                parser = etree.iterparse(
                    handle,
                    events=("end",),
                    tag=ARTICLE_TAGS,
                    huge_tree=True,  # a 10 MB abstract is legal input
                    resolve_entities=False,
                    load_dtd=False,
                    no_network=True,
                )
                for _, element in parser:
                    record = self._article(element)
                    if isinstance(record, Document):
                        last_good = record.id
                    yield record
                    element.clear(keep_tail=True)
                    while element.getprevious() is not None:
                        del element.getparent()[0]
        except etree.XMLSyntaxError as exc:
            where = f"after {last_good}" if last_good else "before the first article"
            if handle is not None and handle.error is not None:
                reason = f"truncated or corrupt file, rest of file not read: {handle.error}"
            else:
                reason = f"malformed XML, rest of file not read: {exc.msg}"
            yield self.skipped(reason, f"line {exc.lineno} ({where})")
        except (OSError, EOFError, zlib.error) as exc:
            where = f"after {last_good}" if last_good else "before the first article"
            yield self.skipped(f"unreadable, rest of file not read: {exc}", where)

    def _article(self, element: etree._Element) -> Document | Skipped:
        line = f"line {element.sourceline}"
        citation = element.find("MedlineCitation")
        if citation is None:
            citation = element.find("BookDocument")
        pmid = (citation.findtext("PMID") if citation is not None else None) or ""
        pmid = pmid.strip()
        if not re.fullmatch(r"[0-9]+", pmid):
            return self.skipped(f"{element.tag} without a numeric PMID", line)
        doc_id = f"PMID:{int(pmid)}"
        record = f"{doc_id} ({line})"

        title_element = citation.find("Article/ArticleTitle")
        if title_element is None:
            title_element = citation.find("ArticleTitle")
        if title_element is None:
            title_element = citation.find("Book/BookTitle")
        title = " ".join(_text(title_element).split())

        abstract_element = citation.find("Article/Abstract")
        if abstract_element is None:
            abstract_element = citation.find("Abstract")
        abstract = _abstract(abstract_element)

        dropped: list[DroppedSegment] = []
        for other in citation.iterfind("OtherAbstract"):
            text = _abstract(other)
            if not text:
                continue
            language = other.get("Language") or "und"
            if not abstract and language == "eng":
                abstract = text
                continue
            reason = f"non-English ({language})" if language != "eng" else (
                f"other abstract ({other.get('Type') or 'unspecified'})"
            )
            dropped.append(DroppedSegment(reason=reason, chars=len(text), preview=text[:80]))

        metadata = {
            "format": self.format,
            "pmid": pmid,
            "journal": " ".join((citation.findtext(".//Journal/Title") or "").split()),
            "authors": _authors(citation),
            "language": "; ".join(e.text or "" for e in citation.iterfind(".//Article/Language")),
        }
        doi = _article_id(element, "doi")
        if doi is None:
            for location in citation.iterfind(".//ELocationID"):
                if location.get("EIdType") == "doi" and location.text:
                    doi = location.text
                    break
        if doi:
            metadata["doi"] = normalize_doi(doi)
        if pmcid := _article_id(element, "pmc"):
            metadata["pmcid"] = pmcid
        return build_free_text_document(
            self,
            doc_id=doc_id,
            title=title,
            abstract=abstract,
            record=record,
            year=_year(citation),
            metadata=metadata,
            dropped=dropped,
        )
