"""Static word vectors trained with gensim word2vec on the training/dev text of the shared corpora.

Test splits are never read, so no test text leaks into the vectors. Words are lower-cased for
training so the table stays small enough to ship; every cased form seen in the text (plus the
capitalised and upper-case variants) points at its lower-case row, because spaCy's default vectors
are keyed by ORTH and do not persist another key attribute.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.train.corpora import NER_CORPORA, SPLIT_FILES, read_conllu, read_iob


def training_sentences(corpora_dir: Path, treebanks_dir: Path) -> Iterator[list[str]]:
    """Token lists from every corpus's train/dev split and the CRAFT/GENIA treebanks'
    train/dev files (no test split of anything)."""
    for corpus in NER_CORPORA:
        folder = corpora_dir / corpus / "iob" if corpus == "bc5cdr" else corpora_dir / corpus
        for split in ("train", "dev"):
            path = folder / SPLIT_FILES[split]
            if path.is_file():
                for sentence in read_iob(path):
                    yield sentence.words
    for path in (treebanks_dir / "craft" / "craft-train.conllu", treebanks_dir / "craft" / "craft-dev.conllu",
                 treebanks_dir / "genia" / "dev.conllu"):
        if path.is_file():
            for sentence in read_conllu(path):
                yield sentence.words


def build_vectors(corpora_dir: Path, treebanks_dir: Path, output: Path, *, dim: int = 100,
                  min_count: int = 3, max_words: int = 20000, seed: int = 0, workers: int = 2) -> dict:
    """Train word2vec and save a blank spaCy pipeline holding the vectors (for ``[initialize] vectors``)."""
    import numpy
    import spacy
    from gensim.models import Word2Vec
    from spacy.vectors import Vectors

    cased = list(training_sentences(corpora_dir, treebanks_dir))
    sentences = [[w.lower() for w in words] for words in cased]
    model = Word2Vec(sentences, vector_size=dim, window=5, min_count=min_count, sg=1, negative=10,
                     epochs=8, seed=seed, workers=workers)
    words = model.wv.index_to_key[:max_words]  # ordered by frequency
    nlp = spacy.blank("en")
    table = numpy.asarray([model.wv[w] for w in words], dtype="float32")
    vectors = Vectors(strings=nlp.vocab.strings, data=table, keys=[nlp.vocab.strings.add(w) for w in words])
    row_of = {w: i for i, w in enumerate(words)}
    forms = {form for words_ in cased for form in words_} | {v for w in words for v in (w.capitalize(), w.upper())}
    for form in forms:
        row = row_of.get(form.lower())
        if row is not None and form not in row_of:
            vectors.add(nlp.vocab.strings.add(form), row=row)
    nlp.vocab.vectors = vectors
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    return {"sentences": len(sentences), "tokens": sum(map(len, sentences)), "words": len(words), "keys": vectors.n_keys, "dim": dim}
