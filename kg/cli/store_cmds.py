"""Graph store commands: load, query, stats, serve, export admin-import.

Without ``--neo4j`` (or ``NEO4J_URI``) they use the embedded store in ``$KG_HOME``.
The password comes only from ``NEO4J_PASSWORD`` or a hidden prompt.
"""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from kg.cli.app import app, export_app
from kg.cli.options import DbOpt, JsonOpt, NeoOpt, UserOpt, console as _console, store_settings as _settings
from kg.errors import ConfigError, InputError

def _cell(value: Any):
    """Text (never markup) for a table cell: data must not be interpreted by rich."""
    from rich.text import Text  # noqa: PLC0415

    if value is None:
        return Text("")
    if isinstance(value, (dict, list)):
        return Text(json.dumps(value, ensure_ascii=False, default=str))
    return Text(str(value))


def _print_rows(rows: list[dict[str, Any]], columns: list[str] | None = None) -> None:
    from rich.table import Table  # noqa: PLC0415

    console = _console()
    if not rows:
        console.print("(no rows)")
        return
    columns = columns or list(rows[0])
    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    console.print(table)
    console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")


def parse_params(values: list[str], *, as_json: bool = True) -> dict[str, Any]:
    """``k=v`` pairs; ``v`` is JSON when it parses (numbers, lists, true, "quoted"), else a string.
    With ``as_json=False`` every value stays the string given."""
    params: dict[str, Any] = {}
    for item in values:
        key, sep, raw = item.partition("=")
        key = key.strip()
        if not sep or not key.isidentifier():
            raise ConfigError(f"--param expects NAME=VALUE, got {item!r}")
        params[key] = raw
        if as_json:
            try:
                params[key] = json.loads(raw)
            except ValueError:
                pass
    return params


def _saved_query(name: str, values: list[str]) -> tuple[str, dict[str, Any]]:
    """Cypher and parameters of a saved query (kg queries lists them). Values are typed by
    the query's defaults, so ``--param pmid=123`` stays a string where a string is expected."""
    from kg.queries import render_params, saved_query  # noqa: PLC0415

    query = saved_query(name)
    given = parse_params(values, as_json=False)
    for key, raw in given.items():
        if isinstance(query.params.get(key), (list, dict)):
            try:
                given[key] = json.loads(raw)
            except ValueError as exc:
                raise ConfigError(f"--param {key} expects JSON like {json.dumps(query.params[key])}") from exc
    return query.cypher, render_params(query, given)


