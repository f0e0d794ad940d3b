"""The edit controls, the History page and the Add articles page, headless with AppTest on the seeds.

Each test has its own curation database (TIMELINE_DESK_CURATION), so edits never leak between tests.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from desk.literal import markdown_literal, markdown_unescaped
from extract.curation import EditLog
from tests.test_pages import run_app

pytestmark = pytest.mark.usefixtures("navigation_app")
REPO = Path(__file__).resolve().parent.parent

QATAR_STRIKE = "000_6b2388c66c13b699:4134-4141"     # "on June 23, Iran responded by striking ... Qatar": 2025-06-23
BARBAROSSA_JUNE_22 = "000_6b2388c66c13b699:3807-3814"


@pytest.fixture
def curation_db(app_on_seeds, monkeypatch, tmp_path):
    """The app on the seeds with an empty curation database of its own; returns its EditLog."""
    path = tmp_path / "curation.sqlite"
    monkeypatch.setenv("TIMELINE_DESK_CURATION", str(path))
    return EditLog(path)


def on_statement(statement_id: str) -> AppTest:
    return run_app("pages/statements.py", params={"statement": statement_id})


def control_key(statement_id: str, name: str) -> str:
    return f"curate-s-{statement_id}-{name}"


def texts(app: AppTest) -> str:
    """Every caption and message as the reader sees it (markdown escapes of literal text removed)."""
    shown = "\n".join(element.value for kind in ("caption", "success", "error", "warning", "info")
                      for element in app.get(kind) if isinstance(getattr(element, "value", None), str))
    return re.sub(r"\\(.)", r"\1", shown)


def test_fixing_a_statement_date_in_the_app_saves_it_and_shows_the_machine_date(curation_db):
    app = on_statement(QATAR_STRIKE)
    app.text_input(key=control_key(QATAR_STRIKE, "date")).set_value("2023-10-07")
    app.button(key=control_key(QATAR_STRIKE, "date-save")).click().run()
    assert not app.exception
    edits = curation_db.edits()
    assert [(edit.kind, edit.target_id, edit.new_value["value"]) for edit in edits] == [("date", QATAR_STRIKE, "2023-10-07")]
    assert edits[0].author.startswith("session-")
    shown = texts(app)
    assert "Saved edit 1" in shown and "machine: 2025-06-23" in shown


def test_an_unparseable_date_in_the_app_shows_an_error_and_saves_nothing(curation_db):
    app = on_statement(QATAR_STRIKE)
    app.text_input(key=control_key(QATAR_STRIKE, "date")).set_value("the day after")
    app.button(key=control_key(QATAR_STRIKE, "date-save")).click().run()
    assert not app.exception
    assert "not one calendar period" in texts(app) or "not a date" in texts(app)
    assert curation_db.edits() == []


def test_hiding_a_statement_in_the_app_and_showing_it_again(curation_db):
    app = on_statement(BARBAROSSA_JUNE_22)
    app.button(key=control_key(BARBAROSSA_JUNE_22, "hide")).click().run()
    assert "Choose why" in texts(app) and curation_db.edits() == []
    app.radio(key=control_key(BARBAROSSA_JUNE_22, "hide-reason")).set_value("not news")
    app.button(key=control_key(BARBAROSSA_JUNE_22, "hide")).click().run()
    assert [(edit.kind, edit.new_value) for edit in curation_db.edits()] == [("hide", "not news")]
    app = on_statement(BARBAROSSA_JUNE_22)
    assert "Hidden (not news)" in texts(app)
    app.button(key=control_key(BARBAROSSA_JUNE_22, "show")).click().run()
    assert [edit.kind for edit in curation_db.edits()] == ["hide", "show"]


def test_removing_germany_from_a_statements_actors_in_the_app(curation_db):
    app = on_statement(BARBAROSSA_JUNE_22)
    app.multiselect(key=control_key(BARBAROSSA_JUNE_22, "actors-remove")).select("Germany")
    app.button(key=control_key(BARBAROSSA_JUNE_22, "actors-save")).click().run()
    assert not app.exception
    assert [(edit.kind, edit.new_value) for edit in curation_db.edits()] == [
        ("actors", {"remove": ["Germany"], "add": []})]
    assert "actors corrected (-Germany)" in texts(on_statement(BARBAROSSA_JUNE_22))


def test_correcting_a_statements_countries_in_the_app(curation_db):
    app = on_statement(BARBAROSSA_JUNE_22)
    app.multiselect(key=control_key(BARBAROSSA_JUNE_22, "countries-remove")).select("United States")
    app.multiselect(key=control_key(BARBAROSSA_JUNE_22, "countries-add")).select("Qatar")
    app.button(key=control_key(BARBAROSSA_JUNE_22, "countries-save")).click().run()
    assert [(edit.kind, edit.new_value) for edit in curation_db.edits()] == [
        ("countries", {"remove": ["United States"], "add": ["Qatar"]})]


def test_a_second_session_sees_the_first_sessions_edit_on_its_next_rerun(curation_db):
    second = on_statement(QATAR_STRIKE)
    first = on_statement(QATAR_STRIKE)
    first.text_input(key=control_key(QATAR_STRIKE, "date")).set_value("October 2023")
    first.button(key=control_key(QATAR_STRIKE, "date-save")).click().run()
    second.run()
    assert "date fixed to 2023-10" in texts(second)


def test_the_history_page_lists_undoes_and_exports_edits(curation_db):
    first = on_statement(QATAR_STRIKE)
    first.text_input(key=control_key(QATAR_STRIKE, "date")).set_value("2023-10-07")
    first.button(key=control_key(QATAR_STRIKE, "date-save")).click().run()
    app = run_app("pages/history.py")
    assert not app.exception
    table = app.dataframe[0].value
    assert table["status"].tolist() == ["in force"] and "2025-06-23 → 2023-10-07" in table["action"].iloc[0]
    app.selectbox(key="history_undo_choice").set_value(1)
    app.button(key="history_undo").click().run()
    assert [edit.kind for edit in curation_db.edits()] == ["date", "undo"]
    assert app.dataframe[0].value["status"].tolist() == ["undo", "undone"]
    assert "date fixed" not in texts(on_statement(QATAR_STRIKE))


def test_undo_without_a_choice_says_so(curation_db):
    first = on_statement(QATAR_STRIKE)
    first.text_input(key=control_key(QATAR_STRIKE, "date")).set_value("2023")
    first.button(key=control_key(QATAR_STRIKE, "date-save")).click().run()
    app = run_app("pages/history.py")
    app.button(key="history_undo").click().run()
    assert "Choose the edit to undo" in texts(app)
    assert len(curation_db.edits()) == 1


def test_adding_an_event_by_hand_on_the_history_page(curation_db):
    app = run_app("pages/history.py")
    app.text_input(key="add_event_date").set_value("7 October 2023")
    app.text_input(key="add_event_label").set_value("")
    app.text_input(key="add_event_source_note").set_value("Reuters, 8 Oct 2023")
    app.button(key="add_event_save").click().run()
    assert "label is empty" in texts(app) and curation_db.edits() == []
    app.text_input(key="add_event_label").set_value("Hamas attacks Israel")
    app.multiselect(key="add_event_countries").select("Israel")
    app.button(key="add_event_save").click().run()
    [edit] = curation_db.edits()
    assert (edit.kind, edit.new_value["value"], edit.new_value["countries"]) == ("add", "2023-10-07", ["Israel"])
    assert "added by hand: Hamas attacks Israel" in app.dataframe[0].value["action"].iloc[0]


def test_the_add_articles_page_renders_with_the_corpus_folder(curation_db, monkeypatch, tmp_path):
    monkeypatch.setenv("TIMELINE_DESK_CORPUS", str(tmp_path / "corpus"))
    app = run_app("pages/add_articles.py")
    assert not app.exception
    assert any("corpus" in caption.value for caption in app.caption)


def test_the_add_articles_page_lists_what_an_added_article_holds_from_the_store(curation_db, app_on_seeds):
    from desk.query import StatementStore

    doc_id = str(pd.read_parquet(app_on_seeds, columns=["doc_id"])["doc_id"].iloc[0])
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    app.session_state["articles_added"] = [doc_id, "never_added"]
    app.switch_page("pages/add_articles.py")
    app.run()
    assert not app.exception
    expected = StatementStore(app_on_seeds).rows_of_document(doc_id, ("date_text", "value", "sentence"))
    [table] = app.dataframe
    assert 0 < len(expected) and table.value["sentence"].tolist() == expected["sentence"].tolist()
    assert f"{len(expected)} statement(s)" in texts(app)
    assert "never_added: not in the data yet." in texts(app)


def test_the_history_and_add_articles_pages_do_not_import_the_extractor_to_draw():
    probe = ("import sys; import desk.ui.curation_pages, desk.ui.add_articles_panel; "
             "print(sorted(name for name in ('extract.pipeline', 'extract.timex', 'extract.events', 'extract.documents')"
             " if name in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_file_uploader_announces_and_enforces_the_same_limit_as_the_caption(curation_db, monkeypatch, tmp_path):
    monkeypatch.setenv("TIMELINE_DESK_CORPUS", str(tmp_path / "corpus"))
    app = run_app("pages/add_articles.py")
    [uploader] = app.get("file_uploader")
    assert uploader.proto.max_upload_size_mb == 10        # the widget shows "10MB per file", not Streamlit's 200MB
    assert any("up to 10 MB each" in caption.value for caption in app.caption)


def test_the_app_run_bare_without_data_ends_with_a_message_not_a_traceback(tmp_path):
    missing = tmp_path / "nothing" / "statements.parquet"
    result = subprocess.run([sys.executable, str(REPO / "app.py")], cwd=REPO, capture_output=True, text=True,
                            env={**os.environ, "TIMELINE_DESK_STATEMENTS": str(missing)}, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "UnboundLocalError" not in result.stderr
    assert str(missing) in result.stderr and "streamlit run app.py" in result.stderr


def test_the_upload_limit_is_the_extractors_default():
    from extract.curation.articles import MAX_UPLOAD_BYTES
    from extract.documents import DEFAULT_MAX_BYTES

    assert MAX_UPLOAD_BYTES == DEFAULT_MAX_BYTES


def test_the_add_event_form_is_cleared_after_an_event_was_added(curation_db):
    app = run_app("pages/history.py")
    app.text_input(key="add_event_date").set_value("2023")
    app.text_input(key="add_event_label").set_value("A year of war")
    app.text_input(key="add_event_source_note").set_value("analyst")
    app.button(key="add_event_save").click().run()
    assert len(curation_db.edits()) == 1
    assert app.text_input(key="add_event_label").value == "" and app.text_input(key="add_event_date").value == ""


# --- the event detail on the Timeline (?event=<id>) ---------------------------------------------------
def seed_events(app_on_seeds) -> pd.DataFrame:
    return pd.read_parquet(app_on_seeds.with_name("events.parquet"))


def event_holding(events: pd.DataFrame, statement_id: str) -> pd.Series:
    holding = events["statement_ids"].map(lambda ids: statement_id in list(ids))
    return events[holding & (events["kind"] == "event")].iloc[0]


def on_event(event_id: str) -> AppTest:
    return run_app("pages/timeline.py", params={"event": event_id, "view": "events"})


def event_key(event_id: str, name: str) -> str:
    return f"curate-e-{event_id}-{name}"


def test_fixing_an_events_date_and_label_on_its_detail(curation_db, app_on_seeds):
    event_id = event_holding(seed_events(app_on_seeds), QATAR_STRIKE)["event_id"]
    app = on_event(event_id)
    assert not app.exception
    app.text_input(key=event_key(event_id, "date")).set_value("21 June 2025")
    app.button(key=event_key(event_id, "date-save")).click().run()
    app.text_input(key=event_key(event_id, "label")).set_value("Iran strikes US bases in Qatar")
    app.button(key=event_key(event_id, "label-save")).click().run()
    app.text_input(key=event_key(event_id, "label")).set_value("  ")
    app.button(key=event_key(event_id, "label-save")).click().run()
    assert "label is empty" in texts(app)
    assert [(edit.kind, edit.target_type, edit.target_id) for edit in curation_db.edits()] == [
        ("date", "event", event_id), ("label", "event", event_id)]
    shown = texts(on_event(event_id))
    assert "date fixed to 2025-06-21" in shown and "label edited" in shown


def test_hiding_starring_and_correcting_an_event_on_its_detail(curation_db, app_on_seeds):
    event_id = event_holding(seed_events(app_on_seeds), QATAR_STRIKE)["event_id"]
    app = on_event(event_id)
    app.radio(key=event_key(event_id, "hide-reason")).set_value("duplicate")
    app.button(key=event_key(event_id, "hide")).click().run()
    app.button(key=event_key(event_id, "star")).click().run()
    app.multiselect(key=event_key(event_id, "countries-add")).select("Israel")
    app.button(key=event_key(event_id, "countries-save")).click().run()
    assert [edit.kind for edit in curation_db.edits()] == ["hide", "star", "countries"]
    drawn = {event for figure in app.get("plotly_chart") for trace in json.loads(figure.proto.spec)["data"]
             for event in trace.get("customdata", []) or []}
    assert event_id not in {item[0] if isinstance(item, list) else item for item in drawn}
    app = on_event(event_id)
    assert "Hidden (duplicate)" in texts(app) and "★ Starred" in texts(app)


def test_merging_and_splitting_events_on_the_detail(curation_db, app_on_seeds):
    events = seed_events(app_on_seeds)
    event = event_holding(events, QATAR_STRIKE)
    other = events[(events["event_id"] != event["event_id"]) & (events["kind"] == "event")].iloc[0]
    app = on_event(event["event_id"])
    app.button(key=event_key(event["event_id"], "merge-save")).click().run()
    assert "Choose the event to merge with" in texts(app)
    app.selectbox(key=event_key(event["event_id"], "merge")).set_value(other["event_id"])
    app.button(key=event_key(event["event_id"], "merge-save")).click().run()
    [merge] = curation_db.edits()
    assert (merge.kind, merge.new_value["event_id"]) == ("merge", other["event_id"])
    app = on_event(event["event_id"])
    moved = list(other["statement_ids"])[0]
    app.selectbox(key=event_key(event["event_id"], "split")).set_value(moved)
    app.button(key=event_key(event["event_id"], "split-save")).click().run()
    assert [(edit.kind, edit.new_value.get("statement_id")) for edit in curation_db.edits()][1] == ("split", moved)
    assert "split out of" in texts(on_event(f"split:{moved}"))


def test_the_merge_picker_offers_the_events_nearest_in_time_first_and_the_split_picker_names_sentences(
        curation_db, app_on_seeds):
    """On a desk of 1,000 events the duplicate must not be hidden among events of other years, nor a sentence behind
    its statement id."""
    events = seed_events(app_on_seeds)
    event = event_holding(events, QATAR_STRIKE)
    app = on_event(event["event_id"])
    merge = app.selectbox(key=event_key(event["event_id"], "merge"))
    others = events[events["event_id"] != event["event_id"]]
    distance = (others["start"] - event["start"]).abs()
    nearest = others[distance == distance.min()]
    assert merge.options[0].split(" · ")[1] in set(nearest["label"]), merge.options[:3]
    offered_days = [option.split(" · ")[0] for option in merge.options]
    assert offered_days.index("2007") > offered_days.index("24 Jun 2025"), "June 2025 comes before 2007"
    episode = events[events["kind"] == "episode"].iloc[0]   # the seeds' events have one sentence each; the war many
    split = on_event(episode["event_id"]).selectbox(key=event_key(episode["event_id"], "split"))
    assert len(split.options) == len(episode["statement_ids"]) > 1
    assert all(option.startswith("“") and "”" in option for option in split.options), split.options[:3]
    assert not set(split.options) & set(episode["statement_ids"])


@pytest.fixture
def desk_to_add_to(curation_db, seeds_data_dir, monkeypatch, tmp_path) -> Path:
    """The app on a copy of the seeds' extraction that an upload may change, its corpus and sources.csv in tmp_path."""
    shutil.copytree(seeds_data_dir, tmp_path / "data")
    shutil.copytree(REPO / "seeds", tmp_path / "corpus")
    shutil.copy(REPO / "data" / "sources.csv", tmp_path / "sources.csv")
    monkeypatch.setenv("TIMELINE_DESK_STATEMENTS", str(tmp_path / "data" / "statements.parquet"))
    monkeypatch.setenv("TIMELINE_DESK_CORPUS", str(tmp_path / "corpus"))
    monkeypatch.setenv("TIMELINE_DESK_SOURCES", str(tmp_path / "sources.csv"))
    return tmp_path


