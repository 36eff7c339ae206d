"""Trained relation classifier: entity pairs in context -> BioRED relation types -> our directed types.

Model (scikit-learn, CPU, milliseconds per abstract). Two logistic regressions over the sparse
features of ``kg.relations.features``:

* a **detector** P(related | entity pair): is any relation annotated between the two entities;
* a **typer** P(BioRED type | related pair), trained on the related pairs only, on features of
  same-sentence evidence (cross-sentence evidence helps detection but blurs the type).

The score of a predicted relation is P(related and type) = P(related) * P(type | related); both it
and P(related) are recalibrated with Platt scaling fitted on out-of-fold predictions over the
training set (5 folds, grouped by document). A pair is kept when its calibrated P(related) reaches
a threshold chosen on the same out-of-fold predictions, so the development split stays unseen
until evaluation.

Candidates are entity pairs (grouped by id, or by text when unlinked) of BioRED's classes
(chemical, gene, disease/phenotype, variant) with a mention of each within one sentence of the
other; the evidence of a predicted pair is the mention pair that contributes most to the detector's
score, so each relation points at the sentence (or two neighbouring sentences) that supports it.

BioRED type -> our type. Direction: a disease is always the object; otherwise the subject is the
entity named first in the evidence, or the second one after a passive-agent marker such as "by"
("ROS production was decreased by Nrf2"):

| BioRED | object Disease | object Gene/Chemical/Variant |
|---|---|---|
| Positive_Correlation | CAUSES (chemical/variant subject), ASSOCIATED_WITH (gene subject) | INCREASES |
| Negative_Correlation | TREATS (chemical subject), PREVENTS (gene/variant subject) | DECREASES |
| Association | ASSOCIATED_WITH | ASSOCIATED_WITH |
| Bind, Drug_Interaction | INTERACTS_WITH | INTERACTS_WITH |
| Cotreatment, Comparison, Conversion | not emitted (no type in our vocabulary) | |
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ConfigError
from kg.relations.epistemics import NEGATION_CUES, epistemics
from kg.relations.features import (
    CLASS_PRECEDENCE,
    MentionPair,
    PairInstance,
    TOKEN_PATTERN,
    pair_instances,
)
from kg.resources import models_dir
from kg.types import AnnotatedDoc, Document, Epistemics, Evidence, Mention, Relation, Sentence
from kg.vocab import Category, RelationType

log = logging.getLogger(__name__)

EXTRACTOR = "classifier"
NONE = "None"
BIORED_TYPES = ("Association", "Positive_Correlation", "Negative_Correlation", "Bind", "Cotreatment",
                "Comparison", "Drug_Interaction", "Conversion")
MODEL_FILE = "classifier.joblib"
CROSS_SENTENCE_PREFIX = "x:"  # features of mention pairs in neighbouring sentences (see features.py)


# Our types -> BioRED's, for evaluation and for comparing pattern and classifier relations.
# Types with no BioRED counterpart (DERIVED_FROM, LOCATED_IN, IS_A, ...) are absent.
OUR_TO_BIORED: dict[RelationType, str] = {
    RelationType.INCREASES: "Positive_Correlation",
    RelationType.CAUSES: "Positive_Correlation",
    RelationType.DECREASES: "Negative_Correlation",
    RelationType.TREATS: "Negative_Correlation",
    RelationType.PREVENTS: "Negative_Correlation",
    RelationType.ASSOCIATED_WITH: "Association",
    RelationType.REGULATES: "Association",
    RelationType.INTERACTS_WITH: "Bind",
}


def to_biored(relation: Relation) -> str | None:
    """BioRED's type for one of our relations: ``OUR_TO_BIORED``, except that a gene's causal role in
    a disease ("mutations in NPHS2 cause nephrotic syndrome") is an Association in BioRED's guideline,
    which keeps Positive_Correlation for amounts or activities that rise together with a disease."""
    if (relation.type is RelationType.CAUSES and relation.subject.category is Category.GENE
            and relation.object.category in (Category.DISEASE, Category.PHENOTYPE)):
        return "Association"
    return OUR_TO_BIORED.get(relation.type)


def default_model_path() -> Path:
    return models_dir() / "relations" / MODEL_FILE


def map_biored_type(biored_type: str, subject_class: str, object_class: str) -> RelationType | None:
    """Our directed type for a BioRED type, given the classes of subject and object (see module doc)."""
    if biored_type == "Positive_Correlation":
        if object_class == "Dis":
            # a gene whose level rises with a disease is correlated with it, not shown to cause it
            return RelationType.ASSOCIATED_WITH if subject_class == "Gene" else RelationType.CAUSES
        return RelationType.INCREASES
    if biored_type == "Negative_Correlation":
        if object_class == "Dis":
            return RelationType.TREATS if subject_class == "Chem" else RelationType.PREVENTS
        return RelationType.DECREASES
    if biored_type == "Association":
        return RelationType.ASSOCIATED_WITH
    if biored_type in ("Bind", "Drug_Interaction"):
        return RelationType.INTERACTS_WITH
    return None


# Words between two mentions that put the agent second: "HO-1 was induced by cisplatin".
PASSIVE_AGENT_MARKERS = frozenset({"by", "after", "following", "upon"})


def subject_first(a_class: str, b_class: str, a_first_in_text: bool, between: list[str] = ()) -> bool:
    """Whether entity a is the subject. A disease is always the object (class precedence Chemical >
    Variant > Gene > Disease decides pairs with a disease); otherwise the entity named first, unless
    a passive-agent marker ("by") between the two puts the agent second."""
    if "Dis" in (a_class, b_class) and a_class != b_class:
        return CLASS_PRECEDENCE[a_class] < CLASS_PRECEDENCE[b_class]
    first_is_agent = not any(word in PASSIVE_AGENT_MARKERS for word in between)
    return a_first_in_text == first_is_agent


def simple_sentences(document: Document) -> list[Sentence]:
    """Sentences for training without the full NLP stage: title and abstract split separately
    with spaCy's rule sentencizer over the scispaCy tokenizer (as the NLP stage does without a parser)."""
    nlp = _sentencizer()
    out: list[Sentence] = []
    offset = 0
    for part in (document.title, document.abstract):
        if part:
            for sent in nlp(part).sents:
                text = sent.text.strip()
                if text:
                    start = offset + sent.start_char + sent.text.find(text)
                    out.append(Sentence(index=len(out), start=start, end=start + len(text), text=text))
            offset += len(part) + 1  # the one-character title/abstract separator of Document.text
    return out


