"""The statements chart above the mark budget: counts per period per lane, as a heatmap that says so.

Drawing one mark per statement stops being readable (and the page stops being fast) long before a million
statements; sampling hides statements without saying which. Above `MARK_BUDGET` marks the page draws instead
how many statements each lane holds per day, week, month or year (chosen from the span where most of them
lie) from one aggregate query (`desk.query.StatementStore.period_counts`), and the chart's note says that it is
aggregated, at which period, and how to get the single statements back. Pure (plotly, no Streamlit).

>>> counts = pd.DataFrame({"lane": ["Iran", "Iran", "Israel"], "period": pd.to_datetime(["2025-06-13", "2025-06-14",
...     "2025-06-13"]), "statements": [3, 1, 2]})
>>> chart = build_period_chart(counts, lane_by="country", labels={}, shown=6, marks=6)
>>> chart.period, chart.lanes, [list(row) for row in chart.figure.data[0].z]
('day', ['Iran', 'Israel'], [[3.0, 1.0], [2.0, None]])
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from desk.labels import shorten
from desk.literal import plotly_literal
from desk.marks import LANE_CHOICES, lane_order

MARK_BUDGET = 5_000            # above this many marks the statements chart shows counts per period instead
CORE_SHARE = 0.8              # the core span, drawn period by period, holds this share of the statements
LANE_PIXELS = 34
LANE_LABEL_CHARS = 28
# (period, the longest core span in days it is chosen for, its numpy unit, how a column is labelled)
PERIOD_STEPS: tuple[tuple[str, float, str, str], ...] = (
    ("day", 120, "D", "%-d %b %Y"),
    ("week", 3 * 365, "W", "%-d %b %Y"),          # a week is named by its Monday (the note says "per week")
    ("month", 40 * 365, "M", "%b %Y"),
    ("year", float("inf"), "Y", "%Y"),
)


@dataclass(frozen=True)
class PeriodChart:
    """The aggregated chart and what it aggregated."""
    figure: go.Figure
    period: str
    lanes: list[str]
    note: str


def _period_starts(days: np.ndarray, unit: str) -> np.ndarray:
    """The start of the period (numpy unit D, W = weeks from Monday, M, Y) holding each day; any year 1-9999."""
    if unit == "W":
        day_numbers = days.astype("datetime64[D]").astype("int64")
        monday = day_numbers - (day_numbers + 3) % 7          # 1970-01-01 was a Thursday
        return monday.astype("datetime64[D]")
    return days.astype(f"datetime64[{unit}]").astype("datetime64[D]")


def _grid(first: np.datetime64, last: np.datetime64, unit: str) -> np.ndarray:
    """Every period start from `first` to `last` (both period starts)."""
    if unit == "W":
        return np.arange(first, last + np.timedelta64(7, "D"), np.timedelta64(7, "D"))
    starts = np.arange(first.astype(f"datetime64[{unit}]"), last.astype(f"datetime64[{unit}]") + 1)
    return starts.astype("datetime64[D]")


def _label(day: np.datetime64, form: str) -> str:
    """A period start as a column label (ISO for years before 1000, which strftime does not pad)."""
    moment = pd.Timestamp(day)
    return moment.strftime(form) if moment.year >= 1000 else str(day)[:10]


def core_window(totals: pd.Series, share: float = CORE_SHARE) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The shortest run of days (`totals`: statements per day, sorted) holding `share` of the statements.

    >>> days = pd.Series([1, 50, 49], index=pd.to_datetime(["1979-01-01", "2025-06-13", "2025-06-20"]))
    >>> core_window(days, share=0.95)
    (Timestamp('2025-06-13 00:00:00'), Timestamp('2025-06-20 00:00:00'))
    """
    values = totals.to_numpy(dtype="float64")
    days = totals.index.to_numpy()
    needed = share * values.sum()
    cumulative = np.concatenate([[0.0], np.cumsum(values)])
    best = (0, len(values) - 1)
    end = 0
    for start in range(len(values)):
        end = max(end, start)
        while end < len(values) - 1 and cumulative[end + 1] - cumulative[start] < needed:
            end += 1
        if cumulative[end + 1] - cumulative[start] >= needed and days[end] - days[start] < days[best[1]] - days[best[0]]:
            best = (start, end)
    return pd.Timestamp(days[best[0]]), pd.Timestamp(days[best[1]])


def choose_period(core: tuple[pd.Timestamp, pd.Timestamp]) -> str:
    """The finest period that draws the core span in a readable number of columns.

    >>> choose_period((pd.Timestamp("2025-06-13"), pd.Timestamp("2025-06-24")))
    'day'
    >>> choose_period((pd.Timestamp("2020-01-01"), pd.Timestamp("2025-06-24")))
    'month'
    """
    days = int((core[1].to_datetime64().astype("datetime64[D]") - core[0].to_datetime64().astype("datetime64[D]"))
               .astype("int64"))  # in days: a span of centuries overflows a nanosecond Timedelta
    return next(period for period, longest, _unit, _form in PERIOD_STEPS if days <= longest)


