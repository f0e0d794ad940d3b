"""The shared sidebar: filter widgets that start from the URL and write their state back to it.

The URL (st.query_params) is the bookmarkable copy of the filters; widget state is the live copy.
On a session's first run the widgets are filled from the URL (bad values ignored with a warning);
afterwards every run writes the widgets' state back to the URL.

>>> WIDGET_KEYS["countries"]
'filter_countries'
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from desk.filters import (
    FILTER_PARAM_KEYS,
    PAGE_PARAM_KEYS,
    Filters,
    filters_from_query_params,
    filters_to_query_params,
    restrict_to_known,
)
from desk.labels import source_labels
from extract.schema import EARLIEST_DATE, GRAINS, KINDS, LATEST_DATE

WIDGET_KEYS = {field: f"filter_{field}" for field in
               ("countries", "actors", "sources", "date_from", "date_to", "grains", "kinds", "text")}
_INITIALISED = "_filters_initialised"
_URL_WARNINGS = "_filters_url_warnings"
EARLIEST_DAY, LATEST_DAY = EARLIEST_DATE, LATEST_DATE  # the schema's whole calendar, years 1-9999


def current_query_params() -> dict[str, list[str]]:
    """st.query_params as a plain dict of value lists. Example: `{"country": ["Iran", "Israel"]}`."""
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def _put_in_widgets(filters: Filters) -> None:
    for field, key in WIDGET_KEYS.items():
        value = getattr(filters, field)
        st.session_state[key] = list(value) if isinstance(value, tuple) else value


def _reset_filters() -> None:
    _put_in_widgets(Filters())
    st.session_state[_URL_WARNINGS] = (Filters(), [])


def _initialise_from_url(statements: pd.DataFrame) -> None:
    if st.session_state.get(_INITIALISED):
        return
    filters, warnings = filters_from_query_params(current_query_params())
    filters, unknown = restrict_to_known(filters, statements)
    _put_in_widgets(filters)
    st.session_state[_URL_WARNINGS] = (filters, warnings + unknown)  # shown while the link's filters are unchanged
    st.session_state[_INITIALISED] = True


def write_query_params(wanted: dict[str, str | list[str]], managed_keys: tuple[str, ...]) -> None:
    """Make st.query_params hold exactly `wanted` for `managed_keys` (others untouched); no write when already equal.

    Example: `write_query_params({"doc": "002"}, ("doc",))` sets ?doc=002; `write_query_params({}, ("doc",))` removes it.
    """
    for key in managed_keys:
        if key in wanted:
            value = wanted[key]
            as_list = [value] if isinstance(value, str) else list(value)
            if st.query_params.get_all(key) != as_list:
                st.query_params[key] = value
        elif key in st.query_params:
            del st.query_params[key]


def _drop_unknown_params() -> None:
    for key in list(st.query_params.keys()):
        if key not in FILTER_PARAM_KEYS + PAGE_PARAM_KEYS:
            del st.query_params[key]


def render_sidebar_filters(statements: pd.DataFrame) -> Filters:
    """Draw the filter widgets in the sidebar and return the chosen Filters (also written to the URL).

    Example (app.py): `render_sidebar_filters(statements)` -> Filters(countries=('Iran',), ...).
    """
    _initialise_from_url(statements)
    labels = source_labels(statements)
    countries = sorted({name for names in statements["countries"] for name in names})
    actors = sorted({name for names in statements["actors"] for name in names})
    with st.sidebar:
        st.header("Filters")
        from_link, warnings = st.session_state.get(_URL_WARNINGS, (None, []))
        if from_link == filters_from_widgets():
            for warning in warnings:
                st.warning(warning)
        st.text_input("Text in the sentence", key=WIDGET_KEYS["text"], placeholder="e.g. air defence")
        st.multiselect("Country", countries, key=WIDGET_KEYS["countries"], placeholder="All countries")
        st.multiselect("Actor", actors, key=WIDGET_KEYS["actors"], placeholder="All actors")
        st.multiselect("Source", sorted(labels, key=lambda doc_id: labels[doc_id].lower()), key=WIDGET_KEYS["sources"],
                       format_func=lambda doc_id: labels.get(doc_id, doc_id), placeholder="All sources")
        left, right = st.columns(2)
        left.date_input("From", key=WIDGET_KEYS["date_from"], min_value=EARLIEST_DAY, max_value=LATEST_DAY,
                        format="YYYY-MM-DD")
        right.date_input("To", key=WIDGET_KEYS["date_to"], min_value=EARLIEST_DAY, max_value=LATEST_DAY,
                         format="YYYY-MM-DD")
        st.multiselect("Date precision (grain)", list(GRAINS), key=WIDGET_KEYS["grains"], placeholder="All grains")
        st.multiselect("Kind", list(KINDS), key=WIDGET_KEYS["kinds"], placeholder="All kinds",
                       help="event: something that happened on that date; reference: a date mentioned in passing; "
                            "dateline: the article's own date line. Empty = all kinds.")
        st.button("Reset filters", key="filter_reset", on_click=_reset_filters, width="stretch")
    filters = filters_from_widgets()
    _drop_unknown_params()
    write_query_params(filters_to_query_params(filters), FILTER_PARAM_KEYS)
    return filters


def filters_from_widgets() -> Filters:
    """The Filters the sidebar widgets hold this run (the sidebar is drawn first by app.py). Example: `filters_from_widgets().kinds`."""
    state = st.session_state
    if not all(key in state for key in WIDGET_KEYS.values()):
        return Filters()
    return Filters(
        countries=tuple(state[WIDGET_KEYS["countries"]]), actors=tuple(state[WIDGET_KEYS["actors"]]),
        sources=tuple(state[WIDGET_KEYS["sources"]]), date_from=state[WIDGET_KEYS["date_from"]],
        date_to=state[WIDGET_KEYS["date_to"]], grains=tuple(state[WIDGET_KEYS["grains"]]),
        kinds=tuple(state[WIDGET_KEYS["kinds"]]), text=state[WIDGET_KEYS["text"]] or "",
    )


def url_synced_radio(label: str, options: dict[str, str], param: str, default: str) -> str:
    """A horizontal radio whose choice lives in the URL under `param` (and survives a visit to another page).

    Example: `url_synced_radio("Lanes", LANE_CHOICES, "lane", "country")` -> "actor" for ?lane=actor.
    """
    key, kept = f"view_{param}", f"_kept_view_{param}"  # widget state is dropped on other pages; `kept` is not
    if key not in st.session_state:
        from_url = st.query_params.get(param, st.session_state.get(kept, default))
        if from_url not in options:
            st.warning(f"Ignored {param}={from_url!r} in the link: choose one of {', '.join(options)}")
            from_url = default
        st.session_state[key] = from_url
    choice = st.radio(label, list(options), key=key, format_func=options.get, horizontal=True)
    st.session_state[kept] = choice
    write_query_params({} if choice == default else {param: choice}, (param,))
    return choice
