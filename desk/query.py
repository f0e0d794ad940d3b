"""The desk's data layer: DuckDB over the statements Parquet, the filters as SQL, pandas only for what is drawn.

Pure (no Streamlit). A `StatementStore` reads the statements of one extraction run where they lie (one
Parquet file, a folder of Parquet parts, or a glob) without loading them into memory; every query
scans them with the filters pushed down. The analyst's edits are few: the curated rows
(`extract.curation.state.curate_patch`) are kept in a small table that replaces their extracted
rows, so the `statements` view always reads as the curated frame (`extract.schema.CURATION_COLUMNS`
included). The events' evidence (event id, statement id) is a table too, so "events with evidence
among the filtered statements" is one join.

The filters come from the registry (`desk.filters.statements_where`); list columns are DuckDB lists.

>>> parquet_source("/data/parts/*.parquet")
"'/data/parts/*.parquet'"
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from desk.filters import FILTERS, Filters, SqlCondition, ValuesFilter, quoted, statements_where
from desk.labels import source_labels
from desk.loading import DataProblem, RunFiles, documents_from_statements, rebuild_command
from desk.marks import LANE_CHOICES, NO_LANE_LABEL
from extract.curation.state import Curated, curate_patch
from extract.curation.store import Edit
from extract.schema import CURATION_COLUMNS, DATE_DTYPE, STATEMENT_COLUMNS, SchemaError, empty_events

STATEMENTS_VIEW = "statements"
LIST_COLUMNS = tuple(name for name, dtype in STATEMENT_COLUMNS.items() if dtype == "object")
PERIODS = ("day", "week", "month", "year")
_SQL_TYPES = {"string": "VARCHAR", "int64": "BIGINT", DATE_DTYPE: "TIMESTAMP", "object": "VARCHAR[]", "bool": "BOOLEAN"}
# What a row nobody edited holds in the curation columns (as `extract.curation.state` gives it).
_UNEDITED = {"origin": "'extracted'", "curated": "false", "hidden": "false", "hidden_reason": "''", "starred": "false",
             "machine_value": '"value"', "machine_grain": '"grain"', "machine_start": '"start"', "machine_end": '"end"',
             "machine_label": "''", "curation_note": "''"}
VIEW_COLUMNS = tuple(STATEMENT_COLUMNS) + tuple(CURATION_COLUMNS)


def parquet_source(location: Path | str) -> str:
    """The SQL string literal `read_parquet` takes for a statements file, a folder of Parquet parts, or a glob."""
    text = str(location)
    if not any(character in text for character in "*?[") and Path(text).is_dir():
        text = str(Path(text) / "**" / "*.parquet")
    return "'" + text.replace("'", "''") + "'"


def _column_types(columns: dict[str, str]) -> str:
    return ", ".join(f"CAST({quoted(name)} AS {_SQL_TYPES[dtype]}) AS {quoted(name)}" for name, dtype in columns.items())


def _id_in(statement_ids) -> str:
    """`statement_id IN (?, ?, ...)`, one parameter per id (FALSE for none): DuckDB answers it from a hash table."""
    return f"statement_id IN ({', '.join('?' for _ in statement_ids)})" if len(statement_ids) else "FALSE"


def as_schema_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A query result with the schema's pandas types (strings, `datetime64[s]` dates, lists as Python lists).

    >>> import numpy as np
    >>> as_schema_frame(pd.DataFrame({"countries": [np.array(["Iran"])], "kind": ["event"]}))["countries"].tolist()
    [['Iran']]
    """
    typed = frame.copy()
    dtypes = {**STATEMENT_COLUMNS, **CURATION_COLUMNS}
    for name in typed.columns:
        dtype = dtypes.get(name)
        if dtype == "object":
            typed[name] = [[] if names is None else names.tolist() if hasattr(names, "tolist") else list(names)
                           for names in typed[name]]
        elif dtype is not None:
            typed[name] = typed[name].astype(dtype)
    return typed


class UnreadableStatements(Exception):
    """The statements cannot be read as Parquet at all (missing, truncated, not Parquet); the message says why."""


