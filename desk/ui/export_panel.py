"""The export section under the timeline: a briefing image of the chart as filtered, and the data downloads.

Thin streamlit wiring around `desk.export.briefing` and `desk.export.data`;
every decision lives in those pure modules. Without Chromium the image part says how to install it
and the data downloads still work.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable

import pandas as pd
import streamlit as st

from desk.export.briefing import DEFAULT_SIZE, SIZE_NOTES, SIZE_PRESETS, WINDOWS, briefing_image, default_title
from desk.export.data import DATA_FORMATS, data_file
from desk.export.images import IMAGE_EXPORT_ERRORS, MEDIA_TYPES, image_export_problem
from desk.filters import Filters, describe_filters, filename_for_filters
from desk.literal import markdown_literal

FORMAT_LABELS = {"PNG": "png", "SVG": "svg", "PDF": "pdf"}
OPEN_KEY = "export_open"   # the section's open state (session state)
_RENDERED = "export_panel_rendered_image"


def _selection_key(filters: Filters, *settings: object) -> str:
    return hashlib.sha1(repr((filters, settings)).encode("utf-8")).hexdigest()


def render_export_panel(fetch_statements: Callable[[], pd.DataFrame], counts: dict[str, int],
                        documents: pd.DataFrame | None, filters: Filters, lane_by: str, color_by: str,
                        labels: dict[str, str]) -> None:
    """Export section under the timeline for the statements `filters` keep.

    `fetch_statements()` gives them (read only when an export is asked for: they may be many); `counts` holds
    "shown" and "placeable" (`desk.query.StatementStore.counts`); `labels` names the sources.
    """
    description = describe_filters(filters, labels)
    file_stem = filename_for_filters(filters)
    panel = st.expander("Export for a briefing (image and data)", expanded=False, key=OPEN_KEY, on_change="rerun")
    with panel:
        if not panel.open:  # its controls are drawn only while it is open: a closed section costs the page nothing
            return
        if not counts["shown"]:
            st.info("Nothing to export: no statement matches the current filters.")
            return
        st.caption(markdown_literal(f"Exports exactly what the timeline shows: {description} ({counts['shown']:,} "
                                    "statements)."))
        _image_section(fetch_statements, filters, documents, description, file_stem, lane_by, color_by)
        st.divider()
        _data_section(fetch_statements, counts, description, file_stem, lane_by)


def _image_section(fetch_statements: Callable[[], pd.DataFrame], filters: Filters, documents: pd.DataFrame | None,
                   description: str, file_stem: str, lane_by: str, color_by: str) -> None:
    title = st.text_input("Title", value=default_title(description, lane_by), key="export_title")
    size_column, format_column, window_column = st.columns(3)
    size = size_column.selectbox("Size", list(SIZE_PRESETS), index=list(SIZE_PRESETS).index(DEFAULT_SIZE),
                                 key="export_size")
    size_column.caption(SIZE_NOTES[size])
    format_label = format_column.radio("Format", list(FORMAT_LABELS), horizontal=True, key="export_format")
    window = window_column.radio("Time axis", list(WINDOWS), format_func=lambda name: WINDOWS[name], key="export_window")
    image_format = FORMAT_LABELS[format_label]
    problem = image_export_problem()
    if problem:
        st.warning(markdown_literal(problem))
        return
    selection = _selection_key(filters, title, size, image_format, window, lane_by, color_by, description)
    if st.button("Render image", key="export_render", type="primary"):
        with st.spinner("Rendering the briefing image…"):
            try:
                payload = briefing_image(fetch_statements(), description, title=title, image_format=image_format, size=size,
                                         lane_by=lane_by, color_by=color_by, window=window, documents=documents)
            except IMAGE_EXPORT_ERRORS as problem:
                st.error(markdown_literal(problem))
                return
        st.session_state[_RENDERED] = (selection, payload)
    rendered = st.session_state.get(_RENDERED)
    if rendered is None or rendered[0] != selection:
        st.caption("Render the image after choosing title, size and format; it is rebuilt from the chart above.")
        return
    offer_image(rendered[1], image_format, format_label, f"{title} — {size}", f"{file_stem}.{image_format}",
                key="export_image_download")


def offer_image(payload: bytes, image_format: str, format_label: str, caption: str, file_name: str, *, key: str) -> None:
    """Show a rendered chart image (PNG only; SVG and PDF are not previewed) and its download button."""
    if image_format == "png":
        st.image(payload, caption=markdown_literal(caption), width="stretch")
    st.download_button(f"Download {format_label} ({len(payload) / 1024:,.0f} KB)", data=payload,
                       file_name=file_name, mime=MEDIA_TYPES[image_format], key=key, on_click="ignore")


def _data_section(fetch_statements: Callable[[], pd.DataFrame], counts: dict[str, int], description: str,
                  file_stem: str, lane_by: str) -> None:
    st.markdown("**Data as filtered** (text exactly as in the articles; actors and countries `; `-joined in CSV/Excel)")
    title = st.session_state.get("export_title") or default_title(description, lane_by)
    for column, data_format in zip(st.columns(len(DATA_FORMATS)), DATA_FORMATS.values()):
        def make(key: str = data_format.key) -> bytes:  # runs only when clicked
            return data_file(fetch_statements(), key, title=title, description=description, lane_by=lane_by)
        column.download_button(data_format.label, data=make, file_name=f"{file_stem}{data_format.suffix}",
                               mime=data_format.mime, key=f"export_data_{data_format.key}", on_click="ignore",
                               width="stretch")
    undated = counts["shown"] - counts["placeable"]
    if undated:
        st.caption(f"{undated:,} statement(s) without a resolved date are in CSV/Excel/JSON but cannot be placed in TimelineJS.")
