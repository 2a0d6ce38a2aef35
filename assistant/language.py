"""Generic English the assistant reads questions and articles with: words and stems, stop words,
everyday-word frequency, polarity words, the ordinal scale vocabulary of comparison tables, question
shapes and advice shapes. Nothing here knows any article: what an article says is derived from it
(``article.py``).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .numbers import DURATION, NUMBER, NUMBER_WORDS

WORD = re.compile(r"[a-z0-9]+(?:[’'][a-z]+)?(?:[-.+][a-z0-9]+)*")
STOPWORDS = frozenset(
    "a an and are as at be but by can do does for from how i if in is it its it's of on or our "
    "should so that the their them they this to was we what when where which who why will with "
    "you your me my us vs about than then there these those would could has have had".split()
)


def whole(name: str) -> str:
    """A regex for ``name`` as a whole word or phrase, whatever characters it ends with ("C++")."""
    return rf"(?<![\w-]){re.escape(name)}(?![\w-])"


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


# Contractions typed without their apostrophe ("whats", "doesnt"); none of these is also a word.
UNMARKED = {"whats": "what's", "hows": "how's", "wheres": "where's", "whos": "who's", "whens": "when's",
            "dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "isnt": "isn't", "arent": "aren't",
            "wasnt": "wasn't", "cant": "can't", "couldnt": "couldn't", "shouldnt": "shouldn't",
            "wouldnt": "wouldn't", "havent": "haven't", "hasnt": "hasn't", "ive": "I've", "youre": "you're",
            "theyre": "they're", "thats": "that's", "theres": "there's"}
_UNMARKED = re.compile(r"\b(?:" + "|".join(UNMARKED) + r")\b", re.I)


def with_apostrophes(text: str) -> str:
    """"whats the latest version" -> "what's the latest version": the question shapes see it as asked."""
    return _UNMARKED.sub(lambda m: UNMARKED[m.group().lower()] if m.group().islower() or m.group()[1:].islower()
                         else m.group(), text)


def stem(word: str) -> str:
    for suffix in ("ing", "ies", "ied", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= (3 if suffix == "s" else 4):
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


def same_word(a: str, b: str) -> bool:
    """Two tokens of one word family: equal stems, or a shared beginning that covers all but the
    endings ("operate"/"operational", "comfortably"/"comfortable", "infra"/"infrastructure")."""
    undouble = lambda w: w[:-1] if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "aeiouls" else w  # noqa: E731
    a, b = undouble(a), undouble(b)  # "runn" (running) and "run" (runs)
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if n < 5 or shorter[n:] not in ("", "e", "y", "s", "es", "ed", "ly", "ing", "ng", "ion", "al", "ally"):
        return False
    if shorter[n:] == "" and zipf(shorter) >= RARE_ZIPF:  # a whole word inside a longer one: only its
        return longer[n:] in ("s", "es", "ed", "ing", "ly", "al", "ally", "er", "ers")  # inflections
    return True


def tokenize(text: str) -> list[str]:
    """Lexical tokens: lower-case words without stop words, plural/verb endings folded."""
    text = re.sub(r"\b(?:set(?:ting)?|stand(?:ing)?|spin(?:ning)?)[ -]up\b", "setup", text, flags=re.I)
    return [stem(w.replace("'s", "")) for w in words(text) if w not in STOPWORDS]


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common a word is in English (wordfreq's Zipf scale: 'the' ~7.7, 'ordinary' 4.4,
    'orchestration' 2.7, unknown 0)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


EVERYDAY_ZIPF = 4.0  # at or above: an everyday word ("somebody" 5.0, "eventually" 4.9, "ordinary" 4.4)
RARE_ZIPF = 3.0  # below: a rare word that can carry a topic ("orchestration" 2.7, "chatbot" 2.3); between
                 # the two, a less common word that is usually phrasing ("hassle" 3.6, "paired" 3.8)


NUMERONYM = re.compile(r"([a-z])(\d{1,2})([a-z])")  # "k8s": first letter, letters between, last letter


def abbreviates(short: str, word: str) -> bool:
    """A short token that is not an everyday word and begins a longer one: "ops" for "operational",
    "infra" for "infrastructure", "perf" for "performance"; or a numeronym: "k8s" for "kubernetes"
    (first letter, the count of letters between, last letter)."""
    numeronym = NUMERONYM.fullmatch(short.lower())
    if numeronym:
        first, between, last = numeronym.groups()
        w = word.lower()
        return len(w) == int(between) + 2 and w[0] == first and w[-1] == last
    head = short[:-1] if short.endswith("s") and len(short) > 2 else short
    return (len(short) >= 3 and len(head) >= 2 and len(word) >= len(head) + 4 and word.startswith(head)
            and not is_everyday(short))


def clips_everyday(word: str) -> bool:
    """A clipped everyday word, not a name: "impl", "perf", "infra" begin common English words
    (wordfreq's 10,000 most common); "qdrant" or "mlflow" begin none."""
    if len(word) < 4:
        return False
    common = _common_words()
    i = bisect.bisect_left(common, word)
    return i < len(common) and common[i].startswith(word) and common[i] != word


@lru_cache(maxsize=1)
def _common_words() -> list[str]:
    from wordfreq import top_n_list

    return sorted(top_n_list("en", 10_000))


def is_everyday(word: str) -> bool:
    """An everyday English word, or an everyday word's comparative/superlative/adverb form."""
    word = word.lower()
    if zipf(word) >= EVERYDAY_ZIPF:
        return True
    for suffix, repl in (("iest", "y"), ("ier", "y"), ("est", ""), ("er", ""), ("ily", "y"), ("ly", "")):
        base = word[: -len(suffix)] + repl if word.endswith(suffix) else ""
        if len(base) >= 3 and (zipf(base) >= EVERYDAY_ZIPF or zipf(base + "e") >= EVERYDAY_ZIPF):
            return True
    return False


def is_rare(word: str) -> bool:
    return not is_everyday(word) and zipf(word.lower()) < RARE_ZIPF


NEGATED = re.compile(
    r"\b(?:(?:nobody|no one|none of us)(?:\s+(?:here|really|actually|else|yet|on (?:our|the) team))*"
    r"(?:\s+(?:knows?|has|have|had|ever|touched|used|uses|runs?|ran|understands?|wants?|likes?|is|are|"
    r"experience|familiar|worked|with|in))+|no|without|zero|little|lack(?:ing|s)?|don'?t have|do not have|doesn'?t have|not|never|avoid(?:ing)?|"
    r"can'?t|cannot|aren'?t|isn'?t)\s+(?:any\s+|much\s+|a\s+|an\s+|the\s+|deep\s+|real\s+|dedicated\s+|"
    r"(?:want|need|know|use|run|have|has|planning|require|(?!anything|nothing|something)\w+ing)(?:\s+to)?\s+"
    r"(?:any\s+|a\s+|an\s+|the\s+)?)?(?P<what>[\w-]+)", re.I)


def negated_terms(text: str) -> set[str]:
    """Stems of the words a text negates: "no Kubernetes experience" -> {"kubernetes"}."""
    out = set()
    for m in NEGATED.finditer(text.replace("’", "'")):
        w = m["what"].lower()
        if w not in STOPWORDS:
            out.add(stem(w.split("-")[0]))
    return out


def spelled_out(terms: set[str], text: str) -> set[str]:
    """Stems of the words of ``text`` that numeronyms among ``terms`` stand for ("k8s" -> "kubernetes")."""
    shorts = [t for t in terms if NUMERONYM.fullmatch(t)]
    return {stem(w) for w in re.findall(r"[a-z]+", text.lower()) if any(abbreviates(t, w) for t in shorts)}


# -- the ordinal scale of table values ---------------------------------------------------------
# A value such as "High (K8s overhead)", "Low–Medium" or "Minimal" is ranked on three steps; a range
# ranks between its ends. Words, not any article's values.
SCALE = {
    0.5: "none no",
    1.0: "low lower lowest minimal minimum little light lightweight simple easy small gentle shallow cheap basic "
         "limited slow few fewer weak poor",
    1.5: "modest fair",
    2.0: "medium moderate mid average some intermediate good decent",
    2.5: "strong",
    3.0: "high higher highest heavy complex steep hard difficult large significant extensive expensive full "
         "maximum many excellent huge",
}
RANK = {w: rank for rank, ws in SCALE.items() for w in ws.split()}
RANGE = re.compile(r"\s*(?:–|—|-|/|\bto\b)\s*", re.I)
INTENSIFIER = re.compile(r"^(?:very|extremely|quite|fairly|relatively|rather)\s+", re.I)


def rank(value: str) -> float | None:
    """Rank of a table value on the scale (1 low … 3 high), or None when it is not a level:
    "High (K8s overhead)" 3, "Low–Medium" 1.5, "Very large" 3.5, "Go + C++" None."""
    head = re.split(r"\s*[(,;]", value.strip().lower())[0].strip()
    parts = [p for p in RANGE.split(head) if p]
    if not parts or len(parts) > 2:
        return None
    ranks = []
    for part in parts:
        part = part.strip()
        very = bool(INTENSIFIER.match(part))
        r = RANK.get(INTENSIFIER.sub("", part))
        if r is None:
            return None
        ranks.append(r + (0.5 if very and r >= 2 else -0.25 if very else 0.0))
    return sum(ranks) / len(ranks)


def _rx(*parts: str) -> re.Pattern:
    return re.compile("|".join(parts), re.IGNORECASE)


LOW_WORDS = _rx(
    r"\beas(?:y|ier|iest)\b", r"\bsimpl(?:e|er|est)\b", r"\bcheap(?:er|est)?\b", r"\blow(?:er|est)?\b",
    r"\bminimal\b", r"\bleast\b", r"\blightweight\b", r"\blight(?:er|est)?\b", r"\bgentl(?:e|er|est)\b",
    r"\bquick(?:er|est)?\b", r"\bstraightforward\b", r"\binexpensive\b", r"\bsmall(?:er|est)? (?:cost|overhead)\b",
)
HIGH_WORDS = _rx(
    r"\bhard(?:er|est)?\b", r"\bdifficult\b", r"\bcomplex\b", r"\bcomplicated\b", r"\bsteep(?:er|est)?\b",
    r"\bexpensive\b", r"\bcostl(?:y|ier|iest)\b", r"\bhigh(?:er|est)?\b", r"\bheav(?:y|ier|iest)\b",
    r"\bmost\b(?! (?:minimal|lightweight))", r"\btough(?:er|est)?\b", r"\bpain(?:ful)?\b", r"\bdemanding\b",
    r"\b(?:a lot|lots|loads|tons) of (?:work|effort|ops|overhead)\b", r"\bhassle\b",
)
SUPERLATIVE = _rx(r"\b\w+est\b", r"\bmost\b", r"\bleast\b", r"\bwhich (?:one|is|has)\b")
# Words that judge rather than name a topic: in a row label ("Best fit") they match any question.
JUDGING = frozenset("best worst top better worse good bad right most least".split())
SUPERLATIVE_WORD = _rx(r"\b(?:\w{3,}est|most|least)\b")
COMPARATIVE = _rx(r"\b\w{3,}er\b[\w\s-]{0,25}\bthan\b", r"\b(?:more|less) \w+[\w\s-]{0,25}\bthan\b")


def claimed_polarity(text: str) -> float | None:
    """-1 when the text calls something easy/cheap/low, +1 for hard/expensive/high, else None."""
    low, high = LOW_WORDS.search(text), HIGH_WORDS.search(text)
    if low and not high:
        return -1.0
    if high and not low:
        return 1.0
    if low and high:
        return -1.0 if low.start() < high.start() else 1.0
    return None


# -- question shapes ---------------------------------------------------------------------------
# "Should we use A, or something else?": advice on every subject is wanted, not only on the one named.
OPEN_CHOICE = _rx(r"\b(?:something|anything|someone) else\b", r"\balternatives?\b", r"\binstead\b",
                  r"\b(?:an)?other (?:one|option|tool|choice|framework|library|database|product)s?\b")
# "Does A run on X?", "Can B work with Y?": whether a subject works with some thing; the thing is
# the topic, however everyday its words are ("windows", "phones").
CAPABILITY = _rx(r"^\W*(?:does|do|can|will|is|are)\s+[\w .'-]+?\s+(?:run|work|play nicely|integrate|"
                 r"support|be (?:used|run|installed|deployed))s?\s+(?:on|with|in|under|inside|for)\s+"
                 r"(?!(?:my|our|your|their) )(?P<thing>[\w .+/-]+?)\s*\??\s*$")
# "Recommend me a good X": the thing to recommend is the topic.
RECOMMEND_THING = _rx(r"\b(?:recommend|suggest)(?: me| us)? (?:a |an |some |any )?(?:good |great |nice |decent )?"
                      r"(?P<thing>[a-z][\w-]*(?: [a-z][\w-]*)?)")
# "How do you define / write / mark ...?": asks how it is written, which code in a sentence shows.
HOW_TO_WRITE = _rx(r"^\W*(?:\w+\W+){0,3}?how (?:do|does|would|can|should|to) (?:(?:you|i|we|one) )?(?:\w+ ){0,2}?"
                   r"(?:define|write|declare|mark|create|build|turn|make|express|code|implement|register|wrap|tag)\b")
CODE = re.compile(r"(?<!\w)@\w+|`[^`]+`|\b\w+\(\)|\.\w+\(")
# "How big / hard / much ...?": asks for a degree or an amount (a value), not for a choice.
DEGREE = _rx(r"^\W*(?:(?:so|and|ok|okay|but)\W+)?how (?:big|large|small|many|much|hard|easy|difficult|steep|long|"
             r"complex|complicated|expensive|cheap|costly|heavy|light|mature|rough|painful)\b")
RECOMMEND = _rx(
    r"\bshould (?:we|i|my team|our team|a team|a startup|startups?|they|you)\b", r"\brecommend", r"\bsuggest",
    r"\bwhich (?:[\w-]+ )?(?:is (?:the )?(?:best|right|better)|fits|suits|would you)",
    r"\b(?:best|right|better|good) (?:fit|choice|option|pick|default)\b", r"\bgo with\b", r"\bpick\b(?! up\b)",
    r"\bchoose\b", r"\bwhat (?:would|do) you (?:use|pick|choose)", r"\bmakes? (?:the most )?sense\b",
    r"\bsuit(?:s|ed|able)?\b", r"\bwhen (?:should|would|to) (?:i |we |you )?(?:use|pick|choose)",
    r"\b(?:use|reach for|adopt|go for)\b.{0,40}\b(?:if|when)\b", r"\bworth (?:it|using|adopting)\b",
    r"\bwhat (?:do|should|would|can) (?:we|i) (?:use|pick|choose|go with|run)\b", r"\b(?:any )?options\s*\?\s*$",
    r"\b(?:any )?advice\b", r"\bwhat(?:'s| is) (?:the )?(?:best|right) (?:fit|choice|option|tool)\b",
    r"\bwhat (?:fits|suits)\b", r"\bwhat(?:'s| is) the (?:move|call|play)\b", r"\b(?:safer|safest|smarter) (?:bet|pick|choice)\b",
)
WHICH = _rx(r"^\s*which\b", r"\bwhich (?:one|of|tool|option)\b",
            r"^\s*what\s+(?!does|do|did|is|are|was|were|would|should|can|could|will|about|if|kind|type|sort)"
            r"\w+\s+(?:is|has|does|offers|needs|requires|lets|runs|uses|gives|works)\b")
# Every subject compared, without naming them: "between the two", "all three tools", "both", "each of
# them" (not "the two steps", not "both emails and exports").
EVERY = _rx(r"\b(?:the|these|those|all) (?P<n>two|three|four|five)\b(?=\s*(?:[?.!,;:]|$)|\s+(?:of (?:them|these|those)|"
            r"ones|tools|options|frameworks|products|engines|systems|libraries|platforms|services|databases|queues|"
            r"approaches|choices|candidates|alternatives|projects|differ|compare|stack|have|has|are|is|do|does|handle|"
            r"offer|support|need|in|on|for|with|at|when|if|and|or|to|vs)\b)",
            r"\b(?P<both>both)\b(?!(?:\s+[\w-]+){1,3}\s+and\b)", r"\b(?:each|all|either|any) of (?:them|these|those)\b",
            r"\bbetween (?:them|these|those)\b")


def every_subject(text: str, subjects: int) -> bool:
    """The text speaks of every one of the ``subjects`` compared, without naming them."""
    m = EVERY.search(text)
    if not m:
        return False
    wanted = 2 if m["both"] else NUMBER_WORDS[m["n"].lower()] if m["n"] else subjects
    return wanted == subjects


# "decorators or some yaml thing", "Postgres or Mongo": the two words offered as a choice.
OR_PAIR = re.compile(r"(?<![\w.+-])(?P<a>[\w.+-]{2,})\s+or\s+(?:some\s+|a\s+|an\s+|the\s+)?(?P<b>[\w.+-]{2,})")
YES_NO = _rx(r"^\s*(?:is|are|does|do|can|will|would|was|has|have)\b")
PREMISE = _rx(r"^\s*(?:why|since|given that|given|because|as)\b")
# The words a clause that asks opens with ("Does A ...", "which db?").
ASKING_WORDS = (r"what|what's|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|"
                r"should|would|will|has|have|isn't|aren't|doesn't|don't")
INTERROGATIVE = _rx(rf"^\W*(?:{ASKING_WORDS}|any|anyone)\b")
# A statement put up for confirmation ("A is written in Go, right?"): a yes/no question and a premise;
# not a question that opens as one ("What does A get right?").
TAG_QUESTION = _rx(rf"^(?!\W*(?:{ASKING_WORDS})\b)[^?]{{12,}}?[\s,]+(?:right|correct|yeah|true|isn'?t (?:it|that)|"
                   r"aren'?t they|doesn'?t it|don'?t they|no)\s*\?")


def asking_sentence(text: str) -> str:
    """The sentence that asks: the last one ending in "?" (a question may set out its context in
    sentences before it, or add some after it), else the whole text."""
    asked = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.rstrip().endswith("?")]
    return asked[-1] if asked else text


