"""The event stage: statements -> one row per real-world happening (schema `extract.schema.EVENT_COLUMNS`).

Reads the statements and documents frames; writes the events frame. Small steps, each its own
module: `extract.merging` (which statements tell of the same happening), `extract.labels` (a
headline from the evidence), `extract.salience` (the ranking score, formula in its docstring) and
`extract.episodes` (runs of near events that share countries, one `episode` row spanning them).

- `event_id` is "ev-" + 12 hex digits of the SHA-1 of the sorted statement ids (episodes: "ep-" +
  the same of their events' ids), so the same evidence gives the same id on every run.
- `summary` is the evidence sentence most similar to the others (at the event's own precision);
  `label` is derived from it (`label_basis` says how); `value`, `grain`, `start`, `end` are the
  event's most precise date (an hour is read at its day).

>>> build_events(empty_statements(), empty_documents()).columns.tolist() == list(EVENT_COLUMNS)
True
"""
from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter, defaultdict

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix

from extract.episodes import EpisodeName, EpisodeSettings, EpisodeSpan, episode_name, find_episodes, thread_parents
from extract.event_memo import EVENT_MEMO_COLUMNS, EventMemo
from extract.labels import Label, derive_label
from extract.merging import MergeSettings, event_candidates, merge_statements, sentence_vectors
from extract.salience import EARLY_REPORTING_DAYS, PROMPT_REPORTING_DAYS, TOP_ACTORS, SalienceWeights, episode_score, salience_score
from extract.schema import EVENT_COLUMNS, conform_events, empty_documents, empty_events, empty_statements

LABEL_TRIES = 5   # the most central statements tried, in turn, for a label of at least two words

__all__ = ["build_events", "build_events_with_memo", "MergeSettings", "SalienceWeights", "EpisodeSettings"]


def stable_id(prefix: str, parts: list[str]) -> str:
    """A short id that depends only on the set of `parts`.

    >>> stable_id("ev-", ["b:1-2", "a:3-4"]) == stable_id("ev-", ["a:3-4", "b:1-2"])
    True
    """
    return prefix + hashlib.sha1("\n".join(sorted(parts)).encode("utf-8")).hexdigest()[:12]


def _ranked_union(lists: list[list[str]]) -> list[str]:
    counts: Counter = Counter()
    first_seen: dict[str, int] = {}
    for items in lists:
        for item in items:
            counts[item] += 1
            first_seen.setdefault(item, len(first_seen))
    return sorted(counts, key=lambda item: (-counts[item], first_seen[item]))


