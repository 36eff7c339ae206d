"""``kg terms ...`` (the offline terminology store) and ``kg eval linking``."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from kg.cli.app import eval_app, terms_app
from kg.errors import ConfigError
from kg.vocab import Category

console = Console()
err = Console(stderr=True)

StoreOption = Annotated[
    Optional[Path],
    typer.Option("--store", help="Terminology store file (default: $KG_HOME/terms.sqlite or the user data dir)."),
]
CORPORA = {"bc5cdr-train": "bc5cdr", "biored-train": "biored"}


def _category(value: str | None) -> Category | None:
    if value is None:
        return None
    for c in Category:
        if value in (c.value, c.name, c.name.lower()):
            return c
    raise ConfigError(f"unknown category {value!r}; use one of {', '.join(c.value for c in Category)}")


def _store_path(store: Path | None) -> Path:
    from kg.linking.store import default_store_path

    return store or default_store_path()


@terms_app.command("build")
def build(store: StoreOption = None) -> None:
    """Compile the default sources (MeSH, gilda mappings, Biolink prefixes, curated list) into the store."""
    from kg.linking.build import build_default_store

    path = _store_path(store)
    started = time.perf_counter()
    build_default_store(path, progress=lambda msg: err.print(msg, highlight=False))
    console.print(f"built {path} in {time.perf_counter() - started:.1f}s, "
                  f"{path.stat().st_size / 1e6:.1f} MB", highlight=False)


@terms_app.command("add")
def add(
    file: Annotated[Path, typer.Argument(help="OBO/OWL ontology, SSSOM TSV, or TSV (curie, name, synonyms, category).")],
    prefix: Annotated[Optional[str], typer.Option(help="Keep only terms with this prefix (OBO/OWL), "
                                                       "or the prefix of bare ids (TSV).")] = None,
    category: Annotated[Optional[str], typer.Option(help="Category of the added terms (kg.vocab.Category value).")] = None,
    source: Annotated[Optional[str], typer.Option(help="Source name in `kg terms info` (default: file name).")] = None,
    store: StoreOption = None,
) -> None:
    """Add an ontology, mapping table or term list to the store (building the default store first if missing)."""
    from kg.linking.build import add_file, ensure_store
    from kg.linking.store import TermStore

    path = ensure_store(_store_path(store), progress=lambda msg: err.print(msg, highlight=False))
    with TermStore(path) as ts:
        info = add_file(ts, file, prefix=prefix, category=_category(category), source=source)
    console.print(f"{info.name}: {info.terms} terms, {info.names} names, {info.xrefs} xrefs in {info.seconds}s",
                  highlight=False)


@terms_app.command("add-corpus")
def add_corpus(
    name: Annotated[str, typer.Argument(help="Training split to learn names from: bc5cdr-train or biored-train.")],
    shared_dir: Annotated[Optional[Path], typer.Option(help="Folder holding data/corpora (default: $KG_SHARED_DIR or ../shared).")] = None,
    store: StoreOption = None,
) -> None:
    """Add gold mention text -> id pairs of a corpus's TRAIN split as synonyms (never dev/test)."""
    from kg.eval.linking import training_pairs
    from kg.linking.build import corpus_terms, ensure_store
    from kg.linking.store import TermStore

    if name not in CORPORA:
        raise ConfigError(f"unknown corpus {name!r}; available: {', '.join(CORPORA)}")
    path = ensure_store(_store_path(store), progress=lambda msg: err.print(msg, highlight=False))
    with TermStore(path) as ts:
        info = ts.add_terms(corpus_terms(training_pairs(CORPORA[name], shared_dir)), source=f"corpus:{name}")
    console.print(f"{info.name}: {info.terms} names learned in {info.seconds}s", highlight=False)


