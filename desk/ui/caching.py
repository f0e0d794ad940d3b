"""The pages' cached access to the data, with a clear on-screen error instead of a traceback.

`load_desk()` gives every page the same `desk.query.DeskView`: the statements queried in place by DuckDB (never
loaded whole), the curated events, the documents, the sources' labels and the filters' options. It is cached with
`st.cache_resource` per extraction run (the output set's generation, `desk.loading.data_signature`) and version of
the edit log, shared by every session. What a page draws for a filter state (counts, the rows of a small chart,
key events, counts per period) is cached with `st.cache_data` keyed on (data run, log version, filter state), so
going back to a filter state, or a second analyst opening the same view, costs nothing.

`load_extracted_frames()` reads the statements whole with pandas: only the Add articles page calls it, once an
article is added (the event stage rebuilds the events over every statement), never to draw the page.
"""
from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import pandas as pd
import streamlit as st

from desk.filters import Filters, key_events_among
from desk.literal import markdown_literal
from desk.loading import (
    DataProblem,
    LoadedData,
    RunFiles,
    actors_path,
    data_signature,
    documents_from_statements,
    locate_statements,
    open_run,
    read_data,
)
from desk.query import DeskView, open_desk_view
from desk.story import KeyEvents
from extract.actors import Gazetteer, GazetteerError, load_gazetteer

PER_FILTER_STATES = 64   # filter states whose results are kept per function


@st.cache_resource(show_spinner="Opening the statements…", max_entries=4)
def _run(signature: tuple[str, str]) -> RunFiles:
    """Where the run's statements lie, and its documents and events (read once per extraction run)."""
    return open_run(Path(signature[0]))


@st.cache_resource(show_spinner="Applying the analyst's edits…", max_entries=4)
def _view(signature: tuple[str, str], log_key: tuple, _run: RunFiles, _edits: object) -> DeskView:
    """The curated view of one run under one version of the edit log (`_edits` is a callable giving the edits)."""
    return open_desk_view(_run, _edits(), key=(signature, log_key))


def _stop_with(problem: Exception) -> NoReturn:
    """Show the problem and stop the page; outside a Streamlit run (`python app.py`), where st.stop() returns,
    exit with the problem and how to start the dashboard instead of a traceback."""
    st.error(markdown_literal(problem))
    st.stop()
    raise SystemExit(f"Timeline Desk: {problem}\nStart the dashboard with: streamlit run app.py "
                     "(or bash scripts/dashboard.sh)")


def load_desk() -> DeskView:
    """The curated view every page reads; st.error and stop when the data is unusable."""
    from desk.ui.curation import edit_log

    location = locate_statements()
    if location.notice:
        st.info(markdown_literal(location.notice))
    signature = data_signature(location.path)
    try:
        run = _run(signature)
    except DataProblem as problem:
        _stop_with(problem)
    log = edit_log()
    try:
        log_key, edits = (str(log.path), log.version()), log.edits
    except Exception as problem:  # sqlite3 errors: a locked or damaged file
        st.error(f"The curation database {log.path} cannot be read ({problem}); showing the extraction unedited.")
        log_key, edits = ("unreadable",), list
    try:
        view = _view(signature, log_key, run, edits)
    except DataProblem as problem:
        _stop_with(problem)
    if run.documents is None:
        st.warning(markdown_literal(f"{run.documents_problem} Until then, sources are listed without their article text."))
    return view


def load_events(view: DeskView) -> pd.DataFrame | None:
    """The curated events, or None (with a note saying why) when there are none (hand-added events count)."""
    if view.events.empty:
        st.caption(markdown_literal(f"Showing statements only: {view.events_problem or 'the events file holds no event'}"))
        return None
    return view.events


@st.cache_data(max_entries=PER_FILTER_STATES, show_spinner=False)
def _counts(view_key: tuple, filters_key: str, _view: DeskView, _filters: Filters) -> dict[str, int]:
    return _view.store.counts(_filters)


def shown_counts(view: DeskView, filters: Filters) -> dict[str, int]:
    """{"all", "shown", "placeable"} statement counts for `filters` (cached per filter state)."""
    return _counts(view.key, repr(filters), view, filters)


@st.cache_resource(max_entries=PER_FILTER_STATES, show_spinner=False)  # shared, not copied: never changed by pages
def _key_events(view_key: tuple, filters_key: str, _view: DeskView, _filters: Filters) -> KeyEvents:
    return key_events_among(_view.events, _view.store.event_ids_with_evidence(_filters), _filters)


