"""Who appears, how often, when, and with whom: the Actors page's tables and charts.

A mention is counted once per sentence (one sentence may carry several date expressions and so
several statements). Years come from the resolved start of the statement.

>>> from extract.schema import empty_statements
>>> actor_mentions(empty_statements()).columns.tolist()
['actor', 'mentions', 'first_seen', 'last_seen']
"""
from __future__ import annotations

from itertools import combinations

import pandas as pd
import plotly.graph_objects as go

from desk.literal import plotly_literal
from extract.schema import DATE_DTYPE

MAX_ACTORS = 25
TITLE_PX = 44                  # a heatmap's title, above its column names
MAX_COLUMNS_WITH_NUMBERS = 30  # more columns than this and the numbers in the cells shrink to specks: colour and hover
COLUMN_NAME_PX_PER_CHAR = 5.2
VISIBLE_BLUES = [[0.0, "#c6dbef"], [0.5, "#4292c6"], [1.0, "#08306b"]]   # one sentence is a visible blue, not white  # height of a 12 px column name at 45 degrees, per character (sin 45° x ~7.3 px)


def _sentences(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence (doc_id, sentence_start), keeping its actors and earliest resolved start."""
    if statements.empty:
        return statements.assign(actors=[])[["doc_id", "sentence_start", "actors", "start"]]
    grouped = statements.groupby(["doc_id", "sentence_start"], sort=False)
    return pd.DataFrame({"actors": grouped["actors"].first(), "start": grouped["start"].min()}).reset_index()


def actor_mentions(statements: pd.DataFrame) -> pd.DataFrame:
    """Per actor: sentences mentioning it, first and last resolved date (most mentioned first).

    >>> frame = pd.DataFrame({"doc_id": ["a", "a", "b"], "sentence_start": [0, 0, 5],
    ...                       "actors": [["Putin", "Trump"], ["Putin", "Trump"], ["Putin"]],
    ...                       "start": pd.to_datetime(["2025-06-13", "2025-06-14", "2024-01-01"])})
    >>> actor_mentions(frame)[["actor", "mentions"]].values.tolist()
    [['Putin', 2], ['Trump', 1]]
    """
    exploded = _sentences(statements).explode("actors").dropna(subset=["actors"])
    if exploded.empty:
        return pd.DataFrame({"actor": pd.Series(dtype="string"), "mentions": pd.Series(dtype="int64"),
                             "first_seen": pd.Series(dtype=DATE_DTYPE), "last_seen": pd.Series(dtype=DATE_DTYPE)})
    table = exploded.groupby("actors").agg(mentions=("sentence_start", "size"), first_seen=("start", "min"),
                                           last_seen=("start", "max"))
    table = table.reset_index().rename(columns={"actors": "actor"})
    return table.sort_values(["mentions", "actor"], ascending=[False, True]).reset_index(drop=True)


def actor_year_counts(statements: pd.DataFrame, max_actors: int = MAX_ACTORS) -> pd.DataFrame:
    """Actor × year matrix of sentence counts (most mentioned actors first).

    >>> frame = pd.DataFrame({"doc_id": ["a", "b"], "sentence_start": [0, 5], "actors": [["Putin"], ["Putin"]],
    ...                       "start": pd.to_datetime(["2025-06-13", "2024-01-01"])})
    >>> actor_year_counts(frame).loc["Putin"].tolist()
    [1, 1]
    """
    sentences = _sentences(statements)
    sentences = sentences[sentences["start"].notna()].explode("actors").dropna(subset=["actors"])
    if sentences.empty:
        return pd.DataFrame()
    counts = sentences.assign(year=sentences["start"].dt.year).groupby(["actors", "year"]).size()
    return actor_year_matrix(counts.rename("sentences").reset_index().rename(columns={"actors": "actor"}), max_actors)


def actor_year_matrix(counts: pd.DataFrame, max_actors: int = MAX_ACTORS) -> pd.DataFrame:
    """The actor × year matrix from counts (actor, year, sentences), e.g. `desk.query.StatementStore.actor_years`.

    >>> actor_year_matrix(pd.DataFrame({"actor": ["Putin", "Putin", "Trump"], "year": [2024, 2025, 2025],
    ...                                 "sentences": [1, 2, 1]})).loc["Putin"].tolist()
    [1, 2]
    """
    if counts.empty:
        return pd.DataFrame()
    matrix = counts.pivot_table(index="actor", columns="year", values="sentences", aggfunc="sum", fill_value=0)
    matrix.index.name, matrix.columns.name = "actors", "year"
    order = matrix.sum(axis=1).sort_values(ascending=False, kind="stable").index[:max_actors]
    return matrix.loc[order].astype("int64")


def actor_cooccurrence(statements: pd.DataFrame, max_actors: int = MAX_ACTORS) -> pd.DataFrame:
    """Symmetric actor × actor matrix: sentences naming both.

    >>> frame = pd.DataFrame({"doc_id": ["a"], "sentence_start": [0], "actors": [["Trump", "Putin"]], "start": [pd.NaT]})
    >>> int(actor_cooccurrence(frame).loc["Putin", "Trump"])
    1
    """
    pairs: dict[tuple[str, str], int] = {}
    for actors in _sentences(statements)["actors"]:
        for first, second in combinations(sorted(set(actors)), 2):
            pairs[(first, second)] = pairs.get((first, second), 0) + 1
    return cooccurrence_matrix(pd.DataFrame([(first, second, count) for (first, second), count in pairs.items()],
                                            columns=["first", "second", "sentences"]), max_actors)


def cooccurrence_matrix(pairs: pd.DataFrame, max_actors: int = MAX_ACTORS) -> pd.DataFrame:
    """The symmetric matrix from pair counts (first, second, sentences), e.g. `desk.query.StatementStore.actor_pairs`.

    >>> int(cooccurrence_matrix(pd.DataFrame({"first": ["Putin"], "second": ["Trump"], "sentences": [2]})).loc["Trump", "Putin"])
    2
    """
    if pairs.empty:
        return pd.DataFrame()
    totals: dict[str, int] = {}
    for first, second, count in pairs[["first", "second", "sentences"]].itertuples(index=False):
        totals[first] = totals.get(first, 0) + int(count)
        totals[second] = totals.get(second, 0) + int(count)
    names = sorted(totals, key=lambda name: (-totals[name], name))[:max_actors]
    matrix = pd.DataFrame(0, index=names, columns=names, dtype="int64")
    for first, second, count in pairs[["first", "second", "sentences"]].itertuples(index=False):
        if first in matrix.index and second in matrix.index:
            matrix.loc[first, second] = int(count)
            matrix.loc[second, first] = int(count)
    return matrix


def _heatmap(matrix: pd.DataFrame, title: str, x_title: str, hover: str, colorscale: str | list) -> go.Figure:
    figure = go.Figure(go.Heatmap(
        z=matrix.to_numpy(), x=[plotly_literal(str(column)) for column in matrix.columns],
        y=[plotly_literal(str(row)) for row in matrix.index], colorscale=colorscale, hoverongaps=False,
        hovertemplate=hover, xgap=1, ygap=1, colorbar=dict(title=dict(text="sentences")),
        texttemplate="%{z}" if len(matrix.columns) <= MAX_COLUMNS_WITH_NUMBERS else None,  # else too small to read
    ))
    # the column names stand on top at 45 degrees, between the title and the cells: the top margin holds both
    longest = max((len(str(column)) for column in matrix.columns), default=0)
    names_px = int(COLUMN_NAME_PX_PER_CHAR * longest) + 12 + (22 if x_title else 0)
    figure.update_layout(template="plotly",
                         title=dict(text=title, x=0.01, xref="container", y=1, yref="container", yanchor="top",
                                    pad=dict(t=12)),
                         height=int(min(1000, 160 + 28 * len(matrix))) + names_px,
                         margin=dict(l=10, r=10, t=TITLE_PX + names_px, b=10), plot_bgcolor="white",
                         xaxis=dict(title=dict(text=x_title), type="category", side="top", tickangle=-45,
                                    automargin=False),
                         yaxis=dict(autorange="reversed", type="category"))
    return figure


def build_actor_year_heatmap(statements: pd.DataFrame) -> go.Figure:
    """Heatmap: which actor is mentioned in statements about which year."""
    return actor_year_heatmap(actor_year_counts(statements))


def actor_year_heatmap(matrix: pd.DataFrame) -> go.Figure:
    """The actor × year heatmap of `matrix` (`actor_year_counts` or `actor_year_matrix`)."""
    return _heatmap(matrix.replace(0, float("nan")), "Mentions by year the statement refers to", "year",
                    "%{y} in %{x}: %{z} sentence(s)<extra></extra>", VISIBLE_BLUES)


def build_cooccurrence_heatmap(statements: pd.DataFrame) -> go.Figure:
    """Heatmap: how often two actors are named in the same sentence."""
    return cooccurrence_heatmap(actor_cooccurrence(statements))


def cooccurrence_heatmap(matrix: pd.DataFrame) -> go.Figure:
    """The co-occurrence heatmap of `matrix` (`actor_cooccurrence` or `cooccurrence_matrix`)."""
    matrix = matrix.copy()
    for name in matrix.index:
        matrix.loc[name, name] = 0
    return _heatmap(matrix.replace(0, float("nan")), "Named in the same sentence", "",
                    "%{y} + %{x}: %{z} sentence(s)<extra></extra>", "Oranges")


def build_actor_mentions_bar(statements: pd.DataFrame) -> go.Figure:
    """Horizontal bars: sentences mentioning each actor."""
    return actor_mentions_bar(actor_mentions(statements))


def actor_mentions_bar(mentions: pd.DataFrame) -> go.Figure:
    """The bars of `mentions` (`actor_mentions`, most mentioned first)."""
    table = mentions.head(MAX_ACTORS)
    figure = go.Figure(go.Bar(x=table["mentions"], y=[plotly_literal(str(actor)) for actor in table["actor"]],
                              orientation="h", marker=dict(color="#1f4e9c"), text=table["mentions"],
                              textposition="outside",
                              hovertemplate="%{y}: %{x} sentence(s)<extra></extra>"))
    figure.update_layout(template="plotly", title=dict(text="How often each actor appears", x=0.01),
                         height=int(min(900, 140 + 26 * len(table))), margin=dict(l=10, r=30, t=50, b=10),
                         plot_bgcolor="white", yaxis=dict(autorange="reversed", type="category"),
                         xaxis=dict(title=dict(text="sentences"), gridcolor="#e3e6ec"))
    return figure
