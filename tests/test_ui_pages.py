"""The page as a returning user, a phone user, a voter and an admin meet it: kept conversations, a
source opened in its article, feedback, another corpus, a phone's width, and /reindex behind a token.
A real Gradio server on 127.0.0.1, the official gradio_client and Debian's Chromium."""

import json
import re
from pathlib import Path

import pytest
from pydantic import SecretStr

pytest.importorskip("gradio")
from gradio_client import Client  # noqa: E402

from assistant import Assistant, feedback  # noqa: E402
from ui.app import serve  # noqa: E402
from ui.screenshot import CHROMIUM, ask, browser_page, free_port, open_chat, open_in_article, open_sidebar, \
    open_sources  # noqa: E402

from conftest import ROOT  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts"
OTHER_CORPUS = ROOT / "evals" / "corpora" / "vector-databases" / "corpus"
BUNDLED_NAMES = re.compile(r"kubeflow|metaflow|prefect|outerbounds|mlai\.qa|MLOps Stack Comparison", re.I)
browser = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")


def bot_texts(page) -> list[str]:
    return page.locator('[data-testid="bot"]').all_inner_texts()


@browser
def test_reload_keeps_the_conversation_and_its_follow_ups(server):
    with browser_page() as page:
        open_chat(page, server)
        ask(page, "Tell me about Metaflow.")
        page.reload()
        open_chat(page, server)
        page.wait_for_function("() => document.querySelectorAll('[data-testid=\"bot\"]').length >= 1", timeout=10_000)
        assert bot_texts(page)[0].startswith("Metaflow was built at Netflix")
        second = ask(page, "How hard is it to set up?")
        assert "Searched for: “How hard is Metaflow to set up?”" in second
        assert "Metaflow's setup complexity is Medium [1]" in second

        # a second conversation; the first stays listed and reopens, then can be deleted
        page.locator("#new-chat").click()
        page.wait_for_function("() => !document.querySelector('[data-testid=\"bot\"]')", timeout=5_000)
        ask(page, "Which is cheapest to self-host?")
        page.reload()
        open_chat(page, server)
        page.wait_for_function("() => document.querySelectorAll('[data-testid=\"bot\"]').length >= 1", timeout=10_000)
        assert bot_texts(page)[0].startswith("Metaflow and Prefect have the lowest self-hosted cost")
        conversations = page.locator("#conversation-list label")
        open_sidebar(page, "conversations")
        assert conversations.count() == 2
        assert conversations.nth(1).inner_text().startswith("Tell me about Metaflow.")
        conversations.nth(1).click()
        page.wait_for_function("() => document.querySelectorAll('[data-testid=\"bot\"]').length >= 3", timeout=10_000)
        assert bot_texts(page)[0].startswith("Metaflow was built at Netflix")
        page.locator("#delete-conversation").click()
        page.wait_for_function("() => document.querySelectorAll('#conversation-list label').length == 1", timeout=5_000)
        assert page.locator('[data-testid="bot"]').count() == 0
        page.reload()
        open_chat(page, server)
        page.wait_for_timeout(1500)
        assert page.locator("#conversation-list label").count() == 1


@browser
def test_a_source_opens_in_its_article_with_the_passage_highlighted(server):
    ARTIFACTS.mkdir(exist_ok=True)
    with browser_page() as page:
        open_chat(page, server)
        ask(page, "How hard is Kubeflow to set up?")
        open_sources(page)
        cited = open_in_article(page, 1)  # the comparison table's row
        assert re.match(r"Setup complexity\s+High\s+Medium\s+Low–Medium", cited.inner_text())
        assert cited.evaluate("e => e.tagName") == "TR"
        cited = open_in_article(page, 2, keyboard=True)  # Kubeflow's own "Setup complexity: High." passage
        assert cited.inner_text().startswith("Setup complexity: High. Kubeflow requires a Kubernetes cluster")
        top, bottom, height = cited.evaluate(
            "e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight]; }")
        assert 0 <= top and bottom <= height  # scrolled into view
        article = page.locator("#article-view").inner_text()
        assert "The Honest Comparison" in article and "Which Should You Choose?" in article
        assert page.locator("#article-view .cited").count() == 1
        page.screenshot(path=str(ARTIFACTS / "ui-article-view.png"))


