"""Runs the eval set through the assistant (and the plain-langchain baseline) and scores it."""

from __future__ import annotations

import time
from typing import Callable, Iterable

from assistant import Assistant, reply_to_json

from .scoring import Case, CaseResult, Outcome, load_cases, score_case, summarise


def history_for(bot_ask: Callable, turns: list[str]) -> list[dict]:
    """The conversation before the scored turn, with the system's own earlier answers."""
    history: list[dict] = []
    for turn in turns[:-1]:
        answer = bot_ask(turn, history)
        history += [{"role": "user", "content": turn}, {"role": "assistant", "content": answer}]
    return history


def run_assistant(bot: Assistant, cases: Iterable[Case], progress: Callable | None = None) -> list[CaseResult]:
    corpus_texts = {p.text for p in bot.index.passages}
    results = []
    for case in cases:
        history = history_for(lambda q, h: bot.ask(q, h).text, case.turns)
        start = time.perf_counter()
        reply = bot.ask(case.question, history)
        latency = (time.perf_counter() - start) * 1000
        data = reply_to_json(reply)
        retrieved = [bot.index.by_id[cid].text for cid in reply.retrieved]
        outcome = Outcome(data["answer"], reply.refused, data["citations"], retrieved,
                          reply.standalone_question, latency)
        results.append(score_case(case, outcome, corpus_texts))
        if progress:
            progress()
    return results


if __name__ == "__main__":  # quick look while tuning: python -m evals.runner [split]
    import sys

    bot = Assistant.load()
    cases = [c for c in load_cases() if len(sys.argv) < 2 or c.split == sys.argv[1]]
    results = run_assistant(bot, cases)
    for r in results:
        if not r.passed:
            print(f"FAIL {r.id} [{r.category}] {r.question}\n   {'; '.join(r.why)}\n   -> {r.answer[:300]}")
    print(summarise(results))
