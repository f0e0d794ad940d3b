"""Which events a briefing timeline shows and over which time window (pure pandas; no plotly, no streamlit).

Key events first: the `key` most salient events (kind "event") of the filtered frame, plus the
episodes those events belong to. The window follows the story: it covers where the key events are
dense, and events far from that period are summarised ("Earlier: 2007 …") instead of stretching
the axis, so a 1648 aside never squeezes a June 2025 war into one pixel column.

>>> events = pd.DataFrame({"start": pd.to_datetime(["1648-01-01", "2025-06-13", "2025-06-14", "2025-06-20"]),
...                        "end": pd.to_datetime(["1649-01-01", "2025-06-14", "2025-06-15", "2025-06-21"])})
>>> window = story_window(events)
>>> window.start.year, window.outside
(2025, [0])
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

DEFAULT_KEY_EVENTS = 18            # rows that fit a 16:9 slide at a legible label size (see desk.event_layout)
KEY_EVENT_CHOICES = (10, 18, 30, 50, 0)  # 0 = all events
CORE_SMOOTHING = pd.Timedelta(days=7)   # density = events / (span + this): a lone day is not a story
CORE_MIN_EVENTS = 3                # the dense core holds at least this many events (or all when fewer)
MIN_REACH = pd.Timedelta(days=14)  # events this close to the window join it (and, farther, half its span)
PRECISE_SPAN = pd.Timedelta(days=32)   # an event at most this long (day, week, month) may set the window
CONTEXT_SPAN_FACTOR = 4            # a coarse event overlapping the window stays in it when at most this many windows long
WINDOW_CHOICES: dict[str, str] = {"story": "where the key events are dense", "all": "every event"}


def event_ends(events: pd.DataFrame) -> pd.Series:
    """`end`, or start + 1 day when the end is missing or not after the start.

    >>> event_ends(pd.DataFrame({"start": pd.to_datetime(["2007-01-01"]), "end": [pd.NaT]})).iloc[0]
    Timestamp('2007-01-02 00:00:00')
    """
    return events["end"].where(events["end"].notna() & (events["end"] > events["start"]),
                               events["start"] + pd.Timedelta(days=1))


@dataclass(frozen=True)
class KeyEvents:
    """The events a chart shows and what it leaves out (for the subtitle)."""

    shown: pd.DataFrame                  # events (and their episodes) to draw, most salient first
    n_events: int                        # events (kind "event") that matched the filters
    n_shown_events: int                  # of which shown
    n_sources: int                       # distinct articles behind the shown events
    undated: int = 0                     # matching events with no resolved date (never drawn)
    candidates: pd.DataFrame | None = None   # every matching event the key ones were chosen from

    def description(self) -> str:
        """'18 key events of 61 from 4 sources' (or 'all 12 events from 3 sources').

        >>> KeyEvents(pd.DataFrame(), 18, 18, 4).description()
        'all 18 events from 4 sources'
        >>> KeyEvents(pd.DataFrame(), 61, 18, 4).description()
        '18 key events of 61 from 4 sources'
        """
        sources = f"{self.n_sources:,} source{'s' if self.n_sources != 1 else ''}"
        if self.n_shown_events < self.n_events:
            text = f"{self.n_shown_events:,} key events of {self.n_events:,} from {sources}"
        else:
            text = f"all {self.n_events:,} event{'s' if self.n_events != 1 else ''} from {sources}"
        return text + (f" ({self.undated:,} undated not drawn)" if self.undated else "")


def no_events_message(matching: int, placeable: int, undated_events: int = 0) -> str:
    """Why the key-event chart is empty, in Markdown: nothing matches, or what matches is not part of a dated event.

    >>> no_events_message(2, 2).split(". Events")[0]
    'No dated event matches these filters: the 2 statements that match (2 with a resolved date) are part of no event'
    """
    if not matching:
        return "No statement matches these filters. Loosen them in the sidebar, or press **Reset filters**."
    statements = f"the {matching:,} statement{'s' if matching != 1 else ''} that match"
    if undated_events:
        why = (f"{statements} belong to {undated_events:,} event{'s' if undated_events != 1 else ''} whose date could "
               "not be resolved")
    elif not placeable:
        why = f"{statements} have no date that could be resolved, so they are part of no event"
    else:
        why = (f"{statements} ({placeable:,} with a resolved date) are part of no event. Events are built only "
               "from statements of kind *event* with a resolved date, leaving out reference lines, datelines, page "
               "stamps, broadcast listings and sentences with no word beyond their date")
    return (f"No dated event matches these filters: {why}. Read them under **Raw statements (for checking)** or on the "
            "Statements page, or loosen the filters.")


def events_with_evidence_in(events: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """The events with at least one statement of `statements` (already filtered) among their evidence.

    Every statement filter (country, actor, source, dates, text) thus applies to events through their evidence.

    >>> events = pd.DataFrame({"event_id": ["a", "b"], "statement_ids": [["s1"], ["s2", "s3"]]})
    >>> events_with_evidence_in(events, pd.DataFrame({"statement_id": ["s3"]}))["event_id"].tolist()
    ['b']
    """
    wanted = set(statements["statement_id"].astype(str))
    keep = events["statement_ids"].map(lambda ids: any(str(one) in wanted for one in ids))
    return events[keep.astype(bool)]


def key_event_mask(events: pd.DataFrame, key: int = DEFAULT_KEY_EVENTS) -> pd.Series:
    """Which rows are key: the `key` most salient dated events (0 = all), ties by more sources then earlier date,
    plus every event the analyst starred or added by hand (extract.curation), plus the episodes they belong to.

    >>> events = pd.DataFrame({"event_id": ["a", "b", "e"], "kind": ["event", "event", "episode"],
    ...     "salience": [0.2, 0.9, 0.5], "n_sources": [1, 2, 2], "episode_id": ["", "e", ""],
    ...     "start": pd.to_datetime(["2007-01-01", "2025-06-13", "2025-06-13"])})
    >>> key_event_mask(events, key=1).tolist()
    [False, True, True]
    """
    dated = events["start"].notna()
    happenings = events[dated & (events["kind"] == "event")]
    ranked = happenings.sort_values(["salience", "n_sources", "start"], ascending=[False, False, True], kind="stable")
    chosen = ranked if key <= 0 else ranked.head(key)
    if "starred" in happenings:  # starred and hand-added events are always key, on top of the `key` most salient
        vouched = happenings["starred"].astype(bool) | (happenings["origin"] == "analyst").astype(bool)
        chosen = pd.concat([chosen, happenings[vouched & ~happenings.index.isin(chosen.index)]])
    episode_ids = set(chosen["episode_id"].astype(str)) - {""}
    episodes = dated & (events["kind"] == "episode") & events["event_id"].astype(str).isin(episode_ids)
    return events.index.isin(chosen.index) | episodes


def select_key_events(events: pd.DataFrame, key: int = DEFAULT_KEY_EVENTS) -> KeyEvents:
    """The key events of `events` (see `key_event_mask`), most salient first, with the counts the subtitle states.

    >>> events = pd.DataFrame({"event_id": ["a", "b", "e"], "kind": ["event", "event", "episode"],
    ...     "salience": [0.2, 0.9, 0.5], "n_sources": [1, 2, 2], "episode_id": ["", "e", ""],
    ...     "doc_ids": [["d1"], ["d1", "d2"], ["d1", "d2"]],
    ...     "start": pd.to_datetime(["2007-01-01", "2025-06-13", "2025-06-13"])})
    >>> select_key_events(events, key=1).shown["event_id"].tolist()
    ['b', 'e']
    """
    shown = events[key_event_mask(events, key)]
    shown = shown.sort_values(["salience", "n_sources"], ascending=[False, False], kind="stable")
    chosen = shown[shown["kind"] == "event"]
    sources = {doc for doc_ids in chosen["doc_ids"] for doc in doc_ids}
    happenings = events["kind"] == "event"
    undated = int((events["start"].isna() & happenings).sum())
    return KeyEvents(shown=shown, n_events=int(happenings.sum()), n_shown_events=len(chosen), n_sources=len(sources),
                     undated=undated, candidates=events)


@dataclass(frozen=True)
class StoryWindow:
    """The time window of the chart and the (positional) rows of the frame that fall outside it."""

    start: pd.Timestamp
    end: pd.Timestamp
    outside: list[int] = field(default_factory=list)   # positions (iloc) of events not drawn in this window
    mode: str = "story"

    @property
    def span(self) -> pd.Timedelta:
        """end - start."""
        return self.end - self.start


def _midpoints(starts: pd.Series, ends: pd.Series) -> pd.Series:
    return starts + (ends - starts) / 2


def _dense_core(midpoints: pd.Series, smoothing: pd.Timedelta = CORE_SMOOTHING,
                min_count: int = CORE_MIN_EVENTS) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The run of consecutive midpoints with the most events per day: count / (span + smoothing), at least
    `min_count` events (or all of them when fewer). Quadratic in the number of events: call it on key events."""
    values = np.sort(midpoints.to_numpy().astype("datetime64[s]").astype(np.int64))
    count = len(values)
    needed = min(min_count, count)
    first, last = np.triu_indices(count)
    sizes = last - first + 1
    scores = np.where(sizes >= needed, sizes / (values[last] - values[first] + smoothing.total_seconds()), -1.0)
    best = int(np.lexsort((sizes, scores))[-1])  # the best score; on a tie, the run with more events
    return (pd.Timestamp(int(values[first[best]]), unit="s"), pd.Timestamp(int(values[last[best]]), unit="s"))


