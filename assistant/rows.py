"""Which table rows a question asks about: its words against each row's label (the share of the
label's words it says, each as the question writes it), its embedding against the label's, and the
values or cell words it names; and the question without the subjects' names that those are compared
with (``bare_question``)."""

from __future__ import annotations

import re

import numpy as np

from . import language as lang
from . import numbers
from . import shapes
from .article import ArticleModel, Dimension

# A dimension is what the question asks about when its label is this close (cosine to the label's
# embedding, plus a share of the label's words found in the question).
DIMENSION_MIN_SCORE = 0.4
DIMENSION_WORD_WEIGHT = 0.35
COSINE_ONLY_MIN = 0.5  # a dimension none of whose words or values the question uses needs this similarity
CELL_WORD_WEIGHT = 0.15  # a word of the row's cells ("hours" for "Awkward beyond an hour") points at it a little
COMPOUND_PART_DISCOUNT = 0.15  # a label alike only by a later part of its compound said alone
KIND_MIN_COSINE, KIND_MARGIN = 0.45, 0.1  # "which <kind>": a row's cells this close to the kind, and clearly closest
COMMON_IDF, COMMON_LABEL_WORD = 1.0, 0.5  # a label word in about half the passages ("workflows") points half as much
LEVEL_WEIGHT = 0.15  # a row of levels, of a question judging one by an adjective ("hard", "cheap") that says its words
VALUE_WEIGHT = 0.4  # naming one of a dimension's own values ("written in Go?") points at it
PARTICLES = frozenset("in on at by for with of to from into".split())  # "Written in": a word and its preposition
PARTICIPLE = re.compile(r"(?:ed|en|built|made|kept|held|run|set)$")


