"""The eval report: a markdown summary and a per-category chart (assistant vs baseline)."""

from __future__ import annotations

from pathlib import Path

LABELS = {
    "pass_rate": "cases passed", "hit_at_1": "retrieval hit@1", "hit_at_3": "retrieval hit@3",
    "mrr": "retrieval MRR", "fact_recall": "answer fact recall", "forbidden_rate": "forbidden-fact rate ↓",
    "citation_validity": "citation validity", "citation_precision": "citation precision",
    "refusal_precision": "refusal precision", "refusal_recall": "refusal recall",
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
    has_baseline = "baseline" in report
    lines = [
        "# Evaluation report",
        "",
        f"{report['n_cases']} cases from `evals/{report['cases_file']}`, answered by the `{report['backend']}` "
        "backend, fully offline. The baseline is the plain langchain pipeline from the tutorials "
        "(RecursiveCharacterTextSplitter 1000/200, the same embedding model, top-4 similarity search, the "
        "chunks shown as the answer), scored by the same rules.",
        "",
        "## Headline",
        "",
        "| metric | assistant | baseline | assistant ÷ baseline |" if has_baseline else "| metric | assistant |",
        "|---|---:|---:|---:|" if has_baseline else "|---|---:|",
    ]
    for key, label in LABELS.items():
        row = f"| {label} | {fmt(report['assistant'][key])} |"
        if has_baseline:
            row += f" {fmt(report['baseline'][key])} | {fmt(report.get('ratios', {}).get(key))} |"
        lines.append(row)

    if report.get("grounding"):
        g = report["grounding"]
        lines += ["", "## Grounding check", "",
                  f"{g['answers']} model answers: {g['sentences_checked']} sentences checked, "
                  f"{g['sentences_dropped']} dropped as unsupported, {g['unknown_markers_removed']} markers to "
                  f"missing passages removed, {g['fallbacks']} answers fell back to the extractive answerer."]
    lines += ["", "## Tuning split vs held-back split", "",
              "Refusal thresholds were tuned on `tune` only; `heldout` was never used for tuning.", "",
              "| system | split | n | passed | hit@3 | fact recall | refusal recall | refusal precision |",
              "|---|---|---:|---:|---:|---:|---:|---:|"]
    for system in ("assistant", "baseline") if has_baseline else ("assistant",):
        for split, m in sorted(report[f"{system}_by_split"].items()):
            lines.append(f"| {system} | {split} | {m['n']} | {fmt(m['pass_rate'])} | {fmt(m['hit_at_3'])} | "
                         f"{fmt(m['fact_recall'])} | {fmt(m['refusal_recall'])} | {fmt(m['refusal_precision'])} |")

    lines += ["", "## By category", "",
              "| category | n | passed (assistant / baseline) | hit@3 | fact recall | refusal recall |",
              "|---|---:|---:|---:|---:|---:|"]
    for category, m in report["assistant_by_category"].items():
        b = report.get("baseline_by_category", {}).get(category, {})
        pair = lambda key: f"{fmt(m[key])} / {fmt(b.get(key))}" if has_baseline else fmt(m[key])  # noqa: E731
        lines.append(f"| {category} | {m['n']} | {pair('pass_rate')} | {pair('hit_at_3')} | "
                     f"{pair('fact_recall')} | {pair('refusal_recall')} |")

    lines += ["", "![Pass rate by category, assistant vs baseline](report.png)", "",
              "## Failing cases (assistant)", ""]
    failing = [c for c in report["assistant_cases"] if not c["passed"]]
    if not failing:
        lines.append("None.")
    for c in failing:
        answer = c["answer"].replace("\n", " ")
        lines += [f"### `{c['id']}` ({c['category']}, {c['split']})", "",
                  f"- question: {c['question']}", f"- why: {'; '.join(c['why'])}", f"- answer: {answer}", ""]
    if has_baseline:
        failed = [c["id"] for c in report["baseline_cases"] if not c["passed"]]
        lines += ["", f"## Baseline: {len(failed)} failing cases", "", ", ".join(f"`{i}`" for i in failed), ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


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
