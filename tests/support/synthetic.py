"""Synthetic statements and documents frames, for tests and the 100,000-statement benchmark.

The frames follow `extract.schema` exactly (they pass `conform_statements` /
`conform_documents`) and look like the real extraction: several sources, countries and
actors, every grain and kind, a June 2025 escalation, a few outliers, some rows whose date
could not be resolved, and sentences containing `<script>` and `*markdown*` so that the
pages' escaping is exercised.

>>> bool(synthetic_statements(50)["grain"].isin(["day", "month"]).any())
True
"""
from __future__ import annotations

import random

import pandas as pd

from extract.schema import conform_documents, conform_statements

SYNTHETIC_SOURCES: tuple[tuple[str, str, str, str], ...] = (
    # doc_id, outlet, title, published (the reference date)
    ("syn_001", "Modern Diplomacy", "Iran stands alone after the June war", "2025-06-27"),
    ("syn_002", "Kyiv Post", "Russia's strategic bankruptcy", "2025-06-15"),
    ("syn_003", "Daily Express", "Cracks in the axis: is Russia about to abandon Iran?", "2025-06-14"),
    ("syn_004", "Novaya Gazeta Europe", "Iran left without Russian military support", "2025-06-23"),
    ("syn_005", "Wire <b>Desk</b>", "Timeline *of* the escalation", "2025-06-25"),
)
SYNTHETIC_COUNTRIES = ("Iran", "Israel", "Russia", "United States", "Syria", "Ukraine", "Armenia", "Lebanon")
SYNTHETIC_ACTORS = (
    "Vladimir Putin", "Donald Trump", "Benjamin Netanyahu", "Abbas Araqchi", "Hezbollah",
    "Mossad", "Israel Defense Forces", "Kremlin", "IAEA", "Ali Khamenei",
)
_SENTENCES = (
    "On {date}, Israeli jets struck targets near Tehran, officials said.",
    "{date} saw {actor} condemn the strikes as unprovoked.",
    "Analysts said that by {date} Moscow had delivered no air defence systems.",
    "The agreement signed in {date} contains no mutual-defence clause.",
    "A post reading <script>alert('x')</script> circulated on {date}.",
    "Sources described the *markdown* _emphasis_ of the statement issued {date}.",
    "Iran's S-300 batteries were destroyed in {date}, according to {actor}.",
    "{actor} met Iranian diplomats {date} & promised \"help\" <b>only in words</b>.",
)
_RULES = {"hour": "time_of_day", "day": "day_month_year", "week": "week_of_year", "month": "month_year",
          "quarter": "quarter_year", "season": "season_year", "year": "bare_year", "decade": "decade",
          "century": "century", "unknown": "unresolved_relative"}


def _june_escalation_day(rng: random.Random) -> pd.Timestamp:
    if rng.random() < 0.8:
        return pd.Timestamp("2025-06-13") + pd.Timedelta(days=rng.randrange(12))
    return pd.Timestamp("2025-06-01") + pd.Timedelta(days=rng.randrange(30))


