"""Key-event timelines: `python -m extract.summarize` on a folder, and the timeline mode of the evaluation."""
from __future__ import annotations

import datetime
import json

import pandas as pd
import pytest

from extract.evaluate.cli import main as evaluate_main
from extract.evaluate.timeline17 import read_timeline17
from extract.key_timeline import SummaryRequest, baseline_timeline, key_timeline, rank_days
from extract.summarize import analyse, main

ARTICLES = {  # date folder -> file -> Penn-Treebank tokenised text, as Timeline17 stores it
    "2009-04-27": {
        "1.htm.txt": "Health officials in Scotland confirmed two cases of swine flu on Monday , a first for the UK .\n"
                     "The couple had returned from a honeymoon in Cancun , Mexico , last week .\n",
        "2.htm.txt": "Two people in Airdrie were confirmed as the first UK swine flu cases today .\n"
                     "Schools in the area stay open , officials say .\n",
    },
    "2009-04-28": {
        "3.htm.txt": "Scotland 's two swine flu patients , confirmed yesterday , are recovering in hospital in Airdrie .\n"
                     "In May 2009 the outbreak was expected to spread -LRB- officials said -RRB- .\n",
    },
    "2009-05-02": {
        "4.htm.txt": "A third case of swine flu was confirmed in Scotland today , a friend of the couple .\n"
                     "On April 27 , the first two cases were confirmed in Airdrie .\n",
        "5.htm.txt": "The third Scottish case of swine flu , confirmed today , is a friend of the Airdrie couple .\n",
    },
}
REFERENCE = ("2009-04-27\nThe first two UK cases of swine flu are confirmed in Scotland .\n"
             "--------------------------------\n"
             "2009-05-02\nA third case is confirmed in Scotland .\n--------------------------------\n")


@pytest.fixture
def collection_folder(tmp_path):
    """A Timeline17 collection: three date folders of tokenised articles and one journalist's timeline."""
    folder = tmp_path / "flu_scotland"
    for day, files in ARTICLES.items():
        (folder / "InputDocs" / day).mkdir(parents=True)
        for name, text in files.items():
            (folder / "InputDocs" / day / name).write_text(text, encoding="utf-8")
    (folder / "timelines").mkdir()
    (folder / "timelines" / "bbc.txt").write_text(REFERENCE, encoding="utf-8")
    return folder


def _summarize(folder, *arguments, tmp_path):
    out, sources = tmp_path / "timeline.json", tmp_path / "sources.csv"
    sources.write_text("doc_id,published\n", encoding="utf-8")
    status = main([str(folder), "--sources", str(sources), "--json", str(out), *arguments])
    return status, (json.loads(out.read_text(encoding="utf-8")) if out.exists() else None)


def test_date_folders_date_their_articles(collection_folder):
    documents = analyse(collection_folder / "InputDocs", sources_csv=None).documents
    published = dict(zip(documents["doc_id"], documents["published"].dt.date))
    assert len(published) == 5 and published["2009-04-28/3.htm"] == datetime.date(2009, 4, 28)


def test_files_taken_out_of_their_date_folders_keep_their_dates(collection_folder):
    path = collection_folder / "InputDocs" / "2009-04-28" / "3.htm.txt"
    documents = analyse([path], {"3.htm": datetime.date(2009, 4, 28)}, sources_csv=None).documents
    assert documents["published"].dt.date.tolist() == [datetime.date(2009, 4, 28)]


def test_cli_writes_the_most_reported_days_in_date_order_with_verbatim_sentences(collection_folder, tmp_path):
    status, timeline = _summarize(collection_folder / "InputDocs", "--dates", "2", "--sentences", "1", tmp_path=tmp_path)
    assert status == 0
    assert list(timeline) == ["2009-04-27", "2009-05-02"]
    assert all(len(sentences) == 1 for sentences in timeline.values())
    assert timeline["2009-05-02"][0] in {"A third case of swine flu was confirmed in Scotland today, a friend of the couple.",
                                         "The third Scottish case of swine flu, confirmed today, is a friend of the Airdrie couple."}


