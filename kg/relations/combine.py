"""How pattern and classifier relations combine into one list (see kg/relations/README.md).

Rule, per document and unordered entity pair (entities keyed by CURIE, else by normalized text):

1. **Patterns own what they find.** Every pattern relation is kept as it is: its direction, its type
   and its epistemics (a negated or hedged pattern claim stays negated or hedged).
2. **Agreement boosts.** When the classifier predicts a pair that a pattern relation also links,
   with the same BioRED family (``to_biored``: INCREASES/CAUSES positive, DECREASES/TREATS/
   PREVENTS negative, ASSOCIATED_WITH/REGULATES association, INTERACTS_WITH bind; a gene CAUSES a
   disease is an association in BioRED's guideline), the pattern
   relation's score becomes the noisy-or of both scores, ``1 - (1 - p)(1 - q)``, and its extractor
   reads ``<pattern extractor>+classifier``. A negated pattern claim is never boosted.
3. **Conflict: the pattern wins.** When a pattern links the pair with another type, or negated, the
   classifier's relation for that pair is dropped: its type comes from a document-level guess, the
   pattern's from the words of the sentence.
4. **The classifier fills gaps.** A classifier relation for a pair no pattern links is added when its
   calibrated score (P(related) x P(type | related)) reaches ``min_classifier_score``. It keeps
   the classifier's own negation and hedging cues, so a negated claim is never stored as positive.
"""

from __future__ import annotations

import re

from kg.relations.classifier import EXTRACTOR, to_biored
from kg.types import Mention, Relation

# Chosen on BioRED dev with gold entities (kg/relations/README.md): below it, classifier-only
# pairs cost more precision than they add recall.
DEFAULT_MIN_CLASSIFIER_SCORE = 0.25


def entity_key(mention: Mention) -> str:
    if mention.curie:
        return mention.curie
    return "text:" + re.sub(r"\s+", " ", mention.text.lower()).strip()


def pair_key(relation: Relation) -> tuple[str, frozenset[str]]:
    return relation.evidence.doc_id, frozenset((entity_key(relation.subject), entity_key(relation.object)))


def noisy_or(p: float, q: float) -> float:
    return 1.0 - (1.0 - p) * (1.0 - q)


def combine(pattern_relations: list[Relation], classifier_relations: list[Relation],
            min_classifier_score: float = DEFAULT_MIN_CLASSIFIER_SCORE) -> list[Relation]:
    """Pattern relations (boosted where the classifier agrees) plus classifier relations for pairs
    the patterns missed. See the module docstring for the rule."""
    by_pair: dict[tuple[str, frozenset[str]], list[int]] = {}
    for i, relation in enumerate(pattern_relations):
        by_pair.setdefault(pair_key(relation), []).append(i)

    boost: dict[int, float] = {}
    added: list[Relation] = []
    for predicted in classifier_relations:
        linked = by_pair.get(pair_key(predicted))
        if not linked:
            if predicted.evidence.score >= min_classifier_score:
                added.append(predicted)
            continue
        family = to_biored(predicted)
        for i in linked:
            pattern = pattern_relations[i]
            if not pattern.evidence.epistemics.negated and to_biored(pattern) == family:
                boost[i] = max(boost.get(i, 0.0), predicted.evidence.score)

    combined: list[Relation] = []
    for i, relation in enumerate(pattern_relations):
        if i in boost:
            evidence = relation.evidence.model_copy(update={
                "score": round(noisy_or(relation.evidence.score, boost[i]), 4),
                "extractor": f"{relation.evidence.extractor}+{EXTRACTOR}",
            })
            relation = relation.model_copy(update={"evidence": evidence})
        combined.append(relation)
    return combined + added
