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
VERBAL_NEGATION = re.compile(r"\b(?:not|never|without)\b|n['’]t\b", re.I)  # (not "no other X": a determiner)
NEGATED_WORDS = re.compile(r"(?:\b(?:not|never|no)|n['’]t)\s+(?P<on>(?:[\w-]+\s+){0,1}[\w-]+)", re.I)  # and the words it negates


def negated_premise(q: Question, sentences, model: ArticleModel) -> str:
    """"Since the stack decision is basically permanent, shouldn't we ...?": a premise (opening "since /
    given / because", or stated then asked) one of the closest sentences says with a negation it lacks
    ("The MLOps stack decision is not permanent — ..."); or a premise with a negation ("A has no built-in
    scheduling, so which cron tool ...?") one of them says without any ("Scheduling is built into the
    server ..."): that sentence, or ""."""
    clause = premise_clause(q)
    if not clause:
        return ""
    negated = bool(shapes.NEGATION.search(clause))
    words = {lang.stem(w) for w in lang.tokenize(shapes.NEGATION.sub(" ", clause.replace("-", " "))) if len(w) > 2
             and not model.is_subject_word(w)}  # ("built-in": built, as in "built into")
    if len(words) < (2 if negated else 3):
        return ""
    for s in sentences[:NEGATED_TOP]:
        said = {lang.stem(w) for w in lang.tokenize(s.text.replace("-", " "))}
        if len(words & said) < NEGATED_SHARE * len(words):
            continue
        denies = any(  # "... is not permanent": a negation falls on a word of the premise,
            words & {lang.stem(w) for w in lang.tokenize(m.group("on"))} for m in NEGATED_WORDS.finditer(s.text))
        if not negated and denies:  # not on any word nearby ("... without any setup")
            return s.text
        if negated and not denies and (not q.subjects or set(s.passage.subjects) <= set(q.subjects)):
            return s.text  # the subject's own sentence says it has what the premise says it lacks
    return ""


def premise_clause(q: Question) -> str:
    """The claim a premise makes: after "since / given / because" up to the clause's end, or the
    statement before ", so <question>"; "" for a question with no premise (or one asking why)."""
    if not q.premise or q.text.lstrip().lower().startswith("why"):
        return ""
    if shapes.PREMISE.match(q.text):
        return re.split(r"[,;?]|\b(?:so|then|and|but)\b", shapes.PREMISE.sub("", q.text, count=1), maxsplit=1)[0]
    stated = shapes.STATED_THEN_ASKED.search(q.text)
    if stated:
        return re.split(r"[\s,;]+so\s+\w+\W*$", stated.group())[0]
    being = shapes.BEING.match(q.text)
    return being.group().rstrip(",; ") if being else ""


def contradicted_claim(q: Question, sentences, model: ArticleModel):
    """A premise naming something the closest sentence on its subject says otherwise ("A being an X
    graduated project, ...": "A ... is now a graduated project of the Y Foundation"): the sentence says the
    premise's other words and a name of its own, but none of the names the premise gives (nor a longer
    form of one); that sentence, or None."""
    clause = premise_clause(q)
    if not clause or len(q.subjects) != 1:
        return None
    named = {w.lower() for w in re.findall(r"(?<=\s)[A-Z][\w&.-]*|\b[A-Z]{2,}\b", " " + clause)
             if not model.is_subject_word(w.lower())}  # names as the asker writes them ("X", "ACME")
    words = {lang.stem(w) for w in lang.tokenize(re.sub(r"\bbeing\b", " ", clause))  # (the shape's own word)
             if len(w) > 2 and w not in named and not model.is_subject_word(w)}
    if not named or len(words) < 2:
        return None
    for s in sentences[:NEGATED_TOP]:
        said = {lang.stem(w) for w in lang.tokenize(s.text)}
        written = [w.lower() for w in lang.words(s.text)]
        its_own = {w.lower() for w in re.findall(r"(?<=\s)[A-Z][\w&.-]*", s.text) if not model.is_subject_word(w.lower())}
        if q.subjects[0] in s.passage.subjects and len(words & said) >= NEGATED_SHARE * len(words) and its_own \
                and not any(w.startswith(n) or n.startswith(w) and len(w) >= 4 for n in named for w in written):
            return s  # (not "a Postgres database" against "... such as PostgreSQL")
    return None


def denied_thing(q: Question, sentences, model: ArticleModel):
    """"Do frameworks like these give you a feature store too?": one of the closest sentences names the
    thing asked for (two of the question's words, next to each other in both) in the clause a verbal negation
    governs ("They don't typically handle: model serving, monitoring, feature stores, ..."; not "... is not
    permanent — but migrating X is expensive", nor "No other engine offers as many X"); that sentence, or None.
    Not when the question names a value of a row (the table answers: "does A keep state in Redis?")."""
    if not q.yes_no or q.premise or shapes.IS_IT_A.match(q.text) or shapes.NEGATION.search(q.text) \
            or any(q.mentioned.values()):
        return None  # (not "is A just another X?": what A is; nor "can I run A without any X?": the sentence agrees)
    root = lambda w: w[:-1] if w.endswith("e") else w  # noqa: E731  ("store" and "stores" -> "stor")
    asked = [root(w) for w in lang.tokenize(q.text) if len(w) > 2 and not model.is_subject_word(w)]
    pairs = set(zip(asked, asked[1:]))
    for s in sentences[:NEGATED_TOP]:
        negation = VERBAL_NEGATION.search(s.text)  # (what it negates: not "For teams that would rather not, ...")
        clause = re.split(r"\s[—–-]\s|[;.]|\bbut\b", s.text[negation.end():])[0] if negation else ""
        after = [root(w) for w in lang.tokenize(clause)] if negation and not re.match(r"\s*[,;]", clause) else []
        if pairs & set(zip(after, after[1:])) and set(s.passage.subjects) <= set(q.subjects):
            return s  # (of the subjects asked about, or of none: not what frameworks lack, asked of A)
    return None
