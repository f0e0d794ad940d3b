"""One statements row with every schema column, for tests that need a handful of exact rows.

Columns default by their schema type ("" / 0 / NaT / []), then to a plain dated event; tests override
what they are about. `start`, `end` and `published` accept text ("2025-06-13") or None (NaT).
"""
from __future__ import annotations

import pandas as pd

from extract.schema import STATEMENT_COLUMNS, conform_statements

_BY_TYPE = {"string": "", "int64": 0, "object": []}
_DATE_COLUMNS = tuple(name for name, dtype in STATEMENT_COLUMNS.items() if dtype.startswith("datetime"))


def statement_row(statement_id: str = "doc_a:0-1", **columns: object) -> dict:
    """A statements row: `statement_id` plus any column given, the rest defaulted (a day-grain event of doc_a)."""
    sentence = str(columns.get("sentence", "Something happened."))
    date_text = str(columns.get("date_text", "x"))
    row: dict[str, object] = {name: ([] if dtype == "object" else _BY_TYPE.get(dtype, pd.NaT))
                              for name, dtype in STATEMENT_COLUMNS.items()}
    row.update({
        "statement_id": statement_id, "doc_id": "doc_a", "title": "T", "outlet": "O", "published": "2025-06-20",
        "sentence": sentence, "sentence_end": len(sentence), "date_text": date_text, "date_end_char": len(date_text),
        "value": "v", "grain": "day", "reference_date_basis": "dateline", "kind": "event", "rule": "r",
    })
    row.update(columns)
    if "country_mentions" in STATEMENT_COLUMNS and "country_mentions" not in columns:
        row["country_mentions"] = list(row["countries"])  # a party to the statement is also mentioned in it
    for name in _DATE_COLUMNS:
        value = row[name]
        row[name] = pd.NaT if value is None or value is pd.NaT else pd.Timestamp(value)
    for name, dtype in STATEMENT_COLUMNS.items():
        if dtype == "object":
            row[name] = list(row[name])
    return row


def statements_of(*rows: dict) -> pd.DataFrame:
    """A schema-typed statements frame of `rows` (from `statement_row`)."""
    return conform_statements(pd.DataFrame(list(rows)))
