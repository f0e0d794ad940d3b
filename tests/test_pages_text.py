"""Article text on the pages: escaped first, then marked; tables built for the pages."""
from __future__ import annotations

import pandas as pd
import pytest

from desk.highlight import (
    Span,
    actor_spans,
    article_header_html,
    facts_table_html,
    highlight_html,
    statement_sentence_html,
)
from desk.loading import DataProblem, documents_from_statements, read_statements
from desk.tables import sources_table, statements_table
from extract.actors import load_gazetteer
from tests.support.synthetic import synthetic_documents, synthetic_statements


def test_markup_in_article_text_is_shown_as_text():
    assert highlight_html("<script>alert(1)</script> *x*", []) == "&lt;script&gt;alert(1)&lt;/script&gt; *x*"


def test_a_date_inside_an_actor_span_wins_and_nothing_is_lost():
    text = "Putin on 13 June"
    marked = highlight_html(text, [Span(0, 16, "actor", "Vladimir Putin"), Span(9, 16, "date", "2025-06-13")])
    assert marked == ('<mark class="td-actor" title="Vladimir Putin">Putin on </mark>'
                      '<mark class="td-date" title="2025-06-13">13 June</mark>')


def test_span_titles_are_escaped_as_attributes():
    assert 'title="a&quot;b"' in highlight_html("xy", [Span(0, 1, "date", 'a"b')])


def test_statement_sentence_marks_its_own_date_expression():
    statement = synthetic_statements(30, seed=9).iloc[4]
    marked = statement_sentence_html(statement)
    assert f'title="{statement["value"]}">{statement["date_text"]}</mark>' in marked


def test_every_synthetic_date_span_points_at_its_text_in_the_document():
    statements = synthetic_statements(80, seed=2)
    documents = synthetic_documents(statements).set_index("doc_id")
    for row in statements.itertuples():
        assert documents.loc[row.doc_id, "text"][row.date_start_char:row.date_end_char] == row.date_text


def test_actor_spans_come_from_the_gazetteer_tagger():
    text = "Vladimir Putin met Abbas Araghchi in Moscow."
    found = {(span.start, span.end) for span in actor_spans(text, load_gazetteer())}
    assert (0, 14) in found


def test_facts_and_header_escape_article_fields():
    assert "&lt;b&gt;" in facts_table_html([("Source", "<b>Wire</b>")])
    document = synthetic_documents(synthetic_statements(10)).iloc[4]
    header = article_header_html(document)
    assert "Wire &lt;b&gt;Desk&lt;/b&gt;" in header and "Timeline *of* the escalation" in header


def test_statements_table_keeps_the_filtered_rows_and_their_ids():
    statements = synthetic_statements(50, seed=3)
    table = statements_table(statements.iloc[10:20])
    assert table["statement_id"].tolist() == statements["statement_id"].iloc[10:20].tolist()
    assert table.loc[statements.index[10], "countries"] == ", ".join(statements["countries"].iloc[10])


def test_sources_table_counts_statements_by_kind_and_lists_unreadable_files():
    statements = synthetic_statements(120, seed=4)
    table = sources_table(synthetic_documents(statements), statements, statements.iloc[:0]).set_index("doc_id")
    expected = statements[statements["doc_id"] == "syn_002"]["kind"].value_counts()
    assert table.loc["syn_002", "event statements"] == expected.get("event", 0)
    assert table.loc["syn_002", "shown by filters"] == 0
    assert table.loc["syn_broken_0", "status"] == "unreadable"


def test_stand_in_documents_say_why_the_text_is_missing():
    documents = documents_from_statements(synthetic_statements(20))
    assert set(documents["problem"]) == {"article text unavailable: documents.parquet is missing"}


def test_a_parquet_file_without_the_schema_is_a_data_problem(tmp_path):
    path = tmp_path / "events.parquet"
    pd.DataFrame({"something": [1, 2]}).to_parquet(path)
    with pytest.raises(DataProblem, match="does not match the schema") as problem:
        read_statements(path)
    assert str(path) in str(problem.value)
