"""Relation evaluation: BioRED's document-level convention, and a user's own gold file.

**BioRED** (``evaluate_biored``): the unit is an unordered pair of entity ids in a document. Gold
pairs come from the relation lines; predicted pairs from our sentence-level relations, each mention
standing for its id(s) (with ``gold_entities`` the gold ids; end to end one id per entity: the
linker's CURIE, or its MeSH / NCBI Gene cross-reference when it has one, written bare as BioRED
writes them, see ``scoring_id``; entities of other types, or with no id in BioRED's vocabularies,
make no scorable pair). Our types map to BioRED's
with ``kg.relations.classifier.to_biored`` (INCREASES/CAUSES -> Positive_Correlation,
DECREASES/TREATS/PREVENTS -> Negative_Correlation, ASSOCIATED_WITH/REGULATES -> Association,
INTERACTS_WITH -> Bind; a gene that CAUSES a disease is an Association, as BioRED's guideline
annotates a gene's causal role in a disease); relations of other types (DERIVED_FROM, LOCATED_IN, ...) are not BioRED
relations and are ignored. When one pair gets several types, the highest-scoring relation decides.
Negated relations count as pairs too: BioRED annotates a relation the abstract reports as absent
("HNF-6 variants are not associated with type II diabetes" is an Association). Scores: ``pair``
(ids only) and ``pair_type`` (ids and type), precision / recall / F1 on 0-100, micro-averaged.

**Gold file** (``evaluate_gold_file``): JSON Lines, one text per line with its expected edges
``[subject, TYPE, object, negated]``; subject and object are surface strings matched without case
against a mention's text, its linked name, its long form, the word it is written in ("MSC-EVs" for the
EVs of "MSC-EVs"), or any text the same document uses for the same linked entity ("BMSCs" for "bone
marrow mesenchymal stem cells"). Reports recall, precision (against the
listed edges only, so extra true edges count as errors) and every miss.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.types import EMBEDDED, AnnotatedDoc, Document, Mention, Relation
from kg.vocab import GRADING_ADJECTIVES, PROTEIN_STATES, Category, RelationType
from kg.eval.scores import PRF
from kg.relations.products import defined_abbreviation, enclosing_word, is_qualified, names_qualified_source

BIORED_FILES = {"train": "Train.PubTator", "dev": "Dev.PubTator"}
# Prefixes BioRED writes bare: MeSH for chemicals and diseases, NCBI Gene for genes, dbSNP and tmVar
# normalized forms for variants.
BARE_PREFIXES = ("MESH:", "NCBIGene:", "DBSNP:", "tmVar:")
EXTRACTOR_SETS = ("classifier", "patterns", "combined")


@dataclass
class PairScorer:
    """BioRED pair and pair+type scores accumulated over documents."""

    pair: PRF = field(default_factory=PRF)
    pair_type: PRF = field(default_factory=PRF)

    def add(self, gold: dict[frozenset[str], str], predicted: dict[frozenset[str], str]) -> None:
        self.pair.add(set(gold), set(predicted))
        self.pair_type.add(set(gold.items()), set(predicted.items()))

    def as_dict(self) -> dict:
        return {"pair": self.pair.as_dict(), "pair_type": self.pair_type.as_dict()}


def bare_id(curie: str) -> str:
    for prefix in BARE_PREFIXES:
        if curie.startswith(prefix):
            return curie[len(prefix):]
    return curie


def scoring_id(curie: str, xrefs: Iterable[str]) -> str | None:
    """The one id a predicted entity is scored under: its CURIE when BioRED uses that vocabulary,
    else its first cross-reference that BioRED uses (MeSH, NCBI Gene, dbSNP, tmVar), else none: an
    entity named only by a kg-local id or another vocabulary is not a scorable prediction (as
    kg-local ids count as "no id" in the linking evaluation). One id per entity, so an entity with
    several ids cannot turn one pair into several predictions."""
    for candidate in (curie, *sorted(xrefs)):
        if candidate.startswith(BARE_PREFIXES):
            return bare_id(candidate)
    return None


def predicted_pairs(relations: Iterable[Relation], ids_of: Callable[[Mention], list[str]]) -> dict[frozenset[str], str]:
    """BioRED pairs (id pair -> BioRED type) from our relations; the best-scoring relation of a pair wins."""
    from kg.relations.classifier import to_biored

    best: dict[frozenset[str], tuple[float, str]] = {}
    for relation in relations:
        biored_type = to_biored(relation)
        if biored_type is None:
            continue
        for a in ids_of(relation.subject):
            for b in ids_of(relation.object):
                if a == b:
                    continue
                key = frozenset((a, b))
                if key not in best or relation.evidence.score > best[key][0]:
                    best[key] = (relation.evidence.score, biored_type)
    return {key: biored_type for key, (_, biored_type) in best.items()}


def calibration(probabilities: list[float], outcomes: list[bool], bins: int = 10) -> dict:
    """Expected calibration error (0-1, equal-width bins weighted by size) and the reliability table."""
    table = []
    ece = 0.0
    total = len(probabilities)
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [i for i, p in enumerate(probabilities) if low <= p < high or (b == bins - 1 and p == 1.0)]
        if not members:
            continue
        confidence = sum(probabilities[i] for i in members) / len(members)
        accuracy = sum(1 for i in members if outcomes[i]) / len(members)
        ece += len(members) / total * abs(confidence - accuracy)
        table.append({"bin": f"{low:.1f}-{high:.1f}", "n": len(members), "mean_probability": round(confidence, 3),
                      "observed": round(accuracy, 3)})
    return {"ece": round(ece, 4), "candidates": total, "reliability": table}


def gold_pairs(gold_doc) -> dict[frozenset[str], str]:
    return {r.pair: r.type for r in gold_doc.relations if r.id1 != r.id2}


def biored_file(corpora_dir: Path, split: str) -> Path:
    if split not in BIORED_FILES:
        raise InputError(f"BioRED split '{split}' is not available here (have: {', '.join(BIORED_FILES)}; "
                         "the test split is held out)")
    path = corpora_dir / "biored" / BIORED_FILES[split]
    if not path.is_file():
        raise InputError("BioRED file not found (pass --corpora-dir or --file)", path=str(path))
    return path


def evaluate_biored(path: Path, gold_entities: bool, pipeline: str = "default",
                    classifier_path: Path | None = None, limit: int | None = None,
                    progress: Callable[[int], None] = lambda n: None, store: Path | None = None) -> dict:
    """Scores of the classifier alone, the patterns alone and both combined on a BioRED-format file.
    End to end, ``store`` is the linker's terminology store (default: the user's)."""
    from kg.config import load_pipeline
    from kg.nlp import NlpPipeline
    from kg.relations.biored import mention_ids, read_pubtator
    from kg.relations.classifier import RelationClassifier
    from kg.relations.combine import combine
    from kg.relations.features import CLASS_OF_CATEGORY, pair_instances
    from kg.relations.patterns import PatternExtractor

    config = load_pipeline(pipeline)
    nlp = NlpPipeline.from_config(config)
    patterns = PatternExtractor(config.resolve("relations/triggers.toml"))
    classifier = RelationClassifier.load(classifier_path)
    linker = None
    if not gold_entities and config.nlp.linker:
        from kg.linking import Linker

        linker = Linker.open(store)

    def predicted_ids(mention: Mention) -> list[str]:
        if gold_entities:
            return mention_ids(mention)
        if not mention.curie or mention.category not in CLASS_OF_CATEGORY:  # not a BioRED relation type
            return []
        found = scoring_id(mention.curie, linker.xrefs(mention.curie) if linker else [])
        return [found] if found else []

    scorers = {name: PairScorer() for name in EXTRACTOR_SETS}
    # Calibration of the classifier over all its candidate pairs (gold entities only: ids must be gold).
    pair_probabilities: list[float] = []
    pair_outcomes: list[bool] = []
    typed_probabilities: list[float] = []
    typed_outcomes: list[bool] = []
    started = time.time()
    documents = 0
    for gold_doc in read_pubtator(path):
        if limit is not None and documents >= limit:
            break
        if gold_entities:
            adoc = nlp.annotate_with_mentions(gold_doc.document, gold_doc.mentions)
        else:
            adoc = nlp.annotate(gold_doc.document)
            if linker is not None:
                adoc = linker.link(adoc)
        from_patterns = patterns.extract(adoc)
        from_classifier = classifier.predict(adoc)
        found = {"classifier": from_classifier, "patterns": from_patterns,
                 "combined": combine(from_patterns, from_classifier)}
        gold = gold_pairs(gold_doc)
        if gold_entities:
            for scored in classifier.score_instances(pair_instances(adoc, classifier.window, mention_ids)):
                truth = gold.get(frozenset(scored.key))
                pair_probabilities.append(scored.pair_probability)
                pair_outcomes.append(truth is not None)
                typed_probabilities.append(scored.score)
                typed_outcomes.append(truth == scored.biored_type)
        for name, relations in found.items():
            scorers[name].add(gold, predicted_pairs(relations, predicted_ids))
        documents += 1
        progress(documents)
    result = {"corpus": "biored", "file": str(path), "gold_entities": gold_entities, "pipeline": config.name,
              "store": str(linker.store.path) if linker else None,
              "documents": documents, "seconds": round(time.time() - started, 1),
              "classifier_threshold": classifier.threshold,
              **scorers["combined"].as_dict(),
              "by_extractor": {name: scorer.as_dict() for name, scorer in scorers.items()}}
    if gold_entities:
        result["classifier_calibration"] = {
            "pair": calibration(pair_probabilities, pair_outcomes),
            "pair_type": calibration(typed_probabilities, typed_outcomes),
        }
    return result


# -- user gold files --------------------------------------------------------------------------------
@dataclass(frozen=True)
class GoldEdge:
    subject: str
    type: RelationType
    object: str
    negated: bool

    def as_list(self) -> list:
        return [self.subject, self.type.value, self.object, self.negated]


def read_gold_file(path: Path) -> list[tuple[str, list[GoldEdge]]]:
    """Lines ``{"text": ..., "edges": [[subject, TYPE, object, negated], ...]}``; errors name the line."""
    if not path.is_file():
        raise InputError("gold file not found", path=str(path))
    items = []
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
                edges = []
                for edge in record["edges"]:
                    subject, rtype, obj, negated = edge
                    edges.append(GoldEdge(str(subject), RelationType(rtype), str(obj), bool(negated)))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise InputError(f"line {line_no}: expected {{\"text\", \"edges\": [[subject, TYPE, object, "
                                 f"negated], ...]}} ({type(exc).__name__}: {exc})",
                                 path=str(path), record=str(line_no)) from exc
            if not isinstance(text, str) or not text.strip():
                raise InputError(f"line {line_no}: empty text", path=str(path), record=str(line_no))
            items.append((text, edges))
    return items


Aliases = dict[str, set[str]]  # entity id -> lower-cased texts of its mentions in one document


def document_aliases(mentions: Iterable[Mention], text: str | None = None,
                     relations: Iterable[Relation] = ()) -> Aliases:
    """Every text a document uses for each linked entity ("BMSCs" and "bone marrow MSCs" alike), with
    ``text`` also the words they are written in ("ADSC-Exos" for the exosomes of "(ADSC-Exos)"), a
    cell's product with the cell before it ("BMSC exosomes"), and a cell's name after the source
    tissue that opens it ("MSCs" of "umbilical cord MSCs" and "placenta-derived MSCs", whose source the
    graph states as DERIVED_FROM). With ``relations``, a product qualified by its source
    (kg.relations.products) is also named by the compound that names both ("UC-MSC secretome",
    "exosomes secreted by BMSCs"), never by another source's product."""
    aliases: Aliases = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    sources = [m for m in ordered if m.found_by == EMBEDDED]
    for i, m in enumerate(ordered):
        if m.curie:
            names = aliases.setdefault(m.curie, set())
            names.add(m.text.lower())
            if m.category is Category.CELL and m.found_by != EMBEDDED:
                source_end = max((s.end for s in sources if m.start <= s.start and s.end < m.end), default=None)
                if source_end is not None:
                    names.add(m.text[source_end - m.start:].lstrip(" -").removeprefix("derived ").lower())
            if text is not None:
                if not _word_names_a_later_entity(text, m, ordered[i + 1:]):
                    names.add(enclosing_word(text, m.start, m.end).lower())
                source = ordered[i - 1] if i else None
                if source and source.category is Category.CELL and m.category is not Category.CELL \
                        and text[source.end:m.start] == " ":
                    # a cell's product in a spaced compound, the spelling of "MSC-EVs" without its
                    # hyphen: "BMSC exosomes" names the exosomes (and the graph says which cells)
                    names.add(f"{enclosing_word(text, source.start, source.end)} {m.text}".lower())
    if text is not None:
        _add_qualified_products(aliases, text, relations)
    return aliases


