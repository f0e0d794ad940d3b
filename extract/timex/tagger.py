"""The tagger's two phases, HeidelTime style: `find` (text -> drafts) and `resolve` (drafts + reference date -> Timexes).

Phase one, `find`, needs no reference date: ONE master regex (the alternation of every rule of
`rules.RULES`, in table order, each in a group named after the rule) is tried near trigger tokens;
a hit is re-matched by its rule's own regex to read its named fragments, its production gives a
`Draft` (an underspecified value: "XXXX-WXX-5", "2024-03", an offset "year -1"), and the words
around it add what the text says (a modifier "early", a future cue "will", "since", the year written
at the end of a range). Phase two, `resolve`, turns each draft into value, grain and interval against
the reference date and the dates the document mentioned before it ("two days later", "that day").
A pipeline that needs the spans before it knows its reference date calls `find` once, infers the
date from the drafts (fully specified ones have `value`s without X), then calls `resolve`.

>>> [t.value for t in tag("It launched on Friday.", datetime.date(2025, 6, 14))]
['2025-06-13']
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

import regex

from .calendars import NAMED_DAYS
from .fragments import TRIGGER_WORDS
from .resolve import SEASON_MONTHS, Draft, as_date, fill_year, interval_of, offset_value, resolve_draft
from .rules import (AFTER_CUE_CANCELS, OLD_YEAR_DATED_AFTER, OLD_YEAR_DATED_BEFORE, OLD_YEAR_LIMIT, PAST_CLAUSE_WORDS, PAST_VERB_AFTER, PAST_VERB_RIGHT_BEFORE, PAST_WORDS, REPORTED_PAST_WORDS, RULES, TENSE_CUES,
                    Rule, TenseCue)


@dataclass(frozen=True)
class Timex:
    """One temporal expression: span, TIMEX3 value and type, grain, interval, and the rule that fired."""
    start: int
    end: int
    text: str
    value: str
    type: str
    grain: str
    interval_start: datetime.date | None
    interval_end: datetime.date | None
    rule: str


def _unnamed(regex: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", regex)


RULE_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}


def _compile(rule: Rule) -> regex.Pattern:
    """A rule's own pattern, with the `regex` package: one group name may stand in several alternatives."""
    if "(?P=" in rule.regex:
        raise ValueError(f"temporal rule {rule.name!r}: no back-references (the master pattern drops group names)")
    try:
        return regex.compile(rule.regex)
    except regex.error as problem:
        raise ValueError(f"temporal rule {rule.name!r} has a bad pattern: {problem}") from None


RULE_REGEX: dict[str, regex.Pattern] = {rule.name: _compile(rule) for rule in RULES}
VETO: dict[str, re.Pattern] = {rule.name: re.compile(rule.vetoed_after) for rule in RULES if rule.vetoed_after}
VETO_FOLLOWED: dict[str, re.Pattern] = {rule.name: re.compile(rule.vetoed_only_before) for rule in RULES
                                        if rule.vetoed_only_before}
VETO_WINDOW = 40
MASTER = re.compile(r"(?<!\w)(?:" + "|".join(
    f"(?P<{rule.name}>{_unnamed(rule.regex)})" for rule in RULES) + r")(?!\w)")

# Words before a hit that belong to the expression: "early 2024", "the end of 2023", "around Nov. 1".
MODIFIER_BEFORE = re.compile(
    r"(?:(?P<start>[Ee]arly|(?:[Tt]he\s+)?(?:beginning|start)\s+of(?:\s+the)?)|(?P<mid>[Mm]id(?:dle\s+of)?|(?:[Tt]he\s+)?middle\s+of)"
    r"|(?P<end>[Ll]ate|(?:[Tt]he\s+)?end\s+of)|(?P<plain>[Ee]arlier|[Ll]ater|[Aa]round|[Ss]ometime))[\s-]+$")
MODIFIER_WINDOW = 30

# Tense cues (rules.TENSE_CUES): words before a year-less expression that make it the coming occurrence.
TENSE_CUE_PATTERNS = [(cue, re.compile(cue.pattern)) for cue in TENSE_CUES]
PAST_CUE = re.compile(PAST_WORDS)
PAST_CLAUSE = re.compile(PAST_CLAUSE_WORDS)
PAST_CLAUSE_REACH = 80
YEARLESS_SEASONS = tuple(f"XXXX-{code}" for code in SEASON_MONTHS)
YEARLESS_MONTH = re.compile(r"XXXX-\d\d(?:-\d\d)?")
PAST_VERB_BEFORE = re.compile(PAST_VERB_RIGHT_BEFORE)
REPORTED_PAST_CUE = re.compile(REPORTED_PAST_WORDS)
PAST_VERB = re.compile(AFTER_CUE_CANCELS)
PAST_VERB_LATER = re.compile(PAST_VERB_AFTER)
SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+(?:(?:early|late|mid)[\s-]+)?$")
MENTION_WINDOW = 400  # "a year earlier" looks back this far for the mention it counts from
MENTION_GRAINS = ("day", "week", "month", "quarter", "year")
IN_BRACKETS_BEFORE = re.compile(r"\(\s*$")
IN_BRACKETS_AFTER = re.compile(r"\s*\)")
OLD_YEAR_DATED = re.compile(OLD_YEAR_DATED_BEFORE)
NUMERIC_DAY_MONTH = re.compile(r"(?P<first>\d{1,2})/(?P<second>\d{1,2})/\d{2,4}")
OLD_YEAR_ERA = re.compile(OLD_YEAR_DATED_AFTER)
BARE_YEAR_RULES = ("year", "year_range")
NARRATIVE_YEAR_WINDOW = 60  # "In 2007 ... in October": a year-less month this close after a written year takes it
CONTEXT_DAY_GAP = 25  # a bare time ("at 4 AM") takes the day of a date at most this far before it


