"""Key-event timeline: the N most salient days of a collection, each with up to K verbatim sentences (pure stage).

Reads statements (and events, when the event stage gives them); writes `{date: [sentence, ...]}`.
Only day-grain evidence makes a day: a month or a year is not a day, and a time of day (grain
`hour`) on a news web page is most often a page stamp, a reader comment's time or a broadcast
schedule, so it does not count either.

- **Days** are ranked by how many distinct articles tell of them (the articles behind the day's
  events, or behind its day-precise statements), counting only reports published from one day
  before to `PROMPT_REPORTING_DAYS` after the day (later retrospectives mention old days in
  passing); with events, the evidence is that of the day-precise events. A day near the end of
  the collection has had less time to be reported (its later reports are not written yet), so its
  count is divided by the share of reports that the collection could already hold: the share of
  the collection's own prompt reports whose lag (publication day - day) still fits before the last
  publication day, at least `MIN_REPORTING_COVERAGE`. Ties go to the later day. (Events' salience counts every mention of a date, retrospectives too: as a day score or
  tie-break it ranked DEV days worse, see bench/timeline_rounds.md.)
- **Sentences** of a day: its day-precise evidence sentences from prompt reports and the first `LEAD_SENTENCES`
  sentences of the articles published on the day or the day after (a report's lead says what
  happened, often without a date), of a readable length, ranked by closeness (TF-IDF cosine) to
  the day's centroid x (1 + log of the articles carrying the sentence); one too close to a sentence
  already chosen is skipped (`REDUNDANCY_LIMIT`). No extra weight for a sentence's place in its
  article: the leads are candidates because of their place, and weighting them again let an
  article's second and third sentences crowd out the dated sentences that tell of the day.
- **Baseline** (`baseline_timeline`): days by the number of articles with a day-precise
  statement on them (ties: later day), and each day's first sentences in article order.

>>> import pandas as pd
>>> statements = pd.DataFrame({"doc_id": ["a", "b", "b"], "published": pd.to_datetime(["2009-05-01"] * 3),
...     "sentence": ["Schools close.", "Schools closed today.", "Flights resume."], "sentence_start": [0, 0, 30],
...     "grain": ["day"] * 3, "start": pd.to_datetime(["2009-05-01", "2009-05-01", "2009-04-30"])})
>>> baseline_timeline(statements, n_dates=1, sentences_per_date=2)
{datetime.date(2009, 5, 1): ['Schools close.', 'Schools closed today.']}
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

from extract.sentences import split_sentences

DAY_GRAINS = ("day",)           # a time of day on a web page is mostly a stamp, a comment's time or a schedule
PROMPT_REPORTING_DAYS = 7       # a report up to a week after a day tells of it as news
EARLY_REPORTING_DAYS = 1        # ... and one day before (time zones, "tomorrow" announcements)
MIN_SENTENCE_WORDS = 6
MAX_SENTENCE_WORDS = 40
REDUNDANCY_LIMIT = 0.5          # TF-IDF cosine above which a sentence repeats one already chosen
LEAD_SENTENCES = 3              # an article's first sentences say what happened: they join the candidates ...
LEAD_REPORTING_DAYS = 1         # ... of the day it is published and of the day before
MIN_REPORTING_COVERAGE = 0.2    # a day's report count is divided by at most 1 / 0.2 (the last day of a collection)

KeyTimeline = dict[datetime.date, list[str]]


@dataclass(frozen=True)
class SummaryRequest:
    """What to summarise: how many days, sentences per day, and the window of days (None = open)."""

    n_dates: int
    sentences_per_date: int
    first: datetime.date | None = None
    last: datetime.date | None = None


def _as_day(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values).dt.date


def day_statements(statements: pd.DataFrame, first: datetime.date | None = None,
                   last: datetime.date | None = None) -> pd.DataFrame:
    """The day-precise statements whose day lies in [first, last], with `day` and `published_day` columns.

    >>> frame = pd.DataFrame({"grain": ["day", "month"], "start": pd.to_datetime(["2009-05-01", "2009-05-01"]),
    ...                       "published": pd.to_datetime(["2009-05-02"] * 2)})
    >>> day_statements(frame)["day"].tolist()
    [datetime.date(2009, 5, 1)]
    """
    rows = statements[statements["grain"].isin(DAY_GRAINS) & statements["start"].notna()].copy()
    rows["day"] = _as_day(rows["start"])
    rows["published_day"] = _as_day(rows["published"])
    if first is not None:
        rows = rows[rows["day"] >= first]
    if last is not None:
        rows = rows[rows["day"] <= last]
    return rows


def _prompt(rows: pd.DataFrame) -> pd.DataFrame:
    lag = pd.Series([(published - day).days if pd.notna(published) else 0
                     for published, day in zip(rows["published_day"], rows["day"])], index=rows.index, dtype="int64")
    return rows[(lag >= -EARLY_REPORTING_DAYS) & (lag <= PROMPT_REPORTING_DAYS)]


def reporting_coverage(prompt_rows: pd.DataFrame, days: list[datetime.date],
                       last_published: datetime.date | None) -> dict[datetime.date, float]:
    """For each day, the share of prompt reports the collection can already hold (right-censoring at its last publication day).

    The lags (publication day - day) of the rows' distinct (day, article) pairs give how reports of
    a day spread over the days after it; a day whose later lags fall after `last_published` keeps
    only the share of the earlier ones (at least MIN_REPORTING_COVERAGE).

    >>> rows = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "day": [datetime.date(2009, 5, 1)] * 4,
    ...     "published_day": [datetime.date(2009, 5, day) for day in (1, 2, 2, 3)]})
    >>> reporting_coverage(rows, [datetime.date(2009, 5, 1), datetime.date(2009, 5, 3)], datetime.date(2009, 5, 3))
    {datetime.date(2009, 5, 1): 1.0, datetime.date(2009, 5, 3): 0.25}
    """
    pairs = prompt_rows.drop_duplicates(["day", "doc_id"])
    if pairs.empty or last_published is None:
        return {day: 1.0 for day in days}
    lags = pd.Series([(published - day).days for published, day in zip(pairs["published_day"], pairs["day"])])
    share = lags.value_counts(normalize=True)
    return {day: max(MIN_REPORTING_COVERAGE,
                     float(share[[lag for lag in share.index if day + datetime.timedelta(days=int(lag)) <= last_published]].sum()))
            for day in days}


def _ranked(scores: dict[datetime.date, float], n_dates: int) -> list[datetime.date]:
    best = sorted(scores.items(), key=lambda item: (-item[1], -item[0].toordinal()))[:n_dates]
    return [day for day, _ in best]


def day_events(events: pd.DataFrame, first: datetime.date | None = None, last: datetime.date | None = None) -> pd.DataFrame:
    """The day-precise events (kind `event`) whose day lies in [first, last], with a `day` column."""
    rows = events[events["grain"].isin(DAY_GRAINS) & events["start"].notna() & (events["kind"] == "event")].copy()
    rows["day"] = _as_day(rows["start"])
    if first is not None:
        rows = rows[rows["day"] >= first]
    if last is not None:
        rows = rows[rows["day"] <= last]
    return rows


def rank_days(statements: pd.DataFrame, request: SummaryRequest, events: pd.DataFrame | None = None) -> list[datetime.date]:
    """The request's N key days, in date order (see the module docstring for the ranking)."""
    return sorted(days_by_rank(statements, request, events))


