"""The one way to open (or build) the index: a Chroma collection of the corpus passages, plus what
the index derives from them (the lexical index, vocabularies, the article model, sentence vectors),
saved beside the collection under the same name.

A collection is named by the corpus fingerprint (chunker version, embedding model, chunk ids), so an
unchanged corpus reuses it; a changed corpus gets a new collection, into which only new or changed
passages are embedded (the others keep their vectors, found by content id). A build writes into a
temporary collection and is renamed into place only when complete; an interrupted build leaves the
previous index serving. A corrupt embedded index is moved aside and rebuilt from the corpus.

Opening an unchanged corpus reads no passage: the corpus files are hashed, and the derived data of
the collection they map to is memory-mapped (see derived.py). Dense search runs on the saved
vectors for small collections (exact, and Chroma need not even be imported) and through Chroma's
HNSW index for large ones or a Chroma server.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
import uuid
from pathlib import Path

import numpy as np

from . import derived, store
from .article import MODEL_VERSION, ArticleModel, derive_model
from .corpus import (CHUNKER_VERSION, EMBEDDED_AS, Corpus, CorpusDocument, embedding_text, load_corpus, split_sentences,
                     tag_subjects)
from .documents import SUFFIXES
from .embeddings import load_embeddings, model_id
from . import language as lang
from .language import tokenize  # the index's tokens (shared with retrieval and grounding)
from .lexical import BM25
from .settings import Settings
from .vocabulary import Vocabulary, vocabulary_of
from .store import Progress, drop_other_builds  # noqa: F401  (part of this module's interface)
from .types import IndexFailure, Passage

log = logging.getLogger("assistant")
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub unless the user says so
os.environ.setdefault("TRANSFORMERS_OFFLINE", os.environ["HF_HUB_OFFLINE"])
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

SENTENCE_CACHE = 50_000
WARM_LIMIT = 2_000  # passages; larger corpora embed sentences as questions need them
EXACT_LIMIT = 20_000  # passages; up to this many, dense search is exact over the saved vectors (~2 ms)


def fingerprint(passages: list[Passage], model_id: str) -> str:
    h = hashlib.sha256(f"chunker={CHUNKER_VERSION}\x1earticle={MODEL_VERSION}\x1emodel={model_id}".encode())
    for p in passages:
        h.update(f"\x1e{p.chunk_id}:{p.position}:{p.section}".encode())
    return h.hexdigest()


def vectors_maker(settings: Settings) -> str:
    """What made the passages' vectors: the embedding model and what it was given (``EMBEDDED_AS``)."""
    return f"{model_id(settings)}+{EMBEDDED_AS}"


def corpus_key(settings: Settings) -> str:
    """What decides the passages and their vectors: the corpus files' bytes and the settings."""
    return derived.corpus_key(settings.corpus_dir, SUFFIXES, [
        CHUNKER_VERSION, MODEL_VERSION, vectors_maker(settings), str(settings.chunk_max_chars),
        str(settings.max_document_mb), settings.collection_prefix, settings.chroma_url or "embedded"])


# -- the index ---------------------------------------------------------------------------------


class IndexGone(IndexFailure):
    """The collection an index names is not (or no longer) in Chroma."""


