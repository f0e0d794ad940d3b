"""Scoring a tagger on TimeML: counts and figures computed by hand on tests/fixtures/timeml, and the CLI.

The fake extractor below answers the two fixture documents with these spans (gold in brackets):
  creation_time_in_header.tml  gold: yesterday DATE, three weeks DURATION, next Monday DATE, 10 a.m. TIME
    'yesterday'  exact, right value and type        'weeks'  inside the DURATION, wrong value, no type
    'Monday'     inside, right value, wrong type      '10 a.m.' exact, value right after strip/upper
    'board'      spurious                            (50, 10) invalid: dropped
  date_in_file_name_19980315.tml  gold: tomorrow DATE, Sunday SET, March DATE, Tuesday DATE (missed)
    'tomorrow'   exact, value = reference date + 1 day (right only if the file-name date is used)
    'every Sunday' overlaps only the SET: ignored in the DATE,TIME view
    'March'      exact, wrong value                   'wet' spurious
    'day in Mar' overlaps the SET and March: kept in the DATE,TIME view, not ignored
"""
from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract.evaluate import (
    ExtractorRun, SystemSpan, TimexCounts, evaluate_run, main, metrics_from_counts, run_extractor,
    score_document, sum_counts, to_system_spans, view_types,
)
from extract.evaluate.timeml import GoldTimex, read_corpus

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "timeml"
REFERENCE_SCORER = Path("/work/shared/tools/timex_eval.py")
TIMEBANK = REPO.parent / "shared" / "corpora" / "TimeBank"
FAKE_EXTRACTOR = "test_evaluate:fake_extractor"


def _tomorrow(reference_date):
    return (reference_date + datetime.timedelta(days=1)).isoformat() if reference_date else None


FAKE_PHRASES = [  # phrase as written, value (or function of the reference date), type
    ("yesterday", "1998-01-07", "DATE"),
    ("weeks", "P1W", None),
    ("Monday", "1998-01-12", "TIME"),
    ("10 a.m.", " 1998-01-12t10:00 ", "TIME"),
    ("board", "X", None),
    ("tomorrow", _tomorrow, "DATE"),
    ("every Sunday", "XXXX-WXX-7", None),
    ("March", "1998-04", "DATE"),
    ("wet", None, None),
    ("day in Mar", "X", None),
]


def fake_extractor(text: str, reference_date: datetime.date | None) -> list[tuple]:
    """Spans for the fixture phrases found in `text`, plus one invalid span in the first fixture."""
    spans = []
    for phrase, value, timex_type in FAKE_PHRASES:
        start = text.find(phrase)
        if start >= 0:
            spans.append((start, start + len(phrase), value(reference_date) if callable(value) else value, timex_type))
    if text.startswith("Prices"):
        spans.append((50, 10, "backwards"))
    return spans


@pytest.fixture(scope="module")
def fixture_documents():
    documents, warnings = read_corpus(FIXTURES)
    assert not warnings
    return documents


@pytest.fixture(scope="module")
def fixture_report(fixture_documents):
    return evaluate_run(fixture_documents, run_extractor(fixture_documents, fake_extractor), show_errors=10)


def test_all_types_counts_by_hand(fixture_report):
    assert fixture_report["views"]["ALL"]["counts"] == dict(
        gold=8, system=10, strict_precision_hits=4, strict_recall_hits=4, relaxed_precision_hits=8,
        relaxed_recall_hits=7, pairs=7, value_matches=5, typed_pairs=5, type_matches=4, ignored=0)


def test_date_time_view_ignores_spans_overlapping_only_out_of_view_gold(fixture_report):
    assert fixture_report["views"]["DATE,TIME"]["counts"] == dict(
        gold=6, system=8, strict_precision_hits=4, strict_recall_hits=4, relaxed_precision_hits=6,
        relaxed_recall_hits=5, pairs=5, value_matches=4, typed_pairs=5, type_matches=4, ignored=2)


def test_all_types_metrics_by_hand(fixture_report):
    summary = fixture_report["views"]["ALL"]
    assert summary["strict"] == pytest.approx({"p": 0.4, "r": 0.5, "f1": 4 / 9})
    assert summary["relaxed"] == pytest.approx({"p": 0.8, "r": 0.875, "f1": 56 / 67})
    assert summary["value"] == pytest.approx({"p": 0.5, "r": 0.625, "f1": 5 / 9, "accuracy": 5 / 7,
                                              "f1_te3": 56 / 67 * 5 / 7})
    assert summary["type_accuracy"] == pytest.approx(0.8)


def test_date_time_metrics_by_hand(fixture_report):
    summary = fixture_report["views"]["DATE,TIME"]
    assert summary["strict"] == pytest.approx({"p": 0.5, "r": 4 / 6, "f1": 4 / 7})
    assert summary["relaxed"] == pytest.approx({"p": 0.75, "r": 5 / 6, "f1": 15 / 19})
    assert summary["value"] == pytest.approx({"p": 0.5, "r": 4 / 6, "f1": 4 / 7, "accuracy": 0.8, "f1_te3": 12 / 19})


