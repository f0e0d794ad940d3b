"""Command line: `python -m extract seeds --out data/statements.parquet` (or `.csv`).

Writes the statements frame to --out, the events frame (one row per happening, see
`extract.events`) to `events.parquet` (or `events.csv`) beside it, and the documents frame (every
input file, with its text and any problem) to `documents.parquet` beside it, as one consistent set
(a reader sees the previous run's files or this run's, never a mix; see `extract.output_set`), then
prints a summary. The same set holds the statements and documents as Parquet datasets in parts (one
part per batch of documents) and the inputs manifest (`inputs.parquet`): the next run extracts only
new and changed files (`--full` extracts everything). The per-document work runs in a plain loop,
on local worker processes (`--workers`, by default one per core for a big corpus) or on a Dask
cluster (`--scheduler tcp://host:port`). Exit code 1 only when no input file could be read at all;
2 for usage errors (and an unreachable scheduler).
"""
from __future__ import annotations

import argparse
from collections.abc import Callable
import os
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from extract.actors import DEFAULT_GAZETTEER, GazetteerError
from extract.cluster import LOCAL_PROCESSES_FROM, ProgressCallback, Scheduler, SchedulerError
from extract.documents import DEFAULT_MAX_BYTES
from extract.event_memo import MEMO_FILE_NAME
from extract.manifest import PreviousRun
from extract.output_set import (OutputSetError, current_output_set, new_generation, read_output_set,
                                 write_output_set)
from extract.parts import DATASETS
from extract import pipeline
from extract.pipeline import DEFAULT_MAX_STATEMENTS, Extraction, extract_corpus
from extract.sources import DEFAULT_SOURCES_CSV

OUTPUT_SUFFIXES = (".parquet", ".csv")
DEFAULT_STATEMENTS_PATH = Path("data/statements.parquet")
EVENTS_STEM = "events"
DOCUMENTS_FILE_NAME = "documents.parquet"
INPUTS_FILE_NAME = "inputs.parquet"          # the inputs manifest (extract.manifest)
SUMMARY_DOCUMENT_LINES = 200                 # up to this many documents the summary has a line for each
SUMMARY_WARNINGS = 20                        # above it, the first this many warnings are printed
SUMMARY_NAMES = 10                           # and the first this many names of each problem


def output_paths(out: Path) -> dict[str, Path]:
    """Where each frame goes, given the statements file `out`.

    >>> {name: str(path) for name, path in output_paths(Path("data/statements.csv")).items()}
    {'statements': 'data/statements.csv', 'events': 'data/events.csv', 'documents': 'data/documents.parquet'}
    """
    return {"statements": out, "events": out.with_name(EVENTS_STEM + out.suffix),
            "documents": out.with_name(DOCUMENTS_FILE_NAME)}


def output_frames(extraction: Extraction, out: Path) -> dict[str, pd.DataFrame]:
    """The files of one run, file name -> frame (a new output is one more entry here); the inputs manifest only
    when the run made one (a set without it makes the next run extract everything)."""
    frames = {"statements": extraction.statements, "events": extraction.events, "documents": extraction.documents}
    files = {path.name: frames[name] for name, path in output_paths(out).items()}  # .csv: extract.csv_form
    if len(extraction.manifest):
        files[INPUTS_FILE_NAME] = extraction.manifest
    if len(extraction.event_memo) and out.suffix == ".parquet":
        files[MEMO_FILE_NAME] = extraction.event_memo
    return files


