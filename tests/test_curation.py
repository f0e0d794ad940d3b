"""Curation core: every edit kind and its undo, bad input, the append-only log, concurrent writers, kill -9,
and edits surviving (or being reported as orphaned after) a re-extraction."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from extract.curation import (EditLog, EditRejected, NewEdit, add_event, correct_actors, correct_countries, curate, fix_date,
                              hide, merge_events, relabel, show, split_statement, star, undo, unstar, visible)
from extract.pipeline import extract_corpus

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
OCTOBER_7 = "002_3d55fe1a66942adb:4027-4036"        # "the Hamas-led October 7 attacks"
QATAR_STRIKE = "000_6b2388c66c13b699:4134-4141"     # "on June 23, Iran responded by striking ... Qatar": 2025-06-23
BARBAROSSA_JUNE_22 = "000_6b2388c66c13b699:3807-3814"


def events_of(statements: pd.DataFrame) -> pd.DataFrame:
    """The events frame of `statements`, as the pipeline builds it."""
    from extract.events import build_events
    return build_events(statements, None)


@pytest.fixture
def fresh_log(tmp_path) -> EditLog:
    return EditLog(tmp_path / "curation.sqlite", author="test")


@pytest.fixture(scope="module")
def seed_frames():
    extraction = extract_corpus(SEEDS)
    return extraction.statements, events_of(extraction.statements)


def current(log: EditLog, seed_frames):
    return curate(*seed_frames, log.edits())


def event_holding(curated, statement_id: str) -> pd.Series:
    events = curated.events
    return events[events["statement_ids"].map(lambda ids: statement_id in ids)].iloc[0]


def statement(curated, statement_id: str) -> pd.Series:
    return curated.statements.set_index("statement_id", drop=False).loc[statement_id]


# --- each edit kind and its undo --------------------------------------------------------------
@pytest.mark.parametrize("entered, value, grain, start, end", [
    ("2023-10-07", "2023-10-07", "day", "2023-10-07", "2023-10-08"),
    ("October 2023", "2023-10", "month", "2023-10-01", "2023-11-01"),
    ("2023", "2023", "year", "2023-01-01", "2024-01-01"),
    ("7 October 2023", "2023-10-07", "day", "2023-10-07", "2023-10-08"),
])
def test_fixing_a_date_keeps_the_machine_value_and_undo_restores_it(
        fresh_log, seed_frames, entered, value, grain, start, end):
    before = current(fresh_log, seed_frames)
    edit = fresh_log.append(fix_date(statement(before, QATAR_STRIKE), entered, note="it was 2023"))
    fixed = statement(current(fresh_log, seed_frames), QATAR_STRIKE)
    assert (fixed["value"], fixed["grain"]) == (value, grain)
    assert (fixed["start"], fixed["end"]) == (pd.Timestamp(start), pd.Timestamp(end))
    assert (fixed["machine_value"], bool(fixed["curated"])) == ("2025-06-23", True)
    assert "machine: 2025-06-23" in fixed["curation_note"]
    fresh_log.append(undo(edit, fresh_log.edits()))
    restored = statement(current(fresh_log, seed_frames), QATAR_STRIKE)
    assert (restored["value"], bool(restored["curated"])) == ("2025-06-23", False)


def test_fixing_an_event_date_moves_the_event(fresh_log, seed_frames):
    event = event_holding(current(fresh_log, seed_frames), QATAR_STRIKE)
    fresh_log.append(fix_date(event, "2023-10-07"))
    moved = current(fresh_log, seed_frames).events.set_index("event_id").loc[event["event_id"]]
    assert (moved["value"], moved["start"]) == ("2023-10-07", pd.Timestamp("2023-10-07"))
    assert moved["machine_value"] == event["value"]


@pytest.mark.parametrize("entered, message", [
    ("", "Enter a date"),
    ("after the talks", "not a date the tagger can place"),
    ("October 7", "not one calendar period"),
    ("2023-02-30", r"'2023-02-30' is not a day of the calendar \(2023-02-30\); check the day and the month"),
    ("June 31 2025", r"'June 31 2025' is not a day of the calendar \(2025-06-31\)"),
    ("2022 or 2023", "holds 2 dates"),
    ("October 2023 when Hamas attacked", "only 'October 2023' is a date"),
])
def test_an_unusable_date_is_rejected_with_a_message_and_changes_nothing(fresh_log, seed_frames, entered, message):
    row = statement(current(fresh_log, seed_frames), QATAR_STRIKE)
    with pytest.raises(EditRejected, match=message):
        fresh_log.append(fix_date(row, entered))
    assert fresh_log.edits() == []


def test_a_label_longer_than_a_headline_is_rejected_by_relabel_and_by_add_event(fresh_log, seed_frames):
    event = event_holding(current(fresh_log, seed_frames), QATAR_STRIKE)
    for make in (lambda label: relabel(event, label), lambda label: add_event("2025-06-20", label, source_note="x")):
        with pytest.raises(EditRejected, match="The label has 201 characters; keep it to a headline of at most 200"):
            make("L" * 201)
        assert make("L" * 200).new_value
    assert fresh_log.edits() == []


def test_editing_a_label_keeps_the_machine_label_and_an_empty_label_is_rejected(fresh_log, seed_frames):
    event = event_holding(current(fresh_log, seed_frames), QATAR_STRIKE)
    with pytest.raises(EditRejected, match="label is empty"):
        relabel(event, "   ")
    edit = fresh_log.append(relabel(event, "Hamas attacks Israel (7 October 2023)"))
    edited = current(fresh_log, seed_frames).events.set_index("event_id").loc[event["event_id"]]
    assert (edited["label"], edited["machine_label"]) == ("Hamas attacks Israel (7 October 2023)", event["label"])
    fresh_log.append(undo(edit, fresh_log.edits()))
    assert current(fresh_log, seed_frames).events.set_index("event_id").loc[event["event_id"], "label"] == event["label"]


def test_a_hidden_event_leaves_the_visible_frame_until_shown_again(fresh_log, seed_frames):
    event = event_holding(current(fresh_log, seed_frames), BARBAROSSA_JUNE_22)
    with pytest.raises(EditRejected, match="Choose why"):
        hide(event, "boring")
    fresh_log.append(hide(event, "not news", note="anniversary aside"))
    curated = current(fresh_log, seed_frames)
    hidden = curated.events.set_index("event_id").loc[event["event_id"]]
    assert (bool(hidden["hidden"]), hidden["hidden_reason"]) == (True, "not news")
    assert event["event_id"] not in set(visible(curated.events)["event_id"])
    fresh_log.append(show(curated.events.set_index("event_id", drop=False).loc[event["event_id"]]))
    assert event["event_id"] in set(visible(current(fresh_log, seed_frames).events)["event_id"])


def test_hiding_a_statement_and_undoing_it(fresh_log, seed_frames):
    edit = fresh_log.append(hide(statement(current(fresh_log, seed_frames), BARBAROSSA_JUNE_22), "wrong"))
    assert BARBAROSSA_JUNE_22 not in set(visible(current(fresh_log, seed_frames).statements)["statement_id"])
    fresh_log.append(undo(edit, fresh_log.edits()))
    assert BARBAROSSA_JUNE_22 in set(visible(current(fresh_log, seed_frames).statements)["statement_id"])


def test_removing_a_country_and_adding_one_on_an_event_and_on_a_statement(fresh_log, seed_frames):
    # The 22 June statement names Germany only in passing (the Barbarossa anniversary): since issue 15 it is in
    # `country_mentions`, not a party; the analyst's correction here removes a party instead.
    curated = current(fresh_log, seed_frames)
    event = event_holding(curated, BARBAROSSA_JUNE_22)
    assert "United States" in event["countries"] and "Germany" not in event["countries"]
    with pytest.raises(EditRejected, match="France is not among the countries"):
        correct_countries(event, remove=["France"])
    with pytest.raises(EditRejected, match="Nothing to change"):
        correct_countries(event)
    fresh_log.append(correct_countries(event, remove=["United States"], add=["Qatar"]))
    fresh_log.append(correct_countries(statement(curated, BARBAROSSA_JUNE_22), remove=["United States"]))
    after = current(fresh_log, seed_frames)
    corrected = after.events.set_index("event_id").loc[event["event_id"], "countries"]
    assert "United States" not in corrected and "Qatar" in corrected
    assert "United States" not in statement(after, BARBAROSSA_JUNE_22)["countries"]
    fresh_log.append(undo(fresh_log.edits()[0], fresh_log.edits()))
    assert "United States" in current(fresh_log, seed_frames).events.set_index("event_id").loc[event["event_id"], "countries"]


def test_correcting_actors(fresh_log, seed_frames):
    curated = current(fresh_log, seed_frames)
    event = curated.events[curated.events["actors"].map(len) > 0].iloc[0]
    removed = event["actors"][0]
    fresh_log.append(correct_actors(event, remove=[removed], add=["Hamas"]))
    actors = current(fresh_log, seed_frames).events.set_index("event_id").loc[event["event_id"], "actors"]
    assert removed not in actors and "Hamas" in actors


def test_merging_two_events_unites_their_evidence_and_undo_separates_them(fresh_log, seed_frames):
    events = current(fresh_log, seed_frames).events
    kept, absorbed = events.iloc[0], events.iloc[1]
    with pytest.raises(EditRejected, match="two different events"):
        merge_events(kept, kept)
    edit = fresh_log.append(merge_events(kept, absorbed))
    merged = current(fresh_log, seed_frames).events.set_index("event_id")
    assert absorbed["event_id"] not in merged.index
    assert set(merged.loc[kept["event_id"], "statement_ids"]) == set(kept["statement_ids"]) | set(absorbed["statement_ids"])
    assert merged.loc[kept["event_id"], "n_sources"] == len(set(kept["doc_ids"]) | set(absorbed["doc_ids"]))
    fresh_log.append(undo(edit, fresh_log.edits()))
    assert len(current(fresh_log, seed_frames).events) == len(events)


def test_splitting_a_statement_out_makes_it_an_event_of_its_own(fresh_log, seed_frames):
    events = current(fresh_log, seed_frames).events
    event = events[events["statement_ids"].map(len) > 1].iloc[0]
    moved = event["statement_ids"][-1]
    with pytest.raises(EditRejected, match="not part of this event"):
        split_statement(event, "nowhere:1-2")
    edit = fresh_log.append(split_statement(event, moved))
    after = current(fresh_log, seed_frames).events.set_index("event_id")
    assert moved not in after.loc[event["event_id"], "statement_ids"]
    assert after.loc[f"split:{moved}", "statement_ids"] == [moved]
    assert after.loc[f"split:{moved}", "origin"] == "split"
    fresh_log.append(undo(edit, fresh_log.edits()))
    assert f"split:{moved}" not in set(current(fresh_log, seed_frames).events["event_id"])


def test_adding_an_event_by_hand(fresh_log, seed_frames):
    with pytest.raises(EditRejected, match="where the event comes from"):
        add_event("2023-10-07", "Hamas attacks Israel")
    with pytest.raises(EditRejected, match="label is empty"):
        add_event("2023-10-07", "", source_note="Reuters")
    edit = fresh_log.append(add_event("7 October 2023", "Hamas attacks Israel", countries=["Israel", "Palestine"],
                                      source_note="common knowledge; Reuters 8 Oct 2023"))
    added = current(fresh_log, seed_frames).events.set_index("event_id").loc[edit.target_id]
    assert (added["value"], added["grain"], added["origin"]) == ("2023-10-07", "day", "analyst")
    assert added["countries"] == ["Israel", "Palestine"] and added["summary"].startswith("common knowledge")
    fresh_log.append(undo(edit, fresh_log.edits()))
    assert edit.target_id not in set(current(fresh_log, seed_frames).events["event_id"])


def test_adding_an_event_from_an_article_of_the_corpus_credits_that_article(fresh_log, seed_frames):
    edit = fresh_log.append(add_event("2025-06-24", "Ceasefire holds", source_doc_id="004_d66b8ea05d2f980a"))
    added = current(fresh_log, seed_frames).events.set_index("event_id").loc[edit.target_id]
    assert added["doc_ids"] == ["004_d66b8ea05d2f980a"] and added["n_sources"] == 1


def test_starring_and_unstarring(fresh_log, seed_frames):
    event = current(fresh_log, seed_frames).events.iloc[-1]
    fresh_log.append(star(event))
    starred = current(fresh_log, seed_frames).events.set_index("event_id", drop=False).loc[event["event_id"]]
    assert bool(starred["starred"])
    with pytest.raises(EditRejected, match="already starred"):
        star(starred)
    fresh_log.append(unstar(starred))
    assert not bool(current(fresh_log, seed_frames).events.set_index("event_id").loc[event["event_id"], "starred"])


def test_undoing_an_undo_restores_the_edit_and_an_edit_cannot_be_undone_twice(fresh_log, seed_frames):
    edit = fresh_log.append(fix_date(statement(current(fresh_log, seed_frames), QATAR_STRIKE), "2023-10-07"))
    first_undo = fresh_log.append(undo(edit, fresh_log.edits()))
    with pytest.raises(EditRejected, match="already undone"):
        undo(edit, fresh_log.edits())
    fresh_log.append(undo(first_undo, fresh_log.edits()))
    assert statement(current(fresh_log, seed_frames), QATAR_STRIKE)["value"] == "2023-10-07"
    assert [edit.kind for edit in fresh_log.edits()] == ["date", "undo", "undo"]


def test_the_extracted_frames_are_never_modified(fresh_log, seed_frames):
    statements, events = seed_frames
    before_statements, before_events = statements.copy(deep=True), events.copy(deep=True)
    fresh_log.append(fix_date(statement(current(fresh_log, seed_frames), QATAR_STRIKE), "2023"))
    fresh_log.append(correct_countries(event_holding(current(fresh_log, seed_frames), BARBAROSSA_JUNE_22),
                                       remove=["United States"]))
    current(fresh_log, seed_frames)
    pd.testing.assert_frame_equal(statements, before_statements)
    pd.testing.assert_frame_equal(events, before_events)


# --- the log itself ------------------------------------------------------------------------------
def test_the_log_is_append_only_and_in_wal_mode(fresh_log, seed_frames):
    fresh_log.append(hide(statement(current(fresh_log, seed_frames), QATAR_STRIKE), "wrong"))
    connection = sqlite3.connect(fresh_log.path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for statement_sql in ("UPDATE edits SET note = 'x'", "DELETE FROM edits"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            connection.execute(statement_sql)
    connection.close()
    stored = fresh_log.edits()[0]
    assert (stored.kind, stored.target_type, stored.target_id, stored.new_value, stored.author) == (
        "hide", "statement", QATAR_STRIKE, "wrong", "test")
    assert stored.old_value is None and stored.created_at.endswith("+00:00")


def test_a_backup_is_a_readable_copy_with_every_edit(fresh_log, seed_frames, tmp_path):
    fresh_log.append(fix_date(statement(current(fresh_log, seed_frames), QATAR_STRIKE), "2023"))
    copy = EditLog(fresh_log.backup(tmp_path / "backup" / "curation.sqlite"))
    assert [edit.edit_id for edit in copy.edits()] == [1]


WRITER = """
import sys
sys.path.insert(0, {repo!r})
from extract.curation.store import EditLog, NewEdit
log = EditLog({path!r}, author=sys.argv[1])
for number in range(int(sys.argv[2])):
    edit = log.append(NewEdit("label", "event", f"{{sys.argv[1]}}-{{number}}", None, f"label {{number}}"))
    print(edit.edit_id, flush=True)
