"""The export panel under the timeline, run headless with streamlit's AppTest."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from desk.export import images as image_export
from desk.export.images import CHROMIUM_MISSING_MESSAGE
from desk.literal import markdown_unescaped
from tests.support.browsers import needs_browser



def _panel_page(statement_count: int) -> None:
    """A page with only the export panel, for the synthetic statements (all filters open)."""
    from desk.filters import Filters
    from desk.ui.export_panel import render_export_panel
    from tests.support.synthetic import synthetic_documents, synthetic_statements

    from desk.labels import source_labels

    statements = synthetic_statements(statement_count, seed=5)
    counts = {"shown": len(statements), "placeable": int(statements["start"].notna().sum())}
    render_export_panel(lambda: statements, counts, synthetic_documents(statements), Filters(), "country", "source",
                        source_labels(statements))


def _started(statement_count: int = 60) -> AppTest:
    """The panel page, run once with the export section closed and again after opening it."""
    from desk.ui.export_panel import OPEN_KEY

    app = AppTest.from_function(_panel_page, args=(statement_count,), default_timeout=60).run()
    assert not app.text_input and not app.download_button   # closed: no control is drawn
    app.session_state[OPEN_KEY] = True
    return app.run()


def test_panel_offers_title_size_format_and_four_data_downloads():
    from desk.export.briefing import SIZE_PRESETS, default_title
    from desk.filters import Filters, describe_filters

    app = _started()
    assert not app.exception
    assert app.text_input(key="export_title").value == default_title(describe_filters(Filters()), "country")
    assert app.selectbox(key="export_size").options == list(SIZE_PRESETS)
    app.selectbox(key="export_size").set_value("A4 landscape").run()
    assert any("297 x 210 mm" in caption.value for caption in app.caption)
    assert app.radio(key="export_format").options == ["PNG", "SVG", "PDF"]
    assert [button.label for button in app.download_button] == ["CSV", "Excel", "JSON", "TimelineJS"]


@needs_browser
def test_render_then_download_the_png():
    app = _started()
    app.text_input(key="export_title").input("Briefing for the minister").run()
    app.button(key="export_render").click().run()
    assert not app.exception and not app.error
    labels = [button.label for button in app.download_button]
    assert any(label.startswith("Download PNG") for label in labels)


@needs_browser
def test_changing_the_format_asks_for_a_new_render():
    app = _started()
    app.button(key="export_render").click().run()
    app.radio(key="export_format").set_value("PDF").run()
    assert not any(button.label.startswith("Download") for button in app.download_button)


def test_without_chromium_the_panel_says_how_to_install_it_and_keeps_data_downloads(monkeypatch):
    image_export.stop_image_server()
    monkeypatch.setattr(image_export, "find_browser", lambda: None)
    app = _started()
    assert not app.exception
    assert [markdown_unescaped(warning.value) for warning in app.warning] == [CHROMIUM_MISSING_MESSAGE]
    assert len(app.download_button) == 4


def test_empty_selection_says_there_is_nothing_to_export():
    app = _started(statement_count=0)
    assert not app.exception
    assert "Nothing to export" in app.info[0].value
