"""Deciding whether the corpus covers a question, before anything is answered.

A question is declined when it asks the assistant to drop its instructions or to write something
creative, asks for prices, or when its topic — its rare words and the names it writes (wordfreq
tells an everyday word from a topic word) — is absent from the corpus (or from the passages about
the subject it names) while no passage sentence is a confident match, or when nothing in the corpus
is close enough. Everyday words never decide a refusal. What the corpus covers is generated from
the article model. The two similarity thresholds are settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import language as lang
from . import shapes
from . import numbers
from .index import Index
from .lexical import RARE_IDF
from .question import Question, contradicted_origin, contradicted_value, strip_subjects
from .settings import Settings
from .known import QUESTION_WORDS, is_release, known, mostly_known, set_against_subject, unwritten_releases
from .missing import missing_answer

# "can you book me that call?", "please sign us up": a request to act, not a question
ACTION = re.compile(r"^\W*(?:(?:can|could|would|will) you (?:please )?|please )?(?:book|reserve|sign (?:me|us) up|register (?:me|us))"
                    r"\b(?= (?:me|us|a|an|the|that|this|my|our|it|one|in|for)\b)", re.I)
PLACEHOLDERS = frozenset("something anything someone anyone it them this that these those".split())
VALUE_LINKS = frozenset("is are was were be in of a an the".split())  # "license is", "written in a"
PHRASING_ZIPF = 2.5  # ... when it is a word of English ("standardize" 2.7), not a product's name ("kubernetes" 2.3)
PHRASE_MIN_IDF = 1.0  # two words in a row the question and the best sentence share, each this rare in the corpus
PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")  # "APIs", "SDKs": a common noun in capitals (a product has no plural)
OUTWEIGHING = 3  # topic words the corpus has that make one unknown word the asker's phrasing (``outweighed``)
CONTEXT_WORDS = 10  # content words: a question this long sets out its situation before it asks


@dataclass
class ScopeDecision:
    refused: bool
    message: str = ""
    reason: str = ""  # "instructions" | "creative" | "action" | "price" | "unknown_terms" | "weak_match" | "not_stated"
    uncovered: tuple[str, ...] = ()


def check_scope(question: Question, best_sentence: float, index: Index, settings: Settings,
                sentences=()) -> ScopeDecision:
    text = question.text
    covers = index.model.covers  # generated only when a refusal says it
    if shapes.INJECTION.search(text):
        return ScopeDecision(True, "I only answer questions about the corpus, from the corpus, and I don't "
                             "follow instructions to do otherwise. " + covers(), "instructions")
    if shapes.CREATIVE.search(text):
        return ScopeDecision(True, "I only answer questions from the corpus; I don't write poems, stories "
                             "or jokes. " + covers(), "creative")
    if ACTION.match(text):
        return ScopeDecision(True, "I only answer questions from the corpus; I can't book or sign you up for anything. "
                             + covers(), "action")
    if shapes.PRICE.search(text) and not (shapes.PRICE_OK.search(text)
                                        and not re.search(r"\$|€|£|dollar|euro|per ", text, re.I)):
        return ScopeDecision(True, "The article doesn't give prices. " + covers(), "price")
    if shapes.COST_QUESTION.search(text) and not any(
            lang.same_word(w, a) for d in question.dimensions for w in lang.tokenize(d.label)
            for a in lang.tokenize(text) if len(w) > 3):
        return ScopeDecision(True, "The article doesn't give prices or costs for that. " + covers(), "price")

    unknown = uncovered_terms(question, index)
    uncovered = asked_about(unknown, question, index)
    if question.subjects and re.match(r"\W*why\b", text, re.I):  # "why can't I call datetime.now() in an A
        uncovered = [w for w in uncovered if not re.search(rf"(?<![\w.]){re.escape(w)}\s*\(", text)]  # workflow?": its own code
    # "Since A is GPL-licensed, do we need sign-off before bundling it?": the table corrects the premise
    corrected = question.premise and question.dimensions and any(claimed_value(w, question) for w in unknown)
    # a close sentence answers a question worded its own way, not one naming a product the corpus never writes
    unheard = any(map(is_release, uncovered)) or any(  # (names: looked up only for a word English lacks)
        w in topic_words(question, index, names_only=True) for w in uncovered if not lang.zipf(w))
    if uncovered and (best_sentence < settings.confident_sentence_score or unheard) \
            and not phrasing_only(question, uncovered, index) \
            and not corrected and not outweighed(question, uncovered, sentences, index) \
            and contradicted_origin(question, sentences, index.model) is None \
            and not contradicted_value(question):  # the answer corrects that premise
        about = ""
        if question.subjects and all(not is_release(w) and known(w, index) for w in uncovered):
            about = " for " + " or ".join(index.model.names([s]) for s in question.subjects)
        shown = ", ".join(f"“{w}”" for w in uncovered[:4])
        return ScopeDecision(True, f"The article doesn't cover that: it says nothing on {shown}{about}. "
                             + covers(), "unknown_terms", tuple(uncovered))
    if question.foreign and not question.said and best_sentence < settings.confident_sentence_score:
        return ScopeDecision(True, "The article doesn't cover that. " + covers(), "weak_match")
    missing = "" if question.said else missing_answer(question, sentences, index, settings.confident_sentence_score)  # "why?": answered before
    if missing:
        return ScopeDecision(True, f"The article doesn't say {missing}. " + covers(), "not_stated")
    recognised = (question.dimensions or question.recommendation or question.overview
                  or question.weighing  # "once we pick one, are we locked in?": a choice among what it compares
                  or question.about_article or question.by_alias or question.placed  # ("... at the end?")
                  # "which one needs <a name only A's section writes>?", all its topic words the corpus's (not
                  # "which one has a <name> API?")
                  or (not question.subjects and not uncovered and bool(index.model.find_subjects(text)))
                  or ((names_rare_term(question, index) or says_written_name(question, index))
                      and mostly_known(question, index))
                  or quotes_a_phrase(question, sentences, index))
    if not recognised and best_sentence < settings.min_sentence_score:
        return ScopeDecision(True, "The article doesn't cover that. " + covers(), "weak_match")
    return ScopeDecision(False)


def phrasing_only(question: Question, uncovered: list[str], index: Index) -> bool:
    """Unknown words that are only the asker's phrasing, not a topic the corpus lacks: a described
    situation asking for advice ("we're building a chatbot ...") brings its own words; a question the
    article's structure answers (a table dimension) may word it freely ("a hassle to deploy"), unless
    it names something the corpus never mentions."""
    if set(uncovered) & (set(asked_thing(question, index)) | set_against_subject(question.text, index.model)) \
            or any(map(is_release, uncovered)) or any(  # ("A or X?": X is what is asked about)
            {m["a"].lower(), m["b"].lower()} & set(uncovered) and all(  # "... — X or Y?": names the corpus
                (w[:1].isupper() or not (question.dimensions or lang.is_everyday(w.lower())))  # lacks (or, asking
                and not known(w.lower(), index) for w in (m["a"], m["b"]))  # no row's value: "x or y")
            for m in shapes.OR_PAIR.finditer(shapes.asking_sentence(question.text))):
        return False  # the very thing asked about, or a release the corpus never writes
    if question.situation and (question.recommendation or question.weighing):
        return True  # a situation weighing a choice, asked about or set ("if we go with A, ..."): its own words
    if all(w in question.things and known(w, index) for w in uncovered):
        return True  # "how does X compare with what B gives you?": X a name the corpus writes of another subject
    if all(offered_alternative(w, question.text, index) for w in uncovered):
        return True  # "is it decorators or some yaml thing?": the corpus holds the other choice
    names = set(topic_words(question, index, names_only=True))
    if question.premise and question.subjects and any(w in names and known(w, index) for w in uncovered):
        return True  # "Since A came out of X, ...": X is the article's, about another subject: a false premise
    if not question.dimensions:
        return False
    if all(claimed_value(w, question) for w in uncovered):
        return True  # "A is GPL licensed, right?": the table's value corrects it
    pairs = [(m["a"].lower(), m["b"].lower()) for m in shapes.OR_PAIR.finditer(question.text)
             if not (m["a"][:1].isupper() or m["b"][:1].isupper())]  # not "Salesforce or Workday"
    offered = {side for pair in pairs if all(s in uncovered for s in pair) for side in pair}
    if offered and all(w in offered for w in uncovered):
        return True  # "is A's licence permissive or copyleft?": the row's value says which
    return not any(w in names and not known(w, index) for w in uncovered)


def outweighed(question: Question, uncovered: list[str], sentences, index: Index) -> bool:
    """One unknown word beside at least ``OUTWEIGHING`` words only a few of the corpus's passages use,
    ``OUTWEIGHING - 1`` of them in the closest sentence: the asker's phrasing ("do we have to standardize on one tool?"
    after "fire-and-forget" jobs and a "multi-step" flow), not a topic the corpus lacks."""
    if len(uncovered) != 1 or not sentences or uncovered[0] in topic_words(question, index, names_only=True) \
            or lang.zipf(uncovered[0]) < PHRASING_ZIPF:
        return False  # a name ("MLflow", "pgvector", "kubernetes") is the very thing asked about
    idf = index.bm25.idf  # the corpus's own topic words: few of its passages use them
    covered = {w for w in lang.tokenize(strip_subjects(question.text, index.model))
               if idf.get(w, 0.0) >= RARE_IDF and w not in uncovered}
    closest = set(lang.tokenize(sentences[0].text))
    return len(covered) >= OUTWEIGHING and len(covered & closest) >= OUTWEIGHING - 1


def claimed_value(word: str, question: Question) -> bool:
    """A premise or an "is ...?" about a table dimension ("A is GPL licensed, right?", "is A written in
    Rust?") says the unknown word next to the words of the dimension's label, and the table holds
    each subject's own value there: the word is a value the answer corrects, not a missing topic."""
    dim = question.dimension
    copula = re.match(r"\s*(?:is|are|was|were)\b", question.text, re.I)  # not "does A support X?"
    if not (question.premise or copula) or not question.subjects \
            or any(dim.value(s) is None for s in question.subjects):
        return False
    said = lang.words(question.text)
    label = [w for w in lang.words(dim.label) if len(w) > 2 and w not in lang.STOPWORDS]
    if "-" in word and any(lang.same_word(lang.stem(part), lang.stem(x)) for part in word.split("-")[1:] for x in label):
        return True  # "GPL-licensed": the value joined to the label's word
    at = [i for i, w in enumerate(said) if w == word]
    near = [i for i, w in enumerate(said) if any(lang.same_word(lang.stem(w), lang.stem(x)) for x in label)]
    # where a value stands: just before the label's word ("GPL licensed"), or after it with at most a
    # copula, "in" or an article between ("license is AGPL", "written in Rust"), not "option on Azure"
    return any(i == j - 1 or (i > j and all(w in VALUE_LINKS for w in said[j + 1: i])) and i - j <= 3
               for i in at for j in near)


def offered_alternative(word: str, text: str, index: Index) -> bool:
    """The word is one side of an "X or Y" the question offers, and the corpus knows the other side:
    the answer can say which holds."""
    for m in shapes.OR_PAIR.finditer(text.lower()):
        sides = (m["a"], m["b"])
        other = [w for w in sides if w != word]
        model = index.model  # a name the corpus writes ("Java") counts, however everyday the word
        if word in sides and len(other) == 1 and known(other[0], index) and (
                other[0] in model.proper_names or other[0] in model.written_names or not (  # not "or not", "more or less"
                other[0] in lang.STOPWORDS or lang.is_everyday(other[0]) or other[0] in numbers.NUMBER_WORDS)):
            return True
    return False


def asked_about(words: list[str], question: Question, index: Index) -> list[str]:
    """The unknown words a question asks about. A long question that describes its situation first
    ("... we run on a couple of small VMs ... which db?") is about what it asks from its first clause
    that asks (or its last clause); words only in the statements before it are the asker's context,
    not a topic the corpus must hold."""
    content = [w for w in lang.tokenize(strip_subjects(question.text, index.model)) if len(w) > 2]
    if len(content) < CONTEXT_WORDS:  # (a sentence of its own beside the one that asks: context)
        asking = shapes.asking_sentence(question.text)
        return outside_condition(words, question.text, index) if asking == question.text.strip() else said_in(words, asking)
    return said_in(words, shapes.asked_part(question.text))


def outside_condition(words: list[str], text: str, index: Index) -> list[str]:
    """The words not only in a condition the question sets ("if a worker gets OOM-killed mid-job, is the
    job retried?", "... later if we outgrow it?", up to the words that ask when no comma ends it) or in an
    example it gives in brackets ("(like calling an API)"): those are the asker's circumstance when the
    rest of the question asks about things the corpus holds (at least two of its content words)."""
    main = shapes.EXAMPLE.sub(" ", shapes.CONDITION.sub(" ", shapes.IF_CLAUSE.sub(" ", text)))  # (a condition up to
    # its comma, or up to the words that ask: "if a worker segfaults mid-job what happens to the job?")
    if main == text:
        return words
    known_words = [w for w in lang.tokenize(strip_subjects(main, index.model))
                   if len(w) > 2 and w not in QUESTION_WORDS and known(w, index)]
    if len(known_words) < 2:
        return words  # "what happens if ...?" asks about the condition itself
    return said_in(words, main)


def said_in(words: list[str], text: str) -> list[str]:
    """The words that the text says as whole words."""
    low = text.lower().replace("’", "'")
    return [w for w in words if re.search(rf"(?<![\w']){re.escape(w)}(?![\w'])", low)]


def topic_words(question: Question, index: Index, names_only: bool = False,
                rare_in_corpus: bool = False) -> list[str]:
    """The words that carry the question's topic: rare words (wordfreq), and the names it writes
    (capitalised inside the sentence, acronyms, words with digits, words English does not have).
    Subject names, everyday and merely less common words are not."""
    model = index.model
    text = strip_subjects(question.text, model)
    for rx in (lang.LOW_WORDS, lang.HIGH_WORDS, lang.SUPERLATIVE_WORD):  # "cheapest", "hardest": not topics
        text = rx.sub(lambda m: " " * len(m.group()), text)
    later = [w for w in question.text.split()[1:] if not model.is_subject_word(w.strip("?!.,'’s"))]
    title_case = len(later) >= 3 and sum(w[:1].isupper() for w in later) > 0.6 * len(later)
    out, vocab, against = [], index.vocabulary(), set_against_subject(question.text, model)
    for m in re.finditer(r"[A-Za-z0-9][\w’'+.-]*[\w+]|[A-Za-z]", text):
        raw = m.group().replace("’", "'")
        w = raw.lower().removesuffix("'s")
        if w in lang.STOPWORDS or w in QUESTION_WORDS or len(w) < 3 or numbers.FIGURE.fullmatch(w) \
                or model.is_subject_word(w) or "'" in w:
            continue
        inside = m.start() > 0 and not re.search(r"[.!?:]\s*$", text[: m.start()].strip() + " ")  # "(following: Tell ..."
        # "HTTP requests": an acronym English uses every day, modifying a word of the corpus (not "the BBC", "RAM")
        after = re.match(r"\s+([a-z]{3,})\b", text[m.end():])
        english = raw.isupper() and lang.is_everyday(w) and bool(after) and after[1] not in lang.STOPWORDS \
            and lang.stem(after[1]) in vocab
        named = (inside and raw[:1].isupper() and not title_case and not PLURAL_ACRONYM.match(raw) and not english) \
            or bool(re.search(r"\d", w)) \
            or (raw.isupper() and len(raw) >= 2 and inside and not english) or w in against
        if lang.stem(w) in vocab and not rare_in_corpus:  # the corpus uses it: never missing, no lookup needed
            if named:
                out.append(w)
            continue
        if not named and lang.misspelled_everyday(w):  # "accidentaly", "recomend": an everyday word mistyped
            continue
        named = named or (lang.zipf(w) < 2.0 and not lang.clips_everyday(w))  # no English word: a product
        if named or (not names_only and lang.is_rare(w)):
            out.append(w)
    return list(dict.fromkeys(out + asked_thing(question, index)))


def asked_thing(question: Question, index: Index) -> list[str]:
    """The words of the thing a question asks about by its shape, however everyday they are: what a
    subject should run on, work with or support ("does A run on windows?", "does A support X for Y?"), or
    what is compared with the subjects or recommended when none of its words is the corpus's ("how does X
    stack up against these?", "recommend me a good sci-fi novel")."""
    model = index.model
    capability = shapes.CAPABILITY.match(question.text) or shapes.SUPPORTS.match(question.text)
    if capability:
        return [w for w in lang.words(capability["thing"]) if len(w) > 2 and w not in lang.STOPWORDS
                and w not in lang.JUDGING and not model.is_subject_word(w) and w not in QUESTION_WORDS]
    compared = shapes.COMPARED_THING.match(question.text) or shapes.BETTER_THING.match(question.text)
    for side in (compared.groupdict().get(k) for k in ("thing", "other")) if compared else ():  # "how does X stack up
        # against these three?", "how does A compare to X?", "is X a better pick than these?"
        if side and not any(model.is_subject_word(w) for w in lang.words(side)):
            words = [w for w in lang.words(side) if w not in lang.STOPWORDS and not lang.is_everyday(w)]
            if words and not any(known(w, index) for w in words):
                return words
    thing = shapes.RECOMMEND_THING.search(question.text)
    if thing and not any(model.is_subject_word(w) for w in lang.words(thing["thing"])):  # not "recommend A"
        words = [w for w in lang.words(thing["thing"]) if w not in lang.STOPWORDS and w not in shapes.NOT_A_TOPIC_NOUN
                 and w not in PLACEHOLDERS]
        if words and not any(known(w, index) for w in words):
            return words
    return []


def names_rare_term(question: Question, index: Index) -> bool:
    """True when the question names something specific the corpus mentions (a rare word in it; also a
    two-letter one English has no everyday use for: "ui", "db")."""
    idf = index.bm25.idf
    short = [w for w in lang.words(strip_subjects(question.text, index.model))
             if len(w) == 2 and w not in lang.STOPWORDS and not lang.is_everyday(w)]
    return any(idf.get(lang.stem(w), 0.0) >= RARE_IDF
               for w in topic_words(question, index, rare_in_corpus=True) + short)


def quotes_a_phrase(question: Question, sentences, index: Index) -> bool:
    """The best sentence, about the subject the question names, says two of its words in a row that few
    of the corpus's passages use ("... the same thing as the original version?": "than the original
    version"): what the question is about, however everyday its other words."""
    best = sentences[0] if sentences else None
    if not question.subjects or best is None or not set(best.passage.subjects) & set(question.subjects):
        return False
    idf = index.bm25.idf
    return any(min(idf.get(a, 0.0), idf.get(b, 0.0)) >= PHRASE_MIN_IDF and not index.model.is_subject_word(a)
               and not index.model.is_subject_word(b) for a, b in lang.word_pairs(question.text) & lang.word_pairs(best.text))


def says_written_name(question: Question, index: Index) -> bool:
    """The question says a word the corpus writes only as a name ("what does flower show?")."""
    return bool(set(lang.words(question.text)) & set(index.model.written_names))


def after_noun(rest: str, vocab) -> bool:
    """The words after an acronym go on with a noun of the corpus it modifies ("an SQS queue")."""
    after = re.match(r"\s+([a-z]{3,})\b", rest)
    return bool(after) and after[1] not in lang.STOPWORDS and lang.stem(after[1]) in vocab and not after[1].endswith("ly")


def uncovered_terms(question: Question, index: Index) -> list[str]:
    """Topic words found neither in the passages about any subject the question names nor, for
    questions naming none, anywhere in the corpus (typos within edit distance are forgiven); and
    releases no passage writes."""
    releases = unwritten_releases(question, index)
    return [w for w in topic_words(question, index) if not any(w == r.split()[-1] for r in releases)
            and not any(known(w, index, s) for s in (question.subjects or [""]))] + releases
