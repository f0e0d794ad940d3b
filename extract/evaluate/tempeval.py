"""TempEval-3 scoring of a temporal tagger: run an extractor over TimeML documents and count.

Figures (micro-averaged over a corpus, for each view: ALL types, DATE+TIME only):
strict span P/R/F1 (offsets equal), relaxed span P/R/F1 (spans overlap), value accuracy
(over gold spans paired with their most-overlapping system span), value P/R/F1 (TP = pairs
with equal value), TempEval-3 value F1 (relaxed F1 x value accuracy) and type accuracy
(over pairs where the system gave a type). Values compare after strip() and upper().
In a restricted view a system span overlapping only out-of-view gold is ignored (neither
TP nor FP). Throughput times only the extractor calls, after one untimed warm-up call.
These are the rules of the reference scorer /work/shared/tools/timex_eval.py.

Any extractor `f(text, reference_date) -> [(start, end, value[, type]), ...]` (or objects
with start/end/value/type attributes, like extract.timex.Timex) can be scored.
"""
from __future__ import annotations

import datetime
import numbers
import time
from dataclasses import asdict, dataclass, field, fields
from typing import Callable, Iterable, Sequence

from extract.evaluate.timeml import TIMEX_TYPES, GoldTimex, TimemlDocument

DEFAULT_EXTRACTOR = "extract.timex:tag"
DEFAULT_VIEWS = ("ALL", "DATE,TIME")
WARM_UP_TEXT = "The meeting was on January 5, 2000."
WARM_UP_DATE = datetime.date(2000, 1, 1)

Extractor = Callable[[str, "datetime.date | None"], Iterable]


class EvaluationError(ValueError):
    """A user mistake in the evaluation request (bad corpus folder, extractor or view)."""


@dataclass(frozen=True)
class SystemSpan:
    """One span proposed by the extractor: offsets into the text (end exclusive), value and type (None when not given)."""

    start: int
    end: int
    value: str | None = None
    type: str | None = None


@dataclass(frozen=True)
class TimexCounts:
    """The counts every figure is computed from; counts of several documents add up with +."""

    gold: int = 0                    # in-view gold spans
    system: int = 0                  # system spans, not counting ignored ones
    strict_precision_hits: int = 0   # system spans equal to an in-view gold span
    strict_recall_hits: int = 0      # gold spans equal to a system span
    relaxed_precision_hits: int = 0  # system spans overlapping an in-view gold span
    relaxed_recall_hits: int = 0     # gold spans overlapped by a system span
    pairs: int = 0                   # gold spans paired with their most-overlapping system span
    value_matches: int = 0           # pairs whose values are equal
    typed_pairs: int = 0             # pairs where the system gave a type
    type_matches: int = 0            # typed pairs whose types are equal
    ignored: int = 0                 # system spans overlapping only out-of-view gold

    def __add__(self, other: TimexCounts) -> TimexCounts:
        return TimexCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


@dataclass
class DocumentErrors:
    """What went wrong in one document: missed gold, spurious system spans, (gold, system) pairs with a wrong value."""

    missed: list[GoldTimex] = field(default_factory=list)
    spurious: list[SystemSpan] = field(default_factory=list)
    wrong_value: list[tuple[GoldTimex, SystemSpan]] = field(default_factory=list)


@dataclass
class ExtractorRun:
    """The extractor's valid spans for each document, the time spent in its calls, and what had to be dropped."""

    spans: list[list[SystemSpan]]
    seconds: float
    invalid_spans: int = 0
    failures: list[str] = field(default_factory=list)


def view_types(view: str) -> frozenset[str] | None:
    """The TIMEX3 types a view keeps (None = all); raise EvaluationError for unknown types.

    >>> sorted(view_types('date,time')), view_types('ALL')
    (['DATE', 'TIME'], None)
    """
    names = {name.strip().upper() for name in view.split(",") if name.strip()}
    if names == {"ALL"}:
        return None
    unknown = sorted(names - set(TIMEX_TYPES))
    if unknown or not names:
        raise EvaluationError(f"--types {view!r}: unknown type {', '.join(unknown) or '(empty)'}; "
                              f"use ALL or a comma-separated list of {', '.join(TIMEX_TYPES)}")
    return frozenset(names)


def view_name(view: str) -> str:
    """The canonical name of a view.

    >>> view_name(' time,date ')
    'DATE,TIME'
    """
    types = view_types(view)
    return "ALL" if types is None else ",".join(name for name in TIMEX_TYPES if name in types)


