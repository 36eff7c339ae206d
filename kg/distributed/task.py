"""The per-shard task that Dask runs on a worker.

It reads one shard, runs NLP, linking and relation extraction with the stages of
``kg.run.Stages`` (loaded once per worker process and cached), and writes the shard's
results as JSON Lines in ``kg.run.Checkpoint``'s entry format. The file is written under a
temporary name and renamed when complete, so a shard file that exists is finished: a task
killed mid-way leaves only a temporary file, and a re-run (or Dask's retry) redoes the shard.
Tasks are pure: the same shard gives the same file, so a retry or a duplicate run is harmless.

Shard file lines: ``header`` (shard id and label), then one entry per record in file order
(``doc``: document, mentions, relations; ``skipped``: source, record, reason, plus ``read``
for a document that was read but not built, which the merge needs to find duplicates), then
``complete`` with the counts.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import uuid
from collections import deque
from pathlib import Path
from typing import IO, Any

from kg.config import PipelineConfig
from kg.distributed.shards import Shard, read_shard
from kg.errors import InputError
from kg.run import admit
from kg.types import Document, Skipped, stable_hash

SHARD_SUFFIX = ".jsonl"
_STAGES: dict[str, Any] = {}
_STAGES_LOCK = threading.Lock()


def shard_file(shard_dir: str | Path, shard: Shard) -> Path:
    return Path(shard_dir) / f"{shard.id}{SHARD_SUFFIX}"


def worker_stages(config_json: str) -> tuple[Any, float]:
    """This process's ``kg.run.Stages`` for the config, loaded on first use; (stages, load seconds)."""
    from kg.run import Stages

    key = stable_hash(config_json, length=32)
    with _STAGES_LOCK:  # a worker with several threads loads the models once
        if key in _STAGES:
            return _STAGES[key], 0.0
        started = time.perf_counter()
        _STAGES[key] = Stages(PipelineConfig.model_validate_json(config_json))
        return _STAGES[key], time.perf_counter() - started


def read_info(document: Document) -> dict:
    """What the merge needs of a document that was read, to report a later duplicate of it
    the way ``kg.sources.read_documents`` does and to keep its dropped segments."""
    record = document.metadata.get("record")
    return {
        "id": document.id,
        "source": document.source,
        "record": f"{document.id} ({record})" if record else document.id,
        "location": f"{document.source} ({record})" if record else document.source,
        "dropped": [segment.model_dump(mode="json") for segment in document.dropped],
    }


def _skipped_entry(item: Skipped, document: Document | None = None) -> dict:
    entry = {"kind": "skipped", **item.model_dump(mode="json")}
    if document is not None:
        entry["read"] = read_info(document)
    return entry


def _write(handle: IO[str], record: dict) -> None:
    handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _process(shard: Shard, stages: Any, handle: IO[str]) -> dict[str, int]:
    """Writes one entry per record in file order; returns the counts."""
    config: PipelineConfig = stages.config
    pending: deque[dict | None] = deque()  # entries in record order; None = a document in the models
    counts = {"documents": 0, "skipped": 0}

    def documents():
        for item in read_shard(shard):
            if isinstance(item, Skipped):
                pending.append(_skipped_entry(item))
                continue
            if (problem := admit(item, config)) is not None:
                pending.append(_skipped_entry(problem, item))
                continue
            pending.append(None)
            yield item

    def flush_skipped() -> None:
        while pending and pending[0] is not None:
            _write(handle, pending.popleft())
            counts["skipped"] += 1

    for document, adoc, relations, error in stages.process(documents()):
        flush_skipped()
        pending.popleft()  # this document's place
        if error is not None:
            _write(handle, _skipped_entry(Skipped(source=document.source, record=document.id, reason=error), document))
            counts["skipped"] += 1
            continue
        _write(handle, {
            "kind": "doc",
            "document": adoc.document.model_dump(mode="json"),
            "mentions": [m.model_dump(mode="json") for m in adoc.mentions],
            "relations": [r.model_dump(mode="json") for r in relations],
        })
        counts["documents"] += 1
    flush_skipped()
    return counts


def read_footer(path: Path, shard_id: str) -> dict | None:
    """The ``complete`` line of a finished shard file of this shard; None when there is none."""
    try:
        with path.open("rb") as handle:
            header = json.loads(handle.readline())
            size = path.stat().st_size
            handle.seek(max(0, size - 65536))
            last = handle.read().rstrip(b"\n").rsplit(b"\n", 1)[-1]
        footer = json.loads(last)
    except (OSError, ValueError):
        return None
    if not isinstance(header, dict) or header.get("shard") != shard_id:
        return None
    return footer if isinstance(footer, dict) and footer.get("kind") == "complete" else None


def _peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1 << 20 if sys.platform == "darwin" else 1 << 10), 1)  # bytes on macOS, KiB on Linux


def _worker_address() -> str | None:
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return None


def run_shard(shard: Shard, config_json: str, shard_dir: str) -> dict:
    """Process one shard into ``shard_dir/<shard id>.jsonl`` (skipped if that file is complete).

    Returns a summary: counts, seconds, model load seconds, worker, pid and peak RSS.
    """
    target = shard_file(shard_dir, shard)
    summary = {"shard": shard.id, "index": shard.index, "label": shard.label, "pid": os.getpid(),
               "worker": _worker_address(), "load_seconds": 0.0}
    if (footer := read_footer(target, shard.id)) is not None:
        return {**summary, **_counts(footer), "reused": True, "peak_rss_mb": _peak_rss_mb()}
    if not Path(shard.path).exists():
        raise InputError("input not found on this worker (inputs must be on a filesystem every worker shares)",
                         path=shard.path)
    stages, load_seconds = worker_stages(config_json)
    started = time.perf_counter()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{shard.id}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            _write(handle, {"kind": "header", "shard": shard.id, "label": shard.label})
            counts = _process(shard, stages, handle)
            seconds = round(time.perf_counter() - started, 3)
            _write(handle, {"kind": "complete", **counts, "seconds": seconds})
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)  # atomic: the shard file is either absent or complete
    finally:
        tmp.unlink(missing_ok=True)
    return {**summary, **counts, "seconds": seconds, "load_seconds": round(load_seconds, 3), "reused": False,
            "peak_rss_mb": _peak_rss_mb()}


def _counts(footer: dict) -> dict:
    return {"documents": footer.get("documents", 0), "skipped": footer.get("skipped", 0),
            "seconds": footer.get("seconds", 0.0)}


def warm_up(config_json: str) -> dict:
    """Loads the stages on this worker; the benchmark times processing without model loading."""
    _, load_seconds = worker_stages(config_json)
    return {"pid": os.getpid(), "worker": _worker_address(), "load_seconds": round(load_seconds, 3),
            "peak_rss_mb": _peak_rss_mb()}
