"""The words of an index's passages, as the lexical index stems them: the whole corpus's or one
subject's, a typo's nearest word, the words a clipping begins, and the initials of compound terms.
``Index`` has these through ``Vocabulary``; they read its ``bm25`` and ``passages``."""

from __future__ import annotations

import bisect
import difflib

from rapidfuzz.distance import OSA

from . import language as lang
from .language import tokenize

TYPO_LONG_WORD = 6  # letters: a typo of a shorter word is one edit (swapped letters count once), of a longer one two


class Vocabulary:
    """Mixed into ``Index``: needs ``self.bm25``, ``self.passages`` and the caches ``_vocab``,
    ``_vocab_buckets`` and ``_initialisms`` that ``Index.__init__`` sets."""

    def near_word(self, word: str, subject: str = "", cutoff: float = 0.86) -> str:
        """The vocabulary's word within a typo of ``word``, if any (candidates share the first letter
        and nearly the length, so this stays fast on a large corpus)."""
        key = (subject, "buckets")
        if key not in self._vocab_buckets:
            buckets: dict[tuple[str, int], list[str]] = {}
            for w in self.vocabulary(subject):
                buckets.setdefault((w[:1], len(w)), []).append(w)
            self._vocab_buckets[key] = buckets
        buckets = self._vocab_buckets[key]
        candidates = [w for n in range(len(word) - 2, len(word) + 3) for w in buckets.get((word[:1], n), ())]
        edits = 1 if len(word) < TYPO_LONG_WORD else 2  # a name three edits off ("mlflow") is another name
        return next((w for w in difflib.get_close_matches(word, candidates, n=3, cutoff=cutoff)
                     if OSA.distance(word, w) <= edits), "")

    def has_prefix_word(self, word: str, subject: str = "") -> bool:
        """Whether the vocabulary holds a longer word that starts with ``word`` (a clipped word)."""
        return any(len(w) > len(word) for w in self.words_starting(word, subject))

    def words_starting(self, prefix: str, subject: str = ""):
        """The vocabulary's words that begin with ``prefix``, in order."""
        key = (subject, "sorted")
        if key not in self._vocab_buckets:
            self._vocab_buckets[key] = sorted(self.vocabulary(subject))
        words = self._vocab_buckets[key]
        for i in range(bisect.bisect_left(words, prefix), len(words)):
            if not words[i].startswith(prefix):
                return
            yield words[i]

    def vocabulary(self, subject: str = "") -> frozenset[str]:
        """Stemmed words of every passage (or of the passages about one subject)."""
        if subject not in self._vocab:
            if not subject:
                self._vocab[subject] = frozenset(self.bm25.terms)
            else:
                self._vocab[subject] = vocabulary_of(self.passages, subject)
        return self._vocab[subject]

    def initialisms(self) -> frozenset[str]:
        """The initials of the compound terms the passages write ("ann" for "approximate
        nearest-neighbour"): an acronym a question uses for one of them is known. Read once, on the
        first question with an acronym the vocabulary lacks."""
        if self._initialisms is None:
            self._initialisms = frozenset().union(*(lang.initialisms(p.text) for p in self.passages))
        return self._initialisms


def vocabulary_of(passages, subject: str = "") -> frozenset[str]:
    texts = (f"{p.section} {p.label} {p.text}" for p in passages if not subject or subject in p.subjects)
    return frozenset(w for t in texts for w in tokenize(t))