@browser
def test_a_thumbs_down_writes_one_line_and_its_comment(server, bot):
    path = feedback.feedback_path(bot.settings)
    before = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    with browser_page() as page:
        open_chat(page, server)
        ask(page, "Tell me about Prefect.")
        answer = ask(page, "and its learning curve?")
        page.get_by_role("button", name="Dislike").last.click()
        page.locator("#comment textarea").wait_for(timeout=5_000)
        page.wait_for_timeout(500)
        lines = path.read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(before) + 1
        entry = json.loads(lines[-1])
        assert entry["vote"] == "down" and entry["comment"] == ""
        assert entry["question"] == "and its learning curve?" and entry["history"] == ["Tell me about Prefect."]
        assert entry["standalone_question"] == "What is Prefect's learning curve?" or "Prefect" in entry["standalone_question"]
        assert entry["answer"].split(" [1]")[0].replace("**", "") in answer
        assert entry["citations"] and entry["citations"][0]["chunk_id"]
        assert entry["backend"] == "extractive" and entry["corpus"] == bot.index.collection_name
        assert re.match(r"\d{4}-\d\d-\d\dT", entry["time"])
        page.locator("#comment textarea").fill("Should say how it compares to Metaflow")
        page.locator("#send-comment").click()
        page.wait_for_function("() => !document.querySelector('#comment-row') || "
                               "document.querySelector('#comment-row').offsetParent === null", timeout=5_000)
    entries, bad = feedback.read(path)
    mine = [e for e in entries if e["id"] == entry["id"]]
    assert bad == 0 and len(mine) == 1 and mine[0]["comment"] == "Should say how it compares to Metaflow"


@browser
def test_the_page_describes_another_corpus(tmp_path):
    from assistant import load_settings

    bot = Assistant.load(load_settings(data_dir=tmp_path / "data", corpus_dir=OTHER_CORPUS, torch_threads=1))
    port = free_port()
    app = serve(bot, "127.0.0.1", port, block=False)
    try:
        with browser_page() as page:
            open_chat(page, f"http://127.0.0.1:{port}/")
            page.wait_for_timeout(500)
            body = page.locator("body").inner_text()
            assert page.locator("#header").inner_text().startswith("Choosing a Vector Database: Qdrant vs Weaviate vs Milvus")
            assert "Qdrant, Weaviate or Milvus" in page.locator("#chat").inner_text()  # the placeholder
            examples = page.locator("#examples button").all_inner_texts()
            assert len(examples) == 4 and all(re.search(r"Qdrant|Weaviate|Milvus|lowest|choose", q) for q in examples)
            assert not BUNDLED_NAMES.search(body + page.title()), BUNDLED_NAMES.search(body + page.title())
            first = examples[0]
            page.locator("#examples button").first.click()
            page.wait_for_function("() => document.querySelectorAll('[data-testid=\"bot\"]').length >= 1", timeout=20_000)
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        for question in examples:  # every example gets a cited answer, none is refused
            reply = client.predict(question, [], api_name="/ask")
            assert not reply["refused"] and reply["citations"], (question, reply["answer"])
        assert client.predict(first, [], api_name="/ask")["answer"].startswith("Qdrant's core language is **Rust**")
    finally:
        app.close()


@browser
def test_phone_width_has_no_sideways_scroll_and_a_reachable_input(server):
    with browser_page(390, 844) as page:
        open_chat(page, server)
        ask(page, "Which is cheapest to self-host?")
        open_sources(page)
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], widths
        box = page.locator("#question textarea")
        box.scroll_into_view_if_needed()
        rect = box.bounding_box()
        assert rect and rect["x"] >= 0 and rect["x"] + rect["width"] <= 390
        open_in_article(page, 1)
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], widths
        assert page.get_by_role("button", name="Send").is_visible()


