"""The NER slot (``kg_ner``): runs one trained NER pipeline and maps its labels to our categories.

A model is named ``kg:NAME`` (shipped inside kg, under ``kg/models/NAME``), by an installed
spaCy package (``en_ner_bc5cdr_md``), or by a path. Each model runs on the raw text with its
own tokenizer and components, and its entities are aligned to our tokens by character offsets,
so models with other tokenizers or vectors plug in unchanged. Results go to
``doc.spans["ner:<model>"]``; the entity layer decides what wins.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.errors import ConfigError
from kg.resources import models_dir
from kg.vocab import Category

log = logging.getLogger(__name__)


def resolve_model(name: str) -> Path | str:
    """``kg:NAME`` -> the shipped model directory; anything else is passed to ``spacy.load``."""
    if name.startswith("kg:"):
        return models_dir() / name[3:]
    return name


def load_model(name: str, required: bool = True, exclude: Iterable[str] = ()) -> Language | None:
    """Load a spaCy pipeline by our naming rules; never downloads anything."""
    target = resolve_model(name)
    try:
        with warnings.catch_warnings():
            # scispaCy's tokenizer rules stored in the model trip a harmless regex FutureWarning.
            warnings.filterwarnings("ignore", message="Possible set union", category=FutureWarning)
            return spacy.load(target, exclude=list(exclude))
    except (OSError, IOError) as exc:
        if required:
            hint = (
                "it is not shipped in this kg install"
                if name.startswith("kg:")
                else "install the model package (e.g. pip install its wheel) or give a path"
            )
            raise ConfigError(f"model '{name}' could not be loaded: {hint} ({exc})") from exc
        log.warning("optional model %s not available, skipped: %s", name, exc)
        return None


def _fits(span: Span, start: int, end: int) -> bool:
    """Whether a model entity may grow to our token boundaries. A model that cuts text finer than
    we do can tag part of one of our tokens: "thallium" in "thallium-201" grows to the token, but
    "cell" in "cell-free" or "amlodipine" in "amlodipine/benazapril" does not, because the rest of
    the token names something else (any letter in it); such an entity is left out."""
    text = span.doc.text
    rest = text[span.start_char:start] + text[end:span.end_char]
    return not any(c.isalpha() for c in rest)


def span_group_name(model: str) -> str:
    return f"ner:{model}"


@Language.factory(
    "kg_ner", default_config={"model": "", "labels": {}, "required": False}
)
def make_ner_slot(nlp: Language, name: str, model: str, labels: dict[str, str], required: bool) -> "NerSlot":
    if not model:
        raise ConfigError(f"pipe '{name}': no NER model named")
    return NerSlot(model, {k: Category(v) for k, v in labels.items()}, load_model(model, required))


class NerSlot:
    def __init__(self, model_name: str, labels: dict[str, Category], model: Language | None):
        self.model_name = model_name
        self.labels = labels
        self.model = model
        self.group = span_group_name(model_name)

    def _transfer(self, doc: Doc, predicted: Doc) -> Doc:
        spans = []
        for ent in predicted.ents:
            category = self.labels.get(ent.label_)
            if category is None:
                continue  # labels the config does not map are not ours to use
            span = doc.char_span(ent.start_char, ent.end_char, alignment_mode="expand")
            if span is not None and _fits(span, ent.start_char, ent.end_char):
                spans.append(Span(doc, span.start, span.end, label=category.value, kb_id=ent.label_))
        doc.spans[self.group] = spans
        return doc

    def __call__(self, doc: Doc) -> Doc:
        if self.model is None:
            doc.spans[self.group] = []
            return doc
        return self._transfer(doc, self.model(doc.text))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        if self.model is None:
            for doc in stream:
                yield self(doc)
            return
        buffer: list[Doc] = []
        for doc in stream:
            buffer.append(doc)
            if len(buffer) >= batch_size:
                yield from self._flush(buffer, batch_size)
                buffer = []
        yield from self._flush(buffer, batch_size)

    def _flush(self, docs: list[Doc], batch_size: int) -> Iterator[Doc]:
        predictions = self.model.pipe((d.text for d in docs), batch_size=batch_size)
        for doc, predicted in zip(docs, predictions):
            yield self._transfer(doc, predicted)
