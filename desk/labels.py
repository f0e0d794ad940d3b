"""Words for what the desk shows: days, periods, sources, documents, shortened text. Pure; the one home of each.

Every page, chart and export names a day, a period or a source through these functions, so a
day reads the same ("5 Jun 2025") in a caption, a hover, a table and a briefing footnote.

>>> day_label(pd.Timestamp("2025-06-05"))
'5 Jun 2025'
>>> interval_label("2024-10", "month", pd.Timestamp("2024-10-01"), pd.Timestamp("2024-11-01"))
'October 2024'
>>> shorten("Russia's strategic bankruptcy in the Middle East", 32, at_word=True)
"Russia's strategic bankruptcy…"
"""
from __future__ import annotations

from datetime import date

import pandas as pd

ELLIPSIS = "…"
SOURCE_SUFFIX_CHARS = 30   # of a title, to tell apart two sources of the same outlet
SOURCE_TITLE_CHARS = 60    # of a title naming a source that has no outlet
SOURCE_NAME_COLUMNS = ("doc_id", "outlet", "title", "published")   # what `source_labels` names a source from
_SEASONS = {12: "winter", 1: "winter", 3: "spring", 6: "summer", 9: "autumn"}


def plain_text(value: object) -> str:
    """`value` as text, "" for None / NaN / NaT / pd.NA (lists and tuples are kept as their text).

    >>> plain_text(None), plain_text(float("nan")), plain_text(pd.NA), plain_text(" Kyiv Post ")
    ('', '', '', ' Kyiv Post ')
    """
    if value is None or (not isinstance(value, (str, list, tuple)) and pd.isna(value)):
        return ""
    return str(value)


# English month names, whatever the locale (strftime's %b/%B follow it, and cost ~10x more on a Timestamp).
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)


def day_label(moment: date | pd.Timestamp | None, separator: str = " ", *, missing: str = "unknown") -> str:
    """A day in words, day unpadded ('5 Jun 2025'); `missing` for None/NaT; any year 1–9999.

    >>> day_label(pd.Timestamp("0800-12-25")), day_label(pd.NaT), day_label(date(2025, 6, 13), "\\u00a0")
    ('25 Dec 800', 'unknown', '13\\xa0Jun\\xa02025')
    """
    if moment is None or pd.isna(moment):
        return missing
    return f"{moment.day}{separator}{MONTH_ABBREVIATIONS[moment.month - 1]}{separator}{moment.year}"


def whole_day_ticks(start: pd.Timestamp, end: pd.Timestamp) -> dict:
    """Plotly date-axis settings that keep the ticks of a window under 8 days on whole days (at most one tick a day):
    left alone, plotly marks a 3-day window every 12 hours ("24 Oct 12:00"), times no day-dated mark has.

    >>> whole_day_ticks(pd.Timestamp("1648-10-23"), pd.Timestamp("1648-10-26")), whole_day_ticks(pd.Timestamp("2025-06-01"), pd.Timestamp("2025-07-01"))
    ({'nticks': 4}, {})
    """
    days = (end - start) / pd.Timedelta(days=1)
    return {"nticks": max(2, int(days) + 1)} if days < 8 else {}