class StatementStore:
    """The statements of one extraction run (curated), queried in DuckDB; thread-safe (a cursor per query)."""

    def __init__(self, location: Path | str, *, overlay: pd.DataFrame | None = None,
                 events: pd.DataFrame | None = None) -> None:
        """Open the statements at `location`; `overlay`: curated rows replacing theirs; `events`: for their evidence."""
        self.location = str(location)
        self._total: int | None = None
        self._connection = duckdb.connect()
        self._lock = threading.Lock()
        source = f"read_parquet({parquet_source(location)})"
        try:
            found = {row[0] for row in self._connection.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
        except duckdb.Error as error:
            raise UnreadableStatements(f"{type(error).__name__}: {error}") from error
        columns = dict(STATEMENT_COLUMNS)
        renamed = {}
        if "country_mentions" not in found and "countries" in found:  # files written before mentions existed
            renamed["country_mentions"] = "countries"
        missing = [name for name in columns if name not in found and name not in renamed]
        if missing:
            raise SchemaError(f"statements lack the column(s) {', '.join(missing)}")
        base = ", ".join(f"CAST({quoted(renamed.get(name, name))} AS {_SQL_TYPES[dtype]}) AS {quoted(name)}"
                         for name, dtype in columns.items())
        unedited = ", ".join(f"{_UNEDITED[name]} AS {quoted(name)}" for name in CURATION_COLUMNS)
        extracted = f"SELECT {base} FROM {source}"
        self._connection.execute(f"CREATE VIEW extracted AS {extracted}")
        self.edited_rows = 0 if overlay is None else len(overlay)
        if self.edited_rows:
            self._connection.register("overlay_frame", overlay[list(VIEW_COLUMNS)])
            typed = _column_types({**STATEMENT_COLUMNS, **CURATION_COLUMNS})
            self._connection.execute(f"CREATE TABLE overlay AS SELECT {typed} FROM overlay_frame")
            self._connection.unregister("overlay_frame")
            self._connection.execute(
                f"CREATE VIEW {STATEMENTS_VIEW} AS SELECT *, {unedited} FROM extracted "
                f"WHERE statement_id NOT IN (SELECT statement_id FROM overlay) UNION ALL SELECT * FROM overlay")
        else:
            self._connection.execute(f"CREATE VIEW {STATEMENTS_VIEW} AS SELECT *, {unedited} FROM extracted")
        evidence = pd.DataFrame({"event_id": pd.Series(dtype="string"), "statement_ids": pd.Series(dtype=object)})
        if events is not None and len(events):
            evidence = events[["event_id", "statement_ids"]].astype({"event_id": str})
        self._connection.register("events_frame", evidence)
        self._connection.execute("CREATE TABLE evidence AS SELECT CAST(event_id AS VARCHAR) AS event_id, "
                                 "CAST(unnest(statement_ids) AS VARCHAR) AS statement_id FROM events_frame")
        self._connection.unregister("events_frame")

    def _frame(self, sql: str, params: tuple | list = ()) -> pd.DataFrame:
        with self._lock:
            cursor = self._connection.cursor()
        try:
            return cursor.execute(sql, list(params)).df()
        finally:
            cursor.close()

    def _scalar(self, sql: str, params: tuple | list = ()):
        with self._lock:
            cursor = self._connection.cursor()
        try:
            return cursor.execute(sql, list(params)).fetchone()[0]
        finally:
            cursor.close()

    def count(self, filters: Filters | None = None) -> int:
        """How many statements the filters keep (all of them without filters)."""
        where = statements_where(filters) if filters is not None else SqlCondition("TRUE")
        return int(self._scalar(f"SELECT count(*) FROM {STATEMENTS_VIEW} WHERE {where.sql}", where.params))

    def total(self) -> int:
        """How many statements the data holds (counted once)."""
        if self._total is None:
            self._total = int(self._scalar(f"SELECT count(*) FROM {STATEMENTS_VIEW}"))
        return self._total

    def counts(self, filters: Filters) -> dict[str, int]:
        """{"all": every statement, "shown": kept by the filters, "placeable": kept and with a resolved date}."""
        where = statements_where(filters)
        row = self._frame(f"SELECT count(*) AS shown, count(start) AS placeable FROM {STATEMENTS_VIEW} "
                          f"WHERE {where.sql}", where.params).iloc[0]
        return {"all": self.total(), "shown": int(row["shown"]), "placeable": int(row["placeable"])}

    def rows(self, filters: Filters, columns: list[str] | tuple[str, ...] = VIEW_COLUMNS, *,
             limit: int | None = None, placed_only: bool = False,
             statement_ids: list[str] | tuple[str, ...] | set[str] | None = None) -> pd.DataFrame:
        """The statements the filters keep (and, given `statement_ids`, only those among them), only `columns`,
        ordered by date then id; at most `limit` rows."""
        where = statements_where(filters)
        placed = " AND start IS NOT NULL" if placed_only else ""
        params = list(where.params)
        if statement_ids is not None:
            placed += f" AND {_id_in(statement_ids)}"
            params += sorted(map(str, statement_ids))
        cap = f" LIMIT {int(limit)}" if limit is not None else ""
        selected = ", ".join(quoted(name) for name in columns)
        return as_schema_frame(self._frame(f"SELECT {selected} FROM {STATEMENTS_VIEW} WHERE ({where.sql}){placed} "
                                           f"ORDER BY start NULLS LAST, statement_id{cap}", params))

    def rows_with_ids(self, statement_ids: list[str] | tuple[str, ...] | set[str],
                      columns: list[str] | tuple[str, ...] = VIEW_COLUMNS) -> pd.DataFrame:
        """The statements with these ids (any filter aside), e.g. the evidence of the events drawn or a clicked mark."""
        selected = ", ".join(quoted(name) for name in columns)
        return as_schema_frame(self._frame(f"SELECT {selected} FROM {STATEMENTS_VIEW} WHERE {_id_in(statement_ids)} "
                                           "ORDER BY statement_id", sorted(map(str, statement_ids))))

    def extracted_rows_with_ids(self, statement_ids: set[str] | list[str]) -> pd.DataFrame:
        """The statements with these ids as extracted (no edit applied): what `curate_patch` curates."""
        columns = ", ".join(quoted(name) for name in STATEMENT_COLUMNS)
        return as_schema_frame(self._frame(f"SELECT {columns} FROM extracted WHERE {_id_in(statement_ids)} "
                                           "ORDER BY statement_id", sorted(map(str, statement_ids))))

    def rows_of_document(self, doc_id: str, columns: list[str] | tuple[str, ...] = VIEW_COLUMNS) -> pd.DataFrame:
        """Every statement of one article (any filter aside), in text order."""
        selected = ", ".join(quoted(name) for name in columns)
        return as_schema_frame(self._frame(f"SELECT {selected} FROM {STATEMENTS_VIEW} WHERE doc_id = ? "
                                           "ORDER BY date_start_char, statement_id", [doc_id]))

    def known_values(self, definition: ValuesFilter, filters: Filters | None = None) -> list[str]:
        """The values one may choose for a filter (those of the statements `filters` keep, when given), from one
        aggregate query; the vocabulary when it has one (`ValuesFilter.known_values`)."""
        if definition.vocabulary is not None:
            return list(definition.vocabulary)
        where = statements_where(filters) if filters is not None else SqlCondition("TRUE")
        column = quoted(definition.column)
        values = (f"SELECT DISTINCT unnest({column}) AS value FROM {STATEMENTS_VIEW} WHERE {where.sql}"
                  if definition.is_list_column
                  else f"SELECT DISTINCT {column} AS value FROM {STATEMENTS_VIEW} WHERE {where.sql}")
        found = self._frame(f"SELECT CAST(value AS VARCHAR) AS value FROM ({values}) WHERE value IS NOT NULL",
                            where.params)
        return sorted(found["value"].tolist())

    def options(self) -> dict[str, list[str]]:
        """Every values filter's choices, by field (what the sidebar offers and links are checked against)."""
        return {definition.field: self.known_values(definition) for definition in FILTERS
                if isinstance(definition, ValuesFilter)}

    def sources(self, filters: Filters | None = None) -> pd.DataFrame:
        """One row per doc_id (of the statements `filters` keep, when given): outlet, title, published,
        reference_date_basis (what sources are named from)."""
        where = statements_where(filters) if filters is not None else SqlCondition("TRUE")
        sources = self._frame(f"SELECT doc_id, any_value(outlet) AS outlet, any_value(title) AS title, "
                              f"any_value(published) AS published, any_value(reference_date_basis) AS reference_date_basis "
                              f"FROM {STATEMENTS_VIEW} WHERE {where.sql} GROUP BY doc_id ORDER BY doc_id", where.params)
        return as_schema_frame(sources)

    def event_ids_with_evidence(self, filters: Filters) -> set[str]:
        """The events with at least one of the filtered statements among their evidence (`events_with_evidence_in`)."""
        where = statements_where(filters)
        found = self._frame(f"SELECT DISTINCT evidence.event_id FROM evidence JOIN (SELECT statement_id FROM "
                            f"{STATEMENTS_VIEW} WHERE {where.sql}) AS kept USING (statement_id)", where.params)
        return set(found["event_id"].astype(str))

    def _lanes_sql(self, lane_by: str) -> str:
        if lane_by not in LANE_CHOICES:
            raise ValueError(f"lane_by must be one of {', '.join(LANE_CHOICES)}, not {lane_by!r}")
        if lane_by == "source":
            return "[doc_id]"
        column = "countries" if lane_by == "country" else "actors"
        return f"CASE WHEN len({column}) = 0 THEN ['{NO_LANE_LABEL[lane_by]}'] ELSE {column} END"

    def period_counts(self, filters: Filters, lane_by: str, period: str) -> pd.DataFrame:
        """Placeable statements per lane and `period` (day, week, month, year) their date starts in: lane, period, statements.

        A statement counts once in each of its lanes, as the statements chart draws it: the sum is the number of
        marks that chart would draw. For lanes by source the lane is the doc_id (the chart names it).
        """
        if period not in PERIODS:
            raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
        where = statements_where(filters)
        counts = self._frame(
            f"SELECT lane, date_trunc('{period}', start) AS period, count(*) AS statements FROM "
            f"(SELECT unnest({self._lanes_sql(lane_by)}) AS lane, start FROM {STATEMENTS_VIEW} "
            f"WHERE ({where.sql}) AND start IS NOT NULL) GROUP BY lane, period ORDER BY lane, period", where.params)
        return counts.astype({"lane": "string", "period": DATE_DTYPE, "statements": "int64"})

    def kind_counts_by_document(self, filters: Filters | None = None) -> pd.DataFrame:
        """Statements per doc_id and kind (the filtered ones when `filters` is given): doc_id, kind, statements."""
        where = statements_where(filters) if filters is not None else SqlCondition("TRUE")
        return self._frame(f"SELECT doc_id, kind, count(*) AS statements FROM {STATEMENTS_VIEW} WHERE {where.sql} "
                           "GROUP BY doc_id, kind ORDER BY doc_id, kind", where.params)

    def _actor_sentences(self, filters: Filters) -> tuple[str, tuple]:
        """SQL of one row per sentence naming an actor among the filtered statements: its actors (of its first
        statement) and earliest start (`desk.actor_charts` counts a mention once per sentence)."""
        where = statements_where(filters)
        return (f"SELECT doc_id, sentence_start, arg_min(actors, date_start_char) AS actors, min(start) AS start "
                f"FROM {STATEMENTS_VIEW} WHERE ({where.sql}) AND len(actors) > 0 GROUP BY doc_id, sentence_start",
                where.params)

    def actor_mentions(self, filters: Filters) -> pd.DataFrame:
        """`desk.actor_charts.actor_mentions` of the filtered statements, by one aggregate query."""
        sentences, params = self._actor_sentences(filters)
        table = self._frame(f"SELECT actor, count(*) AS mentions, min(start) AS first_seen, max(start) AS last_seen "
                            f"FROM (SELECT unnest(actors) AS actor, start FROM ({sentences})) GROUP BY actor "
                            "ORDER BY mentions DESC, actor", params)
        return table.astype({"actor": "string", "mentions": "int64", "first_seen": DATE_DTYPE, "last_seen": DATE_DTYPE})

    def actor_years(self, filters: Filters) -> pd.DataFrame:
        """Sentences per actor and year of their earliest resolved date: actor, year, sentences."""
        sentences, params = self._actor_sentences(filters)
        return self._frame(f"SELECT actor, year(start) AS year, count(*) AS sentences FROM (SELECT unnest(actors) AS "
                           f"actor, start FROM ({sentences}) WHERE start IS NOT NULL) GROUP BY actor, year "
                           "ORDER BY actor, year", params)

    def actor_pairs(self, filters: Filters) -> pd.DataFrame:
        """Sentences naming both actors of a pair (first < second by name): first, second, sentences."""
        sentences, params = self._actor_sentences(filters)
        return self._frame(
            f"WITH named AS (SELECT row_number() OVER () AS sentence, unnest(list_distinct(actors)) AS actor "
            f"FROM ({sentences})) SELECT one.actor AS first, other.actor AS second, count(*) AS sentences FROM named "
            "AS one JOIN named AS other ON one.sentence = other.sentence AND one.actor < other.actor "
            "GROUP BY first, second ORDER BY first, second", params)

    def actor_tables(self, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """(`actor_mentions`, `actor_years`, `actor_pairs`) of the filtered statements by ONE query: the sentences
        naming an actor are grouped once, not three times (what the Actors page draws)."""
        sentences, params = self._actor_sentences(filters)
        long = self._frame(
            f"WITH sentences AS MATERIALIZED ({sentences}), "
            "mentioned AS MATERIALIZED (SELECT sentence, unnest(actors) AS actor, start FROM "
            "(SELECT row_number() OVER () AS sentence, actors, start FROM sentences)), "
            "named AS (SELECT DISTINCT sentence, actor FROM mentioned) "
            "SELECT 'mentions' AS part, actor AS first, NULL::VARCHAR AS second, NULL::BIGINT AS year, count(*) AS n, "
            "min(start) AS first_seen, max(start) AS last_seen FROM mentioned GROUP BY actor "
            "UNION ALL SELECT 'years', actor, NULL, year(start), count(*), NULL, NULL FROM mentioned "
            "WHERE start IS NOT NULL GROUP BY actor, year(start) "
            "UNION ALL SELECT 'pairs', one.actor, other.actor, NULL, count(*), NULL, NULL FROM named AS one JOIN named "
            "AS other ON one.sentence = other.sentence AND one.actor < other.actor GROUP BY one.actor, other.actor",
            params)
        part = long["part"]
        mentions = (long[part == "mentions"].rename(columns={"first": "actor", "n": "mentions"})
                    .sort_values(["mentions", "actor"], ascending=[False, True], kind="stable")
                    [["actor", "mentions", "first_seen", "last_seen"]].reset_index(drop=True)
                    .astype({"actor": "string", "mentions": "int64", "first_seen": DATE_DTYPE, "last_seen": DATE_DTYPE}))
        years = (long[part == "years"].rename(columns={"first": "actor", "n": "sentences"})
                 .sort_values(["actor", "year"], kind="stable")[["actor", "year", "sentences"]].reset_index(drop=True)
                 .astype({"actor": object, "year": "int64", "sentences": "int64"}))
        pairs = (long[part == "pairs"].rename(columns={"n": "sentences"})
                 .sort_values(["first", "second"], kind="stable")[["first", "second", "sentences"]]
                 .reset_index(drop=True).astype({"first": object, "second": object, "sentences": "int64"}))
        return mentions, years, pairs

    def matches(self, filters: Filters, statement_id: str) -> bool:
        """Whether the filters keep this statement."""
        where = statements_where(filters)
        return bool(self._scalar(f"SELECT count(*) FROM {STATEMENTS_VIEW} WHERE statement_id = ? AND ({where.sql})",
                                 (statement_id,) + where.params))

    def has_statement(self, statement_id: str) -> bool:
        """Whether the data holds this statement."""
        return bool(self._scalar(f"SELECT count(*) FROM {STATEMENTS_VIEW} WHERE statement_id = ?", [statement_id]))


@dataclass(frozen=True)
class DeskView:
    """What every page reads: the curated statements (a store), the curated events, the documents, the sources'
    labels and the filters' options, of one extraction run under one version of the edit log (`key`)."""
    store: StatementStore
    events: pd.DataFrame
    events_problem: str
    documents: pd.DataFrame
    documents_problem: str
    curated: Curated               # the curation of the edited rows only (`curate_patch`): orphans, edits in force
    labels: dict[str, str]
    options: dict[str, list[str]]
    key: tuple = ()


def open_desk_view(run: RunFiles, edits: list[Edit], key: tuple = ()) -> DeskView:
    """The curated view of `run` under `edits`: the edited rows curated and laid over the Parquet statements.

    Raises DataProblem (naming the file, what is wrong and the command that recreates it) when the statements
    cannot be read or do not match the schema.
    """
    named = run.statements_file or run.statements
    try:
        extracted = StatementStore(run.statements)
    except UnreadableStatements as error:
        raise DataProblem(f"The statements file {named} cannot be read as parquet ({error}). "
                          f"Recreate it with: {rebuild_command(named)}") from error
    except SchemaError as error:
        raise DataProblem(f"The statements file {named} does not match the schema ({error}). "
                          f"Recreate it with: {rebuild_command(named)}") from error
    events = run.events if run.events is not None else empty_events()
    curated = curate_patch(events, edits, extracted.extracted_rows_with_ids)
    store = StatementStore(run.statements, overlay=curated.statements, events=curated.events)
    sources = store.sources()
    documents = run.documents if run.documents is not None else documents_from_statements(sources)
    return DeskView(store, curated.events, run.events_problem, documents, run.documents_problem, curated,
                    source_labels(sources), store.options(), key)
