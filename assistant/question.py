"""Reading a (standalone) question: which frameworks and table dimensions it names, whether it asks
for a recommendation, a comparison or a yes/no, and what situation it describes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .vocab import (
    COMPARATIVE,
    SUPERLATIVE,
    Dimension,
    claimed_polarity,
    find_dimensions,
    find_frameworks,
)

RECOMMEND = re.compile(
    r"\bshould (?:we|i|my team|our team|a team|a startup|startups?)\b|\brecommend|\bsuggest"
    r"|\bwhich (?:one |framework |tool |stack |option )?(?:is (?:the )?(?:best|right|better)|fits|suits|would you)"
    r"|\b(?:best|right|better|good) (?:fit|choice|option|pick|default)\b|\bgo with\b|\bpick\b|\bchoose\b"
    r"|\bwhat (?:would|do) you (?:use|pick|choose)|\bmakes? (?:the most )?sense\b|\bsuit(?:s|ed|able)?\b"
    r"|\bwhen (?:should|would|to) (?:i |we |you )?(?:use|pick|choose)",
    re.I,
)
OVERVIEW = re.compile(
    r"^\s*(?:tell me (?:more )?about|what(?:'s| is| are)|describe|explain|give me an overview of|"
    r"overview of|summari[sz]e|who (?:is|are))\s+(?:the )?\s*(?P<rest>.*?)\W*$",
    re.I,
)
WHICH = re.compile(r"\b(?:which|what) (?:one|framework|tool|stack|mlops framework)\b|\bwhich one\b", re.I)
YES_NO = re.compile(r"^\s*(?:is|are|does|do|can|will|would|was|has|have)\b", re.I)
ABOUT_ARTICLE = re.compile(
    r"\bwho (?:wrote|writes|authored|published|is the author)|\bauthor\b|\bwhen was (?:the|this) "
    r"(?:article|post|piece|comparison) (?:written|published)|\bpublication date|\bpublished\b"
    r"|\bhow long (?:is|to read) (?:the|this) (?:article|post)|\breading time",
    re.I,
)
PREMISE = re.compile(r"^\s*(?:why|since|given that|given|because|as)\b", re.I)

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100,
}
TEAM_SIZE = re.compile(
    r"\b(?P<n>\d{1,4}|" + "|".join(NUMBER_WORDS) + r")\s*(?:-|\s)?\s*(?:person|people|engineers?|"
    r"data scientists?|ml engineers?|members?|devs?|developers?|folks|employees|staff)\b"
    r"|\bteam of (?P<m>\d{1,4}|" + "|".join(NUMBER_WORDS) + r")\b",
    re.I,
)

SITUATIONS = {
    "k8s_yes": re.compile(
        r"kubernetes[- ]native|\b(?:have|has|with|run|running|use|using|on) (?:a |an |our own |existing )?"
        r"(?:k8s|kubernetes)|(?:k8s|kubernetes) (?:team|expertise|experience|skills|experts?|cluster)"
        r"|\bplatform team|\bdevops team|\binfra(?:structure)? team",
        re.I,
    ),
    "k8s_no": re.compile(
        r"\b(?:no|without|zero|little|lack|lacking|don'?t have|do not have|don'?t know|not on|avoid)\s+"
        r"(?:any |a |much |the )?(?:k8s|kubernetes|infra(?:structure)?|devops|platform|ops)"
        r"|\b(?:hate|avoid|not|never) (?:use |using |run |running )?(?:k8s|kubernetes)",
        re.I,
    ),
    "gcp": re.compile(r"\bgcp\b|google cloud|\bgke\b|\bvertex", re.I),
    "data_eng": re.compile(
        r"data engineering|data pipelines?|\betl\b|non-ml|mix of|mixed with|broader data|analytics"
        r"|\bdbt\b|data (?:team|workflows?)|tightly coupled",
        re.I,
    ),
    "early": re.compile(r"series a\b|early[- ]stage|\bseed\b|\bstartup|\bsmall company|\bfounding", re.I),
    "minimal": re.compile(
        r"minimal setup|least setup|least (?:amount of )?(?:infra|ops)|quick(?:est|ly)? to (?:start|get)"
        r"|as little (?:setup|infra)|simplest (?:setup|option)|lightweight|minimal (?:infra|ops)",
        re.I,
    ),
    "full_platform": re.compile(
        r"notebooks?|model serving|multi-user|full (?:ml )?platform|hyperparameter|end-to-end", re.I
    ),
    "data_scientists": re.compile(r"data scientists?", re.I),
}


@dataclass
class Question:
    text: str
    frameworks: list[str] = field(default_factory=list)
    dimensions: list[Dimension] = field(default_factory=list)
    polarity: float | None = None  # -1 "easy/cheap/low", +1 "hard/expensive/high"
    superlative: bool = False
    comparative: bool = False
    yes_no: bool = False
    premise: bool = False  # "Why is X ...", "Since X ..."
    recommendation: bool = False
    overview: bool = False
    about_article: bool = False  # who wrote it, when
    team_size: int | None = None
    situation: set[str] = field(default_factory=set)

    @property
    def dimension(self) -> Dimension | None:
        return self.dimensions[0] if self.dimensions else None


def analyse(text: str) -> Question:
    q = Question(text=text)
    q.frameworks = find_frameworks(text)
    q.dimensions = find_dimensions(text)
    q.polarity = claimed_polarity(text)
    q.superlative = bool(SUPERLATIVE.search(text)) and len(q.frameworks) != 1
    q.comparative = bool(COMPARATIVE.search(text))
    q.yes_no = bool(YES_NO.match(text))
    q.premise = bool(PREMISE.match(text))
    m = TEAM_SIZE.search(text)
    if m:
        raw = (m.group("n") or m.group("m")).lower()
        q.team_size = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    q.situation = {name for name, rx in SITUATIONS.items() if rx.search(text)}
    if "k8s_no" in q.situation:
        q.situation.discard("k8s_yes")
    described = q.team_size is not None or bool(q.situation - {"data_scientists"})
    asks_which = bool(RECOMMEND.search(text) or WHICH.search(text))
    q.recommendation = asks_which and (described or not (q.dimensions and q.frameworks)) and not (
        q.dimensions and not described)
    om = OVERVIEW.match(text)
    q.overview = bool(om) and not q.dimensions and len(q.frameworks) == 1 and len(om["rest"].split()) <= 3
    q.about_article = bool(ABOUT_ARTICLE.search(text)) and not q.frameworks
    return q