def _dated_expression(rng: random.Random) -> tuple[str, str, str, pd.Timestamp, pd.Timestamp]:
    """One (date_text, value, grain, start, end) drawn from a realistic mixture."""
    draw = rng.random()
    if draw < 0.45:
        day = _june_escalation_day(rng)
        return f"{day.day} June", day.strftime("%Y-%m-%d"), "day", day, day + pd.Timedelta(days=1)
    if draw < 0.55:
        day = pd.Timestamp("2023-01-01") + pd.Timedelta(days=rng.randrange(900))
        return day.strftime("%B %-d, %Y"), day.strftime("%Y-%m-%d"), "day", day, day + pd.Timedelta(days=1)
    if draw < 0.58:
        hour = _june_escalation_day(rng) + pd.Timedelta(hours=rng.randrange(24))
        return f"{hour.hour:02d}:00 on {hour.day} June", hour.strftime("%Y-%m-%dT%H"), "hour", hour, hour + pd.Timedelta(hours=1)
    if draw < 0.68:
        month = pd.Timestamp(rng.choice(["2024-10", "2025-01", "2024-04", "2025-06", "2023-10"]))
        return month.strftime("%B %Y"), month.strftime("%Y-%m"), "month", month, month + pd.offsets.MonthBegin(1)
    if draw < 0.76:
        year = rng.choice([2024, 2024, 2023, 2020, 2007])
        return str(year), str(year), "year", pd.Timestamp(year=year, month=1, day=1), pd.Timestamp(year=year + 1, month=1, day=1)
    if draw < 0.79:
        week = pd.Timestamp("2025-06-09") + pd.Timedelta(weeks=rng.randrange(3))
        return "last week", f"2025-W{week.isocalendar().week:02d}", "week", week, week + pd.Timedelta(weeks=1)
    if draw < 0.81:
        return "the first quarter of 2025", "2025-Q1", "quarter", pd.Timestamp("2025-01-01"), pd.Timestamp("2025-04-01")
    if draw < 0.83:
        return "summer 2024", "2024-SU", "season", pd.Timestamp("2024-06-01"), pd.Timestamp("2024-09-01")
    if draw < 0.85:
        return "the 1990s", "199", "decade", pd.Timestamp("1990-01-01"), pd.Timestamp("2000-01-01")
    if draw < 0.86:
        return "the 20th century", "19", "century", pd.Timestamp("1900-01-01"), pd.Timestamp("2000-01-01")
    if draw < 0.91:
        return "13–24 June", "2025-06-13/2025-06-24", "day", pd.Timestamp("2025-06-13"), pd.Timestamp("2025-06-25")
    if draw < 0.95:
        return "1979", "1979", "year", pd.Timestamp("1979-01-01"), pd.Timestamp("1980-01-01")
    return "some years ago", "PAST_REF", "unknown", pd.NaT, pd.NaT


def synthetic_statements(n: int, seed: int = 0) -> pd.DataFrame:
    """A schema-conform statements frame of `n` rows. Example: `len(synthetic_statements(10)) == 10`."""
    rng = random.Random(seed)
    next_offset = {doc_id: 0 for doc_id, *_ in SYNTHETIC_SOURCES}
    rows = []
    for _ in range(n):
        doc_id, outlet, title, published = rng.choice(SYNTHETIC_SOURCES)
        date_text, value, grain, start, end = _dated_expression(rng)
        actors = rng.sample(SYNTHETIC_ACTORS, rng.randrange(3))
        countries = rng.sample(SYNTHETIC_COUNTRIES, rng.choice([0, 1, 1, 2, 2, 3]))
        template = rng.choice(_SENTENCES)
        sentence = template.format(date=date_text, actor=actors[0] if actors else "the Kremlin")
        sentence = sentence[0].upper() + sentence[1:]
        sentence_start = next_offset[doc_id]
        next_offset[doc_id] = sentence_start + len(sentence) + 1  # sentences joined by one space
        date_start = sentence_start + sentence.lower().index(date_text.lower())
        kind = rng.choice(["event", "event", "event", "reference", "dateline"])
        rows.append({
            "statement_id": f"{doc_id}:{date_start}-{date_start + len(date_text)}",
            "doc_id": doc_id, "title": title, "outlet": outlet, "published": pd.Timestamp(published),
            "sentence": sentence, "sentence_start": sentence_start, "sentence_end": sentence_start + len(sentence),
            "date_text": sentence[date_start - sentence_start: date_start - sentence_start + len(date_text)],
            "date_start_char": date_start, "date_end_char": date_start + len(date_text),
            "value": value, "grain": grain, "start": start, "end": end,
            "reference_date_basis": "dateline" if doc_id != "syn_003" else "file metadata",
            "actors": actors, "countries": countries, "kind": kind, "rule": _RULES[grain],
            # every fifth statement also mentions a country in passing (an anniversary, a comparison)
            "country_mentions": countries + (["Germany"] if len(rows) % 5 == 0 and "Germany" not in countries else []),
        })
    if not rows:
        from extract.schema import empty_statements
        return empty_statements()
    return conform_statements(pd.DataFrame(rows))


