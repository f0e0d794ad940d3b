"""One statement in full: why it exists and where it comes from (used by the Timeline and Statements pages).

Everything taken from an article is built into escaped HTML by `desk.highlight` before it reaches
`st.html`, so article text is never interpreted as markup or markdown.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from desk.highlight import facts_table_html, legend_html, statement_facts, statement_sentence_html
from desk.ui.curation import render_edit_controls

SOURCES_PAGE = "pages/sources.py"
STATEMENTS_PAGE = "pages/statements.py"


def render_statement_detail(statement: pd.Series, documents: pd.DataFrame, *, link_to_table: bool = False) -> None:
    """The sentence with its date highlighted, the facts, and links to the article view (and the table)."""
    with st.container(border=True):
        st.html(legend_html(("date",)) + statement_sentence_html(statement))
        st.html(facts_table_html(statement_facts(statement, documents)))
        st.page_link(SOURCES_PAGE, label="Open the article with every date and actor highlighted", icon=":material/article:",
                     query_params={"doc": str(statement["doc_id"]), "statement": str(statement["statement_id"])})
        if link_to_table:
            st.page_link(STATEMENTS_PAGE, label="Show it in the Statements table", icon=":material/table_rows:",
                         query_params={"statement": str(statement["statement_id"])})
        render_edit_controls(statement)  # the analyst's corrections (curation)