_SENTENCIZER = None


def _sentencizer():
    global _SENTENCIZER
    if _SENTENCIZER is None:
        import spacy
        from scispacy.custom_tokenizer import combined_rule_tokenizer

        nlp = spacy.blank("en")
        nlp.tokenizer = combined_rule_tokenizer(nlp)
        nlp.add_pipe("sentencizer")
        _SENTENCIZER = nlp
    return _SENTENCIZER


@dataclass
class PairPrediction:
    """A document-level prediction for one entity pair (probabilities after calibration)."""

    instance: PairInstance
    biored_type: str
    pair_probability: float  # P(related)
    type_probability: float  # P(type | related), uncalibrated
    score: float  # P(related and this type)

    @property
    def key(self) -> tuple[str, str]:
        return self.instance.key


@dataclass(frozen=True)
class PlattScaling:
    """Maps a model probability p to sigmoid(slope * logit(p) + intercept), fitted on out-of-fold
    predictions: logistic regression on few hundred features is over-confident at both ends."""

    slope: float = 1.0
    intercept: float = 0.0

    def __call__(self, p):
        import numpy as np

        p = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
        return 1.0 / (1.0 + np.exp(-(self.slope * np.log(p / (1 - p)) + self.intercept)))

    @classmethod
    def fit(cls, probabilities, outcomes, seed: int = 0) -> "PlattScaling":
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        p = np.clip(np.asarray(probabilities, dtype=float), 1e-6, 1 - 1e-6)
        logit = np.log(p / (1 - p)).reshape(-1, 1)
        model = LogisticRegression(C=1e6, random_state=seed).fit(logit, np.asarray(outcomes, dtype=bool))
        return cls(float(model.coef_[0][0]), float(model.intercept_[0]))


