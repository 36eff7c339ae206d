"""``kg bench``: throughput of the pipeline, its NER step and the loader, and peak memory.

One run measures, on the same abstracts (a public corpus from ../shared/data/corpora or
generated ones):

* the whole pipeline (sources -> nlp -> linking -> relations -> assembly), documents/s and
  words/s, and the share of its time each stage took;
* the NER step alone: the pipeline's entity recognisers (the ``kg_ner`` model slots and the
  curated lexicon, after the tokenizer) over the same texts; ``pipeline_vs_ner`` is pipeline
  throughput / NER throughput (target >= 0.5);
* the loader (:class:`kg.sinks.neo4j.Neo4jSink`) against a raw ``UNWIND ... MERGE`` of the
  same rows through the driver, each into a clean database; ``loader_vs_raw`` is loader
  rows/s / raw rows/s (target >= 0.8);
* peak RSS, and with ``memory_check`` the peak RSS of separate processes building n1 and n2
  documents (streaming keeps it flat: target within 20 %).
"""

from __future__ import annotations

import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import ConfigError, KgError, StoreError
from kg.types import Document, Graph

CORPORA = ("biored", "bc5cdr", "generated")
# PubTator files of each corpus, read in this order until n documents are collected.
CORPUS_FILES = {
    "biored": ("biored/Train.PubTator", "biored/Dev.PubTator"),
    "bc5cdr": ("bc5cdr/CDR_TrainingSet.PubTator.txt", "bc5cdr/CDR_DevelopmentSet.PubTator.txt",
               "bc5cdr/CDR_TestSet.PubTator.txt"),
}
TARGETS = {"pipeline_vs_ner": 0.5, "loader_vs_raw": 0.8, "rss_ratio_max": 1.2}
_WORD = re.compile(r"\w+")


