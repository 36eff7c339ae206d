"""The closed word lists the pattern rules read (lower-case token texts), and their scores."""

from __future__ import annotations

import re

from kg.vocab import SYMPTOM_HEADS, Category, RelationType


EXTRACTOR = "patterns"

# Relation types whose phrases are "tight": mentions must stand right beside the phrase.
TIGHT_TYPES = (RelationType.DERIVED_FROM, RelationType.LOCATED_IN, RelationType.IS_A)

BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# Tokens that may stand between two coordinated verb phrases sharing one subject.
COORDINATION = frozenset({",", "and", "or", "/", "also", "further", "furthermore", "then", "thereby",
                          "can", "could", "may", "might", "to", "both", "as", "well", "significantly",
                          "markedly", "effectively", "not", "did", "does", "do", "n't", "but", "failed",
                          "fail", "fails", "unable", "thus", "nor", "neither", "without", "yet", "instead",
                          "more", "less"})  # "and more effectively suppressed"
# Head nouns that may follow a coordinated object: "increased HO-1 expression and decreased ROS".
OBJECT_HEADS = frozenset({"expression", "levels", "level", "production", "activity", "activities", "release",
                          "phosphorylation", "immunoreactivity", "overproduction", "upregulation", "downregulation",
                          "content", "concentration", "concentrations", "secretion", "signaling", "signalling",
                          "formation", "generation", "accumulation", "infiltration", "mrna", "protein", "activation", "adducts"})
# Words before a participle that make it an adjective ("associated with elevated IL-6").
ADJECTIVAL_CONTEXT = frozenset({"with", "of", "the", "a", "an", "by", "to", "from", "in", "its", "their"})
CLAUSE_BREAKS = frozenset({";", ":", "but", "whereas", "while", "although", "though", "however",
                           "unlike", "except", "despite"})
# Subordinators end an object search: "decreased after MSCs ..." has no object; so does a means
# ("inhibit inflammasome activation through IL-10": IL-10 mediates, it is not inhibited).
OBJECT_STOPS = CLAUSE_BREAKS | frozenset({"after", "before", "when", "because", "since", "following",
                                          "until", "upon", "once", "if", "during", "as", "whether",
                                          "through", "via",
                                          "parallel"})  # "improved in parallel with NLRP3 inhibition"
COMPARISON_CUES = frozenset({"compared", "versus", "vs", "vs.", "than", "relative", "comparison"})
APPOSITIVE_OPENERS = frozenset({"which", "who", "including", "such", "e.g.", "i.e.", "a", "an",
                                "characterized", "characterised", "defined", "known", "namely",
                                "especially", "particularly", "like", "unlike", "one", "two", "three"})  # ", one of the most abundant miRNAs in ..., "
# Words after a ", the ...," phrase that make it an apposition, not a clause ("X, the main source of ROS, is").
APPOSITION_FOLLOWERS = frozenset({"is", "are", "was", "were", "has", "have", "had", "may", "might", "can", "could"})
# Head nouns between a mention and its trigger: "SOD activity was increased", "levels of TNF-α".
FILLER = frozenset({"the", "a", "an", "its", "their", "levels", "level", "activity", "activities",
                    "expression", "production", "release", "secretion", "content", "concentration", "concentrations",
                    "amount", "amounts", "of", "serum", "plasma", "tissue", "mrna", "protein", "that",
                    "which", "had", "has", "have", "been", "is", "are", "was", "were", "significantly",
                    "markedly", "further", "also", "not", "development", "maintenance", "progression",
                    "pathogenesis", "onset", "generation", "accumulation", "formation", "signs", "symptoms",
                    "and", "in", "both", "this", "these", "those", "such", "overproduction", "excessive",
                    "phosphorylation", "immunoreactivity", "activation", "translocation", "upregulation",
                    "incidence", "frequency", "severity", "adducts"})
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
# What follows a change verb used without an object: "pain decreased in six patients", "IL-10 rose by 40%".
INTRANSITIVE_FOLLOWERS = frozenset({"in", "by", "from", "to", "within", "at", "after", "following", "over",
                                    "during", ",", ".", ";", ":"})
CHANGE_WORDS = frozenset(INTRANSITIVE_CHANGES) | frozenset(COMPARATIVES)  # a change reported, with or without its agent
# Intransitive outcomes reported for a treated group: "allodynia resolved in hUCMSC-treated mice".
OUTCOMES = {"resolved": RelationType.DECREASES, "subsided": RelationType.DECREASES,
            "recovered": RelationType.INCREASES, "normalized": RelationType.INCREASES,
            "normalised": RelationType.INCREASES}
