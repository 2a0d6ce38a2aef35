"""The fixed eval sets: well formed, scored honestly, run offline with the network cut, and gated."""

import json
import re
import shutil
import subprocess

import pytest

from evals.scoring import Case, Outcome, holds, load_cases, score_case
from evals.suite import SUITE_FILE, load_suite

from conftest import ARTICLE, ROOT

SUITE_NAMES = ["article", "article-generalization", "vector-databases", "task-queues"]

REQUIRED = {"table", "section", "frameworks-do", "choose", "comparison", "recommendation", "followup",
            "false-premise", "paraphrase", "out-of-scope", "near-miss"}


def test_eval_set_is_well_formed(bot):
    cases = load_cases()
    assert len(cases) >= 80
    assert {c.category for c in cases} >= REQUIRED
    heldout = [c for c in cases if c.split == "heldout"]
    assert 0.15 <= len(heldout) / len(cases) <= 0.3 and {c.split for c in cases} == {"tune", "heldout"}
    assert_well_formed(cases, [p.text for p in bot.index.passages])


def assert_well_formed(cases, texts, document=""):
    """Patterns compile, refusals expect nothing, and every expected passage really is in the corpus."""
    for c in cases:
        for pattern in c.must + c.must_not + ([c.standalone] if c.standalone else []):
            re.compile(pattern)
        if c.refuse:
            assert not c.must and not c.passages, c.id
            continue
        assert c.must and c.passages, c.id
        for fragment in c.passages:
            assert any(holds(fragment, t) for t in texts) or holds(fragment, document), (c.id, fragment)


def test_every_table_cell_is_asked_for_each_framework():
    cases = [c for c in load_cases() if c.category == "table"]
    asked = {(c.passages[0].split(" — ")[0], c.id.split("-")[-1]) for c in cases if " — Kubeflow" in c.passages[0]}
    for label in ("Setup complexity", "Learning curve", "Managed options", "ML-specific features",
                  "Best team size", "Infrastructure requirement", "Cost (self-hosted)"):
        for framework in ("kubeflow", "metaflow", "prefect"):
            assert (label, framework) in asked, (label, framework)


def test_scoring_fails_wrong_answers():
    case = Case(id="x", category="table", split="tune", turns=["How hard is Kubeflow to set up?"],
                passages=["Setup complexity — Kubeflow"], must=[r"\bHigh\b"], must_not=[r"\bLow\b"])
    texts = {"Setup complexity — Kubeflow: High; Metaflow: Medium; Prefect: Low–Medium"}
    good = Outcome("Kubeflow's setup complexity is **High** [1].", False,
                   [{"number": 1, "quote": next(iter(texts))}], list(texts), case.question, 1.0)
    assert score_case(case, good, texts).passed
    invented = Outcome("It is **High** [1] and **Low** [2].", False,
                       [{"number": 1, "quote": next(iter(texts))}], list(texts), case.question, 1.0)
    result = score_case(case, invented, texts)
    assert not result.passed and not result.citations_valid and result.forbidden
    refused = Outcome("The article doesn't cover that.", True, [], [], case.question, 1.0)
    assert not score_case(case, refused, texts).passed
    made_up_quote = Outcome("High [1].", False, [{"number": 1, "quote": "Kubeflow is easy."}], [], case.question, 1.0)
    assert not score_case(case, made_up_quote, texts, ARTICLE.read_text()).citations_valid


def test_suite_file_loads_every_corpus_and_set():
    entries = load_suite(SUITE_FILE)
    assert [e.name for e in entries] == SUITE_NAMES
    assert entries[0].cases_file == ROOT / "evals" / "cases.yaml" and entries[0].corpus == ROOT / "corpus"
    assert entries[1].corpus == entries[0].corpus and entries[2].corpus != entries[3].corpus != entries[0].corpus
    for e in entries:
        assert e.corpus.is_dir() and any(e.corpus.glob("*.md")), e.name
        assert load_cases(e.cases_file), e.name


