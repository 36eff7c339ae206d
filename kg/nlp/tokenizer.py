"""scispaCy's tokenizer, plus a split before hyphenated relation words and cell products, and
between slash-joined symbols ("Nrf2/HO-1").

"MSC-derived EVs", "oxidative stress-mediated pain" and "MSC-EVs" hide an entity inside one
token; splitting "-derived", "-mediated", "-induced", ..., "-EVs", "-exosomes" lets the lexicon
and the relation patterns see both sides.
"""

from __future__ import annotations

import re
import warnings

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

RELATIONAL_SUFFIXES = (
    "derived", "mediated", "induced", "secreted", "treated", "based", "loaded",
    "conditioned", "dependent", "associated", "related", "stimulated", "evoked",
    "primed", "pretreated", "transplanted", "released", "driven",
)
# Cell products written after their source: "MSC-EVs", "BMSC-Exos", "ADSC-exosomes", "DPSC-CM".
PRODUCT_SUFFIXES = ("s?EVs?", "[Ee]xos", "[Ee]xo", "[Ee]xosomes?", "secretomes?", "CM")
_RELATIONAL_INFIX = r"(?<=[A-Za-z0-9α-ωΑ-Ω\)])-(?=(?:" + "|".join(RELATIONAL_SUFFIXES + PRODUCT_SUFFIXES) + r")\b)"
# Slash-joined symbols name each member of a pathway or pair: "Nrf2/HO-1", "PI3K/Akt", "GSH/GSSG".
# Only between a capital, digit or Greek letter and a capital: "mg/kg", "stem/stromal", "and/or" stay whole.
_SYMBOL_SLASH_INFIX = r"(?<=[A-Z0-9α-ω])/(?=[A-Z])"


def scispacy_tokenizer(nlp: Language) -> Tokenizer:
    """scispaCy's combined rule tokenizer with the relational-hyphen infix added."""
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    tokenizer = combined_rule_tokenizer(nlp)
    pattern = tokenizer.infix_finditer.__self__.pattern  # the compiled infix regex of scispaCy
    tokenizer.infix_finditer = compile_infix_regex([_RELATIONAL_INFIX, _SYMBOL_SLASH_INFIX, pattern]).finditer
    suffixes = tokenizer.suffix_search.__self__.pattern
    with warnings.catch_warnings():  # scispaCy's own pattern has a "[[" Python flags as a possible set union
        warnings.simplefilter("ignore", FutureWarning)
        tokenizer.suffix_search = re.compile(_SYMBOL_FULL_STOP + "|" + suffixes).search
    return tokenizer


# A sentence's full stop after a symbol ending in a capital after a small letter: "NF-κB.", "8-OHdG.",
# "TrkA." (scispaCy keeps it, as for "approx."); no English abbreviation ends that way.
_SYMBOL_FULL_STOP = r"(?<=[a-zα-ω][A-Z])\.$"


def relational_suffix_pattern() -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(RELATIONAL_SUFFIXES) + r")$", re.IGNORECASE)


# A whole token in parentheses: scispaCy keeps "(NTG)" together when a hyphen follows
# ("nitroglycerin (NTG)-induced"), which hides the short form from the abbreviation detector and
# makes "(NTG)" the entity's text. "Ca(2+)" and "(+)-catechin" are not whole parenthesized tokens.
_PARENTHESIZED = re.compile(r"^\(([^()\s]+)\)$")


@Language.component("kg_split_parentheses")
def split_parentheses(doc):
    """Split each whole-token parenthesis "(X)" into "(", "X", ")" (runs first, before tagging)."""
    found = [t for t in doc if _PARENTHESIZED.match(t.text)]
    if found:
        with doc.retokenize() as retokenizer:
            for token in found:
                inner = _PARENTHESIZED.match(token.text).group(1)
                retokenizer.split(token, ["(", inner, ")"], heads=[(token, 1), (token, 1), (token, 1)])
    return doc
