"""`kg build` over a folder of bad input: every document ends up in the graph or in the report."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

GOOD = [
    {"id": "PMID:1", "title": "MSCs and ROS", "abstract": "MSCs reduced ROS in the spinal cord."},
    {"id": "PMID:2", "title": "Exosomes", "abstract": "Exosomes secreted by MSCs suppressed TNF-α."},
    {"id": "PMID:3", "title": "Odd\u200b Unicode", "abstract": "IL-1\u03b2 fell; the e\ufb03cacy of MSCs\u0007 was high."},
]
PUBMED = """<?xml version="1.0"?>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>10</PMID><Article><ArticleTitle>MSCs relieve pain</ArticleTitle>
<Abstract><AbstractText>MSCs alleviated neuropathic pain in rats.</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>
<PubmedArticle><MedlineCitation><PMID>11</PMID><Article><ArticleTitle>Trunc"""


def make_bad_folder(root: Path) -> Path:
    folder = root / "bad-input"
    folder.mkdir()
    (folder / "good.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in GOOD), encoding="utf-8")
    (folder / "broken.jsonl").write_text(
        '{"id": "PMID:4", "title": "t", "abstract": "ROS cause pain."}\n{this is not json\n'
        '{"id": "PMID:5", "title": "", "abstract": ""}\n{"id": "PMID:1", "title": "again", "abstract": "dup"}\n',
        encoding="utf-8")
    (folder / "truncated.xml").write_text(PUBMED, encoding="utf-8")
    with gzip.open(folder / "malformed.xml.gz", "wt", encoding="utf-8") as handle:
        handle.write("<PubmedArticleSet><PubmedArticle><oops></PubmedArticle>")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "latin1.txt").write_bytes("Caf\xe9 study: MSCs reduced ROS.".encode("latin-1"))
    (folder / "chinese.txt").write_text("间充质干细胞可以减轻炎症、清除活性氧。" * 5, encoding="utf-8")
    (folder / "huge.txt").write_text("MSCs reduced ROS in rats. " * 420_000, encoding="utf-8")  # ~10 MB
    return folder


def test_bad_input_folder_counts_add_up(tmp_path):
    folder = make_bad_folder(tmp_path)
    out = tmp_path / "out"
    env = dict(os.environ)  # the terminology index in $KG_HOME is built once and reused
    proc = subprocess.run([sys.executable, "-m", "kg.cli.main", "build", str(folder), "--out", str(out), "--no-load", "-q"],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 2, proc.stderr[-2000:]  # built, with skips
    assert "Traceback" not in proc.stderr
    report = json.loads((out / "report.json").read_text())
    built = [json.loads(line)["id"] for line in (out / "documents.jsonl").read_text().splitlines()]
    assert report["documents_read"] == report["documents_built"] + len(report["skipped"])
    assert len(built) == report["documents_built"]
    assert {"PMID:1", "PMID:2", "PMID:3", "PMID:4", "PMID:10"} <= set(built)
    skipped_text = json.dumps(report["skipped"])
    for name in ("broken.jsonl", "truncated.xml", "malformed.xml.gz", "binary.txt", "chinese.txt", "huge.txt"):
        assert name in skipped_text, f"{name} not reported"
    assert "duplicate" in skipped_text and "line 2" in skipped_text
    nodes = (out / "nodes.jsonl").read_text(encoding="utf-8")
    assert "\u200b" not in nodes and "\u0007" not in nodes
