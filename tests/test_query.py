"""The DuckDB data layer (`desk.query`) gives what the pandas path gives: every registry filter as SQL keeps the same
rows, option lists from aggregate queries equal the frame-walking ones, the curated view patched from the few edited
rows equals `curate` on the whole frame, and Parquet parts read like one file."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from desk.filters import FILTERS, Filters, ValuesFilter, apply_filters, statements_where
from desk.marks import timeline_marks
from desk.query import StatementStore
from desk.story import events_with_evidence_in
from extract.curation import (EditLog, add_event, correct_actors, correct_countries, curate, fix_date, hide,
                              merge_events, relabel, split_statement, star, undo)
from extract.curation.state import curate_patch
from extract.events import build_events

NEUTRAL = Filters(kinds=(), curation_hidden=())  # every statement, hidden or not, of every kind


@pytest.fixture(scope="module")
def extracted(synthetic_frames) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The synthetic statements and the events built from them."""
    statements, documents = synthetic_frames
    return statements, build_events(statements, documents)


def _edits(statements: pd.DataFrame, events: pd.DataFrame, folder: Path) -> list:
    """A log with every kind of edit: dates, hides, lists, labels, stars, a merge, a split, an added event, an
    undo and an orphan (a statement that is not in the data)."""
    log = EditLog(folder / "curation.sqlite")
    rows = curate(statements, events, []).statements.set_index("statement_id", drop=False)
    happenings = curate(statements, events, []).events
    multi = happenings[happenings["statement_ids"].map(len) >= 2].sort_values("event_id")
    by_salience = happenings[happenings["kind"] == "event"].sort_values(["salience", "event_id"])
    placed = rows[rows["start"].notna()]
    log.append(hide(placed.iloc[0], "not news"))
    log.append(fix_date(placed.iloc[1], "2023-10-07"))
    with_country = placed[placed["countries"].map(len) > 0]
    log.append(correct_countries(with_country.iloc[0], remove=[with_country.iloc[0]["countries"][0]], add=["Qatar"]))
    with_actor = placed[placed["actors"].map(len) > 0]
    log.append(correct_actors(with_actor.iloc[0], add=["Emmanuel Macron"]))
    log.append(star(by_salience.iloc[0]))
    log.append(relabel(by_salience.iloc[1], "Analyst's label"))
    log.append(merge_events(multi.iloc[0], multi.iloc[1]))
    log.append(split_statement(multi.iloc[2], multi.iloc[2]["statement_ids"][0]))
    log.append(add_event("7 October 2023", "Hamas attacks Israel", ["Israel"], source_note="Reuters"))
    undone = log.append(hide(placed.iloc[5], "duplicate"))
    log.append(undo(undone, log.edits()))
    ghost = placed.iloc[6].copy()
    ghost["statement_id"] = "nowhere:1-2"
    log.append(hide(ghost, "wrong"))
    return log.edits()


@pytest.fixture(scope="module")
def curated_store(extracted, tmp_path_factory) -> tuple[pd.DataFrame, pd.DataFrame, StatementStore, object]:
    """(curated statements by `curate` on the whole frame, curated events, the store patched from the edited rows only,
    the patch)."""
    statements, events = extracted
    folder = tmp_path_factory.mktemp("query_data")
    statements.to_parquet(folder / "statements.parquet")
    edits = _edits(statements, events, folder)
    whole = curate(statements, events, edits)
    base = StatementStore(folder / "statements.parquet")
    patch = curate_patch(events, edits, base.extracted_rows_with_ids)
    store = StatementStore(folder / "statements.parquet", overlay=patch.statements, events=patch.events)
    return whole.statements, whole.events, store, patch


def _value_in(definition, statements: pd.DataFrame):
    if isinstance(definition, ValuesFilter) and definition.vocabulary is None:
        return (definition.known_values(statements)[0],)
    return definition.example


