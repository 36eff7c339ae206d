"""Agents named by a generic phrase: "The cells also raised IL-10", "These vesicles decreased GFAP".

Authors name the treatment once ("intrathecally delivered BMSCs") and then refer back to it with
a definite generic noun. A claim made with such a subject is about the treatment, so the subject
takes the antecedent's identity (id, preferred name, category); its text, offsets and evidence stay
those of the sentence. Without this the graph would hold edges from a generic "cell" node.

Antecedent: among the earlier mentions of the same kind (cells for "cells"; the vesicle, exosome or
medium family for "vesicles", "exosomes", "EVs", "medium"), the concept that is already the agent
of a claim, then the one named most often, then the latest. A control arm is never one.
"""

from __future__ import annotations

from kg.types import AnnotatedDoc, Mention, Relation, RelationType
from kg.vocab import CONTROL_ARM_NAMES, MICRORNA, Category

# Generic heads and the category their antecedent must have.
GENERIC_HEADS = {
    "cells": Category.CELL, "cell": Category.CELL,
    "vesicles": Category.CELLULAR_COMPONENT, "exosomes": Category.CELLULAR_COMPONENT,
    "evs": Category.CELLULAR_COMPONENT, "secretome": Category.CELLULAR_COMPONENT,
    "medium": Category.CELLULAR_COMPONENT,
}
# What the vesicle family is called: the antecedents of "the vesicles", "these exosomes", "the medium".
PRODUCT_WORDS = ("vesicle", "exosom", "exos", "evs", "secretome", "medium", "-cm")
# Words before a generic head that make it refer back ("these cells", "the transplanted cells").
REFERRING_WORDS = frozenset({
    "the", "these", "those", "such", "both", "this", "same", "transplanted", "grafted", "engrafted", "injected",
    "infused", "administered", "implanted", "delivered", "preconditioned", "labelled", "labeled",
})
# ``Mention.found_by`` of a pronoun the pattern extractor reads as the previous sentence's agent.
STAND_IN = "anaphora"


def is_control_arm(mention: Mention) -> bool:
    """The control arm's substance ("placebo", "vehicle", "saline"): never an agent of a claim."""
    return mention.text.lower() in CONTROL_ARM_NAMES or (mention.name or "").lower() in CONTROL_ARM_NAMES


def _generic(mention: Mention) -> bool:
    return mention.text.lower() in GENERIC_HEADS or mention.found_by == STAND_IN


def _product(mention: Mention) -> bool:
    """A cell product ("MSC-EVs", "conditioned medium"), not any cellular component ("NLRP3 inflammasome")."""
    names = f"{mention.text} {mention.name or ''} {mention.long_form or ''}".lower()
    return any(word in names for word in PRODUCT_WORDS)


def refers_back(mention: Mention, text: str) -> bool:
    """ "The cells", "these vesicles", "Transplanted cells": up to two referring words before it."""
    words = text[max(0, mention.start - 40):mention.start].lower().split()[-2:]
    return bool(words) and words[-1] in REFERRING_WORDS


# "this miRNA", "the microRNA": the microRNA named last before it.
MICRORNA_HEADS = frozenset({"mirna", "microrna", "mirnas", "micrornas"})


def _microrna_antecedent(mentions: list[Mention], anaphor: Mention) -> Mention | None:
    earlier = [m for m in mentions if m.end <= anaphor.start and m.curie and MICRORNA.match(m.text)]
    return earlier[-1] if earlier else None


# "had no effect on this cytokine", "this enzyme": the gene product named last before it.
GENE_PRODUCT_HEADS = frozenset({"cytokine", "chemokine", "enzyme", "protein", "kinase"})


def _gene_product_antecedent(mentions: list[Mention], anaphor: Mention, text: str) -> Mention | None:
    before = text[max(0, anaphor.start - 10):anaphor.start].lower().split()
    if anaphor.text.lower() not in GENE_PRODUCT_HEADS or before[-1:] != ["this"]:
        return None
    earlier = [m for m in mentions if m.end <= anaphor.start and m.curie and m.category is Category.GENE
               and m.text.lower() not in GENE_PRODUCT_HEADS]
    return earlier[-1] if earlier else None


def resolve_generic_agents(adoc: AnnotatedDoc, relations: list[Relation]) -> list[Relation]:
    """Relations whose subject is a referring generic phrase, with the antecedent's identity; so is
    a product's referring source ("TGF-β1 secreted by these cells": the cells named before) and a gene
    product referred to by its class ("had no effect on this cytokine")."""
    text = adoc.document.text
    agents = {r.subject.curie for r in relations if r.subject.curie
              and not (_generic(r.subject) and refers_back(r.subject, text))}

    def resolved(mention: Mention) -> Mention:
        if mention.text.lower() in MICRORNA_HEADS and refers_back(mention, text):
            named = _microrna_antecedent(adoc.mentions, mention)
        else:
            named = _gene_product_antecedent(adoc.mentions, mention, text)
        if named is not None:  # "suggesting that this miRNA, which directly targets TRAF6, ...", "this cytokine"
            return mention.model_copy(update={"curie": named.curie, "name": named.name,
                                              "category": named.category, "long_form": named.text})
        # a pronoun that stands in for a generic phrase ("These vesicles ... They also raised ...")
        stand_in = mention.found_by == STAND_IN
        kind = GENERIC_HEADS.get(((mention.long_form or "") if stand_in else mention.text).lower())
        antecedent = None
        if kind is not None and mention.category is kind and (stand_in or refers_back(mention, text)):
            antecedent = _antecedent(adoc.mentions, mention, kind, agents, text)
        if antecedent is None:
            return mention
        return mention.model_copy(update={
            "curie": antecedent.curie, "name": antecedent.name, "long_form": antecedent.long_form or antecedent.text})

    out = []
    for rel in relations:
        update = {"subject": resolved(rel.subject)}
        if rel.type is RelationType.DERIVED_FROM or rel.object.text.lower() in GENE_PRODUCT_HEADS:
            update["object"] = resolved(rel.object)
        out.append(rel.model_copy(update=update) if any(update[k] is not getattr(rel, k) for k in update) else rel)
    return out


def _antecedent(mentions: list[Mention], anaphor: Mention, kind: Category, agents: set[str],
                text: str) -> Mention | None:
    # a generic word that does not refer back names the treatment itself: "Exosomes released by
    # hUC-MSCs suppressed NLRP3 ... The vesicles also increased IL-10"
    earlier = [m for m in mentions if m.end <= anaphor.start and m.category is kind and m.curie
               and not (_generic(m) and refers_back(m, text)) and not is_control_arm(m)
               and (kind is not Category.CELLULAR_COMPONENT or _product(m))]
    if not earlier:
        return None
    counts: dict[str, int] = {}
    last: dict[str, tuple[int, Mention]] = {}
    for position, m in enumerate(earlier):
        counts[m.curie] = counts.get(m.curie, 0) + 1
        last[m.curie] = (position, m)
    best = max(last, key=lambda c: (c in agents, counts[c], last[c][0]))
    return last[best][1]
