"""The analyst's marks as registry filters (hidden, edited, starred), key events that keep starred ones, events
added by hand on the event chart, and exports of the curated state (`python -m desk.export`)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from desk.filters import FILTERS_BY_FIELD, Filters, apply_event_filters, apply_filters, describe_filters, \
    filters_from_query_params, filters_to_query_params
from desk.story import key_event_mask
from extract.curation import EditLog, add_event, curate, fix_date, hide, star

REPO = Path(__file__).resolve().parent.parent
QATAR_STRIKE = "000_6b2388c66c13b699:4134-4141"
BARBAROSSA_1941 = "000_6b2388c66c13b699:3855-3859"
CURATION_FIELDS = ("curation_hidden", "curation_edited", "curation_starred")


@pytest.fixture
def curated_seeds(tmp_path, seeds_extraction, seeds_data_dir):
    """The seeds with one statement hidden, one date fixed, the least salient event starred, an event added by hand."""
    statements = pd.read_parquet(seeds_data_dir / "statements.parquet")
    events = pd.read_parquet(seeds_data_dir / "events.parquet")
    log = EditLog(tmp_path / "curation.sqlite")
    by_id = curate(statements, events, []).statements.set_index("statement_id", drop=False)
    log.append(hide(by_id.loc[BARBAROSSA_1941], "not news"))
    log.append(fix_date(by_id.loc[QATAR_STRIKE], "2025-06-21"))
    happenings = curate(statements, events, []).events
    happenings = happenings[(happenings["kind"] == "event") & happenings["start"].notna()]
    quiet = happenings.sort_values("salience").iloc[0]
    log.append(star(quiet))
    added = log.append(add_event("7 October 2023", "Hamas attacks Israel", ["Israel"], source_note="Reuters"))
    curated = curate(statements, events, log.edits())
    return curated, quiet["event_id"], added.target_id, log.path


def test_hidden_rows_are_left_out_by_default_and_can_be_reviewed(curated_seeds):
    curated = curated_seeds[0]
    statements = curated.statements
    default = set(apply_filters(statements, Filters(kinds=()))["statement_id"])
    assert BARBAROSSA_1941 not in default and len(default) == len(statements) - 1
    only_hidden = apply_filters(statements, Filters(kinds=(), curation_hidden=("hidden",)))
    assert only_hidden["statement_id"].tolist() == [BARBAROSSA_1941]
    assert len(apply_filters(statements, Filters(kinds=(), curation_hidden=()))) == len(statements)


def test_edited_and_starred_filters_pick_the_curated_rows(curated_seeds):
    curated, starred_id, added_id, _ = curated_seeds
    everything = Filters(kinds=(), curation_hidden=())
    edited = apply_filters(curated.statements, replace(everything, curation_edited=("edited",)))
    assert set(edited["statement_id"]) == {BARBAROSSA_1941, QATAR_STRIKE}
    starred_statements = apply_filters(curated.statements, replace(everything, curation_starred=("starred",)))
    evidence = curated.events.set_index("event_id").loc[starred_id, "statement_ids"]
    assert set(starred_statements["statement_id"]) == set(evidence)
    starred_events = apply_event_filters(curated.events, curated.statements, replace(everything, curation_starred=("starred",)))
    assert starred_events["event_id"].tolist() == [starred_id]
    edited_events = apply_event_filters(curated.events, curated.statements, replace(everything, curation_edited=("edited",)))
    assert {starred_id, added_id} <= set(edited_events["event_id"])


def test_starred_and_hand_added_events_pass_the_evidence_step_and_are_always_key(curated_seeds):
    curated, starred_id, added_id, _ = curated_seeds
    matching = apply_event_filters(curated.events, apply_filters(curated.statements, Filters()), Filters())
    assert added_id in set(matching["event_id"])
    key = matching[key_event_mask(matching, 1)]
    assert {starred_id, added_id} <= set(key["event_id"]) and (key["kind"] == "event").sum() == 3


@pytest.mark.parametrize("field", CURATION_FIELDS)
def test_curation_filters_travel_in_the_link_and_are_described(field):
    definition = FILTERS_BY_FIELD[field]
    chosen = Filters(**{field: definition.example})
    assert filters_from_query_params(filters_to_query_params(chosen)) == (chosen, [])
    assert describe_filters(chosen) != describe_filters(Filters())
    assert definition.applies_to == "both"


def test_the_export_command_writes_the_curated_statements(curated_seeds, seeds_data_dir, tmp_path):
    database = curated_seeds[3]
    data = tmp_path / "data"
    shutil.copytree(seeds_data_dir, data)
    result = subprocess.run([sys.executable, "-m", "desk.export", "--events", str(data / "statements.parquet"),
                             "--curation", str(database), "--view", "statements", "--kind", "event",
                             "--format", "none", "--data", "csv", "--out", str(tmp_path / "out")],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    [csv_file] = list((tmp_path / "out").glob("*.csv"))
    exported = pd.read_csv(csv_file).set_index("statement_id")
    assert BARBAROSSA_1941 not in exported.index
    assert exported.loc[QATAR_STRIKE, "value"] == "2025-06-21"


@pytest.mark.parametrize("data_format", ["csv", "xlsx", "json"])
def test_the_apps_downloads_carry_the_curation_marks_and_the_machines_date(curated_seeds, data_format):
    import io
    import json

    from desk.export.data import data_file

    curated = curated_seeds[0]
    shown = apply_filters(curated.statements, Filters(kinds=(), curation_hidden=("shown", "hidden")))
    payload = data_file(shown, data_format, title="Seeds", description="", lane_by="country")
    if data_format == "csv":
        table = pd.read_csv(io.BytesIO(payload), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    elif data_format == "xlsx":
        table = pd.read_excel(io.BytesIO(payload), sheet_name="statements", dtype=str, keep_default_na=False)
    else:
        table = pd.DataFrame(json.loads(payload)).astype(str)
    rows = table.set_index("statement_id")
    for column in ("curated", "hidden", "hidden_reason", "starred", "machine_value", "machine_grain", "curation_note"):
        assert column in rows.columns, f"{data_format} download lacks {column}"
    assert rows.loc[QATAR_STRIKE, "value"] == "2025-06-21"
    assert rows.loc[QATAR_STRIKE, "machine_value"] == "2025-06-23"
    assert rows.loc[QATAR_STRIKE, "curated"] == "True"
    assert "2025-06-21" in rows.loc[QATAR_STRIKE, "curation_note"]
    assert rows.loc[BARBAROSSA_1941, "hidden"] == "True" and rows.loc[BARBAROSSA_1941, "hidden_reason"] == "not news"


def test_an_edited_date_names_the_machines_date_in_the_hover_of_both_charts(curated_seeds):
    from desk.charts import build_timeline_figure
    from desk.event_chart import build_event_chart
    from desk.story import select_key_events

    curated = curated_seeds[0]
    figure = build_timeline_figure(apply_filters(curated.statements, Filters()), lane_by="country", color_by="source")
    hovers = {identifier: text for trace in figure.data for identifier, text in zip(trace.customdata, trace.hovertext)}
    assert "date fixed by the analyst (machine: 23 Jun 2025)" in hovers[QATAR_STRIKE]
    assert not any("machine:" in text for identifier, text in hovers.items() if identifier != QATAR_STRIKE)
    events = curated.events[(curated.events["kind"] == "event") & curated.events["statement_ids"].map(
        lambda ids: list(ids) == [QATAR_STRIKE])]    # the event of this one statement follows its fixed date
    assert events["value"].tolist() == ["2025-06-21"]
    chart = build_event_chart(select_key_events(events, key=0).shown, window="all")
    [hover] = [text for trace in chart.figure.data for text in trace.hovertext]
    assert "21 Jun 2025" in hover and "date fixed by the analyst (machine: 23 Jun 2025)" in hover
