"""spaCy registry functions used while training (referenced from pipelines/training/*.cfg).

They are needed only by ``spacy train``/``nlp.initialize``: a saved pipeline keeps the tokenizer
rules serialized in its ``tokenizer`` file, so ``spacy.load`` needs no code from kg.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import spacy


class TrainingTimeUp(Exception):
    """Raised between updates when the wall-clock budget is spent; spaCy has saved model-best already."""


# scispaCy keeps hyphenated words whole ("TNF-alpha", "IL-6", "5-FU"), but the NER corpora split
# "Cisplatin-induced" into "Cisplatin - induced" and annotate the left part. We additionally split a
# hyphen that precedes a lower-case participle ("-induced", "-treated", "-binding"), so such
# entities are reachable on raw text while names like "TNF-alpha" stay one token.
HYPHEN_PARTICIPLE_INFIX = r"(?<=[A-Za-z0-9\)\]])-(?=[a-z]{2,}(?:ed|ing)\b)"


def biomedical_tokenizer(nlp):
    """scispaCy's combined rule tokenizer plus the hyphen-participle split."""
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    tokenizer = combined_rule_tokenizer(nlp)
    infix_pattern = tokenizer.infix_finditer.__self__.pattern
    tokenizer.infix_finditer = re.compile(f"{HYPHEN_PARTICIPLE_INFIX}|{infix_pattern}").finditer
    return tokenizer


def corpus_tokenizer(nlp):
    """The tokenization of the NER corpora' IOB files: runs of letters and digits, and every other
    character alone ("Ca(2+)" -> "Ca ( 2 + )", "amlodipine/benazapril" -> "amlodipine / benazapril",
    "thallium-201" -> "thallium - 201"). NER models learn from those tokens, so they tag raw text
    best when it is cut the same way: an entity inside a longer scispaCy token ("Ca(2+)-induced")
    cannot be tagged at all. A plain spaCy tokenizer with one-character prefix, suffix and infix
    rules, so it serializes with the model and loading needs no kg code.
    """
    from spacy.tokenizer import Tokenizer

    return Tokenizer(nlp.vocab, rules={}, prefix_search=re.compile(r"^(?:[^\w\s]|_)").search,
                     suffix_search=re.compile(r"(?:[^\w\s]|_)$").search,
                     infix_finditer=re.compile(r"[^\w\s]|_").finditer)


@spacy.registry.callbacks("kg.scispacy_tokenizer.v1")
def use_scispacy_tokenizer() -> Callable:
    """Replace the tokenizer with :func:`biomedical_tokenizer` before initialization."""

    def replace(nlp):
        nlp.tokenizer = biomedical_tokenizer(nlp)
        return nlp

    return replace


@spacy.registry.callbacks("kg.stop_after_minutes.v1")
def stop_after_minutes(minutes: float) -> Callable:
    """A ``[training] before_update`` hook that stops training after ``minutes`` of wall clock.

    Zero or less means no limit.
    """
    started = time.monotonic()

    def check(nlp, info) -> None:
        if minutes > 0 and time.monotonic() - started > minutes * 60:
            raise TrainingTimeUp(f"stopped after {minutes:g} minutes at step {info['step']}")

    return check


@spacy.registry.misc("kg.lemma_lookups.v1")
def lemma_lookups(path: str):
    """A ``Lookups`` with a ``lemma_lookup`` table read from a JSON file (for the lookup lemmatizer)."""
    import srsly
    from spacy.lookups import Lookups

    lookups = Lookups()
    lookups.add_table("lemma_lookup", srsly.read_json(path))
    return lookups
