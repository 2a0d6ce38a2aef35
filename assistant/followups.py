"""Turning a follow-up into a standalone question, from the conversation so far (rule-based), with
the subjects of the article model:

"What's its learning curve?" after "Tell me about A." -> "What's A's learning curve?"
"and for B?" after "Which team size suits A?" -> "Which team size suits B?"
"What about the other two?" after a question on A -> the same question for B and C.
"""

from __future__ import annotations

import re

from . import language as lang
from . import shapes
from .article import ArticleModel
from .language import tokenize, whole
from .referents import lead_subjects, named_thing
from .types import History

SINGULAR = re.compile(
    r"\b(?:it's|its|it|itself|this one|that one|(?:this|that|the) (?:framework|tool|platform|option))\b",
    re.I,
)
THOSE = re.compile(r"\b(?:those|these|them)\b", re.I)  # things, not people ("they")
PLURAL = re.compile(r"\b(?:they|them|their|both of them|both|these two|those two|these|those)\b", re.I)
OTHERS = re.compile(
    r"\b(?:the other two|the other ones?|the others|other two|the remaining (?:two|ones?)|the rest)\b", re.I
)
LEAD = re.compile(
    r"^\s*(?:ok(?:ay)?[,.]?\s+)?(?:and|also|so|what about|how about|what of|and for|and what about|"
    r"and how about|same (?:question )?for|now for|then for)\b[\s,]*",
    re.I,
)
BARE = re.compile(
    r"^\s*(?:why|why\s+is\s+that|how\s+so|how\s+come|tell me more|more|go on|explain|elaborate|"
    r"details|really|and|can you elaborate|say more|more details)\W*$",
    re.I,
)
ASKING = re.compile(rf"^(?:{shapes.ASKING_WORDS}|tell|give|list|compare|explain|describe)\b", re.I)
# What points back at the previous turn without naming it: "that route", "for that", "the dynamic one".
POINTING = re.compile(
    r"\b(?:that|this|those|these) (?:route|approach|option|way|path|setup|one|ones|choice|thing|part|bit)\b|"
    r"(?<!\bis )(?<!\bare )\bthere\W*$|"  # "can I see the inputs there?", not "is there?"
    r"\b(?:for|with|about|of|on|in|from|like|besides|beyond|given|after) (?:that|this|those|these|them)"
    r"(?=\s*(?:[?.!,;]|$))|^\W*(?:(?:why|how|when) )?(?:does|did|is|would|will|can|could) (?:that|this)\b|"
    r"^\W*(?:why|how|what)['’]s (?:that|this)\b|"
    r"(?<!\bis )(?<!\bwas )\b(?:that|this)\s+(?=(?:ourselves|myself|yourself|themselves|at all|anymore)\b|[?!]|$)", re.I)
SHORT_ASK = re.compile(r"^\W*(?:and\s+|so\s+)?(?:how (?:long|much|many|often|big|fast|soon)|when|where|who|"
                       r"which ones?|for how long|since when|until when)\W*$", re.I)  # asks nothing else
CARRIED_WORDS = 10  # a question naming no subject this short may go on with the last one's
SETS_AGAINST = re.compile(r"\b(?:stacks? up|compares?|measures? up|versus|vs\.?|against)\b", re.I)
POINTED = re.compile(r"\b(?:that|this)\b(?!\s+(?:one|ones|two)\b)", re.I)  # "that" (what was asked), not "that one"
FOLLOWING = "(following:"  # how a rewritten question carries the one before it
THAT_THING = re.compile(r"\b(?:that|this|the same|those|these) ([\w-]+)\b", re.I)  # "that index", if said before
THE_ONE = re.compile(r"\bthe ([\w-]+) ones?\b", re.I)  # "the dynamic one": if the last turn named it
BARE_WORDS = frozenset("is there are does do have has got any a an exist exists offer offers the for it".split())
PREPOSITIONS = frozenset("in on at of to by from under using within inside".split())
FILLER = re.compile(r"\b(?:for|about|with|the|a|an|please|then|instead|one)\b|[^\w\s]", re.I)

