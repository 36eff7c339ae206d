"""kg: turn biomedical abstracts into a typed, evidence-backed knowledge graph.

The Python API (see kg.api) loads on first use, so ``import kg`` stays light::

    import kg
    kg.build(["abstracts.jsonl"], out="kg-out")
    with kg.connect() as conn:
        conn.saved("what_decreases", target="ROS")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> module that defines it; resolved lazily by __getattr__ (PEP 562).
_LAZY = {
    "build": "kg.api",
    "connect": "kg.api",
    "Connection": "kg.api",
    "to_networkx": "kg.api",
    "BuildResult": "kg.run",
    "Graph": "kg.types",
    "saved_query": "kg.queries",
    "saved_queries": "kg.queries",
}

__all__ = ["__version__", *_LAZY]

if TYPE_CHECKING:
    from kg.api import Connection, build, connect, to_networkx
    from kg.queries import saved_queries, saved_query
    from kg.run import BuildResult
    from kg.types import Graph


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
