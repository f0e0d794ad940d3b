"""Event stage, step 4: episodes — a run of events on near days that share countries, as one span.

Reads the day-grain events (start, countries, actors, sentences); writes groups of event
positions, each at least `min_events` events on at least `min_days` distinct days from `min_sources` articles, and the episode's
label ("Iran–Israel war": the countries named by at least a third of the run's events, most
frequent first, and the most frequent episode noun of its sentences). A run whose sentences name
no episode noun (war, conflict, crisis, outbreak, trial, ...) is not an episode: its label would
have to be invented.

A run grows in date order: the next event joins when it starts at most `max_gap_days` after the
run's latest event and names one of the run's core countries (those of at least half of the
run's events so far); several runs may be open at once, so unrelated events in between do not
break a run.

A run that shares its noun and most of its articles with a larger episode at the same time, without that episode's
first country, is a thread of it (one country's part: its aid, its citizens) and is labelled so: "Haiti earthquake:
United States", not "United States earthquake", which reads as a quake in the United States (`thread_labels`). Two
investigations told by different articles stay two episodes of their own.

>>> episode_label([["Israel", "Iran"], ["Iran"], ["Israel", "Iran"], ["Qatar", "Iran"]], ["The conflict ended.", "A war began."])
'Iran–Israel war'
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

# Nouns that name a span of happenings, most specific first; the label uses the most frequent.
EPISODE_NOUNS = ("war", "conflict", "escalation", "crisis", "offensive", "campaign", "strikes", "fighting",
                 "hostilities", "protests", "talks", "negotiations", "outbreak", "pandemic", "epidemic", "trial",
                 "investigation", "election", "earthquake", "storm", "floods")
_NOUN = re.compile(rf"\b({'|'.join(EPISODE_NOUNS)})\b", re.I)


@dataclass(frozen=True)
class EpisodeSettings:
    """How near and how connected events must be to form an episode."""
    max_gap_days: int = 10
    min_events: int = 3
    min_days: int = 3
    min_sources: int = 2


def core_countries(countries_per_event: list[list[str]], share: float = 1 / 3, limit: int = 3) -> list[str]:
    """The countries named by at least `share` of the events, most frequent first (at most `limit`).

    >>> core_countries([["Iran"], ["Iran", "United States"], ["Israel", "Iran", "United States"]])
    ['Iran', 'United States', 'Israel']
    """
    counts = Counter(name for countries in countries_per_event for name in set(countries))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [name for name, n in ranked if n >= share * len(countries_per_event)][:limit]


def episode_label(countries_per_event: list[list[str]], sentences: list[str]) -> str | None:
    """'A–B noun': the run's core countries and the most frequent episode noun of its sentences; None without a noun.

    >>> episode_label([["Chile"], ["Chile"], ["Chile"]], ["Rain fell.", "Sun shone.", "Rain fell again."]) is None
    True
    """
    nouns = Counter(match.lower() for sentence in sentences for match in _NOUN.findall(sentence))
    if not nouns:
        return None
    noun = sorted(nouns.items(), key=lambda item: (-item[1], EPISODE_NOUNS.index(item[0])))[0][0]
    return f"{'–'.join(core_countries(countries_per_event))} {noun}".strip()


@dataclass(frozen=True)
class EpisodeSpan:
    """What `thread_labels` needs of one episode."""
    label: str
    start: pd.Timestamp
    end: pd.Timestamp
    doc_ids: frozenset


THREAD_SHARED_ARTICLES = 0.5  # a thread: at least this share of its articles also tell the larger episode


def thread_labels(episodes: list[EpisodeSpan]) -> list[str]:
    """Each episode's label; one that overlaps a larger episode of the same noun told by the same articles (at least
    THREAD_SHARED_ARTICLES of its own), without that episode's first country, is its thread: "<larger label>: <its
    own countries>".

    >>> day, docs = pd.Timestamp, lambda *names: frozenset(names)
    >>> thread_labels([EpisodeSpan("Haiti earthquake", day("2010-01-12"), day("2010-02-08"), docs("a", "b", "c", "d")),
    ...                EpisodeSpan("United States earthquake", day("2010-01-12"), day("2010-02-10"), docs("a", "b", "x")),
    ...                EpisodeSpan("Indonesia earthquake", day("2010-01-20"), day("2010-01-28"), docs("y", "z")),
    ...                EpisodeSpan("Chile earthquake", day("2010-02-27"), day("2010-03-05"), docs("a"))])
    ['Haiti earthquake', 'Haiti earthquake: United States', 'Indonesia earthquake', 'Chile earthquake']
    """
    parts = [_countries_and_noun(episode.label) for episode in episodes]
    labels = []
    for episode, (countries, noun) in zip(episodes, parts):
        larger = [other for other, (other_countries, other_noun) in zip(episodes, parts)
                  if len(other.doc_ids) > len(episode.doc_ids) and other.start < episode.end and episode.start < other.end
                  and other_noun == noun and other_countries and other_countries[0] not in countries
                  and len(episode.doc_ids & other.doc_ids) >= THREAD_SHARED_ARTICLES * len(episode.doc_ids)]
        parent = max(larger, key=lambda other: (len(other.doc_ids), other.label), default=None)
        labels.append(f"{parent.label}: {'–'.join(countries)}" if parent is not None and countries else episode.label)
    return labels


def _countries_and_noun(label: str) -> tuple[list[str], str]:
    countries, _, noun = label.rpartition(" ")
    return [name for name in countries.split("–") if name], noun


def find_episodes(events: pd.DataFrame, settings: EpisodeSettings = EpisodeSettings()) -> list[list[int]]:
    """Runs of day-grain events (index labels of `events`) that make episodes.

    Events are taken in date order; each joins the open run (latest event at most `max_gap_days`
    before it) that shares the most of its countries with the run's core countries, else opens a run.
    """
    days = events[(events["grain"] == "day") & events["start"].notna()]
    order = days.sort_values(["start", "event_id"], kind="stable")
    runs: list[dict] = []
    open_runs: list[dict] = []          # runs whose latest event is at most max_gap_days back (events come in date order)
    max_gap = pd.Timedelta(days=settings.max_gap_days)
    for label, row in zip(order.index, order.itertuples()):
        countries = set(row.countries)
        if not countries:
            continue
        open_runs = [run for run in open_runs if row.start - run["latest"] <= max_gap]
        best, best_overlap = None, 0
        for run in open_runs:
            overlap = len(countries & set(core_countries(run["countries"], share=0.5)))
            if overlap > best_overlap:
                best, best_overlap = run, overlap
        if best is None:
            runs.append({"members": [label], "countries": [sorted(countries)], "latest": row.start})
            open_runs.append(runs[-1])
        else:
            best["members"].append(label)
            best["countries"].append(sorted(countries))
            best["latest"] = max(best["latest"], row.start)
    return [run["members"] for run in runs if len(run["members"]) >= settings.min_events
            and events.loc[run["members"], "start"].nunique() >= settings.min_days
            and len({doc for docs in events.loc[run["members"], "doc_ids"] for doc in docs}) >= settings.min_sources]
