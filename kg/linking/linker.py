"""The linker: gives every mention a CURIE (or a stable kg-local id), a preferred name and scored candidates.

Lookup is exact on :func:`~kg.linking.normalize.match_key`, which already absorbs case, Greek
letters, hyphens/spaces, plurals and possessives; inverted MeSH labels are indexed in natural
order by the store. Candidates that the store cross-references (MeSH <-> ChEBI, CL <-> MeSH, ...)
are one concept, and the concept is named by the identifier space Biolink prefers for the
mention's category (Cell -> CL, Chemical -> CHEBI, Gene -> NCBIGene, ...).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.linking.build import PREFERRED_PREFIXES_KEY, ensure_store
from kg.linking.normalize import last_word, match_key, singular, slug
from kg.linking.store import NameHit, TermStore, curie_prefix
from kg.types import AnnotatedDoc, Candidate, Mention
from kg.vocab import PROTEIN_STATES, Category

LOCAL_PREFIX = "kg"
# Categories close enough that a name found under one may be meant as the other.
_RELATED = [
    ({Category.DISEASE, Category.PHENOTYPE}, 0.95),
    ({Category.CHEMICAL, Category.GENE}, 0.85),
    ({Category.DISEASE, Category.PROCESS}, 0.8),
    ({Category.PHENOTYPE, Category.PROCESS}, 0.8),
    ({Category.CELL, Category.ANATOMY}, 0.8),
    ({Category.CELLULAR_COMPONENT, Category.ANATOMY}, 0.85),
    ({Category.CELL, Category.CELL_LINE}, 0.85),
    ({Category.PROCEDURE, Category.ROUTE}, 0.8),
    ({Category.PROCEDURE, Category.DISEASE}, 0.75),
]
MAX_CLUSTER = 40  # ids of one concept; a bigger xref component means mappings chained too far
UNKNOWN_CATEGORY_FACTOR = 0.9
MISMATCH_FACTOR = 0.6
ABBREVIATION_FACTOR = 0.9  # the short form alone is more ambiguous than its long form
# A name found only after dropping leading modifiers ("distal ischemia" -> "ischemia") names a
# broader concept than the mention: it is kept, but scored lower than a full match.
HEAD_FACTOR = 0.8
DERIVED_FACTOR = 0.85  # a rewritten phrase ("renal failure" -> "kidney failure") that matches
# A name that matched only through plural folding ("amphetamines" -> "Amphetamine") loses a tie
# with one that matched in the mention's own number ("Amphetamines", the class).
NUMBER_MISMATCH_FACTOR = 0.9
LOCAL_UPGRADE_SCORE = 0.9  # a kg-local lexicon id gives way to a standard CURIE found this well
# Adjective endings -> noun endings of conditions, tried in order.
_ADJECTIVE_TO_NOUN = (("otic", "osis"), ("etic", "esia"), ("ptic", "psy"), ("atic", "a"), ("ic", "ia"),
                      ("ic", "y"), ("ic", "es"), ("ian", "ism"), ("ian", " disease"), ("al", ""))
# Latin/Greek adjectives and the English nouns MeSH headings use ("renal failure" = "Kidney Failure").
_ORGAN_WORDS = {
    "renal": "kidney", "nephric": "kidney", "hepatic": "liver", "cardiac": "heart", "pulmonary": "lung",
    "cerebral": "brain", "gastric": "stomach", "ocular": "eye", "cutaneous": "skin", "dermal": "skin",
    "vesical": "bladder", "osseous": "bone", "dental": "tooth", "oral": "mouth", "nasal": "nose",
    "intestinal": "intestine", "colonic": "colon", "splenic": "spleen", "pancreatic": "pancreas",
}
_WORD_SYNONYMS = {"injury": "disease", "impairment": "insufficiency", "damage": "disease",
                  "disorder": "disease", "disorders": "diseases", "toxicity": "disease"}


_ISOTOPE_LABEL = re.compile(r"^\[\d+m?[A-Z][a-z]?\]-?(?=\w)")  # [3H], [125I], [99mTc], [14C]-


def synonym_variants(text: str) -> list[str]:
    """The phrase with organ adjectives as nouns, then also with generic condition nouns swapped."""
    words = text.split()
    lowered = [w.lower() for w in words]
    out = []
    for joiner in ("of", "to", "in"):
        # "injury to the kidney" -> "kidney injury", "degeneration of neurons" -> "neurons degeneration"
        if joiner in lowered[1:-1]:
            i = lowered.index(joiner)
            tail = [w for w in words[i + 1:] if w.lower() not in ("the", "a", "an")]
            if tail:  # the moved noun becomes a modifier: "of the kidneys" -> "kidney ..."
                tail[-1] = singular(tail[-1].lower())
            words = tail + words[:i]
            out.append(" ".join(words))
            break
    if len(words) > 1 and lowered[0] in PROTEIN_STATES:
        out.append(" ".join(words[1:]))  # "cleaved caspase-3" is caspase-3 measured in one form
    organ = [_ORGAN_WORDS.get(w.lower(), w) for w in words]
    if organ != words:
        out.append(" ".join(organ))
    swapped = [_WORD_SYNONYMS.get(w.lower(), w) for w in organ]
    if swapped != organ:
        out.append(" ".join(swapped))
    return out


def noun_variants(text: str) -> list[str]:
    """Noun forms of a trailing adjective: ``"dyskinetic"`` -> ``["dyskinesia", ...]``."""
    head, _, last = text.rpartition(" ")
    out = []
    for adj, noun in _ADJECTIVE_TO_NOUN:
        if last.lower().endswith(adj) and len(last) > len(adj) + 3:
            out.append(f"{head} {last[: -len(adj)]}{noun}".strip())
    return out


# Where the text names exactly a concept of the store's category, that category replaces these tagger
# labels: a tagger's "synovial fluid IL-1β", "serum MDA", "obtained from abdominal fat" name a body
# part, tissue or fluid; its "vesicles" as a body part name a cellular component.
CATEGORY_OVERRIDES = {
    Category.ANATOMY: frozenset({Category.GENE, Category.CHEMICAL, Category.DISEASE}),
    Category.CELLULAR_COMPONENT: frozenset({Category.ANATOMY}),
}


def category_factor(found: Category | None, wanted: Category | None) -> float:
    if wanted is None or wanted is Category.ENTITY:
        return 1.0
    if found is None or found is Category.ENTITY:
        return UNKNOWN_CATEGORY_FACTOR
    if found is wanted:
        return 1.0
    for group, factor in _RELATED:
        if found in group and wanted in group:
            return factor
    return MISMATCH_FACTOR


def _supplementary(curie: str) -> bool:
    """A MeSH supplementary concept ("glycopyrronium tosylate", C...) gives way to a descriptor
    ("Glycopyrrolate", D...) that a name matches equally well: the heading is the concept the name
    usually means, the supplementary record one salt or preparation of it."""
    return curie.startswith("MESH:C")


def local_id(text: str) -> str:
    """Stable kg-local id for a name no terminology knows: the same name gives the same id everywhere."""
    return f"{LOCAL_PREFIX}:{slug(text)}"


@dataclass(frozen=True)
class Resolution:
    curie: str
    name: str
    score: float
    candidates: tuple[Candidate, ...]
    category: Category | None = None  # the concept's category as the store knows it


class Linker:
    """Links mentions against a :class:`TermStore`. Cheap to open; lookups are cached."""

    def __init__(
        self,
        store: TermStore,
        *,
        prefer: Mapping[Category, Sequence[str]] | None = None,
        min_score: float = 0.5,
        max_candidates: int = 5,
        kind_factor: Mapping[str, float] | None = None,
    ):
        self.store = store
        stored = store.meta(PREFERRED_PREFIXES_KEY, {}) or {}
        self.preferred: dict[Category, list[str]] = {
            Category(k): list(v) for k, v in stored.items() if k in Category._value2member_map_
        }
        for category, prefixes in (prefer or {}).items():
            # An override puts its prefixes first and keeps Biolink's order after them.
            rest = [p for p in self.preferred.get(category, []) if p not in prefixes]
            self.preferred[category] = list(prefixes) + rest
        # Multiplies the weight of names by kind, e.g. {"corpus": 1.1} lets a training corpus's
        # annotation convention win over ontology labels.
        self.kind_factor = dict(kind_factor or {})
        self.min_score = min_score
        self.max_candidates = max_candidates
        self._resolve = lru_cache(maxsize=200_000)(self._resolve_uncached)
        self._cluster = lru_cache(maxsize=200_000)(self._cluster_uncached)

    @classmethod
    def open(
        cls,
        path: Path | str | None = None,
        *,
        prefer: Mapping[Category, Sequence[str]] | None = None,
        build_if_missing: bool = True,
        progress: Callable[[str], None] | None = None,
        **kwargs: object,
    ) -> Linker:
        """Open the store at ``path`` (default: the user's data dir), building the default one if missing."""
        say = progress or (lambda msg: print(msg, file=sys.stderr))
        if build_if_missing:
            path = ensure_store(Path(path) if path else None, progress=say)
        return cls(TermStore.open(Path(path) if path else None, readonly=True), prefer=prefer, **kwargs)

    def close(self) -> None:
        self.store.close()

    # ---- public API ------------------------------------------------------------------------------

    def link(self, adoc: AnnotatedDoc) -> AnnotatedDoc:
        """Set ``curie``, ``name`` and ``candidates`` on every mention of ``adoc`` (in place; returned).

        A short form defined once in the document ("mesenchymal stem cells (MSCs)") carries its
        long form to the other mentions of the same short form that the NLP stage left without one,
        and takes the id its definition's mention was linked to.
        """
        long_forms = {m.text: m.long_form for m in adoc.mentions if m.long_form}
        for mention in adoc.mentions:
            if not mention.long_form and mention.text in long_forms:
                mention.long_form = long_forms[mention.text]
            self.link_mention(mention)
        # The short form names what its definition names: one node for "human placenta-derived MSCs"
        # and "hPMSCs", even where the two texts alone would link apart.
        defined = set(long_forms.values())
        definitions = {m.text: m for m in adoc.mentions if m.text in defined and m.curie}
        for mention in adoc.mentions:
            definition = definitions.get(mention.long_form or "")
            if definition is not None and definition.category is mention.category and mention.curie != definition.curie:
                mention.curie, mention.name = definition.curie, definition.name
        return adoc

    def link_many(self, adocs: Iterable[AnnotatedDoc]) -> Iterable[AnnotatedDoc]:
        for adoc in adocs:
            yield self.link(adoc)

    def link_mention(self, mention: Mention) -> Mention:
        if mention.curie:
            return self._keep_lexicon_id(mention)
        res = self._resolve(mention.text, mention.long_form, mention.category)
        mention.curie, mention.name = res.curie, res.name
        mention.candidates = list(res.candidates)
        if mention.category in CATEGORY_OVERRIDES.get(res.category, ()) and match_key(res.name) == match_key(mention.text):
            mention.category = res.category
        return mention

    def lookup(self, text: str, category: Category | None = None, long_form: str | None = None) -> list[Candidate]:
        """Scored candidates for ``text`` (best first); empty when nothing matches."""
        res = self._resolve(text, long_form, category)
        return [c for c in res.candidates if c.curie.split(":")[0] != LOCAL_PREFIX]

    def resolve(self, text: str, category: Category | None = None, long_form: str | None = None) -> Resolution:
        return self._resolve(text, long_form, category)

    def synonyms(self, curie: str) -> list[str]:
        """Names of the concept (its own first, then those of its cross-references)."""
        names: list[str] = []
        for member in (curie, *sorted(self._cluster(curie) - {curie})):
            names.extend(self.store.names_of(member))
        return list(dict.fromkeys(names))

    def xrefs(self, curie: str) -> list[str]:
        """Identifiers of the same concept in other vocabularies."""
        return sorted(self._cluster(curie) - {curie})

    def name(self, curie: str) -> str | None:
        term = self.store.term(curie)
        return term[0] if term else None

    # ---- internals -------------------------------------------------------------------------------

    def _keep_lexicon_id(self, mention: Mention) -> Mention:
        """Keep an id the lexicon set, unless the store names the same concept in a preferred space.

        A kg-local lexicon id gives way to a standard CURIE the store finds for the same name
        with a full-match score (the lexicon's id stays as a candidate).
        """
        given = mention.curie or ""
        if curie_prefix(given) == LOCAL_PREFIX:
            res = self._resolve(mention.text, mention.long_form, mention.category)
            if (curie_prefix(res.curie) == LOCAL_PREFIX or res.score < LOCAL_UPGRADE_SCORE) \
                    and mention.name and mention.name != mention.text:
                # the lexicon entry's own name: "p.o." is the "oral" that the store knows
                res = self._resolve(mention.name, None, mention.category)
            if curie_prefix(res.curie) != LOCAL_PREFIX and res.score >= LOCAL_UPGRADE_SCORE:
                mention.candidates = [*res.candidates, Candidate(curie=given, name=mention.name or mention.text,
                                                                 score=res.score)]
                mention.curie, mention.name = res.curie, res.name
                return mention
        best = self._representative(self._cluster(given), mention.category, {given: 1.0})
        term = self.store.term(best)
        if best != given and term:
            mention.candidates = [Candidate(curie=best, name=term[0], score=1.0),
                                  Candidate(curie=given, name=mention.name or mention.text, score=1.0),
                                  *[c for c in mention.candidates if c.curie not in (best, given)]]
            mention.curie, mention.name = best, term[0]
        elif not mention.name:
            known = self.store.term(given)
            mention.name = known[0] if known else mention.text
        return mention

    def _hits(self, text: str) -> list[NameHit]:
        return self.store.names_for_keys([match_key(text)])

    def _resolve_uncached(self, text: str, long_form: str | None, category: Category | None) -> Resolution:
        scored = self._score_hits(text, long_form, category, 1.0)
        if not scored and _ISOTOPE_LABEL.match(text):
            # A radiolabelled tracer is the compound: "[3H]spiperone" is Spiperone.
            scored = self._score_hits(_ISOTOPE_LABEL.sub("", text), None, category, 1.0)
        if not scored:
            # Rewrites: organ adjectives ("renal" -> "kidney") and adjectives for the condition
            # ("ischemic" -> "ischemia", "psychotic" -> "psychosis").
            for variant in synonym_variants(long_form or text) + noun_variants(long_form or text):
                scored = self._score_hits(variant, None, category, DERIVED_FACTOR)
                if scored:
                    break
        if not scored:
            # Drop leading words until a name matches: "adenovirus hemorrhagic cystitis".
            words = (long_form or text).split()
            for i in range(1, len(words) - 1):
                scored = self._score_hits(" ".join(words[i:]), None, category, HEAD_FACTOR)
                if scored:
                    break
        if not scored:
            return self._local(long_form or text)
        return self._rank(scored, text, long_form, category)

    def _score_hits(
        self, text: str, long_form: str | None, category: Category | None, base: float
    ) -> dict[str, tuple[float, NameHit]]:
        scored: dict[str, tuple[float, NameHit]] = {}
        sources = [(long_form, base)] if long_form else []
        sources.append((text, base * ABBREVIATION_FACTOR if long_form else base))
        for surface, factor in sources:
            surface_last = last_word(surface or "")
            for hit in self._hits(surface or ""):
                cluster = self._cluster(hit.curie)
                cat = hit.category or self._cluster_category(cluster, category)
                weight = hit.weight * self.kind_factor.get(hit.kind, 1.0)
                if last_word(hit.text) != surface_last:
                    weight *= NUMBER_MISMATCH_FACTOR
                score = round(weight * factor * category_factor(cat, category), 4)
                if hit.curie not in scored or score > scored[hit.curie][0]:
                    scored[hit.curie] = (score, hit)
        return scored

    def _rank(
        self, scored: dict[str, tuple[float, NameHit]], text: str, long_form: str | None, category: Category | None
    ) -> Resolution:
        # Group hits by concept (xref cluster); the concept scores as its best hit.
        concepts: list[tuple[float, str, frozenset[str], dict[str, float]]] = []
        seen: set[str] = set()
        for curie, (score, hit) in sorted(scored.items(), key=lambda kv: (-kv[1][0], _supplementary(kv[0]), kv[0])):
            if curie in seen:
                continue
            cluster = self._cluster(curie)
            members = {c: s for c, (s, _) in scored.items() if c in cluster}
            seen.update(members)
            rep = self._representative(cluster, category or hit.category, members)
            concepts.append((score, rep, cluster, members))
        best_score, best, _, members = concepts[0]
        if best_score < self.min_score:
            res = self._local(long_form or text)
            extra = tuple(self._candidate(rep, s) for s, rep, _, _ in concepts[: self.max_candidates])
            return Resolution(res.curie, res.name, res.score, res.candidates + extra)
        candidates = [self._candidate(rep, s) for s, rep, _, _ in concepts[: self.max_candidates]]
        # The directly matched ids of the chosen concept stay as xref candidates.
        for curie, s in sorted(members.items(), key=lambda kv: -kv[1]):
            if curie != best:
                candidates.append(self._candidate(curie, s))
        concept_category = self._cluster_category(concepts[0][2], category)
        return Resolution(best, candidates[0].name, best_score, tuple(candidates), concept_category)

    def _candidate(self, curie: str, score: float) -> Candidate:
        term = self.store.term(curie)
        return Candidate(curie=curie, name=term[0] if term else curie, score=round(score, 4))

    def _local(self, text: str) -> Resolution:
        curie = local_id(text)
        return Resolution(curie, text, 0.0, (Candidate(curie=curie, name=text, score=0.0),))

    def _cluster_uncached(self, curie: str) -> frozenset[str]:
        """The concept's ids: ``curie`` and what it cross-references, up to two steps away."""
        cluster = {curie}
        frontier = {curie}
        for _ in range(2):
            nxt: set[str] = set()
            for c in frontier:
                nxt |= self.store.direct_xrefs(c)
            nxt -= cluster
            cluster |= nxt
            frontier = nxt
            if not frontier or len(cluster) > MAX_CLUSTER:
                break
        return frozenset(cluster)

    def _cluster_category(self, cluster: frozenset[str], wanted: Category | None) -> Category | None:
        found = None
        for member in sorted(cluster):
            term = self.store.term(member)
            if term and term[1]:
                if term[1] is wanted:
                    return wanted
                found = found or term[1]
        return found

    def _representative(self, cluster: frozenset[str], category: Category | None, hits: Mapping[str, float]) -> str:
        """The cluster member in the most preferred identifier space (ties: the best hit)."""
        order = self.preferred.get(category, []) if category else []
        rank = {p: i for i, p in enumerate(order)}

        def key(curie: str) -> tuple[int, int, float, str]:
            known = curie in hits or self.store.term(curie) is not None
            return (rank.get(curie_prefix(curie), len(rank)), 0 if known else 1, -hits.get(curie, 0.0), curie)

        return min(cluster, key=key)
