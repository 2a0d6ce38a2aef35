"""What a question asks for, in generic English: question shapes (yes/no, which, premise, "how
many", "what's the catch" ...), what the assistant declines (injection, creative requests, prices it
lacks), what an answer's sentence must state for a shape, and the shapes of advice in an article.
Nothing here knows any article.
"""

from __future__ import annotations

import re

from .language import rx
from .numbers import DURATION, NUMBER, NUMBER_WORDS

# -- question shapes ---------------------------------------------------------------------------
# "Should we use A, or something else?": advice on every subject is wanted, not only on the one named.
OPEN_CHOICE = rx(r"\b(?:something|anything|someone) else\b", r"\balternatives?\b", r"\binstead\b",
                  r"\b(?:an)?other (?:one|option|tool|choice|framework|library|database|product)s?\b")
# "Does A run on X?", "Can B work with Y?": whether a subject works with some thing; the thing is
# the topic, however everyday its words are ("windows", "phones").
CAPABILITY = rx(r"^\W*(?:does|do|can|will|is|are)\s+[\w .'-]+?\s+(?:run|work|play nicely|integrate|"
                 r"support|be (?:used|run|installed|deployed))s?\s+(?:on|with|in|under|inside|for)\s+"
                 r"(?!(?:my|our|your|their) )(?P<thing>[\w .+/-]+?)\s*\??\s*$")
SUPPORTS = rx(r"^\W*(?:does|do|can|will)\s+[\w .'-]+?\s+support\s+(?!(?:my|our|your|their|it|them|this|that)\b)"
              r"(?P<thing>[\w.+/-]+(?: (?!or\b)[\w.+/-]+){0,3}?)(?:\s+(?:for|when|if|so)\b[^?]*)?\s*\??\s*$")  # "... X for Y?"
# "How does X stack up against these?": the thing compared with the subjects is the topic.
COMPARED_THING = rx(r"^\W*how (?:does|do|would|will|did) (?P<thing>(?:[\w.+-]+ ){0,2}?[\w.+-]+) "
                    r"(?:stack up|compare|measure up)\s+(?:against|to|with)\s+(?P<other>[\w.+-]+(?: (?!(?:for|in|on|at|when|if|"
                    r"as|so)\b)[\w.+-]+)?)")
# "Is X a better pick than these?": X, weighed against the subjects, is the topic.
BETTER_THING = rx(r"^\W*(?:is|are|would|will|could) (?P<thing>[\w.+-]+(?: [\w.+-]+)?) (?:an? )?(?:better|worse|good|solid|"
                  r"safer) (?:pick|choice|option|fit|alternative|bet)\b")
RECOMMEND_THING = rx(r"\b(?:recommend|suggest)(?: me| us)? (?:a |an |some |any )?(?:good |great |nice |decent )?"
                      r"(?P<thing>[a-z][\w-]*(?: [a-z][\w-]*)?)")  # "Recommend me a good X": X is the topic
# "How do you define / write / mark ...?": asks how it is written, which code in a sentence shows.
HOW_TO_WRITE = rx(r"^\W*(?:\w+\W+){0,3}?how (?:do|does|would|can|should|to) (?:(?:you|i|we|one) )?(?:\w+ ){0,2}?"
                   r"(?:define|write|declare|mark|create|build|turn|make|express|code|implement|register|wrap|tag|"
                   r"invoke|enqueue)\b",
                   r"^\W*(?:\w+\W+){0,3}?how (?:do|does|would|can|should|to) .{0,60}\b(?:from|in) (?:the |my |our |your )?(?:[a-z]+ )?code\b",
                   # "how do you kick off / start / trigger a task?": the call that does it (not "how do I start with A?")
                   r"^\W*(?:\w+\W+){0,3}?how (?:do|would|can|should) (?:you|i|we|one) (?:actually )?(?:kick off|start|"
                   r"call|trigger|launch|dispatch|submit|fire off|queue up|send off) (?:a|an|the|my|our|your|one)\b")
CODE = re.compile(r"(?<!\w)@\w+|`[^`]+`|\b\w+\(\)|\.\w+\("  # code, or what code construct a thing is written as:
                  r"|\b(?:are|is) (?:plain |ordinary |regular )?(?:[A-Z]\w+ )?(?:classes|class|methods|method|"
                  r"functions|function|decorators|decorator|subclasses)\b")  # "Xs are <Language> classes", "Ys are methods"
# "How big / hard / much ...?": asks for a degree or an amount (a value), not for a choice.
DEGREE = rx(r"^\W*(?:(?:so|and|ok|okay|but)\W+)?how (?:big|large|small|many|much|hard|easy|difficult|steep|long|"
             r"complex|complicated|expensive|cheap|costly|heavy|light|mature|rough|painful)\b")
