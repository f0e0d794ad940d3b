"""Named days of the calendar and well-known days named by their date: data tables with examples.

`NAMED_DAYS`: holidays and religious periods whose date depends on the year (Thanksgiving, Easter week,
Ramadan) or not (Christmas); `dates(year)` gives the half-open [start, end) of that year's one. Easter
comes from dateutil, Ramadan from the Umm al-Qura calendar of `hijridate` (1924-2077), Passover, Rosh Hashanah,
Yom Kippur and Hanukkah from the Hebrew calendar of `pyluach`, Chinese New Year from `lunardate` (1900-2099). `NAMED_EVENTS`:
days so well known that their date names them ("9/11", "the October 7 attacks"), each a fixed value.
The rules `named_day` and `named_event` (rules.py) match them; their examples are tests.

>>> named_day_dates("thanksgiving", 2010), named_day_dates("ramadan", 2010)[0]
((datetime.date(2010, 11, 25), datetime.date(2010, 11, 26)), datetime.date(2010, 8, 11))
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Callable

from dateutil.easter import easter
from hijridate import Gregorian, Hijri
from lunardate import LunarDate
from pyluach.dates import HebrewDate

Day = datetime.date
Dates = Callable[[int], "tuple[Day, Day] | None"]
ONE_DAY = datetime.timedelta(days=1)


def fixed(month: int, day: int) -> Dates:
    """The same month and day every year.

    >>> fixed(12, 25)(2009)
    (datetime.date(2009, 12, 25), datetime.date(2009, 12, 26))
    """
    return lambda year: (Day(year, month, day), Day(year, month, day) + ONE_DAY)


def nth_weekday(month: int, weekday: int, nth: int) -> Dates:
    """The nth ISO weekday of a month (nth=-1: the last one): US Thanksgiving is the 4th Thursday of November.

    >>> nth_weekday(5, 1, -1)(2010)[0]
    datetime.date(2010, 5, 31)
    """
    def dates(year: int) -> tuple[Day, Day]:
        if nth > 0:
            first = Day(year, month, 1)
            day = first + datetime.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
        else:
            last = Day(year + month // 12, month % 12 + 1, 1) - ONE_DAY
            day = last - datetime.timedelta(days=(last.isoweekday() - weekday) % 7)
        return day, day + ONE_DAY
    return dates


def us_election_day(year: int) -> tuple[Day, Day]:
    """The Tuesday after the first Monday of November.

    >>> us_election_day(2008)[0]
    datetime.date(2008, 11, 4)
    """
    first_monday = nth_weekday(11, 1, 1)(year)[0]
    return first_monday + ONE_DAY, first_monday + 2 * ONE_DAY


def from_easter(offset_days: int, length_days: int = 1) -> Dates:
    """Days counted from Easter Sunday (dateutil's Western Easter).

    >>> from_easter(-2)(2010)[0]
    datetime.date(2010, 4, 2)
    """
    return lambda year: (easter(year) + offset_days * ONE_DAY, easter(year) + (offset_days + length_days) * ONE_DAY)


def hijri_month(month: int, length_days: int | None = None) -> Dates:
    """The Hijri month `month` (or its first `length_days` days) that begins in the Gregorian year; None outside 1924-2077.

    >>> hijri_month(9)(2023)
    (datetime.date(2023, 3, 23), datetime.date(2023, 4, 21))
    """
    def dates(year: int) -> tuple[Day, Day] | None:
        try:
            hijri_year = Gregorian(year, 1, 1).to_hijri().year
            for candidate in (hijri_year, hijri_year + 1):
                start = Hijri(candidate, month, 1).to_gregorian()
                if start.year == year:
                    start = Day(start.year, start.month, start.day)
                    if length_days is not None:
                        return start, start + length_days * ONE_DAY
                    following = Hijri(candidate + month // 12, month % 12 + 1, 1).to_gregorian()
                    return start, Day(following.year, following.month, following.day)
        except (OverflowError, ValueError):  # beyond the Umm al-Qura tables
            return None
        return None
    return dates


HEBREW_YEAR_OFFSET = 3760  # Hebrew year = Gregorian year + 3760 from Nisan (spring), + 3761 from Tishri (autumn)


def hebrew_day(month: int, day: int, length_days: int = 1) -> Dates:
    """A day (or the first `length_days` days) of the Hebrew calendar in the Gregorian year (pyluach; Nisan = 1).

    Jewish days begin at the sunset before: the value is the daytime date, as calendars print it.

    >>> hebrew_day(1, 15, 7)(2025), hebrew_day(7, 10)(2013)[0]
    ((datetime.date(2025, 4, 13), datetime.date(2025, 4, 20)), datetime.date(2013, 9, 14))
    """
    def dates(year: int) -> tuple[Day, Day] | None:
        hebrew_year = year + HEBREW_YEAR_OFFSET + (1 if month >= 7 else 0)  # Tishri (7) to Adar fall from autumn on
        try:
            start = HebrewDate(hebrew_year, month, day).to_pydate()
        except ValueError:  # before year 1 or after 9999
            return None
        return start, start + length_days * ONE_DAY
    return dates


def chinese_new_year(year: int) -> tuple[Day, Day] | None:
    """The first day of the Chinese lunar year that begins in the Gregorian year (lunardate, 1900-2099).

    >>> chinese_new_year(2013)[0], chinese_new_year(1850)
    (datetime.date(2013, 2, 10), None)
    """
    try:
        start = LunarDate(year, 1, 1).to_solar_date()
    except ValueError:  # outside the library's tables
        return None
    return start, start + ONE_DAY


def us_inauguration_day(year: int) -> tuple[Day, Day] | None:
    """20 January of the year after a US presidential election (None in other years).

    >>> us_inauguration_day(2009)[0], us_inauguration_day(2010)
    (datetime.date(2009, 1, 20), None)
    """
    return fixed(1, 20)(year) if year % 4 == 1 else None


def hijri_day(month: int, day: int) -> Dates:
    """A day of the Hijri calendar that falls in the Gregorian year; None outside 1924-2077.

    >>> hijri_day(12, 10)(2010)[0]
    datetime.date(2010, 11, 16)
    """
    def dates(year: int) -> tuple[Day, Day] | None:
        first = hijri_month(month)(year)
        if first is None:
            return None
        start = first[0] + (day - 1) * ONE_DAY
        return start, start + ONE_DAY
    return dates


@dataclass(frozen=True)
class NamedDay:
    """A named day or period: its names (a regex), the word that triggers the tagger, and its dates in a year."""
    key: str
    names: str
    trigger: str          # a lower-case word of every name (the tagger only looks near trigger words)
    dates: Dates
    grain: str = "day"    # "day", "week" (value is the ISO week) or "period" (value is the first day, interval all)


NAMED_DAYS: list[NamedDay] = [
    NamedDay("new_years_eve", r"New\s+Year's\s+Eve", "eve", fixed(12, 31)),
    NamedDay("new_years_day", r"New\s+Year's(?:\s+Day)?", "year", fixed(1, 1)),
    NamedDay("christmas_eve", r"Christmas\s+Eve", "christmas", fixed(12, 24)),
    NamedDay("christmas", r"Christmas(?:\s+Day)?", "christmas", fixed(12, 25)),
    NamedDay("boxing_day", r"Boxing\s+Day", "day", fixed(12, 26)),
    NamedDay("may_day", r"May\s+Day", "day", fixed(5, 1)),
    NamedDay("valentines_day", r"(?:St\.?\s+)?Valentine's\s+Day", "day", fixed(2, 14)),
    NamedDay("halloween", r"Halloween", "halloween", fixed(10, 31)),
    NamedDay("thanksgiving", r"Thanksgiving(?:\s+Day)?", "thanksgiving", nth_weekday(11, 4, 4)),  # US
    NamedDay("memorial_day", r"Memorial\s+Day", "day", nth_weekday(5, 1, -1)),  # US
    NamedDay("labor_day", r"Labor\s+Day", "day", nth_weekday(9, 1, 1)),  # US
    NamedDay("election_day", r"Election\s+Day", "day", us_election_day),  # US, capitalised
    NamedDay("fourth_of_july", r"(?:the\s+)?Fourth\s+of\s+July", "fourth", fixed(7, 4)),  # US
    NamedDay("martin_luther_king_day", r"Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day", "day", nth_weekday(1, 1, 3)),  # US
    NamedDay("presidents_day", r"Presidents['’]?\s+Day", "day", nth_weekday(2, 1, 3)),  # US
    NamedDay("columbus_day", r"Columbus\s+Day", "day", nth_weekday(10, 1, 2)),  # US
    NamedDay("fathers_day", r"Father['’]s\s+Day", "day", nth_weekday(6, 7, 3)),  # US, UK
    NamedDay("inauguration_day", r"Inauguration\s+Day", "day", us_inauguration_day),  # US
    NamedDay("veterans_day", r"Veterans['’]?\s+Day", "day", fixed(11, 11)),  # US
    NamedDay("armistice_day", r"(?:Remembrance|Armistice)\s+Day", "day", fixed(11, 11)),
    NamedDay("remembrance_sunday", r"Remembrance\s+Sunday", "sunday", nth_weekday(11, 7, 2)),  # UK
    NamedDay("st_patricks_day", r"(?:St\.?|Saint)\s+Patrick['’]s\s+Day", "day", fixed(3, 17)),
    NamedDay("bastille_day", r"Bastille\s+Day", "day", fixed(7, 14)),
    NamedDay("guy_fawkes_night", r"(?:Guy\s+Fawkes|Bonfire)\s+Night", "night", fixed(11, 5)),  # UK
    NamedDay("ash_wednesday", r"Ash\s+Wednesday", "wednesday", from_easter(-46)),
    NamedDay("palm_sunday", r"Palm\s+Sunday", "sunday", from_easter(-7)),
    NamedDay("maundy_thursday", r"Maundy\s+Thursday", "thursday", from_easter(-3)),
    NamedDay("good_friday", r"Good\s+Friday", "friday", from_easter(-2)),
    NamedDay("holy_week", r"Holy\s+Week", "week", from_easter(-7, 7), grain="period"),
    NamedDay("easter_week", r"Easter\s+[Ww]eek", "easter", from_easter(1, 7), grain="week"),
    NamedDay("easter_monday", r"Easter\s+Monday", "easter", from_easter(1)),
    NamedDay("easter", r"Easter(?:\s+Sunday)?", "easter", from_easter(0)),
    NamedDay("ascension_day", r"Ascension\s+Day", "day", from_easter(39)),
    NamedDay("pentecost", r"Pentecost(?:\s+Sunday)?|Whit\s+Sunday|Whitsun(?:day)?", "pentecost", from_easter(49)),
    NamedDay("whit_monday", r"Whit\s+Monday", "monday", from_easter(50)),
    NamedDay("ramadan", r"Ramadan", "ramadan", hijri_month(9), grain="period"),
    NamedDay("eid_al_fitr", r"Eid\s+(?:al|ul|el)[\s-]Fitr", "eid", hijri_month(10, 1)),
    NamedDay("eid_al_adha", r"Eid\s+(?:al|ul|el)[\s-]Adha", "eid", hijri_day(12, 10)),
    NamedDay("passover", r"Passover", "passover", hebrew_day(1, 15, 7), grain="period"),  # as kept in Israel
    NamedDay("rosh_hashanah", r"Rosh\s+Hashanah?", "rosh", hebrew_day(7, 1)),
    NamedDay("yom_kippur", r"Yom\s+Kippur", "kippur", hebrew_day(7, 10)),
    NamedDay("hanukkah", r"Hanukkah", "hanukkah", hebrew_day(9, 25, 8), grain="period"),
    NamedDay("chinese_new_year", r"(?:Chinese|Lunar)\s+New\s+Year(?:['’]s(?:\s+Day)?)?", "year", chinese_new_year),
    NamedDay("spring_festival", r"Spring\s+Festival", "festival", chinese_new_year),  # China's name for it
]
NAMED_DAY_BY_KEY: dict[str, NamedDay] = {day.key: day for day in NAMED_DAYS}


def named_day_dates(key: str, year: int) -> tuple[Day, Day] | None:
    """[start, end) of the named day `key` in `year`, or None when the calendar cannot say.

    >>> named_day_dates("easter_week", 2010)
    (datetime.date(2010, 4, 5), datetime.date(2010, 4, 12))
    """
    try:
        return NAMED_DAY_BY_KEY[key].dates(year)
    except (OverflowError, ValueError):  # year 0 or 10000
        return None


@dataclass(frozen=True)
class NamedEvent:
    """A day named by its date and known by it ("9/11"): its names (a regex), trigger word and value."""
    key: str
    names: str
    trigger: str
    value: str


# The date words form the timex; the event noun after them only tells which day it is.
EVENT_NOUNS = (r"(?=[\s-]+(?:terror(?:ist)?\s+)?(?:attacks?|massacres?|assaults?|atrocit(?:y|ies)|bombings?|raids?"
               r"|incursions?|hijackings?|hijackers?|riots?|insurrection|commission|committee|hearings?|victims?|families"
               r"|memorial|anniversary|war)\b)")
NAMED_EVENTS: list[NamedEvent] = [
    NamedEvent("september_11_2001", r"9/11(?![\d/])|(?:September|Sept?\.)\s+11(?:th)?" + EVENT_NOUNS, "11", "2001-09-11"),
    NamedEvent("october_7_2023", r"(?:October|Oct\.)\s+7(?:th)?" + EVENT_NOUNS + r"|7\s+October" + EVENT_NOUNS, "7",
               "2023-10-07"),
    NamedEvent("january_6_2021", r"(?:January|Jan\.)\s+6(?:th)?" + EVENT_NOUNS + r"|6\s+January" + EVENT_NOUNS, "6",
               "2021-01-06"),
    NamedEvent("july_7_2005", r"7/7(?![\d/])" + EVENT_NOUNS, "7", "2005-07-07"),
]
