"""The shared shell of our ONNX spaCy components (``kg_transformer_ner``, ``kg_transformer_parser``):
state is a folder of files that ``to_disk`` copies and ``from_disk`` loads; documents run in
batches so that the model sees many sentences per call."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc


class OnnxComponent:
    files: tuple[str, ...] = ()  # what a saved component holds

    def __init__(self, name: str, max_pieces: int, batch_size: int):
        self.name = name
        self.max_pieces = max_pieces
        self.batch_size = batch_size
        self.model = None
        self.source: Path | None = None  # the folder the model was loaded from

    def _open(self, folder: Path):
        """The runtime model in ``folder``."""
        raise NotImplementedError

    def _process(self, docs: list[Doc]) -> Iterator[Doc]:
        """Annotate a batch of documents, yielding them in order."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        if self.model is None:
            raise ValueError(f"{self.name}: no model loaded (load the pipeline from disk)")
        buffer: list[Doc] = []
        for doc in docs:
            buffer.append(doc)
            if len(buffer) >= batch_size:
                yield from self._process(buffer)
                buffer = []
        if buffer:
            yield from self._process(buffer)

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.model is None or self.source is None:
            raise ValueError(f"{self.name}: nothing to save")
        for name in self.files:
            if (self.source / name).resolve() != (path / name).resolve():
                shutil.copyfile(self.source / name, path / name)

    def from_disk(self, path, exclude=()):
        self.load(Path(path))
        return self

    def load(self, folder: Path) -> None:
        self.model = self._open(folder)
        self.source = folder
