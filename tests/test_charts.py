"""The timeline figure and the actor charts: what is drawn, where, and what an analyst reads on hover."""
from __future__ import annotations

import pandas as pd
import pytest

from desk.actor_charts import actor_cooccurrence, actor_mentions, actor_year_counts, build_cooccurrence_heatmap
from desk.charts import build_timeline_figure, plotly_config, statement_ids_from_selection
from desk.labels import interval_label
from desk.marks import source_colors
from tests.support.rows import statement_row, statements_of
from tests.support.synthetic import synthetic_statements

DAY_MS = 86_400_000


def _row(statement_id: str, start, end, grain: str, *, countries=("Iran",), doc_id="doc_a",
         sentence="Jets struck on that day.", date_text="13 June", **columns) -> dict:
    return statement_row(statement_id, start=start, end=end, grain=grain, countries=countries, doc_id=doc_id,
                         title=f"Title of {doc_id}", outlet=f"Outlet {doc_id}", published="2025-06-25",
                         sentence=sentence, date_text=date_text, **columns)


_frame = statements_of


def _marks(figure) -> list[tuple[str, str]]:
    """(trace type, statement_id) for every mark of the figure."""
    return [(trace.type, statement_id) for trace in figure.data for statement_id in (() if trace.customdata is None else list(trace.customdata))]


def _trace_with(figure, statement_id: str):
    return next(trace for trace in figure.data if statement_id in (() if trace.customdata is None else list(trace.customdata)))


def test_every_placeable_statement_is_a_mark_carrying_its_statement_id():
    statements = synthetic_statements(200, seed=3)
    figure = build_timeline_figure(statements, lane_by="source")
    drawn = {statement_id for _, statement_id in _marks(figure)}
    assert drawn == set(statements.loc[statements["start"].notna(), "statement_id"])


def test_statement_naming_two_countries_is_drawn_in_both_lanes():
    figure = build_timeline_figure(_frame(_row("both", "2025-06-13", "2025-06-14", "day", countries=("Iran", "Israel"))))
    trace = _trace_with(figure, "both")
    lane_names = dict(zip(figure.layout.yaxis.tickvals, figure.layout.yaxis.ticktext))
    assert sorted(lane_names[round(y)] for y in trace.y) == ["Iran", "Israel"]


def test_day_statement_is_a_point_and_month_statement_a_bar_over_the_whole_month():
    figure = build_timeline_figure(_frame(_row("day", "2025-06-13", "2025-06-14", "day"),
                                          _row("month", "2024-10-01", "2024-11-01", "month", date_text="October 2024")))
    assert _trace_with(figure, "day").type == "scattergl"
    bar = _trace_with(figure, "month")
    assert bar.type == "bar" and bar.orientation == "h"
    assert pd.Timestamp(bar.base[0]) == pd.Timestamp("2024-10-01")
    assert bar.x[0] == 31 * DAY_MS
    assert bar.marker.opacity < 1


def test_a_range_of_days_is_a_bar_not_a_point():
    figure = build_timeline_figure(_frame(_row("range", "2025-06-13", "2025-06-25", "day", date_text="13–24 June")))
    assert _trace_with(figure, "range").type == "bar"


def test_unresolved_statements_are_counted_in_a_note_not_drawn():
    figure = build_timeline_figure(_frame(_row("dated", "2025-06-13", "2025-06-14", "day"),
                                          _row("undated", None, None, "unknown"), _row("undated2", None, None, "unknown")))
    assert [statement_id for _, statement_id in _marks(figure)] == ["dated"]
    notes = " ".join(annotation.text for annotation in figure.layout.annotations)
    assert "2 statement(s) without a resolvable date are not shown" in notes


def test_hover_and_labels_escape_article_text():
    hostile = "<script>alert('x')</script> *markdown* <b>bold</b>"
    figure = build_timeline_figure(_frame(_row("s", "2025-06-13", "2025-06-14", "day", sentence=hostile,
                                               doc_id="<img src=x>")), lane_by="source")
    trace = _trace_with(figure, "s")
    assert "<script>" not in trace.hovertext[0] and "&lt;script&gt;" in trace.hovertext[0]
    assert "<b>bold" not in trace.hovertext[0]
    assert "<img" not in trace.name and "<img" not in " ".join(figure.layout.yaxis.ticktext)


def test_figure_uses_the_plotly_template_explicitly():
    figure = build_timeline_figure(synthetic_statements(30))
    assert figure.layout.template.layout.paper_bgcolor == "white"
    assert figure.layout.template.layout.colorway is not None


