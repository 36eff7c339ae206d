"""Building relations from pattern matches, and the keys that compare claims."""

from __future__ import annotations


from kg.relations.epistemics import epistemics
from kg.types import Epistemics, Evidence, Mention, Relation, Sentence
from kg.vocab import RelationType
from kg.relations.patterns.words import EFFECT_TYPES, EXTRACTOR, PRESUPPOSING, SCORES


def claim(subject: Mention, obj: Mention, rtype: RelationType, sentence: Sentence, trigger: str, how: str,
              epi: Epistemics) -> Relation:
    """A claim with its evidence: spans are offsets into ``sentence``, the score is ``how``'s."""
    return Relation(subject=subject, object=obj, type=rtype, evidence=Evidence(
        doc_id=subject.doc_id, sentence=sentence.text, sentence_index=sentence.index,
        subject_text=subject.text, object_text=obj.text,
        subject_span=(subject.start - sentence.start, subject.end - sentence.start),
        object_span=(obj.start - sentence.start, obj.end - sentence.start),
        trigger=trigger, extractor=f"{EXTRACTOR}:{how}", score=SCORES[how], epistemics=epi))


def presupposed(subject: Mention, obj: Mention, rtype: RelationType, sentence: Sentence, trigger: str,
                 how: str) -> Relation:
    """A relation the words of a name or an apposition state: never negated or hedged."""
    return claim(subject, obj, rtype, sentence, trigger, how, epistemics((), 0, 0))


def with_negation(rel: Relation, negated: bool) -> Relation:
    """The relation with its negation set, its other epistemics kept."""
    if rel.evidence.epistemics.negated == negated:
        return rel
    epi = rel.evidence.epistemics.model_copy(update={"negated": negated})
    return rel.model_copy(update={"evidence": rel.evidence.model_copy(update={"epistemics": epi})})


def effect_claims(relations: list[Relation]) -> list[Relation]:
    """The claims of an effect a sentence makes, not what a name or a phrase presupposes."""
    return [r for r in relations if r.type in EFFECT_TYPES and r.evidence.extractor.split(":")[1] not in PRESUPPOSING]


def claim_for(rel: Relation, agent: Mention, sentence: Sentence, epi: Epistemics, how: str = "equivalent") -> Relation:
    """The claim of ``rel`` made for another agent the sentence compares ("as effectively as
    gabapentin", "only ADSCs did") or names for an elided verb phrase ("NAC did not"), with the
    epistemics the comparison gives it."""
    return rel.model_copy(update={"subject": agent, "evidence": rel.evidence.model_copy(update={
        "subject_text": agent.text, "extractor": f"{EXTRACTOR}:{how}", "score": SCORES[how],
        "subject_span": (agent.start - sentence.start, agent.end - sentence.start), "epistemics": epi})})


def joined(first: Sentence, second: Sentence) -> Sentence:
    """Two neighbouring sentences as one evidence span (a claim that needs both)."""
    gap = " " * (second.start - first.end)
    return second.model_copy(update={"start": first.start, "text": first.text + gap + second.text})


def identity(mention: Mention) -> str:
    """What makes two mentions the same thing: the id, else the words."""
    return mention.curie or mention.text.lower()


def claim_key(rel: Relation) -> tuple:
    """A claim's identity within a document: its entities (by id, else by text) and its type."""
    return identity(rel.subject), rel.type, identity(rel.object)
