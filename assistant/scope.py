"""Deciding whether the article covers a question, before anything is answered.

A question is declined when it asks the assistant to drop its instructions or to write something
creative, asks for prices the article never gives, uses words the article (or the named framework's
passages) never uses while no passage sentence is a confident match, or when nothing in the article is
close enough. The two similarity thresholds are settings, tuned on the eval set's tuning split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .index import STOPWORDS, Index, stem
from .question import ABOUT_ARTICLE, SITUATIONS, TEAM_SIZE, Question
from .settings import Settings
from .vocab import (
    DIMENSIONS,
    FRAMEWORKS,
    HIGH_WORDS,
    LOW_WORDS,
    OTHER_TOOLS,
    is_framework_word,
    words,
)

COVERS = (
    "The article compares Kubeflow, Metaflow and Prefect: what MLOps frameworks do, each framework's "
    "setup complexity, learning curve, managed options, ML-specific features, best team size, "
    "infrastructure requirement and self-hosted cost, and which one to choose."
)

INJECTION = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instructions?|rules?|prompts?|guidelines|"
    r"previous|above|context|system)\b|\bsystem prompt\b|\byou are now\b|\bpretend (?:to be|you)\b"
    r"|\bjailbreak|\bdeveloper mode\b|\bact as\b|\brole-?play\b|\bnew instructions\b",
    re.I,
)
CREATIVE = re.compile(
    r"\b(?:write|compose|make up|create|generate|sing|tell)\b.{0,30}\b(?:poem|haiku|song|story|joke|"
    r"limerick|rap|essay|sonnet|lyrics|tweet|novel|fiction)\b|\bpoem\b|\bhaiku\b|\blimerick\b",
    re.I,
)
PRICE = re.compile(
    r"\$|€|£|\bdollars?\b|\beuros?\b|\bpric(?:e|es|ing)\b|\bper (?:month|seat|user|year|hour|node)\b"
    r"|\bsubscription\b|\blicen[cs](?:e|ing) (?:fee|cost)|\bfree (?:tier|plan)\b|\bbilling\b|\bpaid plan"
    r"|\bhow much (?:is|does|do|would|will) (?:it cost to (?:buy|subscribe)|(?:prefect cloud|outerbounds|"
    r"vertex ai(?: pipelines)?|the managed))",
    re.I,
)
PRICE_OK = re.compile(r"self[- ]host|cheap|expensive|\bcost\b(?! per)", re.I)

RARE_IDF = 1.9  # a word in at most ~3 of the article's passages

GENERIC = frozenset(
    """tell explain know think say says said mean means please give like want use using used good
    better best pick choose chose compare compared comparison comparing difference differences
    different differ versus one ones framework frameworks tool tools option options article author
    blog post recommend recommended recommendation suggest suggestion should would need needs much many
    more less most least really actually exactly also just well right thing things way work works
    working kind type sort lot bit any some other others each every all both either neither between
    among over under which we our us hey hi hello thanks thank now then get gets go goes make makes
    take does did done according describe described overview summary summarize summarise main key
    point points whats why how when where who what worth ok okay etc vs versus say compare pros cons
    advantage advantages disadvantage disadvantages strength strengths weakness weaknesses benefit
    benefits downside downsides upside choice decide deciding decision pick picking picked us am
    im i'm we're you're they're don't doesn't isn't aren't can't won't should've there's here yes no
    not very quite rather pretty fairly somewhat fit fits fitting suit suits suited suitable matter
    matters important consider considering evaluate evaluating company companies startup startups
    team teams small large big size people person engineer engineers tell us mlops stack stacks
    between difference three two effort exist exists existing since yourself myself ourselves mind
    start starting started raised raise just like commonly typically usually often pair paired
    change changed changes define defined defining happen happens new old part parts used come
    comes came from go""".split()
)

# Words the article uses under another name.
SYNONYMS = {
    "created": "built", "create": "built", "developed": "built", "develop": "built", "made": "built",
    "invented": "built", "founded": "built", "originated": "built", "origin": "built",
    "origins": "built", "creator": "built", "creators": "built",
    "opensource": "open-sourced", "k8": "k8s", "google": "gcp",
    "easy": "simple", "easiest": "simple", "hard": "complex", "difficult": "complex",
    "cheap": "cost", "cheapest": "cost", "expensive": "cost", "costly": "cost",
    "hosted": "managed", "hosting": "managed", "saas": "managed",
    "containers": "container", "containerize": "container", "containerized": "container",
    "containerization": "container", "docker": "container", "experiments": "experiment",
    "tracking": "track", "pipelines": "pipeline", "orchestrate": "orchestration",
    "orchestrator": "orchestration", "serve": "serving", "serves": "serving",
    "scale": "scaling", "scales": "scaling", "scalable": "scaling", "scalability": "scaling",
    "lockin": "lock-in", "vendor": "lock-in", "dashboard": "ui", "interface": "ui",
    "machine": "ml", "decorators": "decorating",
    "decorator": "decorating", "long": "weeks", "time": "weeks", "quickly": "hours", "fast": "hours",
    "prod": "production",
}


@dataclass
class ScopeDecision:
    refused: bool
    message: str = ""
    reason: str = ""  # "instructions" | "creative" | "price" | "unknown_terms" | "weak_match"
    uncovered: tuple[str, ...] = ()


def check_scope(question: Question, best_sentence: float, index: Index, settings: Settings) -> ScopeDecision:
    text = question.text
    if INJECTION.search(text):
        return ScopeDecision(True, "I only answer questions about the article, from the article, and I "
                             "don't follow instructions to do otherwise. " + COVERS, "instructions")
    if CREATIVE.search(text):
        return ScopeDecision(True, "I only answer questions from the article; I don't write poems, "
                             "stories or jokes. " + COVERS, "creative")
    if PRICE.search(text) and not (PRICE_OK.search(text) and not re.search(r"\$|€|£|dollar|euro|per ", text, re.I)):
        return ScopeDecision(True, "The article doesn't give prices. It only rates each framework's "
                             "self-hosted cost (ask “Which is cheapest to self-host?”). " + COVERS, "price")

    uncovered = uncovered_terms(question, index)
    if uncovered and best_sentence < settings.confident_sentence_score:
        about = ""
        if question.frameworks and not _uncovered_anywhere(uncovered, index):
            about = " for " + " or ".join(FRAMEWORKS[f] for f in question.frameworks)
        shown = ", ".join(f"“{w}”" for w in uncovered[:4])
        return ScopeDecision(True, f"The article doesn't cover that: it says nothing on {shown}{about}. "
                             + COVERS, "unknown_terms", tuple(uncovered))
    recognised = (question.dimensions or question.recommendation or question.overview
                  or question.about_article or names_rare_term(question, index))
    if not recognised and best_sentence < settings.min_sentence_score:
        return ScopeDecision(True, "The article doesn't cover that. " + COVERS, "weak_match")
    return ScopeDecision(False)


def content_words(question: Question) -> list[str]:
    """The words of the question that carry its topic."""
    text = question.text
    spans = []
    for rx in [d.pattern for d in DIMENSIONS] + list(SITUATIONS.values()) + [TEAM_SIZE, ABOUT_ARTICLE, LOW_WORDS, HIGH_WORDS]:
        for m in rx.finditer(text):  # widen each match to whole words: "cheap" -> "cheapest"
            a, b = m.span()
            while a > 0 and text[a - 1].isalnum():
                a -= 1
            while b < len(text) and text[b].isalnum():
                b += 1
            spans.append((a, b))
    masked = "".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(text))
    out = []
    for w in words(masked):
        w = w.replace("'s", "")
        if w in STOPWORDS or w in GENERIC or w.isdigit() or len(w) < 3:
            continue
        if is_framework_word(w):
            continue
        out.append(w)
    return list(dict.fromkeys(out))


def names_rare_term(question: Question, index: Index) -> bool:
    """True when the question names something specific the article mentions (Katib, Istio...)."""
    idf = index.bm25.idf
    return any(idf.get(stem(w), 0.0) >= RARE_IDF for w in content_words(question))


def uncovered_terms(question: Question, index: Index) -> list[str]:
    """Content words found neither in the passages about any named framework nor, for questions
    naming none, anywhere in the article (typos within edit distance are forgiven)."""
    missing = []
    for w in content_words(question):
        if not any(_known(w, index, f) for f in (question.frameworks or [""])):
            missing.append(w)
    return missing


def _uncovered_anywhere(terms: list[str], index: Index) -> bool:
    return any(not _known(w, index) for w in terms)


def _known(word: str, index: Index, framework: str = "") -> bool:
    if word in OTHER_TOOLS:
        return False
    vocab = index.vocabulary(framework)
    for candidate in {word, SYNONYMS.get(word, word)}:
        s = stem(candidate)
        if s in vocab or candidate in vocab:
            return True
        if "-" in candidate and all(stem(part) in vocab for part in candidate.split("-")):
            return True
    return len(word) >= 5 and index.has_near_word(stem(word), framework)
