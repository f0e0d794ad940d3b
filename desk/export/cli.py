"""Batch briefings: `python -m desk.export` writes chart images (and data) for the filters a dashboard URL carries.

    python -m desk.export --query "country=Iran&kind=event" --per country --format png,pdf --out briefings/
    python -m desk.export --query "country=Iran" --pack --out briefings/     # briefing pack: PDF + PowerPoint

Thin: it opens the run as the dashboard does (`desk.query.open_desk_view`: the statements queried in place by DuckDB,
the analyst's edits laid over them), turns the URL query and flags into `desk.filters.Filters`
(`filters_from_query_params`, the dashboard's own parser), reads only the statements the filters keep (their SQL from
the same registry; for the key-event view only the evidence of the events drawn, unless data files are asked for) and
calls `desk.export.briefing.briefing_image` (shared with the dashboard's export panel) and the `desk.export.data`
writers. Every user mistake is an error naming the file or value at fault, with a non-zero exit; nothing is skipped
without a message.

>>> parse_query("http://localhost:8501/timeline?countries=Iran&countries=Israel&kind=event")
{'country': ['Iran', 'Israel'], 'kind': ['event']}
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from urllib.parse import parse_qs

import pandas as pd

from desk.export.briefing import DEFAULT_SIZE, PNG_SCALE, SIZE_PRESETS, WINDOWS, briefing_image, default_title
from desk.export.data import DATA_FORMATS, data_file
from desk.event_layout import LANE_BY_CHOICES
from desk.evidence import evidence_by_event
from desk.export.event_briefing import event_briefing, event_briefing_image, event_title
from desk.export.event_timelinejs import events_timelinejs_bytes
from desk.export.images import IMAGE_EXPORT_ERRORS, IMAGE_FORMATS, ImageExportUnavailable, image_export_problem
from desk.export.pack import PACK_FORMATS, briefing_pack
from desk.filters import (
    FILTERS,
    Filters,
    ValuesFilter,
    describe_filters,
    filename_for_filters,
    filters_from_query_params,
    key_events_among,
    query_aliases,
    splittable_filters,
)
from desk.labels import source_labels
from desk.loading import DataProblem, documents_path, locate_statements, open_run
from desk.marks import COLOR_CHOICES, LANE_CHOICES
from desk.query import DeskView, StatementStore, open_desk_view
from extract.curation import CurationStoreError, EditLog, curation_path

VIEWS = {"events": "the labelled key-event chart (the dashboard's default)",
         "statements": "the raw statements chart"}
EVENT_WINDOWS = {"screen": "story", "story": "story", "all": "all"}  # --window for the event chart

class ExportError(Exception):
    """A user mistake or bad input; the message names the file or value at fault."""


def parse_query(query: str) -> dict[str, list[str]]:
    """A dashboard URL (or just its query) as {url key: [values]}; plural spellings map to the URL's keys."""
    query = query.split("?", 1)[1] if "?" in query else query
    aliases = query_aliases()
    params: dict[str, list[str]] = {}
    for key, values in parse_qs(query, keep_blank_values=False).items():
        params.setdefault(aliases.get(key, key), []).extend(values)
    return params


# --- filters from the URL query and the flags ---------------------------------------------
def check_filter_values(filters: Filters, store: StatementStore) -> None:
    """Raise ExportError naming every filter value that matches nothing (a typo, usually: `--country Narnia`)."""
    problems = []
    for definition in FILTERS:
        if not isinstance(definition, ValuesFilter):
            continue
        values_known = store.known_values(definition)
        unknown = [value for value in getattr(filters, definition.field) if value not in set(values_known)]
        if unknown:
            examples = ", ".join(sorted(values_known)[:10]) + (", …" if len(values_known) > 10 else "")
            problems.append(f"unknown {definition.field}: {', '.join(unknown)} (known: {examples})")
    if problems:
        raise ExportError("; ".join(problems))


