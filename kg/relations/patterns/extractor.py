"""The pattern extractor: triggers, the sentence loop, and how a match becomes a typed claim."""

from __future__ import annotations

from pathlib import Path

from kg.relations.anaphora import STAND_IN, is_control_arm, resolve_generic_agents
from kg.relations.epistemics import epistemics
from kg.types import CLASS, AnnotatedDoc, Mention, Relation
from kg.vocab import SYMPTOM_HEADS, Category, RelationType
from kg.relations.patterns.words import (
    ADJECTIVAL_CONTEXT, ATTRIBUTE_NOUNS, BE_FORMS, CLAUSE_BREAKS, COMPARATIVES, CONDITIONS, COORDINATION, COUNTERED,
    DECLINE, DECLINE_NOUNS, DEPLETED, DETERMINERS, DIFFICULTY_ADJECTIVES, EFFECT_ADJECTIVES, FELL_WORDS,
    IMPROVEMENT_NOUNS, INTRANSITIVE_CHANGES,
    INVERTED_AGENTS, LEAVING, LOSS_NOUNS, MOLECULES, NORMALIZING, NOT_AGENTS, OBJECT_HEADS, OPPOSITE_CHANGE,
    PREPOSITIONS, PRESUPPOSING, PROTECT_FORMS, REMAINING, RISE, RISE_NOUNS, RISE_TYPED, ROSE_WORDS, ROUTE_AGENTS,
    SECRETE_FORMS, SHOWING, SHOWN_COMPARATIVES, SYMPTOM_WORDS, TARGET_FORMS, TARGET_NOUN_MARKERS, TREATMENTS,
)
from kg.relations.patterns.lexicon import Lexicon, Trigger
from kg.relations.patterns.claims import claim, effect_claims, identity, with_negation
from kg.relations.patterns.view import (
    Chain, SentenceView, before_parentheses, concomitant_change, evidence_lists, leading_pair, leading_pronoun,
    referred_pair_object, referring_group, referring_treatment, sentence_views, used_intransitively,
)
from kg.relations.patterns.document import (
    class_targets, embedded_parts, without_answered_questions, without_contradicted,
)
from kg.relations.patterns.objects import ObjectRules
from kg.relations.patterns.agents import AgentRules
from kg.relations.patterns.phrases import PhraseRules
from kg.relations.patterns.discourse import DiscourseRules