# "which one ...?" on its own: after a question on one subject's modes or options, one of those
WHICH_ONE = rx(r"^\W*(?:(?:and|so|ok|okay|then)\W+)?which (?:one|ones|of (?:them|those|these))\b")
OPTIONS = rx(r"\b(?:modes|options|editions|flavou?rs|variants|tiers)\b")  # what one subject comes in
# "what does A use for X when ...?": what a subject uses, not which one to use.
WHAT_IT_USES = rx(r"\bwhat (?:does|did) (?!(?:we|i|you|they|one|people|teams|it)\b)[\w-]+(?: [\w-]+)? "
                  r"(?:use|rely on|need)\b(?! instead\b)")
ADVISED = r"(?:we|i|my team|our team|a team|a startup|startups?|they|you)"
# what one does with a tool, not which tool: "should I just do my HTTP requests inside the workflow?", "... should I give it?"
PRACTICE = (r"(?:do|put|give|set|call|make|write|store|tune|configure|lower|raise|increase|decrease|wrap|split|name|"
            r"size|expect|worry|back|structure|handle|retry|log|enable|disable|turn|allocate|budget|watch)")
RECOMMEND = rx(
    # "should we go with A?" (not "how should I tune X?", nor a practice: "should I just do my requests in it?")
    rf"(?<!\bhow )\bshould {ADVISED}\b(?!\s+(?:(?:just|really|also|still|even|then|now|ever)\s+)?{PRACTICE}\b)",
    r"\brecommend", r"\bsuggest", r"\bhow should (?:we|i) (?:choose|decide|pick)\b", r"\bdecide between\b",
    r"\bwhich (?:[\w-]+ )?(?:is (?:the )?(?:best|right|better)|fits|suits|would you)",
    r"\b(?:best|right|better|good) (?:fit|choice|option|pick|default)\b", r"\bgo with\b", r"\bpick\b(?! (?:\w+ )?up\b)",
    r"\bchoose\b", r"\bwhat (?:would|do) you (?:use|pick|choose)", r"\bmakes? (?:the most )?sense\b",
    r"\bsuit(?:s|ed|able)?\b", r"\bwhen (?:should|would|to) (?:i |we |you )?(?:use|pick|choose)",
    r"\b(?:use|reach for|adopt|go for)\b.{0,40}\b(?:if|when)\b", r"\bworth (?:it|using|adopting)\b",
    r"\bwhat (?:do|should|would|can) (?:we|i) (?:use|pick|choose|go with|run)\b", r"\b(?:any )?options\s*\?\s*$",
    r"\b(?:any )?advice\b", r"\b(?:article|post|piece|author|writer|comparison)\b[^?.!]{0,20}\bpoints? (?:us|me|you|them) "
    r"(?:to|at|towards?)\b", r"\bwhat(?:'s| is) (?:the )?(?:best|right) (?:fit|choice|option|tool)\b",
    r"\bwhat (?:[\w-]+ )?(?:fits|suits)\b", r"\bwhat(?:'s| is) the (?:move|call|play)\b", r"\b(?:safer|safest|smarter) (?:bet|pick|choice)\b",
)
WHICH = rx(r"^\s*which\b", r"\bwhich (?:one|of|tool|option)\b",
            r"^\s*what\s+(?!does|do|did|is|are|was|were|would|should|can|could|will|about|if|kind|type|sort)"
            r"\w+\s+(?:is|has|does|offers|needs|requires|lets|runs|uses|gives|works)\b")
# Every subject compared, without naming them: "between the two", "all three tools", "both", "each of
# them" (not "the two steps", not "both emails and exports").
EVERY = rx(r"\b(?:the|these|those|all) (?P<n>two|three|four|five)\b(?=\s*(?:[?.!,;:—–]|\s-\s|$)|\s+(?:of (?:them|these|those)|"
            r"ones|tools|options|frameworks|products|engines|systems|libraries|platforms|services|databases|queues|"
            r"approaches|choices|candidates|alternatives|projects|differ|compare|stack|have|has|are|is|do|does|handle|"
            r"offer|support|need|in|on|for|with|at|when|if|and|or|to|vs)\b)",
            r"\b(?P<both>both)\b(?!(?:\s+[\w-]+){1,3}\s+and\b)", r"\b(?:each|all|either|any) of (?:them|these|those)\b",
            r"\bbetween (?:them|these|those)\b", r"\bside[- ]by[- ]side\b", r"\bhow \w+ (?:is|are) each(?: one)?\b",
            r"\b(?:do|did|would|will) (?:they|these|those) (?:differ|compare|stack up)\b",  # "how do they differ?"
            r"\b(?:does|do|can|will|would) each (?:(?:one|tool|option|framework|product|engine|system|library|platform|"
            r"service|database|queue) )?(?:give|offer|provide|have|handle|do|use|need|support)\b")

# The words that speak of every subject at once, to take out of a question's wording ("each one", "both").
ALL_OF_THEM = rx(r"(?<!\bof )\b(?:(?:each|all) of (?:them|these|those)|each one|both(?: of them)?|side[- ]by[- ]side)\b")


def every_subject(text: str, subjects: int) -> bool:
    """The text speaks of every one of the ``subjects`` compared, without naming them."""
    m = EVERY.search(text)
    if not m:
        return False
    wanted = 2 if m["both"] else NUMBER_WORDS[m["n"].lower()] if m["n"] else subjects
    return wanted == subjects