def parts_by_document(frame: pd.DataFrame, doc_ids: list[str], size: int) -> list[pd.DataFrame]:
    """`frame` cut into the parts of consecutive batches of `size` documents of `doc_ids` (rows of other doc ids: last).

    >>> frame = pd.DataFrame({"doc_id": ["a", "c", "b", "a"], "n": [1, 2, 3, 4]})
    >>> [part["n"].tolist() for part in parts_by_document(frame, ["a", "b", "c"], 2)]
    [[1, 3, 4], [2]]
    """
    count = max(1, -(-len(doc_ids) // size))
    part_of = {doc_id: position // size for position, doc_id in enumerate(doc_ids)}
    parts = frame["doc_id"].map(part_of).fillna(count - 1).astype("int64").to_numpy()
    order = np.argsort(parts, kind="stable")
    bounds = np.searchsorted(parts[order], np.arange(count + 1))
    return [frame.iloc[order[bounds[index]:bounds[index + 1]]].reset_index(drop=True) for index in range(count)]


def output_datasets(extraction: Extraction) -> dict[str, list[pd.DataFrame]]:
    """The statements and documents as parts of one batch of documents each (`pipeline.BATCH_DOCUMENTS`)."""
    doc_ids = extraction.documents["doc_id"].tolist()
    frames = {"statements": extraction.statements, "documents": extraction.documents}
    return {name: parts_by_document(frames[name], doc_ids, pipeline.BATCH_DOCUMENTS) for name in DATASETS}


def write_outputs(extraction: Extraction, out: Path, generation: Path | None = None) -> dict[str, Path]:
    """Write the run's files beside `out` as ONE consistent set (`extract.output_set`); return where each is.

    `generation`: the set's folder from `extract.output_set.new_generation` into which the extraction already wrote
    its parts (`extract_corpus(..., parts_folder=generation)`); without it the parts are cut from the frames here."""
    if generation is not None and extraction.parts == generation:
        write_output_set(out.parent, output_frames(extraction, out), generation=generation, written_datasets=DATASETS)
    else:
        write_output_set(out.parent, output_frames(extraction, out), output_datasets(extraction), generation=generation)
    return output_paths(out)


def previous_run(out: Path) -> PreviousRun | None:
    """What the run that wrote the set `out` belongs to left to build on: its inputs manifest and the folder of its
    parts (or, for a set without parts, its statements and documents frames); None when there is nothing to build
    on (no set, a set without a manifest, CSV statements, or a set that cannot be read)."""
    if out.suffix != ".parquet":
        return None
    try:
        current = current_output_set(out.parent)
        if current is None or INPUTS_FILE_NAME not in current.paths:
            return None
        parts = [current.datasets.get(name) for name in DATASETS]
        if all(folder is not None and folder.is_dir() for folder in parts) and out.name in current.paths:
            output = read_output_set(out.parent, [INPUTS_FILE_NAME, MEMO_FILE_NAME])
            if INPUTS_FILE_NAME in output.frames and output.generation == current.generation:
                return PreviousRun(None, None, output.frames[INPUTS_FILE_NAME], parts=parts[0].parent,
                                   event_memo=output.frames.get(MEMO_FILE_NAME))
            return None
        names = [out.name, DOCUMENTS_FILE_NAME, INPUTS_FILE_NAME]
        if any(name not in current.paths for name in names):
            return None
        frames = read_output_set(out.parent, names).frames
    except (OutputSetError, OSError, ValueError):
        return None
    if any(name not in frames for name in names):
        return None
    return PreviousRun(frames[out.name], frames[DOCUMENTS_FILE_NAME], frames[INPUTS_FILE_NAME])


def discard_generation(generation: Path | None) -> None:
    """Remove a generation folder that will not become the current set (a run that writes nothing)."""
    if generation is not None:
        shutil.rmtree(generation, ignore_errors=True)


def terminal_progress(stream=None) -> tuple[ProgressCallback | None, Callable[[], object]]:
    """A progress bar on the terminal (tqdm) as a progress callback, and the function that closes it; no bar when
    `stream` (default standard error) is not a terminal or when running under CI."""
    stream = stream or sys.stderr
    if os.environ.get("CI") or not stream.isatty():
        return None, lambda: None
    from tqdm import tqdm

    bar = None

    def advance(done: int, total: int, name: str) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit="doc", desc="extracting", file=stream, dynamic_ncols=True)
        bar.update(done - bar.n)

    return advance, lambda: bar is not None and bar.close()


def _stage_seconds(extraction: Extraction) -> str:
    stages = [f"{stage} {seconds:.2f} s" for stage, seconds in extraction.seconds.items()]
    return f" ({', '.join(stages)})" if stages else ""


def _document_lines(extraction: Extraction) -> list[str]:
    statements, documents = extraction.statements, extraction.documents
    counts = statements.groupby(["doc_id", "kind"]).size().unstack(fill_value=0) if len(statements) else None
    lines = []
    for row in documents.itertuples():
        if row.status != "ok":
            lines.append(f"  {row.doc_id}: {'extraction failed' if row.status == 'failed' else 'not read'}")
            continue
        kinds = counts.loc[row.doc_id].to_dict() if counts is not None and row.doc_id in counts.index else {}
        detail = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()) if n)
        published = row.published.date().isoformat() if pd.notna(row.published) else "none"
        lines.append(f"  {row.doc_id}: {sum(kinds.values())} statements ({detail or 'none'}); "
                     f"reference date {published}")
    return lines


