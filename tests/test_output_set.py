"""The extractor's files are one consistent set: kill -9 during a write keeps the previous set; readers never see a mix."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from desk.loading import read_data
from extract.__main__ import main as extract_main
from extract.output_set import (MANIFEST_NAME, OutputSetError, current_output_set, read_output_set, read_parquet_once,
                                write_output_set)

REPO = Path(__file__).resolve().parent.parent

# A writer that rewrites the seeds' set again and again; run k renames every doc_id to "<doc_id>@k", so a
# reader can tell which run each file came from. The documents' text is repeated to make a write last a while.
REWRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {repo!r})
    from pathlib import Path
    from extract.__main__ import write_outputs
    from extract.pipeline import Extraction, extract_corpus

    out = Path(sys.argv[1])
    seeds = extract_corpus({seeds!r}, with_events=False)
    documents = seeds.documents.assign(text=seeds.documents["text"] * 40)
    print("ready", flush=True)
    for run in range(1, 10_000):
        write_outputs(Extraction(seeds.statements.assign(doc_id=seeds.statements["doc_id"] + f"@{{run}}"),
                                 documents.assign(doc_id=documents["doc_id"] + f"@{{run}}")), out)
        print(f"wrote {{run}}", flush=True)
""").format(repo=str(REPO), seeds=str(REPO / "seeds"))


def start_rewriter(out: Path) -> subprocess.Popen:
    writer = subprocess.Popen([sys.executable, "-c", REWRITER, str(out)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "ready"
    return writer


def run_of(frame: pd.DataFrame) -> set[str]:
    return {doc_id.rsplit("@", 1)[-1] if "@" in doc_id else "seeds" for doc_id in frame["doc_id"]}


def assert_one_consistent_run(out: Path) -> str:
    """The set at `out` reads, comes from one run, and every statement's document is in it; returns the run."""
    data = read_data(out)
    runs = run_of(data.statements) | run_of(data.documents)
    assert len(runs) == 1, runs
    assert set(data.statements["doc_id"]) <= set(data.documents["doc_id"])
    assert len(data.documents) == 4 and len(data.statements) > 50
    return runs.pop()


@pytest.fixture
def seeds_set(tmp_path) -> Path:
    """A data folder holding the seeds' extraction written by the CLI; returns the statements path."""
    out = tmp_path / "data" / "statements.parquet"
    assert extract_main([str(REPO / "seeds"), "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize("delay", [0.0, 0.02, 0.05, 0.09, 0.14, 0.2, 0.3, 0.45])
def test_kill_9_during_rewrites_leaves_a_complete_set(seeds_set, delay):
    writer = start_rewriter(seeds_set)
    time.sleep(delay)
    writer.send_signal(signal.SIGKILL)
    finished = [int(line.split()[1]) for line in writer.communicate()[0].splitlines() if line.startswith("wrote")]
    writer.wait()
    run = assert_one_consistent_run(seeds_set)
    expected = str(finished[-1]) if finished else "seeds"
    assert run in {expected, str(int(finished[-1]) + 1) if finished else "1"}  # the last finished set, or the one mid-flip
    for name in ("statements.parquet", "documents.parquet"):  # the loose files for outside tools are whole too
        assert len(read_parquet_once(seeds_set.with_name(name))) > 0


def test_a_reader_during_rewrites_always_sees_one_whole_run(seeds_set):
    writer = start_rewriter(seeds_set)
    runs_seen, reads = set(), 0
    try:
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline:
            runs_seen.add(assert_one_consistent_run(seeds_set))
            assert len(read_parquet_once(seeds_set)) > 50  # the loose file, replaced atomically, read through one handle
            reads += 1
    finally:
        writer.kill()
        writer.communicate()
    assert reads >= 5 and len(runs_seen) >= 2, (reads, runs_seen)


def test_old_generations_are_removed_but_the_previous_one_is_kept(tmp_path):
    for run in range(4):
        write_output_set(tmp_path, {"numbers.parquet": pd.DataFrame({"run": [run]})})
    assert len(list((tmp_path / ".generations").iterdir())) == 2
    assert read_output_set(tmp_path, ["numbers.parquet"]).frames["numbers.parquet"]["run"].tolist() == [3]


def test_adding_a_frame_is_one_entry_and_readers_get_it_from_the_same_run(tmp_path):
    frames = {"statements.parquet": pd.DataFrame({"run": [1]}), "events.parquet": pd.DataFrame({"run": [1]}),
              "documents.parquet": pd.DataFrame({"run": [1]})}
    write_output_set(tmp_path, frames)
    read = read_output_set(tmp_path, ["statements.parquet", "events.parquet", "missing.parquet"])
    assert sorted(read.frames) == ["events.parquet", "statements.parquet"]
    assert sorted(current_output_set(tmp_path).paths) == sorted(frames)


def test_a_folder_without_manifest_is_read_from_its_loose_files(tmp_path, seeds_extraction):
    statements, documents = seeds_extraction
    statements.to_parquet(tmp_path / "statements.parquet")
    documents.to_parquet(tmp_path / "documents.parquet")
    data = read_data(tmp_path / "statements.parquet")
    assert len(data.statements) == len(statements) and len(data.documents) == 4


def test_a_damaged_manifest_is_named_in_the_error(seeds_set):
    from desk.loading import DataProblem

    (seeds_set.parent / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    with pytest.raises(DataProblem, match=MANIFEST_NAME):
        read_data(seeds_set)


def test_an_output_name_with_a_folder_is_refused(tmp_path):
    with pytest.raises(OutputSetError, match="plain .parquet or .csv file name"):
        write_output_set(tmp_path, {"../escape.parquet": pd.DataFrame({"a": [1]})})
    assert not (tmp_path.parent / "escape.parquet").exists()
