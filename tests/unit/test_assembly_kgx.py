"""Assembly merges by id and pools evidence; KGX files round-trip the whole graph."""

from __future__ import annotations

import json

from kg.assembly import Assembler, local_id
from kg.sinks.kgx import KgxSink, read_graph
from kg.types import AnnotatedDoc, Document, Epistemics, Evidence, Mention, Relation, confidence_from_evidence
from kg.vocab import Category, RelationType


def mention(doc: str, text: str, category: Category, curie: str | None = None, start: int = 0) -> Mention:
    return Mention(doc_id=doc, start=start, end=start + len(text), text=text, category=category, curie=curie)


def relation(doc: str, s: Mention, t: RelationType, o: Mention, negated=False, score=0.8, sentence=0) -> Relation:
    ev = Evidence(doc_id=doc, sentence=f"{s.text} x {o.text}.", sentence_index=sentence, subject_text=s.text,
                  object_text=o.text, subject_span=(0, len(s.text)), object_span=(len(s.text) + 3, len(s.text) + 3 + len(o.text)),
                  trigger="x", extractor="patterns:active", score=score, epistemics=Epistemics(negated=negated))
    return Relation(subject=s, type=t, object=o, evidence=ev)


def add_doc(asm: Assembler, doc_id: str, relations: list[Relation]) -> None:
    mentions = [m for r in relations for m in (r.subject, r.object)]
    asm.add(AnnotatedDoc(document=Document(id=doc_id, abstract="x"), sentences=[], mentions=mentions), relations)


def test_same_id_merges_and_local_ids_are_stable():
    asm = Assembler()
    msc1 = mention("PMID:1", "MSCs", Category.CELL, "CL:0000134")
    msc2 = mention("PMID:2", "mesenchymal stem cells", Category.CELL, "CL:0000134")
    ros1 = mention("PMID:1", "ROS", Category.CHEMICAL)
    ros2 = mention("PMID:2", "ROS", Category.CHEMICAL)
    add_doc(asm, "PMID:1", [relation("PMID:1", msc1, RelationType.DECREASES, ros1)])
    add_doc(asm, "PMID:2", [relation("PMID:2", msc2, RelationType.DECREASES, ros2)])
    graph = asm.graph()
    assert set(graph.entities) == {"CL:0000134", local_id("ROS")}
    assert local_id("TNF-α") == local_id("tnf-alpha") == "kg:tnf_alpha"
    assert {"MSCs", "mesenchymal stem cells"} <= {graph.entities["CL:0000134"].name, *graph.entities["CL:0000134"].synonyms}
    (edge,) = graph.edges.values()
    assert edge.publications == ["PMID:1", "PMID:2"]
    assert len(edge.evidence) == 2
    assert edge.confidence == confidence_from_evidence(edge.evidence) > 0.8


def test_negated_claims_never_merge_into_positive_ones():
    asm = Assembler()
    s, o = mention("PMID:1", "BMSCs", Category.CELL, "CL:0002540"), mention("PMID:1", "allodynia", Category.PHENOTYPE, "HP:0012533")
    add_doc(asm, "PMID:1", [relation("PMID:1", s, RelationType.DECREASES, o),
                            relation("PMID:1", s, RelationType.DECREASES, o, negated=True, sentence=1)])
    keys = set(asm.graph().edges)
    assert ("CL:0002540", "DECREASES", "HP:0012533", False) in keys
    assert ("CL:0002540", "DECREASES", "HP:0012533", True) in keys


