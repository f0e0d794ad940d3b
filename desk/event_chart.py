"""The briefing timeline of events: labelled, key events first, over the window where the story is.

One builder for the screen and for every export (PNG, SVG, PDF, the briefing pack): the caller
gives the plot's width (and, for a page, its height) and the labels are laid out for that size by
`desk.event_layout`. A day is a point, a coarser period a bar over its whole interval, an episode a
shaded span behind its events with its own row; the point's size and a "3 sources" badge show
corroboration. Events outside the story window are summarised in a context line, never drawn
squeezed at the edge. Hover stays short (label, date, sources); the evidence loads on click.

>>> import pandas as pd
>>> events = pd.DataFrame({"event_id": ["a"], "kind": ["event"], "label": ["Israel strikes Iran"],
...     "value": ["2025-06-13"], "grain": ["day"], "start": pd.to_datetime(["2025-06-13"]),
...     "end": pd.to_datetime(["2025-06-14"]), "n_sources": [3], "salience": [1.0], "episode_id": [""],
...     "countries": [["Iran"]], "actors": [[]], "doc_ids": [["d1"]]})
>>> chart = build_event_chart(events)
>>> [annotation.text for annotation in chart.figure.layout.annotations if "Israel" in annotation.text][0]
'<span style="color:#555">13 Jun 2025 · </span>Israel strikes Iran<span style="color:#777"> · 3 sources</span>'
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from desk.event_layout import (LABEL_FONT_FAMILY, LABEL_HEIGHT, LANE_BY_CHOICES, MAX_POINT_PX, SEPARATOR, Geometry,
                               layout_events, text_width_px, wrap_to_width)
from desk.labels import interval_label, whole_day_ticks
from desk.literal import plotly_literal
from desk.story import KeyEvents, StoryWindow, story_window

EVENT_COLOR = "#1f4e9c"
EPISODE_COLOR = "#d9822b"
LANE_BAND_COLOR = "#f3f5f9"
SCREEN_PLOT_WIDTH_PX = 860      # the plot area of the wide Streamlit layout on a 1440 px screen (sidebar open)
SCREEN_ROW_PX = 34
MAX_ROWS = 300                  # "all events" beyond this shows the most salient ones and says so
AXIS_PX, NOTE_LINE_PX, TITLE_PX = 30, 17, 38   # screen heights above the plot: tick labels, a note line, the title
CONTEXT_ITEMS = 6               # outside-window events named in the context line
TICKS = [
    dict(dtickrange=[None, 86_399_999], value="%d %b %H:%M"),   # hours only below a day: a 1-day tick is a day
    dict(dtickrange=[86_400_000, 604_800_000], value="%a %d %b"),
    dict(dtickrange=[604_800_000, "M1"], value="%d %b %Y"),
    dict(dtickrange=["M1", "M12"], value="%b %Y"),
    dict(dtickrange=["M12", None], value="%Y"),
]
MAX_PAGE_FONT_SCALE = 1.5        # a page with few rows draws its labels up to this much bigger
ROOMY_ROW = 1.6                 # ... as long as each row stays this many times the height its label and mark need
# An explicit, small template (house rule: never the streamlit default). Built once: assigning the stock "plotly"
# template deep-copies and validates it on every figure (~25 ms, a tenth of the Timeline's script run).
EVENT_TEMPLATE = go.layout.Template(layout=dict(
    font=dict(color="#2a3f5f"), paper_bgcolor="white", plot_bgcolor="white", hoverlabel=dict(align="left"),
    xaxis=dict(gridcolor="#e3e6ec", linecolor="white", ticks="", zerolinecolor="white", automargin=True),
    yaxis=dict(gridcolor="#e3e6ec", linecolor="white", ticks="", zerolinecolor="white", automargin=True)))
LEGEND_NOTE = "● a day   ▬ a longer period (month, year, range)   shaded: an episode   bigger ● / “N sources”: more articles report it"


@dataclass(frozen=True)
class EventChart:
    """A built event chart: the figure, where every event went, the window, and what was left out."""

    figure: go.Figure
    placed: pd.DataFrame           # desk.event_layout.layout_events rows
    window: StoryWindow
    outside: pd.DataFrame          # events not drawn because they lie outside the window
    dropped: int = 0               # events not drawn for lack of room on the page (least salient)

    @property
    def outside_events(self) -> pd.DataFrame:
        """The events (kind "event", not episodes) the chart was given but leaves out because they lie outside its
        window: the one count of "outside the window" that the subtitle, the show-everything button and the export
        subtitle all state."""
        if self.outside.empty or "kind" not in self.outside:
            return self.outside
        return self.outside[self.outside["kind"] == "event"]

    def outside_text(self) -> str:
        """'13 outside the window (2007, 2017, …)', or '' when every event given lies inside the window.

        >>> EventChart(go.Figure(), pd.DataFrame(), StoryWindow(pd.Timestamp(0), pd.Timestamp(1)), pd.DataFrame()).outside_text()
        ''
        """
        outside = self.outside_events
        return f"{len(outside):,} outside the window ({context_years(outside)})" if len(outside) else ""

    def left_out(self) -> str:
        """What the chart does not draw, in words ('' when nothing).

        >>> EventChart(go.Figure(), pd.DataFrame(), StoryWindow(pd.Timestamp(0), pd.Timestamp(1)), pd.DataFrame(), 0).left_out()
        ''
        """
        parts = []
        if self.outside_text():
            parts.append(self.outside_text())
        if self.dropped:
            parts.append(f"{self.dropped} less salient for lack of room")
        return "not drawn: " + "; ".join(parts) if parts else ""


def context_years(events: pd.DataFrame) -> str:
    """The distinct years of `events`, e.g. '1941, 2007, 2024' (at most 6: then the first five, '…' and the last).

    >>> context_years(pd.DataFrame({"start": pd.to_datetime(["2007-03-01", "1941-01-01", "2007-05-01"])}))
    '1941, 2007'
    """
    years = sorted(set(events["start"].dt.year.dropna().astype(int)))
    if len(years) > CONTEXT_ITEMS:
        return ", ".join(str(year) for year in years[:CONTEXT_ITEMS - 1]) + f" … {years[-1]}"
    return ", ".join(str(year) for year in years)


def context_line(outside: pd.DataFrame, window: StoryWindow, width_px: float, font_px: float, max_lines: int = 2) -> str:
    """'Earlier, outside this window: 2007 · UN arms embargo on Iran; …' in at most `max_lines` lines of `width_px`
    (joined by newlines; '' when nothing is outside).

    >>> frame = pd.DataFrame({"label": ["UN arms embargo on Iran"], "value": ["2007"], "grain": ["year"],
    ...     "start": pd.to_datetime(["2007-01-01"]), "end": pd.to_datetime(["2008-01-01"]), "salience": [1.0]})
    >>> context_line(frame, StoryWindow(pd.Timestamp("2025-06-01"), pd.Timestamp("2025-07-01")), 2000, 12)
    'Earlier, outside this window: 2007 · UN arms embargo on Iran'
    """
    if outside.empty:
        return ""
    parts = []
    for side, rows in (("Earlier", outside[outside["start"] < window.start]),
                       ("Later", outside[outside["start"] >= window.start])):
        if rows.empty:
            continue
        named = rows.sort_values("salience", ascending=False).head(CONTEXT_ITEMS).sort_values("start")
        items = [f"{interval_label(row.value, row.grain, row.start, row.end)}{SEPARATOR}{row.label}"
                 for row in named.itertuples(index=False)]
        more = f"; +{len(rows) - len(named)} more" if len(rows) > len(named) else ""
        parts.append(f"{side}, outside this window: " + "; ".join(items) + more)
    return "\n".join(wrap_to_width("   ".join(parts), width_px, font_px, max_lines))


def _label_html(placed: pd.Series) -> str:
    badge = f'<span style="color:#777">{SEPARATOR}{plotly_literal(placed["badge"])}</span>' if placed["badge"] else ""
    return (f'<span style="color:#555">{plotly_literal(placed["date_text"] + SEPARATOR)}</span>'
            f'{plotly_literal(placed["label"])}{badge}')


def _hover(placed: pd.DataFrame) -> list[str]:
    """Label, date and sources; an analyst's date also names the machine's ("date fixed by the analyst (machine: …)")."""
    return [f"<b>{plotly_literal(label)}</b><br>{plotly_literal(date)} · {count} source{'s' if count != 1 else ''}"
            + (f"<br><i>{plotly_literal(note)}</i>" if note else "")
            for label, date, count, note in zip(placed["label"], placed["date_text"], placed["n_sources"],
                                                placed["date_note"])]


def point_sizes(n_sources: pd.Series) -> list[float]:
    """Marker diameter by corroboration: 7 px for one source up to 13 px (14 with its outline) for four or more.

    >>> point_sizes(pd.Series([1, 2, 9]))
    [7.0, 9.0, 13.0]
    """
    return (MAX_POINT_PX - 1 + 2 * (n_sources.clip(lower=1, upper=4) - 4)).astype(float).tolist()


def _marks(placed: pd.DataFrame, geometry: Geometry) -> list[dict]:
    """Episode bars, event bars and event points (plotly trace dicts), each carrying its event_id for clicks."""
    mark_y = geometry.mark_offset
    traces = []
    for kind, colour, thickness, opacity in (("episode", EPISODE_COLOR, geometry.bar_thickness * 1.2, 0.55),
                                             ("event", EVENT_COLOR, geometry.bar_thickness, 0.5)):
        bars = placed[(placed["kind"] == kind) & ~placed["is_point"]]
        if bars.empty:
            continue
        traces.append(dict(
            type="bar", orientation="h", base=bars["mark_start"].tolist(),
            x=((bars["mark_end"] - bars["mark_start"]) / pd.Timedelta(milliseconds=1)).tolist(),
            y=(bars["row"] + mark_y).tolist(), width=thickness, name="episode" if kind == "episode" else "period",
            marker=dict(color=colour, opacity=opacity, line=dict(color=colour, width=1)),
            customdata=bars["event_id"].tolist(), hovertext=_hover(bars), hoverinfo="text", showlegend=False))
    points = placed[placed["is_point"]]
    if not points.empty:
        traces.append(dict(
            type="scatter", x=points["mark_start"].tolist(), y=(points["row"] + mark_y).tolist(), mode="markers",
            name="day", marker=dict(color=EVENT_COLOR, size=point_sizes(points["n_sources"]), line=dict(color="white", width=1)),
            customdata=points["event_id"].tolist(), hovertext=_hover(points), hoverinfo="text", showlegend=False))
    return traces


def _episode_spans(placed: pd.DataFrame) -> list[dict]:
    """A shaded rectangle behind each episode's row and the rows of its events (within one lane block)."""
    shapes = []
    for episode in placed[placed["kind"] == "episode"].itertuples(index=False):
        members = placed[(placed["episode_id"] == episode.event_id) & (placed["lane"] == episode.lane)]
        last_row = max([episode.row, *members["row"].tolist()])
        shapes.append(dict(type="rect", xref="x", yref="y", x0=episode.mark_start, x1=episode.mark_end,
                           y0=episode.row - 0.5, y1=last_row + 0.5, fillcolor=EPISODE_COLOR, opacity=0.09,
                           line_width=0, layer="below"))
    return shapes


