"""TimelineJS of events: each event's label is the slide headline, its evidence (sentences, sources) the text.

Same escaping rules as the statements' TimelineJS writer (`desk.export.data`): article text is
HTML-escaped once in headline/text, twice in `group`/`display_date`.

>>> from desk.export.event_timelinejs import events_to_timelinejs
>>> events_to_timelinejs(pd.DataFrame(columns=["event_id", "start"]), {}, title="Iran")["events"]
[]
"""
from __future__ import annotations

import html
import json
from typing import Any

import pandas as pd

from desk.evidence import Evidence
from desk.export.data import _DATE_PARTS_BY_GRAIN, _as_plain_text_field, _date_parts, _unique_id
from desk.labels import interval_label
from extract.schema import POINT_GRAINS


def _evidence_html(items: list[Evidence]) -> str:
    paragraphs = [f"<p>“{item.sentence_html()}” — {html.escape(item.citation(), quote=False)}</p>" for item in items]
    return "".join(paragraphs) or "<p>(no sentence found for this event)</p>"


def events_to_timelinejs(events: pd.DataFrame, evidence: dict[str, list[Evidence]], *, title: str,
                         description: str = "") -> dict[str, Any]:
    """A TimelineJS document: a title slide and one slide per dated event (episodes are TimelineJS eras)."""
    slides, eras, taken = [], [], set()
    for event in events[events["start"].notna()].sort_values("start", kind="stable").to_dict("records"):
        grain = event["grain"] if event["grain"] in _DATE_PARTS_BY_GRAIN else "day"
        end = event["end"] if pd.notna(event["end"]) and event["end"] > event["start"] else None
        start_parts = _date_parts(event["start"], grain)
        end_parts = _date_parts(end - pd.Timedelta(microseconds=1), grain) if end is not None else None
        label = str(event["label"])
        if event["kind"] == "episode":
            eras.append({"start_date": start_parts, "end_date": end_parts or start_parts,
                         "text": {"headline": html.escape(label, quote=False)}})
            continue
        items = evidence.get(str(event["event_id"]), [])
        count = int(event["n_sources"])
        slide: dict[str, Any] = {
            "start_date": start_parts,
            "text": {"headline": html.escape(label, quote=False),
                     "text": f"<p><i>{count} source{'s' if count != 1 else ''}</i></p>" + _evidence_html(items)},
            "unique_id": _unique_id(str(event["event_id"]), taken),
        }
        if end_parts is not None and end_parts != start_parts:
            slide["end_date"] = end_parts
        if "end_date" in slide or grain not in POINT_GRAINS:
            slide["display_date"] = _as_plain_text_field(interval_label(event["value"], event["grain"], event["start"],
                                                                        event["end"]))
        slides.append(slide)
    document: dict[str, Any] = {"title": {"text": {"headline": html.escape(title, quote=False),
                                                   "text": html.escape(description, quote=False)}},
                                "events": slides}
    if eras:
        document["eras"] = eras
    return document


def events_timelinejs_bytes(events: pd.DataFrame, evidence: dict[str, list[Evidence]], *, title: str,
                            description: str = "") -> bytes:
    """`events_to_timelinejs` as UTF-8 JSON bytes."""
    document = events_to_timelinejs(events, evidence, title=title, description=description)
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
