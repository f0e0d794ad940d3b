"""The shared sidebar: filter widgets that start from the URL and write their state back to it.

The URL (st.query_params) is the bookmarkable copy of the filters; widget state is the live copy.
On a session's first run the widgets are filled from the URL (bad values ignored with a warning);
afterwards every run writes the widgets' state back to the URL.

>>> WIDGET_KEYS["countries"]
'filter_countries'
"""
from __future__ import annotations

from typing import Any, Callable

import streamlit as st

from desk.filters import (
    EARLIEST_DAY,
    FILTER_PARAM_KEYS,
    FILTERS,
    LATEST_DAY,
    PAGE_PARAM_KEYS,
    FilterDefinition,
    Filters,
    KeyEventsFilter,
    ValuesFilter,
    filters_from_query_params,
    filters_to_query_params,
    restrict_to_options,
)
from desk.literal import listed, markdown_literal, shortened

WIDGET_KEYS = {definition.field: f"filter_{definition.field}" for definition in FILTERS}
_INITIALISED = "_filters_initialised"
_URL_WARNINGS = "_filters_url_warnings"


def _multiselect(container: Any, definition: ValuesFilter, options: list[str], labels: dict[str, str]) -> None:
    if definition.shows_source_labels:   # in the labels' order: outlets by name, title-only sources by day
        position = {doc_id: index for index, doc_id in enumerate(labels)}
        options = sorted(options, key=lambda value: (position.get(value, len(position)), value))
    container.multiselect(definition.label, options, key=WIDGET_KEYS[definition.field], placeholder=definition.placeholder,
                          format_func=lambda value: definition.display(value, labels), help=definition.help)


def _day(container: Any, definition: FilterDefinition, options: list[str], labels: dict[str, str]) -> None:
    container.date_input(definition.label, key=WIDGET_KEYS[definition.field], min_value=EARLIEST_DAY,
                         max_value=LATEST_DAY, format="YYYY-MM-DD", help=definition.help)


def _text(container: Any, definition: FilterDefinition, options: list[str], labels: dict[str, str]) -> None:
    container.text_input(definition.label, key=WIDGET_KEYS[definition.field], placeholder=definition.placeholder,
                         help=definition.help)


def _select(container: Any, definition: KeyEventsFilter, options: list[str], labels: dict[str, str]) -> None:
    choices, chosen = list(definition.choices), st.session_state.get(WIDGET_KEYS[definition.field])
    if isinstance(chosen, int) and chosen not in choices:   # a link's ?key=7 (as the export command takes it) is kept
        choices = sorted([*choices, chosen], key=lambda count: (count == 0, count))
    container.selectbox(definition.label, choices, key=WIDGET_KEYS[definition.field],
                        format_func=definition.display, help=definition.help)


# How each widget kind of the registry is drawn: (container, definition, its options, source labels) -> None.
WIDGETS: dict[str, Callable[[Any, Any, list[str], dict[str, str]], None]] = {
    "multiselect": _multiselect, "day": _day, "text": _text, "select": _select,
}


def current_query_params() -> dict[str, list[str]]:
    """st.query_params as a plain dict of value lists, e.g. {"country": ["Iran", "Israel"]}."""
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def _put_in_widgets(filters: Filters) -> None:
    for definition in FILTERS:
        st.session_state[WIDGET_KEYS[definition.field]] = definition.to_widget(getattr(filters, definition.field))


def _reset_filters() -> None:
    _put_in_widgets(Filters())
    st.session_state[_URL_WARNINGS] = (Filters(), [])


def prepare_filters(options: dict[str, list[str]]) -> None:
    """On a session's first run, put the link's filters (`options` restrict them) into the widgets' state, so a page
    can read `filters_from_widgets()` before the sidebar is drawn; later runs: nothing to do."""
    if st.session_state.get(_INITIALISED):
        return
    filters, warnings = filters_from_query_params(current_query_params())
    filters, unknown = restrict_to_options(filters, options)
    _put_in_widgets(filters)
    st.session_state[_URL_WARNINGS] = (filters, warnings + unknown)  # shown while the link's filters are unchanged
    st.session_state[_INITIALISED] = True


