"""Briefing layout: the on-screen timeline figure dressed for a slide or a printed page.

Pure (no streamlit, no browser). `briefing_figure` takes a copy of the figure that
`desk.charts.build_timeline_figure` built for the screen and adds a title, a subtitle (active
filters + date window of the statements shown), a footnote listing the sources, and a fixed
page size. Colours, lanes, marks and labels stay those of the on-screen chart; the interactive
widgets (range slider, range buttons) and hover data go; the x axis keeps the chart's initial
window or widens to every dated statement (`window="all"`); WebGL points are redrawn as SVG
points so SVG/PDF stay vector and sharp; over-long legend entries are shortened (the footnote
cites every source in full).

>>> SIZE_PRESETS["16:9 slide"]
(1600, 900)
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import plotly.graph_objects as go

from desk.charts import build_timeline_figure
from desk.export.images import render_image
from desk.labels import day_label, plain_text, shorten
from desk.literal import plotly_literal
from desk.marks import placed_statements

SIZE_PRESETS: dict[str, tuple[int, int]] = {
    "16:9 slide": (1600, 900),
    "A4 landscape": (1754, 1240),  # 297 x 210 mm at 150 dpi (render at scale 2 for 300 dpi)
}
SIZE_NOTES = {"16:9 slide": "1600 x 900 px; PDF page 13.33 x 7.5 in (PowerPoint widescreen)",
              "A4 landscape": "297 x 210 mm = 1754 x 1240 px at 150 dpi; PDF page exactly A4"}
# Dots per inch of the printed page: a PDF's page is width/dpi inches wide (the PDF stays vector).
PRINT_DPI = {"16:9 slide": 120, "A4 landscape": 150}
# Text grows with the page so A4 print stays readable (13 px at 150 dpi would be 6 pt).
FONT_SCALE = {"16:9 slide": 1.0, "A4 landscape": 1.2}
DEFAULT_SIZE = "16:9 slide"
TITLE_FONT_PX, SUBTITLE_FONT_PX, NOTE_FONT_PX, FOOTNOTE_FONT_PX = 30, 17, 13, 13
LINE_HEIGHT = 1.35
AVERAGE_CHAR_WIDTH = 0.53  # of the font size, for wrapping text that plotly will not wrap itself
MAX_FOOTNOTE_LINES = 4
MAX_SUBTITLE_LINES = 3
MAX_TITLE_LINES = 2
BOLD_WIDTH = 1.12  # bold glyphs are wider
TITLE_CHARS_IN_FOOTNOTE = 70
LEGEND_CHARS = 45
LABEL_CHAR_WIDTH = 0.6  # average glyph width of a bar label, as a share of its font size
FOOTNOTE_WIDTH_SHARE = 0.72  # the footnote starts at the plot's left edge, after the lane labels
PLOT_WIDTH_SHARE = 0.72  # of the page width: the plot area between lane labels and legend
_WINDOW_NOTE_MARK = "outside the default window"  # the chart's note about its initial zoom
NO_BREAK_SPACE = "\u00a0"
PNG_SCALE = 2
WINDOWS = {"screen": "as first shown on screen", "all": "every dated statement"}


@dataclass(frozen=True)
class Source:
    """One article behind the chart: outlet, title and reference (publication) date."""
    outlet: str
    title: str
    published: pd.Timestamp | None

    def citation(self) -> str:
        """'Kyiv Post, “Russia's strategic bankruptcy” (15 Jun 2025)', with no-break spaces in the date."""
        title = shorten(self.title, TITLE_CHARS_IN_FOOTNOTE, at_word=True)
        parts = [part for part in (self.outlet, f"“{title}”" if title else "") if part]
        when = day_label(self.published, NO_BREAK_SPACE, missing=f"no{NO_BREAK_SPACE}date")  # a date never wraps
        return (", ".join(parts) or "unnamed source") + f" ({when})"


def pdf_scale(size: str) -> float:
    """The kaleido scale that gives a PDF page of the preset's physical size.

    >>> pdf_scale("A4 landscape")
    0.64
    """
    return 96 / PRINT_DPI[size]  # kaleido lays out 96 px per inch


