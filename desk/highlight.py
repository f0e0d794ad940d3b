"""Article material as safe HTML: the text with date expressions and actors marked (escape first, then mark),
a document's header and a statement's facts.

Pure; the pages pass the results to `st.html`. Every character of the text is escaped, so an
article containing `<script>` or `*markdown*` shows exactly those characters.

>>> highlight_html("On 13 June <b>", [Span(3, 10, "date")])
'On <mark class="td-date" title="date">13 June</mark> &lt;b&gt;'
"""
from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from desk.labels import day_label, interval_label, plain_text
from extract.actors import Gazetteer, tag_actors

SPAN_STYLES = {"date": "#ffe08a", "actor": "#bfe3ff", "selected": "#ffb36b"}
SPAN_PRIORITY = ("selected", "date", "actor")   # when spans overlap, the first wins
LEGEND_LABELS = {"date": "date expression", "actor": "actor", "selected": "this statement's date"}


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of text, end exclusive, e.g. Span(3, 10, "date", "2025-06-13")."""

    start: int
    end: int
    kind: str
    title: str = ""


def highlight_html(text: str, spans: list[Span]) -> str:
    """`text` escaped, with each span wrapped in `<mark>`; overlapping spans resolved by SPAN_PRIORITY.

    >>> highlight_html("a<b", [Span(0, 1, "actor")])
    '<mark class="td-actor" title="actor">a</mark>&lt;b'
    """
    owner: list[Span | None] = [None] * len(text)
    for span in sorted(spans, key=lambda s: SPAN_PRIORITY.index(s.kind) if s.kind in SPAN_PRIORITY else 99, reverse=True):
        for index in range(max(0, span.start), min(len(text), span.end)):
            owner[index] = span
    pieces: list[str] = []
    index = 0
    while index < len(text):
        span = owner[index]
        stop = index
        while stop < len(text) and owner[stop] is span:
            stop += 1
        chunk = html.escape(text[index:stop])
        if span is None:
            pieces.append(chunk)
        else:
            title = html.escape(span.title or span.kind, quote=True)
            pieces.append(f'<mark class="td-{span.kind}" title="{title}">{chunk}</mark>')
        index = stop
    return "".join(pieces)


def styled_block(body_html: str) -> str:
    """Wrap highlighted HTML in a readable block (line breaks kept) with the mark colours defined.

    >>> styled_block("x")  # doctest: +ELLIPSIS
    '<style>...</style><div class="td-text">x</div>'
    """
    rules = " ".join(f".td-text mark.td-{kind} {{background:{colour}; padding:0 2px; border-radius:3px;}}"
                     for kind, colour in SPAN_STYLES.items())
    return (f"<style>{rules} .td-text {{white-space:pre-wrap; line-height:1.6; font-size:1rem;}}</style>"
            f'<div class="td-text">{body_html}</div>')


def legend_html(kinds: tuple[str, ...] = ("date", "actor")) -> str:
    """A one-line colour legend for the marks.

    >>> legend_html(("date",))  # doctest: +ELLIPSIS
    '<div ...>Highlighted: <mark ...>date expression</mark></div>'
    """
    items = " ".join(f'<mark style="background:{SPAN_STYLES[kind]}; padding:0 4px; border-radius:3px;">'
                     f"{LEGEND_LABELS[kind]}</mark>" for kind in kinds)
    return f'<div style="margin:.2rem 0 .6rem 0;">Highlighted: {items}</div>'


def statement_sentence_html(statement: pd.Series) -> str:
    """The statement's sentence with its own date expression marked.

    >>> statement_sentence_html(pd.Series({"sentence": "On 13 June it fell.", "sentence_start": 100,
    ...                                    "date_start_char": 103, "date_end_char": 110, "value": "2025-06-13"}))
    ... # doctest: +ELLIPSIS
    '<style>...<div class="td-text">On <mark class="td-date" title="2025-06-13">13 June</mark> it fell.</div>'
    """
    sentence = str(statement["sentence"])
    start = int(statement["date_start_char"]) - int(statement["sentence_start"])
    end = int(statement["date_end_char"]) - int(statement["sentence_start"])
    if not (0 <= start < end <= len(sentence)):
        return styled_block(html.escape(sentence))
    return styled_block(highlight_html(sentence, [Span(start, end, "date", str(statement["value"]))]))


def date_spans(statements: pd.DataFrame, doc_id: str, selected_statement_id: str | None = None) -> list[Span]:
    """Spans of every date expression of one document (its selected statement marked apart).

    >>> frame = pd.DataFrame({"doc_id": ["d1", "d1"], "statement_id": ["d1:3-10", "d1:20-24"], "date_start_char": [3, 20],
    ...                       "date_end_char": [10, 24], "value": ["2025-06-13", "2024"], "grain": ["day", "year"]})
    >>> date_spans(frame, "d1", "d1:20-24")
    [Span(start=3, end=10, kind='date', title='2025-06-13 (day)'), Span(start=20, end=24, kind='selected', title='2024 (year)')]
    """
    own = statements[statements["doc_id"] == doc_id]
    return [Span(int(start), int(end), "selected" if statement_id == selected_statement_id else "date",
                 f"{value} ({grain})")
            for statement_id, start, end, value, grain in
            zip(own["statement_id"], own["date_start_char"], own["date_end_char"], own["value"], own["grain"])]


def actor_spans(text: str, gazetteer: Gazetteer) -> list[Span]:
    """Actor mentions in `text` as the extractor finds them with `gazetteer` (the one the data was extracted with).

    >>> from extract.actors import load_gazetteer
    >>> actor_spans("Putin spoke.", load_gazetteer())
    [Span(start=0, end=5, kind='actor', title='Vladimir Putin')]
    """
    return [Span(int(mention.start), int(mention.end), "actor", str(mention.actor))
            for mention in tag_actors(text, gazetteer)]


def article_header_html(document: pd.Series) -> str:
    """Escaped title, byline, reference date (+ how it was decided) and link of one document.

    >>> article_header_html(pd.Series({"doc_id": "d1", "title": "<i>Alone</i>", "outlet": "Kyiv Post", "author": None,
    ...                                "published": pd.Timestamp("2025-06-05"), "reference_date_basis": "dateline",
    ...                                "url": "javascript:alert(1)"}))
    '<h3>&lt;i&gt;Alone&lt;/i&gt;</h3><p>Kyiv Post · reference date 5 Jun 2025 (decided by: dateline)</p>'
    """
    byline = " · ".join(part for part in (plain_text(document["outlet"]), plain_text(document["author"])) if part)
    url = plain_text(document["url"])
    link = (f' · <a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">original article</a>'
            if url.startswith(("http://", "https://")) else "")
    return (f"<h3>{html.escape(plain_text(document['title']) or plain_text(document['doc_id']))}</h3>"
            f"<p>{html.escape(byline or 'outlet and author unknown')} · reference date "
            f"{html.escape(day_label(document['published']))} (decided by: "
            f"{html.escape(plain_text(document['reference_date_basis']) or 'unknown')}){link}</p>")


def statement_facts(statement: pd.Series, documents: pd.DataFrame) -> list[tuple[str, str]]:
    """(label, plain text) pairs describing a statement and its source: date as written, resolution, rule, source…"""
    document = documents[documents["doc_id"] == statement["doc_id"]]
    author = plain_text(document["author"].iloc[0]) if not document.empty else ""
    basis = plain_text(statement["reference_date_basis"]) or "unknown"
    source = " — ".join(part for part in (plain_text(statement["title"]), plain_text(statement["outlet"])) if part)
    return [
        ("Date as written", str(statement["date_text"])),
        ("Resolved to", f"{interval_label(statement['value'], statement['grain'], statement['start'], statement['end'])}"
                        f" (value {statement['value']}, grain {statement['grain']})"),
        ("Kind", str(statement["kind"])),
        ("Rule that fired", str(statement["rule"])),
        ("Source", (source or plain_text(statement["doc_id"])) + (f" (by {author})" if author else "")),
        ("Reference date", f"{day_label(statement['published'])} (decided by: {basis})"),
        ("Countries", ", ".join(statement["countries"]) or "none named"),
        ("Also mentioned", ", ".join(name for name in statement.get("country_mentions", [])
                                     if name not in set(statement["countries"])) or "no other country"),
        ("Actors", ", ".join(statement["actors"]) or "none named"),
        ("Statement id", str(statement["statement_id"])),
    ]


def facts_table_html(facts: list[tuple[str, str]]) -> str:
    """The facts as an escaped two-column HTML table.

    >>> facts_table_html([("Kind", "<b>event</b>")])  # doctest: +ELLIPSIS
    '<table ...><tr><th ...>Kind</th><td ...>&lt;b&gt;event&lt;/b&gt;</td></tr></table>'
    """
    rows = "".join(f'<tr><th style="text-align:left; padding:2px 12px 2px 0; white-space:nowrap;">{html.escape(label)}</th>'
                   f'<td style="padding:2px 0;">{html.escape(value)}</td></tr>' for label, value in facts)
    return f'<table style="border-collapse:collapse; font-size:.95rem;">{rows}</table>'
