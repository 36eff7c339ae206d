"""Property tests: no input bytes crash a reader, and every record comes out as Document or Skipped."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.sources import (
    SOURCES,
    BioCJsonSource,
    JsonLinesSource,
    PubTatorSource,
    read_annotations,
    read_documents,
)
from kg.sources.annotations import AnnotatedDocument
from kg.sources.clean import _joins_previous, clean_aligned, clean_text
from kg.types import Document, Skipped

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"
FIXTURE_FILES = sorted(p for p in FIXTURES.iterdir() if p.is_file())
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _write(data: bytes, name: str) -> Path:
    # hypothesis reruns a test body many times; tmp_path would be shared between examples
    directory = Path(tempfile.mkdtemp(prefix="kg-sources-"))
    path = directory / name
    path.write_bytes(data)
    return path


def _all_records(path: Path) -> list:
    items = list(read_documents([path]))
    assert items, "a file always yields at least one item"
    assert all(isinstance(i, (Document, Skipped)) for i in items)
    for item in items:
        if isinstance(item, Document):
            assert item.text.strip()
            assert "\u200b" not in item.text and "\x00" not in item.text
    return items


@FAST
@given(data=st.binary(max_size=3000), source=st.sampled_from(SOURCES))
def test_random_bytes_never_crash_a_reader(data, source):
    path = _write(data, "input" + source.suffixes[0])
    items = list(source(path).records())
    assert all(isinstance(i, (Document, Skipped)) for i in items)
    _all_records(path)


@FAST
@given(
    fixture=st.sampled_from(FIXTURE_FILES),
    cut=st.floats(min_value=0.0, max_value=1.0),
    noise=st.binary(max_size=40),
    where=st.floats(min_value=0.0, max_value=1.0),
)
def test_damaged_fixtures_never_crash(fixture, cut, noise, where):
    """Truncate a real fixture and splice random bytes into it."""
    data = fixture.read_bytes()
    data = data[: int(len(data) * max(cut, 0.05))]
    at = int(len(data) * where)
    _all_records(_write(data[:at] + noise + data[at:], fixture.name))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=12), st.integers(), st.none()),
        "pmid": st.integers(min_value=-5, max_value=10**9),
        "title": st.one_of(st.text(max_size=80), json_values),
        "abstract": st.one_of(st.text(max_size=300), st.lists(st.text(max_size=30), max_size=3), json_values),
        "year": json_values,
        "journal": json_values,
    },
)


@FAST
@given(lines=st.lists(st.one_of(records.map(json.dumps), json_values.map(json.dumps), st.text(max_size=50)), max_size=8))
def test_every_jsonl_line_is_a_document_or_skipped(lines):
    lines = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    path = _write("\n".join(lines).encode("utf-8", "surrogatepass"), "records.jsonl")
    items = list(JsonLinesSource(path).records())
    # one item per non-blank line (a text line made of odd whitespace may count as blank)
    non_blank = [line for line in lines if line.encode("utf-8", "surrogatepass").strip()]
    if any("\x00" in line for line in lines):
        assert [i.reason for i in items] == ["binary file (contains NUL bytes)"]
    else:
        assert len(items) == len(non_blank)


plain_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="|\n\r\t"), max_size=120
)


@FAST
@given(title=plain_text, abstract=plain_text, picks=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 60)), max_size=6))
def test_pubtator_gold_offsets_follow_cleaning(title, abstract, picks):
    """Mentions on arbitrary (dirty) text land on the same words in Document.text."""
    raw = f"{title} {abstract}"
    joins = _joins_previous()
    lines = [f"1|t|{title}", f"1|a|{abstract}"]
    expected = []
    for start, length in picks:
        start = min(start, len(raw))
        end = min(start + length, len(raw))
        clean_boundaries = all(i >= len(raw) or raw[i] not in joins for i in (start, end))
        one_field = end <= len(title) or start > len(title)  # gold never spans title and abstract
        if end > start and clean_boundaries and one_field and raw[start:end].strip():
            lines.append(f"1\t{start}\t{end}\t{raw[start:end]}\tChemical\tD000001")
            expected.append(clean_text(raw[start:end]))
    path = _write("\n".join(lines).encode(), "gold.pubtator")
    (item,) = read_annotations(path)
    if isinstance(item, Skipped):
        # blank text, or so many control characters that the file looks binary
        assert item.reason.startswith(("empty", "binary file"))
        return
    assert isinstance(item, AnnotatedDocument)
    found = [item.document.text[m.start : m.end] for m in item.mentions]
    assert found == expected
    assert [d.text for d in PubTatorSource(path).records()] == [item.document.text]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_clean_aligned_agrees_with_clean_text(text):
    cleaned, where = clean_aligned(text)
    assert cleaned == clean_text(text)
    assert len(where) == len(text) + 1
    assert where[0] == 0 and where[-1] == len(cleaned)
    assert all(a <= b for a, b in zip(where, where[1:]))
    assert clean_text(cleaned) == cleaned  # idempotent


@FAST
@given(documents=st.lists(st.fixed_dictionaries({"id": st.text(max_size=6), "passages": json_values}), max_size=4))
def test_bioc_json_odd_documents_never_crash(documents):
    path = _write(json.dumps({"documents": documents}).encode(), "odd.bioc.json")
    items = list(BioCJsonSource(path).records())
    assert len(items) == len(documents)
    assert all(isinstance(i, (Document, Skipped)) for i in items)
