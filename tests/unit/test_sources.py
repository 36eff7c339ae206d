"""Readers of every input format, on small handmade fixtures, and the bad inputs of issue 7."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.sources import (
    DUPLICATE_REASON,
    BioCJsonSource,
    BioCXmlSource,
    JsonLinesSource,
    PubMedXmlSource,
    PubTatorSource,
    TextSource,
    detect_source,
    read_annotations,
    read_documents,
)
from kg.sources.base import EMPTY_REASON
from kg.types import Document, Skipped

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"


def _split(items) -> tuple[list[Document], list[Skipped]]:
    items = list(items)
    assert all(isinstance(i, (Document, Skipped)) for i in items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Skipped)]


# --- detection ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("pubmed_sample.xml", PubMedXmlSource),
        ("abstracts.jsonl", JsonLinesSource),
        ("sample.pubtator", PubTatorSource),
        ("sample.bioc.xml", BioCXmlSource),
        ("sample.bioc.json", BioCJsonSource),
        ("plain_abstract.txt", TextSource),
    ],
)
def test_detect_by_suffix(name, expected):
    assert type(detect_source(FIXTURES / name)) is expected


@pytest.mark.parametrize(
    ("fixture", "renamed", "expected"),
    [
        ("sample.pubtator", "corpus.txt", PubTatorSource),  # PubTator layout in a .txt
        ("sample.bioc.xml", "corpus.xml", BioCXmlSource),
        ("sample.bioc.json", "corpus.json", BioCJsonSource),
        ("abstracts.jsonl", "corpus.json", JsonLinesSource),
        ("pubmed_sample.xml", "download", PubMedXmlSource),  # no suffix at all
    ],
)
def test_detect_by_content(tmp_path, fixture, renamed, expected):
    target = tmp_path / renamed
    shutil.copy(FIXTURES / fixture, target)
    assert type(detect_source(target)) is expected


def test_unknown_format_is_a_clear_input_error(tmp_path):
    odd = tmp_path / "figure.png"
    odd.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(InputError, match=r"figure\.png: unknown format \(binary file \(PNG\)\)"):
        detect_source(odd)
    other_xml = tmp_path / "feed.xml"
    other_xml.write_text("<rss><channel/></rss>")
    with pytest.raises(InputError, match="neither PubMed"):
        detect_source(other_xml)


def test_missing_path_raises_before_reading(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_documents([FIXTURES / "plain_abstract.txt", tmp_path / "missing.txt"])


# --- plain text ---------------------------------------------------------------------------


def test_text_pubmed_layout_header_and_trailer_become_metadata():
    (document,) = TextSource(FIXTURES / "pubmed_abstract_layout.txt").records()
    assert document.id == "PMID:93000001"
    assert document.title == "Microglia-derived exosomes aggravate neuropathic pain through NLRP3 activation."
    assert document.abstract.startswith("Microglia-derived exosomes increased NLRP3")
    # hard-wrapped lines are re-joined into one sentence
    assert "dorsal horn neurons" in document.abstract
    assert document.year == 2023
    assert document.metadata["doi"] == "10.1000/example.2023.041"
    assert document.metadata["journal"] == "Example J Neuroinflammation"
    assert document.metadata["authors"] == "Smith JA; García-López M; van der Berg P"
    assert document.metadata["pmcid"] == "PMC9100041"
    reasons = [d.reason for d in document.dropped]
    assert reasons == ["citation header", "citation trailer"]
    for marker in ("University", "Author information", "PMID", "©", "doi"):
        assert marker not in document.text


def test_text_without_header_takes_title_block_and_file_id():
    (document,) = TextSource(FIXTURES / "plain_abstract.txt").records()
    assert document.id == "file:plain_abstract"
    assert document.title == "Intrathecal BDNF promotes nerve regeneration after sciatic nerve crush"
    assert document.abstract.startswith("Brain-derived neurotrophic factor (BDNF) delivered intrathecally")
    assert "promoted axonal regeneration and restored" in document.abstract
    assert document.metadata["keywords"] == "BDNF; nerve regeneration; hyperalgesia"
    assert "Keywords" not in document.text


def test_text_title_case_first_line_is_not_taken_for_authors(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Oxidative Stress And Pain\n\nOxidative stress drives pain in many models of nerve injury.\n")
    (document,) = TextSource(path).records()
    assert document.title == "Oxidative Stress And Pain"
    assert not document.dropped


def test_text_prose_mentioning_institutions_is_not_a_header(tmp_path):
    path = tmp_path / "prose.txt"
    lines = [
        "Researchers at the University of Example, in Boston, studied pain in 2021.",
        "Stem cells from the Department of Surgery reduced allodynia in mice.",
    ]
    path.write_text("\n".join(lines) + "\n")
    (document,) = TextSource(path).records()
    assert document.abstract == "\n".join(lines)
    assert not document.dropped


def test_text_non_english_paragraphs_dropped_and_reported(tmp_path):
    path = tmp_path / "two_languages.txt"
    path.write_text(
        "Mesenchymal stem cells reduced neuropathic pain and oxidative stress in rats.\n\n"
        "Las células madre mesenquimales redujeron el dolor neuropático y el estrés oxidativo en las ratas.\n\n"
        "Мезенхимальные стволовые клетки уменьшали нейропатическую боль у крыс.\n",
        encoding="utf-8",
    )
    (document,) = TextSource(path).records()
    assert document.abstract == "Mesenchymal stem cells reduced neuropathic pain and oxidative stress in rats."
    assert [d.reason for d in document.dropped] == ["non-English (es)", "non-English (ru)"]


def test_text_only_foreign_language_is_skipped_with_reason(tmp_path):
    path = tmp_path / "zh.txt"
    path.write_text("间充质干细胞通过减轻氧化应激来缓解神经性疼痛,并促进神经再生。", encoding="utf-8")
    (skipped,) = TextSource(path).records()
    assert isinstance(skipped, Skipped)
    assert skipped.reason == "no English text (non-English (zh))"
    assert skipped.source == str(path)


# --- JSON Lines ---------------------------------------------------------------------------


def test_jsonl_records_and_bad_lines():
    documents, skipped = _split(JsonLinesSource(FIXTURES / "abstracts.jsonl").records())
    by_id = {d.id: d for d in reversed(documents)}  # the first of a repeated id wins
    first = by_id["PMID:91000001"]
    assert first.year == 2022 and first.metadata["authors"] == "Lee K; Park S"
    assert first.metadata["record"] == "line 1"
    assert by_id["PMID:91000002"].year == 2018  # "pmid" field, date string
    odd = by_id["PMID:91000005"]
    assert odd.title == "TNF‑α and IL‑1β in the first week"  # Greek kept, ligature spelled out
    assert odd.abstract == "Zerowidth spaces and softhyphens vanish; fibrosis and é normalize."
    mixed = by_id["PMID:91000007"]
    assert mixed.abstract == "Mesenchymal stem cells reduced neuropathic pain in rats."
    assert mixed.dropped[0].reason == "non-English (zh)"
    assert any(d.id.startswith("text:") and d.metadata["id_from"] for d in documents)

    reasons = {s.record: s.reason for s in skipped}
    assert reasons["line 3"].startswith("invalid JSON: Expecting ',' delimiter at column")
    assert reasons["line 4"] == "expected a JSON object, got list"
    assert reasons["line 5 (PMID:91000004)"] == EMPTY_REASON
    assert reasons["line 9 (PMID:91000006)"] == "no English text (non-English (es))"
    assert reasons["line 12"] == "field 'title' is int, expected text"
    # every non-blank line is accounted for (the duplicate is caught by read_documents)
    lines = [l for l in (FIXTURES / "abstracts.jsonl").read_text().splitlines() if l.strip()]
    assert len(documents) + len(skipped) == len(lines)


def test_json_array_of_records(tmp_path):
    records = [
        {"id": "PMID:1", "title": "First", "abstract": "Stem cells reduce pain in rats."},
        {"id": "2", "title": "", "abstract": ""},
        {"pmid": 3, "title": "Third", "abstract": "Curcumin scavenges reactive oxygen species."},
    ]
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records, indent=1))
    assert type(detect_source(path)) is JsonLinesSource
    documents, skipped = _split(detect_source(path).records())
    assert [d.id for d in documents] == ["PMID:1", "PMID:3"]
    assert skipped[0].reason == EMPTY_REASON and skipped[0].record.startswith("line ")
    path.write_text(json.dumps(records, indent=1)[:-40])  # cut inside the third record
    documents, skipped = _split(detect_source(path).records())
    assert [d.id for d in documents] == ["PMID:1"]
    assert skipped[-1].reason.startswith("invalid JSON, rest of file not read")


def test_jsonl_non_utf8_line_skips_only_that_line(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "1", "title": "Good record", "abstract": "Stem cells reduce pain."}).encode()
    bad = b'{"id": "2", "title": "Caf\xe9 latin-1", "abstract": "x"}'
    path.write_bytes(good + b"\n" + bad + b"\n" + good.replace(b'"1"', b'"3"') + b"\n")
    documents, skipped = _split(JsonLinesSource(path).records())
    assert [d.id for d in documents] == ["PMID:1", "PMID:3"]
    assert skipped[0].record == "line 2"
    assert skipped[0].reason.startswith("not UTF-8: invalid byte 0xe9")


# --- PubMed XML ---------------------------------------------------------------------------


def test_pubmed_xml_articles():
    documents, skipped = _split(PubMedXmlSource(FIXTURES / "pubmed_sample.xml").records())
    by_id = {d.id: d for d in documents}
    assert list(by_id) == ["PMID:90000001", "PMID:90000002", "PMID:90000003", "PMID:90000005"]
    first = by_id["PMID:90000001"]
    assert first.title == "Bone marrow mesenchymal stem cells attenuate H2O2-induced damage in rat Schwann cells."
    assert first.abstract.startswith("BACKGROUND: Oxidative stress contributes to neuropathic pain after nerve injury. METHODS: ")
    assert first.year == 2021
    assert first.metadata["doi"] == "10.1000/example.2021.001"
    assert first.metadata["authors"] == "Doe Jane; Example Pain Consortium"
    assert first.dropped[0].reason == "non-English (spa)"
    assert "estrés" not in first.text
    assert by_id["PMID:90000002"].year == 1998  # MedlineDate
    assert by_id["PMID:90000002"].abstract == "Minocycline suppressed TNF-α and IL-1β release from activated microglia."
    assert by_id["PMID:90000003"].abstract == ""  # a title alone is still a document
    assert by_id["PMID:90000005"].title == "Neuropathic pain: an overview."  # PubmedBookArticle
    (empty,) = skipped
    assert empty.record.startswith("PMID:90000004 (line ") and empty.reason == EMPTY_REASON


def test_pubmed_xml_gz_gives_the_same_documents(tmp_path):
    compressed = tmp_path / "pubmed25n0001.xml.gz"
    compressed.write_bytes(gzip.compress((FIXTURES / "pubmed_sample.xml").read_bytes()))
    plain = list(PubMedXmlSource(FIXTURES / "pubmed_sample.xml").records())
    from_gz = list(detect_source(compressed).records())
    assert [d.model_dump(exclude={"source"}) for d in from_gz] == [
        d.model_dump(exclude={"source"}) for d in plain
    ]


def test_pubmed_truncated_xml_keeps_good_articles():
    documents, skipped = _split(PubMedXmlSource(FIXTURES / "pubmed_truncated.xml").records())
    assert [d.id for d in documents] == ["PMID:90000001", "PMID:90000002"]
    (rest,) = skipped
    assert rest.reason.startswith("malformed XML, rest of file not read: ")
    assert rest.record.startswith("line ") and "after PMID:90000002" in rest.record


def test_pubmed_truncated_gzip_keeps_good_articles(tmp_path):
    data = gzip.compress((FIXTURES / "pubmed_sample.xml").read_bytes())
    cut = tmp_path / "cut.xml.gz"
    cut.write_bytes(data[: len(data) * 3 // 4])
    documents, skipped = _split(detect_source(cut).records())
    assert documents and documents[0].id == "PMID:90000001"
    assert len(skipped) == 1
    assert skipped[0].reason.startswith("truncated or corrupt file, rest of file not read: Compressed file ended")


def test_pubmed_malformed_xml_in_the_middle(tmp_path):
    text = (FIXTURES / "pubmed_sample.xml").read_text()
    broken = tmp_path / "broken.xml"
    broken.write_text(text.replace("<ArticleTitle>Minocycline", "<ArticleTitle><b>Minocycline", 1))
    documents, skipped = _split(PubMedXmlSource(broken).records())
    assert [d.id for d in documents] == ["PMID:90000001"]
    assert "mismatch" in skipped[0].reason.lower() or "tag" in skipped[0].reason.lower()


def test_pubmed_xml_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    path = tmp_path / "xxe.xml"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE PubmedArticleSet [<!ENTITY leak SYSTEM "file://{secret}">]>'
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>7</PMID><Article>"
        "<ArticleTitle>Stem cells and pain &leak;</ArticleTitle></Article></MedlineCitation>"
        "</PubmedArticle></PubmedArticleSet>"
    )
    items = list(read_documents([path]))
    assert items
    assert all("TOP-SECRET" not in item.model_dump_json() for item in items)


def test_pubmed_huge_abstract_is_not_truncated(tmp_path):
    sentence = "Mesenchymal stem cells reduced oxidative stress in the injured sciatic nerve. "
    abstract = sentence * (10_500_000 // len(sentence))
    path = tmp_path / "huge.xml"
    path.write_text(
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>"
        f"<ArticleTitle>Huge</ArticleTitle><Abstract><AbstractText>{abstract}</AbstractText></Abstract>"
        "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"
    )
    (document,) = PubMedXmlSource(path).records()
    assert len(document.abstract) == len(abstract.strip()) > 10_000_000


# --- PubTator and BioC ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sample.pubtator", "sample.bioc.xml", "sample.bioc.json"])
def test_annotated_formats_agree_and_offsets_match(name):
    annotated = list(read_annotations(FIXTURES / name))
    assert [a.document.id for a in annotated] == ["PMID:92000001", "PMID:92000002"]
    first, second = annotated
    assert first.document.title == "Mesenchymal stem cells reduce oxidative stress in neuropathic pain."
    assert first.document.abstract.startswith("Bone marrow mesenchymal stem cells (BMSCs)")
    # the zero-width space and the ligature are cleaned; gold offsets follow the cleaned text
    assert second.document.title == "Curcumin attenuates fibrosis and TNF-α release."
    for item in annotated:
        assert not item.warnings
        for mention in item.mentions:
            assert item.document.text[mention.start : mention.end] == mention.text
    assert [m.text for m in second.mentions][:3] == ["Curcumin", "fibrosis", "TNF-α"]
    assert second.mentions[-1].ids == ["6647", "6648"]
    assert [(r.type, r.arg1, r.arg2, r.novel) for r in first.relations] == [
        ("Negative_Correlation", "CL:0000134", "D017382", "Novel"),
        ("Negative_Correlation", "D000077206", "D009437", "No"),
    ]
    assert second.relations[0].type == "CID"


def test_annotated_documents_equal_plain_records():
    for source in (PubTatorSource, BioCXmlSource, BioCJsonSource):
        suffix = {PubTatorSource: ".pubtator", BioCXmlSource: ".bioc.xml", BioCJsonSource: ".bioc.json"}[source]
        plain = list(source(FIXTURES / f"sample{suffix}").records())
        assert [d.text for d in plain] == [a.document.text for a in read_annotations(FIXTURES / f"sample{suffix}")]


def test_pubtator_garbage_lines_and_bad_bytes(tmp_path):
    text = (FIXTURES / "sample.pubtator").read_bytes()
    path = tmp_path / "bad.pubtator"
    garbage = b"this line is not pubtator\n\n"
    bad_doc = b"92000009|t|Caf\xe9 title\n92000009|a|Some abstract text about pain.\n\n"
    path.write_bytes(garbage + text + bad_doc)
    documents, skipped = _split(PubTatorSource(path).records())
    assert [d.id for d in documents] == ["PMID:92000001", "PMID:92000002"]
    assert skipped[0].record == "line 1" and skipped[0].reason.startswith("not a PubTator line")
    bad_line = garbage.count(b"\n") + text.count(b"\n") + 1
    assert skipped[1].record == f"PMID:92000009 (line {bad_line})"
    assert skipped[1].reason == f"line {bad_line} is not UTF-8 (invalid byte 0xe9)"


def test_bioc_json_truncated_keeps_documents_before(tmp_path):
    text = (FIXTURES / "sample.bioc.json").read_text()
    cut = text.index('"id": "92000002"') + 40
    path = tmp_path / "cut.bioc.json"
    path.write_text(text[:cut])
    documents, skipped = _split(BioCJsonSource(path).records())
    assert [d.id for d in documents] == ["PMID:92000001"]
    assert skipped[0].reason.startswith("invalid JSON, rest of file not read")
    assert "after PMID:92000001" in skipped[0].record


def test_bioc_json_single_document_and_list_of_collections(tmp_path):
    collection = json.loads((FIXTURES / "sample.bioc.json").read_text())
    single = tmp_path / "one.bioc.json"
    single.write_text(json.dumps(collection["documents"][0]))
    listed = tmp_path / "many.bioc.json"
    listed.write_text(json.dumps([collection, collection]))
    assert [d.id for d in BioCJsonSource(single).records()] == ["PMID:92000001"]
    assert [d.id for d in BioCJsonSource(listed).records()] == ["PMID:92000001", "PMID:92000002"] * 2


def test_bioc_xml_truncated_keeps_documents_before(tmp_path):
    text = (FIXTURES / "sample.bioc.xml").read_text()
    path = tmp_path / "cut.bioc.xml"
    path.write_text(text[: text.index("<id>92000002</id>") + 30])
    documents, skipped = _split(BioCXmlSource(path).records())
    assert [d.id for d in documents] == ["PMID:92000001"]
    assert skipped[0].reason.startswith("malformed XML")


# --- read_documents: folders, duplicates, bad files ---------------------------------------


def test_read_documents_bad_input_folder_accounts_for_everything(tmp_path):
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(FIXTURES / "abstracts.jsonl", folder / "a.jsonl")
    shutil.copy(FIXTURES / "pubmed_truncated.xml", folder / "b.xml")
    shutil.copy(FIXTURES / "pubmed_sample.xml", folder / "sub" / "c.xml")  # repeats PMIDs of b.xml
    (folder / "empty.txt").write_text("  \n\n")
    (folder / "empty.xml").write_bytes(b"")
    (folder / "header_only.txt").write_text(
        "Doe J, Roe R.\nDepartment of Physiology, Example University, Boston, USA.\n"
        "Example J. 2020;1:1. doi: 10.1000/header.only\n"
    )
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "latin1.txt").write_bytes("Stem cells reduce pain in the caf\xe9.".encode("latin-1"))
    (folder / "utf16.txt").write_bytes("Stem cells reduce pain.".encode("utf-16"))
    (folder / "report.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00" * 50)
    (folder / ".hidden.txt").write_text("never read")

    items = list(read_documents([folder]))
    documents, skipped = _split(items)
    ids = [d.id for d in documents]
    assert len(ids) == len(set(ids))
    reasons = {(Path(s.source).name, s.record): s.reason for s in skipped}
    assert reasons[("binary.txt", None)] == "binary file (contains NUL bytes)"
    assert reasons[("latin1.txt", None)] == "not UTF-8: invalid byte 0xe9 at byte 33 (line 1)"
    assert reasons[("utf16.txt", None)].startswith("UTF-16 encoded text")
    assert reasons[("empty.txt", None)] == "empty file"
    assert reasons[("empty.xml", None)] == "empty file"
    assert reasons[("header_only.txt", "DOI:10.1000/header.only")] == (
        f"{EMPTY_REASON} (dropped: citation header)"
    )
    assert reasons[("report.pdf", None)].startswith("unknown format (binary file (PDF))")
    duplicates = {r: why for (name, r), why in reasons.items() if why.startswith(DUPLICATE_REASON)}
    assert duplicates["PMID:90000001"] == f"{DUPLICATE_REASON} {folder / 'b.xml'}"
    assert duplicates["PMID:91000001 (line 7)"] == f"{DUPLICATE_REASON} {folder / 'a.jsonl'} (line 1)"
    assert all(not s.source.endswith(".hidden.txt") for s in skipped)
    # deterministic: same order on every run
    assert [i.model_dump() for i in read_documents([folder])] == [i.model_dump() for i in items]


def test_read_documents_survives_a_reader_bug(tmp_path, monkeypatch):
    path = tmp_path / "a.jsonl"
    shutil.copy(FIXTURES / "abstracts.jsonl", path)

    def explode(self, number, raw):
        if number == 2:
            raise RuntimeError("boom")
        return original(self, number, raw)

    original = JsonLinesSource._record
    monkeypatch.setattr(JsonLinesSource, "_record", explode)
    documents, skipped = _split(read_documents([path]))
    assert [d.id for d in documents] == ["PMID:91000001"]
    assert skipped[-1].reason == "reader failed, rest of file not read: RuntimeError: boom"


def test_read_documents_reports_a_file_without_records(tmp_path):
    path = tmp_path / "empty.xml"
    path.write_text("<PubmedArticleSet></PubmedArticleSet>")
    (skipped,) = read_documents([path])
    assert skipped.reason == "no documents found in file"