# "decorators or some yaml thing", "Postgres or Mongo": the two words offered as a choice.
OR_PAIR = re.compile(r"(?<![\w.+-])(?P<a>[\w.+-]{2,})\s+or\s+(?:some\s+|a\s+|an\s+|the\s+)?(?P<b>[\w.+-]{2,})")
# A condition the asker sets, up to the end of its clause: "if a worker dies mid-task, ...", "... if we outgrow it?"
CONDITION_WORDS = r"if|whenever|in case|unless"
CONDITION = rx(rf"\b(?:{CONDITION_WORDS})\b[^,;:?.!()]*")
# An example the asker gives of an activity, in brackets: "where does code with side effects (like calling
# a web service) go?" (not "(like X)": a thing named alone may be the very thing asked about)
EXAMPLE = rx(r"\((?:like|e\.g\.,?|eg|such as|say|for example,?|for instance,?)\s+\w+ing\b[^()]*\)")
# A condition up to the words that ask, when no comma ends it: "if a worker crashes mid-job what happens?"
IF_CLAUSE = rx(rf"\b(?:{CONDITION_WORDS})\b[^,;:?.!()]*?(?=\s+(?:which|what|who|how|should|would|could|can|is|are|do|does)\b"
               r"|[,;:?.!()]|$)")
# A clause setting the time or case the asker speaks of: "once we pick a stack, ...", "if we go with A ...".
SETTING = rx(rf"\b(?:(?!if so\b|if not\b)(?:{CONDITION_WORDS})\b|(?:once|after|when|before) (?=(?:we|i|you|they)\b))"
             r"[^,;:?.!()]*?(?=\s+(?:which|what|who|how|should|would|could|can|is|are|do|does)\b|[,;:?.!()]|$)")
# (ends before the words that ask: "if we have 5 engineers which one should we pick?"; not "if so, ...")


def outside_setting(pattern: re.Pattern, text: str) -> bool:
    """The pattern matches the text somewhere other than inside a clause setting its case ("once we
    pick a stack, are we locked in?" asks for no pick)."""
    spans = [m.span() for m in SETTING.finditer(text)]
    return any(not any(a <= m.start() < b for a, b in spans) for m in pattern.finditer(text))
YES_NO = rx(r"^\s*(?:is|are|does|do|can|will|would|was|has|have)\b")
PREMISE = rx(r"^\s*(?:why|since|given that|given|because|as)\b")
ARTICLE_SAYS = rx(r"^\W*(?:the|this) (?:article|author|post|piece|comparison) (?:says|recommends|claims|calls|argues|suggests|"
                  r"states)\b[^?.!]*(?:[.!,]|\s[—–-])\s+\S")  # "The article recommends A as the default. Why?": a premise
# The words a clause that asks opens with ("Does A ...", "which db?").
ASKING_WORDS = (r"what|what's|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|"
                r"should|would|will|has|have|isn't|aren't|doesn't|don't")
INTERROGATIVE = rx(rf"^\W*(?:{ASKING_WORDS}|any|anyone)\b")
# "A being a graduated project, is it safe ...?": a claim about a subject, set before the question
BEING = rx(r"^\W*(?:with |since |given )?(?P<who>[\w.-]+(?:['’]s)?(?: [\w.-]+){0,2}) being\b[^,;?]{2,80}[,;]")
ASKS_BENEFIT = rx(r"\bwhat (?:does|do|would|will|can) (?:[\w'-]+ ){1,6}?(?:buy|get|give|bring|gain|save) (?:you|us|me|them)\b")  # not X's row
# A statement put up for confirmation ("A is written in Go, right?"): a yes/no question and a premise; not
# a question that opens as one ("What does A get right?").
TAG_QUESTION = rx(rf"^(?!\W*(?:{ASKING_WORDS})\b)[^?]{{12,}}?[\s,]+(?:right|correct|yeah|true|isn'?t (?:it|that)|"
                   r"aren'?t they|doesn'?t it|don'?t they|no)\s*\?")

# A statement, then a question that rests on it: "A keeps its state in X, so should we ...?"
# (in one sentence that does not itself open by asking; not "is A overkill, and if so what ...?")
STATED_THEN_ASKED = rx(rf"(?:^|[.!?]\s+)(?!\W*(?:{ASKING_WORDS})\b)[^?.!]{{12,}}?(?<!\bif)[\s,;]+so\s+(?:{ASKING_WORDS})\b")


def asking_sentence(text: str) -> str:
    """The sentence that asks: the last one ending in "?" (a question may set out its context in
    sentences before it, or add some after it), else the whole text."""
    asked = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.rstrip().endswith("?")]
    return asked[-1] if asked else text


# "why does the article stress X?": a sentence giving a reason ("This distinction matters because ...")
ASKS_WHY = rx(r"^\W*(?:why|how come)\b(?!\s+not\b)")
# "what do most teams use to watch A?": answered by a sentence saying what most teams (usually) use
ASKS_COMMON_USE = rx(r"\bwhat (?:do|does|would) (?:most |many |the )?(?:[\w-]+ )?(?:people|teams|folks|users|shops|companies|"
                     r"devs|developers|engineers) (?:usually |typically |normally |generally |commonly )?(?:use|deploy|run|"
                     r"pair|reach for|go with|install)\b")
