"""Score timelines with tilse 0.2.1 itself (run by tilse's own Python, not the project's).

Reads a JSON list of {"predicted": {"YYYY-MM-DD": [sentence, ...]}, "reference": {...}} on stdin and
prints, for each, tilse's align_date_content_costs_many_to_one ROUGE-1/2 (ROUGE-1.5.5, as news-tls
runs it) and tilse's date precision/recall/F as {"rouge_1": [p, r, f], "rouge_2": [...], "date": [...]}.
"""
import datetime
import json
import sys

from tilse.data.timelines import GroundTruth, Timeline
from tilse.evaluation import dates as tilse_dates
from tilse.evaluation import rouge


def _timeline(entries):
    return Timeline({datetime.date.fromisoformat(date): sentences for date, sentences in entries.items()})


evaluator = rouge.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"})
results = []
for case in json.load(sys.stdin):
    predicted, truth = _timeline(case["predicted"]), GroundTruth([_timeline(case["reference"])])
    scores = evaluator.evaluate_align_date_content_costs_many_to_one(predicted, truth)
    date_scores = tilse_dates.evaluate_dates(predicted, truth)
    result = {measure: [scores[measure][key] for key in ("precision", "recall", "f_score")] for measure in scores}
    result["date"] = [date_scores[key] for key in ("precision", "recall", "f_score")]
    results.append(result)
print(json.dumps(results))
