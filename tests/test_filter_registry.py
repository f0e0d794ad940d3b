"""One registry of filters (`desk.filters.FILTERS`): every entry reaches the sidebar, the URL (both ways), the reset
button, the export CLI's flags and `--help`, the description and the README. Adding a filter = one entry + its test."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from desk.export.cli import _argument_parser, build_filters
from desk.filters import (
    FILTERS,
    DayFilter,
    Filters,
    ValuesFilter,
    apply_event_filters,
    apply_filters,
    describe_filters,
    filters_from_query_params,
    filters_to_query_params,
)
from desk.query import StatementStore
from desk.ui.sidebar import WIDGET_KEYS

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "app.py"
README = (REPO / "README.md").read_text(encoding="utf-8")

pytestmark = pytest.mark.usefixtures("navigation_app")


def _ids(definition) -> str:
    return definition.field


def _value_in(definition, statements: pd.DataFrame):
    """A non-default value of `definition` that the data holds (its example, unless that is not in the data)."""
    if isinstance(definition, ValuesFilter) and definition.vocabulary is None:
        return (definition.known_values(statements)[0],)
    return definition.example


def _cli_arguments(definition, value) -> list[str]:
    if isinstance(value, tuple):
        return [part for item in value for part in (definition.cli_flag, item)]
    return [definition.cli_flag, value.isoformat() if hasattr(value, "isoformat") else str(value)]


def _widget(app: AppTest, definition):
    finder = {"multiselect": app.multiselect, "day": app.date_input, "text": app.text_input,
              "select": app.selectbox}[definition.widget]
    return finder(key=WIDGET_KEYS[definition.field])


def test_every_entry_has_distinct_keys_flags_and_a_non_default_example():
    for attribute in ("field", "url_key", "cli_flag", "label"):
        values = [getattr(definition, attribute) for definition in FILTERS]
        assert len(set(values)) == len(values), f"two filters share a {attribute}"
    for definition in FILTERS:
        assert definition.example != definition.default, definition.field
        assert definition.cli_flag.startswith("--")


@pytest.mark.parametrize("definition", FILTERS, ids=_ids)
def test_entry_survives_the_trip_through_the_url(definition):
    chosen = Filters(**{definition.field: definition.example})
    params = filters_to_query_params(chosen)
    assert definition.url_key in params
    assert filters_from_query_params(params) == (chosen, [])


@pytest.mark.parametrize("definition", FILTERS, ids=_ids)
def test_entry_is_a_flag_of_the_export_command_and_in_its_help(definition, synthetic_frames, synthetic_data_dir):
    statements, _ = synthetic_frames
    value = _value_in(definition, statements)
    parser = _argument_parser()
    assert definition.cli_flag in parser.format_help()
    options = parser.parse_args(_cli_arguments(definition, value))
    flags = {entry.field: entry.from_cli(getattr(options, entry.field)) for entry in FILTERS}
    store = StatementStore(synthetic_data_dir / "statements.parquet")
    assert getattr(build_filters("", flags, store), definition.field) == value


@pytest.mark.parametrize("definition", [entry for entry in FILTERS if entry.applies_to == "events"], ids=_ids)
def test_event_entry_is_described_and_restricts_the_events_not_the_statements(definition, synthetic_frames):
    from tests.support.event_factory import design_card_events, evidence_statements

    events = design_card_events()
    statements = evidence_statements(events)
    everything = Filters(kinds=())
    chosen = replace(everything, **{definition.field: definition.example})
    assert describe_filters(chosen) != describe_filters(everything)
    assert apply_filters(statements, chosen).equals(apply_filters(statements, everything))
    kept = apply_event_filters(events, statements, chosen)
    assert 0 < len(kept) < len(events), f"{definition.field}: the example should keep some events, not all"


@pytest.mark.parametrize("definition", [entry for entry in FILTERS if entry.applies_to == "statements"], ids=_ids)
def test_entry_is_described_and_restricts_the_statements(definition, synthetic_frames):
    statements, _ = synthetic_frames
    everything = Filters(kinds=())
    chosen = replace(everything, **{definition.field: _value_in(definition, statements)})
    assert describe_filters(chosen) != describe_filters(everything)
    kept = apply_filters(statements, chosen)
    assert 0 < len(kept) < len(statements), f"{definition.field}: the example should keep some statements, not all"


@pytest.mark.parametrize("definition", FILTERS, ids=_ids)
def test_entry_is_documented_in_the_readme(definition):
    link_keys = re.search(r"Link keys: `([^`]*)` \(filters\)", README)
    assert link_keys and definition.url_key in link_keys.group(1).split()
    assert f"`{definition.cli_flag}`" in README


def test_every_entry_has_a_sidebar_widget_that_writes_the_link_and_reset_clears_them(app_on_synthetic, synthetic_frames):
    statements, _ = synthetic_frames
    app = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not app.exception
    chosen = {}
    for definition in FILTERS:
        value = _value_in(definition, statements)
        if isinstance(definition, DayFilter):  # a range that keeps statements: both ends from the examples
            value = definition.example
        chosen[definition.field] = value
        _widget(app, definition).set_value(definition.to_widget(value))
    app.run()
    assert not app.exception
    expected = filters_to_query_params(Filters(**chosen))
    for definition in FILTERS:
        encoded = expected[definition.url_key]
        assert app.query_params[definition.url_key] == (encoded[0] if isinstance(encoded, list) and len(encoded) == 1
                                                        else encoded), definition.field
    app.button(key="filter_reset").click().run()
    assert app.query_params == {}
    for definition in FILTERS:
        assert _widget(app, definition).value == definition.to_widget(definition.default), definition.field
