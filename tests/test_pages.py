"""Every page and every filter path, headless with streamlit's AppTest, on the seeds' real extraction.

Each test starts a fresh app, with the filters given by the link (query params) or by the sidebar
widgets' state, and runs it (then maybe reruns it after a widget change).
The `navigation_app` fixture (conftest.py) makes AppTest treat app.py as the `st.navigation` app it is.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from desk.filters import FILTERS_BY_FIELD
from desk.literal import markdown_unescaped
from desk.ui.sidebar import WIDGET_KEYS

APP = Path(__file__).resolve().parent.parent / "app.py"
PAGES = {"pages/timeline.py": "Timeline", "pages/statements.py": "Statements", "pages/sources.py": "Sources",
         "pages/actors.py": "Actors"}


pytestmark = pytest.mark.usefixtures("navigation_app")
STATEMENTS_VIEW = "statements"


def run_app(page: str | None = None, params: dict | None = None) -> AppTest:
    """A fresh app run once on `page`, with `params` in the URL; the Timeline in its raw statements view
    (the key-event view has its own tests: tests/test_timeline_events.py)."""
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.query_params.update(params or {})
    if page in (None, "pages/timeline.py") and "view" not in (params or {}):
        app.query_params["view"] = STATEMENTS_VIEW
    if page:
        app.switch_page(page)
    return app.run()


def link_without_view(app: AppTest) -> dict:
    """The app's query params minus the Timeline's view choice that `run_app` puts in the link."""
    return {key: value for key, value in app.query_params.items() if key != "view"}


def choose_in_sidebar(app: AppTest, choices: dict) -> AppTest:
    """Set sidebar filter widgets as the analyst would ({Filters field: widget value}), then rerun."""
    for field, value in choices.items():
        find = {"multiselect": app.multiselect, "day": app.date_input, "text": app.text_input}[FILTERS_BY_FIELD[field].widget]
        find(key=WIDGET_KEYS[field]).set_value(value)
    return app.run()


def shown(element) -> str:
    """The characters an alert or caption shows (its Markdown escapes input: desk.literal)."""
    return markdown_unescaped(element.value)


def chart_figures(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def drawn_statement_ids(app: AppTest) -> set[str]:
    timeline = chart_figures(app)[0]
    return {statement_id for trace in timeline["data"] for statement_id in trace.get("customdata", [])}


def html_bodies(app: AppTest) -> str:
    return "\n".join(element.proto.body for element in app.get("html"))


def dated_events(statements: pd.DataFrame) -> pd.DataFrame:
    return statements[(statements["kind"] == "event") & statements["start"].notna()]


@pytest.mark.parametrize("page, title", PAGES.items())
def test_every_page_renders_on_the_seeds(app_on_seeds, page, title):
    app = run_app(page)
    assert not app.exception, app.exception
    assert not app.error
    assert app.title[0].value == title


def test_timeline_draws_every_dated_event_by_default(app_on_seeds, seeds_extraction):
    statements, _ = seeds_extraction
    app = run_app()
    assert drawn_statement_ids(app) == set(dated_events(statements)["statement_id"])


def _has_country(name):
    return lambda frame: frame["countries"].map(lambda countries: name in countries)


@pytest.mark.parametrize("params, keep", [
    ({"country": "Israel"}, _has_country("Israel")),
    ({"country": ["Syria", "Armenia"]}, lambda f: _has_country("Syria")(f) | _has_country("Armenia")(f)),
    ({"actor": "Vladimir Putin"}, lambda f: f["actors"].map(lambda actors: "Vladimir Putin" in actors)),
    ({"source": "002_3d55fe1a66942adb"}, lambda f: f["doc_id"] == "002_3d55fe1a66942adb"),
    ({"from": "2025-06-01", "to": "2025-06-30"},
     lambda f: (f["end"] > pd.Timestamp("2025-06-01")) & (f["start"] < pd.Timestamp("2025-07-01"))),
    ({"grain": "year"}, lambda f: f["grain"] == "year"),
    ({"q": "moscow"}, lambda f: f["sentence"].str.lower().str.contains("moscow") | f["date_text"].str.lower().str.contains("moscow")),
])
def test_filter_in_the_link_limits_the_timeline(app_on_seeds, seeds_extraction, params, keep):
    statements, _ = seeds_extraction
    expected = dated_events(statements)
    expected = expected[keep(expected).astype(bool)]
    assert len(expected) > 0, "the seeds should have statements for this filter"
    app = run_app(params=params)
    assert not app.exception and not app.warning
    assert drawn_statement_ids(app) == set(expected["statement_id"])


def test_kind_in_the_link_selects_other_kinds(app_on_seeds, seeds_extraction):
    statements, _ = seeds_extraction
    app = run_app(params={"kind": ["reference", "dateline"]})
    expected = statements[statements["kind"].isin(["reference", "dateline"]) & statements["start"].notna()]
    assert drawn_statement_ids(app) == set(expected["statement_id"])


def test_sidebar_choice_is_written_to_the_link(app_on_seeds, seeds_extraction):
    statements, _ = seeds_extraction
    app = choose_in_sidebar(run_app(), {"countries": ["Iran"], "text": "Russia", "kinds": []})
    assert link_without_view(app) == {"country": "Iran", "q": "Russia", "kind": "all"}
    iran = statements[_has_country("Iran")(statements) & statements["sentence"].str.contains("Russia", case=False)]
    assert drawn_statement_ids(app) == set(iran.loc[iran["start"].notna(), "statement_id"])


def test_no_results_shows_a_message_instead_of_a_chart(app_on_seeds):
    app = run_app(params={"q": "no article says zzqx"})
    assert not chart_figures(app)
    assert "No statement matches these filters" in shown(app.info[0])


@pytest.mark.parametrize("page", PAGES)
def test_no_results_path_of_every_page_is_a_message(app_on_seeds, page):
    app = run_app(page, params={"q": "no article says zzqx"})
    assert not app.exception and not app.error
    if page != "pages/sources.py":  # the sources list stays: it is the list of articles, filtered or not
        assert app.info, f"{page} should say that nothing matches"


def test_unknown_link_values_are_reported_and_the_page_still_renders(app_on_seeds):
    app = run_app(params={"country": ["Iran", "Atlantis"], "from": "june", "grain": "fortnight", "lane": "weather",
                          "colour": "red"})
    warnings = " ".join(shown(warning) for warning in app.warning)
    for culprit in ("Atlantis", "june", "fortnight", "weather", "colour"):
        assert culprit in warnings
    assert not app.exception and chart_figures(app)
    assert link_without_view(app) == {"country": "Iran"}


def test_missing_data_file_names_the_file_and_the_command(monkeypatch, tmp_path):
    missing = tmp_path / "nowhere" / "statements.parquet"
    monkeypatch.setenv("TIMELINE_DESK_STATEMENTS", str(missing))
    app = run_app()
    assert not app.exception
    assert str(missing) in shown(app.error[0]) and "python -m extract seeds --out" in shown(app.error[0])


def test_corrupt_data_file_is_reported_not_raised(monkeypatch, tmp_path):
    corrupt = tmp_path / "statements.parquet"
    corrupt.write_bytes(b"this is not a parquet file")
    monkeypatch.setenv("TIMELINE_DESK_STATEMENTS", str(corrupt))
    app = run_app()
    assert not app.exception
    assert "cannot be read as parquet" in shown(app.error[0]) and str(corrupt) in shown(app.error[0])


def test_missing_documents_file_still_lists_the_sources(monkeypatch, tmp_path, seeds_data_dir):
    events = tmp_path / "statements.parquet"
    events.write_bytes((seeds_data_dir / "statements.parquet").read_bytes())
    monkeypatch.setenv("TIMELINE_DESK_STATEMENTS", str(events))
    app = run_app("pages/sources.py")
    assert not app.exception
    assert any("documents.parquet" in shown(warning) for warning in app.warning)
    assert len(app.dataframe[0].value) == 4


def test_lane_and_colour_choice_come_from_the_link(app_on_seeds):
    app = run_app(params={"lane": "actor", "color": "kind"})
    figure = chart_figures(app)[0]
    assert "Vladimir Putin" in figure["layout"]["yaxis"]["ticktext"]
    assert {trace["name"] for trace in figure["data"]} == {"event"}
    assert link_without_view(app) == {"lane": "actor", "color": "kind"}


@pytest.mark.parametrize("params, image_format", [({}, "png"), ({"camera": "svg"}, "svg")])
def test_camera_button_saves_high_resolution_png_or_svg(app_on_seeds, params, image_format):
    app = run_app(params=params)
    config = json.loads(app.get("plotly_chart")[0].proto.config)
    assert config["toImageButtonOptions"]["format"] == image_format
    assert config["toImageButtonOptions"]["scale"] >= 2


def test_changing_the_lanes_on_the_page_updates_the_link(app_on_seeds):
    app = run_app()
    app.radio(key="view_lane").set_value("source").run()
    assert app.query_params.get("lane") == "source"
    figure = chart_figures(app)[0]
    assert figure["layout"]["yaxis"]["title"]["text"] == "Source"


def test_statements_page_shows_the_linked_statement_escaped_and_highlighted(app_on_synthetic, synthetic_frames):
    statements, _ = synthetic_frames
    hostile = statements[statements["sentence"].str.contains("<script>") & (statements["kind"] == "event")].iloc[0]
    app = run_app("pages/statements.py", params={"statement": hostile["statement_id"]})
    assert not app.exception
    bodies = html_bodies(app)
    assert "&lt;script&gt;alert" in bodies and "<script>alert" not in bodies
    assert f'<mark class="td-date" title="{hostile["value"]}">' in bodies
    assert hostile["rule"] in bodies


def test_statements_page_warns_about_a_statement_that_is_not_in_the_data(app_on_seeds):
    app = run_app("pages/statements.py", params={"statement": "nope:1-2"})
    assert "nope:1-2" in shown(app.warning[0])


def test_sources_page_highlights_every_date_and_actor_of_the_linked_article(app_on_seeds, seeds_extraction):
    statements, documents = seeds_extraction
    doc_id = "002_3d55fe1a66942adb"
    app = run_app("pages/sources.py", params={"doc": doc_id})
    assert not app.exception
    bodies = html_bodies(app)
    distinct_spans = statements.loc[statements["doc_id"] == doc_id, ["date_start_char", "date_end_char"]].drop_duplicates()
    assert bodies.count('<mark class="td-date"') == len(distinct_spans)
    assert '<mark class="td-actor"' in bodies
    assert app.selectbox(key="article_choice").value == doc_id


def test_sources_page_highlights_actors_with_the_gazetteer_the_data_was_extracted_with(app_on_seeds, monkeypatch,
                                                                                        tmp_path):
    gazetteer = tmp_path / "my_actors.csv"
    gazetteer.write_text("alias,actor,actor_type,country,alias_kind,case_sensitive,example\n"
                         "Russia,Russia,country,Russia,name,no,Russia said so.\n"
                         "Kremlin,Moscow Leadership,institution,Russia,metonym,no,The Kremlin said so.\n", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_DESK_ACTORS", str(gazetteer))
    app = run_app("pages/sources.py", params={"doc": "000_6b2388c66c13b699"})
    assert not app.exception
    bodies = html_bodies(app)
    assert 'title="Moscow Leadership"' in bodies and 'title="Vladimir Putin"' not in bodies


def test_sources_page_warns_when_the_actors_gazetteer_is_unusable(app_on_seeds, monkeypatch, tmp_path):
    monkeypatch.setenv("TIMELINE_DESK_ACTORS", str(tmp_path / "missing.csv"))
    app = run_app("pages/sources.py")
    assert not app.exception
    assert any("missing.csv" in shown(warning) for warning in app.warning)
    assert '<mark class="td-actor"' not in html_bodies(app) and '<mark class="td-date"' in html_bodies(app)


def test_sources_page_lists_unreadable_files_with_their_problem(app_on_synthetic):
    app = run_app("pages/sources.py")
    assert any("not valid UTF-8" in shown(warning) for warning in app.warning)
    table = app.dataframe[0].value
    assert "unreadable" in set(table["status"])


@pytest.fixture
def app_on_seeds_with_twelve_empty_files(monkeypatch, tmp_path, seeds_extraction) -> list[str]:
    """The seeds' desk plus 12 empty files (Timeline17's haiti_bbc has 10), as `python -m extract` records them."""
    from extract.__main__ import write_outputs
    from extract.events import build_events
    from extract.pipeline import Extraction

    statements, documents = seeds_extraction
    empty = [f"corpus/2010-01-{day:02d}/{day}.htm.txt" for day in range(10, 22)]
    broken = pd.DataFrame({column: [None] * len(empty) for column in documents.columns})
    broken = broken.assign(doc_id=[path.removeprefix("corpus/").removesuffix(".txt") for path in empty], path=empty,
                           text="", status="unreadable", problem="empty file (no text)")
    documents = pd.concat([documents, broken.astype(documents.dtypes.to_dict())], ignore_index=True)
    write_outputs(Extraction(statements, documents, events=build_events(statements, documents)),
                  tmp_path / "statements.parquet")
    monkeypatch.setenv("TIMELINE_DESK_STATEMENTS", str(tmp_path / "statements.parquet"))
    return empty


def test_sources_page_sums_up_many_unreadable_files_in_one_warning_and_lists_them_below(
        app_on_seeds_with_twelve_empty_files):
    """Twelve files that could not be read are one warning (what and how many) and a list on demand, not a wall of
    twelve warnings between the table and the article."""
    app = run_app("pages/sources.py")
    assert not app.exception
    warnings = [shown(warning) for warning in app.warning if "could not be read" in shown(warning)
                or "no statement was extracted" in shown(warning)]
    assert len(warnings) == 1, warnings
    assert "12 files" in warnings[0] and "empty file (no text)" in warnings[0]
    listed = " ".join(shown(element) for element in app.get("markdown"))
    assert all(path in listed for path in app_on_seeds_with_twelve_empty_files)


def test_actors_page_draws_mentions_years_and_pairs(app_on_seeds):
    app = run_app("pages/actors.py")
    assert not app.exception
    titles = [figure["layout"]["title"]["text"] for figure in chart_figures(app)]
    assert titles == ["How often each actor appears", "Mentions by year the statement refers to", "Named in the same sentence"]


def test_changing_a_sidebar_filter_redraws_the_chart_and_updates_the_link(app_on_seeds, seeds_extraction):
    statements, _ = seeds_extraction
    app = run_app()
    app.multiselect(key=WIDGET_KEYS["countries"]).set_value(["Syria"]).run()
    assert link_without_view(app) == {"country": "Syria"}
    syria = dated_events(statements)
    assert drawn_statement_ids(app) == set(syria.loc[_has_country("Syria")(syria), "statement_id"])


def test_reset_button_clears_every_filter_and_the_link(app_on_seeds):
    app = run_app(params={"country": "Iran", "q": "Russia", "grain": "year"})
    app.button(key="filter_reset").click().run()
    assert link_without_view(app) == {}
    assert app.multiselect(key=WIDGET_KEYS["countries"]).value == []


def test_statement_detail_links_to_its_article_on_the_sources_page(app_on_seeds, seeds_extraction):
    statements, _ = seeds_extraction
    statement = statements[statements["kind"] == "event"].iloc[3]
    app = run_app("pages/statements.py", params={"statement": statement["statement_id"]})
    link = app.get("page_link")[0].proto
    assert link.page.endswith("sources") or "sources" in link.page
    assert f"doc={statement['doc_id']}" in link.query_string


def test_link_warnings_go_away_once_the_analyst_changes_the_filters(app_on_seeds):
    app = run_app(params={"country": "Atlantis"})
    assert any("Atlantis" in shown(warning) for warning in app.warning)
    app.multiselect(key=WIDGET_KEYS["countries"]).set_value(["Iran"]).run()
    assert not any("Atlantis" in shown(warning) for warning in app.warning)


def test_lane_choice_survives_a_visit_to_another_page(app_on_seeds):
    app = run_app(params={"lane": "source"})
    app.switch_page("pages/actors.py").run()
    app.query_params.pop("lane", None)
    app.switch_page("pages/timeline.py").run()
    assert app.radio(key="view_lane").value == "source"
    assert app.query_params.get("lane") == "source"


def test_sources_page_marks_the_statement_the_link_came_from(app_on_seeds, seeds_extraction):
    statements, _ = seeds_extraction
    statement = statements[statements["doc_id"] == "004_d66b8ea05d2f980a"].iloc[2]
    app = run_app("pages/sources.py", params={"doc": statement["doc_id"], "statement": statement["statement_id"]})
    bodies = html_bodies(app)
    assert bodies.count('<mark class="td-selected"') == 1
    assert f'<mark class="td-selected" title="{statement["value"]} ({statement["grain"]})">{statement["date_text"]}</mark>' in bodies


def test_sources_page_warns_about_an_unknown_article_in_the_link(app_on_seeds):
    app = run_app("pages/sources.py", params={"doc": "no_such_article"})
    assert any("no_such_article" in shown(warning) for warning in app.warning)
    assert not app.exception


@pytest.mark.parametrize("page, key", [("pages/timeline.py", "from"), ("pages/timeline.py", "country"),
                                       ("pages/timeline.py", "lane"), ("pages/timeline.py", "key"),
                                       ("pages/timeline.py", "zzz"), ("pages/statements.py", "statement"),
                                       ("pages/sources.py", "doc"), ("pages/sources.py", "statement"),
                                       ("pages/statements.py", "kind")])
def test_a_very_long_link_value_is_quoted_shortened_in_its_warning(app_on_seeds, page, key):
    value = "x" * 100_000
    app = run_app(page, params={("x" * 100_000 if key == "zzz" else key): value})
    assert not app.exception
    [warning] = [shown(warning) for warning in app.warning]
    assert "x" * 60 + "… (100,000 characters)" in warning and len(warning) < 400


def test_control_characters_of_a_link_value_are_shown_as_escapes(app_on_seeds):
    app = run_app("pages/statements.py", params={"kind": "a\x00\x01b"})
    [warning] = [shown(warning) for warning in app.warning]
    assert "a\\x00\\x01b" in warning and "\x00" not in warning


@pytest.mark.parametrize("params, said, link", [
    ({"from": ["2025-06-13", "2025-06-20"]}, "The link gives 'from' 2 times (2025-06-13, 2025-06-20): used the last, "
                                             "'2025-06-20'", {"from": "2025-06-20"}),
    ({"key": ["5", "7"]}, "The link gives 'key' 2 times (5, 7): used the last, '7'", {"key": "7"}),
    ({"q": ["Iran", "Russia"]}, "The link gives 'q' 2 times (Iran, Russia): used the last, 'Russia'", {"q": "Russia"}),
    ({"lane": ["actor", "source"]}, "The link gives 'lane' 2 times (actor, source): used the last, 'source'",
     {"lane": "source"}),
])
def test_a_setting_given_twice_in_the_link_says_which_value_it_used(app_on_seeds, params, said, link):
    app = run_app(params=params)
    assert not app.exception
    assert said in [shown(warning) for warning in app.warning]
    assert link_without_view(app) == link


def test_an_unknown_event_in_the_link_is_named_and_the_known_one_still_opens(app_on_seeds):
    events = pd.read_parquet(app_on_seeds.with_name("events.parquet"))
    known = events.loc[events["kind"] == "event", "event_id"].iloc[0]
    app = run_app(params={"view": "events", "event": [known, "ev-000000000000"]})
    assert not app.exception
    assert [shown(warning) for warning in app.warning] == [
        "The link names event(s) ev-000000000000, not in the data (re-extracted, or merged into another event since?)."]
    assert app.text_input(key=f"curate-e-{known}-date")   # the known event's detail and its corrections are open


def test_sources_page_opens_the_article_of_a_statement_linked_alone(app_on_seeds, seeds_extraction):
    statements, _ = seeds_extraction
    statement = statements[statements["doc_id"] == "004_d66b8ea05d2f980a"].iloc[2]
    app = run_app("pages/sources.py", params={"statement": statement["statement_id"]})
    assert not app.exception and not app.warning
    assert app.selectbox(key="article_choice").value == "004_d66b8ea05d2f980a"
    assert html_bodies(app).count('<mark class="td-selected"') == 1


def test_sources_page_names_a_linked_statement_that_is_unknown_or_of_another_article(app_on_seeds, seeds_extraction):
    statements, _ = seeds_extraction
    statement = statements[statements["doc_id"] == "004_d66b8ea05d2f980a"].iloc[2]
    app = run_app("pages/sources.py", params={"doc": "000_6b2388c66c13b699", "statement": statement["statement_id"]})
    assert [shown(warning) for warning in app.warning] == [
        f"The link's statement '{statement['statement_id']}' is not in the article '000_6b2388c66c13b699' but in "
        "'004_d66b8ea05d2f980a'."]
    assert app.selectbox(key="article_choice").value == "000_6b2388c66c13b699" and "statement" not in app.query_params
    app = run_app("pages/sources.py", params={"statement": "no_such:1-2"})
    assert [shown(warning) for warning in app.warning] == [
        "The link names statement 'no_such:1-2', which is not in the data (was it re-extracted?)."]
    assert not app.exception


def test_a_number_of_key_events_not_among_the_sidebar_choices_is_kept_from_the_link(app_on_seeds):
    app = run_app(params={"view": "events", "key": "7"})
    assert not app.exception and not app.warning
    assert app.selectbox(key=WIDGET_KEYS["key_events"]).value == 7 and app.query_params.get("key") == "7"
    assert "7 key events of" in " ".join(caption.value for caption in app.caption)


def test_empty_values_in_the_link_are_no_choice_and_need_no_warning(app_on_seeds):
    app = run_app(params={"view": "", "window": "", "event": "", "country": "", "from": "", "key": ""})
    assert not app.exception and not app.warning
    app = run_app("pages/sources.py", params={"doc": "", "statement": ""})
    assert not app.exception and not app.warning


def test_the_source_picker_names_title_only_articles_by_day_and_title_in_day_order(app_on_seeds, seeds_extraction):
    """The seeds have no outlet (as Timeline17): each source is its publication day and the start of its title."""
    app = run_app()
    picker = app.multiselect(key=WIDGET_KEYS["sources"])
    names = [picker.format_func(option) for option in picker.options] if callable(picker.format_func) else \
        list(picker.options)
    assert names[0].startswith("14 Jun 2025 · Cracks in the axis"), names   # was the bare title, sorted by its words
    days = [pd.Timestamp(name.split(" · ")[0]) for name in names]
    assert days == sorted(days) and len(names) == 4


def test_the_article_picker_of_the_sources_page_names_each_article_with_its_day(app_on_seeds):
    app = run_app("pages/sources.py")
    options = app.selectbox(key="article_choice").options
    assert len(options) == 4 and all(re.match(r"\d{1,2} Jun 2025 · ", option) for option in options), options
