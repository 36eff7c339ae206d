"""The runner end to end on files (no server): seed checks, report accounting, resume after a kill."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.config import load_pipeline
from kg.run import Stages, build

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed_msc_neuropathic_pain.txt"

ABSTRACTS = [
    ("PMID:101", "MSCs in neuropathic pain", "Bone marrow MSCs reduced ROS and attenuated mechanical allodynia in CCI rats."),
    ("PMID:102", "Exosomes and pain", "Exosomes secreted by MSCs suppressed TNF-α and IL-1β in the spinal cord."),
    ("PMID:103", "Negative result", "BMSCs did not reduce thermal hyperalgesia after spared nerve injury."),
    ("PMID:104", "Oxidative stress", "Oxidative stress plays a key role in the development of neuropathic pain."),
    ("PMID:105", "Routes", "MSCs were injected intrathecally and reduced ROS in the dorsal root ganglion."),
]


@pytest.fixture(scope="module")
def stages():
    return Stages(load_pipeline("default"))


@pytest.fixture
def corpus(tmp_path) -> Path:
    path = tmp_path / "abstracts.jsonl"
    path.write_text("".join(json.dumps({"id": i, "title": t, "abstract": a}) + "\n" for i, t, a in ABSTRACTS))
    return path


def edge_set(graph):
    return {(e.subject, e.type.value, e.object, e.negated, len(e.evidence)) for e in graph.edges.values()}


def test_seed_graph_holds_the_claims_of_the_abstract(stages, tmp_path):
    result = build([SEED], stages.config, out_dir=tmp_path, stages=stages)
    names = {eid: e.name.lower() for eid, e in result.graph.entities.items()}
    ids = {e.id for e in result.graph.entities.values()}
    msc = next(eid for eid, e in result.graph.entities.items() if "MSCs" in e.synonyms or e.name == "MSCs")
    edges = {(e.subject, e.type.value, names[e.object]) for e in result.graph.edges.values()}
    assert (msc, "DECREASES", "reactive oxygen species") in edges
    assert any(s == msc and t == "DECREASES" and "inflamma" in o for s, t, o in edges)
    assert (msc, "INCREASES", "nerve regeneration") in edges
    routes = {o for s, t, o in edges if s == msc and t == "ADMINISTERED_VIA"}
    assert len(routes) == 2, routes  # "routes, including intravenous and intrathecal, ... MSC delivery"
    assert any(t == "DERIVED_FROM" and e_s != msc and o_id == msc
               for (e_s, t, o_id) in {(e.subject, e.type.value, e.object) for e in result.graph.edges.values()})
    assert any(names[e.subject] == "oxidative stress" and e.type.value in ("CAUSES", "ASSOCIATED_WITH")
               and names[e.object] == "neuropathic pain" for e in result.graph.edges.values())
    ros = next(eid for eid, n in names.items() if n == "reactive oxygen species")
    assert not any(e.subject == ros and e.object == msc for e in result.graph.edges.values())
    assert len(ids) == len(result.graph.entities)
    # The Chinese paragraph yields nothing and is reported.
    report = json.loads((tmp_path / "report.json").read_text())
    assert any(seg["reason"].startswith("non-English") for seg in report["dropped_segments"])
    assert not any(any("\u4e00" <= ch <= "\u9fff" for ch in m) for e in result.graph.entities.values() for m in [e.name, *e.synonyms])
    assert (tmp_path / "nodes.jsonl").is_file() and (tmp_path / "edges.jsonl").is_file()


def test_every_document_read_is_built_or_reported(stages, tmp_path, corpus):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "PMID:201", "title": "ok", "abstract": "MSCs reduced ROS."}\n{not json}\n'
                   '{"id": "PMID:202", "title": "", "abstract": ""}\n'
                   '{"id": "PMID:101", "title": "dup", "abstract": "MSCs reduced ROS."}\n')
    result = build([corpus, bad], stages.config, out_dir=tmp_path / "out", stages=stages)
    r = result.report
    assert r.documents_read == r.documents_built + len(r.skipped)
    assert r.documents_built == len(ABSTRACTS) + 1
    reasons = " | ".join(s.reason for s in r.skipped)
    assert "duplicate" in reasons and len(r.skipped) == 3 and r.duplicates == 1


def test_killed_build_resumes_to_the_same_graph(stages, tmp_path, corpus):
    reference = build([corpus], stages.config, out_dir=tmp_path / "ref", stages=stages)
    out = tmp_path / "interrupted"
    seen: list[str] = []

    def die_after_two(doc_id: str) -> None:
        seen.append(doc_id)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([corpus], stages.config, out_dir=out, stages=stages, on_progress=die_after_two)
    redone: list[str] = []
    resumed = build([corpus], stages.config, out_dir=out, stages=stages, on_progress=redone.append)
    assert not set(redone) & set(seen[:2])  # finished documents are not processed again
    assert edge_set(resumed.graph) == edge_set(reference.graph)
    assert set(resumed.graph.entities) == set(reference.graph.entities)
    assert resumed.report.documents_built == len(ABSTRACTS)


def test_a_new_run_after_a_complete_one_starts_afresh(stages, tmp_path, corpus):
    first = build([corpus], stages.config, out_dir=tmp_path, stages=stages)
    calls: list[str] = []
    second = build([corpus], stages.config, out_dir=tmp_path, stages=stages, on_progress=calls.append)
    assert len(calls) == len(ABSTRACTS)
    assert edge_set(first.graph) == edge_set(second.graph)
