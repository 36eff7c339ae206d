"""kg.distributed without a cluster: shard planning, range reading, shard files, the merge.

The per-shard task runs here in-process (it is a plain function), so the equality of the
merged graph with the single-process graph is checked quickly; test_distributed_cluster.py
runs the same on a Dask LocalCluster.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.config import load_pipeline
from kg.distributed.merge import merge_shards
from kg.distributed.shards import JSONL_LINES, PUBMED_ARTICLES, WHOLE_FILE, plan_shards, read_shard
from kg.distributed.task import read_footer, run_shard, shard_file
from kg.run import build
from kg.sources import read_documents

CONFIG = load_pipeline("default")

ABSTRACTS = [
    ("PMID:301", "Bone marrow MSCs in neuropathic pain",
     "Intrathecal bone marrow MSCs reduced ROS and attenuated mechanical allodynia in CCI rats. "
     "MSCs also decreased TNF-α in the spinal cord."),
    ("PMID:302", "Exosomes from MSCs",
     "Exosomes secreted by MSCs suppressed IL-1β and reduced neuroinflammation after spared nerve injury."),
    ("PMID:303", "A negative result",
     "BMSCs did not reduce thermal hyperalgesia after spared nerve injury in mice."),
    ("PMID:304", "Oxidative stress and pain",
     "Oxidative stress plays a key role in the development of neuropathic pain. ROS may activate microglia."),
    ("PMID:305", "Routes of administration",
     "MSCs were injected intrathecally and reduced ROS in the dorsal root ganglion of rats with CCI."),
    ("PMID:306", "Adipose-derived stem cells",
     "Adipose-derived MSCs promoted nerve regeneration and decreased IL-6 in a model of sciatic nerve injury."),
]

PUBMED_HEAD = '<?xml version="1.0"?>\n<PubmedArticleSet>\n'
ARTICLE = ("<PubmedArticle><MedlineCitation><PMID>{pmid}</PMID><Article><ArticleTitle>{title}</ArticleTitle>"
           "<Abstract><AbstractText>{abstract}</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>\n")


def jsonl_line(doc_id: str, title: str, abstract: str) -> str:
    return json.dumps({"id": doc_id, "title": title, "abstract": abstract}, ensure_ascii=False) + "\n"


def pubmed_xml(articles: list[tuple[str, str, str]], truncated: bool = False) -> str:
    body = "".join(ARTICLE.format(pmid=i.split(":")[1], title=t, abstract=a) for i, t, a in articles)
    if truncated:
        return PUBMED_HEAD + body + "<PubmedArticle><MedlineCitation><PMID>999</PMID><Article><ArticleTi"
    return PUBMED_HEAD + body + "</PubmedArticleSet>\n"


def dumps(items) -> list[dict]:
    return [item.model_dump(mode="json") for item in items]


def concatenated(path: Path, per_shard: int) -> tuple[list, list]:
    shards = plan_shards([path], CONFIG, per_shard)
    return shards, [item for shard in shards for item in read_shard(shard)]


def test_jsonl_ranges_read_what_the_whole_file_reads(tmp_path):
    path = tmp_path / "a.jsonl"
    lines = ["\ufeff" + jsonl_line(*ABSTRACTS[0]), "\n"] + [jsonl_line(*a) for a in ABSTRACTS[1:4]]
    lines += ["{not json\n", "   \n", jsonl_line(*ABSTRACTS[4]), jsonl_line("PMID:307", "", "")]
    path.write_text("".join(lines), encoding="utf-8")
    shards, items = concatenated(path, 2)
    assert [s.kind for s in shards] == [JSONL_LINES] * 4
    assert [(s.first_record, s.records) for s in shards] == [(0, 2), (2, 2), (4, 2), (6, 1)]
    assert dumps(items) == dumps(read_documents([path]))  # ids, line numbers, skips: all the same
    assert "line 6" in json.dumps(dumps(items))  # the bad line keeps its number in the whole file


def test_a_small_file_is_one_shard(tmp_path):
    path = tmp_path / "small.jsonl"
    path.write_text("".join(jsonl_line(*a) for a in ABSTRACTS), encoding="utf-8")
    shards = plan_shards([path], CONFIG, 100)
    assert len(shards) == 1 and shards[0].kind == WHOLE_FILE


def test_pubmed_article_ranges_and_a_truncated_tail(tmp_path):
    path = tmp_path / "pubmed.xml"
    path.write_text(pubmed_xml(ABSTRACTS, truncated=True), encoding="utf-8")
    shards, items = concatenated(path, 2)
    assert [s.kind for s in shards] == [PUBMED_ARTICLES] * 4  # 7 article tags counted, the 7th cut off
    whole = dumps(read_documents([path]))
    assert dumps(items) == whole
    assert sum("rest of file not read" in json.dumps(i) for i in whole) == 1  # reported once, by one shard


def test_gzipped_pubmed_is_one_shard(tmp_path):
    path = tmp_path / "pubmed25n0001.xml.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(pubmed_xml(ABSTRACTS))
    shards = plan_shards([path], CONFIG, 2)
    assert [s.kind for s in shards] == [WHOLE_FILE]


def test_shard_ids_follow_input_and_pipeline(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(jsonl_line(*a) for a in ABSTRACTS), encoding="utf-8")
    first = [s.id for s in plan_shards([path], CONFIG, 2)]
    assert first == [s.id for s in plan_shards([path], CONFIG, 2)]
    other = CONFIG.model_copy(update={"relations": CONFIG.relations.model_copy(update={"min_score": 0.5})})
    assert not set(first) & {s.id for s in plan_shards([path], other, 2)}
    path.write_text("".join(jsonl_line(*a) for a in ABSTRACTS[:5]), encoding="utf-8")
    assert first[:3] != [s.id for s in plan_shards([path], CONFIG, 2)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kinds=st.lists(st.one_of(st.text(alphabet="abc XYZ", max_size=8),
                             st.sampled_from(["\n", "  \n", "{broken\n", "[1, 2]\n", '{"id": 5}\n'])), max_size=25),
    per_shard=st.integers(1, 6),
    newline_at_end=st.booleans(),
)
def test_any_jsonl_split_reads_like_the_whole_file(tmp_path_factory, kinds, per_shard, newline_at_end):
    """Record ranges of any JSON Lines file (blank, broken and valid lines, with or without a
    final newline) read, in order, exactly what the whole file reads."""
    lines = [k if k.endswith("\n") else jsonl_line(f"PMID:{n + 1}", k, "MSCs reduced ROS.") for n, k in enumerate(kinds)]
    path = tmp_path_factory.mktemp("prop") / "x.jsonl"
    text = "".join(lines)
    path.write_text(text if newline_at_end else text.rstrip("\n"), encoding="utf-8")
    _, items = concatenated(path, per_shard)
    assert dumps(items) == dumps(read_documents([path]))


# --- the task and the merge, in-process ------------------------------------------------------


def corpus(root: Path) -> list[Path]:
    """Bad input of every kind, in files split into ranges: cross-file duplicates (one of a
    document too long to build), a bad line, an empty record, a non-English abstract, a
    truncated and a malformed PubMed file, binary and non-UTF-8 files."""
    root.mkdir(parents=True, exist_ok=True)
    too_long = "MSCs reduced ROS in rats. " * (CONFIG.nlp.max_chars // 25 + 1)
    a = root / "a.jsonl"
    a.write_text("".join(jsonl_line(*x) for x in ABSTRACTS[:4]) + "{oops\n"
                 + jsonl_line("PMID:320", "Too long", too_long), encoding="utf-8")
    b = root / "b.jsonl"
    b.write_text(jsonl_line(*ABSTRACTS[4]) + jsonl_line("PMID:302", "Again", "Duplicate of a.jsonl.")
                 + jsonl_line("PMID:308", "", "") + jsonl_line(
                     "PMID:309", "Zellen", "Mesenchymale Stammzellen reduzierten die Schmerzen bei Ratten deutlich.")
                 + jsonl_line(*ABSTRACTS[5]) + jsonl_line("PMID:320", "Short now", "MSCs reduced ROS."),
                 encoding="utf-8")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (root / "latin1.txt").write_bytes("Caf\xe9 study: MSCs reduced ROS.".encode("latin-1"))
    with gzip.open(root / "malformed.xml.gz", "wt", encoding="utf-8") as handle:
        handle.write("<PubmedArticleSet><PubmedArticle><oops></PubmedArticle>")
    c = root / "c.xml"
    c.write_text(pubmed_xml([("PMID:310", "ROS and pain", "ROS contribute to neuropathic pain."),
                             ("PMID:301", "dup", "Duplicate of a.jsonl."),
                             ("PMID:311", "MSCs", "MSCs decreased IL-6 in rats.")], truncated=True), encoding="utf-8")
    return [root]


def run_in_process(inputs: list[Path], shard_dir: Path, per_shard: int):
    plan = plan_shards(inputs, CONFIG, per_shard)
    summaries = [run_shard(shard, CONFIG.model_dump_json(), str(shard_dir)) for shard in plan]
    return plan, summaries, merge_shards(plan, shard_dir)


def skipped_set(report) -> list[tuple]:
    return sorted((s.source, s.record or "", s.reason) for s in report.skipped)


def test_merged_shards_equal_the_single_process_build(tmp_path):
    inputs = corpus(tmp_path / "in")
    reference = build(inputs, CONFIG, out_dir=tmp_path / "ref")
    plan, summaries, (graph, report) = run_in_process(inputs, tmp_path / "shards", per_shard=2)
    assert len(plan) == 11 and not any(s["reused"] for s in summaries)
    assert graph == reference.graph  # entities, names, edges, evidence, documents, mentions
    assert len(graph.edges) >= 5
    assert skipped_set(report) == skipped_set(reference.report)
    assert report.duplicates == reference.report.duplicates == 3
    assert report.dropped_segments == reference.report.dropped_segments
    for field in ("documents_read", "documents_built", "mentions", "relations",
                  "entities_per_category", "edges_per_type"):
        assert getattr(report, field) == getattr(reference.report, field), field


def test_a_finished_shard_file_is_reused_and_a_partial_one_is_redone(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(jsonl_line(*a) for a in ABSTRACTS), encoding="utf-8")
    shard = plan_shards([path], CONFIG, 100)[0]
    shard_dir = tmp_path / "shards"
    first = run_shard(shard, CONFIG.model_dump_json(), str(shard_dir))
    target = shard_file(shard_dir, shard)
    assert not first["reused"] and first["documents"] == len(ABSTRACTS)
    assert [p.name for p in shard_dir.iterdir()] == [target.name]  # no temp file left behind
    assert run_shard(shard, CONFIG.model_dump_json(), str(shard_dir))["reused"]
    complete = target.read_text(encoding="utf-8")
    target.write_text(complete.rsplit("\n", 2)[0] + "\n", encoding="utf-8")  # as if cut off before the end
    assert read_footer(target, shard.id) is None
    again = run_shard(shard, CONFIG.model_dump_json(), str(shard_dir))
    entries = complete.rsplit("\n", 2)[0]  # all but the footer, which holds the seconds
    assert not again["reused"] and target.read_text(encoding="utf-8").rsplit("\n", 2)[0] == entries
    assert read_footer(target, "another-shard") is None


def test_missing_input_is_a_clear_error(tmp_path):
    from kg.errors import InputError

    with pytest.raises(InputError, match="nope.jsonl"):
        plan_shards([tmp_path / "nope.jsonl"], CONFIG)


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path):
    pytest.importorskip("distributed", reason="kg.distributed needs dask[distributed]")
    import dask

    from kg.distributed import build_distributed
    from kg.errors import KgError

    path = tmp_path / "a.jsonl"
    path.write_text(jsonl_line(*ABSTRACTS[0]), encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(KgError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
            build_distributed([path], CONFIG, tmp_path / "out", scheduler="tcp://127.0.0.1:9")


def test_pubmed_projection_arithmetic():
    from kg.distributed.bench import PUBMED_ABSTRACTS, projection

    # 100 docs/s per core at 80 % efficiency: 80 docs/s per core, 36M / (80 * 86400) = 5.2 -> 6 cores.
    p = projection(100.0, 0.8, merge_docs_per_s=1000.0)
    assert p["cores_for_under_one_day"] == 6
    assert p["hours_on_64_cores"] == round(PUBMED_ABSTRACTS / (80 * 64) / 3600, 1)
    assert p["core_hours"] == 100.0 and p["under_one_day_on_64_cores"]
    assert p["merge_hours_single_process"] == 10.0
