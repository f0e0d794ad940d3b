"""Downloads of the filtered statements as CSV, Excel, JSON and TimelineJS, exactly as shown.

Pure functions from a statements frame (see `extract.schema`) to bytes, plus the readers
that turn a CSV / Excel download back into a statements frame (used by the round-trip
tests, and by anyone who edits a download and brings it back). List columns (actors,
countries) are "; "-joined in CSV and Excel and stay lists in JSON. Text is written exactly
as in the article: no escaping, no trimming, no "NA" strings turned into missing values.

>>> from extract.schema import empty_statements
>>> statements_to_csv(empty_statements()).decode("utf-8-sig").split(",")[:2]
['statement_id', 'doc_id']
"""
from __future__ import annotations

import html
import io
import json
import re
from dataclasses import dataclass
from typing import Any, Callable

import pandas as pd

from desk.labels import interval_label, source_labels
from desk.marks import LANE_CHOICES, NO_LANE_LABEL
from extract.csv_form import LIST_SEPARATOR, frame_to_csv, unguard_formula
from extract.schema import CURATION_COLUMNS, POINT_GRAINS, STATEMENT_COLUMNS, as_dates, conform_statements

LIST_COLUMNS = tuple(name for name, dtype in STATEMENT_COLUMNS.items() if dtype == "object")
DATETIME_COLUMNS = tuple(name for name, dtype in STATEMENT_COLUMNS.items() if dtype.startswith("datetime"))
EXCEL_SHEET = "statements"
# Characters that the XML inside .xlsx cannot hold; written with the OOXML escape _xHHHH_,
# which Excel and openpyxl turn back into the character when reading.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XML_ESCAPED = re.compile(r"_x(?P<code>[0-9A-Fa-f]{4})_")


def _joined_lists(statements: pd.DataFrame) -> pd.DataFrame:
    flat = statements.copy()
    for name in LIST_COLUMNS:
        flat[name] = flat[name].map(lambda values: LIST_SEPARATOR.join(str(v) for v in values))
    return flat


def with_curation_marks(statements: pd.DataFrame) -> pd.DataFrame:
    """The statement columns, typed, followed by the analyst's marks when the frame is curated
    (`extract.schema.CURATION_COLUMNS`: curated, hidden, starred, machine_value ... curation_note), as
    `python -m extract.curation export` writes them: a download says which rows the analyst changed and what
    the machine had said.

    >>> from extract.schema import empty_statements
    >>> list(with_curation_marks(empty_statements().assign(hidden=False, machine_value="")).columns[-2:])
    ['hidden', 'machine_value']
    """
    typed = conform_statements(statements)
    marks = [name for name in CURATION_COLUMNS if name in statements.columns]
    if not marks:
        return typed
    extra = statements[marks].reset_index(drop=True)
    for name in marks:
        extra[name] = as_dates(extra[name]) if CURATION_COLUMNS[name].startswith("datetime") else extra[name].astype(
            CURATION_COLUMNS[name])
    return pd.concat([typed, extra], axis=1)


def statements_to_csv(statements: pd.DataFrame) -> bytes:
    """CSV bytes in the extractor's one CSV form (`extract.csv_form`: UTF-8 with BOM, formulas guarded), with the
    analyst's marks when the frame is curated (`with_curation_marks`).

    >>> from extract.schema import empty_statements
    >>> import codecs
    >>> statements_to_csv(empty_statements())[:3] == codecs.BOM_UTF8
    True
    """
    return frame_to_csv(with_curation_marks(statements))


def _excel_cell_text(value: Any) -> Any:
    if isinstance(value, str) and _XML_ILLEGAL.search(value):
        return _XML_ILLEGAL.sub(lambda match: f"_x{ord(match.group(0)):04X}_", value)
    return value


EXCEL_EARLIEST_DATE = pd.Timestamp("1900-03-01")   # Excel's 1900 date system shows "#####" before (and 1900 is off)


