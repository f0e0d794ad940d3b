"""Named regex fragments and lookup tables of the temporal tagger (data, referenced by name).

A rule pattern refers to a fragment as `<<month>>`; `build` turns it into a named group
`(?P<month>...)`. `<<month:end_month>>` names the group `end_month` (for a second month).

>>> build("<<month>> <<day>>").startswith("(?P<month>")
True
"""
from __future__ import annotations

import re

# --- lookup tables -------------------------------------------------------------------------
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {  # ISO weekday numbers
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {  # part-of-day word (spaces and hyphens dropped) -> TIMEX3 code
    "morning": "MO", "dawn": "MO", "daybreak": "MO", "firstlight": "MO", "midday": "MI", "afternoon": "AF",
    "midafternoon": "AF", "evening": "EV", "dusk": "EV", "nightfall": "EV", "night": "NI", "overnight": "NI",
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
    "several": None, "a few": None, "few": None, "some": None, "many": None,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
    "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
}
UNIT_ABBREVIATIONS: dict[str, str] = {"hr": "hour", "min": "minute", "yr": "year"}  # news feeds' "8 hrs ago", "40yrs ago"
UNITS: dict[str, str] = {  # unit word (or its abbreviation) -> TIMEX3 duration letter
    "year": "Y", "month": "M", "week": "W", "day": "D", "quarter": "Q", "decade": "DE",
    "century": "CE", "hour": "H", "minute": "MIN", "second": "S", "weekend": "WE",
}
UNITS.update({abbreviation: UNITS[word] for abbreviation, word in UNIT_ABBREVIATIONS.items()})
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}
SPELLED_YEAR_TENS: dict[str, int] = {w: n for w, n in NUMBER_WORDS.items() if isinstance(n, int) and 10 <= n <= 90}


def alternation(words: list[str] | dict, capitalised_only: bool = False, not_upper: tuple[str, ...] = ()) -> str:
    """A regex alternation of `words`, longest first: lower case or Capitalised (or Capitalised and UPPER).

    >>> alternation(["may"], True)
    '(?:May|MAY)'
    """
    forms = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"\s+")
        head = escaped[0]
        if capitalised_only:  # "June" or, in datelines and headlines, "JUNE"
            forms.extend([head.upper() + escaped[1:]] + ([escaped.upper()] if word not in not_upper else []))
        elif head.isalpha():
            forms.append(f"[{head.upper()}{head}]" + escaped[1:])
        else:
            forms.append(escaped)
    return "(?:" + "|".join(forms) + ")"


_MONTH_FULL = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_MONTH_ABBR = [m for m in MONTHS if m not in _MONTH_FULL]
_WEEKDAY_FULL = [d for d in WEEKDAYS if d.endswith("day")]
_NUMBER_WORD_ALT = alternation([w for w in NUMBER_WORDS if w not in ("a", "an", "some", "many")])
# the abbreviations of news feeds' stamps count too: "8 hrs ago", "15 mins ago", "40yrs ago"
_UNIT_ALT = ("(?:[Yy]ears?|[Mm]onths?|[Ww]eeks?|[Dd]ays?|[Qq]uarters?|[Dd]ecades?|[Cc]entur(?:y|ies)|[Hh]ours?|[Mm]inutes?|"
             + "|".join(f"{abbreviation}s?" for abbreviation in UNIT_ABBREVIATIONS) + ")")

# What follows four digits that are a 24-hour clock time, not a year: "2200 GMT", "0600 hours", "1653 local time".
TIME_ZONES = r"(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST)"
CLOCK_WORDS_AFTER = r"\s*(?:" + TIME_ZONES + r"|hours|hrs|local\s+time)\b"
# ... and before the same time in another zone in brackets: "at 1653 (2153 GMT)", "by 1100 (1600 GMT)"
# ... or as the start of a range whose end has the zone: "from 1410 to 1430 GMT"
# Four digits before "on" and a day are no year ("the toll rose to 1150 on Monday", "was 1040 on 25 June"; but "in 2009
# on 3 March" is one); after "at", "around" or "about" they are a clock time ("administered it at 1040 on 25 June")
_MONTH_NAME = "(?:" + alternation(_MONTH_FULL, capitalised_only=True) + "|" + alternation(_MONTH_ABBR, capitalised_only=True) + r"\.?)"
_DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NOT_AFTER_YEAR_PREPOSITION = "".join(rf"(?<!\b{word}\s\d{{4}})" for word in ("in", "In", "of", "by", "By", "since", "Since",
                                                                                "from", "From"))