def test_invalid_span_is_dropped_and_counted(fixture_report):
    assert fixture_report["invalid_spans_dropped"] == 1
    assert fixture_report["docs"] == 2 and fixture_report["chars"] == 97 + 91


def test_error_examples_name_the_file_and_the_text(fixture_report):
    examples = fixture_report["views"]["DATE,TIME"]["examples"]
    assert examples["missed"] == ["date_in_file_name_19980315.tml: 'Tuesday' DATE 1998-03-10"]
    assert examples["spurious"] == ["creation_time_in_header.tml: 'board' -> X", "date_in_file_name_19980315.tml: 'wet' -> None"]
    assert examples["wrong_value"] == ["date_in_file_name_19980315.tml: gold 'March'=1998-03 system 'March'=1998-04"]


def test_value_pairs_gold_with_the_most_overlapping_span():
    gold = [GoldTimex(10, 20, "DATE", "1998-01", "x" * 10)]
    spans = [SystemSpan(8, 12, "1997"), SystemSpan(12, 19, "1998-01"), SystemSpan(0, 2, "1990")]
    counts, errors = score_document(gold, spans)
    assert (counts.pairs, counts.value_matches, counts.relaxed_precision_hits, counts.system) == (1, 1, 2, 3)
    assert errors.spurious == [SystemSpan(0, 2, "1990")]


def test_span_touching_gold_end_does_not_overlap_it():
    counts, errors = score_document([GoldTimex(5, 9, "DATE", "1998", "1998")], [SystemSpan(9, 12, "1998")])
    assert (counts.relaxed_precision_hits, counts.relaxed_recall_hits) == (0, 0)
    assert len(errors.missed) == 1 and len(errors.spurious) == 1


def test_sum_counts_adds_every_field():
    total = sum_counts([TimexCounts(gold=2, ignored=1, type_matches=3), TimexCounts(gold=1, value_matches=4)])
    assert total == TimexCounts(gold=3, ignored=1, type_matches=3, value_matches=4)


def test_metrics_of_nothing_are_zero_and_type_accuracy_absent():
    metrics = metrics_from_counts(TimexCounts())
    assert metrics["strict"] == {"p": 0.0, "r": 0.0, "f1": 0.0} and metrics["value"]["f1_te3"] == 0.0
    assert metrics["type_accuracy"] is None


class _TimexLike:
    def __init__(self, start, end, value, type):
        self.start, self.end, self.value, self.type = start, end, value, type


def test_extractor_output_may_be_tuples_of_two_to_four_or_timex_objects():
    spans, invalid = to_system_spans([(0, 4), (0, 4, "1998"), [1, 3, "x", "DATE"], _TimexLike(2, 5, "v", "TIME"),
                                      (3, 3, "empty"), (0, 99, "past end"), ("a", "b"), "nonsense"], text_length=10)
    assert spans == [SystemSpan(0, 4), SystemSpan(0, 4, "1998"), SystemSpan(1, 3, "x", "DATE"), SystemSpan(2, 5, "v", "TIME")]
    assert invalid == 4


def test_extractor_failing_on_one_document_is_reported_and_others_still_scored(fixture_documents):
    def fails_on_march(text, reference_date):
        if "March" in text:
            raise RuntimeError("boom")
        return fake_extractor(text, reference_date)

    run = run_extractor(fixture_documents, fails_on_march)
    assert run.failures == ["date_in_file_name_19980315.tml: extractor raised RuntimeError: boom"]
    assert len(run.spans[0]) == 5 and run.spans[1] == []


def test_unknown_type_in_a_view_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown type DATES"):
        view_types("DATES,TIME")
    assert view_types(" date , Time ") == frozenset({"DATE", "TIME"}) and view_types("all") is None


def test_timing_covers_only_the_extractor_calls(fixture_documents):
    report = evaluate_run(fixture_documents, ExtractorRun(spans=[[], []], seconds=2.0))
    assert report["chars_per_s"] == pytest.approx((97 + 91) / 2.0) and report["docs_per_s"] == pytest.approx(1.0)


def _run_cli(*arguments, cwd=REPO):
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests")])}
    return subprocess.run([sys.executable, "-m", "extract.evaluate", *arguments], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=120)


