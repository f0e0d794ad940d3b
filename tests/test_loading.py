"""Where the dashboard finds its data: statements.parquet, events.parquet and documents.parquet side by side,
and the old layout (statements in events.parquet, TIMELINE_DESK_EVENTS) still read for one release with a notice."""
from pathlib import Path

import pytest

import desk.loading as loading
from desk.literal import markdown_unescaped
from desk.loading import (
    DataProblem,
    events_path,
    locate_statements,
    read_events,
    read_statements,
    statements_path,
)
from extract.schema import EVENT_COLUMNS


def test_statements_file_comes_from_timeline_desk_statements(tmp_path):
    wanted = tmp_path / "mine.parquet"
    location = locate_statements({"TIMELINE_DESK_STATEMENTS": str(wanted)})
    assert location.path == wanted and location.notice == ""


def test_events_and_documents_are_read_beside_the_statements(seeds_data_dir):
    statements_file = statements_path({"TIMELINE_DESK_STATEMENTS": str(seeds_data_dir / "statements.parquet")})
    events = read_events(events_path(statements_file))
    assert list(events.columns) == list(EVENT_COLUMNS)
    assert set(events["kind"]) == {"event", "episode"}
    statement_ids = set(read_statements(statements_file)["statement_id"])
    assert {sid for ids in events["statement_ids"] for sid in ids} <= statement_ids


def test_old_environment_variable_is_still_read_with_a_notice(seeds_data_dir):
    old_file = seeds_data_dir / "statements.parquet"
    location = locate_statements({"TIMELINE_DESK_EVENTS": str(old_file)})
    assert location.path == old_file
    assert "TIMELINE_DESK_EVENTS is the old name" in location.notice and "TIMELINE_DESK_STATEMENTS" in location.notice


def test_old_layout_statements_in_events_parquet_are_read_as_statements_with_a_notice(tmp_path, monkeypatch,
                                                                                         seeds_data_dir):
    data = tmp_path / "data"
    data.mkdir()
    (data / "events.parquet").write_bytes((seeds_data_dir / "statements.parquet").read_bytes())
    monkeypatch.setattr(loading, "DEFAULT_STATEMENTS_PATH", data / "statements.parquet")
    location = locate_statements({})
    assert location.path == data / "events.parquet"
    assert "old layout" in location.notice and "python -m extract seeds --out" in location.notice
    assert len(read_statements(location.path)) > 50
    with pytest.raises(DataProblem, match="old layout"):
        read_events(data / "events.parquet")   # never mistaken for an events frame


def test_new_layout_wins_over_an_old_events_parquet(tmp_path, monkeypatch, seeds_data_dir):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("statements.parquet", "events.parquet", "documents.parquet"):
        (data / name).write_bytes((seeds_data_dir / name).read_bytes())
    monkeypatch.setattr(loading, "DEFAULT_STATEMENTS_PATH", data / "statements.parquet")
    assert locate_statements({}) == loading.StatementsLocation(data / "statements.parquet")


def test_missing_events_file_names_the_file_and_the_command(tmp_path):
    missing = tmp_path / "events.parquet"
    with pytest.raises(DataProblem) as problem:
        read_events(missing)
    assert str(missing) in str(problem.value)
    assert f"--out {Path(tmp_path) / 'statements.parquet'}" in str(problem.value)


def test_dashboard_shows_the_old_name_notice_and_still_draws_the_timeline(monkeypatch, seeds_data_dir, navigation_app):
    from streamlit.testing.v1 import AppTest

    monkeypatch.delenv("TIMELINE_DESK_STATEMENTS", raising=False)
    monkeypatch.setenv("TIMELINE_DESK_EVENTS", str(seeds_data_dir / "statements.parquet"))
    app = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=60).run()
    assert not app.exception and not app.error
    assert any("TIMELINE_DESK_EVENTS is the old name" in markdown_unescaped(info.value) for info in app.info)


def test_the_event_memo_is_read_from_the_run_and_a_run_without_a_usable_one_gives_none(tmp_path, seeds_extraction):
    from extract.__main__ import write_outputs
    from extract.event_memo import MEMO_FILE_NAME
    from extract.events import build_events_with_memo
    from extract.pipeline import Extraction

    events, memo = build_events_with_memo(*seeds_extraction, None)
    with_memo = tmp_path / "with" / "statements.parquet"
    write_outputs(Extraction(*seeds_extraction, events=events, event_memo=memo), with_memo)
    assert len(memo) and loading.read_event_memo(with_memo)[["table", "key"]].equals(memo[["table", "key"]])
    without = tmp_path / "without" / "statements.parquet"
    write_outputs(Extraction(*seeds_extraction, events=events), without)
    assert loading.read_event_memo(without) is None
    damaged = next(with_memo.parent.rglob(MEMO_FILE_NAME))
    damaged.write_bytes(b"not parquet")
    assert loading.read_event_memo(with_memo) is None
    assert loading.read_event_memo(tmp_path / "nowhere" / "statements.parquet") is None
