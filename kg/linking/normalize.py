"""Spelling normalization shared by the terminology store (when indexing) and the linker (when looking up).

Both sides go through :func:`match_key`, so a variant only has to be handled here once:
Greek letters (``TNF-α`` = ``TNF-alpha``), hyphen/space/no-space variants (``IL-1β`` = ``IL1 beta``),
case, accents, possessives (``Alzheimer's``), and plurals of the last word (``MSCs``, ``cells``).
"""

from __future__ import annotations

import re
import unicodedata

# Bump when match keys change: stores built with other keys must be rebuilt.
KEY_VERSION = "2"

GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu",
    "ξ": "xi", "ο": "omicron", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau",
    "υ": "upsilon", "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
}
GREEK.update({k.upper(): v for k, v in GREEK.items() if k != "ς"})
GREEK["µ"] = "mu"  # micro sign, common in abstracts

# Irregular plurals that occur in biomedical names; regular ones are handled by rules.
_IRREGULAR = {
    "mice": "mouse", "ganglia": "ganglion", "nuclei": "nucleus", "foci": "focus", "stimuli": "stimulus",
    "vertebrae": "vertebra", "teeth": "tooth", "feet": "foot", "children": "child", "women": "woman",
    "men": "man", "metastases": "metastasis", "bacteria": "bacterium", "fungi": "fungus",
    "mitochondria": "mitochondrion", "data": "datum", "criteria": "criterion", "lumina": "lumen",
}
# Words ending in -s that are not plurals.
_KEEP_S = ("ss", "us", "is", "ous", "ics", "xis", "sis", "itis", "osis")
_NOT_PLURAL = {"species", "series", "diabetes", "herpes", "mumps", "measles", "rabies", "scabies",
               "lupus", "tetanus", "virus", "status", "ascites", "pertussis", "rickets", "shingles",
               "glucose", "caries", "feces", "faeces", "news", "lens", "gas", "plus", "chaos", "mellitus",
               "biceps", "triceps", "forceps", "mucus", "pancreas", "thorax"}

_HYPHENS = re.compile(r"[\u2010-\u2015\u2212\u00ad-]")
_NON_WORD = re.compile(r"[^\w]+")
_UPPER_PLURAL = re.compile(r"^([A-Z][A-Z0-9-]*[A-Z0-9])s$")  # MSCs, EVs, NSAIDs (not ROS)


def fold(text: str) -> str:
    """Unicode-normalized text with Greek letters spelled out and accents removed (case kept)."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(GREEK.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def singular(word: str) -> str:
    """Singular of a lower-case word (rules are crude, but the same on both sides of a lookup)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word in _NOT_PLURAL or not word.endswith("s") or word.endswith(_KEEP_S):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def _words(text: str) -> list[str]:
    """Words of ``text`` (case kept), possessives dropped."""
    text = fold(text).replace("'s ", " ").replace("\u2019s ", " ")
    if text.endswith(("'s", "\u2019s")):
        text = text[:-2]
    return [w for w in _NON_WORD.split(_HYPHENS.sub(" ", text)) if w and w != "_"]


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of ``text`` with the last word singular."""
    words = _words(text)
    if not words:
        return []
    last = words[-1]
    plural_abbrev = _UPPER_PLURAL.match(last)
    words = [w.lower() for w in words]
    words[-1] = plural_abbrev.group(1).lower() if plural_abbrev else singular(words[-1])
    return words


def last_word(text: str) -> str:
    """The last word, lower-cased but not singularized: tells "amphetamines" from "amphetamine"."""
    words = _words(text)
    return words[-1].lower() if words else ""


def normalize(text: str) -> str:
    """Readable normal form: ``"TNF-α"`` -> ``"tnf alpha"``, ``"Schwann cells"`` -> ``"schwann cell"``."""
    return " ".join(tokens(text))


# British -> American spellings (anaemia, oedema, sulphate, tumour); applied to keys on both sides.
_BRITISH = [(re.compile(p), r) for p, r in (
    (r"(?<=[a-z])ae(?=[a-qs-z])", "e"), (r"^ae(?=[a-qs-z])", "e"), (r"^oe(?=[a-z])", "e"), (r"oea$", "ea"),
    (r"^foet", "fet"), (r"^coeli", "celi"), (r"sulph", "sulf"), (r"our$", "or"), (r"isation$", "ization"),
)]


def _american(word: str) -> str:
    for pattern, repl in _BRITISH:
        word = pattern.sub(repl, word)
    return word


def match_key(text: str) -> str:
    """Index key: the normal form without spaces, so ``TNFα``, ``TNF alpha`` and ``TNF-α`` meet.

    British spellings are folded too (``anaemia`` = ``anemia``, ``sulphate`` = ``sulfate``).
    """
    return "".join(_american(w) for w in tokens(text))


def slug(text: str) -> str:
    """Deterministic kg-local id suffix: normalized words joined by ``_`` (the lexicon's convention)."""
    return "_".join(tokens(text))[:80] or "unnamed"
