"""Hybrid retrieval: dense (Chroma) and lexical (BM25) rankings fused by reciprocal rank fusion,
then steered toward the subjects and table dimensions the question names (from the article model)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from . import shapes
from .corpus import split_sentences
from .followups import said_already
from .index import Index
from .language import tokenize
from .question import Question
from .settings import Settings
from .types import Passage


DECISIVE_RATIO = 2.5  # a BM25 score this many times the next one's, on this many of the question's words,
DECISIVE_WORDS = 4  # is a passage the question all but quotes
PARALLEL_MIN = 0.35  # two subjects' paragraphs this alike, and clearly more than any other pair, say the same
PARALLEL_MARGIN = 0.08  # thing of each ("Retries are automatic. ..." / "Retries are handled per task ...")
DEFINING_PASSAGES = 2  # for "what's A?" / "is A just another Y?", the first passages with a sentence defining A
CODE_PASSAGES = 3  # for "how do you ... from code?", the first passages of the subject showing code


@dataclass
class Hit:
    passage: Passage
    score: float  # fused and steered, in [0, 1]
    dense: float  # cosine similarity to the question (0 when not among the dense candidates)
    parallel: bool = False  # says of its subject what the best passage says of another (``parallel``)
    decisive: bool = False  # far ahead of any other on the question's words (``decisive_match``)


Candidates = tuple[list[tuple[Passage, float]], list[tuple[Passage, float]]]  # (dense, lexical)


def retrieve(index: Index, question: Question, vector: list[float], settings: Settings) -> list[Hit]:
    return fuse(index, question, search(index, question, vector, settings), settings, decisive_match(index, question))


def search(index: Index, question: Question, vector: list[float], settings: Settings) -> Candidates:
    """The dense and the lexical candidates, best first (the expensive part, done once per question)."""
    k = settings.candidates_k
    return index.dense_search(vector, k), index.bm25_search(question.text, k)


def fuse(index: Index, question: Question, candidates: Candidates, settings: Settings,
         decisive: str | None = None) -> list[Hit]:
    """Reciprocal-rank fusion of the candidates, steered by what the question names; ``decisive``: the
    passage the question all but quotes (``decisive_match``, found once per question)."""
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
        if chunk_id == decisive:  # rank fusion forgets by how much: a passage far ahead on the words counts
            fused[chunk_id] += 2 * boost  # more than one about the subject named ("... a web of A tasks ...")
        if question.subjects and set(p.subjects) & set(question.subjects):
            # a subject's own section counts fully, and so does a passage about it that never names it (a
            # paragraph going on with "It ...": ``corpus.with_referents``); a passage that merely mentions it, half
            own = index.model.owner(p) in question.subjects
            fused[chunk_id] += boost * (1.0 if own else 0.5)
        if chunk_id in steered_ids:  # the table row is the canonical answer to a dimension question
            fused[chunk_id] += boost * (1.5 if p.kind == "table_row" else 1.0)
    ranked = sorted(fused.items(), key=lambda kv: -kv[1])[: settings.top_k]
    ranked += each_subject(index, question, fused, ranked)
    parallels = parallel(index, question, fused, ranked)
    listed = {cid for cid, _ in ranked}
    ranked += [(cid, fused.get(cid, 0.0)) for cid in parallels if cid not in listed]
    kept = listed | set(parallels)
    ranked += [(p.chunk_id, fused[p.chunk_id]) for p in steered if p.chunk_id not in kept][: settings.top_k]
    top = max((s for _, s in ranked), default=1.0) or 1.0
    scale = max(top, best_possible + 2 * boost)
    return [Hit(index.by_id[cid], score / scale, cosine.get(cid, 0.0), cid in parallels, cid == decisive)
            for cid, score in ranked]


def decisive_match(index: Index, question: Question) -> str | None:
    """The passage that, on the question's words besides the subjects' names, scores ``DECISIVE_RATIO``
    times the next one and shares ``DECISIVE_WORDS`` of them (the question all but quotes it), if any."""
    words = index.model.strip_names(question.text)
    found = index.bm25_search(words, 2)  # (passages none of whose words the question says are left out)
    if not found or (len(found) > 1 and found[0][1] < DECISIVE_RATIO * found[1][1]):
        return None
    shared = set(tokenize(words)) & set(tokenize(found[0][0].text))
    return found[0][0].chunk_id if len(shared) >= DECISIVE_WORDS else None


def each_subject(index: Index, question: Question, fused: dict[str, float], ranked) -> list[tuple[str, float]]:
    """A question on several subjects and no table dimension ("how do A and B differ on scheduling?"):
    the best candidate from the own section of each subject the top passages leave out."""
    if len(question.subjects) < 2 or question.dimensions:
        return []
    section = {cid: index.model.section_subject(index.by_id[cid]) for cid in fused}
    # a passage of one's section that names another subject asked of says how they differ, not its own
    # side ("Where A hands messages to a broker, B keeps state ..." for "compare the monitoring of A vs B")
    contrasts = {cid for cid in fused if set(index.model.find_subjects(index.by_id[cid].text, fuzzy=False))
                 & (set(question.subjects) - {section[cid]})}
    present = {section[cid] for cid, _ in ranked if cid not in contrasts}
    out = []
    for subject in question.subjects:
        own = [(cid, score) for cid, score in fused.items() if section[cid] == subject and cid not in contrasts]
        if subject not in present and own:
            out.append(max(own, key=lambda pair: pair[1]))
    return out


def parallel(index: Index, question: Question, fused: dict[str, float], ranked) -> list[str]:
    """A question on several subjects and no table dimension ("how do they differ when debugging a
    stuck job?"): for the best passage of one subject's own section, the candidate paragraph of each
    other subject's section clearly most like it (a comparison says the same thing of each in parallel)."""
    if len(question.subjects) < 2 or question.dimensions or not ranked:
        return []
    section = index.model.section_subject
    top = next((index.by_id[cid] for cid, _ in ranked if section(index.by_id[cid]) in question.subjects), None)
    if top is None:
        return []
    out = []
    for subject in question.subjects:
        among = [index.by_id[cid] for cid in fused if section(index.by_id[cid]) == subject
                 and index.by_id[cid].kind == "paragraph"]
        other = parallel_passage(index, top.chunk_id, among) if subject != section(top) else None
        if other is not None:
            out.append(other.chunk_id)
    return out


def parallel_passage(index: Index, chunk_id: str, among: list[Passage]) -> Passage | None:
    """Of ``among`` (paragraphs of one subject's section), the one most like the given passage: where
    a comparison says the same thing of the other subject ("For observability, A ships ..." / "For
    observability, most teams deploy ..."); None unless it is clearly the most alike
    (``PARALLEL_MIN``, ``PARALLEL_MARGIN``)."""
    rows = [index.by_id.position[p.chunk_id] for p in among if p.chunk_id in index.by_id.position]
    if not rows or chunk_id not in index.by_id.position:
        return None
    sims = np.asarray(index.vectors[rows]) @ np.asarray(index.vectors[index.by_id.position[chunk_id]])
    order = np.argsort(-sims)
    first, second = float(sims[order[0]]), float(sims[order[1]]) if len(order) > 1 else -1.0
    return index.passages[rows[int(order[0])]] if first >= PARALLEL_MIN and first - second >= PARALLEL_MARGIN else None


def steered_passages(index: Index, question: Question) -> list[Passage]:
    """The passages a question names by its structure: a table row and its subjects' labelled lines,
    the advice for a recommendation, the byline for a question about the article."""
    model = index.model
    if question.said:  # "why?", "what's the catch?": the passages the last answer quoted go on from it
        return [p for p in index.passages if p.kind != "table_row"
                and any(said_already(s, question.said) for s in split_sentences(p.text))]
    if question.misplaced:  # where the corpus says what the premise gives the wrong subject
        found = [p for p, _ in index.bm25_search(question.misplaced, 2)]
        return found + steered_passages(index, replace(question, misplaced=[]))
    if question.about_article:
        return [index.by_id[d.byline] for d in model.documents if d.byline in index.by_id][:2]
    if question.recommendation:  # (of one subject in a described situation, every subject's: another may fit better)
        wanted = set(question.subjects) if len(question.subjects) > 1 or not question.situation else set(model.subjects)
        ids = dict.fromkeys(a.chunk_id for a in model.advice if a.subject in wanted or wanted & set(a.together))
        return [index.by_id[c] for c in ids if c in index.by_id]
    out = named_passages(index, question) + placed_passages(index, question)
    # "how do you kick off a task from code?": the subject's passages that show code; "what do people use to
    # watch A?": those saying what most teams use
    for asks, says in ((shapes.HOW_TO_WRITE.match, shapes.CODE), (shapes.ASKS_COMMON_USE.search, shapes.COMMON_USE)):
        if question.subjects and asks(question.text):
            out += [p for p in index.passages if p.kind == "paragraph" and model.owner(p) in question.subjects
                    and says.search(p.text)][:CODE_PASSAGES]
    out += defining_passages(index, question)
    for dim in question.dimensions[:1]:
        ids = [r.chunk_id for r in dim.rows]
        for subject, lines in dim.lines.items():
            if not question.subjects or subject in question.subjects:
                ids += lines
        out += [index.by_id[c] for c in dict.fromkeys(ids) if c in index.by_id]
    return out


def defining_passages(index: Index, question: Question) -> list[Passage]:
    """For "what's A?" or "is A just another Y?" on a subject A: the passages with a sentence of A's that
    defines it ("A is a ...") or says what it is of that kind ("It does not call itself a Y at all")."""
    itself = shapes.self_description(question.text, question.subjects[0]) if len(question.subjects) == 1 else None
    if itself:  # "what does A call itself?"
        defined, pattern = question.subjects, itself
    else:
        defined = index.model.find_subjects(shapes.defined_thing(question.text)[0], fuzzy=False)
        pattern = shapes.defining(question.text, lambda thing: True) if defined else None
    if pattern is None:
        return []
    return [p for p in index.passages if p.kind == "paragraph" and set(p.subjects) & set(defined) and any(
        pattern.search(s) and index.model.owner(p, s) in defined for s in split_sentences(p.text))][:DEFINING_PASSAGES]


def named_passages(index: Index, question: Question, most: int = 2) -> list[Passage]:
    """The passages that write a thing the question names, one the corpus writes only as a name
    ("how does Board compare with what B gives you?"): wherever it stands, not only with a subject."""
    out: list[Passage] = []
    for name in sorted(question.things):
        written = re.compile(rf"(?<![\w-]){re.escape(name.capitalize())}(?![\w-])")
        out += [p for p, _ in index.bm25_search(name, most * 2) if written.search(p.text) and p not in out][:most]
    return out


def placed_passages(index: Index, question: Question) -> list[Passage]:
    """The passages where the question says its answer stands: each document's opening paragraphs (those
    under its title, before its first section) or its last section ("what do they offer at the end?")."""
    if not question.placed:
        return []
    documents: dict[str, list[Passage]] = {}  # each document's prose, in order
    for p in sorted(index.passages, key=lambda p: p.position):
        if p.kind != "byline":
            documents.setdefault(p.source, []).append(p)
    end = 0 if question.placed == "opening" else -1
    return [p for prose in documents.values() for p in prose if p.section == prose[end].section]
