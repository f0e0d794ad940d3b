"""Benchmark: reference-date inference from the text alone, on TimeBank and Timeline17-dev, dates withheld.

Each article is read as a plain article with no sources.csv row and no date folder: TimeBank's
CREATION_TIME, and the date folder of each Timeline17-dev article (`InputDocs/<YYYY-MM-DD>/`), are
withheld from the extractor and used only to score: how many inferred reference dates are exact,
within a week, wrong (further off), or left unknown; per confidence level and basis. Split by sorted
file name (TimeBank as bench/tagger_rounds.md; Timeline17-dev by sorted path): even index = DEV
(studied), odd = HELD-OUT (only scored).

    .venv/bin/python bench/bench_reference_dates.py [--corpus ../shared/corpora/TimeBank]
        [--timeline17 ../shared/corpora/Timeline17-dev] [--show-wrong 10]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import datetime as dt  # noqa: E402

from extract.documents import Document, read_document_bytes  # noqa: E402
from extract.evaluate.timeml import read_corpus  # noqa: E402
from extract.pipeline import find_drafts  # noqa: E402
from extract.sources import resolve_source  # noqa: E402

OUTCOMES = ("exact", "within a week", "wrong", "unknown")


def outcome(inferred, truth) -> str:
    if inferred is None:
        return "unknown"
    days = abs((inferred - truth).days)
    return "exact" if days == 0 else "within a week" if days <= 7 else "wrong"


def timebank_articles(corpus: Path) -> tuple[list[tuple[str, str, dt.date]], int]:
    """(name, text, creation date) of every TimeBank article with a creation date, sorted by name; files not read."""
    documents, problems = read_corpus(corpus)
    dated = sorted((d for d in documents if d.creation_date is not None), key=lambda d: d.name)
    return [(d.name, d.text, d.creation_date) for d in dated], len(problems)


def timeline17_articles(corpus: Path) -> tuple[list[tuple[str, str, dt.date]], int]:
    """(path, text as the extractor reads it, folder date) of every Timeline17-dev article, sorted by path."""
    articles, unreadable = [], 0
    for path in sorted(corpus.glob("*/InputDocs/*/*.txt")):
        document = read_document_bytes(path.name, path.read_bytes())
        if not document.readable:
            unreadable += 1
            continue
        articles.append((str(path.relative_to(corpus)), document.text, dt.date.fromisoformat(path.parent.name)))
    return articles, unreadable


def score_half(articles: list[tuple[str, str, dt.date]]) -> tuple[Counter, Counter, list]:
    """Outcome counts, (confidence, basis kind, outcome) counts and the wrong inferences of some articles."""
    counts, by_basis, wrong = Counter(), Counter(), []
    for name, text, truth in articles:
        source = resolve_source(Document(name, name, text), None, find_drafts(text)[0], [])
        result = outcome(source.published, truth)
        counts[result] += 1
        kind = source.reference_date_basis.split("'")[0].split(":")[-1].strip().rstrip(",") or "-"
        by_basis[(source.reference_date_confidence, kind if result != "unknown" else "-", result)] += 1
        if result == "wrong":
            wrong.append((name, source.published, truth, source.reference_date_basis))
    return counts, by_basis, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpora" / "TimeBank")
    parser.add_argument("--timeline17", type=Path, default=REPO.parent / "shared" / "corpora" / "Timeline17-dev")
    parser.add_argument("--show-wrong", type=int, default=0, help="list N wrong inferences of each DEV half")
    args = parser.parse_args()
    corpora = {"TimeBank": timebank_articles(args.corpus), "Timeline17-dev": timeline17_articles(args.timeline17)}
    for corpus_name, (articles, not_read) in corpora.items():
        print(f"{corpus_name}: {len(articles)} articles with a known date ({not_read} files not read)")
        print(f"{'half':<9} {'articles':>8} " + " ".join(f"{name:>13}" for name in OUTCOMES) + "   by confidence and basis")
        for half, subset in {"DEV": articles[0::2], "HELD-OUT": articles[1::2]}.items():
            counts, by_basis, wrong = score_half(subset)
            cells = " ".join(f"{counts[name]:>5} ({counts[name] / max(len(subset), 1):>5.1%})" for name in OUTCOMES)
            details = "; ".join(f"{confidence or '-'} {kind} {result}: {n}"
                                for (confidence, kind, result), n in sorted(by_basis.items()))
            print(f"{half:<9} {len(subset):>8} {cells}   {details}")
            if half == "DEV":
                for name, inferred, truth, basis in wrong[:args.show_wrong]:
                    print(f"  wrong {name}: inferred {inferred}, known {truth}; {basis}")


if __name__ == "__main__":
    main()
