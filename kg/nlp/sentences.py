"""Sentence boundaries at line breaks and after a unit's full stop (``kg_line_breaks``).

Titles rarely end in a full stop, and the title and abstract are joined by one newline;
without this the title would run into the first abstract sentence. The tokenizer keeps "h." of
"at 24 h. The highest dose ..." as one token, and the parser then ran the two sentences together.
Other boundaries are left to the parser or the sentencizer that follows.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

SENTENCE_END = frozenset(".!?")
# Punctuation that goes on with the sentence after an abbreviation's full stop: "(2 mg/kg, i.p., daily)"
CONTINUING_PUNCTUATION = frozenset({",", ";", ":", ")", "]"})


# Units written with a full stop that the tokenizer keeps on the unit ("24 h.", "7 d.", "9.7 g.").
UNITS_WITH_STOP = frozenset({"h.", "hr.", "hrs.", "min.", "d.", "wk.", "wks.", "mo.", "yr.", "yrs.", "s.",
                             "g.", "mg.", "μg.", "ng.", "kg.", "ml.", "mL.", "μl.", "μL.", "mm.", "cm.", "μm."})


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    for i, token in enumerate(doc[:-1]):
        following = doc[i + 1]
        if "\n" in token.text or "\n" in token.whitespace_:
            following.is_sent_start = True
        elif token.text in UNITS_WITH_STOP and i > 0 and doc[i - 1].like_num and token.whitespace_ \
                and following.is_title and following.is_alpha:
            following.is_sent_start = True  # "... at 24 h. The highest dose ..."
    return doc


def sentences_for_encoder(doc: Doc) -> list[Span]:
    """Sentences for a word-piece encoder that reads whole sentences (``kg_transformer_ner``,
    ``kg_transformer_parser``): the doc's own when every token has a boundary decision; otherwise
    cuts at the boundaries already marked (``kg_line_breaks``) and after '.', '!' or '?' unless a
    plain lower-case word follows (symbols open sentences in lower case: "hUC-MSC-CM prevented",
    "p38 was") or punctuation that goes on with the sentence ("i.p., on days 0-6"). Windows then hold whole sentences as in training; cut mid-sentence, the seed
    abstract lost "reactive oxygen species" to "scavenge" and "free radicals" to two names."""
    if doc.has_annotation("SENT_START", require_complete=True):
        return list(doc.sents)
    spans, start = [], 0
    for token in doc[1:]:
        previous = doc[token.i - 1].text
        if token.is_sent_start or (previous in SENTENCE_END and not (token.is_alpha and token.is_lower)
                                   and token.text not in CONTINUING_PUNCTUATION):
            spans.append(doc[start : token.i])
            start = token.i
    spans.append(doc[start:])
    return [span for span in spans if len(span)]
