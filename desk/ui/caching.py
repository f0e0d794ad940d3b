"""The pages' cached access to the data files, with a clear on-screen error instead of a traceback.

Frames are cached with `st.cache_resource` keyed by the file's signature (path, mtime, size): shared by every
session without a copy per run (`cache_data` would copy 100,000 rows on every rerun); the pages never mutate them.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from extract.actors import Gazetteer, GazetteerError, load_gazetteer

from desk.loading import (
    DataProblem,
    actors_path,
    documents_from_statements,
    documents_path,
    events_path,
    file_signature,
    locate_statements,
    read_documents,
    read_events,
    read_statements,
)


@st.cache_resource(show_spinner="Loading statements…", max_entries=4)
def _cached_statements(signature: tuple[str, int, int]) -> pd.DataFrame:
    """Read once per file version (the signature holds mtime and size); the pages never mutate the frame."""
    return read_statements(Path(signature[0]))


@st.cache_resource(show_spinner="Loading sources…", max_entries=4)
def _cached_documents(signature: tuple[str, int, int]) -> pd.DataFrame:
    return read_documents(Path(signature[0]))


def load_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(statements, documents) for the configured data file; shows st.error and stops the page when unusable."""
    location = locate_statements()
    statements_file = location.path
    if location.notice:
        st.info(location.notice)
    try:
        statements = _cached_statements(file_signature(statements_file))
    except DataProblem as problem:
        st.error(str(problem))
        st.stop()
    try:
        documents = _cached_documents(file_signature(documents_path(statements_file)))
    except DataProblem as problem:
        st.warning(f"{problem} Until then, sources are listed without their article text.")
        documents = documents_from_statements(statements)
    return statements, documents


@st.cache_resource(show_spinner="Loading events…", max_entries=4)
def _cached_events(signature: tuple[str, int, int]) -> pd.DataFrame:
    return read_events(Path(signature[0]))


def load_events() -> pd.DataFrame | None:
    """The events beside the statements file, or None (with a note saying how to build them) when there are none."""
    path = events_path(locate_statements().path)
    try:
        events = _cached_events(file_signature(path))
    except DataProblem as problem:
        st.caption(f"Showing statements only: {problem}")
        return None
    if events.empty:
        st.caption(f"Showing statements only: the events file {path} holds no event.")
        return None
    return events


def load_actor_gazetteer() -> Gazetteer | None:
    """The gazetteer the data was extracted with (`TIMELINE_DESK_ACTORS`); a warning and None when it is unusable."""
    path = actors_path()
    try:
        return load_gazetteer(path)
    except (GazetteerError, OSError) as problem:
        st.warning(f"Actors are not highlighted: the gazetteer {path} cannot be used ({problem}). "
                   f"Set TIMELINE_DESK_ACTORS to the --actors file the data was extracted with.")
        return None
