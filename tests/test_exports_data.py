"""CSV, Excel, JSON and TimelineJS downloads: round trips, verbatim text, documented TimelineJS fields."""
from __future__ import annotations

import html
import json

import pandas as pd
import pytest

from desk.export.data import (
    LIST_SEPARATOR,
    read_statements_csv,
    read_statements_excel,
    read_statements_json,
    statements_to_csv,
    statements_to_excel,
    statements_to_json,
    statements_to_timelinejs,
    timelinejs_bytes,
)
from extract.schema import STATEMENT_COLUMNS, conform_statements
from tests.support.rows import statement_row, statements_of
from tests.support.synthetic import synthetic_statements

TRICKY_SENTENCE = '=HYPERLINK("x") said "NA"; Tehran’s <b>reply</b>,\nthen\ttabs & a \x0b vertical tab'


def _statement(**overrides: object) -> dict:
    row = dict(
        statement_id="doc_a:10-17", title="Iran stands “alone”", outlet="Modern Diplomacy", published="2025-06-27",
        sentence="On June 13 Israel struck.", sentence_end=25, date_text="June 13", date_start_char=3, date_end_char=10,
        value="2025-06-13", start="2025-06-13", end="2025-06-14", actors=["Israel Defense Forces"],
        countries=["Israel", "Iran"], rule="month_day")
    row.update(overrides)
    return statement_row(**row)


@pytest.fixture
def tricky_statements() -> pd.DataFrame:
    """Rows with quotes, separators, newlines, formula-like text, 'NA' strings, empty lists and an unresolved date."""
    return conform_statements(pd.DataFrame([
        _statement(sentence=TRICKY_SENTENCE, outlet="NA", title="N/A"),
        _statement(statement_id="doc_a:40-44", actors=[], countries=[], date_text="", value="", grain="unknown",
                   start=pd.NaT, end=pd.NaT, published=pd.NaT, sentence=""),
        _statement(statement_id="doc_b:1-5", doc_id="doc_b", grain="month", value="2024-10", date_text="October 2024",
                   start=pd.Timestamp("2024-10-01"), end=pd.Timestamp("2024-11-01"), actors=["Vladimir Putin", "Kremlin"]),
    ]))


@pytest.mark.parametrize("write, read", [
    (statements_to_csv, read_statements_csv),
    (statements_to_excel, read_statements_excel),
    (statements_to_json, read_statements_json),
], ids=["csv", "excel", "json"])
def test_download_reads_back_to_the_same_rows(tricky_statements, write, read):
    pd.testing.assert_frame_equal(read(write(tricky_statements)), tricky_statements)


@pytest.mark.parametrize("write, read", [
    (statements_to_csv, read_statements_csv),
    (statements_to_excel, read_statements_excel),
], ids=["csv", "excel"])
def test_synthetic_frame_round_trips_through_spreadsheets(write, read):
    statements = synthetic_statements(300, seed=3)
    pd.testing.assert_frame_equal(read(write(statements)), statements)


def test_csv_joins_list_columns_with_semicolons(tricky_statements):
    raw = pd.read_csv(pd.io.common.BytesIO(statements_to_csv(tricky_statements)), dtype=str, keep_default_na=False,
                      encoding="utf-8-sig")
    assert raw.loc[0, "countries"] == "Israel" + LIST_SEPARATOR + "Iran"
    assert raw.loc[1, "actors"] == ""
    assert list(raw.columns) == list(STATEMENT_COLUMNS)


def test_csv_keeps_the_article_text_verbatim(tricky_statements):
    text = statements_to_csv(tricky_statements).decode("utf-8-sig")
    assert '=HYPERLINK(""x"") said ""NA""; Tehran’s <b>reply</b>,\nthen\ttabs' in text


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx",
                                       "'already quoted"])
