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

from kg.relations.patterns.extractor import PatternExtractor
from kg.relations.patterns.words import EXTRACTOR

__all__ = ["EXTRACTOR", "PatternExtractor"]
