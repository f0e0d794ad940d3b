"""What the analyst can change, as a table of edit kinds, and the checked constructors of each edit.

Each constructor reads the row the analyst is looking at (a statement or an event of the curated
frames), checks the input and returns a `NewEdit` for `EditLog.append`; bad input raises
`EditRejected` with a message for the analyst, and nothing is written. The meaning of each kind
(how it changes the frames) is in `extract.curation.state`.

>>> parse_entered_date("October 2023")
EnteredDate(text='October 2023', value='2023-10', grain='month', start='2023-10-01', end='2023-11-01')
>>> parse_entered_date("after the talks")
Traceback (most recent call last):
...
extract.curation.edits.EditRejected: 'after the talks' is not a date the tagger can place; write it like 2023-10-07, October 2023 or 2023.
"""
from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from typing import Iterable

import pandas as pd

from extract.curation.store import Edit, NewEdit

HIDE_REASONS = ("not news", "duplicate", "wrong")


@dataclass(frozen=True)
class EditKind:
    """One row of the edit-kind table: its stored name, what it applies to, and how the History names it."""
    name: str
    targets: tuple[str, ...]
    description: str


EDIT_KINDS: tuple[EditKind, ...] = (
    EditKind("date", ("event", "statement"), "fixed the date of"),
    EditKind("label", ("event",), "edited the label of"),
    EditKind("hide", ("event", "statement"), "hid"),
    EditKind("show", ("event", "statement"), "unhid"),
    EditKind("merge", ("event",), "merged another event into"),
    EditKind("split", ("event",), "split a statement out of"),
    EditKind("countries", ("event", "statement"), "corrected the countries of"),
    EditKind("actors", ("event", "statement"), "corrected the actors of"),
    EditKind("add", ("event",), "added by hand"),
    EditKind("star", ("event",), "starred"),
    EditKind("unstar", ("event",), "unstarred"),
    EditKind("undo", ("edit",), "undid"),
)
EDIT_KIND_BY_NAME = {kind.name: kind for kind in EDIT_KINDS}
ANALYST_EVENT_PREFIX = "analyst:"
SPLIT_EVENT_PREFIX = "split:"
_FILLER_AROUND_DATE = re.compile(r"^(?:\W|_|\b(?:on|in|at|the|of|during|about|around)\b)*$", re.IGNORECASE)
DATE_EXAMPLES = "2023-10-07, October 2023 or 2023"
_FULL_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")   # a TIMEX3 day value with every part given
MAX_LABEL_CHARS = 200   # a headline; the label box of the app says the same (max_chars)


class EditRejected(ValueError):
    """The analyst's input cannot become an edit; the message says why and what to enter instead."""


@dataclass(frozen=True)
class EnteredDate:
    """A date as the analyst typed it, normalised like the tagger does (ISO day strings, end exclusive)."""
    text: str
    value: str
    grain: str
    start: str
    end: str


def parse_entered_date(text: str, reference_date: dt.date | None = None) -> EnteredDate:
    """Read one date the analyst typed with the project's tagger; EditRejected when it is not exactly one placeable date.

    >>> parse_entered_date(" 2023-10-07 ").value, parse_entered_date("2023").end
    ('2023-10-07', '2024-01-01')
    """
    entered = (text or "").strip()
    if not entered:
        raise EditRejected(f"Enter a date, like {DATE_EXAMPLES}.")
    from extract.timex import tag  # here, not at import: compiling the tagger's rules takes a second or two, and
    #                                the dashboard imports curation on its first page whether anyone edits or not
    found = [timex for timex in tag(entered, reference_date) if timex.type in ("DATE", "TIME")]
    if len(found) != 1:
        detail = "no date" if not found else f"{len(found)} dates ({', '.join(t.text for t in found)})"
        if found:
            raise EditRejected(f"{entered!r} holds {detail}; enter one date, like {DATE_EXAMPLES}.")
        raise EditRejected(f"{entered!r} is not a date the tagger can place; write it like {DATE_EXAMPLES}.")
    timex = found[0]
    leftover = entered[:timex.start] + " " + entered[timex.end:]
    if not _FILLER_AROUND_DATE.match(leftover):
        raise EditRejected(f"{entered!r}: only {timex.text!r} is a date; enter just the date, like {DATE_EXAMPLES}.")
    if timex.interval_start is None or timex.interval_end is None:
        if _FULL_DAY_VALUE.fullmatch(timex.value):   # every part given, but no such day: "June 31 2025"
            raise EditRejected(f"{entered!r} is not a day of the calendar ({timex.value}); check the day and the "
                               f"month, like {DATE_EXAMPLES}.")
        raise EditRejected(f"{entered!r} is not one calendar period (value {timex.value}); add what is missing, "
                           f"like the year: {DATE_EXAMPLES}.")
    start, end = (moment.date() if isinstance(moment, dt.datetime) else moment
                  for moment in (timex.interval_start, timex.interval_end))
    return EnteredDate(entered, timex.value, timex.grain, start.isoformat(), end.isoformat())


