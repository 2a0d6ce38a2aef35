"""The one way to open (or build) the index: a Chroma collection of the corpus passages plus a BM25
index over the same passages, both loaded once per process.

A collection is named by the corpus fingerprint (chunker version, embedding model, chunk ids), so an
unchanged corpus reuses it and a changed corpus or model builds a new one. A build writes into a
temporary collection and is renamed into place only when complete; an interrupted build leaves the
previous index serving. A corrupt embedded index is moved aside and rebuilt from the corpus.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import os
import re
import shutil
import time
import uuid
from pathlib import Path
from typing import Callable

from .article import MODEL_VERSION, ArticleModel, derive_model
from .corpus import CHUNKER_VERSION, Corpus, load_corpus, split_sentences, with_subjects
from .embeddings import load_embeddings, model_id
from .language import tokenize  # the index's tokens (shared with retrieval and grounding)
from .lexical import BM25
from .settings import Settings
from .types import IndexFailure, Passage

log = logging.getLogger("assistant")
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub unless the user says so
os.environ.setdefault("TRANSFORMERS_OFFLINE", os.environ["HF_HUB_OFFLINE"])
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

Progress = Callable[[int, int], None]  # (done, total)
BATCH = 64
STALE_BUILD_SECONDS = 3600
READ_PAGE = 5000
SENTENCE_CACHE = 50_000
WARM_LIMIT = 2_000  # passages; larger corpora embed sentences as questions need them
# -- chroma ------------------------------------------------------------------------------------


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


def fingerprint(passages: list[Passage], model_id: str) -> str:
    h = hashlib.sha256(f"chunker={CHUNKER_VERSION}\x1earticle={MODEL_VERSION}\x1emodel={model_id}".encode())
    for p in passages:
        h.update(f"\x1e{p.chunk_id}:{p.position}:{p.section}".encode())
    return h.hexdigest()


# -- the index ---------------------------------------------------------------------------------


class Index:
    """Passages with a dense (Chroma) and a lexical (BM25) search over exactly the same set."""

    def __init__(self, corpus: Corpus, client, collection, embeddings, name: str, built: bool):
        from langchain_chroma import Chroma

        self.corpus = corpus
        self.client = client
        self.collection_name = name
        self.built = built  # True when this process (re)built it
        self.embeddings = embeddings
        self.store = Chroma(client=client, collection_name=name,
                            embedding_function=embeddings, create_collection_if_not_exists=False)
        passages = []
        for start in range(0, collection.count(), READ_PAGE):  # paged: SQLite caps variables per query
            stored = collection.get(include=["documents", "metadatas"], limit=READ_PAGE, offset=start)
            passages += [Passage.from_stored(t, m) for t, m in zip(stored["documents"], stored["metadatas"])]
        self.passages = sorted(passages, key=lambda p: p.position)
        self.by_id = {p.chunk_id: p for p in self.passages}
        self._vocab: dict[str, frozenset[str]] = {}
        self._vocab_buckets: dict[tuple, dict] = {}
        self._sentence_vectors: dict[str, list[float]] = {}
        if set(self.by_id) != {p.chunk_id for p in corpus.passages}:
            raise IndexFailure(f"index {name} does not hold the corpus passages")
        self.bm25 = BM25([tokenize(f"{p.section} {p.label} {p.text}") for p in self.passages])

    def __len__(self) -> int:
        return len(self.passages)

    def embed_query(self, text: str) -> list[float]:
        return self.embeddings.embed_query(text)

    def embed_question(self, text: str, bare: str) -> tuple[list[float], list[float]]:
        """The question's vector, and the vector of its words without the subjects' names (for
        matching table dimensions), in one model call."""
        if bare == text:
            vector = self.embed_query(text)
            return vector, vector
        vector, bare_vector = self.embeddings.embed_documents([text, bare])
        return vector, bare_vector

    def sentence_vectors(self, items: list[tuple[Passage, str]]) -> list[list[float]]:
        """Vectors of passage sentences, each computed once per process. A sentence is embedded with
        its section's name, so "Getting it running ... takes weeks" in a subject's section is about
        that subject."""
        return self.embed_sentences([f"{p.section}: {s}" for p, s in items])

    def warm(self) -> None:
        """Embed every sentence up front when the corpus is small, so no question pays for it."""
        if len(self.passages) <= WARM_LIMIT:
            self.sentence_vectors([(p, s) for p in self.passages for s in split_sentences(p.text)])
        dims = self.model.dimensions.values()
        self.embed_sentences([d.label for d in dims] + [f"What is its {d.noun}?" for d in dims]
                             + [a.conditions for a in self.model.advice])

    def embed_sentences(self, sentences: list[str]) -> list[list[float]]:
        missing = [s for s in dict.fromkeys(sentences) if s not in self._sentence_vectors]
        if missing:
            if len(self._sentence_vectors) > SENTENCE_CACHE:
                self._sentence_vectors.clear()
            self._sentence_vectors.update(zip(missing, self.embeddings.embed_documents(missing)))
        return [self._sentence_vectors[s] for s in sentences]

    def has_near_word(self, word: str, subject: str = "", cutoff: float = 0.86) -> bool:
        """Whether a word within a typo of ``word`` is in the vocabulary (candidates share the first
        letter and nearly the length, so this stays fast on a large corpus)."""
        key = (subject, "buckets")
        if key not in self._vocab_buckets:
            buckets: dict[tuple[str, int], list[str]] = {}
            for w in self.vocabulary(subject):
                buckets.setdefault((w[:1], len(w)), []).append(w)
            self._vocab_buckets[key] = buckets
        buckets = self._vocab_buckets[key]
        candidates = [w for n in range(len(word) - 2, len(word) + 3) for w in buckets.get((word[:1], n), ())]
        return bool(difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff))

    def has_prefix_word(self, word: str, subject: str = "") -> bool:
        """Whether the vocabulary holds a longer word that starts with ``word`` (a clipped word)."""
        key = (subject, "sorted")
        if key not in self._vocab_buckets:
            self._vocab_buckets[key] = sorted(self.vocabulary(subject))
        words = self._vocab_buckets[key]
        import bisect

        i = bisect.bisect_left(words, word)
        return i < len(words) and words[i].startswith(word) and len(words[i]) > len(word)

    def vocabulary(self, subject: str = "") -> frozenset[str]:
        """Stemmed words of every passage (or of the passages about one subject)."""
        if subject not in self._vocab:
            texts = (f"{p.section} {p.label} {p.text}" for p in self.passages
                     if not subject or subject in p.subjects)
            self._vocab[subject] = frozenset(w for t in texts for w in tokenize(t))
        return self._vocab[subject]

    @property
    def model(self) -> ArticleModel:
        return self.corpus.model

    def dense_search(self, vector: list[float], k: int) -> list[tuple[Passage, float]]:
        """(passage, cosine similarity), best first."""
        hits = self.store.similarity_search_by_vector_with_relevance_scores(vector, k=min(k, len(self)))
        return [(self.by_id[d.metadata["chunk_id"]], 1.0 - float(distance)) for d, distance in hits]

    def bm25_search(self, query: str, k: int) -> list[tuple[Passage, float]]:
        return [(self.passages[i], score) for i, score in self.bm25.top(tokenize(query), k)]


def open_index(settings: Settings, *, rebuild: bool = False, progress: Progress | None = None,
               drop_old: bool = True) -> Index:
    """Open the index of the current corpus, building it first when missing, stale or forced.
    ``drop_old=False`` keeps older builds (a running server drops them once no answer uses them)."""
    corpus = load_corpus(settings.corpus_dir, settings.chunk_max_chars, derive=False,
                         max_bytes=int(settings.max_document_mb * 1024 * 1024))
    embeddings = load_embeddings(settings)
    fp = fingerprint(corpus.passages, model_id(settings))
    name = f"{settings.collection_prefix}-{fp[:16]}"
    # the article model derived when this corpus was indexed (same fingerprint), else derived now
    corpus.model = load_model(settings, name) or derive_model(corpus.documents, corpus.passages)
    corpus.passages = [with_subjects(p, corpus.model) for p in corpus.passages]
    client = make_client(settings)
    collection, built = None, False
    if not rebuild:
        collection = _complete_collection(client, name, len(corpus.passages))
    if collection is None:
        log.warning("building the index: %d passages from %s%s", len(corpus.passages), settings.corpus_dir,
                    " (forced)" if rebuild else "")
        collection = _build(client, name, corpus, embeddings, settings, progress)
        built = True
    if drop_old:
        drop_other_builds(client, settings.collection_prefix, keep=name)
    save_model(settings, name, corpus.model)
    try:
        return Index(corpus, client, collection, embeddings, name, built)
    except IndexFailure:
        if rebuild:
            raise
        log.warning("index %s is inconsistent; rebuilding it from the corpus", name)
        return open_index(settings, rebuild=True, progress=progress, drop_old=drop_old)


def model_path(settings: Settings, name: str) -> Path:
    return Path(settings.data_dir) / "models" / f"{name}.json"


def load_model(settings: Settings, name: str) -> ArticleModel | None:
    try:
        return ArticleModel.from_json(model_path(settings, name).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or unreadable: derive it again from the corpus


def save_model(settings: Settings, name: str, model: ArticleModel) -> Path:
    """The article model beside the index, under the index's name (same fingerprint): what the
    assistant read from the corpus, for people and tools to inspect."""
    path = model_path(settings, name)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{uuid.uuid4().hex[:8]}.tmp")
        tmp.write_text(model.to_json(), encoding="utf-8")
        os.replace(tmp, path)
    return path


def _complete_collection(client, name: str, expected: int):
    try:
        collection = client.get_collection(name, embedding_function=None)
    except Exception:
        return None
    try:
        count = collection.count()
    except Exception as exc:
        log.warning("index %s cannot be read (%s); rebuilding it", name, exc)
        return None
    if count != expected:
        log.warning("index %s holds %d passages, the corpus %d; rebuilding it", name, count, expected)
        return None
    return collection


def _build(client, name: str, corpus: Corpus, embeddings, settings: Settings, progress):
    """Embed every passage into a temporary collection, then rename it into place."""
    temp = f"{settings.collection_prefix}-building-{uuid.uuid4().hex[:12]}"
    collection = client.create_collection(
        temp, embedding_function=None,
        metadata={"hnsw:space": "cosine", "embedding_model": model_id(settings),
                  "started_at": time.time()},
    )
    passages = corpus.passages
    try:
        for start in range(0, len(passages), BATCH):
            batch = passages[start : start + BATCH]
            vectors = embeddings.embed_documents([p.text for p in batch])
            collection.add(
                ids=[p.chunk_id for p in batch],
                documents=[p.text for p in batch],
                metadatas=[p.metadata() for p in batch],
                embeddings=vectors,
            )
            if progress:
                progress(min(start + BATCH, len(passages)), len(passages))
        if collection.count() != len(passages):
            raise IndexFailure(f"index build wrote {collection.count()} of {len(passages)} passages")
        _retire(client, name, settings.collection_prefix)  # a forced rebuild: the old one steps aside
        collection.modify(name=name)
    except BaseException:
        try:
            client.delete_collection(temp)
        except Exception:
            pass
        raise
    return client.get_collection(name, embedding_function=None)


def _retire(client, name: str, prefix: str) -> None:
    """Rename an existing collection out of the way (dropped later, never before the new one is in)."""
    try:
        client.get_collection(name, embedding_function=None).modify(name=f"{prefix}-retired-{uuid.uuid4().hex[:12]}")
    except Exception:
        pass


def drop_other_builds(client, prefix: str, keep: str) -> None:
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
        except Exception:
            pass