# -- inputs ------------------------------------------------------------------------------
def shared_dir() -> Path:
    """``$KG_SHARED_DIR`` or the ``shared`` folder beside the repository."""
    env = os.environ.get("KG_SHARED_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def corpus_documents(corpus: str, n: int, root: Path | None = None) -> list[Document]:
    """The first ``n`` documents of a public corpus (PubTator text through kg.sources)."""
    from kg.sources import PubTatorSource  # noqa: PLC0415

    if corpus not in CORPUS_FILES:
        raise ConfigError(f"unknown corpus {corpus!r}; choose one of {', '.join(CORPORA)}")
    base = (root or shared_dir()) / "data" / "corpora"
    files = [base / f for f in CORPUS_FILES[corpus]]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise ConfigError(f"corpus {corpus!r} not found ({missing[0]}); set KG_SHARED_DIR or use --corpus generated")
    docs: list[Document] = []
    for path in files:
        for item in PubTatorSource(path).records():
            if isinstance(item, Document) and item.text.strip():
                docs.append(item)
                if len(docs) == n:
                    return docs
    return docs


def _lexicon_terms() -> dict[str, list[str]]:
    """Surface forms of the curated lexicon by category, so generated text has entities."""
    from kg.config import load_pipeline  # noqa: PLC0415

    config = load_pipeline("default")
    terms: dict[str, list[str]] = defaultdict(list)
    for rel in config.nlp.lexicon:
        with config.resolve(rel).open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip() and not line.lstrip().startswith("#"):
                    entry = json.loads(line)
                    terms[entry["category"]].extend([entry["name"], *entry.get("synonyms", [])[:2]])
    return dict(terms)


_AGENT = ("Cell", "ChemicalEntity", "GeneOrGeneProduct", "CellularComponent")
_TARGET = ("ChemicalEntity", "GeneOrGeneProduct", "BiologicalProcess", "PhenotypicFeature")
_CONDITION = ("Disease", "PhenotypicFeature")
_CLAIMS = (
    "{a} significantly reduced {t} in the injured nerve.",
    "Treatment with {a} decreased {t} and improved mechanical withdrawal thresholds.",
    "{a} increased {t} compared with vehicle-treated animals.",
    "{a} did not reduce {t} at any dose tested.",
    "These findings suggest that {a} may inhibit {t}.",
    "{a} alleviated {c} in a dose-dependent manner.",
    "{t} was associated with the severity of {c}.",
    "Elevated {t} contributes to the development of {c}.",
    "{a} promoted {t} after transplantation.",
    "{t} was suppressed by {a} within seven days.",
)
_FILLER = (
    "Male Sprague-Dawley rats were randomly assigned to four groups of ten animals each.",
    "Behavioural tests were performed before surgery and on days 3, 7, 14 and 21 after injury.",
    "Tissue samples were collected and analysed by western blot, ELISA and immunohistochemistry.",
    "Data are presented as mean and standard deviation and compared by two-way analysis of variance.",
    "The study was approved by the institutional animal care committee.",
    "Further clinical studies are needed to confirm the safety and efficacy of this approach.",
)


def generate_documents(n: int, seed: int = 13) -> Iterator[Document]:
    """``n`` synthetic abstracts (~170 words) built from lexicon terms and claim templates.

    Deterministic for a given ``seed``; ids ``GEN:<i>``. They exercise every stage (entities,
    relations, negation, hedging) with a bounded vocabulary, so graph size stays bounded
    while the evidence grows with ``n``.
    """
    terms = _lexicon_terms()

    def pick(rng: random.Random, categories: tuple[str, ...]) -> str:
        pool = [t for c in categories for t in terms.get(c, ())]
        return rng.choice(pool) if pool else "the treatment"

    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        agent = pick(rng, _AGENT)
        title = f"Effects of {agent} on {pick(rng, _CONDITION)}: an experimental study"
        sentences = []
        for _ in range(rng.randint(7, 9)):
            template = rng.choice(_CLAIMS)
            a = agent if rng.random() < 0.5 else pick(rng, _AGENT)
            sentence = template.format(a=a, t=pick(rng, _TARGET), c=pick(rng, _CONDITION))
            sentences.append(sentence[0].upper() + sentence[1:])
        sentences[1:1] = rng.sample(_FILLER, 4)
        yield Document(id=f"GEN:{i}", title=title, abstract=" ".join(sentences), year=2020 + i % 5,
                       source="kg.bench:generated")


def bench_documents(corpus: str, n: int) -> list[Document]:
    if n < 1:
        raise ConfigError("--n must be at least 1")
    if corpus == "generated":
        return list(generate_documents(n))
    return corpus_documents(corpus, n)


def write_jsonl(documents: Iterable[Document], path: Path) -> int:
    """Write documents as kg JSON Lines input; returns the count."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for doc in documents:
            handle.write(json.dumps({"id": doc.id, "title": doc.title, "abstract": doc.abstract,
                                     "year": doc.year}, ensure_ascii=False) + "\n")
            count += 1
    return count


# -- measurements ------------------------------------------------------------------------
def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


class _Timer:
    """Accumulates wall time spent inside wrapped calls and generators."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def call(self, fn):
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
        return timed

    def generator(self, fn):
        def timed(*args, **kwargs):
            iterator = iter(fn(*args, **kwargs))
            while True:
                start = time.perf_counter()
                try:
                    item = next(iterator)
                except StopIteration:
                    self.seconds += time.perf_counter() - start
                    return
                self.seconds += time.perf_counter() - start
                yield item
        return timed


@dataclass
class PipelineTiming:
    documents: int
    words: int
    seconds: float
    stage_seconds: dict[str, float]
    graph: Graph = field(repr=False)
    cpu_seconds: float = 0.0  # this process's CPU time: less sensitive to a busy machine

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def time_pipeline(documents: list[Document], stages, workdir: Path) -> PipelineTiming:
    """The whole pipeline on ``documents`` (read back from a JSON Lines file, so source
    parsing counts), with time per stage from wrappers around the stage objects."""
    from kg.run import build as run_build  # noqa: PLC0415

    path = workdir / "bench-input.jsonl"
    write_jsonl(documents, path)
    nlp_timer, link_timer, rel_timer = _Timer(), _Timer(), _Timer()
    originals = (stages.nlp.pipe, stages.relations.extract, stages.linker.link if stages.linker else None)
    stages.nlp.pipe = nlp_timer.generator(stages.nlp.pipe)
    stages.relations.extract = rel_timer.call(stages.relations.extract)
    if stages.linker is not None:
        stages.linker.link = link_timer.call(stages.linker.link)
    try:
        start, cpu_start = time.perf_counter(), time.process_time()
        result = run_build([path], stages.config, out_dir=None, stages=stages)
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    finally:
        # Instance attributes shadowed the methods; deleting them restores the originals.
        del stages.nlp.pipe, stages.relations.extract
        if originals[2] is not None:
            del stages.linker.link
    built = result.report.documents_built
    if built != len(documents):
        raise KgError(f"benchmark pipeline built {built} of {len(documents)} documents: "
                      f"{[s.reason for s in result.report.skipped[:3]]}")
    stage = {"nlp": nlp_timer.seconds, "linking": link_timer.seconds, "relations": rel_timer.seconds}
    stage["sources_assembly_other"] = max(0.0, seconds - sum(stage.values()))
    return PipelineTiming(documents=len(documents), words=sum(count_words(d.text) for d in documents),
                          seconds=seconds, stage_seconds=stage, graph=result.graph, cpu_seconds=cpu_seconds)


def ner_components(nlp) -> list[str]:
    """The pipes that recognise entities: configured NER model slots and the lexicon."""
    return [name for name in nlp.pipe_names if name.startswith("kg_ner") or name == "kg_lexicon"]


def time_ner(documents: list[Document], stages) -> dict[str, Any]:
    """The NER step alone: tokenizer + entity recognisers over the same texts."""
    nlp = stages.nlp.nlp
    components = ner_components(nlp)
    models = [getattr(nlp.get_pipe(name), "model_name", name) for name in components if name.startswith("kg_ner")]
    texts = [d.text for d in documents]
    batch = max(1, stages.config.nlp.batch_size)
    with nlp.select_pipes(enable=components):
        start, cpu_start = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=batch):
            pass
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    words = sum(count_words(t) for t in texts)
    return {
        "components": components,
        "models": models,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu_seconds, 3),
        "docs_per_s": round(len(texts) / seconds, 2) if seconds else 0.0,
        "words_per_s": round(words / seconds, 1) if seconds else 0.0,
    }


