"""Readers on the real inputs in ../shared: the seed abstract and the BioRED / BC5CDR gold.

Skipped with a reason where ../shared is absent (a user's machine).
"""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

import pytest

from kg.sources import (
    DUPLICATE_REASON,
    AnnotatedDocument,
    read_annotations,
    read_documents,
    read_pubtator_annotations,
)
from kg.sources.text import TextSource
from kg.types import Document, Skipped

SHARED = Path(os.environ.get("KG_SHARED_DIR") or Path(__file__).resolve().parents[2].parent / "shared")
DATA = SHARED / "data"
SEED = DATA / "seed" / "000_d2b2fe9f1883488e.txt"
BIORED = DATA / "corpora" / "biored"
BC5CDR = DATA / "corpora" / "bc5cdr"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared data not found: {path} (set KG_SHARED_DIR)")
    return path


def test_seed_header_and_chinese_are_dropped():
    (document,) = TextSource(_need(SEED)).records()
    assert isinstance(document, Document)
    assert document.abstract.startswith("Neuropathic pain, a chronic condition")
    assert document.title == ""
    assert document.id == "DOI:10.34172/bi.30648"
    assert document.year == 2025
    assert document.metadata["journal"] == "Bioimpacts"
    assert document.metadata["authors"] == "Shahrezaei Aidin; Sohani Maryam; Nasirinezhad Farinaz"
    header, chinese = document.dropped
    assert header.reason == "citation header" and header.preview.startswith("Shahrezaei Aidin")
    assert chinese.reason == "non-English (zh)" and chinese.chars > 300
    assert not re.search(r"[\u4e00-\u9fff]", document.text)
    for header_text in ("Iran University", "Bioimpacts.", "Shahrezaei"):
        assert header_text not in document.text


def _check_offsets(item: AnnotatedDocument) -> None:
    assert not item.warnings, item.warnings
    text = item.document.text
    for mention in item.mentions:
        if mention.locations:  # discontinuous (BC5CDR "cardiovascular, and respiratory depression")
            pieces = " ".join(text[start:end] for start, end in mention.locations)
            assert pieces == mention.text, (item.document.id, mention)
        else:
            assert text[mention.start : mention.end] == mention.text, (item.document.id, mention)


@pytest.mark.parametrize("name", ["Train.PubTator", "Dev.PubTator"])
def test_biored_pubtator_offsets_match_gold(name):
    items = list(itertools.islice(read_pubtator_annotations(_need(BIORED / name)), 40))
    assert len(items) == 40 and all(isinstance(i, AnnotatedDocument) for i in items)
    for item in items:
        _check_offsets(item)
        assert item.document.id.startswith("PMID:")
    assert sum(bool(item.relations) for item in items) > 30  # document-level relations
    first = items[0]
    assert all(r.novel in ("Novel", "No") for r in first.relations)


def test_biored_first_dev_document():
    item = next(read_pubtator_annotations(_need(BIORED / "Dev.PubTator")))
    assert item.document.id == "PMID:14510914"
    assert item.document.title.startswith("Congenital hypothyroidism due to a new deletion")
    variant = next(m for m in item.mentions if m.type == "SequenceVariant")
    assert variant.ids == ["c|DEL|1314_1328|"]  # variant ids keep their "|"
    relation = item.relations[0]
    assert (relation.type, relation.arg1, relation.arg2, relation.novel) == (
        "Positive_Correlation", "c|DEL|1314_1328|", "D003409", "Novel",
    )


@pytest.mark.parametrize("name", ["Dev.BioC.XML", "Dev.BioC.JSON"])
def test_biored_bioc_matches_pubtator(name):
    pubtator = {i.document.id: i for i in read_pubtator_annotations(_need(BIORED / "Dev.PubTator"))}
    bioc = list(read_annotations(_need(BIORED / name)))
    assert len(bioc) == len(pubtator) == 100
    for item in bioc:
        _check_offsets(item)
        gold = pubtator[item.document.id]
        assert item.document.text == gold.document.text
        spans = lambda mentions: sorted((m.start, m.end, m.type, m.identifier) for m in mentions)  # noqa: E731
        assert spans(item.mentions) == spans(gold.mentions)
        relations = lambda rels: sorted((r.type, r.arg1, r.arg2, r.novel) for r in rels)  # noqa: E731
        assert relations(item.relations) == relations(gold.relations)


def test_bc5cdr_composite_mentions_and_cid_relations():
    items = list(read_annotations(_need(BC5CDR / "CDR_TestSet.PubTator.txt")))
    assert len(items) == 500
    for item in items:
        _check_offsets(item)
    composite = [m for i in items for m in i.mentions if "|" in m.identifier]
    assert composite and all(len(m.ids) >= 2 for m in composite)
    assert all(r.type == "CID" for i in items for r in i.relations)
    assert not any("-1" in m.ids for i in items for m in i.mentions)


def test_bc5cdr_bioc_xml_text_matches_pubtator():
    pubtator = {
        i.document.id: i.document.text
        for i in itertools.islice(read_annotations(_need(BC5CDR / "CDR_DevelopmentSet.PubTator.txt")), 50)
    }
    bioc = list(itertools.islice(read_annotations(_need(BC5CDR / "CDR_DevelopmentSet.BioC.xml")), 50))
    assert {i.document.id: i.document.text for i in bioc} == pubtator
    for item in bioc:
        _check_offsets(item)
        assert {r.type for r in item.relations} <= {"CID"}


def test_biored_folder_reads_each_document_once():
    items = list(read_documents([_need(BIORED)]))
    documents = [i for i in items if isinstance(i, Document)]
    duplicates = [i for i in items if isinstance(i, Skipped) and i.reason.startswith(DUPLICATE_REASON)]
    # Dev (100) and Train (400) abstracts, each also in BioC; README.txt is a text document.
    assert len([d for d in documents if d.id.startswith("PMID:")]) == 500
    assert len(duplicates) == 100 * 2 + 400
    assert len({d.id for d in documents}) == len(documents)
