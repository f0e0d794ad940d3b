"""The analyst's corrections in the app: the shared edit log, the curated frames, and the edit controls.

Every session reads the same SQLite log (`extract.curation`); the curated view is cached per (data run, log
version) by `desk.ui.caching.load_desk`, so an edit made in one browser shows in every other on its next rerun.
An edit is one append; nothing here changes the extracted files.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from desk.evidence import Evidence
from desk.labels import merge_choices
from desk.literal import markdown_literal
from desk.loading import actors_path, statements_path
from extract.actors import GazetteerError, load_gazetteer
from extract.curation import (HIDE_REASONS, CurationStoreError, EditLog, EditRejected, NewEdit,
                              correct_actors, correct_countries, curation_path, fix_date, hide,
                              merge_events, relabel, show, split_statement, star, unstar)
from extract.curation.edits import MAX_LABEL_CHARS
from extract.curation.history import describe_edit

MESSAGE_KEY = "curation_message"
AUTHOR_KEY = "curation_author"
SESSION_KEY = "curation_session"


def database_path() -> Path:
    """The curation database of the data being shown ($TIMELINE_DESK_CURATION, else beside the frames)."""
    return curation_path(statements_path())


def session_author() -> str:
    """Who is editing: the name typed on the History page, else this browser session's id."""
    session = st.session_state.setdefault(SESSION_KEY, f"session-{uuid.uuid4().hex[:6]}")
    name = str(st.session_state.get(AUTHOR_KEY, "") or "").strip()
    return f"{name} ({session})" if name else session


@st.cache_resource(max_entries=4)
def _log_at(path: str) -> EditLog:
    return EditLog(Path(path))


def edit_log() -> EditLog:
    """The shared log; st.error and stop when its file cannot be opened."""
    path = database_path()
    try:
        return _log_at(str(path))
    except CurationStoreError as problem:
        st.error(f"{problem} Set TIMELINE_DESK_CURATION to a writable file.")
        st.stop()


@st.cache_resource(max_entries=2, show_spinner=False)
def _gazetteer_names(path: str) -> tuple[list[str], list[str]]:
    try:
        entries = load_gazetteer(Path(path)).entries
    except (GazetteerError, OSError):
        return [], []
    countries = sorted({entry.actor for entry in entries if entry.actor_type == "country"})
    return countries, sorted({entry.actor for entry in entries if entry.actor_type != "country"})


def known_names() -> tuple[list[str], list[str]]:
    """(countries, actors) of the actors gazetteer, offered when the analyst adds one (any other name may be typed)."""
    return _gazetteer_names(str(actors_path()))


def show_last_message() -> None:
    """Show (once) what the last edit did, after the rerun that made it visible."""
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        st.success(message, icon=":material/check_circle:")


def record(make_edit: Callable[[], NewEdit]) -> bool:
    """Build the edit (EditRejected -> st.error, nothing written), append it, and rerun so every view shows it."""
    try:
        new_edit = make_edit()
        stored = edit_log().append(new_edit, author=session_author())
    except EditRejected as rejected:
        st.error(markdown_literal(str(rejected)), icon=":material/block:")
        return False
    except CurationStoreError as problem:
        st.error(markdown_literal(str(problem)))
        return False
    st.session_state[MESSAGE_KEY] = markdown_literal(f"Saved edit {stored.edit_id}: {describe_edit(stored)}.")
    st.rerun()
    return True


def curation_badge(row: pd.Series) -> str:
    """A one-line caption saying what the analyst changed on this row ("" when nothing)."""
    parts = []
    if bool(row.get("hidden", False)):
        parts.append(f"Hidden ({row.get('hidden_reason', '')})")
    if bool(row.get("starred", False)):
        parts.append("★ Starred")
    note = str(row.get("curation_note", "") or "")
    if note:
        parts.append(f"Edited: {note}")
    return " · ".join(parts)


def _date_controls(row: pd.Series, key: str) -> None:
    machine = row.get("machine_value", "")
    if str(machine) and str(machine) != str(row["value"]):
        st.caption(markdown_literal(f"Machine's date: {machine} · now: {row['value']} ({row['grain']})"))
    entered = st.text_input("Correct date", key=f"{key}-date", placeholder="2023-10-07, October 2023 or 2023",
                            help="Read by the project's tagger into a value, a grain and an interval. "
                                 "The machine's date is kept.")
    note = st.text_input("Why (optional)", key=f"{key}-date-note")
    if st.button("Save date", key=f"{key}-date-save", icon=":material/event:"):
        record(lambda: fix_date(row, entered, note))


