"""Reading a (standalone) question against the article model: which subjects and table dimensions
it names, whether it asks for a recommendation, a comparison or a yes/no, and what situation it
describes. Subjects come from the model's names; the dimension from similarity to the row labels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from . import language as lang
from . import shapes
from . import numbers
from .article import ArticleModel, Dimension
from .claims import claimed_row
from .followups import FOLLOWING
from .lexical import RARE_IDF

# A dimension is what the question asks about when its label is this close (cosine to the label's
# embedding, plus a share of the label's words found in the question).
DIMENSION_MIN_SCORE = 0.4
DIMENSION_WORD_WEIGHT = 0.35
COSINE_ONLY_MIN = 0.5  # a dimension none of whose words or values the question uses needs this similarity
CELL_WORD_WEIGHT = 0.15  # a word of the row's cells ("hours" for "Awkward beyond an hour") points at it a little
COMPOUND_PART_DISCOUNT = 0.15  # a label alike only by a later part of its compound said alone
KIND_MIN_COSINE, KIND_MARGIN = 0.45, 0.1  # "which <kind>": a row's cells this close to the kind, and clearly closest
ASKED_KIND = re.compile(r"\b(?:which|what)\s+(?P<kind>(?!(?:is|are|was|were|do|does|did|can|should|would|will|kind|type|sort|"
                        r"one|ones|of)\b)[a-z][\w-]+(?: (?!(?:is|are|was|were|do|does|did|can|should|would|will|has|have)\b)"
                        r"[a-z][\w-]+)?)", re.I)
COMMON_IDF, COMMON_LABEL_WORD = 1.0, 0.5  # a label word in about half the passages ("workflows") points half as much
LEVEL_WEIGHT = 0.15  # a row of levels, of a question judging one by an adjective ("hard", "cheap") that says its words
VALUE_WEIGHT = 0.4  # naming one of a dimension's own values ("written in Go?") points at it
PARTICLES = frozenset("in on at by for with of to from into".split())  # "Written in": a word and its preposition
PARTICIPLE = re.compile(r"(?:ed|en|built|made|kept|held|run|set)$")


@dataclass
class Question:
    text: str
    subjects: list[str] = field(default_factory=list)
    dimensions: list[Dimension] = field(default_factory=list)
    dimension_score: float = 0.0
    dimension_candidates: list[tuple[float, Dimension]] = field(default_factory=list)  # best first
    mentioned: dict[str, list[str]] = field(default_factory=dict)  # dimension key -> table values it names
    wording: dict[str, float] = field(default_factory=dict)  # dimension key -> its score without named values
    misplaced: list[str] = field(default_factory=list)  # a premise's words the corpus says of other subjects
    polarity: float | None = None  # -1 "easy/cheap/low", +1 "hard/expensive/high"
    superlative: bool = False
    comparative: bool = False
    yes_no: bool = False
    which: bool = False  # "which of them ...?": the answer names the subject first
    premise: bool = False  # "Why is X ...", "Since X ..."
    recommendation: bool = False
    overview: bool = False
    about_article: bool = False  # who wrote it, when
    counts: list[int] = field(default_factory=list)  # numbers the question states ("a 6-person team")
    situation: bool = False  # it describes the asker's situation
    downside: bool = False  # "what's the catch?": a cost or a limit, not a table value
    by_alias: bool = False  # its subject found only by a name pointing at it ("what's Acme Cloud?")
    shares: dict[str, float] = field(default_factory=dict)  # dimension key -> share of its label's words said
    said: str = ""  # the last answer, when the question asks for more on it ("why?"): go on from there
    weighing: bool = False  # it speaks of picking among the subjects, asked for or set ("once we pick one, ...")
    things: set[str] = field(default_factory=set)  # things it names that the corpus writes only as names ("Board")
    foreign: bool = False  # it names no subject and none of its words is the corpus's

    @property
    def dimension(self) -> Dimension | None:
        return self.dimensions[0] if self.dimensions else None


SITUATION = re.compile(
    r"\b(?:we|we're|we are|we've|our|i'm|im|i am|i have|i just|i only|i want|i need|my|us)\b|\bif (?:you|i|we)\b|\bfor (?:a|an|teams?)\b"
    r"|\b(?:a|an) (?:[\w~+-]+ ){0,3}(?:startup|company|team|shop|org|organi[sz]ation)\b"
    r"|^\W*(?!(?:which|what|whose|how|the|a|an|any|each|every|one)\b)[\w-]+ team\b", re.I)  # "payments team at ..."


def analyse(text: str, model: ArticleModel, index=None, bare_vector=None) -> Question:
    """``bare_vector``: the embedding of ``bare_question(text)`` (the dimension is matched with it)."""
    q = Question(text=text)
    judging_all = shapes.WHICH.search(text) or lang.SUPERLATIVE_WORD.search(text)
    named = model.find_subjects(text, aliases=False)
    if shapes.every_subject(text, len(model.subjects)) and (not named or every_first(text, model)):  # "how do the
        # two differ on X?"; "between the two — X versus A's UI" (not "A comes in three sizes; how do the three differ?")
        q.subjects = list(model.subjects)
    else:
        q.subjects = named or model.find_subjects(text, aliases=not judging_all)  # "cheapest on AWS?" asks of all
        q.by_alias = bool(q.subjects) and not named
    q.mentioned = mentioned_values(text, model)
    q.things = model.names_in(text) | (rare_names(text, model, index) if index is not None else set())
    if index is not None and bare_vector is not None:
        q.dimension_candidates = match_dimensions(text, model, index, bare_vector, q.mentioned, q.shares)
        q.wording = {d.key: s - (VALUE_WEIGHT if q.mentioned.get(d.key) else 0.0) for s, d in q.dimension_candidates}
        best = q.dimension_candidates[0][0] if q.dimension_candidates else 0.0
        q.dimension_score = best
        q.dimensions = [d for s, d in q.dimension_candidates if s >= DIMENSION_MIN_SCORE and s >= best - 0.05][:2]
    kind = shapes.IS_IT_A.match(text)
    outside = set(lang.tokenize(text[:kind.start("kind")] + " " + text[kind.end("kind"):])) if kind else set()
    said = [d for d in model.dimensions.values() if q.shares.get(d.key) and set(label_words(d)) & outside]
    if kind and not said and not q.mentioned and not lang.COMPARATIVE.search(text) \
            and not model.find_subjects(kind["kind"], aliases=False):  # not "is A just a heavier B?"
        q.dimensions, q.dimension_candidates = [], []  # "is A just another task queue / vector index?": what A is,
        # not a row, unless a row's label is said outside the kind asked
    if shapes.CALLS_ITSELF.search(text) and not q.mentioned:  # "what does A call itself?": no row either
        q.dimensions, q.dimension_candidates = [], []
    q.polarity = lang.claimed_polarity(text)
    q.superlative = bool(lang.SUPERLATIVE.search(text)) and len(q.subjects) != 1
    q.comparative = bool(lang.COMPARATIVE.search(text))
    q.yes_no = bool(shapes.YES_NO.match(text) or shapes.TAG_QUESTION.match(text))
    q.which = bool(shapes.WHICH.search(text)) or (a_or_b(shapes.asking_sentence(text), model) and not q.dimensions)
    stated = shapes.STATED_THEN_ASKED.search(text)
    q.premise = bool(shapes.PREMISE.match(text) or shapes.TAG_QUESTION.match(text)
                     or (stated and model.find_subjects(stated.group(), aliases=False)))  # not "we are a small team, so ...?"
    q.counts = numbers.counts(text)
    q.downside = bool(shapes.ASKS_DOWNSIDE.search(shapes.asked_part(text).split(FOLLOWING)[0]))
    q.situation = bool(q.counts) or bool(SITUATION.search(text))
    asked = shapes.asking_sentence(text)
    q.weighing = bool(shapes.RECOMMEND.search(asked))
    asks_which = shapes.outside_setting(shapes.RECOMMEND, asked) or bool(shapes.IDEA.search(asked) and shapes.TOGETHER.search(asked)) or (
        len(q.subjects) >= 2 and bool(shapes.USED_TOGETHER.search(asked))  # "can A and B be used together?",
        or bool(q.subjects) and bool(shapes.RIP_OUT.search(asked))  # "do we have to rip out A entirely?",
        ) and any(set(q.subjects) <= set(a.together) for a in model.advice) or (  # when the article says
        q.which and q.situation and not (q.subjects and q.dimensions)  # not "what license does A use? we ..."
        and not q.mentioned)  # not "which one lets us keep our stack all Python?": whose cell says so
    judged = q.dimensions and q.polarity is not None and (q.premise or q.superlative or q.comparative or (
        q.which and not shapes.RECOMMEND.search(asked)))  # "which ones are cheap ...?", not "which would you pick ...?"
    degree = bool(shapes.DEGREE.match(text)) and bool(q.dimensions)  # "how big a team before A makes sense?"
    q.recommendation = (bool(model.advice) and asks_which and (q.situation or not q.dimensions) and not judged
                        and not degree and not shapes.ASKS_NOT.search(text)  # "which things won't they do for us?"
                        and not (q.subjects and shapes.WHAT_IT_USES.search(asked))  # "what does A use for X when ...?"
                        and not (len(q.subjects) == 1 and shapes.WHICH_ONE.match(text) and FOLLOWING in text)
                        and not shapes.HOW_MANY.search(asked))  # "how many replicas should we run?": a number
    content = [w for w in lang.tokenize(text) if len(w) > 2 and w not in shapes.ASKING_ONLY]
    if index is not None and not q.subjects and content and not any(w in index.vocabulary() for w in content):
        q.recommendation = q.weighing = False  # "what should I cook tonight?": nothing the corpus speaks of
        q.foreign = (q.polarity is None and not shapes.ABOUT_ARTICLE.search(text)  # not "which are cheap?"
                     and not any(index.has_prefix_word(w) for w in content))  # nor "self host"
    if q.foreign:  # "what's the capital of <country>?": however close a row's label may embed, no row
        q.dimensions = []
    if q.recommendation and contradicted_value(q):
        q.recommendation = False  # "A keeps its state in X, so should we ...?": the table's correction first
    if q.recommendation and shapes.OPEN_CHOICE.search(text):
        q.subjects = []  # "A, or something else?": the advice on every subject is wanted
    if q.recommendation and q.subjects and asked != text and shapes.ASKS_FOR_A_TOOL.search(asked) and FOLLOWING not in asked \
            and not model.find_subjects(asked, aliases=False) and not re.search(r"\b(?:it|its|they|them|their)\b", asked, re.I):
        q.subjects = []  # "A's chords are getting scary. Which tool fits?": A is the setting, the choice is open
    if q.premise and q.subjects and index is not None:
        q.misplaced = misplaced_words(q, index)
    opens_with_claim = bool(q.subjects) and re.match(rf"\W*{lang.whole(q.subjects[0])}\s+(?:is|are|being)\b", text, re.I)
    if (q.premise or opens_with_claim) and q.subjects and not q.dimensions and index is not None:
        claimed = claimed_row(q, model, index)  # "A is GPL, so ...": a name the corpus lacks, said as a row's value
        if claimed:
            q.dimensions, q.mentioned[claimed[0].key], q.premise = [claimed[0]], [claimed[1]], True
    om = shapes.OVERVIEW.match(text)
    q.overview = (bool(om) and not q.dimensions and len(q.subjects) == 1 and len(om["rest"].split()) <= 3
                  and not q.by_alias  # "what is <A's engine>?" asks of the engine, not of A
                  and not model.names_a_part(om["rest"]))  # nor "what is A Beat?"
    q.about_article = bool(shapes.ABOUT_ARTICLE.search(text)) and not model.find_subjects(
        article_named(text, model), fuzzy=False)  # not "who wrote the A/B article?" for A and B
    if q.about_article:
        q.subjects = []
    return q


def every_first(text: str, model: ArticleModel) -> bool:
    """"The two" (or "all three") said before any subject's name: the subjects compared, not things of the one named."""
    m = shapes.EVERY.search(text)
    name = re.search(rf"(?<![\w-])(?:{names_pattern(model)})(?![\w-])", text, re.I)
    return bool(m) and (name is None or name.start() > m.start())


