"""Productions of the temporal rules: named regex groups of one match -> an underspecified `Draft`.

Each takes the match's `groupdict()` (fragment names from rules.py patterns) and returns the Draft
that resolve.py turns into a value, grain and interval.

>>> year({"year4": "2007"}).value
'2007'
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from .calendars import NAMED_DAYS, NAMED_EVENTS
from .fragments import (DECADE_WORDS, ORDINALS, PARTS_OF_DAY, SEASONS, UNIT_ABBREVIATIONS, day_number, month_number,
                        number_value, spelled_year, unit_letter, weekday_number)
from .resolve import Draft

Groups = dict[str, str | None]


# --- small production helpers ----------------------------------------------------------------
def written_year(g: Groups, key: str = "year4") -> str | None:
    """The year written in the match, digits or words.

    >>> written_year({"year_spelled": "nineteen ninety-six"})
    '1996'
    """
    if g.get(key):
        return g[key]
    if g.get("year_spelled"):
        return str(spelled_year(g["year_spelled"]))
    return None


def _date_value(year: str | None, month: int, day: int | None = None) -> str:
    text = f"{year or 'XXXX'}-{month:02d}"
    return text + (f"-{day:02d}" if day else "")


def _shift_word(word: str) -> int:
    """+1 for next/coming/following, -1 for last/past/previous, 0 for this/current."""
    word = re.sub(r"\s+", " ", (word or "this").lower())
    if any(w in word for w in ("next", "coming", "following")):
        return 0 if word.startswith("this coming") else 1
    if any(w in word for w in ("last", "past", "previous", "ago", "earlier")):
        return 0 if word.startswith("this past") else -1
    return 0


def _prefer_of(word: str | None) -> str:
    """How a written relation word picks the year: next/last/this as written, else the news default."""
    if not word:
        return "past"
    if re.search(r"coming", word, re.I):
        return "next"
    if re.search(r"past", word, re.I):
        return "last"
    shift = _shift_word(word)
    return "next" if shift > 0 else "last" if shift < 0 else "this" if re.match(r"this", word, re.I) else "past"


def month_day_range(g: Groups) -> Draft:
    """June 13–24 -> 06-13 until 06-24.

    >>> month_day_range({"month": "June", "day": "13", "end_day": "24"}).until.value
    'XXXX-06-24'
    """
    month = month_number(g["month"])
    return Draft(value=_date_value(written_year(g), month, day_number(g["day"])),
                 until=Draft(value=_date_value(written_year(g), month, day_number(g["end_day"]))))


def year_range(g: Groups) -> Draft:
    """2022–2024 -> 2022 until 2024.

    >>> year_range({"year4": "1998", "end_year": "99"}).until.value
    '1999'
    """
    end = g["end_year"]
    if len(end) == 2:
        if end < g["year4"][2:] and "01" <= end <= "12":  # "2024-03" is March 2024, not a range back to 1903
            return Draft(value=f"{g['year4']}-{end}")
        end = g["year4"][:2] + end
    return Draft(value=g["year4"], until=Draft(value=end))


def month_day_year(g: Groups) -> Draft:
    """Month + day (+ year).

    >>> month_day_year({"month": "Sept.", "day": "27", "year4": "1989"}).value
    '1989-09-27'
    """
    if g.get("relation"):  # "25 June last year"
        return month_day_relative(g)
    day = g.get("day") or g.get("day_ordinal")
    prefer = _prefer_of(g.get("this_next_last"))
    weekday_written = weekday_number(g["weekday"]) if g.get("weekday") and not written_year(g) else 0
    return Draft(value=_date_value(written_year(g), month_number(g["month"]), day_number(day)), prefer=prefer,
                 weekday=weekday_written)


def numeric_date(g: Groups) -> Draft:
    """2025-06-13, 6/13/2025 (month first unless it cannot be), 13.06.2025 (day first).

    >>> numeric_date({"first": "13", "second": "6", "numeric_year": "2025"}).value
    '2025-06-13'
    """
    if g.get("iso_year"):
        return Draft(value=f"{g['iso_year']}-{g['iso_month']}-{g['iso_day']}")
    if g.get("dotted_year"):
        return Draft(value=f"{g['dotted_year']}-{int(g['dotted_month']):02d}-{int(g['dotted_day']):02d}")
    first, second = int(g["first"]), int(g["second"])
    month, day = (second, first) if first > 12 else (first, second)
    year = g["numeric_year"]
    if len(year) == 2:  # "03/06/98"
        year = ("20" if int(year) < TWO_DIGIT_YEAR_PIVOT else "19") + year
    return Draft(value=f"{year}-{month:02d}-{day:02d}")


def month_year(g: Groups) -> Draft:
    """Month + year.

    >>> month_year({"month": "October", "year4": "2020"}).value
    '2020-10'
    """
    return Draft(value=_date_value(written_year(g), month_number(g["month"])))


TWO_DIGIT_YEAR_PIVOT = 30  # '05 is 2005, '98 is 1998


def month_two_digit_year(g: Groups) -> Draft:
    """Oct '05 / Oct 05: a month and its year written in two digits.

    >>> month_two_digit_year({"month": "Oct", "year2": "05"}).value, month_two_digit_year({"month": "May", "year2": "98"}).value
    ('2005-10', '1998-05')
    """
    century = "20" if int(g["year2"]) < TWO_DIGIT_YEAR_PIVOT else "19"
    return Draft(value=_date_value(century + g["year2"], month_number(g["month"])))


def month_relative(g: Groups) -> Draft:
    """last May / July last year.

    >>> month_relative({"month": "May", "this_next_last": "last"}).prefer
    'last'
    """
    month = month_number(g["month"])
    relation = (g.get("this_next_last") or g.get("relation") or "").lower()
    if "year" in relation:  # "July last year", "January this year"
        return Draft(unit="year", shift=_shift_word(relation), value=f"-{month:02d}")
    return Draft(value=f"XXXX-{month:02d}", prefer=_prefer_of(relation))


def month_day_relative(g: Groups) -> Draft:
    """25 June last year / March 3 next year: that day of the year counted from the reference.

    >>> month_day_relative({"month": "June", "day": "25th", "relation": "last year"}).value
    '-06-25'
    """
    day = day_number(g.get("day") or g.get("day_ordinal"))
    return Draft(unit="year", shift=_shift_word(g["relation"].lower()), value=f"-{month_number(g['month']):02d}-{day:02d}")


WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def week_of_month_draft(g: Groups) -> Draft:
    """the first week of March / the last week of June 2009: that week of the month.

    >>> draft = week_of_month_draft({"week_ordinal": "last", "month": "June", "year4": "2009"})
    >>> draft.value, draft.week_of_month
    ('2009-06', -1)
    """
    return Draft(value=_date_value(written_year(g), month_number(g["month"])),
                 week_of_month=WEEK_ORDINALS[g["week_ordinal"].lower()])


def month_alone(g: Groups) -> Draft:
    """A month name without a year.

    >>> month_alone({"month": "October"}).value
    'XXXX-10'
    """
    return Draft(value=f"XXXX-{month_number(g['month']):02d}")


def weekday(g: Groups) -> Draft:
    """A weekday (+ relation, + part of day).

    >>> weekday({"weekday": "Friday"}).value
    'XXXX-WXX-5'
    """
    prefer = _prefer_of(g.get("this_next_last"))
    draft = Draft(value=f"XXXX-WXX-{weekday_number(g['weekday'])}", prefer="past" if prefer == "this" else prefer)
    if g.get("part_of_day"):
        draft = Draft(value=draft.value, type="TIME", time="T" + _part_code(g["part_of_day"]), prefer=draft.prefer)
    return draft


def weekday_any(g: Groups) -> Draft:
    """"a Sunday", "one Monday": some such day, not a particular one (TIMEX3 leaves its week unknown).

    >>> weekday_any({"weekday": "Sunday"}).value
    'XXXX-WXX-7'
    """
    return replace(weekday(g), prefer="generic")


def part_of_date(g: Groups) -> Draft:
    """"the morning of March 3", "the night of Friday": that day's part (a TIME, TIMEX3 MO/AF/EV/NI).

    >>> draft = part_of_date({"part_of_day": "morning", "month": "March", "day": "3"})
    >>> draft.value, draft.time
    ('XXXX-03-03', 'TMO')
    """
    day = month_day_year(g) if g.get("month") else weekday({"weekday": g["weekday"]})
    return replace(day, type="TIME", time="T" + _part_code(g["part_of_day"]))


def weekday_of_mention(g: Groups) -> Draft:
    """that Saturday / the following Monday: counted from the day mentioned last (tagger.resolve), else as written.

    >>> weekday_of_mention({"weekday": "Monday", "relation": "following"}).anchor
    'weekday_after_mention'
    """
    value = f"XXXX-WXX-{weekday_number(g['weekday'])}"
    if g.get("relation"):
        return Draft(value=value, prefer="next", anchor="weekday_after_mention")
    return Draft(value=value, anchor="weekday_on_or_after_mention")


def _part_code(word: str) -> str:
    """TIMEX3 part-of-day code.

    >>> _part_code("mid-afternoon")
    'AF'
    """
    return PARTS_OF_DAY[re.sub(r"[\s-]+", "", word.lower())]


DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": 0}  # TimeBank: overnight = TNI of the day


def deictic_day(g: Groups) -> Draft:
    """today / yesterday / tonight.

    >>> deictic_day({"deictic": "yesterday"}).shift
    -1
    """
    word = g["deictic"].lower()
    if g.get("beyond"):  # "the day after tomorrow", "the day before yesterday"
        return Draft(unit="day", shift=DEICTIC_DAYS[word] + (1 if g["beyond"].lower() == "after" else -1))
    part = g.get("part_of_day")
    if word == "tonight":
        part = "night"
    if word == "overnight":
        part = "overnight"
    if part:
        return Draft(unit="day", shift=DEICTIC_DAYS[word], type="TIME", time="T" + _part_code(part))
    return Draft(unit="day", shift=DEICTIC_DAYS[word])


def part_of_day_alone(g: Groups) -> Draft:
    """at dawn / by midday / before dusk on Friday: that part of the day in context (else of the reference date).

    >>> part_of_day_alone({"part_of_day": "dawn", "weekday": "Friday"}).value
    'XXXX-WXX-5'
    """
    if g.get("month"):  # "at dawn on 6 June 1944": that day's
        return replace(month_day_year(g), type="TIME", time="T" + _part_code(g["part_of_day"]))
    day = f"XXXX-WXX-{weekday_number(g['weekday'])}" if g.get("weekday") else "XXXX-XX-XX"
    return Draft(value=day, type="TIME", time="T" + _part_code(g["part_of_day"]))


def part_of_day_relative(g: Groups) -> Draft:
    """this morning / last night.

    >>> part_of_day_relative({"relation": "last", "part_of_day": "night"}).time
    'TNI'
    """
    relation = (g.get("relation") or "this").lower()
    part = g["part_of_day"]
    shift = -1 if relation in ("last", "yesterday") else 1 if relation in ("tomorrow", "next") else 0
    return Draft(unit="day", shift=shift, type="TIME", time="T" + _part_code(part))


def day_of_month(g: Groups) -> Draft:
    """"on the 20th": that day of the month mentioned last, else of the reference date's month (or the one before).

    >>> day_of_month({"day_of_month": "20"}).value
    'XXXX-XX-20'
    """
    return Draft(value=f"XXXX-XX-{int(g['day_of_month']):02d}", anchor="month_of_mention")


def clock_time(g: Groups) -> Draft:
    """A clock time (+ day).

    >>> clock_time({"clock12": "4", "ampm": "AM"}).time
    'T04:00'
    """
    if g.get("special"):
        hour, minute = (12, 0) if g["special"].lower() == "noon" else (24, 0)
    elif g.get("clock"):
        hour, minute = (int(x) for x in re.split(r"[:.]", g["clock"]))
        if g.get("ampm") and g["ampm"].lower().startswith("p") and hour < 12:  # "00:45 am", "13:30 pm", "9:30 pm"
            hour += 12
    elif g.get("military_clock"):  # "2200 GMT"
        hour, minute = int(g["military_clock"][:2]), int(g["military_clock"][2:])
    else:
        parts = re.split(r"[:.]", g["clock12"]) if not g["clock12"].isdigit() or len(g["clock12"]) <= 2 \
            else [g["clock12"][:-2], g["clock12"][-2:]]  # "1209 a.m."
        hour, minute = int(parts[0]) % 12, int(parts[1]) if len(parts) > 1 else 0
        if g["ampm"].lower().startswith("p"):
            hour += 12
    day = "XXXX-XX-XX"
    if g.get("weekday"):
        day = f"XXXX-WXX-{weekday_number(g['weekday'])}"
    if g.get("month"):  # "9am on Tuesday 2 February": the date decides, in a year its weekday agrees with
        day = _date_value(written_year(g), month_number(g["month"]), day_number(g["day"]))
    if g.get("deictic"):
        return Draft(unit="day", shift=DEICTIC_DAYS[g["deictic"].lower()], type="TIME", time=f"T{hour:02d}:{minute:02d}")
    weekday_written = weekday_number(g["weekday"]) if g.get("weekday") and g.get("month") and not written_year(g) else 0
    return Draft(value=day, type="TIME", time=f"T{hour:02d}:{minute:02d}", weekday=weekday_written)


CLOCK_HOUR_WORDS: dict[str, int] = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                                    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
CLOCK_MINUTE_WORDS: dict[str, int] = {"five": 5, "ten": 10, "quarter": 15, "a quarter": 15, "twenty": 20,
                                      "twenty-five": 25, "twenty five": 25, "half": 30}


def clock_spelled(g: Groups) -> Draft:
    """ten o'clock / half past ten / a quarter to five / 11 in the morning / 8 tonight: a clock time in words.

    >>> clock_spelled({"hour_word": "five", "minute_word": "quarter", "direction": "to", "part_of_day": "afternoon"}).time
    'T16:45'
    """
    word = g["hour_word"].lower()
    hour = int(word) if word.isdigit() else CLOCK_HOUR_WORDS[word]
    minute = 0
    if g.get("minute_word"):
        minutes_word = re.sub(r"\s+", " ", g["minute_word"].lower())
        minute = int(minutes_word) if minutes_word.isdigit() else CLOCK_MINUTE_WORDS[minutes_word]
        if g["direction"].lower() in ("to", "before"):
            hour, minute = hour - 1, 60 - minute
    deictic = re.sub(r"\s+", " ", (g.get("deictic") or "").lower())
    part = (g.get("part_of_day") or ("night" if deictic in ("tonight", "last night") else "")).lower()
    hour %= 12 if part or hour == 12 else 24
    if part in ("afternoon", "evening") or part == "night" and hour >= 6:
        hour += 12
    if deictic:  # "8 tonight", "nine o'clock last night", "ten o'clock tomorrow"
        shift = -1 if deictic in ("last night", "yesterday") else 1 if deictic == "tomorrow" else 0
        return Draft(unit="day", shift=shift, type="TIME", time=f"T{hour:02d}:{minute:02d}")
    return Draft(value="XXXX-XX-XX", type="TIME", time=f"T{hour:02d}:{minute:02d}")


def relative_unit(g: Groups) -> Draft:
    """last year / this week / the latest quarter.

    >>> relative_unit({"relation": "last", "unit_single": "year"}).shift
    -1
    """
    relation = g.get("this_next_last") or g.get("relation") or "this"
    unit = (g.get("unit_single") or "quarter").lower()  # "the latest period": a quarter
    shift = _shift_word(relation)
    if unit == "quarter" and re.search(r"latest|recent", relation, re.I):
        return Draft(unit="quarter", shift=-1, anchor="topic_quarter")  # the quarter the report is about
    if re.search(r"latest|recent", relation, re.I) or unit == "quarter" and re.search(r"last|past|previous", relation, re.I):
        shift = -1  # "the latest fiscal year", "last quarter": the last completed one
    if unit == "weekend" and re.match(r"this\s+past", relation, re.I):  # the one just past, like "over the weekend"
        return Draft(unit=unit, shift=0, prefer="last")
    return Draft(unit=unit, shift=shift)


def the_unit(g: Groups) -> Draft:
    """the weekend / the quarter.

    >>> the_unit({"unit_single": "weekend"}).unit
    'weekend'
    """
    if g.get("unit_in"):  # "later in the year": that unit of the date just mentioned, else of the reference date
        return Draft(unit=g["unit_in"].lower(), shift=0, anchor="mention")
    unit = g["unit_single"].lower()
    if unit == "quarter":  # the quarter the report is about: the one last named, else the last completed one
        return Draft(unit="quarter", shift=-1, anchor="topic_quarter")
    if unit == "weekend":  # "over the weekend" written on a weekday: the one just past
        return Draft(unit=unit, shift=0, prefer="last")
    return Draft(unit=unit, shift=0)


def quarter_a_year_back(g: Groups) -> Draft:
    """"the corresponding period last year": the quarter under discussion a year back (else the last completed one).

    >>> quarter_a_year_back({}).shift
    -5
    """
    return Draft(unit="quarter", shift=-5, anchor="reference")


def year_ago(g: Groups) -> Draft:
    """"the year-ago quarter" (a quarter a year back) or a bare "year-ago" (the year before).

    >>> year_ago({"unit_single": "quarter"}).unit, year_ago({"unit_single": None}).unit
    ('quarter', 'year')
    """
    if g.get("unit_single"):
        return Draft(unit="quarter", shift=-5, anchor="reference")
    return Draft(unit="year", shift=-1, anchor="reference")


def mid_month_or_year(g: Groups) -> Draft:
    """mid-November / mid-1996: the month or year, narrowed to its middle.

    >>> mid_month_or_year({"month": "November"}).value, mid_month_or_year({"year4": "1996"}).mod
    ('XXXX-11', 'MID')
    """
    return Draft(value=g.get("year4") or f"XXXX-{month_number(g['month']):02d}", mod="MID")


def quarter_code(g: Groups) -> Draft:
    """Q2 2024 / H1 '25 / 2024 Q4 / Q3 (this year's).

    >>> quarter_code({"kind": "H", "index": "1", "year2": "25"}).value
    '2025-H1'
    """
    year = g.get("year4") or ("20" + g["year2"] if g.get("year2") else "XXXX")
    return Draft(value=f"{year}-{g['kind']}{g['index']}")


def the_year(g: Groups) -> Draft:
    """"the year 2000" (that year) or "the year" (the reference year).

    >>> the_year({"year4": "2000"}).value, the_year({}).unit
    ('2000', 'year')
    """
    written = written_year(g)
    return Draft(value=written) if written else Draft(unit="year", shift=0)


def year_period(g: Groups) -> Draft:
    """"the 1988 period": that year's quarter of the quarter just mentioned.

    >>> year_period({"year4": "1988"}).anchor
    'quarter_of_mention'
    """
    return Draft(value=g["year4"], anchor="quarter_of_mention")


def end_of_unit(g: Groups) -> Draft:
    """"year-end", "the end of the month": the current unit, narrowed to its end.

    >>> end_of_unit({"unit_single": "month"}).unit, end_of_unit({}).mod
    ('month', 'END')
    """
    return Draft(unit=g.get("unit_single") or "year", shift=0, mod="END")


def named_day(g: Groups) -> Draft:
    """Christmas / Easter week / Ramadan 2010 (calendars.NAMED_DAYS), with a written year or relation if any.

    >>> draft = named_day({"easter_week": "Easter week", "year4": "2010"})
    >>> draft.value, draft.named_day
    ('2010', 'easter_week')
    """
    key = next(day.key for day in NAMED_DAYS if g.get(day.key))
    if g.get("year_relation"):  # "Easter next year": that year's, counted from the reference date
        return Draft(unit="year", shift=_shift_word(g["year_relation"]), named_day=key,
                     named_weekend=bool(g.get("named_weekend")))
    return Draft(value=g.get("year4") or "", named_day=key, prefer=_prefer_of(g.get("this_next_last")),
                 named_weekend=bool(g.get("named_weekend")))


def named_event(g: Groups) -> Draft:
    """A day named by its date and known by it: "9/11" (calendars.NAMED_EVENTS).

    >>> named_event({"september_11_2001": "9/11"}).value
    '2001-09-11'
    """
    return Draft(value=next(event.value for event in NAMED_EVENTS if g.get(event.key)))


def ago(g: Groups) -> Draft:
    """N units ago / earlier / later / from now.

    >>> ago({"amount": "five", "unit": "months"}).shift
    -5
    """
    amount = number_value(g["amount"]) if g.get("amount") else None
    unit = g["unit"].lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else UNIT_ABBREVIATIONS.get(unit, unit)
    direction = re.sub(r"\s+", " ", (g.get("direction") or "ago").lower())
    from_now = direction.startswith("from")  # "two weeks from now": ahead of the reference date
    anchor = "reference" if direction == "ago" or from_now else "mention"  # "two days later": after the date just mentioned
    sign = 1 if direction in ("later", "after") or from_now else -1
    if g.get("fraction"):  # "half a century ago": 50 years; "a quarter century ago": 25; "half a year ago": 6 months
        months = {"century": 1200, "decade": 120, "year": 12}[unit] // (2 if g["fraction"].lower() == "half" else 4)
        if months % 12:
            return Draft(unit="month", shift=sign * months, anchor=anchor)
        return Draft(unit="year", shift=sign * months // 12, anchor=anchor)
    if amount is None:
        return Draft(value="PAST_REF" if sign < 0 else "FUTURE_REF")
    if g.get("half") and unit == "year":  # "a year and a half ago": 18 months back, at month grain
        return Draft(unit="month", shift=sign * (12 * amount + 6), anchor=anchor)
    if direction == "from tomorrow" and unit in ("day", "week"):  # "a week from tomorrow": counted from the next day
        return Draft(unit="day", shift=1 + amount * (7 if unit == "week" else 1), anchor=anchor)
    if unit == "week":
        return Draft(unit="day", shift=sign * 7 * amount, anchor=anchor)
    if unit in ("hour", "minute"):
        return Draft(unit="day", shift=0, anchor=anchor)
    if unit in ("decade", "century"):
        return Draft(unit="year", shift=sign * amount * (10 if unit == "decade" else 100), anchor=anchor)
    return Draft(unit=unit, shift=sign * amount, anchor=anchor)


def anaphoric_unit(g: Groups) -> Draft:
    """the following year / the next day / that same week / the next morning: counted from the date just mentioned.

    >>> anaphoric_unit({"relation": "following", "unit_single": "year"}).shift
    1
    """
    relation = (g.get("relation") or "same").lower()
    unit = (g.get("unit_single") or "day").lower()
    shift = 1 if relation in ("following", "next", "after") else -1 if relation in ("previous", "prior", "preceding",
                                                                                    "before") else 0
    if g.get("part_of_day"):  # "the next morning": a part of that day
        return Draft(unit="day", shift=shift, anchor="mention_only", type="TIME", time="T" + _part_code(g["part_of_day"]))
    if g.get("next_unit"):  # "the next year": the following year after a date mentioned, else the reference's next
        return Draft(unit=unit, shift=1, anchor="mention")
    return Draft(unit=unit, shift=shift, anchor="mention_only")  # no mention before it: left unresolved


def quarter(g: Groups) -> Draft:
    """the third quarter (of 1990).

    >>> quarter({"quarter_ordinal": "third", "quarter": "quarter"}).value
    'XXXX-Q3'
    """
    kind = "H" if g.get("half") or g.get("two_quarters") else "Q"  # "the first two quarters": the first half
    ordinal = (g["quarter_ordinal"] or g["half_ordinal"] or g["two_quarters"]).lower()
    index = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 2, "latter": 2}.get(ordinal) or int(ordinal[0])
    if written_year(g):
        return Draft(value=f"{written_year(g)}-{kind}{index}")
    relation = f"{g.get('relation') or ''} {g.get('of_relation') or ''}"  # "last year's third quarter", "... of next year"
    year_before = re.search(r"\d{4}", relation)
    if year_before:  # "the 1988 third quarter"
        return Draft(value=f"{year_before.group(0)}-{kind}{index}")
    if re.search(r"last year|year-(?:ago|earlier)|previous year|prior year", relation, re.I):
        return Draft(unit="year", shift=-1, value=f"-{kind}{index}")
    if re.search(r"next year|following year", relation, re.I):
        return Draft(unit="year", shift=1, value=f"-{kind}{index}")
    if re.search(r"this year|current", relation, re.I):
        return Draft(unit="year", shift=0, value=f"-{kind}{index}")
    return Draft(value=f"XXXX-{kind}{index}")


def decade(g: Groups) -> Draft:
    """the 1990s / the '80s / the nineties; "the late 1980s" keeps the value, its interval is the last third; "the 1800s" is the century.

    >>> [decade(g).value for g in ({"decade4": "1990"}, {"decade_digit": "8"}, {"decade_digit": "1"}, {"decade_word": "nineties"})]
    ['199', '198', '201', '199']
    """
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((g.get("decade_mod") or "").lower(), "")
    if g.get("decade4"):
        if g["decade4"].endswith("00") and g["decade4"] != "2000":  # "the 1800s" is the century (TIMEX3 "18")
            return Draft(value=g["decade4"][:2], mod=mod)
        return Draft(value=g["decade4"][:3], mod=mod)
    if g.get("decade_digit"):  # "'80s" is the 1980s, "'10s" the 2010s
        digit = g["decade_digit"]
        return Draft(value=("20" if digit in "01" else "19") + digit, mod=mod)
    return Draft(value=f"19{DECADE_WORDS[g['decade_word'].lower()]}", mod=mod)


def century(g: Groups) -> Draft:
    """the 20th century.

    >>> century({"ordinal": "20th"}).value
    '19'
    """
    ordinal = g["ordinal"].lower()
    number = int(re.match(r"\d+", ordinal).group(0)) if ordinal[0].isdigit() else ORDINALS[ordinal]
    return Draft(value=f"{'BC' if g.get('before_christ') else ''}{number - 1:02d}")  # "the 5th century BC": BC04


def season(g: Groups) -> Draft:
    """this summer / the winter of 1994.

    >>> season({"season": "summer", "year4": "2024"}).value
    '2024-SU'
    """
    if g.get("generic"):  # "in winter months": any year's winter
        return Draft(value=f"XXXX-{SEASONS[g['generic'].lower()]}", prefer="generic")
    code = SEASONS[g["season"].lower()]
    if written_year(g):
        return Draft(value=f"{written_year(g)}-{code}")
    relation = g.get("this_next_last") or ""
    if relation:
        return Draft(unit="year", shift=_shift_word(relation), value=f"-{code}")
    return Draft(value=f"XXXX-{code}")


def era_year(g: Groups) -> Draft:
    """49 BC -> BC0049 (TIMEX3's form; no calendar date), AD 79 -> 0079.

    >>> era_year({"year_bc": "49"}).value, era_year({"year_ad": "79"}).value
    ('BC0049', '0079')
    """
    if g.get("year_bc"):
        return Draft(value=f"BC{int(g['year_bc'].replace(',', '')):04d}")
    return Draft(value=f"{int(g['year_ad']):04d}")


def year(g: Groups) -> Draft:
    """A year.

    >>> year({"year4": "2007"}).value
    '2007'
    """
    return Draft(value=written_year(g))


def fiscal_year(g: Groups) -> Draft:
    """fiscal 1997 / the fiscal year.

    >>> fiscal_year({"year4": "1997"}).value
    '1997'
    """
    if written_year(g):
        return Draft(value=written_year(g))
    return Draft(unit="year", shift=_shift_word(g.get("relation") or "this"))


def literal(value: str, type_: str = "DATE") -> Callable[[Groups], Draft]:
    """A production that always gives `value`."""
    return lambda g: Draft(value=value, type=type_)


# Half a unit in the next smaller one: half a year is 6 months, half an hour 30 minutes ("a year and a half" is 3 halves).
HALF_UNIT_IN_SMALLER: dict[str, tuple[str, float]] = {  # half a week is 3.5 days
    "Y": ("M", 6), "M": ("D", 15), "W": ("D", 3.5), "D": ("H", 12), "H": ("MIN", 30), "MIN": ("S", 30),
    "DE": ("Y", 5), "CE": ("Y", 50),
}


def duration(g: Groups) -> Draft:
    """three years -> P3Y.

    >>> duration({"amount": "three", "unit": "years"}).value
    'P3Y'
    """
    amount = number_value(g["amount"]) if g.get("amount") else None
    letter = unit_letter(g["unit"])
    if amount == 1 and (g.get("half_of") or g.get("and_a_half")):  # "half an hour", "a year and a half": in the next unit
        smaller, count = HALF_UNIT_IN_SMALLER[letter]
        letter, amount = smaller, count * (3 if g.get("and_a_half") else 1)
    letter = {"DE": "E", "CE": "C"}.get(letter, letter)
    if letter in ("H", "MIN", "S"):
        return Draft(value=f"PT{amount if amount is not None else 'X'}{letter[0]}", type="DURATION")
    return Draft(value=f"P{amount if amount is not None else 'X'}{letter}", type="DURATION")


def set_expression(g: Groups) -> Draft:
    """every month -> P1M; every Friday, on Fridays, Friday nights, every January, every summer -> that day, month or season.

    >>> set_expression({"unit_single": "month"}).value, set_expression({"weekday": "Friday", "part_of_day": "night"}).value
    ('P1M', 'XXXX-WXX-5TNI')
    """
    if g.get("weekday"):
        time = "T" + _part_code(g["part_of_day"]) if g.get("part_of_day") else ""
        return Draft(value=f"XXXX-WXX-{weekday_number(g['weekday'])}{time}", type="SET")
    if g.get("month"):  # "every January"
        return Draft(value=f"XXXX-{month_number(g['month']):02d}", type="SET")
    if g.get("season"):  # "every summer"
        return Draft(value=f"XXXX-{SEASONS[g['season'].lower()]}", type="SET")
    letter = unit_letter(g["unit_single"])
    if letter in ("H", "MIN"):
        return Draft(value=f"PT1{letter[0]}", type="SET")
    return Draft(value=f"P1{letter}", type="SET")
