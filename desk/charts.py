"""The timeline figure, shared by the Timeline page and by image export (the exported image is the chart the user saw).

A day- or hour-grain statement is a point; a coarser one (week, month, year, ...) or a range is a
translucent bar over its whole half-open interval [start, end), labelled with the period, so that
"October 2024" never looks like 1 October. Rows with no resolved date are counted in a note.

>>> from extract.schema import empty_statements
>>> build_timeline_figure(empty_statements()).layout.annotations[0].text
'No statement here can be placed on the timeline'
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from desk.labels import machine_date_notes, period_labels, shorten, source_labels, whole_day_ticks
from desk.literal import plotly_literal
from desk.marks import COLOR_CHOICES, LANE_CHOICES, OTHER_LANE_PREFIX, OTHER_SOURCES, color_of, default_window, source_colors, timeline_marks

SENTENCE_PREVIEW_CHARS = 80      # the hover shows the start of the sentence; a click shows it whole
LEGEND_LABEL_CHARS = 40     # "26 Jun 2009 · " and the start of a title
ASSUMED_PLOT_PIXELS = 900      # plot-area width used to decide which bars get a visible label
LANE_PIXELS = 44
CAMERA_FORMATS = {"png": "PNG", "svg": "SVG"}  # what the chart's own camera button saves
_DAY_TICKS = [
    dict(dtickrange=[None, 86_399_999], value="%d %b %H:%M"),   # hours only below a day: a 1-day tick is a day
    dict(dtickrange=[86_400_000, 604_800_000], value="%a %d %b"),
    dict(dtickrange=[604_800_000, "M1"], value="%d %b %Y"),
    dict(dtickrange=["M1", "M12"], value="%b %Y"),
    dict(dtickrange=["M12", None], value="%Y"),
]


def _hover_texts(marks: pd.DataFrame, labels: dict[str, str]) -> list[str]:
    """Hover text of each mark (input shown literally): date as written, resolved period, source, start of the sentence.

    Only what a hover shows travels with the figure; the statement itself (sentence, rule, article) is read when
    its mark is clicked.
    """
    escaped: dict[str, str] = {}

    def escape(text: object) -> str:  # article fields repeat a lot (dates, grains, sources): escape each once
        key = str(text)
        if key not in escaped:
            escaped[key] = plotly_literal(key)
        return escaped[key]

    texts = []
    for date_text, period, doc_id, sentence, note in zip(marks["date_text"].tolist(), marks["period"].tolist(),
                                                         marks["doc_id"].tolist(), marks["sentence"].tolist(),
                                                         machine_date_notes(marks).tolist()):
        preview = shorten(str(sentence), SENTENCE_PREVIEW_CHARS)
        fixed = f"<br><i>{escape(note)}</i>" if note else ""   # an analyst's date names the machine's
        texts.append(f"<b>{escape(date_text)}</b> → {escape(period)}{fixed}<br>{escape(labels.get(doc_id, doc_id))}<br>"
                     f"{plotly_literal(preview)}")
    return texts


def _legend_name(color_key: str, color_by: str, labels: dict[str, str], marks: pd.DataFrame) -> str:
    if color_by != "source":
        return color_key
    if color_key == OTHER_SOURCES:
        others = marks.loc[marks["color_key"] == OTHER_SOURCES, "doc_id"].nunique()
        return f"Other sources ({others:,} more)"
    return shorten(labels.get(color_key, color_key), LEGEND_LABEL_CHARS)


def _bar_labels(bars: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp], lane_pixels: float) -> list[str]:
    """The period label for bars wide and tall enough to hold it at the default window; "" for the rest (no pile-ups)."""
    pixels_per_second = ASSUMED_PLOT_PIXELS / max((window[1] - window[0]).total_seconds(), 1.0)
    visible = (bars["end"].clip(upper=window[1]) - bars["start"].clip(lower=window[0])).dt.total_seconds()
    wide_enough = visible * pixels_per_second >= bars["period"].str.len() * 7.5 + 10
    tall_enough = bars["height"] * lane_pixels >= 20
    return [plotly_literal(label) if keep else "" for label, keep in zip(bars["period"], wide_enough & tall_enough)]


def _add_traces(figure: go.Figure, marks: pd.DataFrame, color_by: str, labels: dict[str, str],
                window: tuple[pd.Timestamp, pd.Timestamp], lane_pixels: float) -> None:
    """One bar trace and one point trace per colour group, sharing a legend entry."""
    palette = source_colors([key for key in marks["color_key"].astype(str).unique().tolist() if key != OTHER_SOURCES])
    position = {doc_id: index for index, doc_id in enumerate(labels)}   # the pickers' order; "other sources" last
    groups = sorted(marks.groupby("color_key", sort=True),
                    key=lambda item: (item[0] == OTHER_SOURCES, position.get(item[0], len(position)), item[0]))
    for color_key, group in groups:
        name = plotly_literal(_legend_name(str(color_key), color_by, labels, marks))
        colour = color_of(str(color_key), color_by, palette)
        bars = group[~group["is_point"]]
        points = group[group["is_point"]]
        if not bars.empty:
            figure.add_trace(go.Bar(
                orientation="h", base=bars["start"].to_numpy(),
                x=((bars["end"] - bars["start"]).dt.total_seconds() * 1000).to_numpy(),
                y=bars["y"].to_numpy(), width=bars["height"].to_numpy(), name=name, legendgroup=name, showlegend=points.empty,
                marker=dict(color=colour, opacity=0.35, line=dict(color=colour, width=1)),
                text=np.array(_bar_labels(bars, window, lane_pixels), dtype=object), textposition="inside", insidetextanchor="middle",
                textangle=0, insidetextfont=dict(color="#222", size=11),
                customdata=bars["statement_id"].to_numpy(dtype=object), hovertext=np.array(_hover_texts(bars, labels), dtype=object),
                hoverinfo="text",
            ))
        if not points.empty:
            figure.add_trace(go.Scattergl(
                x=points["start"].to_numpy(), y=points["y"].to_numpy(), mode="markers", name=name, legendgroup=name,
                marker=dict(color=colour, size=9, line=dict(color="white", width=1)),
                customdata=points["statement_id"].to_numpy(dtype=object),
                hovertext=np.array(_hover_texts(points, labels), dtype=object),
                hoverinfo="text",
            ))


def _notes(statements: pd.DataFrame, marks: pd.DataFrame, placed_statements: int, sampled_from: int | None,
           window_hides: int) -> list[str]:
    notes = ["● dated to the day/hour   ▬ translucent bar = the whole period (month, year, range…), not a precise day"]
    unplaced = int(statements["start"].isna().sum())
    if unplaced:
        notes.append(f"{unplaced:,} statement(s) without a resolvable date are not shown on the timeline")
    if sampled_from is not None:
        notes.append(f"Sampled: {len(marks):,} of {sampled_from:,} marks drawn (every lane kept); filter to see every statement")
    if window_hides:
        notes.append(f"{window_hides:,} of {placed_statements:,} statement(s) lie outside the default window: "
                     "use the range slider or 'all' to reach them")
    return notes


def build_timeline_figure(statements: pd.DataFrame, *, lane_by: str = "country", color_by: str = "source",
                          title: str | None = None, max_points: int = 20_000) -> go.Figure:
    """The timeline of `statements` (a schema frame) with lanes and colours.

    >>> from extract.schema import empty_statements
    >>> build_timeline_figure(empty_statements(), lane_by="weather")
    Traceback (most recent call last):
    ...
    ValueError: lane_by must be one of country, actor, source, not 'weather'
    """
    if lane_by not in LANE_CHOICES:
        raise ValueError(f"lane_by must be one of {', '.join(LANE_CHOICES)}, not {lane_by!r}")
    if color_by not in COLOR_CHOICES:
        raise ValueError(f"color_by must be one of {', '.join(COLOR_CHOICES)}, not {color_by!r}")
    labels = source_labels(statements)
    marks, lanes, sampled_from = timeline_marks(statements, lane_by=lane_by, color_by=color_by,
                                                max_marks=max_points, labels=labels)
    marks = marks.assign(period=period_labels(marks))
    figure = go.Figure()
    figure.update_layout(template="plotly")
    if marks.empty:
        figure.add_annotation(text="No statement here can be placed on the timeline", showarrow=False,
                              xref="paper", yref="paper", x=0.5, y=0.5, font=dict(size=16))
        figure.update_layout(title=title, height=320, xaxis=dict(visible=False), yaxis=dict(visible=False))
        return figure
    window_start, window_end = default_window(marks)
    _add_traces(figure, marks, color_by, labels, (window_start, window_end), LANE_PIXELS)
    placed = marks.drop_duplicates("statement_id")
    window_hides = int(((placed["end"] <= window_start) | (placed["start"] >= window_end)).sum())
    notes = _notes(statements, marks, len(placed), sampled_from, window_hides)
    for position, lane in enumerate(lanes):
        if position % 2 == 0:
            figure.add_hrect(y0=position - 0.5, y1=position + 0.5, fillcolor="#f3f5f9", line_width=0, layer="below")
    full_start, full_end = marks["start"].min(), marks["end"].max()
    figure.update_layout(
        title=dict(text=plotly_literal(title) if title else None, x=0.01, xanchor="left", y=0.995, yanchor="top",
                   yref="container"),
        barmode="overlay", hovermode="closest", dragmode="zoom", clickmode="event+select",
        height=int(min(1400, max(420, 190 + LANE_PIXELS * len(lanes)))),
        margin=dict(l=10, r=10, t=70 + 16 * len(notes) + (30 if title else 0), b=10),
        hoverlabel=dict(align="left"),
        legend=dict(title=dict(text=COLOR_CHOICES[color_by]), orientation="v", x=1.01, y=1, itemclick="toggle"),
        plot_bgcolor="white",
        xaxis=dict(
            type="date", range=[window_start, window_end], tickformatstops=_DAY_TICKS, showgrid=True,
            gridcolor="#e3e6ec", rangeslider=dict(visible=True, thickness=0.07, range=[full_start, full_end]),
            **({} if (placed["grain"] == "hour").any() else whole_day_ticks(window_start, window_end)),
        ),
        yaxis=dict(tickvals=list(range(len(lanes))), ticktext=[plotly_literal(_lane_tick(lane)) for lane in lanes],
                   range=[len(lanes) - 0.5, -0.5], fixedrange=True, showgrid=False, zeroline=False,
                   title=dict(text=LANE_CHOICES[lane_by])),
        updatemenus=[zoom_buttons(placed, (window_start, window_end), (full_start, full_end))],
    )
    figure.add_annotation(text="<br>".join(plotly_literal(note) for note in notes), showarrow=False, xref="paper",
                          yref="paper", x=0, y=1, yshift=40, yanchor="bottom", xanchor="left", align="left",
                          font=dict(size=12, color="#444"))
    return figure


ZOOM_SPANS = {"2w": pd.Timedelta(days=14), "1m": pd.Timedelta(days=31), "1y": pd.Timedelta(days=365)}


def zoom_buttons(placed: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp],
                 full: tuple[pd.Timestamp, pd.Timestamp]) -> dict:
    """Buttons that show the last 2 weeks / month / year of the statements in the default window, the
    default window, or everything; anchored on the data (not on the current view), padded so that
    the latest points are whole.

    >>> placed = pd.DataFrame({"start": pd.to_datetime(["2025-06-13"]), "end": pd.to_datetime(["2025-06-14"])})
    >>> window = (pd.Timestamp("2025-06-01"), pd.Timestamp("2025-06-30"))
    >>> [button["label"] for button in zoom_buttons(placed, window, window)["buttons"]]
    ['2w', '1m', '1y', 'default', 'all']
    """
    window_start, window_end = window
    in_window = placed[(placed["start"] < window_end) & (placed["end"] > window_start)]
    latest = (in_window if not in_window.empty else placed)["end"].max()
    buttons = []
    for label, span in ZOOM_SPANS.items():
        padding = span * 0.03
        buttons.append(dict(label=label, method="relayout",
                            args=[{"xaxis.range": [latest - span - padding, latest + padding]}]))
    buttons.append(dict(label="default", method="relayout", args=[{"xaxis.range": [window_start, window_end]}]))
    everything_padding = (full[1] - full[0]) * 0.01
    buttons.append(dict(label="all", method="relayout",
                        args=[{"xaxis.range": [full[0] - everything_padding, full[1] + everything_padding]}]))
    return dict(type="buttons", direction="right", showactive=False, buttons=buttons, x=0, xanchor="left",
                y=1.0, yanchor="bottom", pad=dict(t=0, b=4), font=dict(size=11), bgcolor="#eef0f4")


def _lane_tick(lane: str) -> str:
    """A lane's name shortened for the axis; the merged 'Other (N more …)' lane is always shown whole."""
    return lane if lane.startswith(OTHER_LANE_PREFIX) else shorten(lane, LEGEND_LABEL_CHARS)