def _word_names_a_later_entity(text: str, mention: Mention, later: list[Mention]) -> bool:
    """Whether another entity follows the mention inside its written word: the word names that one
    ("BMSC-CM" is the conditioned medium, not the BMSCs; "ADSC-Exos" the exosomes)."""
    word_end = mention.end
    while word_end < len(text) and not text[word_end].isspace():
        word_end += 1
    return any(mention.end <= other.start < word_end and other.curie != mention.curie for other in later)


def _add_qualified_products(aliases: Aliases, text: str, relations: Iterable[Relation]) -> None:
    """Names of each source-qualified product: its own words, the compound that names it with its
    source and the abbreviation defined for that compound, and the names its generic term has in the
    document ("EVs" for the "small EVs derived from DPSCs") unless another source's product uses them."""
    own: Aliases = {}
    generic_of: dict[str, str] = {}
    for r in relations:
        for m in (r.subject, r.object):
            if is_qualified(m):
                generic_of[m.curie] = m.candidates[0].curie
                own.setdefault(m.curie, set()).update({m.text.lower(), enclosing_word(text, m.start, m.end).lower()})
        if names_qualified_source(r):
            start, end = min(r.subject.start, r.object.start), max(r.subject.end, r.object.end)
            own[r.subject.curie].add(text[start:end].lower())
            if (short := defined_abbreviation(text, end)) is not None:
                own[r.subject.curie].add(short.lower())
    for product, names in own.items():
        others = set().union(*(n for p, n in own.items() if p != product and generic_of[p] == generic_of[product]))
        aliases[product] = names | (aliases.get(generic_of[product], set()) - others)


