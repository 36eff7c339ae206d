"""Agent search of the pattern extractor."""

from __future__ import annotations


from kg.relations.anaphora import is_control_arm
from kg.vocab import CONTROL_ARM_NAMES, Category, RelationType
from kg.relations.patterns.words import (
    ADMINISTERED, ARM_ADJECTIVES, ATTRIBUTE_NOUNS, BE_FORMS, CARGO_WORDS, CHANGE_NOUNS, CLAUSE_BREAKS, CLAUSE_ENDS,
    CLAUSE_VERB_TAGS, CONDITIONS, COORDINATION,
    CO_CULTURED, DECLINE, DECLINE_NOUNS, DETERMINERS, DISCOURSE_WORDS, DOSES, DOSE_MODIFIERS,
    EFFICACY_ADJECTIVES, FILLER, FORM_MODIFIERS, HYPHEN_RELATIONS, IRREGULAR_PARTICIPLES, LIGHT_VERBS, LOADED,
    LOCALIZING_ADJECTIVES, LOCATIONS, MAX_LONG_OBJECT_UNITS, MAX_SUBJECT_DISTANCE, MAX_WRAPPED_REACH,
    MEASURED_AMOUNTS, MEASURED_STATES, MODEL_ENDINGS, MODIFIER_HYPHENS, NOT_AGENTS, NP_MODIFIERS, NUMBER,
    OBJECT_HEADS, PLACING, PREPOSITIONS, PRONOUNS, QUANTIFIERS, RECEIVING, RELATIVES, RISE, RISE_NOUNS, ROUTE_AGENTS,
    SAMPLE_NOUNS, SAMPLE_WORDS, SITUATING, SOURCE_VERBS, SUBJECT_DEPS, TEMPORAL_PREPOSITIONS, TIME_UNITS,
    TREATING_ACTS, TREATMENTS, TREATING_WRAPPERS, TREATMENT_NOUNS, TREATMENT_NOUN_MODIFIERS, UTR,
    WRAPPERS, WRAPPER_MODIFIER_OPENERS,
)
from kg.relations.patterns.lexicon import Lexicon, Trigger
from kg.relations.patterns.view import (
    Chain, SentenceView, adverbial, back_over_asides, before_parentheses, counted, hyphenated, magnitude,
    past_abbreviation, timing,
)


