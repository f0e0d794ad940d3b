"""The History page: every edit, undo, orphaned edits, the log as CSV, add an event by hand.

Thin Streamlit wiring around `extract.curation` (the log and the curated state). It imports nothing of the
extractor (pipeline, tagger): adding an event by hand reads its date with the tagger only when it is saved. The Add
articles page is `desk.ui.add_articles_panel`.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from desk.literal import markdown_literal
from desk.ui.curation import AUTHOR_KEY, edit_log, record, session_author, show_last_message
from extract.curation import Curated, EditRejected, add_event, undo
from extract.curation.edits import MAX_LABEL_CHARS
from extract.curation.history import history_frame, log_csv

ADD_EVENT_SAVED_KEY = "add_event_saved"
ADD_EVENT_FIELDS = ("add_event_date", "add_event_label", "add_event_countries", "add_event_doc", "add_event_source_note")


def _undo_choices(edits: list, history: pd.DataFrame) -> dict[int, str]:
    undoable = history[history["status"].isin(["in force", "orphaned", "undo"])]
    return {int(row.edit_id): f"#{row.edit_id} · {row.action}" for row in undoable.itertuples()}


def render_history(curated: Curated) -> None:
    """Every edit with its status, undo, the orphaned edits with their content, and the CSV of the log.

    `curated`: the curated state under the current log (`desk.query.DeskView.curated`: its orphans and reattachments).
    """
    show_last_message()
    log = edit_log()
    st.text_input("Your name (recorded with your edits)", key=AUTHOR_KEY, placeholder="e.g. Dana, desk B")
    st.caption(f"Edits are saved as **{markdown_literal(session_author())}** in `{log.path}`.")
    edits = log.edits()
    history = history_frame(edits, curated)
    counts = history["status"].value_counts()
    st.caption(" · ".join(f"{counts.get(status, 0)} {status}" for status in ("in force", "undone", "orphaned", "undo")))
    if history.empty:
        st.info("No edit yet. Correct an event or statement from its detail, or add an event below.")
    else:
        st.dataframe(history.drop(columns=["old_value", "new_value"]), hide_index=True, key="history_table",
                     column_config={"action": st.column_config.TextColumn(width="large")})
        choices = _undo_choices(edits, history)
        chosen = st.selectbox("Undo an edit (undoing an undo restores the edit)", list(choices),
                              format_func=choices.get, index=None, key="history_undo_choice",
                              placeholder="Choose the edit to undo")
        def undo_edit():
            by_id = {edit.edit_id: edit for edit in edits}
            if chosen not in by_id:
                raise EditRejected("Choose the edit to undo.")
            return undo(by_id[chosen], edits)

        if st.button("Undo", key="history_undo", icon=":material/undo:"):
            record(undo_edit)
        st.download_button("Download the log as CSV", log_csv(history), file_name="curation-log.csv",
                           mime="text/csv", icon=":material/download:", key="history_csv")
    if not curated.orphans.empty:
        st.subheader(f"Orphaned edits ({len(curated.orphans)})")
        st.warning("These edits no longer find their target: the article changed or was removed since they were "
                   "made. They are kept, with what they changed; redo them on the new statements or undo them.")
        st.dataframe(curated.orphans, hide_index=True, key="orphans_table",
                     column_config={"content": st.column_config.TextColumn(width="large")})
    st.caption(f"Back up the log while others edit: `python -m extract.curation --db {log.path} backup "
               "backups/curation.sqlite`.")


def render_add_event(documents: pd.DataFrame, known_countries: list[str]) -> None:
    """A form to add an event the extractor missed: date, label, countries, and its source."""
    if st.session_state.pop(ADD_EVENT_SAVED_KEY, False):  # a fresh form after an event was added
        for name in ADD_EVENT_FIELDS:
            st.session_state.pop(name, None)
    with st.expander("Add an event by hand", icon=":material/add_circle:"):
        date_text = st.text_input("Date", key="add_event_date", placeholder="2023-10-07, October 2023 or 2023")
        label = st.text_input("Label", key="add_event_label", placeholder="Who did what", max_chars=MAX_LABEL_CHARS)
        countries = st.multiselect("Countries", known_countries, key="add_event_countries", accept_new_options=True)
        titles = dict(zip(documents["doc_id"], documents["title"])) if not documents.empty else {}
        doc_id = st.selectbox("Source: an article of the corpus", list(titles), format_func=titles.get, index=None,
                              key="add_event_doc", placeholder="(none)")
        note = st.text_input("Source: a note (free text)", key="add_event_source_note",
                             placeholder="e.g. Reuters, 8 Oct 2023")
        if st.button("Add the event", key="add_event_save", icon=":material/add:"):
            st.session_state[ADD_EVENT_SAVED_KEY] = True
            if not record(lambda: add_event(date_text, label, countries, source_note=note, source_doc_id=doc_id or "")):
                st.session_state[ADD_EVENT_SAVED_KEY] = False
