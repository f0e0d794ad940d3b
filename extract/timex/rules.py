"""The rule table of the temporal tagger: name + pattern (fragments by name) + production + examples.

Order matters: the tagger tries rules in this order at each position (longer, more specific
rules first). Every rule's `examples` (surface form -> (value, grain) under EXAMPLE_REFERENCE_DATE,
a Saturday) and `counter_examples` (text that must yield no timex at all) are run by
tests/test_timex_rules.py.

>>> RULES[0].name
'named_event'
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .calendars import NAMED_DAYS, NAMED_EVENTS
from .fragments import CLOCK_WORDS_AFTER, TIME_ZONES, build
from .productions import (Groups, ago, era_year, clock_spelled, weekday_any, anaphoric_unit, century, clock_time, day_of_month, decade, deictic_day, duration, end_of_unit,
                          fiscal_year, literal, mid_month_or_year, month_alone, month_day_range, month_day_year,
                          month_relative, month_two_digit_year, month_year, named_day, named_event, numeric_date, part_of_date, part_of_day_alone,
                          part_of_day_relative, quarter,
                          quarter_a_year_back, quarter_code, relative_unit, season, set_expression, the_unit, the_year,
                          week_of_month_draft, weekday, weekday_of_mention, year, year_ago, year_period, year_range)
from .resolve import Draft

EXAMPLE_REFERENCE_DATE = datetime.date(2025, 6, 14)  # a Saturday, ISO week 2025-W24


@dataclass(frozen=True)
class Rule:
    """One temporal rule: a readable name, a pattern built from fragments, a production, its tests."""
    name: str
    pattern: str                              # template with <<fragment>> references
    production: Callable[[Groups], Draft]
    examples: dict[str, tuple[str, str]] = field(default_factory=dict)
    counter_examples: tuple[str, ...] = ()
    takes_modifier: bool = True               # may be preceded by early/late/mid/the end of/...
    vetoed_after: str = ""                    # regex: no timex when the text just before the span ends with it
    vetoed_only_before: str = ""              # regex: ... and (when given) the text just after the span starts with it

    @property
    def regex(self) -> str:
        """The pattern with every fragment expanded into a named group."""
        return build(self.pattern)


# A capitalised word right before a month name makes it a surname ("Theresa May"), unless it is a
# word that often starts a sentence or introduces a date.
NAME_BEFORE_MONTH = (r"\b(?!(?:In|By|On|Of|To|And|Or|But|The|Last|Next|This|Early|Late|Since|Until|From|During|Before"
                     r"|After|Through|Each|Every|Between|Around|Earlier|Later|Mid|Since|Until|Till|Back|Then|Also|At|For"
                     r"|Over|Throughout|Ahead|Near|Like|Unlike|Despite|Within|Without|Come)\s)"
                     r"[A-Z][a-z]+\s$")
# ... and before "Today" an acronym too ("USA Today", "VOA Today").
NAME_BEFORE_TODAY = NAME_BEFORE_MONTH.replace(r"[A-Z][a-z]+\s$", r"[A-Z](?:[a-z]+|[A-Z]+)\s$")
# A capitalised "Today" or "Tonight" inside a sentence names a programme or a paper: after "the", a lower-case word,
# "'s" or a number, with no punctuation between ("the Today programme", "on NBC's Today show", "BBC Radio 4 Today",
# "appeared on The Tonight Show", "told Today's Savannah Guthrie"); prose writes the day in lower case there.
NAME_BEFORE_CAPITALISED_DEICTIC = r"(?:" + NAME_BEFORE_TODAY + r")|(?:\b[Tt]he|\b[a-z]+|['’]s|\d)\s+$"

# A capitalised weekday between a name word ("the", "of", "'s", a capitalised word or a number, not "On", "By", ...)
# and a capitalised word that is no month, weekday or part of the day names a programme or a paper: "the Sunday Times",
# "edition of Sunday Sequence", "The Monday Night Club", "BBC Radio 3 Sunday Feature". "On Thursday European ministers
# met" and "said Friday France24" stay dates.
NAME_BEFORE_WEEKDAY = (r"(?:\b[Tt]he|\b[Aa]n?|['’]s|\bof|" + NAME_BEFORE_MONTH[:NAME_BEFORE_MONTH.index("[A-Z]")]
                       + r"(?:[A-Z][A-Za-z]*|\d+))\s+$")
NAME_AFTER_WEEKDAY = (r"\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December"
                      r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
                      r"|Sunday|Morning|Afternoon|Evening|Night|Noon|Midnight)\b)[A-Z][a-z]")

# "Half" is a half-year only on its own or as a half of a year ("the second half of this year", "the first half of 1989");
# a half of anything else is not: a match, a programme, a century, an hour ("the second half of the game", "the first
# half of the 20th century", "the first half hour", "second-half commentary", "the past half century").
HALF_OF_SOMETHING_ELSE_AFTER = (r"[\s-]+(?:hours?|century|centuries|decades?|time|commentary|dozen|miles?"
                          r"|of\s+(?!(?:the\s+|this\s+|last\s+|next\s+|that\s+)?(?:fiscal\s+|calendar\s+)?(?:year|\d{4})\b))")
HALF_OF_SOMETHING_ELSE = "(?!" + HALF_OF_SOMETHING_ELSE_AFTER + ")"

# --- the table -----------------------------------------------------------------------------------
# A group name may appear in several alternatives of one pattern (the `regex` package allows it): the
# production reads `month` whichever way round the date is written.
REL = "<<this_next_last>>"
ORDINAL_SUFFIX = r"(?:st|nd|rd|th)?"
# A year right before one of these nouns counts things ("1500 troops"), it is not a year.
COUNTED_NOUNS = ("people", "persons", "soldiers", "troops", "men", "women", "children", "tons", "tonnes", "units",
                 "shares", "employees", "workers", "jobs", "km", "kilometres", "kilometers", "miles", "metres",
                 "meters", "feet", "dollars", "euros", "pounds", "barrels", "vehicles", "tanks", "aircraft", "planes",
                 "cases", "deaths", "votes", "homes", "acres")
# A four-digit number right after a label noun numbers that thing, it is no year: "Resolution 1441", "Flight 1549".
LABEL_NOUNS = ("[Rr]esolutions?", "[Ff]lights?", "[Rr]ooms?", "[Aa]rticles?", "No\\.", "Nos\\.", "[Nn]umber", "[Rr]oute",
               "[Hh]ighway", "[Ii]nterstate", "[Gg]ate", "[Ee]xit", "[Aa]partment", "[Ss]uite", "[Bb]ox", "[Pp]ages?",
               "[Pp]p\\.", "[Cc]hapter", "[Ss]ection", "[Pp]aragraph", "[Cc]lause", "[Mm]odel", "[Uu]nit", "[Bb]us",
               "[Tt]rain", "[Pp]latform", "[Pp]ier", "[Cc]ode", "[Ii]tem", "[Vv]ersion", "[Vv]ol\\.", "[Vv]olume",
               "[Tt]erminal", "[Bb]lock", "[Ss]eat", "[Ww]ard", "[Ff]orm", "[Pp]atent", "[Dd]ocket", "[Rr]egulation",
               "[Dd]ecree")
LABEL_BEFORE_NUMBER = r"\b(?:" + "|".join(LABEL_NOUNS) + r")(?:\s+|:\s*)$"  # "Flight 1549", "Freepay number: 1449"
# A four-digit number is a count, not a year, after another count: "1 in 1000" (odds), "from 297 to 1051" (a rise); and
# before "of the/them/his ...": "1000 of his bottles".
QUANTITY_BEFORE_NUMBER = r"(?<![^\d,.]\d\d\d\sto\s)(?!\d\d00\b(?<=\d\sin\s\d\d00))"  # not "aged 17 in 1901"
# A number before OLD_YEAR_LIMIT is rarely a year in news and often a count, a price or a clock ("hopes 1000 jerrycans",
# "Haiti: 1045 USd", "Saturdays, 1130"). Written alone it is a year after a word of time ("in 1453", "between 1450 and
# 1600", "born about 1512", "the 1453 siege"), after another year of a list ("1100, 1215 and 1415"), in brackets
# ("Hastings (1066)") or before an era ("1300-1945 AD"); else it is a live log's stamp or a clock time (tagger._live_log_stamps) or no timex.
OLD_YEAR_LIMIT = 1500
OLD_YEAR_TIME_WORDS = ("[Ii]n", "[Ss]ince", "[Ff]rom", "[Uu]ntil", "[Tt]ill", "[Dd]uring", "[Bb]efore", "[Aa]fter", "[Bb]etween",
                       "[Cc]irca", "c\\.", "ca\\.", "[Yy]ear", "[Tt]he", "[Ee]arly", "[Ll]ate", "[Mm]id", "born", "died", "b\\.",
                       "d\\.", "(?:born|died)\\s+(?:about|around)")
OLD_YEAR_DATED_BEFORE = (r"(?:(?<![\w.])(?:" + "|".join(OLD_YEAR_TIME_WORDS) + r")|\d{4},?|\d{4}\s+(?:and|or|to|-))[\s-]*$"
                         r"|\(\s*$")
OLD_YEAR_DATED_AFTER = r"\s*(?:AD|A\.D\.|BCE?|B\.C\.|CE)\b"  # "say 1300-1945 AD"
# A four-digit number before a capitalised name and a street word is a house number, no year ("1600 Pennsylvania Avenue",
# "at 2015 Washtenaw Avenue"), unless a preposition of time comes before it ("In 1990 Main Street banks failed").
STREET_WORDS = ("Avenue", "Ave\\.", "Street", "St\\.", "Road", "Rd\\.", "Boulevard", "Blvd\\.", "Drive", "Lane", "Parkway",
                "Place", "Court", "Terrace", "Highway")
TIME_PREPOSITIONS = ("[Ii]n", "[Ss]ince", "of", "[Bb]y", "[Ff]rom", "[Uu]ntil", "[Dd]uring", "[Bb]efore", "[Aa]fter")
HOUSE_NUMBER_AFTER = ("".join(rf"(?<!\b{word}\s\d{{4}})" for word in TIME_PREPOSITIONS)
                      + r"\s+(?:[A-Z][a-z]*\.?\s+){1,3}(?:" + "|".join(STREET_WORDS) + r")(?!\w)")
# A season before one of these nouns names a thing, not a time: "the Winter Olympics", "a winter coat".
SEASON_NAME_NOUNS = ("[Oo]lympics", "[Gg]ames", "[Pp]alace", "[Ff]estivals?", "[Cc]oats?", "[Jj]ackets?", "[Cc]lothes", "[Cc]lothing",
                     "[Tt]yres", "[Tt]ires", "[Ww]heat", "[Ss]ports", "[Cc]amps?", "[Ss]chools?", "[Rr]esidence", "[Rr]esort")
# A season with no article before a time noun is any year's season (TimeML: generic, no year): "in winter months".
GENERIC_SEASON_NOUNS = ("months", "holidays", "vacations?", "breaks?", "recess", "seasons?")
# A spelled number after one of these words is a quantity, not a year: "about two thousand", "more than two thousand".
QUANTITY_WORDS = ("[Aa]bout", "[Ss]ome", "[Nn]early", "[Aa]lmost", "[Rr]oughly", "[Aa]pproximately", "than", "least",
                  "[Oo]nly", "[Jj]ust")
MODALS = ("will", "could", "might", "would", "may", "can", "should")
# "May the ..." opening a sentence or a quotation is a wish ("May the world step forward", "May the odds be ever in your
# favour"); a month there would be written "In May the ..."
MAY_THE_OPENING_A_WISH = (r"(?!(?:(?<=[.!?]\sMay)|(?<=[\"“‘']May)|(?<=\nMay)|(?<=[:;]\sMay)|(?<![\s\S]{4}))\s+the\b)")
# A capitalised "May" before one of these words opens a sentence or headline as the modal verb ("May contain nuts").
MODAL_MAY_FOLLOWERS = ("I", "we", "you", "he", "she", "it", "they", "God", "[Bb]e", "[Nn]ot", "[Hh]ave", "[Aa]lso", "[Ww]ell",
                       "[Ss]till", "[Nn]ever", "[Cc]ontain", "[Ii]nclude", "[Cc]ause", "[Nn]eed", "[Ss]eem", "[Hh]elp",
                       "[Rr]equire", "[Aa]ffect", "[Aa]pply", "[Vv]ary", "[Ll]ead", "[Bb]ecome", "[Hh]appen", "[Oo]ccur",
                       "[Rr]esult", "[Tt]ake", "[Mm]ake", "[Gg]et")
# "the past" is the past only before a word that ends its noun phrase ("the past tense" is not).
PAST_FOLLOWERS = ("and", "or", "but", "of", "in", "on", "at", "to", "for", "as", "is", "was", "were", "has", "had",
                  "have", "will", "would", "when", "with", "by", "that", "which", "we", "they", "he", "she", "it", "I",
                  "you", "this")



def after_one_of(words: Iterable[str]) -> str:
    """A look-behind for "one of these words and a space" (plain words): one fixed-width look-behind per word length.

    >>> print(after_one_of(["at", "by", "from"]))
    (?:(?<=\\b(?:at|by)\\s)|(?<=\\b(?:from)\\s))
    """
    by_length: dict[int, list[str]] = {}
    for word in words:
        by_length.setdefault(len(word), []).append(word)
    return "(?:" + "|".join(rf"(?<=\b(?:{'|'.join(group)})\s)" for group in by_length.values()) + ")"


# A word after which "a week" or "weeks" is a time span: "for a week", "within weeks", "took a year" (the span starts
# at the duration).
DURATION_TAKER = after_one_of((
    "for", "For", "over", "Over", "within", "Within", "in", "In", "after", "After", "lasted", "lasts", "last", "took", "take",
    "takes", "taking", "spent", "spend", "spends", "spending"))
# a clock time in words without "o'clock" only after a preposition of time: "at half past ten", not "five to ten years"
AFTER_CLOCK_PREPOSITION = after_one_of(("at", "At", "by", "By", "until", "from", "before", "after", "around"))
# "the fall" is a season only after one of these ("in the fall"): elsewhere it is a drop or a collapse
AFTER_SEASON_PREPOSITION = after_one_of(("in", "In", "until", "till", "by", "By", "during", "During", "through", "over"))
CLOCK_MINUTE = r"(?:[Hh]alf|(?:[Aa]\s+)?[Qq]uarter|[Tt]wenty[\s-]five|[Tt]wenty|[Tt]en|[Ff]ive)"


def clock_day_part(deictic_days: str) -> str:
    """The part of the day after a clock time in words ("in the morning", "at night", "this afternoon") or a day named
    relative to today (`deictic_days`, an alternation)."""
    return (r"(?:in\s+the\s+(?P<part_of_day>morning|afternoon|evening)|at\s+(?P<part_of_day>night)"
            r"|(?P<deictic>" + deictic_days + r")|this\s+(?P<part_of_day>morning|afternoon|evening))")


# after "o'clock" or "half past ten" any such day; after a bare hour only tonight's or last night's ("up from 10
# yesterday" is a count)
CLOCK_DAY_PART = clock_day_part(r"tonight|last\s+night|yesterday|tomorrow")
CLOCK_DAY_PART_AFTER_BARE_HOUR = clock_day_part(r"tonight|last\s+night")
CLOCK_HOUR = r"(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|1[0-2]|[1-9])"
BEFORE_CHRIST = r"(?:BCE|BC|B\.C\.E\.|B\.C\.)(?!\w|\.\w)"  # "49 BC", "2500 BCE", "the 5th century B.C."
# A word that measures a span: "about a week", "more than a year" (inside the expression, as TimeBank marks it).
DURATION_MEASURE = (r"(?:[Aa]bout|[Nn]early|[Aa]lmost|[Oo]ver|[Mm]ore\s+than|[Ll]ess\s+than|[Aa]t\s+least|[Jj]ust|[Oo]nly"
                    r"|[Uu]nder|[Bb]arely)\s+")


RULES: list[Rule] = [
    Rule("named_event", "|".join(f"(?P<{event.key}>{event.names})" for event in NAMED_EVENTS), named_event,
         {"9/11": ("2001-09-11", "day")},  # "the October 7 attacks": CONTEXT_EXAMPLES
         ("open 24/7", "it scored 9/110")),
    Rule("month_day_range",
         r"<<month>>\s+<<day_bare:day>>\s*(?:[-–—]|to|until|through)\s*<<day:end_day>>(?:,?\s+<<year4>>)?"
         # "Monday 20 to Friday 24 September" (a schedule's week): the month written once, at the end
         r"|(?:<<weekday>>,?\s+)?<<day_bare:day>>\s*(?:[-–—]|to|until)\s*(?:<<weekday:end_weekday>>,?\s+)?<<day:end_day>>"
         + ORDINAL_SUFFIX + r"\s+(?:of\s+)?<<month>>(?:,?\s+<<year4>>)?",
         month_day_range,
         {"June 13–24": ("2025-06-13", "day"), "Sept. 3-5, 2024": ("2024-09-03", "day"),
          "24–25 August 1940": ("1940-08-24", "day"), "Monday 20 to Friday 24 September 2010": ("2010-09-20", "day")}),
    Rule("numeric_date",
         r"(?<![\w./-])(?:(?P<iso_year>(?:1[0-9]|20)\d\d)-(?P<iso_month>0[1-9]|1[0-2])-(?P<iso_day>0[1-9]|[12]\d|3[01])"
         r"|(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<numeric_year>(?:1[0-9]|20)\d\d|\d\d)"
         r"|(?P<dotted_day>\d{1,2})\.(?P<dotted_month>\d{1,2})\.(?P<dotted_year>(?:1[0-9]|20)\d\d))(?![\w/.-]?\d)",
         numeric_date,
         {"2025-06-13": ("2025-06-13", "day"), "6/13/2025": ("2025-06-13", "day"), "13.06.2025": ("2025-06-13", "day"),
          "03/06/98": ("1998-03-06", "day"), "6/13/05": ("2005-06-13", "day")},
         ("open 24/7", "the 9/12 meeting", "version 1.2.2024b", "a ratio of 3/4/5")),
    Rule("year_range",
         r"(?<![\w$£€.,:-])<<year4>>\s*(?:[-–—/]|\s+to\s+|\s+through\s+)\s*(?P<end_year>(?:1[0-9]|20)\d\d|\d\d)"
         r"(?![\w%]|[.,]\d|" + CLOCK_WORDS_AFTER + ")",
         year_range,
         {"2022–2024": ("2022", "year"), "1998-99": ("1998", "year"), "2024-03": ("2024-03", "month")},
         ("S-300 missiles", "Su-35 jets", "Journal of Oncology 31(8):1039-49")),
    # ... also with the date in brackets after the weekday, as event listings write it: "On Friday (Dec. 12) at 8 p.m."
    Rule("weekday_month_day_year",
         r"(?:" + REL + r"\s+)?<<weekday>>(?:,?\s+(?:the\s+)?"
         r"(?:<<month>>\s+(?:<<day>>|<<day_ordinal>>)|<<day>>" + ORDINAL_SUFFIX + r"\s+(?:of\s+)?<<month>>)"
         r"(?:,?\s+<<year4>>)?"
         r"|\s*\(\s*(?:<<month>>\s+<<day>>|<<day>>" + ORDINAL_SUFFIX + r"\s+<<month>>)(?:,?\s+<<year4>>)?\s*\))",
         month_day_year,
         {"Friday, April 25": ("2025-04-25", "day"), "Friday Oct. 13, 1989": ("1989-10-13", "day"),
          "this coming Sunday, March eighth": ("2026-03-08", "day"), "Monday 16 June": ("2025-06-16", "day"),
          "Saturday (Dec. 13)": ("2025-12-13", "day"), "Friday (25 April 2025)": ("2025-04-25", "day")}),
    Rule("month_day_year",
         r"<<month>>\s+(?:<<day>>|<<day_ordinal>>)(?:,\s*|\s+)<<any_year4:year4>>"
         r"|<<day>>" + ORDINAL_SUFFIX + r"\s+(?:of\s+)?<<month>>(?:,\s*|\s+)<<any_year4:year4>>"
         r"|(?=(?:[Tt]he\s+)?[A-Za-z-]+\s+of\s+[A-Z])(?:[Tt]he\s+)?<<day_ordinal>>\s+of\s+<<month>>,?\s+<<any_year4:year4>>",
         month_day_year,
         {"Sept. 27, 1989": ("1989-09-27", "day"), "March 26 1996": ("1996-03-26", "day"),
          "15 June 2025": ("2025-06-15", "day"), "3rd of May, 2020": ("2020-05-03", "day"),
          "the first of June 2009": ("2009-06-01", "day"), "23rd December,1815": ("1815-12-23", "day"),
          "12 May 2400": ("2400-05-12", "day")}),  # after a day and month, any four digits are its year
    # "Oct '05", "March '98": a month and its year in two digits after an apostrophe. A bare "Oct 05" stays a day:
    # chronologies write "May 09 - Japan and Australia announce ..." for the 9th.
    Rule("month_two_digit_year",
         r"<<month>>\s+['’](?P<year2>\d\d)(?![\w'’])",
         month_two_digit_year,
         {"Oct '05": ("2005-10", "month"), "March '98": ("1998-03", "month")}),
    Rule("month_day",
         r"(?:<<month>>\s+(?:<<day>>|<<day_ordinal>>)(?![\d,]*\d)|<<day>>" + ORDINAL_SUFFIX + r"\s+(?:of\s+)?<<month>>"
         # "the first of May" (a named day apart); the lookahead only saves time: most words are no ordinal of a month
         r"|(?=(?:[Tt]he\s+)?[A-Za-z-]+\s+of\s+[A-Z])(?:[Tt]he\s+)?(?!Fourth\s+of\s+July)<<day_ordinal>>\s+of\s+<<month>>)"
         # "25 June last year", "March 3 next year": that year's day (like "July last year")
         r"(?:,?\s+(?:of\s+)?(?P<relation>(?:last|this|next)\s+year))?",
         month_day_year,
         {"June 24": ("2025-06-24", "day"), "Sept. 30": ("2024-09-30", "day"), "June 10": ("2025-06-10", "day"),
          "the first of May": ("2025-05-01", "day"), "the fifth of November": ("2024-11-05", "day"),
          "March eighth": ("2025-03-08", "day"), "13 June": ("2025-06-13", "day"), "June 13": ("2025-06-13", "day"),
          "25 June last year": ("2024-06-25", "day"), "March 3 next year": ("2026-03-03", "day"),
          "March 3, last year": ("2024-03-03", "day"), "3rd of March this year": ("2025-03-03", "day")}),
    Rule("month_year", r"<<month>>\s+(?:of\s+)?(?:<<year4>>|<<year_spelled>>)",
         month_year,
         {"October 2020": ("2020-10", "month"), "July 2022": ("2022-07", "month"),
          "January nineteen ninety-seven": ("1997-01", "month"), "June of 2020": ("2020-06", "month")}),
    Rule("month_relative", REL + r"\s+<<month>>|<<month>>\s+(?:of\s+)?(?P<relation>(?:last|this|next)\s+year)",
         month_relative,
         {"last May": ("2025-05", "month"), "this September": ("2025-09", "month"), "next January": ("2026-01", "month"),
          "July last year": ("2024-07", "month"), "January this year": ("2025-01", "month"),
          "January of last year": ("2024-01", "month"), "March of next year": ("2026-03", "month")}),
    Rule("clock_time",
         r"(?:(?:<<clock12>>\s*<<ampm>>|<<clock>>(?:\s*(?:[hH]|hrs|hours)|\s*<<ampm>>)?|<<military_clock>>(?:\s*(?:hrs|hours))?"
         r"|(?P<special>[Nn]oon|[Mm]idnight))"
         r"(?:\s+(?:<<timezone>>|local\s+time))?(?:\s*\(\s*(?:[01]\d|2[0-3]):?[0-5]\d\s*" + TIME_ZONES + r"\s*\))?"
         r"(?:,?\s+(?:on\s+)?(?:<<weekday>>(?:,?\s+(?:the\s+)?(?:<<month>>\s+<<day>>|<<day>>\s+(?:of\s+)?<<month>>)"
         r"(?:,?\s+<<year4>>)?)?"
         r"|<<month>>\s+<<day>>(?:,?\s+<<year4>>)?|<<day>>\s+(?:of\s+)?<<month>>(?:,?\s+<<year4>>)?"
         r"|(?P<deictic>today|yesterday|tomorrow)))?)",
         clock_time,
         {"19:14": ("2025-06-14T19:14", "hour"), "4 AM": ("2025-06-14T04:00", "hour"),
          "10 p.m. Wednesday": ("2025-06-11T22:00", "hour"), "5 p.m. EST Nov. 9": ("2024-11-09T17:00", "hour"),
          "noon Thursday": ("2025-06-12T12:00", "hour"), "7:15 p.m.": ("2025-06-14T19:15", "hour"),
          "6:14 pm on 05 May 2009": ("2009-05-05T18:14", "hour"), "10:30 on 12 June": ("2025-06-12T10:30", "hour"),
          "2200 GMT": ("2025-06-14T22:00", "hour"), "0600 hours": ("2025-06-14T06:00", "hour"),
          # a weekday and its date after the clock time are one TIME: the date decides
          "9am on Tuesday 2 February": ("2025-02-02T09:00", "hour"), "9 a.m. Tuesday, June 10": ("2025-06-10T09:00", "hour"),
          "16:53 local time on Tuesday": ("2025-06-10T16:53", "hour")},
         ("a 4.5 magnitude", "scored 3:1", "at 12.50 dollars", "a 2200 km range", "2400 hours of work")),
    # a clock time in words: "ten o'clock", "half past ten", "a quarter to five", and after at/by/until/from/before/after/
    # around/about a bare hour with its part of the day: "at 11 in the morning", "by 8 tonight", "at 5 this afternoon"
    Rule("clock_spelled",
         r"(?=[HhAaQqTtFfOoSsEeNn1-9])(?:(?:(?P<minute_word>" + CLOCK_MINUTE + r"|\d{1,2})"
         r"(?:\s+minutes)?\s+(?P<direction>past|to|after|before)\s+)?"
         r"(?P<hour_word>" + CLOCK_HOUR + r")\s+o['’]\s?clock(?:\s+" + CLOCK_DAY_PART + r")?"
         r"|" + AFTER_CLOCK_PREPOSITION + r"(?:(?P<minute_word>" + CLOCK_MINUTE + r")\s+(?P<direction>past|to)\s+"
         r"(?P<hour_word>" + CLOCK_HOUR + r")(?![\w-]|\s+(?:years?|months?|weeks?|days?|hours?|minutes?|percent|per|times)\b)"
         r"(?:\s+" + CLOCK_DAY_PART + r")?"
         r"|(?P<hour_word>" + CLOCK_HOUR + r")\s+" + CLOCK_DAY_PART_AFTER_BARE_HOUR + r"(?![\w-])))",
         clock_spelled,
         {"ten o'clock": ("2025-06-14T10:00", "hour"), "a quarter to five o'clock": ("2025-06-14T04:45", "hour"),
          "10 o'clock at night": ("2025-06-14T22:00", "hour"), "twenty past two o'clock": ("2025-06-14T02:20", "hour")},
         ("half past the hour", "killed 5 in the morning raid", "ten to one odds", "sentenced to five to ten",
          "he got half past his rivals", "a gap of about five to 10")),
    # "the morning of March 3", "the night of Friday": one TIME, that day's part
    Rule("part_of_date",
         r"[Tt]he\s+<<part_of_day>>\s+of\s+(?:<<weekday>>,?\s+(?:the\s+)?)?"
         r"(?:<<month>>\s+(?:<<day>>|<<day_ordinal>>)(?:,?\s+<<year4>>)?|<<day>>\s+(?:of\s+)?<<month>>(?:,?\s+<<year4>>)?)"
         r"|[Tt]he\s+<<part_of_day>>\s+of\s+<<weekday>>",
         part_of_date,
         {"the morning of March 3": ("2025-03-03TMO", "hour"), "the afternoon of 16 May 2009": ("2009-05-16TAF", "hour"),
          "the night of Friday": ("2025-06-13TNI", "hour")},
         ("the morning of the attack", "an evening of music")),
    # plural weekdays recur (TimeML SET): "closed on Sundays", "poker on Friday nights"
    Rule("weekdays_set", r"<<weekday>>s?(?:\s+(?P<part_of_day>morning|afternoon|evening|night)s)?(?<=s)(?![\w'’-])", set_expression,
         {"Fridays": ("XXXX-WXX-5", "unknown"), "Friday nights": ("XXXX-WXX-5TNI", "unknown")},
         ("The Happy Mondays played",), vetoed_after=NAME_BEFORE_WEEKDAY),
    Rule("weekday_part_of_day", r"(?:" + REL + r"\s+)?<<weekday>>\s+<<part_of_day>>", weekday,
         {"Friday evening": ("2025-06-13TEV", "hour"), "Saturday night": ("2025-06-14TNI", "hour")},
         ("guests for The Monday Night Club", "Motson on the Saturday Night Show"),
         vetoed_after=NAME_BEFORE_WEEKDAY, vetoed_only_before=NAME_AFTER_WEEKDAY),
    Rule("deictic_part_of_day",
         r"(?P<deictic>[Yy]esterday|[Tt]omorrow|[Tt]oday)\s+<<part_of_day>>|(?P<deictic>tonight|[Oo]vernight)"
         r"|<<part_of_day>>\s+(?P<deictic>yesterday|tomorrow|today)",
         deictic_day,
         {"yesterday afternoon": ("2025-06-13TAF", "hour"), "tonight": ("2025-06-14TNI", "hour"),
          "mid-afternoon yesterday": ("2025-06-13TAF", "hour")}),
    Rule("part_of_day_relative", r"(?P<relation>[Tt]his|[Ll]ast)\s+<<part_of_day>>|(?P<part_of_day>[Mm]id-?\s?afternoon)",
         part_of_day_relative,
         {"this morning": ("2025-06-14TMO", "hour"), "last night": ("2025-06-13TNI", "hour")}),
    # "at dawn", "by midday", "before dusk (on Friday)": a part of the day in context (TIMEX3 MO/MI/EV codes)
    Rule("part_of_day_alone",
         r"(?:" + after_one_of(("at", "by", "before", "after", "until", "around", "from")) + r"|^)(?P<part_of_day>dawn|daybreak|first\s+light|dusk|nightfall|midday|mid-day)(?:\s+(?:on\s+)?"
         # ... and its date after it: "at dawn on 6 June 1944" is one TIME, that day's morning
         r"(?:<<weekday>>,?\s+)?(?:<<month>>\s+<<day>>(?:,?\s+<<year4>>)?|<<day>>\s+(?:of\s+)?<<month>>(?:,?\s+<<year4>>)?)"
         r"|\s+(?:on\s+)?<<weekday>>)?",
         part_of_day_alone,
         {"dawn": ("2025-06-14TMO", "hour"), "midday": ("2025-06-14TMI", "hour"), "dusk on Friday": ("2025-06-13TEV", "hour"),
          "dawn on 6 June 1944": ("1944-06-06TMO", "hour"), "dusk on March 12": ("2025-03-12TEV", "hour")},
         ("the dawn of a new era", "a midday meal")),
    # "that Saturday", "the following Monday": the weekday on or after (strictly after) the day mentioned last; with no
    # day mentioned, as written ("the following Monday" = next Monday)
    # ("That" opening a sentence or after "on"/"by"/"until": "said that Tuesday's quake" is the conjunction)
    Rule("weekday_of_mention",
         r"[Tt](?:(?<![\s\S]{2})|(?<=\n[Tt])|(?<=[.!?\n]\s[Tt])|(?<=\b[Oo]n\s[Tt])|(?<=\b[Bb]y\s[Tt])|(?<=\buntil\s[Tt]))hat"
         r"\s+<<weekday>>(?!['’]s\b|\s+<<part_of_day>>)"
         r"|[Tt]he\s+(?P<relation>following|next)\s+<<weekday>>(?!\s+<<part_of_day>>)",
         weekday_of_mention,
         {"That Saturday": ("2025-06-14", "day"), "the following Monday": ("2025-06-16", "day")}),
    # "on the 20th": a day without its month after on/by/until/since/from/before/after, at a clause or phrase end; the month
    # is the one mentioned last (within tagger.MENTION_WINDOW), else the reference date's (TimeML tags it as a DATE)
    Rule("day_of_month",
         r"[Tt](?:(?<![\s\S]{2})|" + "|".join(rf"(?<=\b{word}\s[Tt])" for word in ("[Oo]n", "[Bb]y", "[Uu]ntil", "[Tt]ill", "[Ss]ince",
                                                                   "[Ff]rom", "[Bb]efore", "[Aa]fter"))
         + r")he\s+(?P<day_of_month>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
         r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|or|but|at|in|when|to|with|as|until|after|before|while|because)\b)",
         day_of_month,
         {"the 2nd": ("2025-06-02", "day"), "the 20th": ("2025-05-20", "day")},
         ("on the 20th floor", "by the 3rd round", "from the 18th hole", "in the 20th minute", "on the 20th anniversary",
          "They came 20th.", "He was 2nd in line.")),
    Rule("weekday_relative", REL + r"\s+<<weekday>>", weekday,
         # "last Friday" written on a Saturday is the Friday of the week before: the day before is "yesterday"
         {"last Friday": ("2025-06-06", "day"), "last Thursday": ("2025-06-12", "day"), "next Monday": ("2025-06-16", "day"),
          "the previous Friday": ("2025-06-06", "day"), "last Saturday": ("2025-06-07", "day")}),
    # "It's a Sunday in late fall", "one Monday morning": some such day, not a particular one (XXXX-WXX-7)
    Rule("weekday_any", r"(?:[Aa]|[Oo]ne|[Aa]ny)\s+<<weekday>>(?:\s+<<part_of_day>>)?(?!['’]s\b|\s+[A-Z])",
         weekday_any,
         {"a Sunday": ("XXXX-WXX-7", "unknown"), "one Monday morning": ("XXXX-WXX-1TMO", "unknown")},
         takes_modifier=False),
    Rule("weekday", r"<<weekday>>", weekday,
         {"Friday": ("2025-06-13", "day"), "Saturday": ("2025-06-14", "day"), "Sunday": ("2025-06-08", "day")},
         ("a reporter for The Sunday Times", "an edition of Sunday Sequence", "this BBC Radio 3 Sunday Feature",
          "She writes a Sunday Times column."),
         vetoed_after=NAME_BEFORE_WEEKDAY, vetoed_only_before=NAME_AFTER_WEEKDAY),
    Rule("deictic_day", r"(?:[Tt]he\s+day\s+(?P<beyond>after|before)\s+)?(?P<deictic>today|[Yy]esterday|[Tt]omorrow)",
         deictic_day,
         {"today": ("2025-06-14", "day"), "yesterday": ("2025-06-13", "day"), "Tomorrow": ("2025-06-15", "day"),
          "the day after tomorrow": ("2025-06-16", "day"), "the day before yesterday": ("2025-06-12", "day")}),
    # "Today" after a capitalised word is the end of a name: "USA Today", "This is VOA Today", "Psychology Today";
    # inside a sentence after "the", a lower-case word, "'s" or a number it names a programme ("the Today programme")
    Rule("deictic_day_capitalised", r"(?P<deictic>Today)", deictic_day,
         {"Today": ("2025-06-14", "day")},
         ("he told USA Today", "This is VOA Today.", "an article in Psychology Today", "He told the Today programme.",
          "Speaking on BBC Radio 4's Today programme, he said", "The Today programme's editor", "told Today's Savannah Guthrie",
          "an interview with the breakfast show Today.", "the BBC Radio 4 Today programme"),
         vetoed_after=NAME_BEFORE_CAPITALISED_DEICTIC),
    # "Tonight" likewise: "Tonight, the troops left." is the reference day's night, "The Tonight Show" a programme
    Rule("deictic_night_capitalised", r"(?P<deictic>Tonight)", deictic_day,
         {"Tonight": ("2025-06-14TNI", "hour")},
         ("He appeared on The Tonight Show.", "a guest on the Tonight Show", "presenter of BBC Tonight"),
         vetoed_after=NAME_BEFORE_CAPITALISED_DEICTIC),
    Rule("ago",
         r"(?:(?:[Ss]ome|[Aa]bout|[Nn]early|[Aa]lmost|[Oo]nly|[Jj]ust|[Mm]ore\s+than|[Ll]ess\s+than|[Ff]ewer\s+than|[Aa]round"
         r"|[Oo]ver|[Uu]nder)\s+)?"
         # "many years ago", and bare "Years ago" / "weeks later": some units back or on (PAST_REF / FUTURE_REF)
         r"(?:(?P<amount>(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d{1,4})|<<number_or_a>>|[Mm]any)(?P<half>\s+and\s+a\s+half)?\s+"
         r"<<unit>>|(?=[YyMmWwDd])(?<![Tt]he\s)(?<![Tt]hose\s)(?<![Tt]hese\s)(?P<unit>[Yy]ears|[Mm]onths|[Ww]eeks|[Dd]ays"
         r"|[Dd]ecades)"
         # "half a century ago", "a quarter century ago", "a quarter of a century ago", "half a year ago"
         r"|(?P<fraction>[Hh]alf|(?:[Aa]\s+)?[Qq]uarter)\s+(?:of\s+)?(?:an?\s+)?(?P<unit>century|decade|year))"
         r"(?P<half>\s+and\s+a\s+half)?\s+(?:or\s+so\s+)?"
         r"(?P<direction>ago|earlier|later|from\s+(?:now|today|tomorrow)(?![\w-])"
         r"|(?:before|after)(?=\s*(?:[,.;:!?)]|$)))",  # "two days after the vote": a duration before its event
         ago,
         {"five months ago": ("2025-01", "month"), "a year ago": ("2024", "year"), "two weeks ago": ("2025-05-31", "day"),
          "a year earlier": ("2024", "year"), "only five months ago": ("2025-01", "month"),
          "10 days ago": ("2025-06-04", "day"), "some 2500 years ago": ("PAST_REF", "unknown"),
          "a year and a half ago": ("2023-12", "month"), "two and a half years ago": ("2022-12", "month"),
          # "a week from today", "two weeks from now": that far after the reference date, the mirror of "ago"
          "a week from today": ("2025-06-21", "day"), "two weeks from now": ("2025-06-28", "day"),
          "six months from now": ("2025-12", "month"), "a year from now": ("2026", "year"),
          "many years ago": ("PAST_REF", "unknown"), "Years ago": ("PAST_REF", "unknown"),
          "less than a month ago": ("2025-05", "month"), "8 hrs ago": ("2025-06-14", "day"),
          "15 mins ago": ("2025-06-14", "day"), "half a century ago": ("1975", "year"),
          "a quarter century ago": ("2000", "year"), "a quarter of a century ago": ("2000", "year"),
          "half a decade later": ("2030", "year"), "half a year ago": ("2024-12", "month")},
         ("the years later chronicled", "those days ago")),
    Rule("quarter",
         r"(?:[Tt]he\s+(?!(?:[\w'-]+\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)-))?"
         r"(?P<relation>(?:(?:this|last|next)\s+year's|(?:comparable\s+)?year-(?:ago|earlier)|fiscal|fiscal-"
         r"|(?:1\d\d\d|20\d\d)(?:['’]s)?)"
         r"\s*)?"
         r"(?:<<quarter_ordinal>>[\s-](?P<quarter>quarter)|<<half_ordinal>>[\s-](?P<half>half)" + HALF_OF_SOMETHING_ELSE +
         r"|(?P<two_quarters>first)\s+two\s+quarters)"
         r"(?:\s+(?:of\s+)?(?:fiscal\s+)?<<year4>>"
         r"|\s+of\s+(?P<of_relation>(?:this|last|next|the\s+(?:current|previous|prior|following))\s+(?:fiscal\s+)?year))?",
         quarter,
         {"the third quarter": ("2025-Q3", "quarter"), "third-quarter": ("2025-Q3", "quarter"),
          "the fourth quarter of 1990": ("1990-Q4", "quarter"), "the fiscal first quarter": ("2025-Q1", "quarter"),
          "the year-ago third quarter": ("2024-Q3", "quarter"), "the first half of 1989": ("1989-H1", "quarter"),
          "the 1988 second quarter": ("1988-Q2", "quarter"), "the last half of 1989": ("1989-H2", "quarter"),
          "the first two quarters of 1990": ("1990-H1", "quarter"), "1999's first quarter": ("1999-Q1", "quarter"),
          "the second half of next year": ("2026-H2", "quarter"), "the fourth quarter of last year": ("2024-Q4", "quarter"),
          "the first quarter of this year": ("2025-Q1", "quarter"),
          "the first half of fiscal 1990": ("1990-H1", "quarter")},
         ("three-quarters of the vote", "He scored in the second half of the game.", "during the first half of the programme",
          "the first half hour of their innings", "uninterrupted first-half commentary", "the first half of the programme")),
    # Narrative time: counted from the date the text mentioned last (tagger.resolve), never the reference date.
    Rule("anaphoric_unit",
         r"[Tt]he\s+(?:(?P<relation>following|previous|prior|preceding|same)\s+(?P<unit_single>day|week|month|year)"
         r"|(?P<relation>next)\s+(?P<unit_single>day)"
         r"|(?P<relation>following|next|previous|same)\s+<<part_of_day>>"
         r"|(?P<unit_single>day|week|month|year)\s+(?P<relation>before|after)"
         r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|but|when|as|while|he|she|they|it|we|I)\b)"
         r"|<<part_of_day>>\s+(?P<relation>before|after)"
         r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|but|when|as|while|he|she|they|it|we|I)\b))"
         r"|[Tt]hat\s+(?:(?P<relation>same)\s+)?(?:(?P<unit_single>day|week|month|year)(?![\w-])|<<part_of_day>>)"
         # "arrived the next year" counts on from the story; "within/in/over the next year" is the year ahead of now
         r"|[Tt]" + "".join(rf"(?<!\b{word}\s[Tt])" for word in ("in", "In", "within", "Within", "over", "Over", "during", "for"))
         + r"he\s+(?P<next_unit>next)\s+(?P<unit_single>week|month|year)(?![\w-]|\s+or\s+(?:so|two))",
         anaphoric_unit,
         {"the following year": ("XXXX", "unknown"), "the next day": ("XXXX-XX-XX", "unknown"),
          "that year": ("XXXX", "unknown"), "That same day": ("XXXX-XX-XX", "unknown"),
          "the next morning": ("XXXX-XX-XXTMO", "unknown"), "the day before": ("XXXX-XX-XX", "unknown"),
          "that week": ("XXXX-WXX", "unknown"), "that evening": ("XXXX-XX-XXTEV", "unknown"),
          "the night before": ("XXXX-XX-XXTNI", "unknown"), "the morning after": ("XXXX-XX-XXTMO", "unknown")},
         ("the day before the election", "that day-long meeting", "the night before the vote")),
    # "the corresponding period last year", "last year's quarter", "the quarter a year ago": the quarter under
    # discussion one year back (like "the year-ago quarter"); with no quarter named, the last completed one.
    Rule("period_a_year_back",
         r"(?:[Tt]he\s+)?(?:(?:corresponding|comparable|same)\s+(?:quarter|period)|quarter)\s+(?:of\s+)?"
         r"(?:a\s+year\s+(?:ago|earlier)|last\s+year)"
         r"|(?:[Ll]ast|[Pp]revious|[Pp]rior)\s+year's\s+(?:(?:corresponding|comparable|same)\s+(?:quarter|period)|quarter)"
         r"(?![\w-])",
         quarter_a_year_back,
         {"the corresponding period last year": ("2024-Q1", "quarter"), "last year's quarter": ("2024-Q1", "quarter"),
          "the quarter a year ago": ("2024-Q1", "quarter"), "the same period a year earlier": ("2024-Q1", "quarter")},
         ("in the same period", "the corresponding period")),
    # "the first week of March", "the last week of June 2009": that week of the month (the ISO weeks mostly in it)
    Rule("week_of_month",
         r"[Tt]he\s+(?P<week_ordinal>first|second|third|fourth|last|final)\s+week\s+of\s+<<month>>(?:,?\s+<<year4>>)?",
         week_of_month_draft,
         {"the first week of March": ("2025-W10", "week"), "the last week of June 2009": ("2009-W26", "week")},
         ("the first week of the war",)),
    Rule("relative_unit",
         r"(?:(?:[Tt]he|[Ii]ts)\s+)?"
         r"(?P<relation>(?:[Ll]atest|[Cc]urrent|[Rr]ecent|[Ll]ast|[Pp]ast|[Nn]ext|[Cc]oming|[Pp]revious|[Ff]ollowing"
         r"|[Tt]his(?:\s+(?:past|coming))?)(?:\s+fiscal)?)"
         r"\s+(?:(?!day|hour|minute)<<unit_single>>|(?P<period>period))(?![\w-])(?!(?<=half)" + HALF_OF_SOMETHING_ELSE_AFTER + ")" +
         # "the last week of June", "the last decade of the 20th century": a part of what follows, not last week
         r"(?!(?:" + "|".join(rf"(?<=[Tt]he\slast\s{unit})" for unit in ("week", "month", "year", "decade", "quarter",
                                                                         "century", "weekend", "half"))
         + r")\s+of\b)",
         relative_unit,
         {"last year": ("2024", "year"), "this week": ("2025-W24", "week"), "next month": ("2025-07", "month"),
          "the latest quarter": ("2025-Q1", "quarter"), "the past year": ("2024", "year"),
          "the current fiscal year": ("2025", "year"), "last weekend": ("2025-W23-WE", "week")},
         ("the last word on it", "the latest news", "in the past hour", "in the last week of the campaign")),
    Rule("year_ago_period",
         r"(?:(?:[Tt]he|[Ii]ts)\s+)?(?:[Cc]omparable\s+)?[Yy]ear-(?:ago|earlier)\s+(?P<unit_single>quarter|period)"
         r"|[Yy]ear-(?:ago|earlier)",  # "the year-ago results": "the" belongs to "results"
         year_ago,
         {"the year-ago quarter": ("2024-Q1", "quarter"), "year-earlier": ("2024", "year")},
         ("the year-on-year rise",)),
    # "earlier in the day", "later in the week": that unit of the date mentioned last, else of the reference date; the
    # timex is "the day" (TimeML leaves the preposition out; "earlier this year" has none and is one timex)
    Rule("the_unit", r"[Tt](?:(?<=[Ee]arlier\sin\s[Tt])|(?<=[Ll]ater\sin\s[Tt]))he\s+(?P<unit_in>day|week|month|year)(?![\w'’-])"
         r"|(?:[Tt]he|[Tt]hat)\s+(?P<unit_single>weekend|quarter|week)(?![\w-])", the_unit,
         {"the weekend": ("2025-W24-WE", "week"), "the quarter": ("2025-Q1", "quarter")}),
    Rule("mid_month_or_year", r"[Mm]id-?(?:<<month>>|<<year4>>)(?!s)", mid_month_or_year,
         {"mid-November": ("2024-11", "month"), "mid-1996": ("1996", "year")}),
    Rule("decade",
         r"(?:(?:[Tt]he\s+)?(?:(?P<decade_mod>[Ee]arly|[Ll]ate|[Mm]id)-?\s*)?)?"
         r"(?:<<decade4>>'?s|'(?P<decade_digit>\d)0s|<<decade_word>>)"
         r"|[Tt]he\s+(?:(?P<decade_mod>early|late|mid)-?\s*)?(?P<decade_digit>\d)0s",
         decade,
         {"the 1990s": ("199", "decade"), "the mid-1990s": ("199", "decade"), "the '80s": ("198", "decade"),
          "the nineties": ("199", "decade"), "the early 1980s": ("198", "decade"), "the 90s": ("199", "decade"),
          "the 2000s": ("200", "decade"), "the late 1980s": ("198", "decade"), "early 1990s": ("199", "decade"),
          "the late '80s": ("198", "decade"), "the 1800s": ("18", "century"), "the early 1900s": ("19", "century")},
         ("in their 90s", "a man in his 40s"), takes_modifier=False),
    # A year of an era: "49 BC", "2500 BCE", "AD 79", "79 AD" (TIMEX3 writes years before Christ "BC0049"; the timeline's
    # calendar, years 1-9999, cannot hold them, so the pipeline keeps them unplaced with a warning)
    Rule("era_year",
         r"(?P<year_bc>(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d{1,5}))\s*" + BEFORE_CHRIST
         + r"|(?:AD\s+|A\.D\.\s*)(?P<year_ad>\d{2,4})(?![\d,.]?\d)|(?P<year_ad>(?<![\d,.])\d{1,4})\s+(?:AD|A\.D\.|CE|C\.E\.)(?!\w|\.\w)",
         era_year,
         {"49 BC": ("BC0049", "unknown"), "2500 BCE": ("BC2500", "unknown"), "10,000 BC": ("BC10000", "unknown"),
          "AD 79": ("0079", "year"),
          "79 A.D.": ("0079", "year"), "1066 AD": ("1066", "year")},
         ("the BC government", "Vitamin AD 3 drops", "a 3CE engine", "the AD100 architects list")),
    Rule("century", r"(?:[Tt]he\s+)?<<ordinal>>[\s-]+[Cc]entury(?:\s+(?P<before_christ>" + BEFORE_CHRIST + r")"
         r"|\s+(?:AD|A\.D\.|CE|C\.E\.)(?![\w.]))?", century,
         {"the 20th century": ("19", "century"), "11th century": ("10", "century"),
          "the twentieth century": ("19", "century"), "the 5th century BC": ("BC04", "unknown"),
          "the 3rd century AD": ("02", "century")}),
    Rule("season",
         r"(?:(?:[Tt]he\s+)?" + REL + r"\s+)<<season>>(?:\s+(?:of\s+)?(?:<<year4>>|<<year_spelled>>))?"
         r"|(?:[Tt]he\s+)?<<season>>\s+(?:of\s+)?(?:<<year4>>|<<year_spelled>>)"
         r"|(?P<generic>[Ss]ummer|[Ww]inter|[Ss]pring|[Aa]utumn)"  # six letters each: the look-behinds count on it
         + "".join(rf"(?<!\b{word}\s\w{{6}})" for word in ("their", "his", "her", "its", "our", "my", "your"))
         + r"(?=[\s-]+(?:" + "|".join(GENERIC_SEASON_NOUNS) + r")\b)"
         r"|(?:[Tt]he\s+(?:(?:early|late)\s+)?)?(?P<season>[Ss]ummer|[Ww]inter|[Aa]utumn)"
         # ... nor a Capitalised one before a Capitalised word: "the Summer Sundae festival", "the Autumn Statement"
         r"(?![\s-]+(?:" + "|".join(SEASON_NAME_NOUNS) + r")\b|(?<=[SWA]\w{5})\s+[A-Z])"
         # "the fall" is a season only after a preposition of time and not before "of"/"in": "in the fall", not "the
         # fall of Rome", "the fall in prices", "after the fall"
         r"|(?=[Tt]he\s)" + AFTER_SEASON_PREPOSITION + r"[Tt]he\s+(?:(?:early|late)\s+)?(?P<season>fall)"
         r"(?![\w-]|\s+(?:of|in|from|to|on|at|for|by|and\s+rise)\b)",
         season,
         {"this summer": ("2025-SU", "season"), "last fall": ("2024-FA", "season"), "summer 2024": ("2024-SU", "season"),
          "the autumn": ("2025-FA", "season"),
          "the winter of nineteen ninety-four": ("1994-WI", "season"), "this past spring": ("2025-SP", "season"),
          "the summer": ("2025-SU", "season"), "winter": ("2024-WI", "season")},
         ("the prices fall", "a hot spring water", "the fall of the city", "the Winter Olympics", "a winter coat",
          "at summer camp", "the Summer Palace", "at the Indian Summer festival", "at the Summer Sundae festival",
          "exercises such as Winter Willow", "the Autumn Statement", "Autumn Phillips", "the fall of the city",
          "in the fall in house prices", "after the fall", "the fall of Rome", "in the fall-out")),
    Rule("quarter_code",
         r"(?:(?P<kind>Q)(?P<index>[1-4])(?:\s*(?:<<year4>>|'(?P<year2>\d\d)))?"
         r"|(?P<kind>H)(?P<index>[12])\s*(?:<<year4>>|'(?P<year2>\d\d))"
         r"|<<year4>>\s*(?:(?P<kind>Q)(?P<index>[1-4])|(?P<kind>H)(?P<index>[12])))(?!-|\s*N\d)",
         quarter_code,
         {"Q2 2024": ("2024-Q2", "quarter"), "H1 2025": ("2025-H1", "quarter"), "Q3": ("2025-Q3", "quarter"),
          "2024 Q4": ("2024-Q4", "quarter"), "2024 H2": ("2024-H2", "quarter")},
         # a half needs its year: a bare "H1" is a flu subtype, a road, a visa
         ("the Q5 model", "a Q2-rated bond", "an H1 flu virus", "the H1 N1 strain", "the H3 road", "Q1 N1")),
    Rule("fiscal_year",
         r"(?:[Ff]iscal(?:\s+year)?\s*|FY\s?)<<year4>>"
         r"|(?:[Tt]he\s+)?(?P<relation>current\s+|latest\s+|last\s+|next\s+)?fiscal\s+year",
         fiscal_year,
         {"fiscal 1997": ("1997", "year"), "the fiscal year": ("2025", "year"), "FY2024": ("2024", "year")}),
    Rule("the_year",
         r"(?:[Tt]he\s+)(?:[Yy]ear\s+(?:<<year4>>|<<year_spelled>>)"
         r"|(?P<full>full\s+)?year(?!\s+(?:earlier|before|after|ago|later)))(?![\w-])",
         the_year,
         {"the year 2000": ("2000", "year"), "the year two thousand": ("2000", "year"), "the year": ("2025", "year")}),
    Rule("year_period", r"[Tt]he\s+<<year4>>\s+(?:period|quarter)", year_period,
         {"the 1988 period": ("1988", "year")}),
    Rule("year_end", r"(?:[Tt]he\s+end\s+of\s+the\s+(?P<unit_single>year|month|week)(?![\w-])|[Yy]ear[\s-]end|[Yy]ear's\s+end)",
         end_of_unit,
         {"year-end": ("2025", "year"), "the end of the month": ("2025-06", "month")},
         ("He spoke at the end of the week-long assembly.",)),
    Rule("year",
         r"(?<![\w$£€#.,/:-])(?:" + QUANTITY_BEFORE_NUMBER + r"<<year4>>(?!s\b|(?<=0)['’]s\b|\s*(?:" + "|".join(COUNTED_NOUNS) + r")|"
         + HOUSE_NUMBER_AFTER + r"|\s+of\s+(?:the|them|their|his|her|its|those|these|us)\b)"
         # a spelled number that counts something is no year: "about two thousand people", "two thousand three hundred"
         r"|" + "".join(rf"(?<!\b{word}\s)" for word in QUANTITY_WORDS) + r"<<year_spelled>>"
         r"(?![\w-]|\s+(?:hundred|thousand|million|billion)\b"
         r"|\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten)\b|(?<=thousand)\s+(?:" + "|".join(COUNTED_NOUNS) + r")\b"
         r"|(?<=thousand)\s+(?!(?:does|this|whereas|towards|afterwards|always|perhaps|unless|less)\b)[a-z]{3,}[^s's]s\b))",
         year,
         {"2007": ("2007", "year"), "1941": ("1941", "year"), "nineteen ninety-six": ("1996", "year")},
         ("2,007 people", "S-300", "T-90", "$1988", "1500 troops", "30 percent", "a 1500 percent rise",
          "About two thousand people marched.", "The index fell two thousand points.", "more than two thousand",
          "two thousand three hundred soldiers",
          "under UN Security Council Resolution 1441", "resolution 1973 allows it", "US Airways Flight 1549 ditched",
          "Article 1906 of the code", "in Room 1204", "see page 1120", "the White House at 1600 Pennsylvania Avenue",
          "a bank at 2015 Washtenaw Avenue", "he lives at 1200 N. Main St. with his wife", "quoting Freepay number: 1449",
          "the odds are 1 in 1000", "cases leapt from 297 to 1051", "1000 of his bottles", "see p.12:1039"),
         vetoed_after=LABEL_BEFORE_NUMBER),
    Rule("present_ref",
         r"(?:[Rr]ight\s+)?now(?![\w-])|[Tt]o\s+this\s+day|[Cc]urrently"
         r"|[Cc]urrent(?!\s+(?:account|affairs|events|assets|liabilities))"
         r"|[Aa]t\s+present|[Tt]hese\s+days|[Nn]owadays|[Tt]he\s+present(?!\s+\w)",
         literal("PRESENT_REF"),
         {"now": ("PRESENT_REF", "unknown"), "currently": ("PRESENT_REF", "unknown"),
          "to this day": ("PRESENT_REF", "unknown")},
         ("the current account deficit", "a know-how")),
    # "Now" after a capitalised word (not one opening a sentence: "By Now", "And Now" stay) ends a name: "the Hope for
    # Haiti Now telethon", "Apocalypse Now", "Peace Now"
    Rule("present_ref_capitalised", r"(?:Right\s+)?Now(?![\w-])", literal("PRESENT_REF"),
         {"Now": ("PRESENT_REF", "unknown"), "Right Now": ("PRESENT_REF", "unknown")},
         ("the Hope for Haiti Now telethon", "He watched Apocalypse Now.", "the group Peace Now said"),
         vetoed_after=NAME_BEFORE_TODAY),
    Rule("past_ref",
         r"[Tt]hen[\s-]+current|(?:[Mm]ore\s+)?[Rr]ecently|[Rr]ecent\s+(?:years|days|weeks|months|times)"
         r"|[Pp]ast\s+(?:years|months|decades)(?![\w-])|[Rr]ecent"
         r"|[Tt]he\s+past(?=\s*[^\w\s]|\s*$|\s+(?:" + "|".join(PAST_FOLLOWERS) + r")\b)",
         literal("PAST_REF"),
         {"recently": ("PAST_REF", "unknown"), "the past": ("PAST_REF", "unknown"),
          "then-current": ("PAST_REF", "unknown"), "past years": ("PAST_REF", "unknown")},
         ("the past tense", "past times")),
    Rule("future_ref",
         after_one_of(MODALS) + r"[Oo]ne\s+day(?![\w-])"
         r"|[Ss]omeday(?![\w-])|[Tt]he\s+(?:near\s+|distant\s+)?future|[Tt]he\s+(?:near|short)\s+term"
         r"|(?:[Cc]oming|[Ff]uture)\s+(?:months|weeks|years|days|quarters)|[Aa]\s+later\s+date"
         r"|(?<!\bas\s)[Ss]oon(?!\s+(?:as|after|before|afterwards?|thereafter)\b)(?![\w-])",
         literal("FUTURE_REF"),
         {"the future": ("FUTURE_REF", "unknown"), "the near future": ("FUTURE_REF", "unknown"),
          "someday": ("FUTURE_REF", "unknown"), "soon": ("FUTURE_REF", "unknown")},  # "will one day be": CONTEXT_EXAMPLES
         ("as soon as it ends", "soon after the vote", "sooner or later")),
    # TimeML SET: "every Friday", "on Fridays", "Friday nights", "every January", "every summer" recur, they are no one date
    Rule("set", r"(?:[Ee]very|[Ee]ach)\s+(?:<<weekday>>|<<month_full:month>>|<<season>>"
         r"|(?P<unit_single>year|month|week|day|quarter|hour|minute))(?![\w'’-])",
         set_expression,
         {"every month": ("P1M", "unknown"), "each Thursday": ("XXXX-WXX-4", "unknown"),
          "every hour": ("PT1H", "unknown"), "every January": ("XXXX-01", "unknown"), "every summer": ("XXXX-SU", "unknown")},
         ("prices rose quarterly", "a daily newspaper")),
    Rule("duration",
         r"(?:(?:[Tt]he\s+)?(?:[Pp]ast|[Ll]ast|[Nn]ext|[Ff]irst|[Cc]oming)\s+|[Tt]he\s+|[Aa]t\s+least\s+|[Nn]early\s+"
         r"|[Aa]lmost\s+|[Mm]ore\s+than\s+|[Ll]ess\s+than\s+|[Oo]ver\s+)?"
         r"(?P<amount>(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d{1,3})|<<number>>)[\s-]+(?:more\s+|additional\s+|trading\s+)?"
         # "ten years of boom" is a duration (TimeBank tags it); "three-quarters of its food" is a share, not nine months,
         # "six months of base pay" an amount of money and "17 years of age" an age, like "52 years old"
         r"(?!quarters?\s+of\s+(?:the|its|his|her|their|our|all|them|those|these|a|an)\b)<<unit>>"
         r"(?![\w-]|\s+old|\s+of\s+(?:age|(?:\w+\s+)?(?:pay|salary|salaries|wages?|rent|severance|earnings|income))\b)",
         duration,
         {"three years": ("P3Y", "unknown"), "the past two months": ("P2M", "unknown"),
          "30-day": ("P30D", "unknown"), "several years": ("PXY", "unknown")},
         ("a 52 years old man", "students between 14 and 17 years of age", "Iraq imports about three-quarters of its food",
          "a bonus equal to six months of base pay")),
    # "for a week", "within an hour", "took about a year", "more than a year and a half": one unit is a duration after a
    # word that takes one or a word that measures one (TimeML DURATION; TimeBank: "last over a week"). Elsewhere "a day" is
    # no time span: "100 flights a day", "a day of mourning", "a day after the funeral", "a year ago" (rule ago).
    Rule("duration_one_unit",
         r"(?=[AaNnOoMmLlJjUuBbHh])(?:" + DURATION_TAKER + r"(?:" + DURATION_MEASURE + r")?|" + DURATION_MEASURE + r"|(?=[Hh]alf\s))"
         r"(?P<half_of>[Hh]alf\s+)?(?P<amount>an?)\s+(?P<unit>year|month|week|day|decade|century|hour|minute)"
         r"(?P<and_a_half>\s+and\s+a\s+half)?(?![\w-]|\s+or\s+(?:two|so)\b|(?<=day)\s+of\b|\s+(?:ago|earlier|later|old)\b)",
         duration,
         {"about an hour": ("PT1H", "unknown"), "nearly half an hour": ("PT30M", "unknown"),
          "more than a year and a half": ("P18M", "unknown"), "over a week": ("P1W", "unknown"),
          "almost a decade": ("P1E", "unknown"), "half a day": ("PT12H", "unknown")},
         ("100 flights a day", "in a day of mourning", "a day after the funeral", "a week before he died",
          "in a year or two", "half the day", "when she was about a month old")),
    # "for weeks", "within days", "after years of war", "for many months": a duration of some units (TimeBank: "for
    # centuries" PXE, "within weeks" PXW)
    Rule("duration_some_units",
         r"(?=[MmYyWwDdCcHh])(?:" + DURATION_TAKER + r"(?:(?P<amount>[Mm]any)\s+)?|(?P<amount>[Mm]any)\s+)"
         r"(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes)(?![\w-]|\s+(?:old|of\s+age)\b)",
         duration,
         {"many months": ("PXM", "unknown"), "Many years": ("PXY", "unknown")},
         ("in the early days of the war", "those years", "the years that followed", "how many days old")),
    Rule("named_day",
         r"(?:" + REL + r"\s+)?(?:" + "|".join(f"(?P<{day.key}>{day.names})" for day in NAMED_DAYS) + r")"
         # a named day before one of these nouns names the thing: "Easter Island", "the Yom Kippur War", "the Good Friday
         # Agreement", "a Christmas tree"
         r"(?!\s+(?:Islands?|War|Offensive|Rising|Uprising|Agreement|Accords?|[Tt]rees?|[Cc]ards?|[Cc]arols?)\b)"
         # "Thanksgiving weekend", "the Memorial Day holiday weekend": that day's weekend
         # ... and its year: "Ramadan 2010", "Easter next year", "Thanksgiving weekend last year"
         r"(?P<named_weekend>\s+(?:holiday\s+)?weekend)?(?:,?\s+(?:of\s+)?<<year4>>"
         r"|\s+(?P<year_relation>last|this|next)\s+year)?(?![\w'])",
         named_day,
         {"Christmas": ("2024-12-25", "day"), "Thanksgiving": ("2024-11-28", "day"), "Easter": ("2025-04-20", "day"),
          "Easter week": ("2025-W17", "week"), "Election Day": ("2024-11-05", "day"), "New Year's Day": ("2025-01-01", "day"),
          "Ramadan": ("2025-03-01", "day"), "Ramadan 2010": ("2010-08-11", "day"), "Christmas 2009": ("2009-12-25", "day"),
          "Thanksgiving weekend": ("2024-W48-WE", "week"), "Memorial Day weekend 2009": ("2009-W21-WE", "week"),
          "last Christmas": ("2024-12-25", "day"), "next Easter": ("2026-04-05", "day"), "Good Friday": ("2025-04-18", "day"),
          "Easter next year": ("2026-04-05", "day"), "Christmas this year": ("2025-12-25", "day"),
          "Thanksgiving weekend last year": ("2024-W48-WE", "week"),
          "Ash Wednesday": ("2025-03-05", "day"), "Palm Sunday": ("2025-04-13", "day"), "Pentecost": ("2025-06-08", "day"),
          "the Fourth of July": ("2025-07-04", "day"), "Father's Day": ("2025-06-15", "day"),
          "Martin Luther King Day": ("2025-01-20", "day"), "Inauguration Day": ("2025-01-20", "day"),
          "Veterans Day": ("2024-11-11", "day"), "Bastille Day": ("2025-07-14", "day"), "May Day": ("2025-05-01", "day"),
          "Guy Fawkes Night": ("2024-11-05", "day"), "Eid al-Adha 2010": ("2010-11-16", "day"),
          # lunar and lunisolar calendars from libraries (calendars.hebrew_day, calendars.chinese_new_year)
          "Passover": ("2025-04-13", "day"), "Rosh Hashanah": ("2024-10-03", "day"), "Yom Kippur": ("2024-10-12", "day"),
          "Yom Kippur 1973": ("1973-10-06", "day"), "Hanukkah": ("2024-12-26", "day"),
          "Chinese New Year": ("2025-01-29", "day"), "Lunar New Year 2013": ("2013-02-10", "day"),
          "Spring Festival": ("2025-01-29", "day")},
         ("Easter Island", "Christmas Island", "Christmases past", "a visit from Father Christmas", "in Operation Easter",
          "the Yom Kippur War", "the Good Friday Agreement", "a Christmas tree", "the Easter Rising"),
         vetoed_after=NAME_BEFORE_MONTH),  # a capitalised word before it makes it a name
    Rule("month_alone", r"<<month_full:month>>(?!(?<=May)\s+(?:" + "|".join(MODAL_MAY_FOLLOWERS) + r")\b)"
         + MAY_THE_OPENING_A_WISH, month_alone,
         {"October": ("2024-10", "month"), "June": ("2025-06", "month"), "January": ("2025-01", "month"),
          "May": ("2025-05", "month")},
         ("they may agree", "the march on the capital", "we will march", "Theresa May said", "as Brian May sang",
          "May the relief reach the people.", 'He said: "May the odds be ever in your favour!"',
          "Sympathy to the victims. May the world step forward.",
          "THEY MAY AGREE", 'So "May contain nuts" is a fair label.', "May I ask a question?", "Flu May Be Spreading",
          "May God bless you."),
         vetoed_after=NAME_BEFORE_MONTH),
]


# --- tense: which occurrence a year-less month, month-day or weekday means (tagger._with_cues) ---------
# The rest of a clause: no sentence or clause end and no line break ("Daniel P. Davison" does not end it).
CLAUSE_REST = r"(?:[^.;!?\n]|\.(?=\S)|(?<=\b[A-Z])\.)*$"
CLAUSE_BODY = r"(?:[^.;!?\n]|\.(?=\S)|(?<=\b[A-Z])\.)*?"  # the clause from an expression's end up to a cue after it


@dataclass(frozen=True)
class TenseCue:
    """Words around a year-less expression that make it the coming occurrence ("will meet on Monday").

    The cue must start at most `reach` characters before the expression, in the same clause. A past-tense
    word (PAST_WORDS) cancels it: anywhere in that stretch when `past_cancels` is "window" ("had been due to
    expire Friday"), only after the cue when it is "after" (the cue itself may be past: "was planning to").
    A cue of `side` "after" follows the expression in its clause, at most `reach` characters after its end,
    and a past-tense verb between the two (AFTER_CUE_CANCELS) cancels it ("On Friday he said he will resign").
    Examples and counter-examples: CONTEXT_EXAMPLES whose convention is the cue's name.
    """
    name: str
    pattern: str
    reach: int
    past_cancels: str = "after"
    prefer: str = "future"   # the reading it gives: "future", or "nearest" (before or after the reference date)
    side: str = "before"     # "after": the cue follows the expression in its clause ("On Monday, the ministers will meet")
    unless_followed_by: str = ""  # regex: the cue does not count when this follows the expression
    past_after_cancels: bool = False  # a past-tense verb later in the expression's clause (AFTER_CUE_CANCELS) cancels it
    weekdays: bool = True  # the cue also governs a bare weekday ("the year ended March 31" does, "talks ended Tuesday" not)


# A past reporting verb between a cue and the expression cancels any cue: the date is the report's ('"We will win," he said
# on Friday', 'They will stay, officials told reporters on Monday').
REPORTED_PAST = ("said", "told", "added", "announced", "reported", "stated", "explained", "warned", "noted", "wrote",
                 "insisted", "argued", "claimed", "confirmed", "revealed", "disclosed", "admitted", "declared", "predicted")
PAST_WORDS = r"\b(?:had|was|were|did|previously|ago|(?:did|was|were|had)n['’]t)\b"
REPORTED_PAST_WORDS = r"\b(?<!\bbe\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)(?<!\bhas\s)(?<!\bhave\s)(?:" + "|".join(REPORTED_PAST) + r")\b"
# The past tense of the clause before a year-less season (no cue): not the coming season but the last ("Cases rose in
# the autumn"); a reporting verb is no such past: "Experts said a second wave could come in the autumn".
PAST_EVENT_VERBS = ("rose", "fell", "began", "came", "went", "grew", "spread", "struck", "saw", "took", "left", "lost", "won")
PAST_ED_VERB = r"(?!(?:need|feed|seed|speed|breed|exceed|proceed|succeed)\b)[a-z]{2,}ed"
PAST_CLAUSE_WORDS = (r"\b(?:" + "|".join(("had", "was", "were", "did", "previously", "ago") + PAST_EVENT_VERBS)
                     + r"|(?!(?:" + "|".join(REPORTED_PAST) + r")\b)" + PAST_ED_VERB + r")\b")
# A verb in the simple past right before "on"/"in" and a year-less month or day dates a past event, even one a month
# ahead of the reference date would otherwise be taken as the coming one: "He died on 25 June", "appeared on 20 April",
# "said on June 20" (written in mid-June). Not after an auxiliary ("is expected in July", "will be released on 7
# February", "to be signed on"), nor a copula ("the slot was on 9 February").
PAST_VERB_RIGHT_BEFORE = ("".join(rf"(?<!\b{word}\s)" for word in ("be", "been", "being", "is", "are", "was", "were", "to",
                                                                     "will", "would", "has", "have", "had"))
                          + r"(?<!['’]s\s)\b(?:" + "|".join(PAST_EVENT_VERBS + REPORTED_PAST) + "|" + PAST_ED_VERB
                          + r")\s+(?:on|in)\s+$")
# Verbs of timetabled events (meetings, trials, journeys, openings, votes, matches) and their present forms.
SCHEDULE_VERBS = {"begin": "begins", "start": "starts", "open": "opens", "reopen": "reopens", "resume": "resumes",
                  "expire": "expires", "meet": "meets", "convene": "convenes", "arrive": "arrives", "depart": "departs",
                  "fly": "flies", "go": "goes", "kick": "kicks", "hold": "holds", "gather": "gathers", "hear": "hears",
                  "sit": "sits"}
# ... and those whose bare form is as often a noun ("a vote on Tuesday", "its debut on Thursday"): -s form only
SCHEDULE_VERBS_S_ONLY = ("closes", "visits", "travels", "votes", "plays", "hosts", "rules", "debuts", "premieres",
                         "launches", "faces", "leaves", "heads", "returns")
SCHEDULE_VERBS_PRESENT = tuple(sorted(set(SCHEDULE_VERBS) | set(SCHEDULE_VERBS.values()) | set(SCHEDULE_VERBS_S_ONLY),
                                     key=len, reverse=True))
SCHEDULE_VERBS_ING = ("beginning", "starting", "opening", "reopening", "closing", "resuming", "meeting", "convening",
                      "arriving", "departing", "visiting", "flying", "travelling", "traveling", "going", "voting", "playing",
                      "hosting", "holding", "gathering", "hearing", "launching", "leaving", "heading", "returning",
                      "coming", "getting married", "marrying", "testifying", "appearing")
# Verbs of events in the present tense (third person), as a clause of time uses them for the future: "when it comes back"
PRESENT_EVENT_VERBS = ("comes", "becomes", "returns", "strikes", "hits", "arrives", "reaches", "spreads", "peaks", "emerges",
                       "mutates", "starts", "begins", "ends", "happens", "occurs", "rises", "falls", "takes", "gets", "goes",
                       "continues", "resumes", "opens", "closes", "meets", "testifies", "appears")
TENSE_CUES: list[TenseCue] = [
    # "Beginning Monday, the store opens at 9", "Effective Monday, prices rise": what starts on a date is announced
    # ahead of it (a past verb later in the clause cancels it: "Starting Monday, police cordoned off the area")
    TenseCue("starting_from", r"\b(?:[Ss]tarting|[Bb]eginning|[Ee]ffective|[Cc]ommencing)\s+(?:on\s+|from\s+)?$", 25,
             past_after_cancels=True),
    # a date an event is moved to lies ahead, even after a past verb: "postponed the shows to July 31", "the trial was
    # adjourned until July 20", "the deadline was extended to Friday"
    TenseCue("rescheduled",
             r"\b(?:postponed|adjourned|delayed|deferred|rescheduled|pushed\s+back|put\s+off|moved|brought\s+forward"
             r"|extended)\b" + CLAUSE_BODY + r"\b(?:to|until|till)\s+(?:(?:early|late|mid)[\s-]+)?$", 80),
    # "by March 18", "until early June": a deadline is the coming one (a month-day: this month or later)
    # ... but "by" before a possessive is the agent: "flattened by Tuesday's earthquake"
    TenseCue("deadline", r"\b(?:by|until|till|through)\s+(?:(?:early|late|mid|the\s+end\s+of)[\s-]+)?$", 40, "window",
             unless_followed_by=r"['’]s\b"),
    # "come September", "come the autumn": the idiom names a time still to come
    TenseCue("come_date", r"\b[Cc]ome\s+$", 6),
    # what something happens "ahead of" is near, mostly still to come: "tickets sold ahead of Saturday night's concert",
    # "in the run-up to Sunday's election"; written after it, the nearest occurrence is the one just past
    TenseCue("ahead_of", r"\b(?:[Aa]head\s+of|[Ii]n\s+the\s+run[\s-]up\s+to|[Ii]n\s+advance\s+of)\s+$", 25, prefer="nearest"),
    # a period that "ended" on a date ended before the reference ("the year ended March 31" written on March 6 is last
    # year's March 31); one "ending" on it ends at the nearest ("the fiscal year ending June 30" written in March). A
    # weekday after "ended/closed" keeps the plain reading: "Stocks closed Tuesday" written on Wednesday is yesterday.
    TenseCue("period_ended", r"\b(?:ended|closed)\s+$", 8, prefer="last", weekdays=False),
    TenseCue("period_ending", r"\b(?:ending|ends)\s+$", 8, prefer="nearest"),
    # "will meet on Monday", "due in March", "is expected on Friday", "set to vote on Monday", "next", "the ban takes effect
    # Saturday", "comes into force in May"
    TenseCue("future_word",
             r"\b(?:will|'ll|shall|would|next|upcoming|scheduled|(?<!than\s)(?<!-)expected|due|payable|effective"
             r"|set\s+(?:to|for)|is\s+to|are\s+to|takes?\s+effect|goes\s+into\s+effect|(?:comes?|enters?)\s+into\s+force)\b"
             + CLAUSE_REST, 40, "window"),
    # future in the past: "were planning to drive to the airport on Monday", "was (had been) due to vote on Friday",
    # "were to meet on Monday", "planned a rally on Saturday": ahead of the past moment, so the occurrence
    # nearest the reference date ("the case was due to start on Thursday, but ..." written on Friday)
    TenseCue("future_in_the_past",
             r"\b(?:was|were|had\s+been)\s+(?:(?:planning|preparing|scheduled|slated|set|due|expected|going|supposed|about)\s+)?to"
             r"\s+(?!the\b|an?\b|\d)[a-z]+\b" + CLAUSE_REST
             + r"|\b(?:planned|scheduled|slated)\s+(?!to\b|for\s+(?:months|weeks|years)\b)" + CLAUSE_REST, 120,
             prefer="nearest"),
    # a prospective verb or adjective + to-infinitive: "agreed to acquire ... in January", "plans to open ... in May",
    # "is to send ... on Monday", "was likely to resume ... on Thursday", "had a 747 standing by to fly ... on Saturday"
    TenseCue("prospective_verb",
             r"\b(?:agree[sd]?|agreement|plans?|planned|planning|intends?|intended|expects?|aims?|seeks?|hopes?|is|are|ready|poised|preparing|prepared|standing\s+by|likely|going)\s+to\s+"
             r"(?!the\b|an?\b|\d)[a-z]+\b" + CLAUSE_REST, 120),
    # the present tense of a verb of scheduled events, at most four words before the expression, is a timetable
    # future (HeidelTime reads present tense as present-future): "The summit opens on Tuesday", "the talks begin
    # Monday", "is flying to Paris on Sunday", "votes on the bill on Tuesday"; a past word before it ("had", "was")
    # or a past verb after the expression in its clause ("The visits on Tuesday were ...") cancels it
    TenseCue("present_schedule",
             r"\b(?:(?:is|are|am|['’]s|['’]re)\s+(?:also\s+|now\s+|still\s+)?(?:" + "|".join(SCHEDULE_VERBS_ING) + r")"
             r"|(?:" + "|".join(SCHEDULE_VERBS_PRESENT) + r"))\b(?:\s+off)?(?:\s+[\w'’:-]+){0,4}\s+$", 60, "window",
             past_after_cancels=True),
    # a clause of time or condition puts a future event in the present tense: "when it comes back in the winter",
    # "before a helpline is opened in the autumn", "once the epidemic hits in the autumn" (a past word cancels it)
    TenseCue("subordinate_present",
             r"\b(?:[Ww]hen|[Oo]nce|[Ii]f|[Bb]efore|[Uu]ntil|[Aa]s\s+soon\s+as)\s+(?:[\w'’-]+\s+){0,5}?"
             r"(?:is|are|" + "|".join(PRESENT_EVENT_VERBS) + r")\b(?:\s+[\w'’-]+){0,4}\s+$", 80, "window"),
    # "will/would/shall + verb" governs its clause: "would be paid on a still unspecified date in January"; so do
    # "may" and "might" + a bare verb ("might return in the winter"), but not + have ("may have caught it in March")
    TenseCue("modal_verb", r"(?:(?:\b(?:will|would|shall)|['’]ll)\s+(?:not\s+)?[a-z]+"
             r"|\b(?:may|might)\s+(?:not\s+|well\s+|also\s+)?(?!have\b|ha(?:s|d)\b)[a-z]+"
             # "'d" + a bare verb is "would" ("I'd be pregnant through the winter"); + a participle it is "had"
             r"|['’]d\s+(?:not\s+)?(?!(?:have|been|had|gone|done|seen|taken|given|known|come|become|got|gotten|made|said"
             r"|told|left|found|thought|brought|bought|heard|met|run|won|lost|kept|put|set|read|sent|spent|begun)\b)"
             r"(?![a-z]+ed\b)[a-z]+)\b" + CLAUSE_REST, 120),
    # the clause's verb after a fronted date: "On Monday, the ministers will meet", "Saturday's concert, which
    # will be broadcast live", "In March the company is expected to ..." (HeidelTime: the tense of the sentence)
    TenseCue("future_verb_after",
             CLAUSE_BODY + r"(?P<cue>\b(?:will|'ll|shall|(?:is|are)\s+(?:going|due|expected|set|scheduled|slated)\s+to))\s+"
             r"(?:not\s+|also\s+|now\s+|then\s+)?[a-z]+\b", 80, side="after"),
]
# A past-tense verb later in the clause of an expression whose cue has past_after_cancels ("The visits on Tuesday
# were a success"); "says"/"tells" are present, so "The group, which meets on Tuesday, says" keeps its cue.
# A participle after has/have ("but has maintained a cautious view") is a present perfect, not a past-tense clause.
# Nor is a participle after be/is/are/been ("begins in May, so camps cannot be placed there"): a passive, not a past.
NOT_PAST_PARTICIPLE = r"(?<!\bhas\s)(?<!\bhave\s)(?<!['’]ve\s)(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeen\s)"
PAST_VERB_AFTER = (r"\b(?:had|was|were|did|ago|said|told|thought|knew|felt|became|began|came|went|saw|made"
                   r"|" + NOT_PAST_PARTICIPLE + r"(?!(?:scheduled|expected|planned|proposed|delayed|postponed)\b)[a-z]{2,}ed)\b")
# A past-tense verb between an expression and a following future cue, or before the expression in its clause:
# the cue belongs to reported speech ("On Friday he said he will resign", "said Thursday that troops will stay").
# "who" opens a clause about a person, not about the date ("On Tuesday his brothers, who will sing, defended it").
AFTER_CUE_CANCELS = (r"\b(?:had|was|were|did|previously|ago|who|said|says|told|tells|thought|knew|felt|became|began|came"
                     r"|went|saw|made|(?!(?:scheduled|expected|planned|proposed|delayed|postponed)\b)[a-z]{2,}ed)\b")


# --- context conventions: what the words around an expression change (tagger.py), as examples -------
@dataclass(frozen=True)
class ContextExample:
    """A sentence, one expression in it and the value it must get under its reference date."""
    convention: str   # the regularity, one phrase (a TenseCue name, ...)
    sentence: str
    expression: str
    value: str
    reference_date: datetime.date = EXAMPLE_REFERENCE_DATE


FRIDAY_2010 = datetime.date(2010, 3, 19)  # the reference date of issue 13's examples
CONTEXT_EXAMPLES: list[ContextExample] = [
    # A prospective verb + to-infinitive puts the event after the verb: the coming February.
    ContextExample("prospective_verb", "Thermo agreed to purchase the line for $22 million in February.", "February", "2026-02"),
    ContextExample("prospective_verb", "Midwest announced an agreement to acquire the Peoria, Ill., bank in January.", "January", "2026-01"),
    # ... but not a noun after "to", nor when a past-tense clause follows the verb.
    ContextExample("prospective_verb", "The board agreed to the sale, which closed in February.", "February", "2025-02"),
    ContextExample("prospective_verb", "It planned to expand but was hit by a strike in February.", "February", "2025-02"),
    # "will"/"would" + verb governs its clause: a month or weekday later in it is the coming one ...
    ContextExample("modal_verb", "The split would be paid on a still unspecified date in January.", "January", "2026-01"),
    # ... unless a past-tense verb follows the modal; "since" is never a coming month.
    ContextExample("modal_verb", "He would later say that the deal had closed in January.", "January", "2025-01"),
    ContextExample("modal_verb", "The virus might return in a more virulent form in the winter.", "the winter", "2025-WI"),
    ContextExample("modal_verb", "Officials may decide on Monday.", "Monday", "2025-06-16"),
    ContextExample("modal_verb", "He may have caught the virus in March.", "March", "2025-03"),
    ContextExample("modal_verb", "I'd be pregnant right through the winter, when cases surge.", "the winter", "2025-WI"),
    ContextExample("modal_verb", "She'd gone there in the winter.", "the winter", "2024-WI"),
    ContextExample("modal_verb", '"We will win," he said on Friday.', "Friday", "2025-06-13"),
    ContextExample("modal_verb", "We'll have to react, one trader told Reuters on Friday.", "Friday", "2025-06-13"),
    ContextExample("modal_verb", "He said the ministers will meet on Monday.", "Monday", "2025-06-16"),
    ContextExample("modal_verb", "The winner will be announced in Oslo on Oct. 10.", "Oct. 10", "2025-10-10"),
    ContextExample("modal_verb", "It could be that we'll see a resurgence of the virus in the autumn and winter.", "winter",
                   "2025-WI"),
    ContextExample("deadline", "By Monday she had a high temperature.", "Monday", "2025-06-09"),
    ContextExample("deadline", "I didn't hear about it until Friday night.", "Friday night", "2025-06-13TNI"),
    ContextExample("period_ended", "Net rose in the year ended March 31.", "March 31", "1997-03-31", datetime.date(1998, 3, 6)),
    ContextExample("period_ending", "Sales will rise in the fiscal year ending June 30.", "June 30", "1998-06-30",
                   datetime.date(1998, 3, 6)),
    ContextExample("period_ended", "Net rose in the nine months ended Sept. 30.", "Sept. 30", "1997-09-30",
                   datetime.date(1998, 3, 6)),
    # A year-less expression joined to the one before by and/or/to takes its direction.
    ContextExample("shared_direction", "The vaccine will be ready in September or October.", "October", "2025-10"),
    ContextExample("shared_direction", "Sales fell in September and October.", "October", "2024-10"),
    # Two dates joined as a range or pair, one without its year, keep their order within a year (tagger._in_order):
    # a look ahead moves the end after the start, else the start goes back before the end.
    ContextExample("range_in_order", "Exports rose 12 percent in the January-June period.", "January", "1997-01",
                   datetime.date(1998, 3, 4)),
    ContextExample("range_in_order", "Exports rose 12 percent in the January-June period.", "June", "1997-06",
                   datetime.date(1998, 3, 4)),
    ContextExample("range_in_order", "Output grew from January to June last year.", "January", "1997-01",
                   datetime.date(1998, 3, 4)),
    ContextExample("range_in_order", "The plan will run from January to June.", "June", "1999-06", datetime.date(1998, 3, 4)),
    ContextExample("range_in_order", "Snow fell in December and January.", "December", "2024-12"),
    ContextExample("range_in_order", "He was born in March and died in June.", "March", "2025-03"),  # no pair
    ContextExample("range_in_order", "Donors to meet in March - 7 hrs ago", "March", "2010-03", datetime.date(2010, 1, 26)),
    ContextExample("since_is_past", "The carrier will stay there; it has been on patrol since March.", "March", "2025-03"),
    ContextExample("rescheduled", "The band has postponed Sunday's shows in Monterrey to July 31 because of the flu.",
                   "July 31", "2009-07-31", datetime.date(2009, 5, 14)),
    ContextExample("rescheduled", "The trial was adjourned until July 20.", "July 20", "2025-07-20"),
    ContextExample("starting_from", "Beginning Monday, the store opens at 9.", "Monday", "2025-06-16"),
    ContextExample("starting_from", "Effective Monday, prices rise.", "Monday", "2025-06-16"),
    ContextExample("starting_from", "Starting Monday, police cordoned off the area.", "Monday", "2025-06-09"),
    ContextExample("deadline", "The exhibition runs through Sunday.", "Sunday", "2025-06-15"),
    ContextExample("subordinate_present", "Are we immune to it when it comes back in the winter months?", "the winter",
                   "2025-WI"),
    ContextExample("subordinate_present", "Staff will be needed when the epidemic really hits in October.", "October",
                   "2025-10"),
    ContextExample("subordinate_present", "When the virus was found in October, schools shut.", "October", "2024-10"),
    ContextExample("subordinate_present", "When officials met in October, they agreed.", "October", "2024-10"),
    ContextExample("rescheduled", "The deadline was extended to Friday.", "Friday", "2025-06-20"),
    ContextExample("rescheduled", "He moved to Paris on October 20.", "October 20", "2024-10-20"),  # a place, not a date
    # "expected" announces a future event, but "lower-than-expected" / "better than expected" only compares.
    ContextExample("future_word", "A vote is expected on Monday.", "Monday", "2025-06-16"),
    ContextExample("future_word", "Shares fell after lower-than-expected earnings on Friday.", "Friday", "2025-06-13"),
    ContextExample("future_word", "The ministers will meet on Monday.", "Monday", "2025-06-16"),
    ContextExample("future_word", "The vote is set for Thursday.", "Thursday", "2025-06-19"),
    ContextExample("future_word", "The offer had been due to expire Friday.", "Friday", "2025-06-13"),
    # A deadline is the coming one, but a month-day of the reference month stays in it (HeidelTime).
    ContextExample("deadline", "Relatives said they would look for ways to delay the return ordered by March 18.",
                   "March 18", "2010-03-18", FRIDAY_2010),
    ContextExample("deadline", "Parliament must pass the budget by April 1.", "April 1", "2010-04-01", FRIDAY_2010),
    ContextExample("deadline", "The talks ran until March 2 and failed.", "March 2", "2010-03-02", FRIDAY_2010),
    ContextExample("deadline", "The rebels must withdraw by Tuesday.", "Tuesday", "2010-03-23", FRIDAY_2010),
    ContextExample("deadline", "Buildings flattened by Tuesday's earthquake lay in ruins.", "Tuesday", "2010-03-16",
                   FRIDAY_2010),
    # Future in the past: planned, was planning to, were to, was due to.
    ContextExample("future_in_the_past", "Protesters planned a large rally on Saturday.", "Saturday", "2010-03-20",
                   FRIDAY_2010),
    ContextExample("future_in_the_past", "They were planning to drive to the airport on Monday.", "Monday", "2010-03-22",
                   FRIDAY_2010),
    ContextExample("future_in_the_past", "The envoys were to meet in Geneva on Sunday.", "Sunday", "2010-03-21",
                   FRIDAY_2010),
    ContextExample("future_in_the_past", "The committee was due to vote on the bill in April.", "April", "2010-04",
                   FRIDAY_2010),
    ContextExample("future_in_the_past", "The attack was planned for months and carried out on Monday.", "Monday",
                   "2010-03-15", FRIDAY_2010),
    ContextExample("future_in_the_past", "The protest was held on Saturday.", "Saturday", "2010-03-13", FRIDAY_2010),
    ContextExample("future_in_the_past", "The trial was due to start on Thursday, but the jury was sent home.",
                   "Thursday", "2010-03-18", FRIDAY_2010),
    ContextExample("future_in_the_past", "The tour was due to open in London on 13 July.", "13 July", "2009-07-13",
                   datetime.date(2009, 9, 27)),
    ContextExample("prospective_verb", "The company plans to open the plant in May.", "May", "2010-05", FRIDAY_2010),
    # The present tense of a verb of scheduled events (a timetable) puts the expression ahead ...
    ContextExample("present_schedule", "The summit opens on Tuesday.", "Tuesday", "2010-03-23", FRIDAY_2010),
    ContextExample("present_schedule", "He said the talks begin Monday in Geneva.", "Monday", "2010-03-22", FRIDAY_2010),
    ContextExample("present_schedule", "The president is flying to Paris on Sunday.", "Sunday", "2010-03-21", FRIDAY_2010),
    ContextExample("present_schedule", "Parliament votes on the bill on Tuesday.", "Tuesday", "2010-03-23", FRIDAY_2010),
    ContextExample("present_schedule", "Officials say the bridge reopens in June.", "June", "2010-06", FRIDAY_2010),
    ContextExample("present_schedule", "The group, which meets on Tuesday, says it is ready.", "Tuesday", "2010-03-23",
                   FRIDAY_2010),
    # ... but not a past tense, a verb outside the list, a noun phrase in between, nor a past verb after it.
    ContextExample("present_schedule", "The talks began Monday.", "Monday", "2010-03-15", FRIDAY_2010),
    ContextExample("present_schedule", "Police are investigating an attack on Monday.", "Monday", "2010-03-15", FRIDAY_2010),
    ContextExample("present_schedule", "The visits on Tuesday were a success.", "Tuesday", "2010-03-16", FRIDAY_2010),
    ContextExample("present_schedule", "It drew 2.5 million viewers for its debut on Thursday.", "Thursday", "2010-03-18",
                   FRIDAY_2010),
    ContextExample("present_schedule", "The shop had reopened in June after the flood.", "June", "2009-06", FRIDAY_2010),
    # A clock time counts as one of the four words; a present perfect after it is no past-tense clause.
    ContextExample("present_schedule", "Doors open at 16:00 BST for Saturday's show.", "Saturday", "2010-03-20", FRIDAY_2010),
    ContextExample("present_schedule", "The bank meets on Thursday but has kept a cautious view.", "Thursday", "2010-03-25",
                   FRIDAY_2010),
    ContextExample("present_schedule", "The bank meets on Thursday, analysts noted.", "Thursday", "2010-03-18", FRIDAY_2010),
    ContextExample("present_schedule", "The rainy season begins in May, so camps cannot be placed there.", "May", "2010-05",
                   FRIDAY_2010),
    # The clause's verb after a fronted date decides its direction too ...
    ContextExample("future_verb_after", "On Monday, the ministers will meet in Geneva.", "Monday", "2010-03-22", FRIDAY_2010),
    ContextExample("future_verb_after", "Saturday's concert, which will be broadcast live, sold out.", "Saturday",
                   "2010-03-20", FRIDAY_2010),
    ContextExample("future_verb_after", "The Fed starts a meeting on Tuesday and is expected to hold rates.", "Tuesday",
                   "2010-03-23", FRIDAY_2010),
    # ... but not a future in reported speech or in a clause about someone else.
    ContextExample("future_verb_after", "On Monday officials announced the plant will close.", "Monday", "2010-03-15",
                   FRIDAY_2010),
    ContextExample("future_verb_after", "A spokesman said Thursday that the troops will remain.", "Thursday", "2010-03-18",
                   FRIDAY_2010),
    ContextExample("future_verb_after", "On Tuesday his brothers, who will sing at the concert, defended it.", "Tuesday",
                   "2010-03-16", FRIDAY_2010),
    ContextExample("future_verb_after", "On Tuesday the board met. It will vote later.", "Tuesday", "2010-03-16", FRIDAY_2010),
    # "in" + a counted duration in a future clause is the point that far ahead (the mirror of "five years ago") ...
    ContextExample("future_in_amount", "The stock would be redeemed in five years.", "five years", "1994",
                   datetime.date(1989, 11, 2)),
    ContextExample("future_in_amount", "The plant will open in two weeks.", "two weeks", "2025-06-28"),
    ContextExample("future_in_amount", "He expects to be traveling to New York in two days.", "two days", "2025-06-16"),
    # ... but not in a past clause, nor "within": those are how long something took or may take.
    ContextExample("future_in_amount", "The bridge was built in two years.", "two years", "P2Y"),
    ContextExample("future_in_amount", "Sales will double within five years.", "five years", "P5Y"),
    # "one day" right after a modal verb is some future day, not a duration.
    ContextExample("modal_one_day", "Islam will one day be the second largest religion.", "one day", "FUTURE_REF"),
    ContextExample("modal_one_day", "The talks lasted one day.", "one day", "P1D"),
    # "the quarter" / "the latest period" in a report: the completed quarter named last ...
    ContextExample("topic_quarter", "Profit fell in the third quarter of 2024. Sales in the quarter rose 5%.", "the quarter", "2024-Q3"),
    ContextExample("topic_quarter", "It posted a loss for the fourth quarter of 2024. The latest period includes gains.",
                   "The latest period", "2024-Q4"),
    # ... not one still to come, and without one, the last completed quarter.
    ContextExample("topic_quarter", "The fourth quarter will be weak. Sales in the latest quarter rose.", "the latest quarter", "2025-Q1"),
    ContextExample("topic_quarter", "Sales in the quarter rose 5%.", "the quarter", "2025-Q1"),
    # "a year ago", "the year-ago period" compare with a reported quarter, not a forecast one.
    ContextExample("reported_quarter", "Net rose in the first quarter from $5 million a year ago.", "a year ago", "2024-Q1"),
    ContextExample("reported_quarter", "Analysts see a loss in the fourth quarter. A year ago, it earned $5 million.", "A year ago", "2024"),
    ContextExample("reported_quarter", "Analysts expect losses through the third quarter of 2026. In the year-ago period, it earned $5.",
                   "the year-ago period", "2024-Q1"),
    ContextExample("reported_quarter", "Net fell in the third quarter of 2024, compared with the corresponding period last year.",
                   "the corresponding period last year", "2023-Q3"),
    # A year-less quarter or half is the reference year's, unless it has not begun and last year's ended at most a
    # quarter ago (resolve.REPORTING_LAG_DAYS): a report written in February is about last year's fourth quarter ...
    ContextExample("reported_quarter", "Profit fell 8% in the fourth quarter.", "the fourth quarter", "2012-Q4",
                   datetime.date(2013, 2, 14)),
    ContextExample("reported_quarter", "Fourth-quarter sales rose 3%.", "Fourth-quarter", "2012-Q4", datetime.date(2013, 2, 14)),
    ContextExample("reported_quarter", "Sales rose in the second half.", "the second half", "2012-H2", datetime.date(2013, 2, 14)),
    # ... but a forecast (a future cue), a quarter long past, or one already begun stays in the reference year.
    ContextExample("reported_quarter", "Profit will recover in the fourth quarter.", "the fourth quarter", "2013-Q4",
                   datetime.date(2013, 2, 14)),
    ContextExample("reported_quarter", "Analysts see a loss in the fourth quarter.", "the fourth quarter", "1990-Q4",
                   datetime.date(1990, 8, 13)),
    ContextExample("reported_quarter", "Profit fell in the first quarter.", "the first quarter", "2013-Q1",
                   datetime.date(2013, 2, 14)),
    # A half-year report compares halves; "the quarter" is still a quarter.
    ContextExample("reported_half", "Profit rose in the first half from $3 million a year earlier.", "a year earlier", "2024-H1"),
    ContextExample("reported_half", "Profit rose in the first half. In the quarter, sales fell.", "the quarter", "2025-Q1"),
    # A capitalised "May" is the month unless a word that follows the modal verb comes next (MODAL_MAY_FOLLOWERS).
    ContextExample("modal_may", "May saw a rise in cases.", "May", "2025-05"),
    ContextExample("name_today", "Prices fell. Today, traders are calmer.", "Today", "2025-06-14"),
    ContextExample("name_today", "He said: Today we vote.", "Today", "2025-06-14"),
    ContextExample("modal_may", "Prices rose in May and fell in June.", "May", "2025-05"),
    # "the last week of June" is no "last week"; "the release last year of recordings" is last year.
    ContextExample("last_unit_of", "Talks ran in the last week of June.", "the last week", None),
    ContextExample("last_unit_of", "The release last year of recordings made in Benin.", "last year", "2024"),
    # Two digits after a month and an apostrophe are its year; without the apostrophe they are a day.
    ContextExample("two_digit_year", "The enquiry of Oct '05 was answered.", "Oct '05", "2005-10"),
    ContextExample("two_digit_year", "May 09 - Japan and Australia announce their first cases.", "May 09", "2025-05-09"),
    # "the fall" is the season after a preposition of time only (else a drop or a collapse: counter-examples of "season")
    ContextExample("season_fall", "The virus may return in the fall.", "the fall", "2025-FA"),
    ContextExample("season_fall", "The plant will stay shut until the late fall.", "the late fall", "2025-FA"),
    ContextExample("season_fall", "Flu cases rose in the fall and winter.", "the fall", "2024-FA"),
    # A year-less season without a cue: the latest begun, or the next when it begins within a season (written in June:
    # the coming autumn), unless the clause before it is in the past tense; a reporting verb is no past tense.
    ContextExample("season_ahead", "A second wave of infections in the autumn could be more severe.", "the autumn",
                   "2025-FA"),
    ContextExample("season_ahead", "Experts said a second wave could come in the autumn.", "the autumn", "2025-FA"),
    ContextExample("season_ahead", "Cases peaked in the autumn.", "the autumn", "2024-FA"),
    ContextExample("season_ahead", "The team was relegated in the winter.", "the winter", "2024-WI"),
    ContextExample("season_ahead", "Shops will reopen in the winter.", "the winter", "2025-WI"),
    # A season with no article before a time noun is generic (no year); "the winter months" is a particular winter.
    ContextExample("generic_season", "Flu spreads fastest in winter months.", "winter", "XXXX-WI"),
    ContextExample("generic_season", "Cases rose during the winter months.", "the winter", "2024-WI"),
    ContextExample("generic_season", "Spread slows in summer holidays.", "summer", "XXXX-SU"),
    # A date expression never spans a line or paragraph break (tagger._master_hits).
    ContextExample("no_line_break", "It ended on the 20th\nMay brought calm.", "May", "2025-05"),
    ContextExample("no_line_break", "Prices rose in June\n\n24 analysts agreed.", "June", "2025-06"),
    ContextExample("no_line_break", "It ended on 20th May.", "20th May", "2025-05-20"),
    # A day named by its date and known by it is that day, whatever the reference date (calendars.NAMED_EVENTS) ...
    ContextExample("named_event", "It was the deadliest day since the Hamas-led October 7 attacks.", "October 7",
                   "2023-10-07"),
    ContextExample("named_event", "Relatives of 9/11 victims met on Friday.", "9/11", "2001-09-11"),
    ContextExample("named_event", "The panel on the January 6 riot heard him.", "January 6", "2021-01-06"),
    # ... but the same month and day without the event noun is an ordinary date.
    ContextExample("named_event", "On October 7, the talks resumed.", "October 7", "2024-10-07"),
    # Narrative time: "that same day", "earlier that day", "the next morning", "the day before", "two days later",
    # "that week", "the following year" count from the date the text mentioned last, not from the reference date.
    ContextExample("narrative_time", "Troops entered the city on March 3, 2009. That same day, they left.", "That same day",
                   "2009-03-03"),
    ContextExample("narrative_time", "Troops entered the city on March 3, 2009. Earlier that day, shots were fired.",
                   "Earlier that day", "2009-03-03"),
    ContextExample("narrative_time", "Troops entered the city on March 3, 2009. The next morning they left.",
                   "The next morning", "2009-03-04TMO"),
    ContextExample("narrative_time", "Troops entered the city on March 3, 2009, and scouts had come the day before.",
                   "the day before", "2009-03-02"),
    ContextExample("narrative_time", "Troops entered the city on March 3, 2009. Two days later, they left.",
                   "Two days later", "2009-03-05"),
    ContextExample("narrative_time", "Troops entered the city on March 3, 2009. Talks began that week.", "that week",
                   "2009-W10"),
    # ... but not a year alone in brackets, a label's date: "Trash Can Sinatras (1990) and February's session"
    ContextExample("narrative_time", "Tracks by The Pop Group (1979) and February's session from Nottingham.", "February",
                   "2025-02"),
    ContextExample("narrative_time", "Troops entered the city on March 3, 2009. The following year, they left.",
                   "The following year", "2010"),
    ContextExample("narrative_time", "That same day, the troops left.", "That same day", "XXXX-XX-XX"),
    ContextExample("narrative_time", "Troops entered the city on Tuesday, March 3, 2009. That Saturday they left.",
                   "That Saturday", "2009-03-07"),
    ContextExample("narrative_time", "Troops entered the city on March 3, 2009. The following Monday they left.",
                   "The following Monday", "2009-03-09"),
    ContextExample("narrative_time", "It was obvious that Tuesday's quake was a disaster.", "Tuesday", "2025-06-10"),
    # A weekday written with a year-less date picks a year the two agree in (Saturday, April 25 is 2026's, not 2025's,
    # a Friday); when no nearby year agrees, the date decides as if no weekday were written.
    ContextExample("weekday_agrees", "The vote is on Saturday, April 25.", "Saturday, April 25", "2026-04-25"),
    ContextExample("weekday_agrees", "It happened on Friday, April 25.", "Friday, April 25", "2025-04-25"),
    # A bare hour after "at" with its part of the day is a clock time ("at 11 in the morning", "by 8 tonight").
    ContextExample("clock_spelled", "The rally will start at 11 in the morning.", "11 in the morning", "2025-06-14T11:00"),
    ContextExample("clock_spelled", "Results are due by 8 tonight.", "8 tonight", "2025-06-14T20:00"),
    ContextExample("clock_spelled", "They met at half past ten.", "half past ten", "2025-06-14T10:30"),
    ContextExample("clock_spelled", "Cases rose to 15, up from 10 yesterday.", "yesterday", "2025-06-13"),  # a count
    ContextExample("clock_spelled", "When I got home at nine o'clock last night I heard.", "nine o'clock last night",
                   "2025-06-13T21:00"),
    ContextExample("clock_spelled", "The meeting on Friday ended at ten o'clock.", "ten o'clock", "2025-06-13T10:00"),
    # A clock time soon after a day written with a part of it is on that day ("on Tuesday evening at 7pm").
    ContextExample("context_day", "The rally began on Tuesday evening at 7pm.", "7pm", "2025-06-10T19:00"),
    # A named day after a year written just before is that year's ("In 1066 ... On Christmas Day"); "this Christmas" is the
    # reference year's; a capitalised preposition before it is no name ("At Easter they fled").
    ContextExample("narrative_year", "In 1066 William invaded. On Christmas Day he was crowned.", "Christmas Day", "1066-12-25"),
    ContextExample("named_day_this", "This Christmas will be different.", "This Christmas", "2025-12-25"),
    ContextExample("named_day_this", "At Easter they fled.", "Easter", "2025-04-20"),
    ContextExample("weekday_agrees", "Music recorded live in 2017. On Saturday 14 June, a new show.", "Saturday 14 June",
                   "2025-06-14"),  # the year mentioned before (2017) does not carry: its 14 June was a Wednesday
    ContextExample("weekday_agrees", "It happened on Monday, December 7.", "Monday, December 7", "2020-12-07",
                   datetime.date(2021, 1, 10)),
    ContextExample("weekday_agrees", "Talks end on Wednesday, June 11.", "Wednesday, June 11", "2025-06-11"),
    # "on the 20th": the day of the month mentioned last, else the latest 20th on or before the reference (a cue: the coming one)
    ContextExample("narrative_time", "Troops entered the city on March 3, 2009. They left on the 20th, officials said.",
                   "the 20th", "2009-03-20"),
    ContextExample("narrative_time", "The talks ended on the 20th.", "the 20th", "2025-05-20"),
    ContextExample("narrative_time", "The deal will close on the 20th.", "the 20th", "2025-06-20"),
    # "the next year" counts from the year mentioned last ("the following year"), else from the reference date
    ContextExample("narrative_time", "The plant opened in 2001. The next year, it closed.", "The next year", "2002"),
    ContextExample("narrative_time", "The next year will be hard.", "The next year", "2026"),
    ContextExample("narrative_time", "The plant opened in 2001. It may close within the next year.", "the next year", "2026"),
    ContextExample("narrative_time", "Troops entered the city on March 3, 2009. Earlier in the day, shots were fired.",
                   "the day", "2009-03-03"),
    ContextExample("narrative_time", "A second wave may strike later in the year.", "the year", "2025"),
    ContextExample("narrative_time", "Shares fell later in the day's session.", "the day", None),
    ContextExample("narrative_time", "Troops entered the city on March 3, 2009. The night before, scouts came.",
                   "The night before", "2009-03-02TNI"),
    # "two days after" ends its clause to count from the last date; before an event ("15 days after the quake")
    # the anchor is that event, so it is only the duration, as TimeML annotates it.
    ContextExample("narrative_time", "He arrived on 3 May 2009 and left two days after.", "two days after", "2009-05-05"),
    ContextExample("narrative_time", "A girl was pulled out alive 15 days after Haiti's quake.", "15 days", "P15D"),
    # A clock time with its day written ("on Thursday morning", "at 3.30 pm on Sunday") is a day to count from;
    # a bare clock time is not (it only takes the reference day).
    ContextExample("narrative_time", "She cried out on Thursday morning and, a day later, he dug her out.", "a day later",
                   "2010-03-19", FRIDAY_2010),
    ContextExample("narrative_time", "Calls began at 3.30 pm on Sunday. By 11.30 pm that night we had 88.", "that night",
                   "2010-03-14TNI", FRIDAY_2010),
    # A year-less month or month-day shortly after a date written with an earlier year, in the same paragraph,
    # takes that year (tagger.NARRATIVE_YEAR_WINDOW); "since 1980" is a span up to now, not a narrative date.
    ContextExample("narrative_year", "The UN imposed the embargo in 2007. In October it was tightened.", "October",
                   "2007-10"),
    ContextExample("narrative_year", "Profits have doubled since 1980. In September, it announced a deal.", "September",
                   "2024-09"),
    ContextExample("narrative_year", "The UN imposed the embargo in 2007.\n\nIn October it was tightened.", "October",
                   "2024-10"),
    # "this/last/next weekend" is that ISO week's weekend (HeidelTime's UNDEF-this-week-WE); "over the weekend"
    # written on a weekday is the one just past, written on a weekend day that weekend.
    ContextExample("weekend", "The band plays this weekend.", "this weekend", "2013-W11-WE", datetime.date(2013, 3, 14)),
    ContextExample("weekend", "It snowed last weekend.", "last weekend", "2013-W10-WE", datetime.date(2013, 3, 14)),
    ContextExample("weekend", "The talks resume next weekend.", "next weekend", "2013-W12-WE", datetime.date(2013, 3, 14)),
    ContextExample("weekend", "It snowed over the weekend.", "the weekend", "2013-W10-WE", datetime.date(2013, 3, 14)),
    ContextExample("weekend", "I fell ill this past weekend.", "this past weekend", "2009-W22-WE", datetime.date(2009, 6, 1)),
    ContextExample("weekend", "It snowed over the weekend.", "the weekend", "2013-W11-WE", datetime.date(2013, 3, 17)),
    # Granularity words, as TimeBank annotates them: "overnight" is the reference day's night, "tonight" too.
    ContextExample("part_of_day", "Shares fell on overnight losses in New York.", "overnight", "2025-06-14TNI"),
    ContextExample("part_of_day", "The vote is due tonight.", "tonight", "2025-06-14TNI"),
    ContextExample("part_of_day", "Troops moved in on Friday night.", "Friday night", "2025-06-13TNI"),
    ContextExample("part_of_day", "Troops entered the city on March 3, 2009, at dawn.", "dawn", "2009-03-03TMO"),
    # A live page opens each entry with its 24-hour time (tagger._live_log_stamps): three or more such line-opening
    # numbers in time order, one of them no plausible year, are times on the reference date; a chronology keeps years.
    ContextExample("live_log_stamp", "1410 Aid arrives in Jacmel.\n1249 Ports are shut.\n1122 France asks for help.", "1249",
                   "2010-01-15T12:49", datetime.date(2010, 1, 15)),
    ContextExample("live_log_stamp", "2057 The UN appeals.\n2024 Our reporter says: \"Calm.\"\n1858 A curfew is set.", "2057",
                   "2010-01-13T20:57", datetime.date(2010, 1, 13)),
    ContextExample("live_log_stamp", "1914 War breaks out.\n1918 Armistice.\n1939 War again.", "1918", "1918",
                   datetime.date(2010, 1, 13)),
    ContextExample("live_log_stamp", "1949 Ports are shut.\nThe UN appeals.", "1949", "1949", datetime.date(2010, 1, 15)),
    ContextExample("live_log_stamp", "1249 Ports are shut.\nThe UN appeals.", "1249", None, datetime.date(2010, 1, 15)),
    # A four-digit number after "at" / "shortly after" that is no plausible year (as for live logs) is a 24-hour clock.
    ContextExample("clock_after_at", "On returning shortly after 1100, he found the singer had stopped breathing.", "1100",
                   "2011-01-11T11:00", datetime.date(2011, 1, 11)),
    ContextExample("clock_after_at", "The king was crowned at 1066 Westminster Abbey.", "1066", None,  # no clock (66 min.),
                   datetime.date(2011, 1, 11)),                                                   # no old year (old_number)
    ContextExample("clock_after_at", "The king was crowned at 1966 Westminster Abbey.", "1966", "1966", datetime.date(2011, 1, 11)),
    ContextExample("clock_after_at", "Driving back in the dark around 1800 yesterday, we crossed check points.",
                   "around 1800 yesterday", "2010-01-17T18:00", datetime.date(2010, 1, 18)),
    ContextExample("clock_after_at", "The index rose to 1800 yesterday.", "1800", None, datetime.date(2010, 1, 18)),
    ContextExample("clock_after_at", "The archive has records until 1850.", "1850", "1850", datetime.date(2011, 1, 11)),
    ContextExample("clock_after_at", "The grace period was extended until 2019.", "2019", "2019", datetime.date(2015, 1, 14)),
    ContextExample("live_log_stamp", "It shook yesterday and last night.\n1250 The Red Cross says 3m are hit.\n1236 Calm.\n1210 Rain.",
                   "1250", "2010-01-14T12:50", datetime.date(2010, 1, 14)),  # the reference day, not the night before
    ContextExample("prospective_verb", "Interpol announces it is to send a team of victim-identification experts to Haiti on Monday.",
                   "Monday", "2010-01-18", datetime.date(2010, 1, 15)),
    ContextExample("shared_direction", "The groupings hoped to get relief supplies into Haiti by Thursday or Friday.", "Friday",
                   "2010-01-15", datetime.date(2010, 1, 13)),
    ContextExample("shared_direction", "Storms hit on Thursday and Friday.", "Friday", "2010-01-08", datetime.date(2010, 1, 13)),
    ContextExample("prospective_verb", "British Airways said it had a Boeing 747 standing by to fly to Haiti on Saturday.",
                   "Saturday", "2010-01-16", datetime.date(2010, 1, 15)),
    ContextExample("prospective_verb", "The mayor said the capital was likely to resume normal activities on Thursday.",
                   "Thursday", "2009-05-07", datetime.date(2009, 5, 3)),
    ContextExample("period_ended", "Stocks closed Tuesday at a record.", "Tuesday", "1998-08-11", datetime.date(1998, 8, 12)),
    ContextExample("period_ended", "The talks ended Monday.", "Monday", "1998-08-10", datetime.date(1998, 8, 10)),
    ContextExample("future_word", "The ban takes effect Saturday.", "Saturday", "1998-08-15", datetime.date(1998, 8, 12)),
    ContextExample("future_word", "The ban took effect Saturday.", "Saturday", "1998-08-08", datetime.date(1998, 8, 12)),
    ContextExample("duration_taker", "In a week, prices doubled.", "a week", "P1W"),
    ContextExample("come_date", "The virus is quiet now, but come the autumn it is likely to cause a major epidemic.",
                   "the autumn", "2009-FA", datetime.date(2009, 5, 12)),
    ContextExample("come_date", "Come September, the schools reopen.", "September", "2009-09", datetime.date(2009, 5, 12)),
    ContextExample("subordinate_present", "She will tell jurors more when she continues testifying on Tuesday.", "Tuesday",
                   "2011-10-25", datetime.date(2011, 10, 24)),
    ContextExample("ahead_of", "Organisers said 40,000 tickets have now been sold ahead of Saturday night's concert.",
                   "Saturday night", "2011-10-08TNI", datetime.date(2011, 10, 7)),
    ContextExample("ahead_of", "Troops were deployed ahead of Sunday's election.", "Sunday", "2011-10-09",
                   datetime.date(2011, 10, 7)),
    ContextExample("ahead_of", "Troops were deployed ahead of Sunday's election.", "Sunday", "2011-10-09",
                   datetime.date(2011, 10, 10)),  # written the day after: the Sunday just past
    ContextExample("future_in_the_past", "Eton College had been due to re-open on Sunday after half-term.", "Sunday",
                   "2009-05-31", datetime.date(2009, 5, 28)),
    # A simple-past verb right before "on"/"in" + a month or day a few weeks ahead: last year's (PAST_VERB_RIGHT_BEFORE).
    ContextExample("past_verb_before", "Jackson died on 25 June.", "25 June", "2009-06-25", datetime.date(2010, 6, 14)),
    ContextExample("past_verb_before", "The company said on June 20 that sales rose.", "June 20", "2009-06-20",
                   datetime.date(2010, 6, 14)),
    ContextExample("past_verb_before", "The strike ended in July.", "July", "2009-07", datetime.date(2010, 6, 14)),
    ContextExample("past_verb_before", "Talks will end on 25 June.", "25 June", "2010-06-25", datetime.date(2010, 6, 14)),
    ContextExample("past_verb_before", "The single will be released on 7 July.", "7 July", "2010-07-07", datetime.date(2010, 6, 14)),
    ContextExample("past_verb_before", "A decision is expected in July.", "July", "2010-07", datetime.date(2010, 6, 14)),
    ContextExample("past_verb_before", "The next landing slot was on 9 July.", "9 July", "2010-07-09", datetime.date(2010, 6, 14)),
    # Numeric dates are month first ("10/30/89") unless the document's others are all day first (tagger._in_document_date_order).
    ContextExample("document_date_order", "He was born on 21/07/1885 and married on 01/03/1921.", "01/03/1921", "1921-03-01"),
    ContextExample("document_date_order", "The filing of 10/30/89 is due on 01/03/90.", "01/03/90", "1990-01-03"),
    ContextExample("document_date_order", "The plan was filed on 01/03/1990.", "01/03/1990", "1990-01-03"),
    # A number before 1500 with no word of time counts, prices or clocks something; with one it is a year (OLD_YEAR_LIMIT).
    ContextExample("old_number", "The charity hopes 1000 jerrycans will reach the town.", "1000", None),
    ContextExample("old_number", "GDP per head in Haiti: 1045 USd vs. 740 USd.", "1045", None),
    ContextExample("old_number", "From Our Own Correspondent, Radio 4: Saturdays, 1130.", "1130", None),
    ContextExample("old_number", "Is a 1000 year climate forecast credible?", "1000", None),
    ContextExample("old_number", "Constantinople fell in 1453.", "1453", "1453"),
    ContextExample("old_number", "Trade grew between 1450 and 1600.", "1450", "1450"),
    ContextExample("old_number", "He was born about 1512 in Worcestershire.", "1512", "1512"),
    ContextExample("old_number", "Raids in 1100, 1215 and 1415 hit the town.", "1215", "1215"),
    ContextExample("old_number", "The battles of Hastings (1066) and Agincourt (1415).", "1066", "1066"),
    ContextExample("old_number", "All the old powers learned it, say 1300-1945 AD.", "1300-1945", "1300"),
    ContextExample("old_number", "We had a large aftershock at 1100 which lasted five minutes.", "1100", "2010-01-16T11:00",
                   datetime.date(2010, 1, 16)),
    # "Half" of a year is a half-year, of anything else (a century, a match) it is not one.
    ContextExample("half_year", "Sales will rise in the second half of this year.", "the second half of this year", "2025-H2"),
    ContextExample("half_year", "Fares rose during the first half of the 20th century.", "the 20th century", "19"),
    # A house number is no year, but a year after a preposition of time stays one.
    ContextExample("house_number", "In 1990 Main Street banks failed.", "1990", "1990"),
    ContextExample("weekday_any", "It's a Sunday in late fall.", "a Sunday", "XXXX-WXX-7"),
    ContextExample("weekday_any", "It was a Sunday's paper.", "Sunday", "2025-06-08"),
    ContextExample("quantity", "She died aged 92 in 1938.", "1938", "1938"),
    # A year with 's is that year's (a decade only when it ends in 0: "the 1960's", rule decade).
    ContextExample("possessive_year", "It was the biggest upset of 2007's election.", "2007", "2007"),
    ContextExample("possessive_year", "She starred in 2003's Love, Actually.", "2003", "2003"),
    # A typed dash "--" is a dash: the expression before it ends there.
    ContextExample("typed_dash", "The WHO raised its alert level this week--the last step before a pandemic.", "this week",
                   "2025-W24"),
    ContextExample("quantity", "Prices rose from 1998 to 2003.", "1998 to 2003", "1998"),
    # A counted duration before "of" + what filled it is still a duration: "ten years of boom", "six hours of questioning".
    ContextExample("duration_of", "After ten years of boom, they're talking about layoffs.", "ten years", "P10Y"),
    ContextExample("duration_of", "Jurors were picked after less than six hours of questioning.", "less than six hours", "PT6H"),
    # A word that takes a duration makes one of "a week" or "weeks" (DURATION_TAKER).
    ContextExample("duration_taker", "The school will close for a week.", "a week", "P1W"),
    ContextExample("duration_taker", "Cases doubled in a week.", "a week", "P1W"),
    ContextExample("duration_taker", "She spent half an hour at the gate.", "half an hour", "PT30M"),
    ContextExample("duration_taker", "He was freed within a year and a half.", "a year and a half", "P18M"),
    ContextExample("duration_taker", "Ukraine was ruled from Moscow for centuries.", "centuries", "PXC"),
    ContextExample("duration_taker", "Troops will be committed within weeks.", "weeks", "PXW"),
    ContextExample("duration_taker", "It may take months to reopen the port.", "months", "PXM"),
    ContextExample("duration_taker", "It was released after years of house arrest.", "years", "PXY"),
    # Four digits before "on" and a day are no year; after "at" a 24-hour clock on that day.
    ContextExample("clock_time", "The medication was given at 1040 on 12 June.", "1040 on 12 June", "2025-06-12T10:40"),
    ContextExample("clock_time", "He said Jackson fell asleep at about 1100.", "1100", "2025-06-14T11:00"),
    ContextExample("clock_time", "The last dose was 1040 on 12 June, hours before he died.", "12 June", "2025-06-12"),
    ContextExample("clock_time", "The law passed in 2009 on 3 March.", "3 March", "2009-03-03"),
    # Four digits before "local time" are a 24-hour clock, like before a time zone.
    ContextExample("clock_time", "The quake struck at 1653 local time on Tuesday.", "1653 local time on Tuesday",
                   "2025-06-10T16:53"),
    ContextExample("clock_time", "It struck at 1653 (2153 GMT) on Tuesday.", "1653 (2153 GMT) on Tuesday", "2025-06-10T16:53"),
    ContextExample("clock_time", "It struck at 1653 (2153 GMT).", "1653 (2153 GMT)", "2025-06-14T16:53"),
    ContextExample("clock_time", "It is broadcast from 1410 to 1430 GMT.", "1410", "2025-06-14T14:10"),
    ContextExample("clock_time", "At 1209 a.m. on 13 January he tweeted.", "1209 a.m. on 13 January", "2025-01-13T00:09"),
    ContextExample("clock_time", "At 00:45 am on 21 Jan 2010, Alice wrote:", "00:45 am on 21 Jan 2010", "2010-01-21T00:45"),
    ContextExample("clock_time", "At 13:30 pm on 21 Jan 2010, Alice wrote:", "13:30 pm on 21 Jan 2010", "2010-01-21T13:30"),
]