def a_or_b(asked: str, model: ArticleModel) -> bool:
    """The question asks "A or B?" of two subjects, with at most a setting after it ("... costs us money.
    A or B?", "A or B for a team of five?"): which of them."""
    names = names_pattern(model)
    m = re.match(rf"^\W*(?:(?:so|then|ok|okay|and|but|well)\W+)?(?P<a>{names})\s+or\s+(?P<b>{names})"
                 rf"(?=\s*(?:[?.!]|$)|\s+(?:for|if|when|given|with)\b)", asked, re.I)  # not "A or B - do either ...?"
    return bool(m) and len(set(model.find_subjects(m.group(), fuzzy=False))) == 2


def names_pattern(model: ArticleModel) -> str:
    """A regex alternation of every subject's names and aliases."""
    return "|".join(re.escape(n) for key in model.subjects for n in [key] + model.subjects[key].aliases)


def article_named(text: str, model: ArticleModel) -> str:
    """The question without subjects' names said as what an article is about ("the A/B article", "the
    A vs B post": the article, not A and B)."""
    names = names_pattern(model)
    run = rf"(?:{names})(?:\s*(?:/|&|\+|,|\band\b|\bvs\.?|\bversus\b|\bor\b)\s*(?:{names}))*"
    return re.sub(rf"(?<![\w-]){run}\s+(?=(?:article|post|piece|comparison|write-?up)\b)", "", text, flags=re.I)


