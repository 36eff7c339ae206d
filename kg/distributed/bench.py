"""Scaling benchmark of the Dask executor (``kg bench --executor dask --workers N``).

The same abstracts (one JSON Lines file, split into record-range shards) are built on a
LocalCluster of 1 worker and of N workers, each a single-threaded process. Models are loaded
on every worker before the clock starts (a fixed cost per worker, not throughput); the clock
stops when the last shard is written; the merge is timed separately, since on a real cluster
it runs once on the driver. ``scaling_efficiency`` = docs/s with N / (N x docs/s with 1).

Wall time on a shared machine also counts other programs' share of the cores, so the
workers' CPU seconds are measured too: ``docs_per_cpu_s`` is what a dedicated core does and
``cpu_scaling_efficiency`` = CPU time on 1 worker / CPU time on N (the parallel overhead).
The PubMed projections (wall-clock and dedicated-core) assume the measured efficiency holds
on a larger cluster: shards are independent, and the scheduler is not the bottleneck at
seconds to minutes per task. The merge runs once, in memory, on the driver: its rate and
the driver's memory growth are projected too.
"""

from __future__ import annotations

import math
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

from kg.config import PipelineConfig, load_pipeline
from kg.distributed.runner import build_distributed, dask_client
from kg.distributed.task import warm_up
from kg.errors import ConfigError

PUBMED_ABSTRACTS = 36_000_000
REFERENCE_CORES = 64
TARGET_EFFICIENCY = 0.8
SHARDS_PER_WORKER = 4  # enough tasks that a worker never idles while another finishes


def _documents(corpus: str | None, n: int) -> tuple[str, list]:
    from kg.bench import bench_documents

    if corpus is not None:
        return corpus, bench_documents(corpus, n)
    try:
        return "biored", bench_documents("biored", n)
    except ConfigError:  # no ../shared corpora here: generated abstracts (named in the result)
        return "generated", bench_documents("generated", n)


def measure(path: Path, config: PipelineConfig, workers: int, records_per_shard: int, out_dir: Path) -> dict[str, Any]:
    """One timed build of ``path`` on a fresh LocalCluster of ``workers`` processes."""
    config_json = config.model_dump_json()
    if config.nlp.linker:
        from kg.linking.build import ensure_store

        ensure_store()
    with dask_client(None, workers) as client:
        client.wait_for_workers(workers)
        addresses = sorted(client.scheduler_info()["workers"])
        warm = client.gather([
            client.submit(warm_up, config_json, workers=[address], allow_other_workers=False, pure=False,
                          key=f"kg-warm-up-{i}")
            for i, address in enumerate(addresses)
        ])
        finished: list[dict] = []
        driver = psutil.Process()
        driver_rss = driver.memory_info().rss
        cpu_before = sum(client.run(time.process_time).values())
        started = time.perf_counter()
        result = build_distributed([path], config, out_dir, client=client, records_per_shard=records_per_shard,
                                   on_shard=lambda s: finished.append({**s, "at": time.perf_counter() - started}))
        total = time.perf_counter() - started
        worker_cpu = sum(client.run(time.process_time).values()) - cpu_before
        merged_rss = driver.memory_info().rss
        graph_mb = (merged_rss - driver_rss) / 2**20
    processing = max(s["at"] for s in finished)
    built = result.report.documents_built
    peak: dict[str, float] = {}
    for info in [*warm, *finished]:
        if info.get("pid") is not None:
            peak[str(info["pid"])] = max(peak.get(str(info["pid"]), 0.0), info.get("peak_rss_mb", 0.0))
    return {
        "workers": workers,
        "documents": built,
        "shards": len(finished),
        "processing_seconds": round(processing, 3),
        "merge_seconds": round(total - processing, 3),
        "docs_per_s": round(built / processing, 2),
        # CPU seconds all workers spent: on a busy machine wall time also counts other
        # programs' share of the cores; docs per CPU second is what a dedicated core does.
        "worker_cpu_seconds": round(worker_cpu, 3),
        "docs_per_cpu_s": round(built / max(worker_cpu, 1e-6), 2),
        "merge_docs_per_s": round(built / max(total - processing, 1e-6), 1),
        "model_load_seconds": max(w["load_seconds"] for w in warm),
        "peak_rss_mb_per_worker": sorted(peak.values()),
        # The driver's RSS growth while merging: entities and edge keys (evidence and mention
        # counts are spooled to disk), so it follows the graph's vocabulary, not the documents.
        "driver_graph_mb": round(graph_mb, 1),
        "edges": len(result.graph.edges),
        "entities": len(result.graph.entities),
    }


