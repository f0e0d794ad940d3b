"""Adding articles from the app (extract.curation.articles): uploads checked as the extractor reads them, kept in
the corpus folder without ever overwriting, their reference date recorded, and extracted into the frames."""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest

from extract.curation.articles import (check_upload, corpus_folder, extract_added, record_reference_date,
                                       store_upload)
from extract.pipeline import extract_corpus

REPO = Path(__file__).resolve().parent.parent
ARTICLE = b"Gaza, 8 October 2023\n\nHamas fighters attacked southern Israel yesterday.\n"


@pytest.mark.parametrize("name, raw, problem", [
    ("notes.docx", b"PK\x03\x04", "unsupported file type '.docx'"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("empty.md", b"   \n", "empty file"),
])
def test_an_unusable_upload_is_refused_with_its_name_and_the_problem(name, raw, problem):
    check = check_upload(name, raw)
    assert check.problem.startswith(f"{name}: ") and problem in check.problem and "Nothing was added" in check.problem


def test_a_too_large_upload_is_refused():
    assert "over this page's limit" in check_upload("big.txt", b"a" * 2_000, max_bytes=1_000).problem


@pytest.mark.parametrize("size", [10_000_001, 10_240_000, 10_485_760])   # a browser on Windows counts 10 MB as 10 MiB
def test_an_upload_just_over_the_pages_limit_says_what_the_analyst_can_do_in_the_browser(size):
    problem = check_upload("long report.html", b"a" * size).problem
    assert problem.startswith("long report.html: file is ") and f"({size:,} bytes)" in problem
    assert "over this page's limit of 10 MB (10,000,000 bytes)" in problem and "split it into smaller files" in problem
    assert "raise --max-mb" not in problem and "with --max-mb 11" in problem and "Nothing was added" in problem


def test_an_upload_gets_the_reference_date_the_extractor_would_infer():
    check = check_upload("hamas_attack.txt", ARTICLE)
    assert check.problem == "" and check.reference_date == dt.date(2023, 10, 8) and check.basis.startswith("inferred")


def test_uploads_are_kept_without_overwriting_anything(tmp_path):
    first = store_upload(tmp_path, "report.txt", b"one")
    again = store_upload(tmp_path, "report.txt", b"one")
    other = store_upload(tmp_path, "report.md", b"two")
    assert first == again and first.read_bytes() == b"one"
    assert other.name == "report-2.md" and other.read_bytes() == b"two"
    assert store_upload(tmp_path, "../../etc/passwd.txt", b"x").parent == tmp_path


def test_the_confirmed_reference_date_is_recorded_in_sources_csv(tmp_path):
    sources = tmp_path / "sources.csv"
    shutil.copy(REPO / "data" / "sources.csv", sources)
    before = list(csv.DictReader(open(sources, encoding="utf-8-sig")))
    record_reference_date(sources, "hamas_attack", dt.date(2023, 10, 8))
    record_reference_date(sources, "hamas_attack", dt.date(2023, 10, 9), "analyst: set on upload")
    rows = list(csv.DictReader(open(sources, encoding="utf-8-sig")))
    assert rows[:len(before)] == before
    assert [(row["published"], row["reference_date_basis"]) for row in rows if row["doc_id"] == "hamas_attack"] == [
        ("2023-10-09", "analyst: set on upload")]


def test_added_articles_are_extracted_into_the_frames_as_a_whole_run_would(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "seeds", corpus)
    sources = tmp_path / "sources.csv"
    shutil.copy(REPO / "data" / "sources.csv", sources)
    before = extract_corpus(corpus, sources_csv=sources)
    path = store_upload(corpus, "hamas_attack.txt", ARTICLE)
    record_reference_date(sources, path.stem, dt.date(2023, 10, 8))
    progress = []
    added = extract_added([path], before.statements, before.documents, sources,
                          lambda done, total, name: progress.append((done, total, name)))
    whole = extract_corpus(corpus, sources_csv=sources)
    assert progress == [(1, 1, "hamas_attack.txt")]
    assert sorted(added.statements["statement_id"]) == sorted(whole.statements["statement_id"])
    assert sorted(added.events["event_id"]) == sorted(whole.events["event_id"])
    assert corpus_folder(added.documents) == corpus.resolve()


def test_adding_an_article_reuses_the_runs_event_memo_and_keeps_one_for_the_next(tmp_path):
    import pandas as pd

    from extract.event_memo import text_keys

    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "seeds", corpus)
    sources = tmp_path / "sources.csv"
    shutil.copy(REPO / "data" / "sources.csv", sources)
    before = extract_corpus(corpus, sources_csv=sources, keep_event_memo=True)
    path = store_upload(corpus, "hamas_attack.txt", ARTICLE)
    record_reference_date(sources, path.stem, dt.date(2023, 10, 8))
    with_memo = extract_added([path], before.statements, before.documents, sources, event_memo=before.event_memo)
    without = extract_added([path], before.statements, before.documents, sources)
    pd.testing.assert_frame_equal(with_memo.events, without.events)
    kept, statements = with_memo.event_memo, with_memo.statements
    in_events = {sid for ids in with_memo.events["statement_ids"] for sid in ids}
    new_sentences = statements.loc[(statements["doc_id"] == path.stem) & statements["statement_id"].isin(in_events),
                                   "sentence"]
    assert len(new_sentences) and set(text_keys(new_sentences.tolist())) <= set(kept.loc[kept["table"] == "sentence",
                                                                                         "key"])
    # the memo's entries are taken, not computed again: every old sentence marked a non-event line drops its events
    marked = before.event_memo.copy()
    marked.loc[marked["table"] == "sentence", "non_event_line"] = True
    only_new = extract_added([path], before.statements, before.documents, sources, event_memo=marked)
    members = {sid for ids in only_new.events.loc[only_new.events["kind"] == "event", "statement_ids"] for sid in ids}
    assert members and {sid.split(":")[0] for sid in members} == {path.stem}


