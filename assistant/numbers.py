"""Numbers as English writes them, in questions and in articles: head counts ("a 6-person team"),
ranges ("3–15", "20+"), quantities, numbers in words and what they count ("three attempts"),
durations. Generic English, like ``language.py``."""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "a dozen": 12, "dozen": 12,
}
_NUM = r"\d{1,5}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
PEOPLE = (r"(?:person|people|engineers?|data scientists?|scientists?|ml engineers?|members?|devs?|developers?|"
          r"folks|employees|staff|users?|analysts?|researchers?|strong|of us|seats?)")
COUNT = re.compile(rf"\b(?P<n>{_NUM})\s*\+?\s*(?:-|\s)?\s*(?:\w+\s+)?{PEOPLE}\b|\bteam of (?P<m>{_NUM})\b"
                   rf"|\b(?P<k>\d{{1,5}})\s*(?:-|\s)?(?:person|people)\b", re.I)
_GROUP = r"(?:team|org|organi[sz]ation|company|group|shop|startup|outfit|department)"
_FITS = r"(?=.*\b(?:suits?|fits?|needs?|worth|before|sweet spot|makes? sense|right|ideal|best)\b)"  # the size it suits
# A question asking the head count a subject suits, not stating one: "how many people does each suit?", "how big an org
# before A is worth it?", "teams of a particular size" (not "how many users does A have?")
ASKS_HEADCOUNT = re.compile(rf"\bhead ?counts?\b|\b{_GROUP} size\b|\bsize of (?:\w+ )?{_GROUP}\b|\b{_GROUP}s? of (?:\w+ ){{0,2}}?"
                            rf"size\b|\bhow many (?:\w+ ){{0,2}}?(?:people|engineers|data scientists|developers|devs|staff|folks)\b{_FITS}"
                            rf"|\bhow (?:big|large|small) (?:\w+ ){{0,3}}?{_GROUP}s?\b{_FITS}", re.I)
RANGE_IN_TEXT = re.compile(r"\b(?P<a>\d{1,5})\s*(?:–|-|to)\s*(?P<b>\d{1,5})\b|\b(?P<c>\d{1,5})\s*\+|"
                           r"\b(?P<d>\d{1,5})(?:-person|\s+people|\s+engineers?)\b", re.I)


def counts(text: str) -> list[int]:
    """Numbers a question states ("a 6-person team", "five data scientists")."""
    out = []
    for m in COUNT.finditer(text):
        raw = (m["n"] or m["m"] or m["k"]).lower()
        n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
        if not (1900 <= n <= 2100):  # a year is not a head count
            out.append(n)
    return out


def ranges(text: str) -> list[tuple[float, float]]:
    """Number ranges a sentence states: "3–15" -> (3, 15), "20+" -> (20, inf), "a 10-person" -> (7, 14)."""
    out = []
    for m in RANGE_IN_TEXT.finditer(text):
        if m["a"]:
            out.append((float(m["a"]), float(m["b"])))
        elif m["c"]:
            out.append((float(m["c"]), float("inf")))
        else:
            n = float(m["d"])
            out.append((n * 0.5, n * 1.5))
    return out


QUANTITY = re.compile(r"\d|\b(?:dozens?|hundreds?|thousands?|millions?|billions?|trillions?|tens)\b", re.I)
# A number in words and the (one or two) words after it: "gives up after three attempts" (not "one",
# which is as often a pronoun).
_WORDED = "|".join(w for w in NUMBER_WORDS if w not in ("one", "a dozen"))
NUMBER_NOUN = re.compile(rf"\b(?:{_WORDED})(?:\s+(?:to|or|and|-)\s+(?:{_WORDED}))?\s+(?P<a>[a-z][\w-]*)"
                         r"(?:\s+(?P<b>[a-z][\w-]*))?", re.I)  # "ten to twenty workers"
NUMBER = re.compile(rf"\d|\b(?:{_WORDED})\b", re.I)
DURATION = re.compile(rf"\b(?:{_NUM}|an?|a few|several)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b"
                      r"|\b(?:seconds|minutes|hours|days|weeks|months)\b", re.I)
RATE = re.compile(r"\d[\d,.]*\s*[kKmM]?\s*(?:[\w-]+\s+)?(?:/\s*s(?:ec)?\b|per (?:second|sec|minute|min|hour)\b|qps\b|rps\b|"
                  r"ops\b)", re.I)  # "10k tasks/sec", "5,000 queries per second"
COUNTED_NOUN = re.compile(r"(?:^|[—–:;]\s*)how many (?:[\w-]+\s+){0,2}?(?!(?:does|is|its|has|was|this|thus|us|yes|as)\b)"
                          r"(?P<noun>people|[a-z][\w-]*s)\b", re.I)

# A figure typed as one token: "50M", "10k", "1.5x", "100GB", "30s" (a number, not a name; "2.0" is a version).
_MAGNITUDE = r"(?:k|m|mm|b|bn|x|kb|mb|gb|tb|ms|s|secs?|mins?|h|hrs?|d|%)"
FIGURE = re.compile(rf"~?\d+{_MAGNITUDE}?|~?\d+[.,]\d+{_MAGNITUDE}", re.I)

# A figure's magnitude written as a word, for a model that reads words: "1B vectors" -> "1 billion vectors".
MAGNITUDE = re.compile(r"(?<![\w.])~?(?P<n>\d+(?:\.\d+)?)(?P<unit>k|K|M|b|B|bn|BN)(?![\w-])")
MAGNITUDE_WORDS = {"k": "thousand", "m": "million", "b": "billion", "bn": "billion"}


def magnitudes_in_words(text: str) -> str:
    """"~50M rows" -> "50 million rows", "10k" -> "10 thousand" (a lower-case "m" may be minutes: kept)."""
    return MAGNITUDE.sub(lambda m: f"{m['n']} {MAGNITUDE_WORDS[m['unit'].lower()]}", text)
