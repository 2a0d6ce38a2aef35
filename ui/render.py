"""What the page shows, as text: the header, a reply with its sources, the conversation download,
and a document rendered as a page with a cited passage highlighted. No answering logic here."""

from __future__ import annotations

import hashlib
import html
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from markdown_it import MarkdownIt

from assistant.showcase import documents_of
from assistant.types import Passage, Reply

# Raw HTML in a document is shown as text, and no image is ever fetched (the page loads nothing from
# outside this machine); links open in a new tab.
INLINE = MarkdownIt("commonmark", {"html": False}).disable("image")
CITE = "#cite-"
DOWNLOADS = Path(tempfile.gettempdir()) / f"stack-assistant-downloads-{os.getpid()}"  # a source's "show in article" link: the page's script opens the article panel


def inert(text: str) -> str:
    """Corpus or answer text for a markdown component: HTML escaped, and image syntax shown as text
    (a ![…](http://…) in a document must not make the visitor's browser fetch anything)."""
    return html.escape(text, quote=False).replace("![", "!\\[")


def header(model, about: dict) -> str:
    """The corpus's title, byline and what it covers — from the article model."""
    docs = documents_of(model)
    covers = model.covers() if model.documents else ""
    if len(docs) == 1:
        covers = covers.replace(f"The article “{docs[0]['title']}” ", "The article ", 1)
    covers = f"\n\n<small>{inert(covers)}</small>" if covers else ""
    promise = "citing the passages it used; when {it} doesn't cover a question, it says so."
    if len(docs) <= 1:
        doc = docs[0] if docs else {"title": about.get("title", "the corpus"), "author": "", "date": ""}
        byline = " · ".join(inert(x) for x in (doc["author"], doc["date"]) if x)
        return (f"## {inert(doc['title'])}\n{byline + ' — ' if byline else ''}"
                f"The assistant answers **only from this article**, " + promise.format(it="the article") + covers)
    items = "\n".join(f"- **{inert(d['title'])}**"
                      + "".join(f" · {inert(d[k])}" for k in ("author", "date") if d[k])
                      + f" (`{html.escape(d['source'])}`)" for d in docs)
    return (f"## {len(docs)} documents\n{items}\n\nThe assistant answers **only from these documents**, "
            + promise.format(it="the corpus") + covers)


def page_title(model, about: dict) -> str:
    docs = documents_of(model)
    name = docs[0]["title"] if len(docs) == 1 else f"{len(docs)} documents" if docs else about.get("title", "")
    return f"{name} · Stack Assistant" if name else "Stack Assistant"


def sources_markdown(reply: Reply) -> str:
    parts = []
    for c in reply.citations:
        quote = inert(c.quote).replace("\n", " ")
        parts.append(f"**[{c.number}] {inert(c.section)}** · `{html.escape(c.where)}` · "
                     f"[Show [{c.number}] in the article]({CITE}{c.chunk_id})\n\n> {quote}")
    return "\n\n".join(parts)


def backend_note(reply: Reply) -> str:
    """Which backend answered and what the grounding check removed (model backends only)."""
    g = reply.grounding
    if not g or reply.partial:
        return ""
    parts = [f"Answered by: {reply.backend}"]
    if g.get("fallback"):
        parts.append(f"the model's answer was not used ({html.escape(g['fallback'])})")
    if g.get("dropped"):
        n = len(g["dropped"])
        parts.append(f"grounding check dropped {n} unsupported sentence{'s' if n > 1 else ''}")
    if g.get("unknown_markers_removed"):
        parts.append(f"removed {g['unknown_markers_removed']} citation(s) to missing passages")
    return " · ".join(parts)


def reply_messages(reply: Reply, asked: str) -> list[dict]:
    """The chat messages that show one reply: the answer, then its sources (collapsible)."""
    text = inert(reply.text)  # quoted corpus text: its HTML and images stay text
    if reply.refused:
        text = f"**Not covered by the article.**\n\n{text}"
    if reply.standalone_question and reply.standalone_question != asked.strip():
        text = f"*Searched for: “{html.escape(reply.standalone_question)}”*\n\n{text}"
    note = backend_note(reply)
    if note:
        text = f"{text}\n\n*{note}*"
    messages = [{"role": "assistant", "content": text}]
    if reply.citations and not reply.partial:
        messages.append({"role": "assistant", "content": sources_markdown(reply),
                         "metadata": {"title": f"Sources ({len(reply.citations)})", "status": "done"}})
    return messages


