"""Linking evaluation on BC5CDR and BioRED: document-level concept P/R/F1 against gold ids.

The BC5CDR convention: for each document, the set of (type, id) pairs found is compared with the
gold set (composite mentions contribute each of their ids; ``-1`` ids are ignored); counts are
summed over documents (micro average). Predictions whose id is not in the gold id space
(kg-local ids, ids without a MeSH/NCBI Gene equivalent) count as "no id", as ``-1`` does in gold.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ConfigError
from kg.sources import complete_records, read_pubtator_annotations
from kg.vocab import Category
from kg.eval.scores import PRF

CORPUS_FILES = {
    ("bc5cdr", "train"): "bc5cdr/CDR_TrainingSet.PubTator.txt",
    ("bc5cdr", "dev"): "bc5cdr/CDR_DevelopmentSet.PubTator.txt",
    ("bc5cdr", "test"): "bc5cdr/CDR_TestSet.PubTator.txt",
    ("biored", "train"): "biored/Train.PubTator",
    ("biored", "dev"): "biored/Dev.PubTator",
}
# Gold entity type -> (our category, the name the scores are reported under)
TYPE_MAP = {
    "Chemical": (Category.CHEMICAL, "Chemical"),
    "ChemicalEntity": (Category.CHEMICAL, "Chemical"),
    "Disease": (Category.DISEASE, "Disease"),
    "DiseaseOrPhenotypicFeature": (Category.DISEASE, "Disease"),
    "GeneOrGeneProduct": (Category.GENE, "Gene"),
}
CORPUS_TYPES = {"bc5cdr": ("Chemical", "Disease"), "biored": ("Chemical", "Disease", "Gene")}
# The id space of each reported type, and how its ids look in the gold files.
ID_PREFIX = {"Chemical": "MESH", "Disease": "MESH", "Gene": "NCBIGene"}
# The linker names concepts in the gold id space first (MeSH for chemicals and diseases).
EVAL_PREFER = {Category.CHEMICAL: ("MESH",), Category.DISEASE: ("MESH",), Category.GENE: ("NCBIGene",)}
# Names learned from the training split follow the corpus's id convention (MeSH version, how
# broad a heading annotators chose); they outrank ontology labels when both match.
EVAL_KIND_FACTOR = {"corpus": 1.1}
CATEGORY_TYPE = {Category.CHEMICAL: "Chemical", Category.DISEASE: "Disease", Category.GENE: "Gene"}
# NER labels of the BC5CDR-style models -> reported type.
NER_LABELS = {"CHEMICAL": "Chemical", "DISEASE": "Disease", "GENE": "Gene", "GENE_OR_GENE_PRODUCT": "Gene",
              "GENEORGENEPRODUCT": "Gene", "CHEMICALENTITY": "Chemical", "DISEASEORPHENOTYPICFEATURE": "Disease"}


@dataclass
class GoldMention:
    start: int
    end: int
    text: str
    type: str  # reported type: Chemical / Disease / Gene
    ids: tuple[str, ...]  # CURIEs (MESH:D..., NCBIGene:...)


@dataclass
class GoldDoc:
    pmid: str
    title: str
    abstract: str
    mentions: list[GoldMention] = field(default_factory=list)

    @property
    def text(self) -> str:
        # PubTator offsets count title + one space + abstract.
        return f"{self.title} {self.abstract}" if self.abstract else self.title


def shared_dir() -> Path | None:
    env = os.environ.get("KG_SHARED_DIR")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [here.parents[2].parent / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"]
    for c in candidates:
        if (c / "data" / "corpora").is_dir():
            return c
    return None


def corpus_path(corpus: str, split: str, root: Path | None = None) -> Path:
    rel = CORPUS_FILES.get((corpus, split))
    if rel is None:
        splits = sorted(s for c, s in CORPUS_FILES if c == corpus)
        raise ConfigError(f"no split {split!r} for corpus {corpus!r}; available: {', '.join(splits) or 'none'}")
    base = root or shared_dir()
    if base is None:
        raise ConfigError("shared data not found: set KG_SHARED_DIR to the folder holding data/corpora")
    path = base / "data" / "corpora" / rel
    if not path.is_file():
        raise ConfigError(f"corpus file missing: {path}")
    return path


def _curies(raw: str, reported: str) -> tuple[str, ...]:
    out = []
    for part in re.split(r"[|,;]", raw):
        part = part.strip()
        if not part or part == "-1" or part == "-":
            continue
        if ":" in part:
            prefix, local = part.split(":", 1)
            part = local if prefix.upper() in ("MESH", "NCBIGENE") else part
        out.append(f"{ID_PREFIX[reported]}:{part}")
    return tuple(dict.fromkeys(out))


def read_pubtator(path: Path) -> Iterator[GoldDoc]:
    """Documents with their gold mentions of the types we evaluate (others are read and skipped).

    Parsing is kg.sources' PubTator reader; a record it cannot use is an error here, since a
    benchmark must not silently lose gold annotations."""
    for item in complete_records(read_pubtator_annotations(path), path):
        document = item.document
        doc = GoldDoc(pmid=document.pmid or document.id, title=document.title, abstract=document.abstract)
        for m in item.mentions:
            if m.type in TYPE_MAP:
                reported = TYPE_MAP[m.type][1]
                doc.mentions.append(GoldMention(m.start, m.end, m.text, reported, _curies(m.identifier, reported)))
        yield doc


def training_pairs(corpus: str, root: Path | None = None, splits: tuple[str, ...] = ("train",)
                   ) -> Iterator[tuple[str, str, Category]]:
    """(mention text, curie, category) from the training splits (train; dev too for the final system
    that is scored on test, as the shipped NER models are), for learning synonyms. Never test."""
    if "test" in splits:
        raise ConfigError("the test split is never a source of synonyms")
    for split in splits:
        for doc in read_pubtator(corpus_path(corpus, split, root)):
            for m in doc.mentions:
                if len(m.ids) == 1:  # a composite mention's text names none of its ids alone
                    yield m.text, m.ids[0], TYPE_MAP[_gold_type_name(m.type)][0]


def _gold_type_name(reported: str) -> str:
    return {"Chemical": "Chemical", "Disease": "Disease", "Gene": "GeneOrGeneProduct"}[reported]


# ---- scoring -------------------------------------------------------------------------------------

def score_documents(
    gold: dict[str, set[tuple[str, str]]], pred: dict[str, set[tuple[str, str]]], types: tuple[str, ...]
) -> dict[str, PRF]:
    counts = {t: PRF() for t in types}
    for pmid, gold_set in gold.items():
        pred_set = pred.get(pmid, set())
        for t in types:
            g = {i for ty, i in gold_set if ty == t}
            p = {i for ty, i in pred_set if ty == t}
            counts[t].tp += len(g & p)
            counts[t].fp += len(p - g)
            counts[t].fn += len(g - p)
    return counts


# ---- running -------------------------------------------------------------------------------------

@dataclass
class PredictedMention:
    start: int
    end: int
    text: str
    type: str
    long_form: str | None = None


def abbreviation_long_forms(spacy_doc) -> dict[tuple[int, int], str]:
    """(start, end) char span of each short form -> its long form, from scispaCy's detector."""
    out: dict[tuple[int, int], str] = {}
    for short in getattr(spacy_doc._, "abbreviations", []) or []:
        long_form = short._.long_form
        if long_form is not None:
            out[(short.start_char, short.end_char)] = long_form.text
    return out