def match_dimensions(text: str, model: ArticleModel, index, vector, mentioned=None,
                     shares: dict | None = None) -> list[tuple[float, Dimension]]:
    """Table dimensions the question asks about, best first: the question without its subjects'
    names (``vector``), compared with each label (bare and as "What is its <label>?"), plus the
    share of the label's words the question uses (recorded in ``shares``, by dimension)."""
    dims = list(model.dimensions.values())
    if not dims:
        return []
    bare = bare_question(text, model)
    labels = np.asarray(index.embed_sentences([d.label for d in dims] + [f"What is its {d.noun}?" for d in dims]))
    cosine = (labels @ np.asarray(vector)).reshape(2, len(dims)).max(axis=0)
    asks = re.sub(rf"^\W*(?:{shapes.CONDITION_WORDS})\b[^,;:?.!]*,\s*(?=\w)", "", bare, flags=re.I)
    if asks != bare:  # "If we'd rather not babysit A ourselves, is there a managed way?": what it asks, alone
        cosine = np.maximum(cosine, (labels @ np.asarray(index.embed_sentences([asks])[0])).reshape(2, len(dims)).max(axis=0))
    asked = set(lang.tokenize(bare))
    asked |= {lang.stem(part) for a in asked if "-" in a for part in a.split("-") if len(part) > 2}  # "GPL-licensed"
    said = lang.words(bare)
    said = [part for w in said for part in ([w] + (w.split("-") if "-" in w else []))]
    short = {a for a in asked if a not in index.vocabulary()}  # "ops": perhaps short for a label's word
    if set(said) & lang.KEEPING and re.match(r"\W*where\b", text, re.I) and not model.names_in(text):  # "where does A keep ...?": a label's
        asked |= {lang.stem(w) for w in lang.KEEPING}  # verb of keeping ("Where state lives") is said (not of a
        # thing the corpus names: "where does X keep its schedule?")
    named = model.find_subjects(text)  # a cell's word points at its row only in a question about a subject
    cells = distinct_cell_words(model) if named else {}
    scored, shares_of, priced = [], {}, set()
    idf = index.bm25.idf
    judged = lang.claimed_polarity(text) is not None
    heads = numbers.counts(text) if named else []
    for dim, cos in zip(dims, cosine):
        own = label_words(dim)
        found = {w for w in own if w in asked or ("-" not in w and any(lang.same_word(w, a) for a in asked))
                 or any(lang.abbreviates(a, w) for a in short)}
        share = sum(COMMON_LABEL_WORD if idf.get(w, 9.0) < COMMON_IDF else 1.0 for w in own
                    if w in found and with_particle(w, dim.label, said) and whole_compound(w, dim.label, found, bare))
        share = share / len(own) if own else 0.0
        if not share and any(not whole_compound(w, dim.label, found, bare) for w in found):
            cos -= COMPOUND_PART_DISCOUNT  # "is there a hosted version?": alike only by a part of "self-hosted"
        shares_of[dim.key] = share
        if shares is not None:
            shares[dim.key] = share
        named_value = VALUE_WEIGHT if (mentioned or {}).get(dim.key) else 0.0  # "is it written in Go?"
        if not named_value and cells.get(dim.key, set()) & asked:  # "is A ok for jobs that take hours?"
            named_value = CELL_WORD_WEIGHT
        if heads and any(lo <= n <= hi for r in dim.rows for k in named for lo, hi in numbers.ranges(r.cells.get(k, ""))
                         for n in heads):
            named_value += CELL_WORD_WEIGHT  # "we're 12 engineers, is that A's sweet spot?": A's cell's range holds it
        if not named_value and dim.ordered and lang.COST_NOUNS & set(own) and (
                lang.PRICED.search(bare) or shapes.COST_QUESTION.search(bare)):  # "what's it gonna cost us?"
            priced.add(dim.key)
        if not share and not named_value and dim.key not in priced and cos < COSINE_ONLY_MIN:
            cos = min(cos, DIMENSION_MIN_SCORE - 0.01)  # similarity alone, and not close: only a candidate
        if judged and dim.ordered and share:  # "is A hard to learn for a team ...?": "hard" judges a level
            named_value += LEVEL_WEIGHT
        if asked_as_label(text, dim.label, share):  # "where does A keep its state?": "Where state lives"
            named_value += LEVEL_WEIGHT
        scored.append((float(cos) + DIMENSION_WORD_WEIGHT * share + named_value, dim))
    # "is it expensive?": a level of a cost row, named as a value would be; not when the question names a
    # value of a row ("is A Cloud expensive?") or words of another row of levels ("expensive to learn?")
    if any((mentioned or {}).get(d.key) or cells.get(d.key, set()) & asked
           or (d.ordered and d.key not in priced and shares_of[d.key]) for _, d in scored):
        priced = set()
    # "built with which programming language?": no label word said, the row whose cells are of that kind
    kind_row = "" if any(shares_of.values()) or any((mentioned or {}).values()) else row_of_kind(text, dims, index)
    if not kind_row and not heads and numbers.ASKS_HEADCOUNT.search(text):  # "how many people does each suit?": the
        kind_row = next((d.key for d in dims if counts_heads(d)), "")  # row whose cells are head counts
    return sorted(((s + (VALUE_WEIGHT if d.key in priced or d.key == kind_row else 0.0), d) for s, d in scored),
                  key=lambda pair: -pair[0])


def counts_heads(dim: Dimension) -> bool:
    """Most of the row's cells are head counts ("3–15 ML engineers", "20+ (ML platform team)")."""
    cells = [c for r in dim.rows for c in r.cells.values()]
    return bool(cells) and sum(bool(numbers.counts(c) or numbers.ranges(c) and re.search(rf"\bteam|{numbers.PEOPLE}", c, re.I))
                               for c in cells) * 2 > len(cells)


def row_of_kind(text: str, dims: list[Dimension], index) -> str:
    """The row whose cells are things of the kind a "which <kind> ...?" question asks for, clearly
    closer to it than any other row's ("which programming language": "Python; Go"; "what broker":
    "Message broker (Redis or RabbitMQ)"); the dimension's key, or ""."""
    m = shapes.ASKED_KIND.search(text)
    if m and m.start() > 0 and re.match(r"\W*(?:why|how|where|when|who)\b", text, re.I):
        m = None  # "why does it make a point of what A does?": a clause of another question, not "which <kind>?"
    rows = [(d.key, d.cells) for d in dims if d.rows]
    if not m or len(rows) < 2 or m["kind"].split()[-1] in lang.STOPWORDS:
        return ""
    vectors = np.asarray(index.embed_sentences([m["kind"]] + [cells for _, cells in rows]))
    sims = sorted(zip((vectors[1:] @ vectors[0]).tolist(), (k for k, _ in rows)), reverse=True)
    return sims[0][1] if sims[0][0] >= KIND_MIN_COSINE and sims[0][0] - sims[1][0] >= KIND_MARGIN else ""


