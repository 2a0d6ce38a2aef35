"""What a question asks for that no retrieved sentence holds: a date for "when ...?", a maker for "who
built ...?", a number for "how many ...?", a version for "which version ...?", the thing for "which
<thing> ...?". Such a question is declined ("The article doesn't say when") rather than answered with
a sentence on the same topic that does not answer it."""

from __future__ import annotations

import re

import numpy as np

from . import language as lang
from . import numbers
from . import shapes
from .index import Index
from .known import known
from .question import Question

INSTANCE_MIN_COSINE = 0.45  # "city" and "Berlin" (0.60), "languages" and "Java" (0.46); not "city" and "Rust" (0.26)
INSTANCE_SENTENCES = 3
COUNTED_MIN_COSINE = 0.6  # "tries" and "attempts" (0.84), not "stars" and "ways" (0.32)
UNBOUNDED = re.compile(r"\b(?:no (?:maximum|limit|upper bound|cap)|unlimited|without (?:a )?limit)(?:\s+(?:number\s+)?(?:of|on)\s+)?"
                       r"(?:\s*[\w-]+){1,2}", re.I)  # "no maximum number of attempts", "unlimited retries"


def missing_answer(question: Question, sentences, index: Index, confident: float) -> str:
    """What a question asks for that no retrieved sentence about its subject holds: a date for
    "when ...?", a maker for "who built ...?", a number for "how many ...?", a version number for "which
    version ...?", the asked-for thing for
    "what <thing> is ...?". Returns how to say it ("when", "who made it", ...), or "". A number in words in
    a sentence at least ``confident`` close answers "how many" ("how many beat processes?": "exactly one
    instance")."""
    text = question.text
    if question.recommendation and not question.about_article and shapes.ASKS_VERSION_NUMBER.search(text) \
            and not any(shapes.VERSION.search(s.text) for s in sentences[:8]):
        return "which version"  # "which A release version should we install?": a number, whatever the advice
    if question.about_article or question.recommendation:
        return ""
    about = [s.text for s in sentences
             if not question.subjects or set(s.passage.subjects) & set(question.subjects)][:8]
    cells = [v for d in question.dimensions for r in d.rows for v in r.cells.values()]
    asks_version = shapes.ASKS_VERSION_NUMBER.search(text) or (not question.dimensions and shapes.ASKS_VERSION.search(text))
    if asks_version and not any(shapes.VERSION.search(t) for t in about + cells):
        return "which version"  # a table row names none either ("the latest version of A's Python SDK")
    if shapes.ASKS_RATE.search(text) and not any(numbers.RATE.search(t) for t in about + cells):
        return "how fast"  # "how many tasks per second ...?": no sentence or cell gives one
    if question.dimensions:
        return ""
    if shapes.ASKS_WHEN.search(text) and not any(shapes.DATE.search(t) for t in about):
        return "when"
    if shapes.ASKS_MAKER.search(text) and not any(shapes.MAKER.search(t) for t in about):
        return "who made it"
    closest = next((s for s in sentences if s.text == about[0]), None) if about else None
    if shapes.ASKS_COUNT.search(text) and not any(re.search(r"\d", t) for t in about) \
            and not counted_in_words(text, about[:3], index) \
            and not (closest and closest.similarity >= confident and numbers.NUMBER.search(closest.text)):
        return "how many"
    m = shapes.ASKS_NOUN.search(text)
    noun = (m["noun"] or m["last"]).lower() if m else ""
    if noun and noun not in shapes.NOT_A_TOPIC_NOUN and not index.model.is_subject_word(noun) \
            and not any(known(noun, index, s) for s in (question.subjects or [""])) \
            and not names_one(noun, about[:INSTANCE_SENTENCES], index):
        return f"which {noun}"
    return ""


def names_one(noun: str, sentences: list[str], index: Index) -> bool:
    """One of the closest sentences names a thing of the kind the question asks for, though it never says
    the kind's word: a name or a figure close to it ("which city ...?": "a Berlin-based company"; "what
    year ...?": "2019")."""
    names = {w for t in sentences for w in re.findall(r"(?<=\S )(?:[A-Z]\w+|\d{4})\b", t)  # "Berlin" of "Berlin-based",
             if not index.model.is_subject_word(w.lower())}  # not a sentence's first word ("Scheduling is ...")
    names = sorted(names)
    if not names:
        return False
    vectors = np.asarray(index.embed_sentences([noun] + names))
    return float((vectors[1:] @ vectors[0]).max()) >= INSTANCE_MIN_COSINE


def counted_in_words(question: str, sentences: list[str], index: Index) -> bool:
    """"how many tries before it gives up?" answered by "gives up after three attempts": a number in
    words, among the closest sentences, counting the same thing (the same word, or one close to it)."""
    m = numbers.COUNTED_NOUN.search(question)
    if not m:
        return False
    noun = m["noun"].lower()
    if any(lang.stem(noun) in {lang.stem(w) for w in lang.tokenize(m.group())} for t in sentences
           for m in UNBOUNDED.finditer(t)):
        return True  # "how many attempts ...?": "with ... no maximum number of attempts"
    found = [w.lower() for t in sentences for n in numbers.NUMBER_NOUN.finditer(t) for w in (n["a"], n["b"]) if w]
    if not found:
        return False
    if any(lang.same_word(lang.stem(noun), lang.stem(w)) for w in found):
        return True
    vectors = np.asarray(index.embed_sentences([noun] + found))
    return float((vectors[1:] @ vectors[0]).max()) >= COUNTED_MIN_COSINE
