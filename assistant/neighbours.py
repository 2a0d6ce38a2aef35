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
    after = next_sentence(top)
    if len(top.text.split()) > SHORT_SENTENCE_WORDS or not after or any(s.text == after for s in picked):
        return picked
    sequel = replace(top, text=after) if is_fragment(after) else next(
        (s for s in pool if s.text == after and s.passage.chunk_id == top.passage.chunk_id
         and (s.similarity >= min_similarity or s.score >= top.score * NEIGHBOUR_RATIO)), None)
    return ([top, sequel] + picked[1:])[: max(limit, 2)] if sequel else picked


def with_fragments(picked: list[Sentence]) -> list[Sentence]:
    """A short picked sentence whose next one is too short to be weighed goes on with it, in any place
    of the answer ("Flows are Python classes." "Steps are methods.")."""
    out = []
    for s in picked:
        out.append(s)
        after = next_sentence(s) if len(s.text.split()) <= SHORT_SENTENCE_WORDS else ""
        if after and is_fragment(after) and all(p.text != after for p in picked):
            out.append(replace(s, text=after))
    return out


def with_a_neighbour(top: Sentence, pool: list[Sentence]) -> list[Sentence]:
    """An answer of one sentence, when nothing else is close, says it with the closer of the
    sentences beside it in its passage ("most teams deploy Board, a web dashboard that shows ..." before
    "Board is handy for a quick glance, but ...")."""
    beside = {next_sentence(top, -1), next_sentence(top)} - {""}
    near = [s for s in pool if s.passage.chunk_id == top.passage.chunk_id and s.text in beside
            and s.score >= top.score * NEIGHBOUR_RATIO]
    return [top, max(near, key=lambda s: s.score)] if near else [top]


def next_sentence(s: Sentence, step: int = 1) -> str:
    """The sentence after (``step`` -1: before) ``s`` in its passage, or ""."""
    sentences = split_sentences(s.passage.text)
    at = sentences.index(s.text) + step if s.text in sentences else -1
    return sentences[at] if 0 <= at < len(sentences) else ""


def is_fragment(text: str) -> bool:
    """A plain sentence too short to be weighed on its own ("Steps are methods.")."""
    return len(text) < MIN_SENTENCE_CHARS and bool(PLAIN.match(text))
