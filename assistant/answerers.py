"""Answerers turn a question and its evidence into an answer whose every sentence cites a passage.

An answerer writes citations as ``[[chunk_id]]``; the pipeline numbers them. ``ExtractiveAnswerer``,
the default, needs no language model: it states table facts with the table's own values (verdicts
on yes/no, comparisons and false premises from the values' ranks), answers a described situation
with the article's advice sentence, and otherwise quotes the passage sentences that best match.
Everything it knows of the article comes from the article model (``article.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterator, Protocol

from . import language as lang
from . import shapes
from .advice import advised_against, better_elsewhere, rank_advice, score_advice
from .article import ArticleModel
from .corpus import split_sentences
from .neighbours import next_sentence, with_a_neighbour, with_fragments, with_its_sequel
from .claims import denied_thing
from .question import Question, contradicted_origin
from .retrieval import Hit
from .tables import TableAnswers, names_row, topical
from .wording import NOT_SO, bold, cite, is_advice, named_first, quote
from .types import Passage

DENYING = re.compile(shapes.NEGATION.pattern + r"|\b(?:less|lacks?)\b", re.I)  # a negation, or "less opinionated about X"
SHOULD = re.compile(r"\W*(?:should|shall|must) (?:we|i|you|they|our \w+)\b", re.I)
NEGATIVE_PICK = re.compile(r"\b(?:bad|wrong|poor|risky|overkill|mistake|too (?:much|big|heavy|complex|complicated)|avoid|"
                           r"drop|skip|ditch|steer clear|stay away|pass on|rule out|give up on)\b", re.I)
MIN_OWN_SIMILARITY = 0.45  # a premise correction also quotes the asked subject's own sentence this close


@dataclass
class Sentence:
    text: str
    passage: Passage
    similarity: float  # cosine similarity to the question
    score: float  # for ranking: similarity, lightly weighted by the passage's retrieval score
    topic: float | None = None  # on several subjects: similarity to the question without their names


@dataclass
class Evidence:
    hits: list[Hit]
    sentences: list[Sentence]  # best first, from the hits only
    vector: list[float] = field(default_factory=list)  # the question's embedding

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


class ExtractiveAnswerer(TableAnswers):
    name = "extractive"

    def __init__(self, max_sentences: int = 3, support_ratio: float = 0.8, min_similarity: float = 0.45):
        self.max_sentences = max_sentences
        self.support_ratio = support_ratio
        self.min_similarity = min_similarity

    def stream(self, question: Question, evidence: Evidence, index=None) -> Iterator[str]:
        parts = self.compose(question, evidence, index)
        for i, part in enumerate(parts):
            yield ("" if i == 0 else " ") + part

    # -- composition ---------------------------------------------------------------------------

    def compose(self, q: Question, ev: Evidence, index) -> list[str]:
        model = index.model
        shown = {h.passage.chunk_id for h in ev.hits}
        if q.about_article:
            parts = self._byline(model, shown)
            if parts:
                return parts
        if q.said:  # "why?", "what's the catch?": the sentences that go on from the last answer
            return self._quotes(q, ev, model, self.max_sentences)
        parts = self._origin(q, ev, index)
        if parts:
            return parts
        denied = denied_thing(q, ev.sentences, model)
        if denied:  # and the row the question names ("does A keep any state?": "Where state lives"), no verdict of its own
            row = self._table_fact(q, q.dimension, ev, model, shown) if q.dimensions and names_row(q, q.dimension, model) else []
            before = sentence_before(denied, ev.hits) if lang.PRONOUN_START.match(denied.text) and not model.owner(
                denied.passage, denied.text) else None  # "They don't typically handle ...": who "they" are, first
            return [f"No — {quote(denied, model)}"] + ([quote(before, model)] if before else []) + [
                r.removeprefix("No — ") for r in row[:1] if not r.startswith("Yes")]  # (not a row saying otherwise)
        if q.misplaced and not (q.dimensions and names_row(q, q.dimension, model)):  # (else the row corrects it)
            parts = self._misplaced(q, ev, index)
            if parts:
                return parts
        if q.recommendation:
            parts = self._recommend(q, ev, index)
            if parts:
                return parts
        if q.dimension is not None and (not q.downside or q.premise) and any(q.dimension.value(s) for s in model.subjects):
            parts = self._table_fact(q, q.dimension, ev, model, shown)  # (a catch asked of a false premise:
            if parts and (not q.downside or parts[0].startswith(NOT_SO)):  # "given A is cheap, what's the catch?")
                return parts
        if q.overview:
            parts = self._overview(q, ev, model)
            if parts:
                return parts
        return self._quotes(q, ev, model, self.max_sentences)

    def _origin(self, q: Question, ev: Evidence, index) -> list[str]:
        """A premise on where a subject comes from ("Since A came out of X, ...") that the sentence
        saying who made it contradicts."""
        said = contradicted_origin(q, ev.sentences, index.model)
        if not said:
            return []
        return [f"{NOT_SO}, which says: “{said.text.rstrip('.')}.” {cite(said.passage)}"]

    def _misplaced(self, q: Question, ev: Evidence, index) -> list[str]:
        """A premise that gives a subject what the article says of another ("Since A came out of X")."""
        for s in ev.sentences:
            elsewhere = set(s.passage.subjects) and not set(s.passage.subjects) & set(q.subjects)
            if elsewhere and set(q.misplaced) & set(lang.tokenize(s.text)):
                parts = [f"{NOT_SO}, which says this of "
                         f"{index.model.names(list(s.passage.subjects[:1]))}: “{s.text.rstrip('.')}.” {cite(s.passage)}"]
                own = next((t for t in ev.sentences if t.passage.subjects[:1] == tuple(q.subjects[:1])
                            and t.similarity >= MIN_OWN_SIMILARITY), None)
                if own:  # and what it says of the subject asked about, on the same question
                    parts.append(f"Of {index.model.names(q.subjects[:1])} it says: “{own.text.rstrip('.')}.” "
                                 f"{cite(own.passage)}")
                return parts
        return []

    def _recommend(self, q: Question, ev: Evidence, index) -> list[str]:
        model = index.model
        shown = {h.passage.chunk_id for h in ev.hits}
        advice = [a for a in model.advice if a.chunk_id in shown]
        scored = score_advice(q, advice, ev.vector, index) if advice and ev.vector else []  # once, for all three readers
        mine = [(s, a) for s, a in scored  # (a subject's advice, or to use it with another)
                if not q.subjects or a.subject in q.subjects or set(q.subjects) & set(a.together)]

        def quoted(a, **how) -> str:  # an advice statement, quoted
            return quote(Sentence(a.sentence, index.by_id[a.chunk_id], 1.0, 1.0), model, **how)

        asking = shapes.asked_part(q.text)  # "is A a sensible pick?", "... should we go with A anyway?": a yes or a no
        yes_no = len(q.subjects) == 1 and (q.yes_no or bool(SHOULD.match(asking) and not re.search(r"\bor\b", asking)))
        lead = ("Yes — for" if NEGATIVE_PICK.search(asking) else "No — for") if yes_no else "For"  # "is A a bad pick?"
        against = advised_against(q, mine) if len(q.subjects) == 1 else None
        if against:  # "is A a sensible pick for a 10-person startup?": "... it's almost certainly too much"
            return [f"{lead} that situation the article advises against {bold(model.names(q.subjects))} "
                    f"{cite(against.chunk_id)}.", quoted(against)]
        best = rank_advice(mine)
        if not best:
            return []
        other = better_elsewhere(q, scored)
        if other:  # "Someone suggested self-hosting A. Worth it?" when B's advice fits: B's, then A's own closest
            return [f"{lead} that situation the article points to {bold(model.names([other.subject]))} {cite(other.chunk_id)}.",
                    quoted(other), quoted(best[0], name_subject=True)]
        top = best[0]
        pick = (" and ".join(bold(model.names([k])) for k in top.together) + " together" if top.together
                else bold(model.names([top.subject])))
        parts = [f"For that situation the article points to {pick} {cite(top.chunk_id)}.", quoted(top)]
        # the paragraphs of the pick's advice on the asker's concern ("... removes the operational overhead ...")
        theirs = {a.chunk_id for a in best if a.subject == top.subject and a.together == top.together}
        reason = next((s for s in ev.sentences if s.passage.chunk_id in theirs and s.text != top.sentence
                       and s.similarity >= self.min_similarity and not is_advice(s.text, model.advice)), None)
        if reason:
            parts.append(quote(reason, model))
        said = set(lang.tokenize(" ".join(parts)))
        asked = {t for t in lang.tokenize(q.text) if index.bm25.idf.get(t, 0.0) > 0 and not model.is_subject_word(t)}
        for other in best[1:] if not top.together else []:
            if other.subject != top.subject or other.sentence == top.sentence:
                continue
            # a second statement for the same pick; a third only for words of the question none has met
            # ("... but nobody wants to run a database cluster")
            new = asked & set(lang.tokenize(other.sentence)) - said
            if len(parts) <= 2 or (len(parts) == 3 and len(new) >= 2):
                parts.append(quoted(other))
                said |= set(lang.tokenize(other.sentence))
            if len(parts) > 3:
                break
        return parts

    def _byline(self, model: ArticleModel, shown) -> list[str]:
        out = []
        for doc in model.documents:
            if doc.byline in shown and (doc.author or doc.date):
                when = f", dated {doc.date}" if doc.date else ""
                title = f" “{doc.title}”" if len(model.documents) > 1 and doc.title else ""
                out.append(f"The article{title} is by {bold(doc.author)}{when} {cite(doc.byline)}.")
        return out

    def _overview(self, q: Question, ev: Evidence, model: ArticleModel) -> list[str]:
        s = q.subjects[0]
        own = [h.passage for h in ev.hits if model.section_subject(h.passage) == s and h.passage.kind == "paragraph"]
        if not own:
            return []
        first = min(own, key=lambda p: p.position)
        sentences = split_sentences(first.text)[:2]
        parts = [quote(Sentence(x, first, 1.0, 1.0), model) for x in sentences]
        more = [x for x in ev.sentences if model.section_subject(x.passage) == s and x.text not in sentences]
        for x in more[: max(0, self.max_sentences - len(parts))]:
            parts.append(quote(x, model))
        return parts

    def _quotes(self, q: Question, ev: Evidence, model: ArticleModel, limit: int) -> list[str]:
        pool = [s for s in ev.sentences if s.passage.kind != "table_row"] or ev.sentences
        if q.subjects:  # the subjects' passages, sentences writing a name the question says ("Board") when
            decisive = {h.passage.chunk_id for h in ev.hits if h.decisive}  # theirs do not, and a passage
            theirs = [s for s in pool if set(s.passage.subjects) & set(q.subjects)]  # it all but quotes
            said = q.things if not any(q.things & set(lang.words(s.text)) for s in theirs) else set()
            pool = [s for s in pool if s in theirs or said & set(lang.words(s.text))
                    or s.passage.chunk_id in decisive] or pool
        if not pool:
            return []
        if q.which and not q.subjects and not model.owner(pool[0].passage, pool[0].text):  # "which one ships X?": a
            asked = lang.word_pairs(q.text)  # sentence of one subject's saying X, before one saying what none do
            owned = next((s for s in pool if model.owner(s.passage, s.text) and asked & lang.word_pairs(s.text)
                          and not DENYING.search(s.text)), None)  # (not "... with no X", "less opinionated about X")
            pool = [owned] + [s for s in pool if s is not owned] if owned else pool
        naming = [s for s in pool if q.things & set(lang.words(s.text)) and s.score >= pool[0].score * self.support_ratio]
        if naming and naming[0] is not pool[0]:  # "can I write A's flows in <a name>?": the sentence saying it first
            pool = [naming[0]] + [s for s in pool if s is not naming[0]]
        best = pool[0].score
        picked = [pool[0]]
        code = bool(shapes.HOW_TO_WRITE.match(q.text))  # "how do I turn a function into a flow?": the code shown
        for s in pool[1:]:
            if len(picked) >= limit or s.score < best * self.support_ratio:
                break
            if s.similarity < self.min_similarity and not (code and shapes.CODE.search(s.text)):
                continue
            picked.append(s)
        parallels = frozenset(h.passage.chunk_id for h in ev.hits if h.parallel)
        picked = self._each_subject(q, pool, picked, model, limit, parallels)
        if len(q.subjects) < 2:  # (a question on several subjects keeps a sentence of each)
            picked = with_its_sequel(picked, pool, limit, self.min_similarity)
        picked = with_fragments(picked)
        if len(picked) == 1 and limit >= 2 and not q.said:
            picked = with_a_neighbour(picked[0], pool)
        if len({s.passage.chunk_id for s in picked}) == 1:  # one passage: keep its own order
            picked.sort(key=lambda s: s.passage.text.find(s.text))
        name_first = q.which and not q.subjects
        # "how do A and B handle X?", or a subject found by a name of its ("what's Acme Cloud?"): whose
        # each sentence is, said
        several = len(q.subjects) >= 2 or q.by_alias
        # "which one ...?": the answer's first words name the subject itself, not a thing of its
        return [quote(s, model, name_subject=(name_first and i == 0) or several or elsewhere(s, q, model),
                      by_name=name_first and i == 0) for i, s in enumerate(picked)]

    def _each_subject(self, q: Question, pool: list[Sentence], picked: list[Sentence], model: ArticleModel,
                      limit: int, parallels: frozenset = frozenset()) -> list[Sentence]:
        """A question on several subjects ("how do A and B differ on scheduling?") hears from each: the
        best close sentence of each subject's own section (or, for a subject with none, the best of the
        passage retrieval found saying of it what another's says: ``retrieval.parallel``), then the best
        of the rest."""
        if len(q.subjects) < 2:
            return picked
        # each subject's best on the topic: a sentence naming the other subjects too is no closer for that
        # ("Where A hands messages to a broker, B keeps state ..." for "A vs B dashboards?")
        on_topic = sorted(pool, key=lambda s: -topical(s))
        own = [next((s for s in on_topic if model.section_subject(s.passage) == subject  # close, or naming a thing
                     and (s.similarity >= self.min_similarity or q.things & set(lang.words(s.text)))), None)  # asked
               for subject in q.subjects]
        found = [s for s in own if s is not None]
        for subject, mine in zip(q.subjects, own):  # a subject with no close sentence: in the passage saying
            if mine is None and found:  # the same of it as the best passage of another (``retrieval.parallel``)
                found += [s for s in pool if s.passage.chunk_id in parallels
                          and model.section_subject(s.passage) == subject][:1]
        own = found
        if len(own) < 2:
            return picked
        rest = [s for s in picked if s not in own]
        own = sorted(own, key=lambda s: -s.score)[: max(limit, 2)]
        if not [s for s in rest if s.similarity >= self.min_similarity] and len(own) < limit:
            first = with_a_neighbour(own[0], pool)  # nothing else close: the best one said with its context
            return sorted(first, key=lambda s: s.passage.text.find(s.text)) + own[1:]
        return own + rest[: max(0, limit - len(own))]


def sentence_before(s: Sentence, hits: list[Hit]) -> Sentence | None:
    """The sentence before ``s``: in its passage, or the last of the passage before it in the same section
    (when that passage was retrieved: a citation points only at a passage shown)."""
    text = next_sentence(s, -1)
    if text:
        return replace(s, text=text)
    p = s.passage
    prior = [h.passage for h in hits if h.passage.source == p.source and h.passage.section == p.section
             and h.passage.position == p.position - 1]
    last = split_sentences(prior[0].text)[-1:] if prior and prior[0].kind == "paragraph" else []
    return replace(s, text=last[0], passage=prior[0]) if last else None


def elsewhere(s: Sentence, q: Question, model: ArticleModel) -> bool:
    """A sentence from the section of a subject the question does not name, that does not name it
    either ("... is modelled as one workflow function" in B's section, for a question on A): said as B's."""
    owner = model.section_subject(s.passage)
    return bool(q.subjects) and owner is not None and owner not in q.subjects and not named_first(s.text, owner, model)
