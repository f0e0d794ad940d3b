"""Behaviour of tagging + resolution: reference dates, cues, ranges, durations, intervals."""
import datetime
import re

import pytest

from extract.schema import GRAINS
from extract.timex import tag, tag_spans
from extract.timex.resolve import Draft, grain_of, interval_of, resolve_draft

SATURDAY = datetime.date(2025, 6, 14)
Day = datetime.date


def only(text: str, reference_date=SATURDAY):
    found = tag(text, reference_date)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


def test_friday_written_on_saturday_resolves_to_the_day_before():
    assert only("Operation Rising Lion, launched on Friday.").value == "2025-06-13"


def test_month_without_year_is_the_latest_one_before_the_reference_date():
    assert only("It was destroyed in October.").value == "2024-10"


def test_month_day_written_two_days_later_is_this_year():
    assert only("Strikes on June 24 hit the site.", Day(2025, 6, 26)).value == "2025-06-24"


def test_future_cue_moves_a_weekday_forward():
    assert only("The ministers will meet on Monday.").value == "2025-06-16"


def test_past_tense_keeps_a_weekday_in_the_past_despite_due():
    assert only("The offer had been due to expire Friday.").value == "2025-06-13"


def test_last_weekday_on_that_weekday_is_a_week_earlier():
    assert only("He resigned last Saturday.").value == "2025-06-07"


@pytest.mark.parametrize("text", ["It launched on Friday.", "They met last year.", "It happened in October.",
                                  "He spoke yesterday.", "Prices rose this week."])
def test_relative_expression_without_reference_date_is_kept_unresolved(text):
    found = only(text, None)
    assert found.grain == "unknown" and found.interval_start is None and found.interval_end is None
    assert "X" in found.value


def test_absolute_expression_resolves_without_reference_date():
    found = only("The embargo expired on October 18, 2020.", None)
    assert (found.value, found.grain, found.interval_start) == ("2020-10-18", "day", Day(2020, 10, 18))


def test_durations_and_sets_are_tagged_but_not_timeline_points():
    found = tag("Talks lasted three years and resumed every month.", SATURDAY)
    assert [(t.type, t.value) for t in found] == [("DURATION", "P3Y"), ("SET", "P1M")]
    assert all(t.interval_start is None and t.grain == "unknown" for t in found)


def test_day_range_covers_both_ends():
    found = only("Israel struck Iran on June 13–24.", Day(2025, 6, 26))
    assert (found.interval_start, found.interval_end) == (Day(2025, 6, 13), Day(2025, 6, 25))


def test_since_extends_interval_to_the_reference_date():
    found = only("Prices have risen since October 2020.")
    assert (found.value, found.interval_start, found.interval_end) == ("2020-10", Day(2020, 10, 1), SATURDAY)


def test_the_weekend_on_a_monday_is_the_one_just_past():
    assert only("Protests grew over the weekend.", Day(2025, 6, 16)).value == "2025-W24-WE"


def test_last_week_is_an_iso_week():
    found = only("Talks broke down last week.")
    assert (found.value, found.grain, found.interval_start) == ("2025-W23", "week", Day(2025, 6, 2))


def test_a_year_earlier_after_a_quarter_is_that_quarter_a_year_back():
    found = tag("Profit rose in the third quarter from $5 million a year earlier.", Day(1989, 10, 26))
    assert [t.value for t in found] == ["1989-Q3", "1988-Q3"]


def test_decade_and_century_have_their_grains():
    assert [(t.value, t.grain) for t in tag("In the 1990s, as in the 20th century.", SATURDAY)] == [
        ("199", "decade"), ("19", "century")]


def test_time_of_day_has_a_datetime_interval():
    found = only("The strike began at 4 AM.")
    assert found.interval_start == datetime.datetime(2025, 6, 14, 4, 0)
    assert found.interval_end == datetime.datetime(2025, 6, 14, 5, 0)


def test_impossible_calendar_date_is_kept_without_an_interval():
    found = only("It was dated February 30, 2024.")
    assert found.grain == "unknown" and found.interval_start is None and found.text == "February 30, 2024"


