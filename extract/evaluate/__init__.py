"""Evaluation of the extraction against gold data.

Modules: `timeml` (read TimeML gold), `tempeval` (TempEval-3 scoring of a temporal tagger),
`report` (text tables), `cli` (`python -m extract.evaluate`).
The scoring API is re-exported here: `from extract.evaluate import evaluate_run, run_extractor`.
"""
from __future__ import annotations

from extract.evaluate.cli import build_parser, load_extractor, main
from extract.evaluate.report import format_report
from extract.evaluate.tempeval import (
    DEFAULT_EXTRACTOR, DEFAULT_VIEWS, DocumentErrors, EvaluationError, Extractor, ExtractorRun, SystemSpan,
    TimexCounts, describe_errors, evaluate_run, metrics_from_counts, normalise_value, overlap,
    precision_recall_f1, run_extractor, score_document, sum_counts, to_system_spans, view_name, view_types,
)
from extract.evaluate.timeml import GoldTimex, TimemlDocument, TimemlError, read_corpus, read_timeml

__all__ = [
    "DEFAULT_EXTRACTOR", "DEFAULT_VIEWS", "DocumentErrors", "EvaluationError", "Extractor", "ExtractorRun",
    "GoldTimex", "SystemSpan", "TimemlDocument", "TimemlError", "TimexCounts", "build_parser", "describe_errors",
    "evaluate_run", "format_report", "load_extractor", "main", "metrics_from_counts", "normalise_value", "overlap",
    "precision_recall_f1", "read_corpus", "read_timeml", "run_extractor", "score_document", "sum_counts",
    "to_system_spans", "view_name", "view_types",
]
