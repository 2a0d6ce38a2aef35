"""The advice an article gives, read at index time: sentences in a recommendation section, or shaped
like advice elsewhere ("X makes sense if ...", "choose X when ..."), each with the subject it advises
on and its conditions (the sentence without its subjects' names); "use them together" advice names
every subject it shares the work between. Part of the article model (``article.py``). At answer time,
``score_advice`` scores the statements by how well they fit the situation a question describes, once per
question; ``rank_advice``, ``advised_against`` and ``better_elsewhere`` read those scores.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from . import language as lang
from . import numbers
from . import shapes
from .article import Advice, ArticleModel, Document, section_subject
from .types import Passage

if TYPE_CHECKING:
    from .question import Question


def read_advice(model: ArticleModel, doc: Document, passages: list[Passage]) -> list[Advice]:
    from .corpus import split_sentences

    subjects = {s: model.subjects[s] for s in doc.subjects}
    out = []
    for p in passages:
        in_advice_section = bool(shapes.ADVICE_HEADING.search(p.section)) or bool(
            p.kind == "labelled" and shapes.ADVICE_HEADING.search(p.label))
        owner = section_subject(p.section, subjects)
        previous = ""
        for sentence in split_sentences(p.text):
            conditions = re.sub("|".join(lang.whole(subjects[k].name) for k in subjects), " ", sentence, flags=re.I)
            conditions = re.sub(r"\s+", " ", conditions).strip()
            together = combined_advice(sentence, previous, subjects) if in_advice_section else ()
            previous = sentence
            if together:
                out.append(Advice(p.chunk_id, p.source, sentence, together[0], conditions, together=together))
                continue
            advice = advice_in(sentence, subjects, owner, in_advice_section)
            if advice:
                out.append(Advice(p.chunk_id, p.source, sentence, advice, conditions,
                                  bool(shapes.NEGATIVE_ADVICE.search(sentence)), bool(shapes.DEFAULT_ADVICE.search(sentence))))
    return out


def combined_advice(sentence: str, previous: str, subjects: dict) -> tuple[str, ...]:
    """The subjects a sentence advises using together ("use them together", or after "the two are not
    mutually exclusive" a sentence sharing the work out: "keep A for ... and move ... onto B"), named
    in it, in the order named."""
    if not (shapes.COMBINED_ADVICE.search(sentence)
            or (shapes.COMBINED_ADVICE.search(previous) and shapes.SHARED_WORK.search(sentence))):
        return ()
    low = sentence.lower()
    named = sorted((m.start(), k) for k in subjects for m in [re.search(lang.whole(k), low)] if m)
    return tuple(k for _, k in named) if len(named) >= 2 else ()


def advice_in(sentence: str, subjects: dict, owner: str | None, in_advice_section: bool) -> str | None:
    """The subject a sentence advises on, if it is advice: in an advice section (or a "Best fit:"
    line) any advice-shaped sentence about a subject; elsewhere only one whose advice phrase sits
    right after the subject (or its pronoun) or right before it ("choose X"), with a condition."""
    m = shapes.ADVICE_SHAPE.search(sentence)
    if not m:
        return None
    low = sentence.lower()
    named = [k for k in subjects if re.search(lang.whole(k), low)]
    pronoun = bool(lang.PRONOUN_START.match(sentence)) or low.startswith(("at a ", "at an "))
    subject = advice_subject(sentence, named) or (owner if pronoun or (in_advice_section and not named) else None)
    if not subject:
        return None
    if in_advice_section:
        return subject
    if len(named) > 2 or not re.search(r"\b(?:if|when|for|teams?|where|who|at a)\b", low):
        return None
    spots = [x.end() for x in re.finditer(re.escape(subject), low)] + ([0] if pronoun else [])
    close_before = any(0 <= m.start() - end <= 60 for end in spots)
    close_after = any(0 <= x.start() - m.end() <= 25 for x in re.finditer(re.escape(subject), low))
    return subject if close_before or close_after else None


def advice_subject(sentence: str, named: list[str]) -> str | None:
    """The subject an advice sentence recommends: the one right before its advice verb ("X is the
    right choice", "X makes sense"), or right after it ("choose X", "reach for X")."""
    if not named:
        return None
    low = sentence.lower()
    m = shapes.ADVICE_SHAPE.search(sentence)
    if len(named) == 1 or not m:
        return named[0]
    at = m.start()
    positions = {k: [x.start() for x in re.finditer(lang.whole(k), low)] for k in named}
    after = [(min(p for p in ps if p >= m.end()), k) for k, ps in positions.items() if any(p >= m.end() for p in ps)]
    before = [(max(p for p in ps if p < at), k) for k, ps in positions.items() if any(p < at for p in ps)]
    verb_first = re.match(r"\b(?:choose|pick|use|go with|reach for|opt for|adopt|prefer)\b", m.group(), re.I)
    if verb_first and after:
        return min(after)[1]
    return max(before)[1] if before else min(after)[1]


def rank_advice(scored: list[tuple[float, Advice]]) -> list[Advice]:
    """The advice statements (scored by ``score_advice``), best fit to the situation the question describes
    first; a statement that advises against a subject counts against it."""
    against: dict[str, float] = {}
    for score, a in scored:
        if a.negative:
            against[a.subject] = max(against.get(a.subject, 0.0), score)
    ranked = [(s - (0.5 * against[a.subject] if against.get(a.subject, float("-inf")) > s else 0.0), a)
              for s, a in scored if not a.negative]
    ranked.sort(key=lambda pair: -pair[0])
    return [a for _, a in ranked]


AGAINST_MARGIN = 0.2  # advice against a subject answers only when it fits this much better than any advice for it


def advised_against(q: Question, scored: list[tuple[float, Advice]]) -> Advice | None:
    """The statement advising against the one subject a question asks about ("is A a sensible pick at a
    10-person startup?": "At a 10-person startup, it's almost certainly too much"), when it fits the
    situation better than any statement for that subject."""
    mine = sorted(((s, a) for s, a in scored if [a.subject] == q.subjects and not a.together), key=lambda pair: -pair[0])
    if not mine or not mine[0][1].negative:
        return None
    score, against = mine[0]
    heads, spans = sum(q.counts), numbers.ranges(against.sentence)
    if q.counts and spans:  # "... for a 10-person startup?": the statement's own head count decides
        return against if any(lo <= heads <= hi for lo, hi in spans) else None  # (not a 30-person one)
    best_for = max((s for s, a in mine if not a.negative), default=float("-inf"))
    return against if score >= best_for + AGAINST_MARGIN else None  # else clearly (not "for a startup on GCP?")


def better_elsewhere(q: Question, scored: list[tuple[float, Advice]]) -> Advice | None:
    """For a question on one subject in a described situation ("Someone suggested A. Worth it?"; not "We've
    settled on A. Which X should we use?"), another subject's advice that fits the situation clearly better
    (``AGAINST_MARGIN``) than any advice for the subject asked about; else None."""
    if len(q.subjects) != 1 or not q.situation or shapes.WHICH.search(shapes.asking_sentence(q.text)):
        return None
    alone = [(s, a) for s, a in scored if not a.together and not a.negative]
    mine = max((s for s, a in alone if a.subject == q.subjects[0]), default=float("-inf"))
    best = max(((s, a) for s, a in alone if a.subject != q.subjects[0]), key=lambda pair: pair[0], default=None)
    return best[1] if best and best[0] >= mine + AGAINST_MARGIN else None


def score_advice(q: Question, advice: list[Advice], vector, index) -> list[tuple[float, Advice]]:
    """Each statement's fit to the situation the question describes: similarity of the question to its
    conditions, shared rare words, a stated head count inside the statement's range (a negative statement
    scored as a positive one; ``rank_advice`` counts it against its subject)."""
    sims = np.asarray(index.embed_sentences([a.conditions for a in advice])) @ np.asarray(vector)
    idf = index.bm25.idf
    asked = {t: max(idf.get(t, 0.0), 0.0) for t in lang.tokenize(q.text.replace("-", " "))
             if not index.model.is_subject_word(t) and t not in shapes.ASKING_ONLY}  # not "what fits best?"
    total = sum(asked.values()) or 1.0
    negated = lang.negated_terms(q.text)
    scored = []
    for a, sim in zip(advice, sims):
        words = set(lang.tokenize(a.conditions.replace("-", " "))) | set(lang.tokenize(a.conditions))
        lacking = negated | lang.spelled_out(negated, a.conditions)  # "nobody knows k8s"
        shared = words & asked.keys() - lacking  # what the asker lacks is no shared ground
        score = float(sim) + 0.5 * sum(asked[t] for t in shared) / total
        for term in lacking & {w.split("-")[0] for w in words} | lacking & words:
            # the question lacks what this advice needs, unless the advice too does without it, or
            # offers another way ("provided you have X or are willing to ...")
            if term in lang.negated_terms(a.conditions):
                score += 0.25
            else:
                alternative = re.search(rf"{re.escape(term)}\w*\b.{{0,80}}\bor\b", a.conditions, re.I)
                score -= 0.1 if alternative else 0.35
        heads = [sum(q.counts)] if q.counts else []
        fits = [lo <= n <= hi for n in heads for lo, hi in numbers.ranges(a.sentence)]
        if any(fits):
            score += 0.3
        elif fits:
            score -= 0.2
        if a.together and not shapes.BOTH_ASKED.search(q.text) and not shapes.USED_TOGETHER.search(q.text):
            score -= 0.3  # using several together answers only a question that asks about having to pick one
        elif a.together and (shapes.USED_TOGETHER.search(q.text) or shapes.ALL_OR_NOTHING.search(q.text)) \
                and set(q.subjects) <= set(a.together):
            score += 0.3  # ... and is the answer to "can A and B be used together?", "must we rip out A?"
        if a.default:  # the article's default: the answer when the question describes no situation
            score += 0.05 if q.situation else 0.3
        scored.append((score, a))
    return scored
