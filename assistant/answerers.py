"""Answerers turn a question and its evidence into an answer whose every sentence cites a passage.

An answerer writes citations as ``[[chunk_id]]``; the pipeline numbers them. ``ExtractiveAnswerer``,
the default, needs no language model: it states table facts with templates that quote the table's own
values, and otherwise quotes the passage sentences that best match the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Protocol

from .corpus import split_sentences
from .followups import names
from .question import Question
from .retrieval import LABEL_FOR, Hit
from .types import Passage
from .vocab import FRAMEWORKS, Dimension, level

BYLINE = re.compile(r"^(?P<date>[A-Z][a-z]+ \d{1,2}, \d{4}) · (?P<read>\d+ min read) · (?P<author>.+?)\s*$")
SUPERLATIVE_WORD = re.compile(r"\b(?:\w{3,}est|most|least)\b", re.I)


@dataclass
class Sentence:
    text: str
    passage: Passage
    similarity: float  # cosine similarity to the question
    score: float  # for ranking: similarity, lightly weighted by the passage's retrieval score


@dataclass
class Evidence:
    hits: list[Hit]
    sentences: list[Sentence]  # best first, from the hits only

    @property
    def best_similarity(self) -> float:
        return max((s.similarity for s in self.sentences), default=0.0)


@dataclass
class AnswerNote:
    """What an answerer reports after its text: who answered and what the grounding check did."""

    answered_by: str
    grounding: dict | None = None


class Answerer(Protocol):
    name: str

    def stream(self, question: Question, evidence: Evidence, index=None) -> Iterator[str | AnswerNote]:
        """Yield the answer's markdown in pieces, citations as [[chunk_id]]; optionally end with an
        AnswerNote."""


def cite(p: Passage) -> str:
    return f"[[{p.chunk_id}]]"


def quote(s: Sentence) -> str:
    """A passage sentence, verbatim, with its marker before the closing punctuation."""
    m = re.match(r"^(.*?)([.!?…]*)$", s.text.strip(), re.S)
    return f"{m[1]} {cite(s.passage)}{m[2] or '.'}"


def bold(value: str) -> str:
    return f"**{value}**"


FACT = {
    "setup": "{f}'s setup complexity is {v}",
    "learning": "{f}'s learning curve is {v}",
    "managed": "{f}'s managed option is {v}",
    "features": "On ML-specific features, the article rates {f} as {v}",
    "team": "The best team size for {f} is {v}",
    "infra": "{f}'s infrastructure requirement is {v}",
    "cost": "{f}'s self-hosted cost is {v}",
}


class ExtractiveAnswerer:
    name = "extractive"

    def __init__(self, max_sentences: int = 3, support_ratio: float = 0.8, min_similarity: float = 0.45):
        self.max_sentences = max_sentences
        self.support_ratio = support_ratio
        self.min_similarity = min_similarity

    def stream(self, question: Question, evidence: Evidence, index=None) -> Iterator[str]:
        parts = self.compose(question, evidence)
        for i, part in enumerate(parts):
            yield ("" if i == 0 else " ") + part

    # -- composition ---------------------------------------------------------------------------

    def compose(self, q: Question, ev: Evidence) -> list[str]:
        row = self._table_row(q, ev)
        if q.about_article:
            parts = self._byline(ev)
            if parts:
                return parts
        if q.recommendation:
            parts = self._recommend(q, ev)
            if parts:
                return parts
        if row is not None:
            return self._table_fact(q, row, ev)
        if q.overview:
            parts = self._overview(q, ev)
            if parts:
                return parts
        return self._quotes(q, ev, self.max_sentences)

    def _table_row(self, q: Question, ev: Evidence) -> Passage | None:
        if not q.dimension:
            return None
        for hit in ev.hits:
            if hit.passage.kind == "table_row" and hit.passage.label == q.dimension.label:
                return hit.passage
        return None

    def _table_fact(self, q: Question, row: Passage, ev: Evidence) -> list[str]:
        dim: Dimension = q.dimension
        cells = {k: v for k, v in row.cells.items() if k in FRAMEWORKS}
        asked = [f for f in q.frameworks if f in cells] or list(cells)
        levels = {f: level(v) for f, v in cells.items()}
        ranked = dim.ordered and all(lv is not None for lv in levels.values())
        parts: list[str] = []

        if len(asked) == 1:
            f = asked[0]
            lead = FACT[dim.key].format(f=FRAMEWORKS[f], v=bold(cells[f]))
            if ranked and q.polarity is not None and (q.yes_no or q.premise):
                lead = self._judge(q, f, lead, cells, levels, dim)
            parts.append(f"{lead} {cite(row)}.")
        else:
            if ranked and (q.superlative or q.comparative or SUPERLATIVE_WORD.search(q.text)):
                parts.append(self._extreme(q, asked, cells, levels, dim) + f" {cite(row)}.")
            side = "; ".join(f"{FRAMEWORKS[f]}: {bold(cells[f])}" for f in asked)
            parts.append(f"{dim.label} — {side} {cite(row)}.")

        # Supporting sentences: the framework sections' own words on the same topic.
        budget = self.max_sentences - (1 if len(asked) == 1 else 0)
        for f in asked:
            if budget <= 0:
                break
            support = self._support(ev, f, dim, limit=2 if len(asked) == 1 else 1)
            for s in support[:budget]:
                parts.append(quote(s))
                budget -= 1
        return parts

    def _judge(self, q, f, lead, cells, levels, dim) -> str:
        """Answer a yes/no question or correct a false premise about one framework."""
        mine = levels[f]
        claims_extreme = bool(SUPERLATIVE_WORD.search(q.text))
        if claims_extreme:
            target = min(levels.values()) if q.polarity < 0 else max(levels.values())
            true = mine == target
        else:
            true = mine <= 1.5 if q.polarity < 0 else mine >= 3
        if q.premise and not true:
            lowest = [k for k, lv in levels.items() if lv == min(levels.values())]
            highest = [k for k, lv in levels.items() if lv == max(levels.values())]
            where = "the highest" if f in highest else "the lowest" if f in lowest else "in the middle"
            other = lowest if q.polarity < 0 else highest
            other = [k for k in other if k != f]
            extra = ""
            if other:
                word = "lowest" if q.polarity < 0 else "highest"
                extra = f"; the {word} is {names(other)}'s ({bold(cells[other[0]])})"
            return f"That premise doesn't match the article: {lead}, {where} of the three{extra}"
        if q.yes_no:
            return ("Yes — " if true else "No — ") + lead
        return lead

    def _extreme(self, q, asked, cells, levels, dim) -> str:
        sub = {f: levels[f] for f in asked}
        if q.comparative and len(asked) == 2 and q.polarity is not None:
            a, b = asked
            true = sub[a] < sub[b] if q.polarity < 0 else sub[a] > sub[b]
            verdict = "Yes" if true else ("No — they are the same" if sub[a] == sub[b] else "No")
            return (f"{verdict}: {FRAMEWORKS[a]}'s {dim.noun} is {bold(cells[a])} and "
                    f"{FRAMEWORKS[b]}'s is {bold(cells[b])}")
        want_low = q.polarity is None or q.polarity < 0
        target = min(sub.values()) if want_low else max(sub.values())
        winners = [f for f in asked if sub[f] == target]
        verb = "has" if len(winners) == 1 else "have"
        word = "lowest" if want_low else "highest"
        return f"{names(winners)} {verb} the {word} {dim.noun} ({bold(cells[winners[0]])})"

    def _support(self, ev: Evidence, f: str, dim: Dimension, limit: int) -> list[Sentence]:
        label = {**LABEL_FOR, "infra": "Setup complexity", "managed": "Setup complexity"}.get(dim.key)
        pool = [s for s in ev.sentences if s.passage.section.lower() == f and s.passage.kind != "table_row"]
        if label:
            pool.sort(key=lambda s: (s.passage.label != label, -s.score))
        chosen = [s for s in pool if s.similarity >= self.min_similarity][:limit]
        return sorted(chosen, key=lambda s: (s.passage.position, s.passage.text.find(s.text)))

    def _recommend(self, q: Question, ev: Evidence) -> list[str]:
        pick = recommend(q)
        chosen = [s for s in ev.sentences
                  if pick in s.passage.frameworks and s.passage.section == "Which Should You Choose?"]
        fit = [s for s in ev.sentences if s.passage.section.lower() == pick and s.passage.label == "Best fit"]
        if q.team_size is not None:
            fit.sort(key=lambda s: (not re.search(r"\d", s.text), -s.score))
        if not chosen and not fit:
            return []
        lead_source = (chosen or fit)[0]
        parts = [f"For that situation the article points to {bold(FRAMEWORKS[pick])} {cite(lead_source.passage)}."]
        picked = []
        for s in chosen[:1] + fit[:2]:
            if s.text not in picked and len(picked) < self.max_sentences:
                picked.append(s.text)
                parts.append(quote(s))
        return parts

    def _byline(self, ev: Evidence) -> list[str]:
        for hit in ev.hits:
            p = hit.passage
            if p.kind == "byline":
                m = BYLINE.match(p.text)
                if not m:
                    return [f"The article's byline reads “{p.text}” {cite(p)}."]
                return [f"The article is by the {bold(m['author'])}, dated {m['date']} "
                        f"({m['read']}) {cite(p)}."]
        return []

    def _overview(self, q: Question, ev: Evidence) -> list[str]:
        f = q.frameworks[0]
        own = [h.passage for h in ev.hits if h.passage.section.lower() == f and h.passage.kind == "paragraph"]
        if not own:
            return []
        first = min(own, key=lambda p: p.position)
        sentences = split_sentences(first.text)[:2]
        parts = [quote(Sentence(s, first, 1.0, 1.0)) for s in sentences]
        more = [s for s in ev.sentences if s.passage.section.lower() == f and s.text not in sentences]
        for s in more[: max(0, self.max_sentences - len(parts))]:
            parts.append(quote(s))
        return parts

    def _quotes(self, q: Question, ev: Evidence, limit: int) -> list[str]:
        pool = [s for s in ev.sentences if s.passage.kind != "table_row"] or ev.sentences
        if q.frameworks:
            pool = [s for s in pool if set(s.passage.frameworks) & set(q.frameworks)] or pool
        if not pool:
            return []
        best = pool[0].score
        picked = [pool[0]]
        for s in pool[1:]:
            if len(picked) >= limit or s.score < best * self.support_ratio:
                break
            if s.similarity < self.min_similarity:
                continue
            picked.append(s)
        if len({s.passage.chunk_id for s in picked}) == 1:  # one passage: keep its own order
            picked.sort(key=lambda s: s.passage.text.find(s.text))
        return [quote(s) for s in picked]


def recommend(q: Question) -> str:
    """The framework the article's advice points to for the situation the question describes."""
    score = {"kubeflow": 0.0, "metaflow": 0.5, "prefect": 0.0}  # Metaflow: the article's default
    sit, n = q.situation, q.team_size
    if "k8s_yes" in sit:
        score["kubeflow"] += 2
    if "k8s_no" in sit:
        score["kubeflow"] -= 2
        score["metaflow"] += 1
    if "gcp" in sit:
        score["kubeflow"] += 1.5
    if "full_platform" in sit:
        score["kubeflow"] += 1.5
    if "data_eng" in sit:
        score["prefect"] += 3
    if "minimal" in sit:
        score["prefect"] += 2
    if "early" in sit:
        score["metaflow"] += 1.5
    if "data_scientists" in sit:
        score["metaflow"] += 0.5
    if n is not None:
        if n >= 20 or ("k8s_yes" in sit and n >= 15):
            score["kubeflow"] += 2
        if 3 <= n <= 15:
            score["metaflow"] += 1.5
        if n < 15:
            score["kubeflow"] -= 1.5
    for f in q.frameworks:  # "Should we pick Kubeflow or Prefect?" chooses between those
        score[f] += 0.25
    if q.frameworks and len(q.frameworks) < 3:
        for f in set(score) - set(q.frameworks):
            score[f] -= 10
    return max(score, key=score.get)

