"""``kg build``: abstracts in, KGX files and a loaded graph out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import app
from kg.cli.options import DbOpt, NeoOpt, UserOpt, console as _console, store_settings as _settings

# Exit codes of `kg build` (documented in the README).
EXIT_OK = 0
EXIT_SKIPPED = 2  # the graph was built, but some documents were skipped (see report.json)


@app.command()
def build(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders: .txt, .jsonl, PubMed XML (.xml/.xml.gz), PubTator, BioC XML/JSON.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for KGX nodes.jsonl/edges.jsonl, report.json and the resume checkpoint.")] = Path("kg-out"),
    pipeline: Annotated[str, typer.Option("--pipeline", "-p", help="Pipeline config name in pipelines/ or a TOML path.")] = "default",
    neo4j: NeoOpt = None,
    user: UserOpt = None,
    database: DbOpt = None,
    load: Annotated[bool, typer.Option("--load/--no-load", help="Load the graph into the store (embedded store unless --neo4j).")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    executor: Annotated[str, typer.Option("--executor", help="local: this process; dask: shards on a Dask cluster (one task per file or record range, models loaded once per worker).")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address tcp://HOST:PORT for --executor dask (inputs and --out on a filesystem all workers share); default: a local cluster.", show_default=False)] = None,
    workers: Annotated[int, typer.Option("--workers", help="Worker processes of the local Dask cluster (--executor dask without --scheduler).", min=1)] = 2,
) -> None:
    """Build the graph: read, tag entities, extract relations, assemble, write KGX, load.

    An interrupted build resumes when run again with the same arguments. Exit code 0: every
    document was built; 2: the graph was built but some documents were skipped (listed in
    report.json and in the summary); 1 or 3: an error (bad option, store unreachable).
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from kg.config import load_pipeline
    from kg.errors import ConfigError
    from kg.run import Stages, build as run_build, ensure_inputs

    if executor not in ("local", "dask"):
        raise ConfigError(f"--executor must be local or dask, got {executor!r}")
    if scheduler and executor != "dask":
        raise ConfigError("--scheduler needs --executor dask")
    ensure_inputs(inputs)
    config = load_pipeline(pipeline)
    settings = _settings(neo4j, user, database) if load else None
    console = _console(stderr=True)
    progress = Progress(SpinnerColumn(), TextColumn("[bold]building[/]"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[doc]}"), TimeElapsedColumn(), console=console, disable=quiet)
    if executor == "dask":
        from kg.distributed import build_distributed

        with progress:  # counts shards, not documents
            task = progress.add_task("build", total=None, doc="")
            result = build_distributed(inputs, config, out_dir=out, scheduler=scheduler, workers=workers,
                                       on_shard=lambda shard: progress.update(task, advance=1, doc=shard["label"][-40:]))
    else:
        with console.status("loading models..."):
            stages = Stages(config)
        with progress:
            task = progress.add_task("build", total=None, doc="")
            result = run_build(inputs, config, out_dir=out, stages=stages,
                               on_progress=lambda doc_id: progress.update(task, advance=1, doc=doc_id[:40]))
    loaded = None
    if load:
        from kg.store import open_store

        with console.status(f"loading into {settings.describe()}..."):
            with open_store(settings) as store:
                loaded = store.load(result.graph)
    _summary(result, out, loaded, settings.describe() if settings else None)
    raise typer.Exit(EXIT_SKIPPED if result.report.skipped else EXIT_OK)


def _summary(result, out: Path, loaded, where: str | None) -> None:
    from rich.table import Table
    from rich.text import Text

    report = result.report
    console = _console()
    table = Table(title="kg build", show_header=False, title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("count", justify="right")
    rows = [
        ("documents read", report.documents_read),
        ("documents built", report.documents_built),
        ("documents skipped", len(report.skipped)),
        ("text segments dropped (not English, headers)", len(report.dropped_segments)),
        ("mentions", report.mentions),
        ("entities", sum(report.entities_per_category.values())),
        ("edges", sum(report.edges_per_type.values())),
    ]
    rows += [(f"  {t}", n) for t, n in sorted(report.edges_per_type.items())]
    rows += [("seconds", report.seconds)]
    for what, count in rows:
        table.add_row(Text(what), Text(str(count)))
    console.print(table)
    for item in report.skipped[:20]:
        console.print(Text(f"skipped {item.source} {item.record or ''}: {item.reason}"))
    if len(report.skipped) > 20:
        console.print(Text(f"... and {len(report.skipped) - 20} more in {out / 'report.json'}"))
    for seg in report.dropped_segments[:5]:
        console.print(Text(f"dropped from {seg['doc_id']}: {seg['reason']} ({seg['chars']} chars)"))
    console.print(Text(f"KGX files and report: {out}/"))
    if loaded is not None:
        console.print(Text(f"loaded into {where}: {loaded}"))
