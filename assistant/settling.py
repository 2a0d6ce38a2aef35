"""Settling the table dimension a question's words left open, with retrieval's help: a candidate row
whose passage retrieval ranks among the closest, the closest row of levels for a question judging one,
or the row whose line opens the closest paragraph; and when retrieval points elsewhere instead."""

from __future__ import annotations

from . import language as lang
from . import numbers
from . import shapes
from .article import ArticleModel, Dimension
from .corpus import split_sentences
from .question import Question, strip_subjects
from .rows import label_words

INFERRED_MIN_COSINE = 0.55  # a dimension's passage retrieved first this close stands for the dimension
AGREEMENT_MIN_SCORE = 0.3  # a weaker candidate counts when retrieval ranks its passage in the top few
TIED = 0.05  # ... and so does one this close to a candidate that counts
AGREEMENT_TOP = 3
RANKED_MIN_SCORE = 0.2  # "which is lightest?": the closest dimension whose values are levels
JUDGED_TOP = 6


def settle_dimension(q: Question, hits, dense, model: ArticleModel) -> Dimension | None:
    """A dimension the question's words alone did not settle, decided with retrieval's help (``hits``
    fused and steered, ``dense`` the (passage, cosine) candidates by similarity alone): a close
    candidate whose row or own "Label: value." line is among the most similar passages; for a
    question judging a level ("which is lightest to run?"), the closest ranked dimension; or the
    dimension whose line or row retrieval put first, closely matched. Of two close dimensions, the one
    more of whose label the question says ("where is job state kept?": half of "Where state lives", a
    third of "Long-running jobs"); if the words match equally, the one whose passage retrieval ranks
    higher."""
    if len(q.dimensions) == 2 and not q.recommendation:
        said = [q.shares.get(d.key, 0.0) for d in q.dimensions]
        if said[0] != said[1]:
            return q.dimensions[1] if said[1] > said[0] else None
        first, second = (agreement(q, d, dense, model) for d in q.dimensions)
        return q.dimensions[1] if second < first else None
    if q.dimensions or q.recommendation or q.about_article or q.overview or q.foreign or not hits:
        return None
    if shapes.ASKS_WHEN.search(q.text) or shapes.ASKS_MAKER.search(q.text) or shapes.HOW_TO_WRITE.match(q.text):
        return None  # it asks for a date, a maker or how code is written: not what a table row holds
    counting = bool(shapes.ASKS_COUNT.search(shapes.asked_part(q.text)))  # a number: only a row of quantities holds it
    candidates = [(s, d) for s, d in q.dimension_candidates
                  if not counting or (d.rows and all(numbers.QUANTITY.search(v) for v in d.rows[0].cells.values()))]
    best = candidates[0][0] if candidates else 0.0  # close enough, or as close as the closest that is
    floor = min(AGREEMENT_MIN_SCORE, best - TIED) if best >= AGREEMENT_MIN_SCORE else AGREEMENT_MIN_SCORE
    agreeing = [(agreement(q, dim, dense, model, INFERRED_MIN_COSINE), -score, i)  # a close passage stating its cell
                for i, (score, dim) in enumerate(candidates) if score >= floor and not names_elsewhere(q, dim, model)]
    agreeing = [a for a in agreeing if a[0] < AGREEMENT_TOP]
    if agreeing:
        return candidates[min(agreeing)[2]][1]
    if counting:  # the one row of quantities the question's words point at
        return candidates[0][1] if len(candidates) == 1 and candidates[0][0] >= AGREEMENT_MIN_SCORE else None
    judging = q.polarity is not None and (q.superlative or q.comparative or q.yes_no or q.premise or q.which
                                          or shapes.DEGREE.match(q.text))  # "how steep is A to pick up?"
    ranked = [(s, d) for s, d in q.dimension_candidates if d.ordered and not names_elsewhere(q, d, model)]
    if judging and ranked:  # only a dimension with levels can be judged: the one retrieval finds first
        position = {h.passage.chunk_id: i for i, h in enumerate(hits[:JUDGED_TOP])}
        found = [(min((position[c] for c in own_passages(d, q.subjects, model) if c in position), default=99), -s, i)
                 for i, (s, d) in enumerate(ranked)]
        first, _, i = min(found)
        bare = [w for w in lang.tokenize(lang.LOW_WORDS.sub(" ", lang.HIGH_WORDS.sub(" ", strip_subjects(q.text, model))))
                if w not in ("one", "ones", "which", "what")]
        only_one = len(ranked) == 1 and len(bare) <= 1  # "which one's lighter to run?": nothing else asked
        clear = ranked[0][0] >= RANKED_MIN_SCORE and (len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= 0.05)
        if first < 99 or clear or only_one:  # the clearly closest label, else the one retrieval found first
            return ranked[0 if clear or first == 99 else i][1]
    if q.subjects and hits[0].dense >= INFERRED_MIN_COSINE:  # the row whose line opens the closest paragraph,
        for _, dim in q.dimension_candidates[:AGREEMENT_TOP]:  # when its label is among the closest too
            if dim.rows and hits[0].passage.chunk_id in own_passages(dim, q.subjects, model):
                return dim
    return None