def test_default_window_shows_the_bulk_but_the_range_slider_reaches_outliers():
    rows = [_row(f"june_{day}", f"2025-06-{day:02d}", f"2025-06-{day + 1:02d}", "day") for day in range(10, 25)]
    rows.append(_row("old", "1900-01-01", "2000-01-01", "century", date_text="the 20th century"))
    figure = build_timeline_figure(_frame(*rows))
    window_start, window_end = (pd.Timestamp(value) for value in figure.layout.xaxis.range)
    assert pd.Timestamp("2025-05-01") < window_start <= pd.Timestamp("2025-06-10")
    assert pd.Timestamp("2025-06-25") <= window_end < pd.Timestamp("2025-08-01")
    assert pd.Timestamp(figure.layout.xaxis.rangeslider.range[0]) == pd.Timestamp("1900-01-01")
    assert "outside the default window" in " ".join(annotation.text for annotation in figure.layout.annotations)


def test_points_on_the_same_day_and_lane_are_stacked_not_overlapping():
    rows = [_row(f"s{index}", "2025-06-13", "2025-06-14", "day") for index in range(4)]
    trace = _trace_with(build_timeline_figure(_frame(*rows)), "s0")
    assert len(set(trace.y)) == 4


def test_large_frames_are_sampled_with_a_note_and_every_lane_kept():
    statements = synthetic_statements(600, seed=1)
    figure = build_timeline_figure(statements, lane_by="actor", max_points=150)
    assert len(_marks(figure)) <= 150 + len(figure.layout.yaxis.tickvals)
    lanes_with_marks = {round(y) for trace in figure.data for y in trace.y}
    assert lanes_with_marks == set(figure.layout.yaxis.tickvals)
    assert "Sampled" in " ".join(annotation.text for annotation in figure.layout.annotations)


def test_a_source_keeps_its_colour_when_other_sources_are_filtered_out():
    every_source = source_colors(["doc_a", "doc_b", "doc_c", "doc_d"])
    for doc_id in every_source:
        assert source_colors([doc_id])[doc_id] == every_source[doc_id] or len(set(every_source.values())) == 4


def test_colour_by_kind_gives_one_legend_entry_per_kind():
    figure = build_timeline_figure(synthetic_statements(200, seed=2), color_by="kind")
    assert {trace.name for trace in figure.data if trace.showlegend is not False} == {"event", "reference", "dateline"}


def test_no_placeable_statement_gives_a_message_figure():
    figure = build_timeline_figure(_frame(_row("undated", None, None, "unknown")))
    assert "No statement here can be placed" in figure.layout.annotations[0].text


def test_unknown_lane_choice_is_refused_with_the_allowed_ones():
    with pytest.raises(ValueError, match="country, actor, source"):
        build_timeline_figure(synthetic_statements(5), lane_by="weather")


@pytest.mark.parametrize("event, expected", [
    ({"selection": {"points": [{"customdata": "d:1-5"}, {"customdata": ["d:9-12"]}, {"customdata": "d:1-5"}]}},
     ["d:1-5", "d:9-12"]),
    ({"selection": {"points": [], "box": [], "lasso": []}}, []),
    ({"selection": {"points": [{"x": 3}]}}, []),
    (None, []),
    ({}, []),
])
def test_selection_maps_to_statement_ids_once_each(event, expected):
    assert statement_ids_from_selection(event) == expected


def test_camera_button_exports_at_scale_three_with_a_safe_name():
    config = plotly_config("timeline_Iran/Israel 2025", "svg")
    assert config["toImageButtonOptions"] == {"format": "svg", "filename": "timeline_Iran_Israel_2025", "scale": 3}
    with pytest.raises(ValueError):
        plotly_config("x", "jpg")


@pytest.mark.parametrize("value, grain, start, end, label", [
    ("2024-10", "month", "2024-10-01", "2024-11-01", "October 2024"),
    ("2007", "year", "2007-01-01", "2008-01-01", "2007"),
    ("2025-06-13", "day", "2025-06-13", "2025-06-14", "13 Jun 2025"),
    ("range", "day", "2025-06-13", "2025-06-25", "13–24 Jun 2025"),
    ("199", "decade", "1990-01-01", "2000-01-01", "1990s"),
    ("19", "century", "1900-01-01", "2000-01-01", "20th century"),
    ("2025-Q1", "quarter", "2025-01-01", "2025-04-01", "Q1 2025"),
    ("2024-SU", "season", "2024-06-01", "2024-09-01", "summer 2024"),
    ("2022", "year", "2022-01-01", "2025-01-01", "2022 – 2024"),
    ("2023", "year", "2023-09-02", "2024-01-01", "2 Sep – 31 Dec 2023"),
    ("PAST_REF", "unknown", None, None, "unresolved (PAST_REF)"),
])
def test_period_labels_never_claim_more_precision_than_the_grain(value, grain, start, end, label):
    start = pd.Timestamp(start) if start else pd.NaT
    end = pd.Timestamp(end) if end else pd.NaT
    assert interval_label(value, grain, start, end) == label


