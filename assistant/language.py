"""Generic English the assistant reads questions and articles with: words and stems, stop words,
everyday-word frequency, polarity words, the ordinal scale vocabulary of comparison tables. Question and
advice shapes are in ``shapes.py``. Nothing here knows any article: what an article says is derived from it
(``article.py``).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache


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


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(“\"@])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a passage; a table row or a short line is one sentence."""
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


CLAUSE = re.compile(r",\s+(?:and|or|but|while|so|which|whereas)\s+|;\s+")
LONG_SENTENCE_WORDS = 28  # a sentence this long may say several things, one per clause
MIN_CLAUSE_WORDS = 6


def clauses(sentence: str) -> list[str]:
    """The clauses of a long sentence that says several things ("..., and when one node is no longer
    sufficient, distributed mode ... uses Raft consensus ..."), each long enough to stand alone."""
    parts = [p.strip() for p in CLAUSE.split(sentence)] if len(sentence.split()) >= LONG_SENTENCE_WORDS else []
    return [p for p in parts if len(parts) > 1 and len(p.split()) >= MIN_CLAUSE_WORDS]


def stem(word: str) -> str:
    for suffix in ("ing", "ies", "ied", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= (3 if suffix == "s" else 4):
            base = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            if suffix in ("ing", "ed") and base[-1] == base[-2] and base[-1] not in "aeioulsfz":
                base = base[:-1]  # "stopped", "running", "embedded": "stop", "run", "embed"
            return base
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


# Verbs saying where a thing is kept ("where does it keep / store / persist its data?")
KEEPING = frozenset("live lives kept keep keeps store stores stored persist persists persisted save saves saved hold holds "
                    "held track tracks tracked record records recorded reside resides stay stays".split())
SET_UP = re.compile(r"\b(?:set(?:ting)?|stand(?:ing)?|stood|spin(?:ning)?|spun)[ -]up\b", re.I)  # "stood up": set up
TRY_AGAIN = re.compile(r"\b(?:try|tries|tried|trying)(?: (?:it|them|that|the \w+))? again\b(?! with\b)", re.I)  # "retry"
# "hard to pick up": learn (a skill picked up, not a job: "another worker picks up the task")
PICK_UP = re.compile(r"\b((?:easy|easier|easiest|hard|harder|hardest|difficult|tough|quick|quicker|simple|simpler)"
                     r"\b(?:\s+[\w']+){0,3}?\s+to\s+)pick\s+(?:it\s+|them\s+)?up\b(?!\s+(?:the|a|an|this|that|its|their|where)\b)", re.I)


def phrased_as_one_word(text: str, setup: str = "set up") -> str:
    """Phrasal verbs as the one word a corpus writes for them: "stood up" -> "set up", "try again" ->
    "retry", "hard to pick up" -> "hard to learn"."""
    return TRY_AGAIN.sub("retry", SET_UP.sub(setup, PICK_UP.sub(r"\1learn", text)))


def tokenize(text: str) -> list[str]:
    """Lexical tokens: lower-case words without stop words, plural/verb endings folded."""
    text = phrased_as_one_word(text, setup="setup")
    bare = (re.sub(r"[’']s$", "", w) for w in words(text))  # ("what's" is "what": a stop word)
    return [stem(w) for w in bare if w not in STOPWORDS]


def word_pairs(text: str) -> set[tuple[str, str]]:
    """Two content words in a row ("model serving"), as ``tokenize`` gives them."""
    tokens = tokenize(text)
    return set(zip(tokens, tokens[1:]))


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


def initialisms(text: str) -> set[str]:
    """The initials (3 to 5 letters) of the compound terms a text writes around a hyphenated word:
    "approximate nearest-neighbour" -> "ann", "retrieval-augmented generation" -> "rag", "write-ahead
    log" -> "wal". Runs with a stop word ("lock-in") or a figure make none."""
    out = set()
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        tokens = [re.sub(r"^\W+|\W+$", "", t) for t in sentence.split()]
        for i, token in enumerate(tokens):
            if "-" not in token:
                continue
            for run in (tokens[i - 1: i + 1] if i else [], tokens[i: i + 2], tokens[max(0, i - 1): i + 2]):
                parts = [p for w in run for p in w.split("-")]
                if len(run) < 2 or any(not p.isalpha() or p.lower() in STOPWORDS for p in parts):
                    continue
                if 3 <= len(parts) <= 5:
                    out.add("".join(p[0].lower() for p in parts))
    return out


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


def misspelled_everyday(word: str) -> str:
    """The everyday word a typed word misspells by the commonest slips — a doubled letter typed once
    ("accidentaly", "recomend"), a letter doubled ("untill"), two neighbours swapped ("recieve") —
    or "" when it is no such slip (a name, a rare term: "sharding" is not "sharing" with a letter
    slipped in, so it stays a term)."""
    word = word.lower()
    if len(word) < 5 or not word.isalpha() or zipf(word) >= RARE_ZIPF:
        return ""
    edits = {word[:i] + word[i] + word[i:] for i in range(1, len(word))}  # a doubled letter typed once
    edits |= {word[:i] + word[i + 1:] for i in range(1, len(word)) if word[i] == word[i - 1]}
    edits |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)}
    found = [w for w in edits if w != word and zipf(w) >= EVERYDAY_ZIPF]
    return max(found, key=zipf) if found else ""


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


