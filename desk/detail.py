"""One statement in full: why it exists and where it comes from (used by the Timeline and Statements pages).

Everything taken from an article goes through `html.escape` (or `desk.highlight`) before it reaches
`st.html`, so article text is never interpreted as markup or markdown.

>>> callable(render_statement_detail)
True
"""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from desk.highlight import legend_html, statement_sentence_html
from desk.marks import interval_label

SOURCES_PAGE = "pages/sources.py"
STATEMENTS_PAGE = "pages/statements.py"


def _plain(value: object) -> str:
    return "" if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)) else str(value)


def article_header_html(document: pd.Series) -> str:
    """Escaped title, byline, reference date (+ how it was decided) and link of one document.

    Example: `article_header_html(documents.iloc[0])` -> '<h3>Cracks in the axis…</h3><p>…</p>'.
    """
    byline = " · ".join(part for part in (_plain(document["outlet"]), _plain(document["author"])) if part)
    url = _plain(document["url"])
    link = (f' · <a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">original article</a>'
            if url.startswith(("http://", "https://")) else "")
    return (f"<h3>{html.escape(_plain(document['title']) or _plain(document['doc_id']))}</h3>"
            f"<p>{html.escape(byline or 'outlet and author unknown')} · reference date "
            f"{html.escape(_day_or_unknown(document['published']))} (decided by: "
            f"{html.escape(_plain(document['reference_date_basis']) or 'unknown')}){link}</p>")


def _day_or_unknown(moment: object) -> str:
    return "unknown" if pd.isna(moment) else f"{moment:%d %b %Y}"


def statement_facts(statement: pd.Series, documents: pd.DataFrame) -> list[tuple[str, str]]:
    """(label, plain text) pairs describing a statement and its source. Example: `[("Date as written", "13 June"), ...]`."""
    document = documents[documents["doc_id"] == statement["doc_id"]]
    author = _plain(document["author"].iloc[0]) if not document.empty else ""
    basis = _plain(statement["reference_date_basis"]) or "unknown"
    source = " — ".join(part for part in (_plain(statement["title"]), _plain(statement["outlet"])) if part)
    return [
        ("Date as written", str(statement["date_text"])),
        ("Resolved to", f"{interval_label(statement['value'], statement['grain'], statement['start'], statement['end'])}"
                        f" (value {statement['value']}, grain {statement['grain']})"),
        ("Kind", str(statement["kind"])),
        ("Rule that fired", str(statement["rule"])),
        ("Source", (source or _plain(statement["doc_id"])) + (f" (by {author})" if author else "")),
        ("Reference date", f"{_day_or_unknown(statement['published'])} (decided by: {basis})"),
        ("Countries", ", ".join(statement["countries"]) or "none named"),
        ("Actors", ", ".join(statement["actors"]) or "none named"),
        ("Statement id", str(statement["statement_id"])),
    ]


def facts_table_html(facts: list[tuple[str, str]]) -> str:
    """The facts as an escaped two-column HTML table.

    Example: `facts_table_html([("Kind", "event")])` -> '<table …><tr><th …>Kind</th><td …>event</td></tr></table>'.
    """
    rows = "".join(f'<tr><th style="text-align:left; padding:2px 12px 2px 0; white-space:nowrap;">{html.escape(label)}</th>'
                   f'<td style="padding:2px 0;">{html.escape(value)}</td></tr>' for label, value in facts)
    return f'<table style="border-collapse:collapse; font-size:.95rem;">{rows}</table>'


def render_statement_detail(statement: pd.Series, documents: pd.DataFrame, *, link_to_table: bool = False) -> None:
    """The sentence with its date highlighted, the facts, and links to the article view (and the table).

    Example (a page): `render_statement_detail(statements.iloc[0], documents, link_to_table=True)`.
    """
    with st.container(border=True):
        st.html(legend_html(("date",)) + statement_sentence_html(statement))
        st.html(facts_table_html(statement_facts(statement, documents)))
        st.page_link(SOURCES_PAGE, label="Open the article with every date and actor highlighted", icon=":material/article:",
                     query_params={"doc": str(statement["doc_id"]), "statement": str(statement["statement_id"])})
        if link_to_table:
            st.page_link(STATEMENTS_PAGE, label="Show it in the Statements table", icon=":material/table_rows:",
                         query_params={"statement": str(statement["statement_id"])})
