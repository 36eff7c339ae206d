"""The pipeline sharded on Dask (``kg build --executor dask``): plan shards, run them on a
cluster with the models loaded once per worker, merge them into the single-process graph."""

from kg.distributed.runner import build_distributed, dask_client, run_shards, shards_dir
from kg.distributed.shards import DEFAULT_RECORDS_PER_SHARD, Shard, plan_shards, read_shard

__all__ = [
    "DEFAULT_RECORDS_PER_SHARD",
    "Shard",
    "build_distributed",
    "dask_client",
    "plan_shards",
    "read_shard",
    "run_shards",
    "shards_dir",
]