def _padded(low: pd.Timestamp, high: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    padding = max((high - low) * 0.03, pd.Timedelta(days=1))
    return low - padding, high + padding


def story_window(events: pd.DataFrame, mode: str = "story") -> StoryWindow:
    """The window over which `events` (dated rows with start/end) are drawn, and which rows lie outside it.

    "story": the densest run of precise events (a month or shorter; `_dense_core`), widened step by step
    to the precise events within max(14 days, half the window) of it; coarse events (a year, a decade) stay
    when they overlap the window and are at most a few windows long. "all": every event.

    >>> days = pd.to_datetime(["2025-06-13", "2025-06-20", "2025-06-24", "2025-04-01", "2007-01-01"])
    >>> frame = pd.DataFrame({"start": days, "end": days + pd.Timedelta(days=1)})
    >>> window = story_window(frame)
    >>> (window.start.strftime("%d %b"), window.end.strftime("%d %b %Y"), window.outside)
    ('12 Jun', '26 Jun 2025', [3, 4])
    """
    if mode not in WINDOW_CHOICES:
        raise ValueError(f"window must be one of {', '.join(WINDOW_CHOICES)}, not {mode!r}")
    starts = events["start"].reset_index(drop=True)
    ends = event_ends(events).reset_index(drop=True)
    if starts.empty:
        moment = pd.Timestamp("2000-01-01")
        return StoryWindow(moment, moment + pd.Timedelta(days=1), [], mode)
    if mode == "all":
        low, high = _padded(starts.min(), ends.max())
        return StoryWindow(low, high, [], mode)
    lengths = ends - starts
    precise = lengths <= PRECISE_SPAN
    anchors = precise if precise.any() else pd.Series(True, index=starts.index)
    midpoints = _midpoints(starts, ends)
    low, high = _dense_core(midpoints[anchors])
    while True:
        reach = max(MIN_REACH, (high - low) / 2)
        joined = anchors & (midpoints >= low - reach) & (midpoints <= high + reach)
        wider_low, wider_high = min(low, starts[joined].min()), max(high, ends[joined].max())
        if (wider_low, wider_high) == (low, high):
            break
        low, high = wider_low, wider_high
    low, high = _padded(low, high)
    overlapping = (starts < high) & (ends > low) & (lengths <= max(pd.Timedelta(days=366), (high - low) * CONTEXT_SPAN_FACTOR))
    inside = (anchors & (midpoints >= low) & (midpoints <= high)) | (~anchors & overlapping)
    return StoryWindow(low, high, [int(position) for position in inside[~inside].index], mode)


def outside_window(events: pd.DataFrame, window: StoryWindow) -> pd.DataFrame:
    """The dated events that do not meet `window` at all.

    >>> days = pd.to_datetime(["2007-01-01", "2025-06-13"])
    >>> frame = pd.DataFrame({"start": days, "end": days + pd.Timedelta(days=1)})
    >>> len(outside_window(frame, StoryWindow(pd.Timestamp("2025-06-01"), pd.Timestamp("2025-07-01"))))
    1
    """
    dated = events[events["start"].notna()]
    return dated[(dated["start"] >= window.end) | (event_ends(dated) <= window.start)]