@dataclass(frozen=True)
class TimexDraft:
    """Phase one's finding: a span, the rule that fired and its underspecified `Draft` (no reference date yet).

    >>> draft = find("It launched on Friday after the June 13, 2025 strikes.")[0]
    >>> (draft.text, draft.rule, draft.type, draft.value)
    ('Friday', 'weekday', 'DATE', 'XXXX-WXX-5')
    """
    start: int
    end: int
    text: str
    rule: str
    draft: Draft
    paragraph: int = 0   # index of its paragraph (text between blank lines)
    clock: str = ""      # a bare four-digit year's reading as a 24-hour clock ("T12:49") where it may open a live log's
                         # entry (a capitalised word follows): see _live_log_stamps
    opens_line: bool = False  # ... and it opens its line or is followed by a colon ("1249 The UN ...", "1243: Dominic ...")
    after_at: bool = False    # ... or it follows "at" / "shortly after" ("returning shortly after 1100"): a clock time when
                              # it is no plausible year (see _live_log_stamps)
    in_brackets: bool = False  # alone in brackets: a label's date ("Trash Can Sinatras (1990)"), not the narrative's time
    ends_range: bool = False  # a date joined to the one just before it, one of them without its year:
                              # "from January to June", "in March and April", "January to June last year" (_in_order)
    old_number: bool = False  # a bare number before rules.OLD_YEAR_LIMIT with no word of time ("hopes 1000 jerrycans"):
                              # no year; a clock time if _live_log_stamps makes it one, else dropped

    @property
    def type(self) -> str:
        """TIMEX3 type: DATE, TIME, DURATION or SET."""
        return self.draft.type

    @property
    def value(self) -> str:
        """The TIMEX3 value the text alone gives: fully specified when the date is written in full, else with X's.

        >>> [d.value for d in find("on 3 May 2024, last year and in June")]
        ['2024-05-03', 'XXXX', 'XXXX-06']
        """
        return resolve_draft(self.draft, None).value


def find(text: str) -> list[TimexDraft]:
    """Phase one: every temporal expression's span, rule and underspecified value, sorted and non-overlapping.

    >>> [(d.text, d.value) for d in find("From March to June 2024, and on Friday.")]
    [('March', '2024-03'), ('June 2024', '2024-06'), ('Friday', 'XXXX-WXX-5')]
    """
    written = text
    text = text.replace("--", "\u2014\u2014")  # a typed dash "--" is a dash, not a hyphen: "this week--the last step"
    found: list[TimexDraft] = []
    previous_end = 0
    paragraph, counted_to = 0, 0
    for hit in _master_hits(text):
        rule = RULE_BY_NAME[hit.lastgroup]
        start, end = hit.start(), hit.end()
        if rule.name in VETO and VETO[rule.name].search(text, max(0, start - VETO_WINDOW), start) \
                and (rule.name not in VETO_FOLLOWED or VETO_FOLLOWED[rule.name].match(text, end)):
            continue
        # the rule alone, for its named fragments, seeing the text after the span as the master pattern did: a
        # lookahead past the span ("October 7" + " attacks", "winter" + " months") picks the alternative
        fields = RULE_REGEX[rule.name].match(text, start)
        if fields is None or fields.end() != end:
            fields = RULE_REGEX[rule.name].fullmatch(text, start, end) or fields
        draft = rule.production(fields.groupdict())
        if draft is None:
            continue
        old_number = _is_old_number(text, start, end, rule.name)
        start, draft = _with_modifier(text, start, previous_end, rule, draft)
        draft = _with_cues(text, start, end, draft)
        draft = _as_future_point(text, start, end, draft)
        paragraph, counted_to = paragraph + text.count("\n\n", counted_to, start), start
        found.append(TimexDraft(start, end, written[start:end], rule.name + ("_since" if draft.until_reference else ""), draft,
                                paragraph, *_clock_reading(text, start, end, draft),
                                in_brackets=bool(IN_BRACKETS_BEFORE.search(text, max(0, start - 3), start)
                                                 and IN_BRACKETS_AFTER.match(text, end)),
                                old_number=old_number))
        previous_end = end
    return _with_range_ends(text, _with_shared_direction(text, _with_shared_years(text, _in_document_date_order(found))))


def resolve(drafts: list[TimexDraft], reference_date: datetime.date | None) -> list[Timex]:
    """Phase two: resolve one document's drafts, in text order, against the reference date and the dates mentioned.

    >>> [t.value for t in resolve(find("Germany invaded on June 22, 1941. Two days later, Minsk fell."), None)]
    ['1941-06-22', '1941-06-24']
    """
    if isinstance(reference_date, datetime.datetime):  # a datetime or pandas Timestamp: its day
        reference_date = reference_date.date()
    drafts = [item for item in _live_log_stamps(drafts, reference_date)
              if not item.old_number or item.draft.type == "TIME"]  # an old number that no clock reading took
    found: list[Timex] = []
    context_day: tuple[int, datetime.date] | None = None
    mentions: dict[str, tuple[int, str, datetime.date]] = {}  # grain -> the latest date mentioned at that grain
    narrative_year: tuple[int, int, int] | None = None  # (end, paragraph, year) of the last date written with its year
    previous_draft: Draft | None = None  # the draft behind found[-1], as resolved
    for item in drafts:
        draft, start, end = item.draft, item.start, item.end
        year_carries = narrative_year and draft.prefer == "past" and start - narrative_year[0] <= NARRATIVE_YEAR_WINDOW \
            and item.paragraph == narrative_year[1] and (reference_date is None or narrative_year[2] < reference_date.year)
        if year_carries and _yearless(draft) \
                and _weekday_agrees(f"{narrative_year[2]:04d}{draft.value[4:]}", draft.weekday):
            draft = replace(draft, value=f"{narrative_year[2]:04d}{draft.value[4:]}")  # "In 2007 ... in October"
        elif year_carries and draft.named_day and not draft.value and draft.unit is None:
            draft = replace(draft, value=f"{narrative_year[2]:04d}")  # "In 1066 ... On Christmas Day": that year's
        looks_back = draft.anchor == "quarter_of_mention" or draft.anchor not in ("", "topic_quarter") and draft.shift < 0
        draft, resolve_against = _anchored(draft, mentions, start, reference_date)
        day = context_day[1] if context_day and start - context_day[0] <= CONTEXT_DAY_GAP else None
        resolution = resolve_draft(draft, resolve_against, day)
        if item.ends_range and found and previous_draft is not None:  # "the January-June period": June after January
            draft, resolution, found[-1] = _in_order(previous_draft, found[-1], draft, resolution, resolve_against, day)
        found.append(Timex(start, end, item.text, resolution.value, draft.type, resolution.grain,
                           resolution.interval_start, resolution.interval_end, item.rule))
        previous_draft = draft
        if resolution.grain == "day" or resolution.grain == "hour" and item.draft.value != "XXXX-XX-XX" \
                and resolution.interval_start is not None:  # "on Tuesday evening at 7pm": 7pm of that Tuesday
            context_day = (end, as_date(resolution.interval_start))
        if draft.type == "DATE" and item.draft.unit is None and not item.draft.anchor and item.draft.value[:4].isdigit() \
                and not item.draft.until_reference and not item.in_brackets \
                and resolution.grain in ("day", "month", "season", "quarter", "year"):
            narrative_year = (end, item.paragraph, int(item.draft.value[:4]))
        if draft.type == "TIME" and (item.draft.unit or item.draft.value != "XXXX-XX-XX") \
                and re.fullmatch(r"\d{4}-\d\d-\d\dT.*", resolution.value):  # "6:14 pm on 5 May 2009", not a bare "11.30 pm"
            mentions["day"] = (end, resolution.value[:10], as_date(resolution.interval_start))
        if draft.type == "DATE" and resolution.grain in MENTION_GRAINS and not looks_back:  # "a year earlier" is a comparison, not the new topic
            mentions[resolution.grain] = (end, resolution.value, as_date(resolution.interval_start))
            if resolution.grain == "quarter" and (reference_date is None or as_date(resolution.interval_start) <= reference_date):
                mentions["reported_quarter"] = mentions["quarter"]  # a quarter still to come is a forecast, not what is reported
    return found


def _in_order(first_draft: Draft, first: Timex, second_draft: Draft, second: Resolution,
              reference_date: datetime.date | None, day: datetime.date | None) -> tuple[Draft, Resolution, Timex]:
    """Two dates joined as a range or pair, one without its year ("January-June", "in March and April"), resolved on their own,
    keep their order within a year: the end is moved after the start when the pair looks ahead (a future cue) or the
    start had a year of its own; else the start is moved back before the end ("exports rose in January-June" written
    in March: the January-June before it, not January of this year and June of last).

    >>> [t.value for t in tag("Exports rose in the January-June period.", datetime.date(1998, 3, 4))]
    ['1997-01', '1997-06']
    >>> [t.value for t in tag("The plan will run from January to June.", datetime.date(1998, 3, 4))]
    ['1999-01', '1999-06']
    >>> [t.value for t in tag("It grew from January to June last year.", datetime.date(1998, 3, 4))]
    ['1997-01', '1997-06']
    """
    start, end = first.interval_start, second.interval_start
    if start is None or end is None or first.grain not in PAIRED_GRAINS or second.grain not in PAIRED_GRAINS \
            or as_date(start) <= as_date(end) < _a_year_after(as_date(start)):
        return second_draft, second, first
    if _yearless(second_draft) and (second_draft.prefer in ("future", "next") or not _yearless(first_draft)):
        moved = _year_in_order(second_draft, as_date(start), after=True)
        return moved, resolve_draft(moved, reference_date, day), first
    if not _yearless(first_draft):
        return second_draft, second, first
    moved = _year_in_order(first_draft, as_date(end), after=False)
    resolution = resolve_draft(moved, reference_date)
    return second_draft, second, replace(first, value=resolution.value, grain=resolution.grain,
                                         interval_start=resolution.interval_start, interval_end=resolution.interval_end)


PAIRED_GRAINS = ("day", "month", "season")  # "between 2007 and March" is no pair of months


def _a_year_after(day: datetime.date) -> datetime.date:
    return day.replace(year=day.year + 1, day=min(day.day, 28)) if day.year < 9999 else datetime.date.max


def _year_in_order(draft: Draft, bound: datetime.date, after: bool) -> Draft:
    """The draft with the year whose occurrence starts first on or after `bound` (after=True), else last on or before."""
    rest = draft.value[4:]
    years = range(max(bound.year - 1, 1), min(bound.year + 1, 9999) + 1)
    starts = [(year, interval_of(f"{year:04d}{rest}")) for year in years]
    usable = [(year, as_date(interval[0])) for year, interval in starts if interval is not None]
    picked = [year for year, start in usable if (start >= bound if after else start <= bound)]
    if not picked:
        return draft
    return replace(draft, value=f"{(picked[0] if after else picked[-1]):04d}{rest}")


def _weekday_agrees(value: str, written_weekday: int) -> bool:
    """Whether a date written with its weekday (ISO 1-7; 0 = none written) falls on it.

    >>> _weekday_agrees("2007-10-23", 5), _weekday_agrees("2009-10-23", 5), _weekday_agrees("2007-10", 0)
    (False, True, True)
    """
    if not written_weekday:
        return True
    interval = interval_of(value)
    return interval is None or as_date(interval[0]).isoweekday() == written_weekday


def tag(text: str, reference_date: datetime.date | None) -> list[Timex]:
    """Find and resolve temporal expressions (`resolve(find(text), reference_date)`), sorted and non-overlapping.

    >>> [(t.text, t.value, t.grain) for t in tag("It was signed in October 2020.", None)]
    [('October 2020', '2020-10', 'month')]
    """
    return resolve(find(text), reference_date)


TOKEN = re.compile(r"[A-Za-z]+\d?|\d+")
TRIGGERS = TRIGGER_WORDS | {day.trigger for day in NAMED_DAYS}  # named events are triggered by their digits
TRIGGER_LOOKBACK = 40  # a match starts at most this far before its first trigger ("the comparable year-ago quarter")


def _master_hits(text: str):
    """The hits of MASTER.finditer over each line of the text, trying MASTER only at word starts shortly before triggers.

    Every match starts at a word start (or an apostrophe: "'80s") and contains a trigger token (a digit,
    a month name, "year", ...; fragments.TRIGGER_WORDS) at most TRIGGER_LOOKBACK characters after its start.
    No match spans a line break: "20th\nMay" is a paragraph ending and another beginning, not a date.
    """
    position = 0        # end of the last hit
    tried = -1          # every start up to here has been tried
    line_end = -1       # the line break (or text end) after the last start tried
    recent_starts: list[int] = []
    for token in TOKEN.finditer(text):
        token_start = token.start()
        recent_starts.append(token_start - 1 if token_start and text[token_start - 1] == "'" else token_start)
        word = token.group()
        if token_start < position or not word[0].isdigit() and word.lower() not in TRIGGERS:
            if len(recent_starts) > 12:
                del recent_starts[:6]
            continue
        earliest = max(position, tried + 1, token_start - TRIGGER_LOOKBACK)
        for start in recent_starts:
            if start < earliest:
                continue
            if start > line_end:
                line_end = text.find("\n", start)
                line_end = len(text) if line_end < 0 else line_end
            hit = MASTER.match(text, start, line_end)
            if hit is not None:
                yield hit
                position = hit.end()
                break
        tried = max(tried, token_start)
        recent_starts.clear()


YEARLESS = re.compile(r"XXXX-(?:\d\d(?:-\d\d)?|" + "|".join(SEASON_MONTHS) + ")")  # a month, month-day or season without its year
BARE_WEEKDAY = re.compile(r"XXXX-WXX-\d")
RANGE_CONNECTOR = re.compile(r"[^\S\n]*(?:[-–—]|to|until|till|through|and|or)[^\S\n]*")