@pytest.mark.parametrize("name", SUITE_NAMES[1:])
def test_every_suite_set_is_well_formed(name):
    """As for cases.yaml: patterns compile, answerable cases name facts and passages that are in their
    corpus (as a passage or a raw table row), refusals name none."""
    from assistant.corpus import load_corpus

    entry = next(e for e in load_suite(SUITE_FILE) if e.name == name)
    cases = load_cases(entry.cases_file)
    assert {c.refuse for c in cases} == {True, False}, "a set needs answerable and out-of-scope cases"
    texts = [p.text for p in load_corpus(entry.corpus).passages]
    document = "\n".join(p.read_text(encoding="utf-8") for p in sorted(entry.corpus.glob("*.md")))
    assert_well_formed(cases, texts, document)


def test_table_fragments_name_any_subject():
    assert holds("Persistence — Redis", "| Persistence | yes | no |")
    assert holds("Setup complexity — Kubeflow", "| Setup complexity | High | Medium |")
    assert holds("Persistence — Redis", "Persistence — Redis: yes; Kafka: no")
    assert not holds("Persistence — Redis: yes", "| Persistence | yes |")  # a cell value is not a row name
    assert not holds("Durability — Redis", "| Persistence | yes | no |")


@pytest.mark.parametrize("args, message", [
    (["--corpus", "/nonexistent/corpus", "--set", "evals/cases.yaml"], "corpus folder not found: /nonexistent/corpus"),
    (["--corpus", "corpus"], "--corpus corpus has no --set FILE"),
    (["--set", "evals/no-such-set.yaml"], "eval set not found"),
    (["--suite", "evals/no-such-suite.yaml"], "cannot read the suite"),
])
def test_eval_pairs_fail_clearly(args, message):
    result = subprocess.run([str(__import__("conftest").CLI), "eval", *args, "--out", "/nonexistent/out"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.strip().count("\n") == 0 and message in result.stderr, result.stderr
    assert result.stderr.startswith("error: ")


def test_eval_pairs_follow_the_order_given(tmp_path):
    from evals.suite import pair_entries, select_entries

    other = (tmp_path / "other").resolve()
    other.mkdir()
    sets = (str(ROOT / "evals" / "cases.yaml"), str(ROOT / "evals" / "generalization.yaml"))
    entries = pair_entries((str(other),), sets, ROOT / "corpus")
    assert [(e.name, e.corpus) for e in entries] == [("article", other), ("generalization", ROOT / "corpus")]
    both = select_entries(SUITE_FILE, (str(other),), (sets[0],), ROOT / "corpus")
    assert [e.name for e in both] == SUITE_NAMES + ["article-2"]
    assert [e.name for e in select_entries(None, (), (), ROOT / "corpus")] == ["article"]


def test_thresholds_gate_each_set():
    from evals.thresholds import check_thresholds, ungated_sets

    spec = ROOT / "evals" / "thresholds.yaml"
    report = {"sets": {name: {"assistant": {"pass_rate": 1.0, "hit_at_3": 1.0}, "in_scope_refused_rate": 0.0,
                              "out_of_scope_recall": 1.0} for name in SUITE_NAMES}}
    assert not [p for p in check_thresholds(report, spec) if p.startswith("sets.")]
    report["sets"]["task-queues"]["in_scope_refused_rate"] = 1.5
    report["sets"]["task-queues"]["assistant"]["pass_rate"] = None
    problems = [p for p in check_thresholds(report, spec) if p.startswith("sets.")]
    import yaml

    floors = yaml.safe_load(spec.read_text())
    floor = floors["sets.task-queues.assistant"]["min"]["pass_rate"]
    ceiling = floors["sets.task-queues.in_scope_refused_rate"]["max"]
    assert problems == [f"sets.task-queues.assistant.pass_rate = None, not a number >= {floor}",
                        f"sets.task-queues.in_scope_refused_rate = 1.5 > {ceiling}"]
    del report["sets"]["vector-databases"]
    assert any(p.startswith("sets.vector-databases.") for p in check_thresholds(report, spec))
    assert ungated_sets(report, spec) == ["vector-databases"]
    assert not any(p.startswith("sets.vector-databases.")
                   for p in check_thresholds(report, spec, skip_missing_sets=True))


def test_report_has_every_set_and_keeps_the_first_at_the_top(tmp_path):
    from evals.report import write_markdown
    from evals.runner import build_report, set_report
    from evals.suite import Entry

    case = Case(id="t-1", category="yes-no", split="tune", turns=["Is Kubeflow hard to set up?"],
                passages=["Setup complexity — Kubeflow"], must=[r"\bHigh\b"])
    out = Case(id="o-1", category="out-of-scope", split="heldout", turns=["Capital of France?"], refuse=True)
    texts = {"Setup complexity — Kubeflow: High; Metaflow: Medium; Prefect: Low–Medium"}
    said = Outcome("Yes, **High** [1].", False, [{"number": 1, "quote": next(iter(texts))}], list(texts), "q", 1.0)
    refused = Outcome("The article doesn't cover that.", True, [], [], "q", 1.0)
    results = {"assistant": [score_case(case, refused, texts), score_case(out, refused, texts)],
               "baseline": [score_case(case, said, texts), score_case(out, said, texts)]}
    entries = [Entry("article", ROOT / "corpus", ROOT / "evals" / "cases.yaml"),
               Entry("which-set", tmp_path, tmp_path / "cases.yaml")]
    report = build_report(results, entries[0].cases_file, "extractive")
    report["sets"] = {e.name: set_report(e, results) for e in entries}
    first = report["sets"]["article"]
    assert first["corpus"] == "corpus" and first["cases_file"] == "evals/cases.yaml"
    assert first["in_scope_refused_rate"] == 1.0 and first["out_of_scope_recall"] == 1.0
    assert first["baseline_in_scope_refused_rate"] == 0.0 and first["baseline_out_of_scope_recall"] == 0.0
    assert set(first["assistant_by_category"]) == {"yes-no", "out-of-scope"}
    assert report["n_cases"] == 2 and report["assistant"]["pass_rate"] == 0.5
    write_markdown(report, tmp_path / "report.md")
    markdown = (tmp_path / "report.md").read_text()
    assert markdown.index("## Every corpus and set") < markdown.index("## Headline")
    assert "| `which-set` | 2 | 0.500 | 0.500 | 1.000 | 1.000 | 0.000 / 1.000 |" in markdown
    assert "### `which-set`: 1 of 2 failing" in markdown and "#### `t-1` (yes-no, tune)" in markdown


def test_eval_runs_offline_and_passes_the_gate(bot, data_dir, tmp_path):
    args = ["eval", "--suite", str(ROOT / "evals" / "suite.yaml"), "--out", str(tmp_path),
            "--check", str(ROOT / "evals" / "thresholds.yaml")]
    env = {"STACK_ASSISTANT_DATA_DIR": str(data_dir)}
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"]).returncode == 0:
        from conftest import CLI
        result = subprocess.run(["unshare", "-n", str(CLI), *args], capture_output=True, text=True,
                                env={**__import__("os").environ, **env}, timeout=1500)
    else:  # no network namespaces here: still offline by settings, but say so
        pytest.skip("unshare -n is not available to cut the network")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["n_cases"] >= 80 and report["cases_file"] == "cases.yaml"  # the first set, at the top
    assert list(report["sets"]) == SUITE_NAMES
    for name, s in report["sets"].items():
        assert s["n_cases"] == len(load_cases(ROOT / "evals" / s["cases_file"].removeprefix("evals/"))), name
        assert {"pass_rate", "hit_at_3"} <= set(s["assistant"]) and {"pass_rate", "hit_at_3"} <= set(s["baseline"])
        assert s["in_scope_refused_rate"] is not None and s["out_of_scope_recall"] is not None, name
    for system in ("assistant", "baseline"):
        assert {"pass_rate", "hit_at_1", "hit_at_3", "mrr", "fact_recall", "refusal_recall",
                "latency_p50_ms"} <= set(report[system])
    assert report["assistant"]["pass_rate"] > report["baseline"]["pass_rate"]
    assert (tmp_path / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    markdown = (tmp_path / "report.md").read_text()
    assert "## By category" in markdown and "## Failing cases (assistant)" in markdown
    assert "## Every corpus and set" in markdown and all(f"| `{name}` |" in markdown for name in SUITE_NAMES)
    assert (tmp_path / "sets.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
