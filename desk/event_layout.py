"""Where each event of a briefing timeline goes: one row per event, its label above its mark (pure; no plotly).

The "story" layout: events run top to bottom in date order (grouped in lane blocks when lanes are
on), time runs left to right. Each row has two bands: the label on top, the mark (a point for a
day, a bar over the whole period for a month, a year or a range) below it. So a label can never
cover another label (one per row) nor a mark (marks live in the lower band), whatever the window
or the page size. A label starts at its mark; when it would run past the right edge it ends at
the mark's end instead (or, when that runs past the left edge, at the right edge, still anchored on its
left, so it never starts right of its mark), and is shortened with '…' only when wider than the whole plot.

>>> text_width_px("Israel strikes Iran", 13) > 100
True
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from desk.labels import MACHINE_DATE_COLUMNS, interval_label, machine_date_notes
from desk.story import StoryWindow, event_ends
from extract.schema import POINT_GRAINS

LABEL_FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif"
_FONT_FILES = ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",  # metric twin of Arial
               "/usr/share/fonts/truetype/msttcorefonts/Arial.ttf",
               "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FALLBACK_CHAR_WIDTH = 0.58      # of the font size, when no font file can be measured
WIDTH_SAFETY = 1.06             # browsers round glyph advances up a little
MAX_POINT_PX = 14               # the marker of the best-corroborated day (see desk.event_chart.point_sizes)
BAR_PX = 9                      # thickness of a period's bar
LABEL_HEIGHT = 1.24             # a label's box height, as a share of its font size
NO_LANE = "(none named)"
LANE_BY_CHOICES: dict[str, str] = {"none": "None", "country": "Country", "actor": "Actor", "source": "Source"}
SEPARATOR = " · "


@functools.lru_cache(maxsize=16)
def _font(size_px: int):
    try:
        from PIL import ImageFont
    except ImportError:  # pragma: no cover - pillow comes with the pinned requirements
        return None
    for candidate in _FONT_FILES:
        if Path(candidate).is_file():
            return ImageFont.truetype(candidate, size_px)
    return None


def text_width_px(text: str, font_px: float) -> float:
    """Rendered width of `text` in px at `font_px` (Arial metrics), with a small safety margin.

    >>> text_width_px("", 13)
    0.0
    """
    if not text:
        return 0.0
    font = _font(max(1, round(font_px)))
    width = font.getlength(text) if font is not None else len(text) * font_px * FALLBACK_CHAR_WIDTH
    return float(width) * WIDTH_SAFETY


def shorten_to_width(text: str, width_px: float, font_px: float) -> str:
    """`text` cut at a word boundary (with '…') so that it fits `width_px`.

    >>> shorten_to_width("Israel launched Operation Rising Lion against Iran", 160, 13)
    'Israel launched…'
    """
    if text_width_px(text, font_px) <= width_px:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(" ,;:–-") + "…"
        if text_width_px(candidate, font_px) <= width_px:
            return candidate
    characters = text
    while characters and text_width_px(characters + "…", font_px) > width_px:
        characters = characters[:-1]
    return characters + "…"


def wrap_to_width(text: str, width_px: float, font_px: float, max_lines: int) -> list[str]:
    """`text` in lines that fit `width_px` (words kept whole), the last one shortened with '…' when more remain.

    >>> wrap_to_width("one two three four", 60, 13, 2)
    ['one two', 'three four']
    >>> wrap_to_width("one two three four five six", 60, 13, 2)
    ['one two', 'three…']
    """
    lines: list[str] = []
    words = text.split(" ")
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and text_width_px(f"{line} {words[0]}", font_px) <= width_px:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words and lines:
        lines[-1] = shorten_to_width(f"{lines[-1]} {' '.join(words)}", width_px, font_px)
    return lines


def sources_badge(n_sources: int) -> str:
    """How many articles report the event, when more than one.

    >>> sources_badge(1), sources_badge(3)
    ('', '3 sources')
    """
    return f"{n_sources} sources" if n_sources > 1 else ""


@dataclass(frozen=True)
class Geometry:
    """The page the layout is made for: plot width and row height in px, label font size.

    A row is a label band (top) over a mark band (bottom). Offsets are in rows from the row's centre
    (rows grow downwards, as the chart's reversed y axis does).

    >>> Geometry(row_px=34, label_font_px=13).min_row_px
    34.12
    """

    plot_width_px: float = 1000.0
    row_px: float = 34.0
    label_font_px: float = 13.0

    @property
    def min_row_px(self) -> float:
        """The shortest row that holds a label above the largest mark with a little air."""
        return round(self.label_font_px * LABEL_HEIGHT + MAX_POINT_PX + 4, 2)

    @property
    def top_pad_px(self) -> float:
        """Air above the label in a row taller than it needs: the label and its mark sit in the row's middle."""
        return max(0.0, (self.row_px - self.min_row_px) / 2)

    @property
    def label_offset(self) -> float:
        """Where the label's centre sits, in rows from the row's centre."""
        return (self.top_pad_px + 1 + self.label_font_px * LABEL_HEIGHT / 2) / self.row_px - 0.5

    @property
    def mark_offset(self) -> float:
        """Where the mark's centre sits (just under its label, whatever the row height), in rows from the row's centre."""
        return (self.top_pad_px + 1 + self.label_font_px * LABEL_HEIGHT + 1 + MAX_POINT_PX / 2) / self.row_px - 0.5

    @property
    def bar_thickness(self) -> float:
        """A bar's thickness, in rows."""
        return BAR_PX / self.row_px


def _lane_of(events: pd.DataFrame, lane_by: str, source_names: dict[str, str]) -> tuple[pd.Series, list[str]]:
    """Each event's lane (its most common lane value overall) and the lane order (most events first)."""
    if lane_by == "none":
        return pd.Series("", index=events.index), [""]
    if lane_by == "source":
        values = events["doc_ids"].map(lambda ids: [source_names.get(str(one), str(one)) for one in ids])
    else:
        values = events["countries" if lane_by == "country" else "actors"].map(list)
    counts = values.explode().dropna().value_counts()
    def lane(names: list[str]) -> str:
        return min(names, key=lambda name: (-counts.get(name, 0), name)) if names else NO_LANE

    lanes = values.map(lane)
    order = sorted(set(lanes), key=lambda name: (name == NO_LANE, -int((lanes == name).sum()), name))
    return lanes, order


def layout_events(events: pd.DataFrame, window: StoryWindow, *, lane_by: str = "none",
                  geometry: Geometry = Geometry(), source_names: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per event inside `window`: its row, mark extent, label text and label box (px from the plot's top left).

    Columns: event_id, kind, lane, row, is_point, mark_start, mark_end (clipped to the window),
    label, date_text, badge, label_text (what is drawn), label_x (timestamp), label_anchor
    ("left"/"right"), box_left, box_right, box_top, box_bottom (px), n_sources, episode_id, salience, date_note
    ("date fixed by the analyst (machine: ...)" or "").

    >>> frame = pd.DataFrame({"event_id": ["a"], "kind": ["event"], "label": ["Israel strikes Iran"],
    ...     "value": ["2025-06-13"], "grain": ["day"], "start": pd.to_datetime(["2025-06-13"]),
    ...     "end": pd.to_datetime(["2025-06-14"]), "n_sources": [3], "salience": [1.0], "episode_id": [""],
    ...     "countries": [["Iran"]], "actors": [[]], "doc_ids": [["d1"]]})
    >>> from desk.story import story_window
    >>> layout_events(frame, story_window(frame))[["row", "label_text", "label_anchor"]].values.tolist()
    [[0, '13 Jun 2025 · Israel strikes Iran · 3 sources', 'left']]
    """
    if lane_by not in LANE_BY_CHOICES:
        raise ValueError(f"lane_by must be one of {', '.join(LANE_BY_CHOICES)}, not {lane_by!r}")
    inside = events.drop(events.index[window.outside]) if window.outside else events
    columns = ["event_id", "kind", "lane", "row", "is_point", "mark_start", "mark_end", "label", "date_text", "badge",
               "label_text", "label_x", "label_anchor", "box_left", "box_right", "box_top", "box_bottom", "n_sources",
               "episode_id", "salience", "date_note"]
    if inside.empty:
        return pd.DataFrame(columns=columns)
    needed = ["event_id", "kind", "label", "value", "grain", "start", "end", "n_sources", "episode_id", "salience",
              "doc_ids" if lane_by == "source" else "countries" if lane_by == "country" else "actors",
              *MACHINE_DATE_COLUMNS]
    frame = inside[[column for column in dict.fromkeys(needed) if column in inside]].copy()  # only what is drawn
    frame["end"] = event_ends(frame)
    frame["date_note"] = machine_date_notes(frame)   # an analyst's date shows the machine's in the hover
    frame["lane"], lanes = _lane_of(frame, lane_by, source_names or {})
    frame["lane_order"] = frame["lane"].map({lane: position for position, lane in enumerate(lanes)})
    frame["episode_first"] = (frame["kind"] != "episode").astype(int)
    frame = frame.sort_values(["lane_order", "start", "episode_first", "salience"],
                              ascending=[True, True, True, False], kind="stable").reset_index(drop=True)
    frame["row"] = range(len(frame))
    span_ms = max((window.end - window.start) / pd.Timedelta(milliseconds=1), 1.0)
    width = geometry.plot_width_px

    def x_px(moment: pd.Timestamp) -> float:
        return (moment - window.start) / pd.Timedelta(milliseconds=1) / span_ms * width

    records = []
    for event in frame.itertuples(index=False):
        mark_start, mark_end = max(event.start, window.start), min(event.end, window.end)
        is_point = event.kind == "event" and event.grain in POINT_GRAINS and event.end - event.start <= pd.Timedelta(days=1)
        date_text = interval_label(event.value, event.grain, event.start, event.end)
        badge = sources_badge(int(event.n_sources))
        label = str(event.label) if pd.notna(event.label) and str(event.label).strip() else "(no label)"
        prefix = date_text + SEPARATOR
        suffix = (SEPARATOR + badge) if badge else ""
        room = width - 4 - text_width_px(prefix + suffix, geometry.label_font_px)
        label = shorten_to_width(label, max(room, 40.0), geometry.label_font_px)
        label_text = prefix + label + suffix
        label_width = text_width_px(label_text, geometry.label_font_px)
        mark_right = mark_start if is_point else mark_end   # a day's dot is drawn at its start
        start_px, end_px = x_px(mark_start), x_px(mark_right)
        if start_px + label_width <= width:
            anchor, label_x, left = "left", mark_start, start_px
        elif end_px - label_width >= 0:   # before its mark: it ends at the dot, or at the end of the period's bar
            anchor, label_x, left = "right", mark_right, end_px - label_width
        else:   # ends at the right edge: anchored on its left, so a narrower browser font never detaches it rightwards
            left = width - label_width
            anchor, label_x = "left", window.start + (window.end - window.start) * (left / width)
        centre_y = (event.row + 0.5 + geometry.label_offset) * geometry.row_px
        half_height = geometry.label_font_px * LABEL_HEIGHT / 2
        records.append(dict(
            event_id=event.event_id, kind=event.kind, lane=event.lane, row=int(event.row), is_point=bool(is_point),
            mark_start=mark_start, mark_end=mark_end, label=label, date_text=date_text, badge=badge,
            label_text=label_text, label_x=label_x, label_anchor=anchor, box_left=left, box_right=left + label_width,
            box_top=centre_y - half_height, box_bottom=centre_y + half_height, n_sources=int(event.n_sources),
            episode_id=str(event.episode_id) if pd.notna(event.episode_id) else "", salience=float(event.salience),
            date_note=event.date_note))
    return pd.DataFrame.from_records(records, columns=columns)


def boxes_overlap(first: tuple[float, float, float, float], second: tuple[float, float, float, float]) -> bool:
    """Whether two (left, top, right, bottom) boxes share any area.

    >>> boxes_overlap((0, 0, 10, 10), (10, 0, 20, 10)), boxes_overlap((0, 0, 10, 10), (5, 5, 20, 20))
    (False, True)
    """
    return first[0] < second[2] and second[0] < first[2] and first[1] < second[3] and second[1] < first[3]


def overlapping_pairs(boxes: list[tuple[float, float, float, float]]) -> list[tuple[int, int]]:
    """Index pairs of boxes that overlap (sweep over boxes sorted by top edge).

    >>> overlapping_pairs([(0, 0, 10, 10), (20, 0, 30, 10), (5, 5, 25, 15)])
    [(0, 2), (1, 2)]
    """
    order = sorted(range(len(boxes)), key=lambda index: boxes[index][1])
    pairs = []
    for position, index in enumerate(order):
        for other in order[position + 1:]:
            if boxes[other][1] >= boxes[index][3]:
                break
            if boxes_overlap(boxes[index], boxes[other]):
                pairs.append(tuple(sorted((index, other))))
    return sorted(pairs)
