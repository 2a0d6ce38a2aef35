"""Reading a question's words as the corpus writes them, before anything else reads it: neither the
embedding model nor the lexical index knows a clipping ("infra"), a typo ("hyperparamter"), an acronym
the corpus spells out ("WAL": "write-ahead log") or a compound written as two words ("self host")."""

from __future__ import annotations

import re

from . import language as lang
from .article import ArticleModel

ACRONYM_MAX_LETTERS = 5  # "wal", "rbac": an acronym a phrase of the corpus spells out
FUNCTION_WORD_ZIPF = 5.5  # "such" (5.7), "also": never a word an acronym stands for ("write", 5.0, can be)
TYPO_MIN_LETTERS = 6
PREPOSITIONS = frozenset("in on at by for with of to from into over under".split())  # a shorter word a letter off is as likely another word


def spelled_as_corpus(text: str, model: ArticleModel, index) -> str:
    """The question with words the corpus lacks written as the corpus writes them, since neither the
    embedding model nor the lexical index knows a clipping or a typo: a clipped word as the one table
    label word it begins ("what infra does A need?": "infrastructure", as in "Infrastructure
    requirement"); a word no English list has, within a typo of one word of the corpus
    ("hyperparamter": "hyperparameter"); an acronym as the phrase it spells (``expanded_acronym``); two
    words the corpus writes as one compound, joined ("self host": "self-host"). Never an everyday word,
    nor a word the corpus has."""
    full = {w.lower() for d in model.dimensions.values() for w in re.findall(r"[A-Za-z]+", d.label)}

    def spelled(m: re.Match) -> str:
        word = m.group().lower()
        if len(word) < 3 or lang.stem(word) in index.vocabulary():
            return m.group()
        phrase = expanded_acronym(word, index) if len(word) <= ACRONYM_MAX_LETTERS and (
            m.group().isupper() or lang.zipf(word) < lang.RARE_ZIPF) else ""
        if phrase or len(word) < 4:
            return phrase or m.group()
        found = {w for w in full if lang.abbreviates(word, w)} if lang.zipf(word) < lang.RARE_ZIPF else set()
        if len(found) == 1:  # (not "specs", "memo": words of their own)
            return found.pop()
        near = index.near_word(lang.stem(word)) if len(word) >= TYPO_MIN_LETTERS and not lang.zipf(word) else ""
        return written_as(near, index) or m.group()
    def joined(m: re.Match) -> str:  # "self host": "self-host", as in "self-hosted"; not "built in" a language
        compound = not ({m[1].lower(), m[2].lower()} & (lang.STOPWORDS | PREPOSITIONS))
        return m[1] + ("-" if compound and lang.stem(f"{m[1]}-{m[2]}".lower()) in index.vocabulary() else " ")
    text = re.sub(r"\b([A-Za-z]+) (?=([A-Za-z]+)\b)", joined, text)
    return re.sub(r"[A-Za-z]+", spelled, text)


def expanded_acronym(acronym: str, index) -> str:
    """The one phrase of the corpus whose words' initials spell an acronym it never writes ("wal":
    "write-ahead log"): a compound or a title-cased name, its words all content words (not "companies
    sometimes select" for "css")."""
    pattern = re.compile(r"\b" + r"[\s-]+".join(rf"{c}[a-z]*" for c in acronym) + r"\b", re.I)
    found = {m.group().lower() for p in index.passages for m in pattern.finditer(p.text)
             if ("-" in m.group() or m.group().istitle())  # a compound ("write-ahead log"), or a name's words
             and not any(w.lower() in lang.STOPWORDS or lang.zipf(w.lower()) >= FUNCTION_WORD_ZIPF
                        for w in re.split(r"[\s-]+", m.group()))}
    return found.pop() if len(found) == 1 else ""


def written_as(term: str, index) -> str:
    """How a passage writes a vocabulary term (a stem): "hyperparameter" for "hyperparamet"."""
    rows, _ = index.bm25.postings(term) if term else ((), ())
    for row in list(rows)[:3]:
        for w in re.findall(r"[A-Za-z]+", index.passages[int(row)].text):
            if lang.stem(w.lower()) == term:
                return w.lower()
    return ""