def write_query_params(wanted: dict[str, str | list[str]], managed_keys: tuple[str, ...]) -> None:
    """Make st.query_params hold exactly `wanted` for `managed_keys` (others untouched); no write when already equal.

    `write_query_params({"doc": "002"}, ("doc",))` sets ?doc=002; `write_query_params({}, ("doc",))` removes it.
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


def render_sidebar_filters(options: dict[str, list[str]], labels: dict[str, str]) -> Filters:
    """Draw the filter widgets in the sidebar and return the chosen Filters (also written to the URL); app.py calls it.

    `options`: each values filter's choices by field (`desk.query.StatementStore.options`: aggregate queries);
    `labels`: the sources' readable names by doc_id.
    """
    prepare_filters(options)
    with st.sidebar:
        st.header("Filters")
        from_link, warnings = st.session_state.get(_URL_WARNINGS, (None, []))
        if from_link == filters_from_widgets():
            for warning in warnings:
                st.warning(markdown_literal(warning))
        _draw_filter_widgets(options, labels)
        st.button("Reset filters", key="filter_reset", on_click=_reset_filters, width="stretch")
    filters = filters_from_widgets()
    _drop_unknown_params()
    write_query_params(filters_to_query_params(filters), FILTER_PARAM_KEYS)
    return filters


def filters_from_widgets() -> Filters:
    """The Filters the sidebar widgets hold this run (`prepare_filters` has filled them; app.py draws them after the page)."""
    state = st.session_state
    if not all(key in state for key in WIDGET_KEYS.values()):
        return Filters()
    return Filters(**{definition.field: definition.from_widget(state[WIDGET_KEYS[definition.field]])
                      for definition in FILTERS})


def _draw_filter_widgets(options: dict[str, list[str]], labels: dict[str, str]) -> None:
    """One widget per registry entry, in registry order; entries sharing a `widget_row` side by side."""
    rows: list[list[FilterDefinition]] = []
    for definition in FILTERS:
        if rows and definition.widget_row and rows[-1][-1].widget_row == definition.widget_row:
            rows[-1].append(definition)
        else:
            rows.append([definition])
    for row in rows:
        containers = st.columns(len(row)) if len(row) > 1 else [st]
        for container, definition in zip(containers, row):
            choices = (list(definition.vocabulary) if isinstance(definition, ValuesFilter) and definition.vocabulary
                       is not None else options.get(definition.field, []))
            WIDGETS[definition.widget](container, definition, choices, labels)


def link_value(param: str) -> str | None:
    """The one value the link gives for `param` (None when absent or empty); the last when it gives several, with a
    warning.

    `link_value("doc")` gives "002" for ?doc=001&doc=002 and says that 001 was not used.
    """
    values = [value for value in st.query_params.get_all(param) if value]   # ?doc= (empty) is no choice, as for filters
    if len(set(values)) > 1:
        st.warning(markdown_literal(f"The link gives '{param}' {len(values)} times ({listed(values)}): used the last, "
                                    f"'{shortened(values[-1])}'"))
    return values[-1] if values else None


def url_synced_radio(label: str, options: dict[str, str], param: str, default: str) -> str:
    """A horizontal radio whose choice lives in the URL under `param` (and survives a visit to another page).

    `url_synced_radio("Lanes", LANE_CHOICES, "lane", "country")` gives "actor" for ?lane=actor.
    """
    key, kept = f"view_{param}", f"_kept_view_{param}"  # widget state is dropped on other pages; `kept` is not
    if key not in st.session_state:
        from_url = link_value(param) or st.session_state.get(kept, default)
        if from_url not in options:
            st.warning(markdown_literal(f"Ignored {param}='{shortened(from_url)}' in the link: choose one of "
                                        f"{', '.join(options)}"))
            from_url = default
        st.session_state[key] = from_url
    choice = st.radio(label, list(options), key=key, format_func=options.get, horizontal=True)
    st.session_state[kept] = choice
    write_query_params({} if choice == default else {param: choice}, (param,))
    return choice