def normalise_value(value: str | None) -> str:
    """A value as compared: stripped and upper-cased.

    >>> normalise_value(' present_ref ')
    'PRESENT_REF'
    """
    return (value or "").strip().upper()


def overlap(first: SystemSpan | GoldTimex, second: SystemSpan | GoldTimex) -> int:
    """Characters two spans share (<= 0 when disjoint).

    >>> overlap(SystemSpan(0, 5), SystemSpan(3, 9))
    2
    """
    return min(first.end, second.end) - max(first.start, second.start)


def score_document(gold: Sequence[GoldTimex], spans: Sequence[SystemSpan],
                   types: frozenset[str] | None = None) -> tuple[TimexCounts, DocumentErrors]:
    """Counts and errors for one document, keeping gold of `types` only (None = all).

    >>> counts, errors = score_document([GoldTimex(11, 21, 'DATE', '1998-01', 'last month')], [SystemSpan(11, 21, '1998-01')])
    >>> counts.strict_recall_hits, counts.value_matches, errors.missed
    (1, 1, [])
    """
    in_view = [timex for timex in gold if types is None or timex.type in types]
    out_of_view = [timex for timex in gold if types is not None and timex.type not in types]
    errors = DocumentErrors()
    kept: list[SystemSpan] = []
    ignored = strict_precision_hits = relaxed_precision_hits = 0
    for span in spans:
        hit = [timex for timex in in_view if overlap(span, timex) > 0]
        if not hit and any(overlap(span, timex) > 0 for timex in out_of_view):
            ignored += 1
            continue
        kept.append(span)
        relaxed_precision_hits += bool(hit)
        strict_precision_hits += any(timex.start == span.start and timex.end == span.end for timex in hit)
        if not hit:
            errors.spurious.append(span)
    strict_recall_hits = relaxed_recall_hits = value_matches = typed_pairs = type_matches = 0
    for timex in in_view:
        candidates = [span for span in kept if overlap(span, timex) > 0]
        if not candidates:
            errors.missed.append(timex)
            continue
        relaxed_recall_hits += 1
        strict_recall_hits += any(span.start == timex.start and span.end == timex.end for span in candidates)
        best = max(candidates, key=lambda span: overlap(span, timex))
        if normalise_value(best.value) == normalise_value(timex.value):
            value_matches += 1
        else:
            errors.wrong_value.append((timex, best))
        if best.type:
            typed_pairs += 1
            type_matches += normalise_value(best.type) == normalise_value(timex.type)
    counts = TimexCounts(len(in_view), len(kept), strict_precision_hits, strict_recall_hits, relaxed_precision_hits,
                         relaxed_recall_hits, len(in_view) - len(errors.missed), value_matches, typed_pairs,
                         type_matches, ignored)
    return counts, errors


def sum_counts(counts: Iterable[TimexCounts]) -> TimexCounts:
    """The counts of several documents added up.

    >>> sum_counts([TimexCounts(gold=2), TimexCounts(gold=1)]).gold
    3
    """
    total = TimexCounts()
    for document_counts in counts:
        total = total + document_counts
    return total


def precision_recall_f1(precision_hits: int, recall_hits: int, system: int, gold: int) -> dict[str, float]:
    """P, R and F1 (0.0 when undefined).

    >>> precision_recall_f1(1, 1, 2, 1)
    {'p': 0.5, 'r': 1.0, 'f1': 0.666...}
    """
    precision = precision_hits / system if system else 0.0
    recall = recall_hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1}


def metrics_from_counts(counts: TimexCounts) -> dict:
    """Strict, relaxed, value and type figures from counts.

    >>> metrics_from_counts(TimexCounts(gold=2, system=2, relaxed_precision_hits=2, relaxed_recall_hits=2, pairs=2, value_matches=1))['value']['f1_te3']
    0.5
    """
    relaxed = precision_recall_f1(counts.relaxed_precision_hits, counts.relaxed_recall_hits, counts.system, counts.gold)
    value_accuracy = counts.value_matches / counts.pairs if counts.pairs else 0.0
    value = precision_recall_f1(counts.value_matches, counts.value_matches, counts.system, counts.gold)
    return {
        "counts": asdict(counts),
        "strict": precision_recall_f1(counts.strict_precision_hits, counts.strict_recall_hits, counts.system, counts.gold),
        "relaxed": relaxed,
        "value": {**value, "accuracy": value_accuracy, "f1_te3": relaxed["f1"] * value_accuracy},
        "type_accuracy": counts.type_matches / counts.typed_pairs if counts.typed_pairs else None,
    }


