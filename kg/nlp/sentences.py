"""Sentence boundaries at line breaks (``kg_line_breaks``).

Titles rarely end in a full stop, and the title and abstract are joined by one newline;
without this the title would run into the first abstract sentence. Other boundaries are
left to the parser or the sentencizer that follows.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc
