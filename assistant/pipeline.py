"""The answer path, in order. The CLI, the UI and the eval runner all call ``Assistant``.

    clean_question -> standalone_question -> split_asks -> for each ask, prepare: embed -> analyse -> search
        -> fuse (-> settle_dimension -> fuse) -> gather_evidence -> check_scope; then answerer.stream
        (a second ask adds what the first answer did not say: answer_too) -> number_citations -> Reply

What the steps know of the article (its subjects, table dimensions, advice) comes from the article
model that the index derived from the corpus (``article.py``).
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass
from typing import Iterator

import numpy as np

from . import language as lang
from . import numbers, shapes
from .answerers import Answerer, AnswerNote, Evidence, Sentence
from .neighbours import MIN_SENTENCE_CHARS
from .corpus import split_sentences
from .asks import about_answer, split_asks
from .claims import negated_premise
from .followups import (FOLLOWING, asked_of_another, in_context, said_already, said_before, standalone_question,
                        with_last_subjects)
from .index import Index, Progress, open_index, tokenize
from .question import Question, analyse
from .rows import bare_question
from .spelling import spelled_as_corpus
from .lexical import RARE_IDF
from .settling import first_elsewhere, names_elsewhere, settle_dimension
from .retrieval import Hit, decisive_match, fuse, placed_passages, search
from .known import mostly_known
from .scope import ScopeDecision, check_scope
from .settings import Settings, load_settings
from .types import Citation, Passage, QuestionError, Reply, check_history

log = logging.getLogger("assistant")
MARKER = re.compile(r"\[\[([0-9a-f]{16}(?:-\d+)?)\]\]")
LEXICAL_WEIGHT = 0.15
CODE_BONUS = 0.2  # a sentence showing code, for a question on how something is written
FOLLOWS_BONUS = (0.35, 0.15)  # "why?", "what's the catch?": the sentence after one the last answer quoted, the next
SHAPE_BONUS = 0.1  # a sentence stating what the question's shape asks for (a number, a duration, a date)
CARRIED_SLACK = 0.1  # a question read with the last one's subjects may find sentences this much less close
OWN_ASK_WORDS = 4  # a follow-up saying this many words of its own is weighed by them as much as by the last ask
PARALLEL_BONUS, PARALLEL_WORDS = 0.1, 2  # per rare word a sentence shares with what the last answer said of another subject
PLACED_BONUS = 0.25  # a sentence where the question says the answer stands ("at the end")
MENTION_BONUS = 0.05  # a sentence naming a subject, or a thing, the question names
DEFINES_BONUS = 0.2  # "what's X?": a sentence saying what X is ("X, a ...")
SECOND_ASK_SENTENCES = 2  # what a question's second ask adds to the answer, at most
REINDEX_GRACE_S = 30.0  # how long a replaced index stays readable for answers already under way
FOLLOW_UP_KNOWN = 0.3  # a question read after the last one must share this much of its words with the corpus
LABEL_ONLY = re.compile(r"^[A-Z][A-Za-z /()-]{2,40}: [\w –-]{1,20}\.$")


class Assistant:
    """Answers questions about the corpus with cited passages; loads its model and index once."""

    def __init__(self, settings: Settings, index: Index, answerer: Answerer | None = None):
        self.settings = settings
        self.index = index
        if answerer is None:
            from .llms import make_answerer

            answerer = make_answerer(settings)
        self.answerer = answerer
        self._reindex_lock = threading.Lock()

    @classmethod
    def load(cls, settings: Settings | None = None, *, config_file=None, rebuild: bool = False,
             progress: Progress | None = None, warm: bool = True, **overrides) -> "Assistant":
        """Settings from defaults, a config file and env vars; opens (or builds) the index. ``warm``
        embeds the passages' sentences up front (for long-running processes)."""
        settings = settings or load_settings(config_file, **overrides)
        index = open_index(settings, rebuild=rebuild, progress=progress)
        if warm:
            index.warm()
        return cls(settings, index)

    @property
    def about(self) -> dict[str, str]:
        return self.index.corpus.about

    def passage(self, chunk_id: str) -> Passage | None:
        """The indexed passage a citation points at (None once the corpus no longer holds it)."""
        return self.index.by_id.get(chunk_id)

    def document(self, source: str) -> list[Passage]:
        """A document's passages in reading order (for showing a citation in its article)."""
        return [p for p in self.index.passages if p.source == source]

    def reindex(self, rebuild: bool = False, progress: Progress | None = None) -> dict:
        """Re-read the corpus and swap in its index. Questions in flight finish on the old index, which
        is dropped a little later, so no answer ever mixes old and new passages."""
        with self._reindex_lock:
            old = self.index
            new = open_index(self.settings, rebuild=rebuild, progress=progress, drop_old=False)
            new.warm()
            self.index = new
        changed = new.collection_name != old.collection_name or rebuild
        if changed:
            timer = threading.Timer(REINDEX_GRACE_S, new.drop_other_builds)
            timer.daemon = True
            timer.start()
        return {"changed": changed, "collection": new.collection_name, "passages": len(new)}

    def ask(self, question: str, history: list[dict] | None = None) -> Reply:
        reply = None
        for reply in self.stream(question, history):
            pass
        return reply

    def stream(self, question: str, history: list[dict] | None = None) -> Iterator[Reply]:
        """Yield growing partial replies (``partial=True``), then the final reply."""
        index = self.index  # one index for the whole answer, even if a reindex swaps it meanwhile
        text = lang.with_apostrophes(clean_question(question, self.settings.max_question_chars))
        history = check_history(history)
        standalone = standalone_question(text, history, index.model)
        said = said_before(text, history, index.model)  # "why?": more on the last answer, not it again
        if history and self.settings.llm_condense and hasattr(self.answerer, "rewrite"):
            standalone = self.answerer.rewrite(text, history, fallback=standalone, model=index.model)
        asks = split_asks(standalone, index.model)  # "who makes A, and where are they based?": two asks
        like = plain(asked_of_another(standalone, history, index.model)).strip() if len(asks) == 1 else ""
        first = self.prepare(index, asks[0], said, next(iter(split_sentences(like)), ""))
        if first.scope.reason == "weak_match" and len(asks) == 1 and mostly_known(first.question, index, FOLLOW_UP_KNOWN):
            followed = in_context(standalone, history, index.model)  # nothing close alone: a follow-up after all?
            again = self.prepare(index, followed) if followed else None
            if again and not again.scope.refused:
                standalone, asks, first = followed, [followed], again
        elif history and len(asks) == 1 and not first.scope.refused and (first.question.by_alias or not (
                first.question.subjects or first.question.things)):  # (or only a name of A's: "is X mandatory?")
            carried = with_last_subjects(standalone, history, index.model, index.vocabulary())
            again = self.prepare(index, carried, said) if carried != standalone else None
            if again and not again.scope.refused and again.evidence.best_similarity >= \
                    first.evidence.best_similarity - CARRIED_SLACK:  # "is backoff on by default?" after one on A
                standalone, asks, first = carried, [carried], again
        hits, retrieved = first.hits, first.retrieved
        if first.scope.refused:
            log.info("refused (%s): %s", first.scope.reason, standalone)
            yield Reply(first.scope.message, [], True, standalone, self.answerer.name, retrieved=retrieved,
                        reason=first.scope.reason)
            return
        draft, note = "", AnswerNote(self.answerer.name)
        for piece in self.answerer.stream(first.question, first.evidence, index):
            if isinstance(piece, AnswerNote):
                note = piece
                continue
            draft += piece
            body, citations = number_citations(draft, hits)
            yield Reply(body, citations, False, standalone, note.answered_by, partial=True, retrieved=retrieved)
        for ask in asks[1:]:
            ask = about_answer(ask, plain(draft), index.model)
            more = self.prepare(index, ask)
            shown = set(retrieved)
            hits = hits + [h for h in more.hits if h.passage.chunk_id not in shown]
            retrieved = tuple(h.passage.chunk_id for h in hits)
            draft += " " + self.answer_too(ask, more, draft, index)
        body, citations = number_citations(draft, hits)
        if not citations:  # nothing citable was found: say so rather than answer unsupported
            yield Reply(NOTHING_CITABLE, [], True, standalone, note.answered_by, retrieved=retrieved,
                        reason="nothing_citable", grounding=note.grounding)
            return
        yield Reply(body, citations, False, standalone, note.answered_by, retrieved=retrieved,
                    grounding=note.grounding)

    def prepare(self, index: Index, standalone: str, said: str = "", like: str = "") -> "Prepared":
        """Read one (standalone) ask, retrieve for it, gather its evidence and decide its scope; ``said``:
        the last answer, when the ask is for more on it; ``like``: what the answer parallels, when the
        ask is the last one asked of another subject (``asked_of_another``)."""
        worded = numbers.magnitudes_in_words(standalone)  # "1B vectors": "1 billion vectors", as articles write it
        worded = spelled_as_corpus(worded, index.model, index)  # "infra", "hyperparamter": as the corpus writes them
        vector, bare_vector = index.embed_question(worded, bare_question(worded, index.model))
        q = analyse(worded, index.model, index, bare_vector)
        if q.dimensions and not q.premise and all(names_elsewhere(q, d, index.model) and not q.mentioned.get(d.key)
                                                  and q.shares.get(d.key, 0.0) < 0.5 for d in q.dimensions):
            q.dimensions = []  # "can I write A's workflows in <a name>?": a row half of whose label goes unsaid never says it
        q.said = plain(said).lower() if said else ""
        candidates = search(index, q, vector, self.settings)
        decisive = decisive_match(index, q)  # a passage the question all but quotes, if any
        hits = fuse(index, q, candidates, self.settings, decisive)
        # no row the wording left open is settled when the question all but quotes a passage
        settled = None if q.said or decisive else settle_dimension(q, hits, candidates[0], index.model)
        if settled and first_elsewhere(settled, q, candidates, index.model):
            settled = None  # both rankings put first a passage that is none of the row's: it answers, not the row
        if settled:  # retrieval confirmed the dimension the wording left open: steer to its row too
            q.dimensions = [settled]
            hits = fuse(index, q, candidates, self.settings, decisive)
        follows = after_said(q.said, hits)
        own = worded.split(FOLLOWING)[0] if FOLLOWING in worded else ""  # a follow-up's own ask, weighed too
        own = own if len(lang.tokenize(own)) >= OWN_ASK_WORDS else ""  # when it says enough ("why that one?" does not)
        own_vector = index.embed_query(own) if own else None
        def gather(hits):
            return gather_evidence(index, q, vector, hits, follows, own_vector,
                                   bare_vector if len(q.subjects) >= 2 else None, like)
        evidence = gather(hits)
        if q.recommendation and negated_premise(q, evidence.sentences, index.model):  # "since the choice is permanent, ...?":
            q.recommendation = False  # the sentence saying it is not answers first, not the advice
            hits = fuse(index, q, candidates, self.settings, decisive)
            evidence = gather(hits)
        scope = check_scope(q, evidence.best_similarity, index, self.settings, evidence.sentences)
        if follows and scope.reason == "weak_match":
            scope = ScopeDecision(False)  # "what's the reasoning behind that?": the article goes on from its answer
        return Prepared(q, hits, evidence, scope, tuple(h.passage.chunk_id for h in hits))

    def answer_too(self, ask: str, more: "Prepared", draft: str, index: Index) -> str:
        """The answer to a question's second ask, without what the first answer already said; when
        the corpus does not cover it, that is said."""
        if more.scope.refused:
            said = more.scope.message.split(". ")[0].rstrip(".")
            said = "the" + said[3:] if said.startswith("The ") else said
            return f"On “{MARKER.sub('', ask).rstrip('? ')}?”: {said}."
        text = "".join(p for p in self.answerer.stream(more.question, more.evidence, index) if isinstance(p, str))
        seen = plain(draft)
        new = [s for s in ANSWER_SENTENCE.split(text) if plain(s).strip(" .") not in seen]
        return " ".join(new[:SECOND_ASK_SENTENCES])


ANSWER_SENTENCE = re.compile(r"(?<=[.!?”\]])\s+(?=\*\*|[A-Z“])")


def plain(text: str) -> str:
    """Answer text without citation markers, bold, quotation marks and "Subject:" labels."""
    text = re.sub(r"\*\*[^*]+\*\*: ", "", MARKER.sub("", text))
    return re.sub(r"\s+", " ", re.sub(r"[“”*]", "", text))


@dataclass
class Prepared:
    """One ask, read and retrieved for, with its evidence and its scope decision."""
    question: Question
    hits: list[Hit]
    evidence: Evidence
    scope: ScopeDecision
    retrieved: tuple[str, ...]


INVISIBLE = {"Cc", "Cf", "Co", "Cs"}
SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)", re.I | re.S)
TAG = re.compile(r"</?[a-zA-Z][^<>]{0,500}>")
NOTHING_CITABLE = "The article doesn't cover that clearly enough for me to answer with a source."


def clean_question(question, max_chars: int) -> str:
    """Normalise Unicode, drop control and zero-width characters; reject empty or huge input."""
    if not isinstance(question, str):
        raise QuestionError("the question must be text")
    if len(question) > max_chars * 4:
        raise QuestionError(f"the question is too long ({len(question)} characters; the limit is {max_chars})")
    text = unicodedata.normalize("NFKC", question)
    text = "".join(" " if ch in "\t\n\r" else ch for ch in text if ch in "\t\n\r"
                   or unicodedata.category(ch) not in INVISIBLE)
    text = SCRIPT.sub(" ", text)  # markup is never run, and its words are not the question
    text = TAG.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise QuestionError("the question is empty")
    if len(text) > max_chars:
        raise QuestionError(f"the question is too long ({len(text)} characters; the limit is {max_chars})")
    return text


def gather_evidence(index: Index, q: Question, vector: list[float], hits: list[Hit],
                    follows: dict[tuple[str, str], float] | None = None, own_vector=None,
                    topic_vector=None, like: str = "") -> Evidence:
    """Every sentence of the retrieved passages, scored against the question, best first; ``follows``:
    the bonus of each sentence going on from the last answer (``after_said``); ``topic_vector``: the
    question without its subjects' names, each sentence's ``topic``."""
    items, follows = [], follows or {}
    shape = shapes.answer_shape(q.text)
    for hit in hits:
        if q.said and hit.passage.kind == "table_row":
            continue  # "why?": the reasons are in the prose
        for s in split_sentences(hit.passage.text):
            if hit.passage.kind != "table_row" and (len(s) < MIN_SENTENCE_CHARS or LABEL_ONLY.match(s)):
                continue
            if q.said and said_already(s, q.said) and not follows.get((hit.passage.chunk_id, s)) \
                    and not (shape and shape.search(s)):
                continue  # said already (but not what goes on from its point, nor the cost "the catch?" asks)
            items.append((s, hit))
    if not items:
        return Evidence(hits, [], vector)
    def closeness(vectors):  # similarity to the question, and the ranking one (a follow-up's own ask weighed in)
        sims = vectors @ np.asarray(vector)
        return sims, sims if own_vector is None else (sims + vectors @ np.asarray(own_vector)) / 2

    vectors = np.asarray(index.sentence_vectors([(hit.passage, s) for s, hit in items]))
    sims, ranking = closeness(vectors)
    topics = [None] * len(items) if topic_vector is None else vectors @ np.asarray(topic_vector)
    parts = [(i, c) for i, (s, hit) in enumerate(items) for c in lang.clauses(s)]
    if parts:  # a long sentence saying several things: each of its clauses counts as much as the whole
        clause_vectors = np.asarray(index.sentence_vectors([(items[i][1].passage, c) for i, c in parts]))
        for (i, _), sim, rank_sim in zip(parts, *closeness(clause_vectors)):
            sims[i], ranking[i] = max(sims[i], sim), max(ranking[i], rank_sim)
    idf = index.bm25.idf
    terms = {t: max(idf.get(t, 0.0), 0.0) for t in tokenize(q.text)}
    total = sum(terms.values()) or 1.0
    parallel = {t for t in tokenize(like) if idf.get(t, 0.0) >= RARE_IDF and not index.model.is_subject_word(t)}
    sentences = []
    how_to_write = bool(shapes.HOW_TO_WRITE.match(q.text))
    defining = shapes.defining(q.text, lambda thing: bool(  # "what's X?": the sentence saying "X, a ..."
        q.subjects or index.model.names_in(thing) or not all(map(lang.is_everyday, lang.words(thing)))))
    defined = index.model.find_subjects(shapes.defined_thing(q.text)[0], fuzzy=False) if defining else []  # said of it
    placed = {p.chunk_id for p in placed_passages(index, q)}
    calls_itself = shapes.self_description(q.text, q.subjects[0]) if len(q.subjects) == 1 else None
    for (s, hit), sim, rank_sim, topic in zip(items, sims, ranking, topics):
        bonus = MENTION_BONUS if q.subjects and (any(f in s.lower() for f in q.subjects) or (  # or "It ..." for it,
            lang.PRONOUN_START.match(s) and not index.model.section_subject(hit.passage)  # outside its section
            and index.model.owner(hit.passage, s) in q.subjects)) else 0.0
        if q.things & set(lang.words(s)):  # a thing the question names ("Board")
            bonus += MENTION_BONUS
        if hit.passage.chunk_id in placed:  # the place in the article it says ("in the intro"): there, first
            bonus += PLACED_BONUS
        if how_to_write and shapes.CODE.search(s):  # "how do you define a flow?": the sentence with the code
            bonus += CODE_BONUS
        if shape and shape.search(s):  # "how many ...?": a sentence stating a number
            bonus += SHAPE_BONUS
        if defining and defining.search(s) and (not defined or index.model.owner(hit.passage, s) in defined):
            bonus += DEFINES_BONUS
        elif calls_itself and calls_itself.search(s) and index.model.owner(hit.passage, s) in q.subjects:
            bonus += 2 * DEFINES_BONUS  # "what does A call itself?": "It does not call itself a task queue, but ..." of A
        if not (q.downside and shape and not shape.search(s)):  # "what's the catch?": only a cost that comes next
            bonus += follows.get((hit.passage.chunk_id, s), 0.0)  # "why?": what comes next to what was said
        shared = set(tokenize(s)) & terms.keys()
        overlap = sum(terms[t] for t in shared) / total  # idf-weighted share of the question's words
        lexical = LEXICAL_WEIGHT * (2 if hit.decisive else 1)  # the passage the question all but quotes: its words
        # "and the other one?": the rare words of what was said of the last one ("typical", "engineers"), said of this one
        bonus += PARALLEL_BONUS * min(len(parallel & set(tokenize(s))), PARALLEL_WORDS)
        score = float(rank_sim) + 0.1 * hit.score + bonus + lexical * overlap
        sentences.append(Sentence(s, hit.passage, float(sim), score, None if topic is None else float(topic)))
    sentences.sort(key=lambda s: -s.score)
    return Evidence(hits, sentences, vector)


def after_said(said: str, hits: list[Hit]) -> dict[tuple[str, str], float]:
    """For a question asking more on the last answer (``said``), a bonus for each sentence one or two
    after a sentence that answer quoted, by passage and text: the most after what it said first (its
    point). After a "Label: value." line whose label it gave, the next sentence counts even if that
    answer quoted it too: it is the reason for the value ("why?" after "A's learning curve is High")."""
    if not said:
        return {}
    spots, texts = [], {}
    for hit in hits:
        texts[hit.passage.chunk_id] = sentences = split_sentences(hit.passage.text)
        for i, s in enumerate(sentences):
            label = LABEL_ONLY.match(s) is not None
            told = (s.split(": ")[0] if label else s.rstrip(".")).lower()  # a label line: its label was given
            if (label and told in said) or (not label and said_already(s, said)):
                spots.append((said.find(told), hit.passage.chunk_id, i, label))
    first = min((at for at, *_ in spots), default=0)
    bonus: dict[tuple[str, str], float] = {}
    for at, chunk_id, i, label in spots:
        for step, value in enumerate(FOLLOWS_BONUS, 1):
            if i + step < len(texts[chunk_id]):
                text = texts[chunk_id][i + step]
                if said_already(text, said) and not (label and step == 1):
                    continue
                key = (chunk_id, text)
                bonus[key] = max(bonus.get(key, 0.0), value * (1.0 if at == first else 0.5))
    return bonus


def number_citations(draft: str, hits: list[Hit]) -> tuple[str, list[Citation]]:
    """Replace [[chunk_id]] with [n] in order of first use; markers of passages that were not
    retrieved are dropped (an answer may only cite what the user is shown)."""
    by_id = {h.passage.chunk_id: h for h in hits}
    numbers: dict[str, int] = {}
    citations: list[Citation] = []

    def sub(m: re.Match) -> str:
        cid = m.group(1)
        hit = by_id.get(cid)
        if hit is None:
            return ""
        if cid not in numbers:
            numbers[cid] = len(numbers) + 1
            p = hit.passage
            citations.append(Citation(numbers[cid], p.source, p.section, p.text, p.chunk_id, hit.score, p.page))
        return f"[{numbers[cid]}]"

    text = MARKER.sub(sub, draft)
    text = re.sub(r"\[\[[0-9a-f-]*$", "", text)  # a marker still being streamed
    return text.strip(), citations