def sources_of(statements: pd.DataFrame, documents: pd.DataFrame | None = None) -> list[Source]:
    """The distinct sources of the statements placed on the chart, the most cited first (most statements on the
    chart), then the oldest first, undated last; document metadata wins when given.

    >>> frame = pd.DataFrame({"doc_id": ["kp", "md", "md"], "outlet": ["Kyiv Post", "Modern Diplomacy", "Modern Diplomacy"],
    ...                       "title": ["A", "B", "B"], "published": pd.to_datetime(["2025-06-15", "2025-06-27", "2025-06-27"]),
    ...                       "start": pd.to_datetime(["2025-06-13", "2024-01-01", "2024-02-01"]),
    ...                       "end": pd.to_datetime(["2025-06-14", "2025-01-01", "2024-03-01"])})
    >>> [source.outlet for source in sources_of(frame)], [source.outlet for source in sources_of(frame.head(2))]
    (['Modern Diplomacy', 'Kyiv Post'], ['Kyiv Post', 'Modern Diplomacy'])
    """
    placed = statements[statements["start"].notna()]
    columns = ["doc_id", "outlet", "title", "published"]
    metadata = placed.drop_duplicates("doc_id")[columns].set_index("doc_id")
    if documents is not None and not documents.empty:
        known = documents.drop_duplicates("doc_id").set_index("doc_id")[columns[1:]]
        known = known[known.index.isin(metadata.index)]
        metadata.update(known.astype(object).where(known.notna(), None).dropna(how="all"))
    cited = placed["doc_id"].value_counts()
    sources = {row.Index: Source(plain_text(row.outlet).strip(), plain_text(row.title).strip(),
                                 None if pd.isna(row.published) else pd.Timestamp(row.published))
               for row in metadata.itertuples()}

    def order(doc_id: str) -> tuple:
        published = sources[doc_id].published   # any year 1-9999, so compared as datetimes
        return (-cited[doc_id], published is None, published.to_pydatetime() if published is not None else datetime.min,
                sources[doc_id].outlet, sources[doc_id].title)

    return [sources[doc_id] for doc_id in sorted(sources, key=order)]


def _chars_per_line(width_px: float, font_px: float) -> int:
    return max(20, int(width_px / (font_px * AVERAGE_CHAR_WIDTH)))


def wrap_text(text: str, width_px: float, font_px: float, max_lines: int) -> list[str]:
    """`text` wrapped to lines that fit `width_px`; beyond `max_lines` the last line ends with '…'.

    >>> wrap_text("a b c", 2000, 12, 2)
    ['a b c']
    """
    lines = textwrap.wrap(text, _chars_per_line(width_px, font_px), break_on_hyphens=False) or [""]
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = kept[-1][: max(0, len(kept[-1]) - 2)].rstrip() + " …"
    return kept


def source_footnote(sources: list[Source], width_px: float, font_px: float = FOOTNOTE_FONT_PX,
                    max_lines: int = MAX_FOOTNOTE_LINES) -> list[str]:
    """Footnote lines 'Sources: A (date); B (date); … +N more sources' that fit `max_lines` of `width_px`.

    >>> source_footnote([Source("Kyiv Post", "T", None)], 1600)
    ['Sources: Kyiv Post, “T” (no\xa0date)']
    """
    if not sources:
        return ["Sources: none (no statement in this chart has a resolved date)"]
    citations = [source.citation() for source in sources]
    chars = _chars_per_line(width_px, font_px)
    for shown in range(len(citations), -1, -1):
        hidden = len(citations) - shown
        text = "Sources: " + "; ".join(citations[:shown])
        if hidden:
            text += ("; " if shown else "") + f"+{hidden} more source{'s' if hidden > 1 else ''}"
        lines = textwrap.wrap(text, chars, break_on_hyphens=False)
        if len(lines) <= max_lines:
            return lines
    return [f"Sources: {len(citations)} sources"]


def date_window(statements: pd.DataFrame) -> str:
    """The span of the statements placed on the chart, e.g. '1 Jan 2007 – 24 Jun 2025' ('' when none)."""
    placed = placed_statements(statements, ["start", "end"])
    if placed.empty:
        return ""
    first = placed["start"].min()
    last = placed["end"].max() - pd.Timedelta(microseconds=1)
    if first.normalize() == last.normalize():
        return day_label(first)
    return f"{day_label(first)} – {day_label(last)}"


def briefing_subtitle(statements: pd.DataFrame, filter_description: str) -> str:
    """Filters, date window and counts in one line.

    >>> frame = pd.DataFrame({"doc_id": ["kp", "md"], "outlet": ["Kyiv Post", "Modern Diplomacy"], "title": ["A", "B"],
    ...                       "published": pd.to_datetime(["2025-06-15", "2025-06-27"]),
    ...                       "start": pd.to_datetime(["2025-06-13", "2024-01-01"]),
    ...                       "end": pd.to_datetime(["2025-06-14", "2025-01-01"])})
    >>> briefing_subtitle(frame, "Kind: event")
    'Kind: event · 1 Jan 2024 – 13 Jun 2025 · 2 statements from 2 sources'
    """
    placed = statements[statements["start"].notna()]
    window = date_window(statements)
    count = f"{len(placed):,} statement{'s' if len(placed) != 1 else ''} from {placed['doc_id'].nunique():,} source" \
            f"{'s' if placed['doc_id'].nunique() != 1 else ''}"
    return " · ".join(part for part in (filter_description.strip(), window, count) if part)