COMMON_USE = rx(r"\b(?:most|many|typical|usual)\w* (?:[\w-]+ )?(?:teams|people|users|shops|companies|adopters) "
                r"(?:\w+ )?(?:use|deploy|run|pair|reach for|choose|adopt)",
                r"\b(?:usually|typically|commonly|often|generally) (?:use|deploy|run|pair|reach for|choose|adopt)\b")
REASON = rx(r"\bbecause\b", r"\bso that\b", r"(?:,|;|—)\s*so\b", r"\b(?:that|this) is why\b", r"\bwhich is why\b",
            r"\bdue to\b", r"\bmatters\b", r"\bthe reason\b")


def answer_shape(text: str) -> re.Pattern | None:
    """What a sentence answering the question must state, by the question's shape: a number for "how
    many ...?", a duration for "how long ...?", a date for "when ...?", a cost for "what's the catch?", a
    negation for "what does it not cover?", what most teams use for "what do people use ...?"."""
    text = asked_part(text)  # "out of the box, how many tries ...?": from the clause that asks
    for asks, shape in ((ASKS_COUNT, NUMBER), (ASKS_DURATION, DURATION), (ASKS_WHEN, DATE), (ASKS_DOWNSIDE, DOWNSIDE),
                        (ASKS_NOT, NEGATION), (ASKS_WHY, REASON), (ASKS_COMMON_USE, COMMON_USE)):
        if asks.search(text):
            return shape
    return None


WHAT_IS = re.compile(r"^\W*what(?:'s| is| are)\s+(?:an? |the )?(?P<thing>[\w-]+(?: [\w-]+){0,2})\W*$", re.I)
# "is X just another task queue?", "X is basically a Y, right?": what kind of thing X is, asked too
IS_IT_A = re.compile(r"^\W*(?:is\s+(?P<thing>[\w-]+)|(?P<stated>[\w-]+)\s+is)\s+(?:(?:basically|really|actually)\s+)?"
                     r"(?:(?:just|simply|essentially|only|merely) (?:another|an?)|another)\s+(?P<kind>[\w-]+(?: (?!like\b|right\b|or\b)"
                     r"[\w-]+){0,2})", re.I)

# "what does A call itself?", "how does it describe itself?": what A says it is
CALLS_ITSELF = re.compile(r"\b(?:what|how) (?:does|do|would) [\w-]+ (?:call|describe|present|position|pitch|bill|market|see)"
                          r" (?:itself|themselves)\b", re.I)
SELF_DESCRIPTION = re.compile(r"\b(?:calls?|describes?|presents?|positions?|bills?|pitch(?:es)?|markets?|sees?) "
                              r"(?:itself|themselves)\b", re.I)


def self_description(text: str, subject: str) -> re.Pattern | None:
    """For "what does A call itself?", what a sentence saying what A is says: "... calls itself ..." or "A is a ..."."""
    if not subject or not CALLS_ITSELF.search(text):
        return None
    return re.compile(SELF_DESCRIPTION.pattern + "|" + defining(f"what is {subject}?", lambda thing: True).pattern, re.I)


def defined_thing(text: str) -> tuple[str, str]:
    """What "what's X?" or "is X just another Y?" asks to define, and the kind asked of it: (X, Y)."""
    m = WHAT_IS.match(text) or IS_IT_A.match(text)
    if not m:
        return "", ""
    return m["thing"] or m.groupdict().get("stated") or "", m.groupdict().get("kind") or ""


def defining(text: str, named) -> re.Pattern | None:
    """For "what's X?" (or "is X just another Y?") where X is a name (``named(X)``), what a sentence
    defining X says: "X, a ...", "X is a ..." (not "In X, a task is ...": X after a preposition opens
    no definition of X), or, of X, the kind of thing asked ("Y")."""
    thing, kind = defined_thing(text)
    if not thing or not named(thing):
        return None
    after_preposition = "".join(rf"(?<!\b{p} )" for p in ("in", "on", "at", "for", "with", "by", "from", "of", "to"))
    kind = rf"|\b{re.escape(kind)}\b" if kind else ""  # "... does not call itself a task queue"
    return re.compile(rf"{after_preposition}(?<![\w-]){re.escape(thing)}(?:,\s+|\s+(?:is|are)\s+)(?:an?|the)\b{kind}",
                      re.I)


def asked_part(text: str) -> str:
    """What a question asks, without the situation it may set out first: from its first clause
    that asks ("... we run two small VMs. which db?" -> "which db?"), else its last clause; as written."""
    starts = [0] + [m.end() for m in re.finditer(r"[.!?;,:]+(?=\s|$)|[()\n]|\s[-–—/]\s", text)]
    starts = [s for s in starts if re.search(r"\w", text[s:])]
    if not starts:
        return text
    return text[next((s for s in starts if INTERROGATIVE.match(text[s:])), starts[-1]):].strip()
