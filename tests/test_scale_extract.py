"""Extraction at scale (issue 14): the same frames from the plain loop and a Dask cluster, incremental re-runs that
redo only what changed, the Parquet dataset in parts, and the progress callback."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from extract import pipeline
from extract.__main__ import main, previous_run
from extract.cluster import Scheduler
from extract.manifest import PreviousRun
from extract.output_set import current_output_set
from extract.parts import documents_by_part, list_parts, read_dataset
from extract.pipeline import extract_corpus
from extract.schema import conform_events, conform_statements

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


def make_corpus(folder: Path) -> Path:
    """The seeds, a dated folder of two small articles, a nested article and a bad file: every kind of entry."""
    shutil.copytree(SEEDS, folder)
    (folder / "2024-05-03").mkdir()
    (folder / "2024-05-03" / "kyiv.txt").write_text("Kyiv\nTalks resumed on Friday, two days after the strike of "
                                                    "1 May 2024. Russia and Ukraine met in Istanbul.\n")
    (folder / "2024-05-03" / "paris.md").write_text("# Paris\n\nOn Thursday France said it would host talks in "
                                                    "June 2024.\n")
    (folder / "deep" / "er").mkdir(parents=True)
    (folder / "deep" / "er" / "note.txt").write_text("Washington, 3 May 2016\nIn 1998 Clinton ordered strikes on "
                                                     "Iraq. On Monday Clinton spoke in Ohio.\n")
    (folder / "empty.txt").write_text("")
    return folder


def assert_same_frames(first, second) -> None:
    """Statements, documents and events equal, row for row and type for type."""
    for name in ("statements", "documents", "events"):
        assert_frame_equal(getattr(first, name), getattr(second, name), check_like=False, obj=name)


def extracted_names() -> tuple[list, object]:
    """A progress callback that records the file names extracted, and the list it fills."""
    names: list[str] = []
    return names, lambda done, total, name: names.append(name)


@pytest.fixture
def few_documents_per_batch(monkeypatch):
    """Batches of 2 documents, so a small corpus is several batches (several parts, several Dask tasks)."""
    monkeypatch.setattr(pipeline, "BATCH_DOCUMENTS", 2)


def test_a_local_dask_cluster_gives_the_same_frames_as_the_plain_loop(tmp_path, few_documents_per_batch):
    distributed = pytest.importorskip("distributed")
    corpus = make_corpus(tmp_path / "corpus")
    plain = extract_corpus(corpus, sources_csv=None)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster:
        on_dask = extract_corpus(corpus, sources_csv=None, scheduler=Scheduler(cluster.scheduler_address))
    assert len(plain.documents) == 8 and len(plain.statements) > 60 and len(plain.events) > 20
    assert_same_frames(plain, on_dask)
    assert sorted(plain.warnings) == sorted(on_dask.warnings)
    assert_frame_equal(plain.manifest, on_dask.manifest)


def test_local_worker_processes_give_the_same_frames_and_parts_as_the_plain_loop(tmp_path, few_documents_per_batch):
    corpus = make_corpus(tmp_path / "corpus")
    plain = extract_corpus(corpus, sources_csv=None)
    calls = []
    local = extract_corpus(corpus, sources_csv=None, scheduler=Scheduler(workers=2),
                           progress=lambda *call: calls.append(call))
    assert_same_frames(plain, local)
    assert sorted(plain.warnings) == sorted(local.warnings)
    assert_frame_equal(plain.manifest, local.manifest)
    assert len(calls) == 4 and calls[-1][:2] == (8, 8)     # per batch of 2, in the order they finish
    assert [done for done, _, _ in calls] == sorted(done for done, _, _ in calls)
    in_parts = extract_corpus(corpus, sources_csv=None, scheduler=Scheduler(workers=2), parts_folder=tmp_path / "parts")
    assert list_parts(tmp_path / "parts") == [f"part-{index:05d}.parquet" for index in range(4)]
    assert_same_frames(plain, in_parts)


def test_a_failing_batch_on_local_processes_raises_its_error_here(tmp_path):
    from extract.cluster import run_batches

    with pytest.raises(ZeroDivisionError):
        run_batches(divide, [[1, 2], [0, 4]], (12,), Scheduler(workers=2))
    assert run_batches(divide, [[1, 2], [3, 4]], (12,), Scheduler(workers=2)) == [[12.0, 6.0], [4.0, 3.0]]


def divide(batch, dividend, on_item=None):
    """A batch's work for the scheduler tests (module level: it is pickled to the workers)."""
    return [dividend / number for number in batch]


