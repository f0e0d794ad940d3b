"""Key-event timeline: the N most salient days of a collection, each with up to K verbatim sentences (pure stage).

Reads statements (and events, when the event stage gives them); writes `{date: [sentence, ...]}`.
Only day-precise evidence makes a day (grain `day` or `hour`): a month or a year is not a day.

- **Days** are ranked by how many distinct articles tell of them (the articles behind the day's
  events, or behind its day-precise statements), counting only reports published from one day
  before to `PROMPT_REPORTING_DAYS` after the day (later retrospectives mention old days in
  passing), plus the events' salience when there are events; ties go to the later day.
- **Sentences** of a day are its day-precise evidence sentences, of a readable length, ranked by
  closeness (TF-IDF cosine) to the day's centroid weighted by how many articles carry the
  sentence's event; a sentence too close to one already chosen is skipped (`REDUNDANCY_LIMIT`).
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

DAY_GRAINS = ("day", "hour")
PROMPT_REPORTING_DAYS = 7       # a report up to a week after a day tells of it as news
EARLY_REPORTING_DAYS = 1        # ... and one day before (time zones, "tomorrow" announcements)
MIN_SENTENCE_WORDS = 6
MAX_SENTENCE_WORDS = 40
REDUNDANCY_LIMIT = 0.5          # TF-IDF cosine above which a sentence repeats one already chosen

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


def _ranked(scores: dict[datetime.date, float], n_dates: int) -> list[datetime.date]:
    best = sorted(scores.items(), key=lambda item: (-item[1], -item[0].toordinal()))[:n_dates]
    return sorted(day for day, _ in best)


def rank_days(statements: pd.DataFrame, request: SummaryRequest, events: pd.DataFrame | None = None) -> list[datetime.date]:
    """The request's N key days, in date order (see the module docstring for the ranking)."""
    rows = _prompt(day_statements(statements, request.first, request.last))
    scores = {day: float(count) for day, count in rows.groupby("day")["doc_id"].nunique().items()}
    if events is not None and not events.empty:
        day_events = events[events["grain"].isin(DAY_GRAINS) & events["start"].notna()
                            & (events.get("kind", "event") == "event")]
        for day, salience in zip(_as_day(day_events["start"]), day_events["salience"]):
            if day in scores:
                scores[day] += float(salience)
    return _ranked(scores, request.n_dates)


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


def day_sentences(rows: pd.DataFrame, count: int) -> list[str]:
    """Up to `count` verbatim sentences for one day's statements (readable ones first, central ones first)."""
    rows = rows.sort_values(["published_day", "doc_id", "sentence_start"], kind="stable")
    articles_per_sentence = rows.groupby("sentence", sort=False)["doc_id"].nunique()
    candidates = [sentence for sentence in articles_per_sentence.index if _readable(sentence)]
    if not candidates:
        return list(articles_per_sentence.index[:count])
    return central_sentences(candidates, [1.0 + np.log(articles_per_sentence[sentence]) for sentence in candidates], count)


def key_timeline(statements: pd.DataFrame, request: SummaryRequest, events: pd.DataFrame | None = None) -> KeyTimeline:
    """The key-event timeline: the N key days (date order), each with up to K verbatim sentences."""
    rows = day_statements(statements, request.first, request.last)
    timeline = {}
    for day in rank_days(statements, request, events):
        timeline[day] = day_sentences(rows[rows["day"] == day], request.sentences_per_date)
    return timeline


def baseline_timeline(statements: pd.DataFrame, n_dates: int, sentences_per_date: int,
                      first: datetime.date | None = None, last: datetime.date | None = None) -> KeyTimeline:
    """The baseline: days by articles with a day-precise statement on them, each day's first sentences (module docstring)."""
    rows = day_statements(statements, first, last).sort_values(["published_day", "doc_id", "sentence_start"],
                                                               kind="stable")
    scores = {day: float(count) for day, count in rows.groupby("day")["doc_id"].nunique().items()}
    return {day: list(dict.fromkeys(rows.loc[rows["day"] == day, "sentence"]))[:sentences_per_date]
            for day in _ranked(scores, n_dates)}