def standalone_question(question: str, history: History, model: ArticleModel) -> str:
    """The question rewritten so it can be understood without the conversation."""
    previous, previous_answer = _previous(history, model)
    return rewrite(question, previous, model, previous_answer)


def _previous(history: History, model: ArticleModel) -> tuple[str | None, str]:
    """The conversation's last question, standalone, and the answer it got."""
    previous: str | None = None
    previous_answer = ""
    for msg in history:
        if msg["role"] == "user":
            previous = rewrite(msg["content"], previous, model, previous_answer)
        else:
            previous_answer = msg["content"]
    return previous, previous_answer


# Words a question asking more on the last answer may use besides its asking words and its pointers.
MORE_WORDS = frozenset("one though any really exactly then again what come tell more detail details "
                       "reason reasons reasoning rationale justification explanation behind".split())
ELSE = re.compile(r"\b(?:anything|something|what|where|who|how) else\b|\bother (?:uses?|things?)\b", re.I)
POINTER = re.compile(r"\b(?:that|this|it|its|them|they|there|those|these)\b", re.I)


def asks_more(question: str, model: ArticleModel) -> bool:
    """"why?", "how come?", "why that one, though?", "what's the catch?", "any downside there?", "what's the
    tradeoff I pay for that?": a question asking for more on what the last answer said (its reasons, its
    costs), naming nothing of its own but perhaps one word besides a pointer back."""
    if not (shapes.ASKS_MORE.search(question) or shapes.ASKS_DOWNSIDE.search(question)):
        return False
    if model.find_subjects(question) or names_dimension(question, model):
        return False
    rest = [w for w in tokenize(shapes.ASKS_DOWNSIDE.sub(" ", question)) if w not in MORE_WORDS]
    return not rest or (len(rest) == 1 and bool(POINTER.search(question)))


def said_before(question: str, history: History, model: ArticleModel) -> str:
    """What the last answer said, when the question asks for more on it (``asks_more``): the next
    answer goes on from there rather than saying it again. Empty otherwise."""
    if not asks_more(question, model) and not (ELSE.search(question) and not model.find_subjects(question)):
        return ""  # ("what else is that index used for?": more than the last answer said, too)
    _, answer = _previous(history, model)
    return answer


def asked_of_another(standalone: str, history: History, model: ArticleModel) -> str:
    """"and the other one?" after "what kind of team runs A?": the last question asked of other subjects.
    The last answer with their names for the old ones then says what the new answer parallels (an
    article says the same kind of thing of each subject). Empty for any other question."""
    previous, answer = _previous(history, model)
    new, old = model.find_subjects(standalone, aliases=False), model.find_subjects(previous or "", aliases=False)
    if not answer or not new or not old or set(new) & set(old) or len(new) != len(old):
        return ""
    blank = lambda text, keys: re.sub("|".join(whole(k) for k in keys), "_", text, flags=re.I).lower()  # noqa: E731
    if blank(standalone, new) != blank(previous, old):
        return ""
    return re.sub("|".join(whole(k) for k in old), model.names(new), answer, flags=re.I)


def said_already(sentence: str, said: str) -> bool:
    """The passage sentence is one the last answer (``said``, lower-cased plain text) quoted."""
    return len(sentence) >= 25 and sentence.lower().rstrip(".") in said


def in_context(standalone: str, history: History, model: ArticleModel) -> str | None:
    """A question that names nothing of the corpus's and was read alone ("any common pairing people
    use?", "how much time does getting it right save?"), read as following the conversation's last
    question; None when it already carries that context or names a subject of its own."""
    previous, _ = _previous(history, model)
    if not previous or FOLLOWING in standalone or model.find_subjects(standalone):
        return None
    return _following(standalone, previous)


