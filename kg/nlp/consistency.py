"""Document consistency (``kg_doc_consistency``): one name, one decision per abstract.

A CNN tagger decides each mention from its window, so an abstract that names "dobutamine" four
times may get three of them. Annotators (and readers) treat a repeated name as the same entity, so
this component, run after a model's ``ner``, labels the other occurrences of a name the model
tagged, and the short form of a tagged long form ("reactive oxygen species (ROS)" -> every "ROS",
by scispaCy's Schwartz-Hearst test). It only fills gaps: it never overrides, splits or extends
an entity, and a name the model tagged with two labels in one document is left alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import TypeVar

from scispacy.abbreviation import find_abbreviation, short_form_filter
from spacy.language import Language
from spacy.tokens import Doc, Span

T = TypeVar("T")


@Language.factory("kg_doc_consistency", default_config={"min_chars": 2, "abbreviations": True})
def make_doc_consistency(nlp: Language, name: str, min_chars: int, abbreviations: bool) -> DocConsistency:
    return DocConsistency(name, min_chars=min_chars, abbreviations=abbreviations)


def _fold(text: str) -> str:
    # "Dobutamine" at a sentence start is "dobutamine"; "ROS", "NO", "IL-6" keep their case.
    return text if any(ch.isupper() for ch in text[1:]) else text.lower()


def _key(tokens) -> tuple[str, ...]:
    return tuple(_fold(token.text) for token in tokens)


def untagged_repeats(doc: Doc, ents: list[Span], names: Mapping[tuple[str, ...], T],
                     words: list[str]) -> list[tuple[int, int, T]]:
    """Where a name of ``names`` (a key of ``words``) recurs outside every entity: (start, end, value),
    the longest name first at each token."""
    taken = [False] * len(doc)
    for ent in ents:
        taken[ent.start:ent.end] = [True] * len(ent)
    first_words = {key[0] for key in names}
    lengths = sorted({len(key) for key in names}, reverse=True)
    found = []
    start = 0
    while start < len(doc):
        if words[start] in first_words:
            for length in (n for n in lengths if start + n <= len(doc)):
                value = names.get(tuple(words[start:start + length]))
                if value and not any(taken[start:start + length]):
                    found.append((start, start + length, value))
                    taken[start:start + length] = [True] * length
                    start += length - 1
                    break
        start += 1
    return found


class DocConsistency:
    """Copies each unambiguous entity label to the untagged repeats of its name in the same doc."""

    def __init__(self, name: str, *, min_chars: int = 2, abbreviations: bool = True):
        self.name = name
        self.min_chars = min_chars
        self.abbreviations = abbreviations

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for ent in ents:
            votes[_key(ent)][ent.label_] += 1
        if self.abbreviations:
            for short, label in self._short_form_labels(doc, ents):
                votes[_key(short)][label] += 1
        labels = {key: next(iter(counts)) for key, counts in votes.items()
                  if len(counts) == 1 and self._usable(key)}
        if not labels:
            return doc
        added = [Span(doc, start, end, label=label)
                 for start, end, label in untagged_repeats(doc, ents, labels, [_fold(t.text) for t in doc])]
        if added:
            doc.ents = sorted(ents + added, key=lambda span: span.start)
        return doc

    def _usable(self, key: tuple[str, ...]) -> bool:
        text = " ".join(key)
        return len(text) >= self.min_chars and any(ch.isalpha() for ch in text)

    @staticmethod
    def _short_form_labels(doc: Doc, ents: list[Span]):
        """(short form, label) for "long form (SF)" where the long form is a tagged entity.

        Only this pattern can give a label, so it is checked directly with scispaCy's
        Schwartz-Hearst test instead of running the whole abbreviation detector (3-4 ms a document).
        """
        for ent in ents:
            close = ent.end + 2
            if close < len(doc) and doc[ent.end].text == "(" and doc[close].text == ")":
                short = doc[ent.end + 1:close]
                if short_form_filter(short) and find_abbreviation(ent, short)[1] is not None:
                    yield short, ent.label_

    # Stateless: nothing to save, but spaCy calls these when the pipeline is written or read.
    def to_disk(self, path, *, exclude=()):
        pass

    def from_disk(self, path, *, exclude=()):
        return self
