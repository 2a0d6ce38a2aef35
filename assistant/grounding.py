"""The grounding check on every language-model answer: each sentence must be supported by a passage
it cites (word overlap plus embedding similarity). Markers that point at no passage are removed, an
uncited sentence keeps a passage only if one supports it, and an unsupported sentence is dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from .corpus import split_sentences
from .index import Index, tokenize
from .types import Passage

NUMBER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")


@dataclass
class GroundingReport:
    checked: int = 0
    dropped: list[str] = field(default_factory=list)  # unsupported sentences, as the model wrote them
    unknown_markers_removed: int = 0  # [n] that pointed at no passage
    citations_added: int = 0  # uncited sentences that a passage supports
    fallback: str | None = None  # why the extractive answer was used instead, if it was

    def as_dict(self) -> dict:
        return {"checked": self.checked, "dropped": self.dropped,
                "unknown_markers_removed": self.unknown_markers_removed,
                "citations_added": self.citations_added, "fallback": self.fallback}


class Grounder:
    def __init__(self, index: Index, passages: list[Passage], min_overlap: float, min_similarity: float):
        self.index = index
        self.passages = passages  # as numbered in the prompt: [1] is passages[0]
        self.min_overlap = min_overlap
        self.min_similarity = min_similarity
        self.report = GroundingReport()

    def check(self, sentence: str) -> str | None:
        """The sentence with its markers as [[chunk_id]], or None when no passage supports it."""
        sentence = sentence.strip()
        if not sentence:
            return None
        self.report.checked += 1
        cited = []
        for group in NUMBER.findall(sentence):
            for n in (int(x) for x in group.split(",")):
                if 1 <= n <= len(self.passages):
                    cited.append(self.passages[n - 1])
                else:
                    self.report.unknown_markers_removed += 1
        body = NUMBER.sub("", sentence).strip()
        m = re.match(r"^(.*?)([.!?…]*)$", body, re.S)
        text, end = m[1].strip(), m[2] or "."
        if len(tokenize(text)) < 2:  # "Yes." alone supports nothing
            self.report.dropped.append(sentence)
            return None
        unique = list({p.chunk_id: p for p in cited}.values())
        supporters = [p for p in unique if self.supports(p, text)]
        if not supporters and not cited:
            best = max(self.passages, key=lambda p: self.support_score(p, text), default=None)
            if best is not None and self.supports(best, text):
                supporters = [best]
                self.report.citations_added += 1
        if not supporters:
            self.report.dropped.append(sentence)
            return None
        markers = " ".join(f"[[{p.chunk_id}]]" for p in supporters)
        return f"{text} {markers}{end}"

    def support_score(self, passage: Passage, text: str) -> float:
        words = set(tokenize(text))
        overlap = len(words & set(tokenize(passage.text))) / len(words) if words else 0.0
        return overlap + self.similarity(passage, text)

    def supports(self, passage: Passage, text: str) -> bool:
        words = set(tokenize(text))
        if not words:
            return False
        overlap = len(words & set(tokenize(f"{passage.section} {passage.text}"))) / len(words)
        if overlap >= self.min_overlap:
            return True
        # a close paraphrase: most words shared and the meaning of one of the passage's sentences
        return overlap >= 2 * self.min_overlap / 3 and self.similarity(passage, text) >= self.min_similarity

    def similarity(self, passage: Passage, text: str) -> float:
        """Highest cosine similarity to one of the passage's sentences (embedded bare, without the
        section name, so a sentence is not "about" a subject merely by naming it)."""
        sentences = split_sentences(passage.text)
        if not sentences:
            return 0.0
        vectors = np.asarray(self.index.embed_sentences(sentences + [text]))
        return float((vectors[:-1] @ vectors[-1]).max())


def sentences_in(buffer: str) -> tuple[list[str], str]:
    """Split off the complete sentences of a growing stream; keep the unfinished rest."""
    done = []
    while True:
        m = re.search(r"[.!?](?:\s*\[\d+(?:\s*,\s*\d+)*\])*(?=\s+\S)|\n\s*\n", buffer)
        if not m:
            return done, buffer
        done.append(buffer[: m.end()])
        buffer = buffer[m.end():].lstrip()
