"""Rule-based relation extractor: a trigger lexicon read over each sentence's tokens.

Handles, per sentence:
- active voice ("MSCs reduce ROS"), with the subject carried across coordinated verbs
  ("MSCs can reduce inflammation, scavenge ROS, promote nerve regeneration") by rule, since
  parsers tag "scavenge" there as a noun;
- passive voice and reduced relative clauses ("SOD activity was increased by BMSCs",
  "catalase activity that had been reduced by oxaliplatin");
- nominalizations ("reduction of ROS by MSCs", "MSC-mediated suppression of TNF-α");
- hyphenated heads ("MSC-derived EVs", "oxidative stress-mediated neuropathic pain",
  "oxaliplatin-induced neuropathy") and tight phrases ("EVs secreted by MSCs",
  "MSCs are multipotent stromal cells", "ROS in microglia");
- coordinated objects ("reduced TNF-α and IL-1β");
- comparison arms ("reduced pain compared with placebo": placebo gets nothing) and
  appositive asides, which are never searched for a subject;
- routes ("given intrathecally"), paired with the agents of their sentence;
- negation and hedging cues scoped to each trigger (kg.relations.epistemics).
The words are read as lower-case token texts, so the rules work with or without a parser.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from kg.relations.epistemics import epistemics
from kg.types import AnnotatedDoc, Evidence, Mention, Relation, Sentence
from kg.vocab import Category, RelationType

EXTRACTOR = "patterns"

# Relation types whose phrases are "tight": mentions must stand right beside the phrase.
TIGHT_TYPES = (RelationType.DERIVED_FROM, RelationType.LOCATED_IN, RelationType.IS_A)

BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# Tokens that may stand between two coordinated verb phrases sharing one subject.
COORDINATION = frozenset({",", "and", "or", "also", "further", "furthermore", "then", "thereby",
                          "can", "could", "may", "might", "to", "both", "as", "well", "significantly",
                          "markedly", "effectively", "not", "did", "does", "do", "n't"})
# Head nouns that may follow a coordinated object: "increased HO-1 expression and decreased ROS".
OBJECT_HEADS = frozenset({"expression", "levels", "level", "production", "activity", "activities", "release",
                          "content", "concentration", "concentrations", "secretion", "signaling", "signalling",
                          "formation", "generation", "accumulation", "infiltration", "mrna", "protein", "activation"})
# Words before a participle that make it an adjective ("associated with elevated IL-6").
ADJECTIVAL_CONTEXT = frozenset({"with", "of", "the", "a", "an", "by", "to", "from", "in", "its", "their"})
CLAUSE_BREAKS = frozenset({";", ":", "but", "whereas", "while", "although", "though", "however",
                           "unlike", "except", "despite"})
# Subordinators end an object search: "decreased after MSCs ..." has no object.
OBJECT_STOPS = CLAUSE_BREAKS | frozenset({"after", "before", "when", "because", "since", "following",
                                          "until", "upon", "once", "if", "during", "as", "whether"})
COMPARISON_CUES = frozenset({"compared", "versus", "vs", "vs.", "than", "relative", "comparison"})
APPOSITIVE_OPENERS = frozenset({"which", "who", "including", "such", "e.g.", "i.e.", "a", "an",
                                "characterized", "characterised", "defined", "known", "namely",
                                "especially", "particularly", "like"})
# Head nouns between a mention and its trigger: "SOD activity was increased", "levels of TNF-α".
FILLER = frozenset({"the", "a", "an", "its", "their", "levels", "level", "activity", "activities",
                    "expression", "production", "release", "content", "concentration", "concentrations",
                    "amount", "amounts", "of", "serum", "plasma", "tissue", "mrna", "protein", "that",
                    "which", "had", "has", "have", "been", "is", "are", "was", "were", "significantly",
                    "markedly", "further", "also", "not", "development", "maintenance", "progression",
                    "pathogenesis", "onset", "generation", "accumulation", "formation", "signs", "symptoms",
                    "and", "in", "both", "this", "these", "those", "such", "overproduction", "excessive"})
HYPHEN_RELATIONS = {
    "derived": RelationType.DERIVED_FROM, "secreted": RelationType.DERIVED_FROM,
    "released": RelationType.DERIVED_FROM,
    "mediated": RelationType.CAUSES, "induced": RelationType.CAUSES, "evoked": RelationType.CAUSES,
    "driven": RelationType.CAUSES, "dependent": RelationType.CAUSES,
    "associated": RelationType.ASSOCIATED_WITH, "related": RelationType.ASSOCIATED_WITH,
}
DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", "its", "their", "such"})
# Words that may stand between a preposition and the mention it governs ("from human MSCs").
NP_MODIFIERS = DETERMINERS | frozenset({"human", "rat", "mouse", "murine", "porcine", "canine", "adult",
                                        "neonatal", "fetal", "allogeneic", "autologous", "xenogeneic"})
PREPOSITIONS = frozenset({"by", "from", "of", "in", "within", "with", "on", "at", "into", "to"})
# Categories that take part only in their own relation types.
NOT_AGENTS = frozenset({Category.ROUTE, Category.ORGANISM})
CONDITIONS = frozenset({Category.DISEASE, Category.PHENOTYPE})
MOLECULES = frozenset({Category.GENE, Category.CHEMICAL})
SOURCES = frozenset({Category.CELL, Category.ANATOMY, Category.ORGANISM, Category.CELL_LINE})
LOCATIONS = frozenset({Category.ANATOMY, Category.CELL, Category.CELLULAR_COMPONENT, Category.CELL_LINE})

MAX_SUBJECT_DISTANCE = 12
MAX_OBJECT_DISTANCE = 9

SCORES = {
    "active": 0.8, "carried": 0.75, "parsed": 0.65, "passive": 0.85, "nominal": 0.75, "phrase": 0.8,
    "hyphen": 0.9, "tight": 0.75, "route": 0.65,
}


@dataclass(frozen=True)
class Trigger:
    type: RelationType
    form: str  # "verb", "participle", "noun", "phrase", "tight"
    start: int  # token index within the sentence
    end: int
    text: str


@dataclass
class Lexicon:
    verbs: dict[str, tuple[RelationType, bool]] = field(default_factory=dict)  # form -> (type, is participle)
    nouns: dict[str, RelationType] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], RelationType] = field(default_factory=dict)
    tight: dict[tuple[str, ...], RelationType] = field(default_factory=dict)
    role_adjectives: frozenset[str] = frozenset()
    phrases_by_first_word: dict[str, list[tuple[tuple[str, ...], RelationType, str]]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Lexicon":
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        participles = data.pop("participles", {})
        lex = cls()
        for name, section in data.items():
            rtype = RelationType(name)
            for verb in section.get("verbs", []):
                for form, is_participle in inflections(verb, participles.get(verb)):
                    lex.verbs.setdefault(form, (rtype, is_participle))
            for noun in section.get("nouns", []):
                lex.nouns.setdefault(noun, rtype)
            target = lex.tight if rtype in TIGHT_TYPES else lex.phrases
            for phrase in section.get("phrases", []):
                target.setdefault(tuple(phrase.lower().split()), rtype)
            if "role_adjectives" in section:
                lex.role_adjectives = frozenset(section["role_adjectives"])
        for table, form in ((lex.phrases, "phrase"), (lex.tight, "tight")):
            for phrase, rtype in table.items():
                lex.phrases_by_first_word.setdefault(phrase[0], []).append((phrase, rtype, form))
        for entries in lex.phrases_by_first_word.values():
            entries.sort(key=lambda e: -len(e[0]))
        return lex


def inflections(verb: str, irregular_participle: str | None = None) -> list[tuple[str, bool]]:
    """Verb forms with a flag for the past/participle forms: reduce -> reduces, reduced, reducing."""
    forms: list[tuple[str, bool]] = [(verb, False)]
    if verb.endswith("e"):
        forms += [(verb + "s", False), (verb + "d", True), (verb[:-1] + "ing", False)]
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms += [(verb[:-1] + "ies", False), (verb[:-1] + "ied", True), (verb + "ing", False)]
    elif verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms += [(verb + "es", False), (verb + "ed", True), (verb + "ing", False)]
    else:
        forms += [(verb + "s", False), (verb + "ed", True), (verb + "ing", False)]
        if len(verb) > 2 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
            forms += [(verb + verb[-1] + "ed", True), (verb + verb[-1] + "ing", False)]
    if irregular_participle:
        forms.append((irregular_participle, True))
    return forms


@dataclass
class SentenceView:
    """One sentence as the rules see it: lower-case words and where the mentions sit."""

    sentence: Sentence
    tokens: list  # spaCy tokens (dependency parse when the pipeline has a parser)
    words: list[str]
    token_chars: list[tuple[int, int]]  # doc char offsets per token
    mentions: list[tuple[int, int, Mention]]  # token start, token end (exclusive), mention
    mention_at: list[int]  # token -> index into mentions, or -1
    aside: set[int]  # tokens of appositive asides and parentheses
    compared: set[int]  # tokens of comparison arms

    def mention_starting_after(self, index: int, limit: int, stop: frozenset[str] = CLAUSE_BREAKS) -> int | None:
        """First mention beginning within ``limit`` tokens after ``index`` (skipping parentheses)."""
        distance = 0
        i = index
        while i < len(self.words) and distance <= limit:
            if self.words[i] in stop or self.words[i] in COMPARISON_CUES or i in self.compared:
                return None
            m = self.mention_at[i]
            if m >= 0:
                return m
            if i not in self.aside:
                distance += 1
            i += 1
        return None

    def mention_ending_before(self, index: int, limit: int, skip_asides: bool = True) -> int | None:
        """Nearest mention ending before ``index`` within ``limit`` tokens, outside asides."""
        distance = 0
        i = index - 1
        while i >= 0 and distance <= limit:
            if self.words[i] in CLAUSE_BREAKS:
                return None
            if skip_asides and (i in self.aside or i in self.compared):
                i -= 1
                continue
            m = self.mention_at[i]
            if m >= 0:
                return m
            distance += 1
            i -= 1
        return None


def sentence_views(adoc: AnnotatedDoc) -> list[SentenceView]:
    doc: Doc = adoc.spacy_doc
    by_sentence: dict[int, list[Mention]] = {}
    for m in adoc.mentions:
        by_sentence.setdefault(m.sentence_index, []).append(m)
    views = []
    for sentence in adoc.sentences:
        mentions = by_sentence.get(sentence.index, [])
        if len(mentions) < 2:
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        tokens = [t for t in span if not t.is_space]
        words = [t.lower_ for t in tokens]
        chars = [(t.idx, t.idx + len(t.text)) for t in tokens]
        placed = []
        mention_at = [-1] * len(tokens)
        for m in sorted(mentions, key=lambda m: m.start):
            idx = [i for i, (s, e) in enumerate(chars) if s < m.end and e > m.start]
            if not idx or any(mention_at[i] >= 0 for i in idx):
                continue
            for i in idx:
                mention_at[i] = len(placed)
            placed.append((idx[0], idx[-1] + 1, m))
        views.append(SentenceView(sentence, tokens, words, chars, placed, mention_at,
                                  _asides(words), _comparison_arms(words)))
    return views


def _asides(words: list[str]) -> set[int]:
    """Parenthesised tokens and comma-delimited asides (", characterized by ..., ")."""
    aside: set[int] = set()
    depth = 0
    for i, w in enumerate(words):
        if w in ("(", "["):
            depth += 1
        if depth:
            aside.add(i)
        if w in (")", "]") and depth:
            depth -= 1
    commas = [i for i, w in enumerate(words) if w == ","]
    for a, b in zip(commas, commas[1:]):
        first = words[a + 1] if a + 1 < len(words) else ""
        if first in APPOSITIVE_OPENERS or (first.endswith(("ed", "ing")) and b - a > 2):
            aside.update(range(a, b + 1))
    return aside


def _comparison_arms(words: list[str]) -> set[int]:
    """From a comparison cue ("compared with", "versus", "than") to the end of its clause."""
    arms: set[int] = set()
    inside = False
    for i, w in enumerate(words):
        if w in COMPARISON_CUES and not (w == "relative" and words[i + 1:i + 2] != ["to"]):
            inside = True
        elif w in CLAUSE_BREAKS or w == ",":
            inside = False
        if inside:
            arms.add(i)
    return arms


class PatternExtractor:
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
        for view in sentence_views(adoc):
            for rel in self._sentence_relations(view):
                key = (rel.subject.start, rel.type, rel.object.start)
                if key not in relations or relations[key].evidence.score < rel.evidence.score:
                    relations[key] = rel
        return list(relations.values())

    def _sentence_relations(self, view: SentenceView) -> list[Relation]:
        out: list[Relation] = []
        triggers = self.triggers(view.words)
        chain_subject: list[int] = []
        chain_end = -1
        renamed: dict[int, int] = {}  # "MSCs are stromal cells that differentiate": the cells are MSCs
        for trig in triggers:
            if trig.form == "tight":
                found = self._tight(view, trig)
                if found and trig.type is RelationType.IS_A:
                    index = {m.start: i for i, (_, _, m) in enumerate(view.mentions)}
                    renamed[index[found[0].object.start]] = index[found[0].subject.start]
                out += found
                continue
            if trig.form == "noun":
                out += self._nominal(view, trig)
                continue
            passive = self._passive_agent(view, trig)
            if passive is not None:
                subjects, obj = passive
                out += self._emit(view, trig, subjects, [obj] if obj is not None else [], "passive")
                continue
            if trig.form == "participle" and trig.start > 0 and view.words[trig.start - 1] in BE_FORMS:
                continue  # agentless passive: no subject to report
            if trig.form == "participle" and (trig.start == 0 or view.words[trig.start - 1] in ADJECTIVAL_CONTEXT):
                continue  # "with elevated IL-6", "Increased ROS levels ...": an adjective, not a claim
            objects = self._objects_after(view, trig.end)
            by_gerund = view.words[trig.start].endswith("ing") and trig.start > 0 and \
                view.words[trig.start - 1] in ("by", "via", "through")
            if chain_subject and (by_gerund or self._coordinated(view, chain_end, trig.start)):
                # "... relieve pain by inhibiting oxidative stress": the same agent inhibits.
                subjects, how = chain_subject, "carried"
            else:
                subjects, how = self._subjects_before(view, trig.start), "active" if trig.form != "phrase" else "phrase"
                subjects = [renamed.get(m, m) for m in subjects]
                if not subjects and objects:
                    subjects, how = self._parsed_subject(view, trig.start), "parsed"
            out += self._emit(view, trig, subjects, objects, how)
            if subjects and objects:
                chain_subject = subjects
                chain_end = view.mentions[objects[-1]][1]
        out += self._hyphen_heads(view)
        out += self._routes(view)
        return out

    def _coordinated(self, view: SentenceView, after: int, before: int) -> bool:
        """Only commas, 'and', adverbs or parentheses between the last object and this trigger."""
        if after < 0 or after > before:
            return False
        between = [i for i in range(after, before) if i not in view.aside or view.words[i] == ","]
        if all(view.words[i] in COORDINATION or view.words[i] in OBJECT_HEADS for i in between):
            return True
        # "inhibited NLRP3 inflammasome activation and reduced ...": a few more object words, then "and"
        words = [view.words[i] for i in between]
        return (0 < len(words) <= 5 and words[-1] in ("and", ",", "or") and not any(
            w in CLAUSE_BREAKS or w in ("which", "that", "who", "whom", "when", "where", "because")
            or w in self.lexicon.verbs or (w in self.lexicon.nouns and w not in OBJECT_HEADS) for w in words)
            and all(view.mention_at[i] < 0 or view.mentions[view.mention_at[i]][2].category in NOT_AGENTS
                    for i in between))

    def _subjects_before(self, view: SentenceView, index: int) -> list[int]:
        m = view.mention_ending_before(index, MAX_SUBJECT_DISTANCE)
        if m is None:
            return []
        m = self._phrase_head(view, m)
        subjects = [m]
        start = view.mentions[m][0]
        # "MSCs and EVs reduced ROS": a mention joined by "and"/"," also acts.
        while start >= 2 and view.words[start - 1] in ("and", ",", "or") and view.mention_at[start - 2] >= 0:
            m = view.mention_at[start - 2]
            subjects.append(m)
            start = view.mentions[m][0]
        return subjects

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
                        return [view.mention_at[i]]
                return []
            if token.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or token.head is token:
                return []
            token = token.head
        return []

    def _objects_after(self, view: SentenceView, index: int) -> list[int]:
        first = view.mention_starting_after(index, MAX_OBJECT_DISTANCE, stop=OBJECT_STOPS)
        if first is None:
            return []
        first = self._head_of_hyphen(view, first)
        objects = [first]
        end = view.mentions[first][1]
        # Skip a parenthesised abbreviation right after the object: "reactive oxygen species (ROS)".
        while end < len(view.words) and view.words[end] == "(":
            close = next((j for j in range(end, len(view.words)) if view.words[j] == ")"), end)
            end = close + 1
        # Coordinated objects: "TNF-α, IL-1β and IL-6".
        while end + 1 < len(view.words) and view.words[end] in (",", "and", "or"):
            nxt = end + 1
            if view.words[nxt] in ("and", "or"):
                nxt += 1
            m = view.mention_at[nxt] if nxt < len(view.words) else -1
            if m < 0 or nxt in view.compared:
                break
            objects.append(m)
            end = view.mentions[m][1]
        return objects

    def _head_of_hyphen(self, view: SentenceView, m: int) -> int:
        """In "oxidative stress-mediated neuropathic pain" the head is the last mention."""
        end = view.mentions[m][1]
        if view.words[end:end + 1] == ["-"] and view.words[end + 1:end + 2] and view.words[end + 1] in HYPHEN_RELATIONS:
            nxt = view.mention_at[end + 2] if end + 2 < len(view.words) else -1
            if nxt >= 0:
                return nxt
        return m

    def _passive_agent(self, view: SentenceView, trig: Trigger) -> tuple[list[int], int | None] | None:
        """'X was reduced by Y' / 'X reduced by Y': subjects after 'by', object before the trigger."""
        if trig.form not in ("participle", "phrase"):
            return None
        by = next((i for i in range(trig.end, min(trig.end + 3, len(view.words))) if view.words[i] == "by"), None)
        if by is None:
            return None
        agent = view.mention_starting_after(by + 1, 4)
        if agent is None:
            return None
        patient = self._patient_before(view, trig.start)
        subjects = [agent]
        end = view.mentions[agent][1]
        if view.words[end:end + 1] == ["and"] and end + 1 < len(view.words) and view.mention_at[end + 1] >= 0:
            subjects.append(view.mention_at[end + 1])
        return subjects, patient

    def _phrase_head(self, view: SentenceView, m: int) -> int:
        """Climb from a mention inside a modifier to the phrase's head mention:
        "Exosomes secreted by MSCs", "TNF-α in the DRG", "catalase that had been reduced by oxaliplatin"."""
        for _ in range(3):
            i, steps = view.mentions[m][0] - 1, 0
            while i >= 0 and steps < 4 and (view.words[i] in NP_MODIFIERS or (
                    view.mention_at[i] >= 0 and view.mentions[view.mention_at[i]][2].category in LOCATIONS)):
                i, steps = i - 1, steps + 1  # "from human umbilical cord MSCs"
            if i < 1 or view.words[i] not in PREPOSITIONS:
                return m
            j, steps = i - 1, 0
            while j >= 0 and steps < 5 and view.mention_at[j] < 0 and (
                view.words[j] in FILLER or view.words[j] in BE_FORMS or view.words[j].endswith("ed")
            ):
                j, steps = j - 1, steps + 1
            if j < 0 or view.mention_at[j] < 0 or j in view.compared:
                return m
            if view.mentions[view.mention_at[j]][2].category in NOT_AGENTS:
                return m  # "intrathecal injection of BMSCs": the cells act, not the route
            m = view.mention_at[j]
        return m

    def _patient_before(self, view: SentenceView, index: int) -> int | None:
        i = index - 1
        while i >= 0 and (view.words[i] in FILLER or view.words[i] in BE_FORMS or i in view.aside):
            if view.mention_at[i] >= 0 and i not in view.aside:
                break
            i -= 1
        if i >= 0 and view.mention_at[i] >= 0 and i not in view.compared:
            return self._phrase_head(view, view.mention_at[i])
        return None

    def _nominal(self, view: SentenceView, trig: Trigger) -> list[Relation]:
        """'reduction of ROS by MSCs', 'MSC-mediated suppression of TNF-α', 'differentiation of X into Y'."""
        words = view.words
        if words[trig.end:trig.end + 1] not in (["of"], ["in"]):
            return []
        obj = view.mention_starting_after(trig.end + 1, 4)
        if obj is None:
            return []
        subjects: list[int] = []
        after = view.mentions[obj][1]
        by = next((i for i in range(after, min(after + 3, len(words))) if words[i] in ("by", "with")), None)
        into = next((i for i in range(after, min(after + 2, len(words))) if words[i] == "into"), None)
        if trig.type is RelationType.DIFFERENTIATES_INTO and into is not None:
            target = view.mention_starting_after(into + 1, 3)
            return self._emit(view, trig, [obj], [target] if target is not None else [], "nominal")
        if by is not None:
            agent = view.mention_starting_after(by + 1, 3)
            if agent is not None:
                subjects = [agent]
        if not subjects and trig.start >= 2 and words[trig.start - 1] in HYPHEN_RELATIONS and words[trig.start - 2] == "-":
            m = view.mention_at[trig.start - 3] if trig.start >= 3 else -1
            if m >= 0:
                subjects = [m]
        return self._emit(view, trig, subjects, [obj], "nominal")

    def _tight(self, view: SentenceView, trig: Trigger) -> list[Relation]:
        """DERIVED_FROM / LOCATED_IN / IS_A: the mentions stand right beside the phrase."""
        left = self._adjacent_left(view, trig.start)
        right = view.mention_starting_after(trig.end, 2 if trig.type is not RelationType.IS_A else 3)
        if left is None or right is None:
            return []
        s, o = view.mentions[left][2], view.mentions[right][2]
        ok = {
            RelationType.DERIVED_FROM: s.category not in NOT_AGENTS | CONDITIONS and o.category in SOURCES,
            RelationType.LOCATED_IN: s.category not in NOT_AGENTS | {Category.PROCEDURE} and o.category in LOCATIONS
            and s.category is not o.category,
            RelationType.IS_A: s.category is o.category and s.curie != o.curie,
        }[trig.type]
        return self._emit(view, trig, [left], [right], "tight") if ok else []

    def _adjacent_left(self, view: SentenceView, index: int) -> int | None:
        i = index - 1
        while i >= 0 and (view.words[i] in ("levels", "level", "activity", "expression", "content", ")")
                          or (i in view.aside and view.mention_at[i] < 0) or (i in view.aside and view.words[i - 1:i] == ["("])):
            if view.words[i] == ")":
                i = next((j for j in range(i, -1, -1) if view.words[j] == "("), i) - 1
                continue
            i -= 1
        if i >= 0 and view.mention_at[i] >= 0:
            return view.mention_at[i]
        return None

    def _hyphen_heads(self, view: SentenceView) -> list[Relation]:
        """'MSC-derived EVs' -> EVs DERIVED_FROM MSCs; 'X-induced Y' -> X CAUSES Y."""
        out = []
        for a, (start, end, mention) in enumerate(view.mentions):
            if view.words[end:end + 1] != ["-"] or end + 2 >= len(view.words):
                continue
            rtype = HYPHEN_RELATIONS.get(view.words[end + 1])
            b = view.mention_at[end + 2]
            if rtype is None or b < 0:
                continue
            trig = Trigger(rtype, "hyphen", end, end + 2, "-" + view.words[end + 1])
            if rtype is RelationType.DERIVED_FROM:
                if mention.category in SOURCES:
                    out += self._emit(view, trig, [b], [a], "hyphen")
            else:
                out += self._emit(view, trig, [a], [b], "hyphen")
        return out

    def _routes(self, view: SentenceView) -> list[Relation]:
        """A route and an agent (cell, chemical, vesicle, procedure) in one sentence: agent ADMINISTERED_VIA route."""
        routes = [i for i, (_, _, m) in enumerate(view.mentions) if m.category is Category.ROUTE]
        if not routes:
            return []
        agents = [
            i for i, (s, _, m) in enumerate(view.mentions)
            if m.category in (Category.CELL, Category.CHEMICAL, Category.CELLULAR_COMPONENT, Category.PROCEDURE,
                              Category.GENE)
            and s not in view.compared and not (s in view.aside and view.words[s - 1:s] == ["("])
        ]
        out = []
        for r in routes:
            trig = Trigger(RelationType.ADMINISTERED_VIA, "route", view.mentions[r][0], view.mentions[r][1],
                           view.mentions[r][2].text)
            out += self._emit(view, trig, agents, [r], "route")
        return out

    # -- building relations --------------------------------------------------------------------
    def _emit(self, view: SentenceView, trig: Trigger, subjects: list[int], objects: list[int], how: str) -> list[Relation]:
        out = []
        for si in subjects:
            for oi in objects:
                if si == oi:
                    continue
                s_start, s_end, subject = view.mentions[si]
                o_start, o_end, obj = view.mentions[oi]
                rtype = self._typed(trig.type, subject, obj)
                if rtype is None or (subject.curie and subject.curie == obj.curie):
                    continue
                floor = s_end if s_end <= trig.start else 0
                epi = epistemics(view.words, trig.start, floor)
                sentence = view.sentence
                out.append(Relation(
                    subject=subject, object=obj, type=rtype,
                    evidence=Evidence(
                        doc_id=subject.doc_id, sentence=sentence.text, sentence_index=sentence.index,
                        subject_text=subject.text, object_text=obj.text,
                        subject_span=(subject.start - sentence.start, subject.end - sentence.start),
                        object_span=(obj.start - sentence.start, obj.end - sentence.start),
                        trigger=trig.text, extractor=f"{EXTRACTOR}:{how}", score=SCORES[how], epistemics=epi,
                    ),
                ))
        return out

    @staticmethod
    def _typed(rtype: RelationType, subject: Mention, obj: Mention) -> RelationType | None:
        """Category guards and the rules that refine a trigger's type by what it acts on."""
        if rtype is RelationType.ADMINISTERED_VIA:
            return rtype if obj.category is Category.ROUTE else None
        if subject.category in NOT_AGENTS or obj.category in NOT_AGENTS:
            return None
        if rtype is RelationType.DIFFERENTIATES_INTO:
            return rtype if subject.category is Category.CELL and obj.category is Category.CELL else None
        if rtype is RelationType.TREATS and obj.category not in CONDITIONS:
            return RelationType.DECREASES  # "alleviated oxidative stress" is a decrease, not a treatment
        if rtype is RelationType.CAUSES and obj.category in MOLECULES:
            return RelationType.INCREASES  # "induced HO-1" raises an amount
        if rtype is RelationType.PREVENTS and obj.category not in CONDITIONS | {Category.PROCESS}:
            return RelationType.DECREASES
        return rtype