def test_cli_prints_both_views_speed_and_errors(tmp_path):
    for fixture in FIXTURES.glob("*.tml"):
        (tmp_path / fixture.name).write_text(fixture.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "a_broken.tml").write_text("no markup at all", encoding="utf-8")
    result = _run_cli("--corpus", str(tmp_path), "--extractor", FAKE_EXTRACTOR, "--show-errors", "1")
    assert result.returncode == 0, result.stderr
    assert "a_broken.tml: not a TimeML file" in result.stderr and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert "2 docs, 188 chars" in lines[0] and "chars/s" in lines[0]
    # columns: view gold sys ign | strict P R F1 | relaxed P R F1 | value acc P R F1 TE3-F1 | type acc
    row = {cells[0]: cells for cells in ([cell for cell in line.split() if cell != "|"] for line in lines)
           if cells and cells[0] in ("ALL", "DATE,TIME")}
    assert row["ALL"][1:4] == ["8", "10", "0"] and row["ALL"][-2:] == [f"{100 * 56 / 67 * 5 / 7:.1f}", "80.0"]
    assert row["DATE,TIME"][1:4] == ["6", "8", "2"] and row["DATE,TIME"][4:7] == ["50.0", "66.7", "57.1"]
    assert "  [DATE,TIME missed] date_in_file_name_19980315.tml: 'Tuesday' DATE 1998-03-10" in lines


def test_cli_writes_json_for_the_asked_view_only(tmp_path, capsys):
    json_path = tmp_path / "report.json"
    assert main(["--corpus", str(FIXTURES), "--extractor", FAKE_EXTRACTOR, "--types", "time,date",
                 "--json", str(json_path), "--limit", "1"]) == 0
    report = json.loads(json_path.read_text())["corpora"]["timeml"]
    assert list(report["views"]) == ["DATE,TIME"] and report["docs"] == 1
    assert report["views"]["DATE,TIME"]["counts"]["ignored"] == 1
    assert "DATE,TIME" in capsys.readouterr().out


@pytest.mark.parametrize("arguments, message", [
    (["--corpus", "no/such/folder"], "no/such/folder: corpus folder not found"),
    (["--corpus", str(FIXTURES), "--extractor", "json"], "expected MODULE:FUNC"),
    (["--corpus", str(FIXTURES), "--extractor", "no_such_module_here:f"], "cannot import no_such_module_here"),
    (["--corpus", str(FIXTURES), "--extractor", "json:no_such_function"], "json has no attribute no_such_function"),
    (["--corpus", str(FIXTURES), "--types", "DAY"], "unknown type DAY"),
])
def test_cli_user_mistakes_get_a_message_not_a_traceback(arguments, message, capsys):
    assert main(["--extractor", FAKE_EXTRACTOR, *arguments] if "--extractor" not in arguments else arguments) == 2
    assert message in capsys.readouterr().err


@pytest.mark.skipif(not REFERENCE_SCORER.exists(), reason="reference scorer not present")
def test_figures_equal_the_reference_scorer_on_the_fixtures(tmp_path):
    environment = {**os.environ, "PYTHONPATH": str(REPO / "tests")}
    reference = subprocess.run([sys.executable, str(REFERENCE_SCORER), "--corpus", str(FIXTURES), "--extractor",
                                FAKE_EXTRACTOR, "--json", "-"], env=environment, capture_output=True, text=True,
                               timeout=120, check=True)
    ours = _run_cli("--corpus", str(FIXTURES), "--extractor", FAKE_EXTRACTOR, "--json", "-")
    expected = json.loads(reference.stdout)["corpora"]["timeml"]
    actual = json.loads(ours.stdout)["corpora"]["timeml"]
    for view, summary in expected["views"].items():
        for figure in ("strict", "relaxed", "value"):
            assert actual["views"][view][figure] == pytest.approx(summary[figure]), (view, figure)
        assert actual["views"][view]["type_accuracy"] == pytest.approx(summary["type_accuracy"])
        assert actual["views"][view]["counts"]["ignored"] == summary["counts"]["ignored"]
    assert actual["invalid_spans_dropped"] == expected["invalid_spans_dropped"]


def _project_tagger_importable() -> bool:
    try:
        from extract.timex import tag_spans  # noqa: F401
    except Exception:  # noqa: BLE001 - the tagger is another engineer's work in progress
        return False
    return True


@pytest.mark.skipif(not (REFERENCE_SCORER.exists() and TIMEBANK.is_dir() and _project_tagger_importable()),
                    reason="needs the reference scorer, the TimeBank corpus and extract.timex")
def test_figures_equal_the_reference_scorer_on_timebank_with_the_project_tagger():
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    arguments = ["--corpus", str(TIMEBANK), "--extractor", "extract.timex:tag_spans", "--json", "-"]
    reference = subprocess.run([sys.executable, str(REFERENCE_SCORER), *arguments], cwd=REPO, env=environment,
                               capture_output=True, text=True, timeout=300, check=True)
    ours = _run_cli(*arguments)
    expected = json.loads(reference.stdout)["corpora"]["TimeBank"]
    actual = json.loads(ours.stdout)["corpora"]["TimeBank"]
    assert (actual["docs"], actual["chars"]) == (expected["docs"], expected["chars"])
    for view, summary in expected["views"].items():
        for figure in ("strict", "relaxed", "value"):
            assert actual["views"][view][figure] == pytest.approx(summary[figure]), (view, figure)
        assert actual["views"][view]["counts"]["gold"] == summary["counts"]["gold"]
        assert actual["views"][view]["counts"]["ignored"] == summary["counts"]["ignored"]