def test_an_upload_of_bad_and_good_files_names_each_refused_file_and_adds_the_others(desk_to_add_to):
    article = "Gaza, 8 October 2023\n\nHamas fighters attacked southern Israel yesterday.\n"
    app = run_app("pages/add_articles.py")
    app.get("file_uploader")[0].set_value([
        ("empty.html", b"", "text/html"), ("scan.pdf", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "application/pdf"),
        ("**[Gaza](http://x.org)** report.txt", article.encode("utf-16"), "text/plain"),
        ("hamas_attack.txt", article.encode(), "text/plain")])
    app.run()
    assert not app.exception
    refusals = [markdown_unescaped(error.value) for error in app.error]
    assert [refusal.split(":")[0] for refusal in refusals] == ["empty.html", "scan.pdf"]
    headings = [m.value for m in app.markdown]   # each kept file's name as given, no link and no bold formed from it
    assert any(heading.startswith(f"**{markdown_literal('**[Gaza](http://x.org)** report.txt')}** — ")
               for heading in headings)
    app.button(key="articles_extract").click().run()
    assert not app.exception
    assert [markdown_unescaped(error.value) for error in app.error] == refusals   # still named after the extraction
    added = [markdown_unescaped(success.value) for success in app.success]
    assert added[0].startswith("**[Gaza](http://x.org)** report.txt (kept as x.org_report.txt): ")
    assert added[1].startswith("hamas_attack.txt: ") and "reference date 2023-10-08" in added[1]
    assert not app.get("file_uploader")[0].value and not [b for b in app.button if b.key == "articles_extract"]
    documents = pd.read_parquet(desk_to_add_to / "data" / "documents.parquet")
    assert {path.stem for path in (REPO / "seeds").iterdir()} | {"x.org_report", "hamas_attack"} == set(documents["doc_id"])