class AgentRules:
    """Who acts: subjects across coordinated verbs, passive agents, wrapped and treated-group agents."""

    lexicon: Lexicon

    def _agent_of_time_clause(self, view: SentenceView, index: int) -> int | None:
        """The agent of "after BMSCs were injected", "after DPSC-Exos treatment", "following intrathecal
        injection of EVs" right after an agentless passive."""
        words = view.words
        k = self._place_after(view, index)  # "was upregulated in the DRG following treatment with ..."
        while k < len(words) and (words[k].endswith("ly") or words[k] == "again" or magnitude(words, k)
                                  or NUMBER.match(words[k]) or words[k].endswith("-fold")  # "only", "2.4-fold"
                                  or words[k] in TIME_UNITS and k > 0 and counted(words[k - 1])):  # "7 days after"
            k += 1
        if words[k:k + 1] == ["from"]:  # "rose from 2.1 ± 0.3 to 5.8 ± 0.6 nmol/mg protein after CCI"
            k = next((i for i in range(k + 1, min(k + 16, len(words))) if words[i] in ("after", "following")
                      or view.mention_at[i] >= 0 or words[i] in CLAUSE_ENDS), k)
        if k >= len(words) or words[k] not in ("after", "following", "upon"):
            return None
        agent = self._agent_after(view, k + 1, 3)
        if agent is not None and view.mentions[agent][2].category in CONDITIONS | {Category.CHEMICAL} \
                and not is_control_arm(view.mentions[agent][2]) \
                and words[past_abbreviation(view, view.mentions[agent][1]):][:1] in MODEL_ENDINGS:
            return agent  # "was upregulated 2.4-fold after paclitaxel treatment", "rose ... after CCI"
        if agent is None or view.mentions[agent][2].category not in TREATMENTS or is_control_arm(view.mentions[agent][2]):
            return None
        end = view.mentions[agent][1]
        rest = words[end:end + 2]
        given = rest[:1] and rest[0] in WRAPPERS or rest[:1] in (["were"], ["was"]) and rest[1:] and rest[1] in ADMINISTERED
        # "after injection of BMSCs": the wrapper came first
        wrapped = any(w in WRAPPERS or w in ADMINISTERED for w in words[k + 1:view.mentions[agent][0]])
        return agent if given or wrapped else None

    def _setting_agent(self, view: SentenceView) -> tuple[int | None, int]:
        """The treatment of the setting a sentence opens with, and the comma that ends the setting:
        "In oxaliplatin-treated rats, ...", "When LPS-activated microglia were co-cultured with BMSCs, ..."."""
        words = view.words
        if "," not in words[:16]:
            return None, -1
        comma = words.index(",")
        if words[:1] == ["in"] and comma < 10 and view.mention_at[1] >= 0:
            agent = view.mention_at[1]
            end = view.mentions[agent][1]
            if words[end:end + 2] == ["-", "treated"] and not is_control_arm(view.mentions[agent][2]):
                return agent, comma
        if words[:1] == ["in"]:
            # "In patients receiving BMSCs, ...", "In CCI rats treated with intrathecal EVs, ..."
            given = next((k for k in range(1, comma) if words[k] in RECEIVING), None)
            if given is not None and all(view.mention_at[k] < 0 or view.mentions[view.mention_at[k]][2].category
                                         in (Category.ORGANISM, Category.DISEASE) for k in range(1, given)):
                agent = self._agent_after(view, given + 1, 3)
                if agent is not None and view.mentions[agent][1] <= comma \
                        and view.mentions[agent][2].category in TREATMENTS and not is_control_arm(view.mentions[agent][2]):
                    return agent, comma
        if words[:1] in (["when"], ["once"], ["after"]):
            given = next((k for k in range(1, comma) if words[k] in RECEIVING and words[k + 1:k + 2] in (["with"], ["to"])), None)
            agent = self._agent_after(view, given + 2, 2) if given is not None else None
            if agent is not None and view.mentions[agent][1] <= comma \
                    and view.mentions[agent][2].category in TREATMENTS and not is_control_arm(view.mentions[agent][2]):
                return agent, comma
        return None, -1

    def _relative_antecedent(self, view: SentenceView, index: int) -> int | None:
        """ ", which (also) reduced ...": the phrase before the comma acts."""
        i = index - 1
        while i >= 0 and (view.words[i].endswith("ly") or view.words[i] in ("also", "further", "then")):
            i -= 1
        if i < 2 or view.words[i] not in ("which", "that") or view.words[i - 1] != ",":
            return None
        m = view.mention_at[i - 2]
        if m < 0 or view.mentions[m][1] != i - 1:
            return None
        k = view.mentions[m][0] - 1  # "exosomes from ADSCs, which": the exosomes (one step, never past "by")
        while k >= 0 and view.words[k] in NP_MODIFIERS:
            k -= 1
        if k >= 1 and view.words[k] in ("from", "of") and view.mention_at[k - 1] >= 0:
            return view.mention_at[k - 1]
        if k >= 2 and view.words[k] in ("by", "from") and view.words[k - 1] in SOURCE_VERBS and view.mention_at[k - 2] >= 0:
            return view.mention_at[k - 2]  # "exosomes secreted by human ADSCs, which inhibited NLRP3": the exosomes
        return m

    @staticmethod
    def _after_be(view: SentenceView, index: int) -> bool:
        """A participle after a form of "be", adverbs allowed between: "was largely abolished"."""
        i = index - 1
        while i > 0 and (adverbial(view.words, i) or i in view.aside and view.words[i] in DISCOURSE_WORDS | {","}) \
                and view.words[i] not in BE_FORMS:
            i -= 1  # "were all decreased", "was, however, reduced", "was, in addition, upregulated"
        return i >= 0 and view.words[i] in BE_FORMS

    @staticmethod
    def _pronoun_before(view: SentenceView, index: int, treatment: bool = False) -> bool:
        """ "it"/"they" as the trigger's subject, modals, adverbs and negation allowed between;
        ``treatment``: "this treatment" / "the therapy" count as one."""
        i = index - 1
        while i >= 0 and (view.words[i] in COORDINATION or view.words[i] in LIGHT_VERBS or view.words[i].endswith("ly")
                          or view.words[i] in ("still", "even", "only", "nonetheless", "nevertheless")) \
                and view.words[i] not in PRONOUNS:
            i -= 1
        if treatment and i >= 1 and view.words[i] in TREATMENT_NOUNS and view.mention_at[i] < 0:
            k = i - 1 if view.words[i - 1] not in TREATMENT_NOUN_MODIFIERS else i - 2
            # "this single dose reversed ...", not "(transplanted) at the same dose failed to ..."
            return k >= 0 and view.words[k] in ("this", "the", "that") \
                and (k == 0 or view.words[k - 1] not in PREPOSITIONS)
        return i >= 0 and view.words[i] in PRONOUNS

    def _coordinated(self, view: SentenceView, after: int, before: int) -> bool:
        """Only commas, 'and', adverbs or parentheses between the last object and this trigger."""
        if after < 0 or after > before:
            return False
        # "as effectively as gabapentin", "more effectively than native ADSCs": an arm between does not part them
        in_arms = {i for start, end in view.equivalents for i in range(start, end)} | view.compared
        between = [i for i in range(after, before) if (i not in view.aside or view.words[i] == ",") and i not in in_arms]
        if not between:
            return False  # "causes neuropathy linked to ...": a modifier of the object, not a second verb
        if all(view.words[i] in COORDINATION or view.words[i] in OBJECT_HEADS for i in between):
            return True
        # "inhibited NLRP3 inflammasome activation and reduced ...", "... P2X3 expression but did not
        # reduce ...": a few more object words, a conjunction, then only auxiliaries or negation
        joints = [k for k, i in enumerate(between) if view.words[i] in ("and", ",", "or", "but")]
        if not joints:
            return False
        tail = between[joints[-1]:]
        verb_words = all(view.words[i] in COORDINATION or view.words[i] in LIGHT_VERBS for i in tail)
        # "a 2.7-fold decrease in NOX2 and a 1.9-fold decrease in NOX4": a magnitude opens the second
        if not verb_words and not all(view.words[i] in COORDINATION or view.words[i] in LIGHT_VERBS
                                      or NUMBER.match(view.words[i]) for i in tail):
            return False
        head = between[:joints[-1]]
        # a mention counts as one word, commas, a magnitude and a time point as none: "HO-1 protein in the
        # dorsal root ganglion, and lowered", "pain scores on a visual analogue scale by 48% and reduced",
        # "the threshold from day 3 to day 14 post-injection and reduced"
        units = sum(1 for i in head if view.words[i] != "," and not magnitude(view.words, i)
                    and not timing(view.words, i)
                    and "-" not in view.words[i - 1:i + 1]  # "MIA-induced" is one word
                    and (view.mention_at[i] < 0 or i == 0 or view.mention_at[i - 1] != view.mention_at[i]))
        # "reduced MDA content in the sciatic nerve of oxaliplatin-treated mice, but had no effect on":
        # a comma, a conjunction and then the verb itself, with no subject of its own, allow a longer object
        joint = tail[0]
        verb_follows = verb_words and view.words[joint - 1] == "," and view.words[joint] in ("but", "and")
        return (units <= (MAX_LONG_OBJECT_UNITS if verb_follows else 6) and not any(
            view.words[i] in CLAUSE_BREAKS or view.words[i] in ("which", "that", "who", "whom", "when", "where", "because")
            or view.words[i] in self.lexicon.verbs and view.words[i - 1:i] != ["-"]  # "paclitaxel-treated" is no verb
            or (view.words[i] in self.lexicon.nouns and view.words[i] not in OBJECT_HEADS)
            for i in head)
            and all(view.mention_at[i] < 0 or view.mentions[view.mention_at[i]][2].category in NOT_AGENTS
                    or self._situating(view, view.mention_at[i], any_category=True)
                    # "increased viability after H2O2 challenge and decreased ROS": a time, not a new subject
                    or view.words[max(0, view.mentions[view.mention_at[i]][0] - 1)] in TEMPORAL_PREPOSITIONS
                    or self._host_condition(view, view.mention_at[i])
                    or view.words[view.mentions[view.mention_at[i]][1]:view.mentions[view.mention_at[i]][1] + 1] == ["-"]
                    for i in head))  # "of oxaliplatin-treated mice": a modifier's mention

    @staticmethod
    def _host_condition(view: SentenceView, m: int) -> bool:
        """The condition of the animals or patients a claim is about: "in rats with CCI (and lowered ...)",
        "in rats with monosodium iodoacetate-induced osteoarthritis"."""
        start = view.mentions[m][0]
        while start >= 3 and view.words[start - 2] == "-" and view.words[start - 1].endswith("ed") \
                and view.mention_at[start - 3] >= 0:
            start = view.mentions[view.mention_at[start - 3]][0]  # past its "X-induced" modifier
        host = view.mention_at[start - 2] if start >= 2 and view.words[start - 1] == "with" else -1
        return host >= 0 and view.mentions[host][2].category is Category.ORGANISM

    @staticmethod
    def _situating(view: SentenceView, m: int, any_category: bool = False) -> bool:
        """A location after "in"/"within" ("... in (BV2) microglia and inhibited ...");
        ``any_category``: whatever the mention is ("in the lesion epicenter", "in diabetic rats")."""
        start, _, mention = view.mentions[m]
        if mention.category not in LOCATIONS and not any_category:
            return False
        i, steps = start - 1, 0  # over "the", a cell-line name, "ipsilateral DRG"-like location words
        while i >= 0 and steps < 3 and view.words[i] not in SITUATING and (
                view.mention_at[i] < 0 or view.mentions[view.mention_at[i]][2].category in LOCATIONS):
            i, steps = i - 1, steps + 1
        return i >= 0 and view.words[i] in SITUATING

    def _subjects_before(self, view: SentenceView, index: int) -> list[int]:
        m = view.mention_ending_before(index, MAX_SUBJECT_DISTANCE)
        # past a place the agent was put: "Perineural injection of BMSCs around the injured sciatic nerve increased"
        # and past the time of a treatment: "exosome treatment after SCI decreased TUNEL-positive cells"
        while m is not None and (view.mentions[m][2].category is Category.ANATOMY and self._situating(view, m)
                                 or PLACING & set(view.words[max(0, view.mentions[m][0] - 2):view.mentions[m][0]])
                                 or view.mentions[m][2].category in CONDITIONS and self._timed_treatment(view, m)):
            m = view.mention_ending_before(view.mentions[m][0], MAX_SUBJECT_DISTANCE)
        if m is None:
            return []
        m = self._phrase_head(view, m)
        head = self._administered_head(view, m)
        m = m if head == m else self._phrase_head(view, head)
        subjects = [m]
        start = self._past_source(view, view.mentions[m][0])
        while start > 0 and start > view.mentions[m][0] - 2 and view.mention_at[start - 1] < 0 \
                and view.words[start - 1].isalpha() and view.words[start - 1] not in ("not", "unlike", "but"):
            start -= 1  # "but not normoxic MSCs": an adjective of the excepted agent
        if view.words[start - 3:start] != [",", "but", "not"] and view.words[start - 2:start] != [",", "unlike"]:
            start = self._past_source(view, view.mentions[m][0])
        opener = 3 if view.words[start - 3:start] == [",", "but", "not"] else \
            2 if view.words[start - 2:start] == [",", "unlike"] else 0
        if opener and start > opener:
            # "Gabapentin, but not BMSC-derived exosomes, reversed allodynia", "MSC-Exos, unlike NAC,
            # enhanced GPx": the excepted agent did not
            view.excepted.add(m)
            first = view.mention_ending_before(start - opener, MAX_SUBJECT_DISTANCE)
            if first is not None:
                subjects.insert(0, self._phrase_head(view, first))
                start = view.mentions[subjects[0]][0]
        # "nor (their | exosome-depleted) conditioned medium": a determiner or a hyphenated modifier between
        nor = next((k for k in range(start - 1, max(-1, start - 5), -1) if view.words[k] == "nor"), None)
        if nor is not None and any(view.words[k] in CLAUSE_BREAKS or view.words[k] in self.lexicon.verbs
                                   and view.words[k - 1:k] != ["-"] for k in range(nor + 1, start)):
            nor = None
        first = view.mention_ending_before(nor, MAX_SUBJECT_DISTANCE) if nor is not None else None
        if first is not None and "neither" in view.words[max(0, view.mentions[first][0] - 3):view.mentions[first][0]]:
            # "Neither BMSCs nor their conditioned medium altered thresholds": both did not, in this
            # claim only (_neither_before), not in a later clause ("..., but BMSCs reduced IL-6")
            first = self._phrase_head(view, first)
            subjects.insert(0, first)
            start = view.mentions[first][0]
        # "MSCs and EVs reduced ROS", "MSCs, EVs and exosomes ...": mentions listed with the subject
        # also act; a comma alone does not list ("In the DRG, BMSCs reduced ..."); nor does an earlier
        # verb's object ("BMSCs suppressed IL-6 and adipose MSCs induced IL-10": IL-6 does not induce)
        # "exosomes secreted by ADSCs (ADSC-Exos) and duloxetine reduced": the phrase's head acts
        listed = list(dict.fromkeys(self._phrase_head(view, m) for m in self._listed_before(view, start)))
        for n, other in enumerate(listed):
            other_start = view.mentions[other][0]
            if any(view.words[k] in self.lexicon.verbs and view.words[k - 1] != "-"
                   for k in range(max(1, other_start - 2), other_start)):
                listed = listed[:n]
                break
        return subjects + listed

    @staticmethod
    def _timed_treatment(view: SentenceView, m: int) -> bool:
        """Whether a condition is the time of a treatment named right before it: "(exosome) treatment after
        SCI", "BMSC transplantation following CCI"."""
        start = view.mentions[m][0]
        return start >= 2 and view.words[start - 1] in TEMPORAL_PREPOSITIONS and view.words[start - 2] in TREATMENT_NOUNS

    def _administered_head(self, view: SentenceView, m: int) -> int:
        """The agent a phrase ends in is not the subject when the phrase says when, where or with what
        cargo the agent was given: "BMSCs delivered within one week of nerve injury attenuated ...",
        "a perineural injection of EVs at the site of SNL produced ...", "MSC-EVs pre-loaded with a
        miR-21-5p antagomir prevented ...", "miR-181c-5p enriched in EVs ... targeted PTEN"."""
        start = view.mentions[m][0]
        k = start - 1
        while k >= 0 and (view.words[k] in DETERMINERS or view.mention_at[k] >= 0):
            k -= 1  # "with a miR-21-5p antagomir": the cargo's own modifiers
        cue = k if k >= 0 and view.words[k] in CARGO_WORDS else \
            k - 1 if k >= 1 and view.words[k] in ("with", "in") and view.words[k - 1] in LOADED else None
        if cue is None and k >= 2 and view.words[k] in ("overexpress", "express", "secrete", "carry") \
                and view.words[k - 1] == "to":
            cue = k - 1  # "BMSCs engineered to overexpress GDNF reversed ...": the cells act
            while cue > 0 and view.mention_at[cue - 1] < 0 and view.words[cue - 1].endswith(("ed", "ly")):
                cue -= 1  # "BMSCs genetically modified to overexpress IL-10"
        if cue is not None:
            j = cue - 1
            if view.words[j - 1:j + 1] == ["pre", "-"]:  # "pre-loaded", split at its hyphen
                j -= 2
            j = before_parentheses(view.words, j)  # "hUC-MSC exosomes (hucMSC-Exos) carrying miR-124-3p"
            if j >= 0 and view.mention_at[j] >= 0:
                return view.mention_at[j]
        wrapped = self._wrapped_agent(view, start)
        if wrapped is not None:
            return wrapped
        for k in range(start - 1, max(0, start - 12), -1):
            if view.words[k] in CLAUSE_BREAKS or view.words[k] == "," or view.mention_at[k] < 0 \
                    and view.words[k] in self.lexicon.verbs and view.words[k - 1] != "-":  # "LPS-stimulated"
                break
            if view.words[k] in CO_CULTURED:  # "BMSCs co-cultured with high glucose-exposed Schwann cells reduced"
                owner = self._participle_owner(view, k)
                if owner is not None:
                    return owner
        given = self._given_before_time(view, start)
        if given is not None:
            return given
        if view.mentions[m][2].category in ROUTE_AGENTS:
            return m
        for k in back_over_asides(view.words, start, 15):
            if view.words[k] in CLAUSE_BREAKS or view.words[k] == ",":
                break
            # "Dental pulp stem cells (DPSCs) transplanted into the sciatic nerve of CCI rats reduced"
            agent = self._participle_owner(view, k) if view.words[k] in ADMINISTERED else None
            if agent is not None:
                return agent
            if view.words[k] == "of" and view.words[k - 1] in WRAPPERS:
                after = next((view.mention_at[j] for j in range(k + 1, min(k + 4, start))
                              if view.mention_at[j] >= 0), -1)
                if after >= 0 and view.mentions[after][2].category in ROUTE_AGENTS:
                    return self._agent_head(view, after)
        return m

    def _given_before_time(self, view: SentenceView, start: int) -> int | None:
        """The agent of "secretome given intraperitoneally before each oxaliplatin injection prevented":
        a mention in the time phrase of an administered agent is not the subject."""
        k = start - 1
        while k >= 0 and view.mention_at[k] < 0 and view.words[k] in DETERMINERS | {"each", "every"}:
            k -= 1
        if k >= 3 and view.words[k - 3:k + 1] == ["at", "the", "time", "of"]:
            k -= 3  # "ASCs administered intraplantarly at the time of CFA injection prevented"
        elif k < 1 or view.words[k] not in TEMPORAL_PREPOSITIONS:
            return None
        k -= 1
        if k >= 2 and view.words[k] in TIME_UNITS and counted(view.words[k - 1]):
            k -= 2  # "given by intraplantar injection 1 day after CFA increased"
        while k >= 1 and (adverbial(view.words, k) or view.mention_at[k] >= 0
                          and view.mentions[view.mention_at[k]][2].category is Category.ROUTE
                          or view.words[k] in ("by", "via") and view.mention_at[k + 1] >= 0):
            k = view.mentions[view.mention_at[k]][0] - 1 if view.mention_at[k] >= 0 else k - 1
        return self._participle_owner(view, k) if view.words[k] in ADMINISTERED else None

    @staticmethod
    def _participle_owner(view: SentenceView, k: int) -> int | None:
        """The agent a participle at ``k`` modifies, past its defined abbreviation: "DPSCs" in "Dental
        pulp stem cells (DPSCs) transplanted into ..."."""
        j = k - 1
        j = before_parentheses(view.words, j)
        agent = view.mention_at[j] if j >= 0 else -1
        return agent if agent >= 0 and view.mentions[agent][2].category in ROUTE_AGENTS else None

    def _wrapped_agent(self, view: SentenceView, start: int) -> int | None:
        """The agent a wrapper noun gives when the mention before the verb only sits in the wrapper's
        modifiers: "Intrathecal injection of BMSC-Exos (10 μg) on day 7 after the last paclitaxel dose
        reversed ...", "a single dose of 1 × 10^6 UC-MSCs (UC-MSCs) attenuated ...", "injection of
        exosomes (20 μg) into rats with MIA-induced osteoarthritis reduced ...". Asides in parentheses
        are passed over whole; a comma, a clause break or a verb ends the search. "Exposure of BMSCs to
        H2O2" is H2O2's."""
        words, k, depth = view.words, start - 1, 0
        while k >= 1 and start - k <= MAX_WRAPPED_REACH:
            word = words[k]
            if word == ")":
                depth += 1
            elif word == "(":
                depth -= 1
                if depth < 0:
                    return None
            elif depth == 0:
                verb = view.mention_at[k] < 0 and words[k - 1] != "-" and (
                    word in self.lexicon.verbs or word in ADMINISTERED or word.endswith("ed"))
                if verb or word in CLAUSE_BREAKS or word in (",", "which", "that", "who"):
                    return None
                if word == "of" and words[k - 1] in WRAPPERS | DOSES and words[k - 1] != "exposure" \
                        or word == "with" and words[k - 1] in TREATING_WRAPPERS:  # "Pretreatment with UC-MSCs"
                    break
            k -= 1
        else:
            return None
        i = k + 1
        while i < start and (view.mention_at[i] < 0 and (words[i] in DETERMINERS or not words[i].isalpha()
                                                         or words[i] in ("single", "repeated", "daily"))
                             or view.mention_at[i] >= 0 and view.mentions[view.mention_at[i]][2].category is Category.ROUTE):
            i += 1  # "a dose of 1 × 10^6 cells", "with intravenous UC-MSCs"
        agent = view.mention_at[i] if i < start else -1
        if agent < 0 or view.mentions[agent][2].category not in ROUTE_AGENTS:
            return None
        agent = self._agent_head(view, agent)
        end = view.mentions[agent][1]
        while end < start and words[end] == "(":  # "(BMSC-Exos, 10 μg)"
            end = next((j for j in range(end, start) if words[j] == ")"), start) + 1
        while end < start - 1 and counted(words[end]) and words[end + 1] in TIME_UNITS:
            end += 2  # "of MSCs one day before paclitaxel", "of EVs 24 h after SNI"
        # the words after the agent modify it, they name no agent of their own
        return agent if end < start and words[end] in WRAPPER_MODIFIER_OPENERS else None

    @staticmethod
    def _past_source(view: SentenceView, start: int) -> int:
        """Where an "X-derived" subject begins, its source included: "DPSC-derived EVs", "MSC-conditioned
        medium" (the tokenizer splits the hyphen before "conditioned")."""
        if start >= 3 and HYPHEN_RELATIONS.get(view.words[start - 1]) is RelationType.DERIVED_FROM \
                and view.words[start - 2] == "-" and view.mention_at[start - 3] >= 0:
            return view.mentions[view.mention_at[start - 3]][0]
        if start >= 2 and view.words[start - 1] == "-" and view.mention_at[start - 2] >= 0:
            return view.mentions[view.mention_at[start - 2]][0]
        source = view.mention_at[start - 1] if start >= 1 else -1
        if source >= 0 and view.mentions[source][2].category is Category.CELL and view.mention_at[start] >= 0 \
                and view.mentions[view.mention_at[start]][2].category is Category.CELLULAR_COMPONENT:
            return view.mentions[source][0]  # "ADSC secretome", "BMSC exosomes"
        return start

    @staticmethod
    def _listed_before(view: SentenceView, start: int) -> list[int]:
        """Mentions listed before the one starting at ``start``: "A, B and [start]"."""
        listed, seen_conjunction = [], False
        while True:
            start = AgentRules._past_source(view, start)  # "NAC and DPSC-derived EVs lowered 4-HNE"
            while start >= 2 and (view.mention_at[start - 1] < 0 and (
                    view.words[start - 1] in ADMINISTERED or view.words[start - 1].endswith("ly")
                    or view.words[start - 1] in ("the", "their", "its")  # "NAC and the exosomes each increased"
                    or view.words[start - 1] in SAMPLE_WORDS | SAMPLE_NOUNS  # "CRP and synovial fluid TNF-α"
                    or view.words[start - 1] in ARM_ADJECTIVES)  # "H-ADSCs and naive ADSCs were injected"
                    or view.mention_at[start - 1] >= 0
                    and view.mentions[view.mention_at[start - 1]][2].category is Category.ROUTE):
                start -= 1  # "both resveratrol and intraperitoneally injected DPSCs raised SOD"
            if view.words[start - 3:start] == ["as", "well", "as"]:
                start -= 2  # "SOD and catalase activities as well as GSH"
            if not (start >= 2 and view.words[start - 1] in ("and", ",", "or", "plus", "as", "nor")):
                break
            seen_conjunction = seen_conjunction or view.words[start - 1] != ","
            j = start - 2
            while j >= 0 and view.mention_at[j] < 0 and (view.words[j] in OBJECT_HEADS or view.words[j] in LOCALIZING_ADJECTIVES):
                j -= 1  # "GSH levels and catalase", "Nrf2 nuclear accumulation and HO-1 protein"
            j = before_parentheses(view.words, j)  # "Superoxide dismutase (SOD) and catalase"
            if j < 0 or view.mention_at[j] < 0 or not seen_conjunction:
                break
            m = view.mention_at[j]
            listed.append(m)
            start = view.mentions[m][0]
        return listed

    def _active_subjects(self, view: SentenceView, trig: Trigger, objects: list[int],
                         chain: "Chain") -> tuple[list[int], str, bool, int]:
        """Who acts for a verb trigger: the subjects, how they were found, whether the verb shares a
        negated auxiliary, and where its own negation scope may begin."""
        words = view.words
        by_gerund = words[trig.start].endswith("ing") and trig.start > 0 and words[trig.start - 1] in ("by", "via", "through")
        if by_gerund and trig.start >= 2 and words[trig.start - 2].endswith("ed") and self._after_be(view, trig.start - 2):
            return [], "active", False, 0  # "were abrogated by silencing Nrf2": the experimenters' act, no agent named
        # "..., thereby increasing ATP", "..., decreasing iNOS while increasing Arg-1", "increased SLC7A11 in
        # DRG neurons without changing GPX4": the clause's own agent
        thereby = words[trig.start].endswith("ing") and words[trig.start - 1:trig.start] in (
            ["thereby"], ["thus"], ["hence"], [","], ["while"], ["whilst"], ["without"])
        able = view.mention_at[trig.start - 2] if trig.start >= 2 and words[trig.start - 1] == "to" else -1
        if able >= 0 and self._attribute_of(view, view.mentions[able][0]):
            return [able], "active", False, 0  # "reversed the ability of ADSCs to suppress ROS": ADSCs do
        if trig.start >= 3 and words[trig.start - 3] in ("their", "its") and words[trig.start - 1] == "to" \
                and words[trig.start - 2] in ATTRIBUTE_NOUNS:
            # "Knockdown of TSG-6 in UC-MSCs abolished their ability to decrease IL-6": the cells do
            owner = next((view.mention_at[s] for s, e, m in reversed(view.mentions) if e <= trig.start - 3
                          and s not in view.aside and m.category in (Category.CELL, Category.CELLULAR_COMPONENT)), None)
            if owner is not None:
                return [self._agent_head(view, owner)], "active", False, 0
        # "BMSC exosomes enriched in miR-23a, which targets NOX2, reduced ...": a relative clause's verb
        # does not carry its subject out of the clause
        acting = view.mention_at[trig.start - 3] if by_gerund and trig.start >= 3 else -1
        if acting >= 0 and view.mentions[acting][1] == trig.start - 2 and view.mentions[acting][0] >= chain.end \
                and view.mentions[acting][2].category in ROUTE_AGENTS:
            return [self._phrase_head(view, acting)], "active", False, 0  # "the conditioned medium acts by inhibiting ERK1/2"
        if words[trig.start - 2:trig.start] == ["coincided", "with"]:
            return [], "active", False, 0  # "The decrease in p-p38 coincided with lower CX3CR1": _accompanying_changes
        # ", with lower cleaved caspase-1": the claim's agent's change too
        accompanying = trig.start >= 2 and words[trig.start - 2:trig.start] == [",", "with"]
        if chain.subjects and not self._left_relative_clause(view, chain.end, trig.start) \
                and (by_gerund or thereby or accompanying or self._coordinated(view, chain.end, trig.start)):
            # "... relieve pain by inhibiting oxidative stress": the same agent inhibits. "did not reduce
            # pain scores or improve conduction velocity", "failed to reduce X and restore Y": the
            # negation spans "or" and a bare verb sharing its auxiliary; "... but not NOX2 and alleviated
            # pain": a verb of its own is a claim of its own
            bare_verb = trig.form == "verb" and not trig.text.endswith(("s", "ing"))
            negated = chain.negated and (bare_verb or any(w in ("or", "nor") for w in words[chain.end:trig.start]))
            subjects = chain.passive_agents if chain.passive_agents and "without" in words[chain.end:trig.start] \
                else chain.subjects
            return subjects, "carried", negated, chain.end
        compared_at = self._compared_at(view, trig.start)
        if compared_at is not None:  # "IL-10-ADSCs were more potent than control ADSCs in reversing allodynia"
            start, no_better_than_control = compared_at
            if chain.subjects and words[start - 1:start] == ["and"]:  # "... accelerated remyelination and was more effective"
                return chain.subjects, "carried", no_better_than_control, trig.start - 1
            return self._subjects_before(view, start), "active", no_better_than_control, trig.start - 1
        agent = self._gerund_agent(view, trig, objects)
        if agent is not None:  # "..., and blocking HO-1 with ZnPP abrogated ...": ZnPP blocks
            return [agent], "active", False, 0
        antecedent = self._relative_antecedent(view, trig.start)
        if antecedent is None and words[trig.start - 1:trig.start] == ["and"]:
            # "Nrf2, which translocated to the nucleus and induced HO-1": the second verb of the clause
            opener = next((j for j in range(trig.start - 2, max(0, trig.start - 12), -1)
                           if words[j] in ("which", "that") or words[j] in CLAUSE_BREAKS or words[j] == ","
                           or words[j] in self.lexicon.verbs), None)
            if opener is not None and words[opener] in ("which", "that"):
                antecedent = self._relative_antecedent(view, opener + 1)
        if antecedent is not None:
            return [antecedent], "active", False, 0  # "... by exosomes from ADSCs, which also reduced CCL2"
        if chain.last_subjects and self._pronoun_before(view, trig.start):
            return chain.last_subjects, "carried", False, 0  # "..., although it reduced TNF-α"
        if thereby or self._pronoun_before(view, trig.start, treatment=True):
            opening = self._opening_agent(view)
            if opening is not None:
                # "...; nevertheless, they reduced", ", and this treatment raised"; "Intrathecal ADSC-derived
                # exosomes ...: the highest dose also normalized" names the exosomes
                return [self._agent_head(view, opening)], "carried", False, 0
        # "HGF, a pleiotropic cytokine that promotes axonal regeneration": the member named acts, not its class
        subjects = [self._class_member(view, chain.renamed.get(m, m)) for m in self._subjects_before(view, trig.start)]
        how = "active" if trig.form != "phrase" else "phrase"
        if chain.subjects and words[trig.start - 1:trig.start] == ["and"] and subjects and all(
                view.mentions[m][2].category in NOT_AGENTS for m in subjects):
            # "ADSCs restored SOD activity in the DRG of paclitaxel-treated rats and prevented ...": the
            # animals end the first verb's phrase; the agent goes on
            subjects, how = chain.subjects, "carried"
        elif chain.subjects and words[trig.start - 1:trig.start] == ["and"] and subjects \
                and view.mentions[subjects[0]][0] >= chain.end and "," not in words[chain.end:trig.start] \
                and any(w in RECEIVING for w in words[view.mentions[subjects[0]][1]:trig.start]):
            # "CM restored the viability of Schwann cells exposed to H2O2 and lowered their MDA": cells
            # named in the first verb's object, with what they received, do not act in the second
            subjects, how = chain.subjects, "carried"
        elif chain.subjects and subjects and self._in_verb_phrase_before(view, trig, chain, subjects):
            # "H2O2 induced apoptosis of cultured DRG neurons and decreased catalase": what the first verb
            # acted on does not act in the verb coordinated with it
            subjects, how = chain.subjects, "carried"
        elif not chain.subjects and subjects and (actor := self._subject_of_verb_before(view, trig, subjects)) is not None:
            # "BM-MSCs transferred mitochondria to the neurons, restored MMP and increased ATP": the same,
            # after a verb that makes no claim of ours
            subjects, how = [actor], "carried"
        elif subjects and (conjunct := self._conjunct_subjects(view, trig, subjects)) is not None:
            subjects, how = conjunct, "carried"
        if subjects and words[trig.start - 1:trig.start] == ["and"] and self._agent_of_other_passive(view, subjects[0]):
            # "These vesicles were taken up by neurons and microglia ... and attenuated allodynia": the
            # passive's subject goes on, not its agent
            opening = self._opening_agent(view)
            subjects, how = ([self._agent_head(view, opening)], "carried") if opening is not None else ([], how)
        if chain.orphan_objects and subjects and set(subjects) <= chain.orphan_objects \
                and self._coordinated(view, chain.orphan_end, trig.start):
            # "the seeded conduits reduced TNF-α and attenuated hyperalgesia": an unnamed agent's object
            # is not the subject of the verb coordinated with it
            subjects = []
        if not subjects and objects:
            subjects, how = self._parsed_subject(view, trig.start), "parsed"
        return subjects, how, False, 0

    @staticmethod
    def _joint_before(view: SentenceView, trig: Trigger) -> int | None:
        """Where the word before a verb trigger stands, past its adverbs ("..., and (also) decreased"); None
        for an "-ing" form ("..., and neutralising antibodies against BDNF": an adjective, no verb)."""
        if trig.text.endswith("ing"):
            return None
        i = trig.start - 1
        while i >= 0 and view.words[i] != "," and (adverbial(view.words, i) or view.words[i] == "thereby"
                                                   or view.words[i - 1:i + 1] == ["in", "turn"]):
            i -= 2 if view.words[i] == "turn" else 1  # "silenced PTEN and in turn enhanced Akt"
        return i if i >= 0 else None

    @staticmethod
    def _in_verb_phrase_before(view: SentenceView, trig: Trigger, chain: "Chain", subjects: list[int]) -> bool:
        """Whether a verb joined by "and" or "nor" to the claim before ("..., and (also) decreased",
        "neither blocked calcium influx in DRG neurons nor reduced") finds its subjects inside that claim's
        verb phrase, with no clause of their own opening between."""
        i = AgentRules._joint_before(view, trig)
        if i is None or view.words[i] not in ("and", "nor") or chain.verb_end < 0:
            return False
        if any(view.mentions[m][0] < chain.verb_end for m in subjects):
            return False
        return not any(w in CLAUSE_BREAKS or w in RELATIVES for w in view.words[chain.verb_end:i])

    def _subject_of_verb_before(self, view: SentenceView, trig: Trigger, subjects: list[int]) -> int | None:
        """The treatment that is the subject of a verb right after it (a past or present form by the
        tagger, no trigger of ours; the tagger reads "BM-MSCs transferred" as VBD or VBN, and a reduced
        relative has the same actor) whose phrase holds ``subjects``, when this trigger follows it after
        "and" or a comma with no subject of its own."""
        words, i = view.words, self._joint_before(view, trig)
        if i is None and words[trig.start - 1:trig.start] == [","]:
            i = trig.start - 1  # "CoPP mimicked ADSC treatment, increasing HO-1": a participle clause
        if i is None or i < 1 or words[i] not in ("and", ","):
            return None
        first = min(view.mentions[m][0] for m in subjects)
        for k in range(first - 1, max(0, first - 10), -1):
            if words[k] in CLAUSE_BREAKS or words[k] in RELATIVES or words[k] == "," or k in view.aside:
                return None
            if view.mention_at[k] < 0 and view.tokens[k].tag_ in CLAUSE_VERB_TAGS \
                    and words[k] not in BE_FORMS and words[k] not in ("had", "has", "have", "did", "does", "do") \
                    and words[k - 1] != "-":
                before = before_parentheses(words, k - 1)  # "cobalt protoporphyrin (CoPP) mimicked"
                actor = view.mention_at[before]
                if actor < 0:
                    continue  # "transferred labelled mitochondria": a participle before a noun
                if view.mentions[actor][2].category not in TREATMENTS or before in view.aside:
                    return None
                actor = self._phrase_head(view, actor)  # "Exosomes from hypoxia-preconditioned MSCs carried"
                j = view.mentions[actor][0] - 1
                while j >= 0 and view.words[j] in DETERMINERS:
                    j -= 1
                if j >= 0 and view.words[j] in PREPOSITIONS:
                    return None  # "A conduit seeded with these cells bridged ...": the cells are not its subject
                between = words[k + 1:i]
                return actor if not any(w in CLAUSE_BREAKS or w in RELATIVES for w in between) else None
        return None

    def _conjunct_subjects(self, view: SentenceView, trig: Trigger, subjects: list[int]) -> list[int] | None:
        """The subjects of a verb the parser joins to an earlier verb whose object holds ``subjects``, when
        the verb follows "and" or a comma and has no subject of its own: that verb's subject, or none.
        "BMSC-Exos decreased TLR4 expression and the nuclear translocation of NF-κB p65 in spinal tissue,
        reduced M1 macrophages", "A VEGF-neutralizing antibody abolished the increase in microvessel
        density and partly reduced the sciatic functional index": what the first verb acted on does not
        act in the second. None when the parse does not say so."""
        i = trig.start - 1  # past auxiliaries, negation and adverbs: "and did not reduce", "and partly reduced"
        while i > 0 and view.words[i] not in ("and", ",") and (view.words[i] in COORDINATION or adverbial(view.words, i)):
            i -= 1
        token = view.tokens[trig.start]
        if trig.text.endswith("ing") or view.words[i] not in ("and", ",") or not token.doc.has_annotation("DEP") \
                or token.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in token.children):
            return None
        position = {t.i: k for k, t in enumerate(view.tokens)}
        verb, first = position.get(token.head.i), min(view.mentions[m][0] for m in subjects)
        if verb is None or view.tokens[verb].tag_ not in CLAUSE_VERB_TAGS or verb >= first \
                or any(c.dep_ == "nsubjpass" for c in token.head.children):
            return None  # "were taken up by microglia and suppressed ...": the passive rules' (_agent_of_other_passive)
        between = view.words[verb + 1:first]
        if any(w in CLAUSE_BREAKS for w in between) or any(between[k:k + 2] == [",", "and"] for k in range(len(between))):
            return None  # "NLRP3 was expressed in microglia, and MCC950, an inhibitor, reversed ...": a clause of its own
        return self._parsed_subject(view, trig.start)

    def _gerund_agent(self, view: SentenceView, trig: Trigger, objects: list[int]) -> int | None:
        """The agent of a gerund that opens a clause, named after its object: "blocking HO-1 with ZnPP",
        "silencing Nrf2 using siRNA"."""
        words = view.words
        if not objects or not words[trig.start].endswith("ing") or trig.start > 0 and words[trig.start - 1] not in (",", "and") \
                or trig.type not in (RelationType.DECREASES, RelationType.INCREASES):
            return None
        end = view.mentions[objects[-1]][1]
        if words[end:end + 1] not in (["with"], ["using"], ["by"]):
            return None
        return self._agent_after(view, end + 1, 3)

    def _unlike_arms(self, view: SentenceView, trig: Trigger, subjects: list[int]) -> list[int]:
        """The agent of ", unlike X," between a claim's subject and its verb: X is contrasted with the
        subject, so it is excepted from the claim ("MSC-Exos, unlike NAC, enhanced GPx"; "..., and,
        unlike dexamethasone (1 μM), did not impair neurite outgrowth": dexamethasone did)."""
        if not subjects:
            return []
        first = max(view.mentions[s][1] for s in subjects)
        for i in range(trig.start - 1, first - 1, -1):
            if view.words[i] == "unlike" and view.words[i - 1:i] == [","] and i in view.aside:
                arm = view.mention_starting_after(i + 1, 2)
                arm = self._agent_head(view, arm) if arm is not None else None
                if arm is not None and arm not in subjects and view.mentions[arm][0] < trig.start:
                    view.excepted.add(arm)
                    return [arm]
        return []

    @staticmethod
    def _agent_of_other_passive(view: SentenceView, m: int) -> bool:
        """Whether a mention sits in the "by" phrase of a passive the lexicon does not type ("were taken
        up by neurons and microglia", "was internalized by Schwann cells"), as its agent or one listed."""
        words, i = view.words, view.mentions[m][0] - 1
        while i > 0 and (words[i] in DETERMINERS or words[i] in (",", "and") or view.mention_at[i] >= 0
                         or words[i].isalnum() and any(ch.isdigit() for ch in words[i])):
            i -= 1  # over the agents listed before it, and a line's name before cells ("BV2 microglia")
        if words[i:i + 1] != ["by"]:
            return False
        k = i - 1
        if words[k:k + 1] in (["up"], ["in"]):
            k -= 1  # "taken up by", "taken in by"
        participle = words[k] if k >= 0 else ""
        return (participle.endswith("ed") or participle in IRREGULAR_PARTICIPLES) \
            and any(w in BE_FORMS for w in words[max(0, k - 3):k])

    @staticmethod
    def _left_relative_clause(view: SentenceView, end: int, index: int) -> bool:
        """Whether the claim ending at ``end`` sits in a ", which ...," aside that the trigger at ``index``
        is outside of."""
        if end < 1 or end - 1 not in view.aside or index in view.aside:
            return False
        start = end - 1
        while start > 0 and start - 1 in view.aside:
            start -= 1
        return view.words[start] == "," and view.words[start + 1:start + 2] in (["which"], ["that"], ["who"])

    @staticmethod
    def _compared_at(view: SentenceView, index: int) -> tuple[int, bool] | None:
        """Where "were (no) more effective than B in V-ing" begins when the trigger at ``index`` is that
        gerund (the agent before it does what B was compared at), and whether it says "no better than
        placebo": then the agent did not."""
        words = view.words
        if index < 3 or words[index - 1] not in ("in", "at") or not words[index].endswith("ing"):
            return None
        j = index - 2
        while j >= 0 and j in view.compared and words[j] != "than":
            j -= 1
        if j < 1 or words[j] != "than" or words[j - 1] not in EFFICACY_ADJECTIVES:
            return None
        against_control = bool(CONTROL_ARM_NAMES & set(words[j + 1:index]))
        j -= 1
        negated = False
        while j > 0 and (words[j - 1] in ("more", "less", "no", "not", "much", "even", "far", "significantly")
                         or words[j - 1] in BE_FORMS):
            negated |= words[j - 1] in ("no", "not")
            j -= 1
        return j, negated and against_control

    @staticmethod
    def _opening_agent(view: SentenceView) -> int | None:
        """The agent the sentence opens with, or opens with after an introductory phrase ("In CCI
        rats, BMSCs ..."): the main clause's subject when no trigger verb carried it."""
        comma = view.words.index(",") if "," in view.words else -1
        for start in (0, comma + 1) if comma > 0 else (0,):
            if view.words[start:start + 1] and view.words[start] in QUANTIFIERS and view.words[start + 1:start + 2] == ["of"]:
                start += 2  # "Most of these cells accumulated in the lungs; nevertheless, they reduced CGRP"
            # over a route or a determiner before the agent: "Intrathecal BMSCs", "The exosomes"
            while start < len(view.words) and (view.words[start] in NP_MODIFIERS | ADMINISTERED or view.mention_at[start] >= 0
                                               and view.mentions[view.mention_at[start]][2].category is Category.ROUTE
                                               or view.words[start].endswith("ly") and view.mention_at[start] < 0):
                start += 1
            m = view.mention_at[start] if start < len(view.words) else -1
            if m >= 0 and view.mentions[m][2].category in ROUTE_AGENTS and not is_control_arm(view.mentions[m][2]):
                return m
        return None

    def _parsed_subject(self, view: SentenceView, index: int) -> list[int]:
        """The parser's subject of the trigger verb (or of the verb it is coordinated with), used
        only when the surface rules find none: parses of coordinated verb lists are unreliable."""
        token = view.tokens[index]
        if not token.doc.has_annotation("DEP"):
            return []
        position = {t.i: i for i, t in enumerate(view.tokens)}
        for _ in range(3):
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "csubj")), None)
            if subject is not None:
                covered = sorted(position[t.i] for t in subject.subtree if t.i in position)
                for i in sorted(covered, key=lambda k: abs(k - position.get(subject.i, k))):
                    if view.mention_at[i] >= 0 and i not in view.aside and i not in view.compared:
                        m = view.mention_at[i]
                        product = self._product_after(view, view.mentions[m][1]) \
                            if view.mentions[m][2].category is Category.CELL else None
                        return [product if product is not None else m]  # "hUC-MSC exosomes": the exosomes
                return []
            if token.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or token.head is token:
                return []
            token = token.head
        return []

    @staticmethod
    def _head_of_modifier(view: SentenceView, m: int) -> int:
        """ "spinal IL-6", "mitochondrial superoxide", "MSC exosomes": a location word right before
        another mention modifies it."""
        end = view.mentions[m][1]
        if view.mentions[m][2].category is Category.ORGANISM and end < len(view.words) and view.mention_at[end] >= 0:
            return view.mention_at[end]  # "human dental pulp stem cells"
        if view.mentions[m][2].category in LOCATIONS:  # "spinal IL-6", "synovial fluid malondialdehyde"
            k = end + 1 if view.words[end:end + 1] and view.words[end] in SAMPLE_NOUNS else end
            if view.words[k:k + 1] and view.words[k] in MEASURED_AMOUNTS and view.words[k + 1:k + 2] == ["of"]:
                k += 2  # "cartilage levels of 8-OHdG", "serum concentrations of IL-6"
            if view.words[k:k + 1] and view.words[k] in FORM_MODIFIERS:
                k += 1  # "spinal phosphorylated p38 MAPK", "synovial cleaved caspase-3"
            if k < len(view.words) and view.mention_at[k] >= 0:
                return view.mention_at[k]
        if view.words[end:end + 1] == ["+"] and end + 1 < len(view.words) and view.mention_at[end + 1] >= 0 \
                and view.mentions[view.mention_at[end + 1]][2].category is Category.CELL:
            return view.mention_at[end + 1]  # "CD68+ macrophages"
        if UTR.match(view.mentions[m][2].text):  # "binds the 3'UTR of TLR4", "binding its 3'UTR": the gene
            k = end + 1 if view.words[end:end + 1] == ["of"] else -1
            while 0 <= k < len(view.words) and view.words[k] in DETERMINERS:
                k += 1
            if 0 <= k < len(view.words) and view.mention_at[k] >= 0:
                return view.mention_at[k]
            start = view.mentions[m][0]
            if view.words[start - 1:start] in (["its"], ["their"]):
                genes = [g for g, (s, e, g_m) in enumerate(view.mentions) if e <= start - 1 and g_m.category is Category.GENE
                         and not g_m.text.lower().startswith(("mir", "let-"))]
                if genes:
                    return genes[-1]
        nxt = view.mention_at[end] if end < len(view.words) else -1
        if view.mentions[m][2].category is Category.CHEMICAL and nxt >= 0 and nxt != m \
                and view.mentions[nxt][2].category in CONDITIONS | {Category.PROCESS}:
            return nxt  # "the loss of morphine antinociception", "paclitaxel neuropathy": the drug's condition
        return m

    def _head_of_hyphen(self, view: SentenceView, m: int) -> int:
        """In "oxidative stress-mediated neuropathic pain" the head is the last mention; in "the
        MSC-exosome-induced upregulation of HO-1", HO-1."""
        end = past_abbreviation(view, view.mentions[m][1])
        if view.words[end:end + 1] == ["-"] and end + 1 < len(view.words) and view.mention_at[end + 1] >= 0 \
                and view.mention_at[end + 1] != m:
            inner = view.mention_at[end + 1]
            head = self._head_of_hyphen(view, inner)
            if head != inner:
                return head
        if view.words[end:end + 1] == ["-"] and view.words[end + 1:end + 2] and (
                view.words[end + 1] in HYPHEN_RELATIONS or view.words[end + 1] in MODIFIER_HYPHENS):
            nxt = view.mention_starting_after(end + 2, 1)  # "oxaliplatin-induced (cold) hyperalgesia"
            if nxt is None and view.words[end + 2:end + 3] \
                    and view.words[end + 2] in CHANGE_NOUNS | OBJECT_HEADS \
                    and view.words[end + 3:end + 4] in (["of"], ["in"]):
                # "the paclitaxel-induced increase of NOX4", "LPS-induced expression of CD86", "the
                # exosome-induced recovery of nerve conduction velocity"
                nxt = view.mention_starting_after(end + 4, 1)
            if nxt is not None:
                return nxt
        return m

    def _possessed_change(self, view: SentenceView, trig: Trigger) -> tuple[int, str | None] | None:
        """ "TRPV1 was expressed in DRG neurons, and its upregulation after bortezomib treatment was
        reversed by EVs": the passive acts on the change ("its upregulation", RISE; "their loss",
        DECLINE) or the measured state ("its nuclear translocation", None) of the sentence's opening
        subject, a gene or chemical followed by its verb."""
        i = trig.start - 1
        while i >= 0 and (view.words[i] in BE_FORMS or view.words[i].endswith("ly") or view.words[i] in ("not", "also", "then")):
            i -= 1
        # back over a temporal phrase ("after nerve injury", "following bortezomib treatment") to the noun
        start = next((k for k in range(i, max(-1, i - 8), -1) if view.words[k] in ("its", "their")), None)
        if start is None or start + 1 > i:
            return None
        noun = start + 1
        if view.words[noun] in LOCALIZING_ADJECTIVES and noun + 1 <= i:
            noun += 1  # "its nuclear translocation"
        measured = view.words[noun] in MEASURED_STATES  # "its nuclear translocation was enhanced by resveratrol"
        if not measured and view.words[noun] not in RISE_NOUNS | DECLINE_NOUNS:
            return None
        between = view.words[noun + 1:i + 1]
        if between and between[0] not in TEMPORAL_PREPOSITIONS:
            return None
        opening = next((m for m, (s, e, mention) in enumerate(view.mentions) if s < start), None)
        if opening is None:
            return None
        o_start, o_end, mention = view.mentions[opening]
        if mention.category not in (Category.GENE, Category.CHEMICAL) or \
                not (view.words[o_end:o_end + 1] and (view.words[o_end] in BE_FORMS or view.words[o_end] in self.lexicon.verbs)):
            return None
        return opening, None if measured else RISE if view.words[noun] in RISE_NOUNS else DECLINE

    def _passive_agent(self, view: SentenceView, trig: Trigger) -> tuple[list[int], list[int]] | None:
        """'X was reduced by Y' / 'X reduced by Y': subjects after 'by', object before the trigger."""
        if trig.form not in ("participle", "phrase"):
            return None
        after = self._place_after(view, trig.end)  # "was upregulated in DRG neurons by exosomes"
        by = next((i for i in range(after, min(after + 3, len(view.words))) if view.words[i] == "by"), None)
        # "when SIRT1 was inhibited with EX-527": an instrument right after a passive change verb
        instrument = by is None and view.words[after:after + 1] == ["with"] and trig.type in (
            RelationType.INCREASES, RelationType.DECREASES) and self._after_be(view, trig.start) \
            and trig.text not in RECEIVING  # "microglia were stimulated with LPS": a setup, not a claim
        if instrument:
            by = after
        if by is None or any(view.mention_at[i] >= 0 for i in range(after, by)) or magnitude(view.words, by):
            # "reduced TNF-α secretion by macrophages": an object stands before "by"; "decreased mitochondrial
            # transfer by 80% and reduced ATP": the size of the change, no agent
            return None
        agent = self._agent_after(view, by + 1)
        if agent is None or instrument and (view.mentions[agent][2].category not in TREATMENTS
                                            or is_control_arm(view.mentions[agent][2])):
            return None
        first = self._coordinated_passive(view, trig.start)
        patients = self._patients_before(view, trig.start if first is None else first)
        subjects = [agent]
        end = view.mentions[agent][1]
        if view.words[end:end + 1] == ["and"] and end + 1 < len(view.words) and view.mention_at[end + 1] >= 0:
            subjects.append(view.mention_at[end + 1])
        elif view.words[end:end + 1] in ([","], ["or"]):
            subjects += self._agents_listed_after(view, agent)
        elif view.words[end:end + 3] in (["and", "not", "by"], ["but", "not", "by"], [",", "not", "by"]):
            excepted = self._agent_after(view, end + 3)  # "was reduced by the exosomes and not by gabapentin"
            if excepted is not None:
                subjects.append(excepted)
                view.excepted.add(excepted)
        return subjects, patients

    def _agents_listed_after(self, view: SentenceView, agent: int) -> list[int]:
        """Agents of the agent's kind listed after it: "caused by paclitaxel, oxaliplatin, vincristine or
        bortezomib" (not the subject of a clause of its own: "by BMSCs, and IL-6 fell")."""
        listed, end = [], view.mentions[agent][1]
        while end + 1 < len(view.words) and view.words[end] in (",", "and", "or"):
            nxt = end + 2 if view.words[end] == "," and view.words[end + 1] in ("and", "or") else end + 1
            m = view.mention_at[nxt] if nxt < len(view.words) else -1
            if m < 0 or view.mentions[m][2].category is not view.mentions[agent][2].category or self._verb_follows(view, m):
                break
            listed.append(m)
            end = view.mentions[m][1]
        return listed

    @staticmethod
    def _coordinated_passive(view: SentenceView, index: int) -> int | None:
        """Where the first of two coordinated passives sharing one subject starts: "SOD activity was
        decreased in CCI rats (p < 0.01) and was restored by ADSCs" restores SOD activity, not rats."""
        words, i = view.words, index - 1
        while i > 0 and (adverbial(words, i) or words[i] in BE_FORMS):
            i -= 1
        if i < 1 or words[i] not in ("and", "but") or words[i + 1] not in BE_FORMS:
            return None
        for k in range(i - 1, max(0, i - 15), -1):
            listed = words[k] == "and" and view.mention_at[k - 1] >= 0 and view.mention_at[k + 1] >= 0
            if words[k] in CLAUSE_BREAKS or words[k] in (",", "and") and k not in view.aside and not listed:
                return None  # a list of places is no clause: "were detected in the lung and spleen but were not"
            if words[k] in BE_FORMS:
                j = k + 1
                while j < i and adverbial(words, j):
                    j += 1
                return j if j < i and (words[j].endswith("ed") or words[j] in IRREGULAR_PARTICIPLES) else None
        return None

    def _agent_after(self, view: SentenceView, index: int, limit: int = 4) -> int | None:
        """The agent after "by": "by BMSCs", "by local injection of BMSC-derived EVs",
        "by pretreatment with hUC-MSCs" (routes and wrapper nouns are passed over)."""
        i = index
        while i < len(view.words):
            m = view.mention_at[i]
            if m >= 0 and view.mentions[m][2].category is Category.ROUTE:
                i = view.mentions[m][1]
            elif counted(view.words[i]) and view.words[i + 1:i + 2] in (["×"], ["x"]) and i + 2 < len(view.words):
                i += 3  # "of 2 × 10^6 GFP-labelled BMSCs": a cell count
            elif view.words[i] in WRAPPERS or view.words[i] in DOSES or view.words[i] == "with" \
                    or view.words[i] == "of" and i > index \
                    or counted(view.words[i]) and i + 1 < len(view.words) \
                    and (view.words[i + 1] in WRAPPERS | DOSES or view.mention_at[i + 1] >= 0
                         and view.mentions[view.mention_at[i + 1]][2].category is Category.ROUTE) \
                    or view.words[i] in DOSE_MODIFIERS | {"a", "an", "the"} and i + 1 < len(view.words) \
                    and (view.words[i + 1] in DOSES | DOSE_MODIFIERS or view.mention_at[i + 1] >= 0
                         and view.mentions[view.mention_at[i + 1]][2].category is Category.ROUTE):
                i += 1  # "by a single intravenous dose of ADSCs"
            else:
                break
        agent = view.mention_starting_after(i, limit)
        return self._agent_head(view, agent) if agent is not None else None

    def _agent_head(self, view: SentenceView, m: int) -> int:
        """The head of an agent phrase: "MSC-derived EVs" and "MSC-EVs" are EVs."""
        m = self._head_of_hyphen(view, m)
        product = self._product_after(view, view.mentions[m][1])
        return m if product is None else product

    def _phrase_head(self, view: SentenceView, m: int) -> int:
        """Climb from a mention inside a modifier to the phrase's head mention:
        "Exosomes secreted by MSCs", "TNF-α in the DRG", "catalase that had been reduced by oxaliplatin"."""
        for _ in range(3):
            i, steps = view.mentions[m][0] - 1, 0
            while i >= 0 and steps < 4 and (view.words[i] == ")" or view.words[i] in NP_MODIFIERS
                                            # "Exosomes from miR-146a-knockdown MSCs"
                                            or view.mention_at[i] < 0 and hyphenated(view.words[i]) or (
                    view.mention_at[i] >= 0 and view.mentions[view.mention_at[i]][2].category in LOCATIONS)
                    or view.words[i] == "-" or view.words[i] in HYPHEN_RELATIONS and view.words[i - 1:i] == ["-"]
                    # "released by the preconditioned cells"
                    or view.words[i].endswith("ed") and view.mention_at[i] < 0 and view.words[i - 1:i] in (["the"], ["these"])):
                if view.words[i] == ")":  # "carried by dental pulp stem cell (DPSC)-derived EVs"
                    i = next((k for k in range(i, -1, -1) if view.words[k] == "("), 0)
                i, steps = i - 1, steps + 1  # "from human umbilical cord MSCs", "carried by ADSC-derived exosomes"
            if i < 1 or view.words[i] not in PREPOSITIONS:
                return m
            # "after"/"following" also open clauses ("TNF-α decreased after MSCs reduced ROS"):
            # climb over head nouns only, never over a verb.
            temporal = view.words[i] in TEMPORAL_PREPOSITIONS
            j, steps = i - 1, 0
            while j >= 0 and steps < 5 and (
                view.mention_at[j] < 0 and (view.words[j] in FILLER or view.words[j] in ADMINISTERED or not temporal and (
                    view.words[j] in BE_FORMS or view.words[j].endswith(("ed", "ly"))))
                or view.mention_at[j] >= 0 and view.mentions[view.mention_at[j]][2].category is Category.ROUTE
                or view.words[j] == ")"
            ):  # "EVs injected locally into the ganglion", "EVs (EVs) secreted by": over routes and asides
                if view.words[j] == ")":
                    j = next((k for k in range(j, -1, -1) if view.words[k] == "("), 0)
                j, steps = j - 1, steps + 1
            if j < 0 or view.mention_at[j] < 0 or j in view.compared:
                return m
            if view.mentions[view.mention_at[j]][2].category in NOT_AGENTS or view.words[j] in WRAPPERS:
                return m  # "intrathecal injection of BMSCs", "co-culture with BMSCs": the cells act
            if view.words[i] == "with" and self._wrapped_patient(view, view.mention_at[j]):
                return m  # "Transfection of BV2 microglia with a miR-146a mimic": the mimic acts
            _, j_end, j_mention = view.mentions[view.mention_at[j]]
            # "Spinal levels of p38": the location modifies "levels", p38 heads the phrase (but "NLRP3
            # inflammasome activation in astrocytes" is the inflammasome's)
            if j_mention.category in LOCATIONS and view.words[i] == "of" and view.words[j_end:j_end + 1] \
                    and view.words[j_end] in OBJECT_HEADS:
                return m
            m = view.mention_at[j]
        return m

    @staticmethod
    def _wrapped_patient(view: SentenceView, m: int) -> bool:
        """Whether a mention is what an act was done to: "treatment of BV2 cells (with ...)" (not
        "co-administration of BMSCs with morphine", where both act)."""
        start = view.mentions[m][0]
        return any(view.words[k] == "of" and view.words[k - 1] in TREATING_ACTS for k in range(max(1, start - 3), start)
                   if all(view.mention_at[i] < 0 and view.words[i].isalnum() for i in range(k, start)))

    def _patient_before(self, view: SentenceView, index: int) -> int | None:
        i = index - 1
        while i >= 0 and (view.words[i] in FILLER or view.words[i] in BE_FORMS or i in view.aside
                          or adverbial(view.words, i)
                          # "thermal hyperalgesia, which was attenuated by ADSCs", "which had been reduced by"
                          or view.words[i] in ("which", "that") and view.words[i + 1:i + 2] in (["was"], ["were"], ["had"], ["has"], ["is"], ["are"])
                          or view.words[i] in ("had", "has", "have") and view.words[i + 1:i + 2] == ["been"]
                          or view.words[i] == "," and view.words[i + 1:i + 2] == ["which"]):
            if view.mention_at[i] >= 0 and i not in view.aside:
                break
            i -= 1
        if i >= 0 and view.mention_at[i] >= 0 and i not in view.compared:
            found = view.mention_at[i]
            head = self._phrase_head(view, found)
            start = view.mentions[found][0]
            if head == found and start > 0 and view.words[start - 1] in TEMPORAL_PREPOSITIONS:
                return None  # "its upregulation after nerve injury was reversed": a time, not the patient
            method = view.measuring_method(found)
            if method is not None:
                # "Disc height on MRI was not altered": how it was measured, not what changed
                measured = view.mention_ending_before(method, 3)
                return self._phrase_head(view, measured) if measured is not None else None
            return head
        return None

    def _patients_before(self, view: SentenceView, index: int) -> list[int]:
        """The passive's patient and the mentions listed with it ("SOD and catalase activities were ...")."""
        patient = self._patient_before(view, index)
        if patient is None:
            return []
        return [patient, *self._listed_before(view, view.mentions[patient][0])]
