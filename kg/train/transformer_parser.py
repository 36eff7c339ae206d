"""`kg train parser --encoder minilm`: a biaffine dependency parser and PTB tagger on a fine-tuned
MiniLM, shipped as int8 ONNX.

The architecture is Dozat & Manning's (2017) deep biaffine parser with the BiLSTM replaced by the
encoder: each word is its first word piece's vector, the sentence's [CLS] vector stands for the
root, an arc biaffine scores every (dependent, head) pair and a label biaffine every label of that
pair; a linear layer tags. Decoding (kg/nlp/biaffine.py) takes the maximum spanning tree, so every
sentence gets one root and no cycles. Training needs torch and transformers (the
``train-transformer`` extra); inference needs onnxruntime only.
"""

from __future__ import annotations

import json
import math
import random
import time
from dataclasses import dataclass
from pathlib import Path

from kg.nlp.biaffine import (DEPS_FILE, TAGS_FILE, ParsedBatch, SentenceWindow, decode_batch, encode_sentences,
                             pad_sentence_windows)
from kg.nlp.wordpiece import TOKENIZER_FILE, load_word_piece_tokenizer
from kg.train.transformer_ner import encoder_dir, finish_export

IGNORED = -100


@dataclass
class TransformerParserSettings:
    """Defaults are pipelines/training/parser_minilm.toml's."""

    epochs: int = 4
    encoder_learning_rate: float = 1e-4
    head_learning_rate: float = 1e-3
    batch_size: int = 32
    max_pieces: int = 256
    arc_width: int = 256
    label_width: int = 128
    dropout: float = 0.2
    warmup: float = 0.05
    weight_decay: float = 0.01
    seed: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def build_model(encoder: Path, tag_count: int, label_count: int, settings: TransformerParserSettings):
    import torch
    from torch import nn
    from transformers import AutoModel

    class Biaffine(nn.Module):
        """x W y^T (+ a bias on y) for every pair, with ``outputs`` W matrices."""

        def __init__(self, width: int, outputs: int, bias_x: bool, bias_y: bool):
            super().__init__()
            self.bias_x, self.bias_y = bias_x, bias_y
            self.weight = nn.Parameter(torch.zeros(outputs, width + bias_x, width + bias_y))

        def forward(self, x, y):
            if self.bias_x:
                x = torch.cat([x, torch.ones_like(x[..., :1])], -1)
            if self.bias_y:
                y = torch.cat([y, torch.ones_like(y[..., :1])], -1)
            # (batch, outputs, dependents, heads)
            return torch.einsum("bxi,oij,byj->boxy", x, self.weight, y)

    def mlp(width_in: int, width_out: int):
        return nn.Sequential(nn.Linear(width_in, width_out), nn.LeakyReLU(0.1), nn.Dropout(settings.dropout))

    class BiaffineParser(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(encoder), torch_dtype=torch.float32)
            width = self.encoder.config.hidden_size
            self.dropout = nn.Dropout(settings.dropout)
            self.arc_dependent, self.arc_head = mlp(width, settings.arc_width), mlp(width, settings.arc_width)
            self.label_dependent = mlp(width, settings.label_width)
            self.label_head = mlp(width, settings.label_width)
            self.arc = Biaffine(settings.arc_width, 1, bias_x=False, bias_y=True)
            self.label = Biaffine(settings.label_width, label_count, bias_x=True, bias_y=True)
            self.tagger = nn.Linear(width, tag_count)

        def forward(self, input_ids, attention_mask, word_index):
            """``word_index`` (batch, 1 + words): the piece of the root ([CLS], 0) and of each word.
            Returns tag logits (batch, 1 + words, tags), arc scores (batch, dependent, head) and
            label scores (batch, dependent, head, labels)."""
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            words = torch.gather(hidden, 1, word_index.unsqueeze(-1).expand(-1, -1, hidden.size(-1)))
            words = self.dropout(words)
            arcs = self.arc(self.arc_dependent(words), self.arc_head(words)).squeeze(1)
            labels = self.label(self.label_dependent(words), self.label_head(words)).permute(0, 2, 3, 1)
            return self.tagger(words), arcs, labels

    return BiaffineParser()


