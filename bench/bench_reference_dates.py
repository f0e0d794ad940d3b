"""Benchmark: reference-date inference on TimeBank with the creation dates withheld.

Each TimeBank article is read as a plain article with no sources.csv row (its CREATION_TIME is
withheld from the extractor and used only to score): how many inferred reference dates are exact,
within a week, wrong (further off), or left unknown; per confidence level. Split by sorted file name
as bench/tagger_rounds.md: even index = DEV (studied), odd = HELD-OUT (only scored).

    .venv/bin/python bench/bench_reference_dates.py [--corpus ../shared/corpora/TimeBank] [--show-wrong 10]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extract.documents import Document  # noqa: E402
from extract.evaluate.timeml import read_corpus  # noqa: E402
from extract.pipeline import find_drafts  # noqa: E402
from extract.sources import resolve_source  # noqa: E402

OUTCOMES = ("exact", "within a week", "wrong", "unknown")


def outcome(inferred, truth) -> str:
    if inferred is None:
        return "unknown"
    days = abs((inferred - truth).days)
    return "exact" if days == 0 else "within a week" if days <= 7 else "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpora" / "TimeBank")
    parser.add_argument("--show-wrong", type=int, default=0, help="list N wrong inferences of the DEV half")
    args = parser.parse_args()
    documents, problems = read_corpus(args.corpus)
    documents = sorted((d for d in documents if d.creation_date is not None), key=lambda d: d.name)
    halves = {"DEV": documents[0::2], "HELD-OUT": documents[1::2]}
    print(f"{len(documents)} TimeBank articles with a creation date ({len(problems)} files not read)")
    print(f"{'half':<9} {'articles':>8} " + " ".join(f"{name:>13}" for name in OUTCOMES) + "   by confidence")
    for half, subset in halves.items():
        counts, by_confidence, wrong = Counter(), Counter(), []
        for timeml in subset:
            document = Document(timeml.name, timeml.name, timeml.text)
            source = resolve_source(document, None, find_drafts(timeml.text)[0], [])
            result = outcome(source.published, timeml.creation_date)
            counts[result] += 1
            by_confidence[(source.reference_date_confidence, result)] += 1
            if result == "wrong":
                wrong.append((timeml.name, source.published, timeml.creation_date, source.reference_date_basis))
        cells = " ".join(f"{counts[name]:>5} ({counts[name] / len(subset):>5.1%})" for name in OUTCOMES)
        confidences = "; ".join(f"{confidence or '-'} {result}: {n}" for (confidence, result), n in sorted(by_confidence.items()))
        print(f"{half:<9} {len(subset):>8} {cells}   {confidences}")
        if half == "DEV":
            for name, inferred, truth, basis in wrong[:args.show_wrong]:
                print(f"  wrong {name}: inferred {inferred}, created {truth}; {basis}")


if __name__ == "__main__":
    main()