def answer_shape(text: str) -> re.Pattern | None:
    """What a sentence answering the question must state, by the question's shape: a number for "how
    many ...?", a duration for "how long ...?", a date for "when ...?", a cost for "what's the catch?", a
    negation for "what does it not cover?"."""
    for asks, shape in ((ASKS_COUNT, NUMBER), (ASKS_DURATION, DURATION), (ASKS_WHEN, DATE), (ASKS_DOWNSIDE, DOWNSIDE),
                        (ASKS_NOT, NEGATION)):
        if asks.search(text):
            return shape
    return None


def asked_part(text: str) -> str:
    """What a question asks, without the situation it may set out first: from its first clause
    that asks ("... we run two small VMs. which db?" -> "which db?"), else its last clause; as written."""
    starts = [0] + [m.end() for m in re.finditer(r"[.!?;,:]+(?=\s|$)|[()\n]|\s[-–—/]\s", text)]
    starts = [s for s in starts if re.search(r"\w", text[s:])]
    if not starts:
        return text
    return text[next((s for s in starts if INTERROGATIVE.match(text[s:])), starts[-1]):].strip()
OVERVIEW = _rx(
    r"^\s*(?:tell me (?:more )?about|what(?:'s| is| are)|describe|explain|give me an overview of|"
    r"overview of|summari[sz]e|who (?:is|are))\s+(?:the )?\s*(?P<rest>.*?)\W*$"
)
ABOUT_ARTICLE = _rx(
    r"\bwho (?:wrote|writes|authored|published|is the author)", r"\bauthor\b",
    r"\bwhen was (?:the|this) (?:article|post|piece|comparison) (?:written|published)",
    r"\bpublication date", r"\bpublished\b", r"\bhow long (?:is|to read) (?:the|this) (?:article|post)",
    r"\breading time",
)
# -- what the assistant declines ---------------------------------------------------------------
INJECTION = _rx(
    r"\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instructions?|rules?|prompts?|guidelines|"
    r"previous|above|context|system|article)\b", r"\bsystem prompt\b", r"\byou are now\b",
    r"\bpretend (?:to be|you)\b", r"\bjailbreak", r"\bdeveloper mode\b", r"\bact as\b", r"\brole-?play\b",
    r"\bnew instructions\b",
)
CREATIVE = _rx(
    r"\b(?:write|compose|make up|create|generate|sing|tell)\b.{0,30}\b(?:poem|haiku|song|story|joke|"
    r"limerick|rap|essay|sonnet|lyrics|tweet|novel|fiction)\b", r"\bpoem\b", r"\bhaiku\b", r"\blimerick\b",
)
PRICE = _rx(
    r"\$|€|£|\bdollars?\b|\beuros?\b|\bpricing\b|\bper (?:month|seat|user|year|hour|node)\b",
    r"\b(?:what(?:'s| is| are)|how much is|list|the|its|their) (?:the )?prices?\b|\bprices? (?:of|for)\b",
    r"\bsubscription\b(?!\s+(?:lifecycles?|flows?|renewals?|workflows?|logic|events?|management))|\blicen[cs](?:e|ing) (?:fee|cost)|\bfree (?:tier|plan)\b|\bbilling\b|\bpaid plan",
)
PRICE_OK = _rx(r"self[- ]host|cheap|expensive|\bcost\b(?! per)")
COST_QUESTION = _rx(r"\bhow much (?:does|do|is|would|will|are|did)\b.{0,60}\b(?:cost|charge|run you|set you back)\b",
                    r"\bwhat (?:does|do|would|will) .{0,40}\bcost\b", r"\bhow (?:expensive|pricey)\b")

