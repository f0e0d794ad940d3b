"""The curated state: extracted frames + the edit log in force -> curated statements and events frames.

Reads: the statements and events frames (extract.schema) and the edits of `EditLog.edits()`.
Writes: the same frames with `extract.schema.CURATION_COLUMNS` added, and the orphaned edits.
Pure: the extracted frames are copied, never changed; running it twice gives the same result.

Edits apply oldest first, skipping undone ones. An edit whose target is gone after a re-extraction is
not dropped: it is listed in `Curated.orphans` with its content and why. An event edit whose event id
vanished but whose evidence survives in another event follows that evidence (`Curated.reattached`).

>>> curated = curate(pd.DataFrame(), pd.DataFrame(), [])
>>> curated.orphans.empty
True
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from extract.curation.edits import EDIT_KIND_BY_NAME, SPLIT_EVENT_PREFIX, undone_edit_ids
from extract.curation.store import Edit
from extract.schema import CURATION_COLUMNS

ORPHAN_COLUMNS = ("edit_id", "kind", "target_type", "target_id", "created_at", "author", "note", "reason", "content")
LABEL_MAX_CHARS = 70
EPISODE_ID_PREFIX = "ep-"   # extract.events gives an episode the id stable_id("ep-", ...), an event "ev-"


@dataclass
class Curated:
    """What the analyst sees: curated frames, the edits in force, and the edits that lost their target."""
    statements: pd.DataFrame
    events: pd.DataFrame
    orphans: pd.DataFrame
    in_force: list[int] = field(default_factory=list)
    reattached: dict[int, str] = field(default_factory=dict)


class _Orphaned(Exception):
    """Raised inside `curate` when an edit's target cannot be found; the message is the reason shown."""


def _with_curation_columns(frame: pd.DataFrame, has_label: bool) -> pd.DataFrame:
    curated = frame.copy()
    if curated.empty and not len(curated.columns):
        return curated
    curated["origin"] = pd.Series("extracted", index=curated.index, dtype="string")
    for name in ("curated", "hidden", "starred"):
        curated[name] = pd.Series(False, index=curated.index, dtype="bool")
    curated["hidden_reason"] = pd.Series("", index=curated.index, dtype="string")
    curated["machine_value"] = curated["value"].astype("string")
    curated["machine_grain"] = curated["grain"].astype("string")
    curated["machine_start"] = curated["start"]
    curated["machine_end"] = curated["end"]
    curated["machine_label"] = (curated["label"] if has_label else pd.Series("", index=curated.index)).astype("string")
    curated["curation_note"] = pd.Series("", index=curated.index, dtype="string")
    return curated


def _timestamp(day: str | None, like: pd.Series) -> pd.Timestamp:
    if not day:
        return pd.NaT
    stamp = pd.Timestamp(day)
    return stamp.as_unit(like.dtype.unit) if hasattr(like.dtype, "unit") else stamp


def _text(value) -> str:
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