def rare_names(text: str, model: ArticleModel, index) -> set[str]:
    """The corpus's proper names the question says that only a few of its passages write ("TypeScript";
    a name pointing at one subject counts, the subjects' own names do not)."""
    idf = index.bm25.idf
    return {w for w in set(lang.words(text)) & set(model.proper_names)
            if lang.is_rare(w) and idf.get(lang.stem(w), 0.0) >= RARE_IDF}  # not "Python", a word of English too


def match_dimensions(text: str, model: ArticleModel, index, vector, mentioned=None,
                     shares: dict | None = None) -> list[tuple[float, Dimension]]:
    """Table dimensions the question asks about, best first: the question without its subjects'
    names (``vector``), compared with each label (bare and as "What is its <label>?"), plus the
    share of the label's words the question uses (recorded in ``shares``, by dimension)."""
    dims = list(model.dimensions.values())
    if not dims:
        return []
    bare = bare_question(text, model)
    labels = np.asarray(index.embed_sentences([d.label for d in dims] + [f"What is its {d.noun}?" for d in dims]))
    cosine = (labels @ np.asarray(vector)).reshape(2, len(dims)).max(axis=0)
    asked = set(lang.tokenize(bare))
    asked |= {lang.stem(part) for a in asked if "-" in a for part in a.split("-") if len(part) > 2}  # "GPL-licensed"
    said = lang.words(bare)
    said = [part for w in said for part in ([w] + (w.split("-") if "-" in w else []))]
    short = {a for a in asked if a not in index.vocabulary()}  # "ops": perhaps short for a label's word
    named = bool(model.find_subjects(text))  # a cell's word points at its row only in a question about a subject
    cells = distinct_cell_words(model) if named else {}
    scored, shares_of, priced = [], {}, set()
    idf = index.bm25.idf
    judged = lang.claimed_polarity(text) is not None
    for dim, cos in zip(dims, cosine):
        own = label_words(dim)
        found = {w for w in own if w in asked or ("-" not in w and any(lang.same_word(w, a) for a in asked))
                 or any(lang.abbreviates(a, w) for a in short)}
        share = sum(COMMON_LABEL_WORD if idf.get(w, 9.0) < COMMON_IDF else 1.0 for w in own
                    if w in found and with_particle(w, dim.label, said) and whole_compound(w, dim.label, found, bare))
        share = share / len(own) if own else 0.0
        if not share and any(not whole_compound(w, dim.label, found, bare) for w in found):
            cos -= COMPOUND_PART_DISCOUNT  # "is there a hosted version?": alike only by a part of "self-hosted"
        shares_of[dim.key] = share
        if shares is not None:
            shares[dim.key] = share
        named_value = VALUE_WEIGHT if (mentioned or {}).get(dim.key) else 0.0  # "is it written in Go?"
        if not named_value and cells.get(dim.key, set()) & asked:  # "is A ok for jobs that take hours?"
            named_value = CELL_WORD_WEIGHT
        if not named_value and dim.ordered and lang.COST_NOUNS & set(own) and lang.PRICED.search(bare):
            priced.add(dim.key)
        if not share and not named_value and dim.key not in priced and cos < COSINE_ONLY_MIN:
            cos = min(cos, DIMENSION_MIN_SCORE - 0.01)  # similarity alone, and not close: only a candidate
        if judged and dim.ordered and share:  # "is A hard to learn for a team ...?": "hard" judges a level
            named_value += LEVEL_WEIGHT
        scored.append((float(cos) + DIMENSION_WORD_WEIGHT * share + named_value, dim))
    # "is it expensive?": a level of a cost row, named as a value would be; not when the question names a
    # value of a row ("is A Cloud expensive?") or words of another row of levels ("expensive to learn?")
    if any((mentioned or {}).get(d.key) or cells.get(d.key, set()) & asked
           or (d.ordered and d.key not in priced and shares_of[d.key]) for _, d in scored):
        priced = set()
    # "built with which programming language?": no label word said, the row whose cells are of that kind
    kind_row = "" if any(shares_of.values()) or any((mentioned or {}).values()) else row_of_kind(text, dims, index)
    return sorted(((s + (VALUE_WEIGHT if d.key in priced or d.key == kind_row else 0.0), d) for s, d in scored),
                  key=lambda pair: -pair[0])


