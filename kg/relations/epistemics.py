"""Negation and hedging cues, scoped to the words around a relation's trigger.

Negation scope: the few tokens before the trigger, after the subject ("BMSCs did not reduce",
"failed to attenuate", "was not associated with", "no reduction of"). A negation cue
elsewhere in the sentence does not negate this claim.
Hedging scope: a speculative cue anywhere before the trigger in the same sentence ("These data
suggest that MSCs may inhibit ...", "the potential of MSCs in alleviating ...") or a modal
right before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.types import Epistemics

NEGATION_CUES = frozenset({
    "not", "n't", "no", "never", "neither", "nor", "without", "failed", "fail", "fails", "failing",
    "unable", "cannot", "lack", "lacked", "lacks", "absence", "absent", "none",
    "insufficient", "ineffective", "lost", "loses",  # "lost their capacity to reduce ..."
})  # not "lacking": it says what the subject is without ("a Keap1 plasmid lacking the 3'-UTR blunted Nrf2")
# Words that may sit between a negation cue and the trigger: "did not significantly reduce".
NEGATION_WINDOW = 5

HEDGE_CUES = frozenset({
    "may", "might", "could", "possibly", "possible", "potentially", "potential", "suggest", "suggests",
    "suggested", "suggesting", "suggestive", "hypothesize", "hypothesized", "hypothesise",
    "hypothesised", "hypothesis", "propose", "proposed", "likely", "unlikely", "appear", "appears",
    "appeared", "seem", "seems", "seemed", "whether", "putative", "putatively", "presumably", "perhaps",
    "speculate", "speculated", "indicate", "indicates", "indicated", "implicate", "presumed",
    "probable", "probably", "promising", "candidate", "candidates",
})


# A negated frame over the clause it opens, subject and all: "showed no evidence that BM-MSCs caused
# tumour formation" (the cue stands before the subject, outside the window above).
NEGATED_FRAMES = (("no", "evidence", "that"), ("no", "indication", "that"), ("no", "sign", "that"),
                  ("no", "evidence", "of"), ("no", "evidence", "for"))
FRAME_BREAKS = frozenset({";", ":", "but", "whereas", "while", "although", "though", "however"})


def negation_cues(words: Sequence[str], trigger_start: int, floor: int) -> list[str]:
    """Negation cues in the tokens just before the trigger (not before ``floor``, the subject's end), or
    a negated frame whose clause holds the trigger."""
    start = max(floor, trigger_start - NEGATION_WINDOW)
    cues = [w for w in words[start:trigger_start] if w in NEGATION_CUES]
    for i in range(min(floor, trigger_start)):
        if tuple(words[i:i + 3]) in NEGATED_FRAMES and not any(
                w in FRAME_BREAKS or list(words[k:k + 2]) == [",", "and"] for k, w in enumerate(words[i + 3:trigger_start], i + 3)):
            cues.append(" ".join(words[i:i + 2]))
    return cues


# "Potential" names a quantity after these words, it does not hedge: "mitochondrial membrane potential".
POTENTIAL_NAMES = frozenset({"membrane", "action", "resting", "evoked", "field", "redox"})


def hedge_cues(words: Sequence[str], trigger_start: int) -> list[str]:
    return [w for i, w in enumerate(words[:trigger_start]) if w in HEDGE_CUES
            and not (w == "potential" and i > 0 and words[i - 1] in POTENTIAL_NAMES)]


def epistemics(words: Sequence[str], trigger_start: int, floor: int, extra_negation: Sequence[str] = ()) -> Epistemics:
    negations = [*negation_cues(words, trigger_start, floor), *extra_negation]
    hedges = hedge_cues(words, trigger_start)
    return Epistemics(negated=bool(negations), hedged=bool(hedges), cues=sorted(set(negations + hedges)))
