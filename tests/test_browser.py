"""The dashboard in a real browser: `streamlit run app.py` as a subprocess, driven by Playwright + Debian's Chromium.

Filters by one country (by link and by the sidebar widget), counts the timeline's statements in the
plotly DOM object, checks the URL carries the filter, and saves a screenshot of every page into
artifacts/screenshots/.
"""
from __future__ import annotations

import shutil
from urllib.parse import urlencode
from pathlib import Path

import pytest

from tests.support.browsers import rerun_caused_by, running_dashboard, wait_until_the_app_is_idle

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "artifacts" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
COUNT_TIMELINE_STATEMENTS = """() => {
    const plot = document.querySelector('.js-plotly-plot');
    if (!plot || !plot.data) return -1;
    const ids = new Set();
    for (const trace of plot.data) for (const id of (trace.customdata || [])) ids.add(Array.isArray(id) ? id[0] : id);
    return ids.size;
}"""

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")]


@pytest.fixture(scope="module")
def dashboard_url(seeds_data_dir):
    """A running `streamlit run app.py` on the seeds' extraction; yields its base URL."""
    with running_dashboard({"TIMELINE_DESK_STATEMENTS": str(seeds_data_dir / "statements.parquet")}) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1700})
    opened = context.new_page()
    opened.set_default_timeout(30_000)
    yield opened
    context.close()


def _dated_events_naming(statements, country: str) -> int:
    chosen = statements[(statements["kind"] == "event") & statements["start"].notna()]
    return int(chosen["countries"].map(lambda countries: country in countries).sum())


def _wait_for_statement_count(page, expected: int) -> None:
    page.wait_for_selector(".js-plotly-plot")
    page.wait_for_function(f"({COUNT_TIMELINE_STATEMENTS})() === {expected}", timeout=30_000)
    wait_until_the_app_is_idle(page)


def test_link_with_a_country_shows_exactly_its_statements(page, dashboard_url, seeds_extraction):
    statements, _ = seeds_extraction
    expected = _dated_events_naming(statements, "Israel")
    page.goto(f"{dashboard_url}/?view=statements&country=Israel")
    _wait_for_statement_count(page, expected)
    assert page.evaluate(COUNT_TIMELINE_STATEMENTS) == expected
    assert "country=Israel" in page.url
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "timeline_israel.png"), full_page=True)


def test_choosing_a_country_in_the_sidebar_filters_the_chart_and_the_url(page, dashboard_url, seeds_extraction):
    statements, _ = seeds_extraction
    page.goto(f"{dashboard_url}/?view=statements")
    _wait_for_statement_count(page, int(((statements["kind"] == "event") & statements["start"].notna()).sum()))
    page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="Country", exact=True).click()
    page.keyboard.type("Syria")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    _wait_for_statement_count(page, _dated_events_naming(statements, "Syria"))
    page.wait_for_function("() => window.location.search.includes('country=Syria')")
    assert "country=Syria" in page.url


@pytest.mark.parametrize("path, name, ready", [
    ("/", "timeline", ".js-plotly-plot"),
    ("/statements?statement=__first__", "statements", '[data-testid="stDataFrame"]'),
    ("/sources?doc=002_3d55fe1a66942adb", "sources", "mark.td-date"),
    ("/actors", "actors", ".js-plotly-plot"),
])
def test_every_page_renders_in_the_browser(page, dashboard_url, seeds_extraction, path, name, ready):
    statements, _ = seeds_extraction
    first_event = statements.loc[statements["kind"] == "event", "statement_id"].iloc[0]
    page.goto(dashboard_url + path.replace("__first__", first_event))
    page.wait_for_selector(ready)
    wait_until_the_app_is_idle(page)  # an error drawn later in the run counts too
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


FIRST_VISIBLE_POINT = """() => {
    const plot = document.querySelector('.js-plotly-plot');
    const xaxis = plot._fullLayout.xaxis, yaxis = plot._fullLayout.yaxis, box = plot.getBoundingClientRect();
    for (const trace of plot._fullData) {  // decoded arrays (plot.data may hold base64 typed arrays)
        if (trace.type !== 'scattergl') continue;
        for (let index = 0; index < trace.x.length; index++) {
            const x = xaxis.d2p(trace.x[index]), y = yaxis.d2p(trace.y[index]);
            if (x > 1 && x < xaxis._length - 1 && y > 1 && y < yaxis._length - 1)
                return {x: box.left + xaxis._offset + x, y: box.top + yaxis._offset + y, id: trace.customdata[index]};
        }
    }
    return null;
}"""


