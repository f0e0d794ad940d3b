"""The chain of stages: documents -> reference date -> sentences -> temporal expressions ->
actors -> kinds -> one statements frame -> events (schemas in `extract.schema`).

>>> extraction = extract_corpus([])
>>> extraction.statements.empty, extraction.warnings
(True, ['no input files'])
"""
from __future__ import annotations

import datetime as dt
import re
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from extract.actors import DEFAULT_GAZETTEER, DEFAULT_OFFICE_HOLDERS, DEFAULT_PLACES, Gazetteer, load_gazetteer
from extract.cluster import ProgressCallback, Scheduler, prepare_local_processes, run_batches
from extract.country_roles import SentenceCountries, sentence_countries
from extract.documents import DEFAULT_MAX_BYTES, Document, read_entry
from extract.inputs import InputEntry, hidden_entries_warning, is_hidden_entry_problem, list_inputs
from extract.kinds import classify_sentence, reference_line_spans
from extract.manifest import (REUSABLE_STATUSES, FileState, PreviousRun, entry_hint, file_state, manifest_frame,
                              plan_incremental, settings_fingerprint, size_and_mtime)
from extract.parts import documents_by_part, link_part, part_index, read_dataset, read_part, write_part
from extract.schema import (DOCUMENT_COLUMNS, EARLIEST_DATE, LATEST_DATE, STATEMENT_COLUMNS, conform_documents,
                            conform_statements, empty_documents, empty_events, empty_input_manifest, empty_statements)
from extract.sentences import Sentence, sentence_index_at, split_sentences
from extract.sources import DEFAULT_SOURCES_CSV, Source, find_dateline, read_sources_csv, resolve_source
from extract.timex import Timex, TimexDraft, find, resolve

TIMELINE_TYPES = ("DATE", "TIME")   # durations and sets are tagged but are not timeline points
_CALENDAR_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?")
DEFAULT_MAX_STATEMENTS = 5_000      # per document: one hostile file cannot take the machine
CHUNK_CHARS = 200_000               # a long text is searched in pieces so the statement cap also caps the work
BATCH_DOCUMENTS = 100               # documents per batch: one task on a Dask worker, one part of the Parquet dataset


def __getattr__(name: str):
    """`build_events` and `build_events_with_memo` (extract.events) are imported on first use: a Dask worker never
    runs the event stage, and importing it (nltk, scikit-learn) costs each worker ~2 s."""
    if name in ("build_events", "build_events_with_memo"):
        from extract import events
        globals()[name] = getattr(events, name)
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass
class Extraction:
    """What one run produced: the statements, one row per input file, every warning, and the events."""
    statements: pd.DataFrame
    documents: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    events: pd.DataFrame = field(default_factory=empty_events)
    manifest: pd.DataFrame = field(default_factory=empty_input_manifest)   # inputs.parquet: see extract.manifest
    reused_documents: int = 0    # documents taken unchanged from the previous run (not extracted again)
    seconds: dict[str, float] = field(default_factory=dict)   # wall time of each stage: "extraction", "events"
    parts: Path | None = None    # the folder holding the statements/ and documents/ datasets in parts (extract.parts)
    event_memo: pd.DataFrame = field(default_factory=pd.DataFrame)   # for the next run's event stage (extract.event_memo)


class StageFailure(Exception):
    """One document's extraction failed inside a named stage (the run goes on with the other documents)."""

    def __init__(self, stage: str, error: Exception) -> None:
        super().__init__(f"{stage}: {type(error).__name__}: {error}")
        self.stage, self.error = stage, error


@contextmanager
def stage(name: str):
    """Run a block as the named stage of one document's extraction; any error becomes a StageFailure."""
    try:
        yield
    except StageFailure:
        raise
    except Exception as error:  # one document's bug must never stop the run: reported by the caller
        raise StageFailure(name, error) from error


def _to_timestamp(value: dt.date | None) -> pd.Timestamp:
    return pd.Timestamp(value) if value is not None else pd.NaT