def test_csv_cells_a_spreadsheet_would_run_start_with_an_apostrophe_and_read_back_exactly(dangerous):
    statements = statements_of(_statement(sentence=dangerous, title=dangerous, outlet=dangerous, actors=[dangerous]))
    raw = pd.read_csv(pd.io.common.BytesIO(statements_to_csv(statements)), dtype=str, keep_default_na=False,
                      encoding="utf-8-sig")
    for column in ("sentence", "title", "outlet", "actors"):
        assert raw.loc[0, column] == "'" + dangerous, column
    back = read_statements_csv(statements_to_csv(statements))
    assert (back.loc[0, "sentence"], back.loc[0, "outlet"], back.loc[0, "actors"]) == (dangerous, dangerous, [dangerous])


def test_excel_stores_formula_like_sentence_as_text(tricky_statements):
    from openpyxl import load_workbook

    sheet = load_workbook(pd.io.common.BytesIO(statements_to_excel(tricky_statements)))["statements"]
    sentence_column = list(STATEMENT_COLUMNS).index("sentence") + 1
    cell = sheet.cell(row=2, column=sentence_column)
    assert cell.data_type == "s"
    assert cell.value.startswith("=HYPERLINK")


def test_excel_about_sheet_carries_the_filter_description(tricky_statements):
    workbook = pd.read_excel(pd.io.common.BytesIO(statements_to_excel(tricky_statements, about="Countries: Iran")),
                             sheet_name=None)
    assert workbook["about"].iloc[0, 0] == "Countries: Iran"


def test_json_keeps_lists_as_lists_and_missing_dates_as_null(tricky_statements):
    records = json.loads(statements_to_json(tricky_statements))
    assert records[0]["countries"] == ["Israel", "Iran"]
    assert records[0]["sentence"] == TRICKY_SENTENCE
    assert records[1]["start"] is None and records[1]["actors"] == []
    assert records[2]["start"] == "2024-10-01T00:00:00"


def test_spreadsheet_reader_names_the_file_when_columns_are_missing():
    with pytest.raises(ValueError, match="notes.csv: not a statements export.*statement_id"):
        read_statements_csv(b"a,b\n1,2\n", what="notes.csv")


# --- TimelineJS ---------------------------------------------------------------------------
_DATE_FIELDS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}


def test_timelinejs_has_the_documented_top_level_and_slide_fields(tricky_statements):
    document = json.loads(timelinejs_bytes(tricky_statements, title="Iran, June 2025", lane_by="country"))
    assert set(document) == {"title", "events"}
    assert document["title"]["text"]["headline"] == "Iran, June 2025"
    for event in document["events"]:
        assert {"start_date", "text", "group", "unique_id"} <= set(event)
        assert set(event) <= {"start_date", "end_date", "text", "group", "display_date", "unique_id", "media", "background"}
        assert set(event["text"]) == {"headline", "text"}
        for key in ("start_date", "end_date"):
            if key in event:
                assert set(event[key]) <= _DATE_FIELDS
                assert all(isinstance(event[key][part], int) for part in event[key] if part != "display_date")


def test_timelinejs_day_statement_has_year_month_day_numbers(tricky_statements):
    event = statements_to_timelinejs(tricky_statements, title="t")["events"][0]
    assert event["start_date"] == {"year": 2025, "month": 6, "day": 13}
    assert "end_date" not in event and "display_date" not in event
    assert event["group"] == "Israel"  # one group per event: the first country named
    assert "Names: Israel; Iran; Israel Defense Forces." in event["text"]["text"]


def test_timelinejs_month_reads_as_the_month_not_its_first_day(tricky_statements):
    event = statements_to_timelinejs(tricky_statements, title="t")["events"][1]
    assert event["start_date"] == {"year": 2024, "month": 10}
    assert event["display_date"] == "October 2024"


def test_timelinejs_range_gets_an_inclusive_end_date():
    statements = conform_statements(pd.DataFrame([_statement(
        date_text="13–24 June", value="2025-06-13/2025-06-24", start=pd.Timestamp("2025-06-13"),
        end=pd.Timestamp("2025-06-25"))]))
    event = statements_to_timelinejs(statements, title="t")["events"][0]
    assert event["end_date"] == {"year": 2025, "month": 6, "day": 24}
    assert event["display_date"] == "13–24 Jun 2025"


