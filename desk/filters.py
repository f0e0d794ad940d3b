"""The filter state shared by every page: apply it, describe it, and carry it in the URL.

Pure (no streamlit). Within one filter the chosen values are alternatives (Iran OR Israel);
different filters combine (country AND kind AND dates). An empty tuple means "no restriction".

>>> filters_from_query_params({"country": ["Iran"], "kind": "event"})[0].countries
('Iran',)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from extract.schema import GRAINS, KINDS

ALL_KINDS_TOKEN = "all"
FILTER_PARAM_KEYS = ("country", "actor", "source", "from", "to", "grain", "kind", "q")
# Query params that belong to pages (view choices, selections), not to the filters.
PAGE_PARAM_KEYS = ("lane", "color", "camera", "statement", "doc")


@dataclass(frozen=True)
class Filters:
    """What the analyst chose to look at. Example: `Filters(countries=("Iran",), kinds=("event",))`."""

    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()          # doc_ids
    date_from: date | None = None          # inclusive day
    date_to: date | None = None            # inclusive day
    grains: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ("event",)
    text: str = ""


def _any_of(column: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    wanted_set = set(wanted)
    return column.map(lambda names: bool(wanted_set.intersection(names)))


def apply_filters(statements: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The statements matching every filter; a date filter keeps statements whose interval overlaps it.

    Statements with no resolved date are dropped only when a date filter is set. Example:
    `apply_filters(frame, Filters(countries=("Iran",)))`.
    """
    keep = pd.Series(True, index=statements.index)
    if filters.countries:
        keep &= _any_of(statements["countries"], filters.countries)
    if filters.actors:
        keep &= _any_of(statements["actors"], filters.actors)
    if filters.sources:
        keep &= statements["doc_id"].isin(filters.sources).fillna(False).astype(bool)
    if filters.grains:
        keep &= statements["grain"].isin(filters.grains).fillna(False).astype(bool)
    if filters.kinds:
        keep &= statements["kind"].isin(filters.kinds).fillna(False).astype(bool)
    if filters.date_from is not None:
        keep &= (statements["end"] > pd.Timestamp(filters.date_from)).fillna(False).astype(bool)
    if filters.date_to is not None:
        keep &= (statements["start"] < pd.Timestamp(filters.date_to) + pd.Timedelta(days=1)).fillna(False).astype(bool)
    if filters.text.strip():
        needle = filters.text.strip()
        found = statements["sentence"].str.contains(needle, case=False, regex=False)
        found |= statements["date_text"].str.contains(needle, case=False, regex=False)
        keep &= found.fillna(False).astype(bool)
    return statements[keep]


def filters_to_query_params(filters: Filters) -> dict[str, str | list[str]]:
    """The URL form of `filters` (defaults omitted). Example: `{"country": ["Iran"], "from": "2025-06-13"}`."""
    params: dict[str, str | list[str]] = {}
    for key, values in (("country", filters.countries), ("actor", filters.actors), ("source", filters.sources),
                        ("grain", filters.grains)):
        if values:
            params[key] = list(values)
    if filters.kinds != Filters().kinds:
        params["kind"] = list(filters.kinds) if filters.kinds else ALL_KINDS_TOKEN
    if filters.date_from is not None:
        params["from"] = filters.date_from.isoformat()
    if filters.date_to is not None:
        params["to"] = filters.date_to.isoformat()
    if filters.text.strip():
        params["q"] = filters.text.strip()
    return params


def _values(params: dict, key: str) -> list[str]:
    raw = params.get(key, [])
    raw = [raw] if isinstance(raw, str) else list(raw)
    return [value.strip() for value in raw if isinstance(value, str) and value.strip()]


def _known(values: list[str], allowed: tuple[str, ...], what: str, warnings: list[str]) -> tuple[str, ...]:
    unknown = [value for value in values if value not in allowed]
    if unknown:
        warnings.append(f"Ignored unknown {what} in the link: {', '.join(unknown)} (known: {', '.join(allowed)})")
    return tuple(dict.fromkeys(value for value in values if value in allowed))


def _day(params: dict, key: str, warnings: list[str]) -> date | None:
    values = _values(params, key)
    if not values:
        return None
    try:
        return date.fromisoformat(values[-1])
    except ValueError:
        warnings.append(f"Ignored the '{key}' date in the link: {values[-1]!r} is not a date like 2025-06-13")
        return None


