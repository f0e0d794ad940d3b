"""Command line for the curation log: `python -m extract.curation log --csv edits.csv`, `... backup DEST`.

The database is `--db PATH`, else $TIMELINE_DESK_CURATION, else data/curation.sqlite (beside the frames).
Exit code 2 for a usage error (e.g. no database at the path given).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.curation.history import history_frame, log_csv
from extract.curation.store import CurationStoreError, EditLog, curation_path

DEFAULT_FRAMES = Path(__file__).resolve().parent.parent.parent / "data" / "events.parquet"


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
    args = parser.parse_args(argv)
    database = args.db or curation_path(DEFAULT_FRAMES)
    try:
        log = _log_at(database, parser)
        if args.command == "log":
            table = history_frame(log.edits(), None)
            if args.csv:
                args.csv.write_bytes(log_csv(table))
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