def test_relative_days_resolve_against_the_folder_date(collection_folder, tmp_path):
    # "confirmed yesterday" in an article of 2009-04-28 is 2009-04-27: three articles tell of that day
    status, timeline = _summarize(collection_folder / "InputDocs", "--dates", "1", "--sentences", "3", tmp_path=tmp_path)
    assert status == 0 and list(timeline) == ["2009-04-27"]
    assert "Scotland's two swine flu patients, confirmed yesterday, are recovering in hospital in Airdrie." in timeline["2009-04-27"]


def test_days_outside_the_window_are_not_chosen(collection_folder, tmp_path):
    status, timeline = _summarize(collection_folder / "InputDocs", "--dates", "3", "--sentences", "1",
                                  "--from", "2009-04-28", "--to", "2009-05-31", tmp_path=tmp_path)
    assert status == 0 and list(timeline) == ["2009-05-02"]


def test_a_month_precise_mention_is_not_a_day(collection_folder, tmp_path):
    status, timeline = _summarize(collection_folder / "InputDocs", "--dates", "9", "--sentences", "1", tmp_path=tmp_path)
    assert status == 0 and "2009-05-01" not in timeline and set(timeline) <= {"2009-04-27", "2009-04-28", "2009-05-02"}


def test_cli_refuses_a_window_that_ends_before_it_starts(collection_folder, tmp_path, capsys):
    status, timeline = _summarize(collection_folder / "InputDocs", "--dates", "2", "--sentences", "1",
                                  "--from", "2009-05-01", "--to", "2009-04-01", tmp_path=tmp_path)
    assert status == 2 and timeline is None
    assert "error: --from 2009-05-01 is after --to 2009-04-01" in capsys.readouterr().err