def names_dimension(text: str, model: ArticleModel) -> bool:
    """The text names a table dimension by one of its label's words ("and the learning curve?")."""
    asked = set(tokenize(text))
    return any(w in asked for d in model.dimensions.values() for w in tokenize(d.label) if len(w) > 3)


def rewrite(question: str, previous: str | None, model: ArticleModel, previous_answer: str = "") -> str:
    q = question.strip()
    if not previous:
        return q
    standalone = _rewrite(q, previous, model, previous_answer)
    if asks_more(q, model) and standalone != previous and FOLLOWING not in standalone:
        return _following(standalone, previous)  # "why Bee, though?" keeps what was asked before
    return standalone


def _rewrite(q: str, previous: str, model: ArticleModel, previous_answer: str) -> str:
    everyone = list(model.subjects)
    names = model.names
    possessive = lambda keys: names(keys) + ("'s" if len(keys) == 1 else "'")  # noqa: E731
    mine = model.find_subjects(q)
    before = model.find_subjects(previous) or lead_subjects(previous_answer, model)
    if not mine and shapes.ELLIPTICAL.match(q) and not re.search(r"\w\s*[,.;:!]\s*\w", q):  # "good enough as an audit
        # trail?": "is it good enough ...?" (not "Great, and how does it filter?")
        q = shapes.ELLIPTICAL.sub(lambda m: f"{m['lead'] or ''}is it {m['said']}", q, count=1)

    if OTHERS.search(q):
        others = [k for k in everyone if k not in before] or [k for k in everyone if k not in mine]
        rest = FILLER.sub(" ", LEAD.sub("", OTHERS.sub("", q))).strip()
        if not rest or not (names_dimension(rest, model) or len(rest.split()) > 2):
            return _swap(previous, before, others, names, possessive)
        return OTHERS.sub(names(others), q)

    if BARE.match(q):
        return previous

    lead = LEAD.match(q)
    rest = FILLER.sub(" ", LEAD.sub("", q)).strip()
    bare_rest = rest
    for key in mine:  # the subjects' names, however the question spelt them
        bare_rest = re.sub(whole(key), "", bare_rest, flags=re.I)
    bare_rest = " ".join(w for w in bare_rest.split() if not model.is_subject_word(w)
                         and w.lower() not in PREPOSITIONS).strip()  # "and in B?", "what about on B?"
    named_before = model.find_subjects(previous, aliases=False)
    if mine and not bare_rest and (lead or named_before):  # "and for B?"; "B?" after a question on A
        return _swap(previous, before, mine, names, possessive)

    if not mine and shapes.WHICH_ONE.match(q) and len(model.find_subjects(previous)) == 1 \
            and shapes.OPTIONS.search(previous) and not names_dimension(q, model):
        return _following(q, previous)  # "which one for a notebook?" after A's modes: one of those
    pointer = SINGULAR if SINGULAR.search(q) else THOSE if THOSE.search(q) and len(model.find_subjects(previous)) == 1 \
        else None  # ("how many of those can I run?" after a question on one subject: not that subject)
    thing = named_thing(previous, previous_answer, model, q, plural=pointer is THOSE) \
        if pointer and not (mine and model.find_subjects(previous)) else ""
    if thing:  # "does it keep a full history?" after "what do teams use to watch A?" -> the tool named
        return _in_context(_without_lead(replace_pronouns(q, pointer, [thing], lambda keys: keys[0],
                                                           lambda keys: keys[0] + "'s")), previous)
    if mine and before and not lead and shapes.LIKE_THAT.search(q) and set(mine) != set(before) and _only_like_that(q, model):
        return _swap(previous, before, mine, names, possessive)  # "is there something like that for B?"
    that = POINTED.search(q) if mine and before and not set(mine) & set(before) and SETS_AGAINST.search(q) else None
    if that:  # "how does that stack up against B's?" after a question on A's X: A's X against B's
        return _following(q[:that.start()] + names(before) + q[that.end():], previous)
    referents = [k for k in before if k not in model.find_subjects(q, aliases=False)]  # ("does it need X?", X A's)
    if referents and (PLURAL.search(q) or SINGULAR.search(q)) and not _own_referent(q, mine, model):
        pattern = SINGULAR if SINGULAR.search(q) and len(referents) == 1 or not PLURAL.search(q) else PLURAL
        return _in_context(_without_lead(replace_pronouns(q, pattern, referents, names, possessive)), previous,
                           original=q)

    if not mine and before and (lead or len(q.split()) <= 6) and names_dimension(q, model) \
            and len(_beside_labels(q, model)) < 2:  # not "and if we want advanced search over workflows?"
        body = LEAD.sub("", q).rstrip(" ?.")  # "and the learning curve?" -> "... for A?"
        if ASKING.match(body):  # "can I see retries there?"
            return f"{body[:1].upper()}{body[1:]} for {names(before)}?"
        return f"What about {body} for {names(before)}?"
    if mine and lead and not names_dimension(q, model) and names_dimension(previous, model):
        if set(mine) != set(before):
            return _swap(previous, before, mine, names, possessive)
        if not model.find_subjects(q, aliases=False):  # "and which languages have SDKs?" after A's: its own
            return f"{_without_lead(q).rstrip(' ?.')} for {names(before)}?"  # question, of A
    if not mine:
        if (lead and before) or SHORT_ASK.match(q):  # "so do I still run the workers myself?", "how long?":
            return _following(q, previous)  # a follow-up by its first word, or by asking nothing else
        if not before and SINGULAR.search(q) and not shapes.ABOUT_ARTICLE.search(previous):  # "how much does
            # getting it right save?" after a question naming no subject (not "who wrote this?")
            return _following(q, previous)  # "it" is what that one asked about
        return _in_context(q, previous, previous_answer)
    return q


