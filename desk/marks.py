"""From a statements frame to the marks of the timeline: lanes, points vs bars, vertical positions, colours, labels.

Pure pandas (no plotly, no streamlit) so every decision the chart makes can be tested.

>>> color_of("event", "kind")
'#1f4e9c'
"""
from __future__ import annotations

import math
import zlib

import numpy as np
import pandas as pd

from desk.labels import MACHINE_DATE_COLUMNS
from extract.schema import POINT_GRAINS

LANE_CHOICES: dict[str, str] = {"country": "Country", "actor": "Actor", "source": "Source"}
LANE_PLURALS = {"country": "countries", "actor": "actors", "source": "sources"}   # "Other (26 more countries)"
COLOR_CHOICES: dict[str, str] = {"source": "Source", "kind": "Kind"}
NO_LANE_LABEL = {"country": "(no country named)", "actor": "(no actor named)", "source": "(no source)"}
OTHER_LANE_PREFIX = "Other "
MAX_LANES = 30
MAX_BAR_TRACKS = 6
LANE_BAND = 0.8            # fraction of a lane's height the marks may use
SOURCE_PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#9c9a1c",
    "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1",
)
KIND_COLORS = {"event": "#1f4e9c", "reference": "#8a8f98", "dateline": "#e07b00"}
MAX_SOURCE_COLORS = 12     # sources with a colour (and legend entry) of their own; the rest share one grey group
OTHER_SOURCES = "\x00other sources"   # their colour key (no doc_id starts with a NUL)
OTHER_SOURCES_COLOR = "#9aa0a6"
MARK_COLUMNS = ["statement_id", "doc_id", "sentence", "date_text", "value", "grain", "start", "end", "kind",
                "countries", "actors"]


def source_colors(doc_ids: list[str]) -> dict[str, str]:
    """A fixed colour per source: its hashed palette slot, or the next free one on a collision.

    >>> colors = source_colors(["syn_001", "syn_002"])
    >>> len(set(colors.values())) == 2 and colors == source_colors(["syn_002", "syn_001"])
    True
    """
    slot_of = {doc_id: zlib.crc32(doc_id.encode("utf-8")) % len(SOURCE_PALETTE) for doc_id in sorted(set(doc_ids))}
    taken: set[int] = set()
    colors: dict[str, str] = {}
    for doc_id in sorted(slot_of, key=lambda d: (slot_of[d], d)):
        slot = slot_of[doc_id]
        while slot in taken and len(taken) < len(SOURCE_PALETTE):
            slot = (slot + 1) % len(SOURCE_PALETTE)
        taken.add(slot)
        colors[doc_id] = SOURCE_PALETTE[slot]
    return colors


def color_of(color_key: str, color_by: str, source_color_map: dict[str, str] | None = None) -> str:
    """The colour of one group (a kind, a source by its doc_id, or the other sources)."""
    if color_by == "kind":
        return KIND_COLORS.get(color_key, "#444444")
    if color_key == OTHER_SOURCES:
        return OTHER_SOURCES_COLOR
    return (source_color_map or source_colors([color_key]))[color_key]


def source_color_keys(doc_ids: pd.Series, limit: int = MAX_SOURCE_COLORS) -> pd.Series:
    """The colour key of each mark's source: its doc_id for the `limit` sources with the most marks (all of them
    when there are no more than `limit`), `OTHER_SOURCES` for the rest, so that 286 sources make 12 colours and
    one "other sources" group, not 286 legend entries in 18 recycled colours.

    >>> source_color_keys(pd.Series(["a", "a", "b", "c"]), limit=2).tolist() == ["a", "a", "b", OTHER_SOURCES]
    True
    """
    counts = doc_ids.value_counts()
    if len(counts) <= limit:
        return doc_ids
    ranked = sorted(counts.index, key=lambda doc_id: (-counts[doc_id], doc_id))
    return doc_ids.where(doc_ids.isin(ranked[:limit]), OTHER_SOURCES)


