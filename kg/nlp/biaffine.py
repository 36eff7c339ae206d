"""The biaffine dependency parser's inference core, without spaCy or torch: sentence windows of word
pieces, maximum-spanning-tree decoding and the int8 ONNX model that ``kg_transformer_parser``
(kg/nlp/transformer_parser.py) runs. Trained by kg/train/transformer_parser.py."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.nlp.wordpiece import TOKENIZER_FILE, load_word_piece_tokenizer, log_softmax, onnx_session

TAGS_FILE = "tags.json"
DEPS_FILE = "deps.json"
ROOT_LABEL = "ROOT"
PAIRS_WIDTH = 48  # 1,000 CRAFT dev sentences: peak RSS 353 MB, 4,838 words/s (582 MB, 4,459 at 16 per call)
SLICE_LABEL = "dep"  # joins the root of a long sentence's later slice to the first

# One sentence's (tags, heads, labels): tag and label indices per word; heads 0 = root, else the
# 1-based position of the head word.
ParsedBatch = tuple[list[int], list[int], list[int]]


@dataclass
class SentenceWindow:
    """One sentence (or a slice of a very long one) as word pieces between [CLS] and [SEP]."""
    ids: list[int]
    first_piece: list[int]  # index in ``ids`` of each word's first piece
    heads: list[int] = field(default_factory=list)  # training only, as in ParsedBatch
    labels: list[int] = field(default_factory=list)
    tags: list[int] = field(default_factory=list)


def sentence_windows(tokenizer, words: Sequence[str], max_pieces: int) -> list[tuple[int, SentenceWindow]]:
    """Windows of one sentence, each with the index of its first word. A sentence over
    ``max_pieces`` keeps only each word's first piece; one still over is cut into slices."""
    budget = max_pieces - 2
    cls_id, sep_id, unk_id = (tokenizer.token_to_id(t) for t in ("[CLS]", "[SEP]", "[UNK]"))
    pieces = [e.ids or [unk_id] for e in tokenizer.encode_batch(list(words), add_special_tokens=False)] if words else []
    if sum(len(p) for p in pieces) > budget:
        pieces = [p[:1] for p in pieces]
    windows = []
    for start in range(0, max(len(pieces), 1), budget):
        ids, first = [cls_id], []
        for word_pieces in pieces[start : start + budget]:
            first.append(len(ids))
            ids.extend(word_pieces)
        windows.append((start, SentenceWindow([*ids, sep_id], first)))
    return windows


def encode_sentences(tokenizer, sentences, max_pieces: int, tags: list[str], labels: list[str]) -> list[SentenceWindow]:
    """Training windows of treebank sentences (kg.train.corpora.ParsedSentence); the rare sentence
    that needs slicing is left out, as its tree would be cut."""
    tag_index = {t: i for i, t in enumerate(tags)}
    label_index = {d: i for i, d in enumerate(labels)}
    windows = []
    for sentence in sentences:
        sliced = sentence_windows(tokenizer, sentence.words, max_pieces)
        if len(sliced) != 1:
            continue
        window = sliced[0][1]
        window.heads = [0 if h == i else h + 1 for i, h in enumerate(sentence.heads)]
        window.labels = [label_index.get(d, 0) for d in sentence.deps]
        window.tags = [tag_index.get(t, 0) for t in sentence.tags]
        windows.append(window)
    return windows


def pad_sentence_windows(windows: Sequence[SentenceWindow]):
    """``input_ids``, ``attention_mask``, ``word_index`` (batch, 1 + words; 0 is [CLS], the root)
    and ``word_mask`` (True for the root and real words), as numpy arrays."""
    import numpy as np

    ids = np.zeros((len(windows), max(len(w.ids) for w in windows)), dtype=np.int64)
    mask = np.zeros_like(ids)
    word_index = np.zeros((len(windows), 1 + max(len(w.first_piece) for w in windows)), dtype=np.int64)
    word_mask = np.zeros(word_index.shape, dtype=bool)
    for row, window in enumerate(windows):
        ids[row, : len(window.ids)] = window.ids
        mask[row, : len(window.ids)] = 1
        word_index[row, 1 : 1 + len(window.first_piece)] = window.first_piece
        word_mask[row, : 1 + len(window.first_piece)] = True
    return ids, mask, word_index, word_mask


