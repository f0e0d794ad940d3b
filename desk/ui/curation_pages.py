"""The History page (every edit, undo, orphaned edits, the log as CSV, add an event by hand) and the
Add articles page (upload, confirm reference dates, extract with a progress bar, see the new events).

Thin Streamlit wiring around `extract.curation` (the log and the curated state) and
`extract.curation.articles` (checking and keeping uploads).
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from desk.literal import markdown_literal
from desk.loading import statements_path
from desk.ui.curation import (AUTHOR_KEY, database_path, edit_log, record, session_author,
                              show_last_message)
from extract.curation import Curated, EditRejected, add_event, undo
from extract.curation.articles import (UPLOAD_SUFFIXES, check_upload, corpus_folder, record_reference_date,
                                       store_upload)
from extract.curation.history import history_frame, log_csv
from extract.documents import DEFAULT_MAX_BYTES

CORPUS_ENV_VAR = "TIMELINE_DESK_CORPUS"
SOURCES_ENV_VAR = "TIMELINE_DESK_SOURCES"
ADDED_KEY = "articles_added"
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
        label = st.text_input("Label", key="add_event_label", placeholder="Who did what")
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


def _sources_csv() -> Path:
    from extract.sources import DEFAULT_SOURCES_CSV
    configured = os.environ.get(SOURCES_ENV_VAR, "").strip()
    return Path(configured).expanduser() if configured else DEFAULT_SOURCES_CSV


def render_add_articles(statements: pd.DataFrame, documents: pd.DataFrame,
                        extract_into_data: "callable") -> None:
    """Upload articles, confirm each one's reference date, extract them with a progress bar, list what they added."""
    corpus = corpus_folder(documents, os.environ.get(CORPUS_ENV_VAR, ""))
    if corpus is None:
        st.error(f"The corpus folder is not known (the documents come from several folders, or none). Set "
                 f"{CORPUS_ENV_VAR} to the folder the articles were extracted from.")
        st.stop()
    st.caption(f"Uploaded files are kept in the corpus folder `{corpus}` (never overwritten) and extracted into "
               f"`{statements_path().parent}`. Accepted: {', '.join(UPLOAD_SUFFIXES)}, up to "
               f"{DEFAULT_MAX_BYTES / 1e6:g} MB each.")
    uploads = st.file_uploader("Articles", type=[suffix.lstrip(".") for suffix in UPLOAD_SUFFIXES],
                               accept_multiple_files=True, key="articles_upload")
    ready = []
    for upload in uploads or []:
        raw = upload.getvalue()
        check = check_upload(upload.name, raw)
        if check.problem:
            st.error(markdown_literal(check.problem), icon=":material/block:")
            continue
        with st.container(border=True):
            first_line = next((line.strip() for line in check.document.text.splitlines() if line.strip()), "")
            st.markdown(f"**{upload.name}** — {len(check.document.text):,} characters")
            st.text(first_line[:200])
            reference = st.date_input("Reference date (relative dates like “yesterday” count from it)",
                                      value=check.reference_date, key=f"reference-{upload.file_id}",
                                      min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
            st.caption(markdown_literal(f"Pre-filled from the text: {check.basis}" if check.reference_date else
                                        f"No date found in the text ({check.basis}); enter one, or leave it empty "
                                        "and relative dates stay unresolved."))
        ready.append((upload, raw, reference, check))
    if ready and st.button(f"Add and extract {len(ready)} article(s)", key="articles_extract", type="primary",
                           icon=":material/upload_file:"):
        progress = st.progress(0.0, text="Keeping the files in the corpus folder…")
        paths = []
        for upload, raw, reference, check in ready:
            path = store_upload(corpus, upload.name, raw)
            if reference:
                basis = ("analyst: confirmed on upload" if reference == check.reference_date
                         else f"analyst: set on upload (inferred {check.reference_date or 'none'})")
                record_reference_date(_sources_csv(), path.stem, reference, basis)
            paths.append(path)

        def advance(done: int, total: int, name: str) -> None:
            progress.progress(done / (total + 1), text=f"Extracted {done} of {total}: {name}")

        extract_into_data(paths, _sources_csv(), advance)
        progress.progress(1.0, text="Done")
        st.session_state[ADDED_KEY] = [path.stem for path in paths]
        st.rerun()
    _render_added(statements, documents)


def _render_added(statements: pd.DataFrame, documents: pd.DataFrame) -> None:
    doc_ids = st.session_state.get(ADDED_KEY) or []
    if not doc_ids:
        return
    st.subheader("Just added")
    for doc_id in doc_ids:
        rows = documents[documents["doc_id"] == doc_id]
        if rows.empty:
            st.warning(f"{doc_id}: not in the data yet.")
            continue
        document = rows.iloc[0]
        found = statements[statements["doc_id"] == doc_id]
        if document["status"] != "ok":
            st.error(markdown_literal(f"{document['path']}: {document['problem']}"))
            continue
        st.success(markdown_literal(f"{document['title']}: {len(found)} statement(s), reference date "
                   f"{document['published'].date() if pd.notna(document['published']) else 'none'}"))
        st.dataframe(found[["date_text", "value", "sentence"]], hide_index=True, key=f"added-{doc_id}")
        st.page_link("pages/timeline.py", label="See it on the timeline", icon=":material/timeline:",
                     query_params={"source": doc_id})
