"""A lemma lookup table for the parser pipeline, built from the gold lemmas of treebanks.

spaCy's lookup lemmatizer maps a token's exact text and leaves any text missing from the table
unchanged. We only put lower-case alphabetic words in the table, so acronyms and symbols
("ROS", "MSCs", "TNF-alpha", "IL-6") keep their form, and a few biomedical words whose naive
singular is wrong ("species" -> "specie") are protected.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from kg.train.corpora import ParsedSentence

# Words that are their own lemma although they end like an English plural.
PROTECTED = frozenset({
    "species", "series", "diabetes", "herpes", "rabies", "scabies", "measles", "mumps", "lupus", "status",
    "virus", "sepsis", "stasis", "analysis", "diagnosis", "prognosis", "apoptosis", "fibrosis", "necrosis",
    "metastasis", "homeostasis", "mitosis", "meiosis", "sclerosis", "thrombosis", "stenosis", "data",
    "media", "mucus", "fetus", "uterus", "nucleus", "stimulus", "focus", "locus", "corpus", "bias", "gas",
    "iris", "pelvis", "testis", "glottis", "epidermis", "dermis", "axis", "thesis", "basis", "ascites",
    "feces", "faeces", "caries", "genus", "biceps", "triceps", "chassis", "means", "news", "physics",
    "genetics", "genomics", "proteomics", "metabolomics", "kinetics", "dynamics", "statistics", "mechanics",
    "pharmacokinetics", "pharmacodynamics", "diabetes_mellitus", "pancreas", "sinus", "plexus", "hiatus",
})


def is_table_word(form: str) -> bool:
    """Only plain lower-case words are lemmatized; anything with capitals, digits or symbols is kept."""
    return form.isalpha() and form.islower()


def build_lemma_table(sentences: Iterable[ParsedSentence], min_count: int = 1) -> dict[str, str]:
    """Most frequent gold lemma of each lower-case word whose lemma differs from its form."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for sentence in sentences:
        for form, lemma in zip(sentence.words, sentence.lemmas):
            if is_table_word(form) and lemma and lemma != "_":
                counts[form][lemma.lower()] += 1
    table = {}
    for form, lemmas in counts.items():
        lemma, count = lemmas.most_common(1)[0]
        if count >= min_count and lemma != form and form not in PROTECTED and lemma.isalpha():
            table[form] = lemma
    return dict(sorted(table.items()))


def write_lemma_table(table: dict[str, str], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(table, ensure_ascii=False, indent=0), encoding="utf-8")
    return path


def tag_to_pos_patterns(sentences: Iterable[ParsedSentence]) -> list[dict]:
    """attribute_ruler patterns mapping each fine-grained (PTB) tag to its most frequent UPOS."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for sentence in sentences:
        for tag, pos in zip(sentence.tags, sentence.upos):
            if tag and tag != "_" and pos and pos != "_":
                counts[tag][pos] += 1
    return [{"patterns": [[{"TAG": tag}]], "attrs": {"POS": pos.most_common(1)[0][0]}}
            for tag, pos in sorted(counts.items())]