# -- loader vs raw -----------------------------------------------------------------------
def load_rows(graph: Graph) -> dict[str, list[tuple[str, list[dict[str, Any]]]]]:
    """The rows the loader writes, grouped the way it writes them (kind -> [(group, rows)])."""
    from kg.sinks.neo4j import edge_row, entity_row, evidence_row  # noqa: PLC0415
    from kg.vocab import Category, RelationType  # noqa: PLC0415

    entities: dict[str, list[dict]] = defaultdict(list)
    for entity in graph.entities.values():
        entities[entity.category.value].append(entity_row(entity))
    edges: dict[str, list[dict]] = defaultdict(list)
    evidence: dict[str, dict] = {}
    for edge in graph.edges.values():
        edges[edge.type.value].append(edge_row(edge))
        for ev in edge.evidence:
            row = evidence_row(ev, edge)
            evidence[row["id"]] = row
    return {
        "documents": [("Document", [{"id": d.id, "props": {"title": d.title, "year": d.year, "source": d.source}}
                                    for d in graph.documents.values()])],
        "entities": [(c.value, entities[c.value]) for c in Category if entities.get(c.value)],
        "edges": [(t.value, edges[t.value]) for t in RelationType if edges.get(t.value)],
        "evidence": [("Evidence", list(evidence.values()))],
        "mentions": [("MENTIONED_IN", [{"entity": e, "doc": d, "count": c}
                                       for (e, d), c in graph.mentions.items() if e in graph.entities])],
    }


def count_rows(rows: dict[str, list[tuple[str, list[dict]]]]) -> int:
    return sum(len(r) for groups in rows.values() for _, r in groups)


