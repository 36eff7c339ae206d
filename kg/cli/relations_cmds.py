"""`kg train relations` and `kg eval relations`: the trained relation classifier and the relation
benchmarks (BioRED's document-level pairs; a user's own gold edges)."""

from __future__ import annotations

import json
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from kg.cli.app import eval_app, train_app
from kg.errors import ConfigError, InputError

console = Console()


class RelationCorpus(str, Enum):
    biored = "biored"


class RelationSplit(str, Enum):
    train = "train"
    dev = "dev"


CorporaDir = Annotated[Optional[Path], typer.Option(
    "--corpora-dir", help="Corpora folder holding biored/ and bc5cdr/ (default $KG_CORPORA_DIR or "
                          "../shared/data/corpora).")]


def _corpora_dir(path: Path | None) -> Path:
    import os

    if path is None:
        env = os.environ.get("KG_CORPORA_DIR")
        path = Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpora"
    if not path.is_dir():
        raise InputError("corpora folder not found (pass --corpora-dir or set KG_CORPORA_DIR)", path=str(path))
    return path


@train_app.command("relations")
def train_relations_cmd(
    corpora_dir: CorporaDir = None,
    seed: Annotated[int, typer.Option(help="Seed for the folds and the solvers.")] = 13,
    output: Annotated[Optional[Path], typer.Option(
        help="Where to write the weights (default: the shipped kg/models/relations/classifier.joblib).")] = None,
) -> None:
    """Train the relation classifier on BioRED Train (its threshold from 5-fold out-of-fold predictions)."""
    from kg.eval.relations import biored_file
    from kg.relations.classifier import train_classifier

    train_file = biored_file(_corpora_dir(corpora_dir), "train")
    classifier, report = train_classifier([train_file], seed=seed, out=output, progress=lambda m: console.print(m))
    size = Path(report.path).stat().st_size
    card = {"name": "relations", "file": Path(report.path).name, "size_bytes": size,
            "training_seconds": report.seconds, "trained_on": [train_file.name], "documents": report.documents,
            "candidates": report.candidates, "related": report.related, "threshold": report.threshold,
            "out_of_fold": {"pair_f1": report.oof_pair_f1, "pair_type_f1": report.oof_pair_type_f1},
            **{k: v for k, v in classifier.meta.items() if k not in ("oof_pair_f1", "oof_pair_type_f1")},
            "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    Path(report.path).with_name("kg-model.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    console.print(f"saved {report.path} ({size / 1e6:.1f} MB) in {report.seconds:.0f} s: {report.documents} documents, "
                  f"{report.candidates} candidate pairs ({report.related} related); threshold {report.threshold}, "
                  f"out-of-fold pair F1 {report.oof_pair_f1:.1f}, pair+type F1 {report.oof_pair_type_f1:.1f}")


def _print_biored(result: dict) -> None:
    entities = "gold entities" if result["gold_entities"] else "end to end (our NER + linker)"
    table = Table(title=f"BioRED {Path(result['file']).name}, {entities}: {result['documents']} documents")
    table.add_column("extractors")
    for column in ("pair P", "pair R", "pair F1", "+type P", "+type R", "+type F1"):
        table.add_column(column, justify="right")
    for name, scores in result["by_extractor"].items():
        pair, typed = scores["pair"], scores["pair_type"]
        table.add_row(name, *(f"{pair[k]:.1f}" for k in ("precision", "recall", "f1")),
                      *(f"{typed[k]:.1f}" for k in ("precision", "recall", "f1")))
    console.print(table)
    calibration = result.get("classifier_calibration")
    if calibration:
        console.print(f"classifier calibration over {calibration['pair']['candidates']} candidate pairs: "
                      f"ECE {calibration['pair']['ece']:.3f} for P(related), "
                      f"{calibration['pair_type']['ece']:.3f} for P(related and type)")


def _print_gold(result: dict) -> None:
    console.print(f"{result['file']}: {result['found']}/{result['gold_edges']} gold edges found "
                  f"(recall {result['recall']:.1f}), precision {result['precision']:.1f} over "
                  f"{result['predicted_edges']} predicted edges; negated claims stored as positive: "
                  f"{result['negated_stored_as_positive']}")
    for miss in result["misses"]:
        console.print(f"  missed (line {miss['line']}): {miss['edge']}", highlight=False)


@eval_app.command("relations")
def eval_relations_cmd(
    corpus: Annotated[RelationCorpus, typer.Option(help="Benchmark corpus.")] = RelationCorpus.biored,
    split: Annotated[RelationSplit, typer.Option(
        help="Split of the corpus (BioRED's test split is held out).")] = RelationSplit.dev,
    gold_entities: Annotated[bool, typer.Option(
        "--gold-entities", help="Use the gold mentions and ids instead of our NER and linker.")] = False,
    file: Annotated[Optional[Path], typer.Option("--file", help="Any BioRED-format PubTator file.")] = None,
    gold: Annotated[Optional[Path], typer.Option(
        "--gold", help='Your own gold set: JSON Lines, each {"text": ..., "edges": a list of '
                       '(subject, TYPE, object, negated)}.')] = None,
    pipeline: Annotated[str, typer.Option(help="Pipeline config (name or TOML path).")] = "default",
    extractors: Annotated[Optional[str], typer.Option(
        help="For --gold: comma-separated extractors (default: the pipeline's).")] = None,
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N documents.")] = None,
    corpora_dir: CorporaDir = None,
    store: Annotated[Optional[Path], typer.Option(
        "--store", help="End to end: the linker's terminology store (default: the default sources plus "
                        "names learned from BioRED Train, as `kg eval linking --corpus biored` uses).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (precision/recall/f1 on 0-100).")] = False,
) -> None:
    """BioRED document-level pair and pair+type P/R/F1 (classifier, patterns, combined), or recall,
    precision and misses on your own gold edges."""
    from kg.cli.terms_cmds import eval_store
    from kg.eval.relations import biored_file, evaluate_biored, evaluate_gold_file

    if gold is not None:
        names = [n.strip() for n in extractors.split(",") if n.strip()] if extractors else None
        result = evaluate_gold_file(gold, pipeline, names)
        typer.echo(json.dumps(result, indent=2)) if as_json else _print_gold(result)
        return
    path = file or biored_file(_corpora_dir(corpora_dir), split.value)
    if not path.is_file():
        raise InputError("BioRED file not found", path=str(path))
    if not gold_entities and store is None:
        if file is None and split is RelationSplit.train:
            raise ConfigError("end-to-end scoring of BioRED Train would link with names learned from it; "
                              "score dev, or pass --gold-entities or --store")
        # names learned from BioRED Train, the convention of the linking evaluation
        store = eval_store("biored", "dev", rebuild=False, shared_dir=_corpora_dir(corpora_dir).parent.parent)
    with console.status("scoring relations...") as status:
        result = evaluate_biored(path, gold_entities, pipeline, limit=limit, store=store,
                                 progress=lambda n: status.update(f"scoring relations... {n} documents"))
    typer.echo(json.dumps(result, indent=2)) if as_json else _print_biored(result)
