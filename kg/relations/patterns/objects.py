"""Object search of the pattern extractor."""

from __future__ import annotations


from kg.types import CLASS, Relation
from kg.vocab import GRADING_ADJECTIVES, Category, RelationType
from kg.relations.patterns.words import (
    AUXILIARY_WORDS, BARE_LOCATIONS, BE_FORMS, CLAUSE_BREAKS, COMPARATIVES, COMPARISON_CUES, CONDITIONS, COORDINATION,
    DECLINE_NOUNS, DETERMINERS, EFFECT_NOUNS, HOMING_PLACES, INTRANSITIVE_CHANGES, LOCATIONS, MAX_OBJECT_DISTANCE,
    MEMBER_CLASS_NOUNS, NOT_ACTED_ON_HEADS, NP_MODIFIERS, OBJECT_HEADS, OBJECT_STOPS, PREPOSITIONS, RELATIVES,
    REPORTING_VERBS, RISE_NOUNS, TENSED_VERB_TAGS,
)
from kg.relations.patterns.lexicon import Lexicon, Trigger
from kg.relations.patterns.view import SentenceView, before_parentheses, hyphenated


class ObjectRules:
    """What is acted on: objects after a trigger, coordinated and excepted objects, places."""

    lexicon: Lexicon

    def _places_after(self, view: SentenceView, index: int) -> list[int]:
        """The place list after a localization, with its excepted places: "in the epineurium but not in
        the DRG", "by satellite glial cells rather than by neurons"."""
        places = self._objects_after(view, index, place=True)
        if not places:
            return []
        end = view.mentions[places[-1]][1]
        rest = view.words[end:end + 4]
        for cue in (["but", "not"], ["rather", "than"], [",", "but", "not"]):
            if rest[:len(cue)] == cue:
                k = end + len(cue)
                if view.words[k:k + 1] and view.words[k] in HOMING_PLACES | {"by"}:
                    k += 1
                other = next((view.mention_at[j] for j in range(k, min(k + 3, len(view.words)))
                              if view.mention_at[j] >= 0), None)  # an arm "rather than" names, compared or not
                if other is not None:
                    view.excepted.add(other)
                    places.append(other)
                break
        return places

    @staticmethod
    def _without_situating_locations(view: SentenceView, relations: list[Relation],
                                     triggers: list[Trigger]) -> list[Relation]:
        """ "decreased TNF-α in the DRG", "activated by exosomes in DRG neurons": the place situates
        the claim. A bare "in" is a LOCATED_IN claim of its own only before the sentence's first claim
        ("ROS in microglia promote inflammation") and never about another claim's object; after it,
        "... reduced TNF-α in the nerve" situates even where the claim's agent went unfound."""
        start_of = {id(m): s for s, _, m in view.mentions}
        first_claim = min((t.start for t in triggers if t.form != "tight"), default=len(view.words))
        others = [r for r in relations if r.evidence.trigger not in BARE_LOCATIONS]
        objects = {id(r.object) for r in others}
        return [r for r in relations if not (
            r.type is RelationType.LOCATED_IN and r.evidence.trigger in BARE_LOCATIONS
            and (id(r.subject) in objects or start_of[id(r.subject)] > first_claim))]

    def _objects_after(self, view: SentenceView, index: int, place: bool = False) -> list[int]:
        """The trigger's object and the mentions listed with it; ``place``: the object is a location
        phrase's ("localized in the DRG and spinal cord"), not a claim's whose place it would be."""
        first = view.mention_starting_after(index, MAX_OBJECT_DISTANCE, stop=OBJECT_STOPS | {","})
        after_first = view.words[view.mentions[first][1]:view.mentions[first][1] + 2] if first is not None else []
        if first is not None and after_first[:1] and after_first[0] in OBJECT_HEADS and (
                view.mentions[first][2].category is Category.ROUTE
                or view.mentions[first][2].category is Category.ANATOMY and after_first[1:] == ["of"]):
            # "increased the local secretion of NGF", "lowered DRG expression of ATF3": a route word or a
            # place modifying the head, not the object
            first = view.mention_starting_after(view.mentions[first][1], MAX_OBJECT_DISTANCE, stop=OBJECT_STOPS | {","})
        if first is None or any(view.words[k] in self.lexicon.verbs and self._coordinated_verb(view, k)
                                for k in range(index + 1, view.mentions[first][0])):
            # "reversed all of these changes and increased PGC-1α", "did not cause any serious adverse
            # events and did not change HbA1c": the next verb's object
            return []
        start, end = view.mentions[first][0], view.mentions[first][1]
        effect_of = start >= 2 and (
            view.words[start - 2] in NOT_ACTED_ON_HEADS and view.words[start - 1] == "of"
            or view.words[start - 2] in ("response", "responses") and view.words[start - 1] == "to")
        if effect_of or end < len(view.words) and view.words[end] in EFFECT_NOUNS:
            # "abolished the protective effect of UC-MSC-CM", "no influence on the analgesic response to
            # gingival MSCs", "mediates the antioxidant effect": an effect, not the agent it names; "supporting
            # controlled trials of UC-MSCs": research on it
            return []
        if view.words[index:index + 1] in (["and"], ["or"]) and self._opens_clause(view, first):
            return []  # "serum MDA decreased and SOD increased": the verb has no object, SOD its own verb
        if self._names_the_host(view, first):
            return []  # "produced conditioned place preference in oxaliplatin-treated rats"
        change_in = start >= 2 and view.words[start - 1] == "in" and view.words[start - 2] in DECLINE_NOUNS | RISE_NOUNS \
            and view.mentions[first][2].category is Category.CELL
        if not place and not change_in and self._situating(view, first) and not self._mention_between(view, index, first) \
                and view.mentions[self._head_of_modifier(view, first)][2].category in LOCATIONS:
            # "modulated synaptic transmission in the dorsal horn": the place, not the object; but "a 58%
            # reduction in Iba1-positive microglia" names what changed, and so does "the fall in serum MDA"
            # (the place word names where MDA was measured)
            return []
        first = self._head_of_modifier(view, self._head_of_hyphen(view, first))
        first = self._member_after(view, first)  # "reduced the voltage-gated sodium channel Nav1.7": the channel named
        named = self._members_named(view, first)
        if named is not None:
            first = named  # "increased the M2 markers Arg-1 and CD206": the markers named
        objects = [first]
        changes = DECLINE_NOUNS | RISE_NOUNS
        changes_listed = any(w in changes for w in view.words[max(index, start - 4):start])
        end = self._after_parentheses(view, view.mentions[first][1])
        # Coordinated objects: "TNF-α, IL-1β and IL-6"; "IL-1β but not TNF-α" is a negated object;
        # "WOMAC pain subscores and synovial fluid malondialdehyde": a few head or modifier words around.
        while True:
            end = self._skip_plain_words(view, end)
            if view.words[end:end + 3] == ["as", "well", "as"]:
                end += 2  # "lowered Arg-1 as well as CD86"
            if view.words[end:end + 2] in ([",", "a"], [",", "an"]):
                # ", a corticosteroid": an apposition, not a list; the list may go on after it ("GFAP, a
                # marker of reactive astrocytes, and of phosphorylated p38")
                close = next((k for k in range(end + 2, min(end + 10, len(view.words))) if view.words[k] == ","), None)
                if close is None or view.words[close + 1:close + 2] not in (["and"], ["or"]):
                    break
                end = close
            if end + 1 >= len(view.words) or view.words[end] not in (",", "and", "or", "but", "/", "as"):
                break
            nxt = end + 1
            if view.words[end:end + 3] == [",", "but", "not"]:  # "reduced IL-1β, but not IL-10"
                end, nxt = end + 1, end + 2
            excepted = view.words[end:end + 2] == ["but", "not"]
            if excepted:
                nxt += 1
            elif view.words[end] == "but":
                break
            if view.words[nxt:nxt + 1] in (["and"], ["or"]):
                nxt += 1
            if view.words[nxt:nxt + 1] == ["of"] and view.words[nxt - 1] in ("and", "or"):
                nxt += 1  # "the expression of Nav1.7 and of TRPV1"
            nxt = self._skip_plain_words(view, nxt)
            if view.words[nxt:nxt + 1] == ["of"] and view.words[nxt - 1] in OBJECT_HEADS:
                nxt = self._skip_plain_words(view, nxt + 1)  # "NF-κB activation and the release of IL-1β"
            if changes_listed and view.words[nxt:nxt + 1] and view.words[nxt] in changes \
                    and view.words[nxt + 1:nxt + 2] in (["in"], ["of"]):
                # "a decrease in the threshold and an increase in MDA": the change noun types each object
                nxt = self._skip_plain_words(view, nxt + 2)
            m = view.mention_at[nxt] if nxt < len(view.words) else -1
            if m < 0 or nxt in view.compared:
                break
            if view.words[end] == "," and self._opens_clause(view, m):
                # "enhanced their secretion of VEGF, and conditioned medium from these cells alleviated",
                # "Unlike gabapentin, which only raised the threshold, BMSCs produced ..."
                break
            if view.words[end] in ("and", "or") and self._verb_follows(view, m):
                break  # "BMSCs suppressed IL-6 and adipose MSCs induced IL-10": a clause of its own
            # "... but not paclitaxel-induced neuropathic pain": the condition, not its cause
            m = self._head_of_modifier(view, self._head_of_hyphen(view, m))
            objects.append(m)
            if excepted:
                view.excepted.add(m)
            end = self._after_parentheses(view, view.mentions[m][1])
        return objects

    @staticmethod
    def _coordinated_verb(view: SentenceView, k: int) -> bool:
        """The verb at ``k`` opens a coordinated verb phrase: "and increased", "and did not change"."""
        j = k - 1
        while j > 0 and view.words[j] in AUXILIARY_WORDS:
            j -= 1
        return view.words[j] in ("and", "or")

    @staticmethod
    def _names_the_host(view: SentenceView, m: int) -> bool:
        """ "in oxaliplatin-treated rats", "in LPS-stimulated cells": the mention says what was done to
        the animals or cells the claim is about, not what changed."""
        start, end, _ = view.mentions[m]
        k = start - 1
        while k >= 0 and view.words[k] in DETERMINERS:
            k -= 1
        if k < 0 or view.words[k] != "in" or view.words[end:end + 1] != ["-"] \
                or not view.words[end + 1:end + 2] or not view.words[end + 1].endswith("ed"):
            return False
        host = view.mention_at[end + 2] if end + 2 < len(view.words) else -1
        return host >= 0 and view.mentions[host][2].category in (Category.ORGANISM, Category.CELL, Category.CELL_LINE) \
            or view.words[end + 2:end + 3] in (["rats"], ["mice"], ["animals"], ["cells"])

    def _opens_clause(self, view: SentenceView, m: int) -> bool:
        """Whether a mention is the subject of a verb of our lexicon a few words on ("conditioned medium
        from these cells alleviated")."""
        k = self._after_parentheses(view, view.mentions[m][1])
        for i in range(k, min(k + 5, len(view.words))):
            if view.words[i] in CLAUSE_BREAKS or view.words[i] == ",":
                return False
            if (view.words[i] in self.lexicon.verbs or view.words[i] in INTRANSITIVE_CHANGES
                    or view.words[i] in REPORTING_VERBS) and view.words[i - 1] != "-" and view.mention_at[i] < 0:
                return True  # "..., spinal IL-1β declined", "..., and luciferase reporter assays confirmed"
        return False

    def _verb_follows(self, view: SentenceView, m: int) -> bool:
        """Whether a verb of our lexicon comes right after a mention (adverbs allowed), not a reduced
        passive ("IL-6 and TNF-α induced by LPS" lists objects; "adipose MSCs induced IL-10" is a clause)."""
        k = self._after_parentheses(view, view.mentions[m][1])
        while k < len(view.words) and (view.words[k].endswith("ly") or view.words[k] == "also"):
            k += 1
        return k + 1 < len(view.words) and view.mention_at[k] < 0 and view.words[k + 1] != "by" \
            and (view.words[k] in self.lexicon.verbs or view.words[k] in INTRANSITIVE_CHANGES)

    @staticmethod
    def _members_named(view: SentenceView, m: int) -> int | None:
        """The first member a class noun names right after a mention modifying it: "the M2 markers Arg-1
        and CD206", "the M1 cytokines TNF-α and IL-1β"."""
        end = view.mentions[m][1]
        for k in range(end, min(end + 3, len(view.words) - 1)):
            if view.words[k] in MEMBER_CLASS_NOUNS and view.mention_at[k + 1] >= 0:
                return view.mention_at[k + 1]  # "the NF-κB target genes COX-2 and iNOS"
            if view.mention_at[k] >= 0 or not view.words[k].isalpha():
                return None
        return None

    @staticmethod
    def _after_parentheses(view: SentenceView, end: int) -> int:
        """Past a parenthesis right after a listed mention: "reactive oxygen species (ROS)",
        "N-acetylcysteine (NAC; 150 mg/kg)"."""
        while end < len(view.words) and view.words[end] == "(":
            close = next((j for j in range(end, len(view.words)) if view.words[j] == ")"), end)
            end = close + 1
        return end

    def _skip_plain_words(self, view: SentenceView, i: int, limit: int = 2) -> int:
        """Past up to ``limit`` head nouns or modifiers that are no mention, verb, preposition or
        clause word ("levels", "synovial fluid", "the")."""
        skipped = 0
        while i < len(view.words) and view.mention_at[i] < 0 and (
                view.words[i] in OBJECT_HEADS or view.words[i] in DETERMINERS
                or skipped < limit and view.words[i].replace("-", "").isalpha() and view.words[i] not in self.lexicon.verbs
                and view.words[i] not in CLAUSE_BREAKS and view.words[i] not in PREPOSITIONS
                and view.words[i] not in BE_FORMS and view.words[i] not in COORDINATION
                and view.words[i] not in OBJECT_STOPS and view.words[i] not in COMPARISON_CUES
                and view.words[i] not in RELATIVES and not view.words[i].endswith("ing")
                and view.words[i] not in COMPARATIVES and view.words[i] != "only"
                and view.tokens[i].tag_ not in TENSED_VERB_TAGS):
            # "lower MDA and higher catalase", ", only hUC-MSCs decreased", ", and this protection
            # required IL-10": a new claim
            skipped += view.words[i] not in OBJECT_HEADS and view.words[i] not in DETERMINERS
            i += 1
        return i

    @staticmethod
    def _mention_between(view: SentenceView, index: int, m: int) -> bool:
        return any(view.mention_at[i] >= 0 for i in range(index, view.mentions[m][0]))

    @staticmethod
    def _place_after(view: SentenceView, index: int) -> int:
        """Past a place right after a participle ("in (the) spinal microglia", "in the DRG of CCI rats"):
        where the words after it begin; ``index`` when no place follows."""
        words, i = view.words, index
        if words[i:i + 1] not in (["in"], ["within"]):
            return index
        i += 1
        while i < len(words) and view.mention_at[i] < 0 and (
                words[i] in NP_MODIFIERS or hyphenated(words[i]) and words[i][0].isalpha()):
            i += 1  # "in (the) spinal astrocytes", "in small-diameter DRG neurons"
        m = view.mention_at[i] if i < len(words) else -1
        if m < 0 or view.mentions[m][2].category not in LOCATIONS:
            return index
        i = view.mentions[m][1]
        if words[i:i + 1] == ["of"] and i + 1 < len(words) and view.mention_at[i + 1] >= 0 \
                and view.mentions[view.mention_at[i + 1]][2].category in CONDITIONS | {Category.ORGANISM}:
            i = view.mentions[view.mention_at[i + 1]][1]  # "in the DRG of CCI rats"
            if i < len(words) and view.mention_at[i] >= 0 and view.mentions[view.mention_at[i]][2].category is Category.ORGANISM:
                i = view.mentions[view.mention_at[i]][1]
        return i

    @staticmethod
    def _member_after(view: SentenceView, m: int) -> int:
        """The member named right after a class mention ("the SOD mimetic tempol"), else the mention itself."""
        end = view.mentions[m][1]
        member = view.mention_at[end] if end < len(view.words) else -1
        return member if view.mentions[m][2].found_by == CLASS and member >= 0 else m

    @staticmethod
    def _class_member(view: SentenceView, m: int) -> int:
        """The named member a class mention stands in apposition to ("TSG-6, an anti-inflammatory
        glycoprotein"), else the mention itself."""
        start, _, cls = view.mentions[m]
        if cls.found_by != CLASS or m == 0:
            return m
        j = start - 1
        while j >= 0 and view.words[j] in GRADING_ADJECTIVES:
            j -= 1
        prior_end = view.mentions[m - 1][1]
        if view.words[prior_end:prior_end + 1] == [")"]:
            prior_end += 1  # "hepatocyte growth factor (HGF), a pleiotropic cytokine"
        return m - 1 if view.words[prior_end:j + 1] in ([",", "a"], [",", "an"]) else m

    def _adjacent_left(self, view: SentenceView, index: int) -> int | None:
        i = index - 1
        j = i  # past "is abundantly": "TSG-6, an anti-inflammatory glycoprotein, is abundantly secreted by MSCs"
        while j > 0 and view.mention_at[j] < 0 and (view.words[j] in BE_FORMS or view.words[j].endswith("ly")):
            j -= 1
        if view.words[j:j + 1] == [","]:
            # "TSG-6, an anti-inflammatory glycoprotein secreted by BMSCs, was detected in": the apposition's head
            comma = j
            opener = next((k for k in range(comma - 1, max(-1, comma - 12), -1) if view.words[k] in (",", ";", "(", ")")), None)
            if opener is not None and view.words[opener] == "," and view.words[opener + 1:opener + 2] in (["a"], ["an"]):
                head = before_parentheses(view.words, opener - 1)
                if head >= 0 and view.mention_at[head] >= 0:
                    return view.mention_at[head]
                if view.words[opener - 1] == ")" and view.mention_at[opener - 2] >= 0:
                    # "Tumor necrosis factor-stimulated gene-6 (TSG-6), an anti-inflammatory glycoprotein,
                    # is secreted by MSCs": the short form names what the definition's words leave unnamed
                    return view.mention_at[opener - 2]
        while i >= 0 and (view.words[i] in ("levels", "level", "activity", "expression", "content", ")")
                          or (view.words[i] in BE_FORMS or view.words[i].endswith("ly")) and view.mention_at[i] < 0
                          or (i in view.aside and view.mention_at[i] < 0) or (i in view.aside and view.words[i - 1:i] == ["("])):
            if view.words[i] == ")":
                i = before_parentheses(view.words, i, unopened=i)
                continue
            i -= 1
        if i >= 2 and view.words[i] in ("which", "that") and view.words[i - 1] == ",":
            # "NADPH oxidase 2 (NOX2), which was located predominantly in Iba1-positive microglia"
            i = before_parentheses(view.words, i - 2)
        if i >= 0 and view.mention_at[i] >= 0:
            return view.mention_at[i]
        return None
