"""Phrase and name rules of the pattern extractor."""

from __future__ import annotations


from kg.relations.anaphora import is_control_arm
from kg.types import CLASS, Relation
from kg.vocab import CLASS_COUNTS, GRADING_ADJECTIVES, Category, RelationType
from kg.relations.patterns.words import (
    ADMINISTERED, ATTRIBUTE_NOUNS, BARE_LOCATIONS, BE_FORMS, BOUND, CARRYING, CELL_PRODUCTS, CLAUSE_BREAKS,
    COMPARATIVES, CONDITIONS, CONTAINER_PHRASES, DETERMINERS, EFFECT_ADJECTIVES, EFFECT_NOUNS, EXPRESSING,
    GIVEN_FOR_AGENTS, GIVEN_FOR_FILLERS,
    HOMING_PLACES, HOMING_VERBS,
    HYPHEN_RELATIONS, INTRODUCTORY, IRREGULAR_PARTICIPLES,
    KIND_NOUNS, LABELLED, LOCATED_AGENTS, LOCATIONS, MODEL_INDUCING, MODEL_INDUCING_VERBS, MOLECULES, MOVING, NOT_AGENTS, NP_MODIFIERS, OBJECT_HEADS,
    PREPOSITIONS, QUANTITY, REACHING_VERBS, RELATIVES, ROUTE_AGENTS, ROUTE_LINKS, SILENCING_REAGENTS, SOURCES,
    SOURCE_LINKS, SOURCE_MATERIALS, UPTAKE_VERBS, WRAPPERS,
)
from kg.relations.patterns.lexicon import Lexicon, Trigger
from kg.relations.patterns.claims import identity, presupposed, with_negation
from kg.relations.patterns.view import SentenceView, adverbial, before_parentheses, past_abbreviation