def build_period_chart(day_counts: pd.DataFrame, *, lane_by: str, labels: dict[str, str], shown: int, marks: int,
                       unplaced: int = 0, title: str | None = None) -> PeriodChart:
    """The heatmap of `day_counts` (lane, period = the day a statement's date starts, statements) with its note.

    Inside the core span (the shortest holding `CORE_SHARE` of the statements) each column is one period, gaps included; outside it,
    one column per year that has statements, so that nothing is left out. `shown`: statements the filters keep;
    `marks`: what the mark chart would draw (one per statement and lane); `unplaced`: kept statements without a
    resolved date. Lanes by source are doc_ids, named with `labels`.
    """
    if lane_by not in LANE_CHOICES:
        raise ValueError(f"lane_by must be one of {', '.join(LANE_CHOICES)}, not {lane_by!r}")
    counts = day_counts.copy()
    counts["lane"] = counts["lane"].astype(str)
    if lane_by == "source":
        counts["lane"] = counts["lane"].map(lambda doc_id: labels.get(doc_id, doc_id))
    days = counts["period"].to_numpy().astype("datetime64[D]")
    per_day = counts.groupby(days)["statements"].sum().sort_index()
    low_day, high_day = (moment.to_datetime64().astype("datetime64[D]") for moment in core_window(per_day))
    reach = max(high_day - low_day, np.timedelta64(3, "D"))  # widened, as the mark chart's window, by one core span
    first_day, last_day = per_day.index[0], per_day.index[-1]
    core = (pd.Timestamp(max(low_day - reach, first_day)), pd.Timestamp(min(high_day + reach, last_day)))
    period = choose_period(core)
    _name, _longest, unit, form = next(step for step in PERIOD_STEPS if step[0] == period)
    low, high = (_period_starts(np.array([moment.to_datetime64()]), unit)[0] for moment in core)
    fine = _period_starts(days, unit)
    inside = (fine >= low) & (fine <= high)
    starts = np.where(inside, fine, _period_starts(days, "Y"))
    grid = _grid(low, high, unit)
    fine_years = {_label(day, "%Y") for day in grid}
    columns = [(day, True, _label(day, form)) for day in grid]
    for day in sorted(set(starts[~inside])):
        year = _label(day, "%Y")
        columns.append((day, False, f"{year} (rest)" if year in fine_years else year))
    columns.sort(key=lambda column: (column[0], column[1]))
    column_of = {(day, is_fine): position for position, (day, is_fine, _text) in enumerate(columns)}
    order, merged_into = lane_order(counts.groupby("lane")["statements"].sum(), lane_by)
    counts["lane"] = counts["lane"].map(lambda lane: merged_into.get(lane, lane))
    counts["column"] = [column_of[(day, bool(flag))] for day, flag in zip(starts, inside)]
    table = counts.pivot_table(index="lane", columns="column", values="statements", aggfunc="sum")
    matrix = table.reindex(index=order, columns=range(len(columns))).to_numpy(dtype="float64")
    z = [[None if np.isnan(cell) else float(cell) for cell in row] for row in matrix]
    figure = go.Figure(go.Heatmap(
        x=[text for _day, _fine, text in columns], y=[plotly_literal(lane) for lane in order],  # whole: lanes stay apart
        z=z, colorscale="Blues", zmin=0, xgap=1, ygap=2, colorbar=dict(title=dict(text="statements"), thickness=12),
        hovertemplate=f"%{{y}} · {'week of ' if period == 'week' else ''}%{{x}}: %{{z:,}} statements<extra></extra>",
    ))
    note = (f"Aggregated: {shown:,} statements ({marks:,} marks, above the budget of {MARK_BUDGET:,}) drawn as counts "
            f"per {period} and {LANE_CHOICES[lane_by].lower()}.")
    notes = [note, f"{_label(low, form)} – {_label(high, form)}: one column per {period}"
                   f"{' (named by its Monday)' if period == 'week' else ''}; before and after, one per year.",
             f"A statement dated by a longer period (a month, a year) counts in the {period} it starts.",
             "Narrow the filters (a country, dates, a text) to draw each statement and click it."]
    if unplaced:
        notes.append(f"{unplaced:,} statement(s) without a resolvable date are not shown on the timeline")
    figure.update_layout(
        template="plotly", plot_bgcolor="white",
        title=dict(text=plotly_literal(title) if title else None, x=0.01, xanchor="left"),
        height=int(min(1400, max(380, 260 + LANE_PIXELS * len(order)))),
        margin=dict(l=10, r=10, t=60 + 16 * len(notes) + (30 if title else 0), b=10),
        xaxis=dict(type="category", showgrid=False, tickangle=-45, nticks=40),
        yaxis=dict(autorange="reversed", title=dict(text=LANE_CHOICES[lane_by]), fixedrange=True, type="category",
                   tickvals=[plotly_literal(lane) for lane in order],
                   ticktext=[plotly_literal(shorten(lane, LANE_LABEL_CHARS)) for lane in order]),
    )
    figure.add_annotation(text="<br>".join(plotly_literal(line) for line in notes), showarrow=False, xref="paper",
                          yref="paper", x=0, y=1, yshift=12, yanchor="bottom", xanchor="left", align="left",
                          font=dict(size=12, color="#444"))
    return PeriodChart(figure, period, list(order), note)
