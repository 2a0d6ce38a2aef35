"""The CI gate: metrics must not drop below the floors (or rise above the ceilings) in evals/thresholds.yaml.

Each key of the YAML file is a dotted path into report.json:

    assistant:                               # a dict of metrics: floors and ceilings per metric
      min: {pass_rate: 0.95}
    assistant_by_split.heldout:
      min: {pass_rate: 0.90}
    sets.task-queues.assistant:              # one corpus and set of a suite run
      min: {pass_rate: 0.5}
    sets.task-queues.in_scope_refused_rate:  # a single number: the limit itself
      max: 0.02
"""

from __future__ import annotations

from pathlib import Path

import yaml

THRESHOLDS_FILE = Path(__file__).with_name("thresholds.yaml")
MISSING = object()


def load_spec(path: Path) -> dict:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}


def lookup(report: dict, scope: str):
    """The value at a dotted path ("sets.task-queues.assistant"), or MISSING."""
    value = report
    for part in scope.split("."):
        if not isinstance(value, dict) or part not in value:
            return MISSING
        value = value[part]
    return value


def set_of(scope: str) -> str | None:
    """The set a "sets.NAME...." scope is about."""
    parts = scope.split(".")
    return parts[1] if parts[0] == "sets" and len(parts) > 1 else None


def ungated_sets(report: dict, path: Path = THRESHOLDS_FILE) -> list[str]:
    """Sets the thresholds name that this report did not run (e.g. a plain `eval` without --suite)."""
    ran = report.get("sets", {})
    return sorted({name for scope in load_spec(path) if (name := set_of(scope)) and name not in ran})


def check_thresholds(report: dict, path: Path = THRESHOLDS_FILE, skip_missing_sets: bool = False) -> list[str]:
    """Every metric that is below its floor (or above its ceiling), as readable lines. A limit on a set
    the report lacks is a problem, unless skip_missing_sets (then see ungated_sets)."""
    problems = []
    skipped = set(ungated_sets(report, path)) if skip_missing_sets else set()
    for scope, limits in load_spec(path).items():
        if set_of(scope) in skipped:
            continue
        value = lookup(report, scope)
        for bound in ("min", "max"):
            limit = limits.get(bound, {})
            if isinstance(limit, dict):  # a dict of metrics, each with its limit
                metrics = value if isinstance(value, dict) else {}
                problems += [p for key, lim in limit.items()
                             if (p := breach(f"{scope}.{key}", metrics.get(key), bound, lim))]
            elif (p := breach(scope, None if value is MISSING else value, bound, limit)):
                problems.append(p)
    return problems


def breach(name: str, value, bound: str, limit: float) -> str | None:
    """A readable line when value is missing or on the wrong side of its limit."""
    if value is None or isinstance(value, (dict, list)):
        shown = "None" if value is None else f"a {type(value).__name__}"
        return f"{name} = {shown}, not a number {'>=' if bound == 'min' else '<='} {limit}"
    if bound == "min" and value < limit:
        return f"{name} = {value} < {limit}"
    if bound == "max" and value > limit:
        return f"{name} = {value} > {limit}"
    return None
