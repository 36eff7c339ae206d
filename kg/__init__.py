"""kg: turn biomedical abstracts into a typed, evidence-backed knowledge graph."""

__version__ = "0.1.0"
