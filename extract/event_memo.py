"""Event stage, the re-run cache: results of the stage's pure steps, by content, kept from one run to the next.

Reads the memo frame of the previous run (`EVENT_MEMO_COLUMNS`; none on a first run); writes this run's.

Most of the event stage's work on a statement depends only on its sentence's text and where its date
lies in it: whether the line is a page stamp, the sentence's content words, whether the date is a
passing mention or a present-tense "today", and the label derived from the sentence and its date
spans. The memo keeps those results keyed by content (a BLAKE2 hash of the sentence, plus the date's
offsets, grain and text, or the sentence's date spans) in three tables (`MEMO_TABLES`), together with
a fingerprint of the code that computed them (`event_stage_code`), so a re-run after one changed
article computes them only for the sentences that are new. What depends on the corpus as a whole
(TF-IDF weights, date blocks and clusters, salience, episodes) is computed again on every run: the
events of a run with a memo are the events of a run without one.

>>> memo = EventMemo()
>>> memo.lookup("sentence", ["k1", "k2", "k1"], lambda positions: [(False, f"words {p}") for p in positions])
[(False, 'words 0'), (False, 'words 1'), (False, 'words 0')]
>>> again = EventMemo(memo.frame())
>>> again.lookup("sentence", ["k2"], lambda positions: [(True, "computed again")])
[(False, 'words 1')]
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

# table -> the columns of one entry (the memo frame has one row per entry, the other tables' columns empty)
MEMO_TABLES: dict[str, tuple[str, ...]] = {
    "sentence": ("non_event_line", "content_words"),                     # key: the sentence
    "statement": ("stamp", "passing", "generic_present", "time_only"),   # key: sentence, date offsets, grain, text
    "label": ("label", "label_basis", "names_happening"),                # key: sentence, its date spans, which one
}
EVENT_MEMO_COLUMNS = ("table", "key", "code", *(column for columns in MEMO_TABLES.values() for column in columns))
BOOLEAN_COLUMNS = ("non_event_line", "stamp", "passing", "generic_present", "time_only", "names_happening")
MEMO_FILE_NAME = "event-memo.parquet"   # the memo's file in an output set, beside the events it served
# The modules whose code computes the memo's entries: a change to any of them empties the memo.
EVENT_STAGE_MODULES = ("event_memo.py", "merging.py", "labels.py", "tense.py")


def event_stage_code() -> str:
    """A fingerprint of the code that computes the memo's entries (`EVENT_STAGE_MODULES`)."""
    digest = hashlib.sha256()
    for name in EVENT_STAGE_MODULES:
        digest.update(name.encode() + b"\0" + (Path(__file__).resolve().parent / name).read_bytes())
    return digest.hexdigest()[:16]


def text_keys(texts: Sequence[str]) -> list[str]:
    """A 128-bit BLAKE2 hash of each text, in hex: the key of a sentence in the memo.

    >>> text_keys(["On 13 June Israel struck Iran."])[0][:12]
    '0567ab9dbf85'
    """
    return [hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest() for text in texts]


class EventMemo:
    """The memo of one run: entries of the previous run (when their code is today's) and those computed now."""

    def __init__(self, previous: pd.DataFrame | None = None) -> None:
        self.code = event_stage_code()
        self._entries: dict[str, dict[str, tuple]] = {table: {} for table in MEMO_TABLES}
        self._used: dict[str, set[str]] = {table: set() for table in MEMO_TABLES}
        self.reused = 0      # entries found, not computed (for the run's summary and the tests)
        self.computed = 0
        if previous is None or previous.empty or not set(EVENT_MEMO_COLUMNS) <= set(previous.columns):
            return
        current = previous[previous["code"] == self.code]
        for table, columns in MEMO_TABLES.items():
            rows = current[current["table"] == table]
            values = zip(*(rows[column].tolist() for column in columns))
            self._entries[table] = dict(zip(rows["key"].tolist(), (tuple(entry) for entry in values)))

    def lookup(self, table: str, keys: Sequence[str], compute: Callable[[list[int]], list[tuple]]) -> list[tuple]:
        """The entries of `keys` in `table`; `compute(positions)` gives those of keys not known yet (each once)."""
        known = self._entries[table]
        missing: dict[str, int] = {}
        for position, key in enumerate(keys):
            if key not in known and key not in missing:
                missing[key] = position
        if missing:
            for key, entry in zip(missing, compute(list(missing.values()))):
                known[key] = tuple(entry)
        self.computed += len(missing)
        used = self._used[table]
        self.reused += sum(1 for key in set(keys) if key not in missing and key not in used)
        used.update(keys)
        return [known[key] for key in keys]

    def frame(self) -> pd.DataFrame:
        """The entries this run looked up (not the previous run's others), as the memo frame to keep."""
        tables, keys, values = [], [], {column: [] for columns in MEMO_TABLES.values() for column in columns}
        for table, columns in MEMO_TABLES.items():
            used = sorted(self._used[table])
            tables.extend([table] * len(used))
            keys.extend(used)
            for column in values:
                values[column].extend([self._entries[table][key][columns.index(column)] for key in used]
                                      if column in columns else [None] * len(used))
        frame = pd.DataFrame({"table": tables, "key": keys, "code": self.code, **values},
                             columns=list(EVENT_MEMO_COLUMNS))
        return frame.astype({column: "boolean" for column in BOOLEAN_COLUMNS})
