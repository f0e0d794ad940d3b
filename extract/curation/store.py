"""The curation database: an append-only log of the analyst's edits in one SQLite file (WAL mode).

Nothing here knows what an edit means (that is `extract.curation.edits` and `.state`); this module
only stores and reads rows. A row is never updated or deleted (triggers refuse it): an undo is a new
row pointing at the edit it undoes. Every append is one short `BEGIN IMMEDIATE` transaction, so two
processes (two browser sessions, a CLI) can write at once, and a writer killed mid-loop loses
nothing it had committed.

The file: `$TIMELINE_DESK_CURATION` if set, else `curation.sqlite` beside the extracted frames
(`data/curation.sqlite` by default).

>>> import tempfile, pathlib
>>> log = EditLog(pathlib.Path(tempfile.mkdtemp()) / "curation.sqlite")
>>> first = log.append(NewEdit("label", "event", "e1", "old label", "new label", note="typo"))
>>> [(edit.edit_id, edit.kind, edit.new_value) for edit in log.edits()]
[(1, 'label', 'new label')]
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CURATION_ENV_VAR = "TIMELINE_DESK_CURATION"
CURATION_FILE_NAME = "curation.sqlite"
BUSY_TIMEOUT_SECONDS = 30.0
TARGET_TYPES = ("event", "statement", "edit")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS edits (
    edit_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,            -- one of extract.curation.edits.EDIT_KINDS
    target_type TEXT NOT NULL CHECK (target_type IN ('event', 'statement', 'edit')),
    target_id   TEXT NOT NULL,            -- stable event_id / statement_id, or the edit_id an undo undoes
    old_value   TEXT NOT NULL,            -- JSON: what the target had before
    new_value   TEXT NOT NULL,            -- JSON: what the analyst set
    context     TEXT NOT NULL,            -- JSON: what the target looked like (to report it if it vanishes)
    created_at  TEXT NOT NULL,            -- UTC, ISO 8601
    note        TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT ''  -- who / which session
);
CREATE INDEX IF NOT EXISTS edits_by_target ON edits (target_type, target_id);
CREATE TRIGGER IF NOT EXISTS edits_are_never_updated BEFORE UPDATE ON edits
BEGIN SELECT RAISE(ABORT, 'the edit log is append-only: undo an edit instead of changing it'); END;
CREATE TRIGGER IF NOT EXISTS edits_are_never_deleted BEFORE DELETE ON edits
BEGIN SELECT RAISE(ABORT, 'the edit log is append-only: undo an edit instead of deleting it'); END;
"""
_COLUMNS = ("edit_id", "kind", "target_type", "target_id", "old_value", "new_value", "context", "created_at",
            "note", "author")


class CurationStoreError(RuntimeError):
    """The curation database cannot be opened or written; the message names the file."""


@dataclass(frozen=True)
class NewEdit:
    """An edit not yet in the log. Values are JSON-able (str, number, list, dict, None)."""
    kind: str
    target_type: str
    target_id: str
    old_value: Any = None
    new_value: Any = None
    context: dict = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class Edit:
    """One row of the log, as stored."""
    edit_id: int
    kind: str
    target_type: str
    target_id: str
    old_value: Any
    new_value: Any
    context: dict
    created_at: str
    note: str
    author: str


def curation_path(frames_path: Path, environ: dict[str, str] | None = None) -> Path:
    """The database file: $TIMELINE_DESK_CURATION, else curation.sqlite beside `frames_path`.

    >>> curation_path(Path("data/events.parquet"), {}).as_posix()
    'data/curation.sqlite'
    >>> curation_path(Path("data/events.parquet"), {"TIMELINE_DESK_CURATION": "/tmp/team.sqlite"}).as_posix()
    '/tmp/team.sqlite'
    """
    configured = (os.environ if environ is None else environ).get(CURATION_ENV_VAR, "").strip()
    return Path(configured).expanduser() if configured else Path(frames_path).with_name(CURATION_FILE_NAME)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def _row_to_edit(row: tuple) -> Edit:
    values = dict(zip(_COLUMNS, row))
    for name in ("old_value", "new_value", "context"):
        values[name] = json.loads(values[name])
    return Edit(**values)


class EditLog:
    """The append-only edit log in one SQLite file; safe to share between processes."""

    def __init__(self, path: Path, author: str = "") -> None:
        self.path = Path(path)
        self.author = author
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as connection:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as error:
            raise CurationStoreError(f"The curation database {self.path} cannot be opened ({error}).") from error

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        connection.execute("PRAGMA synchronous=FULL")
        return connection

    def append(self, edit: NewEdit, author: str | None = None) -> Edit:
        """Write one edit in its own transaction and return it as stored (with its id and time)."""
        if edit.target_type not in TARGET_TYPES:
            raise ValueError(f"unknown target type {edit.target_type!r}; expected one of {TARGET_TYPES}")
        row = (edit.kind, edit.target_type, str(edit.target_id), json.dumps(edit.old_value, ensure_ascii=False),
               json.dumps(edit.new_value, ensure_ascii=False), json.dumps(edit.context, ensure_ascii=False), _now(),
               edit.note or "", self.author if author is None else author)
        connection = self._connect()
        try:
            connection.execute("BEGIN IMMEDIATE")
            cursor = connection.execute(
                "INSERT INTO edits (kind, target_type, target_id, old_value, new_value, context, created_at, note, "
                "author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
            edit_id = cursor.lastrowid
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise CurationStoreError(f"The edit could not be saved to {self.path} ({error}); nothing changed.") from error
        finally:
            connection.close()
        return Edit(edit_id, row[0], row[1], row[2], edit.old_value, edit.new_value, dict(edit.context), row[6],
                    row[7], row[8])

    def edits(self) -> list[Edit]:
        """Every edit, oldest first (undos included)."""
        if not self.path.exists():
            return []
        connection = self._connect()
        try:
            rows = connection.execute(f"SELECT {', '.join(_COLUMNS)} FROM edits ORDER BY edit_id").fetchall()
        except sqlite3.Error as error:
            raise CurationStoreError(f"The curation database {self.path} cannot be read ({error}).") from error
        finally:
            connection.close()
        return [_row_to_edit(row) for row in rows]

    def version(self) -> int:
        """The id of the latest edit (0 when empty): a cheap cache key that changes with every append."""
        connection = self._connect()
        try:
            return int(connection.execute("SELECT COALESCE(MAX(edit_id), 0) FROM edits").fetchone()[0])
        finally:
            connection.close()

    def backup(self, destination: Path) -> Path:
        """Copy the database, consistently, even while others write (SQLite's online backup); an earlier backup at
        `destination` is replaced, anything else there (the database itself, a folder, a file that is not a curation
        database) is refused with CurationStoreError naming it."""
        destination = Path(destination)
        if destination.is_dir():
            raise CurationStoreError(f"{destination} is a folder; give the backup a file name, e.g. "
                                     f"{destination / 'curation-backup.sqlite'}")
        if destination.exists() and self.path.exists() and os.path.samefile(destination, self.path):
            raise CurationStoreError(f"{destination} is the curation database itself; back it up to another file")
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            source, target = self._connect(), sqlite3.connect(destination)
        except (OSError, sqlite3.Error) as error:
            raise CurationStoreError(f"{destination}: cannot write a backup there ({error})") from error
        try:
            source.backup(target)
        except sqlite3.DatabaseError as error:   # an existing file that is no database: left as it was
            raise CurationStoreError(f"{destination} exists and is not a curation database ({error}); not "
                                     "overwritten, choose another file") from error
        finally:
            target.close()
            source.close()
        return destination
