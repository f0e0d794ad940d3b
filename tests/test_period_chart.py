"""Above the mark budget the statements chart draws counts per period and lane and says so; below it every statement
is a mark whose hover carries only what a hover shows."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from desk.charts import SENTENCE_PREVIEW_CHARS, build_timeline_figure
from desk.filters import Filters
from desk.literal import markdown_unescaped
from desk.period_chart import build_period_chart, choose_period, core_window
from desk.query import StatementStore
from tests.support.rows import statement_row, statements_of

APP = Path(__file__).resolve().parent.parent / "app.py"
pytestmark = pytest.mark.usefixtures("navigation_app")


@pytest.fixture(scope="module")
def store(synthetic_frames, tmp_path_factory) -> StatementStore:
    folder = tmp_path_factory.mktemp("period_chart")
    synthetic_frames[0].to_parquet(folder / "statements.parquet")
    return StatementStore(folder / "statements.parquet")


def _cells(figure) -> float:
    return sum(cell for row in figure.data[0].z for cell in row if cell is not None)


@pytest.mark.parametrize("lane_by", ["country", "actor", "source"])
def test_the_aggregated_chart_counts_every_mark_once_and_announces_itself(store, lane_by):
    counts = store.period_counts(Filters(), lane_by, "day")
    marks = int(counts["statements"].sum())
    chart = build_period_chart(counts, lane_by=lane_by, labels={}, shown=store.count(Filters()), marks=marks,
                               unplaced=7)
    assert _cells(chart.figure) == marks
    notes = " ".join(annotation.text for annotation in chart.figure.layout.annotations)
    assert notes.startswith(f"Aggregated: {store.count(Filters()):,} statements ({marks:,} marks")
    assert f"counts per {chart.period}" in notes and "7 statement(s) without a resolvable date" in notes
    assert chart.figure.data[0].type == "heatmap" and len(json.dumps(chart.figure.to_plotly_json(), default=str)) < 200_000


def test_the_period_follows_where_most_statements_lie():
    june = pd.Series([40] * 12, index=pd.date_range("2025-06-13", periods=12))
    with_outlier = pd.concat([pd.Series([1], index=[pd.Timestamp("1979-01-01")]), june])
    core = core_window(with_outlier, share=0.95)
    assert core == (pd.Timestamp("2025-06-13"), pd.Timestamp("2025-06-24"))
    assert choose_period(core) == "day"
    assert choose_period((pd.Timestamp("2024-01-01"), pd.Timestamp("2025-06-24"))) == "week"
    assert choose_period((pd.Timestamp("1990-01-01"), pd.Timestamp("2025-06-24"))) == "month"
    assert choose_period((pd.Timestamp("0900-01-01"), pd.Timestamp("2025-06-24"))) == "year"
    counts = pd.DataFrame({"lane": "Iran", "period": with_outlier.index, "statements": with_outlier.to_numpy()})
    chart = build_period_chart(counts, lane_by="country", labels={}, shown=481, marks=481)
    columns = list(chart.figure.data[0].x)
    assert columns[0] == "1979" and columns[-1] == "24 Jun 2025" and chart.period == "day"
    assert {f"{day} Jun 2025" for day in range(13, 25)} <= set(columns) and _cells(chart.figure) == 481


def test_a_mark_hover_carries_the_date_the_source_and_the_start_of_the_sentence_only():
    sentence = "On 13 June Israeli jets struck targets near Tehran, officials said, " + "and much more. " * 30
    figure = build_timeline_figure(statements_of(statement_row("d:3-10", sentence=sentence, date_text="13 June",
                                                               start="2025-06-13", end="2025-06-14")))
    hover = next(trace for trace in figure.data if trace.customdata is not None).hovertext[0]
    assert "13 June" in hover and sentence[:40] in hover
    assert len(hover) < SENTENCE_PREVIEW_CHARS + 120 < len(sentence)


def test_the_timeline_aggregates_above_the_budget_and_says_so(app_on_synthetic, monkeypatch):
    import desk.period_chart

    monkeypatch.setattr(desk.period_chart, "MARK_BUDGET", 50)
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.query_params["view"] = "statements"
    app.run()
    assert not app.exception
    [chart] = app.get("plotly_chart")   # the heatmap, its note above it (once: not repeated in a caption)
    note = " ".join(annotation["text"] for annotation in json.loads(chart.proto.spec)["layout"]["annotations"])
    assert "Aggregated:" in note and "above the budget of 50" in note and "Narrow the filters" in note
    captions = " ".join(markdown_unescaped(caption.value) for caption in app.caption)
    assert "Aggregated:" not in captions


def test_the_timeline_draws_each_statement_below_the_budget(app_on_synthetic):
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.query_params["view"] = "statements"
    app.run()
    assert not app.exception
    captions = " ".join(markdown_unescaped(caption.value) for caption in app.caption)
    assert "Aggregated:" not in captions and "Click a point or bar" in captions


def test_lanes_whose_short_names_coincide_stay_apart():
    counts = pd.DataFrame({"lane": ["doc_a", "doc_b"], "period": pd.to_datetime(["2025-06-13", "2025-06-13"]),
                           "statements": [2, 3]})
    labels = {"doc_a": "Kyiv Post · Russia's strategic bankruptcy (0)", "doc_b": "Kyiv Post · Russia's strategic bankruptcy (1)"}
    chart = build_period_chart(counts, lane_by="source", labels=labels, shown=5, marks=5)
    assert len(set(chart.figure.data[0].y)) == 2 and _cells(chart.figure) == 5
    assert all(len(text) <= 28 for text in chart.figure.layout.yaxis.ticktext)
