"""A small factory of events frames (conforming to `extract.schema.conform_events`) for the briefing tests."""
from __future__ import annotations

import pandas as pd

from extract.schema import conform_events

_GRAIN_ENDS = {"day": pd.DateOffset(days=1), "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1)}


def make_event(label: str, value: str, *, grain: str = "day", n_sources: int = 1, salience: float = 1.0,
               kind: str = "event", end: str | None = None, episode_id: str = "", countries: tuple[str, ...] = ("Iran",),
               actors: tuple[str, ...] = (), doc_ids: tuple[str, ...] | None = None, event_id: str | None = None,
               statement_ids: tuple[str, ...] | None = None) -> dict:
    """One event row: `value` is the TIMEX3 value ("2025-06-13", "2024-10", "2007"); `end` overrides the period end."""
    start = pd.Timestamp(value if grain != "year" else f"{value}-01-01")
    stop = pd.Timestamp(end) if end else start + _GRAIN_ENDS.get(grain, pd.DateOffset(days=1))
    docs = list(doc_ids) if doc_ids is not None else [f"doc{index}" for index in range(n_sources)]
    identifier = event_id or f"ev_{abs(hash((label, value))) % 10**8:08d}"
    return dict(event_id=identifier, kind=kind, label=label, label_basis="test", summary=f"{label}.", value=value,
                grain=grain, start=start, end=stop,
                statement_ids=list(statement_ids) if statement_ids is not None else [f"{doc}:{identifier}" for doc in docs],
                doc_ids=docs, n_sources=n_sources, n_outlets=n_sources, countries=list(countries), actors=list(actors),
                salience=salience, episode_id=episode_id)


def events_frame(rows: list[dict]) -> pd.DataFrame:
    """The rows as a schema-conforming events frame (dates of any year, e.g. 1648)."""
    return conform_events(pd.DataFrame.from_records(rows))


DESIGN_CARD_LABELS = (
    "UN Security Council imposed an arms embargo on Iran",
    "Iran was invited to join the CSTO",
    "Israeli strike destroyed Iran's last S-300 systems",
    "Israel–Iran war",
)


def design_card_events() -> pd.DataFrame:
    """The seeds' story as events: the design card's four happenings plus the war's days and a few asides."""
    war = "ep_war"
    rows = [
        make_event(DESIGN_CARD_LABELS[0], "2007", grain="year", n_sources=2, salience=0.8, event_id="ev_embargo"),
        make_event(DESIGN_CARD_LABELS[1], "2007", grain="year", n_sources=1, salience=0.6, event_id="ev_csto",
                   countries=("Iran", "Russia")),
        make_event(DESIGN_CARD_LABELS[2], "2024-10", grain="month", n_sources=2, salience=0.7, event_id="ev_s300",
                   countries=("Israel", "Iran")),
        make_event(DESIGN_CARD_LABELS[3], "2025-06-13", grain="day", end="2025-06-25", kind="episode", n_sources=4,
                   salience=0.95, event_id=war, countries=("Israel", "Iran")),
        make_event("Israel launched Operation Rising Lion against Iran's nuclear sites", "2025-06-13", n_sources=4,
                   salience=1.0, episode_id=war, event_id="ev_rising_lion", countries=("Israel", "Iran")),
        make_event("Iran fired ballistic missiles at Tel Aviv", "2025-06-14", n_sources=3, salience=0.9,
                   episode_id=war, countries=("Israel", "Iran")),
        make_event("Putin offered to mediate between Israel and Iran", "2025-06-15", n_sources=2, salience=0.75,
                   episode_id=war, countries=("Russia", "Israel", "Iran")),
        make_event("Araghchi flew to Moscow for talks with Putin", "2025-06-22", n_sources=2, salience=0.7,
                   episode_id=war, countries=("Iran", "Russia")),
        make_event("The United States struck Fordow, Natanz and Isfahan", "2025-06-22", n_sources=3, salience=0.92,
                   episode_id=war, countries=("United States", "Iran")),
        make_event("A ceasefire between Israel and Iran took effect", "2025-06-24", n_sources=3, salience=0.88,
                   episode_id=war, countries=("Israel", "Iran")),
        make_event("Russia and Iran signed a strategic partnership treaty", "2025-01", grain="month", n_sources=2,
                   salience=0.65, countries=("Russia", "Iran")),
        make_event("The Soviet Union and Britain invaded Iran", "1941", grain="year", n_sources=1, salience=0.3,
                   countries=("Iran", "Russia")),
        make_event("Iran's parliament voted to suspend cooperation with the IAEA", "2025-06-25", n_sources=1,
                   salience=0.5, countries=("Iran",)),
        make_event("Analysts said Moscow's support for Tehran had been rhetorical", "2025-06-18", n_sources=1,
                   salience=0.4, countries=("Russia", "Iran")),
    ]
    return events_frame(rows)


def dense_year_with_outlier(outlier_value: str = "1648", n_dense: int = 24) -> pd.DataFrame:
    """`n_dense` day events spread over March–May 2025 plus one year-grain event in `outlier_value`."""
    days = pd.date_range("2025-03-03", "2025-05-28", periods=n_dense).normalize()
    rows = [make_event(f"Dense event number {index}", f"{day:%Y-%m-%d}", salience=0.5 + index / 100,
                       event_id=f"ev_dense_{index}") for index, day in enumerate(days)]
    rows.append(make_event("The Peace of Westphalia ended the Thirty Years' War", outlier_value, grain="year",
                           salience=0.99, event_id="ev_outlier"))
    return events_frame(rows)


OUTLETS = {"doc0": ("Kyiv Post", "Russia's strategic bankruptcy"), "doc1": ("Modern Diplomacy", "Cracks in the axis"),
           "doc2": ("Al-Monitor", "Moscow watches Tehran burn"), "doc3": ("The Insider", "Why Russia stayed out")}


def evidence_statements(events: pd.DataFrame) -> pd.DataFrame:
    """One statement per evidence id of `events`: a sentence that holds the event's label and its date as written."""
    from extract.schema import conform_statements

    rows = []
    for event in events.to_dict("records"):
        for statement_id, doc_id in zip(event["statement_ids"], event["doc_ids"]):
            date_text = str(event["value"])
            sentence = f"On {date_text}, {event['label']}, analysts said."
            outlet, title = OUTLETS.get(doc_id, (doc_id, f"Article {doc_id}"))
            rows.append(dict(
                statement_id=statement_id, doc_id=doc_id, title=title, outlet=outlet,
                published=pd.Timestamp("2025-06-26"), sentence=sentence, sentence_start=100, sentence_end=100 + len(sentence),
                date_text=date_text, date_start_char=103, date_end_char=103 + len(date_text), value=event["value"],
                grain=event["grain"], start=event["start"], end=event["end"], reference_date_basis="sources.csv",
                actors=event["actors"], countries=event["countries"], kind="event", rule="test_rule"))
    return conform_statements(pd.DataFrame.from_records(rows))
