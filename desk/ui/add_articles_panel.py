"""The Add articles page: upload, confirm reference dates, extract with a progress bar, see what each article added.

Thin Streamlit wiring around `extract.curation.articles` (checking, keeping and extracting uploads). The page reads
no statement until an article is added: the corpus folder comes from the documents, what an article added from the
statements store (`desk.query`, one article's rows). The extractor (pipeline, tagger) is imported by
`extract.curation.articles` only when a file is uploaded.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from desk.literal import markdown_literal
from desk.loading import statements_path
from desk.query import DeskView
from extract.output_set import OutputSetError
from extract.curation.articles import (MAX_UPLOAD_BYTES, UPLOAD_SUFFIXES, corpus_folder, corpus_folder_problem,
                                       record_reference_date, store_upload)

CORPUS_ENV_VAR = "TIMELINE_DESK_CORPUS"
SOURCES_ENV_VAR = "TIMELINE_DESK_SOURCES"
ADDED_KEY = "articles_added"
ADDED_NAMES_KEY = "articles_added_names"   # doc id -> the name the file was uploaded under
REFUSED_KEY = "articles_refused"   # the problems of the files refused in the upload that was extracted
UPLOADS_ROUND_KEY = "articles_upload_round"   # a new uploader after each extraction: the files added leave it
ADDED_COLUMNS = ("date_text", "value", "sentence")
UPLOAD_LIMIT_MB = round(MAX_UPLOAD_BYTES / 1e6)  # the widget's own "10MB per file" and its refusal say the same limit
# The uploader refuses a file over the limit in the browser (it never reaches the page) and marks its chip red; the
# reason ("File must be 10.0MB or smaller.") is only in a hover tooltip and a screen-reader alert. Show that alert
# under the file's name, so the refused file is named with its problem while the others go on.
REFUSED_FILE_REASON_CSS = """<style>
[data-testid="stFileChips"]:has([aria-invalid="true"]) { max-height: none !important; }
[data-testid="stFileChip"][aria-invalid="true"] { flex-wrap: wrap; }
[data-testid="stFileChip"][aria-invalid="true"] [role="alert"] {
  position: static !important; width: auto !important; height: auto !important; clip: auto !important;
  clip-path: none !important; overflow: visible !important; white-space: normal !important; margin: 0.15rem 0 0 0 !important;
  flex-basis: 100%; font-size: 0.8rem; color: rgb(189, 65, 65);
}
</style>"""


def _sources_csv() -> Path:
    from extract.sources import DEFAULT_SOURCES_CSV
    configured = os.environ.get(SOURCES_ENV_VAR, "").strip()
    return Path(configured).expanduser() if configured else DEFAULT_SOURCES_CSV


@st.cache_data(max_entries=32, show_spinner="Reading the upload as the extractor would…")
def _checked_upload(name: str, raw: bytes):
    """`check_upload` once per file content: every widget change reruns the page, and reading a large article (its
    dates found, its reference date inferred) takes seconds that a rerun must not repeat."""
    from extract.curation.articles import check_upload   # reads like the extractor: imports it (~1-2 s, once)

    return check_upload(name, raw)


def render_add_articles(desk: DeskView, extract_into_data: Callable[[list[Path], Path, Callable], object]) -> None:
    """Upload articles, confirm each one's reference date, extract them with a progress bar, list what they added.

    `extract_into_data(paths, sources_csv, progress)` extracts the kept files into the data the app reads.
    """
    corpus = corpus_folder(desk.documents, os.environ.get(CORPUS_ENV_VAR, ""))
    if corpus is None:
        st.error(markdown_literal(f"The corpus folder is not known: {corpus_folder_problem(desk.documents)}. Set "
                                  f"{CORPUS_ENV_VAR} to the folder the articles were extracted from."))
        st.stop()
    extracted_from = corpus_folder(desk.documents)   # where the articles on the desk came from, when one folder
    if extracted_from is not None and corpus.resolve() != extracted_from:
        st.warning(markdown_literal(
            f"{CORPUS_ENV_VAR} puts uploads in {corpus}, but the articles on the desk were extracted from "
            f"{extracted_from}: a later python -m extract {extracted_from} will not see the uploads and leaves them out "
            f"of the data. Extract both folders together, or point {CORPUS_ENV_VAR} at {extracted_from}."))
    st.caption(f"Uploaded files are kept in the corpus folder `{corpus}` (never overwritten) and extracted into "
               f"`{statements_path().parent}`. Accepted: {', '.join(UPLOAD_SUFFIXES)}, up to "
               f"{MAX_UPLOAD_BYTES / 1e6:g} MB each.")
    uploads = st.file_uploader("Articles", type=[suffix.lstrip(".") for suffix in UPLOAD_SUFFIXES],
                               accept_multiple_files=True, max_upload_size=UPLOAD_LIMIT_MB,
                               key=f"articles_upload-{st.session_state.get(UPLOADS_ROUND_KEY, 0)}")
    st.html(REFUSED_FILE_REASON_CSS)
    ready, refused = [], []
    for upload in uploads or []:
        raw = upload.getvalue()
        check = _checked_upload(upload.name, raw)
        if check.problem:
            st.error(markdown_literal(check.problem), icon=":material/block:")
            refused.append(check.problem)
            continue
        with st.container(border=True):
            first_line = next((line.strip() for line in check.document.text.splitlines() if line.strip()), "")
            st.markdown(f"**{markdown_literal(upload.name)}** — {len(check.document.text):,} characters")
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
        paths, uploaded_as, problems = [], {}, list(refused)
        for upload, raw, reference, check in ready:
            try:
                path = store_upload(corpus, upload.name, raw)
            except OSError as error:   # a full disk, a folder the app may not write to: this file only
                problems.append(f"{upload.name}: could not be kept in the corpus folder {corpus} "
                                f"({error.strerror or error}). Nothing was added.")
                continue
            if reference:
                basis = ("analyst: confirmed on upload" if reference == check.reference_date
                         else f"analyst: set on upload (inferred {check.reference_date or 'none'})")
                try:
                    record_reference_date(_sources_csv(), path.stem, reference, basis)
                except (OSError, ValueError) as error:
                    problems.append(f"{upload.name}: kept, but its reference date could not be recorded in "
                                    f"{_sources_csv()} ({getattr(error, 'strerror', None) or error}); relative dates "
                                    "count from the one inferred from the text.")
            paths.append(path)
            uploaded_as[path.stem] = upload.name

        def advance(done: int, total: int, name: str) -> None:
            progress.progress(done / (total + 1), text=f"Extracted {done} of {total}: {name}")

        if paths:
            try:
                extract_into_data(paths, _sources_csv(), advance)
            except (OSError, OutputSetError) as error:   # the files are kept; the data the app reads is unchanged
                progress.empty()
                st.error(markdown_literal(
                    f"{', '.join(uploaded_as.values())}: kept in the corpus folder {corpus}, but the extraction could not "
                    f"be saved ({error}). The desk is unchanged; press the button again, or run python -m extract on "
                    f"{corpus}."), icon=":material/error:")
                return
        progress.progress(1.0, text="Done")
        st.session_state[ADDED_KEY] = [path.stem for path in paths]
        st.session_state[ADDED_NAMES_KEY] = uploaded_as
        st.session_state[REFUSED_KEY] = problems
        st.session_state[UPLOADS_ROUND_KEY] = st.session_state.get(UPLOADS_ROUND_KEY, 0) + 1
        st.rerun()
    _render_added(desk)


def _render_added(desk: DeskView) -> None:
    """What each article just added: its statements (read from the store, that article's rows only)."""
    doc_ids = st.session_state.get(ADDED_KEY) or []
    if not doc_ids and not st.session_state.get(REFUSED_KEY):
        return
    st.subheader("Just added")
    for problem in st.session_state.get(REFUSED_KEY) or []:
        st.error(markdown_literal(problem), icon=":material/block:")
    documents = desk.documents
    uploaded_as = st.session_state.get(ADDED_NAMES_KEY) or {}
    for doc_id in doc_ids:
        rows = documents[documents["doc_id"] == doc_id]
        if rows.empty:
            st.warning(markdown_literal(f"{uploaded_as.get(doc_id, doc_id)}: not in the data yet."))
            continue
        document = rows.iloc[0]
        if document["status"] != "ok":
            st.error(markdown_literal(f"{document['path']}: {document['problem']}"))
            continue
        found = desk.store.rows_of_document(doc_id, ADDED_COLUMNS)
        published = document["published"]
        kept_as = Path(str(document["path"])).name
        named = uploaded_as.get(doc_id, kept_as)
        st.success(markdown_literal(f"{named}{'' if named == kept_as else f' (kept as {kept_as})'}: "
                                    f"{document['title']} — {len(found)} statement(s), reference date "
                                    f"{published.date() if published is not None and published == published else 'none'}"))
        st.dataframe(found[list(ADDED_COLUMNS)], hide_index=True, key=f"added-{doc_id}")
        st.page_link("pages/timeline.py", label="See it on the timeline", icon=":material/timeline:",
                     query_params={"source": doc_id})
