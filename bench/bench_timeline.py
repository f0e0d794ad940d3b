"""Speed and memory of a key-event timeline over all Timeline17 dev articles: extraction vs events vs ranking.

    python bench/bench_timeline.py [--corpus DIR] [--repetitions 3] [--dates 30] [--sentences 2]

One process, the stages timed one by one on the same articles: extraction (reading, tagging, actors:
`extract_corpus(..., with_events=False)`), the event stage (`extract.events.build_events`) and the key
timeline (`extract.key_timeline.key_timeline`). Two workloads: every article of every collection as
ONE corpus (843 articles: the event stage must block by date, not compare all pairs), and the
news-tls protocol (one run per reference timeline on its window). Prints the median of
--repetitions runs of each stage, each stage's ratio to extraction (the peer measured in the same
run) and the process's peak resident memory. Asserts nothing.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from extract.events import build_events  # noqa: E402 - the repo root must be importable first
from extract.evaluate.timeline17 import read_timeline17  # noqa: E402
from extract.key_timeline import SummaryRequest, key_timeline  # noqa: E402
from extract.pipeline import extract_corpus  # noqa: E402
from extract.summarize import _sources_with_dates  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "Timeline17-dev"
STAGES = ("extraction", "events", "key timeline")


def peak_memory_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_run(paths: list[Path], published: dict, request: SummaryRequest) -> tuple[dict[str, float], int, int]:
    """Seconds of each stage for one set of articles, and how many statements and events it gave."""
    seconds = {}
    with tempfile.TemporaryDirectory() as scratch:
        sources = _sources_with_dates(None, published, Path(scratch))
        started = time.perf_counter()
        extraction = extract_corpus(paths, sources_csv=sources, with_events=False)
        seconds["extraction"] = time.perf_counter() - started
    started = time.perf_counter()
    events = build_events(extraction.statements, extraction.documents)
    seconds["events"] = time.perf_counter() - started
    started = time.perf_counter()
    key_timeline(extraction.statements, request, events, extraction.documents)
    seconds["key timeline"] = time.perf_counter() - started
    return seconds, len(extraction.statements), len(events)


def report(title: str, runs: list[dict[str, float]], statements: int, events: int, articles: int) -> None:
    """Print the medians of the runs, each stage's ratio to extraction, and the peak memory."""
    medians = {stage: statistics.median(run[stage] for run in runs) for stage in STAGES}
    total = sum(medians.values())
    print(f"== {title}: {articles} articles -> {statements} statements -> {events} events "
          f"(median of {len(runs)} runs)")
    for stage in STAGES:
        print(f"  {stage:<13} {medians[stage]:8.2f} s  {100 * medians[stage] / total:5.1f} % of the total  "
              f"{medians[stage] / medians['extraction']:6.3f} x extraction")
    print(f"  {'total':<13} {total:8.2f} s  ({articles / total:.1f} articles/s); peak memory so far "
          f"{peak_memory_mb():.0f} MB")


def main(argv: list[str] | None = None) -> int:
    """Run both workloads and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="Timeline17 folder of collections")
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--dates", type=int, default=30, help="N of the one-corpus workload")
    parser.add_argument("--sentences", type=int, default=2, help="K of the one-corpus workload")
    options = parser.parse_args(argv)
    collections, warnings = read_timeline17(options.corpus)
    print(f"start: peak memory {peak_memory_mb():.0f} MB; {len(warnings)} corpus warnings")
    # file names repeat across collections (12.htm.txt): link every article under a unique name
    farm_folder = tempfile.TemporaryDirectory(prefix="bench_timeline_")
    farm = Path(farm_folder.name)
    paths, published = [], {}
    for collection in collections:
        for article in collection.articles:
            link = farm / f"{collection.name}__{article.path.name}"
            link.symlink_to(article.path.resolve())
            paths.append(link)
            published[link.stem] = article.published
    request = SummaryRequest(options.dates, options.sentences)
    runs, statements, events = [], 0, 0
    for _ in range(options.repetitions):
        seconds, statements, events = timed_run(paths, published, request)
        runs.append(seconds)
    report("all collections as one corpus", runs, statements, events, len(paths))
    farm_folder.cleanup()
    protocol_runs, totals = [], [0, 0, 0]
    for _ in range(options.repetitions):
        run = dict.fromkeys(STAGES, 0.0)
        totals = [0, 0, 0]
        for collection in collections:
            for reference in collection.timelines:
                window = collection.articles_between(reference.first_date, reference.last_date)
                seconds, n_statements, n_events = timed_run(
                    [article.path for article in window], {article.path.stem: article.published for article in window},
                    SummaryRequest(reference.n_dates, reference.sentences_per_date, reference.first_date,
                                   reference.last_date))
                run = {stage: run[stage] + seconds[stage] for stage in STAGES}
                totals = [totals[0] + len(window), totals[1] + n_statements, totals[2] + n_events]
        protocol_runs.append(run)
    report("news-tls protocol, every reference timeline on its window", protocol_runs, totals[1], totals[2], totals[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
