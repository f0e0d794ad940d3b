"""The filters shared by every page and by `python -m desk.export`: ONE registry, `FILTERS`, that every surface loops over.

Pure (no streamlit). Within one filter the chosen values are alternatives (Iran OR Israel);
different filters combine (country AND kind AND dates). An empty value means "no restriction".

Each entry of `FILTERS` (datasette's `filters.py` is the model) says everything about one filter:
its `Filters` field, sidebar label and widget, URL key, CLI flag, statement column and predicate,
known values, human description, file-name part and an example value (the registry tests use it).
The sidebar (`desk.ui.sidebar`), the URL sync and reset, the CLI's flags, query parsing and
`--per` loops, `describe_filters` and `filename_for_filters` all loop over `FILTERS`.

To add a filter: add one entry to `FILTERS` (a `ValuesFilter`, `DayFilter` or `TextFilter`, or a new
subclass with its own widget kind, drawn by `desk.ui.sidebar.WIDGETS`), add its test, and name its
URL key and CLI flag in the README; `tests/test_filter_registry.py` checks every entry reaches the
sidebar, the URL round trip, `--help` and the README.

>>> filters_from_query_params({"country": ["Iran"], "kind": "event"})[0].countries
('Iran',)
>>> [definition.url_key for definition in FILTERS]
['country', 'mention', 'actor', 'source', 'from', 'to', 'grain', 'kind', 'q', 'key', 'hidden', 'edited', 'starred']
"""
from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field, make_dataclass, replace
from datetime import date, datetime, time
from typing import Any

import numpy as np
import pandas as pd

from desk.labels import day_label, source_labels
from desk.literal import listed, shortened
from desk.story import (DEFAULT_KEY_EVENTS, KEY_EVENT_CHOICES, KeyEvents, events_with_evidence_in, key_event_mask,
                        select_key_events)
from extract.schema import EARLIEST_DATE, GRAINS, KINDS, LATEST_DATE, STATEMENT_COLUMNS

ALL_KINDS_TOKEN = "all"
# Query params that belong to pages (view choices, selections), not to the filters.
PAGE_PARAM_KEYS = ("lane", "color", "camera", "statement", "doc", "view", "window", "event_lane", "event")
EARLIEST_DAY, LATEST_DAY = EARLIEST_DATE, LATEST_DATE  # the days a date filter accepts: the schema's calendar
FILE_NAME_CHARS = 120

Labels = dict[str, str]  # doc_id -> readable source label (desk.labels.source_labels)


@dataclass(frozen=True)
class SqlCondition:
    """A SQL boolean expression over the statements view (`desk.query`) with its `?` parameters, in order.

    >>> SqlCondition('"kind" IN (?)', ("event",)).sql
    '"kind" IN (?)'
    """
    sql: str
    params: tuple = ()


def quoted(column: str) -> str:
    """A column name as a SQL identifier (`end` is a keyword).

    >>> quoted("end")
    '"end"'
    """
    return '"' + column.replace('"', '""') + '"'


def _values(raw: object) -> list[str]:
    """URL or CLI values as a list of non-empty stripped strings."""
    if raw is None:
        return []
    listed = [raw] if isinstance(raw, str) else list(raw)
    return [value.strip() for value in listed if isinstance(value, str) and value.strip()]


