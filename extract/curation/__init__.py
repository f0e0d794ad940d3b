"""Curation: the analyst's corrections as an append-only SQLite log, and the curated state derived from it.

curated = extraction + log. No edit ever changes the extracted frames on disk.
- `store`: the log (`EditLog`, `NewEdit`, `Edit`, `curation_path`), WAL mode, append-only;
- `edits`: the edit kinds and their checked constructors (`fix_date`, `hide`, `merge_events`, ...);
- `state`: `curate(statements, events, edits) -> Curated` (frames + orphaned edits), `visible`;
- `history`: the log as a table for review and CSV export.
Pure (no Streamlit): the dashboard, exports and `python -m extract.summarize` share it.

>>> from extract.curation import EditLog, curate, fix_date
>>> callable(curate) and callable(fix_date)
True
"""
from extract.curation.edits import (
    EDIT_KINDS,
    HIDE_REASONS,
    EditRejected,
    add_event,
    correct_actors,
    correct_countries,
    fix_date,
    hide,
    merge_events,
    parse_entered_date,
    relabel,
    show,
    split_statement,
    star,
    undo,
    unstar,
)
from extract.curation.state import Curated, curate, visible
from extract.curation.store import CURATION_ENV_VAR, CurationStoreError, Edit, EditLog, NewEdit, curation_path

__all__ = ["EDIT_KINDS", "HIDE_REASONS", "EditRejected", "add_event", "correct_actors", "correct_countries", "fix_date",
           "hide", "merge_events", "parse_entered_date", "relabel", "show", "split_statement", "star", "undo", "unstar",
           "Curated", "curate", "visible", "CURATION_ENV_VAR", "CurationStoreError", "Edit", "EditLog", "NewEdit",
           "curation_path"]
