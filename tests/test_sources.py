"""sources.csv and reference dates: what each seed resolves against, and inference without a row."""
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from extract.sources import DEFAULT_SOURCES_CSV, find_dateline, infer_reference_date, read_sources_csv

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@dataclass
class FakeTimex:
    start: int
    end: int
    text: str
    value: str
    type: str = "DATE"


def timexes_for(text, *spans):
    return [FakeTimex(text.index(written), text.index(written) + len(written), written, value)
            for written, value in spans]


def test_sources_csv_gives_each_seed_its_reference_date():
    table = read_sources_csv(DEFAULT_SOURCES_CSV)
    assert table.problems == []
    published = {doc_id: source.published for doc_id, source in table.by_doc_id.items()}
    assert published == {
        "000_6b2388c66c13b699": dt.date(2025, 6, 26), "001_8c4639d7cc0bfce9": dt.date(2025, 6, 15),
        "002_3d55fe1a66942adb": dt.date(2025, 6, 14), "004_d66b8ea05d2f980a": dt.date(2025, 6, 24)}


def test_every_seed_has_a_row_with_title_and_basis():
    table = read_sources_csv(DEFAULT_SOURCES_CSV)
    assert {path.stem for path in SEEDS.glob("*.txt")} == set(table.by_doc_id)
    assert all(source.title and source.reference_date_basis for source in table.by_doc_id.values())


def test_bad_published_date_is_reported_with_line_and_row_kept(tmp_path):
    path = tmp_path / "sources.csv"
    path.write_text("doc_id,title,published\na,A,2025-02-30\nb,B,2025-06-01\n,C,2025-01-01\n")
    table = read_sources_csv(path)
    assert table.by_doc_id["a"].published is None and table.by_doc_id["b"].published == dt.date(2025, 6, 1)
    assert any("line 2" in p and "'2025-02-30'" in p and "not an ISO date" in p for p in table.problems)
    assert any("line 4" in p and "empty doc_id" in p for p in table.problems)


def test_sources_csv_without_needed_columns_is_ignored_with_a_problem(tmp_path):
    path = tmp_path / "sources.csv"
    path.write_text("name,date\na,2025-01-01\n")
    table = read_sources_csv(path)
    assert table.by_doc_id == {} and "missing column(s) doc_id, published" in table.problems[0]


def test_missing_or_binary_sources_csv(tmp_path):
    assert read_sources_csv(tmp_path / "absent.csv").problems == []
    binary = tmp_path / "sources.csv"
    binary.write_bytes(b"\xff\xfe\x00\x00garbage\xc3\x28")
    assert "cannot read" in read_sources_csv(binary).problems[0]


def test_dateline_is_a_short_date_line_near_the_top():
    text = "Headline here\n\n15 June, 19:14\nIn the recent escalation on 13 June...\n"
    timexes = timexes_for(text, ("15 June", "XXXX-06-15"), ("19:14", "XXXX-XX-XXT19:14"))
    start, end = find_dateline(text, timexes)
    assert text[start:end] == "15 June, 19:14"


def test_a_sentence_with_a_date_is_not_a_dateline():
    text = "Israel struck on 13 June.\nMore.\n"
    assert find_dateline(text, timexes_for(text, ("13 June", "XXXX-06-13"))) is None


def test_inferred_reference_date_uses_the_dateline_year_from_the_text():
    text = "Title\n15 June, 19:14\nThe strikes of April 2024 and January 2025 ..."
    timexes = timexes_for(text, ("15 June", "XXXX-06-15"), ("April 2024", "2024-04"), ("January 2025", "2025-01"))
    date, basis, confidence = infer_reference_date(text, timexes)
    assert date == dt.date(2025, 6, 15) and confidence == "medium"
    assert "dateline '15 June'" in basis and "2025" in basis


def test_inferred_reference_date_does_not_take_a_date_the_story_only_mentions():
    text = "It began on March 3, 2024 and peaked on June 13, 2025, after talks in 2024."
    timexes = timexes_for(text, ("March 3, 2024", "2024-03-03"), ("June 13, 2025", "2025-06-13"), ("2024", "2024"))
    assert infer_reference_date(text, timexes)[::2] == (None, "none")


def test_a_later_year_in_the_story_contradicts_the_latest_full_date():
    text = "It began on March 3, 2024 and peaked on June 13, 2025, after talks in 2026."
    timexes = timexes_for(text, ("March 3, 2024", "2024-03-03"), ("June 13, 2025", "2025-06-13"), ("2026", "2026"))
    assert infer_reference_date(text, timexes)[::2] == (None, "none")


@pytest.mark.parametrize("text, spans", [
    ("No dates at all.", []),
    ("Last year, in October.", [("October", "XXXX-10")]),
    ("It was 2025-02-30 in a typo.", [("2025-02-30", "2025-02-30")]),
])
def test_no_reference_date_when_the_text_has_no_full_date(text, spans):
    date, basis, confidence = infer_reference_date(text, timexes_for(text, *spans))
    assert date is None and basis.startswith("none:") and confidence == "none"
