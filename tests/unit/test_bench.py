"""kg bench helpers on a handful of documents (figures are reported, never asserted)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg import bench
from kg.errors import ConfigError, KgError
from kg.vocab import Category, RelationType


@pytest.fixture(scope="module")
def stages():
    from kg.config import load_pipeline
    from kg.run import Stages

    return Stages(load_pipeline("default"))


def test_generated_documents_are_deterministic_and_realistic():
    first = list(bench.generate_documents(20))
    again = list(bench.generate_documents(20))
    assert [d.model_dump() for d in first] == [d.model_dump() for d in again]
    assert len({d.id for d in first}) == 20
    words = [bench.count_words(d.text) for d in first]
    assert all(100 <= w <= 260 for w in words), words  # 7-9 claims and 4 method sentences
    assert [d.text for d in bench.generate_documents(3, seed=1)] != [d.text for d in first[:3]]
    assert any("did not reduce" in d.text for d in first)  # negation is exercised too


def test_write_jsonl_is_readable_by_sources(tmp_path):
    from kg.sources import read_documents

    docs = list(bench.generate_documents(4))
    path = tmp_path / "docs.jsonl"
    assert bench.write_jsonl(docs, path) == 4
    back = list(read_documents([path]))
    assert [d.id for d in back] == [d.id for d in docs]
    assert [d.text for d in back] == [d.text for d in docs]


@pytest.mark.parametrize("value, expected", [("1000,10000", (1000, 10000)), ("5, 7", (5, 7))])
def test_parse_sizes(value, expected):
    assert bench.parse_sizes(value) == expected


@pytest.mark.parametrize("value", ["1000", "a,b", "10,5", "0,5", "1,2,3"])
def test_parse_sizes_rejects(value):
    with pytest.raises(ConfigError):
        bench.parse_sizes(value)


def test_unknown_corpus_and_executor():
    with pytest.raises(ConfigError, match="unknown corpus"):
        bench.run_bench(n=1, corpus="pubmed-all")
    with pytest.raises(ConfigError, match="unknown executor"):
        bench.run_bench(n=1, corpus="generated", executor="spark")
    with pytest.raises(ConfigError, match="at least 1"):
        bench.bench_documents("generated", 0)


def test_dask_executor_without_kg_distributed_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "kg.distributed.bench", None)
    with pytest.raises(KgError, match="kg.distributed"):
        bench.run_bench(n=1, corpus="generated", executor="dask")


def test_corpus_documents_from_shared(shared_dir):
    docs = bench.corpus_documents("biored", 3, root=shared_dir)
    assert len(docs) == 3 and all(d.id.startswith("PMID:") and d.text for d in docs)


def test_missing_corpus_names_the_fix(tmp_path):
    with pytest.raises(ConfigError, match="KG_SHARED_DIR"):
        bench.corpus_documents("bc5cdr", 2, root=tmp_path)


def test_load_rows_match_the_graph(make_graph):
    graph = make_graph(n_entities=8, n_edges=6, docs=("PMID:1", "PMID:2"), evidence_per_doc=2)
    rows = bench.load_rows(graph)
    sizes = {kind: sum(len(r) for _, r in groups) for kind, groups in rows.items()}
    evidence = {ev.key(e.type) for e in graph.edges.values() for ev in e.evidence}
    assert sizes == {"documents": 2, "entities": 8, "edges": 6, "evidence": len(evidence),
                     "mentions": len(graph.mentions)}
    assert bench.count_rows(rows) == sum(sizes.values())
    assert {g for g, _ in rows["entities"]} <= {c.value for c in Category}
    assert {g for g, _ in rows["edges"]} <= {t.value for t in RelationType}


def test_raw_statements_take_data_only_as_parameters():
    for kind, group in [("documents", "Document"), ("entities", "Cell"), ("edges", "DECREASES"),
                        ("evidence", "Evidence"), ("mentions", "MENTIONED_IN")]:
        statement = bench.raw_statement(kind, group)
        assert statement.startswith("UNWIND $rows AS row") and "MERGE" in statement
    with pytest.raises(ValueError):
        bench.raw_statement("other", "x")


def test_ner_and_pipeline_timing_on_a_few_documents(stages, tmp_path):
    docs = list(bench.generate_documents(6))
    ner = bench.time_ner(docs, stages)
    assert "kg_lexicon" in ner["components"]
    assert all(c == "kg_lexicon" or c.startswith("kg_ner") for c in ner["components"])
    assert ner["docs_per_s"] > 0
    timing = bench.time_pipeline(docs, stages, tmp_path)
    assert timing.documents == 6 and timing.words == sum(bench.count_words(d.text) for d in docs)
    assert set(timing.stage_seconds) == {"nlp", "linking", "relations", "sources_assembly_other"}
    assert sum(timing.stage_seconds.values()) == pytest.approx(timing.seconds, rel=0.05)
    assert timing.graph.edges  # the generated claims are found
    # The timers are removed again: the stage objects behave as before.
    assert "pipe" not in vars(stages.nlp) and "extract" not in vars(stages.relations)


def test_run_bench_without_loader_reports_the_ratios():
    result = bench.run_bench(n=8, corpus="generated", load=False)
    assert result["documents"] == 8
    assert 0 < result["pipeline_vs_ner"] <= 1
    assert "loader_vs_raw" not in result and result["peak_rss_mb"] > 0
    assert set(result["meets_targets"]) == {"pipeline_vs_ner"}
    labels = [label for label, _ in bench.format_report(result)]
    assert "pipeline_vs_ner" in labels and "machine" in labels


def test_memory_check_runs_separate_processes():
    result = bench.memory_check((3, 6))
    small, large = result["probes"]
    assert (small["n"], large["n"]) == (3, 6)
    assert small["documents_built"] == 3 and large["documents_built"] == 6
    assert result["rss_ratio"] == pytest.approx(large["peak_rss_mb"] / small["peak_rss_mb"], abs=1e-3)


def test_time_loader_refuses_a_database_with_data():
    from kg.errors import StoreError
    from kg.types import Graph

    class Store:
        uri = "bolt://x"

        def query(self, cypher, params=None, write=False):
            return [{"n": 5}]

    with pytest.raises(StoreError, match="empty database"):
        bench.time_loader(Graph(), Store())


def test_shared_dir_follows_env(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_SHARED_DIR", str(tmp_path))
    assert bench.shared_dir() == Path(tmp_path)


def test_ner_step_includes_configured_ner_models(tmp_path):
    """With a model in the NER slot, the NER step runs it too (an untrained one suffices here)."""
    import spacy

    from kg.config import load_pipeline
    from kg.run import Stages

    nlp = spacy.blank("en")
    nlp.add_pipe("ner").add_label("CHEMICAL")
    nlp.initialize()
    nlp.to_disk(tmp_path / "tiny_ner")
    toml = (tmp_path / "with-ner.toml")
    toml.write_text(
        'description = "bench test"\n[nlp]\nlexicon = ["lexicon/domain.jsonl"]\nlinker = false\n'
        f'[[nlp.ner]]\nmodel = "{(tmp_path / "tiny_ner").as_posix()}"\nlabels = {{CHEMICAL = "ChemicalEntity"}}\n'
        'required = true\n', encoding="utf-8")
    stages = Stages(load_pipeline(str(toml)))
    ner = bench.time_ner(list(bench.generate_documents(3)), stages)
    assert ner["components"] == ["kg_lexicon", "kg_ner_0"]
    assert ner["models"] == [(tmp_path / "tiny_ner").as_posix()]