def default_title(filter_description: str, lane_by: str = "country") -> str:
    """A title the user can edit: the filters minus the kind (which the subtitle states).

    >>> default_title("Country: Iran · Kind: event")
    'Timeline — Country: Iran'
    """
    parts = [part for part in filter_description.split(" · ") if part.strip() and not part.startswith("Kind:")]
    if not parts:
        return f"Timeline by {lane_by}"
    description = " · ".join(parts)
    return f"Timeline — {shorten(description, 90, at_word=True)}"


def _static_copy(figure: go.Figure) -> go.Figure:
    """A copy with WebGL traces as SVG traces (same data and marker) and without hover-only data."""
    traces = []
    for trace in figure.data:
        spec = trace.to_plotly_json()
        for interactive_only in ("hovertext", "customdata", "hovertemplate"):  # a page has no hover: less to send
            spec.pop(interactive_only, None)
        if len(spec.get("name") or "") > LEGEND_CHARS:  # long source titles would squeeze the plot; the footnote has them in full
            spec["name"] = shorten(spec["name"], LEGEND_CHARS, at_word=True)
        if spec.pop("type", None) == "scattergl":
            traces.append(go.Scatter(spec))
        else:
            traces.append(type(trace)(spec))
    static = go.Figure(data=traces, layout=figure.layout)
    static.update_layout(template="plotly")
    return static


def _drop_labels_that_cannot_show(figure: go.Figure, x_range: tuple[pd.Timestamp, pd.Timestamp], width_px: int) -> None:
    """Blank bar labels too wide for their bar on the widened axis (the chart chose labels for its initial window).

    Without this, plotly shrinks such labels to unreadable specks inside the narrowed bars.
    """
    span_ms = (x_range[1] - x_range[0]) / pd.Timedelta(milliseconds=1)
    if span_ms <= 0:
        return
    for trace in figure.data:
        if trace.type != "bar" or trace.text is None or trace.x is None or trace.base is None:
            continue
        char_px = (trace.insidetextfont.size or trace.textfont.size or 12) * LABEL_CHAR_WIDTH
        labels = []
        for label, duration_ms, base in zip(trace.text, trace.x, trace.base):
            start = pd.Timestamp(base)
            end = start + pd.Timedelta(milliseconds=float(duration_ms))
            visible_ms = (min(end, x_range[1]) - max(start, x_range[0])) / pd.Timedelta(milliseconds=1)
            fits = visible_ms > 0 and visible_ms / span_ms * width_px >= len(str(label)) * char_px
            labels.append(label if fits else "")
        trace.text = labels