def _ids(frame: pd.DataFrame) -> list[str]:
    return sorted(frame["statement_id"].astype(str))


@pytest.mark.parametrize("definition", FILTERS, ids=lambda definition: definition.field)
def test_every_registry_filter_keeps_the_same_statements_in_sql_as_in_pandas(definition, curated_store):
    statements, _events, store, _patch = curated_store
    value = _value_in(definition, statements)
    chosen = replace(NEUTRAL, **{definition.field: value})
    if definition.applies_to == "events":
        assert statements_where(chosen) == statements_where(NEUTRAL), "an event-only filter must not touch statements"
        return
    expected = _ids(apply_filters(statements, chosen))
    assert 0 < len(expected) < len(statements), f"the example of {definition.field} should keep some rows, not all"
    assert _ids(store.rows(chosen, ["statement_id"])) == expected


@pytest.mark.parametrize("filters", [
    Filters(),
    Filters(countries=("Iran", "Israel"), date_from=date(2025, 6, 13), date_to=date(2025, 6, 24)),
    Filters(text="air DEFENCE", kinds=("event", "reference"), grains=("day", "month")),
    Filters(sources=("syn_002",), actors=("Vladimir Putin",), curation_hidden=("hidden",)),
    Filters(mentioned_countries=("Germany",), curation_edited=("unedited",), curation_starred=("starred",)),
], ids=["defaults", "countries-and-dates", "text-kinds-grains", "source-actor-hidden", "mention-unedited-starred"])
def test_combined_filters_in_sql_equal_apply_filters(filters, curated_store):
    statements, _events, store, _patch = curated_store
    assert _ids(store.rows(filters, ["statement_id"])) == _ids(apply_filters(statements, filters))
    counts = store.counts(filters)
    shown = apply_filters(statements, filters)
    assert counts == {"all": len(statements), "shown": len(shown), "placeable": int(shown["start"].notna().sum())}


def test_option_lists_from_aggregate_queries_equal_the_frame_walking_ones(curated_store):
    statements, _events, store, _patch = curated_store
    options = store.options()
    for definition in FILTERS:
        if isinstance(definition, ValuesFilter):
            assert options[definition.field] == definition.known_values(statements), definition.field
    assert "Qatar" in options["countries"]  # an analyst's correction is an option too


def test_curated_view_patched_from_the_edited_rows_equals_curate_on_the_whole_frame(curated_store):
    statements, events, store, patch = curated_store
    assert 0 < len(patch.statements) < len(statements) / 3
    from_store = store.rows(NEUTRAL).set_index("statement_id").sort_index()
    whole = statements.set_index("statement_id").sort_index()[from_store.columns]
    pd.testing.assert_frame_equal(from_store, whole, check_dtype=False, check_index_type=False)
    pd.testing.assert_frame_equal(patch.events, events)
    assert patch.orphans["target_id"].tolist() == ["nowhere:1-2"]


def test_rows_are_fetched_by_id_and_by_document(curated_store):
    statements, _events, store, _patch = curated_store
    wanted = statements["statement_id"].iloc[[3, 10, 42]].tolist()
    assert _ids(store.rows_with_ids(wanted, ["statement_id"])) == sorted(wanted)
    doc_id = statements["doc_id"].iloc[0]
    assert _ids(store.rows_of_document(doc_id, ["statement_id"])) == _ids(statements[statements["doc_id"] == doc_id])
    assert store.has_statement(wanted[0]) and not store.has_statement("nowhere:1-2")


@pytest.mark.parametrize("filters", [Filters(), Filters(countries=("Iran",)), Filters(text="no such words")],
                         ids=["defaults", "Iran", "nothing"])
def test_events_with_evidence_among_the_filtered_statements_equal_the_pandas_ones(filters, curated_store):
    statements, events, store, _patch = curated_store
    expected = set(events_with_evidence_in(events, apply_filters(statements, filters))["event_id"])
    assert store.event_ids_with_evidence(filters) == expected


