"""The fixed eval set: well formed, scored honestly, run offline with the network cut, and gated."""

import json
import re
import shutil
import subprocess

import pytest

from evals.scoring import Case, Outcome, load_cases, score_case

from conftest import ARTICLE, ROOT, run_cli

REQUIRED = {"table", "section", "frameworks-do", "choose", "comparison", "recommendation", "followup",
            "false-premise", "paraphrase", "out-of-scope", "near-miss"}


def test_eval_set_is_well_formed(bot):
    cases = load_cases()
    assert len(cases) >= 80
    assert {c.category for c in cases} >= REQUIRED
    heldout = [c for c in cases if c.split == "heldout"]
    assert 0.15 <= len(heldout) / len(cases) <= 0.3 and {c.split for c in cases} == {"tune", "heldout"}
    texts = [p.text for p in bot.index.passages]
    for c in cases:
        for pattern in c.must + c.must_not + ([c.standalone] if c.standalone else []):
            re.compile(pattern)
        if c.refuse:
            assert not c.must and not c.passages, c.id
            continue
        assert c.must and c.passages, c.id
        for fragment in c.passages:  # every expected passage really is in the corpus
            assert any(fragment in t for t in texts), (c.id, fragment)


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


def test_eval_runs_offline_and_passes_the_gate(bot, data_dir, tmp_path):
    args = ["eval", "--out", str(tmp_path), "--check", str(ROOT / "evals" / "thresholds.yaml")]
    env = {"STACK_ASSISTANT_DATA_DIR": str(data_dir)}
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"]).returncode == 0:
        from conftest import CLI
        result = subprocess.run(["unshare", "-n", str(CLI), *args], capture_output=True, text=True,
                                env={**__import__("os").environ, **env}, timeout=600)
    else:  # no network namespaces here: still offline by settings, but say so
        pytest.skip("unshare -n is not available to cut the network")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["n_cases"] >= 80
    for system in ("assistant", "baseline"):
        assert {"pass_rate", "hit_at_1", "hit_at_3", "mrr", "fact_recall", "refusal_recall",
                "latency_p50_ms"} <= set(report[system])
    assert report["assistant"]["pass_rate"] > report["baseline"]["pass_rate"]
    assert (tmp_path / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    markdown = (tmp_path / "report.md").read_text()
    assert "## By category" in markdown and "## Failing cases (assistant)" in markdown