@pytest.mark.parametrize("arguments, message", [
    (["--dates", "2", "--sentences", "1", "--from", "1 May"], "'1 May' is not a date (YYYY-MM-DD)"),
    (["--dates", "0", "--sentences", "1"], "'0' is not a whole number >= 1"),
    (["--sentences", "1"], "the following arguments are required: --dates"),
])
def test_cli_option_mistakes_get_a_usage_message_not_a_traceback(arguments, message, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([str(tmp_path), "--json", str(tmp_path / "t.json"), *arguments])
    assert exit_info.value.code == 2 and message in capsys.readouterr().err


def test_cli_names_a_missing_folder(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere"), "--dates", "1", "--sentences", "1", "--json", "-"]) == 2
    assert f"{tmp_path / 'nowhere'}: folder not found" in capsys.readouterr().err


def test_cli_says_when_no_article_could_be_read(tmp_path, capsys):
    (tmp_path / "notes.xlsx").write_bytes(b"x")
    assert main([str(tmp_path), "--dates", "1", "--sentences", "1", "--json", "-"]) == 1
    assert "error: no article could be read" in capsys.readouterr().err


def test_cli_names_a_missing_sources_table(collection_folder, tmp_path, capsys):
    assert main([str(collection_folder), "--sources", str(tmp_path / "none.csv"), "--dates", "1", "--sentences", "1",
                 "--json", "-"]) == 2
    assert f"--sources {tmp_path / 'none.csv'}: file not found" in capsys.readouterr().err


def _statements(rows):
    return pd.DataFrame([{"doc_id": doc, "published": pd.Timestamp(published), "sentence": sentence,
                          "sentence_start": start, "grain": grain, "start": pd.Timestamp(day)}
                         for doc, published, sentence, start, grain, day in rows])


def test_days_rank_by_prompt_reports_from_distinct_articles_and_ties_go_to_the_later_day():
    statements = _statements([
        ("a", "2009-05-01", "Schools close in Glasgow today.", 0, "day", "2009-05-01"),
        ("a", "2009-05-01", "Schools close in Glasgow today, again.", 40, "day", "2009-05-01"),
        ("b", "2009-05-03", "Flights to Mexico resume from Glasgow.", 0, "day", "2009-05-03"),
        ("c", "2009-05-03", "Flights to Mexico resume, airline says.", 0, "day", "2009-05-03"),
        ("d", "2009-05-04", "A vaccine trial starts in Glasgow.", 0, "day", "2009-05-04"),
        ("e", "2010-06-01", "On 1 May 2009 the schools closed in Glasgow.", 0, "day", "2009-05-01"),  # a year later
        ("f", "2009-05-05", "The outbreak began in April in Mexico.", 0, "month", "2009-04-01"),
    ])
    assert rank_days(statements, SummaryRequest(2, 1)) == [datetime.date(2009, 5, 3), datetime.date(2009, 5, 4)]


def test_key_timeline_gives_at_most_k_distinct_sentences_per_day():
    statements = _statements([(doc, "2009-05-01", f"Schools in Glasgow close today, says official number {doc}.", 0,
                               "day", "2009-05-01") for doc in "abc"])
    timeline = key_timeline(statements, SummaryRequest(1, 5))
    assert list(timeline) == [datetime.date(2009, 5, 1)] and 1 <= len(timeline[datetime.date(2009, 5, 1)]) <= 3


def test_baseline_takes_each_days_first_sentences_in_article_order():
    statements = _statements([
        ("b", "2009-05-02", "Later article, first line.", 0, "day", "2009-05-01"),
        ("a", "2009-05-01", "Second line of the first article.", 50, "day", "2009-05-01"),
        ("a", "2009-05-01", "First line of the first article.", 0, "day", "2009-05-01"),
    ])
    assert baseline_timeline(statements, 1, 2) == {
        datetime.date(2009, 5, 1): ["First line of the first article.", "Second line of the first article."]}


def test_timeline_mode_scores_each_reference_and_their_average(collection_folder, tmp_path, capsys):
    report_path = tmp_path / "report.json"
    assert evaluate_main(["--timelines", str(collection_folder), "--json", str(report_path)]) == 0
    printed = capsys.readouterr().out
    assert "flu_scotland/bbc.txt" in printed and "average (mean P, mean R, then F)" in printed
    report = json.loads(report_path.read_text(encoding="utf-8"))
    (timeline,) = report["timelines"]
    assert (timeline["articles"], timeline["n_dates"], timeline["sentences_per_date"]) == (5, 2, 1)
    assert list(timeline["predicted"]) == ["2009-04-27", "2009-05-02"]
    assert timeline["scores"]["date"] == {"p": 1.0, "r": 1.0, "f": 1.0}
    assert 0 < report["average"]["rouge_1"]["f"] <= 1 and report["average"] == {
        metric: scores for metric, scores in timeline["scores"].items()}


def test_timeline_mode_reads_the_articles_of_the_reference_window_only(collection_folder):
    (collection, ), _ = read_timeline17(collection_folder)
    reference = collection.timelines[0]
    assert len(collection.articles_between(reference.first_date, reference.last_date)) == 5
    assert collection.articles_between(datetime.date(2009, 4, 28), datetime.date(2009, 4, 30))[0].path.name == "3.htm.txt"


def test_timeline_mode_names_an_unknown_collection(collection_folder, capsys):
    assert evaluate_main(["--timelines", str(collection_folder.parent), "--collections", "nope"]) == 2
    assert "no collection named nope (have: flu_scotland)" in capsys.readouterr().err


def test_with_events_only_the_evidence_of_day_precise_events_makes_a_day():
    statements = _statements([
        ("a", "2009-05-01", "Schools close in Glasgow today.", 0, "day", "2009-05-01"),
        ("b", "2009-05-01", "Glasgow schools closed on Friday.", 0, "day", "2009-05-01"),
        ("c", "2009-05-03", "Since May 3 flights have resumed.", 0, "day", "2009-05-03"),
        ("d", "2009-05-03", "Flights resumed after May 3, slowly.", 0, "day", "2009-05-03"),
        ("e", "2009-05-03", "Airlines have flown since May 3.", 0, "day", "2009-05-03"),
    ])
    statements["statement_id"] = [f"{doc}:0-5" for doc in "abcde"]
    events = pd.DataFrame({"kind": ["event", "event"], "grain": ["day", "month"],
                           "start": pd.to_datetime(["2009-05-01", "2009-05-01"]), "salience": [1.0, 1.0],
                           "statement_ids": [["a:0-5", "b:0-5"], ["c:0-5", "d:0-5", "e:0-5"]]})
    assert rank_days(statements, SummaryRequest(1, 1)) == [datetime.date(2009, 5, 3)]
    assert rank_days(statements, SummaryRequest(1, 1), events) == [datetime.date(2009, 5, 1)]


def test_times_of_day_do_not_make_a_day():
    statements = _statements([
        ("a", "2009-05-01", "At 13:57 30th Apr 2009, a reader wrote: hello.", 0, "hour", "2009-04-30"),
        ("b", "2009-05-01", "1.00 pm: The electricity was back.", 0, "hour", "2009-04-30"),
        ("c", "2009-05-01", "Schools in Glasgow close on Friday.", 0, "day", "2009-05-01"),
    ])
    assert rank_days(statements, SummaryRequest(3, 1)) == [datetime.date(2009, 5, 1)]


def test_a_sentence_is_given_to_one_day_only():
    documents = pd.DataFrame({"doc_id": ["a"], "status": ["ok"], "published": pd.to_datetime(["2009-05-02"]),
                              "text": ["Iran was left without the military support promised by its ally.\n"]})
    statements = _statements([
        ("b", "2009-05-01", "Schools in Glasgow closed on Friday morning.", 0, "day", "2009-05-01"),
        ("c", "2009-05-02", "Flights to Mexico resumed on Saturday morning.", 0, "day", "2009-05-02"),
    ])
    timeline = key_timeline(statements, SummaryRequest(2, 2), documents=documents)
    sentences = [sentence for day_sentences in timeline.values() for sentence in day_sentences]
    assert len(timeline) == 2 and len(sentences) == len(set(sentences)) == 3


def test_a_day_at_the_end_of_the_collection_is_ranked_by_the_reports_it_could_already_have():
    statements = _statements([
        ("a", "2009-05-01", "Schools in Glasgow close today.", 0, "day", "2009-05-01"),
        ("b", "2009-05-02", "Schools in Glasgow closed yesterday.", 0, "day", "2009-05-01"),
        ("c", "2009-05-03", "Schools in Glasgow closed on Friday.", 0, "day", "2009-05-01"),
        ("d", "2009-05-03", "Flights to Mexico are halted today.", 0, "day", "2009-05-03"),
        ("e", "2009-05-03", "Airlines halt Mexico flights today.", 0, "day", "2009-05-03"),
    ])
    # 3 reports of 1 May over three days; 3 May is the last publication day, where 3 in 5 reports appear
    assert rank_days(statements, SummaryRequest(1, 1)) == [datetime.date(2009, 5, 3)]
    statements.loc[len(statements)] = statements.iloc[0].copy()
    statements.loc[len(statements) - 1, ["doc_id", "published"]] = ["f", pd.Timestamp("2009-05-09")]
    assert rank_days(statements, SummaryRequest(1, 1)) == [datetime.date(2009, 5, 1)]  # 3 May is no longer the last day


def test_a_retrospective_sentence_months_later_is_not_a_sentence_of_the_day():
    statements = _statements([
        ("a", "2009-05-01", "Schools in Glasgow close today after a case of swine flu.", 0, "day", "2009-05-01"),
        ("b", "2010-05-01", "A year ago today, on 1 May 2009, schools in Glasgow closed for swine flu.", 0, "day",
         "2009-05-01"),
    ])
    timeline = key_timeline(statements, SummaryRequest(1, 2), documents=None)
    assert timeline == {datetime.date(2009, 5, 1): ["Schools in Glasgow close today after a case of swine flu."]}


def test_a_leads_place_in_its_article_does_not_outweigh_what_the_days_reports_share():
    documents = pd.DataFrame({"doc_id": ["a"], "status": ["ok"], "published": pd.to_datetime(["2009-05-01"]),
                              "text": ["Swine flu: airlines cancelled flights from Glasgow to Mexico today.\nSchools stay open elsewhere."]})
    statements = _statements([
        (doc, "2009-05-01", f"Glasgow schools closed today after {number} swine flu cases were confirmed.", 800,
         "day", "2009-05-01") for doc, number in (("b", "two"), ("c", "three"), ("d", "four"))])
    (sentence,) = key_timeline(statements, SummaryRequest(1, 1), documents=documents)[datetime.date(2009, 5, 1)]
    assert "swine flu cases were confirmed" in sentence


def test_cli_names_a_curation_file_that_is_not_a_database(collection_folder, tmp_path, capsys):
    (tmp_path / "notes.sqlite").write_text("the analyst's notes, not a database")
    assert main([str(collection_folder), "--dates", "2", "--sentences", "1", "--json", "-",
                 "--curation", str(tmp_path / "notes.sqlite")]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"error: --curation: The curation database {tmp_path / 'notes.sqlite'} cannot be opened")