# -- what a question asks for, and what an answer to it must contain ---------------------------
ASKS_VERSION = _rx(r"\b(?:which|what)(?:'s| is)?(?: the)? (?:latest |first |current |newest |oldest |last )?"
                   r"(?:(?!(?:does|do|did|is|are|was|were|can|should|would|will|has|have)\b)[\w-]+ ){0,2}"
                   r"(?:version|release)\b")
ASKS_VERSION_NUMBER = _rx(r"\b(?:latest|newest|current|first|oldest|last|minimum|required) (?:stable )?(?:version|release)\b",
                          r"\b(?:which|what) (?:version|release)\b")  # a number, not "the managed version"
# A rate asked for as a figure: "how many tasks/sec", "what's the max throughput".
ASKS_RATE = _rx(r"\b(?:how many|how much|what(?:'s| is| are)|max(?:imum)?|peak)\b.{0,50}?(?:\bper (?:second|sec|minute|min|hour)\b|"
                r"/s(?:ec)?\b|\bqps\b|\brps\b|\bthroughput\b)")
VERSION = _rx(r"\bv?\d+\.\d+(?:\.\d+)?\b", r"\b(?:version|release) \d")
ASKS_WHEN = _rx(r"(?:^|[,;.?!]\s*|\band\s+)when (?:was|were|did|is|will|does)\b", r"\bwhat year\b", r"\bsince when\b", r"\bhow old\b")
ASKS_MAKER = _rx(r"^\s*who (?:created|made|built|founded|develops|developed|maintains|maintained|wrote|designed|"
                 r"invented|started|owns|is behind|came up with)\b",
                 r"\b(?:which|what) (?:company|organi[sz]ation|team|firm)\b.{0,20}\b(?:created|made|built|founded|"
                 r"develops|developed|maintains|designed|invented|started|owns|is behind|came up with)\b")
