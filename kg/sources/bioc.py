"""BioC collections, XML and JSON: documents of passages with annotations and relations.

The passage whose ``type`` infon is ``title`` (or ``front``; else the first passage) is the
title, the other passages form the abstract, joined by one space; annotation offsets
(document-level in BioC) are moved onto ``Document.text``. Both encodings are read into
the same dict shape and built by one function, so they give the same documents.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from kg.sources.annotations import (
    AnnotatedDocument,
    GoldRelation,
    Segment,
    assemble_document,
    place_mention,
)
from kg.sources.base import SNIFF_BYTES, Source, document_id
from kg.sources.jsonstream import JsonStreamError, iter_json_documents
from kg.types import Document, Skipped

TITLE_TYPES = {"title", "front", "title_1"}
# Passages that are not prose of the article (PMC BioC reference lists).
SKIPPED_SECTIONS = {"ref", "REF"}
IDENTIFIER_KEYS = ("identifier", "Identifier", "MESH", "MeSH", "NCBI Gene", "NCBI_Gene", "CUI", "ID")


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _infons(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        return {}
    return {str(k): "" if v is None else str(v) for k, v in raw.items()}


class _BioCBase(Source):
    """Builds documents from BioC dicts (``{"id", "passages": [...], "relations": [...]}``)."""

    def records(self) -> Iterator[Document | Skipped]:
        for item in self.annotated_records():
            yield item.document if isinstance(item, AnnotatedDocument) else item

    def annotated_records(self) -> Iterator[AnnotatedDocument | Skipped]:
        raise NotImplementedError

    def _build(self, raw: Any, where: str) -> AnnotatedDocument | Skipped:
        if not isinstance(raw, dict):
            return self.skipped(f"document is {type(raw).__name__}, expected an object", where)
        doc_id = document_id(raw.get("id"))
        if doc_id is None:
            return self.skipped("document without an id", where)
        record = f"{doc_id} ({where})"
        passages = raw.get("passages") or []
        if not isinstance(passages, list):
            return self.skipped("'passages' is not a list", record)

        segments: list[Segment] = []
        annotations: list[tuple[dict, str]] = []
        title_index = None
        for index, passage in enumerate(passages):
            if not isinstance(passage, dict):
                return self.skipped(f"passage {index} is not an object", record)
            infons = _infons(passage.get("infons"))
            kind = infons.get("type", "")
            if kind in SKIPPED_SECTIONS or infons.get("section_type") in SKIPPED_SECTIONS:
                continue
            offset = _int(passage.get("offset"))
            if offset is None:
                return self.skipped(f"passage {index} has no numeric offset", record)
            pieces = []
            if isinstance(passage.get("text"), str):
                pieces.append((offset, passage["text"]))
            for sentence in passage.get("sentences") or []:
                if isinstance(sentence, dict) and isinstance(sentence.get("text"), str):
                    pieces.append((_int(sentence.get("offset")) or offset, sentence["text"]))
                    annotations.extend((a, f"passage {index}") for a in sentence.get("annotations") or [])
            is_title = title_index is None and kind.lower() in TITLE_TYPES
            if is_title:
                title_index = len(segments)
            segments.extend(Segment(o, t, is_title=is_title) for o, t in pieces[:1])
            segments.extend(Segment(o, t) for o, t in pieces[1:])
            annotations.extend((a, f"passage {index}") for a in passage.get("annotations") or [])
        if title_index is None and segments and not any(
            "type" in _infons(p.get("infons")) for p in passages if isinstance(p, dict)
        ):
            segments[0].is_title = True  # untyped passages (BioRED's BioC JSON): the first is the title

        metadata = {"format": self.format, "record": where}
        built = assemble_document(self, doc_id, segments, record=record, metadata=metadata)
        if isinstance(built, Skipped):
            return built
        document, offsets = built
        annotated = AnnotatedDocument(document=document)
        for annotation, place in annotations:
            self._add_mention(annotated, offsets, annotation, place)
        for relation in raw.get("relations") or []:
            self._add_relation(annotated, relation)
        return annotated

    @staticmethod
    def _add_mention(annotated: AnnotatedDocument, offsets, annotation: Any, place: str) -> None:
        if not isinstance(annotation, dict):
            annotated.warnings.append(f"{place}: annotation is not an object")
            return
        infons = _infons(annotation.get("infons"))
        spans = []
        for location in annotation.get("locations") or []:
            start, length = (
                (_int(location.get("offset")), _int(location.get("length")))
                if isinstance(location, dict) else (None, None)
            )
            if start is None or length is None or length < 0:
                continue
            spans.append((start, start + length))
        label = annotation.get("id")
        if not spans:
            annotated.warnings.append(f"{place}: annotation {label} has no usable location")
            return
        identifier = next((infons[k] for k in IDENTIFIER_KEYS if infons.get(k)), "")
        mention, warning = place_mention(
            annotated.document, offsets, sorted(spans),
            text=str(annotation.get("text") or ""),
            mention_type=infons.get("type", ""),
            identifier=identifier,
            id=None if label is None else str(label),
            infons=infons,
        )
        annotated.mentions.append(mention)
        if warning:
            annotated.warnings.append(f"{place}: annotation {label}: {warning}")

    @staticmethod
    def _add_relation(annotated: AnnotatedDocument, relation: Any) -> None:
        if not isinstance(relation, dict):
            annotated.warnings.append("relation is not an object")
            return
        infons = _infons(relation.get("infons"))
        nodes = [n for n in relation.get("nodes") or [] if isinstance(n, dict)]
        relation_type = infons.get("type") or infons.get("relation") or ""
        if "entity1" in infons and "entity2" in infons:
            arg1, arg2 = infons["entity1"], infons["entity2"]
        elif len(nodes) >= 2:
            arg1, arg2 = str(nodes[0].get("refid", "")), str(nodes[1].get("refid", ""))
        else:
            # BC5CDR: {"relation": "CID", "Chemical": id, "Disease": id}
            args = [v for k, v in infons.items() if k not in ("type", "relation", "novel")]
            if len(args) < 2:
                annotated.warnings.append(f"relation {relation.get('id')}: fewer than two arguments")
                return
            arg1, arg2 = args[0], args[1]
        annotated.relations.append(
            GoldRelation(
                type=relation_type, arg1=arg1, arg2=arg2, novel=infons.get("novel"),
                id=None if relation.get("id") is None else str(relation.get("id")), infons=infons,
            )
        )


def _element_dict(element: etree._Element) -> dict[str, Any]:
    """A BioC XML element as the dict its JSON encoding would give."""

    def infons(el: etree._Element) -> dict[str, str]:
        return {i.get("key", ""): i.text or "" for i in el.iterfind("infon")}

    def annotation(el: etree._Element) -> dict[str, Any]:
        return {
            "id": el.get("id"),
            "infons": infons(el),
            "text": el.findtext("text") or "",
            "locations": [
                {"offset": loc.get("offset"), "length": loc.get("length")} for loc in el.iterfind("location")
            ],
        }

    passages = []
    for passage in element.iterfind("passage"):
        item: dict[str, Any] = {
            "infons": infons(passage),
            "offset": passage.findtext("offset"),
            "annotations": [annotation(a) for a in passage.iterfind("annotation")],
            "sentences": [
                {
                    "offset": s.findtext("offset"),
                    "text": s.findtext("text"),
                    "annotations": [annotation(a) for a in s.iterfind("annotation")],
                }
                for s in passage.iterfind("sentence")
            ],
        }
        if (text := passage.find("text")) is not None:
            item["text"] = text.text or ""
        passages.append(item)
    relations = [
        {
            "id": r.get("id"),
            "infons": infons(r),
            "nodes": [{"refid": n.get("refid"), "role": n.get("role")} for n in r.iterfind("node")],
        }
        for r in element.iterfind("relation")
    ]
    return {"id": element.findtext("id"), "passages": passages, "relations": relations}


class BioCXmlSource(_BioCBase):
    format = "bioc-xml"
    suffixes = (".bioc.xml", ".bioc")

    @classmethod
    def sniff(cls, head: str) -> bool:
        return "<collection" in head and ("BioC" in head or "<document" in head)

    def annotated_records(self) -> Iterator[AnnotatedDocument | Skipped]:
        last_good: str | None = None
        try:
            parser = etree.iterparse(
                str(self.path), events=("end",), tag="document", huge_tree=True,
                resolve_entities=False, load_dtd=False, no_network=True,
            )
            for _, element in parser:
                built = self._build(_element_dict(element), f"line {element.sourceline}")
                if isinstance(built, AnnotatedDocument):
                    last_good = built.document.id
                yield built
                element.clear(keep_tail=True)
                while element.getprevious() is not None:
                    del element.getparent()[0]
        except etree.XMLSyntaxError as exc:
            where = f"after {last_good}" if last_good else "before the first document"
            yield self.skipped(
                f"malformed XML, rest of file not read: {exc.msg}", f"line {exc.lineno} ({where})"
            )
        except OSError as exc:
            yield self.skipped(f"unreadable: {exc.strerror or exc}")


# --- BioC JSON --------------------------------------------------------------------------

class BioCJsonSource(_BioCBase):
    """A BioC JSON collection (``{"documents": [...]}``), a list of collections or documents.

    Documents are decoded one at a time from the collection's text, so a document that is
    cut off or broken costs only itself and what follows it, not the documents before.
    """

    format = "bioc-json"
    suffixes = (".bioc.json",)

    @classmethod
    def sniff(cls, head: str) -> bool:
        start = head.lstrip()[:1]
        return start in ("{", "[") and ('"passages"' in head or '"documents"' in head)

    def annotated_records(self) -> Iterator[AnnotatedDocument | Skipped]:
        text = self.read_text()
        if isinstance(text, Skipped):
            yield text
            return
        last_good: str | None = None
        try:
            for position, raw in iter_json_documents(text):
                built = self._build(raw, f"line {text.count(chr(10), 0, position) + 1}")
                if isinstance(built, AnnotatedDocument):
                    last_good = built.document.id
                yield built
        except JsonStreamError as exc:
            line = text.count("\n", 0, exc.position) + 1
            where = f"after {last_good}" if last_good else "before the first document"
            yield self.skipped(f"invalid JSON, rest of file not read: {exc}", f"line {line} ({where})")

def read_bioc_annotations(path: str | Path) -> Iterator[AnnotatedDocument | Skipped]:
    """Gold mentions (offsets into ``Document.text``) and relations of a BioC XML or JSON file."""
    path = Path(path)
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES).decode("utf-8", "replace")
    source = BioCJsonSource(path) if head.lstrip()[:1] in ("{", "[") else BioCXmlSource(path)
    return source.annotated_records()
