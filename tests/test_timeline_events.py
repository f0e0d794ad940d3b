"""The Timeline page's key-event view on the seeds: labelled events by default, the story window, one click to
everything, the evidence of an event; and `python -m desk.export` writing the event chart and the briefing pack."""
from __future__ import annotations

import html
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from desk.export.cli import run
from desk.export.images import find_browser
from desk.loading import read_events

APP = Path(__file__).resolve().parent.parent / "app.py"
pytestmark = pytest.mark.usefixtures("navigation_app")
needs_browser = pytest.mark.skipif(find_browser() is None, reason="no Chromium installed")


def run_timeline(params: dict | None = None) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.query_params.update(params or {})
    return app.run()


def app_on_seeds_statements(app: AppTest) -> str:
    import os

    return os.environ["TIMELINE_DESK_STATEMENTS"]


def event_chart(app: AppTest) -> dict:
    (chart,) = [json.loads(element.proto.spec) for element in app.get("plotly_chart")]
    return chart


def drawn_event_ids(chart: dict) -> set[str]:
    return {identifier for trace in chart["data"] for identifier in trace.get("customdata", [])}


@pytest.fixture
def seeds_events(app_on_seeds) -> pd.DataFrame:
    return read_events(app_on_seeds.with_name("events.parquet"))


def test_timeline_opens_on_labelled_key_events(seeds_events):
    app = run_timeline()
    assert not app.exception and not app.error
    chart = event_chart(app)
    drawn = drawn_event_ids(chart)
    assert drawn and drawn <= set(seeds_events["event_id"])
    labels = {row["label"] for _, row in seeds_events.iterrows() if row["event_id"] in drawn}
    annotations = " ".join(annotation["text"] for annotation in chart["layout"]["annotations"])
    assert all(label.replace("'", "&#x27;") in annotations for label in labels)
    from desk.filters import Filters, apply_filters
    from desk.story import events_with_evidence_in

    statements = pd.read_parquet(Path(app_on_seeds_statements(app)))
    matching = events_with_evidence_in(seeds_events, apply_filters(statements, Filters()))
    n_events = int((matching["kind"] == "event").sum())
    assert n_events > 18
    assert f"18 key events of {n_events} from" in " ".join(caption.value for caption in app.caption)


def test_iran_story_window_is_the_june_war_day_by_day_and_everything_is_one_click_away(seeds_events):
    app = run_timeline({"country": "Iran"})
    start, end = (pd.Timestamp(value) for value in event_chart(app)["layout"]["xaxis"]["range"])
    assert start <= pd.Timestamp("2025-06-13") and end >= pd.Timestamp("2025-06-25")
    assert end - start < pd.Timedelta(days=20)
    app.button(key="show_everything").click().run()
    assert not app.exception
    start, _ = (pd.Timestamp(value) for value in event_chart(app)["layout"]["xaxis"]["range"])
    iran = seeds_events[seeds_events["countries"].map(lambda names: "Iran" in names)]
    assert start.year <= 2007 and start <= iran["start"].min()
    assert app.query_params["window"] == "all" and app.query_params["key"] == "all"


@pytest.mark.parametrize("params", [{}, {"country": "Iran"}, {"from": "2025-06-01", "to": "2025-06-30"}])
def test_subtitle_button_and_export_subtitle_count_the_same_events_outside_the_window(app_on_seeds, params):
    import re

    from desk.export.event_briefing import event_briefing
    from desk.filters import apply_filters, filters_from_query_params, key_events_for
    from desk.literal import markdown_unescaped

    app = run_timeline(params)
    subtitle = " ".join(markdown_unescaped(caption.value) for caption in app.caption)
    found = re.search(r"not drawn: (\d+ outside the window \([^)]*\))", subtitle)
    statements = pd.read_parquet(Path(app_on_seeds_statements(app)))
    events = read_events(app_on_seeds.with_name("events.parquet"))
    filters, _ = filters_from_query_params(params)
    key = key_events_for(events, apply_filters(statements, filters), filters)
    page = event_briefing(key, statements, title="t", filter_description="")
    if found is None:          # nothing outside: none of the three says so
        assert "outside the window" not in page.subtitle
        assert not [button for button in app.button if "outside the window" in button.label]
        return
    outside = found.group(1)
    key_event_ids = set(key.shown.loc[key.shown["kind"] == "event", "event_id"])
    drawn = drawn_event_ids(event_chart(app)) & key_event_ids
    assert int(outside.split()[0]) == len(key_event_ids - drawn)     # key events, not every matching event
    assert app.button(key="show_everything").label.endswith(f"· {outside}")
    assert f"not drawn: {outside}" in page.subtitle