def decode_batch(windows: Sequence[SentenceWindow], tag_logits, arc_scores, label_scores,
                 root_label: int | None = None) -> list[ParsedBatch]:
    """Tags by arg-max, heads by maximum spanning tree with one root, each label the best for its
    head (``root_label`` for the root's dependent, when given; otherwise never on another word)."""
    import numpy as np

    results = []
    for row, window in enumerate(windows):
        n = len(window.first_piece)
        tags = tag_logits[row, 1 : n + 1].argmax(-1).tolist()
        heads = maximum_spanning_tree(log_softmax(arc_scores[row, : n + 1, : n + 1]))
        labels = []
        for d in range(1, n + 1):
            scores = label_scores[row, d, heads[d]].copy()
            if root_label is not None:
                if heads[d] == 0:
                    labels.append(root_label)
                    continue
                scores[root_label] = -np.inf
            labels.append(int(scores.argmax()))
        results.append((tags, heads[1:], labels))
    return results


def maximum_spanning_tree(scores) -> list[int]:
    """Heads (index 0 is the root, its own entry 0) of the highest-scoring tree in which exactly one
    word hangs from the root. ``scores[dependent, head]`` are log-probabilities (Chu-Liu-Edmonds;
    with several root children each is tried as the only one, as Dozat et al. do)."""
    import numpy as np

    n = len(scores)
    if n <= 1:
        return [0] * n
    scores = np.array(scores, dtype=np.float64)
    np.fill_diagonal(scores, -np.inf)
    scores[0] = -np.inf
    heads = _chu_liu_edmonds(scores)
    roots = [d for d in range(1, n) if heads[d] == 0]
    if len(roots) == 1:
        return heads
    best, best_score = heads, -np.inf
    for root in roots:
        constrained = scores.copy()
        constrained[1:, 0] = -np.inf
        constrained[root, 0] = scores[root, 0]
        candidate = _chu_liu_edmonds(constrained)
        total = sum(scores[d, candidate[d]] for d in range(1, n))
        if total > best_score:
            best, best_score = candidate, total
    return best


def _chu_liu_edmonds(scores) -> list[int]:
    """Maximum spanning arborescence rooted at node 0 of ``scores[dependent, head]`` (-inf: no arc)."""
    import numpy as np

    n = len(scores)
    heads = scores.argmax(1)
    heads[0] = 0
    cycle = _find_cycle(heads)
    if cycle is None:
        return [int(h) for h in heads]
    in_cycle = np.zeros(n, dtype=bool)
    in_cycle[cycle] = True
    outside = [i for i in range(n) if not in_cycle[i]]
    contracted = len(outside)  # the cycle's node in the smaller graph
    small = np.full((contracted + 1, contracted + 1), -np.inf)
    small[np.ix_(range(contracted), range(contracted))] = scores[np.ix_(outside, outside)]
    # Arcs out of the cycle: a dependent outside takes the cycle member it scores best.
    out_of_cycle = scores[np.ix_(outside, cycle)]
    small[:contracted, contracted] = out_of_cycle.max(1)
    best_member_as_head = np.asarray(cycle)[out_of_cycle.argmax(1)]
    # Arcs into the cycle: entering at member c breaks c's cycle arc.
    cycle_heads = heads[cycle]
    entering = scores[np.ix_(cycle, outside)] - scores[cycle, cycle_heads][:, None]
    small[contracted, :contracted] = entering.max(0)
    entry_member = np.asarray(cycle)[entering.argmax(0)]
    small[0] = -np.inf
    small_heads = _chu_liu_edmonds(small)

    result = [int(h) for h in heads]
    for small_dependent, small_head in enumerate(small_heads):
        if small_dependent == contracted:
            head = outside[small_head]
            for member in cycle:
                result[member] = int(heads[member])
            result[int(entry_member[small_head])] = head
        elif small_dependent != 0:
            dependent = outside[small_dependent]
            result[dependent] = (int(best_member_as_head[small_dependent]) if small_head == contracted
                                 else outside[small_head])
    result[0] = 0
    return result


