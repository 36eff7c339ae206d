"""Entity normalization: an offline terminology store (SQLite) and the linker that gives mentions CURIEs."""

from kg.linking.linker import Linker
from kg.linking.normalize import match_key, normalize
from kg.linking.store import TermStore, default_store_path

__all__ = ["Linker", "TermStore", "default_store_path", "match_key", "normalize"]