def _with_shared_years(text: str, found: list[TimexDraft]) -> list[TimexDraft]:
    """"from March to June 2024", "June 13 and July 2, 2025": a year-less start takes the written year of its end."""
    for index in range(len(found) - 1):
        first, second = found[index], found[index + 1]
        written_year = re.match(r"\d{4}", second.draft.value)
        if not (written_year and _yearless(first.draft)
                and RANGE_CONNECTOR.fullmatch(text, first.end, second.start)):
            continue
        draft = replace(first.draft, value=written_year.group(0) + first.draft.value[4:])
        first_start, second_start = resolve_draft(draft, None).interval_start, resolve_draft(second.draft, None).interval_start
        if first_start is not None and second_start is not None and as_date(first_start) > as_date(second_start):
            continue  # "December to March 2025" crosses a year end: keep the news default
        found[index] = replace(first, draft=draft)
    return found


# Live pages ("live text", minute-by-minute reports) open each entry with its 24-hour time: "1249 Haiti's ports are
# shut", "1243: Dominic Casciani, BBC News". Such a number before a capitalised word is a year in a chronology ("2003
# Saddam Hussein is captured") and a clock time in a live log; the document decides (_live_log_stamps).
CLOCK_DIGITS = re.compile(r"(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)")  # a four-digit year that reads as a clock
ENTRY_AFTER_NUMBER = re.compile(r"(?P<colon>:)?[^\S\n]+[\"“‘'(]?[A-Z]")
CLOCK_PREPOSITION_BEFORE = re.compile(r"\b(?:[Aa]t(?:\s+(?:about|around|approximately))?|(?:shortly|just|soon)\s+(?:after|before)"
                                      r"|until|till)\s+$")
MIN_LIVE_LOG_STAMPS = 3        # entries that make a live log
PLAUSIBLE_YEARS_BACK = 300     # a line-opening year further back than this (or after the reference year) is no year


def _clock_reading(text: str, start: int, end: int, draft: Draft) -> tuple[str, bool, bool]:
    """("T12:49", opens_line, after_at) when text[start:end] is a bare four-digit year that reads as a 24-hour clock and
    either a capitalised word follows it or a preposition of clock time precedes it; else ("", False, False).

    `opens_line`: the number opens its line or a colon follows it ("1249 The UN appeals", "1243: Dominic Casciani").
    `after_at`: "at" / "shortly after" / "until" ... precedes it ("returning shortly after 1100, found").
    """
    clock = CLOCK_DIGITS.fullmatch(text, start, end)
    if clock is None or draft.value != text[start:end]:
        return "", False, False
    entry = ENTRY_AFTER_NUMBER.match(text, end)
    after_at = bool(CLOCK_PREPOSITION_BEFORE.search(text, max(0, start - 20), start))
    if entry is None and not after_at:
        return "", False, False
    opens_line = entry is not None and (not text[text.rfind("\n", 0, start) + 1:start].strip() or bool(entry["colon"]))
    return f"T{clock['hour']}:{clock['minute']}", opens_line, after_at


def _is_old_number(text: str, start: int, end: int, rule_name: str) -> bool:
    """A bare year before OLD_YEAR_LIMIT with no word of time before it or era after it (rules.OLD_YEAR_DATED_*).

    >>> _is_old_number("hopes 1000 jerrycans", 6, 10, "year"), _is_old_number("fell in 1453", 8, 12, "year")
    (True, False)
    >>> _is_old_number("nineteen ninety-six", 0, 19, "year")
    False
    """
    digits = text[start:start + 4]
    return rule_name in BARE_YEAR_RULES and digits.isdigit() and int(digits) < OLD_YEAR_LIMIT \
        and not OLD_YEAR_DATED.search(text, max(0, start - 20), start) and not OLD_YEAR_ERA.match(text, end)


