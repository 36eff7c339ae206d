"""Discourse rules of the pattern extractor."""

from __future__ import annotations


from kg.relations.anaphora import GENERIC_HEADS, STAND_IN, is_control_arm
from kg.relations.epistemics import epistemics
from kg.relations.products import qualified_mention
from kg.types import CLASS, Epistemics, Mention, Relation
from kg.vocab import Category, RelationType
from kg.relations.patterns.words import (
    BE_FORMS, BINDING, CHANGE_NOUNS, CLAUSE_BREAKS, CLAUSE_ENDS, COMPARATIVES, CONDITIONS, CONTROL_WORDS, COORDINATION,
    COUNTERING_VERBS, DECLINES_REFERRED, DECLINE_NOUNS, DETERMINERS, EFFECT_HAVING, EFFECT_NOUNS, ELLIPTIC_AUXILIARIES,
    GRADES, GROUPS, INTRANSITIVE_CHANGES, INVERTED_AGENTS, MEASURED_PARTICIPLES, LOCALIZING_ADJECTIVES, MEASURED_OUTPUTS, MIMICKING,
    MODEL_MAKING, MOLECULES, NOT_EQUIVALENT, NP_MODIFIERS, NUMBER, OBJECT_HEADS, OBJECT_PRONOUNS, OBJECT_STOPS,
    OPPOSITE_CHANGE, OUTCOMES, PATIENTS, PATIENT_ASIDES, PHASES, PREPOSITIONS, QUANTITY, RECEIVING, REFERRED_CHANGES, REFERRED_CLASSES,
    REFERRING_TO_CHANGES, REMAINING, RISES_REFERRED, RISE_NOUNS, ROUTE_AGENTS, SAME_ADJECTIVES, SAMPLE_NOUNS,
    SAMPLE_WORDS, SENTENCE_OPENERS, SHOWING, SOURCE_VERBS, STATED_DECLINES, STATED_FALLS, STATED_RISES, TREATMENTS,
    TARGETING_CLASSES, TREATMENT_NOUNS, TRIAL_RECEIVING, WRAPPERS,
)
from kg.relations.patterns.lexicon import Lexicon, Trigger
from kg.relations.patterns.claims import claim, claim_for, effect_claims, identity, joined
from kg.relations.patterns.view import (
    SentenceView, before_parentheses, changes_as_evidence, concomitant_change, counted, hyphenated, magnitude,
    names_a_change, same_head, used_intransitively,
)