class Index(Vocabulary):
    """Passages with a dense (Chroma) and a lexical (BM25) search over exactly the same set."""

    def __init__(self, corpus: Corpus, saved: derived.Derived, embeddings, name: str, settings: Settings,
                 built: bool = False, embedded: int = 0, client=None):
        self.corpus = corpus
        self.collection_name = name
        self.built = built  # True when this process (re)built it
        self.embedded = embedded  # passages this process embedded for it (the others' vectors were reused)
        self.embeddings = embeddings
        self.settings = settings
        self.passages = saved.passages  # decoded one at a time, as answers need them
        self.by_id = saved.by_id
        self.vectors = saved.vectors
        self.bm25 = saved.bm25
        self._vocab: dict[str, frozenset[str]] = dict(saved.vocabulary)
        self._vocab_buckets: dict[tuple, dict] = {}
        self._initialisms: frozenset[str] | None = None
        self._sentence_vectors: dict[str, np.ndarray] = {}
        self._stored_sentences, self._stored_vectors = derived.load_sentences(settings.data_dir, name)
        self._client, self._collection = client, None
        self._lock = threading.Lock()
        self.stale_ids: list[str] = []  # passages of the previous build still in the collection (see store.update)
        self.replaced = ""  # the build this one updated in place (its saved data goes with it)
        self.exact = not settings.chroma_url and len(saved.ids) <= EXACT_LIMIT

    def __len__(self) -> int:
        return len(self.passages)

    @property
    def client(self):
        """The Chroma client, made on first use (a small embedded index answers without it)."""
        with self._lock:
            if self._client is None:
                self._client = store.make_client(self.settings)
            return self._client

    def collection(self):
        if self._collection is None:
            try:
                self._collection = self.client.get_collection(self.collection_name, embedding_function=None)
            except Exception as exc:
                if type(exc).__name__ != "NotFoundError":
                    raise
                raise IndexGone(f"the index {self.collection_name} is not in Chroma ({exc}); "
                                "start again to open the current one") from None
        return self._collection

    def drop_other_builds(self) -> None:
        """Remove the other builds of this corpus, and their derived data."""
        if self.stale_ids:
            for start in range(0, len(self.stale_ids), store.ADD_BATCH):
                self.collection().delete(ids=self.stale_ids[start:start + store.ADD_BATCH])
            self.stale_ids = []
        data_dir, prefix = self.settings.data_dir, self.settings.collection_prefix
        drop_other_builds(self.client, prefix, self.collection_name, lambda other: derived.drop(data_dir, other))
        if self.replaced:
            derived.drop(data_dir, self.replaced)
            self.replaced = ""
        derived.sweep(data_dir, prefix, store.STALE_BUILD_SECONDS)

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

    def sentence_vectors(self, items: list[tuple[Passage, str]]) -> list:
        """Vectors of passage sentences, each computed once per process. A sentence is embedded with
        its section's name, so "Getting it running ... takes weeks" in a subject's section is about
        that subject."""
        return self.embed_sentences([f"{p.section}: {s}" for p, s in items])

    def warm(self) -> None:
        """Embed every sentence up front when the corpus is small, so no question pays for it; the
        vectors are saved beside the index for the next process."""
        if len(self.passages) <= WARM_LIMIT:
            self.sentence_vectors([(p, c) for p in self.passages for s in split_sentences(p.text) for c in [s, *lang.clauses(s)]])
        dims = self.model.dimensions.values()
        self.embed_sentences([d.label for d in dims] + [f"What is its {d.noun}?" for d in dims]
                             + [d.cells for d in dims if d.rows]
                             + [a.conditions for a in self.model.advice])
        if not self._stored_sentences:
            derived.save_sentences(self.settings.data_dir, self.collection_name, self._sentence_vectors)

    def embed_sentences(self, sentences: list[str]) -> list:
        missing = [s for s in dict.fromkeys(sentences) if s not in self._sentence_vectors]
        if missing:
            if len(self._sentence_vectors) > SENTENCE_CACHE:
                self._sentence_vectors.clear()
            stored = [s for s in missing if s in self._stored_sentences]
            self._sentence_vectors.update((s, self._stored_vectors[self._stored_sentences[s]]) for s in stored)
            missing = [s for s in missing if s not in self._stored_sentences]
            if missing:
                vectors = self.embeddings.embed_documents(missing)
                self._sentence_vectors.update((s, np.asarray(v, dtype=np.float32)) for s, v in zip(missing, vectors))
        return [self._sentence_vectors[s] for s in sentences]

    @property
    def model(self) -> ArticleModel:
        return self.corpus.model

    def dense_search(self, vector: list[float], k: int) -> list[tuple[Passage, float]]:
        """(passage, cosine similarity), best first."""
        k = min(k, len(self))
        if k <= 0:
            return []
        if self.exact:
            sims = self.vectors @ np.asarray(vector, dtype=np.float32)
            best = np.argpartition(-sims, k - 1)[:k]
            best = best[np.argsort(-sims[best], kind="stable")]
            return [(self.passages[int(i)], float(sims[i])) for i in best]
        # the collection may also hold another build's passages for a moment (see store.update): keep ours
        found = self.collection().query(query_embeddings=[vector], n_results=2 * k + 10, include=["distances"])
        hits = [(self.by_id[cid], 1.0 - float(d)) for cid, d in zip(found["ids"][0], found["distances"][0])
                if cid in self.by_id]
        return hits[:k]

    def bm25_search(self, query: str | list[str], k: int) -> list[tuple[Passage, float]]:
        """The passages that best match the query's words (or these tokens, as the index stems them)."""
        tokens = query if isinstance(query, list) else tokenize(query)
        return [(self.passages[i], score) for i, score in self.bm25.top(tokens, k)]


# -- opening -----------------------------------------------------------------------------------


def open_index(settings: Settings, *, rebuild: bool = False, progress: Progress | None = None,
               drop_old: bool = True) -> Index:
    """Open the index of the current corpus, building it first when missing, stale or forced.
    ``drop_old=False`` keeps older builds (a running server drops them once no answer uses them)."""
    embeddings = load_embeddings(settings)
    key = corpus_key(settings)
    if key and not rebuild:
        index = open_saved(settings, key, embeddings)
        if index is not None:
            return index
    return open_corpus(settings, key, embeddings, rebuild, progress, drop_old)


def open_saved(settings: Settings, key: str, embeddings) -> Index | None:
    """The index of an unchanged corpus from its derived data alone (None when there is none)."""
    name = derived.name_for(settings.data_dir, key)
    if not name or not derived.is_complete(settings.data_dir, name) or not store.looks_intact(settings):
        return None
    model = load_model(settings, name)
    try:
        saved = derived.Derived(settings.data_dir, name)
    except (OSError, ValueError, KeyError) as exc:
        log.warning("the saved data of index %s is unreadable (%s); deriving it again", name, exc)
        derived.drop(settings.data_dir, name)
        return None
    if model is None:
        return None
    manifest = saved.manifest
    corpus = Corpus([CorpusDocument(d["source"], d["meta"]) for d in manifest["documents"]], saved.passages,
                    model, [tuple(s) for s in manifest["skipped"]])
    for name_, why in corpus.skipped:
        log.warning("skipped %s: %s", name_, why)
    index = Index(corpus, saved, embeddings, name, settings)
    if not index.exact:  # fetched now and held by its id, so another process renaming it cannot break us
        try:
            index.collection()
        except IndexGone:  # a server that lost or never had the collection: build it there
            return None
        except IndexFailure:
            raise
        except Exception:
            return None
    return index


