"""Exploring and measuring: ``kg queries`` (the saved-query catalogue) and ``kg bench``."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from kg.cli.app import app


@app.command("queries")
def queries(
    name: Annotated[str | None, typer.Argument(help="Show one saved query in full (its Cypher and parameters).", show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the saved, parameterised Cypher queries (run one with: kg query --saved NAME --param k=v)."""
    from rich.console import Console  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    from kg.queries import REQUIRED, saved_queries, saved_query  # noqa: PLC0415

    def params_of(q) -> dict:
        return {k: (None if v is REQUIRED else v) for k, v in q.params.items()}

    selected = [saved_query(name)] if name else list(saved_queries().values())
    if as_json:
        print(json.dumps([{"name": q.name, "description": q.description, "params": params_of(q),
                           "required": q.required, "cypher": q.cypher, "file": str(q.path)}
                          for q in selected], indent=2, ensure_ascii=False))
        return
    console = Console(highlight=False)
    if name:
        q = selected[0]
        console.print(Text(f"{q.name}: {q.description}"))
        for key, default in q.params.items():
            shown = "(required)" if default is REQUIRED else json.dumps(default)
            console.print(Text(f"  ${key} = {shown}  {q.help.get(key, '')}"))
        console.print(Text(f"\n{q.cypher}\n"))
        console.print(Text(q.usage()))
        return
    table = Table("name", "parameters (defaults)", "description")
    for q in selected:
        params = ", ".join(f"{k}={'?' if v is REQUIRED else json.dumps(v)}" for k, v in q.params.items())
        table.add_row(Text(q.name), Text(params or "-"), Text(q.description))
    console.print(table)
    console.print("Run one: kg query --saved NAME --param KEY=VALUE   Show one: kg queries NAME")


@app.command()
def bench(
    n: Annotated[int, typer.Option("--n", help="Number of abstracts.", min=1)] = 200,
    corpus: Annotated[str, typer.Option(help="biored | bc5cdr (PubTator text from ../shared/data/corpora) | generated.")] = "biored",
    pipeline: Annotated[str, typer.Option("--pipeline", "-p", help="Pipeline config name or TOML path.")] = "default",
    neo4j: Annotated[str | None, typer.Option("--neo4j", help="Bolt URI of an EMPTY scratch database for the loader benchmark (default: a temporary embedded store).", show_default=False)] = None,
    executor: Annotated[str, typer.Option(help="local | dask (kg.distributed).")] = "local",
    workers: Annotated[int, typer.Option(help="Workers for --executor dask.", min=1)] = 2,
    batch_size: Annotated[int, typer.Option(help="Rows per UNWIND transaction (loader and raw).", min=1)] = 1000,
    memory_check: Annotated[str | None, typer.Option("--memory-check", help="N1,N2: peak RSS of separate builds of N1 and N2 documents (e.g. 1000,10000).", show_default=False)] = None,
    load: Annotated[bool, typer.Option("--load/--no-load", help="Also benchmark the loader against raw UNWIND MERGE.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON (includes pipeline_vs_ner and loader_vs_raw).")] = False,
) -> None:
    """Measure pipeline vs NER throughput, loader vs raw UNWIND MERGE, and peak memory."""
    from kg.bench import format_report, parse_sizes, run_bench  # noqa: PLC0415

    sizes = parse_sizes(memory_check) if memory_check else None
    from rich.console import Console  # noqa: PLC0415

    with Console(stderr=True).status(f"benchmarking {n} {corpus} abstracts..."):
        result = run_bench(n=n, corpus=corpus, pipeline=pipeline, neo4j=neo4j, executor=executor,
                           workers=workers, batch_size=batch_size, memory=sizes, load=load)
    if as_json or executor == "dask":
        print(json.dumps(result, indent=2, default=str))
        return
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    table = Table("measure", "value", title="kg bench", title_justify="left")
    for measure, value in format_report(result):
        table.add_row(Text(measure), Text(value))
    Console(highlight=False).print(table)
