"""Drives the real UI in Debian's Chromium (Playwright, never `playwright install`) and saves the
README's screenshots: a follow-up answered with a source opened in the article view, and the page at a
phone's width (390×844).

    python -m ui.screenshot [--out ui/assets/screenshot.png] [--phone-out ui/assets/phone.png]
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DEFAULT_OUT = Path(__file__).resolve().parent / "assets" / "screenshot.png"
PHONE_OUT = Path(__file__).resolve().parent / "assets" / "phone.png"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def browser_page(width: int = 1100, height: int = 1000):
    """A fresh headless Chromium page (new profile every time)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="chromium-") as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": width, "height": height})
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


def open_chat(page, url: str) -> None:
    page.goto(url, wait_until="load")  # never "networkidle": Gradio keeps a connection open
    page.locator("#question textarea").wait_for(timeout=30_000)


def ask(page, question: str, timeout: float = 30.0) -> str:
    """Type a question, send it, wait for the streamed answer to settle; the last answer's text."""
    before = page.locator('[data-testid="bot"]').count()
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    deadline = time.monotonic() + timeout
    last, stable = None, 0
    while time.monotonic() < deadline:
        bots = page.locator('[data-testid="bot"]')
        if bots.count() > before:
            text = bots.nth(before).inner_text()
            stable = stable + 1 if text == last and text.strip() else 0
            last = text
            if stable >= 3 and not page.locator(".generating, .pending").count():
                return text
        page.wait_for_timeout(150)
    raise TimeoutError(f"no settled answer to {question!r}; last seen: {last!r}")


def open_sources(page) -> None:
    """Expand the last answer's sources block."""
    page.get_by_text("Sources (").last.click()
    page.locator(".thought-group .content").last.wait_for(timeout=5000)
    page.evaluate("""() => document.querySelectorAll('#chat *').forEach(
        e => { if (e.scrollHeight > e.clientHeight + 4) e.scrollTop = e.scrollHeight; })""")
    page.wait_for_timeout(200)


def open_sidebar(page, elem_id: str) -> None:
    """Open one of the page's sidebars ("conversations", "article-panel") if it is closed."""
    side = page.locator(f"#{elem_id}")
    if "open" not in (side.get_attribute("class") or "").split():
        side.locator(":scope > button").first.click()  # its toggle
        page.wait_for_timeout(400)


def open_in_article(page, number: int = 1, keyboard: bool = False):
    """Open source [number] of the last answer in the article panel; the highlighted passage."""
    link = page.get_by_role("link", name=f"Show [{number}] in the article").last
    if keyboard:
        link.focus()
        page.keyboard.press("Enter")
    else:
        link.click()
    chunk = link.get_attribute("href").split("#cite-")[1]
    cited = page.locator(f"#article-view #passage-{chunk}.cited")
    cited.wait_for(state="visible", timeout=10_000)
    try:  # the panel scrolls the passage into view
        page.wait_for_function("""id => { const r = document.getElementById('passage-' + id).getBoundingClientRect();
                                   return r.top >= 0 && r.bottom <= window.innerHeight; }""", arg=chunk, timeout=5_000)
    except Exception:
        pass  # callers that care assert the position themselves
    return cited


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--phone-out", type=Path, default=PHONE_OUT)
    args = parser.parse_args()

    from assistant import Assistant
    from ui.app import serve

    bot = Assistant.load()
    port = free_port()
    serve(bot, "127.0.0.1", port, block=False)
    with browser_page() as page:
        open_chat(page, f"http://127.0.0.1:{port}/")
        ask(page, "Tell me about Metaflow.")
        ask(page, "How hard is it to set up?")
        open_sources(page)
        open_in_article(page, 2)
        page.wait_for_timeout(1000)  # the panel slides in
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out))
    with browser_page(390, 844) as page:
        open_chat(page, f"http://127.0.0.1:{port}/")
        ask(page, "Which is cheapest to self-host?")
        page.screenshot(path=str(args.phone_out))
    print(f"saved {args.out} and {args.phone_out}")


if __name__ == "__main__":
    main()
