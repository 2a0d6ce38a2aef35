"""Names that point at one subject: proper names an article writes only in that subject's section or
table cells (its managed offering, its components), found by reading the article (``find_aliases``)."""

from __future__ import annotations

import re

from . import language as lang
from .article import PROPER, ArticleModel, section_subject
from .corpus import split_sentences
from .types import Passage


def find_aliases(model: ArticleModel, passages: list[Passage]) -> None:
    """Proper names written in one subject's section or table cells, and found nowhere else but in
    places about that subject alone, point at it (its managed offering, its components)."""
    subjects = model.subjects
    candidates: dict[str, set[str]] = {}
    for p in passages:
        owner = section_subject(p.section, subjects)
        if p.kind == "table_row":
            for column, value in p.cells.items():
                if column.lower() in subjects:
                    for cand in alias_candidates(value, subjects, whole=True):
                        candidates.setdefault(cand, set()).add(column.lower())
        elif owner:
            for cand in alias_candidates(p.text, subjects):
                candidates.setdefault(cand, set()).add(owner)
    for cand, homes in candidates.items():
        if len(homes) != 1:
            continue
        where = owners_of(cand, passages, subjects)
        if where == homes:
            subjects[next(iter(homes))].aliases.append(cand)
    for subject in subjects.values():
        subject.aliases = sorted(set(subject.aliases), key=lambda a: (-len(a), a))


def owners_of(name: str, passages: list[Passage], subjects: dict) -> set[str]:
    """The subjects of every place a name appears: a section's subject, a table cell's column, the
    subjects a passage names; "?" for a place about none."""
    rx = re.compile(lang.whole(name), re.I)
    out: set[str] = set()
    for p in passages:
        if p.kind == "table_row":
            out |= {c.lower() if c.lower() in subjects else "?" for c, v in p.cells.items() if rx.search(v)}
            if rx.search(p.label):
                out.add("?")
            continue
        if not rx.search(p.text):
            continue
        owner = section_subject(p.section, subjects)
        named = {k for k in subjects if re.search(lang.whole(k), p.text.lower())}
        out |= {owner} if owner else (named if len(named) == 1 else {"?"})
    return out


def distinctive(token: str) -> bool:
    """A word that reads as a name: rare in English, or written with digits or inner capitals."""
    t = token.strip(".,;:()")
    if len(t) < 2:
        return False
    if re.search(r"\d|[a-z][A-Z]", t):
        return True
    if "-" in t and all(lang.is_everyday(part.lower()) for part in t.split("-") if part):
        return False
    return lang.zipf(t.lower()) < (3.3 if t.isupper() else 3.0)


def alias_candidates(text: str, subjects: dict, whole: bool = False) -> list[str]:
    """Proper-name runs of a text and their distinctive words, lower-case; none that contains a
    subject's name. ``whole``: a table cell written as a name ("Acme Cloud Pipelines") counts whole."""
    out = []
    cell = text.strip()
    if whole and re.fullmatch(r"(?:[A-Z][\w+&/.-]*|[A-Z0-9]{2,})(?:\s+(?:[A-Z][\w+&/.-]*|\d[\w-]*))*", cell):
        single = len(cell.split()) == 1
        if not any(t.lower() in subjects for t in cell.split()) and not (single and not distinctive(cell)):
            out.append(cell.lower())
    for m in PROPER.finditer(text):
        tokens = m.group().split()
        if any(t.lower().strip(".,") in subjects for t in tokens):
            continue
        initial = m.start() == 0 or bool(re.search(r"[.!?:]\s*$", text[: m.start()]))
        keep = [t.strip(".,") for t in tokens]
        while initial and keep and lang.is_everyday(keep[0].lower()):
            keep = keep[1:]
        if len(keep) >= 2 and any(distinctive(t) for t in keep):
            out.append(" ".join(keep).lower())
        for i, t in enumerate(keep):
            if distinctive(t) and not lang.is_everyday(t.lower()) and not (i == 0 and initial and lang.zipf(t.lower()) >= 2.0 and not re.search(r"\d|[a-z][A-Z]", t)):
                out.append(t.lower())
    return [c for c in dict.fromkeys(out) if c and c not in lang.STOPWORDS]


def find_written_names(model: ArticleModel, passages: list[Passage]) -> list[str]:
    """Everyday words the corpus writes only as names — capitalised inside its sentences, never in
    lower case ("Flower", "Beat"): a question saying one speaks of a thing the corpus names, however
    everyday the word is in English."""
    subject_words = {w for key in model.subjects for w in key.split()}
    return sorted(w for w in only_capitalised(passages, INSIDE_CAPITALISED) - subject_words
                  if w not in lang.STOPWORDS and len(w) > 3 and lang.is_everyday(w))


def find_proper_names(model: ArticleModel, passages: list[Passage]) -> list[str]:
    """Words English has no everyday use for that the corpus writes only as names inside its sentences
    ("TypeScript", "Elasticsearch"; not "embeddings", written in lower case): said in a question, the
    thing it asks about."""
    return sorted(w for w in only_capitalised(passages, INSIDE_NAME) if len(w) > 2 and not lang.is_everyday(w)
                  and not model.find_subjects(w, fuzzy=False, aliases=False))


def only_capitalised(passages: list[Passage], written: re.Pattern) -> set[str]:
    """The words (lower-cased) the passages write as ``written`` matches them inside a sentence and
    never in lower case; a table's cells are capitalised as cells, not as names."""
    inside, lower = set(), set()
    for p in passages:
        lower |= set(re.findall(r"(?<![\w-])[a-z][a-z0-9]+(?![\w-])", p.text))
        if p.kind != "table_row":
            inside |= {m.group().lower() for m in written.finditer(p.text)}
    return inside - lower


INSIDE_NAME = re.compile(r"(?<=[a-z0-9,)] )[A-Z][A-Za-z0-9]+(?![\w-])")  # "TypeScript", "DiskANN"
INSIDE_CAPITALISED = re.compile(r"(?<=[a-z0-9,)] )[A-Z][a-z]+(?![\w-])")  # not after "Label: "


def lone_names(names: list[str], passages: list[Passage]) -> list[str]:
    """Of the written names, those the corpus also writes alone inside a sentence — not only as part
    of a longer name ("Series A") nor only in a line that is no sentence ("Contact an Expert")."""
    sentences = [s for p in passages if p.kind != "table_row" for s in split_sentences(p.text)
                 if re.search(r"[.!?]$", s.strip())]
    out = []
    for name in names:
        alone = re.compile(rf"(?<=[a-z0-9,)] ){re.escape(name.capitalize())}(?!\s+[A-Z0-9])(?![\w-])")
        if any(alone.search(s) for s in sentences):
            out.append(name)
    return out


def named_parts(model: ArticleModel, passages: list[Passage]) -> list[str]:
    """A subject's name and the capitalised words the corpus writes right after it ("Acme Cloud", "Acme
    Web UI"), lower-case: a thing of the subject's, asked about as "what's A Cloud?"."""
    names = "|".join(re.escape(s.name) for s in model.subjects.values())
    if not names:
        return []
    rx = re.compile(rf"(?<![\w-])(?:{names})(?:\s+(?:[A-Z][\w+-]*|[A-Z]{{2,}}))+(?![\w-])")
    found = {" ".join(lang.words(m.group())) for p in passages for m in rx.finditer(p.text)}
    return sorted(found)