# "what's the catch?", "any downside?": a cost or a limit, not a table value.
ASKS_DOWNSIDE = _rx(r"\b(?:catch|downsides?|drawbacks?|trade-?offs?|cons|disadvantages?|pitfalls?|gotchas?|caveats?)\b",
                    r"\bwhat(?:'s| is) (?:the )?(?:bad|wrong|hard)\b")
DOWNSIDE = _rx(r"\bat the (?:cost|expense) of\b", r"\bbut\b", r"\bhowever\b", r"\block-?in\b",
               r"\bstruggles?\b", r"\bawkward\b", r"\btrap\b", r"\bprice of\b", r"\bconstraint\b",
               r"\bweak spots?\b", r"\bdownsides?\b", r"\bcatch(?:es)?\b")
# "what do they NOT cover?", "what won't it do for us?": a sentence that says what something does not do.
ASKS_NOT = _rx(r"(?:\b(?:not|never)|n[’']t)\s+(?:\w+\s+){0,2}?(?:cover|covered|handle|handled|do|include|included|support|"
               r"supported|provide|offer|manage|deal with)\b")
NEGATION = _rx(r"\b(?:not|never|no|neither|nor|without)\b", r"n[’']t\b")
ASKS_DURATION = _rx(r"^\W*(?:\w+\s+){0,3}?how (?:long|much time)\b", r"\b(?:wait|delay|interval|timeout) between\b")
ASKS_COUNT = _rx(r"^\s*how many\b", r"\bwhat (?:number|percentage) of\b")
ASKS_NOUN = _rx(r"^\s*(?:what|which)\s+(?:is the |are the |kind of |type of |sort of )?(?:\w+[\s-]){0,2}?"
                r"(?P<noun>[a-z][\w-]{2,})\s+(?:is|are|was|were|does|do|did|has|have|should|would|can)\b",
                r"^\s*what(?:'s| is| are) (?:the |a |an )(?:[\w-]+\s+){0,4}(?P<last>[a-z][\w-]{2,})\s*\??\s*$")