_ON_ITS_DAY = (r"(?=\s+on\s)" + _NOT_AFTER_YEAR_PREPOSITION
               + r"\s+on\s+(?:" + alternation(_WEEKDAY_FULL, capitalised_only=True) + "|" + _DAY_NUMBER + r"\s+(?:of\s+)?"
               + _MONTH_NAME + "|" + _MONTH_NAME + r"\s+" + _DAY_NUMBER + r")\b"
               # ... and so are four digits before "yesterday", "today", "tomorrow": "around 1800 yesterday"
               + r"|" + _NOT_AFTER_YEAR_PREPOSITION + r"(?=\s+(?:yesterday|today|tomorrow)\b)")
_AFTER_MILITARY_TIME = (CLOCK_WORDS_AFTER
                        + r"|\s*\(\s*(?:[01]\d|2[0-3])[0-5]\d\s*" + TIME_ZONES + r"\s*\)"
                        r"|\s*(?:[-–]|to|and|until)\s*(?:[01]\d|2[0-3])[0-5]\d\s*(?:" + TIME_ZONES + r"|local\s+time)\b"
                        r"|(?:(?<=\b[Aa]t\s\d{4})|(?<=\b[Aa]round\s\d{4})|(?<=\b[Aa]bout\s\d{4}))(?:" + _ON_ITS_DAY + ")")
FRAGMENTS: dict[str, str] = {
    # months: full names (capitalised), abbreviations with optional dot ("Sept.", "Oct")
    "month": "(?:" + alternation(_MONTH_FULL, capitalised_only=True)
             + "|" + alternation(_MONTH_ABBR, capitalised_only=True) + r"\.?)(?![\w'])",
    "month_full": alternation(_MONTH_FULL, capitalised_only=True, not_upper=("may", "march"))  # "THEY MAY AGREE"
                  + r"(?!\w|'(?!s\b))",
    "weekday": alternation(_WEEKDAY_FULL, capitalised_only=True),
    "day": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:,.]\d|[\w-])",
    "day_ordinal": alternation([w for w in ORDINALS]),
    "day_bare": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
    "year4": r"(?:1[0-9]\d\d|20\d\d)(?![\w%]|[.,:]\d|\s*(?:percent|per\s+cent)|" + _AFTER_MILITARY_TIME + "|" + _ON_ITS_DAY + ")",
    # only where a year must follow; four digits before a time zone are a 24-hour clock ("19 January, 2200 GMT")
    "any_year4": r"[1-9]\d\d\d(?![\w%]|[.,:]\d|\s*(?:percent|per\s+cent)|" + _AFTER_MILITARY_TIME + ")",
    "year_spelled": r"[Nn]ineteen[\s-]+" + alternation(list(SPELLED_YEAR_TENS)) + r"(?:[\s-]+" + alternation(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]) + ")?"
        + r"|(?:[Tt]wo\s+thousand(?:\s+and)?(?:\s+" + alternation(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]) + r")?)",
    "decade4": r"1[0-9]\d0|20[0-9]0",
    "decade_word": alternation(list(DECADE_WORDS)),
    "season": alternation(list(SEASONS)),
    "part_of_day": alternation(["morning", "afternoon", "evening", "night", "mid-afternoon", "mid afternoon"]),
    "number": r"(?:(?<![\d,.])\d{1,3}(?:\.\d+)?|" + _NUMBER_WORD_ALT + r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)",
    "number_or_a": r"(?:(?<![\d,.])\d{1,3}(?:\.\d+)?|[Aa]n?|" + _NUMBER_WORD_ALT
                   + r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)",
    "unit": _UNIT_ALT,
    "unit_single": r"(?:year|month|weekend|week|day|quarter|half|decade|century|hour|minute)",
    "ordinal": r"(?:" + alternation(list(ORDINALS)[:22]) + r"|\d{1,2}(?:st|nd|rd|th))",
    "quarter_ordinal": alternation(["first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"]),
    "half_ordinal": alternation(["first", "second", "1st", "2nd", "last", "latter"]),
    "clock": r"(?:[01]?\d|2[0-3]):[0-5]\d(?!\d|[.,]\d)",
    "clock12": r"(?:1[0-2]|0?[1-9])(?:[:.]?[0-5]\d)?",  # "4", "4:15", "11.50", and "1209" (before a.m./p.m. only)
    "ampm": r"(?:[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b)",
    "timezone": TIME_ZONES + r"\b",
    "military_clock": r"(?:[01]\d|2[0-3])[0-5]\d(?=" + _AFTER_MILITARY_TIME + ")",
    "this_next_last": r"(?:[Tt]his(?:\s+(?:past|coming))?|[Nn]ext|[Ll]ast|[Pp]ast|[Cc]oming|[Pp]revious|[Tt]he\s+(?:previous|following|next))",
}