COMPLEX_HEADS = (" inflammasome",)  # "NLRP3" is how the field writes the NLRP3 inflammasome
# The act a route mention may end in: the route is the word before ("subcutaneous injections of SVF" is
# the subcutaneous route, as curators write it 60 times for every one they keep the act).
ROUTE_ACTS = (" injection", " injections", " infusion", " infusions", " administration")


def surface_names(mention: Mention, aliases: Aliases | None = None, text: str | None = None) -> set[str]:
    names = {n.lower() for n in (mention.text, mention.name, mention.long_form) if n}
    names |= {n.removesuffix(head) for n in names for head in COMPLEX_HEADS if n.endswith(head) and n != head.strip()}
    if mention.category is Category.ROUTE:
        names |= {n.removesuffix(act) for n in names for act in ROUTE_ACTS if n.endswith(act)}
    if text is not None:
        names.add(enclosing_word(text, mention.start, mention.end).lower())
    if aliases and mention.curie:
        names |= aliases.get(mention.curie, set())
    return names


SPECIES_PREFIXES = ("human ", "rat ", "mouse ", "murine ")


def without_species(name: str) -> str:
    """ "human amniotic MSCs" and "amniotic MSCs" name one cell type (curators drop the species two
    times in three)."""
    lowered = name.lower()
    return next((lowered[len(p):] for p in SPECIES_PREFIXES if lowered.startswith(p)), lowered)


