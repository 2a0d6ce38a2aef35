"""Runs eval sets through the assistant and the plain-langchain baseline, each on its own corpus, scores
both with the same rules, and writes the report (markdown, JSON, charts). `stack-assistant eval` calls
`run_suite` (one entry per corpus and set, see evals/suite.py); `run_eval` is the one-set form."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Callable

from assistant import Assistant, reply_to_json
from assistant.settings import Settings

from .scoring import CASES_FILE, Case, CaseResult, Outcome, load_cases, score_case, summarise
from .suite import DEFAULT_NAME, Entry, SuiteError, name_for

REPORTS = Path(__file__).resolve().parent / "reports"
PROJECT = Path(__file__).resolve().parent.parent
HEADLINE = ["pass_rate", "hit_at_1", "hit_at_3", "mrr", "fact_recall", "forbidden_rate", "citation_validity",
            "citation_precision", "refusal_precision", "refusal_recall", "in_scope_refused_rate",
            "out_of_scope_recall", "followup_accuracy", "answer_words_mean", "latency_p50_ms", "latency_p95_ms"]
COLLECTION_PREFIX = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_-]{2,40}$")  # Settings.collection_prefix's pattern

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
    """Score one eval set on the assistant's own corpus (and the baseline); write and return the report."""
    entry = Entry(name_for(Path(cases_file)), Path(bot.settings.corpus_dir).resolve(), Path(cases_file).resolve())
    return run_suite(bot.settings, [entry], out_dir, baseline, progress_factory, bot=bot)


def run_suite(settings: Settings, entries: list[Entry], out_dir: Path = REPORTS, baseline: bool = True,
              progress_factory=None, bot: Assistant | None = None) -> dict:
    """Score every entry (a corpus and an eval set) on the assistant and the baseline, each on the
    entry's corpus; write report.{md,json,png} to out_dir and return the JSON. The first entry also
    fills the report's top-level keys. ``bot``, if given, is the assistant of settings.corpus_dir."""
    systems = Systems(settings, bot, baseline)
    for entry in entries:  # a set name too long for a collection prefix fails before anything runs
        systems.settings_for(entry)
    try:
        scored = {e.name: score_entry(systems, e, progress_factory) for e in entries}
    finally:
        systems.close()
    first = entries[0]
    report = build_report(scored[first.name], first.cases_file, systems.backend)
    report["grounding"] = grounding_totals(scored[first.name]["assistant"])
    report["sets"] = {e.name: set_report(e, scored[e.name]) for e in entries}
    write_report(report, Path(out_dir))
    return report


def score_entry(systems: "Systems", entry: Entry, progress_factory=None) -> dict[str, list[CaseResult]]:
    """Both systems on one entry's cases, scored against that entry's corpus."""
    cases = load_cases(entry.cases_file)
    bot = systems.assistant_for(entry)
    texts, document = corpus_of(bot)
    asks = {"assistant": assistant_asker(bot)}
    if systems.baseline:
        asks["baseline"] = baseline_asker(systems.baseline_for(entry, bot.settings))
    results: dict[str, list[CaseResult]] = {}
    for name, ask in asks.items():
        label = name if entry.name == DEFAULT_NAME else f"{entry.name} {name}"
        with (progress_factory(label, len(cases)) if progress_factory else _nothing()) as tick:
            results[name] = run_system(ask, cases, texts, document, progress=tick)
    return results


class Systems:
    """The assistants and baseline pipelines of one run, one of each per corpus, made when first needed.
    An assistant on another corpus than settings.corpus_dir shares the data dir but gets its own
    collection prefix ("<prefix>-<set name>"), so the builds of one run never drop each other. (The next
    load of the article's index, whose prefix starts theirs, drops them; the next run rebuilds them.)"""

    def __init__(self, settings: Settings, bot: Assistant | None, baseline: bool):
        self.settings = settings
        self.baseline = baseline
        self.assistants: dict[Path, Assistant] = {Path(settings.corpus_dir).resolve(): bot} if bot else {}
        self.pipelines: dict[Path, object] = {}

    @property
    def backend(self) -> str:
        return next(iter(self.assistants.values())).answerer.name

    def assistant_for(self, entry: Entry) -> Assistant:
        if entry.corpus not in self.assistants:
            self.assistants[entry.corpus] = Assistant.load(self.settings_for(entry))
        return self.assistants[entry.corpus]

    def settings_for(self, entry: Entry) -> Settings:
        if entry.corpus == Path(self.settings.corpus_dir).resolve():
            return self.settings
        prefix = f"{self.settings.collection_prefix}-{entry.name}"
        if not COLLECTION_PREFIX.match(prefix):
            raise SuiteError(f"set name {entry.name!r} makes the collection prefix {prefix!r} too long (41 at most)")
        return self.settings.model_copy(update={"corpus_dir": entry.corpus, "collection_prefix": prefix})

    def baseline_for(self, entry: Entry, settings: Settings):
        """The plain pipeline over the entry's corpus (settings.corpus_dir is what it indexes)."""
        if entry.corpus not in self.pipelines:
            from .baseline import PlainPipeline

            self.pipelines[entry.corpus] = PlainPipeline(settings)
        return self.pipelines[entry.corpus]

    def close(self) -> None:
        for pipeline in self.pipelines.values():
            pipeline.close()


def write_report(report: dict, out_dir: Path) -> None:
    from .report import write_chart, write_markdown, write_sets_chart

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    write_markdown(report, out_dir / "report.md")
    write_chart(report, out_dir / "report.png")
    if len(report["sets"]) > 1:
        write_sets_chart(report, out_dir / "sets.png")


def set_report(entry: Entry, results: dict[str, list[CaseResult]]) -> dict:
    """One entry's part of report["sets"]: headlines, refusal rates of both systems, every assistant case
    and the ids of the baseline's failures (its cases carry whole chunks, so they stay at the top level)."""
    from .scoring import as_dict

    report: dict = {"n_cases": len(results["assistant"]), "corpus": display_path(entry.corpus),
                    "cases_file": display_path(entry.cases_file)}
    for name, rs in results.items():
        overall = summarise(rs)
        prefix = "" if name == "assistant" else f"{name}_"
        report[name] = {k: overall[k] for k in HEADLINE}
        report[f"{name}_by_category"] = by_group(rs, "category")
        report[f"{prefix}in_scope_refused_rate"] = overall["in_scope_refused_rate"]
        report[f"{prefix}out_of_scope_recall"] = overall["out_of_scope_recall"]
    report["assistant_cases"] = [as_dict(r) for r in results["assistant"]]
    if "baseline" in results:
        report["baseline_failing"] = [r.id for r in results["baseline"] if not r.passed]
    report["grounding"] = grounding_totals(results["assistant"])
    return report


def display_path(path: Path) -> str:
    """Relative to the project when inside it (reports stay the same on every machine)."""
    try:
        return str(Path(path).resolve().relative_to(PROJECT))
    except ValueError:
        return str(path)


def grounding_totals(results: list[CaseResult]) -> dict | None:
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