@browser
def test_sources_and_buttons_work_from_the_keyboard_and_are_named(server):
    with browser_page() as page:
        open_chat(page, server)
        page.locator("#question textarea").fill("Which is cheapest to self-host?")
        page.keyboard.press("Enter")
        page.get_by_text("Sources (1)").last.wait_for(timeout=20_000)
        page.wait_for_function("() => !document.querySelector('.generating, .pending')", timeout=20_000)
        page.wait_for_timeout(500)
        unnamed = page.evaluate("""() => [...document.querySelectorAll('button, [role="button"], a[href], input, textarea')]
            .filter(e => e.offsetParent !== null && e.getAttribute('aria-hidden') !== 'true')
            .filter(e => !((e.getAttribute('aria-label') || '').trim() || (e.innerText || '').trim()
                           || (e.labels && e.labels.length) || e.getAttribute('placeholder') || e.title))
            .map(e => e.outerHTML.slice(0, 120))""")
        assert not unnamed, unnamed
        toggle = page.locator('#chat [role="button"]', has_text="Sources (1)").last
        toggle.focus()
        page.keyboard.press("Enter")
        link = page.get_by_role("link", name="Show [1] in the article").last
        link.wait_for(state="visible", timeout=5_000)
        cited = open_in_article(page, 1, keyboard=True)
        assert cited.inner_text().startswith("Cost (self-hosted)")


def test_reindex_is_refused_without_the_admin_token(server, bot):
    with pytest.raises(Exception, match="reindex"):  # no token set: no such endpoint
        Client(server, verbose=False).predict("anything", api_name="/reindex")
    token = "a-long-enough-admin-token-42"
    guarded = Assistant(bot.settings.model_copy(update={"admin_token": SecretStr(token)}), bot.index)
    port = free_port()
    app = serve(guarded, "127.0.0.1", port, block=False)
    try:
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        for wrong in ("", "not-the-token", token + "x"):
            with pytest.raises(Exception, match="refused"):
                client.predict(wrong, api_name="/reindex")
        assert client.predict(token, api_name="/reindex")["changed"] is False
    finally:
        app.close()


def test_with_several_documents_the_header_lists_them(tmp_path):
    import shutil

    from assistant.corpus import load_corpus
    from assistant.showcase import example_questions
    from ui.render import header

    from conftest import ARTICLE

    shutil.copy(ARTICLE, tmp_path / ARTICLE.name)
    for f in OTHER_CORPUS.iterdir():
        shutil.copy(f, tmp_path / f.name)
    corpus = load_corpus(tmp_path)
    text = header(corpus.model, corpus.about)
    assert text.startswith("## 2 documents")
    assert "- **MLOps Stack Comparison: Kubeflow vs Metaflow vs Prefect** · mlai.qa Team" in text
    assert "- **Choosing a Vector Database: Qdrant vs Weaviate vs Milvus** · Dana Whitfield" in text
    assert "only from these documents" in text
    questions = example_questions(corpus.model)
    assert len(questions) == 4 and len(set(questions)) == 4


