"""Where the extracted frames live and how to read them (pure; `desk.ui.caching` wraps these in `st.cache_resource`).

The statements file comes from the env var TIMELINE_DESK_EVENTS (default: the repo's
data/events.parquet); the documents file is documents.parquet in the same folder. The actors
gazetteer the data was extracted with (`python -m extract --actors`) comes from TIMELINE_DESK_ACTORS
(default: data/actors.csv); the Sources page highlights actors with it.

>>> events_path({"TIMELINE_DESK_EVENTS": "/tmp/x/events.parquet"}).name
'events.parquet'
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from extract.actors import DEFAULT_GAZETTEER
from extract.schema import SchemaError, conform_documents, conform_statements, empty_documents

EVENTS_ENV_VAR = "TIMELINE_DESK_EVENTS"
ACTORS_ENV_VAR = "TIMELINE_DESK_ACTORS"
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVENTS_PATH = REPO_ROOT / "data" / "events.parquet"
DOCUMENTS_FILE_NAME = "documents.parquet"


class DataProblem(Exception):
    """A data file is missing or unreadable; the message names the file and the command that recreates it."""


def events_path(environ: dict[str, str] | None = None) -> Path:
    """The statements file to read (TIMELINE_DESK_EVENTS, else the repo's data/events.parquet)."""
    configured = (os.environ if environ is None else environ).get(EVENTS_ENV_VAR, "").strip()
    return Path(configured).expanduser() if configured else DEFAULT_EVENTS_PATH


def actors_path(environ: dict[str, str] | None = None) -> Path:
    """The actors gazetteer the data was extracted with.

    >>> actors_path({"TIMELINE_DESK_ACTORS": "/tmp/x/my_actors.csv"}).name, actors_path({}).name
    ('my_actors.csv', 'actors.csv')
    """
    configured = (os.environ if environ is None else environ).get(ACTORS_ENV_VAR, "").strip()
    return Path(configured).expanduser() if configured else DEFAULT_GAZETTEER


def documents_path(statements_path: Path) -> Path:
    """The documents file beside the statements file.

    >>> documents_path(Path("data/events.parquet")).as_posix()
    'data/documents.parquet'
    """
    return statements_path.with_name(DOCUMENTS_FILE_NAME)


def rebuild_command(statements_path: Path) -> str:
    """The shell command that (re)creates the data files.

    >>> rebuild_command(Path("/tmp/x/events.parquet"))  # doctest: +ELLIPSIS
    'cd ... && python -m extract seeds --out /tmp/x/events.parquet'
    """
    return f"cd {REPO_ROOT} && python -m extract seeds --out {statements_path}"


def file_signature(path: Path) -> tuple[str, int, int]:
    """(path, mtime_ns, size) — a cache key that changes when the file is rewritten; (path, -1, -1) when absent.

    >>> file_signature(Path("/nowhere"))
    ('/nowhere', -1, -1)
    """
    try:
        status = path.stat()
    except OSError:
        return str(path), -1, -1
    return str(path), status.st_mtime_ns, status.st_size


def _read_parquet(path: Path, what: str, statements_path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise DataProblem(f"The {what} file {path} does not exist. Create it with: {rebuild_command(statements_path)}")
    try:
        return pd.read_parquet(path)
    except Exception as error:  # pyarrow raises several types for truncated / non-parquet files
        raise DataProblem(f"The {what} file {path} cannot be read as parquet ({type(error).__name__}: {error}). "
                          f"Recreate it with: {rebuild_command(statements_path)}") from error


def read_statements(path: Path) -> pd.DataFrame:
    """The statements frame at `path`, conformed to the schema; DataProblem naming the file if missing/corrupt.

    >>> read_statements(Path("/nowhere/events.parquet"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    desk.loading.DataProblem: The statements file /nowhere/events.parquet does not exist. Create it with: ...
    """
    frame = _read_parquet(path, "statements", path)
    try:
        return conform_statements(frame)
    except (SchemaError, ValueError, TypeError) as error:
        raise DataProblem(f"The statements file {path} does not match the schema ({error}). "
                          f"Recreate it with: {rebuild_command(path)}") from error


def read_documents(path: Path) -> pd.DataFrame:
    """The documents frame at `path`, conformed to the schema; DataProblem naming the file if missing/corrupt."""
    frame = _read_parquet(path, "documents", path.with_name("events.parquet"))
    try:
        return conform_documents(frame)
    except (SchemaError, ValueError, TypeError) as error:
        raise DataProblem(f"The documents file {path} does not match the schema ({error}). "
                          f"Recreate it with: {rebuild_command(path.with_name('events.parquet'))}") from error


def documents_from_statements(statements: pd.DataFrame) -> pd.DataFrame:
    """A stand-in documents frame (no text) built from the statements, for when documents.parquet is missing.

    >>> from extract.schema import empty_statements
    >>> documents_from_statements(empty_statements()).empty
    True
    """
    if statements.empty:
        return empty_documents()
    firsts = statements.drop_duplicates("doc_id")
    stand_in = pd.DataFrame({
        "doc_id": firsts["doc_id"], "path": "", "title": firsts["title"], "outlet": firsts["outlet"], "author": "",
        "published": firsts["published"], "url": "", "reference_date_basis": firsts["reference_date_basis"],
        "text": "", "status": "ok", "problem": "article text unavailable: documents.parquet is missing",
    })
    return conform_documents(stand_in)
