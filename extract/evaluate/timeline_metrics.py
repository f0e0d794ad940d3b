"""Scores of a timeline against a journalist's: Date-F1 and alignment-based ROUGE-1/2 (tilse's align+ m:1).

A timeline here is `{datetime.date: [sentence, ...]}` with sentences tokenised the way the
reference is (tokens separated by spaces; Timeline17 is Penn-Treebank tokenised).

- **Date-F1**: precision, recall and F1 of the predicted date set against the reference's.
- **AR-1 / AR-2** (`evaluate_align_date_content_costs_many_to_one` of tilse 0.2.1, Martschat &
  Markert 2017/2018): every predicted date is aligned to the reference date of least cost
  `(1 - 1/(|days apart| + 1)) * (1 - approximate ROUGE-1 F of the two summaries)` (for precision),
  every reference date to the predicted date of least cost (for recall); the ROUGE-N hits of each
  aligned pair, weighted by `1/(|days apart| + 1)`, are summed and divided by all predicted (or
  reference) n-grams. ROUGE counts are those of ROUGE-1.5.5 with `-m -s` (stemming, stopwords
  removed), the Perl script tilse runs: lower-case A-Z, hyphens become tokens of their own, any
  other character but A-Z, a-z, 0-9 becomes a space; drop stopwords and tokens not starting with
  a letter or digit; stem tokens longer than three characters (WordNet exception, else ROUGE's
  Porter). Bigrams span sentence boundaries, as in the Perl.
- **Averaging over timelines** (news-tls): mean precision and mean recall, then F1 of the means.

Cross-checked against tilse 0.2.1 itself by `tests/test_timeline_metrics.py` when tilse is installed.

>>> import datetime
>>> day = datetime.date(2009, 5, 1)
>>> reference = {day: ["A fourth case of swine flu is confirmed ."]}
>>> alignment_rouge({day: ["Swine flu case confirmed ."]}, reference)["rouge_1"]
Scores(precision=1.0, recall=0.8, f1=0.888...)
"""
from __future__ import annotations

import datetime
import re
import string
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from extract.evaluate.rouge_stemmer import rouge_stem

Timeline = Mapping[datetime.date, Sequence[str]]

STOPWORDS_TXT = Path(__file__).resolve().parents[2] / "data" / "rouge_stopwords.txt"
ROUGE_ORDERS = {"rouge_1": 1, "rouge_2": 2}
_NOT_ALPHANUMERIC = re.compile(r"[^A-Za-z0-9\-]")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_COUNTED_TOKEN = re.compile(r"^[a-z0-9$]")
_STEMMED_MIN_LENGTH = 4


@dataclass(frozen=True)
class Scores:
    """Precision, recall and their F1 (0.0 when both are 0)."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> Scores:
        """Scores from precision and recall, F1 computed as tilse does.

        >>> Scores.of(0.5, 1.0).f1
        0.666...
        """
        return cls(precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0)


@lru_cache(maxsize=1)
def rouge_stopwords() -> frozenset[str]:
    """ROUGE-1.5.5's stopword list (its `-s` option)."""
    return frozenset(line for line in STOPWORDS_TXT.read_text(encoding="utf-8").splitlines()
                     if line and not line.startswith("#"))


@lru_cache(maxsize=100_000)
def _sentence_tokens(sentence: str) -> tuple[str, ...]:
    # What ROUGE-1.5.5 reads of one sentence of pyrouge's SEE file: text up to the first '<'
    # (and none if it starts with '<' or is empty), bytes, '^' written as '&circ;'.
    text = " ".join(token.replace("^", "&circ;") for token in sentence.split())
    text = text.encode("utf-8").decode("latin-1").split("<", 1)[0].translate(_ASCII_LOWER)
    return tuple(_NOT_ALPHANUMERIC.sub(" ", text.replace("-", " - ")).split())


def rouge_tokens(sentences: Iterable[str]) -> list[str]:
    """The tokens ROUGE-1.5.5 -m -s counts in a summary (lower-cased, stopwords out, stemmed).

    >>> rouge_tokens(["The WHO declared a pandemic on 11 June .", "Cases rose ."])
    ['declar', 'pandem', '11', 'june', 'case', 'rise']
    """
    stopwords = rouge_stopwords()
    tokens = []
    for token in (token for sentence in sentences for token in _sentence_tokens(sentence)):
        if token in stopwords or not _COUNTED_TOKEN.match(token):
            continue
        tokens.append(rouge_stem(token) if len(token) >= _STEMMED_MIN_LENGTH else token)
    return tokens


def _ngrams(tokens: Sequence[str], order: int) -> Counter:
    return Counter(tuple(tokens[index:index + order]) for index in range(len(tokens) - order + 1))


