"""The chain of stages: documents -> reference date -> sentences -> temporal expressions ->
actors -> kinds -> one statements frame -> events (schemas in `extract.schema`).

>>> extraction = extract_corpus([])
>>> extraction.statements.empty, extraction.warnings
(True, ['no input files'])
"""
from __future__ import annotations

import datetime as dt
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from extract.actors import DEFAULT_GAZETTEER, Gazetteer, actors_and_countries, load_gazetteer
from extract.documents import DEFAULT_MAX_BYTES, Document, read_documents
from extract.kinds import classify_sentence, reference_line_spans
from extract.events import build_events
from extract.schema import (DOCUMENT_COLUMNS, EARLIEST_DATE, LATEST_DATE, STATEMENT_COLUMNS, conform_documents,
                            conform_statements, empty_events)
from extract.sentences import Sentence, sentence_index_at, split_sentences
from extract.sources import DEFAULT_SOURCES_CSV, Source, find_dateline, infer_reference_date, read_sources_csv
from extract.timex import Timex, tag

TIMELINE_TYPES = ("DATE", "TIME")   # durations and sets are tagged but are not timeline points
_CALENDAR_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?")
TITLE_MAX_CHARS = 200


@dataclass
class Extraction:
    """What one run produced: the statements, one row per input file, every warning, and the events."""
    statements: pd.DataFrame
    documents: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    events: pd.DataFrame = field(default_factory=empty_events)


def _unique_doc_ids(documents: list[Document]) -> list[Document]:
    seen: set[str] = set()
    unique = []
    for document in documents:
        doc_id = document.doc_id
        if doc_id in seen:  # a.txt and a.md: keep both, the second under its file name
            doc_id = Path(document.path).name
        seen.add(doc_id)
        unique.append(Document(doc_id, document.path, document.text, document.problem, document.readable))
    return unique


def _inferred_title(text: str, doc_id: str, skip: tuple[int, int] | None) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not (skip and stripped in text[skip[0]:skip[1]]):
            return stripped if len(stripped) <= TITLE_MAX_CHARS else stripped[:TITLE_MAX_CHARS - 1] + "…"
    return doc_id


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
                   kind: str, actors: list[str], countries: list[str]) -> dict:
    return {
        "statement_id": f"{document.doc_id}:{timex.start}-{timex.end}",
        "doc_id": document.doc_id, "title": source.title, "outlet": source.outlet,
        "published": _to_timestamp(source.published),
        "sentence": sentence.text, "sentence_start": sentence.start, "sentence_end": sentence.end,
        "date_text": timex.text, "date_start_char": timex.start, "date_end_char": timex.end,
        "value": timex.value, "grain": timex.grain,
        "start": _to_timestamp(timex.interval_start), "end": _to_timestamp(timex.interval_end),
        "reference_date_basis": source.reference_date_basis,
        "actors": actors, "countries": countries, "kind": kind, "rule": timex.rule,
    }


def _sentence_for(sentences: list[Sentence], text: str, timex: Timex) -> Sentence:
    index = sentence_index_at(sentences, timex.start)
    if index is not None:
        return sentences[index]
    line_start = text.rfind("\n", 0, timex.start) + 1
    line_end = text.find("\n", timex.end)
    line_end = len(text) if line_end < 0 else line_end
    return Sentence(line_start, line_end, text[line_start:line_end])


def _resolve_source(document: Document, known: Source | None, warnings: list[str]) -> Source:
    if known is not None and known.published is not None:
        return Source(document.doc_id, known.title or _inferred_title(document.text, document.doc_id, None),
                      known.outlet, known.author, known.published, known.url,
                      known.reference_date_basis or "sources.csv")
    undated_timexes = tag(document.text, None)
    reference_date, basis = infer_reference_date(document.text, undated_timexes)
    if reference_date is None:
        warnings.append(f"{document.path}: no reference date (not in sources.csv, no dateline, no full date "
                        "in the text); relative dates are kept but left unresolved")
    dateline = find_dateline(document.text, undated_timexes)
    known = known or Source(document.doc_id)
    return Source(document.doc_id, known.title or _inferred_title(document.text, document.doc_id, dateline),
                  known.outlet, known.author, reference_date, known.url, basis)