def test_rebuilding_the_same_evidence_adds_nothing_and_symmetric_edges_merge():
    asm = Assembler()
    a, b = mention("PMID:1", "Nrf2", Category.GENE, "NCBIGene:4780"), mention("PMID:1", "HO-1", Category.GENE, "NCBIGene:3162")
    rel = relation("PMID:1", a, RelationType.INTERACTS_WITH, b)
    add_doc(asm, "PMID:1", [rel, rel])
    add_doc(asm, "PMID:2", [relation("PMID:2", b, RelationType.INTERACTS_WITH, a)])
    graph = asm.graph()
    (edge,) = graph.edges.values()
    assert (edge.subject, edge.object) == ("NCBIGene:3162", "NCBIGene:4780")
    assert len(edge.evidence) == 2
    swapped = next(e for e in edge.evidence if e.doc_id == "PMID:1")
    assert swapped.subject_text == "HO-1"  # evidence follows the edge's direction


def test_confidence_counts_documents_not_sentences():
    one_doc = [Evidence(doc_id="A", sentence="s", sentence_index=i, subject_text="a", object_text="b", subject_span=(0, 1),
                        object_span=(2, 3), extractor="x", score=0.5) for i in range(3)]
    assert confidence_from_evidence(one_doc) == 0.5
    two_docs = one_doc[:1] + [one_doc[1].model_copy(update={"doc_id": "B"})]
    assert confidence_from_evidence(two_docs) == 0.75


def test_kgx_round_trip(tmp_path):
    asm = Assembler()
    s, o = mention("PMID:1", "MSCs", Category.CELL, "CL:0000134"), mention("PMID:1", "ROS", Category.CHEMICAL, "MESH:D017382")
    add_doc(asm, "PMID:1", [relation("PMID:1", s, RelationType.DECREASES, o)])
    graph = asm.graph()
    KgxSink(tmp_path).write(graph)
    edge = json.loads((tmp_path / "edges.jsonl").read_text().splitlines()[0])
    assert edge["predicate"] == "biolink:affects" and edge["object_direction_qualifier"] == "decreased"
    assert edge["type"] == "DECREASES" and edge["publications"] == ["PMID:1"] and edge["supporting_text"]
    node = json.loads((tmp_path / "nodes.jsonl").read_text().splitlines()[0])
    assert node["category"] == ["biolink:Cell"] and {"id", "name", "synonym"} <= set(node)
    again = read_graph(tmp_path)
    assert again.model_dump() == graph.model_dump()


def test_spooled_assembly_equals_in_memory_assembly(tmp_path):
    def fill(asm: Assembler) -> None:
        s = mention("PMID:1", "MSCs", Category.CELL, "CL:0000134")
        o = mention("PMID:1", "ROS", Category.CHEMICAL, "MESH:D017382")
        add_doc(asm, "PMID:1", [relation("PMID:1", s, RelationType.DECREASES, o, score=0.6),
                                relation("PMID:1", s, RelationType.DECREASES, o, score=0.7, sentence=2)])
        s2, o2 = s.model_copy(update={"doc_id": "PMID:2"}), o.model_copy(update={"doc_id": "PMID:2"})
        add_doc(asm, "PMID:2", [relation("PMID:2", s2, RelationType.DECREASES, o2, score=0.5),
                                relation("PMID:2", s2, RelationType.DECREASES, o2, score=0.5)])  # same evidence twice

    memory, spooled = Assembler(), Assembler(spool_path=tmp_path / "spool.sqlite")
    fill(memory)
    fill(spooled)
    a, b = memory.graph(), spooled.graph()
    assert a.model_dump() == b.model_dump()
    (edge,) = b.edges.values()
    assert len(edge.evidence) == 3 and edge.publications == ["PMID:1", "PMID:2"]
    assert edge.confidence == confidence_from_evidence(list(edge.evidence)) == 0.85
    assert dict(b.mentions.items()) == {("CL:0000134", "PMID:1"): 2, ("CL:0000134", "PMID:2"): 2,
                                        ("MESH:D017382", "PMID:1"): 2, ("MESH:D017382", "PMID:2"): 2}
    KgxSink(tmp_path / "a").write(a)
    KgxSink(tmp_path / "b").write(b)
    for name in ("nodes.jsonl", "edges.jsonl", "documents.jsonl"):
        assert (tmp_path / "a" / name).read_text() == (tmp_path / "b" / name).read_text()