def open_corpus(settings: Settings, key: str, embeddings, rebuild: bool, progress, drop_old: bool) -> Index:
    """Read the corpus; reuse, derive or build what it needs; save what it derived."""
    corpus = load_corpus(settings.corpus_dir, settings.chunk_max_chars, derive=False,
                         max_bytes=int(settings.max_document_mb * 1024 * 1024))
    model = vectors_maker(settings)
    name = f"{settings.collection_prefix}-{fingerprint(corpus.passages, model)[:16]}"
    # the article model derived when this corpus was indexed (same fingerprint), else derived now
    corpus.model = load_model(settings, name) or derive_model(corpus.documents, corpus.passages)
    corpus.passages = tag_subjects(corpus.passages, corpus.model)
    client = store.make_client(settings)
    saved = derived.is_complete(settings.data_dir, name)
    collection = None if rebuild else store.complete_collection(client, name, len(corpus.passages), saved)
    built, embedded, stale, replaced = collection is None, 0, [], ""
    if built:
        texts = [embedding_text(p, corpus.model) for p in corpus.passages]
        reuse = {} if rebuild else derived.reusable_vectors(settings.data_dir, model)
        previous = None if rebuild else previous_build(settings, client, model, name)
        if previous:
            log.warning("updating the index: %d new or changed passages of %d from %s",
                        sum(p.chunk_id not in reuse for p in corpus.passages), len(corpus.passages),
                        settings.corpus_dir)
            vectors, embedded = store.update(client, previous, name, corpus.passages, embeddings, settings, reuse,
                                             progress, texts)
            stale = sorted(set(derived.saved_ids(settings.data_dir, previous)) - {p.chunk_id for p in corpus.passages})
            replaced = previous
        else:
            log.warning("building the index: %d passages from %s%s", len(corpus.passages), settings.corpus_dir,
                        " (forced)" if rebuild else "")
            vectors, embedded = store.build(client, name, corpus.passages, embeddings, settings, model, reuse,
                                            progress, texts)
        save_derived(settings, name, corpus, vectors, model)  # kept if complete: same name, same data
    elif not derived.is_complete(settings.data_dir, name):
        try:
            _, vectors = store.read_back(collection, [p.chunk_id for p in corpus.passages])
        except IndexFailure:
            if rebuild:
                raise
            log.warning("index %s is inconsistent; rebuilding it from the corpus", name)
            return open_corpus(settings, key, embeddings, True, progress, drop_old)
        save_derived(settings, name, corpus, vectors, model)
    save_model(settings, name, corpus.model)
    derived.remember(settings.data_dir, key, name)
    index = Index(corpus, derived.Derived(settings.data_dir, name), embeddings, name, settings,
                  built=built, embedded=embedded, client=client)
    index.stale_ids, index.replaced = stale, replaced
    if not index.exact:
        index.collection()  # held by its id (see open_saved)
    index.corpus = Corpus(corpus.documents, index.passages, corpus.model, corpus.skipped)
    if drop_old:
        index.drop_other_builds()
    if len(index) <= WARM_LIMIT and not index._stored_sentences:
        index.warm()  # embeds the sentences once and saves them for every later process
    return index


def own_build(prefix: str, name: str) -> bool:
    """Whether ``name`` is a build of this prefix's corpus ("prefix-other-…" belongs to another)."""
    return re.fullmatch(rf"{re.escape(prefix)}-[0-9a-f]{{16}}", name) is not None


def previous_build(settings: Settings, client, model: str, name: str) -> str | None:
    """The newest saved build of this corpus's prefix and model whose collection is still there (the
    one an update starts from)."""
    for other in derived.saved_builds(settings.data_dir, model):
        if other != name and own_build(settings.collection_prefix, other):
            try:
                client.get_collection(other, embedding_function=None)
                return other
            except Exception:
                continue
    return None


def save_derived(settings: Settings, name: str, corpus: Corpus, vectors: np.ndarray, model: str) -> None:
    passages = corpus.passages
    bm25 = BM25([tokenize(f"{p.section} {p.label} {p.text}") for p in passages])
    vocabulary = {s: sorted(vocabulary_of(passages, s)) for s in corpus.model.subjects}
    manifest = {"collection": name, "embedding_model": model,
                "documents": [{"source": d.source, "meta": d.meta} for d in corpus.documents],
                "skipped": [list(s) for s in corpus.skipped]}
    derived.save(settings.data_dir, name, passages, vectors, bm25, vocabulary, manifest)


# -- the article model -------------------------------------------------------------------------


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
