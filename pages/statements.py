"""Statements page: the filtered statements as a sortable, searchable table, and one statement in full."""
from __future__ import annotations

import streamlit as st

from desk.filters import describe_filters
from desk.literal import markdown_literal, shortened
from desk.tables import TABLE_COLUMNS, TABLE_ROWS, statements_table
from desk.ui.app_entry import run_through_app
from desk.ui.caching import filtered_rows, load_desk, shown_counts
from desk.ui.detail import render_statement_detail
from desk.ui.sidebar import filters_from_widgets, link_value, write_query_params

run_through_app()   # a fresh server's first link to this page: go through app.py (desk.ui.app_entry)

desk = load_desk()
documents = desk.documents
filters = filters_from_widgets()
counts = shown_counts(desk, filters)

st.title("Statements")
listed = (f"the first {TABLE_ROWS:,} by date are listed (narrow the filters to list the others)"
          if counts["shown"] > TABLE_ROWS else "all are listed")
st.caption(markdown_literal(f"{describe_filters(filters, desk.labels)} — {counts['shown']:,} of {counts['all']:,} "
                            f"statements; {listed}. Sort by clicking a column header; search with the table's "
                            "magnifier; select a row to read it in full."))
if not counts["shown"]:
    st.info("No statement matches these filters. Loosen them in the sidebar, or press **Reset filters**.")
    st.stop()

shown = filtered_rows(desk, filters, TABLE_COLUMNS, limit=TABLE_ROWS)
table = statements_table(shown, desk.labels).reset_index(drop=True)
event = st.dataframe(
    table, key="statements_table", on_select="rerun", selection_mode="single-row", hide_index=True,
    column_config={
        "sentence": st.column_config.TextColumn(width="large"),
        "starts": st.column_config.DatetimeColumn(format="YYYY-MM-DD"),
        "statement_id": st.column_config.TextColumn(width="small"),
    },
)
selected_rows = event.selection.rows if event is not None else []
if selected_rows:
    statement_id = str(table.loc[selected_rows[0], "statement_id"])
    write_query_params({"statement": statement_id}, ("statement",))
else:
    statement_id = link_value("statement")

st.subheader("Statement in full")
if not statement_id:
    st.caption("Select a row in the table (or click a mark on the Timeline) to see its sentence, source and rule.")
else:
    matches = desk.store.rows_with_ids([statement_id])
    if matches.empty:
        st.warning(markdown_literal(f"The link names statement '{shortened(statement_id)}', which is not in the data "
                                    "(was it re-extracted?)."))
    else:
        if not desk.store.matches(filters, statement_id):
            st.info("This statement does not match the current filters; it is shown because the link names it.")
        render_statement_detail(matches.iloc[0], documents)