def _lane_bands(placed: pd.DataFrame) -> tuple[list[dict], list[float], list[str]]:
    """Alternate background bands per lane block, and a y tick naming each lane at the block's middle."""
    shapes, tick_values, tick_texts = [], [], []
    for position, (lane, rows) in enumerate(placed.groupby("lane", sort=False)["row"]):
        low, high = rows.min(), rows.max()
        if position % 2 == 0:
            shapes.append(dict(type="rect", xref="paper", yref="y", x0=0, x1=1, y0=low - 0.5, y1=high + 0.5,
                               fillcolor=LANE_BAND_COLOR, line_width=0, layer="below"))
        tick_values.append((low + high) / 2)
        tick_texts.append(plotly_literal(lane if len(lane) <= 24 else lane[:23] + "…"))
    return shapes, tick_values, tick_texts


def _with_episodes(shown: pd.DataFrame, happenings: pd.DataFrame) -> pd.DataFrame:
    episode_ids = set(happenings["episode_id"].astype(str)) - {""}
    episodes = shown[(shown["kind"] == "episode") & shown["event_id"].astype(str).isin(episode_ids)]
    return pd.concat([happenings, episodes]) if not episodes.empty else happenings


def _fit_rows(shown: pd.DataFrame, window_mode: str, max_rows: int) -> tuple[pd.DataFrame, int]:
    """The most salient events (with their episodes) whose rows inside their own window fit `max_rows`.

    Starts from the `max_rows` most salient, then trades rows a few times: events outside the window
    free rows for the next most salient, too many rows drop the least salient.
    """
    happenings = shown[shown["kind"] == "event"].sort_values("salience", ascending=False, kind="stable")
    if len(shown) <= max_rows:
        return shown, 0
    count = max_rows
    for _ in range(8):
        kept = _with_episodes(shown, happenings.head(count))
        rows = len(kept) - len(story_window(kept, window_mode).outside)
        if rows > max_rows and count > 1:
            count = max(1, count - (rows - max_rows))
        elif rows < max_rows and count < len(happenings):
            count = min(len(happenings), count + (max_rows - rows))
        else:
            break
    kept = _with_episodes(shown, happenings.head(count))
    while count > 1 and len(kept) - len(story_window(kept, window_mode).outside) > max_rows:
        count -= 1
        kept = _with_episodes(shown, happenings.head(count))
    return kept, len(happenings) - count


