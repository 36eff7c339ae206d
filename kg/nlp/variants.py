"""Sequence variants (``kg_variants``): dbSNP ids and HGVS-style mutations, normalized by rule.

No NER model of ours is trained on variants, and their names follow a nomenclature a pattern
reads exactly: ``rs113488022``, ``c.229T>C``, ``c.528delT``, ``p.Arg215Trp``, ``p.(R215W)``,
and the bare protein forms ``V600E`` / ``Ser311Cys``. Each match becomes a SequenceVariant span
in ``doc.spans["variants"]`` whose ``kb_id`` is ``DBSNP:rs...`` or the tmVar normalized form
PubTator and BioRED use (``tmVar:p|SUB|R|215|W``), so the same mutation written two ways is one
node. Bare protein forms are accepted only between word boundaries and with two different
residues, which keeps names such as "S100" or "T4" out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from kg.vocab import Category

VARIANT_SPANS = "variants"

_THREE_TO_ONE = {
    "ala": "A", "arg": "R", "asn": "N", "asp": "D", "cys": "C", "gln": "Q", "glu": "E", "gly": "G",
    "his": "H", "ile": "I", "leu": "L", "lys": "K", "met": "M", "phe": "F", "pro": "P", "ser": "S",
    "thr": "T", "trp": "W", "tyr": "Y", "val": "V", "ter": "X", "stop": "X", "*": "X", "x": "X",
}
_ONE = "ACDEFGHIKLMNPQRSTVWY"
_THREE = "Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val"
_NT = "[ACGTU]"
_POSITION = r"[-*]?\d+(?:[+-]\d+)?(?:_[-*]?\d+(?:[+-]\d+)?)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("rs", re.compile(r"\brs\d{3,}\b")),
    # c.229T>C, g.3512C>A, c.463-6T>G
    ("dna_sub", re.compile(rf"\b(?P<kind>[cgmnr])\.\s?(?P<pos>{_POSITION})(?P<ref>{_NT})>(?P<alt>{_NT})(?!\w)")),
    # c.528delT, c.436_436+1delAG, c.1234_1235insGA, c.100dupA
    ("dna_edit", re.compile(
        rf"\b(?P<kind>[cgmnr])\.\s?(?P<pos>{_POSITION})(?P<op>del|ins|dup)(?P<seq>{_NT}*|\d+)(?!\w)")),
    # p.Arg215Trp, p.(R215W), p.E947stop, p.R215*
    ("protein", re.compile(
        rf"\bp\.\s?\(?(?P<ref>{_THREE}|[{_ONE}])(?P<pos>\d+)(?P<alt>{_THREE}|Ter|stop|[{_ONE}X*])\)?(?![\w])")),
    # Ser311Cys
    ("protein_bare", re.compile(rf"(?<![\w-])(?P<ref>{_THREE})(?P<pos>\d+)(?P<alt>{_THREE}|Ter)(?![\w-])")),
    # V600E (position of two digits or more: "T4", "C3a" are not variants)
    ("protein_bare", re.compile(rf"(?<![\w-])(?P<ref>[{_ONE}])(?P<pos>\d{{2,5}})(?P<alt>[{_ONE}X])(?![\w-])")),
]


def _residue(code: str) -> str:
    return code if len(code) == 1 and code != "*" else _THREE_TO_ONE.get(code.lower(), code)


def normalize(kind: str, match: re.Match[str]) -> str | None:
    """The variant's CURIE (``DBSNP:rs...`` or ``tmVar:<tmVar normalized form>``), None to reject."""
    if kind == "rs":
        return f"DBSNP:{match.group(0)}"
    groups = match.groupdict()
    if kind == "dna_sub":
        return f"tmVar:{groups['kind']}|SUB|{groups['ref']}|{groups['pos']}|{groups['alt']}"
    if kind == "dna_edit":
        return f"tmVar:{groups['kind']}|{groups['op'].upper()}|{groups['pos']}|{groups['seq']}"
    ref, alt = _residue(groups["ref"]), _residue(groups["alt"])
    if ref == alt:
        return None  # "Ala123Ala"-like synonymous notation is rare; bare forms like "S100S" are names
    return f"tmVar:p|SUB|{ref}|{groups['pos']}|{alt}"


def find_variants(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, curie) of every variant mention in ``text``."""
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            curie = normalize(kind, match)
            if curie:
                end = match.end()
                if match.group(0).endswith(")") and "(" not in match.group(0):
                    end -= 1  # "(p.Val600Glu)": the closing parenthesis is the sentence's
                yield match.start(), end, curie


@Language.factory("kg_variants")
def make_variant_matcher(nlp: Language, name: str) -> VariantMatcher:
    return VariantMatcher()


class VariantMatcher:
    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end, curie in find_variants(doc.text):
            span = doc.char_span(start, end, label=Category.VARIANT.value, kb_id=curie, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[VARIANT_SPANS] = filter_spans(spans)
        return doc
