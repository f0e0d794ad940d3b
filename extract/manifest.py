"""Incremental extraction: a manifest of the input files kept with the output set, and what a re-run extracts again.

Each extracted file is recorded with its size, modification time, content hash (SHA-256), its hint
(its sources.csv row and its folder's date: both decide its reference date) and the fingerprint of
the extractor's settings (its code, gazetteers and limits). A re-run takes a document from the previous
run when its doc id, path, hint and the settings are the same and its file is too: size and mtime
decide at once, and when they differ the content hash decides (a file touched but not changed is not
extracted again). Everything else (new, changed and failed files, entries that are not files) is
extracted; files gone from the inputs are dropped.

>>> plan = plan_incremental([], previous=None, settings="s")
>>> plan.to_extract, plan.reused
([], [])
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from extract.inputs import InputEntry
from extract.schema import conform_input_manifest, empty_input_manifest
from extract.sources import Source

EXTRACTOR_CODE = Path(__file__).resolve().parent
NOT_EXTRACTION_CODE = ("curation", "evaluate")     # packages under extract/ that no extraction runs
REUSABLE_STATUSES = ("ok", "unreadable")            # a failed document is tried again on the next run


@dataclass(frozen=True)
class FileState:
    """One extracted file as the manifest records it."""
    doc_id: str
    path: str
    size: int
    mtime_ns: int
    sha256: str
    hint: str


@dataclass
class PreviousRun:
    """What a re-run may take documents from: the previous run's statements and documents (as frames, or None when
    known by `parts` only: the folder of its statements/ and documents/ datasets, see `extract.parts`), its
    inputs manifest and its event memo."""
    statements: pd.DataFrame | None
    documents: pd.DataFrame | None
    manifest: pd.DataFrame
    parts: Path | None = None
    event_memo: pd.DataFrame | None = None   # the event stage's per-sentence results (extract.event_memo), if kept


@dataclass
class IncrementalPlan:
    """Which entries a run extracts (their positions in the task list), and the files it takes from the previous run."""
    to_extract: list[int]
    reused: list[FileState]

    @property
    def reused_doc_ids(self) -> set[str]:
        """The doc ids whose statements and documents row come from the previous run."""
        return {state.doc_id for state in self.reused}


def content_hash(path: str | Path) -> str:
    """SHA-256 of a file's bytes, in hex.

    >>> import tempfile; path = Path(tempfile.mkdtemp()) / "a.txt"; _ = path.write_bytes(b"abc")
    >>> content_hash(path)[:12]
    'ba7816bf8f01'
    """
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def size_and_mtime(path: str | Path) -> tuple[int, int] | None:
    """(size, mtime in ns) of a file from stat, None when it cannot be stat'ed."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def entry_hint(entry: InputEntry, known: Source | None) -> str:
    """What besides the file decides a document's extraction: its sources.csv row and its folder's date, as JSON.

    >>> entry_hint(InputEntry("a", "a.txt"), None)
    '[null, null, ""]'
    """
    row = None if known is None else dataclasses.asdict(known)
    return json.dumps([row, entry.folder_date, entry.folder_date_basis], default=str, sort_keys=True)


def file_state(entry: InputEntry, hint: str, before: tuple[int, int] | None) -> FileState | None:
    """The state of a file just extracted, given its (size, mtime) from before reading it; None when it cannot be
    hashed or changed meanwhile (it is then extracted again on the next run)."""
    if before is None or not entry.readable:
        return None
    try:
        digest = content_hash(entry.path)
    except OSError:
        return None
    if size_and_mtime(entry.path) != before:
        return None
    return FileState(entry.doc_id, entry.path, before[0], before[1], digest, hint)


def settings_fingerprint(data_files: Sequence[Path], limits: dict[str, object]) -> str:
    """A key that changes when the extractor's code (extract/, not curation or evaluation), its data files
    (gazetteers) or its limits change: the previous run's documents are then all extracted again."""
    digest = hashlib.sha256(json.dumps(limits, sort_keys=True, default=str).encode())
    code = sorted(path for path in EXTRACTOR_CODE.rglob("*.py")
                  if path.relative_to(EXTRACTOR_CODE).parts[0] not in NOT_EXTRACTION_CODE)
    for path in [*code, *data_files]:
        digest.update(str(path.relative_to(EXTRACTOR_CODE) if path.is_relative_to(EXTRACTOR_CODE) else path.name).encode())
        digest.update(Path(path).read_bytes() if Path(path).is_file() else b"(absent)")
    return digest.hexdigest()


def _reusable_states(previous: PreviousRun | None, settings: str) -> dict[str, FileState]:
    if previous is None or previous.manifest.empty:
        return {}
    manifest = conform_input_manifest(previous.manifest)
    manifest = manifest[manifest["settings"] == settings]
    if previous.documents is not None:   # a manifest lists only documents of these statuses; frames given by hand may not
        statuses = dict(zip(previous.documents["doc_id"], previous.documents["status"]))
        manifest = manifest[manifest["doc_id"].map(statuses).isin(REUSABLE_STATUSES)]
    return {doc_id: FileState(doc_id, path, int(size), int(mtime_ns), sha256, hint)
            for doc_id, path, size, mtime_ns, sha256, hint in zip(
                manifest["doc_id"], manifest["path"], manifest["size"], manifest["mtime_ns"], manifest["sha256"],
                manifest["hint"])}


def _unchanged(entry: InputEntry, hint: str, recorded: FileState | None) -> FileState | None:
    """The entry's state when its file is the one recorded (size and mtime, else content), else None."""
    if recorded is None or not entry.readable or recorded.path != entry.path or recorded.hint != hint:
        return None
    now = size_and_mtime(entry.path)
    if now is None or now[0] != recorded.size:
        return None
    if now[1] == recorded.mtime_ns:
        return recorded
    try:
        same = content_hash(entry.path) == recorded.sha256
    except OSError:
        return None
    return dataclasses.replace(recorded, mtime_ns=now[1]) if same and size_and_mtime(entry.path) == now else None


def plan_incremental(tasks: Sequence[tuple[InputEntry, str]], previous: PreviousRun | None, settings: str
                     ) -> IncrementalPlan:
    """Which of the (entry, hint) tasks to extract, and which documents to take from `previous` unchanged."""
    recorded = _reusable_states(previous, settings)
    to_extract, reused = [], []
    for position, (entry, hint) in enumerate(tasks):
        state = _unchanged(entry, hint, recorded.get(entry.doc_id))
        if state is None:
            to_extract.append(position)
        else:
            reused.append(state)
    return IncrementalPlan(to_extract, reused)


def manifest_frame(states: Sequence[FileState], settings: str) -> pd.DataFrame:
    """The inputs manifest of a run: one row per recorded file, with the run's settings fingerprint."""
    if not states:
        return empty_input_manifest()
    columns = [field.name for field in dataclasses.fields(FileState)]
    frame = pd.DataFrame([tuple(getattr(state, name) for name in columns) for state in states], columns=columns)
    return conform_input_manifest(frame.assign(settings=settings))
