"""Reading a (standalone) question against the article model: which subjects and table dimensions
it names, whether it asks for a recommendation, a comparison or a yes/no, and what situation it
describes. Subjects come from the model's names; the dimension from similarity to the row labels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from . import language as lang
from .article import ArticleModel, Dimension

# A dimension is what the question asks about when its label is this close (cosine to the label's
# embedding, plus a share of the label's words found in the question).
DIMENSION_MIN_SCORE = 0.4
DIMENSION_WORD_WEIGHT = 0.35
INFERRED_MIN_COSINE = 0.55  # a dimension's passage retrieved first this close stands for the dimension


@dataclass
class Question:
    text: str
    subjects: list[str] = field(default_factory=list)
    dimensions: list[Dimension] = field(default_factory=list)
    dimension_score: float = 0.0
    polarity: float | None = None  # -1 "easy/cheap/low", +1 "hard/expensive/high"
    superlative: bool = False
    comparative: bool = False
    yes_no: bool = False
    which: bool = False  # "which of them ...?": the answer names the subject first
    premise: bool = False  # "Why is X ...", "Since X ..."
    recommendation: bool = False
    overview: bool = False
    about_article: bool = False  # who wrote it, when
    counts: list[int] = field(default_factory=list)  # numbers the question states ("a 6-person team")
    situation: bool = False  # it describes the asker's situation

    @property
    def dimension(self) -> Dimension | None:
        return self.dimensions[0] if self.dimensions else None


SITUATION = re.compile(
    r"\b(?:we|we're|we are|we've|our|i'm|i am|i have|my|us)\b|\bif (?:you|i|we)\b|\bfor (?:a|an|teams?)\b"
    r"|\b(?:a|an) (?:\w+ )?(?:startup|company|team|shop|org|organi[sz]ation)\b", re.I)


def analyse(text: str, model: ArticleModel, index=None, bare_vector=None) -> Question:
    """``bare_vector``: the embedding of ``bare_question(text)`` (the dimension is matched with it)."""
    q = Question(text=text)
    q.subjects = model.find_subjects(text)
    if index is not None and bare_vector is not None:
        q.dimensions, q.dimension_score = match_dimensions(text, model, index, bare_vector)
    q.polarity = lang.claimed_polarity(text)
    q.superlative = bool(lang.SUPERLATIVE.search(text)) and len(q.subjects) != 1
    q.comparative = bool(lang.COMPARATIVE.search(text))
    q.yes_no = bool(lang.YES_NO.match(text))
    q.which = bool(lang.WHICH.search(text))
    q.premise = bool(lang.PREMISE.match(text))
    q.counts = lang.counts(text)
    q.situation = bool(q.counts) or bool(SITUATION.search(text))
    asks_which = bool(lang.RECOMMEND.search(text)) or (q.which and q.situation)
    judged = q.dimensions and q.polarity is not None and (q.premise or q.superlative or q.comparative)
    q.recommendation = bool(model.advice) and asks_which and (q.situation or not q.dimensions) and not judged
    om = lang.OVERVIEW.match(text)
    q.overview = bool(om) and not q.dimensions and len(q.subjects) == 1 and len(om["rest"].split()) <= 3
    q.about_article = bool(lang.ABOUT_ARTICLE.search(text)) and not q.subjects
    return q


def match_dimensions(text: str, model: ArticleModel, index, vector) -> tuple[list[Dimension], float]:
    """Table dimensions the question asks about, best first: the question without its subjects'
    names (``vector``), compared with each label (bare and as "What is its <label>?"), plus the
    share of the label's words the question uses."""
    dims = list(model.dimensions.values())
    if not dims:
        return [], 0.0
    bare = bare_question(text, model)
    labels = np.asarray(index.embed_sentences([d.label for d in dims] + [f"What is its {d.noun}?" for d in dims]))
    cosine = (labels @ np.asarray(vector)).reshape(2, len(dims)).max(axis=0)
    asked = set(lang.tokenize(bare))
    scored = []
    for dim, cos in zip(dims, cosine):
        own = [w for w in lang.tokenize(dim.label) if len(w) > 2]
        share = sum(1 for w in own if any(lang.same_word(w, a) for a in asked)) / len(own) if own else 0.0
        scored.append((float(cos) + DIMENSION_WORD_WEIGHT * share, dim))
    scored.sort(key=lambda pair: -pair[0])
    best = scored[0][0]
    chosen = [d for s, d in scored if s >= DIMENSION_MIN_SCORE and s >= best - 0.05]
    return chosen[:2], best


def infer_dimension(q: Question, hits, model: ArticleModel) -> Dimension | None:
    """A dimension the question did not name but whose passage retrieval put first: a subject's
    "Label: value." line or a table row, closely matched ("How long until Acme is up and running?"
    lands on Acme's "Setup complexity: ..." line)."""
    if q.dimensions or q.recommendation or q.about_article or not q.subjects or not hits:
        return None
    if lang.ASKS_WHEN.search(q.text) or lang.ASKS_MAKER.search(q.text) or lang.ASKS_COUNT.search(q.text):
        return None  # it asks for a date, a maker, a number: not what a table row holds
    top = hits[0].passage
    if hits[0].dense < INFERRED_MIN_COSINE:
        return None
    for dim in model.dimensions.values():
        lines = [c for s in q.subjects for c in dim.lines.get(s, [])]
        own_line = top.chunk_id in lines and top.label.lower() == dim.key  # the row's own label, not a look-alike
        if dim.rows and (own_line or top.chunk_id in {r.chunk_id for r in dim.rows}):
            return dim
    return None


def bare_question(text: str, model: ArticleModel) -> str:
    """The question without its subjects' names, spaces tidied."""
    return re.sub(r"\s+", " ", strip_subjects(text, model)).strip() or text


def strip_subjects(text: str, model: ArticleModel) -> str:
    """The question without its subjects' names (so "Acme Cloud" does not read as a topic)."""
    out = text
    for subject in model.subjects.values():
        for name in [subject.key] + subject.aliases:
            out = re.sub(rf"(?<![\w-]){re.escape(name)}(?:'s|’s)?(?![\w-])", " ", out, flags=re.I)
    return out
