"""``build_distributed``: the pipeline of ``kg.run.build`` sharded over a Dask cluster.

The driver plans shards (cheap byte scans), submits one task per unfinished shard to Dask
(a ``LocalCluster`` of worker processes, or an existing scheduler by address), and merges
the shard files in plan order into the Graph a single-process run builds. Dask does the
scheduling, retries and worker restarts; kg adds no job runner of its own.

Multi-node clusters: the inputs and the output directory must be on a filesystem every
worker shares, under the same paths (absolute paths are safest), and every worker needs kg
and its models installed (and ``$KG_HOME``'s terminology store, built on first use).
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kg.config import PipelineConfig, load_pipeline
from kg.distributed.merge import merge_shards
from kg.distributed.shards import DEFAULT_RECORDS_PER_SHARD, Shard, plan_shards
from kg.distributed.task import SHARD_SUFFIX, read_footer, run_shard, shard_file
from kg.errors import ConfigError, KgError
from kg.run import REPORT, SPOOL, WORK_DIR, BuildResult
from kg.sinks.kgx import KgxSink
from kg.types import stable_hash

log = logging.getLogger(__name__)

SHARDS_DIR = "shards"
TASK_RETRIES = 2  # a task that raises is re-run this often; a lost worker is handled by Dask itself
TASK_PREFIX = "kg-shard-"


def shards_dir(out_dir: Path) -> Path:
    return Path(out_dir) / WORK_DIR / SHARDS_DIR


@contextmanager
def dask_client(scheduler: str | None = None, workers: int = 2) -> Iterator[Any]:
    """A Dask client: to the scheduler at ``scheduler``, or to a new LocalCluster of
    ``workers`` single-threaded worker processes (closed on exit)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("the dask executor needs dask.distributed: pip install 'dask[distributed]'") from exc
    if scheduler:
        import dask

        try:  # the connect timeout is Dask's (DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT)
            client = Client(scheduler, timeout=dask.config.get("distributed.comm.timeouts.connect"))
        except (OSError, TimeoutError) as exc:
            raise KgError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        with client:
            yield client
        return
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {workers}")
    # One thread per worker process: spaCy holds the GIL, so processes are what scale.
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


def run_shards(
    client: Any, shards: list[Shard], config: PipelineConfig, shard_dir: Path,
    on_shard: Callable[[dict], None] | None = None,
) -> dict[str, str]:
    """Runs the shards on the cluster; returns {shard id: error} for shards that failed for good."""
    from dask.distributed import as_completed

    config_json = config.model_dump_json()
    # The key names the output too: two builds of the same input into different folders on
    # one cluster are different tasks.
    shard_dir = Path(shard_dir).resolve()  # workers may run in another directory
    target = stable_hash(str(shard_dir), length=8)
    futures = {
        client.submit(run_shard, shard, config_json, str(shard_dir), key=f"{TASK_PREFIX}{shard.id}-{target}",
                      retries=TASK_RETRIES, pure=False, priority=-shard.index): shard
        for shard in shards
    }
    failures: dict[str, str] = {}
    for future in as_completed(futures):
        shard = futures[future]
        if future.status != "finished":
            try:
                error = future.exception()
            except Exception as exc:  # noqa: BLE001 - cancelled: the scheduler dropped it
                error = exc
            failures[shard.id] = f"{type(error).__name__}: {error}"
            log.error("shard %s failed: %s", shard.label, failures[shard.id])
        elif read_footer(shard_file(shard_dir, shard), shard.id) is None:
            failures[shard.id] = (f"the driver cannot see the shard file {shard_file(shard_dir, shard)}: "
                                  "the output directory must be on a filesystem every worker shares")
        elif on_shard:
            on_shard(future.result())
        future.release()
    return failures


def _prune(shard_dir: Path, plan: list[Shard]) -> None:
    """Removes shard files of earlier plans (other inputs or pipeline) and killed tasks' temp files."""
    keep = {shard_file(shard_dir, shard).name for shard in plan}
    for path in shard_dir.iterdir():
        if path.name.endswith(".tmp") or (path.suffix == SHARD_SUFFIX and path.name not in keep):
            path.unlink(missing_ok=True)


def build_distributed(
    inputs: Iterable[str | Path],
    config: PipelineConfig | str = "default",
    out_dir: Path | str | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    *,
    records_per_shard: int = DEFAULT_RECORDS_PER_SHARD,
    on_shard: Callable[[dict], None] | None = None,
    client: Any = None,
) -> BuildResult:
    """``kg.run.build`` on Dask: the same Graph, KGX files and report.json.

    Shard files in ``out_dir/.kg/shards/`` that are complete are reused, not redone, so an
    interrupted build finishes when run again. ``on_shard`` gets each shard's summary
    (``reused`` True for a shard done by an earlier run). ``client``: an existing Dask
    client to use instead of ``scheduler``/``workers``.
    """
    config = load_pipeline(config) if isinstance(config, str) else config
    inputs = [Path(p) for p in inputs]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kg-shards-") as scratch:
        work = Path(out_dir) if out_dir is not None else Path(scratch)
        shard_dir = shards_dir(work)
        shard_dir.mkdir(parents=True, exist_ok=True)
        plan = plan_shards(inputs, config, records_per_shard)
        todo = []
        for shard in plan:
            footer = read_footer(shard_file(shard_dir, shard), shard.id)
            if footer is None:
                todo.append(shard)
            elif on_shard:
                on_shard({"shard": shard.id, "index": shard.index, "label": shard.label, "reused": True,
                          "documents": footer.get("documents", 0), "skipped": footer.get("skipped", 0),
                          "seconds": footer.get("seconds", 0.0)})
        log.info("%d shards, %d to run", len(plan), len(todo))
        failures: dict[str, str] = {}
        if todo:
            if config.nlp.linker and scheduler is None:
                from kg.linking.build import ensure_store

                ensure_store()  # built once here, not by every local worker at the same time
            if client is not None:
                failures = run_shards(client, todo, config, shard_dir, on_shard)
            else:
                with dask_client(scheduler, workers) as dask:
                    failures = run_shards(dask, todo, config, shard_dir, on_shard)
        # No output folder: the scratch folder goes away, so the graph stays in memory.
        spool = work / WORK_DIR / SPOOL if out_dir is not None else None
        graph, report = merge_shards(plan, shard_dir, failures, spool_path=spool)
        report.seconds = round(time.perf_counter() - started, 3)
        if out_dir is not None:
            KgxSink(work).write(graph)
            (work / REPORT).write_text(report.model_dump_json(indent=2), encoding="utf-8")
            if not failures:
                _prune(shard_dir, plan)
    return BuildResult(graph=graph, report=report, out_dir=Path(out_dir) if out_dir is not None else None)
