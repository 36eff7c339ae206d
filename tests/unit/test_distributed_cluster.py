"""kg.distributed on a Dask LocalCluster (2 single-threaded worker processes, no server).

The sharded build must give the graph of the single-process build (same KGX files, same
report counts), also when a worker process is killed while it runs a shard, and a re-run
must reuse the shard files already written.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="kg.distributed needs dask[distributed]")

from distributed import Client, LocalCluster, WorkerPlugin  # noqa: E402

from kg.config import load_pipeline  # noqa: E402
from kg.distributed import build_distributed, shards_dir  # noqa: E402
from kg.run import build  # noqa: E402

pytestmark = pytest.mark.slow  # starts worker processes that load the models: ~30-60 s in all

CONFIG = load_pipeline("default")
KGX_FILES = ("nodes.jsonl", "edges.jsonl", "documents.jsonl")
RECORDS_PER_SHARD = 4  # the larger files are split into record ranges too

ABSTRACTS = [
    ("Bone marrow MSCs relieve neuropathic pain",
     "Intrathecal bone marrow mesenchymal stem cells reduced reactive oxygen species and attenuated mechanical "
     "allodynia in rats with chronic constriction injury. BMSCs also decreased tumor necrosis factor-alpha in the "
     "spinal cord."),
    ("Exosomes from umbilical cord MSCs",
     "Exosomes secreted by umbilical cord mesenchymal stem cells suppressed interleukin-1 beta and reduced "
     "inflammation in the dorsal root ganglion after spared nerve injury in mice."),
    ("A negative result in spared nerve injury",
     "Adipose-derived stem cells did not reduce thermal hyperalgesia after spared nerve injury. Oxidative stress "
     "was not changed by the treatment."),
    ("Oxidative stress drives neuropathic pain",
     "Oxidative stress plays a key role in the development of neuropathic pain. Reactive oxygen species activate "
     "microglial cells and increase interleukin-6 in the spinal cord."),
    ("Intravenous MSCs in diabetic neuropathy",
     "Intravenous mesenchymal stem cells improved nerve regeneration and decreased malondialdehyde in "
     "streptozotocin-induced diabetic neuropathy in rats."),
    ("Paclitaxel-induced neuropathy",
     "Paclitaxel induced mechanical allodynia and increased tumor necrosis factor-alpha. Bone marrow stromal cells "
     "reversed the allodynia and increased interleukin-10."),
    ("Heme oxygenase-1 and MSCs",
     "Mesenchymal stem cells increased heme oxygenase-1 and superoxide dismutase in the sciatic nerve, which may "
     "reduce lipid peroxidation after nerve injury."),
    ("Secretome of ADSCs",
     "The secretome of adipose-derived mesenchymal stem cells inhibited NF-kappa B and decreased cyclooxygenase-2 "
     "in macrophages."),
    ("BDNF in nerve regeneration",
     "Brain-derived neurotrophic factor released by Schwann cells promoted myelination and nerve regeneration "
     "after sciatic nerve injury."),
    ("Gabapentin versus MSCs",
     "Gabapentin reduced allodynia in rats with spinal nerve ligation, whereas mesenchymal stem cells reduced "
     "both allodynia and glial activation."),
    ("Oxaliplatin neuropathy and antioxidants",
     "Oxaliplatin increased reactive oxygen species in the dorsal root ganglion. Antioxidants attenuated the "
     "hyperalgesia induced by oxaliplatin."),
    ("TRPV1 and central sensitization",
     "Mesenchymal stem cells decreased TRPV1 in dorsal root ganglion neurons and reduced central sensitization "
     "in a model of peripheral neuropathy."),
    ("Intranasal MSCs and microglia",
     "Intranasal mesenchymal stem cells suppressed microglial cells in the brain and decreased interleukin-1 beta "
     "after spinal cord injury."),
    ("Mitochondria transfer",
     "Bone marrow mesenchymal stem cells transferred mitochondria to injured neurons and reduced mitochondrial "
     "dysfunction and apoptosis."),
    ("Nrf2 signalling",
     "Mesenchymal stem cells activated nuclear factor erythroid 2-related factor 2 and increased glutathione, "
     "thereby reducing oxidative stress in the sciatic nerve."),
    ("Cisplatin and NGF",
     "Cisplatin decreased nerve growth factor in the sciatic nerve. Mesenchymal stem cells increased nerve growth "
     "factor and improved nerve conduction."),
    ("Vincristine and astrocytes",
     "Vincristine activated astrocytes in the spinal cord and induced mechanical allodynia in rats."),
    ("Morphine tolerance",
     "Mesenchymal stem cells reduced morphine tolerance and decreased inducible nitric oxide synthase in the "
     "spinal cord of rats with chronic constriction injury."),
    ("Extracellular vesicles and pain",
     "Extracellular vesicles from mesenchymal stem cells alleviated pain and reduced inflammation after nerve "
     "injury in mice."),
    ("Clinical pilot",
     "In a pilot study, intrathecal mesenchymal stem cells reduced pain in patients with spinal cord injury "
     "compared with placebo."),
]


def write_corpus(root: Path) -> list[Path]:
    """Four JSON Lines files of 5-6 abstracts, with a cross-file duplicate and a broken line."""
    root.mkdir(parents=True, exist_ok=True)
    records = [{"id": f"PMID:{4000 + i}", "title": t, "abstract": a, "year": 2015 + i % 10}
               for i, (t, a) in enumerate(ABSTRACTS)]
    files = []
    for n in range(4):
        chunk = records[n * 5:(n + 1) * 5]
        lines = [json.dumps(r, ensure_ascii=False) for r in chunk]
        if n == 2:
            lines.insert(2, "{this line is not JSON")
            lines.append(json.dumps({**records[0], "title": "Duplicate of part 0"}))
        path = root / f"part{n}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    return [root]


def kgx(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text(encoding="utf-8") for name in KGX_FILES}


def counts(report) -> dict:
    data = report.model_dump(exclude={"seconds", "skipped"})
    data["skipped"] = sorted((s.source, s.record or "", s.reason) for s in report.skipped)
    return data


def assert_same_build(result, out: Path, reference) -> None:
    ref_result, ref_out = reference
    assert kgx(out) == kgx(ref_out)  # nodes, edges with evidence, documents: byte for byte
    assert result.graph == ref_result.graph
    assert counts(result.report) == counts(ref_result.report)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    result = build(corpus, CONFIG, out_dir=out)
    assert result.report.documents_built == len(ABSTRACTS)
    assert result.report.duplicates == 1 and len(result.graph.edges) >= 10
    return result, out


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as dask_client:
            dask_client.wait_for_workers(2, timeout=120)
            yield dask_client


# First, before the module's cluster starts: this one starts a LocalCluster of its own.
def test_kg_build_executor_dask_on_its_own_local_cluster(corpus, reference, tmp_path):
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli.main", "build", *map(str, corpus), "--out", str(tmp_path), "--no-load", "-q",
         "--executor", "dask", "--workers", "2"],
        capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 2, proc.stderr[-3000:]  # built; the broken line and the duplicate are reported
    assert kgx(tmp_path) == kgx(reference[1])
    assert len(list(shards_dir(tmp_path).glob("*.jsonl"))) == 4  # one shard per file (default shard size)


def test_bench_reports_scaling_efficiency_and_memory_per_worker():
    from kg.distributed.bench import run

    result = run(2, 16, corpus="generated")
    assert result["n"] == 16 and set(result["runs"]) == {"1", "2"}
    assert all(r["documents"] == 16 for r in result["runs"].values())
    assert 0 < result["scaling_efficiency"] <= 1
    assert result["docs_per_s_1_worker"] > 0 and result["docs_per_s_2_workers"] > 0
    assert len(result["runs"]["2"]["peak_rss_mb_per_worker"]) == 2 and result["peak_rss_mb_per_worker"] > 50
    assert result["projection"]["cores_for_under_one_day"] >= 1
    assert len(result["load_average"]["before"]) == 3


def test_sharded_build_equals_the_local_build(client, corpus, reference, tmp_path):
    shards: list[dict] = []
    result = build_distributed(corpus, CONFIG, tmp_path, scheduler=client.scheduler.address,
                               records_per_shard=RECORDS_PER_SHARD, on_shard=shards.append)
    assert len(shards) == 8 and not any(s["reused"] for s in shards)  # 4 files, each split in two
    assert len({s["pid"] for s in shards}) == 2  # both workers took part
    assert_same_build(result, tmp_path, reference)
    assert json.loads((tmp_path / "report.json").read_text())["documents_built"] == len(ABSTRACTS)


def test_a_rerun_reuses_the_shard_files(client, corpus, reference, tmp_path):
    build_distributed(corpus, CONFIG, tmp_path, client=client, records_per_shard=RECORDS_PER_SHARD)
    rerun: list[dict] = []
    result = build_distributed(corpus, CONFIG, tmp_path, client=client, records_per_shard=RECORDS_PER_SHARD,
                               on_shard=rerun.append)
    assert len(rerun) == 8 and all(s["reused"] for s in rerun)
    assert_same_build(result, tmp_path, reference)
    # A shard lost (or never finished) is the only one redone.
    files = sorted(shards_dir(tmp_path).glob("*.jsonl"))
    assert len(files) == 8
    files[3].unlink()
    partial: list[dict] = []
    result = build_distributed(corpus, CONFIG, tmp_path, client=client, records_per_shard=RECORDS_PER_SHARD,
                               on_shard=partial.append)
    assert sorted(s["reused"] for s in partial) == [False] + [True] * 7
    assert_same_build(result, tmp_path, reference)


class KillOnce(WorkerPlugin):
    """Kills its own worker process (SIGKILL) when the first kg shard starts executing anywhere
    in the cluster; the marker file makes it happen once."""

    name = "kg-test-kill-once"

    def __init__(self, marker: str):
        self.marker = marker

    def transition(self, key, start, finish, **kwargs):
        if finish != "executing" or not str(key).startswith("kg-shard-"):
            return
        try:
            os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
        with open(self.marker, "w") as handle:
            handle.write(f"{os.getpid()} {key}")
        os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_killed_mid_run_still_gives_the_same_graph(client, corpus, reference, tmp_path):
    marker = tmp_path / "killed"
    pids_before = set(client.run(os.getpid).values())
    client.register_plugin(KillOnce(str(marker)))
    try:
        shards: list[dict] = []
        result = build_distributed(corpus, CONFIG, tmp_path / "out", client=client,
                                   records_per_shard=RECORDS_PER_SHARD, on_shard=shards.append)
    finally:
        client.unregister_worker_plugin(KillOnce.name)
    killed_pid, killed_key = marker.read_text().split()
    assert int(killed_pid) in pids_before  # a worker really died while running a shard ...
    assert any(killed_key.startswith(f"kg-shard-{s['shard']}-") for s in shards)  # ... whose shard was redone
    assert len(shards) == 8 and int(killed_pid) not in {s["pid"] for s in shards}
    assert_same_build(result, tmp_path / "out", reference)
    assert not list(shards_dir(tmp_path / "out").glob("*.tmp"))


def test_a_shard_that_keeps_failing_is_reported_not_lost(client, tmp_path):
    from kg.distributed import plan_shards, run_shards
    from kg.distributed.merge import merge_shards

    path = tmp_path / "gone.jsonl"
    path.write_text(json.dumps({"id": "PMID:1", "title": "t", "abstract": "MSCs reduced ROS."}) + "\n")
    plan = plan_shards([path], CONFIG)
    path.unlink()  # gone between planning and running: the task raises, is retried, fails for good
    failures = run_shards(client, plan, CONFIG, tmp_path / "shards")
    assert list(failures) == [plan[0].id] and "gone.jsonl" in failures[plan[0].id]
    _, report = merge_shards(plan, tmp_path / "shards", failures)
    assert report.documents_read == 1 and report.documents_built == 0
    assert "shard failed on the cluster" in report.skipped[0].reason