class PhraseRules:
    """Claims a phrase or a name states: nominalizations, tight phrases, hyphenated heads,
    cargo, secretions, products and routes."""

    lexicon: Lexicon

    def _class_memberships(self, view: SentenceView) -> list[Relation]:
        """The entity a class mention (found_by ``CLASS``, see the NLP stage) is said to be one of:
        "Nrf2, a transcription factor", "SOD is a key antioxidant enzyme", "the antioxidant N-acetylcysteine"."""
        out = []
        for k, (start, end, cls) in enumerate(view.mentions):
            if cls.found_by != CLASS:
                continue
            member, members = None, []
            if k + 1 < len(view.mentions) and view.mentions[k + 1][0] == end and view.words[start - 1:start] == ["the"]:
                member = view.mentions[k + 1][2]  # "the antioxidant N-acetylcysteine"
            elif k >= 1:
                j = start - 1
                while j >= 0 and view.words[j] in GRADING_ADJECTIVES:
                    j -= 1
                prior_index = k - 1
                if view.words[j - 2:j] == [")", ","]:
                    # "ML385 (30 mg/kg, i.p.), a selective Nrf2 inhibitor": the member before the aside
                    opening = next((i for i in range(j - 2, -1, -1) if view.words[i] == "("), -1)
                    before = view.mention_at[opening - 1] \
                        if opening >= 1 and view.mention_at[opening + 1] != k - 1 else -1
                    prior_index = before if before >= 0 else prior_index
                prior = view.mentions[prior_index]
                gap = view.words[prior[1]:j + 1]
                if gap and gap[-1] in ("a", "an", *CLASS_COUNTS) and (
                        gap[:-1] in ([","], ["is"], ["are"]) or gap[0] in ("(", ")") and gap[-2] in (",", "is", "are")):
                    member = prior[2]  # "Nrf2, a ...", "SOD is a ...", "Superoxide dismutase (SOD) is a ..."
                    if gap[-1] in CLASS_COUNTS:  # "TNF-α and IL-1β, two pro-inflammatory cytokines"
                        members += [view.mentions[m][2] for m in self._listed_before(view, prior[0])]
            for member in ([member] if member is not None else []) + members:
                if member.category is not Category.ENTITY:
                    out.append(presupposed(member, cls, RelationType.IS_A, view.sentence, "is a", "tight"))
        # "Wharton's jelly MSCs (WJ-MSCs), a subtype of umbilical cord MSCs, ...": a named kind of a named class
        for k, (start, end, member) in enumerate(view.mentions):
            i = end
            while i < len(view.words) and view.words[i] == "(":
                i = next((j for j in range(i, len(view.words)) if view.words[j] == ")"), len(view.words) - 1) + 1
            words = view.words[i:i + 4]
            if len(words) < 4 or words[0] != "," or words[1] not in ("a", "an", "both"):
                continue
            if words[2] not in KIND_NOUNS or words[3] != "of" or words[1] == "both":
                # "Paclitaxel, a microtubule-stabilizing taxane,", "Vincristine, a vinca alkaloid,": a named class
                j = i + 2
                while j < min(i + 5, len(view.words)) and view.mention_at[j] < 0 \
                        and view.words[j].replace("-", "").isalpha():
                    j += 1
                cls = view.mention_at[j] if j < len(view.words) else -1
                if cls < 0 or view.mentions[cls][0] != j:
                    continue
                named = view.mentions[cls][2]
                follower = view.words[view.mentions[cls][1]:][:1]
                # "Dexamethasone, a synthetic glucocorticoid given on the same schedule,": a participle goes on;
                # "Curcumin, a polyphenol from Curcuma longa,": so does its origin
                closed = follower in ([","], ["."], [";"], ["that"], ["which"], ["with"], ["from"]) or follower and (
                    follower[0] in IRREGULAR_PARTICIPLES or follower[0].endswith("ed"))
                # "Pregabalin and gabapentin, both gabapentinoids,": each one listed
                listed = [view.mentions[m][2] for m in self._listed_before(view, start)] if words[1] == "both" else []
                for one in ([member, *listed] if closed else []):
                    if named.category is one.category and identity(named) != identity(one):
                        out.append(presupposed(one, named, RelationType.IS_A, view.sentence, "is a", "tight"))
                continue
            j = i + 4
            while j < len(view.words) and view.mention_at[j] < 0 and j < i + 8 and view.words[j] not in (",", "."):
                j += 1  # "a population of neural crest-derived MSCs"
            cls = view.mention_at[j] if j < len(view.words) else -1
            while cls >= 0 and view.mentions[cls][1] < len(view.words) and view.words[view.mentions[cls][1]] == "-":
                after = view.mentions[cls][1] + 2
                nxt = view.mention_at[after] if after < len(view.words) else -1
                cls = nxt if nxt >= 0 else -1  # "neural crest-derived MSCs": the class is the head
            if cls >= 0 and view.mentions[cls][2].category is member.category \
                    and view.mentions[cls][2].curie != member.curie:
                out.append(presupposed(member, view.mentions[cls][2], RelationType.IS_A, view.sentence, "is a", "tight"))
        return out

    def _localizations(self, view: SentenceView) -> list[Relation]:
        """Cells or vesicles LOCATED_IN where they went or what took them up (HOMING_VERBS, REACHING_VERBS,
        UPTAKE_VERBS); "but not in the DRG" and "rather than by neurons" are negated places."""
        out = []
        words = view.words
        for i, w in enumerate(words):
            if w not in HOMING_VERBS and w not in UPTAKE_VERBS and w not in REACHING_VERBS or view.mention_at[i] >= 0:
                continue
            k = i + 1
            if w == "taken" and words[k:k + 1] == ["up"]:
                k += 1
            while k < len(words) and words[k].endswith("ly") and view.mention_at[k] < 0:
                k += 1  # "accumulated predominantly in", "internalized mainly by"
            if w in REACHING_VERBS:
                k -= 1  # "reached the brainstem": the place is the object
            elif k >= len(words) or words[k] not in (HOMING_PLACES if w in HOMING_VERBS else {"by"}):
                continue
            subjects = [m for m in self._subjects_before(view, i) if view.mentions[m][2].category in LOCATED_AGENTS]
            first = self._coordinated_passive(view, i) if not subjects else None
            if first is None and not subjects:
                first = self._earlier_placing_verb(view, i)
            if first is not None:  # "were detected in the lung but were not found in the DRG": the same cells
                subjects = [m for m in self._subjects_before(view, first) if view.mentions[m][2].category in LOCATED_AGENTS]
            places = [o for o in self._places_after(view, k + 1) if view.mentions[o][2].category in LOCATIONS]
            trig = Trigger(RelationType.LOCATED_IN, "phrase", i, k + 1, " ".join(words[i:k + 1]))
            out += self._emit(view, trig, subjects, places, "located")
        return out + self._residents_and_cargo(view)

    def _residents_and_cargo(self, view: SentenceView) -> list[Relation]:
        """ "Microglia, the resident immune cells of the CNS": the cells LOCATED_IN the place they are
        resident of; "miR-21-5p was the most abundant species in ADSC exosomes", "HGF among the most
        abundant proteins in the ADSC secretome": the molecule LOCATED_IN the product."""
        out, words = [], view.words
        for i, w in enumerate(words):
            if w == "resident":
                of = next((k for k in range(i + 1, min(i + 5, len(words))) if words[k] == "of"), None)
                place = view.mention_starting_after(of + 1, 2) if of is not None else None
                resident = view.mention_ending_before(i, 4)
                if place is not None and resident is not None and view.mentions[place][2].category is Category.ANATOMY \
                        and view.mentions[resident][2].category is Category.CELL:
                    trig = Trigger(RelationType.LOCATED_IN, "phrase", i, of + 1, " ".join(words[i:of + 1]))
                    out += self._emit(view, trig, [resident], [place], "located")
            elif w == "abundant" and words[i - 1:i] == ["most"]:
                k = next((k for k in range(i + 1, min(i + 4, len(words))) if words[k] == "in"), None)
                product = view.mention_starting_after(k + 1, 1) if k is not None else None
                cargo = view.mention_ending_before(i - 1, 5)
                if product is None or cargo is None or view.mentions[cargo][2].category not in MOLECULES:
                    continue
                product = self._head_of_modifier(view, self._head_of_hyphen(view, product))  # "hUC-MSC-derived sEVs"
                if view.mentions[product][2].category is Category.CELLULAR_COMPONENT:
                    trig = Trigger(RelationType.LOCATED_IN, "phrase", i - 1, k + 1, " ".join(words[i - 1:k + 1]))
                    out += self._emit(view, trig, [cargo], [product], "located")
        return out

    def _nominal(self, view: SentenceView, trig: Trigger) -> list[Relation]:
        """'reduction of ROS by MSCs', 'MSC-mediated suppression of TNF-α', 'differentiation of X into Y'."""
        words = view.words

        def means(k: int) -> bool:  # "NF-κB activation by targeting TRAF6": a gerund names the means, not the agent
            return k < len(words) and words[k].endswith("ing") and view.mention_at[k] < 0

        if words[trig.end:trig.end + 1] in (["by"], ["with"], ["using"]) and trig.start > 0 \
                and not means(trig.end + 1) \
                and view.mention_at[trig.start - 1] >= 0 and trig.type in (RelationType.DECREASES, RelationType.INCREASES):
            # "HO-1 inhibition with zinc protoporphyrin IX", "Nrf2 silencing by siRNA": the act's object before it
            agent = self._agent_after(view, trig.end + 1, 3)
            patient = view.mention_at[trig.start - 1]
            return self._emit(view, trig, [agent], [patient], "nominal") if agent is not None else []
        if words[trig.end:trig.end + 1] not in (["of"], ["in"]):
            return []
        objects = self._objects_after(view, trig.end + 1)
        if trig.text in WRAPPERS:  # "treatment of pain with X", not "treatment of BV2 cells with X"
            objects = [o for o in objects if view.mentions[o][2].category in CONDITIONS]
        if not objects or view.mentions[objects[0]][0] - trig.end > 5:
            return []
        obj = objects[0]
        subjects: list[int] = []
        after = view.mentions[objects[-1]][1]
        # The agent follows the object's own head nouns only: "reduction of ROS levels by MSCs", not
        # "suppression of TNF-α was accompanied by ..." or "The decrease in p-p38 coincided with lower CX3CR1".
        by = next((i for i in range(after, min(after + 5, len(words)))
                   if words[i] in ("by", "with") and all(w in OBJECT_HEADS or w not in self.lexicon.verbs and w not in
                                                         CLAUSE_BREAKS and w not in BE_FORMS and w not in PREPOSITIONS
                                                         and not w.endswith("ed")
                                                         for w in words[after:i])), None)
        into = next((i for i in range(after, min(after + 2, len(words))) if words[i] == "into"), None)
        if trig.type is RelationType.DIFFERENTIATES_INTO and into is not None:
            target = view.mention_starting_after(into + 1, 3)
            return self._emit(view, trig, [obj], [target] if target is not None else [], "nominal")
        if by is not None and not means(by + 1):
            agent = self._agent_after(view, by + 1, 3)
            if agent is not None:
                subjects = [agent]
        if not subjects and trig.start >= 2 and words[trig.start - 1] in HYPHEN_RELATIONS and words[trig.start - 2] == "-":
            m = view.mention_at[trig.start - 3] if trig.start >= 3 else -1
            if m >= 0:
                subjects = [m]
        if not subjects and trig.type in (RelationType.TREATS, RelationType.PREVENTS) and \
                words[max(0, trig.start - 2):trig.start] in (["for", "the"], ["in", "the"]) or words[trig.start - 1:trig.start] == ["for"]:
            # "hUC-MSCs may be a useful adjunct for the treatment of painful diabetic neuropathy"
            subjects = self._subjects_before(view, max(0, trig.start - 2))
        return self._emit(view, trig, subjects, objects, "nominal")

    def _tight(self, view: SentenceView, trig: Trigger) -> list[Relation]:
        """DERIVED_FROM / LOCATED_IN / IS_A: the mentions stand right beside the phrase."""
        left = self._adjacent_left(view, trig.start)
        after = trig.end
        if trig.type is RelationType.DERIVED_FROM:  # "isolated from the culture supernatant of MSCs"
            after = next((after + len(p) for p in SOURCE_MATERIALS if tuple(view.words[after:after + len(p)]) == p), after)
        right = view.mention_starting_after(after, 2 if trig.type is not RelationType.IS_A else 3)
        if left is None or right is None:
            return []
        if trig.type is RelationType.IS_A and any(
                w == "of" and view.words[k - 1] in self.lexicon.verbs | self.lexicon.nouns
                for k, w in enumerate(view.words[trig.end:view.mentions[right][0]], trig.end)):
            return []  # "TRAF6 is a target of miR-146a": what it is to the mention, not a class
        if trig.type is RelationType.IS_A and {"to", "by"} & set(view.words[trig.end:view.mentions[right][0]]):
            # "Mitophagy ... is thought to limit mitochondrial ROS", "Ferroptosis, which is driven by lipid
            # peroxidation": a verb, not a class
            return []
        left = self._class_member(view, left)  # "TSG-6, an anti-inflammatory glycoprotein secreted by MSCs"
        if trig.text in CONTAINER_PHRASES:  # "small EVs derived from DPSCs were enriched in miR-21-5p"
            left = self._phrase_head(view, left)
        if trig.type is RelationType.DERIVED_FROM:  # "from placenta-derived MSCs", "from human DPSCs"
            right = self._head_of_modifier(view, self._head_of_hyphen(view, right))
        s = view.mentions[left][2]
        right_end = view.mentions[right][1]
        to = next((k for k in range(right_end, min(right_end + 4, len(view.words))) if view.words[k] == "to"), None)
        moved = MOVING & set(view.words[max(0, view.mentions[left][0] - 3):view.mentions[left][0]])
        if trig.text == "from" and to is not None and view.words[to + 1:to + 2] and not moved \
                and view.words[to - 1] not in self.lexicon.verbs and view.words[to - 1] not in BOUND \
                and view.words[to + 1] not in self.lexicon.verbs and view.words[to + 1] not in ("be", "have"):
            # "shifted macrophages from the M1 to the M2 phenotype": a change, not an origin; but "transfer
            # of mitochondria from MSCs to neurons" moves them from where they came, and in "miR-130b
            # from BMSCs bound to ..." the "to" is the verb's
            return []
        # "detected in the DRG and spinal dorsal horn": a named location phrase takes a list
        rights = [right] if trig.text in BARE_LOCATIONS or trig.type is not RelationType.LOCATED_IN \
            else self._objects_after(view, view.mentions[right][0], place=True)
        kept, swapped = [], []
        for r in rights:
            o = view.mentions[r][2]
            if trig.text in CONTAINER_PHRASES and s.category is Category.CELLULAR_COMPONENT and o.category in MOLECULES:
                # "BMSC exosomes enriched in miR-23a-3p": the cargo is in the vesicles
                swapped += self._emit(view, trig, [r], [left], "tight")
                continue
            ok = {
                RelationType.DERIVED_FROM: s.category not in NOT_AGENTS | CONDITIONS and o.category in SOURCES,
                RelationType.LOCATED_IN: s.category not in NOT_AGENTS | {Category.PROCEDURE} and o.category in LOCATIONS
                and s.category is not o.category,
                RelationType.IS_A: s.category is o.category and s.curie != o.curie,
            }[trig.type]
            if ok:
                kept.append(r)
        lefts = [left]
        if trig.type is not RelationType.IS_A and (
                view.words[trig.start - 1:trig.start] in (["both"], ["all"])
                or view.words[trig.start - 2:trig.start] in (["which", "are"], ["which", "were"])):
            # "STC1 and HGF, both secreted by MSCs,", "..., which are secreted by MSCs": each one listed
            lefts += [m for m in self._listed_before(view, view.mentions[left][0])
                      if view.mentions[m][2].category is s.category]
        return self._emit(view, trig, lefts, kept, "tight") + swapped

    def _refractory_to(self, view: SentenceView) -> list[Relation]:
        """ "patients with trigeminal neuralgia refractory to carbamazepine": the drug did not treat the
        disease named before (a negated TREATS)."""
        words, out = view.words, []
        for i, w in enumerate(words[:-2]):
            if w != "refractory" or words[i + 1] != "to":
                continue
            disease = None
            for k in range(i - 1, max(-1, i - 14), -1):
                if words[k] in CLAUSE_BREAKS:
                    break
                m = view.mention_at[k]
                if m >= 0 and view.mentions[m][2].category is Category.DISEASE:
                    disease = m
                    break
            drugs = [o for o in self._objects_after(view, i + 1)
                     if view.mentions[o][2].category is Category.CHEMICAL and not is_control_arm(view.mentions[o][2])]
            if disease is not None and drugs:
                trig = Trigger(RelationType.TREATS, "phrase", i, i + 2, "refractory to")
                out += self._emit(view, trig, drugs, [disease], "phrase", negated=True)
        return out

    @staticmethod
    def _earlier_placing_verb(view: SentenceView, index: int) -> int | None:
        """Where the verb stands whose subject a placing verb joined to it by "and"/"but" shares: "BMSCs homed
        to the injured nerve and the DRG, but were not detected in the spinal cord"."""
        words, i = view.words, index - 1
        while i > 0 and (words[i] in BE_FORMS or adverbial(words, i)):
            i -= 1
        if i < 1 or words[i] not in ("and", "but"):
            return None
        for k in range(i - 1, max(0, i - 20), -1):
            if words[k] in (";", ":", ".") or words[k] in RELATIVES:
                return None
            if view.mention_at[k] < 0 and (words[k] in HOMING_VERBS or words[k] in UPTAKE_VERBS or words[k] in REACHING_VERBS):
                return k
        return None

    def _given_for(self, view: SentenceView) -> list[Relation]:
        """ "trials of MSCs for knee osteoarthritis", "evaluated AD-MSCs for knee osteoarthritis (KOA)",
        "MSC therapy for chronic low back pain": a treatment named right before "for" is given for the
        disease after it (TREATS in the sense of "is used to treat", as in _trial_treatments)."""
        words, out = view.words, []
        for i, w in enumerate(words[1:-1], start=1):
            if w != "for":
                continue
            agent = view.mention_at[before_parentheses(words, i - 1)]
            if agent < 0 or view.mentions[agent][2].category not in GIVEN_FOR_AGENTS \
                    or is_control_arm(view.mentions[agent][2]):
                continue
            k = i + 1
            while k < len(words) and k - i <= 3 and words[k] in GIVEN_FOR_FILLERS:
                k += 1  # "for the treatment of", "for patients with"
            disease = view.mention_at[k] if k < len(words) else -1
            if disease < 0 or view.mentions[disease][0] != k or view.mentions[disease][2].category is not Category.DISEASE:
                continue
            trig = Trigger(RelationType.TREATS, "phrase", i, i + 1, "for")
            out += self._emit(view, trig, [self._phrase_head(view, agent)], [disease], "phrase")
        return out

    def _target_of(self, view: SentenceView, trig: Trigger) -> list[Relation]:
        """ "SOCS1 was confirmed as a direct target of miR-155": the molecule after "of" binds the
        subject; not "NOX2 is a plausible target of MSC therapy" (a therapy's goal binds nothing)."""
        agent = self._agent_after(view, trig.end + 1, 3)
        if agent is None or view.mentions[agent][2].category not in MOLECULES:
            return []
        return self._emit(view, trig, [agent], self._subjects_before(view, trig.start), "active")

    def _effects_of(self, view: SentenceView) -> list[Relation]:
        """ "The analgesic effect of intravenously administered ADSCs on diabetic neuropathic pain",
        "mimicked the analgesic effect of EVs in oxaliplatin-induced neuropathic pain": the agent's
        effect on what follows "on" (or on the condition "in"), typed by the adjective."""
        words, out = view.words, []
        for i, w in enumerate(words[:-2]):
            if w not in EFFECT_NOUNS or words[i + 1] != "of" or i < 1 or words[i - 1] not in EFFECT_ADJECTIVES:
                continue
            agent = self._agent_after(view, i + 2, 4)
            if agent is None or view.mentions[agent][2].category not in ROUTE_AGENTS:
                continue
            end = past_abbreviation(view, view.mentions[agent][1])
            if words[end:end + 1] not in (["on"], ["in"]):
                continue
            objects = self._objects_after(view, end)
            if words[end] == "in":  # "in oxaliplatin-induced neuropathic pain", not "in mice" or "in CCI rats"
                objects = [o for o in objects if view.mentions[o][2].category in CONDITIONS
                           and view.mention_starting_after(view.mentions[o][1], 1) is None]
            # a relieving effect treats a disease (and lowers anything else, _typed)
            rtype = EFFECT_ADJECTIVES[words[i - 1]]
            rtype = RelationType.TREATS if rtype is RelationType.DECREASES else rtype
            trig = Trigger(rtype, "phrase", i - 1, i + 1, f"{words[i - 1]} {w}")
            out += self._emit(view, trig, [agent], objects, "nominal")
        return out

    def _differentiated_from(self, view: SentenceView) -> list[Relation]:
        """ "Schwann-like cells differentiated from BMSCs": the source cells DIFFERENTIATES_INTO the cells
        named before the participle."""
        out = []
        for i, w in enumerate(view.words[:-1]):
            if view.words[i + 1] != "from" or self.lexicon.verbs.get(w) != (RelationType.DIFFERENTIATES_INTO, True):
                continue
            made, source = self._adjacent_left(view, i), view.mention_starting_after(i + 2, 2)
            if made is None or source is None:
                continue
            source = self._head_of_modifier(view, self._head_of_hyphen(view, source))
            if view.mentions[made][2].category is Category.CELL is view.mentions[source][2].category:
                out.append(presupposed(view.mentions[source][2], view.mentions[made][2], RelationType.DIFFERENTIATES_INTO,
                                       view.sentence, w, "tight"))
        return out

    def _model_causes(self, view: SentenceView) -> list[Relation]:
        """ "the monosodium iodoacetate (MIA) model of osteoarthritis pain": the drug that makes the model
        CAUSES the condition it models; a condition modelling another ("the chronic post-ischemia pain
        model of CRPS-I") or an organism ("a rat model of") does not."""
        out = []
        for i, w in enumerate(view.words[:-1]):
            if w != "model" or view.words[i + 1] != "of":
                continue
            cause = next((m for m, (_, end, _) in enumerate(view.mentions) if past_abbreviation(view, end) == i), None)
            condition = view.mention_starting_after(i + 2, 2)
            # "a porcine model of": a species word the tagger took for a chemical
            if cause is None or condition is None or view.mentions[cause][2].category is not Category.CHEMICAL \
                    or view.words[view.mentions[cause][0]] in NP_MODIFIERS \
                    or view.mentions[condition][2].category not in CONDITIONS:
                continue
            out.append(presupposed(view.mentions[cause][2], view.mentions[condition][2], RelationType.CAUSES,
                                   view.sentence, "model of", "tight"))
        return out

    def _model_inductions(self, view: SentenceView) -> list[Relation]:
        """What makes a disease model CAUSES its condition: "Diabetes was induced in rats with
        streptozotocin (STZ)", "BCP was established by intratibial inoculation of Walker 256 cells",
        "MIA was injected into the right knee to induce osteoarthritis (OA)"."""
        words, out = view.words, []
        for k, w in enumerate(words):
            if w in MODEL_INDUCING and k >= 2 and words[k - 1] in BE_FORMS:
                condition = view.mention_ending_before(k - 1, 2)
                means = next((j for j in range(k + 1, min(k + 6, len(words)))
                              if words[j] in ("with", "by", "using") or words[j] in CLAUSE_BREAKS), None)
                if condition is None or means is None or words[means] in CLAUSE_BREAKS:
                    continue
                agent = self._agent_after(view, means + 1)
            elif w == "to" and words[k + 1:k + 2] and words[k + 1] in MODEL_INDUCING_VERBS:
                condition = view.mention_starting_after(k + 2, 3)
                be = next((j for j in range(k - 1, max(0, k - 14), -1)
                           if words[j] in BE_FORMS or words[j] in CLAUSE_BREAKS), None)
                if be is None or words[be] not in BE_FORMS or words[be + 1:be + 2] == ["used"]:
                    continue
                agent = view.mention_ending_before(be, 2)
            else:
                continue
            if agent is None or condition is None or view.mentions[condition][2].category not in CONDITIONS \
                    or view.mentions[agent][2].category not in (Category.CHEMICAL, Category.CELL):
                continue
            trig = Trigger(RelationType.CAUSES, "phrase", k, k + 1, w)
            out += self._emit(view, trig, [agent], [condition], "active")
        return out

    def _cargo(self, view: SentenceView) -> list[Relation]:
        """What vesicles carry is in them: "EVs carrying CD73", "Exosomes secreted by MSCs carried
        miR-21-5p", "exosomes carry microRNAs and proteins" (molecules in a vesicle mention only)."""
        out = []
        for k, word in enumerate(view.words):
            if word not in CARRYING or view.mention_at[k] >= 0:
                continue
            if view.words[k + 1:k + 2] == ["by"]:  # "miR-146a-5p carried by ADSC-derived exosomes"
                container, carried = self._agent_after(view, k + 2, 3), self._adjacent_left(view, k)
                cargo = [carried] if carried is not None and view.mentions[carried][2].category in MOLECULES else []
            else:
                container = self._adjacent_left(view, k) if word.endswith("ing") else \
                    next(iter(self._subjects_before(view, k)), None)
                defined = view.mention_at[k - 2] if k >= 2 and view.words[k - 1] == ")" else -1
                if word.endswith("ing") and defined >= 0 and view.mentions[defined][2].category is Category.CELLULAR_COMPONENT \
                        and (container is None or view.mentions[container][2].category is not Category.CELLULAR_COMPONENT):
                    container = defined  # "Exosomes derived from hucMSCs (hucMSC-Exo) carrying": not the cells
                cargo = [o for o in self._objects_after(view, k + 1) if view.mentions[o][2].category in MOLECULES]
            if container is None or view.mentions[container][2].category is not Category.CELLULAR_COMPONENT:
                continue
            trig = Trigger(RelationType.LOCATED_IN, "tight", k, k + 1, word)
            out += self._emit(view, trig, cargo, [container], "tight")
        return out

    def _expressed_markers(self, view: SentenceView) -> list[Relation]:
        """What cells express is in them: "Schwann cell-like cells that expressed S100, GFAP and p75NTR",
        "GMSCs expressed CD73 but not CD34", "Schwann-like cells expressing S100β". Not an amount ("expressed
        less iNOS"), an engineering aim ("engineered to express GDNF"), nor "expressed in/by" (a location
        phrase of its own)."""
        out = []
        for k, word in enumerate(view.words):
            if word not in EXPRESSING or view.mention_at[k] >= 0 or view.words[k - 1:k] in (["-"], ["to"]) \
                    or view.words[k + 1:k + 2] and (view.words[k + 1] in ("in", "by", "to") or view.words[k + 1] in COMPARATIVES):
                continue
            if word == "expressing" or view.words[k - 1:k] in (["that"], ["which"]):
                cell = self._adjacent_left(view, k - (0 if word == "expressing" else 1))
            else:
                cell = next(iter(self._subjects_before(view, k)), None)
            if cell is None or view.mentions[cell][2].category is not Category.CELL:
                continue
            markers = [o for o in self._objects_after(view, k + 1) if view.mentions[o][2].category is Category.GENE]
            out += self._emit(view, Trigger(RelationType.LOCATED_IN, "tight", k, k + 1, word), markers, [cell], "tight")
        return out

    def _hyphen_heads(self, view: SentenceView) -> list[Relation]:
        """'MSC-derived EVs' -> EVs DERIVED_FROM MSCs; 'X-induced Y' -> X CAUSES Y."""
        out = []
        for a, (start, end, mention) in enumerate(view.mentions):
            product = self._product_after(view, end) if mention.category is Category.CELL else None
            if product is not None:  # "MSC-EVs", "BMSC-conditioned medium", "MSC secretome"
                trig = Trigger(RelationType.DERIVED_FROM, "hyphen", end, view.mentions[product][0],
                               " ".join(view.words[start:view.mentions[product][1]]))
                out += self._emit(view, trig, [product], [a], "hyphen")
                continue
            if (mention.name or "").lower() in CELL_PRODUCTS and view.words[end:end + 1] == ["of"]:
                k = end + 1  # "the secretome of Wharton's jelly MSCs"
                while k < len(view.words) and view.words[k] in NP_MODIFIERS:
                    k += 1
                source = view.mention_at[k] if k < len(view.words) else -1
                if source >= 0 and view.mentions[source][2].category is Category.CELL:
                    trig = Trigger(RelationType.DERIVED_FROM, "tight", end, end + 1, "of")
                    out += self._emit(view, trig, [a], [source], "tight")
                continue
            end = past_abbreviation(view, end)
            if view.words[end:end + 1] != ["-"] or end + 2 >= len(view.words):
                continue
            rtype = HYPHEN_RELATIONS.get(view.words[end + 1])
            if rtype is None:
                continue
            # the compound's head, even in a comparison arm ("than B in reversing CCI-induced allodynia"),
            # or one word on ("-derived (exosomal) miR-21")
            adjacent = view.mention_at[end + 2]
            b = adjacent if adjacent >= 0 and view.mentions[adjacent][0] == end + 2 else view.mention_starting_after(end + 2, 1)
            if b is not None and rtype is not RelationType.DERIVED_FROM \
                    and view.mentions[b][2].category in (Category.ANATOMY, Category.CELL) and view.mentions[b][1] < len(view.words):
                after = view.mention_at[view.mentions[b][1]]  # "CFA-induced paw inflammation", "-induced DRG neuron apoptosis"
                b = after if after >= 0 and view.mentions[after][2].category in CONDITIONS | {Category.PROCESS} else b
            heads = [b] if b is not None else []
            if b is None and view.words[end + 2] in OBJECT_HEADS and view.words[end + 3:end + 4] == ["of"] \
                    and view.mention_starting_after(end + 4, 1) is not None:
                # "LPS-induced expression of CD86", "LPS-induced release of TNF-α and IL-1β": each listed
                heads = self._objects_after(view, end + 3)
            if not heads:
                continue
            trig = Trigger(rtype, "hyphen", end, end + 2, "-" + view.words[end + 1])
            if rtype is RelationType.DERIVED_FROM:
                if mention.category in SOURCES:
                    out += self._emit(view, trig, heads, [a], "hyphen")
            else:
                out += self._emit(view, trig, [a], heads, "hyphen")
        return out

    @staticmethod
    def _silencing_reagents(view: SentenceView) -> list[Relation]:
        """ "IL-10 siRNA", "siRNA against Nrf2", "a TSG-6 shRNA": the reagent lowers the gene it is named
        for (a name, so presupposed whatever the sentence claims)."""
        out = []
        for a, (start, end, reagent) in enumerate(view.mentions):
            if reagent.text.lower() not in SILENCING_REAGENTS:
                continue
            gene = view.mention_at[start - 1] if start > 0 else -1
            if gene < 0 and view.words[end:end + 1] and view.words[end] in ("against", "targeting") and end + 1 < len(view.words):
                gene = view.mention_at[end + 1]
            if gene >= 0 and gene != a and view.mentions[gene][2].category is Category.GENE:
                out.append(presupposed(reagent, view.mentions[gene][2], RelationType.DECREASES, view.sentence,
                                        reagent.text, "tight"))
        return out

    def _secretions(self, view: SentenceView) -> list[Relation]:
        """ "boosted the secretion of VEGF by MSCs", "the release of exosomes from ADSCs": the product
        DERIVED_FROM the cell (whatever the sentence claims about the amount)."""
        out, words = [], view.words
        for i, w in enumerate(words[:-3]):
            if w not in ("secretion", "release") or words[i + 1] != "of":
                continue
            product = view.mention_starting_after(i + 2, 1)
            if product is None:
                continue
            k = view.mentions[product][1]
            if words[k:k + 1] == ["("]:
                k = next((j for j in range(k, len(words)) if words[j] == ")"), len(words) - 1) + 1
            if words[k:k + 1] not in (["by"], ["from"]):
                continue
            source = self._agent_after(view, k + 1, 3)
            if source is not None and view.mentions[source][2].category is Category.CELL \
                    and view.mentions[product][2].category in MOLECULES | {Category.CELLULAR_COMPONENT}:
                out.append(presupposed(view.mentions[product][2], view.mentions[source][2], RelationType.DERIVED_FROM,
                                        view.sentence, f"{w} of ... {words[k]}", "tight"))
        return out

    @staticmethod
    def _possessed_products(view: SentenceView) -> list[Relation]:
        """ "Neither BMSCs nor their conditioned medium", "IFN-γ increased PD-L1 in their exosomes": a cell
        product whose possessor is the cells named last before it."""
        out = []
        for start, _, product in view.mentions:
            if product.category is not Category.CELLULAR_COMPONENT or view.words[start - 1:start] not in (["their"], ["its"]):
                continue
            cells = [m for s, e, m in view.mentions if e < start and m.category is Category.CELL and s not in view.aside
                     and not any(w in CLAUSE_BREAKS for w in view.words[e:start])]
            if cells:
                out.append(presupposed(product, cells[-1], RelationType.DERIVED_FROM, view.sentence, view.words[start - 1], "tight"))
        return out

    @staticmethod
    def _product_after(view: SentenceView, end: int) -> int | None:
        """A vesicle, secretome or other cell product named right after a cell, with or without a hyphen,
        or after the cell's abbreviation: "dental pulp stem cell (DPSC) secretome"."""
        end = past_abbreviation(view, end)
        i = end + 1 if view.words[end:end + 1] == ["-"] else end
        m = view.mention_at[i] if i < len(view.words) else -1
        if m >= 0 and view.mentions[m][0] == i and view.mentions[m][2].category is Category.CELLULAR_COMPONENT:
            return m
        return None

    def _routes(self, view: SentenceView) -> list[Relation]:
        """Agent ADMINISTERED_VIA route, the agent being the cell, chemical, vesicle or procedure the
        route word governs: "intrathecal injection of BMSCs", "BMSCs were injected intrathecally",
        "intravenous hUC-MSCs"; or the sentence's only agent ("After intrathecal delivery, MSCs ...")."""
        agents = [
            i for i, (s, e, m) in enumerate(view.mentions)
            if m.category in ROUTE_AGENTS and s not in view.compared and not is_control_arm(m)
            and not (s in view.aside and view.words[s - 1:s] == ["("])
            and view.words[e:e + 2] not in (["-", "treated"], ["-", "exposed"])  # "into vincristine-treated rats": the model
        ]
        out = []
        for r, (r_start, r_end, route) in enumerate(view.mentions):
            if route.category is not Category.ROUTE:
                continue
            governed = self._route_agents(view, r_start, r_end, agents)
            listed = view.mention_at[r_end + 1] if r_end + 1 < len(view.words) and view.words[r_end] in ("nor", "or") else -1
            if not governed and listed >= 0 and view.mentions[listed][2].category is Category.ROUTE:
                # "Neither intraperitoneal nor intravenous MSCs": the agent of the route listed next
                governed = self._route_agents(view, view.mentions[listed][0], view.mentions[listed][1], agents)
            trig = Trigger(RelationType.ADMINISTERED_VIA, "route", r_start, r_end, route.text)
            # the agent was given that way whatever the claim's negation ("was not altered by local
            # injection of ADSCs")
            out += [with_negation(rel, False) for rel in self._emit(view, trig, governed, [r], "route")]
        return out

    def _route_agents(self, view: SentenceView, start: int, end: int, agents: list[int]) -> list[int]:
        """The agents a route word at ``start``-``end`` governs (see _routes)."""
        agents_at = {i for a in agents for i in range(view.mentions[a][0], view.mentions[a][1])}
        i = end  # after the route: "intrathecal (injection of the) BMSCs", "After perineural transplantation, MSCs"
        while i < len(view.words) and (view.words[i] in ROUTE_LINKS | NP_MODIFIERS
                                       or view.words[i].endswith(LABELLED) and view.mention_at[i] < 0
                                       or view.words[i] == "," and view.words[i - 1] in WRAPPERS
                                       or view.words[i - 1:i] == ["of"] and QUANTITY.match(view.words[i])):
            i += 1  # "... dose of 1 × 10^6 DPSCs": the amount stands between the route and its agent
            while i < len(view.words) and QUANTITY.match(view.words[i]) and view.mention_at[i] < 0:
                i += 1
        if i < len(view.words) and view.mention_at[i] >= 0 and view.mention_at[i] not in agents \
                and (headed := self._head_of_hyphen(view, view.mention_at[i])) in agents:
            i = view.mentions[headed][0]  # "intradiscal bone marrow-derived MPCs": the cells the source names
        if i < len(view.words) and view.mention_at[i] in agents:
            head = self._agent_head(view, view.mention_at[i])  # "injection of MSC secretome"
            # listed with "and", not offered as alternatives: "intravenous UC-MSCs, daily NAC or vehicle"
            listed = self._objects_after(view, i)[1:]
            if any("or" in view.words[max(0, view.mentions[m][0] - 2):view.mentions[m][0]] for m in listed):
                return [head]
            return [head, *[m for m in listed if m in agents]]
        i = start - 1  # before it: "BMSCs (1 x 10^6) were injected (via the) intrathecal (route)"
        opening = next((k for k in range(start - 1, -1, -1) if view.words[k] in ("(", ")")), None)
        if opening is not None and view.words[opening] == "(":  # "ADSCs (2 x 10^6 cells, intramuscular)"
            i = opening - 1
            dosed = view.mention_at[i] if i >= 0 else -1
            if dosed >= 0 and view.mentions[dosed][2].category in ROUTE_AGENTS \
                    and not is_control_arm(view.mentions[dosed][2]):
                # "comparable to daily gabapentin (100 mg/kg, i.p.)": the compared drug's dose; "BMSC-Exo
                # (100 μg, intravenous) or pregabalin (30 mg/kg, oral)": each agent its own route, the
                # head of its phrase ("Exosomes isolated from hUC-MSCs (hucMSC-Exos; 100 µg, intrathecal)")
                head = self._phrase_head(view, dosed)
                # the product a source names, not the first arm of a combination ("Combining BMSCs with
                # gabapentin (50 mg/kg, i.p.)": gabapentin's)
                sourced = view.mentions[head][2].category is Category.CELLULAR_COMPONENT
                return [head if head in agents and sourced else dosed]
        while i >= 0 and (i in view.aside or view.words[i] in ROUTE_LINKS or view.words[i].endswith("ly")
                          and view.mention_at[i] < 0 or view.mention_at[i] >= 0 and
                          view.mentions[view.mention_at[i]][2].category in LOCATIONS and i not in agents_at
                          or view.words[i] == "or" or view.mention_at[i] >= 0
                          and is_control_arm(view.mentions[view.mention_at[i]][2])):
            i -= 1  # over asides ("(hPMSCs; 10^6 cells)", ", an Nrf2 activator,"), "into the hind paw", "or saline"
        first_agent = min(agents, key=lambda a: view.mentions[a][0]) if agents else None
        if i >= 0 and view.words[i] in ("them", "it") and first_agent is not None and view.mentions[first_agent][0] < i:
            # "We isolated EVs from hUC-MSCs and delivered them intrathecally": what was isolated
            return [self._agent_head(view, first_agent)]
        if i >= 0 and view.mention_at[i] not in agents and first_agent is not None and self._passive_chain(view, start, first_agent):
            # "sEVs were isolated from BMSCs by ultracentrifugation and injected intrathecally": the subject
            return [self._agent_head(view, first_agent)]
        if i >= 0 and view.mention_at[i] in agents:
            m = self._phrase_head(view, view.mention_at[i])  # "Exosomes secreted by BMSCs were injected"
            m = m if m in agents else view.mention_at[i]
            # "MSCs engineered to overexpress IL-10 (IL-10-MSCs) were injected": the cells, not their cargo
            carrier = self._administered_head(view, m)
            carrier = carrier if carrier == m else self._phrase_head(view, carrier)  # "Exosomes derived from BMSCs overexpressing X"
            m = carrier if carrier in agents else m
            return [m, *[a for a in self._listed_before(view, view.mentions[m][0]) if a in agents]]
        adjunct = self._route_adjunct_agent(view, start, end, agents)
        if adjunct is not None:
            return [adjunct]
        # the sentence's only agent, when the route word names an administration ("After intrathecal
        # delivery, MSCs ..."), not a place ("intradiscal levels of cytokines")
        administered = view.words[start:end][-1].endswith("ly") or any(
            w in WRAPPERS or w in ("route", "routes", "delivery", "given", "administered", "injected")
            for w in view.words)  # "administration routes, including intravenous and intrathecal, ... MSC"
        return agents if len(agents) == 1 and administered else []

    def _route_adjunct_agent(self, view: SentenceView, start: int, end: int, agents: list[int]) -> int | None:
        """The clause's subject, for a route in an adjunct of administration: "After intramuscular injection
        into the hindlimb, MSCs restored ...", "... prevented cold allodynia when given intraperitoneally",
        "... accumulated in the DRG within 24 h of intrathecal injection"."""
        words = view.words
        administered = any(w in WRAPPERS or w in ADMINISTERED for w in words[max(0, start - 2):end + 2]) \
            or words[end - 1].endswith("ly")
        if not administered:
            return None
        comma = next((k for k in range(end, len(words)) if words[k] in (",", ";")), None)
        if words[0] in INTRODUCTORY and comma is not None and not any(w in (",", ";") for w in words[:start]):
            k = comma + 1  # fronted: the first agent of the main clause
            while k < len(words) and view.mention_at[k] < 0 and (words[k] in NP_MODIFIERS or words[k] == "-"
                                                                  or words[k].endswith(("ed", "ly"))):
                k += 1
            m = view.mention_at[k] if k < len(words) else -1
            if m >= 0:
                head = self._agent_head(view, m)
                return head if head in agents else None
            return None
        # trailing: "when given", "within 24 h of", "after" before the route, the opening agent acts
        opener = next((k for k in range(start - 1, max(-1, start - 6), -1) if words[k] in INTRODUCTORY), None)
        if opener is not None and not any(w in CLAUSE_BREAKS or w == "," for w in words[opener:start]) \
                and (comma is None or comma > end):
            opening = self._opening_agent(view)
            if opening is not None and opening in agents and view.mentions[opening][1] <= opener:
                return self._agent_head(view, opening)
        return None

    @staticmethod
    def _passive_chain(view: SentenceView, route_start: int, subject: int) -> bool:
        """ "X were <verb>ed ... and injected <route>": the route word follows "and" + an administration
        participle, and the sentence's first agent is the subject of "were"/"was"."""
        k = route_start - 1
        while k >= 0 and view.words[k] not in ADMINISTERED and route_start - k <= 3:
            k -= 1
        if k < 1 or view.words[k] not in ADMINISTERED or view.words[k - 1] not in ("and", ","):
            return False
        subject_end = view.mentions[subject][1]
        be = next((j for j in range(subject_end, k) if view.words[j] in ("were", "was")), None)
        if be is None or any(view.words[j] in CLAUSE_BREAKS for j in range(subject_end, k)):
            return False
        # the subject's source and asides may stand before "were": "EVs (EVs) released by SMSCs (SMSCs) were"
        def source(j: int) -> bool:
            m = view.mention_at[j]
            return view.words[j] in SOURCE_LINKS or m >= 0 and view.words[view.mentions[m][0] - 1] in ("by", "from")
        return len([j for j in range(subject_end, be) if j not in view.aside and not source(j)]) <= 4

    @staticmethod
    def _attribute_of(view: SentenceView, start: int) -> bool:
        i = start - 1
        while i >= 0 and view.words[i] in DETERMINERS:
            i -= 1
        return i >= 1 and view.words[i] == "of" and view.words[i - 1] in ATTRIBUTE_NOUNS