def test_clicking_a_point_opens_its_statement_below_the_chart(page, dashboard_url, seeds_extraction):
    statements, _ = seeds_extraction
    page.goto(f"{dashboard_url}/?view=statements&country=Syria")
    _wait_for_statement_count(page, _dated_events_naming(statements, "Syria"))  # and the run is over: the chart is final
    point = page.evaluate(FIRST_VISIBLE_POINT)
    assert point is not None, "no point of the Syria timeline is inside the default window"
    rerun_caused_by(page, lambda: page.mouse.click(point["x"], point["y"]))  # the detail is drawn whole, links too
    statement = statements.set_index("statement_id").loc[point["id"]]
    facts = page.locator("table").filter(has_text="Date as written").first.inner_text()
    assert statement["rule"] in facts and statement["date_text"] in facts
    assert page.get_by_text("Show it in the Statements table").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "timeline_selected_statement.png"), full_page=True)


def test_filters_follow_the_analyst_to_another_page(page, dashboard_url, seeds_extraction):
    page.goto(f"{dashboard_url}/?country=Israel")
    page.wait_for_selector(".js-plotly-plot")
    wait_until_the_app_is_idle(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Statements").click()
    page.wait_for_selector('[data-testid="stDataFrame"]')
    page.wait_for_function("() => window.location.pathname.endsWith('/statements') "
                           "&& window.location.search.includes('country=Israel')")
    wait_until_the_app_is_idle(page)
    assert page.get_by_text("Country: Israel").count() >= 1


def test_one_month_button_zooms_into_the_june_escalation_day_by_day(page, dashboard_url):
    page.goto(f"{dashboard_url}/?view=statements")
    page.wait_for_selector(".js-plotly-plot .updatemenu-button")
    wait_until_the_app_is_idle(page)  # a chart still being (re)drawn by the run would undo the zoom
    before = page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range.join()")
    page.locator(".js-plotly-plot .updatemenu-button").filter(has_text="1m").click()
    page.wait_for_function("before => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range.join() !== before",
                           arg=before)
    start, end = page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range")
    assert start[:10] <= "2025-06-13" and end[:10] >= "2025-06-25", "the 13-24 June escalation should be in view"
    assert "2025-05-01" <= start[:10] and end[:10] <= "2025-07-31", "the window should be about one month"
    tick_labels = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot .xtick text')].map(t => t.textContent)")
    assert any("Jun" in label for label in tick_labels)
    page.screenshot(path=str(SCREENSHOTS / "timeline_june_zoom.png"), full_page=True)


def test_a_hostile_link_renders_as_plain_text_and_the_session_keeps_working(page, dashboard_url):
    statement, country = "[x](https://evil.example/x) **b**", "[c](https://evil.example/c) _i_"
    page.goto(f"{dashboard_url}/statements?" + urlencode({"statement": statement, "country": country,
                                                           "from": "99999-01-01"}))
    page.wait_for_selector("text=Statement in full")
    wait_until_the_app_is_idle(page)
    alerts = [text.replace("\u2060", "") for text in page.locator('[data-testid="stAlert"]').all_inner_texts()]
    assert any(statement in text for text in alerts) and any(country in text for text in alerts)  # as typed
    assert any("99999-01-01" in text for text in alerts)                  # the unreadable date is named, not fatal
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "statements_hostile_link.png"), full_page=True)
    page.goto(f"{dashboard_url}/?" + urlencode({"view": "statements", "q": "$$x^2$$ **b**", "to": "0001-01-01"}))
    page.wait_for_selector("text=No statement matches these filters")
    wait_until_the_app_is_idle(page)
    captions = page.locator('[data-testid="stCaptionContainer"]').all_inner_texts()
    assert any("$$x^2$$ **b**" in text for text in captions), captions
    for _ in (1, 2):
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator('a[href*="evil.example"]').count() == 0       # no link made from the URL
        assert page.locator(".katex").count() == 0                         # no formula typeset
        assert "b" not in page.locator("strong, em").all_inner_texts()    # no emphasis made from the URL
        rerun_caused_by(page, page.locator('[data-testid="stSidebar"]').get_by_text("Reset filters").click)
        page.wait_for_selector(".js-plotly-plot")