def _find_cycle(heads) -> list[int] | None:
    n = len(heads)
    state = [0] * n  # 0 unseen, 1 on the current path, 2 done
    state[0] = 2
    for start in range(1, n):
        path = []
        node = start
        while state[node] == 0:
            state[node] = 1
            path.append(node)
            node = int(heads[node])
        if state[node] == 1:
            return path[path.index(node):]
        for visited in path:
            state[visited] = 2
    return None


class BiaffineParserModel:
    """The ONNX parser with its tokenizer, tag and label lists; parses lists of words."""

    def __init__(self, folder: Path, max_pieces: int = 256, batch_size: int = 16):
        self.session = onnx_session(folder)
        self.tokenizer = load_word_piece_tokenizer(folder / TOKENIZER_FILE)
        self.tags: list[str] = json.loads((folder / TAGS_FILE).read_text(encoding="utf-8"))
        self.labels: list[str] = json.loads((folder / DEPS_FILE).read_text(encoding="utf-8"))
        self.root_label = self.labels.index(ROOT_LABEL) if ROOT_LABEL in self.labels else None
        self.max_pieces = max_pieces
        self.batch_size = batch_size

    def _batches(self, slices: list) -> list[list]:
        """Up to ``batch_size`` sentences per model call, fewer when long: the label scores of a
        call hold every (word, head, label), so memory grows with the square of the longest
        sentence and a call is capped at ``batch_size`` sentences of PAIRS_WIDTH words."""
        budget = self.batch_size * PAIRS_WIDTH ** 2
        batches: list[list] = [[]]
        for item in slices:  # shortest first
            width = 1 + len(item[2].first_piece)
            if batches[-1] and (len(batches[-1]) >= self.batch_size or (len(batches[-1]) + 1) * width ** 2 > budget):
                batches.append([])
            batches[-1].append(item)
        return [batch for batch in batches if batch]

    def parse(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[int], list[str]]]:
        """(tags, heads, labels) per sentence; heads are word indices in the sentence, the root
        pointing at itself (spaCy's convention)."""
        slices = [(s, start, window) for s, words in enumerate(sentences)
                  for start, window in sentence_windows(self.tokenizer, words, self.max_pieces)]
        slices.sort(key=lambda item: len(item[2].ids))
        parsed: dict[int, list[tuple[int, ParsedBatch]]] = {s: [] for s in range(len(sentences))}
        for chunk in self._batches(slices):
            windows = [window for _, _, window in chunk]
            ids, mask, word_index, _ = pad_sentence_windows(windows)
            outputs = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "word_index": word_index})
            for (s, start, _), result in zip(chunk, decode_batch(windows, *outputs, root_label=self.root_label)):
                parsed[s].append((start, result))
        results = []
        for s in range(len(sentences)):
            tags, heads, labels = [], [], []
            root = None
            for start, (slice_tags, slice_heads, slice_labels) in sorted(parsed[s], key=lambda item: item[0]):
                tags += [self.tags[t] for t in slice_tags]
                for i, (head, label) in enumerate(zip(slice_heads, slice_labels)):
                    if head:
                        heads.append(start + head - 1)
                        labels.append(self.labels[label])
                    elif root is None:
                        root = start + i
                        heads.append(root)
                        labels.append(self.labels[label])
                    else:  # a later slice's root hangs from the sentence's root
                        heads.append(root)
                        labels.append(SLICE_LABEL)
            results.append((tags, heads, labels))
        return results
