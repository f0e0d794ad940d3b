"""History page: every edit of the analysts, undo, orphaned edits, the log as CSV; add an event by hand."""
from __future__ import annotations

import streamlit as st

from desk.ui.caching import load_extracted_data, load_extracted_frames
from desk.ui.curation_pages import render_add_event, render_history
from extract.schema import empty_events

statements, documents = load_extracted_frames()
events = load_extracted_data().events
st.title("History of edits")
render_add_event(documents, sorted({name for names in statements["countries"] for name in names}))
render_history(statements, events if events is not None else empty_events())
