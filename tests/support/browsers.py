"""Tests that need a real Chromium carry the `browser` marker (the fast loop deselects them: -m "not browser")."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
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
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none"],
        cwd=REPO, env={**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **environment},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
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
                output = server.stdout.read().decode("utf-8", "replace") if server.stdout and server.poll() is not None else ""
                pytest.fail(f"streamlit did not become healthy on {base}:\n{output}")
            time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
