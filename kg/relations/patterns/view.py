"""One sentence as the rules see it (SentenceView), and the word-level readings they share."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from kg.relations.anaphora import GENERIC_HEADS, STAND_IN
from kg.relations.products import is_qualified
from kg.types import EMBEDDED, AnnotatedDoc, Mention, Sentence
from kg.vocab import SYMPTOM_HEADS, Category
from kg.relations.patterns.words import (
    ADJECTIVAL_ROUTES, ADMINISTERED, ADVERBIALS, APPOSITION_FOLLOWERS, APPOSITIVE_OPENERS, CHANGE_WORDS, CLAUSE_BREAKS,
    COMPARATIVES, COMPARISON_CUES, CONTRASTING_CLAUSES,
    DECLINE_NOUNS, DISCOURSE_ASIDES, DISCOURSE_WORDS, EQUAL_ADJECTIVES, EQUAL_MANNER, EVIDENCING, INTRANSITIVE_FOLLOWERS,
    CELL_KINDS, GROUP_PARTICIPLES, INTRODUCTORY,
    IRREGULAR_PARTICIPLES, MIMICKING, NUMBER, NUMBER_WORDS, PAIR_NOUNS, REFERRED_CHANGES, REFERRED_PAIR_OBJECTS,
    REFERRING_PREPARATIONS,
    RISE_NOUNS, SENTENCE_OPENERS, TIME_UNITS, TREATMENT_NOUN_MODIFIERS, TREATMENT_NOUNS, WRAPPERS,
)


@dataclass
class Chain:
    """What a sentence's earlier verb triggers leave for the next one."""
    subjects: list[int] = field(default_factory=list)  # the agents a coordinated verb carries on
    end: int = -1  # where the last claim's objects end
    verb_end: int = -1  # where the verb of the last active claim ends
    negated: bool = False  # whether the last claim was negated
    last_subjects: list[int] = field(default_factory=list)  # for "it"/"they" later in the sentence
    passive_agents: list[int] = field(default_factory=list)  # "... was decreased by X, without affecting Y"
    orphan_objects: set[int] = field(default_factory=set)  # objects of the last verb that found no subject
    orphan_end: int = -1
    renamed: dict[int, int] = field(default_factory=dict)  # "MSCs are stromal cells that differentiate": MSCs


def concomitant_change(words: list[str], a: int) -> int | None:
    """Where the change noun of ", with a (concomitant) increase in ..." or "together with a rise in ..."
    opening at ``a`` stands."""
    if words[a:a + 2] not in ([",", "with"], ["together", "with"]):
        return None
    return next((k for k in range(a + 2, min(a + 5, len(words))) if words[k] in DECLINE_NOUNS | RISE_NOUNS), None)


def hyphenated(word: str) -> bool:
    """A word joined by an inner hyphen ("small-diameter", "below-level", "3.1-fold")."""
    return "-" in word[1:-1]


def counted(word: str) -> bool:
    """A count written as a word or a number: "one day before", "four intrathecal doses", "24 h after"."""
    return word in NUMBER_WORDS or word.replace(".", "").isdigit()


def before_parentheses(words: list[str], i: int, unopened: int = 0) -> int:
    """The word before the parentheses that close at ``i`` ("SOD" in "superoxide dismutase (SOD)" closes
    at ")"; the word before is "dismutase"), else ``i`` itself; ``unopened - 1`` when nothing opens them."""
    if i < 0 or words[i:i + 1] != [")"]:
        return i
    return next((k for k in range(i, -1, -1) if words[k] == "("), unopened) - 1


def back_over_asides(words: list[str], start: int, reach: int):
    """Indices from ``start - 1`` back to 1, ``reach`` words at most, passing over parenthesized asides
    whole ("exosomes derived from hUC-MSCs (hUCMSC-Exos) into rats": the aside adds no distance)."""
    k = start - 1
    while k >= 1 and reach > 0:
        if words[k] == ")":
            k = before_parentheses(words, k)
            continue
        yield k
        k, reach = k - 1, reach - 1