def page_rows(rows: int, plot_height_px: float, label_font_px: float) -> tuple[float, float]:
    """(row height, label font) in px for `rows` rows sharing a page's plot height: the rows fill the height, and
    when they are few the labels grow (up to MAX_PAGE_FONT_SCALE times) so a short story reads from the back of a room.

    >>> page_rows(6, 600, 13)
    (100.0, 19.5)
    >>> page_rows(17, 600, 13)
    (35.294117647058826, 13)
    """
    row_px = plot_height_px / max(rows, 1)
    roomy_font = (row_px / ROOMY_ROW - MAX_POINT_PX - 4) / LABEL_HEIGHT    # the font whose row would be this roomy
    return row_px, max(label_font_px, min(label_font_px * MAX_PAGE_FONT_SCALE, round(roomy_font * 2) / 2))


def build_event_chart(shown: pd.DataFrame, *, window: str = "story", lane_by: str = "none",
                      plot_width_px: float = SCREEN_PLOT_WIDTH_PX, plot_height_px: float | None = None,
                      label_font_px: float = 13, note_font_px: float = 12,
                      source_names: dict[str, str] | None = None, title: str | None = None) -> EventChart:
    """The labelled event timeline of `shown` (events frame rows, e.g. `select_key_events(...).shown`).

    Without `plot_height_px` (the screen) the chart grows with its rows; with it (a page) the rows fill the
    height (`page_rows`) and the least salient events are dropped (and counted) when rows would be shorter than
    MIN_ROW_PX. The figure is built from plain dicts in one go (plotly validates them once; no template is
    deep-copied): this runs on every rerun of the Timeline, before the chart is sent.
    """
    if lane_by not in LANE_BY_CHOICES:
        raise ValueError(f"lane_by must be one of {', '.join(LANE_BY_CHOICES)}, not {lane_by!r}")
    dated = shown[shown["start"].notna()]
    min_row_px = Geometry(label_font_px=label_font_px).min_row_px
    max_rows = MAX_ROWS if plot_height_px is None else max(1, int(plot_height_px // min_row_px))
    kept, dropped = _fit_rows(dated, window, max_rows)
    story = story_window(kept, window)
    outside = kept.iloc[story.outside]
    rows = len(kept) - len(outside)
    if plot_height_px is None:
        row_px = max(SCREEN_ROW_PX, min_row_px)
    else:
        row_px, label_font_px = page_rows(rows, plot_height_px, label_font_px)
    geometry = Geometry(plot_width_px=plot_width_px, row_px=row_px, label_font_px=label_font_px)
    placed = layout_events(kept, story, lane_by=lane_by, geometry=geometry, source_names=source_names)
    if placed.empty:
        figure = go.Figure(layout=dict(
            template=EVENT_TEMPLATE, height=320, xaxis=dict(visible=False), yaxis=dict(visible=False),
            annotations=[dict(text="No dated event matches these filters", showarrow=False, xref="paper",
                              yref="paper", x=0.5, y=0.5, font=dict(size=16))]))
        return EventChart(figure, placed, story, outside, dropped)
    lane_shapes, tick_values, tick_texts = _lane_bands(placed) if lane_by != "none" else ([], [], [])
    label_font = dict(size=label_font_px, family=LABEL_FONT_FAMILY, color="#111")
    annotations = [dict(x=row.label_x, y=row.row + geometry.label_offset, xref="x", yref="y", xanchor=row.label_anchor,
                        yanchor="middle", text=_label_html(row._asdict()), showarrow=False, borderpad=0,
                        bgcolor="rgba(255,255,255,0.6)", font=label_font)
                   for row in placed.itertuples(index=False)]
    context = context_line(outside, story, plot_width_px - 8, note_font_px)
    notes = [line for line in (*context.split("\n"), LEGEND_NOTE) if line]
    annotations.append(dict(text="<br>".join(plotly_literal(line) for line in notes), showarrow=False, xref="paper",
                            yref="paper", x=0, y=1, yshift=AXIS_PX, yanchor="bottom", xanchor="left", align="left",
                            font=dict(size=note_font_px, color="#444"), name="notes"))
    lane_margin = int(max((text_width_px(text, 12) for text in tick_texts), default=0)) + (14 if tick_texts else 0)
    top = AXIS_PX + NOTE_LINE_PX * len(notes) + (TITLE_PX if title else 8)
    figure = go.Figure(data=_marks(placed, geometry), layout=dict(
        template=EVENT_TEMPLATE, shapes=lane_shapes + _episode_spans(placed), annotations=annotations,
        title=dict(text=plotly_literal(title) if title else None, x=0.01, xanchor="left", y=1, yref="container",
                   yanchor="top", pad=dict(t=8), font=dict(size=18)),
        height=int(top + rows * row_px + 30) if plot_height_px is None else None,
        margin=dict(l=10 + lane_margin, r=20, t=top, b=30),
        barmode="overlay", hovermode="closest", dragmode="zoom", clickmode="event+select",
        showlegend=False,
        xaxis=dict(type="date", range=[story.start, story.end], side="top", tickformatstops=TICKS, showgrid=True,
                   zeroline=False, **whole_day_ticks(story.start, story.end)),   # an event is a day at finest
        yaxis=dict(range=[rows - 0.5, -0.5], fixedrange=True, showgrid=False, zeroline=False,
                   tickvals=tick_values, ticktext=tick_texts, showticklabels=bool(tick_texts)),
    ))
    return EventChart(figure, placed, story, outside, dropped)


def show_everything_label(key: KeyEvents, chart: EventChart) -> str:
    """The label of the button that shows every event of every year, counting what the chart leaves out exactly
    as its subtitle does (`EventChart.outside_text`).

    >>> from desk.story import StoryWindow
    >>> window = StoryWindow(pd.Timestamp("2025-06-12"), pd.Timestamp("2025-06-26"))
    >>> outside = pd.DataFrame({"kind": ["event"], "start": pd.to_datetime(["2007-01-01"])})
    >>> show_everything_label(KeyEvents(pd.DataFrame(), 21, 18, 4), EventChart(go.Figure(), pd.DataFrame(), window, outside))
    'Show all 21 events, every year · 1 outside the window (2007)'
    """
    outside = chart.outside_text()
    return f"Show all {key.n_events:,} events, every year" + (f" · {outside}" if outside else "")


def event_ids_from_selection(selection_event: object) -> list[str]:
    """The event_ids of the clicked marks of an `st.plotly_chart(on_select="rerun")` event, once each, in order.

    >>> event_ids_from_selection({"selection": {"points": [{"customdata": "e1"}, {"customdata": ["e1"]}]}})
    ['e1']
    """
    from desk.charts import statement_ids_from_selection

    return statement_ids_from_selection(selection_event)
