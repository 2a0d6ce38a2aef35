"""A question that asks two things ("who makes A, and where are they based?"), split into standalone
asks, each answered in turn."""

from __future__ import annotations

import re

from . import shapes
from .article import ArticleModel
from .followups import ASKING, FOLLOWING, PLURAL, SINGULAR, _following, replace_pronouns

# Where a question's second ask begins: "who makes A, and where are they based?", "how many times
# does A retry and how long does it wait?", "is A hosted? is it cheap?" (not "how is A set up, is it
# X or Y?": a comma before "is it" offers a choice; not "A, which came out of X, ...": a comma before
# "which" opens a clause).
SECOND_ASK = re.compile(r"(?:(?P<q>\?)\s*(?:and\s+)?|,\s*and\s+|\s+and\s+)(?=(?:how|what|what's|which|when|where|who|why)\b"
                        r"|(?:is|are|does|do|did|can|will)\s+(?:it|they|there|that|this)\b)"
                        r"|,\s*(?=(?:how|what|what's)\b)|(?P<q2>\?)\s+(?=\w[^?]*\?\s*$)", re.I)  # "A? so I assume B?"
# A second ask going on with what the first did to its one subject: "..., and how do you scale the processing?"
IMPLIED = re.compile(r"^\W*(?:how|where|why|when) (?:do|does|would|should|can) (?:you|i|we|one)\b", re.I)
UNFINISHED = re.compile(r"^\W*(?:how|what|which|who|where|when|why)(?:'s)?\s+(?:(?:does|do|did|is|are|was|were|can|will|"
                        r"would|should)\s+)?[\w'’-]+$|\bbetween\b(?!.*\band\b)", re.I)  # "How does A", "between A"


def split_asks(question: str, model: ArticleModel) -> list[str]:
    """A question that asks two things of its subjects, as two questions, the second standalone
    ("where are they based?" after "who makes A?" -> "where are A based?"); else the question alone.
    Only a question that opens by asking splits ("Since A ..., is it ...?" and "we run ..., which
    ...?" do not), never one the scope check must see whole (instructions, creative writing), and
    only when the second ask is about a subject."""
    if shapes.INJECTION.search(question) or shapes.CREATIVE.search(question):
        return [question]
    for m in SECOND_ASK.finditer(question):
        first, second = question[: m.start()].strip(" ,"), question[m.end():].strip()
        last = re.split(r"(?<=[.!?])\s+", first)[-1]  # "... myself. Which tool, and what do people pair it with?"
        # "...myself. Which tool, and what do people pair it with?": "it" is the one the first answer names
        picks = bool(shapes.WHICH.match(last) and SINGULAR.search(second)) and not model.find_subjects(first)
        opens = ASKING.match(first) or ASKING.match(first.split(",")[-1].strip()) or picks  # "Out of the box, how many ..."
        if not (opens or m["q"] or m["q2"]) or len(first.split()) < 3 or len(second.split()) < 3 or UNFINISHED.search(first):
            continue
        second = _about_first(second, first, model)
        if not model.find_subjects(second) and len(model.find_subjects(first)) == 1 and IMPLIED.match(second):
            second = _following(second, first)  # "how do you kick off an A task, and how do you scale it out?"
        if model.find_subjects(second) or picks:  # (``about_answer`` names it after the first answer)
            carried = second[second.find(FOLLOWING):] if FOLLOWING in second else ""  # the last question, for
            return [f"{first}? {carried}".strip(), second]  # both asks ("which one ..., and where ...?" after it)
    return [question]


def about_answer(ask: str, answer: str, model: ArticleModel) -> str:
    """A second ask naming no subject, its pronouns for the subject the first answer names first, or for
    all those its first sentence opens with ("A and B have the lowest ...": both)."""
    first = re.split(r"(?<=[.!?\]])\s+", answer.strip(), maxsplit=1)[0]
    tied = model.find_subjects(re.split(r"\b(?:has|have|is|are)\b", first, maxsplit=1)[0])  # "A and B have the lowest X"
    return _about_first(ask, answer, model, tied if len(tied) > 1 else None)


def _about_first(second: str, first: str, model: ArticleModel, every: list[str] | None = None) -> str:
    """A second ask's pronouns for the first ask's subjects: "it" the first one named, "they" all; or,
    given ``every``, any of them for all of those."""
    before = every or model.find_subjects(first)
    if not before or model.find_subjects(second):
        return second
    possessive = lambda keys: model.names(keys) + ("'s" if len(keys) == 1 else "'")  # noqa: E731
    if PLURAL.search(second) and len(before) > 1:
        return replace_pronouns(second, PLURAL, before, model.names, possessive)
    return replace_pronouns(second, SINGULAR, before if every else before[:1], model.names, possessive)
