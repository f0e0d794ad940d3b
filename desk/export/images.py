"""Chart images (PNG, SVG, PDF) rendered server-side by kaleido in ONE long-lived browser.

The first export starts headless Chromium (~3 s); later exports reuse it (~0.2 s). The
browser runs in a private asyncio loop on a daemon thread, is started lazily under a lock
(safe for streamlit's per-session threads) and closed at exit.

Why not `kaleido.start_sync_server()`: its `call_function` waits on a queue with no timeout,
so if the browser fails to start the caller hangs forever, and two threads calling at once
can receive each other's images. Here every call is `run_coroutine_threadsafe(...).result(timeout)`.

>>> find_browser() is None or find_browser().endswith(("chromium", "chrome", "google-chrome"))
True
"""
from __future__ import annotations

import asyncio
import atexit
import threading
from typing import Any

import plotly.graph_objects as go

IMAGE_FORMATS = ("png", "svg", "pdf")
MEDIA_TYPES = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
CHROMIUM_MISSING_MESSAGE = "Image export needs Chromium: sudo apt-get install -y chromium"
START_TIMEOUT_SECONDS = 60
RENDER_TIMEOUT_SECONDS = 60


class ImageExportUnavailable(RuntimeError):
    """No browser to render images with; the message says how to install one."""


class ImageRenderError(RuntimeError):
    """The browser failed or timed out on one image; the next export starts a fresh browser."""


IMAGE_EXPORT_ERRORS = (ImageExportUnavailable, ImageRenderError)


def find_browser() -> str | None:
    """Path of the Chromium/Chrome kaleido will use (e.g. '/usr/bin/chromium'), or None."""
    try:
        from choreographer.browsers.chromium import Chromium
    except ImportError:  # kaleido/choreographer not installed
        return None
    return Chromium.find_browser(skip_local=False)


class _ImageServer:
    """One kaleido browser on its own event loop thread; `render` may be called from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None

    @property
    def running(self) -> bool:
        return self._kaleido is not None

    def start(self) -> None:
        with self._lock:
            if self._kaleido is not None:
                return
            browser = find_browser()
            if browser is None:
                raise ImageExportUnavailable(CHROMIUM_MISSING_MESSAGE)
            import kaleido

            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="kaleido-browser", daemon=True)
            thread.start()

            async def open_browser() -> Any:
                browser_session = kaleido.Kaleido(n=1, mathjax=False, path=browser)
                await browser_session.open()
                return browser_session

            try:
                self._kaleido = asyncio.run_coroutine_threadsafe(open_browser(), loop).result(START_TIMEOUT_SECONDS)
            except Exception as problem:  # noqa: BLE001 - any start failure means "no image export"
                loop.call_soon_threadsafe(loop.stop)
                thread.join(timeout=5)
                raise ImageExportUnavailable(
                    f"{CHROMIUM_MISSING_MESSAGE} (starting {browser} failed: {problem})") from problem
            self._loop, self._thread = loop, thread

    def render(self, figure_dict: dict, options: dict[str, Any]) -> bytes:
        self.start()
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(self._kaleido.calc_fig(figure_dict, opts=options), self._loop)
        try:
            return future.result(RENDER_TIMEOUT_SECONDS)
        except Exception as problem:  # noqa: BLE001 - a crashed/hung browser: restart it next time
            future.cancel()
            self.stop()
            raise ImageRenderError(f"rendering the {options['format'].upper()} image failed "
                                   f"({type(problem).__name__}: {problem}); please try again") from problem

    def stop(self) -> None:
        with self._lock:
            if self._kaleido is None:
                return
            loop, thread, session = self._loop, self._thread, self._kaleido
            self._kaleido, self._loop, self._thread = None, None, None
            try:
                asyncio.run_coroutine_threadsafe(session.close(), loop).result(15)
            except Exception:  # noqa: BLE001 - closing at exit must never raise
                pass
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=5)


_server = _ImageServer()
atexit.register(_server.stop)


def image_export_problem() -> str | None:
    """None when images can be exported, else the message to show (how to install Chromium)."""
    if _server.running:
        return None
    return CHROMIUM_MISSING_MESSAGE if find_browser() is None else None


def render_image(figure: go.Figure, *, image_format: str, width: int, height: int, scale: float = 2) -> bytes:
    """PNG/SVG/PDF bytes of `figure` at width x height layout px (PNG is width*scale px wide).

    Raises ImageExportUnavailable (message: how to install Chromium) when no browser works,
    ImageRenderError when the browser fails on this image (it is restarted for the next one).
    >>> render_image(go.Figure(), image_format="gif", width=1600, height=900)
    Traceback (most recent call last):
    ...
    ValueError: unknown image format 'gif'; choose one of png, svg, pdf
    """
    if image_format not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {image_format!r}; choose one of {', '.join(IMAGE_FORMATS)}")
    options = {"format": image_format, "width": int(width), "height": int(height), "scale": scale}
    return _server.render(figure.to_dict(), options)


def stop_image_server() -> None:
    """Close the browser (also done at exit); the next export starts a fresh one."""
    _server.stop()