def synthetic_documents(statements: pd.DataFrame, unreadable: int = 1) -> pd.DataFrame:
    """The documents frame matching `statements` (texts rebuilt so every offset points into them), plus `unreadable` broken files.

    Example: `synthetic_documents(synthetic_statements(20))["status"].tolist()[-1] == "unreadable"`.
    """
    rows = []
    for doc_id, outlet, title, published in SYNTHETIC_SOURCES:
        own = statements[statements["doc_id"] == doc_id].sort_values("sentence_start")
        sentences = own.drop_duplicates("sentence_start")["sentence"].tolist()
        rows.append({
            "doc_id": doc_id, "path": f"seeds/{doc_id}.txt", "title": title, "outlet": outlet,
            "author": "Synthetic Author", "published": pd.Timestamp(published), "url": f"https://example.org/{doc_id}",
            "reference_date_basis": "dateline" if doc_id != "syn_003" else "file metadata",
            "text": " ".join(sentences), "status": "ok", "problem": "",
        })
    for index in range(unreadable):
        rows.append({
            "doc_id": f"syn_broken_{index}", "path": f"seeds/syn_broken_{index}.txt", "title": "", "outlet": "",
            "author": "", "published": pd.NaT, "url": "", "reference_date_basis": "none",
            "text": "", "status": "unreadable", "problem": "not valid UTF-8 text (byte 0xff at offset 12)",
        })
    return conform_documents(pd.DataFrame(rows))


def synthetic_events(statements: pd.DataFrame, chunks: int = 10) -> pd.DataFrame:
    """An events frame for big synthetic statements without running `extract.events` (minutes at a million rows):
    the day-grain event statements of one day, first party country and slice of sources are one event, about one
    event per 20 statements as the real stage gives. Schema-conform (`conform_events`).

    Example: `synthetic_events(synthetic_statements(200))["statement_ids"].map(len).min() >= 1`.
    """
    from extract.schema import conform_events, empty_events

    dated = statements[(statements["kind"] == "event") & (statements["grain"] == "day") & statements["start"].notna()]
    if dated.empty:
        return empty_events()
    keys = pd.DataFrame({
        "day": dated["start"].dt.floor("D"),
        "country": dated["countries"].map(lambda names: names[0] if len(names) else ""),
        "slice": dated["doc_id"].map(lambda doc_id: sum(map(ord, str(doc_id))) % chunks),
    }, index=dated.index)
    rows = []
    for (day, country, _slice), members in dated.groupby([keys["day"], keys["country"], keys["slice"]], sort=True):
        ids = sorted(members["statement_id"].astype(str))
        doc_ids = list(dict.fromkeys(members["doc_id"].astype(str)))
        first = members.iloc[0]
        actors = list(dict.fromkeys(name for names in members["actors"] for name in names))
        rows.append({
            "event_id": f"ev-syn{len(rows):08d}", "kind": "event",
            "label": f"{country or 'Someone'} on {day:%d %b %Y}"[:70], "label_basis": "synthetic",
            "summary": str(first["sentence"]), "value": day.strftime("%Y-%m-%d"), "grain": "day", "start": day,
            "end": day + pd.Timedelta(days=1), "statement_ids": ids, "doc_ids": doc_ids, "n_sources": len(doc_ids),
            "n_outlets": len(set(members["outlet"].astype(str))), "countries": [country] if country else [],
            "actors": actors[:5], "salience": float(len(ids)) ** 0.5 + len(doc_ids), "episode_id": "",
        })
    return conform_events(pd.DataFrame(rows))
