"""Merging shard files into one Graph and RunReport, as a single-process run builds them.

Shards are read in plan order and their entries in file order, which is the record order
of a single-process run, so the assembler sees the same documents in the same order and
names, evidence order and report counts come out the same. A document id met again in a
later shard is reported as a duplicate of the first, exactly as ``kg.sources.read_documents``
does within one process.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.assembly import Assembler
from kg.distributed.shards import Shard
from kg.distributed.task import read_info, shard_file
from kg.errors import KgError
from kg.run import account, count_skipped, replay
from kg.sources import DUPLICATE_REASON
from kg.types import Graph, RunReport, Skipped


def shard_entries(path: Path) -> Iterator[dict]:
    """The record entries of a finished shard file (header and footer left out)."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as exc:
                raise KgError(f"{path}: line {number}: damaged shard file ({exc.msg}); delete it and re-run") from exc
            if entry.get("kind") in ("doc", "skipped"):
                yield entry


class ShardMerger:
    """Feed it shard files in plan order; ``finish()`` gives the Graph and the RunReport."""

    def __init__(self, spool_path: Path | None = None) -> None:
        self.assembler = Assembler(spool_path)
        self.report = RunReport()
        self._first_seen: dict[str, str] = {}  # document id -> where it was first read

    def _first_read(self, info: dict) -> bool:
        """Registers a read document; False (and a duplicate reported) when its id was read before."""
        first = self._first_seen.get(info["id"])
        if first is not None:
            count_skipped(self.report, Skipped(source=info["source"], record=info["record"],
                                                reason=f"{DUPLICATE_REASON} {first}"))
            return False
        self._first_seen[info["id"]] = info["location"]
        for segment in info["dropped"]:
            self.report.dropped_segments.append({"doc_id": info["id"], "source": info["source"], **segment})
        return True

    def add_shard(self, path: Path) -> None:
        for entry in shard_entries(path):
            if entry["kind"] == "doc":
                adoc, relations = replay(entry)
                if self._first_read(read_info(adoc.document)):
                    account(self.report, self.assembler, adoc, relations)
                continue
            read = entry.get("read")
            if read is not None and not self._first_read(read):
                continue
            count_skipped(self.report, Skipped(source=entry["source"], record=entry.get("record"),
                                                reason=entry["reason"]))

    def add_failure(self, shard: Shard, error: str) -> None:
        """A shard the cluster could not finish: reported, so nothing is lost silently."""
        count_skipped(self.report, Skipped(
            source=shard.path, record=None if shard.kind == "file" else shard.label.removeprefix(shard.path).strip(),
            reason=f"shard failed on the cluster, re-run to retry it: {error}"))

    def finish(self) -> tuple[Graph, RunReport]:
        graph = self.assembler.graph()
        self.report.count_entities(list(graph.entities.values()))
        self.report.count_edges(list(graph.edges.values()))
        return graph, self.report


def merge_shards(plan: list[Shard], shard_dir: Path, failures: dict[str, str] | None = None,
                 spool_path: Path | None = None) -> tuple[Graph, RunReport]:
    failures = failures or {}
    merger = ShardMerger(spool_path)
    for shard in plan:
        if shard.id in failures:
            merger.add_failure(shard, failures[shard.id])
        else:
            merger.add_shard(shard_file(shard_dir, shard))
    return merger.finish()
