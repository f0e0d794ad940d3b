"""Sentence splitting: offsets point into the text; abbreviations and initials do not end sentences."""
from pathlib import Path

import pytest

from extract.sentences import MAX_SENTENCE_CHARS, sentence_index_at, split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize("text, expected", [
    ("It ended. Then peace came.", ["It ended.", "Then peace came."]),
    ("Dr. Efrat Sopher spoke. Prof. Galeotti agreed.", ["Dr. Efrat Sopher spoke.", "Prof. Galeotti agreed."]),
    ("The U.S. joined on June 22. Iran replied.", ["The U.S. joined on June 22.", "Iran replied."]),
    ("He said “it is over.” Then he left.", ["He said “it is over.”", "Then he left."]),
    ("Title line\nBody one. Body two?", ["Title line", "Body one.", "Body two?"]),
    ("Missiles hit 3.5 km away. Then 2007 came.", ["Missiles hit 3.5 km away.", "Then 2007 came."]),
    ("J. R. Smith wrote it.", ["J. R. Smith wrote it."]),
    ("", []),
    ("   \n\n  ", []),
])
def test_split_sentences_examples(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_point_into_the_text_on_every_seed():
    for path in SEEDS.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        for sentence in split_sentences(text):
            assert text[sentence.start:sentence.end] == sentence.text
            assert sentence.text == sentence.text.strip() and sentence.text


def test_sentence_index_at_finds_the_containing_sentence_or_none():
    sentences = split_sentences("It ended. Then peace came.")
    assert sentence_index_at(sentences, 0) == 0
    assert sentence_index_at(sentences, 12) == 1
    assert sentence_index_at(sentences, 9) is None  # the space between sentences
    assert sentence_index_at([], 3) is None


def test_run_on_text_is_cut_into_bounded_sentences_that_cover_it():
    text = "On 12 June 2025, between 1990 and 2000, " * 500 + "x" * 3000
    sentences = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")