DATE = _rx(r"\b(?:1[89]|20)\d\d\b", r"\b(?:january|february|march|april|may|june|july|august|september|october|"
           r"november|december)\b", r"\b\d+ (?:years?|months?) ago\b")
MAKER = _rx(r"\b(?:built|created|made|developed|founded|designed|open-sourced|started|launched|maintained|"
            r"backed|invented|written|wrote)\b (?:at|by|in)\b", r"\bbuilt at\b", r"\bfrom (?:the )?team\b")
# A claim about where a subject comes from: "A came out of X", "built by X", "A is X's framework".
ORIGIN_CLAIM = _rx(r"\b(?:came|comes|come|coming) (?:out )?(?:of|from)\s+(?:the |a |an )?(?P<a>[\w.&-]+)",
                   r"\b(?:built|created|made|developed|started|born|invented|designed) (?:at|by|inside)\s+"
                   r"(?:the |a |an )?(?P<b>[\w.&-]+)",
                   r"\b(?:is|was|isn'?t|wasn'?t) (?:it )?(?P<c>[\w.&-]+)(?:'s|’s) (?:own )?(?:framework|tool|project|"
                   r"product|library|database|thing)\b")
# A sentence saying who made a subject (not "backed by a database", "written in Go").
ORIGIN = _rx(r"\b(?:built|created|developed|founded|made|started|designed|invented|open-sourced) (?:at|by)\b")
NOT_A_TOPIC_NOUN = frozenset("one ones kind type sort way thing things option options tool tools part parts "
                             "difference differences stuff bits pieces extras aspects areas".split())

