"""Statements page: the filtered statements as a sortable, searchable table, and one statement in full."""
from __future__ import annotations

import streamlit as st

from desk.filters import apply_filters, describe_filters
from desk.labels import source_labels
from desk.literal import markdown_literal
from desk.tables import statements_table
from desk.ui.caching import load_frames
from desk.ui.detail import render_statement_detail
from desk.ui.sidebar import filters_from_widgets, write_query_params

statements, documents = load_frames()
filters = filters_from_widgets()
shown = apply_filters(statements, filters)

st.title("Statements")
st.caption(markdown_literal(f"{describe_filters(filters, source_labels(statements))} — {len(shown):,} of "
                            f"{len(statements):,} statements. Sort by clicking a column header; search with the "
                            "table's magnifier; select a row to read it in full."))
if shown.empty:
    st.info("No statement matches these filters. Loosen them in the sidebar, or press **Reset filters**.")
    st.stop()

table = statements_table(shown).reset_index(drop=True)
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
    statement_id = st.query_params.get("statement")

st.subheader("Statement in full")
if not statement_id:
    st.caption("Select a row in the table (or click a mark on the Timeline) to see its sentence, source and rule.")
else:
    matches = statements[statements["statement_id"] == statement_id]
    if matches.empty:
        st.warning(markdown_literal(f"The link names statement {statement_id!r}, which is not in the data "
                                    "(was it re-extracted?)."))
    else:
        if statement_id not in set(shown["statement_id"]):
            st.info("This statement does not match the current filters; it is shown because the link names it.")
        render_statement_detail(matches.iloc[0], documents)