def row_of_kind(text: str, dims: list[Dimension], index) -> str:
    """The row whose cells are things of the kind a "which <kind> ...?" question asks for, clearly
    closer to it than any other row's ("which programming language": "Python; Go"; "what broker":
    "Message broker (Redis or RabbitMQ)"); the dimension's key, or ""."""
    m = ASKED_KIND.search(text)
    if m and m.start() > 0 and re.match(r"\W*(?:why|how|where|when|who)\b", text, re.I):
        m = None  # "why does it make a point of what A does?": a clause of another question, not "which <kind>?"
    rows = [(d.key, d.cells) for d in dims if d.rows]
    if not m or len(rows) < 2 or m["kind"].split()[-1] in lang.STOPWORDS:
        return ""
    vectors = np.asarray(index.embed_sentences([m["kind"]] + [cells for _, cells in rows]))
    sims = sorted(zip((vectors[1:] @ vectors[0]).tolist(), (k for k, _ in rows)), reverse=True)
    return sims[0][1] if sims[0][0] >= KIND_MIN_COSINE and sims[0][0] - sims[1][0] >= KIND_MARGIN else ""


def distinct_cell_words(model: ArticleModel) -> dict[str, set[str]]:
    """Per dimension, the content words of its cells that no other dimension's cells use: not level
    words, not the subjects' names ("hour", "broker", "official"; not "High", "Acme")."""
    words = {key: {lang.stem(w) for r in d.rows for v in r.cells.values() for w in lang.tokenize(v)
                   if len(w) > 3 and lang.RANK.get(w) is None and not model.is_subject_word(w)}
             for key, d in model.dimensions.items()}
    return {key: own - set().union(*(w for k, w in words.items() if k != key)) for key, own in words.items()}