def past_abbreviation(view: SentenceView, end: int) -> int:
    """The word after a name's abbreviation in parentheses ("monosodium iodoacetate (MIA)-induced"),
    else `end`, so a compound reads the same with the abbreviation as without it."""
    if view.words[end:end + 1] != ["("] or end + 1 >= len(view.words) or view.mention_at[end + 1] < 0:
        return end
    close = next((j for j in range(end + 2, min(end + 4, len(view.words))) if view.words[j] == ")"), None)
    return end if close is None else close + 1


def same_head(a: Mention, b: Mention) -> bool:
    """Whether one name ends in the other, plurals aside ("gingiva-derived MSCs", "MSC")."""
    x, y = a.text.lower().rstrip("s"), b.text.lower().rstrip("s")
    return x.endswith(y) or y.endswith(x)


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
    excepted: set[int] = field(default_factory=set)  # mentions after "but not": negated objects
    comparatives: set[int] = field(default_factory=set)  # comparative words read as a treated group's result
    equivalents: list[tuple[int, int]] = field(default_factory=list)  # "as effectively as gabapentin" arms

    def with_stand_in(self, index: int, antecedent: Mention) -> "SentenceView":
        """This sentence with its pronoun at ``index`` as a mention of ``antecedent``: the words stay the
        sentence's ("They"), the identity is the antecedent's."""
        start, end = self.token_chars[index]
        stand_in = antecedent.model_copy(update={
            "start": start, "end": end, "text": self.tokens[index].text, "sentence_index": self.sentence.index,
            # a product named with its source keeps that name: "Both preparations" is each source's exosomes
            "long_form": antecedent.name if is_qualified(antecedent)
            else antecedent.text if antecedent.text.lower() in GENERIC_HEADS else antecedent.long_form or antecedent.text,
            "found_by": STAND_IN})
        placed = sorted([*self.mentions, (index, index + 1, stand_in)], key=lambda p: p[0])
        mention_at = [-1] * len(self.words)
        for k, (s, e, _) in enumerate(placed):
            mention_at[s:e] = [k] * (e - s)
        return replace(self, mentions=placed, mention_at=mention_at)

    def with_named_symptoms(self, mentions: list[Mention]) -> "SentenceView":
        """A symptom referred back to ("attenuated this allodynia", "alleviated the pain") takes the
        identity of the symptom the text named before ("cold allodynia", "bone cancer pain")."""
        placed = list(self.mentions)
        for k, (s, e, m) in enumerate(placed):
            head = m.text.lower()
            if e - s != 1 or head not in SYMPTOM_HEADS or s == 0 or self.words[s - 1] not in ("the", "this", "that", "such"):
                continue
            named = [n for n in mentions if n.end <= m.start and n.text.lower().endswith(" " + head)
                     and n.category in (Category.DISEASE, Category.PHENOTYPE)]
            if named:
                antecedent = named[-1]
                placed[k] = (s, e, m.model_copy(update={
                    "curie": antecedent.curie, "name": antecedent.name, "category": antecedent.category,
                    "long_form": antecedent.text}))
        return self if placed == self.mentions else replace(self, mentions=placed)

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

    def _defining_aside(self, i: int) -> bool:
        """Whether a semicolon ``i`` lies in a parenthesis that defines a short form and gives details:
        "(hUC-MSCs; 1 × 10^6 cells)" ends no clause."""
        if self.words[i] != ";" or i not in self.aside:
            return False
        opening = next((k for k in range(i, -1, -1) if self.words[k] == "("), -1)
        return opening >= 1 and self.mention_at[opening - 1] >= 0 and self.mention_at[opening + 1] >= 0

    def measuring_method(self, m: int) -> int | None:
        """Where "on"/"using" stands before a procedure mention that says how something was measured ("Disc
        height on (follow-up) MRI"); None for any other mention (a procedure "by" names is an agent: "SOD2
        was increased by MSC therapy")."""
        start, _, mention = self.mentions[m]
        if mention.category is not Category.PROCEDURE:
            return None
        return next((k for k in range(start - 1, max(-1, start - 4), -1)
                     if self.words[k] in ("on", "using") and all(self.mention_at[j] < 0 for j in range(k, start))),
                    None)

    def mention_ending_before(self, index: int, limit: int, skip_asides: bool = True) -> int | None:
        """Nearest mention ending before ``index`` within ``limit`` tokens, outside asides."""
        distance = 0
        i = index - 1
        while i >= 0 and distance <= limit:
            if self.words[i] in CLAUSE_BREAKS and not (i in self.aside and self.words[i] in DISCOURSE_WORDS | {"unlike"}) \
                    and not self._defining_aside(i):
                return None
            if skip_asides and (i in self.aside or i in self.compared):
                i -= 1
                continue
            m = self.mention_at[i]
            if m >= 0 and self.mentions[m][2].category is not Category.ROUTE:
                return m  # a route word is never a subject: "was given intraperitoneally and increased NQO1"
            distance += 1
            i -= 1
        return None


