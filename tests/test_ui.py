"""The browser UI: a real Gradio server on 127.0.0.1, the official gradio_client, and Debian's
Chromium driven by Playwright."""

import re
from pathlib import Path

import pytest

pytest.importorskip("gradio")
from gradio_client import Client  # noqa: E402

from ui.app import serve  # noqa: E402
from ui.screenshot import CHROMIUM, ask, browser_page, free_port, open_chat, open_sources  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="module")
def client(server):
    return Client(server, verbose=False)


def test_api_answers_with_citations(client):
    data = client.predict("How hard is Kubeflow to set up?", [], api_name="/ask")
    assert data["answer"].startswith("Kubeflow's setup complexity is **High** [1]")
    assert not data["refused"] and data["citations"][0]["section"] == "The Honest Comparison"
    assert set(data["citations"][0]) == {"number", "source", "section", "quote", "chunk_id", "score", "page"}


def test_api_follow_up_uses_history(client):
    history = [{"role": "user", "content": "Which team size suits Kubeflow?"},
               {"role": "assistant", "content": "The best team size for Kubeflow is **20+ (ML platform team)** [1]."}]
    data = client.predict("and for Prefect?", history, api_name="/ask")
    assert data["standalone_question"] == "Which team size suits Prefect?"
    assert "**Any**" in data["answer"] and "20+" not in data["answer"]


def test_api_refuses_out_of_scope(client):
    data = client.predict("What is the capital of France?", [], api_name="/ask")
    assert data["refused"] and data["citations"] == [] and "doesn't cover" in data["answer"]


def test_api_html_in_the_question_is_not_echoed(client):
    data = client.predict('<img src=x onerror="alert(1)"> Is Prefect easy to learn?', [], api_name="/ask")
    assert data["answer"].startswith("Yes — Prefect's learning curve is **Low**")
    assert "<img" not in data["answer"] and "<img" not in data["standalone_question"]


def test_api_too_long_and_malformed_input_are_clear_errors(client):
    with pytest.raises(Exception, match="too long"):
        client.predict("x" * 5000, [], api_name="/ask")
    with pytest.raises(Exception, match="role"):
        client.predict("and for Prefect?", [{"role": "wizard", "content": "hi"}], api_name="/ask")


def test_auth_protects_the_ui(bot):
    secured = bot.__class__(bot.settings.model_copy(update={"ui_auth": "alice:s3cret"}), bot.index)
    port = free_port()
    app = serve(secured, "127.0.0.1", port, block=False)
    try:
        with pytest.raises(Exception):
            Client(f"http://127.0.0.1:{port}/", verbose=False).predict("hi", [], api_name="/ask")
        ok = Client(f"http://127.0.0.1:{port}/", auth=("alice", "s3cret"), verbose=False)
        assert ok.predict("What is Outerbounds?", [], api_name="/ask")["citations"]
    finally:
        app.close()


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")
def test_browser_conversation_with_sources_and_follow_up(server):
    ARTIFACTS.mkdir(exist_ok=True)
    with browser_page() as page:
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        open_chat(page, server)
        header = page.locator("#header").inner_text()
        assert header.startswith("MLOps Stack Comparison: Kubeflow vs Metaflow vs Prefect")
        assert "mlai.qa Team" in header and "only from this article" in header

        first = ask(page, "Tell me about Metaflow.")
        assert first.startswith("Metaflow was built at Netflix")

        second = ask(page, "How hard is it to set up?")
        assert "Searched for: “How hard is Metaflow to set up?”" in second
        assert "Metaflow's setup complexity is Medium [1]" in second
        open_sources(page)
        sources = page.locator(".thought-group .content").last.inner_text()
        assert "[1] The Honest Comparison" in sources
        assert "Setup complexity — Kubeflow: High; Metaflow: Medium; Prefect: Low–Medium" in sources
        page.screenshot(path=str(ARTIFACTS / "ui-conversation.png"), full_page=True)

        refusal = ask(page, "What's the weather in Berlin?")
        assert refusal.startswith("Not covered by the article.")
        assert page.locator('[data-testid="bot"]').last.get_by_text("Sources (").count() == 0

        page.evaluate("window.__xss = false")
        typed = ask(page, '<img src=x onerror="window.__xss=true"> Is Prefect easy to learn?')
        assert "Yes — Prefect's learning curve is Low" in typed
        user_bubbles = page.locator('[data-testid="user"]')
        assert '<img src=x onerror="window.__xss=true">' in user_bubbles.last.inner_text()
        assert page.evaluate("window.__xss") is False

        too_long = ask(page, "why " * 1000)
        assert "too long" in too_long

        page.locator("#new-chat").click()
        page.wait_for_timeout(500)
        assert page.locator('[data-testid="bot"]').count() == 0
    outside = {u for u in requests if not re.match(r"^(https?|wss?)://127\.0\.0\.1[:/]|^(data|blob):", u)}
    assert not outside, f"the page reached outside this machine: {sorted(outside)[:5]}"


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")
def test_browser_survives_a_pipeline_error_and_retries(server, bot, monkeypatch):
    with browser_page() as page:
        open_chat(page, server)
        real = bot.answerer.stream

        def broken(*args, **kwargs):
            raise RuntimeError("simulated failure inside the pipeline")

        monkeypatch.setattr(bot.answerer, "stream", broken)
        failed = ask(page, "Which is cheapest to self-host?")
        assert failed.startswith("Sorry — something went wrong")
        monkeypatch.setattr(bot.answerer, "stream", real)
        before = page.locator('[data-testid="bot"]').count()
        page.locator("#retry").click()
        page.wait_for_timeout(200)
        page.wait_for_function(
            "n => document.querySelectorAll('[data-testid=\"bot\"]').length >= n && "
            "document.querySelector('[data-testid=\"bot\"]:last-of-type') !== null", arg=before)
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=\"bot\"]')].some("
            "e => e.innerText.startsWith('Metaflow and Prefect have the lowest'))", timeout=20000)
        texts = page.locator('[data-testid="bot"]').all_inner_texts()
        assert not any(t.startswith("Sorry") for t in texts)  # retry replaced the failed answer