class _Curation:
    """The mutable working state of one `curate` call."""

    def __init__(self, statements: pd.DataFrame, events: pd.DataFrame) -> None:
        self.statements = _with_curation_columns(statements, has_label=False)
        self.events = _with_curation_columns(events, has_label=True)
        if "statement_id" in self.statements:
            self.statements.index = pd.Index(self.statements["statement_id"].astype(str), name=None)
        if "event_id" in self.events:
            self.events.index = pd.Index(self.events["event_id"].astype(str), name=None)
        self.notes: dict[tuple[str, str], list[str]] = {}
        self.dated_statements: set[str] = set()   # statements whose date the analyst fixed
        self.dated_events: set[str] = set()       # events whose date the analyst fixed
        self.absorbed_into: dict[str, str] = {}
        self.reattached: dict[int, str] = {}
        self.outlet_of = ({} if self.statements.empty or "outlet" not in self.statements else
                          dict(zip(self.statements["doc_id"].astype(str), self.statements["outlet"].fillna("").astype(str))))

    # --- finding targets ---------------------------------------------------------------
    def statement(self, edit: Edit, statement_id: str | None = None) -> str:
        statement_id = statement_id or edit.target_id
        if statement_id not in self.statements.index:
            raise _Orphaned(f"the statement no longer exists: its article {self._doc_of(statement_id)} changed or was "
                            "removed")
        row = self.statements.loc[statement_id]
        expected = edit.context if edit.target_type == "statement" else {}
        for name in ("date_text", "sentence"):
            if name in expected and str(row[name]) != expected[name]:
                raise _Orphaned(f"the article changed: this statement's {name.replace('_', ' ')} now reads "
                                f"{str(row[name])!r}")
        return statement_id

    def event(self, edit: Edit, event_id: str | None = None, evidence: list | None = None) -> str:
        event_id = event_id or edit.target_id
        if event_id in self.events.index:
            return event_id
        if event_id in self.absorbed_into:
            raise _Orphaned(f"the event was merged into {self.absorbed_into[event_id]}")
        evidence = set(edit.context.get("statement_ids", []) if evidence is None else evidence)
        if evidence and not self.events.empty:
            # the same kind only (an episode holds its events' evidence too: an event's label must not go to it), and
            # of those the one holding most of the evidence, then the one most like it (shared / all statements)
            kind = "episode" if str(event_id).startswith(EPISODE_ID_PREFIX) else "event"
            candidates = self.events[self.events["kind"] == kind] if "kind" in self.events else self.events
            scores = {row_id: (len(evidence.intersection(ids)), len(evidence.intersection(ids)) / len(evidence.union(ids)))
                      for row_id, ids in candidates["statement_ids"].items()}
            best = max(scores, key=scores.get, default=None)
            if best is not None and scores[best][0] * 2 >= len(evidence) and scores[best][0] > 0:
                self.reattached[edit.edit_id] = str(best)
                return str(best)
        remaining = evidence.intersection(self.statements.index)
        if evidence and not remaining:
            articles = sorted({self._doc_of(statement_id) for statement_id in evidence})
            named = ", ".join(articles[:3]) + (f" and {len(articles) - 3} more" if len(articles) > 3 else "")
            raise _Orphaned(f"none of the event's {len(evidence)} statement(s) is in the data any more: its article(s) "
                            f"{named} changed or were removed")
        raise _Orphaned("the event no longer exists after re-extraction and none holds most of its evidence"
                        + (f" ({len(remaining)} of its {len(evidence)} statements remain)" if evidence else ""))

    def target(self, edit: Edit) -> tuple[pd.DataFrame, str]:
        if edit.target_type == "statement":
            return self.statements, self.statement(edit)
        return self.events, self.event(edit)

    def mark(self, frame: pd.DataFrame, row_id: str, clause: str) -> None:
        frame.at[row_id, "curated"] = True
        kind = "statement" if frame is self.statements else "event"
        self.notes.setdefault((kind, row_id), []).append(clause)

    # --- event arithmetic ---------------------------------------------------------------
    def _doc_of(self, statement_id: str) -> str:
        if statement_id in self.statements.index:
            return str(self.statements.at[statement_id, "doc_id"])
        return statement_id.rsplit(":", 1)[0]

    def _set_evidence(self, event_id: str, statement_ids: list[str]) -> None:
        doc_ids = list(dict.fromkeys(self._doc_of(statement_id) for statement_id in statement_ids))
        outlets = {self.outlet_of.get(doc_id) or f"doc:{doc_id}" for doc_id in doc_ids}
        self.events.at[event_id, "statement_ids"] = statement_ids
        self.events.at[event_id, "doc_ids"] = doc_ids
        self.events.at[event_id, "n_sources"] = len(doc_ids)
        self.events.at[event_id, "n_outlets"] = len(outlets)

    def _append_event(self, row: dict) -> None:
        full = {name: row.get(name) for name in self.events.columns}
        addition = pd.DataFrame([full], index=[row["event_id"]])
        for name in self.events.columns:
            if self.events[name].dtype == object:
                addition[name] = addition[name].astype(object)
            else:
                addition[name] = addition[name].astype(self.events[name].dtype)
        self.events = pd.concat([self.events, addition]) if len(self.events) else addition

    # --- applying one edit ---------------------------------------------------------------
    def apply(self, edit: Edit) -> None:
        handler = getattr(self, f"_apply_{edit.kind}", None)
        if edit.kind not in EDIT_KIND_BY_NAME or handler is None:
            raise _Orphaned(f"unknown edit kind {edit.kind!r} (written by a newer version?)")
        handler(edit)

    def _apply_date(self, edit: Edit) -> None:
        frame, row_id = self.target(edit)
        new = edit.new_value
        frame.at[row_id, "value"], frame.at[row_id, "grain"] = new["value"], new["grain"]
        frame.at[row_id, "start"] = _timestamp(new["start"], frame["start"])
        frame.at[row_id, "end"] = _timestamp(new["end"], frame["end"])
        (self.dated_events if frame is self.events else self.dated_statements).add(row_id)
        self.mark(frame, row_id, f"date fixed to {new['value']} (machine: {frame.at[row_id, 'machine_value']})")

    def _apply_label(self, edit: Edit) -> None:
        _, row_id = self.target(edit)
        self.events.at[row_id, "label"] = edit.new_value
        self.mark(self.events, row_id, f"label edited (machine: {self.events.at[row_id, 'machine_label']})")

    def _apply_hide(self, edit: Edit) -> None:
        frame, row_id = self.target(edit)
        frame.at[row_id, "hidden"], frame.at[row_id, "hidden_reason"] = True, edit.new_value
        self.mark(frame, row_id, f"hidden: {edit.new_value}")

    def _apply_show(self, edit: Edit) -> None:
        frame, row_id = self.target(edit)
        frame.at[row_id, "hidden"], frame.at[row_id, "hidden_reason"] = False, ""
        self.mark(frame, row_id, "shown again")

    def _apply_star(self, edit: Edit) -> None:
        _, row_id = self.target(edit)
        self.events.at[row_id, "starred"] = True
        self.mark(self.events, row_id, "starred")

    def _apply_unstar(self, edit: Edit) -> None:
        _, row_id = self.target(edit)
        self.events.at[row_id, "starred"] = False
        self.mark(self.events, row_id, "unstarred")

    def _correct_list(self, edit: Edit, column: str) -> None:
        frame, row_id = self.target(edit)
        remove, add = edit.new_value.get("remove", []), edit.new_value.get("add", [])
        current = [name for name in frame.at[row_id, column] if name not in remove]
        frame.at[row_id, column] = current + [name for name in add if name not in current]
        change = [f"-{name}" for name in remove] + [f"+{name}" for name in add]
        self.mark(frame, row_id, f"{column} corrected ({', '.join(change)})")

    def _apply_countries(self, edit: Edit) -> None:
        self._correct_list(edit, "countries")

    def _apply_actors(self, edit: Edit) -> None:
        self._correct_list(edit, "actors")

    def _apply_merge(self, edit: Edit) -> None:
        kept = self.event(edit)
        absorbed = self.event(edit, edit.new_value["event_id"], edit.new_value.get("statement_ids", []))
        if absorbed == kept:
            raise _Orphaned("after re-extraction both events are one already")
        evidence = list(dict.fromkeys([*self.events.at[kept, "statement_ids"], *self.events.at[absorbed, "statement_ids"]]))
        for column in ("countries", "actors"):
            self.events.at[kept, column] = list(dict.fromkeys([*self.events.at[kept, column],
                                                               *self.events.at[absorbed, column]]))
        self.events.at[kept, "salience"] = max(self.events.at[kept, "salience"], self.events.at[absorbed, "salience"])
        self.events.at[kept, "starred"] = bool(self.events.at[kept, "starred"] or self.events.at[absorbed, "starred"])
        self._set_evidence(kept, evidence)
        self.events = self.events.drop(index=absorbed)
        self.absorbed_into[absorbed] = kept
        self.mark(self.events, kept, f"merged with {absorbed} ({edit.new_value.get('label', '')})")

    def _apply_split(self, edit: Edit) -> None:
        event_id = self.event(edit)
        statement_id = self.statement(edit, edit.new_value["statement_id"])
        evidence = list(self.events.at[event_id, "statement_ids"])
        if statement_id not in evidence:
            raise _Orphaned(f"the statement {statement_id} is no longer part of this event")
        self._set_evidence(event_id, [other for other in evidence if other != statement_id])
        statement = self.statements.loc[statement_id]
        sentence = str(statement["sentence"])
        label = sentence if len(sentence) <= LABEL_MAX_CHARS else sentence[:LABEL_MAX_CHARS - 1].rstrip() + "…"
        new_id = f"{SPLIT_EVENT_PREFIX}{statement_id}"
        self._append_event({
            "event_id": new_id, "kind": "event", "label": label, "label_basis": "split out by the analyst: its sentence",
            "summary": sentence, "value": statement["value"], "grain": statement["grain"], "start": statement["start"],
            "end": statement["end"], "statement_ids": [statement_id], "doc_ids": [str(statement["doc_id"])],
            "n_sources": 1, "n_outlets": 1, "countries": list(statement["countries"]), "actors": list(statement["actors"]),
            "salience": 0.0, "episode_id": "", "origin": "split", "curated": True, "hidden": False, "hidden_reason": "",
            "starred": False, "machine_value": statement["value"], "machine_grain": statement["grain"],
            "machine_start": statement["start"], "machine_end": statement["end"], "machine_label": "",
            "curation_note": ""})
        self.mark(self.events, event_id, f"statement {statement_id} split out")
        self.mark(self.events, new_id, f"split out of {event_id}")

    def _apply_add(self, edit: Edit) -> None:
        new = edit.new_value
        if edit.target_id in self.events.index:
            raise _Orphaned("an event with this id exists already")
        doc_ids = [new["source_doc_id"]] if new.get("source_doc_id") else []
        like_start = self.events["start"] if "start" in self.events else pd.Series(dtype="datetime64[ns]")
        start, end = _timestamp(new["start"], like_start), _timestamp(new["end"], like_start)
        self._append_event({
            "event_id": edit.target_id, "kind": "event", "label": new["label"], "label_basis": "added by hand",
            "summary": new.get("source_note", ""), "value": new["value"], "grain": new["grain"], "start": start,
            "end": end, "statement_ids": [], "doc_ids": doc_ids, "n_sources": len(doc_ids), "n_outlets": len(doc_ids),
            "countries": list(new.get("countries", [])), "actors": list(new.get("actors", [])), "salience": 0.0,
            "episode_id": "", "origin": "analyst", "curated": True, "hidden": False, "hidden_reason": "",
            "starred": False, "machine_value": "", "machine_grain": "", "machine_start": pd.NaT, "machine_end": pd.NaT,
            "machine_label": "", "curation_note": ""})
        source = new.get("source_note") or new.get("source_doc_id")
        self.mark(self.events, edit.target_id, f"added by hand (source: {source})")

    def _follow_fixed_statements(self) -> None:
        """An event whose only statement had its date fixed takes that date (unless its own date was fixed)."""
        if not self.dated_statements or self.events.empty:
            return
        for event_id, evidence in self.events["statement_ids"].items():
            if len(evidence) == 1 and evidence[0] in self.dated_statements and event_id not in self.dated_events:
                statement = self.statements.loc[evidence[0]]
                for column in ("value", "grain", "start", "end"):
                    self.events.at[event_id, column] = statement[column]
                self.mark(self.events, event_id, f"date fixed to {statement['value']} on its statement "
                                                 f"(machine: {self.events.at[event_id, 'machine_value']})")

    def finish(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        self._follow_fixed_statements()
        if "starred" in self.events and self.events["starred"].any() and "starred" in self.statements:
            evidence = {one for ids in self.events.loc[self.events["starred"], "statement_ids"] for one in ids}
            self.statements["starred"] = self.statements.index.isin(list(evidence))  # evidence of a starred event
        for (kind, row_id), clauses in self.notes.items():
            frame = self.statements if kind == "statement" else self.events
            if row_id in frame.index:
                frame.at[row_id, "curation_note"] = "; ".join(clauses)
        return self.statements.reset_index(drop=True), self.events.reset_index(drop=True)


def _orphan_row(edit: Edit, reason: str) -> dict:
    content = dict(edit.context)
    content["new_value"] = edit.new_value
    return {"edit_id": edit.edit_id, "kind": edit.kind, "target_type": edit.target_type, "target_id": edit.target_id,
            "created_at": edit.created_at, "author": edit.author, "note": edit.note, "reason": reason,
            "content": _text(content)}


def curate(statements: pd.DataFrame, events: pd.DataFrame, edits: list[Edit]) -> Curated:
    """Apply every edit in force, oldest first, to copies of the extracted frames; report the orphans."""
    work = _Curation(statements, events)
    undone = undone_edit_ids(edits)
    orphans, in_force = [], []
    for edit in edits:
        if edit.kind == "undo" or edit.edit_id in undone:
            continue
        try:
            work.apply(edit)
            in_force.append(edit.edit_id)
        except _Orphaned as orphaned:
            orphans.append(_orphan_row(edit, str(orphaned)))
    curated_statements, curated_events = work.finish()
    return Curated(curated_statements, curated_events, pd.DataFrame(orphans, columns=list(ORPHAN_COLUMNS)),
                   in_force, dict(work.reattached))


def _statements_named(edits: list[Edit], events: pd.DataFrame) -> set[str]:
    """Every statement an edit can read or change: its targets, split statements, and the evidence of named events."""
    named_events: set[str] = set()
    wanted: set[str] = set()
    for edit in edits:
        if edit.target_type == "statement":
            wanted.add(edit.target_id)
        else:
            named_events.add(edit.target_id)
        new_value = edit.new_value if isinstance(edit.new_value, dict) else {}
        if new_value.get("statement_id"):
            wanted.add(str(new_value["statement_id"]))
        if new_value.get("event_id"):
            named_events.add(str(new_value["event_id"]))
        for key in ("statement_ids",):
            wanted.update(map(str, edit.context.get(key, []) or []))
            wanted.update(map(str, new_value.get(key, []) or []))
    if named_events and not events.empty:
        for ids in events.loc[events["event_id"].astype(str).isin(named_events), "statement_ids"]:
            wanted.update(map(str, ids))
    return wanted


def _evidence_of_touched_events(events: pd.DataFrame) -> set[str]:
    if events.empty or "curated" not in events:
        return set()
    touched = events["curated"].astype(bool) | events["starred"].astype(bool)
    return {str(one) for ids in events.loc[touched, "statement_ids"] for one in ids}


def curate_patch(events: pd.DataFrame, edits: list[Edit],
                 statements_with_ids: Callable[[set[str]], pd.DataFrame]) -> Curated:
    """`curate` for statements too many to copy: only the rows the edits can touch are fetched and curated.

    `statements_with_ids(ids)` returns the extracted statements with those ids (e.g. one query over Parquet).
    `Curated.statements` then holds those rows only, curated: laid over the extracted statements (each id
    replacing its row) they give exactly what `curate` gives on the whole frame; events and orphans are whole.

    >>> curate_patch(pd.DataFrame(), [], lambda ids: pd.DataFrame()).statements.empty
    True
    """
    wanted = _statements_named(edits, events)
    while True:
        curated = curate(statements_with_ids(set(wanted)), events, edits)
        more = _evidence_of_touched_events(curated.events) - wanted  # e.g. an edit that followed its evidence
        if not more:
            return curated
        wanted |= more


def visible(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows the chart and exports show: every row not hidden by the analyst."""
    return frame[~frame["hidden"].astype(bool)] if "hidden" in frame else frame


def curation_columns() -> list[str]:
    """Names of the columns curation adds.

    >>> "hidden" in curation_columns()
    True
    """
    return list(CURATION_COLUMNS)


def curate_with_log(statements: pd.DataFrame, events: pd.DataFrame, database) -> Curated:
    """`curate` with the edits of the database file at `database` (none when it does not exist; it is not created)."""
    from pathlib import Path

    from extract.curation.store import EditLog

    if database is None or not Path(database).is_file():
        return curate(statements, events, [])
    return curate(statements, events, EditLog(Path(database)).edits())


def with_starred_first(events: pd.DataFrame) -> pd.DataFrame:
    """The events with every starred one given a salience above all others (so rankings always keep it).

    >>> frame = pd.DataFrame({"salience": [5.0, 1.0], "starred": [False, True]})
    >>> with_starred_first(frame)["salience"].tolist()
    [5.0, 7.0]
    """
    if "starred" not in events or not events["starred"].any():
        return events
    ranked = events.copy()
    top = float(ranked["salience"].max()) if len(ranked) else 0.0
    starred = ranked["starred"].astype(bool)
    ranked.loc[starred, "salience"] = top + 1.0 + ranked.loc[starred, "salience"]
    return ranked