def bare_name(name: str) -> str:
    """The name without its species word and without a protein's measured form: "cleaved caspase-3"
    and "caspase-3" name one protein (curators keep the form (kg.vocab.PROTEIN_STATES) about two times
    in three, as the NLP stage does)."""
    first, _, rest = without_species(name).partition(" ")
    return rest if rest and first in PROTEIN_STATES else without_species(name)


def without_grading(name: str) -> str:
    """ "regulator of mitochondrial biogenesis" for "master regulator of mitochondrial biogenesis": the NLP
    stage leaves grading adjectives out of a class mention (kg.vocab.GRADING_ADJECTIVES), so the graph's
    class is the ungraded one."""
    words = name.lower().split()
    while len(words) > 1 and words[0] in GRADING_ADJECTIVES:
        words = words[1:]
    return " ".join(words)


def _abbreviation_singular(name: str) -> str | None:
    """ "MSC" for "MSCs", "EV" for "EVs" (an abbreviation's plural: a final "s" after a capital or a
    digit); None for any other name."""
    if len(name) > 2 and name.endswith("s") and (name[-2].isupper() or name[-2].isdigit()):
        return name[:-1].lower()
    return None


def _named(gold_name: str, names: set[str]) -> bool:
    """Whether a gold name is one of a mention's names: without case, with or without a leading species
    word or protein form (``bare_name``), and an abbreviation in the singular or the plural ("MSCs" for
    the "MSC" of "MSC infusion")."""
    if gold_name.lower() in names or without_grading(gold_name) in names:
        return True
    bare = {bare_name(n) for n in names}
    single = _abbreviation_singular(gold_name)
    plural = gold_name + "s" if gold_name[-1:].isupper() or gold_name[-1:].isdigit() else None  # "MSC" for "MSCs"
    return bare_name(gold_name) in bare or single in bare or plural is not None and bare_name(plural) in bare


