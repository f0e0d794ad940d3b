"""Stage 5: what kind of statement a sentence makes: an `event`, a bibliography `reference`,
or the article's own `dateline`.

A reference is a line of a "References" / "Sources" / "Bibliography" section that is a list
item or reads like a citation ("Outlet, title, Month Year"), or such a citation list item
anywhere. A dateline is found by `extract.sources.find_dateline`.

>>> text = "Body on June 2.\\nReferences\\n  • Reuters, Strikes in Syria, May 2024\\n"
>>> reference_line_spans(text)
[(27, 66)]
"""
from __future__ import annotations

import re

_SECTION_HEADING = re.compile(
    r"^[ \t#*]*(?:references|sources|bibliography|works cited|further reading|notes)[ \t:*]*$", re.I | re.M)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[•·▪◦‣\-*–]|\d{1,3}[.)]|\[\d{1,3}\])[ \t]+\S")
_CITATION = re.compile(r",[^,\n]+,\s*(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2}\s+)?\d{4}(?:\s*[–-]\s*\d{4})?\W*$")
_LINE = re.compile(r"[^\n]*")


def reference_line_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every line that is a bibliography reference."""
    headings = [m.start() for m in _SECTION_HEADING.finditer(text)]
    spans = []
    for line in _LINE.finditer(text):
        content = line.group(0)
        if not content.strip():
            continue
        in_section = any(h < line.start() for h in headings)
        is_item = bool(_LIST_ITEM.match(content))
        is_citation = bool(_CITATION.search(content)) and len(content) < 300
        if (in_section and (is_item or is_citation)) or (is_item and is_citation):
            spans.append((line.start(), line.end()))
    return spans


def classify_sentence(start: int, end: int, reference_spans: list[tuple[int, int]],
                      dateline_span: tuple[int, int] | None) -> str:
    """The kind of the sentence at [start, end): 'dateline', 'reference' or 'event'.

    >>> classify_sentence(0, 7, [], (0, 7)), classify_sentence(30, 40, [(27, 66)], None)
    ('dateline', 'reference')
    """
    if dateline_span and dateline_span[0] <= start and end <= dateline_span[1]:
        return "dateline"
    if any(span_start <= start and end <= span_end for span_start, span_end in reference_spans):
        return "reference"
    return "event"