def label_words(dim: Dimension) -> list[str]:
    """The tokens of a dimension's label that can name it ("Long-running jobs" -> long, running, job)."""
    return [w for w in lang.tokenize(compound_parts(dim.label)) if len(w) > 2 and w not in lang.JUDGING]


def whole_compound(word: str, label: str, found: set[str], text: str) -> bool:
    """A word of one of the label's compounds counts alone only as its first part, the one that
    sets it apart, and not as "how <word>" ("Long-running jobs": "long jobs", "jobs that run long";
    not "the dashboard people run", nor "how long?")."""
    for compound in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", label):
        parts = [w for w in lang.tokenize(compound.replace("-", " ")) if len(w) > 2 and w not in lang.JUDGING]
        if word not in parts or all(p in found for p in parts):
            continue
        if word != parts[0] or re.search(rf"\bhow {re.escape(word)}", text, re.I):
            return False
    return True


def with_particle(word: str, label: str, said: list[str]) -> bool:
    """A label word that a preposition follows in the label ("Written in") counts only when the
    question says it with that preposition close after ("what is A written in?", "written in Go"),
    not in another sense ("how workflow code is written, right?")."""
    label_words = lang.words(compound_parts(label))
    at = [i for i, w in enumerate(label_words) if lang.stem(w) == word or w == word]
    particle = label_words[at[0] + 1] if at and at[0] + 1 < len(label_words) else ""
    if particle not in PARTICLES or not PARTICIPLE.search(label_words[at[0]]):
        return True  # only a participle with its preposition ("Written in"), not "Support for"
    return any(lang.same_word(lang.stem(w), word) and particle in said[i + 1: i + 3] for i, w in enumerate(said))