OVERVIEW = rx(
    r"^\s*(?:tell me (?:more )?about|what(?:'s| is| are)|describe|explain|give me an overview of|"
    r"overview of|summari[sz]e|who (?:is|are))\s+(?:the )?\s*(?P<rest>.*?)\W*$"
)
# who wrote the article, or when: asked even beside a request for its advice
BYLINE = rx(r"\bwho (?:wrote|writes|authored|published|is the author)",
            r"\bwhen was (?:the|this) (?:article|post|piece|comparison) (?:written|published)",
            r"\bpublication date", r"\bpublished\b")
ABOUT_ARTICLE = rx(  # (not the author as the one who says a thing: "why does the author think ...?")
    BYLINE.pattern, r"(?<!according to the )(?<!per the )\bauthor\b(?!s?\s+(?:\w+ly\s+)?(?:thinks?|believes?|says?|said|"
    r"mention(?:s|ed)?|calls?|called|recommends?|suggests?|argues?|considers?|prefers?|warns?|describes?|means?|"
    r"points?|lists?|gives?|feels?)\b)", r"\bhow long (?:is|to read) (?:the|this) (?:article|post)",
    r"\breading time", r"\bauthor\b[^?]{0,40}\b(?:when|dated?|published)\b",  # (but "does the author say when ...?")
)
# -- what the assistant declines ---------------------------------------------------------------
INJECTION = rx(
    r"\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instructions?|rules?|prompts?|guidelines|"
    r"previous|above|context|system|article)\b", r"\bsystem prompt\b", r"\byou are now\b",
    r"\bpretend (?:to be|you)\b", r"\bjailbreak", r"\bdeveloper mode\b", r"\bact as\b", r"\brole-?play\b",
    r"\bnew instructions\b",
)
CREATIVE = rx(
    r"\b(?:write|compose|make up|create|generate|sing|tell)\b.{0,30}\b(?:poem|haiku|song|story|joke|"
    r"limerick|rap|essay|sonnet|lyrics|tweet|novel|fiction)\b", r"\bpoem\b", r"\bhaiku\b", r"\blimerick\b",
)
PRICE = rx(
    r"\$|€|£|\bdollars?\b|\beuros?\b|\bpricing\b|\bper (?:month|seat|user|year|hour|node)\b",
    r"\b(?:pay|paying|spend|spending|charged?) (?:monthly|yearly|annually|a month|a year|each month)\b",
    r"\bmonthly (?:cost|price|fee|bill|spend)s?\b",
    r"\b(?:what(?:'s| is| are)|how much is|list|the|its|their) (?:the )?prices?\b|\bprices? (?:of|for)\b",
    r"\bsubscription\b(?!\s+(?:lifecycles?|flows?|renewals?|workflows?|logic|events?|management))|\blicen[cs](?:e|ing) (?:fee|cost)|\bfree (?:tier|plan)\b|\bbilling\b|\bpaid plan",
)
PRICE_OK = rx(r"self[- ]host|cheap|expensive|\bcost\b(?! per)")
COST_QUESTION = rx(r"\bhow much (?:does|do|is|would|will|are|did)\b.{0,60}\b(?:cost|charge|run you|set you back)\b",
                    r"\bwhat (?:does|do|would|will) .{0,40}\bcost\b", r"\bwhat (?:does|do|will) (?:[\w.+-]+ ){1,4}charge (?:for|per)\b",
                    r"\bhow (?:expensive|pricey)\b", r"\bwhat(?:'s| is) (?:it|that|this) (?:gonna|going to) cost\b")

VERSION_KIND = r"(?:\w+ed|cloud|free|paid|enterprise|commercial|community|open-source|oss|stable|lite)\b"
# -- what a question asks for, and what an answer to it must contain ---------------------------
ASKS_VERSION = rx(r"\b(?:which|what)(?:'s| is)?(?: the)? (?:latest |first |current |newest |oldest |last )?"
                   r"(?:(?!(?:does|do|did|is|are|was|were|can|should|would|will|has|have)\b)[\w-]+ ){0,2}"
                   r"(?:version|release)\b(?!(?: of [\w-]+)? (?:called|named|known as)\b)")  # not "the hosted version (of A) called?"
# (the word before "version" names a product, not a kind of version: not "the current managed version")
ASKS_VERSION_NUMBER = rx(r"\b(?:latest|newest|current|first|oldest|last|minimum|required) (?:(?!" + VERSION_KIND + r")[\w-]+ )?"
                          r"(?:version|release)\b",
                          r"\b(?:which|what) (?!" + VERSION_KIND + r")[\w-]+ (?:version|release) (?:do (?:i|we|you) need|dropped|added|"
                          r"introduced|removed|supports?|requires?|is (?:required|needed))\b",
                          r"\b(?:which|what) (?:version|release)\b", r"\brelease version\b|\bversion number\b")  # a number, not "the managed version"