def vectorize(vectorizer, rows: list[dict[str, float]]):
    """``DictVectorizer.transform`` for numeric features, without its per-value type checks
    (three times faster; the transform dominated prediction time)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    vocabulary = vectorizer.vocabulary_
    indices: list[int] = []
    values: list[float] = []
    indptr = [0]
    for row in rows:
        for name, value in row.items():
            column = vocabulary.get(name)
            if column is not None:
                indices.append(column)
                values.append(value)
        indptr.append(len(indices))
    matrix = csr_matrix((np.asarray(values, dtype=np.float64), np.asarray(indices, dtype=np.int32), indptr),
                        shape=(len(rows), len(vocabulary)))
    matrix.sum_duplicates()
    return matrix


def _typer_features(features: dict[str, float]) -> dict[str, float]:
    return {k: v for k, v in features.items() if not k.startswith(CROSS_SENTENCE_PREFIX)}


class RelationClassifier:
    """Document-level entity-pair classifier with sentence evidence; see the module docstring."""

    def __init__(self, detector, detector_vectorizer, typer, typer_vectorizer, threshold: float,
                 window: int = 1, meta: dict | None = None, pair_calibration: PlattScaling = PlattScaling(),
                 typed_calibration: PlattScaling = PlattScaling()):
        self.detector = detector
        self.detector_vectorizer = detector_vectorizer
        self.typer = typer
        self.typer_vectorizer = typer_vectorizer
        self.threshold = threshold
        self.window = window
        self.meta = meta or {}
        self.pair_calibration = pair_calibration
        self.typed_calibration = typed_calibration
        self._positive = list(detector.classes_).index(True)
        self._detector_weights = detector.coef_[0]

    # -- persistence -----------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> "RelationClassifier":
        import joblib
        import sklearn

        path = Path(path) if path else default_model_path()
        if not path.is_file():
            raise ConfigError(f"relation classifier weights not found at {path}; run `kg train relations`")
        bundle = joblib.load(path)
        if bundle.get("meta", {}).get("sklearn") != sklearn.__version__:
            log.warning("relation classifier was trained with scikit-learn %s, running %s",
                        bundle.get("meta", {}).get("sklearn"), sklearn.__version__)
        return cls(bundle["detector"], bundle["detector_vectorizer"], bundle["typer"], bundle["typer_vectorizer"],
                   bundle["threshold"], bundle.get("window", 1), bundle.get("meta"),
                   PlattScaling(*bundle.get("pair_calibration", (1.0, 0.0))),
                   PlattScaling(*bundle.get("typed_calibration", (1.0, 0.0))))

    def save(self, path: str | Path | None = None) -> Path:
        import joblib

        path = Path(path) if path else default_model_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump({"detector": self.detector, "detector_vectorizer": self.detector_vectorizer,
                     "typer": self.typer, "typer_vectorizer": self.typer_vectorizer,
                     "threshold": self.threshold, "window": self.window, "meta": self.meta,
                     "pair_calibration": (self.pair_calibration.slope, self.pair_calibration.intercept),
                     "typed_calibration": (self.typed_calibration.slope, self.typed_calibration.intercept)},
                    path, compress=3)
        return path

    # -- prediction ------------------------------------------------------------------------------
    def score_instances(self, instances: list[PairInstance]) -> list[PairPrediction]:
        """Best type and probabilities for every candidate pair (no threshold)."""
        if not instances:
            return []
        pair_p = self.detector.predict_proba(
            vectorize(self.detector_vectorizer, [i.features for i in instances]))[:, self._positive]
        type_p = self.typer.predict_proba(
            vectorize(self.typer_vectorizer, [_typer_features(i.features) for i in instances]))
        classes = list(self.typer.classes_)
        best = type_p.argmax(axis=1)
        best_p = type_p[range(len(instances)), best]
        calibrated_pair = self.pair_calibration(pair_p)
        calibrated_typed = self.typed_calibration(pair_p * best_p)
        return [PairPrediction(instance, classes[b], float(cp), float(tp), float(ct))
                for instance, b, cp, tp, ct in zip(instances, best, calibrated_pair, best_p, calibrated_typed)]

    def predict_pairs(self, adoc: AnnotatedDoc, ids_of: Callable[[Mention], list[str]] | None = None,
                      threshold: float | None = None) -> list[PairPrediction]:
        """Entity pairs of a document predicted as related (BioRED's document-level unit)."""
        threshold = self.threshold if threshold is None else threshold
        scored = self.score_instances(pair_instances(adoc, self.window, ids_of))
        return [p for p in scored if p.pair_probability >= threshold]

    def predict(self, adoc: AnnotatedDoc, threshold: float | None = None) -> list[Relation]:
        """Typed, directed relations with evidence for the pairs predicted as related."""
        relations = []
        for prediction in self.predict_pairs(adoc, threshold=threshold):
            relation = self.to_relation(adoc, prediction)
            if relation is not None:
                relations.append(relation)
        return relations

    def best_evidence(self, instance: PairInstance) -> MentionPair:
        """The mention pair whose own features weigh most for the detector (same sentence first)."""
        pairs = instance.mention_pairs
        rows = vectorize(self.detector_vectorizer, [
            mp.features if mp.window[0] == mp.window[1]
            else {CROSS_SENTENCE_PREFIX + k: v for k, v in mp.features.items()} for mp in pairs])
        contributions = rows @ self._detector_weights
        sign = 1.0 if self._positive == 1 else -1.0
        ranked = sorted(range(len(pairs)), key=lambda i: (pairs[i].window[1] - pairs[i].window[0],
                                                          -sign * contributions[i]))
        return pairs[ranked[0]]

    def to_relation(self, adoc: AnnotatedDoc, prediction: PairPrediction) -> Relation | None:
        instance = prediction.instance
        a, b = instance.a, instance.b
        mp = self.best_evidence(instance)
        a_mention, b_mention = (mp.first, mp.second) if mp.first_is_a else (mp.second, mp.first)
        between = [w.lower() for w in TOKEN_PATTERN.findall(adoc.document.text[mp.first.end:mp.second.start])]
        a_is_subject = subject_first(a.cls, b.cls, mp.first_is_a, between)
        subject_group, object_group = (a, b) if a_is_subject else (b, a)
        subject, obj = (a_mention, b_mention) if a_is_subject else (b_mention, a_mention)
        rtype = map_biored_type(prediction.biored_type, subject_group.cls, object_group.cls)
        if rtype is None:
            return None
        first_sentence = adoc.sentences[mp.window[0]]
        last_sentence = adoc.sentences[mp.window[1]]
        start = first_sentence.start
        text = adoc.document.text[start:last_sentence.end]
        return Relation(
            subject=subject, object=obj, type=rtype,
            evidence=Evidence(
                doc_id=adoc.document.id, sentence=text, sentence_index=first_sentence.index,
                subject_text=subject.text, object_text=obj.text,
                subject_span=(subject.start - start, subject.end - start),
                object_span=(obj.start - start, obj.end - start),
                trigger="", extractor=EXTRACTOR, score=round(min(1.0, max(0.0, prediction.score)), 4),
                epistemics=pair_epistemics(text, mp.first.start - start, mp.first.end - start,
                                           mp.second.start - start),
            ),
        )


# Nouns that name a relation, so that a negation in front of them negates the pair that follows:
# "no significant association between X and Y", "lack of correlation between X and Y".
RELATION_NOUNS = frozenset({"association", "associations", "correlation", "correlations", "relationship",
                            "relationships", "relation", "link", "linkage", "effect", "effects",
                            "difference", "differences", "interaction", "interactions", "evidence"})
NOUN_NEGATION_REACH = 6  # tokens before the first mention where "no ... association" may start
CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "but", "whereas", "while", "although"})


