"""Every page runs inside app.py (its navigation, sidebar filters and page config), even on a fresh server's first link.

Streamlit treats a `pages/` folder beside the entry script as its legacy multipage folder until the
entry script has called `st.navigation` once in the server's life. So when the first visit after a
start is a link to a page (`/statements?country=Iran`), Streamlit runs that page file on its own:
file names in the sidebar, no filters, the link's filters ignored. `run_through_app()` at the top
of a page notices that case, switches the legacy folder off and re-runs the session, which then
goes through app.py and lands on the same page with the same URL parameters.
"""
from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def run_through_app() -> None:
    """Re-run through app.py when Streamlit ran this page file on its own (legacy `pages/` folder mode)."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False   # what app.py's st.navigation call sets; now set before it runs
        st.rerun()