# A rate asked for as a figure: "how many tasks/sec", "what's the max throughput".
ASKS_RATE = rx(r"\b(?:how many|how much|what(?:'s| is| are)?|max(?:imum)?|peak)\b.{0,50}?(?:\bper (?:second|sec|minute|min|hour)\b|"
                r"/s(?:ec)?\b|\bqps\b|\brps\b|\bthroughput\b)")
VERSION = rx(r"\bv?\d+\.(?:\d+|x)(?:\.\d+)?\b", r"\b(?:version|release) \d")  # "2.0", "2.x", "version 3"
NAMED_RELEASE = re.compile(r"(?<![\w-])([A-Za-z][\w-]{0,40})\s+(v?\d+(?:\.(?:\d+|x))+)(?![\w.])"  # "A 3.0", "Python 3.12"
                           r"(?!\s*(?:k|m|b|million|billion|thousand|percent|%|gb|mb|tb|ms|s|x|times)\b)", re.I)
ASKS_WHEN = rx(r"(?:^|[,;.?!]\s*|\band\s+)when (?:was|were|did|is|will|does)\b", r"\bwhat year\b", r"\bsince when\b", r"\bhow old\b")
# "what is A implemented in?": software coded, implemented or programmed in something is written in it (a
# language); only with nothing after "in" but the question's end or "what/which" ("how is X implemented in A?"
# asks how, inside A)
AUTHORED_IN = rx(r"\b(?:coded|implemented|programmed)(?=\s+in\s*(?:[?.!,;]|$|(?:what|which)\b))")
ASKS_LANGUAGE = rx(r"\b(?:which|what) (?:programming )?languages?\b(?! (?:model|models|support)\b)")  # a program's: "written in"
ASKS_MAKER = rx(r"^\s*who (?:created|made|built|founded|develops|developed|maintains|maintained|wrote|designed|"
                 r"invented|started|owns|is behind|came up with)\b",
                 r"\b(?:which|what) (?:company|organi[sz]ation|team|firm)\b.{0,20}\b(?:created|made|built|founded|"
                 r"develops|developed|maintains|designed|invented|started|owns|is behind|came up with)\b",
                 r"\b(?:name of|who(?:'s| is| are| was)) the (?:company|organi[sz]ation|team|firm|vendor|startup|people|folks) "
                 r"behind\b",  # "what's the name of the company behind A?"
                 r"\b(?:is|was|isn'?t|wasn'?t)\b[^?]{0,40}?\ba (?:fork|spin-?off|offshoot) (?:of|from)\b")  # "is A a fork of X?"
# "what's the catch?", "any downside?": a cost or a limit, not a table value.
ASKS_DOWNSIDE = rx(r"\b(?:catch|downsides?|drawbacks?|trade-?offs?|cons|disadvantages?|pitfalls?|gotchas?|caveats?)\b",
                    r"\bwhat(?:'s| is) (?:the )?(?:bad|wrong|hard)\b")
# "why?", "how come?", "why that one, though?", "can you elaborate?": more on what was just said.
ASKS_MORE = rx(r"^\W*(?:why|how come|how so|tell me more|say more|go on|elaborate|explain|(?:can|could) you elaborate|"
               r"(?:any )?more (?:details?|info)|more\W*$)", r"\b(?:reasons?|reasoning|rationale|justification|explanation)\b")
DOWNSIDE = rx(r"\bat the (?:cost|expense) of\b", r"\bbut\b", r"\bhowever\b", r"\block-?in\b",
               r"\bstruggles?\b", r"\bawkward\b", r"\btrap\b", r"\bprice of\b", r"\bconstraint\b",
               r"\bweak spots?\b", r"\bdownsides?\b", r"\bcatch(?:es)?\b", r"\b(?:hard|difficult|painful) to\b",
               r"\bno substitute\b", r"\bonly (?:a )?limited\b")
# "what do they NOT cover?", "what won't it do for us?": a sentence that says what something does not do.
ASKS_NOT = rx(r"(?:\b(?:not|never)|n[’']t)\s+(?:\w+\s+){0,2}?(?:cover|covered|handle|handled|do|include|included|support|"
               r"supported|provide|offer|manage|deal with)\b",
               r"\b(?:leave|leaves|left)\s+(?:\w+\s+)?(?:to|for|up to)\s+(?:you|us|me|them|the user)\b")  # "what do they leave to you?"
NEGATION = rx(r"\b(?:not|never|no|neither|nor|without)\b", r"n[’']t\b")
ASKS_DURATION = rx(r"^\W*(?:\w+\s+){0,3}?how (?:long|much time)\b", r"\b(?:wait|delay|interval|timeout) between\b")
HOW_MANY = rx(r"\bhow many\b(?![^?]*\b(?:before|until|till)\b)")  # not "how many engineers before A makes sense?"
ASKS_COUNT = rx(r"(?:^|[—–:;]\s*)how many\b", r"\bwhat (?:number|percentage) of\b")  # (or after a statement: "... — how many?")
ASKS_NOUN = rx(r"^\s*(?:what|which)\s+(?!(?:do|does|did|can|could|should|would|will|must)\b)"  # not "what do we still have ..."
              r"(?:is the |are the |kind of |type of |sort of )?(?:\w+[\s-]){0,2}?"
              r"(?P<noun>[a-z][\w-]{2,})\s+(?:is|are|was|were|does|do|did|has|have|should|would|can)\b",
              r"^\s*what(?:'s| is| are) (?:the |a |an )(?:[\w-]+\s+){0,4}(?P<last>(?!(?:for|about|with|from|into|like|called|named|"
              r"known)\b)[a-z][\w-]{2,})\s*\??\s*$")  # (not "what's the X for A called?": a name)
