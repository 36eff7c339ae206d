"""``kg_transformer_ner``: a fine-tuned word-piece encoder (int8 ONNX) that tags entities.

Trained by ``kg train ner --encoder minilm`` (kg/train/transformer_ner.py). Inference needs only
onnxruntime, the ``tokenizers`` library and numpy: no torch. Each word is scored on its first word
piece and a sentence's tags are the most probable valid IOB2 sequence (kg/nlp/wordpiece.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.wordpiece import LABELS_FILE, ONNX_FILE, TOKENIZER_FILE, WordPieceTagger, iob_spans

SENTENCE_END = frozenset(".!?")
HYPHENS = frozenset({"-", "‐", "–"})


def _sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, or, on raw text without boundaries (the NER slot runs each model on the
    text alone), cuts after '.', '!' or '?' before a word that does not start in lower case. Windows
    then hold whole sentences as in training; cut mid-sentence, the seed abstract lost "reactive
    oxygen species" to "scavenge" and "free radicals" to two names."""
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    spans, start = [], 0
    for token in doc[:-1]:
        following = doc[token.i + 1].text
        if token.text in SENTENCE_END and not following[:1].islower():
            spans.append(doc[start : token.i + 1])
            start = token.i + 1
    spans.append(doc[start:])
    return [span for span in spans if len(span)]


class TransformerNer:
    """Sets ``doc.ents`` from the tagger's IOB tags (replacing any already there: it is the first
    entity component of its pipeline, as ``ner`` is in a CNN one)."""

    def __init__(self, nlp: Language, name: str, max_pieces: int, batch_size: int):
        self.name = name
        self.max_pieces = max_pieces
        self.batch_size = batch_size
        self.tagger: WordPieceTagger | None = None
        self.source: Path | None = None  # the folder the model was loaded from

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        if self.tagger is None:
            raise ValueError(f"{self.name}: no model loaded (load the pipeline from disk)")
        buffer: list[Doc] = []

        def flush():
            # Whitespace tokens (line breaks, double spaces) are no words: the encoder never sees
            # them, so a name cannot start or end on one.
            words_per_doc = [[[token for token in sentence if not token.is_space] for sentence in _sentences(doc)]
                             for doc in buffer]
            tags_per_doc = self.tagger.tag_documents([[[token.text for token in words] for words in sentences]
                                                      for sentences in words_per_doc])
            for doc, sentences, tags in zip(buffer, words_per_doc, tags_per_doc):
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

        for doc in docs:
            buffer.append(doc)
            if len(buffer) >= batch_size:
                yield from flush()
                buffer = []
        if buffer:
            yield from flush()

    def to_disk(self, path, exclude=()) -> None:
        import shutil

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.tagger is None or self.source is None:
            raise ValueError(f"{self.name}: nothing to save")
        for name in (ONNX_FILE, TOKENIZER_FILE, LABELS_FILE):
            if (self.source / name).resolve() != (path / name).resolve():
                shutil.copyfile(self.source / name, path / name)

    def from_disk(self, path, exclude=()) -> TransformerNer:
        self.load(Path(path))
        return self

    def load(self, folder: Path) -> None:
        self.tagger = WordPieceTagger(folder, self.max_pieces, self.batch_size)
        self.source = folder

    @property
    def labels(self) -> list[str]:
        return sorted({t[2:] for t in self.tagger.tags if t != "O"}) if self.tagger else []


@Language.factory("kg_transformer_ner", assigns=["doc.ents"],
                  default_config={"max_pieces": 128, "batch_size": 8})
def make_transformer_ner(nlp: Language, name: str, max_pieces: int, batch_size: int) -> TransformerNer:
    return TransformerNer(nlp, name, max_pieces, batch_size)
