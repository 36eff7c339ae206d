"""Assembly: mentions merge into entities by id, relations into edges by (subject, type, object, negated)."""

from kg.assembly.assembler import Assembler, local_id

__all__ = ["Assembler", "local_id"]
