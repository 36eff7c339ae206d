"""Sparse features for the relation classifier: entity pairs of a document in sentence context.

Two levels, both plain ``dict[str, float]`` so a ``DictVectorizer`` turns them into a sparse matrix:

* **mention pair** (two mentions in one sentence, or in neighbouring sentences): the words between
  them with other entities masked by category, window words, order and category of each side,
  distance, trigger-word groups, negation cues;
* **entity pair** (BioRED's unit: two entity ids in one document): the union of its mention-pair
  features plus document-level salience (mentions per entity, title, most frequent entity of its
  category, number of sentences where both occur).

Features depend only on the document text, sentence boundaries and mention offsets, never on a
parser, so training (gold mentions, simple sentence splitter) and inference (our pipeline) agree.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from dataclasses import dataclass, field

from kg.types import AnnotatedDoc, Mention, Sentence
from kg.vocab import Category

# Our categories -> the four entity classes BioRED annotates relations between. Mentions of other
# categories (cells, anatomy, processes, organisms) are left to the pattern extractor.
CLASS_OF_CATEGORY: dict[Category, str] = {
    Category.CHEMICAL: "Chem",
    Category.GENE: "Gene",
    Category.DISEASE: "Dis",
    Category.PHENOTYPE: "Dis",
    Category.VARIANT: "Var",
}
# Subject precedence when a BioRED type is mapped to a directed type (see classifier.py).
CLASS_PRECEDENCE = {"Chem": 0, "Var": 1, "Gene": 2, "Dis": 3}
# Class pairs BioRED annotates (Disease-Disease never occurs in its training set).
ALLOWED_CLASS_PAIRS = {
    frozenset(p) for p in [
        ("Chem", "Dis"), ("Chem", "Gene"), ("Chem", "Chem"), ("Chem", "Var"), ("Gene", "Dis"),
        ("Gene", "Gene"), ("Gene", "Var"), ("Var", "Dis"), ("Var", "Var"),
    ]
}

# Stems of words that signal a relation, by the BioRED type they point to.
TRIGGER_GROUPS: dict[str, tuple[str, ...]] = {
    "pos": ("increas", "induc", "elevat", "upregul", "up-regul", "promot", "enhanc", "activat", "caus",
            "stimul", "potentiat", "exacerbat", "aggravat", "trigger", "accumul", "overexpress", "risk",
            "toxic", "develop", "produc", "augment", "facilitat", "evok", "provok", "lead", "result"),
    "neg": ("decreas", "reduc", "inhibit", "suppress", "attenuat", "block", "prevent", "protect", "treat",
            "therap", "alleviat", "amelior", "downregul", "down-regul", "lower", "antagon", "abolish",
            "diminish", "impair", "loss", "deficien", "revers", "rescu", "improv", "efficac", "relie",
            "resist", "abrogat", "restor", "counteract", "effective"),
    "assoc": ("associat", "correlat", "link", "relat", "mutat", "variant", "polymorph", "carrier", "patient",
              "found", "identif", "express", "level", "role", "involv", "implicat", "contribut"),
    "bind": ("bind", "bound", "interact", "complex", "recruit", "phosphoryl", "ligand", "receptor", "dock",
             "substrat", "partner"),
    "co": ("combin", "plus", "cotreat", "co-treat", "together", "adjunct", "add-on", "concomitant"),
    "cmp": ("compar", "versus", "vs", "than", "superior", "inferior", "similar"),
    "neg_cue": ("not", "no", "neither", "nor", "without", "fail", "lack", "absence", "unaffect", "unchang",
                "none", "cannot"),
    "hedge": ("may", "might", "could", "suggest", "possibl", "potential", "putative", "hypothes", "whether"),
}
_TRIGGER_INDEX = [(stem, group) for group, stems in TRIGGER_GROUPS.items() for stem in stems]

TOKEN_PATTERN = re.compile(r"\w+(?:[-']\w+)*|[^\w\s]")
MAX_BETWEEN = 24  # between-context longer than this keeps only its two ends


@lru_cache(maxsize=1 << 16)
def normalize_word(word: str) -> str:
    word = word.lower()
    return re.sub(r"\d", "0", word)


def stem(word: str) -> str:
    return word[:6]


@lru_cache(maxsize=1 << 16)
def trigger_groups(word: str) -> tuple[str, ...]:
    return tuple(sorted({group for s, group in _TRIGGER_INDEX if word.startswith(s)}))


def bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


@dataclass
class EntityGroup:
    """Mentions of one entity (same id) in one document."""

    key: str
    cls: str
    mentions: list[Mention] = field(default_factory=list)
    sentence_ids: list[int] = field(default_factory=list)  # per mention

    @property
    def name(self) -> str:
        return Counter(m.text for m in self.mentions).most_common(1)[0][0]


@dataclass
class MentionPair:
    first: Mention  # the mention that comes first in the text
    second: Mention
    first_is_a: bool  # whether ``first`` belongs to entity a of the pair
    window: tuple[int, int]  # first and last sentence index of the window
    features: dict[str, float]


@dataclass
class PairInstance:
    """A candidate entity pair (a, b), a before b by class precedence then key."""

    doc_id: str
    a: EntityGroup
    b: EntityGroup
    features: dict[str, float]
    mention_pairs: list[MentionPair]

    @property
    def key(self) -> tuple[str, str]:
        return (self.a.key, self.b.key)


def entity_key(mention: Mention, ids: list[str] | None = None) -> list[str]:
    """Grouping keys of a mention: its ids when known, otherwise its normalized text."""
    if ids:
        return ids
    if mention.curie:
        return [mention.curie]
    return ["text:" + re.sub(r"\s+", " ", mention.text.lower()).strip()]


def sentence_of(offset: int, sentences: list[Sentence]) -> int:
    """Index (position in ``sentences``) of the sentence that holds a character offset."""
    lo, hi = 0, len(sentences) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sentences[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def group_entities(adoc: AnnotatedDoc, ids_of=None) -> tuple[list[EntityGroup], dict[int, int]]:
    """Mentions of BioRED classes grouped into entities; also mention index -> sentence position."""
    groups: dict[str, EntityGroup] = {}
    sentence_pos: dict[int, int] = {}
    for index, mention in enumerate(adoc.mentions):
        cls = CLASS_OF_CATEGORY.get(mention.category)
        if cls is None or not adoc.sentences:
            continue
        position = sentence_of(mention.start, adoc.sentences)
        sentence_pos[index] = position
        for key in entity_key(mention, ids_of(mention) if ids_of else None):
            group = groups.setdefault(key, EntityGroup(key=key, cls=cls))
            group.mentions.append(mention)
            group.sentence_ids.append(position)
    return list(groups.values()), sentence_pos


def _tokens(text: str, start: int, end: int, masks: list[tuple[int, int, str]]) -> list[str]:
    """Tokens of text[start:end]; each masked span becomes one placeholder token."""
    out: list[str] = []
    cursor = start
    for m_start, m_end, placeholder in sorted(masks):
        if m_end <= cursor or m_start >= end:
            continue
        if m_start > cursor:
            out.extend(normalize_word(t) for t in TOKEN_PATTERN.findall(text[cursor:m_start]))
        out.append(placeholder)
        cursor = max(cursor, m_end)
    if cursor < end:
        out.extend(normalize_word(t) for t in TOKEN_PATTERN.findall(text[cursor:end]))
    # A run of one placeholder (overlapping or nested mentions) is one token.
    return [t for i, t in enumerate(out) if not (t.startswith("@") and i and out[i - 1] == t)]


def mention_pair_features(text: str, sentences: list[Sentence], first: Mention, second: Mention,
                          first_cls: str, second_cls: str, window: tuple[int, int],
                          others: list[Mention]) -> dict[str, float]:
    """Features of two mentions (``first`` before ``second`` in the text) in one context window."""
    start, end = sentences[window[0]].start, sentences[window[1]].end
    masks = [(m.start, m.end, "@" + CLASS_OF_CATEGORY.get(m.category, "X"))
             for m in others if m.start >= start and m.end <= end
             and not (m.start < first.end and m.end > first.start)
             and not (m.start < second.end and m.end > second.start)]
    between = _tokens(text, first.end, second.start, masks) if second.start >= first.end else []
    left = _tokens(text, start, first.start, masks)[-3:]
    right = _tokens(text, second.end, end, masks)[:3]
    tp = f"{first_cls}>{second_cls}"
    f: dict[str, float] = {"tp=" + tp: 1.0, "sdist=" + str(window[1] - window[0]): 1.0}
    f["dist=" + bucket(len(between), (0, 1, 2, 4, 7, 12, 20))] = 1.0
    f["tp_dist=" + tp + bucket(len(between), (2, 7, 20))] = 1.0
    entities_between = sum(1 for t in between if t.startswith("@"))
    f["nent=" + bucket(entities_between, (0, 1, 3))] = 1.0
    if len(between) > MAX_BETWEEN:
        between = between[:MAX_BETWEEN // 2] + ["..."] + between[-MAX_BETWEEN // 2:]
    for word in between:
        f["bw=" + word] = 1.0
        f["bs=" + stem(word)] = 1.0
        f["tpbs=" + tp + "|" + stem(word)] = 1.0
        for group in trigger_groups(word):
            f["trig=" + group] = 1.0
            f["trig_tp=" + group + "|" + tp] = 1.0
    for w1, w2 in zip(between, between[1:]):
        f["bb=" + w1 + "_" + w2] = 1.0
    if len(between) <= 4:
        f["bseq=" + "_".join(between)] = 1.0
    for i, word in enumerate(reversed(left), 1):
        f[f"l{i}=" + word] = 1.0
        for group in trigger_groups(word):
            f["ltrig=" + group] = 1.0
    for i, word in enumerate(right, 1):
        f[f"r{i}=" + word] = 1.0
        for group in trigger_groups(word):
            f["rtrig=" + group] = 1.0
    # Words of the whole window that carry a trigger (verbs outside the pair's span matter too).
    window_words = _tokens(text, start, end, masks)
    for word in window_words:
        for group in trigger_groups(word):
            f["wtrig_tp=" + group + "|" + tp] = 1.0
    for word in set(window_words):
        if not word.startswith("@") and len(word) > 3:
            f["ws=" + stem(word)] = 0.5
    f["h1=" + normalize_word(first.text.split()[-1])] = 1.0
    f["h2=" + normalize_word(second.text.split()[-1])] = 1.0
    return f


def entity_context(text: str, group: EntityGroup, mentions: list[Mention], width: int = 2) -> set[str]:
    """Stems of the words next to an entity's mentions anywhere in the document ("X-induced", "levels of X")."""
    words: set[str] = set()
    masks = [(m.start, m.end, "@" + CLASS_OF_CATEGORY.get(m.category, "X")) for m in mentions]
    for m in group.mentions:
        own = [mask for mask in masks if not (mask[0] < m.end and mask[1] > m.start)]
        left = _tokens(text, max(0, m.start - 40), m.start, own)[-width:]
        right = _tokens(text, m.end, min(len(text), m.end + 40), own)[:width]
        words.update("L" + stem(w) for w in left)
        words.update("R" + stem(w) for w in right)
    return words


