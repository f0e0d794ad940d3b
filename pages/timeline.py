"""Timeline page: the filtered statements on a time axis; click a mark to read its statement."""
from __future__ import annotations

import streamlit as st

from desk.charts import (CAMERA_FORMATS, COLOR_CHOICES, LANE_CHOICES, build_timeline_figure, plotly_config,
                         statement_ids_from_selection)
from desk.filters import apply_filters, describe_filters, filename_for_filters
from desk.labels import source_labels
from desk.literal import markdown_literal
from desk.ui.caching import load_frames
from desk.ui.detail import render_statement_detail
from desk.ui.export_panel import render_export_panel
from desk.ui.sidebar import filters_from_widgets, url_synced_radio

MAX_DETAILS = 5

statements, documents = load_frames()
filters = filters_from_widgets()
shown = apply_filters(statements, filters)
labels = source_labels(statements)

st.title("Timeline")
st.caption(markdown_literal(f"{describe_filters(filters, labels)} — {len(shown):,} of {len(statements):,} statements"))
lane_column, color_column, camera_column = st.columns(3)
with lane_column:
    lane_by = url_synced_radio("Lanes", LANE_CHOICES, "lane", "country")
with color_column:
    color_by = url_synced_radio("Colour", COLOR_CHOICES, "color", "source")
with camera_column:
    camera_format = url_synced_radio("Camera button saves", CAMERA_FORMATS, "camera", "png")

placeable = int(shown["start"].notna().sum())
if shown.empty:
    st.info("No statement matches these filters. Loosen them in the sidebar, or press **Reset filters**.")
elif placeable == 0:
    st.warning(f"{len(shown):,} statement(s) match, but none has a date that could be resolved, so none can be "
               "placed on the timeline. Read them on the Statements page.")
else:
    figure = build_timeline_figure(shown, lane_by=lane_by, color_by=color_by)
    event = st.plotly_chart(figure, key="timeline_chart", on_select="rerun", selection_mode="points", theme=None,
                            config=plotly_config(filename_for_filters(filters), camera_format))
    if placeable < len(shown):
        st.caption(f"{len(shown) - placeable:,} matching statement(s) have no resolvable date and are not drawn; "
                   "they are listed on the Statements page.")
    selected_ids = statement_ids_from_selection(event)
    if not selected_ids:
        st.caption("Click a point or bar to read its statement here (Shift+click to add more).")
    by_id = shown.set_index("statement_id", drop=False)
    for statement_id in selected_ids[:MAX_DETAILS]:
        if statement_id in by_id.index:
            render_statement_detail(by_id.loc[statement_id], documents, link_to_table=True)
    if len(selected_ids) > MAX_DETAILS:
        st.caption(f"{len(selected_ids) - MAX_DETAILS} more selected statement(s) not shown here; "
                   "see the Statements page.")

render_export_panel(shown, documents, filters, lane_by, color_by)  # exports engineer's panel: keep it last
