"""The tables the pages show: statements for reading/sorting, one row per source. Pure pandas.

>>> from extract.schema import empty_documents, empty_statements
>>> sources_table(empty_documents(), empty_statements(), empty_statements()).columns.tolist()[:4]
['title', 'outlet', 'author', 'reference date']
"""
from __future__ import annotations

import pandas as pd

from desk.labels import period_labels, source_labels
from extract.schema import KINDS


def statements_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Readable columns for st.dataframe, indexed like `statements`.

    >>> from extract.schema import empty_statements
    >>> statements_table(empty_statements()).columns.tolist()[:3]
    ['date as written', 'period', 'starts']
    """
    labels = source_labels(statements)
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
    by_kind = pd.crosstab(statements["doc_id"], statements["kind"]).reindex(columns=list(KINDS), fill_value=0)
    shown_counts = shown["doc_id"].value_counts()
    table = pd.DataFrame({"title": documents["title"], "outlet": documents["outlet"], "author": documents["author"],
                          "reference date": documents["published"],
                          "date confidence": documents["reference_date_confidence"]})
    for kind in KINDS:
        table[f"{kind} statements"] = documents["doc_id"].map(by_kind[kind]).fillna(0).astype("int64")
    table["shown by filters"] = documents["doc_id"].map(shown_counts).fillna(0).astype("int64")
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