class PatternExtractor(PhraseRules, DiscourseRules, AgentRules, ObjectRules):
    """The rule extractor; ``extract(adoc)`` returns sentence-level relations with evidence."""

    def __init__(self, lexicon_path: Path):
        self.lexicon = Lexicon.load(lexicon_path)

    # -- trigger finding ---------------------------------------------------------------------
    def triggers(self, words: list[str]) -> list[Trigger]:
        found: list[Trigger] = []
        taken: set[int] = set()
        lex = self.lexicon

        def add(rtype: RelationType, form: str, start: int, end: int) -> None:
            if taken.isdisjoint(range(start, end)):
                found.append(Trigger(rtype, form, start, end, " ".join(words[start:end])))
                taken.update(range(start, end))

        for i in range(len(words)):  # "plays a pivotal role in"
            if words[i].startswith("play") and words[i + 1:i + 2] in (["a"], ["an"]):
                j = i + 2
                while j < len(words) and words[j] in lex.role_adjectives | {"and", ","}:
                    j += 1
                if words[j:j + 2] == ["role", "in"]:
                    add(RelationType.CAUSES, "phrase", i, j + 2)
        for i, w in enumerate(words):  # "MSCs secrete TSG-6": what is secreted derives from its maker
            if (w in SECRETE_FORMS or w in ("secreted", "released") and words[i + 1:i + 2] not in (["by"], ["from"])) \
                    and not (i > 0 and words[i - 1] in BE_FORMS | ADJECTIVAL_CONTEXT):
                add(RelationType.DERIVED_FROM, "verb", i, i + 1)  # "cells that secreted BDNF"
        for i, w in enumerate(words):  # "an inhibitory effect on", "no analgesic effect on": the adjective types it
            if w in ("effect", "effects") and words[i + 1:i + 2] == ["on"]:
                start = i - 1 if i > 0 and words[i - 1] in EFFECT_ADJECTIVES else i
                add(EFFECT_ADJECTIVES.get(words[start], RelationType.REGULATES), "phrase", start, i + 2)
        for i, w in enumerate(words):  # "protected Schwann cells against apoptosis": what is protected sits between
            if w in PROTECT_FORMS:
                k = next((k for k in range(i + 2, min(i + 8, len(words))) if words[k] in ("against", "from")), None)
                if k is not None and not any(x in CLAUSE_BREAKS or x in lex.verbs for x in words[i + 1:k]):
                    add(RelationType.PREVENTS, "verb", i, k + 1)
        for i, w in enumerate(words):  # "normalized NOX2 but left p47phox unchanged": a negated claim on p47phox
            if w in LEAVING and any(x in lex.negated_participles for x in words[i + 2:i + 8]):
                add(RelationType.REGULATES, "verb", i, i + 1)
        for i, w in enumerate(words):  # phrases, longest first at each position
            for phrase, rtype, form in lex.phrases_by_first_word.get(w, ()):
                if tuple(words[i:i + len(phrase)]) == phrase:
                    add(rtype, form, i, i + len(phrase))
        for i, w in enumerate(words):
            if i > 0 and words[i - 1] == "-":
                continue  # "MSC-mediated": a hyphen head, handled by _hyphen_heads
            if w in lex.verbs and i > 0 and words[i - 1] in DETERMINERS:
                if w in lex.nouns:  # "prevented the increase of ROS": a noun, not a verb
                    add(lex.nouns[w], "noun", i, i + 1)
            elif w in lex.verbs:
                rtype, participle = lex.verbs[w]
                add(rtype, "participle" if participle else "verb", i, i + 1)
            elif w in lex.nouns:
                add(lex.nouns[w], "noun", i, i + 1)
        return sorted(found, key=lambda t: t.start)

    # -- extraction --------------------------------------------------------------------------
    def extract(self, adoc: AnnotatedDoc) -> list[Relation]:
        relations: dict[tuple, Relation] = {}
        previous_agent: Mention | None = None
        previous_found: list[Relation] = []
        previous_view: SentenceView | None = None
        previous_pair: list[Mention] = []
        for view in sentence_views(adoc):
            pronoun = leading_pronoun(view.words)
            if pronoun is not None and previous_agent is not None:
                view = view.with_stand_in(pronoun, previous_agent)
            group = referring_group(view.words) if previous_agent is not None else None
            if group is not None and view.mention_at[group] < 0:  # "the treated group also showed ..."
                view = view.with_stand_in(group, previous_agent)
            treatment = referring_treatment(view.words) if previous_agent is not None else None
            if treatment is not None and view.mention_at[treatment] < 0:  # "IL-6 declined after the second infusion"
                view = view.with_stand_in(treatment, previous_agent)
            view = view.with_named_symptoms(adoc.mentions)
            if len(previous_pair) == 2:  # "Melatonin and BMSCs were given ... The former restored GPx"
                for k, word in enumerate(view.words):
                    if word not in ("former", "latter") or view.words[k - 1:k] != ["the"] or view.mention_at[k] >= 0:
                        continue
                    # "AD-MSCs raised it more than BM-MSCs did, and only the former ...": a pair of its own
                    if len({identity(m) for s, _, m in view.mentions if s < k and m.category in TREATMENTS}) < 2:
                        view = view.with_stand_in(k, previous_pair[0 if word == "former" else 1])
            pair = leading_pair(view.words, self.lexicon.verbs) if len(previous_pair) == 2 else None
            if pair is not None:  # "Both treatments reduced ROS": the claim once for each agent named before
                found = [r for agent in previous_pair
                         for r in without_contradicted(self._sentence_relations(view.with_stand_in(pair, agent)))]
            else:
                found = without_contradicted(self._sentence_relations(view))
            found += self._referred_pair_claims(view, found, previous_found)
            found += self._countered_changes(view, found, previous_found, previous_view)
            found += self._agentless_results(view, found, previous_found, previous_view)
            found += self._no_difference(view, found, previous_found, previous_view)
            found += self._mimicked_before(view, found, previous_found, previous_view)
            previous_found, previous_view = found, view
            # "Both increased X. Neither treatment, however, lowered Y": the pair stays until new treatments are named
            previous_pair = self._treatments_named(view, found) or previous_pair
            for rel in found:
                key = (rel.subject.start, rel.subject.curie or rel.subject.text, rel.type, rel.object.start,
                       rel.object.curie or rel.object.text)  # "neither marker": one word, two objects
                if key not in relations or relations[key].evidence.score < rel.evidence.score:
                    relations[key] = rel
            # the treatment the next sentence may call "They" / "The treatment": not what made the model
            # ("Carrageenan-induced paw edema was attenuated by ADSCs. The treatment also ...")
            agents = sorted((r.subject for r in found if r.subject.category in ROUTE_AGENTS
                             and r.type is not RelationType.CAUSES and not is_control_arm(r.subject)),
                            key=lambda m: m.start)
            if not agents:  # "ASCs were injected into mice after SNI. They failed to ...": the treatment named
                agents = [m for s, _, m in view.mentions if m.category in TREATMENTS and s not in view.compared
                          and s not in view.aside and not is_control_arm(m)][:1]
            previous_agent = agents[0] if agents else None
        found = self._normalized_back(without_answered_questions(list(relations.values())))
        return resolve_generic_agents(adoc, found + embedded_parts(adoc) + class_targets(adoc, found))

    @staticmethod
    def _normalized_back(found: list[Relation]) -> list[Relation]:
        """ "Paclitaxel increased TRPV1 ... ADSCs normalized TRPV1 expression", "Cisplatin reduced print
        area ... DPSCs normalized print area": a thing normalized after another agent changed it in an
        earlier sentence moves back where its own sentence did not say which way (_normalized)."""
        out: list[Relation] = []
        changed: dict[str, tuple[str, RelationType]] = {}  # object -> the last agent that changed it, and how
        for rel in sorted(found, key=lambda r: r.object.start):
            before = changed.get(identity(rel.object))
            if rel.type is RelationType.REGULATES and rel.evidence.trigger.lower() in NORMALIZING \
                    and not rel.evidence.epistemics.negated and before is not None and before[0] != identity(rel.subject):
                rel = rel.model_copy(update={"type": OPPOSITE_CHANGE[before[1]]})
            if rel.type in OPPOSITE_CHANGE and not rel.evidence.epistemics.negated:
                changed[identity(rel.object)] = (identity(rel.subject), rel.type)
            out.append(rel)
        return out

    def _referred_pair_claims(self, view: SentenceView, found: list[Relation], previous: list[Relation]) -> list[Relation]:
        """ "Only BMSCs lowered TNF-α and Iba-1; gabapentin changed neither marker": the claim once for each
        of the two things the last claim before acted on (in this sentence, else the one before), negated
        by "neither"."""
        k = referred_pair_object(view.words)
        if k is None or view.mention_at[k] >= 0:
            return []
        position = view.token_chars[k][0]
        before = [r for r in effect_claims(found) if r.object.end <= position] or effect_claims(previous)
        if not before:
            return []
        last = before[-1]
        pair = list({identity(r.object): r.object for r in before if identity(r.subject) == identity(last.subject)}.values())
        if len(pair) != 2:
            return []
        # "High glucose heightened ROS and cleaved caspase-3 ... ADSCs normalized both parameters": back down
        changed = {identity(r.object): r.type for r in before if r.type in OPPOSITE_CHANGE}
        claimed = {(identity(r.subject), r.type, identity(r.object)) for r in found}
        out = []
        for referred in pair:
            stood_in = view.with_stand_in(k, referred)
            for rel in without_contradicted(self._sentence_relations(stood_in)):
                if rel.object.found_by != STAND_IN or rel.object.start != position \
                        or (identity(rel.subject), rel.type, identity(rel.object)) in claimed:
                    continue
                if rel.type is RelationType.REGULATES and rel.evidence.trigger.lower() in NORMALIZING \
                        and identity(referred) in changed and identity(rel.subject) != identity(last.subject):
                    rel = rel.model_copy(update={"type": OPPOSITE_CHANGE[changed[identity(referred)]]})
                out.append(with_negation(rel, True) if view.words[k - 1] == "neither" else rel)
        return out

    def _sentence_relations(self, view: SentenceView) -> list[Relation]:
        # ", with a concomitant increase in HO-1": the claim's agent's change (_accompanying_changes),
        # never a claim of the words before the comma
        view.comparatives.update(k for k in (concomitant_change(view.words, a) for a in range(len(view.words)))
                                 if k is not None)
        out: list[Relation] = self._group_effects(view) + self._treated_setting(view)
        # a trigger word inside an entity's name is no trigger ("induced pluripotent stem cells")
        # "neutralizing antibodies against BDNF": an adjective of the antibodies, not a verb
        triggers = [t for t in self.triggers(view.words) if view.mention_at[t.start] < 0 and view.mention_at[t.end - 1] < 0
                    and t.start not in view.comparatives
                    and not (t.text.endswith("ing") and view.words[t.end:t.end + 1] in (["antibody"], ["antibodies"]))
                    # "Exosomes depleted of miR-200a": what the vesicles lack, no claim of theirs
                    and not (t.text in DEPLETED and view.words[t.end:t.end + 1] == ["of"])
                    # "therapeutic targets in inflammatory pain": a noun; "difficult to manage": not done
                    and not (t.text in TARGET_FORMS and t.start >= 1 and view.words[t.start - 1] in TARGET_NOUN_MARKERS)
                    and not (t.start >= 2 and view.words[t.start - 1] == "to"
                             and view.words[t.start - 2] in DIFFICULTY_ADJECTIVES)]
        chain = Chain()
        adjectival_end = -10
        index_of = {id(m): i for i, (_, _, m) in enumerate(view.mentions)}
        evidence = evidence_lists(view.words)
        for trig in triggers:
            if trig.start in evidence and any(r.subject.category in TREATMENTS for r in effect_claims(out)):
                continue  # "EVs suppressed NLRP3, as evidenced by lower caspase-1": the EVs' (_accompanying_changes)
            if trig.form == "tight":
                found = self._tight(view, trig)
                if found and trig.type is RelationType.IS_A:
                    chain.renamed[index_of[id(found[0].object)]] = index_of[id(found[0].subject)]
                if found and trig.type is RelationType.LOCATED_IN and id(found[0].subject) in index_of \
                        and view.words[trig.start - 1:trig.start] in (["was"], ["were"]):
                    # "circ_0001362 was abundant in ADSC-derived exosomes and sponged miR-34a": it goes on
                    chain.subjects = [index_of[id(found[0].subject)]]
                    chain.end = view.mentions[index_of[id(found[-1].object)]][1] if id(found[-1].object) in index_of \
                        else trig.end
                out += found
                continue
            if trig.form == "noun":
                found = self._nominal(view, trig)
                for rel in found:  # "Exosome-mediated inhibition of NLRP3 reduced IL-1β": the exosomes act
                    chain.renamed[index_of[id(rel.object)]] = index_of[id(rel.subject)]
                out += found
                continue
            if trig.text.endswith("ing") and view.words[trig.end:trig.end + 1] == ["by"]:
                # "ROS scavenging by N-acetylcysteine": a gerund naming the act, its object before it
                agent, patient = self._agent_after(view, trig.end + 1, 3), self._adjacent_left(view, trig.start)
                if agent is not None and patient is not None:
                    out += self._emit(view, trig, [agent], [patient], "nominal")
                    continue
            if trig.text in ("target", "targets") and view.words[trig.end:trig.end + 1] == ["of"]:
                out += self._target_of(view, trig)  # the noun: "SOCS1 was confirmed as a direct target of miR-155"
                continue
            passive = self._passive_agent(view, trig)
            if passive is not None:
                subjects, patients = passive
                possessed = None if patients else self._possessed_change(view, trig)
                if possessed is not None:  # "NOX2 ..., and its upregulation was reversed by exosomes"
                    patient, change = possessed
                    out += self._emit(view, trig, subjects, [patient], "passive", change=change)
                    continue
                out += self._emit(view, trig, subjects, patients, "passive")
                if patients:  # "Nrf2 was activated by EVs and induced HO-1": Nrf2 induces
                    chain.subjects, chain.end = patients, view.mentions[subjects[-1]][1]
                    chain.passive_agents = subjects  # "... was decreased by the secretome, without affecting catalase"
                    # "... were all decreased by BMSC transplantation, whereas IL-10 was elevated": the agent's too
                    chain.last_subjects = [a for a in subjects if a not in view.excepted]
                continue
            if trig.type is RelationType.DERIVED_FROM and trig.form == "verb":  # "cells, which secrete GDNF"
                makers = [m for m in self._subjects_before(view, trig.start)
                          if view.mentions[m][2].category in (Category.CELL, Category.CELLULAR_COMPONENT)]
                products = [o for o in self._objects_after(view, trig.end) if view.mentions[o][2].category not in CONDITIONS]
                out += [r for m in makers for r in self._emit(view, trig, products, [m], "active")]
                if makers and products:  # "HP-UCMSCs secreted more VEGF and HGF and reversed allodynia"
                    chain.subjects = chain.last_subjects = makers
                    chain.end, chain.verb_end, chain.negated = trig.end, trig.end, False
                continue
            if (trig.form == "participle" or trig.text in COMPARATIVES) and self._after_be(view, trig.start) \
                    or trig.text in self.lexicon.negated_participles and trig.start > 0 \
                    and view.words[trig.start - 1] in REMAINING:
                # agentless passive ("was reduced"), predicate adjective ("was lower"): see _group_effects;
                # in a clause joined to a claim it reports that claim's agent's effect too; "was restored
                # after BMSCs were injected" names the agent in a time clause
                agent = self._agent_of_time_clause(view, trig.end)
                out += self._emit(view, trig, [agent], self._patients_before(view, trig.start), "after") \
                    if agent is not None else self._clause_effect(view, trig, chain.last_subjects)
                continue
            if trig.form == "participle" and (trig.start == 0 or view.words[trig.start - 1] in ADJECTIVAL_CONTEXT
                                              or view.words[trig.start - 1] in self.lexicon.verbs):
                # "shifted activated microglia": a participle right after a verb modifies its object
                adjectival_end = trig.end
                continue  # "with elevated IL-6", "Increased ROS levels ...": an adjective, not a claim
            if trig.form == "participle" and view.words[trig.start - 1] in ("and", "or", ",") and \
                    0 <= trig.start - adjectival_end <= 6:
                # "associated with elevated nitric oxide and reduced catalase": a second adjective (and a
                # third: "by increased nuclear Nrf2, reduced cytoplasmic Keap1 and elevated NQO1")
                adjectival_end = trig.end
                continue
            if trig.text in SHOWN_COMPARATIVES and self._shown_state(view, trig.start):
                continue  # "Nrf2-BMSCs displayed higher NQO1 and lower ROS": a state shown, no claim of NQO1's
            if trig.type is RelationType.REGULATES and trig.form in ("verb", "participle") \
                    and used_intransitively(view.words, trig.end):
                # "..., yet neither IL-1β nor TNF-α changed significantly": the claim's agent changed neither
                out += self._clause_effect(view, trig, chain.last_subjects)
                continue
            if trig.text in INTRANSITIVE_CHANGES and used_intransitively(view.words, trig.end):
                continue  # the change's agent, if any, is another rule's (_group_effects, _agentless_results)
            objects = self._objects_after(view, trig.end)
            objects_end = view.mentions[objects[-1]][1] if objects else -1
            if trig.form == "participle" and objects and self._subject_phrase_ends(view, view.mentions[objects[0]][1]):
                continue  # "..., but elevated baseline serum TNF-α was associated with ...": an adjective
            # "lowered both markers in the SNI spinal cord": the words after "both" name no object
            referred = (not objects or view.words[trig.end:trig.end + 1] == ["both"]) \
                and self._object_pronoun(view, trig.end)
            if referred:
                # "Gabapentin did not alter SOD, whereas hUC-MSCs boosted it": what the claim before acted on
                objects, objects_end = self._referred_objects(view, out, view.words[trig.end]), trig.end + 1
            subjects, how, negated, scope_start = self._active_subjects(view, trig, objects, chain)
            subjects = subjects + self._unlike_arms(view, trig, subjects)
            if referred:  # "infusion after neuropathy was established failed to reverse it": no agent named
                subjects = [m for m in subjects if view.mentions[m][2].category not in CONDITIONS]
            emitted = self._emit(view, trig, subjects, objects, how, negated=negated, scope_start=scope_start)
            out += emitted
            if objects and not subjects:
                chain.orphan_objects, chain.orphan_end = set(objects), objects_end
            if subjects and objects:
                chain.subjects = chain.last_subjects = subjects
                chain.end, chain.verb_end = objects_end, trig.end
                chain.negated = any(r.evidence.epistemics.negated for r in emitted)
            elif subjects and how != "parsed" and trig.form in ("verb", "participle"):
                # "Paclitaxel induced mitochondrial swelling in DRG neurons and decreased ATP": an object we
                # do not name still leaves the subject to the verb coordinated with this one
                chain.subjects, chain.end, chain.verb_end = subjects, trig.end, trig.end
                chain.negated = epistemics(view.words, trig.start, view.mentions[subjects[-1]][1]).negated
        out += self._hyphen_heads(view)
        out += self._secretions(view)
        out += self._silencing_reagents(view)
        out += self._cargo(view)
        out += self._expressed_markers(view)
        out += self._differentiated_from(view)
        out += self._effects_of(view)
        out += self._refractory_to(view)
        out += self._given_for(view)
        out += self._model_causes(view)
        out += self._model_inductions(view)
        out += self._possessed_products(view)
        out = self._without_situating_locations(view, out, triggers)
        out += self._equivalent_agents(view, out)
        out += self._elided_claims(view, out)
        out += self._routes(view)
        out += self._localizations(view)
        out += self._only_agents(view, out)
        out += self._induced_models(view)
        out += self._trial_treatments(view)
        accompanying = self._accompanying_changes(view, out)
        if accompanying:  # the change, typed, replaces the bare association "accompanied by" gave
            changed = {id(r.object) for r in accompanying}
            out = [r for r in out if not (r.type is RelationType.ASSOCIATED_WITH and id(r.object) in changed)]
        out += accompanying
        out += self._means_changes(view, out)
        out += self._class_memberships(view)
        return out

    @staticmethod
    def _subject_phrase_ends(view: SentenceView, end: int) -> bool:
        """Whether a verb of its own follows the noun phrase ending at ``end``: "TNF-α (levels) was"."""
        while end < len(view.words) and view.words[end] in OBJECT_HEADS:
            end += 1
        return view.words[end:end + 1] in (["was"], ["were"])

    # -- building relations --------------------------------------------------------------------
    def _shown_state(self, view: SentenceView, index: int) -> bool:
        """Whether a comparative at ``index`` describes what a treatment named right before the verb showed
        ("Nrf2-BMSCs displayed higher NQO1 and HO-1 levels and lower intracellular ROS"), with no verb
        between; not what treated animals showed (_group_effects) nor "... and lower TNF-α" after a verb."""
        for k in range(index - 1, max(0, index - 14), -1):
            if view.words[k] in CLAUSE_BREAKS or view.words[k] in self.lexicon.verbs:
                return False
            if view.words[k] in SHOWING and view.mention_at[k] < 0:
                shown_by = view.mention_at[k - 1]
                return shown_by >= 0 and view.mentions[shown_by][2].category in TREATMENTS
        return False

    def _emit(self, view: SentenceView, trig: Trigger, subjects: list[int], objects: list[int], how: str,
              negated: bool = False, scope_start: int = 0, change: str | None = None) -> list[Relation]:
        """Relations from each subject to each object; ``negated``: the trigger shares a negated verb's
        auxiliary; ``scope_start``: where this trigger's own negation scope may begin (after the object
        list of the verb it is coordinated with); ``change``: RISE or DECLINE when the claim acts on
        the object's change named elsewhere ("its upregulation was reversed by ...")."""
        out = []
        for si in subjects:
            for oi in objects:
                if si == oi:
                    continue
                s_start, s_end, subject = view.mentions[si]
                o_start, o_end, obj = view.mentions[oi]
                # "normalized X" takes its direction from the text first; the category guards apply to it too
                direction = self._normalized(view, trig, oi) if trig.text in NORMALIZING else \
                    RelationType.DECREASES if trig.text.startswith("improv") and obj.category in CONDITIONS \
                    and self._symptom(obj) else trig.type  # "improved thermal hypoalgesia"
                rtype = self._typed(direction, subject, obj)
                if rtype is None or (subject.curie and subject.curie == obj.curie) or is_control_arm(subject) \
                        or CLASS in (subject.found_by, obj.found_by):  # a class is only what something IS_A
                    continue  # a control arm's "no effect on pain" is the design, not a claim about saline
                if view.measuring_method(si) is not None or view.measuring_method(oi) is not None:
                    continue  # "associated with smaller zones on follow-up MRI": the method takes no part
                if (view.words[s_end:s_end + 1] and view.words[s_end] in INVERTED_AGENTS) or \
                        (s_start >= 2 and view.words[s_start - 1] == "of" and view.words[s_start - 2] in INVERTED_AGENTS):
                    continue  # "abolished by miR-146a knockdown", "knockdown of Nrf2": the claim is about its absence
                if how not in ("tight", "route") and obj.category is Category.ANATOMY and rtype is not RelationType.LOCATED_IN \
                        and view.words[o_end:o_end + 1] and view.words[o_end].isalpha() \
                        and view.words[o_end] not in COORDINATION and view.words[o_end] not in PREPOSITIONS:
                    continue  # "induced spinal nitrosative stress": the place word modifies an unnamed head
                if trig.text.startswith(("sensitiz", "sensitis")) and obj.category is Category.CELL:
                    continue  # "sensitised DRG neurons": their excitability, not their number
                if how not in PRESUPPOSING and self._attribute_of(view, o_start):
                    continue  # "abolished the antiallodynic effect of the EVs": the effect, not the EVs
                if how not in PRESUPPOSING and view.words[o_end:o_end + 1] and view.words[o_end] in ATTRIBUTE_NOUNS:
                    continue  # "the antioxidant effects of EVs": an adjective, not the object
                if rtype in (RelationType.CAUSES, RelationType.INCREASES) and trig.end <= o_start \
                        and any(COMPARATIVES.get(view.words[k]) is RelationType.DECREASES and view.mention_at[k] < 0
                                for k in range(trig.end, o_start)):
                    # "leading to reduced ERK phosphorylation"; not a name's word ("increased reduced glutathione")
                    rtype = RelationType.DECREASES
                object_change = change or self._change_before(view, trig, o_start)
                if object_change is RISE and rtype in RISE_TYPED:
                    rtype = RISE_TYPED[rtype]  # "prevented the increase of NOX4", "produced an elevation of PWT"
                if (view.words[o_end:o_end + 1] and view.words[o_end] in LOSS_NOUNS) or object_change is DECLINE:
                    # "reversed the reduction in paw withdrawal threshold", "prevented SOD depletion": acting
                    # on a decline is the opposite effect on the thing; other claims on a loss name no mention.
                    rtype = COUNTERED.get(rtype)
                    if rtype is None:
                        continue
                if how == "hyphen":  # "oxaliplatin-induced pain was not relieved": a presupposed name
                    epi = epistemics((), 0, 0)
                else:
                    # a passive's scope starts after its patient: "was lost when SIRT1 was inhibited with EX-527"
                    floor = max(s_end if s_end <= trig.start else 0, scope_start if scope_start <= trig.start else 0,
                                o_end if how == "passive" and o_end <= trig.start else 0)
                    # "X, but not Y, decreased ...": the "not" belongs to Y, so X's scope starts after Y
                    floor = max([floor, *(view.mentions[x][1] for x in subjects if x in view.excepted
                                          and s_end <= view.mentions[x][0] < trig.start)])
                    epi = epistemics(view.words, trig.start, floor,
                                     ("not",) if negated or oi in view.excepted or si in view.excepted
                                     or how != "tight" and self._neither_before(view, s_start, trig.start)
                                     else (trig.text,) if trig.text in self.lexicon.negated_participles | LEAVING else ())
                    if si in view.excepted and not negated and epistemics(view.words, trig.start, floor).negated:
                        # "NAC, unlike BMSCs, did not suppress IL-1β": the contrasted agent did
                        epi = epi.model_copy(update={"negated": False, "cues": [c for c in epi.cues if c == "unlike"]})
                out.append(claim(subject, obj, rtype, view.sentence, trig.text, how, epi))
        return out

    @staticmethod
    def _symptom(mention: Mention) -> bool:
        """A sign that is a symptom ("cold allodynia", "thermal hypoalgesia"), not a readout ("print area")."""
        return mention.text.lower().rsplit(" ", 1)[-1] in SYMPTOM_WORDS

    def _normalized(self, view: SentenceView, trig: Trigger, oi: int) -> RelationType:
        """Which way "normalized X" moved X: against the change the sentence gives X ("the depressed
        catalase activity", "GPx activity, which had been depressed by", "MDA levels rose ...; ADSCs
        normalized MDA"); else a symptom falls, and a defence or an oxidant of the lexicon's
        ``[normalized]`` lists rises or falls; otherwise the text does not say (REGULATES)."""
        o_start, o_end, obj = view.mentions[oi]
        # an adjective after a determiner or the verb itself ("normalized the depressed catalase"), not
        # a coordinated verb ("normalized catalase and heightened IL-10")
        before = view.words[o_start - 1:o_start] if o_start >= 2 and (
            view.words[o_start - 2] in DETERMINERS or o_start - 2 == trig.end - 1) else []
        k = o_end
        while k < len(view.words) and view.words[k] in OBJECT_HEADS:
            k += 1
        # a relative clause on the object: "GPx activity, which had been depressed by crush"
        after = view.words[k:k + 6] if view.words[k:k + 1] in ([","], ["which"], ["that"]) else []
        # the same entity named earlier in the sentence with its change: "MDA levels rose ...; normalized MDA"
        earlier = [(s, e) for s, e, m in view.mentions if s < trig.start and m is not obj
                   and (m.curie and m.curie == obj.curie or m.text.lower() == obj.text.lower())]
        # ... or with its change before it, or before the list it is in: "displayed elevated Cx43 and CXCL1"
        changes = before + after + [w for s, e in earlier for w in view.words[e:e + 3] + self._words_before_list(view, s)]
        if set(changes) & FELL_WORDS:
            return RelationType.INCREASES
        if set(changes) & ROSE_WORDS:
            return RelationType.DECREASES
        names = {n.lower() for n in (obj.text, obj.name, obj.long_form) if n}
        symptom = obj.category is Category.DISEASE or obj.category in CONDITIONS and self._symptom(obj)
        if symptom or names & self.lexicon.normalized_lowered:
            # "normalized cold allodynia", "normalized intracellular ROS"; a readout ("print area") may
            # have moved either way
            return RelationType.DECREASES
        if names & self.lexicon.normalized_raised:
            return RelationType.INCREASES
        return RelationType.REGULATES

    @staticmethod
    def _words_before_list(view: SentenceView, start: int) -> list[str]:
        """The change adjective right before a mention, or before the first mention of the list it is in
        ("displayed elevated connexin 43 (Cx43) and CXCL1"); none after a clause ("GPx fell and MDA")."""
        words = view.words
        while start >= 2 and words[start - 1] in ("and", ",", "or"):
            j = before_parentheses(words, start - 2)
            if j < 0 or view.mention_at[j] < 0:
                break
            start = view.mentions[view.mention_at[j]][0]
        word = words[start - 1] if start >= 1 else ""
        return [word] if word in FELL_WORDS | ROSE_WORDS else []

    @staticmethod
    def _neither_before(view: SentenceView, s_start: int, trig_start: int) -> bool:
        """ "Neither cell preparation altered ...", "No dose reduced ...", "neither licensed nor naive
        exosomes changed ...", "Neither intrathecal nor intravenous delivery of exosomes altered ...":
        a negative determiner of the subject, or a "neither ... nor" pair before the verb."""
        if {"neither", "no"} & set(view.words[max(0, s_start - 2):s_start]):
            return True
        before = view.words[:trig_start]
        if "neither" not in before or "nor" not in before[before.index("neither"):]:
            return False
        nor = len(before) - 1 - before[::-1].index("nor")
        return not any(w in CLAUSE_BREAKS or w == "," for w in before[nor:])

    @staticmethod
    def _change_before(view: SentenceView, trig: Trigger, o_start: int) -> str | None:
        """Whether the object is what declines or rises: "the reduction in X", "the depletion of GSH and
        SOD", "an elevation of PWT" (the change noun nearest before it, back to the trigger)."""
        first = trig.end if trig.end <= o_start else max(0, o_start - 2)
        for i in range(o_start - 2, first - 1, -1):
            if view.words[i + 1] in ("of", "in") and view.words[i] in DECLINE_NOUNS | RISE_NOUNS:
                return DECLINE if view.words[i] in DECLINE_NOUNS else RISE
            if view.words[i + 1] in ("of", "in") and view.words[i] in IMPROVEMENT_NOUNS and view.mention_at[o_start] >= 0:
                symptom = view.mentions[view.mention_at[o_start]][2].text.lower().rsplit(" ", 1)[-1] in SYMPTOM_HEADS
                return DECLINE if symptom else RISE
        return None

    @staticmethod
    def _typed(rtype: RelationType, subject: Mention, obj: Mention) -> RelationType | None:
        """Category guards and the rules that refine a trigger's type by what it acts on."""
        if rtype is RelationType.ADMINISTERED_VIA:
            return rtype if obj.category is Category.ROUTE else None
        if subject.category in NOT_AGENTS or obj.category in NOT_AGENTS:
            return None
        if subject.category is Category.ANATOMY and rtype not in (RelationType.LOCATED_IN, RelationType.IS_A,
                                                                   RelationType.DERIVED_FROM):
            return None  # a place is no agent: "pain induced by (partial) sciatic nerve (ligation)"
        if rtype is RelationType.DIFFERENTIATES_INTO:
            return rtype if subject.category is Category.CELL and obj.category is Category.CELL else None
        if rtype is RelationType.TREATS and obj.category is not Category.DISEASE:
            return RelationType.DECREASES  # "alleviated oxidative stress", "relieved allodynia": a decrease
        if rtype is RelationType.CAUSES and obj.category in MOLECULES | {Category.CELL, Category.CELLULAR_COMPONENT}:
            return RelationType.INCREASES  # "induced HO-1" raises an amount, "CD68+ macrophages" a count
        if rtype is RelationType.PREVENTS and obj.category not in CONDITIONS | {Category.PROCESS}:
            return RelationType.DECREASES
        return rtype
