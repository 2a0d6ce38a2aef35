"""The Chroma side of the index: the client, building a collection (reusing the vectors of passages
that did not change), reading one back, and dropping old builds.

A build writes into a temporary collection and is renamed into place only when complete, so an
interrupted build leaves the previous index serving and no answer ever mixes two builds.
"""

from __future__ import annotations

import logging
import re
import shutil
import time
import uuid
from pathlib import Path
from typing import Callable

import numpy as np

from .settings import Settings
from .types import IndexFailure, Passage

log = logging.getLogger("assistant")
Progress = Callable[[int, int], None]  # (done, total)
ADD_BATCH = 1000  # passages per Chroma add (well under its max batch size)
EMBED_CHUNK = 1024  # passages per embedding call: sorted by length, so batches pad little
READ_PAGE = 5000  # passages per Chroma read (SQLite caps variables per query)
STALE_BUILD_SECONDS = 3600


def chroma_path(settings: Settings) -> Path:
    return Path(settings.data_dir) / "chroma"


def make_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        from urllib.parse import urlparse

        url = urlparse(settings.chroma_url)
        try:
            client = chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
            client.heartbeat()
            return client
        except Exception as exc:
            raise IndexFailure(f"cannot reach the Chroma server at {settings.chroma_url}: {exc}") from None
    path = chroma_path(settings)
    path.mkdir(parents=True, exist_ok=True)
    try:
        client = chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        client.list_collections()
        return client
    except Exception as exc:
        aside = path.with_name(f"chroma.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        log.warning("the index in %s is corrupt (%s); moved it to %s and rebuilding", path, exc, aside)
        shutil.move(str(path), str(aside))
        path.mkdir(parents=True)
        from chromadb.api.shared_system_client import SharedSystemClient

        # chroma caches one client per path: forget the broken one (only this path's)
        SharedSystemClient._identifier_to_system.pop(str(path), None)
        SharedSystemClient._identifier_to_refcount.pop(str(path), None)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def looks_intact(settings: Settings) -> bool:
    """A cheap check, without loading Chroma, that the embedded index's database is still a
    database (a damaged one takes the slow path, where Chroma finds it corrupt and it is rebuilt)."""
    if settings.chroma_url:
        return True
    try:
        with open(chroma_path(settings) / "chroma.sqlite3", "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def complete_collection(client, name: str, expected: int, extras_allowed: bool = False):
    try:
        collection = client.get_collection(name, embedding_function=None)
    except Exception:
        return None
    try:
        count = collection.count()
    except Exception as exc:
        log.warning("index %s cannot be read (%s); rebuilding it", name, exc)
        return None
    if count < expected or (count > expected and not extras_allowed):
        log.warning("index %s holds %d passages, the corpus %d; rebuilding it", name, count, expected)
        return None
    return collection


def missing_vectors(passages: list[Passage], reuse: dict[str, np.ndarray], embeddings, texts: list[str] | None = None):
    """The passages' vectors (those in ``reuse`` by content id, the others None), and a generator that
    embeds the others (``texts``, else the passages' own), shortest first in chunks (batches of like
    length pad little), filling them in and yielding the rows of each chunk."""
    texts = texts or [p.text for p in passages]
    vectors: list[np.ndarray | None] = [reuse.get(p.chunk_id) for p in passages]
    todo = sorted((i for i, v in enumerate(vectors) if v is None), key=lambda i: len(texts[i]))

    def embed():
        for start in range(0, len(todo), EMBED_CHUNK):
            chunk = todo[start:start + EMBED_CHUNK]
            for i, vector in zip(chunk, embeddings.embed_documents([texts[i] for i in chunk])):
                vectors[i] = np.asarray(vector, dtype=np.float32)
            yield chunk

    return vectors, todo, embed()


def writer(collection, passages: list[Passage], vectors: list, total: int, progress: Progress | None):
    """A function that writes rows of passages (with their vectors) to the collection, in batches."""
    done = 0

    def write(rows: list[int]) -> None:
        nonlocal done
        for start in range(0, len(rows), ADD_BATCH):
            batch = rows[start:start + ADD_BATCH]
            collection.upsert(ids=[passages[i].chunk_id for i in batch], documents=[passages[i].text for i in batch],
                              metadatas=[passages[i].metadata() for i in batch],
                              embeddings=np.asarray([vectors[i] for i in batch], dtype=np.float32))
            done += len(batch)
            if progress:
                progress(done, total)

    return write


def build(client, name: str, passages: list[Passage], embeddings, settings: Settings, model: str,
          reuse: dict[str, np.ndarray], progress: Progress | None = None,
          texts: list[str] | None = None) -> tuple[np.ndarray, int]:
    """Write every passage into a temporary collection, then rename it into place. Passages whose
    content id is in ``reuse`` keep that vector; only the others are embedded. Returns the vectors
    (in passage order) and how many passages were embedded."""
    temp = f"{settings.collection_prefix}-building-{uuid.uuid4().hex[:12]}"
    collection = client.create_collection(
        temp, embedding_function=None,
        metadata={"hnsw:space": "cosine", "embedding_model": model, "started_at": time.time()},
    )
    vectors, todo, embedded_chunks = missing_vectors(passages, reuse, embeddings, texts)
    write = writer(collection, passages, vectors, len(passages), progress)
    try:
        write([i for i, v in enumerate(vectors) if v is not None])
        for chunk in embedded_chunks:
            write(chunk)
        if collection.count() != len(passages):
            raise IndexFailure(f"index build wrote {collection.count()} of {len(passages)} passages")
        retire(client, name, settings.collection_prefix)  # a forced rebuild: the old one steps aside
        collection.modify(name=name)
    except BaseException:
        try:
            client.delete_collection(temp)
        except Exception:
            pass
        raise
    return np.vstack(vectors) if vectors else np.zeros((0, 0), dtype=np.float32), len(todo)


def update(client, previous: str, name: str, passages: list[Passage], embeddings, settings: Settings,
           reuse: dict[str, np.ndarray], progress: Progress | None = None,
           texts: list[str] | None = None) -> tuple[np.ndarray, int]:
    """Bring the collection of the previous build up to date in place: embed and add only the new or
    changed passages, then rename it to this build's name. Until the rename, the previous index
    serves (its searches keep only its own passages); the passages that vanished are deleted when the
    previous build is dropped (see Index.drop_other_builds). A killed update leaves extra passages
    that no index returns, which the next update overwrites."""
    collection = client.get_collection(previous, embedding_function=None)
    vectors, todo, embedded_chunks = missing_vectors(passages, reuse, embeddings, texts)
    write = writer(collection, passages, vectors, len(todo), progress)
    for chunk in embedded_chunks:
        write(chunk)
    retire(client, name, settings.collection_prefix)
    collection.modify(name=name)
    return np.vstack(vectors), len(todo)


def read_back(collection, expected: list[str]) -> tuple[list[Passage], np.ndarray]:
    """Every passage and vector of a collection, in pages, ordered as ``expected`` (chunk ids)."""
    found: dict[str, tuple[Passage, np.ndarray]] = {}
    for start in range(0, collection.count(), READ_PAGE):
        page = collection.get(include=["documents", "metadatas", "embeddings"], limit=READ_PAGE, offset=start)
        for cid, text, meta, vector in zip(page["ids"], page["documents"], page["metadatas"], page["embeddings"]):
            found[cid] = (Passage.from_stored(text, meta), np.asarray(vector, dtype=np.float32))
    if set(found) != set(expected):
        raise IndexFailure(f"index {collection.name} does not hold the corpus passages")
    return [found[c][0] for c in expected], np.vstack([found[c][1] for c in expected])


def retire(client, name: str, prefix: str) -> None:
    """Rename an existing collection out of the way (dropped later, never before the new one is in)."""
    try:
        client.get_collection(name, embedding_function=None).modify(name=f"{prefix}-retired-{uuid.uuid4().hex[:12]}")
    except Exception:
        pass


def drop_other_builds(client, prefix: str, keep: str, on_drop: Callable[[str], None] = lambda name: None) -> None:
    """Remove older builds of this corpus (and leftovers of interrupted ones)."""
    try:
        names = [c if isinstance(c, str) else c.name for c in client.list_collections()]
    except Exception:
        return
    own = re.compile(rf"^{re.escape(prefix)}-(?:[0-9a-f]{{16}}|building-[0-9a-f]{{12}}|retired-[0-9a-f]{{12}})$")
    for other in names:  # only this prefix's builds: "prefix-other-corpus-…" belongs to another corpus
        if not own.match(other) or other == keep:
            continue
        try:
            if "-building-" in other:  # leave a build that another process may still be writing
                started = client.get_collection(other).metadata.get("started_at", 0)
                if time.time() - float(started) < STALE_BUILD_SECONDS:
                    continue
            client.delete_collection(other)
            on_drop(other)
        except Exception:
            pass
