"""NLP stage: tokens, sentences, abbreviations, lexicon + NER models -> one entity layer."""

from kg.nlp.pipeline import NlpPipeline, build_language

__all__ = ["NlpPipeline", "build_language"]
