"""Command line: `python -m extract seeds --out data/statements.parquet` (or `.csv`).

Writes the statements frame to --out, the events frame (one row per happening, see
`extract.events`) to `events.parquet` (or `events.csv`) beside it, and the documents frame (every
input file, with its text and any problem) to `documents.parquet` beside it, as one consistent set
(a reader sees the previous run's files or this run's, never a mix; see `extract.output_set`), then
prints a summary. Exit code 1 only when no input file could be read at all; 2 for usage errors.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

from extract.actors import DEFAULT_GAZETTEER, GazetteerError
from extract.documents import DEFAULT_MAX_BYTES
from extract.output_set import write_output_set
from extract.pipeline import DEFAULT_MAX_STATEMENTS, Extraction, extract_corpus
from extract.sources import DEFAULT_SOURCES_CSV

OUTPUT_SUFFIXES = (".parquet", ".csv")
DEFAULT_STATEMENTS_PATH = Path("data/statements.parquet")
EVENTS_STEM = "events"
DOCUMENTS_FILE_NAME = "documents.parquet"


def output_paths(out: Path) -> dict[str, Path]:
    """Where each frame goes, given the statements file `out`.

    >>> {name: str(path) for name, path in output_paths(Path("data/statements.csv")).items()}
    {'statements': 'data/statements.csv', 'events': 'data/events.csv', 'documents': 'data/documents.parquet'}
    """
    return {"statements": out, "events": out.with_name(EVENTS_STEM + out.suffix),
            "documents": out.with_name(DOCUMENTS_FILE_NAME)}


def output_frames(extraction: Extraction, out: Path) -> dict[str, pd.DataFrame]:
    """The files of one run, file name -> frame (a new output is one more entry here)."""
    frames = {"statements": extraction.statements, "events": extraction.events, "documents": extraction.documents}
    return {path.name: frames[name] for name, path in output_paths(out).items()}  # .csv: extract.csv_form


def write_outputs(extraction: Extraction, out: Path) -> dict[str, Path]:
    """Write the run's files beside `out` as ONE consistent set (`extract.output_set`); return where each is."""
    write_output_set(out.parent, output_frames(extraction, out))
    return output_paths(out)


def summary_lines(extraction: Extraction, seconds: float) -> list[str]:
    """The human summary: documents, statements, per-document counts by kind, warnings."""
    statements, documents = extraction.statements, extraction.documents
    readable = int((documents["status"] == "ok").sum())
    failed = int((documents["status"] == "failed").sum())
    events = extraction.events
    lines = [f"{len(documents)} documents ({readable} read, {len(documents) - readable - failed} unreadable"
             + (f", {failed} failed in extraction" if failed else "") + f"), {len(statements)} statements, "
             f"{int((events['kind'] == 'event').sum())} events ({int((events['kind'] == 'episode').sum())} episodes) "
             f"in {seconds:.2f} s"]
    counts = statements.groupby(["doc_id", "kind"]).size().unstack(fill_value=0) if len(statements) else None
    for row in documents.itertuples():
        if row.status != "ok":
            lines.append(f"  {row.doc_id}: {'extraction failed' if row.status == 'failed' else 'not read'}")
            continue
        kinds = counts.loc[row.doc_id].to_dict() if counts is not None and row.doc_id in counts.index else {}
        detail = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()) if n)
        published = row.published.date().isoformat() if pd.notna(row.published) else "none"
        lines.append(f"  {row.doc_id}: {sum(kinds.values())} statements ({detail or 'none'}); "
                     f"reference date {published}")
    if extraction.warnings:
        lines.append(f"{len(extraction.warnings)} warning(s):")
        lines.extend(f"  warning: {warning}" for warning in extraction.warnings)
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
    args = parser.parse_args(argv)
    if args.sources != DEFAULT_SOURCES_CSV and not args.sources.is_file():
        what = "does not exist" if not args.sources.exists() else "is not a regular file"
        print(f"error: the --sources file {args.sources} {what}", file=sys.stderr)
        return 2
    if args.max_statements < 1:
        parser.error("--max-statements must be at least 1")
    if args.out.suffix not in OUTPUT_SUFFIXES:
        parser.error(f"--out must end in {' or '.join(OUTPUT_SUFFIXES)}, not {args.out.suffix or '(none)'}")
    if args.out.stem in (EVENTS_STEM, Path(DOCUMENTS_FILE_NAME).stem):
        parser.error(f"--out names the statements file; {args.out.name} is where the {args.out.stem} are written "
                     f"beside it: use e.g. --out {args.out.with_name('statements' + args.out.suffix)}")
    started = time.perf_counter()
    try:
        extraction = extract_corpus(args.inputs if len(args.inputs) > 1 else args.inputs[0],
                                    sources_csv=args.sources, max_bytes=int(args.max_mb * 1e6),
                                    actors_csv=args.actors, max_statements=args.max_statements)
    except GazetteerError as error:
        print(f"error: the actors gazetteer is not valid: {error}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    if not (extraction.documents["status"] == "ok").any():
        print("\n".join(summary_lines(extraction, seconds)), file=sys.stderr)
        print("error: no input file could be read; nothing written", file=sys.stderr)
        return 1
    paths = write_outputs(extraction, args.out)
    print("\n".join(summary_lines(extraction, seconds)))
    print(f"wrote {paths['statements']}, {paths['events']} and {paths['documents']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
