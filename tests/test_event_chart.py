"""The briefing timeline of events: key events, the window that follows the story, labels that never collide."""
from __future__ import annotations

import pandas as pd
import pytest

from desk.event_chart import build_event_chart, context_line
from desk.event_layout import LANE_BY_CHOICES, overlapping_pairs
from desk.literal import plotly_literal
from desk.story import events_with_evidence_in, select_key_events, story_window
from tests.support.event_factory import (DESIGN_CARD_LABELS, dense_year_with_outlier, design_card_events, events_frame,
                                         make_event)


def _boxes(placed: pd.DataFrame) -> list[tuple[float, float, float, float]]:
    return list(zip(placed["box_left"], placed["box_top"], placed["box_right"], placed["box_bottom"]))


def test_default_window_covers_the_dense_period_and_reports_the_1648_outlier():
    events = dense_year_with_outlier("1648")
    chart = build_event_chart(select_key_events(events, key=0).shown)
    window_start, window_end = (pd.Timestamp(value) for value in chart.figure.layout.xaxis.range)
    assert pd.Timestamp("2025-02-20") <= window_start <= pd.Timestamp("2025-03-03")
    assert pd.Timestamp("2025-05-28") <= window_end <= pd.Timestamp("2025-06-10")
    assert chart.outside["event_id"].tolist() == ["ev_outlier"]
    assert "ev_outlier" not in chart.placed["event_id"].tolist()
    notes = [annotation.text for annotation in chart.figure.layout.annotations if annotation.name == "notes"][0]
    assert "Earlier, outside this window: 1648" in notes
    assert "1648" in chart.left_out()


def test_window_all_reaches_the_outlier():
    events = dense_year_with_outlier("1648")
    chart = build_event_chart(select_key_events(events, key=0).shown, window="all")
    assert pd.Timestamp(chart.figure.layout.xaxis.range[0]) < pd.Timestamp("1648-01-01")
    assert chart.outside.empty and "ev_outlier" in chart.placed["event_id"].tolist()


def test_design_card_story_window_is_the_june_2025_war_day_by_day():
    chart = build_event_chart(select_key_events(design_card_events()).shown)
    start, end = (pd.Timestamp(value) for value in chart.figure.layout.xaxis.range)
    assert start <= pd.Timestamp("2025-06-13") and end >= pd.Timestamp("2025-06-25")
    assert end - start < pd.Timedelta(days=20)    # ~60 px per day on the screen's plot width
    assert {"ev_embargo", "ev_csto", "ev_s300"} <= set(chart.outside["event_id"])
    assert "2007" in chart.left_out()


@pytest.mark.parametrize("lane_by", list(LANE_BY_CHOICES))
@pytest.mark.parametrize("window", ["story", "all"])
@pytest.mark.parametrize("plot_width", [600, 1450])
def test_no_two_labels_overlap_and_every_label_stays_in_the_plot(lane_by, window, plot_width):
    chart = build_event_chart(select_key_events(design_card_events()).shown, window=window, lane_by=lane_by,
                              plot_width_px=plot_width)
    placed = chart.placed
    assert overlapping_pairs(_boxes(placed)) == []
    assert (placed["box_left"] >= -0.5).all() and (placed["box_right"] <= plot_width + 0.5).all()


def test_labels_sit_just_above_their_own_marks_never_on_them():
    from desk.event_layout import MAX_POINT_PX

    for plot_height in (None, 400, 900):
        chart = build_event_chart(select_key_events(design_card_events()).shown, window="all", plot_height_px=plot_height)
        placed = chart.placed
        row_px = placed["box_top"].diff().dropna().iloc[0]
        points = [trace for trace in chart.figure.data if trace.name == "day"][0]
        rows = placed.set_index("event_id").loc[list(points.customdata)]
        mark_centres = (pd.Series(points.y, index=rows.index) + 0.5) * row_px
        assert (rows["box_bottom"] <= mark_centres - MAX_POINT_PX / 2).all()              # label above its mark
        assert (mark_centres - rows["box_bottom"] <= MAX_POINT_PX).all()                  # ... and close to it
        assert (mark_centres + MAX_POINT_PX / 2 <= (rows["row"] + 1) * row_px).all()      # mark inside its row


def test_design_card_labels_are_drawn_on_the_all_window():
    chart = build_event_chart(select_key_events(design_card_events()).shown, window="all")
    drawn = " ".join(annotation.text for annotation in chart.figure.layout.annotations)
    for label in DESIGN_CARD_LABELS:
        assert plotly_literal(label) in drawn


def test_key_events_are_the_most_salient_and_the_subtitle_says_so():
    rows = [make_event(f"Event {index}", f"2025-06-{index + 1:02d}", salience=index / 30, event_id=f"e{index}")
            for index in range(30)]
    key = select_key_events(events_frame(rows), key=18)
    assert sorted(key.shown["event_id"]) == sorted(f"e{index}" for index in range(12, 30))
    assert key.description() == "18 key events of 30 from 1 source"