def _x_window(figure: go.Figure, window: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The x range of the chart as first shown ("screen") or of every placed statement ("all")."""
    axis = figure.layout.xaxis
    chosen = axis.range if window == "screen" else (axis.rangeslider.range if axis.rangeslider else None)
    if chosen is None or len(chosen) != 2:
        return None
    return pd.Timestamp(chosen[0]), pd.Timestamp(chosen[1])


def statements_in_window(statements: pd.DataFrame, x_window: tuple[pd.Timestamp, pd.Timestamp] | None) -> pd.DataFrame:
    """The statements with a resolved date whose interval meets `x_window` (all placed ones when None)."""
    placed = statements[statements["start"].notna()]
    if x_window is None:
        return placed
    ends = placed_statements(placed, ["start", "end"])["end"]
    return placed[(placed["start"] < x_window[1]) & (ends > x_window[0])]


def _chart_notes(figure: go.Figure, hidden: int, placed: int) -> tuple[int | None, list[str]]:
    """(index, lines) of the chart's own note annotation, its zoom hint restated for a static page."""
    for index, annotation in enumerate(figure.layout.annotations):
        if annotation.xref == "paper" and annotation.yref == "paper" and annotation.y == 1 and annotation.text:
            lines = [line for line in annotation.text.split("<br>") if _WINDOW_NOTE_MARK not in line]
            if hidden:
                lines.append(f"{hidden:,} of {placed:,} dated statement(s) lie outside this time window")
            return index, lines
    return None, []


def briefing_figure(figure: go.Figure, statements: pd.DataFrame, *, title: str, filter_description: str,
                    size: str = DEFAULT_SIZE, window: str = "screen", documents: pd.DataFrame | None = None) -> go.Figure:
    """A copy of the on-screen `figure` of `statements`, laid out as a briefing page of preset `size`.

    `window`: "screen" keeps the chart's initial time window, "all" widens it to every dated
    statement. Subtitle and footnote describe the statements inside that window.
    >>> from extract.schema import empty_statements
    >>> page = briefing_figure(build_timeline_figure(empty_statements()), empty_statements(), title="Iran",
    ...                        filter_description="Country: Iran", size="A4 landscape")
    >>> (page.layout.width, page.layout.height)
    (1754, 1240)
    """
    if size not in SIZE_PRESETS:
        raise ValueError(f"unknown size {size!r}; choose one of {', '.join(SIZE_PRESETS)}")
    if window not in WINDOWS:
        raise ValueError(f"unknown window {window!r}; choose one of {', '.join(WINDOWS)}")
    width, height = SIZE_PRESETS[size]
    briefing = _static_copy(figure)
    side = 40
    x_window = _x_window(figure, window)
    shown = statements_in_window(statements, x_window)
    placed = int(statements["start"].notna().sum())
    subtitle = briefing_subtitle(shown, filter_description)
    note_index, note_lines = _chart_notes(briefing, placed - len(shown), placed)

    scale = FONT_SCALE[size]
    title_px, subtitle_px, note_px, footnote_px = (round(px * scale) for px in
                                                   (TITLE_FONT_PX, SUBTITLE_FONT_PX, NOTE_FONT_PX, FOOTNOTE_FONT_PX))
    title_lines = wrap_text(title, width - 2 * side, title_px * BOLD_WIDTH, MAX_TITLE_LINES)
    subtitle_lines = wrap_text(subtitle, width - 2 * side, subtitle_px, MAX_SUBTITLE_LINES)
    footnote_lines = source_footnote(sources_of(shown, documents), width * FOOTNOTE_WIDTH_SHARE, footnote_px)
    top_pad, bottom_pad = 28, 18
    margin_top = int(top_pad + (len(title_lines) * title_px + len(subtitle_lines) * subtitle_px
                                + len(note_lines) * note_px) * LINE_HEIGHT + 32)
    margin_bottom = int(34 * scale + 16 + len(footnote_lines) * footnote_px * LINE_HEIGHT + bottom_pad)
    plot_height = height - margin_top - margin_bottom

    briefing.update_layout(
        width=width, height=height, autosize=False,
        margin=dict(l=side, r=side, t=margin_top, b=margin_bottom, autoexpand=True),
        title=dict(text="<br>".join(f"<b>{plotly_literal(line)}</b>" for line in title_lines),
                   x=side / width, xanchor="left", xref="container", y=1 - top_pad / height, yanchor="top",
                   yref="container", font=dict(size=title_px, color="#111"),
                   subtitle=dict(text="<br>".join(plotly_literal(line) for line in subtitle_lines),
                                 font=dict(size=subtitle_px, color="#444"))),
        font=dict(size=round(14 * scale)), dragmode=False, hovermode=False,
    )
    briefing.update_xaxes(rangeslider=dict(visible=False))
    briefing.layout.updatemenus = ()  # the zoom buttons are for the screen, not for paper
    if window == "all" and x_window is not None:
        padding = (x_window[1] - x_window[0]) * 0.02
        x_window = (x_window[0] - padding, x_window[1] + padding)
        briefing.update_xaxes(range=list(x_window))
        _drop_labels_that_cannot_show(briefing, x_window, int(width * PLOT_WIDTH_SHARE))
    if note_index is not None:
        annotations = list(briefing.layout.annotations)
        annotations[note_index].update(text="<br>".join(note_lines), yshift=10, font=dict(size=note_px, color="#444"))
        briefing.layout.annotations = annotations
    if footnote_lines:
        briefing.add_annotation(
            text="<br>".join(plotly_literal(line) for line in footnote_lines), showarrow=False, align="left",
            xref="paper", x=0, xanchor="left", yref="paper", y=-(margin_bottom - bottom_pad) / plot_height,
            yanchor="bottom", font=dict(size=footnote_px, color="#333"),
        )
    return briefing


def briefing_image(statements: pd.DataFrame, filter_description: str, *, title: str, image_format: str,
                   size: str = DEFAULT_SIZE, lane_by: str = "country", color_by: str = "source",
                   window: str = "screen", documents: pd.DataFrame | None = None, scale: float = PNG_SCALE) -> bytes:
    """Image bytes of the briefing built from the on-screen chart of `statements` (already filtered).

    PNG is width*scale px wide; PDF pages have the preset's physical size. Raises one of
    `desk.export.images.IMAGE_EXPORT_ERRORS` (no Chromium / the browser failed), each with a message fit for the user.
    """
    screen = build_timeline_figure(statements, lane_by=lane_by, color_by=color_by)
    figure = briefing_figure(screen, statements, title=title, filter_description=filter_description, size=size,
                             window=window, documents=documents)
    width, height = SIZE_PRESETS[size]
    image_scale = pdf_scale(size) if image_format == "pdf" else (1 if image_format == "svg" else scale)
    return render_image(figure, image_format=image_format, width=width, height=height, scale=image_scale)
