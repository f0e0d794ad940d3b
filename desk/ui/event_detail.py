"""One event in full: its label, its date with precision, and every sentence behind it with its source.

`render_event_detail` is the panel under the Timeline's event chart; the curation issue extends it
with edit controls (pass `extra=` a callable that draws them inside the same bordered box).
Everything from an article reaches `st.html` through `desk.evidence` / `desk.highlight`, escaped.
"""
from __future__ import annotations

import html
from typing import Callable

import pandas as pd
import streamlit as st

from desk.evidence import Evidence, cited_evidence, event_evidence
from desk.highlight import legend_html, styled_block
from desk.labels import interval_label
from desk.literal import listed, markdown_literal

SOURCES_PAGE = "pages/sources.py"
DETAIL_SENTENCES = 12   # shown at once (one per article first); the others in an expander below them
DETAIL_LINKS = 12       # more articles than this: their links in an expander
NAMES_SHOWN = 10        # an episode told by 150 articles names ~100 actors: the most mentioned, then "and 88 more"


def named_most_first(names: list[str], limit: int = NAMES_SHOWN) -> str:
    """An event's countries or actors (ranked by mentions when built): the first `limit`, then how many more.

    >>> named_most_first(["Obama", "Preval", "Clinton"], limit=2), named_most_first([])
    ('Obama, Preval and 1 more (most mentioned first)', 'none named')
    """
    if not names:
        return "none named"
    return listed(names, limit) + (" (most mentioned first)" if len(names) > limit else "")


def event_facts(event: pd.Series) -> list[tuple[str, str]]:
    """(label, text) pairs of one event: date and precision, corroboration, names, ids."""
    date_text = interval_label(event["value"], event["grain"], event["start"], event["end"])
    sources = int(event["n_sources"])
    facts = [
        ("Date", f"{date_text} (precision: {event['grain']}; value {event['value']})"),
        ("Reported by", f"{sources} article{'s' if sources != 1 else ''}, {int(event['n_outlets'])} outlet"
                        f"{'s' if int(event['n_outlets']) != 1 else ''}"),
        ("Kind", "episode (a span made of events)" if event["kind"] == "episode" else "event"),
        ("Countries", named_most_first(list(event["countries"]))),
        ("Actors", named_most_first(list(event["actors"]))),
        ("Salience", f"{float(event['salience']):.3f}"),
        ("Label derived from", str(event["label_basis"]) or "unknown"),
        ("Event id", str(event["event_id"])),
    ]
    return facts


def _facts_html(facts: list[tuple[str, str]]) -> str:
    rows = "".join(f'<tr><th style="text-align:left; padding:2px 12px 2px 0; white-space:nowrap;">{html.escape(name)}</th>'
                   f'<td style="padding:2px 0;">{html.escape(value)}</td></tr>' for name, value in facts)
    return f'<table style="border-collapse:collapse; font-size:.92rem;">{rows}</table>'


def _evidence_html(item: Evidence) -> str:
    return (styled_block(f"“{item.sentence_html()}”")
            + f'<div style="color:#555; font-size:.88rem; margin:-.2rem 0 .6rem 0;">'
              f"{html.escape(item.citation())} · reference date {html.escape(item.reference_date_text())} · "
              f"date as written “{html.escape(item.date_text)}” → {html.escape(item.value)} ({html.escape(item.grain)})"
              f" · rule that fired: <code>{html.escape(item.rule or 'unknown')}</code></div>")


def evidence_html(evidence: list[Evidence]) -> str:
    """Each sentence (date marked) with its source, reference date and rule, as escaped HTML."""
    return "".join(_evidence_html(item) for item in evidence)


def event_detail_html(event: pd.Series, evidence: list[Evidence]) -> str:
    """The panel's body as escaped HTML: heading, facts, then each sentence (date marked) with source and rule."""
    sentences = (legend_html(("date",)) + evidence_html(evidence)
                 if evidence else "<p>No sentence of this event matches the current data.</p>")
    return (f'<h4 style="margin:0 0 .3rem 0;">{html.escape(str(event["label"]))}</h4>'
            + _facts_html(event_facts(event)) + sentences)


def render_event_detail(event: pd.Series, statements: pd.DataFrame, documents: pd.DataFrame | None, *,
                        extra: Callable[[pd.Series, list[Evidence]], None] | None = None) -> None:
    """The event's label, date with precision, every source's sentence (date highlighted), sources and rules;
    then links to the articles and whatever `extra(event, evidence)` draws (the curation controls)."""
    evidence = event_evidence(event, statements, documents)
    first_shown, more, _ = cited_evidence(evidence, DETAIL_SENTENCES)   # a story told by 150 articles: its controls
    with st.container(border=True):                                     # stay near the top, the rest one click away
        st.html(event_detail_html(event, first_shown))
        if more:
            with st.expander(f"The other {more} sentences", icon=":material/format_quote:"):
                st.html(evidence_html([item for item in evidence if item not in first_shown]))
        articles = list(dict.fromkeys(item.doc_id for item in evidence))
        with (st.expander(f"Open one of the {len(articles)} articles", icon=":material/article:")
              if len(articles) > DETAIL_LINKS else st.container()):
            for doc_id in articles:
                first = next(item for item in evidence if item.doc_id == doc_id)
                st.page_link(SOURCES_PAGE, label=markdown_literal(f"Open {first.outlet or doc_id}: “{first.title or doc_id}”"),
                             icon=":material/article:", query_params={"doc": doc_id, "statement": first.statement_id})
        if extra is not None:
            extra(event, evidence)