def _live_log_stamps(drafts: list[TimexDraft], reference_date: datetime.date | None) -> list[TimexDraft]:
    """Numbers that are a live log's entry times become TIMEs on the reference date.

    A live log: at least MIN_LIVE_LOG_STAMPS numbers opening their line or followed by a colon (TimexDraft.opens_line),
    in time order (rising or falling), at least one of them no plausible year (after the reference year, or more than
    PLAUSIBLE_YEARS_BACK before it). In a live log those numbers are times, and so is any other number before a
    capitalised word that is no plausible year (an entry whose line break the page lost: "... may have been killed 2050
    Haiti's President says"). A chronology's years are all plausible and stay years. On any page, a number after "at" /
    "shortly after" / "until" more than PLAUSIBLE_YEARS_BACK before the reference year is a clock time ("shortly after 1100").

    >>> page = "1602 Aid arrives.\\n1555 Ports shut.\\n1249 The UN appeals."
    >>> [t.value for t in resolve(find(page), datetime.date(2010, 1, 15))]
    ['2010-01-15T16:02', '2010-01-15T15:55', '2010-01-15T12:49']
    >>> [t.value for t in resolve(find("2001 Attacks.\\n2003 Invasion.\\n2008 Crash."), datetime.date(2010, 1, 15))]
    ['2001', '2003', '2008']
    """
    if reference_date is None:
        return drafts

    def implausible(item: TimexDraft) -> bool:
        return not reference_date.year - PLAUSIBLE_YEARS_BACK <= int(item.text) <= reference_date.year

    drafts = [replace(item, rule="clock_after_at", draft=Draft(unit="day", shift=0, type="TIME", time=item.clock), clock="",
                      opens_line=False, after_at=False)  # a clock time now, no longer a year that may be a stamp
              if item.after_at and int(item.text) < reference_date.year - PLAUSIBLE_YEARS_BACK else item
              for item in drafts]  # "shortly after 1100" is 11:00 ("until 2019" stays a year: a coming one)
    stamps = [index for index, item in enumerate(drafts) if item.clock and item.opens_line]
    if len(stamps) < MIN_LIVE_LOG_STAMPS:
        return drafts
    numbers = [int(drafts[index].text) for index in stamps]
    if not (numbers == sorted(numbers) or numbers == sorted(numbers, reverse=True)) \
            or not any(implausible(drafts[index]) for index in stamps):
        return drafts
    stamps += [index for index, item in enumerate(drafts) if item.clock and not item.opens_line and implausible(item)]
    drafts = list(drafts)
    for index in stamps:
        item = drafts[index]
        drafts[index] = replace(item, rule="live_log_stamp",
                                draft=Draft(unit="day", shift=0, type="TIME", time=item.clock))
    return drafts


def _in_document_date_order(found: list[TimexDraft]) -> list[TimexDraft]:
    """Numeric dates both of whose numbers could be the month ("01/03/1921") are month first, as in American news,
    unless the document's other numeric dates are all day first ("b. 21/07/1885 ... married 01/03/1921": 1 March).

    >>> [d.value for d in find("born 21/07/1885, married 01/03/1921")]
    ['1885-07-21', '1921-03-01']
    >>> [d.value for d in find("filed 10/30/89, due 01/03/90")]
    ['1989-10-30', '1990-01-03']
    """
    orders = [NUMERIC_DAY_MONTH.fullmatch(item.text) for item in found if item.rule == "numeric_date"]
    firsts_seconds = [(int(order["first"]), int(order["second"])) for order in orders if order]
    day_first = any(first > 12 >= second for first, second in firsts_seconds)
    month_first = any(second > 12 >= first for first, second in firsts_seconds)
    if not day_first or month_first:
        return found
    swapped = []
    for item in found:
        order = NUMERIC_DAY_MONTH.fullmatch(item.text) if item.rule == "numeric_date" else None
        if order and int(order["first"]) <= 12 and int(order["second"]) <= 12:
            year, month, day = item.draft.value.split("-")
            item = replace(item, draft=replace(item.draft, value=f"{year}-{day}-{month}"))
        swapped.append(item)
    return swapped


def _with_shared_direction(text: str, found: list[TimexDraft]) -> list[TimexDraft]:
    """"in the autumn and winter", "in May or June", "by Thursday or Friday": a year-less expression or bare weekday
    joined to the one before takes its direction.

    >>> [d.draft.prefer for d in find("It will be ready in September or October.")]
    ['future', 'future']
    >>> [d.draft.prefer for d in find("They hoped to get supplies in by Thursday or Friday.")]
    ['future', 'future']
    """
    def open_to_direction(draft: Draft) -> bool:
        return _yearless(draft) or draft.unit is None and BARE_WEEKDAY.fullmatch(draft.value) is not None

    for index in range(1, len(found)):
        first, second = found[index - 1], found[index]
        if first.draft.prefer != "past" and second.draft.prefer == "past" and open_to_direction(first.draft) \
                and open_to_direction(second.draft) and RANGE_CONNECTOR.fullmatch(text, first.end, second.start):
            found[index] = replace(second, draft=replace(second.draft, prefer=first.draft.prefer))
    return found


def _with_range_ends(text: str, found: list[TimexDraft]) -> list[TimexDraft]:
    """Mark a date joined to the date before it when either lacks its year ("January-June", "January to June last year").

    >>> [d.ends_range for d in find("Exports rose in the January-June period, and in May.")]
    [False, True, False]
    """
    for index in range(1, len(found)):
        first, second = found[index - 1], found[index]
        if _names_its_date(first.draft) and _names_its_date(second.draft) \
                and (_yearless(first.draft) or _yearless(second.draft)) \
                and RANGE_CONNECTOR.fullmatch(text, first.end, second.start):
            found[index] = replace(second, ends_range=True)
    return found


def _names_its_date(draft: Draft) -> bool:
    """A DATE that names its month, day or season ("June", "June 30", "June last year"), not "7 hrs ago" or "today"."""
    return draft.type == "DATE" and (draft.unit is None and draft.value[:1].isdigit() or draft.value[:4] == "XXXX"
                                     or draft.unit == "year" and draft.value.startswith("-"))