def test_actor_counts_are_per_sentence_not_per_date_expression():
    one_sentence_two_dates = [_row("a", "2025-06-13", "2025-06-14", "day", actors=("Putin", "Trump")),
                              _row("b", "2024-01-01", "2025-01-01", "year", actors=("Putin", "Trump"))]
    frame = _frame(*one_sentence_two_dates)
    assert actor_mentions(frame).set_index("actor")["mentions"].to_dict() == {"Putin": 1, "Trump": 1}
    assert actor_cooccurrence(frame).loc["Putin", "Trump"] == 1


def test_actor_year_matrix_counts_sentences_by_year_of_the_statement():
    frame = _frame(_row("a", "2025-06-13", "2025-06-14", "day", actors=("Putin",)),
                   {**_row("b", "2024-03-01", "2024-04-01", "month", actors=("Putin", "Trump")), "sentence_start": 50})
    matrix = actor_year_counts(frame)
    assert matrix.loc["Putin", 2025] == 1 and matrix.loc["Putin", 2024] == 1 and matrix.loc["Trump", 2025] == 0


def test_cooccurrence_heatmap_escapes_actor_names():
    frame = _frame(_row("a", "2025-06-13", "2025-06-14", "day", actors=("<b>X</b>", "Y")))
    figure = build_cooccurrence_heatmap(frame)
    assert "<b>X</b>" not in list(figure.data[0].x) and "&lt;b&gt;X&lt;/b&gt;" in list(figure.data[0].x)


def test_default_window_follows_the_story_when_background_history_would_squeeze_it_into_a_sliver():
    """The Haiti desk: 82 % of the statements fall in January 2010, the rest on 1804, 1915, 1994, ... The window that
    held 95 % of them ran from 1895 to 2016 and drew the whole story in one pixel column; it is the story's months."""
    rows = [_row(f"quake_{index}", f"2010-01-{12 + index % 18:02d}", f"2010-01-{13 + index % 18:02d}", "day")
            for index in range(85)]
    rows += [_row(f"history_{year}", f"{year}-01-01", f"{year + 1}-01-01", "year", date_text=str(year))
             for year in (1804, 1915, 1934, 1957, 1986, 1991, 1994, 2004, 2008, 1843, 1869, 1902, 1937, 1964, 1971)]
    figure = build_timeline_figure(_frame(*rows))
    window_start, window_end = (pd.Timestamp(value) for value in figure.layout.xaxis.range)
    assert pd.Timestamp("2009-09-01") <= window_start <= pd.Timestamp("2010-01-12")
    assert pd.Timestamp("2010-01-30") <= window_end <= pd.Timestamp("2010-06-01")
    assert pd.Timestamp(figure.layout.xaxis.rangeslider.range[0]) == pd.Timestamp("1804-01-01")
    assert "outside the default window" in " ".join(annotation.text for annotation in figure.layout.annotations)


def test_default_window_on_the_seeds_shows_the_2007_facts_and_the_june_2025_war(seeds_extraction):
    statements, _documents = seeds_extraction
    events = statements[statements["kind"] == "event"]
    figure = build_timeline_figure(events)
    window_start, window_end = (pd.Timestamp(value) for value in figure.layout.xaxis.range)
    assert window_start <= pd.Timestamp("2007-01-01") and window_end >= pd.Timestamp("2025-06-24")
    assert window_start > pd.Timestamp("1941-12-31")  # the 1941 anniversary aside is an outlier


def test_zoom_buttons_are_anchored_on_the_latest_statements_not_on_the_view(seeds_extraction):
    statements, _documents = seeds_extraction
    figure = build_timeline_figure(statements[statements["kind"] == "event"])
    buttons = {button.label: button.args[0]["xaxis.range"] for button in figure.layout.updatemenus[0].buttons}
    assert list(buttons) == ["2w", "1m", "1y", "default", "all"]
    start, end = (pd.Timestamp(value) for value in buttons["1m"])
    assert start <= pd.Timestamp("2025-06-13") and pd.Timestamp("2025-06-25") <= end <= pd.Timestamp("2025-07-15")
    start, end = (pd.Timestamp(value) for value in buttons["2w"])
    assert pd.Timestamp("2025-06-10") <= start <= pd.Timestamp("2025-06-22")
    assert [pd.Timestamp(value) for value in buttons["default"]] == [pd.Timestamp(v) for v in figure.layout.xaxis.range]
    assert pd.Timestamp(buttons["all"][0]) < pd.Timestamp("1941-01-01")