def mentioned_values(text: str, model: ArticleModel) -> dict[str, list[str]]:
    """Table values the question names, for values that belong to one dimension only ("Go", "MIT",
    "Acme Cloud" — not "High", which many rows share). Short values must match their case."""
    owners: dict[str, set[str]] = {}
    for dim in model.dimensions.values():
        for s in model.subjects:
            found = dim.value(s)
            if found:
                head = re.split(r"\s*[(,]", found[0])[0].strip()
                if head and not lang.RANK.get(head.lower()) and lang.rank(head) is None:
                    owners.setdefault(head, set()).add(dim.key)
                    for name in named_in_brackets(found[0]):  # "Message queue (Foo or BarMQ)"
                        owners.setdefault(name, set()).add(dim.key)
    out: dict[str, list[str]] = {}
    for value, keys in owners.items():
        if len(keys) != 1:
            continue
        flags = 0 if len(value) <= 3 else re.I
        m = re.search(lang.whole(value), text, flags)
        if not m and not flags and re.search(lang.whole(value), text, re.I):  # a short value typed in lower case:
            flags = re.I  # one no English word spells ("mit"), or an everyday one after "in" ("written in go")
            m = re.search((r"(?<=\bin )" if lang.is_everyday(value.lower()) else "") + lang.whole(value), text, re.I)
        if m and (m.start() > 0 or flags):  # "Any advice?" is not the value "Any"
            out.setdefault(next(iter(keys)), []).append(value)
    return out


def named_in_brackets(value: str) -> list[str]:
    """The names a cell gives in brackets after its value, each one word written as a name ("Message
    queue (Foo or BarMQ)"), not a remark ("High (ops overhead)", "Good (in-graph)", "Partial (beta)")."""
    m = re.search(r"\(([^)]*)\)", value)
    inside = re.sub(r"^\s*(?:e\.g\.|i\.e\.|eg|ie|such as)[,:]?\s*", "", m[1], flags=re.I) if m else ""
    parts = [x.strip() for x in re.split(r",|/|\bor\b|\band\b", inside)] if inside else []
    return [x for x in parts if re.fullmatch(r"[A-Z][\w.+]*", x) and not lang.is_everyday(x)] if len(parts) >= 2 else []