def build_filters(query: str, flags: dict[str, object], store: StatementStore) -> Filters:
    """Filters from the URL query, then flags replace fields; ExportError for anything the dashboard would ignore.

    `flags` maps Filters fields to values (None = not given), e.g. `{"kinds": ("event", "reference")}`; `store`: the
    statements whose values the filters are checked against (a source may be named by its outlet or label).
    """
    filters, warnings = filters_from_query_params(parse_query(query) if query else {})
    if warnings:
        raise ExportError("in --query: " + "; ".join(warnings))
    given = {field: value for field, value in flags.items() if value not in (None, (), "")}
    filters = dataclasses.replace(filters, **given)
    sources = store.sources()   # one row per article: what a source's outlet or label is resolved against
    filters = dataclasses.replace(filters, **{
        definition.field: definition.resolve_names(getattr(filters, definition.field), sources)
        for definition in FILTERS if isinstance(definition, ValuesFilter)})
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise ExportError(f"--from {filters.date_from} is after --to {filters.date_to}")
    check_filter_values(filters, store)
    return filters


# --- the command --------------------------------------------------------------------------
def _argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m desk.export",
        description="Write briefing images (PNG/SVG/PDF) and data files for the statements matching the dashboard's "
                    "filters. Without filters: every event statement, as the dashboard opens.")
    parser.add_argument("--curation", type=Path, default=None, metavar="DB",
                        help="the analyst's edits to apply (default: $TIMELINE_DESK_CURATION, else curation.sqlite "
                             "beside the statements; none there = the extraction as is)")
    parser.add_argument("--events", type=Path, default=None,
                        help="statements parquet (default: $TIMELINE_DESK_STATEMENTS or data/statements.parquet); "
                             "documents.parquet beside it is used for the source footnote when present, events.parquet "
                             "beside it for the key-event chart")
    parser.add_argument("--view", choices=list(VIEWS),
                        help="events = the labelled key-event chart, statements = the raw statements chart (default: "
                             "the URL's 'view', else events when the events file holds any)")
    parser.add_argument("--pack", action="store_true",
                        help="also write the briefing pack (key-event chart + table of key events citing their "
                             f"sentences) as {' and '.join(name.upper() for name in PACK_FORMATS)}")
    parser.add_argument("--query", default="", help='the dashboard URL or its query, e.g. "country=Iran&kind=event"')
    for definition in FILTERS:
        definition.add_cli_argument(parser)
    per_choices = splittable_filters()
    parser.add_argument("--per", choices=sorted(per_choices),
                        help=f"one set of files per {' / '.join(per_choices)}")
    parser.add_argument("--format", default="png", help=f"comma-separated image formats: {', '.join(IMAGE_FORMATS)}; "
                                                        "'none' for data only (default png)")
    parser.add_argument("--data", default="", help=f"comma-separated data files too: {', '.join(DATA_FORMATS)}")
    parser.add_argument("--size", default=DEFAULT_SIZE, choices=list(SIZE_PRESETS), help="page size preset")
    parser.add_argument("--window", default="screen", choices=sorted(set(WINDOWS) | set(EVENT_WINDOWS)),
                        help="time axis: 'screen' (= 'story' for events) = as the dashboard first shows it, "
                             "'all' = every dated statement or event")
    parser.add_argument("--title", help="title (default: from the filters); with --per the value is appended")
    parser.add_argument("--lane-by", choices=list(LANE_BY_CHOICES),
                        help="lanes (default: the URL's 'lane', else country; events: the URL's 'event_lane', else none)")
    parser.add_argument("--color-by", choices=list(COLOR_CHOICES), help="colours (default: the URL's 'color', else source)")
    parser.add_argument("--scale", type=float, default=PNG_SCALE, help="PNG pixel scale (2 = 3200x1800 for a slide)")
    parser.add_argument("--out", type=Path, default=Path("briefings"), help="output directory (created if missing)")
    return parser


def _formats(text: str, allowed: tuple[str, ...], what: str) -> list[str]:
    chosen = [part.strip().lower() for part in text.split(",") if part.strip() and part.strip().lower() != "none"]
    unknown = [part for part in chosen if part not in allowed]
    if unknown:
        raise ExportError(f"unknown {what} format {', '.join(unknown)}; choose from {', '.join(allowed)}")
    return chosen


def _view_choice(flag: str | None, query: str, key: str, choices: dict[str, str], default: str) -> str:
    from_url = parse_query(query).get(key, []) if query else []
    chosen = flag or (from_url[-1] if from_url else default)
    if chosen not in choices:
        raise ExportError(f"in --query: unknown {key} {chosen!r}; choose from {', '.join(choices)}")
    return chosen


