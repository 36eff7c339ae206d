"""Builds the spaCy pipeline from a PipelineConfig and turns Documents into AnnotatedDocs.

Pipe order: kg_split_parentheses (-> sentencizer when there is no parser) -> kg_line_breaks
-> [base model: parser (kg_transformer_parser: tags and parses), attribute_ruler, lemmatizer]
-> scispaCy abbreviation_detector -> kg_qualified_abbreviations -> kg_lexicon -> kg_variants
-> kg_ner (one per configured model: the NER slot) -> kg_entity_layer.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.config import PipelineConfig
from kg.errors import ConfigError
from kg.nlp import abbreviations, entity_layer, lexicon, ner_slot, sentences, tokenizer, variants  # noqa: F401  (register factories)
from kg.nlp.entity_layer import EMBEDDED_PARTS, FOUND_BY_ABBREVIATION, ID_GROUPS
from kg.nlp.lexicon import LexiconMatcher
from kg.nlp.ner_slot import load_model, span_group_name
from kg.nlp.tokenizer import scispacy_tokenizer
from kg.types import EMBEDDED, AnnotatedDoc, Document, Mention, Sentence
from kg.vocab import Category


def build_language(config: PipelineConfig) -> Language:
    """The spaCy Language for a pipeline config; loads only local models."""
    settings = config.nlp
    if settings.base_model:
        nlp = load_model(settings.base_model, required=True, exclude=["ner"])
    else:
        nlp = spacy.blank("en")
    if settings.tokenizer == "scispacy":
        nlp.tokenizer = scispacy_tokenizer(nlp)
    elif settings.tokenizer != "spacy":
        raise ConfigError(f"unknown tokenizer '{settings.tokenizer}' (use 'scispacy' or 'spacy')")

    first = nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe("kg_line_breaks", before=first) if first else nlp.add_pipe("kg_line_breaks")
    nlp.add_pipe("kg_split_parentheses", first=True)
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
        nlp.add_pipe("sentencizer", before="kg_line_breaks")
    if settings.abbreviations:
        import scispacy.abbreviation  # noqa: F401  (registers abbreviation_detector)

        # The detector's second matcher is empty by design; spaCy warns on every document.
        warnings.filterwarnings("ignore", message=r".*\[W036\].*matcher", category=UserWarning)

        nlp.add_pipe("abbreviation_detector")
        nlp.add_pipe("kg_qualified_abbreviations")
    nlp.add_pipe("kg_lexicon", config={"paths": [str(config.resolve(p)) for p in settings.lexicon]})
    if settings.variants:
        nlp.add_pipe("kg_variants")
    groups = []
    for i, model in enumerate(settings.ner):
        nlp.add_pipe(
            "kg_ner",
            name=f"kg_ner_{i}",
            config={"model": model.model, "labels": {k: v.value for k, v in model.labels.items()},
                    "required": model.required},
        )
        groups.append(span_group_name(model.model))
    nlp.add_pipe("kg_entity_layer", config={"ner_groups": groups})
    return nlp


SENTENCE_END = (".", "!", "?", ";", ":")


class NlpPipeline:
    """The NLP stage: ``annotate`` one Document, or ``pipe`` a stream of them."""

    def __init__(self, nlp: Language, config: PipelineConfig):
        self.nlp = nlp
        self.config = config
        lexicon_pipe: LexiconMatcher = nlp.get_pipe("kg_lexicon")
        self._lexicon_names = {key: entry.name for key, entry in lexicon_pipe.entries.items()}

    @classmethod
    def from_config(cls, config: PipelineConfig) -> "NlpPipeline":
        return cls(build_language(config), config)

    def annotate(self, document: Document) -> AnnotatedDoc:
        return self._to_annotated(document, self.nlp(document.text))

    def pipe(self, documents: Iterable[Document]) -> Iterator[AnnotatedDoc]:
        """Streams documents through the pipeline in batches; order is kept."""
        docs = ((d.text, d) for d in documents)
        for spacy_doc, document in self.nlp.pipe(docs, as_tuples=True, batch_size=self.config.nlp.batch_size):
            yield self._to_annotated(document, spacy_doc)

    def annotate_with_mentions(self, document: Document, mentions: list[Mention]) -> AnnotatedDoc:
        """Parse and split a document but keep the given (e.g. gold) mentions instead of NER."""
        disabled = [n for n in self.nlp.pipe_names
                    if n.startswith("kg_ner") or n in ("kg_lexicon", "kg_variants", "kg_entity_layer")]
        with self.nlp.select_pipes(disable=disabled):
            spacy_doc = self.nlp(document.text)
        spans = []
        for m in mentions:
            span = spacy_doc.char_span(m.start, m.end, label=m.category.value, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        spacy_doc.ents = spacy.util.filter_spans(spans)
        sents = self._sentences(spacy_doc)
        placed = [m.model_copy(update={"sentence_index": self._sentence_of(sents, m.start)}) for m in mentions]
        return AnnotatedDoc(document=document, sentences=sents, mentions=placed, spacy_doc=spacy_doc)

    @staticmethod
    def _sentences(spacy_doc: Doc) -> list[Sentence]:
        """The parser's sentences, except that a boundary with neither sentence punctuation nor a
        line break before it is dropped (the CRAFT parser cuts "Resveratrol | neither raised ...")."""
        spans: list[tuple[int, int]] = []
        text = spacy_doc.text
        for sent in spacy_doc.sents:
            stripped = sent.text.strip()
            if not stripped:
                continue
            start = sent.start_char + sent.text.find(stripped)
            end = start + len(stripped)
            if spans and not text[spans[-1][0]:spans[-1][1]].rstrip(")]\"'").endswith(SENTENCE_END) \
                    and "\n" not in text[spans[-1][1]:start]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        return [Sentence(index=i, start=start, end=end, text=text[start:end]) for i, (start, end) in enumerate(spans)]

    @staticmethod
    def _sentence_of(sentences: list[Sentence], char: int) -> int:
        for s in sentences:
            if s.start <= char < s.end:
                return s.index
        return max((s.index for s in sentences if s.start <= char), default=0)

    def _mention(self, document: Document, ent: Span, sentences: list[Sentence], long_forms: dict) -> Mention:
        found_by = ent.id_ or "model"
        curie = ent.kb_id_ if found_by in (*ID_GROUPS, FOUND_BY_ABBREVIATION) and ent.kb_id_ else None
        return Mention(
            doc_id=document.id,
            start=ent.start_char,
            end=ent.end_char,
            text=ent.text,
            category=Category(ent.label_),
            label=ent.label_,
            sentence_index=self._sentence_of(sentences, ent.start_char),
            curie=curie,
            name=self._lexicon_names.get(curie) if curie else None,
            found_by=found_by,
            long_form=long_forms.get((ent.start_char, ent.end_char)),
        )

    def _to_annotated(self, document: Document, spacy_doc: Doc) -> AnnotatedDoc:
        sents = self._sentences(spacy_doc)
        long_forms = spacy_doc.user_data.get("kg_long_forms", {})
        mentions = [self._mention(document, ent, sents, long_forms) for ent in spacy_doc.ents]
        mentions += [self._mention(document, span, sents, long_forms).model_copy(update={"found_by": EMBEDDED})
                     for span in spacy_doc.spans.get(EMBEDDED_PARTS, [])]
        return AnnotatedDoc(document=document, sentences=sents, mentions=mentions, spacy_doc=spacy_doc)
