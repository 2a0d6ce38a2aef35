"""How an answer words what it quotes: citation markers, verbatim quotes that name their subject when
they would leave "it" dangling, table facts ("Acme's setup complexity is **High**")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import language as lang
from .article import ArticleModel, Dimension
from .types import Passage

if TYPE_CHECKING:
    from .answerers import Sentence

NOT_SO = "No — that premise doesn't match the article"  # how a false premise is corrected, first words


def cite(p: Passage | str) -> str:
    return f"[[{p if isinstance(p, str) else p.chunk_id}]]"


def quote(s: Sentence, model: ArticleModel | None = None, name_subject: bool = False, by_name: bool = False) -> str:
    """A passage sentence, verbatim, with its marker before the closing punctuation. A sentence that
    opens with a pronoun standing for its section's subject (or any sentence, with ``name_subject``,
    unless it names the subject first: by its own name, with ``by_name``, not by a name of its thing)
    is shown as ``**Subject**: “sentence”`` so the answer never leaves "it" dangling."""
    m = re.match(r"^(.*?)([.!?…]*)$", s.text.strip(), re.S)
    owner = model.owner(s.passage, s.text) if model else None
    if owner and (lang.PRONOUN_START.match(s.text) or (name_subject and not named_first(s.text, owner, model, by_name))):
        return f"{bold(model.names([owner]))}: “{m[1]}{m[2]}” {cite(s.passage)}"
    return f"{m[1]} {cite(s.passage)}{m[2] or '.'}"


def is_advice(text: str, advice) -> bool:
    return any(a.sentence == text for a in advice)


def named_first(text: str, subject: str, model: ArticleModel, by_name: bool = False) -> bool:
    """The sentence names the subject (or one of its names, unless ``by_name``) within its first few words."""
    head = " ".join(text.lower().split()[:4])
    names = [subject] + ([] if by_name else model.subjects[subject].aliases)
    return any(re.search(rf"(?<![\w-]){re.escape(n)}", head) for n in names)


def bold(value: str) -> str:
    return f"**{value}**"


def fact(subject: str, dim: Dimension, value: str) -> str:
    """"Acme's setup complexity is **High**"; for a label that is no noun phrase ("Written in",
    "Where state lives"): "Acme — Written in: **Go**"."""
    words = dim.label.split()
    if words and (words[0].lower() in ("where", "what", "how", "when", "who", "which", "is", "does", "can")
                  or words[-1].lower() in ("in", "on", "at", "by", "for", "with", "to", "from", "of")):
        return f"{subject} — {dim.label}: {bold(value)}"
    return f"{subject}'s {dim.noun} {is_are(dim.noun)} {bold(value)}"


def is_are(noun: str) -> str:
    last = noun.split()[-1].lower() if noun.split() else ""
    return "are" if last.endswith("s") and not last.endswith(("ss", "us", "is")) else "is"