def key_events(view: DeskView, filters: Filters) -> KeyEvents:
    """The key events for `filters` (`desk.filters.key_events_among` over the events with evidence among the
    filtered statements, found in SQL), cached per filter state."""
    return _key_events(view.key, repr(filters), view, filters)


@st.cache_data(max_entries=PER_FILTER_STATES, show_spinner=False)
def _rows(view_key: tuple, filters_key: str, columns: tuple[str, ...], limit: int | None, placed_only: bool,
          _view: DeskView, _filters: Filters) -> pd.DataFrame:
    return _view.store.rows(_filters, columns, limit=limit, placed_only=placed_only)


def filtered_rows(view: DeskView, filters: Filters, columns: tuple[str, ...], *, limit: int | None = None,
                  placed_only: bool = False) -> pd.DataFrame:
    """The filtered statements' `columns` (at most `limit` rows, by date), cached per filter state."""
    return _rows(view.key, repr(filters), tuple(columns), limit, placed_only, view, filters)


@st.cache_data(max_entries=PER_FILTER_STATES, show_spinner=False)
def _day_counts(view_key: tuple, filters_key: str, lane_by: str, _view: DeskView, _filters: Filters) -> pd.DataFrame:
    return _view.store.period_counts(_filters, lane_by, "day")


def day_counts(view: DeskView, filters: Filters, lane_by: str) -> pd.DataFrame:
    """Placeable statements per lane and day for `filters` (lane, period, statements): their sum is the number of
    marks the statements chart would draw, and above the budget they are what it draws. Cached per filter state."""
    return _day_counts(view.key, repr(filters), lane_by, view, filters)


def load_extracted_data() -> LoadedData:
    """Statements (read whole, with pandas), documents and events of one run, as extracted; st.error and stop
    when unusable. Only for rewriting the run (Add articles, once an article is added)."""
    location = locate_statements()
    try:
        return read_data(location.path)
    except DataProblem as problem:
        st.error(markdown_literal(problem))
        st.stop()


def load_extracted_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(statements, documents) as extracted (no edits applied), read whole: for Add articles, once an article is added."""
    data = load_extracted_data()
    if data.documents is None:
        return data.statements, documents_from_statements(data.statements)
    return data.statements, data.documents


def load_actor_gazetteer() -> Gazetteer | None:
    """The gazetteer the data was extracted with (`TIMELINE_DESK_ACTORS`); a warning and None when it is unusable."""
    path = actors_path()
    try:
        return load_gazetteer(path)
    except (GazetteerError, OSError) as problem:
        st.warning(markdown_literal(f"Actors are not highlighted: the gazetteer {path} cannot be used ({problem}). "
                                    "Set TIMELINE_DESK_ACTORS to the --actors file the data was extracted with."))
        return None


@st.cache_data(max_entries=PER_FILTER_STATES, show_spinner=False)
def _actor_tables(view_key: tuple, filters_key: str, _view: DeskView,
                  _filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    return _view.store.actor_tables(_filters)


def actor_tables(view: DeskView, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(mentions per actor, sentences per actor and year, sentences per pair of actors) for `filters`, cached."""
    return _actor_tables(view.key, repr(filters), view, filters)


@st.cache_data(max_entries=PER_FILTER_STATES, show_spinner=False)
def _document_kind_counts(view_key: tuple, filters_key: str, _view: DeskView, _filters: Filters | None) -> pd.DataFrame:
    return _view.store.kind_counts_by_document(_filters)


def document_kind_counts(view: DeskView, filters: Filters | None) -> pd.DataFrame:
    """Statements per document and kind (doc_id, kind, statements): all of them, or those `filters` keep; cached."""
    return _document_kind_counts(view.key, repr(filters), view, filters)


@st.cache_resource(max_entries=PER_FILTER_STATES, show_spinner=False)
def _evidence(view_key: tuple, filters_key: str, _view: DeskView, _key: KeyEvents) -> pd.DataFrame:
    return _view.store.rows_with_ids({one for ids in _key.shown["statement_ids"] for one in ids})


def key_evidence(view: DeskView, filters: Filters, key: KeyEvents) -> pd.DataFrame:
    """The statements behind the key events `key` drawn for `filters` (their exports cite them); cached per filter
    state and shared, never copied: callers must not change it."""
    return _evidence(view.key, repr(filters), view, key)
