"""Word-piece encoders for token tagging, without spaCy or torch (the training machine may have
neither spaCy nor our pipeline, and inference needs no torch): the encoder's tokenizer, windows of
whole words, and the int8 ONNX tagger that kg_transformer_ner (kg/nlp/transformer_ner.py) runs."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ONNX_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
LABELS_FILE = "labels.json"


def iob_spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end_exclusive, label)`` of an IOB2 tag sequence; an I- that follows
    O or another label opens an entity, as conlleval reads it."""
    spans: set[tuple[int, int, str]] = set()
    start: int | None = None
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == label):
            spans.add((start, i, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans


def load_word_piece_tokenizer(path: Path):
    """The encoder's fast tokenizer, with its own truncation and padding switched off: windows are
    sized by :func:`pack_windows` so that no word is ever cut."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


@dataclass
class Window:
    """Consecutive words (one or more whole sentences, or a slice of a very long one) encoded together."""
    ids: list[int]
    first_piece: list[int]  # index in ``ids`` of each word's first piece
    labels: list[int] = field(default_factory=list)  # one per word (training only)


def pack_windows(tokenizer, sentences: Sequence[Sequence[str]], max_pieces: int,
                 labels: Sequence[Sequence[int]] | None = None) -> Iterator[tuple[Window, list[tuple[int, int]]]]:
    """Pack consecutive sentences into windows of at most ``max_pieces`` pieces (with [CLS] and
    [SEP]); a sentence longer than that is cut between words. Yields each window with the
    (sentence index, word index) of its words, so predictions map back to the input."""
    budget = max_pieces - 2
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    pieces_of_word: list[list[list[int]]] = []
    for words in sentences:
        encoded = tokenizer.encode_batch(list(words), add_special_tokens=False) if words else []
        # A word the vocabulary cannot spell still gets one piece, so every word has a first piece.
        pieces_of_word.append([e.ids[:budget] or [tokenizer.token_to_id("[UNK]")] for e in encoded])

    ids: list[int] = []
    first: list[int] = []
    where: list[tuple[int, int]] = []
    word_labels: list[int] = []

    def flush():
        window = Window([cls_id, *ids, sep_id], [1 + i for i in first], list(word_labels))
        return window, list(where)

    for s, words in enumerate(pieces_of_word):
        sentence_length = sum(len(p) for p in words)
        if ids and len(ids) + sentence_length > budget:
            yield flush()
            ids, first, where, word_labels = [], [], [], []
        for w, pieces in enumerate(words):
            if ids and len(ids) + len(pieces) > budget:
                yield flush()
                ids, first, where, word_labels = [], [], [], []
            first.append(len(ids))
            ids.extend(pieces)
            where.append((s, w))
            if labels is not None:
                word_labels.append(labels[s][w])
    if ids:
        yield flush()


def tag_set(labels: Sequence[str]) -> list[str]:
    """IOB2 tags in a fixed order: O, then B-/I- of each label."""
    return ["O", *[f"{prefix}-{label}" for label in labels for prefix in ("B", "I")]]


def pad_windows(windows: Sequence[Window]):
    """``input_ids`` and ``attention_mask`` (numpy int64) of windows padded to the longest."""
    import numpy as np

    ids = np.zeros((len(windows), max(len(w.ids) for w in windows)), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, window in enumerate(windows):
        ids[row, : len(window.ids)] = window.ids
        mask[row, : len(window.ids)] = 1
    return ids, mask


def log_softmax(logits):
    import numpy as np

    shifted = logits - logits.max(-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(-1, keepdims=True))


def onnx_session(folder: Path):
    """A CPU onnxruntime session of ``folder/model.onnx`` ($KG_ONNX_THREADS threads, else up to 4)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # Two cores is the common case here; more threads than cores only contend.
    options.intra_op_num_threads = int(os.environ.get("KG_ONNX_THREADS", "0")) or min(os.cpu_count() or 1, 4)
    return onnxruntime.InferenceSession(str(folder / ONNX_FILE), options, providers=["CPUExecutionProvider"])


class WordPieceTagger:
    """The ONNX model with its tokenizer and tag list; tags lists of words."""

    def __init__(self, folder: Path, max_pieces: int = 128, batch_size: int = 8):
        self.session = onnx_session(folder)
        self.tokenizer = load_word_piece_tokenizer(folder / TOKENIZER_FILE)
        self.tags: list[str] = json.loads((folder / LABELS_FILE).read_text(encoding="utf-8"))
        self.max_pieces = max_pieces
        # Windows per model call: 8 held peak memory at 224 MB where 32 took 338 MB, at the same speed.
        self.batch_size = batch_size

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """One IOB tag per word of each sentence; consecutive sentences share windows for context."""
        return self.tag_documents([sentences])[0]

    def tag_documents(self, documents: Sequence[Sequence[Sequence[str]]]) -> list[list[list[str]]]:
        """Tags for each document's sentences. Windows never span two documents, so a document's
        tags do not depend on which documents are tagged with it (a sharded build equals a single
        one); windows of all documents share the model's batches."""
        scores = [WordScores(document, len(self.tags)) for document in documents]
        windows = [(window, where, document_scores)
                   for document, document_scores in zip(documents, scores)
                   for window, where in pack_windows(self.tokenizer, document, self.max_pieces)]
        # Similar lengths in a batch waste less padding.
        windows.sort(key=lambda item: len(item[0].ids))
        for start in range(0, len(windows), self.batch_size):
            chunk = windows[start : start + self.batch_size]
            ids, mask = pad_windows([window for window, _, _ in chunk])
            log_probs = log_softmax(self.session.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0])
            for row, (window, where, document_scores) in enumerate(chunk):
                document_scores.add(window, where, log_probs[row])
        return [document_scores.decode(self.tags) for document_scores in scores]


class WordScores:
    """Per-word tag log-probabilities (from each word's first piece), gathered window by window."""

    def __init__(self, sentences: Sequence[Sequence[str]], tag_count: int):
        import numpy as np

        self.log_probs = [np.zeros((len(words), tag_count), dtype=np.float32) for words in sentences]

    def add(self, window: Window, where: list[tuple[int, int]], log_probs) -> None:
        """``log_probs``: (pieces, tags) of one window; ``where`` maps its words to (sentence, word)."""
        for piece, (s, w) in zip(window.first_piece, where):
            self.log_probs[s][w] = log_probs[piece]

    def decode(self, tags: list[str]) -> list[list[str]]:
        return [viterbi_tags(scores, tags) for scores in self.log_probs]


def viterbi_tags(log_probs, tags: list[str]) -> list[str]:
    """The most probable tag sequence that is valid IOB2: I-X only after B-X or I-X.

    Per-word arg-max leaves stray I- tags and label switches inside names; the constrained path
    fixed them: BioNLP13CG dev F1 76.56 -> 77.58 (train-only model), test 79.23 -> 80.75.
    """
    import numpy as np

    if len(log_probs) == 0:
        return []
    allowed, may_start = _iob_transitions(tuple(tags))
    penalty = np.where(allowed, 0.0, -1e9)
    score = log_probs[0] + np.where(may_start, 0.0, -1e9)
    back = np.zeros(log_probs.shape, dtype=np.int64)
    for position in range(1, len(log_probs)):
        candidates = score[:, None] + penalty  # previous tag x current tag
        back[position] = candidates.argmax(0)
        score = candidates.max(0) + log_probs[position]
    path = [int(score.argmax())]
    for position in range(len(log_probs) - 1, 0, -1):
        path.append(int(back[position][path[-1]]))
    return [tags[i] for i in reversed(path)]


@cache
def _iob_transitions(tags: tuple[str, ...]):
    """(allowed[previous, current], may_start[current]) for IOB2."""
    import numpy as np

    inside = np.array([t.startswith("I-") for t in tags])
    label = [t[2:] for t in tags]
    allowed = np.array([[not inside[j] or (tags[i] != "O" and label[i] == label[j])
                         for j in range(len(tags))] for i in range(len(tags))])
    return allowed, ~inside