def raw_statement(kind: str, group: str) -> str:
    """Plain UNWIND ... MERGE per kind; labels and types come from kg.vocab groups only."""
    if kind == "documents":
        return "UNWIND $rows AS row MERGE (d:Document {id: row.id}) SET d += row.props"
    if kind == "entities":
        return (f"UNWIND $rows AS row MERGE (n:Entity:{group} {{id: row.id}}) "
                "SET n.name = row.name, n.category = row.category, n.biolink_category = row.biolink_category, "
                "n.synonyms = row.synonyms, n.xrefs = row.xrefs, n.mention_count = row.mention_count")
    if kind == "edges":
        return ("UNWIND $rows AS row MATCH (s:Entity {id: row.subject}) MATCH (o:Entity {id: row.object}) "
                f"MERGE (s)-[r:{group} {{id: row.id}}]->(o) SET r += row.props, r += row.initial")
    if kind == "evidence":
        return ("UNWIND $rows AS row MERGE (ev:Evidence {id: row.id}) SET ev += row.props "
                "MERGE (d:Document {id: row.props.doc_id}) MERGE (ev)-[:FROM_DOCUMENT]->(d)")
    if kind == "mentions":
        return ("UNWIND $rows AS row MATCH (e:Entity {id: row.entity}) MERGE (d:Document {id: row.doc}) "
                "MERGE (e)-[m:MENTIONED_IN]->(d) SET m.count = row.count")
    raise ValueError(kind)


def raw_load(driver, database: str | None, rows: dict[str, list[tuple[str, list[dict]]]],
             batch_size: int) -> dict[str, float]:
    """The same rows, in the same batches, as bare driver transactions; seconds per kind."""
    seconds: dict[str, float] = {}
    with driver.session(database=database) as session:
        for kind in ("documents", "entities", "edges", "evidence", "mentions"):
            start = time.perf_counter()
            for group, group_rows in rows[kind]:
                statement = raw_statement(kind, group)
                for first in range(0, len(group_rows), batch_size):
                    chunk = group_rows[first:first + batch_size]
                    session.execute_write(lambda tx, s=statement, c=chunk: tx.run(s, rows=c).consume())
            seconds[kind] = time.perf_counter() - start
    return seconds


def _node_count(store) -> int:
    return store.query("MATCH (n) RETURN count(n) AS n")[0]["n"]


def clear_store(store) -> None:
    while store.query("MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n", write=True)[0]["n"]:
        pass


def time_loader(graph: Graph, store, batch_size: int = 1000, rounds: int = 5) -> dict[str, Any]:
    """Loader vs raw UNWIND MERGE on ``store`` (must start empty; left empty).

    A warm-up load first (schema, server JIT), then ``rounds`` alternating timed runs of
    each into the emptied database; the best run of each counts. The loader goes first in each
    round, so with three rounds its best run still carried the server's JIT warm-up (0.70-0.78
    vs 0.87-0.89 with five on the same data).
    """
    from kg.sinks.neo4j import Neo4jSink  # noqa: PLC0415

    if _node_count(store) != 0:
        raise StoreError(f"the benchmark needs an empty database at {store.uri}; "
                         "it writes and deletes data (use a scratch database, or no --neo4j for a temporary store)")
    rows = load_rows(graph)
    total = count_rows(rows)
    phases: dict[str, float] = defaultdict(float)
    last = [0.0]

    def progress(what: str, _n: int) -> None:
        # Time since the previous batch, credited to this batch's kind ("DECREASES edges" -> "edges").
        now = time.perf_counter()
        phases[what.rsplit(" ", 1)[-1]] += now - last[0]
        last[0] = now

    sink = Neo4jSink(store.driver, database=store.database, batch_size=batch_size, uri=store.uri, progress=progress)
    loader_s: list[float] = []
    raw_s: list[float] = []
    best_phases: dict[str, float] = {}
    raw_phases: dict[str, float] = {}
    try:
        sink.load(graph)  # warm-up; also creates constraints and indexes for both
        clear_store(store)
        for _ in range(rounds):
            phases.clear()
            start = last[0] = time.perf_counter()
            sink.load(graph)
            loader_s.append(time.perf_counter() - start)
            if loader_s[-1] == min(loader_s):
                # What follows the last batch: edge aggregates and mention counts recomputed
                # from the stored evidence (work a raw MERGE does not do).
                best_phases = {**phases, "aggregates_after_last_batch": loader_s[-1] - sum(phases.values())}
            clear_store(store)
            start = time.perf_counter()
            kinds = raw_load(store.driver, store.database, rows, batch_size)
            raw_s.append(time.perf_counter() - start)
            if raw_s[-1] == min(raw_s):
                raw_phases = kinds
            clear_store(store)
    finally:
        clear_store(store)
    loader, raw = min(loader_s), min(raw_s)
    return {
        "rows": total,
        "rows_by_kind": {k: sum(len(r) for _, r in v) for k, v in rows.items()},
        "batch_size": batch_size,
        "loader_seconds": round(loader, 3),
        "raw_seconds": round(raw, 3),
        "loader_rows_per_s": round(total / loader, 1) if loader else 0.0,
        "raw_rows_per_s": round(total / raw, 1) if raw else 0.0,
        "loader_vs_raw": round(min(1.0, raw / loader), 3) if loader else 0.0,
        "loader_vs_raw_unclipped": round(raw / loader, 3) if loader else 0.0,
        "loader_phase_seconds": {k: round(v, 3) for k, v in best_phases.items()},
        "raw_phase_seconds": {k: round(v, 3) for k, v in raw_phases.items()},
    }