def test_add_articles_refuses_to_guess_the_corpus_when_the_articles_paths_do_not_resolve_here(curation_db, monkeypatch,
                                                                                              tmp_path):
    from extract.__main__ import main as extract_main

    monkeypatch.chdir(tmp_path)                        # `python -m extract corpus` here, the dashboard started elsewhere
    shutil.copytree(REPO / "seeds", tmp_path / "corpus")
    assert extract_main(["corpus", "--out", str(tmp_path / "data" / "statements.parquet")]) == 0
    monkeypatch.setenv("TIMELINE_DESK_STATEMENTS", str(tmp_path / "data" / "statements.parquet"))
    monkeypatch.delenv("TIMELINE_DESK_CORPUS", raising=False)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    app = run_app("pages/add_articles.py")
    assert not app.exception and not app.get("file_uploader")
    [error] = [markdown_unescaped(error.value) for error in app.error]
    assert error.startswith("The corpus folder is not known: the articles were extracted from corpus, which is not "
                            f"found from the dashboard's working folder {tmp_path / 'elsewhere'}")
    assert "TIMELINE_DESK_CORPUS" in error and not (tmp_path / "elsewhere" / "corpus").exists()


SHORT_ARTICLE = b"Gaza, 8 October 2023\n\nHamas attacked.\n"


