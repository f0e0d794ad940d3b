"""Stage 3: split a document's text into sentences with character offsets.

Every line break ends a sentence (articles arrive one paragraph or heading per line);
inside a line, a sentence ends at . ! ? (and closing quotes) before a capital, a digit or
a quote, except after a known abbreviation or an initial. A run-on "sentence" longer than
MAX_SENTENCE_CHARS (a table, a list with no full stops, a hostile file) is cut at the last
space before the limit, so that no statement carries megabytes of text.

>>> [s.text for s in split_sentences("Dr. Sopher spoke. The U.S. joined on June 22.\\nNext line")]
['Dr. Sopher spoke.', 'The U.S. joined on June 22.', 'Next line']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st jr sr mt ft
jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
no nos vol fig p pp ca approx est inc corp ltd co vs etc e.g i.e u.s u.k u.n u.s.a a.m p.m
""".split())

MAX_SENTENCE_CHARS = 1000
_LINE = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text and its [start, end) character offsets in the document."""
    start: int
    end: int
    text: str


ABBREVIATION_WINDOW = 24  # the longest word looked at before a full stop


def _is_abbreviation(text: str, dot_at: int) -> bool:
    word = _WORD_BEFORE.search(text, max(0, dot_at - ABBREVIATION_WINDOW), dot_at)
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end]) if end > start else None


def _bounded(text: str, start: int, end: int) -> list[Sentence]:
    """The sentence [start, end), cut into pieces of at most MAX_SENTENCE_CHARS at spaces."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut + 1 if cut > 0 else start + MAX_SENTENCE_CHARS
        piece = _trimmed(text, start, cut)
        if piece:
            pieces.append(piece)
        start = cut
    piece = _trimmed(text, start, end)
    return pieces + [piece] if piece else pieces


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences; offsets point into `text`."""
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        cut = line.start()
        for boundary in _BOUNDARY.finditer(text, line.start(), line.end()):
            if boundary.group(0).startswith(".") and _is_abbreviation(text, boundary.start()):
                continue
            sentences.extend(_bounded(text, cut, boundary.end()))
            cut = boundary.end()
        sentences.extend(_bounded(text, cut, line.end()))
    return sentences


def sentence_index_at(sentences: list[Sentence], offset: int) -> int | None:
    """Index of the sentence that contains character `offset`, or None (binary search).

    >>> sentence_index_at(split_sentences("It ended. Then peace."), 12)
    1
    """
    low, high = 0, len(sentences)
    while low < high:
        middle = (low + high) // 2
        if sentences[middle].end <= offset:
            low = middle + 1
        else:
            high = middle
    if low < len(sentences) and sentences[low].start <= offset < sentences[low].end:
        return low
    return None
