"""The pages' cached access to the data files, with a clear on-screen error instead of a traceback.

Frames are cached with `st.cache_resource` keyed by the extraction run they come from (the output set's
generation, `desk.loading.data_signature`): statements and documents are read together from one run, shared
by every session without a copy per run (`cache_data` would copy 100,000 rows on every rerun); the pages never
mutate them.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from desk.literal import markdown_literal
from desk.loading import (
    DataProblem,
    LoadedData,
    actors_path,
    data_signature,
    documents_from_statements,
    locate_statements,
    read_data,
)
from extract.actors import Gazetteer, GazetteerError, load_gazetteer
from extract.schema import empty_events


@st.cache_resource(show_spinner="Loading statements…", max_entries=4)
def _cached_data(signature: tuple[str, str]) -> LoadedData:
    """Read once per extraction run (the signature names the output set's generation); the pages never mutate the frames."""
    return read_data(Path(signature[0]))


def load_extracted_data() -> LoadedData:
    """Statements, documents and events of one extraction run, as extracted; st.error and stop when unusable."""
    location = locate_statements()
    statements_file = location.path
    if location.notice:
        st.info(markdown_literal(location.notice))
    try:
        return _cached_data(data_signature(statements_file))
    except DataProblem as problem:
        st.error(markdown_literal(problem))
        st.stop()


def load_extracted_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(statements, documents) as extracted (no edits applied), for the configured data file."""
    data = load_extracted_data()
    if data.documents is None:
        st.warning(markdown_literal(f"{data.documents_problem} Until then, sources are listed without their article text."))
        return data.statements, documents_from_statements(data.statements)
    return data.statements, data.documents


def load_curated_frames() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(statements, events, documents) with the analyst's edits in force (`desk.ui.curation`): what every view shows.

    Curated rows carry `extract.schema.CURATION_COLUMNS` (hidden, starred, machine_value, curation_note, ...).
    """
    from desk.ui.curation import curated_state

    data = load_extracted_data()
    statements, documents = load_extracted_frames()
    events = data.events if data.events is not None else empty_events()
    curated = curated_state(statements, events, data_signature(locate_statements().path))
    return curated.statements, curated.events, documents


def load_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(statements, documents) with the analyst's edits in force; st.error and stop when the data is unusable."""
    statements, _events, documents = load_curated_frames()
    return statements, documents


def load_events() -> pd.DataFrame | None:
    """The curated events of the same extraction run as the statements, or None (with a note saying why) when
    there are none (hand-added events count: an analyst may add events to a corpus the extractor found none in)."""
    try:
        data = _cached_data(data_signature(locate_statements().path))
    except DataProblem:
        return None  # load_frames has already said why and stopped the page
    _statements, events, _documents = load_curated_frames()
    if events.empty:
        why = data.events_problem or "the events file holds no event"
        st.caption(markdown_literal(f"Showing statements only: {why}"))
        return None
    return events


def load_actor_gazetteer() -> Gazetteer | None:
    """The gazetteer the data was extracted with (`TIMELINE_DESK_ACTORS`); a warning and None when it is unusable."""
    path = actors_path()
    try:
        return load_gazetteer(path)
    except (GazetteerError, OSError) as problem:
        st.warning(markdown_literal(f"Actors are not highlighted: the gazetteer {path} cannot be used ({problem}). "
                                    "Set TIMELINE_DESK_ACTORS to the --actors file the data was extracted with."))
        return None