def plotly_config(filename: str, image_format: str = "png") -> dict:
    """Config for `st.plotly_chart`: the camera button exports `filename` at scale 3.

    >>> plotly_config("timeline Iran/Israel", "svg")["toImageButtonOptions"]
    {'format': 'svg', 'filename': 'timeline_Iran_Israel', 'scale': 3}
    """
    if image_format not in CAMERA_FORMATS:
        raise ValueError(f"image_format must be one of {', '.join(CAMERA_FORMATS)}, not {image_format!r}")
    safe_name = re.sub(r"[^A-Za-z0-9._-]+", "_", filename).strip("_") or "timeline"
    return {
        "displaylogo": False,
        "scrollZoom": True,
        "toImageButtonOptions": {"format": image_format, "filename": safe_name, "scale": 3},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }


def statement_ids_from_selection(selection_event: object) -> list[str]:
    """The statement_ids of the selected marks of an `st.plotly_chart(on_select="rerun")` event, in order, once each.

    >>> statement_ids_from_selection({"selection": {"points": [{"customdata": "d:1-5"}, {"customdata": ["d:1-5"]}]}})
    ['d:1-5']
    """
    if not selection_event:
        return []
    selection = selection_event.get("selection") if hasattr(selection_event, "get") else None
    points = (selection or {}).get("points") or [] if hasattr(selection or {}, "get") else []
    chosen: list[str] = []
    for point in points:
        customdata = point.get("customdata") if hasattr(point, "get") else None
        if isinstance(customdata, (list, tuple)):
            customdata = customdata[0] if customdata else None
        if isinstance(customdata, str) and customdata and customdata not in chosen:
            chosen.append(customdata)
    return chosen
