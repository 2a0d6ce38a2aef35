"""The article model: what each document of the corpus compares, derived from its text at index time.

Per document: title, byline, the subjects it compares (comparison-table columns, sections named after
them, "A vs B vs C" in the title). Per table row: a dimension with each subject's cell, ranked on the
generic scale of ``language.rank`` when the values are levels; a subject's "Label: value." lines are
joined to the dimension with the same label. Names that point at one subject (proper names found
only in its section or cells, such as its managed offering). Advice: sentences in a recommendation
section, or shaped like advice ("X makes sense if ..."), each with its subject and its conditions (read
by ``advice.py``).

Nothing here knows any article: change the corpus and the model follows.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from . import language as lang
from .types import Passage

MODEL_VERSION = "16"  # bump when the derivation (or the stemming) changes: the index fingerprint includes it
PROPER = re.compile(r"(?<![\w@])(?:[A-Z][\w+&/-]*(?:\.[\w+&/-]+)*|[a-z]+[A-Z][\w-]*|\d+[A-Za-z][\w-]*)"
                    r"(?:[ ](?:[A-Z][\w+&/-]*(?:\.[\w+&/-]+)*|\d[\w-]*))*")
VS = re.compile(r"\s+(?:vs\.?|versus)\s+", re.I)
BYLINE = re.compile(r"^\W*(?P<date>[A-Z][a-z]+ \d{1,2}, \d{4}) · (?:(?P<read>\d+ min read) · )?(?P<author>.+?)\s*$")
BY = re.compile(r"^\W*By (?P<author>[^,]+?)(?:, (?P<date>[A-Z][a-z]+ \d{1,2}, \d{4}))?\W*$")


@dataclass
class Subject:
    key: str  # lower-case name
    name: str  # as the article writes it
    aliases: list[str] = field(default_factory=list)  # lower-case names that point at it alone


@dataclass
class Row:
    source: str
    chunk_id: str
    cells: dict[str, str]  # subject key -> the cell as written


@dataclass
class Dimension:
    key: str  # the label, lower-case
    label: str
    rows: list[Row] = field(default_factory=list)
    lines: dict[str, list[str]] = field(default_factory=dict)  # subject -> chunk ids of its "Label: ..." lines
    line_values: dict[str, str] = field(default_factory=dict)  # subject -> the value its line gives
    own_lines: dict[str, list[str]] = field(default_factory=dict)  # the lines under this very label

    def value(self, subject: str) -> tuple[str, str] | None:
        """(value, chunk_id) for a subject: its table cell, else its labelled line's value."""
        for row in self.rows:
            if subject in row.cells:
                return row.cells[subject], row.chunk_id
        if subject in self.line_values:
            return self.line_values[subject], self.lines[subject][0]
        return None

    def values(self, subject: str) -> list[tuple[str, str, str]]:
        """(value, chunk_id, source) of every table row (one per document) that has the subject."""
        return [(r.cells[subject], r.chunk_id, r.source) for r in self.rows if subject in r.cells]

    def ranks(self) -> dict[str, float | None]:
        subjects = list(dict.fromkeys([s for r in self.rows for s in r.cells] + list(self.line_values)))
        return {s: lang.rank(self.value(s)[0]) for s in subjects}

    @property
    def ordered(self) -> bool:
        ranks = self.ranks()
        return len(ranks) >= 2 and all(r is not None for r in ranks.values())

    @property
    def cells(self) -> str:
        """Its cells as one text ("Python; Go"): what kind of thing the row holds."""
        return "; ".join(v for r in self.rows for v in r.cells.values())

    @property
    def noun(self) -> str:
        """How an answer names it: "setup complexity", "ML-specific features", and "self-hosted cost"
        for "Cost (self-hosted)"."""
        label = self.label
        m = re.fullmatch(r"(?P<head>[^()]+?)\s*\((?P<qualifier>[\w-]+(?: [\w-]+)?)\)", label)
        if m:
            label = f"{m['qualifier']} {m['head'][:1].lower()}{m['head'][1:]}"
        return label if re.match(r"^[A-Z]{2}", label) else label[:1].lower() + label[1:]


@dataclass
class Advice:
    chunk_id: str
    source: str
    sentence: str
    subject: str
    conditions: str  # the sentence with its subject's names taken out
    negative: bool = False  # "At a 10-person startup, it's almost certainly too much."
    default: bool = False  # "For most ..., X is the right default choice."
    together: tuple[str, ...] = ()  # "Plenty of teams keep A for ... and move ... onto B": use them together