def with_last_subjects(standalone: str, history: History, model: ArticleModel, vocabulary: frozenset[str]) -> str:
    """A short question naming no subject, read as going on with the last question's subjects (or
    those its answer led with): "is backoff on by default?" after "how does A retry?" -> "is backoff
    on by default for A?"; unchanged unless ``carried_subjects`` finds some."""
    previous, previous_answer = _previous(history, model)
    if not previous:
        return standalone
    keys = carried_subjects(standalone, previous, previous_answer, model, vocabulary)
    return f"{standalone.rstrip(' ?.')} for {model.names(keys)}?" if keys else standalone


def carried_subjects(q: str, previous: str, previous_answer: str, model: ArticleModel,
                     vocabulary: frozenset[str]) -> list[str]:
    """The subjects a short question naming none (or only a name of theirs) goes on with: the last question's (or
    those its answer led with), when it speaks of something the corpus does ("can I pause one without redeploying?")
    and asks no pick ("which is easier?", "what should we use?", about the article) nor what a thing is."""
    if model.find_subjects(q, aliases=False) or len(q.split()) > CARRIED_WORDS or FOLLOWING in q:
        return []
    if shapes.WHICH.search(q) or lang.SUPERLATIVE_WORD.search(q) or lang.COMPARATIVE.search(q) \
            or shapes.WHAT_IS.match(q) \
            or shapes.RECOMMEND.search(q) or shapes.ABOUT_ARTICLE.search(q) \
            or shapes.every_subject(q, len(model.subjects)):
        return []
    if not any(w in vocabulary for w in tokenize(q) if len(w) > 2):
        return []  # "what's the capital of <country>?": no follow-up, whatever came before
    keys = model.find_subjects(previous) or lead_subjects(previous_answer, model)
    return keys if set(model.find_subjects(q)) <= set(keys) else []  # a name of A's goes on with A, not with B


def _beside_labels(q: str, model: ArticleModel) -> list[str]:
    """The question's content words besides the words of the table's labels."""
    labels = {w for d in model.dimensions.values() for w in tokenize(d.label)}
    return [w for w in tokenize(LEAD.sub("", q)) if len(w) > 2 and w not in labels and w not in lang.STOPWORDS
            and not ASKING.match(w)]