def _targets(batch: list[SentenceWindow], device):
    """Gold heads, labels and tags (batch, 1 + words); position 0 and padding are IGNORED."""
    import torch

    width = 1 + max(len(w.heads) for w in batch)
    heads = torch.full((len(batch), width), IGNORED, dtype=torch.long)
    labels, tags = heads.clone(), heads.clone()
    for row, window in enumerate(batch):
        n = len(window.heads)
        heads[row, 1 : n + 1] = torch.tensor(window.heads)
        labels[row, 1 : n + 1] = torch.tensor(window.labels)
        tags[row, 1 : n + 1] = torch.tensor(window.tags)
    return heads.to(device), labels.to(device), tags.to(device)


def _loss(outputs, word_mask, heads, labels, tags):
    import torch
    import torch.nn.functional as F

    tag_logits, arcs, label_scores = outputs
    # A word may take the root (column 0) or any real word of its sentence as head.
    arcs = arcs.masked_fill(~word_mask.unsqueeze(1), float("-inf"))
    arc_loss = F.cross_entropy(arcs.reshape(-1, arcs.size(-1)), heads.reshape(-1), ignore_index=IGNORED)
    at_gold_head = torch.gather(label_scores, 2, heads.clamp(min=0)[:, :, None, None]
                                .expand(-1, -1, 1, label_scores.size(-1))).squeeze(2)
    label_loss = F.cross_entropy(at_gold_head.reshape(-1, at_gold_head.size(-1)), labels.reshape(-1),
                                 ignore_index=IGNORED)
    tag_loss = F.cross_entropy(tag_logits.reshape(-1, tag_logits.size(-1)), tags.reshape(-1), ignore_index=IGNORED)
    return arc_loss + label_loss + tag_loss


def _length_batches(windows: list[SentenceWindow], batch_size: int) -> list[list[int]]:
    """Indices of sentences of similar piece length (less padding), shortest batch first."""
    order = sorted(range(len(windows)), key=lambda i: len(windows[i].ids))
    return [order[s : s + batch_size] for s in range(0, len(order), batch_size)]


def _torch_batch(batch: list[SentenceWindow], device):
    """``input_ids``, ``attention_mask``, ``word_index`` and ``word_mask`` as tensors on ``device``."""
    import torch

    return tuple(torch.from_numpy(a).to(device) for a in pad_sentence_windows(batch))


def predict(model, windows: list[SentenceWindow], device, batch_size: int = 64) -> list[ParsedBatch]:
    """Torch inference decoded as the shipped ONNX parser decodes (dev scoring while training)."""
    import torch

    model.eval()
    results: list = [None] * len(windows)
    with torch.no_grad():
        for rows in _length_batches(windows, batch_size):
            batch = [windows[i] for i in rows]
            ids, mask, word_index, _ = _torch_batch(batch, device)
            tag_logits, arcs, labels = (t.float().cpu().numpy() for t in model(ids, mask, word_index))
            for i, parsed in zip(rows, decode_batch(batch, tag_logits, arcs, labels)):
                results[i] = parsed
    return results


def attachment_scores(windows: list[SentenceWindow], parsed: list, punct_tags: frozenset[int]) -> dict:
    """UAS / LAS over words not tagged as punctuation (spaCy's scorer, which `kg eval parser` uses,
    leaves out the punct label instead) and tag accuracy over all words: the figure that picks the epoch."""
    words = attached = labelled = tagged = total_tags = 0
    for window, (tags, heads, labels) in zip(windows, parsed):
        for i, gold_head in enumerate(window.heads):
            total_tags += 1
            tagged += tags[i] == window.tags[i]
            if window.tags[i] in punct_tags:
                continue
            words += 1
            if heads[i] == gold_head:
                attached += 1
                labelled += labels[i] == window.labels[i]
    return {"uas": round(100 * attached / max(words, 1), 2), "las": round(100 * labelled / max(words, 1), 2),
            "tag_acc": round(100 * tagged / max(total_tags, 1), 2)}


