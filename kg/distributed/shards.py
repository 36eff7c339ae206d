"""Shard planning and shard reading.

A shard is one unit of Dask work: a whole input file, or a record range of a large JSON Lines
file or uncompressed PubMed XML file. Planning only scans bytes (lines, article tags), it
parses nothing. The plan's order (file order as ``kg.sources.expand_paths`` gives it, then
range order) is the order records have in a single-process run, and the merge follows it.

A shard's id hashes the pipeline config, the file (path, size, mtime) and the range, so a
shard file written by an earlier run is reused only for the same input and pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.config import PipelineConfig
from kg.errors import InputError
from kg.sources import JsonLinesSource, PubMedXmlSource, detect_source, expand_paths, read_documents
from kg.sources.base import SNIFF_BYTES
from kg.sources.clean import binary_kind
from kg.types import Document, Skipped, stable_hash

# Records per shard when a file is split: minutes of work per task with the fast pipeline,
# small enough that a lost worker costs little, large enough that task overhead does not show.
DEFAULT_RECORDS_PER_SHARD = 2000
WHOLE_FILE = "file"
JSONL_LINES = "jsonl-lines"
PUBMED_ARTICLES = "pubmed-articles"
_ARTICLE_TAGS = (b"<PubmedArticle>", b"<PubmedBookArticle>")
_SCAN_BLOCK = 1 << 24


@dataclass(frozen=True)
class Shard:
    """One task's input. ``start``/``end``: byte offsets (JSON Lines) or article indexes
    (PubMed XML); ``end`` None means to the end of the file."""

    id: str
    index: int  # position in the plan = merge order
    path: str  # as expand_paths gives it: Document.source is built from it
    kind: str = WHOLE_FILE
    start: int = 0
    end: int | None = None
    first_line: int = 1  # JSON Lines: number of the line at ``start``
    first_record: int = 0  # records of the file before this range
    records: int | None = None  # planned record count; None when the file was not scanned

    @property
    def label(self) -> str:
        if self.kind == WHOLE_FILE:
            return self.path
        last = f"{self.first_record + self.records}" if self.records is not None else "end"
        return f"{self.path} records {self.first_record + 1}-{last}"


def config_fingerprint(config: PipelineConfig) -> str:
    return stable_hash(config.model_dump_json(), length=32)


def plan_shards(
    inputs: Iterable[str | Path], config: PipelineConfig, records_per_shard: int = DEFAULT_RECORDS_PER_SHARD
) -> list[Shard]:
    """The shards of ``inputs`` in merge order. Missing inputs raise ``InputError``."""
    records_per_shard = max(1, records_per_shard)
    pipeline = config_fingerprint(config)
    shards: list[Shard] = []
    for path in expand_paths(inputs):
        try:
            stat = path.stat()
            identity: tuple = (str(path), str(path.resolve()), stat.st_size, stat.st_mtime_ns)
        except OSError:
            identity = (str(path), str(path.absolute()), -1, -1)  # the reader reports why
        for kind, start, end, first_line, first_record, records in _ranges(path, records_per_shard):
            shard_id = stable_hash(pipeline, *identity, kind, start, end, length=24)
            shards.append(Shard(id=shard_id, index=len(shards), path=str(path), kind=kind, start=start,
                                end=end, first_line=first_line, first_record=first_record, records=records))
    return shards


def _ranges(path: Path, per_shard: int) -> list[tuple[str, int, int | None, int, int, int | None]]:
    whole = [(WHOLE_FILE, 0, None, 1, 0, None)]
    try:
        source = detect_source(path)
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except (InputError, OSError):
        return whole  # the reader reports the problem from the worker
    if isinstance(source, JsonLinesSource) and binary_kind(head) is None:
        return _jsonl_ranges(path, per_shard) or whole
    if isinstance(source, PubMedXmlSource) and head[:2] != b"\x1f\x8b":
        return _pubmed_ranges(path, per_shard) or whole
    return whole  # gzipped PubMed (one baseline file = one shard), PubTator, BioC, text


def _jsonl_ranges(path: Path, per_shard: int) -> list:
    """Byte ranges starting at line starts, ``per_shard`` non-blank lines each."""
    starts: list[tuple[int, int, int]] = []  # (byte offset, line number, records before)
    offset = records = 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                if records % per_shard == 0:
                    starts.append((offset, number, records))
                records += 1
            offset += len(raw)
    if len(starts) < 2:
        return []
    ranges = []
    for i, (start, line, before) in enumerate(starts):
        last = i + 1 == len(starts)
        end = None if last else starts[i + 1][0]
        count = (records if last else starts[i + 1][2]) - before
        ranges.append((JSONL_LINES, 0 if i == 0 else start, end, line if i else 1, before, count))
    return ranges


def _count_articles(path: Path) -> int:
    count, tail = 0, b""
    keep = max(len(tag) for tag in _ARTICLE_TAGS) - 1
    with path.open("rb") as handle:
        while block := handle.read(_SCAN_BLOCK):
            window = tail + block
            count += sum(window.count(tag) for tag in _ARTICLE_TAGS)
            tail = window[-keep:]  # too short to hold a whole tag: nothing is counted twice
    return count


def _pubmed_ranges(path: Path, per_shard: int) -> list:
    """Article index ranges; the last is open-ended so whatever the parser finds beyond the
    counted tags (or the note about a broken file) still belongs to exactly one shard."""
    articles = _count_articles(path)
    if articles <= per_shard:
        return []
    ranges = []
    for start in range(0, articles, per_shard):
        last = start + per_shard >= articles
        ranges.append((PUBMED_ARTICLES, start, None if last else start + per_shard, 1, start,
                       (articles - start) if last else per_shard))
    return ranges


# --- reading one shard (on a worker) -------------------------------------------------------


class _JsonLinesRange(JsonLinesSource):
    """The lines of one byte range, numbered as in the whole file."""

    def __init__(self, shard: Shard):
        super().__init__(shard.path)
        self.shard = shard

    def records(self) -> Iterator[Document | Skipped]:
        handle = self.open_binary()
        if isinstance(handle, Skipped):
            yield handle
            return
        with handle:
            try:
                handle.seek(self.shard.start)
                offset = self.shard.start
                for number, raw in enumerate(handle, start=self.shard.first_line):
                    if self.shard.end is not None and offset >= self.shard.end:
                        break
                    offset += len(raw)
                    if raw.strip():
                        yield self._record(number, raw)
            except OSError as exc:
                yield self.skipped(f"read error: {exc.strerror or exc}", "after last good line")


_OUTSIDE = object()  # an article of another shard: parsed (the parser must), not built


class _PubMedRange(PubMedXmlSource):
    """The articles ``start <= index < end`` of a PubMed XML file."""

    def __init__(self, shard: Shard):
        super().__init__(shard.path)
        self.shard = shard
        self._seen = 0

    def _article(self, element):  # noqa: ANN001 - lxml element
        index = self._seen
        self._seen += 1
        if index < self.shard.start or (self.shard.end is not None and index >= self.shard.end):
            return _OUTSIDE
        return super()._article(element)

    def records(self) -> Iterator[Document | Skipped]:
        self._seen = 0
        items = super().records()
        built = False
        while True:
            seen = self._seen
            try:
                item = next(items)
            except StopIteration:
                return
            if self._seen == seen:
                # Not an article: the reader's note about where the file broke. It belongs to
                # the shard whose range holds the break.
                if seen >= self.shard.start and (self.shard.end is None or seen < self.shard.end):
                    if self.shard.start > 0 and not built:
                        # The note names the last good article, which an earlier shard read.
                        # Rare (broken right at this range's start): read the whole file for it.
                        *_, item = PubMedXmlSource(self.path).records()
                    yield item
                return
            if item is _OUTSIDE:
                if self.shard.end is not None and self._seen > self.shard.end:
                    items.close()
                    return
                continue
            built = built or isinstance(item, Document)
            yield item


def read_shard(shard: Shard) -> Iterator[Document | Skipped]:
    """The shard's records in file order, as ``kg.sources.read_documents`` gives them.

    A whole file goes through ``read_documents`` itself (its reader choice, duplicate check
    within the file and failure handling). A range repeats that failure handling; duplicates
    across ranges and files are resolved when the shards are merged.
    """
    if shard.kind == WHOLE_FILE:
        yield from read_documents([shard.path])
        return
    source = _JsonLinesRange(shard) if shard.kind == JSONL_LINES else _PubMedRange(shard)
    count = 0
    try:
        for item in source.records():
            count += 1
            yield item
    except Exception as exc:  # noqa: BLE001 - as read_documents: one broken file must not end the run
        yield Skipped(
            source=source.name,
            record=f"after record {shard.first_record + count}",
            reason=f"reader failed, rest of file not read: {type(exc).__name__}: {exc}",
        )