def _statement_row(document: Document, source: Source, sentence: Sentence, timex: Timex,
                   kind: str, found: SentenceCountries) -> dict:
    return {
        "statement_id": f"{document.doc_id}:{timex.start}-{timex.end}",
        "doc_id": document.doc_id, "title": source.title, "outlet": source.outlet,
        "published": _to_timestamp(source.published),
        "sentence": sentence.text, "sentence_start": sentence.start, "sentence_end": sentence.end,
        "date_text": timex.text, "date_start_char": timex.start, "date_end_char": timex.end,
        "value": timex.value, "grain": timex.grain,
        "start": _to_timestamp(timex.interval_start), "end": _to_timestamp(timex.interval_end),
        "reference_date_basis": source.reference_date_basis,
        "actors": found.actors, "countries": found.countries, "country_mentions": found.country_mentions,
        "kind": kind, "rule": timex.rule,
    }


def _sentence_for(sentences: list[Sentence], text: str, timex: Timex) -> Sentence:
    index = sentence_index_at(sentences, timex.start)
    if index is not None:
        return sentences[index]
    line_start = text.rfind("\n", 0, timex.start) + 1
    line_end = text.find("\n", timex.end)
    line_end = len(text) if line_end < 0 else line_end
    return Sentence(line_start, line_end, text[line_start:line_end])


def _document_row(document: Document, source: Source | None, status: str | None = None) -> dict:
    source = source or Source(document.doc_id)
    return {"doc_id": document.doc_id, "path": document.path, "title": source.title or document.doc_id,
            "outlet": source.outlet, "author": source.author, "published": _to_timestamp(source.published),
            "url": source.url, "reference_date_basis": source.reference_date_basis,
            "reference_date_confidence": source.reference_date_confidence or ("none" if source.published is None else ""),
            "text": document.text,
            "status": status or ("ok" if document.readable else "unreadable"), "problem": document.problem}


def is_impossible_date(value: str) -> bool:
    """True for a value naming a calendar date that does not exist.

    >>> is_impossible_date("2025-02-30"), is_impossible_date("2024-02-29"), is_impossible_date("2024-13")
    (True, False, True)
    """
    match = _CALENDAR_DATE.match(value)
    if not match:
        return False
    try:
        dt.date(int(match["year"]), int(match["month"]), int(match["day"] or 1))
    except ValueError:
        return True
    return False


def is_off_calendar(timex: Timex) -> bool:
    """True for a concrete value that got no interval: a year the calendar (1-9999) cannot hold, or one before Christ.

    >>> from extract.timex import tag
    >>> [is_off_calendar(t) for t in tag("the 1st century, the 14th century and 49 BC", None)]
    [True, False, True]
    """
    concrete = timex.value[:1].isdigit() or timex.value.startswith("BC")
    return timex.interval_start is None and concrete and not is_impossible_date(timex.value)


def calendar_warnings(document: Document, timexes: list[Timex]) -> list[str]:
    """One warning per expression the calendar cannot hold (an impossible day, a year outside 1-9999); kept, not placed."""
    warnings = []
    for timex in timexes:
        if timex.type not in TIMELINE_TYPES:
            continue
        line = document.text.count("\n", 0, timex.start) + 1
        if is_impossible_date(timex.value):
            warnings.append(f"{document.path}: impossible date {timex.text!r} (line {line}); "
                            "kept with grain 'unknown', not placed on the timeline")
        elif is_off_calendar(timex):
            warnings.append(f"{document.path}: date {timex.text!r} (line {line}, value {timex.value!r}) is outside "
                            f"the calendar the timeline can hold (years {EARLIEST_DATE.year}-{LATEST_DATE.year}); "
                            "kept with grain 'unknown', not placed on the timeline")
    return warnings


