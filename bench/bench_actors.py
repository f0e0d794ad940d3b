"""Benchmark: the actors stage now against round one's matcher (loaded from git history), same text, same run.

    .venv/bin/python bench/bench_actors.py [--repeats 5] [--copies 10]

Text: the seed articles' lines and every sentence of TimeBank (when ../shared is beside the repo),
repeated `--copies` times. Timed, median of `--repeats` rounds in which the three take turns:
- round one: `actors_and_countries` of commit e0f1479 with its own gazetteer (1,277 aliases);
- now, `tag_actors`: the matcher alone (gazetteer + places + office holders, year-aware);
- now, `sentence_countries`: the whole stage the pipeline runs (matching, readings, party/mention roles).
Target: the stage stays above 1 M chars/s.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_countries import round_one_matcher  # noqa: E402
from extract.actors import load_gazetteer, tag_actors  # noqa: E402
from extract.country_roles import sentence_countries  # noqa: E402
from extract.sentences import split_sentences  # noqa: E402

TIMEBANK = REPO.parent / "shared" / "corpora" / "TimeBank"


def bench_lines() -> list[str]:
    lines = [line for path in sorted((REPO / "seeds").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if TIMEBANK.is_dir():
        from extract.evaluate.timeml import read_timeml
        for path in sorted(TIMEBANK.glob("*.tml")):
            lines += [sentence.text for sentence in split_sentences(read_timeml(path).text)]
    return lines


def interleaved_medians(functions: dict[str, object], lines: list[str], repeats: int) -> dict[str, float]:
    """Median seconds of each function over `lines`; the functions take turns in every round, so a change of load on
    the shared machine hits all of them alike."""
    for function in functions.values():
        function(lines[0])
    runs: dict[str, list[float]] = {label: [] for label in functions}
    for _ in range(repeats):
        for label, function in functions.items():
            started = time.perf_counter()
            for line in lines:
                function(line)
            runs[label].append(time.perf_counter() - started)
    return {label: statistics.median(times) for label, times in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--copies", type=int, default=3, help="how many times the text is repeated per run")
    args = parser.parse_args()
    lines = bench_lines() * args.copies
    chars = sum(map(len, lines))
    gazetteer = load_gazetteer()
    reference = dt.date(1998, 1, 1)
    round_one = round_one_matcher()
    print(f"{len(gazetteer.entries):,} aliases now; {len(lines):,} lines, {chars:,} chars; median of {args.repeats} runs")
    results = interleaved_medians({
        "round one actors_and_countries (e0f1479)": lambda line: round_one(line, None),
        "now tag_actors (matcher)": lambda line: tag_actors(line, gazetteer, 1998),
        "now sentence_countries (whole stage)": lambda line: sentence_countries(line, reference, gazetteer),
    }, lines, args.repeats)
    for label, seconds in results.items():
        print(f"{label:44s} {seconds * 1000:9.1f} ms  {chars / seconds / 1e6:6.2f} M chars/s")
    peer = results["round one actors_and_countries (e0f1479)"]
    stage = results["now sentence_countries (whole stage)"]
    print(f"ratio: the stage now takes {stage / peer:.2f}x round one's time "
          f"({chars / stage / 1e6:.2f} M chars/s; target > 1 M chars/s: {'met' if chars / stage > 1e6 else 'MISSED'})")


if __name__ == "__main__":
    main()
