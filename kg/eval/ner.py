"""NER evaluation: CoNLL-style exact-span precision/recall/F1 on a corpus's own tokenization.

Docs are built from the gold tokens and the pipeline's components run on them directly, skipping
its tokenizer, so tokenization differences cannot cost or earn points.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ConfigError
from kg.eval.scores import PRF

Span = tuple[int, int, str]  # start token, end token (exclusive), label


@dataclass
class SpanScores:
    overall: PRF = field(default_factory=PRF)
    per_type: dict[str, PRF] = field(default_factory=dict)

    def add(self, gold: set[Span], predicted: set[Span]) -> None:
        for span in predicted & gold:
            self._count(span[2], "tp")
        for span in predicted - gold:
            self._count(span[2], "fp")
        for span in gold - predicted:
            self._count(span[2], "fn")

    def _count(self, label: str, kind: str) -> None:
        setattr(self.overall, kind, getattr(self.overall, kind) + 1)
        prf = self.per_type.setdefault(label, PRF())
        setattr(prf, kind, getattr(prf, kind) + 1)


def score_spans(pairs: Iterable[tuple[set[Span], set[Span]]]) -> SpanScores:
    """Exact-match scores over (gold, predicted) span sets: a prediction counts only when its start,
    end and label all match a gold span (CoNLL conlleval)."""
    scores = SpanScores()
    for gold, predicted in pairs:
        scores.add(gold, predicted)
    return scores


def resolve_model(spec: str | None, default_name: str) -> str:
    """``kg:NAME`` -> our shipped model dir; an existing path; otherwise an installed package name."""
    from kg.resources import models_dir

    spec = spec or f"kg:{default_name}"
    if spec.startswith("kg:"):
        path = models_dir() / spec[3:]
        if not (path / "config.cfg").is_file():
            raise ConfigError(f"no shipped model {spec!r} (looked in {path}); train it with `kg train`")
        return str(path)
    if Path(spec).exists():
        return spec
    import spacy.util

    if not spacy.util.is_package(spec):
        raise ConfigError(f"model {spec!r} is neither a kg:NAME, a path, nor an installed spaCy package")
    return spec


def run_components(nlp, docs: list, batch_size: int = 64) -> tuple[list, float]:
    """Apply every pipeline component (not the tokenizer); returns docs and seconds spent."""
    started = time.perf_counter()
    stream: Iterable = docs
    for _, proc in nlp.pipeline:
        stream = proc.pipe(stream, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, stream)
    out = list(stream)
    return out, time.perf_counter() - started


def evaluate_ner(nlp, sentences: list, per_doc: int = 10) -> dict:
    """Scores of ``nlp`` on gold ``TaggedSentence``s; predicted labels outside the corpus's label set
    are counted separately and not scored (a model trained on other labels is judged on these)."""
    from spacy.tokens import Doc

    from kg.train.corpora import iob_spans

    labels = {tag[2:] for s in sentences for tag in s.tags if tag != "O"}
    docs, golds = [], []
    for first in range(0, len(sentences), per_doc):
        group = sentences[first : first + per_doc]
        words = [w for s in group for w in s.words]
        tags = [t for s in group for t in s.tags]
        starts = [i == 0 for s in group for i in range(len(s.words))]
        docs.append(Doc(nlp.vocab, words=words, spaces=[True] * len(words), sent_starts=starts))
        golds.append(iob_spans(tags))
    predicted_docs, seconds = run_components(nlp, docs)
    ignored: Counter[str] = Counter()
    pairs = []
    for doc, gold in zip(predicted_docs, golds):
        predicted = set()
        for ent in doc.ents:
            label = ent.label_.upper()
            if label in labels:
                predicted.add((ent.start, ent.end, label))
            else:
                ignored[label] += 1
        pairs.append((gold, predicted))
    scores = score_spans(pairs)
    words = sum(len(d) for d in docs)
    return {
        **{k: v for k, v in scores.overall.as_dict().items()},
        "per_type": {label: prf.as_dict() for label, prf in sorted(scores.per_type.items())},
        "labels": sorted(labels),
        "ignored_predicted_labels": dict(ignored),
        "sentences": len(sentences),
        "docs": len(docs),
        "words": words,
        "seconds": round(seconds, 3),
        "words_per_second": round(words / seconds, 1) if seconds else None,
        "docs_per_second": round(len(docs) / seconds, 2) if seconds else None,
    }


def evaluate_ner_corpus(corpus: str, split: str, model: str | None, corpora_dir: Path) -> dict:
    import spacy

    from kg.train.corpora import corpus_split_path, read_iob

    sentences = list(read_iob(corpus_split_path(corpora_dir, corpus, split)))
    model_ref = resolve_model(model, corpus)
    nlp = spacy.load(model_ref)
    if not any("doc.ents" in nlp.get_pipe_meta(name).assigns for name in nlp.pipe_names):
        raise ConfigError(f"model {model_ref} has no component that sets entities")
    result = evaluate_ner(nlp, sentences)
    return {"corpus": corpus, "split": split, "model": model or f"kg:{corpus}", **result}
