"""Rule-based relation extractor: a trigger lexicon read over each sentence's tokens.

Handles, per sentence:
- active voice ("MSCs reduce ROS"), with the subject carried across coordinated verbs
  ("MSCs can reduce inflammation, scavenge ROS, promote nerve regeneration") by rule, since
  parsers tag "scavenge" there as a noun; also past a location ("regulated NF-κB in BV2 microglia
  and inhibited IL-1β"), into negated verbs ("... but did not reduce IL-6", "neither ... nor",
  "without affecting"), and from a passive's subject ("Nrf2 was activated by EVs and induced HO-1");
- subject pronouns ("..., although it reduced TNF-α") take the sentence's previous agent;
- passive voice and reduced relative clauses ("SOD and catalase activities were restored by
  intrathecal injection of BMSCs", "catalase activity that had been reduced by oxaliplatin");
- nominalizations ("reduction of ROS by MSCs", "MSC-mediated suppression of TNF-α"), whose agent
  also acts for the phrase ("Exosome-mediated inhibition of NLRP3 reduced IL-1β");
- hyphenated heads ("MSC-derived EVs", "oxidative stress-mediated neuropathic pain",
  "oxaliplatin-induced neuropathy", "GDNF-overexpressing BMSCs"), cell products named after their
  source ("MSC-EVs", "BMSC-conditioned medium", "MSC secretome"), secreting cells ("cells, which
  secrete GDNF") and tight phrases ("EVs secreted by MSCs", "MSCs are multipotent stromal cells",
  "ROS in microglia", "BMSCs were detected in the DRG and spinal cord");
- coordinated objects ("reduced TNF-α and IL-1β", "lowered WOMAC pain subscores and synovial fluid
  malondialdehyde"); "IL-1β but not TNF-α" negates the excepted object;
- results written about treated groups ("rats receiving ADSCs displayed less hyperalgesia",
  "IL-6 was lower in the BMSC group", "allodynia resolved in hUCMSC-treated mice", "the MSC group
  showed a greater reduction in WOMAC pain scores") and a trial's first arm, which TREATS the
  patients' disease ("patients with knee OA were randomized to UC-MSCs or hyaluronic acid");
- "protected Schwann cells against apoptosis" (PREVENTS), "an inhibitory effect on" (typed by its
  adjective; "no effect on" is a negated REGULATES);
- comparison arms ("reduced pain compared with placebo": placebo gets nothing; "we compared A with B"
  is a design, not an arm) and appositive asides, which are never searched for a subject; equivalence
  arms share the claim ("reduced allodynia as effectively as gabapentin", "Like TEMPOL, ...");
- a control arm (placebo, vehicle, saline, PBS) is never an agent; ", but not X," negates subject X,
  "Neither A nor B ..." / "neither"/"no" before a subject negate the claim, and "only A did" negates
  it for the sentence's other agents ("Both ADSCs and NAC restored SOD, but only ADSCs reversed ...");
- the sentence's agent acts in participle clauses (", thereby increasing ATP", ", decreasing iNOS
  while increasing Arg-1"), for mid-sentence pronouns and "this treatment", and in an agentless
  passive joined by "whereas" ("..., whereas SOD activity was restored"); the subject is a phrase's
  head, not the cargo of a vesicle ("exosomes carrying miR-124-3p"), the site or time of an
  injection ("BMSCs delivered within one week of nerve injury") or a drug modifying a condition;
- where administered cells and vesicles went ("homed to the sciatic nerve", "were taken up by
  satellite glial cells rather than by neurons"); the model's drug causes what the treated animals
  develop ("Oxaliplatin-treated mice developed cold allodynia");
- across sentences: "They ..." / "The treatment ..." take the previous sentence's agent, and "the
  cells", "these vesicles" the treatment's identity (kg.relations.anaphora);
- change nouns set the direction: acting on a decline is the opposite effect ("reversed the
  reduction in PWT", "prevented SOD depletion": INCREASES), on a rise the same ("prevented the
  paclitaxel-induced increase of NOX4": DECREASES; "produced an elevation of PWT": INCREASES), also
  when the change is named by its possessor ("NOX2 ..., and its upregulation was reversed by EVs"),
  and "these changes were reversed by X" counters each change claimed just before;
- parts named inside one mention: cells derive from their source tissue ("Adipose-derived stem
  cells"), a cause CAUSES its condition ("Bortezomib-induced peripheral neuropathy (BIPN)");
- routes ("given intrathecally", "intrathecal injection of BMSCs", "ADSCs (10^6 cells,
  intramuscular)"), paired with the agent they govern, never with a placebo or vehicle;
- what a claim is not about: a location that situates it ("decreased TNF-α in the DRG" is no
  LOCATED_IN), a blocked agent ("miR-146a knockdown", "the Nrf2 inhibitor"), an adjective
  ("antioxidant effects of"), a loss ("nerve fiber loss"), trigger words inside entity names
  ("induced pluripotent stem cells"), a means ("through IL-10"), the place an agent was put
  ("injection of BMSCs around the sciatic nerve increased ...");
- negation and hedging cues scoped to each trigger (kg.relations.epistemics); a hyphenated name
  ("oxaliplatin-induced pain") is presupposed, never negated or hedged.
The words are read as lower-case token texts, so the rules work with or without a parser.
Measured on blind stem-cell / pain / oxidative-stress gold sets: see kg/relations/README.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Doc

from kg.relations.anaphora import GENERIC_HEADS, STAND_IN, is_control_arm, resolve_generic_agents
from kg.relations.epistemics import epistemics
from kg.types import CLASS, EMBEDDED, SCAFFOLD, AnnotatedDoc, Epistemics, Evidence, Mention, Relation, Sentence
from kg.vocab import CONTROL_ARM_NAMES, GRADING_ADJECTIVES, SYMPTOM_HEADS, Category, RelationType

EXTRACTOR = "patterns"

# Relation types whose phrases are "tight": mentions must stand right beside the phrase.
TIGHT_TYPES = (RelationType.DERIVED_FROM, RelationType.LOCATED_IN, RelationType.IS_A)

BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# Tokens that may stand between two coordinated verb phrases sharing one subject.
COORDINATION = frozenset({",", "and", "or", "/", "also", "further", "furthermore", "then", "thereby",
                          "can", "could", "may", "might", "to", "both", "as", "well", "significantly",
                          "markedly", "effectively", "not", "did", "does", "do", "n't", "but", "failed",
                          "fail", "fails", "unable", "thus", "nor", "neither", "without", "yet"})
# Head nouns that may follow a coordinated object: "increased HO-1 expression and decreased ROS".
OBJECT_HEADS = frozenset({"expression", "levels", "level", "production", "activity", "activities", "release",
                          "phosphorylation", "immunoreactivity", "overproduction", "upregulation", "downregulation",
                          "content", "concentration", "concentrations", "secretion", "signaling", "signalling",
                          "formation", "generation", "accumulation", "infiltration", "mrna", "protein", "activation"})
# Words before a participle that make it an adjective ("associated with elevated IL-6").
ADJECTIVAL_CONTEXT = frozenset({"with", "of", "the", "a", "an", "by", "to", "from", "in", "its", "their"})
CLAUSE_BREAKS = frozenset({";", ":", "but", "whereas", "while", "although", "though", "however",
                           "unlike", "except", "despite"})
# Subordinators end an object search: "decreased after MSCs ..." has no object; so does a means
# ("inhibit inflammasome activation through IL-10": IL-10 mediates, it is not inhibited).
OBJECT_STOPS = CLAUSE_BREAKS | frozenset({"after", "before", "when", "because", "since", "following",
                                          "until", "upon", "once", "if", "during", "as", "whether",
                                          "through", "via"})
COMPARISON_CUES = frozenset({"compared", "versus", "vs", "vs.", "than", "relative", "comparison"})
APPOSITIVE_OPENERS = frozenset({"which", "who", "including", "such", "e.g.", "i.e.", "a", "an",
                                "characterized", "characterised", "defined", "known", "namely",
                                "especially", "particularly", "like", "unlike", "one"})  # ", one of the most abundant miRNAs in ..., "
# Head nouns between a mention and its trigger: "SOD activity was increased", "levels of TNF-α".
FILLER = frozenset({"the", "a", "an", "its", "their", "levels", "level", "activity", "activities",
                    "expression", "production", "release", "secretion", "content", "concentration", "concentrations",
                    "amount", "amounts", "of", "serum", "plasma", "tissue", "mrna", "protein", "that",
                    "which", "had", "has", "have", "been", "is", "are", "was", "were", "significantly",
                    "markedly", "further", "also", "not", "development", "maintenance", "progression",
                    "pathogenesis", "onset", "generation", "accumulation", "formation", "signs", "symptoms",
                    "and", "in", "both", "this", "these", "those", "such", "overproduction", "excessive",
                    "phosphorylation", "immunoreactivity", "activation", "translocation", "upregulation"})
HYPHEN_RELATIONS = {
    "derived": RelationType.DERIVED_FROM, "secreted": RelationType.DERIVED_FROM,
    "released": RelationType.DERIVED_FROM,
    "mediated": RelationType.CAUSES, "induced": RelationType.CAUSES, "evoked": RelationType.CAUSES,
    "driven": RelationType.CAUSES, "dependent": RelationType.CAUSES,
    "associated": RelationType.ASSOCIATED_WITH, "related": RelationType.ASSOCIATED_WITH,
}
DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", "its", "their", "such"})
# "GDNF-overexpressing BMSCs", "GFP-labelled cells", "CD68-positive macrophages": the second mention heads
MODIFIER_HYPHENS = frozenset({"overexpressing", "expressing", "transfected", "labeled", "labelled", "positive",
                              "negative", "engineered", "modified", "primed", "preconditioned", "loaded",
                              "stimulated", "activated", "challenged"})  # "LPS-stimulated astrocytes"
# Words that may stand between a preposition and the mention it governs ("from human MSCs").
NP_MODIFIERS = DETERMINERS | frozenset({"human", "rat", "mouse", "murine", "porcine", "canine", "adult",
                                        "neonatal", "fetal", "allogeneic", "autologous", "xenogeneic",
                                        "first", "second", "last", "final", "single",
                                        # location and state adjectives: "spinal microglia", "injured nerve"
                                        "spinal", "ipsilateral", "contralateral", "lumbar", "peripheral",
                                        "cultured", "activated", "injured", "damaged", "primary",
                                        # cell sources the NER leaves outside the name: "adipose MSC-derived exosomes"
                                        "adipose", "placental", "umbilical", "gingival", "amniotic", "dental"})
TEMPORAL_PREPOSITIONS = frozenset({"after", "following", "during", "before"})
PREPOSITIONS = frozenset({"by", "from", "of", "in", "within", "with", "on", "at", "into", "to"}) | TEMPORAL_PREPOSITIONS
# Comparative results: "displayed less hyperalgesia", "levels were lower in the BMSC group".
COMPARATIVES = {"less": RelationType.DECREASES, "lower": RelationType.DECREASES, "fewer": RelationType.DECREASES,
                "reduced": RelationType.DECREASES, "decreased": RelationType.DECREASES,
                "attenuated": RelationType.DECREASES, "milder": RelationType.DECREASES,
                "higher": RelationType.INCREASES, "greater": RelationType.INCREASES, "more": RelationType.INCREASES,
                "increased": RelationType.INCREASES, "elevated": RelationType.INCREASES,
                "enhanced": RelationType.INCREASES, "faster": RelationType.INCREASES}
# Intransitive changes of an amount: "In oxaliplatin-treated rats, spinal glutathione fell by 40%".
INTRANSITIVE_CHANGES = {"fell": RelationType.DECREASES, "declined": RelationType.DECREASES,
                        "dropped": RelationType.DECREASES, "decreased": RelationType.DECREASES,
                        "collapsed": RelationType.DECREASES,
                        "rose": RelationType.INCREASES, "increased": RelationType.INCREASES,
                        "doubled": RelationType.INCREASES, "tripled": RelationType.INCREASES}
CHANGE_WORDS = frozenset(INTRANSITIVE_CHANGES) | frozenset(COMPARATIVES)  # a change reported, with or without its agent
# Intransitive outcomes reported for a treated group: "allodynia resolved in hUCMSC-treated mice".
OUTCOMES = {"resolved": RelationType.DECREASES, "subsided": RelationType.DECREASES,
            "recovered": RelationType.INCREASES, "normalized": RelationType.INCREASES,
            "normalised": RelationType.INCREASES}
SHOWING = frozenset({"showed", "show", "shows", "displayed", "display", "displays", "exhibited", "exhibit",
                     "exhibits", "had", "have", "has", "developed", "presented", "reported", "experienced", "achieved"})
# What a vesicle or cell carries: "exosomes carrying miR-124-3p", "EVs pre-loaded with an antagomir".
# ... or what it was made to express: "ADSCs overexpressing IL-10 reduced allodynia" (the cells act)
# Material a product was isolated from, between the phrase and its source: "isolated from the culture
# supernatant of human bone marrow MSCs".
SOURCE_MATERIALS = tuple(tuple(p.split()) for p in (
    "the culture supernatant of", "the culture supernatants of", "culture supernatant of", "the supernatant of",
    "the supernatants of", "the culture medium of", "the conditioned medium of", "conditioned medium of"))
BOUND = frozenset({"bound", "binds", "bind", "binding", "migrated", "homed", "returned"})  # "from BMSCs bound to"
MOVING = frozenset({"transfer", "transferred", "transport", "delivery", "donated", "donation"})  # "... from A to B"
CONTAINER_PHRASES = frozenset({"enriched in", "abundant in"})  # "vesicles enriched in miR-X": X is in them
CARGO_WORDS = frozenset({"carrying", "containing", "harboring", "harbouring", "overexpressing", "expressing",
                         "lacking", "encoding"})
LOADED = frozenset({"loaded", "pre-loaded", "preloaded", "enriched"})  # "... with", "enriched in"
SOURCE_VERBS = frozenset({"secreted", "derived", "isolated", "released", "produced", "obtained", "harvested"})
MODEL_MAKING = frozenset({"treated", "injected", "exposed"})
# What may follow a model or drug after "after" when it, not a treatment clause, made a change ("after CCI,").
MODEL_ENDINGS = ([","], ["."], [";"], ["treatment"], ["exposure"], ["injection"], ["and"], ["in"])  # "paclitaxel-treated mice developed ..."
RECEIVING = frozenset({"receiving", "received", "given", "treated", "injected", "transplanted", "administered",
                       "recipients", "recipient",
                       # cells in culture: "Schwann cells cultured in high glucose showed increased MDA"
                       "exposed", "pre-exposed", "cultured", "co-cultured", "cocultured", "incubated",
                       "challenged", "stimulated"})
EFFECT_ADJECTIVES = {
    **dict.fromkeys(("analgesic", "antinociceptive", "anti-nociceptive", "antiallodynic", "anti-allodynic",
                     "antihyperalgesic", "anti-hyperalgesic", "anti-inflammatory", "antiinflammatory",
                     "inhibitory", "suppressive", "antioxidant", "anti-oxidative", "antioxidative"),
                    RelationType.DECREASES),
    **dict.fromkeys(("stimulatory", "promoting", "enhancing", "potentiating"), RelationType.INCREASES),
}
# Words of a sentence about another group than the treated one: its results are not the treatment's.
CONTROL_WORDS = frozenset({"vehicle", "control", "controls", "sham", "untreated", "naive", "baseline", "placebo",
                           "saline", "pbs"})
LEAVING = frozenset({"left", "leaving", "leaves"})  # "... but left p47phox unchanged"
# Participles before "by" that attach changes to a claim: "accompanied by", "as shown by increased MBP".
EVIDENCING = frozenset({"accompanied", "shown", "evidenced", "confirmed", "indicated", "reflected", "demonstrated",
                        "paralleled"})
# Verbs and determiners before an effect noun: "they had no analgesic effect on", "it exerted an inhibitory effect on".
LIGHT_VERBS = frozenset({"had", "has", "have", "exerted", "exert", "exerts", "showed", "shows", "no", "an", "a"})
# A mention before these words names its absence or blockade: "miR-146a knockdown", "Nrf2 inhibitor".
INVERTED_AGENTS = frozenset({"knockdown", "knockout", "inhibitor", "inhibitors", "antagonist", "antagonists",
                             "blocker", "blockers", "antibody", "antibodies", "neutralization", "deficiency",
                             "silencing", "sirna", "shrna", "deletion", "depletion"})
# A mention before these words is an adjective: "antioxidant effects", "anti-inflammatory properties".
ATTRIBUTE_NOUNS = frozenset({"effect", "effects", "properties", "property", "potential", "capacity", "ability", "role",
                             "efficacy", "efficiency", "effectiveness", "potency", "dosing", "dose", "doses",
                             "dosage", "action", "actions"})  # "may underlie the antinociceptive action of BMSCs"
LOSS_NOUNS = frozenset({"loss", "degeneration", "damage", "death", "deficit", "deficits", "impairment", "depletion",
                        "degradation"})  # "promotes Nrf2 degradation": DECREASES Nrf2
# Nouns of a decline as a state: "the reduction in X", "the loss of X".
STATED_DECLINES = LOSS_NOUNS | frozenset({"reduction", "reductions", "decrease", "decreases", "decline", "declines",
                                         "downregulation", "down-regulation", "drop", "fall"})
# ... and as an act: "produced a sustained reversal of allodynia", a decrease brought about
DECLINE_NOUNS = STATED_DECLINES | frozenset({"reversal", "attenuation", "alleviation", "suppression", "inhibition",
                                             "amelioration", "relief"})
RISE_NOUNS = frozenset({"increase", "increases", "elevation", "elevations", "upregulation", "up-regulation", "rise",
                        "accumulation", "overexpression"})
# A change for the better: of a symptom a decline, of anything else a rise ("improvements in thermal
# hyperalgesia", "an improvement in nerve conduction velocity").
IMPROVEMENT_NOUNS = frozenset({"improvement", "improvements", "recovery"})
CHANGE_NOUNS = DECLINE_NOUNS | RISE_NOUNS | IMPROVEMENT_NOUNS
# Words grading a change noun: "a greater reduction in", "a significant improvement in"
GRADES = frozenset({"greater", "larger", "significant", "marked", "substantial", "faster", "more", "sustained",
                    "dose-dependent", "further", "clear", "partial", "complete"})
# Claims an equivalence arm does not share: where a thing comes from, how it is given, what it is.
NOT_EQUIVALENT = frozenset({RelationType.DERIVED_FROM, RelationType.ADMINISTERED_VIA, RelationType.IS_A,
                            RelationType.LOCATED_IN})
DECLINE, RISE = "decline", "rise"
# "These changes were reversed by X", "X reversed all of these changes": X counters each change the
# text just claimed (an increase becomes a decrease and the reverse).
CHANGE_REFERENCES = frozenset({"changes", "alterations", "abnormalities"})
# ... and those that say which way the changes went: "SNL up-regulated Cx43 and CXCL1, and both increases
# were reversed by ADSCs" (only the increases are countered)
RISES_REFERRED = frozenset({"increase", "increases", "elevation", "elevations", "upregulation", "up-regulation"})
DECLINES_REFERRED = frozenset({"decrease", "decreases", "reduction", "reductions", "downregulation", "down-regulation"})
REFERRED_CHANGES = CHANGE_REFERENCES | RISES_REFERRED | DECLINES_REFERRED
REFERRING_TO_CHANGES = frozenset({"these", "both", "such", "those", "this"})
COUNTERING_VERBS = frozenset({"reversed", "reverse", "reverses", "attenuated", "attenuate", "attenuates", "prevented",
                              "prevent", "prevents", "normalized", "normalised", "normalize", "abolished", "counteracted",
                              "ameliorated", "blocked", "rescued", "corrected"})
OPPOSITE_CHANGE = {RelationType.INCREASES: RelationType.DECREASES, RelationType.DECREASES: RelationType.INCREASES}
# What a claim on a rise says about the thing that rises ("prevented the increase of NOX4").
RISE_TYPED = {RelationType.CAUSES: RelationType.INCREASES, RelationType.PREVENTS: RelationType.DECREASES,
              RelationType.TREATS: RelationType.DECREASES}
# What a claim on a decline says about the thing that declines.
COUNTERED = {RelationType.DECREASES: RelationType.INCREASES, RelationType.TREATS: RelationType.INCREASES,
             RelationType.PREVENTS: RelationType.INCREASES, RelationType.INCREASES: RelationType.DECREASES,
             RelationType.CAUSES: RelationType.DECREASES}
SECRETE_FORMS = frozenset({"secrete", "secretes", "secreting", "releases", "releasing"})  # "release" is mostly a noun
RELATIVES = frozenset({"that", "which", "who", "whom", "whose", "where", "when"})
# What cells release, by the lexicon's names: "the secretome of MSCs" derives from them.
CELL_PRODUCTS = frozenset({"extracellular vesicle", "exosome", "secretome", "conditioned medium"})
SAMPLE_NOUNS = frozenset({"fluid", "fluids", "tissue", "tissues", "homogenates", "lysates", "samples"})
MEASURED_AMOUNTS = frozenset({"level", "levels", "content", "concentration", "concentrations", "amount", "amounts"})
PROTECT_FORMS = frozenset({"protect", "protects", "protected", "protecting"})
# Nouns that wrap an agent ("co-culture with BMSCs", "injection of EVs"): the agent acts, not the wrapper.
WRAPPERS = frozenset({"treatment", "pretreatment", "co-treatment", "cotreatment", "co-culture", "coculture",
                      "transplantation", "injection", "injections", "administration", "delivery", "infusion",
                      "application", "supplementation", "therapy", "transfer", "grafting", "exposure",
                      "co-administration", "coadministration", "combination", "release", "co-injection",
                      "coinjection", "co-transplantation", "cotransplantation", "infusions", "transplantations"})
# Words between a route and its agent: "intrathecal injection of the BMSCs", "EVs were given via intrathecal".
ADMINISTERED = frozenset({"injected", "administered", "delivered", "given", "transplanted", "infused", "applied",
                          "grafted", "implanted"})
ROUTE_LINKS = WRAPPERS | DETERMINERS | ADMINISTERED | frozenset({
    "of", "with", "single", "repeated", "daily", "-", "via", "by", "through", "were", "was", "is", "are", "been",
    "then", "route", "into", "dose", "doses", "bolus", "infusions"})
# Subject pronouns that take the agent of the sentence's previous claim ("..., although it reduced TNF-α").
PRONOUNS = frozenset({"it", "they"})
# Bare location words: a location that merely situates another claim is not a claim of its own.
BARE_LOCATIONS = frozenset({"in", "within"})
# Prepositions that situate a claim ("in the DRG", "on spinal macrophages", "at the ligation site").
SITUATING = BARE_LOCATIONS | frozenset({"on", "at", "around", "near", "along"})
# Categories that take part only in their own relation types.
NOT_AGENTS = frozenset({Category.ROUTE, Category.ORGANISM})
CONDITIONS = frozenset({Category.DISEASE, Category.PHENOTYPE})
MOLECULES = frozenset({Category.GENE, Category.CHEMICAL})
SOURCES = frozenset({Category.CELL, Category.ANATOMY, Category.ORGANISM, Category.CELL_LINE})
LOCATIONS = frozenset({Category.ANATOMY, Category.CELL, Category.CELLULAR_COMPONENT, Category.CELL_LINE})
ROUTE_AGENTS = frozenset({Category.CELL, Category.CHEMICAL, Category.CELLULAR_COMPONENT, Category.PROCEDURE,
                          Category.GENE})

MAX_SUBJECT_DISTANCE = 12
MAX_LONG_OBJECT_UNITS = 12  # an object's words before ", but" / ", and" and a verb sharing the subject
# Verbs of what a vesicle carries: "EVs carrying CD73", "exosomes carried miR-21-5p"
CARRYING = frozenset({"carrying", "carry", "carries", "carried", "containing", "contain", "contains", "contained",
                      "harboring", "harbouring", "harbor", "harbored", "harbour", "harboured"})
CONTRASTING_CLAUSES = frozenset({"whereas", "while", "whilst", "but", "although", "though", "yet"})
NORMALIZING = frozenset(stem + ending for stem in ("normaliz", "normalis") for ending in ("e", "es", "ed", "ing"))
# How the text says a thing changed before it was normalized: "the depressed catalase", "MDA levels rose".
FELL_WORDS = frozenset({"depressed", "reduced", "diminished", "impaired", "lowered", "suppressed", "downregulated",
                        "depleted", "lost"} | {w for w, t in INTRANSITIVE_CHANGES.items() if t is RelationType.DECREASES})
ROSE_WORDS = frozenset({"elevated", "heightened", "enhanced", "upregulated", "raised", "accumulated"}
                       | {w for w, t in INTRANSITIVE_CHANGES.items() if t is RelationType.INCREASES})
# Adjectives of a change stated without its agent: "elevated MDA and reduced SOD activity".
STATED_RISES = ROSE_WORDS | frozenset({"increased", "higher", "greater", "excessive"})
STATED_FALLS = FELL_WORDS | frozenset({"decreased", "lower"})
# Class nouns a mention modifies before the members are named: "the M2 markers Arg-1 and CD206".
MEMBER_CLASS_NOUNS = frozenset({"marker", "markers", "cytokines", "chemokines", "enzymes", "genes", "proteins",
                                "mediators", "factors"})
# What "both" before a class noun refers back to: named molecules ("lowered both markers"), not claims
# ("abrogated both effects").
REFERRED_CLASSES = MEMBER_CLASS_NOUNS | frozenset({"channels", "receptors", "antioxidants", "parameters",
                                                   "indices", "measures", "transcripts"})
MAX_WRAPPED_REACH = 30  # words from a wrapper's "of" to the verb: "injection of X (10 μg) on day 7 after ..."
DOSES = frozenset({"dose", "doses"})
DOSE_MODIFIERS = frozenset({"single", "repeated", "daily", "weekly", "multiple", "low", "high", "higher", "lower"})
# Words that open a modifier of a wrapped agent: "of X into rats with ...", "of X on day 7 after ..."
WRAPPER_MODIFIER_OPENERS = frozenset({"into", "on", "at", "in", "after", "following", "before", "during",
                                      "to", "from", "within", "for"})
QUANTIFIERS = frozenset({"most", "many", "some", "all", "few", "half", "part", "each"})
# States of a gene product a passive may change: "its nuclear translocation was enhanced by resveratrol"
MEASURED_STATES = frozenset({"translocation", "activation", "expression", "phosphorylation", "activity", "levels",
                             "release", "secretion", "production"})
LOCALIZING_ADJECTIVES = frozenset({"nuclear", "cytoplasmic", "mitochondrial", "membrane", "spinal", "neuronal"})
# Words naming the form of a gene product measured: "spinal phosphorylated p38 MAPK"
FORM_MODIFIERS = frozenset({"phosphorylated", "cleaved", "total", "mature", "active", "nuclear", "cytoplasmic",
                            "membrane", "soluble"})
# Words linking a product to its source: "EVs released by SMSCs", "exosomes derived from BMSCs"
SOURCE_LINKS = frozenset({"released", "secreted", "derived", "isolated", "purified", "obtained", "by", "from"})
# Who a trial enrols, and the verbs giving them its arms: "patients with knee OA received ...".
PATIENTS = frozenset({"patients", "participants", "subjects", "adults", "individuals", "volunteers"})
TRIAL_RECEIVING = frozenset({"received", "receiving", "randomized", "randomised", "allocated", "assigned",
                             "treated", "underwent"})
# A time before a modifier: "of MSCs one day before paclitaxel prevented ..."
NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a"})
TIME_UNITS = frozenset({"h", "hr", "hrs", "hours", "hour", "min", "minutes", "day", "days", "week", "weeks",
                        "month", "months"})
MAX_OBJECT_DISTANCE = 9

SCORES = {
    "active": 0.8, "carried": 0.75, "parsed": 0.65, "passive": 0.85, "nominal": 0.75, "phrase": 0.8,
    "hyphen": 0.9, "tight": 0.75, "route": 0.65, "equivalent": 0.7, "located": 0.7, "countered": 0.75,
    "elided": 0.7, "after": 0.7, "trial": 0.7,
}
PRESUPPOSING = frozenset({"hyphen", "tight", "route"})  # how a name or a phrase states a relation, not a claim
EFFECT_TYPES = frozenset({RelationType.INCREASES, RelationType.DECREASES, RelationType.REGULATES, RelationType.CAUSES,
                          RelationType.PREVENTS, RelationType.TREATS})
OBJECT_PRONOUNS = frozenset({"it", "them", "both"})
CLAUSE_ENDS = frozenset({".", ",", ";", ":", ")"})
ELLIPTIC_AUXILIARIES = frozenset({"did", "does", "do", "could", "can", "would"})
EFFECT_HAVING = frozenset({"had", "has", "have", "exerted", "exerts", "produced", "produces", "showed", "shows",
                           "exhibited"})
SAME_ADJECTIVES = frozenset({"similar", "comparable", "same", "identical", "equivalent", "analogous"})
MIMICKING = frozenset({"mimicked", "mimics", "mimic", "reproduced", "reproduces", "recapitulated", "replicated"})
# Where administered cells or vesicles went: "MSCs homed to the injured nerve", "exosomes accumulated in
# the DRG", "hAMSCs were found in the epineurium but not in the DRG"; and what took them up.
HOMING_VERBS = frozenset({"homed", "home", "homes", "migrated", "migrate", "migrates", "accumulated", "accumulate",
                          "accumulates", "engrafted", "engraft", "engrafts", "localized", "localised", "found",
                          "detected", "retained", "persisted", "resided", "reside", "resides", "distributed", "integrated",
                          "trafficked", "trapped"})
HOMING_PLACES = frozenset({"in", "to", "into", "within", "at"})
UPTAKE_VERBS = frozenset({"internalized", "internalised", "taken", "engulfed", "captured", "phagocytosed"})
REACHING_VERBS = frozenset({"reached", "reach", "reaches", "entered", "infiltrated", "infiltrate"})
LOCATED_AGENTS = frozenset({Category.CELL, Category.CELLULAR_COMPONENT})


@dataclass
class _Chain:
    """What a sentence's earlier verb triggers leave for the next one."""
    subjects: list[int] = field(default_factory=list)  # the agents a coordinated verb carries on
    end: int = -1  # where the last claim's objects end
    negated: bool = False  # whether the last claim was negated
    last_subjects: list[int] = field(default_factory=list)  # for "it"/"they" later in the sentence
    passive_agents: list[int] = field(default_factory=list)  # "... was decreased by X, without affecting Y"
    orphan_objects: set[int] = field(default_factory=set)  # objects of the last verb that found no subject
    orphan_end: int = -1
    renamed: dict[int, int] = field(default_factory=dict)  # "MSCs are stromal cells that differentiate": MSCs


