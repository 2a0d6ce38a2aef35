"""The browser chat (Gradio): a thin client of ``assistant``. It adds no answering logic: it shows
the streamed reply, its sources (each openable in its article), what was searched for; keeps the
conversations in the visitor's browser; and records votes on answers."""

from __future__ import annotations

import html
import logging
import os
import secrets
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import gradio as gr  # noqa: E402

from assistant import Assistant, QuestionError, reply_to_json  # noqa: E402
from assistant import feedback  # noqa: E402
from assistant.types import check_history  # noqa: E402
from assistant.showcase import example_questions, placeholder  # noqa: E402
from assistant.types import AssistantError  # noqa: E402

from . import conversations as saved_chats  # noqa: E402
from .render import (CITE, article_page, conversation_file, header, history_of, page_title,  # noqa: E402
                     render, reply_messages, turn_of_message)

log = logging.getLogger("assistant.ui")

EXAMPLES = 4  # example questions on the page
FAILURE = ("Sorry — something went wrong while answering. The error has been logged; "
           "please try again or ask another question.")
CSS = """
.gradio-container {max-width: 1100px !important; margin: auto;}
#chat {height: calc(100dvh - 330px) !important; min-height: 280px;}
#examples button {font-size: 0.85em; white-space: normal; height: auto;}
#article-view .doc {font-size: 0.92em; line-height: 1.5;}
#article-view .doc table {border-collapse: collapse; display: block; overflow-x: auto;}
#article-view .doc th, #article-view .doc td {border: 1px solid #ccc; padding: 2px 6px; text-align: left;}
#article-view .cited {background: #fff3b0; outline: 2px solid #e0a800; scroll-margin: 40vh;}
#article-view .doc-source, #article-view .page-mark {color: #777; font-size: 0.85em;}
#chat a[href^="#cite-"] {white-space: nowrap;}
.hidden-bridge {display: none !important;}
#article-panel {z-index: 1000 !important;}
footer {display: none !important;}
@media (max-width: 640px) {
  #chat {height: calc(100dvh - 360px) !important;}
  .gradio-container {padding: 4px !important;}
}
"""
# A click (or Enter) on a source's "Show in the article" link opens the article panel on that passage.
BRIDGE_JS = """
() => {
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('#chat a[href*="%s"]');
    if (!link) return;
    event.preventDefault(); event.stopPropagation();
    const id = decodeURIComponent(link.getAttribute('href').split('%s')[1] || '');
    const box = document.querySelector('#cite-target textarea, #cite-target input');
    if (!box || !id) return;
    box.value = id;
    box.dispatchEvent(new Event('input', {bubbles: true}));
    setTimeout(() => document.querySelector('#cite-open').click(), 50);
  }, true);
  // The Sources block's title is itself a keyboard button; the unlabelled arrow inside it is decoration.
  new MutationObserver(() => {
    document.querySelectorAll('[role="button"].title button[aria-label=""]').forEach((b) => {
      b.setAttribute('aria-hidden', 'true'); b.setAttribute('tabindex', '-1');
    });
    const names = {'conversations': 'Show or hide the conversations', 'article-panel': 'Show or hide the article'};
    for (const [id, name] of Object.entries(names)) {
      const toggle = document.querySelector('#' + id + ' > button[aria-label="Toggle Sidebar"]');
      if (toggle) toggle.setAttribute('aria-label', name);
    }
  }).observe(document.body, {childList: true, subtree: true});
}
""" % (CITE, CITE)
SCROLL_JS = """
() => {
  const box = document.querySelector('#cite-target textarea, #cite-target input');
  const id = box ? box.value : '';
  let tries = 0;
  const scroll = () => {  // wait for the panel to show this very passage, then bring it into view
    const el = document.getElementById('passage-' + id);
    if (el && el.classList.contains('cited')) {
      el.scrollIntoView({block: 'center'}); el.focus({preventScroll: true});
    } else if (tries++ < 50) { setTimeout(scroll, 100); }
  };
  scroll();
}
"""
# System fonts only: the page loads nothing from outside this machine.
THEME = gr.themes.Default(font=["ui-sans-serif", "system-ui", "sans-serif"],
                          font_mono=["ui-monospace", "SFMono-Regular", "monospace"])


