"""The timeline protocol of news-tls (Ghalandari & Ifrim 2020) on the Timeline17 layout.

For each reference timeline of each collection: the input is the collection's articles published
from its first to its last date, the system gives N = its number of dates and K = round(its mean
sentences per date) sentences per date, inside that window; the system's sentences are
Penn-Treebank tokenised like the reference, then scored (`extract.evaluate.timeline_metrics`):
Date-F1, AR-1 and AR-2 (tilse's align+ m:1), averaged over timelines the news-tls way.
Systems: "key" (the product: `extract.summarize`) and "baseline".
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from extract.evaluate.timeline17 import Collection, ReferenceTimeline
from extract.evaluate.timeline_metrics import Scores, average_scores, score_timeline
from extract.key_timeline import KeyTimeline, SummaryRequest
from extract.ptb import tokenise_ptb
from extract.summarize import analyse, summarize

METRICS = ("date", "rouge_1", "rouge_2")
METRIC_NAMES = {"date": "Date", "rouge_1": "AR-1", "rouge_2": "AR-2"}


@dataclass
class TimelineResult:
    """One reference timeline's run: where it comes from, its size, the prediction and its scores."""

    collection: str
    timeline: str
    n_articles: int
    n_dates: int
    sentences_per_date: int
    predicted: KeyTimeline
    scores: dict[str, Scores]
    seconds: float


@dataclass
class TimelineReport:
    """Every timeline's result, their news-tls average, and the warnings met on the way."""

    system: str
    results: list[TimelineResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def average(self) -> dict[str, Scores]:
        """Mean precision and mean recall over timelines, then F (news-tls)."""
        return average_scores([result.scores for result in self.results])


def request_for(reference: ReferenceTimeline) -> SummaryRequest:
    """The protocol's request for one reference timeline: its N, its K and its first-to-last-date window."""
    return SummaryRequest(reference.n_dates, reference.sentences_per_date, reference.first_date, reference.last_date)


def run_timeline(collection: Collection, reference: ReferenceTimeline, system: str = "key") -> tuple[TimelineResult, list[str]]:
    """Predict and score one reference timeline of a collection; also return the pipeline's warnings."""
    started = time.perf_counter()
    articles = collection.articles_between(reference.first_date, reference.last_date)
    analysis = analyse([article.path for article in articles], {article.path.stem: article.published for article in articles},
                       sources_csv=None)
    predicted = summarize(analysis, request_for(reference), baseline=system == "baseline")
    tokenised = {day: [tokenise_ptb(sentence) for sentence in sentences] for day, sentences in predicted.items()}
    result = TimelineResult(collection.name, reference.name, len(articles), reference.n_dates,
                            reference.sentences_per_date, predicted, score_timeline(tokenised, reference.dates),
                            time.perf_counter() - started)
    return result, analysis.warnings


def run_protocol(collections: list[Collection], system: str = "key") -> TimelineReport:
    """Run the protocol over every reference timeline of the collections."""
    report = TimelineReport(system)
    for collection in collections:
        for reference in collection.timelines:
            result, warnings = run_timeline(collection, reference, system)
            report.results.append(result)
            report.warnings.extend(warnings)
    return report


def format_timeline_report(report: TimelineReport, title: str) -> str:
    """Per-timeline and averaged Date-F1, AR-1 F and AR-2 F (with P and R) as a text table."""
    header = (f"{'collection/timeline':<44}{'docs':>5}{'N':>4}{'K':>3} |"
              + " |".join(f"{METRIC_NAMES[metric]:>6} P     R     F" for metric in METRICS) + " | seconds")
    lines = [f"== {title}: {len(report.results)} timelines, system {report.system}", header]

    def cells(scores: dict[str, Scores]) -> str:
        return " |".join(f"{scores[metric].precision:7.3f} {scores[metric].recall:5.3f} {scores[metric].f1:5.3f}"
                         for metric in METRICS)

    for result in report.results:
        name = f"{result.collection}/{result.timeline}"
        lines.append(f"{name[:44]:<44}{result.n_articles:>5}{result.n_dates:>4}{result.sentences_per_date:>3} |"
                     f"{cells(result.scores)} | {result.seconds:7.1f}")
    if report.results:
        lines.append(f"{'average (mean P, mean R, then F)':<56} |{cells(report.average)} |"
                     f" {sum(result.seconds for result in report.results):7.1f}")
    return "\n".join(lines)


def report_as_json(report: TimelineReport) -> dict:
    """The report as plain data (scores, predictions with ISO dates)."""
    def plain(scores: dict[str, Scores]) -> dict:
        return {metric: {"p": score.precision, "r": score.recall, "f": score.f1} for metric, score in scores.items()}

    return {
        "system": report.system,
        "average": plain(report.average),
        "timelines": [{"collection": result.collection, "timeline": result.timeline, "articles": result.n_articles,
                       "n_dates": result.n_dates, "sentences_per_date": result.sentences_per_date,
                       "seconds": result.seconds, "scores": plain(result.scores),
                       "predicted": {day.isoformat(): sentences for day, sentences in result.predicted.items()}}
                      for result in report.results],
        "warnings": report.warnings,
    }