def _jobs(view: DeskView, filters: Filters, per: str | None) -> list[tuple[Filters, str]]:
    """(filters, value shown in the title) for each file set: one, or one per country/actor/source."""
    if not per:
        return [(filters, "")]
    definition = splittable_filters()[per]
    values = getattr(filters, definition.field) or tuple(view.store.known_values(definition, filters))
    labels = view.labels
    return [(dataclasses.replace(filters, **{definition.field: (value,)}), definition.display(value, labels))
            for value in values]


def _write(path: Path, payload: bytes) -> None:
    path.write_bytes(payload)
    print(f"wrote {path} ({len(payload):,} bytes)")


def open_view(statements_file: Path, database: Path | None) -> DeskView:
    """The run at `statements_file` as the dashboard reads it, with the edits in the curation database `database`
    (none when it does not exist; it is not created): the statements stay on disk, queried by DuckDB."""
    try:
        run = open_run(statements_file)  # where the statements lie, and the documents and events of the same run
    except DataProblem as problem:
        raise ExportError(str(problem)) from problem
    try:  # the analyst's edits (extract.curation): exports show the curated state, hidden rows filtered out
        edits = EditLog(database).edits() if database is not None and Path(database).is_file() else []
    except CurationStoreError as problem:
        raise ExportError(str(problem)) from problem
    try:
        return open_desk_view(run, edits)
    except DataProblem as problem:
        raise ExportError(str(problem)) from problem


def _prepare(options: argparse.Namespace) -> tuple[DeskView, Filters, list[str], list[str]]:
    image_formats = _formats(options.format, IMAGE_FORMATS, "image")
    data_formats = _formats(options.data, tuple(DATA_FORMATS), "data")
    if image_formats and (problem := image_export_problem()):
        raise ImageExportUnavailable(problem)
    location = locate_statements()
    if not options.events and location.notice:
        print(f"notice: {location.notice}", file=sys.stderr)
    events = options.events or location.path
    view = open_view(events, options.curation or curation_path(events))
    if view.documents_problem and documents_path(events).exists():
        raise ExportError(view.documents_problem)
    for orphan in view.curated.orphans.itertuples():
        print(f"notice: curation edit {orphan.edit_id} ({orphan.kind} of {orphan.target_id}) is orphaned: "
              f"{orphan.reason}", file=sys.stderr)
    flags = {definition.field: definition.from_cli(getattr(options, definition.field)) for definition in FILTERS}
    filters = build_filters(options.query, flags, view.store)
    options.event_frame = view.events if not view.events.empty else None
    default_view = "events" if options.event_frame is not None else "statements"
    options.view = _view_choice(options.view, options.query, "view", VIEWS, default_view)
    if options.view == "events" and options.event_frame is None:
        raise ExportError(f"no events beside {events}: build them with: python -m extract ARTICLES "
                          f"--out {events.with_name('statements.parquet')} (or use --view statements)")
    if options.pack and options.view != "events":
        raise ExportError("--pack needs the key-event view (--view events)")
    if options.view == "events":
        options.lane_by = _view_choice(options.lane_by, options.query, "event_lane", LANE_BY_CHOICES, "none")
        options.window = EVENT_WINDOWS[_view_choice(None, options.query, "window", EVENT_WINDOWS, options.window)]
    else:
        if options.window == "story":
            raise ExportError("--window story is for the key-event view; the statements chart takes screen or all")
        options.lane_by = _view_choice(options.lane_by, options.query, "lane", LANE_CHOICES, "country")
    options.color_by = _view_choice(options.color_by, options.query, "color", COLOR_CHOICES, "source")
    return view, filters, image_formats, data_formats


def run(argv: list[str] | None = None) -> int:
    """The command; exit status 0 ok, 1 nothing written, 2 bad input, 3 image export unavailable/failed.

    >>> run(["--events", "/nowhere/events.parquet", "--format", "none", "--data", "csv"])
    2
    """
    options = _argument_parser().parse_args(argv)
    try:
        view, filters, image_formats, data_formats = _prepare(options)
    except ExportError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    except ImageExportUnavailable as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 3
    labels, documents = view.labels, view.documents if not view.documents_problem else None
    jobs = _jobs(view, filters, options.per)
    if not jobs:
        print(f"error: no {options.per} appears in the statements matching {describe_filters(filters, labels)}",
              file=sys.stderr)
        return 1
    try:
        options.out.mkdir(parents=True, exist_ok=True)
    except OSError as problem:
        print(f"error: --out {options.out}: cannot make the output folder there ({problem.strerror or problem})",
              file=sys.stderr)
        return 2
    try:
        return _write_jobs(options, view, jobs, documents, image_formats, data_formats)
    except OSError as problem:   # a full disk, a name taken by a folder: the files written so far stay
        print(f"error: cannot write {problem.filename or options.out} ({problem.strerror or problem})", file=sys.stderr)
        return 2