def edge_matches(edge: GoldEdge, relation: Relation, aliases: Aliases | None = None, text: str | None = None) -> bool:
    return (relation.type is edge.type and relation.evidence.epistemics.negated == edge.negated
            and _named(edge.subject, surface_names(relation.subject, aliases, text))
            and _named(edge.object, surface_names(relation.object, aliases, text)))


def score_gold(items: list[tuple[str, list[GoldEdge]]], predicted: list[list[Relation]],
               aliases: list[Aliases] | None = None) -> dict:
    """Recall over gold edges, precision over predicted edges (distinct per text), and the misses.
    An endpoint matches by its text, linked name, long form, the word it is written in ("MSC-EVs"
    for the EVs of "MSC-EVs"), or (with ``aliases``) any text the document uses for the same entity
    (``document_aliases``); with or without a leading species word ("human amniotic MSCs")."""
    found = gold_total = correct_predictions = predicted_total = 0
    misses, extras = [], []
    negated_as_positive = 0
    for index, ((text, edges), relations) in enumerate(zip(items, predicted)):
        names = aliases[index] if aliases else None
        distinct: dict[tuple, Relation] = {}
        for r in relations:
            # by text and identity: "Both treatments reduced ROS" is one text standing for two agents
            distinct.setdefault((r.subject.text.lower(), r.subject.curie, r.type, r.object.text.lower(), r.object.curie,
                                 r.evidence.epistemics.negated), r)
        for edge in edges:
            gold_total += 1
            if any(edge_matches(edge, r, names, text) for r in distinct.values()):
                found += 1
            else:
                misses.append({"line": index + 1, "edge": edge.as_list(), "text": text[:160]})
            if edge.negated:
                positive = GoldEdge(edge.subject, edge.type, edge.object, False)
                negated_as_positive += sum(1 for r in distinct.values() if edge_matches(positive, r, names, text))
        for r in distinct.values():
            predicted_total += 1
            if any(edge_matches(edge, r, names, text) for edge in edges):
                correct_predictions += 1
            else:
                extras.append({"line": index + 1, "edge": [r.subject.text, r.type.value, r.object.text,
                                                           r.evidence.epistemics.negated],
                               "extractor": r.evidence.extractor})
    recall = 100.0 * found / gold_total if gold_total else 0.0
    precision = 100.0 * correct_predictions / predicted_total if predicted_total else 0.0
    return {"texts": len(items), "gold_edges": gold_total, "found": found, "predicted_edges": predicted_total,
            "recall": round(recall, 2), "precision": round(precision, 2),
            "f1": round(2 * precision * recall / (precision + recall), 2) if precision + recall else 0.0,
            "negated_stored_as_positive": negated_as_positive, "misses": misses, "unexpected": extras}


def evaluate_gold_file(path: Path, pipeline: str = "default", extractors: list[str] | None = None) -> dict:
    """Runs the pipeline (NLP, linker, relation stage) on each text of a gold file and scores it."""
    from kg.config import load_pipeline
    from kg.nlp import NlpPipeline
    from kg.relations import RelationStage

    items = read_gold_file(path)
    config = load_pipeline(pipeline)
    if extractors:
        config = config.model_copy(update={"relations": config.relations.model_copy(update={"extractors": extractors})})
    nlp = NlpPipeline.from_config(config)
    stage = RelationStage.from_config(config)
    linker = None
    if config.nlp.linker:
        from kg.linking import Linker

        linker = Linker.open()
    predicted, aliases = [], []
    for index, (text, _) in enumerate(items):
        adoc: AnnotatedDoc = nlp.annotate(Document(id=f"gold:{index + 1}", abstract=text, source=str(path)))
        if linker is not None:
            adoc = linker.link(adoc)
        relations = stage.extract(adoc)
        predicted.append(relations)
        aliases.append(document_aliases(adoc.mentions, text, relations))
    result = score_gold(items, predicted, aliases)
    return {"file": str(path), "pipeline": config.name, "extractors": config.relations.extractors, **result}
