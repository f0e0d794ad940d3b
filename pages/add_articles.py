"""Add articles page: upload .txt/.md/.html/.pdf, confirm reference dates, extract, see the new statements."""
from __future__ import annotations

import streamlit as st

from desk.loading import read_event_memo, read_inputs_manifest, statements_path
from desk.ui.add_articles_panel import render_add_articles
from desk.ui.app_entry import run_through_app
from desk.ui.caching import load_desk, load_extracted_frames

run_through_app()   # a fresh server's first link to this page: go through app.py (desk.ui.app_entry)

desk = load_desk()
st.title("Add articles")


def extract_into_data(paths, sources_csv, progress):
    """Extract the kept files into the run the app reads (the other articles are not extracted again). Only now are
    the statements read whole: the event stage rebuilds the events over all of them (an added article can join one),
    computing again only what the run's event memo does not hold."""
    from extract.__main__ import write_outputs
    from extract.curation.articles import extract_added

    statements, documents = load_extracted_frames()
    path = statements_path()
    extraction = extract_added(paths, statements, documents, sources_csv, progress, read_event_memo(path),
                               read_inputs_manifest(path))  # the next `python -m extract` redoes only what changed
    write_outputs(extraction, path)
    return extraction


render_add_articles(desk, extract_into_data)
