"""Score a temporal tagger on TimeML corpora the TempEval-3 way, and measure its speed.

    python -m extract.evaluate --corpus ../shared/corpora/TimeBank --show-errors 10

The rules of the figures are in extract.evaluate.tempeval. Any extractor
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
from extract.evaluate.timeml import TimemlError, read_corpus

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
    parser.add_argument("--corpus", action="append", required=True, metavar="DIR", help="folder of .tml files (repeatable)")
    parser.add_argument("--types", action="append", metavar="TYPES",
                        help="view to report: ALL or comma-separated TIMEX3 types, e.g. DATE,TIME (repeatable; "
                             "default: ALL and DATE,TIME)")
    parser.add_argument("--show-errors", type=_whole_number(0), default=0, metavar="N", help="list N missed, spurious and wrong-value examples")
    parser.add_argument("--json", metavar="PATH", help="also write the full report as JSON to PATH ('-' = stdout instead of the table)")
    parser.add_argument("--limit", type=_whole_number(1), metavar="N", help="only the first N files of each corpus")
    parser.add_argument("--extractor", default=DEFAULT_EXTRACTOR, metavar="MODULE:FUNC",
                        help=f"f(text, reference_date) -> [(start, end, value[, type])] to score (default: {DEFAULT_EXTRACTOR})")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation CLI; return the exit status (0 ok, 2 bad request)."""
    options = build_parser().parse_args(argv)
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
