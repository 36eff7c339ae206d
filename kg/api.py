"""The Python API: build a graph, connect to it, ask it questions.

    import kg

    result = kg.build(["examples/seed_msc_neuropathic_pain.txt"], out="kg-out")
    with kg.connect() as conn:                      # embedded store; or kg.connect("bolt://...")
        conn.query("MATCH (a)-[:DECREASES]->(b) RETURN a.name AS a, b.name AS b")
        conn.saved("what_decreases", target="ROS")
        g = conn.neighbourhood("MSCs", hops=2)      # networkx.MultiDiGraph
        conn.evidence("MSCs", "DECREASES", "ROS")   # the sentences behind an edge

Heavy libraries (spaCy, the neo4j driver, networkx, pandas) load on first use, so
``import kg`` stays fast.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import ConfigError, KgError

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from kg.config import PipelineConfig
    from kg.run import BuildResult
    from kg.store import StoreConnection
    from kg.types import Graph

__all__ = ["Connection", "build", "connect", "to_networkx"]


def build(
    inputs: str | Path | Iterable[str | Path],
    out: str | Path | None = "kg-out",
    pipeline: str | PipelineConfig = "default",
    neo4j: str | None = None,
    load: bool = True,
    *,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> BuildResult:
    """Build the graph from ``inputs`` (files or folders in any supported format).

    Writes KGX files and ``report.json`` to ``out`` (``None``: nothing written) and, with
    ``load=True``, loads the graph into ``neo4j`` (a Bolt URI; default ``$NEO4J_URI``,
    else the embedded store). Same behaviour as ``kg build``; returns the graph and the
    run report.
    """
    from kg.run import build as run_build  # noqa: PLC0415 - loads spaCy
    from kg.run import ensure_inputs  # noqa: PLC0415

    paths = [Path(inputs)] if isinstance(inputs, (str, Path)) else [Path(p) for p in inputs]
    if not paths:
        raise KgError("kg.build needs at least one input file or folder")
    ensure_inputs(paths)
    settings = _settings(neo4j, user, password, database) if load else None
    result = run_build(paths, pipeline, out_dir=Path(out) if out is not None else None)
    if settings is not None:
        from kg.store import open_store  # noqa: PLC0415

        with open_store(settings) as store:
            store.load(result.graph)
    return result


def connect(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> Connection:
    """An open connection to the graph store.

    ``uri=None`` uses ``$NEO4J_URI`` and, when that is unset too, the embedded store
    (started if needed and stopped on :meth:`Connection.close`). The password defaults to
    ``$NEO4J_PASSWORD``. Use it as a context manager or call ``close()``.
    """
    return Connection(_settings(uri, user, password, database)).open()


def _settings(uri: str | None, user: str | None, password: str | None, database: str | None):
    from kg.store import StoreSettings  # noqa: PLC0415

    settings = StoreSettings.resolve(uri=uri, user=user, database=database, password=password)
    if not settings.embedded and settings.password is None:
        raise ConfigError(f"no password for {settings.uri}: pass password=... or set NEO4J_PASSWORD")
    return settings


class Connection:
    """Cypher over Bolt with plain-Python results. Queries are read-only unless :meth:`write`."""

    def __init__(self, settings) -> None:
        self.settings = settings
        self._stack: contextlib.ExitStack | None = None
        self._store: StoreConnection | None = None

    # -- lifecycle ---------------------------------------------------------------------
    def open(self) -> Connection:
        if self._store is None:
            from kg.store import open_store  # noqa: PLC0415

            stack = contextlib.ExitStack()
            try:
                self._store = stack.enter_context(open_store(self.settings))
            except BaseException:
                stack.close()
                raise
            self._stack = stack
        return self

    def close(self) -> None:
        """Close the driver (and stop the embedded store if this connection started it)."""
        stack, self._stack, self._store = self._stack, None, None
        if stack is not None:
            stack.close()

    def __enter__(self) -> Connection:
        return self.open()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "open" if self._store is not None else "closed"
        return f"Connection({self.settings.describe()}, {state})"

    @property
    def store(self) -> StoreConnection:
        """The underlying :class:`kg.store.StoreConnection` (driver, uri, database)."""
        if self._store is None:
            raise KgError("the connection is closed")
        return self._store

    @property
    def uri(self) -> str:
        return self.store.uri

    # -- queries -----------------------------------------------------------------------
    def query(self, cypher: str, /, **params: Any) -> list[dict[str, Any]]:
        """Rows of a read-only Cypher query as dicts; ``$name`` placeholders from ``params``."""
        return self.store.query(cypher, params)

    def write(self, cypher: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run Cypher that may change the graph (committed)."""
        return self.store.query(cypher, params, write=True)

    def query_df(self, cypher: str, /, **params: Any) -> pd.DataFrame:
        """:meth:`query` as a pandas DataFrame (needs pandas: ``pip install pandas``)."""
        return _dataframe(self.query(cypher, **params))

    def saved(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run a saved query (``kg queries`` lists them) with its defaults overridden by ``params``."""
        from kg.queries import render_params, saved_query  # noqa: PLC0415

        query = saved_query(name)
        return self.store.query(query.cypher, render_params(query, params))

    def saved_df(self, name: str, /, **params: Any) -> pd.DataFrame:
        """:meth:`saved` as a pandas DataFrame."""
        return _dataframe(self.saved(name, **params))

    def neighbourhood(self, entity: str, hops: int = 1, limit: int = 500) -> nx.MultiDiGraph:
        """``entity`` (name, synonym or id) and the claims up to ``hops`` (1 or 2) away, as a
        networkx MultiDiGraph: nodes keyed by entity id, edges keyed by edge id."""
        if hops not in (1, 2):
            raise ConfigError(f"hops must be 1 or 2, got {hops!r}")
        rows = self.saved("neighbourhood", entity=entity, hops=hops, limit=limit)
        if not rows and not self._entity_exists(entity):
            raise KgError(f"no entity named {entity!r} (name, synonym or id) in {self.settings.describe()}")
        return rows_to_networkx(rows)

    def evidence(self, subject: str, type: str | None = None, object: str | None = None,  # noqa: A002
                 limit: int = 100) -> list[dict[str, Any]]:
        """The evidence sentences behind the edges ``subject -[type]-> object`` (names,
        synonyms or ids; ``type=None``: every type)."""
        if object is None:
            raise ConfigError("evidence() needs an object entity")
        return self.saved("edge_evidence", subject=subject, object=object,
                          type=type.upper() if type else None, limit=limit)

    def stats(self) -> dict[str, Any]:
        """Nodes per label, relationships per type, entity / document / evidence counts."""
        return self.store.stats()

    def load(self, graph: Graph, batch_size: int = 1000):
        """Load a :class:`kg.types.Graph` idempotently (returns the loader's counts)."""
        return self.store.load(graph, batch_size=batch_size)

    def _entity_exists(self, entity: str) -> bool:
        rows = self.query(
            "MATCH (e:Entity) WHERE e.id = $x OR toLower(e.name) = toLower($x) "
            "OR any(s IN coalesce(e.synonyms, []) WHERE toLower(s) = toLower($x)) RETURN count(e) AS n",
            x=entity,
        )
        return bool(rows and rows[0]["n"])


def _dataframe(rows: list[dict[str, Any]]) -> pd.DataFrame:
    try:
        import pandas as pd  # noqa: PLC0415
    except ImportError as exc:
        raise KgError("DataFrames need pandas: pip install pandas") from exc
    return pd.DataFrame.from_records(rows)


def to_networkx(graph: Graph, *, documents: bool = False) -> nx.MultiDiGraph:
    """A :class:`kg.types.Graph` as a networkx MultiDiGraph.

    Nodes are entity ids with ``name``, ``category`` (the label), ``synonyms``, ``xrefs``
    and ``mention_count``; edges run subject -> object, keyed by the edge id, with
    ``type``, ``negated``, ``hedged``, ``confidence``, ``evidence_count`` and
    ``publications``. ``documents=True`` adds Document nodes and ``MENTIONED_IN`` edges
    (attribute ``count``) from every entity to the documents that mention it.
    """
    import networkx as nx  # noqa: PLC0415

    g = nx.MultiDiGraph()
    for entity in graph.entities.values():
        g.add_node(entity.id, name=entity.name, category=entity.category.value, kind="Entity",
                   synonyms=list(entity.synonyms), xrefs=list(entity.xrefs), mention_count=entity.mention_count)
    for edge in graph.edges.values():
        for end in (edge.subject, edge.object):
            if end not in g:  # an endpoint loaded earlier, not part of this graph
                g.add_node(end, kind="Entity")
        g.add_edge(edge.subject, edge.object, key=edge.id, type=edge.type.value, negated=edge.negated,
                   hedged=edge.hedged, confidence=edge.confidence, evidence_count=len(edge.evidence),
                   publications=edge.publications)
    if documents:
        for doc in graph.documents.values():
            g.add_node(doc.id, kind="Document", title=doc.title, year=doc.year)
        for (entity_id, doc_id), count in graph.mentions.items():
            if doc_id not in g:
                g.add_node(doc_id, kind="Document")
            g.add_edge(entity_id, doc_id, key=f"{entity_id}|{doc_id}", type="MENTIONED_IN", count=count)
    return g


def rows_to_networkx(rows: Iterable[Mapping[str, Any]]) -> nx.MultiDiGraph:
    """Rows with ``subject_id, subject, subject_category, type, object_id, object,
    object_category, edge_id`` (and optional edge properties) as a MultiDiGraph, in the
    same shape as :func:`to_networkx`."""
    import networkx as nx  # noqa: PLC0415

    node_fields = {"subject_id", "subject", "subject_category", "object_id", "object", "object_category"}
    g = nx.MultiDiGraph()
    for row in rows:
        for end in ("subject", "object"):
            g.add_node(row[f"{end}_id"], name=row.get(end), category=row.get(f"{end}_category"), kind="Entity")
        attrs = {k: v for k, v in row.items() if k not in node_fields and k != "edge_id"}
        g.add_edge(row["subject_id"], row["object_id"], key=row.get("edge_id"), **attrs)
    return g