def find_drafts(text: str, max_dated: int = DEFAULT_MAX_STATEMENTS) -> tuple[list[TimexDraft], int | None]:
    """Phase one of the tagger over `text`, stopping once more than `max_dated` dated expressions are found.

    Returns the drafts and the character offset where the search stopped (None when the whole text was
    searched). A long text is searched in pieces of about CHUNK_CHARS ending at a line break.

    >>> drafts, stopped = find_drafts("On 3 May 2024. On 4 May 2024. On 5 May 2024.", max_dated=1)
    >>> [draft.text for draft in drafts], stopped
    (['3 May 2024', '4 May 2024', '5 May 2024'], None)
    """
    if len(text) <= CHUNK_CHARS:
        return find(text), None
    drafts: list[TimexDraft] = []
    start = 0
    while start < len(text):
        end = text.rfind("\n", start + CHUNK_CHARS // 2, start + CHUNK_CHARS) + 1 or min(len(text), start + CHUNK_CHARS)
        drafts.extend(replace(draft, start=draft.start + start, end=draft.end + start) for draft in find(text[start:end]))
        start = end
        if sum(draft.type in TIMELINE_TYPES for draft in drafts) > max_dated and start < len(text):
            return drafts, start
    return drafts, None


def extract_document(document: Document, source: Source, gazetteer: Gazetteer | None = None,
                     warnings: list[str] | None = None, max_statements: int = DEFAULT_MAX_STATEMENTS,
                     drafts: list[TimexDraft] | None = None, stopped_at: int | None = None) -> list[dict]:
    """Statement rows of one readable document (at most `max_statements`), given its resolved source and, when
    already found, its phase-one drafts (`find_drafts`); problems go to `warnings`."""
    warnings = [] if warnings is None else warnings
    with stage("temporal expressions"):
        if drafts is None:
            drafts, stopped_at = find_drafts(document.text, max_statements)
        timexes = [timex for timex in resolve(drafts, source.published) if timex.type in TIMELINE_TYPES]
        if len(timexes) > max_statements or stopped_at is not None:
            line = document.text.count("\n", 0, timexes[max_statements].start if len(timexes) > max_statements
                                       else stopped_at) + 1
            found = f"more than {max_statements:,}" if stopped_at is not None else f"{len(timexes):,}"
            warnings.append(f"{document.path}: {found} dated statements, over the limit of {max_statements:,} per "
                            f"document; the first {max_statements:,} are kept (up to line {line}), the rest of the "
                            "document is not used (raise --max-statements to keep more)")
            timexes = timexes[:max_statements]
        warnings.extend(calendar_warnings(document, timexes))
    with stage("sentences"):
        sentences = split_sentences(document.text)
    with stage("kinds"):
        dateline = find_dateline(document.text, timexes)
        references = reference_line_spans(document.text)
    rows, actors_by_sentence = [], {}
    for timex in timexes:
        sentence = _sentence_for(sentences, document.text, timex)
        with stage("kinds"):
            kind = classify_sentence(sentence.start, sentence.end, references, dateline)
        # the statement's own year picks office holders ("in 1998 Clinton ..." is Bill Clinton in an article of 2016)
        when = timex.interval_start if timex.interval_start is not None else source.published
        key = (sentence.start, when.year if when is not None else None)
        if key not in actors_by_sentence:
            with stage("actors"):
                actors_by_sentence[key] = sentence_countries(sentence.text, when, gazetteer)
        with stage("statements"):
            rows.append(_statement_row(document, source, sentence, timex, kind, actors_by_sentence[key]))
    return rows


@dataclass(frozen=True)
class ExtractionSettings:
    """What every document's extraction needs besides the document itself (picklable: it travels to Dask workers)."""
    actors_csv: Path = DEFAULT_GAZETTEER
    max_bytes: int = DEFAULT_MAX_BYTES
    max_statements: int = DEFAULT_MAX_STATEMENTS
    parts_folder: str = ""       # where each batch writes its part of the datasets ("" = frames sent back instead)

    def fingerprint(self) -> str:
        """Changes when the extractor's code, gazetteers or limits change (see `extract.manifest.settings_fingerprint`)."""
        gazetteer = Path(self.actors_csv)
        data_files = [gazetteer, gazetteer.with_name(DEFAULT_PLACES.name), gazetteer.with_name(DEFAULT_OFFICE_HOLDERS.name)]
        return settings_fingerprint(data_files, {"max_bytes": self.max_bytes, "max_statements": self.max_statements})


@dataclass(frozen=True)
class DocumentTask:
    """One input entry to extract, with its sources.csv row (None when it has none) and its manifest hint."""
    entry: InputEntry
    known: Source | None
    hint: str = ""


@dataclass(frozen=True)
class DocumentBatch(Sequence):
    """Documents extracted together: one task on a Dask worker, part number `part` of the datasets."""
    part: int
    tasks: tuple[DocumentTask, ...]

    def __len__(self) -> int:
        return len(self.tasks)

    def __getitem__(self, index):
        return self.tasks[index]


@dataclass
class BatchResult:
    """What a batch of documents gave: typed statements and documents frames (empty when the batch wrote them as
    its part: then `part` names it), warnings, the files' states, and the batch's doc ids and statement count."""
    statements: pd.DataFrame
    documents: pd.DataFrame
    warnings: list[str]
    file_states: list[FileState]
    part: str = ""
    doc_ids: list[str] = field(default_factory=list)
    statement_count: int = 0


def extract_read_document(document: Document, known: Source | None, gazetteer: Gazetteer,
                          max_statements: int = DEFAULT_MAX_STATEMENTS) -> tuple[list[dict], dict, list[str]]:
    """One read document's statement rows, its documents row and its warnings; a failing stage fails only this document."""
    warnings = ([f"{document.path}: {document.problem}"]     # hidden entries: one line for all (extract_corpus)
                if document.problem and not is_hidden_entry_problem(document.problem) else [])
    if not document.readable:
        return [], _document_row(document, known), warnings
    source, document_warnings = None, []
    try:
        with stage("temporal expressions"):
            drafts, stopped_at = find_drafts(document.text, max_statements)
        with stage("reference date"):
            source = resolve_source(document, known, drafts, document_warnings)
        rows = extract_document(document, source, gazetteer, document_warnings, max_statements, drafts, stopped_at)
    except StageFailure as failure:
        problem = (f"extraction failed in stage '{failure.stage}' ({type(failure.error).__name__}: "
                   f"{failure.error}); the article is kept without statements, the other articles are extracted")
        failed = replace(document, problem="; ".join(filter(None, [document.problem, problem])))
        return [], _document_row(failed, source or known, "failed"), warnings + document_warnings + [
            f"{document.path}: {problem}"]
    own = [warning.removeprefix(f"{document.path}: ") for warning in document_warnings]
    described = replace(document, problem="; ".join(filter(None, [document.problem, *own])))
    return rows, _document_row(described, source), warnings + document_warnings


def extract_batch(tasks: DocumentBatch | list[DocumentTask], settings: ExtractionSettings,
                  on_item: Callable[[DocumentTask], None] | None = None) -> BatchResult:
    """Read and extract a batch of documents (this is what runs on a Dask worker); `on_item` is called after each.
    With `settings.parts_folder`, the batch's frames are written there as its part and only their names come back."""
    gazetteer = load_gazetteer(settings.actors_csv)
    statement_rows, document_rows, warnings, states = [], [], [], []
    for task in tasks:
        before = size_and_mtime(task.entry.path) if task.entry.readable else None
        document = read_entry(task.entry, settings.max_bytes)
        rows, document_row, document_warnings = extract_read_document(document, task.known, gazetteer,
                                                                      settings.max_statements)
        statement_rows.extend(rows)
        document_rows.append(document_row)
        warnings.extend(document_warnings)
        if document_row["status"] in REUSABLE_STATUSES:
            state = file_state(task.entry, task.hint, before)
            states.extend([state] if state is not None else [])
        if on_item is not None:
            on_item(task)
    statements = conform_statements(pd.DataFrame(statement_rows, columns=list(STATEMENT_COLUMNS)))
    documents = conform_documents(pd.DataFrame(document_rows, columns=list(DOCUMENT_COLUMNS)))
    doc_ids = [row["doc_id"] for row in document_rows]
    if not settings.parts_folder:
        return BatchResult(statements, documents, warnings, states, doc_ids=doc_ids, statement_count=len(statements))
    written = write_part(Path(settings.parts_folder), tasks.part, statements, documents)
    return BatchResult(empty_statements(), empty_documents(), warnings, states, written.name, doc_ids, len(statements))


def in_document_order(frames: list[pd.DataFrame], order: dict[str, int], empty: pd.DataFrame) -> pd.DataFrame:
    """The frames as one, rows grouped by document in `order` (doc id -> position), each document's rows as they were.

    >>> frames = [pd.DataFrame({"doc_id": ["b", "b"], "n": [1, 2]}), pd.DataFrame({"doc_id": ["a"], "n": [3]})]
    >>> in_document_order(frames, {"a": 0, "b": 1}, pd.DataFrame())["n"].tolist()
    [3, 1, 2]
    """
    frames = [frame for frame in frames if len(frame)]
    if not frames:
        return empty
    combined = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)
    positions = combined["doc_id"].map(order).to_numpy()
    if (positions[1:] >= positions[:-1]).all():
        return combined
    return combined.iloc[np.argsort(positions, kind="stable")].reset_index(drop=True)


