"""The components that follow a trained ``ner``: the MeSH dictionary (kg/nlp/dictionary.py, fitted
to a corpus) and document consistency (kg/nlp/consistency.py, always last)."""

from __future__ import annotations

from pathlib import Path

from kg.errors import ConfigError
from kg.train.corpora import corpus_split_path, iob_spans, read_iob

# Corpora whose labels MeSH categories map onto, and how.
DICTIONARY_LABELS: dict[str, dict[str, str]] = {
    "bc5cdr": {"ChemicalEntity": "CHEMICAL", "Disease": "DISEASE"},
    "bionlp13cg": {"ChemicalEntity": "SIMPLE_CHEMICAL", "Cell": "CELL"},
}
# Corpora whose annotators tag MeSH supplementary chemicals (BC5CDR's ids are half C... records:
# "loreclezole", "beraprost", "coenzyme Q10"); on BC5CDR dev the train-only model's chemical F1 rose
# 88.88 -> 89.29 with them.
SUPPLEMENTARY_CHEMICALS = {"bc5cdr"}
# Corpora whose annotators mark the longest name ("acute renal failure", "13-cis-retinoic acid"):
# the dictionary lengthens a model entity to the MeSH name around it. BC5CDR dev, train-only
# model: F1 85.02 -> 86.24 (Disease 79.70 -> 81.86, Chemical 89.29 -> 89.76). BioNLP13CG dev
# (train-only model, chemical and cell names only) moved 76.98 -> 77.01: left off there.
EXTEND_ENTITIES = {"bc5cdr"}
COMPONENT = "kg_dictionary_ner"
CONSISTENCY = "kg_doc_consistency"
TRANSFORMER_NER = "kg_transformer_ner"


def add_dictionary_ner(nlp, corpus: str, corpora_dir: Path) -> dict:
    """Add (or refit) the dictionary component after ``ner``, its stoplist learned from the train split."""
    labels = DICTIONARY_LABELS.get(corpus)
    if labels is None:
        raise ConfigError(f"no dictionary label map for corpus {corpus!r} (have: {', '.join(DICTIONARY_LABELS)})")
    if COMPONENT in nlp.pipe_names:
        nlp.remove_pipe(COMPONENT)
    component = nlp.add_pipe(COMPONENT, after="ner", config={
        "labels": labels, "supplementary": corpus in SUPPLEMENTARY_CHEMICALS,
        "extend_entities": corpus in EXTEND_ENTITIES})
    train = read_iob(corpus_split_path(corpora_dir, corpus, "train"))
    return component.fit((s.words, iob_spans(s.tags)) for s in train)


def finish_ner_pipeline(nlp, corpus: str, corpora_dir: Path) -> dict | None:
    """What follows a trained ``ner``: the corpus tokenizer (raw text cut as the IOB training files
    are, before the dictionary tokenizes its names), the dictionary where the corpus has a label map
    (its fit counts are returned), and document consistency last after a CNN ``ner``.

    A fine-tuned encoder reads the whole window, so it is consistent enough on its own: on
    BioNLP13CG dev (train-only MiniLM) document consistency moved F1 77.58 -> 77.52 and the
    dictionary 77.58 -> 77.62; the dictionary stays (it also brings MeSH names into domain text)."""
    from kg.train.spacy_registry import corpus_tokenizer

    nlp.tokenizer = corpus_tokenizer(nlp)
    fitted = add_dictionary_ner(nlp, corpus, corpora_dir) if corpus in DICTIONARY_LABELS else None
    if nlp.get_pipe_meta("ner").factory == TRANSFORMER_NER:
        if CONSISTENCY in nlp.pipe_names:
            nlp.remove_pipe(CONSISTENCY)
    else:
        add_doc_consistency(nlp)
    return fitted


def add_doc_consistency(nlp) -> None:
    """Put document consistency last, after every component that sets entities."""
    if CONSISTENCY in nlp.pipe_names:
        nlp.remove_pipe(CONSISTENCY)
    nlp.add_pipe(CONSISTENCY, last=True)