@dataclass
class Document:
    source: str
    title: str
    author: str = ""
    date: str = ""
    byline: str = ""  # chunk id of the byline passage
    subjects: list[str] = field(default_factory=list)


@dataclass
class ArticleModel:
    documents: list[Document] = field(default_factory=list)
    subjects: dict[str, Subject] = field(default_factory=dict)
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    advice: list[Advice] = field(default_factory=list)
    # everyday words the corpus writes only as names, capitalised inside its sentences ("Flower")
    written_names: list[str] = field(default_factory=list)
    # of those, the ones the corpus also writes alone in its sentences ("Board"; not "Series" of "Series A")
    things: list[str] = field(default_factory=list)
    # a subject's name and the capitalised words after it, as the corpus writes them ("acme cloud")
    parts: list[str] = field(default_factory=list)
    # words English has no everyday use for, written only as names inside its sentences ("TypeScript")
    proper_names: list[str] = field(default_factory=list)

    # -- reading names ---------------------------------------------------------------------------

    def find_subjects(self, text: str, fuzzy: bool = True, aliases: bool = True) -> list[str]:
        """Subjects named in the text, in order of first mention: by name, by a typo of a name, and,
        when no name is given, by a name that points at one subject (its managed offering...)."""
        low = text.lower().replace("’", "'")
        hits: dict[str, int] = {}
        for key, subject in self.subjects.items():
            m = re.search(lang.whole(key), low)
            if m:
                hits[key] = m.start()
        if fuzzy:
            for m in lang.WORD.finditer(low):
                token = m.group().split("'")[0]
                key = self.typo_of(token)
                if key and key not in hits:
                    hits[key] = m.start()
        if not hits and aliases:
            for key, subject in self.subjects.items():
                for alias in subject.aliases:
                    m = re.search(lang.whole(alias), low)
                    if m:
                        hits[key] = min(hits.get(key, m.start()), m.start())
        return sorted(hits, key=hits.get)

    def typo_of(self, token: str) -> str | None:
        """The subject a misspelt word stands for ("kubeflw"), never an everyday word ("perfect")."""
        if len(token) < 5 or token in self.subjects:
            return None
        for key in self.subjects:
            if " " not in key and abs(len(key) - len(token)) <= 2 and fuzz.ratio(token, key) >= 84:
                return None if lang.is_everyday(token) else key
        return None

    def is_subject_word(self, word: str) -> bool:
        word = word.lower()
        return (any(word in key.split() for key in self.subjects)
                or any(word in alias.split() for s in self.subjects.values() for alias in s.aliases)
                or self.typo_of(word) is not None)

    def names_a_part(self, text: str) -> bool:
        """"A cloud", "A web ui": a subject's name and the words the corpus writes after it as a name
        ("A Cloud"); not "A's learning curve", "A good for" nor "A anyway"."""
        said = " ".join(lang.words(text))
        return " " in said and any(part == said or part.startswith(said + " ") for part in self.parts)

    def names_in(self, text: str) -> set[str]:
        """The things the text names that the corpus writes only as names ("what does board show?")."""
        return set(lang.words(text)) & set(self.things)

    def strip_names(self, text: str) -> str:
        """The text without the subjects' names and the names pointing at them (so that "Acme Cloud"
        does not read as a topic, and a sentence is compared for what it says, not whom it names)."""
        for subject in self.subjects.values():
            for name in [subject.key] + subject.aliases:
                text = re.sub(rf"(?<![\w-]){re.escape(name)}(?:'s|’s)?(?![\w-])", " ", text, flags=re.I)
        return text

    def without_names(self, text: str) -> str:
        """``strip_names``, spaces tidied (the text itself when nothing else is left)."""
        return re.sub(r"\s+", " ", self.strip_names(text)).strip() or text

    def names(self, keys: list[str], last: str = "and") -> str:
        shown = [self.subjects[k].name if k in self.subjects else k for k in keys]
        if len(shown) <= 1:
            return "".join(shown)
        return ", ".join(shown[:-1]) + f" {last} " + shown[-1]

    def section_subject(self, passage: Passage) -> str | None:
        return _section_subject(passage.section, tuple(self.subjects))

    def owner(self, passage: Passage, sentence: str = "") -> str | None:
        """The subject a passage (or one ``sentence`` of it) is about: its section's, the one its first
        sentence goes on about without naming it (a paragraph cut after naming it: ``corpus.with_referents``),
        or, for a sentence opening "It", the one subject the sentence before it names."""
        own = self.section_subject(passage)
        if not own and sentence and passage.kind == "paragraph" and lang.SINGULAR_PRONOUN.match(sentence):
            sentences = lang.split_sentences(passage.text)  # "Pick A if .... It is the easiest ...": "it" is
            at = sentences.index(sentence) if sentence in sentences else 0  # the one subject the sentence
            named = self.find_subjects(sentences[at - 1], fuzzy=False) if at > 0 else []  # before names
            if len(named) == 1:
                return named[0]
        if own or len(passage.subjects) != 1 or passage.kind != "paragraph" \
                or (sentence and not passage.text.startswith(sentence)):
            return own
        return None if self.find_subjects(passage.text, fuzzy=False) else passage.subjects[0]

    def covers(self) -> str:
        """One sentence on what the corpus covers, for refusals and the UI."""
        parts = []
        for doc in self.documents:
            title = f"“{doc.title}”" if doc.title else doc.source
            if doc.subjects:
                dims = [d.noun for d in self.dimensions.values()
                        if any(r.source == doc.source for r in d.rows)]
                what = f" compares {self.names(doc.subjects)}"
                if dims:
                    what += ": " + ", ".join(dims)
                if any(a.source == doc.source for a in self.advice):
                    what += ", and which to choose"
                parts.append(f"{title}{what}.")
            else:
                parts.append(f"{title}.")
        lead = "The article " if len(parts) == 1 else "The corpus holds: "
        return lead + " ".join(parts)

    # -- storage ---------------------------------------------------------------------------------

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "ArticleModel":
        raw = json.loads(text)
        return cls(
            documents=[Document(**d) for d in raw["documents"]],
            subjects={k: Subject(**s) for k, s in raw["subjects"].items()},
            dimensions={k: Dimension(key=d["key"], label=d["label"], rows=[Row(**r) for r in d["rows"]],
                                     lines=d["lines"], line_values=d["line_values"], own_lines=d["own_lines"])
                        for k, d in raw["dimensions"].items()},
            advice=[Advice(**{**a, "together": tuple(a.get("together", ()))}) for a in raw["advice"]],
            written_names=raw.get("written_names", []),
            things=raw.get("things", []),
            parts=raw.get("parts", []),
            proper_names=raw.get("proper_names", []),
        )


