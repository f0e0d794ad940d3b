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

from extract.actors import Gazetteer, GazetteerError, load_gazetteer

from desk.loading import (
    DataProblem,
    LoadedData,
    actors_path,
    data_signature,
    documents_from_statements,
    locate_statements,
    read_data,
)


@st.cache_resource(show_spinner="Loading statements…", max_entries=4)
def _cached_data(signature: tuple[str, str]) -> LoadedData:
    """Read once per extraction run (the signature names the output set's generation); the pages never mutate the frames."""
    return read_data(Path(signature[0]))


def load_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(statements, documents) for the configured data file; shows st.error and stops the page when unusable."""
    location = locate_statements()
    statements_file = location.path
    if location.notice:
        st.info(location.notice)
    try:
        data = _cached_data(data_signature(statements_file))
    except DataProblem as problem:
        st.error(str(problem))
        st.stop()
    if data.documents is None:
        st.warning(f"{data.documents_problem} Until then, sources are listed without their article text.")
        return data.statements, documents_from_statements(data.statements)
    return data.statements, data.documents


def load_events() -> pd.DataFrame | None:
    """The events of the same extraction run as the statements, or None (with a note saying why) when there are none."""
    try:
        data = _cached_data(data_signature(locate_statements().path))
    except DataProblem:
        return None  # load_frames has already said why and stopped the page
    if data.events is None or data.events.empty:
        why = data.events_problem or "the events file holds no event"
        st.caption(f"Showing statements only: {why}")
        return None
    return data.events


def load_actor_gazetteer() -> Gazetteer | None:
    """The gazetteer the data was extracted with (`TIMELINE_DESK_ACTORS`); a warning and None when it is unusable."""
    path = actors_path()
    try:
        return load_gazetteer(path)
    except (GazetteerError, OSError) as problem:
        st.warning(f"Actors are not highlighted: the gazetteer {path} cannot be used ({problem}). "
                   f"Set TIMELINE_DESK_ACTORS to the --actors file the data was extracted with.")
        return None