def distinct_cell_words(model: ArticleModel) -> dict[str, set[str]]:
    """Per dimension, the content words of its cells that no other dimension's cells use: not level
    words, not the subjects' names ("hour", "broker", "official"; not "High", "Acme")."""
    words = {key: {lang.stem(w) for r in d.rows for v in r.cells.values() for w in lang.tokenize(v)
                   if len(w) > 3 and lang.RANK.get(w) is None and not model.is_subject_word(w)}
             for key, d in model.dimensions.items()}
    return {key: own - set().union(*(w for k, w in words.items() if k != key)) for key, own in words.items()}


def asked_as_label(text: str, label: str, share: float) -> bool:
    """The label is itself a question's opening ("Where state lives", "Who maintains it") and the question
    asks with the same word and says another of the label's words ("where does A persist its state?", "where
    does A keep track of jobs?": a verb of keeping counts as the label's)."""
    wh = re.match(r"(?:where|when|who|how|why)\b", label, re.I)
    return bool(share) and bool(wh) and re.match(rf"\W*{wh.group()}\b", text, re.I) is not None


def label_words(dim: Dimension) -> list[str]:
    """The tokens of a dimension's label that can name it ("Long-running jobs" -> long, running, job)."""
    return [w for w in lang.tokenize(compound_parts(dim.label)) if len(w) > 2 and w not in lang.JUDGING]


def whole_compound(word: str, label: str, found: set[str], text: str) -> bool:
    """A word of one of the label's compounds counts alone only as its first part, the one that
    sets it apart, and not as "how <word>" ("Long-running jobs": "long jobs", "jobs that run long";
    not "the dashboard people run", nor "how long?")."""
    for compound in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", label):
        parts = [w for w in lang.tokenize(compound.replace("-", " ")) if len(w) > 2 and w not in lang.JUDGING]
        if word not in parts or all(p in found for p in parts):
            continue
        if word != parts[0] or re.search(rf"\bhow {re.escape(word)}", text, re.I):
            return False
    return True


def with_particle(word: str, label: str, said: list[str]) -> bool:
    """A label word that a preposition follows in the label ("Written in") counts only when the
    question says it with that preposition close after ("what is A written in?", "written in Go"),
    not in another sense ("how workflow code is written, right?")."""
    label_words = lang.words(compound_parts(label))
    at = [i for i, w in enumerate(label_words) if lang.stem(w) == word or w == word]
    particle = label_words[at[0] + 1] if at and at[0] + 1 < len(label_words) else ""
    if particle not in PARTICLES or not PARTICIPLE.search(label_words[at[0]]):
        return True  # only a participle with its preposition ("Written in"), not "Support for"
    return any(lang.same_word(lang.stem(w), word) and particle in said[i + 1: i + 3] for i, w in enumerate(said))


def compound_parts(label: str) -> str:
    """A label with its compounds split into words ("Long-running workflows" -> "Long running
    workflows"), but not those made with a particle ("Built-in" stays whole)."""
    def split(m: re.Match) -> str:
        parts = m.group().split("-")
        return m.group() if any(p.lower() in lang.STOPWORDS for p in parts) else " ".join(parts)
    return re.sub(r"[A-Za-z]+(?:-[A-Za-z]+)+", split, label)


def bare_question(text: str, model: ArticleModel) -> str:
    """The question without its subjects' names, spaces tidied; "each one", "both", "side by side" said
    of them all become "it" ("how heavy is each one to run?": "how heavy is it to run?"), and who does
    what is asked goes ("what do teams usually pair it with?": "what do usually pair it with?"), and what
    software is "implemented in" it is "written in" ("what is A coded in?": "what is written in?"), as is the
    language it is asked in ("which language is A's server?": "..., written in?")."""
    text = lang.phrased_as_one_word(shapes.AUTHORED_IN.sub("written", text))
    if shapes.ASKS_LANGUAGE.search(text) and not re.search(r"\bwritten in\b|\b(?:sdks?|clients?|bindings?|librar(?:y|ies)|"
                                                           r"apis?|write|writing|code|quer(?:y|ies))\b", text, re.I):
        text = f"{text.rstrip(' ?.')}, written in?"  # "which language should I learn to work on A?"
    text = re.sub(r"\s+", " ", model.without_names(text))
    text = shapes.ACTOR.sub(lambda m: m.group()[: m.start("actor") - m.start()], text)
    return re.sub(r"\s+", " ", shapes.ALL_OF_THEM.sub("it", text)).strip()