# Every match of every rule contains a digit or one of these words (lower case); the tagger only runs
# the master pattern near them. A rule whose example lacks a trigger fails its example test.
TRIGGER_WORDS: frozenset[str] = frozenset(
    list(MONTHS) + list(WEEKDAYS) + [f"{day}s" for day in WEEKDAYS if day.endswith("day")] + list(SEASONS) + list(DECADE_WORDS)
    + ["today", "yesterday", "tomorrow", "tonight", "overnight", "now", "currently", "current", "recently", "recent",
       "present", "nowadays", "days", "day", "past", "future", "term", "later", "date", "year", "years", "month", "months",
       "week", "weeks", "weekend", "weekends", "quarter", "quarters", "half", "decade", "decades", "century", "centuries",
       "hour", "hours", "minute", "minutes", "clock", "period", "morning", "afternoon", "evening", "night", "noon", "midnight",
       "midafternoon", "midday", "dawn", "daybreak", "light", "dusk", "nightfall", "fiscal", "fy", "someday", "soon", "q1", "q2", "q3", "q4", "h1", "h2", "nineteen", "thousand", "s"]
    + [form for abbreviation in UNIT_ABBREVIATIONS for form in (abbreviation, abbreviation + "s")])

_REFERENCE = re.compile(r"<<(?P<fragment>\w+)(?::(?P<group>\w+))?>>")


def build(template: str) -> str:
    """Expand `<<fragment>>` / `<<fragment:group>>` references into named groups.

    >>> build("<<season>>").startswith("(?P<season>")
    True
    """
    def expand(reference: re.Match) -> str:
        fragment = reference.group("fragment")
        group = reference.group("group") or fragment
        return f"(?P<{group}>{FRAGMENTS[fragment]})"
    return _REFERENCE.sub(expand, template)


def number_value(word: str) -> int | None:
    """The integer a number word or numeral stands for; None for vague amounts.

    >>> number_value("five")
    5
    """
    word = re.sub(r"\s+", " ", word.strip().lower())
    if not word:
        return None
    if word[0].isdigit():
        return int(word.replace(",", "")) if "." not in word else None
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    parts = re.split(r"[\s-]+", word)
    total = 0
    for part in parts:
        value = NUMBER_WORDS.get(part)
        if value is None:
            return None
        total += value
    return total


def spelled_year(words: str) -> int | None:
    """The year written in words.

    >>> spelled_year("nineteen ninety-six")
    1996
    """
    parts = re.split(r"[\s-]+", words.strip().lower())
    if parts[0] == "nineteen":
        return 1900 + sum(NUMBER_WORDS[p] for p in parts[1:])
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(NUMBER_WORDS[p] for p in parts[2:] if p != "and")
    return None


def month_number(name: str) -> int:
    """Month number of a month name or abbreviation.

    >>> month_number("Sept.")
    9
    """
    return MONTHS[name.strip().rstrip(".").lower()]


def weekday_number(name: str) -> int:
    """ISO weekday number of a weekday name.

    >>> weekday_number("Friday")
    5
    """
    return WEEKDAYS[name.strip().rstrip(".").lower()]


def day_number(text: str) -> int:
    """Day of month from "13", "13th" or "thirteenth".

    >>> day_number("3rd")
    3
    """
    text = text.strip().lower()
    if text in ORDINALS:
        return ORDINALS[text]
    return int(re.match(r"\d+", text).group(0))


def unit_letter(unit: str) -> str:
    """TIMEX3 duration letter of a unit word.

    >>> unit_letter("Months")
    'M'
    """
    word = unit.strip().lower()
    word = "century" if word.startswith("centur") else word.rstrip("s")
    return UNITS[word]