def test_heatmap_title_sits_above_its_slanted_column_names_however_long():
    """The Haiti desk's actor names ('Dominican Republic', 'Associated Press') stood on the title
    'Named in the same sentence': the top margin now holds the title and the names at 45 degrees."""
    from desk.actor_charts import TITLE_PX, cooccurrence_heatmap, cooccurrence_matrix

    names = ["Haiti", "United States", "Dominican Republic", "Associated Press"]
    pairs = pd.DataFrame([(first, second, 3) for index, first in enumerate(names) for second in names[index + 1:]],
                         columns=["first", "second", "sentences"])
    layout = cooccurrence_heatmap(cooccurrence_matrix(pairs)).layout
    assert (layout.title.yref, layout.title.y, layout.title.yanchor) == ("container", 1, "top")
    assert layout.xaxis.side == "top" and layout.xaxis.tickangle == -45
    slanted_name_px = len("Dominican Republic") * 12 * 0.6 * 0.7   # 12 px letters ~0.6 em wide, sin 45° ~ 0.7
    assert layout.margin.t >= TITLE_PX + slanted_name_px


def test_a_heatmap_of_many_years_drops_the_numbers_that_would_be_unreadable():
    from desk.actor_charts import actor_year_heatmap, actor_year_matrix

    few = pd.DataFrame({"actor": ["Haiti"] * 5, "year": range(2006, 2011), "sentences": 1})
    many = pd.DataFrame({"actor": ["Haiti"] * 47, "year": range(1964, 2011), "sentences": 1})
    assert actor_year_heatmap(actor_year_matrix(few)).data[0].texttemplate == "%{z}"
    assert not actor_year_heatmap(actor_year_matrix(many)).data[0].texttemplate   # the colour and the hover tell


def _title_only_desk(sources: int) -> pd.DataFrame:
    """One statement from each of `sources` articles that have a title and a day but no outlet (as Timeline17)."""
    rows = [statement_row(f"d{index:03d}:0-1", doc_id=f"d{index:03d}", outlet=None, title=f"Headline number {index}",
                          published=f"2009-06-{1 + index % 28:02d}", start=f"2009-06-{1 + index % 28:02d}",
                          end=f"2009-06-{2 + index % 28:02d}", countries=["United States"])
            for index in range(sources)]
    rows += [statement_row(f"d000:{index}-{index + 1}", doc_id="d000", outlet=None, title="Headline number 0",
                           published="2009-06-01", start="2009-06-01", end="2009-06-02") for index in range(2, 5)]
    return statements_of(*rows)


def test_a_desk_of_many_sources_names_the_most_reported_in_the_legend_and_groups_the_rest():
    from desk.marks import MAX_SOURCE_COLORS

    figure = build_timeline_figure(_title_only_desk(286), color_by="source")
    legend = [trace.name for trace in figure.data if trace.showlegend is not False]
    assert len(legend) == MAX_SOURCE_COLORS + 1, "was one entry per source: 286 entries in 18 recycled colours"
    assert legend[-1] == f"Other sources ({286 - MAX_SOURCE_COLORS} more)"
    assert legend[0].startswith("1 Jun 2009 · Headline number 0"), "named by day and title, in the pickers' order"
    named_colours = {trace.marker.color for trace in figure.data if trace.name != legend[-1]}
    assert len(named_colours) == MAX_SOURCE_COLORS, "every named source keeps a colour of its own"
    assert len(_marks(figure)) == 286 + 3, "every statement is still drawn"


def test_a_desk_of_few_sources_keeps_one_legend_entry_per_source():
    figure = build_timeline_figure(_title_only_desk(5), color_by="source")
    assert len([trace for trace in figure.data if trace.showlegend is not False]) == 5


def test_lanes_beyond_the_limit_are_merged_into_one_lane_named_in_plural():
    from desk.marks import MAX_LANES, lane_order

    totals = pd.Series({f"Country {index}": 100 - index for index in range(MAX_LANES + 5)})
    lanes, _ = lane_order(totals, "country")
    assert lanes[-1] == "Other (6 more countries)"   # was "countrys"
