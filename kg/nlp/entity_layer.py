"""One entity layer (``kg_entity_layer``): lexicon, variant and NER spans merged into ``doc.ents``.

Conflict rule, applied greedily over all candidate spans:
1. The curated lexicon and the variant nomenclature beat every model: their spans are exact
   and carry ids (a model's GENE on "V600E" loses to the variant). Except for diseases and
   phenotypes, whose names compose: a model's longer disease span holding a lexicon disease
   term wins ("colon cancer" over the lexicon's "cancer"); and a route word inside a longer model
   entity is part of it ("oral contraceptives").
2. Between models, the longer span wins ("bone marrow-derived MSCs" over "MSCs").
3. Equal length: a gene label wins (a model's DISEASE or CHEMICAL on "TNF-alpha" loses to a
   gene model's GENE_OR_GENE_PRODUCT); otherwise the model listed first in the pipeline config,
   whose order puts each category's specialist first (BC5CDR's DISEASE beats BioNLP13CG's
   chemical or organism label on "hypokalemia", "cardiomyopathy").
A span overlapping an accepted one is dropped ("disease" and "phenotype" count as one family
for rule 1's exception: "inflammatory pain" over the lexicon's "pain"). Then, in order:
- a lone place adjective before a noun is no entity ("Microglial NLRP3", "nuclear accumulation"),
  nor a plain lower-case verb ("scavenged") or a model's gene on a plain noun modifying the next
  entity ("paw IL-6");
- modified cells and loaded vesicles are named whole ("HO-1-overexpressing BMSCs", "miR-146a-loaded
  exosomes", "heat-inactivated ADSCs"), so are marked cells ("ATF3-positive neurons", "CD68+
  macrophages"); engineered short forms are cells ("SOD2-MSCs"); scaffolds named by their cargo
  are one treatment ("BMSC-seeded chitosan conduits", "exosome-loaded hydrogel": Procedure);
- an abbreviation takes its long form's category and id ("ROS" becomes what "reactive oxygen
  species" is), everywhere it occurs, its singular too ("ASC-treated" after "(ASCs)");
- a bare symptom takes its qualifiers ("osteoarthritic knee pain", "OA pain"), a symptom its measure
  noun ("neuropathic pain scores", "pain relief"), a microRNA its antagomir ("miR-21-5p antagomir");
- short forms defined with more in their parentheses or after a head and its source ("MSCs isolated
  from Wharton's jelly (WJ-MSCs)");
- the word before "-induced" of a condition names its cause ("chemotherapy-induced neuropathy");
- parts named inside a mention are kept in ``doc.spans["embedded_parts"]``: the source tissue of a
  cell ("Adipose" of "Adipose-derived stem cells"), the cause and the condition of a condition
  ("Bortezomib" and "peripheral neuropathy" of "Bortezomib-induced peripheral neuropathy (BIPN)"),
  the target of a class ("HO-1" of "HO-1 inhibitor") and the cargo of a scaffold ("exosome" of
  "exosome-loaded hydrogel").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.consistency import untagged_repeats
from kg.nlp.lexicon import LEXICON_SPANS
from kg.nlp.ner_slot import span_group_name
from kg.nlp.variants import VARIANT_SPANS
from kg.types import CLASS, ENGINEERED, SCAFFOLD
from kg.vocab import CLASS_COUNTS, GRADING_ADJECTIVES, PROTEIN_STATES, SYMPTOM_HEADS, Category

# Decides equal-length conflicts inside the id groups (lexicon, variants); between models, a gene
# label first and then the config's model order decide. On BioRED dev, where the BC5CDR model's
# DISEASE met the BioNLP13CG model's chemical, organism or anatomy label on the same words, the
# disease was right 50 times and the other label never; where its CHEMICAL met a GENE, the gene
# was right 89 times against 19.
CATEGORY_PRECEDENCE = [
    Category.GENE, Category.CHEMICAL, Category.CELL_LINE, Category.CELL, Category.CELLULAR_COMPONENT,
    Category.ANATOMY, Category.ORGANISM, Category.VARIANT, Category.ROUTE, Category.PROCEDURE,
    Category.PROCESS, Category.DISEASE, Category.PHENOTYPE, Category.ENTITY,
]
_RANK = {c.value: i for i, c in enumerate(CATEGORY_PRECEDENCE)}
# Categories whose names compose: a modifier names another concept ("colon cancer" is not "cancer",
# "diabetic neuropathy" not "neuropathy"), so a model's longer span of the same category beats a
# lexicon term inside it. Elsewhere the lexicon's term stands ("bone marrow-derived MSCs" stays MSCs,
# one node with every other MSC mention).
COMPOSITIONAL = CONDITIONS = frozenset({Category.DISEASE.value, Category.PHENOTYPE.value})
# A route word inside a longer model entity modifies it ("oral contraceptives", "intravenous
# immunoglobulin"): the entity wins whatever its category. A route that opens a model entity is
# how the rest was given ("intraperitoneal N-acetylcysteine", "oral curcumin"): the route stands and
# the model's entity starts after it (see _after_opening_routes).
MODIFIER = {Category.ROUTE.value}


# Words that grade a condition without naming another one: "painful peripheral neuropathy" is the
# lexicon's peripheral neuropathy.
SEVERITY = frozenset({"severe", "mild", "moderate", "marked", "significant"})
EVALUATIVE = SEVERITY | frozenset({"painful", "debilitating"})


def _yields(term: Span, model_span: Span) -> bool:
    """Whether a lexicon term gives way to a longer model span around it (rule 1's exceptions)."""
    if not (model_span.start <= term.start and model_span.end >= term.end and len(model_span) > len(term)):
        return False
    extra = [t for t in model_span if not term.start <= t.i < term.end]
    if all(t.lower_ in EVALUATIVE for t in extra):
        return False
    return term.label_ in MODIFIER or (term.label_ in COMPOSITIONAL and model_span.label_ in COMPOSITIONAL)



def _after_opening_routes(doc: Doc, spans: list[Span]) -> list[Span]:
    """A model entity that begins with a lexicon route starts after it: the encoder tags "oral
    curcumin" whole where the curators of the domain sets write curcumin ADMINISTERED_VIA oral."""
    route_ends = {s.start: s.end for s in doc.spans.get(LEXICON_SPANS, []) if s.label_ == Category.ROUTE.value}
    return [Span(doc, route_ends[s.start], s.end, label=s.label_) if route_ends.get(s.start, s.end) < s.end else s
            for s in spans]


# Span groups whose spans carry their own ids (kb_id) and outrank the models.
ID_GROUPS = (LEXICON_SPANS, VARIANT_SPANS)
# Where the span came from, kept on Span.id so mentions can report it.
FOUND_BY_ABBREVIATION = "abbreviation"
FOUND_BY_CAUSE = "cause"  # the word before "-induced" of a condition (see _named_causes)
FOUND_BY_RATIO = "ratio"  # "the GSH/GSSG ratio" (see _ratios)
FOUND_BY_READOUT = "readout"  # "cartilage volume", "paw lifts" (see _readouts)
FOUND_BY_MARKER = "marker"  # "CD86+ M1 microglia", "TUNEL-positive cells" (see _marker_populations)


@Language.factory("kg_entity_layer", default_config={"ner_groups": []})
def make_entity_layer(nlp: Language, name: str, ner_groups: list[str]) -> "EntityLayer":
    return EntityLayer(ner_groups)


class EntityLayer:
    def __init__(self, ner_groups: list[str]):
        self.ner_groups = list(ner_groups)

    def _candidates(self, doc: Doc) -> list[tuple[tuple, Span, str]]:
        ranked = []
        groups = [*ID_GROUPS, *self.ner_groups]
        spans_of = {g: list(doc.spans.get(g, [])) for g in ID_GROUPS}
        spans_of |= {g: _after_opening_routes(doc, list(doc.spans.get(g, []))) for g in self.ner_groups}
        model_spans = [s for g in self.ner_groups for s in spans_of[g]]
        for order, group in enumerate(groups):
            for span in spans_of[group]:
                outranks_models = group in ID_GROUPS and not any(_yields(span, m) for m in model_spans)
                key = (
                    0 if outranks_models else 1,
                    -(span.end - span.start),
                    0 if span.label_ == Category.GENE.value else 1,
                    order,
                    _RANK.get(span.label_, len(_RANK)),
                    span.start,
                )
                ranked.append((key, span, group))
        ranked.sort(key=lambda item: item[0])
        return ranked

    def __call__(self, doc: Doc) -> Doc:
        taken = [False] * len(doc)
        accepted: list[Span] = []
        for _, span, group in self._candidates(doc):
            if any(taken[span.start:span.end]):
                continue
            for i in range(span.start, span.end):
                taken[i] = True
            kb_id = span.kb_id_ if group in ID_GROUPS else ""
            accepted.append(Span(doc, span.start, span.end, label=span.label_, kb_id=kb_id, span_id=group))
        ents = _without_model_slips(_without_place_adjectives(_without_bare_adjectives(accepted)))
        for step in (_modified_cells, _engineered_vesicles, _scaffolds, self._apply_abbreviations,
                     _widen_qualified_symptoms, _short_forms_of_widened_definitions, _without_trial_arms,
                     _microrna_tools, _with_measure_nouns, _ratios, _readouts, _placed_signs, _marker_populations,
                     _protein_states, self._apply_listed_definitions, _apply_postmodified_definitions, _named_causes,
                     _class_mentions, _repeated_symbols):
            ents = step(doc, ents)
        doc.ents = sorted(ents, key=lambda s: s.start)
        doc.spans[EMBEDDED_PARTS] = _embedded_parts(doc)
        return doc

    @staticmethod
    def _apply_listed_definitions(doc: Doc, ents: list[Span]) -> list[Span]:
        """Short forms scispaCy's detector skips: defined with more in their parentheses ("placenta-derived
        MSCs (hPMSCs; 1 × 10^6 cells)", "adipose-derived stem cells (ADSCs, 2 × 10^6 cells, intramuscular)")
        or after a name it cannot pair ("HO-1-overexpressing bone marrow MSCs (HO-1-BMSCs)"). The short
        form's capitals must appear, in order, in the entity before it, or its hyphenated parts open its
        words in any order ("curcumin-loaded exosomes (Exo-Cur)"); a short form the lexicon knows keeps
        its id."""
        defined = {short.text for short in doc._.abbreviations} if Doc.has_extension("abbreviations") else set()
        long_forms = doc.user_data.setdefault("kg_long_forms", {})
        for i in range(1, len(doc) - 2):
            short = doc[i + 1]
            if doc[i].text != "(" or doc[i + 2].text not in (";", ",", ")") or short.text in defined \
                    or not (_SHORT_FORM.match(short.text) or _PHOSPHO_SHORT_FORM.match(short.text)):
                continue
            long = next((e for e in ents if e.end == i), None)
            known = next((e for e in ents if (e.start, e.end) == (i + 1, i + 2) and e.kb_id_), None)
            if long is None or known is not None or not (_letters_in_order(short.text, long.text)
                                                         or _parts_in_any_order(short.text, long.text)
                                                         or _phosphorylated_form(short.text, long.text)):
                continue  # "(HO-1-BMSCs)" after "HO-1-overexpressing bone marrow MSCs", undefined by the detector
            defined.add(short.text)
            for token in doc:
                if token.text == short.text:
                    ents = _as_short_form(doc[token.i:token.i + 1], long, ents, long_forms)
        return ents

    def _apply_abbreviations(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """An abbreviation and its definition name one thing. When the lexicon knows the short form
        ("hUC-MSCs") and the definition ends in a lexicon term of its category ("human umbilical cord
        MSCs"), the definition becomes one mention with the short form's identity; otherwise the
        short form takes what its long form is. A long form whose head
        entity carries modifiers ("Dental pulp stem cells" around the lexicon's "stem cells")
        becomes one mention without the head's id: the author defined a narrower concept."""
        if not Doc.has_extension("abbreviations"):
            return ents
        long_forms = doc.user_data.setdefault("kg_long_forms", {})
        singulars: dict[str, Span] = {}
        for short in doc._.abbreviations:
            long = short._.long_form
            if short.start < long.end and long.start < short.end or not any(c.isupper() for c in short.text) \
                    or _across_sentences(long) or ";" in long.text \
                    or any(t.text == "(" and doc[t.i - 1].whitespace_ for t in long[1:]):
                # the detector's "(5 x 10^5 cells)" pairs "cells" with itself, and "MSCs (UC-MSCs; 1 x
                # 10^6 cells/kg)" the name's last word with the aside: no definition holds a semicolon, nor
                # another definition ("intravenously (IV-BMSCs) or intrathecally (IT-BMSCs)"; "NAD(P)H" may)
                continue
            own = next((e for e in ents if (e.start, e.end) == (short.start, short.end)
                        and e.id_ == LEXICON_SPANS and e.kb_id_), None)
            ranked_inside = [e for e in ents if e.start >= long.start and e.end <= long.end]  # rule order
            inside = sorted(ranked_inside, key=lambda e: e.start)
            # Only where the definition's head is a lexicon term of the same category ("human umbilical
            # cord MSCs (hUC-MSCs)"); elsewhere the definition names what the short form means here
            # ("pertussis toxin (PTX)" is not the lexicon's paclitaxel).
            if own is not None and any(e.end == long.end and e.id_ == LEXICON_SPANS and e.label_ == own.label_
                                       for e in inside):
                ents = self._merge_long_form(doc, ents, long, own.label_, own.kb_id_, inside)
                cover = next((e for e in ents if e.start <= long.start and e.end >= long.end), None)
                long_forms[(short.start_char, short.end_char)] = (cover or long).text
                _note_singular(short, own, singulars)
                continue
            head = inside[-1] if inside else None
            if head is not None and head.end == long.end and head.start > long.start and _plain_modifiers(long, head):
                generic = all(t.lower_ in GENERIC_MODIFIERS for t in doc[long.start:head.start])
                ents = self._merge_long_form(doc, ents, long, head.label_, head.kb_id_ if generic else "", inside)
                # the merge leaves the spans as found when an entity crosses the definition's edge
                source = next((e for e in ents if (e.start, e.end) == (long.start, long.end)), head)
            else:
                source = ranked_inside[0] if ranked_inside else next(
                    (e for e in ents if e.start <= long.start and e.end >= long.end), None)
                if source is not None and source.end < long.end and _names_another_head(doc[source.end:long.end]):
                    # "Tumor necrosis factor-stimulated gene-6 (TSG-6)" is not TNF: the short form keeps its
                    # own mention, which the linker looks up by the whole definition
                    long_forms[(short.start_char, short.end_char)] = long.text
                    continue
            if source is not None:
                ents = _as_short_form(short, source, ents, long_forms)
                _note_singular(short, source, singulars)
        # The singular of a plural short form names the same cells: "ASC-treated knees" after
        # "adipose stromal cells (ASCs)" ("ASC" alone is also the gene PYCARD's symbol).
        for token in doc:
            source = singulars.get(token.text)
            covering = [e for e in ents if e.start <= token.i < e.end]
            if source is not None and all((e.start, e.end) == (token.i, token.i + 1) for e in covering):
                ents = _as_short_form(doc[token.i:token.i + 1], source, ents, long_forms)
        return ents

    @staticmethod
    def _merge_long_form(doc: Doc, ents: list[Span], long: Span, label: str, kb_id: str,
                         inside: list[Span]) -> list[Span]:
        if len(inside) == 1 and (inside[0].start, inside[0].end) == (long.start, long.end) and inside[0].kb_id_ == kb_id:
            return ents
        if any(e.start < long.end and e.end > long.start and e not in inside for e in ents):
            return ents  # an entity crosses the definition's edge: leave the spans as found
        kept = [e for e in ents if e not in inside]
        return [*kept, Span(doc, long.start, long.end, label=label, kb_id=kb_id, span_id=FOUND_BY_ABBREVIATION)]


# Parts named inside another mention's words: the source tissue of "Adipose-derived stem cells", the
# cause and the condition of "Bortezomib-induced peripheral neuropathy (BIPN)".
EMBEDDED_PARTS = "embedded_parts"
SPECIES_WORDS = frozenset({"human", "rat", "mouse", "murine", "porcine", "canine", "equine", "autologous",
                           "allogeneic"})
CAUSING_PARTICIPLES = frozenset({"induced", "evoked", "provoked"})


# Tissues stem cells are named after without "-derived" ("umbilical cord MSCs", "adipose MSCs",
# "dental pulp stem cells"), and the heads such names end in.
SOURCE_TISSUES = frozenset({
    "adipose", "adipose tissue", "fat", "umbilical cord", "umbilical cord blood", "cord blood",
    "placenta", "placental", "bone marrow", "dental pulp", "gingiva", "gingival", "menstrual blood",
    "amniotic", "amnion", "amniotic fluid", "amniotic membrane", "wharton's jelly", "synovial", "synovium",
    "peripheral blood", "skin", "muscle", "skeletal muscle", "deciduous teeth", "exfoliated deciduous teeth",
    "periodontal ligament", "endometrial", "chorionic", "decidual", "olfactory mucosa", "nasal mucosa"})
STEM_CELL_HEADS = re.compile(r"(?:mesenchymal |multipotent )?(?:stem|stromal|progenitor|mononuclear) cells?|MSCs?|MNCs?",
                             re.IGNORECASE)


def _source_named_cells(ent: Span) -> Span | None:
    """The tissue that opens a stem cell's name: "umbilical cord" of "umbilical cord MSCs"."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].lower_ in SPECIES_WORDS:
        start += 1
    for end in range(ent.end - 1, start, -1):
        words = ent.doc[start:end]
        if words.text.lower() in SOURCE_TISSUES and STEM_CELL_HEADS.fullmatch(ent.doc[end:ent.end].text):
            return Span(ent.doc, start, end, label=Category.ANATOMY.value)
    return None


def _embedded_parts(doc: Doc) -> list[Span]:
    """Inside a cell mention, the words before "-derived" (species words left out) name where the
    cells come from ("Adipose-derived stem cells"), and so does a tissue that opens a stem cell's name
    ("umbilical cord MSCs"); inside a class phrase, the gene or chemical it is named after ("HO-1
    inhibitor"); inside a condition, the words before "-induced" name its cause and the
    words after it the condition ("Bortezomib-induced peripheral neuropathy"). A cause keeps the label
    a lexicon term or model gave those exact words, else none is known."""
    labelled = {(s.start, s.end): s.label_ for group in doc.spans for s in doc.spans[group]
                if group != EMBEDDED_PARTS}
    parts = []
    for ent in doc.ents:
        if ent.id_ == CLASS:
            parts += _class_targets(ent, labelled)
            continue
        if ent.id_ == SCAFFOLD:
            parts += _scaffold_cargo(ent, labelled)
            continue
        source = _source_named_cells(ent) if ent.label_ == Category.CELL.value else None
        if source is not None:
            parts.append(source)
            continue
        joint = next((t.i for t in ent if t.i >= ent.start + 2 and doc[t.i - 1].text == "-"
                      and t.lower_ in ("derived", *CAUSING_PARTICIPLES)), None)
        if joint is None or joint + 1 >= ent.end and ent.label_ in CONDITIONS:
            continue
        start = ent.start
        while start < joint - 1 and doc[start].lower_ in SPECIES_WORDS:
            start += 1
        named = all(t.is_alpha or t.text in ("'s", "'") for t in doc[start:joint - 1])
        if ent.label_ == Category.CELL.value and doc[joint].lower_ == "derived" and start < joint - 1 and named:
            parts.append(Span(doc, start, joint - 1, label=Category.ANATOMY.value))
        elif ent.label_ in CONDITIONS and doc[joint].lower_ in CAUSING_PARTICIPLES and start < joint - 1:
            cause = labelled.get((start, joint - 1), Category.ENTITY.value)
            parts += [Span(doc, start, joint - 1, label=cause), Span(doc, joint + 1, ent.end, label=ent.label_)]
    return parts


def _class_targets(ent: Span, labelled: dict[tuple[int, int], str]) -> list[Span]:
    """The gene or chemical a class phrase is named after: "HO-1" in "the HO-1 inhibitor ZnPP", "ROS" in
    "the ROS scavenger NAC"."""
    return _longest_named_inside(ent, labelled, NOUN_CATEGORIES)


def _longest_named_inside(ent: Span, labelled: dict[tuple[int, int], str], labels: frozenset[str]) -> list[Span]:
    """The longest span a lexicon term or model labelled inside a mention's words (its head word left out),
    with one of ``labels``."""
    inside = [(start, end, label) for (start, end), label in labelled.items()
              if ent.start <= start and end < ent.end and label in labels]
    if not inside:
        return []
    start, end, label = max(inside, key=lambda s: (s[1] - s[0], -s[0]))
    return [Span(ent.doc, start, end, label=label)]


# Class nouns an entity is said to be one of: "Nrf2, a redox-sensitive transcription factor", "SOD is a
# key antioxidant enzyme", "the antioxidant N-acetylcysteine", "TAK-242, a selective TLR4 inhibitor".
CLASS_HEADS = frozenset({"factor", "enzyme", "inhibitor", "activator", "agonist", "antagonist", "antioxidant",
                         "mimetic", "scavenger", "deacetylase", "kinase", "cytokine", "chemokine", "regulator",
                         "sensor", "drug", "compound", "channel", "transporter", "ligase", "phosphatase",
                         "peptide", "hormone", "neurotrophin", "protein", "inducer", "blocker", "glycoprotein", "marker",
                         "biomarker", "indicator", "precursor", "donor", "oxidant", "chelator", "ligand",
                         # "the lncRNA MALAT1", "the irritant receptor TRPA1", "the motor adaptor TRAK1"
                         "lncrna", "circrna", "receptor", "adaptor", "adapter", "subunit", "cotransporter", "gtpase",
                         "toxin"})
# Class heads whose "of" phrase is part of the class: "8-OHdG, a marker of oxidative DNA damage".
CLASS_HEADS_WITH_OF = frozenset({"marker", "biomarker", "indicator", "regulator"})
MAX_CLASS_TOKENS = 4
CLASS_DETERMINERS = frozenset({"a", "an", "the"}) | CLASS_COUNTS
FUNCTION_TAGS = frozenset({"DT", "IN", "CC", "TO", "PRP$", "WDT"})  # determiners, prepositions, conjunctions


def _class_head(word: str, plural: bool) -> bool:
    """A class head noun, in the plural after a count ("two pro-inflammatory cytokines")."""
    return word.removesuffix("s") in CLASS_HEADS if plural else word in CLASS_HEADS


def _class_mentions(doc: Doc, ents: list[Span]) -> list[Span]:
    """The class an entity is said to belong to becomes a mention (no graded adjectives: "redox-sensitive
    transcription factor" is "transcription factor"), where the text says so: an apposition after the
    entity (", a ..."), a copula ("is a ..."), or the class before it ("the antioxidant N-acetylcysteine").
    Names inside the class phrase are part of it ("TLR4 inhibitor")."""
    by_end = {e.end: e for e in ents}
    by_start = {e.start: e for e in ents}
    added, absorbed = [], set()
    for i, token in enumerate(doc):
        if token.lower_ not in CLASS_DETERMINERS or i == 0 and token.lower_ != "the":
            continue
        plural = token.lower_ in CLASS_COUNTS  # "TNF-α and IL-1β, two prototypical pro-inflammatory cytokines"
        start = i + 1
        while start < len(doc) and doc[start].lower_ in GRADING_ADJECTIVES:
            start += 1
        # "a serotonin–noradrenaline reuptake inhibitor": a dash between words is not a word of its own
        reach = start + MAX_CLASS_TOKENS + sum(1 for t in doc[start:start + MAX_CLASS_TOKENS + 2] if t.text in "-–")
        end = next((k + 1 for k in range(start, min(len(doc), reach))
                    if _class_head(doc[k].lower_, plural)
                    and (k + 1 == len(doc) or not _class_head(doc[k + 1].lower_, plural))), None)
        # "the release of the chemokine CXCL1": a phrase with a function word before its head is no class
        if end is None or any(t.tag_ in FUNCTION_TAGS for t in doc[start:end - 1]):
            continue
        head = doc[end - 1].lower_.removesuffix("s") if plural else doc[end - 1].lower_
        if head in CLASS_HEADS_WITH_OF and doc[end:end + 1].text == "of":
            end = next((k for k in range(end + 1, min(len(doc), end + 2 + MAX_CLASS_TOKENS))
                        if doc[k].is_punct), None)
        if end is None or not all(t.is_alpha or "-" in t.text or "–" in t.text or t.like_num or any(c.isdigit() for c in t.text)
                                  for t in doc[start:end]) or doc[end:end + 1].text == "of":
            continue  # "an inhibitor of the NLRP3 inflammasome" says what it does, not what it is
        before = doc[i - 1].lower_ if i else ""
        member_end = i - 1
        if i >= 2 and doc[i - 2].text == ")":  # "Superoxide dismutase (SOD) is a key antioxidant enzyme"
            # "ML385 (30 mg/kg, i.p.), a selective Nrf2 inhibitor": an aside of a dose and route too
            member_end = next((k for k in range(i - 2, max(-1, i - 14), -1) if doc[k].text == "("), i - 1)
        named = (i - 1) in by_end or member_end in by_end
        # ", a master transcription factor controlling ...", ", an anti-inflammatory glycoprotein secreted by ..."
        # ", a transcription factor that controls antioxidant genes": a relative clause after the class too
        # ", an inducible enzyme with antioxidant actions, ..." too
        appositive = before == "," and named and (doc[end:end + 1].text in (",", ".", ";")
                                                  or end < len(doc) and (doc[end].tag_ in ("VBN", "VBG")
                                                                         or doc[end].lower_ in ("that", "which", "with")))
        copula = before in ("is", "are") and named
        prenominal = token.lower_ == "the" and end in by_start
        if not (appositive or copula or prenominal):
            continue
        inside = [e for e in ents if e.start >= start and e.end <= end]
        if any(e.start < end and e.end > start and e not in inside for e in [*ents, *added]):
            continue
        absorbed.update(id(e) for e in inside)
        added.append(Span(doc, start, end, label=Category.ENTITY.value, span_id=CLASS))
    return [e for e in ents if id(e) not in absorbed] + added


def _named_causes(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "chemotherapy-induced neuropathy", "incision-induced mechanical hyperalgesia": the word before
    "-induced" names the condition's cause even where no model or lexicon term found it."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    found = []
    for ent in ents:
        k = ent.start
        if ent.label_ in CONDITIONS and k >= 3 and doc[k - 1].lower_ in CAUSING_PARTICIPLES and doc[k - 2].text == "-" \
                and k - 3 not in taken and doc[k - 3].is_alpha and not doc[k - 3].is_stop and len(doc[k - 3]) > 2:
            found.append(Span(doc, k - 3, k - 2, label=Category.ENTITY.value, span_id=FOUND_BY_CAUSE))
    return ents + found


# "MSCs isolated from Wharton's jelly (WJ-MSCs)": the participles that put a source after its head.
SOURCE_PARTICIPLES = frozenset({"isolated", "derived", "obtained", "harvested", "purified", "prepared",
                                "collected", "generated", "expanded"})
MAX_SOURCE_TOKENS = 6
# Participles that make modified cells or loaded vesicles: "HO-1-overexpressing BMSCs", "miR-146a-loaded
# exosomes", "ADSCs preconditioned with hypoxia".
MODIFYING_PARTICIPLES = frozenset({"overexpressing", "preconditioned", "pretreated", "primed", "loaded", "engineered",
                                   "modified", "transfected", "transduced", "inactivated", "killed",
                                   # genotypes: "IL-10-deficient MSCs", "TSG-6-silenced MSCs"
                                   "deficient", "knockout", "null", "silenced",
                                   # a product without a fraction: "exosome-depleted conditioned medium"
                                   "depleted"})
# Markers that name a subpopulation of cells: "ATF3-positive neurons", "CD68+ macrophages".
CELL_MARKERS = frozenset({"positive", "negative", "immunoreactive", "expressing"})
# Engineered cells named by what they carry: "SOD2-MSCs", "BDNF-MSCs", "HO-1-BMSCs", "IL-10-ADSCs".
_ENGINEERED_CELLS = re.compile(
    r"^[A-Za-z0-9α-ω]+(?:-[A-Za-z0-9]+)?-(?:(?:h|r)?(?:BM|AD|UC|hUC|WJ|P|D|G|B)?-?MSCs?|ADSCs?|DPSCs?)$")


def _modified(ent: Span) -> bool:
    """A cell or vesicle mention that opens with the modifier that made it ("SOD2-overexpressing BMSCs")."""
    return ent.label_ in (Category.CELL.value, Category.CELLULAR_COMPONENT.value) and any(
        t.lower_.rsplit("-", 1)[-1] in MODIFYING_PARTICIPLES for t in ent[:-1])


def _modified_cells(doc: Doc, ents: list[Span]) -> list[Span]:
    """Modified cells and loaded vesicles are named whole, as authors and curators do: a modifier
    "X-overexpressing" / "X-loaded" / "X-preconditioned" / "heat-inactivated" before a cell or vesicle
    mention, or a marker before cells ("ATF3-positive neurons", "CD68+ macrophages"), joins it (no id
    of the unmodified cells: another concept), and an engineered short form ("SOD2-MSCs") is a cell.
    The list keeps its order (the rule order later steps read)."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    widened: dict[int, Span] = {}
    absorbed: set[int] = set()
    for ent in ents:
        start = ent.start
        if ent.label_ not in (Category.CELL.value, Category.CELLULAR_COMPONENT.value) or start < 1:
            continue
        before = doc[start - 1]
        modifier = before.lower_.rsplit("-", 1)[-1]
        if "-" in before.text and (modifier in MODIFYING_PARTICIPLES or before.lower_ == "wild-type"
                                   or modifier in CELL_MARKERS and _unnamed_cells(ent)):
            start -= 1  # one token: "HO-1-overexpressing", "H2O2-preconditioned", "ATF3-positive", "wild-type"
        elif before.lower_ in MODIFYING_PARTICIPLES and start >= 3 and doc[start - 2].text == "-" \
                and not doc[start - 3].is_punct:
            start -= 3  # split by the tokenizer: "miR-146a - loaded"
        elif before.text == "+" and start >= 2 and not doc[start - 2].whitespace_ and not doc[start - 2].is_punct \
                and _unnamed_cells(ent):
            start -= 2  # "CD68+ macrophages"
        elif len(before.text) > 1 and before.text.endswith("+") and _unnamed_cells(ent):
            start -= 1  # one token: "GFP+ cells"
        inside = [e for e in ents if e.end > start and e.start < ent.start]
        if start != ent.start and all(e.start >= start for e in inside):  # a name inside joins it: "miR-146a"
            widened[id(ent)] = Span(doc, start, ent.end, label=ent.label_, span_id=ent.id_)
            absorbed.update(id(e) for e in inside)
    out = [widened.get(id(e), e) for e in ents if id(e) not in absorbed]
    # a marker a model tagged as the cells, the noun left out: "GFP+ cells"
    out = [Span(doc, e.start, e.end + 1, label=e.label_, span_id=e.id_)
           if e.label_ == Category.CELL.value and e.text.endswith("+") and e.end < len(doc)
           and doc[e.end].lower_ in ("cells", "cell") and e.end not in taken else e for e in out]
    for token in doc:
        if not _ENGINEERED_CELLS.match(token.text):
            continue
        # a model's gene or chemical on the whole word is a slip: "Nrf2-DPSCs" are cells
        slip = next((e for e in out if (e.start, e.end) == (token.i, token.i + 1)
                     and e.label_ != Category.CELL.value), None)
        if token.i not in taken or slip is not None:
            out = [e for e in out if e is not slip]
            out.append(Span(doc, token.i, token.i + 1, label=Category.CELL.value, span_id=FOUND_BY_ABBREVIATION))
    return out


# Vesicles named by how they were made: "SOD2-Exo", "Vec-Exo", "Hypo-Exos", "miR-146a-EVs", "Fer-1@Exo"
# (not by their source: "BMSC-Exos", "WJ-EVs", "AD-Exos" name the cells' product, read elsewhere).
_ENGINEERED_VESICLES = re.compile(r"^(?P<maker>\S+?)[-@](?:Exos?|EVs?|sEVs?)$")
_SOURCE_PREFIX = re.compile(r"^(?:[hrmp]?(?:bm|ad|at|uc|wj|fb|pl|p|d|g|s)|.*(?:msc|sc|shed|cell))$", re.IGNORECASE)


def _engineered_vesicles(doc: Doc, ents: list[Span]) -> list[Span]:
    """An engineered vesicle's written word is one mention of its own (no id of the native vesicles,
    another concept): what the maker and the vesicle are apart ("SOD2", "Exo") would otherwise join
    the native ones' claims."""
    words, start = [], 0
    for token in doc:
        if token.whitespace_ or token.i == len(doc) - 1:
            words.append((start, token.i + 1))
            start = token.i + 1
    for start, end in words:
        while start < end and doc[start].text in "([":
            start += 1
        while end > start and doc[end - 1].is_punct and doc[end - 1].text not in "-@":
            end -= 1
        found = _ENGINEERED_VESICLES.match(doc[start:end].text) if end > start else None
        if found is None or _SOURCE_PREFIX.match(found["maker"]):
            continue
        inside = [e for e in ents if e.start < end and e.end > start]
        if any(e.start < start or e.end > end or e.label_ in (Category.CELL.value, Category.ANATOMY.value) for e in inside):
            continue  # a source cell in the word ("pBMSC-Exos"), or a mention reaching past it
        ents = [e for e in ents if e not in inside]
        ents.append(Span(doc, start, end, label=Category.CELLULAR_COMPONENT.value, span_id=ENGINEERED))
    return ents


# Scaffolds that carry cells or vesicles, named whole as a treatment: "BMSC-seeded chitosan conduits",
# "an exosome-loaded hydrogel", "ADSC-laden hydrogel", "the cell-seeded construct".
SCAFFOLD_HEADS = frozenset({"hydrogel", "hydrogels", "conduit", "conduits", "scaffold", "scaffolds", "construct",
                            "constructs", "sponge", "sponges", "patch", "patches", "matrix", "matrices", "tube", "tubes"})
CARRIED_CATEGORIES = frozenset({Category.CELL.value, Category.CELLULAR_COMPONENT.value})
CARRIER_PARTICIPLES = frozenset({"seeded", "loaded", "laden", "embedded", "encapsulating", "impregnated", "containing"})
MAX_SCAFFOLD_TOKENS = 6


def _scaffolds(doc: Doc, ents: list[Span]) -> list[Span]:
    """A scaffold named by what it carries becomes one mention (a treatment, labelled Procedure), the
    names inside it absorbed: the claims of "BMSC-seeded chitosan conduits reduced TNF-α" are the
    conduits'."""
    out = list(ents)
    for token in doc:
        if token.lower_ not in SCAFFOLD_HEADS:
            continue
        start = None
        for k in range(token.i - 1, max(-1, token.i - MAX_SCAFFOLD_TOKENS), -1):
            word = doc[k].lower_
            carrier, _, participle = word.rpartition("-")
            if carrier and participle in CARRIER_PARTICIPLES:
                start = k  # one token: "BMSC-seeded", "hUC-MSC-seeded"
                break
            if word in CARRIER_PARTICIPLES and k >= 2 and doc[k - 1].text == "-" and not doc[k - 2].is_punct:
                start = k - 2  # split by the tokenizer: "exosome - loaded"
                break
            if doc[k].is_punct or doc[k].pos_ == "VERB" or doc[k].lower_ in ("the", "a", "an", "and", "or", "with"):
                break
        if start is None:
            continue
        span = Span(doc, start, token.i + 1, label=Category.PROCEDURE.value, span_id=SCAFFOLD)
        if any(e.start < span.start < e.end or e.start < span.end < e.end for e in out):
            continue  # a name crossing the scaffold's edge: leave both alone
        out = [e for e in out if not (span.start <= e.start and e.end <= span.end)] + [span]
    return out


def _scaffold_cargo(ent: Span, labelled: dict[tuple[int, int], str]) -> list[Span]:
    """The cells or vesicles a scaffold carries, named before "-seeded" / "-loaded": "exosome" in
    "exosome-loaded hydrogel"."""
    return _longest_named_inside(ent, labelled, CARRIED_CATEGORIES)


def _unnamed_cells(ent: Span) -> bool:
    """Cells a marker may name: "ATF3-positive neurons", but not the already named "Schwann-like cells"."""
    return ent.label_ == Category.CELL.value and "-like" not in ent.text


def _apply_postmodified_definitions(doc: Doc, ents: list[Span]) -> list[Span]:
    """A short form defined for a head named before its source, which scispaCy's detector does
    not pair: "MSCs isolated from Wharton's jelly (WJ-MSCs)" -- the head takes the identity the
    lexicon gives the short form; "Mesenchymal stem cells derived from induced pluripotent stem
    cells (iPSC-MSCs)" -- an unknown short form becomes a mention of the head. After a bare "from"
    the short form must end with the head's name: "MSCs from human amniotic membrane (hAMSCs)", but
    not "MSCs from bone marrow (BM)", which names the source."""
    defined = {short.text for short in doc._.abbreviations if not _across_sentences(short._.long_form)} \
        if Doc.has_extension("abbreviations") else set()
    long_forms = doc.user_data.setdefault("kg_long_forms", {})
    by_start = {e.start: e for e in ents}
    for head in sorted(ents, key=lambda e: e.start):
        after = doc[head.end:head.end + 2].text.lower().split()
        bare_from = after[:1] == ["from"]
        if head.label_ not in (Category.CELL.value, Category.CELLULAR_COMPONENT.value) or not (
                bare_from or after in ([p, "from"] for p in SOURCE_PARTICIPLES)
                or after in ([p, "with"] for p in MODIFYING_PARTICIPLES)):
            continue
        close = next((i for i in range(head.end + 2, min(len(doc), head.end + 3 + MAX_SOURCE_TOKENS))
                      if doc[i].text == "("), None)
        if close is None or close + 2 >= len(doc) or doc[close + 2].text != ")" or doc[close + 1].text in defined \
                or not _SHORT_FORM.match(doc[close + 1].text) or any(t.is_punct for t in doc[head.end:close]) \
                or bare_from and not doc[close + 1].text.lower().endswith(head.text.lower()):
            continue
        short = doc[close + 1:close + 2]
        known = by_start.get(short.start)
        if known is not None and after[1] == "with":
            # "ADSCs preconditioned with hypoxia (HP-ADSCs)": the modified cells are one concept
            inside = [e for e in ents if head.end <= e.start and e.end <= close]
            if any(e.start < close and e.end > head.end and e not in inside for e in ents):
                continue
            whole = Span(doc, head.start, close, label=head.label_, span_id=FOUND_BY_ABBREVIATION)
            kept = [e for e in ents if e is not head and e not in inside]
            ents = _as_short_form(short, whole, kept + [whole], long_forms)
        elif known is not None and known.label_ == head.label_ and known.kb_id_:
            ents = [e for e in ents if e is not head] + [
                Span(doc, head.start, head.end, label=head.label_, kb_id=known.kb_id_, span_id=FOUND_BY_ABBREVIATION)]
            long_forms[(head.start_char, head.end_char)] = doc[head.start:close].text
        elif known is None or not known.kb_id_:
            ents = _as_short_form(short, head, ents, long_forms)
    return ents


def _across_sentences(long: Span) -> bool:
    """scispaCy's detector sometimes reaches back over a sentence end for a long form."""
    return any(t.is_sent_start for t in long[1:])


def _note_singular(short: Span, source: Span, singulars: dict[str, Span]) -> None:
    if short.text.endswith("s") and short.text[-2:-1].isupper():
        singulars.setdefault(short.text[:-1], source)


def _as_short_form(short: Span, source: Span, ents: list[Span], long_forms: dict) -> list[Span]:
    """``short`` becomes a mention of what ``source`` is, replacing whatever overlapped it, except a
    modified cell it is the head of: "BMSCs" defined earlier leaves "hypoxia-preconditioned BMSCs" whole,
    another concept (but "miR-124-loaded EVs" after "EVs ... were loaded with miR-124" are those EVs,
    unless the loaded EVs have a short form of their own)."""
    doc = short.doc
    if any(e.start < short.start and e.end == short.end and _modified(e)
           and (doc[e.end:e.end + 1].text == "(" or e.label_ == Category.CELL.value) for e in ents):
        return ents  # modified cells stay whole, as they are where no short form was defined
    kept = [e for e in ents if e.end <= short.start or e.start >= short.end]
    long_forms[(short.start_char, short.end_char)] = source.text
    return [*kept, Span(short.doc, short.start, short.end, label=source.label_, kb_id=source.kb_id_,
                        span_id=FOUND_BY_ABBREVIATION)]


# Bare symptom words the lexicon names on their own, and the category a qualified one takes: a
# qualified pain or neuropathy is a condition ("osteoarthritic knee pain", "discogenic pain"); a
# qualified allodynia stays a sign ("periorbital allodynia").
QUALIFIED_SYMPTOM = {head: Category.DISEASE.value if head in ("pain", "neuropathy", "neuralgia")
                     else Category.PHENOTYPE.value for head in SYMPTOM_HEADS}
# Words that grade or place a symptom without naming another one.
NOT_QUALIFIERS = SEVERITY | frozenset({
    "such", "similar", "ipsilateral", "contralateral", "bilateral", "overall", "total", "baseline",
    "novel", "new", "current", "existing", "effective", "potential"})  # "novel pain management strategies"
MAX_QUALIFIER_TOKENS = 3


# Where a lone adjective names a place or a part of the cell, it says where something is
# ("Microglial NLRP3 inflammasome", "Nrf2 nuclear accumulation", "a glial mechanism"); the noun it
# modifies is the entity, so the adjective is none. A gene or chemical is named by a noun or a
# symbol: a plain lower-case word with an adjective's ending and that label is a model's slip
# ("spinal IL-6", "synovial NOX4", "somatosensory system"). Symbols and nouns the parser tags JJ
# ("NF-κB signaling", "peroxynitrite production") stay.
PLACE_CATEGORIES = frozenset({Category.CELL.value, Category.CELLULAR_COMPONENT.value, Category.ANATOMY.value})
NOUN_CATEGORIES = frozenset({Category.GENE.value, Category.CHEMICAL.value})
MODEL_SPANS = span_group_name("")  # the prefix of every NER model's span group
ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ive", "ary", "ory", "ar")


# Where a molecule was measured, written before its symbol: "spinal c-Fos", "serum IL-6".
PLACE_ADJECTIVES = frozenset({"spinal", "serum", "plasma", "synovial", "hippocampal", "cortical", "neuronal",
                              "microglial", "astrocytic", "glial", "sciatic", "ipsilateral", "contralateral",
                              "lumbar", "peripheral", "cutaneous", "intracellular", "local", "circulating"})


def _without_bare_adjectives(ents: list[Span]) -> list[Span]:
    kept = []
    for ent in ents:
        following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        word = ent[0]
        adjective = len(ent) == 1 and word.tag_ == "JJ" and following is not None and _noun_like(following)
        if adjective and (ent.label_ in PLACE_CATEGORIES
                          or ent.label_ in NOUN_CATEGORIES and word.is_alpha and word.is_lower
                          and word.lower_.endswith(ADJECTIVE_ENDINGS)):
            continue
        # a place adjective before more words, whatever they are: "increase in spinal nuclear β-catenin"
        if len(ent) == 1 and ent.label_ != Category.ROUTE.value and word.lower_ in PLACE_ADJECTIVES and word.is_lower \
                and word.lower_.endswith(ADJECTIVE_ENDINGS) and following is not None and following.is_alpha:
            continue
        kept.append(ent)
    return kept


def _without_place_adjectives(ents: list[Span]) -> list[Span]:
    """A model's gene or chemical that opens with the place it was measured names the molecule alone
    ("spinal c-Fos" is c-Fos, measured in the spinal cord): the place is not part of its name."""
    out = []
    for ent in ents:
        if ent.label_ in NOUN_CATEGORIES and len(ent) >= 2 and ent[0].lower_ in PLACE_ADJECTIVES \
                and ent[0].is_lower and _symbol(ent[1:]):
            ent = Span(ent.doc, ent.start + 1, ent.end, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)
        out.append(ent)
    return out


def _without_model_slips(ents: list[Span]) -> list[Span]:
    """A plain lower-case word the parser reads as a verb names no entity: "MSCs can reduce
    inflammation, scavenge reactive oxygen species", "inhibited NADPH oxidase activity, scavenged
    superoxide anions" (a tagger's Chemical on "scavenge(d)" in some contexts, which would hide the
    claim's verb). Nor does a model's gene or chemical on a plain noun that only modifies the entity
    after it: "lowered paw IL-6 levels" (the paw is where the IL-6 was measured)."""
    starts = {e.start for e in ents}

    def slip(e: Span) -> bool:
        word = e[0]
        if len(e) != 1 or not word.is_alpha or not word.is_lower:
            return False
        if word.tag_ in ("VB", "VBP", "VBZ", "VBD") or word.tag_ == "VBN" and word.lower_.endswith("ed"):
            return True
        return (e.label_ in NOUN_CATEGORIES and e.id_.startswith(MODEL_SPANS) and word.tag_ == "NN"
                and word.dep_ == "compound" and e.end in starts)
    return [e for e in ents if not slip(e)]


# Words before "arm" that make it a trial's arm, not the limb: "in the ADSC arm", "that arm".
ARM_OPENERS = frozenset({"that", "this", "each", "either", "both", "treatment", "treated", "control", "placebo",
                         "active", "study", "comparator", "same", "other", "exosome", "cell", "vehicle", "sham"})
TRIAL_ARMS = frozenset({"arm", "arms"})


def _without_trial_arms(doc: Doc, ents: list[Span]) -> list[Span]:
    """A study's arm is no body part: "serum substance P was reduced only in that arm", "declined in
    the ADSC arm" (a treatment's name or a determiner of arms before it)."""
    ending_at = {e.end: e for e in ents}

    def trial_arm(e: Span) -> bool:
        if e.label_ != Category.ANATOMY.value or e.text.lower() not in TRIAL_ARMS or e.start == 0:
            return False
        before = ending_at.get(e.start)
        return doc[e.start - 1].lower_ in ARM_OPENERS or before is not None and before.label_ != Category.ANATOMY.value
    return [e for e in ents if not trial_arm(e)]


MAX_SYMBOL_TOKENS = 4


def _symbol(span: Span) -> bool:
    """A name written as a symbol (a capital after its first letter, or a digit): "IL-10-BMSCs",
    "EX-527", "Cx43". Common words are left to each context's reading."""
    text = span.text
    return len(text) >= 3 and (any(ch.isupper() for ch in text[1:]) or any(ch.isdigit() for ch in text))


def _repeated_symbols(doc: Doc, ents: list[Span]) -> list[Span]:
    """A symbol a model tagged once is the same entity where it recurs untagged in the document
    ("BMSCs encoding interleukin-10 (IL-10-BMSCs) ... Intrathecal IL-10-BMSCs reduced ..."): the
    transformer tagger decides each window alone, and only the BC5CDR model runs kg_doc_consistency.
    Symbols tagged with two labels are left alone, and a repeat never overlaps an entity."""
    labels: dict[tuple[str, ...], set[str]] = {}
    source: dict[tuple[str, ...], Span] = {}
    for ent in ents:
        if len(ent) <= MAX_SYMBOL_TOKENS and _symbol(ent):
            key = tuple(t.text for t in ent)
            labels.setdefault(key, set()).add(ent.label_)
            source.setdefault(key, ent)
    names = {k: source[k] for k, found in labels.items() if len(found) == 1}
    if not names:
        return ents
    repeats = untagged_repeats(doc, ents, names, [t.text for t in doc])
    return ents + [Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)
                   for start, end, ent in repeats]


def _noun_like(token) -> bool:
    """A noun, or a name the tagger reads as a number ("8-hydroxy-2'-deoxyguanosine"/CD)."""
    return token.tag_.startswith("NN") or token.tag_ == "CD" and not token.like_num


def _widen_qualified_symptoms(doc: Doc, ents: list[Span]) -> list[Span]:
    """A bare symptom term takes the adjectives and nouns that qualify it, as authors and curators
    name it: "osteoarthritic knee pain", "at-level neuropathic pain", "periorbital allodynia". The
    wider span is a concept of its own (no id from the bare term). An "X-induced" cause is not part
    of the name ("paclitaxel-induced neuropathic pain" stays "neuropathic pain")."""
    ents = sorted(ents, key=lambda e: e.start)
    # A one-word place before the symptom qualifies it ("knee pain"): it joins the name.
    places = {e.start: e for e in ents if len(e) == 1 and e.label_ == Category.ANATOMY.value and _qualifies(e[0])}
    taken = {i for e in ents for i in range(e.start, e.end) if e.start not in places}
    ending_at = {e.end: e for e in ents}
    widened = []
    absorbed: set[int] = set()
    for ent in ents:
        head = ent[-1].lower_
        bare = len(ent) == 1 or ent.text.lower() == "neuropathic pain"
        if head not in QUALIFIED_SYMPTOM or ent.label_ not in COMPOSITIONAL or not bare:
            widened.append(ent)
            continue
        condition = ending_at.get(ent.start)
        if head == "pain" and condition is not None and condition.label_ == Category.DISEASE.value:
            # "OA pain", "bone cancer pain": the pain of a named condition is a condition of its own
            widened = [e for e in widened if e is not condition]
            widened.append(Span(doc, condition.start, ent.end, label=Category.DISEASE.value, span_id=ent.id_))
            continue
        start = ent.start
        while (start > 0 and ent.start - start < MAX_QUALIFIER_TOKENS and start - 1 not in taken
               and _qualifies(doc[start - 1])):
            start -= 1
        if start == ent.start:
            widened.append(ent)
        else:
            widened.append(Span(doc, start, ent.end, label=QUALIFIED_SYMPTOM[head], span_id=ent.id_))
            absorbed.update(range(start, ent.start))
    return [e for e in widened if not (e.start in absorbed and places.get(e.start) is e)]


def _short_forms_of_widened_definitions(doc: Doc, ents: list[Span]) -> list[Span]:
    """A short form that took the inner term of its definition ("neuralgia" in "post-herpetic neuralgia
    (PHN)", when only "neuralgia" was a mention) names the whole definition once a later step has
    made it one mention: PHN is post-herpetic neuralgia, not neuralgia."""
    if not Doc.has_extension("abbreviations"):
        return ents
    long_forms = doc.user_data.setdefault("kg_long_forms", {})
    ents = list(ents)
    spans = {(e.start, e.end): e for e in ents}
    for short in doc._.abbreviations:
        long = short._.long_form
        definition = spans.get((long.start, long.end))
        inner = long_forms.get((short.start_char, short.end_char))
        if definition is None or inner is None or inner == definition.text or inner not in definition.text:
            continue
        for k, e in enumerate(ents):
            if e.text == short.text and e.id_ == FOUND_BY_ABBREVIATION and long_forms.get((e.start_char, e.end_char)) == inner:
                ents[k] = Span(doc, e.start, e.end, label=definition.label_, kb_id=definition.kb_id_,
                               span_id=FOUND_BY_ABBREVIATION)
                long_forms[(e.start_char, e.end_char)] = definition.text
    return ents


# Nouns that turn a symptom into the measure of it: "neuropathic pain scores", "pain relief".
MEASURE_NOUNS = frozenset({"score", "scores", "subscores", "intensity", "relief", "rating", "ratings",
                           "behavior", "behaviors", "behaviour", "behaviours"})


# What blocks a microRNA: "a miR-21-5p antagomir", "a miR-124-3p inhibitor". (A mimic or agomir acts
# as the microRNA does and is named by it, as curators do: "miR-146a mimics decreased TRAF6".)
MICRORNA_TOOLS = frozenset({"antagomir", "antagomirs", "inhibitor", "inhibitors"})


def _microrna_tools(doc: Doc, ents: list[Span]) -> list[Span]:
    """A microRNA's antagomir or inhibitor is named whole, without the microRNA's id: "EVs loaded with
    a miR-21-5p antagomir prevented allodynia", "a miR-124-3p inhibitor increased iNOS" say the
    opposite of what the microRNA does."""
    by_start = {e.start: e for e in ents}
    out, absorbed = [], set()
    for ent in ents:
        if ent.label_ == Category.GENE.value and ent.end < len(doc) and doc[ent.end].lower_ in MICRORNA_TOOLS \
                and ent.text.lower().startswith(("mir", "let-")):
            tool = by_start.get(ent.end)
            if tool is not None:
                absorbed.add(id(tool))
            out.append(Span(doc, ent.start, ent.end + 1, label=Category.CHEMICAL.value, span_id=ent.id_))
        else:
            out.append(ent)
    return [e for e in out if id(e) not in absorbed]


def _with_measure_nouns(doc: Doc, ents: list[Span]) -> list[Span]:
    """A symptom followed by a measure noun names the measure, the outcome a trial reports: "hUC-MSCs
    reduced neuropathic pain scores", "IL-6 correlated with pain relief" (not with pain). The
    measure is a sign of its own, without the symptom's id."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for ent in ents:
        after = ent.end
        while after < len(doc) and after not in taken and doc[after].lower_ in MEASURE_NOUNS:
            after += 1
        if after > ent.end and ent[-1].lower_ in SYMPTOM_HEADS and ent.label_ in COMPOSITIONAL:
            out.append(Span(doc, ent.start, after, label=Category.PHENOTYPE.value, span_id=ent.id_))
        else:
            out.append(ent)
    return out


# What a test or an examination measures, named by the words before it: "cartilage volume", "paw
# lifts", "acetone response duration", "print area", "neurite length", "paw licking time".
READOUT_HEADS = frozenset({"volume", "volumes", "thickness", "velocity", "velocities", "amplitude", "amplitudes",
                           "density", "length", "lifts", "area", "duration", "latency", "latencies", "score",
                           "scores", "count", "counts", "frequency", "time", "weight", "flow", "height"})
# Mentions that may name part of a readout: the place, the stimulus, the sign ("paw thickness"); not a
# disease, which stays a mention of its own ("bleeding time", "Glasgow Coma Score").
READOUT_PARTS = frozenset({Category.ANATOMY.value, Category.CHEMICAL.value, Category.PHENOTYPE.value,
                           Category.CELL.value})
# Heads that make what is named before them a process ("CD68+ macrophage infiltration", "calcium influx",
# "tunnelling nanotube formation", "tumour formation"): curators keep the head (45 times to 3 in our gold
# sets), since the process, not the cells or the ion, is what a treatment changed. A disease may be the
# thing formed.
PROCESS_HEADS = frozenset({"infiltration", "influx", "formation", "uptake", "burden"})  # "tumor burden"
PROCESS_PARTS = READOUT_PARTS | {Category.DISEASE.value, Category.CELLULAR_COMPONENT.value, Category.GENE.value}
NOT_READOUT_MODIFIERS = frozenset({"same", "long", "short", "mean", "median", "total", "first", "second", "last",
                                   "high", "low", "higher", "lower", "greater", "longer", "shorter", "overall",
                                   "baseline", "maximal", "maximum", "minimum", "average", "similar", "reaction",
                                   "follow-up", "treatment", "exposure", "incubation", "culture", "survival", "mri",
                                   "ultrasound", "radiographic", "histological", "histology", "molecular",
                                   # how much, not what: "marked infiltration", "excessive ROS formation"
                                   "marked", "massive", "extensive", "robust", "significant", "excessive",
                                   "increased", "decreased", "reduced", "enhanced", "impaired", "abnormal"})
MAX_READOUT_TOKENS = 5


def _readouts(doc: Doc, ents: list[Span]) -> list[Span]:
    """A readout the words before its head name ("ADSCs shortened the acetone response duration",
    "reduced paw thickness") is one sign: its place or stimulus alone is not what changed. A head that is
    already part of a mention keeps that mention ("nerve conduction velocity")."""
    for token in doc:
        process = token.lower_ in PROCESS_HEADS
        if token.lower_ not in READOUT_HEADS and not process or token.i == 0 \
                or token.i + 1 < len(doc) and (doc[token.i + 1].tag_.startswith("NN") or doc[token.i + 1].text == "-"):
            continue  # the head ends its phrase: not "restriction fragment length polymorphism"
        at = {i: e for e in ents for i in range(e.start, e.end)}
        if token.i in at:
            continue
        start, k = token.i, token.i - 1
        while k >= 0 and token.i - k < MAX_READOUT_TOKENS:
            ent = at.get(k)
            if ent is not None:
                if ent.label_ not in (PROCESS_PARTS if process else READOUT_PARTS) \
                        or token.i - ent.start >= MAX_READOUT_TOKENS:
                    break
                start = k = ent.start
            elif doc[k].lower_ in NOT_READOUT_MODIFIERS or doc[k].is_stop or doc[k].like_num \
                    or not (doc[k].is_alpha or "-" in doc[k].text[1:-1]) \
                    or doc[k].tag_ not in ("NN", "NNS", "NNP", "JJ", "VBG") and "-" not in doc[k].text \
                    or process and doc[k].tag_ == "VBG":  # "Blocking TNT formation": an act on the process
                break
            else:
                start = k
            k -= 1
        if start == token.i or token.lower_ == "time" and not doc[token.i - 1].lower_.endswith("ing"):
            continue  # "paw licking time", not "at the same time"
        inside = [e for e in ents if e.start < token.i and e.end > start]
        ents = [e for e in ents if e not in inside]
        label = Category.PROCESS.value if process else Category.PHENOTYPE.value
        ents.append(Span(doc, start, token.i + 1, label=label, span_id=FOUND_BY_READOUT))
    return ents


POPULATION_WORDS = frozenset({"cells", "cell"})
POLARIZATION_STATES = frozenset({"M1", "M2"})


def _marker_start(doc: Doc, k: int) -> int | None:
    """Where the marker ending at token ``k`` begins: "NeuN+", "CD86 +", "Iba1-positive", "TUNEL - positive"."""
    text = doc[k].text
    if text == "+" or doc[k].lower_ == "positive":
        start = k - 1 if text == "+" else k - 2 if k >= 2 and doc[k - 1].text == "-" else None
        # "CD86+" is written closed up; "SNL + ADSC" adds two groups
        return start if start is not None and start >= 0 and doc[start].text[:1].isalnum() \
            and not (text == "+" and doc[start].whitespace_) else None
    if len(text) > 1 and text.endswith("+") or doc[k].lower_.endswith("-positive"):
        return k
    return None


def _marker_populations(doc: Doc, ents: list[Span]) -> list[Span]:
    """Cells named by the marker they carry are one population: "CD86+ M1 microglia", "TUNEL-positive
    cells", "Iba1+ cells" (curators name them whole); the marker alone is not what a treatment changed.
    A cell type reached by differentiation keeps its own name ("differentiated into S100-positive
    Schwann-like cells": curators name the Schwann-like cells)."""
    ents = sorted(ents, key=lambda e: e.start)
    at = {i: e for e in ents for i in range(e.start, e.end)}
    for token in doc:
        head = at.get(token.i)
        if head is not None and (head.start != token.i or head.label_ != Category.CELL.value or "-like" in head.text) \
                or head is None and token.lower_ not in POPULATION_WORDS:
            continue
        k = token.i - 1
        if k >= 1 and doc[k].text in POLARIZATION_STATES:
            k -= 1  # "CD206+ M2 microglia"
        start = _marker_start(doc, k) if k >= 0 else None
        if start is None or start in at and at[start].start < start:
            continue
        end = head.end if head is not None else token.i + 1
        ents = [e for e in ents if e.end <= start or e.start >= end]
        ents.append(Span(doc, start, end, label=Category.CELL.value, span_id=FOUND_BY_MARKER))
        ents.sort(key=lambda e: e.start)
        at = {i: e for e in ents for i in range(e.start, e.end)}
    return ents


PLACED_SIGNS = frozenset({"swelling", "inflammation", "edema", "oedema"})
SIGN_PLACE_WORDS = frozenset({"synovial", "articular", "periarticular"})


def _placed_signs(doc: Doc, ents: list[Span]) -> list[Span]:
    """A sign of inflammation is named with the body part right before it ("paw swelling", "joint
    inflammation", "synovial inflammation"): the swelling of a paw is one readout, and the paw alone is
    not what changed."""
    ending_at = {e.end: e for e in ents}
    out, absorbed = [], set()
    for ent in sorted(ents, key=lambda e: e.start):
        if ent.text.lower() not in PLACED_SIGNS or ent.start == 0:
            out.append(ent)
            continue
        place = ending_at.get(ent.start)
        if place is not None and len(place) == 1 and place.label_ == Category.ANATOMY.value:
            start = place.start
            absorbed.add(id(place))
        elif place is None and doc[ent.start - 1].lower_ in SIGN_PLACE_WORDS:
            start = ent.start - 1
        else:
            out.append(ent)
            continue
        out.append(Span(doc, start, ent.end, label=Category.PHENOTYPE.value, span_id=FOUND_BY_READOUT))
    return [e for e in out if id(e) not in absorbed]


def _protein_states(doc: Doc, ents: list[Span]) -> list[Span]:
    """The form a protein was measured in is part of its mention ("reduced cleaved caspase-3": the
    active enzyme, not its precursor); the mention keeps the protein's id."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    return [Span(doc, e.start - 1, e.end, label=e.label_, kb_id=e.kb_id_, span_id=e.id_)
            if e.label_ == Category.GENE.value and e.start > 0 and doc[e.start - 1].lower_ in PROTEIN_STATES
            and e.start - 1 not in taken else e for e in ents]


RATIO_NOUNS = frozenset({"ratio", "ratios"})


def _ratios(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "the GSH/GSSG ratio", "the Bax/Bcl-2 ratio": the ratio is what was measured and changed, one
    sign of its own; its parts apart would read as two claims (a rise in GSSG where the ratio rose)."""
    for token in doc:
        if token.lower_ not in RATIO_NOUNS or token.i < 1:
            continue
        before = doc[token.i - 1]
        if before.i >= 2 and doc[before.i - 1].text == "/" and not doc[before.i - 1].whitespace_ \
                and not doc[before.i - 2].whitespace_:
            start = before.i - 2  # "GSH / GSSG ratio", split by the tokenizer
        elif "/" in before.text[1:-1]:
            start = before.i  # "Bax/Bcl-2 ratio", one token
        else:
            continue
        inside = [e for e in ents if e.start < token.i + 1 and e.end > start]
        if any(e.start < start or e.end > token.i + 1 for e in inside):
            continue
        ents = [e for e in ents if e not in inside]
        ents.append(Span(doc, start, token.i + 1, label=Category.PHENOTYPE.value, span_id=FOUND_BY_RATIO))
    return ents


def _qualifies(token) -> bool:
    # A hyphenated word before the symptom qualifies it whatever its tag and attachment: the parser
    # reads "at-level" by its first piece, "at", as a preposition.
    return (("-" in token.text or token.tag_ in ("JJ", "NN", "NNP") and token.dep_ in ("amod", "compound", "nmod"))
            and token.lower_ not in NOT_QUALIFIERS and not token.lower_.endswith(("-induced", "-related"))
            and all(part.isalpha() for part in token.text.split("-")))


_SHORT_FORM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z0-9-]{2,15}$")


def _letters_in_order(short: str, long: str) -> bool:
    """ "hPMSCs" in "placenta-derived mesenchymal stem cells": P, M, S, C in order."""
    rest = long.lower()
    for letter in (c.lower() for c in short if c.isupper()):
        found = rest.find(letter)
        if found < 0:
            return False
        rest = rest[found + 1:]
    return True


# "p-p38" for "phosphorylated p38 MAPK", "p-Akt" for "phosphorylated Akt": the phospho form's usual short form.
_PHOSPHO_SHORT_FORM = re.compile(r"^p-[A-Za-z0-9]{2,12}$")


def _phosphorylated_form(short: str, long: str) -> bool:
    """ "p-p38" defined after "phosphorylated p38 MAPK": the word after "p-" opens the phosphorylated protein's name."""
    name = long.lower().removeprefix("phosphorylated ").removeprefix("phospho-")
    return _PHOSPHO_SHORT_FORM.match(short) is not None and name != long.lower() \
        and name.startswith(short[2:].lower())


# Words after an entity inside a definition that make the defined thing another entity, of which the
# first only modifies the head: "Tumor necrosis factor-stimulated gene-6", "TNF receptor 1".
ANOTHER_HEAD_WORDS = frozenset({"gene", "receptor", "receptors", "kinase", "ligand", "stimulated", "induced",
                                "inducible", "inducing", "activated", "activating", "associated", "related",
                                "binding", "converting", "interacting", "responsive", "regulated"})


def _names_another_head(tail: Span) -> bool:
    return any(word in ANOTHER_HEAD_WORDS for word in re.split(r"[\s\-]+", tail.text.lower()))


def _parts_in_any_order(short: str, long: str) -> bool:
    """ "Exo-Cur" for "curcumin-loaded exosomes": each hyphenated part of the short form opens a word of
    the long form, in whatever order (engineered products are named cargo-first or carrier-first)."""
    parts = short.lower().split("-")
    words = long.lower().replace("-", " ").split()
    return len(parts) >= 2 and all(len(p) >= 2 and p.isalpha() and any(w.startswith(p) for w in words)
                                   for p in parts)


# Words a definition may put before its head entity and still name one concept.
MAX_MODIFIER_TOKENS = 4
# Modifiers that keep the head's identity ("human MSCs (hMSCs)" are MSCs).
GENERIC_MODIFIERS = frozenset({"human", "rat", "mouse", "murine", "adult", "primary", "cultured", "-"})


def _plain_modifiers(long: Span, head: Span) -> bool:
    """Up to a few word tokens before the head: "Dental pulp", "human umbilical cord"."""
    modifiers = long.doc[long.start:head.start]
    return len(modifiers) <= MAX_MODIFIER_TOKENS and all(t.is_alpha or t.text == "-" for t in modifiers)
