"""The Timeline's key-event chart, built once per distinct input and shared by every rerun and session.

A click on an event, a lane change and a second analyst opening the same view rerun the page: the chart
(`desk.event_chart.build_event_chart`, tens of milliseconds of pandas and plotly) is then taken from the cache,
so the server is idle sooner and the browser gets the chart (and plotly.js, from the same Python process)
sooner. The cache key is a digest of everything the chart draws, so an analyst's edit (a label, a date) or a
filter change builds a new one.
"""
from __future__ import annotations

import hashlib
import pickle

import pandas as pd
import streamlit as st

from desk.event_chart import EventChart, build_event_chart

DRAWN_COLUMNS = ("event_id", "kind", "label", "value", "grain", "start", "end", "n_sources", "salience", "episode_id",
                 "countries", "actors", "doc_ids", "machine_value", "machine_grain", "machine_start", "machine_end")


def chart_digest(shown: pd.DataFrame, *settings: object) -> str:
    """A digest of the drawn columns of `shown` and the chart settings (window, lanes, source names).

    >>> frame = pd.DataFrame({"event_id": ["a"], "label": ["Israel strikes Iran"]})
    >>> chart_digest(frame, "story") == chart_digest(frame.assign(label="Iran strikes back"), "story")
    False
    """
    columns = [column for column in DRAWN_COLUMNS if column in shown.columns]
    rows = [tuple(tuple(value) if isinstance(value, list) else value for value in row)
            for row in shown[columns].itertuples(index=False, name=None)]
    return hashlib.sha1(pickle.dumps((columns, rows, settings), protocol=4)).hexdigest()


@st.cache_resource(max_entries=32, show_spinner=False)
def _chart(digest: str, _shown: pd.DataFrame, window: str, lane_by: str, _source_names: dict[str, str]) -> EventChart:
    return build_event_chart(_shown, window=window, lane_by=lane_by, source_names=_source_names)


def cached_event_chart(shown: pd.DataFrame, *, window: str, lane_by: str, source_names: dict[str, str]) -> EventChart:
    """`build_event_chart(shown, ...)` for the screen, from the cache when the same chart was built before."""
    names = sorted(source_names.items()) if lane_by == "source" else []
    return _chart(chart_digest(shown, window, lane_by, names), shown, window, lane_by, source_names)
