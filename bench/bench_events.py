"""Event stage on Timeline17-dev: speed and memory (extraction vs event building) and merge quality.

    python bench/bench_events.py --speed --repeat 3      # all 843 articles: time and peak memory per stage
    python bench/bench_events.py --merge                 # merge quality, DEV and HELD-OUT collections
    python bench/bench_events.py --merge --held-out      # ... and the HELD-OUT collections (scored, not studied)
    python bench/bench_events.py --sample 30             # print 30 merged cross-article pairs of DEV to read
    python bench/bench_events.py --sample 30 --held-out  # ... of HELD-OUT
    python bench/bench_events.py --rerun --repeat 3      # re-run after 1 changed article vs a full rebuild
    python bench/bench_events.py --rerun --statements S.parquet --documents D.parquet   # ... of another corpus

Re-run (issue 14): the event stage of a corpus (all 843 Timeline17-dev articles as ONE corpus, or the
statements and documents Parquet given) is built once with its memo (`extract.event_memo`), as the
previous run; then one article changes (a sentence appended to each of its sentences) and the stage
runs again twice: from scratch (the peer: a full rebuild) and with the previous run's memo read back
from Parquet (the re-run). Prints the medians, their ratio, the memo's size, and whether the two
events frames are identical (they must be).

Merge quality proxy (the journalists' timelines as judges). For each collection, every day-grain
event statement whose day is a date of one of the collection's reference timelines and whose
sentence is close to that date's reference summary (TF-IDF cosine >= `--match`, stemmed content
words) is "about the journalists' happening of that day". Over pairs of such statements from
different articles of one day: recall = share of pairs the stage put in one event. Over pairs of
statements from different articles that the stage merged, at least one of them matched:
precision = share where both matched. The peer in the same run is the naive "one event per day"
merge (every statement of a day in one event). The DEV/HELD-OUT split of the collections is the
one agreed with the evaluation (bench/README.md).
"""
from __future__ import annotations

import argparse
import csv
import datetime
import itertools
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extract.events import build_events, build_events_with_memo  # noqa: E402
from extract.merging import MergeSettings, content_words  # noqa: E402
from extract.pipeline import extract_corpus  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpora" / "Timeline17-dev"
DEV = ("H1N1_bbc", "H1N1_guardian", "MJ_bbc")
HELD_OUT = ("H1N1_reuters", "haiti_bbc")


def articles_of(collection: Path) -> tuple[list[Path], dict[str, str]]:
    """The article files of a collection and their publication day (the date folder)."""
    paths, published = [], {}
    for day_folder in sorted((collection / "InputDocs").iterdir()):
        for path in sorted(day_folder.glob("*.txt")):
            paths.append(path)
            published[path.stem] = day_folder.name
    return paths, published


def sources_csv(published: dict[str, str], folder: Path) -> Path:
    path = folder / "sources.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc_id", "title", "outlet", "author", "published", "url", "reference_date_basis"])
        for doc_id, day in published.items():
            writer.writerow([doc_id, "", "", "", day, "", "date folder"])
    return path


def reference_days(collection: Path) -> dict[datetime.date, str]:
    """Every date of the collection's timelines with its summary sentences joined."""
    days: dict[datetime.date, list[str]] = defaultdict(list)
    for timeline in sorted((collection / "timelines").glob("*.txt")):
        current = None
        for line in timeline.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip()
            try:
                current = datetime.date.fromisoformat(line)
                continue
            except ValueError:
                pass
            if line.startswith("---"):
                current = None
            elif current and line:
                days[current].append(line)
    return {day: " ".join(lines) for day, lines in days.items()}


def extract_collection(name: str, scratch: Path):
    paths, published = articles_of(CORPUS / name)
    return extract_corpus(paths, sources_csv=sources_csv(published, scratch), with_events=False)


# --- speed -----------------------------------------------------------------------------------

def measure(function, trace: bool):
    """(result, seconds, peak traced bytes); tracing slows Python down, so times come from untraced runs."""
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    if trace:
        tracemalloc.stop()
    return result, seconds, peak