def test_progress_reports_every_document_once_in_order_up_to_the_total(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    calls = []
    extract_corpus(corpus, sources_csv=None, with_events=False, progress=lambda *call: calls.append(call))
    assert [done for done, _, _ in calls] == list(range(1, 9))
    assert {total for _, total, _ in calls} == {8}
    assert [name for _, _, name in calls][4:] == ["kyiv.txt", "paris.md", "note.txt", "empty.txt"]


def test_progress_on_dask_arrives_per_batch_and_ends_at_the_total(tmp_path, few_documents_per_batch):
    distributed = pytest.importorskip("distributed")
    corpus = make_corpus(tmp_path / "corpus")
    calls = []
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster:
        extract_corpus(corpus, sources_csv=None, with_events=False, scheduler=Scheduler(cluster.scheduler_address),
                       progress=lambda *call: calls.append(call))
    assert len(calls) == 4 and calls[-1][:2] == (8, 8)
    assert [done for done, _, _ in calls] == sorted(done for done, _, _ in calls)


def previous_of(extraction) -> PreviousRun:
    """What the next run builds on, as if read back from the output set."""
    return PreviousRun(extraction.statements, extraction.documents, extraction.manifest)


def test_a_rerun_extracts_only_new_and_changed_files_and_drops_removed_ones(tmp_path, few_documents_per_batch):
    corpus = make_corpus(tmp_path / "corpus")
    first = extract_corpus(corpus, sources_csv=None)
    assert set(first.manifest["doc_id"]) == set(first.documents["doc_id"])   # the empty file too: it stays empty
    (corpus / "2024-05-03" / "kyiv.txt").write_text("Kyiv\nTalks resumed on Saturday, after the strike of 1 May "
                                                   "2024.\n")
    (corpus / "2024-05-03" / "rome.txt").write_text("Rome\nItaly joined the talks on Sunday.\n")
    shutil.rmtree(corpus / "deep")
    names, progress = extracted_names()
    again = extract_corpus(corpus, sources_csv=None, previous=previous_of(first), progress=progress)
    assert sorted(names) == ["kyiv.txt", "rome.txt"]
    assert again.reused_documents == 6
    full = extract_corpus(corpus, sources_csv=None)
    assert_same_frames(again, full)
    assert_frame_equal(again.manifest, full.manifest)
    assert "deep/er/note" not in set(again.statements["doc_id"]) | set(again.documents["doc_id"])
    assert set(again.statements.query("doc_id == '2024-05-03/kyiv'")["date_text"]) >= {"Saturday"}


def test_a_touched_but_unchanged_file_is_not_extracted_again(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    first = extract_corpus(corpus, sources_csv=None)
    note = corpus / "deep" / "er" / "note.txt"
    os.utime(note, ns=(note.stat().st_atime_ns, note.stat().st_mtime_ns + 5_000_000_000))
    names, progress = extracted_names()
    again = extract_corpus(corpus, sources_csv=None, previous=previous_of(first), progress=progress)
    assert names == []
    assert_same_frames(again, first)
    assert again.manifest.set_index("doc_id").loc["deep/er/note", "mtime_ns"] == note.stat().st_mtime_ns


def test_a_changed_sources_row_extracts_that_article_again(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    sources = tmp_path / "sources.csv"
    sources.write_text("doc_id,published\nkyiv,2024-05-03\n")
    first = extract_corpus(corpus, sources_csv=sources)
    sources.write_text("doc_id,published\nkyiv,2024-05-10\n")
    names, progress = extracted_names()
    again = extract_corpus(corpus, sources_csv=sources, previous=previous_of(first), progress=progress)
    assert names == ["kyiv.txt"]
    friday = again.statements.query("doc_id == '2024-05-03/kyiv' and date_text == 'Friday'")
    assert friday["value"].tolist() == ["2024-05-10"]
    assert_same_frames(again, extract_corpus(corpus, sources_csv=sources))


def test_other_limits_extract_everything_again(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    first = extract_corpus(corpus, sources_csv=None)
    names, progress = extracted_names()
    extract_corpus(corpus, sources_csv=None, previous=previous_of(first), progress=progress, max_statements=3)
    assert len(names) == 8


def test_the_command_line_reruns_incrementally_writes_parts_and_full_redoes_all(tmp_path, capsys,
                                                                                few_documents_per_batch):
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "data" / "statements.parquet"
    assert main([str(corpus), "--out", str(out), "--sources", str(tmp_path / "none.csv")]) == 2   # missing --sources
    assert main([str(corpus), "--out", str(out)]) == 0
    first = capsys.readouterr().out
    assert "not extracted again" not in first
    assert previous_run(out) is not None
    (corpus / "2024-05-03" / "rome.txt").write_text("Rome\nItaly joined the talks on Sunday.\n")
    assert main([str(corpus), "--out", str(out)]) == 0
    assert "8 document(s) unchanged since the previous run were not extracted again (1 extracted" in capsys.readouterr().out
    assert main([str(corpus), "--out", str(out), "--full"]) == 0
    assert "not extracted again" not in capsys.readouterr().out
    current = current_output_set(out.parent)
    statements = pd.read_parquet(out)
    parts = sorted((current.datasets["statements"]).glob("part-*.parquet"))
    assert len(parts) == 5 and len(sorted(current.datasets["documents"].glob("part-*.parquet"))) == 5
    glob = str(current.datasets["statements"] / "part-*.parquet")
    assert duckdb.sql(f"select count(*) from read_parquet('{glob}')").fetchall() == [(len(statements),)]
    assert_frame_equal(pd.read_parquet(current.datasets["statements"]).reset_index(drop=True), statements)
    assert set(pd.read_parquet(out.with_name("inputs.parquet"))["doc_id"]) >= {"2024-05-03/rome", "deep/er/note"}


def test_an_unreachable_scheduler_is_a_usage_error_naming_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("extract.cluster.CONNECT_TIMEOUT_SECONDS", 1)
    corpus = make_corpus(tmp_path / "corpus")
    code = main([str(corpus), "--out", str(tmp_path / "statements.parquet"), "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err
    assert not (tmp_path / "statements.parquet").exists()


class _Terminal:
    """A stream that says it is a terminal, keeping what is written to it."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_the_terminal_bar_shows_on_a_terminal_and_never_under_ci_or_in_a_pipe(monkeypatch):
    import io

    from extract.__main__ import terminal_progress

    monkeypatch.delenv("CI", raising=False)
    assert terminal_progress(io.StringIO())[0] is None
    terminal = _Terminal()
    advance, close = terminal_progress(terminal)
    for done in (1, 2, 3):
        advance(done, 3, f"{done}.txt")
    close()
    assert "3/3" in "".join(terminal.written)
    monkeypatch.setenv("CI", "1")
    assert terminal_progress(_Terminal())[0] is None


def test_parts_written_by_dask_workers_are_the_frames_of_the_plain_loop(tmp_path, few_documents_per_batch):
    distributed = pytest.importorskip("distributed")
    corpus = make_corpus(tmp_path / "corpus")
    plain = extract_corpus(corpus, sources_csv=None, with_events=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster:
        on_dask = extract_corpus(corpus, sources_csv=None, with_events=False, parts_folder=tmp_path / "parts",
                                 scheduler=Scheduler(cluster.scheduler_address), read_frames=False)
    assert on_dask.statements.empty and on_dask.parts == tmp_path / "parts"
    assert list_parts(tmp_path / "parts") == [f"part-{index:05d}.parquet" for index in range(4)]
    order = {doc_id: position for position, doc_id in enumerate(plain.documents["doc_id"])}
    for dataset in ("statements", "documents"):
        from_parts = pipeline.in_document_order([read_dataset(tmp_path / "parts", dataset)], order, pd.DataFrame())
        assert_frame_equal(from_parts, getattr(plain, dataset), obj=dataset)
    assert sorted(plain.warnings) == sorted(on_dask.warnings)
    assert_frame_equal(plain.manifest, on_dask.manifest)


def test_a_rerun_into_parts_links_unchanged_parts_and_equals_a_full_run(tmp_path, few_documents_per_batch):
    corpus = make_corpus(tmp_path / "corpus")
    first = extract_corpus(corpus, sources_csv=None, parts_folder=tmp_path / "first")
    first_parts = {name: set(doc_ids) for name, doc_ids in documents_by_part(tmp_path / "first").items()}
    (corpus / "2024-05-03" / "kyiv.txt").write_text("Kyiv\nTalks resumed on Saturday, after the strike of 1 May "
                                                   "2024.\n")
    (corpus / "2024-05-03" / "rome.txt").write_text("Rome\nItaly joined the talks on Sunday.\n")
    shutil.rmtree(corpus / "deep")
    names, progress = extracted_names()
    previous = PreviousRun(None, None, first.manifest, parts=tmp_path / "first")
    again = extract_corpus(corpus, sources_csv=None, previous=previous, progress=progress,
                           parts_folder=tmp_path / "again")
    assert sorted(names) == ["kyiv.txt", "rome.txt"]
    full = extract_corpus(corpus, sources_csv=None)
    assert_same_frames(again, full)
    assert_frame_equal(again.manifest, full.manifest)
    again_parts = {name: set(doc_ids) for name, doc_ids in documents_by_part(tmp_path / "again").items()}
    untouched = [name for name, doc_ids in first_parts.items() if not doc_ids & {"2024-05-03/kyiv", "deep/er/note"}]
    assert untouched, "the corpus must have parts without a changed or removed file"
    for name in untouched:   # the same file (a hard link), not a copy written again
        for dataset in ("statements", "documents"):
            assert (tmp_path / "again" / dataset / name).stat().st_ino == (tmp_path / "first" / dataset / name).stat().st_ino
    assert "deep/er/note" not in set().union(*again_parts.values())
    assert sorted(set().union(*again_parts.values())) == sorted(full.documents["doc_id"])
    assert sum(len(doc_ids) for doc_ids in again_parts.values()) == len(full.documents)


def test_the_command_line_rerun_links_the_previous_parts_and_drops_removed_files(tmp_path, capsys,
                                                                               few_documents_per_batch):
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "data" / "statements.parquet"
    assert main([str(corpus), "--out", str(out)]) == 0
    before = current_output_set(out.parent)
    shutil.rmtree(corpus / "deep")
    assert main([str(corpus), "--out", str(out)]) == 0
    assert "7 document(s) unchanged since the previous run were not extracted again (0 extracted" in capsys.readouterr().out
    after = current_output_set(out.parent)
    assert after.generation != before.generation
    linked = [path for path in (after.datasets["statements"]).glob("part-*.parquet")
              if (before.datasets["statements"] / path.name).exists()
              and path.stat().st_ino == (before.datasets["statements"] / path.name).stat().st_ino]
    assert linked
    statements = pd.read_parquet(out)
    assert "deep/er/note" not in set(statements["doc_id"])
    glob = str(after.datasets["statements"] / "part-*.parquet")
    assert duckdb.sql(f"select count(*) from read_parquet('{glob}')").fetchall() == [(len(statements),)]
    assert sorted(os.listdir(out.parent / ".generations")) == sorted([before.generation, after.generation])


def test_the_summary_of_a_big_corpus_counts_instead_of_listing_every_document(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("extract.__main__.SUMMARY_DOCUMENT_LINES", 3)
    monkeypatch.setattr("extract.__main__.SUMMARY_WARNINGS", 1)
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "zero.md").write_text("")
    out = tmp_path / "data" / "statements.parquet"
    assert main([str(corpus), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "  2024-05-03/kyiv:" not in printed and "statements by kind: " in printed
    assert "2 not read: empty, zero" in printed
    assert f"one line per document: the documents file {out.with_name('documents.parquet')}" in printed
    assert printed.count("  warning: ") == 1 and "more; each file's problems are in the column problem of" in printed


def test_the_command_line_keeps_the_event_memo_and_a_rerun_gives_the_events_of_a_full_rebuild(tmp_path, capsys):
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "data" / "statements.parquet"
    assert main([str(corpus), "--out", str(out)]) == 0
    memo = out.with_name("event-memo.parquet")
    assert len(pd.read_parquet(memo)) > 0 and previous_run(out).event_memo is not None
    (corpus / "2024-05-03" / "rome.txt").write_text("Rome\nItaly joined the talks on Sunday 5 May 2024.\n")
    assert main([str(corpus), "--out", str(out)]) == 0
    assert "not extracted again" in capsys.readouterr().out
    rebuilt = extract_corpus(corpus)   # the command line's default sources.csv, no memo
    assert_frame_equal(conform_events(pd.read_parquet(out.with_name("events.parquet"))), rebuilt.events)
    assert_frame_equal(conform_statements(pd.read_parquet(out)), rebuilt.statements)


def test_a_local_worker_that_dies_is_an_error_saying_so(tmp_path):
    from extract.cluster import SchedulerError, run_batches

    with pytest.raises(SchedulerError, match="a local worker process died.*--workers"):
        run_batches(die, [[1], [2]], (), Scheduler(workers=2))


def die(batch, on_item=None):
    """A batch's work that kills its worker process (as the kernel's out-of-memory killer would)."""
    os._exit(9)


def test_local_worker_processes_never_run_the_starting_process_main_module(tmp_path, monkeypatch):
    import types

    from extract.cluster import run_batches

    script = tmp_path / "page.py"   # a script without the __main__ guard, as Streamlit installs a page
    script.write_text(f"open({str(tmp_path / 'ran')!r}, 'a').write('ran')\n")
    page = types.ModuleType("__main__")
    page.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", page)
    assert run_batches(divide, [[1, 2], [3, 4]], (12,), Scheduler(workers=2)) == [[12.0, 6.0], [4.0, 3.0]]
    assert not (tmp_path / "ran").exists() and sys.modules["__main__"] is page
