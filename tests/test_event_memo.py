"""The event stage's re-run cache: a re-run after one changed article gives exactly the events of a full rebuild."""
import numpy as np
import pandas as pd
import pytest
from scipy.sparse import random as sparse_random

from extract.event_memo import EVENT_MEMO_COLUMNS, EventMemo
from extract.events import build_events, build_events_with_memo, medoid_orders
from extract.merging import MergeSettings, actor_incidence, similarity_matrix


def replicated(statements: pd.DataFrame, copies: int) -> pd.DataFrame:
    """The statements `copies` times, each copy's articles under their own doc ids (as a corpus of reprints)."""
    frames = []
    for copy in range(copies):
        frame = statements.copy()
        frame["doc_id"] = f"copy-{copy}/" + frame["doc_id"].astype(str)
        frame["statement_id"] = f"copy-{copy}/" + frame["statement_id"].astype(str)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def with_one_article_changed(statements: pd.DataFrame) -> pd.DataFrame:
    """One article edited (a word of every sentence replaced), one removed, the rest untouched."""
    docs = statements["doc_id"].drop_duplicates().tolist()
    edited, removed = docs[0], docs[1]
    changed = statements[statements["doc_id"] != removed].copy()
    rows = changed["doc_id"] == edited
    changed.loc[rows, "sentence"] = changed.loc[rows, "sentence"].str.replace("Russia", "Zambia", regex=False)
    return changed.reset_index(drop=True)


def memo_roundtrip(frame: pd.DataFrame, tmp_path) -> pd.DataFrame:
    frame.to_parquet(tmp_path / "event-memo.parquet")
    return pd.read_parquet(tmp_path / "event-memo.parquet")


@pytest.fixture(scope="module")
def corpus(seeds_extraction):
    statements, documents = seeds_extraction
    corpus = replicated(statements, 3)
    documents = replicated(documents.assign(statement_id=""), 3).drop(columns="statement_id")
    return corpus, documents


def test_rerun_with_the_previous_memo_equals_a_full_rebuild_after_one_article_changed(corpus, tmp_path):
    statements, documents = corpus
    _, previous_memo = build_events_with_memo(statements, documents, None)
    changed = with_one_article_changed(statements)
    assert not changed["sentence"].isin(statements["sentence"]).all()   # the edit reached some sentences

    full = build_events(changed, documents)
    memo = EventMemo(memo_roundtrip(previous_memo, tmp_path))
    rerun = build_events(changed, documents, memo=memo)

    pd.testing.assert_frame_equal(rerun, full)
    assert memo.reused > 0 and memo.computed > 0
    assert memo.computed < memo.reused / 5   # only the edited article's sentences were worked out again


def test_memo_keeps_only_the_entries_of_its_own_run(corpus):
    statements, documents = corpus
    _, first = build_events_with_memo(statements, documents, None)
    one_article = statements[statements["doc_id"] == statements["doc_id"].iloc[0]]
    _, second = build_events_with_memo(one_article, documents, first)
    assert list(second.columns) == list(EVENT_MEMO_COLUMNS)
    assert 0 < len(second) < len(first)
    assert set(second["key"]) <= set(first["key"])


def test_memo_written_by_other_code_is_not_used():
    memo = EventMemo()
    memo.lookup("sentence", ["k"], lambda positions: [(False, "old words")])
    stale = memo.frame().assign(code="code of another version")
    again = EventMemo(stale)
    assert again.lookup("sentence", ["k"], lambda positions: [(True, "new words")]) == [(True, "new words")]
    assert again.computed == 1


def test_memo_frame_survives_parquet_with_its_types(tmp_path):
    memo = EventMemo()
    memo.lookup("statement", ["s"], lambda positions: [(False, True, False, True)])
    memo.lookup("label", ["l"], lambda positions: [("Israel struck Iran", "clause carrying the date", False)])
    again = EventMemo(memo_roundtrip(memo.frame(), tmp_path))
    assert again.lookup("statement", ["s"], lambda positions: pytest.fail("recomputed")) == [(False, True, False, True)]
    assert again.lookup("label", ["l"], lambda positions: pytest.fail("recomputed")) == [
        ("Israel struck Iran", "clause carrying the date", False)]


def test_comparing_each_profile_once_gives_the_matrix_of_every_row_compared():
    rng = np.random.default_rng(3)
    distinct = sparse_random(6, 40, density=0.2, format="csr", random_state=4)
    rows = rng.integers(0, 6, size=30)   # 30 statements, 6 distinct sentences' words
    vectors = distinct[rows]
    actor_of = [frozenset(), frozenset({"Iran"}), frozenset({"Iran", "Israel"})]
    actors = [actor_of[row % 3] for row in rows]
    sentences = rng.integers(0, 12, size=30)
    incidence = actor_incidence(actors)
    every_row = similarity_matrix(vectors, incidence, sentences, MergeSettings())
    once = similarity_matrix(vectors, incidence, sentences, MergeSettings(), profile_codes=rows)
    assert np.array_equal(every_row, once)


def test_medoid_orders_in_batches_equal_each_list_ordered_alone():
    vectors = sparse_random(60, 25, density=0.3, format="csr", random_state=5)
    rng = np.random.default_rng(6)
    lists = [rng.choice(60, size=size, replace=False).tolist() for size in (1, 2, 5, 9, 14, 30)]
    alone = []
    for members in lists:
        block = vectors[members]
        centrality = np.asarray((block @ block.T).sum(axis=1)).ravel()
        alone.append([members[i] for i in sorted(range(len(members)), key=lambda i: (-round(float(centrality[i]), 9), i))])
    assert medoid_orders(lists, vectors, batch_pairs=50) == alone
    assert medoid_orders(lists, vectors) == alone


def test_a_date_block_above_the_limit_is_clustered_in_parts_with_a_warning(seeds_extraction):
    import warnings

    from extract.merging import OversizedBlockWarning, event_candidates

    statements, documents = seeds_extraction
    busiest = event_candidates(statements)["event_value"].value_counts()
    value, size = busiest.index[0], int(busiest.iloc[0])
    with warnings.catch_warnings():
        warnings.simplefilter("error", OversizedBlockWarning)
        build_events(statements, documents)   # the default limit is far above any seed block
    with pytest.warns(OversizedBlockWarning) as caught:
        events = build_events(statements, documents, merge_settings=MergeSettings(max_block_statements=2))
    assert any(f"the date {value} has {size:,} statements" in str(warning.message) for warning in caught)
    covered = {sid for ids in events[events["kind"] == "event"]["statement_ids"] for sid in ids}
    assert covered == set(event_candidates(statements)["statement_id"])
