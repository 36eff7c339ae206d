"""A cell product's identity includes its source: "BMSC-Exos" and "ADSC-Exos" are two entities.

Without this, every exosome, EV, secretome or conditioned medium of a document links to one term
(GO:0070062, ...), so "BMSC-Exos reduced ROS, whereas ADSC-Exos did not alter ROS" puts a claim and
its denial on one node, and the source cells hang off it as DERIVED_FROM edges that no longer say
which product did what.

Rule: a product mention (a cellular component: vesicles, exosomes, secretome, conditioned medium,
mitochondria) that a DERIVED_FROM relation ties to exactly one source cell *within one compound*
("BMSC-derived exosomes", "UC-MSC secretome", "MSC-EVs", "exosomes secreted by BMSCs") becomes a
source-qualified entity in every relation of the document that uses that mention:

* id ``kg:<product>_from_<source>`` built from both CURIEs, so "BMSC-Exos" and "bone marrow MSC
  exosomes" merge across documents and runs;
* name "<product name> from <source name>";
* the generic product as a candidate with score 1, which the assembler keeps as an xref, so
  ``WHERE 'GO:0070062' IN n.xrefs`` still finds every exosome.

An abbreviation defined right after the compound names the same entity wherever the document uses
it: after "placental MSC-derived exosomes (hP-MSC-Exos)" or "BMSC-derived extracellular vesicles
(EVs)", "hP-MSC-Exos" and "EVs" are those exosomes and vesicles. A later "these vesicles" or "the
exosomes" refers back to the one such product named before it; with two sources named ("BMSC-Exos
and ADSC-Exos ... these exosomes") or none, and for a bare "EVs", the mention keeps the generic id:
the text does not say which cells it came from.
"""

from __future__ import annotations

import re

from kg.relations.anaphora import STAND_IN, refers_back
from kg.types import ENGINEERED, Candidate, Mention, Relation
from kg.vocab import Category, RelationType

# "exosomes derived from", "-derived", "secreted by", "isolated from": at most this many words
# between a product and its source for the two to read as one compound.
MAX_COMPOUND_WORDS = 3
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]")
# "(BMSC-Exos)", "(ADMSC-EVs, 50 μg)", "(sEVs; 50 μg on days 1 and 4)"
_DEFINED_ABBREVIATION = re.compile(r"\s*\(([^()\s;,][^();,]{0,40})[);,]")


def qualified_id(product_curie: str, source_curie: str) -> str:
    return f"kg:{_local(product_curie)}_from_{_local(source_curie)}"


