"""Votes on answers: one whole line each under concurrent writers, a summary, and thumbs-down answers
exported as draft eval cases that the eval command runs."""

import json
import multiprocessing
import re

import pytest

from assistant import feedback, load_settings
from evals.scoring import load_cases

from conftest import run_cli

REPLY = {"answer": "Prefect's learning curve is **Low** [1].", "refused": False, "backend": "extractive",
         "standalone_question": "What is Prefect's learning curve?",
         "citations": [{"number": 1, "source": "mlops-stack-comparison.md", "section": "The Honest Comparison",
                        "quote": "Learning curve — Kubeflow: High; Metaflow: Low–Medium; Prefect: Low",
                        "chunk_id": "abc", "score": 0.5, "page": None}]}


def entry(vote="down", question="and its learning curve?", **kw):
    return feedback.make_entry(vote=vote, question=question, history=["Tell me about Prefect."], reply=REPLY,
                               corpus="mlops-article-0123", **kw)


def _vote(args):
    data_dir, n = args
    settings = load_settings(data_dir=data_dir)
    big = {**REPLY, "answer": f"answer {n} " + "x" * 20_000}  # long lines: interleaving would show
    feedback.record(settings, feedback.make_entry(vote="down" if n % 2 else "up", question=f"question {n}",
                                                  history=[], reply=big, corpus="c"))


def test_twenty_concurrent_votes_write_twenty_whole_lines(tmp_path):
    with multiprocessing.get_context("fork").Pool(20) as pool:
        pool.map(_vote, [(str(tmp_path), n) for n in range(20)], chunksize=1)
    lines = (tmp_path / "feedback.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 20
    parsed = [json.loads(line) for line in lines]
    assert sorted(int(p["question"].split()[1]) for p in parsed) == list(range(20))
    assert all(p["answer"].endswith("x" * 20_000) for p in parsed)
    entries, bad = feedback.read(tmp_path / "feedback.jsonl")
    assert bad == 0 and feedback.summarise(entries)["down"] == 10


def test_a_comment_replaces_its_vote_and_bad_lines_are_skipped(tmp_path):
    settings = load_settings(data_dir=tmp_path)
    first = entry()
    feedback.record(settings, first)
    feedback.record(settings, {**first, "comment": "too short"})
    with open(feedback.feedback_path(settings), "a", encoding="utf-8") as f:
        f.write("{not json\n")
    entries, bad = feedback.read(feedback.feedback_path(settings))
    assert bad == 1 and len(entries) == 1 and entries[0]["comment"] == "too short"
    with pytest.raises(feedback.FeedbackError):
        feedback.make_entry(vote="meh", question="q", history=[], reply=None, corpus="c")


def test_feedback_command_summarises_and_exports_cases_that_eval_runs(bot, data_dir, tmp_path):
    settings = load_settings(data_dir=data_dir)
    path = feedback.feedback_path(settings)
    path.unlink(missing_ok=True)
    env = {"STACK_ASSISTANT_DATA_DIR": str(data_dir)}
    empty = run_cli("feedback", env=env)
    assert empty.returncode == 0 and "No feedback yet" in empty.stdout
    feedback.record(settings, entry(vote="up", question="Is Prefect easy to learn?"))
    feedback.record(settings, entry(comment="It should compare it with Metaflow\nand Kubeflow"))
    out = tmp_path / "drafts.yaml"
    result = run_cli("feedback", "--export", str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert "2 votes" in result.stdout and "1 up, 1 down" in result.stdout and "and its learning curve?" in result.stdout
    assert "wrote 1 draft case(s)" in result.stdout
    text = out.read_text(encoding="utf-8")
    assert "# answered: Prefect's learning curve is **Low** [1]." in text
    assert "# comment: It should compare it with Metaflow" in text and "#          and Kubeflow" in text
    (case,) = load_cases(out)
    assert case.turns == ["Tell me about Prefect.", "and its learning curve?"] and case.category == "feedback"
    assert case.standalone and case.passages == [] and case.must == []
    ran = run_cli("eval", "--set", str(out), "--no-baseline", "--out", str(tmp_path / "report"), env=env, timeout=400)
    assert ran.returncode == 0, ran.stderr
    assert re.search(r"^1 cases: passed \d\.\d{3}", ran.stdout, re.M), ran.stdout
    (scored,) = json.loads((tmp_path / "report" / "report.json").read_text())["assistant_cases"]
    assert scored["id"] == case.id and scored["question"] == "Tell me about Prefect. → and its learning curve?"
    assert not scored["refused"] and scored["words"] > 3  # the draft's question was really asked
    assert json.loads(run_cli("feedback", "--json", env=env).stdout)["down"] == 1
