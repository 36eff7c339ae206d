"""``kg_transformer_ner``: a fine-tuned word-piece encoder (int8 ONNX) that tags entities.

Trained by ``kg train ner --encoder minilm`` (kg/train/transformer_ner.py). Inference needs only
onnxruntime, the ``tokenizers`` library and numpy: no torch. Each word is scored on its first word
piece and a sentence's tags are the most probable valid IOB2 sequence (kg/nlp/wordpiece.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.onnx_component import OnnxComponent
from kg.nlp.sentences import sentences_for_encoder
from kg.nlp.wordpiece import LABELS_FILE, ONNX_FILE, TOKENIZER_FILE, WordPieceTagger, iob_spans

HYPHENS = frozenset({"-", "‐", "–"})


class TransformerNer(OnnxComponent):
    """Sets ``doc.ents`` from the tagger's IOB tags (replacing any already there: it is the first
    entity component of its pipeline, as ``ner`` is in a CNN one)."""

    files = (ONNX_FILE, TOKENIZER_FILE, LABELS_FILE)

    def _open(self, folder: Path) -> WordPieceTagger:
        return WordPieceTagger(folder, self.max_pieces, self.batch_size)

    def _process(self, docs: list[Doc]) -> Iterator[Doc]:
        # Whitespace tokens (line breaks, double spaces) are no words: the encoder never sees
        # them, so a name cannot start or end on one.
        words_per_doc = [[[token for token in sentence if not token.is_space] for sentence in sentences_for_encoder(doc)]
                         for doc in docs]
        tags_per_doc = self.model.tag_documents([[[token.text for token in words] for words in sentences]
                                                 for sentences in words_per_doc])
        for doc, sentences, tags in zip(docs, words_per_doc, tags_per_doc):
            entities = []
            for words, sentence_tags in zip(sentences, tags):
                for start, end, label in sorted(iob_spans(sentence_tags)):
                    # A hyphen joins a name to what follows ("neural crest-derived"); it is
                    # never the name's own edge.
                    while start < end and words[start].text in HYPHENS:
                        start += 1
                    while end > start and words[end - 1].text in HYPHENS:
                        end -= 1
                    if start < end:
                        entities.append(Span(doc, words[start].i, words[end - 1].i + 1, label=label))
            doc.ents = entities
            yield doc

    @property
    def labels(self) -> list[str]:
        return sorted({t[2:] for t in self.model.tags if t != "O"}) if self.model else []


@Language.factory("kg_transformer_ner", assigns=["doc.ents"],
                  default_config={"max_pieces": 128, "batch_size": 8})
def make_transformer_ner(nlp: Language, name: str, max_pieces: int, batch_size: int) -> TransformerNer:
    return TransformerNer(name, max_pieces, batch_size)