def build_app(bot: Assistant) -> gr.Blocks:
    model = bot.index.model
    examples = (example_questions(model) + [""] * EXAMPLES)[:EXAMPLES]
    max_chars = bot.settings.max_question_chars
    keep = bot.settings.ui_saved_conversations
    no_change = gr.skip()

    def respond(question: str, turns: list[dict]):
        """Stream one answer into the chat. Yields (chatbot, turns, textbox, download)."""
        turns = list(turns or [])
        question = question or ""
        if not question.strip():
            yield render(turns), turns, "", no_change
            return
        turn = {"question": question, "messages": [], "answer": "", "reply": None}
        turns.append(turn)
        if len(question) > max_chars:
            turn["messages"] = [{"role": "assistant", "content":
                                 f"⚠️ That question is too long ({len(question):,} characters; the limit is "
                                 f"{max_chars:,}). Please shorten it."}]
            yield render(turns), turns, "", no_change
            return
        try:
            for reply in bot.stream(question, history_of(turns[:-1])):
                turn["messages"] = reply_messages(reply, question)
                yield render(turns), turns, "", no_change
            turn["answer"], turn["reply"] = reply.text, reply_to_json(reply)
        except QuestionError as exc:
            turn["messages"] = [{"role": "assistant", "content": f"⚠️ {html.escape(str(exc)).capitalize()}."}]
        except Exception:  # the server keeps serving; the user gets a plain message
            log.exception("answering %r failed", question[:200])
            turn["messages"] = [{"role": "assistant", "content": FAILURE}]
        yield render(turns), turns, "", conversation_file(turns, title())

    def retry(turns: list[dict]):
        turns = list(turns or [])
        if not turns:
            yield render(turns), turns, "", no_change
            return
        last = turns.pop()
        yield from respond(last["question"], turns)

    def title() -> str:
        return bot.about.get("title", "the corpus")

    # -- conversations kept in the browser --------------------------------------------------------
    def restore(saved):
        saved = saved_chats.valid(saved)
        conversation_id, turns = saved_chats.current_turns(saved)
        return (saved, conversation_id, turns, render(turns), listing_update(saved),
                conversation_file(turns, title()))

    def persist(saved, conversation_id, turns):
        if keep <= 0:
            return no_change, conversation_id, no_change
        saved, conversation_id = saved_chats.store(saved_chats.valid(saved), conversation_id, turns, keep)
        return saved, conversation_id, listing_update(saved)

    def open_conversation(chosen, saved):
        saved, turns = saved_chats.select(saved_chats.valid(saved), chosen)
        return saved, saved["current"], turns, render(turns), conversation_file(turns, title())

    def delete_conversation(saved, conversation_id):
        saved = saved_chats.delete(saved_chats.valid(saved), conversation_id)
        return saved, None, [], [], listing_update(saved), None

    def new_chat(saved):
        saved = {**saved_chats.valid(saved), "current": None}
        return [], [], "", None, None, saved, listing_update(saved)

    def listing_update(saved):
        return gr.update(choices=saved_chats.choices(saved), value=saved["current"])

    # -- sources in their article ------------------------------------------------------------------
    def show_source(chunk_id: str):
        passage = bot.passage((chunk_id or "").strip())
        if passage is None:
            page = ("<p role='status'>That passage is no longer in the corpus: it has been re-indexed "
                    "since this answer. Ask again for current sources.</p>")
        else:
            page = article_page(bot.document(passage.source), passage.chunk_id)
        return page, gr.Sidebar(open=True)

    # -- feedback ----------------------------------------------------------------------------------
    def vote(turns, data: gr.LikeData):
        """Record a vote on an answer; a changed or withdrawn vote replaces the earlier one (same id)."""
        turns = list(turns or [])
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        at = turn_of_message(turns, int(index))
        hide = (None, gr.update(visible=False), gr.skip(), turns)
        if at is None or not turns[at].get("reply"):
            return hide  # a notice (too long, a failure), not an answer: nothing to judge
        turn = turns[at] = dict(turns[at])
        choice = "up" if data.liked is True else "down" if data.liked is False else "withdrawn"
        entry = feedback.make_entry(vote=choice, question=turn["question"], entry_id=turn.get("vote_id"),
                                    history=[t["question"] for t in turns[:at]], reply=turn["reply"],
                                    corpus=bot.index.collection_name)
        turn["vote_id"] = entry["id"]
        try:
            feedback.record(bot.settings, entry)
        except OSError:
            log.exception("could not record feedback")
            gr.Warning("Your vote could not be saved (the server logged why).")
            return hide
        if choice == "withdrawn":
            return hide
        prompt = "What was wrong with this answer?" if choice == "down" else "What was good about it?"
        return entry, gr.update(visible=True), gr.update(value="", label=f"{prompt} (optional)"), turns

    def add_comment(pending, comment):
        if pending and (comment or "").strip():
            entry = {**pending, "comment": comment.strip()[:feedback.MAX_COMMENT]}
            try:
                feedback.record(bot.settings, entry)
                gr.Info("Thanks — your comment was saved with your vote.")
            except OSError:
                log.exception("could not record feedback")
                gr.Warning("Your comment could not be saved (the server logged why).")
        return None, gr.update(visible=False), ""

    # -- the API -----------------------------------------------------------------------------------
    def api_ask(question: str, history: list[dict] | None = None) -> dict:
        """Answer `question` (with earlier `history` messages) from the corpus; the reply JSON."""
        try:
            return reply_to_json(bot.ask(question, check_history(history)))
        except AssistantError as exc:
            raise gr.Error(str(exc)) from None

    admin_token = bot.settings.admin_token.get_secret_value() if bot.settings.admin_token else None

    def api_reindex(token: str) -> dict:
        """Re-read the corpus and swap in its index (answers in flight finish on the old one). Needs the
        admin token (STACK_ASSISTANT_ADMIN_TOKEN)."""
        if not (isinstance(token, str) and secrets.compare_digest(token.encode(), admin_token.encode())):
            log.warning("refused a /reindex request without the admin token")
            raise gr.Error("refused: /reindex needs the admin token")
        try:
            return bot.reindex()
        except AssistantError as exc:
            raise gr.Error(str(exc)) from None

    with gr.Blocks(title=page_title(model, bot.about)) as app:
        saved = gr.BrowserState(saved_chats.EMPTY, storage_key="stack-assistant-conversations",
                                secret=saved_chats.state_key(bot.settings.data_dir))
        turns, conversation, pending = gr.State([]), gr.State(None), gr.State(None)
        with gr.Sidebar(position="left", open=False, label="Conversations", elem_id="conversations",
                        visible=keep > 0):
            listing = gr.Radio(choices=[], label="Conversations kept in this browser", elem_id="conversation-list")
            delete_btn = gr.Button("Delete this conversation", size="sm", variant="stop",
                                   elem_id="delete-conversation")
        with gr.Sidebar(position="right", open=False, label="Article", elem_id="article-panel", width=480) as panel:
            article = gr.HTML("<p>Open a source (“Show [n] in the article”) to read it in its article.</p>",
                              elem_id="article-view")
        gr.Markdown(header(model, bot.about), elem_id="header")
        chatbot = gr.Chatbot(elem_id="chat", show_label=False, buttons=["copy"], placeholder=placeholder(model),
                             feedback_options=("Like", "Dislike"), sanitize_html=True, label="Conversation")
        with gr.Row(visible=False, elem_id="comment-row") as comment_row:
            comment = gr.Textbox(label="Comment (optional)", max_lines=3, scale=8, elem_id="comment")
            comment_btn = gr.Button("Send comment", size="sm", scale=1, elem_id="send-comment")
        with gr.Row(equal_height=True):
            box = gr.Textbox(placeholder=placeholder(model), show_label=False, scale=8,
                             elem_id="question", max_lines=6, autofocus=True, label="Your question")
            send = gr.Button("Send", variant="primary", scale=1, min_width=80, elem_id="send")
        with gr.Row(elem_id="examples"):
            example_buttons = [gr.Button(q, size="sm", visible=bool(q)) for q in examples]
        with gr.Row():
            retry_btn = gr.Button("Retry", size="sm", elem_id="retry")
            new_btn = gr.Button("New chat", size="sm", elem_id="new-chat")
            download = gr.DownloadButton("Download conversation (.md)", value=None, size="sm", elem_id="download")
        cite_target = gr.Textbox(elem_id="cite-target", elem_classes="hidden-bridge", show_label=False,
                                 container=False)
        cite_open = gr.Button("open source", elem_id="cite-open", elem_classes="hidden-bridge")

        outputs = [chatbot, turns, box, download]
        keeping = dict(fn=persist, inputs=[saved, conversation, turns], outputs=[saved, conversation, listing],
                       api_visibility="private")
        box.submit(respond, [box, turns], outputs, api_visibility="private").then(**keeping)
        send.click(respond, [box, turns], outputs, api_visibility="private").then(**keeping)
        for button in example_buttons:  # a button asks its own label
            button.click(respond, [button, turns], outputs, api_visibility="private").then(**keeping)
        retry_btn.click(retry, [turns], outputs, api_visibility="private").then(**keeping)
        new_btn.click(new_chat, [saved], [chatbot, turns, box, download, conversation, saved, listing],
                      api_visibility="private")
        app.load(restore, [saved], [saved, conversation, turns, chatbot, listing, download], api_visibility="private")
        listing.input(open_conversation, [listing, saved], [saved, conversation, turns, chatbot, download],
                      api_visibility="private")
        delete_btn.click(delete_conversation, [saved, conversation],
                         [saved, conversation, turns, chatbot, listing, download], api_visibility="private")
        cite_open.click(show_source, [cite_target], [article, panel], api_visibility="private").then(
            None, None, None, js=SCROLL_JS)
        chatbot.like(vote, [turns], [pending, comment_row, comment, turns], api_visibility="private")
        chatbot.clear(new_chat, [saved], [chatbot, turns, box, download, conversation, saved, listing],
                      api_visibility="private")
        comment.submit(add_comment, [pending, comment], [pending, comment_row, comment], api_visibility="private")
        comment_btn.click(add_comment, [pending, comment], [pending, comment_row, comment], api_visibility="private")
        gr.api(api_ask, api_name="ask")
        if admin_token:
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
               show_error=False, quiet=True, prevent_thread_lock=not block, theme=THEME, css=CSS, js=BRIDGE_JS,
               footer_links=[], ssr_mode=False, pwa=False, mcp_server=False, enable_monitoring=False)
    return app
