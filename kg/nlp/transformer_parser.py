"""``kg_transformer_parser``: a biaffine dependency parser and PTB tagger on a fine-tuned word-piece
encoder (int8 ONNX), in the place of spaCy's ``tagger`` + ``parser``.

Trained by ``kg train parser --encoder minilm`` (kg/train/transformer_parser.py). Inference needs
only onnxruntime, the ``tokenizers`` library and numpy. Sentences come first (the boundaries
already marked, then '.', '!' or '?' before a word not in lower case; kg/nlp/sentences.py), and each
is parsed into one tree; whitespace tokens hang from the word before them, as spaCy's parser
attaches them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.biaffine import DEPS_FILE, TAGS_FILE, BiaffineParserModel
from kg.nlp.onnx_component import OnnxComponent
from kg.nlp.sentences import sentences_for_encoder
from kg.nlp.wordpiece import ONNX_FILE, TOKENIZER_FILE

SPACE_LABEL = "dep"
SPACE_TAG = "_SP"  # spaCy's tag for whitespace


class TransformerParser(OnnxComponent):
    files = (ONNX_FILE, TOKENIZER_FILE, TAGS_FILE, DEPS_FILE)

    def _open(self, folder: Path) -> BiaffineParserModel:
        return BiaffineParserModel(folder, self.max_pieces, self.batch_size)

    def _process(self, docs: list[Doc]) -> Iterator[Doc]:
        import numpy as np
        from spacy.attrs import DEP, HEAD, TAG

        spans_of = [sentences_for_encoder(doc) for doc in docs]
        sentences = [[token for token in sentence if not token.is_space] for spans in spans_of for sentence in spans]
        parsed = iter(self.model.parse([[token.text for token in words] for words in sentences]))
        words_of = iter(sentences)
        for doc, spans in zip(docs, spans_of):
            # Every token lies in a sentence; what the words do not set is whitespace's.
            heads = np.arange(len(doc), dtype=np.int64)
            deps = [SPACE_LABEL] * len(doc)
            tags = [SPACE_TAG] * len(doc)
            for sentence in spans:
                words = next(words_of)
                sentence_tags, sentence_heads, sentence_labels = next(parsed)
                for token, tag, head, label in zip(words, sentence_tags, sentence_heads, sentence_labels):
                    heads[token.i] = words[head].i
                    deps[token.i] = label
                    tags[token.i] = tag
                # Whitespace hangs from the word before it (the first word when it opens the sentence).
                anchor = words[0].i if words else sentence.start
                for token in sentence:
                    if token.is_space:
                        heads[token.i] = anchor
                    else:
                        anchor = token.i
                if not words:
                    deps[sentence.start] = "ROOT"
            strings = doc.vocab.strings
            array = np.stack([heads - np.arange(len(doc)),
                              np.array([strings.add(d) for d in deps], dtype=np.uint64).view(np.int64),
                              np.array([strings.add(t) for t in tags], dtype=np.uint64).view(np.int64)], axis=1)
            doc.from_array([HEAD, DEP, TAG], array.astype(np.uint64))
            yield doc

    def score(self, examples, **kwargs) -> dict:
        """spaCy's own parser and tagger scores (UAS/LAS without punctuation, sentences, tag accuracy)."""
        from spacy.pipeline.dep_parser import parser_score
        from spacy.pipeline.tagger import tagger_score

        return {**parser_score(examples, **kwargs), **tagger_score(examples, **kwargs)}

    @property
    def labels(self) -> list[str]:
        return list(self.model.labels) if self.model else []


@Language.factory("kg_transformer_parser", assigns=["token.tag", "token.head", "token.dep", "token.is_sent_start"],
                  default_config={"max_pieces": 256, "batch_size": 16})
def make_transformer_parser(nlp: Language, name: str, max_pieces: int, batch_size: int) -> TransformerParser:
    return TransformerParser(name, max_pieces, batch_size)