def _document_row(document: Document, source: Source | None, status: str | None = None) -> dict:
    source = source or Source(document.doc_id)
    return {"doc_id": document.doc_id, "path": document.path, "title": source.title or document.doc_id,
            "outlet": source.outlet, "author": source.author, "published": _to_timestamp(source.published),
            "url": source.url, "reference_date_basis": source.reference_date_basis, "text": document.text,
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
    """True for a concrete (numeric) value that got no interval: a year the calendar (1-9999) cannot hold.

    >>> from extract.timex import tag
    >>> [is_off_calendar(t) for t in tag("the 1st century and the 14th century", None)]
    [True, False]
    """
    return timex.interval_start is None and timex.value[:1].isdigit() and not is_impossible_date(timex.value)


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


def extract_document(document: Document, source: Source, gazetteer: Gazetteer | None = None,
                     warnings: list[str] | None = None) -> list[dict]:
    """Statement rows of one readable document, given its resolved source; problems go to `warnings`."""
    warnings = [] if warnings is None else warnings
    with stage("temporal expressions"):
        timexes = tag(document.text, source.published)
        warnings.extend(calendar_warnings(document, timexes))
    with stage("sentences"):
        sentences = split_sentences(document.text)
    with stage("kinds"):
        dateline = find_dateline(document.text, timexes)
        references = reference_line_spans(document.text)
    rows, actors_by_sentence = [], {}
    for timex in timexes:
        if timex.type not in TIMELINE_TYPES:
            continue
        sentence = _sentence_for(sentences, document.text, timex)
        with stage("kinds"):
            kind = classify_sentence(sentence.start, sentence.end, references, dateline)
        if sentence.start not in actors_by_sentence:
            with stage("actors"):
                actors_by_sentence[sentence.start] = actors_and_countries(sentence.text, gazetteer)
        with stage("statements"):
            rows.append(_statement_row(document, source, sentence, timex, kind, *actors_by_sentence[sentence.start]))
    return rows


def extract_corpus(folder_or_paths: str | Path | list, sources_csv: Path | None = DEFAULT_SOURCES_CSV,
                   max_bytes: int = DEFAULT_MAX_BYTES, actors_csv: Path = DEFAULT_GAZETTEER,
                   with_events: bool = True) -> Extraction:
    """Extract every article of a folder (or list of files) into statements, documents and events frames.

    `with_events=False` skips the event stage (`extract.events.build_events`); events are then empty.

    Raises `extract.actors.GazetteerError` (naming file and line) when actors_csv is not valid.
    """
    gazetteer = load_gazetteer(actors_csv)
    sources = read_sources_csv(sources_csv)
    warnings = list(sources.problems)
    documents = _unique_doc_ids(read_documents(folder_or_paths, max_bytes))
    if not documents:
        warnings.append("no input files")
    statement_rows, document_rows = [], []
    for document in documents:
        if document.problem:
            warnings.append(f"{document.path}: {document.problem}")
        if not document.readable:
            document_rows.append(_document_row(document, sources.by_doc_id.get(document.doc_id)))
            continue
        source, document_warnings = None, []
        try:
            with stage("reference date"):
                source = _resolve_source(document, sources.by_doc_id.get(document.doc_id), document_warnings)
            document_statements = extract_document(document, source, gazetteer, document_warnings)
        except StageFailure as failure:
            problem = (f"extraction failed in stage '{failure.stage}' ({type(failure.error).__name__}: "
                       f"{failure.error}); the article is kept without statements, the other articles are extracted")
            warnings.extend(document_warnings + [f"{document.path}: {problem}"])
            failed = Document(document.doc_id, document.path, document.text,
                              "; ".join(filter(None, [document.problem, problem])), document.readable)
            document_rows.append(_document_row(failed, source or sources.by_doc_id.get(document.doc_id), "failed"))
            continue
        warnings.extend(document_warnings)
        statement_rows.extend(document_statements)
        document_rows.append(_document_row(document, source))
    statements = conform_statements(pd.DataFrame(statement_rows, columns=list(STATEMENT_COLUMNS)))
    documents_frame = conform_documents(pd.DataFrame(document_rows, columns=list(DOCUMENT_COLUMNS)))
    events = empty_events()
    if with_events:
        try:
            events = build_events(statements, documents_frame)
        except Exception as error:  # the event stage must never cost the user their statements
            warnings.append(f"the event stage failed ({type(error).__name__}: {error}); statements and documents "
                            "are kept, events are empty")
    return Extraction(statements, documents_frame, warnings, events)


def extract_statements(folder_or_paths: str | Path | list) -> pd.DataFrame:
    """The statements frame of a folder or list of article files (no event stage). Example: `extract_statements("seeds")`."""
    return extract_corpus(folder_or_paths, with_events=False).statements


def extract_events(folder_or_paths: str | Path | list) -> pd.DataFrame:
    """Deprecated name of `extract_statements` (it returns statements, not events); kept for one release."""
    return extract_statements(folder_or_paths)