def rx(*parts: str) -> re.Pattern:
    """One case-insensitive pattern matching any of the parts."""
    return re.compile("|".join(parts), re.IGNORECASE)


# Adjectives that grade a cost: a question judging one asks about a cost ("is it expensive to run?")
PRICED = rx(r"\b(?:expensive|costl(?:y|ier|iest)|pric(?:ey|ier|iest)|cheap(?:er|est|ly)?|inexpensive|affordable)\b")
COST_NOUNS = frozenset({"cost", "price", "pricing"})
LOW_WORDS = rx(
    r"\beas(?:y|ier|iest)\b", r"\bsimpl(?:e|er|est)\b", r"\bcheap(?:er|est)?\b", r"\blow(?:er|est)?\b",
    r"\bminimal\b", r"\bleast\b", r"\bfew(?:er|est)\b", r"(?<!\bmore or )\bless\b(?! than\b)", r"\blightweight\b",
    r"\blight(?:er|est)?\b", r"\bgentl(?:e|er|est)\b",
    r"\bquick(?:er|est)?\b", r"\bstraightforward\b", r"\binexpensive\b", r"\bsmall(?:er|est)? (?:cost|overhead)\b",
)
HIGH_WORDS = rx(
    r"\bhard(?:er|est)?\b", r"\bdifficult\b", r"\bcomplex\b", r"\bcomplicated\b", r"\bsteep(?:er|est)?\b",
    r"\bexpensive\b", r"\bcostl(?:y|ier|iest)\b", r"\bpric(?:ey|ier|iest)\b", r"\bhigh(?:er|est)?\b", r"\bheav(?:y|ier|iest)\b",
    r"\bmost\b(?! (?:minimal|lightweight))", r"\btough(?:er|est)?\b", r"\bpain(?:ful)?\b", r"\bdemanding\b",
    r"\b(?:a lot|lots|loads|tons) of (?:work|effort|ops|overhead)\b", r"\bhassle\b",
)
SUPERLATIVE = rx(r"\b\w+est\b", r"\bmost\b", r"\bleast\b", r"\bwhich (?:one|is|has)\b")
# Words that judge rather than name a topic: in a row label ("Best fit") they match any question.
JUDGING = frozenset("best worst top better worse good bad right most least".split())
SUPERLATIVE_WORD = rx(r"\b(?:\w{3,}est|most|least)\b")
COMPARATIVE = rx(r"\b\w{3,}er\b[\w\s-]{0,25}\bthan\b", r"\b(?:more|less) \w+[\w\s-]{0,25}\bthan\b")


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

# A sentence that opens with a pronoun standing for its section's subject ("It's a full ..."); "It" goes on
# about one thing ("They", "This" do not).
SINGULAR_PRONOUN = re.compile(r"^(?:It(?:[’']s)?|Its)\b")
PRONOUN_START = re.compile(r"^(?:It(?:[’']s)?|Its|They|They[’']re|Their|This)\b")
