"""The export section under the event chart: the labelled chart as an image, TimelineJS of the events, the briefing pack.

Thin Streamlit wiring around `desk.export.event_briefing`, `desk.export.pack` and
`desk.export.event_timelinejs`: the page, the pack and the image are built by the same functions
the command line (`python -m desk.export --view events --pack`) calls.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable

import pandas as pd
import streamlit as st

from desk.evidence import evidence_by_event
from desk.export.briefing import DEFAULT_SIZE, SIZE_NOTES, SIZE_PRESETS
from desk.export.event_briefing import event_briefing, event_briefing_image, event_title
from desk.export.event_timelinejs import events_timelinejs_bytes
from desk.export.images import IMAGE_EXPORT_ERRORS, image_export_problem
from desk.export.pack import PACK_FORMATS, briefing_pack
from desk.literal import markdown_literal
from desk.story import KeyEvents
from desk.ui.export_panel import offer_image

FORMAT_LABELS = {"PNG": "png", "SVG": "svg", "PDF": "pdf"}
OPEN_KEY = "event_export_open"   # the section's open state (session state): its controls exist only while open
_RENDERED = "event_export_rendered"


def _selection_key(key: KeyEvents, *settings: object) -> str:
    digest = hashlib.sha1(repr(settings).encode("utf-8"))
    digest.update("\n".join(key.shown["event_id"].astype(str)).encode("utf-8"))
    return digest.hexdigest()


def render_event_export_panel(key: KeyEvents, fetch_statements: Callable[[], pd.DataFrame],
                              documents: pd.DataFrame | None, *, description: str, file_stem: str, window: str,
                              lane_by: str, source_names: dict[str, str]) -> None:
    """Export section for the key events `key` (already filtered) as the chart above draws them.

    `fetch_statements()` gives the statements behind them (read only when an export is built). The section's
    controls are drawn only while it is open: a closed section costs the Timeline's first paint nothing.
    """
    panel = st.expander("Export for a briefing (labelled chart, TimelineJS, briefing pack)", expanded=False,
                        key=OPEN_KEY, on_change="rerun")
    with panel:
        if not panel.open:
            return
        if key.shown.empty:
            st.info("Nothing to export: no dated event matches the current filters.")
            return
        st.caption(markdown_literal(f"Exports the event chart as shown: {description} · {key.description()}."))
        title = st.text_input("Title", value=event_title(description), key="event_export_title")
        size_column, format_column = st.columns(2)
        size = size_column.selectbox("Size", list(SIZE_PRESETS), index=list(SIZE_PRESETS).index(DEFAULT_SIZE),
                                     key="event_export_size")
        size_column.caption(SIZE_NOTES[size])
        format_label = format_column.radio("Image format", list(FORMAT_LABELS), horizontal=True, key="event_export_format")
        image_format = FORMAT_LABELS[format_label]
        problem = image_export_problem()
        settings = (title, size, window, lane_by, description)
        if problem:
            st.warning(markdown_literal(problem))
        else:
            image_column, pack_column = st.columns(2)
            render_image = image_column.button("Render image", key="event_export_render", type="primary")
            render_pack = pack_column.button("Build the briefing pack (PDF + PowerPoint)", key="event_export_pack")
            if render_image or render_pack:
                with st.spinner("Laying out the briefing…"):
                    try:
                        statements = fetch_statements()
                        page = event_briefing(key, statements, title=title, filter_description=description, size=size,
                                              window=window, lane_by=lane_by, documents=documents,
                                              source_names=source_names)
                        if render_image:
                            st.session_state[_RENDERED + "_image"] = (
                                _selection_key(key, *settings, image_format), event_briefing_image(page, image_format, size=size))
                        if render_pack:
                            st.session_state[_RENDERED + "_pack"] = (
                                _selection_key(key, *settings), briefing_pack(page, statements, documents, size=size))
                    except IMAGE_EXPORT_ERRORS as failure:
                        st.error(markdown_literal(failure))
            _offer_image(key, settings, image_format, format_label, title, size, file_stem)
            _offer_pack(key, settings, file_stem)
        st.divider()

        def timelinejs() -> bytes:  # built when the button is pressed, not on every rerun of the Timeline
            evidence = evidence_by_event(key.shown, fetch_statements(), documents)
            return events_timelinejs_bytes(key.shown, evidence, title=title, description=description)

        st.download_button("TimelineJS of these events", key="event_export_timelinejs", on_click="ignore",
                           data=timelinejs, file_name=f"{file_stem}_events.timeline.json", mime="application/json")


def _offer_image(key: KeyEvents, settings: tuple, image_format: str, format_label: str, title: str, size: str,
                 file_stem: str) -> None:
    rendered = st.session_state.get(_RENDERED + "_image")
    if rendered is None or rendered[0] != _selection_key(key, *settings, image_format):
        return
    offer_image(rendered[1], image_format, format_label, f"{title} — {size}", f"{file_stem}_events.{image_format}",
                key="event_export_image_download")


def _offer_pack(key: KeyEvents, settings: tuple, file_stem: str) -> None:
    rendered = st.session_state.get(_RENDERED + "_pack")
    if rendered is None or rendered[0] != _selection_key(key, *settings):
        return
    for column, (pack_format, payload) in zip(st.columns(len(rendered[1])), rendered[1].items()):
        column.download_button(f"Download the pack as {pack_format.upper()} ({len(payload) / 1024:,.0f} KB)",
                               data=payload, file_name=f"{file_stem}_briefing.{pack_format}",
                               mime=PACK_FORMATS[pack_format], key=f"event_export_pack_{pack_format}", on_click="ignore")