def extracted_through_the_page(name: str) -> AppTest:
    """The Add articles page after uploading SHORT_ARTICLE as `name` and clicking to add and extract it."""
    app = run_app("pages/add_articles.py")
    app.get("file_uploader")[0].set_value([(name, SHORT_ARTICLE, "text/plain")])
    return app.run().button(key="articles_extract").click().run()


def test_a_file_the_browser_let_through_over_the_pages_limit_is_named_with_what_to_do(desk_to_add_to):
    app = run_app("pages/add_articles.py")   # a browser on Windows counts the uploader's 10 MB as 10 MiB
    app.get("file_uploader")[0].set_value([("whole archive.txt", b"In 2007 the embargo began. " * 381_482, "text/plain"),
                                           ("hamas_attack.txt", SHORT_ARTICLE, "text/plain")])
    app.run()
    assert [markdown_unescaped(error.value) for error in app.error] == [
        "whole archive.txt: file is 10.3 MB (10,300,014 bytes), over this page's limit of 10 MB (10,000,000 bytes) per "
        "file; split it into smaller files and upload those, or copy it into the corpus folder and run python -m extract "
        "on that folder with --max-mb 11. Nothing was added."]
    assert app.button(key="articles_extract").label == "Add and extract 1 article(s)"


def test_an_upload_with_a_very_long_name_is_kept_under_a_shorter_one(desk_to_add_to):
    name = "é" * 300 + ".txt"
    app = extracted_through_the_page(name)
    assert not app.exception and not app.error
    [added] = [markdown_unescaped(success.value) for success in app.success]
    assert added.startswith(f"{name} (kept as {'é' * 80}.txt): ")
    assert (desk_to_add_to / "corpus" / f"{'é' * 80}.txt").is_file()