def to_system_spans(output: Iterable | None, text_length: int) -> tuple[list[SystemSpan], int]:
    """The valid spans of one extractor output and how many were invalid.

    >>> to_system_spans([(0, 4, '1998'), (5, 2)], 10)
    ([SystemSpan(start=0, end=4, value='1998', type=None)], 1)
    """
    spans, invalid = [], 0
    for item in output or []:
        if hasattr(item, "start") and hasattr(item, "end"):
            fields_ = (item.start, item.end, getattr(item, "value", None), getattr(item, "type", None))
        elif isinstance(item, (tuple, list)) and 2 <= len(item) <= 4:
            fields_ = tuple(item) + (None,) * (4 - len(item))
        else:
            invalid += 1
            continue
        start, end, value, timex_type = fields_
        if not (isinstance(start, numbers.Integral) and isinstance(end, numbers.Integral) and 0 <= start < end <= text_length):
            invalid += 1
            continue
        spans.append(SystemSpan(int(start), int(end), None if value is None else str(value),
                                None if timex_type is None else str(timex_type)))
    return spans, invalid


def run_extractor(documents: Sequence[TimemlDocument], extractor: Extractor) -> ExtractorRun:
    """Call the extractor on every document (creation date as reference date), timing only those calls."""
    try:
        extractor(WARM_UP_TEXT, WARM_UP_DATE)
    except Exception as error:  # noqa: BLE001 - a broken extractor is reported, not a traceback
        raise EvaluationError(f"the extractor failed on the warm-up sentence {WARM_UP_TEXT!r}: "
                              f"{type(error).__name__}: {error}") from None
    run = ExtractorRun(spans=[], seconds=0.0)
    for document in documents:
        started = time.perf_counter()
        try:
            output = list(extractor(document.text, document.creation_date) or [])
        except Exception as error:  # noqa: BLE001 - one failing document must not hide the others
            run.seconds += time.perf_counter() - started
            run.failures.append(f"{document.name}: extractor raised {type(error).__name__}: {error}")
            run.spans.append([])
            continue
        run.seconds += time.perf_counter() - started
        spans, invalid = to_system_spans(output, len(document.text))
        run.spans.append(spans)
        run.invalid_spans += invalid
    return run


def describe_errors(name: str, text: str, errors: DocumentErrors) -> dict[str, list[str]]:
    """One readable line per error, with the file name and the text."""
    return {
        "missed": [f"{name}: {timex.text!r} {timex.type} {timex.value}" for timex in errors.missed],
        "spurious": [f"{name}: {text[span.start:span.end]!r} -> {span.value}" for span in errors.spurious],
        "wrong_value": [f"{name}: gold {timex.text!r}={timex.value} system {text[span.start:span.end]!r}={span.value}"
                        for timex, span in errors.wrong_value],
    }


def evaluate_run(documents: Sequence[TimemlDocument], run: ExtractorRun, views: Sequence[str] = DEFAULT_VIEWS,
                 show_errors: int = 0) -> dict:
    """The report (speed, then figures for each view) of one extractor run."""
    characters = sum(len(document.text) for document in documents)
    report = {
        "docs": len(documents), "chars": characters, "seconds": run.seconds,
        "chars_per_s": characters / run.seconds if run.seconds else None,
        "docs_per_s": len(documents) / run.seconds if run.seconds else None,
        "invalid_spans_dropped": run.invalid_spans, "extractor_failures": list(run.failures), "views": {},
    }
    for view in views:
        types = view_types(view)
        document_counts, examples = [], {"missed": [], "spurious": [], "wrong_value": []}
        for document, spans in zip(documents, run.spans):
            counts, errors = score_document(document.timexes, spans, types)
            document_counts.append(counts)
            if show_errors:
                for kind, lines in describe_errors(document.name, document.text, errors).items():
                    examples[kind].extend(lines)
        summary = metrics_from_counts(sum_counts(document_counts))
        if show_errors:
            summary["examples"] = {kind: lines[:show_errors] for kind, lines in examples.items()}
        report["views"][view_name(view)] = summary
    return report
