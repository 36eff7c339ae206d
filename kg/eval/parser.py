"""Parser evaluation on a CoNLL-U treebank: UAS, LAS (punctuation excluded, as spaCy's scorer),
tag and POS accuracy and lemma accuracy, on the treebank's own tokens, one Doc per sentence."""

from __future__ import annotations

from pathlib import Path

from kg.errors import ConfigError
from kg.eval.ner import resolve_model, run_components


def evaluate_parser(nlp, sentences: list) -> dict:
    from spacy.scorer import Scorer
    from spacy.tokens import Doc
    from spacy.training import Example

    golds = [Doc(nlp.vocab, words=s.words, spaces=s.spaces, tags=s.tags, pos=s.upos, lemmas=s.lemmas,
                 heads=s.heads, deps=s.deps) for s in sentences]
    inputs = [Doc(nlp.vocab, words=s.words, spaces=s.spaces) for s in sentences]
    predicted, seconds = run_components(nlp, inputs)
    examples = [Example(p, g) for p, g in zip(predicted, golds)]
    scores = Scorer(nlp).score(examples)
    words = sum(len(s.words) for s in sentences)

    def pct(key: str) -> float | None:
        value = scores.get(key)
        return round(100 * value, 2) if isinstance(value, float) else None

    return {
        "uas": pct("dep_uas"), "las": pct("dep_las"), "tag_acc": pct("tag_acc"), "pos_acc": pct("pos_acc"),
        "lemma_acc": pct("lemma_acc"), "sentences": len(sentences), "words": words, "seconds": round(seconds, 3),
        "words_per_second": round(words / seconds, 1) if seconds else None,
    }


def evaluate_parser_treebank(path: Path, model: str | None, split: str) -> dict:
    import spacy

    from kg.train.corpora import read_conllu

    model_ref = resolve_model(model, "craft_parser")
    nlp = spacy.load(model_ref)
    if "parser" not in nlp.pipe_names:
        raise ConfigError(f"model {model_ref} has no 'parser' component")
    result = evaluate_parser(nlp, list(read_conllu(path)))
    return {"treebank": str(path.name), "split": split, "model": model or "kg:craft_parser", **result}