@browser
def test_corpus_text_cannot_make_the_page_fetch_or_run_anything(tmp_path):
    from assistant import load_settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "tools.md").write_text(
        "# Alpha vs Beta ![t](http://127.0.0.9:9/title.png)\n\n## Alpha\n\n"
        "Alpha keeps its queue on disk ![pixel](http://127.0.0.9:9/pixel.png) and retries every job. "
        "<img src=\"http://127.0.0.9:9/raw.png\"> <script>window.__ran = true</script> "
        "Read [the guide](#cite-0000) or [elsewhere](http://127.0.0.9:9/page).\n\n"
        "## Beta\n\nBeta keeps its queue in memory and never retries.\n\n"
        "| | Alpha | Beta |\n|---|---|---|\n| Queue | Disk | Memory |\n", encoding="utf-8")
    bot = Assistant.load(load_settings(data_dir=tmp_path / "data", corpus_dir=corpus, torch_threads=1))
    port = free_port()
    app = serve(bot, "127.0.0.1", port, block=False)
    try:
        with browser_page() as page:
            requests = []
            page.on("request", lambda r: requests.append(r.url))
            open_chat(page, f"http://127.0.0.1:{port}/")
            page.evaluate("window.__ran = false")
            ask(page, "Where does Alpha keep its queue?")
            open_sources(page)
            open_in_article(page, 2)
            assert page.locator("#article-view img, #chat img, #header img").count() == 0
            assert "on disk !pixel and retries" in page.locator("#article-view").inner_text()  # a link, no image
            assert page.locator("#article-view a[href='http://127.0.0.9:9/page']").get_attribute("target") == "_blank"
            page.locator("#article-view a", has_text="the guide").click()  # a corpus link is no citation
            page.wait_for_timeout(500)
            assert page.locator("#article-view .cited").count() == 1
            assert page.evaluate("window.__ran") is False
        assert not [u for u in requests if "127.0.0.9" in u], requests
    finally:
        app.close()


@browser
def test_votes_change_and_withdraw_and_notices_take_none(server, bot):
    path = feedback.feedback_path(bot.settings)
    with browser_page() as page:
        open_chat(page, server)
        ask(page, "Is Metaflow hard to learn?")
        page.get_by_role("button", name="Like").last.click()
        page.wait_for_timeout(700)
        page.get_by_role("button", name="Dislike").last.click()  # changed their mind
        page.wait_for_timeout(700)
        entries, _ = feedback.read(path)
        mine = [e for e in entries if e["question"] == "Is Metaflow hard to learn?"]
        assert [e["vote"] for e in mine] == ["down"]
        page.get_by_role("button", name="Dislike").last.click()  # and took it back
        page.wait_for_timeout(700)
        entries, _ = feedback.read(path)
        assert not [e for e in entries if e["question"] == "Is Metaflow hard to learn?"]
        lines = len(path.read_text(encoding="utf-8").split("\n"))
        ask(page, "why " * 1000)  # a notice, not an answer
        buttons = page.locator('[data-testid="bot"]').last.locator("xpath=../..").get_by_role("button", name="Dislike")
        if buttons.count():
            buttons.last.click()
            page.wait_for_timeout(700)
        assert len(path.read_text(encoding="utf-8").split("\n")) == lines


@browser
def test_the_chat_clear_button_forgets_the_conversation(server):
    with browser_page() as page:
        open_chat(page, server)
        ask(page, "What is Outerbounds?")
        page.locator("#chat").get_by_role("button", name="Clear").click()
        page.wait_for_timeout(800)
        page.reload()
        open_chat(page, server)
        page.wait_for_timeout(1500)
        assert page.locator('[data-testid="bot"]').count() == 0


def test_kept_conversations_are_checked_and_capped():
    from ui import conversations as kept

    good = {"question": "q", "messages": [{"role": "assistant", "content": "a"}], "answer": "a",
            "reply": {"answer": "a", "standalone_question": "q", "citations": []}}
    tampered = {"current": "x", "conversations": [
        {"id": "x", "turns": [{**good, "reply": {"answer": "a"}}]},  # a reply of the wrong shape
        {"id": "y", "turns": [{**good, "messages": [{"role": "user", "content": "<b>"}]}]},  # not ours
        "nonsense"]}
    saved = kept.valid(tampered)
    assert [c["id"] for c in saved["conversations"]] == ["x"] and saved["current"] == "x"
    assert saved["conversations"][0]["turns"][0]["reply"] is None
    assert kept.valid("garbage") == {"current": None, "conversations": []}
    big = [{**good, "answer": "x" * 30_000} for _ in range(150)]
    saved, _ = kept.store(kept.valid(None), None, big, keep=30)
    assert len(saved["conversations"][0]["turns"]) == kept.MAX_TURNS
    for _ in range(3):
        saved, _ = kept.store(saved, None, big, keep=30)
    assert len(saved["conversations"]) == 1  # about 3 MB each: only the newest fits
