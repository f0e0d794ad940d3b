"""The desk at scale (issue 14): a dashboard session, filter changes, memory and figure payload at 1,000,000 statements.

Run: cd /work/main && .venv/bin/python bench/bench_scale_desk.py [--statements 1000000] [--repeats 3] [--browser]

1. Data: N synthetic statements (`tests.support.synthetic`, 50 sources; Parquet row groups of 100,000 rows, as a
   dataset written in parts has), events synthesised from them (about one per 20 statements, `synthetic_events`),
   documents, and a curation log with a few edits (hidden, a fixed date, a starred event), written once to --data
   (default /tmp/timeline-desk-scale-N) and reused.
2. Sessions, server side, each implementation in its own fresh Python process (`--measure-session`), with
   streamlit's AppTest on app.py: the first session (cold: nothing cached), a new session (a second AppTest in the
   same process: what the next analyst gets), filter changes on the Timeline (three countries, each a state not
   seen before), the raw-statements view and a filter change there; the figure payload (the plotly specs sent);
   the process RSS at the end and its peak. Medians over --repeats processes.
   Ours = this checkout. Peer = today's pandas path: the commit before `desk/query.py` existed (`git archive`
   into a temporary folder), on the same data.
3. DuckDB alone: `desk.query.StatementStore.counts` for the same filters (the floor under a filter change).
4. --browser: a real headless `streamlit run` of each, one Chromium session each; time from goto until the
   Timeline's chart holds its traces, and the server's RSS after it.
5. --pages: every page (Timeline in both views, Statements, Sources, Actors, History, Add articles) opened first in a
   fresh process (AppTest: cold, server side), then a filter change on it (country = Iran), with its figure payload;
   medians over --repeats processes. Peer: the same page at the commit before this session's desk changes (History
   imported the extractor, Add articles read every statement with pandas), --peer-repeats processes; and the
   page's DuckDB queries alone (warm, median of 3).
6. --export: `python -m desk.export` at this size (key-event PNG for country=Iran, TimelineJS of the key events, the
   statements CSV for country=Iran), wall time and peak RSS of the command; peer: the same commands at the commit
   before they read through desk.query (every statement read and curated with pandas).
Targets (issue 14): first session < 3 s server side, filter change < 0.5 s, RSS < 1 GB, figure payload < 2 MB.
The box is shared: the load average is printed; compare ratios measured in the same run.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROW_GROUP_ROWS = 100_000   # what a dataset written in parts gives; one 1M-row group leaves DuckDB one core
FILTER_CHANGES = (("countries", ["Iran"]), ("countries", ["Israel"]), ("countries", ["Russia"]))


# ---------------------------------------------------------------- data ----------------------------------------
def prepare_data(folder: Path, count: int) -> Path:
    """Write (once) statements, events, documents and a curation log of `count` synthetic statements to `folder`."""
    sys.path.insert(0, str(REPO))
    statements_file = folder / "statements.parquet"
    if statements_file.is_file() and (folder / "curation.sqlite").is_file():
        return statements_file
    import pandas as pd

    from extract.curation import EditLog, fix_date, hide, star
    from extract.schema import conform_documents
    from tests.support.synthetic import synthetic_events, synthetic_statements

    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    chunk = 100_000
    parts = []
    for number in range((count + chunk - 1) // chunk):
        part = synthetic_statements(min(chunk, count - number * chunk), seed=number)
        part["doc_id"] = part["doc_id"] + f"_{number}"
        part["statement_id"] = part["doc_id"] + ":" + part["statement_id"].str.split(":").str[1]
        part["title"] = part["title"] + f" ({number})"
        parts.append(part)
    statements = pd.concat(parts, ignore_index=True)
    events = synthetic_events(statements)
    firsts = statements.drop_duplicates("doc_id")
    documents = conform_documents(pd.DataFrame({
        "doc_id": firsts["doc_id"], "path": "synthetic/" + firsts["doc_id"] + ".txt", "title": firsts["title"],
        "outlet": firsts["outlet"], "author": "", "published": firsts["published"], "url": "",
        "reference_date_basis": firsts["reference_date_basis"], "text": "", "status": "ok", "problem": ""}))
    statements.to_parquet(statements_file, row_group_size=ROW_GROUP_ROWS)
    events.to_parquet(folder / "events.parquet")
    documents.to_parquet(folder / "documents.parquet")
    log = EditLog(folder / "curation.sqlite")
    placed = statements[statements["start"].notna()].iloc[[10, 20, 30]]
    log.append(hide(placed.iloc[0], "not news"))
    log.append(hide(placed.iloc[1], "duplicate"))
    log.append(fix_date(placed.iloc[2], "2025-06-20"))
    log.append(star(events.sort_values("salience").iloc[0]))
    print(f"data: {len(statements):,} statements, {len(events):,} events, {len(documents):,} documents written to "
          f"{folder} in {time.perf_counter() - started:.0f} s")
    return statements_file


def peer_checkout(commit: str | None) -> tuple[Path, str]:
    """A clean copy of the code before the DuckDB layer (the commit before desk/query.py was added), and its id."""
    if commit is None:
        added = subprocess.run(["git", "log", "--diff-filter=A", "--format=%H", "--", "desk/query.py"], cwd=REPO,
                               capture_output=True, text=True, check=True).stdout.split()
        commit = f"{added[-1]}^"
    full = subprocess.run(["git", "rev-parse", commit], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
    folder = Path(tempfile.gettempdir()) / f"timeline-desk-peer-{full[:10]}"
    if not (folder / "app.py").is_file():
        folder.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", full], cwd=REPO, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder, full[:10]


# ------------------------------------------------------- one session process ------------------------------------
def _spec_bytes(app) -> int:
    return sum(len(chart.proto.spec.encode("utf-8")) for chart in app.get("plotly_chart"))


def _app_test_class(code: Path, statements_file: Path, curation: Path):
    """AppTest, in this fresh process set up to run `code`/app.py on the data as a running server does."""
    os.chdir(code)
    sys.path.insert(0, str(code))
    os.environ["TIMELINE_DESK_STATEMENTS"] = str(statements_file)
    os.environ["TIMELINE_DESK_CURATION"] = str(curation)
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import AppTest

    original_init = PagesManager.__init__

    def init_as_navigation_app(self, *args, **kwargs):  # what a running server has; see tests/conftest.py
        original_init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init_as_navigation_app
    return AppTest


def measure_session(code: Path, statements_file: Path, curation: Path) -> dict:
    """Runs inside a fresh process: AppTest sessions of `code`/app.py on the data; returns the figures."""
    import resource

    import psutil

    AppTest = _app_test_class(code, statements_file, curation)
    app_file = str(code / "app.py")

    def session(view: str | None = None):
        app = AppTest.from_file(app_file, default_timeout=600)
        if view:
            app.query_params["view"] = view
        started = time.perf_counter()
        app.run()
        seconds = time.perf_counter() - started
        assert not app.exception, [exception.value for exception in app.exception]
        return app, seconds

    figures: dict = {}
    app, figures["first_session"] = session()
    figures["first_payload"] = _spec_bytes(app)
    _second, figures["new_session"] = session()
    changes = []
    for field, value in FILTER_CHANGES:
        started = time.perf_counter()
        app.multiselect(key=f"filter_{field}").set_value(value).run()
        changes.append(time.perf_counter() - started)
        assert not app.exception
    figures["filter_changes"] = changes
    figures["filter_payload"] = _spec_bytes(app)
    statements_view, figures["statements_view"] = session("statements")
    figures["statements_payload"] = _spec_bytes(statements_view)
    started = time.perf_counter()
    statements_view.multiselect(key="filter_countries").set_value(["Iran"]).run()
    figures["statements_filter_change"] = time.perf_counter() - started
    figures["statements_filter_payload"] = _spec_bytes(statements_view)
    figures["captions"] = [caption.value for caption in statements_view.caption][:3]
    figures["rss_mb"] = psutil.Process().memory_info().rss / 1e6
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    return figures


def run_sessions(code: Path, statements_file: Path, repeats: int) -> list[dict]:
    """`measure_session` in `repeats` fresh processes."""
    results = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as scratch:
            curation = Path(scratch) / "curation.sqlite"
            shutil.copy(statements_file.parent / "curation.sqlite", curation)
            out = Path(scratch) / "figures.json"
            subprocess.run([sys.executable, str(Path(__file__).resolve()), "--measure-session", str(code),
                            "--data", str(statements_file.parent), "--curation", str(curation), "--json", str(out)],
                           check=True, cwd=code)
            results.append(json.loads(out.read_text()))
    return results


PAGES = (("Timeline, key events", "pages/timeline.py", "events"), ("Timeline, raw statements", "pages/timeline.py",
         "statements"), ("Statements", "pages/statements.py", None), ("Sources", "pages/sources.py", None),
         ("Actors", "pages/actors.py", None), ("History", "pages/history.py", None),
         ("Add articles", "pages/add_articles.py", None))


def measure_page(code: Path, statements_file: Path, curation: Path, page: str, view: str | None) -> dict:
    """Runs inside a fresh process: `page` opened first (cold), then a filter change on it (country = Iran)."""
    import psutil

    AppTest = _app_test_class(code, statements_file, curation)
    app = AppTest.from_file(str(code / "app.py"), default_timeout=600)
    if view:
        app.query_params["view"] = view
    if page != "pages/timeline.py":
        app.switch_page(page)
    started = time.perf_counter()
    app.run()
    figures = {"first": time.perf_counter() - started, "first_payload": _spec_bytes(app)}
    assert not app.exception, [exception.value for exception in app.exception]
    started = time.perf_counter()
    app.multiselect(key="filter_countries").set_value(["Iran"]).run()
    figures["filter_change"] = time.perf_counter() - started
    assert not app.exception, [exception.value for exception in app.exception]
    figures["filter_payload"] = _spec_bytes(app)
    figures["rss_mb"] = psutil.Process().memory_info().rss / 1e6
    return figures


def run_page(code: Path, statements_file: Path, page: str, view: str | None) -> dict:
    """`measure_page` in a fresh process."""
    with tempfile.TemporaryDirectory() as scratch:
        curation = Path(scratch) / "curation.sqlite"
        shutil.copy(statements_file.parent / "curation.sqlite", curation)
        out = Path(scratch) / "figures.json"
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--measure-page", str(code), "--page", page,
                        "--view", view or "", "--data", str(statements_file.parent), "--curation", str(curation),
                        "--json", str(out)], check=True, cwd=code)
        return json.loads(out.read_text())


def page_queries(statements_file: Path) -> dict[str, float]:
    """Median seconds (of 3, warm) of the DuckDB queries each page makes for country = Iran: the floor under its filter
    change."""
    sys.path.insert(0, str(REPO))
    from desk.filters import Filters
    from desk.query import StatementStore
    from desk.tables import TABLE_COLUMNS, TABLE_ROWS

    store = StatementStore(statements_file)
    iran = Filters(countries=("Iran",))
    queries = {
        "Timeline, key events": lambda: store.event_ids_with_evidence(iran),
        "Timeline, raw statements": lambda: (store.counts(iran), store.period_counts(iran, "country", "day")),
        "Statements": lambda: (store.counts(iran), store.rows(iran, TABLE_COLUMNS, limit=TABLE_ROWS)),
        "Sources": lambda: (store.kind_counts_by_document(None), store.kind_counts_by_document(iran)),
        "Actors": lambda: store.actor_tables(iran) if hasattr(store, "actor_tables") else
        (store.actor_mentions(iran), store.actor_years(iran), store.actor_pairs(iran)),
    }
    store.counts(Filters())   # the file's metadata read once
    timings = {}
    for label, query in queries.items():
        times = []
        for _ in range(3):
            started = time.perf_counter()
            query()
            times.append(time.perf_counter() - started)
        timings[label] = statistics.median(times)
    return timings


def report_pages(statements_file: Path, repeats: int, peer_repeats: int, peer_commit: str | None) -> None:
    """Every page's first render and filter change: ours, the peer commit's, and the DuckDB queries alone."""
    peer_code, peer_id = peer_checkout(peer_commit or _first_commit_with("desk/ui/add_articles_panel.py"))
    floor = page_queries(statements_file)
    print(f"pages (server side, AppTest; ours: median of {repeats} processes; peer = commit {peer_id}: median of "
          f"{peer_repeats}; DuckDB alone: the page's queries for country = Iran, warm)")
    print(f"  {'page':26s} {'first render':>12s} {'peer':>8s} {'filter change':>13s} {'peer':>8s} {'DuckDB':>8s} "
          f"{'payload MB':>10s} {'RSS MB':>7s}")
    for label, page, view in PAGES:
        ours = [run_page(REPO, statements_file, page, view) for _ in range(repeats)]
        peer = [run_page(peer_code, statements_file, page, view) for _ in range(peer_repeats)]
        first, change = (statistics.median(one[key] for one in ours) for key in ("first", "filter_change"))
        peer_first, peer_change = (statistics.median(one[key] for one in peer) for key in ("first", "filter_change"))
        payload = max(statistics.median(one[key] for one in ours) for key in ("first_payload", "filter_payload")) / 1e6
        rss = statistics.median(one["rss_mb"] for one in ours)
        duck = f"{floor[label]:8.2f}" if label in floor else f"{'':>8s}"
        print(f"  {label:26s} {first:10.2f} s {peer_first:6.2f} s {change:11.2f} s {peer_change:6.2f} s {duck} "
              f"{payload:10.3f} {rss:7.0f}")


# ------------------------------------------------------------ export command ---------------------------------------
EXPORTS = (("key events PNG, country=Iran", ["--query", "country=Iran", "--format", "png"]),
           ("key events TimelineJS", ["--format", "none", "--data", "timelinejs"]),
           ("statements CSV, country=Iran", ["--query", "country=Iran", "--format", "none", "--data", "csv"]))


def run_export(code: Path, statements_file: Path, arguments: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one `python -m desk.export` run of `code` on the data."""
    import psutil

    with tempfile.TemporaryDirectory() as scratch:
        curation = Path(scratch) / "curation.sqlite"
        shutil.copy(statements_file.parent / "curation.sqlite", curation)
        command = [sys.executable, "-m", "desk.export", "--events", str(statements_file), "--curation", str(curation),
                   "--out", str(Path(scratch) / "out"), *arguments]
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=code, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        watched, peak = psutil.Process(process.pid), 0.0
        while process.poll() is None:
            try:
                peak = max(peak, watched.memory_info().rss / 1e6)
            except psutil.Error:
                pass
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        if process.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {process.stderr.read().decode()[-2000:]}")
        return seconds, peak


