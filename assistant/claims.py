"""What a premise claims a subject is, when the corpus never uses the word: "A is GPL, so ...?" —
read as a value of the table row the word is clearly closest to, so the table can correct it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from . import language as lang
from . import shapes
from .article import ArticleModel, Dimension

if TYPE_CHECKING:
    from .question import Question


CLAIM_MIN_SIMILARITY = 0.45  # "GPL" to the label "License": how close a claimed word must be to a row
CLAIM_MARGIN = 0.1  # ... and how much closer than to any other row
CLAIMED = re.compile(r"(?:'s|’s|\s+(?:is|are|being))\s+(?:an?\s+|just\s+|basically\s+)?(?P<word>[A-Za-z][\w.+-]*\w)\b", re.I)


def claimed_row(q: Question, model: ArticleModel, index) -> tuple[Dimension, str] | None:
    """"A is GPL, so ...": the word a premise says a subject is, when the corpus never uses it and it
    is no everyday word, and the row whose label or cells it is clearly closest to (a license name to
    "License", a language to "Written in"): the row and the word, for the table to correct."""
    name = re.search(lang.whole(q.subjects[0]), q.text, re.I)
    said = name and CLAIMED.match(q.text[name.end():])
    if not said:
        return None
    word = said["word"]
    if lang.stem(word.lower()) in index.vocabulary() or lang.is_everyday(word.lower()) or lang.rank(word) is not None:
        return None
    dims = [d for d in model.dimensions.values() if d.rows]
    items = [(d, text) for d in dims for text in [d.label, *(v for r in d.rows for v in r.cells.values())]]
    if not items:
        return None
    vectors = np.asarray(index.embed_sentences([word] + [text for _, text in items]))
    sims = vectors[1:] @ vectors[0]
    best: dict[str, float] = {}
    for (d, _), sim in zip(items, sims):
        best[d.key] = max(best.get(d.key, -1.0), float(sim))
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if ranked[0][1] < CLAIM_MIN_SIMILARITY or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] < CLAIM_MARGIN):
        return None
    return model.dimensions[ranked[0][0]], word


NEGATED_SHARE = 0.7  # a premise this much of whose content words a sentence with a negation says
NEGATED_TOP = 5  # ... among the closest sentences
NEGATED_WORDS = re.compile(r"(?:\b(?:not|never|no)|n['’]t)\s+(?P<on>(?:[\w-]+\s+){0,1}[\w-]+)", re.I)  # and the words it negates


def negated_premise(q: Question, sentences) -> str:
    """"Since the stack decision is basically permanent, shouldn't we ...?": a premise (opening "since /
    given / because", or stated then asked) one of the closest sentences says with a negation it lacks
    ("The MLOps stack decision is not permanent — ..."): that sentence, or ""."""
    if not q.premise or not shapes.PREMISE.match(q.text) or q.text.lstrip().lower().startswith("why"):
        return ""
    clause = re.split(r"[,;?]|\b(?:so|then|and|but)\b", shapes.PREMISE.sub("", q.text, count=1), maxsplit=1)[0]
    if shapes.NEGATION.search(clause):
        return ""
    words = {lang.stem(w) for w in lang.tokenize(clause) if len(w) > 2}
    if len(words) < 3:
        return ""
    for s in sentences[:NEGATED_TOP]:
        said = {lang.stem(w) for w in lang.tokenize(s.text)}
        if len(words & said) >= NEGATED_SHARE * len(words) and any(  # "... is not permanent": the negation
                words & {lang.stem(w) for w in lang.tokenize(m.group("on"))} for m in NEGATED_WORDS.finditer(s.text)):
            return s.text  # falls on a word of the premise, not on any word nearby ("... without any setup")
    return ""
