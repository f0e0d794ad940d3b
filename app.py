"""Timeline Desk: wires the pages and the shared sidebar filters. Run: `streamlit run app.py`."""
from __future__ import annotations

import streamlit as st

from desk.ui.app_entry import mark_run_through_app
from desk.ui.caching import load_desk
from desk.ui.sidebar import prepare_filters, render_sidebar_filters

st.set_page_config(page_title="Timeline Desk", page_icon=":material/timeline:", layout="wide")
timeline = st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:", default=True)
navigation = st.navigation([
    timeline,
    st.Page("pages/statements.py", title="Statements", icon=":material/table_rows:"),
    st.Page("pages/sources.py", title="Sources", icon=":material/article:"),
    st.Page("pages/actors.py", title="Actors", icon=":material/groups:"),
    st.Page("pages/history.py", title="History", icon=":material/history:"),
    st.Page("pages/add_articles.py", title="Add articles", icon=":material/upload_file:"),
])
desk = load_desk()
mark_run_through_app()      # the page knows this run came through here (desk.ui.app_entry)
if navigation is timeline:  # its chart first: the browser asks for plotly.js before the sidebar's widgets (first paint)
    prepare_filters(desk.options)   # the link's filters into the widgets' state, read by the page before they are drawn
    navigation.run()                # (the Timeline never stops early: a data problem has stopped load_desk above)
    render_sidebar_filters(desk.options, desk.labels)
else:                       # other pages may st.stop() on an empty selection: the sidebar is drawn before them
    render_sidebar_filters(desk.options, desk.labels)
    navigation.run()