@app.command()
def load(
    directory: Annotated[Path, typer.Argument(help="Folder with KGX nodes.jsonl / edges.jsonl (from kg build --out).")],
    neo4j: NeoOpt = None,
    user: UserOpt = None,
    database: DbOpt = None,
    batch_size: Annotated[int, typer.Option(help="Rows per UNWIND transaction.", min=1)] = 1000,
) -> None:
    """Load a KGX folder into the graph store (idempotent: re-loading changes nothing)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn  # noqa: PLC0415

    from kg.sinks.kgx import read_graph  # noqa: PLC0415
    from kg.sinks.neo4j import Neo4jSink  # noqa: PLC0415
    from kg.store import open_store  # noqa: PLC0415

    if not directory.is_dir():
        raise InputError("not a folder (expected the --out folder of kg build)", path=str(directory))
    graph = read_graph(directory)
    settings = _settings(neo4j, user, database)
    evidence = len({ev.key(e.type) for e in graph.edges.values() for ev in e.evidence})
    total = len(graph.documents) + len(graph.entities) + len(graph.edges) + evidence + len(graph.mentions)
    with open_store(settings) as store, Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=_console(stderr=True), transient=True,
    ) as progress:
        task = progress.add_task(f"loading into {store.uri}", total=total)
        sink = Neo4jSink(store.driver, database=store.database, batch_size=batch_size, uri=store.uri,
                         progress=lambda what, n: progress.update(task, advance=n, description=f"loading {what}"))
        counts = sink.load(graph)
        stats = store.stats()
    from kg.vocab import RelationType  # noqa: PLC0415

    stats["edges"] = sum(stats["relationships_per_type"].get(t.value, 0) for t in RelationType)
    _print_rows([{"kind": k, "loaded": getattr(counts, k), "in store": stats[k]}
                 for k in ("documents", "entities", "edges", "evidence")])
    _console().print(f"loaded in {counts.seconds:.1f} s ({counts.batches} batches, {counts.retries} retries) "
                     f"into {settings.describe()}")


@app.command()
def query(
    cypher: Annotated[str | None, typer.Argument(help="Cypher; use $name placeholders with --param.", show_default=False)] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE (VALUE parsed as JSON when possible).")] = None,
    saved: Annotated[str | None, typer.Option("--saved", help="Run a saved query by name (list them: kg queries).", show_default=False)] = None,
    as_json: JsonOpt = False,
    write: Annotated[bool, typer.Option("--write", help="Allow CREATE/MERGE/SET/DELETE... (default: read-only).")] = False,
    neo4j: NeoOpt = None,
    user: UserOpt = None,
    database: DbOpt = None,
) -> None:
    """Run a Cypher query, or a saved one, read-only unless --write; print the rows."""
    from kg.store import check_read_only, open_store  # noqa: PLC0415

    if saved and cypher:
        raise ConfigError("give either a Cypher query or --saved NAME, not both")
    if saved:
        cypher, params = _saved_query(saved, param or [])
    elif cypher:
        params = parse_params(param or [])
    else:
        raise ConfigError("give a Cypher query, or --saved NAME (list them: kg queries)")
    if not write:
        check_read_only(cypher)  # refuse before starting a server
    with open_store(_settings(neo4j, user, database)) as store:
        rows = store.query(cypher, params, write=write)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    else:
        _print_rows(rows)


@app.command()
def stats(
    as_json: JsonOpt = False,
    neo4j: NeoOpt = None,
    user: UserOpt = None,
    database: DbOpt = None,
) -> None:
    """Counts: nodes per label, relationships per type, evidence, documents."""
    from kg.store import open_store  # noqa: PLC0415

    with open_store(_settings(neo4j, user, database)) as store:
        result = store.stats()
    if as_json:
        print(json.dumps(result, indent=2))
        return
    rows = [{"what": "nodes", "name": "(all)", "count": result["nodes"]}]
    rows += [{"what": "label", "name": k, "count": v} for k, v in result["nodes_per_label"].items()]
    rows += [{"what": "relationships", "name": "(all)", "count": result["relationships"]}]
    rows += [{"what": "type", "name": k, "count": v} for k, v in result["relationships_per_type"].items()]
    _print_rows(rows)


@app.command()
def serve(
    bolt_port: Annotated[int | None, typer.Option(help="Bolt port (default 7687 if free, else any free port).")] = None,
    http_port: Annotated[int | None, typer.Option(help="Studio/HTTP port (default 2480 if free, else any).")] = None,
) -> None:
    """Run the embedded store in the foreground (Ctrl-C stops it); other kg commands reuse it."""
    from kg.store.embedded import EmbeddedServer, free_port  # noqa: PLC0415

    def preferred(port: int) -> int:
        try:
            import socket  # noqa: PLC0415

            with socket.socket() as sock:
                sock.bind(("127.0.0.1", port))
            return port
        except OSError:
            return free_port()

    server = EmbeddedServer()
    console = _console()
    with server.locked():
        info = server.running()
        started = info is None
        if started:
            console.print(f"starting the embedded store in {server.root} ...")
            info = server.start(bolt_port=bolt_port or preferred(7687), http_port=http_port or preferred(2480))
    console.print(f"Bolt URI    {info.bolt_uri}   (database {server.database}, user {server.user})")
    console.print(f"Studio      {info.studio_url}")
    console.print(f"Password    in {server.password_file} (readable only by you)")
    console.print(f"Server log  {server.log_file}")
    if not started:
        console.print("already running (started elsewhere); stop it with: python -m kg.store.server stop")
        return
    console.print("Press Ctrl-C to stop.")
    import psutil  # noqa: PLC0415

    # Ctrl-C and `kill` both stop the server, also when kg was started with SIGINT ignored (as a
    # shell's background job is): otherwise the store would outlive its foreground command.
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    try:
        while psutil.pid_exists(info.pid) and psutil.Process(info.pid).status() != psutil.STATUS_ZOMBIE:
            time.sleep(1.0)
        console.print(f"the server exited; see {server.log_file}")
        raise typer.Exit(1)
    except KeyboardInterrupt:
        console.print("stopping ...")
    finally:
        server.stop(info)


@export_app.command("admin-import")
def export_admin_import(
    directory: Annotated[Path, typer.Argument(help="Output folder for the CSV files and import.sh.")],
    source: Annotated[Path, typer.Option("--from", help="KGX folder written by kg build --out.")] = Path("kg-out"),
) -> None:
    """Write CSV files for `neo4j-admin database import full` plus the exact command."""
    from kg.sinks.admin_import import write_admin_import  # noqa: PLC0415
    from kg.sinks.kgx import read_graph  # noqa: PLC0415

    if not source.is_dir():
        raise InputError("not a folder (expected the --out folder of kg build; pass --from)", path=str(source))
    result = write_admin_import(read_graph(source), directory)
    _print_rows([{"file": result.files[k].name, "rows": n} for k, n in result.counts.items()])
    console = _console()
    console.print(f"Run on the Neo4j host (database stopped): bash {directory / 'import.sh'} [DATABASE]")
    print(result.command)  # plain: one line to copy