def test_after_adding_an_article_the_command_line_extracts_only_what_is_new(tmp_path, capsys):
    from desk.loading import read_event_memo, read_inputs_manifest
    from extract.__main__ import main, write_outputs
    from extract.output_set import read_output_set

    corpus, sources, out = tmp_path / "corpus", tmp_path / "sources.csv", tmp_path / "data" / "statements.parquet"
    shutil.copytree(REPO / "seeds", corpus)
    shutil.copy(REPO / "data" / "sources.csv", sources)
    assert main([str(corpus), "--out", str(out), "--sources", str(sources)]) == 0
    capsys.readouterr()
    frames = read_output_set(out.parent, ["statements.parquet", "documents.parquet"]).frames
    path = store_upload(corpus, "hamas_attack.txt", ARTICLE)           # as the Add articles page does it
    record_reference_date(sources, path.stem, dt.date(2023, 10, 8))
    write_outputs(extract_added([path], frames["statements.parquet"], frames["documents.parquet"], sources,
                                event_memo=read_event_memo(out), inputs_manifest=read_inputs_manifest(out)), out)
    assert main([str(corpus), "--out", str(out), "--sources", str(sources)]) == 0
    assert "5 document(s) unchanged since the previous run were not extracted again (0 extracted" in capsys.readouterr().out
    (corpus / "hamas_attack.txt").write_bytes(ARTICLE + b"Israel struck Gaza on Monday.\n")   # changed since: redone
    assert main([str(corpus), "--out", str(out), "--sources", str(sources)]) == 0
    assert "4 document(s) unchanged since the previous run were not extracted again (1 extracted" in capsys.readouterr().out


def test_an_article_added_after_a_relative_command_line_run_is_not_extracted_again(tmp_path, capsys, monkeypatch):
    from desk.loading import read_event_memo, read_inputs_manifest
    from extract.__main__ import main, write_outputs
    from extract.output_set import read_output_set

    monkeypatch.chdir(tmp_path)                          # `python -m extract corpus` from the folder above the corpus
    shutil.copytree(REPO / "seeds", "corpus")
    shutil.copy(REPO / "data" / "sources.csv", "sources.csv")
    out = Path("data") / "statements.parquet"
    assert main(["corpus", "--out", str(out), "--sources", "sources.csv"]) == 0
    capsys.readouterr()
    frames = read_output_set(out.parent, ["statements.parquet", "documents.parquet"]).frames
    corpus = corpus_folder(frames["documents.parquet"])   # as the Add articles page finds it: an absolute path
    assert corpus.is_absolute()
    path = store_upload(corpus, "hamas_attack.txt", ARTICLE)
    added = extract_added([path], frames["statements.parquet"], frames["documents.parquet"], tmp_path / "sources.csv",
                          event_memo=read_event_memo(out), inputs_manifest=read_inputs_manifest(out))
    assert set(added.manifest["path"]) == set(added.documents["path"]) == {
        str(Path("corpus") / name) for name in ["hamas_attack.txt", *(p.name for p in (REPO / "seeds").iterdir())]}
    write_outputs(added, out)
    assert main(["corpus", "--out", str(out), "--sources", "sources.csv"]) == 0
    assert "5 document(s) unchanged since the previous run were not extracted again (0 extracted" in capsys.readouterr().out
