"""Why an event is on the chart: every sentence behind it, with its source and the rule that fired (pure).

Read by the event detail panel, the TimelineJS export and the briefing pack, so the evidence an
analyst clicks is the evidence a slide cites.

>>> statements = pd.DataFrame({"statement_id": ["d1:3-10"], "doc_id": ["d1"], "sentence": ["On 13 June Israel struck."],
...     "sentence_start": [0], "date_start_char": [3], "date_end_char": [10], "date_text": ["13 June"],
...     "value": ["2025-06-13"], "grain": ["day"], "rule": ["day_month"], "title": ["War"], "outlet": ["Kyiv Post"],
...     "published": pd.to_datetime(["2025-06-15"]), "reference_date_basis": ["sources.csv"]})
>>> [item.citation() for item in event_evidence({"statement_ids": ["d1:3-10"]}, statements)]
['Kyiv Post, “War” (15 Jun 2025)']
"""
from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from desk.highlight import Span, highlight_html
from desk.labels import day_label

CONFIDENCE_COLUMNS = ("reference_date_confidence", "confidence")   # the ingest stage's column, when present


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)) else str(value).strip()


def day_text(moment: object) -> str:
    """'15 Jun 2025', or '' for a missing date (`desk.labels.day_label`).

    >>> day_text(pd.Timestamp("2025-06-15")), day_text(pd.NaT)
    ('15 Jun 2025', '')
    """
    return day_label(moment, missing="")


@dataclass(frozen=True)
class Evidence:
    """One sentence behind an event: the text, where its date expression is, the source and the rule."""

    statement_id: str
    doc_id: str
    sentence: str
    date_text: str
    date_start: int            # offsets of the date expression inside `sentence` (-1 when unknown)
    date_end: int
    value: str
    grain: str
    rule: str
    outlet: str
    title: str
    published: pd.Timestamp | None
    reference_date_basis: str
    reference_date_confidence: str

    def citation(self) -> str:
        """'Outlet, “Title” (15 Jun 2025)'."""
        parts = [part for part in (self.outlet, f"“{self.title}”" if self.title else "") if part]
        return (", ".join(parts) or self.doc_id) + f" ({day_text(self.published) or 'no date'})"

    def choice_text(self, limit: int = 90) -> str:
        """How the sentence is named in a picker: '“On 13 June Israel struck.” — Kyiv Post, “War” (15 Jun 2025)'."""
        sentence = self.sentence if len(self.sentence) <= limit else self.sentence[:limit].rsplit(" ", 1)[0] + " …"
        return f"“{sentence}” — {self.citation()}"

    def reference_date_text(self) -> str:
        """'15 Jun 2025 (decided by: sources.csv; confidence: high)'."""
        decided = [f"decided by: {self.reference_date_basis or 'unknown'}"]
        if self.reference_date_confidence:
            decided.append(f"confidence: {self.reference_date_confidence}")
        return f"{day_text(self.published) or 'unknown'} ({'; '.join(decided)})"

    def sentence_html(self) -> str:
        """The sentence escaped, its date expression marked (`desk.highlight`)."""
        if 0 <= self.date_start < self.date_end <= len(self.sentence):
            return highlight_html(self.sentence, [Span(self.date_start, self.date_end, "date", self.value)])
        return html.escape(self.sentence)


def cited_evidence(evidence: list[Evidence], limit: int) -> tuple[list[Evidence], int, int]:
    """The sentences to show first (the briefing pack, the event detail): one per article first, then more of the same
    articles, in the evidence's order, at most `limit`; with how many sentences are left out and from how many
    articles no sentence is cited.

    >>> from dataclasses import replace
    >>> item = Evidence("a:1-2", "a", "On Monday.", "Monday", 3, 9, "2010-01-11", "day", "weekday", "", "", None, "", "")
    >>> chosen, more, articles = cited_evidence([item, replace(item, statement_id="a:5-6"), replace(item, doc_id="b")], 2)
    >>> [entry.doc_id for entry in chosen], more, articles
    (['a', 'b'], 1, 0)
    """
    seen: set[str] = set()
    firsts = [index for index, item in enumerate(evidence) if not (item.doc_id in seen or seen.add(item.doc_id))]
    chosen = set(firsts[:limit])
    chosen.update([index for index in range(len(evidence)) if index not in chosen][:limit - len(chosen)])
    cited = [item for index, item in enumerate(evidence) if index in chosen]
    cited_articles = {item.doc_id for item in cited}
    return cited, len(evidence) - len(cited), len({item.doc_id for item in evidence} - cited_articles)


def _confidence(row: dict, document: dict | None) -> str:
    for column in CONFIDENCE_COLUMNS:
        for source in (row, document):
            if source is not None and column in source and _text(source[column]):
                return _text(source[column])
    return ""


def _records_by(frame: pd.DataFrame | None, key: str) -> dict[str, dict] | None:
    """{key value: the row as a dict}, the first row of each value (one pass, not a `.loc` per lookup)."""
    if frame is None:
        return None
    unique = frame.drop_duplicates(key)
    return dict(zip(unique[key].tolist(), unique.to_dict("records")))


def _evidence_of(event: pd.Series | dict, by_id: dict[str, dict], docs: dict[str, dict] | None) -> list[Evidence]:
    evidence = []
    for statement_id in event["statement_ids"]:
        row = by_id.get(statement_id)
        if row is None:
            continue
        document = docs.get(row["doc_id"]) if docs is not None else None
        offset = int(row["sentence_start"])
        published = row["published"] if document is None or pd.isna(document["published"]) else document["published"]
        evidence.append(Evidence(
            statement_id=str(statement_id), doc_id=_text(row["doc_id"]), sentence=_text(row["sentence"]),
            date_text=_text(row["date_text"]), date_start=int(row["date_start_char"]) - offset,
            date_end=int(row["date_end_char"]) - offset, value=_text(row["value"]), grain=_text(row["grain"]),
            rule=_text(row["rule"]),
            outlet=_text(document["outlet"]) if document is not None and _text(document["outlet"]) else _text(row["outlet"]),
            title=_text(document["title"]) if document is not None and _text(document["title"]) else _text(row["title"]),
            published=None if pd.isna(published) else pd.Timestamp(published),
            reference_date_basis=_text(row["reference_date_basis"]), reference_date_confidence=_confidence(row, document)))
    return evidence


def event_evidence(event: pd.Series | dict, statements: pd.DataFrame,
                   documents: pd.DataFrame | None = None) -> list[Evidence]:
    """The evidence of `event` (its statement_ids, in order; ids missing from `statements` are skipped)."""
    return _evidence_of(event, _records_by(statements, "statement_id"), _records_by(documents, "doc_id"))


def evidence_by_event(events: pd.DataFrame, statements: pd.DataFrame,
                      documents: pd.DataFrame | None = None) -> dict[str, list[Evidence]]:
    """`event_evidence` of every event, keyed by event_id (the statements and documents are indexed once)."""
    by_id, docs = _records_by(statements, "statement_id"), _records_by(documents, "doc_id")
    return {str(event["event_id"]): _evidence_of(event, by_id, docs) for _, event in events.iterrows()}
