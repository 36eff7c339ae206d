"""The curated domain lexicon as a spaCy component (``kg_lexicon``).

Terms we write ourselves (``pipelines/lexicon/*.jsonl``: id, name, category, synonyms,
abbreviations) are matched case-insensitively; abbreviations case-sensitively, since
"ROS" is an entity and "ros" is not. Matches go to ``doc.spans["lexicon"]`` with the
category as label and the CURIE (when the lexicon knows one) as ``kb_id``.
MicroRNAs follow a nomenclature no list enumerates ("miR-146a-5p", "microRNA-21"); they are
read by pattern into the same span group, one kg-local id per name.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.errors import ConfigError
from kg.vocab import MICRORNA, Category

LEXICON_SPANS = "lexicon"


class LexiconEntry(BaseModel):
    id: str | None = None
    name: str
    category: Category
    synonyms: list[str] = Field(default_factory=list)
    abbreviations: list[str] = Field(default_factory=list)


def read_lexicon(path: Path) -> list[LexiconEntry]:
    entries = []
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                entries.append(LexiconEntry(**json.loads(line)))
            except (json.JSONDecodeError, ValidationError) as exc:
                raise ConfigError(f"{path}, line {line_no}: invalid lexicon entry: {exc}") from exc
    return entries


def number_variants(term: str) -> set[str]:
    """The term plus a singular/plural variant of its last word ("vesicle" <-> "vesicles")."""
    variants = {term}
    head, _, last = term.rpartition(" ")
    prefix = f"{head} " if head else ""
    lower = last.lower()
    if lower.endswith("ies") and len(last) > 4:
        variants.add(prefix + last[:-3] + "y")
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(last) > 3:
        variants.add(prefix + last[:-1])
    elif lower.endswith("y") and len(last) > 3 and lower[-2] not in "aeiou":
        variants.add(prefix + last[:-1] + "ies")
    elif last[-1:].isalpha() and not lower.endswith("s"):
        variants.add(prefix + last + "s")
    return variants


# A cell abbreviation takes the species as a lower-case letter: "hBMSCs" (human), "rADSCs" (rat).
SPECIES_LETTERS = ("h", "r", "m")


def abbreviation_variants(entry: LexiconEntry) -> set[str]:
    """An entry's abbreviations, their plurals ("MSC" -> "MSCs") and, for cells, species-prefixed forms."""
    variants = set(entry.abbreviations) | {a + "s" for a in entry.abbreviations if a[-1:].isupper()}
    if entry.category is Category.CELL:
        variants |= {letter + a for a in variants for letter in SPECIES_LETTERS if len(a) >= 3 and a[:2].isupper()}
    return variants


def entry_key(entry: LexiconEntry) -> str:
    """Match id of an entry: its CURIE, or a kg-local id from its name."""
    return entry.id or "kg:" + "_".join(entry.name.lower().split())


@Language.factory("kg_lexicon", default_config={"paths": []})
def make_lexicon(nlp: Language, name: str, paths: list[str]) -> "LexiconMatcher":
    entries = [e for p in paths for e in read_lexicon(Path(p))]
    return LexiconMatcher(nlp, entries)


class LexiconMatcher:
    def __init__(self, nlp: Language, entries: list[LexiconEntry]):
        self.entries = {entry_key(e): e for e in entries}
        self.terms = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.abbreviations = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key, entry in self.entries.items():
            names = set()
            for term in [entry.name, *entry.synonyms]:
                names |= number_variants(term)
            self.terms.add(key, list(nlp.tokenizer.pipe(sorted(names))))
            abbrevs = abbreviation_variants(entry)
            if abbrevs:
                self.abbreviations.add(key, list(nlp.tokenizer.pipe(sorted(abbrevs))))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.terms, self.abbreviations):
            for match_id, start, end in matcher(doc):
                key = doc.vocab.strings[match_id]
                entry = self.entries[key]
                spans.append(Span(doc, start, end, label=entry.category.value, kb_id=key))
        for match in MICRORNA.finditer(doc.text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="strict")
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label=Category.GENE.value,
                                  kb_id=f"kg:mir-{match.group('id').lower()}"))
        doc.spans[LEXICON_SPANS] = filter_spans(spans)
        return doc