def test_timelinejs_decade_is_an_interval_labelled_as_the_decade():
    statements = conform_statements(pd.DataFrame([_statement(
        date_text="the 1990s", value="199", grain="decade", start=pd.Timestamp("1990-01-01"), end=pd.Timestamp("2000-01-01"))]))
    event = statements_to_timelinejs(statements, title="t")["events"][0]
    assert (event["start_date"], event["end_date"], event["display_date"]) == ({"year": 1990}, {"year": 1999}, "1990s")


def test_timelinejs_counts_undated_statements_it_cannot_place(tricky_statements):
    document = statements_to_timelinejs(tricky_statements, title="t")
    assert len(document["events"]) == 2
    assert "1 statement(s) without a resolved date" in document["title"]["text"]["text"]


def test_timelinejs_escapes_markup_so_the_article_text_shows_verbatim(tricky_statements):
    event = statements_to_timelinejs(tricky_statements, title="t")["events"][0]
    assert "&lt;b&gt;reply&lt;/b&gt;" in event["text"]["text"]
    assert "<b>" not in event["text"]["text"].replace("<p>", "").replace("</p>", "")


def test_timelinejs_unique_ids_are_unique_and_url_safe():
    document = statements_to_timelinejs(synthetic_statements(400, seed=5), title="t", lane_by="source")
    unique_ids = [event["unique_id"] for event in document["events"]]
    assert len(unique_ids) == len(set(unique_ids))
    assert all(uid.replace("-", "").replace("_", "").isalnum() for uid in unique_ids)


def test_timelinejs_rejects_an_unknown_lane():
    with pytest.raises(ValueError, match="lane_by"):
        statements_to_timelinejs(synthetic_statements(5), title="t", lane_by="weather")


def test_timelinejs_group_is_escaped_twice_because_timelinejs_decodes_it_once():
    statements = conform_statements(pd.DataFrame([_statement(outlet="Wire <b>Desk</b> & Co")]))
    event = statements_to_timelinejs(statements, title="t", lane_by="source")["events"][0]
    decoded_once = html.unescape(event["group"])  # what TimelineJS 3.9 inserts as HTML
    assert decoded_once == "Wire &lt;b&gt;Desk&lt;/b&gt; &amp; Co"
    assert html.unescape(decoded_once) == "Wire <b>Desk</b> & Co"


def test_timelinejs_source_line_skips_a_missing_outlet_and_repeats_no_name():
    statements = conform_statements(pd.DataFrame([_statement(outlet="", actors=["Iran", "IAEA"], countries=["Iran"])]))
    text = statements_to_timelinejs(statements, title="t")["events"][0]["text"]["text"]
    assert "<p>“Iran stands “alone””, 27 June 2025. Date as written: “June 13” (2025-06-13, day). Names: Iran; IAEA.</p>" in text


def test_excel_writes_a_date_before_1900_as_text_excel_can_show_and_reads_it_back():
    from openpyxl import load_workbook

    statements = conform_statements(pd.DataFrame([_statement(
        statement_id="doc_w:75-90", value="1648-10-24", date_text="24 October 1648", start=pd.Timestamp("1648-10-24"),
        end=pd.Timestamp("1648-10-25"), published=pd.Timestamp("2025-06-20"))]))
    data = statements_to_excel(statements)
    sheet = load_workbook(pd.io.common.BytesIO(data))["statements"]
    row = dict(zip([cell.value for cell in sheet[1]], sheet[2]))
    assert (row["start"].data_type, row["start"].value) == ("s", "1648-10-24T00:00:00")   # not a negative serial: "####"
    assert row["published"].data_type == "d"                                             # 2025 stays a real date
    pd.testing.assert_frame_equal(read_statements_excel(data), statements)
