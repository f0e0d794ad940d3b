"""Command line for the curation log: `python -m extract.curation log --csv edits.csv`, `... backup DEST`,
`... export --out curated/` (the statements and events with the edits applied).

The database is `--db PATH`, else $TIMELINE_DESK_CURATION, else data/curation.sqlite (beside the frames).
Exit code 2 for a usage error (e.g. no database at the path given, no extracted frames).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from extract.curation.history import history_frame, log_csv
from extract.curation.state import curate_with_log, visible
from extract.curation.store import CurationStoreError, EditLog, curation_path
from extract.schema import conform_events, conform_statements, empty_events

DATA_FOLDER = Path(__file__).resolve().parent.parent.parent / "data"
DEFAULT_FRAMES = DATA_FOLDER / "events.parquet"
EXPORT_FORMATS = ("csv", "parquet")


def _read_frames(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(statements, events) extracted into `folder` (statements.parquet + events.parquet; no events: empty)."""
    statements_file, events_file = folder / "statements.parquet", folder / "events.parquet"
    if not statements_file.is_file():
        raise FileNotFoundError(f"no extracted statements in {folder} (expected {statements_file.name}; "
                                f"create them with: python -m extract CORPUS --out {statements_file})")
    statements = conform_statements(pd.read_parquet(statements_file))
    events = conform_events(pd.read_parquet(events_file)) if events_file.is_file() else empty_events()
    return statements, events


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    flat = frame.copy()
    for column in flat.columns:
        if flat[column].dtype == object and flat[column].map(lambda value: isinstance(value, list)).any():
            flat[column] = flat[column].map(lambda values: "; ".join(map(str, values)) if isinstance(values, list) else values)
    return flat


def export_curated(folder: Path, database: Path, out: Path, file_format: str, include_hidden: bool) -> list[Path]:
    """Write the curated statements and events (and the orphaned edits, if any) into `out`; return the files."""
    curated = curate_with_log(*_read_frames(folder), database)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CurationStoreError(f"{out}: cannot make the output folder there ({error.strerror or error})") from error
    written = []
    for name, frame in (("statements", curated.statements), ("events", curated.events)):
        chosen = frame if include_hidden else visible(frame)
        path = out / f"curated_{name}.{file_format}"
        if file_format == "csv":
            _flat(chosen).to_csv(path, index=False)
        else:
            chosen.to_parquet(path, index=False)
        written.append(path)
    if not curated.orphans.empty:
        written.append(out / "orphaned_edits.csv")
        curated.orphans.to_csv(written[-1], index=False)
    return written


def _log_at(path: Path, parser: argparse.ArgumentParser) -> EditLog:
    if not path.is_file():
        parser.exit(2, f"error: no curation database at {path} (set --db or $TIMELINE_DESK_CURATION)\n")
    return EditLog(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.curation", description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None,
                        help="the curation database (default: $TIMELINE_DESK_CURATION, else data/curation.sqlite)")
    commands = parser.add_subparsers(dest="command", required=True)
    log_command = commands.add_parser("log", help="every edit (newest first) with its status, as CSV")
    log_command.add_argument("--csv", type=Path, default=None, help="write here instead of standard output")
    backup_command = commands.add_parser("backup", help="a consistent copy of the database, safe while others edit")
    backup_command.add_argument("destination", type=Path)
    export_command = commands.add_parser("export", help="the statements and events with the edits applied")
    export_command.add_argument("--data", type=Path, default=DATA_FOLDER,
                                help="folder of the extracted statements.parquet and events.parquet (default: data/)")
    export_command.add_argument("--out", type=Path, required=True, help="folder for curated_statements/events files")
    export_command.add_argument("--format", choices=EXPORT_FORMATS, default="csv", help="file format (default: csv)")
    export_command.add_argument("--include-hidden", action="store_true",
                                help="keep the rows the analyst hid (marked in the 'hidden' column)")
    args = parser.parse_args(argv)
    database = args.db or curation_path(DEFAULT_FRAMES)
    if args.command == "export":
        try:
            written = export_curated(args.data, database, args.out, args.format, args.include_hidden)
        except (FileNotFoundError, CurationStoreError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        print("wrote " + ", ".join(map(str, written)))
        return 0
    try:
        log = _log_at(database, parser)
        if args.command == "log":
            table = history_frame(log.edits(), None)
            if args.csv:
                try:
                    args.csv.write_bytes(log_csv(table))
                except OSError as error:
                    raise CurationStoreError(f"{args.csv}: cannot write the log there ({error.strerror or error})") \
                        from error
                print(f"wrote {len(table)} edit(s) to {args.csv}")
            else:
                sys.stdout.write(log_csv(table).decode("utf-8"))
        elif args.command == "backup":
            print(f"backed up {len(log.edits())} edit(s) to {log.backup(args.destination)}")
    except CurationStoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
