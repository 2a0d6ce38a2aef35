"""What a page says about the corpus before anyone asks: its documents, what they cover, a
placeholder and example questions — all generated from the article model, so another corpus gets
its own. Only generic English question templates live here."""

from __future__ import annotations

import re

from .article import ArticleModel, Dimension
from .language import STOPWORDS

CONDITION = re.compile(r"\b(?:if|when)\s+(?P<clause>[^,;.!?]+)(?P<end>[,;.!?]|$)", re.I)
ANAPHORA = re.compile(r"\b(?:those|these|them|they|it|its|such)\b", re.I)  # needs the sentence before
PRONOUNS = [(r"\byou(?:'|’)re\b", "we're"), (r"\byou(?:'|’)ve\b", "we've"), (r"\byour\b", "our"),
            (r"\byourself\b", "ourselves"), (r"\byou\b", "we")]


def documents_of(model: ArticleModel) -> list[dict[str, str]]:
    """Each document with its title and byline, for headers."""
    return [{"source": d.source, "title": d.title or d.source, "author": d.author, "date": d.date}
            for d in model.documents]


def placeholder(model: ArticleModel) -> str:
    subjects = list(dict.fromkeys(s for d in model.documents for s in d.subjects))
    about = f"about {model.names(subjects, last='or')} " if subjects else ""
    return f"Ask {about}— answers come only from the corpus, with citations."


def example_questions(model: ArticleModel) -> list[str]:
    """Up to four questions that show what the corpus answers: a table value, a comparison, a
    recommendation for a situation, and a false premise the article corrects."""
    subjects = list(dict.fromkeys(s for d in model.documents for s in d.subjects))
    name = {k: model.subjects[k].name for k in subjects if k in model.subjects}
    dims = [d for d in model.dimensions.values() if d.rows]
    ordered = [d for d in dims if d.ordered]
    out: list[str] = []
    asked = None
    if dims and name:
        first = next(iter(name))
        asked = next((d for d in dims if d.value(first) and reads_as_noun(d)), dims[0])
        out.append(f"What is {name[first]}'s {asked.noun}?")
    if ordered:
        dim = next((d for d in ordered if d is not asked), ordered[0])
        out.append(f"Which has the lowest {dim.noun}?")
    elif len(name) >= 2 and len(dims) >= 2:
        a, b = list(name.values())[:2]
        out.append(f"How do {a} and {b} differ on {dims[1].noun}?")
    situation = recommendation_question(model)
    if situation:
        out.append(situation)
    premise = false_premise(ordered, name)
    if premise:
        out.append(premise)
    if not out and name:
        out.append(f"Tell me about {next(iter(name.values()))}.")
    return list(dict.fromkeys(out))[:4]


def reads_as_noun(dim: Dimension) -> bool:
    """"License" reads as "X's license"; "Written in" does not."""
    words = dim.noun.split()
    return bool(words) and words[-1].lower() not in STOPWORDS


def recommendation_question(model: ArticleModel) -> str | None:
    """"Which should we choose if <an advice sentence's condition>?", from the advice whose
    condition reads best on its own (a whole clause, no subject names or pronouns, 4–14 words)."""
    best: tuple[int, str] | None = None
    for advice in model.advice:
        if advice.negative:
            continue
        for m in CONDITION.finditer(advice.sentence):
            clause = m["clause"].strip()
            words = clause.split()
            if (not 4 <= len(words) <= 14 or model.find_subjects(clause, fuzzy=False)
                    or ANAPHORA.search(clause)):
                continue
            rest = advice.sentence[m.end():]
            whole = m["end"] != "," or bool(model.find_subjects(rest[:60], fuzzy=False))
            score = (2 if whole else 0) - len(words) / 100
            if best is None or score > best[0]:
                best = (score, clause)
    if best is None:
        return None
    clause = best[1]
    for pattern, replacement in PRONOUNS:
        clause = re.sub(pattern, replacement, clause, flags=re.I)
    return f"Which should we choose if {clause}?"


def false_premise(ordered: list[Dimension], name: dict[str, str]) -> str | None:
    """"Why does <the subject ranked lowest> have the highest <dimension>?" — wrong by the table."""
    for dim in ordered:
        ranks = {s: r for s, r in dim.ranks().items() if s in name and r is not None}
        if len(ranks) < 2 or len(set(ranks.values())) < 2:
            continue
        lowest = min(ranks, key=ranks.get)
        if sum(1 for r in ranks.values() if r == ranks[lowest]) == 1:
            return f"Why does {name[lowest]} have the highest {dim.noun}?"
    return None
