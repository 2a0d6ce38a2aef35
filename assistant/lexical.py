"""BM25 over the passages, as a sparse term-by-passage matrix (CSR arrays) scored with numpy.

rank_bm25 (what langchain's BM25Retriever wraps) scores every document in a Python loop for each
query term: ~10 ms a term at 100k passages. A term's row holds only the passages that contain it, so
a question costs well under a millisecond at that size (see `make bench`). Same Okapi formula, same
idf (with rank_bm25's epsilon floor), so the rankings agree.

The matrix is three flat arrays (row offsets, passage numbers, weights) plus the terms and their idf:
`save` writes them as .npy files beside the index and `load` memory-maps them, so a process opens a
100k-passage index without tokenizing a single passage.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np

RARE_IDF = 1.9  # a word in at most ~3 of a small article's passages: one of the corpus's own topic words
FILES = ("offsets.npy", "passages.npy", "weights.npy", "idf.npy", "terms.json")


class BM25:
    def __init__(self, corpus: list[list[str]], k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25):
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for i, doc in enumerate(corpus):
            for term, tf in Counter(doc).items():
                ids, tfs = postings.setdefault(term, ([], []))
                ids.append(i)
                tfs.append(tf)
        n_docs = len(corpus)
        lengths = np.array([len(doc) for doc in corpus], dtype=np.float32)
        avgdl = float(lengths.mean()) if n_docs else 0.0
        norm = k1 * (1 - b + b * lengths / (avgdl or 1.0))
        terms = sorted(postings)
        offsets = np.zeros(len(terms) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum([len(postings[t][0]) for t in terms])
        rows = np.empty(int(offsets[-1]), dtype=np.int32)
        weights = np.empty(int(offsets[-1]), dtype=np.float32)
        idf = np.empty(len(terms), dtype=np.float64)
        for n, term in enumerate(terms):
            ids, tfs = postings[term]
            ids_a, tfs_a = np.array(ids, dtype=np.int32), np.array(tfs, dtype=np.float32)
            rows[offsets[n]:offsets[n + 1]] = ids_a
            weights[offsets[n]:offsets[n + 1]] = tfs_a * (k1 + 1) / (tfs_a + norm[ids_a])
            idf[n] = np.log((n_docs - len(ids) + 0.5) / (len(ids) + 0.5))
        # like rank_bm25: terms in more than half the documents get a small positive idf, not a negative one
        average = float(idf.mean()) if len(idf) else 0.0
        idf = np.where(idf >= 0, idf, epsilon * average)
        self._set(n_docs, terms, offsets, rows, weights, idf)

    def _set(self, n_docs: int, terms: list[str], offsets, rows, weights, idf) -> None:
        self.n_docs = n_docs
        self.terms = terms
        self.row = {t: n for n, t in enumerate(terms)}
        self.offsets, self.rows, self.weights, self.idf_values = offsets, rows, weights, idf
        self._idf: dict[str, float] | None = None

    @property
    def idf(self) -> dict[str, float]:
        """term -> idf (built on first use)."""
        if self._idf is None:
            self._idf = dict(zip(self.terms, self.idf_values.tolist()))
        return self._idf

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """The passages that hold ``term`` and their weights (without idf)."""
        n = self.row.get(term)
        if n is None:
            return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
        start, end = int(self.offsets[n]), int(self.offsets[n + 1])
        return self.rows[start:end], self.weights[start:end]

    def scores(self, query: list[str]) -> np.ndarray:
        total = np.zeros(self.n_docs, dtype=np.float32)
        for term in query:
            n = self.row.get(term)
            if n is not None:
                ids, weights = self.postings(term)
                total[ids] += np.float32(self.idf_values[n]) * weights
        return total

    def top(self, query: list[str], k: int) -> list[tuple[int, float]]:
        scores = self.scores(query)
        k = min(k, self.n_docs)
        if k <= 0:
            return []
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(int(i), float(scores[i])) for i in best if scores[i] > 0]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / "offsets.npy", self.offsets)
        np.save(folder / "passages.npy", self.rows)
        np.save(folder / "weights.npy", self.weights)
        np.save(folder / "idf.npy", self.idf_values)
        (folder / "terms.json").write_text(json.dumps({"n_docs": self.n_docs, "terms": self.terms}), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> "BM25":
        """The saved index, its arrays memory-mapped (read from disk only where a query looks)."""
        meta = json.loads((folder / "terms.json").read_text(encoding="utf-8"))
        arrays = [np.load(folder / name, mmap_mode="r") for name in FILES[:4]]
        bm25 = cls.__new__(cls)
        bm25._set(int(meta["n_docs"]), meta["terms"], *arrays)
        return bm25