def _store_settings(neo4j: str | None, home: Path):
    from kg.store import StoreSettings  # noqa: PLC0415

    if neo4j:
        settings = StoreSettings.resolve(uri=neo4j)
        if settings.password is None:
            raise ConfigError(f"no password for {settings.uri}: set NEO4J_PASSWORD")
        return settings
    # A fresh embedded store in a temporary KG_HOME: never the user's graph.
    return StoreSettings(home=home)


# -- memory check ------------------------------------------------------------------------
def memory_probe(n: int, corpus: str = "generated", pipeline: str = "default") -> dict[str, Any]:
    """Build ``n`` documents through ``kg.run.build`` (reading from a file, writing KGX and the
    checkpoint like ``kg build --no-load``) and report this process's peak RSS."""
    from kg.run import build as run_build  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="kg-bench-mem-") as tmp:
        path = Path(tmp) / "input.jsonl"
        if corpus == "generated":
            write_jsonl(generate_documents(n), path)  # streamed to disk, never all in memory
        else:
            write_jsonl(corpus_documents(corpus, n), path)
        start = time.perf_counter()
        result = run_build([path], pipeline, out_dir=Path(tmp) / "out")
        seconds = time.perf_counter() - start
    return {"n": n, "documents_built": result.report.documents_built, "seconds": round(seconds, 2),
            "peak_rss_mb": peak_rss_mb(), "entities": len(result.graph.entities), "edges": len(result.graph.edges)}


def memory_check(sizes: tuple[int, int], corpus: str = "generated", pipeline: str = "default") -> dict[str, Any]:
    """Peak RSS of separate processes building ``sizes[0]`` and ``sizes[1]`` documents."""
    probes = []
    for n in sizes:
        proc = subprocess.run(
            [sys.executable, "-m", "kg.bench", "--memory-probe", str(n), "--corpus", corpus, "--pipeline", pipeline],
            capture_output=True, text=True, check=False,
        )
        if proc.returncode != 0:
            raise KgError(f"memory probe for {n} documents failed: {proc.stderr.strip()[-500:]}")
        probes.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    ratio = probes[1]["peak_rss_mb"] / probes[0]["peak_rss_mb"] if probes[0]["peak_rss_mb"] else 0.0
    return {"corpus": corpus, "probes": probes, "rss_ratio": round(ratio, 3),
            "flat": ratio <= TARGETS["rss_ratio_max"]}