"""


def _writer(tmp_path: Path, name: str, count: int) -> subprocess.Popen:
    script = WRITER.format(repo=str(REPO), path=str(tmp_path / "curation.sqlite"))
    return subprocess.Popen([sys.executable, "-c", script, name, str(count)], stdout=subprocess.PIPE, text=True)


def test_two_processes_appending_500_edits_each_lose_none(tmp_path):
    EditLog(tmp_path / "curation.sqlite")
    writers = [_writer(tmp_path, name, 500) for name in ("alice", "bob")]
    outputs = [writer.communicate(timeout=300)[0] for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0]
    edits = EditLog(tmp_path / "curation.sqlite").edits()
    assert len(edits) == 1000 and len({edit.edit_id for edit in edits}) == 1000
    for name, output in zip(("alice", "bob"), outputs):
        assert sorted(edit.target_id for edit in edits if edit.author == name) == sorted(f"{name}-{n}" for n in range(500))
        assert len(output.split()) == 500


def test_a_writer_killed_mid_loop_loses_no_committed_edit(tmp_path):
    EditLog(tmp_path / "curation.sqlite")
    writer = _writer(tmp_path, "doomed", 100_000)
    committed = []
    while len(committed) < 150:
        committed.append(int(writer.stdout.readline()))
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    committed += [int(line) for line in writer.stdout.read().split()]
    connection = sqlite3.connect(tmp_path / "curation.sqlite")
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    stored = {edit.edit_id for edit in EditLog(tmp_path / "curation.sqlite").edits()}
    assert set(committed) <= stored and writer.returncode == -signal.SIGKILL
    EditLog(tmp_path / "curation.sqlite").append(
        __import__("extract.curation.store", fromlist=["NewEdit"]).NewEdit("label", "event", "after", None, "x"))


# --- re-extraction -------------------------------------------------------------------------------
@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def _extract(folder: Path):
    extraction = extract_corpus(folder)
    return extraction.statements, events_of(extraction.statements)


def test_edits_survive_re_extracting_the_same_corpus(fresh_log, corpus_copy):
    frames = _extract(corpus_copy)
    curated = curate(*frames, [])
    fresh_log.append(fix_date(statement(curated, QATAR_STRIKE), "2023-10-07"))
    fresh_log.append(correct_countries(event_holding(curated, BARBAROSSA_JUNE_22), remove=["United States"]))
    fresh_log.append(hide(curated.events.iloc[0], "duplicate"))
    fresh_log.append(add_event("2023-10-07", "Hamas attacks Israel", source_note="analyst"))
    first = curate(*frames, fresh_log.edits())
    again = curate(*_extract(corpus_copy), fresh_log.edits())
    assert again.orphans.empty and len(again.in_force) == 4
    pd.testing.assert_frame_equal(first.events, again.events)
    pd.testing.assert_frame_equal(first.statements, again.statements)


def test_an_edit_to_a_statement_of_a_changed_article_is_reported_as_orphaned(fresh_log, corpus_copy):
    curated = curate(*_extract(corpus_copy), [])
    date_edit = fresh_log.append(fix_date(statement(curated, OCTOBER_7), "October 2023", note="Hamas attack was 2023"))
    other_edit = fresh_log.append(hide(statement(curated, BARBAROSSA_JUNE_22), "wrong"))
    article = corpus_copy / "002_3d55fe1a66942adb.txt"
    article.write_text("Editor's note: this article was updated.\n\n" + article.read_text(encoding="utf-8"),
                       encoding="utf-8")
    after = curate(*_extract(corpus_copy), fresh_log.edits())
    assert after.orphans["edit_id"].tolist() == [date_edit.edit_id]
    orphan = after.orphans.iloc[0]
    assert "no longer exists" in orphan["reason"]
    content = json.loads(orphan["content"])
    assert content["date_text"] == "October 7" and "Hamas-led October 7" in content["sentence"]
    assert content["new_value"]["value"] == "2023-10" and orphan["note"] == "Hamas attack was 2023"
    assert other_edit.edit_id in after.in_force


def test_a_statement_whose_sentence_changed_in_place_is_orphaned_not_misapplied(fresh_log, corpus_copy):
    curated = curate(*_extract(corpus_copy), [])
    machine_value = statement(curated, OCTOBER_7)["value"]
    fresh_log.append(fix_date(statement(curated, OCTOBER_7), "October 2023"))
    article = corpus_copy / "002_3d55fe1a66942adb.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Hamas-led October 7 attacks", "Hamas-run October 7 attacks"), encoding="utf-8")
    after = curate(*_extract(corpus_copy), fresh_log.edits())
    assert len(after.orphans) == 1 and "the article changed" in after.orphans.iloc[0]["reason"]
    assert statement(after, OCTOBER_7)["value"] == machine_value


# --- command line ----------------------------------------------------------------------------------
def test_the_log_exports_as_csv_with_status_and_backs_up_from_the_command_line(fresh_log, seed_frames, tmp_path):
    from extract.curation.__main__ import main
    edit = fresh_log.append(fix_date(statement(current(fresh_log, seed_frames), QATAR_STRIKE), "2023-10-07", note="why"))
    fresh_log.append(undo(edit, fresh_log.edits()))
    assert main(["--db", str(fresh_log.path), "log", "--csv", str(tmp_path / "log.csv")]) == 0
    table = pd.read_csv(tmp_path / "log.csv")
    assert table["status"].tolist() == ["undo", "undone"]
    assert table["action"].iloc[1] == f"fixed the date of statement {QATAR_STRIKE}: 2025-06-23 → 2023-10-07"
    assert main(["--db", str(fresh_log.path), "backup", str(tmp_path / "copy.sqlite")]) == 0
    assert len(EditLog(tmp_path / "copy.sqlite").edits()) == 2


def test_the_command_line_names_a_missing_database(tmp_path, capsys):
    from extract.curation.__main__ import main
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(tmp_path / "none.sqlite"), "log"])
    assert stopped.value.code == 2 and "none.sqlite" in capsys.readouterr().err


@pytest.mark.parametrize("arguments", [[], ["log"], ["backup"], ["export"]])
def test_every_curation_command_and_option_is_documented_in_the_readme(arguments):
    readme = (REPO / "README.md").read_text()
    result = subprocess.run([sys.executable, "-m", "extract.curation", *arguments, "--help"], cwd=REPO,
                            capture_output=True, text=True)
    options = [word.strip(",[]") for word in result.stdout.split() if word.strip("[").startswith("--")]
    options = [option for option in options if option != "--help"]
    assert result.returncode == 0 and all(option in readme for option in options), options
    assert all(f"extract.curation {command}" in readme for command in ("log", "backup", "export"))


def test_the_command_line_exports_the_frames_with_the_edits_applied(fresh_log, seed_frames, tmp_path):
    from extract.curation.__main__ import main
    statements, events = seed_frames
    data = tmp_path / "data"
    data.mkdir()
    statements.to_parquet(data / "statements.parquet")
    events.to_parquet(data / "events.parquet")
    fresh_log.append(fix_date(statement(current(fresh_log, seed_frames), QATAR_STRIKE), "2023-10-07"))
    fresh_log.append(hide(statement(current(fresh_log, seed_frames), BARBAROSSA_JUNE_22), "wrong"))
    out = tmp_path / "curated"
    assert main(["--db", str(fresh_log.path), "export", "--data", str(data), "--out", str(out)]) == 0
    exported = pd.read_csv(out / "curated_statements.csv").set_index("statement_id")
    assert exported.loc[QATAR_STRIKE, "value"] == "2023-10-07" and exported.loc[QATAR_STRIKE, "machine_value"] == "2025-06-23"
    assert BARBAROSSA_JUNE_22 not in exported.index and len(exported) == len(statements) - 1
    assert len(pd.read_csv(out / "curated_events.csv")) == len(events)
    assert main(["--db", str(fresh_log.path), "export", "--data", str(data), "--out", str(out), "--format", "parquet",
                 "--include-hidden"]) == 0
    assert pd.read_parquet(out / "curated_statements.parquet").set_index("statement_id").loc[BARBAROSSA_JUNE_22, "hidden"]


def test_exporting_without_extracted_frames_is_a_usage_error(tmp_path, capsys):
    from extract.curation.__main__ import main
    assert main(["export", "--data", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "no extracted statements" in capsys.readouterr().err


# --- python -m extract.summarize --curation ------------------------------------------------------------
def test_summarize_with_the_curation_flag_takes_fixed_and_hidden_statements_off_their_day(
        fresh_log, seed_frames, tmp_path, capsys):
    from extract.summarize import main as summarize
    qatar_strike = "000_6b2388c66c13b699:4134-4141"
    fresh_log.append(fix_date(statement(current(fresh_log, seed_frames), qatar_strike), "2025-06-21"))
    for statement_id in (BARBAROSSA_JUNE_22, "000_6b2388c66c13b699:3819-3823"):
        fresh_log.append(hide(statement(current(fresh_log, seed_frames), statement_id), "not news"))
    fresh_log.append(NewEdit("date", "statement", "gone:1-2", {}, {"value": "2020", "grain": "year", "start": "2020-01-01",
                                                                    "end": "2021-01-01"}, {"date_text": "x"}))
    plain, curated = tmp_path / "plain.json", tmp_path / "curated.json"
    assert summarize([str(SEEDS), "--dates", "60", "--sentences", "5", "--json", str(plain)]) == 0
    assert summarize([str(SEEDS), "--dates", "60", "--sentences", "5", "--json", str(curated),
                      "--curation", str(fresh_log.path)]) == 0
    before, after = json.loads(plain.read_text()), json.loads(curated.read_text())
    assert "2025-06-22" in before and "2025-06-22" not in after
    assert any("bases in Qatar" in sentence for sentence in before["2025-06-23"])
    assert not any("bases in Qatar" in sentence for sentence in after.get("2025-06-23", []))
    assert "curation edit 4 (date of gone:1-2) is orphaned" in capsys.readouterr().err


def test_summarize_with_the_curation_flag_always_keeps_the_days_of_starred_events(fresh_log, seed_frames, tmp_path,
                                                                                  capsys):
    from extract.summarize import main as summarize
    plain, curated = tmp_path / "plain.json", tmp_path / "curated.json"
    assert summarize([str(SEEDS), "--dates", "3", "--sentences", "2", "--json", str(plain)]) == 0
    before = json.loads(plain.read_text())
    events = current(fresh_log, seed_frames).events
    quiet_days = events[(events["kind"] == "event") & (events["grain"] == "day")
                        & ~events["start"].dt.strftime("%Y-%m-%d").isin(list(before))]
    quiet = quiet_days.sort_values("salience").iloc[0]               # a day the ranking leaves out
    fresh_log.append(star(quiet))
    year_event = events[(events["kind"] == "event") & (events["grain"] == "year")].iloc[0]
    fresh_log.append(star(year_event))                               # a year cannot be a day of the timeline
    assert summarize([str(SEEDS), "--dates", "3", "--sentences", "2", "--json", str(curated),
                      "--curation", str(fresh_log.path)]) == 0
    after = json.loads(curated.read_text())
    day = quiet["start"].strftime("%Y-%m-%d")
    assert day in after and len(after) == 3 and after[day]
    assert set(after) - {day} <= set(before)                          # the best-ranked other days fill the rest
    sentences = [sentence for day_sentences in after.values() for sentence in day_sentences]
    assert len(sentences) == len(set(sentences))                      # a sentence stands under one day only
    assert f"starred event {year_event['label']!r} is dated" in capsys.readouterr().err


def test_summarize_names_a_missing_curation_database(tmp_path, capsys):
    from extract.summarize import main as summarize
    assert summarize([str(SEEDS), "--dates", "3", "--sentences", "1", "--json", str(tmp_path / "x.json"),
                      "--curation", str(tmp_path / "none.sqlite")]) == 2
    assert "none.sqlite: no curation database" in capsys.readouterr().err


def test_an_event_of_one_statement_follows_that_statements_fixed_date(fresh_log, seed_frames):
    curated = current(fresh_log, seed_frames)
    single = curated.events[(curated.events["statement_ids"].map(len) == 1) & (curated.events["kind"] == "event")
                            & curated.events["start"].notna()].iloc[0]
    statement_id = single["statement_ids"][0]
    fresh_log.append(fix_date(statement(curated, statement_id), "1999"))
    moved = current(fresh_log, seed_frames).events.set_index("event_id").loc[single["event_id"]]
    assert (moved["value"], moved["grain"], moved["machine_value"]) == ("1999", "year", single["value"])
    assert "on its statement" in moved["curation_note"]


def test_an_edited_event_whose_article_was_removed_is_orphaned_naming_the_article(fresh_log, corpus_copy):
    curated = curate(*_extract(corpus_copy), [])
    only_002 = curated.events[curated.events["doc_ids"].map(lambda docs: list(docs) == ["002_3d55fe1a66942adb"])]
    event = only_002.iloc[0]
    label_edit = fresh_log.append(relabel(event, "Analyst's label"))
    star_edit = fresh_log.append(star(curated.events[curated.events["event_id"] != event["event_id"]].iloc[0]))
    (corpus_copy / "002_3d55fe1a66942adb.txt").unlink()
    after = curate(*_extract(corpus_copy), fresh_log.edits())
    assert after.orphans["edit_id"].tolist() == [label_edit.edit_id] and star_edit.edit_id in after.in_force
    assert after.orphans.iloc[0]["reason"] == (f"none of the event's {len(event['statement_ids'])} statement(s) is in "
                                               "the data any more: its article(s) 002_3d55fe1a66942adb changed or "
                                               "were removed")
    assert json.loads(after.orphans.iloc[0]["content"])["new_value"] == "Analyst's label"


def test_an_event_edit_follows_its_evidence_to_an_event_not_to_the_episode_that_also_holds_it(fresh_log):
    from tests.support.event_factory import events_frame, make_event

    before = events_frame([make_event("Israel, the United States and Iran ended their conflict", "2025-06-24",
                                      event_id="ev-aaaaaaaaaaaa", statement_ids=("a:1-2",))])
    fresh_log.append(relabel(before.iloc[0], "Ceasefire takes hold"))
    fresh_log.append(star(before.iloc[0]))
    after = events_frame([   # an added article joined the event (new id); the episode lists every statement of its days
        make_event("Iran–United States–Israel war", "2025-06-13", end="2025-06-25", kind="episode",
                   event_id="ep-bbbbbbbbbbbb", statement_ids=("a:1-2", "a:5-6", "c:1-2")),
        make_event("Israel, the United States and Iran ended their conflict", "2025-06-24", event_id="ev-cccccccccccc",
                   statement_ids=("a:1-2", "b:7-8"), episode_id="ep-bbbbbbbbbbbb")])
    from extract.schema import empty_statements

    curated = curate(empty_statements(), after, fresh_log.edits())
    assert curated.orphans.empty and set(curated.reattached.values()) == {"ev-cccccccccccc"}
    by_id = curated.events.set_index("event_id")
    assert by_id.loc["ev-cccccccccccc", "label"] == "Ceasefire takes hold" and by_id.loc["ev-cccccccccccc", "starred"]
    assert by_id.loc["ep-bbbbbbbbbbbb", "label"] == "Iran–United States–Israel war" and not by_id.loc["ep-bbbbbbbbbbbb",
                                                                                                     "starred"]


@pytest.mark.parametrize("command, said", [
    (["log", "--csv", "{tmp}/missing/dir/edits.csv"], "edits.csv: cannot write the log there (No such file or directory)"),
    (["backup", "{tmp}/notes.txt"], "notes.txt exists and is not a curation database"),
    (["backup", "{db}"], "is the curation database itself; back it up to another file"),
    (["backup", "{tmp}"], "is a folder; give the backup a file name"),
    (["export", "--out", "{tmp}/notes.txt", "--data", "{data}"], "notes.txt: cannot make the output folder there"),
])
def test_the_command_line_names_a_destination_it_cannot_use_and_overwrites_nothing(fresh_log, seed_frames, tmp_path,
                                                                                    seeds_data_dir, capsys, command,
                                                                                    said):
    from extract.curation.__main__ import main

    fresh_log.append(fix_date(statement(current(fresh_log, seed_frames), QATAR_STRIKE), "2023-10-07"))
    (tmp_path / "notes.txt").write_text("the analyst's notes")
    arguments = [part.format(tmp=tmp_path, db=fresh_log.path, data=seeds_data_dir) for part in command]
    assert main(["--db", str(fresh_log.path), *arguments]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: ") and said in error and "Traceback" not in error
    assert (tmp_path / "notes.txt").read_text() == "the analyst's notes" and len(fresh_log.edits()) == 1
