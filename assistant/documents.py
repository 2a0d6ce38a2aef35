"""Reading the files of the corpus folder into markdown: `.md`/`.txt` as they are, saved web pages
(`.html`/`.htm`) through trafilatura (main text, headings, lists, tables as pipe tables, title / author
/ date), PDFs through pdfplumber (text, tables, headings from font size, a page marker before each
page's text so passages can cite "p. 3").

A file that cannot be read — empty, corrupt, encrypted, binary under a text name, too large, not
UTF-8 — is skipped with one line saying why; the rest of the corpus is still read.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

SUFFIXES = (".md", ".txt", ".html", ".htm", ".pdf")
PAGE_MARK = re.compile(r"^<!-- page (\d+) -->$")
MAX_BYTES = 20 * 1024 * 1024  # a larger file is skipped: a comparison article is never this big


class Unreadable(Exception):
    """A file that cannot be read; the message says why, in a few words."""


@dataclass
class Text:
    meta: dict[str, str] = field(default_factory=dict)  # title, author, date when the file gives them
    body: str = ""  # markdown, with "<!-- page N -->" lines for PDFs


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> Text:
    size = path.stat().st_size
    if size == 0:
        raise Unreadable("empty file")
    if size > max_bytes:
        raise Unreadable(f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return read_pdf(path)
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise Unreadable("binary data, not text")
    if suffix in (".html", ".htm"):
        return read_html(raw)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable(f"not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise Unreadable("no text")
    meta, body = split_front_matter(text)
    return Text(meta, body)


def split_front_matter(raw: str) -> tuple[dict[str, str], str]:
    m = re.match(r"^---\n(.*?)\n---\n", raw, re.S)
    if not m:
        return {}, raw
    meta = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        if value:
            meta[key.strip()] = value.strip().strip('"')
    return meta, raw[m.end():]


# -- web pages ---------------------------------------------------------------------------------


def read_html(raw: bytes) -> Text:
    import trafilatura

    try:  # bytes: trafilatura reads the page's declared encoding
        out = trafilatura.extract(raw, output_format="markdown", include_tables=True, include_formatting=True,
                                  with_metadata=True)
    except Exception as exc:
        raise Unreadable(f"not a readable web page ({type(exc).__name__})") from None
    html = raw.decode("utf-8", errors="replace")
    if not out or not out.strip():
        raise Unreadable("no main text found in the page")
    meta, body = split_front_matter(out)
    meta = {k: v for k, v in meta.items() if k in ("title", "author", "date")}
    page = page_meta(html)  # the page's own values: trafilatura rewrites an author's case
    meta.update({k: v for k, v in page.items() if v})
    return Text(meta, body)


def page_meta(html: str) -> dict[str, str]:
    out = {}
    for key in ("author", "date"):
        m = re.search(rf"<meta\s+(?:name|property)=[\"'](?:article:)?{key}[\"']\s+content=[\"']([^\"']+)[\"']", html, re.I)
        if m:
            out[key] = m.group(1).strip()
    return out


# -- PDFs --------------------------------------------------------------------------------------


def read_pdf(path: Path) -> Text:
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many kinds: bad header, encrypted, truncated
        raise Unreadable(pdf_error(exc)) from None
    try:
        with pdf:
            title = (pdf.metadata or {}).get("Title", "")
            body = join_pages([page_blocks(page) for page in pdf.pages])
    except Unreadable:
        raise
    except Exception as exc:
        raise Unreadable(pdf_error(exc)) from None
    if not re.sub(r"<!-- page \d+ -->", "", body).strip():
        raise Unreadable("no text in the PDF (a scan without a text layer?)")
    meta = {"title": title} if isinstance(title, str) and title.strip() else {}
    return Text(meta, body)


def pdf_error(exc: Exception) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc  # pdfplumber wraps pdfminer's
    name = type(inner).__name__
    if "Password" in name or "Encrypt" in name or "encrypt" in str(inner).lower():
        return "encrypted PDF"
    return f"not a readable PDF ({name})"


def join_pages(pages: list[list[str]]) -> str:
    """The pages' blocks with a page marker before each page; a paragraph cut by a page break is
    joined back to where it started."""
    out: list[str] = []
    for number, blocks in enumerate(pages, 1):
        blocks = list(blocks)
        last = next((b for b in reversed(out) if not PAGE_MARK.match(b)), "")
        if blocks and last and blocks[0][:1].islower() and not last.startswith(("#", "|")) \
                and not re.search(r"[.!?:)”\"]$", last):
            i = len(out) - 1 - [b for b in reversed(out)].index(last)
            out[i] = f"{last} {blocks.pop(0)}"
        out.append(f"<!-- page {number} -->")
        out += blocks
    return "\n\n".join(out)


def page_blocks(page) -> list[str]:
    """One page as markdown blocks: headings from font size, paragraphs from line gaps, tables as
    pipe tables."""
    tables = [(t.bbox, t.extract()) for t in page.find_tables()]
    words = [w for w in page.extract_words(extra_attrs=["size"], use_text_flow=True)
             if not any(inside(w, bbox) for bbox, _ in tables)]
    lines = group_lines(words)
    body = statistics.mode([round(ln["size"]) for ln in lines]) if lines else 12
    blocks: list[tuple[float, str]] = [(bbox[1], pipe_table(rows)) for bbox, rows in tables if rows]
    para: list[str] = []
    para_top, last_bottom = 0.0, None
    prev_heading, prev_heading_level = False, ""
    for ln in lines:
        size, text = ln["size"], ln["text"]
        gap = ln["top"] - last_bottom if last_bottom is not None else 0
        heading = size >= body * 1.15
        if para and (heading != prev_heading or gap > 0.8 * size):
            blocks.append((para_top, join_lines(para, prev_heading_level)))
            para = []
        if not para:
            para_top = ln["top"]
            prev_heading_level = "#" if size >= body * 1.8 else "##" if heading else ""
        para.append(text)
        prev_heading = heading
        last_bottom = ln["bottom"]
    if para:
        blocks.append((para_top, join_lines(para, prev_heading_level)))
    blocks.sort(key=lambda b: b[0])
    return [text for _, text in blocks if text]


def join_lines(lines: list[str], level: str) -> str:
    text = ""
    for line in lines:  # a line ending in a hyphen continues the word ("full-" + "time")
        text += line if text.endswith("-") or not text else " " + line
    return f"{level} {text}" if level else text


def group_lines(words: list[dict]) -> list[dict]:
    lines: list[dict] = []
    for w in words:
        if lines and abs(w["top"] - lines[-1]["top"]) < 2:
            lines[-1]["text"] += " " + w["text"]
            lines[-1]["bottom"] = max(lines[-1]["bottom"], w["bottom"])
        else:
            lines.append({"top": w["top"], "bottom": w["bottom"], "size": w["size"], "text": w["text"]})
    return lines


def inside(word: dict, bbox) -> bool:
    x0, top, x1, bottom = bbox
    return word["x0"] >= x0 - 1 and word["x1"] <= x1 + 1 and word["top"] >= top - 1 and word["bottom"] <= bottom + 1


def pipe_table(rows: list[list]) -> str:
    clean = [[re.sub(r"\s+", " ", c or "").strip() for c in row] for row in rows if any(row)]
    if not clean:
        return ""
    lines = ["| " + " | ".join(clean[0]) + " |", "|" + "---|" * len(clean[0])]
    lines += ["| " + " | ".join(row) + " |" for row in clean[1:]]
    return "\n".join(lines)
