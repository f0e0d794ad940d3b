"""The statements frame on the seeds: the dated facts an analyst needs, with the right countries."""
import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from extract import extract_corpus, extract_statements
from extract.schema import KINDS, STATEMENT_COLUMNS, conform_statements

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
S000, S001, S002, S004 = "000_6b2388c66c13b699", "001_8c4639d7cc0bfce9", "002_3d55fe1a66942adb", "004_d66b8ea05d2f980a"


@pytest.fixture(scope="module")
def seed_statements(seeds_extraction):
    """The statements of the seeds, from the session's one extraction (conftest.py)."""
    return seeds_extraction[0]


def row_for(statements, doc_id, sentence_part, date_text):
    """The one statement of `doc_id` whose sentence contains `sentence_part` and whose date text contains `date_text`."""
    found = statements[(statements["doc_id"] == doc_id)
                       & statements["sentence"].str.contains(sentence_part, regex=False)
                       & statements["date_text"].str.lower().str.contains(date_text.lower(), regex=False)]
    assert len(found) == 1, f"{doc_id}: {date_text!r} in {sentence_part!r}: {len(found)} rows\n" \
        f"{statements[statements['doc_id'] == doc_id][['date_text', 'value', 'sentence']].to_string()}"
    return found.iloc[0]


@pytest.mark.parametrize("doc_id, sentence_part, date_text, value, grain, countries", [
    (S000, "UN Security Council embargo", "2007", "2007", "year", {"Iran"}),
    (S000, "embargo on conventional arms", "October 2020", "2020-10", "month", {"Iran", "Russia"}),
    (S002, "2007 invitation to join the Collective Security", "2007", "2007", "year", {"Iran", "Russia"}),
    (S002, "destroyed by the Israeli Air Force", "October", "2024-10", "month", {"Israel", "Iran"}),
    (S002, "Operation Rising Lion", "Friday", "2025-06-13", "day", {"Iran"}),
    (S000, "ended their conflict", "June 24", "2025-06-24", "day", {"Israel", "United States", "Iran"}),
    (S004, "Formally signed in January", "January", "2025-01", "month", {"Iran", "Russia"}),
    (S004, "only five months ago", "five months ago", "2025-01", "month", {"Israel", "Russia"}),
    (S000, "Putin’s July 2022 assertion", "July 2022", "2022-07", "month", {"Iran", "Russia"}),
    (S000, "travelled to Moscow on June 23", "June 23", "2025-06-23", "day", {"Iran", "Russia"}),
    (S001, "Isfahan were struck", "April 2024", "2024-04", "month", {"Iran", "Israel", "Russia"}),
])
def test_seed_expectations(seed_statements, doc_id, sentence_part, date_text, value, grain, countries):
    row = row_for(seed_statements, doc_id, sentence_part, date_text)
    assert (row["value"], row["grain"], row["kind"]) == (value, grain, "event")
    assert countries <= set(row["countries"]), row["countries"]


@pytest.mark.parametrize("doc_id, sentence_part, date_text, parties, only_mentioned", [
    (S000, "launched its bombing campaign against Iran", "June 22", {"United States", "Iran"}, {"Germany", "Soviet Union"}),
    (S000, "Heraclitus", "2500 years ago", set(), {"Greece"}),
])
def test_countries_mentioned_in_passing_are_not_parties(seed_statements, doc_id, sentence_part, date_text, parties,
                                                         only_mentioned):
    row = row_for(seed_statements, doc_id, sentence_part, date_text)
    assert set(row["countries"]) == parties
    assert set(row["country_mentions"]) == parties | only_mentioned


def test_every_party_is_also_a_mention(seed_statements):
    assert all(set(parties) <= set(mentions)
               for parties, mentions in zip(seed_statements["countries"], seed_statements["country_mentions"]))


def test_month_interval_is_the_whole_month_not_its_first_day(seed_statements):
    row = row_for(seed_statements, S002, "destroyed by the Israeli Air Force", "October")
    assert (row["start"], row["end"]) == (pd.Timestamp("2024-10-01"), pd.Timestamp("2024-11-01"))


def test_references_of_001_are_reference_statements(seed_statements):
    references = seed_statements[(seed_statements["doc_id"] == S001) & (seed_statements["kind"] == "reference")]
    assert references["sentence"].str.startswith("•").all()
    assert len(set(references["sentence"])) == 7
    assert {"2024-04", "2024-05", "2024-06", "2025-01"} <= set(references["value"])


