"""Read the shared corpora (IOB TSV, CoNLL-U) and convert them to spaCy DocBin files.

The IOB files hold one ``token<TAB>tag`` per line and a blank line between sentences, with no
document boundaries; we group consecutive sentences into pseudo-documents so the NER model sees
some context and batches are reasonably sized.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ConfigError, InputError
from kg.nlp.wordpiece import iob_spans  # noqa: F401  (re-exported: readers, eval and training use it)

NER_CORPORA = ("bc5cdr", "bionlp13cg", "anatem", "craft", "jnlpba")
SPLIT_FILES = {"train": "train.tsv", "dev": "devel.tsv", "test": "test.tsv"}
SENTENCES_PER_DOC = 10


@dataclass(frozen=True)
class TaggedSentence:
    words: list[str]
    tags: list[str]  # IOB2 tags with labels upper-cased (B-CHEMICAL, I-CHEMICAL, O)


def default_corpora_dir() -> Path:
    """``$KG_CORPORA_DIR`` or ``<repo>/../shared/data/corpora``."""
    env = os.environ.get("KG_CORPORA_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpora"


def default_treebanks_dir() -> Path:
    env = os.environ.get("KG_TREEBANKS_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared" / "data" / "treebanks"


def corpus_split_path(corpora_dir: Path, corpus: str, split: str) -> Path:
    if corpus not in NER_CORPORA:
        raise ConfigError(f"unknown NER corpus {corpus!r}; choose one of {', '.join(NER_CORPORA)}")
    if split not in SPLIT_FILES:
        raise ConfigError(f"unknown split {split!r}; choose one of {', '.join(SPLIT_FILES)}")
    # BC5CDR ships PubTator/BioC at the top level and its IOB conversion under iob/.
    folder = corpora_dir / corpus / "iob" if corpus == "bc5cdr" else corpora_dir / corpus
    path = folder / SPLIT_FILES[split]
    if not path.is_file():
        raise InputError("corpus file not found", path=str(path))
    return path


def _normalise_tag(tag: str) -> str:
    if tag == "O":
        return "O"
    prefix, sep, label = tag.partition("-")
    if not sep or prefix not in ("B", "I") or not label:
        raise ValueError(f"not an IOB tag: {tag!r}")
    return f"{prefix}-{label.upper()}"


def read_iob(path: Path) -> Iterator[TaggedSentence]:
    """Sentences of an IOB TSV file. An I- tag that does not continue a same-label entity starts
    one (IOB1 leniency, as conlleval does), so the spans match CoNLL scoring."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for line_no, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                if words:
                    yield TaggedSentence(words, _repair_iob(tags))
                    words, tags = [], []
                continue
            fields = line.split("\t")
            if len(fields) != 2 or not fields[0]:
                raise InputError(
                    f"expected 'token<TAB>tag', got {line!r}", path=str(path), record=f"line {line_no}"
                )
            try:
                tag = _normalise_tag(fields[1].strip())
            except ValueError as exc:
                raise InputError(str(exc), path=str(path), record=f"line {line_no}") from exc
            words.append(fields[0])
            tags.append(tag)
    if words:
        yield TaggedSentence(words, _repair_iob(tags))


def _repair_iob(tags: list[str]) -> list[str]:
    repaired: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and (previous == "O" or previous[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        repaired.append(tag)
        previous = tag
    return repaired


def corpus_labels(sentences: list[TaggedSentence]) -> list[str]:
    return sorted({tag[2:] for sentence in sentences for tag in sentence.tags if tag != "O"})


def sentences_to_docs(vocab, sentences: list[TaggedSentence], per_doc: int = SENTENCES_PER_DOC) -> Iterator:
    """spaCy Docs of ``per_doc`` consecutive sentences, on the gold tokenization."""
    from spacy.tokens import Doc

    for first in range(0, len(sentences), per_doc):
        group = sentences[first : first + per_doc]
        words = [w for s in group for w in s.words]
        tags = [t for s in group for t in s.tags]
        sent_starts = [i == 0 for s in group for i in range(len(s.words))]
        yield Doc(vocab, words=words, spaces=[True] * len(words), ents=tags, sent_starts=sent_starts)


def convert_ner_split(corpora_dir: Path, corpus: str, split: str, output: Path) -> int:
    """Write one split as a DocBin; returns the number of sentences."""
    import spacy
    from spacy.tokens import DocBin

    sentences = list(read_iob(corpus_split_path(corpora_dir, corpus, split)))
    nlp = spacy.blank("en")
    docbin = DocBin(attrs=["ORTH", "SPACY", "SENT_START", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    for doc in sentences_to_docs(nlp.vocab, sentences):
        docbin.add(doc)
    output.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(output)
    return len(sentences)


# --- CoNLL-U (treebanks) ---------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedSentence:
    words: list[str]
    spaces: list[bool]
    lemmas: list[str]
    upos: list[str]
    tags: list[str]
    heads: list[int]  # absolute token index in the sentence; the root points at itself
    deps: list[str]


def read_conllu(path: Path) -> Iterator[ParsedSentence]:
    """Sentences of a CoNLL-U file; multi-word token lines and empty nodes are skipped."""
    import conllu

    with open(path, encoding="utf-8") as handle:
        for number, tokenlist in enumerate(conllu.parse_incr(handle), start=1):
            tokens = [t for t in tokenlist if isinstance(t["id"], int)]
            if not tokens:
                continue
            index = {t["id"]: i for i, t in enumerate(tokens)}
            try:
                heads = [i if t["head"] == 0 else index[t["head"]] for i, t in enumerate(tokens)]
            except KeyError as exc:
                raise InputError("head outside the sentence", path=str(path), record=f"sentence {number}") from exc
            yield ParsedSentence(
                words=[t["form"] for t in tokens],
                spaces=[(t["misc"] or {}).get("SpaceAfter") != "No" for t in tokens],
                lemmas=[t["lemma"] for t in tokens],
                upos=[t["upos"] for t in tokens],
                tags=[t["xpos"] or "_" for t in tokens],
                heads=heads,
                deps=["ROOT" if t["head"] == 0 else t["deprel"] for t in tokens],
            )


def parsed_to_docs(vocab, sentences: list[ParsedSentence], per_doc: int = SENTENCES_PER_DOC) -> Iterator:
    from spacy.tokens import Doc

    for first in range(0, len(sentences), per_doc):
        group = sentences[first : first + per_doc]
        words, spaces, lemmas, pos, tags, heads, deps, starts = [], [], [], [], [], [], [], []
        for s in group:
            offset = len(words)
            words += s.words
            spaces += s.spaces[:-1] + [True]
            lemmas += s.lemmas
            pos += s.upos
            tags += s.tags
            heads += [h + offset for h in s.heads]
            deps += s.deps
            starts += [i == 0 for i in range(len(s.words))]
        yield Doc(vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags,
                  heads=heads, deps=deps, sent_starts=starts)


def convert_conllu(path: Path, output: Path) -> int:
    import spacy
    from spacy.tokens import DocBin

    if not path.is_file():
        raise InputError("treebank file not found", path=str(path))
    sentences = list(read_conllu(path))
    nlp = spacy.blank("en")
    docbin = DocBin(store_user_data=False)
    for doc in parsed_to_docs(nlp.vocab, sentences):
        docbin.add(doc)
    output.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(output)
    return len(sentences)
