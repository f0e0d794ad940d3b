"""Briefing layout: title, subtitle with filters and date window, source footnote, page sizes, same marks as on screen."""
from __future__ import annotations


import pandas as pd
import pytest

from desk.charts import build_timeline_figure
from desk.export.briefing import (
    SIZE_PRESETS,
    Source,
    briefing_figure,
    briefing_subtitle,
    date_window,
    default_title,
    pdf_scale,
    source_footnote,
    sources_of,
    statements_in_window,
    wrap_text,
)
from desk.literal import plotly_literal
from extract.schema import conform_statements
from tests.support.synthetic import synthetic_documents, synthetic_statements


@pytest.fixture(scope="module")
def statements() -> pd.DataFrame:
    return synthetic_statements(200, seed=7)


@pytest.fixture(scope="module")
def screen_figure(statements):
    return build_timeline_figure(statements, lane_by="country", color_by="source")


def _many_sources(count: int) -> list[Source]:
    return [Source(f"Outlet {index}", f"A rather long article title number {index} about the war", pd.Timestamp("2025-06-01"))
            for index in range(count)]


def test_size_presets_are_slide_and_a4_at_150_dpi():
    assert SIZE_PRESETS["16:9 slide"] == (1600, 900)
    width, height = SIZE_PRESETS["A4 landscape"]
    assert (round(width / 150 * 25.4), round(height / 150 * 25.4)) == (297, 210)


def test_pdf_scale_turns_a4_pixels_into_an_a4_page():
    width, height = SIZE_PRESETS["A4 landscape"]
    points = (width * pdf_scale("A4 landscape") * 0.75, height * pdf_scale("A4 landscape") * 0.75)
    assert points == pytest.approx((841.9, 595.3), abs=2)


def test_briefing_has_preset_size_title_and_subtitle(screen_figure, statements):
    figure = briefing_figure(screen_figure, statements, title="Iran & Russia", filter_description="Countries: Iran",
                             size="A4 landscape")
    assert (figure.layout.width, figure.layout.height) == SIZE_PRESETS["A4 landscape"]
    assert "Iran &amp; Russia" in figure.layout.title.text
    assert figure.layout.title.subtitle.text.startswith("Countries: Iran · ")


def test_briefing_keeps_the_on_screen_marks_and_colours(screen_figure, statements):
    figure = briefing_figure(screen_figure, statements, title="t", filter_description="")
    assert len(figure.data) == len(screen_figure.data)
    for shown, exported in zip(screen_figure.data, figure.data):
        assert exported.name == shown.name
        assert exported.marker.color == shown.marker.color
        assert list(exported.y) == list(shown.y)
    assert figure.layout.template.layout.colorway == screen_figure.layout.template.layout.colorway


def test_briefing_draws_webgl_points_as_vector_points(screen_figure, statements):
    assert any(trace.type == "scattergl" for trace in screen_figure.data)
    figure = briefing_figure(screen_figure, statements, title="t", filter_description="")
    assert not any(trace.type == "scattergl" for trace in figure.data)


def test_briefing_does_not_touch_the_on_screen_figure(screen_figure, statements):
    before = screen_figure.to_json()
    briefing_figure(screen_figure, statements, title="changed", filter_description="x", window="all")
    assert screen_figure.to_json() == before


def test_briefing_drops_range_slider_and_buttons(screen_figure, statements):
    figure = briefing_figure(screen_figure, statements, title="t", filter_description="")
    assert figure.layout.xaxis.rangeslider.visible is False
    assert not figure.layout.updatemenus


def test_window_all_widens_the_axis_to_every_dated_statement(statements):
    june = statements[(statements["start"] >= "2025-06-01") | statements["start"].isna()]
    one_old = statements[statements["start"] == statements["start"].min()].head(1)
    combined = pd.concat([june.head(80), one_old], ignore_index=True)
    screen = build_timeline_figure(combined)
    everything = briefing_figure(screen, combined, title="t", filter_description="", window="all")
    assert pd.Timestamp(everything.layout.xaxis.range[0]) <= one_old["start"].iloc[0]


def test_footnote_lists_the_sources_of_the_chart(statements):
    two = statements[statements["doc_id"].isin(["syn_002", "syn_005"])]
    figure = briefing_figure(build_timeline_figure(two), two, title="t", filter_description="",
                             documents=synthetic_documents(statements))
    footnote = figure.layout.annotations[-1].text
    assert footnote.startswith("Sources: ")
    assert "Kyiv Post, “Russia's strategic bankruptcy” (15\u00a0Jun\u00a02025)" in footnote  # dates never wrap
    assert "Wire &lt;b&gt;Desk&lt;/b&gt;" in footnote


def test_footnote_ends_with_more_sources_when_too_long():
    lines = source_footnote(_many_sources(40), width_px=1150, max_lines=3)
    assert len(lines) == 3
    assert lines[-1].endswith("+" + lines[-1].rsplit("+", 1)[1])
    hidden = int(lines[-1].rsplit("+", 1)[1].split()[0])
    shown = " ".join(lines).count("Outlet ")
    assert shown + hidden == 40 and hidden > 0


def test_footnote_fits_all_sources_when_there_is_room():
    lines = source_footnote(_many_sources(2), width_px=1600)
    assert "more source" not in " ".join(lines)
    assert " ".join(lines).count("Outlet ") == 2


