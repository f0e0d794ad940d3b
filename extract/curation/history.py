"""The edit log as a table for people: what was done, to what, when, by whom, and whether it is in force.

>>> history_frame([], None).columns.tolist()[:4]
['edit_id', 'created_at', 'author', 'kind']
"""
from __future__ import annotations

import json

import pandas as pd

from extract.curation.edits import EDIT_KIND_BY_NAME, undone_edit_ids
from extract.curation.state import Curated
from extract.curation.store import Edit

HISTORY_COLUMNS = ("edit_id", "created_at", "author", "kind", "action", "target_type", "target_id", "old_value",
                   "new_value", "note", "status", "reason")
STATUSES = ("in force", "undone", "orphaned", "undo")


def _short(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict) and "value" in value:
        return str(value["value"])
    if isinstance(value, dict) and ("remove" in value or "add" in value):
        return ", ".join([f"-{name}" for name in value.get("remove", [])] + [f"+{name}" for name in value.get("add", [])])
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def describe_edit(edit: Edit) -> str:
    """One line saying what the edit did.

    >>> describe_edit(Edit(3, "date", "statement", "a:1-2", {"value": "2024-10-07"}, {"value": "2023-10-07"}, {}, "", "", ""))
    'fixed the date of statement a:1-2: 2024-10-07 → 2023-10-07'
    """
    kind = EDIT_KIND_BY_NAME.get(edit.kind)
    verb = kind.description if kind else edit.kind
    if edit.kind == "undo":
        return f"undid edit {edit.target_id} ({edit.context.get('kind', '?')} of {edit.context.get('target_id', '?')})"
    if edit.kind == "add":
        return f"added by hand: {edit.new_value.get('label', '')} ({edit.new_value.get('value', '')})"
    if edit.kind == "merge":
        return f"merged {edit.new_value.get('event_id')} into event {edit.target_id}"
    if edit.kind == "split":
        return f"split statement {edit.new_value.get('statement_id')} out of event {edit.target_id}"
    old, new = _short(edit.old_value), _short(edit.new_value)
    change = f": {old} → {new}" if old and new and edit.kind not in ("countries", "actors") else (f": {new}" if new else "")
    return f"{verb} {edit.target_type} {edit.target_id}{change}"


def history_frame(edits: list[Edit], curated: Curated | None) -> pd.DataFrame:
    """Every edit, newest first, with its status: in force, undone, orphaned (and why) or an undo."""
    undone = undone_edit_ids(edits)
    orphan_reasons = {} if curated is None else dict(zip(curated.orphans["edit_id"], curated.orphans["reason"]))
    reattached = {} if curated is None else curated.reattached
    rows = []
    for edit in reversed(edits):
        if edit.kind == "undo":
            status, reason = "undo", ""
        elif edit.edit_id in undone:
            status, reason = "undone", ""
        elif edit.edit_id in orphan_reasons:
            status, reason = "orphaned", orphan_reasons[edit.edit_id]
        else:
            status = "in force"
            reason = f"follows its evidence to event {reattached[edit.edit_id]}" if edit.edit_id in reattached else ""
        rows.append({"edit_id": edit.edit_id, "created_at": edit.created_at, "author": edit.author, "kind": edit.kind,
                     "action": describe_edit(edit), "target_type": edit.target_type, "target_id": edit.target_id,
                     "old_value": json.dumps(edit.old_value, ensure_ascii=False),
                     "new_value": json.dumps(edit.new_value, ensure_ascii=False), "note": edit.note,
                     "status": status, "reason": reason})
    return pd.DataFrame(rows, columns=list(HISTORY_COLUMNS))


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def log_csv(history: pd.DataFrame) -> bytes:
    """The history table as UTF-8 CSV; a text cell that a spreadsheet would run as a formula gets a leading quote.

    >>> log_csv(pd.DataFrame({"note": ["=HYPERLINK(1)", "fine"]})).decode()
    "note\\n'=HYPERLINK(1)\\nfine\\n"
    """
    guarded = history.copy()
    for column in guarded.columns:
        if not pd.api.types.is_numeric_dtype(guarded[column]):
            guarded[column] = guarded[column].astype(object).map(
                lambda value: f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value)
    return guarded.to_csv(index=False).encode("utf-8")
