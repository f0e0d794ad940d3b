"""Actors page: who appears, how often, when, and with whom (for the filtered statements)."""
from __future__ import annotations

import streamlit as st

from desk.actor_charts import (actor_mentions_bar, actor_year_heatmap, actor_year_matrix, cooccurrence_heatmap,
                               cooccurrence_matrix)
from desk.filters import describe_filters
from desk.literal import markdown_literal
from desk.ui.app_entry import run_through_app
from desk.ui.caching import actor_tables, load_desk
from desk.ui.sidebar import filters_from_widgets

run_through_app()   # a fresh server's first link to this page: go through app.py (desk.ui.app_entry)

desk = load_desk()
filters = filters_from_widgets()
mentions, years, pairs = actor_tables(desk, filters)

st.title("Actors")
st.caption(markdown_literal(f"{describe_filters(filters, desk.labels)} — counted once per sentence"))
if mentions.empty:
    st.info("No actor is named in the statements these filters keep. Loosen the filters in the sidebar.")
    st.stop()

st.plotly_chart(actor_mentions_bar(mentions), theme=None, key="actor_mentions")
st.plotly_chart(actor_year_heatmap(actor_year_matrix(years)), theme=None, key="actor_years")
if pairs.empty:
    st.info("No sentence among these statements names two actors, so there is no co-occurrence to show.")
else:
    st.plotly_chart(cooccurrence_heatmap(cooccurrence_matrix(pairs)), theme=None, key="actor_pairs")
st.dataframe(mentions, hide_index=True, column_config={
    "first_seen": st.column_config.DatetimeColumn("first date", format="YYYY-MM-DD"),
    "last_seen": st.column_config.DatetimeColumn("last date", format="YYYY-MM-DD"),
})
