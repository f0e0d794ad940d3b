"""Extraction at scale (issue 14): the plain loop against 1 and 2 local Dask workers, and an incremental re-run.

    python bench/bench_scale_extract.py [--articles 20000] [--corpus /tmp/timeline-desk-scale] [--rounds 1]
                                        [--modes plain,dask:1,dask:2,distributed:2,halves:2] [--no-incremental]

Builds (once, under /tmp, never committed) a corpus of --articles articles by copying the Timeline17 dev
articles (`../shared/corpora/Timeline17-dev/*/InputDocs`, date folders kept) and the TimeBank texts (the
<TEXT> of each TimeML file, as .txt) into `copy-NNN/` folders, so every copy has distinct doc ids.

Throughput: each mode runs the extraction stage (`extract_corpus(..., with_events=False)`: read, reference
date, tagging, actors, kinds) over the whole corpus in a fresh process; `plain` is today's single loop in
one process, returning the frames; `dask:N` is what `python -m extract --workers N` runs: the same batches
as a dask.bag on Dask's local process scheduler with N worker processes (their start-up counted), each
worker writing its batches' statements and documents as Parquet parts into a scratch folder
(`parts_folder`) and sending back only their names, counts, warnings and file states; `dask-frames:N` sends
the frames back instead (the library's default without a parts folder); `dask-read:N` is `dask:N` followed
by reading the parts back into frames in the submitting process (what the CLI does before the event stage);
`distributed:N` runs the bag on a dask.distributed LocalCluster of N worker processes instead (what a
`--scheduler` cluster runs, and what `dask:N` ran until session 4). `halves:N` is the box's own ceiling,
no Dask at all: N plain loops started together in N processes, each over its share of the files (wall =
the last to finish). Modes are interleaved round by round so they share the box's load; the medians of
--rounds rounds are printed with each mode's ratio to `plain` measured in the same run, the cost per
1,000 articles (wall seconds x cores, and CPU seconds of the whole process tree, which the box's load
inflates less), and the peak memory of the whole process tree (both sampled every 0.2 s).

Incremental: `python -m extract CORPUS --out ...` (events and the output set included) once in full,
then again after one file changed: seconds of each and their ratio. Prints the load average at the start
and the end. Asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SHARED = REPO.parent / "shared" / "corpora"
DEFAULT_CORPUS = Path(tempfile.gettempdir()) / "timeline-desk-scale"
CORPUS_STAMP = ".bench-articles"


def source_articles() -> list[tuple[str, bytes]]:
    """(relative path, bytes) of one copy: every Timeline17 dev article and every TimeBank text."""
    from extract.evaluate.timeml import read_corpus

    articles = [(str(Path(*path.parts[-4:-3], *path.parts[-2:])), path.read_bytes())
                for path in sorted(SHARED.glob("Timeline17-dev/*/InputDocs/*/*")) if path.is_file()]
    timebank, _ = read_corpus(SHARED / "TimeBank")
    articles += [(f"timebank/{Path(document.name).stem}.txt", document.text.encode("utf-8")) for document in timebank]
    return articles


def build_corpus(folder: Path, count: int) -> Path:
    """`count` articles in `folder` (copies of the sources under distinct names); reused when already built."""
    stamp = folder / CORPUS_STAMP
    if stamp.exists() and stamp.read_text() == str(count):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    articles = source_articles()
    for number in range(count):
        relative, raw = articles[number % len(articles)]
        path = folder / f"copy-{number // len(articles):03d}" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
    stamp.write_text(str(count))
    return folder


# The distributed peer's housekeeping, made quiet (what dask:N ran until session 4): Dask's workers sample their own
# stacks every 10 ms for the dashboard's profile (~7% of a worker's CPU on our pure-Python work), every process wakes
# every 20 ms to time its event loop (taking the GIL from the task) and the nannies poll memory every 100 ms. On 2
# cores shared by the client, the scheduler and 2 workers that was ~2 CPU-s per 1,000 documents (measured on 3,000:
# client 1.9 -> 1.0 s, workers' other threads 1.2 -> 0.3 s). Work stealing stays on: without it one worker can be
# left with most of the batches.
QUIET_LOCAL_CLUSTER = {"distributed.worker.profile.enabled": False, "distributed.admin.tick.interval": "1s",
                       "distributed.admin.system-monitor.interval": "5s",
                       "distributed.worker.memory.monitor-interval": "1s"}


@contextmanager
def local_cluster(workers: int) -> Iterator[str]:
    """The address of a dask.distributed LocalCluster of `workers` worker processes, one thread each, made quiet."""
    import dask
    from distributed import LocalCluster

    # CRITICAL only: not the workers' heartbeat errors while the cluster closes (task errors reach us as exceptions)
    with dask.config.set(QUIET_LOCAL_CLUSTER), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                         silence_logs=logging.CRITICAL) as cluster:
        yield cluster.scheduler_address


def corpus_files(corpus: Path) -> list[str]:
    """The corpus's article files, in the order the extractor lists them."""
    from extract.inputs import list_inputs

    return [entry.path for entry in list_inputs(corpus)]