def test_dateline_of_001_is_a_dateline_statement(seed_statements):
    datelines = seed_statements[seed_statements["kind"] == "dateline"]
    assert set(datelines["doc_id"]) == {S001}
    assert (datelines["sentence"] == "15 June, 19:14").all()
    assert "2025-06-15" in set(datelines["value"].str[:10])


def test_frame_has_the_schema_and_stable_unique_ids(seed_statements):
    assert list(seed_statements.columns) == list(STATEMENT_COLUMNS)
    assert seed_statements["statement_id"].is_unique
    assert set(seed_statements["kind"]) <= set(KINDS)
    again = extract_statements(SEEDS)
    assert again["statement_id"].tolist() == seed_statements["statement_id"].tolist()
    conform_statements(seed_statements)  # validates without error


def test_every_row_can_say_why_it_exists(seed_statements):
    documents = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for row in seed_statements.itertuples():
        text = documents[row.doc_id]
        assert text[row.sentence_start:row.sentence_end] == row.sentence
        assert text[row.date_start_char:row.date_end_char] == row.date_text
        assert row.sentence_start <= row.date_start_char < row.sentence_end
        assert row.rule


def test_two_dates_in_one_sentence_give_two_rows(seed_statements):
    sentence = seed_statements[seed_statements["sentence"].str.contains("embargo on conventional arms")]
    assert set(sentence["date_text"]) >= {"2007", "October 2020"}


def test_intervals_are_half_open_and_ordered(seed_statements):
    resolved = seed_statements.dropna(subset=["start"])
    assert (resolved["start"] < resolved["end"]).all()


def test_article_without_sources_row_gets_an_inferred_reference_date(tmp_path):
    (tmp_path / "new.txt").write_text("Kyiv report\n3 March 2025\nOn Friday the talks failed, "
                                      "as they did in October.\n", encoding="utf-8")
    extraction = extract_corpus(tmp_path)
    document = extraction.documents.iloc[0]
    assert document["published"] == pd.Timestamp("2025-03-03")
    assert document["reference_date_basis"].startswith("inferred: dateline")
    values = dict(zip(extraction.statements["date_text"], extraction.statements["value"]))
    assert values["Friday"] == "2025-02-28" and values["October"] == "2024-10"


def test_article_without_any_reference_date_keeps_relative_dates_unresolved(tmp_path):
    (tmp_path / "vague.txt").write_text("On Friday the talks failed, as they did in October.\n")
    extraction = extract_corpus(tmp_path)
    assert any("no reference date" in w and "vague.txt" in w for w in extraction.warnings)
    statements = extraction.statements
    assert set(statements["grain"]) == {"unknown"} and statements["start"].isna().all()
    assert {"Friday", "October"} <= set(statements["date_text"])


