"""History page: every edit of the analysts, undo, orphaned edits, the log as CSV; add an event by hand."""
from __future__ import annotations

import streamlit as st

from desk.ui.app_entry import run_through_app
from desk.ui.caching import load_desk
from desk.ui.curation_pages import render_add_event, render_history

run_through_app()   # a fresh server's first link to this page: go through app.py (desk.ui.app_entry)

desk = load_desk()
st.title("History of edits")
render_add_event(desk.documents, desk.options["countries"])
render_history(desk.curated)