def test_a_file_that_cannot_be_kept_is_named_and_the_desk_is_unchanged(desk_to_add_to, monkeypatch):
    (desk_to_add_to / "not_a_folder").write_text("a file where the corpus folder should be")
    monkeypatch.setenv("TIMELINE_DESK_CORPUS", str(desk_to_add_to / "not_a_folder"))
    before = pd.read_parquet(desk_to_add_to / "data" / "documents.parquet")
    app = extracted_through_the_page("hamas_attack.txt")
    assert not app.exception
    [error] = [markdown_unescaped(error.value) for error in app.error]
    assert error.startswith(f"hamas_attack.txt: could not be kept in the corpus folder {desk_to_add_to / 'not_a_folder'} (")
    pd.testing.assert_frame_equal(pd.read_parquet(desk_to_add_to / "data" / "documents.parquet"), before)


def test_an_extraction_that_cannot_be_saved_says_so_and_keeps_the_files_and_the_desk(desk_to_add_to, monkeypatch):
    import extract.__main__

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(extract.__main__, "write_outputs", disk_full)
    before = pd.read_parquet(desk_to_add_to / "data" / "documents.parquet")
    app = extracted_through_the_page("hamas_attack.txt")
    assert not app.exception
    [error] = [markdown_unescaped(error.value) for error in app.error]
    assert error.startswith(f"hamas_attack.txt: kept in the corpus folder {desk_to_add_to / 'corpus'}, but the "
                            "extraction could not be saved ([Errno 28] No space left on device). The desk is unchanged")
    assert (desk_to_add_to / "corpus" / "hamas_attack.txt").is_file()
    pd.testing.assert_frame_equal(pd.read_parquet(desk_to_add_to / "data" / "documents.parquet"), before)
    assert app.button(key="articles_extract")   # the upload is still there to try again


