"""Relation stage: typed, directed, sentence-level relations with evidence and epistemics."""

from __future__ import annotations

from kg.config import PipelineConfig
from kg.errors import ConfigError
from kg.relations.patterns import PatternExtractor
from kg.relations.products import qualify_products
from kg.types import AnnotatedDoc, Relation

KNOWN_EXTRACTORS = ("patterns", "classifier")


class RelationStage:
    """Runs the configured extractors on an AnnotatedDoc and combines what they find."""

    def __init__(self, patterns: PatternExtractor | None, classifier=None, min_score: float = 0.0):
        self.patterns = patterns
        self.classifier = classifier
        self.min_score = min_score

    @classmethod
    def from_config(cls, config: PipelineConfig) -> "RelationStage":
        names = config.relations.extractors
        unknown = sorted(set(names) - set(KNOWN_EXTRACTORS))
        if unknown:
            raise ConfigError(f"unknown relation extractor(s) {unknown}; known: {list(KNOWN_EXTRACTORS)}")
        patterns = PatternExtractor(config.resolve("relations/triggers.toml")) if "patterns" in names else None
        classifier = None
        if "classifier" in names:
            from kg.relations.classifier import RelationClassifier

            classifier = RelationClassifier.load()
        return cls(patterns, classifier, config.relations.min_score)

    def extract(self, adoc: AnnotatedDoc) -> list[Relation]:
        if adoc.spacy_doc is None:
            raise ValueError(f"document {adoc.document.id}: relation stage needs the parsed spaCy doc")
        found = self.patterns.extract(adoc) if self.patterns else []
        if self.classifier is not None:
            from kg.relations.combine import combine

            found = combine(found, self.classifier.predict(adoc))
        found = qualify_products(found, adoc.document.text, adoc.mentions)
        # an entity is never its own subject and object ("... attributed to the cells, supporting trials
        # of UC-MSCs" where anaphora made "the cells" the UC-MSCs)
        return [r for r in found if r.evidence.score >= self.min_score
                and not (r.subject.curie and r.subject.curie == r.object.curie)]
