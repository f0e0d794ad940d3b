"""Event stage, a wording cue: does a "today" report a happening, or mean "nowadays"?

Reads the clause that carries a date (the label's clause, `extract.labels`); writes nothing, it
answers. News reports a happening of the day with a past or perfect verb ("schools closed
today", "have suspended their operations today"), a progressive or a future ("is meeting today",
"is to announce today"). A clause that carries "today" and none of these is a present-tense
generic statement ("today, it is Russia which holds the cards", "today's regional balance leaves
it boxed in") or a page's schedule ("today's Afternoon Play is a black comedy"): its date is the
reference date, not the date of a happening, so such a statement must not rank as a key event
(`extract.salience`: `generic_present_factor`).

The cue words are tables; `EXAMPLES` (clause, expected cue or None) are the tests.

>>> event_tense("Iran responded by striking American military bases in Qatar")
'past form'
>>> event_tense("It is Russia which holds the cards") is None
True
"""
from __future__ import annotations

import re

# Irregular past forms that cannot be read as a present (so not "hit", "put", "set", "cut", "read").
IRREGULAR_PAST_FORMS = frozenset("""
was were had did said told made went came took gave found left met began fell rose struck won lost sent became
brought bought caught fought thought taught sought ran saw knew grew threw drew flew wrote spoke broke chose froze
stole drove rode swore tore wore woke sold paid laid kept slept swept wept felt dealt meant led fled held built spent
lent bent sank sang rang shrank stood understood withdrew overtook undertook forgave arose struck slid shook
""".split())
FUTURE_WORDS = frozenset("will would shall 'll won't".split())
# "is to announce", "is set to", "are due to", "is expected to", "plans to", "is going to": an announced happening.
FUTURE_PHRASES = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:set|due|expected|scheduled|going|about)\s+)?to\s+\w+"
                            r"|\b(?:plans?|intends?|aims?|prepares?)\s+to\s+\w+", re.I)
# "has suspended", "have been killed", "is meeting", "are being evacuated": perfect, passive or progressive.
AUXILIARY_PHRASES = re.compile(r"\b(?:has|have|'ve|is|are|'re|am|be|been|being)\s+(?:\w+ly\s+|not\s+)?"
                               r"(?:been\s+|being\s+)?(?:\w+(?:ed|en|ing)|" + "|".join(sorted(IRREGULAR_PAST_FORMS)) + r")\b",
                               re.I)
# A word in -ed after one of these is an object's complement ("leaves it boxed in"), not a past verb.
OBJECT_PRONOUNS = frozenset("it them him her us me you".split())
MIN_PAST_WORD_CHARS = 5        # "-ed" words shorter than this are nouns or adjectives ("red", "bed", "shed")
TODAY_WORDS = frozenset(("today", "today's", "today’s"))
_WORD = re.compile(r"[A-Za-z’']+")

EXAMPLES = (   # (clause carrying the date, its cue or None for a present-tense generic clause)
    ("Iran responded by striking American military bases in Qatar", "past form"),
    ("Schools in Glasgow closed", "past form"),
    ("British holiday tour companies have suspended their operations to Mexico", "auxiliary"),
    ("The minister is meeting union leaders", "auxiliary"),
    ("David Cameron is to announce his party's security strategy at Chatham House", "future"),
    ("The vote will take place", "future"),
    ("One lady was found", "past form"),
    ("It is Russia which holds the cards", None),
    ("Regional balance leaves it boxed in", None),
    ("Russia's inability to offer meaningful intervention", None),
    ("Afternoon Play is a black comedy by Colin Hough", None),
    ("Life is one crisis or disaster after another", None),
)


def event_tense(clause: str) -> str | None:
    """Which cue says the clause reports a happening ('past form', 'auxiliary', 'future'), or None for a generic present."""
    words = _WORD.findall(clause)
    lowered = [word.lower() for word in words]
    if any(word in FUTURE_WORDS for word in lowered) or FUTURE_PHRASES.search(clause):
        return "future"
    if AUXILIARY_PHRASES.search(clause):
        return "auxiliary"
    for index, word in enumerate(lowered):
        if word in IRREGULAR_PAST_FORMS:
            return "past form"
        if (len(word) >= MIN_PAST_WORD_CHARS and word.endswith("ed") and not words[index][0].isupper()
                and not (index and lowered[index - 1] in OBJECT_PRONOUNS)):
            return "past form"
    return None


def is_today(date_text: str) -> bool:
    """True for the date words that name the reference day itself ("today", "today's").

    >>> is_today("Today's"), is_today("yesterday")
    (True, False)
    """
    return date_text.strip().lower() in TODAY_WORDS
