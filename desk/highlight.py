"""Article text as safe HTML with date expressions and actors marked (escape first, then mark).

Pure; the pages pass the result to `st.html`. Every character of the text is escaped, so an
article containing `<script>` or `*markdown*` shows exactly those characters.

>>> highlight_html("On 13 June <b>", [Span(3, 10, "date")])
'On <mark class="td-date" title="date">13 June</mark> &lt;b&gt;'
"""
from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

SPAN_STYLES = {"date": "#ffe08a", "actor": "#bfe3ff", "selected": "#ffb36b"}
SPAN_PRIORITY = ("selected", "date", "actor")   # when spans overlap, the first wins
LEGEND_LABELS = {"date": "date expression", "actor": "actor", "selected": "this statement's date"}


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of text, end exclusive. Example: `Span(3, 10, "date", "2025-06-13")`."""

    start: int
    end: int
    kind: str
    title: str = ""


def highlight_html(text: str, spans: list[Span]) -> str:
    """`text` escaped, with each span wrapped in `<mark>`; overlapping spans resolved by SPAN_PRIORITY.

    Example: `highlight_html("a<b", [Span(0, 1, "actor")])` -> '<mark class="td-actor" title="actor">a</mark>&lt;b'.
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

    Example: `styled_block("x")` -> '<style>...</style><div class="td-text">x</div>'.
    """
    rules = " ".join(f".td-text mark.td-{kind} {{background:{colour}; padding:0 2px; border-radius:3px;}}"
                     for kind, colour in SPAN_STYLES.items())
    return (f"<style>{rules} .td-text {{white-space:pre-wrap; line-height:1.6; font-size:1rem;}}</style>"
            f'<div class="td-text">{body_html}</div>')


def legend_html(kinds: tuple[str, ...] = ("date", "actor")) -> str:
    """A one-line colour legend for the marks. Example: `legend_html(("date",))`."""
    items = " ".join(f'<mark style="background:{SPAN_STYLES[kind]}; padding:0 4px; border-radius:3px;">'
                     f"{LEGEND_LABELS[kind]}</mark>" for kind in kinds)
    return f'<div style="margin:.2rem 0 .6rem 0;">Highlighted: {items}</div>'


def statement_sentence_html(statement: pd.Series) -> str:
    """The statement's sentence with its own date expression marked. Example: `statement_sentence_html(frame.iloc[0])`."""
    sentence = str(statement["sentence"])
    start = int(statement["date_start_char"]) - int(statement["sentence_start"])
    end = int(statement["date_end_char"]) - int(statement["sentence_start"])
    if not (0 <= start < end <= len(sentence)):
        return styled_block(html.escape(sentence))
    return styled_block(highlight_html(sentence, [Span(start, end, "date", str(statement["value"]))]))


def date_spans(statements: pd.DataFrame, doc_id: str, selected_statement_id: str | None = None) -> list[Span]:
    """Spans of every date expression of one document (its selected statement marked apart).

    Example: `date_spans(statements, "002_3d55fe1a66942adb")[0]` -> Span(start=..., end=..., kind='date', title='2025-06-13 (day)').
    """
    own = statements[statements["doc_id"] == doc_id]
    return [Span(int(start), int(end), "selected" if statement_id == selected_statement_id else "date",
                 f"{value} ({grain})")
            for statement_id, start, end, value, grain in
            zip(own["statement_id"], own["date_start_char"], own["date_end_char"], own["value"], own["grain"])]


def actor_spans(text: str, statements: pd.DataFrame, doc_id: str) -> list[Span]:
    """Actor mentions in `text`: `extract.actors.tag_actors` when available, else the frame's actor names found in the text.

    Example: `actor_spans("Putin spoke.", statements, doc_id)` -> [Span(0, 5, 'actor', 'Vladimir Putin')].
    """
    try:
        from extract.actors import tag_actors  # written by another engineer; optional until it lands
    except ImportError:
        tag_actors = None
    if tag_actors is not None:
        return [Span(int(mention.start), int(mention.end), "actor", str(mention.actor)) for mention in tag_actors(text)]
    names = {name for names in statements.loc[statements["doc_id"] == doc_id, "actors"] for name in names}
    spans = []
    for name in sorted(names, key=len, reverse=True):
        position = text.find(name)
        while position != -1:
            spans.append(Span(position, position + len(name), "actor", name))
            position = text.find(name, position + len(name))
    return spans
