"""Actors page: who appears, how often, when, and with whom (for the filtered statements)."""
from __future__ import annotations

import streamlit as st

from desk.actor_charts import actor_mentions, build_actor_mentions_bar, build_actor_year_heatmap, build_cooccurrence_heatmap
from desk.filters import apply_filters, describe_filters
from desk.labels import source_labels
from desk.literal import markdown_literal
from desk.ui.caching import load_frames
from desk.ui.sidebar import filters_from_widgets

statements, _documents = load_frames()
filters = filters_from_widgets()
shown = apply_filters(statements, filters)

st.title("Actors")
st.caption(markdown_literal(f"{describe_filters(filters, source_labels(statements))} — counted once per sentence"))
mentions = actor_mentions(shown)
if mentions.empty:
    st.info("No actor is named in the statements these filters keep. Loosen the filters in the sidebar.")
    st.stop()

st.plotly_chart(build_actor_mentions_bar(shown), theme=None, key="actor_mentions")
st.plotly_chart(build_actor_year_heatmap(shown), theme=None, key="actor_years")
if shown["actors"].map(len).max() < 2:
    st.info("No sentence among these statements names two actors, so there is no co-occurrence to show.")
else:
    st.plotly_chart(build_cooccurrence_heatmap(shown), theme=None, key="actor_pairs")
st.dataframe(mentions, hide_index=True, column_config={
    "first_seen": st.column_config.DatetimeColumn("first date", format="YYYY-MM-DD"),
    "last_seen": st.column_config.DatetimeColumn("last date", format="YYYY-MM-DD"),
})