def days_by_rank(statements: pd.DataFrame, request: SummaryRequest, events: pd.DataFrame | None = None) -> list[datetime.date]:
    """The request's N key days, the most reported first."""
    rows = day_statements(statements, request.first, request.last)
    if events is not None and not events.empty:
        dated = day_events(events, request.first, request.last)
        evidence = {statement_id: day for day, statement_ids in zip(dated["day"], dated["statement_ids"])
                    for statement_id in statement_ids}
        rows = rows[rows["statement_id"].map(evidence).eq(rows["day"])]
    prompt = _prompt(rows)
    reports = prompt.groupby("day")["doc_id"].nunique()
    published = pd.to_datetime(statements["published"]).dropna()
    coverage = reporting_coverage(prompt, list(reports.index), published.max().date() if len(published) else None)
    return _ranked({day: float(count) / coverage[day] for day, count in reports.items()}, request.n_dates)


def _readable(sentence: str) -> bool:
    return MIN_SENTENCE_WORDS <= len(sentence.split()) <= MAX_SENTENCE_WORDS and not sentence.rstrip().endswith("?")


def central_sentences(sentences: list[str], weights: list[float], count: int) -> list[str]:
    """Up to `count` sentences closest to their centroid (TF-IDF cosine x weight), skipping near-repeats.

    >>> central_sentences(["Swine flu reaches Scotland.", "Swine flu reaches Scotland, officials say.",
    ...                    "Two swine flu cases are confirmed.", "The weather was fine."], [1, 1, 1, 1], 2)
    ['Swine flu reaches Scotland.', 'Two swine flu cases are confirmed.']
    """
    if len(sentences) <= 1:
        return sentences[:count]
    try:
        vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(sentences)
    except ValueError:  # nothing but stop words
        return sentences[:count]
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    scores = (vectors @ centroid) * np.asarray(weights, dtype=float)
    chosen: list[int] = []
    for index in np.argsort(-scores, kind="stable"):
        if all((vectors[index] @ vectors[other].T).toarray()[0, 0] < REDUNDANCY_LIMIT for other in chosen):
            chosen.append(int(index))
        if len(chosen) == count:
            break
    return [sentences[index] for index in chosen]