def target_of(row: pd.Series) -> tuple[str, str]:
    """("event", event_id) or ("statement", statement_id) for a row of the events or statements frame."""
    if "event_id" in row.index:
        return "event", str(row["event_id"])
    if "statement_id" in row.index:
        return "statement", str(row["statement_id"])
    raise EditRejected("Only an event or a statement can be edited.")


def _day(moment) -> str | None:
    return None if moment is None or pd.isna(moment) else pd.Timestamp(moment).date().isoformat()


def context_of(row: pd.Series) -> dict:
    """What the target looks like now, kept with the edit so a vanished target can be reported with its content."""
    target_type, _ = target_of(row)
    if target_type == "statement":
        return {"doc_id": str(row["doc_id"]), "date_text": str(row["date_text"]), "sentence": str(row["sentence"])}
    return {"label": str(row["label"]), "value": str(row["value"]), "statement_ids": list(row["statement_ids"])}


def _date_of(row: pd.Series) -> dict:
    return {"value": str(row["value"]), "grain": str(row["grain"]), "start": _day(row["start"]), "end": _day(row["end"])}


def _new(kind: str, row: pd.Series, old, new, note: str) -> NewEdit:
    target_type, target_id = target_of(row)
    if target_type not in EDIT_KIND_BY_NAME[kind].targets:
        raise EditRejected(f"A {target_type} cannot be given the edit {kind!r}.")
    return NewEdit(kind, target_type, target_id, old, new, context_of(row), note.strip())


def fix_date(row: pd.Series, entered: str, note: str = "", reference_date: dt.date | None = None) -> NewEdit:
    """Set the date of an event or statement to what the analyst typed ("2023-10-07", "October 2023", "2023")."""
    parsed = parse_entered_date(entered, reference_date)
    new = {"text": parsed.text, "value": parsed.value, "grain": parsed.grain, "start": parsed.start, "end": parsed.end}
    old = _date_of(row)
    if (old["value"], old["start"], old["end"]) == (parsed.value, parsed.start, parsed.end):
        raise EditRejected(f"The date is already {parsed.value}; nothing to change.")
    return _new("date", row, old, new, note)


def _checked_label(label: str) -> str:
    """The label with its spaces tidied; EditRejected when empty or longer than a headline (MAX_LABEL_CHARS)."""
    cleaned = " ".join((label or "").split())
    if not cleaned:
        raise EditRejected("The label is empty; write a short headline saying who did what.")
    if len(cleaned) > MAX_LABEL_CHARS:
        raise EditRejected(f"The label has {len(cleaned):,} characters; keep it to a headline of at most "
                           f"{MAX_LABEL_CHARS} (the sentences behind it are kept with the event).")
    return cleaned


def relabel(row: pd.Series, label: str, note: str = "") -> NewEdit:
    """Give an event a new label (the machine's is kept beside it)."""
    cleaned = _checked_label(label)
    if cleaned == str(row["label"]):
        raise EditRejected("The label is unchanged.")
    return _new("label", row, str(row["label"]), cleaned, note)


def hide(row: pd.Series, reason: str, note: str = "") -> NewEdit:
    """Hide an event or statement from the chart and exports, for one of HIDE_REASONS."""
    if reason not in HIDE_REASONS:
        raise EditRejected(f"Choose why to hide it: {', '.join(HIDE_REASONS)}.")
    if bool(row.get("hidden", False)):
        raise EditRejected("It is already hidden.")
    return _new("hide", row, None, reason, note)


def show(row: pd.Series, note: str = "") -> NewEdit:
    """Show a hidden event or statement again."""
    if not bool(row.get("hidden", False)):
        raise EditRejected("It is not hidden.")
    return _new("show", row, str(row.get("hidden_reason", "")), None, note)


def merge_events(kept: pd.Series, absorbed: pd.Series, note: str = "") -> NewEdit:
    """Merge `absorbed` into `kept`: one event with the evidence of both (the absorbed one disappears)."""
    if "event_id" not in absorbed.index:
        raise EditRejected("Only two events can be merged.")
    absorbed_id = str(absorbed["event_id"])
    if absorbed_id == str(kept["event_id"]):
        raise EditRejected("Choose two different events to merge.")
    return _new("merge", kept, {"statement_ids": list(kept["statement_ids"])},
                {"event_id": absorbed_id, "label": str(absorbed["label"]),
                 "statement_ids": list(absorbed["statement_ids"])}, note)


