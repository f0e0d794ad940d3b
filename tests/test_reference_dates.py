"""Reference dates are never silently wrong: datelines, page metadata, date folders and the page's own stamp; a date
the story only mentions is an event, not its date, so without those the date is unknown (warning, confidence 'none')."""
from __future__ import annotations

import datetime as dt

import pytest

from extract import extract_corpus
from extract.sources import infer_reference_date
from extract.timex import find
from tests.support.pages import page_on_extracted_folder


def inferred(text: str) -> tuple[dt.date | None, str, str]:
    return infer_reference_date(text, find(text))


@pytest.mark.parametrize("text, day", [
    ("BRUSSELS | Fri Mar 18, 2011 12:45pm EDT\nEU leaders met on Friday.", dt.date(2011, 3, 18)),
    ("Aug. 7, 1998\nBombs exploded outside two embassies today.", dt.date(1998, 8, 7)),
    ("WASHINGTON (Reuters) - Friday, March 18, 2011\nOfficials met.", dt.date(2011, 3, 18)),
    ("Updated: Friday 18 March 2011 12:45 GMT\nThe talks went on.", dt.date(2011, 3, 18)),
    ("Münster, 24 October 1648\nThe Peace of Westphalia was signed today.", dt.date(1648, 10, 24)),
    ("ZÜRICH, Switzerland (Reuters) - June 3, 2025\nTalks went on.", dt.date(2025, 6, 3)),
    ("São Paulo, 3 June 2025\nProtests went on.", dt.date(2025, 6, 3)),
])
def test_a_dateline_with_a_full_date_is_the_reference_date_with_high_confidence(text, day):
    assert inferred(text)[0] == day and inferred(text)[2] == "high"


def test_a_sentence_with_a_date_on_the_first_line_is_not_a_dateline_whatever_its_letters():
    assert inferred("Hamas attacked 7 October 2023\nIsrael answered.")[0] is None
    assert inferred("Élysée talks began 3 June 2025\nThey went on.")[0] is None


def test_a_dateline_without_a_year_takes_the_texts_latest_year_with_medium_confidence():
    date, basis, confidence = inferred("Title\n15 June, 19:14\nThe strikes of April 2024 and January 2025 ...")
    assert (date, confidence) == (dt.date(2025, 6, 15), "medium") and "dateline '15 June'" in basis


def test_a_dateline_whose_weekday_contradicts_its_date_is_not_trusted():
    assert inferred("BRUSSELS | Mon Mar 18, 2011\nTalks.")[2] != "high"


@pytest.mark.parametrize("text, day", [
    ("Swine flu spreads\nPage last updated at 08:58 GMT, Thursday, 30 April 2009 09:58 UK\nCases rose.", dt.date(2009, 4, 30)),
    ("Saturday 25 April 2009 23.24 BST Swine flu has similar symptoms to the common flu.", dt.date(2009, 4, 25)),
    ("Lead story 6 January 2011 Last updated at 04:46 GMT A bodyguard testified on Thursday.", dt.date(2011, 1, 6)),
    ("Talks resume in Brussels. Published: Friday, 18 March 2011, 12:45 GMT The talks went on.", dt.date(2011, 3, 18)),
])
def test_the_pages_own_stamp_is_its_reference_date_with_high_confidence(text, day):
    date, basis, confidence = inferred(text)
    assert (date, confidence) == (day, "high") and basis.startswith("inferred: page stamp")


@pytest.mark.parametrize("name, text", [
    ("a reader comment's header", "Flu spreads.\nAt 07:59 am on 01 Jun 2009, shalimarguru wrote: Well I am 68."),
    ("a comment's 'Added:' stamp", "Flu spreads.\nAdded: Tuesday, 19 January, 2010, 18:32 GMT Just heard from a friend."),
    ("a photo caption, its clock belongs to the next date", "Masks in Taipei May 22, 2009. TAIPEI | 9:19 pm EDT"),
    ("an all-digit date that reads either way", "Ho Chi Minh City, 08/05/2009 10:15: the hospital said."),
    ("a stamp far down the page", "Flu spreads. " * 300 + "REUTERS/Jason Lee Apr 29, 2009 09:23 UTC By Niu Shuping"),
    ("a list of stamped posts", "More on vaccines - 16:10 UK time, Wednesday, 8 July 2009 Policy shift - 08:55 UK time, "
                               "Thursday, 2 July 2009 First death - 23:39 UK time, Sunday, 14 June 2009"),
])
def test_what_only_looks_like_a_page_stamp_does_not_date_the_page(name, text):
    assert inferred(text)[::2] == (None, "none"), name


@pytest.mark.parametrize("text", [
    "NAIROBI, Kenya (AP) _ The school, founded on June 5, 1946, closed today after floods, officials said Saturday.",
    "Jackson, who died on 25 June 2009 aged 50, had rehearsed for months in LA.",
    "The notes are due Dec. 31, 1994, the company said.",
    "It began on March 3, 2024 and peaked on June 13, 2025 in the north.",
])
def test_a_date_the_story_only_mentions_is_an_event_not_its_date(text):
    date, basis, confidence = inferred(text)
    assert (date, confidence) == (None, "none") and "no dateline and no page stamp" in basis


def test_a_full_date_whose_written_weekday_is_wrong_is_not_used():
    assert inferred("Talks ended on Monday, March 18, 2011 in Brussels.")[2] == "none"


def test_an_undated_wire_story_is_unknown_with_a_warning_and_in_the_documents_frame(tmp_path):
    (tmp_path / "wire.txt").write_text("NAIROBI, Kenya (AP) _ Heavy rains on Saturday killed five people, "
                                       "the worst since June 5, 1946, after a dry 1999.\n")
    extraction = extract_corpus(tmp_path, sources_csv=None, with_events=False)
    row = extraction.documents.iloc[0]
    assert row["reference_date_confidence"] == "none" and row["published"] is not None
    assert any(w.startswith(f"{tmp_path / 'wire.txt'}: no reference date") for w in extraction.warnings)
    saturday = extraction.statements.query("date_text == 'Saturday'").iloc[0]
    assert saturday["grain"] == "unknown"   # not silently placed in 1946


def test_confidence_is_given_for_sources_csv_and_high_for_a_date_folder(tmp_path):
    (tmp_path / "2011-03-18").mkdir()
    (tmp_path / "2011-03-18" / "a.txt").write_text("Talks resumed on Friday.\n")
    (tmp_path / "b.txt").write_text("Talks resumed on Friday.\n")
    sources = tmp_path / "sources.csv"
    sources.write_text("doc_id,published\nb,2024-05-03\n")
    documents = extract_corpus(tmp_path, sources_csv=sources, with_events=False).documents.set_index("doc_id")
    assert documents.loc["2011-03-18/a", "reference_date_confidence"] == "high"
    assert documents.loc["b", "reference_date_confidence"] == "given"


def test_the_sources_page_shows_confidence_and_which_articles_need_a_date(navigation_app, tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "dated.txt").write_text("Aug. 7, 1998\nBombs exploded outside two embassies on Friday.\n")
    (articles / "undated.txt").write_text("Heavy rains on Saturday killed five people.\n")
    app = page_on_extracted_folder("pages/sources.py", articles, tmp_path / "data" / "statements.parquet", monkeypatch)
    assert any("1 article(s) need a date" in warning.value for warning in app.warning)
    table = app.dataframe[0].value
    assert dict(zip(table["doc_id"], table["date confidence"])) == {"dated": "high", "undated": "none"}
    app.toggle(key="sources_only_undated").set_value(True).run()
    assert app.dataframe[0].value["doc_id"].tolist() == ["undated"]
