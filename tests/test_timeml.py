"""Reading TimeML: text without tags, gold offsets into it, the creation date, clear errors for bad files."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from extract.evaluate.timeml import TimemlError, parse_timeml, read_corpus, read_timeml

FIXTURES = Path(__file__).parent / "fixtures" / "timeml"


def gold_tuples(document):
    return [(timex.start, timex.end, timex.type, timex.value, timex.text) for timex in document.timexes]


def test_text_has_tags_removed_and_entities_decoded_with_gold_offsets_into_it():
    document = read_timeml(FIXTURES / "creation_time_in_header.tml")
    assert document.text == "Prices fell yesterday after three weeks of gains & losses.\nThe board meets next Monday at 10 a.m."
    assert gold_tuples(document) == [
        (12, 21, "DATE", "1998-01-07", "yesterday"),
        (28, 39, "DURATION", "P3W", "three weeks"),
        (75, 86, "DATE", "1998-01-12", "next Monday"),
        (90, 97, "TIME", "1998-01-12T10:00", "10 a.m."),
    ]


def test_creation_time_timex_gives_the_reference_date():
    document = read_timeml(FIXTURES / "creation_time_in_header.tml")
    assert (document.creation_date, document.creation_date_basis) == (datetime.date(1998, 1, 8), "CREATION_TIME")


def test_without_creation_time_the_date_in_the_file_name_is_used():
    document = read_timeml(FIXTURES / "date_in_file_name_19980315.tml")
    assert (document.creation_date, document.creation_date_basis) == (datetime.date(1998, 3, 15), "file name")


def test_comments_are_removed_and_self_closing_timex_is_not_a_span():
    document = read_timeml(FIXTURES / "date_in_file_name_19980315.tml")
    assert "<!--" not in document.text and "file name" not in document.text
    assert [timex.value for timex in document.timexes] == ["1998-03-16", "XXXX-WXX-7", "1998-03", "1998-03-10"]
    assert (document.timexes[0].start, document.timexes[-1].end) == (30, 89)


def test_creation_time_wins_over_a_date_in_the_file_name():
    raw = ('<DCT><TIMEX3 value="1998-02-27" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'
           "<TEXT>Nothing here.</TEXT>")
    document = parse_timeml(raw, "NYT19990101.0001.tml")
    assert document.creation_date == datetime.date(1998, 2, 27)


def test_unparseable_creation_time_falls_back_to_the_file_name_then_to_none():
    raw = '<TIMEX3 value="PRESENT_REF" functionInDocument="CREATION_TIME">now</TIMEX3><TEXT>x</TEXT>'
    assert parse_timeml(raw, "AP_20130322.tml").creation_date == datetime.date(2013, 3, 22)
    assert (parse_timeml(raw, "story.tml").creation_date, parse_timeml(raw, "story.tml").creation_date_basis) == (None, "none")


def test_impossible_date_in_file_name_gives_no_creation_date():
    assert parse_timeml("<TEXT>x</TEXT>", "AP_19981399.tml").creation_date is None


def test_nested_timexes_both_keep_their_spans():
    raw = ('<TEXT>It ran <TIMEX3 type="DURATION" value="P2D">two days ending <TIMEX3 type="DATE" value="1998-01-05">'
           'Monday</TIMEX3></TIMEX3>.</TEXT>')
    document = parse_timeml(raw, "nested.tml")
    assert document.text == "It ran two days ending Monday."
    assert gold_tuples(document) == [(7, 29, "DURATION", "P2D", "two days ending Monday"),
                                     (23, 29, "DATE", "1998-01-05", "Monday")]


def test_empty_timex_is_not_a_span_and_attribute_entities_are_decoded():
    raw = "<TEXT>A <TIMEX3 type='DATE' value='1998'></TIMEX3>b <TIMEX3 type='DATE' value='A&amp;B'>c</TIMEX3></TEXT>"
    document = parse_timeml(raw, "empty.tml")
    assert gold_tuples(document) == [(4, 5, "DATE", "A&B", "c")]


@pytest.mark.parametrize("content, problem", [
    ("just some words, no markup", "not a TimeML file"),
    ("<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT> element"),
    ("<TEXT>a </TIMEX3> b</TEXT>", "</TIMEX3> without an opening"),
    ('<TEXT>a <TIMEX3 type="DATE" value="1998">b</TEXT>', "never closed"),
])
def test_malformed_file_error_names_the_file_and_the_problem(tmp_path, content, problem):
    path = tmp_path / "broken_story.tml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TimemlError) as raised:
        read_timeml(path)
    assert "broken_story.tml" in str(raised.value) and problem in str(raised.value)


def test_binary_file_error_names_the_file(tmp_path):
    path = tmp_path / "picture.tml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(TimemlError, match=r"picture\.tml: not UTF-8 text"):
        read_timeml(path)


def test_corpus_skips_bad_files_with_a_warning_and_keeps_the_others(tmp_path):
    for fixture in FIXTURES.glob("*.tml"):
        (tmp_path / fixture.name).write_text(fixture.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b_no_text.tml").write_text("<TimeML></TimeML>", encoding="utf-8")
    (tmp_path / "._resource_fork.tml").write_bytes(b"\x00\x01")
    (tmp_path / "notes.txt").write_text("not a corpus file", encoding="utf-8")
    documents, warnings = read_corpus(tmp_path)
    assert [document.name for document in documents] == ["creation_time_in_header.tml", "date_in_file_name_19980315.tml"]
    assert len(warnings) == 1 and "b_no_text.tml" in warnings[0] and "no <TEXT> element" in warnings[0]


def test_corpus_limit_keeps_the_first_files_by_name():
    documents, _ = read_corpus(FIXTURES, limit=1)
    assert [document.name for document in documents] == ["creation_time_in_header.tml"]


def test_missing_or_empty_corpus_folder_is_a_clear_error(tmp_path):
    with pytest.raises(TimemlError, match="corpus folder not found"):
        read_corpus(tmp_path / "nowhere")
    with pytest.raises(TimemlError, match="no .tml files"):
        read_corpus(tmp_path)
