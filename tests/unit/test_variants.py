"""Sequence variants found by nomenclature and normalized to one id per mutation."""

import pytest

from kg.nlp.variants import find_variants


def variants(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], curie) for s, e, curie in find_variants(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("rs113488022", "DBSNP:rs113488022"),
    ("c.229T>C", "tmVar:c|SUB|T|229|C"),
    ("c.463-6T>G", "tmVar:c|SUB|T|463-6|G"),
    ("c.528delT", "tmVar:c|DEL|528|T"),
    ("c.436_436+1delAG", "tmVar:c|DEL|436_436+1|AG"),
    ("c.1234_1235insGA", "tmVar:c|INS|1234_1235|GA"),
    ("p.Arg215Trp", "tmVar:p|SUB|R|215|W"),
    ("p.E947stop", "tmVar:p|SUB|E|947|X"),
    ("Ser311Cys", "tmVar:p|SUB|S|311|C"),
    ("V600E", "tmVar:p|SUB|V|600|E"),
])
def test_nomenclature_is_normalized(text, expected):
    assert (text, expected) in variants(f"The {text} variant was found.")


def test_one_mutation_written_two_ways_is_one_id():
    ids = {curie for _, curie in variants("BRAF V600E (p.Val600Glu) is common.")}
    assert ids == {"tmVar:p|SUB|V|600|E"}
    assert ("p.Val600Glu", "tmVar:p|SUB|V|600|E") in variants("BRAF V600E (p.Val600Glu) is common.")


@pytest.mark.parametrize("text", ["S100B levels", "T4 cells", "C3a", "CD4", "IL-6", "H2O2", "A549 cells",
                                  "H1N1", "anti-CD20", "Ala123Ala", "NF-kB1"])
def test_names_that_look_like_variants_are_not(text):
    assert variants(text) == []


def test_variants_become_mentions_that_outrank_models():
    from kg.config import load_pipeline
    from kg.nlp import NlpPipeline
    from kg.types import Document

    nlp = NlpPipeline.from_config(load_pipeline("lexicon-only"))
    adoc = nlp.annotate(Document(id="t1", title="BRAF V600E in melanoma",
                                 abstract="The rs113488022 variant (p.Val600Glu) was associated with melanoma."))
    found = {(m.text, m.category.value, m.curie) for m in adoc.mentions if m.found_by == "variants"}
    assert found == {("V600E", "SequenceVariant", "tmVar:p|SUB|V|600|E"),
                     ("rs113488022", "SequenceVariant", "DBSNP:rs113488022"),
                     ("p.Val600Glu", "SequenceVariant", "tmVar:p|SUB|V|600|E")}
