"""Generative backends: langchain chat models that write the answer from the numbered passages, with
the grounding check on every sentence and the extractive answer as the fallback.

    extractive  no model (the default)
    llamacpp    a local GGUF file, served in-process by xllamacpp (a prebuilt llama.cpp wheel that
                speaks the OpenAI protocol), so it shares the `openai` code path
    ollama      an Ollama server (langchain-ollama)
    openai      any OpenAI-compatible endpoint: vLLM, LM Studio, llama.cpp server, OpenAI (langchain-openai)
"""

from __future__ import annotations

import logging
import threading
from typing import Iterator

from .answerers import AnswerNote, Evidence, ExtractiveAnswerer
from .grounding import Grounder, sentences_in
from .question import Question
from .settings import Settings
from .types import AssistantError

log = logging.getLogger("assistant")

EXTRAS = {"llamacpp": ("xllamacpp", "langchain_openai"), "ollama": ("langchain_ollama",),
          "openai": ("langchain_openai",)}

SYSTEM = """You answer questions about one article, using only the numbered passages below.
Rules:
- Every sentence you write must be supported by a passage, and must end with its number in square brackets, like [1] or [2].
- Use only facts stated in the passages. Do not add anything else.
- If the passages do not answer the question, reply exactly: The article does not cover that.
- Answer in at most four sentences."""

CONDENSE = """Rewrite the last user message as one standalone question about the article, using the
conversation for context (replace "it", "they", "the other two" with the framework names). Reply with
the question only.

Conversation:
{conversation}

Last user message: {question}
Standalone question:"""


class BackendError(AssistantError):
    """A backend is missing its extra, or is misconfigured."""


def require_extra(backend: str) -> None:
    import importlib.util

    missing = [m for m in EXTRAS.get(backend, ()) if importlib.util.find_spec(m) is None]
    if missing:
        raise BackendError(f"the {backend} backend needs its extra: pip install '.[{backend}]' "
                           f"(missing: {', '.join(missing)})")


_servers: dict[str, object] = {}
_servers_lock = threading.Lock()


def local_llama_server(model_path: str, threads: int):
    """One in-process llama.cpp server per GGUF file (OpenAI protocol on a free loopback port)."""
    with _servers_lock:
        if model_path not in _servers:
            import xllamacpp

            params = xllamacpp.CommonParams()
            params.model.path = model_path
            params.n_ctx = 4096
            params.cpuparams.n_threads = threads
            params.cpuparams_batch.n_threads = threads
            params.verbosity = -1
            params.port = 0
            try:
                _servers[model_path] = xllamacpp.Server(params)
            except Exception as exc:
                raise BackendError(f"cannot load the GGUF model {model_path}: {exc}") from None
        return _servers[model_path]


def chat_model(settings: Settings):
    """The langchain chat model the settings name (never for 'extractive')."""
    backend = settings.backend
    require_extra(backend)
    common = {"temperature": 0.0, "max_tokens": settings.llm_max_tokens}
    if backend in ("openai", "llamacpp"):
        from langchain_openai import ChatOpenAI

        if backend == "llamacpp":
            server = local_llama_server(str(settings.llm_model_path), max(1, settings.torch_threads))
            base_url, model, key = server.listening_address.rstrip("/") + "/v1", "local-gguf", "local"
        else:
            base_url, model = settings.llm_base_url, settings.llm_model
            key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
        return ChatOpenAI(base_url=base_url, model=model, api_key=key, timeout=settings.llm_timeout,
                          max_retries=0, streaming=True, **common)
    if backend == "ollama":
        from langchain_ollama import ChatOllama

        return ChatOllama(base_url=settings.llm_base_url or "http://127.0.0.1:11434", model=settings.llm_model,
                          temperature=0.0, num_predict=settings.llm_max_tokens,
                          client_kwargs={"timeout": settings.llm_timeout})
    raise BackendError(f"unknown backend {backend!r}")


def numbered(passages) -> str:
    return "\n\n".join(f"[{i}] ({p.section}) {p.text}" for i, p in enumerate(passages, 1))


class LLMAnswerer:
    """Streams the model's answer sentence by sentence, each one grounded before it is shown."""

    def __init__(self, model, settings: Settings, fallback: ExtractiveAnswerer, name: str | None = None):
        self.model = model
        self.settings = settings
        self.fallback = fallback
        self.name = name or settings.backend

    def stream(self, question: Question, evidence: Evidence, index=None) -> Iterator[str | AnswerNote]:
        from langchain_core.messages import HumanMessage, SystemMessage

        passages = [h.passage for h in evidence.hits]
        grounder = Grounder(index, passages, self.settings.grounding_min_overlap,
                            self.settings.grounding_min_similarity)
        messages = [SystemMessage(SYSTEM + "\n\nPassages:\n\n" + numbered(passages)),
                    HumanMessage(question.text)]
        shown, buffer = 0, ""
        try:
            for chunk in self.model.stream(messages):
                buffer += chunk.content if isinstance(chunk.content, str) else ""
                done, buffer = sentences_in(buffer)
                for sentence in done:
                    kept = grounder.check(sentence)
                    if kept:
                        yield ("" if not shown else " ") + kept
                        shown += 1
            kept = grounder.check(buffer) if buffer.strip() else None
            if kept:
                yield ("" if not shown else " ") + kept
                shown += 1
        except Exception as exc:  # connection refused, HTTP 500, a malformed stream, a timeout
            log.warning("the %s backend failed (%s); answering extractively", self.name, describe(exc))
            grounder.report.fallback = f"{self.name} failed: {describe(exc)}"
        if not shown and grounder.report.fallback is None:
            grounder.report.fallback = "nothing the model wrote was supported by the passages"
        if grounder.report.fallback:
            if shown:
                yield "\n\n"
            yield from self.fallback.stream(question, evidence, index)
            yield AnswerNote(answered_by="extractive", grounding=grounder.report.as_dict())
            return
        yield AnswerNote(answered_by=self.name, grounding=grounder.report.as_dict())

    def rewrite(self, question: str, history: list[dict], fallback: str, model=None) -> str:
        """The condense-question pattern; the rule-based rewrite when the model fails or rambles."""
        if not history:
            return fallback
        from langchain_core.messages import HumanMessage

        conversation = "\n".join(f"{m['role']}: {m['content'][:400]}" for m in history[-6:])
        try:
            out = self.model.invoke([HumanMessage(CONDENSE.format(conversation=conversation, question=question))])
            text = (out.content if isinstance(out.content, str) else "").strip().strip('"').splitlines()
            text = text[0].strip() if text else ""
        except Exception as exc:
            log.warning("the %s backend could not rewrite the follow-up (%s)", self.name, describe(exc))
            return fallback
        if not text or len(text) > 3 * max(len(question), len(fallback)) + 40:
            return fallback
        if model is not None and set(model.find_subjects(fallback)) - set(model.find_subjects(text)):
            return fallback  # the model lost a subject the conversation is about
        return text


def describe(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def make_answerer(settings: Settings):
    extractive = ExtractiveAnswerer(settings.max_sentences, settings.support_ratio, settings.min_support_similarity)
    if settings.backend == "extractive":
        return extractive
    return LLMAnswerer(chat_model(settings), settings, extractive)
