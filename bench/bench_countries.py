"""Country precision and recall on the labelled development set, before (round one's matcher) and now.

    python bench/bench_countries.py                 # both halves, both matchers
    python bench/bench_countries.py --errors dev    # also list the DEV half's errors (never study heldout)

`bench/countries_dev.csv` holds 180 sentences of TimeBank (1989-1998) and Timeline17-dev (2009-2011),
labelled by reading with the countries that are parties to the statement and those only mentioned
(guide: bench/README.md, "Countries"). Scores are micro-averaged over (sentence, country) pairs:
parties are compared with the statements' `countries`, mentions (parties plus mentioned-only) with
`country_mentions`. Round one had one list for both, so its list is scored against both. The old
matcher is loaded from git history (`git show e0f1479:extract/actors.py` and its gazetteer).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extract.country_roles import sentence_countries  # noqa: E402

DEV_SET = REPO / "bench" / "countries_dev.csv"
ROUND_ONE = "e0f1479"
Matcher = Callable[[str, "dt.date | None"], tuple[list[str], list[str]]]  # -> (parties, mentions)


def _split(cell: str) -> set[str]:
    return {name.strip() for name in cell.split(";") if name.strip()}


def read_dev_set(path: Path = DEV_SET) -> list[dict]:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for row in rows:
        row["gold_parties"] = _split(row["parties"])
        row["gold_mentions"] = row["gold_parties"] | _split(row["mentioned_only"])
        row["reference_date"] = dt.date.fromisoformat(row["date"]) if row["date"] else None
    return rows


def round_one_matcher() -> Matcher:
    """Round one's `actors_and_countries` with round one's gazetteer, loaded from git history."""
    folder = Path(tempfile.mkdtemp(prefix="actors_round_one_"))
    for name in ("extract/actors.py", "data/actors.csv"):
        (folder / Path(name).name).write_bytes(subprocess.run(
            ["git", "show", f"{ROUND_ONE}:{name}"], cwd=REPO, check=True, capture_output=True).stdout)
    spec = importlib.util.spec_from_file_location("actors_round_one", folder / "actors.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["actors_round_one"] = module
    spec.loader.exec_module(module)
    gazetteer = module.read_gazetteer(folder / "actors.csv")

    def match(sentence: str, reference_date: dt.date | None) -> tuple[list[str], list[str]]:
        countries = module.actors_and_countries(sentence, gazetteer)[1]
        return countries, countries
    return match


def current_matcher(sentence: str, reference_date: dt.date | None) -> tuple[list[str], list[str]]:
    found = sentence_countries(sentence, reference_date)
    return found.countries, found.country_mentions


def score(rows: list[dict], matcher: Matcher) -> dict[str, tuple[int, int, int]]:
    """(true positives, predicted, gold) for parties and for mentions."""
    totals = {"parties": [0, 0, 0], "mentions": [0, 0, 0]}
    for row in rows:
        parties, mentions = matcher(row["sentence"], row["reference_date"])
        for what, predicted, gold in (("parties", set(parties), row["gold_parties"]),
                                      ("mentions", set(mentions), row["gold_mentions"])):
            totals[what][0] += len(predicted & gold)
            totals[what][1] += len(predicted)
            totals[what][2] += len(gold)
            row[f"predicted_{what}"] = predicted
    return {what: tuple(values) for what, values in totals.items()}


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  -  "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=["dev"], help="list the errors of the DEV half (the one studied)")
    args = parser.parse_args()
    rows = read_dev_set()
    halves = {"dev": [row for row in rows if row["split"] == "dev"],
              "heldout": [row for row in rows if row["split"] == "heldout"]}
    print(f"{len(rows)} sentences: dev {len(halves['dev'])}, heldout {len(halves['heldout'])}")
    print(f"{'matcher':<10} {'half':<8} {'parties P':>9} {'R':>6} {'F1':>6}   {'mentions P':>10} {'R':>6} {'F1':>6}")
    for name, matcher in (("round one", round_one_matcher()), ("now", current_matcher)):
        for half, half_rows in halves.items():
            figures = score(half_rows, matcher)
            cells = []
            for what in ("parties", "mentions"):
                hits, predicted, gold = figures[what]
                precision, recall = (hits / predicted if predicted else 0.0), (hits / gold if gold else 0.0)
                f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
                cells.append(f"{precision:>9.3f} {recall:>6.3f} {f1:>6.3f}")
            print(f"{name:<10} {half:<8} {cells[0]}   {cells[1]}  (pairs: parties {figures['parties'][2]}, "
                  f"mentions {figures['mentions'][2]})")
    if args.errors:
        for row in halves["dev"]:
            for what in ("parties", "mentions"):
                gold, predicted = row[f"gold_{what}"], row[f"predicted_{what}"]
                if gold != predicted:
                    print(f"[{row['id']} {what}] missing {sorted(gold - predicted)} extra {sorted(predicted - gold)}: "
                          f"{row['sentence'][:160]}")


if __name__ == "__main__":
    main()