def pair_epistemics(text: str, first_start: int, first_end: int, second_start: int) -> Epistemics:
    """Negation and hedging for a pair without a trigger word. Negation: a cue between the two
    mentions just before the second ("X was not associated with Y"), or a cue right before a relation
    noun that introduces the pair ("no association between X and Y"). Hedging: any cue before the
    second mention."""
    words, ends = [], []
    for match in TOKEN_PATTERN.finditer(text):
        words.append(match.group().lower())
        ends.append(match.end())
    first = sum(1 for e in ends if e <= first_start)
    floor = sum(1 for e in ends if e <= first_end)
    second = sum(1 for e in ends if e <= second_start)
    found = epistemics(words, second, floor)
    # the cue, its relation noun and the first mention in one clause: "no effect, X reduced Y" is not it
    nominal = [words[i] for i in range(max(0, first - NOUN_NEGATION_REACH), first)
               if words[i] in NEGATION_CUES and any(w in RELATION_NOUNS for w in words[i + 1:min(i + 4, first)])
               and not any(w in CLAUSE_BREAKS for w in words[i + 1:first])]
    if nominal and not found.negated:
        return Epistemics(negated=True, hedged=found.hedged, cues=sorted(set(found.cues) | set(nominal)))
    return found


# -- training ------------------------------------------------------------------------------------
@dataclass
class TrainingReport:
    documents: int
    candidates: int
    related: int
    threshold: float
    oof_pair_f1: float
    oof_pair_type_f1: float
    seconds: float
    path: str = ""


