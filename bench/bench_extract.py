"""Benchmark: time to extract the seeds into the statements frame (after imports), next to
`dateparser.search_dates` over the same texts in the same run (finding dates only).

    .venv/bin/python bench/bench_extract.py [--articles seeds] [--repeat 5]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import dateparser.search  # noqa: E402

from extract import extract_corpus  # noqa: E402
from extract.documents import read_documents  # noqa: E402


def best_of(repeat: int, work) -> float:
    """The fastest of `repeat` timed calls of `work()`, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=REPO / "seeds")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    extract_corpus(args.articles)  # warm-up: lazy loading of gazetteer and rules is not timed
    texts = [d.text for d in read_documents(args.articles) if d.readable]
    chars = sum(map(len, texts))
    ours = best_of(args.repeat, lambda: extract_corpus(args.articles))
    base = {"RELATIVE_BASE": dt.datetime(2025, 6, 20)}
    dateparser.search.search_dates("warm up on June 1", languages=["en"], settings=base)
    peer = best_of(1, lambda: [dateparser.search.search_dates(t, languages=["en"], settings=base) for t in texts])
    statements = len(extract_corpus(args.articles).statements)
    print(f"{len(texts)} articles, {chars:,} chars, {statements} statements")
    print(f"{'extract_corpus (whole pipeline)':<42} {ours * 1000:8.1f} ms  {chars / ours:12,.0f} chars/s")
    print(f"{'dateparser.search_dates (dates only)':<42} {peer * 1000:8.1f} ms  {chars / peer:12,.0f} chars/s")
    print(f"ratio: the whole pipeline is {peer / ours:.1f}x faster than dateparser finding dates alone")


if __name__ == "__main__":
    main()