def load_ner(model_path: Path):
    """The NER pipeline (spaCy) with scispaCy's abbreviation detector added."""
    import spacy
    from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  (registers the factory)

    nlp = spacy.load(model_path)
    if "abbreviation_detector" not in nlp.pipe_names:
        nlp.add_pipe("abbreviation_detector")
    return nlp


def abbreviation_pipeline():
    """Abbreviations of raw text as the kg pipeline finds them: its tokenizer (scispaCy's, with the
    parenthesis split that lets "nitroglycerin (NTG)-induced" define NTG) and scispaCy's detector."""
    import spacy
    from scispacy.abbreviation import AbbreviationDetector  # noqa: F401

    from kg.nlp.tokenizer import scispacy_tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer = scispacy_tokenizer(nlp)
    nlp.add_pipe("kg_split_parentheses")
    nlp.add_pipe("abbreviation_detector")
    return nlp


def default_ner_model() -> Path | None:
    from kg.resources import models_dir

    path = models_dir() / "bc5cdr"
    return path if (path / "config.cfg").is_file() else None


def evaluate(
    corpus: str,
    split: str,
    linker,
    *,
    gold_mentions: bool,
    ner_model: Path | None = None,
    pipeline: str | None = None,
    root: Path | None = None,
    errors: list[dict] | None = None,
) -> dict:
    """Scores (per reported type) plus timing for one corpus split. End to end, the mentions come
    from one NER model (``ner_model``, default the shipped BC5CDR model) or from the whole NLP stage
    of a kg pipeline (``pipeline``: lexicon, every NER model, entity layer)."""
    if split == "train":
        raise ConfigError("the train split teaches the linker synonyms; evaluate on dev or test")
    types = CORPUS_TYPES[corpus]
    docs = list(read_pubtator(corpus_path(corpus, split, root)))
    gold: dict[str, set[tuple[str, str]]] = {}
    pred: dict[str, set[tuple[str, str]]] = {}
    if gold_mentions:
        mentions_of = _gold_mentions(docs)
    elif pipeline:
        mentions_of = _pipeline_mentions(docs, pipeline)
    else:
        mentions_of = _model_mentions(docs, ner_model or default_ner_model())
    started = time.perf_counter()  # models are loaded: the time is linking's (and tagging's)
    n_mentions = 0
    for doc, (mentions, long_forms) in zip(docs, mentions_of, strict=True):
        gold[doc.pmid] = {(m.type, i) for m in doc.mentions for i in m.ids}
        found: set[tuple[str, str]] = set()
        for m in mentions:
            if m.type not in types:
                continue
            n_mentions += 1
            long_form = long_forms.get((m.start, m.end))
            category = TYPE_MAP[_gold_type_name(m.type)][0]
            res = linker.resolve(m.text, category, long_form)
            # The store's category of the linked concept overrides the NER label when it is one of
            # the evaluated types: "ethambutol" tagged DISEASE is still the chemical.
            reported = CATEGORY_TYPE.get(res.category, m.type) if not gold_mentions else m.type
            if reported not in types:
                reported = m.type
            ident = _in_gold_space(linker, res.curie, reported)
            if ident:
                found.add((reported, ident))
            if errors is not None:
                golds = [g for g in doc.mentions if g.start == m.start and g.end == m.end]
                gold_ids = golds[0].ids if golds else ()
                if ident not in gold_ids:
                    errors.append({"pmid": doc.pmid, "text": m.text, "long_form": long_form, "type": m.type,
                                   "predicted": res.curie, "name": res.name, "gold": list(gold_ids)})
        pred[doc.pmid] = found
    seconds = time.perf_counter() - started
    counts = score_documents(gold, pred, types)
    result: dict = {t: counts[t].as_dict() for t in types}
    result["meta"] = {"corpus": corpus, "split": split, "documents": len(docs), "mentions": n_mentions,
                      "mode": "gold-mentions" if gold_mentions else "end-to-end",
                      "mentions_from": None if gold_mentions else (
                          f"pipeline {pipeline}" if pipeline else str(ner_model or default_ner_model())),
                      "seconds": round(seconds, 2)}
    return result