@terms_app.command("lookup")
def lookup(
    text: Annotated[str, typer.Argument(help="A mention, e.g. 'TNF-α' or 'mesenchymal stem cells'.")],
    category: Annotated[Optional[str], typer.Option(help="Category of the mention (kg.vocab.Category value).")] = None,
    long_form: Annotated[Optional[str], typer.Option(help="Long form, when TEXT is an abbreviation.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    store: StoreOption = None,
) -> None:
    """Show the id the linker would choose and its scored candidates."""
    from kg.linking.linker import Linker

    linker = Linker.open(_store_path(store), progress=lambda msg: err.print(msg, highlight=False))
    res = linker.resolve(text, _category(category), long_form)
    if as_json:
        print(json.dumps({"text": text, "curie": res.curie, "name": res.name, "score": res.score,
                          "xrefs": linker.xrefs(res.curie),
                          "candidates": [c.model_dump() for c in res.candidates]}, ensure_ascii=False))
        return
    console.print(f"{text} -> [bold]{res.curie}[/] {res.name} (score {res.score})", highlight=False)
    table = Table("curie", "name", "score")
    for c in res.candidates:
        table.add_row(c.curie, c.name, f"{c.score:.3f}")
    console.print(table)
    xrefs = linker.xrefs(res.curie)
    if xrefs:
        console.print("xrefs: " + ", ".join(xrefs), highlight=False)


@terms_app.command("info")
def info(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    store: StoreOption = None,
) -> None:
    """Sources, counts, size and load time of the store."""
    from kg.linking.linker import Linker
    from kg.linking.store import TermStore

    path = _store_path(store)
    started = time.perf_counter()
    linker = Linker.open(path, build_if_missing=False)
    linker.resolve("mesenchymal stem cells")
    load_s = time.perf_counter() - started
    ts: TermStore = linker.store
    data = {
        "path": str(path), "size_mb": round(path.stat().st_size / 1e6, 2), "load_seconds": round(load_s, 3),
        "counts": ts.counts(), "prefixes": ts.prefix_counts(),
        "sources": [s.__dict__ for s in ts.sources()],
    }
    if as_json:
        print(json.dumps(data))
        return
    console.print(f"{path}: {data['size_mb']} MB, opened and first lookup in {load_s:.3f}s", highlight=False)
    console.print("counts: " + ", ".join(f"{k} {v}" for k, v in data["counts"].items()), highlight=False)
    table = Table("source", "version", "terms", "names", "xrefs", "seconds", "added")
    for s in ts.sources():
        table.add_row(s.name, s.version or "", str(s.terms), str(s.names), str(s.xrefs), str(s.seconds), s.added_at)
    console.print(table)
    top = list(data["prefixes"].items())[:12]
    console.print("terms by prefix: " + ", ".join(f"{p} {n}" for p, n in top), highlight=False)


def eval_store(corpus: str, split: str, rebuild: bool, shared_dir: Path | None) -> Path:
    """A store for evaluation: the default sources plus names learned from the corpus, nothing else.

    Scoring dev learns from train only; scoring test learns from train + dev, the data the final
    system (like the shipped NER models) is built from. Kept apart from the user's store so scores
    never depend on what the user added (and no other corpus can leak test documents into it).
    """
    from kg.eval.linking import training_pairs
    from kg.linking.build import build_default_store, corpus_terms, defaults_outdated
    from kg.linking.store import TermStore, data_dir

    splits = ("train", "dev") if split == "test" else ("train",)
    learned_from = f"{corpus}-{'+'.join(splits)}"
    path = data_dir() / "eval" / f"terms-{learned_from}.sqlite"
    (path.parent / f"terms-{corpus}.sqlite").unlink(missing_ok=True)  # the name before dev joined test scoring
    if rebuild or not TermStore.file_is_current(path) or defaults_outdated(path):
        err.print(f"building evaluation store {path} (default sources + {learned_from} names)", highlight=False)
        build_default_store(path)
        with TermStore(path) as ts:
            ts.add_terms(corpus_terms(training_pairs(corpus, shared_dir, splits)), source=f"corpus:{learned_from}")
    return path


@eval_app.command("linking")
def eval_linking(
    corpus: Annotated[str, typer.Option(help="bc5cdr or biored.")] = "bc5cdr",
    split: Annotated[str, typer.Option(help="dev or test (biored: dev).")] = "test",
    gold_mentions: Annotated[bool, typer.Option("--gold-mentions", help="Link the gold spans (linker-only score).")] = False,
    ner_model: Annotated[Optional[Path], typer.Option(help="spaCy NER pipeline for end-to-end (default: kg/models/bc5cdr).")] = None,
    pipeline: Annotated[Optional[str], typer.Option(
        help="End to end with a kg pipeline's whole NLP stage (lexicon, every NER model, entity layer) "
             "instead of one NER model; BioRED's default is 'default' (its genes need the BioNLP13CG model).")] = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="Use this store instead of the evaluation store.")] = None,
    rebuild: Annotated[bool, typer.Option(help="Rebuild the evaluation store.")] = False,
    shared_dir: Annotated[Optional[Path], typer.Option(help="Folder holding data/corpora.")] = None,
    errors: Annotated[Optional[Path], typer.Option(help="Write mis-linked mentions to this JSON file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Document-level concept P/R/F1 (BC5CDR convention) for Chemical and Disease (and Gene on BioRED)."""
    from kg.eval.linking import CORPUS_TYPES, EVAL_KIND_FACTOR, EVAL_PREFER, evaluate
    from kg.linking.linker import Linker

    if corpus not in CORPUS_TYPES:
        raise ConfigError(f"unknown corpus {corpus!r}; available: {', '.join(CORPUS_TYPES)}")
    path = store or eval_store(corpus, split, rebuild, shared_dir)
    started = time.perf_counter()
    linker = Linker.open(path, prefer=EVAL_PREFER, kind_factor=EVAL_KIND_FACTOR, build_if_missing=False)
    load_s = time.perf_counter() - started
    error_list: list[dict] | None = [] if errors else None
    if corpus == "biored" and pipeline is None and ner_model is None:
        pipeline = "default"
    result = evaluate(corpus, split, linker, gold_mentions=gold_mentions, ner_model=ner_model,
                      pipeline=pipeline, root=shared_dir, errors=error_list)
    result["meta"]["store"] = str(path)
    result["meta"]["store_load_seconds"] = round(load_s, 3)
    if errors and error_list is not None:
        errors.write_text(json.dumps(error_list, indent=1, ensure_ascii=False), encoding="utf-8")
    if as_json:
        print(json.dumps(result))
        return
    meta = result["meta"]
    table = Table("type", "precision", "recall", "F1", "tp", "fp", "fn",
                  title=f"{corpus} {split}, {meta['mode']}, {meta['documents']} documents")
    for t in CORPUS_TYPES[corpus]:
        s = result[t]
        table.add_row(t, f"{s['precision']:.2f}", f"{s['recall']:.2f}", f"{s['f1']:.2f}",
                      str(s["tp"]), str(s["fp"]), str(s["fn"]))
    console.print(table)
    console.print(f"{meta['mentions']} mentions linked in {meta['seconds']}s", highlight=False)


@terms_app.command("bench")
def bench(
    corpus: Annotated[str, typer.Option(help="Mention texts to link: bc5cdr or biored gold mentions (dev split).")] = "bc5cdr",
    shared_dir: Annotated[Optional[Path], typer.Option(help="Folder holding data/corpora.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    store: StoreOption = None,
) -> None:
    """Measure store load time, RSS added by the linker, and linking throughput (cold and cached)."""
    import psutil

    from kg.eval.linking import TYPE_MAP, _gold_type_name, corpus_path, read_pubtator
    from kg.linking.linker import Linker

    process = psutil.Process()
    mentions = [(m.text, TYPE_MAP[_gold_type_name(m.type)][0])
                for d in read_pubtator(corpus_path(corpus, "dev", shared_dir)) for m in d.mentions]
    rss_before = process.memory_info().rss
    started = time.perf_counter()
    linker = Linker.open(_store_path(store), build_if_missing=False)
    load_s = time.perf_counter() - started
    rss_loaded = process.memory_info().rss
    started = time.perf_counter()
    for text, category in mentions:
        linker.resolve(text, category)
    cold_s = time.perf_counter() - started
    started = time.perf_counter()
    for text, category in mentions:
        linker.resolve(text, category)
    warm_s = time.perf_counter() - started
    rss_after = process.memory_info().rss
    result = {
        "store": str(linker.store.path), "size_mb": round(linker.store.path.stat().st_size / 1e6, 1),
        "load_seconds": round(load_s, 4), "mentions": len(mentions),
        "distinct": len(set(mentions)),
        "mentions_per_second_cold": round(len(mentions) / cold_s), "mentions_per_second_cached": round(len(mentions) / warm_s),
        "rss_added_mb_on_load": round((rss_loaded - rss_before) / 1e6, 1),
        "rss_added_mb_after_linking": round((rss_after - rss_before) / 1e6, 1),
        "rss_total_mb": round(rss_after / 1e6, 1),
    }
    if as_json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        console.print(f"{key}: {value}", highlight=False)
