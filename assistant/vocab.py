"""What the article is about, as data: its frameworks, the comparison table's dimensions, and the
words people use for them. Chunking, retrieval, follow-ups and the extractive answerer share it."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

FRAMEWORKS = {"kubeflow": "Kubeflow", "metaflow": "Metaflow", "prefect": "Prefect"}

# Other names that point at one framework.
ALIASES = {
    "kfp": "kubeflow",
    "kubeflow pipelines": "kubeflow",
    "vertex ai": "kubeflow",
    "vertex": "kubeflow",
    "katib": "kubeflow",
    "kserve": "kubeflow",
    "outerbounds": "metaflow",
    "netflix": "metaflow",
}

# Tools the article never discusses: never read as a typo of one it does.
OTHER_TOOLS = {"mlflow", "airflow", "dagster", "flyte", "kedro", "zenml", "argo", "luigi", "sagemaker",
               "databricks", "ray", "dvc", "clearml", "bentoml", "seldon", "mage", "temporal", "dataflow"}
# English words a fuzzy match must never turn into a framework name.
_NOT_TYPOS = {"perfect", "prefer", "prefers", "preferred", "prefix", "defect", "reflect", "effect",
              "workflow", "workflows", "overflow", "kubectl", "kubernetes"} | OTHER_TOOLS

WORD = re.compile(r"[a-z0-9]+(?:[’'][a-z]+)?(?:[-.][a-z0-9]+)*")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def find_frameworks(text: str, fuzzy: bool = True) -> list[str]:
    """Framework keys named in ``text``, in order of first mention (aliases and typos included)."""
    low = text.lower()
    hits: dict[str, int] = {}
    for key in FRAMEWORKS:
        for m in re.finditer(key, low):
            hits.setdefault(key, m.start())
    for alias, key in ALIASES.items():
        m = re.search(rf"\b{re.escape(alias)}\b", low)
        if m:
            hits[key] = min(hits.get(key, m.start()), m.start())
    if fuzzy:
        for m in WORD.finditer(low):
            token = m.group().split("'")[0]
            if not is_framework_word(token):
                continue
            for key in FRAMEWORKS:
                if key not in hits and difflib.SequenceMatcher(None, token, key).ratio() >= 0.8:
                    hits[key] = m.start()
    return sorted(hits, key=hits.get)


def is_framework_word(token: str) -> bool:
    """A framework's name, an alias's word, or a likely typo of a name (never a look-alike tool)."""
    token = token.lower()
    if token in FRAMEWORKS or any(token in alias.split() for alias in ALIASES):
        return True
    if len(token) < 5 or token in _NOT_TYPOS:
        return False
    return any(difflib.SequenceMatcher(None, token, key).ratio() >= 0.8 for key in FRAMEWORKS)


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str  # the table row's own label
    pattern: re.Pattern
    ordered: bool  # values are Low/Medium/High and can be ranked
    noun: str  # how an answer names it: "Kubeflow's setup complexity is ..."


def _rx(*parts: str) -> re.Pattern:
    return re.compile("|".join(parts), re.IGNORECASE)


DIMENSIONS = [
    Dimension(
        "setup",
        "Setup complexity",
        _rx(
            r"set ?(?:ting )?up",
            r"\binstall",
            r"\bdeploy",
            r"get(?:ting)? (?:it )?(?:up and )?running",
            r"\bup and running\b",
            r"\bsetup effort",
            r"stand(?:ing)? (?:it )?up",
            r"setup complexity",
            r"\bcomplex(?:ity)? to (?:set|run|deploy|install|operate)",
            r"\boperat(?:e|ional) burden",
            r"\bspin up",
        ),
        True,
        "setup complexity",
    ),
    Dimension(
        "learning",
        "Learning curve",
        _rx(
            r"\blearn",
            r"pick(?:ed)? up",
            r"ramp(?:ing)? up",
            r"\bbeginner",
            r"\bintuitive",
            r"easy to use",
            r"hard to use",
            r"\busab",
            r"developer experience",
            r"\bmaster",
        ),
        True,
        "learning curve",
    ),
    Dimension(
        "managed",
        "Managed options",
        _rx(
            r"\bmanaged",
            r"\bhosted (?:version|option|offering|service)",
            r"\bsaas\b",
            r"cloud (?:version|offering|service|option)",
            r"\bcommercial",
            r"\bvendor",
            r"\bfully hosted",
        ),
        False,
        "managed option",
    ),
    Dimension(
        "features",
        "ML-specific features",
        _rx(
            r"ml[- ]specific",
            r"\bml features",
            r"\bfeature set",
            r"\bspecific features",
            r"how (?:ml|machine learning)[- ]specific",
            r"general[- ]purpose",
            r"\bscope\b",
        ),
        False,
        "ML-specific features",
    ),
    Dimension(
        "team",
        "Best team size",
        _rx(
            r"team size",
            r"size of (?:the |a |our )?team",
            r"how (?:big|large|small) (?:a |the |should )?team",
            r"\bteams? (?:of|with) (?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty)",
            r"\b\d+[- ]?(?:person|people|engineer)",
            r"\bwhat size\b",
            r"\bheadcount",
            r"\bsmall team",
            r"\blarge team",
            r"\bbig team",
            r"which team",
        ),
        False,
        "best team size",
    ),
    Dimension(
        "infra",
        "Infrastructure requirement",
        _rx(
            r"\binfrastructure (?:requirement|need|prerequisite)",
            r"\bprerequisite",
            r"\brequire(?:ment)?s?\b",
            r"\bwhat (?:infrastructure|infra)\b",
            r"\binfra(?:structure)? (?:do|does|is)\b",
            r"\bneed(?:s)? (?:to run|kubernetes|k8s|s3)",
            r"\bdepend(?:s|encies)? on",
        ),
        False,
        "infrastructure requirement",
    ),
    Dimension(
        "cost",
        "Cost (self-hosted)",
        _rx(
            r"\bcost",
            r"\bcheap",
            r"\bexpensive",
            r"\bafford",
            r"\bbudget",
            r"\bpric(?:e|ey|ier)",
            r"\bcostly",
        ),
        True,
        "self-hosted cost",
    ),
]
DIMENSION_BY_KEY = {d.key: d for d in DIMENSIONS}
DIMENSION_BY_LABEL = {d.label.lower(): d for d in DIMENSIONS}


def find_dimensions(text: str) -> list[Dimension]:
    """Table dimensions the text asks about, in order of first mention."""
    found = []
    for dim in DIMENSIONS:
        m = dim.pattern.search(text)
        if m:
            found.append((m.start(), dim))
    return [d for _, d in sorted(found, key=lambda pair: pair[0])]


LEVELS = {"low": 1.0, "low–medium": 1.5, "low-medium": 1.5, "medium": 2.0, "high": 3.0}


def level(value: str) -> float | None:
    """Rank of a table value such as 'High (K8s overhead)' or 'Low–Medium', or None."""
    head = value.strip().lower().split(" (")[0]
    return LEVELS.get(head)


LOW_WORDS = _rx(
    r"\beas(?:y|ier|iest)\b",
    r"\bsimpl(?:e|er|est)\b",
    r"\bcheap(?:er|est)?\b",
    r"\blow(?:er|est)?\b",
    r"\bminimal\b",
    r"\bleast\b",
    r"\blightweight\b",
    r"\bgentl(?:e|er|est)\b",
    r"\bquick(?:er|est)?\b",
    r"\bfast(?:er|est)?\b",
    r"\bstraightforward\b",
    r"\binexpensive\b",
    r"\bsmall(?:er|est)? (?:cost|overhead)\b",
)
HIGH_WORDS = _rx(
    r"\bhard(?:er|est)?\b",
    r"\bdifficult\b",
    r"\bcomplex\b",
    r"\bcomplicated\b",
    r"\bsteep(?:er|est)?\b",
    r"\bexpensive\b",
    r"\bcostl(?:y|ier|iest)\b",
    r"\bhigh(?:er|est)?\b",
    r"\bheav(?:y|ier|iest)\b",
    r"\bmost\b(?! (?:minimal|lightweight))",
    r"\btough(?:er|est)?\b",
    r"\bpainful\b",
)
SUPERLATIVE = _rx(r"\b\w+est\b", r"\bmost\b", r"\bleast\b", r"\bwhich (?:one|framework|tool|is|has)\b")
COMPARATIVE = _rx(r"\b\w{3,}er\b[\w\s-]{0,25}\bthan\b", r"\b(?:more|less) \w+[\w\s-]{0,25}\bthan\b")


def claimed_polarity(text: str) -> float | None:
    """-1 when the text calls something easy/cheap/low, +1 for hard/expensive/high, else None."""
    low, high = LOW_WORDS.search(text), HIGH_WORDS.search(text)
    if low and not high:
        return -1.0
    if high and not low:
        return 1.0
    if low and high:  # the first one that is not "most"/"least" decides
        return -1.0 if low.start() < high.start() else 1.0
    return None