FIRST_EVENT_POINT = """() => {
    const plot = document.querySelector('.js-plotly-plot');
    const xaxis = plot._fullLayout.xaxis, yaxis = plot._fullLayout.yaxis, box = plot.getBoundingClientRect();
    for (const trace of plot._fullData) {
        if (trace.type !== 'scatter') continue;
        for (let index = 0; index < trace.x.length; index++) {
            const x = xaxis.d2p(trace.x[index]), y = yaxis.d2p(trace.y[index]);
            if (x >= 0 && x <= xaxis._length && y > 1 && y < yaxis._length - 1)
                return {x: box.left + xaxis._offset + x, y: box.top + yaxis._offset + y, id: trace.customdata[index]};
        }
    }
    return null;
}"""


def test_clicking_an_event_opens_its_evidence_below_the_chart(page, dashboard_url, seeds_data_dir):
    from desk.loading import read_events

    events = read_events(seeds_data_dir / "events.parquet").set_index("event_id")
    page.goto(f"{dashboard_url}/?country=Iran")
    page.wait_for_function("() => { const p = document.querySelector('.js-plotly-plot');"
                           " return p && p._fullData && p._fullData.some(t => t.type === 'scatter'); }", timeout=30_000)
    wait_until_the_app_is_idle(page)  # the chart is final: no redraw moves the marks under the click
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "timeline_key_events_iran.png"), full_page=True)
    point = page.evaluate(FIRST_EVENT_POINT)
    assert point is not None, "no day event of the Iran story is drawn"
    rerun_caused_by(page, lambda: page.mouse.click(point["x"], point["y"]))  # the evidence panel is drawn whole
    page.wait_for_selector("text=Reported by")
    event = events.loc[point["id"]]
    assert page.locator("h4").filter(has_text=event["label"]).count() == 1     # the panel's heading
    assert page.locator("mark.td-date").count() == len(event["statement_ids"])  # one marked date per sentence
    page.screenshot(path=str(SCREENSHOTS / "timeline_selected_event.png"), full_page=True)


def test_a_fresh_servers_first_visit_to_a_page_link_goes_through_the_apps_navigation_and_filters(browser,
                                                                                                seeds_data_dir):
    # Streamlit runs a `pages/` file on its own until app.py has run once in the server's life (desk.ui.app_entry)
    with running_dashboard({"TIMELINE_DESK_STATEMENTS": str(seeds_data_dir / "statements.parquet")}) as fresh:
        context = browser.new_context(viewport={"width": 1440, "height": 1200})
        first = context.new_page()
        first.set_default_timeout(30_000)
        try:
            first.goto(f"{fresh}/statements?country=Iran")
            first.wait_for_selector('[data-testid="stDataFrame"]')
            wait_until_the_app_is_idle(first)
            navigation = first.locator('[data-testid="stSidebarNav"]').inner_text()
            assert "Add articles" in navigation and "add articles" not in navigation   # app.py's titles, not file names
            sidebar = first.locator('[data-testid="stSidebar"]')
            assert sidebar.get_by_text("Filters", exact=True).count() == 1
            assert "Country: Iran" in first.locator('[data-testid="stMain"]').inner_text()
            assert "country=Iran" in first.url
        finally:
            context.close()


def test_links_to_pages_opened_at_once_on_a_fresh_server_all_go_through_the_apps_navigation(browser, seeds_data_dir):
    """Two analysts open links the moment the server is back: the second page once ran on its own (file names in the
    sidebar, no filters), because the first had already switched Streamlit's page folder off (desk.ui.app_entry)."""
    with running_dashboard({"TIMELINE_DESK_STATEMENTS": str(seeds_data_dir / "statements.parquet")}) as fresh:
        contexts = [browser.new_context(viewport={"width": 1200, "height": 900}) for _ in range(3)]
        try:
            pages = [context.new_page() for context in contexts]
            for opened, path in zip(pages, ("sources", "actors", "statements")):
                opened.set_default_timeout(30_000)
                opened.goto(f"{fresh}/{path}?country=Iran", wait_until="commit")
            for opened in pages:   # a page that began on its own re-runs through app.py: wait for its sidebar
                opened.locator('[data-testid="stSidebar"]').get_by_text("Filters", exact=True).wait_for(timeout=20_000)
                wait_until_the_app_is_idle(opened)
                navigation = opened.locator('[data-testid="stSidebarNav"]').inner_text()
                assert "Add articles" in navigation and "add articles" not in navigation, (opened.url, navigation)
                assert "country=Iran" in opened.url   # the link's filter reached the sidebar and stays in the link
        finally:
            for context in contexts:
                context.close()