def rouge_counts(predicted: Sequence[str], reference: Sequence[str], order: int) -> tuple[int, int, int]:
    """(hits, predicted n-grams, reference n-grams) of ROUGE-N, as ROUGE-1.5.5 -m -s -t 2 counts them.

    >>> rouge_counts(["Swine flu case confirmed ."], ["A fourth case of swine flu is confirmed ."], 1)
    (4, 4, 5)
    """
    predicted_grams = _ngrams(rouge_tokens(predicted), order)
    reference_grams = _ngrams(rouge_tokens(reference), order)
    hits = sum(min(count, predicted_grams[gram]) for gram, count in reference_grams.items())
    return hits, sum(predicted_grams.values()), sum(reference_grams.values())


def content_similarity(predicted: Sequence[str], reference: Sequence[str]) -> float:
    """tilse's cheap ROUGE-1 F used to align dates: raw tokens, case kept, lone punctuation out.

    >>> round(content_similarity(["Flu case confirmed ."], ["A case is confirmed ."]), 3)
    0.571
    """
    predicted_counts = Counter(token for sentence in predicted for token in sentence.split()
                               if token not in string.punctuation)
    reference_counts = Counter(token for sentence in reference for token in sentence.split()
                               if token not in string.punctuation)
    match = sum(min(count, reference_counts[token]) for token, count in predicted_counts.items())
    predicted_total, reference_total = sum(predicted_counts.values()), sum(reference_counts.values())
    precision = match / predicted_total if predicted_total else 0
    recall = match / reference_total if reference_total else 0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0


def _date_weight(first: datetime.date, second: datetime.date) -> float:
    return 1 / (abs(first.toordinal() - second.toordinal()) + 1)


def _closest(source: datetime.date, source_summary: Sequence[str], targets: Sequence[datetime.date],
             summaries: Timeline, source_is_predicted: bool) -> datetime.date:
    # numpy's argmin over tilse's cost row: the first target of least cost
    best, best_cost = targets[0], None
    for target in targets:
        similarity = (content_similarity(source_summary, summaries[target]) if source_is_predicted
                      else content_similarity(summaries[target], source_summary))
        cost = (1 - _date_weight(source, target)) * (1 - similarity)
        if best_cost is None or cost < best_cost:
            best, best_cost = target, cost
    return best


def alignment_rouge(predicted: Timeline, reference: Timeline) -> dict[str, Scores]:
    """AR-1 and AR-2 precision, recall and F of one predicted timeline (tilse's align+ m:1); see the module docstring."""
    predicted_dates, reference_dates = sorted(predicted), sorted(reference)
    numerators = {measure: [0.0, 0.0] for measure in ROUGE_ORDERS}     # precision, recall
    denominators = {measure: [0, 0] for measure in ROUGE_ORDERS}
    if predicted_dates and reference_dates:
        for date in predicted_dates:
            target = _closest(date, predicted[date], reference_dates, reference, source_is_predicted=True)
            for measure, order in ROUGE_ORDERS.items():
                hits, predicted_count, _ = rouge_counts(predicted[date], reference[target], order)
                numerators[measure][0] += _date_weight(date, target) * hits
                denominators[measure][0] += predicted_count
        for date in reference_dates:
            target = _closest(date, reference[date], predicted_dates, predicted, source_is_predicted=False)
            for measure, order in ROUGE_ORDERS.items():
                hits, _, reference_count = rouge_counts(predicted[target], reference[date], order)
                numerators[measure][1] += _date_weight(date, target) * hits
                denominators[measure][1] += reference_count
    return {measure: Scores.of(*(numerator / denominator if denominator else 0.0
                                 for numerator, denominator in zip(numerators[measure], denominators[measure])))
            for measure in ROUGE_ORDERS}


def date_scores(predicted: Iterable[datetime.date], reference: Iterable[datetime.date]) -> Scores:
    """Date precision, recall and F1 (exact day match of the two date sets).

    >>> date_scores([datetime.date(2009, 5, 1), datetime.date(2009, 5, 2)], [datetime.date(2009, 5, 1)])
    Scores(precision=0.5, recall=1.0, f1=0.666...)
    """
    predicted, reference = set(predicted), set(reference)
    shared = len(predicted & reference)
    return Scores.of(shared / len(predicted) if predicted else 0.0, shared / len(reference) if reference else 0.0)


def score_timeline(predicted: Timeline, reference: Timeline) -> dict[str, Scores]:
    """Date-F1, AR-1 and AR-2 of one predicted timeline against one reference: keys 'date', 'rouge_1', 'rouge_2'."""
    return {"date": date_scores(predicted, reference), **alignment_rouge(predicted, reference)}


def average_scores(per_timeline: Sequence[Mapping[str, Scores]]) -> dict[str, Scores]:
    """news-tls's average over timelines: mean precision, mean recall, then F1 of the two means.

    >>> average_scores([{"date": Scores.of(1.0, 0.0)}, {"date": Scores.of(0.0, 1.0)}])["date"]
    Scores(precision=0.5, recall=0.5, f1=0.5)
    """
    if not per_timeline:
        return {}
    count = len(per_timeline)
    return {metric: Scores.of(sum(scores[metric].precision for scores in per_timeline) / count,
                              sum(scores[metric].recall for scores in per_timeline) / count)
            for metric in per_timeline[0]}
