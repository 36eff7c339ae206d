"""Text hygiene and the language test shared by all readers."""

from __future__ import annotations

import unicodedata

import pytest

from kg.sources.base import document_id
from kg.sources.clean import binary_kind, clean_aligned, clean_text, decode_utf8
from kg.sources.language import detect_language, is_english


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("TNF-α and IL-1β", "TNF-α and IL-1β"),  # Greek letters stay
        ("10 µg of Ca²⁺", "10 µg of Ca²⁺"),  # no NFKC: micro sign and superscripts stay
        ("ﬁbrosis and ﬂow", "fibrosis and flow"),  # ligatures spelled out
        ("cafe\u0301", "café"),  # NFC
        ("zero\u200bwidth\ufeff soft\u00adhyphen\u2060", "zerowidth softhyphen"),
        ("tab\there\r\nnext\rline\x07bell", "tab here\nnext\nlinebell"),
        ("non\u00a0breaking\u2009thin", "non breaking thin"),
        ("para\u2029graph", "para\ngraph"),
        ("lone \ud800 surrogate", "lone  surrogate"),
    ],
)
def test_clean_text(raw, cleaned):
    assert clean_text(raw) == cleaned
    assert clean_aligned(raw)[0] == cleaned


def test_clean_aligned_maps_spans():
    raw = "Curcumin\u200b attenuates \ufb01brosis and cafe\u0301 TNF-\u03b1."
    text, where = clean_aligned(raw)
    assert len(where) == len(raw) + 1
    for word in ("Curcumin", "attenuates", "TNF-\u03b1"):
        start = raw.index(word)
        assert text[where[start] : where[start + len(word)]] == word
    start = raw.index("\ufb01brosis")
    assert text[where[start] : where[start + len("\ufb01brosis")]] == "fibrosis"
    start = raw.index("cafe\u0301")
    assert text[where[start] : where[start + 5]] == "café"


def test_clean_text_keeps_text_already_clean():
    text = "Mesenchymal stem cells (MSCs) reduce ROS.\nSecond paragraph."
    assert clean_text(text) == text
    assert clean_aligned(text) == (text, list(range(len(text) + 1)))
    assert unicodedata.is_normalized("NFC", clean_text("A\u0301\u0323 \u1100\u1161\u11a8"))


@pytest.mark.parametrize(
    ("head", "why"),
    [
        (b"%PDF-1.4\n", "binary file (PDF)"),
        (b"PK\x03\x04rest", "binary file (ZIP/Office)"),
        (b"abc\x00def", "binary file (contains NUL bytes)"),
        (b"\xff\xfeS\x00", "UTF-16 encoded text (re-save it as UTF-8)"),
        (bytes(range(1, 32)) * 10, "binary file (mostly control bytes)"),
        (b"{}\n\x1f", None),  # a few odd bytes in a tiny file are not evidence
        ("plain text, Größe, 间充质".encode(), None),
        (b"", None),
    ],
)
def test_binary_kind(head, why):
    assert binary_kind(head) == why


def test_decode_utf8_names_byte_and_line():
    assert decode_utf8("\ufeffBOM is dropped".encode("utf-8")) == ("BOM is dropped", None)
    text, why = decode_utf8(b"line one\nline \xff two")
    assert text is None
    assert why == "not UTF-8: invalid byte 0xff at byte 14 (line 2)"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Neuropathic pain, a chronic condition resulting from somatosensory system damage, remains a "
         "significant clinical challenge.", "en"),
        ("TNF-α, IL-1β and IL-6 were reduced by BMSCs in the DRG.", "en"),
        ("神经性疼痛是一种由体感系统损伤引起的慢性疾病。", "zh"),
        ("間葉系幹細胞は神経障害性疼痛を軽減した。", "ja"),
        ("중간엽 줄기세포는 신경병성 통증을 감소시켰다.", "ko"),
        ("Мезенхимальные стволовые клетки уменьшают нейропатическую боль.", "ru"),
        ("Las células madre mesenquimales redujeron el dolor neuropático en los pacientes.", "es"),
        ("Les cellules souches mésenchymateuses réduisent la douleur neuropathique dans les modèles.", "fr"),
        ("Mesenchymale Stammzellen reduzieren den neuropathischen Schmerz und die Entzündung.", "de"),
        ("Results", "und"),
        ("BRCA1 BRCA2 TP53 KRAS EGFR HER2 MYC", "und"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_is_english_keeps_short_and_unclear_text():
    assert is_english("Results")
    assert is_english("BRCA1 BRCA2 TP53 KRAS EGFR HER2 MYC")
    assert not is_english("神经性疼痛是一种由体感系统损伤引起的慢性疾病。")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("123", "PMID:123"),
        (123, "PMID:123"),
        ("PMID: 0042", "PMID:42"),
        ("pubmed:77", "PMID:77"),
        ("doi:10.1000/ABC.1.", "DOI:10.1000/abc.1"),
        ("https://doi.org/10.1000/xyz", "DOI:10.1000/xyz"),
        ("PMC123456", "PMC123456"),
        ("  custom-id\u200b ", "custom-id"),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_document_id(raw, expected):
    assert document_id(raw) == expected
