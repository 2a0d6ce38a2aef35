"""The sentences beside one an answer picked, that it goes on with: a short best sentence's sequel, a
fragment too short to be weighed ("Steps are methods."), and for a one-sentence answer the closer of its
neighbours."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .corpus import split_sentences

if TYPE_CHECKING:
    from .answerers import Sentence

SHORT_SENTENCE_WORDS = 8  # a best sentence this short is followed by the next one of its passage
NEIGHBOUR_RATIO = 0.6  # a one-sentence answer takes a sentence beside it scoring this share of its own
PLAIN = re.compile(r"^[A-Z][^@`:]*[.!?]$")  # a plain sentence (no code, no "Label:" fragment)
MIN_SENTENCE_CHARS = 25  # a sentence shorter than this is no evidence of its own (it only goes on from the last)


def with_its_sequel(picked: list[Sentence], pool: list[Sentence], limit: int, min_similarity: float) -> list[Sentence]:
    """The best sentence, when it is short ("A keeps no state of its own."), rarely says enough
    alone: the next sentence of its passage follows it ("Everything lives in the queue ..."), when
    that one too is close to the question, or is itself too short to be weighed ("Steps are methods.")."""
    top = picked[0]
    if len(top.text.split()) > SHORT_SENTENCE_WORDS:
        return picked
    sentences = split_sentences(top.passage.text)
    at = sentences.index(top.text) if top.text in sentences else -1
    if at < 0 or at + 1 >= len(sentences) or any(s.text == sentences[at + 1] for s in picked):
        return picked
    sequel = next((s for s in pool if s.text == sentences[at + 1] and s.passage.chunk_id == top.passage.chunk_id
                   and (s.similarity >= min_similarity or s.score >= top.score * NEIGHBOUR_RATIO)), None)
    if len(sentences[at + 1]) < MIN_SENTENCE_CHARS and PLAIN.match(sentences[at + 1]):  # "Steps are methods."
        sequel = replace(top, text=sentences[at + 1])
    return ([top, sequel] + picked[1:])[: max(limit, 2)] if sequel else picked


def with_fragments(picked: list[Sentence]) -> list[Sentence]:
    """A short picked sentence whose next one is too short to be weighed goes on with it, in any place
    of the answer ("Flows are Python classes." "Steps are methods.")."""
    out = []
    for s in picked:
        out.append(s)
        sentences = split_sentences(s.passage.text)
        at = sentences.index(s.text) if s.text in sentences else -1
        if len(s.text.split()) <= SHORT_SENTENCE_WORDS and 0 <= at < len(sentences) - 1:
            after = sentences[at + 1]
            if len(after) < MIN_SENTENCE_CHARS and PLAIN.match(after) and all(p.text != after for p in picked):
                out.append(replace(s, text=after))
    return out


def with_a_neighbour(top: Sentence, pool: list[Sentence]) -> list[Sentence]:
    """An answer of one sentence, when nothing else is close, says it with the closer of the
    sentences beside it in its passage ("most teams deploy Board, a web dashboard that shows ..." before
    "Board is handy for a quick glance, but ...")."""
    sentences = split_sentences(top.passage.text)
    at = sentences.index(top.text) if top.text in sentences else -1
    beside = {sentences[i] for i in (at - 1, at + 1) if at >= 0 and 0 <= i < len(sentences)}
    near = [s for s in pool if s.passage.chunk_id == top.passage.chunk_id and s.text in beside
            and s.score >= top.score * NEIGHBOUR_RATIO]
    return [top, max(near, key=lambda s: s.score)] if near else [top]
