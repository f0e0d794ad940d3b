"""The tagger on the four seed articles: what an analyst must see for known sentences."""
import datetime
from pathlib import Path

import pytest

from extract.timex import Timex, tag

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REFERENCE_DATES = {"000": datetime.date(2025, 6, 26), "001": datetime.date(2025, 6, 15),
                   "002": datetime.date(2025, 6, 14), "004": datetime.date(2025, 6, 24)}
Day = datetime.date


def seed_text(key: str) -> str:
    (path,) = SEEDS.glob(f"{key}_*.txt")
    return path.read_text(encoding="utf-8")


def timexes_in(key: str, snippet: str, expression: str) -> list[Timex]:
    """The timexes overlapping `expression` where it occurs inside the first `snippet` of seed `key`."""
    text = seed_text(key)
    snippet_start = text.index(snippet)
    start = snippet_start + snippet.index(expression)
    end = start + len(expression)
    return [t for t in tag(text, REFERENCE_DATES[key]) if t.start < end and start < t.end]


# (seed, snippet, expression inside it, value, grain)
POINT_EXPECTATIONS = [
    ("000", "2007 UN Security Council embargo", "2007", "2007", "year"),
    ("000", "expired in October 2020", "October 2020", "2020-10", "month"),
    ("002", "its 2007 invitation to join the Collective Security Treaty Organisation", "2007", "2007", "year"),
    ("002", "destroyed by the Israeli Air Force in October", "October", "2024-10", "month"),
    ("002", "launched on Friday", "Friday", "2025-06-13", "day"),
    ("000", "on June 24", "June 24", "2025-06-24", "day"),
    ("004", "Formally signed in January", "January", "2025-01", "month"),
    ("004", "only five months ago", "five months ago", "2025-01", "month"),
    ("000", "on June 22, at 4 AM", "June 22", "2025-06-22", "day"),
    ("000", "July 2022 assertion", "July 2022", "2022-07", "month"),
    ("001", "15 June, 19:14", "15 June", "2025-06-15", "day"),
    ("001", "April 2024", "April 2024", "2024-04", "month"),
    ("000", "1941 Operation Barbarossa", "1941", "1941", "year"),
    ("004", "Armenia (2020, 2023)", "2020", "2020", "year"),
    ("004", "Armenia (2020, 2023)", "2023", "2023", "year"),
    ("002", "At the end of 2023", "2023", "2023", "year"),
    ("002", "the Hamas-led October 7 attacks", "October 7", "2023-10-07", "day"),
]


@pytest.mark.parametrize("key, snippet, expression, value, grain", POINT_EXPECTATIONS,
                         ids=[f"{e[0]}:{e[2]}" for e in POINT_EXPECTATIONS])
def test_seed_expression_resolves_to_expected_value_and_grain(key, snippet, expression, value, grain):
    (found,) = timexes_in(key, snippet, expression)
    assert (found.value, found.grain) == (value, grain)
    assert found.interval_start is not None and found.interval_end is not None


def test_four_am_after_june_22_is_a_time_on_that_day():
    (found,) = timexes_in("000", "on June 22, at 4 AM", "4 AM")
    assert (found.type, found.value) == ("TIME", "2025-06-22T04:00")


def test_time_next_to_dateline_day_is_on_that_day():
    (found,) = timexes_in("001", "15 June, 19:14", "19:14")
    assert found.value == "2025-06-15T19:14"


def test_end_of_2023_interval_lies_in_late_2023():
    (found,) = timexes_in("002", "At the end of 2023", "end of 2023")
    assert Day(2023, 6, 1) <= found.interval_start < found.interval_end == Day(2024, 1, 1)


def test_2022_and_2023_together_cover_both_years():
    found = timexes_in("002", "in 2022 and 2023", "2022 and 2023")
    assert min(t.interval_start for t in found) == Day(2022, 1, 1)
    assert max(t.interval_end for t in found) == Day(2024, 1, 1)


def test_since_2022_runs_from_2022_to_the_reference_date():
    (found,) = timexes_in("000", "since 2022", "2022")
    assert (found.interval_start, found.interval_end) == (Day(2022, 1, 1), REFERENCE_DATES["000"])
    assert (found.value, found.rule) == ("2022", "year_since")


def test_dash_year_range_is_one_expression_covering_all_years():
    (found,) = timexes_in("001", "2022–2024", "2022–2024")
    assert (found.interval_start, found.interval_end) == (Day(2022, 1, 1), Day(2025, 1, 1))
    assert "range" in found.rule


def test_some_2500_years_ago_is_not_a_timeline_point():
    (found,) = timexes_in("000", "some 2500 years ago", "2500 years ago")
    assert found.interval_start is None and found.grain == "unknown"


@pytest.mark.parametrize("key", sorted(REFERENCE_DATES))
def test_seed_timexes_are_sorted_non_overlapping_and_quote_the_text(key):
    text = seed_text(key)
    found = tag(text, REFERENCE_DATES[key])
    assert found, f"no timex in seed {key}"
    assert all(t.text == text[t.start:t.end] for t in found)
    assert all(earlier.end <= later.start for earlier, later in zip(found, found[1:]))
