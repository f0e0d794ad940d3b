"""Statement kinds: bibliography references and datelines are told apart from events."""
from pathlib import Path

from extract.kinds import classify_sentence, reference_line_spans

SEED_001 = Path(__file__).resolve().parent.parent / "seeds" / "001_8c4639d7cc0bfce9.txt"


def test_every_reference_of_001_is_found_and_nothing_else():
    text = SEED_001.read_text(encoding="utf-8")
    lines = [text[start:end].strip() for start, end in reference_line_spans(text)]
    assert len(lines) == 7
    assert lines[0].startswith("• Al Jazeera") and lines[-1].endswith("January 2025")


def test_citation_list_item_outside_a_section_is_a_reference():
    text = "Story on 3 May.\n- Reuters, Israel strikes Syria, May 2024\n"
    assert reference_line_spans(text) == [(16, 57)]


def test_list_item_without_citation_outside_a_section_is_not_a_reference():
    assert reference_line_spans("- In May 2024 troops moved.\n- Then, in June, they left.\n") == []


def test_prose_mentioning_sources_is_not_a_section_heading():
    text = "Sources in Tehran said so, in May 2024.\n"
    assert reference_line_spans(text) == []


def test_classify_prefers_dateline_then_reference_then_event():
    assert classify_sentence(0, 5, [(0, 10)], (0, 5)) == "dateline"
    assert classify_sentence(0, 5, [(0, 10)], None) == "reference"
    assert classify_sentence(20, 30, [(0, 10)], (0, 5)) == "event"
