"""Documents as people have them: the bundled article saved as a web page and printed to PDF by
headless Chromium answers like the markdown, citing its own file (and page); bad files are skipped
with a reason and never stop the rest."""

import re
import shutil
from pathlib import Path

import pytest

from assistant import Assistant, load_settings
from assistant.corpus import load_corpus

from conftest import ARTICLE, run_cli

CHROMIUM = Path("/usr/bin/chromium")


def article_html() -> str:
    """The article rendered as a web page, with navigation and a footer around it (the extractor must
    find the article), its byline in the page's meta tags."""
    import markdown

    text = ARTICLE.read_text(encoding="utf-8")
    front, body = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S).groups()
    meta = dict(line.split(": ", 1) for line in front.splitlines())
    title = meta["title"].strip('"')
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta name="author" content="{meta["author"]}"><meta name="date" content="{meta["date"]}">'
            '<style>body{font-family:sans-serif;max-width:48em;margin:2em auto}'
            'table,td,th{border:1px solid #444;border-collapse:collapse;padding:4px}</style></head><body>'
            '<header><nav><a href="/">Home</a> · <a href="/blog">Blog</a></nav></header><article>'
            + markdown.markdown(body, extensions=["tables"]) +
            '</article><footer>© 2026 · Privacy · Contact</footer></body></html>')


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """One folder with the HTML page, one with the same page printed to PDF."""
    root = tmp_path_factory.mktemp("formats")
    html = article_html()
    (root / "html").mkdir()
    (root / "html" / "mlops-stack-comparison.html").write_text(html, encoding="utf-8")
    if not CHROMIUM.exists():
        return root, None
    from playwright.sync_api import sync_playwright

    (root / "pdf").mkdir()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        page.set_content(html)
        page.pdf(path=str(root / "pdf" / "mlops-stack-comparison.pdf"), format="A4")
        browser.close()
    return root, root / "pdf"


def bot_for(folder: Path, tmp_path: Path) -> Assistant:
    return Assistant.load(load_settings(corpus_dir=folder, data_dir=tmp_path / "data", torch_threads=1))


QUESTIONS = [
    "How hard is Kubeflow to set up?",
    "Which is cheapest to self-host?",
    "What's the managed offering for Metaflow called?",
    "We're a 6-person startup with no Kubernetes experience. Which framework should we use?",
    "Is Prefect harder to learn than Metaflow?",
]


def check_same_answers(bot, other, name):
    for question in QUESTIONS:
        ours, theirs = bot.ask(question), other.ask(question)
        assert re.sub(r"\[\d+\]", "", theirs.text) == re.sub(r"\[\d+\]", "", ours.text), question
        assert theirs.citations and {c.source for c in theirs.citations} == {name}


def test_a_saved_web_page_reads_like_the_markdown(bot, saved, tmp_path):
    folder = saved[0] / "html"
    corpus = load_corpus(folder)
    rows = [p for p in corpus.passages if p.kind == "table_row"]
    assert len(rows) == 7 and rows[0].text == "Setup complexity — Kubeflow: High; Metaflow: Medium; Prefect: Low–Medium"
    assert not any("Privacy" in p.text or "Home · Blog" in p.text for p in corpus.passages)  # page chrome
    doc = corpus.model.documents[0]
    assert (doc.title, doc.author, doc.date) == (
        "MLOps Stack Comparison: Kubeflow vs Metaflow vs Prefect", "mlai.qa Team", "2026-03-13")
    check_same_answers(bot, bot_for(folder, tmp_path), "mlops-stack-comparison.html")


def test_a_pdf_reads_like_the_markdown_and_cites_pages(bot, saved, tmp_path):
    if saved[1] is None:
        pytest.skip("Debian chromium is not installed (it prints the PDF fixture)")
    corpus = load_corpus(saved[1])
    assert {p.label for p in corpus.passages if p.kind == "table_row"} == {
        p.label for p in bot.index.passages if p.kind == "table_row"}
    headings = {p.section for p in corpus.passages}
    assert {"Kubeflow", "Metaflow", "Prefect", "The Honest Comparison", "Which Should You Choose?"} <= headings
    assert min(p.page for p in corpus.passages) == 1 and max(p.page for p in corpus.passages) >= 2
    other = bot_for(saved[1], tmp_path)
    check_same_answers(bot, other, "mlops-stack-comparison.pdf")
    reply = other.ask("How hard is Kubeflow to set up?")
    assert all(c.page >= 1 for c in reply.citations)
    assert re.search(r"mlops-stack-comparison\.pdf, p\. \d", reply.citations[0].where)
    result = run_cli("ask", "How hard is Kubeflow to set up?", env={
        "STACK_ASSISTANT_CORPUS_DIR": str(saved[1]), "STACK_ASSISTANT_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 0 and re.search(r"\(mlops-stack-comparison\.pdf, p\. \d\)", result.stdout)


def test_the_eval_set_passes_on_the_web_page_nearly_as_on_the_markdown(bot, saved, tmp_path):
    from evals.runner import run_assistant
    from evals.scoring import load_cases, summarise

    cases = [c for c in load_cases() if not c.refuse]
    markdown = summarise(run_assistant(bot, cases))["pass_rate"]
    html = summarise(run_assistant(bot_for(saved[0] / "html", tmp_path), cases))["pass_rate"]
    assert html >= 0.95 * markdown, (html, markdown)


def test_bad_files_are_skipped_with_their_reason(tmp_path):
    from pypdf import PdfWriter

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    (corpus / "empty.md").write_bytes(b"")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    (corpus / "picture.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (corpus / "latin1.txt").write_bytes("Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9.".encode("latin-1"))
    (corpus / "huge.txt").write_text("A comparison. " * 200_000, encoding="utf-8")  # ~2.8 MB
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("secret")
    with open(corpus / "locked.pdf", "wb") as f:
        writer.write(f)

    env = {"STACK_ASSISTANT_CORPUS_DIR": str(corpus), "STACK_ASSISTANT_DATA_DIR": str(tmp_path / "data"),
           "STACK_ASSISTANT_MAX_DOCUMENT_MB": "1"}
    result = run_cli("index", env=env)
    assert result.returncode == 0, result.stderr
    skipped = dict(re.findall(r"^skipped (\S+): (.+)$", result.stderr, re.M))
    assert set(skipped) == {"empty.md", "broken.pdf", "picture.md", "latin1.txt", "huge.txt", "locked.pdf"}
    assert skipped["empty.md"] == "empty file"
    assert skipped["locked.pdf"] == "encrypted PDF"
    assert skipped["picture.md"] == "binary data, not text"
    assert skipped["latin1.txt"].startswith("not UTF-8 text")
    assert skipped["huge.txt"].startswith("too large")
    assert skipped["broken.pdf"].startswith("not a readable PDF")
    assert "index built: 35 passages" in result.stdout

    (corpus / ARTICLE.name).unlink()  # nothing readable left: a clear error, non-zero
    result = run_cli("index", env=env)
    assert result.returncode != 0
    assert "nothing readable" in result.stderr and "locked.pdf: encrypted PDF" in result.stderr
    assert "Traceback" not in result.stderr