@dataclass(frozen=True)
class FilterDefinition:
    """One filter, for every surface. Subclasses say how its value is read, written, applied and described."""

    field: str                 # attribute of Filters
    label: str                 # sidebar label
    url_key: str               # key in the dashboard's link
    cli_flag: str              # option of python -m desk.export
    cli_help: str
    example: Any               # a non-default value: the registry tests send it through every surface
    widget: str = "multiselect"  # which sidebar widget draws it (desk.ui.sidebar.WIDGETS)
    default: Any = None
    placeholder: str = ""
    help: str | None = None
    widget_row: str = ""       # consecutive entries with the same row are drawn side by side
    applies_to: str = "statements"  # "statements" (apply_filters), "events" (apply_event_filters) or "both"

    @property
    def annotation(self) -> type:
        return object

    def is_set(self, value: Any) -> bool:
        """Whether `value` restricts anything."""
        return bool(value)

    def keep(self, statements: pd.DataFrame, value: Any) -> pd.Series:
        """Boolean mask of the statements this filter keeps (only called when `is_set`)."""
        raise NotImplementedError

    def sql(self, value: Any) -> SqlCondition:
        """The same choice as `keep`, as SQL over the statements view of `desk.query` (only called when `is_set`)."""
        raise NotImplementedError(f"the filter {self.field!r} has no SQL form: give its class a sql() method")

    def to_url(self, value: Any) -> str | list[str] | None:
        """The link's form of `value`; None when it is the default (the link omits it)."""
        raise NotImplementedError

    def from_url(self, raw: list[str], warnings: list[str]) -> Any:
        """The value a link carries (`raw` = its values for `url_key`), appending a warning for anything ignored."""
        raise NotImplementedError

    def last_given(self, raw: list[str], warnings: list[str]) -> str:
        """The one value a single-valued setting takes from the link: the last, with a warning when it gives others."""
        if len(set(raw)) > 1:
            warnings.append(f"The link gives '{self.url_key}' {len(raw)} times ({listed(raw)}): used the last, "
                            f"'{shortened(raw[-1])}'")
        return raw[-1]

    def add_cli_argument(self, parser: argparse.ArgumentParser) -> None:
        """Add `cli_flag` to the export command."""
        raise NotImplementedError

    def from_cli(self, given: Any) -> Any:
        """The value of the parsed flag, or None when the flag was not given."""
        raise NotImplementedError

    def describe(self, filters: Any, labels: Labels) -> str | None:
        """This filter's part of the one-line description, or None when it adds nothing."""
        raise NotImplementedError

    def file_name_parts(self, value: Any) -> list[str]:
        """Pieces of the export's file name."""
        return []

    def keep_events(self, events: pd.DataFrame, value: Any) -> pd.Series:
        """Boolean mask of the events this filter keeps (entries with applies_to="events"; only called when `is_set`)."""
        raise NotImplementedError

    def to_widget(self, value: Any) -> Any:
        """The widget state for `value` (lists for multiselects)."""
        return value

    def from_widget(self, state: Any) -> Any:
        """The value from the widget state."""
        return state


