"""Tests that need a real Chromium carry the `browser` marker (the fast loop deselects them: -m "not browser")."""
from __future__ import annotations

import pytest

from desk.export.images import find_browser

NO_CHROMIUM = "no Chromium installed: image rendering untestable here"


def needs_browser(test):
    """Mark `test` as a real-browser test (kaleido renders in Chromium); skipped when no Chromium is installed."""
    return pytest.mark.browser(pytest.mark.skipif(find_browser() is None, reason=NO_CHROMIUM)(test))
