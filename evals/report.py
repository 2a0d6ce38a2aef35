"""The eval report: a markdown summary (every set, then the first in detail, then every failing case), a
per-category chart of the first set and a per-set chart (assistant vs baseline)."""

from __future__ import annotations

from pathlib import Path

LABELS = {
    "pass_rate": "cases passed", "hit_at_1": "retrieval hit@1", "hit_at_3": "retrieval hit@3",
    "mrr": "retrieval MRR", "fact_recall": "answer fact recall", "forbidden_rate": "forbidden-fact rate ↓",
    "citation_validity": "citation validity", "citation_precision": "citation precision",
    "refusal_precision": "refusal precision", "refusal_recall": "refusal recall",
    "in_scope_refused_rate": "answerable cases refused ↓", "out_of_scope_recall": "out-of-scope cases refused",
    "followup_accuracy": "follow-up accuracy", "answer_words_mean": "answer length (words)",
    "latency_p50_ms": "latency p50 (ms)", "latency_p95_ms": "latency p95 (ms)",
}


def fmt(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1.0 else f"{value:.1f}"
    return str(value)


def write_markdown(report: dict, path: Path) -> None:
    """Every set in one table, then the first set in detail, then the failing cases of every set."""
    first_name, first = first_set(report)
    lines = ["# Evaluation report", "", intro(report, first), ""]
    if len(report.get("sets", {})) > 1:
        lines += sets_table(report) + [""]
    lines += [f"## Headline — `{first_name}`", ""] if len(report.get("sets", {})) > 1 else ["## Headline", ""]
    lines += headline_table(report)
    lines += grounding_lines(report.get("grounding"))
    lines += split_table(report) + category_table(report)
    lines += ["", "![Pass rate by category, assistant vs baseline](report.png)", ""]
    lines += failing_cases(report)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def first_set(report: dict) -> tuple[str, dict]:
    """The set whose numbers fill the top-level keys (reports from before suites have no "sets")."""
    sets = report.get("sets") or {"": {"cases_file": f"evals/{report['cases_file']}", "corpus": "corpus"}}
    name = next(iter(sets))
    return name, sets[name]


def intro(report: dict, first: dict) -> str:
    n_sets = len(report.get("sets", {}))
    what = (f"{n_sets} eval sets over their own corpora; below them, `{first['cases_file']}` "
            f"({report['n_cases']} cases) in detail" if n_sets > 1
            else f"{report['n_cases']} cases from `{first['cases_file']}`")
    return (f"{what}, answered by the `{report['backend']}` backend, fully offline. The baseline is the plain "
            "langchain pipeline from the tutorials (RecursiveCharacterTextSplitter 1000/200, the same embedding "
            "model, top-4 similarity search, the chunks shown as the answer) over the same corpus, scored by the "
            "same rules.")


def sets_table(report: dict) -> list[str]:
    has_baseline = any("baseline" in s for s in report["sets"].values())
    lines = ["## Every corpus and set", "",
             "| set | cases | assistant pass | baseline pass | in-scope refused (assistant) ↓ | "
             "out-of-scope recall (assistant) | hit@3 assistant / baseline |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, s in report["sets"].items():
        a, b = s["assistant"], s.get("baseline", {})
        lines.append(f"| `{name}` | {s['n_cases']} | {fmt(a['pass_rate'])} | {fmt(b.get('pass_rate'))} | "
                     f"{fmt(s['in_scope_refused_rate'])} | {fmt(s['out_of_scope_recall'])} | "
                     f"{fmt(a['hit_at_3'])} / {fmt(b.get('hit_at_3'))} |")
    lines += ["", "Corpora: " + "; ".join(f"`{name}`: `{s['corpus']}` with `{s['cases_file']}`"
                                          for name, s in report["sets"].items()) + "."]
    if has_baseline:
        lines += ["", "![Pass rate per set, assistant vs baseline](sets.png)"]
    return lines


def headline_table(report: dict) -> list[str]:
    has_baseline = "baseline" in report
    lines = ["| metric | assistant | baseline | assistant ÷ baseline |" if has_baseline else "| metric | assistant |",
             "|---|---:|---:|---:|" if has_baseline else "|---|---:|"]
    for key, label in LABELS.items():
        if key not in report["assistant"]:  # reports from before a metric existed
            continue
        row = f"| {label} | {fmt(report['assistant'][key])} |"
        if has_baseline:
            row += f" {fmt(report['baseline'][key])} | {fmt(report.get('ratios', {}).get(key))} |"
        lines.append(row)
    return lines


def grounding_lines(g: dict | None) -> list[str]:
    if not g:
        return []
    return ["", "## Grounding check", "",
            f"{g['answers']} model answers: {g['sentences_checked']} sentences checked, "
            f"{g['sentences_dropped']} dropped as unsupported, {g['unknown_markers_removed']} markers to "
            f"missing passages removed, {g['fallbacks']} answers fell back to the extractive answerer."]


def split_table(report: dict) -> list[str]:
    lines = ["", "## Tuning split vs held-back split", "",
             "Refusal thresholds were tuned on `tune` only; `heldout` was never used for tuning.", "",
             "| system | split | n | passed | hit@3 | fact recall | refusal recall | refusal precision |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for system in ("assistant", "baseline") if "baseline" in report else ("assistant",):
        for split, m in sorted(report[f"{system}_by_split"].items()):
            lines.append(f"| {system} | {split} | {m['n']} | {fmt(m['pass_rate'])} | {fmt(m['hit_at_3'])} | "
                         f"{fmt(m['fact_recall'])} | {fmt(m['refusal_recall'])} | {fmt(m['refusal_precision'])} |")
    return lines


def category_table(report: dict) -> list[str]:
    has_baseline = "baseline" in report
    lines = ["", "## By category", "",
             "| category | n | passed (assistant / baseline) | hit@3 | fact recall | refusal recall |",
             "|---|---:|---:|---:|---:|---:|"]
    for category, m in report["assistant_by_category"].items():
        b = report.get("baseline_by_category", {}).get(category, {})
        pair = lambda key: f"{fmt(m[key])} / {fmt(b.get(key))}" if has_baseline else fmt(m[key])  # noqa: E731
        lines.append(f"| {category} | {m['n']} | {pair('pass_rate')} | {pair('hit_at_3')} | "
                     f"{pair('fact_recall')} | {pair('refusal_recall')} |")
    return lines


def failing_cases(report: dict) -> list[str]:
    """Every failing assistant case, set by set, then the ids the baseline failed."""
    sets = report.get("sets") or {"": {"assistant_cases": report["assistant_cases"], "n_cases": report["n_cases"],
                                       "baseline_failing": [c["id"] for c in report.get("baseline_cases", [])
                                                            if not c["passed"]]}}
    lines = ["## Failing cases (assistant)", ""]
    for name, s in sets.items():
        failing = [c for c in s["assistant_cases"] if not c["passed"]]
        if name:
            lines += [f"### `{name}`: {len(failing)} of {s['n_cases']} failing", ""]
        lines += [] if failing else ["None.", ""]
        for c in failing:
            answer = c["answer"].replace("\n", " ")
            lines += [f"{'####' if name else '###'} `{c['id']}` ({c['category']}, {c['split']})", "",
                      f"- question: {c['question']}", f"- why: {'; '.join(c['why'])}", f"- answer: {answer}", ""]
    if "baseline" in report:
        lines += baseline_failing(sets)
    return lines


def baseline_failing(sets: dict) -> list[str]:
    total = sum(len(s.get("baseline_failing", [])) for s in sets.values())
    lines = ["", f"## Baseline: {total} failing cases", ""]
    for name, s in sets.items():
        ids = ", ".join(f"`{i}`" for i in s.get("baseline_failing", [])) or "none"
        lines += [f"- `{name}`: {ids}" if name else ids]
    return lines + [""]


def write_chart(report: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    categories = list(report["assistant_by_category"])
    ours = [report["assistant_by_category"][c]["pass_rate"] for c in categories]
    fig, ax = plt.subplots(figsize=(10, 4.5), dpi=110)
    width = 0.4
    xs = range(len(categories))
    ax.bar([x - width / 2 for x in xs], ours, width, label="assistant", color="#e8743b")
    if "baseline_by_category" in report:
        theirs = [report["baseline_by_category"][c]["pass_rate"] for c in categories]
        ax.bar([x + width / 2 for x in xs], theirs, width, label="plain langchain baseline", color="#7a8a99")
    ax.set_xticks(list(xs), categories, rotation=30, ha="right")
    ax.set_ylim(0, 1.18)
    ax.set_ylabel("cases passed")
    ax.set_title(f"Eval pass rate by category ({report['n_cases']} cases)")
    ax.legend(loc="upper center", ncol=2, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def write_sets_chart(report: dict, path: Path) -> None:
    """Pass rate of every set, assistant beside baseline."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(report["sets"])
    fig, ax = plt.subplots(figsize=(max(6, 1.6 * len(names) + 2), 4.5), dpi=110)
    width = 0.4
    xs = range(len(names))
    ax.bar([x - width / 2 for x in xs], [report["sets"][n]["assistant"]["pass_rate"] or 0 for n in names], width,
           label="assistant", color="#e8743b")
    if all("baseline" in report["sets"][n] for n in names):
        ax.bar([x + width / 2 for x in xs], [report["sets"][n]["baseline"]["pass_rate"] or 0 for n in names],
               width, label="plain langchain baseline", color="#7a8a99")
    ax.set_xticks(list(xs), [f"{n}\n({report['sets'][n]['n_cases']})" for n in names], rotation=0)
    ax.set_ylim(0, 1.18)
    ax.set_ylabel("cases passed")
    ax.set_title("Eval pass rate per corpus and set (cases)")
    ax.legend(loc="upper center", ncol=2, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