def _local(curie: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", curie.removeprefix("kg:")).strip("_")


def is_qualified(mention: Mention) -> bool:
    """Whether a mention stands for a source-qualified product (see ``qualified_mention``)."""
    return (mention.curie is not None and bool(mention.candidates)
            and mention.curie.startswith(f"kg:{_local(mention.candidates[0].curie)}_from_"))


def names_qualified_source(relation: Relation) -> bool:
    """Whether a relation is "<source-qualified product> DERIVED_FROM <its source>"."""
    subject, source = relation.subject, relation.object
    return (relation.type is RelationType.DERIVED_FROM and bool(subject.candidates) and source.curie is not None
            and subject.curie == qualified_id(subject.candidates[0].curie, source.curie))


def enclosing_word(text: str, start: int, end: int) -> str:
    """The whitespace-delimited word a mention is written in, without surrounding punctuation:
    "MSC-EVs" for the mention "EVs" in "(MSC-EVs)"."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].strip("()[]{},;:.")


def defined_abbreviation(text: str, end: int) -> str | None:
    """The short form defined in parentheses right after offset ``end``, if any."""
    match = _DEFINED_ABBREVIATION.match(text, end)
    return match.group(1).strip() if match else None


def _in_one_compound(text: str, product: Mention, source: Mention) -> bool:
    if product.end <= source.start:
        between = text[product.end:source.start]
    elif source.end <= product.start:
        between = text[source.end:product.start]
    else:
        return False
    return not _CLAUSE_BREAK.search(between) and len(between.split()) <= MAX_COMPOUND_WORDS


def _is_compound_source(text: str, relation: Relation) -> bool:
    return (relation.type is RelationType.DERIVED_FROM and not relation.evidence.epistemics.negated
            and relation.subject.category is Category.CELLULAR_COMPONENT and relation.subject.curie is not None
            and relation.object.category is Category.CELL and relation.object.curie is not None
            and _in_one_compound(text, relation.subject, relation.object))


def qualified_mention(product: Mention, source: Mention) -> Mention:
    assert product.curie and source.curie
    product_name = product.name or product.text
    return product.model_copy(update={
        "curie": qualified_id(product.curie, source.curie),
        "name": f"{product_name} from {source.name or source.text}",
        "candidates": [Candidate(curie=product.curie, name=product_name, score=1.0)],
    })


_RESPECTIVELY = re.compile(r"\(([^()]{3,80}?),?\s+respectively\)")
_LIST_JOINTS = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _respective_products(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """Short forms defined "respectively" for one product of several sources: "conditioned media from
    bone marrow, adipose and umbilical cord MSCs (BM-CM, AT-CM and UC-CM, respectively)" makes each
    short form the product of its own source, in order."""
    out: dict[str, Mention] = {}
    for match in _RESPECTIVELY.finditer(text):
        shorts = [w.strip() for w in _LIST_JOINTS.split(match.group(1)) if w.strip()]
        before = [m for m in mentions if m.end <= match.start() and match.start() - m.end < 120 and m.curie]
        products = [m for m in before if m.category is Category.CELLULAR_COMPONENT and ";" not in text[m.end:match.start()]]
        if len(shorts) < 2 or not products:
            continue
        product = products[-1]
        sources = [m for m in before if m.start >= product.end and m.category in (Category.ANATOMY, Category.CELL)
                   and not any(o is not m and o.start <= m.start and m.end <= o.end for o in before)]
        if len(sources) != len(shorts):
            continue
        for short, source in zip(shorts, sources):
            out[short] = qualified_mention(product, source)
    return out


_UNTIL_DEFINITION = re.compile(r"[^()\[\];.]{0,100}?\(")


def _engineered_definitions(text: str, mentions: list[Mention]) -> dict[tuple[int, int], Mention]:
    """The vesicles an engineered product's short form is defined for: "Preconditioned exosomes
    (H2O2-Exo)", "Exosomes from BMSCs transfected with a miR-124-3p inhibitor (inhibitor-Exos)" are
    the product the short form names (the NLP stage gives it an identity of its own), not the native
    vesicles, nor the plain product of their source cells."""
    engineered = {m.start: m for m in mentions if m.category is Category.CELLULAR_COMPONENT and m.curie
                  and m.found_by == ENGINEERED}
    out: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        if m.category is not Category.CELLULAR_COMPONENT or m.start in engineered:
            continue
        match = _UNTIL_DEFINITION.match(text, m.end)
        short = engineered.get(match.end()) if match else None
        if short is not None and not any(o.category is Category.CELLULAR_COMPONENT and m.end <= o.start < match.end()
                                         for o in mentions):
            out[(m.start, m.end)] = short
    return out


def qualify_products(relations: list[Relation], text: str, mentions: list[Mention] | None = None) -> list[Relation]:
    """``relations`` with each product mention that names its source cell, or an abbreviation
    defined for such a compound, replaced by its source-qualified mention (see the module docstring);
    with the document's ``mentions``, short forms defined "respectively" for one product of several
    sources too (``_respective_products``)."""
    sources: dict[tuple[int, int], dict[str, tuple[Mention, Mention]]] = {}
    for r in relations:
        if _is_compound_source(text, r):
            sources.setdefault((r.subject.start, r.subject.end), {})[r.object.curie] = (r.subject, r.object)
    qualified: dict[tuple[int, int], Mention] = {}
    by_abbreviation: dict[str, set[str]] = {}
    templates: dict[str, Mention] = {}
    for span, by_source in sources.items():
        if len(by_source) != 1:  # "BMSC- and ADSC-derived exosomes": no one source
            continue
        ((product, source),) = by_source.values()
        qualified[span] = templates.setdefault(qualified_id(product.curie, source.curie), qualified_mention(product, source))
        short = defined_abbreviation(text, max(product.end, source.end))
        if short:
            by_abbreviation.setdefault(short, set()).add(qualified[span].curie)
    respective = _respective_products(text, mentions or [])
    engineered = _engineered_definitions(text, mentions or [])
    if not qualified and not respective and not engineered:
        return relations
    # an abbreviation defined for two different products names neither
    abbreviations = {short: templates[next(iter(ids))] for short, ids in by_abbreviation.items() if len(ids) == 1}
    abbreviations.update(respective)

    def resolved(mention: Mention) -> Mention:
        if mention.category is not Category.CELLULAR_COMPONENT or not mention.curie:
            return mention
        short = engineered.get((mention.start, mention.end))
        if short is not None:
            return mention.model_copy(update={"curie": short.curie, "name": short.name,
                                              "candidates": [Candidate(curie=mention.curie, name=mention.name or mention.text,
                                                                       score=1.0)]})
        template = abbreviations.get(enclosing_word(text, mention.start, mention.end)) or abbreviations.get(mention.text)
        if template is None:
            template = qualified.get((mention.start, mention.end))
        if template is None and (mention.found_by == STAND_IN or refers_back(mention, text)):
            # "These vesicles", "the exosomes", "They": the one product of that kind the text has named so far
            earlier = {q.curie: q for (start, _), q in qualified.items()
                       if start < mention.start and q.candidates[0].curie == mention.curie}
            template = next(iter(earlier.values())) if len(earlier) == 1 else None
        if template is None or template.candidates[0].curie != mention.curie:
            return mention
        return template.model_copy(update={"start": mention.start, "end": mention.end, "text": mention.text,
                                           "sentence_index": mention.sentence_index})

    out: list[Relation] = []
    for r in relations:
        subject, obj = resolved(r.subject), resolved(r.object)
        changed = subject is not r.subject or obj is not r.object
        out.append(r.model_copy(update={"subject": subject, "object": obj}) if changed else r)
    return out
