"""Where the per-document work runs: a plain loop here, local worker processes, or a Dask cluster.

The work is a list of batches (each a list of documents to extract); one function turns a batch
into its result. The plain loop calls it batch after batch in this process; otherwise the batches
are a `dask.bag` (one partition per batch) mapped by that function, and the same bag is computed
either by Dask's local process scheduler (`scheduler="processes"`: worker processes on this
machine, forked from a server that has imported the extractor once) or on the `dask.distributed`
cluster whose scheduler is at `Scheduler.address` (`tcp://host:port`). Results come back in batch
order whatever order they finish in, and `progress(done, total, name)` is called as they arrive.

Locally the process scheduler, not a `distributed.LocalCluster`: on a 2-core machine the cluster's
scheduler, nannies and event loops share the cores with the work, and each of its workers starts a
fresh interpreter that imports the extractor again (measured in bench/README.md).

>>> Scheduler().describe(), Scheduler(workers=None).describe(), Scheduler("tcp://10.0.0.5:8786").describe()
('plain loop', 'auto', 'cluster at tcp://10.0.0.5:8786')
"""
from __future__ import annotations

import os
import sys
import types
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

ProgressCallback = Callable[[int, int, str], None]      # (documents done, documents in all, name of the last one)
Batch = TypeVar("Batch")
LOCAL_PROCESSES_FROM = 1000     # documents: below this, starting worker processes (their server imports the
                                # extractor, ~1-2 s on a 2-core box) costs more than it saves
# Local worker processes fork from a server process that imported the work's module once (multiprocessing's
# "forkserver"): they start warm, and unlike a plain fork they never inherit this process's threads (a progress
# bar's, Arrow's) or the locks those hold.
LOCAL_PROCESS_CONTEXT = "forkserver"
CONNECT_TIMEOUT_SECONDS = 20


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


def _preload_in_workers(module: str) -> None:
    """Have the server that local worker processes fork from import `module` (a script's `__main__` is not imported:
    work defined there travels by value)."""
    import multiprocessing

    if module != "__main__":
        multiprocessing.get_context(LOCAL_PROCESS_CONTEXT).set_forkserver_preload([module])


def prepare_local_processes(scheduler: Scheduler, module: str) -> None:
    """Start the server that local worker processes fork from, importing `module` (the work's), so it loads while this
    process lists the inputs: only when local workers were asked for (`workers` > 1). In the automatic choice the
    corpus may prove too small for workers (a 4-article run would pay ~1 CPU-s for an unused server), so the server
    starts with the workers, after the listing."""
    if scheduler.address or (scheduler.workers or 1) <= 1:
        return
    import multiprocessing.forkserver

    _preload_in_workers(module)
    multiprocessing.forkserver.ensure_running()


@contextmanager
def cluster_client(address: str) -> Iterator[Any]:
    """A dask.distributed client of the cluster whose scheduler is at `address`."""
    from distributed import Client

    try:
        client = Client(address, timeout=CONNECT_TIMEOUT_SECONDS)
    except (OSError, TimeoutError, ValueError) as error:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address} ({error})") from error
    with client:
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
    if not scheduler.address:
        return run_on_local_processes(work, batches, arguments, workers, progress, name_of)
    with cluster_client(scheduler.address) as client:
        try:
            return run_on_client(client, work, batches, arguments, progress, name_of)
        except Exception as error:  # a cluster that cannot run our code: say so, in one line, with the fix
            raise SchedulerError(f"the Dask cluster {scheduler.address} could not run the extraction ({type(error).__name__}: "
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


def _bag_of_batches(work: Callable[..., Any], batches: Sequence[Sequence[Batch]], arguments: tuple) -> Any:
    """The batches as a dask.bag of one partition each, mapped by `work`: what every scheduler computes.

    The bag is named by a fresh id, not by `dask.bag.from_sequence`'s hash of every document task (1.6 s for
    20,000 documents, before any worker could start)."""
    import uuid

    import dask.bag

    name = f"batches-{uuid.uuid4().hex}"
    bag = dask.bag.Bag({(name, index): [batch] for index, batch in enumerate(batches)}, name, len(batches))
    return bag.map_partitions(_work_on_partition, work, arguments)


@contextmanager
def _main_module_left_out() -> Iterator[None]:
    """Worker processes started inside do not run this process's `__main__` again.

    multiprocessing makes each new worker import the starting process's `__main__` (by module name, or by path)
    before its first task. The work never needs it, and a `__main__` without the `if __name__ == "__main__"` guard
    (a Streamlit page, which Streamlit and its AppTest install as `__main__`) would run whole in every worker. While
    inside, `__main__` is a bare module with neither a file nor a name to import.
    """
    real = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = real


def run_on_local_processes(work: Callable[..., Any], batches: Sequence[Sequence[Batch]], arguments: tuple,
                           workers: int, progress: ProgressCallback | None = None,
                           name_of: Callable[[Batch], str] = str) -> list:
    """`work(batch, *arguments)` for every batch as a dask.bag map on Dask's process scheduler with `workers` processes."""
    import dask
    from dask.callbacks import Callback

    if not batches:
        return []
    partitions = _bag_of_batches(work, batches, arguments).to_delayed()
    index_of = {partition.key: index for index, partition in enumerate(partitions)}
    total, done = sum(len(batch) for batch in batches), 0

    def batch_done(key, result, dsk, state, worker_id) -> None:
        nonlocal done
        if key in index_of and progress is not None:
            done += len(batches[index_of[key]])
            progress(done, total, name_of(batches[index_of[key]][-1]))

    _preload_in_workers(work.__module__)
    # one batch per hand-out (chunksize 1): the last batches spread over the workers instead of queueing on one
    try:
        with dask.config.set({"multiprocessing.context": LOCAL_PROCESS_CONTEXT}), Callback(posttask=batch_done), \
                _main_module_left_out():
            results = dask.compute(*partitions, scheduler="processes", num_workers=workers, chunksize=1)
    except BrokenProcessPool as error:   # a worker killed (out of memory, a signal): say so, with the way out
        raise SchedulerError(f"a local worker process died before its batch was done ({error}); the likeliest "
                             f"cause is memory: run again with fewer --workers (--workers 1 runs in one process)") from error
    return [result for [result] in results]


def run_on_client(client: Any, work: Callable[..., Any], batches: Sequence[Sequence[Batch]], arguments: tuple,
                  progress: ProgressCallback | None = None, name_of: Callable[[Batch], str] = str) -> list:
    """`work(batch, *arguments)` for every batch as a dask.bag map (one partition per batch) on a distributed client."""
    from distributed import as_completed

    if not batches:
        return []
    partitions = _bag_of_batches(work, batches, arguments)
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