def adverbial(words: list[str], i: int) -> bool:
    """An adverb at ``i`` ("-ly" or ADVERBIALS), or a comma that sets one off."""
    if words[i] == ",":
        return words[i - 1:i] != [] and words[i - 1] in ADVERBIALS or words[i + 1:i + 2] != [] and words[i + 1] in ADVERBIALS
    return words[i].endswith("ly") or words[i] in ADVERBIALS


def leading_pronoun(words: list[str]) -> int | None:
    """Where a sentence opens with "They" / "It" / "The treatment" as the agent of a claim ("They also
    raised ...", "However, they failed to ...", "The treatment reduced GFAP"): the agent of the
    previous sentence. Not "It is ..."; "these effects" and the like name no agent."""
    i = sentence_start(words)  # "After transplantation into the injured spinal cord, they decreased IL-6"
    if i is None:
        return None
    if words[i:i + 1] == ["only"] and words[i + 1:i + 2] == ["the"]:
        i += 1  # "Only the high dose reduced VAS pain"
    noun = i + 2 if words[i + 1:i + 2] and words[i + 1] in TREATMENT_NOUN_MODIFIERS else i + 1  # "the highest dose"
    if words[i:i + 1] in (["the"], ["this"]) and words[noun:noun + 1] \
            and words[noun] in TREATMENT_NOUNS | REFERRING_PREPARATIONS:
        i = noun  # the noun stands for the agent: "The treatment reduced GFAP", "The medium nonetheless reduced MDA"
    elif (words[i:i + 1] in (["this"], ["these"]) or words[i:i + 1] == ["the"] and words[i + 1:i + 2]
          and words[i + 1] in DECLINE_NOUNS | RISE_NOUNS) and any(
            words[k] == "accompanied" and words[k - 1] in ("was", "were") or words[k:k + 2] == ["coincided", "with"]
            for k in range(i + 1, min(i + 5, len(words)))):
        # "This (analgesic effect) was accompanied by reduced IL-1β", "The reversal was accompanied by", "The
        # decrease in p-p38 coincided with lower CX3CR1": the agent's effect
        return i
    elif not words[i:i + 1] or words[i] not in ("they", "it"):
        return None
    following = words[i + 1] if i + 1 < len(words) else "."
    return None if following in ("is", "was", "has", "had", "remains", "seems", "appears", "'s", ".") else i


def referring_group(words: list[str]) -> int | None:
    """Where "the treated group" / "the transplanted group" names its treatment only by referring back
    ("At 6 weeks, the transplanted group showed a 58% reduction in ..."): the participle's position."""
    for k in range(1, len(words) - 1):
        if words[k] in GROUP_PARTICIPLES and words[k - 1] == "the" and words[k + 1] in ("group", "groups", "animals"):
            return k
    return None


def referring_treatment(words: list[str]) -> int | None:
    """Where "after the second infusion" / "following each injection" names the treatment only by
    referring back ("TNF-α and IL-6 declined after the second infusion"): the treatment noun's position."""
    for k in range(2, len(words)):
        if words[k] not in TREATMENT_NOUNS or words[k + 1:k + 2] in (["of"], ["with"], ["-"]):
            continue
        j = k - 1
        while j > 0 and (words[j] in TREATMENT_NOUN_MODIFIERS or words[j] in ("first", "second", "third", "last", "final")):
            j -= 1
        if words[j] in ("the", "each", "every", "this") and words[j - 1] in ("after", "following"):
            return k
    return None


