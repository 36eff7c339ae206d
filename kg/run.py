"""The pipeline runner: the one place (with the CLI) that wires the stages together.

sources -> nlp -> linking -> relations -> assembly -> sinks, streaming document by document.
Every finished document is appended to a checkpoint in the output directory, so a killed
run restarted with the same arguments resumes where it stopped and yields the same graph.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.assembly import Assembler
from kg.config import PipelineConfig, load_pipeline
from kg.errors import KgError
from kg.sinks.kgx import KgxSink
from kg.types import AnnotatedDoc, Document, Graph, Mention, Relation, RunReport, Skipped, stable_hash

log = logging.getLogger(__name__)

CHECKPOINT = "checkpoint.jsonl"
SPOOL = "assembly.sqlite"  # evidence and mention counts while assembling (kg.assembly.spool)
REPORT = "report.json"
WORK_DIR = ".kg"


@dataclass
class BuildResult:
    graph: Graph
    report: RunReport
    out_dir: Path | None


class Stages:
    """The configured stages, loaded once (models load here, not per document)."""

    def __init__(self, config: PipelineConfig):
        from kg.nlp import NlpPipeline
        from kg.relations import RelationStage

        self.config = config
        self.nlp = NlpPipeline.from_config(config)
        self.relations = RelationStage.from_config(config)
        self.linker = None
        if config.nlp.linker:
            from kg.linking import Linker

            self.linker = Linker.open()

    def process(self, documents: Iterable[Document]) -> Iterator[tuple[Document, AnnotatedDoc | None, list[Relation], str | None]]:
        """Yields (document, annotated, relations, error) in input order; a failing document
        is reported with its error instead of stopping the batch."""
        batch: list[Document] = []
        size = max(1, self.config.nlp.batch_size)
        for doc in documents:
            batch.append(doc)
            if len(batch) >= size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, batch: list[Document]):
        try:
            annotated = list(self.nlp.pipe(batch))
        except Exception:  # noqa: BLE001 - isolate the failing document below
            annotated = []
            for doc in batch:
                try:
                    annotated.append(self.nlp.annotate(doc))
                except Exception as exc:  # noqa: BLE001
                    annotated.append(exc)
        for doc, adoc in zip(batch, annotated):
            if isinstance(adoc, Exception):
                yield doc, None, [], f"NLP failed: {type(adoc).__name__}: {adoc}"
                continue
            try:
                if self.linker is not None:
                    adoc = self.linker.link(adoc)
                yield doc, adoc, self.relations.extract(adoc), None
            except Exception as exc:  # noqa: BLE001
                yield doc, None, [], f"relation/linking stage failed: {type(exc).__name__}: {exc}"


class Checkpoint:
    """Append-only record of finished documents; a truncated last line (a kill) is ignored."""

    def __init__(self, directory: Path, fingerprint: str):
        self.path = directory / WORK_DIR / CHECKPOINT
        self.fingerprint = fingerprint
        self._handle = None

    def resume(self) -> list[dict]:
        """Entries of an unfinished run with the same fingerprint; otherwise starts afresh."""
        if not self.path.is_file():
            return []
        entries, header, complete = [], None, False
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    break  # the line a kill cut short
                if header is None:
                    header = record
                elif record.get("kind") == "complete":
                    complete = True
                else:
                    entries.append(record)
        if header is None or header.get("fingerprint") != self.fingerprint or complete:
            return []
        return entries

    def open(self, entries: list[dict]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = self.path.open("w", encoding="utf-8")
        self._write({"kind": "header", "fingerprint": self.fingerprint})
        for entry in entries:
            self._write(entry)

    def _write(self, record: dict) -> None:
        self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._handle.flush()

    def document(self, adoc: AnnotatedDoc, relations: list[Relation]) -> None:
        self._write({
            "kind": "doc",
            "document": adoc.document.model_dump(mode="json"),
            "mentions": [m.model_dump(mode="json") for m in adoc.mentions],
            "relations": [r.model_dump(mode="json") for r in relations],
        })

    def skipped(self, skipped: Skipped) -> None:
        self._write({"kind": "skipped", **skipped.model_dump(mode="json")})

    def complete(self) -> None:
        self._write({"kind": "complete"})
        self._handle.close()

    def close(self) -> None:
        if self._handle and not self._handle.closed:
            self._handle.close()


def fingerprint(inputs: list[Path], config: PipelineConfig) -> str:
    """Same input files (paths, sizes, mtimes) and same pipeline -> same fingerprint.

    The files are the ones the sources read (``expand_paths``: hidden files are not inputs)."""
    from kg.sources import expand_paths

    files = []
    for path in expand_paths(inputs):
        stat = path.stat()
        files.append((str(path.resolve()), stat.st_size, stat.st_mtime_ns))
    return stable_hash(config.model_dump_json(), files, length=32)


def replay(entry: dict) -> tuple[AnnotatedDoc, list[Relation]]:
    """A checkpoint entry back as the stage outputs the assembler takes."""
    adoc = AnnotatedDoc(document=Document(**entry["document"]), sentences=[],
                        mentions=[Mention(**m) for m in entry["mentions"]])
    return adoc, [Relation(**r) for r in entry["relations"]]


def build(
    inputs: list[Path],
    config: PipelineConfig | str = "default",
    out_dir: Path | None = None,
    on_progress: Callable[[str], None] | None = None,
    stages: Stages | None = None,
) -> BuildResult:
    """Reads the inputs, runs every stage and writes KGX + the run report to ``out_dir``."""
    from kg.sources import read_documents

    config = load_pipeline(config) if isinstance(config, str) else config
    started = time.perf_counter()
    report = RunReport()
    assembler = Assembler(spool_path=Path(out_dir) / WORK_DIR / SPOOL if out_dir else None)
    checkpoint = Checkpoint(Path(out_dir), fingerprint(inputs, config)) if out_dir else None
    done: set[str] = set()
    if checkpoint:
        entries = checkpoint.resume()
        for entry in entries:
            if entry["kind"] == "doc":
                adoc, relations = replay(entry)
                account(report, assembler, adoc, relations)
                done.add(adoc.document.id)
            else:
                count_skipped(report, Skipped(**{k: v for k, v in entry.items() if k != "kind"}))
                done.add(f"skipped:{entry.get('source')}:{entry.get('record')}")
        checkpoint.open(entries)
        if entries:
            log.info("resuming: %d documents already done", len(entries))

    def skip(item: Skipped) -> None:
        count_skipped(report, item)
        if checkpoint:
            checkpoint.skipped(item)

    def documents() -> Iterator[Document]:
        for item in read_documents(inputs):
            if isinstance(item, Skipped):
                if f"skipped:{item.source}:{item.record}" not in done:
                    skip(item)
                continue
            if item.id in done:
                continue
            for segment in item.dropped:
                report.dropped_segments.append({"doc_id": item.id, "source": item.source, **segment.model_dump()})
            problem = admit(item, config)
            if problem is not None:
                skip(problem)
                continue
            yield item

    stages = stages or Stages(config)
    try:
        for doc, adoc, relations, error in stages.process(documents()):
            if error is not None:
                skip(Skipped(source=doc.source, record=doc.id, reason=error))
            else:
                account(report, assembler, adoc, relations)
                if checkpoint:
                    checkpoint.document(adoc, relations)
            if on_progress:
                on_progress(doc.id)
    except KeyboardInterrupt:
        if checkpoint:
            checkpoint.close()
        raise
    graph = assembler.graph()
    report.count_entities(list(graph.entities.values()))
    report.count_edges(list(graph.edges.values()))
    report.seconds = round(time.perf_counter() - started, 3)
    if out_dir:
        KgxSink(Path(out_dir)).write(graph)
        (Path(out_dir) / REPORT).write_text(report.model_dump_json(indent=2), encoding="utf-8")
        checkpoint.complete()
    return BuildResult(graph=graph, report=report, out_dir=Path(out_dir) if out_dir else None)


def admit(document: Document, config: PipelineConfig) -> Skipped | None:
    """Why a read document is not fed to the models, or None: too long, or no text left."""
    if len(document.text) > config.nlp.max_chars:
        return Skipped(source=document.source, record=document.id,
                       reason=f"text too long: {len(document.text)} chars > max_chars {config.nlp.max_chars}")
    if not document.text.strip():
        return Skipped(source=document.source, record=document.id, reason="empty: no English title or abstract text")
    return None


def count_skipped(report: RunReport, item: Skipped) -> None:
    report.documents_read += 1
    report.skipped.append(item)
    if item.reason.startswith("duplicate"):
        report.duplicates += 1


def account(report: RunReport, assembler: Assembler, adoc: AnnotatedDoc, relations: list[Relation]) -> None:
    assembler.add(adoc, relations)
    report.documents_read += 1
    report.documents_built += 1
    report.mentions += len(adoc.mentions)
    report.relations += len(relations)


def ensure_inputs(inputs: list[Path]) -> None:
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise KgError(f"input not found: {', '.join(missing)}")