Mentions = tuple[list[PredictedMention], dict[tuple[int, int], str]]


# Each returns, once its models are loaded, an iterator of (mentions, long forms) per document.
def _gold_mentions(docs: list[GoldDoc]) -> Iterator[Mentions]:
    nlp = abbreviation_pipeline()
    return (([PredictedMention(m.start, m.end, m.text, m.type) for m in doc.mentions], abbreviation_long_forms(sdoc))
            for doc, sdoc in zip(docs, nlp.pipe([d.text for d in docs], batch_size=16), strict=True))


def _model_mentions(docs: list[GoldDoc], model: Path | None) -> Iterator[Mentions]:
    if model is None:
        raise ConfigError("no NER model for end-to-end evaluation (kg/models/bc5cdr is absent); "
                          "pass --ner-model PATH or use --gold-mentions")
    nlp = load_ner(model)
    return (([PredictedMention(e.start_char, e.end_char, e.text, NER_LABELS[e.label_.upper()])
              for e in sdoc.ents if e.label_.upper() in NER_LABELS], abbreviation_long_forms(sdoc))
            for sdoc in nlp.pipe([d.text for d in docs], batch_size=16))


# The kg pipeline's categories -> reported type; a phenotype ("pain", "hypotension") is a Disease
# mention in BC5CDR and BioRED.
PIPELINE_TYPE = {**CATEGORY_TYPE, Category.PHENOTYPE: "Disease"}


def _pipeline_mentions(docs: list[GoldDoc], pipeline: str) -> Iterator[Mentions]:
    from kg.config import load_pipeline
    from kg.nlp import NlpPipeline
    from kg.types import Document

    stage = NlpPipeline.from_config(load_pipeline(pipeline))
    documents = [Document(id=d.pmid, title=d.title, abstract=d.abstract) for d in docs]

    def mentions(adoc) -> Mentions:
        found = [m for m in adoc.mentions if m.category in PIPELINE_TYPE]
        return ([PredictedMention(m.start, m.end, m.text, PIPELINE_TYPE[m.category]) for m in found],
                {(m.start, m.end): m.long_form for m in found if m.long_form})

    return (mentions(adoc) for adoc in stage.pipe(documents))


def _in_gold_space(linker, curie: str, reported: str) -> str | None:
    prefix = ID_PREFIX[reported]
    if curie.startswith(prefix + ":"):
        return curie
    for x in linker.xrefs(curie):
        if x.startswith(prefix + ":"):
            return x
    return None