@lru_cache(maxsize=4096)
def _section_subject(section: str, subjects: tuple[str, ...]) -> str | None:
    return section_subject(section, subjects)


def section_subject(section: str, subjects) -> str | None:
    """The subject a section is named after ("Acme", "Acme: the full platform")."""
    low = section.lower()
    for key in subjects:
        if low == key or re.match(rf"^{re.escape(key)}(?![\w-])(?!\s+(?:vs|versus)\b)", low) and len(low) <= len(key) + 40:
            return key
    return None


# -- derivation --------------------------------------------------------------------------------


def derive_model(documents, passages: list[Passage]) -> ArticleModel:
    """The model of every document (``documents``: objects with ``source`` and ``meta``)."""
    from .advice import read_advice
    from .aliases import find_aliases, find_proper_names, find_written_names, lone_names, named_parts

    model = ArticleModel()
    for doc in documents:
        own = [p for p in passages if p.source == doc.source]
        subjects = document_subjects(doc.meta, own)
        for name in subjects:
            model.subjects.setdefault(name.lower(), Subject(name.lower(), name))
        model.documents.append(describe_document(doc, own, [s.lower() for s in subjects]))
    for doc in model.documents:
        own = [p for p in passages if p.source == doc.source]
        read_dimensions(model, doc, own)
        model.advice += read_advice(model, doc, own)
    find_aliases(model, passages)
    model.written_names = find_written_names(model, passages)
    model.things = lone_names(model.written_names, passages)
    model.parts = named_parts(model, passages)
    model.proper_names = find_proper_names(model, passages)
    return model


def title_of(meta: dict, passages: list[Passage]) -> str:
    if meta.get("title"):
        return meta["title"]
    for p in passages:
        if p.heading_path:
            return p.heading_path.split(" > ")[0]
    return ""