def split_statement(event: pd.Series, statement_id: str, note: str = "") -> NewEdit:
    """Take one statement out of an event; it becomes an event of its own."""
    evidence = list(event["statement_ids"])
    if statement_id not in evidence:
        raise EditRejected(f"The statement {statement_id} is not part of this event.")
    if len(evidence) < 2:
        raise EditRejected("This event has only that statement; hide it or fix it instead of splitting it.")
    return _new("split", event, {"statement_ids": evidence}, {"statement_id": statement_id}, note)


def _names(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(" ".join(str(value).split()) for value in values if str(value).strip()))


def _correct_list(kind: str, row: pd.Series, remove: Iterable[str], add: Iterable[str], note: str) -> NewEdit:
    current = list(row[kind])
    removing, adding = _names(remove), _names(add)
    unknown = [name for name in removing if name not in current]
    if unknown:
        raise EditRejected(f"{', '.join(unknown)} is not among the {kind} ({', '.join(current) or 'none'}).")
    adding = [name for name in adding if name not in current or name in removing]
    if not removing and not adding:
        raise EditRejected(f"Nothing to change: choose {kind} to remove or name one to add.")
    return _new(kind, row, current, {"remove": removing, "add": adding}, note)


def correct_countries(row: pd.Series, remove: Iterable[str] = (), add: Iterable[str] = (), note: str = "") -> NewEdit:
    """Remove and add countries of an event or statement (e.g. remove Germany)."""
    return _correct_list("countries", row, remove, add, note)


def correct_actors(row: pd.Series, remove: Iterable[str] = (), add: Iterable[str] = (), note: str = "") -> NewEdit:
    """Remove and add actors of an event or statement."""
    return _correct_list("actors", row, remove, add, note)


def add_event(date_text: str, label: str, countries: Iterable[str] = (), actors: Iterable[str] = (),
              source_note: str = "", source_doc_id: str = "", note: str = "",
              event_id: str | None = None) -> NewEdit:
    """An event the extractor missed: a date, a label, countries, and where it comes from (free text or a doc_id)."""
    parsed = parse_entered_date(date_text)
    cleaned_label = _checked_label(label)
    if not source_note.strip() and not source_doc_id.strip():
        raise EditRejected("Say where the event comes from: a note of the source or an article of the corpus.")
    new = {"text": parsed.text, "value": parsed.value, "grain": parsed.grain, "start": parsed.start, "end": parsed.end,
           "label": cleaned_label, "countries": _names(countries), "actors": _names(actors),
           "source_note": source_note.strip(), "source_doc_id": source_doc_id.strip()}
    event_id = event_id or f"{ANALYST_EVENT_PREFIX}{uuid.uuid4().hex[:12]}"
    return NewEdit("add", "event", event_id, None, new, {"label": cleaned_label}, note.strip())


def star(event: pd.Series, note: str = "") -> NewEdit:
    """Star an event so it is always among the key events."""
    if bool(event.get("starred", False)):
        raise EditRejected("It is already starred.")
    return _new("star", event, False, True, note)


def unstar(event: pd.Series, note: str = "") -> NewEdit:
    """Take the star off an event."""
    if not bool(event.get("starred", False)):
        raise EditRejected("It is not starred.")
    return _new("unstar", event, True, False, note)


def undone_edit_ids(edits: list[Edit]) -> set[int]:
    """Ids of edits an undo in force cancels (an undo can itself be undone, which restores the edit).

    >>> from extract.curation.store import Edit
    >>> log = [Edit(1, "label", "event", "e", "a", "b", {}, "", "", ""), Edit(2, "undo", "edit", "1", None, None, {}, "", "", "")]
    >>> undone_edit_ids(log), undone_edit_ids(log + [Edit(3, "undo", "edit", "2", None, None, {}, "", "", "")])
    ({1}, {2})
    """
    undos_of: dict[int, list[int]] = {}
    for edit in edits:
        if edit.kind == "undo":
            undos_of.setdefault(int(edit.target_id), []).append(edit.edit_id)
    undone: set[int] = set()
    for edit in sorted(edits, key=lambda e: e.edit_id, reverse=True):  # an undo only ever points back in time
        if any(undo_id not in undone for undo_id in undos_of.get(edit.edit_id, [])):
            undone.add(edit.edit_id)
    return undone


def undo(edit: Edit, edits: list[Edit], note: str = "") -> NewEdit:
    """Cancel an edit (undoing an undo restores the edit); the log keeps both."""
    if edit.edit_id in undone_edit_ids(edits):
        raise EditRejected(f"Edit {edit.edit_id} is already undone.")
    return NewEdit("undo", "edit", str(edit.edit_id), None, None,
                   {"kind": edit.kind, "target_type": edit.target_type, "target_id": edit.target_id}, note.strip())