def sentence_start(words: list[str]) -> int | None:
    """Where the sentence's subject begins, past an introductory phrase and openers ("However, ...",
    "After transplantation into the injured spinal cord, ..."); None when openers end without a comma."""
    i = 0
    while i < len(words) and words[i] in INTRODUCTORY and "," in words[i:i + 12]:
        i = words.index(",", i) + 1  # "When the same cells were given on day 21, after allodynia had set in, they"
    while i < len(words) and words[i] in SENTENCE_OPENERS:
        i += 1
    return None if 0 < i and words[i - 1] != "," else i


def names_a_change(words: list[str]) -> bool:
    """Whether the words name a change: "increased", "lower", "a decrease in", "the rise of"."""
    return any(w in COMPARATIVES or w in DECLINE_NOUNS or w in RISE_NOUNS for w in words)


def changes_as_evidence(words: list[str], a: int) -> bool:
    """Whether the words at ``a`` give changes as the evidence of a claim: "as shown by increased MBP",
    "was confirmed by a marked decrease in Iba1"; not "confirmed by confocal microscopy"."""
    return words[a] in EVIDENCING and words[a + 1:a + 2] == ["by"] and names_a_change(words[a + 2:a + 5])


def evidence_lists(words: list[str]) -> set[int]:
    """The words of each list of changes given as evidence, up to the clause's end: "as evidenced by
    lower caspase-1, reduced GSDMD-N and mature IL-18"."""
    out: set[int] = set()
    for a in range(len(words) - 1):
        if changes_as_evidence(words, a):
            end = next((k for k in range(a + 2, len(words)) if words[k] in CLAUSE_BREAKS or words[k] == "."), len(words))
            out.update(range(a + 2, end))
    return out


def referred_pair_object(words: list[str]) -> int | None:
    """Where "both markers" / "neither marker" / "either outcome" stands for the two things a claim
    before acted on ("only BMSCs lowered TNF-α and Iba-1; gabapentin changed neither marker")."""
    return next((k for k in range(1, len(words)) if words[k] in REFERRED_PAIR_OBJECTS
                 and words[k - 1] in ("both", "either", "neither")), None)


def leading_pair(words: list[str], verbs: Mapping[str, object]) -> int | None:
    """Where a sentence opens with "Both treatments" / "Both" / "Neither treatment" as the subject of a
    verb: the word that stands for each of the two agents the sentence before named ("received
    apocynin or hUC-MSCs. Both treatments reduced ROS")."""
    i = sentence_start(words)
    if i is None or words[i:i + 1] not in (["both"], ["neither"]):
        return None
    if words[i + 1:i + 2] and words[i + 1] in PAIR_NOUNS:
        return i + 1  # "Neither treatment": the negative determiner stays before the stand-in
    if words[i + 1:i + 2] == ["cell"] and words[i + 2:i + 3] and words[i + 2] in CELL_KINDS:
        return i + 2  # "Both cell types were injected intrathecally"
    k = i + 1
    while k < len(words) and (words[k].endswith("ly") or words[k] in ("also", "not", "did", "had")):
        k += 1
    return i if words[i] == "both" and k < len(words) and words[k] in verbs else None


