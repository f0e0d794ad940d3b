"""Benchmark: briefing image export with a warm (reused) browser vs a cold one (fresh browser), plus data downloads.

Run: `.venv/bin/python bench/bench_export.py [--statements 300 2000] [--repeats 5]`
Prints seconds per export and the cold/warm ratio measured in the same run. Target: warm < 1 s.
Also (issue 11) the labelled key-event chart of the seeds (events built by `extract.events.build_events`) as a
16:9 slide and as A4, warm vs cold, the briefing pack (PDF + PPTX), and the smallest label's pixel height in
the PNG at scale 2.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desk.charts import build_timeline_figure  # noqa: E402
from desk.export.briefing import SIZE_PRESETS, briefing_figure, pdf_scale  # noqa: E402
from desk.export.data import statements_to_csv, statements_to_excel, statements_to_json, timelinejs_bytes  # noqa: E402
from desk.export.images import find_browser, render_image, stop_image_server  # noqa: E402
from tests.support.synthetic import synthetic_documents, synthetic_statements  # noqa: E402

FORMATS = ("png", "svg", "pdf")


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _bench_images(count: int, repeats: int) -> float:
    """Print cold vs warm seconds per format for a briefing of `count` statements; return the slowest warm median."""
    statements = synthetic_statements(count, seed=1)
    documents = synthetic_documents(statements)
    width, height = SIZE_PRESETS["16:9 slide"]
    started = time.perf_counter()
    figure = briefing_figure(build_timeline_figure(statements), statements, title="Benchmark briefing",
                             filter_description="All statements", documents=documents)
    layout_seconds = time.perf_counter() - started
    scales = {"png": 2, "svg": 1, "pdf": pdf_scale("16:9 slide")}

    def export(image_format: str) -> None:
        render_image(figure, image_format=image_format, width=width, height=height, scale=scales[image_format])

    marks = sum(len(trace.x) for trace in figure.data)
    print(f"\nbriefing of {count:,} synthetic statements ({marks:,} marks), 16:9 slide, PNG at scale 2 = 3200x1800")
    print(f"chart + briefing layout (python, no browser): {layout_seconds:.3f} s")
    print(f"{'format':<6} {'cold s':>8} {'warm s (median of ' + str(repeats) + ')':>26} {'cold/warm':>10}")
    worst_warm = 0.0
    for image_format in FORMATS:
        stop_image_server()
        cold = _timed(lambda: export(image_format))  # includes starting a fresh Chromium
        warm = statistics.median(_timed(lambda: export(image_format)) for _ in range(repeats))
        worst_warm = max(worst_warm, warm)
        print(f"{image_format:<6} {cold:>8.3f} {warm:>26.3f} {cold / warm:>9.1f}x")
    return worst_warm


def _bench_event_images(repeats: int) -> float:
    """Print cold vs warm seconds of the seeds' key-event chart per format and size; return the slowest warm median."""
    from desk.export.briefing import PNG_SCALE
    from desk.export.event_briefing import event_briefing, event_briefing_image
    from desk.export.pack import briefing_pack
    from desk.filters import Filters, apply_filters, key_events_for
    from extract.pipeline import extract_corpus

    extraction = extract_corpus(Path(__file__).resolve().parent.parent / "seeds")
    filters = Filters(countries=("Iran",))
    shown = apply_filters(extraction.statements, filters)
    key = key_events_for(extraction.events, shown, filters)
    worst_warm = 0.0
    for size in SIZE_PRESETS:
        started = time.perf_counter()
        page = event_briefing(key, shown, title="Key events — Iran", filter_description="Country: Iran", size=size,
                              documents=extraction.documents)
        layout_seconds = time.perf_counter() - started
        smallest = min(page.chart.placed["box_bottom"] - page.chart.placed["box_top"]) * PNG_SCALE
        print(f"\nkey-event chart of the seeds, Iran ({key.description()}; {len(page.chart.placed)} rows drawn), {size}")
        print(f"layout (python, no browser): {layout_seconds:.3f} s; smallest label box in the PNG at scale "
              f"{PNG_SCALE}: {smallest:.0f} px tall")
        print(f"{'format':<6} {'cold s':>8} {'warm s (median of ' + str(repeats) + ')':>26} {'cold/warm':>10}")
        for image_format in FORMATS:
            stop_image_server()
            cold = _timed(lambda: event_briefing_image(page, image_format, size=size))
            warm = statistics.median(_timed(lambda: event_briefing_image(page, image_format, size=size))
                                     for _ in range(repeats))
            worst_warm = max(worst_warm, warm)
            print(f"{image_format:<6} {cold:>8.3f} {warm:>26.3f} {cold / warm:>9.1f}x")
        pack_seconds = statistics.median(_timed(lambda: briefing_pack(page, shown, extraction.documents, size=size))
                                         for _ in range(3))
        print(f"briefing pack (PDF via a fresh headless Chromium print + PPTX), warm images: {pack_seconds:.2f} s")
    return worst_warm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--statements", type=int, nargs="+", default=[300, 2000],
                        help="briefing sizes: a typical filtered selection and a heavy one")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--data-rows", type=int, default=20_000)
    options = parser.parse_args()
    if find_browser() is None:
        print("no Chromium: image export cannot be benchmarked here (sudo apt-get install -y chromium)")
        return 1

    worst_warm = 0.0
    for count in options.statements:
        worst_warm = max(worst_warm, _bench_images(count, options.repeats))
    print(f"warm target < 1 s: {'met' if worst_warm < 1 else 'MISSED'} (slowest warm export {worst_warm:.3f} s)")
    event_warm = _bench_event_images(options.repeats)
    print(f"key-event chart warm target < 1 s: {'met' if event_warm < 1 else 'MISSED'} "
          f"(slowest warm export {event_warm:.3f} s)")

    rows = synthetic_statements(options.data_rows, seed=2)
    print(f"\ndata downloads of {options.data_rows:,} statements:")
    writers = {
        "csv": lambda: statements_to_csv(rows), "xlsx": lambda: statements_to_excel(rows),
        "json": lambda: statements_to_json(rows),
        "timelinejs": lambda: timelinejs_bytes(rows, title="Benchmark"),
    }
    seconds = {name: _timed(writer) for name, writer in writers.items()}
    for name, value in seconds.items():
        print(f"{name:<11} {value:>7.3f} s   ({value / seconds['csv']:.1f}x csv)")
    stop_image_server()
    return 0


if __name__ == "__main__":
    sys.exit(main())
