"""Tests that need a real Chromium carry the `browser` marker (the fast loop deselects them: -m "not browser")."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from desk.export.images import find_browser

REPO = Path(__file__).resolve().parent.parent.parent
NO_CHROMIUM = "no Chromium installed: image rendering untestable here"


def needs_browser(test):
    """Mark `test` as a real-browser test (kaleido renders in Chromium); skipped when no Chromium is installed."""
    return pytest.mark.browser(pytest.mark.skipif(find_browser() is None, reason=NO_CHROMIUM)(test))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_dashboard(environment: dict[str, str]) -> Iterator[str]:
    """`streamlit run app.py` with `environment` added to this process's, healthy within 60 s; yields its base URL."""
    port = free_port()
    output = tempfile.TemporaryFile()  # not a pipe: nobody reads it while tests run, and a full pipe blocks the server
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none"],
        cwd=REPO, env={**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **environment},
        stdout=output, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                output.seek(0)
                pytest.fail(f"streamlit did not become healthy on {base}:\n{output.read().decode('utf-8', 'replace')}")
            time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        output.close()


APP_STATE = 'document.querySelector(\'[data-testid="stApp"]\')'
APP_IS_IDLE = f"""() => {{
    const app = {APP_STATE};
    return !!app && app.getAttribute('data-test-connection-state') === 'CONNECTED'
        && app.getAttribute('data-test-script-state') === 'notRunning'
        && !document.querySelector('[data-stale="true"], [data-testid="stSkeleton"]');
}}"""


def wait_until_the_app_is_idle(page, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished the current run and drawn all of it (connected, not running, nothing stale).

    Streamlit draws a run's elements one by one as the script reaches them, so an element being there says nothing
    about the ones after it; assert counts (and the absence of errors) only once the run is over.
    """
    page.wait_for_function(APP_IS_IDLE, timeout=timeout)


def rerun_caused_by(page, action, timeout: float = 30_000) -> None:
    """Do `action()` (a click, a key), then wait until the Streamlit run it causes has finished and been drawn.

    The script state is watched from before the action, so a run that starts and ends between two polls is still
    seen, and the state left over from the previous run is never taken for the new one.
    """
    page.evaluate(f"""() => {{
        const app = {APP_STATE};
        window.__timelineDeskRunChanges = 0;
        new MutationObserver(records => {{ window.__timelineDeskRunChanges += records.length; }})
            .observe(app, {{attributes: true, attributeFilter: ['data-test-script-state']}});
    }}""")
    action()
    page.wait_for_function(f"() => window.__timelineDeskRunChanges > 0 && ({APP_IS_IDLE})()", timeout=timeout)
