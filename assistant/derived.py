"""What the index derives from its passages, saved beside the Chroma collection under the same name
(the corpus fingerprint), so that a process opens a large index in well under a second:

    data_dir/derived/<collection>/
        manifest.json        what it was built from: passage count, embedding model, the documents
        ids.json             the passages' content ids, in corpus order
        passages.jsonl       one passage a line (+ passages.offsets.npy): read one at a time, memory-mapped
        vectors.npy          the passages' vectors, in corpus order (memory-mapped; reused by the next build)
        bm25/                the lexical index (see lexical.py), memory-mapped
        vocabulary.json      the words of the passages about each subject
        sentences.json       sentences embedded up front (+ sentence_vectors.npy)
    data_dir/derived/corpora/<corpus key>   the collection name of a corpus whose files hash to that key

A folder is written under a temporary name and renamed into place when complete, so a reader sees a
whole one or none; it is never changed afterwards.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import shutil
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from .lexical import BM25
from .types import Passage

FORMAT = "1"  # bump when what is saved here changes


def root(data_dir: Path) -> Path:
    return Path(data_dir) / "derived"


def folder(data_dir: Path, name: str) -> Path:
    return root(data_dir) / name


def corpus_key(corpus_dir: Path, suffixes, parts: list[str]) -> str:
    """A hash of every corpus file's name and bytes and of what else decides the passages ("" when
    there is no such folder: reading the corpus then says so)."""
    if not Path(corpus_dir).is_dir():
        return ""
    h = hashlib.sha256("\x1e".join([FORMAT, *parts]).encode())
    for path in sorted(p for p in Path(corpus_dir).iterdir() if p.is_file() and p.suffix.lower() in suffixes):
        h.update(f"\x1e{path.name}\x1f".encode())
        with open(path, "rb") as f:
            h.update(hashlib.file_digest(f, "sha256").digest())
    return h.hexdigest()


def name_for(data_dir: Path, key: str) -> str | None:
    try:
        return (root(data_dir) / "corpora" / key).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def remember(data_dir: Path, key: str, name: str) -> None:
    path = root(data_dir) / "corpora" / key
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{key}.{uuid.uuid4().hex[:8]}")
    tmp.write_text(name, encoding="utf-8")
    os.replace(tmp, path)


def is_complete(data_dir: Path, name: str) -> bool:
    return (folder(data_dir, name) / "manifest.json").is_file()


def save(data_dir: Path, name: str, passages: list[Passage], vectors: np.ndarray, bm25: BM25,
         vocabulary: dict[str, list[str]], manifest: dict) -> Path:
    """Write the derived data of one collection (once; a complete folder is left as it is)."""
    target = folder(data_dir, name)
    if is_complete(data_dir, name):
        return target
    tmp = target.with_name(f".{name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.mkdir(parents=True)
    try:
        (tmp / "ids.json").write_text(json.dumps([p.chunk_id for p in passages]), encoding="utf-8")
        offsets = [0]
        with open(tmp / "passages.jsonl", "wb") as f:
            for p in passages:
                line = json.dumps(p.__dict__, ensure_ascii=False).encode() + b"\n"
                f.write(line)
                offsets.append(offsets[-1] + len(line))
        np.save(tmp / "passages.offsets.npy", np.asarray(offsets, dtype=np.int64))
        np.save(tmp / "vectors.npy", np.asarray(vectors, dtype=np.float32))
        bm25.save(tmp / "bm25")
        (tmp / "vocabulary.json").write_text(json.dumps(vocabulary), encoding="utf-8")
        (tmp / "manifest.json").write_text(json.dumps({**manifest, "format": FORMAT, "passages": len(passages)}),
                                           encoding="utf-8")
        if target.exists():  # an incomplete leftover
            shutil.rmtree(target, ignore_errors=True)
        os.rename(tmp, target)
    except FileExistsError:  # another process finished first
        shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def save_sentences(data_dir: Path, name: str, sentences: dict[str, list[float]]) -> None:
    """The sentences embedded up front, so the next process need not embed them again."""
    base = folder(data_dir, name)
    if not sentences or (base / "sentences.json").exists() or not base.is_dir():
        return
    tag = uuid.uuid4().hex[:8]
    np.save(base / f"sentence_vectors.{tag}.npy", np.asarray(list(sentences.values()), dtype=np.float32))
    os.replace(base / f"sentence_vectors.{tag}.npy", base / "sentence_vectors.npy")
    (base / f"sentences.{tag}.json").write_text(json.dumps(list(sentences)), encoding="utf-8")
    os.replace(base / f"sentences.{tag}.json", base / "sentences.json")  # written last: marks both complete


def load_sentences(data_dir: Path, name: str) -> tuple[dict[str, int], np.ndarray | None]:
    base = folder(data_dir, name)
    try:
        keys = json.loads((base / "sentences.json").read_text(encoding="utf-8"))
        vectors = np.load(base / "sentence_vectors.npy", mmap_mode="r")
    except (OSError, ValueError):
        return {}, None
    if len(keys) != len(vectors):
        return {}, None
    return {k: i for i, k in enumerate(keys)}, vectors


class StoredPassages(Sequence):
    """The passages of a derived folder, decoded one at a time from a memory-mapped file."""

    def __init__(self, base: Path):
        self.offsets = np.load(base / "passages.offsets.npy")
        with open(base / "passages.jsonl", "rb") as f:
            self.data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if self.offsets[-1] else b""
        self.cache: dict[int, Passage] = {}

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        p = self.cache.get(i)
        if p is None:
            fields = json.loads(self.data[int(self.offsets[i]):int(self.offsets[i + 1])])
            p = self.cache[i] = Passage(**{**fields, "subjects": tuple(fields["subjects"])})
        return p


class ById(Mapping):
    """chunk id -> passage, over a passage sequence and its ids."""

    def __init__(self, ids: list[str], passages: Sequence):
        self.position = {cid: i for i, cid in enumerate(ids)}
        self.passages = passages

    def __getitem__(self, cid: str) -> Passage:
        return self.passages[self.position[cid]]

    def __contains__(self, cid) -> bool:
        return cid in self.position

    def __iter__(self):
        return iter(self.position)

    def __len__(self) -> int:
        return len(self.position)


class Derived:
    """A derived folder, opened: passages, vectors and BM25 memory-mapped, the rest read."""

    def __init__(self, data_dir: Path, name: str):
        base = folder(data_dir, name)
        self.manifest = json.loads((base / "manifest.json").read_text(encoding="utf-8"))
        self.ids: list[str] = json.loads((base / "ids.json").read_text(encoding="utf-8"))
        self.passages = StoredPassages(base)
        self.by_id = ById(self.ids, self.passages)
        self.vectors = np.load(base / "vectors.npy", mmap_mode="r")
        self.bm25 = BM25.load(base / "bm25")
        self.vocabulary = {k: frozenset(v) for k, v in
                           json.loads((base / "vocabulary.json").read_text(encoding="utf-8")).items()}
        if not (len(self.ids) == len(self.passages) == self.bm25.n_docs == self.manifest["passages"]):
            raise ValueError(f"derived data of {name} is inconsistent")


def saved_builds(data_dir: Path, model: str) -> list[str]:
    """Names of the saved builds made with this embedding model, newest first."""
    base = root(data_dir)
    found = []
    for path in base.iterdir() if base.is_dir() else []:
        try:
            manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if manifest.get("embedding_model") == model and not path.name.startswith("."):
            found.append(((path / "manifest.json").stat().st_mtime, path.name))
    return [name for _, name in sorted(found, reverse=True)]


def saved_ids(data_dir: Path, name: str) -> list[str]:
    try:
        return json.loads((folder(data_dir, name) / "ids.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []


def reusable_vectors(data_dir: Path, model: str) -> dict[str, np.ndarray]:
    """content id -> vector from the other saved builds made with the same embedding model, newest
    first (the vectors of passages that did not change)."""
    out: dict[str, np.ndarray] = {}
    base = root(data_dir)
    candidates = [p for p in base.iterdir() if p.is_dir() and (p / "manifest.json").is_file()] if base.is_dir() else []
    for path in sorted(candidates, key=lambda p: (p / "manifest.json").stat().st_mtime, reverse=True):
        try:
            manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
            if manifest.get("embedding_model") != model:
                continue
            ids = json.loads((path / "ids.json").read_text(encoding="utf-8"))
            vectors = np.load(path / "vectors.npy", mmap_mode="r")
        except (OSError, ValueError):
            continue
        if len(ids) != len(vectors):
            continue
        for i, cid in enumerate(ids):
            out.setdefault(cid, vectors[i])
    return out


def drop(data_dir: Path, name: str) -> None:
    shutil.rmtree(folder(data_dir, name), ignore_errors=True)


def sweep(data_dir: Path, prefix: str, older_than_s: float) -> None:
    """Remove what killed writers left: temporary folders of this prefix older than ``older_than_s``."""
    import time

    base = root(data_dir)
    for path in base.glob(f".{prefix}-*.tmp") if base.is_dir() else []:
        try:
            if time.time() - path.stat().st_mtime > older_than_s:
                shutil.rmtree(path, ignore_errors=True)
        except OSError:
            pass
