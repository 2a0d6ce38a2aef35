"""The CI gate: headline metrics must not drop below the floors in evals/thresholds.yaml."""

from __future__ import annotations

from pathlib import Path

import yaml

THRESHOLDS_FILE = Path(__file__).with_name("thresholds.yaml")


def check_thresholds(report: dict, path: Path = THRESHOLDS_FILE) -> list[str]:
    """Every metric that is below its floor (or above its ceiling), as readable lines."""
    spec = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    problems = []
    for scope, limits in spec.items():  # scope: "assistant" or "assistant_by_split.heldout", ...
        metrics = report
        for part in scope.split("."):
            metrics = metrics.get(part, {})
        for key, limit in limits.get("min", {}).items():
            value = metrics.get(key)
            if value is None or value < limit:
                problems.append(f"{scope}.{key} = {value} < {limit}")
        for key, limit in limits.get("max", {}).items():
            value = metrics.get(key)
            if value is None or value > limit:
                problems.append(f"{scope}.{key} = {value} > {limit}")
    return problems
