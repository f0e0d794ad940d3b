"""Every page runs inside app.py (its navigation, sidebar filters and page config), even on a fresh server's first link.

Streamlit treats a `pages/` folder beside the entry script as its legacy multipage folder until the
entry script has called `st.navigation` once in the server's life. So when the first visit after a
start is a link to a page (`/statements?country=Iran`), Streamlit runs that page file on its own:
file names in the sidebar, no filters, the link's filters ignored. `run_through_app()` at the top
of a page notices that case, switches the legacy folder off and re-runs the session, which then
goes through app.py and lands on the same page with the same URL parameters. app.py marks each run it
makes (`mark_run_through_app`), so a page also notices a run that began on its own just before another
session switched the folder off (two links opened at once).
"""
from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


_THROUGH_APP = "_page_run_through_app"


def mark_run_through_app() -> None:
    """app.py says, just before it runs the chosen page, that this run goes through its navigation."""
    st.session_state[_THROUGH_APP] = True


def run_through_app() -> None:
    """Re-run through app.py when Streamlit ran this page file on its own (legacy `pages/` folder mode).

    The run's own mark decides, not only the server-wide flag: when two links open at once on a fresh server, the
    first page switches the flag off while the second is already running on its own.
    """
    if PagesManager.uses_pages_directory or not st.session_state.pop(_THROUGH_APP, False):
        PagesManager.uses_pages_directory = False   # what app.py's st.navigation call sets; now set before it runs
        st.rerun()