def test_export_section_draws_its_controls_only_once_opened(app_on_seeds):
    from desk.ui.event_export_panel import OPEN_KEY

    app = run_timeline({"country": "Iran"})
    assert not [field for field in app.text_input if field.key == "event_export_title"]
    app.session_state[OPEN_KEY] = True
    app.run()
    assert not app.exception
    assert app.text_input(key="event_export_title").value == "Key events — Country: Iran"
    assert [button.label for button in app.download_button] == ["TimelineJS of these events"]


def test_statements_view_is_one_control_away(app_on_seeds):
    app = run_timeline()
    app.radio(key="view_view").set_value("statements").run()
    chart = event_chart(app)
    assert all(":" in identifier for identifier in drawn_event_ids(chart))   # statement ids: "<doc_id>:<span>"
    assert app.query_params["view"] == "statements"


def test_event_detail_shows_every_sentence_with_its_date_its_source_and_its_rule(app_on_seeds, seeds_extraction):
    from desk.evidence import event_evidence
    from desk.loading import read_documents
    from desk.ui.event_detail import event_detail_html

    statements, _ = seeds_extraction
    events = read_events(app_on_seeds.with_name("events.parquet"))
    busiest = events.sort_values("n_sources", ascending=False).iloc[0]
    documents = read_documents(app_on_seeds.with_name("documents.parquet"))
    body = event_detail_html(busiest, event_evidence(busiest, statements, documents))
    evidence = statements[statements["statement_id"].isin(busiest["statement_ids"])]
    assert len(evidence) == len(busiest["statement_ids"])
    assert body.count('<mark class="td-date"') == len(evidence)
    for rule in set(evidence["rule"]):
        assert f"<code>{rule}</code>" in body
    for title in set(documents.loc[documents["doc_id"].isin(busiest["doc_ids"]), "title"]):
        assert html.escape(title) in body
    assert "precision: " in body and "decided by:" in body


@needs_browser
def test_export_command_writes_the_labelled_event_chart_and_the_briefing_pack(app_on_seeds, tmp_path, capsys):
    from pptx import Presentation
    from pypdf import PdfReader

    out = tmp_path / "briefings"
    status = run(["--events", str(app_on_seeds), "--query", "country=Iran", "--format", "svg", "--data", "timelinejs",
                  "--pack", "--out", str(out)])
    assert status == 0, capsys.readouterr().err
    events = read_events(app_on_seeds.with_name("events.parquet"))
    svg = (out / "timeline_Iran.svg").read_text(encoding="utf-8")
    assert "Key events — Country: Iran" in svg and "outside the window" in svg
    timeline = json.loads((out / "timeline_Iran.timeline.json").read_text(encoding="utf-8"))
    assert {slide["text"]["headline"] for slide in timeline["events"]} <= {
        label.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for label in events["label"]}
    pdf = PdfReader(io.BytesIO((out / "timeline_Iran_briefing.pdf").read_bytes()))
    assert len(pdf.pages) >= 2 and "Key events" in pdf.pages[1].extract_text()
    deck = Presentation(io.BytesIO((out / "timeline_Iran_briefing.pptx").read_bytes()))
    assert len(list(deck.slides)) >= 2


def test_export_command_refuses_a_pack_of_raw_statements(app_on_seeds, tmp_path, capsys):
    assert run(["--events", str(app_on_seeds), "--view", "statements", "--pack", "--out", str(tmp_path)]) == 2
    assert "--pack needs the key-event view" in capsys.readouterr().err


