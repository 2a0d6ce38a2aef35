"""Scoring one reply against one eval case, and summarising many. Used for the assistant and the
baseline alike, so both are judged by exactly the same rules."""

from __future__ import annotations

import re
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

CASES_FILE = Path(__file__).with_name("cases.yaml")
MARKER = re.compile(r"\[(\d+)\]")
# "<row label> — <first-column subject>": a passage fragment naming one cell row of a comparison table
# ("Setup complexity — Kubeflow", "Persistence — Redis"). Categories are free text ("yes-no", "which", ...).
TABLE_FRAGMENT = re.compile(r"^(?P<label>.+?) — (?P<subject>[^:;]+)$")


@dataclass
class Case:
    id: str
    category: str
    split: str
    turns: list[str]
    passages: list[str] = field(default_factory=list)
    must: list[str] = field(default_factory=list)
    must_not: list[str] = field(default_factory=list)
    refuse: bool = False
    standalone: str | None = None

    @property
    def question(self) -> str:
        return self.turns[-1]


def load_cases(path: str | Path = CASES_FILE) -> list[Case]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    cases = [Case(**raw) for raw in data["cases"]]
    ids = [c.id for c in cases]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"duplicate case ids: {sorted(duplicates)}")
    return cases


@dataclass
class Outcome:
    """What one system said for one case, in the shape every system can produce."""

    answer: str
    refused: bool
    citations: list[dict]  # {"number", "quote", ...}
    retrieved: list[str]  # passage texts, best first
    standalone_question: str
    latency_ms: float
    grounding: dict | None = None  # model backends: what the grounding check did


@dataclass
class CaseResult:
    id: str
    category: str
    split: str
    question: str
    answer: str
    refused: bool
    expected_refusal: bool
    rank: int | None  # 1-based rank of the first expected passage among the retrieved, if any
    fact_recall: float | None
    forbidden: bool
    citations_valid: bool
    citation_precision: float | None
    standalone_ok: bool | None
    latency_ms: float
    words: int
    passed: bool
    why: list[str]
    grounding: dict | None = None


def holds(fragment: str, text: str) -> bool:
    """The fragment is in the text; a table-row fragment ("Cost (self-hosted) — Kubeflow", or any
    "<row label> — <subject>") also matches the raw markdown row ("| Cost (self-hosted) |") that other
    chunkers keep."""
    if fragment in text:
        return True
    m = TABLE_FRAGMENT.match(fragment)
    return bool(m) and f"| {m['label']} |" in text


def score_case(case: Case, out: Outcome, corpus_texts: set[str], document_text: str = "") -> CaseResult:
    why = []
    rank = None
    if case.passages:
        for i, text in enumerate(out.retrieved, 1):
            if any(holds(frag, text) for frag in case.passages):
                rank = i
                break
    answer = out.answer or ""
    recall = None
    forbidden = False
    if not case.refuse:
        hits = [bool(re.search(p, answer, re.I | re.M)) for p in case.must]
        recall = sum(hits) / len(hits) if hits else 1.0
        for p, ok in zip(case.must, hits):
            if not ok:
                why.append(f"missing /{p}/")
        for p in case.must_not:
            if re.search(p, answer, re.I | re.M):
                forbidden = True
                why.append(f"states forbidden /{p}/")
    valid, precision = check_citations(out, case, corpus_texts, document_text)
    if not valid:
        why.append("invalid citation")
    standalone_ok = None
    if case.standalone:
        standalone_ok = bool(re.search(case.standalone, out.standalone_question, re.I))
        if not standalone_ok:
            why.append(f"standalone question {out.standalone_question!r} lacks /{case.standalone}/")
    if out.refused != case.refuse:
        why.insert(0, "refused but should answer" if out.refused else "answered but should refuse")
    passed = out.refused == case.refuse and valid and (
        case.refuse or (recall == 1.0 and not forbidden and standalone_ok is not False)
    )
    return CaseResult(
        id=case.id, category=case.category, split=case.split, question=" → ".join(case.turns),
        answer=answer, refused=out.refused, expected_refusal=case.refuse, rank=rank,
        fact_recall=recall, forbidden=forbidden, citations_valid=valid,
        citation_precision=precision, standalone_ok=standalone_ok, latency_ms=out.latency_ms,
        words=len(answer.split()), passed=passed, why=why, grounding=out.grounding,
    )


def check_citations(out: Outcome, case: Case, corpus_texts: set[str],
                    document_text: str = "") -> tuple[bool, float | None]:
    """Validity: every [n] resolves, every citation is used and quotes corpus text; a refusal cites
    nothing. Precision: share of citations that hold an expected passage or a required fact."""
    numbers = {c["number"] for c in out.citations}
    used = {int(n) for n in MARKER.findall(out.answer or "")}
    valid = used <= numbers and numbers <= used and all(
        c["quote"] in corpus_texts or (c["quote"] and c["quote"] in document_text) for c in out.citations)
    if out.refused and out.citations:
        valid = False
    if not out.citations or case.refuse:
        return valid, None
    good = 0
    for c in out.citations:
        quote = c["quote"]
        if any(holds(frag, quote) for frag in case.passages) or any(re.search(p, quote, re.I) for p in case.must):
            good += 1
    return valid, good / len(out.citations)


def mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 4) if values else None


def percentile(values, q: float) -> float | None:
    values = sorted(values)
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 2)
    return round(statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1], 2)


def share(results: list[CaseResult], test) -> float | None:
    """The fraction of results for which test holds (None when there are none)."""
    return round(sum(1 for r in results if test(r)) / len(results), 4) if results else None


def summarise(results: list[CaseResult]) -> dict:
    """Headline metrics for a set of results."""
    answerable = [r for r in results if not r.expected_refusal]
    ranked = answerable  # every answerable case names the passages that hold its answer
    refused = [r for r in results if r.refused]
    should = [r for r in results if r.expected_refusal]
    followups = [r for r in results if r.standalone_ok is not None]
    n_ranked = len(ranked)
    return {
        "n": len(results),
        "pass_rate": mean([float(r.passed) for r in results]),
        "hit_at_1": round(sum(1 for r in ranked if r.rank == 1) / n_ranked, 4) if n_ranked else None,
        "hit_at_3": round(sum(1 for r in ranked if r.rank and r.rank <= 3) / n_ranked, 4) if n_ranked else None,
        "mrr": mean([1 / r.rank if r.rank else 0.0 for r in ranked]) if n_ranked else None,
        "fact_recall": mean([r.fact_recall for r in answerable if not r.refused] +
                            [0.0 for r in answerable if r.refused]),
        "forbidden_rate": mean([float(r.forbidden) for r in answerable]),
        "citation_validity": mean([float(r.citations_valid) for r in results]),
        "citation_precision": mean([r.citation_precision for r in results]),
        "refusal_precision": round(sum(1 for r in refused if r.expected_refusal) / len(refused), 4)
        if refused else None,
        "refusal_recall": share(should, lambda r: r.refused),
        "in_scope_refused_rate": share(answerable, lambda r: r.refused),  # answerable cases refused
        "out_of_scope_recall": share(should, lambda r: r.refused),  # = refusal_recall, under the suite's name
        "followup_accuracy": mean([float(r.standalone_ok and r.passed) for r in followups]),
        "answer_words_mean": mean([r.words for r in answerable if not r.refused]),
        "latency_p50_ms": percentile([r.latency_ms for r in results], 50),
        "latency_p95_ms": percentile([r.latency_ms for r in results], 95),
    }


def as_dict(result: CaseResult) -> dict:
    return asdict(result)
