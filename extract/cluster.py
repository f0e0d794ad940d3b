"""Where the per-document work runs: a plain loop here, local worker processes, or a Dask cluster.

The work is a list of batches (each a list of documents to extract); one function turns a batch
into its result. The plain loop calls it batch after batch in this process; otherwise the batches
are a `dask.bag` (one partition per batch) mapped by that function and computed on a
`dask.distributed` client: a `LocalCluster` of worker processes on this machine, or the cluster
whose scheduler is at `Scheduler.address` (`tcp://host:port`). The code is the same in both cases;
results come back in batch order whatever order they finish in, and `progress(done, total, name)`
is called as they arrive.

>>> Scheduler().describe(), Scheduler(workers=None).describe(), Scheduler("tcp://10.0.0.5:8786").describe()
('plain loop', 'auto', 'cluster at tcp://10.0.0.5:8786')
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

ProgressCallback = Callable[[int, int, str], None]      # (documents done, documents in all, name of the last one)
Batch = TypeVar("Batch")
LOCAL_PROCESSES_FROM = 1000     # documents: below this, starting worker processes (~5-10 s each to import and load
                                # the gazetteers on a loaded 2-core box) costs more than it saves
CONNECT_TIMEOUT_SECONDS = 20
# A local cluster's housekeeping, made quiet: Dask's workers sample their own stacks every 10 ms for the dashboard's
# profile (~7% of a worker's CPU on our pure-Python work), every process wakes every 20 ms to time its event loop
# (taking the GIL from the task) and the nannies poll memory every 100 ms. On 2 cores shared by the client, the
# scheduler and 2 workers that was ~2 CPU-s per 1,000 documents (measured on 3,000: client 1.9 -> 1.0 s, workers'
# other threads 1.2 -> 0.3 s). Work stealing stays on: a batch runs where its task list landed, and without
# stealing one worker can be left with most of them.
LOCAL_WORKER_CONFIG = {"distributed.worker.profile.enabled": False, "distributed.admin.tick.interval": "1s",
                       "distributed.admin.system-monitor.interval": "5s",
                       "distributed.worker.memory.monitor-interval": "1s"}


class SchedulerError(Exception):
    """The Dask scheduler cannot be reached or started; the message says which and why."""


@dataclass(frozen=True)
class Scheduler:
    """Where the per-document work runs: `address` of a dask.distributed scheduler, else this machine with
    `workers` processes (1 = the plain loop; None = one per available core when the corpus is big enough)."""
    address: str = ""
    workers: int | None = 1

    def describe(self) -> str:
        """Where the work runs, in words."""
        if self.address:
            return f"cluster at {self.address}"
        return "auto" if self.workers is None else "plain loop" if self.workers <= 1 else f"{self.workers} local processes"


def available_cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def local_workers(scheduler: Scheduler, documents: int, batch_size: int = 1) -> int:
    """How many local processes to run for `documents` documents in batches of `batch_size` (1 = the plain loop, no
    cluster): with `workers` given, that many as long as each gets a batch (a re-run with a few changed files runs
    in this process); by default one per core from LOCAL_PROCESSES_FROM documents.

    >>> auto, three = Scheduler(workers=None), Scheduler(workers=3)
    >>> local_workers(auto, 10), local_workers(three, 10, batch_size=100), local_workers(three, 300, batch_size=100)
    (1, 1, 3)
    """
    if scheduler.workers is not None:
        return max(1, scheduler.workers) if documents >= max(1, scheduler.workers) * batch_size else 1
    return available_cores() if documents >= LOCAL_PROCESSES_FROM else 1


@contextmanager
def dask_client(scheduler: Scheduler, workers: int) -> Iterator[Any]:
    """A dask.distributed client of the cluster at `scheduler.address`, or of a LocalCluster of `workers` processes."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler.address:
        try:
            client = Client(scheduler.address, timeout=CONNECT_TIMEOUT_SECONDS)
        except (OSError, TimeoutError, ValueError) as error:
            raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler.address} ({error})") from error
        with client:
            yield client
        return
    # CRITICAL only: not the workers' heartbeat errors while the cluster closes (task errors reach us as exceptions)
    with dask.config.set(LOCAL_WORKER_CONFIG), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                         silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
        yield client


def _in_order(results: dict[int, Any], count: int) -> list:
    return [results[index] for index in range(count)]


def run_batches(work: Callable[..., Any], batches: Sequence[Sequence[Batch]], arguments: tuple,
                scheduler: Scheduler = Scheduler(), progress: ProgressCallback | None = None,
                name_of: Callable[[Batch], str] = str) -> list:
    """`work(batch, *arguments)` for every batch, on `scheduler`; the results in batch order.

    `work` must be a module-level function (it is pickled to the workers) and so must `arguments` be
    picklable. `progress` is called after each document in the plain loop, after each batch on Dask.
    """
    total = sum(len(batch) for batch in batches)
    workers = 1 if scheduler.address else local_workers(scheduler, total, max(len(batch) for batch in batches or [[]]))
    if not batches:
        return []   # nothing changed since the previous run: no cluster to start or reach
    if not scheduler.address and workers <= 1:
        return _run_plain(work, batches, arguments, total, progress, name_of)
    with dask_client(scheduler, workers) as client:
        try:
            return run_on_client(client, work, batches, arguments, progress, name_of)
        except Exception as error:  # a cluster that cannot run our code: say so, in one line, with the fix
            where = scheduler.address or "on this machine"
            raise SchedulerError(f"the Dask cluster {where} could not run the extraction ({type(error).__name__}: "
                                 f"{error}); its scheduler and workers must import this project's code: start them "
                                 f"with PYTHONPATH={Path(__file__).resolve().parent.parent}") from error


def _run_plain(work, batches, arguments, total, progress, name_of) -> list:
    results, done = [], 0

    def one_done(item) -> None:   # per document, for a smooth bar
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, name_of(item))

    for batch in batches:
        results.append(work(batch, *arguments, on_item=one_done))
    return results


def _work_on_partition(partition: list, work: Callable[..., Any], arguments: tuple) -> list:
    return [work(batch, *arguments) for batch in partition]


def run_on_client(client: Any, work: Callable[..., Any], batches: Sequence[Sequence[Batch]], arguments: tuple,
                  progress: ProgressCallback | None = None, name_of: Callable[[Batch], str] = str) -> list:
    """`work(batch, *arguments)` for every batch as a dask.bag map (one partition per batch) on a distributed client."""
    import dask.bag
    from distributed import as_completed

    if not batches:
        return []
    bag = dask.bag.from_sequence(list(batches), npartitions=len(batches))  # one batch per partition
    partitions = bag.map_partitions(_work_on_partition, work, arguments)
    futures = client.compute(partitions.to_delayed())
    index_of = {future.key: index for index, future in enumerate(futures)}
    arriving = as_completed(futures, with_results=True)
    del futures   # each result is released on the worker once it is here, not held there to the end
    total, done, results = sum(len(batch) for batch in batches), 0, {}
    for future, result in arriving:
        index = index_of[future.key]
        [results[index]] = result
        del future
        done += len(batches[index])
        if progress is not None:
            progress(done, total, name_of(batches[index][-1]))
    return _in_order(results, len(batches))
