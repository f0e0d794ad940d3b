"""The pages' cached access to the data files, with a clear on-screen error instead of a traceback.

Frames are cached with `st.cache_resource` keyed by the file's signature (path, mtime, size): shared by every
session without a copy per run (`cache_data` would copy 100,000 rows on every rerun); the pages never mutate them.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from extract.actors import Gazetteer, GazetteerError, load_gazetteer
from extract.schema import empty_events

from desk.loading import (
    DataProblem,
    actors_path,
    documents_from_statements,
    documents_path,
    events_path,
    file_signature,
    read_documents,
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
    """(curated statements, documents): the extraction with the analyst's edits in force (`desk.ui.curation`)."""
    from desk.ui.curation import curated_state, frames_signature

    statements, documents = load_extracted_frames()
    return curated_state(statements, empty_events(), frames_signature()).statements, documents


def load_extracted_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(statements, documents) as extracted, for the configured data file; st.error and stop when unusable."""
    statements_file = events_path()
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


def load_actor_gazetteer() -> Gazetteer | None:
    """The gazetteer the data was extracted with (`TIMELINE_DESK_ACTORS`); a warning and None when it is unusable."""
    path = actors_path()
    try:
        return load_gazetteer(path)
    except (GazetteerError, OSError) as problem:
        st.warning(f"Actors are not highlighted: the gazetteer {path} cannot be used ({problem}). "
                   f"Set TIMELINE_DESK_ACTORS to the --actors file the data was extracted with.")
        return None