@pytest.mark.parametrize("text", ["", "   ", "No dates here at all.", "$1988 and 2,007 people", "S-300 and T-90 tanks",
                                  "ü" * 50 + " 1999", "Year 99999999999 and 12:99 and 31/31/31",
                                  "1,000,000 days ago", "999 centuries ago", "Sunday, February 30th, 2023"])
def test_odd_text_never_raises_and_spans_are_valid(text):
    for start, end, value, type_ in tag_spans(text, SATURDAY):
        assert 0 <= start < end <= len(text) and value and type_ in ("DATE", "TIME", "DURATION", "SET")


def test_every_grain_produced_on_mixed_text_is_a_schema_grain():
    text = ("Yesterday, this week, in March, on June 3, in 2021, in the third quarter, this summer, in the 1990s, "
            "in the 20th century, at 5 p.m., now, three years.")
    assert {t.grain for t in tag(text, SATURDAY)} <= set(GRAINS)


@pytest.mark.parametrize("value, grain, start, end", [
    ("2025-06-13", "day", Day(2025, 6, 13), Day(2025, 6, 14)),
    ("2024-10", "month", Day(2024, 10, 1), Day(2024, 11, 1)),
    ("2025-W24", "week", Day(2025, 6, 9), Day(2025, 6, 16)),
    ("2025-Q4", "quarter", Day(2025, 10, 1), Day(2026, 1, 1)),
    ("2024-WI", "season", Day(2024, 12, 1), Day(2025, 3, 1)),
    ("199", "decade", Day(1990, 1, 1), Day(2000, 1, 1)),
])
def test_value_has_grain_and_half_open_interval(value, grain, start, end):
    assert grain_of(value) == grain and interval_of(value) == (start, end)


def test_offset_draft_without_reference_date_is_unknown():
    assert resolve_draft(Draft(unit="year", shift=-1), None).value == "XXXX"


@pytest.mark.parametrize("text", ["In May, talks began.", "Talks began. May was quiet.", "Since May prices rose."])
def test_month_may_after_a_sentence_word_or_preposition_is_a_month(text):
    assert only(text).value == "2025-05"


def test_surname_may_is_not_a_month():
    assert tag("Prime Minister Theresa May said so in June.", SATURDAY)[0].text == "June"


def test_trigger_search_finds_the_same_hits_as_a_full_scan_of_each_line_with_the_master_pattern():
    from pathlib import Path

    from extract.timex.tagger import MASTER, _master_hits
    texts = [path.read_text(encoding="utf-8") for path in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))]
    texts.append("The 1990s, the '80s, the comparable year-ago quarter, more than two thousand years ago, a a a a a a 1999.")
    texts.append("It ended on the 20th\nMay was calm; prices rose in June\n\n24 analysts said so on 3 May\n2024.")
    for text in texts:
        lines = [line for line in re.finditer(r"[^\n]+", text)]
        full_scan = [m.span() for line in lines for m in MASTER.finditer(text, line.start(), line.end())]
        assert [m.span() for m in _master_hits(text)] == full_scan


def test_reference_given_as_timestamp_behaves_like_its_day():
    import pandas as pd
    assert only("It launched on Friday.", pd.Timestamp("2025-06-14 18:30")).value == "2025-06-13"


def test_later_and_following_count_from_the_date_just_mentioned():
    text = "Germany invaded on June 22, 1941. Two days later, Minsk fell. The following year, the siege went on."
    assert [t.value for t in tag(text, SATURDAY)] == ["1941-06-22", "1941-06-24", "1942"]


def test_that_day_needs_a_day_mention_not_a_year_mention():
    text = "Minsk fell on June 28, 1941. The following year was hard. That day was cold."
    assert [t.value for t in tag(text, SATURDAY)] == ["1941-06-28", "1942", "1941-06-28"]


def test_a_year_earlier_as_a_comparison_does_not_become_the_new_topic():
    text = "Profit rose in the third quarter from a year earlier. Sales were flat a year earlier."
    assert [t.value for t in tag(text, Day(1989, 10, 26))] == ["1989-Q3", "1988-Q3", "1988-Q3"]