def _excel_column(column: pd.Series) -> list[Any]:
    if column.dtype.kind == "M":   # an earlier date (the Peace of Westphalia, 1648) is written as its ISO text
        return [None if pd.isna(moment) else moment.isoformat() if moment < EXCEL_EARLIEST_DATE else moment.to_pydatetime()
                for moment in column]
    return [_excel_cell_text(value) for value in column.astype(object).where(column.notna(), None).tolist()]


def statements_to_excel(statements: pd.DataFrame, *, about: str = "") -> bytes:
    """.xlsx bytes: a 'statements' sheet (+ an 'about' sheet when given).

    >>> from extract.schema import empty_statements
    >>> statements_to_excel(empty_statements(), about="Country: Iran")[:2]
    b'PK'
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    flat = _joined_lists(with_curation_marks(statements))
    workbook = Workbook(write_only=True)  # streams rows: about a third faster than pandas.to_excel
    sheet = workbook.create_sheet(EXCEL_SHEET)
    for position, name in enumerate(flat.columns, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = 80 if name == "sentence" else 18
    sheet.freeze_panes = "A2"
    sheet.append(list(flat.columns))

    def cell(value: Any) -> Any:
        if isinstance(value, str) and value.startswith("="):  # article text, never a formula
            text_cell = WriteOnlyCell(sheet, value=value)
            text_cell.data_type = "s"
            return text_cell
        return value

    for values in zip(*(_excel_column(flat[name]) for name in flat.columns)):
        sheet.append([cell(value) for value in values])
    if about:
        about_sheet = workbook.create_sheet("about")
        about_sheet.append(["about this export"])
        for line in about.splitlines():
            about_sheet.append([cell(_excel_cell_text(line))])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _json_column(column: pd.Series) -> list[Any]:
    """One column as JSON-ready Python values: ISO datetimes, plain ints, str, lists of str, None for missing."""
    if column.name in LIST_COLUMNS:
        return [[str(item) for item in values] for values in column]
    if column.name in DATETIME_COLUMNS or column.dtype.kind == "M":
        return [None if pd.isna(moment) else moment.isoformat() for moment in column]
    return column.astype(object).where(column.notna(), None).tolist()


def statements_to_records(statements: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON-ready dicts, one per statement: ISO datetimes, lists for actors and countries, None for missing."""
    typed = with_curation_marks(statements)
    columns = {name: _json_column(typed[name]) for name in typed.columns}
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def statements_to_json(statements: pd.DataFrame) -> bytes:
    """UTF-8 JSON list of statements.

    >>> from extract.schema import empty_statements
    >>> statements_to_json(empty_statements())
    b'[]'
    """
    return json.dumps(statements_to_records(statements), ensure_ascii=False, indent=1).encode("utf-8")


def _split_list(joined: Any) -> list[str]:
    if isinstance(joined, list):
        return [str(item) for item in joined]
    if joined is None or (isinstance(joined, float) and joined != joined) or str(joined) == "":
        return []
    return str(joined).split(LIST_SEPARATOR)


def _statements_from_table(table: pd.DataFrame, what: str) -> pd.DataFrame:
    missing = [name for name in STATEMENT_COLUMNS if name not in table.columns]
    if missing:
        raise ValueError(f"{what}: not a statements export, it lacks the columns {', '.join(missing)}")
    table = table.copy()
    for name in LIST_COLUMNS:
        table[name] = table[name].map(_split_list)
    for name in DATETIME_COLUMNS:
        table[name] = as_dates(table[name])
    return conform_statements(table)


def read_statements_csv(data: bytes, *, what: str = "CSV file") -> pd.DataFrame:
    """A statements frame from `statements_to_csv` bytes.

    >>> from extract.schema import empty_statements
    >>> read_statements_csv(statements_to_csv(empty_statements())).columns.equals(empty_statements().columns)
    True
    """
    table = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return _statements_from_table(table.map(unguard_formula), what)


def _excel_cell_text_back(value: str) -> str:
    if "_x" not in value:
        return value
    return _XML_ESCAPED.sub(lambda match: chr(int(match.group("code"), 16))
                            if _XML_ILLEGAL.match(chr(int(match.group("code"), 16))) else match.group(0), value)


