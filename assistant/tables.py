"""Answers from the comparison table, mixed into ``ExtractiveAnswerer``: a row's value for the subject
asked about (a verdict on a yes/no or a premise from the values' ranks, or on a value the question
names), the row side by side for several, the extreme for "which ...?", then each subject's own
sentences on the topic (its labelled line, or one that weighs it against another subject)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import language as lang
from . import shapes
from .article import ArticleModel, Dimension
from .question import Question
from .rows import distinct_cell_words, label_words
from .wording import NOT_SO, bold, cite, fact, is_are, quote

if TYPE_CHECKING:
    from .answerers import Evidence, Sentence

VERDICT_MIN_WORDING = 0.25  # a yes/no on a named value needs the question's words to match the row too
ORDINAL = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
COMPARING_SIMILARITY = 0.7  # a sentence comparing the subject with another, this close, comes first in a table answer


class TableAnswers:
    """Mixed into ``ExtractiveAnswerer``: needs ``self.max_sentences`` and ``self.min_similarity``."""

    def _table_fact(self, q: Question, dim: Dimension, ev: Evidence, model: ArticleModel, shown) -> list[str]:
        values = {s: dim.value(s) for s in model.subjects}
        values = {s: v for s, v in values.items() if v and v[1] in shown}
        if not values:
            return []
        asked = [s for s in q.subjects if s in values] or list(values)
        if q.subjects and not [s for s in q.subjects if s in values]:
            return []  # the table says nothing of the subject asked about
        ranks = {s: lang.rank(v[0]) for s, v in values.items()}
        ranked = dim.ordered and all(r is not None for r in ranks.values()) and len(ranks) >= 2
        name, noun = model.names, dim.noun
        parts: list[str] = []
        if len(asked) == 1:
            s = asked[0]
            value, source = values[s]
            lead = fact(name([s]), dim, value)
            if ranked and q.polarity is not None and (q.yes_no or q.premise):
                lead = self._judge(q, s, lead, values, ranks, model)
            elif q.mentioned.get(dim.key) and (q.yes_no or q.premise):
                lead = self._check_value(q, value, lead, q.mentioned[dim.key])
            holders = [o for o in values if o != s and owns_value(q.mentioned.get(dim.key, []), values[o][0], value)]
            if holders:  # "is X, A's managed service, worth it?" when X is B's: say whose it is
                lead += "; " + "; ".join(fact(name([o]), dim, values[o][0]) for o in holders)
            parts.append(f"{lead} {' '.join(cite(c) for c in dict.fromkeys([source] + [values[o][1] for o in holders]))}.")
            for other, chunk_id, doc in dim.values(s)[1:]:  # the same subject in another document
                if chunk_id in shown:
                    title = next((d.title for d in model.documents if d.source == doc), doc)
                    parts.append(f"“{title}” gives {bold(other)} {cite(chunk_id)}.")
        else:
            sources = list(dict.fromkeys(values[s][1] for s in asked))
            if ranked and (q.superlative or q.comparative or lang.SUPERLATIVE_WORD.search(q.text) or q.which):
                parts.append(self._extreme(q, asked, values, ranks, noun, model) + f" {cite(sources[0])}.")
            named = q.mentioned.get(dim.key, [])
            says_named = lambda s: any(re.search(lang.whole(n), values[s][0], re.I) for n in named)  # noqa: E731
            holders = [s for s in asked if says_named(s)]
            if q.which and len(holders) == 1:  # "which one keeps us all-Python?": whose cell holds the value, first
                others = "; ".join(f"{name([s])}: {bold(values[s][0])}" for s in asked if s != holders[0])
                lead = fact(name(holders), dim, values[holders[0]][0])
                parts.append(f"{lead} ({others}) {' '.join(cite(c) for c in sources)}.")
            else:  # (and whose the value named is, when not one asked of: "Given that A's X is <B's>, how does ...?")
                elsewhere = [o for o in values if o not in asked and says_named(o)]
                side = "; ".join(f"{name([s])}: {bold(values[s][0])}" for s in asked + elsewhere)
                cites = " ".join(cite(c) for c in dict.fromkeys(sources + [values[o][1] for o in elsewhere]))
                parts.append(f"{dim.label} — {side} {cites}.")
        budget = self.max_sentences - (1 if len(asked) == 1 else 0)
        said = set()
        for s in asked:
            limit = min(budget, 2 if len(asked) == 1 else 1)
            picked = []
            for x in self._support(ev, s, dim, model):
                if len(picked) < limit and x.text not in said:  # not the same sentence from another document
                    picked.append(x)
                    said.add(x.text)
            for sentence in sorted(picked, key=lambda x: (x.passage.position, x.passage.text.find(x.text))):
                parts.append(quote(sentence, model))
            budget -= len(picked)
        return parts

    def _judge(self, q, s, lead, values, ranks, model) -> str:
        """Answer a yes/no question or correct a false premise about one subject."""
        mine, lo, hi = ranks[s], min(ranks.values()), max(ranks.values())
        if lang.SUPERLATIVE_WORD.search(q.text):
            true = mine == (lo if q.polarity < 0 else hi)
        else:
            true = mine <= 1.5 if q.polarity < 0 else mine >= 2.5
        if q.premise and not true:
            where = "the highest" if mine == hi else "the lowest" if mine == lo else "in the middle"
            other = [k for k, r in ranks.items() if r == (lo if q.polarity < 0 else hi) and k != s]
            extra = ""
            if other:
                word = "lowest" if q.polarity < 0 else "highest"
                extra = f"; the {word} is {model.names(other)}'s ({bold(values[other[0]][0])})"
            of = ORDINAL.get(len(ranks), str(len(ranks)))
            return f"{NOT_SO}: {lead}, {where} of the {of}{extra}"
        if q.yes_no:
            return ("Yes — " if true else "No — ") + lead
        return lead

    def _check_value(self, q, value, lead, named: list[str]) -> str:
        """A yes/no or a premise naming a value ("Is it written in Go?"): checked against the table."""
        holds = any(re.search(lang.whole(n), value, re.I) for n in named)
        if q.premise and not holds:
            return f"{NOT_SO}: {lead}"
        offered = [m for m in shapes.OR_PAIR.finditer(q.text) if any(re.search(lang.whole(n), m.group(), re.I) for n in named)]
        if q.yes_no and q.wording.get(q.dimension.key, 0.0) >= VERDICT_MIN_WORDING and not offered:
            return ("Yes — " if holds else "No — ") + lead  # (not for "is it X or Y?": the value says which)
        return lead  # the value alone matched the row: state the fact, no verdict on other wording

    def _extreme(self, q, asked, values, ranks, noun, model) -> str:
        sub = {s: ranks[s] for s in asked}
        if q.comparative and len(asked) == 2 and q.polarity is not None:
            a, b = asked
            true = sub[a] < sub[b] if q.polarity < 0 else sub[a] > sub[b]
            verdict = "Yes" if true else ("No — they are the same" if sub[a] == sub[b] else "No")
            return (f"{verdict}: {model.names([a])}'s {noun} {is_are(noun)} {bold(values[a][0])} and "
                    f"{model.names([b])}'s {is_are(noun)} {bold(values[b][0])}")
        want_low = q.polarity is None or q.polarity < 0
        target = min(sub.values()) if want_low else max(sub.values())
        winners = [s for s in asked if sub[s] == target]
        verb = "has" if len(winners) == 1 else "have"
        word = "lowest" if want_low else "highest"
        return f"{model.names(winners)} {verb} the {word} {noun} ({bold(values[winners[0]][0])})"

    def _support(self, ev: Evidence, s: str, dim: Dimension, model: ArticleModel) -> list[Sentence]:
        """The subject's own section on the same topic, best first: its labelled line, then close
        sentences."""
        lines = set(dim.lines.get(s, []))
        pool = [x for x in ev.sentences if model.section_subject(x.passage) == s and x.passage.kind != "table_row"]
        pool.sort(key=lambda x: (not compares(x, s, dim, model), x.passage.chunk_id not in lines, -topical(x)))
        return [x for x in pool if x.similarity >= self.min_similarity or x.passage.chunk_id in lines]


def topical(s: Sentence) -> float:
    """A sentence's score with its similarity to the question taken without the subjects' names, when
    the question names several: for picking each subject's own sentence on the topic asked."""
    return s.score if s.topic is None else s.score - s.similarity + s.topic


def names_row(q: Question, dim: Dimension, model: ArticleModel) -> bool:
    """The question says the row's label words, one of its values or a word only its cells use."""
    cells = distinct_cell_words(model).get(dim.key, set()) if model.find_subjects(q.text) else set()
    return bool(q.shares.get(dim.key) or q.mentioned.get(dim.key) or cells & set(lang.tokenize(q.text)))


def compares(x: Sentence, subject: str, dim: Dimension, model: ArticleModel) -> bool:
    """A sentence of the subject's section, close to the question, that weighs it against another subject
    on the row's topic (a word of its label: "A's learning curve is lower than B's"): it answers "how does A
    compare?" before the labelled line."""
    said = lang.tokenize(x.text)
    return x.similarity >= COMPARING_SIMILARITY and any(lang.same_word(w, t) for w in label_words(dim) for t in said) \
        and bool(set(model.find_subjects(x.text, aliases=False)) - {subject})


def owns_value(named: list[str], cell: str, asked_cell: str) -> bool:
    """A value the question names is in this cell and not in the cell of the subject it asked about."""
    def holds(text):
        return any(re.search(lang.whole(n), text, re.I) for n in named)
    return holds(cell) and not holds(asked_cell)