def _only_like_that(q: str, model: ArticleModel) -> bool:
    """Nothing but the subject and "something like that" ("is there something like that for B?")."""
    rest = [w for w in lang.words(shapes.LIKE_THAT.sub(" ", q)) if w not in BARE_WORDS and not model.is_subject_word(w)]
    return len(rest) <= 1


def _own_referent(q: str, mine: list[str], model: ArticleModel) -> bool:
    """The pronoun stands for the subject the question itself names, in an earlier clause ("A is GPL,
    so legal will block it"); not in the same clause ("does B integrate with it?") or a comparison."""
    pronoun = SINGULAR.search(q)
    if len(mine) != 1 or not pronoun or lang.COMPARATIVE.search(q) or re.search(r"\b(?:than|vs\.?|versus|compare)", q, re.I):
        return False
    named = re.search(whole(mine[0]), q, re.I)
    between = q[named.end(): pronoun.start()] if named and named.start() < pronoun.start() else ""
    return bool(re.search(r"[,;]|\b(?:so|and|but|because|since|then|which|that|if)\b", between, re.I))


def _in_context(q: str, previous: str, previous_answer: str = "", original: str = "") -> str:
    """A question that still points back ("what's the catch with that route?", "what is it combined
    with for that?", "explain the dynamic one" after an answer naming it) carries the previous
    question with it; so does one asking for a downside of what was discussed ("what's the catch?",
    or ``original`` "the catch with that one" before its pointer became the subject's name)."""
    one = THE_ONE.search(q)
    named = bool(one) and one[1].lower() not in lang.JUDGING and not one[1].lower().endswith("est") \
        and re.search(rf"\b{re.escape(one[1])}\b", f"{previous} {previous_answer}", re.I) is not None
    that = THAT_THING.search(q)  # "is that index used for anything else?" after an answer on an index
    named = named or bool(that) and that[1].lower() not in lang.STOPWORDS and len(that[1]) > 2 \
        and re.search(rf"\b{re.escape(that[1])}\b", f"{previous} {previous_answer}", re.I) is not None
    downside = shapes.ASKS_DOWNSIDE.search(q) and (not original or POINTING.search(original))
    if not POINTING.search(q) and not named and not downside:
        return q
    return _following(q, previous)


def _following(q: str, previous: str) -> str:
    return f"{q.rstrip(' ?.')}? {FOLLOWING} {previous.strip()})"


def _without_lead(q: str) -> str:
    """"and A's learning curve?" -> "What about A's learning curve?"; "and how hard is B
    to set up?" -> "How hard is B to set up?"."""
    lead = LEAD.match(q)
    if not lead:
        return q
    rest = q[lead.end():].strip()
    if not rest:
        return q
    if ASKING.match(rest):
        return rest[:1].upper() + rest[1:]
    return f"What about {rest.rstrip(' ?.')}?"


def _swap(previous: str, old: list[str], new: list[str], names, possessive) -> str:
    """The previous question asked of other subjects."""
    if not old:
        return f"{previous.rstrip(' ?.')} for {names(new)}?"
    pattern = re.compile(
        r"(?:(?<![\w-])(?:" + "|".join(map(re.escape, old)) + r")(?![\w-])(?:'s)?(?:\s*(?:,|and|or|vs\.?|versus)\s*)?)+", re.I
    )
    first = [True]

    def sub(m: re.Match) -> str:
        if not first[0]:
            return ""
        first[0] = False
        trail = " " if m.group().endswith(" ") else ""
        return (possessive(new) if "'s" in m.group() else names(new)) + trail

    return pattern.sub(sub, previous)


def replace_pronouns(q: str, pattern: re.Pattern, keys: list[str], names, possessive) -> str:
    def sub(m: re.Match) -> str:
        word = m.group().lower()
        if word in ("its", "their"):
            return possessive(keys)
        if word == "it's":
            return names(keys) + " is"
        return names(keys)

    return pattern.sub(sub, q, count=1)