def read_statements_excel(data: bytes, *, what: str = "Excel file") -> pd.DataFrame:
    """A statements frame from `statements_to_excel` bytes (the inverse of `statements_to_excel`)."""
    table = pd.read_excel(io.BytesIO(data), sheet_name=EXCEL_SHEET, dtype=str, keep_default_na=False)
    table = table.map(_excel_cell_text_back)
    return _statements_from_table(table, what)


def read_statements_json(data: bytes, *, what: str = "JSON file") -> pd.DataFrame:
    """A statements frame from `statements_to_json` bytes (the inverse of `statements_to_json`)."""
    table = pd.DataFrame(json.loads(data.decode("utf-8")), columns=list(STATEMENT_COLUMNS))
    return _statements_from_table(table, what)


# --- TimelineJS (Knight Lab) --------------------------------------------------------------
# Format: https://timeline.knightlab.com/docs/json-format.html. Date parts are numbers;
# `display_date` (the chart's own `interval_label`) is set for coarse grains and ranges, so
# "2024-10" reads "October 2024", not "1 October 2024". Lanes become TimelineJS groups.
# TimelineJS renders headline and text as (sanitised) HTML, so article text is HTML-escaped there:
# the reader sees exactly the characters of the article (a literal "<b>" stays visible). `group`
# and `display_date` it first turns into plain text (DOMParser textContent) and then inserts as
# HTML (TimelineJS 3.9 `_tidyFields`), so those are escaped twice to come out literally.
# An event has one group: the first country/actor named (the slide text lists them all).
_DATE_PARTS_BY_GRAIN = {
    "hour": ("year", "month", "day", "hour"), "day": ("year", "month", "day"),
    "week": ("year", "month", "day"), "month": ("year", "month"), "quarter": ("year", "month"),
    "season": ("year", "month"), "year": ("year",), "decade": ("year",), "century": ("year",),
}
HEADLINE_CHARS = 100


def _date_parts(moment: pd.Timestamp, grain: str) -> dict[str, int]:
    return {part: int(getattr(moment, part)) for part in _DATE_PARTS_BY_GRAIN.get(grain, ("year", "month", "day"))}


def _headline(sentence: str) -> str:
    if len(sentence) <= HEADLINE_CHARS:
        return sentence
    return sentence[:HEADLINE_CHARS].rsplit(" ", 1)[0] + " …"