SHOWING = frozenset({"showed", "show", "shows", "displayed", "display", "displays", "exhibited", "exhibit",
                     "exhibits", "had", "have", "has", "developed", "presented", "reported", "experienced", "achieved",
                     "maintained"})
# Nouns of a study's treated groups: "IL-6 was lower in the BMSC group", "fell by 3 points in the MSC arm".
GROUPS = frozenset({"group", "groups", "arm", "arms", "cohort"})
# Verbs of what treated cells put out, read like SHOWING before a comparative: "secreted more IL-10".
MEASURED_OUTPUTS = frozenset({"secreted", "released", "produced", "expressed"})
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
# What may follow a model or drug after "after" when it, not a treatment clause, made a change ("after CCI,",
# "after SNI (p < 0.01 vs. sham)").
MODEL_ENDINGS = ([","], ["."], [";"], ["("], ["treatment"], ["exposure"], ["injection"], ["and"], ["in"])
# "the treated group", "the transplanted animals": a group named by what it received, referring back
GROUP_PARTICIPLES = frozenset({"treated", "transplanted", "injected", "grafted", "infused"})
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
# Binding as the means of an effect: "suppresses TLR4 by direct binding", "by targeting TRAF6".
BINDING = frozenset({"binding", "targeting"})
# What an agent has or does, which a verb acts on instead of the agent: "abolished the protective effect
# of CM", "abrogated the superiority of HP-BMSCs".
EFFECT_NOUNS = frozenset({"effect", "effects", "action", "actions",
                          "superiority", "advantage", "advantages", "benefit", "benefits"})
# "supporting controlled trials of UC-MSCs": research on a treatment, which a verb does not change
STUDY_NOUNS = frozenset({"trial", "trials", "study", "studies", "investigation", "investigations", "evaluation",
                         "testing"})
# Heads whose "of" names something no claim acts on: an effect or a study of it.
NOT_ACTED_ON_HEADS = EFFECT_NOUNS | STUDY_NOUNS
# "Local macrophages are therapeutic targets in inflammatory pain": "targets" as a noun binds nothing
TARGET_NOUN_MARKERS = frozenset({"therapeutic", "potential", "promising", "attractive", "novel", "drug",
                                 "druggable", "pharmacological", "treatment", "a", "an", "key", "major"})
TARGET_FORMS = frozenset({"target", "targets"})
# "is difficult to manage": what would be hard to do, not a claim that it is done
DIFFICULTY_ADJECTIVES = frozenset({"difficult", "hard", "challenging", "easy", "impossible"})
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
                                             "repression", "amelioration", "relief"})
RISE_NOUNS = frozenset({"increase", "increases", "elevation", "elevations", "upregulation", "up-regulation", "rise",
                        "accumulation", "overexpression"})
# A change for the better: of a symptom a decline, of anything else a rise ("improvements in thermal
# hyperalgesia", "an improvement in nerve conduction velocity").
IMPROVEMENT_NOUNS = frozenset({"improvement", "improvements", "recovery"})
# Verbs that report a finding: after ", and" they open a clause of their own.
REPORTING_VERBS = frozenset({"confirmed", "showed", "revealed", "demonstrated", "indicated", "suggested"})
# Between "and" and the verb of a coordinated verb phrase.
AUXILIARY_WORDS = frozenset({"did", "does", "do", "not", "also", "further", "then", "could", "can", "may"})
# What cells do with the markers in them: "cells that expressed S100", "cells expressing p75NTR".
EXPRESSING = frozenset({"expressed", "expressing", "express", "expresses"})
# Participles that describe what a preparation lacks ("exosomes depleted of miR-200a").
DEPLETED = frozenset({"depleted", "deprived", "devoid", "stripped"})
# Adjectives naming the unmodified arm of a comparison: "H-ADSCs and naive ADSCs were injected".
ARM_ADJECTIVES = frozenset({"naive", "native", "normoxic", "unmodified", "untreated", "unprimed", "unloaded",
                            "wild-type", "free", "empty", "parental", "undifferentiated"})
# What "improved" lowers (last words): "improved thermal hypoalgesia"; anything else it raises.
SYMPTOM_WORDS = SYMPTOM_HEADS | {"hypoalgesia", "hypoesthesia", "edema", "oedema", "dysfunction"}
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
             RelationType.CAUSES: RelationType.DECREASES,
             # "the decline in MDA correlated with the reduction in NRS scores": an association all the same
             RelationType.ASSOCIATED_WITH: RelationType.ASSOCIATED_WITH}
