"""The stack-assistant command, run as a user runs it (a real process, real index)."""

import json

import pytest

from conftest import run_cli


@pytest.fixture(scope="module")
def env(bot, data_dir):  # the session's index is already built in data_dir
    return {"STACK_ASSISTANT_DATA_DIR": str(data_dir)}


def test_ask_json_answers_with_valid_citations(env):
    result = run_cli("ask", "How hard is Kubeflow to set up?", "--json", env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert not data["refused"] and "**High**" in data["answer"]
    assert data["citations"] and {c["section"] for c in data["citations"]} <= {"Kubeflow", "The Honest Comparison"}
    assert data["standalone_question"] == "How hard is Kubeflow to set up?"
    assert "Traceback" not in result.stderr


def test_ask_json_refuses_out_of_scope(env):
    result = run_cli("ask", "What is the capital of France?", "--json", env=env)
    data = json.loads(result.stdout)
    assert result.returncode == 0 and data["refused"] and data["citations"] == []


def test_ask_with_history_file(env, tmp_path):
    history = tmp_path / "h.json"
    history.write_text(json.dumps([{"role": "user", "content": "Which team size suits Kubeflow?"},
                                   {"role": "assistant", "content": "20+"}]))
    result = run_cli("ask", "and for Prefect?", "--history", str(history), "--json", env=env)
    data = json.loads(result.stdout)
    assert data["standalone_question"] == "Which team size suits Prefect?" and "**Any**" in data["answer"]


@pytest.mark.parametrize("args, extra_env, code, message", [
    (["ask", ""], {}, 2, "error: the question is empty"),
    (["ask", "hi", "--bogus"], {}, 2, "No such option"),
    (["ask", "hi"], {"STACK_ASSISTANT_TOP_K": "many"}, 2, "invalid setting: top_k"),
    (["ask", "hi"], {"STACK_ASSISTANT_NOPE": "1"}, 2, "unknown setting(s) in the environment: STACK_ASSISTANT_NOPE"),
    (["ask", "hi", "--corpus-dir", "/nonexistent/corpus"], {}, 1, "error: corpus folder not found"),
    (["ask", "hi", "--chroma-url", "ftp://x"], {}, 2, "must start with http"),
])
def test_errors_are_one_clear_line(env, args, extra_env, code, message):
    result = run_cli(*args, env={**env, **extra_env})
    assert result.returncode == code, (result.stdout, result.stderr)
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len([ln for ln in result.stderr.splitlines() if ln.startswith("error")]) <= 1


def test_index_reports_an_up_to_date_index(env):
    result = run_cli("index", env=env)
    assert result.returncode == 0, result.stderr
    assert "index up to date" in result.stdout and "passages" in result.stdout


def test_chat_follows_up_in_the_terminal(env):
    result = run_cli("chat", env=env, input="Tell me about Metaflow.\nWhat's its learning curve?\n\n")
    assert result.returncode == 0, result.stderr
    assert "(searched for: What's Metaflow's learning curve?)" in result.stdout
    assert "Metaflow's learning curve is **Low–Medium**" in result.stdout


def test_help_everywhere():
    for args in (["--help"], ["ask", "--help"], ["index", "--help"], ["chat", "--help"]):
        result = run_cli(*args)
        assert result.returncode == 0 and "Usage:" in result.stdout
