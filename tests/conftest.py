"""Shared fixtures: the real embedding model and a real Chroma index in a temp folder, built once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
for key in [k for k in os.environ if k.startswith("STACK_ASSISTANT_")]:
    del os.environ[key]  # tests say what they need

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
ARTICLE = CORPUS / "mlops-stack-comparison.md"
VECTOR_DBS = ROOT / "evals" / "corpora" / "vector-databases" / "corpus"  # the two other comparisons
TASK_QUEUES = ROOT / "evals" / "corpora" / "task-queues" / "corpus"
CLI = Path(sys.executable).with_name("stack-assistant")


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="session")
def settings(data_dir):
    from assistant import load_settings

    return load_settings(data_dir=data_dir, torch_threads=1)


@pytest.fixture(scope="session")
def bot(settings):
    from assistant import Assistant

    return Assistant.load(settings)


@pytest.fixture(scope="session")
def vector_bot(tmp_path_factory):
    """The assistant on the vector-database comparison, in its own data folder."""
    from assistant import Assistant, load_settings

    data = tmp_path_factory.mktemp("vdb") / "data"
    return Assistant.load(load_settings(corpus_dir=VECTOR_DBS, data_dir=data, torch_threads=1))


@pytest.fixture(scope="session")
def queues_bot(tmp_path_factory):
    """The assistant on the task-queue comparison (two subjects), in its own data folder."""
    from assistant import Assistant, load_settings

    data = tmp_path_factory.mktemp("tq") / "data"
    return Assistant.load(load_settings(corpus_dir=TASK_QUEUES, data_dir=data, torch_threads=1))


@pytest.fixture()
def corpus_copy(tmp_path) -> Path:
    """A private copy of the corpus that a test may change."""
    target = tmp_path / "corpus"
    target.mkdir()
    shutil.copy(ARTICLE, target / ARTICLE.name)
    return target


def run_cli(*args: str, env: dict | None = None, input: str | None = None, timeout: int = 180):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, env=full_env,
                          input=input, timeout=timeout)


def corpus_passage_texts(bot) -> set[str]:
    return {p.text for p in bot.index.passages}


def analysed(bot, text: str):
    """The question as the pipeline reads it, and its vector."""
    from assistant.question import analyse
    from assistant.rows import bare_question

    index = bot.index
    vector, bare_vector = index.embed_question(text, bare_question(text, index.model))
    return analyse(text, index.model, index, bare_vector), vector


@pytest.fixture(scope="module")
def server(bot):
    """The browser UI on a free port of 127.0.0.1, serving the session's index."""
    pytest.importorskip("gradio")
    from ui.app import serve
    from ui.screenshot import free_port

    port = free_port()
    app = serve(bot, "127.0.0.1", port, block=False)
    yield f"http://127.0.0.1:{port}/"
    app.close()


def after(question: str, answer: str = "...") -> list[dict]:
    """A conversation of one turn: the question asked and its answer."""
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
