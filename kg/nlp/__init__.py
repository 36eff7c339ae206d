"""NLP stage: tokens, sentences, abbreviations, lexicon + NER models -> one entity layer.

``NlpPipeline`` and ``build_language`` load spaCy on first use, so spaCy-free parts of this package
(kg.nlp.wordpiece, which a training machine without spaCy imports) stay importable without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["NlpPipeline", "build_language"]

if TYPE_CHECKING:
    from kg.nlp.pipeline import NlpPipeline, build_language


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'kg.nlp' has no attribute {name!r}")
    from kg.nlp import pipeline

    return getattr(pipeline, name)
