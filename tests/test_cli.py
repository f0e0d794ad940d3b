"""`python -m extract`: writes the frames, prints a summary, fails only when nothing could be read."""
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from extract.__main__ import main
from extract.schema import EVENT_COLUMNS, STATEMENT_COLUMNS

REPO = Path(__file__).resolve().parent.parent


def test_cli_writes_statements_events_and_documents_side_by_side_and_prints_a_summary(tmp_path, capsys):
    out = tmp_path / "statements.parquet"
    assert main([str(REPO / "seeds"), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("4 documents (4 read, 0 unreadable)")
    assert "001_8c4639d7cc0bfce9: " in printed and "reference" in printed and "dateline" in printed
    statements = pd.read_parquet(out)
    events = pd.read_parquet(tmp_path / "events.parquet")
    documents = pd.read_parquet(tmp_path / "documents.parquet")
    assert list(statements.columns) == list(STATEMENT_COLUMNS) and len(statements) > 50
    assert list(events.columns) == list(EVENT_COLUMNS) and 10 < len(events) < len(statements)
    assert set(events["kind"]) == {"event", "episode"}
    assert sorted(documents["doc_id"]) == sorted(p.stem for p in (REPO / "seeds").glob("*.txt"))
    assert f"wrote {out}, {tmp_path / 'events.parquet'} and {tmp_path / 'documents.parquet'}" in printed


def test_cli_writes_csv_with_joined_lists(tmp_path):
    out = tmp_path / "statements.csv"
    assert main([str(REPO / "seeds"), "--out", str(out)]) == 0
    statements = pd.read_csv(out)
    assert statements["countries"].dropna().str.contains("; ").any()
    events = pd.read_csv(tmp_path / "events.csv")
    assert events["statement_ids"].str.contains("; ").any()


def test_cli_csv_is_byte_for_byte_the_dashboards_csv_download(tmp_path, seeds_extraction):
    from desk.export.data import statements_to_csv

    out = tmp_path / "statements.csv"
    assert main([str(REPO / "seeds"), "--out", str(out)]) == 0
    assert out.read_bytes() == statements_to_csv(seeds_extraction[0])


@pytest.mark.parametrize("name", ["events.parquet", "documents.parquet", "events.csv"])
def test_cli_refuses_an_out_file_named_like_the_frames_written_beside_it(tmp_path, name):
    result = subprocess.run([sys.executable, "-m", "extract", str(REPO / "seeds"), "--out", str(tmp_path / name)],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 2 and "--out names the statements file" in result.stderr
    assert not list(tmp_path.iterdir())


def test_cli_reports_bad_files_and_still_succeeds(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("On 13 June 2025 Israel struck Iran.")
    (tmp_path / "empty.txt").write_text("")
    assert main([str(tmp_path), "--out", str(tmp_path / "out" / "statements.parquet")]) == 0
    printed = capsys.readouterr().out
    assert "warning: " + str(tmp_path / "empty.txt") + ": empty file" in printed
    assert "empty: not read" in printed


def test_cli_fails_when_nothing_could_be_read(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    assert main([str(tmp_path), "--out", str(tmp_path / "statements.parquet")]) == 1
    assert "no input file could be read" in capsys.readouterr().err
    assert not (tmp_path / "statements.parquet").exists() and not (tmp_path / "events.parquet").exists()


def test_cli_rejects_an_unknown_output_format(tmp_path):
    result = subprocess.run([sys.executable, "-m", "extract", str(REPO / "seeds"), "--out", str(tmp_path / "x.xlsx")],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 2 and "--out must end in .parquet or .csv" in result.stderr


@pytest.mark.parametrize("module", ["extract", "extract.evaluate", "extract.summarize", "desk.export"])
def test_every_cli_option_is_documented_in_the_readme(module):
    readme = (REPO / "README.md").read_text()
    result = subprocess.run([sys.executable, "-m", module, "--help"], cwd=REPO, capture_output=True, text=True)
    options = [word for word in result.stdout.split() if word.startswith("--") and word != "--help"]
    assert options and all(option.strip(",") in readme for option in options), options


def test_cli_names_the_line_of_a_broken_gazetteer(tmp_path, capsys):
    actors = tmp_path / "actors.csv"
    actors.write_text((REPO / "data" / "actors.csv").read_text(encoding="utf-8") + "Atlantis,Atlantis,country,Narnia,name,no,Atlantis rose.\n",
                      encoding="utf-8")
    assert main([str(REPO / "seeds"), "--out", str(tmp_path / "e.parquet"), "--actors", str(actors)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: the actors gazetteer is not valid:") and str(actors) in error


def test_cli_names_an_out_folder_it_cannot_write_in_instead_of_a_traceback(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("the analyst's notes")
    out = tmp_path / "notes.txt" / "statements.parquet"
    assert main([str(REPO / "seeds"), "--out", str(out)]) == 2
    assert f"error: --out {out}: cannot write in {tmp_path / 'notes.txt'}" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text() == "the analyst's notes"