def run_share(corpus: Path, share: int, shares: int) -> dict:
    """The plain loop over share number `share` of `shares` consecutive shares of the corpus's files."""
    from extract.cluster import Scheduler
    from extract.pipeline import extract_corpus

    files = corpus_files(corpus)
    size = -(-len(files) // shares)
    extraction = extract_corpus(files[share * size:(share + 1) * size], sources_csv=None, with_events=False,
                                scheduler=Scheduler(workers=1))
    return {"documents": len(extraction.documents), "statements": len(extraction.statements)}


def run_halves(corpus: Path, shares: int, started: float) -> dict:
    """`shares` plain loops in as many processes started together, each over its share of the files."""
    children = [subprocess.Popen([sys.executable, __file__, "--one", f"share:{share}:{shares}", "--corpus", str(corpus)],
                                 cwd=REPO, stdout=subprocess.PIPE, text=True) for share in range(shares)]
    counts = [json.loads(child.communicate()[0].strip().splitlines()[-1]) for child in children]
    if any(child.returncode for child in children):
        raise SystemExit(f"a share of halves:{shares} failed")
    return {"seconds": time.perf_counter() - started, "documents": sum(count["documents"] for count in counts),
            "statements": sum(count["statements"] for count in counts)}


def run_mode(mode: str, corpus: Path) -> dict:
    """One extraction of the corpus in this process, as `mode` (see the module's docstring); seconds and sizes."""
    from extract.cluster import Scheduler
    from extract.pipeline import extract_corpus

    import pyarrow.parquet as pq

    started = time.perf_counter()
    if mode == "plain":
        extraction = extract_corpus(corpus, sources_csv=None, with_events=False, scheduler=Scheduler(workers=1))
        return {"seconds": time.perf_counter() - started, "documents": len(extraction.documents),
                "statements": len(extraction.statements)}
    if mode.startswith("share:"):
        _, share, shares = mode.split(":")
        return run_share(corpus, int(share), int(shares))
    kind, workers = mode.split(":")
    if kind == "halves":
        return run_halves(corpus, int(workers), started)
    with tempfile.TemporaryDirectory(dir=corpus.parent) as scratch:
        parts = None if kind == "dask-frames" else Path(scratch) / "parts"
        if kind == "distributed":
            with local_cluster(int(workers)) as address:   # its start-up counted, as the CLI's would be
                extraction = extract_corpus(corpus, sources_csv=None, with_events=False, parts_folder=parts,
                                            read_frames=False, scheduler=Scheduler(address))
        else:   # Dask's local process scheduler, as `python -m extract --workers N`
            extraction = extract_corpus(corpus, sources_csv=None, with_events=False, parts_folder=parts,
                                        read_frames=kind == "dask-read", scheduler=Scheduler(workers=int(workers)))
        seconds = time.perf_counter() - started
        if parts is None or kind == "dask-read":
            return {"seconds": seconds, "documents": len(extraction.documents), "statements": len(extraction.statements)}
        rows = {dataset: sum(pq.ParquetFile(path).metadata.num_rows for path in (parts / dataset).glob("*.parquet"))
                for dataset in ("statements", "documents")}
        return {"seconds": seconds, "documents": rows["documents"], "statements": rows["statements"]}


def tree_usage(pid: int, cpu_by_pid: dict[int, float]) -> float:
    """Resident memory (MB) of a process and all its descendants now; their CPU seconds so far go into `cpu_by_pid`."""
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0
    for process in processes:
        try:
            with process.oneshot():
                total += process.memory_info().rss
                times = process.cpu_times()
                cpu_by_pid[process.pid] = max(cpu_by_pid.get(process.pid, 0.0), times.user + times.system)
        except psutil.NoSuchProcess:
            pass
    return total / 1e6


def measured(command: list[str]) -> tuple[float, float, float, str]:
    """Run `command`; (wall seconds, peak MB and CPU seconds of its process tree sampled every 0.2 s, its output)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, cpu_by_pid = [0.0], {}

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_usage(process.pid, cpu_by_pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err[-3000:]}")
    return seconds, peak[0], sum(cpu_by_pid.values()), out


def throughput(corpus: Path, modes: list[str], rounds: int, articles: int) -> None:
    """Interleaved rounds of every mode; medians, ratios to plain, cost per 1,000 articles per core, peak memory."""
    results: dict[str, list[dict]] = {mode: [] for mode in modes}
    for round_number in range(1, rounds + 1):
        for mode in modes:
            _, peak, cpu, out = measured([sys.executable, __file__, "--one", mode, "--corpus", str(corpus)])
            result = json.loads(out.strip().splitlines()[-1]) | {"peak_mb": peak, "cpu": cpu}
            results[mode].append(result)
            print(f"  round {round_number} {mode:7s} {result['seconds']:7.1f} s  {result['documents']:,} documents  "
                  f"{result['statements']:,} statements  CPU {cpu:,.0f} s  peak {peak:,.0f} MB  "
                  f"load {os.getloadavg()[0]:.2f}", flush=True)
    plain = statistics.median(run["seconds"] for run in results.get("plain", [])) if "plain" in results else None
    print(f"\nextraction stage, {articles:,} articles, medians of {rounds} round(s):")
    for mode, runs in results.items():
        seconds = statistics.median(run["seconds"] for run in runs)
        cores = 1 if mode == "plain" else int(mode.split(":")[1])   # worker processes (or plain loops)
        ratio = f"  {plain / seconds:.2f}x plain" if plain else ""
        cpu = statistics.median(run["cpu"] for run in runs)
        print(f"  {mode:7s} {seconds:7.1f} s  {articles / seconds:6.1f} articles/s{ratio}  "
              f"wall x cores {seconds / articles * 1000 * cores:5.2f} s, CPU {cpu / articles * 1000:5.2f} s "
              f"per 1,000 articles  peak {statistics.median(run['peak_mb'] for run in runs):,.0f} MB")


def stage_seconds(wall: float, summary: str) -> dict[str, float]:
    """A `python -m extract` run of `wall` seconds split by its summary into the event stage and the rest (the
    extraction side: imports, listing, extracting, reading the parts back, writing the output set).

    >>> stage_seconds(13.0, "9 documents (...) in 12.50 s (extraction 2.00 s, events 10.00 s)")["extraction side"]
    3.0
    """
    match = re.search(r" in [\d.]+ s \(extraction [\d.]+ s(?:, events (?P<events>[\d.]+) s)?\)", summary)
    events = float(match["events"] or 0) if match else 0.0
    return {"events": events, "extraction side": wall - events}


def incremental(corpus: Path, workers: int) -> None:
    """A full `python -m extract` run, then one after changing 1 file: seconds of each and their ratio."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "data" / "statements.parquet"
        sources = Path(scratch) / "sources.csv"   # none: reference dates from folders and texts, as in the modes
        sources.write_text("doc_id,published\n")
        command = [sys.executable, "-m", "extract", str(corpus), "--out", str(out), "--sources", str(sources),
                   "--workers", str(workers)]
        full, full_peak, _, full_out = measured(command)
        changed = next(path for path in sorted(corpus.rglob("*.txt")))
        original = changed.read_bytes()
        try:
            changed.write_bytes(original + b"\nOn 4 March 2010 the talks resumed.\n")
            again, again_peak, _, again_out = measured(command)
        finally:
            changed.write_bytes(original)
        print(f"\npython -m extract (events and output set included), --workers {workers}:")
        for what, seconds, peak, out in (("full run", full, full_peak, full_out),
                                         ("1 file changed", again, again_peak, again_out)):
            stages = stage_seconds(seconds, out)
            print(f"  {what:15s} {seconds:7.1f} s  peak {peak:,.0f} MB  extraction side {stages['extraction side']:6.1f} s"
                  f"  event stage {stages['events']:6.1f} s   ({out.splitlines()[0]})")
        print(f"  {next(line.strip() for line in again_out.splitlines() if 'not extracted again' in line)}")
        print(f"  incremental / full: {again / full:.3f} ({full / again:.1f}x faster); extraction side alone "
              f"{stage_seconds(again, again_out)['extraction side'] / stage_seconds(full, full_out)['extraction side']:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--modes", default="plain,dask:1,dask:2")
    parser.add_argument("--incremental-workers", type=int, default=2)
    parser.add_argument("--no-incremental", action="store_true")
    parser.add_argument("--one", help=argparse.SUPPRESS)   # internal: run one mode in this process
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_mode(args.one, args.corpus)))
        return 0
    started = time.perf_counter()
    corpus = build_corpus(args.corpus, args.articles)
    print(f"corpus {corpus}: {args.articles:,} articles (built or reused in {time.perf_counter() - started:.1f} s); "
          f"{os.cpu_count()} cores; load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}", flush=True)
    modes = [mode for mode in args.modes.split(",") if mode]
    if modes:
        throughput(corpus, modes, args.rounds, args.articles)
    if not args.no_incremental:
        incremental(corpus, args.incremental_workers)
    print(f"\nload average at the end {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
