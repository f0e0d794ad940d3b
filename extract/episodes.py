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
United States", not "United States earthquake", which reads as a quake in the United States (`thread_parents`). Two
investigations told by different articles stay two episodes of their own.

>>> episode_name([["Israel", "Iran"], ["Iran"], ["Israel", "Iran"], ["Qatar", "Iran"]], ["The conflict ended.", "A war began."]).label
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


@dataclass(frozen=True)
class EpisodeName:
    """An episode's core countries (most frequent first) and its noun."""
    countries: tuple[str, ...]
    noun: str

    @property
    def label(self) -> str:
        """'Iran–Israel war'."""
        return f"{'–'.join(self.countries)} {self.noun}".strip()

    def as_thread_of(self, parent: EpisodeName) -> str:
        """'Haiti earthquake: United States': this episode's countries as a thread of the larger one."""
        return f"{parent.label}: {'–'.join(self.countries)}"


def episode_name(countries_per_event: list[list[str]], sentences: list[str]) -> EpisodeName | None:
    """The run's core countries and the most frequent episode noun of its sentences; None without a noun.

    >>> episode_name([["Chile"], ["Chile"], ["Chile"]], ["Rain fell.", "Sun shone.", "Rain fell again."]) is None
    True
    """
    nouns = Counter(match.lower() for sentence in sentences for match in _NOUN.findall(sentence))
    if not nouns:
        return None
    noun = sorted(nouns.items(), key=lambda item: (-item[1], EPISODE_NOUNS.index(item[0])))[0][0]
    return EpisodeName(tuple(core_countries(countries_per_event)), noun)


@dataclass(frozen=True)
class EpisodeSpan:
    """What `thread_parents` needs of one episode."""
    name: EpisodeName
    start: pd.Timestamp
    end: pd.Timestamp
    doc_ids: frozenset


THREAD_SHARED_ARTICLES = 0.5  # a thread: at least this share of its articles also tell the larger episode


def thread_parents(episodes: list[EpisodeSpan]) -> list[EpisodeName | None]:
    """For each episode, the larger episode it is a thread of, else None: one that overlaps it in time, has the same
    noun, is told by at least THREAD_SHARED_ARTICLES of its articles and whose first country it lacks.

    >>> day, docs = pd.Timestamp, lambda *names: frozenset(names)
    >>> quake = EpisodeSpan(EpisodeName(("Haiti",), "earthquake"), day("2010-01-12"), day("2010-02-08"), docs("a", "b", "c", "d"))
    >>> aid = EpisodeSpan(EpisodeName(("United States",), "earthquake"), day("2010-01-12"), day("2010-02-10"), docs("a", "b", "x"))
    >>> other = EpisodeSpan(EpisodeName(("Indonesia",), "earthquake"), day("2010-01-20"), day("2010-01-28"), docs("y", "z"))
    >>> [parent and aid.name.as_thread_of(parent) for parent in thread_parents([quake, aid, other])]
    [None, 'Haiti earthquake: United States', None]
    """
    parents = []
    for episode in episodes:
        name = episode.name
        larger = [other for other in episodes
                  if len(other.doc_ids) > len(episode.doc_ids) and other.start < episode.end and episode.start < other.end
                  and other.name.noun == name.noun and other.name.countries and other.name.countries[0] not in name.countries
                  and len(episode.doc_ids & other.doc_ids) >= THREAD_SHARED_ARTICLES * len(episode.doc_ids)]
        parent = max(larger, key=lambda other: (len(other.doc_ids), other.name.label), default=None)
        parents.append(parent.name if parent is not None and name.countries else None)
    return parents


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