def parse_sizes(value: str) -> tuple[int, int]:
    """``"1000,10000"`` -> (1000, 10000)."""
    try:
        first, second = (int(part) for part in value.split(","))
    except ValueError:
        raise ConfigError(f"--memory-check expects N1,N2 (e.g. 1000,10000), got {value!r}") from None
    if not 0 < first < second:
        raise ConfigError(f"--memory-check needs 0 < N1 < N2, got {value!r}")
    return first, second


# -- the whole run -----------------------------------------------------------------------
def machine() -> dict[str, Any]:
    import psutil  # noqa: PLC0415

    return {
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        # Other programs share the cores: wall-clock figures are only as good as this.
        "load_average_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }


def run_bench(
    n: int = 200,
    corpus: str = "biored",
    pipeline: str = "default",
    neo4j: str | None = None,
    executor: str = "local",
    workers: int = 2,
    batch_size: int = 1000,
    memory: tuple[int, int] | None = None,
    load: bool = True,
) -> dict[str, Any]:
    """Every measurement of one benchmark run, as a JSON-friendly dict."""
    if corpus not in CORPORA:
        raise ConfigError(f"unknown corpus {corpus!r}; choose one of {', '.join(CORPORA)}")
    if executor == "dask":
        return _dask_bench(n=n, workers=workers, corpus=corpus, pipeline=pipeline)
    if executor != "local":
        raise ConfigError(f"unknown executor {executor!r} (local or dask)")
    from kg.config import load_pipeline  # noqa: PLC0415
    from kg.run import Stages  # noqa: PLC0415

    config = load_pipeline(pipeline)
    documents = bench_documents(corpus, n)
    start = time.perf_counter()
    stages = Stages(config)
    model_load_s = time.perf_counter() - start
    # Warm-up on a few documents: first-call costs (lazy tables, caches) are not throughput.
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        time_pipeline(documents[: min(5, len(documents))], stages, Path(tmp))
        ner = time_ner(documents, stages)
        pipe = time_pipeline(documents, stages, Path(tmp))
    result: dict[str, Any] = {
        "corpus": corpus,
        "documents": pipe.documents,
        "words": pipe.words,
        "pipeline": config.name,
        "model_load_seconds": round(model_load_s, 2),
        "pipeline_seconds": round(pipe.seconds, 3),
        "pipeline_docs_per_s": round(pipe.docs_per_s, 2),
        "pipeline_words_per_s": round(pipe.words_per_s, 1),
        "ner": ner,
        "ner_docs_per_s": ner["docs_per_s"],
        "ner_words_per_s": ner["words_per_s"],
        "pipeline_vs_ner": round(min(1.0, pipe.docs_per_s / ner["docs_per_s"]), 3) if ner["docs_per_s"] else 0.0,
        # The same ratio from CPU seconds (NER CPU / pipeline CPU): on a shared machine wall
        # time also counts other programs' share of the cores.
        "pipeline_cpu_seconds": round(pipe.cpu_seconds, 3),
        "pipeline_vs_ner_cpu": round(min(1.0, ner["cpu_seconds"] / pipe.cpu_seconds), 3) if pipe.cpu_seconds else 0.0,
        "stage_share": {k: round(v / pipe.seconds, 3) for k, v in pipe.stage_seconds.items()} if pipe.seconds else {},
        "relation_share": round(pipe.stage_seconds["relations"] / pipe.seconds, 3) if pipe.seconds else 0.0,
        "entities": len(pipe.graph.entities),
        "edges": len(pipe.graph.edges),
    }
    if load:
        result["loader"] = _loader_bench(pipe.graph, neo4j, batch_size)
        result["loader_vs_raw"] = result["loader"]["loader_vs_raw"]
    if memory:
        # The corpora hold 500-1,500 abstracts; 1k vs 10k needs generated ones (streamed from disk).
        result["memory"] = memory_check(memory, "generated", pipeline)
    result["peak_rss_mb"] = peak_rss_mb()
    result["machine"] = machine()
    result["targets"] = dict(TARGETS)
    result["meets_targets"] = {
        "pipeline_vs_ner": result["pipeline_vs_ner"] >= TARGETS["pipeline_vs_ner"],
        **({"loader_vs_raw": result["loader_vs_raw"] >= TARGETS["loader_vs_raw"]} if load else {}),
        **({"rss_flat": result["memory"]["flat"]} if memory else {}),
    }
    return result


def _loader_bench(graph: Graph, neo4j: str | None, batch_size: int) -> dict[str, Any]:
    from kg.store import open_store  # noqa: PLC0415
    from kg.store.embedded import EmbeddedServer  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="kg-bench-store-") as home:
        settings = _store_settings(neo4j, Path(home))
        try:
            with open_store(settings) as store:
                timing = time_loader(graph, store, batch_size=batch_size)
                timing["store"] = store.uri if neo4j else "embedded (temporary)"
        finally:
            if settings.embedded:
                EmbeddedServer(Path(home)).stop()
    return timing