def _write_jobs(options: argparse.Namespace, view: DeskView, jobs: list, documents: pd.DataFrame | None,
                image_formats: list[str], data_formats: list[str]) -> int:
    """Every job's files into `options.out`; the exit status (0 something written, 1 nothing, 3 images failed)."""
    labels = view.labels
    written = 0
    for job_filters, value in jobs:
        description = describe_filters(job_filters, labels)
        name = filename_for_filters(job_filters)
        if not view.store.count(job_filters):
            print(f"skipped {name}: no statement matches {description}", file=sys.stderr)
            continue
        if options.view == "events":
            try:
                written += _write_event_files(options, view.store, documents, job_filters, description, name, value,
                                              image_formats, data_formats)
            except IMAGE_EXPORT_ERRORS as problem:
                print(f"error: {problem}", file=sys.stderr)
                return 3
            continue
        shown = view.store.rows(job_filters)   # the statements chart and the data files hold every filtered statement
        if value:
            title = f"{options.title} — {value}" if options.title else f"Timeline — {value}"
        else:
            title = options.title or default_title(description, options.lane_by)
        try:
            for image_format in image_formats:
                _write(options.out / f"{name}.{image_format}",
                       briefing_image(shown, description, title=title, image_format=image_format, size=options.size,
                                      lane_by=options.lane_by, color_by=options.color_by, window=options.window,
                                      documents=documents, scale=options.scale))
                written += 1
        except IMAGE_EXPORT_ERRORS as problem:
            print(f"error: {problem}", file=sys.stderr)
            return 3
        for data_format in data_formats:
            _write(options.out / f"{name}{DATA_FORMATS[data_format].suffix}",
                   data_file(shown, data_format, title=title, description=description, lane_by=options.lane_by))
            written += 1
    return 0 if written else 1


def _write_event_files(options: argparse.Namespace, store: StatementStore, documents: pd.DataFrame | None,
                       filters: Filters, description: str, name: str, value: str, image_formats: list[str],
                       data_formats: list[str]) -> int:
    """The key-event chart images, the data files (TimelineJS of the events) and the pack of one job; files written.

    Only the filtered statements that are evidence of the events drawn are read (what the chart, the pack and
    TimelineJS cite), unless a statements file (CSV, Excel, JSON) is asked for: that holds every filtered statement.
    """
    key = key_events_among(options.event_frame, store.event_ids_with_evidence(filters), filters)
    if key.shown.empty:
        print(f"skipped {name}: no dated event matches {description}", file=sys.stderr)
        return 0
    if value:
        title = f"{options.title} — {value}" if options.title else f"Key events — {value}"
    else:
        title = options.title or event_title(description)
    labels = source_labels(store.sources(filters))
    if any(data_format != "timelinejs" for data_format in data_formats):
        shown = store.rows(filters)
    else:
        shown = store.rows(filters, statement_ids={one for ids in key.shown["statement_ids"] for one in ids})
    written = 0
    if image_formats or options.pack:
        page = event_briefing(key, shown, title=title, filter_description=description, size=options.size,
                              window=options.window, lane_by=options.lane_by, documents=documents, source_names=labels)
        for image_format in image_formats:
            _write(options.out / f"{name}.{image_format}",
                   event_briefing_image(page, image_format, size=options.size, scale=options.scale))
            written += 1
        if options.pack:
            for pack_format, payload in briefing_pack(page, shown, documents, size=options.size).items():
                _write(options.out / f"{name}_briefing.{pack_format}", payload)
                written += 1
    for data_format in data_formats:
        if data_format == "timelinejs":
            payload = events_timelinejs_bytes(key.shown, evidence_by_event(key.shown, shown, documents), title=title,
                                              description=f"{description} · {key.description()}")
        else:
            payload = data_file(shown, data_format, title=title, description=description, lane_by="country")
        _write(options.out / f"{name}{DATA_FORMATS[data_format].suffix}", payload)
        written += 1
    return written


def main() -> None:
    """Entry point: `python -m desk.export --help`."""
    sys.exit(run())
