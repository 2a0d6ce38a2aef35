"""The browser chat (Gradio): a thin client of ``assistant``. It adds no answering logic: it shows
the streamed reply, its sources, what was searched for, and keeps the conversation."""

from __future__ import annotations

import html
import json
import logging
import os
import tempfile
from functools import partial
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import gradio as gr  # noqa: E402

from assistant import Assistant, QuestionError, reply_to_json  # noqa: E402
from assistant.followups import check_history  # noqa: E402
from assistant.types import AssistantError, Reply  # noqa: E402

log = logging.getLogger("assistant.ui")

EXAMPLES = [
    "How hard is Kubeflow to set up?",
    "Which is cheapest to self-host?",
    "We're a 6-person startup with no Kubernetes experience. Which framework should we use?",
    "Why is Kubeflow the easiest to set up?",
]
FAILURE = ("Sorry — something went wrong while answering. The error has been logged; "
           "please try again or ask another question.")
CSS = """
.gradio-container {max-width: 980px !important; margin: auto;}
#examples button {font-size: 0.85em;}
footer {display: none !important;}
"""
# System fonts only: the page loads nothing from outside this machine.
THEME = gr.themes.Default(font=["ui-sans-serif", "system-ui", "sans-serif"],
                          font_mono=["ui-monospace", "SFMono-Regular", "monospace"])


def header(about: dict) -> str:
    title = html.escape(about.get("title", "the article"))
    author = html.escape(about.get("author", ""))
    date = html.escape(about.get("date", ""))
    byline = " · ".join(x for x in (author, date) if x)
    return (f"## MLOps Stack Assistant\n"
            f"Answers questions about **“{title}”** ({byline}) — **only from that article**, "
            f"citing the passages it used. When the article doesn't cover a question, it says so.")


def sources_markdown(reply: Reply) -> str:
    parts = []
    for c in reply.citations:
        quote = html.escape(c.quote).replace("\n", " ")
        parts.append(f"**[{c.number}] {html.escape(c.section)}** · `{html.escape(c.where)}`\n\n> {quote}")
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
    text = reply.text
    if reply.refused:
        text = f"**Not covered by the article.**\n\n{html.escape(text)}"
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


def history_of(turns: list[dict]) -> list[dict]:
    """The conversation as the assistant API takes it (answers without the UI's decorations)."""
    history = []
    for turn in turns:
        history.append({"role": "user", "content": turn["question"]})
        history.append({"role": "assistant", "content": turn.get("answer", "")})
    return history


def conversation_file(turns: list[dict], about: dict) -> str | None:
    """The conversation as markdown with every answer's citations, for the download button."""
    if not turns:
        return None
    lines = [f"# Conversation about “{about.get('title', '')}”", ""]
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
    folder = Path(tempfile.mkdtemp(prefix="stack-assistant-"))
    path = folder / "conversation.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    (folder / "conversation.json").write_text(
        json.dumps([t.get("reply") for t in turns], ensure_ascii=False, indent=2), encoding="utf-8")
    return str(path)