def placed_statements(statements: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """The statements with a resolved start, their `end` fixed where missing or not after the start (start + 1 day).

    Every chart, briefing and window computation places statements this one way.
    >>> placed = placed_statements(pd.DataFrame({"start": [pd.Timestamp("2025-06-13"), pd.NaT], "end": [pd.NaT, pd.NaT]}))
    >>> placed["end"].tolist()
    [Timestamp('2025-06-14 00:00:00')]
    """
    placed = statements.loc[statements["start"].notna(), columns if columns is not None else slice(None)].copy()
    placed["end"] = placed["end"].where(placed["end"].notna() & (placed["end"] > placed["start"]),
                                        placed["start"] + pd.Timedelta(days=1))
    return placed


def _lane_values(statements: pd.DataFrame, lane_by: str, labels: dict[str, str]) -> pd.Series:
    if lane_by == "source":
        return statements["doc_id"].map(lambda doc_id: [labels.get(doc_id, doc_id)])
    column = "countries" if lane_by == "country" else "actors"
    return statements[column].map(lambda names: list(names) if len(names) else [NO_LANE_LABEL[lane_by]])


def lane_order(totals: pd.Series, lane_by: str) -> tuple[list[str], dict[str, str]]:
    """(lanes in drawing order, lanes merged into the 'Other' lane -> its name) from the marks per lane: by
    frequency (ties by name), the empty lane last, beyond MAX_LANES merged into one 'Other (N more …)' lane.

    >>> lane_order(pd.Series({"Iran": 3, "(no country named)": 9, "Israel": 5}), "country")
    (['Israel', 'Iran', '(no country named)'], {})
    """
    named = sorted((lane for lane in totals.index if lane != NO_LANE_LABEL[lane_by]), key=lambda lane: (-totals[lane], lane))
    merged_into: dict[str, str] = {}
    if len(named) > MAX_LANES:
        kept, merged = named[: MAX_LANES - 1], named[MAX_LANES - 1:]
        other = f"{OTHER_LANE_PREFIX}({len(merged)} more {LANE_PLURALS[lane_by]})"
        merged_into = {lane: other for lane in merged}
        named = kept + [other]
    if NO_LANE_LABEL[lane_by] in totals.index:
        named.append(NO_LANE_LABEL[lane_by])
    return named, merged_into


def _order_lanes(lanes: pd.Series, lane_by: str) -> tuple[pd.Series, list[str]]:
    """Lanes by frequency (ties by name), the empty lane last; beyond MAX_LANES merged into one 'Other' lane."""
    order, merged_into = lane_order(lanes.value_counts(), lane_by)
    if merged_into:
        lanes = lanes.where(~lanes.isin(list(merged_into)), next(iter(merged_into.values())))
    return lanes, order


def _sample_per_lane(marks: pd.DataFrame, max_marks: int) -> pd.DataFrame:
    """A deterministic sample of about `max_marks` rows, the same share of every lane and at least one mark per lane."""
    rng = np.random.default_rng(0)
    fraction = max_marks / len(marks)
    chosen = [rng.choice(positions, size=max(1, round(len(positions) * fraction)), replace=False)
              for positions in marks.groupby("lane", sort=False).indices.values()]
    return marks.take(np.sort(np.concatenate(chosen)))


def _bar_tracks(bars: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Greedy interval packing per lane: overlapping bars go to separate tracks (at most MAX_BAR_TRACKS)."""
    tracks = pd.Series(0, index=bars.index, dtype="int64")
    track_counts = pd.Series(1, index=bars.index, dtype="int64")
    for _, lane_bars in bars.sort_values(["lane_position", "start", "end"]).groupby("lane_position", sort=False):
        track_ends: list[pd.Timestamp] = []
        for index, start, end in zip(lane_bars.index, lane_bars["start"], lane_bars["end"]):
            free = next((track for track, last_end in enumerate(track_ends) if last_end <= start), None)
            if free is None and len(track_ends) < MAX_BAR_TRACKS:
                track_ends.append(end)
                free = len(track_ends) - 1
            elif free is None:
                free = min(range(len(track_ends)), key=lambda track: track_ends[track])
            track_ends[free] = max(track_ends[free], end)
            tracks[index] = free
        track_counts[lane_bars.index] = len(track_ends)
    return tracks, track_counts


def timeline_marks(statements: pd.DataFrame, *, lane_by: str, color_by: str, max_marks: int,
                   labels: dict[str, str]) -> tuple[pd.DataFrame, list[str], int | None]:
    """(marks, lane order, sampled-from count or None): one row per placeable statement and lane, with y, height, is_point.

    >>> frame = pd.DataFrame({"statement_id": ["a", "b"], "doc_id": ["d", "d"], "sentence": ["", ""], "date_text": ["", ""],
    ...     "value": ["2025-06-13", "2024"], "grain": ["day", "year"], "kind": ["event", "event"],
    ...     "start": pd.to_datetime(["2025-06-13", "2024-01-01"]), "end": pd.to_datetime(["2025-06-14", "2025-01-01"]),
    ...     "countries": [["Iran", "Israel"], ["Iran"]], "actors": [[], []]})
    >>> marks, lanes, sampled_from = timeline_marks(frame, lane_by="country", color_by="kind", max_marks=100, labels={})
    >>> lanes, marks["is_point"].tolist(), sampled_from
    (['Iran', 'Israel'], [True, True, False], None)
    """
    machine = [column for column in MACHINE_DATE_COLUMNS if column in statements.columns]  # curated: the hover names it
    placeable = placed_statements(statements, MARK_COLUMNS + machine)
    placeable["lane"] = _lane_values(placeable, lane_by, labels)
    marks = placeable.explode("lane")
    marks["lane"], lanes = _order_lanes(marks["lane"].astype(str), lane_by)
    marks = marks.reset_index(drop=True)
    sampled_from = None
    if len(marks) > max_marks:
        sampled_from = len(marks)
        marks = _sample_per_lane(marks, max_marks).reset_index(drop=True)
    marks["lane_position"] = marks["lane"].map({lane: position for position, lane in enumerate(lanes)}).astype("int64")
    marks["color_key"] = source_color_keys(marks["doc_id"].astype(str)) if color_by == "source" else marks["kind"].astype(str)
    marks["is_point"] = marks["grain"].isin(POINT_GRAINS) & (marks["end"] - marks["start"] <= pd.Timedelta(days=1))
    marks["y"] = marks["lane_position"].astype("float64")
    marks["height"] = LANE_BAND
    points = marks[marks["is_point"]]
    if not points.empty:
        day_keys = [points["lane_position"], points["start"].dt.floor("D")]
        rank = points.groupby(day_keys).cumcount()
        same_day = points.groupby(day_keys)["statement_id"].transform("size")
        step = (LANE_BAND / same_day).clip(upper=0.16)
        marks.loc[points.index, "y"] = points["lane_position"] + (rank - (same_day - 1) / 2) * step
    bars = marks[~marks["is_point"]]
    if not bars.empty:
        tracks, track_counts = _bar_tracks(bars)
        height = LANE_BAND / track_counts
        marks.loc[bars.index, "height"] = height * 0.9
        marks.loc[bars.index, "y"] = bars["lane_position"] - LANE_BAND / 2 + height * (tracks + 0.5)
    return marks, lanes, sampled_from


STORY_SHARE = 0.8          # the story: the shortest span holding this share of the statements ...
SQUEEZE_FACTOR = 10        # ... is the window when holding `share` of them would make the axis this many times longer


def _core(values, share: float):
    """(low, high) of the shortest span of the sorted `values` holding `share` of them."""
    count = max(1, math.floor(share * len(values)))
    spans = values[count - 1:] - values[: len(values) - count + 1]
    first = int(spans.argmin())
    return values[first], values[first + count - 1]


def default_window(marks: pd.DataFrame, share: float = 0.95) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The initial x range: the shortest span holding `share` of the statements (by interval midpoint), widened to
    the statements within one such span of it, padded.

    Robust to a few outliers (1979, "the 20th century"); everything stays reachable through the range slider. When
    the last statements of that share are background history that stretches the axis more than `SQUEEZE_FACTOR`
    times the span of the story (`STORY_SHARE` of them: a month of 2010 and mentions of 1804, 1915, 1994 ...), the
    window is the story's span instead, so the story is not drawn in a sliver at the edge.
    """
    placed = marks.drop_duplicates("statement_id").reset_index(drop=True)
    midpoints = (placed["start"] + (placed["end"] - placed["start"]) / 2).sort_values()
    values = midpoints.to_numpy()
    core_low, core_high = _core(values, share)   # a few outliers (at most 1 - share) may fall outside
    story_low, story_high = _core(values, STORY_SHARE)
    day = pd.Timedelta(days=1).to_timedelta64()
    if core_high - core_low > SQUEEZE_FACTOR * max(story_high - story_low, day):
        core_low, core_high = story_low, story_high
    reach = max(core_high - core_low, pd.Timedelta(days=1).to_timedelta64())
    inside = placed.loc[midpoints.index[(values >= core_low - reach) & (values <= core_high + reach)]]
    low, high = inside["start"].min(), inside["end"].max()
    padding = max((high - low) * 0.04, pd.Timedelta(days=1))
    return low - padding, high + padding
