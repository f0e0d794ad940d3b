"""Penn-Treebank tokenised text is detected and read as normal text; normal text is left alone."""
from __future__ import annotations

from pathlib import Path

import pytest
from nltk.tokenize.treebank import TreebankWordDetokenizer

from extract.documents import read_document_bytes
from extract.ptb import BRACKET_TOKENS, ESCAPED_CHARACTERS, detokenise_ptb, detokenise_ptb_line, looks_ptb_tokenised, normalise_if_tokenised
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


TIMELINE17 = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "Timeline17-dev"
EDGE_LINES = ("'ll start\n'' quoted\n. dot\n-- dash\n' x\n, y\n wan na go\n 't is\n 'T WAS x\nCan not\n  \n"
              "\t a , b \r\nx .) . y\n'S x\nit ' s\nmore 'n gim me\nthe U.S. .\n$ 5 ... and ; 7 %\n")


def _nltk_detokenised(text: str) -> str:
    """The reference: nltk's detokeniser line by line, as extract.ptb did before it ran the rules per document."""
    detokeniser = TreebankWordDetokenizer()
    lines = []
    for line in text.split("\n"):
        tokens = [BRACKET_TOKENS.get(token, token) for token in line.split()]
        for escaped, character in ESCAPED_CHARACTERS.items():
            tokens = [token.replace(escaped, character) for token in tokens]
        lines.append(detokeniser.detokenize(tokens))
    return "\n".join(lines)


def test_document_detokenising_equals_nltk_line_by_line_on_edge_cases():
    assert detokenise_ptb(EDGE_LINES) == _nltk_detokenised(EDGE_LINES)


@pytest.mark.skipif(not TIMELINE17.is_dir(), reason="Timeline17-dev corpus not present")
def test_document_detokenising_equals_nltk_on_timeline17_articles():
    articles = sorted(TIMELINE17.glob("*/InputDocs/*/*.txt"))[::6]
    assert len(articles) > 100
    for article in articles:
        text = article.read_text(encoding="utf-8", errors="replace")
        assert detokenise_ptb(text) == _nltk_detokenised(text), article.name