def names_elsewhere(q: Question, dim: Dimension, model: ArticleModel) -> bool:
    """The question names a thing the corpus writes as a name ("what's board?") that the dimension's
    row never says: it asks about that thing, not the row a similar passage happens to be."""
    row = {w for v in [dim.label, *(c for r in dim.rows for c in r.cells.values())] for w in lang.words(v)}
    return bool(q.things) and not q.things & row


def agreement(q: Question, dim: Dimension, dense, model: ArticleModel, stating_cosine: float = -1.0) -> int:
    """Where the dimension's first passage ranks among the ``AGREEMENT_TOP`` most similar: its row or
    own line, or a passage of the subject's section stating its cell (at least ``stating_cosine``
    similar); ``AGREEMENT_TOP`` when none is there."""
    own = own_passages(dim, q.subjects, model)
    return next((rank for rank, (p, cos) in enumerate(dense[:AGREEMENT_TOP])
                 if p.chunk_id in own or (cos >= stating_cosine and any(states_cell(dim, s, p, model) for s in q.subjects))),
                AGREEMENT_TOP)


def states_cell(dim: Dimension, subject: str, passage, model: ArticleModel) -> bool:
    """A passage of the subject's own section says in one sentence what its cell says: a word of
    the dimension's label and a word of the cell ("The server is written in Go" for "Written in: Go";
    "Its data lives in the queue" for "Where data lives: Message queue")."""
    found = dim.value(subject)
    if not found or model.section_subject(passage) != subject:
        return False
    label = set(label_words(dim))
    names = {w for n in [subject] + model.subjects[subject].aliases for w in lang.tokenize(n)}
    cell = {lang.stem(w) for w in lang.tokenize(found[0]) if len(w) > 1} - label - names
    for sentence in split_sentences(passage.text):
        said = {lang.stem(w) for w in lang.tokenize(sentence.replace("-", " "))}  # "one-hour": hour
        if said & cell and any(lang.same_word(w, x) for w in label for x in said):
            return True
    return False


def first_elsewhere(dim: Dimension, q: Question, candidates, model: ArticleModel) -> bool:
    """Dense and lexical retrieval (``candidates``) put the same passage first, and it is none of the
    dimension's own rows or lines ("does A describe itself as a task queue?")."""
    dense, lexical = candidates
    if not dense or not lexical or q.polarity is not None \
            or q.superlative or q.comparative or q.weighing:  # "which is lightest?": the row answers
        return False
    own = own_passages(dim, q.subjects, model)
    if dense[0][0].chunk_id == lexical[0][0].chunk_id:
        return dense[0][0].kind != "table_row" and dense[0][0].chunk_id not in own
    # two different passages first: both elsewhere, neither stating the row's cell ("The server is written in Go"),
    # and no word of the label said ("comfortably" of "Comfortable scale")
    return not q.shares.get(dim.key) and all(
        p.kind != "table_row" and p.chunk_id not in own and not any(states_cell(dim, s, p, model) for s in q.subjects)
        for p in (dense[0][0], lexical[0][0]))


def own_passages(dim: Dimension, subjects: list[str], model: ArticleModel) -> set[str]:
    """The dimension's table rows and the subjects' lines under its very label."""
    ids = {r.chunk_id for r in dim.rows}
    for s in subjects or list(dim.lines):
        ids |= set(dim.own_lines.get(s, []))
    return ids
