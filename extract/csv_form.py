r"""The one CSV form of a frame (statements, events): `python -m extract --out x.csv` and the dashboard's CSV download.

UTF-8 with a BOM (so Excel shows accents), CRLF line ends (RFC 4180; a field holding a lone CR or LF is then
quoted, so it reads back whole), list columns `"; "`-joined, datetimes as ISO 8601
(any year 1-9999, "" when missing), and text cells guarded against formula injection: a cell that a spreadsheet
would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, and so does a
cell that already starts with one, so `unguard_formula` restores every text exactly.

>>> frame = pd.DataFrame({"sentence": ['=HYPERLINK("x")', "'quoted", "-5 dead"], "actors": [["Iran", "IAEA"], [], []]})
>>> print(frame_to_csv(frame).decode("utf-8-sig").replace("\r\n", "\n"), end="")
sentence,actors
"'=HYPERLINK(""x"")",Iran; IAEA
''quoted,
'-5 dead,
"""
from __future__ import annotations

import numpy as np
import pandas as pd

LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"


def guard_formula(text: str) -> str:
    """`text` made safe to open in a spreadsheet: a leading apostrophe when it would start a formula (or starts with one).

    >>> guard_formula("=1+1"), guard_formula("'x"), guard_formula("plain")
    ("'=1+1", "''x", 'plain')
    """
    return GUARD + text if text.startswith(FORMULA_STARTS + (GUARD,)) else text


def unguard_formula(text: str) -> str:
    """The text `guard_formula` was given.

    >>> [unguard_formula(guard_formula(text)) for text in ("=1+1", "'x", "plain", "")]
    ['=1+1', "'x", 'plain', '']
    """
    return text[1:] if text.startswith(GUARD) else text


def _guarded(text: pd.Series) -> pd.Series:
    """`guard_formula` on a whole string column at once (missing stays missing)."""
    dangerous = text.str.startswith(FORMULA_STARTS + (GUARD,)).fillna(False).astype(bool)
    return text.where(~dangerous, GUARD + text)


def _is_list_column(column: pd.Series) -> bool:
    return column.dtype == object and column.map(lambda value: isinstance(value, (list, tuple))).any()


def frame_to_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes of `frame` in the one CSV form (see the module docstring)."""
    flat = pd.DataFrame(index=frame.index)
    for name in frame.columns:
        column = frame[name]
        if column.dtype.kind == "M":
            iso = np.datetime_as_string(column.to_numpy().astype("datetime64[s]"), unit="s")  # years 1-9999, 0-padded
            flat[name] = np.where(column.isna().to_numpy(), "", iso)
        elif _is_list_column(column):
            flat[name] = _guarded(column.map(lambda values: LIST_SEPARATOR.join(str(item) for item in values)
                                             if isinstance(values, (list, tuple)) else "").astype("string"))
        elif column.dtype.kind in "iufb":
            flat[name] = column
        else:
            flat[name] = _guarded(column.astype("string"))
    return flat.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
