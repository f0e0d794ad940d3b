"""Timeline metrics: Date-F1 and alignment ROUGE by hand, and equal to tilse 0.2.1 itself when it is installed.

tilse (with spaCy and the Perl ROUGE-1.5.5) lives in its own virtual environment, never in the
project's: set TILSE_PYTHON to its python, or install it at /work/tilse-venv
(`python3 -m venv /work/tilse-venv && /work/tilse-venv/bin/pip install tilse==0.2.1`).
"""
from __future__ import annotations

import datetime
import json
import os
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from extract.evaluate.rouge_stemmer import porter_stem, rouge_stem
from extract.evaluate.timeline17 import read_timeline17
from extract.evaluate.timeline_metrics import (
    Scores, alignment_rouge, average_scores, content_similarity, date_scores, rouge_counts, rouge_tokens,
    score_timeline,
)

REPO = Path(__file__).resolve().parent.parent
TRICKY_CASES = REPO / "tests" / "fixtures" / "timelines" / "tricky_cases.json"
TILSE_DRIVER = REPO / "tests" / "tilse_reference.py"
TIMELINE17 = REPO.parent / "shared" / "corpora" / "Timeline17-dev"
DAY = datetime.date(2009, 5, 1)


def _tilse_python() -> str | None:
    candidate = os.environ.get("TILSE_PYTHON") or "/work/tilse-venv/bin/python"
    if not Path(candidate).exists():
        return None
    probe = subprocess.run([candidate, "-c", "import tilse.evaluation.rouge"], capture_output=True, timeout=120)
    return candidate if probe.returncode == 0 else None


TILSE_PYTHON = _tilse_python()
needs_tilse = pytest.mark.skipif(TILSE_PYTHON is None, reason="tilse 0.2.1 not installed: set TILSE_PYTHON to the python "
                                 "of a venv with `pip install tilse==0.2.1` (or create /work/tilse-venv)")


def _dated(entries: dict[str, list[str]]) -> dict[datetime.date, list[str]]:
    return {datetime.date.fromisoformat(date): sentences for date, sentences in entries.items()}


def test_rouge_tokens_follow_rouge_155_lowercasing_stopwords_hyphens_and_stemming():
    assert rouge_tokens(["The 7.0-magnitude quake hit HAITI ; children walked home ."]) == [
        "7", "0", "magnitud", "quak", "hit", "haiti", "child", "walk", "home"]


def test_rouge_stemmer_keeps_rouge_155s_ement_rule_where_nltk_differs():
    assert porter_stem("agreement") == "agreem" and porter_stem("replacement") == "replac"
    assert rouge_stem("mice") == "mouse"


def test_rouge_counts_clip_repeated_ngrams():
    assert rouge_counts(["flu flu flu case"], ["flu case"], 1) == (2, 4, 2)
    assert rouge_counts(["flu case flu case"], ["flu case"], 2) == (1, 3, 1)


def test_content_similarity_is_case_sensitive_and_ignores_lone_punctuation():
    assert content_similarity(["Flu ."], ["flu ."]) == 0
    assert content_similarity(["flu , case"], ["flu case"]) == 1.0


def test_identical_timelines_score_one():
    timeline = {DAY: ["A fourth case of swine flu is confirmed ."], DAY.replace(day=3): ["Schools close ."]}
    scores = score_timeline(timeline, timeline)
    assert all(score == Scores(1.0, 1.0, 1.0) for score in scores.values())


def test_a_summary_one_day_off_counts_half():
    reference = {DAY: ["Schools close in Glasgow ."]}
    scores = alignment_rouge({DAY.replace(day=2): ["Schools close in Glasgow ."]}, reference)
    assert scores["rouge_1"] == Scores.of(0.5, 0.5) and date_scores([DAY.replace(day=2)], reference).f1 == 0


def test_every_predicted_date_is_aligned_many_to_one():
    reference = {DAY: ["Schools close in Glasgow ."]}
    predicted = {DAY: ["Schools close in Glasgow ."], DAY.replace(day=3): ["Schools close ."]}
    # precision: 3 hits / 3 tokens on the day, 2 hits * 1/3 / 2 tokens two days off; recall: 3 of 3
    assert alignment_rouge(predicted, reference)["rouge_1"] == Scores.of((3 + 2 / 3) / 5, 1.0)


def test_empty_prediction_scores_zero_instead_of_failing():
    scores = score_timeline({}, {DAY: ["Schools close ."]})
    assert all(score == Scores(0.0, 0.0, 0.0) for score in scores.values())


def test_average_over_timelines_takes_f_of_mean_precision_and_mean_recall():
    averaged = average_scores([{"date": Scores.of(1.0, 0.5)}, {"date": Scores.of(0.5, 0.5)}])
    assert averaged["date"] == Scores.of(0.75, 0.5)


def _tilse_scores(cases: list[dict]) -> list[dict]:
    result = subprocess.run([TILSE_PYTHON, str(TILSE_DRIVER)], input=json.dumps(cases), capture_output=True,
                            text=True, timeout=900, check=True)
    return json.loads(result.stdout)


def _assert_equal_to_tilse(cases: list[dict]) -> None:
    for case, expected in zip(cases, _tilse_scores(cases), strict=True):
        ours = score_timeline(_dated(case["predicted"]), _dated(case["reference"]))
        for metric in ("date", "rouge_1", "rouge_2"):
            score = ours[metric]
            assert [score.precision, score.recall, score.f1] == pytest.approx(expected[metric], abs=1e-12), \
                (case.get("name"), metric)


@needs_tilse
def test_equal_to_tilse_on_tricky_fixed_timelines():
    _assert_equal_to_tilse(json.loads(TRICKY_CASES.read_text(encoding="utf-8")))


def _first_sentences_timeline(collection, reference) -> dict[str, list[str]]:
    """A fixed, realistic prediction: the busiest publication days, the first lines of their first article."""
    articles = collection.articles_between(reference.first_date, reference.last_date)
    busiest = [day for day, _ in Counter(article.published for article in articles).most_common(reference.n_dates)]
    predicted = {}
    for day in sorted(busiest):
        first_article = next(article for article in articles if article.published == day)
        lines = [line.strip() for line in first_article.path.read_text(encoding="utf-8", errors="replace").splitlines()]
        predicted[day.isoformat()] = [line for line in lines if line][:max(reference.sentences_per_date, 1)]
    return predicted


@needs_tilse
@pytest.mark.skipif(not TIMELINE17.is_dir(), reason="Timeline17-dev corpus not present")
def test_equal_to_tilse_on_the_timeline17_dev_references():
    collections, _ = read_timeline17(TIMELINE17, ["H1N1_guardian", "MJ_bbc"])
    cases = [{"name": f"{collection.name}/{reference.name}",
              "predicted": _first_sentences_timeline(collection, reference),
              "reference": {day.isoformat(): sentences for day, sentences in reference.dates.items()}}
             for collection in collections for reference in collection.timelines]
    assert len(cases) == 2
    _assert_equal_to_tilse(cases)