SECRETE_FORMS = frozenset({"secrete", "secretes", "secreting", "releases", "releasing"})  # "release" is mostly a noun
RELATIVES = frozenset({"that", "which", "who", "whom", "whose", "where", "when"})
# What cells release, by the lexicon's names: "the secretome of MSCs" derives from them.
CELL_PRODUCTS = frozenset({"extracellular vesicle", "exosome", "secretome", "conditioned medium"})
SAMPLE_NOUNS = frozenset({"fluid", "fluids", "tissue", "tissues", "homogenates", "lysates", "samples"})
# Where an amount was measured, written before its name: "serum MDA", "microglial Iba1", "synovial fluid IL-1β".
SAMPLE_WORDS = frozenset({"serum", "plasma", "synovial", "spinal", "microglial", "astrocytic", "neuronal", "intracellular",
                          "mitochondrial", "cytoplasmic", "nuclear", "urinary", "salivary", "cerebrospinal"})
# Verbs that report a state kept, like "be" before "unchanged": "whereas microglial Iba1 remained unchanged".
REMAINING = frozenset({"remained", "remains", "remain", "stayed"})
MEASURED_AMOUNTS = frozenset({"level", "levels", "content", "concentration", "concentrations", "amount", "amounts"})
PROTECT_FORMS = frozenset({"protect", "protects", "protected", "protecting"})
# Nouns that wrap an agent ("co-culture with BMSCs", "injection of EVs"): the agent acts, not the wrapper.
WRAPPERS = frozenset({"treatment", "pretreatment", "co-treatment", "cotreatment", "co-culture", "coculture",
                      "transplantation", "injection", "injections", "administration", "delivery", "infusion",
                      "inoculation",
                      "application", "supplementation", "therapy", "transfer", "grafting", "exposure",
                      "co-administration", "coadministration", "combination", "release", "co-injection",
                      "coinjection", "co-transplantation", "cotransplantation", "infusions", "transplantations",
                      "transfection", "incubation"})
# Acts done to cells with an agent, which the agent makes: "Transfection of BV2 microglia with a mimic",
# "Co-culture of DRG neurons with BMSCs" (not "co-administration of BMSCs with morphine": both act).
TREATING_ACTS = frozenset({"treatment", "pretreatment", "transfection", "incubation", "co-culture", "coculture"})
# Words between a route and its agent: "intrathecal injection of the BMSCs", "EVs were given via intrathecal".
ADMINISTERED = frozenset({"injected", "administered", "delivered", "given", "transplanted", "infused", "applied",
                          "grafted", "implanted"})
# Route words that are also plain adjectives: a route only before an administration word or another route.
ADJECTIVAL_ROUTES = frozenset({"local"})
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
# "changed neither marker", "had no effect on either outcome", "normalized both parameters": the two things
# a claim before acted on, in this sentence or the one before
REFERRED_PAIR_OBJECTS = REFERRED_CLASSES | frozenset({"marker", "parameter", "enzyme", "outcome", "outcomes", "measure",
                                                      "cytokine", "readout", "readouts", "mediator", "protein"})
MAX_WRAPPED_REACH = 30  # words from a wrapper's "of" to the verb: "injection of X (10 μg) on day 7 after ..."
DOSES = frozenset({"dose", "doses"})
# How a disease model is made: "Diabetes was induced ... with STZ", "... injected to induce osteoarthritis"
MODEL_INDUCING = frozenset({"induced", "established", "produced", "elicited", "evoked", "generated", "created"})
MODEL_INDUCING_VERBS = frozenset({"induce", "establish", "produce", "elicit", "evoke", "generate", "create", "model"})
# Comparatives that are adjectives only, never a verb: "displayed higher NQO1 and lower ROS"
SHOWN_COMPARATIVES = frozenset({"higher", "lower", "greater", "less", "more", "fewer"})
# What is said of a readout, not a treatment: "von Frey thresholds and spinal MDA were assessed on day 14"
MEASURED_PARTICIPLES = frozenset({"assessed", "measured", "quantified", "determined", "evaluated", "analysed",
                                  "analyzed", "examined", "recorded", "monitored", "tested"})
# "intravenous infusion of GFP-labelled BMSCs": a label on the agent, between the route and it
LABELLED = ("-labelled", "-labeled", "-tagged")
# Wrappers whose agent follows "with" as well as "of": "pretreatment with UC-MSCs one day before SNI"
TREATING_WRAPPERS = frozenset({"treatment", "pretreatment", "co-treatment", "cotreatment", "supplementation"})
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
PATIENTS = frozenset({"patients", "participants", "subjects", "adults", "individuals", "volunteers", "patient",
                      "woman", "man", "women", "men", "boy", "girl", "child", "children"})
TRIAL_RECEIVING = frozenset({"received", "receiving", "randomized", "randomised", "allocated", "assigned",
                             "treated", "underwent", "given"})
