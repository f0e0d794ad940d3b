"""Dates of any year 1-9999 are extracted, stored, read back, filtered and drawn; one failing document never stops a run."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from extract import extract_corpus
from extract.__main__ import main as extract_main
from extract.schema import DATE_DTYPE, DOCUMENT_COLUMNS, STATEMENT_COLUMNS

OLD_AND_FAR = {
    "centuries.txt": "Rome, 3 May 2024\nThe order was founded in the 14th century. Churches from the 11th "
                     "century survive in the valley.\n",
    "westphalia.txt": "Münster, 9 March 2023\nThe Peace of Westphalia (1648) ended the war. Its archive, begun in "
                      "1625, opened on Monday. Its office at 1625 K Street is a house number, not a year.\n",
    "future.txt": "Geneva, 2 February 2025\nThe vault is sealed until the 25th century. Some say the 1st century "
                  "was quieter.\n",
    "ancient.txt": "Naples, 24 August 2024\nVesuvius buried Pompeii in AD 79. Caesar crossed the Rubicon in 49 BC; "
                   "Athens rose in the 5th century BC.\n",
    "roman.txt": "The census was taken in March 1500 and again on Friday.\n",
}
SOURCES_CSV = "doc_id,title,outlet,author,published,url,reference_date_basis\nroman,Roman census,Annals,,0202-05-01,,sources.csv\n"


@pytest.fixture(scope="module")
def old_and_far_folder(tmp_path_factory) -> Path:
    """A folder of articles naming years from the 11th to the 25th century, and a sources.csv dating one in 202 AD."""
    folder = tmp_path_factory.mktemp("old_and_far")
    for name, text in OLD_AND_FAR.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder.parent / f"{folder.name}_sources.csv").write_text(SOURCES_CSV, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def old_and_far_extraction(old_and_far_folder):
    return extract_corpus(old_and_far_folder, sources_csv=old_and_far_folder.parent / f"{old_and_far_folder.name}_sources.csv")


def _interval(statements: pd.DataFrame, doc_id: str, date_text: str) -> tuple[str, str, str]:
    rows = statements[(statements["doc_id"] == doc_id) & (statements["date_text"] == date_text)]
    assert len(rows) == 1, statements[["doc_id", "date_text", "value"]].to_string()
    row = rows.iloc[0]
    return row["grain"], f"{row['start']:%Y-%m-%d}", f"{row['end']:%Y-%m-%d}"


@pytest.mark.parametrize("doc_id, date_text, expected", [
    ("centuries", "the 14th century", ("century", "1300-01-01", "1400-01-01")),
    ("centuries", "the 11th century", ("century", "1000-01-01", "1100-01-01")),
    ("westphalia", "1648", ("year", "1648-01-01", "1649-01-01")),
    ("westphalia", "1625", ("year", "1625-01-01", "1626-01-01")),
    ("future", "the 25th century", ("century", "2400-01-01", "2500-01-01")),
    ("roman", "March 1500", ("month", "1500-03-01", "1500-04-01")),
])
def test_dates_outside_the_nanosecond_range_are_placed(old_and_far_extraction, doc_id, date_text, expected):
    assert _interval(old_and_far_extraction.statements, doc_id, date_text) == expected


def test_every_date_column_holds_years_1_to_9999(old_and_far_extraction):
    for frame, columns in ((old_and_far_extraction.statements, STATEMENT_COLUMNS),
                           (old_and_far_extraction.documents, DOCUMENT_COLUMNS)):
        for name, dtype in columns.items():
            if dtype.startswith("datetime"):
                assert str(frame[name].dtype) == DATE_DTYPE == "datetime64[s]"


def test_a_published_date_of_year_202_is_the_reference_date(old_and_far_extraction):
    documents = old_and_far_extraction.documents.set_index("doc_id")
    assert documents.loc["roman", "published"] == pd.Timestamp(dt.date(202, 5, 1))
    assert documents.loc["roman", "reference_date_basis"] == "sources.csv"
    friday = old_and_far_extraction.statements.query("doc_id == 'roman' and date_text == 'Friday'").iloc[0]
    assert (friday["value"], friday["start"]) == ("0202-04-30", pd.Timestamp(dt.date(202, 4, 30)))


def test_a_year_the_calendar_cannot_hold_is_one_warning_with_file_and_line_and_kept_unknown(old_and_far_folder,
                                                                                            old_and_far_extraction):
    warnings = [w for w in old_and_far_extraction.warnings if "the 1st century" in w]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{old_and_far_folder / 'future.txt'}: ")
    assert "line 2" in warnings[0] and "outside the calendar" in warnings[0]
    kept = old_and_far_extraction.statements.query("date_text == 'the 1st century'")
    assert kept["grain"].tolist() == ["unknown"] and kept["start"].isna().all()


def test_years_of_an_era_are_placed_from_ad_1_and_before_christ_kept_unknown_with_a_warning(old_and_far_folder,
                                                                                                old_and_far_extraction):
    statements = old_and_far_extraction.statements.query("doc_id == 'ancient'").set_index("date_text")
    assert statements.loc["AD 79", "value"] == "0079"
    assert statements.loc["AD 79", "start"] == pd.Timestamp(dt.date(79, 1, 1))
    for text, value in (("49 BC", "BC0049"), ("the 5th century BC", "BC04")):
        assert (statements.loc[text, "value"], statements.loc[text, "grain"]) == (value, "unknown")
        assert pd.isna(statements.loc[text, "start"])
        warnings = [w for w in old_and_far_extraction.warnings if repr(text) in w]
        assert len(warnings) == 1 and warnings[0].startswith(f"{old_and_far_folder / 'ancient.txt'}: ")
        assert "outside the calendar" in warnings[0]


def test_old_and_far_dates_survive_the_files_and_the_loader(old_and_far_folder, tmp_path):
    from desk.loading import read_documents, read_statements

    sources = old_and_far_folder.parent / f"{old_and_far_folder.name}_sources.csv"
    for out in (tmp_path / "statements.parquet", tmp_path / "csv" / "statements.csv"):
        assert extract_main([str(old_and_far_folder), "--out", str(out), "--sources", str(sources)]) == 0
    statements = read_statements(tmp_path / "statements.parquet")
    assert pd.Timestamp("1000-01-01") in set(statements["start"])
    assert pd.Timestamp("2500-01-01") in set(statements["end"])
    assert read_documents(tmp_path / "documents.parquet").set_index("doc_id").loc["roman", "published"].year == 202
    from_csv = pd.read_csv(tmp_path / "csv" / "statements.csv", dtype=str, keep_default_na=False)
    assert "1300-01-01" in set(from_csv["start"].str[:10])


def test_old_dates_are_filtered_and_drawn(old_and_far_extraction):
    from desk.charts import build_timeline_figure
    from desk.filters import Filters, apply_filters

    statements = old_and_far_extraction.statements
    kept = apply_filters(statements, Filters(date_from=dt.date(1600, 1, 1), date_to=dt.date(1699, 12, 31), kinds=()))
    assert set(kept["date_text"]) == {"1648", "1625"}
    figure = json.loads(build_timeline_figure(statements).to_json())
    bases = {base[:10] for trace in figure["data"] for base in (trace.get("base") or [])}
    assert {"1000-01-01", "1300-01-01", "1648-01-01", "2400-01-01"} <= bases
    assert figure["layout"]["xaxis"]["rangeslider"]["range"][0].startswith("0079-01-01")  # AD 79, the earliest


def test_date_widgets_accept_any_year_on_the_timeline_page(navigation_app, old_and_far_folder, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest
    sources = old_and_far_folder.parent / f"{old_and_far_folder.name}_sources.csv"
    assert extract_main([str(old_and_far_folder), "--out", str(tmp_path / "statements.parquet"), "--sources", str(sources)]) == 0
    monkeypatch.setenv("TIMELINE_DESK_STATEMENTS", str(tmp_path / "statements.parquet"))
    app = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=60)
    app.query_params.update({"from": "1000-01-01", "to": "1699-12-31", "view": "statements"})  # the raw statements chart
    app.run()
    assert not app.exception, app.exception
    assert app.date_input[0].value == dt.date(1000, 1, 1) and app.date_input[1].value == dt.date(1699, 12, 31)
    timeline = json.loads(app.get("plotly_chart")[0].proto.spec)
    drawn = {statement_id for trace in timeline["data"] for statement_id in trace.get("customdata", [])}
    placed = old_and_far_extraction_ids(tmp_path / "statements.parquet", 1000, 1700)
    assert drawn == placed and len(placed) == 5


def old_and_far_extraction_ids(events: Path, first_year: int, end_year: int) -> set[str]:
    statements = pd.read_parquet(events)
    inside = (statements["kind"] == "event") & (statements["start"].dt.year >= first_year) & (statements["start"].dt.year < end_year)
    return set(statements.loc[inside, "statement_id"])


def test_one_failing_document_is_a_warning_naming_file_and_stage_and_the_rest_is_extracted(tmp_path, monkeypatch):
    import extract.pipeline as pipeline

    for name in ("a_first", "b_broken", "c_last"):
        (tmp_path / f"{name}.txt").write_text(f"Kyiv, 3 May 2024\n{name} said Iran met Russia on Friday.\n",
                                              encoding="utf-8")
    real_actors = pipeline.sentence_countries  # the actors stage as the pipeline calls it

    def actors_failing_on_broken(sentence, reference_date=None, gazetteer=None):
        if "b_broken" in sentence:
            raise RuntimeError("injected failure")
        return real_actors(sentence, reference_date, gazetteer)

    monkeypatch.setattr(pipeline, "sentence_countries", actors_failing_on_broken)
    extraction = extract_corpus(tmp_path, sources_csv=None)
    assert sorted(set(extraction.statements["doc_id"])) == ["a_first", "c_last"]
    documents = extraction.documents.set_index("doc_id")
    assert documents.loc["b_broken", "status"] == "failed"
    assert documents.loc["b_broken", "text"].startswith("Kyiv, 3 May 2024")
    failure = [w for w in extraction.warnings if "b_broken.txt" in w]
    assert len(failure) == 1
    assert "extraction failed in stage 'actors'" in failure[0] and "RuntimeError: injected failure" in failure[0]
    assert documents.loc["b_broken", "problem"] in failure[0]


def test_a_failing_reference_date_stage_is_named(tmp_path, monkeypatch):
    import extract.pipeline as pipeline

    (tmp_path / "one.txt").write_text("Kyiv, 3 May 2024\nTalks resumed on Friday.\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "resolve_source", lambda *args: 1 / 0)
    extraction = extract_corpus(tmp_path, sources_csv=None)
    assert extraction.statements.empty
    assert extraction.documents["status"].tolist() == ["failed"]
    assert "stage 'reference date' (ZeroDivisionError" in extraction.warnings[-1]