def projection(per_core_docs_per_s: float, efficiency: float, merge_docs_per_s: float | None = None) -> dict[str, Any]:
    """Cores and hours for all of PubMed at the measured per-core rate and efficiency."""
    efficiency = min(1.0, max(efficiency, 1e-6))
    rate = per_core_docs_per_s * efficiency  # docs/s each core adds on a cluster
    cores_for_a_day = math.ceil(PUBMED_ABSTRACTS / (rate * 86_400)) if rate else None
    hours_on_reference = PUBMED_ABSTRACTS / (rate * REFERENCE_CORES) / 3600 if rate else None
    result = {
        "abstracts": PUBMED_ABSTRACTS,
        "assumed_efficiency": round(efficiency, 3),
        "core_hours": round(PUBMED_ABSTRACTS / per_core_docs_per_s / 3600, 1) if per_core_docs_per_s else None,
        "cores_for_under_one_day": cores_for_a_day,
        f"hours_on_{REFERENCE_CORES}_cores": round(hours_on_reference, 1) if hours_on_reference else None,
        f"under_one_day_on_{REFERENCE_CORES}_cores": bool(hours_on_reference and hours_on_reference < 24),
    }
    if merge_docs_per_s:
        result["merge_hours_single_process"] = round(PUBMED_ABSTRACTS / merge_docs_per_s / 3600, 1)
    return result


def run(
    workers: int,
    n: int,
    *,
    corpus: str | None = None,
    pipeline: str = "default",
    records_per_shard: int | None = None,
) -> dict[str, Any]:
    """Builds ``n`` abstracts with 1 and with ``workers`` workers; documents/s, scaling
    efficiency, peak RSS per worker, per-core throughput and the PubMed projection."""
    if workers < 1 or n < 1:
        raise ConfigError("--workers and --n must be at least 1")
    config = load_pipeline(pipeline)
    corpus, documents = _documents(corpus, n)
    load_before = os.getloadavg()
    runs: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="kg-dask-bench-") as tmp:
        from kg.bench import write_jsonl

        path = Path(tmp) / "abstracts.jsonl"
        write_jsonl(documents, path)
        per_shard = records_per_shard or max(1, math.ceil(len(documents) / (SHARDS_PER_WORKER * workers)))
        for count in sorted({1, workers}):
            runs[count] = measure(path, config, count, per_shard, Path(tmp) / f"out-{count}")
    single, scaled = runs[1], runs[workers]
    efficiency = scaled["docs_per_s"] / (workers * single["docs_per_s"]) if single["docs_per_s"] else 0.0
    # Work efficiency: CPU time for the same documents on 1 vs N workers (parallel overhead only).
    cpu_efficiency = single["worker_cpu_seconds"] / scaled["worker_cpu_seconds"] if scaled["worker_cpu_seconds"] else 0.0
    peak_rss = max(rss for r in runs.values() for rss in r["peak_rss_mb_per_worker"]) if runs else 0.0
    from kg.bench import machine

    return {
        "executor": "dask",
        "corpus": corpus,
        "pipeline": config.name,
        "n": len(documents),
        "workers": workers,
        "records_per_shard": per_shard,
        "docs_per_s_1_worker": single["docs_per_s"],
        f"docs_per_s_{workers}_workers": scaled["docs_per_s"],
        "docs_per_s": scaled["docs_per_s"],
        "scaling_efficiency": round(min(efficiency, 1.0), 3),
        "scaling_efficiency_raw": round(efficiency, 3),
        "cpu_scaling_efficiency": round(min(cpu_efficiency, 1.0), 3),
        "docs_per_cpu_s_1_worker": single["docs_per_cpu_s"],
        "per_core_docs_per_s": single["docs_per_s"],
        "per_core_docs_per_s_at_n_workers": round(scaled["docs_per_s"] / workers, 2),
        "peak_rss_mb_per_worker": peak_rss,
        "runs": {str(k): v for k, v in runs.items()},
        "projection": projection(single["docs_per_s"], efficiency, scaled["merge_docs_per_s"]),
        # The same on dedicated cores: per-core rate from CPU time, efficiency from CPU time.
        "projection_dedicated_cores": projection(single["docs_per_cpu_s"], cpu_efficiency,
                                                 scaled["merge_docs_per_s"]),
        "target_efficiency": TARGET_EFFICIENCY,
        "meets_target": efficiency >= TARGET_EFFICIENCY,
        "load_average": {"before": [round(x, 2) for x in load_before],
                         "after": [round(x, 2) for x in os.getloadavg()]},
        "machine": machine(),
    }
