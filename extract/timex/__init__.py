"""Temporal tagger: find temporal expressions in text and normalise them against a reference date.

Two phases, like HeidelTime, both public: `find(text)` -> drafts (spans, rule, underspecified values;
rules in the `rules.py` table, `productions.py`, fragments in `fragments.py`), then
`resolve(drafts, reference_date)` -> Timexes (`resolve.py` does one draft). `tag(text, reference_date)`
is `resolve(find(text), reference_date)`.

Conventions (news):
- A month, weekday or month-day without a year is the latest one on or before the reference date
  (a month-day up to 60 days ahead, a month up to 35 days ahead, counts as meant); a future cue just
  before it ("will", "due", "by"), or a modal/prospective verb earlier in its clause ("would be paid on a
  date in January", "agreed to buy ... in February") with no past-tense cue after it, picks the next one
  instead, and so does the present tense of a timetable verb ("The summit opens on Tuesday") or "may/might" + a
  bare verb; a past reporting verb between the cue and the expression cancels it ('"We will win," he said on
  Friday'); "since March" never does. A year-less expression joined by and/or/to to the one before takes its
  direction ("ready in September or October"). "last"/"next"/"this" as written ("last Tuesday" is never the day
  before: that is "yesterday").
- Names are no dates: "the Today programme", "USA Today", "The Tonight Show", "Hope for Haiti Now", "The Sunday
  Times"; nor are house numbers ("1600 Pennsylvania Avenue"), counts ("1 in 1000", "1000 of his bottles"), a half
  of anything but a year ("the second half of the game") or a wish ("May the world step forward").
- A live page's entry times ("1249 Ports are shut", "1243: Dominic Casciani") are TIMEs on the reference date when
  the page is a live log (three or more in time order, one no plausible year); four digits before a time zone,
  "local time" or a bracketed zoned time are a 24-hour clock ("at 1653 (2153 GMT) on Tuesday").
- A season with no article before a time noun is generic and keeps no year ("in winter months" = XXXX-WI).
- A year-less quarter or half is the reference year's, unless it has not begun and last year's ended at most a
  quarter ago ("profit fell in the fourth quarter" written in February = last year's Q4).
- "this/last/next weekend" is that ISO week's weekend; "over the weekend" written on a weekday is the one just past.
- A weekday written with a year-less date picks a year the two agree in ("Saturday, April 25").
- Recurring days are SETs, not one date: "every January" (XXXX-01), "on Sundays", "Friday nights" (XXXX-WXX-5TNI).
- Ranges written as one expression ("June 13–24", "2022–2024", "from 2007 to 2020") are ONE Timex:
  value = the start's value, interval = the whole range, rule name ends in "range". "between 2007
  and 2020" and "in 2022 and 2023" are two Timexes (TimeML tags each year).
- "since 2022": the 2022 Timex gets the interval [2022-01-01, reference date), rule "year_since".
- "early/mid/late 2024", "the end of 2023": value 2024/2023, interval = first/middle/last third.
- Durations (P3Y) and sets (P1M) are tagged with type DURATION/SET, grain "unknown", interval None.
- reference_date=None: absolute expressions still resolve; relative ones get a value with X's
  ("XXXX-10", "XXXX-WXX-5"), grain "unknown", interval None.
- "two days later", "the following year", "the night before", "later in the year", "That Saturday", "on the 20th"
  count from the date mentioned just before (within 400 characters); "a year earlier", "the year-ago period", "the corresponding period last year" after a
  reported quarter (one begun by the reference date) are that quarter a year back; "the quarter" and
  "the latest quarter/period" are the completed quarter named last, else the last completed one.
  rules.CONTEXT_EXAMPLES lists these conventions as tested examples.

>>> import datetime
>>> [(t.text, t.value, t.grain) for t in tag("It was signed in October 2020.", datetime.date(2025, 6, 14))]
[('October 2020', '2020-10', 'month')]
"""
from .tagger import Timex, TimexDraft, find, resolve, tag, tag_spans

__all__ = ["Timex", "TimexDraft", "find", "resolve", "tag", "tag_spans"]