# What a comma may add about the patients before the trial's verb: "with CRPS, refractory to conventional therapy, received"
PATIENT_ASIDES = frozenset({"refractory", "resistant", "unresponsive", "aged", "who"})
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
# The phases of a condition a possessive refers back to: "prevented its development".
PHASES = frozenset({"development", "onset", "emergence", "progression", "maintenance"})
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


# Reagents that silence the gene named with them: "IL-10 siRNA", "siRNA against Nrf2"
SILENCING_REAGENTS = frozenset({"sirna", "sirnas", "shrna", "shrnas", "antagomir", "antagomirs", "si-rna"})

# Class nouns that say what their members do to the gene or chemical the class is named after.
TARGETING_CLASSES = {"inhibitor": RelationType.DECREASES, "inhibitors": RelationType.DECREASES,
                     "antagonist": RelationType.DECREASES, "blocker": RelationType.DECREASES,
                     "scavenger": RelationType.DECREASES, "activator": RelationType.INCREASES,
                     "agonist": RelationType.INCREASES, "inducer": RelationType.INCREASES}


UTR = re.compile(r"^3\W{0,2}UTR$", re.IGNORECASE)  # "3'UTR", "3′-UTR": a region of the gene named after it
# "X, a subtype of Y": the nouns that make X a kind of Y.
KIND_NOUNS = frozenset({"subtype", "type", "population", "subpopulation", "subset", "kind", "form", "class", "member"})


TREATMENT_NOUNS = frozenset({"treatment", "therapy", "intervention", "transplantation", "injection", "infusion",
                             "administration", "graft", "grafts", "dose", "doses", "regimen"})
# Words between "the" and a treatment noun: "this single dose", "the highest dose".
TREATMENT_NOUN_MODIFIERS = frozenset({"single", "same", "combined", "cell", "high", "higher", "highest", "low",
                                      "lower", "lowest", "intermediate", "repeated"})
# What a "They" or "The treatment" of the next sentence may stand for when no claim names an agent.
TREATMENTS = frozenset({Category.CELL, Category.CHEMICAL, Category.CELLULAR_COMPONENT})
# "MSCs for knee osteoarthritis", "MSC therapy for low back pain" (a procedure); "for the treatment of"
GIVEN_FOR_AGENTS = TREATMENTS | {Category.PROCEDURE}
GIVEN_FOR_FILLERS = frozenset({"the", "treating", "treatment", "management", "of", "patients", "with"})
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


# Nouns naming a cell product again that no entity model tags ("The medium nonetheless reduced MDA").
REFERRING_PREPARATIONS = frozenset({"medium", "media", "preparation", "supernatant"})


# "Both cell types", "Neither cell source": two kinds of cells named before
CELL_KINDS = frozenset({"type", "types", "source", "sources", "population", "populations"})
PAIR_NOUNS = TREATMENT_NOUNS | frozenset({"treatments", "therapies", "interventions", "agents", "preparations",
                                          "preparation", "regimens", "approaches", "compounds", "products"})


# Participles that open an aside without "-ed": ", given intravenously 24 h before the first dose,".
IRREGULAR_PARTICIPLES = frozenset({"given", "shown", "known", "seen", "taken", "begun"})


# Discourse adverbs set off by commas inside a clause: "X, however, had no effect on Y".
DISCOURSE_ASIDES = frozenset({"however", "by contrast", "in contrast", "therefore", "thus", "moreover", "furthermore",
                              "in addition", "in turn", "in particular", "nevertheless", "nonetheless", "though",
                              "conversely", "consequently", "accordingly", "likewise", "similarly", "instead",
                              "importantly", "notably", "interestingly", "surprisingly", "too", "also"})
DISCOURSE_WORDS = frozenset(w for phrase in DISCOURSE_ASIDES for w in phrase.split())


# An amount written between a route and its agent: "1 × 10^6", "5 μg", "(2.5".
QUANTITY = re.compile(r"^(?:[\d.,]+|×|x|\^|10\^\d+|\d+\^\d+|μg|µg|mg|mg/kg|μl|µl|ml|cells?)$")
NUMBER = re.compile(r"^[\d.,]+(?:%|-fold)?$")


EQUAL_MANNER = frozenset({"effectively", "potently", "efficiently", "strongly", "rapidly"})  # not "as well as"
EQUAL_ADJECTIVES = frozenset({"comparable", "similar", "equivalent", "equal", "identical"})
EFFICACY_ADJECTIVES = frozenset({"effective", "potent", "efficacious", "efficient", "successful", "better"})

# The tagger's and parser's labels: a verb that may head a clause (a tensed verb or a passive
# participle), a tensed verb alone, and a word that is a verb's subject.
CLAUSE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN"})
TENSED_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
