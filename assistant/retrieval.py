"""Hybrid retrieval: dense (Chroma) and lexical (BM25) rankings fused by reciprocal rank fusion,
then steered toward the subjects and table dimensions the question names (from the article model)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import language as lang
from .corpus import split_sentences
from .followups import said_already
from .index import Index
from .question import Question
from .settings import Settings
from .types import Passage


@dataclass
class Hit:
    passage: Passage
    score: float  # fused and steered, in [0, 1]
    dense: float  # cosine similarity to the question (0 when not among the dense candidates)


Candidates = tuple[list[tuple[Passage, float]], list[tuple[Passage, float]]]  # (dense, lexical)


def retrieve(index: Index, question: Question, vector: list[float], settings: Settings) -> list[Hit]:
    return fuse(index, question, search(index, question, vector, settings), settings)


def search(index: Index, question: Question, vector: list[float], settings: Settings) -> Candidates:
    """The dense and the lexical candidates, best first (the expensive part, done once per question)."""
    k = settings.candidates_k
    return index.dense_search(vector, k), index.bm25_search(question.text, k)


def fuse(index: Index, question: Question, candidates: Candidates, settings: Settings) -> list[Hit]:
    """Reciprocal-rank fusion of the candidates, steered by what the question names."""
    dense, lexical = candidates
    fused: dict[str, float] = {}
    for weight, ranking in ((settings.dense_weight, dense), (settings.bm25_weight, lexical)):
        for rank, (passage, _) in enumerate(ranking):
            fused[passage.chunk_id] = fused.get(passage.chunk_id, 0.0) + weight / (settings.rrf_k + rank + 1)
    best_possible = (settings.dense_weight + settings.bm25_weight) / (settings.rrf_k + 1)
    cosine = {p.chunk_id: s for p, s in dense}

    # Steering: passages about the named subjects move up, and so do the passages the question's
    # shape names (the table row of a dimension, the advice for a recommendation), which are always
    # among the candidates.
    boost = settings.framework_boost * best_possible
    steered = steered_passages(index, question)
    steered_ids = {p.chunk_id for p in steered}
    for passage in steered:
        fused.setdefault(passage.chunk_id, 0.0)
    for chunk_id in fused:
        p = index.by_id[chunk_id]
        if question.subjects and set(p.subjects) & set(question.subjects):
            # a subject's own section counts fully; a passage that merely mentions it, half
            own = index.model.section_subject(p) in question.subjects
            fused[chunk_id] += boost * (1.0 if own else 0.5)
        if chunk_id in steered_ids:  # the table row is the canonical answer to a dimension question
            fused[chunk_id] += boost * (1.5 if p.kind == "table_row" else 1.0)
    ranked = sorted(fused.items(), key=lambda kv: -kv[1])[: settings.top_k]
    ranked += each_subject(index, question, fused, ranked)
    ranked += parallel(index, question, fused, ranked)
    kept = {cid for cid, _ in ranked}
    ranked += [(p.chunk_id, fused[p.chunk_id]) for p in steered if p.chunk_id not in kept][: settings.top_k]
    top = max((s for _, s in ranked), default=1.0) or 1.0
    scale = max(top, best_possible + 2 * boost)
    return [Hit(index.by_id[cid], score / scale, cosine.get(cid, 0.0)) for cid, score in ranked]


def each_subject(index: Index, question: Question, fused: dict[str, float], ranked) -> list[tuple[str, float]]:
    """A question on several subjects and no table dimension ("how do A and B differ on scheduling?"):
    the best candidate from the own section of each subject the top passages leave out."""
    if len(question.subjects) < 2 or question.dimensions:
        return []
    section = {cid: index.model.section_subject(index.by_id[cid]) for cid in fused}
    present = {section[cid] for cid, _ in ranked}
    out = []
    for subject in question.subjects:
        own = [(cid, score) for cid, score in fused.items() if section[cid] == subject]
        if subject not in present and own:
            out.append(max(own, key=lambda pair: pair[1]))
    return out


def parallel(index: Index, question: Question, fused: dict[str, float], ranked) -> list[tuple[str, float]]:
    """A question on several subjects and no table dimension ("how do they differ when debugging a
    stuck job?"): for the best passage of one subject's own section, the passage of each other
    subject's section most like it (a comparison says the same thing of each in parallel)."""
    if len(question.subjects) < 2 or question.dimensions or not ranked:
        return []
    top = next((index.by_id[cid] for cid, _ in ranked if index.model.section_subject(index.by_id[cid]) in question.subjects), None)
    if top is None:
        return []
    owner, kept, out = index.model.section_subject(top), {cid for cid, _ in ranked}, []
    for subject in question.subjects:
        other = index.parallel_passage(top.chunk_id, subject) if subject != owner else None
        if other is not None and other.chunk_id not in kept:
            out.append((other.chunk_id, fused.get(other.chunk_id, 0.0)))
    return out


def steered_passages(index: Index, question: Question) -> list[Passage]:
    """The passages a question names by its structure: a table row and its subjects' labelled lines,
    the advice for a recommendation, the byline for a question about the article."""
    model = index.model
    if question.said:  # "why?", "what's the catch?": the passages the last answer quoted go on from it
        return [p for p in index.passages if p.kind != "table_row"
                and any(said_already(s, question.said) for s in split_sentences(p.text))]
    if question.misplaced:  # where the corpus says what the premise gives the wrong subject
        found = [p for p, _ in index.bm25_search(" ".join(question.misplaced), 2)]
        return found + steered_passages(index, replace(question, misplaced=[]))
    if question.about_article:
        return [index.by_id[d.byline] for d in model.documents if d.byline in index.by_id][:2]
    if question.recommendation:
        wanted = set(question.subjects) or set(model.subjects)
        ids = dict.fromkeys(a.chunk_id for a in model.advice if a.subject in wanted)
        return [index.by_id[c] for c in ids if c in index.by_id]
    out = named_passages(index, question)
    for dim in question.dimensions[:1]:
        ids = [r.chunk_id for r in dim.rows]
        for subject, lines in dim.lines.items():
            if not question.subjects or subject in question.subjects:
                ids += lines
        out += [index.by_id[c] for c in dict.fromkeys(ids) if c in index.by_id]
    return out


def named_passages(index: Index, question: Question, most: int = 2) -> list[Passage]:
    """The passages that write a thing the question names, one the corpus writes only as a name
    ("how does Flower compare with what B gives you?"): wherever it stands, not only with a subject."""
    names = [w for w in dict.fromkeys(lang.words(question.text)) if w in index.model.written_names]
    out: list[Passage] = []
    for name in names:
        written = re.compile(rf"(?<![\w-]){re.escape(name.capitalize())}(?![\w-])")
        out += [p for p, _ in index.bm25_search(name, most * 2) if written.search(p.text) and p not in out][:most]
    return out