@pytest.mark.parametrize("text, first_value", [("from March to June 2024", "2024-03"), ("in May and June 2019", "2019-05"),
                                                ("June 13 - July 2, 2020", "2020-06-13")])
def test_yearless_start_of_a_range_takes_the_written_year_of_its_end(text, first_value):
    assert tag(text, SATURDAY)[0].value == first_value


def test_range_across_a_year_end_keeps_the_news_default_year_for_its_start():
    assert [t.value for t in tag("from December to March 2025", SATURDAY)] == ["2024-12", "2025-03"]


def test_weekday_before_a_dated_month_is_not_given_that_year():
    assert tag("on Friday and in June 2019", SATURDAY)[0].value == "2025-06-13"


FUZZ_WORDS = ("the this last next past coming previous following latest current early late mid- end of since until by from "
              "to and ago earlier later before after year years month weeks weekend day days quarter half decade century "
              "hour minutes period fiscal FY Q1 H1 now today yesterday tomorrow tonight morning night noon midnight p.m. "
              "AM EST every each that same will had , . – - / 's '80s 1990s 1999 2025 12 31 0 99 1,000 13:45 25:61 "
              "2024-02-30 13/13/2024 31.12.2024 9999 June Sept. Friday summer fall nineteen ninety-six a few several "
              "three twentieth fourth on 20th 31st Passover Hanukkah Yom Kippur Lunar New Year December 9am afternoon "
              "two thousand").split()


@pytest.mark.parametrize("reference_date", [SATURDAY, None, Day(1, 1, 1), Day(9999, 12, 31)])
def test_random_word_salad_never_raises_and_keeps_the_timex_invariants(reference_date):
    import random
    randomness = random.Random(20250614)
    for _ in range(1500):
        text = " ".join(randomness.choices(FUZZ_WORDS, k=randomness.randint(1, 8)))
        found = tag(text, reference_date)
        assert all(t.text == text[t.start:t.end] and t.start < t.end for t in found), text
        assert all(earlier.end <= later.start for earlier, later in zip(found, found[1:])), text
        assert all(t.grain in GRAINS for t in found), text
        assert all((t.interval_start is None) == (t.interval_end is None) for t in found), text
        assert all(t.interval_start is None or t.interval_start < t.interval_end for t in found), text


# --- the two phases: find (no reference date) then resolve ------------------------------------------
def test_find_needs_no_reference_date_and_gives_full_values_only_for_dates_written_in_full():
    from extract.timex import find
    text = "Kyiv, 3 May 2024. Troops moved on Friday, last year and after the March 2023 talks."
    drafts = find(text)
    assert [(d.text, d.value, d.type, d.rule) for d in drafts] == [
        ("3 May 2024", "2024-05-03", "DATE", "month_day_year"), ("Friday", "XXXX-WXX-5", "DATE", "weekday"),
        ("last year", "XXXX", "DATE", "relative_unit"), ("March 2023", "2023-03", "DATE", "month_year")]
    assert all(d.text == text[d.start:d.end] for d in drafts)


@pytest.mark.parametrize("reference_date", [SATURDAY, None, Day(1989, 10, 26)])
def test_tag_is_resolve_of_find_on_every_seed(reference_date):
    from pathlib import Path

    from extract.timex import find, resolve
    for path in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert resolve(find(text), reference_date) == tag(text, reference_date)


def test_one_find_resolves_against_several_reference_dates():
    from extract.timex import find, resolve
    drafts = find("It launched on Friday.")
    assert [resolve(drafts, day)[0].value for day in (SATURDAY, Day(2025, 6, 21))] == ["2025-06-13", "2025-06-20"]


def test_resolve_resolves_each_draft_exactly_once(monkeypatch):
    from extract.timex import find, resolve
    from extract.timex import tagger
    drafts = find("Germany invaded on June 22, 1941. Two days later, Minsk fell. From March to June 2024 it rained.")
    calls = []
    real = tagger.resolve_draft
    monkeypatch.setattr(tagger, "resolve_draft", lambda *args: calls.append(args) or real(*args))
    assert [t.value for t in resolve(drafts, SATURDAY)] == ["1941-06-22", "1941-06-24", "2024-03", "2024-06"]
    assert len(calls) == len(drafts)