def pair_instances(adoc: AnnotatedDoc, window: int = 1, ids_of=None) -> list[PairInstance]:
    """All candidate entity pairs of a document with at least one mention pair within ``window``
    sentences of each other, each with its features and mention pairs."""
    text = adoc.document.text
    groups, sentence_pos = group_entities(adoc, ids_of)
    if not groups:
        return []
    title_end = len(adoc.document.title)
    class_mentions = [m for i, m in enumerate(adoc.mentions) if i in sentence_pos]
    frequency = {g.key: len(g.mentions) for g in groups}
    top_of_class: dict[str, int] = defaultdict(int)
    for g in groups:
        top_of_class[g.cls] = max(top_of_class[g.cls], frequency[g.key])
    by_sentence: dict[int, list[tuple[EntityGroup, Mention]]] = defaultdict(list)
    for g in groups:
        for m, s in zip(g.mentions, g.sentence_ids):
            by_sentence[s].append((g, m))

    def order(g1: EntityGroup, g2: EntityGroup) -> tuple[EntityGroup, EntityGroup]:
        k1 = (CLASS_PRECEDENCE[g1.cls], -frequency[g1.key], g1.key)
        k2 = (CLASS_PRECEDENCE[g2.cls], -frequency[g2.key], g2.key)
        return (g1, g2) if k1 <= k2 else (g2, g1)

    context = {g.key: entity_context(text, g, class_mentions) for g in groups}
    document_words = {stem(w) for w in _tokens(text, 0, len(text), []) if len(w) > 3 and w.isalpha()}

    pairs: dict[tuple[str, str], list[MentionPair]] = defaultdict(list)
    groups_of_pair: dict[tuple[str, str], tuple[EntityGroup, EntityGroup]] = {}
    for s in sorted(by_sentence):
        for s2 in range(s, s + window + 1):
            if s2 not in by_sentence:
                continue
            for g1, m1 in by_sentence[s]:
                for g2, m2 in by_sentence[s2]:
                    if g1.key == g2.key or (s2 == s and (m2.start, m2.end) <= (m1.start, m1.end)):
                        continue
                    if frozenset((g1.cls, g2.cls)) not in ALLOWED_CLASS_PAIRS:
                        continue
                    if m1.start < m2.end and m2.start < m1.end:  # overlapping mentions
                        continue
                    a, b = order(g1, g2)
                    first, second = (m1, m2) if m1.start <= m2.start else (m2, m1)
                    first_group = g1 if first is m1 else g2
                    cls_first = first_group.cls
                    cls_second = (g2 if first is m1 else g1).cls
                    feats = mention_pair_features(text, adoc.sentences, first, second, cls_first, cls_second,
                                                  (s, s2), class_mentions)
                    pairs[(a.key, b.key)].append(MentionPair(first, second, first_group is a, (s, s2), feats))
                    groups_of_pair[(a.key, b.key)] = (a, b)

    instances = []
    for key, mention_pairs in pairs.items():
        a, b = groups_of_pair[key]
        f: dict[str, float] = {}
        for mp in mention_pairs:
            # Evidence across a sentence boundary is weaker: keep it apart from same-sentence evidence.
            prefix = "" if mp.window[0] == mp.window[1] else "x:"
            for name, value in mp.features.items():
                name = prefix + name
                if value > f.get(name, 0.0):
                    f[name] = value
        tp = f"{a.cls}-{b.cls}"
        same_sentence = {mp.window[0] for mp in mention_pairs if mp.window[0] == mp.window[1]}
        f["d_tp=" + tp] = 1.0
        f["d_cosent=" + bucket(len(same_sentence), (0, 1, 2, 4))] = 1.0
        f["d_tp_cosent=" + tp + bucket(len(same_sentence), (0, 1, 3))] = 1.0
        f["d_npairs=" + bucket(len(mention_pairs), (1, 2, 4, 8))] = 1.0
        for side, g in (("a", a), ("b", b)):
            f[f"d_freq_{side}=" + bucket(frequency[g.key], (1, 2, 3, 5, 8))] = 1.0
            is_top = frequency[g.key] == top_of_class[g.cls]
            in_title = any(m.start < title_end for m in g.mentions)
            f[f"d_top_{side}={is_top}"] = 1.0
            f[f"d_title_{side}={in_title}"] = 1.0
            f[f"d_tp_top_{side}={tp}|{is_top}"] = 1.0
            f[f"d_tp_title_{side}={tp}|{in_title}"] = 1.0
        for word in document_words:
            f[f"d_bow={tp}|{word}"] = 0.3
        for side, g, other in (("a", a, b), ("b", b, a)):
            for word in context[g.key]:
                f[f"ctx_{side}={other.cls}|{word}"] = 1.0
        instances.append(PairInstance(adoc.document.id, a, b, f, mention_pairs))
    return instances
