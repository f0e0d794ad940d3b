"""Run a dashboard page under AppTest on the output of a real extraction (use with the `navigation_app` fixture)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent


def page_on_extracted_folder(page: str, articles: Path, out: Path, monkeypatch: pytest.MonkeyPatch):
    """`python -m extract` on `articles` into `out`, then `page` (e.g. "pages/sources.py") run once on it."""
    from streamlit.testing.v1 import AppTest

    from extract.__main__ import main as extract_main

    assert extract_main([str(articles), "--out", str(out)]) == 0
    monkeypatch.setenv("TIMELINE_DESK_STATEMENTS", str(out))
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    app.switch_page(page)
    app.run()
    assert not app.exception, app.exception
    return app