class DiscourseRules:
    """Claims beyond one verb and its arguments: accompanying and countered changes,
    treated groups, trials, elided and equivalent claims."""

    lexicon: Lexicon

    def _accompanying_changes(self, view: SentenceView, relations: list[Relation]) -> list[Relation]:
        """ "MSC-CM reversed allodynia, an effect accompanied by lower Iba1", "This effect was accompanied
        by increased IL-10 secretion and reduced iNOS expression": each change that accompanies a claim
        is its agent's too (the claim of the sentence, or "This" standing for the agent before); so is
        each change given as its evidence ("as shown by increased MBP", "was confirmed by reduced Keap1"),
        and each change said to come with it (", with a concomitant increase in HO-1 expression")."""
        words, out = view.words, []
        position = {id(m): s for s, _, m in view.mentions}
        for a in range(len(words) - 2):
            concomitant = concomitant_change(words, a) is not None
            # "an effect that was associated with increased expression of GAP-43": the effect's change
            associated = words[a:a + 2] == ["associated", "with"] \
                and any(w in EFFECT_NOUNS for w in words[max(0, a - 4):a])
            coinciding = words[a:a + 2] == ["coincided", "with"]  # "The decrease in p-p38 coincided with lower CX3CR1"
            accompanied = words[a:a + 2] == ["accompanied", "by"]
            if not concomitant and not associated and not coinciding and not accompanied \
                    and not changes_as_evidence(words, a):
                continue  # "as shown by increased MBP levels", not "confirmed by confocal microscopy"
            if (associated or coinciding) and not concomitant and not names_a_change(words[a + 2:a + 4]):
                continue
            # not what a name presupposes ("Paclitaxel-induced allodynia, which was accompanied by ...")
            claims = [r for r in effect_claims(relations) if position.get(id(r.subject), a) < a
                      and r.subject.category in TREATMENTS | MOLECULES]
            # "This effect was accompanied by", "The decrease in p-p38 coincided with": the agent "This" or
            # "The" stands for, else the agent of the claim before
            agents = [m for s, _, m in view.mentions if s < a and m.found_by == STAND_IN]
            if not agents:
                agents = [claims[-1].subject] if claims else []
            if not agents:
                continue
            agent_index = next(i for i, (_, _, m) in enumerate(view.mentions) if m is agents[0])
            k = a + 2
            while k < len(words) and words[k] not in CLAUSE_BREAKS and words[k] != ".":
                w = words[k]
                rtype = COMPARATIVES.get(w) or (RelationType.DECREASES if w in DECLINE_NOUNS else None) \
                    or (RelationType.INCREASES if w in RISE_NOUNS else None) or self.lexicon.nouns.get(w)
                if rtype in (RelationType.INCREASES, RelationType.DECREASES) and view.mention_at[k] < 0:
                    start = k + 1
                    while start < len(words) and words[start] in ("of", "in", "the", "activation", "expression"):
                        start += 1  # "a decline in spinal TNF-α", "reduced activation of microglia"
                    objects = self._objects_after(view, start - 1) if start < len(words) else []
                    trig = Trigger(rtype, "phrase", k, k + 1, w)
                    out += self._emit(view, trig, [agent_index], objects, "carried")
                    if objects:
                        k = view.mentions[objects[-1]][1] - 1
                k += 1
        return out

    def _means_changes(self, view: SentenceView, relations: list[Relation]) -> list[Relation]:
        """ "MMP, which was normalized by the exosomes through upregulation of SIRT3 and SOD2", "MSCs
        relieved pain via inhibition of NLRP3": the change a claim was made through is its agent's."""
        words, out = view.words, []
        position = {id(m): s for s, _, m in view.mentions}
        index_of = {id(m): i for i, (_, _, m) in enumerate(view.mentions)}
        for a, w in enumerate(words[:-2]):
            if w == "by" and (words[a + 1] in BINDING or words[a + 1] == "direct" and words[a + 2] in BINDING):
                out += self._bound_target(view, relations, a, position)
                continue
            if w not in ("through", "via") or a + 3 >= len(words):
                continue
            k = a + 2 if words[a + 1] == "the" else a + 1
            rtype = self.lexicon.nouns.get(words[k])
            if rtype not in (RelationType.INCREASES, RelationType.DECREASES) or words[k + 1:k + 2] != ["of"]:
                continue
            claims = [r for r in effect_claims(relations) if position.get(id(r.subject), a) < a
                      and r.subject.category in TREATMENTS | MOLECULES and not r.evidence.epistemics.negated]
            if not claims:
                continue
            trig = Trigger(rtype, "phrase", k, k + 1, words[k])
            agent = index_of[id(claims[-1].subject)]
            out += self._emit(view, trig, [agent], self._objects_after(view, k + 1), "carried")
        return out

    @staticmethod
    def _bound_target(view: SentenceView, relations: list[Relation], by: int,
                      position: dict[int, int]) -> list[Relation]:
        """ "miR-181c, which suppresses TLR4 by direct binding", "repressed mTOR by binding its 3'-UTR":
        the molecule binds what it acts on; "by targeting TRAF6" names what it binds (``position``: where
        each mention starts)."""
        k = by + 1 + (view.words[by + 1] == "direct")
        named = view.mention_starting_after(k + 1, 2)
        claims = [r for r in effect_claims(relations) if position.get(id(r.object), by) < by
                  and r.subject.category in MOLECULES and not r.evidence.epistemics.negated]
        if not claims:
            return []
        rel = claims[-1]
        target = view.mentions[named][2] if named is not None else rel.object
        if identity(target) == identity(rel.subject):
            return []
        return [claim(rel.subject, target, RelationType.INTERACTS_WITH, view.sentence, view.words[k], "carried",
                      Epistemics(hedged=rel.evidence.epistemics.hedged))]

    def _treatments_named(self, view: SentenceView, found: list[Relation] = ()) -> list[Mention]:
        """The distinct treatments a sentence names as such: not a product's source ("hUCMSC-derived
        exosomes"), a model's drug ("oxaliplatin-treated rats"), a class or a control arm. A compared arm
        is one ("The efficacy of MSC-EVs was compared with that of pregabalin. Both treatments ..."); the
        bare "cells" of "Both cell types" is not, nor is what a claim of the sentence acted on ("increased
        reduced glutathione (GSH)")."""
        # by identity, then by source: "BMSC exosomes or ADSC exosomes" are two products of one kind told
        # apart by their sources, so that "Both preparations" stands for each; "MSC-derived sEVs ... sEVs"
        # is one product named twice
        named: dict[str, dict[str | None, Mention]] = {}
        acted_on = {id(r.object) for r in effect_claims(found)}
        source_of = {id(r.subject): r.object for r in found if r.type is RelationType.DERIVED_FROM
                     and r.subject.category is Category.CELLULAR_COMPONENT and r.object.category is Category.CELL
                     and r.subject.curie and r.object.curie}
        measured = {id(view.mentions[p][2]) for k, w in enumerate(view.words) if w in MEASURED_PARTICIPLES
                    and view.words[k - 1:k] in (["were"], ["was"]) for p in self._patients_before(view, k - 1)}
        for start, end, m in view.mentions:
            if id(m) in acted_on or id(m) in measured or self._source_of_product(view, start):
                continue  # "... and spinal malondialdehyde were assessed on day 14": a readout
            in_arm = any(s <= start < e for s, e in view.equivalents)  # "Tempol, like MSC-EVs, reversed"
            if m.category not in TREATMENTS or start in view.aside and not in_arm or is_control_arm(m) \
                    or m.found_by in (STAND_IN, CLASS) or m.text.lower() in ("cell", "cells") \
                    or view.words[end:end + 1] == ["-"] \
                    or self._product_after(view, end) is not None:
                continue
            source = source_of.get(id(m))
            named.setdefault(identity(m), {}).setdefault(
                identity(source) if source else None, qualified_mention(m, source) if source else m)
        return [m for by_source in named.values()
                for m in ([m for key, m in by_source.items() if key is not None] or by_source.values())]

    @staticmethod
    def _source_of_product(view: SentenceView, start: int) -> bool:
        """Whether the mention at ``start`` is the source a product is named with: "exosomes from BMSCs",
        "EVs derived from UC-MSCs", "exosomes secreted by ADSCs"."""
        k = start - 1
        if k >= 1 and view.words[k] in ("from", "by", "of") and view.words[k - 1] in SOURCE_VERBS:
            k -= 1
        product = view.mention_at[k - 1] if k >= 1 and view.words[k] in ("from", "by", "of") else -1
        return product >= 0 and view.mentions[product][2].category is Category.CELLULAR_COMPONENT

    def _countered_changes(self, view: SentenceView, found: list[Relation], previous: list[Relation],
                           previous_view: "SentenceView | None") -> list[Relation]:
        """ "Oxaliplatin depleted GSH and increased lipid peroxidation; both changes were reversed by
        BMSCs", "High glucose increased mitochondrial ROS. Exosomes reversed all of these changes":
        the agent counters each increase or decrease claimed before in the sentence, or else in the
        sentence before (then both sentences are the evidence). Changes stated without an agent count
        too: "... was accompanied by elevated MDA and reduced SOD activity. DPSC secretome normalized
        both changes"."""
        words, out = view.words, []
        previous_sentence = previous_view.sentence if previous_view is not None else None
        for c, word in enumerate(words):
            if word not in REFERRED_CHANGES or c == 0 or words[c - 1] not in REFERRING_TO_CHANGES:
                continue
            went = RelationType.INCREASES if word in RISES_REFERRED else \
                RelationType.DECREASES if word in DECLINES_REFERRED else None
            k = c + 1
            while k < len(words) and (words[k] in BE_FORMS or words[k] in ("not", "also") or words[k].endswith("ly")):
                k += 1
            if k + 1 < len(words) and words[k] in COUNTERING_VERBS and words[k + 1] == "by":
                verb, agent = k, self._agent_after(view, k + 2)  # "these changes were reversed by X"
            else:
                j = c - 2 - (words[c - 3:c - 1] == ["all", "of"]) * 2  # "X reversed (all of) these changes"
                if j < 1 or words[j] not in COUNTERING_VERBS:
                    continue
                subjects = self._subjects_before(view, j)  # "Exosomes from ADSCs reversed": the exosomes
                verb, agent = j, self._phrase_head(view, subjects[0]) if subjects else None
            if agent is None or is_control_arm(view.mentions[agent][2]):
                continue
            sentence, subject = view.sentence, view.mentions[agent][2]
            claims = [r for r in found if r.object.end <= view.token_chars[c - 1][0] and r.type in OPPOSITE_CHANGE
                      and went in (None, r.type)]
            if not claims and previous_sentence is not None and previous_sentence.index == sentence.index - 1:
                claims = [r for r in previous if r.type in OPPOSITE_CHANGE and went in (None, r.type)]
                sentence = joined(previous_sentence, sentence)  # the evidence is both sentences
            epi = epistemics(words, verb, c)
            for rel in claims:
                if rel.evidence.epistemics.negated or rel.subject.curie == subject.curie \
                        or rel.subject.category in (Category.CELL, Category.CELLULAR_COMPONENT):
                    continue  # a cell therapy's changes "reversed by the PI3K inhibitor": its mechanism, blocked
                out.append(claim(subject, rel.object, OPPOSITE_CHANGE[rel.type], sentence, words[verb],
                                     "countered", epi))
            if claims or subject.category not in TREATMENTS:
                continue
            stated = [(m, change) for m, change in self._stated_changes(view, min(c - 1, verb))
                      if m is not subject]
            sentence = view.sentence
            if not stated and previous_sentence is not None and previous_sentence.index == view.sentence.index - 1:
                stated = self._stated_changes(previous_view, len(previous_view.words))
                sentence = joined(previous_sentence, view.sentence)
            out += [claim(subject, m, OPPOSITE_CHANGE[change], sentence, words[verb], "countered", epi)
                    for m, change in stated if went in (None, change)]
        return out

    @staticmethod
    def _stated_changes(view: SentenceView, end: int) -> list[tuple[Mention, RelationType]]:
        """Changes a sentence states without an agent, before word ``end``: "elevated MDA and reduced
        SOD activity", "a 3.1-fold increase in spinal nuclear β-catenin", "accumulation of lipid
        peroxides", "rats developed mechanical allodynia" (a symptom that appears rises). A mention
        listed right after a changed one shares its change ("elevated Cx43 and CXCL1")."""
        words, out = view.words, []
        last: tuple[int, RelationType] | None = None  # where the last changed mention ended, and how
        for start, stop, mention in view.mentions:
            if stop > end:
                break
            k = start - 1
            while k >= 0 and view.mention_at[k] < 0 and (
                    words[k] in DETERMINERS or words[k] in NP_MODIFIERS or words[k] in LOCALIZING_ADJECTIVES
                    or NUMBER.match(words[k]) or words[k].endswith("-fold") or hyphenated(words[k])):
                k -= 1  # "a 3.1-fold increase in spinal nuclear β-catenin", "developed below-level allodynia"
            change = None
            if k >= 0 and words[k] in STATED_RISES:
                change = RelationType.INCREASES
            elif k >= 0 and words[k] in STATED_FALLS:
                change = RelationType.DECREASES
            elif k >= 1 and words[k] in ("in", "of"):
                change = RelationType.INCREASES if words[k - 1] in RISE_NOUNS else \
                    RelationType.DECREASES if words[k - 1] in STATED_DECLINES else None
            elif k >= 0 and words[k] == "developed" and mention.category in CONDITIONS:
                change = RelationType.INCREASES
            if change is None and last is not None \
                    and all(w in ("and", ",", "(", ")") or w in OBJECT_HEADS or view.mention_at[i] >= 0
                            for i, w in enumerate(words[last[0]:start], last[0])) and "and" in words[last[0]:start]:
                change = last[1]  # "elevated connexin 43 (Cx43) and CXCL1"
            if change is not None:
                out.append((mention, change))
                last = (stop, change)
        return out

    def _treatment_before(self, view: SentenceView, previous: list[Relation],
                          previous_view: "SentenceView | None") -> Mention | None:
        """The one treatment the sentence right before acted with (in claims it did not negate) or gave."""
        if previous_view is None or previous_view.sentence.index != view.sentence.index - 1:
            return None
        agents = {identity(r.subject): r.subject for r in effect_claims(previous)
                  if r.subject.category in TREATMENTS and not r.evidence.epistemics.negated and not is_control_arm(r.subject)}
        if not agents:
            given = self._given_treatment(previous_view)
            agents = {identity(given): given} if given is not None else {}
        return next(iter(agents.values())) if len(agents) == 1 else None

    def _no_difference(self, view: SentenceView, found: list[Relation], previous: list[Relation],
                       previous_view: "SentenceView | None") -> list[Relation]:
        """ "Serum IL-6 and CRP did not differ between the UC-MSC and placebo arms", "..., although nerve
        conduction velocity did not differ between arms": the treatment changed none of them (a negated
        REGULATES). The treatment is the treated arm the comparison names, else the agent of this
        sentence's last claim, else the one treatment the sentence before acted with or gave."""
        words, out = view.words, []
        for k in range(1, len(words) - 2):
            if words[k:k + 3] != ["not", "differ", "between"] or words[k - 1] not in ("did", "do", "does"):
                continue
            patients = self._patients_before(view, k - 1)
            if not patients:
                continue
            arms = []
            for j in range(k + 3, min(k + 12, len(words))):
                if words[j] in CLAUSE_BREAKS or words[j] in (",", ";", "."):
                    break
                m = view.mention_at[j]
                if m >= 0 and view.mentions[m][2].category in TREATMENTS and not is_control_arm(view.mentions[m][2]):
                    arms.append(view.mentions[m][2])
            sentence = view.sentence
            agent = arms[0] if len(arms) == 1 else None
            if agent is None and not arms:
                claims = [r for r in effect_claims(found) if r.subject.category in TREATMENTS
                          and not is_control_arm(r.subject) and r.subject.start < view.mentions[patients[0]][2].start]
                agent = claims[-1].subject if claims else None
            if agent is None and not arms:
                agent = self._treatment_before(view, previous, previous_view)
                if agent is not None:
                    sentence = joined(previous_view.sentence, view.sentence)
            if agent is None:
                continue
            for patient in patients:
                epi = epistemics(words, k + 1, view.mentions[patient][1])
                out.append(claim(agent, view.mentions[patient][2], RelationType.REGULATES, sentence, "differ",
                                 "carried", epi))
        return out

    def _agentless_results(self, view: SentenceView, found: list[Relation], previous: list[Relation],
                           previous_view: "SentenceView | None") -> list[Relation]:
        """ "BMSCs increased paw withdrawal threshold for 3 weeks. Mitochondrial superoxide in DRG neurons
        decreased.": a change reported with no agent, in a sentence that names no other treatment and
        makes no other agent's claim, right after a sentence whose claims one treatment made, is that
        treatment's (both sentences are the evidence). So is one right after a sentence that says one
        treatment was given ("12 patients received intrathecal UC-MSCs. At 6 months, pain decreased in
        six patients and edema resolved")."""
        agent = self._treatment_before(view, previous, previous_view)
        if agent is None:
            return []
        previous_sentence, key = previous_view.sentence, identity(agent)
        # the sentence makes no claim but a hedged one of the same agent ("..., suggesting that
        # BM-MSCs may relieve spinal cord injury pain")
        if any(identity(r.subject) != key or not r.evidence.epistemics.hedged for r in effect_claims(found)):
            return []
        # a cell or vesicle named other than as a place could be this sentence's own agent
        if any(m.category in (Category.CELL, Category.CELLULAR_COMPONENT) and identity(m) != key and s not in view.aside
               and view.words[s - 1:s] not in (["in"], ["of"], ["within"], ["from"]) for s, _, m in view.mentions):
            return []
        words, out = view.words, []
        # a control arm the result is compared with ("(P < 0.05 vs. PBS)") is not the group it is about
        if any(is_control_arm(m) and s not in view.compared and s not in view.aside for s, _, m in view.mentions) \
                or any(w in CONTROL_WORDS and k not in view.compared and k not in view.aside for k, w in enumerate(words)) \
                or any(
                w in GROUPS and view.mention_at[k - 1] >= 0 or w == "treated" and words[k - 1] == "-"
                for k, w in enumerate(words[1:], 1)):
            return []  # "In vehicle-treated rats, MDA levels were higher": a group's result (_group_effects)
        sentence = joined(previous_sentence, view.sentence)
        changed: set[int] = set()
        for j, w in enumerate(words):
            after_be = self._after_be(view, j) or j >= 2 and words[j - 1] == "not" and words[j - 2] in BE_FORMS
            unchanged = w in self.lexicon.negated_participles and (after_be or words[j - 1] in REMAINING)
            rtype = INTRANSITIVE_CHANGES.get(w) or OUTCOMES.get(w) \
                if j > 0 and not after_be and used_intransitively(words, j + 1) else None
            passive = rtype is None and after_be and (
                self.lexicon.verbs.get(w, (None, False))[1] or w in COMPARATIVES)  # "was reduced", "were lower"
            if passive or unchanged:  # "whereas spasticity was unchanged": a negated REGULATES
                rtype = COMPARATIVES.get(w) or self.lexicon.verbs[w][0]
            if rtype is None or rtype is RelationType.REGULATES and not unchanged \
                    or words[j + 1:j + 2] in (["after"], ["following"]) or words[j + 1:j + 2] == ["by"] and passive:
                continue  # "IL-6 fell after fat grafting": the change's own agent (_changed_after)
            before = j - 1 if words[j - 1] == "not" or words[j - 1] in REMAINING else j
            for patient in self._patients_before(view, before):
                if identity(view.mentions[patient][2]) == key or view.mentions[patient][2].found_by == STAND_IN:
                    continue
                epi = epistemics(words, j, view.mentions[patient][1], (w,) if unchanged else ())
                out.append(claim(agent, view.mentions[patient][2], rtype, sentence, w, "carried", epi))
                changed.add(patient)
        # "In CCI rats, MDA levels were higher": a condition named as the setting, not as what changed
        # (nor as what this sentence's own claim treats)
        treated = {id(r.object) for r in found}
        if any(m.category is Category.DISEASE and i not in changed and id(m) not in treated
               for i, (_, _, m) in enumerate(view.mentions)):
            return []
        return out

    def _given_treatment(self, view: SentenceView) -> Mention | None:
        """The one treatment a sentence says was given: "10 patients ... received three intrathecal
        injections of UC-MSCs", "Intrathecal administration of BM-MSCs to 12 patients ... was well
        tolerated" (not a drug the patients were "refractory to", nor a control arm)."""
        given: dict[str, Mention] = {}
        for k, w in enumerate(view.words):
            if w not in RECEIVING and w not in TRIAL_RECEIVING and w not in WRAPPERS:
                continue
            agent = self._agent_after(view, k + 2 if view.words[k + 1:k + 2] == ["of"] else k + 1, 3)
            if agent is None or view.mentions[agent][0] in view.aside:
                continue
            mention = view.mentions[agent][2]
            if mention.category in TREATMENTS and not is_control_arm(mention):
                given.setdefault(identity(mention), mention)
        return next(iter(given.values())) if len(given) == 1 else None

    def _induced_models(self, view: SentenceView) -> list[Relation]:
        """ "Oxaliplatin-treated mice developed cold allodynia", "Mice treated with vincristine developed
        mechanical allodynia": the drug that makes the model causes the condition the animals then show
        (a chemical, never a control arm); a treatment's animals that "developed neither X nor Y" were
        protected from both (PREVENTS)."""
        out = []
        for i, w in enumerate(view.words):
            if w not in MODEL_MAKING or i < 1:
                continue
            if i >= 2 and view.words[i - 1] == "-" and view.mention_at[i - 2] >= 0:
                agent = view.mention_at[i - 2]
                k = i + 1
                while k < len(view.words) and view.mention_at[k] >= 0 \
                        and view.mentions[view.mention_at[k]][2].category is Category.ORGANISM:
                    k += 1  # "oxaliplatin-treated mice"
                named_animals = k > i + 1
            elif view.mention_at[i - 1] >= 0 and view.mentions[view.mention_at[i - 1]][2].category is Category.ORGANISM \
                    and view.words[i + 1:i + 2] == ["with"] and i + 2 < len(view.words) and view.mention_at[i + 2] >= 0:
                agent = view.mention_at[i + 2]  # "Mice treated with vincristine developed ..."
                k, named_animals = view.mentions[agent][1], True
            else:
                continue
            if is_control_arm(view.mentions[agent][2]):
                continue
            if named_animals and view.words[k:k + 2] == ["developed", "neither"] \
                    and view.mentions[agent][2].category in TREATMENTS:
                # "hUC-MSC-treated rats developed neither mechanical allodynia nor thermal hyperalgesia"
                first = self._objects_after(view, k + 2)
                nor = next((j for j in range(k + 2, min(k + 12, len(view.words))) if view.words[j] == "nor"), None)
                later = self._objects_after(view, nor + 1) if nor is not None else []
                conditions = [o for o in first + later if view.mentions[o][2].category in CONDITIONS]
                out += self._emit(view, Trigger(RelationType.PREVENTS, "phrase", k, k + 2, "developed neither"),
                                  [agent], conditions, "active")
                continue
            if view.mentions[agent][2].category is not Category.CHEMICAL:
                continue
            if not named_animals or k + 1 >= len(view.words) or view.words[k] not in SHOWING \
                    or view.words[k + 1] in COMPARATIVES or k + 1 in view.comparatives:
                continue  # "apocynin-treated rats exhibited less allodynia": a group effect (_group_effects)
            conditions = [o for o in self._objects_after(view, k + 1) if view.mentions[o][2].category in CONDITIONS]
            trig = Trigger(RelationType.CAUSES, "phrase", k, k + 1, view.words[k])
            out += self._emit(view, trig, [agent], conditions, "active")
        return out

    def _trial_treatments(self, view: SentenceView) -> list[Relation]:
        """ "Patients with knee osteoarthritis were randomized to a single intra-articular injection of
        UC-MSCs or hyaluronic acid": the first arm's treatment TREATS the patients' disease, in the sense
        of "is used to treat" (SemMedDB's): the design says what it is given for, not that it worked."""
        words = view.words
        for i in range(len(words) - 3):
            if words[i] not in PATIENTS or words[i + 1] != "with":
                continue
            disease = view.mention_starting_after(i + 2, 3)
            if disease is None or view.mentions[disease][2].category is not Category.DISEASE:
                continue
            end = view.mentions[disease][1]
            # "patients with type 2 diabetes and painful DPN": the pain; a modifier tagged apart ("painful")
            while end < len(words):
                nxt = view.mention_at[end] if view.mention_at[end] >= 0 else \
                    view.mention_starting_after(end + 1, 1) if words[end] == "and" else None
                if nxt is None or view.mentions[nxt][2].category not in CONDITIONS:
                    break
                if view.mentions[nxt][2].category is not Category.DISEASE:
                    disease = None  # "with type 2 diabetes and painful neuropathy": the pain is treated, no disease
                    break
                disease, end = nxt, view.mentions[nxt][1]
            if disease is None:
                continue
            patient_aside = {k for c in range(end, min(end + 25, len(words) - 1))
                             if words[c] == "," and words[c + 1] in PATIENT_ASIDES
                             for k in range(c, next((e for e in range(c + 1, len(words)) if words[e] == ","), c) + 1)}
            skipped = view.aside | patient_aside
            given = next((k for k in range(end, min(end + 25, len(words) - 1)) if k not in skipped and (
                words[k] in TRIAL_RECEIVING or words[k] in CLAUSE_BREAKS or words[k] == ".")), None)
            if given is None or words[given] not in TRIAL_RECEIVING:
                continue
            k = given + 1
            while k < len(words) and words[k] in ("to", "with", "either", "a", "an"):
                k += 1
            agent = self._agent_after(view, k, 3)
            if agent is None or view.mentions[agent][2].category not in TREATMENTS or is_control_arm(view.mentions[agent][2]):
                continue
            return [claim(view.mentions[agent][2], view.mentions[disease][2], RelationType.TREATS, view.sentence,
                              words[given], "trial", Epistemics())]
        return []

    def _only_agents(self, view: SentenceView, relations: list[Relation]) -> list[Relation]:
        """ "Both ADSCs and NAC restored SOD, but only ADSCs reversed allodynia": the other agents the
        sentence compared did not (each agent of an earlier claim or equivalence arm of the sentence)."""
        position = {id(m): s for s, _, m in view.mentions}
        in_arms = {i for start, end in view.equivalents for i in range(start, end)}
        out = []
        for rel in effect_claims(relations):  # not what a name presupposes ("only BMSC-EVs": EVs from BMSCs)
            start = position.get(id(rel.subject))
            if start is not None:
                start = self._past_source(view, start)  # "only BMSC-EVs lowered"
            if start is None or rel.evidence.epistemics.negated or "only" not in view.words[max(0, start - 2):start]:
                continue
            only = max(k for k in range(max(0, start - 2), start) if view.words[k] == "only")
            # not the cause a name presupposes: "... of rats with oxaliplatin-induced neuropathy, but only UC-sEVs"
            earlier = {id(r.subject): r.subject for r in effect_claims(relations)
                       if position.get(id(r.subject), only) < only and not r.evidence.epistemics.negated}
            earlier |= {id(m): m for s, _, m in view.mentions if s in in_arms and s < only and m.category in ROUTE_AGENTS}
            for other in earlier.values():
                if is_control_arm(other) or other.curie and other.curie == rel.subject.curie or same_head(other, rel.subject) \
                        or GENERIC_HEADS.get(rel.subject.text.lower()) is other.category:
                    # one agent named twice: "... as gingiva-derived MSCs, yet only the MSC-treated rats ...",
                    # "MSC-EVs ... only the vesicles"
                    continue
                out.append(claim_for(rel, other, view.sentence,
                                      rel.evidence.epistemics.model_copy(update={"negated": True})))
        return out

    @staticmethod
    def _object_pronoun(view: SentenceView, index: int) -> bool:
        """ "reversed it", "decreased both", "restored them", "prevented its development": a pronoun
        ending the verb phrase; "both" before a plural noun no entity names ("lowered both markers")
        refers back too."""
        words = view.words
        if words[index:index + 1] == ["both"] and index + 2 < len(words) and view.mention_at[index + 1] < 0 \
                and words[index + 1] in REFERRED_CLASSES \
                and (words[index + 2] in CLAUSE_ENDS or words[index + 2] in PREPOSITIONS or words[index + 2] in COORDINATION):
            return True  # "whereas DPSCs lowered both channels in the DRG"
        if words[index:index + 1] in (["its"], ["their"]) and index + 1 < len(words) and words[index + 1] in PHASES:
            index += 1  # "did not reduce allodynia ..., but they prevented its development"
        elif index >= len(words) or words[index] not in OBJECT_PRONOUNS:
            return False
        return (
            index + 1 == len(words) or words[index + 1] in CLAUSE_ENDS or words[index + 1] in PREPOSITIONS
            or words[index + 1] in OBJECT_STOPS or words[index + 1] in COORDINATION
            or QUANTITY.match(words[index + 1]) is not None
            or words[index + 1].endswith(("-fold", "ly")))  # "relieved it only transiently"

    @staticmethod
    def _referred_objects(view: SentenceView, relations: list[Relation], pronoun: str) -> list[int]:
        """What "it" / "them" / "both" refers to: the object of the sentence's last effect claim, or
        ("them", "both") every object its agent was claimed to act on."""
        position = {id(m): i for i, (_, _, m) in enumerate(view.mentions)}
        claims = [r for r in effect_claims(relations) if id(r.object) in position]
        if not claims:
            return []
        last = max(claims, key=lambda r: position[id(r.object)])
        if pronoun in ("it", "its"):
            return [position[id(last.object)]]
        return sorted({position[id(r.object)] for r in claims if r.subject is last.subject})

    def _elided_claims(self, view: SentenceView, relations: list[Relation]) -> list[Relation]:
        """ "Only EVs reduced hyperalgesia; NAC did not", "..., whereas intact exosomes did", "...,
        whereas curcumin failed to do so", "; NAC had a comparable effect", "ZnPP mimicked this effect":
        the verb phrase left out is the last claim's, made for the new agent, negated and hedged by its
        own words ("did not", "failed to", "may")."""
        words, out = view.words, []
        position = {id(m): s for s, _, m in view.mentions}
        claims = [r for r in effect_claims(relations) if id(r.subject) in position]
        for index, (start, end, _) in enumerate(view.mentions):
            agent = view.mentions[self._phrase_head(view, index)][2]  # "sEVs from knockdown BMSCs failed to do so"
            if agent.category not in ROUTE_AGENTS or is_control_arm(agent) or start in view.aside:
                continue
            k = end
            if words[k:k + 1] == ["("]:  # "N-acetylcysteine (NAC) had a comparable effect"
                k = next((i for i in range(k, len(words)) if words[i] == ")"), len(words) - 1) + 1
            while k < len(words) and k in view.aside:
                k += 1  # "apocynin, a NOX inhibitor, reproduced this effect"
            if words[k:k + 1] == [","] and k - 1 in view.aside:
                k += 1
            while k < len(words) and (words[k].endswith("ly") or words[k] in ("alone", "itself", "themselves")):
                k += 1
            same_effect = self._same_effect_end(words, k)
            if same_effect is not None:  # "N-acetylcysteine (NAC) had a comparable effect", "mimicked this effect"
                k = same_effect
            elif words[k:k + 4] == ["failed", "to", "do", "so"]:
                k += 4
            elif k < len(words) and words[k] in ELLIPTIC_AUXILIARIES:
                k += 1
                while k < len(words) and words[k] in ("not", "n't", "never", "also", "too", "so", "do", "either"):
                    k += 1
            else:
                continue
            if k < len(words) and (words[k] not in CLAUSE_ENDS or words[k] == "," and k + 1 < len(words)
                                   and (words[k + 1] in SENTENCE_OPENERS or k + 1 in view.aside)):
                continue  # "NAC did not reduce ...", "the cells did not, however, alter ...": a verb of its own
            before = [r for r in claims if position[id(r.subject)] < start and r.subject is not agent
                      and (not agent.curie or r.subject.curie != agent.curie)]
            if not before:
                continue
            last = max(position[id(r.subject)] for r in before)
            for rel in before:
                if position[id(rel.subject)] == last:
                    out.append(claim_for(rel, agent, view.sentence, epistemics(words, k, end), how="elided"))
        for k in range(1, len(words) - 2):  # "..., and this effect was mimicked by the SOD mimetic tempol"
            if words[k] not in MIMICKING or words[k + 1] != "by" or words[k - 1] not in BE_FORMS | {"not"}:
                continue
            agent_index = self._agent_after(view, k + 2)
            if agent_index is None:
                continue
            agent = view.mentions[self._member_after(view, agent_index)][2]  # "the SOD mimetic tempol"
            before = [r for r in claims if position[id(r.subject)] < k and r.subject is not agent]
            if agent.category in ROUTE_AGENTS and before:
                last = max(position[id(r.subject)] for r in before)
                out += [claim_for(rel, agent, view.sentence, epistemics(words, k, 0), how="elided")
                        for rel in before if position[id(rel.subject)] == last]
        return out

    def _mimicked_before(self, view: SentenceView, found: list[Relation], previous: list[Relation],
                         previous_view: "SentenceView | None") -> list[Relation]:
        """ "BMSC exosomes reduced NF-κB p65 and NLRP3. These effects were reproduced by BAY 11-7082",
        "... Tempol mimicked this effect": the agent makes the claims of the sentence before, when the
        sentence itself made none for it to copy (_elided_claims); both sentences are the evidence."""
        if previous_view is None or previous_view.sentence.index != view.sentence.index - 1 \
                or any(r.evidence.extractor.endswith(":elided") for r in found):
            return []
        words, agent, verb = view.words, None, None
        for k, w in enumerate(words):
            if w not in MIMICKING:
                continue
            if words[k + 1:k + 2] == ["by"] and k >= 2 and words[k - 1] in BE_FORMS \
                    and words[k - 2] in ("effect", "effects") and words[k - 3:k - 2] in (["this"], ["these"]):
                agent, verb = self._agent_after(view, k + 2), k  # "These effects were reproduced by BAY 11-7082"
            elif self._same_effect_end(words, k) is not None and words[k + 1:k + 2] in (["this"], ["these"]):
                subjects = self._subjects_before(view, k)  # "The HO-1 inducer CoPP mimicked this effect"
                agent, verb = (subjects[0] if subjects else None), k
            if agent is not None:
                break
        if agent is None:
            return []
        agent = self._member_after(view, agent)  # "The NOX2 inhibitor gp91ds-tat mimicked these effects"
        subject, after = view.mentions[agent][2], view.words[view.mentions[agent][1]:view.mentions[agent][1] + 1]
        # "TLR4 knockdown mimicked these effects": the claims of its absence, not of TLR4
        if subject.category not in ROUTE_AGENTS or is_control_arm(subject) or subject.found_by == CLASS \
                or after and (after[0] in INVERTED_AGENTS or after[0] in TARGETING_CLASSES):
            return []
        claims = [r for r in effect_claims(previous) if not r.evidence.epistemics.negated
                  and r.subject.curie != subject.curie]
        if not claims:
            return []
        last = max(r.subject.start for r in claims)
        sentence = joined(previous_view.sentence, view.sentence)
        epi = epistemics(words, verb, 0)
        return [claim(subject, r.object, r.type, sentence, words[verb], "elided", epi)
                for r in claims if r.subject.start == last]

    @staticmethod
    def _same_effect_end(words: list[str], k: int) -> int | None:
        """Where "had a comparable effect" / "did not have a similar effect" / "mimicked this effect" ends
        when it starts at ``k``."""
        while k < len(words) and words[k] in ("did", "does", "not", "also", "likewise"):
            k += 1
        if k < len(words) and words[k] in MIMICKING:
            k += 1
            if k < len(words) and words[k] in ("this", "these", "the", "that", "those", "its", "their"):
                k += 1
        elif k < len(words) and words[k] in EFFECT_HAVING:
            k += 1
            if k < len(words) and words[k] in ("a", "an", "the"):
                k += 1
            if k >= len(words) or words[k] not in SAME_ADJECTIVES:
                return None
            k += 1
        else:
            return None
        return k + 1 if k < len(words) and words[k] in ("effect", "effects", "action", "actions") else None

    def _clause_effect(self, view: SentenceView, trig: Trigger, agents: list[int]) -> list[Relation]:
        """ "BMSC treatment attenuated allodynia and reduced MDA, whereas SOD activity was restored":
        an agentless passive in a clause joined to the sentence's claim is the same agent's effect."""
        i = trig.start - 1
        while i >= 0 and (view.words[i] in BE_FORMS | REMAINING or view.words[i].endswith("ly")
                          or view.words[i] in ("not", "also", "did", "does", "do")):
            i -= 1
        while i >= 0 and view.words[i] in OBJECT_HEADS and view.mention_at[i] < 0:
            i -= 1
        i = before_parentheses(view.words, i)  # "superoxide dismutase (SOD) activity was restored"
        patient = view.mention_at[i] if i >= 0 else -1
        after = view.words[trig.end:trig.end + 3]
        # "whereas HbA1c was not affected by the treatment": the claim's agent, named again
        by_agent = after[:1] == ["by"] and after[1:2] in (["the"], ["this"]) and after[2:] \
            and after[2] in TREATMENT_NOUNS and view.mention_at[trig.end + 2] < 0
        if not agents or patient < 0 or after[:1] in (["by"], ["in"], ["after"]) and not by_agent:
            return []
        patients = [patient, *self._listed_before(view, view.mentions[patient][0])]  # "CD68 and iNOS were reduced"
        start = self._past_sample_words(view, min(view.mentions[p][0] for p in patients))
        while start > 0 and view.words[start - 1] in ("neither", "either", "both"):
            start -= 1  # "yet neither synovial fluid IL-1β nor TNF-α changed significantly"
        joint = view.words[max(0, start - 2):start]
        # "..., whereas SOD activity was restored", "shifted macrophages to an M2 phenotype: CD68 was reduced"
        if not (joint[-1:] in (["whereas"], ["while"], [":"], ["yet"])
                or joint in ([",", "whereas"], [",", "while"], [",", "and"], [",", "but"])):
            return []
        if any(view.mentions[a][1] > start for a in agents):
            return []
        return self._emit(view, trig, agents, patients, "carried")

    @staticmethod
    def _past_sample_words(view: SentenceView, start: int) -> int:
        """Where the noun phrase of a measured thing begins, before the place or sample it was measured
        in: "synovial fluid IL-1β", "microglial Iba1", "serum MDA" (at most three words)."""
        i = start
        while i > 0 and start - i < 3 and (view.words[i - 1] in SAMPLE_WORDS or view.words[i - 1] in SAMPLE_NOUNS
                                           or view.mention_at[i - 1] >= 0
                                           and view.mentions[view.mention_at[i - 1]][2].category is Category.ANATOMY):
            i -= 1
        return i

    @staticmethod
    def _equivalent_agents(view: SentenceView, relations: list[Relation]) -> list[Relation]:
        """The claim again for the agent of an equivalence arm: "ADSCs reduced allodynia as effectively
        as gabapentin" also says gabapentin reduced it (positive claims of the arm's own clause only);
        a sentence opening "Unlike gabapentin, BMSC-CM did not reduce ..." says the opposite of it."""
        out = []
        position = {id(m): (s, e) for s, e, m in view.mentions}
        for arm_start, arm_end in view.equivalents:
            # the arm's agents, not a source written into their name ("MSC-derived EVs (MSC-EVs)")
            agents = [m for s, e, m in view.mentions if arm_start <= s < arm_end
                      and m.category in ROUTE_AGENTS and not is_control_arm(m) and view.words[e:e + 1] != ["-"]
                      and view.words[s - 1:s] != ["("] and not DiscourseRules._source_of_product(view, s)]
            opposite = view.words[arm_start] == "unlike" or view.words[arm_start:arm_start + 2] == ["in", "contrast"]
            if opposite and view.words[arm_end:arm_end + 2] in ([",", "which"], [",", "who"]):
                # "In contrast to gabapentin, which only transiently raised PWL, ...": its own clause says
                # what the arm's agent did; the contrast is one of degree or time
                continue
            # the main clause's subject phrase ("BMSC-exosomes" of "Like TEMPOL, BMSC-exosomes lowered ...")
            main = next((s for s, _, m in view.mentions if s >= arm_end and m.category in ROUTE_AGENTS), None) \
                if arm_start == 0 else None
            for rel in relations:
                if not agents or rel.evidence.epistemics.negated and not opposite or rel.type in NOT_EQUIVALENT \
                        or rel.evidence.extractor.endswith(":hyphen"):
                    continue  # nor what a name presupposes: "MIA-induced knee osteoarthritis"
                (s_start, s_end), (o_start, o_end) = position[id(rel.subject)], position[id(rel.object)]
                if arm_start > 0 and view.words[arm_start] == "like":
                    # "Tempol, like MSC-EVs, reversed it": the claims of the subject the arm follows
                    applies = 0 <= arm_start - s_end <= 2 and o_start >= arm_end
                elif arm_start == 0:  # "Like TEMPOL, ... lowered superoxide": the claims of the main clause's subject
                    applies = s_start >= arm_end and not any(w in CLAUSE_BREAKS for w in view.words[arm_end:o_start]) \
                        and main is not None and 0 <= s_start - main <= 3
                else:
                    applies = o_end <= arm_start and not any(w in CLAUSE_BREAKS for w in view.words[o_end:arm_start])
                if not applies:
                    continue
                epi = rel.evidence.epistemics
                if opposite:  # "Unlike X, Y did not reduce Z": X did
                    epi = epi.model_copy(update={"negated": not epi.negated})
                out += [claim_for(rel, agent, view.sentence, epi) for agent in agents]
        return out

    def _group_effects(self, view: SentenceView) -> list[Relation]:
        """Results written about treated animals rather than the agent:
        "rats receiving perineural ADSCs displayed less thermal hyperalgesia" (ADSCs DECREASES),
        "MDA levels were lower in the BMSC group than in the CCI group" (BMSC DECREASES MDA),
        "allodynia resolved within 10 days in hUCMSC-treated mice" (hUCMSC DECREASES allodynia).
        Runs before the trigger loop, which then leaves the comparatives it read alone."""
        out = []
        words = view.words
        agents: dict[int, int] = {}  # comparative position -> the treated group's agent
        for j, w in enumerate(words):
            # a change shown: "the MSC group showed a greater reduction in WOMAC pain scores" (the object's
            # change noun turns the trigger's rise into the claim's direction, _change_before)
            changed = w in CHANGE_NOUNS and words[j + 1:j + 2] in (["in"], ["of"])
            if w in COMPARATIVES and words[j + 1:j + 2] and words[j + 1] in CHANGE_NOUNS:
                continue  # the noun after it is the trigger
            rtype = RelationType.INCREASES if changed else \
                COMPARATIVES.get(w) or OUTCOMES.get(w) or INTRANSITIVE_CHANGES.get(w)
            if rtype is None and self.lexicon.verbs.get(w, (None, False))[1] and self._after_be(view, j):
                rtype = self.lexicon.verbs[w][0]  # "IL-6 was lowered in the AD-MSC group"
            if rtype is None or j in view.compared:
                continue
            trig = Trigger(rtype, "phrase", j, j + 1, w)
            i = j - 1
            while i >= 0 and (words[i].endswith("ly") or words[i] in ("a", "an") or changed and (
                    words[i] in GRADES or words[i] in ("%", "-", "fold") or counted(words[i]))):
                i -= 1  # "showed a 40% reduction in", "a 2.5-fold reduction in"
            if changed:
                if i < 0 or words[i] not in SHOWING:
                    continue
                trig = Trigger(rtype, "phrase", i, i + 1, words[i])  # the change noun lies between it and the object
            # "Macrophages cultured with BMSC-CM secreted more IL-10": a product measured in the treated cells
            if i >= 0 and (words[i] in SHOWING or words[i] in MEASURED_OUTPUTS and i == j - 1):
                # the treatment's dose aside may hold a clause break: "(ADSC-Exos; 20 μg on days 1 and 3)"
                shown = i - 1 if i >= 1 and words[i - 1] == "also" else i  # "the treated group also showed"
                receiving = next((k for k in range(i - 1, -1, -1) if k not in view.aside and (
                    words[k] in RECEIVING or words[k] in CLAUSE_BREAKS or words[k] in GROUPS and k == shown - 1)),
                    None)
                if receiving is not None and words[receiving] in RECEIVING | GROUPS:
                    before = view.mention_at[receiving - 2] if receiving >= 2 and words[receiving - 1] == "-" else -1
                    if (words[receiving].startswith("recipient") or words[receiving] in GROUPS) and receiving >= 1:
                        before = view.mention_at[receiving - 1]  # "BM-MSC recipients showed", "the MSC group had"
                        if before >= 0 and is_control_arm(view.mentions[before][2]):
                            continue
                    # "apocynin-treated rats exhibited ..." or "rats receiving ADSCs displayed ..."
                    agent = before if before >= 0 else self._agent_after(view, receiving + 1)
                    if agent is not None and view.mentions[agent][1] <= i:
                        out += self._emit(view, trig, [agent], self._objects_after(view, j + 1), "active")
                        view.comparatives.add(j)
                        agents[j] = agent
            elif j >= 1 and words[j - 1] in ("and", ",") and any(
                    k in agents and sum(1 for x in range(k, j) if x not in view.aside) <= 12 for k in range(j)):
                # "showed higher withdrawal latencies and lower c-Fos expression": the same group; an aside
                # between does not count ("fewer lifts than the vehicle group (3.1 vs. 7.4, p < 0.01) and lower")
                agent = agents[max(k for k in range(j) if k in agents)]
                out += self._emit(view, trig, [agent], self._objects_after(view, j + 1), "active")
                view.comparatives.add(j)
                agents[j] = agent
            elif self._after_be(view, j) or w in OUTCOMES or w in INTRANSITIVE_CHANGES and j > 0 and (
                    view.mention_at[j - 1] >= 0 or words[j - 1] in OBJECT_HEADS and self._patient_before(view, j) is not None):
                # "... was lower in the BMSC group", "allodynia resolved within 10 days in MSC-treated mice",
                # "Synovial fluid IL-6 decreased in the UC-MSC group", "MMP collapsed in paclitaxel-treated neurons"
                k = j + 1
                while k < len(words) and k < j + 8 and words[k] != "in" and words[k] not in CLAUSE_BREAKS \
                        and view.mention_at[k] < 0 and (w in OUTCOMES or words[k].endswith("ly") or magnitude(words, k)):
                    k += 1
                if w in INTRANSITIVE_CHANGES and words[j + 1:j + 2] in (["after"], ["following"]):
                    out += self._changed_after(view, trig, j)  # "serum IL-6 declined after SVF but not after pregabalin"
                    continue
                timed = self._agent_of_time_clause(view, j + 1) if w in INTRANSITIVE_CHANGES else None
                if timed is not None:  # "MDA levels rose from 2.1 to 5.8 nmol/mg protein after CCI"
                    out += self._emit(view, trig, [timed], self._patients_before(view, j), "after")
                    continue
                if words[k:k + 1] != ["in"]:
                    continue
                host_end = k + 1
                while host_end < len(words):
                    m = view.mention_at[host_end]
                    if m < 0 and words[host_end].rsplit("-", 1)[-1] in RECEIVING and "-" in words[host_end] \
                            and host_end + 1 < len(words) and view.mention_at[host_end + 1] >= 0:
                        host_end += 1  # "in oxaliplatin-exposed DRG neurons co-cultured with"
                    elif m >= 0 and words[view.mentions[m][1]:view.mentions[m][1] + 1] == ["-"] \
                            and view.mentions[m][1] + 1 < len(words) and words[view.mentions[m][1] + 1] in RECEIVING:
                        host_end = view.mentions[m][1] + 2  # the same, split at its hyphen
                    elif words[host_end] in DETERMINERS or m >= 0 and view.mentions[m][2].category in CONDITIONS | {
                            Category.ORGANISM, Category.CELL, Category.CELL_LINE}:
                        host_end = view.mentions[m][1] if m >= 0 else host_end + 1
                    else:
                        break
                if host_end > k + 1 and words[host_end:host_end + 1] and words[host_end] in RECEIVING:
                    # "allodynia was attenuated in CCI mice treated with DPSC-Exos": the animals' treatment
                    given = self._agent_after(view, host_end + 1)
                    if given is not None and view.mentions[given][2].category in TREATMENTS:
                        out += self._emit(view, trig, [given], self._patients_before(view, j), "active")
                        continue
                agent = view.mention_starting_after(k + 1, 1)
                if agent is not None and view.mentions[agent][2].category is Category.ANATOMY \
                        and words[view.mentions[agent][1]:view.mentions[agent][1] + 1] == ["of"]:
                    # "was downregulated in the DRG of paclitaxel-treated rats": the animals' treatment
                    agent = view.mention_starting_after(view.mentions[agent][1] + 1, 1)
                after = view.mentions[agent][1] if agent is not None else len(words)
                if agent is not None and (words[after:after + 1] and words[after] in GROUPS | {"treated"}
                                          or words[after:after + 2] == ["-", "treated"]):
                    out += self._emit(view, trig, [agent], self._patients_before(view, j), "active")
        return out

    def _changed_after(self, view: SentenceView, trig: Trigger, j: int) -> list[Relation]:
        """ "Serum IL-6 declined after SVF but not after pregabalin": a change after a treatment is the
        treatment's, and the treatment excepted did not make it. Not "... declined after MSCs reduced ROS"
        (a clause of its own)."""
        words = view.words
        agent = self._agent_after(view, j + 2, 3)
        if agent is None or view.mentions[agent][2].category not in TREATMENTS:
            return []
        end = view.mentions[agent][1]
        if words[end:end + 1] and (words[end] in self.lexicon.verbs or words[end] in ELLIPTIC_AUXILIARIES):
            return []
        agents = [agent]
        if words[end:end + 3] in (["but", "not", "after"], ["but", "not", "following"]):
            excepted = self._agent_after(view, end + 3, 3)
            if excepted is not None:
                view.excepted.add(excepted)
                agents.append(excepted)
        return self._emit(view, trig, agents, self._patients_before(view, j), "active")

    def _treated_setting(self, view: SentenceView) -> list[Relation]:
        """ "In oxaliplatin-treated rats, spinal glutathione fell by 40%", "When microglia were co-cultured
        with BMSCs, the production of TNF-α and IL-6 declined": a change reported in the setting the
        sentence opens with is the treatment's (intransitive change verbs only)."""
        words = view.words
        agent, comma = self._setting_agent(view)
        if agent is None:
            return []
        out = []
        for j in range(comma + 1, len(words)):
            rtype = INTRANSITIVE_CHANGES.get(words[j])
            if rtype is None or words[j - 1] in BE_FORMS or j + 1 < len(words) and (
                    words[j + 1] in DETERMINERS
                    or view.mention_starting_after(j + 1, 2, CLAUSE_BREAKS | PREPOSITIONS | {"and", "or", ","}) is not None):
                # "..., secretome from adipose MSCs increased PGC-1α", "EVs decreased spinal TNF-α": transitive
                continue
            patients = [p for p in self._patients_before(view, j) if view.mentions[p][0] > comma]
            out += self._emit(view, Trigger(rtype, "phrase", j, j + 1, words[j]), [agent], patients, "active")
        return out
