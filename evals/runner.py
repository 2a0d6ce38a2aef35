"""Runs the eval set through the assistant and the plain-langchain baseline, scores both with the
same rules, and writes the report (markdown, JSON, chart). `stack-assistant eval` calls `run_eval`."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable

from assistant import Assistant, reply_to_json

from .scoring import CASES_FILE, Case, CaseResult, Outcome, load_cases, score_case, summarise

REPORTS = Path(__file__).resolve().parent / "reports"
HEADLINE = ["pass_rate", "hit_at_1", "hit_at_3", "mrr", "fact_recall", "forbidden_rate", "citation_validity",
            "citation_precision", "refusal_precision", "refusal_recall", "followup_accuracy",
            "answer_words_mean", "latency_p50_ms", "latency_p95_ms"]

Ask = Callable[[str, list], Outcome]


def assistant_asker(bot: Assistant) -> Ask:
    def ask(question: str, history: list) -> Outcome:
        start = time.perf_counter()
        reply = bot.ask(question, history)
        latency = (time.perf_counter() - start) * 1000
        data = reply_to_json(reply)
        retrieved = [bot.index.by_id[cid].text for cid in reply.retrieved if cid in bot.index.by_id]
        return Outcome(data["answer"], reply.refused, data["citations"], retrieved,
                       reply.standalone_question, latency, reply.grounding)
    return ask


def baseline_asker(pipeline) -> Ask:
    def ask(question: str, history: list) -> Outcome:
        data = pipeline.ask(question, history)
        return Outcome(data["answer"], data["refused"], data["citations"], data["retrieved"],
                       data["standalone_question"], data["latency_ms"])
    return ask


def run_system(ask: Ask, cases: list[Case], corpus_texts: set[str], document_text: str,
               progress: Callable[[], None] | None = None) -> list[CaseResult]:
    results = []
    for case in cases:
        history: list[dict] = []
        for turn in case.turns[:-1]:  # earlier turns, answered by the same system
            history += [{"role": "user", "content": turn}, {"role": "assistant", "content": ask(turn, history).answer}]
        outcome = ask(case.question, history)
        results.append(score_case(case, outcome, corpus_texts, document_text))
        if progress:
            progress()
    return results


def run_assistant(bot: Assistant, cases: list[Case], progress=None) -> list[CaseResult]:
    return run_system(assistant_asker(bot), cases, *corpus_of(bot), progress=progress)


def corpus_of(bot: Assistant) -> tuple[set[str], str]:
    texts = {p.text for p in bot.index.passages}
    document = "\n".join(p.read_text(encoding="utf-8") for p in sorted(Path(bot.settings.corpus_dir).iterdir())
                         if p.is_file() and p.suffix in (".md", ".txt"))
    return texts, document


def by_group(results: list[CaseResult], key: str) -> dict[str, dict]:
    groups: dict[str, list[CaseResult]] = {}
    for r in results:
        groups.setdefault(getattr(r, key), []).append(r)
    return {name: summarise(rs) for name, rs in groups.items()}


def run_eval(bot: Assistant, cases_file: Path = CASES_FILE, out_dir: Path = REPORTS, baseline: bool = True,
             progress_factory=None) -> dict:
    """Score the assistant (and the baseline), write report.{md,json,png} to out_dir, return the JSON."""
    cases = load_cases(cases_file)
    texts, document = corpus_of(bot)
    systems = {"assistant": assistant_asker(bot)}
    pipeline = None
    if baseline:
        from .baseline import PlainPipeline

        pipeline = PlainPipeline(bot.settings)
        systems["baseline"] = baseline_asker(pipeline)
    results: dict[str, list[CaseResult]] = {}
    for name, ask in systems.items():
        with (progress_factory(name, len(cases)) if progress_factory else _nothing()) as tick:
            results[name] = run_system(ask, cases, texts, document, progress=tick)
    report = build_report(results, cases_file, bot.answerer.name)
    report["grounding"] = grounding_totals(bot, results["assistant"])
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    from .report import write_chart, write_markdown

    write_markdown(report, out_dir / "report.md")
    write_chart(report, out_dir / "report.png")
    return report


def grounding_totals(bot: Assistant, results: list[CaseResult]) -> dict | None:
    """For model backends: how many sentences the grounding check saw, dropped, and fallbacks."""
    notes = [r.grounding for r in results if r.grounding]
    if not notes:
        return None
    return {"answers": len(notes), "sentences_checked": sum(n["checked"] for n in notes),
            "sentences_dropped": sum(len(n["dropped"]) for n in notes),
            "unknown_markers_removed": sum(n["unknown_markers_removed"] for n in notes),
            "fallbacks": sum(1 for n in notes if n["fallback"])}


def build_report(results: dict[str, list[CaseResult]], cases_file: Path, backend: str) -> dict:
    from .scoring import as_dict

    report = {"n_cases": len(results["assistant"]), "cases_file": Path(cases_file).name, "backend": backend}
    for name, rs in results.items():
        overall = summarise(rs)
        report[name] = {k: overall[k] for k in HEADLINE}
        report[f"{name}_by_category"] = by_group(rs, "category")
        report[f"{name}_by_split"] = by_group(rs, "split")
        report[f"{name}_cases"] = [as_dict(r) for r in rs]
    if "baseline" in results:
        report["ratios"] = {
            k: round(report["assistant"][k] / report["baseline"][k], 3)
            for k in HEADLINE if report["assistant"][k] is not None and report["baseline"].get(k)
        }
    return report


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


if __name__ == "__main__":  # quick look while tuning: python -m evals.runner [split]
    import sys

    bot = Assistant.load()
    cases = [c for c in load_cases() if len(sys.argv) < 2 or c.split == sys.argv[1]]
    results = run_assistant(bot, cases)
    for r in results:
        if not r.passed:
            print(f"FAIL {r.id} [{r.category}] {r.question}\n   {'; '.join(r.why)}\n   -> {r.answer[:300]}")
    print(summarise(results))