# -- advice --------------------------------------------------------------------------------------
# Headings of a section that gives advice, and sentences shaped like advice ("X makes sense if ...").
ADVICE_HEADING = _rx(r"\bchoos", r"\bpick", r"\bwhich\b", r"\bwhen to\b", r"\brecommend", r"\bverdict",
                     r"\bbottom line", r"\bdecid", r"\bdecision", r"\bconclusion", r"\bbest fit", r"\bselect")
ADVICE_SHAPE = _rx(
    r"\b(?:choose|pick|use|go with|reach for|opt for|adopt|prefer)\b",
    r"\b(?:right|good|better|best|default|natural|obvious|safe|safer|safest|legitimate|sensible|smart|smarter) "
    r"(?:choice|fit|default|option|pick|bet)\b",
    r"\bmakes? (?:the most )?sense\b", r"\bwell[- ]suited\b", r"\bsuited to\b", r"\bearns? its keep\b",
    r"\bexcels? at\b", r"\bworth\b", r"\bfits?\b", r"\bshines?\b", r"\btoo much\b", r"\boverkill\b",
)
# Advice to use subjects together, and a question that asks whether it must be one or the other.
COMBINED_ADVICE = _rx(r"\bnot mutually exclusive\b", r"\bin combination\b", r"\b(?:use|run) them together\b",
                      r"\b(?:use|run|keep|combine) (?:them )?both\b(?!\s+[\w-]+(?:\s+[\w-]+)?\s+and\b)")
