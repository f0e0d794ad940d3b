"""Speed of the project's temporal tagger against dateparser.search_dates on the same TimeBank texts.

    python bench/bench_timex.py [--corpus DIR] [--repetitions 5] [--dateparser-limit N]
                                [--dateparser-repetitions 1] [--extractor MODULE:FUNC]

Both run in this one process on the same documents, each with its document's creation time as the
reference date. Only the extractor calls are timed, after one untimed warm-up call; the project's
tagger reports the best of --repetitions passes, dateparser the best of --dateparser-repetitions
(default one pass: it is slow) over all documents or the first --dateparser-limit.
Prints a table of chars/s and the ratio; asserts nothing.
"""
from __future__ import annotations

import argparse
import datetime
import sys
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from extract.evaluate import (  # noqa: E402 - the repo root must be importable first
    DEFAULT_EXTRACTOR, EvaluationError, ExtractorRun, load_extractor, run_extractor,
)
from extract.evaluate.timeml import TimemlDocument, TimemlError, read_corpus  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "TimeBank"


def dateparser_spans(text: str, reference_date: datetime.date | None) -> list[tuple[int, int, str]]:
    """dateparser.search_dates as an extractor: (start, end, ISO date) for each match. Example: dateparser_spans('on May 5, 1998', date(1998, 5, 9))."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime.datetime.combine(reference_date, datetime.time())} if reference_date else {}
    spans, cursor = [], 0
    for surface, moment in search_dates(text, languages=["en"], settings=settings) or []:
        start = text.find(surface, cursor)
        if start < 0:  # dateparser may return text it rewrote; such a match has no offsets
            continue
        spans.append((start, start + len(surface), moment.date().isoformat()))
        cursor = start + len(surface)
    return spans


def best_run(documents: list[TimemlDocument], extractor, repetitions: int) -> ExtractorRun:
    """The fastest of `repetitions` timed passes over the documents. Example: best_run(documents, tag, 5).seconds."""
    return min((run_extractor(documents, extractor) for _ in range(repetitions)), key=lambda run: run.seconds)


def table_row(engine: str, documents: list[TimemlDocument], run: ExtractorRun) -> str:
    """One line of the table: engine, docs, chars, spans, seconds, chars/s. Example: table_row('tagger', docs, run)."""
    characters = sum(len(document.text) for document in documents)
    spans = sum(len(document_spans) for document_spans in run.spans)
    rate = characters / run.seconds if run.seconds else float("inf")
    return f"{engine:<40}{len(documents):>6}{characters:>10,}{spans:>8,}{run.seconds:>10.3f}{rate:>12,.0f}"


def chars_per_second(documents: list[TimemlDocument], run: ExtractorRun) -> float:
    """Characters of the documents per second of extractor time. Example: chars_per_second(docs, run) -> 812345.6."""
    return sum(len(document.text) for document in documents) / run.seconds if run.seconds else float("inf")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; return the exit status. Example: main(['--repetitions', '3'])."""
    parser = argparse.ArgumentParser(prog="python bench/bench_timex.py", description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), metavar="DIR", help=f"TimeML folder (default: {DEFAULT_CORPUS})")
    parser.add_argument("--repetitions", type=int, default=5, metavar="N", help="passes of the project's tagger; the best counts (default 5)")
    parser.add_argument("--dateparser-repetitions", type=int, default=1, metavar="N", help="passes of dateparser; the best counts (default 1)")
    parser.add_argument("--dateparser-limit", type=int, metavar="N", help="run dateparser on the first N documents only (default: all)")
    parser.add_argument("--extractor", default=DEFAULT_EXTRACTOR, metavar="MODULE:FUNC", help=f"tagger to time (default: {DEFAULT_EXTRACTOR})")
    options = parser.parse_args(argv)
    limit = 1 if options.dateparser_limit is None else options.dateparser_limit
    if min(options.repetitions, options.dateparser_repetitions, limit) < 1:
        parser.error("--repetitions, --dateparser-repetitions and --dateparser-limit must be at least 1")
    try:
        tagger = load_extractor(options.extractor)
        documents, skipped = read_corpus(options.corpus)
        for warning in skipped:
            print(f"warning: {warning}", file=sys.stderr)
        undated = [document.name for document in documents if document.creation_date is None]
        if undated:
            print(f"warning: left out {len(undated)} documents without a creation time: {', '.join(undated[:5])}", file=sys.stderr)
        documents = [document for document in documents if document.creation_date is not None]
        subset = documents[:options.dateparser_limit]
        tagger_run = best_run(documents, tagger, options.repetitions)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            dateparser_run = best_run(subset, dateparser_spans, options.dateparser_repetitions)
        tagger_subset_run = best_run(subset, tagger, options.repetitions) if len(subset) < len(documents) else tagger_run
    except (EvaluationError, TimemlError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"corpus {options.corpus}: {len(documents)} documents with a creation time; "
          f"python {sys.version.split()[0]}")
    print(f"{'engine':<40}{'docs':>6}{'chars':>10}{'spans':>8}{'seconds':>10}{'chars/s':>12}")
    print(table_row(f"{options.extractor} (best of {options.repetitions})", documents, tagger_run))
    if tagger_subset_run is not tagger_run:
        print(table_row(f"{options.extractor} on dateparser's docs", subset, tagger_subset_run))
    passes = options.dateparser_repetitions
    print(table_row("dateparser.search_dates " + (f"(best of {passes})" if passes > 1 else "(1 pass)"), subset, dateparser_run))
    for failure in tagger_run.failures + dateparser_run.failures:
        print(f"warning: {failure}", file=sys.stderr)
    ratio = chars_per_second(subset, tagger_subset_run) / chars_per_second(subset, dateparser_run)
    print(f"ratio {options.extractor} / dateparser.search_dates (chars/s, same documents): {ratio:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
