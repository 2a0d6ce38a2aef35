"""What a follow-up's pronoun stands for when it is not a subject: the thing the last question asked
about or the name the last answer gave for it ("what do teams use to watch A?" -> "Flower"), and the
subjects the last answer led with."""

from __future__ import annotations

import re

from . import language as lang
from . import shapes
from .article import ArticleModel
from .language import tokenize, whole

LEAD_WORDS = 2  # an answer opening with a subject ("A's scale is ...") names it in its first words
# A question that asks for some thing rather than about a subject: "what do most teams use to ...?",
# "what's the usual dashboard for ...?". The thing the answer names is what "it" means next.
ASKS_FOR_THING = re.compile(
    r"^\W*(?:what|which)\b.{0,30}\b(?:do|does|did|would|should)\b.{0,30}\b(?:use|deploy|run|pair|combine|install|"
    r"reach for|add)\b|^\W*what(?:'s| is| are) (?:the |a )?(?:usual|typical|common|standard|default|recommended|"
    r"go-to|popular) [\w-]+", re.I)
# "what handles X in A?": a thing, for "those" next (not for "it", which is as often A itself)
DOES_THING = re.compile(r"^\W*(?:what|which)\s+(?:\w+\s+)?(?:handles|manages|powers|drives|replaces)\b", re.I)
# "which of them has X?": the thing asked after, for a pronoun next that a subject cannot be the answer to
WHICH_HAS = re.compile(r"^\W*(?:which|what)\b(?:\s+[\w-]+){0,4}?\s+(?:has|have|offers?|supports?|ships?|includes?|"
                       r"comes? with|uses?)\s+(?:an? |the )?(?P<thing>[\w-]+(?: [\w-]+){0,2})\W*$", re.I)


def named_thing(previous: str, answer: str, model: ArticleModel, question: str, plural: bool = False) -> str:
    """The thing the previous question asked about naming no subject ("what's X?"), or the name it asked which
    subject has, when ``question`` asks what a thing does ("what does it buy you?"); or the name the previous
    answer gave for the thing that question asked for ("Flower"): a capitalised word inside the answer sentence
    sharing most words with that question, neither a subject nor a word of the question; after "does A have a
    ...?", the thing asked if the answer says it, else the one name of a subject's part ("A Cloud") it gives.
    ``plural`` ("how many of those ...?"): also after "what handles X in A?", whose answer names the thing."""
    about = shapes.OVERVIEW.match(previous)  # (its words, less a "for": "what's A Beat for?")
    rest = re.sub(r"\s+(?:used\s+)?for$", "", about["rest"], flags=re.I) if about else ""
    if about and 0 < len(rest.split()) <= 4 and (
            not model.find_subjects(previous, aliases=False) or model.names_a_part(rest)):
        return rest  # "what's X?" (or "what's A Cloud?", or a name for A) then "what does it show?": X
    having = WHICH_HAS.match(previous) if shapes.THING_ASK.search(question) else None
    if having and not model.find_subjects(having["thing"], aliases=False) and len(having["thing"].split()) <= 3 and (
            model.names_in(having["thing"]) or not all(map(lang.is_everyday, lang.words(having["thing"])))):
        return having["thing"]  # "which of them has X?" then "what does it buy you?": X, a name of the corpus
    has = shapes.HAS_A.search(previous)
    if answer and has:  # "does A have a managed offering?" answered "A Cloud": "if I use it" is A Cloud
        thing = re.match(r"\s*((?:[\w-]+\s+){0,2}[\w-]+)\s*\?", previous[has.end():])
        if thing and re.search(whole(thing[1]), re.sub(r"\*\*", "", answer), re.I):  # "does A have a hybrid search?":
            owners = model.find_subjects(previous)  # the thing asked, A's, when the answer says it
            return f"{model.names(owners)}'s {thing[1]}" if len(owners) == 1 else thing[1]
        named = [m.group() for part in model.parts for m in [re.search(whole(part), answer, re.I)]
                 if m and not re.search(whole(part), previous, re.I) and all(len(w) > 2 for w in part.split()[1:])]
        if len(set(map(str.lower, named))) == 1:
            return named[0]
    if not answer or not (ASKS_FOR_THING.search(previous) or plural and DOES_THING.search(previous)):
        return ""
    if shapes.WHICH.search(previous) and not model.find_subjects(previous) and opening_subject(answer, model):
        return ""  # "which engine ...?" answered "A's ... is ... (B: ...)": "it" is A, not a name further on
    asked = {w for w in tokenize(previous) if not model.is_subject_word(w)}
    text = re.sub(r"\*\*|\[\d+\]", "", answer)
    best, best_overlap = "", 0
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        overlap = len(asked & set(tokenize(sentence)))
        words = sentence.split()
        names = [f"{before} {w}" if model.names_a_part(f"{before} {w}") else w  # ("A Beat": a part of A's)
                 for before, w in ((b.strip(",.;:"), x.strip(",.;:")) for b, x in zip(words, words[1:]))
                 if w[:1].isupper() and (before[:1].islower() and not model.is_subject_word(before)
                                         or model.names_a_part(f"{before} {w}"))
                 and not model.is_subject_word(w) and w.lower() not in previous.lower()]
        if names and overlap > best_overlap:
            best, best_overlap = names[0], overlap
    return best


def lead_subjects(answer: str, model: ArticleModel) -> list[str]:
    """Subjects named in the previous answer's first sentence, or the one it opens with (``opening_subject``)."""
    first = re.split(r"(?<=[.!?])\s", answer.strip(), maxsplit=1)[0] if answer else ""
    opening = opening_subject(answer, model)
    return [opening] if opening else model.find_subjects(first, fuzzy=False)


def opening_subject(answer: str, model: ArticleModel) -> str:
    """The one subject an answer's first words name as what its sentence is about ("A's comfortable scale
    is ..."), not as the label of a quote ("**A**: “For observability, most teams deploy X ...”")."""
    if not answer or re.match(r"^\s*\*\*[^*]+\*\*:\s*“", answer):
        return ""
    opening = model.find_subjects(" ".join(re.sub(r"\*\*", "", answer).split()[:LEAD_WORDS]), fuzzy=False)
    return opening[0] if len(opening) == 1 else ""