DATE = rx(r"\b(?:1[89]|20)\d\d\b", r"\b(?:january|february|march|april|may|june|july|august|september|october|"
           r"november|december)\b", r"\b\d+ (?:years?|months?) ago\b")
# (not "written in Go", "built in Python": a language is no maker; "founded in 2016" is a maker's date)
MAKER = rx(r"\b(?:built|created|made|developed|founded|designed|open-sourced|started|launched|maintained|"
           r"invented|written|wrote)\b (?:at|by|in \d{4})\b",
           r"\bfrom (?:the )?team\b",
           r"\b(?:began|started) as a (?:fork|spin-?off|offshoot) of\b", r"\bis a (?:fork|spin-?off|offshoot) of\b")
# A claim about where a subject comes from: "A came out of X", "built by X", "A is X's framework".
ORIGIN_CLAIM = rx(r"\b(?:came|comes|come|coming) (?:out )?(?:of|from)\s+(?:the |a |an )?(?P<a>[\w.&-]+)",
                   r"\b(?:built|created|made|developed|started|born|invented|designed) (?:at|by|inside)\s+"
                   r"(?:the |a |an )?(?P<b>[\w.&-]+)",
                   r"\b(?:is|was|isn'?t|wasn'?t) (?:it )?(?P<c>[\w.&-]+)(?:'s|’s) (?:own )?(?:framework|tool|project|"
                   r"product|library|database|thing)\b")
# A sentence saying who made a subject (not "backed by a database", "written in Go").
ORIGIN = rx(r"\b(?:built|created|developed|founded|made|started|designed|invented|open-sourced) (?:at|by)\b")
NOT_A_TOPIC_NOUN = frozenset("one ones kind type sort way thing things option options tool tools part parts "
                             "difference differences stuff bits pieces extras aspects areas "
                             "dependency dependencies requirements prerequisites components "  # things by their role
                             "that this these those it them there".split())  # "what's the reasoning behind that?"

ASKING_ONLY = frozenset("what which should would could pick choose use recommend suggest advice best good right "
                        "better fit suit suits option options".split())  # words that only ask for advice

# -- advice --------------------------------------------------------------------------------------
# Headings of a section that gives advice, and sentences shaped like advice ("X makes sense if ...").
ADVICE_HEADING = rx(r"\bchoos", r"\bpick", r"\bwhich\b", r"\bwhen to\b", r"\brecommend", r"\bverdict",
                     r"\bbottom line", r"\bdecid", r"\bdecision", r"\bconclusion", r"\bbest fit", r"\bselect")
ADVICE_SHAPE = rx(
    r"\b(?:choose|pick|use|go with|reach for|opt for|adopt|prefer)\b",
    r"\b(?:right|good|better|best|default|natural|obvious|safe|safer|safest|legitimate|sensible|smart|smarter) "
    r"(?:choice|fit|default|option|pick|bet)\b",
    r"\bmakes? (?:the most )?sense\b", r"\bwell[- ]suited\b", r"\bsuited to\b", r"\bearns? its keep\b",
    r"\bexcels? at\b", r"\bworth\b", r"\bfits?\b", r"\bshines?\b", r"\btoo much\b", r"\boverkill\b",
    r"\btypical\b(?= [\w-]+ (?:[\w-]+ )?(?:adopters?|users?|shops?|customers?|buyers?)\b)",  # "the typical X adopter is"
)
# Advice to use subjects together, and a question that asks whether it must be one or the other.
COMBINED_ADVICE = rx(r"\bnot mutually exclusive\b", r"\bin combination\b", r"\b(?:use|run) them together\b",
                      r"\b(?:use|run|keep|combine) (?:them )?both\b(?!\s+[\w-]+(?:\s+[\w-]+)?\s+and\b)")
# "keep A for ... and move ... onto B": a sentence that gives each subject its own share of the work
SHARED_WORK = rx(r"\b(?:keep|use|run|leave)\b.{1,80}\bfor\b.{1,80}\b(?:move|put|use|run|shift)\b.{1,80}"
                  r"\b(?:onto|on|to|into|for|with)\b")
# "do we have to rip out A entirely to use B?": whether one must replace the other, all or nothing
RIP_OUT = rx(r"\b(?:rip|tear|throw) (?:\w+ )?out\b", r"\b(?:migrate|move|port) (?:everything|it all|all of it)\b")
# "Which tool fits?", "what one would you take?": asks for one of the compared tools, not for a thing of one
TOOL_WORDS = frozenset("tool tools framework frameworks library libraries product products platform platforms option "
                       "options stack solution solutions system systems service services software one ones".split())
