"""Input is hostile: strings from articles, file names, sources.csv and the URL are shown literally everywhere, and
bad URL values are ignored with a notice instead of breaking the session. Headless with AppTest."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from desk.literal import is_markdown_literal, markdown_unescaped
from desk.ui.sidebar import WIDGET_KEYS
from extract.__main__ import write_outputs
from extract.pipeline import Extraction
from tests.support.synthetic import synthetic_documents, synthetic_statements

APP = Path(__file__).resolve().parent.parent / "app.py"
EVIL_URL = "https://evil.example/x"
HOSTILE_OUTLET = f'Wire **Desk** [click]({EVIL_URL}) :red[alarm] <a href="{EVIL_URL}">"quoted"</a>'
HOSTILE_TITLE = f'Iran "alone" $$x^2$$ <a href="{EVIL_URL}">link</a> _it_'
HOSTILE_PATH = f"seeds/[file]({EVIL_URL}) **b**.txt"
HOSTILE_PROBLEM = "not valid UTF-8 *at all* $1 + $2"
HOSTILE_DOC = "syn_005"

pytestmark = pytest.mark.usefixtures("navigation_app")


@pytest.fixture(scope="module")
def hostile_data_dir(tmp_path_factory) -> Path:
    """The synthetic frames with one source's outlet and title, and a broken file's path and problem, made hostile."""
    statements = synthetic_statements(200, seed=11)
    statements.loc[statements["doc_id"] == HOSTILE_DOC, ["outlet", "title"]] = [HOSTILE_OUTLET, HOSTILE_TITLE]
    documents = synthetic_documents(statements)
    documents.loc[documents["doc_id"] == HOSTILE_DOC, ["outlet", "title"]] = [HOSTILE_OUTLET, HOSTILE_TITLE]
    documents.loc[documents["status"] != "ok", ["path", "problem"]] = [HOSTILE_PATH, HOSTILE_PROBLEM]
    folder = tmp_path_factory.mktemp("hostile_data")
    write_outputs(Extraction(statements, documents), folder / "statements.parquet")
    return folder


@pytest.fixture
def app_on_hostile(monkeypatch, hostile_data_dir) -> Path:
    monkeypatch.setenv("TIMELINE_DESK_STATEMENTS", str(hostile_data_dir / "statements.parquet"))
    return hostile_data_dir


def run_app(page: str | None = None, params: dict | None = None) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.query_params.update(params or {})
    if page:
        app.switch_page(page)
    return app.run()


def markdown_elements(app: AppTest) -> list:
    return [*app.caption, *app.warning, *app.info, *app.error, *app.markdown]


def assert_shown_literally(app: AppTest, *originals: str) -> None:
    """Each original string appears, character for character, in an element whose Markdown escapes it entirely."""
    assert not app.exception
    for original in originals:
        holders = [element for element in markdown_elements(app) if original in markdown_unescaped(element.value)]
        assert holders, f"{original!r} is not shown"
        for element in holders:
            assert is_markdown_literal(element.value), f"rendered as Markdown: {element.value!r}"


def chart_texts(app: AppTest) -> str:
    return json.dumps([json.loads(chart.proto.spec) for chart in app.get("plotly_chart")], ensure_ascii=False)


def test_markdown_and_a_link_in_the_statement_link_are_shown_as_typed(app_on_hostile):
    hostile = f"[x]({EVIL_URL}) **b**"
    app = run_app("pages/statements.py", params={"statement": hostile})
    assert_shown_literally(app, hostile)


def test_a_hostile_source_is_named_literally_in_captions(app_on_hostile):
    app = run_app(params={"source": HOSTILE_DOC})
    assert_shown_literally(app, HOSTILE_OUTLET)
    for page in ("pages/statements.py", "pages/actors.py"):
        app.switch_page(page).run()
        assert_shown_literally(app, HOSTILE_OUTLET)


def test_hostile_url_values_in_warnings_are_shown_literally(app_on_hostile):
    country, unknown_key = f"[c]({EVIL_URL})", "$$k$$"
    app = run_app(params={"country": country, unknown_key: "1", "lane": "**bold**", "doc": "_x_"})
    assert_shown_literally(app, country, unknown_key, "**bold**")
    app.switch_page("pages/sources.py").run()
    assert_shown_literally(app, "_x_")


def test_a_hostile_file_name_and_problem_are_shown_literally(app_on_hostile):
    app = run_app("pages/sources.py")
    assert_shown_literally(app, HOSTILE_PATH, HOSTILE_PROBLEM)


def test_chart_text_from_articles_is_escaped_for_plotly_and_keeps_its_quotes(app_on_hostile):
    app = run_app(params={"lane": "source", "kind": "all"})
    texts = chart_texts(app)
    assert "<a href" not in texts and "&lt;a href=" in texts  # the outlet's link is text, not a link
    assert '\\"quoted\\"' in texts and "&quot;" not in texts  # a quote stays a quote
    assert "**Desk**" in texts                                  # plotly does not read Markdown: shown as typed


def test_the_article_header_escapes_the_hostile_title(app_on_hostile):
    app = run_app("pages/sources.py", params={"doc": HOSTILE_DOC})
    bodies = "\n".join(element.proto.body for element in app.get("html"))
    assert "&lt;a href=&quot;https://evil.example/x&quot;&gt;link&lt;/a&gt;" in bodies
    assert f'<a href="{EVIL_URL}"' not in bodies


@pytest.mark.parametrize("params, ignored", [
    ({"from": "99999-01-01"}, "99999-01-01"),
    ({"to": "garbage"}, "garbage"),
    ({"from": "2025-02-30"}, "2025-02-30"),
])
def test_an_unreadable_date_in_the_link_is_ignored_with_a_notice(app_on_hostile, params, ignored):
    app = run_app(params=params)
    assert not app.exception
    assert any(ignored in markdown_unescaped(warning.value) for warning in app.warning)
    assert app.date_input(key=WIDGET_KEYS["date_from"]).value is None
    assert app.date_input(key=WIDGET_KEYS["date_to"]).value is None


@pytest.mark.parametrize("page", ["pages/timeline.py", "pages/statements.py", "pages/sources.py", "pages/actors.py"])
def test_the_calendars_extremes_in_the_link_are_accepted_on_every_page(app_on_hostile, page):
    app = run_app(page, params={"from": "0001-01-01", "to": "9999-12-31"})
    assert not app.exception and not app.error
    assert str(app.date_input(key=WIDGET_KEYS["date_from"]).value) == "0001-01-01"
    assert str(app.date_input(key=WIDGET_KEYS["date_to"]).value) == "9999-12-31"


def test_a_far_past_end_date_keeps_the_session_working(app_on_hostile):
    app = run_app(params={"to": "0001-01-01"})
    assert not app.exception
    assert "No statement matches" in markdown_unescaped(app.info[0].value)
    app.switch_page("pages/statements.py").run()
    assert not app.exception
    app.button(key="filter_reset").click().run()
    assert not app.exception and app.query_params == {}


def test_title_with_quotes_is_not_shown_as_an_html_entity_in_a_briefing():
    from desk.charts import build_timeline_figure
    from desk.export.briefing import briefing_figure

    statements = synthetic_statements(40, seed=2)
    statements["outlet"] = 'The "Daily" <b>Wire</b>'
    statements["doc_id"] = "one"
    figure = briefing_figure(build_timeline_figure(statements), statements, title='Iran "alone"',
                             filter_description='Text: "strike"')
    texts = json.dumps(figure.to_plotly_json(), ensure_ascii=False, default=str)
    assert "&quot;" not in texts and "&#34;" not in texts
    assert '<b>Iran \\"alone\\"</b>' in texts and "&lt;b&gt;Wire&lt;/b&gt;" in texts
