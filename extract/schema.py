"""The one schema of the statements frame and the documents frame.

Every other module (pages, charts, exports) reads these names; nothing re-declares them.
A statement is one sentence of one article together with one temporal expression in it.

>>> empty_statements().columns.tolist()[:3]
['statement_id', 'doc_id', 'title']
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

# Every date column: second resolution, so any year 1-9999 fits (nanoseconds only hold 1677-2262).
DATE_DTYPE = "datetime64[s]"
EARLIEST_DATE, LATEST_DATE = dt.date(1, 1, 1), dt.date(9999, 12, 31)

# --- statements: one row per (sentence, date expression) -------------------------------
STATEMENT_COLUMNS: dict[str, str] = {
    "statement_id": "string",       # stable across runs: "<doc_id>:<date_start_char>-<date_end_char>"
    "doc_id": "string",             # file stem of the article
    "title": "string",
    "outlet": "string",
    "published": DATE_DTYPE,        # the reference date (NaT when none could be found)
    "sentence": "string",
    "sentence_start": "int64",      # character offsets into the document text
    "sentence_end": "int64",
    "date_text": "string",          # the temporal expression as written
    "date_start_char": "int64",     # character offsets into the document text, end exclusive
    "date_end_char": "int64",
    "value": "string",              # TIMEX3 value: 2025-06-13, 2024-10, 2007, 2025-W24, 199, ...
    "grain": "string",              # one of GRAINS
    "start": DATE_DTYPE,            # half-open interval [start, end); NaT when unresolved
    "end": DATE_DTYPE,
    "reference_date_basis": "string",
    "actors": "object",             # list[str] of canonical actors in the sentence
    "countries": "object",          # list[str]: the countries that are parties to the statement (act, are acted on, or
                                    # where it happens); what filters, lanes and events use by default
    "country_mentions": "object",   # list[str]: every country the sentence mentions (a superset of `countries`)
    "kind": "string",               # one of KINDS
    "rule": "string",               # the temporal rule that fired
}

GRAINS = ("hour", "day", "week", "month", "quarter", "season", "year", "decade", "century", "unknown")
POINT_GRAINS = ("hour", "day")      # drawn as points; every other grain is drawn as a bar
KINDS = ("event", "reference", "dateline")
# How far the reference date can be trusted: given (sources.csv), high (the article states it: page metadata,
# a dateline with a full date, its archive folder, its own stamp), medium (a dateline's day and month, the year
# inferred from the text), none (unknown: the article needs a date). "" in frames written before confidences existed.
REFERENCE_DATE_CONFIDENCES = ("given", "high", "medium", "none")
# Columns a frame written by an earlier version may lack, and the value they get when read.
COLUMN_DEFAULTS: dict[str, object] = {"reference_date_confidence": ""}
# ok: read and extracted; unreadable: not read (problem says why); failed: read, but its extraction failed
DOCUMENT_STATUSES = ("ok", "unreadable", "failed")

# --- documents: one row per input file, including the ones that could not be read ------
DOCUMENT_COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "path": "string",
    "title": "string",
    "outlet": "string",
    "author": "string",
    "published": DATE_DTYPE,
    "url": "string",
    "reference_date_basis": "string",
    "reference_date_confidence": "string",  # one of REFERENCE_DATE_CONFIDENCES; "none" = the article needs a date
    "text": "string",               # the plain text every offset points into ("" when unreadable)
    "status": "string",             # one of DOCUMENT_STATUSES
    "problem": "string",            # the warning about this file, "" when none
}


# --- events: one row per real-world happening, merged from statements -----------------
EVENT_COLUMNS: dict[str, str] = {
    "event_id": "string",           # stable across runs for the same evidence
    "kind": "string",               # one of EVENT_KINDS: "event", or "episode" (a span made of events)
    "label": "string",              # short headline (<= ~70 chars) saying who did what; the machine's label
    "label_basis": "string",        # how the label was derived (e.g. the clause and what was trimmed)
    "summary": "string",            # the best sentence of the evidence, verbatim
    "value": "string",              # TIMEX3 value at the event's precision (as statements)
    "grain": "string",              # one of GRAINS
    "start": DATE_DTYPE,            # half-open interval [start, end), as statements
    "end": DATE_DTYPE,
    "statement_ids": "object",      # list[str]: the evidence
    "doc_ids": "object",            # list[str]: the articles the evidence comes from
    "n_sources": "int64",           # distinct articles
    "n_outlets": "int64",           # distinct outlets (articles without an outlet count as their own)
    "countries": "object",          # list[str]
    "actors": "object",             # list[str]
    "salience": "float64",          # ranking score (formula documented in extract.events)
    "episode_id": "string",         # for an event inside an episode: that episode's event_id, else ""
}

EVENT_KINDS = ("event", "episode")


class SchemaError(ValueError):
    """A frame does not have the columns and types of the schema."""


def as_dates(values: pd.Series | list) -> pd.Series:
    """Dates of any year 1-9999 as a `DATE_DTYPE` series (datetimes of any unit, dates, ISO strings, None).

    >>> as_dates(["1300-01-01", None, "2025-06-13T10:00"]).tolist()
    [Timestamp('1300-01-01 00:00:00'), NaT, Timestamp('2025-06-13 10:00:00')]
    """
    series = values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        series = series.dt.tz_convert("UTC").dt.tz_localize(None)
    if not pd.api.types.is_datetime64_dtype(series.dtype):
        present = series.dropna()
        if len(present) and all(isinstance(value, str) for value in present):
            series = pd.to_datetime(series.replace("", None), format="ISO8601")
        else:
            series = pd.to_datetime(series)
    return series.astype(DATE_DTYPE)


def _empty(columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})


def empty_statements() -> pd.DataFrame:
    """An empty statements frame with every column typed.

    >>> empty_statements().empty
    True
    """
    return _empty(STATEMENT_COLUMNS)


def empty_documents() -> pd.DataFrame:
    """An empty documents frame with every column typed."""
    return _empty(DOCUMENT_COLUMNS)


def empty_events() -> pd.DataFrame:
    """An empty events frame with every column typed."""
    return _empty(EVENT_COLUMNS)


def _conform(frame: pd.DataFrame, columns: dict[str, str], what: str) -> pd.DataFrame:
    absent_defaults = {name: value for name, value in COLUMN_DEFAULTS.items() if name in columns and name not in frame.columns}
    if absent_defaults:
        frame = frame.assign(**absent_defaults)
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        raise SchemaError(f"{what} frame lacks columns: {', '.join(missing)}")
    typed = frame.loc[:, list(columns)].copy()
    for name, dtype in columns.items():
        if dtype == "object":
            typed[name] = typed[name].map(lambda v: list(v) if v is not None and not isinstance(v, float) else [])
        elif dtype.startswith("datetime64"):
            typed[name] = as_dates(typed[name])
        else:
            typed[name] = typed[name].astype(dtype)
    return typed.reset_index(drop=True)


def conform_statements(frame: pd.DataFrame) -> pd.DataFrame:
    """Return `frame` with exactly the statement columns, in order and typed; raise SchemaError if any is missing.

    A frame written before `country_mentions` existed (round one's files) gets it from `countries`: every
    party is mentioned, so that is the subset known to be right.
    """
    if "country_mentions" not in frame.columns and "countries" in frame.columns:
        frame = frame.assign(country_mentions=frame["countries"])
    typed = _conform(frame, STATEMENT_COLUMNS, "statements")
    bad_grain = set(typed["grain"].dropna()) - set(GRAINS)
    bad_kind = set(typed["kind"].dropna()) - set(KINDS)
    if bad_grain or bad_kind:
        raise SchemaError(f"unknown grain {sorted(bad_grain)} or kind {sorted(bad_kind)}")
    return typed


def conform_documents(frame: pd.DataFrame) -> pd.DataFrame:
    """Return `frame` with exactly the document columns, in order and typed."""
    return _conform(frame, DOCUMENT_COLUMNS, "documents")


def conform_events(frame: pd.DataFrame) -> pd.DataFrame:
    """Return `frame` with exactly the event columns, in order and typed; raise SchemaError on an unknown kind or grain."""
    typed = _conform(frame, EVENT_COLUMNS, "events")
    bad_grain = set(typed["grain"].dropna()) - set(GRAINS)
    bad_kind = set(typed["kind"].dropna()) - set(EVENT_KINDS)
    if bad_grain or bad_kind:
        raise SchemaError(f"unknown grain {sorted(bad_grain)} or event kind {sorted(bad_kind)}")
    return typed


# --- inputs manifest: what each extracted file was, so that a re-run extracts only new and changed files ----
# (extract.manifest; saved as inputs.parquet in the output set)
INPUT_MANIFEST_COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "path": "string",
    "size": "int64",                # bytes, from stat
    "mtime_ns": "int64",            # modification time, from stat
    "sha256": "string",             # of the content: a file touched but not changed is not extracted again
    "hint": "string",               # what else decides its extraction: its sources.csv row and its folder's date
    "settings": "string",           # fingerprint of the extractor code, gazetteers and limits of the run
}


def empty_input_manifest() -> pd.DataFrame:
    """An empty inputs manifest with every column typed."""
    return _empty(INPUT_MANIFEST_COLUMNS)


def conform_input_manifest(frame: pd.DataFrame) -> pd.DataFrame:
    """Return `frame` with exactly the inputs-manifest columns, in order and typed."""
    return _conform(frame, INPUT_MANIFEST_COLUMNS, "inputs manifest")


# --- curation: what the analyst's edits add to a curated statements or events frame ------
# (extract.curation.state derives these from the edit log; the extracted frames on disk never change)
CURATION_COLUMNS: dict[str, str] = {
    "origin": "string",             # "extracted", "analyst" (added by hand) or "split" (split out by the analyst)
    "curated": "bool",              # an edit in force touches this row
    "hidden": "bool",               # hidden rows leave the chart and exports (still listed for "show again")
    "hidden_reason": "string",      # one of extract.curation.edits.HIDE_REASONS, "" when shown
    "starred": "bool",              # always among the key events
    "machine_value": "string",      # the extractor's date, kept when the analyst fixes it
    "machine_grain": "string",
    "machine_start": DATE_DTYPE,
    "machine_end": DATE_DTYPE,
    "machine_label": "string",      # events: the extractor's label ("" for statements and added events)
    "curation_note": "string",      # what the analyst changed, one clause per edit ("" when nothing)
}