def build_app(bot: Assistant) -> gr.Blocks:
    about = bot.about
    max_chars = bot.settings.max_question_chars

    def respond(question: str, turns: list[dict]):
        """Stream one answer into the chat. Yields (chatbot, turns, textbox, download)."""
        turns = list(turns or [])
        question = question or ""
        if not question.strip():
            yield render(turns), turns, "", gr.update()
            return
        turn = {"question": question, "messages": [], "answer": "", "reply": None}
        turns.append(turn)
        if len(question) > max_chars:
            turn["messages"] = [{"role": "assistant", "content":
                                 f"⚠️ That question is too long ({len(question):,} characters; the limit is "
                                 f"{max_chars:,}). Please shorten it."}]
            yield render(turns), turns, "", gr.update()
            return
        try:
            for reply in bot.stream(question, history_of(turns[:-1])):
                turn["messages"] = reply_messages(reply, question)
                yield render(turns), turns, "", gr.update()
            turn["answer"], turn["reply"] = reply.text, reply_to_json(reply)
        except QuestionError as exc:
            turn["messages"] = [{"role": "assistant", "content": f"⚠️ {html.escape(str(exc)).capitalize()}."}]
        except Exception:  # the server keeps serving; the user gets a plain message
            log.exception("answering %r failed", question[:200])
            turn["messages"] = [{"role": "assistant", "content": FAILURE}]
        yield render(turns), turns, "", conversation_file(turns, about)

    def retry(turns: list[dict]):
        turns = list(turns or [])
        if not turns:
            yield render(turns), turns, "", gr.update()
            return
        last = turns.pop()
        yield from respond(last["question"], turns)

    def new_chat():
        return [], [], "", None

    def api_ask(question: str, history: list[dict] | None = None) -> dict:
        """Answer `question` (with earlier `history` messages) from the article; the reply JSON."""
        try:
            return reply_to_json(bot.ask(question, check_history(history)))
        except AssistantError as exc:
            raise gr.Error(str(exc)) from None

    def api_reindex() -> dict:
        """Re-read the corpus and swap in its index (answers in flight finish on the old one)."""
        try:
            return bot.reindex()
        except AssistantError as exc:
            raise gr.Error(str(exc)) from None

    with gr.Blocks(title="MLOps Stack Assistant") as app:
        gr.Markdown(header(about), elem_id="header")
        turns = gr.State([])
        chatbot = gr.Chatbot(elem_id="chat", height=520, show_label=False, buttons=["copy"],
                             placeholder="Ask about Kubeflow, Metaflow or Prefect — answers come only from the article.",
                             feedback_options=None, sanitize_html=True)
        with gr.Row():
            box = gr.Textbox(placeholder="Ask a question about the article…", show_label=False, scale=8,
                             elem_id="question", max_lines=6, autofocus=True)
            send = gr.Button("Send", variant="primary", scale=1, elem_id="send")
        with gr.Row(elem_id="examples"):
            example_buttons = [gr.Button(q, size="sm") for q in EXAMPLES]
        with gr.Row():
            retry_btn = gr.Button("Retry", size="sm", elem_id="retry")
            new_btn = gr.Button("New chat", size="sm", elem_id="new-chat")
            download = gr.DownloadButton("Download conversation (.md)", value=None, size="sm",
                                         elem_id="download")
        outputs = [chatbot, turns, box, download]
        box.submit(respond, [box, turns], outputs, api_visibility="private")
        send.click(respond, [box, turns], outputs, api_visibility="private")
        for button, question in zip(example_buttons, EXAMPLES):
            button.click(partial(respond, question), [turns], outputs, api_visibility="private")
        retry_btn.click(retry, [turns], outputs, api_visibility="private")
        new_btn.click(new_chat, None, outputs, api_visibility="private")
        gr.api(api_ask, api_name="ask")
        gr.api(api_reindex, api_name="reindex", concurrency_limit=1)
    return app


def auth_from(settings) -> list[tuple[str, str]] | None:
    """Basic-auth pairs from STACK_ASSISTANT_UI_AUTH ("user:pass[,user2:pass2]") or a file of them."""
    raw = settings.ui_auth or ""
    if settings.ui_auth_file:
        raw += "," + Path(settings.ui_auth_file).read_text(encoding="utf-8").replace("\n", ",")
    pairs = [tuple(item.strip().split(":", 1)) for item in raw.split(",") if item.strip()]
    return pairs or None


def serve(bot: Assistant, host: str, port: int, *, block: bool = True) -> gr.Blocks:
    """Start the UI; with block=False, return the running app (``app.close()`` stops it)."""
    app = build_app(bot)
    app.queue(default_concurrency_limit=bot.settings.ui_concurrency, max_size=bot.settings.ui_queue_size)
    app.launch(server_name=host, server_port=port, auth=auth_from(bot.settings), share=False,
                      show_error=False, quiet=True, prevent_thread_lock=not block, theme=THEME, css=CSS,
                      footer_links=[], ssr_mode=False, pwa=False, mcp_server=False,
                      enable_monitoring=False)
    return app