def batches_of(items: list, size: int | None = None) -> list[list]:
    """`items` cut into consecutive batches of at most `size` (default BATCH_DOCUMENTS).

    >>> batches_of([1, 2, 3, 4, 5], 2)
    [[1, 2], [3, 4], [5]]
    """
    size = size or BATCH_DOCUMENTS
    return [items[start:start + size] for start in range(0, len(items), size)]


def _carry_over_parts(previous: PreviousRun, reused: list[str], parts_folder: Path) -> tuple[set[str], int]:
    """The previous run's rows of the `reused` documents (in document order) as parts in `parts_folder`: a previous part
    whose documents are all reused is linked, one with some is written again with only those, and reused documents
    of a previous run given as frames are written in new parts. Returns the doc ids so carried over and the next
    free part number."""
    wanted, carried, next_part = set(reused), set(), 0
    if previous.parts is not None:
        for name, doc_ids in documents_by_part(previous.parts).items():
            next_part = max(next_part, part_index(name) + 1)
            keep = [doc_id for doc_id in doc_ids if doc_id in wanted]
            if keep and len(keep) == len(doc_ids):
                link_part(previous.parts, parts_folder, name)
            elif keep:
                statements, documents = (read_part(previous.parts, dataset, name) for dataset in ("statements", "documents"))
                write_part(parts_folder, part_index(name), statements[statements["doc_id"].isin(keep)],
                           documents[documents["doc_id"].isin(keep)])
            carried.update(keep)
    rest = [doc_id for doc_id in reused if doc_id not in carried]
    if rest and previous.statements is not None and previous.documents is not None:
        for batch in batches_of(rest):
            write_part(parts_folder, next_part, previous.statements[previous.statements["doc_id"].isin(batch)],
                       previous.documents[previous.documents["doc_id"].isin(batch)])
            carried.update(batch)
            next_part += 1
    return carried & wanted, next_part


