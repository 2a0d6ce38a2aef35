"""Whether the corpus knows a word: as written, by its stem, or in a form it takes in questions (a
compound of known parts, a clipping, a numeronym, an initialism said in full, a typo within a small edit
distance); whether most of a question's words are the corpus's; and the releases it never writes."""

from __future__ import annotations

import re

from . import language as lang
from . import shapes
from .index import Index
from .question import Question, strip_subjects

COMPOUND_PART_ZIPF = 3.5  # "tab" of "crontab": a common English word joined to a common word of the corpus
# Question words that are rare in English but never a topic.
QUESTION_WORDS = frozenset("pros cons tradeoff tradeoffs downside downsides upside upsides versus vs "
                           "tldr summarise summarize overview recommend eli5 btw imo fyi gotcha gotchas caveat "
                           "caveats pitfall pitfalls drawback drawbacks quirk quirks footgun footguns".split())


def mostly_known(question: Question, index: Index, share: float = 0.5) -> bool:
    """At least ``share`` of the question's content words (everyday ones included) are in the corpus."""
    content = [w for w in lang.tokenize(strip_subjects(question.text, index.model))
               if len(w) > 2 and w not in QUESTION_WORDS and w != "one"]  # "which one"
    vocab = index.vocabulary()
    return not content or sum(1 for w in content if w in vocab or (  # "built-in": its parts
        "-" in w and all(p in vocab or p in lang.STOPWORDS for p in map(lang.stem, w.split("-"))))) >= len(content) * share


def known(word: str, index: Index, subject: str = "") -> bool:
    """The corpus (or the passages about ``subject``) has the word, in one of the forms questions give it."""
    vocab = index.vocabulary(subject)
    s = lang.stem(word)
    if s in vocab or word in vocab:
        return True
    parts = [p for p in re.split(r"[-.+/]", word) if p]
    if len(parts) > 1 and all(known(p, index, subject) for p in parts):
        return True
    if len(parts) > 1 and known(parts[0], index, subject) and all(lang.is_everyday(p) for p in parts[1:]):
        return True  # "cron-style": a known word made a modifier with an everyday one
    if len(parts) == 2 and len(parts[0]) >= 3 and any(  # "perf-critical" for "performance-critical"
            w.endswith("-" + parts[1]) for w in index.words_starting(parts[0], subject)):
        return True
    if word.isalpha() and any(  # "crontab": a common word of the corpus and an everyday one, written as one
            (word[:i] in vocab or lang.stem(word[:i]) in vocab) and word[:i] not in index.model.proper_names
            and lang.zipf(word[i:]) >= COMPOUND_PART_ZIPF for i in range(4, len(word) - 2)):
        return True
    if lang.NUMERONYM.fullmatch(word) and any(  # "k8s": the vocabulary holds stems ("kubernet")
            lang.abbreviates(word, w + end) and lang.stem(w + end) == w
            for w in index.words_starting(word[0], subject) for end in ("", "s", "es", "e", "ed", "ing")):
        return True
    if 3 <= len(word) <= 5 and word.isalpha() and word in index.initialisms():  # "ANN", said in full
        return True
    if len(word) >= 4 and index.has_prefix_word(s, subject):  # "infra" for "infrastructure"
        return True
    return len(word) >= 5 and bool(index.near_word(s, subject, cutoff=0.8 if len(s) >= 6 else 0.86))


def unwritten_releases(question: Question, index: Index) -> list[str]:
    """A release the question names after a name ("A 3.0", "Python 3.12") that no passage writes (a
    version is one token of the vocabulary), as "<name> <version>": the one kind of term with a space."""
    return [f"{m[1]} {m[2]}".lower() for m in shapes.NAMED_RELEASE.finditer(question.text)
            if (index.model.is_subject_word(m[1]) or (m[1][:1].isupper() and m.start() > 0  # not "With 2.5 ..."
                                                      and not lang.is_everyday(m[1].lower())))
            and m[2].lower().lstrip("v") not in index.vocabulary() and m[2].lower() not in index.vocabulary()]


def is_release(term: str) -> bool:
    """An uncovered term that ``unwritten_releases`` gave."""
    return " " in term


VERSUS = re.compile(r"(?<![\w.+-])(?P<a>[\w.+-]{3,})\s+(?:vs\.?|versus|or|compared (?:to|with)|instead of)\s+"
                    r"(?P<b>[\w.+-]{3,})", re.I)


def set_against_subject(text: str, model) -> set[str]:
    """Words the question sets against a subject's name ("X vs A", "A or X?"): a thing of the same
    kind, so a name however the asker wrote it, unless English uses the word every day ("A or something simpler")."""
    return {this.lower() for m in VERSUS.finditer(text) for this, other in ((m["a"], m["b"]), (m["b"], m["a"]))
            if model.find_subjects(other, fuzzy=False, aliases=False) and not model.is_subject_word(this)
            and not lang.is_everyday(this.lower())}