def document_subjects(meta: dict, passages: list[Passage]) -> list[str]:
    """The subjects a document compares: its comparison table's columns, checked against the title's
    "A vs B" and the section names; without a table, the title's names."""
    titles = [title_of(meta, passages)] + [p.heading_path.split(" > ")[0] for p in passages[:1] if p.heading_path]
    in_title = []
    for title in titles:
        for segment in re.split(r"[:—|?]|\s-\s", title):
            if VS.search(segment):
                in_title = [last_name(piece) for piece in VS.split(segment)]
                in_title = [n for n in in_title if n]
                break
        if in_title:
            break
    sections = {p.section.lower() for p in passages}
    tables: dict[tuple, int] = {}
    for p in passages:
        columns = tuple(c for c in p.cells if c.strip())  # a blank header names nothing
        if p.kind == "table_row" and len(columns) >= 2:
            tables[columns] = tables.get(columns, 0) + 1

    def support(columns) -> int:
        named = {n.lower() for n in in_title}
        return sum(1 for c in columns if c.lower() in named or any(s.startswith(c.lower()) for s in sections))

    if tables:
        columns = max(tables, key=lambda cols: (support(cols), tables[cols]))
        if support(columns) or not in_title:
            return list(columns)
    return in_title


def last_name(piece: str) -> str:
    """The name at the end (or start) of a title piece: "Comparison: Acme" -> "Acme"."""
    runs = [m.group() for m in PROPER.finditer(piece.strip())]
    if not runs:
        return ""
    tail = piece.strip().rstrip("?!. ")
    for run in runs:
        if tail.endswith(run) or tail.startswith(run):
            return run
    return runs[-1]


def describe_document(doc, passages: list[Passage], subjects: list[str]) -> Document:
    meta = doc.meta
    out = Document(doc.source, title_of(meta, passages), meta.get("author", ""), meta.get("date", ""),
                   subjects=subjects)
    for p in passages[:4]:
        m = BYLINE.match(p.text) or BY.match(p.text)
        if m and len(p.text) < 200:
            out.byline = p.chunk_id
            out.author = out.author or m["author"].strip("*_ ")
            out.date = out.date or (m["date"] or "")
            break
    return out


def read_dimensions(model: ArticleModel, doc: Document, passages: list[Passage]) -> None:
    subjects = {s: model.subjects[s] for s in doc.subjects}
    for p in passages:
        if p.kind == "table_row" and {c.lower() for c in p.cells} >= set(doc.subjects) and doc.subjects:
            dim = model.dimensions.setdefault(p.label.lower(), Dimension(p.label.lower(), p.label))
            dim.rows.append(Row(doc.source, p.chunk_id, {c.lower(): v for c, v in p.cells.items()}))
    for p in passages:
        owner = section_subject(p.section, subjects)
        if p.kind != "labelled" or not owner or re.search(r"\b(?:is|are|was|were)\b", p.label, re.I):
            continue  # "Indexing is deliberately narrow: ..." is a sentence, not a label
        dim = joined_dimension(model, p.label) or model.dimensions.setdefault(
            p.label.lower(), Dimension(p.label.lower(), p.label))
        dim.lines.setdefault(owner, []).append(p.chunk_id)
        if p.label.lower() == dim.key:
            dim.own_lines.setdefault(owner, []).append(p.chunk_id)
        value = re.match(r"^[^:]+:\s*(?P<v>[^.]{1,40})\.(?:\s|$)", p.text)
        if value and len(value["v"].split()) <= 4 and owner not in dim.line_values:
            dim.line_values[owner] = value["v"].strip()


def joined_dimension(model: ArticleModel, label: str) -> Dimension | None:
    """The table dimension a labelled line speaks to: the same label (typos forgiven), or one sharing
    half its words beyond everyday ones ("Scale ceiling" / "Comfortable scale" do not, "best" alone not)."""
    mine = {w for w in lang.tokenize(label) if not lang.is_everyday(w)}  # "best" alone joins nothing
    best, best_score = None, 0.0
    for dim in model.dimensions.values():
        if not dim.rows:
            continue
        theirs = {w for w in lang.tokenize(dim.label) if not lang.is_everyday(w)}
        overlap = len(mine & theirs) / max(1, min(len(mine), len(theirs)))
        same = fuzz.ratio(label.lower(), dim.key) / 100  # the same label, however spelt
        score = max(overlap, 1.0 if same >= 0.85 else 0.0)
        if score > best_score:
            best, best_score = dim, score
    return best if best_score >= 0.5 else None