def report_exports(statements_file: Path, repeats: int, peer_repeats: int, peer_commit: str | None) -> None:
    """`python -m desk.export` runs: ours and the pandas peer (the commit before the command read through desk.query)."""
    peer_code, peer_id = peer_checkout(peer_commit or _first_commit_with("desk/ui/add_articles_panel.py"))
    print(f"python -m desk.export (ours: median of {repeats}; peer = commit {peer_id}, the pandas path: median of "
          f"{peer_repeats}); wall s and peak RSS MB of the command")
    for label, arguments in EXPORTS:
        ours = [run_export(REPO, statements_file, arguments) for _ in range(repeats)]
        peer = [run_export(peer_code, statements_file, arguments) for _ in range(peer_repeats)]
        seconds, rss = (statistics.median(one[index] for one in ours) for index in (0, 1))
        peer_seconds, peer_rss = (statistics.median(one[index] for one in peer) for index in (0, 1))
        print(f"  {label:32s} ours {seconds:6.2f} s {rss:6.0f} MB   peer {peer_seconds:6.2f} s {peer_rss:6.0f} MB   "
              f"peer/ours {peer_seconds / seconds:4.1f}x time, {peer_rss / rss:4.1f}x memory")


def _first_commit_with(path: str) -> str:
    """The commit before `path` was added (the peer of what it brought)."""
    added = subprocess.run(["git", "log", "--diff-filter=A", "--format=%H", "--", path], cwd=REPO,
                           capture_output=True, text=True, check=True).stdout.split()
    return f"{added[-1]}^"


