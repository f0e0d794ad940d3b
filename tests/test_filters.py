"""The shared filters: what they keep, how they travel in the URL, and how bad links are reported."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from desk.filters import (
    Filters,
    apply_filters,
    describe_filters,
    filename_for_filters,
    filters_from_query_params,
    filters_to_query_params,
    restrict_to_known,
)
from tests.support.rows import statement_row, statements_of


def _row(statement_id: str, *, countries=(), mentioned_only=(), **columns) -> dict:
    return statement_row(statement_id, countries=countries, country_mentions=[*countries, *mentioned_only], **columns)


@pytest.fixture
def small_frame() -> pd.DataFrame:
    return statements_of(*[
        _row("iran_day", countries=["Iran"], actors=["Putin"], start="2025-06-13", end="2025-06-14"),
        _row("both", countries=["Iran", "Israel"], start="2025-06-20", end="2025-06-21", doc_id="doc_b"),
        _row("israel_month", countries=["Israel"], start="2024-10-01", end="2024-11-01", grain="month"),
        _row("russia_reference", countries=["Russia"], start="2007-01-01", end="2008-01-01", grain="year", kind="reference"),
        _row("undated", countries=["Iran"], grain="unknown", sentence="Now (finally) the TALKS began."),
    ])


def _ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["statement_id"])


def test_country_filter_keeps_statements_naming_any_chosen_country(small_frame):
    assert _ids(apply_filters(small_frame, Filters(countries=("Israel",)))) == {"both", "israel_month"}


def test_statement_naming_two_countries_matches_either_of_them(small_frame):
    assert "both" in _ids(apply_filters(small_frame, Filters(countries=("Iran",))))
    assert "both" in _ids(apply_filters(small_frame, Filters(countries=("Israel",))))


def test_country_filter_keeps_parties_and_the_any_mention_filter_also_passing_mentions():
    frame = statements_of(
        _row("strikes", countries=["United States", "Iran"], mentioned_only=["Germany"], start="2025-06-22",
             end="2025-06-23", sentence="The US struck Iran on June 22, the anniversary of Germany's 1941 attack."),
        _row("berlin", countries=["Germany"], start="2025-06-20", end="2025-06-21"),
    )
    assert _ids(apply_filters(frame, Filters(countries=("Germany",)))) == {"berlin"}
    assert _ids(apply_filters(frame, Filters(mentioned_countries=("Germany",)))) == {"strikes", "berlin"}
    from_link, warnings = filters_from_query_params({"mention": ["Germany"]})
    assert (from_link.mentioned_countries, warnings) == (("Germany",), [])
    assert describe_filters(from_link) == "Country mentioned: Germany · Kind: event"


def test_filters_of_different_kinds_combine_with_and(small_frame):
    chosen = Filters(countries=("Iran",), actors=("Putin",))
    assert _ids(apply_filters(small_frame, chosen)) == {"iran_day"}


def test_default_filters_keep_only_events_and_empty_kinds_keep_everything(small_frame):
    assert "russia_reference" not in _ids(apply_filters(small_frame, Filters()))
    assert _ids(apply_filters(small_frame, Filters(kinds=()))) == _ids(small_frame)


def test_date_filter_keeps_a_month_that_overlaps_the_range(small_frame):
    inside_october = Filters(date_from=date(2024, 10, 15), date_to=date(2024, 10, 20))
    assert _ids(apply_filters(small_frame, inside_october)) == {"israel_month"}


def test_date_range_ends_are_inclusive_days(small_frame):
    assert _ids(apply_filters(small_frame, Filters(date_from=date(2025, 6, 13), date_to=date(2025, 6, 13)))) == {"iran_day"}
    assert _ids(apply_filters(small_frame, Filters(date_from=date(2025, 6, 14), date_to=date(2025, 6, 19)))) == set()


def test_undated_statements_are_kept_unless_a_date_filter_is_set(small_frame):
    assert "undated" in _ids(apply_filters(small_frame, Filters()))
    assert "undated" not in _ids(apply_filters(small_frame, Filters(date_from=date(2000, 1, 1))))


def test_text_filter_is_case_insensitive_and_literal(small_frame):
    assert _ids(apply_filters(small_frame, Filters(text="talks"))) == {"undated"}
    assert _ids(apply_filters(small_frame, Filters(text="(finally)"))) == {"undated"}


def test_source_and_grain_filters(small_frame):
    assert _ids(apply_filters(small_frame, Filters(sources=("doc_b",)))) == {"both"}
    assert _ids(apply_filters(small_frame, Filters(grains=("month",)))) == {"israel_month"}


@pytest.mark.parametrize("filters", [
    Filters(),
    Filters(countries=("Iran", "Israel"), actors=("Vladimir Putin",), sources=("doc_a",)),
    Filters(date_from=date(2025, 6, 13), date_to=date(2025, 6, 24), grains=("day", "hour"), text="air defence"),
    Filters(kinds=()),
    Filters(kinds=("event", "reference")),
])
def test_filters_survive_the_trip_through_the_url(filters):
    encoded = filters_to_query_params(filters)
    decoded, warnings = filters_from_query_params(encoded)
    assert decoded == filters and warnings == []


def test_default_filters_make_an_empty_url():
    assert filters_to_query_params(Filters()) == {}


def test_garbled_link_values_are_ignored_with_a_warning_each():
    filters, warnings = filters_from_query_params({"from": "june", "grain": ["day", "fortnight"], "kind": "rumour",
                                                   "colour": "red", "country": "Iran"})
    assert filters == Filters(countries=("Iran",), grains=("day",))
    assert len(warnings) == 4
    assert any("june" in warning for warning in warnings)
    assert any("fortnight" in warning for warning in warnings)
    assert any("rumour" in warning for warning in warnings)
    assert any("colour" in warning for warning in warnings)


def test_from_after_to_is_swapped_and_reported():
    filters, warnings = filters_from_query_params({"from": "2025-06-24", "to": "2025-06-13"})
    assert (filters.date_from, filters.date_to) == (date(2025, 6, 13), date(2025, 6, 24))
    assert len(warnings) == 1


def test_values_absent_from_the_data_are_dropped_with_a_warning(small_frame):
    filters, warnings = restrict_to_known(Filters(countries=("Iran", "Atlantis"), actors=("Nobody",)), small_frame)
    assert filters.countries == ("Iran",) and filters.actors == ()
    assert any("Atlantis" in warning for warning in warnings) and any("Nobody" in warning for warning in warnings)


def test_description_is_one_readable_line():
    text = describe_filters(Filters(countries=("Iran",), sources=("doc_a",), date_from=date(2025, 6, 13),
                                    date_to=date(2025, 6, 24), text="strike"), {"doc_a": "Kyiv Post"})
    assert text == "Country: Iran · Source: Kyiv Post · Dates: 13 Jun 2025 – 24 Jun 2025 · Kind: event · Text: “strike”"
    assert "\n" not in text


def test_file_name_names_the_filters_with_safe_characters():
    name = filename_for_filters(Filters(countries=("United States",), date_from=date(2025, 6, 13), text="a/b"))
    assert name == "timeline_United-States_2025-06-13_a-b"
