"""Sources page: one row per article, and the article text with every date expression and actor highlighted."""
from __future__ import annotations

import streamlit as st

from desk.highlight import actor_spans, article_header_html, date_spans, highlight_html, legend_html, styled_block
from desk.labels import document_label
from desk.literal import markdown_literal, shortened
from desk.tables import UNREADABLE_ONE_BY_ONE, needs_a_date, sources_table_from_counts, unreadable_summary
from desk.ui.app_entry import run_through_app
from desk.ui.caching import document_kind_counts, load_actor_gazetteer, load_desk
from desk.ui.sidebar import filters_from_widgets, link_value, write_query_params
from extract.inputs import hidden_entries_warning, is_hidden_entry_problem

run_through_app()   # a fresh server's first link to this page: go through app.py (desk.ui.app_entry)

desk = load_desk()
documents = desk.documents
every, shown = document_kind_counts(desk, None), document_kind_counts(desk, filters_from_widgets())

st.title("Sources")
undated = needs_a_date(documents)
if undated.any():
    st.warning(f"{int(undated.sum())} article(s) need a date: no reference date could be established, so their "
               "relative dates (\"on Friday\", \"last year\") are not placed. Give each a `published` date in sources.csv.")
only_undated = st.toggle("Only articles that need a date", key="sources_only_undated", disabled=not undated.any())
table = sources_table_from_counts(documents, every, shown)
st.dataframe(table[undated.to_numpy()] if only_undated else table, hide_index=True,
             column_config={"reference date": st.column_config.DatetimeColumn(format="YYYY-MM-DD")})
unreadable = documents[documents["status"] != "ok"]
hidden = unreadable["problem"].fillna("").map(is_hidden_entry_problem).astype(bool)
named = list(zip(unreadable.loc[~hidden, "path"], unreadable.loc[~hidden, "problem"].fillna("")))
if len(named) <= UNREADABLE_ONE_BY_ONE:
    for path, problem in named:
        st.warning(markdown_literal(f"{path}: {problem or 'could not be read'} — no statement was extracted from it."))
else:   # a wall of warnings would push the article below the fold: one summary, the list on demand
    st.warning(markdown_literal(unreadable_summary([problem for _, problem in named])))
    with st.expander(f"The {len(named)} files that could not be read", icon=":material/error:"):
        st.markdown("\n".join(f"- {markdown_literal(path)}: {markdown_literal(problem or 'could not be read')}"
                              for path, problem in named))
for summary in hidden_entries_warning(unreadable.loc[hidden, "path"].tolist()):   # .DS_Store, ._a.txt, .git/: one line
    st.caption(markdown_literal(summary))

readable = documents[documents["status"] == "ok"].reset_index(drop=True)
if readable.empty:
    st.info("No readable article in the data.")
    st.stop()

doc_ids = readable["doc_id"].tolist()
labels = {doc_id: document_label(row) for doc_id, (_, row) in zip(doc_ids, readable.iterrows())}
requested, linked_statement = link_value("doc"), link_value("statement")
linked = desk.store.rows_with_ids([linked_statement], ("statement_id", "doc_id")) if linked_statement else None
if linked is not None and linked.empty:
    st.warning(markdown_literal(f"The link names statement '{shortened(linked_statement)}', which is not in the data "
                                "(was it re-extracted?)."))
elif linked is not None and not requested:
    requested = str(linked["doc_id"].iloc[0])   # ?statement= alone: open the article the statement is in
elif linked is not None and str(linked["doc_id"].iloc[0]) != requested:
    st.warning(markdown_literal(f"The link's statement '{shortened(linked_statement)}' is not in the article "
                                f"'{shortened(requested)}' but in '{linked['doc_id'].iloc[0]}'."))
if "article_choice" not in st.session_state or (requested in labels and st.session_state.get("_doc_from_url") != requested):
    if requested and requested not in labels:
        st.warning(markdown_literal(f"The link names article '{shortened(requested)}', which is not among the readable "
                                    "sources."))
    st.session_state["article_choice"] = requested if requested in labels else doc_ids[0]
    st.session_state["_doc_from_url"] = requested
doc_id = st.selectbox("Article", doc_ids, key="article_choice", format_func=labels.get)
st.session_state["_doc_from_url"] = doc_id
if linked is not None and (linked.empty or str(linked["doc_id"].iloc[0]) != doc_id):
    linked_statement = None   # said above, or another article was chosen since: the link stops naming it
write_query_params({"doc": doc_id, **({"statement": linked_statement} if linked_statement else {})}, ("doc", "statement"))

document = readable[readable["doc_id"] == doc_id].iloc[0]
st.html(article_header_html(document))
text = str(document["text"])
if not text:
    st.info(markdown_literal(document["problem"] or "The article text is not available."))
else:
    selected = linked_statement
    gazetteer = load_actor_gazetteer()
    own = desk.store.rows_of_document(doc_id, ("statement_id", "doc_id", "date_start_char", "date_end_char", "value",
                                               "grain", "kind", "rule"))
    spans = date_spans(own, doc_id, selected) + (actor_spans(text, gazetteer) if gazetteer else [])
    kinds = ("selected",) if selected and desk.store.has_statement(selected) else ()
    kinds += ("date", "actor") if gazetteer else ("date",)
    st.html(legend_html(kinds) + styled_block(highlight_html(text, spans)))
    st.caption("Every date expression of the article is highlighted, whatever the filters.")