def render(turns: list[dict]) -> list[dict]:
    """Chatbot messages for the whole conversation; user text is always shown as text."""
    messages = []
    for turn in turns:
        messages.append({"role": "user", "content": html.escape(turn["question"])})
        messages += turn["messages"]
    return messages


def turn_of_message(turns: list[dict], index: int) -> int | None:
    """Which turn the chatbot's message number ``index`` belongs to."""
    seen = 0
    for i, turn in enumerate(turns):
        seen += 1 + len(turn["messages"])
        if index < seen:
            return i
    return None


def history_of(turns: list[dict]) -> list[dict]:
    """The conversation as the assistant API takes it (answers without the UI's decorations)."""
    history = []
    for turn in turns:
        history.append({"role": "user", "content": turn["question"]})
        history.append({"role": "assistant", "content": turn.get("answer", "")})
    return history


def conversation_file(turns: list[dict], title: str) -> str | None:
    """The conversation as markdown with every answer's citations, for the download button."""
    if not turns:
        return None
    lines = [f"# Conversation about “{title}”", ""]
    for turn in turns:
        lines += [f"**You:** {turn['question']}", ""]
        data = turn.get("reply")
        if not data:
            lines += [f"**Assistant:** {turn.get('answer', '')}", ""]
            continue
        if data["standalone_question"] != turn["question"].strip():
            lines += [f"*Searched for: {data['standalone_question']}*", ""]
        lines += [f"**Assistant:** {data['answer']}", ""]
        for c in data["citations"]:
            lines += [f"> [{c['number']}] {c['section']} ({c['source']}, {c['chunk_id']}): {c['quote']}", ""]
    text = "\n".join(lines)
    folder = DOWNLOADS / hashlib.sha256(text.encode()).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "conversation.md"
    path.write_text(text, encoding="utf-8")
    (folder / "conversation.json").write_text(
        json.dumps([t.get("reply") for t in turns], ensure_ascii=False, indent=2), encoding="utf-8")
    remove_old_downloads()
    return str(path)


def remove_old_downloads(max_age_s: float = 3600) -> None:
    now = time.time()
    for folder in DOWNLOADS.iterdir():
        try:
            if now - folder.stat().st_mtime > max_age_s:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass


# -- a document as a page ----------------------------------------------------------------------

def article_page(passages: list[Passage], cited: str) -> str:
    """The document the passages come from, in reading order: its headings, paragraphs, labelled
    lines and tables (rows rejoined), with the passage ``cited`` highlighted (class "cited")."""
    out: list[str] = []
    path: list[str] = []
    table: list[Passage] = []
    page = 0

    def flush_table() -> None:
        if not table:
            return
        columns = list(table[0].cells)
        head = "".join(f"<th>{inline(c)}</th>" for c in ["", *columns])
        rows = "".join(f"<tr{attrs(p, cited)}><th scope='row'>{inline(p.label)}</th>"
                       + "".join(f"<td>{inline(p.cells.get(c, ''))}</td>" for c in columns) + "</tr>"
                       for p in table)
        out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        table.clear()

    for p in passages:
        headings = p.heading_path.split(" > ") if p.heading_path else []
        if headings != path or p.kind != "table_row" or (table and list(p.cells) != list(table[0].cells)):
            flush_table()
        if headings != path:
            common = next((i for i, (a, b) in enumerate(zip(path, headings)) if a != b), min(len(path), len(headings)))
            out += [f"<h{min(depth + 1, 4)}>{inline(h)}</h{min(depth + 1, 4)}>"
                    for depth, h in enumerate(headings) if depth >= common]
            path = headings
        if p.page and p.page != page:
            page = p.page
            out.append(f"<p class='page-mark'>— page {page} —</p>")
        if p.kind == "table_row":
            table.append(p)
        else:
            out.append(f"<p{attrs(p, cited)}>{inline(p.text)}</p>")
    flush_table()
    source = html.escape(passages[0].source) if passages else ""
    return f"<article class='doc' aria-label='{source}'><p class='doc-source'>{source}</p>{''.join(out)}</article>"


def attrs(p: Passage, cited: str) -> str:
    mark = " class='cited' tabindex='-1' aria-current='true'" if p.chunk_id == cited else ""
    return f" id='passage-{html.escape(p.chunk_id)}'{mark}"


def inline(text: str) -> str:
    return INLINE.renderInline(text or "").replace("<a href=", "<a target='_blank' rel='noopener noreferrer' href=")