@dataclass
class TransformerParserResult:
    model: object
    tags: list[str]
    labels: list[str]
    dev_curve: list[dict]
    best_epoch: int
    seconds: float


PUNCT_TAGS = frozenset({".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "#", "$"})


def train_transformer_parser(train, dev, encoder: Path, settings: TransformerParserSettings,
                             select_on_dev: bool = True, log=print, max_minutes: float = 0,
                             max_steps: int = 0) -> TransformerParserResult:
    """Fine-tune on ``train`` (ParsedSentences); with ``select_on_dev`` keep the epoch with the best
    dev LAS, else run all epochs (train + dev final model). ``max_steps`` (0 = none) stops early:
    a speed probe."""
    import torch

    random.seed(settings.seed)
    torch.manual_seed(settings.seed)
    rng = random.Random(settings.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tags = sorted({t for s in train for t in s.tags})
    labels = sorted({d for s in train for d in s.deps})
    tokenizer = load_word_piece_tokenizer(encoder / TOKENIZER_FILE)
    train_windows = encode_sentences(tokenizer, train, settings.max_pieces, tags, labels)
    dev_windows = encode_sentences(tokenizer, dev, settings.max_pieces, tags, labels)
    punct = frozenset(i for i, t in enumerate(tags) if t in PUNCT_TAGS)
    model = build_model(encoder, len(tags), len(labels), settings).to(device)
    encoder_params = [(n, p) for n, p in model.named_parameters() if n.startswith("encoder.")]
    head_params = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    no_decay = ("bias", "LayerNorm.weight")
    optimizer = torch.optim.AdamW([
        {"params": [p for n, p in encoder_params if not any(k in n for k in no_decay)],
         "lr": settings.encoder_learning_rate, "weight_decay": settings.weight_decay},
        {"params": [p for n, p in encoder_params if any(k in n for k in no_decay)],
         "lr": settings.encoder_learning_rate, "weight_decay": 0.0},
        {"params": head_params, "lr": settings.head_learning_rate, "weight_decay": 0.0},
    ], betas=(0.9, 0.9))
    per_epoch = math.ceil(len(train_windows) / settings.batch_size)
    steps = settings.epochs * per_epoch
    warmup = int(settings.warmup * steps)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / max(warmup, 1), max(0.0, (steps - step) / max(steps - warmup, 1))))
    log(f"{len(train)} sentences, {len(tags)} tags, {len(labels)} labels; {steps} steps on {device}")

    started = time.monotonic()
    curve: list[dict] = []
    best_las, best_epoch, best_state, step = -1.0, 0, None, 0
    for epoch in range(1, settings.epochs + 1):
        model.train()
        total = 0.0
        batches = _length_batches(train_windows, settings.batch_size)
        rng.shuffle(batches)
        for batch in ([train_windows[i] for i in rows] for rows in batches):
            ids, mask, word_index, word_mask = _torch_batch(batch, device)
            loss = _loss(model(ids, mask, word_index), word_mask, *_targets(batch, device))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            total += loss.item()
            step += 1
            if step % 100 == 0:
                log(f"step {step}/{steps}: loss {total / (step - (epoch - 1) * per_epoch):.3f}, "
                    f"{time.monotonic() - started:.0f} s")
            if max_steps and step >= max_steps:
                break
        scores = attachment_scores(dev_windows, predict(model, dev_windows, device), punct) if dev else {}
        point = {"epoch": epoch, "loss": round(total, 2), "seconds": round(time.monotonic() - started, 1), **scores}
        curve.append(point)
        log(json.dumps(point))
        if not select_on_dev or scores.get("las", 0) > best_las:
            best_las, best_epoch = scores.get("las", 0), epoch
            if select_on_dev:
                best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        if (max_minutes and time.monotonic() - started > 60 * max_minutes) or (max_steps and step >= max_steps):
            log(f"stopped after epoch {epoch}")
            break
    if best_state is not None:
        model.load_state_dict(best_state)
    return TransformerParserResult(model.cpu(), tags, labels, curve, best_epoch, time.monotonic() - started)


def export_parser_onnx(model, output: Path, tokenizer_json: Path, tags: list[str], labels: list[str],
                       quantize: bool = True) -> Path:
    """Write ``model.onnx`` (int8 weights when ``quantize``), the tokenizer, the tag and label lists."""
    import torch

    output.mkdir(parents=True, exist_ok=True)
    model = model.cpu().eval()
    sample_ids = torch.ones((2, 12), dtype=torch.long)
    sample_index = torch.tensor([[0, 1, 2, 3, 4], [0, 2, 4, 6, 8]])
    float_path = output / "model.float.onnx"
    axes = {"input_ids": {0: "batch", 1: "pieces"}, "attention_mask": {0: "batch", 1: "pieces"},
            "word_index": {0: "batch", 1: "words"}, "tag_logits": {0: "batch", 1: "words"},
            "arc_scores": {0: "batch", 1: "words", 2: "heads"},
            "label_scores": {0: "batch", 1: "words", 2: "heads"}}
    torch.onnx.export(model, (sample_ids, torch.ones_like(sample_ids), sample_index), str(float_path),
                      input_names=["input_ids", "attention_mask", "word_index"],
                      output_names=["tag_logits", "arc_scores", "label_scores"],
                      dynamic_axes=axes, opset_version=17, dynamo=False)
    return finish_export(float_path, output, tokenizer_json, quantize, {TAGS_FILE: tags, DEPS_FILE: labels})


MINILM_PARSER_CONFIG = "parser_minilm.toml"


def train_transformer_parser_pipeline(treebanks_dir: Path, work_dir: Path, settings: TransformerParserSettings,
                                      max_minutes: float = 0, encoder: Path | None = None, log=print):
    """Fine-tune on CRAFT train (dev picks the epoch), export int8 ONNX and save a spaCy pipeline
    ``parser`` (kg_transformer_parser) -> attribute_ruler -> lookup lemmatizer to
    ``work_dir/model-best``; returns a kg.train.runner.TrainingResult."""
    from kg.train.corpora import read_conllu
    from kg.train.parser import treebank_path
    from kg.train.runner import TrainingResult

    encoder = encoder_dir(encoder)
    train = list(read_conllu(treebank_path(treebanks_dir, "train")))
    dev = list(read_conllu(treebank_path(treebanks_dir, "dev")))
    result = train_transformer_parser(train, dev, encoder, settings, log=log, max_minutes=max_minutes)
    onnx_dir = work_dir / "onnx"
    export_parser_onnx(result.model, onnx_dir, encoder / TOKENIZER_FILE, result.tags, result.labels)
    best = save_transformer_parser_pipeline(onnx_dir, work_dir / "model-best", train, settings.max_pieces)
    stopped = len(result.dev_curve) < settings.epochs
    return TrainingResult(best, result.seconds, stopped, {
        "settings": settings.as_dict(), "best_epoch": result.best_epoch, "dev_curve": result.dev_curve})


def save_transformer_parser_pipeline(onnx_dir: Path, output: Path, train_sentences, max_pieces: int) -> Path:
    """The shipped parser pipeline: the ONNX parser (it also tags), PTB tag -> UPOS rules and the
    lookup lemmatizer, both learned from the treebank's train split as for the CNN parser."""
    import shutil

    import spacy
    from spacy.lookups import Lookups

    import kg.nlp.transformer_parser  # noqa: F401  (registers the factory)
    from kg.train.lemmas import build_lemma_table, tag_to_pos_patterns

    nlp = spacy.blank("en")
    nlp.add_pipe("kg_transformer_parser", name="parser", config={"max_pieces": max_pieces}).load(onnx_dir)
    nlp.add_pipe("attribute_ruler").add_patterns(tag_to_pos_patterns(train_sentences))
    lookups = Lookups()
    lookups.add_table("lemma_lookup", build_lemma_table(train_sentences))
    nlp.add_pipe("lemmatizer", config={"mode": "lookup", "overwrite": True}).initialize(lookups=lookups)
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    return output
