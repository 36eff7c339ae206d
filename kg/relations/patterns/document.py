"""Passes over a whole document's mentions and claims, before and after the sentence rules."""

from __future__ import annotations


from kg.types import CLASS, EMBEDDED, SCAFFOLD, AnnotatedDoc, Relation
from kg.vocab import Category, RelationType
from kg.relations.patterns.words import EXTRACTOR, TARGETING_CLASSES
from kg.relations.patterns.claims import claim_key, presupposed


def embedded_parts(adoc: AnnotatedDoc) -> list[Relation]:
    """Relations between the parts the NLP stage found named inside one mention (found_by
    ``EMBEDDED``): cells DERIVED_FROM the tissue of "Adipose-derived stem cells"; the cause of
    "Bortezomib-induced peripheral neuropathy (BIPN)" CAUSES the condition."""
    parts = [m for m in adoc.mentions if m.found_by == EMBEDDED]
    sentences = {s.index: s for s in adoc.sentences}
    out = []
    for host in (m for m in adoc.mentions if m.found_by != EMBEDDED):
        inside = sorted((p for p in parts if host.start <= p.start and p.end <= host.end), key=lambda p: p.start)
        sentence = sentences.get(host.sentence_index)
        if not inside or sentence is None:
            continue
        if host.category is Category.CELL:
            out += [presupposed(host, part, RelationType.DERIVED_FROM, sentence, "derived", "hyphen") for part in inside]
        elif host.found_by == SCAFFOLD:  # "BMSC-seeded chitosan conduits": the cells are in the conduits
            out += [presupposed(part, host, RelationType.LOCATED_IN, sentence, "seeded", "hyphen") for part in inside]
        elif len(inside) == 2:
            out.append(presupposed(inside[0], inside[1], RelationType.CAUSES, sentence, "induced", "hyphen"))
    return out


def class_targets(adoc: AnnotatedDoc, relations: list[Relation]) -> list[Relation]:
    """What being of a class says a member does: "the HO-1 inhibitor ZnPP" (ZnPP IS_A HO-1 inhibitor)
    gives ZnPP DECREASES HO-1; "the NLRP3 activator nigericin" gives nigericin INCREASES NLRP3."""
    parts = [m for m in adoc.mentions if m.found_by == EMBEDDED]
    sentences = {s.index: s for s in adoc.sentences}
    out = []
    for rel in relations:
        host = rel.object
        head = host.text.split()[-1]
        rtype = TARGETING_CLASSES.get(head.lower()) if host.found_by == CLASS else None
        sentence = sentences.get(host.sentence_index)
        if rel.type is not RelationType.IS_A or rel.evidence.epistemics.negated or rtype is None or sentence is None:
            continue
        out += [presupposed(rel.subject, part, rtype, sentence, head, "tight")
                for part in parts if host.start <= part.start and part.end <= host.end]
    # "..., whereas capsazepine did not [decrease TRPV1]": what the text denies, a class does not presuppose
    def keys(rel: Relation) -> set[tuple]:  # the object by id and by text: a class's part may lack the id
        return {claim_key(rel), claim_key(rel)[:2] + (rel.object.text.lower(),)}
    denied = {key for r in relations if r.evidence.epistemics.negated for key in keys(r)}
    return [r for r in out if not keys(r) & denied]


def without_answered_questions(relations: list[Relation]) -> list[Relation]:
    """A claim asked as a question ("Whether MSCs modulate peroxiredoxin-6 remains unclear", kept as a
    hedged claim) yields to the document's negated answer ("MSC transplantation did not change
    peroxiredoxin-6"): the graph then holds only the answer."""
    answered = {claim_key(r) for r in relations if r.evidence.epistemics.negated}
    return [r for r in relations if r.evidence.epistemics.negated or "whether" not in r.evidence.epistemics.cues
            or claim_key(r) not in answered]


def without_contradicted(relations: list[Relation]) -> list[Relation]:
    """A sentence that says both "X reduced Y" and "X did not reduce Y" ("BM-MSCs plus gabapentin ...
    reduced IL-1β, whereas gabapentin alone did not") means the explicit negation for X: the positive
    reading came from a shared or combined subject."""
    def derived(rel: Relation) -> bool:  # a claim carried over from a compared arm
        return rel.evidence.extractor == f"{EXTRACTOR}:equivalent"
    negated = {claim_key(r) for r in relations if r.evidence.epistemics.negated and not derived(r)}
    # "Unlike gabapentin, which only transiently raised the threshold, BMSCs ...": gabapentin's own
    # clause says what it did; the contrast does not undo it
    stated = {claim_key(r) for r in relations if not r.evidence.epistemics.negated and not derived(r)}
    return [r for r in relations if (r.evidence.epistemics.negated and not (derived(r) and claim_key(r) in stated))
            or not r.evidence.epistemics.negated and claim_key(r) not in negated]