# "keep A for ... and move ... onto B": a sentence that gives each subject its own share of the work
SHARED_WORK = _rx(r"\b(?:keep|use|run|leave)\b.{1,80}\bfor\b.{1,80}\b(?:move|put|use|run|shift)\b.{1,80}"
                  r"\b(?:onto|on|to|into|for|with)\b")
BOTH_ASKED = _rx(r"\bboth\b", r"\b(?:only|just) one\b", r"\bone or the other\b", r"\beither\b", r"\btogether\b",
                 r"\bcombine\b", r"\bmix\b", r"\ball[- ]in\b", r"\b(?:completely|entirely|altogether)\b",
                 r"\b(?:rip|tear|throw) (?:\w+ )?out\b", r"\breplace\b", r"\bmigrate everything\b")
NEGATIVE_ADVICE = _rx(r"\btoo much\b", r"\boverkill\b", r"\bavoid\b", r"\bnot (?:the right|a good|worth)\b",
                      r"\bdon'?t (?:use|pick|choose)\b", r"\bpoor fit\b", r"\bwrong choice\b")
DEFAULT_ADVICE = _rx(r"\bdefault\b", r"\bfor most\b", r"\bin most cases\b", r"\bgenerally\b")
PRONOUN_START = re.compile(r"^(?:It(?:[’']s)?|Its|They|They[’']re|Their|This)\b")