def _dask_bench(n: int, workers: int, corpus: str, pipeline: str) -> dict[str, Any]:
    try:
        from kg.distributed.bench import run  # noqa: PLC0415
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("kg.distributed"):
            raise KgError("--executor dask needs kg.distributed, which this kg install does not have") from exc
        raise KgError(f"--executor dask needs {exc.name} (pip install 'dask[distributed]')") from exc
    return run(workers=workers, n=n, corpus=corpus, pipeline=pipeline)


def format_report(result: dict[str, Any]) -> list[tuple[str, str]]:
    """(measure, value) pairs for the CLI table."""
    rows = [
        ("documents / words", f"{result['documents']} / {result['words']} ({result['corpus']})"),
        ("pipeline", f"{result['pipeline_docs_per_s']:.1f} docs/s, {result['pipeline_words_per_s']:.0f} words/s"),
        ("NER step alone", f"{result['ner_docs_per_s']:.1f} docs/s, {result['ner_words_per_s']:.0f} words/s "
                           f"({', '.join(result['ner']['components'])})"),
        ("pipeline_vs_ner", f"{result['pipeline_vs_ner']:.3f} (target >= {TARGETS['pipeline_vs_ner']}; "
                            f"by CPU time {result['pipeline_vs_ner_cpu']:.3f})"),
        ("stage share", ", ".join(f"{k} {v:.0%}" for k, v in result["stage_share"].items())),
    ]
    if "loader" in result:
        loader = result["loader"]
        rows += [
            ("loader", f"{loader['loader_rows_per_s']:.0f} rows/s ({loader['rows']} rows, batch {loader['batch_size']})"),
            ("raw UNWIND MERGE", f"{loader['raw_rows_per_s']:.0f} rows/s"),
            ("loader_vs_raw", f"{result['loader_vs_raw']:.3f} (target >= {TARGETS['loader_vs_raw']})"),
        ]
    if "memory" in result:
        mem = result["memory"]
        a, b = mem["probes"]
        rows.append(("peak RSS n1 -> n2", f"{a['n']}: {a['peak_rss_mb']:.0f} MiB -> {b['n']}: {b['peak_rss_mb']:.0f} MiB "
                                          f"(ratio {mem['rss_ratio']:.2f}, target <= {TARGETS['rss_ratio_max']})"))
    rows.append(("peak RSS (this run)", f"{result['peak_rss_mb']:.0f} MiB"))
    m = result["machine"]
    rows.append(("machine", f"{m['cpus']} CPUs, {m['memory_gb']} GiB, {m['processor']}, Python {m['python']}, "
                            f"load average {m['load_average_1m']}"))
    return rows


def _main(argv: list[str] | None = None) -> int:
    """``python -m kg.bench --memory-probe N``: the child process of :func:`memory_check`."""
    import argparse  # noqa: PLC0415

    parser = argparse.ArgumentParser(prog="python -m kg.bench")
    parser.add_argument("--memory-probe", type=int, required=True)
    parser.add_argument("--corpus", default="generated", choices=CORPORA)
    parser.add_argument("--pipeline", default="default")
    args = parser.parse_args(argv)
    print(json.dumps(memory_probe(args.memory_probe, args.corpus, args.pipeline)))
    return 0


if __name__ == "__main__":
    sys.exit(_main())
