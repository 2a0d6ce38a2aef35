"""Reading the corpus and cutting it into citable passages.

Headings first (langchain's MarkdownHeaderTextSplitter), then blocks: each table row becomes one
passage that carries the table's header, each labelled line ("Setup complexity: High. ...") stays
whole, and other paragraphs split at sentence ends only when longer than ``chunk_max_chars``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import logging

from .article import ArticleModel, derive_model
from .documents import MAX_BYTES, PAGE_MARK, SUFFIXES, Unreadable, read_document
from . import language as lang
from .language import split_sentences
from .types import CorpusError, Passage

log = logging.getLogger("assistant")
CHUNKER_VERSION = "5"  # bump when the chunking changes: the index fingerprint includes it
HEADERS = [("#", "h1"), ("##", "h2"), ("###", "h3")]
LABELLED = re.compile(r"^(?P<label>[A-Z][A-Za-z /()-]{2,40}): \S")


@dataclass
class CorpusDocument:
    source: str
    meta: dict[str, str] = field(default_factory=dict)  # front matter: title, author, date, source


@dataclass
class Corpus:
    documents: list[CorpusDocument]
    passages: list[Passage]
    model: ArticleModel = field(default_factory=ArticleModel)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file name, why it was not read)

    @property
    def about(self) -> dict[str, str]:
        """Title, author and date of the first document that states them (for headers)."""
        for doc in self.documents:
            if doc.meta.get("title"):
                return doc.meta
        return {"title": self.documents[0].source if self.documents else ""}


def load_corpus(corpus_dir: Path, max_chars: int = 400, derive: bool = True, max_bytes: int = MAX_BYTES) -> Corpus:
    """Read and chunk the corpus and derive its article model (``derive=False``: leave both to the
    caller, which may have the model saved beside the index)."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus_dir}")
    files = sorted(p for p in corpus_dir.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        raise CorpusError(f"no .md, .txt, .html or .pdf files in the corpus folder: {corpus_dir}")
    documents, passages, skipped = [], [], []
    for path in files:
        try:
            text = read_document(path, max_bytes)
        except Unreadable as why:
            skipped.append((path.name, str(why)))
            log.warning("skipped %s: %s", path.name, why)
            continue
        except OSError as exc:
            skipped.append((path.name, f"cannot be read ({exc.strerror or exc})"))
            log.warning("skipped %s: %s", path.name, skipped[-1][1])
            continue
        documents.append(CorpusDocument(path.name, text.meta))
        for piece, headings, kind, label, cells, page in chunk_document(text.body, max_chars):
            passages.append(make_passage(piece, path.name, headings, len(passages), kind, label, cells, page))
    if not passages:
        why = "; ".join(f"{name}: {reason}" for name, reason in skipped)
        raise CorpusError(f"nothing readable in the corpus folder {corpus_dir}" + (f" ({why})" if why else ""))
    passages = dedupe_ids(passages)
    if not derive:
        return Corpus(documents, passages, ArticleModel(), skipped)
    model = derive_model(documents, passages)
    return Corpus(documents, tag_subjects(passages, model), model, skipped)


def tag_subjects(passages: list[Passage], model: ArticleModel) -> list[Passage]:
    """Every passage tagged with the subjects it is about (``with_subjects``, ``with_referents``)."""
    return with_referents([with_subjects(p, model) for p in passages], model)


def with_subjects(p: Passage, model: ArticleModel) -> Passage:
    """Tag a passage with the subjects it is about: its section's, its table row's, or (outside the
    subjects' sections) those it names."""
    own = model.section_subject(p)
    if own:
        subjects = [own]
    elif p.kind == "table_row":
        subjects = [c.lower() for c in p.cells if c.lower() in model.subjects]
    else:
        subjects = model.find_subjects(p.text, fuzzy=False)
    return Passage(**{**p.__dict__, "subjects": tuple(subjects)})


def with_referents(passages: list[Passage], model: ArticleModel) -> list[Passage]:
    """A paragraph cut from the one before it that opens with "It" ("It does not call itself ..."),
    outside the subjects' sections and naming none, is about the one subject the last sentence before
    it names ("A, a newer arrival, pitches something different."): its first sentence is
    (``ArticleModel.owner``)."""
    out = list(passages)
    for i, p in enumerate(out[1:], 1):
        before = out[i - 1]
        if p.kind != "paragraph" or p.subjects or model.section_subject(p) or not lang.SINGULAR_PRONOUN.match(p.text) \
                or before.kind != "paragraph" or (before.source, before.section) != (p.source, p.section):
            continue
        last = split_sentences(before.text)[-1:] or [""]
        named = model.find_subjects(last[0], fuzzy=False, aliases=False)
        if len(named) == 1:
            out[i] = Passage(**{**p.__dict__, "subjects": tuple(named)})
    return out


EMBEDDED_AS = "subject-heading"  # how passages are embedded (see embedding_text); vectors made otherwise aren't reused


def embedding_text(p: Passage, model: ArticleModel) -> str:
    """What is embedded for a passage: a paragraph of a subject's own section with the section's name
    first ("Acme: The framework handles retries ..."), so that one saying "the framework" or "it" is
    found for a question naming its subject; every other passage as written."""
    return f"{p.section}: {p.text}" if p.kind != "table_row" and model.section_subject(p) else p.text


def chunk_document(body: str, max_chars: int):
    """Yield (text, headings, kind, label, cells, page) for each passage of one document (page 0
    when the document has no pages)."""
    from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

    splitter = MarkdownHeaderTextSplitter(HEADERS, strip_headers=True)
    sentence_splitter = RecursiveCharacterTextSplitter(
        separators=[". ", "? ", "! ", "; "], keep_separator="end", chunk_size=max_chars, chunk_overlap=0
    )
    page = 0
    for section in splitter.split_text(body):
        headings = [section.metadata[key] for _, key in HEADERS if key in section.metadata]
        for block in blocks(section.page_content):
            marker = PAGE_MARK.match(block)
            if marker:
                page = int(marker.group(1))
            elif block.startswith("|"):
                yield from ((*row, page) for row in table_rows(block, headings))
            elif LABELLED.match(block):
                yield block, headings, "labelled", LABELLED.match(block)["label"], {}, page
            elif len(block) <= max_chars:
                yield block, headings, "paragraph", "", {}, page
            else:
                for piece in sentence_splitter.split_text(block):
                    yield piece.strip(), headings, "paragraph", "", {}, page


def blocks(text: str) -> list[str]:
    """Paragraphs (the header splitter leaves one per line) with a table's lines kept together."""
    out: list[str] = []
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        if line.startswith("|") and out and out[-1].startswith("|"):
            out[-1] += "\n" + line
        else:
            out.append(line)
    return out


def table_rows(block: str, headings: list[str]):
    """One passage per row, carrying the header: 'Label — Column A: value; Column B: value'."""
    lines = [ln.strip() for ln in block.splitlines() if ln.strip().startswith("|")]
    split = lambda ln: [c.strip() for c in ln.strip("|").split("|")]  # noqa: E731
    header = split(lines[0])
    for line in lines[1:]:
        cells = split(line)
        if all(set(c) <= set("-: ") for c in cells):  # the |---|---| rule
            continue
        label, values = cells[0], cells[1:]
        pairs = list(zip(header[1:], values))
        text = f"{label} — " + "; ".join(f"{col}: {val}" for col, val in pairs)
        yield text, headings, "table_row", label, dict(pairs)


def make_passage(text, source, headings, position, kind, label, cells, page=0) -> Passage:
    # The H1 is the document's title: sections are named by the headings below it.
    inner = headings[1:] if len(headings) > 1 else headings
    section = inner[-1] if inner else "(untitled)"
    if not headings:
        section = "(byline)" if position == 0 else "(preamble)"
        kind = "byline" if position == 0 else kind
    digest = hashlib.sha256(f"{source}\x1f{' > '.join(headings)}\x1f{text}".encode()).hexdigest()
    return Passage(
        chunk_id=digest[:16],
        text=text,
        source=source,
        section=section,
        heading_path=" > ".join(headings),
        position=position,
        kind=kind,
        label=label,
        cells=cells,
        page=page,
    )


def dedupe_ids(passages: list[Passage]) -> list[Passage]:
    """The same text twice in one section keeps distinct (still stable) ids."""
    seen: dict[str, int] = {}
    out = []
    for p in passages:
        n = seen.get(p.chunk_id, 0)
        seen[p.chunk_id] = n + 1
        if n:
            p = Passage(**{**p.__dict__, "chunk_id": f"{p.chunk_id}-{n}"})
        out.append(p)
    return out
