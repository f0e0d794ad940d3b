"""Where the extracted frames live and how to read them (pure; `desk.ui.caching` wraps these in `st.cache_resource`).

`python -m extract` writes three files side by side: `statements.parquet` (one row per sentence and
date expression), `events.parquet` (one row per happening, `extract.events`) and `documents.parquet`.
The statements file comes from the env var TIMELINE_DESK_STATEMENTS (default: the repo's
data/statements.parquet); the events and documents files are beside it. The actors gazetteer the
data was extracted with (`python -m extract --actors`) comes from TIMELINE_DESK_ACTORS (default:
data/actors.csv); the Sources page highlights actors with it.

Old layout, read for one release with a notice: before events existed, the statements were written
to `events.parquet` and TIMELINE_DESK_EVENTS named that file.

>>> locate_statements({"TIMELINE_DESK_STATEMENTS": "/tmp/x/statements.parquet"}).path.name
'statements.parquet'
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from extract.actors import DEFAULT_GAZETTEER
from extract.event_memo import MEMO_FILE_NAME
from extract.output_set import (
    OutputSetError,
    current_output_set,
    output_set_signature,
    read_output_set,
    read_parquet_once,
)
from extract.schema import (
    SchemaError,
    conform_documents,
    conform_events,
    conform_statements,
    empty_documents,
)

STATEMENTS_ENV_VAR = "TIMELINE_DESK_STATEMENTS"
OLD_STATEMENTS_ENV_VAR = "TIMELINE_DESK_EVENTS"   # the old name: it named the statements file; read for one release
ACTORS_ENV_VAR = "TIMELINE_DESK_ACTORS"
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STATEMENTS_PATH = REPO_ROOT / "data" / "statements.parquet"
OLD_STATEMENTS_FILE_NAME = "events.parquet"       # the old layout's statements file
EVENTS_FILE_NAME = "events.parquet"
DOCUMENTS_FILE_NAME = "documents.parquet"


class DataProblem(Exception):
    """A data file is missing or unreadable; the message names the file and the command that recreates it."""


@dataclass(frozen=True)
class StatementsLocation:
    """The statements file to read and, when it is found under an old name, the notice to show."""
    path: Path
    notice: str = ""


def _holds_statements(path: Path) -> bool:
    try:
        import pyarrow.parquet as parquet

        names = set(parquet.read_schema(path).names)
    except Exception:  # unreadable: let read_statements report it
        return False
    return {"statement_id", "sentence", "date_text"} <= names and "event_id" not in names


def _old_layout_notice(path: Path) -> str:
    return (f"{path} holds statements in the old layout (before events existed, statements were written to "
            f"events.parquet). Reading it as statements for this release; re-extract to get statements.parquet "
            f"and events.parquet: {rebuild_command(path.with_name('statements.parquet'))}")


def locate_statements(environ: dict[str, str] | None = None) -> StatementsLocation:
    """The statements file to read (TIMELINE_DESK_STATEMENTS, else the old TIMELINE_DESK_EVENTS, else the default).

    The old layout (statements in events.parquet, no statements.parquet beside it) is read with a notice.
    """
    environ = os.environ if environ is None else environ
    configured = environ.get(STATEMENTS_ENV_VAR, "").strip()
    if configured:
        return StatementsLocation(Path(configured).expanduser())
    old = environ.get(OLD_STATEMENTS_ENV_VAR, "").strip()
    if old:
        path = Path(old).expanduser()
        notice = (f"TIMELINE_DESK_EVENTS is the old name of TIMELINE_DESK_STATEMENTS; reading {path} as the "
                  "statements file for this release. Set TIMELINE_DESK_STATEMENTS instead.")
        if path.name == OLD_STATEMENTS_FILE_NAME and path.with_name("statements.parquet").is_file():
            return StatementsLocation(path.with_name("statements.parquet"), notice)
        return StatementsLocation(path, notice)
    old_default = DEFAULT_STATEMENTS_PATH.with_name(OLD_STATEMENTS_FILE_NAME)
    if not DEFAULT_STATEMENTS_PATH.is_file() and _holds_statements(old_default):
        return StatementsLocation(old_default, _old_layout_notice(old_default))
    return StatementsLocation(DEFAULT_STATEMENTS_PATH)


def statements_path(environ: dict[str, str] | None = None) -> Path:
    """The statements file to read.

    >>> statements_path({"TIMELINE_DESK_STATEMENTS": "/tmp/x/statements.parquet"}).as_posix()
    '/tmp/x/statements.parquet'
    """
    return locate_statements(environ).path


def events_path(statements_file: Path) -> Path:
    """The events file beside the statements file.

    >>> events_path(Path("data/statements.parquet")).as_posix()
    'data/events.parquet'
    """
    return statements_file.with_name(EVENTS_FILE_NAME)


def actors_path(environ: dict[str, str] | None = None) -> Path:
    """The actors gazetteer the data was extracted with.

    >>> actors_path({"TIMELINE_DESK_ACTORS": "/tmp/x/my_actors.csv"}).name, actors_path({}).name
    ('my_actors.csv', 'actors.csv')
    """
    configured = (os.environ if environ is None else environ).get(ACTORS_ENV_VAR, "").strip()
    return Path(configured).expanduser() if configured else DEFAULT_GAZETTEER


def documents_path(statements_file: Path) -> Path:
    """The documents file beside the statements file.

    >>> documents_path(Path("data/statements.parquet")).as_posix()
    'data/documents.parquet'
    """
    return statements_file.with_name(DOCUMENTS_FILE_NAME)


def rebuild_command(statements_file: Path) -> str:
    """The shell command that (re)creates the data files.

    >>> rebuild_command(Path("/tmp/x/events.parquet"))  # doctest: +ELLIPSIS
    'cd ... && python -m extract seeds --out /tmp/x/statements.parquet'
    """
    if statements_file.name in (OLD_STATEMENTS_FILE_NAME, DOCUMENTS_FILE_NAME):
        statements_file = statements_file.with_name("statements.parquet")
    return f"cd {REPO_ROOT} && python -m extract seeds --out {statements_file}"


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


def read_parquet_lists(path: Path) -> pd.DataFrame:
    """A Parquet file as a frame whose list columns hold Python lists, through one open handle.

    pandas turns a list column into NumPy arrays cell by cell (0.6 s for 44,000 events); Arrow's `to_pylist`
    gives the lists the schema wants directly (0.04 s).
    """
    import pyarrow as pa
    import pyarrow.parquet as parquet

    with open(path, "rb") as handle:
        table = parquet.read_table(handle)
    lists = [one.name for one in table.schema if pa.types.is_list(one.type) or pa.types.is_large_list(one.type)]
    frame = table.drop_columns(lists).to_pandas()
    for name in lists:
        frame[name] = pd.Series(table.column(name).to_pylist(), index=frame.index, dtype=object)
    return frame[table.column_names]


def _read_parquet(path: Path, what: str, statements_path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise DataProblem(f"The {what} file {path} does not exist. Create it with: {rebuild_command(statements_path)}")
    try:
        return read_parquet_lists(path)
    except Exception as error:  # pyarrow raises several types for truncated / non-parquet files
        raise DataProblem(f"The {what} file {path} cannot be read as parquet ({type(error).__name__}: {error}). "
                          f"Recreate it with: {rebuild_command(statements_path)}") from error


def read_statements(path: Path) -> pd.DataFrame:
    """The statements frame at `path`, conformed to the schema; DataProblem naming the file if missing/corrupt.

    >>> read_statements(Path("/nowhere/statements.parquet"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    desk.loading.DataProblem: The statements file /nowhere/statements.parquet does not exist. Create it with: ...
    """
    frame = _read_parquet(path, "statements", path)
    try:
        return conform_statements(frame)
    except (SchemaError, ValueError, TypeError) as error:
        raise DataProblem(f"The statements file {path} does not match the schema ({error}). "
                          f"Recreate it with: {rebuild_command(path)}") from error


def read_documents(path: Path) -> pd.DataFrame:
    """The documents frame at `path`, conformed to the schema; DataProblem naming the file if missing/corrupt."""
    frame = _read_parquet(path, "documents", path)
    try:
        return conform_documents(frame)
    except (SchemaError, ValueError, TypeError) as error:
        raise DataProblem(f"The documents file {path} does not match the schema ({error}). "
                          f"Recreate it with: {rebuild_command(path)}") from error


def read_events(path: Path) -> pd.DataFrame:
    """The events frame at `path`, conformed to the schema; DataProblem if missing/corrupt (or statements in the old layout)."""
    frame = _read_parquet(path, "events", path)
    if _holds_statements(path):
        raise DataProblem(_old_layout_notice(path))
    try:
        return conform_events(frame)
    except (SchemaError, ValueError, TypeError) as error:
        raise DataProblem(f"The events file {path} does not match the schema ({error}). "
                          f"Recreate it with: {rebuild_command(path)}") from error


@dataclass(frozen=True)
class LoadedData:
    """Statements, documents and events of ONE extraction run; documents/events are None (the problem says why) when unusable."""
    statements: pd.DataFrame
    documents: pd.DataFrame | None
    documents_problem: str = ""
    events: pd.DataFrame | None = None
    events_problem: str = ""


def data_signature(statements_file: Path) -> tuple[str, str]:
    """A cache key that changes whenever the extractor writes a new set.

    >>> data_signature(Path("/nowhere/statements.parquet"))[0]
    '/nowhere/statements.parquet'
    """
    try:
        return str(statements_file), output_set_signature(statements_file.parent)
    except OutputSetError as error:
        return str(statements_file), f"unreadable manifest: {error}"


def _conformed(frame: pd.DataFrame, conform, what: str, path: Path) -> pd.DataFrame:
    try:
        return conform(frame)
    except (SchemaError, ValueError, TypeError) as error:
        raise DataProblem(f"The {what} file {path} does not match the schema ({error}). "
                          f"Recreate it with: {rebuild_command(path)}") from error


def _loose_data(statements_file: Path) -> LoadedData:
    """Files written before output sets existed (or by hand), each read as it is."""
    statements = read_statements(statements_file)
    return LoadedData(statements, *_loose_frames(statements_file))


def read_data(statements_file: Path) -> LoadedData:
    """The statements at `statements_file` and the documents and events beside them, all from the same extraction run.

    Reads through the folder's output set (`extract.output_set`) so a rewrite in progress is never seen
    half done; loose files (no output-set.json, or the statements file not in it) are read as they are.
    Raises DataProblem when the statements cannot be used.
    """
    folder = statements_file.parent
    try:
        current = current_output_set(folder)
    except OutputSetError as error:
        raise DataProblem(f"{error}. Recreate it with: {rebuild_command(statements_file)}") from error
    if current is None or statements_file.name not in current.paths:
        return _loose_data(statements_file)
    names = [statements_file.name, DOCUMENTS_FILE_NAME]
    if statements_file.name != EVENTS_FILE_NAME:
        names.append(EVENTS_FILE_NAME)
    try:
        output = read_output_set(folder, names)
    except Exception as error:  # pyarrow raises several types for a damaged file
        raise DataProblem(f"The data in {folder} cannot be read ({type(error).__name__}: {error}). "
                          f"Recreate it with: {rebuild_command(statements_file)}") from error
    statements = _conformed(output.frames[statements_file.name], conform_statements, "statements", statements_file)
    loaded: dict[str, pd.DataFrame | None] = {}
    problems: dict[str, str] = {}
    for name, conform, what in ((DOCUMENTS_FILE_NAME, conform_documents, "documents"),
                                (EVENTS_FILE_NAME, conform_events, "events")):
        path = statements_file.with_name(name)
        if name not in names:
            loaded[what], problems[what] = None, ""
        elif name not in output.frames:
            loaded[what], problems[what] = None, (f"The {what} file {path} is not part of the data set. "
                                                  f"Recreate it with: {rebuild_command(statements_file)}")
        else:
            try:
                loaded[what], problems[what] = _conformed(output.frames[name], conform, what, path), ""
            except DataProblem as problem:
                loaded[what], problems[what] = None, str(problem)
    return LoadedData(statements, loaded["documents"], problems["documents"], loaded["events"], problems["events"])


def _kept_frame(statements_file: Path, file_name: str) -> pd.DataFrame | None:
    """One frame the output set at `statements_file` keeps beside it, or None when it has none or it cannot be read."""
    folder = statements_file.parent
    try:
        current = current_output_set(folder)
        if current is None or file_name not in current.paths:
            return None
        return read_output_set(folder, [file_name]).frames.get(file_name)
    except (OutputSetError, OSError, ValueError):   # pyarrow's read errors are OSError or ValueError
        return None


def read_inputs_manifest(statements_file: Path) -> pd.DataFrame | None:
    """The inputs manifest (`extract.manifest`) kept with the run at `statements_file`; None when the run has none or
    it cannot be read (the next `python -m extract` then extracts every file, as it would anyway)."""
    from extract.__main__ import INPUTS_FILE_NAME   # only when an article is added: it imports the extractor

    return _kept_frame(statements_file, INPUTS_FILE_NAME)


def read_event_memo(statements_file: Path) -> pd.DataFrame | None:
    """The event stage's memo (`extract.event_memo`) kept with the run at `statements_file`; None when the run has none
    or it cannot be read: the memo only saves work, the events are the same without it."""
    return _kept_frame(statements_file, MEMO_FILE_NAME)


@dataclass(frozen=True)
class RunFiles:
    """One extraction run for the dashboard: where its statements lie (queried in place, `desk.query`), and its
    documents and events read as frames (None, with the problem, when unusable)."""
    statements: Path
    documents: pd.DataFrame | None
    documents_problem: str = ""
    events: pd.DataFrame | None = None
    events_problem: str = ""
    statements_file: Path | None = None   # the statements file as configured (messages name it)


def _conformed_or_problem(frames: dict[str, pd.DataFrame], name: str, conform, what: str,
                          path: Path, statements_file: Path) -> tuple[pd.DataFrame | None, str]:
    if name not in frames:
        return None, (f"The {what} file {path} is not part of the data set. "
                      f"Recreate it with: {rebuild_command(statements_file)}")
    try:
        return _conformed(frames[name], conform, what, path), ""
    except DataProblem as problem:
        return None, str(problem)


def open_run(statements_file: Path) -> RunFiles:
    """The run at `statements_file` without reading its statements: their location in the current output set (its
    folder of Parquet parts when the extractor wrote one, else the file), and the documents and events of the same
    run as frames.

    Raises DataProblem when the statements are missing; loose files (no output-set.json) are used as they are.
    """
    folder = statements_file.parent
    try:
        current = current_output_set(folder)
    except OutputSetError as error:
        raise DataProblem(f"{error}. Recreate it with: {rebuild_command(statements_file)}") from error
    names = [DOCUMENTS_FILE_NAME] + ([EVENTS_FILE_NAME] if statements_file.name != EVENTS_FILE_NAME else [])
    if current is None or statements_file.name not in current.paths:
        if not statements_file.exists():
            raise DataProblem(f"The statements file {statements_file} does not exist. "
                              f"Create it with: {rebuild_command(statements_file)}")
        return RunFiles(statements_file, *_loose_frames(statements_file), statements_file=statements_file)
    try:
        output = read_output_set(folder, names, reader=read_parquet_lists)
    except Exception as error:  # pyarrow raises several types for a damaged file
        raise DataProblem(f"The data in {folder} cannot be read ({type(error).__name__}: {error}). "
                          f"Recreate it with: {rebuild_command(statements_file)}") from error
    documents, documents_problem = _conformed_or_problem(output.frames, DOCUMENTS_FILE_NAME, conform_documents,
                                                         "documents", documents_path(statements_file), statements_file)
    events, events_problem = None, ""
    if EVENTS_FILE_NAME in names:
        events, events_problem = _conformed_or_problem(output.frames, EVENTS_FILE_NAME, conform_events, "events",
                                                       events_path(statements_file), statements_file)
    parts = output.datasets.get(Path(statements_file.name).stem)  # the same statements in parts, one per batch
    location = parts if parts is not None and any(parts.glob("*.parquet")) else output.paths[statements_file.name]
    return RunFiles(location, documents, documents_problem, events, events_problem, statements_file=statements_file)


def _loose_frames(statements_file: Path) -> tuple[pd.DataFrame | None, str, pd.DataFrame | None, str]:
    documents, documents_problem, events, events_problem = None, "", None, ""
    try:
        documents = read_documents(documents_path(statements_file))
    except DataProblem as problem:
        documents_problem = str(problem)
    if statements_file.name != EVENTS_FILE_NAME:
        try:
            events = read_events(events_path(statements_file))
        except DataProblem as problem:
            events_problem = str(problem)
    return documents, documents_problem, events, events_problem


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
