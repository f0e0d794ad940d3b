"""Command line: a key-event timeline of a folder of articles, as JSON.

    python -m extract.summarize ARTICLES_DIR [--sources CSV] --dates N --sentences K
                                [--from YYYY-MM-DD --to YYYY-MM-DD] --json OUT [--baseline]

Runs the whole chain on the folder (extraction, events, ranking: `extract.key_timeline`) and
writes `{"YYYY-MM-DD": ["sentence", ...]}`: the N most salient days inside the window, each with
up to K verbatim sentences, in date order. Articles are the files in ARTICLES_DIR and its
sub-folders; a folder named as a date (`2009-05-04/17.txt`) dates the articles inside it unless
--sources gives their date (the reading stage's rule, `extract.inputs`). Exit code 2 for a usage error, 1 when no article could be read.
"""
from __future__ import annotations

import argparse
import csv
import datetime
import json
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

import pandas as pd

from extract.actors import GazetteerError
from extract.key_timeline import (DAY_GRAINS, KeyTimeline, SummaryRequest, baseline_timeline, day_events,
                                  days_by_rank, key_timeline)
from extract.pipeline import extract_corpus
from extract.sources import DEFAULT_SOURCES_CSV, SOURCE_FIELDS


class SummarizeError(ValueError):
    """A user mistake in the request (missing folder, bad dates or counts)."""


@dataclass
class Analysis:
    """What the chain produced for a set of articles: statements, documents, events and warnings."""

    statements: pd.DataFrame
    documents: pd.DataFrame
    events: pd.DataFrame
    warnings: list[str]