# "which <kind> ...?": the kind of thing asked for ("which programming language", "which version")
ASKED_KIND = re.compile(r"\b(?:which|what)\s+(?P<kind>(?!(?:is|are|was|were|do|does|did|can|should|would|will|kind|type|sort|"
                        r"one|ones|of)\b)[a-z][\w-]+(?: (?!(?:is|are|was|were|do|does|did|can|should|would|will|has|have)\b)"
                        r"[a-z][\w-]+)?)", re.I)
FIT_WORDS = rx(r"\b(?:right|best|better|ideal|good) (?:choice|fit|pick|option|call)\b", r"\b(?:fits?|suits?|suited|makes? sense)\b")
# "we need X and Y, but not Z. what should we do?": asks for a pick when a need is set out (not after a
# problem: "Beat fired every job twice. What should I do?")
WHAT_TO_DO = rx(r"\bwhat should (?:we|i) do\W*$")
NEEDS = rx(r"^\W*(?:we |i )?(?:need|want|require)\b", r"\b(?:we|i) (?:need|want|require|are looking for|am looking for)\b")
ASKS_FOR_A_TOOL = rx(r"^\W*(?:(?:so|and|ok|okay|then)\W+)?(?:which|what) (?:tool|one|framework|library|product|platform|"
                     r"of (?:them|these|those|the (?:two|three|four)))s?\b")
ALL_OR_NOTHING = rx(r"\b(?:completely|entirely|altogether)\b", r"\breplace\b", RIP_OUT.pattern)
BOTH_ASKED = rx(r"\bboth\b", r"\b(?:only|just) one\b", r"\bone or the other\b", r"\beither\b", r"\btogether\b",
                 r"\bcombine\b", r"\bmix\b", r"\ball[- ]in\b", ALL_OR_NOTHING.pattern)
# "is running both a bad idea?": with TOGETHER, a question for the advice on using them together
TOGETHER = rx(r"\bboth\b", r"\btogether\b", r"\bcombin\w*", r"\bside by side\b")
# "can A and B be used together / in the same system?": asks for the advice on using them together
USED_TOGETHER = rx(r"\b(?:use[sd]?|using|run|running|work|combined?|mix(?:ed)?|keep|live|sit|co-?exist)\b.{0,40}\b(?:together|alongside|"
                   r"in combination|side by side|in the same (?:system|stack|project|app|codebase|service|architecture))\b",
                   r"\beither[ /-]or\b", r"\bmutually exclusive\b", r"\bone or the other\b",  # "is it either/or?"
                   r"\b(?:have|need|forced) to (?:choose|pick|decide) (?:between\b|(?:just )?one(?:\s*\?| of (?:them|these|those)))")
IDEA = rx(r"\b(?:bad|good|terrible|dumb|smart|better|wise|crazy) idea\b", r"\bunwise\b", r"\bwise\b")
NEGATIVE_ADVICE = rx(r"\btoo much\b", r"\boverkill\b", r"\bavoid\b", r"\bnot (?:the right|a good|worth)\b",
                      r"\bdon'?t (?:use|pick|choose)\b", r"\bpoor fit\b", r"\bwrong choice\b")
DEFAULT_ADVICE = rx(r"\bdefault\b", r"\bfor most\b", r"\bin most cases\b", r"\bgenerally\b")
# Who does it, not what is asked: "what do teams usually pair it with?" asks for a thing, not of teams.
ACTOR = re.compile(r"\b(?:what|which [\w-]+|how) (?:do|does|did|would|should) (?:most |many |other |the |some )?"
                   r"(?P<actor>teams|people|folks|users|engineers|companies|developers|devs|shops)\b", re.I)

# -- follow-ups ------------------------------------------------------------------------------
# A question with no subject or verb, judging what was just discussed: "good enough as an audit trail?"
ELLIPTICAL = re.compile(r"^(?P<lead>\W*(?:(?:and|but|so|ok|okay)\W+)?)(?P<said>(?:still |really |actually )?(?:good|great|fine|"
                        r"reliable|safe|solid|worth|usable|ready|mature|stable|fast|slow|expensive|cheap|hard|easy|free)\b)", re.I)
# "does A have / offer a ...?": asks after a thing of A's, which the answer names
HAS_A = re.compile(r"\b(?:have|has|offer|offers|provide|provides|come with|comes with|ship|ships|sell|sells)\s+(?:an?|any)\b", re.I)
# What a thing (not a tool) is asked: "what does it buy you?", "how does it work?", "what's it for?"
THING_ASK = re.compile(r"\bwhat (?:does|do|would|will|can) (?:it|that) (?:buy|get|give|mean|do|offer|bring)\b"
                       r"|\bhow does (?:it|that) work\b|\bwhat(?:'s| is) (?:it|that) (?:for|good for)\b", re.I)
# The previous question's ask, for another subject: "is there something like that for B?".
LIKE_THAT = re.compile(r"\b(?:something|anything|one) (?:like|similar to) (?:that|this)\b|\b(?:something|anything) "
                       r"similar\b|\bthe same (?:thing )?for\b", re.I)