def misplaced_words(q: Question, index) -> list[str]:
    """Words of a premise ("Since A came out of X") that the corpus uses, but never about the
    subjects the question names."""
    own = set().union(*(index.vocabulary(s) for s in q.subjects))
    names = {w for s in q.subjects for n in [s] + index.model.subjects[s].aliases for w in lang.tokenize(n)}
    words = [w for w in lang.tokenize(q.text) if len(w) > 3 and w not in names]
    written = {lang.stem(w.lower()) for w in re.findall(r"(?<=\s)[A-Z][\w-]+", q.text)}  # names, as written
    return [w for w in dict.fromkeys(words)
            if w not in own and w in index.vocabulary() and (w in written or not lang.is_everyday(w))]


def contradicted_origin(q: Question, sentences, model: ArticleModel):
    """The retrieved sentence that says who made the subject the question names, when it contradicts
    where the question's premise says the subject comes from ("Since A came out of X"); else None (a
    premise that holds leaves the question to be answered as usual)."""
    m = shapes.ORIGIN_CLAIM.search(q.text)
    if not (q.premise and len(q.subjects) == 1 and m):
        return None
    claimed = lang.stem((m["a"] or m["b"] or m["c"]).lower())
    for s in sentences:
        if shapes.ORIGIN.search(s.text) and (model.section_subject(s.passage) == q.subjects[0]
                                           or re.search(lang.whole(q.subjects[0]), s.text, re.I)):
            return None if claimed in {lang.stem(w) for w in lang.words(s.text)} else s
    return None


def contradicted_value(q: Question) -> bool:
    """A premise naming a table value ("since A is written in Go, ...") that the subject's own cell
    contradicts: the answer is the correction, whatever else the question goes on to ask. Of several
    subjects, the premise speaks of the one it names first ("A keeps its state in X, just like B")."""
    dim = q.dimension
    if not (q.premise and dim and q.subjects and q.mentioned.get(dim.key)):
        return False
    own = dim.value(q.subjects[0])  # subjects are found in the order the question names them
    return bool(own) and not any(re.search(lang.whole(v), own[0], re.I) for v in q.mentioned[dim.key])


def compound_parts(label: str) -> str:
    """A label with its compounds split into words ("Long-running workflows" -> "Long running
    workflows"), but not those made with a particle ("Built-in" stays whole)."""
    def split(m: re.Match) -> str:
        parts = m.group().split("-")
        return m.group() if any(p.lower() in lang.STOPWORDS for p in parts) else " ".join(parts)
    return re.sub(r"[A-Za-z]+(?:-[A-Za-z]+)+", split, label)


def bare_question(text: str, model: ArticleModel) -> str:
    """The question without its subjects' names, spaces tidied; "each one", "both", "side by side" said
    of them all become "it" ("how heavy is each one to run?": "how heavy is it to run?"), and who does
    what is asked goes ("what do teams usually pair it with?": "what do usually pair it with?"), and what
    software is "implemented in" it is "written in" ("what is A coded in?": "what is written in?")."""
    text = shapes.AUTHORED_IN.sub("written", text)
    text = re.sub(r"\s+", " ", model.without_names(text))
    text = shapes.ACTOR.sub(lambda m: m.group()[: m.start("actor") - m.start()], text)
    return re.sub(r"\s+", " ", shapes.ALL_OF_THEM.sub("it", text)).strip()


def strip_subjects(text: str, model: ArticleModel) -> str:
    """The question without its subjects' names (so "Acme Cloud" does not read as a topic)."""
    return model.strip_names(text)