@pytest.mark.parametrize("lane_by", ["country", "actor", "source"])
def test_period_counts_add_up_to_the_marks_the_chart_would_draw(lane_by, curated_store):
    statements, _events, store, _patch = curated_store
    marks, _lanes, _sampled = timeline_marks(apply_filters(statements, Filters()), lane_by=lane_by, color_by="kind",
                                             max_marks=10**9, labels={})
    for period in ("day", "month", "year"):
        assert int(store.period_counts(Filters(), lane_by, period)["statements"].sum()) == len(marks)


def test_a_folder_of_parquet_parts_reads_like_one_file(synthetic_frames, tmp_path):
    statements, _documents = synthetic_frames
    parts = tmp_path / "statements"
    parts.mkdir()
    for number, start in enumerate(range(0, len(statements), 100)):
        statements.iloc[start:start + 100].to_parquet(parts / f"part-{number:03d}.parquet")
    statements.to_parquet(tmp_path / "one.parquet")
    from_parts, from_file = StatementStore(parts), StatementStore(tmp_path / "one.parquet")
    assert from_parts.total() == from_file.total() == len(statements)
    assert _ids(from_parts.rows(Filters(countries=("Iran",)), ["statement_id"])) == \
        _ids(from_file.rows(Filters(countries=("Iran",)), ["statement_id"]))
    assert StatementStore(str(parts / "part-00*.parquet")).total() == len(statements)


def test_statements_without_a_schema_column_are_refused_by_name(synthetic_frames, tmp_path):
    from extract.schema import SchemaError

    statements, _documents = synthetic_frames
    statements.drop(columns=["grain"]).to_parquet(tmp_path / "statements.parquet")
    with pytest.raises(SchemaError, match="grain"):
        StatementStore(tmp_path / "statements.parquet")


def test_the_dashboard_queries_the_statements_parts_of_an_output_set(synthetic_frames, tmp_path):
    from desk.loading import open_run
    from extract.output_set import write_output_set

    statements, documents = synthetic_frames
    write_output_set(tmp_path, {"statements.parquet": statements, "documents.parquet": documents},
                     datasets={"statements": [statements.iloc[:120], statements.iloc[120:]]})
    run = open_run(tmp_path / "statements.parquet")
    assert run.statements.is_dir() and run.statements.name == "statements"
    store = StatementStore(run.statements)
    assert store.total() == len(statements)
    assert _ids(store.rows(Filters(countries=("Iran",)), ["statement_id"])) == \
        _ids(apply_filters(statements, Filters(countries=("Iran",))))


@pytest.mark.parametrize("filters", [Filters(), Filters(countries=("Iran",)), Filters(text="no such words")],
                         ids=["defaults", "Iran", "nothing"])
def test_actor_tables_in_one_query_equal_the_pandas_ones(filters, curated_store):
    from desk.actor_charts import (actor_cooccurrence, actor_mentions, actor_year_counts, actor_year_matrix,
                                   cooccurrence_matrix)

    statements, _events, store, _patch = curated_store
    shown = apply_filters(statements, filters)
    mentions, years, pairs = store.actor_tables(filters)
    pd.testing.assert_frame_equal(mentions, actor_mentions(shown).astype({"actor": "string"}), check_dtype=False)
    pd.testing.assert_frame_equal(actor_year_matrix(years), actor_year_counts(shown), check_dtype=False,
                                  check_column_type=False)  # years: int64 from SQL, int32 from pandas
    pd.testing.assert_frame_equal(cooccurrence_matrix(pairs), actor_cooccurrence(shown))
    for one, separate in zip((mentions, years, pairs), (store.actor_mentions(filters), store.actor_years(filters),
                                                        store.actor_pairs(filters))):
        pd.testing.assert_frame_equal(one, separate.reset_index(drop=True), check_dtype=False)