def speed(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        paths, published = [], {}
        for name in DEV + HELD_OUT:
            collection_paths, collection_published = articles_of(CORPUS / name)
            paths += collection_paths
            published.update({f"{name}/{k}": v for k, v in collection_published.items()})
        per_collection = []
        for name in DEV + HELD_OUT:
            folder = Path(scratch) / name
            folder.mkdir()
            per_collection.append((name, *articles_of(CORPUS / name), folder))
        extract_times, event_times, extract_peaks, event_peaks = [], [], [], []
        sizes = None
        for run in range(repeat + 1):   # the last run only traces memory
            trace = run == repeat
            extract_seconds = event_seconds = 0.0
            extract_peak = event_peak = 0
            n_statements = n_events = n_articles = 0
            for name, collection_paths, collection_published, folder in per_collection:
                csv_path = sources_csv(collection_published, folder)
                extraction, seconds, peak = measure(
                    lambda: extract_corpus(collection_paths, sources_csv=csv_path, with_events=False), trace)
                extract_seconds += seconds
                extract_peak = max(extract_peak, peak)
                events, seconds, peak = measure(lambda: build_events(extraction.statements, extraction.documents), trace)
                event_seconds += seconds
                event_peak = max(event_peak, peak)
                n_statements += len(extraction.statements)
                n_events += int((events["kind"] == "event").sum())
                n_articles += len(collection_paths)
            if trace:
                extract_peaks.append(extract_peak)
                event_peaks.append(event_peak)
            else:
                extract_times.append(extract_seconds)
                event_times.append(event_seconds)
            sizes = (n_articles, n_statements, n_events)
    extract_median, event_median = statistics.median(extract_times), statistics.median(event_times)
    print(f"{sizes[0]} articles, {sizes[1]:,} statements -> {sizes[2]:,} events (5 collections, each its own run)")
    print(f"extraction (read, dates, actors, statements)  median {extract_median:6.2f} s  "
          f"(runs {', '.join(f'{t:.2f}' for t in extract_times)})  peak traced memory {max(extract_peaks) / 1e6:6.1f} MB per collection")
    print(f"event stage (merge, label, rank, episodes)   median {event_median:6.2f} s  "
          f"(runs {', '.join(f'{t:.2f}' for t in event_times)})  peak traced memory {max(event_peaks) / 1e6:6.1f} MB per collection")
    print(f"ratio: the event stage takes {event_median / extract_median:.2f}x the extraction's time; "
          f"whole pipeline {extract_median + event_median:.2f} s; process peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")


# --- re-run after one changed article ---------------------------------------------------------

def one_article_changed(statements):
    """The statements after one article (the one with the most statements) was edited: a clause appended to each of
    its sentences, so every one of them is new to the memo (the dates keep their offsets)."""
    counts = statements["doc_id"].astype(str).value_counts()
    changed = statements.copy()
    rows = changed["doc_id"] == counts.index[0]
    changed.loc[rows, "sentence"] = changed.loc[rows, "sentence"] + " Officials confirmed the report on Monday."
    return changed


def rerun(repeat: int, statements_path: Path | None, documents_path: Path | None) -> None:
    import pandas as pd

    from extract.schema import conform_documents, conform_statements

    with tempfile.TemporaryDirectory() as scratch:
        if statements_path is None:
            paths, published = [], {}
            for name in DEV + HELD_OUT:
                collection_paths, collection_published = articles_of(CORPUS / name)
                paths += collection_paths
                published.update(collection_published)
            extraction = extract_corpus(paths, sources_csv=sources_csv(published, Path(scratch)), with_events=False)
            statements, documents, corpus = extraction.statements, extraction.documents, "Timeline17-dev, one corpus"
        else:
            statements = conform_statements(pd.read_parquet(statements_path))
            documents = conform_documents(pd.read_parquet(documents_path))
            corpus = str(statements_path)
        changed = one_article_changed(statements)
        memo_path = Path(scratch) / "event-memo.parquet"
        first, full, again, identical = [], [], [], []
        for _ in range(repeat):
            started = time.perf_counter()
            _, memo = build_events_with_memo(statements, documents, None)
            memo.to_parquet(memo_path)
            first.append(time.perf_counter() - started)
            started = time.perf_counter()
            rebuilt = build_events(changed, documents)
            full.append(time.perf_counter() - started)
            started = time.perf_counter()
            events, _ = build_events_with_memo(changed, documents, pd.read_parquet(memo_path))
            again.append(time.perf_counter() - started)
            identical.append(events.equals(rebuilt))
        memo_bytes = memo_path.stat().st_size
    print(f"{corpus}: {documents['doc_id'].nunique():,} articles, {len(statements):,} statements -> "
          f"{int((rebuilt['kind'] == 'event').sum()):,} events; 1 article changed "
          f"({int((changed['sentence'] != statements['sentence']).sum())} statements)")
    print(f"  first run, memo written               median {statistics.median(first):6.2f} s  "
          f"(runs {', '.join(f'{t:.2f}' for t in first)}); memo {memo_bytes / 1e6:.1f} MB")
    print(f"  full rebuild after the change (peer)  median {statistics.median(full):6.2f} s  "
          f"(runs {', '.join(f'{t:.2f}' for t in full)})")
    print(f"  re-run with the previous memo         median {statistics.median(again):6.2f} s  "
          f"(runs {', '.join(f'{t:.2f}' for t in again)}): {statistics.median(again) / statistics.median(full):.2f}x "
          f"the full rebuild; memo read from Parquet included")
    print(f"  events of the re-run identical to the full rebuild: {'yes' if all(identical) else 'NO'} "
          f"({sum(identical)}/{len(identical)} runs)")


# --- merge quality ---------------------------------------------------------------------------

def _matched_statements(statements, days: dict[datetime.date, str], threshold: float) -> dict[str, datetime.date]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    day_rows = statements[(statements["kind"] == "event") & statements["grain"].isin(["day", "hour"])
                          & statements["start"].notna()]
    day_of = [timestamp.date() for timestamp in day_rows["start"]]
    keep = [i for i, day in enumerate(day_of) if day in days]
    if not keep:
        return {}
    rows = day_rows.iloc[keep]
    vectorizer = TfidfVectorizer(analyzer=content_words, sublinear_tf=True)
    vectorizer.fit(list(statements["sentence"].drop_duplicates()) + list(days.values()))
    sentences = vectorizer.transform(rows["sentence"])
    references = vectorizer.transform([days[day_of[i]] for i in keep])
    similarity = np.asarray(sentences.multiply(references).sum(axis=1)).ravel()
    return {sid: day_of[i] for sid, i, sim in zip(rows["statement_id"], keep, similarity) if sim >= threshold}


def _cross_pairs(groups, doc_of):
    for group in groups:
        for first, second in itertools.combinations(sorted(group), 2):
            if doc_of[first] != doc_of[second]:
                yield first, second


def merge_scores(statements, events, days, threshold: float) -> dict[str, float]:
    doc_of = dict(zip(statements["statement_id"], statements["doc_id"]))
    matched = _matched_statements(statements, days, threshold)
    event_of = {sid: event_id for event_id, kind, ids in zip(events["event_id"], events["kind"], events["statement_ids"])
                if kind == "event" for sid in ids}
    by_day = defaultdict(list)
    for sid, day in matched.items():
        by_day[day].append(sid)
    gold_pairs = list(_cross_pairs(by_day.values(), doc_of))
    recalled = sum(event_of.get(a) is not None and event_of.get(a) == event_of.get(b) for a, b in gold_pairs)
    day_events = events[(events["kind"] == "event") & (events["grain"] == "day")]
    merged_pairs = [(a, b) for a, b in _cross_pairs(day_events["statement_ids"], doc_of) if a in matched or b in matched]
    precise = sum(a in matched and b in matched and matched[a] == matched[b] for a, b in merged_pairs)
    # the peer: every day-grain statement of one day in one event
    naive_groups = defaultdict(list)
    for sid, grain, start, kind in zip(statements["statement_id"], statements["grain"], statements["start"],
                                       statements["kind"]):
        if kind == "event" and grain in ("day", "hour") and start == start:
            naive_groups[start.date()].append(sid)
    naive_pairs = [(a, b) for a, b in _cross_pairs(naive_groups.values(), doc_of) if a in matched or b in matched]
    naive_precise = sum(a in matched and b in matched for a, b in naive_pairs)
    return {"gold_pairs": len(gold_pairs), "recalled": recalled, "merged_pairs": len(merged_pairs),
            "precise": precise, "naive_pairs": len(naive_pairs), "naive_precise": naive_precise}


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def report_merge(names, extractions, settings: MergeSettings, threshold: float, label: str) -> None:
    totals = defaultdict(int)
    print(f"{label}: {', '.join(names)}  (same-date threshold {settings.same_date_threshold}, "
          f"cross-grain {settings.cross_grain_threshold}, actor weight {settings.actor_weight})")
    for name in names:
        extraction = extractions[name]
        events = build_events(extraction.statements, extraction.documents, merge_settings=settings)
        scores = merge_scores(extraction.statements, events, reference_days(CORPUS / name), threshold)
        for key, value in scores.items():
            totals[key] += value
        precision = scores["precise"] / scores["merged_pairs"] if scores["merged_pairs"] else 0.0
        recall = scores["recalled"] / scores["gold_pairs"] if scores["gold_pairs"] else 0.0
        naive = scores["naive_precise"] / scores["naive_pairs"] if scores["naive_pairs"] else 0.0
        print(f"  {name:<14} pair P {precision:5.3f} ({scores['precise']}/{scores['merged_pairs']})  "
              f"R {recall:5.3f} ({scores['recalled']}/{scores['gold_pairs']})  F1 {_f1(precision, recall):5.3f}   "
              f"peer one-event-per-day P {naive:5.3f} R 1.000")
    precision = totals["precise"] / totals["merged_pairs"] if totals["merged_pairs"] else 0.0
    recall = totals["recalled"] / totals["gold_pairs"] if totals["gold_pairs"] else 0.0
    naive = totals["naive_precise"] / totals["naive_pairs"] if totals["naive_pairs"] else 0.0
    print(f"  {'all (pooled)':<14} pair P {precision:5.3f}  R {recall:5.3f}  F1 {_f1(precision, recall):5.3f}   "
          f"peer P {naive:5.3f} R 1.000 F1 {_f1(naive, 1.0):5.3f}")


def print_sample(names, extractions, settings: MergeSettings, size: int, seed: int = 7) -> None:
    pairs = []
    for name in names:
        extraction = extractions[name]
        events = build_events(extraction.statements, extraction.documents, merge_settings=settings)
        sentence_of = dict(zip(extraction.statements["statement_id"], extraction.statements["sentence"]))
        doc_of = dict(zip(extraction.statements["statement_id"], extraction.statements["doc_id"]))
        for event in events[(events["kind"] == "event") & (events["n_sources"] > 1)].itertuples():
            for a, b in _cross_pairs([event.statement_ids], doc_of):
                pairs.append((name, event.value, event.label, sentence_of[a], sentence_of[b]))
    random.Random(seed).shuffle(pairs)
    for index, (name, value, label, first, second) in enumerate(pairs[:size], start=1):
        print(f"--- {index} {name} {value} label: {label}\n  A: {first[:220]}\n  B: {second[:220]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--merge", action="store_true")
    parser.add_argument("--held-out", action="store_true", help="also score the HELD-OUT collections")
    parser.add_argument("--match", type=float, default=0.2, help="cosine for a statement to match a reference day")
    parser.add_argument("--thresholds", type=float, nargs="*", default=None,
                        help="same-date thresholds to compare (DEV only)")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--min-cosine", type=float, default=None)
    parser.add_argument("--same-date", type=float, default=None, help="same-date threshold for --merge and --sample")
    parser.add_argument("--actor-weight", type=float, default=None)
    parser.add_argument("--rerun", action="store_true", help="re-run after 1 changed article vs a full rebuild")
    parser.add_argument("--statements", type=Path, default=None, help="--rerun on this statements Parquet")
    parser.add_argument("--documents", type=Path, default=None, help="... and its documents Parquet")
    args = parser.parse_args()
    if args.speed:
        speed(args.repeat)
    if args.rerun:
        rerun(args.repeat, args.statements, args.documents)
    if args.merge or args.sample:
        with tempfile.TemporaryDirectory() as scratch:
            names = DEV + (HELD_OUT if args.held_out else ())
            extractions = {}
            for name in names:
                (Path(scratch) / name).mkdir()
                extractions[name] = extract_collection(name, Path(scratch) / name)
        settings = MergeSettings()
        if args.min_cosine is not None:
            settings = replace(settings, min_cosine=args.min_cosine)
        if args.actor_weight is not None:
            settings = replace(settings, actor_weight=args.actor_weight)
        if args.same_date is not None:
            settings = replace(settings, same_date_threshold=args.same_date)
        for threshold in args.thresholds or []:
            report_merge(DEV, extractions, replace(settings, same_date_threshold=threshold), args.match, "DEV")
        if args.merge:
            report_merge(DEV, extractions, settings, args.match, "DEV")
            if args.held_out:
                report_merge(HELD_OUT, extractions, settings, args.match, "HELD-OUT")
        if args.sample:
            print_sample(HELD_OUT if args.held_out else DEV, extractions, settings, args.sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