def _unique_id(statement_id: str, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", statement_id).strip("-") or "statement"
    candidate, counter = base, 1
    while candidate in taken:
        counter += 1
        candidate = f"{base}-{counter}"
    taken.add(candidate)
    return candidate


def _lane(row: dict[str, Any], lane_by: str, labels: dict[str, str]) -> str:
    """The TimelineJS group of a statement: its source label, or the first country/actor it names."""
    if lane_by == "source":
        return labels.get(row["doc_id"], row["doc_id"])
    names = row["countries"] if lane_by == "country" else row["actors"]
    return names[0] if names else NO_LANE_LABEL[lane_by]


def _as_plain_text_field(text: str) -> str:
    """Escaped twice: TimelineJS decodes `group`/`display_date` once to text, then inserts that as HTML."""
    return html.escape(html.escape(text, quote=False), quote=False)


def _source_line(row: dict[str, Any]) -> str:
    """'Kyiv Post, “Title”, 15 June 2025. Date as written: “13 June” (2025-06-13, day). Names: Iran; IAEA.' (escaped)."""
    source = ", ".join(part for part in (
        row["outlet"], f"“{row['title']}”" if row["title"] else "",
        f"{row['published']:%-d %B %Y}" if pd.notna(row["published"]) else "") if part)
    named = LIST_SEPARATOR.join(dict.fromkeys([*row["countries"], *row["actors"]]))
    return html.escape(f"{source or 'Unnamed source'}. Date as written: “{row['date_text']}” ({row['value']}, {row['grain']})."
                       + (f" Names: {named}." if named else ""), quote=False)


def statements_to_timelinejs(statements: pd.DataFrame, *, title: str, description: str = "",
                             lane_by: str = "country") -> dict[str, Any]:
    """A TimelineJS document: title slide + one event per statement with a resolved date.

    Statements without a resolved start cannot be placed on a TimelineJS timeline; the title
    slide says how many were left out (they are in the CSV/Excel/JSON downloads).
    >>> from extract.schema import empty_statements
    >>> statements_to_timelinejs(empty_statements(), title="Iran & <Israel>")["title"]["text"]["headline"]
    'Iran &amp; &lt;Israel&gt;'
    """
    if lane_by not in LANE_CHOICES:
        raise ValueError(f"lane_by must be one of {', '.join(LANE_CHOICES)}, not {lane_by!r}")
    typed = conform_statements(statements)
    labels = source_labels(typed)
    events, taken_ids = [], set()
    unplaced = 0
    for row in typed.to_dict("records"):
        if pd.isna(row["start"]):
            unplaced += 1
            continue
        grain = row["grain"] if row["grain"] in _DATE_PARTS_BY_GRAIN else "day"
        event: dict[str, Any] = {
            "start_date": _date_parts(row["start"], grain),
            "text": {"headline": html.escape(_headline(row["sentence"]), quote=False),
                     "text": f"<p>{html.escape(row['sentence'], quote=False)}</p><p>{_source_line(row)}</p>"},
            "group": _as_plain_text_field(_lane(row, lane_by, labels)),
            "unique_id": _unique_id(row["statement_id"], taken_ids),
        }
        if pd.notna(row["end"]):
            end_parts = _date_parts(row["end"] - pd.Timedelta(microseconds=1), grain)
            if end_parts != event["start_date"]:
                event["end_date"] = end_parts
        if "end_date" in event or grain not in POINT_GRAINS:
            event["display_date"] = _as_plain_text_field(
                interval_label(row["value"], row["grain"], row["start"], row["end"]))
        events.append(event)
    note = (f"{unplaced} statement(s) without a resolved date are not on this timeline "
            f"(they are in the CSV, Excel and JSON downloads).") if unplaced else ""
    title_text = " ".join(part for part in (description, note) if part)
    return {"title": {"text": {"headline": html.escape(title, quote=False), "text": html.escape(title_text, quote=False)}},
            "events": events}


def timelinejs_bytes(statements: pd.DataFrame, *, title: str, description: str = "", lane_by: str = "country") -> bytes:
    """`statements_to_timelinejs` as UTF-8 JSON bytes."""
    document = statements_to_timelinejs(statements, title=title, description=description, lane_by=lane_by)
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


# --- the formats: one table that the dashboard's buttons, the CLI and the README check loop over ----
@dataclass(frozen=True)
class DataFormat:
    """One data download: its key (CLI `--data`), button label, file suffix, MIME type and writer."""

    key: str
    label: str
    suffix: str
    mime: str
    write: Callable[[pd.DataFrame, str, str, str], bytes]  # (statements, title, description, lane_by) -> bytes


DATA_FORMATS: dict[str, DataFormat] = {data_format.key: data_format for data_format in (
    DataFormat("csv", "CSV", ".csv", "text/csv",
               lambda statements, title, description, lane_by: statements_to_csv(statements)),
    DataFormat("xlsx", "Excel", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               lambda statements, title, description, lane_by: statements_to_excel(statements, about=description)),
    DataFormat("json", "JSON", ".json", "application/json",
               lambda statements, title, description, lane_by: statements_to_json(statements)),
    DataFormat("timelinejs", "TimelineJS", ".timeline.json", "application/json",
               lambda statements, title, description, lane_by: timelinejs_bytes(
                   statements, title=title, description=description, lane_by=lane_by)),
)}


def data_file(statements: pd.DataFrame, data_format: str, *, title: str, description: str, lane_by: str) -> bytes:
    """Bytes of one data download, by key of DATA_FORMATS.

    >>> from extract.schema import empty_statements
    >>> data_file(empty_statements(), "json", title="Iran", description="", lane_by="country")
    b'[]'
    """
    if data_format not in DATA_FORMATS:
        raise ValueError(f"unknown data format {data_format!r}; choose from {', '.join(DATA_FORMATS)}")
    return DATA_FORMATS[data_format].write(statements, title, description, lane_by)