def _corpus_lines(extraction: Extraction, documents_file: str) -> list[str]:
    """A big corpus in a few lines: statements by kind, documents by status, the first problem documents."""
    statements, documents = extraction.statements, extraction.documents
    kinds = statements["kind"].value_counts().sort_index() if len(statements) else pd.Series(dtype="int64")
    dated = int(documents.loc[documents["status"] == "ok", "published"].notna().sum())
    lines = [f"  statements by kind: {', '.join(f'{n} {kind}' for kind, n in kinds.items()) or 'none'}; "
             f"{dated} of {int((documents['status'] == 'ok').sum())} read documents have a reference date"]
    problems = documents[documents["status"] != "ok"]
    for status, group in problems.groupby("status", sort=True):
        shown = ", ".join(group["doc_id"].head(SUMMARY_NAMES))
        more = f" and {len(group) - SUMMARY_NAMES} more" if len(group) > SUMMARY_NAMES else ""
        what = "extraction failed" if status == "failed" else "not read"
        lines.append(f"  {len(group)} {what}: {shown}{more}")
    if documents_file:
        lines.append(f"  one line per document: the documents file {documents_file} (columns status and problem)")
    return lines


def summary_lines(extraction: Extraction, seconds: float, documents_file: str = "") -> list[str]:
    """The human summary: documents, statements, per-document counts by kind (for a big corpus: totals and the first
    names of each problem; the written `documents_file` has them all), warnings (big corpus: the first SUMMARY_WARNINGS)."""
    statements, documents = extraction.statements, extraction.documents
    readable = int((documents["status"] == "ok").sum())
    failed = int((documents["status"] == "failed").sum())
    events = extraction.events
    lines = [f"{len(documents)} documents ({readable} read, {len(documents) - readable - failed} unreadable"
             + (f", {failed} failed in extraction" if failed else "") + f"), {len(statements)} statements, "
             f"{int((events['kind'] == 'event').sum())} events ({int((events['kind'] == 'episode').sum())} episodes) "
             f"in {seconds:.2f} s" + _stage_seconds(extraction)]
    if extraction.reused_documents:
        lines.append(f"  {extraction.reused_documents} document(s) unchanged since the previous run were not extracted "
                     f"again ({len(documents) - extraction.reused_documents} extracted; --full extracts everything)")
    big = len(documents) > SUMMARY_DOCUMENT_LINES
    lines.extend(_corpus_lines(extraction, documents_file) if big else _document_lines(extraction))
    warnings = extraction.warnings
    if warnings:
        lines.append(f"{len(warnings)} warning(s):")
        lines.extend(f"  warning: {warning}" for warning in (warnings[:SUMMARY_WARNINGS] if big else warnings))
        if big and len(warnings) > SUMMARY_WARNINGS:
            where = f"; each file's problems are in the column problem of {documents_file}" if documents_file else ""
            lines.append(f"  ... and {len(warnings) - SUMMARY_WARNINGS} more{where}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract", description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="a folder of .txt/.md/.html articles, or files")
    parser.add_argument("--out", type=Path, default=DEFAULT_STATEMENTS_PATH,
                        help="statements file, .parquet or .csv (default: data/statements.parquet); "
                             "events.parquet and documents.parquet are written beside it")
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES_CSV,
                        help="sources.csv describing the articles (default: data/sources.csv)")
    parser.add_argument("--actors", type=Path, default=DEFAULT_GAZETTEER,
                        help="actors gazetteer (default: data/actors.csv)")
    parser.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1e6,
                        help="skip files larger than this many MB (default: %(default).0f)")
    parser.add_argument("--max-statements", type=int, default=DEFAULT_MAX_STATEMENTS,
                        help="keep at most this many statements per document (default: %(default)d)")
    parser.add_argument("--full", action="store_true",
                        help="extract every file again (default: only files new or changed since the previous run)")
    parser.add_argument("--workers", type=int, default=None,
                        help="local worker processes (default: one per core for a corpus of "
                             f"{LOCAL_PROCESSES_FROM}+ files, else none; 1 = a plain loop in this process)")
    parser.add_argument("--scheduler", default="",
                        help="address of a dask.distributed scheduler (tcp://host:port) to run the extraction on; "
                             "its workers must see the input files and this code at the same paths")
    args = parser.parse_args(argv)
    if args.sources != DEFAULT_SOURCES_CSV and not args.sources.is_file():
        what = "does not exist" if not args.sources.exists() else "is not a regular file"
        print(f"error: the --sources file {args.sources} {what}", file=sys.stderr)
        return 2
    if args.max_statements < 1:
        parser.error("--max-statements must be at least 1")
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.scheduler and args.workers is not None:
        parser.error("--workers is for local processes; a --scheduler's cluster has its own workers")
    if args.out.suffix not in OUTPUT_SUFFIXES:
        parser.error(f"--out must end in {' or '.join(OUTPUT_SUFFIXES)}, not {args.out.suffix or '(none)'}")
    if args.out.stem in (EVENTS_STEM, Path(DOCUMENTS_FILE_NAME).stem):
        parser.error(f"--out names the statements file; {args.out.name} is where the {args.out.stem} are written "
                     f"beside it: use e.g. --out {args.out.with_name('statements' + args.out.suffix)}")
    started = time.perf_counter()
    progress, close_progress = terminal_progress()
    previous = None if args.full else previous_run(args.out)
    try:
        generation = new_generation(args.out.parent) if args.out.suffix == ".parquet" else None   # parts written there
    except OSError as error:
        close_progress()
        print(f"error: --out {args.out}: cannot write in {args.out.parent} ({error.strerror or error})", file=sys.stderr)
        return 2
    try:
        extraction = extract_corpus(args.inputs if len(args.inputs) > 1 else args.inputs[0],
                                    sources_csv=args.sources, max_bytes=int(args.max_mb * 1e6),
                                    actors_csv=args.actors, max_statements=args.max_statements,
                                    scheduler=Scheduler(args.scheduler, args.workers), progress=progress,
                                    previous=previous, parts_folder=generation,
                                    keep_event_memo=generation is not None)
    except (GazetteerError, SchedulerError) as error:
        discard_generation(generation)
        what = "the actors gazetteer is not valid: " if isinstance(error, GazetteerError) else ""
        print(f"error: {what}{error}", file=sys.stderr)
        return 2
    except BaseException:
        discard_generation(generation)
        raise
    finally:
        close_progress()
    seconds = time.perf_counter() - started
    if not (extraction.documents["status"] == "ok").any():
        discard_generation(generation)
        print("\n".join(summary_lines(extraction, seconds)), file=sys.stderr)
        print("error: no input file could be read; nothing written", file=sys.stderr)
        return 1
    try:
        paths = write_outputs(extraction, args.out, generation)
    except (OSError, OutputSetError) as error:   # the previous run's set stays the current one
        discard_generation(generation)
        print(f"error: --out {args.out}: the results could not be written ({error}); the previous run's files are "
              "unchanged", file=sys.stderr)
        return 2
    print("\n".join(summary_lines(extraction, seconds, str(paths["documents"]))))
    print(f"wrote {paths['statements']}, {paths['events']} and {paths['documents']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
