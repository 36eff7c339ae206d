"""The saved-query catalogue: parameterised Cypher in ``schemas/queries/*.cypher``.

Each file is plain Cypher that Neo4j Browser can import as a favourite, preceded by a
header of ``//`` comment lines::

    // name: what_decreases
    // description: What decreases TARGET? ...
    // param: target = "reactive oxygen species"  # entity name, synonym or id
    // param: limit = 25  # maximum rows

A parameter's default is JSON (``"text"``, ``25``, ``null``, ``true``); a ``param`` line
without ``=`` declares a required parameter. Every declared parameter is always sent
(defaults filled in), because Bolt servers refuse a query whose ``$name`` is missing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import ConfigError
from kg.resources import schemas_dir

QUERIES_DIR = "queries"
REQUIRED = object()  # marks a parameter without a default

_HEADER = re.compile(r"^//\s*(name|description|param)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*(?:=\s*(?P<default>[^#]*?))?\s*(?:#\s*(?P<help>.*))?$")
_PLACEHOLDER = re.compile(r"\$([A-Za-z_]\w*)")


@dataclass(frozen=True)
class SavedQuery:
    """One saved query: its Cypher and its parameters with defaults (``REQUIRED`` if none)."""

    name: str
    description: str
    cypher: str
    params: dict[str, Any] = field(default_factory=dict)
    help: dict[str, str] = field(default_factory=dict)  # parameter -> one-line description
    path: Path | None = None

    @property
    def required(self) -> list[str]:
        return [k for k, v in self.params.items() if v is REQUIRED]

    def usage(self) -> str:
        """``kg query --saved NAME --param k=v ...`` with the defaults, for help texts."""
        parts = [f"kg query --saved {self.name}"]
        for key, value in self.params.items():
            shown = "VALUE" if value is REQUIRED else value if isinstance(value, str) else json.dumps(value)
            parts.append(f"--param {key}={shown}")
        return " ".join(parts)


def parse_saved_query(text: str, path: Path | None = None) -> SavedQuery:
    """Parse one ``.cypher`` file (header + body); raises ConfigError naming the file."""
    where = str(path) if path else "saved query"
    name, description, params, helps = None, [], {}, {}
    body: list[str] = []
    in_header = True
    for number, line in enumerate(text.splitlines(), 1):
        match = _HEADER.match(line.strip()) if in_header else None
        if match:
            key, value = match.group(1), match.group(2).strip()
            if key == "name":
                name = value
            elif key == "description":
                description.append(value)
            else:
                pname, default, help_text = _parse_param(value, f"{where}:{number}")
                if pname in params:
                    raise ConfigError(f"{where}:{number}: parameter '{pname}' declared twice")
                params[pname] = default
                helps[pname] = help_text
            continue
        if in_header and (not line.strip() or line.strip().startswith("//")):
            continue  # blank lines and free comments inside the header
        in_header = False
        body.append(line)
    cypher = "\n".join(body).strip()
    if not name or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise ConfigError(f"{where}: header needs '// name: NAME' (lower case, digits, _), got {name!r}")
    if not cypher:
        raise ConfigError(f"{where}: no Cypher after the header")
    used = set(_PLACEHOLDER.findall(_strip_strings(cypher)))
    undeclared = sorted(used - set(params))
    unused = sorted(set(params) - used)
    if undeclared or unused:
        raise ConfigError(f"{where}: parameters do not match the Cypher: "
                          f"undeclared {undeclared or '-'}, unused {unused or '-'}")
    return SavedQuery(name=name, description=" ".join(description), cypher=cypher,
                      params=params, help=helps, path=path)


def _parse_param(value: str, where: str) -> tuple[str, Any, str]:
    match = _PARAM.match(value)
    if not match:
        raise ConfigError(f"{where}: expected 'param: NAME = DEFAULT  # help', got {value!r}")
    raw = match.group("default")
    if raw is None:
        default: Any = REQUIRED
    else:
        try:
            default = json.loads(raw)
        except ValueError as exc:
            raise ConfigError(f"{where}: default of '{match.group('name')}' is not JSON: {raw!r}") from exc
    return match.group("name"), default, (match.group("help") or "").strip()


def _strip_strings(cypher: str) -> str:
    """Cypher without string literals and comments, so ``'$x'`` is not taken for a parameter."""
    return re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*", " ", cypher)


def queries_dir() -> Path:
    return schemas_dir() / QUERIES_DIR


@lru_cache(maxsize=4)
def _catalogue(directory: Path) -> dict[str, SavedQuery]:
    queries: dict[str, SavedQuery] = {}
    for path in sorted(directory.glob("*.cypher")):
        query = parse_saved_query(path.read_text(encoding="utf-8"), path)
        if query.name in queries:
            raise ConfigError(f"{path}: saved query name '{query.name}' also used by {queries[query.name].path}")
        queries[query.name] = query
    return queries


def saved_queries(directory: Path | None = None) -> dict[str, SavedQuery]:
    """Every saved query by name (sorted by file name)."""
    return dict(_catalogue((directory or queries_dir()).resolve()))


def saved_query(name: str, directory: Path | None = None) -> SavedQuery:
    """The saved query ``name``; ConfigError listing the known names otherwise."""
    catalogue = saved_queries(directory)
    try:
        return catalogue[name]
    except KeyError:
        raise ConfigError(f"no saved query '{name}'; known: {', '.join(catalogue)}") from None


def render_params(query: SavedQuery, given: dict[str, Any] | None = None) -> dict[str, Any]:
    """The parameters to send: defaults overridden by ``given``.

    Unknown names and missing required values are errors. A string given for a parameter
    whose default is a number or boolean (``--param hops=2`` arrives parsed, but the Python
    API may pass "2") is converted to the default's type.
    """
    given = dict(given or {})
    unknown = sorted(set(given) - set(query.params))
    if unknown:
        known = ", ".join(query.params) or "none"
        raise ConfigError(f"saved query '{query.name}' has no parameter {', '.join(unknown)} (parameters: {known})")
    params: dict[str, Any] = {}
    for key, default in query.params.items():
        if key in given:
            params[key] = _coerce(query.name, key, given[key], default)
        elif default is REQUIRED:
            raise ConfigError(f"saved query '{query.name}' needs --param {key}=VALUE")
        else:
            params[key] = default
    return params


def _coerce(query: str, key: str, value: Any, default: Any) -> Any:
    if default is None and isinstance(value, str) and value.strip().lower() == "null":
        return None  # "--param type=null" asks for the optional parameter's "all" meaning
    if not isinstance(value, str) or default is REQUIRED or default is None or isinstance(default, str):
        return value
    try:
        if isinstance(default, bool):
            lowered = value.strip().lower()
            if lowered not in ("true", "false"):
                raise ValueError(value)
            return lowered == "true"
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
    except ValueError:
        raise ConfigError(f"saved query '{query}': parameter '{key}' expects "
                          f"{type(default).__name__}, got {value!r}") from None
    return value