def training_instances(gold_docs: Iterable, window: int = 1) -> tuple[list[PairInstance], list[str], list[str]]:
    """Candidate pairs of gold documents with their labels (BioRED type or ``None``) and doc ids."""
    from kg.relations.biored import mention_ids

    instances, labels, doc_ids = [], [], []
    for gd in gold_docs:
        adoc = AnnotatedDoc(document=gd.document, sentences=simple_sentences(gd.document), mentions=gd.mentions)
        gold = {r.pair: r.type for r in gd.relations}
        for instance in pair_instances(adoc, window, mention_ids):
            instances.append(instance)
            labels.append(gold.get(frozenset(instance.key), NONE))
            doc_ids.append(gd.document.id)
    return instances, labels, doc_ids


def _fit(instances: list[PairInstance], labels: list[str], seed: int, c_detector: float, c_typer: float):
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    y = np.array(labels)
    related = y != NONE
    dvec = DictVectorizer()
    x = dvec.fit_transform([i.features for i in instances])
    detector = LogisticRegression(C=c_detector, max_iter=3000, random_state=seed).fit(x, related)
    tvec = DictVectorizer()
    xt = tvec.fit_transform([_typer_features(instances[i].features) for i in np.flatnonzero(related)])
    typer = LogisticRegression(C=c_typer, max_iter=3000, random_state=seed).fit(xt, y[related])
    return detector, dvec, typer, tvec


