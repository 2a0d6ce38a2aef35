"""Reading a (standalone) question against the article model: which subjects and table dimensions
it names, whether it asks for a recommendation, a comparison or a yes/no, and what situation it
describes. Subjects come from the model's names; the dimension from the row labels (``rows``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import language as lang
from . import shapes
from . import numbers
from .article import ArticleModel, Dimension
from .claims import claimed_row, contradicted_claim
from .followups import FOLLOWING
from .lexical import RARE_IDF
from .rows import DIMENSION_MIN_SCORE, VALUE_WEIGHT, label_words, match_dimensions

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
    placed: str = ""  # "opening" / "closing": where in the article it says the answer stands ("in the intro")

    @property
    def dimension(self) -> Dimension | None:
        return self.dimensions[0] if self.dimensions else None


SITUATION = re.compile(
    r"\b(?:we|we're|we are|we've|our|i'm|im|i am|i have|i just|i only|i want|i need|my|us)\b|\bif (?:you|i|we)\b|\bfor (?:a|an|teams?)\b"
    r"|\b(?:a|an) (?:[\w~+-]+ ){0,3}(?:startup|company|team|shop|org|organi[sz]ation)\b"
    r"|^\W*(?!(?:which|what|whose|how|the|a|an|any|each|every|one)\b)[\w-]+ team\b", re.I)  # "payments team at ..."


# Where in the article a question places what it asks: its opening paragraphs, or its last section ("at the
# start" only of a question about the article: not "getting it right at the start").
_OF_IT = r"(?=.*\b(?:article|post|blog|piece|page|author|writer|comparison)\b)"
OPENING = re.compile(rf"\b(?:intro|introduction|opening (?:paragraph|lines?|section)|first paragraph|top of the (?:page|article|post))\b"
                     rf"|^{_OF_IT}.*\b(?:at|from) the (?:very )?(?:start|beginning|outset)\b", re.I)
CLOSING = re.compile(rf"\b(?:bottom of the (?:page|article|post|piece)|conclusion|closing (?:section|lines?|paragraph)|"
                     rf"(?:final|last) (?:section|paragraph|lines?))\b|^{_OF_IT}.*\b(?:at|by) the (?:very )?end\b", re.I)


def only_examples(text: str, subjects: list[str]) -> bool:
    """Every subject the text names is an example of a kind it asks about ("frameworks like A or B", "a tool
    such as A"), not what it asks about."""
    names = "|".join(re.escape(k) for k in subjects)
    like = rf"\b(?:an? [a-z][\w-]*|[a-z][\w-]*s) (?:like|such as) (?:{names})(?:\s*(?:,|or|and)\s*(?:{names}))*\b"
    rest = re.sub(like, " ", text, flags=re.I)
    return rest != text and not any(re.search(lang.whole(k), rest, re.I) for k in subjects)


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
    if q.subjects and only_examples(text, q.subjects):  # "do frameworks like A or B handle X?": the kind, not them
        q.subjects = []
    q.placed = "opening" if OPENING.search(text) else "closing" if CLOSING.search(text) else ""
    q.mentioned = mentioned_values(text, model)
    q.things = model.names_in(text) | (rare_names(text, model, index) if index is not None else set())
    if judging_all and not named:  # "which one needs <a name only A's section writes>?": the thing asked after
        q.things |= {a for s in model.subjects.values() for a in s.aliases if " " not in a
                     and re.search(lang.whole(a), text, re.I)}
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
    asking = shapes.asking_sentence(text)
    if shapes.ASKS_NOT.search(asking) and not q.mentioned and not q.premise \
            and not re.match(r"\W*(?:is|are|does|do|can|will|would|was|has|have)(?:n['’]t)?\b", asking, re.I):
        q.dimensions, q.dimension_candidates = [], []  # "what do they leave to you?": what no row's cell says
    if shapes.ASKS_BENEFIT.search(text) and not any(q.shares.get(d.key) for d in q.dimensions):
        q.dimensions, q.dimension_candidates = [], []  # "what does paying for X buy you?": what X does, not X's row
    if shapes.CALLS_ITSELF.search(text) and not q.mentioned:  # "what does A call itself?": no row either
        q.dimensions, q.dimension_candidates = [], []
    q.polarity = lang.claimed_polarity(text)
    q.superlative = bool(lang.SUPERLATIVE.search(text)) and len(q.subjects) != 1
    q.comparative = bool(lang.COMPARATIVE.search(text))
    q.yes_no = bool(shapes.YES_NO.match(text) or shapes.TAG_QUESTION.match(text))
    q.which = bool(shapes.WHICH.search(text)) or (a_or_b(shapes.asking_sentence(text), model) and not q.dimensions)
    stated = shapes.STATED_THEN_ASKED.search(text)
    being = shapes.BEING.match(text)  # "A being GPL licensed, do we ...?"
    says = shapes.ARTICLE_SAYS.match(text)
    q.premise = bool(shapes.PREMISE.match(text) or shapes.TAG_QUESTION.match(text)
                     or (says and model.find_subjects(says.group(), aliases=False))
                     or (stated and model.find_subjects(stated.group(), aliases=False))  # not "we are a small team, so ...?"
                     or (being and model.find_subjects(being["who"], aliases=False)))
    q.counts = numbers.counts(text)
    q.downside = bool(shapes.ASKS_DOWNSIDE.search(shapes.asked_part(text).split(FOLLOWING)[0]))
    q.situation = bool(q.counts) or bool(SITUATION.search(text))
    asked = shapes.asking_sentence(text)
    q.weighing = bool(shapes.RECOMMEND.search(asked))
    asks_which = shapes.outside_setting(shapes.RECOMMEND, asked) or bool(shapes.IDEA.search(asked) and shapes.TOGETHER.search(asked)) \
        or bool(shapes.WHAT_TO_DO.search(asked) and shapes.NEEDS.search(text)) or (
        len(q.subjects) >= 2 and bool(shapes.USED_TOGETHER.search(asked))  # "can A and B be used together?",
        or bool(q.subjects) and bool(shapes.RIP_OUT.search(asked))  # "do we have to rip out A entirely?",
        ) and any(set(q.subjects) <= set(a.together) for a in model.advice) or (  # when the article says
        q.which and q.situation and not (q.subjects and q.dimensions)  # not "what license does A use? we ..."
        and not q.mentioned)  # not "which one lets us keep our stack all Python?": whose cell says so
    judged = q.dimensions and q.polarity is not None and (q.premise or q.superlative or q.comparative or (
        q.which and not shapes.RECOMMEND.search(asked)))  # "which ones are cheap ...?", not "which would you pick ...?"
    judged = judged or (q.premise and len(q.subjects) == 1 and q.polarity is not None  # "A's the lightweight pick, right?"
                        and not shapes.WHICH.search(asked))  # (not "since A is heavy, which should we choose?")
    judged = judged and not (index is not None and not lang.SUPERLATIVE_WORD.search(asked)  # (not "which is cheapest
                             and echoes_advice(text, model, index, q.dimensions))  # for a team without X?")
    degree = bool(q.dimensions) and any(shapes.DEGREE.match(t) for t in (text, asked, asked.split(",", 1)[-1]))  # "how
    # big a team before A makes sense?" (after a sentence or a clause: "According to the table, how big ...?")
    q.recommendation = (bool(model.advice) and asks_which and (q.situation or not q.dimensions) and not judged
                        and not degree and not shapes.ASKS_NOT.search(text)  # "which things won't they do for us?"
                        and not (q.subjects and shapes.WHAT_IT_USES.search(asked))  # "what does A use for X when ...?"
                        and not (len(q.subjects) == 1 and shapes.WHICH_ONE.match(text) and FOLLOWING in text)
                        and not shapes.HOW_MANY.search(asked)  # "how many replicas should we run?": a number
                        and not (q.dimensions and numbers.ASKS_HEADCOUNT.search(asked))  # "how big an org before A?"
                        and not asks_other_kind(q, asked, index))
    content = [w for w in lang.tokenize(text) if len(w) > 2 and w not in shapes.ASKING_ONLY]
    if index is not None and not q.subjects and not q.placed and content and not any(w in index.vocabulary() for w in content):
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
    q.about_article = bool(shapes.ABOUT_ARTICLE.search(text)) \
        and not ((q.recommendation or q.placed) and not shapes.BYLINE.search(text)) and not model.find_subjects(
        article_named(text, model), fuzzy=False)  # not "who wrote the A/B article?" for A and B
    if q.about_article:
        q.subjects = []
    return q


def echoes_advice(text: str, model: ArticleModel, index, dims) -> bool:
    """The question says, beside its row's words, two rare words of one advice statement's conditions ("the
    most minimal setup, and we don't mind tracking experiments separately"): a situation the advice answers."""
    label = {w for d in dims for w in lang.tokenize(d.label)}
    said = {t for t in lang.tokenize(text) if index.bm25.idf.get(t, 0.0) >= RARE_IDF and t not in label
            and not model.is_subject_word(t)}
    return any(len(said & set(lang.tokenize(a.conditions))) >= 2 for a in model.advice)


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


def asks_other_kind(q: Question, asked: str, index) -> bool:
    """"To work on A's server, which language should I learn?", "which version of A should I look at?": a
    thing said to be A's, or of a kind the corpus never names; not a pick among the subjects ("which tool
    should we pick?", "which workloads should we move to A?")."""
    m = shapes.ASKED_KIND.search(asked)
    if not (m and q.subjects and index is not None) or any(w in shapes.TOOL_WORDS for w in lang.words(m["kind"])) \
            or shapes.FIT_WORDS.search(asked):  # "which situations is A the right choice for?": the advice
        return False
    noun = re.escape(([w for w in m["kind"].split() if w.lower() not in lang.STOPWORDS] or [m["kind"]])[-1])
    of_it = len(q.subjects) == 1 and re.search(rf"\b{noun}\s+(?:of|for|in)\s+{lang.whole(q.subjects[0])}|"
                                                rf"{lang.whole(q.subjects[0])}['’]s\s+{noun}\b", asked, re.I)
    return bool(of_it) or not any(lang.stem(w) in index.vocabulary() for w in lang.words(m["kind"]))


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
    vocab = index.vocabulary()
    written = {lang.stem(w.lower()) for w in re.findall(r"(?<=\s)[A-Z][\w-]+", q.text)}  # names, as written
    words = {w: w if w in vocab else next((v for v in index.words_starting(w[:5]) if lang.same_word(w, v)), "")
             for w in lang.tokenize(q.text) if len(w) > 3 and w not in names}  # "containerise": "containerising"
    return [v for w, v in words.items() if v and v not in own and (w in written or not lang.is_everyday(w))]


def contradicted_origin(q: Question, sentences, model: ArticleModel):
    """The retrieved sentence that says who made the subject the question names, when it contradicts
    where the question's premise says the subject comes from ("Since A came out of X"); else None (a
    premise that holds leaves the question to be answered as usual)."""
    m = shapes.ORIGIN_CLAIM.search(q.text)
    if not (q.premise and len(q.subjects) == 1 and m):
        return contradicted_claim(q, sentences, model)  # "A being a <name>'s project, ...": another name
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


def strip_subjects(text: str, model: ArticleModel) -> str:
    """The question without its subjects' names (so "Acme Cloud" does not read as a topic)."""
    return model.strip_names(text)