def _yearless(draft: Draft) -> bool:
    """A month, month-day or season written without its year ("June", "June 30", "the autumn"), not an offset."""
    return draft.unit is None and YEARLESS.fullmatch(draft.value) is not None


def _with_modifier(text: str, start: int, previous_end: int, rule: Rule, draft: Draft) -> tuple[int, Draft]:
    """Widen the span over "early"/"the end of"/"around"... just before it, narrowing the interval accordingly."""
    if not rule.takes_modifier or draft.type != "DATE" and draft.type != "TIME":
        return start, draft
    window_start = max(previous_end, start - MODIFIER_WINDOW, text.rfind("\n", 0, start) + 1)
    modifier = MODIFIER_BEFORE.search(text, window_start, start)
    if not modifier:
        return start, draft
    kind = next(name for name in ("start", "mid", "end", "plain") if modifier.group(name))
    mod = {"start": "START", "mid": "MID", "end": "END", "plain": draft.mod}[kind]
    return modifier.start(), replace(draft, mod=mod)


def _anchored(draft: Draft, mentions: dict, start: int, reference_date: datetime.date | None) -> tuple[Draft, datetime.date | None]:
    """An anaphoric draft counted from the latest usable mention, and the reference date to resolve the rest against."""
    if not draft.anchor:
        return draft, reference_date
    mention = _latest_mention(mentions, draft)
    if mention and start - mention[0] <= MENTION_WINDOW:
        draft = _with_mention(draft, mention, reference_date)
    unresolvable = draft.anchor == "mention_only" and draft.unit is not None  # "the following year" with no year before it
    return draft, None if unresolvable else reference_date


def _latest_mention(mentions: dict, draft: Draft) -> tuple[int, str, datetime.date] | None:
    """The latest mention an anaphoric draft can count from: "that day" needs a day, "a year earlier" any grain."""
    if draft.anchor.startswith("weekday_"):  # "that Saturday": counted from a day
        return mentions.get("day")
    if draft.anchor == "month_of_mention":  # "on the 20th": the month of the day or month mentioned last
        return max((mentions[grain] for grain in ("day", "month") if grain in mentions), default=None)
    if draft.anchor in ("quarter_of_mention", "topic_quarter") or draft.unit == "quarter" or draft.unit == "year" and draft.shift < 0 and "quarter" in mentions:
        return mentions.get("reported_quarter")  # "the 1988 period", "a year earlier" in a quarterly report: that quarter
    anaphoric = draft.anchor in ("mention", "mention_only")
    finest = MENTION_GRAINS.index(draft.unit) if draft.unit in MENTION_GRAINS and anaphoric else len(MENTION_GRAINS) - 1
    usable = [mentions[grain] for grain in MENTION_GRAINS[:finest + 1] if grain in mentions]
    return max(usable, default=None)


def _with_mention(draft: Draft, mention: tuple[int, str, datetime.date], reference_date: datetime.date | None) -> Draft:
    """Count an anaphoric draft from the date just mentioned ("two days later", "the following year").

    Financial-news convention: "a year earlier/ago" or "the year-ago quarter" after a quarter ("1989-Q3")
    or a half ("1989-H1") is that period a year back; "the 1988 period" after it is 1988-Q3.
    """
    _, value, mention_day = mention
    if draft.anchor.startswith("weekday_"):  # "that Saturday" on or after the day mentioned, "the following Monday" after it
        prefer = "next" if draft.anchor == "weekday_after_mention" else "future"
        return replace(draft, value=fill_year(draft.value, mention_day, prefer), anchor="")
    if draft.anchor == "month_of_mention":
        dated = f"{value[:7]}{draft.value[7:]}"
        return replace(draft, value=dated, anchor="") if interval_of(dated) is not None else draft
    quarter = re.fullmatch(r"(?P<year>\d{4})(?P<rest>-[QH]\d)", value)
    if draft.anchor == "quarter_of_mention":
        return replace(draft, value=draft.value + quarter.group("rest")) if quarter else draft
    if draft.anchor == "topic_quarter":  # "the quarter", "the latest period": the completed quarter last named
        completed = quarter and "Q" in value and reference_date is not None and interval_of(value)[1] <= reference_date
        return replace(draft, unit=None, shift=0, value=value) if completed else draft
    if quarter and (draft.unit == "quarter" or draft.unit == "year" and draft.shift < 0):
        years_back = 1 if draft.unit == "quarter" else -draft.shift
        counts_from_now = draft.anchor == "reference" and draft.unit == "year" and reference_date is not None  # "a year ago"
        base_year = reference_date.year if counts_from_now else int(quarter.group("year"))
        return replace(draft, unit=None, shift=0, value=f"{base_year - years_back}{quarter.group('rest')}")
    if draft.anchor in ("mention", "mention_only") and draft.unit is not None and draft.unit != "quarter":
        try:
            value = offset_value(mention_day, draft.unit, draft.shift, draft.as_grain)
        except (OverflowError, ValueError):  # counted past the calendar's end
            return draft
        return replace(draft, unit=None, shift=0, value=value)
    return draft


