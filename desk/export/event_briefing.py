"""The labelled key-event chart laid out as a briefing page (16:9 slide or A4 landscape); pure, no browser.

The same builder as the screen (`desk.event_chart.build_event_chart`), given the page's plot width
and height so the labels are laid out for that size; around it a title, a subtitle stating the
filters, the time window, what is shown and what was left out, and a footnote citing the sources
of the events drawn.

>>> LABEL_FONT_PX["16:9 slide"], LABEL_FONT_PX["A4 landscape"]
(13, 16)
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from desk.export.briefing import (BOLD_WIDTH, FONT_SCALE, FOOTNOTE_FONT_PX, LINE_HEIGHT, MAX_SUBTITLE_LINES, MAX_TITLE_LINES,
                                  PNG_SCALE, SIZE_PRESETS, SUBTITLE_FONT_PX, TITLE_FONT_PX, pdf_scale, source_footnote,
                                  sources_of, wrap_text)
from desk.export.images import render_image
from desk.event_chart import AXIS_PX, NOTE_LINE_PX, EventChart, build_event_chart
from desk.event_layout import text_width_px
from desk.literal import plotly_literal
from desk.story import KeyEvents

LABEL_FONT_PX = {size: round(13 * scale) for size, scale in FONT_SCALE.items()}
SIDE_PX = 40
NOTES_GAP_PX = 16   # between the subtitle and the chart's notes (plotly sets the subtitle a little below the title)
TICK_SAMPLES = ("Wed 30 Sep", "30 Sep 2025", "30 Sep 23:00", "Sep 2025")   # the widest of each tick format


@dataclass(frozen=True)
class EventBriefing:
    """A briefing page: the figure to render, the chart inside it and the words around it."""

    figure: go.Figure
    chart: EventChart
    chart_events: pd.DataFrame     # the key events (and episodes) the page was asked to show
    title: str
    subtitle: str
    footnote: list[str]
    width: int
    height: int


def event_title(filter_description: str) -> str:
    """A title the user can edit: 'Key events', then the filters other than the kind and the key-event count.

    >>> event_title("Country: Iran · Kind: event"), event_title("Kind: event")
    ('Key events — Country: Iran', 'Key events')
    """
    parts = [part for part in filter_description.split(" · ")
             if part.strip() and not part.startswith(("Kind:", "Events:"))]
    return "Key events" + (f" — {' · '.join(parts)}" if parts else "")


def window_text(chart: EventChart) -> str:
    """'12 Jun – 26 Jun 2025' (the chart's time window).

    >>> from desk.story import StoryWindow
    >>> window_text(EventChart(go.Figure(), pd.DataFrame(), StoryWindow(pd.Timestamp("2025-06-12"),
    ...     pd.Timestamp("2025-06-26 12:00")), pd.DataFrame()))
    '12 Jun – 26 Jun 2025'
    """
    start, end = chart.window.start, chart.window.end
    if start.year == end.year:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def evidence_statements(events: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """The statements cited by `events` (their statement_ids).

    >>> evidence_statements(pd.DataFrame({"statement_ids": [["a"]]}), pd.DataFrame({"statement_id": ["a", "b"]}))["statement_id"].tolist()
    ['a']
    """
    wanted = {one for ids in events["statement_ids"] for one in ids}
    return statements[statements["statement_id"].isin(wanted)]


def tick_room_px(tick_font_px: float) -> int:
    """The room beside the plot that a tick label at its very edge needs: half the widest date tick, and a gap.

    >>> tick_room_px(12) > SIDE_PX
    True
    """
    widest = max(text_width_px(sample, tick_font_px) for sample in TICK_SAMPLES)
    return int(widest / 2 + 6)


@dataclass(frozen=True)
class _Room:
    """Lines of text around the plot that a page layout leaves room for."""

    subtitle_lines: int = MAX_SUBTITLE_LINES
    note_lines: int = 3               # two lines of context, one of legend
    footnote_lines: int = 4


def _notes_lines(chart: EventChart) -> int:
    """How many lines the chart's note (context line(s) and legend) takes."""
    notes = [annotation for annotation in chart.figure.layout.annotations if annotation.name == "notes"]
    return notes[0].text.count("<br>") + 1 if notes else 0


def event_briefing(key: KeyEvents, statements: pd.DataFrame, *, title: str, filter_description: str,
                   size: str = "16:9 slide", window: str = "story", lane_by: str = "none",
                   documents: pd.DataFrame | None = None, source_names: dict[str, str] | None = None) -> EventBriefing:
    """The briefing page of the key events `key` (their evidence is looked up in `statements`).

    Laid out twice: first with room for the longest subtitle, context note and footnote, then with the room the
    words actually take, so a short subtitle or footnote leaves no blank band (the plot gets the height).
    """
    if size not in SIZE_PRESETS:
        raise ValueError(f"unknown size {size!r}; choose one of {', '.join(SIZE_PRESETS)}")
    arguments = dict(title=title, filter_description=filter_description, size=size, window=window, lane_by=lane_by,
                     documents=documents, source_names=source_names)
    roomy = _laid_out(key, statements, room=_Room(), **arguments)
    needed = _Room(subtitle_lines=len(wrap_text(roomy.subtitle, *_subtitle_measure(size), MAX_SUBTITLE_LINES)),
                   note_lines=_notes_lines(roomy.chart), footnote_lines=len(roomy.footnote))
    if needed == _Room():
        return roomy
    tight = _laid_out(key, statements, room=needed, **arguments)
    return tight if _notes_lines(tight.chart) <= needed.note_lines else roomy


def _subtitle_measure(size: str) -> tuple[float, float]:
    width, _ = SIZE_PRESETS[size]
    return width - 2 * SIDE_PX, round(SUBTITLE_FONT_PX * FONT_SCALE[size])


def _laid_out(key: KeyEvents, statements: pd.DataFrame, *, room: _Room, title: str, filter_description: str,
              size: str, window: str, lane_by: str, documents: pd.DataFrame | None,
              source_names: dict[str, str] | None) -> EventBriefing:
    """The page with room for `room`'s lines of subtitle, note and footnote (longer text is cut to fit)."""
    width, height = SIZE_PRESETS[size]
    scale = FONT_SCALE[size]
    title_px, subtitle_px, footnote_px = (round(px * scale) for px in (TITLE_FONT_PX, SUBTITLE_FONT_PX, FOOTNOTE_FONT_PX))
    label_px = LABEL_FONT_PX[size]
    tick_px = round(12 * scale)
    side = max(SIDE_PX, tick_room_px(tick_px))   # a tick label at the plot's edge stays whole on the page
    title_lines = wrap_text(title, width - 2 * SIDE_PX, title_px * BOLD_WIDTH, MAX_TITLE_LINES)
    subtitle_room = room.subtitle_lines * subtitle_px * LINE_HEIGHT
    footnote_room = room.footnote_lines * footnote_px * LINE_HEIGHT
    notes_room = AXIS_PX + room.note_lines * NOTE_LINE_PX * scale
    margin_top = int(26 + len(title_lines) * title_px * LINE_HEIGHT + subtitle_room + NOTES_GAP_PX * scale + notes_room + 12)
    margin_bottom = int(20 + footnote_room + 10)
    plot_height = height - margin_top - margin_bottom

    def build(lane_margin: int) -> EventChart:
        return build_event_chart(key.shown, window=window, lane_by=lane_by,
                                 plot_width_px=width - 2 * side - lane_margin, plot_height_px=plot_height,
                                 label_font_px=label_px, note_font_px=round(12 * scale), source_names=source_names)

    chart = build(0)
    lane_margin = int(chart.figure.layout.margin.l or 0) - 10
    if lane_margin > 0:
        chart = build(lane_margin)
    drawn_events = key.shown[key.shown["event_id"].isin(chart.placed["event_id"])]
    cited = evidence_statements(drawn_events, statements)
    parts = [filter_description.strip(), window_text(chart) if not chart.placed.empty else "", key.description(),
             chart.left_out()]
    subtitle = " · ".join(part for part in parts if part)
    subtitle_lines = wrap_text(subtitle, width - 2 * SIDE_PX, subtitle_px, room.subtitle_lines)
    footnote = source_footnote(sources_of(cited, documents), width - 2 * side - max(lane_margin, 0), footnote_px,
                               room.footnote_lines)
    figure = chart.figure
    figure.update_layout(
        width=width, height=height, autosize=False, dragmode=False, hovermode=False,
        margin=dict(l=side + max(lane_margin, 0), r=side, t=margin_top, b=margin_bottom, autoexpand=False),
        title=dict(text="<br>".join(f"<b>{plotly_literal(line)}</b>" for line in title_lines), x=SIDE_PX / width,
                   xanchor="left", xref="container", y=1 - 22 / height, yanchor="top", yref="container",
                   font=dict(size=title_px, color="#111"),
                   subtitle=dict(text="<br>".join(plotly_literal(line) for line in subtitle_lines),
                                 font=dict(size=subtitle_px, color="#444"))),
        font=dict(size=round(13 * scale)),
    )
    figure.update_xaxes(tickfont=dict(size=tick_px))
    figure.add_annotation(text="<br>".join(plotly_literal(line) for line in footnote), showarrow=False, align="left",
                          xref="paper", x=0, xanchor="left", yref="paper", y=0, yshift=-12, yanchor="top",
                          font=dict(size=footnote_px, color="#333"), name="footnote")
    for trace in figure.data:  # a page has no hover: less to send, nothing interactive
        trace.hovertext = None
    return EventBriefing(figure, chart, key.shown, title, subtitle, footnote, width, height)


def event_briefing_image(page: EventBriefing, image_format: str, *, size: str, scale: float = PNG_SCALE) -> bytes:
    """PNG/SVG/PDF bytes of a briefing page (PNG `scale` times the layout size; PDF at the preset's physical size)."""
    image_scale = pdf_scale(size) if image_format == "pdf" else (1 if image_format == "svg" else scale)
    return render_image(page.figure, image_format=image_format, width=page.width, height=page.height, scale=image_scale)