def sentence_views(adoc: AnnotatedDoc) -> list[SentenceView]:
    doc: Doc = adoc.spacy_doc
    by_sentence: dict[int, list[Mention]] = {}
    for m in adoc.mentions:
        if m.found_by != EMBEDDED:  # inside another mention's words: see embedded_parts
            by_sentence.setdefault(m.sentence_index, []).append(m)
    views = []
    for sentence in adoc.sentences:
        mentions = by_sentence.get(sentence.index, [])
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand") if mentions else None
        if span is None:
            continue
        tokens = [t for t in span if not t.is_space]
        words = [t.lower_ for t in tokens]
        opening = sentence_start(words)
        if len(mentions) < 2 and leading_pronoun(words) is None and not REFERRED_CHANGES & set(words) \
                and (opening is None or words[opening:opening + 1] not in (["both"], ["neither"])) \
                and not CHANGE_WORDS & set(words) and not MIMICKING & set(words) and referred_pair_object(words) is None:
            # one mention makes no claim, unless a pronoun names the agent ("They raised IL-10.", "Both
            # increased ...") or the changes just claimed are its object ("These changes were reversed by
            # BMSCs."), or it reports a change the sentence before may have made ("IL-6 was not reduced."),
            # or its agent reproduces the claims before ("These effects were reproduced by BAY 11-7082."),
            # or it names two objects of the claim before ("ADSCs normalized both parameters.")
            continue
        chars = [(t.idx, t.idx + len(t.text)) for t in tokens]
        placed = []
        mention_at = [-1] * len(tokens)
        for m in sorted(mentions, key=lambda m: m.start):
            idx = [i for i, (s, e) in enumerate(chars) if s < m.end and e > m.start]
            if not idx or any(mention_at[i] >= 0 for i in idx) or _adjective_not_route(m, idx[-1] + 1, words, chars, mentions):
                continue
            for i in idx:
                mention_at[i] = len(placed)
            placed.append((idx[0], idx[-1] + 1, m))
        equivalents = equivalence_arms(words)
        views.append(SentenceView(sentence, tokens, words, chars, placed, mention_at, asides(words),
                                  comparison_arms(words) | {i for s, e in equivalents for i in range(s, e)},
                                  equivalents=equivalents))
    return views


def _adjective_not_route(mention: Mention, after: int, words: list[str], chars: list[tuple[int, int]],
                         mentions: list[Mention]) -> bool:
    """A route word that is also a plain adjective, with no administration word or other route right
    after it: "raised local VEGF levels" names a place; "local (perineural) injection", "local MSC
    injection" a route."""
    if mention.category is not Category.ROUTE or mention.text.lower() not in ADJECTIVAL_ROUTES:
        return False
    if set(words[after:after + 3]) & (WRAPPERS | ADMINISTERED):
        return False
    return not any(m.category is Category.ROUTE and after < len(chars) and m.start == chars[after][0] for m in mentions)


def asides(words: list[str]) -> set[int]:
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
        if " ".join(words[a + 1:b]) in DISCOURSE_ASIDES:
            aside.update(range(a, b + 1))  # "ADSC-CM, however, had no effect on catalase"
            continue
        if words[b + 1:b + 2] and words[b + 1] in CONTRASTING_CLAUSES:
            continue  # ", a single dose of UC-MSCs attenuated X, whereas ...": a clause, not an apposition
        if a == commas[0] and words[:1] and (words[0] in INTRODUCTORY or words[0] == "in"):
            continue  # "In rats with X, a single dose of Y restored Z, ...": the clause after the opening phrase
        span = words[a + 1:b]
        if any(w in ("did", "does") for w in span) and not any(w in ("which", "that", "who") for w in span):
            continue  # "Contrary to our hypothesis, a single dose of EVs did not reduce pain, nor ...": a clause
        if first in APPOSITIVE_OPENERS or (first.endswith(("ed", "ing")) or first in IRREGULAR_PARTICIPLES) and b - a > 2:
            aside.update(range(a, b + 1))
        elif first in ("both", "all") and (b - a <= 4 and not any(w.endswith("ed") for w in span)
                                           or len(span) > 2 and span[1].endswith("ed") and span[2] == "by"):
            # "Pregabalin and gabapentin, both gabapentinoids, cause dizziness", "STC1 and HGF, both secreted by
            # MSCs, activate Nrf2"
            aside.update(range(a, b + 1))
        elif first == "the" and words[b + 1:b + 2] and words[b + 1] in APPOSITION_FOLLOWERS:
            aside.update(range(a, b + 1))  # "NOX2, the principal source of superoxide in microglia, is upregulated"
        elif a > 0 and words[a - 1] in ("and", "but") and first in ("after", "following", "before", "upon", "once"):
            aside.update(range(a, b + 1))  # "differentiated in vitro and, after injection into the nerve, increased"
    return aside


