"""Event stage, step 3: how much the corpus attests an event — the score events are ranked by.

Reads one event's evidence (its statements), the date mentions of the whole corpus and the
articles' publication dates; writes `salience` (a float, higher is more salient).

The formula (weights in `SalienceWeights`, defaults shown)::

    salience = grain_factor(grain) * passing_factor * generic_present_factor * named_happening_factor
               * ( 1.0 * ln(1 + n_sources)              distinct articles whose statements are the evidence
                 + 0.5 * ln(1 + n_date_articles)        distinct articles that mention the event's date and were
                                                         published from 1 day before it to 7 days after it ends
                                                         (prompt attention: a retrospective mention years later
                                                         does not make an old day outrank the news)
                 + 0.5 * prompt_share                    share of the evidence articles published within
                                                         7 days after the event began (0..1)
                 + 0.5 * actor_weight )                  mean over the event's 3 most reported actors of
                                                         (articles naming the actor / all articles), 0..1

    grain_factor: day/hour 1.0, week 0.8, month 0.6, season/quarter 0.5, year 0.4, decade/century 0.2
    passing_factor: 0.5 when every statement only mentions the period ("since 2022"), else 1.0
    generic_present_factor: 0.2 when every statement is a "today" in a present-tense generic clause
        ("But today, it is Russia which holds the cards": `extract.tense`), else 1.0; such a "today"
        names the reference date, not a happening's, and is as vague as a decade
    named_happening_factor: 1.5 when the label's statement names the happening by its date, the date
        modifying its noun ("the 2007 UN Security Council embargo", "its 2007 invitation to join",
        "the October 7 attacks"): a writer names an event by its date when readers are expected to
        know it, so it is a specific, known happening, not a period's background; else 1.0

An episode scores the best of its events plus 0.5 * ln(1 + number of its events).

>>> round(salience_score(n_sources=3, n_date_articles=4, prompt_share=1.0, actor_weight=0.5, grain="day"), 3)
2.941
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

GRAIN_FACTORS = {"hour": 1.0, "day": 1.0, "week": 0.8, "month": 0.6, "season": 0.5, "quarter": 0.5, "year": 0.4,
                 "decade": 0.2, "century": 0.2}
PROMPT_REPORTING_DAYS = 7
EARLY_REPORTING_DAYS = 1
TOP_ACTORS = 3


@dataclass(frozen=True)
class SalienceWeights:
    """The weights of the salience formula (see the module docstring)."""
    sources: float = 1.0
    date_articles: float = 0.5
    prompt_share: float = 0.5
    actors: float = 0.5
    passing_factor: float = 0.5
    generic_present_factor: float = 0.2
    named_happening_factor: float = 1.5
    episode_events: float = 0.5
    grain_factors: dict[str, float] = field(default_factory=lambda: dict(GRAIN_FACTORS))


def salience_score(n_sources: int, n_date_articles: int, prompt_share: float, actor_weight: float, grain: str,
                   only_passing: bool = False, weights: SalienceWeights = SalienceWeights(),
                   only_generic_present: bool = False, names_happening: bool = False) -> float:
    """The salience of one event from its attestation figures (formula in the module docstring)."""
    attestation = (weights.sources * math.log1p(n_sources) + weights.date_articles * math.log1p(n_date_articles)
                   + weights.prompt_share * prompt_share + weights.actors * actor_weight)
    factor = (weights.grain_factors.get(grain, 0.2) * (weights.passing_factor if only_passing else 1.0)
              * (weights.generic_present_factor if only_generic_present else 1.0)
              * (weights.named_happening_factor if names_happening else 1.0))
    return factor * attestation


def episode_score(member_saliences: list[float], weights: SalienceWeights = SalienceWeights()) -> float:
    """An episode's salience: its best event plus a bonus for how many events it spans.

    >>> round(episode_score([1.0, 2.0, 0.5]), 3)
    2.693
    """
    return max(member_saliences, default=0.0) + weights.episode_events * math.log1p(len(member_saliences))
