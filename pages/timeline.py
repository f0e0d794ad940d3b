"""Timeline page: the key events, labelled, over the window where the story is (or the raw statements, for checking).

Click an event to read every sentence behind it; the view, window and lanes live in the URL.
"""
from __future__ import annotations

import streamlit as st

from desk.charts import (CAMERA_FORMATS, COLOR_CHOICES, LANE_CHOICES, build_timeline_figure, plotly_config,
                         statement_ids_from_selection)
from desk.event_chart import event_ids_from_selection, show_everything_label
from desk.event_layout import LANE_BY_CHOICES
from desk.story import no_events_message
from desk.filters import describe_filters, filename_for_filters
from desk.literal import listed, markdown_literal
from desk.labels import MACHINE_DATE_COLUMNS, SOURCE_NAME_COLUMNS
from desk.marks import MARK_COLUMNS
from desk.period_chart import MARK_BUDGET, build_period_chart
from desk.ui.app_entry import run_through_app
from desk.ui.caching import (day_counts, filtered_rows, key_events, key_evidence, load_desk, load_events,
                             shown_counts)
from desk.ui.detail import render_statement_detail
from desk.ui.curation import render_edit_controls
from desk.ui.event_chart_cache import cached_event_chart
from desk.ui.event_detail import render_event_detail
from desk.ui.event_export_panel import render_event_export_panel
from desk.ui.export_panel import render_export_panel
from desk.ui.sidebar import WIDGET_KEYS, filters_from_widgets, url_synced_radio

run_through_app()   # a fresh server's first link to this page: go through app.py (desk.ui.app_entry)

MAX_DETAILS = 5
VIEWS = {"events": "Key events", "statements": "Raw statements (for checking)"}
WINDOW_LABELS = {"story": "Where the story is", "all": "Everything"}

desk = load_desk()
documents, labels = desk.documents, desk.labels
events = load_events(desk)
filters = filters_from_widgets()

st.title("Timeline")
view = url_synced_radio("Show", VIEWS, "view", "events") if events is not None else "statements"


def _show_everything() -> None:
    st.session_state["view_window"] = "all"
    st.session_state[WIDGET_KEYS["key_events"]] = 0


if view == "events":
    key = key_events(desk, filters)
    window_column, lane_column = st.columns(2)
    with window_column:
        window = url_synced_radio("Time window", WINDOW_LABELS, "window", "story")
    with lane_column:
        lane_by = url_synced_radio("Lanes", LANE_BY_CHOICES, "event_lane", "none")
    description = describe_filters(filters, labels)
    if key.shown.empty:   # say why: often the filter's statements are not part of any event
        counts = shown_counts(desk, filters)
        st.info(no_events_message(counts["shown"], counts["placeable"], key.undated))
    else:
        chart = cached_event_chart(key.shown, window=window, lane_by=lane_by, source_names=labels)
        st.caption(markdown_literal(" · ".join(part for part in (description, key.description(), chart.left_out())
                                               if part)))
        if chart.outside_text() or key.n_shown_events < key.n_events:  # the same count as the subtitle's
            st.button(show_everything_label(key, chart), key="show_everything", on_click=_show_everything,
                      icon=":material/history:")
        selection = st.plotly_chart(chart.figure, key="event_chart", on_select="rerun", selection_mode="points",
                                    theme=None, config=plotly_config(filename_for_filters(filters, "key_events")))
        selected = event_ids_from_selection(selection)
        by_id = events.set_index("event_id", drop=False)  # a linked (?event=) event may be hidden or not key
        if not selected and "event" in st.query_params:
            linked = list(dict.fromkeys(event_id for event_id in st.query_params.get_all("event") if event_id))
            unknown = [event_id for event_id in linked if event_id not in by_id.index]
            if unknown:
                st.warning(markdown_literal(f"The link names event(s) {listed(unknown)}, not in the data (re-extracted, "
                                            "or merged into another event since?)."))
            selected = [event_id for event_id in linked if event_id in by_id.index]
        if not selected:
            st.caption("Click an event's mark to read every sentence behind it here (Shift+click to add more).")
        for event_id in selected[:MAX_DETAILS]:
            if event_id in by_id.index:
                event = by_id.loc[event_id]
                render_event_detail(event, desk.store.rows_with_ids(list(event["statement_ids"])), documents,
                                    extra=lambda event, evidence: render_edit_controls(event, events=events,
                                                                                          evidence=evidence))
    render_event_export_panel(key, lambda: key_evidence(desk, filters, key), documents, description=description,
                              file_stem=filename_for_filters(filters), window=window, lane_by=lane_by,
                              source_names=labels)
