"""The trigger lexicon (pipelines/relations/triggers.toml) and the triggers found in a sentence."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kg.vocab import RelationType
from kg.relations.patterns.words import TIGHT_TYPES


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
    normalized_raised: frozenset[str] = frozenset()  # what "normalized" raises when the text does not say
    normalized_lowered: frozenset[str] = frozenset()
    negated_participles: frozenset[str] = frozenset()  # "was unaffected by X": a negated claim in one word
    phrases_by_first_word: dict[str, list[tuple[tuple[str, ...], RelationType, str]]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Lexicon":
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        participles = data.pop("participles", {})
        normalized = data.pop("normalized", {})
        lex = cls(normalized_raised=frozenset(normalized.get("raised", ())),
                  normalized_lowered=frozenset(normalized.get("lowered", ())))
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
            for participle in section.get("negated_participles", []):
                lex.verbs.setdefault(participle, (rtype, True))
                lex.negated_participles |= {participle}
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