def _sources_with_dates(sources_csv: Path | None, published: dict[str, datetime.date], folder: Path) -> Path | None:
    """A sources table: the user's rows, plus a row for each folder-dated article it does not date."""
    if not published:
        return sources_csv
    rows, known = [], set()
    if sources_csv is not None and Path(sources_csv).exists():
        with open(sources_csv, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                rows.append({name: row.get(name) or "" for name in SOURCE_FIELDS})
                if (row.get("published") or "").strip():
                    known.add((row.get("doc_id") or "").strip())
    rows.extend({"doc_id": doc_id, "published": day.isoformat(), "reference_date_basis": "date folder"}
                for doc_id, day in published.items() if doc_id not in known)
    combined = folder / "sources.csv"
    with open(combined, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(SOURCE_FIELDS))
        writer.writeheader()
        writer.writerows(rows)
    return combined


def analyse(folder_or_paths: str | Path | list[Path], published: dict[str, datetime.date] | None = None,
            sources_csv: Path | None = DEFAULT_SOURCES_CSV) -> Analysis:
    """Run extraction and the event stage on a folder (date folders date their articles) or on files.

    `published` (file stem -> date) dates articles the sources table does not: a list of files taken
    out of their date folders keeps its dates that way.
    """
    with tempfile.TemporaryDirectory() as scratch:
        extraction = extract_corpus(folder_or_paths,
                                    sources_csv=_sources_with_dates(sources_csv, published or {}, Path(scratch)))
    return Analysis(extraction.statements, extraction.documents, extraction.events,
                    list(extraction.warnings))


def summarize(analysis: Analysis, request: SummaryRequest, baseline: bool = False) -> KeyTimeline:
    """The key-event timeline of an analysed collection (or the baseline's); the days of events the analyst starred
    (a curated analysis) are always in it."""
    if baseline:
        return baseline_timeline(analysis.statements, request.n_dates, request.sentences_per_date, request.first,
                                 request.last)
    return with_starred_days(key_timeline(analysis.statements, request, analysis.events, analysis.documents),
                             analysis, request)


def starred_days(events: pd.DataFrame, request: SummaryRequest) -> tuple[dict[datetime.date, pd.DataFrame], list[str]]:
    """The days of the starred day-precise events inside the request's window (day -> those events), and a note for
    each starred event that cannot be a day of the timeline (dated to a month or a year, or undated).

    >>> events = pd.DataFrame({"event_id": ["a", "b"], "kind": ["event", "event"], "starred": [True, True],
    ...     "label": ["Strike", "Embargo"], "value": ["2025-06-21", "2007"], "grain": ["day", "year"],
    ...     "start": pd.to_datetime(["2025-06-21", "2007-01-01"])})
    >>> days, notes = starred_days(events, SummaryRequest(3, 1))
    >>> list(days), notes
    ([datetime.date(2025, 6, 21)], ["starred event 'Embargo' is dated 2007 (year), not to a day: it cannot be a day of the timeline"])
    """
    if "starred" not in events.columns or events.empty:
        return {}, []
    starred = events[events["starred"].astype(bool) & (events["kind"] == "event")]
    dated = day_events(starred, request.first, request.last)
    notes = [f"starred event {row.label!r} is dated {row.value} ({row.grain}), not to a day: it cannot be a day of the "
             "timeline" for row in starred.itertuples() if row.grain not in DAY_GRAINS or pd.isna(row.start)]
    return {day: rows for day, rows in dated.groupby("day")}, notes


def with_starred_days(timeline: KeyTimeline, analysis: Analysis, request: SummaryRequest) -> KeyTimeline:
    """`timeline` with every starred day in it (`starred_days`): the best-ranked other days fill the rest of the N
    days; a starred day the ranking did not choose gets its sentences the same way (its evidence sentences when no
    article reports it promptly). A sentence stays under one day only."""
    forced, _notes = starred_days(analysis.events, request)
    missing = [day for day in forced if day not in timeline]
    if not missing:
        return timeline
    ranked = days_by_rank(analysis.statements, replace(request, n_dates=len(timeline)), analysis.events)
    others = [day for day in ranked if day in timeline and day not in forced][:max(request.n_dates - len(forced), 0)]
    chosen = {day: timeline[day] for day in [*others, *(day for day in forced if day in timeline)]}
    used = {sentence for sentences in chosen.values() for sentence in sentences}
    for day in missing:
        alone = SummaryRequest(1, request.sentences_per_date + len(used), day, day)
        candidates = key_timeline(analysis.statements, alone, analysis.events, analysis.documents).get(day, [])
        if not candidates:
            evidence_ids = {one for ids in forced[day]["statement_ids"] for one in ids}
            candidates = analysis.statements.loc[analysis.statements["statement_id"].isin(evidence_ids), "sentence"]
        chosen[day] = [sentence for sentence in dict.fromkeys(candidates) if sentence not in used][:request.sentences_per_date]
        used.update(chosen[day])
    return dict(sorted(chosen.items()))


def curated_analysis(analysis: Analysis, database: Path) -> Analysis:
    """The analysis with the edits of a curation database applied: fixed dates, hidden rows out, starred events kept
    (their days are always in the timeline: `with_starred_days`)."""
    from extract.curation.state import curate_with_log, visible
    from extract.schema import empty_events

    from extract.curation.store import CurationStoreError

    if not Path(database).is_file():
        raise SummarizeError(f"{database}: no curation database there")
    try:
        curated = curate_with_log(analysis.statements,
                                  analysis.events if analysis.events is not None else empty_events(), database)
    except CurationStoreError as error:   # not a database, or one that cannot be opened
        raise SummarizeError(f"--curation: {error}") from error
    orphans = [f"curation edit {row.edit_id} ({row.kind} of {row.target_id}) is orphaned: {row.reason}"
               for row in curated.orphans.itertuples()]
    events = visible(curated.events)
    return Analysis(visible(curated.statements), analysis.documents, events,
                    analysis.warnings + orphans + starred_days(events, SummaryRequest(1, 1))[1])


def _whole_number(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number >= 1")
    return number


def _iso_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    """The command-line options of `python -m extract.summarize`.

    >>> build_parser().parse_args(["seeds", "--dates", "3", "--sentences", "1", "--json", "out.json"]).dates
    3
    """
    parser = argparse.ArgumentParser(prog="python -m extract.summarize", description=__doc__.split("\n")[0])
    parser.add_argument("articles", metavar="ARTICLES_DIR", help="folder of articles (and of YYYY-MM-DD sub-folders)")
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES_CSV, metavar="CSV",
                        help=f"sources table giving publication dates (default {DEFAULT_SOURCES_CSV})")
    parser.add_argument("--dates", type=_whole_number, required=True, metavar="N", help="how many days")
    parser.add_argument("--sentences", type=_whole_number, required=True, metavar="K", help="sentences per day, at most")
    parser.add_argument("--from", dest="first", type=_iso_date, metavar="YYYY-MM-DD", help="first day of the window")
    parser.add_argument("--to", dest="last", type=_iso_date, metavar="YYYY-MM-DD", help="last day of the window")
    parser.add_argument("--json", required=True, metavar="OUT", help="where to write the timeline ('-' = stdout)")
    parser.add_argument("--curation", type=Path, metavar="DB",
                        help="apply the analyst's edits in this curation database (python -m extract.curation)")
    parser.add_argument("--baseline", action="store_true",
                        help="the baseline instead: busiest days by articles, their first sentences")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status (0 ok, 1 nothing readable, 2 usage error)."""
    options = build_parser().parse_args(argv)
    try:
        if options.first and options.last and options.first > options.last:
            raise SummarizeError(f"--from {options.first} is after --to {options.last}")
        if not Path(options.articles).is_dir():
            raise SummarizeError(f"{options.articles}: folder not found")
        if not Path(options.sources).is_file():
            raise SummarizeError(f"--sources {options.sources}: file not found")
        analysis = analyse(Path(options.articles), None, options.sources)
        if options.curation is not None:
            analysis = curated_analysis(analysis, options.curation)
    except (SummarizeError, GazetteerError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for warning in analysis.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not (analysis.documents["status"] == "ok").any():
        print("error: no article could be read", file=sys.stderr)
        return 1
    request = SummaryRequest(options.dates, options.sentences, options.first, options.last)
    timeline = summarize(analysis, request, options.baseline)
    blob = json.dumps({day.isoformat(): sentences for day, sentences in timeline.items()}, indent=1, ensure_ascii=False)
    if options.json == "-":
        print(blob)
    else:
        try:
            Path(options.json).parent.mkdir(parents=True, exist_ok=True)
            Path(options.json).write_text(blob + "\n", encoding="utf-8")
        except OSError as error:
            print(f"error: cannot write {options.json}: {error.strerror or error}", file=sys.stderr)
            return 2
    print(f"{len(timeline)} days, {sum(map(len, timeline.values()))} sentences from "
          f"{int((analysis.documents['status'] == 'ok').sum())} articles"
          + (f" -> {options.json}" if options.json != "-" else ""), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
