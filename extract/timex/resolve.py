"""Phase 2 of the tagger: an underspecified `Draft` + the reference date -> value, grain, interval.

Pure functions, no text. News conventions: a month, weekday or month-day without a year is the
latest one on or before the reference date, unless the tagger saw a future cue (prefer="future").

>>> resolve_draft(Draft(value="XXXX-10"), datetime.date(2025, 6, 14)).value
'2024-10'
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

from .calendars import NAMED_DAY_BY_KEY, named_day_dates

Day = datetime.date
SEASON_MONTHS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15)}  # [first, past-last) month
PART_HOURS = {"MO": (6, 12), "MI": (11, 14), "AF": (12, 18), "EV": (17, 22), "NI": (20, 28), "DT": (9, 17)}
REF_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_LEADING_DATE = re.compile(r"(?P<year>\d{4})-?(?P<month>\d{2})-?(?P<day>\d{2})")


def parse_iso_date(value: str | None) -> datetime.date | None:
    """The date at the start of a TIMEX3 value, or None (also for an impossible date).

    >>> parse_iso_date("1998-01-08T10:00"), parse_iso_date("2025-02-30"), parse_iso_date("2024-10")
    (datetime.date(1998, 1, 8), None, None)
    """
    match = _LEADING_DATE.match(value or "")
    if not match:
        return None
    try:
        return datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None


@dataclass(frozen=True)
class Draft:
    """What a rule production says about its span before the reference date is known.

    Three kinds: an absolute or underspecified TIMEX3 `value` ("2007-10", "XXXX-10", "XXXX-WXX-5",
    "PRESENT_REF", "P3Y"), or an offset from the reference date (`unit` + `shift`, e.g. year -1).
    """
    value: str = ""
    type: str = "DATE"
    unit: str | None = None      # offset unit: year, half, quarter, month, week, weekend, day, decade, century
    shift: int = 0               # offset in `unit`s from the reference date
    as_grain: str | None = None  # write an offset at another grain ("two weeks ago" -> a day)
    time: str = ""               # time suffix: "T04:00", "TMO"
    mod: str = ""                # START | MID | END: narrows the interval, not the value
    until: "Draft | None" = None  # range end (the interval covers both)
    until_reference: bool = False  # "since 2022": the interval ends at the reference date
    anchor: str = ""             # "mention" ("a year earlier", counted from the date just mentioned, else the
                                 # reference), "mention_only" ("the following year": unresolved without one),
                                 # "reference" ("a year ago"; after a quarter mention it becomes a quarter),
                                 # "topic_quarter" ("the quarter": the completed quarter named last, else shift)
    prefer: str = "past"         # for a missing year: past | future (cue) | nearest | last | next | this (as written)
                                 # | generic (any year's: "in winter months", left without a year)
    named_day: str = ""          # a key of calendars.NAMED_DAYS ("easter"); `value` then holds its written year or ""
    named_weekend: bool = False  # "Thanksgiving weekend", "Memorial Day weekend": the weekend of that named day
    week_of_month: int = 0       # "the first week of March": 1..4, -1 for the last; `value` holds the month
    weekday: int = 0             # ISO weekday written with a year-less date ("Saturday, December 7"): a year it agrees with
    past_clause: bool = False    # a year-less season in a past-tense clause ("Cases rose in the autumn"): no season ahead


@dataclass(frozen=True)
class Resolution:
    """A resolved value with its grain and half-open interval (None when unresolved)."""
    value: str
    grain: str
    interval_start: datetime.date | None
    interval_end: datetime.date | None


UNRESOLVED_BY_UNIT = {"year": "XXXX", "half": "XXXX-HX", "quarter": "XXXX-QX", "month": "XXXX-XX",
                      "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "day": "XXXX-XX-XX", "decade": "XXX",
                      "century": "XX"}


def resolve_draft(draft: Draft, reference_date: datetime.date | None, context_day: datetime.date | None = None) -> Resolution:
    """Resolve one draft against the reference date (and the day in context, for a bare time).

    >>> resolve_draft(Draft(unit="year", shift=-1), datetime.date(2025, 6, 14)).value
    '2024'
    """
    try:
        return _resolve(draft, reference_date, context_day)
    except (OverflowError, ValueError):  # "1,000,000 days ago", a reference date in 9999: beyond the calendar
        return Resolution("UNKNOWN", "unknown", None, None)


def _resolve(draft: Draft, reference_date: datetime.date | None, context_day: datetime.date | None) -> Resolution:
    if draft.named_day:
        dated = _dated_named_day(draft, reference_date)
        if dated is None:
            return Resolution("XXXX-XX-XX", "unknown", None, None)
        draft = dated
    value = _value(draft, reference_date, context_day)
    if draft.week_of_month and value is not None and re.fullmatch(r"\d{4}-\d\d", value):
        value = week_of_month(value, draft.week_of_month)
    if value is None:  # relative expression without a reference date
        suffix = draft.value if draft.value.startswith("-") else ""
        unresolved = UNRESOLVED_BY_UNIT.get(draft.as_grain or draft.unit or "", "UNKNOWN") + suffix if draft.unit \
            else draft.value
        return Resolution(unresolved + _time_suffix(draft), "unknown", None, None)
    if draft.type in ("DURATION", "SET") or value in REF_VALUES or "X" in value:
        return Resolution(value, "unknown", None, None)
    grain = grain_of(value)
    interval = interval_of(value)
    if interval is None:
        return Resolution(value, "unknown", None, None)
    start, end = _narrow(interval, draft.mod)
    if draft.until is not None:
        until = draft.until
        if until.value.startswith("XXXX") and re.match(r"\d{4}", value):  # "June 13–24": the start's year
            until = replace(until, value=value[:4] + until.value[4:])
        end_resolution = _resolve(until, reference_date, context_day)
        if end_resolution.interval_end is not None and as_date(end_resolution.interval_end) > as_date(start):
            start, end = as_date(start), as_date(end_resolution.interval_end)
    if draft.until_reference and reference_date is not None and reference_date > as_date(start):
        start, end = as_date(start), reference_date
    return Resolution(value, grain, start, end)


def week_of_month(month: str, index: int) -> str:
    """The nth ISO week mostly in a month ("the first week of March": the one holding the 4th), or the last (index -1).

    >>> week_of_month("2009-03", 1), week_of_month("2009-06", -1), week_of_month("2010-10", 1)
    ('2009-W10', '2009-W26', '2010-W40')
    """
    first = datetime.date.fromisoformat(month + "-01")
    if index < 0:  # the week holding the fourth-last day
        day = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=4)
    else:
        day = first + datetime.timedelta(days=3 + 7 * (index - 1))
    iso_year, iso_week, _ = day.isocalendar()
    return f"{iso_year}-W{iso_week:02d}"


def _dated_named_day(draft: Draft, reference: Day | None) -> Draft | None:
    """A named day ("Easter", "Ramadan 2010") as a draft of its date: written year, else the occurrence `prefer` picks.

    >>> _dated_named_day(Draft(named_day="christmas"), datetime.date(2025, 6, 14)).value
    '2024-12-25'
    """
    named = NAMED_DAY_BY_KEY[draft.named_day]
    if draft.value:
        dates = named_day_dates(named.key, int(draft.value))
    elif reference is None:
        return None
    elif draft.unit == "year":  # "Easter next year": the reference year's + the shift
        dates = named_day_dates(named.key, reference.year + draft.shift)
        draft = replace(draft, unit=None, shift=0)
    else:
        years = [reference.year - 1, reference.year, reference.year + 1]
        intervals = [named_day_dates(named.key, year) or (None, None) for year in years]
        # "this Christmas": the reference year's, as "this summer"; else the occurrence the tense picks
        year = reference.year if draft.prefer == "this" else _occurrence(years, intervals, reference, draft.prefer,
                                                                           NEAR_FUTURE_DAYS)
        dates = named_day_dates(named.key, year)
    if dates is None:
        return None
    start, end = dates
    if draft.named_weekend:  # its week's weekend; a Monday holiday's is the weekend just before it
        day = start - datetime.timedelta(days=1) if start.isoweekday() == 1 else start
        iso_year, iso_week, _ = day.isocalendar()
        return replace(draft, named_day="", named_weekend=False, value=f"{iso_year}-W{iso_week:02d}-WE")
    if named.grain == "week":
        iso_year, iso_week, _ = start.isocalendar()
        return replace(draft, named_day="", value=f"{iso_year}-W{iso_week:02d}")
    until = Draft(value=(end - datetime.timedelta(days=1)).isoformat()) if named.grain == "period" else None
    return replace(draft, named_day="", value=start.isoformat(), until=until)


def _time_suffix(draft: Draft) -> str:
    return draft.time if draft.time and "XX" not in draft.time else ""


def _value(draft: Draft, reference: Day | None, context_day: Day | None) -> str | None:
    if draft.unit is not None:
        if reference is None:
            return None
        suffix = draft.value if draft.value.startswith("-") else ""  # "July last year": year -1 + "-07"
        shift = draft.shift
        if draft.unit == "weekend" and draft.prefer == "last" and reference.isoweekday() < 6:
            shift -= 1  # "over the weekend" written on a weekday: the one just past
        return offset_value(reference, draft.unit, shift, draft.as_grain) + suffix + _time_suffix(draft)
    value = draft.value
    if draft.type in ("DURATION", "SET"):
        return value
    if value.startswith("XXXX-XX-XX"):  # a time of an unnamed day: the day in context, else the reference
        day = context_day or reference
        return None if day is None else day.isoformat() + value[10:] + _time_suffix(draft)
    date_part, separator, time_part = value.partition("T")
    if _FILLABLE.fullmatch(date_part) and draft.prefer != "generic":  # a generic season keeps no year
        if reference is None:
            return None
        value = fill_year(date_part, reference, draft.prefer, draft.weekday, draft.past_clause) + separator + time_part
    return value + _time_suffix(draft)


_FILLABLE = re.compile(r"XXXX-(?:\d\d(?:-\d\d)?|XX-\d\d|WXX-\d|[QH]\d|SP|SU|FA|WI)")


def offset_value(reference: Day, unit: str, shift: int, as_grain: str | None = None) -> str:
    """The value `shift` units from a day, at that unit's grain.

    >>> offset_value(datetime.date(2025, 6, 14), "month", -5)
    '2025-01'
    """
    if unit == "year":  # years before 1000 are padded: "0201", never a decade "201"
        return f"{reference.year + shift:04d}" if reference.year + shift > 0 else "PAST_REF"
    if unit == "decade":
        return f"{reference.year // 10 + shift:03d}"
    if unit == "century":
        return f"{reference.year // 100 + shift:02d}"
    if unit == "half":
        index = reference.year * 2 + (reference.month - 1) // 6 + shift
        return f"{index // 2:04d}-H{index % 2 + 1}"
    if unit == "quarter":
        index = reference.year * 4 + (reference.month - 1) // 3 + shift
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + shift
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit in ("week", "weekend"):
        day = reference + datetime.timedelta(weeks=shift)  # "this/last/next weekend": that ISO week's weekend
        if as_grain == "day":
            return day.isoformat()
        iso_year, iso_week, _ = day.isocalendar()
        return f"{iso_year}-W{iso_week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "day":
        return (reference + datetime.timedelta(days=shift)).isoformat()
    raise ValueError(f"unknown offset unit {unit!r}")


def fill_year(value: str, reference: Day, prefer: str, written_weekday: int = 0, past_clause: bool = False) -> str:
    """Give an underspecified month, month-day, weekday, season or quarter its year.

    prefer: "past" (latest on or before the reference; a month-day up to NEAR_FUTURE_DAYS ahead, a month
    NEAR_FUTURE_MONTH_DAYS, a season NEAR_FUTURE_SEASON_DAYS unless `past_clause`, counts as meant), "future" (a cue like "will" was seen: the next one; a month-day in the reference's
    own month stays in it, as in HeidelTime: "by March 18" written March 19), "nearest" (future in the
    past, "was due to start on Thursday": the occurrence closest to the reference), "last"/"next" (written
    "last Friday"/"next May": strictly before/after; a "last" weekday at least two days back, since the day
    before is "yesterday"), "this" (the reference's own year or week). A month-day written with its weekday (`written_weekday`,
    ISO 1-7) takes the year, of the one before, the reference's and the one after, that the preference picks among
    those where the weekday agrees; none agreeing, as if no weekday were written.

    >>> fill_year("XXXX-WXX-1", datetime.date(2025, 6, 14), "next"), fill_year("XXXX-10", datetime.date(2025, 6, 14), "past")
    ('2025-06-16', '2024-10')
    """
    weekday = re.fullmatch(r"XXXX-WXX-(\d)", value)
    if weekday:
        back = (reference.isoweekday() - int(weekday.group(1))) % 7
        if prefer == "last" and back <= 1:  # "last Friday" is never today nor yesterday (that is "yesterday")
            back += 7
        if prefer in ("future", "next") and back or prefer == "nearest" and back > 3:
            return (reference + datetime.timedelta(days=7 - back)).isoformat()
        return (reference - datetime.timedelta(days=back)).isoformat()
    day_of_month = re.fullmatch(r"XXXX-XX-(\d\d)", value)
    if day_of_month:  # "on the 20th": the latest one on or before the reference (a cue: the coming one)
        months = [offset_value(reference, "month", shift) for shift in (-2, -1, 0, 1)]
        dated = [(candidate, interval_of(candidate)) for candidate in (f"{month}-{day_of_month.group(1)}" for month in months)]
        real = [(candidate, interval) for candidate, interval in dated if interval is not None]   # no 31 June
        return _occurrence([candidate for candidate, _ in real], [interval for _, interval in real], reference,
                           "past" if prefer == "this" else prefer, 0)
    rest = value[4:]
    if re.fullmatch(r"-Q\d|-H\d", rest) and prefer not in ("this", "future", "next"):
        return _reported_period(rest, reference)
    if prefer == "this" or re.fullmatch(r"-Q\d|-H\d", rest):  # "the third quarter" with a future cue: the reference year's
        return f"{reference.year:04d}{rest}"
    candidates = [f"{year:04d}{rest}" for year in (reference.year - 1, reference.year, reference.year + 1)]
    intervals = [interval_of(c) or (None, None) for c in candidates]
    if written_weekday and re.fullmatch(r"-\d\d-\d\d", rest):  # "Saturday, December 7": a year whose December 7 is a Saturday
        agreeing = [(c, i) for c, i in zip(candidates, intervals) if i[0] is not None and i[0].isoweekday() == written_weekday]
        if agreeing:
            candidates, intervals = [c for c, _ in agreeing], [i for _, i in agreeing]
    if prefer == "future" and re.fullmatch(r"-\d\d-\d\d", rest):  # "by March 18" written March 19: this March
        intervals = [interval_of(c[:7]) or (None, None) for c in candidates]
    ahead = 0 if past_clause else NEAR_FUTURE_DAYS if re.fullmatch(r"-\d\d-\d\d", rest) \
        else NEAR_FUTURE_MONTH_DAYS if re.fullmatch(r"-\d\d", rest) else NEAR_FUTURE_SEASON_DAYS if rest[1:] in SEASON_MONTHS else 0
    return _occurrence(candidates, intervals, reference, prefer, ahead)


REPORTING_LAG_DAYS = 92  # results of a quarter or half are reported within about a quarter after it ends


def _reported_period(rest: str, reference: Day) -> str:
    """A year-less quarter or half: the reference year's, unless it has not begun and last year's ended at most
    REPORTING_LAG_DAYS before the reference ("profit fell in the fourth quarter" written in February).

    >>> _reported_period("-Q4", datetime.date(2013, 2, 14)), _reported_period("-Q4", datetime.date(1990, 8, 13))
    ('2012-Q4', '1990-Q4')
    """
    this_year = f"{reference.year:04d}{rest}"
    this_interval = interval_of(this_year)
    if reference.year <= 1 or this_interval is None or this_interval[0] <= reference:
        return this_year
    last_year = f"{reference.year - 1:04d}{rest}"
    ended = interval_of(last_year)[1]
    return last_year if (reference - ended).days <= REPORTING_LAG_DAYS else this_year


def _occurrence(candidates: list, intervals: list[tuple], reference: Day, prefer: str, ahead_days: int):
    """The candidate (one per year, in order) whose [start, end) interval the preference picks; see fill_year."""
    usable = [(candidate, (as_date(start), as_date(end))) for candidate, (start, end) in zip(candidates, intervals)
              if start is not None]
    if not usable:
        return candidates[len(candidates) // 2]
    if prefer == "nearest":  # the occurrence closest to the reference date, before or after it
        def distance(interval: tuple) -> datetime.timedelta:
            start, end = interval
            return max(start - reference, reference - end + datetime.timedelta(days=1), datetime.timedelta(0))
        return min(usable, key=lambda pair: distance(pair[1]))[0]
    if prefer in ("future", "next"):
        future = [c for c, (start, end) in usable if (start > reference if prefer == "next" else end > reference)]
        return future[0] if future else candidates[len(candidates) // 2]
    horizon = reference + datetime.timedelta(days=ahead_days)
    past = [c for c, (start, end) in usable if start <= horizon and (prefer != "last" or end <= reference)]
    return past[-1] if past else candidates[0]


NEAR_FUTURE_DAYS = 60  # "Nov. 6" written Oct. 27 is the coming one (measured on TimeBank)
NEAR_FUTURE_MONTH_DAYS = 35  # a bare month: latest on or before the reference, or the coming month
NEAR_FUTURE_SEASON_DAYS = 92  # a bare season: the same, one season ahead ("a second wave in the autumn" written in June)


def grain_of(value: str) -> str:
    """The grain (extract.schema.GRAINS) of a TIMEX3 value.

    >>> grain_of("2025-W24")
    'week'
    """
    patterns = (
        (r"\d{4}-\d\d-\d\dT.*", "hour"), (r"\d{4}-\d\d-\d\d", "day"), (r"\d{4}-W\d\d(-WE)?", "week"),
        (r"\d{4}-\d\d", "month"), (r"\d{4}-Q\d", "quarter"), (r"\d{4}-H\d", "quarter"),
        (r"\d{4}-(SP|SU|FA|WI)", "season"), (r"\d{4}", "year"), (r"\d{3}", "decade"), (r"\d{2}", "century"),
    )
    for pattern, grain in patterns:
        if re.fullmatch(pattern, value):
            return grain
    return "unknown"


def interval_of(value: str) -> tuple[datetime.date, datetime.date] | None:
    """Half-open interval of a resolved TIMEX3 value.

    >>> interval_of("2024-10")[1]
    datetime.date(2024, 11, 1)
    """
    match = re.fullmatch(r"(?P<day>\d{4}-\d\d-\d\d)T(?:(?P<hour>\d\d)(?::(?P<minute>\d\d))?|(?P<part>[A-Z]{2}))", value)
    if match:
        day = datetime.datetime.fromisoformat(match.group("day"))
        if match.group("part"):
            first, last = PART_HOURS.get(match.group("part"), (0, 24))
            return day + datetime.timedelta(hours=first), day + datetime.timedelta(hours=last)
        start = day + datetime.timedelta(hours=int(match.group("hour")), minutes=int(match.group("minute") or 0))
        return start, start + datetime.timedelta(hours=1)
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            day = datetime.date.fromisoformat(value)
            return day, day + datetime.timedelta(days=1)
        week = re.fullmatch(r"(?P<year>\d{4})-W(?P<week>\d\d)(?P<weekend>-WE)?", value)
        if week:
            monday = datetime.date.fromisocalendar(int(week.group("year")), int(week.group("week")), 1)
            if week.group("weekend"):
                return monday + datetime.timedelta(days=5), monday + datetime.timedelta(days=7)
            return monday, monday + datetime.timedelta(days=7)
        if re.fullmatch(r"\d{4}-\d\d", value):
            return _months(int(value[:4]), int(value[5:]), 1)
        quarter = re.fullmatch(r"(?P<year>\d{4})-(?P<kind>[QH])(?P<index>\d)", value)
        if quarter:
            size = 3 if quarter.group("kind") == "Q" else 6
            return _months(int(quarter.group("year")), (int(quarter.group("index")) - 1) * size + 1, size)
        season = re.fullmatch(r"(?P<year>\d{4})-(?P<season>SP|SU|FA|WI)", value)
        if season:
            first, last = SEASON_MONTHS[season.group("season")]
            return _months(int(season.group("year")), first, last - first)
        if re.fullmatch(r"\d{4}", value):
            return datetime.date(int(value), 1, 1), datetime.date(int(value) + 1, 1, 1)
        if re.fullmatch(r"\d{3}", value):
            return datetime.date(int(value) * 10, 1, 1), datetime.date(int(value) * 10 + 10, 1, 1)
        if re.fullmatch(r"\d{2}", value) and int(value) > 0:
            return datetime.date(int(value) * 100, 1, 1), datetime.date(int(value) * 100 + 100, 1, 1)
    except ValueError:  # "2025-02-30", week 54: not a date
        return None
    return None


def _months(year: int, month: int, count: int) -> tuple[datetime.date, datetime.date]:
    first = year * 12 + month - 1
    last = first + count
    return datetime.date(first // 12, first % 12 + 1, 1), datetime.date(last // 12, last % 12 + 1, 1)


def as_date(moment: datetime.date) -> datetime.date:
    """The day of a date or datetime (a time of day resolves to a datetime)."""
    return moment.date() if isinstance(moment, datetime.datetime) else moment


def _narrow(interval: tuple, mod: str) -> tuple:
    """START/MID/END keep the first, middle or last third of the interval."""
    start, end = interval
    if not mod or isinstance(start, datetime.datetime):
        return start, end
    third = (end - start) // 3
    if third < datetime.timedelta(days=1):
        return start, end
    return {"START": (start, start + third), "MID": (start + third, end - third), "END": (end - third, end)}.get(mod, (start, end))