def pair_scores(predicted: set, gold: set) -> tuple[float, float, float]:
    """Precision, recall, F1 (0-100) of two sets."""
    tp = len(predicted & gold)
    p = 100.0 * tp / len(predicted) if predicted else 0.0
    r = 100.0 * tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def train_classifier(train_files: list[Path], seed: int = 13, window: int = 1, folds: int = 5,
                     c_detector: float = 1.0, c_typer: float = 3.0, out: Path | None = None,
                     progress: Callable[[str], None] = lambda message: None) -> tuple[RelationClassifier, TrainingReport]:
    """Train on BioRED-format PubTator files; the threshold comes from out-of-fold predictions."""
    import numpy as np
    import sklearn

    from kg.relations.biored import read_pubtator

    started = time.time()
    gold_docs = [gd for path in train_files for gd in read_pubtator(path)]
    progress(f"featurizing {len(gold_docs)} documents")
    instances, labels, doc_ids = training_instances(gold_docs, window)
    gold_pairs = {(gd.document.id, r.pair) for gd in gold_docs for r in gd.relations}
    gold_typed = {(gd.document.id, r.pair, r.type) for gd in gold_docs for r in gd.relations}

    # Out-of-fold probabilities, folds by document, to choose the detection threshold.
    rng = np.random.default_rng(seed)
    docs = sorted(set(doc_ids))
    fold_of = dict(zip(docs, rng.permutation(len(docs)) % folds))
    oof: list[PairPrediction | None] = [None] * len(instances)
    for fold in range(folds):
        progress(f"cross-validation fold {fold + 1}/{folds}")
        train_idx = [i for i, d in enumerate(doc_ids) if fold_of[d] != fold]
        test_idx = [i for i, d in enumerate(doc_ids) if fold_of[d] == fold]
        model = RelationClassifier(*_fit([instances[i] for i in train_idx], [labels[i] for i in train_idx],
                                         seed, c_detector, c_typer), threshold=0.5, window=window)
        for i, prediction in zip(test_idx, model.score_instances([instances[i] for i in test_idx])):
            oof[i] = prediction
    related = [y != NONE for y in labels]
    pair_calibration = PlattScaling.fit([p.pair_probability for p in oof], related, seed)
    typed_calibration = PlattScaling.fit([p.score for p in oof],
                                         [p.biored_type == y for p, y in zip(oof, labels)], seed)
    for p in oof:
        p.pair_probability = float(pair_calibration(p.pair_probability))
    best = (0.5, 0.0, 0.0)
    for threshold in np.arange(0.10, 0.71, 0.025):
        kept = [(doc_ids[i], frozenset(p.key), p.biored_type) for i, p in enumerate(oof) if p.pair_probability >= threshold]
        typed_f1 = pair_scores(set(kept), gold_typed)[2]
        if typed_f1 > best[2]:
            best = (float(round(threshold, 3)), pair_scores({k[:2] for k in kept}, gold_pairs)[2], typed_f1)
    progress(f"threshold {best[0]} (out-of-fold pair F1 {best[1]:.1f}, pair+type F1 {best[2]:.1f}); final fit")
    meta = {"sklearn": sklearn.__version__, "seed": seed, "trained_on": [Path(p).name for p in train_files],
            "documents": len(gold_docs), "c_detector": c_detector, "c_typer": c_typer,
            "oof_pair_f1": round(best[1], 2), "oof_pair_type_f1": round(best[2], 2)}
    meta |= {"pair_calibration": [round(pair_calibration.slope, 4), round(pair_calibration.intercept, 4)],
             "typed_calibration": [round(typed_calibration.slope, 4), round(typed_calibration.intercept, 4)]}
    classifier = RelationClassifier(*_fit(instances, labels, seed, c_detector, c_typer), threshold=best[0],
                                    window=window, meta=meta, pair_calibration=pair_calibration,
                                    typed_calibration=typed_calibration)
    path = classifier.save(out)
    report = TrainingReport(len(gold_docs), len(instances), sum(1 for y in labels if y != NONE), best[0],
                            round(best[1], 2), round(best[2], 2), round(time.time() - started, 1), str(path))
    return classifier, report