# ----------------------------------------------------------- DuckDB alone ----------------------------------------
def duckdb_alone(statements_file: Path, repeats: int) -> dict[str, float]:
    """Median seconds of `StatementStore.counts` for the filter states the sessions use (the floor)."""
    sys.path.insert(0, str(REPO))
    from desk.filters import Filters
    from desk.query import StatementStore

    store = StatementStore(statements_file)
    timings = {}
    for label, filters in (("defaults", Filters()), ("Iran", Filters(countries=("Iran",))),
                           ("Israel", Filters(countries=("Israel",))), ("Russia", Filters(countries=("Russia",)))):
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            store.counts(filters)
            times.append(time.perf_counter() - started)
        timings[label] = statistics.median(times)
    return timings


# ------------------------------------------------------------ real server ----------------------------------------
def server_session(code: Path, statements_file: Path, chromium: str) -> tuple[float, float]:
    """(seconds from goto to the Timeline chart, server RSS in MB after it) for one Chromium session."""
    import psutil
    from playwright.sync_api import sync_playwright

    from bench_dashboard import serve_app

    with tempfile.TemporaryDirectory() as scratch:
        curation = Path(scratch) / "curation.sqlite"
        shutil.copy(statements_file.parent / "curation.sqlite", curation)
        environment = {**os.environ, "TIMELINE_DESK_STATEMENTS": str(statements_file),
                       "TIMELINE_DESK_CURATION": str(curation)}
        server, port = serve_app(code / "app.py", environment)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport={"width": 1440, "height": 1000})
                started = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_function("() => { const p = document.querySelector('.js-plotly-plot');"
                                       " return p && p.data && p.data.length > 0; }", timeout=600_000)
                seconds = time.perf_counter() - started
                process = psutil.Process(server.pid)
                rss = sum(one.memory_info().rss for one in [process, *process.children(recursive=True)]) / 1e6
                browser.close()
            return seconds, rss
        finally:
            server.terminate()
            server.wait(timeout=30)


