"""Short forms defined with a qualifier in their parentheses (``kg_qualified_abbreviations``).

Methods sections define a short form and give a dose or count in the same parentheses:
"umbilical cord MSCs (UC-MSCs; 2 x 10^6)", "N-acetylcysteine (NAC, 150 mg/kg)". scispaCy's
detector reads the whole parenthesis as the short form and finds nothing, so every later "UC-MSCs"
stays a stranger to its definition. This component runs after it and offers the detector the
part before the first ";" or "," as the short form, with the detector's own long-form search.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

QUALIFIER_SEPARATORS = {";", ","}
MAX_PARENTHESIS_TOKENS = 16


@Language.factory("kg_qualified_abbreviations")
def make_qualified_abbreviations(nlp: Language, name: str) -> QualifiedAbbreviations:
    return QualifiedAbbreviations(nlp.get_pipe("abbreviation_detector"))


class QualifiedAbbreviations:
    def __init__(self, detector):
        self.detector = detector

    def __call__(self, doc: Doc) -> Doc:
        from scispacy.abbreviation import filter_matches

        known = {short.text for short in doc._.abbreviations}
        candidates = []
        for start, end in _qualified_short_forms(doc):
            if doc[start:end].text not in known:
                candidates += filter_matches([(-1, start, end)], doc)
        if not candidates:
            return doc
        seen = {(short.start, short.end) for short in doc._.abbreviations}
        for long_form, shorts in self.detector.find_matches_for(candidates, doc):
            for short in sorted(shorts, key=lambda s: s.start):
                if (short.start, short.end) not in seen:
                    short._.long_form = long_form
                    doc._.abbreviations.append(short)
        return doc


def _qualified_short_forms(doc: Doc):
    """(start, end) of "X" in "( X ; ... )" / "( X , ... )" where X is one word as written."""
    for token in doc:
        if token.text != "(":
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= MAX_PARENTHESIS_TOKENS and doc[end].text not in QUALIFIER_SEPARATORS:
            if doc[end].text in "()":
                break
            end += 1
        if end >= len(doc) or doc[end].text not in QUALIFIER_SEPARATORS or end == token.i + 1:
            continue
        short = doc[token.i + 1:end]
        # One written word: "UC-MSCs" may be several tokens, "n = 8" is not a short form.
        if all(not t.whitespace_ for t in short[:-1]) and _closes(doc, end):
            yield token.i + 1, end


def _closes(doc: Doc, i: int) -> bool:
    """The parenthesis opened before token i closes within reach, with no other opening between."""
    for j in range(i, min(len(doc), i + MAX_PARENTHESIS_TOKENS)):
        if doc[j].text == ")":
            return True
        if doc[j].text == "(":
            return False
    return False