def _previous_frames(previous: PreviousRun, reused: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    statements, documents = previous.statements, previous.documents
    if statements is None or documents is None:   # a previous run known by its parts only
        statements, documents = (read_dataset(previous.parts, dataset) for dataset in ("statements", "documents"))
    return (conform_statements(statements[statements["doc_id"].isin(reused)]),
            conform_documents(documents[documents["doc_id"].isin(reused)]))


def extract_corpus(folder_or_paths: str | Path | list, sources_csv: Path | None = DEFAULT_SOURCES_CSV,
                   max_bytes: int = DEFAULT_MAX_BYTES, actors_csv: Path = DEFAULT_GAZETTEER,
                   with_events: bool = True, max_statements: int = DEFAULT_MAX_STATEMENTS, *,
                   scheduler: Scheduler = Scheduler(), progress: ProgressCallback | None = None,
                   previous: PreviousRun | None = None, parts_folder: Path | None = None,
                   read_frames: bool = True, keep_event_memo: bool = False) -> Extraction:
    """Extract every article of a folder (or list of files) into statements, documents and events frames.

    `with_events=False` skips the event stage (`extract.events.build_events`); events are then empty.
    `scheduler` says where the per-document work runs (`extract.cluster`: the plain loop by default, local
    processes, or a Dask cluster); `progress(done, total, file_name)` is called as documents are extracted;
    with `previous` (the frames or parts and the inputs manifest of an earlier run), documents whose file,
    sources.csv row and folder date are unchanged are taken from it instead of being extracted again
    (`extract.manifest`). With `parts_folder` (storage every worker reaches), each batch writes its statements and
    documents there as a part (`extract.parts`) instead of sending them back, unchanged parts of `previous` are
    linked, and the frames are read back from the parts (`read_frames=False`: not read; frames empty, no events).
    `keep_event_memo=True` runs the event stage with `extract.event_memo` (reusing `previous.event_memo`) and returns
    the memo for the next run in `Extraction.event_memo`.

    Raises `extract.actors.GazetteerError` (naming file and line) when actors_csv is not valid, and
    `extract.cluster.SchedulerError` when the Dask scheduler cannot be reached.
    """
    started = time.perf_counter()
    prepare_local_processes(scheduler, __name__)   # their server imports the extractor while the inputs are listed
    load_gazetteer(actors_csv)   # a bad gazetteer is reported before any work is sent anywhere
    settings = ExtractionSettings(Path(actors_csv), max_bytes, max_statements, str(parts_folder or ""))
    sources = read_sources_csv(sources_csv)
    warnings = list(sources.problems)
    entries = list_inputs(folder_or_paths)
    if not entries:
        warnings.append("no input files")
    warnings.extend(hidden_entries_warning([entry.path for entry in entries if is_hidden_entry_problem(entry.problem)]))
    known_sources = sources.for_doc_ids([entry.doc_id for entry in entries])
    tasks = [DocumentTask(entry, known_sources[entry.doc_id], entry_hint(entry, known_sources[entry.doc_id]))
             for entry in entries]
    order = {task.entry.doc_id: position for position, task in enumerate(tasks)}
    fingerprint = settings.fingerprint()
    plan = plan_incremental([(task.entry, task.hint) for task in tasks], previous, fingerprint)
    to_extract, reused_states, first_part = plan.to_extract, plan.reused, 0
    if parts_folder is not None and previous is not None and reused_states:
        carried, first_part = _carry_over_parts(previous, [state.doc_id for state in reused_states], parts_folder)
        to_extract = sorted([*to_extract, *(order[state.doc_id] for state in reused_states
                                             if state.doc_id not in carried)])  # in no previous part: extracted
        reused_states = [state for state in reused_states if state.doc_id in carried]
    batches = [DocumentBatch(first_part + number, tuple(batch))
               for number, batch in enumerate(batches_of([tasks[position] for position in to_extract]))]
    results = run_batches(extract_batch, batches, (settings,), scheduler, progress,
                          name_of=lambda task: Path(task.entry.path).name)
    reused = {state.doc_id for state in reused_states}
    if parts_folder is not None:
        statements, documents_frame = empty_statements(), empty_documents()
        if read_frames:
            statements = in_document_order([read_dataset(parts_folder, "statements")], order, empty_statements())
            documents_frame = in_document_order([read_dataset(parts_folder, "documents")], order, empty_documents())
    else:
        kept = _previous_frames(previous, reused) if previous is not None and reused else (empty_statements(),
                                                                                           empty_documents())
        statements = in_document_order([kept[0], *(result.statements for result in results)], order,
                                       empty_statements())
        documents_frame = in_document_order([kept[1], *(result.documents for result in results)], order,
                                            empty_documents())
    for result in results:
        warnings.extend(result.warnings)
    states = sorted([*reused_states, *(state for result in results for state in result.file_states)],
                    key=lambda state: order[state.doc_id])
    seconds = {"extraction": time.perf_counter() - started}
    events, event_memo = empty_events(), pd.DataFrame()
    if with_events and (read_frames or parts_folder is None):
        this = sys.modules[__name__]
        try:
            if keep_event_memo:   # the same events; a re-run's stage reuses what the last one computed per sentence
                events, event_memo = this.build_events_with_memo(statements, documents_frame,
                                                                 previous.event_memo if previous is not None else None)
            else:
                events = this.build_events(statements, documents_frame)
        except Exception as error:  # the event stage must never cost the user their statements
            warnings.append(f"the event stage failed ({type(error).__name__}: {error}); statements and documents "
                            "are kept, events are empty")
        seconds["events"] = time.perf_counter() - started - seconds["extraction"]
    return Extraction(statements, documents_frame, warnings, events, manifest_frame(states, fingerprint),
                      reused_documents=len(reused), seconds=seconds, parts=parts_folder, event_memo=event_memo)


def extract_statements(folder_or_paths: str | Path | list) -> pd.DataFrame:
    """The statements frame of a folder or list of article files (no event stage), e.g. `extract_statements("seeds")`."""
    return extract_corpus(folder_or_paths, with_events=False).statements


def extract_events(folder_or_paths: str | Path | list) -> pd.DataFrame:
    """Deprecated name of `extract_statements` (it returns statements, not events); kept for one release."""
    return extract_statements(folder_or_paths)