class _Corpus:
    """Corpus-wide figures the salience needs: who publishes what when, which articles mention a date or an actor."""

    def __init__(self, statements: pd.DataFrame, documents: pd.DataFrame, candidates: pd.DataFrame) -> None:
        documents = documents[[name for name in ("doc_id", "outlet", "published", "status") if name in documents]]
        readable = documents[documents["status"] == "ok"] if "status" in documents else documents
        readable_docs = _objects(readable["doc_id"])
        self.outlet = {doc: (outlet if isinstance(outlet, str) and outlet else doc)
                       for doc, outlet in zip(readable_docs, _objects(readable["outlet"]))}
        self.published = dict(zip(readable_docs, _objects(readable["published"])))
        first_of_doc = statements[["doc_id", "published"]].drop_duplicates("doc_id")   # the first seen wins
        for doc, published in zip(_objects(first_of_doc["doc_id"]), _objects(first_of_doc["published"])):
            self.published.setdefault(doc, published)
        self.n_documents = max(1, len(set(readable_docs) | set(_objects(first_of_doc["doc_id"]))))
        # publication times in whole seconds (a lag in whole days is the same from them), NaT left out
        times = pd.to_datetime(pd.Series(list(self.published.values()), dtype="object")).to_numpy()
        seconds = times.astype("datetime64[s]")
        self._seconds = {doc: second for doc, second, known in zip(self.published, seconds, ~np.isnat(times)) if known}
        self._epoch_seconds = {doc: int(second.astype(np.int64)) for doc, second in self._seconds.items()}
        pairs = pd.DataFrame({"value": candidates["event_value"].to_numpy(), "doc": _objects(candidates["doc_id"])})
        self.articles_by_value = {value: docs for value, docs in
                                  pairs.drop_duplicates().groupby("value", sort=False)["doc"]}
        self._published_by_value: dict[str, np.ndarray] = {}
        articles_by_actor: dict[str, set[str]] = defaultdict(set)
        for actors, doc in zip(_objects(statements["actors"]), _objects(statements["doc_id"])):
            for actor in actors:
                articles_by_actor[actor].add(doc)
        self.actor_share = {actor: len(docs) / self.n_documents for actor, docs in articles_by_actor.items()}

    def prompt_date_articles(self, value: str, start: pd.Timestamp, end: pd.Timestamp) -> int:
        """Articles mentioning the date `value` published from a day before `start` to a week after `end`."""
        first = (pd.Timestamp(start) - pd.Timedelta(days=EARLY_REPORTING_DAYS)).to_datetime64().astype("datetime64[s]")
        last = (pd.Timestamp(end) + pd.Timedelta(days=PROMPT_REPORTING_DAYS)).to_datetime64().astype("datetime64[s]")
        if value not in self._published_by_value:   # the articles' publication times, sorted, once per date value
            docs = self.articles_by_value.get(value, ())
            self._published_by_value[value] = np.sort(np.array([self._seconds[doc] for doc in docs if doc in self._seconds],
                                                                dtype="datetime64[s]"))
        times = self._published_by_value[value]
        return int(np.searchsorted(times, last, side="left") - np.searchsorted(times, first, side="left"))

    def prompt_share(self, doc_ids: list[str], start: pd.Timestamp) -> float:
        """Share of `doc_ids` published from `start` to a week after it (whole days: the lag's floor)."""
        if not doc_ids or pd.isna(start):
            return 0.0
        start_second = int(np.datetime64(pd.Timestamp(start).to_datetime64(), "s").astype(np.int64))
        lags = [(self._epoch_seconds[doc] - start_second) // 86_400 for doc in doc_ids if doc in self._epoch_seconds]
        return sum(0 <= lag <= PROMPT_REPORTING_DAYS for lag in lags) / len(doc_ids)

    def actor_weight(self, actors: list[str]) -> float:
        shares = sorted((self.actor_share.get(actor, 0.0) for actor in actors), reverse=True)[:TOP_ACTORS]
        return float(np.mean(shares)) if shares else 0.0


def _objects(column: pd.Series) -> list:
    """The values of a column as Python objects (iterating an Arrow-backed column value by value is slow)."""
    return column.to_numpy(dtype=object).tolist()


def _date_spans_by_sentence(statements: pd.DataFrame, sentence_keys: set[str]) -> dict[str, list[tuple[int, int]]]:
    """The date spans (relative to the sentence) of every event statement of each sentence in `sentence_keys`."""
    events = statements["kind"].to_numpy(dtype=object) == "event"
    docs = statements["doc_id"].to_numpy(dtype=object)[events]
    sentence_starts = statements["sentence_start"].to_numpy()[events]
    keys = np.array([f"{doc}:{start}" for doc, start in zip(docs, sentence_starts.tolist())], dtype=object)
    wanted = np.flatnonzero(pd.Series(keys).isin(sentence_keys).to_numpy(dtype=bool))
    starts = statements["date_start_char"].to_numpy()[events][wanted] - sentence_starts[wanted]
    ends = statements["date_end_char"].to_numpy()[events][wanted] - sentence_starts[wanted]
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for key, start, end in zip(keys[wanted], starts.tolist(), ends.tolist()):
        spans[key].append((int(start), int(end)))
    return {key: sorted(set(value)) for key, value in spans.items()}


def medoid_orders(member_lists: list[list[int]], vectors: csr_matrix, batch_pairs: int = 2_000_000) -> list[list[int]]:
    """Each list of rows ordered by centrality (the sum of its cosines to the list's rows), ties in list order.

    Lists are multiplied in batches, one product per batch: each list's words are its own columns, so
    the product is block-diagonal and each list's sums are those of its own product.

    >>> vectors = csr_matrix(np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0], [1.0, 0.0]]))
    >>> medoid_orders([[0, 1, 2], [3], [2, 0]], vectors)
    [[1, 2, 0], [3], [2, 0]]
    """
    orders = [list(members) for members in member_lists]
    batch: list[int] = []
    pairs = 0
    for index, members in enumerate(member_lists):
        if len(members) < 2:
            continue
        batch.append(index)
        pairs += len(members) ** 2
        if pairs >= batch_pairs:
            _order_batch(batch, member_lists, vectors, orders)
            batch, pairs = [], 0
    if batch:
        _order_batch(batch, member_lists, vectors, orders)
    return orders


def _order_batch(batch: list[int], member_lists: list[list[int]], vectors: csr_matrix, orders: list[list[int]]) -> None:
    lists = [member_lists[index] for index in batch]
    sizes = [len(members) for members in lists]
    block = vectors[np.concatenate([np.asarray(members, dtype=np.int64) for members in lists])]
    owner = np.repeat(np.repeat(np.arange(len(lists), dtype=np.int64), sizes), np.diff(block.indptr))
    _, column = np.unique(owner * vectors.shape[1] + block.indices, return_inverse=True)   # each list's own columns
    own_columns = csr_matrix((block.data, column.ravel(), block.indptr), shape=(block.shape[0], int(column.max()) + 1))
    centrality = np.asarray((own_columns @ own_columns.T).sum(axis=1)).ravel()
    offset = 0
    for index, members in zip(batch, lists):
        mine = centrality[offset:offset + len(members)]
        offset += len(members)
        orders[index] = [members[i] for i in sorted(range(len(members)), key=lambda i: (-round(float(mine[i]), 9), i))]


_ROW_COLUMNS = ("statement_id", "doc_id", "sentence", "sentence_start", "date_start_char", "date_end_char",
                "sentence_key", "sentence_hash", "event_grain", "event_value", "event_start", "event_end", "actors",
                "countries", "passing", "generic_present")


_DATE_COLUMNS = ("event_start", "event_end")   # kept as datetime64: only each event's first member's are read


def _label_for(row: int, columns: dict[str, list], spans_by_sentence: dict, memo: EventMemo) -> Label:
    spans = spans_by_sentence[columns["sentence_key"][row]]
    sentence_start = columns["sentence_start"][row]
    own_span = (int(columns["date_start_char"][row] - sentence_start), int(columns["date_end_char"][row] - sentence_start))
    own = spans.index(own_span)
    key = f"{columns['sentence_hash'][row]}:{','.join(f'{a}-{b}' for a, b in spans)}:{own}"
    label = memo.lookup("label", [key], lambda positions: [
        dataclasses.astuple(derive_label(columns["sentence"][row], spans, own))])[0]
    return Label(*label)


def _in_text_order(members: list[int], columns: dict[str, list]) -> list[int]:
    return sorted(members, key=lambda m: (columns["doc_id"][m], columns["date_start_char"][m]))


def _event_row(members: list[int], in_text_order: list[int], ordered: list[int], columns: dict[str, list],
               spans_by_sentence: dict, corpus: _Corpus, weights: SalienceWeights, memo: EventMemo) -> dict:
    first = members[0]
    grain = columns["event_grain"][first]
    label, label_row = None, ordered[0]
    for member in ordered[:LABEL_TRIES]:
        candidate = _label_for(member, columns, spans_by_sentence, memo)
        if len(candidate.text.split()) >= 2:
            label, label_row = candidate, member
            break
    if label is None:
        label = _label_for(label_row, columns, spans_by_sentence, memo)
    statement_ids = [columns["statement_id"][m] for m in in_text_order]
    doc_ids = sorted({columns["doc_id"][m] for m in members})
    seen_sentences: set[str] = set()
    one_per_sentence = []
    for m in in_text_order:
        if columns["sentence_key"][m] not in seen_sentences:
            seen_sentences.add(columns["sentence_key"][m])
            one_per_sentence.append(m)
    actors = _ranked_union([columns["actors"][m] for m in one_per_sentence])
    start, end = pd.Timestamp(columns["event_start"][first]), pd.Timestamp(columns["event_end"][first])
    salience = salience_score(
        n_sources=len(doc_ids),
        n_date_articles=corpus.prompt_date_articles(columns["event_value"][first], start, end),
        prompt_share=corpus.prompt_share(doc_ids, start), actor_weight=corpus.actor_weight(actors), grain=grain,
        only_passing=all(columns["passing"][m] for m in members), weights=weights,
        only_generic_present=all(columns["generic_present"][m] for m in members), names_happening=label.names_happening)
    return {
        "event_id": stable_id("ev-", statement_ids), "kind": "event",
        "label": label.text, "label_basis": f"statement {columns['statement_id'][label_row]}: {label.basis}",
        "summary": columns["sentence"][ordered[0]], "value": columns["event_value"][first], "grain": grain,
        "start": start, "end": end, "statement_ids": statement_ids, "doc_ids": doc_ids,
        "n_sources": len(doc_ids), "n_outlets": len({corpus.outlet.get(doc, doc) for doc in doc_ids}),
        "countries": _ranked_union([columns["countries"][m] for m in one_per_sentence]), "actors": actors,
        "salience": round(salience, 6), "episode_id": "",
    }


def _episode_row(events: pd.DataFrame, members: list[int], name: EpisodeName, corpus: _Corpus,
                 weights: SalienceWeights) -> dict:
    run = events.loc[members]
    statement_ids = sorted({sid for ids in run["statement_ids"] for sid in ids})
    doc_ids = sorted({doc for docs in run["doc_ids"] for doc in docs})
    start, end = run["start"].min(), run["end"].max()
    best = run.sort_values(["salience", "event_id"], ascending=[False, True]).iloc[0]
    days = (pd.Timestamp(end) - pd.Timedelta(days=1)).date().isoformat()
    return {
        "event_id": stable_id("ep-", run["event_id"].tolist()), "kind": "episode", "label": name.label,
        "label_basis": f"episode of {len(run)} events from {pd.Timestamp(start).date()} to {days} sharing "
                       f"{', '.join(name.countries)}; noun '{name.noun}' from the events' sentences",
        "summary": best["summary"], "value": f"{pd.Timestamp(start).date().isoformat()}/{days}", "grain": "day",
        "start": start, "end": end, "statement_ids": statement_ids, "doc_ids": doc_ids, "n_sources": len(doc_ids),
        "n_outlets": len({corpus.outlet.get(doc, doc) for doc in doc_ids}),
        "countries": _ranked_union(run["countries"].tolist()), "actors": _ranked_union(run["actors"].tolist()),
        "salience": round(episode_score(run["salience"].tolist(), weights), 6), "episode_id": "",
    }


def build_events(statements: pd.DataFrame, documents: pd.DataFrame | None = None,
                 merge_settings: MergeSettings = MergeSettings(), weights: SalienceWeights = SalienceWeights(),
                 episode_settings: EpisodeSettings = EpisodeSettings(), memo: EventMemo | None = None) -> pd.DataFrame:
    """The events frame of a statements frame: merged, labelled, ranked, with episodes (see the module docstring).

    `memo` (`extract.event_memo`) gives what an earlier run computed per sentence and statement and collects this
    run's; the events are the same with or without it.
    """
    memo = memo if memo is not None else EventMemo()
    documents = empty_documents() if documents is None else documents
    candidates = event_candidates(statements, memo)
    if candidates.empty:
        return empty_events()
    vectors = sentence_vectors(candidates)
    clusters = merge_statements(candidates, vectors, merge_settings)
    corpus = _Corpus(statements, documents, candidates)
    columns = {name: candidates[name].to_numpy() if name in _DATE_COLUMNS else _objects(candidates[name])
               for name in _ROW_COLUMNS}
    in_text_orders = [_in_text_order(members, columns) for members in clusters]
    grains = [columns["event_grain"][members[0]] for members in clusters]
    at_grain = [[m for m in in_text if columns["event_grain"][m] == grain] or in_text
                for in_text, grain in zip(in_text_orders, grains)]
    ordered = medoid_orders(at_grain, vectors)
    labelled = {columns["sentence_key"][m] for order in ordered for m in order[:LABEL_TRIES]}
    spans_by_sentence = _date_spans_by_sentence(statements, labelled)
    rows = [_event_row(members, in_text, order, columns, spans_by_sentence, corpus, weights, memo)
            for members, in_text, order in zip(clusters, in_text_orders, ordered)]
    events = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    episode_rows, spans = [], []
    for members in find_episodes(events, episode_settings):
        name = episode_name(events.loc[members, "countries"].tolist(), events.loc[members, "summary"].tolist())
        if name is None:
            continue
        episode = _episode_row(events, members, name, corpus, weights)
        events.loc[members, "episode_id"] = episode["event_id"]
        episode_rows.append(episode)
        spans.append(EpisodeSpan(name, episode["start"], episode["end"], frozenset(episode["doc_ids"])))
    for row, span, parent in zip(episode_rows, spans, thread_parents(spans)):  # "Haiti earthquake: United States"
        if parent is not None:
            row["label"] = span.name.as_thread_of(parent)
            row["label_basis"] += f"; a thread of the larger episode '{parent.label}' told by the same articles"
    if episode_rows:
        events = pd.concat([events, pd.DataFrame(episode_rows, columns=list(EVENT_COLUMNS))], ignore_index=True)
    events = events.sort_values(["start", "kind", "salience", "event_id"], ascending=[True, True, False, True],
                                kind="stable")
    return conform_events(events)


def build_events_with_memo(statements: pd.DataFrame, documents: pd.DataFrame | None,
                           previous_memo: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The events of `statements` and the memo frame to keep for the next run, given the previous run's memo (or None).

    >>> events, memo = build_events_with_memo(empty_statements(), empty_documents(), None)
    >>> events.empty, list(memo.columns) == list(EVENT_MEMO_COLUMNS)
    (True, True)
    """
    memo = EventMemo(previous_memo)
    events = build_events(statements, documents, memo=memo)
    return events, memo.frame()


def top_events(events: pd.DataFrame, n: int, kind: str = "event") -> pd.DataFrame:
    """The `n` most salient events of one kind, most salient first.

    >>> top_events(empty_events(), 5).empty
    True
    """
    chosen = events[events["kind"] == kind]
    return chosen.sort_values(["salience", "event_id"], ascending=[False, True]).head(n)