def filters_from_query_params(params: dict[str, str | list[str]]) -> tuple[Filters, list[str]]:
    """Filters read from URL query params, plus a warning for every value that was ignored. Never raises.

    Example: `filters_from_query_params({"from": "june"})` -> (Filters(), ["Ignored the 'from' date ..."]).
    """
    warnings: list[str] = []
    unknown_keys = sorted(key for key in params if key not in FILTER_PARAM_KEYS + PAGE_PARAM_KEYS)
    if unknown_keys:
        warnings.append(f"Ignored unknown setting(s) in the link: {', '.join(unknown_keys)}")
    kind_values = _values(params, "kind")
    if kind_values == [ALL_KINDS_TOKEN]:
        kinds: tuple[str, ...] = ()
    elif kind_values:
        kinds = _known(kind_values, KINDS, "kind", warnings) or Filters().kinds
    else:
        kinds = Filters().kinds
    date_from, date_to = _day(params, "from", warnings), _day(params, "to", warnings)
    if date_from and date_to and date_from > date_to:
        warnings.append(f"The link's 'from' ({date_from}) was after its 'to' ({date_to}): swapped them")
        date_from, date_to = date_to, date_from
    text_values = _values(params, "q")
    filters = Filters(
        countries=tuple(dict.fromkeys(_values(params, "country"))), actors=tuple(dict.fromkeys(_values(params, "actor"))),
        sources=tuple(dict.fromkeys(_values(params, "source"))), date_from=date_from, date_to=date_to,
        grains=_known(_values(params, "grain"), GRAINS, "grain", warnings), kinds=kinds,
        text=text_values[-1] if text_values else "",
    )
    return filters, warnings


def restrict_to_known(filters: Filters, statements: pd.DataFrame) -> tuple[Filters, list[str]]:
    """Drop chosen countries/actors/sources that the data does not contain, with a warning naming them.

    Example: `restrict_to_known(Filters(countries=("Atlantis",)), frame)` -> (Filters(), ["... Atlantis ..."]).
    """
    warnings: list[str] = []
    known_countries = {name for names in statements["countries"] for name in names}
    known_actors = {name for names in statements["actors"] for name in names}
    known_sources = set(statements["doc_id"].dropna())
    chosen = {}
    for field, known, what in (("countries", known_countries, "country"), ("actors", known_actors, "actor"),
                               ("sources", known_sources, "source")):
        values = getattr(filters, field)
        missing = [value for value in values if value not in known]
        if missing:
            warnings.append(f"No statement in the data has the {what} {', '.join(missing)}: ignored it")
        chosen[field] = tuple(value for value in values if value in known)
    return replace(filters, **chosen), warnings


def _day_words(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def describe_filters(filters: Filters, source_labels: dict[str, str] | None = None) -> str:
    """One readable line for subtitles. Example: `describe_filters(Filters(countries=("Iran",)))` -> 'Country: Iran · Kind: event'."""
    parts = []
    for label, values in (("Country", filters.countries), ("Actor", filters.actors)):
        if values:
            parts.append(f"{label}: {', '.join(values)}")
    if filters.sources:
        names = [(source_labels or {}).get(doc_id, doc_id) for doc_id in filters.sources]
        parts.append(f"Source: {', '.join(names)}")
    if filters.date_from and filters.date_to:
        parts.append(f"Dates: {_day_words(filters.date_from)} – {_day_words(filters.date_to)}")
    elif filters.date_from:
        parts.append(f"Dates: from {_day_words(filters.date_from)}")
    elif filters.date_to:
        parts.append(f"Dates: until {_day_words(filters.date_to)}")
    if filters.grains:
        parts.append(f"Grain: {', '.join(filters.grains)}")
    parts.append(f"Kind: {', '.join(filters.kinds)}" if filters.kinds else "Kind: all")
    if filters.text.strip():
        parts.append(f"Text: “{filters.text.strip()}”")
    return " · ".join(parts)


def filename_for_filters(filters: Filters, stem: str = "timeline") -> str:
    """A file name (no extension) that says what was filtered. Example: `timeline_Iran_2025-06-13_2025-06-24`."""
    pieces = [stem, *filters.countries, *filters.actors, *filters.sources]
    if filters.date_from:
        pieces.append(filters.date_from.isoformat())
    if filters.date_to:
        pieces.append(filters.date_to.isoformat())
    if filters.text.strip():
        pieces.append(filters.text.strip())
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", "_".join(pieces)).strip("-_")
    return name[:120] or stem
