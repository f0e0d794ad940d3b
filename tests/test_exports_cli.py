"""`python -m desk.export`: one file per value, the dashboard's URL filters, clear errors for every user mistake."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from desk.export import images as image_export
from desk.export.cli import parse_query, run
from desk.export.data import read_statements_csv
from desk.filters import Filters, apply_filters, filename_for_filters, filters_from_query_params
from tests.support.browsers import needs_browser
from tests.support.synthetic import synthetic_documents, synthetic_statements

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def statements() -> pd.DataFrame:
    return synthetic_statements(120, seed=21)


@pytest.fixture
def events_file(tmp_path, statements) -> Path:
    """data/events.parquet + data/documents.parquet as `python -m extract` writes them."""
    path = tmp_path / "data" / "events.parquet"
    path.parent.mkdir()
    statements.to_parquet(path)
    synthetic_documents(statements).to_parquet(path.with_name("documents.parquet"))
    return path


def test_parse_query_reads_a_dashboard_url_or_its_query():
    assert parse_query("http://localhost:8501/timeline?country=Iran&kind=event") == {"country": ["Iran"], "kind": ["event"]}
    assert parse_query("?country=Iran&country=Israel") == {"country": ["Iran", "Israel"]}


def test_parse_query_accepts_plural_spellings():
    assert parse_query("countries=Iran&kinds=event&text=strike") == {"country": ["Iran"], "kind": ["event"], "q": ["strike"]}


def _per_country_names(countries) -> list[str]:
    return sorted(filename_for_filters(Filters(countries=(country,))) for country in countries)


@needs_browser
def test_cli_writes_one_image_per_country(events_file, statements, tmp_path, capsys):
    out = tmp_path / "briefings"
    status = run(["--events", str(events_file), "--per", "country", "--format", "svg", "--out", str(out)])
    events = apply_filters(statements, Filters())
    countries = sorted({name for names in events["countries"] for name in names})
    written = sorted(path.stem for path in out.iterdir())
    assert status == 0
    assert written == _per_country_names(countries)
    assert all(path.suffix == ".svg" for path in out.iterdir())
    assert "Timeline — United States" in (out / "timeline_United-States.svg").read_text(encoding="utf-8")
    assert capsys.readouterr().out.count("wrote ") == len(countries)


@needs_browser
def test_cli_per_country_respects_the_url_filter(events_file, tmp_path):
    out = tmp_path / "briefings"
    status = run(["--events", str(events_file), "--query", "country=Iran&country=Israel&kind=event", "--per", "country",
                  "--format", "png", "--out", str(out)])
    assert status == 0
    assert sorted(path.name for path in out.iterdir()) == ["timeline_Iran.png", "timeline_Israel.png"]


def test_cli_data_files_hold_exactly_the_filtered_statements(events_file, statements, tmp_path):
    out = tmp_path / "data_out"
    query = "country=Iran&kind=event&kind=reference"
    status = run(["--events", str(events_file), "--query", query, "--format", "none",
                  "--data", "csv,xlsx,json,timelinejs", "--out", str(out)])
    assert status == 0
    csv_files = list(out.glob("*.csv"))
    assert len(csv_files) == 1 and len(list(out.glob("*.timeline.json"))) == 1 and len(list(out.glob("*.xlsx"))) == 1
    expected = apply_filters(statements, filters_from_query_params(parse_query(query))[0])
    assert 0 < len(expected) < len(statements)
    in_date_order = expected.sort_values(["start", "statement_id"], na_position="last")  # as the dashboard's download
    pd.testing.assert_frame_equal(read_statements_csv(csv_files[0].read_bytes()), in_date_order.reset_index(drop=True))


def test_cli_missing_events_file_is_named(tmp_path, capsys):
    missing = tmp_path / "nowhere" / "events.parquet"
    assert run(["--events", str(missing), "--format", "none", "--data", "csv", "--out", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert str(missing) in error and "does not exist" in error and "python -m extract" in error


def test_cli_typo_in_the_url_query_is_an_error_not_a_silent_default(events_file, tmp_path, capsys):
    assert run(["--events", str(events_file), "--query", "country=Iran&kind=evnt", "--format", "none",
                "--data", "csv", "--out", str(tmp_path)]) == 2
    assert "evnt" in capsys.readouterr().err


def test_cli_unreadable_events_file_is_named(tmp_path, capsys):
    broken = tmp_path / "events.parquet"
    broken.write_text("not parquet at all")
    assert run(["--events", str(broken), "--format", "none", "--data", "csv", "--out", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert str(broken) in error and "cannot be read as parquet" in error


def test_cli_unknown_filter_value_is_named(events_file, tmp_path, capsys):
    status = run(["--events", str(events_file), "--country", "Narnia", "--format", "none", "--data", "csv",
                  "--out", str(tmp_path / "out")])
    assert status == 2
    error = capsys.readouterr().err
    assert "unknown countries: Narnia" in error and "Iran" in error
    assert not (tmp_path / "out").exists()


def test_cli_unknown_format_is_named(events_file, tmp_path, capsys):
    assert run(["--events", str(events_file), "--format", "gif", "--out", str(tmp_path)]) == 2
    assert "unknown image format gif" in capsys.readouterr().err


def test_cli_skips_a_selection_without_statements_with_a_message(events_file, tmp_path, capsys):
    status = run(["--events", str(events_file), "--country", "Iran", "--text", "zzz-no-such-text-zzz",
                  "--format", "none", "--data", "csv", "--out", str(tmp_path / "out")])
    assert status == 1
    assert "skipped" in capsys.readouterr().err
    assert list((tmp_path / "out").iterdir()) == []


def test_cli_without_chromium_fails_with_the_install_hint(events_file, tmp_path, monkeypatch, capsys):
    image_export.stop_image_server()
    monkeypatch.setattr(image_export, "find_browser", lambda: None)
    status = run(["--events", str(events_file), "--format", "png", "--out", str(tmp_path / "out")])
    assert status == 3
    assert "Image export needs Chromium: sudo apt-get install -y chromium" in capsys.readouterr().err


def test_cli_help_runs_as_a_module():
    completed = subprocess.run([sys.executable, "-m", "desk.export", "--help"], cwd=REPO, capture_output=True, text=True,
                               timeout=60)
    assert completed.returncode == 0
    for option in ("--query", "--per", "--format", "--size", "--title", "--out", "--events", "--data"):
        assert option in completed.stdout


def test_cli_source_flag_accepts_the_outlet_name(events_file, tmp_path):
    out = tmp_path / "out"
    assert run(["--events", str(events_file), "--source", "Kyiv Post", "--kind", "event", "--kind", "reference",
                "--format", "none", "--data", "csv", "--out", str(out)]) == 0
    (csv_file,) = out.glob("*.csv")
    assert set(read_statements_csv(csv_file.read_bytes())["doc_id"]) == {"syn_002"}
    assert csv_file.name == "timeline_syn_002.csv"


def test_cli_takes_lanes_from_the_url_like_the_dashboard(events_file, tmp_path):
    out = tmp_path / "out"
    assert run(["--events", str(events_file), "--query", "lane=actor&kind=event", "--format", "none",
                "--data", "timelinejs", "--out", str(out)]) == 0
    (timeline_file,) = out.glob("*.timeline.json")
    groups = {event["group"] for event in json.loads(timeline_file.read_text(encoding="utf-8"))["events"]}
    assert "(no actor named)" in groups or groups & {"Vladimir Putin", "Donald Trump", "Kremlin"}
    assert not groups & {"Iran", "Israel"}


def test_cli_names_an_out_it_cannot_write_to_instead_of_a_traceback(events_file, tmp_path, capsys):
    taken = tmp_path / "notes.txt"
    taken.write_text("the analyst's notes")
    assert run(["--events", str(events_file), "--format", "none", "--data", "csv", "--out", str(taken)]) == 2
    assert capsys.readouterr().err == f"error: --out {taken}: cannot make the output folder there (File exists)\n"
    (tmp_path / "out" / "timeline.csv").mkdir(parents=True)           # a folder where the file should go
    assert run(["--events", str(events_file), "--format", "none", "--data", "csv", "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == f"error: cannot write {tmp_path / 'out' / 'timeline.csv'} (Is a directory)\n"
    assert taken.read_text() == "the analyst's notes"
