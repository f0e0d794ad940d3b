"""The tables the pages show: statements for reading/sorting, one row per source. Pure pandas.

>>> from extract.schema import empty_documents, empty_statements
>>> sources_table(empty_documents(), empty_statements(), empty_statements()).columns.tolist()[:4]
['title', 'outlet', 'author', 'reference date']
"""
from __future__ import annotations

import pandas as pd

from desk.labels import period_labels, source_labels
from extract.schema import KINDS


TABLE_ROWS = 5_000   # the Statements page lists at most this many rows (by date); the caption says how many match
# The statement columns the table reads (and so the only ones the page asks the data for).
TABLE_COLUMNS = ("statement_id", "doc_id", "outlet", "title", "date_text", "value", "grain", "start", "end", "kind",
                 "countries", "actors", "sentence")


def statements_table(statements: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """Readable columns for st.dataframe, indexed like `statements` (sources named by `labels`, else from the rows).

    >>> from extract.schema import empty_statements
    >>> statements_table(empty_statements()).columns.tolist()[:3]
    ['date as written', 'period', 'starts']
    """
    labels = source_labels(statements) if labels is None else labels
    return pd.DataFrame({
        "date as written": statements["date_text"],
        "period": period_labels(statements),
        "starts": statements["start"],
        "grain": statements["grain"],
        "kind": statements["kind"],
        "countries": statements["countries"].map(", ".join),
        "actors": statements["actors"].map(", ".join),
        "source": statements["doc_id"].map(lambda doc_id: labels.get(doc_id, doc_id)),
        "sentence": statements["sentence"],
        "statement_id": statements["statement_id"],
    }, index=statements.index)


def sources_table(documents: pd.DataFrame, statements: pd.DataFrame, shown: pd.DataFrame) -> pd.DataFrame:
    """One row per document: metadata, statements per kind, how many the filters show, status and problem.

    `shown` is what the filters keep (`apply_filters(statements, filters)`), counted per document.
    """
    every = statements.groupby(["doc_id", "kind"]).size().rename("statements").reset_index()
    kept = shown.groupby(["doc_id", "kind"]).size().rename("statements").reset_index()
    return sources_table_from_counts(documents, every, kept)


def sources_table_from_counts(documents: pd.DataFrame, kind_counts: pd.DataFrame, shown_counts: pd.DataFrame) -> pd.DataFrame:
    """`sources_table` from counts (doc_id, kind, statements) of every statement and of those the filters keep.

    >>> from extract.schema import empty_documents
    >>> sources_table_from_counts(empty_documents(), pd.DataFrame(), pd.DataFrame()).columns.tolist()[-3:]
    ['problem', 'reference date decided by', 'doc_id']
    """
    columns = {"doc_id": pd.Series(dtype="string"), "kind": pd.Series(dtype="string"), "statements": pd.Series(dtype="int64")}
    kind_counts = kind_counts if len(kind_counts.columns) else pd.DataFrame(columns)
    shown_counts = shown_counts if len(shown_counts.columns) else pd.DataFrame(columns)
    by_kind = kind_counts.pivot_table(index="doc_id", columns="kind", values="statements", aggfunc="sum",
                                      fill_value=0).reindex(columns=list(KINDS), fill_value=0)
    shown_per_document = shown_counts.groupby("doc_id")["statements"].sum()
    table = pd.DataFrame({"title": documents["title"], "outlet": documents["outlet"], "author": documents["author"],
                          "reference date": documents["published"],
                          "date confidence": documents["reference_date_confidence"]})
    for kind in KINDS:
        table[f"{kind} statements"] = documents["doc_id"].map(by_kind[kind]).fillna(0).astype("int64")
    table["shown by filters"] = documents["doc_id"].map(shown_per_document).fillna(0).astype("int64")
    table["status"] = documents["status"]
    table["problem"] = documents["problem"]
    table["reference date decided by"] = documents["reference_date_basis"]
    table["doc_id"] = documents["doc_id"]
    return table.reset_index(drop=True)


def needs_a_date(documents: pd.DataFrame) -> pd.Series:
    """True for each readable article without a reference date: its relative dates are unresolved until the
    analyst gives it one (`published` in sources.csv).

    >>> from extract.schema import conform_documents
    >>> frame = conform_documents(pd.DataFrame({"doc_id": ["a", "b"], "path": "", "title": "", "outlet": "", "author": "",
    ...     "published": [pd.NaT, pd.Timestamp("2025-06-13")], "url": "", "reference_date_basis": "", "text": "",
    ...     "status": "ok", "problem": ""}))
    >>> needs_a_date(frame).tolist()
    [True, False]
    """
    return (documents["status"] == "ok") & documents["published"].isna()


UNREADABLE_ONE_BY_ONE = 3   # up to this many unreadable files get a warning each; more get one summary and a list


def unreadable_summary(problems: list[str]) -> str:
    """One warning for many files that could not be read: how many, and how many of each problem (most first).

    >>> unreadable_summary(["empty file (no text)"] * 10 + ["not valid UTF-8 text"])
    '11 files could not be read, so no statement was extracted from them: 10 empty file (no text), 1 not valid UTF-8 text. They are the rows with status “unreadable” in the table; each is listed below.'
    """
    counts = pd.Series([problem or "could not be read" for problem in problems], dtype=object).value_counts(sort=True)
    parts = [f"{count} {problem}" for problem, count in counts.head(4).items()]
    if len(counts) > 4:
        parts.append(f"{int(counts.iloc[4:].sum())} with {len(counts) - 4} other problems")
    return (f"{len(problems)} files could not be read, so no statement was extracted from them: {', '.join(parts)}. "
            "They are the rows with status “unreadable” in the table; each is listed below.")

