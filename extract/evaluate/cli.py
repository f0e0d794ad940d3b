"""Evaluate the extraction: the temporal tagger on TimeML (TempEval-3), key-event timelines on Timeline17.

    python -m extract.evaluate --corpus ../shared/corpora/TimeBank --show-errors 10
    python -m extract.evaluate --timelines ../shared/corpora/Timeline17-dev [--collections A,B] [--system baseline]

The rules of the tagger figures are in extract.evaluate.tempeval, those of the timeline figures in
extract.evaluate.timelines (news-tls protocol) and extract.evaluate.timeline_metrics. Any extractor
`f(text, reference_date) -> [(start, end, value[, type]), ...]` can be scored with
`--extractor MODULE:FUNC`; the default is the project's tagger, extract.timex:tag.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from extract.evaluate.report import format_report
from extract.evaluate.tempeval import (
    DEFAULT_EXTRACTOR, DEFAULT_VIEWS, EvaluationError, Extractor, evaluate_run, run_extractor, view_name,
)
from extract.evaluate.timeline17 import Timeline17Error, read_timeline17
from extract.evaluate.timeml import TimemlError, read_corpus

SYSTEMS = ("key", "baseline")

def load_extractor(spec: str) -> Extractor:
    """The callable named MODULE:FUNC (modules in the current folder importable); EvaluationError when it cannot be found.

    >>> load_extractor('json:dumps').__name__
    'dumps'
    """
    module_name, _, function_name = spec.partition(":")
    if not module_name or not function_name:
        raise EvaluationError(f"--extractor {spec!r}: expected MODULE:FUNC, e.g. {DEFAULT_EXTRACTOR}")
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        target = importlib.import_module(module_name)
    except Exception as error:  # noqa: BLE001 - any import failure is the user's to see, without a traceback
        raise EvaluationError(f"--extractor {spec}: cannot import {module_name} ({type(error).__name__}: {error})") from None
    for part in function_name.split("."):
        if not hasattr(target, part):
            raise EvaluationError(f"--extractor {spec}: {module_name} has no attribute {function_name}")
        target = getattr(target, part)
    if not callable(target):
        raise EvaluationError(f"--extractor {spec}: {function_name} is not callable")
    return target


def _whole_number(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            number = minimum - 1
        if number < minimum:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number >= {minimum}")
        return number
    return parse


def build_parser() -> argparse.ArgumentParser:
    """The command-line options of `python -m extract.evaluate`.

    >>> build_parser().parse_args(['--corpus', 'TimeBank']).corpus
    ['TimeBank']
    """
    parser = argparse.ArgumentParser(prog="python -m extract.evaluate", description=__doc__.split("\n")[0])
    modes = parser.add_mutually_exclusive_group(required=True)
    modes.add_argument("--corpus", action="append", metavar="DIR", help="folder of .tml files (repeatable)")
    modes.add_argument("--timelines", metavar="DIR",
                       help="a Timeline17 collection, or a folder of them: score key-event timelines (news-tls protocol)")
    parser.add_argument("--collections", metavar="NAMES", help="timeline mode: only these comma-separated collections")
    parser.add_argument("--system", choices=SYSTEMS, default="key",
                        help="timeline mode: 'key' (python -m extract.summarize) or 'baseline' (default: key)")
    parser.add_argument("--types", action="append", metavar="TYPES",
                        help="view to report: ALL or comma-separated TIMEX3 types, e.g. DATE,TIME (repeatable; "
                             "default: ALL and DATE,TIME)")
    parser.add_argument("--show-errors", type=_whole_number(0), default=0, metavar="N", help="list N missed, spurious and wrong-value examples")
    parser.add_argument("--json", metavar="PATH", help="also write the full report as JSON to PATH ('-' = stdout instead of the table)")
    parser.add_argument("--limit", type=_whole_number(1), metavar="N", help="only the first N files of each corpus")
    parser.add_argument("--extractor", default=DEFAULT_EXTRACTOR, metavar="MODULE:FUNC",
                        help=f"f(text, reference_date) -> [(start, end, value[, type])] to score (default: {DEFAULT_EXTRACTOR})")
    return parser


def _write_json(blob: str, destination: str) -> bool:
    if destination == "-":
        print(blob)
        return True
    try:
        Path(destination).write_text(blob + "\n", encoding="utf-8")
    except OSError as error:
        print(f"error: cannot write {destination}: {error.strerror or error}", file=sys.stderr)
        return False
    return True


def evaluate_timelines(options: argparse.Namespace) -> int:
    """The timeline mode: run the news-tls protocol on a Timeline17 folder and print (or write) the scores."""
    from extract.evaluate.timelines import format_timeline_report, report_as_json, run_protocol

    names = [name.strip() for name in options.collections.split(",") if name.strip()] if options.collections else None
    try:
        collections, warnings = read_timeline17(options.timelines, names)
    except Timeline17Error as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    report = run_protocol(collections, options.system)
    report.warnings[:0] = warnings
    if not report.results:
        print(f"error: {options.timelines}: no readable reference timeline", file=sys.stderr)
        return 2
    if options.json != "-":
        print(format_timeline_report(report, Path(options.timelines).resolve().name))
    if options.json:
        return 0 if _write_json(json.dumps(report_as_json(report), indent=1, ensure_ascii=False), options.json) else 2
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation CLI; return the exit status (0 ok, 2 bad request)."""
    options = build_parser().parse_args(argv)
    if options.timelines:
        return evaluate_timelines(options)
    try:
        views = [view_name(view) for view in options.types] if options.types else list(DEFAULT_VIEWS)
        extractor = load_extractor(options.extractor)
        reports = {}
        for corpus in options.corpus:
            documents, skipped = read_corpus(corpus, options.limit)
            for warning in skipped:
                print(f"warning: {warning}", file=sys.stderr)
            run = run_extractor(documents, extractor)
            name = Path(corpus).resolve().name
            report = evaluate_run(documents, run, views, options.show_errors)
            report["skipped_files"] = skipped
            reports[name if name not in reports else corpus] = report
            if options.json != "-":
                print(format_report(f"{name} / {options.extractor}", report))
    except (EvaluationError, TimemlError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if options.json:
        blob = json.dumps({"extractor": options.extractor, "corpora": reports}, indent=1)
        if options.json == "-":
            print(blob)
        else:
            try:
                Path(options.json).write_text(blob + "\n", encoding="utf-8")
            except OSError as error:
                print(f"error: cannot write {options.json}: {error.strerror or error}", file=sys.stderr)
                return 2
    return 0