def test_sources_prefer_document_metadata_and_skip_undated_statements(statements):
    documents = synthetic_documents(statements).copy()
    documents.loc[documents["doc_id"] == "syn_002", "outlet"] = "Kyiv Post (corrected)"
    undated_only = statements.copy()
    undated_only.loc[undated_only["doc_id"] == "syn_003", "start"] = pd.NaT
    outlets = [source.outlet for source in sources_of(undated_only, documents)]
    assert "Kyiv Post (corrected)" in outlets
    assert "Daily Express" not in outlets


def test_subtitle_states_filters_window_and_counts():
    frame = synthetic_statements(40, seed=1)
    frame = frame[frame["grain"] == "day"].head(3)
    subtitle = briefing_subtitle(frame, "Kinds: event")
    first, last = frame["start"].min(), frame["end"].max() - pd.Timedelta(days=1)
    assert subtitle.startswith("Kinds: event · ")
    assert f"{first.day} {first:%b %Y}" in subtitle and f"{last.day} {last:%b %Y}" in subtitle
    assert subtitle.endswith(f"{len(frame)} statements from {frame['doc_id'].nunique()} source" +
                             ("s" if frame["doc_id"].nunique() != 1 else ""))


def test_date_window_of_one_month_statement_spans_the_month():
    frame = synthetic_statements(200, seed=2)
    month = frame[frame["grain"] == "month"].head(1)
    start = month["start"].iloc[0]
    last = month["end"].iloc[0] - pd.Timedelta(days=1)
    assert date_window(month) == f"1 {start:%b %Y} – {last.day} {last:%b %Y}"


def test_statements_in_window_keeps_intervals_that_overlap_it():
    frame = synthetic_statements(200, seed=4)
    window = (pd.Timestamp("2024-07-01"), pd.Timestamp("2024-07-15"))
    inside = set(statements_in_window(frame, window)["statement_id"])
    summer_2024 = frame[frame["value"] == "2024-SU"]
    century = frame[frame["grain"] == "century"]
    assert len(summer_2024) and set(summer_2024["statement_id"]) <= inside
    assert len(century) and not set(century["statement_id"]) & inside
    assert not set(frame.loc[frame["start"].isna(), "statement_id"]) & inside


def test_wrap_text_marks_cut_text_with_an_ellipsis():
    lines = wrap_text("word " * 200, width_px=400, font_px=16, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…")


def test_default_title_names_the_filters_or_the_lanes():
    assert default_title("Country: Iran · Kind: event") == "Timeline — Country: Iran"
    assert default_title("Kind: all", lane_by="actor") == "Timeline by actor"


def test_unknown_size_is_refused_with_the_choices(screen_figure, statements):
    with pytest.raises(ValueError, match="16:9 slide, A4 landscape"):
        briefing_figure(screen_figure, statements, title="t", filter_description="", size="Letter")


def _years_and_one_century() -> pd.DataFrame:
    """40 statements dated to whole years 2019-2024 (labelled on screen) and one dated to the 20th century."""
    frame = synthetic_statements(41, seed=9).copy()
    years = [2019 + index % 6 for index in range(40)]
    frame.loc[:39, "grain"], frame.loc[:39, "value"] = "year", [str(year) for year in years]
    frame.loc[:39, "start"] = [pd.Timestamp(year=year, month=1, day=1) for year in years]
    frame.loc[:39, "end"] = [pd.Timestamp(year=year + 1, month=1, day=1) for year in years]
    frame.loc[40, ["grain", "value", "start", "end"]] = ["century", "19", pd.Timestamp("1900-01-01"), pd.Timestamp("2000-01-01")]
    return conform_statements(frame)


def _bar_labels(figure) -> set[str]:
    return {label for trace in figure.data if trace.type == "bar" for label in trace.text if label}


def test_widened_axis_blanks_labels_of_bars_grown_too_narrow():
    frame = _years_and_one_century()
    screen = build_timeline_figure(frame, lane_by="source")
    assert {"2019", "2022"} <= _bar_labels(screen), "the fixture should show year labels at the chart's initial window"
    widened = briefing_figure(screen, frame, title="t", filter_description="", window="all")
    assert not {"2019", "2022"} & _bar_labels(widened)  # a year is ~8 px wide on a 126-year axis


def test_initial_window_keeps_the_labels_the_screen_shows():
    frame = _years_and_one_century()
    screen = build_timeline_figure(frame, lane_by="source")
    as_shown = briefing_figure(screen, frame, title="t", filter_description="", window="screen")
    assert _bar_labels(as_shown) == _bar_labels(screen)


def test_long_title_wraps_onto_two_lines_instead_of_running_off_the_page(screen_figure, statements):
    title = "Russia’s Strategic Bankruptcy: How Israel’s Strike on Iran Exposed the Illusion of Moscow’s Alliances, Again"
    figure = briefing_figure(screen_figure, statements, title=title, filter_description="")
    lines = figure.layout.title.text.split("<br>")
    assert len(lines) == 2
    assert " ".join(line.removeprefix("<b>").removesuffix("</b>") for line in lines) == plotly_literal(title)


def test_footnote_names_the_most_cited_sources_first_then_the_oldest():
    frame = synthetic_statements(40, seed=3)
    dated = frame[frame["start"].notna()].head(5).copy()
    dated["doc_id"] = ["often", "often", "often", "new", "old"]
    dated["outlet"] = ["Often Cited", "Often Cited", "Often Cited", "Newer", "Older"]
    dated["published"] = pd.to_datetime(["2025-06-20"] * 3 + ["2025-06-25", "2025-06-01"])
    assert [source.outlet for source in sources_of(dated)] == ["Often Cited", "Older", "Newer"]   # was newest first