def shorten(text: str, limit: int, *, at_word: bool = False) -> str:
    """`text` in at most `limit` characters, ending with '…' when cut; `at_word` cuts at a word boundary.

    >>> shorten("Netanyahu said", 10), shorten("short", 10), shorten("Iran, Israel and Russia", 15, at_word=True)
    ('Netanyahu…', 'short', 'Iran, Israel…')
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if at_word:
        cut = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:–-")
    return cut + ELLIPSIS


def source_labels(statements: pd.DataFrame) -> dict[str, str]:
    """A readable, unique label per doc_id: the outlet; else the publication day and the start of the title (a
    title-only corpus: the title is often a headline run into the first sentence); else the doc_id. Twins get a
    title suffix. In picker order: outlets by name, then title-only sources by day.

    >>> source_labels(pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["Kyiv Post", "Kyiv Post"], "title": ["War", None]}))
    {'a': 'Kyiv Post · War', 'b': 'Kyiv Post · b'}
    >>> source_labels(pd.DataFrame({"doc_id": ["late", "early"], "outlet": [None, None], "title": ["Murray jailed", "Jackson dies"],
    ...                             "published": pd.to_datetime(["2011-11-29", "2009-06-26"])}))
    {'early': '26 Jun 2009 · Jackson dies', 'late': '29 Nov 2011 · Murray jailed'}
    """
    columns = [column for column in SOURCE_NAME_COLUMNS if column in statements]
    firsts = statements.drop_duplicates("doc_id")[columns]
    labels: dict[str, str] = {}
    order: dict[str, tuple] = {}
    for row in firsts.to_dict("records"):
        doc_id, outlet, title = str(row["doc_id"]), plain_text(row.get("outlet")).strip(), plain_text(row.get("title")).strip()
        published = row.get("published")
        dated = published is not None and not pd.isna(published)
        if outlet:
            labels[doc_id], order[doc_id] = outlet, (0, "", outlet.lower())
        elif title:
            short = shorten(title, SOURCE_TITLE_CHARS, at_word=True)
            labels[doc_id] = f"{day_label(published)} · {short}" if dated else short
            order[doc_id] = (1, pd.Timestamp(published).strftime("%Y-%m-%d") if dated else "~", short.lower())
        else:
            labels[doc_id], order[doc_id] = doc_id, (2, "", doc_id)
    counts = pd.Series(list(labels.values())).value_counts()
    for doc_id, label in list(labels.items()):
        if counts.get(label, 0) > 1:
            title = plain_text(firsts.loc[firsts["doc_id"] == doc_id, "title"].iloc[0]) if "title" in firsts else ""
            suffix = title[:SOURCE_SUFFIX_CHARS] if title and order[doc_id][0] == 0 else doc_id   # an outlet's twins
            labels[doc_id] = f"{label} · {suffix}"
    return {doc_id: labels[doc_id] for doc_id in sorted(labels, key=lambda doc_id: (order[doc_id], doc_id))}


def document_label(document: pd.Series) -> str:
    """How a document is named in pickers: its day, then 'outlet — title' (the doc_id when it has no title).

    >>> document_label(pd.Series({"doc_id": "d1", "title": "Iran alone", "outlet": None, "published": pd.Timestamp("2025-06-24")}))
    '24 Jun 2025 · Iran alone'
    >>> document_label(pd.Series({"doc_id": "d1", "title": None, "outlet": "Kyiv Post", "published": pd.NaT}))
    'Kyiv Post — d1'
    """
    title = plain_text(document["title"]) or str(document["doc_id"])
    outlet = plain_text(document["outlet"])
    published = document.get("published")
    day = f"{day_label(published)} · " if published is not None and not pd.isna(published) else ""
    return day + (f"{outlet} — {title}" if outlet else title)


def _nominal_label(grain: str, start: pd.Timestamp) -> tuple[str, pd.Timestamp] | None:
    """The label and nominal end of the period of `grain` that begins at `start`, when it is aligned."""
    if grain == "hour":
        return f"{day_label(start)} {start:%H}:00", start + pd.Timedelta(hours=1)
    if grain == "day":
        return day_label(start), start + pd.Timedelta(days=1)
    if grain == "week":
        return f"week of {day_label(start)}", start + pd.Timedelta(weeks=1)
    if grain == "month" and start.day == 1:
        return f"{MONTH_NAMES[start.month - 1]} {start.year}", start + pd.offsets.MonthBegin(1)
    if grain == "quarter" and start.day == 1 and start.month in (1, 4, 7, 10):
        return f"Q{(start.month - 1) // 3 + 1} {start.year}", start + pd.offsets.MonthBegin(3)
    if grain == "season" and start.day == 1 and start.month in _SEASONS:
        return f"{_SEASONS[start.month]} {start.year}", start + pd.offsets.MonthBegin(3)
    if grain == "year" and start.day == 1 and start.month == 1:
        return str(start.year), start + pd.offsets.YearBegin(1)
    if grain == "decade" and start.day_of_year == 1 and start.year % 10 == 0:
        return f"{start.year}s", pd.Timestamp(year=start.year + 10, month=1, day=1)
    if grain == "century" and start.day_of_year == 1 and start.year % 100 == 0:
        century = start.year // 100 + 1
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(century % 10 if century not in (11, 12, 13) else 0, "th")
        return f"{century}{suffix} century", pd.Timestamp(year=start.year + 100, month=1, day=1)
    return None


def interval_label(value: str, grain: str, start: pd.Timestamp, end: pd.Timestamp) -> str:
    """The resolved period in words, never more precise than the grain.

    >>> interval_label("2007", "year", pd.Timestamp("2007-01-01"), pd.Timestamp("2008-01-01"))
    '2007'
    >>> interval_label("2025-06-13/2025-06-24", "day", pd.Timestamp("2025-06-13"), pd.Timestamp("2025-06-25"))
    '13–24 Jun 2025'
    >>> interval_label("PAST_REF", "unknown", pd.NaT, pd.NaT)
    'unresolved (PAST_REF)'
    """
    if pd.isna(start):
        return f"unresolved ({value})" if isinstance(value, str) and value else "unresolved"
    nominal = _nominal_label(str(grain), start)
    if nominal is not None and (pd.isna(end) or nominal[1] == end):
        return nominal[0]
    last = end - pd.Timedelta(days=1) if end - start >= pd.Timedelta(days=1) else start
    whole_months = start.day == 1 and end.day == 1 and end.hour == 0
    if whole_months and start.month == 1 and end.month == 1 and last.year > start.year:
        return f"{start.year} – {last.year}"
    if whole_months:
        return (f"{MONTH_ABBREVIATIONS[start.month - 1]} – {MONTH_ABBREVIATIONS[last.month - 1]} {last.year}" if start.year == last.year
                else f"{MONTH_ABBREVIATIONS[start.month - 1]} {start.year} – {MONTH_ABBREVIATIONS[last.month - 1]} {last.year}")
    if start.year == last.year and start.month == last.month:
        return f"{start.day}–{last.day} {MONTH_ABBREVIATIONS[start.month - 1]} {start.year}"
    if start.year == last.year:
        return f"{start.day} {MONTH_ABBREVIATIONS[start.month - 1]} – {day_label(last)}"
    return f"{day_label(start)} – {day_label(last)}"


def period_labels(statements: pd.DataFrame) -> list[str]:
    """`interval_label` of every row, computed once per distinct (value, grain, start, end).

    >>> period_labels(pd.DataFrame({"value": ["2007"], "grain": ["year"], "start": [pd.Timestamp("2007-01-01")],
    ...                             "end": [pd.Timestamp("2008-01-01")]}))
    ['2007']
    """
    keys = list(zip(statements["value"].tolist(), statements["grain"].tolist(), statements["start"].tolist(),
                    statements["end"].tolist()))
    distinct = {key: interval_label(*key) for key in set(keys)}
    return [distinct[key] for key in keys]


def merge_choices(event: pd.Series, events: pd.DataFrame) -> dict[str, str]:
    """{event_id: '23 Jun 2025 · label · 3 sources'} of the other events, those nearest in time to `event` first
    (then events before episodes, the most reported first): on a desk of a thousand events its duplicate is at the
    top of the merge picker.

    >>> events = pd.DataFrame({"event_id": ["a", "b", "c"], "label": ["Quake", "Old quake", "Aftershock"],
    ...     "value": ["2010-01-12", "1842", "2010-01-13"], "grain": ["day", "year", "day"], "n_sources": [5, 1, 2],
    ...     "start": pd.to_datetime(["2010-01-12", "1842-01-01", "2010-01-13"]),
    ...     "end": pd.to_datetime(["2010-01-13", "1843-01-01", "2010-01-14"])})
    >>> list(merge_choices(events.iloc[0], events).values())
    ['13 Jan 2010 · Aftershock · 2 sources', '1842 · Old quake · 1 source']
    """
    others = events[events["event_id"] != event["event_id"]]
    distance = (pd.to_datetime(others["start"]) - pd.Timestamp(event["start"])).abs() if pd.notna(event["start"]) \
        else pd.Series(pd.NaT, index=others.index)
    order = others.assign(_distance=distance, _episode=others["kind"].eq("episode") if "kind" in others else False)
    order = order.sort_values(["_distance", "_episode", "n_sources", "label"], ascending=[True, True, False, True],
                              na_position="last", kind="stable")
    return {str(row["event_id"]): f"{interval_label(row['value'], row['grain'], row['start'], row['end'])} · "
                                  f"{row['label']} · {int(row['n_sources'])} source{'s' if int(row['n_sources']) != 1 else ''}"
            for row in order.to_dict("records")}


MACHINE_DATE_COLUMNS = ("machine_value", "machine_grain", "machine_start", "machine_end")


def machine_date_notes(frame: pd.DataFrame) -> pd.Series:
    """Per row, 'date fixed by the analyst (machine: 7 Oct 2024)' when the analyst's date differs from the
    extractor's (curated frames carry `machine_value`, ...), else '' (also for frames that were never curated).

    >>> frame = pd.DataFrame({"value": ["2023-10-07", "2007"], "machine_value": ["2024-10-07", "2007"],
    ...     "machine_grain": ["day", "year"], "machine_start": pd.to_datetime(["2024-10-07", "2007-01-01"]),
    ...     "machine_end": pd.to_datetime(["2024-10-08", "2008-01-01"])})
    >>> machine_date_notes(frame).tolist()
    ['date fixed by the analyst (machine: 7 Oct 2024)', '']
    """
    notes = pd.Series("", index=frame.index, dtype=object)
    if not all(column in frame.columns for column in MACHINE_DATE_COLUMNS) or frame.empty:
        return notes
    machine = frame["machine_value"].astype("string").fillna("")
    fixed = (machine != "") & (machine != frame["value"].astype("string").fillna(""))
    for index in frame.index[fixed.to_numpy(dtype=bool)]:
        row = frame.loc[index]
        notes[index] = ("date fixed by the analyst (machine: "
                        f"{interval_label(str(row['machine_value']), str(row['machine_grain']), row['machine_start'], row['machine_end'])})")
    return notes