def comparison_arms(words: list[str]) -> set[int]:
    """From a comparison cue ("compared with", "versus", "than") to the end of its clause."""
    arms: set[int] = set()
    inside = False
    for i, w in enumerate(words):
        if w in COMPARISON_CUES and not (w in ("relative", "compared") and words[i + 1:i + 2] not in (["to"], ["with"])):
            # "compared with placebo" is an arm; "we compared intrathecal hUCMSCs with apocynin" is a design
            inside = True
        elif w in CLAUSE_BREAKS or w == "," or w == "and" and words[i + 1:i + 2] and words[i + 1].endswith("ed") \
                or w in ("in", "at") and words[i + 1:i + 2] and words[i + 1].endswith("ing"):
            # "... more effectively than native ADSCs and relieved pain": the claim goes on; "more potent
            # than control ADSCs in reversing allodynia": what both were compared at is the claim
            inside = False
        if inside:
            arms.add(i)
    return arms


def used_intransitively(words: list[str], end: int) -> bool:
    """Whether a change verb ending at ``end`` has no object: "pain decreased in six patients",
    "IL-10 rose significantly" (what follows is a place, a time, an amount or the clause's end)."""
    while end < len(words) and words[end].endswith("ly"):
        end += 1
    return end >= len(words) or words[end] in INTRANSITIVE_FOLLOWERS


def timing(words: list[str], i: int) -> bool:
    """Whether word ``i`` is part of a time point: "from day 3 to day 14 post-injection", "at 24 h"."""
    w = words[i]
    if w in TIME_UNITS or w == "post" and words[i + 1:i + 2] == ["-"]:
        return True
    return counted(w) and w != "a" and (i > 0 and words[i - 1] in TIME_UNITS
                                        or i + 1 < len(words) and words[i + 1] in TIME_UNITS)


def magnitude(words: list[str], i: int) -> bool:
    """Whether word ``i`` is part of a change's size: "by 48%", "by 2.5-fold", "by 42 %"."""
    w = words[i]
    if w == "by":
        return i + 1 < len(words) and NUMBER.match(words[i + 1]) is not None
    if w in ("%", "-fold", "fold", "points", "point"):  # "fell by 3.2 points"
        return i > 0 and NUMBER.match(words[i - 1]) is not None
    return NUMBER.match(w) is not None and i > 0 and words[i - 1] == "by"


def equivalence_arms(words: list[str]) -> list[tuple[int, int]]:
    """Arms that claim the same effect: "reduced allodynia as effectively as gabapentin", "to a degree
    comparable with gabapentin", "Like TEMPOL, BMSC-exosomes lowered superoxide". Unlike a comparison
    arm ("compared with placebo"), the arm's agent did what the claim says. Each arm runs from its cue
    to the end of its clause or the next comma; ", like X," is one too."""
    arms = []
    for i, w in enumerate(words):
        if w == "as" and words[i + 1:i + 2] and words[i + 1] in EQUAL_MANNER and words[i + 2:i + 3] == ["as"]:
            start = i
        elif w in EQUAL_ADJECTIVES and words[i + 1:i + 2] and words[i + 1] in ("with", "to"):
            start = i
        elif w in EQUAL_ADJECTIVES and words[i + 1:i + 3] in (["extent", "as"], ["degree", "as"]):
            start = i  # "to a similar extent as pregabalin"
        elif w == "like" and i > 0 and words[i - 1] == ",":
            start = i  # "Tempol, like MSC-EVs, reversed this hypersensitivity"
        elif w in ("like", "unlike") and i == 0 or i == 0 and words[:3] == ["in", "contrast", "to"]:
            # "Unlike gabapentin, BMSC-CM did not reduce ...", "In contrast to wild-type MSCs, IL-10-deficient
            # MSCs failed to ...": the opposite claim (see _equivalent_agents)
            start = i
        else:
            continue
        end = start + 1
        while end < len(words) and words[end] not in CLAUSE_BREAKS and words[end] not in (",", "and", "."):
            end += 1
        arms.append((start, end))
    return arms