def test_a_sources_file_that_is_no_csv_is_named_left_as_it_was_and_the_article_still_added(desk_to_add_to, monkeypatch):
    binary = bytes(range(256)) * 4
    (desk_to_add_to / "sources.csv").write_bytes(binary)
    app = extracted_through_the_page("hamas_attack.txt")
    assert not app.exception
    [error] = [markdown_unescaped(error.value) for error in app.error]
    assert error.startswith(f"hamas_attack.txt: kept, but its reference date could not be recorded in "
                            f"{desk_to_add_to / 'sources.csv'} (not a UTF-8 CSV file")
    assert (desk_to_add_to / "sources.csv").read_bytes() == binary
    assert "hamas_attack" in set(pd.read_parquet(desk_to_add_to / "data" / "documents.parquet")["doc_id"])


def test_an_upload_is_read_once_not_again_on_every_rerun_of_the_page(desk_to_add_to, monkeypatch):
    import uuid

    import extract.curation.articles as articles

    reads = []
    original = articles.check_upload
    monkeypatch.setattr(articles, "check_upload", lambda name, raw: reads.append(name) or original(name, raw))
    content = f"Gaza, 8 October 2023\n\nHamas attacked. {uuid.uuid4()}\n".encode()   # never read in this process before
    app = run_app("pages/add_articles.py")
    app.get("file_uploader")[0].set_value([("hamas_attack.txt", content, "text/plain")])
    app.run()
    [reference] = [box for box in app.date_input if box.label.startswith("Reference date")]
    reference.set_value(dt.date(2023, 10, 9)).run()        # a widget change reruns the page
    assert not app.exception and reads == ["hamas_attack.txt"]


def test_a_configured_corpus_other_than_the_desks_own_folder_is_pointed_out(desk_to_add_to, monkeypatch, seeds_data_dir):
    from extract.curation.articles import corpus_folder

    monkeypatch.setenv("TIMELINE_DESK_CORPUS", str(desk_to_add_to / "elsewhere"))
    app = run_app("pages/add_articles.py")
    extracted_from = corpus_folder(pd.read_parquet(desk_to_add_to / "data" / "documents.parquet"))
    assert not app.exception and app.get("file_uploader")
    [warning] = [markdown_unescaped(warning.value) for warning in app.warning]
    assert warning.startswith(f"TIMELINE_DESK_CORPUS puts uploads in {desk_to_add_to / 'elsewhere'}, but the articles "
                              f"on the desk were extracted from {extracted_from}: a later python -m extract")
    monkeypatch.setenv("TIMELINE_DESK_CORPUS", str(extracted_from))   # the same folder: nothing to say
    assert not run_app("pages/add_articles.py").warning
