"""The Typer apps. Command modules attach to these; ``kg.cli.main`` imports them all."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="kg",
    help="Build a typed, evidence-backed biomedical knowledge graph from abstracts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
train_app = typer.Typer(help="Train models from public corpora.", no_args_is_help=True)
eval_app = typer.Typer(help="Evaluate NER, parser, linking and relations on public corpora.", no_args_is_help=True)
terms_app = typer.Typer(help="Build and query the offline terminology store.", no_args_is_help=True)
export_app = typer.Typer(help="Export the graph in bulk formats.", no_args_is_help=True)

app.add_typer(train_app, name="train")
app.add_typer(eval_app, name="eval")
app.add_typer(terms_app, name="terms")
app.add_typer(export_app, name="export")
