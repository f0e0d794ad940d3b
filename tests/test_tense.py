"""The wording cue that tells a "today" of a happening from a "today" meaning "nowadays" (extract.tense)."""
import pytest

from extract.merging import is_generic_present
from extract.tense import EXAMPLES, event_tense, is_today


@pytest.mark.parametrize("clause, cue", EXAMPLES)
def test_tense_examples(clause, cue):
    assert event_tense(clause) == cue


@pytest.mark.parametrize("sentence, generic", [
    ("But today, it is Russia which holds the cards.", True),
    ("Unlike in Syria, where Russia once exercised relative freedom, today’s regional balance leaves it boxed in.", True),
    ("Filthy Rich, written by Micheal Butt, forms today's Afternoon Play offering.", True),
    ("British holiday tour companies have suspended their operations to Mexico today.", False),
    ("Though one lady was found today, rescuers left too soon.", False),
    ("David Cameron is to announce his party's security strategy at Chatham House today.", False),
])
def test_a_today_in_a_present_tense_generic_clause_is_told_from_a_report_of_the_day(sentence, generic):
    start = sentence.lower().index("today")
    end = start + len("today")
    assert is_today(sentence[start:end]) and is_generic_present(sentence, start, end) is generic
