"""Penn-Treebank tokenised text is detected and read as normal text; normal text is left alone."""
from __future__ import annotations

import pytest

from extract.documents import read_document_bytes
from extract.ptb import detokenise_ptb_line, looks_ptb_tokenised, normalise_if_tokenised
from extract.timex import tag

DETOKENISED = [  # tokenised line as in Timeline17, normal text
    ("Across the UK , the number of confirmed cases rose by nine , to 27 .",
     "Across the UK, the number of confirmed cases rose by nine, to 27."),
    ("Tests were taking place on a `` probable '' fifth Scottish case .",
     'Tests were taking place on a "probable" fifth Scottish case.'),
    ("For this country 's censors , this week has been a busy time .",
     "For this country's censors, this week has been a busy time."),
    ("If you 're reading via RSS , you 'll need to visit the blog .",
     "If you're reading via RSS, you'll need to visit the blog."),
    ("Officials ca n't say -LRB- yet -RRB- how many died .", "Officials can't say (yet) how many died."),
    ("the massacre on June 3rd\\/4th .", "the massacre on June 3rd/4th."),
    ("Prices rose 5 % to $ 1.45 million ; shares fell .", "Prices rose 5% to $1.45 million; shares fell."),
    ("He asked : `` Why now ? ''", 'He asked: "Why now?"'),
]

NOT_TOKENISED = [
    "Across the UK, the number of confirmed cases rose by nine, to 27. It's the first.",
    "On June 24 the war ended.",
    "Scores were 1 , 2 and 3 in the U.S., officials said, and it's over.",
    "",
]


@pytest.mark.parametrize("tokenised, normal", DETOKENISED)
def test_tokenised_line_reads_as_normal_text(tokenised, normal):
    assert detokenise_ptb_line(tokenised) == normal


@pytest.mark.parametrize("tokenised, normal", DETOKENISED)
def test_tokenised_line_is_detected(tokenised, normal):
    assert looks_ptb_tokenised(tokenised) and not looks_ptb_tokenised(normal)


@pytest.mark.parametrize("text", NOT_TOKENISED)
def test_normal_text_is_left_unchanged(text):
    assert normalise_if_tokenised(text) == text


def test_detokenising_keeps_one_sentence_per_line():
    text = "A fourth case is confirmed . \nHe has no connection to the previous three cases . \n"
    assert normalise_if_tokenised(text) == "A fourth case is confirmed.\nHe has no connection to the previous three cases.\n"


def test_a_tokenised_text_file_is_read_as_normal_text_and_its_dates_tagged():
    raw = b"The WHO declared a pandemic on June 11 , 2009 -LRB- a Thursday -RRB- .\nIt 's the first since 1968 .\n"
    document = read_document_bytes("2009-06-12/17.htm.txt", raw)
    assert document.text == "The WHO declared a pandemic on June 11, 2009 (a Thursday).\nIt's the first since 1968.\n"
    assert [timex.value for timex in tag(document.text, None) if timex.type == "DATE"][:1] == ["2009-06-11"]


def test_markdown_and_html_are_not_detokenised():
    document = read_document_bytes("note.md", b"Items : a , b , c . It 's `` quoted '' .")
    assert "Items : a , b , c" in document.text
