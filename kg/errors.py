"""Errors the CLI turns into one clear line and a non-zero exit code."""

from __future__ import annotations


class KgError(Exception):
    """Base class for user-facing errors."""

    exit_code = 1


class InputError(KgError):
    """A file or record could not be read; names the file and the record."""

    def __init__(self, message: str, *, path: str | None = None, record: str | None = None):
        self.path = path
        self.record = record
        where = ", ".join(p for p in (path, f"record {record}" if record else None) if p)
        super().__init__(f"{where}: {message}" if where else message)


class ConfigError(KgError):
    """A pipeline config, model name or option is invalid."""


class StoreError(KgError):
    """The graph store is unreachable or refused an operation."""

    exit_code = 3


class WriteRefused(KgError):
    """A query would write, and --write was not given."""