def _with_cues(text: str, start: int, end: int, draft: Draft) -> Draft:
    """A tense cue ("will ... Monday", rules.TENSE_CUES) makes a year-less draft the coming one; "since" runs it to the reference."""
    since = SINCE_BEFORE.search(text, max(0, start - 20), start)  # "since March" is never a coming March
    if draft.prefer == "past" and draft.value.startswith("XXXX-") and draft.unit is None and not since:
        cue = _tense_cue(text, start, end, weekday=BARE_WEEKDAY.fullmatch(draft.value) is not None)
        if cue is not None:
            return replace(draft, prefer=cue.prefer)
        if draft.value in YEARLESS_SEASONS and PAST_CLAUSE.search(text, _clause_start(text, start, PAST_CLAUSE_REACH), start):
            return replace(draft, past_clause=True)  # "Cases rose in the autumn" written in June: last autumn
        if YEARLESS_MONTH.fullmatch(draft.value) and PAST_VERB_BEFORE.search(text, max(0, start - 40), start):
            return replace(draft, past_clause=True)  # "He died on 25 June" written on 14 June: last June's
    if since:
        draft = replace(draft, until_reference=True)
    return draft


def _tense_cue(text: str, start: int, end: int, weekday: bool = False) -> TenseCue | None:
    """The first tense cue (rules.TENSE_CUES) that governs the expression at text[start:end] (a bare weekday when
    `weekday`), or None."""
    line_start = text.rfind("\n", 0, start) + 1
    for cue, pattern in TENSE_CUE_PATTERNS:
        if weekday and not cue.weekdays:
            continue
        if cue.unless_followed_by and re.match(cue.unless_followed_by, text[end:end + 10]):
            continue
        if cue.side == "after":  # "On Monday, the ministers will meet", unless "he said (on) Monday he will"
            found = pattern.match(text, end, end + cue.reach)
            if found is not None and not PAST_VERB.search(text, end, found.start("cue")) \
                    and not PAST_VERB.search(text, _clause_start(text, start, cue.reach), start):
                return cue
            continue
        window_start = max(line_start, start - cue.reach)
        found = pattern.search(text, window_start, start)
        if found is None:
            continue
        past_from = window_start if cue.past_cancels == "window" else found.start() + 1  # after its first word
        if PAST_CUE.search(text, past_from, start) or REPORTED_PAST_CUE.search(text, found.start() + 1, start):
            continue
        if cue.past_after_cancels and PAST_VERB_LATER.search(text, end, _clause_end(text, end, cue.reach)):
            continue
        return cue
    return None


IN_BEFORE = re.compile(r"\b[Ii]n\s+$")
COUNTED_DURATION = re.compile(r"P(?P<amount>\d+)(?P<unit>[YMWD])")
DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}


def _as_future_point(text: str, start: int, end: int, draft: Draft) -> Draft:
    """"would be redeemed in five years": "in" + a counted duration in a future clause is the point that far ahead.

    The mirror of "five years ago"; "within five years", "in the past five years" and a past clause
    ("it was built in two years") stay durations.
    """
    counted = COUNTED_DURATION.fullmatch(draft.value) if draft.type == "DURATION" else None
    if counted is None or not IN_BEFORE.search(text, max(0, start - 6), start) or not text[start].isalnum() \
            or text[start:end].split()[0].lower() in ("the", "past", "last", "next", "first", "coming"):
        return draft
    cue = _tense_cue(text, start, end)
    if cue is None or cue.prefer != "future":
        return draft
    amount, unit = int(counted.group("amount")), DURATION_UNITS[counted.group("unit")]
    if unit == "week":
        return Draft(unit="day", shift=7 * amount, anchor="reference")
    return Draft(unit=unit, shift=amount, anchor="reference")


CLAUSE_END = re.compile(r"[.;!?\n](?=\s)")


def _clause_start(text: str, position: int, reach: int) -> int:
    """Where the clause holding `position` starts, looking back at most `reach` characters."""
    window_start = max(0, position - reach)
    ends = [match.end() for match in CLAUSE_END.finditer(text, window_start, position)]
    return ends[-1] if ends else window_start


def _clause_end(text: str, position: int, reach: int) -> int:
    """Where the clause holding `position` ends, looking ahead at most `reach` characters."""
    found = CLAUSE_END.search(text, position, position + reach)
    return found.start() if found else min(len(text), position + reach)


def tag_spans(text: str, reference_date: datetime.date | None) -> list[tuple[int, int, str, str]]:
    """(start, end, value, type) of every timex, for scorers.

    >>> tag_spans("in 2007", None)
    [(3, 7, '2007', 'DATE')]
    """
    return [(timex.start, timex.end, timex.value, timex.type) for timex in tag(text, reference_date)]