def test_bad_files_are_reported_and_the_rest_is_extracted(tmp_path):
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (tmp_path / "latin.txt").write_bytes("Le 3 juin 2025, Téhéran a parlé. In May 2024 it began.".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes("On June 24, 2025 the war ended.".encode("utf-16"))
    (tmp_path / "huge.txt").write_bytes(b"In 2007 the embargo began. " * 800_000)
    extraction = extract_corpus(tmp_path)
    problems = "\n".join(extraction.warnings)
    for name, reason in [("empty.txt", "empty file"), ("binary.txt", "binary file"),
                         ("latin.txt", "not valid UTF-8"), ("utf16.txt", "UTF-16"), ("huge.txt", "MB limit")]:
        assert f"{name}: " in problems and reason in problems, name
    documents = extraction.documents.set_index("doc_id")
    assert len(documents) == 9  # nothing the user gave is dropped from the record
    assert documents.loc[["empty", "binary", "huge"], "status"].eq("unreadable").all()
    read = set(extraction.statements["doc_id"])
    assert {S000, S001, S002, S004, "latin", "utf16"} <= read
    assert "2025-06-24" in set(extraction.statements.loc[extraction.statements["doc_id"] == "utf16", "value"])


def test_html_and_markdown_articles_are_extracted(tmp_path):
    (tmp_path / "page.html").write_text("<html><head><title>Strikes</title></head><body><p>On 13 June 2025 "
                                        "Israel struck <b>Iran</b>.</p><script>var d='1 May 1999'</script></body></html>")
    (tmp_path / "note.md").write_text("# Note\n\nIn **October 2024** the S-300s were destroyed in Iran.\n")
    statements = extract_statements(tmp_path)
    assert set(statements["value"]) == {"2025-06-13", "2024-10"}
    assert "1999-05-01" not in set(statements["value"])


def test_impossible_dates_are_reported_with_file_and_line_and_kept_unplaced(tmp_path):
    (tmp_path / "typo.txt").write_text("Kyiv, 3 March 2025\nTalks failed.\nOn February 30, 2025 the envoy left.\n")
    extraction = extract_corpus(tmp_path)
    assert any("typo.txt: impossible date 'February 30, 2025' (line 3)" in w for w in extraction.warnings)
    row = extraction.statements[extraction.statements["date_text"] == "February 30, 2025"].iloc[0]
    assert row["grain"] == "unknown" and pd.isna(row["start"])


HOSTILE_FILES = {
    "digits.txt": "1 " * 100_000,
    "numbers.txt": "-".join(str(i) for i in range(30_000)),
    "months.txt": "June " * 40_000,
    "runon.txt": "On 12 June 2025, 13-24 June 2025 and in 2007–2020, between 1990 and 2000, " * 2_000,
    "angles.html": "<" * 200_000,
    "nested.html": "<div>" * 20_000 + "On 3 May 2024 it began." + "</div>" * 20_000,
    "oneline.txt": "a" * 500_000,
}


def test_hostile_files_are_extracted_with_bounded_statements(tmp_path):
    for name, content in HOSTILE_FILES.items():
        (tmp_path / name).write_text(content)
    extraction = extract_corpus(tmp_path)
    assert sorted(extraction.documents["path"].map(lambda p: Path(p).name)) == sorted(HOSTILE_FILES)
    statements = extraction.statements
    assert statements["sentence"].str.len().max() <= 1000
    assert (statements["doc_id"] == "runon").sum() == 5_000  # the default cap per document
    assert any("runon.txt: " in w and "over the limit of 5,000 per document" in w for w in extraction.warnings)
    assert "2024-05-03" in set(statements.loc[statements["doc_id"] == "nested", "value"])
    raised = extract_corpus([tmp_path / "runon.txt"], max_statements=20_000, with_events=False)
    assert len(raised.statements) >= 8_000 and not any("over the limit" in w for w in raised.warnings)


def test_two_files_with_the_same_stem_are_both_kept(tmp_path):
    (tmp_path / "brief.txt").write_text("On 13 June 2025 Israel struck Iran.")
    (tmp_path / "brief.md").write_text("# Brief\n\nOn 24 June 2025 the war ended.")
    extraction = extract_corpus(tmp_path)
    assert sorted(extraction.documents["doc_id"]) == ["brief", "brief.txt"]
    assert extraction.statements["statement_id"].is_unique
    assert set(extraction.statements["value"]) == {"2025-06-13", "2025-06-24"}


def test_the_statements_own_year_picks_the_office_holder(tmp_path):
    (tmp_path / "retrospective.txt").write_text(
        "Washington, 3 May 2016\nIn 1998 Clinton ordered strikes on Iraq. On Monday Clinton spoke in Ohio.\n", encoding="utf-8")
    statements = extract_corpus(tmp_path, sources_csv=None).statements.set_index("date_text")
    assert "Bill Clinton" in statements.loc["1998", "actors"]
    assert "Hillary Clinton" in statements.loc["Monday", "actors"]
    assert set(statements.loc["1998", "countries"]) == {"United States", "Iraq"}


def test_each_document_is_searched_once_and_resolved_once(tmp_path, monkeypatch):
    import extract.pipeline as pipeline

    calls = {"find": 0, "resolve": 0}

    def counted(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(pipeline, "find", counted("find", pipeline.find))
    monkeypatch.setattr(pipeline, "resolve", counted("resolve", pipeline.resolve))
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text("Kyiv, 3 May 2024\nTalks resumed on Friday, two days later.\n")
    extraction = extract_corpus(tmp_path, sources_csv=None, with_events=False)
    assert calls == {"find": 3, "resolve": 3}
    assert set(extraction.statements.query("date_text == 'Friday'")["value"]) == {"2024-05-03"}