def test_key_events_bring_their_episode_along():
    key = select_key_events(design_card_events(), key=1)
    assert key.shown["event_id"].tolist() == ["ev_rising_lion", "ep_war"]


def test_a_page_too_short_for_every_row_drops_the_least_salient_and_counts_them():
    rows = [make_event(f"Event {index}", f"2025-06-{index + 1:02d}", salience=index / 30, event_id=f"e{index}")
            for index in range(30)]
    chart = build_event_chart(events_frame(rows), plot_width_px=1400, plot_height_px=35 * 10)
    assert len(chart.placed) == 10 and chart.dropped == 20
    assert set(chart.placed["event_id"]) == {f"e{index}" for index in range(20, 30)}
    assert "20 less salient" in chart.left_out()


def test_events_follow_the_statement_filters_through_their_evidence():
    events = events_frame([make_event("A", "2025-06-13", statement_ids=("s1",)),
                           make_event("B", "2025-06-14", statement_ids=("s2", "s3"))])
    kept = events_with_evidence_in(events, pd.DataFrame({"statement_id": ["s3"]}))
    assert kept["label"].tolist() == ["B"]


def test_context_line_is_empty_when_nothing_is_left_out():
    window = story_window(design_card_events(), "all")
    assert context_line(design_card_events().iloc[[]], window, 1000, 12) == ""


def test_a_page_with_few_rows_fills_its_height_and_draws_bigger_labels():
    plot_height = 600
    chart = build_event_chart(select_key_events(design_card_events()).shown, plot_width_px=1520,
                              plot_height_px=plot_height)
    placed, rows = chart.placed, len(chart.placed)
    assert 3 <= rows <= 10
    assert tuple(chart.figure.layout.yaxis.range) == (rows - 0.5, -0.5)       # no empty rows below the story
    row_px = plot_height / rows
    assert placed["box_bottom"].max() > plot_height - row_px                  # the last label sits in the last row
    label_sizes = {annotation.font.size for annotation in chart.figure.layout.annotations if annotation.name != "notes"}
    assert min(label_sizes) > 13                                              # a short story reads from afar
    assert overlapping_pairs(_boxes(placed)) == []


def test_a_long_label_that_fits_neither_after_nor_before_its_mark_still_starts_at_or_before_the_mark():
    """The html-dev desk: '28 Dec 2014 · Tyson and Ashley Gardner of Utah County celebrated the arrival' was anchored
    at the plot's right edge, so when the browser's font ran narrower than measured the text began 40 px to the
    right of its dot, detached from it. Anchored on its left, it starts where it was measured to start."""
    from desk.event_layout import Geometry, layout_events
    from tests.support.event_factory import make_event

    long_label = "Tyson and Ashley Gardner of Utah County celebrated the arrival of their quadruplets at last"
    frame = events_frame([make_event("Charity gala in aid of War Child", "2014-12-13", event_id="ev_early"),
                          make_event(long_label, "2014-12-28", event_id="ev_long"),
                          make_event("Search for the missing plane widened", "2015-01-10", event_id="ev_late")])
    placed = layout_events(frame, story_window(frame), geometry=Geometry(plot_width_px=600.0)).set_index("event_id")
    row = placed.loc["ev_long"]
    assert row["box_left"] > 0 and row["box_right"] > 600 * 0.9      # neither after nor before its mark: the edge case
    assert row["label_anchor"] == "left" and row["label_x"] <= row["mark_start"]


def test_a_label_placed_before_a_days_mark_ends_at_its_dot_not_a_day_later():
    """The seeds' slide: '22 Jun 2025 · US launched its bombing campaign against Iran' ended at the end of 22 June,
    one day's width (about 100 px) right of its dot, which is drawn at the start of the day."""
    from desk.event_layout import Geometry, layout_events

    frame = events_frame([make_event("Operation Rising Lion launched", "2025-06-13", event_id="ev_first"),
                          make_event("US launched its bombing campaign against Iran", "2025-06-22", event_id="ev_late"),
                          make_event("Israel, the United States and Iran ended their conflict", "2025-06-24",
                                     event_id="ev_last")])
    geometry = Geometry(plot_width_px=600.0)
    window = story_window(frame)
    placed = layout_events(frame, window, geometry=geometry).set_index("event_id")
    row = placed.loc["ev_late"]
    dot_px = (row["mark_start"] - window.start) / (window.end - window.start) * 600.0
    assert row["label_anchor"] == "right" and row["label_x"] == row["mark_start"]
    assert abs(row["box_right"] - dot_px) < 0.5