@pytest.fixture
def app_on_a_widely_reported_quake(monkeypatch, tmp_path) -> str:
    """A desk whose top event is told by 60 articles, one sentence each (the Haiti desk's episode has 668 sentences
    from 147 articles); returns the event's id."""
    from extract.__main__ import write_outputs
    from extract.pipeline import Extraction
    from extract.schema import conform_documents
    from tests.support.event_factory import events_frame, evidence_statements, make_event

    events = events_frame([make_event("A magnitude 7 earthquake hit Haiti", "2010-01-12", n_sources=60, salience=2.0,
                                      event_id="ev_quake", countries=("Haiti",))])
    statements = evidence_statements(events)
    documents = conform_documents(pd.DataFrame({
        "doc_id": sorted(set(statements["doc_id"])), "path": "", "title": "Quake report", "outlet": "", "author": "",
        "published": pd.Timestamp("2010-01-13"), "url": "", "reference_date_basis": "sources.csv", "text": "",
        "status": "ok", "problem": ""}))
    write_outputs(Extraction(statements, documents, events=events), tmp_path / "statements.parquet")
    monkeypatch.setenv("TIMELINE_DESK_STATEMENTS", str(tmp_path / "statements.parquet"))
    monkeypatch.setenv("TIMELINE_DESK_CURATION", str(tmp_path / "curation.sqlite"))
    return "ev_quake"


def test_a_widely_reported_events_detail_shows_a_few_sentences_and_keeps_the_rest_and_the_links_one_click_away(
        app_on_a_widely_reported_quake):
    """The analyst who clicks the top event must reach its correction controls: not after 60 sentences and 60 links
    (the Haiti desk's episode: 668 sentences and 147 links above the controls)."""
    from desk.ui.event_detail import DETAIL_SENTENCES

    app = run_timeline({"event": app_on_a_widely_reported_quake})
    assert not app.exception
    expanders = {expander.label: expander for expander in app.expander}
    rest = expanders[f"The other {60 - DETAIL_SENTENCES} sentences"]
    articles = expanders["Open one of the 60 articles"]
    detail = next(element.proto.body for element in app.get("html") if "A magnitude 7 earthquake" in element.proto.body)
    assert detail.count('<mark class="td-date"') == DETAIL_SENTENCES
    assert sum(element.proto.body.count('<mark class="td-date"') for element in rest.get("html")) == 60 - DETAIL_SENTENCES
    assert len(articles.get("page_link")) == 60
    assert "Correct this event" in expanders


def test_an_episode_naming_a_hundred_actors_lists_the_most_mentioned_then_how_many_more():
    from desk.ui.event_detail import NAMES_SHOWN, event_facts
    from tests.support.event_factory import events_frame, make_event

    actors = tuple(f"Actor {index}" for index in range(100))   # ranked by mentions when the episode was built
    episode = events_frame([make_event("Haiti earthquake", "2010-01-12", kind="episode", end="2010-02-09",
                                       actors=actors, countries=("Haiti", "United States"))]).iloc[0]
    facts = dict(event_facts(episode))
    assert facts["Actors"] == ", ".join(actors[:NAMES_SHOWN]) + " and 90 more (most mentioned first)"   # was all 100
    assert facts["Countries"] == "Haiti, United States"


def test_a_country_named_only_outside_events_gets_a_message_saying_why_no_event_is_drawn(app_on_seeds, seeds_extraction):
    statements, _ = seeds_extraction
    china = statements[statements["countries"].map(lambda names: "China" in list(names)) & (statements["kind"] == "event")]
    assert len(china), "the seeds name China as a party in event statements that no event is built from"
    app = run_timeline({"country": "China"})
    assert not app.exception and not app.get("plotly_chart")
    message = app.info[0].value
    assert f"the {len(china)} statement" in message and "part of no event" in message, message   # was no reason given
    assert "Raw statements (for checking)" in message