def _hide_controls(row: pd.Series, key: str) -> None:
    if bool(row.get("hidden", False)):
        st.caption(markdown_literal(f"Hidden: {row.get('hidden_reason', '')}. Hidden items leave the chart and the exports."))
        if st.button("Show again", key=f"{key}-show", icon=":material/visibility:"):
            record(lambda: show(row))
        return
    reason = st.radio("Hide because it is", HIDE_REASONS, key=f"{key}-hide-reason", horizontal=True, index=None)
    note = st.text_input("Note (optional)", key=f"{key}-hide-note")
    if st.button("Hide", key=f"{key}-hide", icon=":material/visibility_off:"):
        record(lambda: hide(row, reason or "", note))


def _list_controls(row: pd.Series, key: str, column: str, known: list[str]) -> None:
    correct = correct_countries if column == "countries" else correct_actors
    current = list(row[column])
    st.caption(markdown_literal(f"{column.capitalize()}: {', '.join(current) or 'none'}"))
    remove = st.multiselect(f"Remove {column}", current, key=f"{key}-{column}-remove")
    add = st.multiselect(f"Add {column}", [name for name in known if name not in current], key=f"{key}-{column}-add",
                         accept_new_options=True)
    if st.button(f"Save {column}", key=f"{key}-{column}-save", icon=":material/edit:"):
        record(lambda: correct(row, remove, add))


def _label_controls(event: pd.Series, key: str) -> None:
    if str(event.get("machine_label", "")) and event["machine_label"] != event["label"]:
        st.caption(markdown_literal(f"Machine's label: {event['machine_label']}"))
    label = st.text_input("Label", value=str(event["label"]), key=f"{key}-label", max_chars=MAX_LABEL_CHARS)
    if st.button("Save label", key=f"{key}-label-save", icon=":material/title:"):
        record(lambda: relabel(event, label))


def _merge_split_controls(event: pd.Series, key: str, events: pd.DataFrame, evidence: list[Evidence]) -> None:
    others = events[events["event_id"] != event["event_id"]]
    choices = merge_choices(event, events) if not others.empty else {}
    absorbed = st.selectbox("Merge this event with", list(choices), format_func=choices.get, index=None,
                            key=f"{key}-merge", placeholder="Choose the duplicate event")
    def merge_edit() -> NewEdit:
        if not absorbed:
            raise EditRejected("Choose the event to merge with.")
        return merge_events(event, others.set_index("event_id", drop=False).loc[absorbed])

    if st.button("Merge", key=f"{key}-merge-save", icon=":material/merge:"):
        record(merge_edit)
    statement_ids = list(event["statement_ids"])
    if len(statement_ids) > 1:
        sentences = {item.statement_id: item.choice_text() for item in evidence}
        moved = st.selectbox("Split this statement out into an event of its own", statement_ids, index=None,
                             key=f"{key}-split", format_func=lambda statement_id: sentences.get(statement_id, statement_id),
                             placeholder="Choose the sentence to split out")
        if st.button("Split", key=f"{key}-split-save", icon=":material/call_split:"):
            record(lambda: split_statement(event, moved or ""))


def _star_controls(event: pd.Series, key: str) -> None:
    if bool(event.get("starred", False)):
        if st.button("Remove the star", key=f"{key}-unstar", icon=":material/star_outline:"):
            record(lambda: unstar(event))
    elif st.button("Star: always among the key events", key=f"{key}-star", icon=":material/star:"):
        record(lambda: star(event))


def render_edit_controls(row: pd.Series, *, events: pd.DataFrame | None = None, evidence: list[Evidence] | None = None,
                         expanded: bool = False) -> None:
    """Controls to correct one event (every edit kind; `evidence` names its sentences in the split picker) or one
    statement (date, hide, countries, actors)."""
    if "curated" not in row.index:
        return  # an extracted row, not a curated one: nothing to anchor edits to
    known_countries, known_actors = known_names()
    is_event = "event_id" in row.index
    target_id = str(row["event_id"] if is_event else row["statement_id"])
    key = f"curate-{'e' if is_event else 's'}-{target_id}"
    show_last_message()
    badge = curation_badge(row)
    if badge:
        st.caption(markdown_literal(badge))
    with st.expander(f"Correct this {'event' if is_event else 'statement'}", expanded=expanded,
                     icon=":material/edit_note:"):
        names = (["Date", "Label", "Hide", "Countries", "Actors", "Merge / split", "Star"] if is_event
                 else ["Date", "Hide", "Countries", "Actors"])
        tabs = dict(zip(names, st.tabs(names)))
        with tabs["Date"]:
            _date_controls(row, key)
        with tabs["Hide"]:
            _hide_controls(row, key)
        with tabs["Countries"]:
            _list_controls(row, key, "countries", list(known_countries))
        with tabs["Actors"]:
            _list_controls(row, key, "actors", list(known_actors))
        if is_event:
            with tabs["Label"]:
                _label_controls(row, key)
            with tabs["Merge / split"]:
                _merge_split_controls(row, key, events if events is not None else pd.DataFrame({"event_id": []}),
                                      evidence or [])
            with tabs["Star"]:
                _star_controls(row, key)