@dataclass(frozen=True)
class Trigger:
    type: RelationType
    form: str  # "verb", "participle", "noun", "phrase", "tight"
    start: int  # token index within the sentence
    end: int
    text: str


@dataclass
class Lexicon:
    verbs: dict[str, tuple[RelationType, bool]] = field(default_factory=dict)  # form -> (type, is participle)
    nouns: dict[str, RelationType] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], RelationType] = field(default_factory=dict)
    tight: dict[tuple[str, ...], RelationType] = field(default_factory=dict)
    role_adjectives: frozenset[str] = frozenset()
    normalized_raised: frozenset[str] = frozenset()  # what "normalized" raises when the text does not say
    normalized_lowered: frozenset[str] = frozenset()
    negated_participles: frozenset[str] = frozenset()  # "was unaffected by X": a negated claim in one word
    phrases_by_first_word: dict[str, list[tuple[tuple[str, ...], RelationType, str]]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Lexicon":
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        participles = data.pop("participles", {})
        normalized = data.pop("normalized", {})
        lex = cls(normalized_raised=frozenset(normalized.get("raised", ())),
                  normalized_lowered=frozenset(normalized.get("lowered", ())))
        for name, section in data.items():
            rtype = RelationType(name)
            for verb in section.get("verbs", []):
                for form, is_participle in inflections(verb, participles.get(verb)):
                    lex.verbs.setdefault(form, (rtype, is_participle))
            for noun in section.get("nouns", []):
                lex.nouns.setdefault(noun, rtype)
            target = lex.tight if rtype in TIGHT_TYPES else lex.phrases
            for phrase in section.get("phrases", []):
                target.setdefault(tuple(phrase.lower().split()), rtype)
            if "role_adjectives" in section:
                lex.role_adjectives = frozenset(section["role_adjectives"])
            for participle in section.get("negated_participles", []):
                lex.verbs.setdefault(participle, (rtype, True))
                lex.negated_participles |= {participle}
        for table, form in ((lex.phrases, "phrase"), (lex.tight, "tight")):
            for phrase, rtype in table.items():
                lex.phrases_by_first_word.setdefault(phrase[0], []).append((phrase, rtype, form))
        for entries in lex.phrases_by_first_word.values():
            entries.sort(key=lambda e: -len(e[0]))
        return lex




def _relation(subject: Mention, obj: Mention, rtype: RelationType, sentence: Sentence, trigger: str, how: str,
              epi: Epistemics) -> Relation:
    """A claim with its evidence: spans are offsets into ``sentence``, the score is ``how``'s."""
    return Relation(subject=subject, object=obj, type=rtype, evidence=Evidence(
        doc_id=subject.doc_id, sentence=sentence.text, sentence_index=sentence.index,
        subject_text=subject.text, object_text=obj.text,
        subject_span=(subject.start - sentence.start, subject.end - sentence.start),
        object_span=(obj.start - sentence.start, obj.end - sentence.start),
        trigger=trigger, extractor=f"{EXTRACTOR}:{how}", score=SCORES[how], epistemics=epi))


def _concomitant_change(words: list[str], a: int) -> int | None:
    """Where the change noun of ", with a (concomitant) increase in ..." or "together with a rise in ..."
    opening at ``a`` stands."""
    if words[a:a + 2] not in ([",", "with"], ["together", "with"]):
        return None
    return next((k for k in range(a + 2, min(a + 5, len(words))) if words[k] in DECLINE_NOUNS | RISE_NOUNS), None)


def _hyphenated(word: str) -> bool:
    """A word joined by an inner hyphen ("small-diameter", "below-level", "3.1-fold")."""
    return "-" in word[1:-1]


def _counted(word: str) -> bool:
    """A count written as a word or a number: "one day before", "four intrathecal doses", "24 h after"."""
    return word in NUMBER_WORDS or word.replace(".", "").isdigit()


def _past_abbreviation(view: SentenceView, end: int) -> int:
    """The word after a name's abbreviation in parentheses ("monosodium iodoacetate (MIA)-induced"),
    else `end`, so a compound reads the same with the abbreviation as without it."""
    if view.words[end:end + 1] != ["("] or end + 1 >= len(view.words) or view.mention_at[end + 1] < 0:
        return end
    close = next((j for j in range(end + 2, min(end + 4, len(view.words))) if view.words[j] == ")"), None)
    return end if close is None else close + 1


def _same_head(a: Mention, b: Mention) -> bool:
    """Whether one name ends in the other, plurals aside ("gingiva-derived MSCs", "MSC")."""
    x, y = a.text.lower().rstrip("s"), b.text.lower().rstrip("s")
    return x.endswith(y) or y.endswith(x)


def _presupposed(subject: Mention, obj: Mention, rtype: RelationType, sentence: Sentence, trigger: str,
                 how: str) -> Relation:
    """A relation the words of a name or an apposition state: never negated or hedged."""
    return _relation(subject, obj, rtype, sentence, trigger, how, epistemics((), 0, 0))


def _effect_claims(relations: list[Relation]) -> list[Relation]:
    """The claims of an effect a sentence makes, not what a name or a phrase presupposes."""
    return [r for r in relations if r.type in EFFECT_TYPES and r.evidence.extractor.split(":")[1] not in PRESUPPOSING]


def _claim_for(rel: Relation, agent: Mention, sentence: Sentence, epi: Epistemics, how: str = "equivalent") -> Relation:
    """The claim of ``rel`` made for another agent the sentence compares ("as effectively as
    gabapentin", "only ADSCs did") or names for an elided verb phrase ("NAC did not"), with the
    epistemics the comparison gives it."""
    return rel.model_copy(update={"subject": agent, "evidence": rel.evidence.model_copy(update={
        "subject_text": agent.text, "extractor": f"{EXTRACTOR}:{how}", "score": SCORES[how],
        "subject_span": (agent.start - sentence.start, agent.end - sentence.start), "epistemics": epi})})


def _embedded_parts(adoc: AnnotatedDoc) -> list[Relation]:
    """Relations between the parts the NLP stage found named inside one mention (found_by
    ``EMBEDDED``): cells DERIVED_FROM the tissue of "Adipose-derived stem cells"; the cause of
    "Bortezomib-induced peripheral neuropathy (BIPN)" CAUSES the condition."""
    parts = [m for m in adoc.mentions if m.found_by == EMBEDDED]
    sentences = {s.index: s for s in adoc.sentences}
    out = []
    for host in (m for m in adoc.mentions if m.found_by != EMBEDDED):
        inside = sorted((p for p in parts if host.start <= p.start and p.end <= host.end), key=lambda p: p.start)
        sentence = sentences.get(host.sentence_index)
        if not inside or sentence is None:
            continue
        if host.category is Category.CELL:
            out += [_presupposed(host, part, RelationType.DERIVED_FROM, sentence, "derived", "hyphen") for part in inside]
        elif host.found_by == SCAFFOLD:  # "BMSC-seeded chitosan conduits": the cells are in the conduits
            out += [_presupposed(part, host, RelationType.LOCATED_IN, sentence, "seeded", "hyphen") for part in inside]
        elif len(inside) == 2:
            out.append(_presupposed(inside[0], inside[1], RelationType.CAUSES, sentence, "induced", "hyphen"))
    return out


# Reagents that silence the gene named with them: "IL-10 siRNA", "siRNA against Nrf2"
SILENCING_REAGENTS = frozenset({"sirna", "sirnas", "shrna", "shrnas", "antagomir", "antagomirs", "si-rna"})

# Class nouns that say what their members do to the gene or chemical the class is named after.
TARGETING_CLASSES = {"inhibitor": RelationType.DECREASES, "inhibitors": RelationType.DECREASES,
                     "antagonist": RelationType.DECREASES, "blocker": RelationType.DECREASES,
                     "scavenger": RelationType.DECREASES, "activator": RelationType.INCREASES,
                     "agonist": RelationType.INCREASES, "inducer": RelationType.INCREASES}


def _class_targets(adoc: AnnotatedDoc, relations: list[Relation]) -> list[Relation]:
    """What being of a class says a member does: "the HO-1 inhibitor ZnPP" (ZnPP IS_A HO-1 inhibitor)
    gives ZnPP DECREASES HO-1; "the NLRP3 activator nigericin" gives nigericin INCREASES NLRP3."""
    parts = [m for m in adoc.mentions if m.found_by == EMBEDDED]
    sentences = {s.index: s for s in adoc.sentences}
    out = []
    for rel in relations:
        host = rel.object
        head = host.text.split()[-1]
        rtype = TARGETING_CLASSES.get(head.lower()) if host.found_by == CLASS else None
        sentence = sentences.get(host.sentence_index)
        if rel.type is not RelationType.IS_A or rel.evidence.epistemics.negated or rtype is None or sentence is None:
            continue
        out += [_presupposed(rel.subject, part, rtype, sentence, head, "tight")
                for part in parts if host.start <= part.start and part.end <= host.end]
    # "..., whereas capsazepine did not [decrease TRPV1]": what the text denies, a class does not presuppose
    def keys(rel: Relation) -> set[tuple]:  # the object by id and by text: a class's part may lack the id
        return {_claim_key(rel), _claim_key(rel)[:2] + (rel.object.text.lower(),)}
    denied = {key for r in relations if r.evidence.epistemics.negated for key in keys(r)}
    return [r for r in out if not keys(r) & denied]


def _without_answered_questions(relations: list[Relation]) -> list[Relation]:
    """A claim asked as a question ("Whether MSCs modulate peroxiredoxin-6 remains unclear", kept as a
    hedged claim) yields to the document's negated answer ("MSC transplantation did not change
    peroxiredoxin-6"): the graph then holds only the answer."""
    answered = {_claim_key(r) for r in relations if r.evidence.epistemics.negated}
    return [r for r in relations if r.evidence.epistemics.negated or "whether" not in r.evidence.epistemics.cues
            or _claim_key(r) not in answered]


def _joined(first: Sentence, second: Sentence) -> Sentence:
    """Two neighbouring sentences as one evidence span (a claim that needs both)."""
    gap = " " * (second.start - first.end)
    return second.model_copy(update={"start": first.start, "text": first.text + gap + second.text})


def _claim_key(rel: Relation) -> tuple:
    """A claim's identity within a document: its entities (by id, else by text) and its type."""
    return (rel.subject.curie or rel.subject.text.lower(), rel.type, rel.object.curie or rel.object.text.lower())


def _without_contradicted(relations: list[Relation]) -> list[Relation]:
    """A sentence that says both "X reduced Y" and "X did not reduce Y" ("BM-MSCs plus gabapentin ...
    reduced IL-1β, whereas gabapentin alone did not") means the explicit negation for X: the positive
    reading came from a shared or combined subject."""
    def derived(rel: Relation) -> bool:  # a claim carried over from a compared arm
        return rel.evidence.extractor == f"{EXTRACTOR}:equivalent"
    negated = {_claim_key(r) for r in relations if r.evidence.epistemics.negated and not derived(r)}
    # "Unlike gabapentin, which only transiently raised the threshold, BMSCs ...": gabapentin's own
    # clause says what it did; the contrast does not undo it
    stated = {_claim_key(r) for r in relations if not r.evidence.epistemics.negated and not derived(r)}
    return [r for r in relations if (r.evidence.epistemics.negated and not (derived(r) and _claim_key(r) in stated))
            or not r.evidence.epistemics.negated and _claim_key(r) not in negated]


_UTR = re.compile(r"^3\W{0,2}UTR$", re.IGNORECASE)  # "3'UTR", "3′-UTR": a region of the gene named after it
# "X, a subtype of Y": the nouns that make X a kind of Y.
KIND_NOUNS = frozenset({"subtype", "type", "population", "subpopulation", "subset", "kind", "form", "class", "member"})


def _class_memberships(view: "SentenceView") -> list[Relation]:
    """The entity a class mention (found_by ``CLASS``, see the NLP stage) is said to be one of:
    "Nrf2, a transcription factor", "SOD is a key antioxidant enzyme", "the antioxidant N-acetylcysteine"."""
    out = []
    for k, (start, end, cls) in enumerate(view.mentions):
        if cls.found_by != CLASS:
            continue
        member = None
        if k + 1 < len(view.mentions) and view.mentions[k + 1][0] == end and view.words[start - 1:start] == ["the"]:
            member = view.mentions[k + 1][2]  # "the antioxidant N-acetylcysteine"
        elif k >= 1:
            j = start - 1
            while j >= 0 and view.words[j] in GRADING_ADJECTIVES:
                j -= 1
            prior_index = k - 1
            if view.words[j - 2:j] == [")", ","]:
                # "ML385 (30 mg/kg, i.p.), a selective Nrf2 inhibitor": the member before the aside
                opening = next((i for i in range(j - 2, -1, -1) if view.words[i] == "("), -1)
                before = view.mention_at[opening - 1] if opening >= 1 and view.mention_at[opening + 1] != k - 1 else -1
                prior_index = before if before >= 0 else prior_index
            prior = view.mentions[prior_index]
            gap = view.words[prior[1]:j + 1]
            if gap and gap[-1] in ("a", "an") and (gap[:-1] in ([","], ["is"], ["are"])
                                                   or gap[0] in ("(", ")") and gap[-2] in (",", "is", "are")):
                member = prior[2]  # "Nrf2, a ...", "SOD is a ...", "Superoxide dismutase (SOD) is a ..."
        if member is not None and member.category is not Category.ENTITY:
            out.append(_presupposed(member, cls, RelationType.IS_A, view.sentence, "is a", "tight"))
    # "Wharton's jelly MSCs (WJ-MSCs), a subtype of umbilical cord MSCs, ...": a named kind of a named class
    for k, (start, end, member) in enumerate(view.mentions):
        i = end
        while i < len(view.words) and view.words[i] == "(":
            i = next((j for j in range(i, len(view.words)) if view.words[j] == ")"), len(view.words) - 1) + 1
        words = view.words[i:i + 4]
        if len(words) < 4 or words[0] != "," or words[1] not in ("a", "an") or words[2] not in KIND_NOUNS \
                or words[3] != "of":
            continue
        j = i + 4
        while j < len(view.words) and view.mention_at[j] < 0 and j < i + 8 and view.words[j] not in (",", "."):
            j += 1  # "a population of neural crest-derived MSCs"
        cls = view.mention_at[j] if j < len(view.words) else -1
        while cls >= 0 and view.mentions[cls][1] < len(view.words) and view.words[view.mentions[cls][1]] == "-":
            nxt = view.mention_at[view.mentions[cls][1] + 2] if view.mentions[cls][1] + 2 < len(view.words) else -1
            cls = nxt if nxt >= 0 else -1  # "neural crest-derived MSCs": the class is the head
        if cls >= 0 and view.mentions[cls][2].category is member.category and view.mentions[cls][2].curie != member.curie:
            out.append(_presupposed(member, view.mentions[cls][2], RelationType.IS_A, view.sentence, "is a", "tight"))
    return out


def inflections(verb: str, irregular_participle: str | None = None) -> list[tuple[str, bool]]:
    """Verb forms with a flag for the past/participle forms: reduce -> reduces, reduced, reducing."""
    forms: list[tuple[str, bool]] = [(verb, False)]
    if verb.endswith("e"):
        forms += [(verb + "s", False), (verb + "d", True), (verb[:-1] + "ing", False)]
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms += [(verb[:-1] + "ies", False), (verb[:-1] + "ied", True), (verb + "ing", False)]
    elif verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms += [(verb + "es", False), (verb + "ed", True), (verb + "ing", False)]
    else:
        forms += [(verb + "s", False), (verb + "ed", True), (verb + "ing", False)]
        if len(verb) > 2 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
            forms += [(verb + verb[-1] + "ed", True), (verb + verb[-1] + "ing", False)]
    if irregular_participle:
        forms.append((irregular_participle, True))
    return forms


@dataclass
class SentenceView:
    """One sentence as the rules see it: lower-case words and where the mentions sit."""

    sentence: Sentence
    tokens: list  # spaCy tokens (dependency parse when the pipeline has a parser)
    words: list[str]
    token_chars: list[tuple[int, int]]  # doc char offsets per token
    mentions: list[tuple[int, int, Mention]]  # token start, token end (exclusive), mention
    mention_at: list[int]  # token -> index into mentions, or -1
    aside: set[int]  # tokens of appositive asides and parentheses
    compared: set[int]  # tokens of comparison arms
    excepted: set[int] = field(default_factory=set)  # mentions after "but not": negated objects
    comparatives: set[int] = field(default_factory=set)  # comparative words read as a treated group's result
    equivalents: list[tuple[int, int]] = field(default_factory=list)  # "as effectively as gabapentin" arms

    def with_stand_in(self, index: int, antecedent: Mention) -> "SentenceView":
        """This sentence with its pronoun at ``index`` as a mention of ``antecedent``: the words stay the
        sentence's ("They"), the identity is the antecedent's."""
        start, end = self.token_chars[index]
        stand_in = antecedent.model_copy(update={
            "start": start, "end": end, "text": self.tokens[index].text, "sentence_index": self.sentence.index,
            "long_form": antecedent.text if antecedent.text.lower() in GENERIC_HEADS else antecedent.long_form or antecedent.text,
            "found_by": STAND_IN})
        placed = sorted([*self.mentions, (index, index + 1, stand_in)], key=lambda p: p[0])
        mention_at = [-1] * len(self.words)
        for k, (s, e, _) in enumerate(placed):
            mention_at[s:e] = [k] * (e - s)
        return replace(self, mentions=placed, mention_at=mention_at)

    def with_named_symptoms(self, mentions: list[Mention]) -> "SentenceView":
        """A symptom referred back to ("attenuated this allodynia", "alleviated the pain") takes the
        identity of the symptom the text named before ("cold allodynia", "bone cancer pain")."""
        placed = list(self.mentions)
        for k, (s, e, m) in enumerate(placed):
            head = m.text.lower()
            if e - s != 1 or head not in SYMPTOM_HEADS or s == 0 or self.words[s - 1] not in ("the", "this", "that", "such"):
                continue
            named = [n for n in mentions if n.end <= m.start and n.text.lower().endswith(" " + head)
                     and n.category in (Category.DISEASE, Category.PHENOTYPE)]
            if named:
                antecedent = named[-1]
                placed[k] = (s, e, m.model_copy(update={
                    "curie": antecedent.curie, "name": antecedent.name, "category": antecedent.category,
                    "long_form": antecedent.text}))
        return self if placed == self.mentions else replace(self, mentions=placed)

    def mention_starting_after(self, index: int, limit: int, stop: frozenset[str] = CLAUSE_BREAKS) -> int | None:
        """First mention beginning within ``limit`` tokens after ``index`` (skipping parentheses)."""
        distance = 0
        i = index
        while i < len(self.words) and distance <= limit:
            if self.words[i] in stop or self.words[i] in COMPARISON_CUES or i in self.compared:
                return None
            m = self.mention_at[i]
            if m >= 0:
                return m
            if i not in self.aside:
                distance += 1
            i += 1
        return None

    def mention_ending_before(self, index: int, limit: int, skip_asides: bool = True) -> int | None:
        """Nearest mention ending before ``index`` within ``limit`` tokens, outside asides."""
        distance = 0
        i = index - 1
        while i >= 0 and distance <= limit:
            if self.words[i] in CLAUSE_BREAKS and not (i in self.aside and self.words[i] in DISCOURSE_WORDS | {"unlike"}):
                return None
            if skip_asides and (i in self.aside or i in self.compared):
                i -= 1
                continue
            m = self.mention_at[i]
            if m >= 0 and self.mentions[m][2].category is not Category.ROUTE:
                return m  # a route word is never a subject: "was given intraperitoneally and increased NQO1"
            distance += 1
            i -= 1
        return None


TREATMENT_NOUNS = frozenset({"treatment", "therapy", "intervention", "transplantation", "injection", "infusion",
                             "administration", "graft", "grafts"})
# What a "They" or "The treatment" of the next sentence may stand for when no claim names an agent.
TREATMENTS = frozenset({Category.CELL, Category.CHEMICAL, Category.CELLULAR_COMPONENT})
# Prepositions of where an agent was put: "injection of WJ-MSCs around the wound attenuated ..."
PLACING = frozenset({"into", "around", "near", "along", "onto"})
CO_CULTURED = frozenset({"co-cultured", "cocultured"})
SENTENCE_OPENERS = frozenset({"however", "moreover", "furthermore", "additionally", "importantly", "notably",
                              "in", "addition", "consistently", "similarly", "also", ",",
                              "nevertheless", "nonetheless", "consequently", "therefore", "thus", "accordingly",
                              "likewise", "indeed", "interestingly", "surprisingly", "remarkably", "collectively",
                              "overall", "contrast", "turn", "vivo", "vitro", "parallel", "particular",
                              "taken", "together"})


# Words that open an introductory phrase before the clause's subject.
INTRODUCTORY = frozenset({"after", "following", "when", "upon", "within", "during", "once", "at", "by", "despite"})


# Words that may stand between a subject, its auxiliary and a participle: "IL-1β, IL-6 and TNF-α were
# all decreased", "Spinal TNF-α, however, was reduced".
ADVERBIALS = frozenset({"all", "both", "each", "also", "not", "further", "then", "however", "therefore", "thus",
                        "likewise", "similarly", "consequently", "moreover", "furthermore", "indeed"})


def _adverbial(words: list[str], i: int) -> bool:
    """An adverb at ``i`` ("-ly" or ADVERBIALS), or a comma that sets one off."""
    if words[i] == ",":
        return words[i - 1:i] != [] and words[i - 1] in ADVERBIALS or words[i + 1:i + 2] != [] and words[i + 1] in ADVERBIALS
    return words[i].endswith("ly") or words[i] in ADVERBIALS


# Nouns naming a cell product again that no entity model tags ("The medium nonetheless reduced MDA").
REFERRING_PREPARATIONS = frozenset({"medium", "media", "preparation", "supernatant"})


def leading_pronoun(words: list[str]) -> int | None:
    """Where a sentence opens with "They" / "It" / "The treatment" as the agent of a claim ("They also
    raised ...", "However, they failed to ...", "The treatment reduced GFAP"): the agent of the
    previous sentence. Not "It is ..."; "these effects" and the like name no agent."""
    i = _sentence_start(words)  # "After transplantation into the injured spinal cord, they decreased IL-6"
    if i is None:
        return None
    if words[i:i + 1] in (["the"], ["this"]) and words[i + 1:i + 2] and words[i + 1] in TREATMENT_NOUNS | REFERRING_PREPARATIONS:
        i += 1  # the noun stands for the agent: "The treatment reduced GFAP", "The medium nonetheless reduced MDA"
    elif words[i:i + 1] in (["this"], ["these"]) and "accompanied" in words[i + 1:i + 5] \
            and words[words.index("accompanied", i) - 1] in ("was", "were"):
        return i  # "This (analgesic effect) was accompanied by reduced IL-1β": the agent's effect
    elif not words[i:i + 1] or words[i] not in ("they", "it"):
        return None
    following = words[i + 1] if i + 1 < len(words) else "."
    return None if following in ("is", "was", "has", "had", "remains", "seems", "appears", "'s", ".") else i


PAIR_NOUNS = TREATMENT_NOUNS | frozenset({"treatments", "therapies", "interventions", "agents", "preparations",
                                          "approaches", "compounds"})


def _sentence_start(words: list[str]) -> int | None:
    """Where the sentence's subject begins, past an introductory phrase and openers ("However, ...",
    "After transplantation into the injured spinal cord, ..."); None when openers end without a comma."""
    i = 0
    if words[:1] and words[0] in INTRODUCTORY and "," in words[:12]:
        i = words.index(",") + 1
    while i < len(words) and words[i] in SENTENCE_OPENERS:
        i += 1
    return None if 0 < i and words[i - 1] != "," else i


def leading_pair(words: list[str], verbs: Mapping[str, object]) -> int | None:
    """Where a sentence opens with "Both treatments" / "Both" / "Neither treatment" as the subject of a
    verb: the word that stands for each of the two agents the sentence before named ("received
    apocynin or hUC-MSCs. Both treatments reduced ROS")."""
    i = _sentence_start(words)
    if i is None or words[i:i + 1] not in (["both"], ["neither"]):
        return None
    if words[i + 1:i + 2] and words[i + 1] in PAIR_NOUNS:
        return i + 1  # "Neither treatment": the negative determiner stays before the stand-in
    k = i + 1
    while k < len(words) and (words[k].endswith("ly") or words[k] in ("also", "not", "did", "had")):
        k += 1
    return i if words[i] == "both" and k < len(words) and words[k] in verbs else None


def sentence_views(adoc: AnnotatedDoc) -> list[SentenceView]:
    doc: Doc = adoc.spacy_doc
    by_sentence: dict[int, list[Mention]] = {}
    for m in adoc.mentions:
        if m.found_by != EMBEDDED:  # inside another mention's words: see _embedded_parts
            by_sentence.setdefault(m.sentence_index, []).append(m)
    views = []
    for sentence in adoc.sentences:
        mentions = by_sentence.get(sentence.index, [])
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand") if mentions else None
        if span is None:
            continue
        tokens = [t for t in span if not t.is_space]
        words = [t.lower_ for t in tokens]
        opening = _sentence_start(words)
        if len(mentions) < 2 and leading_pronoun(words) is None and not REFERRED_CHANGES & set(words) \
                and (opening is None or words[opening:opening + 1] not in (["both"], ["neither"])) \
                and not CHANGE_WORDS & set(words):
            # one mention makes no claim, unless a pronoun names the agent ("They raised IL-10.", "Both
            # increased ...") or the changes just claimed are its object ("These changes were reversed by
            # BMSCs."), or it reports a change the sentence before may have made ("IL-6 was not reduced.")
            continue
        chars = [(t.idx, t.idx + len(t.text)) for t in tokens]
        placed = []
        mention_at = [-1] * len(tokens)
        for m in sorted(mentions, key=lambda m: m.start):
            idx = [i for i, (s, e) in enumerate(chars) if s < m.end and e > m.start]
            if not idx or any(mention_at[i] >= 0 for i in idx):
                continue
            for i in idx:
                mention_at[i] = len(placed)
            placed.append((idx[0], idx[-1] + 1, m))
        equivalents = _equivalence_arms(words)
        views.append(SentenceView(sentence, tokens, words, chars, placed, mention_at, _asides(words),
                                  _comparison_arms(words) | {i for s, e in equivalents for i in range(s, e)},
                                  equivalents=equivalents))
    return views


# Participles that open an aside without "-ed": ", given intravenously 24 h before the first dose,".
IRREGULAR_PARTICIPLES = frozenset({"given", "shown", "known", "seen", "taken", "begun"})


# Discourse adverbs set off by commas inside a clause: "X, however, had no effect on Y".
DISCOURSE_ASIDES = frozenset({"however", "by contrast", "in contrast", "therefore", "thus", "moreover", "furthermore",
                              "in addition", "in turn", "in particular", "nevertheless", "nonetheless", "though",
                              "conversely", "consequently", "accordingly", "likewise", "similarly", "instead",
                              "importantly", "notably", "interestingly", "surprisingly", "too", "also"})
DISCOURSE_WORDS = frozenset(w for phrase in DISCOURSE_ASIDES for w in phrase.split())


def _asides(words: list[str]) -> set[int]:
    """Parenthesised tokens and comma-delimited asides (", characterized by ..., ")."""
    aside: set[int] = set()
    depth = 0
    for i, w in enumerate(words):
        if w in ("(", "["):
            depth += 1
        if depth:
            aside.add(i)
        if w in (")", "]") and depth:
            depth -= 1
    commas = [i for i, w in enumerate(words) if w == ","]
    for a, b in zip(commas, commas[1:]):
        first = words[a + 1] if a + 1 < len(words) else ""
        if " ".join(words[a + 1:b]) in DISCOURSE_ASIDES:
            aside.update(range(a, b + 1))  # "ADSC-CM, however, had no effect on catalase"
            continue
        if words[b + 1:b + 2] and words[b + 1] in CONTRASTING_CLAUSES:
            continue  # ", a single dose of UC-MSCs attenuated X, whereas ...": a clause, not an apposition
        if a == commas[0] and words[:1] and (words[0] in INTRODUCTORY or words[0] == "in"):
            continue  # "In rats with X, a single dose of Y restored Z, ...": the clause after the opening phrase
        span = words[a + 1:b]
        if any(w in ("did", "does") for w in span) and not any(w in ("which", "that", "who") for w in span):
            continue  # "Contrary to our hypothesis, a single dose of EVs did not reduce pain, nor ...": a clause
        if first in APPOSITIVE_OPENERS or (first.endswith(("ed", "ing")) or first in IRREGULAR_PARTICIPLES) and b - a > 2:
            aside.update(range(a, b + 1))
    return aside


def _comparison_arms(words: list[str]) -> set[int]:
    """From a comparison cue ("compared with", "versus", "than") to the end of its clause."""
    arms: set[int] = set()
    inside = False
    for i, w in enumerate(words):
        if w in COMPARISON_CUES and not (w in ("relative", "compared") and words[i + 1:i + 2] not in (["to"], ["with"])):
            # "compared with placebo" is an arm; "we compared intrathecal hUCMSCs with apocynin" is a design
            inside = True
        elif w in CLAUSE_BREAKS or w == "," or w == "and" and words[i + 1:i + 2] and words[i + 1].endswith("ed") \
                or w in ("in", "at") and words[i + 1:i + 2] and words[i + 1].endswith("ing"):
            # "... more effectively than native ADSCs and relieved pain": the claim goes on; "more potent
            # than control ADSCs in reversing allodynia": what both were compared at is the claim
            inside = False
        if inside:
            arms.add(i)
    return arms


# An amount written between a route and its agent: "1 × 10^6", "5 μg", "(2.5".
_QUANTITY = re.compile(r"^(?:[\d.,]+|×|x|\^|10\^\d+|\d+\^\d+|μg|µg|mg|mg/kg|μl|µl|ml|cells?)$")
_NUMBER = re.compile(r"^[\d.,]+(?:%|-fold)?$")


def _magnitude(words: list[str], i: int) -> bool:
    """Whether word ``i`` is part of a change's size: "by 48%", "by 2.5-fold", "by 42 %"."""
    w = words[i]
    if w == "by":
        return i + 1 < len(words) and _NUMBER.match(words[i + 1]) is not None
    if w in ("%", "-fold", "fold"):
        return i > 0 and _NUMBER.match(words[i - 1]) is not None
    return _NUMBER.match(w) is not None and i > 0 and words[i - 1] == "by"


EQUAL_MANNER = frozenset({"effectively", "potently", "efficiently", "strongly", "rapidly"})  # not "as well as"
EQUAL_ADJECTIVES = frozenset({"comparable", "similar", "equivalent", "equal", "identical"})
EFFICACY_ADJECTIVES = frozenset({"effective", "potent", "efficacious", "efficient", "successful", "better"})


def _equivalence_arms(words: list[str]) -> list[tuple[int, int]]:
    """Arms that claim the same effect: "reduced allodynia as effectively as gabapentin", "to a degree
    comparable with gabapentin", "Like TEMPOL, BMSC-exosomes lowered superoxide". Unlike a comparison
    arm ("compared with placebo"), the arm's agent did what the claim says. Each arm runs from its cue
    to the end of its clause or the next comma."""
    arms = []
    for i, w in enumerate(words):
        if w == "as" and words[i + 1:i + 2] and words[i + 1] in EQUAL_MANNER and words[i + 2:i + 3] == ["as"]:
            start = i
        elif w in EQUAL_ADJECTIVES and words[i + 1:i + 2] and words[i + 1] in ("with", "to"):
            start = i
        elif w in EQUAL_ADJECTIVES and words[i + 1:i + 3] in (["extent", "as"], ["degree", "as"]):
            start = i  # "to a similar extent as pregabalin"
        elif w in ("like", "unlike") and i == 0 or i == 0 and words[:3] == ["in", "contrast", "to"]:
            # "Unlike gabapentin, BMSC-CM did not reduce ...", "In contrast to wild-type MSCs, IL-10-deficient
            # MSCs failed to ...": the opposite claim (see _equivalent_agents)
            start = i
        else:
            continue
        end = start + 1
        while end < len(words) and words[end] not in CLAUSE_BREAKS and words[end] not in (",", "and", "."):
            end += 1
        arms.append((start, end))
    return arms


class PatternExtractor:
    """The rule extractor; ``extract(adoc)`` returns sentence-level relations with evidence."""

    def __init__(self, lexicon_path: Path):
        self.lexicon = Lexicon.load(lexicon_path)

    # -- trigger finding ---------------------------------------------------------------------
    def triggers(self, words: list[str]) -> list[Trigger]:
        found: list[Trigger] = []
        taken: set[int] = set()
        lex = self.lexicon

        def add(rtype: RelationType, form: str, start: int, end: int) -> None:
            if taken.isdisjoint(range(start, end)):
                found.append(Trigger(rtype, form, start, end, " ".join(words[start:end])))
                taken.update(range(start, end))

        for i in range(len(words)):  # "plays a pivotal role in"
            if words[i].startswith("play") and words[i + 1:i + 2] in (["a"], ["an"]):
                j = i + 2
                while j < len(words) and words[j] in lex.role_adjectives | {"and", ","}:
                    j += 1
                if words[j:j + 2] == ["role", "in"]:
                    add(RelationType.CAUSES, "phrase", i, j + 2)
        for i, w in enumerate(words):  # "MSCs secrete TSG-6": what is secreted derives from its maker
            if (w in SECRETE_FORMS or w in ("secreted", "released") and words[i + 1:i + 2] not in (["by"], ["from"])) \
                    and not (i > 0 and words[i - 1] in BE_FORMS | ADJECTIVAL_CONTEXT):
                add(RelationType.DERIVED_FROM, "verb", i, i + 1)  # "cells that secreted BDNF"
        for i, w in enumerate(words):  # "an inhibitory effect on", "no analgesic effect on": the adjective types it
            if w in ("effect", "effects") and words[i + 1:i + 2] == ["on"]:
                start = i - 1 if i > 0 and words[i - 1] in EFFECT_ADJECTIVES else i
                add(EFFECT_ADJECTIVES.get(words[start], RelationType.REGULATES), "phrase", start, i + 2)
        for i, w in enumerate(words):  # "protected Schwann cells against apoptosis": what is protected sits between
            if w in PROTECT_FORMS:
                k = next((k for k in range(i + 2, min(i + 8, len(words))) if words[k] in ("against", "from")), None)
                if k is not None and not any(x in CLAUSE_BREAKS or x in lex.verbs for x in words[i + 1:k]):
                    add(RelationType.PREVENTS, "verb", i, k + 1)
        for i, w in enumerate(words):  # "normalized NOX2 but left p47phox unchanged": a negated claim on p47phox
            if w in LEAVING and any(x in lex.negated_participles for x in words[i + 2:i + 8]):
                add(RelationType.REGULATES, "verb", i, i + 1)
        for i, w in enumerate(words):  # phrases, longest first at each position
            for phrase, rtype, form in lex.phrases_by_first_word.get(w, ()):
                if tuple(words[i:i + len(phrase)]) == phrase:
                    add(rtype, form, i, i + len(phrase))
        for i, w in enumerate(words):
            if i > 0 and words[i - 1] == "-":
                continue  # "MSC-mediated": a hyphen head, handled by _hyphen_heads
            if w in lex.verbs and i > 0 and words[i - 1] in DETERMINERS:
                if w in lex.nouns:  # "prevented the increase of ROS": a noun, not a verb
                    add(lex.nouns[w], "noun", i, i + 1)
            elif w in lex.verbs:
                rtype, participle = lex.verbs[w]
                add(rtype, "participle" if participle else "verb", i, i + 1)
            elif w in lex.nouns:
                add(lex.nouns[w], "noun", i, i + 1)
        return sorted(found, key=lambda t: t.start)

    # -- extraction --------------------------------------------------------------------------
    def extract(self, adoc: AnnotatedDoc) -> list[Relation]:
        relations: dict[tuple, Relation] = {}
        previous_agent: Mention | None = None
        previous_found: list[Relation] = []
        previous_view: SentenceView | None = None
        previous_pair: list[Mention] = []
        for view in sentence_views(adoc):
            pronoun = leading_pronoun(view.words)
            if pronoun is not None and previous_agent is not None:
                view = view.with_stand_in(pronoun, previous_agent)
            view = view.with_named_symptoms(adoc.mentions)
            pair = leading_pair(view.words, self.lexicon.verbs) if len(previous_pair) == 2 else None
            if pair is not None:  # "Both treatments reduced ROS": the claim once for each agent named before
                found = [r for agent in previous_pair
                         for r in _without_contradicted(self._sentence_relations(view.with_stand_in(pair, agent)))]
            else:
                found = _without_contradicted(self._sentence_relations(view))
            found += self._countered_changes(view, found, previous_found, previous_view)
            found += self._agentless_results(view, found, previous_found, previous_view)
            previous_found, previous_view = found, view
            # "Both increased X. Neither treatment, however, lowered Y": the pair stays until new treatments are named
            previous_pair = self._treatments_named(view) or previous_pair
            for rel in found:
                key = (rel.subject.start, rel.subject.curie or rel.subject.text, rel.type, rel.object.start)
                if key not in relations or relations[key].evidence.score < rel.evidence.score:
                    relations[key] = rel
            # the treatment the next sentence may call "They" / "The treatment": not what made the model
            # ("Carrageenan-induced paw edema was attenuated by ADSCs. The treatment also ...")
            agents = sorted((r.subject for r in found if r.subject.category in ROUTE_AGENTS
                             and r.type is not RelationType.CAUSES and not is_control_arm(r.subject)),
                            key=lambda m: m.start)
            if not agents:  # "ASCs were injected into mice after SNI. They failed to ...": the treatment named
                agents = [m for s, _, m in view.mentions if m.category in TREATMENTS and s not in view.compared
                          and s not in view.aside and not is_control_arm(m)][:1]
            previous_agent = agents[0] if agents else None
        found = _without_answered_questions(list(relations.values()))
        return resolve_generic_agents(adoc, found + _embedded_parts(adoc) + _class_targets(adoc, found))

    def _accompanying_changes(self, view: SentenceView, relations: list[Relation]) -> list[Relation]:
        """ "MSC-CM reversed allodynia, an effect accompanied by lower Iba1", "This effect was accompanied
        by increased IL-10 secretion and reduced iNOS expression": each change that accompanies a claim
        is its agent's too (the claim of the sentence, or "This" standing for the agent before); so is
        each change given as its evidence ("as shown by increased MBP", "was confirmed by reduced Keap1"),
        and each change said to come with it (", with a concomitant increase in HO-1 expression")."""
        words, out = view.words, []
        position = {id(m): s for s, _, m in view.mentions}
        for a in range(len(words) - 2):
            concomitant = _concomitant_change(words, a) is not None
            if not concomitant and (words[a] not in EVIDENCING or words[a + 1] != "by"):
                continue
            if words[a] != "accompanied" and not concomitant and not any(
                    w in COMPARATIVES or w in DECLINE_NOUNS or w in RISE_NOUNS for w in words[a + 2:a + 4]):
                continue  # "as shown by increased MBP levels", not "confirmed by confocal microscopy"
            # not what a name presupposes ("Paclitaxel-induced allodynia, which was accompanied by ...")
            claims = [r for r in _effect_claims(relations) if position.get(id(r.subject), a) < a
                      and r.subject.category in TREATMENTS | MOLECULES]
            agents = [claims[-1].subject] if claims else []
            if not agents:  # "This effect was accompanied by": the agent "This" stands for
                agents = [m for s, _, m in view.mentions if s < a and m.found_by == STAND_IN]
            if not agents:
                continue
            agent_index = next(i for i, (_, _, m) in enumerate(view.mentions) if m is agents[0])
            k = a + 2
            while k < len(words) and words[k] not in CLAUSE_BREAKS and words[k] != ".":
                w = words[k]
                rtype = COMPARATIVES.get(w) or (RelationType.DECREASES if w in DECLINE_NOUNS else None) \
                    or (RelationType.INCREASES if w in RISE_NOUNS else None) or self.lexicon.nouns.get(w)
                if rtype in (RelationType.INCREASES, RelationType.DECREASES) and view.mention_at[k] < 0:
                    start = k + 1
                    while start < len(words) and words[start] in ("of", "in", "the", "activation", "expression"):
                        start += 1  # "a decline in spinal TNF-α", "reduced activation of microglia"
                    objects = self._objects_after(view, start - 1) if start < len(words) else []
                    trig = Trigger(rtype, "phrase", k, k + 1, w)
                    out += self._emit(view, trig, [agent_index], objects, "carried")
                    if objects:
                        k = view.mentions[objects[-1]][1] - 1
                k += 1
        return out

    def _treatments_named(self, view: SentenceView) -> list[Mention]:
        """The distinct treatments a sentence names as such: not a product's source ("hUCMSC-derived
        exosomes"), a model's drug ("oxaliplatin-treated rats"), a class or a control arm. A compared arm
        is one ("The efficacy of MSC-EVs was compared with that of pregabalin. Both treatments ...")."""
        named: dict[str, Mention] = {}
        for start, end, m in view.mentions:
            if m.category not in TREATMENTS or start in view.aside or is_control_arm(m) \
                    or m.found_by in (STAND_IN, CLASS) or view.words[end:end + 1] == ["-"] \
                    or self._product_after(view, end) is not None:
                continue
            named.setdefault(m.curie or m.text.lower(), m)
        return list(named.values())

    def _sentence_relations(self, view: SentenceView) -> list[Relation]:
        # ", with a concomitant increase in HO-1": the claim's agent's change (_accompanying_changes),
        # never a claim of the words before the comma
        view.comparatives.update(k for k in (_concomitant_change(view.words, a) for a in range(len(view.words)))
                                 if k is not None)
        out: list[Relation] = self._group_effects(view) + self._treated_setting(view)
        # a trigger word inside an entity's name is no trigger ("induced pluripotent stem cells")
        triggers = [t for t in self.triggers(view.words) if view.mention_at[t.start] < 0 and view.mention_at[t.end - 1] < 0
                    and t.start not in view.comparatives]
        chain = _Chain()
        adjectival_end = -10
        index_of = {id(m): i for i, (_, _, m) in enumerate(view.mentions)}
        for trig in triggers:
            if trig.form == "tight":
                found = self._tight(view, trig)
                if found and trig.type is RelationType.IS_A:
                    chain.renamed[index_of[id(found[0].object)]] = index_of[id(found[0].subject)]
                out += found
                continue
            if trig.form == "noun":
                found = self._nominal(view, trig)
                for rel in found:  # "Exosome-mediated inhibition of NLRP3 reduced IL-1β": the exosomes act
                    chain.renamed[index_of[id(rel.object)]] = index_of[id(rel.subject)]
                out += found
                continue
            if trig.text.endswith("ing") and view.words[trig.end:trig.end + 1] == ["by"]:
                # "ROS scavenging by N-acetylcysteine": a gerund naming the act, its object before it
                agent, patient = self._agent_after(view, trig.end + 1, 3), self._adjacent_left(view, trig.start)
                if agent is not None and patient is not None:
                    out += self._emit(view, trig, [agent], [patient], "nominal")
                    continue
            passive = self._passive_agent(view, trig)
            if passive is not None:
                subjects, patients = passive
                possessed = None if patients else self._possessed_change(view, trig)
                if possessed is not None:  # "NOX2 ..., and its upregulation was reversed by exosomes"
                    patient, change = possessed
                    out += self._emit(view, trig, subjects, [patient], "passive", change=change)
                    continue
                out += self._emit(view, trig, subjects, patients, "passive")
                if patients:  # "Nrf2 was activated by EVs and induced HO-1": Nrf2 induces
                    chain.subjects, chain.end = patients, view.mentions[subjects[-1]][1]
                    chain.passive_agents = subjects  # "... was decreased by the secretome, without affecting catalase"
                    # "... were all decreased by BMSC transplantation, whereas IL-10 was elevated": the agent's too
                    chain.last_subjects = [a for a in subjects if a not in view.excepted]
                continue
            if trig.type is RelationType.DERIVED_FROM and trig.form == "verb":  # "cells, which secrete GDNF"
                makers = [m for m in self._subjects_before(view, trig.start)
                          if view.mentions[m][2].category in (Category.CELL, Category.CELLULAR_COMPONENT)]
                products = [o for o in self._objects_after(view, trig.end) if view.mentions[o][2].category not in CONDITIONS]
                out += [r for m in makers for r in self._emit(view, trig, products, [m], "active")]
                continue
            if (trig.form == "participle" or trig.text in COMPARATIVES) and self._after_be(view, trig.start):
                # agentless passive ("was reduced"), predicate adjective ("was lower"): see _group_effects;
                # in a clause joined to a claim it reports that claim's agent's effect too; "was restored
                # after BMSCs were injected" names the agent in a time clause
                agent = self._agent_of_time_clause(view, trig.end)
                out += self._emit(view, trig, [agent], self._patients_before(view, trig.start), "after") \
                    if agent is not None else self._clause_effect(view, trig, chain.last_subjects)
                continue
            if trig.form == "participle" and (trig.start == 0 or view.words[trig.start - 1] in ADJECTIVAL_CONTEXT
                                              or view.words[trig.start - 1] in self.lexicon.verbs):
                # "shifted activated microglia": a participle right after a verb modifies its object
                adjectival_end = trig.end
                continue  # "with elevated IL-6", "Increased ROS levels ...": an adjective, not a claim
            if trig.form == "participle" and view.words[trig.start - 1] in ("and", "or", ",") and \
                    0 <= trig.start - adjectival_end <= 6:
                # "associated with elevated nitric oxide and reduced catalase": a second adjective (and a
                # third: "by increased nuclear Nrf2, reduced cytoplasmic Keap1 and elevated NQO1")
                adjectival_end = trig.end
                continue
            objects = self._objects_after(view, trig.end)
            objects_end = view.mentions[objects[-1]][1] if objects else -1
            # "lowered both markers in the SNI spinal cord": the words after "both" name no object
            referred = (not objects or view.words[trig.end:trig.end + 1] == ["both"]) \
                and self._object_pronoun(view, trig.end)
            if referred:
                # "Gabapentin did not alter SOD, whereas hUC-MSCs boosted it": what the claim before acted on
                objects, objects_end = self._referred_objects(view, out, view.words[trig.end]), trig.end + 1
            subjects, how, negated, scope_start = self._active_subjects(view, trig, objects, chain)
            subjects = subjects + self._unlike_arms(view, trig, subjects)
            if referred:  # "infusion after neuropathy was established failed to reverse it": no agent named
                subjects = [m for m in subjects if view.mentions[m][2].category not in CONDITIONS]
            emitted = self._emit(view, trig, subjects, objects, how, negated=negated, scope_start=scope_start)
            out += emitted
            if objects and not subjects:
                chain.orphan_objects, chain.orphan_end = set(objects), objects_end
            if subjects and objects:
                chain.subjects = chain.last_subjects = subjects
                chain.end = objects_end
                chain.negated = any(r.evidence.epistemics.negated for r in emitted)
            elif subjects and how != "parsed" and trig.form in ("verb", "participle"):
                # "Paclitaxel induced mitochondrial swelling in DRG neurons and decreased ATP": an object we
                # do not name still leaves the subject to the verb coordinated with this one
                chain.subjects, chain.end = subjects, trig.end
                chain.negated = epistemics(view.words, trig.start, view.mentions[subjects[-1]][1]).negated
        out += self._hyphen_heads(view)
        out += self._secretions(view)
        out += self._silencing_reagents(view)
        out += self._cargo(view)
        out += self._possessed_products(view)
        out = self._without_situating_locations(view, out, triggers)
        out += self._equivalent_agents(view, out)
        out += self._elided_claims(view, out)
        out += self._routes(view)
        out += self._localizations(view)
        out += self._only_agents(view, out)
        out += self._induced_models(view)
        out += self._trial_treatments(view)
        accompanying = self._accompanying_changes(view, out)
        if accompanying:  # the change, typed, replaces the bare association "accompanied by" gave
            changed = {id(r.object) for r in accompanying}
            out = [r for r in out if not (r.type is RelationType.ASSOCIATED_WITH and id(r.object) in changed)]
        out += accompanying
        out += _class_memberships(view)
        return out

    def _countered_changes(self, view: SentenceView, found: list[Relation], previous: list[Relation],
                           previous_view: "SentenceView | None") -> list[Relation]:
        """ "Oxaliplatin depleted GSH and increased lipid peroxidation; both changes were reversed by
        BMSCs", "High glucose increased mitochondrial ROS. Exosomes reversed all of these changes":
        the agent counters each increase or decrease claimed before in the sentence, or else in the
        sentence before (then both sentences are the evidence). Changes stated without an agent count
        too: "... was accompanied by elevated MDA and reduced SOD activity. DPSC secretome normalized
        both changes"."""
        words, out = view.words, []
        previous_sentence = previous_view.sentence if previous_view is not None else None
        for c, word in enumerate(words):
            if word not in REFERRED_CHANGES or c == 0 or words[c - 1] not in REFERRING_TO_CHANGES:
                continue
            went = RelationType.INCREASES if word in RISES_REFERRED else \
                RelationType.DECREASES if word in DECLINES_REFERRED else None
            k = c + 1
            while k < len(words) and (words[k] in BE_FORMS or words[k] in ("not", "also") or words[k].endswith("ly")):
                k += 1
            if k + 1 < len(words) and words[k] in COUNTERING_VERBS and words[k + 1] == "by":
                verb, agent = k, self._agent_after(view, k + 2)  # "these changes were reversed by X"
            else:
                j = c - 2 - (words[c - 3:c - 1] == ["all", "of"]) * 2  # "X reversed (all of) these changes"
                if j < 1 or words[j] not in COUNTERING_VERBS:
                    continue
                subjects = self._subjects_before(view, j)  # "Exosomes from ADSCs reversed": the exosomes
                verb, agent = j, self._phrase_head(view, subjects[0]) if subjects else None
            if agent is None or is_control_arm(view.mentions[agent][2]):
                continue
            sentence, subject = view.sentence, view.mentions[agent][2]
            claims = [r for r in found if r.object.end <= view.token_chars[c - 1][0] and r.type in OPPOSITE_CHANGE
                      and went in (None, r.type)]
            if not claims and previous_sentence is not None and previous_sentence.index == sentence.index - 1:
                claims = [r for r in previous if r.type in OPPOSITE_CHANGE and went in (None, r.type)]
                sentence = _joined(previous_sentence, sentence)  # the evidence is both sentences
            epi = epistemics(words, verb, c)
            for rel in claims:
                if rel.evidence.epistemics.negated or rel.subject.curie == subject.curie \
                        or rel.subject.category in (Category.CELL, Category.CELLULAR_COMPONENT):
                    continue  # a cell therapy's changes "reversed by the PI3K inhibitor": its mechanism, blocked
                out.append(_relation(subject, rel.object, OPPOSITE_CHANGE[rel.type], sentence, words[verb],
                                     "countered", epi))
            if claims or subject.category not in TREATMENTS:
                continue
            stated = [(m, change) for m, change in self._stated_changes(view, min(c - 1, verb))
                      if m is not subject]
            sentence = view.sentence
            if not stated and previous_sentence is not None and previous_sentence.index == view.sentence.index - 1:
                stated = self._stated_changes(previous_view, len(previous_view.words))
                sentence = _joined(previous_sentence, view.sentence)
            out += [_relation(subject, m, OPPOSITE_CHANGE[change], sentence, words[verb], "countered", epi)
                    for m, change in stated if went in (None, change)]
        return out

    @staticmethod
    def _stated_changes(view: SentenceView, end: int) -> list[tuple[Mention, RelationType]]:
        """Changes a sentence states without an agent, before word ``end``: "elevated MDA and reduced
        SOD activity", "a 3.1-fold increase in spinal nuclear β-catenin", "accumulation of lipid
        peroxides", "rats developed mechanical allodynia" (a symptom that appears rises). A mention
        listed right after a changed one shares its change ("elevated Cx43 and CXCL1")."""
        words, out = view.words, []
        last: tuple[int, RelationType] | None = None  # where the last changed mention ended, and how
        for start, stop, mention in view.mentions:
            if stop > end:
                break
            k = start - 1
            while k >= 0 and view.mention_at[k] < 0 and (
                    words[k] in DETERMINERS or words[k] in NP_MODIFIERS or words[k] in LOCALIZING_ADJECTIVES
                    or _NUMBER.match(words[k]) or words[k].endswith("-fold") or _hyphenated(words[k])):
                k -= 1  # "a 3.1-fold increase in spinal nuclear β-catenin", "developed below-level allodynia"
            change = None
            if k >= 0 and words[k] in STATED_RISES:
                change = RelationType.INCREASES
            elif k >= 0 and words[k] in STATED_FALLS:
                change = RelationType.DECREASES
            elif k >= 1 and words[k] in ("in", "of"):
                change = RelationType.INCREASES if words[k - 1] in RISE_NOUNS else \
                    RelationType.DECREASES if words[k - 1] in STATED_DECLINES else None
            elif k >= 0 and words[k] == "developed" and mention.category in CONDITIONS:
                change = RelationType.INCREASES
            if change is None and last is not None \
                    and all(w in ("and", ",", "(", ")") or w in OBJECT_HEADS or view.mention_at[i] >= 0
                            for i, w in enumerate(words[last[0]:start], last[0])) and "and" in words[last[0]:start]:
                change = last[1]  # "elevated connexin 43 (Cx43) and CXCL1"
            if change is not None:
                out.append((mention, change))
                last = (stop, change)
        return out

    def _agentless_results(self, view: SentenceView, found: list[Relation], previous: list[Relation],
                           previous_view: "SentenceView | None") -> list[Relation]:
        """ "BMSCs increased paw withdrawal threshold for 3 weeks. Mitochondrial superoxide in DRG neurons
        decreased.": a change reported with no agent, in a sentence that names no treatment and makes no
        claim, right after a sentence whose claims one treatment made, is that treatment's (both sentences
        are the evidence)."""
        previous_sentence = previous_view.sentence if previous_view is not None else None
        if _effect_claims(found) or previous_sentence is None or previous_sentence.index != view.sentence.index - 1:
            return []
        agents = {r.subject.curie or r.subject.text.lower(): r.subject for r in _effect_claims(previous)
                  if r.subject.category in TREATMENTS and not r.evidence.epistemics.negated and not is_control_arm(r.subject)}
        # a cell or vesicle named other than as a place could be this sentence's own agent
        if len(agents) != 1 or any(m.category in (Category.CELL, Category.CELLULAR_COMPONENT) and s not in view.aside
                                   and view.words[s - 1:s] not in (["in"], ["of"], ["within"], ["from"])
                                   for s, _, m in view.mentions):
            return []
        words, out = view.words, []
        if any(is_control_arm(m) or m.category is Category.DISEASE for _, _, m in view.mentions) \
                or CONTROL_WORDS & set(words):
            return []  # "In vehicle-treated rats, MDA levels were higher": another group's result
        agent = next(iter(agents.values()))
        sentence = _joined(previous_sentence, view.sentence)
        for j, w in enumerate(words):
            after_be = self._after_be(view, j) or j >= 2 and words[j - 1] == "not" and words[j - 2] in BE_FORMS
            rtype = INTRANSITIVE_CHANGES.get(w) if j > 0 and not after_be else None
            passive = rtype is None and after_be and (
                self.lexicon.verbs.get(w, (None, False))[1] or w in COMPARATIVES)  # "was reduced", "were lower"
            if passive:
                rtype = COMPARATIVES.get(w) or self.lexicon.verbs[w][0]
            if rtype not in (RelationType.INCREASES, RelationType.DECREASES) or words[j + 1:j + 2] in (["by"], ["after"]) \
                    and passive:
                continue
            for patient in self._patients_before(view, j - 1 if words[j - 1] == "not" else j):
                epi = epistemics(words, j, view.mentions[patient][1])
                out.append(_relation(agent, view.mentions[patient][2], rtype, sentence, w, "carried", epi))
        return out

    def _induced_models(self, view: SentenceView) -> list[Relation]:
        """ "Oxaliplatin-treated mice developed cold allodynia", "Mice treated with vincristine developed
        mechanical allodynia": the drug that makes the model causes the condition the animals then show
        (a chemical, never a control arm)."""
        out = []
        for i, w in enumerate(view.words):
            if w not in MODEL_MAKING or i < 1:
                continue
            if i >= 2 and view.words[i - 1] == "-" and view.mention_at[i - 2] >= 0:
                agent = view.mention_at[i - 2]
                k = i + 1
                while k < len(view.words) and view.mention_at[k] >= 0 \
                        and view.mentions[view.mention_at[k]][2].category is Category.ORGANISM:
                    k += 1  # "oxaliplatin-treated mice"
                named_animals = k > i + 1
            elif view.mention_at[i - 1] >= 0 and view.mentions[view.mention_at[i - 1]][2].category is Category.ORGANISM \
                    and view.words[i + 1:i + 2] == ["with"] and i + 2 < len(view.words) and view.mention_at[i + 2] >= 0:
                agent = view.mention_at[i + 2]  # "Mice treated with vincristine developed ..."
                k, named_animals = view.mentions[agent][1], True
            else:
                continue
            if view.mentions[agent][2].category is not Category.CHEMICAL or is_control_arm(view.mentions[agent][2]):
                continue
            if not named_animals or k + 1 >= len(view.words) or view.words[k] not in SHOWING \
                    or view.words[k + 1] in COMPARATIVES or k + 1 in view.comparatives:
                continue  # "apocynin-treated rats exhibited less allodynia": a group effect (_group_effects)
            conditions = [o for o in self._objects_after(view, k + 1) if view.mentions[o][2].category in CONDITIONS]
            trig = Trigger(RelationType.CAUSES, "phrase", k, k + 1, view.words[k])
            out += self._emit(view, trig, [agent], conditions, "active")
        return out

    def _trial_treatments(self, view: SentenceView) -> list[Relation]:
        """ "Patients with knee osteoarthritis were randomized to a single intra-articular injection of
        UC-MSCs or hyaluronic acid": the first arm's treatment TREATS the patients' disease, in the sense
        of "is used to treat" (SemMedDB's): the design says what it is given for, not that it worked."""
        words = view.words
        for i in range(len(words) - 3):
            if words[i] not in PATIENTS or words[i + 1] != "with":
                continue
            disease = view.mention_starting_after(i + 2, 3)
            if disease is None or view.mentions[disease][2].category is not Category.DISEASE:
                continue
            end = view.mentions[disease][1]
            # "patients with type 2 diabetes and painful DPN": the pain; a modifier tagged apart ("painful")
            while end < len(words):
                nxt = view.mention_at[end] if view.mention_at[end] >= 0 else \
                    view.mention_starting_after(end + 1, 1) if words[end] == "and" else None
                if nxt is None or view.mentions[nxt][2].category not in CONDITIONS:
                    break
                if view.mentions[nxt][2].category is not Category.DISEASE:
                    disease = None  # "with type 2 diabetes and painful neuropathy": the pain is treated, no disease
                    break
                disease, end = nxt, view.mentions[nxt][1]
            if disease is None:
                continue
            given = next((k for k in range(end, min(end + 25, len(words) - 1)) if k not in view.aside and (
                words[k] in TRIAL_RECEIVING or words[k] in CLAUSE_BREAKS or words[k] == ".")), None)
            if given is None or words[given] not in TRIAL_RECEIVING:
                continue
            k = given + 1
            while k < len(words) and words[k] in ("to", "with", "either", "a", "an"):
                k += 1
            agent = self._agent_after(view, k, 3)
            if agent is None or view.mentions[agent][2].category not in TREATMENTS or is_control_arm(view.mentions[agent][2]):
                continue
            return [_relation(view.mentions[agent][2], view.mentions[disease][2], RelationType.TREATS, view.sentence,
                              words[given], "trial", Epistemics())]
        return []

    @staticmethod
    def _only_agents(view: SentenceView, relations: list[Relation]) -> list[Relation]:
        """ "Both ADSCs and NAC restored SOD, but only ADSCs reversed allodynia": the other agents the
        sentence compared did not (each agent of an earlier claim or equivalence arm of the sentence)."""
        position = {id(m): s for s, _, m in view.mentions}
        in_arms = {i for start, end in view.equivalents for i in range(start, end)}
        out = []
        for rel in relations:
            start = position.get(id(rel.subject))
            if start is None or rel.evidence.epistemics.negated or "only" not in view.words[max(0, start - 2):start]:
                continue
            only = max(k for k in range(max(0, start - 2), start) if view.words[k] == "only")
            earlier = {id(r.subject): r.subject for r in relations if position.get(id(r.subject), only) < only
                       and not r.evidence.epistemics.negated}
            earlier |= {id(m): m for s, _, m in view.mentions if s in in_arms and s < only and m.category in ROUTE_AGENTS}
            for other in earlier.values():
                if is_control_arm(other) or other.curie and other.curie == rel.subject.curie or _same_head(other, rel.subject) \
                        or GENERIC_HEADS.get(rel.subject.text.lower()) is other.category:
                    # one agent named twice: "... as gingiva-derived MSCs, yet only the MSC-treated rats ...",
                    # "MSC-EVs ... only the vesicles"
                    continue
                out.append(_claim_for(rel, other, view.sentence,
                                      rel.evidence.epistemics.model_copy(update={"negated": True})))
        return out

    @staticmethod
    def _object_pronoun(view: SentenceView, index: int) -> bool:
        """ "reversed it", "decreased both", "restored them": a pronoun ending the verb phrase; "both"
        before a plural noun no entity names ("lowered both markers") refers back too."""
        words = view.words
        if words[index:index + 1] == ["both"] and index + 2 < len(words) and view.mention_at[index + 1] < 0 \
                and words[index + 1] in REFERRED_CLASSES \
                and (words[index + 2] in CLAUSE_ENDS or words[index + 2] in PREPOSITIONS or words[index + 2] in COORDINATION):
            return True  # "whereas DPSCs lowered both channels in the DRG"
        return index < len(words) and words[index] in OBJECT_PRONOUNS and (
            index + 1 == len(words) or words[index + 1] in CLAUSE_ENDS or words[index + 1] in PREPOSITIONS
            or words[index + 1] in COORDINATION or _QUANTITY.match(words[index + 1]) is not None
            or words[index + 1].endswith(("-fold", "ly")))  # "relieved it only transiently"

    @staticmethod
    def _referred_objects(view: SentenceView, relations: list[Relation], pronoun: str) -> list[int]:
        """What "it" / "them" / "both" refers to: the object of the sentence's last effect claim, or
        ("them", "both") every object its agent was claimed to act on."""
        position = {id(m): i for i, (_, _, m) in enumerate(view.mentions)}
        claims = [r for r in _effect_claims(relations) if id(r.object) in position]
        if not claims:
            return []
        last = max(claims, key=lambda r: position[id(r.object)])
        if pronoun == "it":
            return [position[id(last.object)]]
        return sorted({position[id(r.object)] for r in claims if r.subject is last.subject})

    def _elided_claims(self, view: SentenceView, relations: list[Relation]) -> list[Relation]:
        """ "Only EVs reduced hyperalgesia; NAC did not", "..., whereas intact exosomes did", "...,
        whereas curcumin failed to do so", "; NAC had a comparable effect", "ZnPP mimicked this effect":
        the verb phrase left out is the last claim's, made for the new agent, negated and hedged by its
        own words ("did not", "failed to", "may")."""
        words, out = view.words, []
        position = {id(m): s for s, _, m in view.mentions}
        claims = [r for r in _effect_claims(relations) if id(r.subject) in position]
        for index, (start, end, _) in enumerate(view.mentions):
            agent = view.mentions[self._phrase_head(view, index)][2]  # "sEVs from knockdown BMSCs failed to do so"
            if agent.category not in ROUTE_AGENTS or is_control_arm(agent) or start in view.aside:
                continue
            k = end
            if words[k:k + 1] == ["("]:  # "N-acetylcysteine (NAC) had a comparable effect"
                k = next((i for i in range(k, len(words)) if words[i] == ")"), len(words) - 1) + 1
            while k < len(words) and (words[k].endswith("ly") or words[k] in ("alone", "itself", "themselves")):
                k += 1
            same_effect = self._same_effect_end(words, k)
            if same_effect is not None:  # "N-acetylcysteine (NAC) had a comparable effect", "mimicked this effect"
                k = same_effect
            elif words[k:k + 4] == ["failed", "to", "do", "so"]:
                k += 4
            elif k < len(words) and words[k] in ELLIPTIC_AUXILIARIES:
                k += 1
                while k < len(words) and words[k] in ("not", "n't", "never", "also", "too", "so", "do", "either"):
                    k += 1
            else:
                continue
            if k < len(words) and (words[k] not in CLAUSE_ENDS or words[k] == "," and k + 1 < len(words)
                                   and (words[k + 1] in SENTENCE_OPENERS or k + 1 in view.aside)):
                continue  # "NAC did not reduce ...", "the cells did not, however, alter ...": a verb of its own
            before = [r for r in claims if position[id(r.subject)] < start and r.subject is not agent
                      and (not agent.curie or r.subject.curie != agent.curie)]
            if not before:
                continue
            last = max(position[id(r.subject)] for r in before)
            for rel in before:
                if position[id(rel.subject)] == last:
                    out.append(_claim_for(rel, agent, view.sentence, epistemics(words, k, end), how="elided"))
        for k in range(1, len(words) - 2):  # "..., and this effect was mimicked by the SOD mimetic tempol"
            if words[k] not in MIMICKING or words[k + 1] != "by" or words[k - 1] not in BE_FORMS | {"not"}:
                continue
            agent_index = self._agent_after(view, k + 2)
            if agent_index is None:
                continue
            agent = view.mentions[self._member_after(view, agent_index)][2]  # "the SOD mimetic tempol"
            before = [r for r in claims if position[id(r.subject)] < k and r.subject is not agent]
            if agent.category in ROUTE_AGENTS and before:
                last = max(position[id(r.subject)] for r in before)
                out += [_claim_for(rel, agent, view.sentence, epistemics(words, k, 0), how="elided")
                        for rel in before if position[id(rel.subject)] == last]
        return out

    def _agent_of_time_clause(self, view: SentenceView, index: int) -> int | None:
        """The agent of "after BMSCs were injected", "after DPSC-Exos treatment", "following intrathecal
        injection of EVs" right after an agentless passive."""
        words = view.words
        k = self._place_after(view, index)  # "was upregulated in the DRG following treatment with ..."
        while k < len(words) and (words[k].endswith("ly") or words[k] == "again" or _magnitude(words, k)
                                  or _NUMBER.match(words[k]) or words[k].endswith("-fold")  # "only", "2.4-fold"
                                  or words[k] in TIME_UNITS and k > 0 and _counted(words[k - 1])):  # "7 days after"
            k += 1
        if words[k:k + 1] == ["from"]:  # "rose from 2.1 ± 0.3 to 5.8 ± 0.6 nmol/mg protein after CCI"
            k = next((i for i in range(k + 1, min(k + 16, len(words))) if words[i] in ("after", "following")
                      or view.mention_at[i] >= 0 or words[i] in CLAUSE_ENDS), k)
        if k >= len(words) or words[k] not in ("after", "following", "upon"):
            return None
        agent = self._agent_after(view, k + 1, 3)
        if agent is not None and view.mentions[agent][2].category in CONDITIONS | {Category.CHEMICAL} \
                and not is_control_arm(view.mentions[agent][2]) \
                and words[_past_abbreviation(view, view.mentions[agent][1]):][:1] in MODEL_ENDINGS:
            return agent  # "was upregulated 2.4-fold after paclitaxel treatment", "rose ... after CCI"
        if agent is None or view.mentions[agent][2].category not in TREATMENTS or is_control_arm(view.mentions[agent][2]):
            return None
        end = view.mentions[agent][1]
        rest = words[end:end + 2]
        given = rest[:1] and rest[0] in WRAPPERS or rest[:1] in (["were"], ["was"]) and rest[1:] and rest[1] in ADMINISTERED
        # "after injection of BMSCs": the wrapper came first
        wrapped = any(w in WRAPPERS or w in ADMINISTERED for w in words[k + 1:view.mentions[agent][0]])
        return agent if given or wrapped else None

    @staticmethod
    def _same_effect_end(words: list[str], k: int) -> int | None:
        """Where "had a comparable effect" / "did not have a similar effect" / "mimicked this effect" ends
        when it starts at ``k``."""
        while k < len(words) and words[k] in ("did", "does", "not", "also", "likewise"):
            k += 1
        if k < len(words) and words[k] in MIMICKING:
            k += 1
            if k < len(words) and words[k] in ("this", "these", "the", "that", "those", "its", "their"):
                k += 1
        elif k < len(words) and words[k] in EFFECT_HAVING:
            k += 1
            if k < len(words) and words[k] in ("a", "an", "the"):
                k += 1
            if k >= len(words) or words[k] not in SAME_ADJECTIVES:
                return None
            k += 1
        else:
            return None
        return k + 1 if k < len(words) and words[k] in ("effect", "effects", "action", "actions") else None

    def _clause_effect(self, view: SentenceView, trig: Trigger, agents: list[int]) -> list[Relation]:
        """ "BMSC treatment attenuated allodynia and reduced MDA, whereas SOD activity was restored":
        an agentless passive in a clause joined to the sentence's claim is the same agent's effect."""
        i = trig.start - 1
        while i >= 0 and (view.words[i] in BE_FORMS or view.words[i].endswith("ly") or view.words[i] in ("not", "also")):
            i -= 1
        while i >= 0 and view.words[i] in OBJECT_HEADS and view.mention_at[i] < 0:
            i -= 1
        if view.words[i:i + 1] == [")"]:  # "superoxide dismutase (SOD) activity was restored"
            i = next((k for k in range(i, -1, -1) if view.words[k] == "("), 0) - 1
        patient = view.mention_at[i] if i >= 0 else -1
        if not agents or patient < 0 or view.words[trig.end:trig.end + 1] in (["by"], ["in"], ["after"]):
            return []
        start = view.mentions[patient][0]
        joint = view.words[max(0, start - 2):start]
        if not (joint[-1:] in (["whereas"], ["while"]) or joint in ([",", "whereas"], [",", "while"], [",", "and"])):
            return []
        if any(view.mentions[a][1] > start for a in agents):
            return []
        return self._emit(view, trig, agents, [patient], "carried")

    def _localizations(self, view: SentenceView) -> list[Relation]:
        """Cells or vesicles LOCATED_IN where they went or what took them up (HOMING_VERBS, REACHING_VERBS,
        UPTAKE_VERBS); "but not in the DRG" and "rather than by neurons" are negated places."""
        out = []
        words = view.words
        for i, w in enumerate(words):
            if w not in HOMING_VERBS and w not in UPTAKE_VERBS and w not in REACHING_VERBS or view.mention_at[i] >= 0:
                continue
            k = i + 1
            if w == "taken" and words[k:k + 1] == ["up"]:
                k += 1
            while k < len(words) and words[k].endswith("ly") and view.mention_at[k] < 0:
                k += 1  # "accumulated predominantly in", "internalized mainly by"
            if w in REACHING_VERBS:
                k -= 1  # "reached the brainstem": the place is the object
            elif k >= len(words) or words[k] not in (HOMING_PLACES if w in HOMING_VERBS else {"by"}):
                continue
            subjects = [m for m in self._subjects_before(view, i) if view.mentions[m][2].category in LOCATED_AGENTS]
            first = self._coordinated_passive(view, i) if not subjects else None
            if first is not None:  # "were detected in the lung but were not found in the DRG": the same cells
                subjects = [m for m in self._subjects_before(view, first) if view.mentions[m][2].category in LOCATED_AGENTS]
            places = [o for o in self._places_after(view, k + 1) if view.mentions[o][2].category in LOCATIONS]
            trig = Trigger(RelationType.LOCATED_IN, "phrase", i, k + 1, " ".join(words[i:k + 1]))
            out += self._emit(view, trig, subjects, places, "located")
        return out + self._residents_and_cargo(view)

    def _residents_and_cargo(self, view: SentenceView) -> list[Relation]:
        """ "Microglia, the resident immune cells of the CNS": the cells LOCATED_IN the place they are
        resident of; "miR-21-5p was the most abundant species in ADSC exosomes", "HGF among the most
        abundant proteins in the ADSC secretome": the molecule LOCATED_IN the product."""
        out, words = [], view.words
        for i, w in enumerate(words):
            if w == "resident":
                of = next((k for k in range(i + 1, min(i + 5, len(words))) if words[k] == "of"), None)
                place = view.mention_starting_after(of + 1, 2) if of is not None else None
                resident = view.mention_ending_before(i, 4)
                if place is not None and resident is not None and view.mentions[place][2].category is Category.ANATOMY \
                        and view.mentions[resident][2].category is Category.CELL:
                    trig = Trigger(RelationType.LOCATED_IN, "phrase", i, of + 1, " ".join(words[i:of + 1]))
                    out += self._emit(view, trig, [resident], [place], "located")
            elif w == "abundant" and words[i - 1:i] == ["most"]:
                k = next((k for k in range(i + 1, min(i + 4, len(words))) if words[k] == "in"), None)
                product = view.mention_starting_after(k + 1, 1) if k is not None else None
                cargo = view.mention_ending_before(i - 1, 5)
                if product is None or cargo is None or view.mentions[cargo][2].category not in MOLECULES:
                    continue
                product = self._head_of_modifier(view, self._head_of_hyphen(view, product))  # "hUC-MSC-derived sEVs"
                if view.mentions[product][2].category is Category.CELLULAR_COMPONENT:
                    trig = Trigger(RelationType.LOCATED_IN, "phrase", i - 1, k + 1, " ".join(words[i - 1:k + 1]))
                    out += self._emit(view, trig, [cargo], [product], "located")
        return out

    def _places_after(self, view: SentenceView, index: int) -> list[int]:
        """The place list after a localization, with its excepted places: "in the epineurium but not in
        the DRG", "by satellite glial cells rather than by neurons"."""
        places = self._objects_after(view, index, place=True)
        if not places:
            return []
        end = view.mentions[places[-1]][1]
        rest = view.words[end:end + 4]
        for cue in (["but", "not"], ["rather", "than"], [",", "but", "not"]):
            if rest[:len(cue)] == cue:
                k = end + len(cue)
                if view.words[k:k + 1] and view.words[k] in HOMING_PLACES | {"by"}:
                    k += 1
                other = next((view.mention_at[j] for j in range(k, min(k + 3, len(view.words)))
                              if view.mention_at[j] >= 0), None)  # an arm "rather than" names, compared or not
                if other is not None:
                    view.excepted.add(other)
                    places.append(other)
                break
        return places

    @staticmethod
    def _equivalent_agents(view: SentenceView, relations: list[Relation]) -> list[Relation]:
        """The claim again for the agent of an equivalence arm: "ADSCs reduced allodynia as effectively
        as gabapentin" also says gabapentin reduced it (positive claims of the arm's own clause only);
        a sentence opening "Unlike gabapentin, BMSC-CM did not reduce ..." says the opposite of it."""
        out = []
        position = {id(m): (s, e) for s, e, m in view.mentions}
        for arm_start, arm_end in view.equivalents:
            agents = [m for s, _, m in view.mentions if arm_start <= s < arm_end
                      and m.category in ROUTE_AGENTS and not is_control_arm(m)]
            opposite = view.words[arm_start] == "unlike" or view.words[arm_start:arm_start + 2] == ["in", "contrast"]
            if opposite and view.words[arm_end:arm_end + 2] in ([",", "which"], [",", "who"]):
                # "In contrast to gabapentin, which only transiently raised PWL, ...": its own clause says
                # what the arm's agent did; the contrast is one of degree or time
                continue
            # the main clause's subject phrase ("BMSC-exosomes" of "Like TEMPOL, BMSC-exosomes lowered ...")
            main = next((s for s, _, m in view.mentions if s >= arm_end and m.category in ROUTE_AGENTS), None) \
                if arm_start == 0 else None
            for rel in relations:
                if not agents or rel.evidence.epistemics.negated and not opposite or rel.type in NOT_EQUIVALENT:
                    continue
                (s_start, _), (o_start, o_end) = position[id(rel.subject)], position[id(rel.object)]
                if arm_start == 0:  # "Like TEMPOL, ... lowered superoxide": the claims of the main clause's subject
                    applies = s_start >= arm_end and not any(w in CLAUSE_BREAKS for w in view.words[arm_end:o_start]) \
                        and main is not None and 0 <= s_start - main <= 3
                else:
                    applies = o_end <= arm_start and not any(w in CLAUSE_BREAKS for w in view.words[o_end:arm_start])
                if not applies:
                    continue
                epi = rel.evidence.epistemics
                if opposite:  # "Unlike X, Y did not reduce Z": X did
                    epi = epi.model_copy(update={"negated": not epi.negated})
                out += [_claim_for(rel, agent, view.sentence, epi) for agent in agents]
        return out

    def _group_effects(self, view: SentenceView) -> list[Relation]:
        """Results written about treated animals rather than the agent:
        "rats receiving perineural ADSCs displayed less thermal hyperalgesia" (ADSCs DECREASES),
        "MDA levels were lower in the BMSC group than in the CCI group" (BMSC DECREASES MDA),
        "allodynia resolved within 10 days in hUCMSC-treated mice" (hUCMSC DECREASES allodynia).
        Runs before the trigger loop, which then leaves the comparatives it read alone."""
        out = []
        words = view.words
        agents: dict[int, int] = {}  # comparative position -> the treated group's agent
        for j, w in enumerate(words):
            # a change shown: "the MSC group showed a greater reduction in WOMAC pain scores" (the object's
            # change noun turns the trigger's rise into the claim's direction, _change_before)
            changed = w in CHANGE_NOUNS and words[j + 1:j + 2] in (["in"], ["of"])
            if w in COMPARATIVES and words[j + 1:j + 2] and words[j + 1] in CHANGE_NOUNS:
                continue  # the noun after it is the trigger
            rtype = RelationType.INCREASES if changed else \
                COMPARATIVES.get(w) or OUTCOMES.get(w) or INTRANSITIVE_CHANGES.get(w)
            if rtype is None and self.lexicon.verbs.get(w, (None, False))[1] and self._after_be(view, j):
                rtype = self.lexicon.verbs[w][0]  # "IL-6 was lowered in the AD-MSC group"
            if rtype is None or j in view.compared:
                continue
            trig = Trigger(rtype, "phrase", j, j + 1, w)
            i = j - 1
            while i >= 0 and (words[i].endswith("ly") or words[i] in ("a", "an") or changed and (
                    words[i] in GRADES or words[i] in ("%", "-", "fold") or _counted(words[i]))):
                i -= 1  # "showed a 40% reduction in", "a 2.5-fold reduction in"
            if changed:
                if i < 0 or words[i] not in SHOWING:
                    continue
                trig = Trigger(rtype, "phrase", i, i + 1, words[i])  # the change noun lies between it and the object
            if i >= 0 and words[i] in SHOWING:
                receiving = next((k for k in range(i - 1, -1, -1) if words[k] in RECEIVING or words[k] in CLAUSE_BREAKS
                                  or words[k] in ("group", "groups") and k == i - 1), None)
                if receiving is not None and words[receiving] in RECEIVING | {"group", "groups"}:
                    before = view.mention_at[receiving - 2] if receiving >= 2 and words[receiving - 1] == "-" else -1
                    if words[receiving].startswith(("recipient", "group")) and receiving >= 1:
                        before = view.mention_at[receiving - 1]  # "BM-MSC recipients showed", "the MSC group had"
                        if before >= 0 and is_control_arm(view.mentions[before][2]):
                            continue
                    # "apocynin-treated rats exhibited ..." or "rats receiving ADSCs displayed ..."
                    agent = before if before >= 0 else self._agent_after(view, receiving + 1)
                    if agent is not None and view.mentions[agent][1] <= i:
                        out += self._emit(view, trig, [agent], self._objects_after(view, j + 1), "active")
                        view.comparatives.add(j)
                        agents[j] = agent
            elif j >= 1 and words[j - 1] in ("and", ",") and any(k in agents for k in range(j - 12, j)):
                # "showed higher withdrawal latencies and lower c-Fos expression": the same group
                agent = agents[max(k for k in range(j - 12, j) if k in agents)]
                out += self._emit(view, trig, [agent], self._objects_after(view, j + 1), "active")
                view.comparatives.add(j)
                agents[j] = agent
            elif self._after_be(view, j) or w in OUTCOMES or w in INTRANSITIVE_CHANGES and j > 0 and (
                    view.mention_at[j - 1] >= 0 or words[j - 1] in OBJECT_HEADS and self._patient_before(view, j) is not None):
                # "... was lower in the BMSC group", "allodynia resolved within 10 days in MSC-treated mice",
                # "Synovial fluid IL-6 decreased in the UC-MSC group", "MMP collapsed in paclitaxel-treated neurons"
                k = j + 1
                while k < len(words) and k < j + 8 and words[k] != "in" and words[k] not in CLAUSE_BREAKS \
                        and view.mention_at[k] < 0 and (w in OUTCOMES or words[k].endswith("ly")):
                    k += 1
                if w in INTRANSITIVE_CHANGES and words[j + 1:j + 2] in (["after"], ["following"]):
                    out += self._changed_after(view, trig, j)  # "serum IL-6 declined after SVF but not after pregabalin"
                    continue
                timed = self._agent_of_time_clause(view, j + 1) if w in INTRANSITIVE_CHANGES else None
                if timed is not None:  # "MDA levels rose from 2.1 to 5.8 nmol/mg protein after CCI"
                    out += self._emit(view, trig, [timed], self._patients_before(view, j), "after")
                    continue
                if words[k:k + 1] != ["in"]:
                    continue
                host_end = k + 1
                while host_end < len(words) and (words[host_end] in DETERMINERS or view.mention_at[host_end] >= 0 and
                                                 view.mentions[view.mention_at[host_end]][2].category in CONDITIONS | {
                                                     Category.ORGANISM, Category.CELL, Category.CELL_LINE}):
                    host_end = view.mentions[view.mention_at[host_end]][1] if view.mention_at[host_end] >= 0 else host_end + 1
                if host_end > k + 1 and words[host_end:host_end + 1] and words[host_end] in RECEIVING:
                    # "allodynia was attenuated in CCI mice treated with DPSC-Exos": the animals' treatment
                    given = self._agent_after(view, host_end + 1)
                    if given is not None and view.mentions[given][2].category in TREATMENTS:
                        out += self._emit(view, trig, [given], self._patients_before(view, j), "active")
                        continue
                agent = view.mention_starting_after(k + 1, 1)
                if agent is not None and view.mentions[agent][2].category is Category.ANATOMY \
                        and words[view.mentions[agent][1]:view.mentions[agent][1] + 1] == ["of"]:
                    # "was downregulated in the DRG of paclitaxel-treated rats": the animals' treatment
                    agent = view.mention_starting_after(view.mentions[agent][1] + 1, 1)
                after = view.mentions[agent][1] if agent is not None else len(words)
                if agent is not None and (words[after:after + 1] in (["group"], ["groups"], ["treated"])
                                          or words[after:after + 2] == ["-", "treated"]):
                    out += self._emit(view, trig, [agent], self._patients_before(view, j), "active")
        return out

    def _changed_after(self, view: SentenceView, trig: Trigger, j: int) -> list[Relation]:
        """ "Serum IL-6 declined after SVF but not after pregabalin": a change after a treatment is the
        treatment's, and the treatment excepted did not make it. Not "... declined after MSCs reduced ROS"
        (a clause of its own)."""
        words = view.words
        agent = self._agent_after(view, j + 2, 3)
        if agent is None or view.mentions[agent][2].category not in TREATMENTS:
            return []
        end = view.mentions[agent][1]
        if words[end:end + 1] and (words[end] in self.lexicon.verbs or words[end] in ELLIPTIC_AUXILIARIES):
            return []
        agents = [agent]
        if words[end:end + 3] in (["but", "not", "after"], ["but", "not", "following"]):
            excepted = self._agent_after(view, end + 3, 3)
            if excepted is not None:
                view.excepted.add(excepted)
                agents.append(excepted)
        return self._emit(view, trig, agents, self._patients_before(view, j), "active")

    def _treated_setting(self, view: SentenceView) -> list[Relation]:
        """ "In oxaliplatin-treated rats, spinal glutathione fell by 40%", "When microglia were co-cultured
        with BMSCs, the production of TNF-α and IL-6 declined": a change reported in the setting the
        sentence opens with is the treatment's (intransitive change verbs only)."""
        words = view.words
        agent, comma = self._setting_agent(view)
        if agent is None:
            return []
        out = []
        for j in range(comma + 1, len(words)):
            rtype = INTRANSITIVE_CHANGES.get(words[j])
            if rtype is None or words[j - 1] in BE_FORMS or j + 1 < len(words) and (
                    view.mention_at[j + 1] >= 0 or words[j + 1] in DETERMINERS):
                continue  # "..., secretome from adipose MSCs increased PGC-1α": a transitive claim
            patients = [p for p in self._patients_before(view, j) if view.mentions[p][0] > comma]
            out += self._emit(view, Trigger(rtype, "phrase", j, j + 1, words[j]), [agent], patients, "active")
        return out

    def _setting_agent(self, view: SentenceView) -> tuple[int | None, int]:
        """The treatment of the setting a sentence opens with, and the comma that ends the setting:
        "In oxaliplatin-treated rats, ...", "When LPS-activated microglia were co-cultured with BMSCs, ..."."""
        words = view.words
        if "," not in words[:16]:
            return None, -1
        comma = words.index(",")
        if words[:1] == ["in"] and comma < 10 and view.mention_at[1] >= 0:
            agent = view.mention_at[1]
            end = view.mentions[agent][1]
            if words[end:end + 2] == ["-", "treated"] and not is_control_arm(view.mentions[agent][2]):
                return agent, comma
        if words[:1] == ["in"]:
            # "In patients receiving BMSCs, ...", "In CCI rats treated with intrathecal EVs, ..."
            given = next((k for k in range(1, comma) if words[k] in RECEIVING), None)
            if given is not None and all(view.mention_at[k] < 0 or view.mentions[view.mention_at[k]][2].category
                                         in (Category.ORGANISM, Category.DISEASE) for k in range(1, given)):
                agent = self._agent_after(view, given + 1, 3)
                if agent is not None and view.mentions[agent][1] <= comma \
                        and view.mentions[agent][2].category in TREATMENTS and not is_control_arm(view.mentions[agent][2]):
                    return agent, comma
        if words[:1] in (["when"], ["once"], ["after"]):
            given = next((k for k in range(1, comma) if words[k] in RECEIVING and words[k + 1:k + 2] in (["with"], ["to"])), None)
            agent = self._agent_after(view, given + 2, 2) if given is not None else None
            if agent is not None and view.mentions[agent][1] <= comma \
                    and view.mentions[agent][2].category in TREATMENTS and not is_control_arm(view.mentions[agent][2]):
                return agent, comma
        return None, -1

    def _relative_antecedent(self, view: SentenceView, index: int) -> int | None:
        """ ", which (also) reduced ...": the phrase before the comma acts."""
        i = index - 1
        while i >= 0 and (view.words[i].endswith("ly") or view.words[i] in ("also", "further", "then")):
            i -= 1
        if i < 2 or view.words[i] not in ("which", "that") or view.words[i - 1] != ",":
            return None
        m = view.mention_at[i - 2]
        if m < 0 or view.mentions[m][1] != i - 1:
            return None
        k = view.mentions[m][0] - 1  # "exosomes from ADSCs, which": the exosomes (one step, never past "by")
        while k >= 0 and view.words[k] in NP_MODIFIERS:
            k -= 1
        if k >= 1 and view.words[k] in ("from", "of") and view.mention_at[k - 1] >= 0:
            return view.mention_at[k - 1]
        if k >= 2 and view.words[k] in ("by", "from") and view.words[k - 1] in SOURCE_VERBS and view.mention_at[k - 2] >= 0:
            return view.mention_at[k - 2]  # "exosomes secreted by human ADSCs, which inhibited NLRP3": the exosomes
        return m

    @staticmethod
    def _after_be(view: SentenceView, index: int) -> bool:
        """A participle after a form of "be", adverbs allowed between: "was largely abolished"."""
        i = index - 1
        while i > 0 and (_adverbial(view.words, i) or i in view.aside and view.words[i] in DISCOURSE_WORDS | {","}) \
                and view.words[i] not in BE_FORMS:
            i -= 1  # "were all decreased", "was, however, reduced", "was, in addition, upregulated"
        return i >= 0 and view.words[i] in BE_FORMS

    @staticmethod
    def _pronoun_before(view: SentenceView, index: int, treatment: bool = False) -> bool:
        """ "it"/"they" as the trigger's subject, modals, adverbs and negation allowed between;
        ``treatment``: "this treatment" / "the therapy" count as one."""
        i = index - 1
        while i >= 0 and (view.words[i] in COORDINATION or view.words[i] in LIGHT_VERBS or view.words[i].endswith("ly")
                          or view.words[i] in ("still", "even", "only", "nonetheless", "nevertheless")) \
                and view.words[i] not in PRONOUNS:
            i -= 1
        if treatment and i >= 1 and view.words[i] in TREATMENT_NOUNS and view.mention_at[i] < 0:
            k = i - 1 if view.words[i - 1] not in ("single", "same", "combined", "cell") else i - 2
            return k >= 0 and view.words[k] in ("this", "the", "that")  # "this single dose reversed ..."
        return i >= 0 and view.words[i] in PRONOUNS

    @staticmethod
    def _without_situating_locations(view: SentenceView, relations: list[Relation],
                                     triggers: list[Trigger]) -> list[Relation]:
        """ "decreased TNF-α in the DRG", "activated by exosomes in DRG neurons": the place situates
        the claim. A bare "in" is a LOCATED_IN claim of its own only before the sentence's first claim
        ("ROS in microglia promote inflammation") and never about another claim's object; after it,
        "... reduced TNF-α in the nerve" situates even where the claim's agent went unfound."""
        start_of = {id(m): s for s, _, m in view.mentions}
        first_claim = min((t.start for t in triggers if t.form != "tight"), default=len(view.words))
        others = [r for r in relations if r.evidence.trigger not in BARE_LOCATIONS]
        objects = {id(r.object) for r in others}
        return [r for r in relations if not (
            r.type is RelationType.LOCATED_IN and r.evidence.trigger in BARE_LOCATIONS
            and (id(r.subject) in objects or start_of[id(r.subject)] > first_claim))]

    def _coordinated(self, view: SentenceView, after: int, before: int) -> bool:
        """Only commas, 'and', adverbs or parentheses between the last object and this trigger."""
        if after < 0 or after > before:
            return False
        # "as effectively as gabapentin", "more effectively than native ADSCs": an arm between does not part them
        in_arms = {i for start, end in view.equivalents for i in range(start, end)} | view.compared
        between = [i for i in range(after, before) if (i not in view.aside or view.words[i] == ",") and i not in in_arms]
        if not between:
            return False  # "causes neuropathy linked to ...": a modifier of the object, not a second verb
        if all(view.words[i] in COORDINATION or view.words[i] in OBJECT_HEADS for i in between):
            return True
        # "inhibited NLRP3 inflammasome activation and reduced ...", "... P2X3 expression but did not
        # reduce ...": a few more object words, a conjunction, then only auxiliaries or negation
        joints = [k for k, i in enumerate(between) if view.words[i] in ("and", ",", "or", "but")]
        if not joints:
            return False
        tail = between[joints[-1]:]
        verb_words = all(view.words[i] in COORDINATION or view.words[i] in LIGHT_VERBS for i in tail)
        # "a 2.7-fold decrease in NOX2 and a 1.9-fold decrease in NOX4": a magnitude opens the second
        if not verb_words and not all(view.words[i] in COORDINATION or view.words[i] in LIGHT_VERBS
                                      or _NUMBER.match(view.words[i]) for i in tail):
            return False
        head = between[:joints[-1]]
        # a mention counts as one word, commas and a magnitude as none: "HO-1 protein in the dorsal root
        # ganglion, and lowered", "pain scores on a visual analogue scale by 48% and reduced"
        units = sum(1 for i in head if view.words[i] != "," and not _magnitude(view.words, i)
                    and "-" not in view.words[i - 1:i + 1]  # "MIA-induced" is one word
                    and (view.mention_at[i] < 0 or i == 0 or view.mention_at[i - 1] != view.mention_at[i]))
        # "reduced MDA content in the sciatic nerve of oxaliplatin-treated mice, but had no effect on":
        # a comma, a conjunction and then the verb itself, with no subject of its own, allow a longer object
        joint = tail[0]
        verb_follows = verb_words and view.words[joint - 1] == "," and view.words[joint] in ("but", "and")
        return (units <= (MAX_LONG_OBJECT_UNITS if verb_follows else 6) and not any(
            view.words[i] in CLAUSE_BREAKS or view.words[i] in ("which", "that", "who", "whom", "when", "where", "because")
            or view.words[i] in self.lexicon.verbs and view.words[i - 1:i] != ["-"]  # "paclitaxel-treated" is no verb
            or (view.words[i] in self.lexicon.nouns and view.words[i] not in OBJECT_HEADS)
            for i in head)
            and all(view.mention_at[i] < 0 or view.mentions[view.mention_at[i]][2].category in NOT_AGENTS
                    or self._situating(view, view.mention_at[i], any_category=True)
                    # "increased viability after H2O2 challenge and decreased ROS": a time, not a new subject
                    or view.words[max(0, view.mentions[view.mention_at[i]][0] - 1)] in TEMPORAL_PREPOSITIONS
                    or self._host_condition(view, view.mention_at[i])
                    or view.words[view.mentions[view.mention_at[i]][1]:view.mentions[view.mention_at[i]][1] + 1] == ["-"]
                    for i in head))  # "of oxaliplatin-treated mice": a modifier's mention

    @staticmethod
    def _host_condition(view: SentenceView, m: int) -> bool:
        """The condition of the animals or patients a claim is about: "in rats with CCI (and lowered ...)",
        "in rats with monosodium iodoacetate-induced osteoarthritis"."""
        start = view.mentions[m][0]
        while start >= 3 and view.words[start - 2] == "-" and view.words[start - 1].endswith("ed") \
                and view.mention_at[start - 3] >= 0:
            start = view.mentions[view.mention_at[start - 3]][0]  # past its "X-induced" modifier
        host = view.mention_at[start - 2] if start >= 2 and view.words[start - 1] == "with" else -1
        return host >= 0 and view.mentions[host][2].category is Category.ORGANISM

    @staticmethod
    def _situating(view: SentenceView, m: int, any_category: bool = False) -> bool:
        """A location after "in"/"within" ("... in (BV2) microglia and inhibited ...");
        ``any_category``: whatever the mention is ("in the lesion epicenter", "in diabetic rats")."""
        start, _, mention = view.mentions[m]
        if mention.category not in LOCATIONS and not any_category:
            return False
        i, steps = start - 1, 0  # over "the", a cell-line name, "ipsilateral DRG"-like location words
        while i >= 0 and steps < 3 and view.words[i] not in SITUATING and (
                view.mention_at[i] < 0 or view.mentions[view.mention_at[i]][2].category in LOCATIONS):
            i, steps = i - 1, steps + 1
        return i >= 0 and view.words[i] in SITUATING

    def _subjects_before(self, view: SentenceView, index: int) -> list[int]:
        m = view.mention_ending_before(index, MAX_SUBJECT_DISTANCE)
        # past a place the agent was put: "Perineural injection of BMSCs around the injured sciatic nerve increased"
        while m is not None and (view.mentions[m][2].category is Category.ANATOMY and self._situating(view, m)
                                 or PLACING & set(view.words[max(0, view.mentions[m][0] - 2):view.mentions[m][0]])):
            m = view.mention_ending_before(view.mentions[m][0], MAX_SUBJECT_DISTANCE)
        if m is None:
            return []
        m = self._phrase_head(view, m)
        head = self._administered_head(view, m)
        m = m if head == m else self._phrase_head(view, head)
        subjects = [m]
        start = self._past_source(view, view.mentions[m][0])
        while start > 0 and start > view.mentions[m][0] - 2 and view.mention_at[start - 1] < 0 \
                and view.words[start - 1].isalpha() and view.words[start - 1] not in ("not", "unlike", "but"):
            start -= 1  # "but not normoxic MSCs": an adjective of the excepted agent
        if view.words[start - 3:start] != [",", "but", "not"] and view.words[start - 2:start] != [",", "unlike"]:
            start = self._past_source(view, view.mentions[m][0])
        opener = 3 if view.words[start - 3:start] == [",", "but", "not"] else \
            2 if view.words[start - 2:start] == [",", "unlike"] else 0
        if opener and start > opener:
            # "Gabapentin, but not BMSC-derived exosomes, reversed allodynia", "MSC-Exos, unlike NAC,
            # enhanced GPx": the excepted agent did not
            view.excepted.add(m)
            first = view.mention_ending_before(start - opener, MAX_SUBJECT_DISTANCE)
            if first is not None:
                subjects.insert(0, self._phrase_head(view, first))
                start = view.mentions[subjects[0]][0]
        # "nor (their | exosome-depleted) conditioned medium": a determiner or a hyphenated modifier between
        nor = next((k for k in range(start - 1, max(-1, start - 5), -1) if view.words[k] == "nor"), None)
        if nor is not None and any(view.words[k] in CLAUSE_BREAKS or view.words[k] in self.lexicon.verbs
                                   and view.words[k - 1:k] != ["-"] for k in range(nor + 1, start)):
            nor = None
        first = view.mention_ending_before(nor, MAX_SUBJECT_DISTANCE) if nor is not None else None
        if first is not None and "neither" in view.words[max(0, view.mentions[first][0] - 3):view.mentions[first][0]]:
            # "Neither BMSCs nor their conditioned medium altered thresholds": both did not, in this
            # claim only (_neither_before), not in a later clause ("..., but BMSCs reduced IL-6")
            first = self._phrase_head(view, first)
            subjects.insert(0, first)
            start = view.mentions[first][0]
        # "MSCs and EVs reduced ROS", "MSCs, EVs and exosomes ...": mentions listed with the subject
        # also act; a comma alone does not list ("In the DRG, BMSCs reduced ...").
        return subjects + self._listed_before(view, start)

    def _administered_head(self, view: SentenceView, m: int) -> int:
        """The agent a phrase ends in is not the subject when the phrase says when, where or with what
        cargo the agent was given: "BMSCs delivered within one week of nerve injury attenuated ...",
        "a perineural injection of EVs at the site of SNL produced ...", "MSC-EVs pre-loaded with a
        miR-21-5p antagomir prevented ...", "miR-181c-5p enriched in EVs ... targeted PTEN"."""
        start = view.mentions[m][0]
        k = start - 1
        while k >= 0 and (view.words[k] in DETERMINERS or view.mention_at[k] >= 0):
            k -= 1  # "with a miR-21-5p antagomir": the cargo's own modifiers
        cue = k if k >= 0 and view.words[k] in CARGO_WORDS else \
            k - 1 if k >= 1 and view.words[k] in ("with", "in") and view.words[k - 1] in LOADED else None
        if cue is None and k >= 2 and view.words[k] in ("overexpress", "express", "secrete", "carry") \
                and view.words[k - 1] == "to":
            cue = k - 1  # "BMSCs engineered to overexpress GDNF reversed ...": the cells act
            while cue > 0 and view.mention_at[cue - 1] < 0 and view.words[cue - 1].endswith("ed"):
                cue -= 1
        if cue is not None:
            j = cue - 1
            if view.words[j - 1:j + 1] == ["pre", "-"]:  # "pre-loaded", split at its hyphen
                j -= 2
            if view.words[j:j + 1] == [")"]:  # "hUC-MSC exosomes (hucMSC-Exos) carrying miR-124-3p"
                j = next((i for i in range(j, -1, -1) if view.words[i] == "("), 0) - 1
            if j >= 0 and view.mention_at[j] >= 0:
                return view.mention_at[j]
        wrapped = self._wrapped_agent(view, start)
        if wrapped is not None:
            return wrapped
        for k in range(start - 1, max(0, start - 12), -1):
            if view.words[k] in CLAUSE_BREAKS or view.words[k] == "," or view.mention_at[k] < 0 \
                    and view.words[k] in self.lexicon.verbs and view.words[k - 1] != "-":  # "LPS-stimulated"
                break
            if view.words[k] in CO_CULTURED:  # "BMSCs co-cultured with high glucose-exposed Schwann cells reduced"
                owner = self._participle_owner(view, k)
                if owner is not None:
                    return owner
        if view.mentions[m][2].category in ROUTE_AGENTS:
            return m
        for k in range(start - 1, max(0, start - 16), -1):
            if view.words[k] in CLAUSE_BREAKS or view.words[k] == ",":
                break
            # "Dental pulp stem cells (DPSCs) transplanted into the sciatic nerve of CCI rats reduced"
            agent = self._participle_owner(view, k) if view.words[k] in ADMINISTERED else None
            if agent is not None:
                return agent
            if view.words[k] == "of" and view.words[k - 1] in WRAPPERS:
                after = next((view.mention_at[j] for j in range(k + 1, min(k + 4, start))
                              if view.mention_at[j] >= 0), -1)
                if after >= 0 and view.mentions[after][2].category in ROUTE_AGENTS:
                    return self._agent_head(view, after)
        return m

    @staticmethod
    def _participle_owner(view: SentenceView, k: int) -> int | None:
        """The agent a participle at ``k`` modifies, past its defined abbreviation: "DPSCs" in "Dental
        pulp stem cells (DPSCs) transplanted into ..."."""
        j = k - 1
        if view.words[j:j + 1] == [")"]:
            j = next((i for i in range(j, -1, -1) if view.words[i] == "("), 0) - 1
        agent = view.mention_at[j] if j >= 0 else -1
        return agent if agent >= 0 and view.mentions[agent][2].category in ROUTE_AGENTS else None

    def _wrapped_agent(self, view: SentenceView, start: int) -> int | None:
        """The agent a wrapper noun gives when the mention before the verb only sits in the wrapper's
        modifiers: "Intrathecal injection of BMSC-Exos (10 μg) on day 7 after the last paclitaxel dose
        reversed ...", "a single dose of 1 × 10^6 UC-MSCs (UC-MSCs) attenuated ...", "injection of
        exosomes (20 μg) into rats with MIA-induced osteoarthritis reduced ...". Asides in parentheses
        are passed over whole; a comma, a clause break or a verb ends the search. "Exposure of BMSCs to
        H2O2" is H2O2's."""
        words, k, depth = view.words, start - 1, 0
        while k >= 1 and start - k <= MAX_WRAPPED_REACH:
            word = words[k]
            if word == ")":
                depth += 1
            elif word == "(":
                depth -= 1
                if depth < 0:
                    return None
            elif depth == 0:
                verb = view.mention_at[k] < 0 and words[k - 1] != "-" and (
                    word in self.lexicon.verbs or word in ADMINISTERED or word.endswith("ed"))
                if verb or word in CLAUSE_BREAKS or word in (",", "which", "that", "who"):
                    return None
                if word == "of" and words[k - 1] in WRAPPERS | DOSES and words[k - 1] != "exposure":
                    break
            k -= 1
        else:
            return None
        i = k + 1
        while i < start and view.mention_at[i] < 0 and (words[i] in DETERMINERS or not words[i].isalpha()
                                                        or words[i] in ("single", "repeated", "daily")):
            i += 1  # "a dose of 1 × 10^6 cells"
        agent = view.mention_at[i] if i < start else -1
        if agent < 0 or view.mentions[agent][2].category not in ROUTE_AGENTS:
            return None
        agent = self._agent_head(view, agent)
        end = view.mentions[agent][1]
        while end < start and words[end] == "(":  # "(BMSC-Exos, 10 μg)"
            end = next((j for j in range(end, start) if words[j] == ")"), start) + 1
        while end < start - 1 and _counted(words[end]) and words[end + 1] in TIME_UNITS:
            end += 2  # "of MSCs one day before paclitaxel", "of EVs 24 h after SNI"
        # the words after the agent modify it, they name no agent of their own
        return agent if end < start and words[end] in WRAPPER_MODIFIER_OPENERS else None

    @staticmethod
    def _past_source(view: SentenceView, start: int) -> int:
        """Where an "X-derived" subject begins, its source included: "DPSC-derived EVs", "MSC-conditioned
        medium" (the tokenizer splits the hyphen before "conditioned")."""
        if start >= 3 and HYPHEN_RELATIONS.get(view.words[start - 1]) is RelationType.DERIVED_FROM \
                and view.words[start - 2] == "-" and view.mention_at[start - 3] >= 0:
            return view.mentions[view.mention_at[start - 3]][0]
        if start >= 2 and view.words[start - 1] == "-" and view.mention_at[start - 2] >= 0:
            return view.mentions[view.mention_at[start - 2]][0]
        source = view.mention_at[start - 1] if start >= 1 else -1
        if source >= 0 and view.mentions[source][2].category is Category.CELL and view.mention_at[start] >= 0 \
                and view.mentions[view.mention_at[start]][2].category is Category.CELLULAR_COMPONENT:
            return view.mentions[source][0]  # "ADSC secretome", "BMSC exosomes"
        return start

    @staticmethod
    def _listed_before(view: SentenceView, start: int) -> list[int]:
        """Mentions listed before the one starting at ``start``: "A, B and [start]"."""
        listed, seen_conjunction = [], False
        while True:
            start = PatternExtractor._past_source(view, start)  # "NAC and DPSC-derived EVs lowered 4-HNE"
            while start >= 2 and (view.mention_at[start - 1] < 0 and (
                    view.words[start - 1] in ADMINISTERED or view.words[start - 1].endswith("ly")
                    or view.words[start - 1] in ("the", "their", "its"))  # "NAC and the exosomes each increased"
                    or view.mention_at[start - 1] >= 0
                    and view.mentions[view.mention_at[start - 1]][2].category is Category.ROUTE):
                start -= 1  # "both resveratrol and intraperitoneally injected DPSCs raised SOD"
            if view.words[start - 3:start] == ["as", "well", "as"]:
                start -= 2  # "SOD and catalase activities as well as GSH"
            if not (start >= 2 and view.words[start - 1] in ("and", ",", "or", "plus", "as")):
                break
            seen_conjunction = seen_conjunction or view.words[start - 1] != ","
            j = start - 2
            while j >= 0 and view.mention_at[j] < 0 and (view.words[j] in OBJECT_HEADS or view.words[j] in LOCALIZING_ADJECTIVES):
                j -= 1  # "GSH levels and catalase", "Nrf2 nuclear accumulation and HO-1 protein"
            if j >= 0 and view.words[j] == ")":  # "Superoxide dismutase (SOD) and catalase"
                j = next((k for k in range(j, -1, -1) if view.words[k] == "("), 0) - 1
            if j < 0 or view.mention_at[j] < 0 or not seen_conjunction:
                break
            m = view.mention_at[j]
            listed.append(m)
            start = view.mentions[m][0]
        return listed

    def _active_subjects(self, view: SentenceView, trig: Trigger, objects: list[int],
                         chain: "_Chain") -> tuple[list[int], str, bool, int]:
        """Who acts for a verb trigger: the subjects, how they were found, whether the verb shares a
        negated auxiliary, and where its own negation scope may begin."""
        words = view.words
        by_gerund = words[trig.start].endswith("ing") and trig.start > 0 and words[trig.start - 1] in ("by", "via", "through")
        # "..., thereby increasing ATP", "..., decreasing iNOS while increasing Arg-1": the clause's own agent
        thereby = words[trig.start].endswith("ing") and words[trig.start - 1:trig.start] in (
            ["thereby"], ["thus"], ["hence"], [","], ["while"], ["whilst"])
        able = view.mention_at[trig.start - 2] if trig.start >= 2 and words[trig.start - 1] == "to" else -1
        if able >= 0 and self._attribute_of(view, view.mentions[able][0]):
            return [able], "active", False, 0  # "reversed the ability of ADSCs to suppress ROS": ADSCs do
        if trig.start >= 3 and words[trig.start - 3] in ("their", "its") and words[trig.start - 1] == "to" \
                and words[trig.start - 2] in ATTRIBUTE_NOUNS:
            # "Knockdown of TSG-6 in UC-MSCs abolished their ability to decrease IL-6": the cells do
            owner = next((view.mention_at[s] for s, e, m in reversed(view.mentions) if e <= trig.start - 3
                          and s not in view.aside and m.category in (Category.CELL, Category.CELLULAR_COMPONENT)), None)
            if owner is not None:
                return [self._agent_head(view, owner)], "active", False, 0
        # "BMSC exosomes enriched in miR-23a, which targets NOX2, reduced ...": a relative clause's verb
        # does not carry its subject out of the clause
        acting = view.mention_at[trig.start - 3] if by_gerund and trig.start >= 3 else -1
        if acting >= 0 and view.mentions[acting][1] == trig.start - 2 and view.mentions[acting][0] >= chain.end \
                and view.mentions[acting][2].category in ROUTE_AGENTS:
            return [self._phrase_head(view, acting)], "active", False, 0  # "the conditioned medium acts by inhibiting ERK1/2"
        if chain.subjects and not self._left_relative_clause(view, chain.end, trig.start) \
                and (by_gerund or thereby or self._coordinated(view, chain.end, trig.start)):
            # "... relieve pain by inhibiting oxidative stress": the same agent inhibits. "did not reduce
            # pain scores or improve conduction velocity", "failed to reduce X and restore Y": the
            # negation spans "or" and a bare verb sharing its auxiliary; "... but not NOX2 and alleviated
            # pain": a verb of its own is a claim of its own
            bare_verb = trig.form == "verb" and not trig.text.endswith(("s", "ing"))
            negated = chain.negated and (bare_verb or any(w in ("or", "nor") for w in words[chain.end:trig.start]))
            subjects = chain.passive_agents if chain.passive_agents and "without" in words[chain.end:trig.start] \
                else chain.subjects
            return subjects, "carried", negated, chain.end
        compared_at = self._compared_at(view, trig.start)
        if compared_at is not None:  # "IL-10-ADSCs were more potent than control ADSCs in reversing allodynia"
            start, no_better_than_control = compared_at
            if chain.subjects and words[start - 1:start] == ["and"]:  # "... accelerated remyelination and was more effective"
                return chain.subjects, "carried", no_better_than_control, trig.start - 1
            return self._subjects_before(view, start), "active", no_better_than_control, trig.start - 1
        agent = self._gerund_agent(view, trig, objects)
        if agent is not None:  # "..., and blocking HO-1 with ZnPP abrogated ...": ZnPP blocks
            return [agent], "active", False, 0
        antecedent = self._relative_antecedent(view, trig.start)
        if antecedent is not None:
            return [antecedent], "active", False, 0  # "... by exosomes from ADSCs, which also reduced CCL2"
        if chain.last_subjects and self._pronoun_before(view, trig.start):
            return chain.last_subjects, "carried", False, 0  # "..., although it reduced TNF-α"
        if thereby or self._pronoun_before(view, trig.start, treatment=True):
            opening = self._opening_agent(view)
            if opening is not None:
                return [opening], "carried", False, 0  # "...; nevertheless, they reduced", ", and this treatment raised"
        subjects = [chain.renamed.get(m, m) for m in self._subjects_before(view, trig.start)]
        how = "active" if trig.form != "phrase" else "phrase"
        if chain.subjects and words[trig.start - 1:trig.start] == ["and"] and subjects and all(
                view.mentions[m][2].category in NOT_AGENTS for m in subjects):
            # "ADSCs restored SOD activity in the DRG of paclitaxel-treated rats and prevented ...": the
            # animals end the first verb's phrase; the agent goes on
            subjects, how = chain.subjects, "carried"
        elif chain.subjects and words[trig.start - 1:trig.start] == ["and"] and subjects \
                and view.mentions[subjects[0]][0] >= chain.end and "," not in words[chain.end:trig.start] \
                and any(w in RECEIVING for w in words[view.mentions[subjects[0]][1]:trig.start]):
            # "CM restored the viability of Schwann cells exposed to H2O2 and lowered their MDA": cells
            # named in the first verb's object, with what they received, do not act in the second
            subjects, how = chain.subjects, "carried"
        if subjects and words[trig.start - 1:trig.start] == ["and"] and self._agent_of_other_passive(view, subjects[0]):
            # "These vesicles were taken up by neurons and microglia ... and attenuated allodynia": the
            # passive's subject goes on, not its agent
            opening = self._opening_agent(view)
            subjects, how = ([self._agent_head(view, opening)], "carried") if opening is not None else ([], how)
        if chain.orphan_objects and subjects and set(subjects) <= chain.orphan_objects \
                and self._coordinated(view, chain.orphan_end, trig.start):
            # "the seeded conduits reduced TNF-α and attenuated hyperalgesia": an unnamed agent's object
            # is not the subject of the verb coordinated with it
            subjects = []
        if not subjects and objects:
            subjects, how = self._parsed_subject(view, trig.start), "parsed"
        return subjects, how, False, 0

    def _gerund_agent(self, view: SentenceView, trig: Trigger, objects: list[int]) -> int | None:
        """The agent of a gerund that opens a clause, named after its object: "blocking HO-1 with ZnPP",
        "silencing Nrf2 using siRNA"."""
        words = view.words
        if not objects or not words[trig.start].endswith("ing") or trig.start > 0 and words[trig.start - 1] not in (",", "and") \
                or trig.type not in (RelationType.DECREASES, RelationType.INCREASES):
            return None
        end = view.mentions[objects[-1]][1]
        if words[end:end + 1] not in (["with"], ["using"], ["by"]):
            return None
        return self._agent_after(view, end + 1, 3)

    def _unlike_arms(self, view: SentenceView, trig: Trigger, subjects: list[int]) -> list[int]:
        """The agent of ", unlike X," between a claim's subject and its verb: X is contrasted with the
        subject, so it is excepted from the claim ("MSC-Exos, unlike NAC, enhanced GPx"; "..., and,
        unlike dexamethasone (1 μM), did not impair neurite outgrowth": dexamethasone did)."""
        if not subjects:
            return []
        first = max(view.mentions[s][1] for s in subjects)
        for i in range(trig.start - 1, first - 1, -1):
            if view.words[i] == "unlike" and view.words[i - 1:i] == [","] and i in view.aside:
                arm = view.mention_starting_after(i + 1, 2)
                arm = self._agent_head(view, arm) if arm is not None else None
                if arm is not None and arm not in subjects and view.mentions[arm][0] < trig.start:
                    view.excepted.add(arm)
                    return [arm]
        return []

    @staticmethod
    def _agent_of_other_passive(view: SentenceView, m: int) -> bool:
        """Whether a mention sits in the "by" phrase of a passive the lexicon does not type ("were taken
        up by neurons and microglia", "was internalized by Schwann cells"), as its agent or one listed."""
        words, i = view.words, view.mentions[m][0] - 1
        while i > 0 and (words[i] in DETERMINERS or words[i] in (",", "and") or view.mention_at[i] >= 0
                         or words[i].isalnum() and any(ch.isdigit() for ch in words[i])):
            i -= 1  # over the agents listed before it, and a line's name before cells ("BV2 microglia")
        if words[i:i + 1] != ["by"]:
            return False
        k = i - 1
        if words[k:k + 1] in (["up"], ["in"]):
            k -= 1  # "taken up by", "taken in by"
        participle = words[k] if k >= 0 else ""
        return (participle.endswith("ed") or participle in IRREGULAR_PARTICIPLES) \
            and any(w in BE_FORMS for w in words[max(0, k - 3):k])

    @staticmethod
    def _left_relative_clause(view: SentenceView, end: int, index: int) -> bool:
        """Whether the claim ending at ``end`` sits in a ", which ...," aside that the trigger at ``index``
        is outside of."""
        if end < 1 or end - 1 not in view.aside or index in view.aside:
            return False
        start = end - 1
        while start > 0 and start - 1 in view.aside:
            start -= 1
        return view.words[start] == "," and view.words[start + 1:start + 2] in (["which"], ["that"], ["who"])

    @staticmethod
    def _compared_at(view: SentenceView, index: int) -> tuple[int, bool] | None:
        """Where "were (no) more effective than B in V-ing" begins when the trigger at ``index`` is that
        gerund (the agent before it does what B was compared at), and whether it says "no better than
        placebo": then the agent did not."""
        words = view.words
        if index < 3 or words[index - 1] not in ("in", "at") or not words[index].endswith("ing"):
            return None
        j = index - 2
        while j >= 0 and j in view.compared and words[j] != "than":
            j -= 1
        if j < 1 or words[j] != "than" or words[j - 1] not in EFFICACY_ADJECTIVES:
            return None
        against_control = bool(CONTROL_ARM_NAMES & set(words[j + 1:index]))
        j -= 1
        negated = False
        while j > 0 and (words[j - 1] in ("more", "less", "no", "not", "much", "even", "far", "significantly")
                         or words[j - 1] in BE_FORMS):
            negated |= words[j - 1] in ("no", "not")
            j -= 1
        return j, negated and against_control

    @staticmethod
    def _opening_agent(view: SentenceView) -> int | None:
        """The agent the sentence opens with, or opens with after an introductory phrase ("In CCI
        rats, BMSCs ..."): the main clause's subject when no trigger verb carried it."""
        comma = view.words.index(",") if "," in view.words else -1
        for start in (0, comma + 1) if comma > 0 else (0,):
            if view.words[start:start + 1] and view.words[start] in QUANTIFIERS and view.words[start + 1:start + 2] == ["of"]:
                start += 2  # "Most of these cells accumulated in the lungs; nevertheless, they reduced CGRP"
            # over a route or a determiner before the agent: "Intrathecal BMSCs", "The exosomes"
            while start < len(view.words) and (view.words[start] in NP_MODIFIERS | ADMINISTERED or view.mention_at[start] >= 0
                                               and view.mentions[view.mention_at[start]][2].category is Category.ROUTE
                                               or view.words[start].endswith("ly") and view.mention_at[start] < 0):
                start += 1
            m = view.mention_at[start] if start < len(view.words) else -1
            if m >= 0 and view.mentions[m][2].category in ROUTE_AGENTS and not is_control_arm(view.mentions[m][2]):
                return m
        return None

    def _parsed_subject(self, view: SentenceView, index: int) -> list[int]:
        """The parser's subject of the trigger verb (or of the verb it is coordinated with), used
        only when the surface rules find none: parses of coordinated verb lists are unreliable."""
        token = view.tokens[index]
        if not token.doc.has_annotation("DEP"):
            return []
        position = {t.i: i for i, t in enumerate(view.tokens)}
        for _ in range(3):
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "csubj")), None)
            if subject is not None:
                covered = sorted(position[t.i] for t in subject.subtree if t.i in position)
                for i in sorted(covered, key=lambda k: abs(k - position.get(subject.i, k))):
                    if view.mention_at[i] >= 0 and i not in view.aside and i not in view.compared:
                        m = view.mention_at[i]
                        product = self._product_after(view, view.mentions[m][1]) \
                            if view.mentions[m][2].category is Category.CELL else None
                        return [product if product is not None else m]  # "hUC-MSC exosomes": the exosomes
                return []
            if token.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or token.head is token:
                return []
            token = token.head
        return []

    def _objects_after(self, view: SentenceView, index: int, place: bool = False) -> list[int]:
        """The trigger's object and the mentions listed with it; ``place``: the object is a location
        phrase's ("localized in the DRG and spinal cord"), not a claim's whose place it would be."""
        first = view.mention_starting_after(index, MAX_OBJECT_DISTANCE, stop=OBJECT_STOPS | {","})
        if first is None or any(view.words[k] in self.lexicon.verbs and view.words[k - 1] in ("and", "or")
                                for k in range(index + 1, view.mentions[first][0])):
            return []  # "reversed all of these changes and increased PGC-1α": the next verb's object
        if view.words[index:index + 1] in (["and"], ["or"]) and self._opens_clause(view, first):
            return []  # "serum MDA decreased and SOD increased": the verb has no object, SOD its own verb
        if not place and first is not None and self._situating(view, first) and not self._mention_between(view, index, first):
            return []  # "modulated synaptic transmission in the dorsal horn": the place, not the object
        first = self._head_of_modifier(view, self._head_of_hyphen(view, first))
        first = self._member_after(view, first)  # "reduced the voltage-gated sodium channel Nav1.7": the channel named
        named = self._members_named(view, first)
        if named is not None:
            first = named  # "increased the M2 markers Arg-1 and CD206": the markers named
        objects = [first]
        end = self._after_parentheses(view, view.mentions[first][1])
        # Coordinated objects: "TNF-α, IL-1β and IL-6"; "IL-1β but not TNF-α" is a negated object;
        # "WOMAC pain subscores and synovial fluid malondialdehyde": a few head or modifier words around.
        while True:
            end = self._skip_plain_words(view, end)
            if view.words[end:end + 3] == ["as", "well", "as"]:
                end += 2  # "lowered Arg-1 as well as CD86"
            if end + 1 >= len(view.words) or view.words[end] not in (",", "and", "or", "but", "/", "as"):
                break
            nxt = end + 1
            if view.words[end:end + 3] == [",", "but", "not"]:  # "reduced IL-1β, but not IL-10"
                end, nxt = end + 1, end + 2
            excepted = view.words[end:end + 2] == ["but", "not"]
            if excepted:
                nxt += 1
            elif view.words[end] == "but":
                break
            if view.words[nxt:nxt + 1] in (["and"], ["or"]):
                nxt += 1
            if view.words[nxt:nxt + 1] == ["of"] and view.words[nxt - 1] in ("and", "or"):
                nxt += 1  # "the expression of Nav1.7 and of TRPV1"
            nxt = self._skip_plain_words(view, nxt)
            if view.words[nxt:nxt + 1] == ["of"] and view.words[nxt - 1] in OBJECT_HEADS:
                nxt = self._skip_plain_words(view, nxt + 1)  # "NF-κB activation and the release of IL-1β"
            m = view.mention_at[nxt] if nxt < len(view.words) else -1
            if m < 0 or nxt in view.compared:
                break
            if view.words[end] == "," and self._opens_clause(view, m):
                # "enhanced their secretion of VEGF, and conditioned medium from these cells alleviated",
                # "Unlike gabapentin, which only raised the threshold, BMSCs produced ..."
                break
            # "... but not paclitaxel-induced neuropathic pain": the condition, not its cause
            m = self._head_of_modifier(view, self._head_of_hyphen(view, m))
            objects.append(m)
            if excepted:
                view.excepted.add(m)
            end = self._after_parentheses(view, view.mentions[m][1])
        return objects

    def _opens_clause(self, view: SentenceView, m: int) -> bool:
        """Whether a mention is the subject of a verb of our lexicon a few words on ("conditioned medium
        from these cells alleviated")."""
        k = self._after_parentheses(view, view.mentions[m][1])
        for i in range(k, min(k + 5, len(view.words))):
            if view.words[i] in CLAUSE_BREAKS or view.words[i] == ",":
                return False
            if (view.words[i] in self.lexicon.verbs or view.words[i] in INTRANSITIVE_CHANGES) \
                    and view.words[i - 1] != "-" and view.mention_at[i] < 0:
                return True  # "..., spinal IL-1β declined"
        return False

    @staticmethod
    def _members_named(view: SentenceView, m: int) -> int | None:
        """The first member a class noun names right after a mention modifying it: "the M2 markers Arg-1
        and CD206", "the M1 cytokines TNF-α and IL-1β"."""
        end = view.mentions[m][1]
        for k in range(end, min(end + 3, len(view.words) - 1)):
            if view.words[k] in MEMBER_CLASS_NOUNS and view.mention_at[k + 1] >= 0:
                return view.mention_at[k + 1]  # "the NF-κB target genes COX-2 and iNOS"
            if view.mention_at[k] >= 0 or not view.words[k].isalpha():
                return None
        return None

    @staticmethod
    def _after_parentheses(view: SentenceView, end: int) -> int:
        """Past a parenthesis right after a listed mention: "reactive oxygen species (ROS)",
        "N-acetylcysteine (NAC; 150 mg/kg)"."""
        while end < len(view.words) and view.words[end] == "(":
            close = next((j for j in range(end, len(view.words)) if view.words[j] == ")"), end)
            end = close + 1
        return end

    def _skip_plain_words(self, view: SentenceView, i: int, limit: int = 2) -> int:
        """Past up to ``limit`` head nouns or modifiers that are no mention, verb, preposition or
        clause word ("levels", "synovial fluid", "the")."""
        skipped = 0
        while i < len(view.words) and view.mention_at[i] < 0 and (
                view.words[i] in OBJECT_HEADS or view.words[i] in DETERMINERS
                or skipped < limit and view.words[i].replace("-", "").isalpha() and view.words[i] not in self.lexicon.verbs
                and view.words[i] not in CLAUSE_BREAKS and view.words[i] not in PREPOSITIONS
                and view.words[i] not in BE_FORMS and view.words[i] not in COORDINATION
                and view.words[i] not in OBJECT_STOPS and view.words[i] not in COMPARISON_CUES
                and view.words[i] not in RELATIVES and not view.words[i].endswith("ing")
                and view.words[i] not in COMPARATIVES and view.words[i] != "only"):
            # "lower MDA and higher catalase", ", only hUC-MSCs decreased": a new claim
            skipped += view.words[i] not in OBJECT_HEADS and view.words[i] not in DETERMINERS
            i += 1
        return i

    @staticmethod
    def _mention_between(view: SentenceView, index: int, m: int) -> bool:
        return any(view.mention_at[i] >= 0 for i in range(index, view.mentions[m][0]))

    @staticmethod
    def _head_of_modifier(view: SentenceView, m: int) -> int:
        """ "spinal IL-6", "mitochondrial superoxide", "MSC exosomes": a location word right before
        another mention modifies it."""
        end = view.mentions[m][1]
        if view.mentions[m][2].category is Category.ORGANISM and end < len(view.words) and view.mention_at[end] >= 0:
            return view.mention_at[end]  # "human dental pulp stem cells"
        if view.mentions[m][2].category in LOCATIONS:  # "spinal IL-6", "synovial fluid malondialdehyde"
            k = end + 1 if view.words[end:end + 1] and view.words[end] in SAMPLE_NOUNS else end
            if view.words[k:k + 1] and view.words[k] in MEASURED_AMOUNTS and view.words[k + 1:k + 2] == ["of"]:
                k += 2  # "cartilage levels of 8-OHdG", "serum concentrations of IL-6"
            if view.words[k:k + 1] and view.words[k] in FORM_MODIFIERS:
                k += 1  # "spinal phosphorylated p38 MAPK", "synovial cleaved caspase-3"
            if k < len(view.words) and view.mention_at[k] >= 0:
                return view.mention_at[k]
        if view.words[end:end + 1] == ["+"] and end + 1 < len(view.words) and view.mention_at[end + 1] >= 0 \
                and view.mentions[view.mention_at[end + 1]][2].category is Category.CELL:
            return view.mention_at[end + 1]  # "CD68+ macrophages"
        if _UTR.match(view.mentions[m][2].text):  # "binds the 3'UTR of TLR4", "binding its 3'UTR": the gene
            k = end + 1 if view.words[end:end + 1] == ["of"] else -1
            while 0 <= k < len(view.words) and view.words[k] in DETERMINERS:
                k += 1
            if 0 <= k < len(view.words) and view.mention_at[k] >= 0:
                return view.mention_at[k]
            start = view.mentions[m][0]
            if view.words[start - 1:start] in (["its"], ["their"]):
                genes = [g for g, (s, e, g_m) in enumerate(view.mentions) if e <= start - 1 and g_m.category is Category.GENE
                         and not g_m.text.lower().startswith(("mir", "let-"))]
                if genes:
                    return genes[-1]
        nxt = view.mention_at[end] if end < len(view.words) else -1
        if view.mentions[m][2].category is Category.CHEMICAL and nxt >= 0 and nxt != m \
                and view.mentions[nxt][2].category in CONDITIONS | {Category.PROCESS}:
            return nxt  # "the loss of morphine antinociception", "paclitaxel neuropathy": the drug's condition
        return m

    def _head_of_hyphen(self, view: SentenceView, m: int) -> int:
        """In "oxidative stress-mediated neuropathic pain" the head is the last mention; in "the
        MSC-exosome-induced upregulation of HO-1", HO-1."""
        end = _past_abbreviation(view, view.mentions[m][1])
        if view.words[end:end + 1] == ["-"] and end + 1 < len(view.words) and view.mention_at[end + 1] >= 0 \
                and view.mention_at[end + 1] != m:
            inner = view.mention_at[end + 1]
            head = self._head_of_hyphen(view, inner)
            if head != inner:
                return head
        if view.words[end:end + 1] == ["-"] and view.words[end + 1:end + 2] and (
                view.words[end + 1] in HYPHEN_RELATIONS or view.words[end + 1] in MODIFIER_HYPHENS):
            nxt = view.mention_starting_after(end + 2, 1)  # "oxaliplatin-induced (cold) hyperalgesia"
            if nxt is None and view.words[end + 2:end + 3] \
                    and view.words[end + 2] in DECLINE_NOUNS | RISE_NOUNS | OBJECT_HEADS \
                    and view.words[end + 3:end + 4] in (["of"], ["in"]):
                # "the paclitaxel-induced increase of NOX4", "LPS-induced expression of CD86"
                nxt = view.mention_starting_after(end + 4, 1)
            if nxt is not None:
                return nxt
        return m

    def _possessed_change(self, view: SentenceView, trig: Trigger) -> tuple[int, str | None] | None:
        """ "TRPV1 was expressed in DRG neurons, and its upregulation after bortezomib treatment was
        reversed by EVs": the passive acts on the change ("its upregulation", RISE; "their loss",
        DECLINE) or the measured state ("its nuclear translocation", None) of the sentence's opening
        subject, a gene or chemical followed by its verb."""
        i = trig.start - 1
        while i >= 0 and (view.words[i] in BE_FORMS or view.words[i].endswith("ly") or view.words[i] in ("not", "also", "then")):
            i -= 1
        # back over a temporal phrase ("after nerve injury", "following bortezomib treatment") to the noun
        start = next((k for k in range(i, max(-1, i - 8), -1) if view.words[k] in ("its", "their")), None)
        if start is None or start + 1 > i:
            return None
        noun = start + 1
        if view.words[noun] in LOCALIZING_ADJECTIVES and noun + 1 <= i:
            noun += 1  # "its nuclear translocation"
        measured = view.words[noun] in MEASURED_STATES  # "its nuclear translocation was enhanced by resveratrol"
        if not measured and view.words[noun] not in RISE_NOUNS | DECLINE_NOUNS:
            return None
        between = view.words[noun + 1:i + 1]
        if between and between[0] not in TEMPORAL_PREPOSITIONS:
            return None
        opening = next((m for m, (s, e, mention) in enumerate(view.mentions) if s < start), None)
        if opening is None:
            return None
        o_start, o_end, mention = view.mentions[opening]
        if mention.category not in (Category.GENE, Category.CHEMICAL) or \
                not (view.words[o_end:o_end + 1] and (view.words[o_end] in BE_FORMS or view.words[o_end] in self.lexicon.verbs)):
            return None
        return opening, None if measured else RISE if view.words[noun] in RISE_NOUNS else DECLINE

    def _passive_agent(self, view: SentenceView, trig: Trigger) -> tuple[list[int], list[int]] | None:
        """'X was reduced by Y' / 'X reduced by Y': subjects after 'by', object before the trigger."""
        if trig.form not in ("participle", "phrase"):
            return None
        after = self._place_after(view, trig.end)  # "was upregulated in DRG neurons by exosomes"
        by = next((i for i in range(after, min(after + 3, len(view.words))) if view.words[i] == "by"), None)
        # "when SIRT1 was inhibited with EX-527": an instrument right after a passive change verb
        instrument = by is None and view.words[after:after + 1] == ["with"] and trig.type in (
            RelationType.INCREASES, RelationType.DECREASES) and self._after_be(view, trig.start) \
            and trig.text not in RECEIVING  # "microglia were stimulated with LPS": a setup, not a claim
        if instrument:
            by = after
        if by is None or any(view.mention_at[i] >= 0 for i in range(after, by)):
            return None  # "reduced TNF-α secretion by macrophages": an object stands before "by"
        agent = self._agent_after(view, by + 1)
        if agent is None or instrument and (view.mentions[agent][2].category not in TREATMENTS
                                            or is_control_arm(view.mentions[agent][2])):
            return None
        first = self._coordinated_passive(view, trig.start)
        patients = self._patients_before(view, trig.start if first is None else first)
        subjects = [agent]
        end = view.mentions[agent][1]
        if view.words[end:end + 1] == ["and"] and end + 1 < len(view.words) and view.mention_at[end + 1] >= 0:
            subjects.append(view.mention_at[end + 1])
        elif view.words[end:end + 3] in (["and", "not", "by"], ["but", "not", "by"], [",", "not", "by"]):
            excepted = self._agent_after(view, end + 3)  # "was reduced by the exosomes and not by gabapentin"
            if excepted is not None:
                subjects.append(excepted)
                view.excepted.add(excepted)
        return subjects, patients

    @staticmethod
    def _coordinated_passive(view: SentenceView, index: int) -> int | None:
        """Where the first of two coordinated passives sharing one subject starts: "SOD activity was
        decreased in CCI rats (p < 0.01) and was restored by ADSCs" restores SOD activity, not rats."""
        words, i = view.words, index - 1
        while i > 0 and (_adverbial(words, i) or words[i] in BE_FORMS):
            i -= 1
        if i < 1 or words[i] not in ("and", "but") or words[i + 1] not in BE_FORMS:
            return None
        for k in range(i - 1, max(0, i - 15), -1):
            listed = words[k] == "and" and view.mention_at[k - 1] >= 0 and view.mention_at[k + 1] >= 0
            if words[k] in CLAUSE_BREAKS or words[k] in (",", "and") and k not in view.aside and not listed:
                return None  # a list of places is no clause: "were detected in the lung and spleen but were not"
            if words[k] in BE_FORMS:
                j = k + 1
                while j < i and _adverbial(words, j):
                    j += 1
                return j if j < i and (words[j].endswith("ed") or words[j] in IRREGULAR_PARTICIPLES) else None
        return None

    @staticmethod
    def _place_after(view: SentenceView, index: int) -> int:
        """Past a place right after a participle ("in (the) spinal microglia", "in the DRG of CCI rats"):
        where the words after it begin; ``index`` when no place follows."""
        words, i = view.words, index
        if words[i:i + 1] not in (["in"], ["within"]):
            return index
        i += 1
        while i < len(words) and view.mention_at[i] < 0 and (
                words[i] in NP_MODIFIERS or _hyphenated(words[i]) and words[i][0].isalpha()):
            i += 1  # "in (the) spinal astrocytes", "in small-diameter DRG neurons"
        m = view.mention_at[i] if i < len(words) else -1
        if m < 0 or view.mentions[m][2].category not in LOCATIONS:
            return index
        i = view.mentions[m][1]
        if words[i:i + 1] == ["of"] and i + 1 < len(words) and view.mention_at[i + 1] >= 0 \
                and view.mentions[view.mention_at[i + 1]][2].category in CONDITIONS | {Category.ORGANISM}:
            i = view.mentions[view.mention_at[i + 1]][1]  # "in the DRG of CCI rats"
            if i < len(words) and view.mention_at[i] >= 0 and view.mentions[view.mention_at[i]][2].category is Category.ORGANISM:
                i = view.mentions[view.mention_at[i]][1]
        return i

    def _agent_after(self, view: SentenceView, index: int, limit: int = 4) -> int | None:
        """The agent after "by": "by BMSCs", "by local injection of BMSC-derived EVs",
        "by pretreatment with hUC-MSCs" (routes and wrapper nouns are passed over)."""
        i = index
        while i < len(view.words):
            m = view.mention_at[i]
            if m >= 0 and view.mentions[m][2].category is Category.ROUTE:
                i = view.mentions[m][1]
            elif view.words[i] in WRAPPERS or view.words[i] in DOSES or view.words[i] == "with" \
                    or view.words[i] == "of" and i > index \
                    or _counted(view.words[i]) and i + 1 < len(view.words) \
                    and (view.words[i + 1] in WRAPPERS | DOSES or view.mention_at[i + 1] >= 0
                         and view.mentions[view.mention_at[i + 1]][2].category is Category.ROUTE) \
                    or view.words[i] in DOSE_MODIFIERS | {"a", "an", "the"} and i + 1 < len(view.words) \
                    and (view.words[i + 1] in DOSES | DOSE_MODIFIERS or view.mention_at[i + 1] >= 0
                         and view.mentions[view.mention_at[i + 1]][2].category is Category.ROUTE):
                i += 1  # "by a single intravenous dose of ADSCs"
            else:
                break
        agent = view.mention_starting_after(i, limit)
        return self._agent_head(view, agent) if agent is not None else None

    def _agent_head(self, view: SentenceView, m: int) -> int:
        """The head of an agent phrase: "MSC-derived EVs" and "MSC-EVs" are EVs."""
        m = self._head_of_hyphen(view, m)
        product = self._product_after(view, view.mentions[m][1])
        return m if product is None else product

    def _phrase_head(self, view: SentenceView, m: int) -> int:
        """Climb from a mention inside a modifier to the phrase's head mention:
        "Exosomes secreted by MSCs", "TNF-α in the DRG", "catalase that had been reduced by oxaliplatin"."""
        for _ in range(3):
            i, steps = view.mentions[m][0] - 1, 0
            while i >= 0 and steps < 4 and (view.words[i] in NP_MODIFIERS or (
                    view.mention_at[i] >= 0 and view.mentions[view.mention_at[i]][2].category in LOCATIONS)
                    or view.words[i] == "-" or view.words[i] in HYPHEN_RELATIONS and view.words[i - 1:i] == ["-"]
                    # "released by the preconditioned cells"
                    or view.words[i].endswith("ed") and view.mention_at[i] < 0 and view.words[i - 1:i] in (["the"], ["these"])):
                i, steps = i - 1, steps + 1  # "from human umbilical cord MSCs", "carried by ADSC-derived exosomes"
            if i < 1 or view.words[i] not in PREPOSITIONS:
                return m
            # "after"/"following" also open clauses ("TNF-α decreased after MSCs reduced ROS"):
            # climb over head nouns only, never over a verb.
            temporal = view.words[i] in TEMPORAL_PREPOSITIONS
            j, steps = i - 1, 0
            while j >= 0 and steps < 5 and (
                view.mention_at[j] < 0 and (view.words[j] in FILLER or view.words[j] in ADMINISTERED or not temporal and (
                    view.words[j] in BE_FORMS or view.words[j].endswith(("ed", "ly"))))
                or view.mention_at[j] >= 0 and view.mentions[view.mention_at[j]][2].category is Category.ROUTE
                or view.words[j] == ")"
            ):  # "EVs injected locally into the ganglion", "EVs (EVs) secreted by": over routes and asides
                if view.words[j] == ")":
                    j = next((k for k in range(j, -1, -1) if view.words[k] == "("), 0)
                j, steps = j - 1, steps + 1
            if j < 0 or view.mention_at[j] < 0 or j in view.compared:
                return m
            if view.mentions[view.mention_at[j]][2].category in NOT_AGENTS or view.words[j] in WRAPPERS:
                return m  # "intrathecal injection of BMSCs", "co-culture with BMSCs": the cells act
            _, j_end, j_mention = view.mentions[view.mention_at[j]]
            # "Spinal levels of p38": the location modifies "levels", p38 heads the phrase (but "NLRP3
            # inflammasome activation in astrocytes" is the inflammasome's)
            if j_mention.category in LOCATIONS and view.words[i] == "of" and view.words[j_end:j_end + 1] \
                    and view.words[j_end] in OBJECT_HEADS:
                return m
            m = view.mention_at[j]
        return m

    def _patient_before(self, view: SentenceView, index: int) -> int | None:
        i = index - 1
        while i >= 0 and (view.words[i] in FILLER or view.words[i] in BE_FORMS or i in view.aside
                          or _adverbial(view.words, i)
                          # "thermal hyperalgesia, which was attenuated by ADSCs", "which had been reduced by"
                          or view.words[i] in ("which", "that") and view.words[i + 1:i + 2] in (["was"], ["were"], ["had"], ["has"], ["is"], ["are"])
                          or view.words[i] in ("had", "has", "have") and view.words[i + 1:i + 2] == ["been"]
                          or view.words[i] == "," and view.words[i + 1:i + 2] == ["which"]):
            if view.mention_at[i] >= 0 and i not in view.aside:
                break
            i -= 1
        if i >= 0 and view.mention_at[i] >= 0 and i not in view.compared:
            found = view.mention_at[i]
            head = self._phrase_head(view, found)
            start = view.mentions[found][0]
            if head == found and start > 0 and view.words[start - 1] in TEMPORAL_PREPOSITIONS:
                return None  # "its upregulation after nerve injury was reversed": a time, not the patient
            return head
        return None

    def _patients_before(self, view: SentenceView, index: int) -> list[int]:
        """The passive's patient and the mentions listed with it ("SOD and catalase activities were ...")."""
        patient = self._patient_before(view, index)
        if patient is None:
            return []
        return [patient, *self._listed_before(view, view.mentions[patient][0])]

    def _nominal(self, view: SentenceView, trig: Trigger) -> list[Relation]:
        """'reduction of ROS by MSCs', 'MSC-mediated suppression of TNF-α', 'differentiation of X into Y'."""
        words = view.words
        if words[trig.end:trig.end + 1] in (["by"], ["with"], ["using"]) and trig.start > 0 \
                and view.mention_at[trig.start - 1] >= 0 and trig.type in (RelationType.DECREASES, RelationType.INCREASES):
            # "HO-1 inhibition with zinc protoporphyrin IX", "Nrf2 silencing by siRNA": the act's object before it
            agent = self._agent_after(view, trig.end + 1, 3)
            patient = view.mention_at[trig.start - 1]
            return self._emit(view, trig, [agent], [patient], "nominal") if agent is not None else []
        if words[trig.end:trig.end + 1] not in (["of"], ["in"]):
            return []
        objects = self._objects_after(view, trig.end + 1)
        if not objects or view.mentions[objects[0]][0] - trig.end > 5:
            return []
        obj = objects[0]
        subjects: list[int] = []
        after = view.mentions[objects[-1]][1]
        # The agent follows the object's own head nouns only: "reduction of ROS levels by MSCs", not
        # "suppression of TNF-α was accompanied by ...".
        by = next((i for i in range(after, min(after + 5, len(words)))
                   if words[i] in ("by", "with") and all(w in OBJECT_HEADS or w not in self.lexicon.verbs and w not in
                                                         CLAUSE_BREAKS and w not in BE_FORMS and w not in PREPOSITIONS
                                                         for w in words[after:i])), None)
        into = next((i for i in range(after, min(after + 2, len(words))) if words[i] == "into"), None)
        if trig.type is RelationType.DIFFERENTIATES_INTO and into is not None:
            target = view.mention_starting_after(into + 1, 3)
            return self._emit(view, trig, [obj], [target] if target is not None else [], "nominal")
        if by is not None:
            agent = self._agent_after(view, by + 1, 3)
            if agent is not None:
                subjects = [agent]
        if not subjects and trig.start >= 2 and words[trig.start - 1] in HYPHEN_RELATIONS and words[trig.start - 2] == "-":
            m = view.mention_at[trig.start - 3] if trig.start >= 3 else -1
            if m >= 0:
                subjects = [m]
        if not subjects and trig.type in (RelationType.TREATS, RelationType.PREVENTS) and \
                words[max(0, trig.start - 2):trig.start] in (["for", "the"], ["in", "the"]) or words[trig.start - 1:trig.start] == ["for"]:
            # "hUC-MSCs may be a useful adjunct for the treatment of painful diabetic neuropathy"
            subjects = self._subjects_before(view, max(0, trig.start - 2))
        return self._emit(view, trig, subjects, objects, "nominal")

    def _tight(self, view: SentenceView, trig: Trigger) -> list[Relation]:
        """DERIVED_FROM / LOCATED_IN / IS_A: the mentions stand right beside the phrase."""
        left = self._adjacent_left(view, trig.start)
        after = trig.end
        if trig.type is RelationType.DERIVED_FROM:  # "isolated from the culture supernatant of MSCs"
            after = next((after + len(p) for p in SOURCE_MATERIALS if tuple(view.words[after:after + len(p)]) == p), after)
        right = view.mention_starting_after(after, 2 if trig.type is not RelationType.IS_A else 3)
        if left is None or right is None:
            return []
        left = self._class_member(view, left)  # "TSG-6, an anti-inflammatory glycoprotein secreted by MSCs"
        if trig.text in CONTAINER_PHRASES:  # "small EVs derived from DPSCs were enriched in miR-21-5p"
            left = self._phrase_head(view, left)
        if trig.type is RelationType.DERIVED_FROM:  # "from placenta-derived MSCs", "from human DPSCs"
            right = self._head_of_modifier(view, self._head_of_hyphen(view, right))
        s = view.mentions[left][2]
        right_end = view.mentions[right][1]
        to = next((k for k in range(right_end, min(right_end + 4, len(view.words))) if view.words[k] == "to"), None)
        moved = MOVING & set(view.words[max(0, view.mentions[left][0] - 3):view.mentions[left][0]])
        if trig.text == "from" and to is not None and view.words[to + 1:to + 2] and not moved \
                and view.words[to - 1] not in self.lexicon.verbs and view.words[to - 1] not in BOUND \
                and view.words[to + 1] not in self.lexicon.verbs and view.words[to + 1] not in ("be", "have"):
            # "shifted macrophages from the M1 to the M2 phenotype": a change, not an origin; but "transfer
            # of mitochondria from MSCs to neurons" moves them from where they came, and in "miR-130b
            # from BMSCs bound to ..." the "to" is the verb's
            return []
        # "detected in the DRG and spinal dorsal horn": a named location phrase takes a list
        rights = [right] if trig.text in BARE_LOCATIONS or trig.type is not RelationType.LOCATED_IN \
            else self._objects_after(view, view.mentions[right][0], place=True)
        kept, swapped = [], []
        for r in rights:
            o = view.mentions[r][2]
            if trig.text in CONTAINER_PHRASES and s.category is Category.CELLULAR_COMPONENT and o.category in MOLECULES:
                # "BMSC exosomes enriched in miR-23a-3p": the cargo is in the vesicles
                swapped += self._emit(view, trig, [r], [left], "tight")
                continue
            ok = {
                RelationType.DERIVED_FROM: s.category not in NOT_AGENTS | CONDITIONS and o.category in SOURCES,
                RelationType.LOCATED_IN: s.category not in NOT_AGENTS | {Category.PROCEDURE} and o.category in LOCATIONS
                and s.category is not o.category,
                RelationType.IS_A: s.category is o.category and s.curie != o.curie,
            }[trig.type]
            if ok:
                kept.append(r)
        return self._emit(view, trig, [left], kept, "tight") + swapped

    def _cargo(self, view: SentenceView) -> list[Relation]:
        """What vesicles carry is in them: "EVs carrying CD73", "Exosomes secreted by MSCs carried
        miR-21-5p", "exosomes carry microRNAs and proteins" (molecules in a vesicle mention only)."""
        out = []
        for k, word in enumerate(view.words):
            if word not in CARRYING or view.mention_at[k] >= 0:
                continue
            if view.words[k + 1:k + 2] == ["by"]:  # "miR-146a-5p carried by ADSC-derived exosomes"
                container, carried = self._agent_after(view, k + 2, 3), self._adjacent_left(view, k)
                cargo = [carried] if carried is not None and view.mentions[carried][2].category in MOLECULES else []
            else:
                container = self._adjacent_left(view, k) if word.endswith("ing") else \
                    next(iter(self._subjects_before(view, k)), None)
                cargo = [o for o in self._objects_after(view, k + 1) if view.mentions[o][2].category in MOLECULES]
            if container is None or view.mentions[container][2].category is not Category.CELLULAR_COMPONENT:
                continue
            trig = Trigger(RelationType.LOCATED_IN, "tight", k, k + 1, word)
            out += self._emit(view, trig, cargo, [container], "tight")
        return out

    @staticmethod
    def _member_after(view: SentenceView, m: int) -> int:
        """The member named right after a class mention ("the SOD mimetic tempol"), else the mention itself."""
        end = view.mentions[m][1]
        member = view.mention_at[end] if end < len(view.words) else -1
        return member if view.mentions[m][2].found_by == CLASS and member >= 0 else m

    @staticmethod
    def _class_member(view: SentenceView, m: int) -> int:
        """The named member a class mention stands in apposition to ("TSG-6, an anti-inflammatory
        glycoprotein"), else the mention itself."""
        start, _, cls = view.mentions[m]
        if cls.found_by != CLASS or m == 0:
            return m
        j = start - 1
        while j >= 0 and view.words[j] in GRADING_ADJECTIVES:
            j -= 1
        prior_end = view.mentions[m - 1][1]
        return m - 1 if view.words[prior_end:j + 1] in ([",", "a"], [",", "an"]) else m

    def _adjacent_left(self, view: SentenceView, index: int) -> int | None:
        i = index - 1
        while i >= 0 and (view.words[i] in ("levels", "level", "activity", "expression", "content", ")")
                          or (view.words[i] in BE_FORMS or view.words[i].endswith("ly")) and view.mention_at[i] < 0
                          or (i in view.aside and view.mention_at[i] < 0) or (i in view.aside and view.words[i - 1:i] == ["("])):
            if view.words[i] == ")":
                i = next((j for j in range(i, -1, -1) if view.words[j] == "("), i) - 1
                continue
            i -= 1
        if i >= 0 and view.mention_at[i] >= 0:
            return view.mention_at[i]
        return None

    def _hyphen_heads(self, view: SentenceView) -> list[Relation]:
        """'MSC-derived EVs' -> EVs DERIVED_FROM MSCs; 'X-induced Y' -> X CAUSES Y."""
        out = []
        for a, (start, end, mention) in enumerate(view.mentions):
            product = self._product_after(view, end) if mention.category is Category.CELL else None
            if product is not None:  # "MSC-EVs", "BMSC-conditioned medium", "MSC secretome"
                trig = Trigger(RelationType.DERIVED_FROM, "hyphen", end, view.mentions[product][0],
                               " ".join(view.words[start:view.mentions[product][1]]))
                out += self._emit(view, trig, [product], [a], "hyphen")
                continue
            if (mention.name or "").lower() in CELL_PRODUCTS and view.words[end:end + 1] == ["of"]:
                k = end + 1  # "the secretome of Wharton's jelly MSCs"
                while k < len(view.words) and view.words[k] in NP_MODIFIERS:
                    k += 1
                source = view.mention_at[k] if k < len(view.words) else -1
                if source >= 0 and view.mentions[source][2].category is Category.CELL:
                    trig = Trigger(RelationType.DERIVED_FROM, "tight", end, end + 1, "of")
                    out += self._emit(view, trig, [a], [source], "tight")
                continue
            end = _past_abbreviation(view, end)
            if view.words[end:end + 1] != ["-"] or end + 2 >= len(view.words):
                continue
            rtype = HYPHEN_RELATIONS.get(view.words[end + 1])
            if rtype is None:
                continue
            # the compound's head, even in a comparison arm ("than B in reversing CCI-induced allodynia"),
            # or one word on ("-derived (exosomal) miR-21")
            adjacent = view.mention_at[end + 2]
            b = adjacent if adjacent >= 0 and view.mentions[adjacent][0] == end + 2 else view.mention_starting_after(end + 2, 1)
            if b is None and view.words[end + 2] in OBJECT_HEADS and view.words[end + 3:end + 4] == ["of"]:
                b = view.mention_starting_after(end + 4, 1)  # "LPS-induced expression of CD86"
            if b is None:
                continue
            trig = Trigger(rtype, "hyphen", end, end + 2, "-" + view.words[end + 1])
            if rtype is RelationType.DERIVED_FROM:
                if mention.category in SOURCES:
                    out += self._emit(view, trig, [b], [a], "hyphen")
            else:
                out += self._emit(view, trig, [a], [b], "hyphen")
        return out

    @staticmethod
    def _silencing_reagents(view: SentenceView) -> list[Relation]:
        """ "IL-10 siRNA", "siRNA against Nrf2", "a TSG-6 shRNA": the reagent lowers the gene it is named
        for (a name, so presupposed whatever the sentence claims)."""
        out = []
        for a, (start, end, reagent) in enumerate(view.mentions):
            if reagent.text.lower() not in SILENCING_REAGENTS:
                continue
            gene = view.mention_at[start - 1] if start > 0 else -1
            if gene < 0 and view.words[end:end + 1] and view.words[end] in ("against", "targeting") and end + 1 < len(view.words):
                gene = view.mention_at[end + 1]
            if gene >= 0 and gene != a and view.mentions[gene][2].category is Category.GENE:
                out.append(_presupposed(reagent, view.mentions[gene][2], RelationType.DECREASES, view.sentence,
                                        reagent.text, "tight"))
        return out

    def _secretions(self, view: SentenceView) -> list[Relation]:
        """ "boosted the secretion of VEGF by MSCs", "the release of exosomes from ADSCs": the product
        DERIVED_FROM the cell (whatever the sentence claims about the amount)."""
        out, words = [], view.words
        for i, w in enumerate(words[:-3]):
            if w not in ("secretion", "release") or words[i + 1] != "of":
                continue
            product = view.mention_starting_after(i + 2, 1)
            if product is None:
                continue
            k = view.mentions[product][1]
            if words[k:k + 1] == ["("]:
                k = next((j for j in range(k, len(words)) if words[j] == ")"), len(words) - 1) + 1
            if words[k:k + 1] not in (["by"], ["from"]):
                continue
            source = self._agent_after(view, k + 1, 3)
            if source is not None and view.mentions[source][2].category is Category.CELL \
                    and view.mentions[product][2].category in MOLECULES | {Category.CELLULAR_COMPONENT}:
                out.append(_presupposed(view.mentions[product][2], view.mentions[source][2], RelationType.DERIVED_FROM,
                                        view.sentence, f"{w} of ... {words[k]}", "tight"))
        return out

    @staticmethod
    def _possessed_products(view: SentenceView) -> list[Relation]:
        """ "Neither BMSCs nor their conditioned medium", "IFN-γ increased PD-L1 in their exosomes": a cell
        product whose possessor is the cells named last before it."""
        out = []
        for start, _, product in view.mentions:
            if product.category is not Category.CELLULAR_COMPONENT or view.words[start - 1:start] not in (["their"], ["its"]):
                continue
            cells = [m for s, e, m in view.mentions if e < start and m.category is Category.CELL and s not in view.aside
                     and not any(w in CLAUSE_BREAKS for w in view.words[e:start])]
            if cells:
                out.append(_presupposed(product, cells[-1], RelationType.DERIVED_FROM, view.sentence, view.words[start - 1], "tight"))
        return out

    @staticmethod
    def _product_after(view: SentenceView, end: int) -> int | None:
        """A vesicle, secretome or other cell product named right after a cell, with or without a hyphen,
        or after the cell's abbreviation: "dental pulp stem cell (DPSC) secretome"."""
        end = _past_abbreviation(view, end)
        i = end + 1 if view.words[end:end + 1] == ["-"] else end
        m = view.mention_at[i] if i < len(view.words) else -1
        if m >= 0 and view.mentions[m][0] == i and view.mentions[m][2].category is Category.CELLULAR_COMPONENT:
            return m
        return None

    def _routes(self, view: SentenceView) -> list[Relation]:
        """Agent ADMINISTERED_VIA route, the agent being the cell, chemical, vesicle or procedure the
        route word governs: "intrathecal injection of BMSCs", "BMSCs were injected intrathecally",
        "intravenous hUC-MSCs"; or the sentence's only agent ("After intrathecal delivery, MSCs ...")."""
        agents = [
            i for i, (s, e, m) in enumerate(view.mentions)
            if m.category in ROUTE_AGENTS and s not in view.compared and not is_control_arm(m)
            and not (s in view.aside and view.words[s - 1:s] == ["("])
            and view.words[e:e + 2] not in (["-", "treated"], ["-", "exposed"])  # "into vincristine-treated rats": the model
        ]
        out = []
        for r, (r_start, r_end, route) in enumerate(view.mentions):
            if route.category is not Category.ROUTE:
                continue
            governed = self._route_agents(view, r_start, r_end, agents)
            listed = view.mention_at[r_end + 1] if r_end + 1 < len(view.words) and view.words[r_end] in ("nor", "or") else -1
            if not governed and listed >= 0 and view.mentions[listed][2].category is Category.ROUTE:
                # "Neither intraperitoneal nor intravenous MSCs": the agent of the route listed next
                governed = self._route_agents(view, view.mentions[listed][0], view.mentions[listed][1], agents)
            trig = Trigger(RelationType.ADMINISTERED_VIA, "route", r_start, r_end, route.text)
            # the agent was given that way whatever the claim's negation ("was not altered by local
            # injection of ADSCs")
            out += [rel.model_copy(update={"evidence": rel.evidence.model_copy(update={
                        "epistemics": rel.evidence.epistemics.model_copy(update={"negated": False})})})
                    for rel in self._emit(view, trig, governed, [r], "route")]
        return out

    def _route_agents(self, view: SentenceView, start: int, end: int, agents: list[int]) -> list[int]:
        agents_at = {i for a in agents for i in range(view.mentions[a][0], view.mentions[a][1])}
        i = end  # after the route: "intrathecal (injection of the) BMSCs", "After perineural transplantation, MSCs"
        while i < len(view.words) and (view.words[i] in ROUTE_LINKS | NP_MODIFIERS
                                       or view.words[i] == "," and view.words[i - 1] in WRAPPERS
                                       or view.words[i - 1:i] == ["of"] and _QUANTITY.match(view.words[i])):
            i += 1  # "... dose of 1 × 10^6 DPSCs": the amount stands between the route and its agent
            while i < len(view.words) and _QUANTITY.match(view.words[i]) and view.mention_at[i] < 0:
                i += 1
        if i < len(view.words) and view.mention_at[i] in agents:
            head = self._agent_head(view, view.mention_at[i])  # "injection of MSC secretome"
            # listed with "and", not offered as alternatives: "intravenous UC-MSCs, daily NAC or vehicle"
            listed = self._objects_after(view, i)[1:]
            if any("or" in view.words[max(0, view.mentions[m][0] - 2):view.mentions[m][0]] for m in listed):
                return [head]
            return [head, *[m for m in listed if m in agents]]
        i = start - 1  # before it: "BMSCs (1 x 10^6) were injected (via the) intrathecal (route)"
        opening = next((k for k in range(start - 1, -1, -1) if view.words[k] in ("(", ")")), None)
        if opening is not None and view.words[opening] == "(":  # "ADSCs (2 x 10^6 cells, intramuscular)"
            i = opening - 1
        while i >= 0 and (i in view.aside or view.words[i] in ROUTE_LINKS or view.words[i].endswith("ly")
                          and view.mention_at[i] < 0 or view.mention_at[i] >= 0 and
                          view.mentions[view.mention_at[i]][2].category in LOCATIONS and i not in agents_at
                          or view.words[i] == "or" or view.mention_at[i] >= 0
                          and is_control_arm(view.mentions[view.mention_at[i]][2])):
            i -= 1  # over asides ("(hPMSCs; 10^6 cells)", ", an Nrf2 activator,"), "into the hind paw", "or saline"
        first_agent = min(agents, key=lambda a: view.mentions[a][0]) if agents else None
        if i >= 0 and view.words[i] in ("them", "it") and first_agent is not None and view.mentions[first_agent][0] < i:
            # "We isolated EVs from hUC-MSCs and delivered them intrathecally": what was isolated
            return [self._agent_head(view, first_agent)]
        if i >= 0 and view.mention_at[i] not in agents and first_agent is not None and self._passive_chain(view, start, first_agent):
            # "sEVs were isolated from BMSCs by ultracentrifugation and injected intrathecally": the subject
            return [self._agent_head(view, first_agent)]
        if i >= 0 and view.mention_at[i] in agents:
            m = self._phrase_head(view, view.mention_at[i])  # "Exosomes secreted by BMSCs were injected"
            m = m if m in agents else view.mention_at[i]
            # "MSCs engineered to overexpress IL-10 (IL-10-MSCs) were injected": the cells, not their cargo
            carrier = self._administered_head(view, m)
            carrier = carrier if carrier == m else self._phrase_head(view, carrier)  # "Exosomes derived from BMSCs overexpressing X"
            m = carrier if carrier in agents else m
            return [m, *[a for a in self._listed_before(view, view.mentions[m][0]) if a in agents]]
        adjunct = self._route_adjunct_agent(view, start, end, agents)
        if adjunct is not None:
            return [adjunct]
        # the sentence's only agent, when the route word names an administration ("After intrathecal
        # delivery, MSCs ..."), not a place ("intradiscal levels of cytokines")
        administered = view.words[start:end][-1].endswith("ly") or any(
            w in WRAPPERS or w in ("route", "routes", "delivery", "given", "administered", "injected")
            for w in view.words)  # "administration routes, including intravenous and intrathecal, ... MSC"
        return agents if len(agents) == 1 and administered else []

    def _route_adjunct_agent(self, view: SentenceView, start: int, end: int, agents: list[int]) -> int | None:
        """The clause's subject, for a route in an adjunct of administration: "After intramuscular injection
        into the hindlimb, MSCs restored ...", "... prevented cold allodynia when given intraperitoneally",
        "... accumulated in the DRG within 24 h of intrathecal injection"."""
        words = view.words
        administered = any(w in WRAPPERS or w in ADMINISTERED for w in words[max(0, start - 2):end + 2]) \
            or words[end - 1].endswith("ly")
        if not administered:
            return None
        comma = next((k for k in range(end, len(words)) if words[k] in (",", ";")), None)
        if words[0] in INTRODUCTORY and comma is not None and not any(w in (",", ";") for w in words[:start]):
            k = comma + 1  # fronted: the first agent of the main clause
            while k < len(words) and view.mention_at[k] < 0 and (words[k] in NP_MODIFIERS or words[k] == "-"
                                                                  or words[k].endswith(("ed", "ly"))):
                k += 1
            m = view.mention_at[k] if k < len(words) else -1
            if m >= 0:
                head = self._agent_head(view, m)
                return head if head in agents else None
            return None
        # trailing: "when given", "within 24 h of", "after" before the route, the opening agent acts
        opener = next((k for k in range(start - 1, max(-1, start - 6), -1) if words[k] in INTRODUCTORY), None)
        if opener is not None and not any(w in CLAUSE_BREAKS or w == "," for w in words[opener:start]) \
                and (comma is None or comma > end):
            opening = self._opening_agent(view)
            if opening is not None and opening in agents and view.mentions[opening][1] <= opener:
                return self._agent_head(view, opening)
        return None

    @staticmethod
    def _passive_chain(view: SentenceView, route_start: int, subject: int) -> bool:
        """ "X were <verb>ed ... and injected <route>": the route word follows "and" + an administration
        participle, and the sentence's first agent is the subject of "were"/"was"."""
        k = route_start - 1
        while k >= 0 and view.words[k] not in ADMINISTERED and route_start - k <= 3:
            k -= 1
        if k < 1 or view.words[k] not in ADMINISTERED or view.words[k - 1] not in ("and", ","):
            return False
        subject_end = view.mentions[subject][1]
        be = next((j for j in range(subject_end, k) if view.words[j] in ("were", "was")), None)
        if be is None or any(view.words[j] in CLAUSE_BREAKS for j in range(subject_end, k)):
            return False
        # the subject's source and asides may stand before "were": "EVs (EVs) released by SMSCs (SMSCs) were"
        def source(j: int) -> bool:
            m = view.mention_at[j]
            return view.words[j] in SOURCE_LINKS or m >= 0 and view.words[view.mentions[m][0] - 1] in ("by", "from")
        return len([j for j in range(subject_end, be) if j not in view.aside and not source(j)]) <= 4

    @staticmethod
    def _attribute_of(view: SentenceView, start: int) -> bool:
        i = start - 1
        while i >= 0 and view.words[i] in DETERMINERS:
            i -= 1
        return i >= 1 and view.words[i] == "of" and view.words[i - 1] in ATTRIBUTE_NOUNS

    # -- building relations --------------------------------------------------------------------
    def _emit(self, view: SentenceView, trig: Trigger, subjects: list[int], objects: list[int], how: str,
              negated: bool = False, scope_start: int = 0, change: str | None = None) -> list[Relation]:
        """Relations from each subject to each object; ``negated``: the trigger shares a negated verb's
        auxiliary; ``scope_start``: where this trigger's own negation scope may begin (after the object
        list of the verb it is coordinated with); ``change``: RISE or DECLINE when the claim acts on
        the object's change named elsewhere ("its upregulation was reversed by ...")."""
        out = []
        for si in subjects:
            for oi in objects:
                if si == oi:
                    continue
                s_start, s_end, subject = view.mentions[si]
                o_start, o_end, obj = view.mentions[oi]
                # "normalized X" takes its direction from the text first; the category guards apply to it too
                direction = self._normalized(view, trig, oi) if trig.text in NORMALIZING else trig.type
                rtype = self._typed(direction, subject, obj)
                if rtype is None or (subject.curie and subject.curie == obj.curie) or is_control_arm(subject) \
                        or CLASS in (subject.found_by, obj.found_by):  # a class is only what something IS_A
                    continue  # a control arm's "no effect on pain" is the design, not a claim about saline
                if (view.words[s_end:s_end + 1] and view.words[s_end] in INVERTED_AGENTS) or \
                        (s_start >= 2 and view.words[s_start - 1] == "of" and view.words[s_start - 2] in INVERTED_AGENTS):
                    continue  # "abolished by miR-146a knockdown", "knockdown of Nrf2": the claim is about its absence
                if how not in ("tight", "route") and obj.category is Category.ANATOMY and rtype is not RelationType.LOCATED_IN \
                        and view.words[o_end:o_end + 1] and view.words[o_end].isalpha() \
                        and view.words[o_end] not in COORDINATION and view.words[o_end] not in PREPOSITIONS:
                    continue  # "induced spinal nitrosative stress": the place word modifies an unnamed head
                if trig.text.startswith(("sensitiz", "sensitis")) and obj.category is Category.CELL:
                    continue  # "sensitised DRG neurons": their excitability, not their number
                if how not in PRESUPPOSING and self._attribute_of(view, o_start):
                    continue  # "abolished the antiallodynic effect of the EVs": the effect, not the EVs
                if how not in PRESUPPOSING and view.words[o_end:o_end + 1] and view.words[o_end] in ATTRIBUTE_NOUNS:
                    continue  # "the antioxidant effects of EVs": an adjective, not the object
                if rtype in (RelationType.CAUSES, RelationType.INCREASES) and trig.end <= o_start \
                        and any(COMPARATIVES.get(w) is RelationType.DECREASES for w in view.words[trig.end:o_start]):
                    rtype = RelationType.DECREASES  # "leading to reduced ERK phosphorylation"
                object_change = change or self._change_before(view, trig, o_start)
                if object_change is RISE and rtype in RISE_TYPED:
                    rtype = RISE_TYPED[rtype]  # "prevented the increase of NOX4", "produced an elevation of PWT"
                if (view.words[o_end:o_end + 1] and view.words[o_end] in LOSS_NOUNS) or object_change is DECLINE:
                    # "reversed the reduction in paw withdrawal threshold", "prevented SOD depletion": acting
                    # on a decline is the opposite effect on the thing; other claims on a loss name no mention.
                    rtype = COUNTERED.get(rtype)
                    if rtype is None:
                        continue
                if how == "hyphen":  # "oxaliplatin-induced pain was not relieved": a presupposed name
                    epi = epistemics((), 0, 0)
                else:
                    # a passive's scope starts after its patient: "was lost when SIRT1 was inhibited with EX-527"
                    floor = max(s_end if s_end <= trig.start else 0, scope_start if scope_start <= trig.start else 0,
                                o_end if how == "passive" and o_end <= trig.start else 0)
                    # "X, but not Y, decreased ...": the "not" belongs to Y, so X's scope starts after Y
                    floor = max([floor, *(view.mentions[x][1] for x in subjects if x in view.excepted
                                          and s_end <= view.mentions[x][0] < trig.start)])
                    epi = epistemics(view.words, trig.start, floor,
                                     ("not",) if negated or oi in view.excepted or si in view.excepted
                                     or how != "tight" and self._neither_before(view, s_start, trig.start)
                                     else (trig.text,) if trig.text in self.lexicon.negated_participles | LEAVING else ())
                    if si in view.excepted and not negated and epistemics(view.words, trig.start, floor).negated:
                        # "NAC, unlike BMSCs, did not suppress IL-1β": the contrasted agent did
                        epi = epi.model_copy(update={"negated": False, "cues": [c for c in epi.cues if c == "unlike"]})
                out.append(_relation(subject, obj, rtype, view.sentence, trig.text, how, epi))
        return out

    def _normalized(self, view: SentenceView, trig: Trigger, oi: int) -> RelationType:
        """Which way "normalized X" moved X: against the change the sentence gives X ("the depressed
        catalase activity", "GPx activity, which had been depressed by", "MDA levels rose ...; ADSCs
        normalized MDA"); else a symptom falls, and a defence or an oxidant of the lexicon's
        ``[normalized]`` lists rises or falls; otherwise the text does not say (REGULATES)."""
        o_start, o_end, obj = view.mentions[oi]
        # an adjective after a determiner or the verb itself ("normalized the depressed catalase"), not
        # a coordinated verb ("normalized catalase and heightened IL-10")
        before = view.words[o_start - 1:o_start] if o_start >= 2 and (
            view.words[o_start - 2] in DETERMINERS or o_start - 2 == trig.end - 1) else []
        k = o_end
        while k < len(view.words) and view.words[k] in OBJECT_HEADS:
            k += 1
        # a relative clause on the object: "GPx activity, which had been depressed by crush"
        after = view.words[k:k + 6] if view.words[k:k + 1] in ([","], ["which"], ["that"]) else []
        # the same entity named earlier in the sentence with its change: "MDA levels rose ...; normalized MDA"
        earlier = [(s, e) for s, e, m in view.mentions if s < trig.start and m is not obj
                   and (m.curie and m.curie == obj.curie or m.text.lower() == obj.text.lower())]
        # ... or with its change before it, or before the list it is in: "displayed elevated Cx43 and CXCL1"
        changes = before + after + [w for s, e in earlier for w in view.words[e:e + 3] + self._words_before_list(view, s)]
        if set(changes) & FELL_WORDS:
            return RelationType.INCREASES
        if set(changes) & ROSE_WORDS:
            return RelationType.DECREASES
        names = {n.lower() for n in (obj.text, obj.name, obj.long_form) if n}
        if obj.category in CONDITIONS or names & self.lexicon.normalized_lowered:
            return RelationType.DECREASES  # "normalized cold allodynia", "normalized intracellular ROS"
        if names & self.lexicon.normalized_raised:
            return RelationType.INCREASES
        return RelationType.REGULATES

    @staticmethod
    def _words_before_list(view: SentenceView, start: int) -> list[str]:
        """The change adjective right before a mention, or before the first mention of the list it is in
        ("displayed elevated connexin 43 (Cx43) and CXCL1"); none after a clause ("GPx fell and MDA")."""
        words = view.words
        while start >= 2 and words[start - 1] in ("and", ",", "or"):
            j = start - 2
            if words[j] == ")":
                j = next((k for k in range(j, -1, -1) if words[k] == "("), 0) - 1
            if j < 0 or view.mention_at[j] < 0:
                break
            start = view.mentions[view.mention_at[j]][0]
        word = words[start - 1] if start >= 1 else ""
        return [word] if word in FELL_WORDS | ROSE_WORDS else []

    @staticmethod
    def _neither_before(view: SentenceView, s_start: int, trig_start: int) -> bool:
        """ "Neither cell preparation altered ...", "No dose reduced ...", "neither licensed nor naive
        exosomes changed ...", "Neither intrathecal nor intravenous delivery of exosomes altered ...":
        a negative determiner of the subject, or a "neither ... nor" pair before the verb."""
        if {"neither", "no"} & set(view.words[max(0, s_start - 2):s_start]):
            return True
        before = view.words[:trig_start]
        if "neither" not in before or "nor" not in before[before.index("neither"):]:
            return False
        nor = len(before) - 1 - before[::-1].index("nor")
        return not any(w in CLAUSE_BREAKS or w == "," for w in before[nor:])

    @staticmethod
    def _change_before(view: SentenceView, trig: Trigger, o_start: int) -> str | None:
        """Whether the object is what declines or rises: "the reduction in X", "the depletion of GSH and
        SOD", "an elevation of PWT" (the change noun nearest before it, back to the trigger)."""
        first = trig.end if trig.end <= o_start else max(0, o_start - 2)
        for i in range(o_start - 2, first - 1, -1):
            if view.words[i + 1] in ("of", "in") and view.words[i] in DECLINE_NOUNS | RISE_NOUNS:
                return DECLINE if view.words[i] in DECLINE_NOUNS else RISE
            if view.words[i + 1] in ("of", "in") and view.words[i] in IMPROVEMENT_NOUNS and view.mention_at[o_start] >= 0:
                symptom = view.mentions[view.mention_at[o_start]][2].text.lower().rsplit(" ", 1)[-1] in SYMPTOM_HEADS
                return DECLINE if symptom else RISE
        return None

    @staticmethod
    def _typed(rtype: RelationType, subject: Mention, obj: Mention) -> RelationType | None:
        """Category guards and the rules that refine a trigger's type by what it acts on."""
        if rtype is RelationType.ADMINISTERED_VIA:
            return rtype if obj.category is Category.ROUTE else None
        if subject.category in NOT_AGENTS or obj.category in NOT_AGENTS:
            return None
        if subject.category is Category.ANATOMY and rtype not in (RelationType.LOCATED_IN, RelationType.IS_A,
                                                                   RelationType.DERIVED_FROM):
            return None  # a place is no agent: "pain induced by (partial) sciatic nerve (ligation)"
        if rtype is RelationType.DIFFERENTIATES_INTO:
            return rtype if subject.category is Category.CELL and obj.category is Category.CELL else None
        if rtype is RelationType.TREATS and obj.category is not Category.DISEASE:
            return RelationType.DECREASES  # "alleviated oxidative stress", "relieved allodynia": a decrease
        if rtype is RelationType.CAUSES and obj.category in MOLECULES:
            return RelationType.INCREASES  # "induced HO-1" raises an amount
        if rtype is RelationType.PREVENTS and obj.category not in CONDITIONS | {Category.PROCESS}:
            return RelationType.DECREASES
        return rtype