@dataclass(frozen=True)
class ValuesFilter(FilterDefinition):
    """A choice among values of one column (a list column matches when any of its names is chosen)."""

    column: str = ""
    noun: str = ""                                  # "country": in descriptions and warnings
    vocabulary: tuple[str, ...] | None = None       # fixed known values; None = the values in the data
    all_token: str | None = None                    # link value meaning "no restriction" when the default is not
    per_value: bool = False                         # `--per` may split exports by it
    in_file_name: bool = True
    shows_source_labels: bool = False               # values are doc_ids, shown as source labels
    default: tuple[str, ...] = ()

    @property
    def annotation(self) -> type:
        return tuple

    @property
    def is_list_column(self) -> bool:
        return STATEMENT_COLUMNS[self.column] == "object"

    def known_values(self, statements: pd.DataFrame) -> list[str]:
        """The values one may choose: the vocabulary, else those the data holds (sorted)."""
        if self.vocabulary is not None:
            return list(self.vocabulary)
        if self.is_list_column:
            return sorted({name for names in statements[self.column] for name in names})
        return sorted(set(statements[self.column].dropna().astype(str)))

    def display(self, value: str, labels: Labels) -> str:
        """How one value is named to the reader."""
        return labels.get(value, value) if self.shows_source_labels else value

    def resolve_names(self, values: tuple[str, ...], statements: pd.DataFrame) -> tuple[str, ...]:
        """Values as typed on a command line, as the values of the column: for sources an outlet or the chart's
        source label becomes its doc_id(s); unknown values stay (so that they can be reported)."""
        if not self.shows_source_labels:
            return values
        labels = source_labels(statements)
        resolved: list[str] = []
        for value in values:
            matches = [doc_id for doc_id, label in labels.items() if value in (doc_id, label)]
            matches += statements.loc[statements["outlet"] == value, "doc_id"].dropna().unique().tolist()
            resolved.extend(matches or [value])
        return tuple(dict.fromkeys(resolved))

    def keep(self, statements: pd.DataFrame, value: tuple[str, ...]) -> pd.Series:
        if self.is_list_column:
            wanted = set(value)
            return statements[self.column].map(lambda names: bool(wanted.intersection(names))).astype(bool)
        return statements[self.column].isin(value).fillna(False).astype(bool)

    def sql(self, value: tuple[str, ...]) -> SqlCondition:
        if self.is_list_column:
            return SqlCondition(f"list_has_any({quoted(self.column)}, ?::VARCHAR[])", (list(value),))
        return SqlCondition(f"{quoted(self.column)} IN ({', '.join('?' for _ in value)})", tuple(value))

    def to_url(self, value: tuple[str, ...]) -> str | list[str] | None:
        if tuple(value) == tuple(self.default):
            return None
        if not value and self.all_token:
            return self.all_token
        return list(value)

    def from_url(self, raw: list[str], warnings: list[str]) -> tuple[str, ...]:
        if self.all_token and raw == [self.all_token]:
            return ()
        if self.vocabulary is not None:
            unknown = [value for value in raw if value not in self.vocabulary]
            if unknown:
                warnings.append(f"Ignored unknown {self.noun} in the link: {listed(unknown)} "
                                f"(known: {', '.join(self.vocabulary)})")
            raw = [value for value in raw if value in self.vocabulary]
            if not raw and unknown:
                return tuple(self.default)
        return tuple(dict.fromkeys(raw)) if raw or not self.default else tuple(self.default)

    def add_cli_argument(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(self.cli_flag, action="append", dest=self.field, help=self.cli_help)

    def from_cli(self, given: list[str] | None) -> tuple[str, ...] | None:
        return tuple(given) if given else None

    def describe(self, filters: Any, labels: Labels) -> str | None:
        value = getattr(filters, self.field)
        if not value:
            return f"{self.noun.capitalize()}: {self.all_token}" if self.all_token else None
        return f"{self.noun.capitalize()}: {', '.join(self.display(item, labels) for item in value)}"

    def file_name_parts(self, value: tuple[str, ...]) -> list[str]:
        return list(value) if self.in_file_name else []

    def to_widget(self, value: tuple[str, ...]) -> list[str]:
        return list(value)

    def from_widget(self, state: Any) -> tuple[str, ...]:
        return tuple(state or ())


def _parse_day(text: str) -> date:
    """A day like 2025-06-13, any year 1-9999; ValueError otherwise."""
    return date.fromisoformat(text)


@dataclass(frozen=True)
class DayFilter(FilterDefinition):
    """One end of the date range (inclusive day); a statement is kept when its interval overlaps the range."""

    bound: str = "from"                              # "from" or "to"

    @property
    def annotation(self) -> type:
        return date

    def is_set(self, value: date | None) -> bool:
        return value is not None

    def keep(self, statements: pd.DataFrame, value: date) -> pd.Series:
        day = pd.Timestamp(value)
        if self.bound == "from":
            return (statements["end"] > day).fillna(False).astype(bool)
        return (statements["start"] < day + pd.Timedelta(days=1)).fillna(False).astype(bool)

    def sql(self, value: date) -> SqlCondition:
        day = datetime.combine(value, time())
        if self.bound == "from":
            return SqlCondition('"end" > ?', (day,))
        return SqlCondition('"start" < CAST(? AS TIMESTAMP) + INTERVAL 1 DAY', (day,))  # 9999-12-31 + 1 day fits here

    def to_url(self, value: date | None) -> str | None:
        return None if value is None else value.isoformat()

    def from_url(self, raw: list[str], warnings: list[str]) -> date | None:
        if not raw:
            return None
        given = self.last_given(raw, warnings)
        try:
            return _parse_day(given)
        except ValueError:
            warnings.append(f"Ignored the '{self.url_key}' date in the link: '{shortened(given)}' is not a date like "
                            f"2025-06-13 (years 1 to 9999)")
            return None

    def add_cli_argument(self, parser: argparse.ArgumentParser) -> None:
        def day(text: str) -> date:
            try:
                return _parse_day(text)
            except ValueError as problem:
                raise argparse.ArgumentTypeError(f"{text!r} is not a day like 2025-06-13") from problem
        parser.add_argument(self.cli_flag, dest=self.field, type=day, help=self.cli_help)

    def from_cli(self, given: date | None) -> date | None:
        return given

    def describe(self, filters: Any, labels: Labels) -> str | None:
        date_from, date_to = filters.date_from, filters.date_to
        if self.bound == "from" and date_from:
            return f"Dates: {day_label(date_from)} – {day_label(date_to)}" if date_to else f"Dates: from {day_label(date_from)}"
        if self.bound == "to" and date_to and not date_from:
            return f"Dates: until {day_label(date_to)}"
        return None

    def file_name_parts(self, value: date | None) -> list[str]:
        return [value.isoformat()] if value else []


@dataclass(frozen=True)
class TextFilter(FilterDefinition):
    """Literal, case-insensitive text in the given columns."""

    columns: tuple[str, ...] = ()
    default: str = ""

    @property
    def annotation(self) -> type:
        return str

    def is_set(self, value: str) -> bool:
        return bool(value.strip())

    def keep(self, statements: pd.DataFrame, value: str) -> pd.Series:
        needle = value.strip()
        found = pd.Series(False, index=statements.index)
        for column in self.columns:
            found |= statements[column].str.contains(needle, case=False, regex=False).fillna(False).astype(bool)
        return found

    def sql(self, value: str) -> SqlCondition:
        needle = value.strip().upper()  # as pandas' case-insensitive contains: the upper-cased needle in the upper-cased text
        found = " OR ".join(f"coalesce(contains(upper({quoted(column)}), ?), false)" for column in self.columns)
        return SqlCondition(f"({found})", tuple(needle for _ in self.columns))

    def to_url(self, value: str) -> str | None:
        return value.strip() or None

    def from_url(self, raw: list[str], warnings: list[str]) -> str:
        return self.last_given(raw, warnings) if raw else ""

    def add_cli_argument(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(self.cli_flag, dest=self.field, help=self.cli_help)

    def from_cli(self, given: str | None) -> str | None:
        return given or None

    def describe(self, filters: Any, labels: Labels) -> str | None:
        text = getattr(filters, self.field).strip()
        return f"Text: “{shortened(text)}”" if text else None

    def file_name_parts(self, value: str) -> list[str]:
        return [value.strip()] if value.strip() else []

    def from_widget(self, state: Any) -> str:
        return state or ""


@dataclass(frozen=True)
class KeyEventsFilter(FilterDefinition):
    """The N most salient events (with their episodes) for the event chart and its exports; 0 = every event.

    >>> KeyEventsFilter(field="key_events", label="Key events", url_key="key", cli_flag="--key-events", cli_help="",
    ...                 example=10).from_url(["all"], [])
    0
    """

    choices: tuple[int, ...] = KEY_EVENT_CHOICES
    default: int = DEFAULT_KEY_EVENTS
    applies_to: str = "events"

    @property
    def annotation(self) -> type:
        return int

    def is_set(self, value: int) -> bool:
        return value > 0

    def keep(self, statements: pd.DataFrame, value: int) -> pd.Series:
        return pd.Series(True, index=statements.index)

    def keep_events(self, events: pd.DataFrame, value: int) -> pd.Series:
        return key_event_mask(events, value)

    def to_url(self, value: int) -> str | None:
        return None if value == self.default else ("all" if value == 0 else str(value))

    def from_url(self, raw: list[str], warnings: list[str]) -> int:
        if not raw:
            return self.default
        given = self.last_given(raw, warnings)
        if given == "all":
            return 0
        if given.isdigit():
            return int(given)
        warnings.append(f"Ignored key='{shortened(given)}' in the link: give a number of key events or 'all'")
        return self.default

    def add_cli_argument(self, parser: argparse.ArgumentParser) -> None:
        def count(text: str) -> int:
            if text == "all":
                return 0
            if not text.isdigit():
                raise argparse.ArgumentTypeError(f"{text!r} is not a number of key events (or 'all')")
            return int(text)
        parser.add_argument(self.cli_flag, dest=self.field, type=count, help=self.cli_help)

    def from_cli(self, given: int | None) -> int | None:
        return given

    def describe(self, filters: Any, labels: Labels) -> str | None:
        value = getattr(filters, self.field)
        if value == self.default:
            return None
        return "Events: all" if value == 0 else f"Events: the {value} most salient"

    def to_widget(self, value: int) -> int:
        return value   # a count not among `choices` (?key=7, as the export command takes it) joins them in the sidebar

    def from_widget(self, state: Any) -> int:
        return int(state) if state is not None else self.default

    def display(self, value: int) -> str:
        """How a choice reads in the sidebar."""
        return "all events" if value == 0 else f"{value} most salient"


@dataclass(frozen=True)
class CurationFilter(ValuesFilter):
    """A state the analyst's edits give a row (hidden, edited, starred): a choice between the state and its opposite.

    Reads a boolean column of the curated frames (`extract.schema.CURATION_COLUMNS`); a frame without it (not
    curated) counts as all False. Applies to statements and, through `keep_events`, to events.

    >>> hidden = FILTERS_BY_FIELD["curation_hidden"]
    >>> frame = pd.DataFrame({"hidden": [True, False]})
    >>> hidden.keep(frame, ("shown",)).tolist(), hidden.keep(pd.DataFrame(index=[0]), ("hidden",)).tolist()
    ([False, True], [False])
    """

    true_word: str = ""                             # the vocabulary word meaning the column is True
    applies_to: str = "both"
    in_file_name: bool = False

    @property
    def is_list_column(self) -> bool:
        return False

    def known_values(self, statements: pd.DataFrame) -> list[str]:
        return list(self.vocabulary or ())

    def keep(self, statements: pd.DataFrame, value: tuple[str, ...]) -> pd.Series:
        flags = (statements[self.column].fillna(False).astype(bool) if self.column in statements
                 else pd.Series(False, index=statements.index))
        wanted = {word == self.true_word for word in value}
        return flags.isin(wanted)

    def sql(self, value: tuple[str, ...]) -> SqlCondition:
        wanted = sorted({word == self.true_word for word in value})
        return SqlCondition(f"coalesce({quoted(self.column)}, false) IN ({', '.join('?' for _ in wanted)})", tuple(wanted))

    def keep_events(self, events: pd.DataFrame, value: tuple[str, ...]) -> pd.Series:
        return self.keep(events, value)

    def describe(self, filters: Any, labels: Labels) -> str | None:
        value = tuple(getattr(filters, self.field))
        if value == tuple(self.default):
            return None
        return f"{self.label}: {', '.join(value) if value else 'any'}"


FILTERS: tuple[FilterDefinition, ...] = (
    ValuesFilter(field="countries", label="Country", url_key="country", cli_flag="--country", column="countries",
                 noun="country", per_value=True, placeholder="All countries", example=("Iran",),
                 cli_help="keep statements to which this country is a party (repeatable)",
                 help="Countries that are parties to the statement: they act, are acted on, or it happens there."),
    ValuesFilter(field="mentioned_countries", label="Country, any mention", url_key="mention", cli_flag="--mention",
                 column="country_mentions", noun="country mentioned", placeholder="Any country mentioned",
                 example=("Germany",), in_file_name=True,
                 help="Also statements that name a country only in passing (an anniversary, a comparison, a "
                      "nationality), which the Country filter leaves out.",
                 cli_help="keep statements that mention this country at all, even in passing (repeatable)"),
    ValuesFilter(field="actors", label="Actor", url_key="actor", cli_flag="--actor", column="actors", noun="actor",
                 per_value=True, placeholder="All actors", example=("Vladimir Putin",),
                 cli_help="keep statements naming this actor (repeatable)"),
    ValuesFilter(field="sources", label="Source", url_key="source", cli_flag="--source", column="doc_id", noun="source",
                 per_value=True, shows_source_labels=True, placeholder="All sources", example=("doc_a",),
                 cli_help="doc_id or outlet (repeatable)"),
    DayFilter(field="date_from", label="From", url_key="from", cli_flag="--from", bound="from", widget="day",
              widget_row="dates", example=date(2025, 6, 13), cli_help="first day, YYYY-MM-DD"),
    DayFilter(field="date_to", label="To", url_key="to", cli_flag="--to", bound="to", widget="day",
              widget_row="dates", example=date(2025, 6, 24), cli_help="last day, YYYY-MM-DD"),
    ValuesFilter(field="grains", label="Date precision (grain)", url_key="grain", cli_flag="--grain", column="grain",
                 noun="grain", vocabulary=GRAINS, in_file_name=False, placeholder="All grains", example=("day", "hour"),
                 cli_help="day, month, year, ... (repeatable)"),
    ValuesFilter(field="kinds", label="Kind", url_key="kind", cli_flag="--kind", column="kind", noun="kind",
                 vocabulary=KINDS, default=("event",), all_token=ALL_KINDS_TOKEN, in_file_name=False,
                 placeholder="All kinds", example=("event", "reference"),
                 help="event: something that happened on that date; reference: a date mentioned in passing; "
                      "dateline: the article's own date line. Empty = all kinds.",
                 cli_help="event / reference / dateline (repeatable; default event)"),
    TextFilter(field="text", label="Text in the sentence", url_key="q", cli_flag="--text", columns=("sentence", "date_text"),
               widget="text", placeholder="e.g. air defence", example="air defence",
               cli_help="keep statements whose sentence or date contains this text"),
    KeyEventsFilter(field="key_events", label="Key events", url_key="key", cli_flag="--key-events", widget="select",
                    example=10, help="The event chart and its exports show the most salient events (salience: see "
                                     "extract.events); 'all events' shows every one.",
                    cli_help="the N most salient events on the event chart and in the pack (a number, or 'all'; "
                             f"default {DEFAULT_KEY_EVENTS})"),
    CurationFilter(field="curation_hidden", label="Hidden by the analyst", url_key="hidden", cli_flag="--hidden",
                   column="hidden", noun="hidden", vocabulary=("shown", "hidden"), true_word="hidden",
                   default=("shown",), all_token="all", placeholder="Shown and hidden", example=("hidden",),
                   help="Hidden items (not news, duplicate, wrong) leave the chart and the exports; choose 'hidden' "
                        "to review them, or clear the box to see both.",
                   cli_help="shown / hidden: the analyst's hidden rows are left out unless asked for (default shown)"),
    CurationFilter(field="curation_edited", label="Edited by the analyst", url_key="edited", cli_flag="--edited",
                   column="curated", noun="edited", vocabulary=("edited", "unedited"), true_word="edited",
                   placeholder="Edited or not", example=("edited",),
                   help="Rows the analyst corrected (date, label, countries, actors, merge, split, added by hand).",
                   cli_help="edited / unedited: keep rows the analyst corrected, or the others (repeatable)"),
    CurationFilter(field="curation_starred", label="Starred", url_key="starred", cli_flag="--starred",
                   column="starred", noun="starred", vocabulary=("starred", "unstarred"), true_word="starred",
                   placeholder="Starred or not", example=("starred",),
                   help="Starred events are always among the key events; a statement counts as starred when its "
                        "event is.",
                   cli_help="starred / unstarred: keep starred events (and their statements), or the others"),
)
FILTERS_BY_FIELD: dict[str, FilterDefinition] = {definition.field: definition for definition in FILTERS}
FILTER_PARAM_KEYS = tuple(definition.url_key for definition in FILTERS)

Filters = make_dataclass(
    "Filters", [(definition.field, definition.annotation, field(default=definition.default)) for definition in FILTERS],
    frozen=True)
Filters.__module__ = __name__
Filters.__doc__ = """What the analyst chose to look at: one field per entry of FILTERS.

>>> Filters(countries=("Iran",)).kinds
('event',)
"""


def apply_filters(statements: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The statements matching every filter; a date filter keeps statements whose interval overlaps it.

    Statements with no resolved date are dropped only when a date filter is set.
    >>> from extract.schema import empty_statements
    >>> apply_filters(empty_statements(), Filters(countries=("Iran",))).empty
    True
    """
    keep = pd.Series(True, index=statements.index)
    for definition in FILTERS:
        value = getattr(filters, definition.field)
        if definition.applies_to in ("statements", "both") and definition.is_set(value):
            keep &= definition.keep(statements, value)
    return statements[keep]


def statements_where(filters: Filters) -> SqlCondition:
    """The SQL form of `apply_filters`: every statement filter's condition, joined by AND ("TRUE" when none is set).

    >>> condition = statements_where(Filters(countries=("Iran",), curation_hidden=()))
    >>> condition.sql, condition.params
    ('list_has_any("countries", ?::VARCHAR[]) AND "kind" IN (?)', (['Iran'], 'event'))
    """
    parts: list[str] = []
    params: list = []
    for definition in FILTERS:
        value = getattr(filters, definition.field)
        if definition.applies_to in ("statements", "both") and definition.is_set(value):
            condition = definition.sql(value)
            parts.append(condition.sql)
            params.extend(condition.params)
    return SqlCondition(" AND ".join(parts) or "TRUE", tuple(params))


def key_events_for(events: pd.DataFrame, statements: pd.DataFrame, filters: Filters) -> KeyEvents:
    """What the event chart shows for `filters`: every event filter but the key-event count applied, then the key
    events chosen among those (so the subtitle can say "18 key events of 61").

    >>> from extract.schema import empty_events, empty_statements
    >>> key_events_for(empty_events(), empty_statements(), Filters()).description()
    'all 0 events from 0 sources'
    """
    return key_events_among(events, set(events_with_evidence_in(events, statements)["event_id"].astype(str)), filters)


def key_events_among(events: pd.DataFrame, with_evidence: set[str], filters: Filters) -> KeyEvents:
    """`key_events_for` given the ids of the events with evidence among the filtered statements (e.g. from SQL).

    >>> from extract.schema import empty_events
    >>> key_events_among(empty_events(), set(), Filters()).description()
    'all 0 events from 0 sources'
    """
    every_event = replace(filters, **{definition.field: 0 for definition in FILTERS if isinstance(definition, KeyEventsFilter)})
    return select_key_events(filter_events(events, with_evidence, every_event), filters.key_events)


def apply_event_filters(events: pd.DataFrame, statements: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The events with evidence among `statements` (already passed through `apply_filters`) or added by hand (no
    statements), then every event filter (hidden, edited and starred ones apply to both).

    >>> from extract.schema import empty_events, empty_statements
    >>> apply_event_filters(empty_events(), empty_statements(), Filters()).empty
    True
    """
    return filter_events(events, set(events_with_evidence_in(events, statements)["event_id"].astype(str)), filters)


def filter_events(events: pd.DataFrame, with_evidence: set[str], filters: Filters) -> pd.DataFrame:
    """`apply_event_filters` given the ids of the events with evidence among the filtered statements.

    >>> from extract.schema import empty_events
    >>> filter_events(empty_events(), set(), Filters()).empty
    True
    """
    kept_ids = np.fromiter((str(event_id) in with_evidence for event_id in events["event_id"].tolist()), dtype=bool,
                           count=len(events))  # a set lookup per event: Series.isin on Arrow strings is 100x slower
    added_by_hand = events["statement_ids"].map(len).eq(0) if len(events) else pd.Series(False, index=events.index)
    kept = events[kept_ids | added_by_hand.to_numpy(dtype=bool)]  # an analyst's event has no statements
    for definition in FILTERS:
        value = getattr(filters, definition.field)
        if definition.applies_to in ("events", "both") and definition.is_set(value):
            kept = kept[definition.keep_events(kept, value)]
    return kept


def filters_to_query_params(filters: Filters) -> dict[str, str | list[str]]:
    """The URL form of `filters` (defaults omitted).

    >>> filters_to_query_params(Filters(countries=("Iran",), date_from=date(2025, 6, 13)))
    {'country': ['Iran'], 'from': '2025-06-13'}
    """
    params: dict[str, str | list[str]] = {}
    for definition in FILTERS:
        encoded = definition.to_url(getattr(filters, definition.field))
        if encoded is not None:
            params[definition.url_key] = encoded
    return params


def filters_from_query_params(params: dict[str, str | list[str]]) -> tuple[Filters, list[str]]:
    """Filters read from URL query params, plus a warning for every value that was ignored. Never raises.

    >>> filters_from_query_params({"from": "june"})[1]
    ["Ignored the 'from' date in the link: 'june' is not a date like 2025-06-13 (years 1 to 9999)"]
    """
    warnings: list[str] = []
    unknown_keys = sorted(key for key in params if key not in FILTER_PARAM_KEYS + PAGE_PARAM_KEYS)
    if unknown_keys:
        warnings.append(f"Ignored unknown setting(s) in the link: {listed(unknown_keys)}")
    values = {definition.field: definition.from_url(_values(params.get(definition.url_key)), warnings)
              for definition in FILTERS}
    filters = Filters(**values)
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        warnings.append(f"The link's 'from' ({filters.date_from}) was after its 'to' ({filters.date_to}): swapped them")
        filters = replace(filters, date_from=filters.date_to, date_to=filters.date_from)
    return filters, warnings


def restrict_to_known(filters: Filters, statements: pd.DataFrame) -> tuple[Filters, list[str]]:
    """Drop chosen values the data does not contain (countries, actors, sources), with a warning naming them.

    >>> from extract.schema import empty_statements
    >>> restrict_to_known(Filters(countries=("Atlantis",)), empty_statements())[1]
    ['No statement in the data has the country Atlantis: ignored it']
    """
    return restrict_to_options(filters, {definition.field: definition.known_values(statements) for definition in FILTERS
                                         if isinstance(definition, ValuesFilter)})


def restrict_to_options(filters: Filters, options: dict[str, list[str]]) -> tuple[Filters, list[str]]:
    """`restrict_to_known` given each values filter's options (e.g. `desk.query.StatementStore.options`).

    >>> chosen, warnings = restrict_to_options(Filters(countries=("Iran", "Atlantis")), {"countries": ["Iran"]})
    >>> chosen.countries, warnings
    (('Iran',), ['No statement in the data has the country Atlantis: ignored it'])
    """
    warnings: list[str] = []
    chosen = {}
    for definition in FILTERS:
        if not isinstance(definition, ValuesFilter) or definition.vocabulary is not None:
            continue
        known = set(options.get(definition.field, ()))
        values = getattr(filters, definition.field)
        missing = [value for value in values if value not in known]
        if missing:
            warnings.append(f"No statement in the data has the {definition.noun} {listed(missing)}: ignored it")
        chosen[definition.field] = tuple(value for value in values if value in known)
    return replace(filters, **chosen), warnings


def describe_filters(filters: Filters, source_labels: Labels | None = None) -> str:
    """One readable line for subtitles.

    >>> describe_filters(Filters(countries=("Iran",)))
    'Country: Iran · Kind: event'
    """
    parts = (definition.describe(filters, source_labels or {}) for definition in FILTERS)
    return " · ".join(part for part in parts if part)


def filename_for_filters(filters: Filters, stem: str = "timeline") -> str:
    """A file name (no extension) that says what was filtered.

    >>> filename_for_filters(Filters(countries=("Iran",), date_from=date(2025, 6, 13), date_to=date(2025, 6, 24)))
    'timeline_Iran_2025-06-13_2025-06-24'
    """
    pieces = [stem]
    for definition in FILTERS:
        pieces += definition.file_name_parts(getattr(filters, definition.field))
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", "_".join(pieces)).strip("-_")
    return name[:FILE_NAME_CHARS] or stem


def splittable_filters() -> dict[str, FilterDefinition]:
    """The filters `--per` may split an export by, by URL key.

    >>> list(splittable_filters())
    ['country', 'actor', 'source']
    """
    return {definition.url_key: definition for definition in FILTERS
            if isinstance(definition, ValuesFilter) and definition.per_value}


def query_aliases() -> dict[str, str]:
    """Long spellings people type in a query (the field names: `countries`, `date_from`, `text`) -> URL keys.

    >>> query_aliases()["countries"], query_aliases()["text"]
    ('country', 'q')
    """
    return {definition.field: definition.url_key for definition in FILTERS if definition.field != definition.url_key}