# ----------------------------------------------------------------- report ----------------------------------------
def _median(results: list[dict], key: str) -> float:
    return statistics.median(result[key] for result in results)


def _report(name: str, results: list[dict]) -> dict[str, float]:
    summary = {
        "first_session": _median(results, "first_session"), "new_session": _median(results, "new_session"),
        "filter_change": statistics.median(change for result in results for change in result["filter_changes"]),
        "statements_view": _median(results, "statements_view"),
        "statements_filter_change": _median(results, "statements_filter_change"),
        "payload_mb": max(_median(results, key) for key in ("first_payload", "filter_payload", "statements_payload",
                                                            "statements_filter_payload")) / 1e6,
        "rss_mb": _median(results, "rss_mb"), "peak_rss_mb": _median(results, "peak_rss_mb"),
    }
    print(f"{name} ({len(results)} process(es), medians)")
    print(f"  first session (cold)        {summary['first_session']:7.2f} s      target < 3 s")
    print(f"  new session (data cached)   {summary['new_session']:7.2f} s")
    print(f"  filter change (key events)  {summary['filter_change']:7.2f} s      target < 0.5 s")
    print(f"  raw statements view         {summary['statements_view']:7.2f} s")
    print(f"  filter change (statements)  {summary['statements_filter_change']:7.2f} s      target < 0.5 s")
    print(f"  largest figure payload      {summary['payload_mb']:7.3f} MB     target < 2 MB "
          f"(key events {_median(results, 'first_payload') / 1e6:.3f}, statements {_median(results, 'statements_payload') / 1e6:.3f}, "
          f"statements Iran {_median(results, 'statements_filter_payload') / 1e6:.3f})")
    print(f"  process RSS at the end      {summary['rss_mb']:7.0f} MB     target < 1000 MB (peak {summary['peak_rss_mb']:.0f} MB)")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, default=None, help="folder for the synthetic data (reused when there)")
    parser.add_argument("--repeats", type=int, default=3, help="session processes per implementation")
    parser.add_argument("--peer-repeats", type=int, default=1, help="session processes of the pandas peer (slow)")
    parser.add_argument("--peer-commit", default=None, help="the pandas peer's commit (default: before desk/query.py)")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--browser", action="store_true", help="also a real server + Chromium session each")
    parser.add_argument("--pages", action="store_true", help="every page's first render and filter change")
    parser.add_argument("--export", action="store_true", help="python -m desk.export runs")
    parser.add_argument("--only", action="store_true", help="with --pages/--export: skip the session measures")
    parser.add_argument("--pages-peer-commit", default=None,
                        help="the pages' and export's peer (default: before desk/ui/add_articles_panel.py)")
    parser.add_argument("--measure-session", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--measure-page", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--page", default="", help=argparse.SUPPRESS)
    parser.add_argument("--view", default="", help=argparse.SUPPRESS)
    parser.add_argument("--curation", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, default=None, help=argparse.SUPPRESS)
    options = parser.parse_args()
    data = options.data or Path(tempfile.gettempdir()) / f"timeline-desk-scale-{options.statements}"
    if options.measure_session is not None:
        figures = measure_session(options.measure_session, data / "statements.parquet", options.curation)
        options.json.write_text(json.dumps(figures))
        return
    if options.measure_page is not None:
        figures = measure_page(options.measure_page, data / "statements.parquet", options.curation, options.page,
                               options.view or None)
        options.json.write_text(json.dumps(figures))
        return
    print(f"load average at start: {' '.join(f'{load:.2f}' for load in os.getloadavg())} (2 cores, shared)")
    statements_file = prepare_data(data, options.statements)
    if options.pages:
        report_pages(statements_file, options.repeats, options.peer_repeats, options.pages_peer_commit)
        print(f"load average: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    if options.export:
        report_exports(statements_file, options.repeats, options.peer_repeats, options.pages_peer_commit)
        print(f"load average: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    if options.only:
        return
    ours = _report("ours: DuckDB over Parquet (this checkout)", run_sessions(REPO, statements_file, options.repeats))
    floor = duckdb_alone(statements_file, 5)
    print("DuckDB alone, StatementStore.counts (median of 5): "
          + ", ".join(f"{label} {seconds:.3f} s" for label, seconds in floor.items()))
    if not options.no_peer:
        peer_code, peer_commit = peer_checkout(options.peer_commit)
        peer = _report(f"peer: today's pandas path (commit {peer_commit})",
                       run_sessions(peer_code, statements_file, options.peer_repeats))
        print("ratios peer / ours: " + ", ".join(
            f"{key} {peer[key] / ours[key]:.1f}x" for key in ("first_session", "new_session", "filter_change",
                                                              "statements_filter_change", "payload_mb", "rss_mb")))
    if options.browser and shutil.which("chromium"):
        for name, code in (("ours", REPO), *((("peer", peer_checkout(options.peer_commit)[0]),)
                                            if not options.no_peer else ())):
            seconds, rss = server_session(code, statements_file, shutil.which("chromium"))
            print(f"real server, {name}: goto -> Timeline chart drawn {seconds:.2f} s; server RSS after it {rss:.0f} MB")
    print(f"load average at end: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