else:
    counts = shown_counts(desk, filters)
    st.caption(markdown_literal(f"{describe_filters(filters, labels)} — {counts['shown']:,} of {counts['all']:,} statements"))
    lane_column, color_column, camera_column = st.columns(3)
    with lane_column:
        lane_by = url_synced_radio("Lanes", LANE_CHOICES, "lane", "country")
    with color_column:
        color_by = url_synced_radio("Colour", COLOR_CHOICES, "color", "source")
    with camera_column:
        camera_format = url_synced_radio("Camera button saves", CAMERA_FORMATS, "camera", "png")
    placeable = counts["placeable"]
    per_day = day_counts(desk, filters, lane_by)  # one query: how many marks, and what to draw above the budget
    marks = int(per_day["statements"].sum())
    if not counts["shown"]:
        st.info("No statement matches these filters. Loosen them in the sidebar, or press **Reset filters**.")
    elif placeable == 0:
        st.warning(f"{counts['shown']:,} statement(s) match, but none has a date that could be resolved, so none can "
                   "be placed on the timeline. Read them on the Statements page.")
    elif marks > MARK_BUDGET:  # too many marks to draw one by one: counts per period and lane, and the chart says so
        chart = build_period_chart(per_day, lane_by=lane_by, labels=labels, shown=counts["shown"], marks=marks,
                                   unplaced=counts["shown"] - placeable)
        # the chart's own note (drawn above it, and kept in a saved PNG) says it is aggregated and how to get the marks
        st.plotly_chart(chart.figure, key="timeline_counts", theme=None,
                        config=plotly_config(filename_for_filters(filters), camera_format))
    else:
        columns = tuple(dict.fromkeys((*MARK_COLUMNS, *SOURCE_NAME_COLUMNS, *MACHINE_DATE_COLUMNS)))
        shown = filtered_rows(desk, filters, columns, placed_only=True)
        figure = build_timeline_figure(shown, lane_by=lane_by, color_by=color_by)
        event = st.plotly_chart(figure, key="timeline_chart", on_select="rerun", selection_mode="points", theme=None,
                                config=plotly_config(filename_for_filters(filters), camera_format))
        if placeable < counts["shown"]:
            st.caption(f"{counts['shown'] - placeable:,} matching statement(s) have no resolvable date and are not "
                       "drawn; they are listed on the Statements page.")
        selected_ids = statement_ids_from_selection(event)
        if not selected_ids:
            st.caption("Click a point or bar to read its statement here (Shift+click to add more).")
        details = desk.store.rows_with_ids(selected_ids[:MAX_DETAILS]).set_index("statement_id", drop=False)
        for statement_id in selected_ids[:MAX_DETAILS]:
            if statement_id in details.index:
                render_statement_detail(details.loc[statement_id], documents, link_to_table=True)
        if len(selected_ids) > MAX_DETAILS:
            st.caption(f"{len(selected_ids) - MAX_DETAILS} more selected statement(s) not shown here; "
                       "see the Statements page.")
    render_export_panel(lambda: desk.store.rows(filters), counts, documents, filters, lane_by, color_by,
                        labels)  # exports engineer's panel: keep it last
