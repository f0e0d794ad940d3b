"""Timeline Desk: wires the pages and the shared sidebar filters. Run: `streamlit run app.py`."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # `desk` and `extract` import from any working dir

import streamlit as st  # noqa: E402

from desk.page_data import load_frames  # noqa: E402
from desk.sidebar import render_sidebar_filters  # noqa: E402

st.set_page_config(page_title="Timeline Desk", page_icon=":material/timeline:", layout="wide")
navigation = st.navigation([
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:", default=True),
    st.Page("pages/statements.py", title="Statements", icon=":material/table_rows:"),
    st.Page("pages/sources.py", title="Sources", icon=":material/article:"),
    st.Page("pages/actors.py", title="Actors", icon=":material/groups:"),
])
statements, _documents = load_frames()
render_sidebar_filters(statements)
navigation.run()