def lead_sentences(documents: pd.DataFrame, day: datetime.date) -> pd.DataFrame:
    """The first LEAD_SENTENCES sentences of the readable articles published on `day` or the day after.

    >>> documents = pd.DataFrame({"doc_id": ["a"], "status": ["ok"], "published": pd.to_datetime(["2009-05-02"]),
    ...                           "text": ["Schools close. Pupils stay home. Parents worry. Shops shut."]})
    >>> lead_sentences(documents, datetime.date(2009, 5, 1))["sentence"].tolist()
    ['Schools close.', 'Pupils stay home.', 'Parents worry.']
    """
    rows = []
    readable = documents[(documents["status"] == "ok") & documents["published"].notna()]
    for doc_id, published, text in zip(readable["doc_id"], _as_day(readable["published"]), readable["text"]):
        if 0 <= (published - day).days <= LEAD_REPORTING_DAYS:
            rows.extend({"doc_id": doc_id, "sentence": sentence.text, "sentence_start": sentence.start,
                         "published_day": published} for sentence in split_sentences(text)[:LEAD_SENTENCES])
    return pd.DataFrame(rows, columns=["doc_id", "sentence", "sentence_start", "published_day"])


def day_sentences(rows: pd.DataFrame, count: int) -> list[str]:
    """Up to `count` verbatim sentences from a day's candidates (columns doc_id, sentence, sentence_start, published_day).

    Readable sentences only (when there are any), ranked by centrality x (1 + log articles carrying
    the sentence), near-repeats skipped.
    """
    rows = rows.sort_values(["published_day", "doc_id", "sentence_start"], kind="stable")
    articles_per_sentence = rows.groupby("sentence", sort=False)["doc_id"].nunique()
    candidates = [sentence for sentence in articles_per_sentence.index if _readable(sentence)]
    if not candidates:
        return list(articles_per_sentence.index[:count])
    weights = [1.0 + np.log(articles_per_sentence[sentence]) for sentence in candidates]
    return central_sentences(candidates, weights, count)


def key_timeline(statements: pd.DataFrame, request: SummaryRequest, events: pd.DataFrame | None = None,
                 documents: pd.DataFrame | None = None) -> KeyTimeline:
    """The key-event timeline: the N key days (date order), each with up to K verbatim sentences.

    Candidates of a day: its day-precise evidence sentences from prompt reports (a retrospective
    months later tells of the day in passing), and (given the documents) the leads of the articles
    published on the day or the day after; a sentence is given to one day only.
    """
    rows = _prompt(day_statements(statements, request.first, request.last))
    timeline, used = {}, set()
    for day in days_by_rank(statements, request, events):  # the most reported day chooses its sentences first
        candidates = rows.loc[rows["day"] == day, ["doc_id", "sentence", "sentence_start", "published_day"]]
        if documents is not None:
            candidates = pd.concat([candidates, lead_sentences(documents, day)], ignore_index=True)
        timeline[day] = day_sentences(candidates[~candidates["sentence"].isin(used)], request.sentences_per_date)
        used.update(timeline[day])
    return dict(sorted(timeline.items()))


def baseline_timeline(statements: pd.DataFrame, n_dates: int, sentences_per_date: int,
                      first: datetime.date | None = None, last: datetime.date | None = None) -> KeyTimeline:
    """The baseline: days by articles with a day-precise statement on them, each day's first sentences (module docstring)."""
    rows = day_statements(statements, first, last).sort_values(["published_day", "doc_id", "sentence_start"],
                                                               kind="stable")
    scores = {day: float(count) for day, count in rows.groupby("day")["doc_id"].nunique().items()}
    return {day: list(dict.fromkeys(rows.loc[rows["day"] == day, "sentence"]))[:sentences_per_date]
            for day in sorted(_ranked(scores, n_dates))}
