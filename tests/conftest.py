"""Shared fixtures, named after the state they give. Paths resolve from this file, never from the cwd."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from extract.__main__ import write_outputs
from extract.pipeline import Extraction

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def seeds_extraction():
    """The real extraction of the four seed articles: (statements, documents)."""
    from extract.pipeline import extract_corpus

    extraction = extract_corpus(SEEDS)
    return extraction.statements, extraction.documents


@pytest.fixture(scope="session")
def seeds_data_dir(tmp_path_factory, seeds_extraction) -> Path:
    """A folder holding statements.parquet + events.parquet + documents.parquet of the seeds, as `python -m extract` writes them."""
    from extract.events import build_events

    folder = tmp_path_factory.mktemp("seeds_data")
    write_outputs(Extraction(*seeds_extraction, events=build_events(*seeds_extraction)), folder / "statements.parquet")
    return folder


@pytest.fixture(scope="session")
def synthetic_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """300 synthetic statements (every grain and kind, NaT rows, `<script>`/`*markdown*` text) and their documents."""
    from tests.support.synthetic import synthetic_documents, synthetic_statements

    statements = synthetic_statements(300, seed=7)
    return statements, synthetic_documents(statements)


@pytest.fixture(scope="session")
def synthetic_data_dir(tmp_path_factory, synthetic_frames) -> Path:
    """A folder holding statements.parquet + (empty) events.parquet + documents.parquet of the synthetic frames."""
    folder = tmp_path_factory.mktemp("synthetic_data")
    write_outputs(Extraction(*synthetic_frames), folder / "statements.parquet")
    return folder


@pytest.fixture
def app_on_seeds(monkeypatch, seeds_data_dir) -> Path:
    """TIMELINE_DESK_STATEMENTS points at the seeds' extraction; returns the statements file."""
    statements = seeds_data_dir / "statements.parquet"
    monkeypatch.setenv("TIMELINE_DESK_STATEMENTS", str(statements))
    return statements


@pytest.fixture
def app_on_synthetic(monkeypatch, synthetic_data_dir) -> Path:
    """TIMELINE_DESK_STATEMENTS points at the synthetic frames; returns the statements file."""
    statements = synthetic_data_dir / "statements.parquet"
    monkeypatch.setenv("TIMELINE_DESK_STATEMENTS", str(statements))
    return statements


@pytest.fixture
def navigation_app(monkeypatch):
    """AppTest treats app.py as the `st.navigation` app it is.

    Streamlit quirk: an app folder holding a `pages/` directory is taken for a v1 multipage app until the
    first `st.navigation` call clears `PagesManager.uses_pages_directory`. A server does that once per
    process; AppTest resets the flag before every run, after which a rerun executes only the page and
    never the entrypoint (no sidebar). This gives AppTest the flag a running server has.
    """
    from streamlit.runtime.pages_manager import PagesManager

    original_init = PagesManager.__init__

    def init_as_navigation_app(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init_as_navigation_app)
